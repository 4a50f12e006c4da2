/* What every fuzz target shares: the entry point libFuzzer calls, and a
 * check that stops the run (a crash the fuzzer records) when an invariant
 * the library promises is broken. */
#ifndef PITH_FUZZ_H
#define PITH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond)                                                                          \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: broken invariant: %s\n", __FILE__, __LINE__, #cond);                 \
      abort();                                                                                     \
    }                                                                                              \
  } while (0)

#endif
