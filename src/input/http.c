/* HTTP responses in WARC records: header fields and body decoding. */
#include "input/http.h"

#include <brotli/decode.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>
#include <zstd.h>

#include "input/gunzip.h"
#include "util/pool.h"

static int lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_space(char c) {
  return c == ' ' || c == '\t';
}

/* Copies the comma-separated tokens of value (lower case) onto the codings
 * list; chunked and identity are transfer matters, not content codings. */
static void add_codings(http_response *h, const char *v, size_t n, int transfer) {
  size_t i = 0;
  while (i < n) {
    while (i < n && (is_space(v[i]) || v[i] == ','))
      i++;
    size_t s = i;
    while (i < n && v[i] != ',' && !is_space(v[i]))
      i++;
    size_t k = i - s;
    if (!k)
      continue;
    if (transfer) {
      if (k == 7 && !strncasecmp(v + s, "chunked", 7))
        h->chunked = 1;
      continue;
    }
    if ((k == 8 && !strncasecmp(v + s, "identity", 8)) || h->ncodings == HTTP_MAX_CODINGS)
      continue;
    char *c = h->codings[h->ncodings++];
    size_t m = k < 15 ? k : 15;
    for (size_t j = 0; j < m; j++)
      c[j] = (char)lower((unsigned char)v[s + j]);
    c[m] = '\0';
  }
}

/* Content-Type: the media type and its charset parameter. */
static void set_content_type(http_response *h, const char *v, size_t n) {
  size_t i = 0, k = 0;
  while (i < n && is_space(v[i]))
    i++;
  while (i < n && v[i] != ';' && !is_space(v[i]) && k + 1 < sizeof h->content_type)
    h->content_type[k++] = (char)lower((unsigned char)v[i++]);
  h->content_type[k] = '\0';
  for (; i + 8 <= n; i++) {
    if (strncasecmp(v + i, "charset=", 8))
      continue;
    i += 8;
    if (i < n && (v[i] == '"' || v[i] == '\''))
      i++;
    k = 0;
    while (i < n && v[i] != ';' && v[i] != '"' && v[i] != '\'' && !is_space(v[i]) &&
           k + 1 < sizeof h->charset)
      h->charset[k++] = v[i++];
    h->charset[k] = '\0';
    return;
  }
}

/* One header field (a folded continuation already joined by the caller). */
static void header(http_response *h, const char *line, size_t n, int *have_type) {
  const char *colon = memchr(line, ':', n);
  if (!colon)
    return;
  size_t k = (size_t)(colon - line);
  while (k && is_space(line[k - 1]))
    k--;
  const char *v = colon + 1;
  size_t vn = n - (size_t)(v - line);
  if (k == 12 && !strncasecmp(line, "Content-Type", 12)) {
    if (!*have_type) /* the first one counts */
      set_content_type(h, v, vn);
    *have_type = 1;
  } else if (k == 16 && !strncasecmp(line, "Content-Encoding", 16)) {
    add_codings(h, v, vn, 0);
  } else if (k == 17 && !strncasecmp(line, "Transfer-Encoding", 17)) {
    add_codings(h, v, vn, 1);
  }
}

int http_parse(const char *msg, size_t len, http_response *h) {
  memset(h, 0, sizeof *h);
  if (len < 5 || strncasecmp(msg, "HTTP/", 5))
    return -1;
  const char *nl = memchr(msg, '\n', len);
  size_t first = nl ? (size_t)(nl - msg) : len;
  const char *sp = memchr(msg, ' ', first);
  if (sp) {
    while (sp < msg + first && *sp == ' ')
      sp++;
    if (sp + 3 <= msg + first && sp[0] >= '1' && sp[0] <= '9' && sp[1] >= '0' && sp[1] <= '9' &&
        sp[2] >= '0' && sp[2] <= '9' && (sp + 3 == msg + first || !(sp[3] >= '0' && sp[3] <= '9')))
      h->status = (sp[0] - '0') * 100 + (sp[1] - '0') * 10 + (sp[2] - '0');
  }
  int have_type = 0;
  size_t i = nl ? first + 1 : len;
  /* A header line and its folded continuations are handled as one: the
   * fields pith reads are short, so a continuation is joined in a small
   * buffer (longer ones are cut, which only these fields would notice). */
  char joined[512];
  size_t jn = 0;
  int open = 0;
  while (i < len) {
    const char *e = memchr(msg + i, '\n', len - i);
    size_t end = e ? (size_t)(e - msg) : len, n = end - i;
    if (n && msg[i + n - 1] == '\r')
      n--;
    int fold = n && is_space(msg[i]);
    if (!fold && open) {
      header(h, joined, jn, &have_type);
      open = 0;
    }
    if (!n) { /* the blank line: the body follows */
      h->body = end + 1 <= len ? end + 1 : len;
      return 0;
    }
    size_t take = n < sizeof joined - jn - 1 ? n : sizeof joined - jn - 1;
    if (!fold)
      jn = 0, take = n < sizeof joined ? n : sizeof joined;
    else if (jn < sizeof joined - 1)
      joined[jn++] = ' ';
    if (take > sizeof joined - jn)
      take = sizeof joined - jn;
    memcpy(joined + jn, msg + i, take);
    jn += take;
    open = 1;
    i = end + 1;
  }
  if (open)
    header(h, joined, jn, &have_type);
  h->body = len; /* no blank line: headers only */
  return 0;
}

/* ---- body decoding ----------------------------------------------------------- */

typedef struct {
  char *p;
  size_t len, cap, max;
  int over, oom;
} sink;

/* Room for at least want more bytes (within max + 1); 0 when there is none
 * (over the limit, or out of memory: see the flags). The buffer comes from
 * the pool (util/pool.h): a crawl's bodies come and go by the thousand. */
static size_t sink_room(sink *s, size_t want) {
  if (s->len > s->max) {
    s->over = 1;
    return 0;
  }
  /* At most max + 2 bytes of it are used, so that "exactly max" and "more
   * than max" differ; the pool rounds its size up to whole blocks. */
  size_t limit = s->max + 2 > s->len + 1 ? s->max + 2 : s->len + 2;
  if (s->cap < limit && s->cap - s->len < want + 1) {
    size_t cap = s->len + want + 1; /* at least doubling: streamed bodies grow often */
    if (cap < s->cap * 2)
      cap = s->cap * 2;
    if (cap > limit)
      cap = limit;
    char *p = pool_grow(s->p, &s->cap, cap);
    if (!p) {
      s->oom = 1;
      return 0;
    }
    s->p = p;
  }
  return (s->cap < limit ? s->cap : limit) - s->len - 1; /* one byte for the NUL */
}

/* Appends n bytes; sets over when they do not fit within max. */
static void sink_put(sink *s, const char *data, size_t n) {
  if (sink_room(s, n) < n) {
    if (!s->oom)
      s->over = 1;
    return;
  }
  memcpy(s->p + s->len, data, n);
  s->len += n;
}

/* Undoes chunked transfer coding; a first line that is no chunk size
 * means the body was not chunked after all (crawlers often store bodies
 * de-chunked but keep the header). */
static void dechunk(const char *in, size_t len, sink *out, int *cut) {
  size_t pos = 0;
  for (int first = 1;; first = 0) {
    const char *nl = pos < len ? memchr(in + pos, '\n', len - pos) : NULL;
    size_t i = pos, size = 0, digits = 0;
    while (i < len && is_space(in[i]))
      i++;
    for (; i < len; i++, digits++) {
      int c = lower((unsigned char)in[i]), d = c >= '0' && c <= '9'   ? c - '0'
                                               : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                                      : -1;
      if (d < 0)
        break;
      if (size > (SIZE_MAX >> 5))
        size = SIZE_MAX >> 1; /* absurd: takes what is there */
      else
        size = size * 16 + (size_t)d;
    }
    if (!nl || !digits) {
      if (first) {
        out->len = 0;
        sink_put(out, in, len);
      } else if (pos < len) {
        *cut = 1;
      }
      return;
    }
    if (size == 0)
      return; /* the last chunk; trailers ignored */
    size_t start = (size_t)(nl - in) + 1, take = size;
    if (take > len - start) {
      take = len - start;
      *cut = 1;
    }
    sink_put(out, in + start, take);
    if (out->over || out->oom || take < size)
      return;
    pos = start + size;
    if (pos < len && in[pos] == '\r')
      pos++;
    if (pos < len && in[pos] == '\n')
      pos++;
  }
}

/* zlib inflate (window_bits as for inflateInit2); 1 when the data was not
 * of this kind at all (nothing came out: the caller keeps the input). */
static int inflate_body(const char *in, size_t len, int window_bits, sink *out, int *cut) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit2(&z, window_bits) != Z_OK) {
    out->oom = 1;
    return 0;
  }
  z.next_in = (unsigned char *)(uintptr_t)in;
  z.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
  int zr = Z_OK;
  for (;;) {
    size_t room = sink_room(out, 65536);
    if (!room)
      break;
    z.next_out = (unsigned char *)out->p + out->len;
    z.avail_out = (uInt)(room > UINT32_MAX ? UINT32_MAX : room);
    zr = inflate(&z, Z_NO_FLUSH);
    out->len += room - z.avail_out;
    if (zr == Z_STREAM_END) {
      /* gzip: another member may follow */
      if (window_bits > MAX_WBITS && z.avail_in >= 2 && z.next_in[0] == 0x1f &&
          z.next_in[1] == 0x8b) {
        inflateReset(&z);
        continue;
      }
      break;
    }
    if (zr == Z_MEM_ERROR) {
      out->oom = 1;
      break;
    }
    if (zr != Z_OK && !(zr == Z_BUF_ERROR && z.avail_in)) {
      *cut = 1; /* corrupt, or the input ended early */
      break;
    }
  }
  int none = out->len == 0 && zr != Z_STREAM_END && !out->over;
  inflateEnd(&z);
  return none;
}

static int brotli_body(const char *in, size_t len, sink *out, int *cut) {
  BrotliDecoderState *b = BrotliDecoderCreateInstance(NULL, NULL, NULL);
  if (!b) {
    out->oom = 1;
    return 0;
  }
  const uint8_t *next_in = (const uint8_t *)in;
  size_t avail_in = len;
  BrotliDecoderResult r;
  for (;;) {
    size_t room = sink_room(out, 65536);
    if (!room) {
      r = BROTLI_DECODER_RESULT_SUCCESS;
      break;
    }
    uint8_t *next_out = (uint8_t *)out->p + out->len;
    size_t avail_out = room;
    r = BrotliDecoderDecompressStream(b, &avail_in, &next_in, &avail_out, &next_out, NULL);
    out->len += room - avail_out;
    if (r != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT)
      break;
  }
  if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT || r == BROTLI_DECODER_RESULT_ERROR)
    *cut = 1;
  BrotliDecoderDestroyInstance(b);
  return r == BROTLI_DECODER_RESULT_ERROR && out->len == 0;
}

static void zstd_body(const char *in, size_t len, sink *out, int *cut) {
  ZSTD_DCtx *d = ZSTD_createDCtx();
  if (!d) {
    out->oom = 1;
    return;
  }
  ZSTD_inBuffer ib = {in, len, 0};
  size_t r = 1;
  while (ib.pos < ib.size) {
    size_t room = sink_room(out, 65536);
    if (!room)
      break;
    ZSTD_outBuffer ob = {out->p + out->len, room, 0};
    r = ZSTD_decompressStream(d, &ob, &ib);
    out->len += ob.pos;
    if (ZSTD_isError(r))
      break;
  }
  if (ZSTD_isError(r) || (r != 0 && !out->over))
    *cut = 1;
  ZSTD_freeDCtx(d);
}

/* One content coding undone: in -> out. */
static void decode_one(const char *coding, const char *in, size_t len, sink *out, int *cut) {
  const unsigned char *u = (const unsigned char *)in;
  int keep = 1;
  if (!strcmp(coding, "gzip") || !strcmp(coding, "x-gzip")) {
    size_t isize = 0, n = 0;
    if (!out->p && gunzip_whole_size(in, len, out->max, &isize) && sink_room(out, isize) >= isize &&
        gunzip_whole_into(in, len, out->p, isize, &n)) {
      out->len = n; /* one member, inflated in one call */
      keep = 0;
    } else if (len >= 2 && u[0] == 0x1f && u[1] == 0x8b) {
      keep = inflate_body(in, len, 16 + MAX_WBITS, out, cut);
    }
  } else if (!strcmp(coding, "deflate")) {
    /* zlib-wrapped as the standard says, or raw as many servers send it */
    int zlib = len >= 2 && (u[0] & 0x0f) == 8 && ((u[0] << 8) | u[1]) % 31 == 0;
    keep = inflate_body(in, len, zlib ? MAX_WBITS : -MAX_WBITS, out, cut);
  } else if (!strcmp(coding, "br")) {
    keep = brotli_body(in, len, out, cut);
  } else if (!strcmp(coding, "zstd")) {
    if (len >= 4 && u[0] == 0x28 && u[1] == 0xb5 && u[2] == 0x2f && u[3] == 0xfd) {
      zstd_body(in, len, out, cut);
      keep = 0;
    }
  }
  if (keep && !out->oom && !out->over) {
    out->len = 0;
    sink_put(out, in, len);
  }
}

http_body_status http_decode_body(const http_response *h, const char *body, size_t len, size_t max,
                                  char **out, size_t *out_len, size_t *out_cap, int *cut) {
  *out = NULL;
  *out_len = *out_cap = 0;
  *cut = 0;
  if (!h->chunked && len > max)
    return HTTP_BODY_TOO_LARGE; /* as if copied first: over the limit already */
  sink cur = {NULL, 0, 0, max, 0, 0};
  /* The first coding reads the body where it lies (no copy of it). */
  const char *in = body;
  size_t in_len = len;
  if (h->chunked || !h->ncodings) {
    /* Sized once: the chunks hold less than the body (grown by doubling,
     * a large body held up to three times its size while it was copied). */
    if (h->chunked) {
      sink_room(&cur, len < max ? len : max);
      dechunk(body, len, &cur, cut);
    } else
      sink_put(&cur, body, len);
    in = cur.p ? cur.p : "";
    in_len = cur.len;
  }
  for (int i = h->ncodings - 1; i >= 0 && !cur.over && !cur.oom; i--) {
    sink next = {NULL, 0, 0, max, 0, 0};
    decode_one(h->codings[i], in, in_len, &next, cut);
    pool_free(cur.p, cur.cap);
    cur = next;
    in = cur.p ? cur.p : "";
    in_len = cur.len;
  }
  if (cur.oom || cur.over || cur.len > max) {
    pool_free(cur.p, cur.cap);
    return cur.oom ? HTTP_BODY_NOMEM : HTTP_BODY_TOO_LARGE;
  }
  if (!cur.p && !(cur.p = pool_alloc(1, &cur.cap)))
    return HTTP_BODY_NOMEM;
  cur.p[cur.len] = '\0';
  pool_shrink(cur.p, &cur.cap, cur.len + 1); /* the doubling's slack */
  *out = cur.p;
  *out_len = cur.len;
  *out_cap = cur.cap;
  return HTTP_BODY_OK;
}
