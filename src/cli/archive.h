/* Crawl archives on the command line: a WARC or WET file holds many pages,
 * read with the public archive reader (pith_archive_*); each page — an
 * HTML response, a WET "conversion" record, a text/plain "resource" —
 * becomes one output record with its provenance (url, warc_record_id,
 * warc_date, http_status, warc_filename, warc_offset, warc_length, ...).
 * json output is then JSON Lines: one object a line. Every record goes
 * through the run's batch: extracted, skipped (by reason) or failed. */
#ifndef PITH_CLI_ARCHIVE_H
#define PITH_CLI_ARCHIVE_H

#include <stddef.h>
#include <stdio.h>

#include "cli/cli.h"
#include "pith.h"

/* 1 if the file name is an archive's: .warc, .wet (either .gz or .zst). */
int archive_name(const char *name);

/* 1 if the file name is a text dump's, for text mode: .txt (or .txt.gz). */
int cli_text_name(const char *name);

/* 1 if the file at path begins like a WARC file (plain or gzip); 0 if not
 * or unreadable (the caller reports that when it reads the file). */
int archive_sniff_path(const char *path);

/* Submits the records of the archive at path to c's batch between an
 * ITEM_ARCHIVE_BEGIN and an ITEM_ARCHIVE_END marker (--output-dir: rel
 * names the output file). Each record is an item: extracted (text
 * records), skipped (by reason) or failed (a damaged archive: the reader's
 * message). disk_bytes: its size, for the progress. */
void archive_submit(cli *c, const char *path, const char *rel, unsigned long long disk_bytes);

/* The same for standard input, whose first len bytes (head) were read to
 * tell an archive from a page: read as it comes, never whole (a crawl
 * file piped from a download is larger than any page). A pipe is read
 * once: no --site-dedup's first pass. */
void archive_submit_stdin(cli *c, const char *head, size_t len);

/* The output file below --output-dir for an archive: "sub/a.warc.wet.gz"
 * gives "sub/a.warc.wet.jsonl" (json) or ".txt". malloc'd; NULL if out of
 * memory. */
char *archive_output_name(const char *rel, pith_format format);

/* Opens dir/name for writing into o (src/cli/outfile.h), making the
 * directories it needs; -1 (with errno) on failure. */
int archive_open_output(const char *dir, const char *name, outfile *o);

#endif
