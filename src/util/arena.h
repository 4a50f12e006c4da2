/* A bump allocator: all memory of one page comes from one arena and is freed
 * at once. Allocation never fails silently: it returns NULL on out-of-memory
 * and the caller turns that into a status. */
#ifndef PITH_UTIL_ARENA_H
#define PITH_UTIL_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct {
  arena_chunk *head; /* newest chunk first */
  char *ptr;         /* next free byte in head */
  char *end;         /* end of head */
  size_t total;      /* bytes reserved from malloc, for limits and stats */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Aligned to 8 bytes; contents uninitialised. */
void *arena_alloc(arena *a, size_t size);
/* Zero-filled. */
void *arena_calloc(arena *a, size_t size);
/* A NUL-terminated copy of s[0..len). */
char *arena_strndup(arena *a, const char *s, size_t len);

#endif
