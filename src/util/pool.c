#define _GNU_SOURCE /* mremap */
#include "util/pool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(PITH_POOL_MALLOC) || !defined(__linux__)

void *pool_alloc(size_t n, size_t *cap) {
  *cap = 0;
  return pool_grow(NULL, cap, n);
}

void *pool_grow(void *p, size_t *cap, size_t n) {
  if (!n)
    n = 1;
  if (p && n <= *cap)
    return p;
  void *q = realloc(p, n);
  if (q)
    *cap = n;
  return q;
}

void pool_shrink(void *p, size_t *cap, size_t n) {
  (void)p, (void)cap, (void)n;
}

void pool_free(void *p, size_t cap) {
  (void)cap;
  free(p);
}

size_t pool_kept_bytes(void) {
  return 0;
}

#else

#include <pthread.h>
#include <sys/mman.h>

#define BLOCK POOL_BLOCK_BYTES

/* n free blocks from at on. Runs that meet are one run, whatever mappings
 * they were made of. */
typedef struct {
  char *at;
  size_t n;
} run;

/* Free blocks are at most POOL_KEEP_BYTES, so this many runs always do
 * (a run that finds no slot goes back to the system). */
#define MAX_RUNS (POOL_KEEP_BYTES / BLOCK + 64)

static struct {
  pthread_mutex_t mu;
  size_t nruns;
  size_t free_blocks;
  run runs[MAX_RUNS];
} pool = {PTHREAD_MUTEX_INITIALIZER, 0, 0, {{NULL, 0}}};

/* A fork while another thread holds the lock would leave the child's pool
 * locked for ever (a Python program forking for multiprocessing while
 * pith works in a thread): the lock is taken around every fork, as glibc
 * does for malloc, so the child gets it free and the pool consistent. */
static void lock_for_fork(void) {
  pthread_mutex_lock(&pool.mu);
}
static void unlock_after_fork(void) {
  pthread_mutex_unlock(&pool.mu);
}
static pthread_once_t fork_once = PTHREAD_ONCE_INIT;
static void watch_forks(void) {
  pthread_atfork(lock_for_fork, unlock_after_fork, unlock_after_fork);
}
static void lock(void) {
  pthread_once(&fork_once, watch_forks);
  pthread_mutex_lock(&pool.mu);
}

static size_t blocks_for(size_t n) {
  return n ? (n - 1) / BLOCK + 1 : 1;
}

static void drop_run(size_t i) {
  pool.runs[i] = pool.runs[--pool.nruns];
}

/* The first k blocks of the smallest run that has them (lock held). */
static char *take_run(size_t k) {
  size_t best = pool.nruns;
  for (size_t i = 0; i < pool.nruns; i++) {
    if (pool.runs[i].n < k || (best < pool.nruns && pool.runs[i].n >= pool.runs[best].n))
      continue;
    best = i;
    if (pool.runs[i].n == k)
      break;
  }
  if (best == pool.nruns)
    return NULL;
  run *r = &pool.runs[best];
  char *p = r->at;
  r->at += k * BLOCK;
  r->n -= k;
  if (!r->n)
    drop_run(best);
  pool.free_blocks -= k;
  return p;
}

/* Free blocks p[0..k blocks) (lock held), joined to the runs they meet. */
static void add_run(char *p, size_t k) {
  size_t before = pool.nruns, after = pool.nruns;
  for (size_t i = 0; i < pool.nruns; i++) {
    if (pool.runs[i].at + pool.runs[i].n * BLOCK == p)
      before = i;
    else if (pool.runs[i].at == p + k * BLOCK)
      after = i;
  }
  if (before < pool.nruns) {
    pool.runs[before].n += k;
    if (after < pool.nruns) {
      pool.runs[before].n += pool.runs[after].n;
      drop_run(after); /* moves the last run into after's slot */
    }
  } else if (after < pool.nruns) {
    pool.runs[after].at = p;
    pool.runs[after].n += k;
  } else if (pool.nruns < MAX_RUNS) {
    pool.runs[pool.nruns++] = (run){p, k};
  } else {
    munmap(p, k * BLOCK);
    return;
  }
  pool.free_blocks += k;
}

/* Past the bytes kept, the largest runs go back to the system (lock held):
 * a rare huge page does not pin its memory for the rest of the run. */
static void trim(void) {
  while (pool.free_blocks * BLOCK > POOL_KEEP_BYTES && pool.nruns) {
    size_t big = 0;
    for (size_t i = 1; i < pool.nruns; i++)
      if (pool.runs[i].n > pool.runs[big].n)
        big = i;
    munmap(pool.runs[big].at, pool.runs[big].n * BLOCK);
    pool.free_blocks -= pool.runs[big].n;
    drop_run(big);
  }
}

/* Moves k blocks' pages from src to dst (each a range of whole blocks):
 * in one call when src is one mapping, else block by block (a run joined
 * from blocks moved before spans several). Returns the blocks moved, from
 * the first on. */
static size_t move_blocks(char *src, char *dst, size_t k) {
  int flags = MREMAP_MAYMOVE | MREMAP_FIXED;
  if (mremap(src, k * BLOCK, k * BLOCK, flags, dst) != MAP_FAILED)
    return k;
  size_t i = 0;
  while (i < k && mremap(src + i * BLOCK, BLOCK, BLOCK, flags, dst + i * BLOCK) != MAP_FAILED)
    i++;
  return i;
}

/* Fills dst[0..k blocks), fresh pages, with free blocks as far as there
 * are some (lock held): their pages are resident already, so the buffer
 * costs no page faults and the pool no growth. */
static void fill(char *dst, size_t k) {
  size_t i = 0;
  while (i < k && pool.nruns) {
    run *r = &pool.runs[pool.nruns - 1];
    size_t m = r->n < k - i ? r->n : k - i;
    char *src = r->at + (r->n - m) * BLOCK; /* the run's end */
    r->n -= m;
    pool.free_blocks -= m;
    if (!r->n)
      pool.nruns--;
    size_t moved = move_blocks(src, dst + i * BLOCK, m);
    i += moved;
    if (moved < m) {
      add_run(src + moved * BLOCK, m - moved); /* still free where they were */
      return;                                  /* the rest stay fresh pages */
    }
  }
}

void *pool_alloc(size_t n, size_t *cap) {
  if (n > SIZE_MAX - BLOCK)
    return NULL;
  size_t k = blocks_for(n);
  lock();
  char *p = take_run(k);
  if (!p) {
    p = mmap(NULL, k * BLOCK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
             -1, 0);
    if (p == MAP_FAILED)
      p = NULL;
    else
      fill(p, k);
  }
  pthread_mutex_unlock(&pool.mu);
  if (p)
    *cap = k * BLOCK;
  return p;
}

void *pool_grow(void *p, size_t *cap, size_t n) {
  if (!p)
    return pool_alloc(n, cap);
  if (n <= *cap)
    return p;
  if (n > SIZE_MAX - BLOCK)
    return NULL;
  size_t more = blocks_for(n) - *cap / BLOCK;
  char *end = (char *)p + *cap;
  /* In place when the blocks after it are free. */
  lock();
  for (size_t i = 0; i < pool.nruns; i++) {
    run *r = &pool.runs[i];
    if (r->at != end || r->n < more)
      continue;
    r->at += more * BLOCK;
    r->n -= more;
    if (!r->n)
      drop_run(i);
    pool.free_blocks -= more;
    pthread_mutex_unlock(&pool.mu);
    *cap += more * BLOCK;
    return p;
  }
  /* Elsewhere: its pages move to the front of a new range, as free blocks
   * fill the rest (no copy, and never the old and new sizes at once). */
  size_t k = *cap / BLOCK, kn = k + more;
  char *q = mmap(NULL, kn * BLOCK, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (q == MAP_FAILED) {
    pthread_mutex_unlock(&pool.mu);
    return NULL;
  }
  size_t moved = move_blocks(p, q, k);
  if (moved < k) { /* the rest copied, and free where they were */
    memcpy(q + moved * BLOCK, (char *)p + moved * BLOCK, (k - moved) * BLOCK);
    add_run((char *)p + moved * BLOCK, k - moved);
  }
  fill(q + k * BLOCK, more);
  trim();
  pthread_mutex_unlock(&pool.mu);
  *cap = kn * BLOCK;
  return q;
}

void pool_free(void *p, size_t cap) {
  if (!p)
    return;
  lock();
  add_run(p, cap / BLOCK);
  trim();
  pthread_mutex_unlock(&pool.mu);
}

void pool_shrink(void *p, size_t *cap, size_t n) {
  size_t keep = blocks_for(n) * BLOCK;
  if (!p || keep >= *cap)
    return;
  pool_free((char *)p + keep, *cap - keep);
  *cap = keep;
}

size_t pool_kept_bytes(void) {
  lock();
  size_t n = pool.free_blocks * BLOCK;
  pthread_mutex_unlock(&pool.mu);
  return n;
}

#endif
