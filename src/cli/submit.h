/* The inputs handed to the batch: the walk's visits (src/cli/walk.h) of
 * the run's two passes over them. A page goes with the options of the run
 * (its format's metadata, --url, --charset, --language, ...); an archive's
 * records go through src/cli/archive.c. */
#ifndef PITH_CLI_SUBMIT_H
#define PITH_CLI_SUBMIT_H

#include "cli/walk.h"

/* The options every page of the run is extracted with (an archive's
 * records: with their own address and charset, src/cli/archive.c). */
void submit_page_options(const cli *c, pith_options *opts);

/* The first pass of --site-dedup: the lines of every page file, counted
 * into c->sites (standard input cannot be read twice: it is extracted
 * uncounted). */
void submit_count_lines(cli *c, void *ctx, walk_kind kind, const char *path, const char *rel,
                        const struct stat *st);

/* The second pass: every input to c's batch, in order; one that cannot
 * be read is a failure in its place among the outputs. */
void submit_input(cli *c, void *ctx, walk_kind kind, const char *path, const char *rel,
                  const struct stat *st);

#endif
