/* The public API: bytes in, through charset, parser and extractor, to a
 * result that renders in any format. */
#include "pith.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"
#include "html/dom_dump.h"
#include "html/html.h"
#include "input/charset.h"
#include "input/read.h"
#include "input/sniff.h"
#include "meta/lang.h"
#include "meta/meta.h"
#include "render/render.h"
#include "result.h"
#include "text/text.h"
#include "util/deadline.h"

const char *pith_version(void) {
  return PITH_VERSION;
}

const char *pith_status_string(pith_status status) {
  switch (status) {
  case PITH_OK:
    return "ok";
  case PITH_ERR_NOMEM:
    return "out of memory";
  case PITH_ERR_INVALID:
    return "invalid argument";
  case PITH_ERR_EMPTY:
    return "empty input";
  case PITH_ERR_NOT_HTML:
    return "not HTML";
  case PITH_ERR_TOO_LARGE:
    return "input too large";
  case PITH_DONE:
    return "no more records";
  case PITH_ERR_READ:
    return "read error";
  case PITH_ERR_TIMEOUT:
    return "over the time budget";
  }
  return "unknown status";
}

enum { DEFAULT_MAX_TEXT_LINES = 1000000 };

void pith_options_init(pith_options *opts) {
  memset(opts, 0, sizeof *opts);
  opts->max_input_bytes = (size_t)64 << 20;
  opts->max_nodes = 4000000;
  opts->max_depth = 256;
  opts->max_attributes = 1024;
  opts->max_attribute_bytes = (size_t)1 << 20;
  opts->max_text_lines = DEFAULT_MAX_TEXT_LINES;
  opts->metadata = 1;
}

static pith_status fail(pith_result *r, pith_status st, const char *msg) {
  r->error = arena_strndup(&r->mem, msg, strlen(msg));
  if (!r->error)
    r->error = pith_status_string(st);
  return st;
}

/* The page's address and archive provenance, copied into the result. */
static int set_provenance(pith_result *r, const pith_options *opts) {
  arena *m = &r->mem;
  return (opts->url && !(r->art.url = arena_strndup(m, opts->url, strlen(opts->url)))) ||
         (opts->source_file && !(r->art.meta.source_file = arena_strndup(
                                     m, opts->source_file, strlen(opts->source_file)))) ||
         (opts->warc_record_id && !(r->art.meta.warc_record_id = arena_strndup(
                                        m, opts->warc_record_id, strlen(opts->warc_record_id)))) ||
         (opts->warc_date &&
          !(r->art.meta.warc_date = arena_strndup(m, opts->warc_date, strlen(opts->warc_date))));
}

/* pith_options.charset names a charset pith knows, or is NULL or "". */
static pith_status check_charset(pith_result *r, const char *charset) {
  if (!charset || !*charset || pith_charset_known(charset))
    return PITH_OK;
  char msg[160];
  snprintf(msg, sizeof msg, "unknown charset \"%.64s\"", charset);
  return fail(r, PITH_ERR_INVALID, msg);
}

/* What both entry points do first: check the arguments, make the result
 * (*result, also on failure), copy the provenance, apply the size limit.
 * *opts is replaced by the defaults when NULL (defaults is their storage). */
static pith_status begin(const void *data, size_t len, const pith_options **opts,
                         pith_options *defaults, pith_result **result) {
  if (!result)
    return PITH_ERR_INVALID;
  *result = NULL;
  if (!*opts) {
    pith_options_init(defaults);
    *opts = defaults;
  }
  pith_result *r = calloc(1, sizeof *r);
  if (!r)
    return PITH_ERR_NOMEM;
  arena_init(&r->mem);
  *result = r;
  if (!data && len)
    return fail(r, PITH_ERR_INVALID, "no input data");
  if (set_provenance(r, *opts))
    return fail(r, PITH_ERR_NOMEM, "out of memory");
  if ((*opts)->max_input_bytes && len > (*opts)->max_input_bytes) {
    char msg[96];
    snprintf(msg, sizeof msg, "larger than %zu bytes", (*opts)->max_input_bytes);
    return fail(r, PITH_ERR_TOO_LARGE, msg);
  }
  return check_charset(r, (*opts)->charset);
}

/* gzip bytes are inflated here, so that every caller reads .gz pages as the
 * CLI does; max_input_bytes bounds the inflated size, which stops a gzip
 * bomb after max_input_bytes of output. On PITH_OK *data and *len are the
 * page's bytes, in *inflated (to free) when they were gzip; a stream cut
 * short keeps what came before the cut and sets *truncated. Otherwise the
 * status, and the reason in err. */
static pith_status gunzip_bytes(const pith_options *opts, const void **data, size_t *len,
                                char **inflated, int *truncated, char *err, size_t err_cap) {
  *inflated = NULL;
  *truncated = 0;
  if (!pith_read_is_gzip(*data, *len))
    return PITH_OK;
  size_t n = 0;
  if (pith_read_buffer(*data, *len, opts->max_input_bytes, inflated, &n, truncated, err, err_cap)) {
    if (!strncmp(err, "larger", 6))
      return PITH_ERR_TOO_LARGE;
    return strcmp(err, "out of memory") ? PITH_ERR_NOT_HTML : PITH_ERR_NOMEM;
  }
  *data = *inflated;
  *len = n;
  return PITH_OK;
}

/* gunzip_bytes for an extraction: the failure's reason, or the warning of
 * a cut, in the result. */
static pith_status gunzip_input(pith_result *r, const pith_options *opts, const void **data,
                                size_t *len, char **inflated) {
  char err[96];
  int truncated = 0;
  pith_status st = gunzip_bytes(opts, data, len, inflated, &truncated, err, sizeof err);
  if (st != PITH_OK)
    return fail(r, st, err);
  if (truncated &&
      !(r->warning = arena_strndup(&r->mem, PITH_TRUNCATED_GZIP, strlen(PITH_TRUNCATED_GZIP))))
    return fail(r, PITH_ERR_NOMEM, "out of memory");
  r->art.meta.truncated |= truncated; /* json: "truncated":true, as a cut WARC record */
  return PITH_OK;
}

/* The language of the article's text (its first 16 KB, and the title):
 * the detector's answer when it is at least half sure, with its confidence
 * (text mode, where nothing is declared). -1 when out of memory. */
static int text_language(pith_result *r) {
  article *a = &r->art;
  buf b;
  buf_init(&b);
  for (const article_block *bl = a->first; bl && b.len < 16384; bl = bl->next) {
    buf_append(&b, bl->text, bl->len);
    buf_putc(&b, '\n');
  }
  if (a->title)
    buf_puts(&b, a->title);
  if (b.oom) {
    buf_free(&b);
    return -1;
  }
  float conf = 0;
  const char *lang = b.data ? lang_detect(b.data, b.len, &conf) : NULL;
  buf_free(&b);
  if (lang && conf >= 0.5f) {
    a->meta.language = lang;
    a->meta.language_confidence = conf;
  }
  return 0;
}

/* Is data a page at all: HTML (sniffed), or for text mode text (not
 * binary)? PITH_OK or the failure, with its message in r. */
static pith_status check_page(pith_result *r, const char *data, size_t len, int text_mode) {
  const char *why = NULL;
  if (text_mode) {
    size_t i = 0;
    while (i < len && strchr(" \n\r\t\f", data[i]) && data[i])
      i++;
    if (i == len)
      return fail(r, PITH_ERR_EMPTY, len ? "only white space, no text" : "empty input");
    if (text_is_binary(data, len))
      return fail(r, PITH_ERR_NOT_HTML, "binary data, not text");
    return PITH_OK;
  }
  switch (sniff_html(data, len, &why)) {
  case SNIFF_EMPTY:
    return fail(r, PITH_ERR_EMPTY, why);
  case SNIFF_NOT_HTML:
  case SNIFF_NOT_PAGE:
  case SNIFF_BINARY:
    return fail(r, PITH_ERR_NOT_HTML, why);
  case SNIFF_HTML:
    break;
  }
  return PITH_OK;
}

/* The page's bytes as UTF-8 (*utf8, utf8_len bytes), inflated first when
 * gzip, after check_page; *to_free is what the caller frees when done with
 * them. For the HTML parser, which reads utf8[0..len) and needs no NUL
 * after it, bytes that are UTF-8 already are read where they are (the
 * input, or the inflated copy) instead of copied; text mode gets a
 * NUL-terminated copy. */
static pith_status page_utf8(pith_result *r, const pith_options *opts, const void *data, size_t len,
                             int text_mode, const char **utf8, size_t *utf8_len, char **to_free) {
  char *inflated = NULL;
  *to_free = NULL;
  pith_status st = gunzip_input(r, opts, &data, &len, &inflated);
  if (st == PITH_OK)
    st = check_page(r, data, len, text_mode);
  char used[32];
  int borrowed = 0;
  if (st == PITH_OK && pith_charset_view_utf8(data, len, opts->charset, utf8, utf8_len,
                                              text_mode ? NULL : &borrowed, used, sizeof used))
    st = fail(r, PITH_ERR_NOMEM, "out of memory");
  if (st == PITH_OK && borrowed) {
    *to_free = inflated;
    return st;
  }
  free(inflated);
  if (st == PITH_OK)
    *to_free = (char *)(uintptr_t)*utf8;
  return st;
}

/* Empties the article a failed stage left half written; the provenance
 * stays. */
static void drop_article(pith_result *r) {
  article_meta kept = {0};
  kept.language_confidence = -1;
  kept.source_file = r->art.meta.source_file;
  kept.warc_record_id = r->art.meta.warc_record_id;
  kept.warc_date = r->art.meta.warc_date;
  const char *url = r->art.url;
  memset(&r->art, 0, sizeof r->art);
  r->art.url = url;
  r->art.meta = kept;
}

/* pith_options.language: a page in another language keeps its address,
 * provenance and language only, and says why. Returns -1 when out of
 * memory. */
static int keep_language(pith_result *r, const pith_options *opts) {
  const char *want = opts->language;
  if (!want || !*want)
    return 0;
  article *a = &r->art;
  const char *lang = a->meta.language;
  if (!lang) {
    /* Title-only runs name no language: the text's own. */
    if (text_language(r))
      return -1;
    lang = a->meta.language;
  }
  size_t k = strcspn(want, "-_"), n = lang ? strcspn(lang, "-_") : 0;
  if (lang && k == n && !strncasecmp(lang, want, k)) {
    a->meta.language = lang;
    return 0;
  }
  char msg[128];
  if (lang)
    snprintf(msg, sizeof msg, "left out: the page is in %s, not %.*s", lang, (int)k, want);
  else
    snprintf(msg, sizeof msg, "left out: the page's language is not recognised (not %.*s)", (int)k,
             want);
  float confidence = lang ? a->meta.language_confidence : -1;
  drop_article(r);
  a->meta.language = lang;
  a->meta.language_confidence = confidence;
  r->error = arena_strndup(&r->mem, msg, strlen(msg));
  return r->error ? 0 : -1;
}

/* A page that used up its time budget (the stage it was in said so, or it
 * ran out between stages). */
static pith_status over_budget(pith_result *r, const pith_options *opts) {
  char msg[96];
  snprintf(msg, sizeof msg, "over the time budget of %u ms", opts->timeout_ms);
  return fail(r, PITH_ERR_TIMEOUT, msg);
}

pith_status pith_extract(const void *data, size_t len, const pith_options *opts,
                         pith_result **result) {
  pith_options defaults;
  pith_status begun = begin(data, len, &opts, &defaults, result);
  if (begun != PITH_OK)
    return begun;
  deadline dl;
  deadline_start(&dl, opts->timeout_ms);
  pith_result *r = *result;
  const char *utf8 = NULL;
  char *utf8_mem = NULL;
  size_t utf8_len = 0;
  pith_status st = page_utf8(r, opts, data, len, 0, &utf8, &utf8_len, &utf8_mem);
  if (st != PITH_OK)
    return st;
  char err[128] = "";
  arena dom_mem;
  arena_init(&dom_mem);
  dom_doc doc;
  html_limits lim = {opts->max_nodes,      opts->max_depth,           0,
                     opts->max_attributes, opts->max_attribute_bytes, &dl};
  if (html_parse(utf8, utf8_len, &lim, &dom_mem, &doc, err, sizeof err) ||
      extract_article(&doc, &r->mem, &r->art, err, sizeof err) ||
      (opts->metadata || (opts->language && *opts->language)
           ? meta_extract(&doc, 0, &r->mem, &r->art, err, sizeof err)
           : meta_extract_title(&doc, &r->mem, &r->art, err, sizeof err)))
    st = fail(r, dl.expired ? PITH_ERR_TIMEOUT : PITH_ERR_NOMEM, err);
  else if (deadline_over(&dl))
    st = over_budget(r, opts);
  else if (keep_language(r, opts))
    st = fail(r, PITH_ERR_NOMEM, "out of memory");
  if (st == PITH_ERR_TIMEOUT)
    drop_article(r); /* what a stage had written so far is not the page's */
  arena_free(&dom_mem);
  free(utf8_mem);
  return st;
}

pith_status pith_dump_dom(const void *data, size_t len, const pith_options *opts, char **out,
                          size_t *len_out) {
  if (!out || !len_out || (!data && len))
    return PITH_ERR_INVALID;
  *out = NULL;
  *len_out = 0;
  pith_options defaults;
  if (!opts) {
    pith_options_init(&defaults);
    opts = &defaults;
  }
  if (opts->max_input_bytes && len > opts->max_input_bytes)
    return PITH_ERR_TOO_LARGE;
  if (opts->charset && *opts->charset && !pith_charset_known(opts->charset))
    return PITH_ERR_INVALID;
  /* gzip as pith_extract reads it (what came before a cut included). */
  char err[128];
  char *inflated = NULL;
  int truncated = 0;
  pith_status st = gunzip_bytes(opts, &data, &len, &inflated, &truncated, err, sizeof err);
  if (st != PITH_OK)
    return st;
  char *utf8 = NULL;
  size_t utf8_len = 0;
  char used[32];
  int failed = pith_charset_to_utf8(data, len, opts->charset, &utf8, &utf8_len, used, sizeof used);
  free(inflated);
  if (failed)
    return PITH_ERR_NOMEM;
  arena mem;
  arena_init(&mem);
  dom_doc doc;
  html_limits lim = {
      .max_nodes = opts->max_nodes, .max_depth = opts->max_depth, .flags = HTML_KEEP_ALL};
  buf b;
  buf_init(&b);
  if (html_parse(utf8, utf8_len, &lim, &mem, &doc, err, sizeof err) || dom_dump(&doc, &b))
    st = PITH_ERR_NOMEM;
  arena_free(&mem);
  free(utf8);
  if (st == PITH_OK && !(*out = buf_detach(&b, len_out)))
    st = PITH_ERR_NOMEM;
  buf_free(&b);
  return st;
}

/* Text mode: the same checks and charset conversion, then the lines. */
pith_status pith_extract_text(const void *data, size_t len, const pith_options *opts,
                              pith_result **result) {
  pith_options defaults;
  pith_status begun = begin(data, len, &opts, &defaults, result);
  if (begun != PITH_OK)
    return begun;
  pith_result *r = *result;
  deadline dl;
  deadline_start(&dl, opts->timeout_ms);
  const char *utf8 = NULL;
  char *utf8_mem = NULL;
  size_t utf8_len = 0;
  pith_status st = page_utf8(r, opts, data, len, 1, &utf8, &utf8_len, &utf8_mem);
  if (st != PITH_OK)
    return st;
  char err[128] = "";
  text_limits lim = {opts->max_text_lines, &dl};
  if (text_extract(utf8, utf8_len, opts->sites, opts->url, &lim, &r->mem, &r->art, err, sizeof err))
    st = fail(r, dl.expired ? PITH_ERR_TIMEOUT : PITH_ERR_NOMEM, err);
  else if (deadline_over(&dl))
    st = over_budget(r, opts);
  else if ((!r->art.meta.language && text_language(r)) || keep_language(r, opts))
    st = fail(r, PITH_ERR_NOMEM, "out of memory");
  free(utf8_mem);
  return st;
}

pith_sites *pith_sites_new(void) {
  return text_sites_new(0);
}

pith_status pith_sites_add(pith_sites *sites, const void *data, size_t len,
                           const pith_options *opts) {
  if (!sites || (!data && len))
    return PITH_ERR_INVALID;
  pith_options defaults;
  if (!opts) {
    pith_options_init(&defaults);
    opts = &defaults;
  }
  if (opts->charset && *opts->charset && !pith_charset_known(opts->charset))
    return PITH_ERR_INVALID;
  /* gzip as pith_extract_text reads it; a page it would refuse counts nothing. */
  char *inflated = NULL, err[128];
  int truncated = 0;
  pith_status st = gunzip_bytes(opts, &data, &len, &inflated, &truncated, err, sizeof err);
  if (st != PITH_OK)
    return st == PITH_ERR_NOMEM ? st : PITH_OK;
  char *utf8 = NULL;
  size_t utf8_len = 0;
  char used[32];
  int rc = 0;
  if (len && !text_is_binary(data, len)) {
    rc = pith_charset_to_utf8(data, len, opts->charset, &utf8, &utf8_len, used, sizeof used) ||
         text_sites_add(sites, text_site_of(opts->url), utf8, utf8_len, opts->max_text_lines);
  }
  free(utf8);
  free(inflated);
  return rc ? PITH_ERR_NOMEM : PITH_OK;
}

void pith_sites_free(pith_sites *sites) {
  text_sites_free(sites);
}

const char *pith_result_error(const pith_result *r) {
  return r ? r->error : NULL;
}
const char *pith_result_warning(const pith_result *r) {
  return r ? r->warning : NULL;
}
const char *pith_result_url(const pith_result *r) {
  return r ? r->art.url : NULL;
}
const char *pith_result_title(const pith_result *r) {
  return r ? r->art.title : NULL;
}
size_t pith_result_block_count(const pith_result *r) {
  return r ? r->art.blocks : 0;
}

const char *pith_result_text(const pith_result *r) {
  if (!r)
    return NULL;
  if (!r->text) {
    buf b;
    buf_init(&b);
    render_body_text(&r->art, 1, &b);
    /* Cached in the result's own arena: the result is logically const. */
    pith_result *m = (pith_result *)r;
    m->text = b.oom ? NULL : arena_strndup(&m->mem, b.data ? b.data : "", b.len);
    buf_free(&b);
  }
  return r->text;
}

int pith_format_from_name(const char *name) {
  if (!name)
    return -1;
  if (!strcasecmp(name, "text") || !strcasecmp(name, "txt"))
    return PITH_FORMAT_TEXT;
  if (!strcasecmp(name, "json") || !strcasecmp(name, "jsonl"))
    return PITH_FORMAT_JSON;
  if (!strcasecmp(name, "markdown") || !strcasecmp(name, "md"))
    return PITH_FORMAT_MARKDOWN;
  if (!strcasecmp(name, "html"))
    return PITH_FORMAT_HTML;
  if (!strcasecmp(name, "xml"))
    return PITH_FORMAT_XML;
  return -1;
}

pith_status pith_render(const pith_result *r, pith_format format, unsigned flags, char **out,
                        size_t *len) {
  if (!r || !out)
    return PITH_ERR_INVALID;
  *out = NULL;
  buf b;
  buf_init(&b);
  render_opts o = {
      .title = !(flags & PITH_RENDER_NO_TITLE),
      .links = !(flags & PITH_RENDER_NO_LINKS),
      .images = (flags & PITH_RENDER_IMAGES) != 0,
      .tables = !(flags & PITH_RENDER_NO_TABLES),
      .formatting = (flags & PITH_RENDER_FORMATTING) != 0,
      .comments = (flags & PITH_RENDER_COMMENTS) != 0,
      .fragment = (flags & PITH_RENDER_FRAGMENT) != 0,
      .json_markdown = (flags & PITH_RENDER_MARKDOWN) != 0,
      .json_tree = (flags & PITH_RENDER_TREE) != 0,
  };
  switch (format) {
  case PITH_FORMAT_TEXT:
    render_text(&r->art, &o, &b);
    break;
  case PITH_FORMAT_JSON:
    render_json(&r->art, &o, &b);
    break;
  case PITH_FORMAT_MARKDOWN:
    render_markdown(&r->art, &o, &b);
    break;
  case PITH_FORMAT_HTML:
    render_html(&r->art, &o, &b);
    break;
  case PITH_FORMAT_XML:
    render_xml(&r->art, &o, &b);
    break;
  default:
    return PITH_ERR_INVALID;
  }
  size_t n = 0;
  char *p = buf_detach(&b, &n);
  if (!p)
    return PITH_ERR_NOMEM;
  *out = p;
  if (len)
    *len = n;
  return PITH_OK;
}

void pith_result_free(pith_result *r) {
  if (!r)
    return;
  arena_free(&r->mem);
  free(r);
}

void pith_free(void *p) {
  free(p);
}
