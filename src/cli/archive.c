/* Crawl archives on the command line: records in, one output each. */
#include "cli/archive.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/output.h"
#include "input/warc.h"

int archive_name(const char *name) {
  size_t n = strlen(name);
  if (cli_ends_with(name, n, ".gz"))
    n -= 3;
  return cli_ends_with(name, n, ".warc") || cli_ends_with(name, n, ".wet");
}

int cli_text_name(const char *name) {
  size_t n = strlen(name);
  if (cli_ends_with(name, n, ".gz"))
    n -= 3;
  return cli_ends_with(name, n, ".txt");
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
  if (cli_ends_with(rel, n, ".gz"))
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
  FILE *f = output_make_parents(path) ? NULL : fopen(path, "wb");
  int e = errno;
  free(path);
  errno = e;
  return f;
}

/* Is this record text for text mode? NULL if so, else why it is left out
 * (*html set for the HTML responses the crawl-scale work will read). */
static const char *skip_reason(const warc_record *rec, int *html) {
  const char *ct = rec->content_type ? rec->content_type : "";
  *html = 0;
  switch (rec->type) {
  case WARC_CONVERSION:
    return NULL;
  case WARC_RESOURCE:
    /* a text file fetched from the web (not a crawler's own log: "metadata://") */
    if (!strncasecmp(ct, "text/plain", 10) &&
        (!rec->target_uri || !strncasecmp(rec->target_uri, "http", 4)))
      return NULL;
    *html = 1;
    return "not-text";
  case WARC_RESPONSE:
    *html = 1;
    return "not-text";
  case WARC_WARCINFO:
    return "warcinfo";
  case WARC_REQUEST:
    return "request";
  case WARC_METADATA:
    return "metadata";
  case WARC_REVISIT:
    return "revisit";
  default:
    return "other";
  }
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

static void options_for(const cli *c, const warc_record *rec, pith_sites *sites, pith_options *opts,
                        char *cs, size_t cs_cap) {
  pith_options_init(opts);
  opts->url = rec->target_uri;
  opts->warc_record_id = rec->record_id;
  opts->warc_date = rec->date;
  opts->max_input_bytes = c->max_size;
  opts->sites = sites;
  opts->language = c->language;
  opts->metadata = c->format == PITH_FORMAT_JSON || c->format == PITH_FORMAT_XML;
  const char *cset = charset_of(rec->content_type, cs, cs_cap);
  opts->charset = cset ? cset : c->charset;
}

/* 1 if the record holds only white space: a page without text. */
static int blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n' && s[i] != '\f')
      return 0;
  return 1;
}

/* Hands one record to the batch (or, when counting, to the site counter). */
static void submit_record(cli *c, const char *name, const warc_record *rec, pith_sites *sites,
                          int count, size_t *html_skipped) {
  int html;
  const char *skip = skip_reason(rec, &html);
  if (count) {
    if (!skip && !rec->skipped) {
      pith_options opts;
      char cs[64];
      options_for(c, rec, NULL, &opts, cs, sizeof cs);
      pith_sites_add(sites, rec->block, rec->block_len, &opts);
    }
    return;
  }
  *html_skipped += (size_t)html;
  item_info *in =
      item_info_new(ITEM_RECORD, name, NULL, NULL, rec->target_uri, rec->record_id, rec->date);
  pith_status st = PITH_ERR_NOMEM;
  if (!skip && !rec->skipped && blank(rec->block, rec->block_len))
    skip = "empty";
  if (in && (skip || rec->skipped)) {
    st = pith_batch_add_skip(c->batch, skip ? skip : "too-large", in);
  } else if (in) {
    pith_options opts;
    char cs[64];
    options_for(c, rec, sites, &opts, cs, sizeof cs);
    st = pith_batch_add(c->batch, rec->block, rec->block_len, PITH_BATCH_TEXT, &opts, in);
  }
  if (st != PITH_OK) {
    free(in);
    cli_complain(c, name, pith_status_string(st));
    c->failures++;
  }
}

/* One pass over the archive: counting its lines into sites (count) or
 * submitting its records. */
static void pass(cli *c, const char *path, const char *data, size_t len, const char *name,
                 pith_sites *sites, int count, size_t *html_skipped) {
  FILE *f = NULL;
  if (path && !(f = fopen(path, "rb"))) {
    if (!count)
      output_submit_failure(c, ITEM_RECORD, name, NULL, strerror(errno));
    return;
  }
  warc_reader *w = warc_reader_new(f, path ? NULL : data, path ? 0 : len, c->max_size);
  warc_record rec;
  int rc = w ? 0 : -1;
  while (w && (rc = warc_reader_next(w, &rec)) == 1)
    submit_record(c, name, &rec, sites, count, html_skipped);
  if (rc < 0 && !count)
    output_submit_failure(c, ITEM_RECORD, name, NULL, w ? warc_reader_error(w) : "out of memory");
  warc_reader_free(w);
  if (f)
    fclose(f);
}

void archive_submit(cli *c, const char *path, const char *rel, const char *name, const char *data,
                    size_t len, unsigned long long disk_bytes) {
  if (c->collect)
    return; /* an archive counts its own lines */
  pith_sites *sites = NULL;
  size_t html_skipped = 0;
  if (c->site_dedup != 0 && (sites = pith_sites_new()))
    pass(c, path, data, len, name, sites, 1, &html_skipped);
  item_info *begin = item_info_new(ITEM_ARCHIVE_BEGIN, name, rel, NULL, NULL, NULL, NULL);
  item_info *end = item_info_new(ITEM_ARCHIVE_END, name, rel, NULL, NULL, NULL, NULL);
  if (!begin || !end || pith_batch_add_marker(c->batch, begin)) {
    free(begin), free(end);
    pith_sites_free(sites);
    cli_complain(c, name, "out of memory");
    c->failures++;
    return;
  }
  pass(c, path, data, len, name, sites, 0, &html_skipped);
  /* The end marker frees the counter once the archive's records are all
   * extracted. */
  end->sites = sites;
  end->html_skipped = html_skipped;
  end->disk_bytes = disk_bytes;
  if (pith_batch_add_marker(c->batch, end)) {
    pith_batch_finish(c->batch);
    pith_sites_free(sites);
    free(end);
  }
}
