/* Keyword arguments to pith_options and render flags: the CLI's options
 * under Python names (--no-title is title=False, --max-size is max_size).
 * Every function taking a page parses its arguments here, so they all
 * accept and check the same ones. */
#include <stdio.h>
#include <string.h>

#include "module.h"

int format_parse(PyObject *name) {
  if (!PyUnicode_Check(name)) {
    PyErr_Format(PyExc_TypeError, "format must be a str, not %.100s", Py_TYPE(name)->tp_name);
    return -1;
  }
  const char *s = PyUnicode_AsUTF8(name);
  if (!s)
    return -1;
  int f = pith_format_from_name(s);
  if (f < 0)
    PyErr_Format(PyExc_ValueError,
                 "unknown format '%.100s' (text, json, jsonl, markdown, md, html or xml)", s);
  return f;
}

int size_arg(PyObject *value, const char *name, size_t *out) {
  if (!value)
    return 0;
  /* True is an int to Python, but max_nodes=True means no number. */
  if (PyBool_Check(value) || !PyIndex_Check(value)) {
    if (PyUnicode_Check(value))
      PyErr_Format(PyExc_TypeError, "%s must be an int, not str '%.50U'", name, value);
    else
      PyErr_Format(PyExc_TypeError, "%s must be an int, not %.100s", name, Py_TYPE(value)->tp_name);
    return -1;
  }
  Py_ssize_t v = PyNumber_AsSsize_t(value, NULL); /* clipped: a huge limit is none */
  if (v == -1 && PyErr_Occurred())
    return -1;
  if (v < 0) {
    PyErr_Format(PyExc_ValueError, "%s must be 0 or more, not %R", name, value);
    return -1;
  }
  *out = (size_t)v;
  return 0;
}

/* As the CLI's --language: a primary subtag of two or three letters, then
 * nothing or more subtags ("en", "pt-BR"). */
static int language_tag(const char *s) {
  size_t k = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
  return k >= 2 && k <= 3 && (!s[k] || s[k] == '-' || s[k] == '_');
}

/* obj.name in *out: 1, or 0 when it has no such attribute, -1 on another
 * error (PyObject_GetOptionalAttrString is Python 3.13's). */
static int optional_attr(PyObject *obj, const char *name, PyObject **out) {
  *out = PyObject_GetAttrString(obj, name);
  if (*out)
    return 1;
  if (!PyErr_ExceptionMatches(PyExc_AttributeError))
    return -1;
  PyErr_Clear();
  return 0;
}

/* A boolean scalar of an array library (numpy.bool_, what a pandas or
 * numpy pipeline hands over): 1 when value says it is one through the
 * array protocol, a dtype of kind "b" and no dimensions (ndim 0), 0 when
 * not, -1 on an error. Asked of the object, not matched on its type's
 * name: numpy 2 renamed numpy.bool_ to numpy.bool. An int, str, bytes or
 * float never is one (bool_arg reads ints as 1 or 0; the others are
 * refused). */
static int is_bool_scalar(PyObject *value) {
  if (PyLong_Check(value) || PyUnicode_Check(value) || PyBytes_Check(value) || PyFloat_Check(value))
    return 0;
  PyObject *dtype = NULL, *kind = NULL, *ndim = NULL;
  int yes = 0;
  if (optional_attr(value, "dtype", &dtype) > 0 && optional_attr(dtype, "kind", &kind) > 0 &&
      PyUnicode_Check(kind) && PyUnicode_CompareWithASCIIString(kind, "b") == 0 &&
      optional_attr(value, "ndim", &ndim) > 0 && PyLong_Check(ndim)) {
    /* An ndim past a C long is no scalar's, not an OverflowError. */
    int overflow;
    yes = PyLong_AsLongAndOverflow(ndim, &overflow) == 0 && !overflow;
  }
  Py_XDECREF(dtype);
  Py_XDECREF(kind);
  Py_XDECREF(ndim);
  return PyErr_Occurred() ? -1 : yes;
}

int bool_arg(PyObject *value, const char *name, int *out) {
  if (!value)
    return 0;
  if (PyBool_Check(value)) {
    *out = value == Py_True;
    return 0;
  }
  int scalar = is_bool_scalar(value);
  if (scalar < 0)
    return -1;
  if (scalar) {
    int on = PyObject_IsTrue(value);
    if (on < 0)
      return -1;
    *out = on;
    return 0;
  }
  if (!PyLong_Check(value)) {
    /* Truthiness would make title="no" mean True. */
    PyErr_Format(PyExc_TypeError, "%s must be True or False, not %.100s", name,
                 Py_TYPE(value)->tp_name);
    return -1;
  }
  int overflow = 0;
  long v = PyLong_AsLongAndOverflow(value, &overflow);
  if (v == -1 && PyErr_Occurred())
    return -1;
  if (overflow || (v != 0 && v != 1)) {
    PyErr_Format(PyExc_ValueError, "%s must be True or False (or 1 or 0), not %R", name, value);
    return -1;
  }
  *out = (int)v;
  return 0;
}

/* The keyword booleans of the render flags (title=True is the absence of
 * PITH_RENDER_NO_TITLE, images=True the presence of PITH_RENDER_IMAGES). */
typedef struct {
  int title, links, images, tables, formatting, comments, fragment, json_markdown, json_tree;
} render_bools;

/* The render flags' keywords, in render_bools' order. */
static char *render_flag_kw[] = {"title",    "links",    "images",        "tables",    "formatting",
                                 "comments", "fragment", "json_markdown", "json_tree", NULL};
#define RENDER_FLAGS 9

/* b from the objects given for the render flags (NULL: not given). */
static int render_bools_get(PyObject *const given[RENDER_FLAGS], render_bools *b) {
  int *field[RENDER_FLAGS] = {&b->title,    &b->links,         &b->images,
                              &b->tables,   &b->formatting,    &b->comments,
                              &b->fragment, &b->json_markdown, &b->json_tree};
  for (int i = 0; i < RENDER_FLAGS; i++)
    if (bool_arg(given[i], render_flag_kw[i], field[i]))
      return -1;
  return 0;
}

static unsigned flags_of(const render_bools *b) {
  return (b->title ? 0 : PITH_RENDER_NO_TITLE) | (b->links ? 0 : PITH_RENDER_NO_LINKS) |
         (b->images ? PITH_RENDER_IMAGES : 0) | (b->tables ? 0 : PITH_RENDER_NO_TABLES) |
         (b->formatting ? PITH_RENDER_FORMATTING : 0) | (b->comments ? PITH_RENDER_COMMENTS : 0) |
         (b->fragment ? PITH_RENDER_FRAGMENT : 0) | (b->json_markdown ? PITH_RENDER_MARKDOWN : 0) |
         (b->json_tree ? PITH_RENDER_TREE : 0);
}

int options_parse(PyObject *args, PyObject *kwargs, const char *fname, int render, int text_page,
                  call_options *o, PyObject **page) {
  /* The keywords, in the order both calls below read them; the page's is
   * text in text mode, else html. */
#define EXTRACTION_KEYWORDS                                                                        \
  "charset", "language", "max_size", "max_nodes", "max_depth", "warc_record_id", "warc_date",      \
      "source_file", "max_attributes", "max_attribute_bytes", "max_text_lines", "timeout_ms"
#define RENDER_KEYWORDS                                                                            \
  "format", "title", "links", "images", "tables", "formatting", "comments", "fragment",            \
      "json_markdown", "json_tree"
  static char *render_kw[] = {"html", "url", RENDER_KEYWORDS, EXTRACTION_KEYWORDS, NULL};
  static char *render_text_kw[] = {"text", "url", RENDER_KEYWORDS, EXTRACTION_KEYWORDS, NULL};
  static char *parse_kw[] = {"html", "url", EXTRACTION_KEYWORDS, "metadata", NULL};
  static char *parse_text_kw[] = {"text", "url", EXTRACTION_KEYWORDS, "metadata", NULL};
#undef RENDER_KEYWORDS
#undef EXTRACTION_KEYWORDS
  memset(o, 0, sizeof *o);
  pith_options_init(&o->opts);
  render_bools b = {1, 1, 0, 1, 0, 0, 0, 0, 0};
  PyObject *given[RENDER_FLAGS] = {NULL}, *metadata_arg = NULL, *format = NULL;
  const char *url = NULL, *charset = NULL, *language = NULL, *record_id = NULL, *date = NULL,
             *source = NULL;
  /* The limits, read by size_arg (NULL: not given, the default stays). */
  PyObject *max_size = NULL, *max_nodes = NULL, *max_depth = NULL, *max_attrs = NULL,
           *max_attr_bytes = NULL, *max_lines = NULL, *timeout = NULL;
  int metadata = 1, ok;
  /* PyArg's format: the page, url, then keywords only in kwlist's order;
   * ":fname" names the function in its messages. */
  char spec[80];
  snprintf(spec, sizeof spec, "%s:%s", render ? "O|z$OOOOOOOOOOzzOOOzzzOOOO" : "O|z$zzOOOzzzOOOOO",
           fname);
  *page = NULL;
  if (render)
    ok = PyArg_ParseTupleAndKeywords(
        args, kwargs, spec, text_page ? render_text_kw : render_kw, page, &url, &format, &given[0],
        &given[1], &given[2], &given[3], &given[4], &given[5], &given[6], &given[7], &given[8],
        &charset, &language, &max_size, &max_nodes, &max_depth, &record_id, &date, &source,
        &max_attrs, &max_attr_bytes, &max_lines, &timeout);
  else
    ok = PyArg_ParseTupleAndKeywords(args, kwargs, spec, text_page ? parse_text_kw : parse_kw, page,
                                     &url, &charset, &language, &max_size, &max_nodes, &max_depth,
                                     &record_id, &date, &source, &max_attrs, &max_attr_bytes,
                                     &max_lines, &timeout, &metadata_arg);
  if (!ok || render_bools_get(given, &b) || bool_arg(metadata_arg, "metadata", &metadata))
    return -1;
  size_t nodes = o->opts.max_nodes, depth = o->opts.max_depth, ms = o->opts.timeout_ms;
  if (size_arg(max_size, "max_size", &o->opts.max_input_bytes) ||
      size_arg(max_nodes, "max_nodes", &nodes) || size_arg(max_depth, "max_depth", &depth) ||
      size_arg(max_attrs, "max_attributes", &o->opts.max_attributes) ||
      size_arg(max_attr_bytes, "max_attribute_bytes", &o->opts.max_attribute_bytes) ||
      size_arg(max_lines, "max_text_lines", &o->opts.max_text_lines) ||
      size_arg(timeout, "timeout_ms", &ms))
    return -1;
  if (ms > 86400000) {
    PyErr_SetString(PyExc_ValueError, "timeout_ms must be at most 86400000 (a day)");
    return -1;
  }
  o->opts.timeout_ms = (unsigned)ms;
  if (depth > 100000) {
    PyErr_SetString(PyExc_ValueError, "max_depth must be at most 100000");
    return -1;
  }
  if (language && *language && !language_tag(language)) {
    PyErr_Format(PyExc_ValueError,
                 "language '%.50s' is not a language tag (use a code like en, de or pt-BR)",
                 language);
    return -1;
  }
  o->opts.max_nodes = nodes;
  o->opts.max_depth = (unsigned)depth;
  o->opts.url = url;
  o->opts.charset = charset;
  o->opts.language = language && *language ? language : NULL;
  o->opts.warc_record_id = record_id;
  o->opts.warc_date = date;
  o->opts.source_file = source;
  o->format = PITH_FORMAT_TEXT;
  if (format && (o->format = format_parse(format)) < 0)
    return -1;
  o->flags = flags_of(&b);
  /* As the CLI: the formats that show the title alone skip the rest. */
  o->opts.metadata =
      render ? o->format == PITH_FORMAT_JSON || o->format == PITH_FORMAT_XML : metadata;
  return 0;
}

int render_flags_parse(PyObject *kwargs, unsigned *flags) {
  PyObject *empty = PyTuple_New(0);
  if (!empty)
    return -1;
  render_bools b = {1, 1, 0, 1, 0, 0, 0, 0, 0};
  PyObject *given[RENDER_FLAGS] = {NULL};
  int ok = PyArg_ParseTupleAndKeywords(empty, kwargs, "|$OOOOOOOOO:render", render_flag_kw,
                                       &given[0], &given[1], &given[2], &given[3], &given[4],
                                       &given[5], &given[6], &given[7], &given[8]);
  Py_DECREF(empty);
  if (!ok || render_bools_get(given, &b))
    return -1;
  *flags = flags_of(&b);
  return 0;
}
