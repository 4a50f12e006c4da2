/* Standard input, read in two steps: a head, then the rest. */
#include "cli/stdin.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

long stdin_read(void *buf, size_t cap) {
  struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {cli_stop_fd(), POLLIN, 0}};
  for (;;) {
    if (cli_stopping()) {
      errno = EINTR;
      return -1;
    }
    /* Waits for input or a stop, whichever comes first (a pipe may stay
     * silent for ever); a regular file is always ready. */
    int ready = poll(fds, fds[1].fd >= 0 ? 2 : 1, -1);
    if (ready < 0 && errno != EINTR)
      return -1;
    if (ready <= 0 || cli_stopping())
      continue;
    ssize_t r = read(STDIN_FILENO, buf, cap);
    if (r >= 0 || errno != EINTR)
      return (long)r;
  }
}

long stdin_head(char *buf, size_t cap) {
  size_t n = 0;
  while (n < cap) {
    long r = stdin_read(buf + n, cap - n);
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
      /* Grown to one byte past the limit at most: that byte says the page
       * is too large (it took up to twice the limit). */
      size_t grown = cap <= limit / 2 ? cap * 2 : limit + 1;
      char *more = n > limit ? NULL : realloc(raw, grown);
      if (!more) {
        why = n > limit ? "too large" : "out of memory";
        break;
      }
      raw = more, cap = grown;
    }
    long r = stdin_read(raw + n, cap - n);
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
