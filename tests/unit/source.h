/* A test input in memory, read through a reader's callback at most `step`
 * bytes at a time (0: as much as asked), so records straddle reads. */
#ifndef PITH_TEST_SOURCE_H
#define PITH_TEST_SOURCE_H

#include <string.h>

typedef struct {
  const char *data;
  size_t len, pos, step;
} source;

static inline long source_read(void *ctx, void *buf, size_t n) {
  source *s = ctx;
  if (s->step && n > s->step)
    n = s->step;
  if (n > s->len - s->pos)
    n = s->len - s->pos;
  memcpy(buf, s->data + s->pos, n);
  s->pos += n;
  return (long)n;
}

#endif
