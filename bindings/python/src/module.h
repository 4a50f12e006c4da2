/* pith._pith: the CPython extension under the pith package. One file per
 * piece: input.c (bytes or str to a page), options.c (keyword arguments to
 * pith_options and render flags), errors.c (statuses to exceptions),
 * result.c (the Result type: fields and rendering), archive.c (the Archive
 * type: records of a WARC or WET file), many.c (extract_many over the
 * library's batch), utf8.c (pith's output to str), module.c (the functions and the module). The
 * Python side (pith/__init__.py) builds the public API on top. */
#ifndef PITH_PY_MODULE_H
#define PITH_PY_MODULE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <pith.h>

/* ---- input.c: a page's bytes --------------------------------------------- */

typedef struct {
  const void *data;
  size_t len;
  Py_buffer view; /* held while data points into a bytes-like object */
  int have_view;
  char *copy; /* a str's UTF-8, behind a byte order mark that settles the charset */
} page_input;

/* Reads a page argument: bytes-like (any charset) or str. 0, or -1 with
 * TypeError (anything else) or UnicodeEncodeError (lone surrogates). */
int page_input_get(PyObject *obj, page_input *in);
void page_input_release(page_input *in);

/* ---- options.c ------------------------------------------------------------ */

/* What one call asks for. The strings point into the argument objects,
 * which the caller holds for the whole call. */
typedef struct {
  pith_options opts;
  int format; /* pith_format */
  unsigned flags;
} call_options;

/* Fills o and *page from the arguments of a call (page, url=None, *, ...)
 * named fname; render: the format and render flags too (extract), else
 * extraction options alone (parse); text_page: the page's keyword is text
 * (text mode), else html. 0, or -1 with TypeError / ValueError. *page is
 * borrowed. */
int options_parse(PyObject *args, PyObject *kwargs, const char *fname, int render, int text_page,
                  call_options *o, PyObject **page);

/* A bool option's value: True, False, 1 or 0 into *out (value NULL: not
 * given, *out kept). 0, or -1 with a TypeError (a str, None, ...: "title
 * must be True or False, not str") or ValueError (another int) naming it. */
int bool_arg(PyObject *value, const char *name, int *out);

/* The render flags from keyword arguments alone (Result.render). */
int render_flags_parse(PyObject *kwargs, unsigned *flags);

/* The format's number from its name; -1 with ValueError. */
int format_parse(PyObject *name);

/* A size or count limit given as value (an int, or what has __index__:
 * not a bool, nor a str) into *out: 0 or more, a huge one clipped. NULL
 * value: not given, *out kept. 0, or -1 with TypeError or ValueError
 * naming the option. */
int size_arg(PyObject *value, const char *name, size_t *out);

/* ---- errors.c ------------------------------------------------------------- */

/* Creates the exception classes and adds them to the module. */
int errors_init(PyObject *module);

/* Raises the exception of a failed status, with r's message when there is
 * one. Returns NULL. */
PyObject *errors_raise(pith_status st, const pith_result *r);

/* The exception of a failed status with message msg (NULL: the status's
 * own), not raised; NULL with an error set. */
PyObject *errors_new(pith_status st, const char *msg);

/* Warns (pith.InputWarning) of a flaw of the input r's extraction got
 * past, at stack_level (as warnings.warn's stacklevel). 0, or -1 when the
 * warning was turned into an exception. */
int errors_warn(const pith_result *r, int stack_level);

/* The same for a warning's message. */
int errors_warn_message(const char *message, int stack_level);

/* Raises pith.Error's archive subclass with message msg. Returns NULL. */
PyObject *errors_raise_archive(pith_status st, const char *msg);

/* ---- result.c ------------------------------------------------------------- */

extern PyTypeObject result_type;

/* A new Result owning r (freed with it). */
PyObject *result_new(pith_result *r);

/* ---- utf8.c: pith's UTF-8 to str ----------------------------------------- */

/* A str from pith's UTF-8 (never fails on bad bytes: they become U+FFFD). */
PyObject *utf8_str(const char *s, size_t len);

/* UTF-8 made ready to become a str: the work done with the GIL released. */
typedef struct {
  const char *utf8; /* the bytes, which must outlive utf8_finish */
  size_t size;
  int valid;         /* valid UTF-8: length and maxchar are known */
  Py_ssize_t length; /* code points */
  Py_UCS4 maxchar;
  void *wide; /* not ASCII: the code points in the str's layout (malloc'd) */
} utf8_text;

/* Scans s[0..len) (NULL: empty) and widens it: needs no GIL. Never fails:
 * what it could not do (bad bytes, no memory) utf8_finish does. */
void utf8_prepare(utf8_text *t, const char *s, size_t len);

/* The str, as utf8_str(t->utf8, t->size) gives it (GIL held); releases t. */
PyObject *utf8_finish(utf8_text *t);

/* Frees t's buffer (when utf8_finish is not called). */
void utf8_text_release(utf8_text *t);

/* ---- archive.c ------------------------------------------------------------ */

extern PyTypeObject archive_type, record_type, sites_type;

/* ---- many.c --------------------------------------------------------------- */

/* extract_many's engine: Many(jobs, **options), add(page, url), take(wait),
 * close(). */
extern PyTypeObject many_type;

#endif
