/* The WARC reader: raw bytes from a file (after a prefix already read),
 * inflated member after member when gzip, into a window of decompressed
 * bytes that the record parser reads lines and blocks from. Memory stays
 * bounded by the window, the largest header section and max_block. */
#include "input/warc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define RAW_CAP ((size_t)1 << 16)
#define WINDOW_MIN ((size_t)1 << 16)
#define MAX_LINE ((size_t)1 << 16)         /* one header line */
#define MAX_HEADER_BYTES ((size_t)1 << 20) /* a record's whole header section */
#define MAX_HEADERS 1024
#define DEFAULT_MAX_BLOCK ((size_t)64 << 20)

struct warc_reader {
  FILE *f;
  unsigned char *raw; /* input not yet inflated: [raw_pos, raw_len) */
  size_t raw_cap, raw_len, raw_pos;
  int raw_eof;
  int gzip; /* -1 not known yet, 0 plain, 1 gzip */
  z_stream z;
  int z_ready;
  int data_eof;       /* no more decompressed data will come */
  unsigned char *win; /* decompressed bytes: [start, end) */
  size_t win_cap, start, end;
  unsigned long long offset; /* stream offset of win[start] */
  size_t max_block;
  char *hbuf; /* this record's header strings */
  size_t hcap, hlen;
  warc_header *hdrs;
  size_t hdr_cap;
  char *block;
  size_t block_cap;
  char err[160];
  int failed;
};

static int fail(warc_reader *r, const char *msg) {
  snprintf(r->err, sizeof r->err, "%s", msg);
  r->failed = 1;
  return -1;
}

static int fail_at(warc_reader *r, const char *msg, unsigned long long at) {
  snprintf(r->err, sizeof r->err, "%s at byte %llu", msg, at);
  r->failed = 1;
  return -1;
}

warc_reader *warc_reader_new(FILE *f, const void *prefix, size_t prefix_len, size_t max_block) {
  warc_reader *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->f = f;
  r->gzip = -1;
  r->max_block = max_block ? max_block : DEFAULT_MAX_BLOCK;
  r->raw_cap = prefix_len > RAW_CAP ? prefix_len : RAW_CAP;
  r->raw = malloc(r->raw_cap);
  r->win_cap = WINDOW_MIN;
  r->win = malloc(r->win_cap);
  if (!r->raw || !r->win) {
    warc_reader_free(r);
    return NULL;
  }
  if (prefix_len)
    memcpy(r->raw, prefix, prefix_len);
  r->raw_len = prefix_len;
  if (!f)
    r->raw_eof = 1;
  return r;
}

void warc_reader_free(warc_reader *r) {
  if (!r)
    return;
  if (r->z_ready)
    inflateEnd(&r->z);
  free(r->raw);
  free(r->win);
  free(r->hbuf);
  free(r->hdrs);
  free(r->block);
  free(r);
}

const char *warc_reader_error(const warc_reader *r) {
  return r && r->failed ? r->err : NULL;
}

/* More raw bytes: 1 if some came, 0 at the end of the file, -1 on error. */
static int raw_fill(warc_reader *r) {
  if (r->raw_pos == r->raw_len)
    r->raw_pos = r->raw_len = 0;
  if (r->raw_eof)
    return 0;
  if (r->raw_pos > 0) {
    memmove(r->raw, r->raw + r->raw_pos, r->raw_len - r->raw_pos);
    r->raw_len -= r->raw_pos;
    r->raw_pos = 0;
  }
  if (r->raw_len == r->raw_cap)
    return 1;
  size_t n = fread(r->raw + r->raw_len, 1, r->raw_cap - r->raw_len, r->f);
  r->raw_len += n;
  if (n == 0) {
    if (ferror(r->f))
      return fail(r, "read error");
    r->raw_eof = 1;
    return 0;
  }
  return 1;
}

/* Room for more decompressed bytes at the end of the window. */
static int win_room(warc_reader *r, size_t want) {
  if (r->start > 0 && (r->start == r->end || r->win_cap - r->end < want)) {
    memmove(r->win, r->win + r->start, r->end - r->start);
    r->end -= r->start;
    r->offset += r->start;
    r->start = 0;
  }
  if (r->win_cap - r->end >= want)
    return 0;
  size_t cap = r->win_cap;
  while (cap - r->end < want)
    cap *= 2;
  unsigned char *w = realloc(r->win, cap);
  if (!w)
    return fail(r, "out of memory");
  r->win = w;
  r->win_cap = cap;
  return 0;
}

static int at_gzip_magic(const warc_reader *r) {
  return r->raw_len - r->raw_pos >= 2 && r->raw[r->raw_pos] == 0x1f &&
         r->raw[r->raw_pos + 1] == 0x8b;
}

/* Decompresses more data into the window: 1 if some came, 0 at the end of
 * the data, -1 on error. */

/* Reads until n raw bytes are buffered or the input ends; -1 on error. */
static int raw_want(warc_reader *r, size_t n) {
  while (r->raw_len - r->raw_pos < n) {
    int rc = raw_fill(r);
    if (rc <= 0)
      return rc;
  }
  return 1;
}

static int produce(warc_reader *r) {
  if (r->failed)
    return -1;
  if (r->data_eof)
    return 0;
  if (r->gzip < 0) {
    if (raw_want(r, 2) < 0)
      return -1;
    r->gzip = at_gzip_magic(r);
    if (r->gzip) {
      memset(&r->z, 0, sizeof r->z);
      if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK)
        return fail(r, "out of memory");
      r->z_ready = 1;
    }
  }
  if (win_room(r, WINDOW_MIN / 2))
    return -1;
  for (;;) {
    if (r->raw_pos == r->raw_len) {
      int rc = raw_fill(r);
      if (rc < 0)
        return -1;
      if (rc == 0) {
        r->data_eof = 1;
        if (r->gzip && r->z.total_in > 0)
          return fail(r, "truncated gzip data");
        return 0;
      }
    }
    if (!r->gzip) {
      size_t n = r->raw_len - r->raw_pos;
      if (n > r->win_cap - r->end)
        n = r->win_cap - r->end;
      memcpy(r->win + r->end, r->raw + r->raw_pos, n);
      r->raw_pos += n;
      r->end += n;
      return 1;
    }
    size_t in_avail = r->raw_len - r->raw_pos, out_avail = r->win_cap - r->end;
    r->z.next_in = r->raw + r->raw_pos;
    r->z.avail_in = (uInt)(in_avail > UINT32_MAX ? UINT32_MAX : in_avail);
    r->z.next_out = r->win + r->end;
    r->z.avail_out = (uInt)(out_avail > UINT32_MAX ? UINT32_MAX : out_avail);
    int zr = inflate(&r->z, Z_NO_FLUSH);
    size_t used = (size_t)(r->z.next_in - (r->raw + r->raw_pos));
    size_t made = (size_t)(r->z.next_out - (r->win + r->end));
    r->raw_pos += used;
    r->end += made;
    if (zr == Z_STREAM_END) {
      /* One member done: another may follow; bytes that do not start one
       * end the data (as gzip(1) ignores trailing garbage). */
      inflateReset(&r->z);
      r->z.total_in = 0;
      if (raw_want(r, 2) < 0)
        return -1;
      if (!at_gzip_magic(r)) {
        r->data_eof = 1;
        return made ? 1 : 0;
      }
    } else if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT) {
      return fail(r, "corrupt gzip data");
    } else if (zr == Z_MEM_ERROR) {
      return fail(r, "out of memory");
    } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
      return fail(r, "corrupt gzip data");
    }
    if (made)
      return 1;
  }
}

/* The next line (without its "\r\n" or "\n"), consumed; *eof set when the
 * data ended before any byte of it. Returns a pointer into the window valid
 * until the next read, or NULL on error or end. */
static const char *read_line(warc_reader *r, size_t *len, int *eof) {
  *eof = 0;
  size_t scanned = 0;
  for (;;) {
    unsigned char *p = r->win + r->start;
    size_t avail = r->end - r->start;
    unsigned char *nl = avail > scanned ? memchr(p + scanned, '\n', avail - scanned) : NULL;
    if (nl) {
      size_t n = (size_t)(nl - p);
      r->start += n + 1;
      if (n && p[n - 1] == '\r')
        n--;
      *len = n;
      return (const char *)p;
    }
    scanned = avail;
    if (avail > MAX_LINE) {
      fail_at(r, "header line too long", r->offset + r->start);
      return NULL;
    }
    int rc = produce(r);
    if (rc < 0)
      return NULL;
    p = r->win + r->start; /* the window may have moved */
    if (rc == 0) {
      if (avail == 0) {
        *eof = 1;
        return NULL;
      }
      /* A last line without newline. */
      r->start += avail;
      *len = avail;
      return (const char *)p;
    }
  }
}

static int hbuf_add(warc_reader *r, const char *s, size_t n) {
  if (r->hlen + n + 1 > MAX_HEADER_BYTES)
    return -1;
  if (r->hlen + n + 1 > r->hcap) {
    size_t cap = r->hcap ? r->hcap : 4096;
    while (cap < r->hlen + n + 1)
      cap *= 2;
    char *h = realloc(r->hbuf, cap);
    if (!h)
      return -2;
    r->hbuf = h;
    r->hcap = cap;
  }
  memcpy(r->hbuf + r->hlen, s, n);
  r->hlen += n;
  r->hbuf[r->hlen++] = '\0';
  return 0;
}

static int lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int name_is(const char *a, const char *b) {
  while (*a && *b && lower((unsigned char)*a) == lower((unsigned char)*b))
    a++, b++;
  return !*a && !*b;
}

const char *warc_record_header(const warc_record *rec, const char *name) {
  for (size_t i = 0; i < rec->nheaders; i++)
    if (name_is(rec->headers[i].name, name))
      return rec->headers[i].value;
  return NULL;
}

static warc_type type_of(const char *t) {
  static const struct {
    const char *name;
    warc_type type;
  } types[] = {{"warcinfo", WARC_WARCINFO},     {"response", WARC_RESPONSE},
               {"resource", WARC_RESOURCE},     {"request", WARC_REQUEST},
               {"metadata", WARC_METADATA},     {"revisit", WARC_REVISIT},
               {"conversion", WARC_CONVERSION}, {"continuation", WARC_CONTINUATION}};
  for (size_t i = 0; i < sizeof types / sizeof *types; i++)
    if (name_is(t, types[i].name))
      return types[i].type;
  return WARC_OTHER;
}

/* Consumes n bytes of block into dst (or drops them when dst is NULL). */
static int read_block(warc_reader *r, char *dst, size_t n) {
  while (n) {
    if (r->end == r->start) {
      int rc = produce(r);
      if (rc < 0)
        return -1;
      if (rc == 0)
        return fail(r, "truncated record");
    }
    size_t k = r->end - r->start;
    if (k > n)
      k = n;
    if (dst) {
      memcpy(dst, r->win + r->start, k);
      dst += k;
    }
    r->start += k;
    n -= k;
  }
  return 0;
}

/* Header value: white space trimmed. */
static void trim(const char **s, size_t *n) {
  while (*n && (**s == ' ' || **s == '\t'))
    (*s)++, (*n)--;
  while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
    (*n)--;
}

int warc_reader_next(warc_reader *r, warc_record *rec) {
  memset(rec, 0, sizeof *rec);
  if (r->failed)
    return -1;
  const char *line;
  size_t len;
  int eof;
  /* Blank lines between records. */
  unsigned long long at;
  for (;;) {
    at = r->offset + r->start;
    line = read_line(r, &len, &eof);
    if (!line)
      return eof ? 0 : -1;
    if (len)
      break;
  }
  if (len < 6 || memcmp(line, "WARC/", 5))
    return fail_at(r, "not a WARC record", at);
  rec->offset = at;
  r->hlen = 0;
  /* Offsets into hbuf, turned into pointers once it stops moving. */
  size_t version = 0, nh = 0;
  size_t offs[2 * MAX_HEADERS];
  int rc = hbuf_add(r, line, len);
  for (;;) {
    if (rc)
      return rc == -2 ? fail(r, "out of memory") : fail_at(r, "header too large", at);
    line = read_line(r, &len, &eof);
    if (!line)
      return eof ? fail_at(r, "truncated record", at) : -1;
    if (!len)
      break;
    if ((line[0] == ' ' || line[0] == '\t') && nh) {
      /* A folded line continues the last value. */
      size_t last = offs[2 * nh - 1];
      size_t vlen = strlen(r->hbuf + last);
      char *joined = malloc(vlen + len + 2);
      if (!joined)
        return fail(r, "out of memory");
      memcpy(joined, r->hbuf + last, vlen);
      joined[vlen] = ' ';
      const char *v = line;
      size_t n = len;
      trim(&v, &n);
      memcpy(joined + vlen + 1, v, n);
      offs[2 * nh - 1] = r->hlen;
      rc = hbuf_add(r, joined, vlen + 1 + n);
      free(joined);
      continue;
    }
    const char *colon = memchr(line, ':', len);
    if (!colon)
      continue; /* not a header: tolerated, ignored */
    if (nh == MAX_HEADERS)
      return fail_at(r, "too many headers", at);
    const char *name = line, *value = colon + 1;
    size_t name_len = (size_t)(colon - line), value_len = len - name_len - 1;
    trim(&name, &name_len);
    trim(&value, &value_len);
    offs[2 * nh] = r->hlen;
    rc = hbuf_add(r, name, name_len);
    if (!rc) {
      offs[2 * nh + 1] = r->hlen;
      rc = hbuf_add(r, value, value_len);
    }
    nh++;
  }
  if (nh > r->hdr_cap) {
    warc_header *h = realloc(r->hdrs, nh * sizeof *h);
    if (!h)
      return fail(r, "out of memory");
    r->hdrs = h;
    r->hdr_cap = nh;
  }
  for (size_t i = 0; i < nh; i++) {
    r->hdrs[i].name = r->hbuf + offs[2 * i];
    r->hdrs[i].value = r->hbuf + offs[2 * i + 1];
  }
  rec->version = r->hbuf + version;
  rec->headers = r->hdrs;
  rec->nheaders = nh;
  const char *cl = warc_record_header(rec, "Content-Length");
  if (!cl)
    return fail_at(r, "record without Content-Length", at);
  unsigned long long clen = 0;
  const char *p = cl;
  if (*p < '0' || *p > '9')
    return fail_at(r, "bad Content-Length", at);
  for (; *p >= '0' && *p <= '9'; p++) {
    if (clen > (UINT64_MAX - 9) / 10)
      return fail_at(r, "bad Content-Length", at);
    clen = clen * 10 + (unsigned)(*p - '0');
  }
  if (*p || clen > SIZE_MAX - 1)
    return fail_at(r, "bad Content-Length", at);
  rec->content_length = (size_t)clen;
  rec->type_name = warc_record_header(rec, "WARC-Type");
  if (!rec->type_name)
    rec->type_name = "";
  rec->type = type_of(rec->type_name);
  rec->record_id = warc_record_header(rec, "WARC-Record-ID");
  rec->date = warc_record_header(rec, "WARC-Date");
  rec->content_type = warc_record_header(rec, "Content-Type");
  const char *uri = warc_record_header(rec, "WARC-Target-URI");
  if (uri) {
    /* Some writers bracket it: "<https://example.org/>". */
    size_t n = strlen(uri);
    if (n >= 2 && uri[0] == '<' && uri[n - 1] == '>') {
      char *u = (char *)uri; /* our own copy in hbuf */
      memmove(u, u + 1, n - 2);
      u[n - 2] = '\0';
    }
    rec->target_uri = uri;
  }
  if (rec->content_length > r->max_block) {
    if (read_block(r, NULL, rec->content_length))
      return -1;
    rec->skipped = 1;
  } else {
    if (rec->content_length + 1 > r->block_cap) {
      size_t cap = r->block_cap ? r->block_cap : 4096;
      while (cap < rec->content_length + 1)
        cap *= 2;
      char *b = realloc(r->block, cap);
      if (!b)
        return fail(r, "out of memory");
      r->block = b;
      r->block_cap = cap;
    }
    if (read_block(r, r->block, rec->content_length))
      return -1;
    r->block[rec->content_length] = '\0';
    rec->block = r->block;
    rec->block_len = rec->content_length;
  }
  /* The record ends with two newlines ("\r\n\r\n"); the blank-line skip
   * above takes them, and tolerates writers that forget them. */
  return 1;
}

int warc_sniff(const void *data, size_t len) {
  const unsigned char *p = data;
  unsigned char head[64];
  size_t n = 0;
  if (len >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
      return 0;
    z.next_in = (unsigned char *)(uintptr_t)p;
    z.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
    z.next_out = head;
    z.avail_out = sizeof head;
    inflate(&z, Z_SYNC_FLUSH);
    n = sizeof head - z.avail_out;
    inflateEnd(&z);
    p = head;
  } else {
    n = len;
  }
  size_t i = 0;
  while (i < n && (p[i] == '\r' || p[i] == '\n'))
    i++;
  return n - i >= 5 && !memcmp(p + i, "WARC/", 5);
}

int warc_http_split(const char *block, size_t len, int *status, const char **headers,
                    size_t *headers_len, size_t *body) {
  *status = 0;
  const char *nl = memchr(block, '\n', len);
  if (!nl)
    return -1;
  size_t first = (size_t)(nl - block);
  if (len >= 8 && !memcmp(block, "HTTP/", 5)) {
    const char *sp = memchr(block, ' ', first);
    if (sp && sp + 4 <= nl && sp[1] >= '1' && sp[1] <= '5' && sp[2] >= '0' && sp[2] <= '9' &&
        sp[3] >= '0' && sp[3] <= '9')
      *status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
  } else {
    /* A request line: METHOD SP target SP HTTP/x.y */
    if (first < 10 || !memchr(block, ' ', first))
      return -1;
    int http = 0;
    for (size_t i = 0; i + 5 <= first; i++)
      if (!memcmp(block + i, "HTTP/", 5))
        http = 1;
    if (!http)
      return -1;
  }
  size_t h = first + 1;
  for (size_t i = h; i < len; i++) {
    if (block[i] != '\n')
      continue;
    /* An empty line: "\n" or "\r\n" right after the previous newline. */
    if (block[i - 1] == '\n' || (block[i - 1] == '\r' && i >= 2 && block[i - 2] == '\n')) {
      /* the headers end before the newline of their last line */
      size_t e = block[i - 1] == '\r' ? i - 2 : i - 1;
      if (e > h && block[e - 1] == '\r')
        e--;
      *headers = block + h;
      *headers_len = e > h ? e - h : 0;
      *body = i + 1;
      return 0;
    }
  }
  *headers = block + h;
  *headers_len = len - h;
  *body = len;
  return 0;
}
