/* pith's own compact DOM: one arena per page, nodes linked by pointers, tag
 * ids instead of names, and a few fields the extractor fills in one pass. */
#ifndef PITH_HTML_DOM_H
#define PITH_HTML_DOM_H

#include <stddef.h>
#include <stdint.h>

#include "html/tags.h"
#include "util/arena.h"

/* Namespaces of foreign elements and attributes (HTML's is 0). */
enum {
  DOM_NS_HTML = 0,
  DOM_NS_SVG,
  DOM_NS_MATHML,
  DOM_NS_XLINK, /* attributes: xlink:href ... */
  DOM_NS_XML,   /* attributes: xml:lang, xml:space */
  DOM_NS_XMLNS, /* attributes: xmlns, xmlns:xlink */
};

typedef struct dom_attr {
  const char *name; /* lower case (SVG/MathML: the standard's case); namespaced ones keep their
                       prefix, "xlink:href" */
  const char *value;
  struct dom_attr *next;
  int ns; /* DOM_NS_*: 0 for all but foreign attributes */
} dom_attr;

typedef struct dom_node dom_node;
struct dom_node {
  dom_node *parent, *first, *last, *next, *prev;
  uint16_t tag;  /* tag_id; TAG_TEXT for text, TAG_COMMENT, TAG_DOCTYPE, TAG_CONTENT */
  uint16_t kind; /* node flags below */
  uint32_t depth;
  /* Text nodes: the text as the page has it (entities decoded). Comments:
   * their data; doctype: its name. */
  const char *text;
  uint32_t text_len;
  /* Elements: all attributes, and the common ones pre-fetched. */
  dom_attr *attrs;
  const char *id, *cls;
  const char *name; /* the element's name, for TAG_UNKNOWN and foreign elements */

  /* Filled by the extractor. */
  uint32_t chars;      /* visible non-space characters below */
  uint32_t link_chars; /* of which inside links */
  uint32_t paras;      /* paragraph-like text blocks below */
  uint32_t flags;      /* extractor's own marks */
  uint32_t order;      /* pre-order index among elements */
  uint32_t order_end;  /* order of the last element below (== order for leaves) */
  float score;
  float prose;        /* extractor's scratch: positive block weight below, undecayed */
  uint32_t meta_bits; /* meta's scratch: its class/id word bits, | 1u << 31 once known */
};

/* dom_node.kind */
enum {
  DOM_HIDDEN = 1 << 0,  /* hidden by attribute or inline style */
  DOM_RAWTEXT = 1 << 1, /* text node holding script/style contents */
  DOM_SVG = 1 << 2, /* an element in the SVG namespace (tag: TAG_SVG for <svg>, else TAG_UNKNOWN) */
  DOM_MATHML =
      1 << 3, /* an element in the MathML namespace (TAG_MATH for <math>, else TAG_UNKNOWN) */
  DOM_OPEN_ = 1 << 15, /* the tree builder's own: on its stack of open elements */
};

/* An element's namespace (DOM_NS_HTML, _SVG, _MATHML). */
static inline int dom_ns(const dom_node *n) {
  return n->kind & DOM_SVG ? DOM_NS_SVG : n->kind & DOM_MATHML ? DOM_NS_MATHML : DOM_NS_HTML;
}

struct deadline;

typedef struct {
  dom_node *root; /* the document node (tag TAG_UNKNOWN, name "#document"): doctype,
                   * comments (only with HTML_KEEP_ALL) and the html element */
  dom_node *html, *head, *body, *title;
  size_t nodes;
  int truncated; /* a limit cut the tree short */
  /* The page's time budget (util/deadline.h), NULL if none: the stages
   * that walk the tree stop early when it is spent. */
  struct deadline *deadline;
} dom_doc;

const char *dom_attr_get(const dom_node *n, const char *name);

/* Pre-order walk: the node after n, staying inside root; skip_children
 * jumps over n's subtree. */
static inline dom_node *dom_next(const dom_node *root, const dom_node *n, int skip_children) {
  if (!skip_children && n->first)
    return n->first;
  while (n && n != root) {
    if (n->next)
      return n->next;
    n = n->parent;
  }
  return NULL;
}

#endif
