/* Many pages at once: a bounded ring of jobs in submission order, worker
 * threads that take them in that order, and delivery in that order by
 * whichever thread finds the next job done (no writer thread: the callback
 * runs on a worker, one call at a time, so writing never waits for a
 * thread of its own to be scheduled). With one job there are no threads:
 * each page is extracted and delivered inside the call that submits it. */
#define _GNU_SOURCE /* sched_getaffinity */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch/job.h"
#include "input/archive.h"
#include "pith.h"

/* Items in flight per worker: enough that a slow page at the head of the
 * ring does not leave the other workers idle (the finished items behind it
 * wait, holding only their results), and that the reading thread, when it
 * gets a core late, finds work still queued. Bytes in flight: inputs not
 * yet extracted and results not yet delivered. */
#define PENDING_PER_WORKER 16
#define DEFAULT_PENDING_BYTES ((size_t)8 << 20)

struct pith_batch {
  pith_batch_options o;
  pith_batch_callback callback;
  void *ctx;
  pthread_mutex_t mu;
  pthread_cond_t work;  /* a job was submitted, or the batch stops */
  pthread_cond_t space; /* a job was delivered: room in the ring */
  batch_job **ring;     /* slot seq % cap holds job seq while it is in flight */
  size_t cap;
  unsigned long long next_seq;  /* the next submission's number */
  unsigned long long next_run;  /* the next job a worker takes */
  unsigned long long next_emit; /* the next job to deliver */
  size_t pending_bytes;         /* inputs not yet extracted, and results not yet delivered */
  batch_job **running;          /* the jobs being extracted now (one slot per worker) */
  unsigned nrunning;
  int emitting; /* a thread is inside the delivery loop */
  int stopping;
  pthread_t *threads;
  unsigned nthreads;
  pith_batch_stats stats;
  char reasons[PITH_BATCH_REASONS][24]; /* the stats' reason strings */
};

void pith_batch_options_init(pith_batch_options *o) {
  memset(o, 0, sizeof *o);
  o->max_pending_bytes = DEFAULT_PENDING_BYTES;
}

/* Counts a delivered item (lock held). */
static void count(pith_batch *b, const pith_batch_item *it) {
  if (it->marker)
    return;
  b->stats.input_bytes += it->input_bytes;
  if (it->error || it->warning) {
    b->stats.failed++;
    return;
  }
  if (!it->skipped) {
    b->stats.extracted++;
    return;
  }
  b->stats.skipped++;
  size_t i = 0;
  while (i < b->stats.nreasons && strcmp(b->stats.reason[i], it->skipped))
    i++;
  if (i == b->stats.nreasons) {
    if (i == PITH_BATCH_REASONS)
      i--; /* the last slot becomes "other" */
    else
      b->stats.nreasons++;
    snprintf(b->reasons[i], sizeof b->reasons[i], "%s",
             i == PITH_BATCH_REASONS - 1 ? "other" : it->skipped);
    b->stats.reason[i] = b->reasons[i];
  }
  b->stats.reason_count[i]++;
}

/* Whether a submission waiting for room should look again: once the ring
 * is half empty or half its bytes are free, so that the reading thread
 * wakes once for several items rather than for each (lock held). */
static int room_opened(const pith_batch *b) {
  return b->next_seq - b->next_emit <= b->cap / 2 || b->pending_bytes <= b->o.max_pending_bytes / 2;
}

/* Delivers every finished job at the head of the ring, in order (lock
 * held on entry and exit; released around the callback). Only one thread
 * delivers at a time; a job finishing meanwhile is picked up by its loop. */
static void deliver(pith_batch *b) {
  if (b->emitting)
    return;
  b->emitting = 1;
  while (b->next_emit < b->next_run) {
    batch_job *j = b->ring[b->next_emit % b->cap];
    if (!j || !j->done)
      break;
    pthread_mutex_unlock(&b->mu);
    b->callback(b->ctx, &j->item);
    pthread_mutex_lock(&b->mu);
    count(b, &j->item);
    b->ring[b->next_emit % b->cap] = NULL;
    b->next_emit++;
    b->pending_bytes -= j->cost;
    if (room_opened(b))
      pthread_cond_broadcast(&b->space);
    pthread_mutex_unlock(&b->mu);
    batch_job_free(j);
    pthread_mutex_lock(&b->mu);
  }
  b->emitting = 0;
}

/* Does a job's work outside the lock, then delivers what is ready (lock
 * held on entry and exit). */
static void run(pith_batch *b, batch_job *j) {
  if (b->running)
    b->running[b->nrunning++] = j;
  pthread_mutex_unlock(&b->mu);
  batch_job_run(j, &b->o);
  size_t held = batch_job_held(j);
  pthread_mutex_lock(&b->mu);
  for (unsigned i = 0; i < b->nrunning; i++)
    if (b->running[i] == j)
      b->running[i] = b->running[--b->nrunning];
  if (b->nthreads > 1 && b->next_run < b->next_seq)
    pthread_cond_broadcast(&b->work); /* a large job may start now */
  /* Its input is freed: what waits for delivery is its result. */
  b->pending_bytes = b->pending_bytes - j->cost + held;
  if (held < j->cost && room_opened(b))
    pthread_cond_broadcast(&b->space);
  j->cost = held;
  j->done = 1;
  deliver(b);
}

/* Whether the next job waits for running ones to finish: the pages being
 * extracted at once hold at most half of max_pending_bytes of input
 * between them (the memory a parse takes grows with its input; a larger
 * page runs alone). Their input, not the buffers they came in: a buffer's
 * size class is up to twice its page. (Letting a large page run beside
 * small ones kept the workers busier, but ten copies of a crawl then
 * peaked 1.22x one copy, against 1.04x. A 2 MiB cap with free workers
 * starting later jobs that fit while the next one waits: -j 2 at 1.87x
 * -j 1 instead of 1.97x, simulated on the jobs' CPU times (pages over the
 * cap run alone), and a peak 1-2 MiB higher, more pages parsing at once.) */
static int too_large_now(const pith_batch *b) {
  const batch_job *next = b->ring[b->next_run % b->cap];
  size_t sum = next->input;
  for (unsigned i = 0; i < b->nrunning; i++)
    sum += b->running[i]->input;
  return b->nrunning && sum > b->o.max_pending_bytes / 2;
}

static void *worker(void *arg) {
  pith_batch *b = arg;
  pthread_mutex_lock(&b->mu);
  for (;;) {
    while ((b->next_run == b->next_seq || too_large_now(b)) && !b->stopping)
      pthread_cond_wait(&b->work, &b->mu);
    if (b->next_run == b->next_seq)
      break; /* stopping, nothing left */
    batch_job *j = b->ring[b->next_run % b->cap];
    b->next_run++;
    run(b, j);
  }
  pthread_mutex_unlock(&b->mu);
  return NULL;
}

/* The CPUs this process may run on: on a cluster node, in a container or
 * under taskset that is the share it was given (a job given 4 of 64 cores
 * that started 64 threads would crowd its neighbours), not every core
 * online. */
static unsigned usable_cpus(void) {
  cpu_set_t set;
  long n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 0;
  if (n <= 0)
    n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)(n > 1024 ? 1024 : n) : 1;
}

pith_status pith_batch_new(const pith_batch_options *opts, pith_batch_callback callback, void *ctx,
                           pith_batch **out) {
  if (!out)
    return PITH_ERR_INVALID;
  *out = NULL;
  if (!callback)
    return PITH_ERR_INVALID;
  pith_batch *b = calloc(1, sizeof *b);
  if (!b)
    return PITH_ERR_NOMEM;
  if (opts)
    b->o = *opts;
  else
    pith_batch_options_init(&b->o);
  b->callback = callback;
  b->ctx = ctx;
  unsigned jobs = b->o.jobs ? b->o.jobs : usable_cpus();
  b->cap = b->o.max_pending                        ? b->o.max_pending
           : (size_t)jobs * PENDING_PER_WORKER < 8 ? 8
                                                   : (size_t)jobs * PENDING_PER_WORKER;
  if (!b->o.max_pending_bytes)
    b->o.max_pending_bytes = DEFAULT_PENDING_BYTES;
  b->ring = calloc(b->cap, sizeof *b->ring);
  if (!b->ring || pthread_mutex_init(&b->mu, NULL)) {
    free(b->ring);
    free(b);
    return PITH_ERR_NOMEM;
  }
  pthread_cond_init(&b->work, NULL);
  pthread_cond_init(&b->space, NULL);
  if (jobs > 1) {
    b->threads = calloc(jobs, sizeof *b->threads);
    b->running = calloc(jobs, sizeof *b->running);
    for (unsigned i = 0; b->threads && b->running && i < jobs; i++) {
      if (pthread_create(&b->threads[i], NULL, worker, b))
        break;
      b->nthreads++;
    }
    if (!b->nthreads) {
      pith_batch_free(b);
      return PITH_ERR_NOMEM;
    }
  }
  *out = b;
  return PITH_OK;
}

/* Puts a job in the ring, waiting for room; without threads, runs and
 * delivers it at once. */
static pith_status submit(pith_batch *b, batch_job *j, void *user) {
  if (!j)
    return PITH_ERR_NOMEM;
  j->item.user = user;
  pthread_mutex_lock(&b->mu);
  while (b->next_seq - b->next_emit >= b->cap ||
         (b->pending_bytes && b->pending_bytes + j->cost > b->o.max_pending_bytes))
    pthread_cond_wait(&b->space, &b->mu);
  j->item.seq = b->next_seq;
  b->ring[b->next_seq % b->cap] = j;
  b->next_seq++;
  b->pending_bytes += j->cost;
  if (!j->item.marker)
    b->stats.submitted++;
  if (b->nthreads) {
    pthread_cond_signal(&b->work);
  } else {
    b->next_run++;
    run(b, j);
  }
  pthread_mutex_unlock(&b->mu);
  return PITH_OK;
}

pith_status pith_batch_add(pith_batch *b, const void *data, size_t len, pith_batch_mode mode,
                           const pith_options *opts, void *user) {
  if (!b || (!data && len))
    return PITH_ERR_INVALID;
  return submit(b, batch_job_page(data, len, mode, opts), user);
}

pith_status pith_batch_add_file(pith_batch *b, const char *path, pith_batch_mode mode,
                                const pith_options *opts, void *user) {
  if (!b || !path)
    return PITH_ERR_INVALID;
  return submit(b, batch_job_file(path, mode, opts), user);
}

pith_status pith_batch_add_record(pith_batch *b, const pith_record *rec, const pith_options *opts,
                                  void *user) {
  if (!b || !rec)
    return PITH_ERR_INVALID;
  return submit(b, batch_job_record(rec, NULL, opts), user);
}

pith_status pith_batch_add_archive_record(pith_batch *b, pith_archive *a, const pith_options *opts,
                                          void *user) {
  const pith_record *rec = archive_current(a);
  if (!b || !rec)
    return PITH_ERR_INVALID;
  pith_record *owned = NULL;
  if (rec->kind == PITH_RECORD_HTML || rec->kind == PITH_RECORD_TEXT) {
    if (!(owned = archive_take_record(a)))
      return PITH_ERR_NOMEM;
    rec = owned;
  }
  return submit(b, batch_job_record(rec, owned, opts), user);
}

pith_status pith_batch_add_failure(pith_batch *b, const char *message, void *user) {
  if (!b || !message)
    return PITH_ERR_INVALID;
  return submit(b, batch_job_note(BATCH_FAILURE, message), user);
}

pith_status pith_batch_add_skip(pith_batch *b, const char *reason, void *user) {
  if (!b || !reason)
    return PITH_ERR_INVALID;
  return submit(b, batch_job_note(BATCH_SKIP, reason), user);
}

pith_status pith_batch_add_marker(pith_batch *b, void *user) {
  if (!b)
    return PITH_ERR_INVALID;
  return submit(b, batch_job_note(BATCH_MARKER, NULL), user);
}

pith_status pith_batch_finish(pith_batch *b) {
  if (!b)
    return PITH_ERR_INVALID;
  pthread_mutex_lock(&b->mu);
  while (b->next_emit < b->next_seq)
    pthread_cond_wait(&b->space, &b->mu);
  pthread_mutex_unlock(&b->mu);
  return PITH_OK;
}

void pith_batch_get_stats(pith_batch *b, pith_batch_stats *stats) {
  if (!b || !stats)
    return;
  pthread_mutex_lock(&b->mu);
  *stats = b->stats;
  pthread_mutex_unlock(&b->mu);
}

void pith_batch_free(pith_batch *b) {
  if (!b)
    return;
  pith_batch_finish(b);
  pthread_mutex_lock(&b->mu);
  b->stopping = 1;
  pthread_cond_broadcast(&b->work);
  pthread_mutex_unlock(&b->mu);
  for (unsigned i = 0; i < b->nthreads; i++)
    pthread_join(b->threads[i], NULL);
  free(b->threads);
  free(b->running);
  pthread_cond_destroy(&b->work);
  pthread_cond_destroy(&b->space);
  pthread_mutex_destroy(&b->mu);
  free(b->ring);
  free(b);
}
