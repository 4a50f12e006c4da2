/* Writing what the batch delivers, in input order: to standard output or
 * -o's file (one stream), or a file each below --output-dir (an archive's
 * records: one file for the archive); failures to standard error and as
 * error records (json lines with "error"), skipped pages counted. */
#ifndef PITH_CLI_OUTPUT_H
#define PITH_CLI_OUTPUT_H

#include "cli/cli.h"

typedef enum {
  ITEM_PAGE,          /* a page file or standard input */
  ITEM_RECORD,        /* a record of an archive */
  ITEM_ARCHIVE_BEGIN, /* marker: an archive's records follow */
  ITEM_ARCHIVE_END,   /* marker: an archive's records are all delivered */
} item_kind;

/* What the writer needs to know of each submission: pith_batch_item.user.
 * One allocation; free with free(). */
typedef struct {
  item_kind kind;
  const char *name;      /* how messages call the input ("(stdin)", a path, an archive) */
  const char *rel;       /* --output-dir: the output's name comes from it; or NULL */
  const char *source;    /* error records: the file's path, or NULL */
  const char *url;       /* error records of archive records: provenance, or NULL */
  const char *record_id; /* messages and error records */
  const char *date;
  unsigned long long offset; /* ITEM_RECORD: where it starts in the archive file */
  unsigned long long length; /* ... and its length there (error records, as pages') */
  int has_offset;
  int http_status;               /* error records of archive records: 0 when none */
  unsigned long long disk_bytes; /* bytes of the input on disk it stands for (the progress) */
  pith_sites *sites;             /* ITEM_ARCHIVE_END: the archive's counter, to free */
} item_info;

/* A new item_info with copies of the strings (each may be NULL); NULL when
 * out of memory. */
item_info *item_info_new(item_kind kind, const char *name, const char *rel, const char *source,
                         const char *url, const char *record_id, const char *date);

/* Submits a failure (an input that could not be read, a damaged archive)
 * in its place among the outputs; says so at once when even that fails. */
void output_submit_failure(cli *c, item_kind kind, const char *name, const char *source,
                           const char *message);

/* The batch's callback: ctx is the cli. */
void output_deliver(void *ctx, pith_batch_item *item);

/* The output file below --output-dir for a page: "sub/a.html.gz" gives
 * "sub/a" + the format's extension. malloc'd; NULL when out of memory. */
char *output_name(const char *rel, pith_format format);

/* mkdir -p for the directories of path (not its last part); -1 with errno. */
int output_make_parents(char *path);

#endif
