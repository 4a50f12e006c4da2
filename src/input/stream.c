/* The decompressed stream: raw bytes from the callback into `raw`, inflated
 * (or copied) into the window `win`, which the record parser consumes from
 * the front. Memory stays bounded by the window (the parser reads through
 * large blocks without holding them) and a zstd dictionary. */
#include "input/stream.h"

#include <libdeflate.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#define RAW_CAP ((size_t)1 << 16)
/* gzip members are inflated whole by libdeflate (about twice zlib's speed)
 * when one lies in the compressed bytes held — at least RAW_WHOLE of them
 * are, while the file lasts — and fits the window's free space (made
 * WHOLE_OUT at least, so 2-4 MiB). Other members (larger, damaged, cut by
 * the buffer's end) go through zlib, a window at a time: a bomb costs that
 * free space's worth of inflating (milliseconds), then is skipped as
 * before. */
#define RAW_WHOLE ((size_t)1 << 20)
#define WHOLE_OUT ((size_t)1 << 21)
#define WINDOW_MIN ((size_t)1 << 16)
#define MAX_DICT ((size_t)64 << 20) /* a zstd dictionary frame */
/* Looking ahead of the first gzip member (zstd frame) for the next one
 * (stream_abandon):
 * at most this many compressed bytes held, at most PROBE_IN of them for a
 * candidate member to inflate to "WARC/", at most PROBES_MAX candidates. */
#define LOOKAHEAD_MAX ((size_t)16 << 20)
#define PROBE_IN ((size_t)4096)
#define PROBES_MAX 256

typedef struct {
  unsigned long long dec;       /* where its data starts in the stream */
  unsigned long long comp, end; /* its bytes in the file; end 0 until known */
  int done;                     /* ended (end known), damaged, or cut by the end of data */
  char damage[192];             /* why the data before this member was cut, or "" */
  unsigned long long damage_at; /* where the damaged bytes start in the file */
} member;

struct stream {
  stream_read_fn rd;
  stream_seek_fn seek; /* NULL: the data is read once */
  void *ctx;
  unsigned char *raw; /* input not yet decompressed: [raw_pos, raw_len) */
  size_t raw_cap, raw_len, raw_pos;
  unsigned long long raw_base; /* file offset of raw[0] */
  int raw_eof;
  int kind; /* -1 not known yet, else a stream_kind */
  int in_member;
  int multi;        /* a member has ended and another started: one member per record */
  int looked_ahead; /* the first member was searched past for a record's member */
  z_stream z;
  int z_ready;
  struct libdeflate_decompressor *whole; /* gzip members inflated in one call */
  ZSTD_DCtx *zd;
  ZSTD_DDict *dict;   /* the dictionary frame's, shared with look-ahead probes */
  int data_eof;       /* no more decompressed data will come */
  unsigned char *win; /* decompressed bytes: [start, end) */
  size_t win_cap, start, end;
  unsigned long long offset; /* stream offset of win[start] */
  member *m;
  size_t nm, mcap;
  char err[96];
  int failed;
};

static int fail(stream *s, const char *msg) {
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

/* ---- raw input --------------------------------------------------------- */

/* More raw bytes: 1 if some came, 0 at the end of the file, -1 on error. */
static int raw_fill(stream *s) {
  if (s->raw_eof)
    return 0;
  if (s->raw_pos > 0) {
    memmove(s->raw, s->raw + s->raw_pos, s->raw_len - s->raw_pos);
    s->raw_len -= s->raw_pos;
    s->raw_base += s->raw_pos;
    s->raw_pos = 0;
  }
  if (s->raw_len == s->raw_cap)
    return 1;
  long n = s->rd(s->ctx, s->raw + s->raw_len, s->raw_cap - s->raw_len);
  if (n < 0)
    return fail(s, "read error");
  if (n == 0) {
    s->raw_eof = 1;
    return 0;
  }
  s->raw_len += (size_t)n;
  return 1;
}

/* Reads until n raw bytes are buffered (growing the buffer) or the input
 * ends: 1, 0 when fewer came, -1 on error. */
static int raw_want(stream *s, size_t n) {
  if (n > s->raw_cap) {
    unsigned char *r = realloc(s->raw, n);
    if (!r)
      return fail(s, "out of memory");
    s->raw = r;
    s->raw_cap = n;
  }
  while (s->raw_len - s->raw_pos < n) {
    int rc = raw_fill(s);
    if (rc <= 0)
      return rc;
  }
  return 1;
}

/* ---- members ------------------------------------------------------------ */

static member *member_add(stream *s, const char *damage, unsigned long long damage_at) {
  if (s->nm == s->mcap) {
    size_t cap = s->mcap ? 2 * s->mcap : 16;
    member *m = realloc(s->m, cap * sizeof *m);
    if (!m)
      return NULL;
    s->m = m;
    s->mcap = cap;
  }
  member *m = &s->m[s->nm++];
  memset(m, 0, sizeof *m);
  m->dec = s->offset + s->end;
  m->comp = stream_raw_pos(s);
  if (damage)
    snprintf(m->damage, sizeof m->damage, "%s", damage);
  m->damage_at = damage_at;
  return m;
}

/* The member being decompressed has ended well (end known). */
static void member_end(stream *s) {
  if (s->nm) {
    s->m[s->nm - 1].end = stream_raw_pos(s);
    s->m[s->nm - 1].done = 1;
  }
}

/* The member being decompressed is damaged: it ends here. */
static void member_cut(stream *s) {
  if (s->nm)
    s->m[s->nm - 1].done = 1;
}

/* The index of the first member starting after `from` (from ULLONG_MAX:
 * the first of all): members are in stream order, so a binary search. */
static size_t first_after(const stream *s, unsigned long long from) {
  if (from == ULLONG_MAX)
    return 0;
  size_t lo = 0, hi = s->nm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->m[mid].dec > from)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

void stream_forget(stream *s, unsigned long long keep, unsigned long long before) {
  /* [0, k): wholly before `keep`'s member; [j, i): between it and `before` */
  size_t j = first_after(s, keep), k = j ? j - 1 : 0, i = first_after(s, before);
  if (i)
    i--; /* the member holding `before` stays */
  if (i > j) {
    memmove(s->m + j, s->m + i, (s->nm - i) * sizeof *s->m);
    s->nm -= i - j;
  }
  if (k) {
    memmove(s->m, s->m + k, (s->nm - k) * sizeof *s->m);
    s->nm -= k;
  }
}

static const member *member_at(const stream *s, unsigned long long at) {
  size_t i = first_after(s, at);
  return i ? &s->m[i - 1] : NULL;
}

void stream_member(const stream *s, unsigned long long at, unsigned long long *start,
                   unsigned long long *length) {
  const member *m = s->kind == STREAM_PLAIN || s->kind < 0 ? NULL : member_at(s, at);
  if (!m) {
    *start = at;
    *length = 0;
    return;
  }
  *start = m->comp;
  *length = m->end > m->comp ? m->end - m->comp : 0;
}

int stream_member_done(const stream *s, unsigned long long at) {
  const member *m = member_at(s, at);
  return !m || m->done || s->data_eof || s->failed;
}

int stream_boundary(const stream *s, unsigned long long from, unsigned long long to,
                    unsigned long long *at, const char **damage, unsigned long long *damage_at) {
  size_t i = first_after(s, from);
  if (i == s->nm || s->m[i].dec > to)
    return 0;
  /* A member that gave no byte (corrupt from its start) shares its offset
   * with its break and the next member: the break speaks for them all,
   * else a caller moving on past this offset would never see it. */
  for (size_t k = i; k < s->nm && s->m[k].dec == s->m[i].dec; k++)
    if (s->m[k].damage[0]) {
      i = k;
      break;
    }
  *at = s->m[i].dec;
  *damage = s->m[i].damage[0] ? s->m[i].damage : NULL;
  *damage_at = s->m[i].damage_at;
  return 1;
}

/* ---- the window ----------------------------------------------------------- */

/* Room for want more decompressed bytes at the end of the window. */
static int win_room(stream *s, size_t want) {
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
    return fail(s, "out of memory");
  s->win = w;
  s->win_cap = cap;
  return 0;
}

int stream_unread(stream *s, const void *data, size_t n) {
  if (n <= s->start) {
    s->start -= n;
  } else {
    if (win_room(s, n))
      return -1;
    memmove(s->win + n, s->win + s->start, s->end - s->start);
    s->end = n + (s->end - s->start);
    s->offset -= n - s->start;
    s->start = 0;
  }
  memmove(s->win + s->start, data, n);
  return 0;
}

/* ---- decompression ---------------------------------------------------------- */

static const unsigned char GZIP_MAGIC[3] = {0x1f, 0x8b, 0x08};
static const unsigned char ZSTD_MAGIC[4] = {0x28, 0xb5, 0x2f, 0xfd};

static uint32_t le32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Skips raw bytes up to the next member's magic (or the end of the data).
 * Returns the number skipped, or -1 on a read error. */
static long long skip_to_magic(stream *s) {
  const unsigned char *magic = s->kind == STREAM_GZIP ? GZIP_MAGIC : ZSTD_MAGIC;
  size_t k = s->kind == STREAM_GZIP ? sizeof GZIP_MAGIC : sizeof ZSTD_MAGIC;
  long long skipped = 0;
  for (;;) {
    if (raw_want(s, k) < 0)
      return -1;
    size_t avail = s->raw_len - s->raw_pos;
    if (avail < k) {
      skipped += (long long)avail;
      s->raw_pos = s->raw_len;
      return skipped;
    }
    const unsigned char *p = s->raw + s->raw_pos;
    for (size_t i = 0; i + k <= avail; i++) {
      if (p[i] == magic[0] && !memcmp(p + i, magic, k)) {
        s->raw_pos += i;
        return skipped + (long long)i;
      }
    }
    /* keep the last k-1 bytes: a magic may straddle the buffer's end */
    s->raw_pos += avail - (k - 1);
    skipped += (long long)(avail - (k - 1));
  }
}

/* Looking for the next member from file offset `from` on, where the bytes
 * held no longer reach: the decompressor took the members after a damaged
 * one for its data, and found the damage only past the bytes held (a long
 * member cut short, a corrupt length). The data is read again from `from`
 * when it can seek; else the search starts at the oldest byte held, and
 * *lost says which bytes went unsearched. */
static void go_back(stream *s, unsigned long long from, char *lost, size_t cap) {
  if (s->seek && s->seek(s->ctx, from) == 0) {
    s->raw_base = from;
    s->raw_pos = s->raw_len = 0;
    s->raw_eof = 0;
    return;
  }
  snprintf(lost, cap,
           " (the input cannot seek back: records stored in bytes %llu to %llu are lost with it)",
           from, s->raw_base);
  s->raw_pos = 0;
}

/* The member (or frame) starting at file offset `at` is damaged (why):
 * mark it, and start a break at the next member — found by its magic from
 * `at` + 1 on (a member cut short runs into the next one, whose start may
 * already be consumed), or, when scan is 0, where the raw position already
 * is (a frame skipped by its size). */
static int damaged(stream *s, const char *why, unsigned long long at, int scan) {
  member *m = s->nm && s->m[s->nm - 1].comp == at ? &s->m[s->nm - 1] : NULL;
  if (m)
    m->done = 1;
  s->in_member = 0;
  if (s->kind == STREAM_ZSTD)
    ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
  char lost[128] = "";
  if (scan) {
    /* Past `at` in any case, so that the same bytes are never judged twice. */
    if (at + 1 >= s->raw_base && at + 1 <= s->raw_base + s->raw_len)
      s->raw_pos = (size_t)(at + 1 - s->raw_base);
    else if (at + 1 < s->raw_base)
      go_back(s, at + 1, lost, sizeof lost);
    if (skip_to_magic(s) < 0)
      return -1;
  }
  if (m)
    m->end = stream_raw_pos(s); /* its bytes: up to the next member */
  char msg[sizeof m->damage];
  snprintf(msg, sizeof msg, "%s at byte %llu%s", why, at, lost);
  if (!member_add(s, msg, at))
    return fail(s, "out of memory");
  /* The break is a member of its own until the next one starts. */
  member_cut(s);
  return 0;
}

/* Between members: bytes that are not a member's start are skipped, and
 * said so with a break. Returns 1 at a member's start, 0 at the end. */
static int at_member(stream *s) {
  size_t k = s->kind == STREAM_GZIP ? 3 : 4;
  if (raw_want(s, k) < 0)
    return -1;
  size_t avail = s->raw_len - s->raw_pos;
  if (avail == 0)
    return 0;
  const unsigned char *p = s->raw + s->raw_pos;
  if (s->kind == STREAM_GZIP && avail >= 3 && !memcmp(p, GZIP_MAGIC, 3))
    return 1;
  if (s->kind == STREAM_ZSTD && avail >= 4 &&
      (!memcmp(p, ZSTD_MAGIC, 4) || (le32(p) & 0xFFFFFFF0u) == 0x184D2A50u))
    return 1;
  unsigned long long at = stream_raw_pos(s);
  long long n = skip_to_magic(s);
  if (n < 0)
    return -1;
  char msg[96];
  snprintf(msg, sizeof msg, "%lld bytes that are not %s data at byte %llu", n,
           s->kind == STREAM_GZIP ? "gzip" : "zstd", at);
  if (!member_add(s, msg, at))
    return fail(s, "out of memory");
  member_cut(s);
  return s->raw_pos < s->raw_len ? 1 : 0;
}

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
static int zstd_skippable(stream *s) {
  unsigned long long at = stream_raw_pos(s);
  if (raw_want(s, 8) <= 0)
    return s->failed ? -1 : damaged(s, "truncated zstd data", at, 1);
  const unsigned char *p = s->raw + s->raw_pos;
  uint32_t magic = le32(p), size = le32(p + 4);
  if (magic != 0x184D2A5Du || size > MAX_DICT) {
    /* Skipped a buffer at a time (a dictionary over the limit too). */
    unsigned long long left = 8ull + size;
    while (left) {
      if (s->raw_pos == s->raw_len && raw_fill(s) <= 0)
        return s->failed ? -1 : damaged(s, "truncated zstd data", at, 0);
      size_t k = s->raw_len - s->raw_pos;
      if (k > left)
        k = (size_t)left;
      s->raw_pos += k;
      left -= k;
    }
    return magic == 0x184D2A5Du ? damaged(s, "zstd dictionary too large", at, 0) : 0;
  }
  int rc = raw_want(s, 8 + (size_t)size);
  if (rc < 0)
    return -1;
  if (rc == 0) {
    s->raw_pos = s->raw_len;
    return damaged(s, "truncated zstd dictionary", at, 0);
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
    return damaged(s, "bad zstd dictionary", at, 0);
  return 0;
}

/* The first bytes say which kind of data this is. */
static int find_kind(stream *s) {
  if (raw_want(s, 4) < 0)
    return -1;
  const unsigned char *p = s->raw + s->raw_pos;
  size_t n = s->raw_len - s->raw_pos;
  if (n >= 3 && !memcmp(p, GZIP_MAGIC, 3)) {
    s->kind = STREAM_GZIP;
    if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK)
      return fail(s, "out of memory");
    s->z_ready = 1;
    s->whole = libdeflate_alloc_decompressor();
    if (!s->whole)
      return fail(s, "out of memory");
  } else if (n >= 4 && (!memcmp(p, ZSTD_MAGIC, 4) || (le32(p) & 0xFFFFFFF0u) == 0x184D2A50u)) {
    s->kind = STREAM_ZSTD;
    s->zd = ZSTD_createDCtx();
    if (!s->zd)
      return fail(s, "out of memory");
  } else {
    s->kind = STREAM_PLAIN;
  }
  return 0;
}

/* Inside a member, compressed bytes to go on with: 1 when there are some,
 * 2 when the data ended inside the member (a damaged record, named with
 * truncated), 0 when it did but bytes after the member's start are left
 * to look for the members it ran into, -1 on error. */
static int member_input(stream *s, const char *truncated) {
  if (s->raw_pos < s->raw_len)
    return 1;
  int rc = raw_fill(s);
  if (rc < 0)
    return -1;
  if (rc > 0)
    return 1;
  if (damaged(s, truncated, s->m[s->nm - 1].comp, 1) < 0)
    return -1;
  return s->raw_pos < s->raw_len || !s->raw_eof ? 0 : 2;
}

/* A gzip member at the raw position inflated whole, in one call: 1 when
 * done (its data in the window, the member ended), 0 when zlib must do it
 * (nothing changed), -1 on error. */
static int gzip_whole(stream *s) {
  if (s->raw_len - s->raw_pos < RAW_WHOLE / 2 && raw_want(s, RAW_WHOLE) < 0)
    return -1;
  const unsigned char *in = s->raw + s->raw_pos;
  size_t n = s->raw_len - s->raw_pos;
  if (n < 18 || (in[3] & 0x02))
    return 0; /* 18: a header and a trailer; 0x02: FHCRC, checked by zlib only */
  if (win_room(s, WHOLE_OUT))
    return -1;
  size_t used = 0, made = 0;
  if (libdeflate_gzip_decompress_ex(s->whole, in, n, s->win + s->end, s->win_cap - s->end, &used,
                                    &made) != LIBDEFLATE_SUCCESS)
    return 0;
  if (s->nm)
    s->multi = 1;
  if (!member_add(s, NULL, 0))
    return fail(s, "out of memory");
  s->end += made;
  s->raw_pos += used;
  member_end(s);
  return 1;
}

/* One step of gzip: 1 if bytes came, 0 if none yet, -1 on error, 2 at
 * the end of the data. */
static int gzip_step(stream *s) {
  if (!s->in_member) {
    int rc = at_member(s);
    if (rc <= 0)
      return rc < 0 ? -1 : 2;
    unsigned long long before = s->offset + s->end; /* kept by win_room */
    rc = gzip_whole(s);
    if (rc)
      return rc < 0 ? -1 : s->offset + s->end > before;
    inflateReset(&s->z);
    if (s->nm)
      s->multi = 1;
    if (!member_add(s, NULL, 0))
      return fail(s, "out of memory");
    s->in_member = 1;
  }
  int more = member_input(s, "truncated gzip data");
  if (more != 1)
    return more;
  size_t in_avail = s->raw_len - s->raw_pos, out_avail = s->win_cap - s->end;
  s->z.next_in = s->raw + s->raw_pos;
  s->z.avail_in = (uInt)(in_avail > UINT32_MAX ? UINT32_MAX : in_avail);
  s->z.next_out = s->win + s->end;
  s->z.avail_out = (uInt)(out_avail > UINT32_MAX ? UINT32_MAX : out_avail);
  int zr = inflate(&s->z, Z_NO_FLUSH);
  s->raw_pos += (size_t)(s->z.next_in - (s->raw + s->raw_pos));
  size_t made = (size_t)(s->z.next_out - (s->win + s->end));
  s->end += made;
  if (zr == Z_STREAM_END) {
    member_end(s);
    s->in_member = 0;
  } else if (zr == Z_MEM_ERROR) {
    return fail(s, "out of memory");
  } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
    if (damaged(s, "corrupt gzip data", s->m[s->nm - 1].comp, 1) < 0)
      return -1;
  }
  return made ? 1 : 0;
}

static int zstd_step(stream *s) {
  if (!s->in_member) {
    int rc = at_member(s);
    if (rc <= 0)
      return rc < 0 ? -1 : 2;
    if ((le32(s->raw + s->raw_pos) & 0xFFFFFFF0u) == 0x184D2A50u)
      return zstd_skippable(s) < 0 ? -1 : 0;
    if (s->nm)
      s->multi = 1;
    if (!member_add(s, NULL, 0))
      return fail(s, "out of memory");
    s->in_member = 1;
  }
  int more = member_input(s, "truncated zstd data");
  if (more != 1)
    return more;
  ZSTD_inBuffer in = {s->raw, s->raw_len, s->raw_pos};
  ZSTD_outBuffer out = {s->win, s->win_cap, s->end};
  size_t r = ZSTD_decompressStream(s->zd, &out, &in);
  s->raw_pos = in.pos;
  size_t made = out.pos - s->end;
  s->end = out.pos;
  if (ZSTD_isError(r)) {
    if (ZSTD_getErrorCode(r) == ZSTD_error_memory_allocation)
      return fail(s, "out of memory");
    if (damaged(s, "corrupt zstd data", s->m[s->nm - 1].comp, 1) < 0)
      return -1;
  } else if (r == 0) {
    member_end(s);
    s->in_member = 0;
  }
  return made ? 1 : 0;
}

/* Whether the gzip member (with z) or zstd frame (with zd) starting at p
 * (n bytes of it here) decompresses to a WARC record's first bytes: 1 yes,
 * 0 no, 2 when more bytes are needed. */
static int member_starts_record(z_stream *z, ZSTD_DCtx *zd, unsigned char *p, size_t n) {
  unsigned char out[5];
  size_t in = n < PROBE_IN ? n : PROBE_IN, made;
  int going; /* no error: more input could make more output */
  if (z) {
    if (inflateReset(z) != Z_OK)
      return 0;
    z->next_in = p;
    z->avail_in = (uInt)in;
    z->next_out = out;
    z->avail_out = sizeof out;
    int zr = inflate(z, Z_NO_FLUSH);
    made = sizeof out - z->avail_out;
    going = zr == Z_OK || zr == Z_BUF_ERROR;
  } else {
    ZSTD_DCtx_reset(zd, ZSTD_reset_session_only); /* the dictionary stays */
    ZSTD_inBuffer ib = {p, in, 0};
    ZSTD_outBuffer ob = {out, sizeof out, 0};
    size_t r = ZSTD_decompressStream(zd, &ob, &ib);
    made = ob.pos;
    going = !ZSTD_isError(r) && r != 0;
  }
  if (memcmp(out, "WARC/", made))
    return 0;
  if (made == sizeof out)
    return 1;
  return going ? (in < PROBE_IN ? 2 : 0) : 0;
}

/* Whether a member (frame) may start at p[0..4): its magic, and for gzip
 * no reserved flag set. */
static int magic_at(const stream *s, const unsigned char *p) {
  if (s->kind == STREAM_GZIP)
    return p[0] == GZIP_MAGIC[0] && !memcmp(p, GZIP_MAGIC, 3) && !(p[3] & 0xE0);
  return p[0] == ZSTD_MAGIC[0] && !memcmp(p, ZSTD_MAGIC, 4);
}

/* The first member of a gzip file (frame of a zstd file) holds a record
 * too large to keep, and whether the file is one member per record or one
 * stream of all records is not known yet. Looks ahead in the compressed
 * bytes (held in `raw`, up to LOOKAHEAD_MAX of them) for a member (frame)
 * that decompresses to "WARC/": sets
 * *at to its offset from the raw position and returns 1; 0 when there is
 * none (decompression goes on from where it was: nothing was consumed),
 * -1 on an error. Each byte is looked at once, each candidate inflated for
 * at most PROBE_IN bytes, PROBES_MAX times: linear and bounded.
 *
 * A false positive — the bytes of a single stream holding a member that
 * starts "WARC/", e.g. a stored (level 0) stream whose record carries a
 * .warc.gz as its payload — costs the records after the large one in that
 * stream: reading goes on in the inner file, then at the next member.
 * Compressed bytes hold such a member by chance with odds near 2^-64 a
 * byte; a file of many members already skips to the next magic unchecked. */
static int find_record_member(stream *s, size_t *at) {
  /* The probes decompress with a context of their own: the stream's goes
   * on from where it was when none is found. */
  int gzip = s->kind == STREAM_GZIP;
  z_stream z;
  memset(&z, 0, sizeof z);
  ZSTD_DCtx *zd = gzip ? NULL : ZSTD_createDCtx();
  if (gzip ? inflateInit2(&z, 16 + MAX_WBITS) != Z_OK
           : !zd || (s->dict && ZSTD_isError(ZSTD_DCtx_refDDict(zd, s->dict)))) {
    ZSTD_freeDCtx(zd);
    return fail(s, "out of memory");
  }
  size_t i = 0; /* the next offset (from the raw position) to look at */
  int probes = 0, rc = 0;
  for (;;) {
    size_t avail = s->raw_len - s->raw_pos;
    unsigned char *p = s->raw + s->raw_pos;
    for (; i + 4 <= avail && probes < PROBES_MAX; i++) {
      if (!magic_at(s, p + i))
        continue;
      int r = member_starts_record(gzip ? &z : NULL, zd, p + i, avail - i);
      if (r == 1) {
        *at = i;
        rc = 1;
        goto done;
      }
      if (r == 2 && !s->raw_eof)
        break; /* tried again with more bytes */
      probes++;
    }
    if (probes == PROBES_MAX || s->raw_eof || avail >= LOOKAHEAD_MAX)
      goto done;
    /* Twice as many bytes (never one buffer more at a time: no quadratic copying). */
    size_t more = avail < RAW_CAP ? 2 * RAW_CAP : 2 * avail;
    if (raw_want(s, more < LOOKAHEAD_MAX ? more : LOOKAHEAD_MAX) < 0) {
      rc = -1;
      goto done;
    }
  }
done:
  if (gzip)
    inflateEnd(&z);
  ZSTD_freeDCtx(zd);
  return rc;
}

int stream_abandon(stream *s, unsigned long long member_dec) {
  if (s->kind != STREAM_GZIP && s->kind != STREAM_ZSTD)
    return 0;
  if (!s->in_member || !s->nm || s->m[s->nm - 1].dec != member_dec || stream_pos(s) < member_dec)
    return 0;
  /* One member may be the whole file: skipped only when another member is
   * known, or found ahead starting "WARC/". */
  size_t ahead = 0;
  if (!s->multi) {
    if (s->looked_ahead)
      return 0;
    s->looked_ahead = 1;
    int rc = find_record_member(s, &ahead);
    if (rc <= 0)
      return rc;
  }
  member_cut(s);
  s->in_member = 0;
  if (s->kind == STREAM_ZSTD)
    ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
  s->end = s->start; /* what was inflated of it is not wanted */
  if (!s->multi)
    s->raw_pos += ahead;
  else if (skip_to_magic(s) < 0)
    return -1;
  s->m[s->nm - 1].end = stream_raw_pos(s);
  return 1;
}

int stream_more(stream *s) {
  if (s->failed)
    return -1;
  if (s->data_eof)
    return 0;
  if (s->kind < 0 && find_kind(s))
    return -1;
  if (win_room(s, WINDOW_MIN / 2))
    return -1;
  for (;;) {
    int rc;
    if (s->kind == STREAM_PLAIN) {
      if (s->raw_pos == s->raw_len) {
        rc = raw_fill(s);
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
    rc = s->kind == STREAM_GZIP ? gzip_step(s) : zstd_step(s);
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
