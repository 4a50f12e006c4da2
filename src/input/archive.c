/* The public archive reader (pith_archive_*): WARC records in, each one
 * judged a page (HTML, or WET text) or skipped with a reason, or reported
 * damaged; pages extracted with their provenance. docs/warc.md says how
 * records are chosen. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/archive.h"
#include "input/http.h"
#include "input/sniff.h"
#include "input/warc.h"
#include "pith.h"
#include "result.h"
#include "util/pool.h"

#define DEFAULT_MAX_RECORD ((size_t)16 << 20)
/* A record's block holds the HTTP headers besides the payload. */
#define HEADER_ALLOWANCE ((size_t)1 << 20)

struct pith_archive {
  pith_archive_options o;
  int fd;
  long long fd_start; /* a regular file: where the archive starts in it; -1: read once */
  long (*read)(void *ctx, void *buf, size_t n);
  int (*seek)(void *ctx, unsigned long long offset); /* NULL: read once */
  void *ctx;
  warc_reader *w;
  char *name;           /* as opened */
  const char *filename; /* its last path component */
  pith_record rec;
  int have_rec;       /* rec is the record pith_archive_next returned last */
  char *payload;      /* the decoded body of the current record (NULL: no coding, the body
                         is read where it lies in the block) */
  size_t payload_cap; /* its buffer's size */
  http_response http;
  char content_type[128];
  char err[256];
  pith_status failed;
};

void pith_archive_options_init(pith_archive_options *o) {
  memset(o, 0, sizeof *o);
  o->max_record_bytes = DEFAULT_MAX_RECORD;
}

static long fd_read(void *ctx, void *buf, size_t n) {
  pith_archive *a = ctx;
  for (;;) {
    ssize_t k = read(a->fd, buf, n);
    if (k >= 0)
      return (long)k;
    if (errno != EINTR) {
      snprintf(a->err, sizeof a->err, "%s: %s", a->name, strerror(errno));
      return -1;
    }
  }
}

/* Damage found far past a member's start: the file is read again from
 * just after it (stream.h). */
static int fd_seek(void *ctx, unsigned long long offset) {
  pith_archive *a = ctx;
  if (a->fd_start < 0 || offset > (unsigned long long)(INT64_MAX - a->fd_start))
    return -1;
  off_t to = (off_t)(a->fd_start + (long long)offset);
  return lseek(a->fd, to, SEEK_SET) == to ? 0 : -1;
}

/* Where a regular file's archive starts (its current position), or -1:
 * a pipe, a terminal, a socket are read once. */
static long long seek_start(int fd) {
  struct stat st;
  if (fstat(fd, &st) || !S_ISREG(st.st_mode))
    return -1;
  off_t at = lseek(fd, 0, SEEK_CUR);
  return at < 0 ? -1 : (long long)at;
}

static long callback_read(void *ctx, void *buf, size_t n) {
  pith_archive *a = ctx;
  return a->read(a->ctx, buf, n);
}

static int callback_seek(void *ctx, unsigned long long offset) {
  pith_archive *a = ctx;
  return a->seek(a->ctx, offset) == 0 ? 0 : -1;
}

/* A reader with everything but its source. */
static pith_archive *archive_new(const char *name, const pith_archive_options *o) {
  pith_archive *a = calloc(1, sizeof *a);
  if (!a)
    return NULL;
  a->fd = -1;
  a->fd_start = -1;
  if (o)
    a->o = *o;
  else
    pith_archive_options_init(&a->o);
  if (!a->o.max_record_bytes)
    a->o.max_record_bytes = DEFAULT_MAX_RECORD;
  a->name = strdup(name ? name : "");
  if (!a->name) {
    free(a);
    return NULL;
  }
  const char *slash = strrchr(a->name, '/');
  a->filename = slash ? slash + 1 : a->name;
  return a;
}

static pith_status start(pith_archive *a, long (*rd)(void *, void *, size_t), pith_archive **out) {
  size_t max = a->o.max_record_bytes;
  if (rd == fd_read)
    a->fd_start = seek_start(a->fd);
  stream_seek_fn seek = a->fd_start >= 0 ? fd_seek : a->seek ? callback_seek : NULL;
  a->w = warc_reader_new(rd, seek, a,
                         max > SIZE_MAX - HEADER_ALLOWANCE ? SIZE_MAX : max + HEADER_ALLOWANCE);
  if (!a->w) {
    pith_archive_close(a);
    *out = NULL;
    return PITH_ERR_NOMEM;
  }
  *out = a;
  return PITH_OK;
}

pith_status pith_archive_open(const char *path, const pith_archive_options *o, pith_archive **out) {
  if (!out)
    return PITH_ERR_INVALID;
  *out = NULL;
  if (!path)
    return PITH_ERR_INVALID;
  int std = !strcmp(path, "-");
  pith_archive *a = archive_new(std ? "(stdin)" : path, o);
  if (!a)
    return PITH_ERR_NOMEM;
  a->fd = 0;
  if (!std) {
    /* Close-on-exec: a thread of the program that forks and execs does
     * not hand the file to the child. */
    do
      a->fd = open(path, O_RDONLY | O_CLOEXEC);
    while (a->fd < 0 && errno == EINTR);
    /* A directory opens, and fails at its first read: said here. */
    struct stat st;
    if (a->fd >= 0 && fstat(a->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      close(a->fd);
      a->fd = -1;
      errno = EISDIR;
    }
  }
  if (a->fd < 0) {
    snprintf(a->err, sizeof a->err, "%s: %s", path, strerror(errno));
    a->failed = PITH_ERR_READ;
    *out = a;
    return PITH_ERR_READ;
  }
  a->o.close_fd = !std;
  return start(a, fd_read, out);
}

pith_status pith_archive_open_fd(int fd, const char *name, const pith_archive_options *o,
                                 pith_archive **out) {
  if (!out)
    return PITH_ERR_INVALID;
  *out = NULL;
  if (fd < 0)
    return PITH_ERR_INVALID;
  pith_archive *a = archive_new(name, o);
  if (!a)
    return PITH_ERR_NOMEM;
  a->fd = fd;
  return start(a, fd_read, out);
}

pith_status pith_archive_open_read_seek(long (*read)(void *ctx, void *buf, size_t n),
                                        int (*seek)(void *ctx, unsigned long long offset),
                                        void *ctx, const char *name, const pith_archive_options *o,
                                        pith_archive **out) {
  if (!out)
    return PITH_ERR_INVALID;
  *out = NULL;
  if (!read)
    return PITH_ERR_INVALID;
  pith_archive *a = archive_new(name, o);
  if (!a)
    return PITH_ERR_NOMEM;
  a->read = read;
  a->seek = seek;
  a->ctx = ctx;
  return start(a, callback_read, out);
}

pith_status pith_archive_open_read(long (*read)(void *ctx, void *buf, size_t n), void *ctx,
                                   const char *name, const pith_archive_options *o,
                                   pith_archive **out) {
  return pith_archive_open_read_seek(read, NULL, ctx, name, o, out);
}

void pith_archive_close(pith_archive *a) {
  if (!a)
    return;
  warc_reader_free(a->w);
  if (a->fd >= 0 && a->o.close_fd)
    close(a->fd);
  pool_free(a->payload, a->payload_cap);
  free(a->name);
  free(a);
}

const char *pith_archive_error(const pith_archive *a) {
  return a && a->failed ? a->err : NULL;
}

/* ---- choosing records -------------------------------------------------------- */

/* Media types that say nothing about the payload: the sniffer decides. */
static int generic_type(const char *t) {
  static const char *const generic[] = {"",
                                        "application/octet-stream",
                                        "binary/octet-stream",
                                        "application/unknown",
                                        "unknown/unknown",
                                        "application/x-unknown-content-type",
                                        "text/plain",
                                        "*/*"};
  for (size_t i = 0; i < sizeof generic / sizeof *generic; i++)
    if (!strcmp(t, generic[i]))
      return 1;
  return 0;
}

static int html_type(const char *t) {
  return !strcmp(t, "text/html") || !strcmp(t, "application/xhtml+xml") ||
         !strcmp(t, "application/vnd.wap.xhtml+xml") || !strcmp(t, "text/xhtml");
}

/* A media type, lower case, without parameters, into out. */
static void media_type(const char *v, char *out, size_t cap) {
  size_t k = 0;
  if (v) {
    while (*v == ' ' || *v == '\t')
      v++;
    for (; *v && *v != ';' && *v != ' ' && k + 1 < cap; v++)
      out[k++] = (char)(*v >= 'A' && *v <= 'Z' ? *v + 32 : *v);
  }
  out[k] = '\0';
}

/* A resource record about the crawl, not from the web: wget stores its log and
   its command line as metadata://gnu.org/software/wget/warc/wget.log. */
static int crawler_file(const char *uri) {
  return uri && !strncasecmp(uri, "metadata:", 9);
}

static const pith_record *skip(pith_record *r, const char *reason) {
  r->kind = PITH_RECORD_SKIPPED;
  r->skip_reason = reason;
  r->payload = NULL;
  r->payload_len = 0;
  return r;
}

/* A response or resource record: is its payload a page? */
static pith_status judge_http(pith_archive *a, const warc_record *w, pith_record *r) {
  const char *body = w->block;
  size_t body_len = w->block_len;
  http_response *h = &a->http;
  memset(h, 0, sizeof *h);
  const char *type = NULL;
  if (w->type == WARC_RESPONSE && !http_parse(w->block, w->block_len, h)) {
    r->http_status = h->status;
    if (h->status != 200 && !a->o.all_status) {
      skip(r, "status");
      return PITH_OK;
    }
    body = w->block + h->body;
    body_len = w->block_len - h->body;
    type = h->content_type;
    r->charset = h->charset[0] ? h->charset : NULL;
  } else {
    /* a resource (or a response without HTTP): the record's own type */
    media_type(w->content_type, a->content_type, sizeof a->content_type);
    type = a->content_type;
  }
  if (generic_type(type)) {
    media_type(warc_record_header(w, "WARC-Identified-Payload-Type"), a->content_type,
               sizeof a->content_type);
    if (!generic_type(a->content_type))
      type = a->content_type;
  }
  r->content_type = type[0] ? type : NULL;
  int text = w->type == WARC_RESOURCE && !strcmp(type, "text/plain") &&
             (!r->url || !strncasecmp(r->url, "http", 4));
  if (!html_type(type) && !generic_type(type) && !text && !a->o.all_types) {
    skip(r, "not-html");
    return PITH_OK;
  }
  const char *payload = body; /* no coding: the body where it lies in the block */
  size_t len = body_len;
  int cut = 0;
  http_body_status st = h->chunked || h->ncodings
                            ? http_decode_body(h, body, body_len, a->o.max_record_bytes,
                                               &a->payload, &len, &a->payload_cap, &cut)
                        : body_len > a->o.max_record_bytes ? HTTP_BODY_TOO_LARGE
                                                           : HTTP_BODY_OK;
  if (st == HTTP_BODY_NOMEM)
    return PITH_ERR_NOMEM;
  if (st == HTTP_BODY_TOO_LARGE) {
    skip(r, "too-large");
    return PITH_OK;
  }
  if (a->payload) {
    /* The coded body is spent: while the record waits for its turn in a
     * batch, only the decoded one is held. */
    warc_reader_drop_block(a->w);
    payload = a->payload;
  }
  r->truncated |= cut;
  r->payload = payload;
  r->payload_len = len;
  const char *why;
  sniff_result sn = sniff_html(payload, len, &why);
  if (sn == SNIFF_EMPTY) {
    skip(r, "empty");
  } else if (text) {
    r->kind = PITH_RECORD_TEXT;
  } else if (html_type(type) || sn == SNIFF_HTML) {
    r->kind = PITH_RECORD_HTML;
  } else if (a->o.all_types && sn == SNIFF_NOT_HTML) {
    /* Every payload tried: text without markup is a page flattened to
     * text, as a file is. Binary data, and text that is no page (CSS,
     * JSON, SVG), are no page whatever is tried. */
    r->kind = PITH_RECORD_TEXT;
  } else {
    skip(r, "not-html");
  }
  return PITH_OK;
}

/* What the record w is: a page, or skipped with a reason. */
static pith_status judge(pith_archive *a, const warc_record *w, pith_record *r) {
  switch (w->type) {
  case WARC_WARCINFO:
    skip(r, "warcinfo");
    return PITH_OK;
  case WARC_REQUEST:
    skip(r, "request");
    return PITH_OK;
  case WARC_METADATA:
    skip(r, "metadata");
    return PITH_OK;
  case WARC_REVISIT:
    skip(r, "revisit");
    return PITH_OK;
  case WARC_CONVERSION:
    if (w->skipped || w->block_len > a->o.max_record_bytes) {
      skip(r, "too-large");
    } else {
      r->kind = PITH_RECORD_TEXT;
      r->payload = w->block;
      r->payload_len = w->block_len;
    }
    return PITH_OK;
  case WARC_RESPONSE:
  case WARC_RESOURCE:
    if (w->type == WARC_RESOURCE && crawler_file(w->target_uri)) {
      skip(r, "metadata");
      return PITH_OK;
    }
    if (w->skipped) {
      skip(r, "too-large");
      return PITH_OK;
    }
    return judge_http(a, w, r);
  default:
    skip(r, "other");
    return PITH_OK;
  }
}

pith_status pith_archive_next(pith_archive *a, const pith_record **out) {
  if (!a || !out)
    return PITH_ERR_INVALID;
  *out = NULL;
  a->have_rec = 0;
  if (a->failed)
    return a->failed;
  pool_free(a->payload, a->payload_cap);
  a->payload = NULL;
  warc_record w;
  int rc = warc_reader_next(a->w, &w);
  if (rc == 0)
    return PITH_DONE;
  if (rc < 0) {
    const char *e = warc_reader_error(a->w);
    a->failed = e && !strcmp(e, "out of memory") ? PITH_ERR_NOMEM : PITH_ERR_READ;
    if (!a->err[0])
      snprintf(a->err, sizeof a->err, "%s: %s", a->name, e ? e : "read error");
    return a->failed;
  }
  pith_record *r = &a->rec;
  memset(r, 0, sizeof *r);
  r->url = w.target_uri;
  r->warc_record_id = w.record_id;
  r->warc_date = w.date;
  r->warc_type = w.type_name && *w.type_name ? w.type_name : NULL;
  r->warc_filename = a->filename;
  r->payload_digest = warc_record_header(&w, "WARC-Payload-Digest");
  r->warc_offset = w.offset;
  r->warc_length = w.length;
  r->truncated = w.cut || (w.nheaders && warc_record_header(&w, "WARC-Truncated"));
  *out = r;
  a->have_rec = 1;
  if (w.error) {
    r->kind = PITH_RECORD_ERROR;
    r->error = w.error;
    return PITH_OK;
  }
  if (judge(a, &w, r) != PITH_OK) {
    a->have_rec = 0;
    return PITH_ERR_NOMEM;
  }
  if (w.warning && r->kind != PITH_RECORD_HTML && r->kind != PITH_RECORD_TEXT) {
    /* The file ends inside a record that is no page: named as damaged. */
    r->kind = PITH_RECORD_ERROR;
    r->error = w.warning;
    r->skip_reason = NULL;
  } else {
    r->warning = w.warning; /* a page as far as it goes */
  }
  return PITH_OK;
}

/* ---- extraction ------------------------------------------------------------------- */

pith_status pith_record_extract(const pith_record *rec, const pith_options *opts,
                                pith_result **out) {
  if (!out)
    return PITH_ERR_INVALID;
  *out = NULL;
  if (!rec || (rec->kind != PITH_RECORD_HTML && rec->kind != PITH_RECORD_TEXT))
    return PITH_ERR_INVALID;
  pith_options o;
  if (opts)
    o = *opts;
  else
    pith_options_init(&o);
  if (!o.url)
    o.url = rec->url;
  if (!o.charset)
    o.charset = rec->charset;
  if (!o.warc_record_id)
    o.warc_record_id = rec->warc_record_id;
  if (!o.warc_date)
    o.warc_date = rec->warc_date;
  pith_status st = rec->kind == PITH_RECORD_HTML
                       ? pith_extract(rec->payload, rec->payload_len, &o, out)
                       : pith_extract_text(rec->payload, rec->payload_len, &o, out);
  pith_result *r = *out;
  if (!r)
    return st;
  /* The rest of the provenance, also on failure (an error line names it). */
  article_meta *m = &r->art.meta;
  m->http_status = rec->http_status;
  m->has_warc_offset = 1;
  m->warc_offset = rec->warc_offset;
  m->warc_length = rec->warc_length;
  m->truncated = rec->truncated;
  if (rec->warning && !r->warning &&
      !(r->warning = arena_strndup(&r->mem, rec->warning, strlen(rec->warning))))
    return PITH_ERR_NOMEM;
  if ((rec->warc_filename && !(m->warc_filename = arena_strndup(&r->mem, rec->warc_filename,
                                                                strlen(rec->warc_filename)))) ||
      (rec->payload_digest && !(m->payload_digest = arena_strndup(&r->mem, rec->payload_digest,
                                                                  strlen(rec->payload_digest)))))
    return PITH_ERR_NOMEM;
  return st;
}

/* ---- copies ------------------------------------------------------------------------- */

/* The strings of a record, in the order they are copied. */
#define RECORD_STRINGS(X)                                                                          \
  X(url)                                                                                           \
  X(warc_record_id)                                                                                \
  X(warc_date)                                                                                     \
  X(warc_type) X(warc_filename) X(payload_digest) X(charset) X(content_type) X(error) X(warning)

/* A copy: the record, then the strings (and the payload, unless moved). */
typedef struct {
  pith_record rec;
  char *owned;      /* the payload's buffer (util/pool.h), moved here rather than copied, or NULL */
  size_t owned_cap; /* its size */
  size_t held;      /* the bytes the copy holds (malloc'd sizes) */
} record_copy;

/* A copy of rec, with its payload copied unless move is set (the caller
 * then sets owned). */
static record_copy *copy_record(const pith_record *rec, int move) {
  size_t n = sizeof(record_copy) + (move ? 0 : rec->payload_len + 1);
#define SIZE(f) n += rec->f ? strlen(rec->f) + 1 : 0;
  RECORD_STRINGS(SIZE)
#undef SIZE
  record_copy *c = malloc(n);
  if (!c)
    return NULL;
  c->rec = *rec;
  c->owned = NULL;
  c->owned_cap = 0;
  c->held = n;
  char *p = (char *)(c + 1);
  if (rec->payload && !move) {
    memcpy(p, rec->payload, rec->payload_len);
    p[rec->payload_len] = '\0';
    c->rec.payload = p;
    p += rec->payload_len + 1;
  }
#define COPY(f)                                                                                    \
  if (rec->f) {                                                                                    \
    size_t k = strlen(rec->f) + 1;                                                                 \
    memcpy(p, rec->f, k);                                                                          \
    c->rec.f = p;                                                                                  \
    p += k;                                                                                        \
  }
  RECORD_STRINGS(COPY)
#undef COPY
  return c; /* skip_reason is a static word */
}

pith_record *pith_record_copy(const pith_record *rec) {
  record_copy *c = rec ? copy_record(rec, 0) : NULL;
  return c ? &c->rec : NULL;
}

const pith_record *archive_current(const pith_archive *a) {
  return a && a->have_rec ? &a->rec : NULL;
}

pith_record *archive_take_record(pith_archive *a) {
  const pith_record *r = &a->rec;
  /* The payload is the decoded body, or lies in the record's block. */
  int decoded = r->payload && r->payload == a->payload;
  int in_block = !decoded && warc_reader_in_block(a->w, r->payload);
  record_copy *c = copy_record(r, decoded || in_block);
  if (!c)
    return NULL;
  size_t cap = 0;
  if (decoded) {
    c->owned = a->payload;
    cap = a->payload_cap;
    a->payload = NULL;
  } else if (in_block) {
    c->owned = warc_reader_take_block(a->w, &cap);
  }
  c->owned_cap = cap;
  c->held += cap;
  return &c->rec;
}

size_t archive_record_bytes(const pith_record *rec) {
  return rec ? ((const record_copy *)rec)->held : 0;
}

void pith_record_free(pith_record *rec) {
  if (!rec)
    return;
  record_copy *c = (record_copy *)rec; /* rec is its first member */
  pool_free(c->owned, c->owned_cap);
  free(c);
}
