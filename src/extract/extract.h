/* The extractor: decides which parts of a page are its main content and
 * fills the article with them. */
#ifndef PITH_EXTRACT_EXTRACT_H
#define PITH_EXTRACT_EXTRACT_H

#include <stddef.h>

#include "article/article.h"
#include "html/dom.h"

/* Fills out (its blocks and title; out->url is left as is) from doc, with
 * all memory from mem. Returns 0, or -1 on out-of-memory or when the time
 * budget (doc->deadline) ran out, with err set.
 * A page without main content gives an article with no blocks. */
int extract_article(dom_doc *doc, arena *mem, article *out, char *err, size_t err_cap);

#endif
