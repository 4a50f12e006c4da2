/* Where a run writes: standard output, -o's file or --output-dir's
 * directory, and --errors' file. Made ready before the run (a name that
 * cannot be written refuses it before anything is), put in place after it
 * (-o and --errors are written beside their name and renamed over it:
 * src/cli/outfile.h). */
#ifndef PITH_CLI_DESTINATION_H
#define PITH_CLI_DESTINATION_H

#include "cli/cli.h"

/* Opens c's outputs: c->out (NULL with --output-dir, whose directory is
 * made) and c->errors_out. 0, or -1 after saying why on standard error. */
int destination_open(cli *c);

/* After the run: flushes the output and puts -o's and --errors' files in
 * place (-o's left as it was when the run extracted nothing and failed, or
 * was stopped first); each write that fails is said and counted in
 * c->failures. */
void destination_close(cli *c, const pith_batch_stats *stats);

#endif
