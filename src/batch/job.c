/* A batch job's work: read, extract, render — on a worker thread. */
#include "batch/job.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/archive.h"
#include "input/read.h"
#include "input/sniff.h"
#include "result.h"

/* The option strings a job keeps, in the order copy_options lays them out. */
#define NSTRINGS 6

static const char **option_string(pith_options *o, int i) {
  switch (i) {
  case 0:
    return &o->url;
  case 1:
    return &o->charset;
  case 2:
    return &o->warc_record_id;
  case 3:
    return &o->warc_date;
  case 4:
    return &o->source_file;
  default:
    return &o->language;
  }
}

/* A new job with a deep copy of opts (and extra bytes of payload, whose
 * copy the caller makes into j->data). */
static batch_job *job_new(batch_kind kind, const pith_options *opts, size_t extra) {
  batch_job *j = calloc(1, sizeof *j);
  if (!j)
    return NULL;
  j->kind = kind;
  if (opts)
    j->opts = *opts;
  else
    pith_options_init(&j->opts);
  size_t total = 0;
  for (int i = 0; i < NSTRINGS; i++) {
    const char *s = *option_string(&j->opts, i);
    total += s ? strlen(s) + 1 : 0;
  }
  if (total && !(j->strings = malloc(total))) {
    free(j);
    return NULL;
  }
  char *p = j->strings;
  for (int i = 0; i < NSTRINGS; i++) {
    const char **s = option_string(&j->opts, i);
    if (*s) {
      size_t n = strlen(*s) + 1;
      memcpy(p, *s, n);
      *s = p;
      p += n;
    }
  }
  if (!(j->data = malloc(extra + 1))) {
    free(j->strings);
    free(j);
    return NULL;
  }
  j->data[extra] = '\0';
  return j;
}

batch_job *batch_job_page(const void *data, size_t len, pith_batch_mode mode,
                          const pith_options *opts) {
  batch_job *j = job_new(BATCH_PAGE, opts, len);
  if (!j)
    return NULL;
  if (len)
    memcpy(j->data, data, len);
  j->len = j->cost = j->input = len;
  j->mode = mode;
  return j;
}

batch_job *batch_job_file(const char *path, pith_batch_mode mode, const pith_options *opts) {
  size_t n = strlen(path);
  batch_job *j = job_new(BATCH_FILE, opts, n);
  if (!j)
    return NULL;
  memcpy(j->data, path, n);
  j->len = n;
  j->mode = mode;
  struct stat st;
  /* The file's size on disk (gzip: less than it holds) bounds the memory
   * in flight well enough; it is freed once the page is extracted. */
  j->cost = j->input = stat(path, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size : 0;
  return j;
}

batch_job *batch_job_record(const pith_record *rec, pith_record *owned, const pith_options *opts) {
  if (rec->kind == PITH_RECORD_SKIPPED)
    return batch_job_note(BATCH_SKIP, rec->skip_reason ? rec->skip_reason : "other");
  if (rec->kind == PITH_RECORD_ERROR)
    return batch_job_note(BATCH_FAILURE, rec->error ? rec->error : "damaged record");
  batch_job *j = job_new(BATCH_RECORD, opts, 0);
  if (!j) {
    pith_record_free(owned);
    return NULL;
  }
  if (!(j->record = owned ? owned : pith_record_copy(rec))) {
    batch_job_free(j);
    return NULL;
  }
  /* What the copy holds (its buffer, the HTTP headers before the payload),
   * not only the payload. */
  j->cost = archive_record_bytes(j->record);
  j->input = rec->payload_len;
  return j;
}

batch_job *batch_job_note(batch_kind kind, const char *message) {
  size_t n = message ? strlen(message) : 0;
  batch_job *j = job_new(kind, NULL, n);
  if (!j)
    return NULL;
  if (n)
    memcpy(j->data, message, n);
  j->len = n;
  j->item.marker = kind == BATCH_MARKER;
  return j;
}

/* Extracts data[0..len) as the mode says (or j->record); the result's
 * message on failure. */
static void extract(batch_job *j, const char *data, size_t len) {
  pith_batch_item *it = &j->item;
  pith_result *r = NULL;
  pith_status st = j->record                    ? pith_record_extract(j->record, &j->opts, &r)
                   : j->mode == PITH_BATCH_TEXT ? pith_extract_text(data, len, &j->opts, &r)
                                                : pith_extract(data, len, &j->opts, &r);
  if (st == PITH_ERR_NOT_HTML && !j->record && j->mode == PITH_BATCH_HTML && r &&
      pith_result_error(r) && !strcmp(pith_result_error(r), "no HTML markup found")) {
    /* Text with no markup at all is a page flattened to text: text mode.
     * (Binary data stays an error.) */
    pith_result_free(r);
    r = NULL;
    st = pith_extract_text(data, len, &j->opts, &r);
  }
  it->result = r;
  it->input_bytes = j->record ? j->record->payload_len : len;
  if (st == PITH_ERR_NOT_HTML && r && sniff_not_page_reason(pith_result_error(r))) {
    /* An image, a style sheet, data: not a page, so nothing to extract,
     * and no failure (as a WARC record of another type). */
    it->status = st;
    it->skipped = "not-html";
    return;
  }
  if (j->record && st == PITH_ERR_EMPTY && r) {
    /* A record without text is a page without content, not a failure
     * (unless the archive ends inside it). */
    it->status = PITH_OK;
    it->warning = pith_result_warning(r);
    return;
  }
  it->status = st;
  if (st != PITH_OK) {
    it->error = r && pith_result_error(r) ? pith_result_error(r) : pith_status_string(st);
    return;
  }
  if (pith_result_error(r))
    it->skipped = "language"; /* left out by pith_options.language */
  it->warning = pith_result_warning(r);
}

/* --dump-dom: the parsed tree instead of an extraction. */
static void dump_dom(batch_job *j, const char *data, size_t len) {
  pith_batch_item *it = &j->item;
  size_t n = 0;
  it->input_bytes = len;
  it->status = pith_dump_dom(data, len, &j->opts, &j->output, &n);
  if (it->status != PITH_OK) {
    it->error = pith_status_string(it->status);
    return;
  }
  it->output = j->output;
  it->output_len = n;
}

void batch_job_run(batch_job *j, const pith_batch_options *o) {
  pith_batch_item *it = &j->item;
  char *data = j->data;
  size_t len = j->len;
  switch (j->kind) {
  case BATCH_MARKER:
    return;
  case BATCH_FAILURE:
    it->status = PITH_ERR_READ;
    it->error = j->data;
    return;
  case BATCH_SKIP:
    it->skipped = j->data;
    return;
  case BATCH_RECORD:
  case BATCH_PAGE:
    break;
  case BATCH_FILE: {
    int truncated = 0;
    if (pith_read_file(j->data, j->opts.max_input_bytes, &data, &len, &truncated, j->message,
                       sizeof j->message)) {
      it->status = strncmp(j->message, "larger than", 11) ? PITH_ERR_READ : PITH_ERR_TOO_LARGE;
      it->error = j->message;
      return;
    }
    if (truncated) /* what came before the cut is still extracted */
      snprintf(j->message, sizeof j->message, "%s", PITH_TRUNCATED_GZIP);
    break;
  }
  }
  if (j->mode == PITH_BATCH_DOM && !j->record)
    dump_dom(j, data, len);
  else
    extract(j, data, len);
  if (j->kind == BATCH_FILE && j->message[0] && !it->error && !it->warning) {
    it->warning = j->message; /* the file was cut short */
    if (it->result)
      it->result->art.meta.truncated = 1;
  }
  /* The input is no longer needed: only the result waits for delivery. */
  if (data != j->data)
    free(data);
  free(j->data);
  j->data = NULL;
  pith_record_free(j->record);
  j->record = NULL;
  if (it->error || it->output || it->status != PITH_OK || !o->render)
    return;
  size_t n = 0;
  pith_status st = pith_render(it->result, o->format, o->render_flags, &j->output, &n);
  if (st != PITH_OK) {
    it->status = st;
    it->error = pith_status_string(st);
    return;
  }
  it->output = j->output;
  it->output_len = n;
}

size_t batch_job_held(const batch_job *j) {
  const pith_result *r = j->item.result;
  return j->item.output_len + (r ? r->mem.total : 0);
}

void batch_job_free(batch_job *j) {
  if (!j)
    return;
  pith_result_free(j->item.result);
  pith_record_free(j->record);
  pith_free(j->output);
  free(j->data);
  free(j->strings);
  free(j);
}
