/* The command line read into the cli: each option, its value checked,
 * and the checks of the whole (two options that exclude each other, no
 * input at all); each refusal a usage error. */
#ifndef PITH_CLI_OPTIONS_H
#define PITH_CLI_OPTIONS_H

#include "cli/cli.h"

/* Fills c (cleared first) from argv. -1 when the run is to go on, over
 * (*inputs)[0..*ninputs); otherwise the exit status: 0 after --help or
 * --version, 2 after a usage error (said on standard error). */
int options_parse(cli *c, int argc, char **argv, char ***inputs, int *ninputs);

#endif
