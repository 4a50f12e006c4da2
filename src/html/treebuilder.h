/* The HTML tree builder (WHATWG HTML, "Tree construction"): tokens from
 * tokenizer.c in, pith's arena DOM out. Internal to src/html/: the modes are
 * in treebuilder.c, the tree operations and the stack of open elements in
 * tb_tree.c, the list of active formatting elements and the adoption agency
 * in tb_formatting.c, foreign content (SVG, MathML) in tb_foreign.c. */
#ifndef PITH_HTML_TREEBUILDER_H
#define PITH_HTML_TREEBUILDER_H

#include <stddef.h>
#include <stdint.h>

#include "html/dom.h"
#include "html/html.h"
#include "html/tokenizer.h"
#include "util/buf.h"

typedef enum {
  M_INITIAL,
  M_BEFORE_HTML,
  M_BEFORE_HEAD,
  M_IN_HEAD,
  M_IN_HEAD_NOSCRIPT,
  M_AFTER_HEAD,
  M_IN_BODY,
  M_TEXT,
  M_IN_TABLE,
  M_IN_TABLE_TEXT,
  M_IN_CAPTION,
  M_IN_COLUMN_GROUP,
  M_IN_TABLE_BODY,
  M_IN_ROW,
  M_IN_CELL,
  M_IN_TEMPLATE,
  M_AFTER_BODY,
  M_IN_FRAMESET,
  M_AFTER_FRAMESET,
  M_AFTER_AFTER_BODY,
  M_AFTER_AFTER_FRAMESET,
} tb_mode;

/* The scopes of "has an element in ... scope". Table scope is apart: its
 * boundaries (html, table, template) are in every other scope too. */
enum { SCOPE_DEFAULT, SCOPE_LIST_ITEM, SCOPE_BUTTON, SCOPE_TABLE, SCOPE_COUNT };

/* tb_entry.bits */
enum {
  E_PHANTOM =
      1 << 0, /* past the depth limit: not in the tree, node is the element holding its content */
  E_BOUNDARY = 1 << 1,   /* a foreign element every scope but table scope stops at */
  E_HTML_IP = 1 << 2,    /* an HTML integration point */
  E_MATHML_TIP = 1 << 3, /* a MathML text integration point */
  E_ANNOTATION = 1 << 4, /* MathML annotation-xml */
};

#define TB_NONE UINT32_MAX

/* One element on the stack of open elements. The scope checks read bnd and
 * the per-tag chain instead of walking the stack: O(1) each. */
typedef struct {
  dom_node *node;   /* the element (a phantom's: the element its content goes into) */
  const char *name; /* the element's name (lower case; foreign: the standard's case) */
  uint16_t tag;     /* the tag id of an HTML element; TAG_UNKNOWN for foreign and unknown ones */
  uint8_t ns;       /* DOM_NS_HTML, _SVG, _MATHML */
  uint8_t bits;     /* E_* */
  uint32_t repeat;  /* phantoms: how many more identical phantoms this entry stands for */
  uint32_t below;   /* the next entry down with the same tag, TB_NONE if none */
  uint32_t bnd[SCOPE_COUNT]; /* per scope: the topmost boundary at or below this entry */
} tb_entry;

/* An entry of the list of active formatting elements: an element, or a
 * marker (node NULL). */
typedef struct {
  dom_node *node;
} tb_fmt;

typedef struct {
  arena *mem;
  dom_doc *doc;
  html_tokenizer *tok;
  html_limits lim;
  int keep_all; /* HTML_KEEP_ALL */

  tb_mode mode, orig_mode;
  tb_entry *stack;
  size_t nstack, stack_cap;
  uint32_t top_of[TAG_COUNT]; /* per HTML tag: its topmost entry, TB_NONE if none */
  tb_fmt *afe;
  size_t nafe, afe_cap;
  tb_mode *tmodes; /* the stack of template insertion modes */
  size_t ntmodes, tmodes_cap;
  dom_node *head_el, *form_el;
  int frameset_ok;
  int quirks;  /* 0 no quirks, 1 quirks, 2 limited quirks */
  int foster;  /* foster parenting on */
  int skip_lf; /* drop a newline at the start of the next character run (pre, listing, textarea) */
  int moved;   /* nodes were moved: depths are recomputed at the end */
  int stop;    /* out of memory or out of nodes: stop parsing */
  int selectedcontent; /* a <selectedcontent> was made: fill it at the end (tb_select.c) */
  int fragment;        /* parsing a fragment (html_parse_fragment): ctx is its context element */
  tb_entry ctx;
  int oom;

  /* "in table text": the pending character tokens */
  buf table_text;
  int table_text_dirty; /* they hold something other than white space */

  /* Character data not yet a node: it goes into text_parent before
   * text_before (NULL: at the end), as one text node. It is copied straight
   * into the arena (text[0..text_len), text_cap bytes reserved) and grows
   * in place while nothing else is allocated after it. */
  char *text;
  size_t text_len, text_cap;
  dom_node *text_parent, *text_before;
  int text_raw; /* ... and it is a script's contents */
  int text_ink; /* ... and some byte of it is not white space */
} tb;

/* tb_tree.c: nodes, insertion, the stack of open elements */
void *tb_grow(tb *b, void *array, size_t *cap, size_t n, size_t elem_size);
dom_node *tb_new_node(tb *b, uint16_t tag);
void tb_flush_text(tb *b);
/* ink: whether s holds a byte other than white space (the caller knows it
 * from the token's ws_prefix), -1 when the caller does not know. */
void tb_insert_text(tb *b, const char *s, size_t len, int ink);
void tb_insert_comment(tb *b, const html_token *t, dom_node *parent);
dom_node *tb_create_element(tb *b, const html_token *t, int ns, uint16_t tag, const char *name,
                            size_t name_len);
dom_node *tb_insert_element(tb *b, const html_token *t, int ns);
dom_node *tb_insert_html(tb *b, uint16_t tag, const char *name);
void tb_place(tb *b, dom_node *n, dom_node *parent, dom_node *before);
/* Moves an insertion place that is at the depth limit up to the element
 * above it, at the end (the top of tb_tree.c says why). */
void tb_flatten(tb *b, dom_node **parent, dom_node **before);
void tb_detach(tb *b, dom_node *n);
void tb_push(tb *b, dom_node *n, int ns, uint16_t tag, const char *name, int phantom);
void tb_pop(tb *b);
void tb_remove_entry(tb *b, size_t i);
/* A new entry for the HTML element n at index i (those from i up move up). */
void tb_insert_entry(tb *b, size_t i, dom_node *n);
/* Adds E_* bits to the current entry (they change its scope boundaries). */
void tb_set_entry_bits(tb *b, int bits);
/* Adds the token's attributes the element does not have (<html>, <body>). */
void tb_add_missing_attrs(tb *b, dom_node *n, const html_token *t);
void tb_pop_until_tag(tb *b, uint16_t tag);
void tb_pop_until_heading(tb *b);
void tb_pop_until_cell(tb *b);
int tb_in_scope(const tb *b, uint16_t tag, int scope);
int tb_node_in_scope(const tb *b, const dom_node *n, int scope);
long tb_find_entry(const tb *b, const dom_node *n);
void tb_generate_implied(tb *b, uint16_t except);
void tb_generate_implied_thoroughly(tb *b);
void tb_appropriate_place(tb *b, const tb_entry *target, dom_node **parent, dom_node **before);
int tb_is_special(const tb_entry *e);

static inline tb_entry *tb_current(tb *b) {
  return b->nstack ? &b->stack[b->nstack - 1] : NULL;
}
/* The adjusted current node: the context element when a fragment's stack
 * holds only its root. */
static inline tb_entry *tb_adjusted_current(tb *b) {
  return b->fragment && b->nstack == 1 ? &b->ctx : tb_current(b);
}
static inline int tb_cur_is(tb *b, uint16_t tag) {
  return b->nstack && b->stack[b->nstack - 1].tag == tag &&
         b->stack[b->nstack - 1].ns == DOM_NS_HTML;
}

/* tb_formatting.c: the list of active formatting elements */
void tb_afe_push(tb *b, dom_node *n);
void tb_afe_marker(tb *b);
void tb_afe_clear_to_marker(tb *b);
void tb_afe_remove(tb *b, const dom_node *n);
long tb_afe_find_after_marker(const tb *b, uint16_t tag);
void tb_reconstruct(tb *b);
/* The adoption agency algorithm for an end tag; returns 1 when the token is
 * to be handled as "any other end tag" instead. */
int tb_adoption_agency(tb *b, const html_token *t);

/* tb_foreign.c: SVG and MathML */
void tb_adjust_svg_name(const char **name, size_t *len);
const char *tb_adjust_attr_name(int ns, const char *name, size_t len, int *attr_ns);
int tb_foreign_bits(int ns, const char *name, const html_token *t);
int tb_breaks_out_of_foreign(const html_token *t);

/* tb_select.c: customizable <select> */
void tb_fill_selectedcontent(tb *b);

/* treebuilder.c */
void tb_process(tb *b, html_token *t);

#endif
