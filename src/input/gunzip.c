#include "input/gunzip.h"

#include <libdeflate.h>
#include <stdlib.h>

#include "util/sizeclass.h"

int gunzip_whole(const void *data, size_t n, size_t limit, char **out, size_t *out_len) {
  const unsigned char *in = data;
  if (n < 18 || in[0] != 0x1f || in[1] != 0x8b || (in[3] & 0x02))
    return 0; /* 18: a header and a trailer; 0x02: FHCRC */
  /* The trailer's ISIZE: the size to allocate (mod 2^32: checked below). */
  size_t isize = (size_t)in[n - 4] | (size_t)in[n - 3] << 8 | (size_t)in[n - 2] << 16 |
                 (size_t)in[n - 1] << 24;
  if (isize > limit)
    return 0;
  char *buf = malloc(size_class(isize + 1)); /* see util/sizeclass.h */
  if (!buf)
    return 0;
  struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
  size_t used = 0, produced = 0;
  enum libdeflate_result r =
      d ? libdeflate_gzip_decompress_ex(d, in, n, buf, isize, &used, &produced)
        : LIBDEFLATE_BAD_DATA;
  libdeflate_free_decompressor(d);
  if (r != LIBDEFLATE_SUCCESS || used != n) {
    free(buf);
    return 0;
  }
  buf[produced] = 0;
  *out = buf;
  *out_len = produced;
  return 1;
}
