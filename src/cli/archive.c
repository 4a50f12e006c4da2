/* Crawl archives on the command line: records in, one output each. */
#include "cli/archive.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "input/warc.h"

static int ends_ci(const char *s, size_t n, const char *suffix) {
  size_t m = strlen(suffix);
  return n >= m && !strncasecmp(s + n - m, suffix, m);
}

int archive_name(const char *name) {
  size_t n = strlen(name);
  if (ends_ci(name, n, ".gz") || ends_ci(name, n, ".zst"))
    n -= ends_ci(name, n, ".gz") ? 3 : 4;
  return ends_ci(name, n, ".warc") || ends_ci(name, n, ".wet");
}

int cli_text_name(const char *name) {
  size_t n = strlen(name);
  if (ends_ci(name, n, ".gz"))
    n -= 3;
  return ends_ci(name, n, ".txt");
}

int archive_sniff_path(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  unsigned char head[512];
  size_t n = fread(head, 1, sizeof head, f);
  fclose(f);
  return warc_sniff(head, n);
}

char *archive_output_name(const char *rel, pith_format format) {
  size_t n = strlen(rel);
  if (ends_ci(rel, n, ".gz"))
    n -= 3;
  /* Many records in one file: json lines, or the records one after another. */
  const char *ext = format == PITH_FORMAT_JSON       ? ".jsonl"
                    : format == PITH_FORMAT_MARKDOWN ? ".md"
                    : format == PITH_FORMAT_HTML     ? ".html"
                    : format == PITH_FORMAT_XML      ? ".xml"
                                                     : ".txt";
  char *name = malloc(n + strlen(ext) + 1);
  if (name) {
    memcpy(name, rel, n);
    strcpy(name + n, ext);
  }
  return name;
}

FILE *archive_open_output(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *path = malloc(n);
  if (!path) {
    errno = ENOMEM;
    return NULL;
  }
  snprintf(path, n, "%s/%s", dir, name);
  for (char *p = path + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    int rc = mkdir(path, 0777);
    int e = errno;
    *p = '/';
    if (rc && e != EEXIST) {
      free(path);
      errno = e;
      return NULL;
    }
  }
  FILE *f = fopen(path, "wb");
  int e = errno;
  free(path);
  errno = e;
  return f;
}

typedef struct {
  const archive_options *o;
  const char *name;
  FILE *out;
  pith_sites *sites;
  int failures;
  size_t done;
} run;

static void complain_record(run *r, const pith_record *rec, const char *reason) {
  if (r->o->quiet)
    return;
  fprintf(stderr, "pith: %s: record at byte %llu%s%s%s: %s\n", r->name, rec->warc_offset,
          rec->warc_record_id ? " (" : "", rec->warc_record_id ? rec->warc_record_id : "",
          rec->warc_record_id ? ")" : "", reason);
}

static void options_for(const run *r, const pith_record *rec, pith_options *opts) {
  pith_options_init(opts);
  opts->max_input_bytes = r->o->max_size;
  opts->timeout_ms = r->o->timeout_ms;
  opts->sites = r->sites;
  opts->language = r->o->language;
  /* The HTTP header's charset is the page's declaration; --charset only
   * stands in for a missing one. */
  opts->charset = rec->charset ? rec->charset : r->o->charset;
}

static void extract_record(run *r, const pith_record *rec) {
  pith_options opts;
  options_for(r, rec, &opts);
  pith_result *res = NULL;
  pith_status st = pith_record_extract(rec, &opts, &res);
  /* A record without text is a page without content, not a failure. */
  if (st != PITH_OK && st != PITH_ERR_EMPTY) {
    complain_record(
        r, rec, res && pith_result_error(res) ? pith_result_error(res) : pith_status_string(st));
    r->failures++;
    pith_result_free(res);
    return;
  }
  /* Left out by the language filter: said, no failure. */
  if (st == PITH_OK && pith_result_error(res))
    complain_record(r, rec, pith_result_error(res));
  char *out = NULL;
  size_t out_len = 0;
  st = res ? pith_render(res, r->o->format, r->o->render_flags, &out, &out_len) : PITH_ERR_NOMEM;
  pith_result_free(res);
  if (st != PITH_OK) {
    complain_record(r, rec, pith_status_string(st));
    r->failures++;
    return;
  }
  /* XML: one document for the archive, its records' <article>s inside
   * <articles> (archive_process writes the declaration once). */
  const char *body = out;
  if (r->o->format == PITH_FORMAT_XML && out_len && !strncmp(out, "<?xml", 5)) {
    const char *nl = memchr(out, '\n', out_len);
    if (nl) {
      out_len -= (size_t)(nl + 1 - out);
      body = nl + 1;
    }
  }
  if (out_len && fwrite(body, 1, out_len, r->out) != out_len) {
    if (!r->o->quiet)
      fprintf(stderr, "pith: %s: cannot write the output\n", r->name);
    r->failures++;
  }
  pith_free(out);
  r->done++;
}

static void count_record(run *r, const pith_record *rec) {
  pith_options opts;
  options_for(r, rec, &opts);
  opts.url = rec->url;
  if (pith_sites_add(r->sites, rec->payload, rec->payload_len, &opts) != PITH_OK) {
    /* Out of memory while counting: go on without the site lines. */
    pith_sites_free(r->sites);
    r->sites = NULL;
  }
}

/* An archive read whole into memory (standard input), read again. */
typedef struct {
  const char *data;
  size_t len, pos;
} memory;

static long memory_read(void *ctx, void *buf, size_t n) {
  memory *m = ctx;
  if (n > m->len - m->pos)
    n = m->len - m->pos;
  memcpy(buf, m->data + m->pos, n);
  m->pos += n;
  return (long)n;
}

/* One pass over the archive: counting text lines (count) or extracting. */
static int pass(run *r, const char *path, const char *data, size_t len, int count) {
  pith_archive_options ao;
  pith_archive_options_init(&ao);
  ao.all_status = r->o->all_status;
  ao.all_types = r->o->all_types;
  if (r->o->max_page_bytes)
    ao.max_record_bytes = r->o->max_page_bytes;
  memory m = {data, len, 0};
  pith_archive *a = NULL;
  pith_status st = path ? pith_archive_open(path, &ao, &a)
                        : pith_archive_open_read(memory_read, &m, r->name, &ao, &a);
  if (st != PITH_OK) {
    if (!r->o->quiet && !count)
      fprintf(stderr, "pith: %s\n", a ? pith_archive_error(a) : "out of memory");
    pith_archive_close(a);
    return -1;
  }
  const pith_record *rec;
  while ((st = pith_archive_next(a, &rec)) == PITH_OK) {
    if (count) {
      /* Site lines are for text records (WET); an archive of HTML
       * responses is not read twice for them. */
      if (rec->kind == PITH_RECORD_HTML) {
        pith_sites_free(r->sites);
        r->sites = NULL;
      }
      if (!r->sites)
        break;
      if (rec->kind == PITH_RECORD_TEXT)
        count_record(r, rec);
      continue;
    }
    if (rec->kind == PITH_RECORD_ERROR) {
      complain_record(r, rec, rec->error);
      r->failures++;
    } else if (rec->kind == PITH_RECORD_SKIPPED && !strcmp(rec->skip_reason, "too-large")) {
      /* Skipped and said, no failure: docs/warc.md. */
      char msg[96];
      snprintf(msg, sizeof msg, "skipped: larger than %zu bytes", ao.max_record_bytes);
      complain_record(r, rec, msg);
    } else if (rec->kind == PITH_RECORD_HTML || rec->kind == PITH_RECORD_TEXT) {
      extract_record(r, rec);
    }
  }
  if (st != PITH_DONE && !count) {
    if (!r->o->quiet)
      fprintf(stderr, "pith: %s\n", pith_archive_error(a));
    r->failures++;
  }
  pith_archive_close(a);
  return st != PITH_DONE ? -1 : 0;
}

int archive_process(const archive_options *o, const char *path, const char *data, size_t len,
                    const char *name, FILE *out) {
  run r = {o, name, out, NULL, 0, 0};
  if (o->site_dedup) {
    r.sites = pith_sites_new();
    if (r.sites && pass(&r, path, data, len, 1)) {
      pith_sites_free(r.sites);
      r.sites = NULL;
    }
  }
  int wrap = o->format == PITH_FORMAT_XML && !o->in_xml_stream;
  if (wrap)
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<articles>\n", out);
  pass(&r, path, data, len, 0);
  if (wrap)
    fputs("</articles>\n", out);
  pith_sites_free(r.sites);
  return r.failures;
}
