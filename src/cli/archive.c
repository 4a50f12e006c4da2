/* Crawl archives on the command line: records in, one item of the batch
 * each. */
#include "cli/archive.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/output.h"
#include "cli/stdin.h"
#include "cli/submit.h"
#include "input/warc.h"

int archive_name(const char *name) {
  size_t n = strlen(name);
  if (cli_ends_with(name, n, ".gz") || cli_ends_with(name, n, ".zst"))
    n -= cli_ends_with(name, n, ".gz") ? 3 : 4;
  return cli_ends_with(name, n, ".warc") || cli_ends_with(name, n, ".wet");
}

int cli_text_name(const char *name) {
  size_t n = strlen(name);
  if (cli_ends_with(name, n, ".gz"))
    n -= 3;
  return cli_ends_with(name, n, ".txt");
}

int archive_sniff_path(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  unsigned char head[512], *more;
  size_t n = fread(head, 1, sizeof head, f);
  int yes = warc_sniff(head, n);
  /* A zstd frame gives no byte before its first block is whole. */
  if (!yes && n == sizeof head && warc_sniff_more(head, n) && (more = malloc(WARC_SNIFF_MOST))) {
    memcpy(more, head, n);
    n += fread(more + n, 1, WARC_SNIFF_MOST - n, f);
    yes = warc_sniff(more, n);
    free(more);
  }
  fclose(f);
  return yes;
}

char *archive_output_name(const char *rel, pith_format format) {
  size_t n = strlen(rel);
  if (cli_ends_with(rel, n, ".gz"))
    n -= 3;
  /* Many records in one file: json lines, or the records one after another. */
  const char *ext = format == PITH_FORMAT_JSON       ? ".jsonl"
                    : format == PITH_FORMAT_MARKDOWN ? ".md"
                    : format == PITH_FORMAT_HTML     ? ".html"
                    : format == PITH_FORMAT_XML      ? ".xml"
                                                     : ".txt";
  char *name = malloc(n + strlen(ext) + 1);
  if (name) {
    memcpy(name, rel, n);
    strcpy(name + n, ext);
  }
  return name;
}

int archive_open_output(const char *dir, const char *name, outfile *o) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *path = malloc(n);
  if (!path) {
    errno = ENOMEM;
    return -1;
  }
  snprintf(path, n, "%s/%s", dir, name);
  int rc = output_make_parents(path) ? -1 : outfile_open(o, path);
  int e = errno;
  free(path);
  errno = e;
  return rc;
}

static void options_for(const cli *c, const pith_record *rec, pith_sites *sites,
                        pith_options *opts) {
  submit_page_options(c, opts);
  opts->url = NULL; /* the record's own */
  opts->sites = sites;
  /* The HTTP header's charset is the page's declaration; --charset only
   * stands in for a missing one. */
  opts->charset = rec->charset ? rec->charset : c->charset;
}

/* Hands a's current record, rec, to the batch (its payload moved, not
 * copied); *pos is how far into the file the records submitted so far
 * reach (for the progress). */
static void submit_record(cli *c, const char *name, pith_archive *a, const pith_record *rec,
                          pith_sites *sites, unsigned long long *pos) {
  item_info *in =
      item_info_new(ITEM_RECORD, name, NULL, NULL, rec->url, rec->warc_record_id, rec->warc_date);
  pith_status st = PITH_ERR_NOMEM;
  if (in) {
    in->offset = rec->warc_offset;
    in->length = rec->warc_length;
    in->has_offset = 1;
    in->http_status = rec->http_status;
    unsigned long long end = rec->warc_offset + rec->warc_length;
    in->disk_bytes = end > *pos ? end - *pos : 0;
    *pos = end > *pos ? end : *pos;
    pith_options opts;
    options_for(c, rec, sites, &opts);
    st = pith_batch_add_archive_record(c->batch, a, &opts, in);
  }
  if (st != PITH_OK) {
    free(in);
    cli_complain(c, name, pith_status_string(st));
    c->failures++;
  }
}

/* An archive read through a callback: bytes already read (head), then
 * the rest of standard input (fd), which comes this way: its first bytes
 * were read to tell an archive from a page. */
typedef struct {
  const char *head;
  size_t len, pos;
  int fd;
  off_t start;      /* a regular file: where the archive starts in it */
  int say_no_dedup; /* a pipe: say at its first text record that no lines were counted */
  int seekable;     /* a regular file read from start: the reader may go back in it */
} byte_source;

static long stream_read(void *ctx, void *buf, size_t n) {
  byte_source *s = ctx;
  if (s->pos < s->len) {
    if (n > s->len - s->pos)
      n = s->len - s->pos;
    memcpy(buf, s->head + s->pos, n);
    s->pos += n;
    return (long)n;
  }
  return stdin_read(buf, n);
}

/* One pass over the archive: counting its text lines into sites (count)
 * or submitting its records. Returns how far into the file the submitted
 * records reach. */
static unsigned long long pass(cli *c, const char *path, byte_source *in, const char *name,
                               pith_sites **sites, int count) {
  pith_archive_options ao;
  pith_archive_options_init(&ao);
  ao.all_status = c->all_status;
  ao.all_types = c->all_types;
  if (c->max_page_bytes)
    ao.max_record_bytes = c->max_page_bytes;
  pith_archive *a = NULL;
  /* Standard input as a regular file is read as a file is: after damage
   * the reader may go back in it (stream.h). */
  pith_status st = path           ? pith_archive_open(path, &ao, &a)
                   : in->seekable ? pith_archive_open_fd(in->fd, name, &ao, &a)
                                  : pith_archive_open_read(stream_read, in, name, &ao, &a);
  if (st != PITH_OK) {
    /* The reader's message names the file, as the line it goes on does. */
    const char *why = a ? pith_archive_error(a) : "out of memory";
    size_t n = strlen(name);
    if (!strncmp(why, name, n) && !strncmp(why + n, ": ", 2))
      why += n + 2;
    if (!count)
      output_submit_failure(c, ITEM_RECORD, name, NULL, why);
    pith_archive_close(a);
    return 0;
  }
  unsigned long long pos = 0;
  const pith_record *rec;
  while (!cli_stopping() && (st = pith_archive_next(a, &rec)) == PITH_OK) {
    if (!count) {
      if (in && in->say_no_dedup && rec->kind == PITH_RECORD_TEXT) {
        in->say_no_dedup = 0;
        cli_complain(c, name,
                     "read once, through a pipe: its pages' repeated lines are not counted "
                     "(--site-dedup needs the file, or 'pith < FILE'; --no-site-dedup: no note)");
      }
      submit_record(c, name, a, rec, *sites, &pos);
      continue;
    }
    /* Site lines are for text records (WET); an archive of HTML
     * responses is not read twice for them. */
    if (rec->kind == PITH_RECORD_HTML) {
      pith_sites_free(*sites);
      *sites = NULL;
    }
    if (!*sites)
      break;
    if (rec->kind == PITH_RECORD_TEXT) {
      pith_options opts;
      options_for(c, rec, NULL, &opts);
      opts.url = rec->url;
      if (pith_sites_add(*sites, rec->payload, rec->payload_len, &opts) != PITH_OK) {
        pith_sites_free(*sites); /* out of memory: go on without */
        *sites = NULL;
      }
    }
  }
  /* A read that a signal ended (stdin_read) is no damage to report. */
  if (st != PITH_DONE && st != PITH_OK && !count && !cli_stopping())
    output_submit_failure(c, ITEM_RECORD, name, NULL, pith_archive_error(a));
  pith_archive_close(a);
  return pos;
}

/* archive_submit and archive_submit_stdin: the records of path, or of in
 * (rewind: how to read it again from the start for the second pass, NULL
 * when it cannot be). */
static void submit_archive(cli *c, const char *path, byte_source *in, int (*rewind)(byte_source *),
                           const char *rel, const char *name, unsigned long long disk_bytes) {
  if (c->collect)
    return;          /* an archive counts its own lines */
  if (c->dump_dom) { /* a tree is a page's: its records would be extracted */
    output_submit_failure(c, ITEM_PAGE, name, path,
                          "a WARC/WET archive: --dump-dom shows the tree of HTML pages only");
    return;
  }
  pith_sites *sites = NULL;
  if (c->site_dedup != 0 && (path || rewind) && (sites = pith_sites_new())) {
    pass(c, path, in, name, &sites, 1);
    if (!path && rewind(in)) {
      pith_sites_free(sites);
      sites = NULL;
      cli_complain(c, name, "cannot read it again for --site-dedup");
    }
  }
  item_info *begin = item_info_new(ITEM_ARCHIVE_BEGIN, name, rel, NULL, NULL, NULL, NULL);
  item_info *end = item_info_new(ITEM_ARCHIVE_END, name, rel, NULL, NULL, NULL, NULL);
  if (!begin || !end || pith_batch_add_marker(c->batch, begin)) {
    free(begin), free(end);
    pith_sites_free(sites);
    cli_complain(c, name, "out of memory");
    c->failures++;
    return;
  }
  unsigned long long pos = pass(c, path, in, name, &sites, 0);
  /* The end marker frees the counter once the archive's records are all
   * extracted. */
  end->sites = sites;
  end->disk_bytes = disk_bytes > pos ? disk_bytes - pos : 0;
  if (pith_batch_add_marker(c->batch, end)) {
    pith_batch_finish(c->batch);
    pith_sites_free(sites);
    free(end);
  }
}

void archive_submit(cli *c, const char *path, const char *rel, unsigned long long disk_bytes) {
  submit_archive(c, path, NULL, NULL, rel, path, disk_bytes);
}

/* Standard input as a regular file (pith < crawl.warc.gz): read again from
 * where the archive starts, its head included. */
static int rewind_file(byte_source *in) {
  if (lseek(in->fd, in->start, SEEK_SET) != in->start)
    return -1;
  in->len = in->pos = 0;
  return 0;
}

void archive_submit_stdin(cli *c, const char *head, size_t len) {
  byte_source in = {head, len, 0, STDIN_FILENO, 0, 0, 0};
  struct stat st;
  int regular = fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);
  off_t at = regular ? lseek(STDIN_FILENO, 0, SEEK_CUR) : -1;
  int rereadable = at >= (off_t)len;
  if (rereadable) {
    in.start = at - (off_t)len;
    rereadable = in.seekable = !rewind_file(&in);
  }
  /* A pipe (a download piped in) is read once, as it comes. */
  in.say_no_dedup = !rereadable && c->site_dedup != 0;
  submit_archive(c, NULL, &in, rereadable ? rewind_file : NULL, "stdin", "(stdin)",
                 regular ? (unsigned long long)st.st_size : 0);
}
