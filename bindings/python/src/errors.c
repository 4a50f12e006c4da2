/* The library's statuses as exceptions: pith.Error and one subclass per
 * status, each also the built-in exception a Python user would catch for
 * it (an empty page is a ValueError, out of memory a MemoryError). */
#include "module.h"

static PyObject *error, *empty_error, *not_html_error, *too_large_error, *invalid_error,
    *memory_error, *archive_error;

/* A class pith.NAME with bases (pith.Error, builtin), added to the module. */
static PyObject *subclass(PyObject *module, const char *name, PyObject *builtin, const char *doc) {
  char full[64];
  snprintf(full, sizeof full, "pith.%s", name);
  PyObject *bases = PyTuple_Pack(2, error, builtin);
  if (!bases)
    return NULL;
  PyObject *cls = PyErr_NewExceptionWithDoc(full, doc, bases, NULL);
  Py_DECREF(bases);
  if (cls && PyModule_AddObjectRef(module, name, cls) < 0)
    Py_CLEAR(cls);
  return cls;
}

int errors_init(PyObject *module) {
  error = PyErr_NewExceptionWithDoc(
      "pith.Error",
      "A page or an archive pith could not read. str(e) is the library's message; e.status "
      "the library's status number.",
      PyExc_Exception, NULL);
  if (!error || PyModule_AddObjectRef(module, "Error", error) < 0)
    return -1;
  empty_error = subclass(module, "EmptyInputError", PyExc_ValueError,
                         "The input has no bytes, or only white space.");
  not_html_error = subclass(module, "NotHTMLError", PyExc_ValueError,
                            "Binary data, not a page (or, in text mode, not text).");
  too_large_error = subclass(module, "TooLargeError", PyExc_ValueError,
                             "The input is larger than max_size (or a record than "
                             "max_record_bytes).");
  invalid_error = subclass(module, "InvalidArgumentError", PyExc_ValueError,
                           "An argument the library refused (an unknown charset name...).");
  memory_error =
      subclass(module, "OutOfMemoryError", PyExc_MemoryError, "The library ran out of memory.");
  archive_error = subclass(module, "ArchiveError", PyExc_OSError,
                           "A WARC or WET file could not be opened or read on.");
  return empty_error && not_html_error && too_large_error && invalid_error && memory_error &&
                 archive_error
             ? 0
             : -1;
}

static PyObject *raise(PyObject *cls, pith_status st, const char *msg) {
  PyObject *e = PyObject_CallFunction(cls, "s", msg);
  if (!e)
    return NULL;
  PyObject *status = PyLong_FromLong((long)st);
  if (!status || PyObject_SetAttrString(e, "status", status) < 0) {
    Py_XDECREF(status);
    Py_DECREF(e);
    return NULL;
  }
  Py_DECREF(status);
  PyErr_SetObject(cls, e);
  Py_DECREF(e);
  return NULL;
}

PyObject *errors_raise(pith_status st, const pith_result *r) {
  const char *msg = r && pith_result_error(r) ? pith_result_error(r) : pith_status_string(st);
  switch (st) {
  case PITH_ERR_EMPTY:
    return raise(empty_error, st, msg);
  case PITH_ERR_NOT_HTML:
    return raise(not_html_error, st, msg);
  case PITH_ERR_TOO_LARGE:
    return raise(too_large_error, st, msg);
  case PITH_ERR_INVALID:
    return raise(invalid_error, st, msg);
  case PITH_ERR_NOMEM:
    return raise(memory_error, st, msg);
  default:
    return raise(error, st, msg);
  }
}

PyObject *errors_raise_archive(pith_status st, const char *msg) {
  if (st == PITH_ERR_NOMEM)
    return raise(memory_error, st, msg);
  return raise(archive_error, st, msg ? msg : pith_status_string(st));
}
