/* What an element's class, id and role say about it. */
#ifndef PITH_EXTRACT_CLASSIFY_H
#define PITH_EXTRACT_CLASSIFY_H

#include "html/dom.h"

enum {
  CLS_HIDDEN = 1 << 0,     /* "sr-only", "hidden": not shown to readers */
  CLS_STRONG_NEG = 1 << 1, /* comments, sharing, related, newsletter, ads, cookies */
  CLS_WEAK_NEG = 1 << 2,   /* sidebar, footer, menu: outweighed by a positive word */
  CLS_POSITIVE = 1 << 3,   /* article, content, entry, story, body text */
  CLS_META = 1 << 4,       /* byline, date, author: metadata, not body text */
  CLS_BODY = 1 << 5,       /* itemprop=articleBody and the like: the body itself */
};

/* Classifies an element by its class/id words, role and itemprop. */
unsigned classify_element(const dom_node *n);

#endif
