/* Probes: whether a gzip member (zstd frame) starting at some compressed
 * bytes decompresses to a WARC record's first bytes, "WARC/". The look-ahead
 * past a file's first member and the search for the next member after
 * damage both ask, with the stream's probe contexts (made at the first
 * probe), so that a magic that merely occurs in compressed or damaged
 * bytes is not taken for a member.
 *
 * A gzip member's header is read here, not by zlib: one whose header runs
 * past PROBE_IN is no member a probe takes, known from its first bytes (an
 * extra field's length) or from the zero ending its name or comment, which
 * is looked for once for magics in a row (s->zero_*); and the deflate data
 * after it is inflated once for every magic whose header ends at the same
 * byte (s->probe_memo_*). So a flood of magics whose headers run on to the
 * same byte costs about one probe, not one each. */
#include <string.h>

#include "input/stream_internal.h"

/* The probe contexts: 0, or -1 when out of memory. */
static int probe_ready(stream *s) {
  if (s->kind == STREAM_GZIP) {
    if (!s->probe_z_ready && inflateInit2(&s->probe_z, -MAX_WBITS) != Z_OK)
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

size_t stream_probe_most(const stream *s) {
  return s->kind == STREAM_GZIP ? PROBE_IN : PROBE_ZSTD;
}

/* The first zero byte at or after p[from], looked for up to p[lim]: its
 * index, or lim when there is none. The bytes known to hold no zero (file
 * offsets [zero_from, zero_to), a zero at zero_to when zero_found) are not
 * read again: magics in a row ask about the same bytes. *read: the bytes
 * read. */
static size_t zero_after(stream *s, const unsigned char *p, size_t from, size_t lim, size_t *read) {
  unsigned long long base = s->raw_base + (unsigned long long)(p - s->raw);
  unsigned long long x = base + from, end = base + lim;
  if (x < s->zero_from || x > s->zero_to) {
    s->zero_from = s->zero_to = x;
    s->zero_found = 0;
  }
  if (!s->zero_found && s->zero_to < end) {
    size_t at = (size_t)(s->zero_to - base);
    const unsigned char *z = memchr(p + at, 0, lim - at);
    *read += (z ? (size_t)(z - p) : lim) - at;
    s->zero_to = z ? base + (unsigned long long)(z - p) : end;
    s->zero_found = z != NULL;
  }
  return s->zero_to < end ? (size_t)(s->zero_to - base) : lim;
}

/* The length of the gzip header at p (n bytes held): 0 when more bytes are
 * needed, -1 when it is no header a probe takes (a reserved flag set, or
 * longer than PROBE_IN leaves room for data). *read: the bytes read. */
static long gzip_header(stream *s, const unsigned char *p, size_t n, size_t *read) {
  size_t lim = n < PROBE_IN ? n : PROBE_IN, h = 10;
  *read = 4; /* its flags and an extra field's length (its bytes are not read) */
  if (n < 12)
    return 0;
  unsigned flags = p[3];
  if (flags & 0xE0)
    return -1;
  if (flags & 4)
    h += 2 + (size_t)(p[10] | p[11] << 8);
  for (unsigned f = 8; f <= 16; f <<= 1) {
    if (!(flags & f) || h >= PROBE_IN)
      continue;
    if (h >= lim)
      return 0;
    h = zero_after(s, p, h, lim, read);
    if (h == lim)
      return lim == PROBE_IN ? -1 : 0;
    h++;
  }
  if (flags & 2)
    h += 2;
  if (h + 5 > PROBE_IN)
    return -1;
  return h > n ? 0 : (long)h;
}

/* How many bytes of the zstd frame at p (n held) show its first bytes
 * decompressed: its header and its first block, whole when compressed
 * (zstd gives a compressed block's bytes only once it holds all of it, up
 * to 128 KiB); 0 when it is no frame. When n is too short to tell, a
 * length past n. */
static size_t zstd_span(const unsigned char *p, size_t n) {
  static const size_t dict_id[4] = {0, 1, 2, 4}, content[4] = {0, 2, 4, 8};
  if (n < 5)
    return 5 + 3;
  unsigned fhd = p[4];
  if (fhd & 8)
    return 0; /* the reserved bit */
  int single = fhd >> 5 & 1;
  size_t h = 5 + !single + dict_id[fhd & 3] + (fhd >> 6 ? content[fhd >> 6] : (size_t)single);
  if (n < h + 3)
    return h + 3;
  size_t block = (size_t)(p[h] | p[h + 1] << 8 | p[h + 2] << 16), size = block >> 3;
  unsigned type = block >> 1 & 3;
  if (type == 3 || size > ZSTD_BLOCKSIZE_MAX)
    return 0;
  return h + 3 + (type == 2 ? size : type == 1 ? 1 : size < 5 ? size : 5);
}

/* Whether the deflate (zstd) data at p[0..in) starts "WARC/": 1 yes, 0 no,
 * 2 when it begins to and the bytes ran out; *used: the bytes read. */
static int starts_record(stream *s, const unsigned char *p, size_t in, size_t *used) {
  unsigned char out[5];
  size_t made;
  int going;   /* no error: more input could make more output */
  *used += 64; /* the decompressor's own cost counted too */
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
    *used += in - z->avail_in;
    going = zr == Z_OK || zr == Z_BUF_ERROR;
  } else {
    ZSTD_DCtx_reset(s->probe_zd, ZSTD_reset_session_only); /* the dictionary stays */
    ZSTD_inBuffer ib = {p, in, 0};
    ZSTD_outBuffer ob = {out, sizeof out, 0};
    size_t r = ZSTD_decompressStream(s->probe_zd, &ob, &ib);
    made = ob.pos;
    *used += ib.pos;
    going = !ZSTD_isError(r) && r != 0;
  }
  if (memcmp(out, "WARC/", made))
    return 0;
  return made == sizeof out ? 1 : going ? 2 : 0;
}

int stream_probe(stream *s, const unsigned char *p, size_t n, size_t *used) {
  *used = 0;
  if (probe_ready(s))
    return stream_fail(s, "out of memory");
  if (s->kind == STREAM_ZSTD) {
    size_t span = zstd_span(p, n);
    if (!span)
      return 0;
    if (span > n)
      return 2;
    int r = starts_record(s, p, span, used);
    return r == 2 ? 0 : r;
  }
  long h = gzip_header(s, p, n, used);
  if (h <= 0)
    return h < 0 ? 0 : 2;
  unsigned long long at = s->raw_base + (unsigned long long)(p - s->raw) + (unsigned long long)h;
  if (s->probe_memo_at == at + 1)
    return s->probe_memo;
  size_t in = n < PROBE_IN ? n : PROBE_IN;
  int r = starts_record(s, p + h, in - (size_t)h, used);
  if (r == 2)
    return in < PROBE_IN ? 2 : 0;
  s->probe_memo_at = at + 1;
  s->probe_memo = r;
  return r;
}
