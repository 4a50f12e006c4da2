/* A streaming reader of WARC files (ISO 28500: WARC/1.0 and 1.1, and the
 * older 0.17/0.18 some archives still hold): record after record, without
 * reading the whole file, from plain, gzip or zstd data (src/input/stream.c)
 * — one member per record as crawlers write them, or one stream.
 *
 * Each record comes with its WARC headers and its content block: the
 * extracted text of a WET "conversion" record, an HTTP message for
 * "response" and "request" records (src/input/http.c reads it), JSON for
 * WAT "metadata" records.
 *
 * Damage does not stop the reader: a record cut by a corrupt or truncated
 * member, a Content-Length that runs past the record, bytes between records
 * that are no record — each comes out as a record with `error` set, named by
 * its offset, and reading goes on at the next record start it can find. */
#ifndef PITH_INPUT_WARC_H
#define PITH_INPUT_WARC_H

#include <stddef.h>

#include "input/stream.h"

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
  /* A damaged record, or bytes that are no record: what went wrong (the
   * other fields hold what could be read, possibly nothing). NULL for a
   * good record. */
  const char *error;
  /* A record the data ended inside (a file cut short): what happened, and
   * how much of the block came, for the caller to pass on; block holds
   * that much, and cut is set. NULL otherwise. */
  const char *warning;
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
   * reader's limit (read through, never held in memory: see skipped). */
  const char *block;
  size_t block_len;
  unsigned long long content_length; /* as declared */
  int skipped;                       /* 1 when the block was over the limit */
  int cut;                           /* the block may be cut (the record ended before its
                                        Content-Length, or what follows is not a record) */
  /* Where the record is stored in the file: the gzip member's (zstd
   * frame's) offset and length, or the record's own for plain data. Length
   * 0: not known (a damaged member). */
  unsigned long long offset, length;
} warc_record;

typedef struct warc_reader warc_reader;

/* A reader over rd(ctx), and seek(ctx) when the data can be read again
 * (NULL: it cannot; stream_new says what for). Blocks larger than
 * max_block bytes are read through, not kept (0: 64 MiB). NULL when out
 * of memory. */
warc_reader *warc_reader_new(stream_read_fn rd, stream_seek_fn seek, void *ctx, size_t max_block);

/* Reads the next record into *rec. Returns 1 for a record (good or with
 * rec->error), 0 at the end of the data, -1 on an unrecoverable error
 * (warc_reader_error: "read error", "out of memory"); after it the reader
 * stays at the error. */
int warc_reader_next(warc_reader *r, warc_record *rec);

/* The message of the unrecoverable error, or NULL. */
const char *warc_reader_error(const warc_reader *r);

/* Frees the reader (NULL is fine). */
void warc_reader_free(warc_reader *r);

/* Whether p points into the buffer holding the last record's block. */
int warc_reader_in_block(const warc_reader *r, const char *p);

/* That buffer, the caller's from now on (give it back with pool_free,
 * util/pool.h; the record's block pointer stays valid), and its size in
 * *cap: the next record gets a buffer of its own. */
char *warc_reader_take_block(warc_reader *r, size_t *cap);

/* Gives back that buffer now, rather than at the next record: the last
 * record's block pointer is no longer valid. */
void warc_reader_drop_block(warc_reader *r);

/* The value of a header of rec by name (case-insensitive), or NULL. */
const char *warc_record_header(const warc_record *rec, const char *name);

/* 1 if data[0..len) begins like a WARC file: "WARC/" after optional blank
 * lines, or a gzip member or zstd frame (a dictionary frame first allowed)
 * whose first bytes decompress to that. len should be a few hundred bytes
 * at least for compressed data. */
int warc_sniff(const void *data, size_t len);
/* 1 if warc_sniff cannot tell from data[0..len) yet: a zstd frame that
 * gives no byte before more of it comes (zstd gives a compressed block's
 * bytes only once it holds all of it: up to WARC_SNIFF_MOST bytes). */
int warc_sniff_more(const void *data, size_t len);
#define WARC_SNIFF_MOST (((size_t)128 << 10) + 64)

#endif
