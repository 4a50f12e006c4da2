/* One gzip member inflated in one call (libdeflate, about twice as fast as
 * zlib's streaming inflate), for data that is wholly in memory. */
#ifndef PITH_INPUT_GUNZIP_H
#define PITH_INPUT_GUNZIP_H

#include <stddef.h>

/* in[0..n) is exactly one good gzip member inflating to at most limit
 * bytes: 1, with *out (malloc'd, NUL-terminated, *out_len bytes; the
 * caller frees). 0 otherwise — several members, bytes after the member, a
 * size over the limit, a header CRC (zlib checks it, libdeflate does not),
 * damaged data, no memory — and the caller's zlib path does it (and words
 * any error). */
int gunzip_whole(const void *in, size_t n, size_t limit, char **out, size_t *out_len);

#endif
