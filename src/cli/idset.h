/* A set of files by device and inode (what makes two names one file). */
#ifndef PITH_CLI_IDSET_H
#define PITH_CLI_IDSET_H

#include <stddef.h>
#include <sys/types.h>

typedef struct {
  struct id {
    dev_t dev;
    ino_t ino;
    int used;
  } * slots;
  size_t cap, n;
} id_set; /* zero-initialised: empty */

/* Adds (dev, ino): 1 when it was new, 0 when already there, -1 when out of
 * memory. */
int id_set_add(id_set *s, dev_t dev, ino_t ino);

/* 1 if (dev, ino) is in the set. */
int id_set_has(const id_set *s, dev_t dev, ino_t ino);

void id_set_free(id_set *s);

#endif
