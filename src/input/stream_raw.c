/* The stream's raw input: compressed (or plain) bytes from the callback,
 * held in `raw` until decompressed. */
#include <stdlib.h>
#include <string.h>

#include "input/stream_internal.h"

/* More raw bytes: 1 if some came, 0 at the end of the file, -1 on error.
 * Bytes already decompressed stay held until the buffer is full, and then
 * those from the start of the member being decompressed while they take
 * at most half of it: damage found at the end of the data (a file cut
 * short, read through a pipe) can then still be searched from the
 * damaged member's start (search_from). */
int stream_raw_fill(stream *s) {
  if (s->raw_eof)
    return 0;
  if (s->raw_pos > 0 && s->raw_len == s->raw_cap) {
    size_t drop = s->raw_pos;
    unsigned long long from = s->in_member && s->nm ? s->m[s->nm - 1].comp : 0;
    if (s->in_member && s->nm && from >= s->raw_base && from - s->raw_base < drop &&
        s->raw_len - (from - s->raw_base) <= s->raw_cap / 2)
      drop = (size_t)(from - s->raw_base); /* over half the buffer: more than 0 */
    memmove(s->raw, s->raw + drop, s->raw_len - drop);
    s->raw_len -= drop;
    s->raw_base += drop;
    s->raw_pos -= drop;
  }
  if (s->raw_len == s->raw_cap)
    return 1;
  long n = s->rd(s->ctx, s->raw + s->raw_len, s->raw_cap - s->raw_len);
  if (n < 0)
    return stream_fail(s, "read error");
  if (n == 0) {
    s->raw_eof = 1;
    return 0;
  }
  s->raw_len += (size_t)n;
  if (s->raw_base + s->raw_len > s->read_to)
    s->read_to = s->raw_base + s->raw_len;
  return 1;
}

/* Reads until n raw bytes are buffered (growing the buffer) or the input
 * ends: 1, 0 when fewer came, -1 on error. */
int stream_raw_want(stream *s, size_t n) {
  if (n > s->raw_cap) {
    unsigned char *r = realloc(s->raw, n);
    if (!r)
      return stream_fail(s, "out of memory");
    s->raw = r;
    s->raw_cap = n;
  }
  while (s->raw_len - s->raw_pos < n) {
    int rc = stream_raw_fill(s);
    if (rc <= 0)
      return rc;
  }
  return 1;
}
