/* Text mode: the main content and metadata of a page that arrives
 * flattened to text (a crawl's WET record, a "view as text" dump): every
 * visible text run of the page, one a line. Lines instead of nodes, the
 * same article out. See docs/text-mode.md. */
#ifndef PITH_TEXT_TEXT_H
#define PITH_TEXT_TEXT_H

#include <stddef.h>

#include "article/article.h"
#include "text/sites.h"
#include "util/arena.h"

struct deadline;

/* What text mode reads of a page (pith_options). */
typedef struct {
  size_t max_lines;          /* lines read; the rest left out. 0: all */
  struct deadline *deadline; /* the page's time budget, NULL: none */
} text_limits;

/* Fills art (strings in mem) from the UTF-8 text utf8[0..len). sites, when
 * not NULL, counts the lines of other pages of the same sites: lines that
 * repeat across pages of the page's site (its url's host; "" without a
 * url) are boilerplate. lim may be NULL (no limits). Returns 0, or -1 on
 * out-of-memory or a spent time budget, with a message in err. A page with
 * no article gives no blocks, not an error. */
int text_extract(const char *utf8, size_t len, const text_sites *sites, const char *url,
                 const text_limits *lim, arena *mem, article *art, char *err, size_t err_cap);

/* 1 if data[0..len) is binary (control bytes, NULs), not text. */
int text_is_binary(const char *data, size_t len);

#endif
