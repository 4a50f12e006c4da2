/* The tree builder's insertion modes (WHATWG HTML, "Tree construction"),
 * the dispatcher between HTML and foreign content, and html_parse(). Each
 * mode is a function of the token that returns 1 when the token is to be
 * processed again (the mode having changed), as the standard's "reprocess
 * the token" says. Scripting is off: <noscript> holds markup. The comment
 * over each mode's function names its section of the standard
 * (https://html.spec.whatwg.org/multipage/parsing.html#tree-construction). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/treebuilder.h"
#include "util/deadline.h"

static int in_body(tb *b, html_token *t);
static int in_head(tb *b, html_token *t);
static int in_table(tb *b, html_token *t);
static int in_template(tb *b, html_token *t);
static int any_mode(tb *b, html_token *t);
static void body_chars(tb *b, const char *s, size_t len, size_t ws);

/* ---- small helpers ---- */

static int is_ws(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}

static size_t ws_prefix(const char *s, size_t len) {
  size_t i = 0;
  while (i < len && is_ws(s[i]))
    i++;
  return i;
}

/* ws_prefix(s, len), from ws when the caller knows it (a token's
 * ws_prefix, which may go on past len: s[len] is a NUL), else SIZE_MAX. */
static size_t known_ws_prefix(const char *s, size_t len, size_t ws) {
  return ws == SIZE_MAX ? ws_prefix(s, len) : ws < len ? ws : len;
}

/* What a mode does with white space ("a character token that is one of
 * U+0009 CHARACTER TABULATION, U+000A LINE FEED (LF), U+000C FORM FEED (FF),
 * U+000D CARRIAGE RETURN (CR), or U+0020 SPACE"): ignores it, inserts it
 * where the mode stands, or processes it using the rules for in body
 * (which reopen formatting elements first). */
typedef enum { SPACE_IGNORE, SPACE_INSERT, SPACE_IN_BODY } space_rule;

static void take_space(tb *b, const char *s, size_t len, space_rule rule) {
  if (rule == SPACE_INSERT)
    tb_insert_text(b, s, len, 0);
  else if (rule == SPACE_IN_BODY)
    body_chars(b, s, len, len);
}

/* A character token is a run of characters, where the standard has one
 * token per character: its leading white space goes by `rule`, and the
 * rest, if any, goes on to the mode's "anything else". Returns whether
 * characters remain. */
static int leading_space(tb *b, html_token *t, space_rule rule) {
  size_t ws = t->ws_prefix; /* the tokenizer counted it */
  take_space(b, t->data, ws, rule);
  t->data += ws;
  t->len -= ws;
  t->ws_prefix = 0;
  return t->len != 0;
}

/* For the modes whose "anything else" ignores characters: every white
 * space run of the token goes by `rule`, the other characters are dropped. */
static void space_only(tb *b, const html_token *t, space_rule rule) {
  size_t i = 0;
  while (i < t->len) {
    size_t ws = ws_prefix(t->data + i, t->len - i);
    take_space(b, t->data + i, ws, rule);
    i += ws;
    while (i < t->len && !is_ws(t->data[i]))
      i++;
  }
}

/* The rows that open the sections of the modes around the body (before
 * head, in head, in head noscript, after head, in column group, in
 * frameset, after frameset, after body, after after body, after after
 * frameset), alike in each but for what white space does and where a
 * comment goes:
 *   white space          by `space` (a leading run; the rest goes on)
 *   a comment            inserted in comment_parent (NULL: where the mode stands)
 *   a DOCTYPE            a parse error, ignored (after after body and after
 *                        after frameset give it to in body, which ignores it)
 *   an "html" start tag  processed using the rules for in body
 * Returns 1 when it took the whole token, 0 when the mode goes on with it. */
static int common_rows(tb *b, html_token *t, space_rule space, dom_node *comment_parent) {
  switch (t->type) {
  case TOK_CHARS:
    return !leading_space(b, t, space);
  case TOK_COMMENT:
    tb_insert_comment(b, t, comment_parent);
    return 1;
  case TOK_DOCTYPE:
    return 1;
  case TOK_START_TAG:
    if (t->tag != TAG_HTML)
      return 0;
    in_body(b, t); /* (a start tag there is never reprocessed) */
    return 1;
  default:
    return 0;
  }
}

static int tag_in(uint16_t tag, const uint16_t *set, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (set[i] == tag)
      return 1;
  return 0;
}
#define TAG_IN(tag, ...)                                                                           \
  tag_in((tag), (const uint16_t[]){__VA_ARGS__},                                                   \
         sizeof((const uint16_t[]){__VA_ARGS__}) / sizeof(uint16_t))

static int is_start(const html_token *t, uint16_t tag) {
  return t->type == TOK_START_TAG && t->tag == tag;
}
static int is_end(const html_token *t, uint16_t tag) {
  return t->type == TOK_END_TAG && t->tag == tag;
}

static html_token fake_tag(tok_type type, uint16_t tag) {
  html_token t;
  memset(&t, 0, sizeof t);
  t.type = type;
  t.tag = tag;
  t.name = tag_name((tag_id)tag);
  t.name_len = strlen(t.name);
  return t;
}

static void close_p(tb *b) {
  tb_generate_implied(b, TAG_P);
  tb_pop_until_tag(b, TAG_P);
}

static void close_p_if_in_button_scope(tb *b) {
  if (tb_in_scope(b, TAG_P, SCOPE_BUTTON))
    close_p(b);
}

static int template_on_stack(const tb *b) {
  return b->top_of[TAG_TEMPLATE] != TB_NONE;
}

static void push_tmode(tb *b, tb_mode m) {
  tb_mode *s = tb_grow(b, b->tmodes, &b->tmodes_cap, b->ntmodes, sizeof *s);
  if (!s)
    return;
  b->tmodes = s;
  b->tmodes[b->ntmodes++] = m;
}

static void reset_mode(tb *b) {
  for (size_t i = b->nstack; i-- > 0;) {
    int last = i == 0;
    const tb_entry *e = last && b->fragment ? &b->ctx : &b->stack[i];
    if (e->ns != DOM_NS_HTML)
      continue;
    switch (e->tag) {
    case TAG_TD:
    case TAG_TH:
      if (!last) {
        b->mode = M_IN_CELL;
        return;
      }
      break;
    case TAG_TR:
      b->mode = M_IN_ROW;
      return;
    case TAG_TBODY:
    case TAG_THEAD:
    case TAG_TFOOT:
      b->mode = M_IN_TABLE_BODY;
      return;
    case TAG_CAPTION:
      b->mode = M_IN_CAPTION;
      return;
    case TAG_COLGROUP:
      b->mode = M_IN_COLUMN_GROUP;
      return;
    case TAG_TABLE:
      b->mode = M_IN_TABLE;
      return;
    case TAG_TEMPLATE:
      b->mode = b->ntmodes ? b->tmodes[b->ntmodes - 1] : M_IN_BODY;
      return;
    case TAG_HEAD:
      if (!last) {
        b->mode = M_IN_HEAD;
        return;
      }
      break;
    case TAG_BODY:
      b->mode = M_IN_BODY;
      return;
    case TAG_FRAMESET:
      b->mode = M_IN_FRAMESET;
      return;
    case TAG_HTML:
      b->mode = b->head_el ? M_AFTER_HEAD : M_BEFORE_HEAD;
      return;
    default:
      break;
    }
    if (last)
      break;
  }
  b->mode = M_IN_BODY;
}

static void raw_text_element(tb *b, html_token *t, tokenizer_content c) {
  tb_insert_element(b, t, DOM_NS_HTML);
  tokenizer_set_content(b->tok, c, t->name, t->name_len);
  b->orig_mode = b->mode;
  b->mode = M_TEXT;
}

/* ---- the doctype and quirks mode ---- */

static const char *const quirky_public_prefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

static int starts_ci(const char *s, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  return len >= n && !strncasecmp(s, prefix, n);
}

static int equals_ci(const char *s, size_t len, const char *w) {
  return len == strlen(w) && !strncasecmp(s, w, len);
}

static int doctype_quirks(const html_token *t) {
  const char *pub = t->public_id, *sys = t->system_id;
  size_t pl = t->public_id_len, sl = t->system_id_len;
  if (t->force_quirks || !t->name || t->name_len != 4 || memcmp(t->name, "html", 4))
    return 1;
  if (pub) {
    if (equals_ci(pub, pl, "-//W3O//DTD W3 HTML Strict 3.0//EN//") ||
        equals_ci(pub, pl, "-/W3C/DTD HTML 4.0 Transitional/EN") || equals_ci(pub, pl, "HTML"))
      return 1;
    for (size_t i = 0; i < sizeof quirky_public_prefixes / sizeof *quirky_public_prefixes; i++)
      if (starts_ci(pub, pl, quirky_public_prefixes[i]))
        return 1;
    int html401 = starts_ci(pub, pl, "-//W3C//DTD HTML 4.01 Frameset//") ||
                  starts_ci(pub, pl, "-//W3C//DTD HTML 4.01 Transitional//");
    if (!sys && html401)
      return 1;
    if (starts_ci(pub, pl, "-//W3C//DTD XHTML 1.0 Frameset//") ||
        starts_ci(pub, pl, "-//W3C//DTD XHTML 1.0 Transitional//") || (sys && html401))
      return 2;
  }
  if (sys && equals_ci(sys, sl, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
    return 1;
  return 0;
}

static void insert_doctype(tb *b, const html_token *t) {
  if (!b->keep_all)
    return;
  dom_node *n = tb_new_node(b, TAG_DOCTYPE);
  if (!n)
    return;
  n->text = arena_strndup(b->mem, t->name ? t->name : "", t->name ? t->name_len : 0);
  n->text_len = t->name ? (uint32_t)t->name_len : 0;
  /* The public and system identifiers, as attributes when present. */
  const char *ids[2] = {t->public_id, t->system_id};
  size_t lens[2] = {t->public_id_len, t->system_id_len};
  const char *names[2] = {"public", "system"};
  dom_attr **tail = &n->attrs;
  for (int i = 0; i < 2; i++) {
    if (!ids[i])
      continue;
    dom_attr *a = arena_calloc(b->mem, sizeof *a);
    if (!a || !(a->value = arena_strndup(b->mem, ids[i], lens[i]))) {
      b->oom = b->stop = 1;
      return;
    }
    a->name = names[i];
    *tail = a;
    tail = &a->next;
  }
  if (!n->text) {
    b->oom = b->stop = 1;
    return;
  }
  tb_place(b, n, b->doc->root, NULL);
}

/* ---- the modes before <body> ---- */

/* "A start tag whose tag name is one of: base, basefont, bgsound, link,
 * meta, noframes, script, style, template, title": what goes in the head.
 * After head, in body and in template give it to in head's rules. Case
 * labels, so that in body's switch (the one every start tag in the body
 * goes through) takes them at no cost. */
#define CASE_HEAD_START_TAGS                                                                       \
  case TAG_BASE:                                                                                   \
  case TAG_BASEFONT:                                                                               \
  case TAG_BGSOUND:                                                                                \
  case TAG_LINK:                                                                                   \
  case TAG_META:                                                                                   \
  case TAG_NOFRAMES:                                                                               \
  case TAG_SCRIPT:                                                                                 \
  case TAG_STYLE:                                                                                  \
  case TAG_TEMPLATE:                                                                               \
  case TAG_TITLE

static int head_start_tag(uint16_t tag) {
  switch (tag) {
  CASE_HEAD_START_TAGS:
    return 1;
  default:
    return 0;
  }
}

/* "initial" */
static int initial(tb *b, html_token *t) {
  switch (t->type) {
  case TOK_CHARS:
    if (!leading_space(b, t, SPACE_IGNORE))
      return 0;
    break;
  case TOK_COMMENT:
    tb_insert_comment(b, t, b->doc->root);
    return 0;
  case TOK_DOCTYPE:
    insert_doctype(b, t);
    b->quirks = doctype_quirks(t);
    b->mode = M_BEFORE_HTML;
    return 0;
  default:
    break;
  }
  b->quirks = 1;
  b->mode = M_BEFORE_HTML;
  return 1;
}

/* "before html" */
static int before_html(tb *b, html_token *t) {
  switch (t->type) {
  case TOK_DOCTYPE:
    return 0;
  case TOK_COMMENT:
    tb_insert_comment(b, t, b->doc->root);
    return 0;
  case TOK_CHARS:
    if (!leading_space(b, t, SPACE_IGNORE))
      return 0;
    break;
  case TOK_START_TAG:
    if (t->tag == TAG_HTML) {
      tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_BEFORE_HEAD;
      return 0;
    }
    break;
  case TOK_END_TAG:
    if (!TAG_IN(t->tag, TAG_HEAD, TAG_BODY, TAG_HTML, TAG_BR))
      return 0;
    break;
  default:
    break;
  }
  tb_insert_html(b, TAG_HTML, "html");
  b->mode = M_BEFORE_HEAD;
  return 1;
}

/* "before head" */
static int before_head(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_IGNORE, NULL))
    return 0;
  switch (t->type) {
  case TOK_START_TAG:
    if (t->tag == TAG_HEAD) {
      b->head_el = tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_IN_HEAD;
      return 0;
    }
    break;
  case TOK_END_TAG:
    if (!TAG_IN(t->tag, TAG_HEAD, TAG_BODY, TAG_HTML, TAG_BR))
      return 0;
    break;
  default:
    break;
  }
  b->head_el = tb_insert_html(b, TAG_HEAD, "head");
  b->mode = M_IN_HEAD;
  return 1;
}

static void end_template(tb *b) {
  if (!template_on_stack(b))
    return;
  tb_generate_implied_thoroughly(b);
  tb_pop_until_tag(b, TAG_TEMPLATE);
  tb_afe_clear_to_marker(b);
  if (b->ntmodes)
    b->ntmodes--;
  reset_mode(b);
}

/* "in head" */
static int in_head(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_INSERT, NULL))
    return 0;
  switch (t->type) {
  case TOK_START_TAG:
    switch (t->tag) {
    case TAG_BASE:
    case TAG_BASEFONT:
    case TAG_BGSOUND:
    case TAG_LINK:
    case TAG_META:
      tb_insert_element(b, t, DOM_NS_HTML);
      tb_pop(b);
      return 0;
    case TAG_TITLE:
      raw_text_element(b, t, TOKENIZER_RCDATA);
      return 0;
    case TAG_NOFRAMES:
    case TAG_STYLE:
      raw_text_element(b, t, TOKENIZER_RAWTEXT);
      return 0;
    case TAG_NOSCRIPT:
      tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_IN_HEAD_NOSCRIPT;
      return 0;
    case TAG_SCRIPT:
      raw_text_element(b, t, TOKENIZER_SCRIPT_DATA);
      return 0;
    case TAG_TEMPLATE:
      tb_insert_element(b, t, DOM_NS_HTML);
      tb_afe_marker(b);
      b->frameset_ok = 0;
      b->mode = M_IN_TEMPLATE;
      push_tmode(b, M_IN_TEMPLATE);
      return 0;
    case TAG_HEAD:
      return 0;
    default:
      break;
    }
    break;
  case TOK_END_TAG:
    switch (t->tag) {
    case TAG_HEAD:
      tb_pop(b);
      b->mode = M_AFTER_HEAD;
      return 0;
    case TAG_BODY:
    case TAG_HTML:
    case TAG_BR:
      break;
    case TAG_TEMPLATE:
      end_template(b);
      return 0;
    default:
      return 0;
    }
    break;
  default:
    break;
  }
  tb_pop(b);
  b->mode = M_AFTER_HEAD;
  return 1;
}

/* "in head noscript": white space and comments as in head. */
static int in_head_noscript(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_INSERT, NULL))
    return 0;
  switch (t->type) {
  case TOK_START_TAG:
    if (TAG_IN(t->tag, TAG_BASEFONT, TAG_BGSOUND, TAG_LINK, TAG_META, TAG_NOFRAMES, TAG_STYLE))
      return in_head(b, t);
    if (t->tag == TAG_HEAD || t->tag == TAG_NOSCRIPT)
      return 0;
    break;
  case TOK_END_TAG:
    if (t->tag == TAG_NOSCRIPT) {
      tb_pop(b);
      b->mode = M_IN_HEAD;
      return 0;
    }
    if (t->tag != TAG_BR)
      return 0;
    break;
  default:
    break;
  }
  tb_pop(b);
  b->mode = M_IN_HEAD;
  return 1;
}

/* "after head" */
static int after_head(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_INSERT, NULL))
    return 0;
  switch (t->type) {
  case TOK_START_TAG:
    if (head_start_tag(t->tag)) {
      /* in head's rules, the head element back on the stack meanwhile */
      if (!b->head_el)
        return in_head(b, t);
      tb_push(b, b->head_el, DOM_NS_HTML, TAG_HEAD, "head", 0);
      int again = in_head(b, t);
      long at = tb_find_entry(b, b->head_el);
      if (at >= 0)
        tb_remove_entry(b, (size_t)at);
      return again;
    }
    switch (t->tag) {
    case TAG_BODY:
      tb_insert_element(b, t, DOM_NS_HTML);
      b->frameset_ok = 0;
      b->mode = M_IN_BODY;
      return 0;
    case TAG_FRAMESET:
      tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_IN_FRAMESET;
      return 0;
    case TAG_HEAD:
      return 0;
    default:
      break;
    }
    break;
  case TOK_END_TAG:
    if (t->tag == TAG_TEMPLATE)
      return in_head(b, t);
    if (!TAG_IN(t->tag, TAG_BODY, TAG_HTML, TAG_BR))
      return 0;
    break;
  default:
    break;
  }
  tb_insert_html(b, TAG_BODY, "body");
  b->mode = M_IN_BODY;
  return 1;
}

/* ---- in body ---- */

/* Character data in body: NULs dropped, formatting reopened first. */
/* ws: as for known_ws_prefix. */
static void body_chars(tb *b, const char *s, size_t len, size_t ws) {
  while (len) {
    const char *nul = memchr(s, '\0', len);
    size_t run = nul ? (size_t)(nul - s) : len;
    if (run) {
      tb_reconstruct(b);
      size_t lead = known_ws_prefix(s, run, ws);
      if (lead < run)
        b->frameset_ok = 0;
      tb_insert_text(b, s, run, lead < run);
    }
    if (!nul)
      return;
    s += run + 1;
    len -= run + 1;
    ws = SIZE_MAX;
  }
}

/* "Any other end tag" in body. */
static void any_other_end(tb *b, const html_token *t) {
  for (size_t i = b->nstack; i-- > 0;) {
    const tb_entry *e = &b->stack[i];
    int same = e->ns == DOM_NS_HTML && e->tag == t->tag &&
               (t->tag != TAG_UNKNOWN ||
                (strlen(e->name) == t->name_len && !memcmp(e->name, t->name, t->name_len)));
    if (same) {
      tb_generate_implied(b, t->tag == TAG_UNKNOWN ? TAG_TEXT : t->tag);
      while (b->nstack > i + 1)
        tb_pop(b);
      tb_pop(b);
      return;
    }
    if (tb_is_special(e))
      return;
  }
}

static void body_start_li(tb *b, html_token *t, int li) {
  b->frameset_ok = 0;
  for (size_t i = b->nstack; i-- > 0;) {
    const tb_entry *e = &b->stack[i];
    uint16_t tag = e->ns == DOM_NS_HTML ? e->tag : TAG_UNKNOWN;
    if (li ? tag == TAG_LI : (tag == TAG_DD || tag == TAG_DT)) {
      tb_generate_implied(b, tag);
      tb_pop_until_tag(b, tag);
      break;
    }
    if (tb_is_special(e) && !TAG_IN(tag, TAG_ADDRESS, TAG_DIV, TAG_P))
      break;
  }
  close_p_if_in_button_scope(b);
  tb_insert_element(b, t, DOM_NS_HTML);
}

/* A fragment parsed as a select's contents takes no select or input. */
static int in_select_fragment(const tb *b) {
  return b->fragment && b->ctx.ns == DOM_NS_HTML && b->ctx.tag == TAG_SELECT;
}

static void pop_until_select(tb *b) {
  tb_pop_until_tag(b, TAG_SELECT);
}

static void body_start_tag(tb *b, html_token *t) {
  switch (t->tag) {
  case TAG_HTML:
    if (!template_on_stack(b) && b->nstack && !(b->stack[0].bits & E_PHANTOM))
      tb_add_missing_attrs(b, b->stack[0].node, t);
    return;
  CASE_HEAD_START_TAGS:
    in_head(b, t);
    return;
  case TAG_BODY:
    if (b->nstack < 2 || !(b->stack[1].ns == DOM_NS_HTML && b->stack[1].tag == TAG_BODY) ||
        template_on_stack(b))
      return;
    b->frameset_ok = 0;
    tb_add_missing_attrs(b, b->stack[1].node, t);
    return;
  case TAG_FRAMESET:
    if (b->nstack < 2 || !(b->stack[1].ns == DOM_NS_HTML && b->stack[1].tag == TAG_BODY) ||
        !b->frameset_ok)
      return;
    if (b->doc->body == b->stack[1].node)
      b->doc->body = NULL;
    tb_detach(b, b->stack[1].node);
    while (b->nstack > 1)
      tb_pop(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    b->mode = M_IN_FRAMESET;
    return;
  case TAG_ADDRESS:
  case TAG_ARTICLE:
  case TAG_ASIDE:
  case TAG_BLOCKQUOTE:
  case TAG_CENTER:
  case TAG_DETAILS:
  case TAG_DIALOG:
  case TAG_DIR:
  case TAG_DIV:
  case TAG_DL:
  case TAG_FIELDSET:
  case TAG_FIGCAPTION:
  case TAG_FIGURE:
  case TAG_FOOTER:
  case TAG_HEADER:
  case TAG_HGROUP:
  case TAG_MAIN:
  case TAG_MENU:
  case TAG_NAV:
  case TAG_OL:
  case TAG_P:
  case TAG_SEARCH:
  case TAG_SECTION:
  case TAG_SUMMARY:
  case TAG_UL:
    close_p_if_in_button_scope(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    return;
  case TAG_H1:
  case TAG_H2:
  case TAG_H3:
  case TAG_H4:
  case TAG_H5:
  case TAG_H6: {
    close_p_if_in_button_scope(b);
    tb_entry *cur = tb_current(b);
    if (cur && cur->ns == DOM_NS_HTML && tag_is_heading((tag_id)cur->tag))
      tb_pop(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    return;
  }
  case TAG_PRE:
  case TAG_LISTING:
    close_p_if_in_button_scope(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    b->skip_lf = 1;
    b->frameset_ok = 0;
    return;
  case TAG_FORM: {
    if (b->form_el && !template_on_stack(b))
      return;
    close_p_if_in_button_scope(b);
    dom_node *n = tb_insert_element(b, t, DOM_NS_HTML);
    if (!template_on_stack(b))
      b->form_el = n;
    return;
  }
  case TAG_LI:
    body_start_li(b, t, 1);
    return;
  case TAG_DD:
  case TAG_DT:
    body_start_li(b, t, 0);
    return;
  case TAG_PLAINTEXT:
    close_p_if_in_button_scope(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    tokenizer_set_content(b->tok, TOKENIZER_PLAINTEXT, t->name, t->name_len);
    return;
  case TAG_BUTTON:
    if (tb_in_scope(b, TAG_BUTTON, SCOPE_DEFAULT)) {
      tb_generate_implied(b, TAG_TEXT);
      tb_pop_until_tag(b, TAG_BUTTON);
    }
    tb_reconstruct(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    b->frameset_ok = 0;
    return;
  case TAG_A: {
    long i = tb_afe_find_after_marker(b, TAG_A);
    if (i >= 0) {
      dom_node *a = b->afe[i].node;
      html_token end = fake_tag(TOK_END_TAG, TAG_A);
      if (tb_adoption_agency(b, &end))
        any_other_end(b, &end);
      tb_afe_remove(b, a);
      long at = tb_find_entry(b, a);
      if (at >= 0)
        tb_remove_entry(b, (size_t)at);
    }
    tb_reconstruct(b);
    tb_afe_push(b, tb_insert_element(b, t, DOM_NS_HTML));
    return;
  }
  case TAG_B:
  case TAG_BIG:
  case TAG_CODE:
  case TAG_EM:
  case TAG_FONT:
  case TAG_I:
  case TAG_S:
  case TAG_SMALL:
  case TAG_STRIKE:
  case TAG_STRONG:
  case TAG_TT:
  case TAG_U:
    tb_reconstruct(b);
    tb_afe_push(b, tb_insert_element(b, t, DOM_NS_HTML));
    return;
  case TAG_NOBR:
    tb_reconstruct(b);
    if (tb_in_scope(b, TAG_NOBR, SCOPE_DEFAULT)) {
      html_token end = fake_tag(TOK_END_TAG, TAG_NOBR);
      if (tb_adoption_agency(b, &end))
        any_other_end(b, &end);
      tb_reconstruct(b);
    }
    tb_afe_push(b, tb_insert_element(b, t, DOM_NS_HTML));
    return;
  case TAG_APPLET:
  case TAG_MARQUEE:
  case TAG_OBJECT:
    tb_reconstruct(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    tb_afe_marker(b);
    b->frameset_ok = 0;
    return;
  case TAG_TABLE:
    if (b->quirks != 1)
      close_p_if_in_button_scope(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    b->frameset_ok = 0;
    b->mode = M_IN_TABLE;
    return;
  case TAG_AREA:
  case TAG_BR:
  case TAG_EMBED:
  case TAG_IMG:
  case TAG_IMAGE:
  case TAG_KEYGEN:
  case TAG_WBR:
    tb_reconstruct(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    tb_pop(b);
    b->frameset_ok = 0;
    return;
  case TAG_INPUT: {
    if (in_select_fragment(b))
      return;
    if (tb_in_scope(b, TAG_SELECT, SCOPE_DEFAULT))
      pop_until_select(b);
    tb_reconstruct(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    tb_pop(b);
    int hidden = 0;
    for (size_t i = 0; i < t->nattrs; i++)
      if (t->attrs[i].name_len == 4 && !memcmp(t->attrs[i].name, "type", 4))
        hidden = equals_ci(t->attrs[i].value, t->attrs[i].value_len, "hidden");
    if (!hidden)
      b->frameset_ok = 0;
    return;
  }
  case TAG_PARAM:
  case TAG_SOURCE:
  case TAG_TRACK:
    tb_insert_element(b, t, DOM_NS_HTML);
    tb_pop(b);
    return;
  case TAG_HR:
    close_p_if_in_button_scope(b);
    if (tb_in_scope(b, TAG_SELECT, SCOPE_DEFAULT))
      tb_generate_implied(b, TAG_TEXT);
    tb_insert_element(b, t, DOM_NS_HTML);
    tb_pop(b);
    b->frameset_ok = 0;
    return;
  case TAG_TEXTAREA:
    if (tb_in_scope(b, TAG_SELECT, SCOPE_DEFAULT))
      pop_until_select(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    tokenizer_set_content(b->tok, TOKENIZER_RCDATA, t->name, t->name_len);
    b->skip_lf = 1;
    b->orig_mode = b->mode;
    b->frameset_ok = 0;
    b->mode = M_TEXT;
    return;
  case TAG_XMP:
    close_p_if_in_button_scope(b);
    tb_reconstruct(b);
    b->frameset_ok = 0;
    raw_text_element(b, t, TOKENIZER_RAWTEXT);
    return;
  case TAG_IFRAME:
    b->frameset_ok = 0;
    if (b->top_of[TAG_NOSCRIPT] != TB_NONE) {
      /* Not the standard: inside a <noscript> (which holds markup, scripting
       * being off) an iframe's raw text also ends at </noscript>. Browsers
       * read <noscript> as text, so pages leave such iframes unclosed (the
       * tag-manager snippet) and the standard's tree loses the rest of the
       * page into the iframe. */
      tb_insert_element(b, t, DOM_NS_HTML);
      tokenizer_set_content(b->tok, TOKENIZER_RAWTEXT, "noscript", 8);
      b->orig_mode = b->mode;
      b->mode = M_TEXT;
      return;
    }
    raw_text_element(b, t, TOKENIZER_RAWTEXT);
    return;
  case TAG_NOEMBED:
    raw_text_element(b, t, TOKENIZER_RAWTEXT);
    return;
  case TAG_SELECT:
    if (in_select_fragment(b))
      return;
    if (tb_in_scope(b, TAG_SELECT, SCOPE_DEFAULT)) {
      pop_until_select(b);
      return;
    }
    tb_reconstruct(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    /* A marker: formatting from outside a select does not reach in. */
    tb_afe_marker(b);
    b->frameset_ok = 0;
    return;
  case TAG_OPTION:
    if (tb_in_scope(b, TAG_SELECT, SCOPE_DEFAULT))
      tb_generate_implied(b, TAG_OPTGROUP);
    else if (tb_cur_is(b, TAG_OPTION))
      tb_pop(b);
    tb_reconstruct(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    return;
  case TAG_OPTGROUP:
    if (tb_in_scope(b, TAG_SELECT, SCOPE_DEFAULT))
      tb_generate_implied(b, TAG_TEXT);
    else if (tb_cur_is(b, TAG_OPTION))
      tb_pop(b);
    tb_reconstruct(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    return;
  case TAG_RB:
  case TAG_RTC:
    if (tb_in_scope(b, TAG_RUBY, SCOPE_DEFAULT))
      tb_generate_implied(b, TAG_TEXT);
    tb_insert_element(b, t, DOM_NS_HTML);
    return;
  case TAG_RP:
  case TAG_RT:
    if (tb_in_scope(b, TAG_RUBY, SCOPE_DEFAULT))
      tb_generate_implied(b, TAG_RTC);
    tb_insert_element(b, t, DOM_NS_HTML);
    return;
  case TAG_MATH:
  case TAG_SVG: {
    tb_reconstruct(b);
    tb_insert_element(b, t, t->tag == TAG_MATH ? DOM_NS_MATHML : DOM_NS_SVG);
    if (t->self_closing)
      tb_pop(b);
    return;
  }
  case TAG_CAPTION:
  case TAG_COL:
  case TAG_COLGROUP:
  case TAG_FRAME:
  case TAG_HEAD:
  case TAG_TBODY:
  case TAG_TD:
  case TAG_TFOOT:
  case TAG_TH:
  case TAG_THEAD:
  case TAG_TR:
    return;
  default:
    tb_reconstruct(b);
    tb_insert_element(b, t, DOM_NS_HTML);
    return;
  }
}

static int body_end_tag(tb *b, html_token *t) {
  switch (t->tag) {
  case TAG_TEMPLATE:
    return in_head(b, t);
  case TAG_BODY:
    if (tb_in_scope(b, TAG_BODY, SCOPE_DEFAULT))
      b->mode = M_AFTER_BODY;
    return 0;
  case TAG_HTML:
    if (!tb_in_scope(b, TAG_BODY, SCOPE_DEFAULT))
      return 0;
    b->mode = M_AFTER_BODY;
    return 1;
  case TAG_ADDRESS:
  case TAG_ARTICLE:
  case TAG_ASIDE:
  case TAG_BLOCKQUOTE:
  case TAG_BUTTON:
  case TAG_CENTER:
  case TAG_DETAILS:
  case TAG_DIALOG:
  case TAG_DIR:
  case TAG_DIV:
  case TAG_DL:
  case TAG_FIELDSET:
  case TAG_FIGCAPTION:
  case TAG_FIGURE:
  case TAG_FOOTER:
  case TAG_HEADER:
  case TAG_HGROUP:
  case TAG_LISTING:
  case TAG_MAIN:
  case TAG_MENU:
  case TAG_NAV:
  case TAG_OL:
  case TAG_PRE:
  case TAG_SEARCH:
  case TAG_SECTION:
  case TAG_SUMMARY:
  case TAG_UL:
    if (!tb_in_scope(b, t->tag, SCOPE_DEFAULT))
      return 0;
    tb_generate_implied(b, TAG_TEXT);
    tb_pop_until_tag(b, t->tag);
    return 0;
  case TAG_SELECT:
    if (!tb_in_scope(b, TAG_SELECT, SCOPE_DEFAULT))
      return 0;
    tb_generate_implied(b, TAG_TEXT);
    pop_until_select(b);
    tb_afe_clear_to_marker(b);
    return 0;
  case TAG_FORM:
    if (!template_on_stack(b)) {
      dom_node *n = b->form_el;
      b->form_el = NULL;
      if (!n || !tb_node_in_scope(b, n, SCOPE_DEFAULT))
        return 0;
      tb_generate_implied(b, TAG_TEXT);
      long at = tb_find_entry(b, n);
      if (at >= 0)
        tb_remove_entry(b, (size_t)at);
      return 0;
    }
    if (!tb_in_scope(b, TAG_FORM, SCOPE_DEFAULT))
      return 0;
    tb_generate_implied(b, TAG_TEXT);
    tb_pop_until_tag(b, TAG_FORM);
    return 0;
  case TAG_P:
    if (!tb_in_scope(b, TAG_P, SCOPE_BUTTON))
      tb_insert_html(b, TAG_P, "p");
    close_p(b);
    return 0;
  case TAG_LI:
    if (!tb_in_scope(b, TAG_LI, SCOPE_LIST_ITEM))
      return 0;
    tb_generate_implied(b, TAG_LI);
    tb_pop_until_tag(b, TAG_LI);
    return 0;
  case TAG_DD:
  case TAG_DT:
    if (!tb_in_scope(b, t->tag, SCOPE_DEFAULT))
      return 0;
    tb_generate_implied(b, t->tag);
    tb_pop_until_tag(b, t->tag);
    return 0;
  case TAG_H1:
  case TAG_H2:
  case TAG_H3:
  case TAG_H4:
  case TAG_H5:
  case TAG_H6:
    if (!tb_in_scope(b, TAG_H1, SCOPE_DEFAULT) && !tb_in_scope(b, TAG_H2, SCOPE_DEFAULT) &&
        !tb_in_scope(b, TAG_H3, SCOPE_DEFAULT) && !tb_in_scope(b, TAG_H4, SCOPE_DEFAULT) &&
        !tb_in_scope(b, TAG_H5, SCOPE_DEFAULT) && !tb_in_scope(b, TAG_H6, SCOPE_DEFAULT))
      return 0;
    tb_generate_implied(b, TAG_TEXT);
    tb_pop_until_heading(b);
    return 0;
  case TAG_A:
  case TAG_B:
  case TAG_BIG:
  case TAG_CODE:
  case TAG_EM:
  case TAG_FONT:
  case TAG_I:
  case TAG_NOBR:
  case TAG_S:
  case TAG_SMALL:
  case TAG_STRIKE:
  case TAG_STRONG:
  case TAG_TT:
  case TAG_U:
    if (tb_adoption_agency(b, t))
      any_other_end(b, t);
    return 0;
  case TAG_APPLET:
  case TAG_MARQUEE:
  case TAG_OBJECT:
    if (!tb_in_scope(b, t->tag, SCOPE_DEFAULT))
      return 0;
    tb_generate_implied(b, TAG_TEXT);
    tb_pop_until_tag(b, t->tag);
    tb_afe_clear_to_marker(b);
    return 0;
  case TAG_BR: {
    html_token br = fake_tag(TOK_START_TAG, TAG_BR);
    body_start_tag(b, &br);
    return 0;
  }
  default:
    any_other_end(b, t);
    return 0;
  }
}

/* "in body" */
static int in_body(tb *b, html_token *t) {
  switch (t->type) {
  case TOK_CHARS:
    body_chars(b, t->data, t->len, t->ws_prefix);
    return 0;
  case TOK_COMMENT:
    tb_insert_comment(b, t, NULL);
    return 0;
  case TOK_DOCTYPE:
    return 0;
  case TOK_START_TAG:
    body_start_tag(b, t);
    return 0;
  case TOK_END_TAG:
    return body_end_tag(b, t);
  case TOK_EOF:
    if (b->ntmodes)
      return in_template(b, t);
    return 0;
  }
  return 0;
}

/* "text" */
static int text_mode(tb *b, html_token *t) {
  switch (t->type) {
  case TOK_CHARS:
    tb_insert_text(b, t->data, t->len, -1);
    return 0;
  case TOK_EOF:
    tb_pop(b);
    b->mode = b->orig_mode;
    return 1;
  case TOK_END_TAG: {
    /* Only the element's own end tag ends its text, but for an iframe in a
     * noscript: </noscript> then closes both. */
    int other = b->nstack && t->tag != b->stack[b->nstack - 1].tag;
    tb_pop(b);
    b->mode = b->orig_mode;
    return other;
  }
  default:
    return 0;
  }
}

/* ---- tables ---- */

static void clear_to_table_context(tb *b) {
  while (b->nstack && !tb_cur_is(b, TAG_TABLE) && !tb_cur_is(b, TAG_TEMPLATE) &&
         !tb_cur_is(b, TAG_HTML))
    tb_pop(b);
}

static void clear_to_table_body_context(tb *b) {
  while (b->nstack && !tb_cur_is(b, TAG_TBODY) && !tb_cur_is(b, TAG_TFOOT) &&
         !tb_cur_is(b, TAG_THEAD) && !tb_cur_is(b, TAG_TEMPLATE) && !tb_cur_is(b, TAG_HTML))
    tb_pop(b);
}

static void clear_to_table_row_context(tb *b) {
  while (b->nstack && !tb_cur_is(b, TAG_TR) && !tb_cur_is(b, TAG_TEMPLATE) &&
         !tb_cur_is(b, TAG_HTML))
    tb_pop(b);
}

static int table_anything_else(tb *b, html_token *t) {
  b->foster = 1;
  int again = in_body(b, t);
  b->foster = 0;
  return again;
}

/* "in table" */
static int in_table(tb *b, html_token *t) {
  switch (t->type) {
  case TOK_CHARS:
    if (tb_cur_is(b, TAG_TABLE) || tb_cur_is(b, TAG_TBODY) || tb_cur_is(b, TAG_TEMPLATE) ||
        tb_cur_is(b, TAG_TFOOT) || tb_cur_is(b, TAG_THEAD) || tb_cur_is(b, TAG_TR)) {
      buf_reset(&b->table_text);
      b->table_text_dirty = 0;
      b->orig_mode = b->mode;
      b->mode = M_IN_TABLE_TEXT;
      return 1;
    }
    return table_anything_else(b, t);
  case TOK_COMMENT:
    tb_insert_comment(b, t, NULL);
    return 0;
  case TOK_DOCTYPE:
    return 0;
  case TOK_START_TAG:
    switch (t->tag) {
    case TAG_CAPTION:
      clear_to_table_context(b);
      tb_afe_marker(b);
      tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_IN_CAPTION;
      return 0;
    case TAG_COLGROUP:
      clear_to_table_context(b);
      tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_IN_COLUMN_GROUP;
      return 0;
    case TAG_COL:
      clear_to_table_context(b);
      tb_insert_html(b, TAG_COLGROUP, "colgroup");
      b->mode = M_IN_COLUMN_GROUP;
      return 1;
    case TAG_TBODY:
    case TAG_TFOOT:
    case TAG_THEAD:
      clear_to_table_context(b);
      tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_IN_TABLE_BODY;
      return 0;
    case TAG_TD:
    case TAG_TH:
    case TAG_TR:
      clear_to_table_context(b);
      tb_insert_html(b, TAG_TBODY, "tbody");
      b->mode = M_IN_TABLE_BODY;
      return 1;
    case TAG_TABLE:
      if (!tb_in_scope(b, TAG_TABLE, SCOPE_TABLE))
        return 0;
      tb_pop_until_tag(b, TAG_TABLE);
      reset_mode(b);
      return 1;
    case TAG_STYLE:
    case TAG_SCRIPT:
    case TAG_TEMPLATE:
      return in_head(b, t);
    case TAG_INPUT: {
      int hidden = 0;
      for (size_t i = 0; i < t->nattrs; i++)
        if (t->attrs[i].name_len == 4 && !memcmp(t->attrs[i].name, "type", 4))
          hidden = equals_ci(t->attrs[i].value, t->attrs[i].value_len, "hidden");
      if (!hidden)
        break;
      tb_insert_element(b, t, DOM_NS_HTML);
      tb_pop(b);
      return 0;
    }
    case TAG_FORM:
      if (template_on_stack(b) || b->form_el)
        return 0;
      b->form_el = tb_insert_element(b, t, DOM_NS_HTML);
      tb_pop(b);
      return 0;
    default:
      break;
    }
    break;
  case TOK_END_TAG:
    switch (t->tag) {
    case TAG_TABLE:
      if (!tb_in_scope(b, TAG_TABLE, SCOPE_TABLE))
        return 0;
      tb_pop_until_tag(b, TAG_TABLE);
      reset_mode(b);
      return 0;
    case TAG_BODY:
    case TAG_CAPTION:
    case TAG_COL:
    case TAG_COLGROUP:
    case TAG_HTML:
    case TAG_TBODY:
    case TAG_TD:
    case TAG_TFOOT:
    case TAG_TH:
    case TAG_THEAD:
    case TAG_TR:
      return 0;
    case TAG_TEMPLATE:
      return in_head(b, t);
    default:
      break;
    }
    break;
  case TOK_EOF:
    return in_body(b, t);
  }
  return table_anything_else(b, t);
}

/* "in table text" */
static int in_table_text(tb *b, html_token *t) {
  if (t->type == TOK_CHARS) {
    const char *s = t->data;
    size_t len = t->len;
    while (len) {
      const char *nul = memchr(s, '\0', len);
      size_t run = nul ? (size_t)(nul - s) : len;
      if (ws_prefix(s, run) < run)
        b->table_text_dirty = 1;
      buf_append(&b->table_text, s, run);
      if (!nul)
        break;
      s += run + 1;
      len -= run + 1;
    }
    return 0;
  }
  if (b->table_text.len) {
    if (b->table_text_dirty) {
      b->foster = 1;
      body_chars(b, b->table_text.data, b->table_text.len, SIZE_MAX);
      b->foster = 0;
    } else {
      tb_insert_text(b, b->table_text.data, b->table_text.len, 0);
    }
    buf_reset(&b->table_text);
  }
  b->mode = b->orig_mode;
  return 1;
}

static int close_caption(tb *b) {
  if (!tb_in_scope(b, TAG_CAPTION, SCOPE_TABLE))
    return 0;
  tb_generate_implied(b, TAG_TEXT);
  tb_pop_until_tag(b, TAG_CAPTION);
  tb_afe_clear_to_marker(b);
  b->mode = M_IN_TABLE;
  return 1;
}

/* "in caption" */
static int in_caption(tb *b, html_token *t) {
  if (is_end(t, TAG_CAPTION)) {
    close_caption(b);
    return 0;
  }
  if ((t->type == TOK_START_TAG && TAG_IN(t->tag, TAG_CAPTION, TAG_COL, TAG_COLGROUP, TAG_TBODY,
                                          TAG_TD, TAG_TFOOT, TAG_TH, TAG_THEAD, TAG_TR)) ||
      is_end(t, TAG_TABLE))
    return close_caption(b);
  if (t->type == TOK_END_TAG && TAG_IN(t->tag, TAG_BODY, TAG_COL, TAG_COLGROUP, TAG_HTML, TAG_TBODY,
                                       TAG_TD, TAG_TFOOT, TAG_TH, TAG_THEAD, TAG_TR))
    return 0;
  return in_body(b, t);
}

/* "in column group" */
static int in_column_group(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_INSERT, NULL))
    return 0;
  switch (t->type) {
  case TOK_START_TAG:
    if (t->tag == TAG_COL) {
      tb_insert_element(b, t, DOM_NS_HTML);
      tb_pop(b);
      return 0;
    }
    if (t->tag == TAG_TEMPLATE)
      return in_head(b, t);
    break;
  case TOK_END_TAG:
    if (t->tag == TAG_COLGROUP) {
      if (tb_cur_is(b, TAG_COLGROUP)) {
        tb_pop(b);
        b->mode = M_IN_TABLE;
      }
      return 0;
    }
    if (t->tag == TAG_COL)
      return 0;
    if (t->tag == TAG_TEMPLATE)
      return in_head(b, t);
    break;
  case TOK_EOF:
    return in_body(b, t);
  default:
    break;
  }
  if (!tb_cur_is(b, TAG_COLGROUP)) {
    if (t->type == TOK_CHARS) /* the white space further on still goes in */
      space_only(b, t, SPACE_INSERT);
    return 0;
  }
  tb_pop(b);
  b->mode = M_IN_TABLE;
  return 1;
}

/* "in table body" */
static int in_table_body(tb *b, html_token *t) {
  if (t->type == TOK_START_TAG) {
    switch (t->tag) {
    case TAG_TR:
      clear_to_table_body_context(b);
      tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_IN_ROW;
      return 0;
    case TAG_TH:
    case TAG_TD:
      clear_to_table_body_context(b);
      tb_insert_html(b, TAG_TR, "tr");
      b->mode = M_IN_ROW;
      return 1;
    case TAG_CAPTION:
    case TAG_COL:
    case TAG_COLGROUP:
    case TAG_TBODY:
    case TAG_TFOOT:
    case TAG_THEAD:
      goto close_section;
    default:
      break;
    }
  } else if (t->type == TOK_END_TAG) {
    switch (t->tag) {
    case TAG_TBODY:
    case TAG_TFOOT:
    case TAG_THEAD:
      if (!tb_in_scope(b, t->tag, SCOPE_TABLE))
        return 0;
      clear_to_table_body_context(b);
      tb_pop(b);
      b->mode = M_IN_TABLE;
      return 0;
    case TAG_TABLE:
      goto close_section;
    case TAG_BODY:
    case TAG_CAPTION:
    case TAG_COL:
    case TAG_COLGROUP:
    case TAG_HTML:
    case TAG_TD:
    case TAG_TH:
    case TAG_TR:
      return 0;
    default:
      break;
    }
  }
  return in_table(b, t);
close_section:
  if (!tb_in_scope(b, TAG_TBODY, SCOPE_TABLE) && !tb_in_scope(b, TAG_THEAD, SCOPE_TABLE) &&
      !tb_in_scope(b, TAG_TFOOT, SCOPE_TABLE))
    return 0;
  clear_to_table_body_context(b);
  tb_pop(b);
  b->mode = M_IN_TABLE;
  return 1;
}

static int close_row(tb *b) {
  if (!tb_in_scope(b, TAG_TR, SCOPE_TABLE))
    return 0;
  clear_to_table_row_context(b);
  tb_pop(b);
  b->mode = M_IN_TABLE_BODY;
  return 1;
}

/* "in row" */
static int in_row(tb *b, html_token *t) {
  if (t->type == TOK_START_TAG) {
    switch (t->tag) {
    case TAG_TH:
    case TAG_TD:
      clear_to_table_row_context(b);
      tb_insert_element(b, t, DOM_NS_HTML);
      b->mode = M_IN_CELL;
      tb_afe_marker(b);
      return 0;
    case TAG_CAPTION:
    case TAG_COL:
    case TAG_COLGROUP:
    case TAG_TBODY:
    case TAG_TFOOT:
    case TAG_THEAD:
    case TAG_TR:
      return close_row(b);
    default:
      break;
    }
  } else if (t->type == TOK_END_TAG) {
    switch (t->tag) {
    case TAG_TR:
      close_row(b);
      return 0;
    case TAG_TABLE:
      return close_row(b);
    case TAG_TBODY:
    case TAG_TFOOT:
    case TAG_THEAD:
      if (!tb_in_scope(b, t->tag, SCOPE_TABLE))
        return 0;
      return close_row(b);
    case TAG_BODY:
    case TAG_CAPTION:
    case TAG_COL:
    case TAG_COLGROUP:
    case TAG_HTML:
    case TAG_TD:
    case TAG_TH:
      return 0;
    default:
      break;
    }
  }
  return in_table(b, t);
}

static void close_cell(tb *b) {
  tb_generate_implied(b, TAG_TEXT);
  tb_pop_until_cell(b);
  tb_afe_clear_to_marker(b);
  b->mode = M_IN_ROW;
}

/* "in cell" */
static int in_cell(tb *b, html_token *t) {
  if (t->type == TOK_END_TAG) {
    switch (t->tag) {
    case TAG_TD:
    case TAG_TH:
      if (!tb_in_scope(b, t->tag, SCOPE_TABLE))
        return 0;
      tb_generate_implied(b, TAG_TEXT);
      tb_pop_until_tag(b, t->tag);
      tb_afe_clear_to_marker(b);
      b->mode = M_IN_ROW;
      return 0;
    case TAG_BODY:
    case TAG_CAPTION:
    case TAG_COL:
    case TAG_COLGROUP:
    case TAG_HTML:
      return 0;
    case TAG_TABLE:
    case TAG_TBODY:
    case TAG_TFOOT:
    case TAG_THEAD:
    case TAG_TR:
      if (!tb_in_scope(b, t->tag, SCOPE_TABLE))
        return 0;
      close_cell(b);
      return 1;
    default:
      break;
    }
  } else if (t->type == TOK_START_TAG &&
             TAG_IN(t->tag, TAG_CAPTION, TAG_COL, TAG_COLGROUP, TAG_TBODY, TAG_TD, TAG_TFOOT,
                    TAG_TH, TAG_THEAD, TAG_TR)) {
    if (!tb_in_scope(b, TAG_TD, SCOPE_TABLE) && !tb_in_scope(b, TAG_TH, SCOPE_TABLE))
      return 0;
    close_cell(b);
    return 1;
  }
  return in_body(b, t);
}

/* ---- template, after body, frameset ---- */

static int switch_template_mode(tb *b, tb_mode m) {
  if (b->ntmodes)
    b->ntmodes--;
  push_tmode(b, m);
  b->mode = m;
  return 1;
}

/* "in template" */
static int in_template(tb *b, html_token *t) {
  switch (t->type) {
  case TOK_CHARS:
  case TOK_COMMENT:
  case TOK_DOCTYPE:
    return in_body(b, t);
  case TOK_START_TAG:
    if (head_start_tag(t->tag))
      return in_head(b, t);
    switch (t->tag) {
    case TAG_CAPTION:
    case TAG_COLGROUP:
    case TAG_TBODY:
    case TAG_TFOOT:
    case TAG_THEAD:
      return switch_template_mode(b, M_IN_TABLE);
    case TAG_COL:
      return switch_template_mode(b, M_IN_COLUMN_GROUP);
    case TAG_TR:
      return switch_template_mode(b, M_IN_TABLE_BODY);
    case TAG_TD:
    case TAG_TH:
      return switch_template_mode(b, M_IN_ROW);
    default:
      return switch_template_mode(b, M_IN_BODY);
    }
  case TOK_END_TAG:
    if (t->tag == TAG_TEMPLATE)
      return in_head(b, t);
    return 0;
  case TOK_EOF:
    if (!template_on_stack(b))
      return 0;
    tb_pop_until_tag(b, TAG_TEMPLATE);
    tb_afe_clear_to_marker(b);
    if (b->ntmodes)
      b->ntmodes--;
    reset_mode(b);
    return 1;
  }
  return 0;
}

/* "after body": a comment goes into the html element. */
static int after_body(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_IN_BODY, b->nstack ? b->stack[0].node : b->doc->root))
    return 0;
  switch (t->type) {
  case TOK_END_TAG:
    if (t->tag == TAG_HTML) {
      if (!b->fragment)
        b->mode = M_AFTER_AFTER_BODY;
      return 0;
    }
    break;
  case TOK_EOF:
    return 0;
  default:
    break;
  }
  b->mode = M_IN_BODY;
  return 1;
}

/* "in frameset" */
static int in_frameset(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_INSERT, NULL))
    return 0;
  switch (t->type) {
  case TOK_CHARS: /* anything else: ignored, but for the white space further on */
    space_only(b, t, SPACE_INSERT);
    return 0;
  case TOK_START_TAG:
    switch (t->tag) {
    case TAG_FRAMESET:
      tb_insert_element(b, t, DOM_NS_HTML);
      return 0;
    case TAG_FRAME:
      tb_insert_element(b, t, DOM_NS_HTML);
      tb_pop(b);
      return 0;
    case TAG_NOFRAMES:
      return in_head(b, t);
    default:
      return 0;
    }
  case TOK_END_TAG:
    if (t->tag == TAG_FRAMESET && !tb_cur_is(b, TAG_HTML)) {
      tb_pop(b);
      if (!tb_cur_is(b, TAG_FRAMESET))
        b->mode = M_AFTER_FRAMESET;
    }
    return 0;
  default:
    return 0;
  }
}

/* "after frameset" */
static int after_frameset(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_INSERT, NULL))
    return 0;
  switch (t->type) {
  case TOK_CHARS: /* anything else: ignored, but for the white space further on */
    space_only(b, t, SPACE_INSERT);
    return 0;
  case TOK_START_TAG:
    if (t->tag == TAG_NOFRAMES)
      return in_head(b, t);
    return 0;
  case TOK_END_TAG:
    if (t->tag == TAG_HTML)
      b->mode = M_AFTER_AFTER_FRAMESET;
    return 0;
  default:
    return 0;
  }
}

/* "after after body": a comment goes into the document. */
static int after_after_body(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_IN_BODY, b->doc->root) || t->type == TOK_EOF)
    return 0;
  b->mode = M_IN_BODY;
  return 1;
}

/* "after after frameset": a comment goes into the document. */
static int after_after_frameset(tb *b, html_token *t) {
  if (common_rows(b, t, SPACE_IN_BODY, b->doc->root))
    return 0;
  switch (t->type) {
  case TOK_CHARS: /* anything else: ignored, but for the white space further on */
    space_only(b, t, SPACE_IN_BODY);
    return 0;
  case TOK_START_TAG:
    if (t->tag == TAG_NOFRAMES)
      return in_head(b, t);
    return 0;
  default:
    return 0;
  }
}

static int any_mode(tb *b, html_token *t) {
  switch (b->mode) {
  case M_INITIAL:
    return initial(b, t);
  case M_BEFORE_HTML:
    return before_html(b, t);
  case M_BEFORE_HEAD:
    return before_head(b, t);
  case M_IN_HEAD:
    return in_head(b, t);
  case M_IN_HEAD_NOSCRIPT:
    return in_head_noscript(b, t);
  case M_AFTER_HEAD:
    return after_head(b, t);
  case M_IN_BODY:
    return in_body(b, t);
  case M_TEXT:
    return text_mode(b, t);
  case M_IN_TABLE:
    return in_table(b, t);
  case M_IN_TABLE_TEXT:
    return in_table_text(b, t);
  case M_IN_CAPTION:
    return in_caption(b, t);
  case M_IN_COLUMN_GROUP:
    return in_column_group(b, t);
  case M_IN_TABLE_BODY:
    return in_table_body(b, t);
  case M_IN_ROW:
    return in_row(b, t);
  case M_IN_CELL:
    return in_cell(b, t);
  case M_IN_TEMPLATE:
    return in_template(b, t);
  case M_AFTER_BODY:
    return after_body(b, t);
  case M_IN_FRAMESET:
    return in_frameset(b, t);
  case M_AFTER_FRAMESET:
    return after_frameset(b, t);
  case M_AFTER_AFTER_BODY:
    return after_after_body(b, t);
  case M_AFTER_AFTER_FRAMESET:
    return after_after_frameset(b, t);
  }
  return 0;
}

/* ---- foreign content ---- */

static void foreign_chars(tb *b, const char *s, size_t len, size_t ws) {
  static const char replacement[] = "\xEF\xBF\xBD";
  while (len) {
    const char *nul = memchr(s, '\0', len);
    size_t run = nul ? (size_t)(nul - s) : len;
    size_t lead = known_ws_prefix(s, run, ws);
    if (lead < run)
      b->frameset_ok = 0;
    tb_insert_text(b, s, run, lead < run);
    if (!nul)
      return;
    ws = SIZE_MAX;
    tb_insert_text(b, replacement, 3, 1);
    s += run + 1;
    len -= run + 1;
  }
}

/* "The rules for parsing tokens in foreign content". Returns 1 when the
 * token is to be processed again. */
static int foreign_content(tb *b, html_token *t) {
  switch (t->type) {
  case TOK_CHARS:
    foreign_chars(b, t->data, t->len, t->ws_prefix);
    return 0;
  case TOK_COMMENT:
    tb_insert_comment(b, t, NULL);
    return 0;
  case TOK_DOCTYPE:
    return 0;
  case TOK_START_TAG: {
    if (tb_breaks_out_of_foreign(t)) {
      while (b->nstack > 1) {
        tb_entry *e = tb_current(b);
        if (e->ns == DOM_NS_HTML || (e->bits & (E_MATHML_TIP | E_HTML_IP)))
          break;
        tb_pop(b);
      }
      return any_mode(b, t); /* the current insertion mode, not the dispatcher */
    }
    tb_insert_element(b, t, tb_adjusted_current(b)->ns);
    if (t->self_closing)
      tb_pop(b);
    return 0;
  }
  case TOK_END_TAG: {
    if (t->tag == TAG_BR || t->tag == TAG_P) {
      while (b->nstack > 1) {
        tb_entry *e = tb_current(b);
        if (e->ns == DOM_NS_HTML || (e->bits & (E_MATHML_TIP | E_HTML_IP)))
          break;
        tb_pop(b);
      }
      return any_mode(b, t);
    }
    for (size_t i = b->nstack; i-- > 0;) {
      tb_entry *e = &b->stack[i];
      if (i == 0)
        return 0;
      if (e->ns == DOM_NS_HTML)
        return any_mode(b, t);
      if (strlen(e->name) == t->name_len && !strncasecmp(e->name, t->name, t->name_len)) {
        while (b->nstack > i + 1)
          tb_pop(b);
        tb_pop(b);
        return 0;
      }
    }
    return 0;
  }
  default:
    return 0;
  }
}

/* The tree construction dispatcher: HTML rules or foreign content. */
static int use_html_rules(tb *b, const html_token *t) {
  if (!b->nstack || t->type == TOK_EOF)
    return 1;
  const tb_entry *cur = tb_adjusted_current(b);
  if (cur->ns == DOM_NS_HTML)
    return 1;
  if (cur->bits & E_MATHML_TIP) {
    if (t->type == TOK_CHARS)
      return 1;
    if (t->type == TOK_START_TAG &&
        !(t->tag == TAG_UNKNOWN && ((t->name_len == 6 && !memcmp(t->name, "mglyph", 6)) ||
                                    (t->name_len == 10 && !memcmp(t->name, "malignmark", 10)))))
      return 1;
  }
  if ((cur->bits & E_ANNOTATION) && is_start(t, TAG_SVG))
    return 1;
  if ((cur->bits & E_HTML_IP) && (t->type == TOK_START_TAG || t->type == TOK_CHARS))
    return 1;
  return 0;
}

void tb_process(tb *b, html_token *t) {
  if (b->skip_lf) {
    b->skip_lf = 0;
    if (t->type == TOK_CHARS && t->len && t->data[0] == '\n') {
      t->data++;
      t->len--;
      t->ws_prefix--; /* the '\n' was white space */
      if (!t->len)
        return;
    }
  }
  for (int guard = 0; guard < 64 && !b->stop; guard++) {
    int again = use_html_rules(b, t) ? any_mode(b, t) : foreign_content(b, t);
    if (!again)
      return;
    if (t->type == TOK_CHARS && !t->len)
      return;
  }
}

/* ---- html_parse ---- */

void html_init(void) {}

/* Depths after nodes moved (adoption agency, foster parenting): one walk. */
static void fix_depths(dom_node *root) {
  for (dom_node *n = root->first; n; n = dom_next(root, n, 0))
    n->depth = n->parent->depth + 1;
}

/* The standard's "HTML fragment parsing algorithm", steps before the
 * tokens: the context element, a root html element, the tokenizer's
 * state and the insertion mode the context calls for. */
static void start_fragment(tb *b, int ns, const char *context) {
  size_t len = strlen(context);
  b->fragment = 1;
  b->ctx.ns = (uint8_t)ns;
  b->ctx.name = context;
  b->ctx.tag = ns == DOM_NS_HTML ? (uint16_t)tag_lookup_n(context, len) : TAG_UNKNOWN;
  b->ctx.bits = ns == DOM_NS_HTML ? 0 : (uint8_t)tb_foreign_bits(ns, context, NULL);
  if (ns == DOM_NS_HTML) {
    tokenizer_content c = TOKENIZER_DATA;
    switch (b->ctx.tag) {
    case TAG_TITLE:
    case TAG_TEXTAREA:
      c = TOKENIZER_RCDATA;
      break;
    case TAG_STYLE:
    case TAG_XMP:
    case TAG_IFRAME:
    case TAG_NOEMBED:
    case TAG_NOFRAMES:
      c = TOKENIZER_RAWTEXT;
      break;
    case TAG_SCRIPT:
      c = TOKENIZER_SCRIPT_DATA;
      break;
    case TAG_PLAINTEXT:
      c = TOKENIZER_PLAINTEXT;
      break;
    default:
      break;
    }
    if (c != TOKENIZER_DATA) /* no start tag seen: no end tag is "appropriate" */
      tokenizer_set_content(b->tok, c, "", 0);
  }
  tb_insert_html(b, TAG_HTML, "html");
  if (ns == DOM_NS_HTML && b->ctx.tag == TAG_TEMPLATE)
    push_tmode(b, M_IN_TEMPLATE);
  reset_mode(b);
}

static int parse(const char *utf8, size_t len, const html_limits *lim, int context_ns,
                 const char *context, arena *mem, dom_doc *doc, char *err, size_t err_cap) {
  memset(doc, 0, sizeof *doc);
  tb b;
  memset(&b, 0, sizeof b);
  b.mem = mem;
  b.doc = doc;
  if (lim) {
    b.lim = *lim;
    b.keep_all = (lim->flags & HTML_KEEP_ALL) != 0;
  }
  for (size_t i = 0; i < TAG_COUNT; i++)
    b.top_of[i] = TB_NONE;
  b.mode = M_INITIAL;
  b.frameset_ok = 1;
  buf_init(&b.table_text);
  doc->root = arena_calloc(mem, sizeof *doc->root);
  b.tok = doc->root ? tokenizer_new(utf8, len, mem) : NULL;
  if (!b.tok) {
    snprintf(err, err_cap, "out of memory");
    return -1;
  }
  tokenizer_set_max_attrs(b.tok, b.lim.max_attrs);
  doc->root->name = "#document";
  doc->root->tag = TAG_UNKNOWN;
  doc->deadline = b.lim.deadline;
  if (context)
    start_fragment(&b, context_ns, context);
  int late = 0;
  html_token t;
  while (!b.stop) {
    if (deadline_over(b.lim.deadline)) {
      late = 1; /* the page's time budget is spent: the caller fails it */
      break;
    }
    const tb_entry *cur = tb_adjusted_current(&b);
    tokenizer_set_cdata_allowed(b.tok, cur && cur->ns != DOM_NS_HTML);
    if (tokenizer_next(b.tok, &t) < 0) {
      b.oom = 1;
      break;
    }
    tb_process(&b, &t);
    if (t.type == TOK_EOF)
      break;
  }
  if (!b.oom)
    tb_flush_text(&b);
  if (b.selectedcontent && !b.oom)
    tb_fill_selectedcontent(&b);
  for (size_t i = 0; i < b.nstack; i++)
    if (!(b.stack[i].bits & E_PHANTOM))
      b.stack[i].node->kind &= (uint16_t)~DOM_OPEN_;
  if (b.moved && !b.oom)
    fix_depths(doc->root);
  if (tokenizer_dropped_attrs(b.tok))
    doc->truncated = 1;
  tokenizer_free(b.tok);
  free(b.stack);
  free(b.afe);
  free(b.tmodes);
  buf_free(&b.table_text);
  if (b.oom || b.table_text.oom) {
    snprintf(err, err_cap, "out of memory");
    return -1;
  }
  if (late) {
    snprintf(err, err_cap, "over the time budget while parsing");
    return -1;
  }
  return 0;
}

int html_parse(const char *utf8, size_t len, const html_limits *lim, arena *mem, dom_doc *doc,
               char *err, size_t err_cap) {
  return parse(utf8, len, lim, DOM_NS_HTML, NULL, mem, doc, err, err_cap);
}

int html_parse_fragment(const char *utf8, size_t len, const html_limits *lim, int context_ns,
                        const char *context, arena *mem, dom_doc *doc, char *err, size_t err_cap) {
  return parse(utf8, len, lim, context_ns, context, mem, doc, err, err_cap);
}
