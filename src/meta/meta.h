/* The metadata of a page: title, authors, dates, site, section, tags,
 * description, lead image, canonical URL, language, licence, page type.
 *
 * Sources, most trusted first: JSON-LD (schema.org), OpenGraph and Twitter
 * cards, <meta> names (Dublin Core, article:*, parsely-*, sailthru.*,
 * citation_*), microdata, <link rel=canonical|license>, <time>, <html lang>,
 * dates in the page's address, visible bylines and datelines near the
 * headline, and the text's own language. A field the page does not give
 * plainly stays NULL: a wrong value is worse than none. */
#ifndef PITH_META_META_H
#define PITH_META_META_H

#include <stddef.h>

#include "article/article.h"
#include "html/dom.h"

/* Fills art->title and art->meta from doc (art->url, when set, is the
 * page's address; art->meta.warc_date, when set, its fetch date). Dates
 * after now (a Unix time; 0 for the clock's) or the fetch date are
 * rejected. The article's blocks, when already extracted, give the text for
 * language detection. All strings are allocated from mem. Returns 0, or -1
 * on out-of-memory with err set. */
int meta_extract(const dom_doc *doc, long long now, arena *mem, article *art, char *err,
                 size_t err_cap);

/* Only art->title, the same as meta_extract would choose: for outputs that
 * show no other metadata (dates, authors and language cost time). */
int meta_extract_title(const dom_doc *doc, arena *mem, article *art, char *err, size_t err_cap);

#endif
