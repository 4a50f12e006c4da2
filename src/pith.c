/* The public API: bytes in, through charset, parser and extractor, to a
 * result that renders in any format. */
#include "pith.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"
#include "html/html.h"
#include "input/charset.h"
#include "input/sniff.h"
#include "meta/lang.h"
#include "meta/meta.h"
#include "render/render.h"
#include "result.h"
#include "text/text.h"

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
    return "cannot read the input";
  }
  return "unknown status";
}

void pith_options_init(pith_options *opts) {
  memset(opts, 0, sizeof *opts);
  opts->max_input_bytes = (size_t)64 << 20;
  opts->max_nodes = 4000000;
  opts->max_depth = 256;
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
         (opts->warc_record_id && !(r->art.meta.warc_record_id = arena_strndup(
                                        m, opts->warc_record_id, strlen(opts->warc_record_id)))) ||
         (opts->warc_date &&
          !(r->art.meta.warc_date = arena_strndup(m, opts->warc_date, strlen(opts->warc_date)))) ||
         (opts->source &&
          !(r->art.meta.source_path = arena_strndup(m, opts->source, strlen(opts->source))));
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
    snprintf(msg, sizeof msg, "larger than the limit of %zu bytes", (*opts)->max_input_bytes);
    return fail(r, PITH_ERR_TOO_LARGE, msg);
  }
  return PITH_OK;
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
    /* Text mode and title-only runs name no language: the text's own. */
    buf b;
    buf_init(&b);
    for (const article_block *bl = a->first; bl && b.len < 16384; bl = bl->next) {
      buf_append(&b, bl->text, bl->len);
      buf_putc(&b, '\n');
    }
    if (a->title)
      buf_puts(&b, a->title);
    float conf = 0;
    lang = b.data && !b.oom ? lang_detect(b.data, b.len, &conf) : NULL;
    if (lang && conf < 0.5f)
      lang = NULL;
    buf_free(&b);
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
  article_meta kept = {0};
  kept.language = lang;
  kept.warc_record_id = a->meta.warc_record_id;
  kept.warc_date = a->meta.warc_date;
  kept.source_path = a->meta.source_path;
  const char *url = a->url;
  memset(a, 0, sizeof *a);
  a->url = url;
  a->meta = kept;
  r->error = arena_strndup(&r->mem, msg, strlen(msg));
  return r->error ? 0 : -1;
}

pith_status pith_extract(const void *data, size_t len, const pith_options *opts,
                         pith_result **result) {
  pith_options defaults;
  pith_status begun = begin(data, len, &opts, &defaults, result);
  if (begun != PITH_OK)
    return begun;
  pith_result *r = *result;
  const char *why = NULL;
  switch (sniff_html(data, len, &why)) {
  case SNIFF_EMPTY:
    return fail(r, PITH_ERR_EMPTY, why);
  case SNIFF_NOT_HTML:
    return fail(r, PITH_ERR_NOT_HTML, why);
  case SNIFF_HTML:
    break;
  }

  char *utf8 = NULL;
  size_t utf8_len = 0;
  char used[32];
  if (pith_charset_to_utf8(data, len, opts->charset, &utf8, &utf8_len, used, sizeof used))
    return fail(r, PITH_ERR_NOMEM, "out of memory");

  char err[128] = "";
  arena dom_mem;
  arena_init(&dom_mem);
  dom_doc doc;
  html_limits lim = {opts->max_nodes, opts->max_depth};
  pith_status st = PITH_OK;
  if (html_parse(utf8, utf8_len, &lim, &dom_mem, &doc, err, sizeof err) ||
      extract_article(&doc, &r->mem, &r->art, err, sizeof err) ||
      (opts->metadata || (opts->language && *opts->language)
           ? meta_extract(&doc, 0, &r->mem, &r->art, err, sizeof err)
           : meta_extract_title(&doc, &r->mem, &r->art, err, sizeof err)))
    st = fail(r, PITH_ERR_NOMEM, err);
  else if (keep_language(r, opts))
    st = fail(r, PITH_ERR_NOMEM, "out of memory");
  arena_free(&dom_mem);
  free(utf8);
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
  const char *p = data;
  size_t i = 0;
  while (i < len && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t' || p[i] == '\f'))
    i++;
  if (i == len)
    return fail(r, PITH_ERR_EMPTY, len ? "only white space, no text" : "empty input");
  if (text_is_binary(data, len))
    return fail(r, PITH_ERR_NOT_HTML, "binary data, not text");

  char *utf8 = NULL;
  size_t utf8_len = 0;
  char used[32];
  if (pith_charset_to_utf8(data, len, opts->charset, &utf8, &utf8_len, used, sizeof used))
    return fail(r, PITH_ERR_NOMEM, "out of memory");
  char err[128] = "";
  pith_status st = PITH_OK;
  if (text_extract(utf8, utf8_len, opts->sites, opts->url, &r->mem, &r->art, err, sizeof err))
    st = fail(r, PITH_ERR_NOMEM, err);
  else if (keep_language(r, opts))
    st = fail(r, PITH_ERR_NOMEM, "out of memory");
  free(utf8);
  return st;
}

pith_sites *pith_sites_new(void) {
  return text_sites_new(0);
}

pith_status pith_sites_add(pith_sites *sites, const void *data, size_t len,
                           const pith_options *opts) {
  if (!sites || (!data && len))
    return PITH_ERR_INVALID;
  if (!len || text_is_binary(data, len))
    return PITH_OK;
  char *utf8 = NULL;
  size_t utf8_len = 0;
  char used[32];
  if (pith_charset_to_utf8(data, len, opts ? opts->charset : NULL, &utf8, &utf8_len, used,
                           sizeof used))
    return PITH_ERR_NOMEM;
  int rc = text_sites_add(sites, text_site_of(opts ? opts->url : NULL), utf8, utf8_len);
  free(utf8);
  return rc ? PITH_ERR_NOMEM : PITH_OK;
}

void pith_sites_free(pith_sites *sites) {
  text_sites_free(sites);
}

const char *pith_result_error(const pith_result *r) {
  return r ? r->error : NULL;
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
  if (!strcmp(name, "text") || !strcmp(name, "txt"))
    return PITH_FORMAT_TEXT;
  if (!strcmp(name, "json") || !strcmp(name, "jsonl"))
    return PITH_FORMAT_JSON;
  if (!strcmp(name, "markdown") || !strcmp(name, "md"))
    return PITH_FORMAT_MARKDOWN;
  if (!strcmp(name, "html"))
    return PITH_FORMAT_HTML;
  if (!strcmp(name, "xml"))
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
