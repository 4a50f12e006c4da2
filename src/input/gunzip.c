#include "input/gunzip.h"

#include <libdeflate.h>
#include <stdlib.h>

#include "util/sizeclass.h"

int gunzip_whole_size(const void *data, size_t n, size_t limit, size_t *isize) {
  const unsigned char *in = data;
  if (n < 18 || in[0] != 0x1f || in[1] != 0x8b || (in[3] & 0x02))
    return 0; /* 18: a header and a trailer; 0x02: FHCRC */
  *isize = (size_t)in[n - 4] | (size_t)in[n - 3] << 8 | (size_t)in[n - 2] << 16 |
           (size_t)in[n - 1] << 24;
  return *isize <= limit;
}

int gunzip_whole_into(const void *in, size_t n, char *out, size_t isize, size_t *out_len) {
  struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
  size_t used = 0, produced = 0;
  enum libdeflate_result r =
      d ? libdeflate_gzip_decompress_ex(d, in, n, out, isize, &used, &produced)
        : LIBDEFLATE_BAD_DATA;
  libdeflate_free_decompressor(d);
  if (r != LIBDEFLATE_SUCCESS || used != n)
    return 0;
  out[produced] = 0;
  *out_len = produced;
  return 1;
}

int gunzip_whole(const void *in, size_t n, size_t limit, char **out, size_t *out_len) {
  size_t isize;
  if (!gunzip_whole_size(in, n, limit, &isize))
    return 0;
  char *buf = malloc(size_class(isize + 1)); /* see util/sizeclass.h */
  if (!buf)
    return 0;
  if (!gunzip_whole_into(in, n, buf, isize, out_len)) {
    free(buf);
    return 0;
  }
  *out = buf;
  return 1;
}
