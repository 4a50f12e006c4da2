/* Web addresses: resolving a link against the page's address. */
#ifndef PITH_UTIL_URL_H
#define PITH_UTIL_URL_H

#include "util/arena.h"

/* Whether u starts with "http://" or "https://" (any case). */
int url_is_http(const char *u);

/* href resolved against base (RFC 3986, section 5: "../", "./", "?q",
 * "#f", "//host"), copied into mem. Surrounding white space is dropped.
 * Without a usable base (NULL, or not http(s)) a relative href comes back
 * as it is. NULL for script and data addresses ("javascript:", "data:"),
 * an empty href, or out-of-memory. */
char *url_resolve(arena *mem, const char *base, const char *href);

#endif
