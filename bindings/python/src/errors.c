/* The library's statuses as exceptions: pith.Error and one subclass per
 * status, each also the built-in exception a Python user would catch for
 * it (an empty page is a ValueError, out of memory a MemoryError). */
#include "module.h"

static PyObject *input_warning, *error, *empty_error, *not_html_error, *too_large_error,
    *invalid_error, *memory_error, *archive_error, *timeout_error;

/* A class pith.NAME with the given base (a class, or a tuple of classes),
 * added to the module; NULL on failure. */
static PyObject *new_class(PyObject *module, const char *name, PyObject *base, const char *doc) {
  char full[64];
  snprintf(full, sizeof full, "pith.%s", name);
  PyObject *cls = base ? PyErr_NewExceptionWithDoc(full, doc, base, NULL) : NULL;
  if (cls && PyModule_AddObjectRef(module, name, cls) < 0)
    Py_CLEAR(cls);
  return cls;
}

/* pith.NAME with bases (pith.Error, builtin). */
static PyObject *subclass(PyObject *module, const char *name, PyObject *builtin, const char *doc) {
  PyObject *bases = error ? PyTuple_Pack(2, error, builtin) : NULL;
  PyObject *cls = new_class(module, name, bases, doc);
  Py_XDECREF(bases);
  return cls;
}

int errors_init(PyObject *module) {
  error = new_class(module, "Error", PyExc_Exception,
                    "A page or an archive pith could not read. str(e) is the library's message; "
                    "e.status the library's status number.");
  input_warning = new_class(module, "InputWarning", PyExc_UserWarning,
                            "A flaw of the input the extraction got past (gzip data cut short): "
                            "the output may be incomplete.");
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
  timeout_error = subclass(module, "TimeBudgetError", PyExc_TimeoutError,
                           "The page took longer than timeout_ms.");
  return error && input_warning && empty_error && not_html_error && too_large_error &&
                 invalid_error && memory_error && archive_error && timeout_error
             ? 0
             : -1;
}

/* The library's message, with the argument it concerns as Python spells
 * it (the library's own words name none, or the C field). */
static PyObject *message(pith_status st, const char *msg) {
  if (st == PITH_ERR_INVALID && !strncmp(msg, "unknown charset", 15))
    return PyUnicode_FromFormat("%s (the charset argument: a WHATWG name such as utf-8, "
                                "windows-1252 or shift_jis)",
                                msg);
  if (st == PITH_ERR_TOO_LARGE && !strncmp(msg, "larger than ", 12))
    return PyUnicode_FromFormat("%s (max_size)", msg);
  return PyUnicode_FromString(msg);
}

/* An instance of cls with message msg and .status st; NULL with an error set. */
static PyObject *new_error(PyObject *cls, pith_status st, const char *msg) {
  PyObject *text = message(st, msg);
  PyObject *e = text ? PyObject_CallOneArg(cls, text) : NULL;
  Py_XDECREF(text);
  if (!e)
    return NULL;
  PyObject *status = PyLong_FromLong((long)st);
  if (!status || PyObject_SetAttrString(e, "status", status) < 0) {
    Py_XDECREF(status);
    Py_DECREF(e);
    return NULL;
  }
  Py_DECREF(status);
  return e;
}

static PyObject *raise(PyObject *cls, pith_status st, const char *msg) {
  PyObject *e = new_error(cls, st, msg);
  if (e) {
    PyErr_SetObject(cls, e);
    Py_DECREF(e);
  }
  return NULL;
}

/* The class of a failed status. */
static PyObject *class_of(pith_status st) {
  switch (st) {
  case PITH_ERR_EMPTY:
    return empty_error;
  case PITH_ERR_NOT_HTML:
    return not_html_error;
  case PITH_ERR_TOO_LARGE:
    return too_large_error;
  case PITH_ERR_INVALID:
    return invalid_error;
  case PITH_ERR_NOMEM:
    return memory_error;
  case PITH_ERR_TIMEOUT:
    return timeout_error;
  default:
    return error;
  }
}

PyObject *errors_raise(pith_status st, const pith_result *r) {
  const char *msg = r && pith_result_error(r) ? pith_result_error(r) : pith_status_string(st);
  return raise(class_of(st), st, msg);
}

PyObject *errors_new(pith_status st, const char *msg) {
  return new_error(class_of(st), st, msg ? msg : pith_status_string(st));
}

PyObject *errors_raise_archive(pith_status st, const char *msg) {
  if (st == PITH_ERR_NOMEM)
    return raise(memory_error, st, msg);
  return raise(archive_error, st, msg ? msg : pith_status_string(st));
}

int errors_warn(const pith_result *r, int stack_level) {
  const char *w = pith_result_warning(r);
  return w ? errors_warn_message(w, stack_level) : 0;
}

int errors_warn_message(const char *message, int stack_level) {
  return PyErr_WarnEx(input_warning, message, stack_level);
}
