/* What the user sees of a run besides its output: a progress line on
 * standard error while it runs (a terminal, or --progress), and a summary
 * at the end whose numbers add up to the inputs read. */
#ifndef PITH_CLI_REPORT_H
#define PITH_CLI_REPORT_H

#include <stdio.h>

#include "pith.h"

typedef struct report report;

/* A new report; total_bytes: the inputs' size on disk, 0 when unknown (no
 * percentage then). progress: show the updating line. NULL when out of
 * memory (every function below accepts NULL and does nothing). */
report *report_new(int progress, unsigned long long total_bytes);

/* An item was delivered; disk_bytes of the input are done. Updates the
 * progress line at most four times a second. */
void report_delivered(report *r, pith_batch *b, unsigned long long disk_bytes);

/* Erases the progress line, so that a message starts on a clean line. */
void report_clear_line(report *r);

/* The summary line(s) on standard error: read N: extracted, skipped (by
 * reason), failed. extra_failures: failures outside the batch. */
void report_summary(report *r, const pith_batch_stats *s, int extra_failures);

void report_free(report *r);

#endif
