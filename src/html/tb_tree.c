/* The tree builder's tree operations: creating and inserting nodes, pending
 * text, the appropriate place for inserting a node (foster parenting,
 * template contents), and the stack of open elements with O(1) scope checks.
 *
 * The depth limit: an element that would sit deeper than html_limits.max_depth
 * is made a child of the element above the limit instead (tb_flatten): the
 * elements past the limit lie side by side at the limit, each with its own
 * content, in document order, and the stack of open elements stays as the
 * markup says. One element holding all of it would make one block of
 * everything past the limit (100,000 unclosed table cells outweighing the
 * article before them); dropping it would lose content. docs/limits.md. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/treebuilder.h"

static void fail_oom(tb *b) {
  b->oom = 1;
  b->stop = 1;
}

dom_node *tb_new_node(tb *b, uint16_t tag) {
  if (b->stop)
    return NULL;
  if (b->lim.max_nodes && b->doc->nodes >= b->lim.max_nodes) {
    b->doc->truncated = 1;
    b->stop = 1;
    return NULL;
  }
  dom_node *n = arena_calloc(b->mem, sizeof *n);
  if (!n) {
    fail_oom(b);
    return NULL;
  }
  n->tag = tag;
  b->doc->nodes++;
  return n;
}

/* Links n into parent before `before` (NULL: as the last child). */
static void link_node(dom_node *parent, dom_node *n, dom_node *before) {
  n->parent = parent;
  n->depth = parent->depth + 1;
  n->next = before;
  n->prev = before ? before->prev : parent->last;
  if (n->prev)
    n->prev->next = n;
  else
    parent->first = n;
  if (before)
    before->prev = n;
  else
    parent->last = n;
}

void tb_detach(tb *b, dom_node *n) {
  dom_node *p = n->parent;
  if (!p)
    return;
  tb_flush_text(b);
  if (n->prev)
    n->prev->next = n->next;
  else
    p->first = n->next;
  if (n->next)
    n->next->prev = n->prev;
  else
    p->last = n->prev;
  n->parent = n->next = n->prev = NULL;
}

void tb_place(tb *b, dom_node *n, dom_node *parent, dom_node *before) {
  tb_flush_text(b);
  if (n->parent) {
    tb_detach(b, n);
    b->moved = 1;
  }
  link_node(parent, n, before);
  /* A new template's contents were linked before it had a place: their
   * depth counts from here, or the depth limit would not see them (nested
   * templates made trees deeper than any limit). */
  if (n->tag == TAG_TEMPLATE && n->first && n->first->tag == TAG_CONTENT)
    n->first->depth = n->depth + 1;
}

static int all_space(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f')
      return 0;
  return 1;
}

/* Whether text in parent is preformatted: inside a <pre> (or <listing>)
 * through inline elements only, as a highlighter's spans. A few levels
 * are looked at, so that a pathological page pays nothing. */
static int preformatted(const dom_node *parent) {
  for (int up = 0; parent && up < 16; parent = parent->parent, up++) {
    if (parent->tag == TAG_PRE || parent->tag == TAG_LISTING)
      return 1;
    if (parent->tag == TAG_TEXT || tag_flags((tag_id)parent->tag) != T_INLINE)
      return 0;
  }
  return 0;
}

/* Makes the pending character data a text node, or adds it to the text
 * node just before where it goes ("insert a character" appends to it). */
void tb_flush_text(tb *b) {
  if (!b->text_len)
    return;
  dom_node *parent = b->text_parent, *before = b->text_before;
  dom_node *prev = before ? before->prev : parent->last;
  char *s = b->text;
  size_t len = b->text_len, cap = b->text_cap;
  s[len] = '\0';
  b->text = NULL;
  b->text_len = b->text_cap = 0;
  if (prev && prev->tag == TAG_TEXT) {
    char *joined = arena_alloc(b->mem, prev->text_len + len + 1);
    if (!joined) {
      fail_oom(b);
      return;
    }
    memcpy(joined, prev->text, prev->text_len);
    memcpy(joined + prev->text_len, s, len + 1);
    prev->text = joined;
    prev->text_len += (uint32_t)len;
    return;
  }
  if (!b->keep_all && !b->text_ink && !preformatted(parent)) {
    /* White space between blocks: one space is all the extractor needs
     * (but code's line breaks between its highlighted words are kept);
     * the copy goes back to the arena when it is the last thing there. */
    if (b->mem->ptr == s + cap)
      b->mem->ptr = s;
    s = " ";
    len = 1;
  }
  dom_node *n = tb_new_node(b, TAG_TEXT);
  if (!n)
    return;
  n->text = s;
  n->text_len = (uint32_t)len;
  if (b->text_raw)
    n->kind |= DOM_RAWTEXT;
  link_node(parent, n, before);
}

/* Appends to the pending text: in place while the arena's last allocation
 * is the pending text and its chunk has room, else into a new copy. */
static void append_text(tb *b, const char *s, size_t len) {
  size_t need = b->text_len + len + 1;
  if (need > b->text_cap) {
    arena *m = b->mem;
    size_t cap = (need + 7) & ~(size_t)7;
    if (b->text && m->ptr == b->text + b->text_cap && (size_t)(m->end - b->text) >= cap) {
      m->ptr = b->text + cap;
    } else {
      char *t = arena_alloc(m, cap);
      if (!t) {
        fail_oom(b);
        return;
      }
      if (b->text_len)
        memcpy(t, b->text, b->text_len);
      b->text = t;
    }
    b->text_cap = cap;
  }
  memcpy(b->text + b->text_len, s, len);
  b->text_len += len;
}

static int has_ld_json_type(const dom_node *n) {
  const char *type = dom_attr_get(n, "type");
  if (!type)
    return 0;
  for (; *type; type++)
    if (!strncasecmp(type, "ld+json", 7))
      return 1;
  return 0;
}

void tb_insert_text(tb *b, const char *s, size_t len, int ink) {
  if (!len || !b->nstack)
    return;
  dom_node *parent, *before;
  tb_appropriate_place(b, &b->stack[b->nstack - 1], &parent, &before);
  if (parent == b->doc->root)
    return; /* text is never a child of the document */
  int raw = 0;
  if (!b->keep_all && parent->tag != TAG_TEXT && !dom_ns(parent)) {
    /* Scripts and styles are never shown: only JSON-LD is kept, for meta. */
    if (parent->tag == TAG_STYLE)
      return;
    if (parent->tag == TAG_SCRIPT) {
      if (!has_ld_json_type(parent))
        return;
      raw = 1;
    }
  }
  if (b->text_len && (b->text_parent != parent || b->text_before != before))
    tb_flush_text(b);
  if (ink < 0)
    ink = b->keep_all || !all_space(s, len); /* (the flag serves the !keep_all case alone) */
  b->text_ink = b->text_len ? b->text_ink | ink : ink;
  b->text_parent = parent;
  b->text_before = before;
  b->text_raw = raw;
  append_text(b, s, len);
}

void tb_insert_comment(tb *b, const html_token *t, dom_node *parent) {
  if (!b->keep_all)
    return; /* nothing reads comments but --dump-dom */
  dom_node *before = NULL;
  if (!parent) {
    if (!b->nstack)
      return;
    tb_appropriate_place(b, &b->stack[b->nstack - 1], &parent, &before);
  }
  dom_node *n = tb_new_node(b, TAG_COMMENT);
  if (!n)
    return;
  char *copy = arena_strndup(b->mem, t->data ? t->data : "", t->data ? t->len : 0);
  if (!copy) {
    fail_oom(b);
    return;
  }
  n->text = copy;
  n->text_len = (uint32_t)t->len;
  tb_place(b, n, parent, before);
}

static int style_hides(const char *style) {
  /* "display: none" or "visibility:hidden", spaces and case ignored. */
  char squeezed[256];
  size_t j = 0;
  for (const char *p = style; *p && j + 1 < sizeof squeezed; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n')
      squeezed[j++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
  squeezed[j] = '\0';
  return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

/* What an attribute tells about its element: id, class, hidden. */
static void note_attr(dom_node *n, dom_attr *a) {
  const char *name = a->name;
  switch (name[0]) {
  case 'c':
    if (!strcmp(name, "class"))
      n->cls = a->value;
    break;
  case 'i':
    if (!strcmp(name, "id"))
      n->id = a->value;
    break;
  case 'h':
    if (!strcmp(name, "hidden"))
      n->kind |= DOM_HIDDEN;
    break;
  case 'a':
    if (!strcmp(name, "aria-hidden") && !strcmp(a->value, "true"))
      n->kind |= DOM_HIDDEN;
    break;
  case 's':
    if (!strcmp(name, "style") && style_hides(a->value))
      n->kind |= DOM_HIDDEN;
    break;
  case 'p': /* a popover is not shown until something opens it */
    if (!strcmp(name, "popover"))
      n->kind |= DOM_HIDDEN;
    break;
  default:
    break;
  }
}

/* Adds the token's attributes n does not have yet (a second <html> or <body>
 * start tag), or all of them to a new element. */
static int add_attrs(tb *b, dom_node *n, const html_token *t, int ns, int only_missing) {
  dom_attr **tail = &n->attrs;
  size_t kept = 0;
  while (*tail)
    tail = &(*tail)->next, kept++;
  for (size_t i = 0; i < t->nattrs; i++) {
    const tok_attr *ta = &t->attrs[i];
    /* The limits (pith_options.max_attributes, max_attribute_bytes): the
     * rest of the attributes, and a value too long, are left out. The
     * first also bounds the only_missing search below. */
    if (b->lim.max_attrs && kept >= b->lim.max_attrs) {
      b->doc->truncated = 1;
      break;
    }
    if (b->lim.max_attr_bytes && ta->value_len > b->lim.max_attr_bytes) {
      b->doc->truncated = 1;
      continue;
    }
    int attr_ns = DOM_NS_HTML;
    const char *name = NULL;
    if (ns != DOM_NS_HTML)
      name = tb_adjust_attr_name(ns, ta->name, ta->name_len, &attr_ns);
    if (only_missing) {
      int have = 0;
      for (const dom_attr *a = n->attrs; a && !have; a = a->next)
        have = strlen(a->name) == ta->name_len && !memcmp(a->name, ta->name, ta->name_len);
      if (have)
        continue;
    }
    dom_attr *a = arena_alloc(b->mem, sizeof *a);
    if (!a || !(a->name = name ? name : arena_strndup(b->mem, ta->name, ta->name_len)) ||
        !(a->value = arena_strndup(b->mem, ta->value ? ta->value : "", ta->value_len))) {
      fail_oom(b);
      return -1;
    }
    a->ns = attr_ns;
    a->next = NULL;
    *tail = a;
    tail = &a->next;
    kept++;
    note_attr(n, a);
  }
  return 0;
}

void tb_add_missing_attrs(tb *b, dom_node *n, const html_token *t) {
  add_attrs(b, n, t, DOM_NS_HTML, 1);
}

dom_node *tb_create_element(tb *b, const html_token *t, int ns, uint16_t tag, const char *name,
                            size_t name_len) {
  uint16_t node_tag = tag;
  if (ns == DOM_NS_SVG)
    node_tag = name_len == 3 && !memcmp(name, "svg", 3) ? TAG_SVG : TAG_UNKNOWN;
  else if (ns == DOM_NS_MATHML)
    node_tag = name_len == 4 && !memcmp(name, "math", 4) ? TAG_MATH : TAG_UNKNOWN;
  dom_node *n = tb_new_node(b, node_tag);
  if (!n)
    return NULL;
  if (ns == DOM_NS_SVG)
    n->kind |= DOM_SVG;
  else if (ns == DOM_NS_MATHML)
    n->kind |= DOM_MATHML;
  if ((node_tag == TAG_UNKNOWN || ns != DOM_NS_HTML) &&
      !(n->name = arena_strndup(b->mem, name, name_len))) {
    fail_oom(b);
    return NULL;
  }
  if (ns == DOM_NS_HTML && node_tag == TAG_UNKNOWN && name_len == 15 &&
      !memcmp(name, "selectedcontent", 15))
    b->selectedcontent = 1;
  if (t && add_attrs(b, n, t, ns, 0) < 0)
    return NULL;
  if (ns == DOM_NS_HTML) {
    switch (tag) {
    case TAG_TEMPLATE: {
      dom_node *content = tb_new_node(b, TAG_CONTENT);
      if (!content)
        return NULL;
      link_node(n, content, NULL);
      break;
    }
    case TAG_TITLE:
      if (!b->doc->title)
        b->doc->title = n;
      break;
    case TAG_HTML:
      if (!b->doc->html)
        b->doc->html = n;
      break;
    case TAG_HEAD:
      if (!b->doc->head)
        b->doc->head = n;
      break;
    case TAG_BODY:
      if (!b->doc->body)
        b->doc->body = n;
      break;
    default:
      break;
    }
  }
  return n;
}

void tb_flatten(tb *b, dom_node **parent, dom_node **before) {
  if (!b->lim.max_depth)
    return;
  while ((*parent)->depth >= b->lim.max_depth && (*parent)->parent) {
    *parent = (*parent)->parent;
    *before = NULL;
    b->doc->truncated = 1;
  }
}

/* "Insert a foreign element" (HTML elements too): at the appropriate place
 * (past the depth limit: flattened), pushed on the stack. NULL when parsing
 * stops. */
dom_node *tb_insert_element(tb *b, const html_token *t, int ns) {
  const char *name = t->name;
  size_t name_len = t->name_len;
  uint16_t tag = ns == DOM_NS_HTML ? t->tag : TAG_UNKNOWN;
  if (ns == DOM_NS_SVG)
    tb_adjust_svg_name(&name, &name_len);
  if (tag == TAG_IMAGE)
    tag = TAG_IMG;
  if (ns == DOM_NS_HTML && tag != TAG_UNKNOWN)
    name = tag_name((tag_id)tag); /* (name_len only counts for unknown and foreign names) */
  dom_node *parent, *before;
  tb_appropriate_place(b, b->nstack ? &b->stack[b->nstack - 1] : NULL, &parent, &before);
  tb_flatten(b, &parent, &before);
  dom_node *n = tb_create_element(b, t, ns, tag, name, name_len);
  if (!n)
    return NULL;
  tb_place(b, n, parent, before);
  tb_push(b, n, ns, tag, n->name ? n->name : name, 0);
  if (ns != DOM_NS_HTML && b->nstack)
    tb_set_entry_bits(b, tb_foreign_bits(ns, n->name, t));
  return n;
}

/* An HTML element the markup did not write (html, head, body, tbody, tr,
 * colgroup, p): no attributes. */
dom_node *tb_insert_html(tb *b, uint16_t tag, const char *name) {
  html_token t;
  memset(&t, 0, sizeof t);
  t.type = TOK_START_TAG;
  t.tag = tag;
  t.name = name;
  t.name_len = strlen(name);
  return tb_insert_element(b, &t, DOM_NS_HTML);
}

/* ---- the appropriate place for inserting a node ---- */

static int is_table_ish(const tb_entry *e) {
  if (e->ns != DOM_NS_HTML)
    return 0;
  switch (e->tag) {
  case TAG_TABLE:
  case TAG_TBODY:
  case TAG_TFOOT:
  case TAG_THEAD:
  case TAG_TR:
    return 1;
  default:
    return 0;
  }
}

/* Inside a template element means inside its contents. */
static dom_node *into(const tb_entry *e) {
  if (!(e->bits & E_PHANTOM) && e->ns == DOM_NS_HTML && e->tag == TAG_TEMPLATE && e->node->first)
    return e->node->first;
  return e->node;
}

void tb_appropriate_place(tb *b, const tb_entry *target, dom_node **parent, dom_node **before) {
  *before = NULL;
  if (!target) {
    *parent = b->doc->root;
    return;
  }
  if (b->foster && is_table_ish(target)) {
    uint32_t tmpl = b->top_of[TAG_TEMPLATE], table = b->top_of[TAG_TABLE];
    if (tmpl != TB_NONE && (table == TB_NONE || tmpl > table)) {
      *parent = into(&b->stack[tmpl]);
      return;
    }
    if (table == TB_NONE) {
      *parent = b->stack[0].node;
      return;
    }
    const tb_entry *te = &b->stack[table];
    if (te->bits & E_PHANTOM) {
      *parent = te->node;
      return;
    }
    if (te->node->parent) {
      *parent = te->node->parent;
      *before = te->node;
      return;
    }
    *parent = into(&b->stack[table - 1]);
    return;
  }
  *parent = into(target);
}

/* ---- the stack of open elements ---- */

static int is_boundary(const tb_entry *e, int scope) {
  if (e->ns != DOM_NS_HTML)
    return scope != SCOPE_TABLE && (e->bits & E_BOUNDARY);
  switch (e->tag) {
  case TAG_HTML:
  case TAG_TABLE:
  case TAG_TEMPLATE:
    return 1;
  case TAG_APPLET:
  case TAG_CAPTION:
  case TAG_TD:
  case TAG_TH:
  case TAG_MARQUEE:
  case TAG_OBJECT:
    return scope != SCOPE_TABLE;
  case TAG_OL:
  case TAG_UL:
    return scope == SCOPE_LIST_ITEM;
  case TAG_BUTTON:
    return scope == SCOPE_BUTTON;
  default:
    return 0;
  }
}

/* Fills the entry at index i's scope fields and links it into its tag's
 * chain. */
static void link_entry(tb *b, size_t i) {
  tb_entry *e = &b->stack[i];
  for (int s = 0; s < SCOPE_COUNT; s++)
    e->bnd[s] = is_boundary(e, s) ? (uint32_t)i : i ? b->stack[i - 1].bnd[s] : TB_NONE;
  if (e->ns == DOM_NS_HTML && e->tag < TAG_COUNT) {
    e->below = b->top_of[e->tag];
    b->top_of[e->tag] = (uint32_t)i;
  } else {
    e->below = TB_NONE;
  }
  if (!(e->bits & E_PHANTOM))
    e->node->kind |= DOM_OPEN_;
}

static void unlink_entry(tb *b, size_t i) {
  tb_entry *e = &b->stack[i];
  if (e->ns == DOM_NS_HTML && e->tag < TAG_COUNT)
    b->top_of[e->tag] = e->below;
  if (!(e->bits & E_PHANTOM))
    e->node->kind &= (uint16_t)~DOM_OPEN_;
}

/* Makes room for one more element in a growable array (malloc'd: it is
 * the parse's scratch, freed at its end, not the page's). Returns the
 * array, moved or not, or NULL when out of memory (the old one stays). */
void *tb_grow(tb *b, void *array, size_t *cap, size_t n, size_t elem_size) {
  if (n < *cap)
    return array;
  size_t new_cap = *cap ? *cap * 2 : 64;
  void *a = realloc(array, new_cap * elem_size);
  if (!a) {
    fail_oom(b);
    return NULL;
  }
  *cap = new_cap;
  return a;
}

static int grow_stack(tb *b) {
  tb_entry *s = tb_grow(b, b->stack, &b->stack_cap, b->nstack, sizeof *s);
  if (!s)
    return -1;
  b->stack = s;
  return 0;
}

void tb_push(tb *b, dom_node *n, int ns, uint16_t tag, const char *name, int phantom) {
  if (phantom && b->nstack) {
    tb_entry *top = &b->stack[b->nstack - 1];
    if ((top->bits & E_PHANTOM) && top->node == n && top->ns == ns && top->tag == tag &&
        (tag != TAG_UNKNOWN || !strcmp(top->name, name)) && top->repeat < UINT32_MAX) {
      top->repeat++; /* a million nested <div>s past the limit: one entry */
      return;
    }
  }
  if (grow_stack(b) < 0)
    return;
  tb_entry *e = &b->stack[b->nstack];
  e->node = n;
  e->name = name;
  e->tag = tag;
  e->ns = (uint8_t)ns;
  e->bits = phantom ? E_PHANTOM : 0;
  e->repeat = 0;
  link_entry(b, b->nstack);
  b->nstack++;
}

void tb_set_entry_bits(tb *b, int bits) {
  size_t i = b->nstack - 1;
  unlink_entry(b, i);
  b->stack[i].bits |= (uint8_t)bits;
  link_entry(b, i);
}

void tb_pop(tb *b) {
  if (!b->nstack)
    return;
  tb_entry *e = &b->stack[b->nstack - 1];
  if (e->repeat) {
    e->repeat--;
    return;
  }
  unlink_entry(b, b->nstack - 1);
  b->nstack--;
}

void tb_remove_entry(tb *b, size_t i) {
  if (i >= b->nstack)
    return;
  for (size_t j = b->nstack; j-- > i;)
    unlink_entry(b, j);
  memmove(&b->stack[i], &b->stack[i + 1], (b->nstack - i - 1) * sizeof *b->stack);
  b->nstack--;
  for (size_t j = i; j < b->nstack; j++)
    link_entry(b, j);
}

void tb_insert_entry(tb *b, size_t i, dom_node *n) {
  if (grow_stack(b) < 0)
    return;
  for (size_t j = b->nstack; j-- > i;)
    unlink_entry(b, j);
  memmove(&b->stack[i + 1], &b->stack[i], (b->nstack - i) * sizeof *b->stack);
  b->nstack++;
  tb_entry *e = &b->stack[i];
  e->node = n;
  e->name = n->name ? n->name : tag_name((tag_id)n->tag);
  e->tag = n->tag;
  e->ns = DOM_NS_HTML;
  e->bits = 0;
  e->repeat = 0;
  for (size_t j = i; j < b->nstack; j++)
    link_entry(b, j);
}

long tb_find_entry(const tb *b, const dom_node *n) {
  if (!(n->kind & DOM_OPEN_))
    return -1;
  for (size_t i = b->nstack; i-- > 0;)
    if (b->stack[i].node == n && !(b->stack[i].bits & E_PHANTOM))
      return (long)i;
  return -1;
}

void tb_pop_until_tag(tb *b, uint16_t tag) {
  while (b->nstack) {
    int hit = tb_cur_is(b, tag);
    tb_pop(b);
    if (hit)
      return;
  }
}

void tb_pop_until_heading(tb *b) {
  while (b->nstack) {
    tb_entry *e = &b->stack[b->nstack - 1];
    int hit = e->ns == DOM_NS_HTML && tag_is_heading((tag_id)e->tag);
    tb_pop(b);
    if (hit)
      return;
  }
}

void tb_pop_until_cell(tb *b) {
  while (b->nstack) {
    int hit = tb_cur_is(b, TAG_TD) || tb_cur_is(b, TAG_TH);
    tb_pop(b);
    if (hit)
      return;
  }
}

int tb_in_scope(const tb *b, uint16_t tag, int scope) {
  uint32_t at = b->top_of[tag];
  if (at == TB_NONE)
    return 0;
  uint32_t bnd = b->stack[b->nstack - 1].bnd[scope];
  return bnd == TB_NONE || at >= bnd;
}

int tb_node_in_scope(const tb *b, const dom_node *n, int scope) {
  long at = tb_find_entry(b, n);
  if (at < 0)
    return 0;
  uint32_t bnd = b->stack[b->nstack - 1].bnd[scope];
  return bnd == TB_NONE || (uint32_t)at >= bnd;
}

static int implied_end(uint16_t tag, int thorough) {
  switch (tag) {
  case TAG_DD:
  case TAG_DT:
  case TAG_LI:
  case TAG_OPTGROUP:
  case TAG_OPTION:
  case TAG_P:
  case TAG_RB:
  case TAG_RP:
  case TAG_RT:
  case TAG_RTC:
    return 1;
  case TAG_CAPTION:
  case TAG_COLGROUP:
  case TAG_TBODY:
  case TAG_TD:
  case TAG_TFOOT:
  case TAG_TH:
  case TAG_THEAD:
  case TAG_TR:
    return thorough;
  default:
    return 0;
  }
}

void tb_generate_implied(tb *b, uint16_t except) {
  while (b->nstack) {
    tb_entry *e = &b->stack[b->nstack - 1];
    if (e->ns != DOM_NS_HTML || e->tag == except || !implied_end(e->tag, 0))
      return;
    tb_pop(b);
  }
}

void tb_generate_implied_thoroughly(tb *b) {
  while (b->nstack) {
    tb_entry *e = &b->stack[b->nstack - 1];
    if (e->ns != DOM_NS_HTML || !implied_end(e->tag, 1))
      return;
    tb_pop(b);
  }
}

int tb_is_special(const tb_entry *e) {
  if (e->ns != DOM_NS_HTML)
    return (e->bits & E_BOUNDARY) != 0;
  switch (e->tag) {
  case TAG_ADDRESS:
  case TAG_APPLET:
  case TAG_AREA:
  case TAG_ARTICLE:
  case TAG_ASIDE:
  case TAG_BASE:
  case TAG_BASEFONT:
  case TAG_BGSOUND:
  case TAG_BLOCKQUOTE:
  case TAG_BODY:
  case TAG_BR:
  case TAG_BUTTON:
  case TAG_CAPTION:
  case TAG_CENTER:
  case TAG_COL:
  case TAG_COLGROUP:
  case TAG_DD:
  case TAG_DETAILS:
  case TAG_DIR:
  case TAG_DIV:
  case TAG_DL:
  case TAG_DT:
  case TAG_EMBED:
  case TAG_FIELDSET:
  case TAG_FIGCAPTION:
  case TAG_FIGURE:
  case TAG_FOOTER:
  case TAG_FORM:
  case TAG_FRAME:
  case TAG_FRAMESET:
  case TAG_H1:
  case TAG_H2:
  case TAG_H3:
  case TAG_H4:
  case TAG_H5:
  case TAG_H6:
  case TAG_HEAD:
  case TAG_HEADER:
  case TAG_HGROUP:
  case TAG_HR:
  case TAG_HTML:
  case TAG_IFRAME:
  case TAG_IMG:
  case TAG_INPUT:
  case TAG_KEYGEN:
  case TAG_LI:
  case TAG_LINK:
  case TAG_LISTING:
  case TAG_MAIN:
  case TAG_MARQUEE:
  case TAG_MENU:
  case TAG_META:
  case TAG_NAV:
  case TAG_NOEMBED:
  case TAG_NOFRAMES:
  case TAG_NOSCRIPT:
  case TAG_OBJECT:
  case TAG_OL:
  case TAG_P:
  case TAG_PARAM:
  case TAG_PLAINTEXT:
  case TAG_PRE:
  case TAG_SCRIPT:
  case TAG_SEARCH:
  case TAG_SECTION:
  case TAG_SELECT:
  case TAG_SOURCE:
  case TAG_STYLE:
  case TAG_SUMMARY:
  case TAG_TABLE:
  case TAG_TBODY:
  case TAG_TD:
  case TAG_TEMPLATE:
  case TAG_TEXTAREA:
  case TAG_TFOOT:
  case TAG_TH:
  case TAG_THEAD:
  case TAG_TITLE:
  case TAG_TR:
  case TAG_TRACK:
  case TAG_UL:
  case TAG_WBR:
  case TAG_XMP:
    return 1;
  default:
    return 0;
  }
}
