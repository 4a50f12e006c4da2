/* pith: the command-line tool. Arguments, inputs, outputs and errors; no
 * extraction logic lives here. The flow of a run: the options
 * (options.c), the plan that refuses an unsafe run (plan.c), the outputs
 * made ready (destination.c), the inputs walked (walk.c) and handed to the
 * batch (submit.c, archive.c), what it delivers written (output.c), the
 * outputs put in place, the summary (report.c). */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>

#include "cli/archive.h"
#include "cli/cli.h"
#include "cli/destination.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/plan.h"
#include "cli/report.h"
#include "cli/stop.h"
#include "cli/submit.h"
#include "cli/walk.h"
#include "pith.h"

/* One process, many pages: keep freed memory for the next page rather
 * than handing it back to the kernel and faulting it in again. */
static void tune_malloc(void) {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  /* One heap for every thread: memory kept per thread would add up each
   * thread's own worst page over a long run (ten copies of a crawl took
   * 1.15-1.3x the memory of one); one heap holds the worst moment only. */
  mallopt(M_ARENA_MAX, 1);
}

/* Whether the run's xml goes to one stream as several documents (several
 * inputs, an archive, a directory): they make one, inside <articles>. */
static int xml_stream(const cli *c, char **inputs, int ninputs) {
  if (c->format != PITH_FORMAT_XML || c->output_dir || ninputs == 0)
    return 0;
  struct stat st;
  return ninputs > 1 || archive_sniff_path(inputs[0]) ||
         (stat(inputs[0], &st) == 0 && S_ISDIR(st.st_mode));
}

int main(int argc, char **argv) {
  tune_malloc();
  cli c;
  char **inputs;
  int ninputs;
  int status = options_parse(&c, argc, argv, &inputs, &ninputs);
  if (status >= 0)
    return status;
  /* Nothing is written before the run is known to be safe. */
  unsigned long long total_bytes = 0;
  if (plan_check(&c, inputs, ninputs, &total_bytes))
    return 2;
  stop_catch_signals();
  if (destination_open(&c))
    return 2;

  if (c.text && c.site_dedup == 1) {
    if (!(c.sites = pith_sites_new())) {
      fprintf(stderr, "pith: out of memory\n");
      return 2;
    }
    c.collect = 1;
    walk_inputs(&c, inputs, ninputs, submit_count_lines, NULL);
    c.collect = 0;
  }
  c.xml_stream = xml_stream(&c, inputs, ninputs);
  pith_batch_options bo;
  pith_batch_options_init(&bo);
  bo.jobs = c.jobs;
  bo.render = 1;
  bo.format = c.format;
  bo.render_flags = c.render_flags;
  /* A page that runs alone (docs/limits.md). */
  c.trim_after = bo.max_pending_bytes / 2;
  c.report = report_new(c.progress, total_bytes);
  if (pith_batch_new(&bo, output_deliver, &c, &c.batch) != PITH_OK) {
    fprintf(stderr, "pith: out of memory\n");
    return 2;
  }
  if (c.xml_stream)
    fputs(XML_STREAM_OPEN, c.out);
  if (walk_inputs(&c, inputs, ninputs, submit_input, NULL)) {
    cli_complain(&c, "inputs", "out of memory while searching the directories");
    c.failures++;
  }
  pith_batch_finish(c.batch);
  if (c.xml_stream)
    fputs("</articles>\n", c.out);
  pith_batch_stats stats;
  pith_batch_get_stats(c.batch, &stats);
  pith_sites_free(c.sites);
  destination_close(&c, &stats);

  /* The summary: for a run of more than one page, or when asked for. */
  if (!c.quiet && (stats.submitted > 1 || c.progress))
    report_summary(c.report, &stats, c.failures);
  report_free(c.report);
  pith_batch_free(c.batch); /* after the summary: its reason strings live in the batch */
  int sig = stop_signal_caught();
  if (sig) {
    if (!c.quiet)
      fprintf(stderr, "pith: stopped by %s: the inputs after the %llu read were left out\n",
              sig == SIGINT ? "Ctrl-C (SIGINT)" : "SIGTERM", stats.submitted);
    return stop_die_of_signal();
  }
  if (stop_output_broken() && !c.quiet)
    fprintf(stderr,
            "pith: stopped: the output cannot be written; the inputs after the %llu read "
            "were left out\n",
            stats.submitted);
  return stats.failed || c.failures ? 1 : 0;
}
