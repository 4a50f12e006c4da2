/* Crawl archives on the command line: a WARC or WET file holds many pages,
 * read with the public archive reader (pith_archive_*); each page — an
 * HTML response, a WET "conversion" record, a text/plain "resource" —
 * becomes one output record with its provenance (url, warc_record_id,
 * warc_date, http_status, warc_filename, warc_offset, warc_length, ...).
 * json output is then JSON Lines: one object a line. */
#ifndef PITH_CLI_ARCHIVE_H
#define PITH_CLI_ARCHIVE_H

#include <stddef.h>
#include <stdio.h>

#include "pith.h"

typedef struct {
  pith_format format;
  unsigned render_flags;
  const char *charset; /* when a record declares none */
  size_t max_size;     /* per record; 0: no limit */
  int site_dedup;      /* count the lines of the archive's pages first */
  int quiet;
  const char *language;  /* keep only pages in it (pith_options.language), or NULL */
  int in_xml_stream;     /* xml: the caller wraps the records (no declaration here) */
  int all_status;        /* HTTP responses of any status (pith_archive_options) */
  int all_types;         /* every payload tried as HTML */
  size_t max_page_bytes; /* decoded payload limit per record; 0: the default (16 MiB) */
  unsigned timeout_ms;   /* per record (pith_options.timeout_ms); 0: none */
} archive_options;

/* 1 if the file name is an archive's: .warc, .wet (either .gz). */
int archive_name(const char *name);

/* 1 if the file name is a text dump's, for text mode: .txt (or .txt.gz). */
int cli_text_name(const char *name);

/* 1 if the file at path begins like a WARC file (plain or gzip); 0 if not
 * or unreadable (the caller reports that when it reads the file). */
int archive_sniff_path(const char *path);

/* Extracts every text record of the archive at path, or of data[0..len)
 * when path is NULL (an archive read whole, as from standard input),
 * writing the outputs to out. name is how messages call the input. Reports
 * failures on standard error (unless quiet) and returns their number. */
int archive_process(const archive_options *o, const char *path, const char *data, size_t len,
                    const char *name, FILE *out);

/* The output file below --output-dir for an archive: "sub/a.warc.wet.gz"
 * gives "sub/a.warc.wet.jsonl" (json) or ".txt". malloc'd; NULL if out of
 * memory. */
char *archive_output_name(const char *rel, pith_format format);

/* Opens dir/name for writing, making the directories it needs; NULL (with
 * errno) on failure. */
FILE *archive_open_output(const char *dir, const char *name);

#endif
