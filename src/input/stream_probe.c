/* Probes: whether a gzip member (zstd frame) starting at some compressed
 * bytes decompresses to a WARC record's first bytes, "WARC/". The look-ahead
 * past a file's first member and the search for the next member after
 * damage both ask, with the stream's probe contexts (made at the first
 * probe), so that a magic that merely occurs in compressed or damaged
 * bytes is not taken for a member. */
#include <string.h>

#include "input/stream_internal.h"

/* The probe contexts: 0, or -1 when out of memory. */
static int probe_ready(stream *s) {
  if (s->kind == STREAM_GZIP) {
    if (!s->probe_z_ready && inflateInit2(&s->probe_z, 16 + MAX_WBITS) != Z_OK)
      return -1;
    s->probe_z_ready = 1;
    return 0;
  }
  if (!s->probe_zd && !(s->probe_zd = ZSTD_createDCtx()))
    return -1;
  /* The dictionary frame's, as the stream's own frames use (it may have
   * come since the last probe). */
  return s->dict && ZSTD_isError(ZSTD_DCtx_refDDict(s->probe_zd, s->dict)) ? -1 : 0;
}

int stream_probe(stream *s, const unsigned char *p, size_t n, size_t *used) {
  unsigned char out[5];
  size_t in = n < PROBE_IN ? n : PROBE_IN, made;
  int going; /* no error: more input could make more output */
  *used = 0;
  if (probe_ready(s))
    return stream_fail(s, "out of memory");
  if (s->kind == STREAM_GZIP) {
    z_stream *z = &s->probe_z;
    if (inflateReset(z) != Z_OK)
      return 0;
    z->next_in = (unsigned char *)p; /* zlib reads it only */
    z->avail_in = (uInt)in;
    z->next_out = out;
    z->avail_out = sizeof out;
    int zr = inflate(z, Z_NO_FLUSH);
    made = sizeof out - z->avail_out;
    *used = in - z->avail_in;
    going = zr == Z_OK || zr == Z_BUF_ERROR;
  } else {
    ZSTD_DCtx_reset(s->probe_zd, ZSTD_reset_session_only); /* the dictionary stays */
    ZSTD_inBuffer ib = {p, in, 0};
    ZSTD_outBuffer ob = {out, sizeof out, 0};
    size_t r = ZSTD_decompressStream(s->probe_zd, &ob, &ib);
    made = ob.pos;
    *used = ib.pos;
    going = !ZSTD_isError(r) && r != 0;
  }
  if (memcmp(out, "WARC/", made))
    return 0;
  if (made == sizeof out)
    return 1;
  return going ? (in < PROBE_IN ? 2 : 0) : 0;
}
