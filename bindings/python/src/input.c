/* A page argument to bytes pith can read: a bytes-like object as it is (any
 * charset, pith finds it), a str as UTF-8. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "module.h"

/* 1 if a str page reads as the name of a page's file rather than a page:
 * one short word without markup that ends as page files do
 * (pith.extract("page.html") would give "page.html" back as the page's
 * text). Told by its shape alone: looking the name up on disk would make
 * untrusted text fail where a file of that name exists, and tell the
 * caller that it does. */
static int names_a_file(const char *s, Py_ssize_t n) {
  static const char *const endings[] = {".html",    ".htm",    ".xhtml",   ".shtml",
                                        ".html.gz", ".htm.gz", ".warc",    ".warc.gz",
                                        ".wet",     ".wet.gz", ".warc.zst"};
  if (n <= 0 || n >= 4096 || strlen(s) != (size_t)n)
    return 0;
  for (Py_ssize_t i = 0; i < n; i++)
    if (s[i] == '<' || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
      return 0;
  for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
    size_t e = strlen(endings[k]);
    if ((size_t)n > e && !strcasecmp(s + n - e, endings[k]))
      return 1;
  }
  return 0;
}

int page_input_get(PyObject *obj, page_input *in) {
  memset(in, 0, sizeof *in);
  if (PyUnicode_Check(obj)) {
    Py_ssize_t n = 0;
    const char *utf8 = PyUnicode_AsUTF8AndSize(obj, &n);
    if (!utf8)
      return -1;
    if (names_a_file(utf8, n)) {
      PyErr_Format(PyExc_ValueError,
                   "a page is its content, not a file name: %R names a file (read it first: "
                   "open(path, \"rb\").read())",
                   obj);
      return -1;
    }
    if (PyUnicode_IS_ASCII(obj)) { /* the same bytes in any charset pith reads */
      in->data = utf8;
      in->len = (size_t)n;
      return 0;
    }
    /* A str has no charset left to find: the byte order mark tells pith
     * the bytes are UTF-8, whatever the page's <meta charset> says. */
    in->copy = malloc((size_t)n + 3);
    if (!in->copy) {
      PyErr_NoMemory();
      return -1;
    }
    memcpy(in->copy, "\xEF\xBB\xBF", 3);
    memcpy(in->copy + 3, utf8, (size_t)n);
    in->data = in->copy;
    in->len = (size_t)n + 3;
    return 0;
  }
  if (PyObject_CheckBuffer(obj)) {
    if (PyObject_GetBuffer(obj, &in->view, PyBUF_SIMPLE) < 0)
      return -1;
    in->have_view = 1;
    in->data = in->view.buf;
    in->len = (size_t)in->view.len;
    return 0;
  }
  if (PyObject_HasAttrString(obj, "__fspath__")) {
    PyErr_Format(PyExc_TypeError,
                 "a page must be bytes or str, not %.100s: to read a file, give its content "
                 "(open(path, \"rb\").read())",
                 Py_TYPE(obj)->tp_name);
    return -1;
  }
  if (PyObject_HasAttrString(obj, "read")) { /* an open file, a response */
    PyErr_Format(PyExc_TypeError,
                 "a page must be bytes or str, not %.100s: give what it reads (f.read())",
                 Py_TYPE(obj)->tp_name);
    return -1;
  }
  PyErr_Format(PyExc_TypeError, "a page must be bytes or str, not %.100s", Py_TYPE(obj)->tp_name);
  return -1;
}

void page_input_release(page_input *in) {
  if (in->have_view)
    PyBuffer_Release(&in->view);
  in->have_view = 0;
  free(in->copy);
  in->copy = NULL;
}
