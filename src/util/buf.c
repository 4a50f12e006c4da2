#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) {
  memset(b, 0, sizeof *b);
}

void buf_free(buf *b) {
  free(b->data);
  buf_init(b);
}

void buf_reset(buf *b) {
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

int buf_reserve(buf *b, size_t extra) {
  if (b->oom)
    return -1;
  if (b->len + extra + 1 <= b->cap)
    return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) {
    if (cap > (size_t)-1 / 2) {
      b->oom = 1;
      return -1;
    }
    cap *= 2;
  }
  char *p = realloc(b->data, cap);
  if (!p) {
    b->oom = 1;
    return -1;
  }
  b->data = p;
  b->cap = cap;
  return 0;
}

void buf_append_slow(buf *b, const char *s, size_t len) {
  if (buf_reserve(b, len))
    return;
  if (len)
    memcpy(b->data + b->len, s, len);
  b->len += len;
  b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s) {
  buf_append(b, s, strlen(s));
}

void buf_printf(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  if ((size_t)n < sizeof tmp) {
    buf_append(b, tmp, (size_t)n);
    return;
  }
  if (buf_reserve(b, (size_t)n))
    return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

char *buf_detach(buf *b, size_t *len) {
  if (!b->data && !b->oom)
    buf_reserve(b, 0), b->data[0] = '\0';
  char *p = b->oom ? NULL : b->data;
  if (len)
    *len = b->len;
  if (b->oom)
    free(b->data);
  buf_init(b);
  return p;
}

/* The length of the valid UTF-8 sequence at s[i..len) that starts with a
 * byte >= 0x80, or 0 when it is not one (a stray or cut byte, an overlong
 * form, a surrogate, past U+10FFFF). */
static size_t utf8_sequence(const unsigned char *s, size_t i, size_t len) {
  unsigned char c = s[i];
  size_t n = c >= 0xC2 && c <= 0xDF   ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  if (!n || len - i < n)
    return 0;
  for (size_t k = 1; k < n; k++)
    if ((s[i + k] & 0xC0) != 0x80)
      return 0;
  unsigned char d = s[i + 1];
  if ((c == 0xE0 && d < 0xA0) || (c == 0xF0 && d < 0x90) ||
      (c == 0xF4 && d > 0x8F))
    return 0;
  return n;
}

void buf_json_escape(buf *b, const char *s, size_t len) {
  static const char hex[] = "0123456789abcdef";
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    char u[7];
    if (c == '"')
      esc = "\\\"";
    else if (c == '\\')
      esc = "\\\\";
    else if (c == '\n')
      esc = "\\n";
    else if (c == '\t')
      esc = "\\t";
    else if (c == '\r')
      esc = "\\r";
    else if (c < 0x20) {
      u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0', u[4] = hex[c >> 4], u[5] = hex[c & 15];
      u[6] = '\0';
      esc = u;
    } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
               ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
      /* U+2028/2029 are valid JSON but break JavaScript consumers. */
      buf_append(b, s + start, i - start);
      buf_puts(b, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
      start = i + 1;
      continue;
    } else if (c >= 0x80) {
      /* JSON is UTF-8: a byte that is not (a damaged record's header, a
       * file name) becomes U+FFFD rather than an unreadable line. */
      size_t n = utf8_sequence((const unsigned char *)s, i, len);
      if (n) {
        i += n - 1;
        continue;
      }
      esc = "\\ufffd";
    }
    if (esc) {
      buf_append(b, s + start, i - start);
      buf_puts(b, esc);
      start = i + 1;
    }
  }
  buf_append(b, s + start, len - start);
}
