/* The WARC record parser over the decompressed stream: header lines, the
 * block by its Content-Length, and the checks that keep one damaged record
 * from taking the others with it. Memory stays bounded by the window, the
 * largest header section and max_block. */
#include "input/warc.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "util/pool.h"

#define MAX_LINE ((size_t)1 << 16)         /* one header line */
#define MAX_HEADER_BYTES ((size_t)1 << 20) /* a record's whole header section */
#define MAX_HEADERS 1024
#define DEFAULT_MAX_BLOCK ((size_t)64 << 20)

struct warc_reader {
  stream *s;
  size_t max_block;
  char *hbuf; /* this record's header strings */
  size_t hcap, hlen;
  size_t offs[2 * MAX_HEADERS]; /* name and value offsets into hbuf */
  warc_header *hdrs;
  size_t hdr_cap;
  char *block;
  size_t block_cap;
  unsigned long long rec_start;   /* decompressed offset of this record's start */
  unsigned long long judged;      /* member starts up to here are no stop */
  unsigned long long reported;    /* the last break reported, +1 (0: none) */
  unsigned long long block_start; /* decompressed offset of this record's block */
  unsigned long long putback_end; /* the end of the bytes last put back */
  char msg[448];
  int eof; /* the data ended */
};

warc_reader *warc_reader_new(stream_read_fn rd, stream_seek_fn seek, void *ctx, size_t max_block) {
  warc_reader *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->s = stream_new(rd, seek, ctx);
  if (!r->s) {
    free(r);
    return NULL;
  }
  r->max_block = max_block ? max_block : DEFAULT_MAX_BLOCK;
  return r;
}

void warc_reader_free(warc_reader *r) {
  if (!r)
    return;
  stream_free(r->s);
  free(r->hbuf);
  free(r->hdrs);
  pool_free(r->block, r->block_cap);
  free(r);
}

int warc_reader_in_block(const warc_reader *r, const char *p) {
  return r->block && p && p >= r->block && p < r->block + r->block_cap;
}

char *warc_reader_take_block(warc_reader *r, size_t *cap) {
  char *b = r->block;
  *cap = r->block_cap;
  r->block = NULL;
  r->block_cap = 0;
  return b;
}

const char *warc_reader_error(const warc_reader *r) {
  return r ? stream_error(r->s) : NULL;
}

void warc_reader_drop_block(warc_reader *r) {
  pool_free(r->block, r->block_cap);
  r->block = NULL;
  r->block_cap = 0;
}

/* ---- reading within a record ------------------------------------------------ */

/* A stop: where the record being read cannot go on — a break (damaged
 * data), or the start of a member whose data begins a new record (a record
 * never spans into one: its Content-Length lied). */
typedef struct {
  unsigned long long at; /* decompressed offset; ULLONG_MAX: none in sight */
  const char *damage;    /* the break's message, or NULL for a new record */
} stop;

/* The bytes readable now, before the next stop: sets *st. Returns the
 * count, which may be 0 with no stop in sight (more must be produced). */
static size_t usable(warc_reader *r, stop *st) {
  size_t avail;
  const unsigned char *p = stream_data(r->s, &avail);
  unsigned long long pos = stream_pos(r->s), end = pos + avail;
  st->at = ULLONG_MAX;
  st->damage = NULL;
  unsigned long long from = r->judged > r->rec_start ? r->judged : r->rec_start;
  unsigned long long b, dat;
  const char *dmg;
  while (stream_boundary(r->s, from, end, &b, &dmg, &dat)) {
    if (dmg) {
      st->at = b;
      st->damage = dmg;
      break;
    }
    if (end - b < 5 && !r->eof) /* not enough bytes there to judge yet */
      return (size_t)(b - pos);
    if (end - b >= 5 && !memcmp(p + (b - pos), "WARC/", 5)) {
      st->at = b;
      break;
    }
    r->judged = from = b;
  }
  if (st->at != ULLONG_MAX)
    return (size_t)(st->at - pos);
  return avail;
}

/* More data: 1 if some came, 0 at the end, -1 on an unrecoverable error. */
static int more(warc_reader *r) {
  int rc = stream_more(r->s);
  if (rc == 0)
    r->eof = 1;
  return rc;
}

/* The next line (without its "\r\n" or "\n"), consumed, into a pointer
 * valid until the next read. Returns 1, 0 when the data ended (or a stop
 * came) before a newline — *len then holds what is left and nothing is
 * consumed — or -1 on an unrecoverable error or a line over MAX_LINE
 * (*len = SIZE_MAX). */
static int read_line(warc_reader *r, const char **line, size_t *len, stop *st) {
  size_t scanned = 0;
  for (;;) {
    size_t avail;
    size_t n = usable(r, st);
    const unsigned char *p = stream_data(r->s, &avail);
    const unsigned char *nl = n > scanned ? memchr(p + scanned, '\n', n - scanned) : NULL;
    if (nl) {
      size_t k = (size_t)(nl - p);
      stream_consume(r->s, k + 1);
      if (k && p[k - 1] == '\r')
        k--;
      *line = (const char *)p;
      *len = k;
      return 1;
    }
    scanned = n;
    *line = (const char *)p;
    *len = n;
    if (n > MAX_LINE) {
      stream_consume(r->s, n); /* on to the next record */
      *len = SIZE_MAX;
      return -1;
    }
    if (st->at != ULLONG_MAX)
      return 0;
    int rc = more(r);
    if (rc < 0)
      return -1;
    if (rc == 0) {
      (void)usable(r, st);
      *line = (const char *)stream_data(r->s, &avail);
      *len = avail;
      return 0;
    }
  }
}

/* Consumes up to n bytes of block into dst (or drops them when dst is
 * NULL; then also stops at what looks like the next record's start, for a
 * Content-Length that lies). Returns the count read; fewer than n when the
 * data ended or a stop came (*st says which), -1 on an unrecoverable
 * error. */
static long long read_block(warc_reader *r, char *dst, unsigned long long n, stop *st) {
  unsigned long long got = 0;
  while (got < n) {
    size_t k = usable(r, st);
    if (k == 0) {
      if (st->at != ULLONG_MAX)
        break;
      int rc = more(r);
      if (rc < 0)
        return -1;
      if (rc == 0) {
        (void)usable(r, st); /* a break the end of the data made */
        break;
      }
      continue;
    }
    if (k > n - got)
      k = (size_t)(n - got);
    size_t avail;
    const unsigned char *p = stream_data(r->s, &avail);
    if (!dst) {
      /* A record start at a line start right after a blank line. */
      for (const unsigned char *q = p; (q = memchr(q, '\n', k - (size_t)(q - p))) != NULL; q++) {
        size_t rest = k - (size_t)(q - p), skip = 0;
        if (rest >= 8 && !memcmp(q + 1, "\r\nWARC/", 7))
          skip = (size_t)(q - p) + 3;
        else if (rest >= 7 && !memcmp(q + 1, "\nWARC/", 6))
          skip = (size_t)(q - p) + 2;
        if (skip) {
          stream_consume(r->s, skip);
          st->at = stream_pos(r->s);
          st->damage = NULL;
          return (long long)(got + skip);
        }
      }
      /* Keep a pattern's first bytes for the next round, unless done. */
      if (k > 8 && k < n - got && k == avail)
        k -= 8;
    } else {
      memcpy(dst + got, p, k);
    }
    stream_consume(r->s, k);
    got += k;
    /* Through many small members: only the record's first is kept. */
    stream_forget(r->s, r->rec_start, stream_pos(r->s));
  }
  return (long long)got;
}

/* ---- headers ------------------------------------------------------------------ */

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

/* Header value: white space trimmed. */
static void trim(const char **s, size_t *n) {
  while (*n && (**s == ' ' || **s == '\t'))
    (*s)++, (*n)--;
  while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
    (*n)--;
}

/* One header line into hbuf: 0, -1 too large, -2 out of memory, -3 too
 * many. A folded line (leading white space) continues the last value,
 * which is the last string in hbuf: it grows in place. */
static int add_header(warc_reader *r, const char *line, size_t len, size_t *nh) {
  if ((line[0] == ' ' || line[0] == '\t') && *nh) {
    const char *v = line;
    size_t n = len;
    trim(&v, &n);
    if (!n)
      return 0;
    r->hbuf[r->hlen - 1] = ' ';
    int rc = hbuf_add(r, v, n);
    if (rc)
      r->hbuf[r->hlen - 1] = '\0';
    return rc;
  }
  const char *colon = memchr(line, ':', len);
  if (!colon)
    return 0; /* not a header: tolerated, ignored */
  if (*nh == MAX_HEADERS)
    return -3;
  const char *name = line, *value = colon + 1;
  size_t name_len = (size_t)(colon - line), value_len = len - name_len - 1;
  trim(&name, &name_len);
  trim(&value, &value_len);
  r->offs[2 * *nh] = r->hlen;
  int rc = hbuf_add(r, name, name_len);
  if (rc)
    return rc;
  r->offs[2 * *nh + 1] = r->hlen;
  rc = hbuf_add(r, value, value_len);
  if (!rc)
    (*nh)++;
  return rc;
}

/* The parsed headers into rec. -1 when out of memory. */
static int publish_headers(warc_reader *r, warc_record *rec, size_t nh) {
  if (nh > r->hdr_cap) {
    warc_header *h = realloc(r->hdrs, nh * sizeof *h);
    if (!h)
      return -1;
    r->hdrs = h;
    r->hdr_cap = nh;
  }
  for (size_t i = 0; i < nh; i++) {
    r->hdrs[i].name = r->hbuf + r->offs[2 * i];
    r->hdrs[i].value = r->hbuf + r->offs[2 * i + 1];
  }
  rec->version = r->hbuf;
  rec->headers = r->hdrs;
  rec->nheaders = nh;
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
  return 0;
}

/* ---- records -------------------------------------------------------------------- */

/* Where the record is stored: its member, or its own bytes for plain data.
 * Waits (a little) for the member's end to be known. */
static int locate(warc_reader *r, warc_record *rec) {
  if (stream_kind_of(r->s) == STREAM_PLAIN) {
    rec->offset = r->rec_start;
    rec->length = stream_pos(r->s) - r->rec_start;
    return 0;
  }
  for (int i = 0; i < 8 && !stream_member_done(r->s, r->rec_start); i++)
    if (more(r) < 0)
      return -1;
  stream_member(r->s, r->rec_start, &rec->offset, &rec->length);
  return 0;
}

static int damaged(warc_reader *r, warc_record *rec, const char *fmt, const char *detail) {
  char why[288];
  snprintf(why, sizeof why, fmt, detail);
  rec->error = r->msg;
  if (locate(r, rec) < 0)
    return -1;
  /* Damage found in the record's own member is the cause: it is named,
   * and the rest of the member's data skipped with it. */
  size_t avail;
  (void)stream_data(r->s, &avail);
  unsigned long long pos = stream_pos(r->s), from = pos ? pos - 1 : ULLONG_MAX, b, dat;
  const char *dmg;
  while (stream_kind_of(r->s) != STREAM_PLAIN &&
         stream_boundary(r->s, from, pos + avail, &b, &dmg, &dat)) {
    if (dmg && dat == rec->offset && r->reported != b + 1) {
      stream_consume(r->s, (size_t)(b - pos));
      r->reported = b + 1;
      if (strcmp(dmg, why))
        snprintf(r->msg, sizeof r->msg, "%s (%s)", dmg, why);
      else
        snprintf(r->msg, sizeof r->msg, "%s", dmg);
      return 1;
    }
    from = b;
  }
  snprintf(r->msg, sizeof r->msg, "%s", why);
  return 1;
}

/* The data at the current position, after blank lines: 1 when a record
 * starts there ("WARC/"), 0 at the end of the data, 2 when something else
 * is there, -1 on error. */
static int at_record(warc_reader *r) {
  for (;;) {
    size_t avail;
    const unsigned char *p = stream_data(r->s, &avail);
    size_t i = 0;
    while (i < avail && (p[i] == '\r' || p[i] == '\n'))
      i++;
    stream_consume(r->s, i);
    if (avail - i >= 5)
      return memcmp(p + i, "WARC/", 5) ? 2 : 1;
    int rc = more(r);
    if (rc < 0)
      return -1;
    if (rc == 0) {
      (void)stream_data(r->s, &avail);
      return avail ? 2 : 0;
    }
  }
}

/* The length of the version ("WARC/1.0") p[0..n) starts with, or 0. */
static size_t version_len(const unsigned char *p, size_t n) {
  if (n < 5 || memcmp(p, "WARC/", 5))
    return 0;
  size_t i = 5, first = i;
  while (i < n && p[i] >= '0' && p[i] <= '9')
    i++;
  if (i == first || i >= n || p[i] != '.')
    return 0;
  first = ++i;
  while (i < n && p[i] >= '0' && p[i] <= '9')
    i++;
  return i == first ? 0 : i;
}

/* Whether p[0..n) starts with a version line (a version and its line
 * end): 0 when not, or when n is too short to tell. */
static int version_line(const unsigned char *p, size_t n) {
  size_t i = version_len(p, n);
  return i && i < n && (p[i] == '\n' || (i + 1 < n && p[i] == '\r' && p[i + 1] == '\n'));
}

/* Where a version ends the header line line[0..len) — the next record
 * starts there: the record was cut inside its headers — or SIZE_MAX. */
static size_t version_in_line(const char *line, size_t len) {
  const unsigned char *p = (const unsigned char *)line;
  for (size_t k = len; k-- > 0;)
    if (p[k] == 'W' && version_len(p + k, len - k) == len - k)
      return k;
  return SIZE_MAX;
}

/* How many bytes a record start needs to be told (version_line). */
#define RECORD_START_BYTES 16

/* Bytes that are no record: skipped up to the next record start — "WARC/"
 * at a line start or after a NUL byte (padding), or a whole version line
 * anywhere (a record appended right after one cut short) — or the next
 * member start or break, and reported as one damaged record. */
static int skip_garbage(warc_reader *r, warc_record *rec) {
  unsigned long long from = stream_pos(r->s), b = 0, dat;
  const char *dmg = NULL, *why = NULL;
  r->rec_start = from;
  for (;;) {
    size_t avail;
    const unsigned char *p = stream_data(r->s, &avail);
    unsigned long long pos = stream_pos(r->s);
    size_t limit = avail;
    int at_boundary = 0, found = 0;
    if (stream_boundary(r->s, pos, pos + avail, &b, &dmg, &dat)) {
      limit = (size_t)(b - pos);
      at_boundary = 1;
      if (dmg)
        why = dmg;
    }
    /* Position 0 is the first byte of the garbage, or the byte kept
     * before a candidate judged with more data: never a start itself. */
    size_t i = 1;
    while (i < limit) {
      const unsigned char *w = memchr(p + i, 'W', limit - i);
      if (!w) {
        /* the last byte kept: what comes next may start a record */
        i = at_boundary || r->eof ? limit : limit - 1;
        break;
      }
      size_t k = (size_t)(w - p);
      if (limit - k < RECORD_START_BYTES && !at_boundary && !r->eof) {
        i = k - 1; /* judged with more data, the byte before it kept */
        break;
      }
      if (limit - k >= 5 && !memcmp(w, "WARC/", 5) &&
          (p[k - 1] == '\n' || p[k - 1] == '\0' || version_line(w, limit - k))) {
        i = k;
        found = 1;
        break;
      }
      i = k + 1;
    }
    if (i > limit)
      i = limit;
    stream_consume(r->s, i);
    if (found || (at_boundary && i == limit) || (r->eof && i == avail))
      break;
    if (more(r) < 0)
      return -1;
  }
  /* The damage that made them first, as a damaged record's error starts. */
  char detail[256];
  if (why)
    snprintf(detail, sizeof detail, "%s (not a WARC record: %llu bytes skipped)", why,
             stream_pos(r->s) - from);
  else
    snprintf(detail, sizeof detail, "not a WARC record: %llu bytes skipped",
             stream_pos(r->s) - from);
  if (why)
    r->reported = b + 1;
  return damaged(r, rec, "%s", detail);
}

/* A record start in the kept block (the first one not put back before):
 * the bytes from it are put back to be read again. 1 if found, 0 if not,
 * -1 when out of memory. */
static int put_back_record(warc_reader *r, warc_record *rec) {
  const char *blk = rec->block, *end = blk + rec->block_len;
  /* Bytes are put back once: a second liar among them would make every
   * record read the rest of the file again (quadratic). */
  if (r->block_start + rec->block_len <= r->putback_end)
    return 0;
  for (const char *w = blk; (w = memchr(w, 'W', (size_t)(end - w))) != NULL; w++) {
    /* "WARC/" after a blank line, or a whole version line anywhere (the
     * next record written right after one cut short) */
    size_t k = (size_t)(w - blk);
    int blank =
        k >= 2 && w[-1] == '\n' && (w[-2] == '\n' || (k >= 3 && w[-2] == '\r' && w[-3] == '\n'));
    if (end - w < 5 || memcmp(w, "WARC/", 5) ||
        !(blank || version_line((const unsigned char *)w, (size_t)(end - w))))
      continue;
    if (r->block_start + k < r->putback_end)
      continue;
    if (stream_unread(r->s, blk + k, rec->block_len - k))
      return -1;
    r->putback_end = r->block_start + rec->block_len;
    rec->block_len = k;
    r->block[k] = '\0';
    return 1;
  }
  return 0;
}

/* After a kept block: what follows must be the end of the data, a member
 * start or blank lines then "WARC/". Otherwise the Content-Length lied: a
 * record start inside the block is put back to be read again (the block
 * was too long), or the block is flagged as cut (too short). 3 (and the
 * message in *damage, the break's offset in *damage_b) when the record's
 * own member ends in damage: every byte came, but its check failed (a
 * corrupt gzip member's CRC) or the file ends before the member does. */
static int check_end(warc_reader *r, warc_record *rec, const char **damage,
                     unsigned long long *damage_b) {
  size_t avail;
  const unsigned char *p;
  for (;;) {
    p = stream_data(r->s, &avail);
    size_t i = 0;
    while (i < avail && i < 4 && (p[i] == '\r' || p[i] == '\n'))
      i++;
    if (avail - i >= 5 || i == 4 || r->eof)
      break;
    int rc = more(r);
    if (rc < 0)
      return -1;
  }
  /* Damage at the end of the record's member (a CRC, a file cut in the
   * member's trailer) shows once the member is done: waited for a little,
   * as locate does. */
  for (int k = 0;
       k < 8 && stream_kind_of(r->s) != STREAM_PLAIN && !stream_member_done(r->s, r->rec_start);
       k++)
    if (more(r) < 0)
      return -1;
  p = stream_data(r->s, &avail);
  size_t i = 0;
  while (i < avail && i < 4 && (p[i] == '\r' || p[i] == '\n'))
    i++;
  unsigned long long pos = stream_pos(r->s), b, dat, start, len;
  const char *dmg;
  stream_member(r->s, r->rec_start, &start, &len);
  if (stream_kind_of(r->s) != STREAM_PLAIN &&
      stream_boundary(r->s, pos - 1, pos + i, &b, &dmg, &dat) && dmg && dat == start) {
    stream_consume(r->s, i);
    *damage = dmg;
    *damage_b = b;
    return 3;
  }
  if (i == avail || (avail - i >= 5 && !memcmp(p + i, "WARC/", 5)) ||
      stream_boundary(r->s, pos - 1, pos + i, &b, &dmg, &dat)) {
    stream_consume(r->s, i);
    return 0;
  }
  int put = put_back_record(r, rec);
  if (put)
    return put < 0 ? -1 : 2;
  rec->cut = 1;
  return 0;
}

/* The data ended inside the record (why: the damage the end made, or
 * "truncated record" for plain data): the record is kept as far as it
 * goes — cut when its block is — with a warning that says so. */
static int ends_inside(warc_reader *r, warc_record *rec, const char *why) {
  rec->cut = rec->block_len < rec->content_length;
  if (rec->cut)
    snprintf(r->msg, sizeof r->msg,
             "%s: the archive ends %zu bytes into the record's %llu-byte block", why,
             rec->block_len, rec->content_length);
  else
    snprintf(r->msg, sizeof r->msg, "%s: the archive ends after the record's block", why);
  rec->warning = r->msg;
  return locate(r, rec) < 0 ? -1 : 1;
}

/* The block: kept when small enough, else read through. */
static int read_content(warc_reader *r, warc_record *rec) {
  stop st;
  unsigned long long n = rec->content_length;
  if (n > r->max_block) {
    rec->skipped = 1;
    /* One member per record: the rest of it is not even inflated. */
    int ab = stream_abandon(r->s, r->rec_start);
    if (ab < 0)
      return -1;
    if (ab == 1) {
      rec->cut = 0;
      return locate(r, rec) < 0 ? -1 : 1;
    }
    long long got = read_block(r, NULL, n, &st);
    if (got < 0)
      return -1;
    if ((unsigned long long)got < n) {
      if (st.damage)
        return damaged(r, rec, "%s", st.damage);
      rec->cut = 1;
    }
    return locate(r, rec) < 0 ? -1 : 1;
  }
  /* From the pool of blocks (util/pool.h): a crawl's records come and go
   * by the thousand. A buffer larger than this record's by a block or more
   * is not kept for it, since the block is often handed on with its page
   * (warc_reader_take_block) and counted at its size. Nothing in it is
   * kept. */
  size_t need = (size_t)n + 1;
  if (!r->block || r->block_cap < need || r->block_cap - need >= POOL_BLOCK_BYTES) {
    pool_free(r->block, r->block_cap);
    r->block = NULL;
    r->block_cap = 0;
    if (!(r->block = pool_alloc(need, &r->block_cap)))
      return -1;
  }
  r->block_start = stream_pos(r->s);
  long long got = read_block(r, r->block, n, &st);
  if (got < 0)
    return -1;
  r->block[got] = '\0';
  rec->block = r->block;
  rec->block_len = (size_t)got;
  if ((unsigned long long)got < n) {
    if (st.damage) {
      r->reported = st.at + 1;
      if (stream_break_at_end(r->s, st.at))
        return ends_inside(r, rec, st.damage);
      return damaged(r, rec, "%s", st.damage);
    }
    if (st.at != ULLONG_MAX)
      return damaged(r, rec, "%s", "Content-Length runs past the record's end");
    /* The data ended: a record inside is read again. */
    int put = put_back_record(r, rec);
    if (put < 0)
      return -1;
    if (!put)
      return ends_inside(r, rec, "truncated record");
    rec->cut = 1;
    return damaged(r, rec, "%s", "Content-Length runs past the record's end");
  }
  const char *dmg = NULL;
  unsigned long long dmg_at = 0;
  int rc = check_end(r, rec, &dmg, &dmg_at);
  if (rc < 0)
    return -1;
  if (rc == 3 && stream_break_at_end(r->s, dmg_at)) {
    /* Every byte of the block came; the file ends in what follows it. */
    r->reported = dmg_at + 1;
    return ends_inside(r, rec, dmg);
  }
  if (rc == 3)
    return damaged(r, rec, "%s", dmg);
  if (rc == 2)
    return damaged(r, rec, "%s", "Content-Length runs past the record's end");
  return locate(r, rec) < 0 ? -1 : 1;
}

/* A break in (from, to] not reported yet: 1 and its message in r->msg. */
static int unreported_break(warc_reader *r, unsigned long long from, unsigned long long to,
                            warc_record *rec) {
  unsigned long long b, dat;
  const char *dmg;
  while (stream_boundary(r->s, from, to, &b, &dmg, &dat)) {
    if (dmg && r->reported != b + 1) {
      r->reported = b + 1;
      snprintf(r->msg, sizeof r->msg, "%s", dmg);
      rec->error = r->msg;
      rec->offset = dat;
      return 1;
    }
    from = b;
  }
  return 0;
}

/* The record's headers: 2 when read to their blank line, else what
 * warc_reader_next returns for the record (damaged, -1). */
static int read_headers(warc_reader *r, warc_record *rec) {
  r->hlen = 0;
  size_t nh = 0;
  const char *line;
  size_t len;
  stop st;
  int ended = 0;
  int rc = read_line(r, &line, &len, &st);
  if (rc == 1 && hbuf_add(r, line, len) == -2)
    return -1;
  while (rc == 1) {
    unsigned long long line_pos = stream_pos(r->s);
    rc = read_line(r, &line, &len, &st);
    if (rc == 1 && !len) {
      ended = 1;
      break;
    }
    if (rc != 1)
      break;
    size_t k = version_in_line(line, len);
    if (k != SIZE_MAX) {
      /* Read again from there, as the next record. */
      if (stream_unread(r->s, line + k, (size_t)(stream_pos(r->s) - line_pos - k)) ||
          publish_headers(r, rec, nh))
        return -1;
      return damaged(r, rec, "%s", "truncated record (the next record starts in its headers)");
    }
    int hr = add_header(r, line, len, &nh);
    if (hr == -2)
      return -1;
    if (hr) {
      if (publish_headers(r, rec, nh))
        return -1;
      return damaged(r, rec, "%s", hr == -3 ? "too many headers" : "header too large");
    }
  }
  if ((rc < 0 && len != SIZE_MAX) || publish_headers(r, rec, nh))
    return -1;
  if (ended)
    return 2;
  if (rc < 0)
    return damaged(r, rec, "%s", "header line too long");
  stream_consume(r->s, len);
  if (st.damage)
    r->reported = st.at + 1;
  return damaged(r, rec, "%s", st.damage ? st.damage : "truncated record");
}

int warc_reader_next(warc_reader *r, warc_record *rec) {
  memset(rec, 0, sizeof *rec);
  if (stream_error(r->s))
    return -1;
  unsigned long long before = stream_pos(r->s);
  stream_forget(r->s, before, before);
  int at = at_record(r);
  if (at < 0)
    return -1;
  unsigned long long pos = stream_pos(r->s);
  /* A break here (a member lost whole, bytes that are no member): said once. */
  r->rec_start = pos;
  if (unreported_break(r, before ? before - 1 : ULLONG_MAX, pos, rec))
    return 1;
  if (at == 0)
    return 0;
  if (at == 2)
    return skip_garbage(r, rec);
  r->judged = pos;
  int rc = read_headers(r, rec);
  if (rc != 2)
    return rc;
  const char *cl = warc_record_header(rec, "Content-Length");
  if (!cl)
    return damaged(r, rec, "%s", "record without Content-Length");
  unsigned long long clen = 0;
  const char *p = cl;
  if (*p < '0' || *p > '9')
    return damaged(r, rec, "bad Content-Length: %s", cl);
  for (; *p >= '0' && *p <= '9'; p++) {
    if (clen > (UINT64_MAX - 9) / 10)
      return damaged(r, rec, "bad Content-Length: %s", cl);
    clen = clen * 10 + (unsigned)(*p - '0');
  }
  if (*p)
    return damaged(r, rec, "bad Content-Length: %s", cl);
  rec->content_length = clen;
  return read_content(r, rec);
}

/* ---- sniffing ------------------------------------------------------------------- */

/* warc_sniff; *more set when the data is a zstd frame that gave no byte
 * yet without an error: more of it may tell. */
static int sniff(const void *data, size_t len, int *more) {
  const unsigned char *p = data;
  unsigned char head[64];
  size_t n = 0;
  *more = 0;
  if (len >= 4 && p[0] == 0x5d && p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18)
    return 1; /* the Internet Archive's .warc.zst: a dictionary frame first */
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
  } else if (len >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) {
    ZSTD_DCtx *d = ZSTD_createDCtx();
    if (!d)
      return 0;
    ZSTD_inBuffer in = {p, len, 0};
    ZSTD_outBuffer out = {head, sizeof head, 0};
    size_t r = ZSTD_decompressStream(d, &out, &in);
    n = ZSTD_isError(r) ? 0 : out.pos;
    *more = !ZSTD_isError(r) && r != 0 && out.pos == 0;
    ZSTD_freeDCtx(d);
    p = head;
  } else {
    n = len;
  }
  size_t i = 0;
  while (i < n && (p[i] == '\r' || p[i] == '\n'))
    i++;
  return n - i >= 5 && !memcmp(p + i, "WARC/", 5);
}

int warc_sniff(const void *data, size_t len) {
  int more;
  return sniff(data, len, &more);
}

int warc_sniff_more(const void *data, size_t len) {
  int more;
  return !sniff(data, len, &more) && more;
}
