/* Main-content extraction.
 *
 * 1. measure: one pass over the DOM marks what can never be content (scripts,
 *    hidden elements, form controls), classifies elements by class/id/role
 *    words, and sums visible characters and link characters per element.
 * 2. blocks: a walk in document order cuts the visible text into blocks
 *    (paragraphs, headings, list items, table rows, ...), each remembering
 *    the element that holds it and any boilerplate element around it.
 * 3. root: every block gets a weight — positive for prose, negative for link
 *    lists, short fragments and boilerplate — and every element the sum of
 *    the weights below it. The element with the largest sum is the root of
 *    the main content: it takes in an article split over several sibling
 *    containers, and stops before the menus and lists around it. Readers'
 *    comments and lists of other pages that no name gives away are found
 *    by their build, beside the headline's own prose, and set aside.
 * 4. emit: the blocks under the root, less boilerplate inside it, link
 *    lists and repeats, become the article.
 */
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/classify.h"
#include "extract/internal.h"
#include "meta/credit.h"
#include "meta/lang.h"
#include "util/buf.h"
#include "util/deadline.h"
#include "util/url.h"

/* ---- 4. emit ------------------------------------------------------------- */

static int keep_block(const extraction *x, const text_block *b, const dom_node *root, int listing) {
  if (b->container == NULL || b->container->order < root->order ||
      b->container->order > root->order_end)
    return 0;
  if (b->teaser && !listing)
    return 0;
  /* A listing's records are made of bylines and dates: there only a
   * boilerplate name counts, not a metadata one, and a weak one ("header")
   * only on more than a record's worth of text. */
  const dom_node *boiler = listing ? b->neg : b->boiler;
  if (listing && boiler && (boiler->flags & NF_WEAKNEG) && boiler->chars < LISTING_WEAK_MAX)
    boiler = NULL; /* "listing__header": a record's header, not the page's */
  if (boiler && boiler->order > root->order && !(x->names_ignored && !is_structural(boiler)))
    return 0;
  /* A table of contents repeats the headings below it. */
  if (!listing && b->kind == BLOCK_LIST_ITEM && b->anchor_chars * 4 > b->chars * 3)
    return 0;
  /* Inside the root, only blocks that are nearly all link text are lists of
   * links; a paragraph with a few links in it is prose. */
  if (!listing && b->kind != BLOCK_HEADING && b->chars > 0 && b->link_chars * 4 > b->chars * 3)
    return 0;
  return 1;
}

/* Whether the heading kept[k] is followed by content before the next heading
 * of its rank or higher. */
static int heads_something(const extraction *x, const size_t *kept, size_t nkept, size_t k) {
  int level = x->blocks[kept[k]].level;
  for (size_t j = k + 1; j < nkept; j++) {
    const text_block *b = &x->blocks[kept[j]];
    if (b->kind != BLOCK_HEADING)
      return 1;
    if (b->level <= level)
      return 0;
  }
  return 0;
}

/* The run of kept blocks with the largest total weight: bylines, dates and
 * "more stories" lists at the edges of the root fall away, short lines
 * between paragraphs stay. */
#ifndef TRIM_EDGES
#define TRIM_EDGES 1
#endif

static void best_run(const extraction *x, const size_t *kept, size_t nkept, size_t *from,
                     size_t *to) {
  float best = -1e30f, run = 0;
  size_t start = 0;
  for (size_t k = 0; k < nkept; k++) {
    if (run <= 0) {
      run = 0;
      start = k;
    }
    run += x->blocks[kept[k]].weight;
    if (run >= best) {
      best = run;
      *from = start;
      *to = k + 1;
    }
  }
}

/* ---- 5. the tree -------------------------------------------------------- */

/* The emitted blocks, placed in the article's tree: lists, items, tables
 * and quotes come from the elements around each block, up to the root. */
#define TREE_DEPTH_MAX 24

typedef struct {
  extraction *x;
  article *a;
  arena *mem;
  const dom_node *root;
  const char *base; /* the page's address, for links */
  const dom_node *open_dom[TREE_DEPTH_MAX];
  art_node *open_node[TREE_DEPTH_MAX];
  int depth;
  uint32_t last_end; /* where the last emitted block's text ends, in extraction.text */
  size_t next_alone; /* the first lone image or rule not yet looked at */
} tree;

static int is_list(tag_id t) {
  return t == TAG_UL || t == TAG_OL || t == TAG_MENU;
}

/* The elements that make structure around n, outermost first. Tables count
 * only for rows and table captions. */
static int structure_of(const tree *t, const dom_node *n, int in_table, const dom_node **chain) {
  const dom_node *rev[TREE_DEPTH_MAX];
  int k = 0;
  for (const dom_node *p = n; p && p->tag != TAG_TEXT && p->order >= t->root->order;
       p = p->parent) {
    tag_id tag = (tag_id)p->tag;
    int take = is_list(tag) || tag == TAG_LI || tag == TAG_BLOCKQUOTE;
    if (tag == TAG_TABLE && in_table) {
      take = 1;
      in_table = 0; /* the nearest table only */
    }
    if (take && k < TREE_DEPTH_MAX)
      rev[k++] = p;
    if (p == t->root)
      break;
  }
  for (int i = 0; i < k; i++)
    chain[i] = rev[k - 1 - i];
  return k;
}

static int to_int(const char *s, int lo, int hi, int dflt) {
  if (!s)
    return dflt;
  char *end;
  long v = strtol(s, &end, 10);
  return end == s || v < lo || v > hi ? dflt : (int)v;
}

/* An open node's last child of the given kind, or a new one. */
static art_node *last_or_new(tree *t, art_node *parent, node_kind kind) {
  art_node *last = parent ? parent->last : t->a->body.last;
  if (last && last->kind == kind)
    return last;
  return article_open(t->a, t->mem, parent, kind);
}

/* Opens the tree's nodes for the structure around n; returns the node new
 * content goes into (NULL: the body), or sets oom. */
static art_node *place(tree *t, const dom_node *n, int in_table, int *oom) {
  const dom_node *chain[TREE_DEPTH_MAX];
  int k = structure_of(t, n, in_table, chain);
  int same = 0;
  while (same < t->depth && same < k && t->open_dom[same] == chain[same])
    same++;
  t->depth = same;
  for (int i = same; i < k; i++) {
    art_node *parent = t->depth ? t->open_node[t->depth - 1] : NULL;
    tag_id tag = (tag_id)chain[i]->tag;
    art_node *node;
    if (tag == TAG_LI) {
      if (!parent || parent->kind != NODE_LIST)
        parent = last_or_new(t, parent, NODE_LIST); /* an item outside a list */
      node = parent ? article_open(t->a, t->mem, parent, NODE_ITEM) : NULL;
    } else {
      node_kind kind = is_list(tag) ? NODE_LIST : tag == TAG_TABLE ? NODE_TABLE : NODE_QUOTE;
      /* A list straight inside a list goes into an item. */
      if (parent && parent->kind == NODE_LIST)
        parent = article_open(t->a, t->mem, parent, NODE_ITEM);
      node = parent || !t->depth ? article_open(t->a, t->mem, parent, kind) : NULL;
      if (node && tag == TAG_OL) {
        node->ordered = 1;
        node->start = to_int(dom_attr_get(chain[i], "start"), 0, 1000000000, 1);
      }
    }
    if (!node) {
      *oom = 1;
      return NULL;
    }
    t->open_dom[t->depth] = chain[i];
    t->open_node[t->depth++] = node;
  }
  art_node *into = t->depth ? t->open_node[t->depth - 1] : NULL;
  /* Text straight inside a list is an item of its own. */
  if (into && into->kind == NODE_LIST && !(into = article_open(t->a, t->mem, into, NODE_ITEM)))
    *oom = 1;
  return into;
}

/* What relative links resolve against: the page's <base href>, else the
 * address it was given, else the address it gives itself (canonical,
 * og:url). NULL: links stay as written. */
static const char *link_base(const dom_doc *doc, const char *url) {
  const char *base = NULL, *canonical = NULL, *og = NULL;
  for (const dom_node *n = doc->head ? doc->head->first : NULL; n; n = n->next) {
    if (n->tag == TAG_BASE && !base)
      base = dom_attr_get(n, "href");
    else if (n->tag == TAG_LINK && !canonical) {
      const char *rel = dom_attr_get(n, "rel");
      if (rel && !strcasecmp(rel, "canonical"))
        canonical = dom_attr_get(n, "href");
    } else if (n->tag == TAG_META && !og) {
      const char *prop = dom_attr_get(n, "property");
      if (prop && !strcmp(prop, "og:url"))
        og = dom_attr_get(n, "content");
    }
  }
  if (url_is_http(base))
    return base;
  if (url_is_http(url))
    return url;
  return url_is_http(canonical) ? canonical : url_is_http(og) ? og : url;
}

/* An image's address: lazy-loading pages keep the real one aside. */
static const char *image_src(const dom_node *img) {
  static const char *const names[] = {"data-src", "data-lazy-src", "data-original", "src"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    const char *v = dom_attr_get(img, names[i]);
    if (v && *v && strncmp(v, "data:", 5) != 0)
      return v;
  }
  return NULL;
}

static char *copy_attr(arena *mem, const dom_node *n, const char *name, int *oom) {
  const char *v = dom_attr_get(n, name);
  if (!v || !*v)
    return NULL;
  char *c = squeeze_spaces(mem, v, strlen(v));
  if (!c)
    *oom = 1;
  return c && *c ? c : NULL;
}

/* The figure for an image element, or NULL without a usable address (or
 * for a tracking pixel). */
static int is_pixel(const dom_node *img) {
  const char *w = dom_attr_get(img, "width"), *h = dom_attr_get(img, "height");
  return (w && (!strcmp(w, "0") || !strcmp(w, "1"))) || (h && (!strcmp(h, "0") || !strcmp(h, "1")));
}

static article_image *image_of(tree *t, const dom_node *img, int *oom) {
  const char *src = img && !is_pixel(img) ? image_src(img) : NULL;
  if (!src)
    return NULL;
  article_image *im = arena_calloc(t->mem, sizeof *im);
  if (!im || !(im->src = url_resolve(t->mem, t->base, src))) {
    *oom = !im;
    return NULL;
  }
  im->alt = copy_attr(t->mem, img, "alt", oom);
  return im;
}

static const dom_node *figure_around(const dom_node *n) {
  for (; n && n->tag != TAG_TEXT; n = n->parent)
    if (n->tag == TAG_FIGURE)
      return n;
  return NULL;
}

/* Adds a figure for a caption: the caption, and the image of the <figure>
 * around it when there is one; it is also one of the article's images. */
static int add_caption_figure(tree *t, const text_block *b, const char *caption) {
  int oom = 0;
  const dom_node *figure = figure_around(b->container), *img = NULL;
  for (const dom_node *n = figure; n; n = dom_next(figure, n, 0))
    if (n->tag == TAG_IMG && image_src(n)) {
      img = n;
      break;
    }
  article_image *im = img ? image_of(t, img, &oom) : NULL;
  if (!im && !oom)
    im = arena_calloc(t->mem, sizeof *im);
  if (!im)
    return -1;
  /* "Cherry tomatoes on the vine. (Photo: Jane Doe)": the credit apart. */
  size_t len = strlen(caption), cap_end, credit, credit_end;
  credit_kind ck = credit_find(caption, len, &cap_end, &credit, &credit_end);
  if (ck != CREDIT_NONE &&
      !(im->credit = arena_strndup(t->mem, caption + credit, credit_end - credit)))
    return -1;
  if (ck == CREDIT_TRAILING) {
    while (cap_end > 0 && caption[cap_end - 1] == ' ')
      cap_end--;
    if (!(caption = arena_strndup(t->mem, caption, cap_end)))
      return -1;
  }
  im->caption = ck == CREDIT_ALONE ? NULL : caption;
  art_node *parent = place(t, b->container, 0, &oom);
  art_node *node = oom ? NULL : article_open(t->a, t->mem, parent, NODE_FIGURE);
  if (!node)
    return -1;
  node->image = im;
  article_meta *m = &t->a->meta;
  if (m->last_image)
    m->last_image->next = im;
  else
    m->images = im;
  m->last_image = im;
  m->nimages++;
  return 0;
}

/* Whether an element sits in a teaser record or boilerplate inside the
 * root: a lone image or rule there is not the article's. */
static int outside_article(const tree *t, const dom_node *n, const dom_node *boiler) {
  if (n->order < t->root->order || n->order > t->root->order_end)
    return 1;
  if (boiler && boiler->order > t->root->order)
    return 1;
  for (const dom_node *p = n; p && p->tag != TAG_TEXT && p != t->root; p = p->parent)
    if (p->flags & (NF_TEASER | NF_JUNK)) /* a teaser, or still hidden */
      return 1;
  return 0;
}

/* Whether the <figure> around an image has a caption with words: the
 * caption brings the figure, image and all. */
static int captioned(const dom_node *img) {
  const dom_node *figure = figure_around(img);
  if (!figure)
    return 0;
  for (const dom_node *n = figure->first; n; n = dom_next(figure, n, 0))
    if (n->tag == TAG_FIGCAPTION && n->chars > 0)
      return 1;
  return 0;
}

/* Lone images and rules between the last emitted block and the text at
 * off. Rules only between blocks: one at the edge separates nothing. */
static int add_standalone_before(tree *t, uint32_t off) {
  extraction *x = t->x;
  for (; t->next_alone < x->nalone && x->alone[t->next_alone].off <= off; t->next_alone++) {
    standalone *s = &x->alone[t->next_alone];
    int at_start = !t->a->body.first;
    if (s->off < t->last_end)
      continue;
    if (outside_article(t, s->node, s->boiler))
      continue;
    int oom = 0;
    if (s->node->tag == TAG_HR) {
      if (at_start)
        continue;
      art_node *parent = place(t, s->node->parent, 0, &oom);
      if (oom || !article_open(t->a, t->mem, parent, NODE_SEPARATOR))
        return -1;
      continue;
    }
    if (captioned(s->node))
      continue;
    article_image *im = image_of(t, s->node, &oom);
    if (oom)
      return -1;
    if (!im)
      continue;
    art_node *parent = place(t, s->node->parent, 0, &oom);
    art_node *node = oom ? NULL : article_open(t->a, t->mem, parent, NODE_FIGURE);
    if (!node)
      return -1;
    node->image = im;
  }
  return 0;
}

/* A code block's language, from a "language-x" or "lang-x" class on the
 * <pre> or the <code> in it. */
static const char *code_language(tree *t, const dom_node *n) {
  const dom_node *pre = n;
  while (pre && pre->tag != TAG_TEXT && pre->tag != TAG_PRE)
    pre = pre->parent;
  if (!pre || pre->tag != TAG_PRE)
    return NULL;
  const dom_node *code = pre->first;
  while (code && code->tag == TAG_TEXT)
    code = code->next;
  const char *classes[2] = {pre->cls, code && code->tag == TAG_CODE ? code->cls : NULL};
  for (int i = 0; i < 2; i++) {
    const char *c = classes[i];
    while (c && *c) {
      while (*c == ' ')
        c++;
      size_t len = strcspn(c, " ");
      size_t skip = !strncmp(c, "language-", 9) ? 9 : !strncmp(c, "lang-", 5) ? 5 : 0;
      if (skip && len > skip && len - skip < 32)
        return arena_strndup(t->mem, c + skip, len - skip);
      c += len;
    }
  }
  return NULL;
}

static unsigned style_of(tag_id t) {
  switch (t) {
  case TAG_EM:
  case TAG_I:
    return STYLE_EM;
  case TAG_STRONG:
  case TAG_B:
    return STYLE_STRONG;
  case TAG_CODE:
  case TAG_KBD:
  case TAG_SAMP:
  case TAG_TT:
    return STYLE_CODE;
  case TAG_SUB:
    return STYLE_SUB;
  case TAG_SUP:
    return STYLE_SUP;
  default:
    return 0;
  }
}

/* Builds the runs of the text extraction.text[from, to), which is copied at out;
 * marks [m, mend) fall in it. Returns NULL (and leaves *oom) when the text
 * is one plain run. */
typedef struct {
  art_run *first, *last;
  int plain;
} runs;

static int push_run(tree *t, runs *r, run_kind kind, unsigned style, const char *text, size_t len,
                    const char *href) {
  if (kind == RUN_TEXT && !len)
    return 0;
  if (kind == RUN_TEXT && r->last && r->last->kind == RUN_TEXT && r->last->style == style &&
      r->last->href == href && r->last->text + r->last->len == text) {
    r->last->len += len;
    return 0;
  }
  art_run *run = arena_calloc(t->mem, sizeof *run);
  if (!run)
    return -1;
  run->kind = kind;
  run->style = style;
  run->text = text;
  run->len = len;
  run->href = href;
  if (kind != RUN_TEXT || style || href)
    r->plain = 0;
  if (r->last)
    r->last->next = run;
  else
    r->first = run;
  r->last = run;
  return 0;
}

/* Text with its line breaks ('\n' outside code) as break runs. */
static int push_text(tree *t, runs *r, unsigned style, const char *s, size_t len,
                     const char *href) {
  while (len) {
    const char *nl = memchr(s, '\n', len);
    size_t n = nl ? (size_t)(nl - s) : len;
    if (push_run(t, r, RUN_TEXT, style, s, n, href))
      return -1;
    if (!nl)
      break;
    if (push_run(t, r, RUN_BREAK, style, NULL, 0, NULL))
      return -1;
    s += n + 1;
    len -= n + 1;
  }
  return 0;
}

static art_run *build_runs(tree *t, uint32_t from, uint32_t to, const char *out, size_t m,
                           size_t mend, int *oom) {
  extraction *x = t->x;
  runs r = {NULL, NULL, 1};
  const dom_node *open[INLINE_STACK_MAX];
  const char *hrefs[INLINE_STACK_MAX];
  int depth = 0;
  unsigned style = 0;
  const char *href = NULL;
  uint32_t pos = from;
  for (size_t i = m; i <= mend; i++) {
    uint32_t at = i < mend ? x->marks[i].off : to;
    if (at < pos)
      at = pos;
    if (at > to)
      at = to;
    /* White space where an element opens belongs before it. */
    if (i < mend && x->marks[i].kind == MARK_OPEN && at < to && x->text.data[at] == ' ')
      at++;
    if (push_text(t, &r, style, out + (pos - from), at - pos, href))
      goto oom;
    pos = at;
    if (i == mend)
      break;
    const inline_mark *k = &x->marks[i];
    if (k->kind == MARK_OPEN && depth < INLINE_STACK_MAX) {
      open[depth] = k->node;
      hrefs[depth] = NULL;
      if (k->node->tag == TAG_A) {
        const char *h = dom_attr_get(k->node, "href");
        hrefs[depth] = h ? url_resolve(t->mem, t->base, h) : NULL;
      }
      depth++;
    } else if (k->kind == MARK_CLOSE) {
      int j = depth - 1;
      while (j >= 0 && open[j] != k->node)
        j--;
      if (j >= 0) {
        memmove(open + j, open + j + 1, (size_t)(depth - j - 1) * sizeof *open);
        memmove(hrefs + j, hrefs + j + 1, (size_t)(depth - j - 1) * sizeof *hrefs);
        depth--;
      }
    } else if (k->kind == MARK_IMAGE) {
      article_image *im = image_of(t, k->node, oom);
      if (*oom)
        return NULL;
      if (im) {
        if (push_run(t, &r, RUN_IMAGE, style, NULL, 0, href))
          goto oom;
        r.last->src = im->src;
        r.last->alt = im->alt;
      }
      continue;
    } else {
      continue;
    }
    style = 0;
    href = NULL;
    for (int j = 0; j < depth; j++) {
      style |= style_of((tag_id)open[j]->tag);
      if (hrefs[j])
        href = hrefs[j];
    }
  }
  return r.plain ? NULL : r.first;
oom:
  *oom = 1;
  return NULL;
}

static int trim_span(const char *s, uint32_t *from, uint32_t *to) {
  while (*from < *to && (s[*from] == ' ' || s[*from] == '\n'))
    (*from)++;
  while (*to > *from && (s[*to - 1] == ' ' || s[*to - 1] == '\n'))
    (*to)--;
  return 0;
}

/* A table row's cells, from its cell marks. */
static int build_cells(tree *t, const text_block *b, article_block *row) {
  extraction *x = t->x;
  size_t m = b->mark_first, mend = m + b->mark_count;
  art_cell *last = NULL;
  int all_th = 1, any = 0;
  for (size_t i = m; i < mend; i++) {
    if (x->marks[i].kind != MARK_CELL_START)
      continue;
    const dom_node *td = x->marks[i].node;
    size_t j = i + 1;
    while (j < mend && !(x->marks[j].kind == MARK_CELL_END && x->marks[j].node == td))
      j++;
    uint32_t from = x->marks[i].off, to = j < mend ? x->marks[j].off : b->off + b->len;
    if (from < b->off)
      from = b->off;
    if (to > b->off + b->len)
      to = b->off + b->len;
    if (to < from)
      to = from;
    trim_span(x->text.data, &from, &to);
    art_cell *c = arena_calloc(t->mem, sizeof *c);
    if (!c)
      return -1;
    c->text = row->text + (from - b->off);
    c->len = to - from;
    int oom = 0;
    c->runs = build_runs(t, from, to, c->text, i + 1, j, &oom);
    if (oom)
      return -1;
    c->colspan = to_int(dom_attr_get(td, "colspan"), 1, 1000, 1);
    c->rowspan = to_int(dom_attr_get(td, "rowspan"), 0, 65534, 1);
    c->header = td->tag == TAG_TH;
    all_th &= c->header;
    any = 1;
    if (last)
      last->next = c;
    else
      row->cells = c;
    last = c;
    /* The columns a wide cell covers, as placeholders. */
    for (int s = 1; s < c->colspan && s < 64; s++) {
      art_cell *p = arena_calloc(t->mem, sizeof *p);
      if (!p)
        return -1;
      p->text = "";
      p->colspan = p->rowspan = 1;
      p->spanned = 1;
      p->header = c->header;
      last->next = p;
      last = p;
    }
    i = j < mend ? j : i;
  }
  const dom_node *group = b->container->parent;
  row->header = any && (all_th || (group && group->tag == TAG_THEAD));
  return 0;
}

/* Places the emitted block b in the tree, with its runs, cells and code
 * language. */
static int emit_block(tree *t, const text_block *b) {
  extraction *x = t->x;
  if (add_standalone_before(t, b->off))
    return -1;
  t->last_end = b->off + b->len;
  const char *text = x->text.data + b->off;
  int oom = 0;
  if (b->kind == BLOCK_CAPTION) {
    if (b->container->tag == TAG_CAPTION) { /* a table's */
      art_node *table = place(t, b->container, 1, &oom);
      if (oom)
        return -1;
      if (table && table->kind == NODE_TABLE && !table->caption)
        table->caption = squeeze_spaces(t->mem, text, b->len);
      return 0;
    }
    const char *caption = squeeze_spaces(t->mem, text, b->len);
    return caption ? add_caption_figure(t, b, caption) : -1;
  }
  int row = b->kind == BLOCK_TABLE_ROW;
  art_node *parent = place(t, b->container, row, &oom);
  if (oom)
    return -1;
  if (row && (!parent || parent->kind != NODE_TABLE) &&
      !(parent = last_or_new(t, parent, NODE_TABLE)))
    return -1;
  article_block *out =
      article_add_in(t->a, t->mem, parent, (block_kind)b->kind, b->level, text, b->len);
  if (!out)
    return -1;
  if (row)
    return build_cells(t, b, out);
  if (b->kind == BLOCK_CODE) {
    out->language = code_language(t, b->container);
    return 0;
  }
  out->runs = build_runs(t, b->off, b->off + b->len, out->text, b->mark_first,
                         (size_t)b->mark_first + b->mark_count, &oom);
  return oom ? -1 : 0;
}

/* ---- 5b. the lead figure ------------------------------------------------ */

/* The element that holds both the headline (the last <h1> before root)
 * and root: the article with its header, when the root is only its body.
 * NULL when the headline is inside root, missing, or shares no element
 * with it short of top. */
static const dom_node *headed_article(const extraction *x, const dom_node *root,
                                      const dom_node *top) {
  const dom_node *h1 = NULL;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->container && b->container->order >= root->order)
      break;
    if (b->kind == BLOCK_HEADING && b->level == 1)
      h1 = b->container;
  }
  if (!h1)
    return NULL;
  for (const dom_node *p = root->parent; p && p->tag != TAG_TEXT && p != top; p = p->parent)
    if (holds(p, h1))
      return (p->flags & (NF_NEG | NF_INNEG | NF_JUNK)) ? NULL : p;
  return NULL;
}

/* A captioned <figure> between the article's start and its body (the root)
 * is the article's lead picture, though it is outside the body's text:
 * emitted first, and one of the article's images. Boilerplate and teasers
 * around it rule it out. */
static int emit_lead_figures(tree *t, const dom_node *top) {
  const extraction *x = t->x;
  const dom_node *art = headed_article(x, t->root, top);
  const text_block *last = NULL; /* the last lead figure's caption */
  if (!art)
    return 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (!b->container || b->container->order < art->order)
      continue;
    if (b->container->order >= t->root->order)
      break;
    if (b->kind != BLOCK_CAPTION || b->teaser || b->container->tag != TAG_FIGCAPTION ||
        !figure_around(b->container))
      continue;
    const dom_node *p = b->container;
    while (p != art && !(p->flags & (NF_NEG | NF_JUNK | NF_TEASER)))
      p = p->parent;
    /* Pages repeat the lead picture for small and large screens. */
    if (p != art || (last && last->len == b->len &&
                     !memcmp(x->text.data + last->off, x->text.data + b->off, b->len)))
      continue;
    if (emit_block(t, b))
      return -1;
    last = b;
  }
  return 0;
}

#ifdef PITH_DEBUG_EXTRACT
static void debug_node(const dom_node *n) {
  fprintf(stderr, "<%s", n->tag == TAG_UNKNOWN ? n->name : tag_name((tag_id)n->tag));
  if (n->id)
    fprintf(stderr, " id=%s", n->id);
  if (n->cls)
    fprintf(stderr, " class=\"%.80s\"", n->cls);
  fprintf(stderr, "> o=%u-%u score=%.0f chars=%u links=%u flags=%x\n", n->order, n->order_end,
          n->score, n->chars, n->link_chars, n->flags);
}
static void debug_dump(extraction *x, dom_node *root, int listing) {
  fprintf(stderr, "elements %u blocks %zu\n", x->nelements, x->nblocks);
  for (uint32_t i = 0; i < x->nelements && i < 20; i++) {
    fprintf(stderr, "EL ");
    debug_node(x->elements[i]);
  }
  for (uint32_t i = 0; i < x->nelements; i++)
    if (x->elements[i]->tag == TAG_H1) {
      for (dom_node *p = x->elements[i]; p && p->tag != TAG_TEXT; p = p->parent) {
        fprintf(stderr, "H1-CHAIN ");
        debug_node(p);
      }
      break;
    }
  if (!root)
    return;
  fprintf(stderr, "ROOT ");
  debug_node(root);
  for (dom_node *p = root->parent; p && p->tag != TAG_UNKNOWN; p = p->parent) {
    fprintf(stderr, "  up ");
    debug_node(p);
  }
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    fprintf(stderr, "%c%c %6.1f %4u/%4u k%d [%.60s] in ",
            keep_block(x, b, root, listing) ? '+' : '-', b->teaser ? 'T' : ' ', b->weight,
            b->link_chars, b->chars, b->kind, x->text.data + b->off);
    debug_node(b->container);
    if (b->boiler) {
      fprintf(stderr, "      boiler ");
      debug_node(b->boiler);
    }
  }
}
#endif

/* ---- driver -------------------------------------------------------------- */

int extract_article(dom_doc *doc, arena *mem, article *out, char *err, size_t err_cap) {
  extraction x;
  memset(&x, 0, sizeof x);
  x.mem = mem;
  x.dl = doc->deadline;
  buf_init(&x.text);
  int rc = -1;
  uint64_t *seen = NULL;
  x.elements = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.elements);
  x.hidden = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.hidden);
  if (!x.elements || !x.hidden)
    goto oom;
  measure_elements(&x, doc->root);
  dom_node *top = doc->body ? doc->body : doc->root;
  /* Broken markup can close the body early and leave the rest of the page
   * beside it (under <html>, or a second <html>). */
  if (top->chars < doc->root->chars)
    top = doc->root;
  clear_layout_names(&x, top);
  cut_blocks(&x, top);
  if (x.oom || x.text.oom || reveal_hidden_content(&x, top))
    goto oom;
  if (deadline_over(x.dl))
    goto timeout;
  count_stopwords(&x, doc);

  out->title = choose_title(&x, doc);
  mark_teasers(&x, top);
  dom_node *root = choose_root(&x);
  switch (mark_unnamed_replies(&x, doc, root)) {
  case -1:
    goto oom;
  case 1:
    root = choose_root(&x);
    break;
  }
  root = set_thread_names_aside(&x, doc, root);
  mark_inside_boilerplate(&x);
  int listing_mode = 0;
  root = choose_listing_or_prose(&x, root, top, out->title, &listing_mode);
#ifdef PITH_DEBUG_EXTRACT
  debug_dump(&x, root, listing_mode);
#endif
  if (root) {
    size_t cap = 16;
    while (cap < x.nblocks * 2)
      cap *= 2;
    seen = calloc(cap, sizeof *seen);
    if (!seen)
      goto oom;
    /* Pick the blocks, then drop headings that head nothing (a widget's
     * title, "Advertisement") before emitting. */
    size_t *kept = malloc((x.nblocks + 1) * sizeof *kept);
    if (!kept)
      goto oom;
    size_t nkept = 0;
    for (size_t i = 0; i < x.nblocks; i++) {
      text_block *b = &x.blocks[i];
      if (!keep_block(&x, b, root, listing_mode))
        continue;
      const char *t = x.text.data + b->off;
      if (seen_before(seen, cap, hash_text(t, b->len)))
        continue;
      kept[nkept++] = i;
    }
    size_t from = 0, to = nkept;
    if (!listing_mode && TRIM_EDGES)
      best_run(&x, kept, nkept, &from, &to);
    tree t = {.x = &x, .a = out, .mem = mem, .root = root, .base = link_base(doc, out->url)};
    if (!listing_mode && emit_lead_figures(&t, top)) {
      free(kept);
      goto oom;
    }
    if (from > 0) /* lone images after the blocks trimmed away */
      t.last_end = x.blocks[kept[from - 1]].off + x.blocks[kept[from - 1]].len;
    for (size_t k = from; k < to; k++) {
      if (deadline_over(x.dl)) {
        free(kept);
        goto timeout;
      }
      text_block *b = &x.blocks[kept[k]];
      if (!listing_mode && b->kind == BLOCK_HEADING && !heads_something(&x, kept, nkept, k))
        continue;
      if (emit_block(&t, b)) {
        free(kept);
        goto oom;
      }
    }
    free(kept);
    if (extract_comments(&x, top, root, out))
      goto oom;
  }
  rc = 0;
  goto done;
oom:
  snprintf(err, err_cap, "out of memory");
  goto done;
timeout:
  snprintf(err, err_cap, "over the time budget while extracting");
done:
  free(seen);
  free(x.blocks);
  free(x.marks);
  free(x.alone);
  buf_free(&x.text);
  return rc;
}
