/* Lines that repeat across the pages of one site: the site's boilerplate
 * (menus, footers, newsletter blurbs) that a single page cannot tell from
 * content. Counted over many pages first, read while extracting each. */
#ifndef PITH_TEXT_SITES_H
#define PITH_TEXT_SITES_H

#include <stddef.h>
#include <stdint.h>

/* The same object as the public pith_sites. */
typedef struct pith_sites text_sites;

/* A new, empty counter; NULL on out-of-memory. max_entries bounds its memory
 * (16 bytes an entry; lines past the bound are not counted). 0: default
 * (8 million). */
text_sites *text_sites_new(size_t max_entries);
void text_sites_free(text_sites *s);

/* The site key of a URL: its host, lower case, without "www." and port
 * ("" for NULL or a URL without host), hashed. */
uint64_t text_site_of(const char *url);

/* Counts the distinct lines of one page of a site, its first max_lines
 * (0: all) as text mode reads them. Returns -1 on out-of-memory (the
 * counter stays usable). */
int text_sites_add(text_sites *s, uint64_t site, const char *utf8, size_t len, size_t max_lines);

/* Pages of a site seen, and pages of it holding a line (by line_hash). */
unsigned text_sites_pages(const text_sites *s, uint64_t site);
unsigned text_sites_count(const text_sites *s, uint64_t site, uint64_t line_hash);

#endif
