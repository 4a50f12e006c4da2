/* A set of files by device and inode: open addressing, grown at half full. */
#include "cli/idset.h"

#include <stdint.h>
#include <stdlib.h>

static size_t id_hash(dev_t dev, ino_t ino) {
  uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)dev * 0xC2B2AE3D27D4EB4Full;
  return (size_t)(h ^ (h >> 29));
}

int id_set_add(id_set *s, dev_t dev, ino_t ino) {
  if (2 * (s->n + 1) > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 256;
    struct id *slots = calloc(cap, sizeof *slots);
    if (!slots)
      return -1;
    for (size_t i = 0; i < s->cap; i++) {
      if (!s->slots[i].used)
        continue;
      size_t k = id_hash(s->slots[i].dev, s->slots[i].ino) & (cap - 1);
      while (slots[k].used)
        k = (k + 1) & (cap - 1);
      slots[k] = s->slots[i];
    }
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
  }
  size_t k = id_hash(dev, ino) & (s->cap - 1);
  for (; s->slots[k].used; k = (k + 1) & (s->cap - 1))
    if (s->slots[k].dev == dev && s->slots[k].ino == ino)
      return 0;
  s->slots[k] = (struct id){dev, ino, 1};
  s->n++;
  return 1;
}

int id_set_has(const id_set *s, dev_t dev, ino_t ino) {
  if (!s->cap)
    return 0;
  for (size_t k = id_hash(dev, ino) & (s->cap - 1); s->slots[k].used; k = (k + 1) & (s->cap - 1))
    if (s->slots[k].dev == dev && s->slots[k].ino == ino)
      return 1;
  return 0;
}

void id_set_free(id_set *s) {
  free(s->slots);
  s->slots = NULL;
  s->cap = s->n = 0;
}
