/* The site line counter: one open-addressing table of (site, line) keys
 * and the number of pages holding that line. */
#include "text/sites.h"

#include <stdlib.h>
#include <string.h>

#include "text/lines.h"

typedef struct {
  uint64_t key; /* 0: empty */
  uint32_t pages;
} slot;

struct pith_sites {
  slot *slots;
  size_t cap; /* a power of two */
  size_t used;
  size_t max_entries;
};

static uint64_t mix(uint64_t site, uint64_t line) {
  uint64_t k = site * 0x9E3779B97F4A7C15ULL ^ line;
  k ^= k >> 31;
  k *= 0xBF58476D1CE4E5B9ULL;
  k ^= k >> 29;
  return k ? k : 1;
}

text_sites *text_sites_new(size_t max_entries) {
  text_sites *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  s->max_entries = max_entries ? max_entries : (size_t)8 << 20;
  s->cap = 1 << 12;
  s->slots = calloc(s->cap, sizeof *s->slots);
  if (!s->slots) {
    free(s);
    return NULL;
  }
  return s;
}

void text_sites_free(text_sites *s) {
  if (!s)
    return;
  free(s->slots);
  free(s);
}

static slot *find(const text_sites *s, uint64_t key) {
  size_t mask = s->cap - 1;
  for (size_t i = (size_t)key & mask;; i = (i + 1) & mask)
    if (s->slots[i].key == key || !s->slots[i].key)
      return &s->slots[i];
}

static int grow(text_sites *s) {
  size_t cap = s->cap * 2;
  slot *old = s->slots;
  size_t old_cap = s->cap;
  slot *ns = calloc(cap, sizeof *ns);
  if (!ns)
    return -1;
  s->slots = ns;
  s->cap = cap;
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].key)
      *find(s, old[i].key) = old[i];
  free(old);
  return 0;
}

/* Adds one page to the count of key; 0, or -1 when full or out of memory. */
static int bump(text_sites *s, uint64_t key) {
  slot *e = find(s, key);
  if (e->key) {
    if (e->pages < UINT32_MAX)
      e->pages++;
    return 0;
  }
  if (s->used >= s->max_entries)
    return 0; /* full: count what is known */
  if ((s->used + 1) * 2 > s->cap) {
    if (grow(s))
      return -1;
    e = find(s, key);
  }
  e->key = key;
  e->pages = 1;
  s->used++;
  return 0;
}

uint64_t text_site_of(const char *url) {
  if (!url)
    return line_hash("", 0);
  const char *p = strstr(url, "://");
  p = p ? p + 3 : url;
  const char *at = p;
  while (*at && *at != '/' && *at != '@')
    at++;
  if (*at == '@')
    p = at + 1; /* user:password@ */
  char host[256];
  size_t n = 0;
  for (; *p && *p != '/' && *p != ':' && *p != '?' && *p != '#' && *p != '>' && n + 1 < sizeof host;
       p++)
    host[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  size_t skip = n > 4 && !memcmp(host, "www.", 4) ? 4 : 0;
  return line_hash(host + skip, n - skip);
}

typedef struct {
  uint64_t *hashes;
  size_t n, cap;
  int oom;
} collect;

static void collect_line(void *ctx, const char *s, size_t n) {
  collect *c = ctx;
  if (c->oom)
    return;
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 256;
    uint64_t *nh = realloc(c->hashes, cap * sizeof *nh);
    if (!nh) {
      c->oom = 1;
      return;
    }
    c->hashes = nh;
    c->cap = cap;
  }
  c->hashes[c->n++] = line_hash(s, n);
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int text_sites_add(text_sites *s, uint64_t site, const char *utf8, size_t len, size_t max_lines) {
  if (!s)
    return 0;
  collect c = {NULL, 0, 0, 0};
  int rc = lines_each(utf8, len, max_lines, collect_line, &c);
  if (rc == 0 && !c.oom) {
    if (c.n)
      qsort(c.hashes, c.n, sizeof *c.hashes, cmp_u64);
    for (size_t i = 0; i < c.n && rc == 0; i++)
      if (i == 0 || c.hashes[i] != c.hashes[i - 1])
        rc = bump(s, mix(site, c.hashes[i]));
    if (rc == 0)
      rc = bump(s, mix(site, 0));
  } else {
    rc = -1;
  }
  free(c.hashes);
  return rc;
}

unsigned text_sites_pages(const text_sites *s, uint64_t site) {
  return s ? find(s, mix(site, 0))->pages : 0;
}

unsigned text_sites_count(const text_sites *s, uint64_t site, uint64_t line) {
  return s ? find(s, mix(site, line))->pages : 0;
}
