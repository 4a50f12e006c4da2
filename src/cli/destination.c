#include "cli/destination.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/output.h"
#include "cli/stop.h"

int destination_open(cli *c) {
  if (c->output_dir) {
    size_t n = strlen(c->output_dir);
    char *dir = malloc(n + 2);
    int rc = -1;
    if (dir) {
      sprintf(dir, "%s/", c->output_dir);
      rc = output_make_parents(dir);
      free(dir);
    }
    struct stat st;
    if (rc || stat(c->output_dir, &st) || !S_ISDIR(st.st_mode)) {
      if (!rc)
        errno = ENOTDIR;
      fprintf(stderr, "pith: cannot create %s: %s\n", c->output_dir, strerror(errno));
      return -1;
    }
    /* Made inside an input directory: not searched. */
    c->skip_dev = st.st_dev, c->skip_ino = st.st_ino, c->skip_set = 1;
  } else if (c->output) {
    if (outfile_open(&c->out_file, c->output)) {
      fprintf(stderr, "pith: cannot write %s: %s\n", c->output, strerror(errno));
      return -1;
    }
    c->out = c->out_file.f;
    cli_temporary(0, outfile_temporary(&c->out_file));
  } else {
    c->out = stdout;
  }
  if (c->errors) {
    if (outfile_open(&c->error_file, c->errors)) {
      fprintf(stderr, "pith: cannot write %s: %s\n", c->errors, strerror(errno));
      outfile_discard(&c->out_file);
      return -1;
    }
    c->errors_out = c->error_file.f;
    cli_temporary(1, outfile_temporary(&c->error_file));
  }
  return 0;
}

/* -o's file put in place, unless the run extracted nothing and failed:
 * then a file already there keeps what it held. */
static void finish_output_file(cli *c, const pith_batch_stats *stats) {
  if (!c->output)
    return;
  /* A write that failed (a full disk) leaves a file with holes in it. */
  const char *why = ferror(c->out_file.f) ? "writing it failed"
                    : !stats->extracted && (stats->failed || c->failures || stop_signal_caught())
                        ? "nothing was extracted"
                        : NULL;
  if (outfile_temporary(&c->out_file) && why) {
    char msg[128];
    snprintf(msg, sizeof msg, "%s: %s",
             access(c->output, F_OK) == 0 ? "left as it was" : "not written", why);
    outfile_discard(&c->out_file); /* a failed write was counted where it failed */
    cli_complain(c, c->output, msg);
  } else if (outfile_commit(&c->out_file)) {
    fprintf(stderr, "pith: cannot write %s: %s\n", c->output, strerror(errno));
    c->failures++;
  }
}

void destination_close(cli *c, const pith_batch_stats *stats) {
  if (c->out && fflush(c->out)) {
    fprintf(stderr, "pith: cannot write the output: %s\n", strerror(errno));
    c->failures++;
  }
  cli_temporary(0, NULL);
  cli_temporary(1, NULL);
  finish_output_file(c, stats);
  if (c->errors && outfile_commit(&c->error_file)) {
    fprintf(stderr, "pith: cannot write %s: %s\n", c->errors, strerror(errno));
    c->failures++;
  }
}
