/* pith's UTF-8 to Python str. A page's output is some 10 kB, most of it
 * not pure ASCII, and PyUnicode_DecodeUTF8 reads it twice (the widest code
 * point, then the widening) with the GIL held, while the other threads
 * wait for the GIL. utf8_prepare does that work with the GIL released, into
 * the str's own layout (1, 2 or 4 bytes a code point); utf8_finish, under
 * the GIL, is then one allocation and one copy. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "module.h"

PyObject *utf8_str(const char *s, size_t len) {
  return PyUnicode_DecodeUTF8(s ? s : "", s ? (Py_ssize_t)len : 0, "replace");
}

/* The code point of the UTF-8 sequence at s (end: past the last byte), its
 * length in *k; *k == 0: not UTF-8 as Python's strict decoder reads it
 * (overlong forms, surrogates, past U+10FFFF, cut short). */
static Py_UCS4 next_code_point(const unsigned char *s, const unsigned char *end, int *k) {
  unsigned c = s[0];
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  *k = 0;
  if (!n || end - s < n || c > 0xF4)
    return 0;
  Py_UCS4 cp = c & (0x7F >> n);
  for (int i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = cp << 6 | (s[i] & 0x3F);
  }
  static const Py_UCS4 least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  *k = n;
  return cp;
}

/* Bytes from p that are ASCII, eight at a time (at most end - p). */
static size_t ascii_run(const unsigned char *p, const unsigned char *end) {
  const unsigned char *q = p;
  for (uint64_t w; end - q >= 8; q += 8) {
    memcpy(&w, q, 8);
    if (w & 0x8080808080808080ull)
      break;
  }
  while (q < end && *q < 0x80)
    q++;
  return (size_t)(q - p);
}

/* The code points of s in the layout of kind (1, 2 or 4 bytes each). */
static void widen(const unsigned char *s, const unsigned char *end, void *out, int kind) {
  Py_ssize_t i = 0;
  while (s < end) {
    if (kind == 1 && *s < 0x80) {
      size_t a = ascii_run(s, end);
      memcpy((Py_UCS1 *)out + i, s, a);
      s += a, i += (Py_ssize_t)a;
      continue;
    }
    Py_UCS4 cp = *s;
    int k = 1;
    if (cp >= 0x80)
      cp = next_code_point(s, end, &k);
    if (kind == 1)
      ((Py_UCS1 *)out)[i++] = (Py_UCS1)cp;
    else if (kind == 2)
      ((Py_UCS2 *)out)[i++] = (Py_UCS2)cp;
    else
      ((Py_UCS4 *)out)[i++] = cp;
    s += k;
  }
}

void utf8_prepare(utf8_text *t, const char *s, size_t len) {
  memset(t, 0, sizeof *t);
  t->utf8 = s ? s : "";
  t->size = s ? len : 0;
  const unsigned char *p = (const unsigned char *)t->utf8, *end = p + t->size;
  Py_ssize_t n = 0;
  Py_UCS4 widest = 0;
  while (p < end) {
    size_t a = ascii_run(p, end);
    if (a) {
      p += a, n += (Py_ssize_t)a;
      continue;
    }
    int k;
    Py_UCS4 cp = next_code_point(p, end, &k);
    if (!k)
      return; /* not valid: utf8_finish decodes it, with U+FFFD for the bad bytes */
    widest = cp > widest ? cp : widest;
    p += k, n++;
  }
  t->length = n;
  t->maxchar = widest;
  t->valid = 1;
  if (widest < 0x80)
    return; /* ASCII: the str's layout already */
  int kind = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  t->wide = malloc((size_t)n * (size_t)kind);
  if (t->wide) /* else utf8_finish decodes under the GIL */
    widen((const unsigned char *)t->utf8, end, t->wide, kind);
}

PyObject *utf8_finish(utf8_text *t) {
  PyObject *s;
  if (!t->valid || (t->maxchar >= 0x80 && !t->wide))
    s = utf8_str(t->utf8, t->size);
  else if ((s = PyUnicode_New(t->length, t->maxchar)) && t->length)
    memcpy(PyUnicode_DATA(s), t->wide ? t->wide : t->utf8, (size_t)t->length * PyUnicode_KIND(s));
  utf8_text_release(t);
  return s;
}

void utf8_text_release(utf8_text *t) {
  free(t->wide);
  t->wide = NULL;
}
