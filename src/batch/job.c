/* A batch job's work: read, extract, render — on a worker thread. */
#include "batch/job.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/read.h"

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
    return &o->source;
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
  j->len = j->cost = len;
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
  j->cost = stat(path, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size : 0;
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

/* Extracts data[0..len) as the mode says; the result's message on failure. */
static void extract(batch_job *j, const char *data, size_t len) {
  pith_batch_item *it = &j->item;
  pith_result *r = NULL;
  pith_status st = j->mode == PITH_BATCH_TEXT ? pith_extract_text(data, len, &j->opts, &r)
                                              : pith_extract(data, len, &j->opts, &r);
  if (st == PITH_ERR_NOT_HTML && j->mode == PITH_BATCH_HTML && r && pith_result_error(r) &&
      !strcmp(pith_result_error(r), "no HTML markup found")) {
    /* Text with no markup at all is a page flattened to text: text mode.
     * (Binary data stays an error.) */
    pith_result_free(r);
    r = NULL;
    st = pith_extract_text(data, len, &j->opts, &r);
  }
  it->status = st;
  it->result = r;
  it->input_bytes = len;
  if (st != PITH_OK)
    it->error = r && pith_result_error(r) ? pith_result_error(r) : pith_status_string(st);
  else if (pith_result_error(r))
    it->skipped = "language";
}

void batch_job_run(batch_job *j, const pith_batch_options *o) {
  pith_batch_item *it = &j->item;
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
  case BATCH_PAGE:
    extract(j, j->data, j->len);
    break;
  case BATCH_FILE: {
    char *data = NULL;
    size_t len = 0;
    if (pith_read_file(j->data, j->opts.max_input_bytes, &data, &len, j->message,
                       sizeof j->message)) {
      it->status = strncmp(j->message, "larger than", 11) ? PITH_ERR_READ : PITH_ERR_TOO_LARGE;
      it->error = j->message;
      return;
    }
    extract(j, data, len);
    free(data);
    break;
  }
  }
  /* The input is no longer needed: only the result waits for delivery. */
  if (j->kind == BATCH_PAGE) {
    free(j->data);
    j->data = NULL;
  }
  if (it->error || !o->render)
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

void batch_job_free(batch_job *j) {
  if (!j)
    return;
  pith_result_free(j->item.result);
  pith_free(j->output);
  free(j->data);
  free(j->strings);
  free(j);
}
