/* A streaming reader of WARC files (ISO 28500: WARC/1.0 and 1.1, and the
 * older 0.17/0.18 some archives still hold): record after record, without
 * reading the whole file, from plain or gzip data — one gzip member per
 * record as crawlers write them, or one stream for the whole file.
 *
 * Each record comes with its WARC headers and its content block. The block
 * is what the record type makes it: the extracted text of a WET
 * "conversion" record, an HTTP message for "response" and "request"
 * records (status line, headers, body: warc_http_split reads the status,
 * the headers and where the body starts, for the crawl-scale work to come),
 * JSON for WAT "metadata" records. */
#ifndef PITH_INPUT_WARC_H
#define PITH_INPUT_WARC_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
  WARC_OTHER,
  WARC_WARCINFO,
  WARC_RESPONSE,
  WARC_RESOURCE,
  WARC_REQUEST,
  WARC_METADATA,
  WARC_REVISIT,
  WARC_CONVERSION,
  WARC_CONTINUATION,
} warc_type;

typedef struct {
  const char *name;  /* as written ("WARC-Target-URI") */
  const char *value; /* white space around it trimmed, folded lines joined */
} warc_header;

/* One record. Every pointer stays valid until the next warc_reader_next
 * or warc_reader_free. */
typedef struct {
  const char *version; /* "WARC/1.0" */
  warc_type type;
  const char *type_name;      /* WARC-Type as written, or "" */
  const char *target_uri;     /* WARC-Target-URI, "<...>" brackets removed, or NULL */
  const char *record_id;      /* WARC-Record-ID, or NULL */
  const char *date;           /* WARC-Date, or NULL */
  const char *content_type;   /* Content-Type, or NULL */
  const warc_header *headers; /* all of them, in order */
  size_t nheaders;
  /* The content block, NUL-terminated; NULL when it was larger than the
   * reader's limit (it was skipped, never held in memory: see skipped). */
  const char *block;
  size_t block_len;
  size_t content_length;     /* as declared */
  int skipped;               /* 1 when the block was over the limit */
  unsigned long long offset; /* where the record starts in the decompressed stream */
} warc_record;

typedef struct warc_reader warc_reader;

/* A reader over f (read from its current position; pith never closes it),
 * after prefix[0..prefix_len): bytes already read from f, to look at them
 * first (NULL, 0 for none). Blocks larger than max_block bytes are skipped
 * (0: 64 MiB). Returns NULL on out-of-memory. */
warc_reader *warc_reader_new(FILE *f, const void *prefix, size_t prefix_len, size_t max_block);

/* Reads the next record into *rec. Returns 1 for a record, 0 at the end of
 * the data, -1 on an error (warc_reader_error tells which: "not a WARC
 * record at byte N", "truncated record", "corrupt gzip data", "read
 * error", "out of memory", ...); after an error the reader stays at the
 * error. */
int warc_reader_next(warc_reader *r, warc_record *rec);

/* The message of the last error, or NULL. */
const char *warc_reader_error(const warc_reader *r);

/* Frees the reader (NULL is fine); does not close the file. */
void warc_reader_free(warc_reader *r);

/* The value of a header of rec by name (case-insensitive), or NULL. */
const char *warc_record_header(const warc_record *rec, const char *name);

/* 1 if data[0..len) begins like a WARC file: "WARC/" after optional blank
 * lines, or a gzip member whose first bytes inflate to that. len should be
 * a few hundred bytes at least for gzip data. */
int warc_sniff(const void *data, size_t len);

/* For the HTTP message of a response or request block: the status code
 * (0 for a request or a status line not understood), the header section
 * [*headers, *headers + *headers_len) and the offset of the body. Returns
 * 0, or -1 when block is not an HTTP message. */
int warc_http_split(const char *block, size_t len, int *status, const char **headers,
                    size_t *headers_len, size_t *body);

#endif
