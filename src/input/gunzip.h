/* One gzip member inflated in one call (libdeflate, about twice as fast as
 * zlib's streaming inflate), for data that is wholly in memory. */
#ifndef PITH_INPUT_GUNZIP_H
#define PITH_INPUT_GUNZIP_H

#include <stddef.h>

/* Whether in[0..n) may be one gzip member that inflates to at most limit
 * bytes: 1, with *isize the size its trailer gives (mod 2^32: checked by
 * the inflating); 0 when not (the caller's zlib path then does it). */
int gunzip_whole_size(const void *in, size_t n, size_t limit, size_t *isize);
/* Inflates in[0..n), one good gzip member of isize bytes (as given by
 * gunzip_whole_size), into out (room for isize + 1 bytes): 1, with
 * out[*out_len] = 0; 0 otherwise — several members, bytes after the
 * member, a header CRC (zlib checks it, libdeflate does not), damaged
 * data, no memory — and the caller's zlib path does it (and words any
 * error). */
int gunzip_whole_into(const void *in, size_t n, char *out, size_t isize, size_t *out_len);
/* Both, into a buffer malloc'd here: *out (NUL-terminated, *out_len
 * bytes; the caller frees). */
int gunzip_whole(const void *in, size_t n, size_t limit, char **out, size_t *out_len);

#endif
