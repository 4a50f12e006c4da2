#include "util/arena.h"

#include "util/pool.h"

#include <string.h>

struct arena_chunk {
  arena_chunk *next;
  size_t size;
  /* payload follows, 16-aligned by the struct's size */
  max_align_t pad[];
};

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
  /* A chunk is one block of the pool (util/pool.h), or the blocks an
   * object larger than that needs: pages' chunks come and go by the
   * thousand, and uniform blocks cannot fragment memory. (Chunks growing
   * with the page to 1 MiB left up to 1 MiB unused at a large page's end.) */
  size_t want = POOL_BLOCK_BYTES - sizeof(arena_chunk);
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
