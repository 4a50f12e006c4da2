#include "util/arena.h"

#include "util/pool.h"
#include "util/sizeclass.h"

#include <string.h>

struct arena_chunk {
  arena_chunk *next;
  size_t size;
  /* payload follows, 16-aligned by the struct's size */
  max_align_t pad[];
};

enum { ARENA_MIN_CHUNK = 64 * 1024, ARENA_MAX_CHUNK = 1024 * 1024 };

void arena_init(arena *a) {
  memset(a, 0, sizeof *a);
}

void arena_free(arena *a) {
  arena_chunk *c = a->head;
  while (c) {
    arena_chunk *next = c->next;
    pool_free(c, sizeof(arena_chunk) + c->size);
    c = next;
  }
  arena_init(a);
}

void *arena_alloc_slow(arena *a, size_t size) {
  /* Chunks grow with the arena so a big page needs few of them, up to a
   * size that every page's arena shares. They come from the pool of
   * uniform blocks (util/pool.h), where the chunks of pages come and go by
   * the thousand without fragmenting memory. A chunk with its header is a
   * power of two, whole blocks. */
  size_t chunk = size_class(a->total / 2);
  if (chunk < ARENA_MIN_CHUNK)
    chunk = ARENA_MIN_CHUNK;
  if (chunk > ARENA_MAX_CHUNK)
    chunk = ARENA_MAX_CHUNK;
  size_t want = chunk - sizeof(arena_chunk);
  if (want < size)
    want = size;
  if (want > (size_t)-1 / 2)
    return NULL;
  size_t cap;
  arena_chunk *c = pool_alloc(sizeof(arena_chunk) + want, &cap);
  if (!c)
    return NULL;
  want = cap - sizeof(arena_chunk);
  c->next = a->head;
  c->size = want;
  a->head = c;
  a->ptr = (char *)c->pad;
  a->end = a->ptr + want;
  a->total += want;
  void *p = a->ptr;
  a->ptr += size;
  return p;
}

char *arena_strndup(arena *a, const char *s, size_t len) {
  char *p = arena_alloc(a, len + 1);
  if (!p)
    return NULL;
  if (len)
    memcpy(p, s, len);
  p[len] = '\0';
  return p;
}
