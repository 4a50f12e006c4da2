/* The public batch API: delivery in submission order whatever the number
 * of threads, every kind of item counted, stats that add up, the bound on
 * items in flight and on their bytes, a result kept by the callback. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pith.h"

enum { PAGES = 60 };

typedef struct {
  unsigned long long next_seq; /* the seq the next delivery must carry */
  int in_order;
  int titles_ok;
  int markers;
  pith_result *kept;
  pith_batch *batch;
  unsigned long long max_in_flight;
} seen;

static void on_item(void *ctx, pith_batch_item *it) {
  seen *s = ctx;
  if (it->seq != s->next_seq)
    s->in_order = 0;
  s->next_seq++;
  if (it->marker) {
    s->markers++;
    return;
  }
  int n = (int)(size_t)it->user;
  if (n >= 0 && n < PAGES && !it->error) {
    char want[32];
    snprintf(want, sizeof want, "Page %d", n);
    if (!it->result || !pith_result_title(it->result) ||
        strcmp(pith_result_title(it->result), want) || !it->output || !strstr(it->output, want))
      s->titles_ok = 0;
  }
  if (n == 7 && it->result) { /* keep one result past the callback */
    s->kept = it->result;
    it->result = NULL;
  }
  pith_batch_stats st;
  pith_batch_get_stats(s->batch, &st);
  unsigned long long done = st.extracted + st.skipped + st.failed;
  if (st.submitted - done > s->max_in_flight)
    s->max_in_flight = st.submitted - done;
}

/* A batch rendering text on `jobs` threads, delivering to on_item (max_pending
 * and max_pending_bytes 0: the defaults); 0 if it could not start. */
static int start(seen *s, unsigned jobs, size_t max_pending, size_t max_pending_bytes) {
  pith_batch_options bo;
  pith_batch_options_init(&bo);
  bo.jobs = jobs;
  if (max_pending_bytes)
    bo.max_pending_bytes = max_pending_bytes;
  bo.max_pending = max_pending;
  bo.render = 1;
  bo.format = PITH_FORMAT_TEXT;
  *s = (seen){0, 1, 1, 0, NULL, NULL, 0};
  CHECK(pith_batch_new(&bo, on_item, s, &s->batch) == PITH_OK);
  return s->batch != NULL;
}

/* max_pending_bytes 0: the default; small: most pages are over it (each
 * submitted, and extracted, alone) — still every one delivered, in order. */
static void run(unsigned jobs, size_t max_pending_bytes) {
  seen s;
  if (!start(&s, jobs, 5, max_pending_bytes))
    return;
  pith_options opts;
  pith_options_init(&opts);
  opts.language = "en";
  char page[4096];
  for (int i = 0; i < PAGES; i++) {
    /* pages of very different lengths, so that workers finish out of order */
    int n = snprintf(page, sizeof page, "<html lang=en><title>Page %d</title><body><article>", i);
    for (int k = 0; k < (i * 7) % 23 + 1 && n < 3500; k++)
      n += snprintf(page + n, sizeof page - (size_t)n,
                    "<p>Paragraph %d of page %d, long enough to be read as prose by pith.</p>", k,
                    i);
    n += snprintf(page + n, sizeof page - (size_t)n, "</article></body></html>");
    CHECK(pith_batch_add(s.batch, page, (size_t)n, PITH_BATCH_HTML, &opts, (void *)(size_t)i) ==
          PITH_OK);
    if (i == 20)
      CHECK(pith_batch_add_failure(s.batch, "no such file", (void *)(size_t)1000) == PITH_OK);
    if (i == 30)
      CHECK(pith_batch_add_skip(s.batch, "revisit", (void *)(size_t)1001) == PITH_OK);
    if (i == 40)
      CHECK(pith_batch_add_marker(s.batch, NULL) == PITH_OK);
  }
  const char *de = "<html lang=de><title>Seite</title><body><article><p>Der Fluss ist über die "
                   "Ufer getreten und die alte Brücke wurde gesperrt, sagte die Stadt.</p>"
                   "</article></body></html>";
  CHECK(pith_batch_add(s.batch, de, strlen(de), PITH_BATCH_HTML, &opts, (void *)(size_t)1002) ==
        PITH_OK);
  CHECK(pith_batch_add_file(s.batch, "/nonexistent/page.html", PITH_BATCH_HTML, &opts,
                            (void *)(size_t)1003) == PITH_OK);
  CHECK(pith_batch_finish(s.batch) == PITH_OK);
  pith_batch_stats st;
  pith_batch_get_stats(s.batch, &st);
  CHECK(s.in_order);
  CHECK(s.titles_ok);
  CHECK(s.markers == 1);
  CHECK(s.next_seq == PAGES + 5); /* markers have a seq too */
  CHECK(st.submitted == PAGES + 4);
  CHECK(st.extracted == PAGES);
  CHECK(st.failed == 2);
  CHECK(st.skipped == 2);
  CHECK(st.submitted == st.extracted + st.skipped + st.failed);
  CHECK(st.nreasons == 2);
  CHECK_STR(st.nreasons > 0 ? st.reason[0] : NULL, "revisit");
  CHECK_STR(st.nreasons > 1 ? st.reason[1] : NULL, "language");
  CHECK(s.max_in_flight <= 5);
  CHECK(s.kept && pith_result_title(s.kept) && !strcmp(pith_result_title(s.kept), "Page 7"));
  pith_result_free(s.kept);
  pith_batch_free(s.batch);
}

/* Large pages among small ones: a page over max_pending_bytes (submitted
 * alone), one over half of it (extracted alone) and one under, each
 * between small pages, at several -j: every page delivered once, in
 * order, with its own text. */
static void run_mixed(unsigned jobs) {
  seen s;
  if (!start(&s, jobs, 0, 64 << 10))
    return;
  size_t cap = 200 << 10;
  char *page = malloc(cap);
  CHECK(page != NULL);
  for (int i = 0; page && i < PAGES; i++) {
    /* bytes of paragraphs: 100 KB, 40 KB, 20 KB, else about 1 KB */
    size_t want = i == 3 ? 100000 : i == 17 ? 40000 : i == 31 ? 20000 : 1000;
    int n = snprintf(page, cap, "<html><title>Page %d</title><body><article>", i);
    for (int k = 0; (size_t)n < want; k++)
      n += snprintf(page + n, cap - (size_t)n,
                    "<p>Paragraph %d of page %d, long enough to be read as prose by pith.</p>", k,
                    i);
    n += snprintf(page + n, cap - (size_t)n, "</article></body></html>");
    CHECK(pith_batch_add(s.batch, page, (size_t)n, PITH_BATCH_HTML, NULL, (void *)(size_t)i) ==
          PITH_OK);
  }
  free(page);
  CHECK(pith_batch_finish(s.batch) == PITH_OK);
  pith_batch_stats st;
  pith_batch_get_stats(s.batch, &st);
  CHECK(s.in_order);
  CHECK(s.titles_ok);
  CHECK(s.next_seq == PAGES);
  CHECK(st.extracted == PAGES && st.failed == 0 && st.skipped == 0);
  pith_result_free(s.kept);
  pith_batch_free(s.batch);
}

int main(void) {
  run(1, 0);
  run(4, 0);
  run(0, 0);
  run(4, 1500);
  run(2, 100);
  run_mixed(1);
  run_mixed(2);
  run_mixed(4);
  pith_batch *b = NULL;
  CHECK(pith_batch_new(NULL, NULL, NULL, &b) == PITH_ERR_INVALID && !b);
  CHECK(pith_batch_add(NULL, "x", 1, PITH_BATCH_HTML, NULL, NULL) == PITH_ERR_INVALID);
  pith_batch_free(NULL);
  return check_done();
}
