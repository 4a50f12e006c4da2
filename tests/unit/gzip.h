/* gzip for the tests: one member holding data[0..len). */
#ifndef PITH_TEST_GZIP_H
#define PITH_TEST_GZIP_H

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"

/* A new buffer (caller frees) with the gzip member; *out_len set. */
static unsigned char *gzip(const void *data, size_t len, size_t *out_len) {
  z_stream z;
  memset(&z, 0, sizeof z);
  CHECK(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  size_t cap = deflateBound(&z, (uLong)len);
  unsigned char *out = malloc(cap);
  z.next_in = (Bytef *)data;
  z.avail_in = (uInt)len;
  z.next_out = out;
  z.avail_out = (uInt)cap;
  CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
  *out_len = cap - z.avail_out;
  deflateEnd(&z);
  return out;
}

#endif
