/* Sizes for large buffers that come and go by the thousand (a crawl's
 * pages, their decoded bodies): powers of two. A freed buffer then fits
 * the next one of its class exactly, so the heap's free space is reused
 * instead of scattered in odd-sized holes that only grow the heap (exact
 * sizes made ten copies of a crawl peak at twice the memory in use). */
#ifndef PITH_UTIL_SIZECLASS_H
#define PITH_UTIL_SIZECLASS_H

#include <stddef.h>
#include <stdint.h>

/* The power of two at least n (4096 at least); n itself when no larger
 * power of two exists. */
static inline size_t size_class(size_t n) {
  size_t c = 4096;
  while (c < n && c <= SIZE_MAX / 2)
    c *= 2;
  return c < n ? n : c;
}

#endif
