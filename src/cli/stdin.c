/* Standard input, read in two steps: a head, then the rest. */
#include "cli/stdin.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

long stdin_head(char *buf, size_t cap) {
  size_t n = 0;
  while (n < cap) {
    ssize_t r = read(STDIN_FILENO, buf + n, cap - n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      return -1;
    if (r == 0)
      break;
    n += (size_t)r;
  }
  return (long)n;
}

int stdin_read_page(const char *head, size_t len, size_t max_bytes, char **out, size_t *out_len,
                    char *err, size_t err_cap) {
  size_t limit = max_bytes ? max_bytes : SIZE_MAX / 4;
  size_t cap = len + 65536, n = len;
  char *raw = malloc(cap);
  const char *why = raw ? NULL : "out of memory";
  if (raw)
    memcpy(raw, head, len);
  while (!why) {
    if (n == cap) {
      char *more = n > limit ? NULL : realloc(raw, cap * 2);
      if (!more) {
        why = n > limit ? "too large" : "out of memory";
        break;
      }
      raw = more, cap *= 2;
    }
    ssize_t r = read(STDIN_FILENO, raw + n, cap - n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      why = strerror(errno);
    else if (r == 0)
      break;
    else
      n += (size_t)r;
  }
  if (!why && n > limit)
    why = "too large";
  if (!why) {
    *out = raw;
    *out_len = n;
    return 0;
  }
  if (!strcmp(why, "too large"))
    snprintf(err, err_cap, "larger than %zu bytes", max_bytes);
  else
    snprintf(err, err_cap, "cannot read: %s", why);
  free(raw);
  return -1;
}
