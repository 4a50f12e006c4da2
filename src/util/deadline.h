/* A per-page time budget (pith_options.timeout_ms), checked inside the
 * loops of the parser, the extractor, metadata and text mode. No signals,
 * no threads: a loop asks deadline_over() and stops when it says so; the
 * clock is read once every DEADLINE_STRIDE calls, so a check costs a
 * decrement. Each page has its own deadline: no shared state. */
#ifndef PITH_UTIL_DEADLINE_H
#define PITH_UTIL_DEADLINE_H

#include <stdint.h>

/* Calls between two readings of the clock: a few microseconds of work. */
enum { DEADLINE_STRIDE = 1024 };

typedef struct deadline {
  int64_t end_ns;     /* on CLOCK_MONOTONIC; 0: no budget */
  unsigned countdown; /* calls left before the clock is read again */
  int expired;        /* the budget ran out (stays set) */
} deadline;

/* Starts a budget of timeout_ms from now; 0 means none. */
void deadline_start(deadline *d, unsigned timeout_ms);

/* Reads the clock: 1 (and d->expired set) when the budget is spent. */
int deadline_check_clock(deadline *d);

/* 1 when the budget is spent. d may be NULL (no budget). */
static inline int deadline_over(deadline *d) {
  if (!d || !d->end_ns)
    return 0;
  if (d->expired)
    return 1;
  if (d->countdown) {
    d->countdown--;
    return 0;
  }
  return deadline_check_clock(d);
}

#endif
