/* One job of a batch: what was submitted (a page's bytes, a file to read,
 * or a note: a failure, a skip, a marker), and what came of it. */
#ifndef PITH_BATCH_JOB_H
#define PITH_BATCH_JOB_H

#include <stddef.h>

#include "pith.h"

typedef enum {
  BATCH_PAGE,
  BATCH_FILE,
  BATCH_RECORD,
  BATCH_FAILURE,
  BATCH_SKIP,
  BATCH_MARKER
} batch_kind;

typedef struct {
  batch_kind kind;
  pith_batch_mode mode;
  pith_options opts; /* its strings point into strings */
  char *strings;
  char *data;          /* PAGE: a copy of the bytes; FILE: the path; FAILURE, SKIP: the message */
  pith_record *record; /* RECORD: a copy */
  size_t len;
  size_t cost;  /* bytes counted against max_pending_bytes: the buffers held */
  size_t input; /* the bytes its extraction reads (its parse takes memory in proportion) */
  int done;     /* set by the batch, under its lock */
  pith_batch_item item;
  char *output;      /* the rendered result */
  char message[256]; /* FILE: why it could not be read */
} batch_job;

/* New jobs; NULL when out of memory. opts NULL: the defaults. */
batch_job *batch_job_page(const void *data, size_t len, pith_batch_mode mode,
                          const pith_options *opts);
batch_job *batch_job_file(const char *path, pith_batch_mode mode, const pith_options *opts);
/* A record, copied — or taken: owned, a copy the job frees (owned NULL:
 * rec is copied when the job needs it). */
batch_job *batch_job_record(const pith_record *rec, pith_record *owned, const pith_options *opts);
batch_job *batch_job_note(batch_kind kind, const char *message);

/* Does the job's work (read, extract, render) and fills job->item. */
void batch_job_run(batch_job *j, const pith_batch_options *o);

/* The bytes a job that has run still holds until it is delivered: its
 * result and its output. */
size_t batch_job_held(const batch_job *j);

void batch_job_free(batch_job *j);

#endif
