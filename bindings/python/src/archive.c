/* The Archive type: the records of a WARC or WET file through libpith's
 * archive reader, from a path or a Python file object; and the Record
 * type: one record (a copy that outlives the reader's next step, so worker
 * threads can extract it), its WARC fields, and extract() to a Result. The
 * GIL is released while pith reads, decompresses and extracts. */
#include <limits.h>
#include <string.h>

#include "module.h"

/* ---- Sites ------------------------------------------------------------------ */

/* A counter of text lines per site (pith_sites), for text mode's cross-page
 * boilerplate: every text record added first, then each extracted with it. */
typedef struct {
  PyObject_HEAD pith_sites *sites;
} sites_object;

static PyObject *sites_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
  if (!PyArg_ParseTuple(args, ":Sites") || (kwargs && PyDict_Size(kwargs))) {
    if (!PyErr_Occurred())
      PyErr_SetString(PyExc_TypeError, "Sites() takes no arguments");
    return NULL;
  }
  sites_object *self = (sites_object *)type->tp_alloc(type, 0);
  if (self && !(self->sites = pith_sites_new())) {
    Py_DECREF(self);
    return PyErr_NoMemory();
  }
  return (PyObject *)self;
}

static void sites_dealloc(PyObject *self) {
  pith_sites_free(((sites_object *)self)->sites);
  Py_TYPE(self)->tp_free(self);
}

PyTypeObject sites_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pith._pith.Sites",
    .tp_basicsize = sizeof(sites_object),
    .tp_dealloc = sites_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Sites(): the lines of many text pages per site; Record.count(sites) adds one.",
    .tp_new = sites_new,
};

/* ---- Record ---------------------------------------------------------------- */

typedef struct {
  PyObject_HEAD pith_record *rec;
} record_object;

static void record_dealloc(PyObject *self) {
  pith_record_free(((record_object *)self)->rec);
  PyObject_Free(self);
}

static PyObject *opt_str(const char *s) {
  if (!s)
    Py_RETURN_NONE;
  return utf8_str(s, strlen(s));
}

static const pith_record *rec_of(PyObject *self) {
  return ((record_object *)self)->rec;
}

static PyObject *record_kind(PyObject *self, void *c) {
  (void)c;
  static const char *const kinds[] = {"html", "text", "skipped", "error"};
  int k = (int)rec_of(self)->kind;
  return PyUnicode_FromString(k >= 0 && k < 4 ? kinds[k] : "unknown");
}

/* A string member of pith_record, by its offset. */
#define STRING_MEMBER(name)                                                                        \
  static PyObject *record_##name(PyObject *self, void *c) {                                        \
    (void)c;                                                                                       \
    return opt_str(rec_of(self)->name);                                                            \
  }
STRING_MEMBER(skip_reason)
STRING_MEMBER(error)
STRING_MEMBER(warning)
STRING_MEMBER(url)
STRING_MEMBER(warc_record_id)
STRING_MEMBER(warc_date)
STRING_MEMBER(warc_type)
STRING_MEMBER(warc_filename)
STRING_MEMBER(payload_digest)
STRING_MEMBER(charset)
STRING_MEMBER(content_type)

static PyObject *record_http_status(PyObject *self, void *c) {
  (void)c;
  return PyLong_FromLong(rec_of(self)->http_status);
}
static PyObject *record_warc_offset(PyObject *self, void *c) {
  (void)c;
  return PyLong_FromUnsignedLongLong(rec_of(self)->warc_offset);
}
static PyObject *record_warc_length(PyObject *self, void *c) {
  (void)c;
  return PyLong_FromUnsignedLongLong(rec_of(self)->warc_length);
}
static PyObject *record_truncated(PyObject *self, void *c) {
  (void)c;
  return PyBool_FromLong(rec_of(self)->truncated);
}
static PyObject *record_payload(PyObject *self, void *c) {
  (void)c;
  const pith_record *r = rec_of(self);
  return PyBytes_FromStringAndSize(r->payload ? r->payload : "",
                                   r->payload ? (Py_ssize_t)r->payload_len : 0);
}

PyDoc_STRVAR(record_count_doc, "count(sites)\n\n"
                               "Adds a text record's lines to a Sites counter (other kinds: "
                               "nothing).");

static PyObject *record_count(PyObject *self, PyObject *arg) {
  if (!PyObject_TypeCheck(arg, &sites_type)) {
    PyErr_Format(PyExc_TypeError, "count() takes a Sites, not %.100s", Py_TYPE(arg)->tp_name);
    return NULL;
  }
  const pith_record *rec = rec_of(self);
  if (rec->kind != PITH_RECORD_TEXT)
    Py_RETURN_NONE;
  pith_options o;
  pith_options_init(&o);
  o.url = rec->url;
  o.charset = rec->charset;
  /* With the GIL held: a counter takes one page at a time. */
  pith_status st = pith_sites_add(((sites_object *)arg)->sites, rec->payload, rec->payload_len, &o);
  if (st != PITH_OK)
    return errors_raise(st, NULL);
  Py_RETURN_NONE;
}

PyDoc_STRVAR(record_extract_doc,
             "extract(**options) -> Result\n\n"
             "The record's page (HTML or WET text) extracted, its provenance copied in.\n"
             "Options as for pith.parse, and sites (a Sites counter of the archive's text\n"
             "records: their lines repeated across a site are boilerplate). A record\n"
             "without content gives an empty text.");

static PyObject *record_extract(PyObject *self, PyObject *args, PyObject *kwargs) {
  if (PyTuple_GET_SIZE(args)) {
    PyErr_SetString(PyExc_TypeError, "extract() takes keyword arguments only");
    return NULL;
  }
  /* sites=, then the options of pith.parse, whose page argument the
   * record stands in for. */
  PyObject *sites = kwargs ? PyDict_GetItemString(kwargs, "sites") : NULL;
  if (sites && sites != Py_None && !PyObject_TypeCheck(sites, &sites_type)) {
    PyErr_Format(PyExc_TypeError, "sites must be a Sites, not %.100s", Py_TYPE(sites)->tp_name);
    return NULL;
  }
  PyObject *rest = kwargs ? PyDict_Copy(kwargs) : NULL;
  PyObject *page_args = PyTuple_Pack(1, Py_None), *page = NULL;
  call_options o;
  int bad = !page_args || (kwargs && !rest) || (sites && PyDict_DelItemString(rest, "sites") < 0) ||
            options_parse(page_args, rest, "extract", 0, 0, &o, &page) < 0;
  Py_XDECREF(page_args);
  Py_XDECREF(rest);
  if (bad)
    return NULL;
  if (sites && sites != Py_None)
    o.opts.sites = ((sites_object *)sites)->sites;
  const pith_record *rec = rec_of(self);
  if (rec->kind != PITH_RECORD_HTML && rec->kind != PITH_RECORD_TEXT) {
    PyErr_SetString(PyExc_ValueError, "only html and text records have a page to extract");
    return NULL;
  }
  /* The HTTP header's charset is the page's declaration; charset= only
   * stands in for a missing one (as the CLI). */
  if (rec->charset)
    o.opts.charset = rec->charset;
  pith_result *r = NULL;
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = pith_record_extract(rec, &o.opts, &r);
  PyEval_RestoreThread(ts);
  /* No text is a page without content, as in the CLI: a result, not an error. */
  if (st != PITH_OK && !(st == PITH_ERR_EMPTY && r)) {
    errors_raise(st, r);
    pith_result_free(r);
    return NULL;
  }
  return result_new(r);
}

static PyGetSetDef record_getset[] = {
    {"kind", record_kind, NULL, "'html', 'text' (a WET record), 'skipped' or 'error'.", NULL},
    {"skip_reason", record_skip_reason, NULL, "skipped: why ('not-html', 'status', ...).", NULL},
    {"error", record_error, NULL, "error: what was wrong with the record.", NULL},
    {"warning", record_warning, NULL,
     "html, text: the archive ends inside the record (what was lost), or None.", NULL},
    {"url", record_url, NULL, "WARC-Target-URI.", NULL},
    {"warc_record_id", record_warc_record_id, NULL, "WARC-Record-ID.", NULL},
    {"warc_date", record_warc_date, NULL, "WARC-Date.", NULL},
    {"warc_type", record_warc_type, NULL, "WARC-Type.", NULL},
    {"warc_filename", record_warc_filename, NULL, "The archive's name.", NULL},
    {"payload_digest", record_payload_digest, NULL, "WARC-Payload-Digest.", NULL},
    {"charset", record_charset, NULL, "The HTTP Content-Type's charset.", NULL},
    {"content_type", record_content_type, NULL, "The payload's media type.", NULL},
    {"http_status", record_http_status, NULL, "The HTTP status (0: none).", NULL},
    {"warc_offset", record_warc_offset, NULL, "The record's first byte in the file.", NULL},
    {"warc_length", record_warc_length, NULL, "Its length in the file (0: unknown).", NULL},
    {"truncated", record_truncated, NULL, "WARC-Truncated, or the payload was cut.", NULL},
    {"payload", record_payload, NULL, "html: the HTTP body, decoded; text: the WET text.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef record_methods[] = {
    {"count", record_count, METH_O, record_count_doc},
    {"extract", (PyCFunction)(void (*)(void))record_extract, METH_VARARGS | METH_KEYWORDS,
     record_extract_doc},
    {NULL, NULL, 0, NULL},
};

PyTypeObject record_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pith._pith.Record",
    .tp_basicsize = sizeof(record_object),
    .tp_dealloc = record_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One record of a WARC or WET file.",
    .tp_getset = record_getset,
    .tp_methods = record_methods,
};

/* ---- Archive --------------------------------------------------------------- */

typedef struct {
  PyObject_HEAD pith_archive *a;
  PyObject *file;                    /* read through file_read, or NULL (a path) */
  int readinto;                      /* file has readinto (else read) */
  long long start;                   /* file.tell() at the start, when it is seekable */
  unsigned long long at;             /* where the next read is, past start */
  PyObject *exc_type, *exc, *exc_tb; /* what the file's read raised */
  int busy;                          /* a thread is inside pith_archive_next */
} archive_object;

/* pith's read callback over a Python file object: takes the GIL (pith
 * reads with it released), stashes any exception for next() to raise. */
static long file_read(void *ctx, void *buf, size_t n) {
  archive_object *self = ctx;
  PyGILState_STATE g = PyGILState_Ensure();
  long got = -1;
  PyObject *res = NULL;
  if (self->exc_type) { /* a seek was interrupted (file_seek): reading stops */
    PyGILState_Release(g);
    return -1;
  }
  if (n > (size_t)1 << 30)
    n = (size_t)1 << 30;
  if (self->readinto) {
    PyObject *mv = PyMemoryView_FromMemory(buf, (Py_ssize_t)n, PyBUF_WRITE);
    res = mv ? PyObject_CallMethod(self->file, "readinto", "O", mv) : NULL;
    if (mv) { /* buf is pith's: no view of it may outlive this call */
      PyObject *et, *ev, *etb;
      PyErr_Fetch(&et, &ev, &etb);
      PyObject *r = PyObject_CallMethod(mv, "release", NULL);
      if (!r) /* a view still exported: the file kept it */
        Py_CLEAR(res);
      Py_XDECREF(r);
      Py_DECREF(mv);
      if (et)
        PyErr_Restore(et, ev, etb);
    }
    if (res && res != Py_None)
      got = PyLong_AsLong(res);
    else if (res)
      PyErr_SetString(PyExc_OSError, "the file gave no data (non-blocking?)");
  } else {
    res = PyObject_CallMethod(self->file, "read", "n", (Py_ssize_t)n);
    char *data = NULL;
    Py_ssize_t len = 0;
    if (res && PyBytes_AsStringAndSize(res, &data, &len) == 0 && (size_t)len <= n) {
      memcpy(buf, data, (size_t)len);
      got = (long)len;
    } else if (res && !PyErr_Occurred()) {
      PyErr_SetString(PyExc_OSError, "the file's read gave more bytes than asked");
    }
  }
  Py_XDECREF(res);
  if (got < 0 || got > (long)n) {
    if (!PyErr_Occurred())
      PyErr_SetString(PyExc_OSError, "the file's readinto gave a bad count");
    if (!self->exc_type)
      PyErr_Fetch(&self->exc_type, &self->exc, &self->exc_tb);
    else
      PyErr_Clear();
    got = -1;
  } else {
    self->at += (unsigned long long)got;
  }
  PyGILState_Release(g);
  return got;
}

/* Whether the file is at start + offset, by its tell(). */
static int file_is_at(archive_object *self, unsigned long long offset) {
  PyObject *at = PyObject_CallMethod(self->file, "tell", NULL);
  int yes = at && PyLong_Check(at) && PyLong_AsLongLong(at) == self->start + (long long)offset;
  Py_XDECREF(at);
  return yes;
}

/* pith's seek callback over a seekable Python file object: the next read
 * from `offset` bytes past where the archive started. A file that cannot
 * seek there says so (-1), and the reader goes on as over a pipe: a seek
 * that raises, or that leaves the file elsewhere by its tell() (then it
 * is sent back to where reading was, if it will go). A KeyboardInterrupt
 * (any exception that is no Exception) is raised by next(): reading stops. */
static int file_seek(void *ctx, unsigned long long offset) {
  archive_object *self = ctx;
  if (offset > (unsigned long long)(LLONG_MAX - self->start))
    return -1;
  PyGILState_STATE g = PyGILState_Ensure();
  PyObject *res =
      PyObject_CallMethod(self->file, "seek", "L", (long long)(self->start + (long long)offset));
  int rc = res && file_is_at(self, offset) ? 0 : -1;
  Py_XDECREF(res);
  if (rc == 0) {
    self->at = offset;
  } else if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_Exception)) {
    /* not a failure of the read: the bytes are said lost */
    PyErr_Clear();
    if (res && !file_is_at(self, self->at)) {
      Py_XDECREF(PyObject_CallMethod(self->file, "seek", "L", self->start + (long long)self->at));
      PyErr_Clear();
    }
  } else if (!self->exc_type) {
    PyErr_Fetch(&self->exc_type, &self->exc, &self->exc_tb);
  } else {
    PyErr_Clear();
  }
  PyGILState_Release(g);
  return rc;
}

/* Whether the file object can seek: seekable() true, and where it is now
 * in *start. */
static int file_seekable(PyObject *file, long long *start) {
  PyObject *s = PyObject_CallMethod(file, "seekable", NULL);
  int yes = s && PyObject_IsTrue(s) == 1;
  Py_XDECREF(s);
  PyObject *at = yes ? PyObject_CallMethod(file, "tell", NULL) : NULL;
  *start = at ? PyLong_AsLongLong(at) : -1;
  Py_XDECREF(at);
  PyErr_Clear(); /* no seekable() or tell(): read once */
  return *start >= 0;
}

/* Raises what the file raised, else pith's message. Returns NULL. */
static PyObject *raise_read_error(archive_object *self, pith_status st) {
  if (self->exc_type) {
    PyErr_Restore(self->exc_type, self->exc, self->exc_tb);
    self->exc_type = self->exc = self->exc_tb = NULL;
    return NULL;
  }
  return errors_raise_archive(st, self->a ? pith_archive_error(self->a) : NULL);
}

static void archive_close_now(archive_object *self) {
  pith_archive_close(self->a);
  self->a = NULL;
  Py_CLEAR(self->file);
}

static PyObject *archive_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
  static char *kw[] = {"source", "all_status", "all_types", "max_record_bytes", NULL};
  PyObject *source = NULL, *all_status_arg = NULL, *all_types_arg = NULL, *max_record_arg = NULL;
  int all_status = 0, all_types = 0;
  size_t max_record = 16 << 20;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$OOO:Archive", kw, &source, &all_status_arg,
                                   &all_types_arg, &max_record_arg) ||
      bool_arg(all_status_arg, "all_status", &all_status) ||
      bool_arg(all_types_arg, "all_types", &all_types) ||
      size_arg(max_record_arg, "max_record_bytes", &max_record))
    return NULL;
  pith_archive_options ao;
  pith_archive_options_init(&ao);
  ao.all_status = all_status;
  ao.all_types = all_types;
  /* 0: no limit, as the CLI's --max-page-bytes 0 and max_size=0 (the C
   * API's 0 is its default, 16 MiB). */
  ao.max_record_bytes = max_record ? max_record : SIZE_MAX;
  archive_object *self = (archive_object *)type->tp_alloc(type, 0);
  if (!self)
    return NULL;
  pith_status st;
  if (PyUnicode_Check(source) || PyBytes_Check(source) ||
      PyObject_HasAttrString(source, "__fspath__")) {
    PyObject *path = NULL;
    if (!PyUnicode_FSConverter(source, &path)) {
      Py_DECREF(self);
      return NULL;
    }
    PyThreadState *ts = PyEval_SaveThread();
    st = pith_archive_open(PyBytes_AS_STRING(path), &ao, &self->a);
    PyEval_RestoreThread(ts);
    Py_DECREF(path);
  } else if (PyObject_HasAttrString(source, "readinto") || PyObject_HasAttrString(source, "read")) {
    self->readinto = PyObject_HasAttrString(source, "readinto");
    self->file = Py_NewRef(source);
    PyObject *name = PyObject_GetAttrString(source, "name");
    const char *n = name && PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
    PyErr_Clear();
    /* A seekable file is read again after damage, as a path is. */
    int seek = file_seekable(source, &self->start);
    st = pith_archive_open_read_seek(file_read, seek ? file_seek : NULL, self, n ? n : "<file>",
                                     &ao, &self->a);
    Py_XDECREF(name);
  } else {
    PyErr_Format(PyExc_TypeError, "an archive is a path or a binary file object, not %.100s",
                 Py_TYPE(source)->tp_name);
    Py_DECREF(self);
    return NULL;
  }
  if (st != PITH_OK) {
    raise_read_error(self, st);
    Py_DECREF(self);
    return NULL;
  }
  return (PyObject *)self;
}

static void archive_dealloc(PyObject *self) {
  archive_object *a = (archive_object *)self;
  archive_close_now(a);
  Py_CLEAR(a->exc_type);
  Py_CLEAR(a->exc);
  Py_CLEAR(a->exc_tb);
  Py_TYPE(self)->tp_free(self);
}

static PyObject *archive_next(PyObject *obj) {
  archive_object *self = (archive_object *)obj;
  if (!self->a)
    return NULL; /* closed or at the end: StopIteration */
  if (self->busy) {
    PyErr_SetString(PyExc_RuntimeError, "the archive is being read by another thread");
    return NULL;
  }
  self->busy = 1;
  const pith_record *rec = NULL;
  pith_record *copy = NULL;
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = pith_archive_next(self->a, &rec);
  if (st == PITH_OK)
    copy = pith_record_copy(rec);
  PyEval_RestoreThread(ts);
  self->busy = 0;
  if (st == PITH_DONE) {
    archive_close_now(self);
    return NULL;
  }
  if (st != PITH_OK) {
    raise_read_error(self, st);
    archive_close_now(self);
    return NULL;
  }
  if (!copy)
    return PyErr_NoMemory();
  record_object *r = PyObject_New(record_object, &record_type);
  if (!r) {
    pith_record_free(copy);
    return NULL;
  }
  r->rec = copy;
  return (PyObject *)r;
}

static PyObject *archive_close(PyObject *self, PyObject *unused) {
  (void)unused;
  if (((archive_object *)self)->busy) {
    PyErr_SetString(PyExc_RuntimeError, "the archive is being read by another thread");
    return NULL;
  }
  archive_close_now((archive_object *)self);
  Py_RETURN_NONE;
}

static PyMethodDef archive_methods[] = {
    {"close", archive_close, METH_NOARGS, "Closes the archive (its file object stays open)."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject archive_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pith._pith.Archive",
    .tp_basicsize = sizeof(archive_object),
    .tp_dealloc = archive_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Archive(source, *, all_status=False, all_types=False, max_record_bytes=16777216)\n\n"
              "The records of a WARC or WET file (plain, gzip, zstd), from a path or a binary\n"
              "file object, as Records. max_record_bytes=0: no limit.",
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = archive_next,
    .tp_methods = archive_methods,
    .tp_new = archive_new,
};
