/* The clock behind deadline.h. */
#include "util/deadline.h"

#include <time.h>

static int64_t now_ns(void) {
  struct timespec ts;
  if (clock_gettime(CLOCK_MONOTONIC, &ts))
    return 0;
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void deadline_start(deadline *d, unsigned timeout_ms) {
  d->expired = 0;
  d->countdown = 0;
  d->end_ns = 0;
  if (timeout_ms) {
    int64_t now = now_ns();
    d->end_ns = (now ? now : 1) + (int64_t)timeout_ms * 1000000;
  }
}

int deadline_check_clock(deadline *d) {
  d->countdown = DEADLINE_STRIDE;
  if (now_ns() >= d->end_ns)
    d->expired = 1;
  return d->expired;
}
