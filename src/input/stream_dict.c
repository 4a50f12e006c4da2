/* zstd skippable frames: the Internet Archive's dictionary frame loaded
 * (its dictionary zstd-compressed or not), other skippable frames passed
 * over. */
#include <stdlib.h>
#include <string.h>

#include "input/stream_internal.h"

/* A zstd-compressed dictionary d[0..n) into *out (malloc'd, *out_len
 * bytes, at most MAX_DICT); -1 when it is not one or too large. */
static int unpack_dict(const unsigned char *d, size_t n, void **out, size_t *out_len) {
  ZSTD_DCtx *z = ZSTD_createDCtx();
  size_t cap = 1 << 16, len = 0;
  unsigned char *buf = malloc(cap);
  ZSTD_inBuffer in = {d, n, 0};
  size_t r = 1;
  while (z && buf && r != 0) {
    if (len == cap) {
      unsigned char *b = cap < MAX_DICT ? realloc(buf, cap * 2) : NULL;
      if (!b)
        break;
      buf = b;
      cap *= 2;
    }
    ZSTD_outBuffer o = {buf, cap, len};
    r = ZSTD_decompressStream(z, &o, &in);
    len = o.pos;
    if (ZSTD_isError(r) || (in.pos == in.size && o.pos < o.size && r != 0))
      break;
  }
  ZSTD_freeDCtx(z);
  if (r != 0) {
    free(buf);
    return -1;
  }
  *out = buf;
  *out_len = len;
  return 0;
}

/* The frames that follow use dictionary d[0..n): a zstd result code. */
static size_t use_dict(stream *s, const void *d, size_t n) {
  ZSTD_freeDDict(s->dict);
  s->dict = ZSTD_createDDict(d, n);
  return s->dict ? ZSTD_DCtx_refDDict(s->zd, s->dict) : (size_t)-1;
}

/* A zstd skippable frame at the raw position: the Internet Archive's
 * dictionary frame (magic 0x184D2A5D) is loaded, others are skipped. */
int stream_zstd_skippable(stream *s) {
  unsigned long long at = stream_raw_pos(s);
  if (stream_raw_want(s, 8) <= 0)
    return s->failed ? -1 : stream_damaged(s, "truncated zstd data", at, 1);
  const unsigned char *p = s->raw + s->raw_pos;
  uint32_t magic = le32(p), size = le32(p + 4);
  if (magic != 0x184D2A5Du || size > MAX_DICT) {
    /* Skipped a buffer at a time (a dictionary over the limit too). */
    unsigned long long left = 8ull + size;
    while (left) {
      if (s->raw_pos == s->raw_len && stream_raw_fill(s) <= 0)
        return s->failed ? -1 : stream_damaged(s, "truncated zstd data", at, 0);
      size_t k = s->raw_len - s->raw_pos;
      if (k > left)
        k = (size_t)left;
      s->raw_pos += k;
      left -= k;
    }
    return magic == 0x184D2A5Du ? stream_damaged(s, "zstd dictionary too large", at, 0) : 0;
  }
  int rc = stream_raw_want(s, 8 + (size_t)size);
  if (rc < 0)
    return -1;
  if (rc == 0) {
    s->raw_pos = s->raw_len;
    return stream_damaged(s, "truncated zstd dictionary", at, 0);
  }
  const unsigned char *d = s->raw + s->raw_pos + 8;
  size_t r;
  if (size >= 4 && !memcmp(d, ZSTD_MAGIC, 4)) {
    /* The dictionary itself is zstd-compressed. */
    void *dict = NULL;
    size_t n = 0;
    r = unpack_dict(d, size, &dict, &n) ? (size_t)-1 : use_dict(s, dict, n);
    free(dict);
  } else {
    r = use_dict(s, d, size);
  }
  s->raw_pos += 8 + (size_t)size;
  if (ZSTD_isError(r))
    return stream_damaged(s, "bad zstd dictionary", at, 0);
  return 0;
}
