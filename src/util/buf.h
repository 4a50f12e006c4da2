/* A growable byte buffer, always NUL-terminated. Errors are sticky: after a
 * failed allocation every append is a no-op and buf.oom stays set, so callers
 * check once at the end. */
#ifndef PITH_UTIL_BUF_H
#define PITH_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct {
  char *data;
  size_t len;
  size_t cap;
  int oom;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reset(buf *b);
int buf_reserve(buf *b, size_t extra);
/* Appends len bytes; the common case (room already there) inline. */
void buf_append_slow(buf *b, const char *s, size_t len);
static inline void buf_append(buf *b, const char *s, size_t len) {
  /* cap - len cannot wrap: cap > len once there is data, both are 0 before. */
  if (!b->oom && len < b->cap - b->len) {
    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return;
  }
  buf_append_slow(b, s, len);
}
void buf_puts(buf *b, const char *s);
static inline void buf_putc(buf *b, char c) {
  buf_append(b, &c, 1);
}
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the data to the caller (malloc'd; NUL-terminated) and resets b. */
char *buf_detach(buf *b, size_t *len);
/* Appends s as the body of a JSON string (no quotes), escaping as needed. */
void buf_json_escape(buf *b, const char *s, size_t len);

#endif
