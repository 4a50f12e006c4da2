/* A bump allocator: all memory of one page comes from one arena and is freed
 * at once. Allocation never fails silently: it returns NULL on out-of-memory
 * and the caller turns that into a status. */
#ifndef PITH_UTIL_ARENA_H
#define PITH_UTIL_ARENA_H

#include <stddef.h>
#include <string.h>

typedef struct arena_chunk arena_chunk;

typedef struct {
  arena_chunk *head; /* newest chunk first */
  char *ptr;         /* next free byte in head */
  char *end;         /* end of head */
  size_t total;      /* bytes reserved from the pool, for limits and stats */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* A new chunk, then size bytes from it (size a multiple of 8). */
void *arena_alloc_slow(arena *a, size_t size);
/* Aligned to 8 bytes; contents uninitialised. The common case inline. */
static inline void *arena_alloc(arena *a, size_t size) {
  size = (size + 7) & ~(size_t)7;
  if (a->ptr && (size_t)(a->end - a->ptr) >= size) {
    void *p = a->ptr;
    a->ptr += size;
    return p;
  }
  return arena_alloc_slow(a, size);
}
/* Zero-filled. */
static inline void *arena_calloc(arena *a, size_t size) {
  void *p = arena_alloc(a, size);
  if (p)
    memset(p, 0, size);
  return p;
}
/* A NUL-terminated copy of s[0..len). */
char *arena_strndup(arena *a, const char *s, size_t len);

#endif
