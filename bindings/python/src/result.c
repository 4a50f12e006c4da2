/* The Result type: one extracted page (a pith_result) for pith.Article.
 * fields() reads every field through pith.h's accessors, by the library's
 * own list of fields, so a field added to the library shows up here with no
 * change; render() renders it in any format with the GIL released. */
#include <string.h>

#include "module.h"

typedef struct {
  PyObject_HEAD pith_result *r;
} result_object;

static PyObject *str_or_none(const char *s) {
  if (!s)
    Py_RETURN_NONE;
  return utf8_str(s, strlen(s));
}

PyObject *result_new(pith_result *r) {
  result_object *o = PyObject_New(result_object, &result_type);
  if (!o) {
    pith_result_free(r);
    return NULL;
  }
  o->r = r;
  return (PyObject *)o;
}

static void result_dealloc(PyObject *self) {
  pith_result_free(((result_object *)self)->r);
  PyObject_Free(self);
}

/* One figure as a dict of its known members. */
static PyObject *image_dict(const pith_image *img) {
  PyObject *d = PyDict_New();
  const char *names[] = {"src", "alt", "caption", "credit"};
  const char *values[] = {img->src, img->alt, img->caption, img->credit};
  for (int i = 0; d && i < 4; i++) {
    if (!values[i])
      continue;
    PyObject *v = utf8_str(values[i], strlen(values[i]));
    if (!v || PyDict_SetItemString(d, names[i], v) < 0)
      Py_CLEAR(d);
    Py_XDECREF(v);
  }
  return d;
}

/* Item i of a list field, as Python sees it. */
static PyObject *string_item(const pith_result *r, pith_field f, size_t i) {
  return str_or_none(pith_result_string_at(r, f, i));
}

static PyObject *image_item(const pith_result *r, pith_field f, size_t i) {
  (void)f;
  pith_image img;
  return pith_result_image(r, i, &img) ? image_dict(&img) : PyErr_NoMemory();
}

static PyObject *list_of(const pith_result *r, pith_field f,
                         PyObject *(*item)(const pith_result *, pith_field, size_t)) {
  size_t n = pith_result_count(r, f);
  PyObject *list = PyList_New((Py_ssize_t)n);
  for (size_t i = 0; list && i < n; i++) {
    PyObject *v = item(r, f, i);
    if (!v)
      Py_CLEAR(list);
    else
      PyList_SET_ITEM(list, (Py_ssize_t)i, v);
  }
  return list;
}

/* A field's value as Python sees it: str, list of str, list of dict, int,
 * float or bool. */
static PyObject *field_value(const pith_result *r, pith_field f) {
  switch (pith_field_type(f)) {
  case PITH_TYPE_STRING:
    return str_or_none(pith_result_string(r, f));
  case PITH_TYPE_STRINGS:
    return list_of(r, f, string_item);
  case PITH_TYPE_IMAGES:
    return list_of(r, f, image_item);
  case PITH_TYPE_INTEGER: {
    long long v = 0;
    pith_result_integer(r, f, &v);
    return PyLong_FromLongLong(v);
  }
  case PITH_TYPE_BOOLEAN: {
    long long v = 0;
    pith_result_integer(r, f, &v);
    return PyBool_FromLong(v != 0);
  }
  case PITH_TYPE_NUMBER: {
    double v = 0;
    pith_result_number(r, f, &v);
    return PyFloat_FromDouble(v);
  }
  }
  PyErr_Format(PyExc_SystemError, "pith: field %d has an unknown type", (int)f);
  return NULL;
}

PyDoc_STRVAR(fields_doc, "fields() -> dict\n\n"
                         "Every field the page has, by its JSON name, in the library's order.");

static PyObject *result_fields(PyObject *self, PyObject *unused) {
  (void)unused;
  const pith_result *r = ((result_object *)self)->r;
  PyObject *d = PyDict_New();
  for (int f = 0; d && pith_field_name(f); f++) {
    if (!pith_result_has(r, (pith_field)f))
      continue;
    PyObject *v = field_value(r, (pith_field)f);
    if (!v || PyDict_SetItemString(d, pith_field_name(f), v) < 0)
      Py_CLEAR(d);
    Py_XDECREF(v);
  }
  return d;
}

PyDoc_STRVAR(render_doc, "render(format, **flags) -> str\n\n"
                         "The page in a format, with the render flags of pith.extract.");

static PyObject *result_render(PyObject *self, PyObject *args, PyObject *kwargs) {
  PyObject *name = NULL;
  if (!PyArg_ParseTuple(args, "O:render", &name))
    return NULL;
  int format = format_parse(name);
  unsigned flags = 0;
  if (format < 0 || render_flags_parse(kwargs, &flags) < 0)
    return NULL;
  const pith_result *r = ((result_object *)self)->r;
  char *out = NULL;
  size_t len = 0;
  utf8_text text;
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = pith_render(r, (pith_format)format, flags, &out, &len);
  utf8_prepare(&text, out, len);
  PyEval_RestoreThread(ts);
  PyObject *s = st == PITH_OK ? utf8_finish(&text) : errors_raise(st, NULL);
  utf8_text_release(&text);
  pith_free(out);
  return s;
}

static PyObject *result_left_out(PyObject *self, void *closure) {
  (void)closure;
  return str_or_none(pith_result_error(((result_object *)self)->r));
}

static PyObject *result_warning(PyObject *self, void *closure) {
  (void)closure;
  return str_or_none(pith_result_warning(((result_object *)self)->r));
}

static PyMethodDef result_methods[] = {
    {"fields", result_fields, METH_NOARGS, fields_doc},
    {"render", (PyCFunction)(void (*)(void))result_render, METH_VARARGS | METH_KEYWORDS,
     render_doc},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef result_getset[] = {
    {"left_out", result_left_out, NULL, "Why the page was left out (the language option), or None.",
     NULL},
    {"warning", result_warning, NULL,
     "A flaw of the input the extraction got past (gzip data cut short), or None.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject result_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pith._pith.Result",
    .tp_basicsize = sizeof(result_object),
    .tp_dealloc = result_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One extracted page, as pith.Article holds it.",
    .tp_methods = result_methods,
    .tp_getset = result_getset,
};
