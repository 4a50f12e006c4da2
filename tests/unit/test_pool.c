/* The block pool (src/util/pool.h): buffers of whole blocks, contents kept
 * when they grow, freed blocks reused (moved into place, pages and all)
 * rather than new memory taken, the bytes kept bounded, and many threads
 * at once. Under the sanitizers the pool is malloc: the checks on blocks
 * and reuse are the pool's own and are left out there. */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "util/pool.h"

#define BLOCK POOL_BLOCK_BYTES

static int all_bytes(const char *p, size_t n, char c) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != c)
      return 0;
  return 1;
}

static void test_sizes_and_growth(void) {
  size_t cap = 0;
  char *p = pool_alloc(1, &cap);
  CHECK(p && cap >= 1);
  p[0] = 'x';
  size_t small = 100000;
  p = pool_grow(p, &cap, small);
  CHECK(p && cap >= small && p[0] == 'x');
  memset(p, 'a', small);
  /* Growing past a block, then past a megabyte: the contents stay. */
  p = pool_grow(p, &cap, 3 * BLOCK + 5);
  CHECK(p && cap >= 3 * BLOCK + 5 && all_bytes(p, small, 'a'));
  memset(p + small, 'b', 3 * BLOCK + 5 - small);
  p = pool_grow(p, &cap, (size_t)3 << 20);
  CHECK(p && cap >= (size_t)3 << 20 && all_bytes(p, small, 'a') &&
        all_bytes(p + small, 3 * BLOCK + 5 - small, 'b'));
  /* Asking for less keeps the buffer. */
  CHECK(pool_grow(p, &cap, 10) == p);
  pool_free(p, cap);
  pool_free(NULL, 0);
#ifndef PITH_POOL_MALLOC
  CHECK(pool_alloc(1, &cap) && cap == BLOCK);
#endif
}

#ifndef PITH_POOL_MALLOC
/* Freed blocks serve the next buffer, even one larger than any of them:
 * they are moved into place with their pages (so their old bytes are still
 * there), no fresh memory is taken. */
static void test_reuse(void) {
  size_t cap;
  char *p = pool_alloc(5 * BLOCK, &cap);
  CHECK(p && cap == 5 * BLOCK);
  pool_free(p, cap);
  size_t kept = pool_kept_bytes();
  CHECK(kept >= 5 * BLOCK);
  char *q = pool_alloc(5 * BLOCK, &cap);
  CHECK(q && pool_kept_bytes() == kept - 5 * BLOCK);
  pool_free(q, cap);

  /* Eight one-block buffers, every other one freed: four free blocks
   * that do not meet. A four-block buffer is made of them. */
  enum { N = 8 };
  char *one[N];
  size_t one_cap[N];
  for (int i = 0; i < N; i++) {
    one[i] = pool_alloc(BLOCK, &one_cap[i]);
    CHECK(one[i] && one_cap[i] == BLOCK);
    memset(one[i], 'A' + i, BLOCK);
  }
  /* Whatever else is free is taken first, so that only the four remain. */
  size_t rest_cap = 0;
  char *rest = pool_kept_bytes() ? pool_alloc(pool_kept_bytes(), &rest_cap) : NULL;
  CHECK(pool_kept_bytes() == 0);
  for (int i = 0; i < N; i += 2)
    pool_free(one[i], one_cap[i]);
  CHECK(pool_kept_bytes() == 4 * BLOCK);
  char *four = pool_alloc(4 * BLOCK, &cap);
  CHECK(four && cap == 4 * BLOCK && pool_kept_bytes() == 0);
  int seen = 0;
  for (int b = 0; b < 4; b++)
    for (int i = 0; i < N; i += 2)
      if (all_bytes(four + b * BLOCK, BLOCK, (char)('A' + i)))
        seen |= 1 << i;
  CHECK(seen == 0x55); /* each freed block once, its bytes with it */
  /* The blocks still held are untouched. */
  for (int i = 1; i < N; i += 2) {
    CHECK(all_bytes(one[i], BLOCK, (char)('A' + i)));
    pool_free(one[i], one_cap[i]);
  }
  pool_free(four, cap);
  pool_free(rest, rest_cap);
}

/* A buffer that cannot grow in place moves its pages to a larger range:
 * its old blocks do not become free (old and new sizes are never held at
 * once), and its bytes come along. Shrinking gives back the whole blocks
 * past the bytes kept. */
static void test_grow_moves_and_shrink(void) {
  size_t rest_cap = 0;
  char *rest = pool_kept_bytes() ? pool_alloc(pool_kept_bytes(), &rest_cap) : NULL;
  CHECK(pool_kept_bytes() == 0);
  size_t cap;
  char *p = pool_alloc(2 * BLOCK, &cap); /* nothing is free: not after it either */
  CHECK(p && cap == 2 * BLOCK);
  memset(p, 'g', cap);
  p = pool_grow(p, &cap, 8 * BLOCK);
  CHECK(p && cap == 8 * BLOCK && all_bytes(p, 2 * BLOCK, 'g'));
  CHECK(pool_kept_bytes() == 0);
  memset(p + 2 * BLOCK, 'h', 6 * BLOCK);
  pool_shrink(p, &cap, 3 * BLOCK + 1);
  CHECK(cap == 4 * BLOCK && pool_kept_bytes() == 4 * BLOCK);
  CHECK(all_bytes(p, 2 * BLOCK, 'g') && all_bytes(p + 2 * BLOCK, 2 * BLOCK, 'h'));
  pool_shrink(p, &cap, 4 * BLOCK); /* nothing past it: unchanged */
  CHECK(cap == 4 * BLOCK && pool_kept_bytes() == 4 * BLOCK);
  pool_free(p, cap);
  CHECK(pool_kept_bytes() == 8 * BLOCK);
  pool_free(rest, rest_cap);
}

/* Past POOL_KEEP_BYTES, freed blocks go back to the system. */
static void test_kept_bound(void) {
  size_t cap;
  char *huge = pool_alloc(POOL_KEEP_BYTES + 16 * BLOCK, &cap);
  CHECK(huge != NULL);
  huge[0] = huge[cap - 1] = 1;
  pool_free(huge, cap);
  CHECK(pool_kept_bytes() <= POOL_KEEP_BYTES);
}
#endif

/* Threads allocating, growing and freeing at once: each buffer keeps its
 * own bytes. */
enum { THREADS = 4, ROUNDS = 400 };

static void *churn(void *arg) {
  unsigned seed = (unsigned)(uintptr_t)arg * 2654435761u + 1;
  char *held[4] = {0};
  size_t cap[4] = {0}, len[4] = {0};
  int bad = 0;
  for (int r = 0; r < ROUNDS; r++) {
    seed = seed * 1103515245u + 12345u;
    int slot = (int)(seed >> 8) % 4;
    char mark = (char)('a' + (r + (int)(uintptr_t)arg) % 26);
    if (held[slot] && !all_bytes(held[slot], len[slot], held[slot][0]))
      bad = 1;
    size_t n = 1 + (seed >> 12) % (5 * BLOCK);
    if (held[slot] && (seed & 1)) { /* grow, keeping what is there */
      char first = held[slot][0];
      char *p = pool_grow(held[slot], &cap[slot], len[slot] + n);
      if (!p || !all_bytes(p, len[slot], first)) {
        bad = 1;
        continue;
      }
      memset(p + len[slot], first, n);
      held[slot] = p;
      len[slot] += n;
    } else {
      pool_free(held[slot], cap[slot]);
      held[slot] = pool_alloc(n, &cap[slot]);
      if (!held[slot]) {
        bad = 1;
        continue;
      }
      memset(held[slot], mark, n);
      len[slot] = n;
    }
  }
  for (int i = 0; i < 4; i++) {
    if (held[i] && !all_bytes(held[i], len[i], held[i][0]))
      bad = 1;
    pool_free(held[i], cap[i]);
  }
  return (void *)(uintptr_t)bad;
}

static void test_threads(void) {
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; i++)
    CHECK(pthread_create(&t[i], NULL, churn, (void *)(uintptr_t)i) == 0);
  for (int i = 0; i < THREADS; i++) {
    void *bad = NULL;
    pthread_join(t[i], &bad);
    CHECK(bad == NULL);
  }
}

#ifndef PITH_POOL_MALLOC
/* A fork while other threads use the pool (a program forking for worker
 * processes while pith runs in threads): the child can use the pool. A
 * fork that came while a thread held the pool's lock left the child
 * waiting on it for ever. */
static volatile int churning;
static void *churn_until_stopped(void *arg) {
  (void)arg;
  while (churning) {
    size_t cap;
    void *p = pool_alloc(3 * BLOCK, &cap);
    pool_free(p, cap);
  }
  return NULL;
}

static void test_fork(void) {
  pthread_t t[2];
  churning = 1;
  for (int i = 0; i < 2; i++)
    CHECK(pthread_create(&t[i], NULL, churn_until_stopped, NULL) == 0);
  int stuck = 0;
  for (int round = 0; round < 200 && !stuck; round++) {
    pid_t pid = fork();
    if (pid == 0) {
      size_t cap;
      void *p = pool_alloc(2 * BLOCK, &cap);
      pool_free(p, cap);
      _exit(p ? 0 : 1);
    }
    CHECK(pid > 0);
    int status = -1;
    /* A child done in 2 s was not stuck (it needs microseconds). */
    for (int wait_ms = 0; wait_ms < 2000; wait_ms++) {
      if (waitpid(pid, &status, WNOHANG) == pid)
        break;
      nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    if (status == -1) {
      stuck = 1;
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
    CHECK(!stuck);
    CHECK(stuck || (WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }
  churning = 0;
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], NULL);
}

#endif

int main(void) {
#ifndef PITH_POOL_MALLOC
  test_reuse(); /* first: it counts the pool's free bytes */
  test_grow_moves_and_shrink();
  test_kept_bound();
#endif
  test_sizes_and_growth();
  test_threads();
#ifndef PITH_POOL_MALLOC
  /* The pool's own lock; as malloc (the sanitizer builds) forking is the
   * allocator's business, and ASan's deadlocks a child forked while other
   * threads allocate. */
  test_fork();
#endif
  return check_done();
}
