/* What pith says of its own use: the --help text, and a usage error. */
#ifndef PITH_CLI_USAGE_H
#define PITH_CLI_USAGE_H

/* Writes the --help text to standard output. */
void usage_show(void);

/* "pith: MSG: ARG" (": ARG" when arg is not NULL) and where to find help,
 * on standard error. Returns 2, the exit status of bad usage. */
int usage_error(const char *msg, const char *arg);

#endif
