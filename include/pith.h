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

/* The version of this header: the one source of the version (the
 * build, libpith.so's soname and pith.pc read it here). Numbers to test
 * at compile time: #if PITH_VERSION_NUMBER >= 1000 (0.1.0 is 1000:
 * MAJOR * 1000000 + MINOR * 1000 + PATCH). The soname changes with MAJOR. */
#define PITH_VERSION_MAJOR 0
#define PITH_VERSION_MINOR 1
#define PITH_VERSION_PATCH 0
#define PITH_VERSION "0.1.0"
#define PITH_VERSION_NUMBER                                                                        \
  (PITH_VERSION_MAJOR * 1000000 + PITH_VERSION_MINOR * 1000 + PITH_VERSION_PATCH)

/* The library's version, "MAJOR.MINOR.PATCH": the library's own, which a
 * program linked with libpith.so may find newer than the header it was
 * built with. */
const char *pith_version(void);

typedef enum {
  PITH_OK = 0,
  PITH_ERR_NOMEM,     /* out of memory */
  PITH_ERR_INVALID,   /* a bad argument (NULL data, unknown format or charset) */
  PITH_ERR_EMPTY,     /* the input has no bytes, or only white space */
  PITH_ERR_NOT_HTML,  /* binary data, text with no HTML markup, or text that is not a page
                        (SVG or other XML that is not XHTML, CSS, JavaScript, JSON) */
  PITH_ERR_TOO_LARGE, /* larger than pith_options.max_input_bytes */
  PITH_DONE,          /* pith_archive_next: no more records */
  PITH_ERR_READ,      /* an archive could not be opened or read (see pith_archive_error) */
  PITH_ERR_TIMEOUT,   /* over the time budget, pith_options.timeout_ms */
} pith_status;

/* A short English description of a status ("out of memory", ...). */
const char *pith_status_string(pith_status status);

typedef struct {
  /* The page's address: resolves relative links, helps metadata. NULL if
   * unknown. The string is copied. */
  const char *url;
  /* The charset a transport gave (an HTTP Content-Type header: a label such
   * as "latin1" or the header's value, "text/html; charset=latin1"), or
   * NULL or "". The page's own BOM and <meta> declarations are read either
   * way. A name pith does not know is refused: PITH_ERR_INVALID, with the
   * name in pith_result_error (no silent fallback). */
  const char *charset;
  /* Inputs larger than this are refused with PITH_ERR_TOO_LARGE, gzip
   * input also when it inflates to more (inflating stops there, so a gzip
   * bomb costs little). 0: no limit. Default 64 MiB. */
  size_t max_input_bytes;
  /* Limits on the parsed tree; content past them is kept flattened or cut,
   * never an error. Defaults: 4,000,000 nodes, depth 256. */
  size_t max_nodes;
  unsigned max_depth;
  /* Attributes kept per element (the rest are left out) and the longest
   * attribute value kept (a longer one is left out, not cut). 0: no limit.
   * Defaults: 1,024 attributes, 1 MiB. */
  size_t max_attributes;
  size_t max_attribute_bytes;
  /* Text mode: the lines of a page read (non-empty lines; the rest of the
   * page is left out, as if it ended there). 0: no limit. Default
   * 1,000,000: text mode's memory is about 90 bytes a line. */
  size_t max_text_lines;
  /* The time budget per page in milliseconds: parsing, extraction,
   * metadata and text mode check it as they go (no signals, no threads)
   * and a page over it fails with PITH_ERR_TIMEOUT. 0 (default): none, so
   * that results never depend on the machine's speed. docs/limits.md. */
  unsigned timeout_ms;
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
  /* 1 (default): every metadata field (dates, authors, language, ...).
   * 0: the title only — what the text format shows — which is faster. */
  int metadata;
  /* Keep only pages in this language: a BCP 47 tag or its primary subtag
   * ("en", "de", "pt-BR" matches any "pt"). A page whose language (the
   * "language" field: declared, checked against the text; or the text's
   * own) is another one, or is not recognised, gives a result with no
   * title, text or metadata but its url, provenance and language, and the
   * reason in pith_result_error; the status stays PITH_OK. A pith_batch
   * delivers it as skipped ("language"); the CLI and the Python module's
   * archive readers write nothing for it and count it as skipped, as a
   * record that is no page. NULL or "": all pages. The string is not
   * copied. */
  const char *language;
  /* Where a plain page came from (the path as given), copied into the
   * result (json: "source_file"). NULL if none. */
  const char *source_file;
} pith_options;

/* Fills opts with the defaults. */
void pith_options_init(pith_options *opts);

typedef struct pith_result pith_result;

/* Extracts the main content of one HTML page: data[0..len), in any charset,
 * or gzip-compressed (recognised by its first bytes; several members are
 * read as one). gzip data cut short gives what came before the cut and a
 * warning (pith_result_warning); damaged gzip data is PITH_ERR_NOT_HTML.
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
 * page furniture are left out. gzip data as for pith_extract. opts as for
 * pith_extract (max_nodes and max_depth unused; sites used). Statuses as
 * for pith_extract, but plain text is welcome: PITH_ERR_NOT_HTML means
 * binary data. */
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
 * from one thread. PITH_OK (a page pith_extract_text would refuse counts
 * nothing); PITH_ERR_INVALID (NULL sites or data, unknown charset);
 * PITH_ERR_NOMEM. */
pith_status pith_sites_add(pith_sites *sites, const void *data, size_t len,
                           const pith_options *opts);

/* Frees a counter (NULL is fine). */
void pith_sites_free(pith_sites *sites);

/* The message of a failed extraction ("binary data, not HTML"); after
 * PITH_OK, why the page was left out (pith_options.language), or NULL. */
const char *pith_result_error(const pith_result *r);

/* After PITH_OK, a flaw of the input that the extraction got past, or
 * NULL: "truncated gzip data: ..." (the result holds what came before the
 * cut), or an archive record's warning (pith_record.warning). A batch
 * should count such an input as failed: its output may be incomplete. */
const char *pith_result_warning(const pith_result *r);

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

/* ---- Every field of the json format, without JSON ----------------------
 *
 * Each field the json format can show (docs/json.md) has a number, a name
 * (its JSON key) and a type that says which accessor reads it:
 *
 *   const char *date = pith_result_string(r, PITH_FIELD_DATE_PUBLISHED);
 *   for (size_t i = 0; i < pith_result_count(r, PITH_FIELD_AUTHORS); i++)
 *     puts(pith_result_string_at(r, PITH_FIELD_AUTHORS, i));
 *   pith_image img;
 *   for (size_t i = 0; pith_result_image(r, i, &img); i++)
 *     printf("%s: %s\n", img.src, img.caption ? img.caption : "");
 *
 * A program that wants them all (a language binding) lists them by number:
 *
 *   for (int f = 0; pith_field_name(f); f++) ...
 *
 * Values are what the json format shows with PITH_RENDER_COMMENTS (text as
 * rendered without flags); an absent field is NULL, 0 items or "not
 * present". Strings are UTF-8 and valid until pith_result_free. The
 * numbers follow the json format's order. */
typedef enum {
  PITH_FIELD_URL,                 /* string: the page's address as given */
  PITH_FIELD_CANONICAL_URL,       /* string: the address the page gives itself */
  PITH_FIELD_TITLE,               /* string */
  PITH_FIELD_AUTHORS,             /* strings: names only */
  PITH_FIELD_DATE_PUBLISHED,      /* string: ISO 8601, "2017-06-09" or with a time */
  PITH_FIELD_DATE_MODIFIED,       /* string: ISO 8601 */
  PITH_FIELD_SITE_NAME,           /* string */
  PITH_FIELD_SECTION,             /* string */
  PITH_FIELD_TAGS,                /* strings */
  PITH_FIELD_DESCRIPTION,         /* string */
  PITH_FIELD_IMAGE,               /* string: the lead image's address */
  PITH_FIELD_LANGUAGE,            /* string: a BCP 47 tag */
  PITH_FIELD_LANGUAGE_CONFIDENCE, /* number: the detector's, 0..1, two decimals */
  PITH_FIELD_LICENSE,             /* string */
  PITH_FIELD_PAGE_TYPE,           /* string: article, forum, product, listing, ... */
  PITH_FIELD_SOURCE,              /* string: an agency credit ("Xinhua") */
  PITH_FIELD_EDITOR,              /* string */
  PITH_FIELD_IMAGES,              /* images: figures with their captions */
  PITH_FIELD_SOURCE_FILE,         /* string: the file a page came from (options.source_file) */
  PITH_FIELD_WARC_RECORD_ID,      /* string: provenance from a crawl archive (docs/warc.md) */
  PITH_FIELD_WARC_DATE,           /* string */
  PITH_FIELD_HTTP_STATUS,         /* integer */
  PITH_FIELD_WARC_FILENAME,       /* string */
  PITH_FIELD_WARC_OFFSET,         /* integer: the record's first byte in the file as stored */
  PITH_FIELD_WARC_LENGTH,         /* integer: its length there */
  PITH_FIELD_PAYLOAD_DIGEST,      /* string */
  PITH_FIELD_TRUNCATED,           /* boolean: present (true) when the record was cut */
  PITH_FIELD_TEXT,                /* string: as pith_result_text; always present */
  PITH_FIELD_COMMENTS,            /* string: the comment section's text */
} pith_field;

typedef enum {
  PITH_TYPE_STRING,  /* pith_result_string */
  PITH_TYPE_STRINGS, /* a list: pith_result_count, pith_result_string_at */
  PITH_TYPE_INTEGER, /* pith_result_integer */
  PITH_TYPE_NUMBER,  /* pith_result_number */
  PITH_TYPE_BOOLEAN, /* pith_result_integer: 0 or 1 */
  PITH_TYPE_IMAGES,  /* a list: pith_result_count, pith_result_image */
} pith_type;

/* A field's JSON key ("date_published"); NULL when field is not a field
 * number (so a loop from 0 ends there). */
const char *pith_field_name(int field);

/* A field's type; -1 when field is not a field number. */
int pith_field_type(int field);

/* The field with this JSON key; -1 when there is none. */
int pith_field_from_name(const char *name);

/* Whether r has the field: a string or number that is known, a list with
 * at least one item. */
int pith_result_has(const pith_result *r, pith_field field);

/* A string field's value; NULL when absent or not a string field. */
const char *pith_result_string(const pith_result *r, pith_field field);

/* The number of items of a list field (strings, images); for any other
 * field 1 when present, else 0. */
size_t pith_result_count(const pith_result *r, pith_field field);

/* Item i of a strings field; NULL past the last or for another field. */
const char *pith_result_string_at(const pith_result *r, pith_field field, size_t i);

/* An integer or boolean field: 1 and *value when present, else 0. */
int pith_result_integer(const pith_result *r, pith_field field, long long *value);

/* A number field (integers too): 1 and *value when present, else 0. */
int pith_result_number(const pith_result *r, pith_field field, double *value);

/* A figure of the article: its image and the words that go with it. Each
 * member is NULL when unknown. */
typedef struct {
  const char *src; /* the image's address, resolved against the page's */
  const char *alt;
  const char *caption;
  const char *credit; /* "Xinhua/Lan Hongguang" */
} pith_image;

/* Image i of PITH_FIELD_IMAGES into *image: 1, or 0 past the last (or when
 * out of memory). */
int pith_result_image(const pith_result *r, size_t i, pith_image *image);

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
 * PITH_RENDER_NO_TITLE) and no main content, which is empty. PITH_OK;
 * PITH_ERR_INVALID (NULL r or out, unknown format); PITH_ERR_NOMEM. */
pith_status pith_render(const pith_result *r, pith_format format, unsigned flags, char **out,
                        size_t *len);

/* The format named "text" (or "txt"), "json" (or "jsonl"), "markdown" (or "md"), "html" or "xml",
 * in any case ("JSON"); -1 for an unknown name. */
int pith_format_from_name(const char *name);

/* The tree pith's HTML parser builds for a page (the WHATWG HTML parsing
 * algorithm, scripting off), as text in html5lib-tests' tree format: a node
 * a line, "| " and two spaces a level, "<tag>" (foreign elements "<svg
 * tag>", "<math tag>"), attributes sorted by name under their element,
 * "\"text\"", "<!-- comment -->", "<!DOCTYPE name>", a template's contents
 * under "content". Comments, the doctype, script contents and white space
 * are shown as the page has them (the extractor does not read them). data
 * as given to pith_extract (gzip too; an unknown charset is
 * PITH_ERR_INVALID); of opts (may be NULL) the charset, size limit,
 * max_nodes and max_depth count. The text goes to a new NUL-terminated
 * buffer (*out, *len excluding the NUL) the caller frees with pith_free.
 * PITH_OK; PITH_ERR_INVALID (NULL out or data, unknown charset: no
 * message, as there is no result); PITH_ERR_TOO_LARGE; PITH_ERR_NOT_HTML
 * (damaged gzip data); PITH_ERR_NOMEM. */
pith_status pith_dump_dom(const void *data, size_t len, const pith_options *opts, char **out,
                          size_t *len_out);

/* Frees a result (NULL is fine). */
void pith_result_free(pith_result *r);

/* Frees memory pith_render returned (NULL is fine). */
void pith_free(void *p);

/* ---- crawl archives ---------------------------------------------------------
 *
 * A reader of WARC files (WARC/1.0, 1.1, 0.17/0.18) and WET files, plain,
 * gzip (one member per record, or one stream) or zstd (one frame per record,
 * with or without the Internet Archive's dictionary frame), from a path, a
 * file descriptor or a read callback. Records come one at a time, memory
 * bounded by the largest record kept (max_record_bytes). Typical use:
 *
 *   pith_archive *a = NULL;
 *   if (pith_archive_open("crawl.warc.gz", NULL, &a) != PITH_OK) {
 *     fprintf(stderr, "%s\n", a ? pith_archive_error(a) : "out of memory");
 *     pith_archive_close(a);
 *     return;
 *   }
 *   const pith_record *rec;
 *   pith_status st;
 *   while ((st = pith_archive_next(a, &rec)) == PITH_OK) {
 *     if (rec->kind == PITH_RECORD_HTML || rec->kind == PITH_RECORD_TEXT) {
 *       pith_result *r = NULL;
 *       if (pith_record_extract(rec, NULL, &r) == PITH_OK) ... render r ...
 *       pith_result_free(r);
 *     } else if (rec->kind == PITH_RECORD_ERROR) {
 *       fprintf(stderr, "byte %llu: %s\n", rec->warc_offset, rec->error);
 *     }
 *   }
 *   if (st != PITH_DONE) fprintf(stderr, "%s\n", pith_archive_error(a));
 *   pith_archive_close(a);
 *
 * Which records are pages (docs/warc.md): "response" and "resource" records
 * whose payload is HTML or XHTML (by the HTTP Content-Type, else
 * WARC-Identified-Payload-Type, sniffed when both are missing or generic)
 * with HTTP status 200, and WET "conversion" records (text). Every other
 * record comes out as PITH_RECORD_SKIPPED with its reason. */

typedef struct pith_archive pith_archive;

typedef struct {
  int all_status; /* 1: HTTP responses of any status, not only 200 */
  /* 1: try every payload as a page, not only HTML/XHTML (and text for
   * WET): text with markup as HTML, text without as TEXT (a page
   * flattened to text); binary data (a known binary format by its first
   * bytes, NUL or control bytes) and text that is no page (CSS,
   * JavaScript, JSON, SVG) are still SKIPPED, "not-html". */
  int all_types;
  /* The decompressed payload limit per record (after HTTP chunked and
   * Content-Encoding are undone). A larger record is skipped ("too-large"),
   * read through without ever being held whole in memory. Default 16 MiB;
   * 0: the default. */
  size_t max_record_bytes;
  int close_fd; /* pith_archive_open_fd: 1 to close fd in pith_archive_close */
} pith_archive_options;

/* Fills o with the defaults. */
void pith_archive_options_init(pith_archive_options *o);

/* Opens an archive by path ("-": standard input), by file descriptor (read
 * from its current position; closed by pith_archive_close only with
 * o->close_fd), or by a read callback: read(ctx, buf, n) returns the number
 * of bytes read into buf (at most n), 0 at the end, -1 on error. name is
 * what messages and warc_filename call the archive (its last path component
 * goes to warc_filename). o may be NULL for the defaults. On PITH_OK *out is
 * the reader; on failure *out is NULL (out of memory) or a reader whose
 * pith_archive_error says why (PITH_ERR_READ: the file cannot be opened),
 * to be closed with pith_archive_close. An empty file is a valid archive
 * with no records; data that is no WARC at all gives one PITH_RECORD_ERROR
 * ("not a WARC record: N bytes skipped"). A path or a descriptor of a
 * regular file is read again after damage the decompressor found far past
 * a damaged gzip member's (zstd frame's) start, so the records after it
 * still come out; a pipe, or a read callback without a seek callback
 * (pith_archive_open_read_seek), cannot be, and the damaged record's error
 * then says which bytes were lost with it. */
pith_status pith_archive_open(const char *path, const pith_archive_options *o, pith_archive **out);
pith_status pith_archive_open_fd(int fd, const char *name, const pith_archive_options *o,
                                 pith_archive **out);
pith_status pith_archive_open_read(long (*read)(void *ctx, void *buf, size_t n), void *ctx,
                                   const char *name, const pith_archive_options *o,
                                   pith_archive **out);
/* As pith_archive_open_read, for a source that can be read again: seek(ctx,
 * offset) makes the next read start offset bytes past the first byte read
 * (the archive's start), and returns 0, or -1 when it cannot (then the
 * reader goes on as for a pipe). The reader seeks only after damage, as it
 * does in a regular file; seek may be NULL (pith_archive_open_read). */
pith_status pith_archive_open_read_seek(long (*read)(void *ctx, void *buf, size_t n),
                                        int (*seek)(void *ctx, unsigned long long offset),
                                        void *ctx, const char *name,
                                        const pith_archive_options *o, pith_archive **out);

typedef enum {
  PITH_RECORD_HTML,    /* a page: payload is the HTTP body, decoded */
  PITH_RECORD_TEXT,    /* a WET conversion record (or text resource, or with all_types a payload
                          of text without markup): payload is the text */
  PITH_RECORD_SKIPPED, /* not a page: skip_reason says why */
  PITH_RECORD_ERROR,   /* a damaged record (or bytes that are no record): error says how */
} pith_record_kind;

typedef struct pith_record {
  pith_record_kind kind;
  /* SKIPPED: a fixed word: "warcinfo", "request", "metadata" (also a
   * resource record at a metadata: URI, a crawler's log), "revisit",
   * "status" (HTTP status not 200), "not-html" (payload of another type),
   * "too-large" (over max_record_bytes), "empty" (no payload), "other"
   * (any other record type). NULL otherwise. */
  const char *skip_reason;
  /* ERROR: what was wrong ("corrupt gzip data", "truncated record", "not
   * a WARC record: 1234 bytes skipped", ...); the reader went on at the next
   * record it could find. NULL otherwise. */
  const char *error;
  /* The record's WARC headers (NULL when absent); url is WARC-Target-URI
   * without "<...>"; warc_filename is the archive's name as opened. */
  const char *url, *warc_record_id, *warc_date, *warc_type, *warc_filename, *payload_digest;
  int http_status; /* the HTTP status code, 0 when the record has no HTTP response */
  /* The record's bytes in the file as stored: for gzip or zstd data the
   * member's (frame's) start and length — what a Common Crawl index row
   * holds, so the record can be fetched again with a range request; for a
   * plain file the record's own. When several records share one member
   * (one gzip stream for the whole file), the member's; a record spread
   * over several members: the first one's. A damaged member's length runs
   * to the next member found. warc_length 0: not known. */
  unsigned long long warc_offset, warc_length;
  int truncated; /* WARC-Truncated was set, or the payload was cut (broken chunking, a
                    damaged compressed body) */
  /* HTML: the HTTP body, chunked transfer and Content-Encoding (gzip,
   * deflate, br, several stacked) undone; TEXT: the WET text. NULL and 0
   * for SKIPPED and ERROR. */
  const void *payload;
  size_t payload_len;
  const char *charset;      /* the charset parameter of the HTTP Content-Type, or NULL */
  const char *content_type; /* the payload's media type, lower case without parameters, or NULL */
  /* HTML and TEXT: the archive ends inside this record (a file cut short):
   * what was lost ("truncated gzip data at byte N: the archive ends 300
   * bytes into the record's 1234-byte block"); the payload is what came
   * before the cut (truncated set when the block is cut). pith_record_extract
   * hands it on as the result's pith_result_warning, so a batch counts the
   * record as failed, its output written. (A record the archive ends inside
   * that is no page is an ERROR with this message.) NULL otherwise. */
  const char *warning;
} pith_record;

/* The next record. PITH_OK with *rec (valid until the next call or
 * pith_archive_close) or PITH_DONE at the end. A damaged record gives
 * PITH_OK with rec->kind == PITH_RECORD_ERROR and the reader goes on at the
 * next record it can find; only an unrecoverable failure (PITH_ERR_READ, a
 * read error; PITH_ERR_NOMEM) returns another status, after which the
 * reader only returns it again. */
pith_status pith_archive_next(pith_archive *a, const pith_record **rec);

/* The message of the last failure of pith_archive_open or pith_archive_next,
 * or NULL. */
const char *pith_archive_error(const pith_archive *a);

/* Extracts an HTML record (pith_extract, with the record's url and charset
 * unless opts names them) or a TEXT record (pith_extract_text), and copies
 * its provenance into the result (json: url, warc_record_id, warc_date,
 * http_status, warc_filename, warc_offset, warc_length, payload_digest,
 * truncated). opts may be NULL. Any other kind: PITH_ERR_INVALID. The
 * record is only read; thread-safe for different records. */
pith_status pith_record_extract(const pith_record *rec, const pith_options *opts,
                                pith_result **out);

/* A deep copy of rec that outlives pith_archive_next (to hand records to
 * worker threads); NULL when out of memory. Free with pith_record_free. */
pith_record *pith_record_copy(const pith_record *rec);

/* Frees a copy made by pith_record_copy (NULL is fine). */
void pith_record_free(pith_record *rec);

/* Closes the reader (NULL is fine). */
void pith_archive_close(pith_archive *a);

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
  /* Worker threads. 0 (default): one per core this process may run on
   * (its CPU affinity: taskset, a container's or a cluster job's cpuset).
   * 1: no thread at all:
   * each page is extracted and delivered inside the call that submits it. */
  unsigned jobs;
  /* A submission waits while this many items are in flight (submitted,
   * not yet delivered; default 16 per worker, at least 8) or while the
   * bytes they hold reach max_pending_bytes (default 8 MiB; a larger page
   * still goes, alone): an item holds its input (the buffers it came in:
   * a record's block with its HTTP headers) until it is extracted, then its
   * result and output until delivered. Pages extracted at once hold at most
   * half of max_pending_bytes of input between them (a larger one runs
   * alone), since a parse takes memory in proportion. */
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
  PITH_BATCH_DOM,  /* no extraction: item->output is the parsed tree (pith_dump_dom) */
} pith_batch_mode;

/* One delivered item. Its fields live until the callback returns. */
typedef struct {
  unsigned long long seq; /* the submission's number, from 0 (markers too) */
  void *user;             /* as submitted */
  int marker;             /* 1: a pith_batch_add_marker; nothing else is set */
  pith_status status;     /* PITH_OK, or why it failed */
  /* Failed: the message ("No such file or directory", "binary data, not HTML", ...).
   * The callback may set it (to a string living until it returns) to count
   * the item as failed, e.g. when writing its output failed. */
  const char *error;
  /* Skipped: a short reason word — "language" (the page was left out by
   * pith_options.language: pith_result_error says why; result and output
   * are still there), "not-html" (text that is not a page: an SVG image,
   * XML that is not XHTML, CSS, JavaScript, JSON; status is
   * PITH_ERR_NOT_HTML, the result's error says which, no output), or the
   * reason given to pith_batch_add_skip. */
  const char *skipped;
  /* Extracted, but from a flawed input (pith_result_warning: a gzip file
   * cut short): the output is there, and the item counts as failed. */
  const char *warning;
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

/* A new batch (opts NULL: the defaults); its threads start now. PITH_OK
 * with *out; PITH_ERR_INVALID when callback or out is NULL;
 * PITH_ERR_NOMEM when memory is short or no thread could start (fewer
 * threads than asked for, when some could not start). */
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
 * with the reason ("No such file or directory", "Permission denied", ...). */
pith_status pith_batch_add_file(pith_batch *b, const char *path, pith_batch_mode mode,
                                const pith_options *opts, void *user);

/* Submits an archive record (pith_archive_next), copied: an HTML or TEXT
 * record is extracted with pith_record_extract (a record with no text is a
 * page without content, not a failure), a SKIPPED one is counted under its
 * skip_reason, an ERROR one is a failed item with its message. opts as for
 * pith_batch_add. */
pith_status pith_batch_add_record(pith_batch *b, const pith_record *rec, const pith_options *opts,
                                  void *user);

/* Submits the record pith_archive_next returned last, as
 * pith_batch_add_record does, but with its payload moved to the batch
 * rather than copied (for a crawl, one copy fewer of every page on the
 * reading thread): the record must not be read after this call.
 * PITH_ERR_INVALID when a has no record. */
pith_status pith_batch_add_archive_record(pith_batch *b, pith_archive *a, const pith_options *opts,
                                          void *user);

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

/* Waits until every item submitted so far is delivered: PITH_OK
 * (PITH_ERR_INVALID when b is NULL). More may be submitted after it. */
pith_status pith_batch_finish(pith_batch *b);

#define PITH_BATCH_REASONS 16

/* What a batch has delivered so far; submitted = extracted + skipped +
 * failed once pith_batch_finish has returned. */
typedef struct {
  unsigned long long submitted;   /* items (markers not counted) */
  unsigned long long extracted;   /* pages extracted (with or without main content) */
  unsigned long long skipped;     /* left out: by reason below */
  unsigned long long failed;      /* among them: extracted with a warning */
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
