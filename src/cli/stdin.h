/* Standard input: its first bytes tell a crawl archive, read as it comes
 * (src/cli/archive.c), from a page, read whole. */
#ifndef PITH_CLI_STDIN_H
#define PITH_CLI_STDIN_H

#include <stddef.h>

/* Enough of the start of an archive to recognise it (warc_sniff). */
#define STDIN_HEAD_BYTES 512

/* Reads at most cap bytes of standard input into buf, waiting for them
 * until the run is stopped (cli_stopping: -1 with errno EINTR). The
 * number read (0 at its end), or -1 with errno set. */
long stdin_read(void *buf, size_t cap);

/* Reads up to cap bytes of standard input (fewer only at its end) into
 * buf. The number read, or -1 with errno set. */
long stdin_head(char *buf, size_t cap);

/* The page on standard input whose first len bytes are head, read to its
 * end as it is (the library inflates gzip, and marks a page cut short),
 * at most max_bytes of it (0: no limit). 0 with the bytes in *out (to
 * free), or -1 with the reason in err. */
int stdin_read_page(const char *head, size_t len, size_t max_bytes, char **out, size_t *out_len,
                    char *err, size_t err_cap);

#endif
