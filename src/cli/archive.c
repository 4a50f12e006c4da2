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
  if (ends_ci(name, n, ".gz"))
    n -= 3;
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
  size_t done, html_skipped;
} run;

static void complain_record(run *r, const warc_record *rec, const char *reason) {
  if (r->o->quiet)
    return;
  fprintf(stderr, "pith: %s: record %s: %s\n", r->name,
          rec->record_id ? rec->record_id : "(no WARC-Record-ID)", reason);
}

/* Is this record text for text mode? HTML responses wait for the
 * crawl-scale work (counted, to say so when nothing else was there). */
static int text_record(run *r, const warc_record *rec) {
  const char *ct = rec->content_type ? rec->content_type : "";
  if (rec->type == WARC_CONVERSION)
    return 1;
  /* a text file fetched from the web (not a crawler's own log: "metadata://") */
  if (rec->type == WARC_RESOURCE && !strncasecmp(ct, "text/plain", 10) &&
      (!rec->target_uri || !strncasecmp(rec->target_uri, "http", 4)))
    return 1;
  if (rec->type == WARC_RESPONSE || rec->type == WARC_RESOURCE)
    r->html_skipped++;
  return 0;
}

/* The charset parameter of a Content-Type, into buf. */
static const char *charset_of(const char *ct, char *buf, size_t cap) {
  if (!ct)
    return NULL;
  const char *p = ct;
  while (*p && strncasecmp(p, "charset=", 8))
    p++;
  if (!*p)
    return NULL;
  p += 8;
  if (*p == '"')
    p++;
  size_t n = 0;
  while (p[n] && p[n] != ';' && p[n] != '"' && p[n] != ' ' && n + 1 < cap)
    n++;
  memcpy(buf, p, n);
  buf[n] = '\0';
  return n ? buf : NULL;
}

static void options_for(const run *r, const warc_record *rec, pith_options *opts, char *cs,
                        size_t cs_cap) {
  pith_options_init(opts);
  opts->url = rec->target_uri;
  opts->warc_record_id = rec->record_id;
  opts->warc_date = rec->date;
  opts->max_input_bytes = r->o->max_size;
  opts->timeout_ms = r->o->timeout_ms;
  opts->sites = r->sites;
  opts->language = r->o->language;
  const char *c = charset_of(rec->content_type, cs, cs_cap);
  opts->charset = c ? c : r->o->charset;
}

static void extract_record(run *r, const warc_record *rec) {
  pith_options opts;
  char cs[64];
  options_for(r, rec, &opts, cs, sizeof cs);
  pith_result *res = NULL;
  pith_status st = pith_extract_text(rec->block, rec->block_len, &opts, &res);
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

static void count_record(run *r, const warc_record *rec) {
  pith_options opts;
  char cs[64];
  options_for(r, rec, &opts, cs, sizeof cs);
  if (pith_sites_add(r->sites, rec->block, rec->block_len, &opts) != PITH_OK) {
    /* Out of memory while counting: go on without the site lines. */
    pith_sites_free(r->sites);
    r->sites = NULL;
  }
}

/* One pass over the archive: counting lines (count) or extracting. */
static int pass(run *r, const char *path, const char *data, size_t len, int count) {
  FILE *f = NULL;
  if (path) {
    f = fopen(path, "rb");
    if (!f) {
      if (!r->o->quiet)
        fprintf(stderr, "pith: %s: %s\n", r->name, strerror(errno));
      return -1;
    }
  }
  warc_reader *w = warc_reader_new(f, path ? NULL : data, path ? 0 : len, r->o->max_size);
  if (!w) {
    if (f)
      fclose(f);
    if (!r->o->quiet)
      fprintf(stderr, "pith: %s: out of memory\n", r->name);
    return -1;
  }
  warc_record rec;
  int rc;
  while ((rc = warc_reader_next(w, &rec)) == 1) {
    if (count && !r->sites)
      break;
    if (!text_record(r, &rec))
      continue;
    if (rec.skipped) {
      if (!count) {
        char msg[96];
        snprintf(msg, sizeof msg, "larger than %zu bytes", r->o->max_size);
        complain_record(r, &rec, msg);
        r->failures++;
      }
      continue;
    }
    if (count)
      count_record(r, &rec);
    else
      extract_record(r, &rec);
  }
  if (rc < 0 && !count) {
    if (!r->o->quiet)
      fprintf(stderr, "pith: %s: %s\n", r->name, warc_reader_error(w));
    r->failures++;
  }
  warc_reader_free(w);
  if (f)
    fclose(f);
  return rc < 0 ? -1 : 0;
}

int archive_process(const archive_options *o, const char *path, const char *data, size_t len,
                    const char *name, FILE *out) {
  run r = {o, name, out, NULL, 0, 0, 0};
  if (o->site_dedup) {
    r.sites = pith_sites_new();
    if (r.sites && pass(&r, path, data, len, 1)) {
      pith_sites_free(r.sites);
      r.sites = NULL;
    }
    r.html_skipped = 0;
  }
  int wrap = o->format == PITH_FORMAT_XML && !o->in_xml_stream;
  if (wrap)
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<articles>\n", out);
  /* Pages pith could not read are a failure, even among others. */
  int passed = pass(&r, path, data, len, 0);
  if (wrap)
    fputs("</articles>\n", out);
  if (passed == 0 && r.html_skipped) {
    if (!o->quiet)
      fprintf(stderr,
              "pith: %s: %zu HTML records skipped (HTML in WARC files is not supported yet; WET "
              "files are)\n",
              name, r.html_skipped);
    r.failures++;
  }
  pith_sites_free(r.sites);
  return r.failures;
}
