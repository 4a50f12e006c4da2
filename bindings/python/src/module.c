/* The module's functions: a page in, its extraction out, the GIL released
 * while pith works so that threads extract pages side by side. */
#include <string.h>

#include "module.h"

/* What one call does with the GIL released: extract (an HTML page that
 * turns out to have no markup at all goes through text mode, as in the
 * CLI), then render when asked, make the output ready to become a str and
 * free what is no longer needed. Under the GIL the other threads wait:
 * whatever can be done without it is done here. */
typedef struct {
  const page_input *in;
  const call_options *o;
  int text_mode, render;
  pith_result *r;
  char *out;
  utf8_text text;
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
  if (st != PITH_OK || !j->render)
    return st;
  if (pith_result_error(j->r)) {
    /* Left out by the language option: no output, as the CLI writes none
     * (parse() tells why: Article.left_out). */
    utf8_prepare(&j->text, "", 0);
    return st;
  }
  size_t len = 0;
  st = pith_render(j->r, (pith_format)j->o->format, j->o->flags, &j->out, &len);
  if (st != PITH_OK)
    return st;
  utf8_prepare(&j->text, j->out, len);
  if (j->text.wide) { /* the str is made from the copy */
    pith_free(j->out);
    j->out = NULL;
  }
  if (!pith_result_warning(j->r)) { /* else the caller warns with it */
    pith_result_free(j->r);
    j->r = NULL;
  }
  return st;
}

/* warn_level: the stack level of the warning, 1 when the caller is the
 * user's code, 2 when it is a wrapper in pith/__init__.py. */
static PyObject *run(PyObject *args, PyObject *kwargs, const char *fname, int render, int text_mode,
                     int warn_level) {
  call_options o;
  PyObject *page = NULL;
  page_input in;
  if (options_parse(args, kwargs, fname, render, text_mode, &o, &page) < 0 ||
      page_input_get(page, &in) < 0)
    return NULL;
  job j = {&in, &o, text_mode, render, NULL, NULL, {0}};
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = work(&j);
  PyEval_RestoreThread(ts);
  page_input_release(&in);
  PyObject *ret = NULL;
  if (st != PITH_OK)
    errors_raise(st, j.r);
  else if (j.r && errors_warn(j.r, warn_level) < 0)
    ; /* the warnings filter made it an error */
  else if (render)
    ret = utf8_finish(&j.text);
  else
    ret = result_new(j.r), j.r = NULL; /* the Result owns it now */
  utf8_text_release(&j.text);
  pith_free(j.out);
  pith_result_free(j.r);
  return ret;
}

/* pith.extract and pith.extract_text are these functions themselves: a
 * wrapper in Python passing every keyword on costs more under the GIL
 * (PyArg_ParseTupleAndKeywords looks each one up) than the page's output. */
PyDoc_STRVAR(
    extract_doc,
    "extract($module, html, url=None, *, format='text', title=True, links=True, images=False,\n"
    "        tables=True, formatting=False, comments=False, fragment=False, json_markdown=False,\n"
    "        json_tree=False, charset=None, language=None, max_size=67108864, max_nodes=4000000,\n"
    "        max_depth=256, warc_record_id=None, warc_date=None, source_file=None,\n"
    "        max_attributes=1024, max_attribute_bytes=1048576, max_text_lines=1000000,\n"
    "        timeout_ms=0)\n"
    "--\n"
    "\n"
    "The main content of one page, rendered as a str.\n"
    "\n"
    "html: the page, bytes in any charset or str. url: its address (resolves\n"
    "links, helps metadata). format: \"text\" (title, blank line, text),\n"
    "\"markdown\"/\"md\", \"html\", \"xml\", \"json\"/\"jsonl\" (one line). The others are\n"
    "the CLI's options: title (--no-title), links (--no-links), images,\n"
    "tables (--no-tables), formatting, comments, fragment (html: the\n"
    "<article> element only), json_markdown, json_tree, charset (assumed\n"
    "when the page declares none), language (keep only pages in this\n"
    "language: others give '', as the CLI writes nothing; parse() says why),\n"
    "max_size (bytes; 0: no limit),\n"
    "max_nodes, max_depth, max_attributes, max_attribute_bytes and\n"
    "max_text_lines (the parser's and text mode's limits: content past them\n"
    "is cut, no error), timeout_ms (a time budget: TimeBudgetError past it;\n"
    "0: none); warc_record_id, warc_date and source_file (provenance in\n"
    "json). The flags take True or False (or 1 or 0, or a numpy.bool_):\n"
    "title='no' raises TypeError.\n"
    "\n"
    "A page with no markup at all is read as text (as the CLI does); a page\n"
    "without main content gives an empty text, not an error. gzip data cut\n"
    "short gives what came before the cut and a pith.InputWarning. Raises\n"
    "pith.Error subclasses for pages pith cannot read (EmptyInputError,\n"
    "NotHTMLError, TooLargeError). The GIL is released while pith works.");

PyDoc_STRVAR(
    extract_text_doc,
    "extract_text($module, text, url=None, *, format='text', title=True, links=True,\n"
    "             images=False, tables=True, formatting=False, comments=False, fragment=False,\n"
    "             json_markdown=False, json_tree=False, charset=None, language=None,\n"
    "             max_size=67108864, max_nodes=4000000, max_depth=256, warc_record_id=None,\n"
    "             warc_date=None, source_file=None, max_attributes=1024,\n"
    "             max_attribute_bytes=1048576, max_text_lines=1000000, timeout_ms=0)\n"
    "--\n"
    "\n"
    "extract() for a page flattened to text (a WET record, a \"view as text\"\n"
    "dump: a line per text run). The headline, dateline, bylines and captions\n"
    "become metadata. Same options as extract().");

static PyObject *py_extract(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  return run(args, kwargs, "extract", 1, 0, 1);
}
static PyObject *py_extract_text(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  return run(args, kwargs, "extract_text", 1, 1, 1);
}
static PyObject *py_parse(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  return run(args, kwargs, "parse", 0, 0, 2);
}
static PyObject *py_parse_text(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  return run(args, kwargs, "parse_text", 0, 1, 2);
}

/* The parsed tree in html5lib-tests' format (pith --dump-dom). */
static PyObject *py_dump_dom(PyObject *self, PyObject *args, PyObject *kwargs) {
  (void)self;
  call_options o;
  PyObject *page = NULL;
  page_input in;
  if (options_parse(args, kwargs, "dump_dom", 0, 0, &o, &page) < 0 || page_input_get(page, &in) < 0)
    return NULL;
  char *out = NULL;
  size_t len = 0;
  utf8_text text;
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = pith_dump_dom(in.data, in.len, &o.opts, &out, &len);
  utf8_prepare(&text, out, len);
  PyEval_RestoreThread(ts);
  page_input_release(&in);
  PyObject *ret = st == PITH_OK ? utf8_finish(&text) : errors_raise(st, NULL);
  utf8_text_release(&text);
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

/* bool_arg for the Python layer's own bool options (site_dedup,
 * overwrite, ...): check_bool(value, name) gives True or False. */
static PyObject *py_check_bool(PyObject *self, PyObject *args) {
  (void)self;
  PyObject *value;
  const char *name;
  int on = 0;
  if (!PyArg_ParseTuple(args, "Os:check_bool", &value, &name) || bool_arg(value, name, &on))
    return NULL;
  return PyBool_FromLong(on);
}

#define CALL(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef functions[] = {
    {"extract", CALL(py_extract), extract_doc},
    {"extract_text", CALL(py_extract_text), extract_text_doc},
    {"parse", CALL(py_parse), "The core of pith.parse: a Result."},
    {"parse_text", CALL(py_parse_text), "The core of pith.parse_text: a Result."},
    {"dump_dom", CALL(py_dump_dom), "The core of pith.dump_dom."},
    {"fields", py_fields, METH_NOARGS, "The library's fields: (name, type) pairs."},
    {"check_bool", py_check_bool, METH_VARARGS,
     "check_bool(value, name): True or False; TypeError/ValueError naming the option."},
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
      PyType_Ready(&record_type) < 0 || PyType_Ready(&sites_type) < 0 ||
      PyType_Ready(&many_type) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&module_def);
  if (!m)
    return NULL;
  if (errors_init(m) < 0 || PyModule_AddStringConstant(m, "version", pith_version()) < 0 ||
      PyModule_AddObjectRef(m, "Result", (PyObject *)&result_type) < 0 ||
      PyModule_AddObjectRef(m, "Archive", (PyObject *)&archive_type) < 0 ||
      PyModule_AddObjectRef(m, "Record", (PyObject *)&record_type) < 0 ||
      PyModule_AddObjectRef(m, "Sites", (PyObject *)&sites_type) < 0 ||
      PyModule_AddObjectRef(m, "Many", (PyObject *)&many_type) < 0) {
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
