#include "cli/submit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/archive.h"
#include "cli/output.h"
#include "cli/stdin.h"
#include "input/read.h"
#include "input/warc.h"

void submit_page_options(const cli *c, pith_options *opts) {
  pith_options_init(opts);
  opts->url = c->url;
  opts->charset = c->charset;
  opts->max_input_bytes = c->max_size;
  opts->timeout_ms = c->timeout_ms;
  opts->sites = c->sites;
  /* Text, markdown and html show the title alone. */
  opts->metadata = c->format == PITH_FORMAT_JSON || c->format == PITH_FORMAT_XML;
  opts->language = c->language;
}

static pith_batch_mode page_mode(const cli *c) {
  return c->dump_dom ? PITH_BATCH_DOM : c->text ? PITH_BATCH_TEXT : PITH_BATCH_HTML;
}

void submit_count_lines(cli *c, void *ctx, walk_kind kind, const char *path, const char *rel,
                        const struct stat *st) {
  (void)ctx, (void)rel, (void)st;
  if (kind != WALK_PAGE || !c->sites)
    return;
  char *data = NULL;
  size_t len = 0;
  if (pith_read_file(path, c->max_size, &data, &len, NULL, NULL, 0))
    return;
  pith_options opts;
  submit_page_options(c, &opts);
  opts.sites = NULL;
  if (pith_sites_add(c->sites, data, len, &opts) != PITH_OK) {
    pith_sites_free(c->sites); /* out of memory: go on without */
    c->sites = NULL;
  }
  free(data);
}

/* Standard input whose first n bytes are head (n -1: a read error). */
static void submit_stdin_head(cli *c, const char *head, long n) {
  char *data = NULL;
  size_t len = 0;
  char err[256];
  if (n < 0 && cli_stopping())
    return; /* stopped while waiting for it: nothing was read */
  if (n < 0) {
    snprintf(err, sizeof err, "cannot read: %s", strerror(errno));
    output_submit_failure(c, ITEM_PAGE, "(stdin)", NULL, err);
    return;
  }
  if (warc_sniff(head, (size_t)n)) {
    /* Its records make one xml document, as an archive named does. */
    if (c->format == PITH_FORMAT_XML && !c->output_dir && !c->xml_stream) {
      c->xml_stream = 1;
      fputs(XML_STREAM_OPEN, c->out);
    }
    archive_submit_stdin(c, head, (size_t)n);
    return;
  }
  if (stdin_read_page(head, (size_t)n, c->max_size, &data, &len, err, sizeof err)) {
    if (!cli_stopping()) /* a page cut by the stop is left out, not failed */
      output_submit_failure(c, ITEM_PAGE, "(stdin)", NULL, err);
    return;
  }
  pith_options opts;
  submit_page_options(c, &opts);
  item_info *in = item_info_new(ITEM_PAGE, "(stdin)", "stdin", NULL, NULL, NULL, NULL);
  if (!in || pith_batch_add(c->batch, data, len, page_mode(c), &opts, in) != PITH_OK) {
    free(in);
    cli_complain(c, "(stdin)", "out of memory");
    c->failures++;
  }
  free(data);
}

/* The first bytes of standard input, enough to tell an archive: into
 * small, or, for a zstd frame that gives no byte before more of it comes,
 * into *big (to free). Their number, or -1 with errno set. */
static long stdin_sniff_head(char *small, char **big) {
  long n = stdin_head(small, STDIN_HEAD_BYTES);
  *big = NULL;
  if (n != STDIN_HEAD_BYTES || !warc_sniff_more(small, (size_t)n) ||
      !(*big = malloc(WARC_SNIFF_MOST)))
    return n;
  memcpy(*big, small, (size_t)n);
  long more = stdin_head(*big + n, WARC_SNIFF_MOST - (size_t)n);
  return more < 0 ? -1 : n + more;
}

/* Standard input: an archive, read as it comes, or a page, read whole. */
static void submit_stdin(cli *c) {
  char small[STDIN_HEAD_BYTES], *big;
  long n = stdin_sniff_head(small, &big);
  const char *head = big ? big : small;
  submit_stdin_head(c, head, n);
  free(big);
}

void submit_input(cli *c, void *ctx, walk_kind kind, const char *path, const char *rel,
                  const struct stat *st) {
  (void)ctx;
  unsigned long long size = st ? (unsigned long long)st->st_size : 0;
  if (kind == WALK_STDIN) {
    submit_stdin(c);
  } else if (kind == WALK_ERROR) {
    output_submit_failure(c, ITEM_PAGE, path, NULL, rel);
  } else if (kind == WALK_NOTHING) {
    cli_complain(c, path, rel); /* said, no failure: there was nothing to fail */
  } else if (kind == WALK_ARCHIVE) {
    archive_submit(c, path, rel, size);
  } else {
    pith_options opts;
    submit_page_options(c, &opts);
    opts.source_file = path;
    item_info *in = item_info_new(ITEM_PAGE, path, rel, path, NULL, NULL, NULL);
    if (in)
      in->disk_bytes = size;
    if (!in || pith_batch_add_file(c->batch, path, page_mode(c), &opts, in) != PITH_OK) {
      free(in);
      cli_complain(c, path, "out of memory");
      c->failures++;
    }
  }
}
