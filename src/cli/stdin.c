/* Standard input, read in two steps: a head, then the rest. */
#include "cli/stdin.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/read.h"

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
                    int *truncated, char *err, size_t err_cap) {
  /* A file: read again from where its page starts, as any file. */
  off_t at = lseek(STDIN_FILENO, 0, SEEK_CUR);
  if (at >= (off_t)len && lseek(STDIN_FILENO, at - (off_t)len, SEEK_SET) == at - (off_t)len)
    return pith_read_file("-", max_bytes, out, out_len, truncated, err, err_cap);
  /* A pipe: the head, then the rest, bounded a little above the limit
   * (gzip never inflates to much less than it takes), then inflated. */
  size_t limit = SIZE_MAX / 4;
  if (max_bytes && max_bytes < limit)
    limit = max_bytes + max_bytes / 64 + 4096;
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
  int rc = -1;
  if (why && !strcmp(why, "too large"))
    snprintf(err, err_cap, "larger than %zu bytes", max_bytes);
  else if (why)
    snprintf(err, err_cap, "cannot read: %s", why);
  else
    rc = pith_read_buffer(raw, n, max_bytes, out, out_len, truncated, err, err_cap);
  free(raw);
  return rc;
}
