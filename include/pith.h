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
 * present". Strings are UTF-8 and valid until pith_result_free. New fields
 * are added at the end: the numbers of the others do not change. */
typedef enum {
  PITH_FIELD_URL,            /* string: the page's address as given */
  PITH_FIELD_CANONICAL_URL,  /* string: the address the page gives itself */
  PITH_FIELD_TITLE,          /* string */
  PITH_FIELD_AUTHORS,        /* strings: names only */
  PITH_FIELD_DATE_PUBLISHED, /* string: ISO 8601, "2017-06-09" or with a time */
  PITH_FIELD_DATE_MODIFIED,  /* string: ISO 8601 */
  PITH_FIELD_SITE_NAME,      /* string */
  PITH_FIELD_SECTION,        /* string */
  PITH_FIELD_TAGS,           /* strings */
  PITH_FIELD_DESCRIPTION,    /* string */
  PITH_FIELD_IMAGE,          /* string: the lead image's address */
  PITH_FIELD_LANGUAGE,       /* string: a BCP 47 tag */
  PITH_FIELD_LICENSE,        /* string */
  PITH_FIELD_PAGE_TYPE,      /* string: article, forum, product, listing, ... */
  PITH_FIELD_SOURCE,         /* string: an agency credit ("Xinhua") */
  PITH_FIELD_EDITOR,         /* string */
  PITH_FIELD_IMAGES,         /* images: figures with their captions */
  PITH_FIELD_WARC_RECORD_ID, /* string: provenance from a crawl archive */
  PITH_FIELD_WARC_DATE,      /* string */
  PITH_FIELD_TEXT,           /* string: as pith_result_text; always present */
  PITH_FIELD_COMMENTS,       /* string: the comment section's text */
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

#ifdef __cplusplus
}
#endif

#endif
