/* A page argument to bytes pith can read: a bytes-like object as it is (any
 * charset, pith finds it), a str as UTF-8. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "module.h"

/* 1 if a str page is the name of a file rather than a page: one short line
 * without markup that names a file (pith.extract("page.html") would give
 * "page.html" back as the page's text). */
static int names_a_file(const char *s, Py_ssize_t n) {
  struct stat st;
  return n > 0 && n < 4096 && !memchr(s, '<', (size_t)n) && !memchr(s, '\n', (size_t)n) &&
         strlen(s) == (size_t)n && stat(s, &st) == 0 && S_ISREG(st.st_mode);
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
                   "a page is its content, not a file name: %R is a file (read it first: "
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
