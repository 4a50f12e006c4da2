/* Progress and summary on standard error. */
#include "cli/report.h"

#include <stdlib.h>
#include <time.h>

struct report {
  int progress;
  int line_shown; /* a progress line is on the screen, without its newline */
  unsigned long long total_bytes, done_bytes;
  double start, last;
};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

report *report_new(int progress, unsigned long long total_bytes) {
  report *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->progress = progress;
  r->total_bytes = total_bytes;
  r->start = r->last = now();
  return r;
}

static void show(report *r, const pith_batch_stats *s, double t) {
  double elapsed = t - r->start > 1e-3 ? t - r->start : 1e-3;
  unsigned long long read = s->extracted + s->skipped + s->failed;
  fprintf(stderr, "\rpith: %llu read, %llu failed, %.0f pages/s, %.1f MB/s", read, s->failed,
          (double)s->extracted / elapsed, (double)s->input_bytes / 1e6 / elapsed);
  if (r->total_bytes) {
    double f = (double)r->done_bytes / (double)r->total_bytes;
    fprintf(stderr, ", %.0f%%", f > 1 ? 100.0 : 100.0 * f);
    if (f > 0.01 && f < 1) {
      long eta = (long)(elapsed * (1 - f) / f + 0.5);
      fprintf(stderr, ", ETA %ld:%02ld:%02ld", eta / 3600, eta / 60 % 60, eta % 60);
    }
  }
  fputs("\033[K", stderr); /* erase what a longer line left */
  fflush(stderr);
  r->line_shown = 1;
}

void report_delivered(report *r, pith_batch *b, unsigned long long disk_bytes) {
  if (!r)
    return;
  r->done_bytes += disk_bytes;
  if (!r->progress)
    return;
  double t = now();
  if (t - r->last < 0.25)
    return;
  r->last = t;
  pith_batch_stats s;
  pith_batch_get_stats(b, &s);
  show(r, &s, t);
}

void report_clear_line(report *r) {
  if (r && r->line_shown) {
    fputs("\r\033[K", stderr);
    r->line_shown = 0;
  }
}

void report_summary(report *r, const pith_batch_stats *s, int extra_failures) {
  if (r && r->progress)
    show(r, s, now()), fputc('\n', stderr), r->line_shown = 0;
  report_clear_line(r);
  fprintf(stderr, "pith: %llu read: %llu extracted, %llu skipped", s->submitted, s->extracted,
          s->skipped);
  for (size_t i = 0; i < s->nreasons; i++)
    fprintf(stderr, "%s%s %llu", i ? ", " : " (", s->reason[i], s->reason_count[i]);
  fprintf(stderr, "%s, %llu failed", s->nreasons ? ")" : "", s->failed);
  if (extra_failures)
    fprintf(stderr, " (and %d other failure%s)", extra_failures, extra_failures > 1 ? "s" : "");
  fputc('\n', stderr);
}

void report_free(report *r) {
  free(r);
}
