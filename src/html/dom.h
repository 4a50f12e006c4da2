/* pith's own compact DOM: one arena per page, nodes linked by pointers, tag
 * ids instead of names, and a few fields the extractor fills in one pass. */
#ifndef PITH_HTML_DOM_H
#define PITH_HTML_DOM_H

#include <stddef.h>
#include <stdint.h>

#include "html/tags.h"
#include "util/arena.h"

typedef struct dom_attr {
  const char *name; /* lower case */
  const char *value;
  struct dom_attr *next;
} dom_attr;

typedef struct dom_node dom_node;
struct dom_node {
  dom_node *parent, *first, *last, *next, *prev;
  uint16_t tag;  /* tag_id; TAG_TEXT for text */
  uint16_t kind; /* node flags below */
  uint32_t depth;
  /* Text nodes: the text as the page has it (entities decoded). */
  const char *text;
  uint32_t text_len;
  /* Elements: all attributes, and the common ones pre-fetched. */
  dom_attr *attrs;
  const char *id, *cls;
  const char *name; /* the element's name, for TAG_UNKNOWN */

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
};

struct deadline;

typedef struct {
  dom_node *root; /* the document node (tag TAG_UNKNOWN, name "#document") */
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
