/* A growable byte buffer, always NUL-terminated. Errors are sticky: after a
 * failed allocation every append is a no-op and buf.oom stays set, so callers
 * check once at the end. */
#ifndef PITH_UTIL_BUF_H
#define PITH_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

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
void buf_append(buf *b, const char *s, size_t len);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the data to the caller (malloc'd; NUL-terminated) and resets b. */
char *buf_detach(buf *b, size_t *len);
/* Appends s as the body of a JSON string (no quotes), escaping as needed. */
void buf_json_escape(buf *b, const char *s, size_t len);

#endif
