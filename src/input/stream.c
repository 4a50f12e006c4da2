/* The decompressed stream: raw bytes from the callback into `raw`, inflated
 * (or copied) into the window `win`, which the record parser consumes from
 * the front. Memory stays bounded by the window (the parser reads through
 * large blocks without holding them) and a zstd dictionary. This file: the
 * stream's life, its window, and the loop that fills it; stream_internal.h
 * names the files that do each job. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/stream_internal.h"

int stream_fail(stream *s, const char *msg) {
  snprintf(s->err, sizeof s->err, "%s", msg);
  s->failed = 1;
  return -1;
}

stream *stream_new(stream_read_fn rd, stream_seek_fn seek, void *ctx) {
  stream *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  s->rd = rd;
  s->seek = seek;
  s->ctx = ctx;
  s->kind = -1;
  s->raw_cap = RAW_CAP;
  s->raw = malloc(s->raw_cap);
  s->win_cap = WINDOW_MIN;
  s->win = malloc(s->win_cap);
  if (!s->raw || !s->win) {
    stream_free(s);
    return NULL;
  }
  return s;
}

void stream_free(stream *s) {
  if (!s)
    return;
  if (s->z_ready)
    inflateEnd(&s->z);
  if (s->whole)
    libdeflate_free_decompressor(s->whole);
  ZSTD_freeDCtx(s->zd);
  if (s->probe_z_ready)
    inflateEnd(&s->probe_z);
  ZSTD_freeDCtx(s->probe_zd);
  ZSTD_freeDDict(s->dict);
  free(s->raw);
  free(s->win);
  free(s->m);
  free(s);
}

const char *stream_error(const stream *s) {
  return s->failed ? s->err : NULL;
}
stream_kind stream_kind_of(const stream *s) {
  return s->kind < 0 ? STREAM_PLAIN : (stream_kind)s->kind;
}
unsigned long long stream_pos(const stream *s) {
  return s->offset + s->start;
}
unsigned long long stream_raw_pos(const stream *s) {
  return s->raw_base + s->raw_pos;
}

const unsigned char *stream_data(const stream *s, size_t *avail) {
  *avail = s->end - s->start;
  return s->win + s->start;
}

void stream_consume(stream *s, size_t n) {
  s->start += n;
}

/* ---- the window ----------------------------------------------------------- */

/* Room for want more decompressed bytes at the end of the window. */
int stream_win_room(stream *s, size_t want) {
  if (s->start > 0 && (s->start == s->end || s->win_cap - s->end < want)) {
    memmove(s->win, s->win + s->start, s->end - s->start);
    s->end -= s->start;
    s->offset += s->start;
    s->start = 0;
  }
  if (s->win_cap - s->end >= want)
    return 0;
  size_t cap = s->win_cap;
  while (cap - s->end < want)
    cap *= 2;
  unsigned char *w = realloc(s->win, cap);
  if (!w)
    return stream_fail(s, "out of memory");
  s->win = w;
  s->win_cap = cap;
  return 0;
}

int stream_unread(stream *s, const void *data, size_t n) {
  if (n <= s->start) {
    s->start -= n;
  } else {
    if (stream_win_room(s, n))
      return -1;
    memmove(s->win + n, s->win + s->start, s->end - s->start);
    s->end = n + (s->end - s->start);
    s->offset -= n - s->start;
    s->start = 0;
  }
  memmove(s->win + s->start, data, n);
  return 0;
}

/* The first bytes say which kind of data this is. */
static int find_kind(stream *s) {
  if (stream_raw_want(s, 4) < 0)
    return -1;
  const unsigned char *p = s->raw + s->raw_pos;
  size_t n = s->raw_len - s->raw_pos;
  if (n >= 3 && !memcmp(p, GZIP_MAGIC, 3)) {
    s->kind = STREAM_GZIP;
    if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK)
      return stream_fail(s, "out of memory");
    s->z_ready = 1;
    s->whole = libdeflate_alloc_decompressor();
    if (!s->whole)
      return stream_fail(s, "out of memory");
  } else if (n >= 4 && (!memcmp(p, ZSTD_MAGIC, 4) || (le32(p) & 0xFFFFFFF0u) == 0x184D2A50u)) {
    s->kind = STREAM_ZSTD;
    s->zd = ZSTD_createDCtx();
    if (!s->zd)
      return stream_fail(s, "out of memory");
  } else {
    s->kind = STREAM_PLAIN;
  }
  return 0;
}

int stream_more(stream *s) {
  if (s->failed)
    return -1;
  if (s->data_eof)
    return 0;
  if (s->kind < 0 && find_kind(s))
    return -1;
  if (stream_win_room(s, WINDOW_MIN / 2))
    return -1;
  for (;;) {
    int rc;
    if (s->kind == STREAM_PLAIN) {
      if (s->raw_pos == s->raw_len) {
        rc = stream_raw_fill(s);
        if (rc < 0)
          return -1;
        if (rc == 0) {
          s->data_eof = 1;
          return 0;
        }
      }
      size_t n = s->raw_len - s->raw_pos;
      if (n > s->win_cap - s->end)
        n = s->win_cap - s->end;
      memcpy(s->win + s->end, s->raw + s->raw_pos, n);
      s->raw_pos += n;
      s->end += n;
      return 1;
    }
    rc = s->kind == STREAM_GZIP ? stream_gzip_step(s) : stream_zstd_step(s);
    if (rc < 0)
      return -1;
    if (rc == 2) {
      s->data_eof = 1;
      return 0;
    }
    if (rc == 1)
      return 1;
  }
}
