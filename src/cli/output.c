/* Writing what the batch delivers, in input order. */
#include "cli/output.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/archive.h"
#include "cli/report.h"
#include "util/buf.h"

item_info *item_info_new(item_kind kind, const char *name, const char *rel, const char *source,
                         const char *url, const char *record_id, const char *date) {
  const char *in[6] = {name, rel, source, url, record_id, date};
  size_t total = sizeof(item_info);
  for (int i = 0; i < 6; i++)
    total += in[i] ? strlen(in[i]) + 1 : 0;
  item_info *info = calloc(1, total);
  if (!info)
    return NULL;
  info->kind = kind;
  const char **out[6] = {&info->name, &info->rel,       &info->source,
                         &info->url,  &info->record_id, &info->date};
  char *p = (char *)(info + 1);
  for (int i = 0; i < 6; i++) {
    if (!in[i])
      continue;
    size_t n = strlen(in[i]) + 1;
    memcpy(p, in[i], n);
    *out[i] = p;
    p += n;
  }
  return info;
}

void output_submit_failure(cli *c, item_kind kind, const char *name, const char *source,
                           const char *message) {
  item_info *in = item_info_new(kind, name, NULL, source, NULL, NULL, NULL);
  if (!in || pith_batch_add_failure(c->batch, message, in) != PITH_OK) {
    free(in);
    cli_complain(c, name, message);
    c->failures++;
  }
}

static const char *format_ext(pith_format f) {
  switch (f) {
  case PITH_FORMAT_JSON:
    return ".json";
  case PITH_FORMAT_MARKDOWN:
    return ".md";
  case PITH_FORMAT_HTML:
    return ".html";
  case PITH_FORMAT_XML:
    return ".xml";
  default:
    return ".txt";
  }
}

char *output_name(const char *rel, pith_format f) {
  size_t n = strlen(rel);
  if (cli_ends_with(rel, n, ".gz"))
    n -= 3;
  if (cli_ends_with(rel, n, ".html"))
    n -= 5;
  else if (cli_ends_with(rel, n, ".xhtml"))
    n -= 6;
  else if (cli_ends_with(rel, n, ".htm") || cli_ends_with(rel, n, ".txt"))
    n -= 4;
  const char *ext = format_ext(f);
  char *name = malloc(n + strlen(ext) + 1);
  if (name) {
    memcpy(name, rel, n);
    strcpy(name + n, ext);
  }
  return name;
}

int output_make_parents(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    int rc = mkdir(path, 0777);
    int e = errno;
    *p = '/';
    if (rc && e != EEXIST) {
      errno = e;
      return -1;
    }
  }
  return 0;
}

/* Writes data to a new file at path (replacing one that is there) with one
 * write() in the common case, and no stdio buffer in between. The parent
 * directories are made only when the open finds them missing: most outputs
 * go to directories made for an earlier one. -1 with errno set on failure. */
static int write_file(char *path, const char *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0 && errno == ENOENT) {
    if (output_make_parents(path))
      return -1;
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  }
  if (fd < 0)
    return -1;
  while (len) {
    ssize_t w = write(fd, data, len);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0) {
      /* Half a page is worse than none: the file goes. */
      int e = w < 0 ? errno : EIO;
      close(fd);
      unlink(path);
      errno = e;
      return -1;
    }
    data += w;
    len -= (size_t)w;
  }
  return close(fd);
}

void cli_complain(const cli *c, const char *input, const char *reason) {
  if (c->quiet)
    return;
  report_clear_line(c->report);
  fprintf(stderr, "pith: %s: %s\n", input, reason);
}

/* Messages about an archive's record name it by its offset and
 * WARC-Record-ID. */
static void complain_item(const cli *c, const item_info *in, const char *reason) {
  if (in->kind != ITEM_RECORD || !in->has_offset || c->quiet) {
    cli_complain(c, in->name, reason);
    return;
  }
  report_clear_line(c->report);
  fprintf(stderr, "pith: %s: record at byte %llu%s%s%s: %s\n", in->name, in->offset,
          in->record_id ? " (" : "", in->record_id ? in->record_id : "", in->record_id ? ")" : "",
          reason);
}

static void json_field(buf *b, const char *key, const char *value) {
  if (!value)
    return;
  buf_printf(b, "%s\"%s\":\"", b->len > 1 ? "," : "", key);
  buf_json_escape(b, value, strlen(value));
  buf_putc(b, '"');
}

/* A failure as a JSON line: where it came from and the "error". */
static void write_error_record(cli *c, FILE *stream, const item_info *in, const char *error) {
  buf b;
  buf_init(&b);
  buf_putc(&b, '{');
  json_field(&b, "source_file", in->source);
  if (!in->source && in->kind == ITEM_PAGE)
    json_field(&b, "source_file", in->name);
  json_field(&b, "url", in->url);
  json_field(&b, "warc_record_id", in->record_id);
  json_field(&b, "warc_date", in->date);
  if (in->http_status) /* in the order of a page's fields */
    buf_printf(&b, ",\"http_status\":%d", in->http_status);
  if (in->kind == ITEM_RECORD)
    json_field(&b, "warc_filename", strrchr(in->name, '/') ? strrchr(in->name, '/') + 1 : in->name);
  if (in->has_offset)
    buf_printf(&b, ",\"warc_offset\":%llu", in->offset);
  if (in->has_offset && in->length) /* unknown for damaged data */
    buf_printf(&b, ",\"warc_length\":%llu", in->length);
  json_field(&b, "error", error);
  buf_puts(&b, "}\n");
  if (b.oom || fwrite(b.data, 1, b.len, stream) != b.len) {
    cli_complain(c, in->name, "cannot write the error record");
    c->failures++;
  }
  buf_free(&b);
}

/* The stream an item's output goes to: NULL for a page below
 * --output-dir (a file of its own), or when its archive's file could not
 * be opened. */
static FILE *stream_of(const cli *c, const item_info *in) {
  if (in->kind == ITEM_RECORD && c->output_dir)
    return c->archive_out;
  return c->output_dir ? NULL : c->out;
}

/* Text, Markdown and HTML documents to one stream are separated by a
 * line holding a form feed alone, so that tools can split them again. */
static int write_document(cli *c, const item_info *in, FILE *stream, const char *out, size_t len) {
  unsigned long long *n = c->output_dir ? &c->archive_documents : &c->documents;
  if ((*n)++ &&
      (c->format == PITH_FORMAT_TEXT || c->format == PITH_FORMAT_MARKDOWN ||
       c->format == PITH_FORMAT_HTML) &&
      fputs("\f\n", stream) == EOF)
    return -1;
  /* In an xml stream (several documents, an archive) the declaration
   * comes once, before <articles>. */
  if (c->format == PITH_FORMAT_XML && (c->xml_stream || in->kind == ITEM_RECORD) && len >= 5 &&
      !strncmp(out, "<?xml", 5)) {
    const char *nl = memchr(out, '\n', len);
    if (nl) {
      len -= (size_t)(nl + 1 - out);
      out = nl + 1;
    }
  }
  return len && fwrite(out, 1, len, stream) != len ? -1 : 0;
}

static void begin_archive(cli *c, const item_info *in) {
  c->archive_documents = c->archive_extracted = c->archive_failed = 0;
  if (!c->output_dir)
    return;
  char *file = archive_output_name(in->rel, c->format);
  if (file && !archive_open_output(c->output_dir, file, &c->archive_file)) {
    c->archive_out = c->archive_file.f;
    cli_temporary(2, outfile_temporary(&c->archive_file));
  }
  if (!c->archive_out) {
    char msg[512];
    snprintf(msg, sizeof msg, "cannot write %s/%s: %s", c->output_dir, file ? file : in->rel,
             strerror(file ? errno : ENOMEM));
    cli_complain(c, in->name, msg);
    c->failures++;
  } else if (c->format == PITH_FORMAT_XML) {
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<articles>\n", c->archive_out);
  }
  free(file);
}

/* The archive's file put in place, as -o's: unless nothing of it was
 * extracted and something failed (it could not be read). */
static void end_archive(cli *c, const item_info *in) {
  pith_sites_free(in->sites);
  if (!c->archive_out)
    return;
  if (c->format == PITH_FORMAT_XML)
    fputs("</articles>\n", c->archive_out);
  cli_temporary(2, NULL);
  if (!c->archive_extracted && c->archive_failed && outfile_temporary(&c->archive_file)) {
    outfile_discard(&c->archive_file);
  } else if (outfile_commit(&c->archive_file)) {
    cli_complain(c, in->name, "cannot write the output");
    c->failures++;
  }
  c->archive_out = NULL;
}

/* A page below --output-dir: its own file. */
static int write_page_file(cli *c, const item_info *in, const char *out, size_t len) {
  char *file = output_name(in->rel, c->format);
  size_t n = file ? strlen(c->output_dir) + strlen(file) + 2 : 0;
  char *path = file ? malloc(n) : NULL;
  int rc = -1;
  if (!path) {
    snprintf(c->message, sizeof c->message, "out of memory");
  } else {
    snprintf(path, n, "%s/%s", c->output_dir, file);
    rc = write_file(path, out, len);
    int e = errno;
    if (rc)
      snprintf(c->message, sizeof c->message, "cannot write %s: %s", path, strerror(e));
    /* A full disk fails every page after this one: the run stops. */
    if (rc && (e == ENOSPC || e == EDQUOT || e == EFBIG || e == EROFS)) {
      c->device_full = 1;
      cli_stop_run();
    }
  }
  free(path);
  free(file);
  return rc;
}

/* A record skipped for its size: the limit it was over. */
static const char *too_large(cli *c) {
  pith_archive_options ao;
  pith_archive_options_init(&ao);
  snprintf(c->message, sizeof c->message, "skipped: larger than %zu bytes (--max-page-bytes)",
           c->max_page_bytes ? c->max_page_bytes : ao.max_record_bytes);
  return c->message;
}

void output_deliver(void *ctx, pith_batch_item *it) {
  cli *c = ctx;
  item_info *in = it->user;
  if (in->kind == ITEM_ARCHIVE_BEGIN) {
    begin_archive(c, in);
  } else if (in->kind == ITEM_ARCHIVE_END) {
    end_archive(c, in);
  } else if (it->error) {
    c->archive_failed += in->kind == ITEM_RECORD;
    if (!strncmp(it->error, "larger than ", 12)) {
      /* The library's "larger than N bytes": which option sets N. */
      snprintf(c->message, sizeof c->message, "%s (--max-size)", it->error);
      it->error = c->message;
    }
    complain_item(c, in, it->error);
    FILE *errors = c->errors_out                   ? c->errors_out
                   : c->format == PITH_FORMAT_JSON ? stream_of(c, in)
                                                   : NULL;
    if (errors)
      write_error_record(c, errors, in, it->error);
  } else if (it->skipped && !strcmp(it->skipped, "language")) {
    /* Left out by --language: a skip like any other (an archive record of
     * another type, a file that is no page): no output, no failure,
     * counted in the summary. Said for a file given, so that an empty
     * run explains itself; not for each record of an archive, where it is
     * most of a crawl's pages (the summary counts them). */
    if (in->kind != ITEM_RECORD && it->result && pith_result_error(it->result))
      complain_item(c, in, pith_result_error(it->result));
  } else {
    if (it->skipped && !strcmp(it->skipped, "not-html") && it->result &&
        pith_result_error(it->result)) {
      snprintf(c->message, sizeof c->message, "skipped: %s", pith_result_error(it->result));
      complain_item(c, in, c->message);
    } else if (it->skipped && !strcmp(it->skipped, "too-large"))
      complain_item(c, in, too_large(c));
    /* Output written, but the input is flawed (a gzip file cut short):
     * said, and counted as failed, so --errors' file lists it too. */
    if (it->warning)
      complain_item(c, in, it->warning);
    if (it->warning && c->errors_out)
      write_error_record(c, c->errors_out, in, it->warning);
    FILE *stream = stream_of(c, in);
    c->archive_extracted += in->kind == ITEM_RECORD && it->output;
    if (!it->output) {
      /* skipped without extraction: nothing to write */
    } else if (in->kind == ITEM_RECORD && !stream) {
      complain_item(c, in, "not written: the archive's output file could not be opened");
      it->error = "not written";
    } else if (in->kind == ITEM_PAGE && c->output_dir) {
      int said = c->device_full; /* the pages under way fail alike: said once */
      if (write_page_file(c, in, it->output, it->output_len)) {
        if (!said)
          complain_item(c, in, c->message);
        it->error = c->message;
      }
    } else if (write_document(c, in, stream, it->output, it->output_len)) {
      snprintf(c->message, sizeof c->message, "cannot write the output: %s", strerror(errno));
      /* The one output stream (a full disk): no input is read after
       * this, and the outputs already under way are not each complained
       * of. */
      if (stream != c->out || !cli_stopping())
        complain_item(c, in, c->message);
      if (stream == c->out)
        cli_stop_run();
      it->error = c->message;
    }
  }
  report_delivered(c->report, c->batch, in->disk_bytes);
  free(in);
  /* A page this large left its scratch buffers outside the block pool
   * (the tokenizer's, the extraction's: a few MiB) free in the heap; kept,
   * they would be scattered by the small pages after it and the heap would
   * grow again for the next large page: a long crawl would ratchet up.
   * Given back, the pages that follow fault in what they use (large pages
   * are rare: under 1% of CPU time on the benchmark WARC). */
  if (c->trim_after && it->input_bytes >= c->trim_after)
    malloc_trim(0);
}
