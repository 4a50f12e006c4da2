/* The module's functions: a page in, its extraction out, the GIL released
 * while pith works so that threads extract pages side by side. */
#include <string.h>

#include "module.h"

/* What one call does with the GIL released: extract (an HTML page that
 * turns out to have no markup at all goes through text mode, as in the
 * CLI), then render when asked. */
typedef struct {
  const page_input *in;
  const call_options *o;
  int text_mode, render;
  pith_result *r;
  char *out;
  size_t out_len;
} job;

static pith_status work(job *j) {
  const pith_options *opts = &j->o->opts;
  pith_status st = j->text_mode ? pith_extract_text(j->in->data, j->in->len, opts, &j->r)
                                : pith_extract(j->in->data, j->in->len, opts, &j->r);
  if (st == PITH_ERR_NOT_HTML && !j->text_mode && pith_result_error(j->r) &&
      !strcmp(pith_result_error(j->r), "no HTML markup found")) {
    pith_result_free(j->r);
    j->r = NULL;
    st = pith_extract_text(j->in->data, j->in->len, opts, &j->r);
  }
  if (st == PITH_OK && j->render)
    st = pith_render(j->r, (pith_format)j->o->format, j->o->flags, &j->out, &j->out_len);
  return st;
}

static PyObject *run(PyObject *args, PyObject *kwargs, const char *fname, int render,
                     int text_mode) {
  call_options o;
  PyObject *page = NULL;
  page_input in;
  if (options_parse(args, kwargs, fname, render, &o, &page) < 0 || page_input_get(page, &in) < 0)
    return NULL;
  job j = {&in, &o, text_mode, render, NULL, NULL, 0};
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = work(&j);
  PyEval_RestoreThread(ts);
  page_input_release(&in);
  PyObject *ret = NULL;
  if (st != PITH_OK)
    errors_raise(st, j.r);
  else if (errors_warn(j.r) < 0)
    ; /* the warnings filter made it an error */
  else if (render)
    ret = utf8_str(j.out, j.out_len);
  else
    ret = result_new(j.r), j.r = NULL; /* the Result owns it now */
  pith_free(j.out);
  pith_result_free(j.r);
  return ret;
}

static PyObject *py_extract(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  return run(args, kwargs, "extract", 1, 0);
}
static PyObject *py_extract_text(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  return run(args, kwargs, "extract_text", 1, 1);
}
static PyObject *py_parse(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  return run(args, kwargs, "parse", 0, 0);
}
static PyObject *py_parse_text(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  return run(args, kwargs, "parse_text", 0, 1);
}

/* The parsed tree in html5lib-tests' format (pith --dump-dom). */
static PyObject *py_dump_dom(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  call_options o;
  PyObject *page = NULL;
  page_input in;
  if (options_parse(args, kwargs, "dump_dom", 0, &o, &page) < 0 || page_input_get(page, &in) < 0)
    return NULL;
  char *out = NULL;
  size_t len = 0;
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = pith_dump_dom(in.data, in.len, &o.opts, &out, &len);
  PyEval_RestoreThread(ts);
  page_input_release(&in);
  PyObject *ret = st == PITH_OK ? utf8_str(out, len) : errors_raise(st, NULL);
  pith_free(out);
  return ret;
}

/* The library's fields: (name, type name) pairs in their order. */
static PyObject *py_fields(PyObject *self, PyObject *unused) {
  (void)self;
  (void)unused;
  static const char *const types[] = {"str", "list[str]", "int", "float", "bool", "list[dict]"};
  PyObject *list = PyList_New(0);
  for (int f = 0; list && pith_field_name(f); f++) {
    int t = pith_field_type(f);
    PyObject *pair =
        Py_BuildValue("(ss)", pith_field_name(f),
                      t >= 0 && t < (int)(sizeof types / sizeof *types) ? types[t] : "object");
    if (!pair || PyList_Append(list, pair) < 0)
      Py_CLEAR(list);
    Py_XDECREF(pair);
  }
  return list;
}

#define CALL(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef functions[] = {
    {"extract", CALL(py_extract), "The core of pith.extract."},
    {"extract_text", CALL(py_extract_text), "The core of pith.extract_text."},
    {"parse", CALL(py_parse), "The core of pith.parse: a Result."},
    {"parse_text", CALL(py_parse_text), "The core of pith.parse_text: a Result."},
    {"dump_dom", CALL(py_dump_dom), "The core of pith.dump_dom."},
    {"fields", py_fields, METH_NOARGS, "The library's fields: (name, type) pairs."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    "pith._pith",
    "The C core of the pith module (libpith).",
    -1,
    functions,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__pith(void); /* what Python calls on import pith._pith */

PyMODINIT_FUNC PyInit__pith(void) {
  if (PyType_Ready(&result_type) < 0 || PyType_Ready(&archive_type) < 0 ||
      PyType_Ready(&record_type) < 0 || PyType_Ready(&sites_type) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&module_def);
  if (!m)
    return NULL;
  if (errors_init(m) < 0 || PyModule_AddStringConstant(m, "version", pith_version()) < 0 ||
      PyModule_AddObjectRef(m, "Result", (PyObject *)&result_type) < 0 ||
      PyModule_AddObjectRef(m, "Archive", (PyObject *)&archive_type) < 0 ||
      PyModule_AddObjectRef(m, "Record", (PyObject *)&record_type) < 0 ||
      PyModule_AddObjectRef(m, "Sites", (PyObject *)&sites_type) < 0) {
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
