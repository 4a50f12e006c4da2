/* pith: the main content of web pages, its structure and its metadata.
 *
 * Typical use:
 *
 *   pith_options opts;
 *   pith_options_init(&opts);
 *   opts.url = "https://example.org/news/1";
 *   pith_result *r = NULL;
 *   pith_status st = pith_extract(html, html_len, &opts, &r);
 *   if (st == PITH_OK) {
 *     char *text = NULL;
 *     size_t len = 0;
 *     if (pith_render(r, PITH_FORMAT_TEXT, 0, &text, &len) == PITH_OK)
 *       fwrite(text, 1, len, stdout);
 *     pith_free(text);
 *   } else {
 *     fprintf(stderr, "%s\n", r ? pith_result_error(r) : pith_status_string(st));
 *   }
 *   pith_result_free(r);
 *
 * Thread safety: every function may be called from any thread at the same
 * time; a pith_result belongs to one thread at a time. The library holds no
 * global mutable state, never prints, never exits and never aborts.
 */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PITH_VERSION "0.1.0"

/* The library's version, "MAJOR.MINOR.PATCH". */
const char *pith_version(void);

typedef enum {
  PITH_OK = 0,
  PITH_ERR_NOMEM,     /* out of memory */
  PITH_ERR_INVALID,   /* a bad argument (NULL data, unknown format) */
  PITH_ERR_EMPTY,     /* the input has no bytes, or only white space */
  PITH_ERR_NOT_HTML,  /* binary data, or text with no HTML markup */
  PITH_ERR_TOO_LARGE, /* larger than pith_options.max_input_bytes */
  PITH_DONE,          /* pith_archive_next: no more records */
  PITH_ERR_READ,      /* an archive could not be opened or read (see pith_archive_error) */
} pith_status;

/* A short English description of a status ("out of memory", ...). */
const char *pith_status_string(pith_status status);

typedef struct {
  /* The page's address: resolves relative links, helps metadata. NULL if
   * unknown. The string is copied. */
  const char *url;
  /* The charset a transport gave (an HTTP Content-Type header), or NULL.
   * The page's own BOM and <meta> declarations are read either way. */
  const char *charset;
  /* Inputs larger than this are refused with PITH_ERR_TOO_LARGE. 0: no limit.
   * Default 64 MiB. */
  size_t max_input_bytes;
  /* Limits on the parsed tree; content past them is kept flattened or cut,
   * never an error. Defaults: 4,000,000 nodes, depth 256. */
  size_t max_nodes;
  unsigned max_depth;
  /* Text mode (pith_extract_text): the lines of other pages of the same
   * sites, counted beforehand with pith_sites_add; lines that repeat across
   * a site's pages are its boilerplate. NULL: each page on its own. Only
   * read during extraction, so one counter may serve many threads. */
  const struct pith_sites *sites;
  /* Provenance of a page read from a crawl archive: its WARC-Record-ID and
   * WARC-Date, copied into the result (json: "warc_record_id",
   * "warc_date"). NULL if none. */
  const char *warc_record_id;
  const char *warc_date;
  /* Where the page was read from: a file's path as given (json: "source"),
   * copied into the result. NULL if none. */
  const char *source;
  /* 1 (default): every metadata field (dates, authors, language, ...).
   * 0: the title only — what the text format shows — which is faster. */
  int metadata;
  /* Keep only pages in this language: a BCP 47 tag or its primary subtag
   * ("en", "de", "pt-BR" matches any "pt"). A page whose language (the
   * "language" field: declared, checked against the text; or the text's
   * own) is another one, or is not recognised, gives a result with no
   * title, text or metadata but its url, provenance and language, and the
   * reason in pith_result_error; the status stays PITH_OK. NULL or "": all
   * pages. The string is not copied. */
  const char *language;
} pith_options;

/* Fills opts with the defaults. */
void pith_options_init(pith_options *opts);

typedef struct pith_result pith_result;

/* Extracts the main content of one HTML page: data[0..len), in any charset.
 * opts may be NULL for the defaults.
 *
 * On PITH_OK, *result holds the article (possibly with no text: a page with
 * no main content is not an error). On any other status *result, when not
 * NULL, holds the error message (pith_result_error). Free it either way with
 * pith_result_free. */
pith_status pith_extract(const void *data, size_t len, const pith_options *opts,
                         pith_result **result);

/* Text mode: the main content and metadata of a page flattened to text —
 * every visible text run of the page a line, as a crawl's WET record or a
 * "view as text" dump holds it: data[0..len), in any charset. The headline,
 * dateline, bylines and photo captions become metadata, menus and other
 * page furniture are left out. opts as for pith_extract (max_nodes and
 * max_depth unused; sites used). Statuses as for pith_extract, but plain
 * text is welcome: PITH_ERR_NOT_HTML means binary data. */
pith_status pith_extract_text(const void *data, size_t len, const pith_options *opts,
                              pith_result **result);

/* A counter of the lines of many pages, per site (the host of
 * pith_options.url; pages without a url make one site), for text mode's
 * cross-page boilerplate. Add every page first, then extract each with
 * pith_options.sites pointing at the counter. */
typedef struct pith_sites pith_sites;

/* A new, empty counter (about 16 bytes a distinct line, at most 8 million
 * lines); NULL when out of memory. */
pith_sites *pith_sites_new(void);

/* Counts the lines of one page: data as given to pith_extract_text, with
 * the url and charset of opts (opts may be NULL). Not thread-safe: add
 * from one thread. */
pith_status pith_sites_add(pith_sites *sites, const void *data, size_t len,
                           const pith_options *opts);

/* Frees a counter (NULL is fine). */
void pith_sites_free(pith_sites *sites);

/* The message of a failed extraction ("binary data, not HTML"); after
 * PITH_OK, why the page was left out (pith_options.language), or NULL. */
const char *pith_result_error(const pith_result *r);

/* The page's address as given in the options, or NULL. */
const char *pith_result_url(const pith_result *r);

/* The article's title, or NULL when the page has none. */
const char *pith_result_title(const pith_result *r);

/* The main text: its blocks (paragraphs, headings, list items, table rows,
 * ...) separated by a blank line, without the title. "" when the page has no
 * main content. Valid until pith_result_free. */
const char *pith_result_text(const pith_result *r);

/* The number of blocks in the main text. */
size_t pith_result_block_count(const pith_result *r);

typedef enum {
  PITH_FORMAT_TEXT,     /* the title, a blank line, then the text */
  PITH_FORMAT_JSON,     /* one JSON object on one line: metadata fields and text */
  PITH_FORMAT_MARKDOWN, /* CommonMark with GitHub-style pipe tables */
  PITH_FORMAT_HTML,     /* a clean HTML document (or fragment) */
  PITH_FORMAT_XML,      /* the article tree in pith's XML schema (docs/formats.md) */
} pith_format;

/* Flags for pith_render; 0 gives each format's defaults. */
#define PITH_RENDER_NO_TITLE 1u    /* leave the title out */
#define PITH_RENDER_NO_LINKS 2u    /* markdown, html, xml, json blocks: links as plain text */
#define PITH_RENDER_IMAGES 4u      /* markdown, html, xml, json tree: keep figures and images */
#define PITH_RENDER_NO_TABLES 8u   /* every format: leave tables out */
#define PITH_RENDER_FORMATTING 16u /* markdown, html, xml, json blocks: em, strong, sub/sup */
#define PITH_RENDER_COMMENTS 32u   /* add the comment section, apart from the text */
#define PITH_RENDER_FRAGMENT 64u   /* html: the <article> element only, not a document */
#define PITH_RENDER_MARKDOWN 128u  /* json: add the article as "markdown" */
#define PITH_RENDER_TREE 256u      /* json: add the article tree as "blocks" */

/* Renders r in a format into a new NUL-terminated buffer (*out, *len
 * excluding the NUL), which the caller frees with pith_free. Output ends
 * with a newline, except the text format of a page with no title (or
 * PITH_RENDER_NO_TITLE) and no main content, which is empty. */
pith_status pith_render(const pith_result *r, pith_format format, unsigned flags, char **out,
                        size_t *len);

/* The format named "text", "json" (or "jsonl"), "markdown" (or "md"), "html" or "xml";
 * -1 for an unknown name. */
int pith_format_from_name(const char *name);

/* Frees a result (NULL is fine). */
void pith_result_free(pith_result *r);

/* Frees memory pith_render returned (NULL is fine). */
void pith_free(void *p);

/* ---- Many pages at once ------------------------------------------------
 *
 * A batch extracts many pages on worker threads and hands the results back
 * one at a time, in the order they were submitted, to a callback: the
 * output of a run is the same whatever the number of threads. Memory stays
 * bounded: a submission waits while too many pages (or bytes) are in
 * flight. Every submission is delivered exactly once — extracted, skipped
 * or failed — and counted, so a run's numbers add up (pith_batch_stats).
 *
 *   pith_batch_options bo;
 *   pith_batch_options_init(&bo);
 *   bo.render = 1;                      // item->output in bo.format
 *   pith_batch *b = NULL;
 *   if (pith_batch_new(&bo, on_item, ctx, &b) == PITH_OK) {
 *     for (each page) pith_batch_add_file(b, path, PITH_BATCH_HTML, &opts, user);
 *     pith_batch_finish(b);             // every item delivered
 *     pith_batch_free(b);
 *   }
 */
typedef struct pith_batch pith_batch;

typedef struct {
  /* Worker threads. 0 (default): one per online core. 1: no thread at all:
   * each page is extracted and delivered inside the call that submits it. */
  unsigned jobs;
  /* A submission waits while this many items are in flight (submitted,
   * not yet delivered; default 4 per worker, at least 8) or while their
   * input bytes reach max_pending_bytes (default 256 MiB; a larger page
   * still goes, alone). */
  size_t max_pending;
  size_t max_pending_bytes;
  /* 1: render each result on its worker (item->output) in this format with
   * these pith_render flags. 0 (default): no rendering. */
  int render;
  pith_format format;
  unsigned render_flags;
} pith_batch_options;

/* Fills o with the defaults. */
void pith_batch_options_init(pith_batch_options *o);

/* How a page's bytes are read. */
typedef enum {
  PITH_BATCH_HTML, /* pith_extract; bytes with no markup at all go through text mode */
  PITH_BATCH_TEXT, /* pith_extract_text */
} pith_batch_mode;

/* One delivered item. Its fields live until the callback returns. */
typedef struct {
  unsigned long long seq; /* the submission's number, from 0 (markers too) */
  void *user;             /* as submitted */
  int marker;             /* 1: a pith_batch_add_marker; nothing else is set */
  pith_status status;     /* PITH_OK, or why it failed */
  /* Failed: the message ("no such file", "binary data, not HTML", ...).
   * The callback may set it (to a string living until it returns) to count
   * the item as failed, e.g. when writing its output failed. */
  const char *error;
  /* Skipped: a short reason word — "language" (the page was left out by
   * pith_options.language: pith_result_error says why; result and output
   * are still there) or the reason given to pith_batch_add_skip. */
  const char *skipped;
  /* The extraction's result (with the error message when it failed), or
   * NULL (failed before extraction, skipped, out of memory). The callback
   * may keep it by setting this to NULL; else it is freed after the call. */
  pith_result *result;
  /* With pith_batch_options.render: the rendered result, else NULL. */
  const char *output;
  size_t output_len;
  size_t input_bytes; /* the page's size as read */
} pith_batch_item;

/* Receives each item, in submission order, one call at a time, on a
 * worker thread or on the thread inside pith_batch_add_*. It may call
 * pith_batch_get_stats, no other function of the batch. */
typedef void (*pith_batch_callback)(void *ctx, pith_batch_item *item);

/* A new batch (opts NULL: the defaults); its threads start now. */
pith_status pith_batch_new(const pith_batch_options *opts, pith_batch_callback callback, void *ctx,
                           pith_batch **out);

/* Submits a page in memory: data[0..len) is copied, as are opts and its
 * strings (opts->sites is shared: keep it alive until pith_batch_finish).
 * opts NULL: the defaults. Waits while the batch is full. PITH_OK, or
 * PITH_ERR_NOMEM / PITH_ERR_INVALID when nothing was submitted. */
pith_status pith_batch_add(pith_batch *b, const void *data, size_t len, pith_batch_mode mode,
                           const pith_options *opts, void *user);

/* Submits a file by path, read on a worker (gzip data inflated, at most
 * opts->max_input_bytes): a file that cannot be read is a failed item
 * with the reason ("no such file", "permission denied", ...). */
pith_status pith_batch_add_file(pith_batch *b, const char *path, pith_batch_mode mode,
                                const pith_options *opts, void *user);

/* Submits an input that failed before it could be submitted (a directory
 * that cannot be opened, a damaged archive record): delivered in its place
 * in the order as a failed item with this message (copied). */
pith_status pith_batch_add_failure(pith_batch *b, const char *message, void *user);

/* Submits an input left out without extraction (an archive record that is
 * no page): delivered in order as a skipped item, counted under reason (a
 * short word, copied: "not-html", "status", "revisit", "too-large"). */
pith_status pith_batch_add_skip(pith_batch *b, const char *reason, void *user);

/* Submits a marker: delivered in order (item->marker = 1), not counted. A
 * caller's way to know when the items before it are all delivered (the end
 * of one input file's records, say). */
pith_status pith_batch_add_marker(pith_batch *b, void *user);

/* Waits until every item submitted so far is delivered. */
pith_status pith_batch_finish(pith_batch *b);

#define PITH_BATCH_REASONS 16

/* What a batch has delivered so far; submitted = extracted + skipped +
 * failed once pith_batch_finish has returned. */
typedef struct {
  unsigned long long submitted; /* items (markers not counted) */
  unsigned long long extracted; /* pages extracted (with or without main content) */
  unsigned long long skipped;   /* left out: by reason below */
  unsigned long long failed;
  unsigned long long input_bytes; /* of the delivered pages, as read (inflated) */
  /* skipped, by reason: the first PITH_BATCH_REASONS distinct reasons (the
   * rest counted under "other"); the strings live as long as the batch. */
  size_t nreasons;
  const char *reason[PITH_BATCH_REASONS];
  unsigned long long reason_count[PITH_BATCH_REASONS];
} pith_batch_stats;

/* The counts so far; may be called from any thread, even the callback. */
void pith_batch_get_stats(pith_batch *b, pith_batch_stats *stats);

/* Waits for every submitted item, stops the threads and frees the batch
 * (NULL is fine). */
void pith_batch_free(pith_batch *b);

#ifdef __cplusplus
}
#endif

#endif
