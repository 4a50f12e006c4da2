/* Before anything is written: a walk over the inputs that refuses a run
 * which would write over one of its inputs (the same file by device and
 * inode, whatever its name) or write two inputs to one output file, and
 * measures the inputs for the progress line. */
#ifndef PITH_CLI_PLAN_H
#define PITH_CLI_PLAN_H

#include "cli/cli.h"

/* Checks the run of c over args[0..n). 0 when it is safe, with the inputs'
 * total size on disk in *total_bytes; else -1 after saying why on standard
 * error (a usage error: nothing has been touched). */
int plan_check(cli *c, char **args, int n, unsigned long long *total_bytes);

#endif
