/* Large buffers that come and go by the thousand (a crawl's payloads, the
 * parse arenas' chunks) from one process-wide pool of uniform 64 KiB
 * blocks, so that a long run's memory is its busiest moment's, not its
 * history's.
 *
 * A heap fragments: small pages scatter a large page's freed memory, and
 * the next large page grows the heap (ten copies of a crawl peaked up to
 * 1.2x one copy with the heap's bytes in use the same). Uniform blocks
 * cannot fragment: any free block serves any part of any buffer. A buffer
 * of several blocks is contiguous in address space; when no free run of
 * blocks is long enough, free blocks are moved into place with mremap —
 * their pages move, already resident, without a copy or a page fault (and
 * a growing buffer moves the same way, instead of being copied).
 *
 * Free blocks stay mapped for the next buffer up to POOL_KEEP_BYTES; past
 * that they go back to the system. The pool is shared by every thread and
 * every caller of the library in the process, behind a mutex (the only
 * state libpith shares between callers; it holds no data of theirs).
 *
 * Built with PITH_POOL_MALLOC (the sanitizer builds, where a pool would
 * hide a use after free) or off Linux: plain malloc, realloc and free. */
#ifndef PITH_UTIL_POOL_H
#define PITH_UTIL_POOL_H

#include <stddef.h>

#define POOL_BLOCK_BYTES ((size_t)64 << 10)
#define POOL_KEEP_BYTES ((size_t)32 << 20)

/* At least n bytes (one block at least), with *cap set to the buffer's
 * size (a multiple of the block); NULL when out of memory. */
void *pool_alloc(size_t n, size_t *cap);
/* p (of cap bytes, from pool_alloc; NULL: a new buffer) with room for n
 * bytes, its contents kept, *cap updated; NULL when out of memory (p is
 * then untouched). */
void *pool_grow(void *p, size_t *cap, size_t n);
/* Gives back the whole blocks of p (of *cap bytes) past its first n bytes,
 * *cap updated: a buffer grown by doubling holds up to twice what it was
 * filled with. (With malloc: nothing.) */
void pool_shrink(void *p, size_t *cap, size_t n);
/* Gives back p, of cap bytes (as pool_alloc or pool_grow set it). */
void pool_free(void *p, size_t cap);
/* The bytes of free blocks the pool keeps mapped now (0 with malloc). */
size_t pool_kept_bytes(void);

#endif
