/* The Many type: pith.extract_many's engine, over the library's batch
 * (pith_batch: worker threads of its own, results in submission order).
 * The workers are C threads that never take the GIL: they extract,
 * render and make each output ready to become a str (utf8_prepare); the
 * one Python thread that iterates extract_many submits pages and turns
 * the outputs into str. With Python threads instead (a pool, a future a
 * page) every page's return to Python takes the GIL and wakes the thread
 * collecting the results; here no worker ever waits for the GIL. */
#include "module.h" /* Python.h first: it sets the feature macros */

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One submitted page and what came of it, in submission order. The node
 * is allocated before the page is submitted and travels as the batch's
 * user pointer, so delivery (on a worker) never allocates one. */
typedef struct done_node {
  struct done_node *next;
  PyObject *failure; /* the page could not even be submitted: its exception */
  pith_status status;
  char *message; /* failed: the library's message; else a warning or NULL */
  char *bytes;   /* the output's bytes when text.wide does not replace them */
  utf8_text text;
} done_node;

typedef struct {
  PyObject_HEAD pith_batch *batch;
  call_options o;
  PyObject *kwargs; /* holds the strings o points into */
  int synced;       /* mu and ready are set up */
  pthread_mutex_t mu;
  pthread_cond_t ready;   /* a node was delivered */
  done_node *head, *tail; /* delivered, not yet taken (under mu) */
  size_t in_flight;       /* submitted, not yet taken */
} many_object;

static char *copy_string(const char *s) {
  char *c = s ? malloc(strlen(s) + 1) : NULL;
  return c ? strcpy(c, s) : NULL;
}

/* The batch's callback, on a worker thread: keeps what the item gave (its
 * fields die when this returns) in its node and queues the node. */
static void on_item(void *ctx, pith_batch_item *it) {
  many_object *m = ctx;
  done_node *d = it->user;
  d->status = it->marker ? PITH_OK : it->status;
  if (it->marker) {
    /* a failure queued in its place: nothing to keep */
  } else if (it->status != PITH_OK) {
    /* A skip (not a page) says why in its result. */
    const char *why = it->result ? pith_result_error(it->result) : NULL;
    d->message = copy_string(it->error ? it->error : why ? why : pith_status_string(it->status));
  } else if (it->skipped && !strcmp(it->skipped, "language")) {
    /* Left out by the language option: no output, as extract() gives. */
    utf8_prepare(&d->text, "", 0);
  } else {
    d->message = copy_string(it->warning);
    utf8_prepare(&d->text, it->output, it->output_len);
    if (!d->text.wide && d->text.size) { /* the str is made from the bytes: keep them */
      d->bytes = malloc(d->text.size);
      if (d->bytes)
        memcpy(d->bytes, d->text.utf8, d->text.size);
      else
        d->status = PITH_ERR_NOMEM;
      d->text.utf8 = d->bytes;
    }
  }
  pthread_mutex_lock(&m->mu);
  if (m->tail)
    m->tail->next = d;
  else
    m->head = d;
  m->tail = d;
  pthread_cond_signal(&m->ready);
  pthread_mutex_unlock(&m->mu);
}

static void node_free(done_node *d) {
  Py_XDECREF(d->failure);
  free(d->message);
  free(d->bytes);
  utf8_text_release(&d->text);
  free(d);
}

static PyObject *many_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
  int jobs = 0;
  if (!PyArg_ParseTuple(args, "i:Many", &jobs))
    return NULL;
  if (jobs < 1)
    return PyErr_Format(PyExc_ValueError, "jobs must be a positive int, not %d", jobs);
  many_object *m = (many_object *)type->tp_alloc(type, 0);
  if (!m)
    return NULL;
  if (pthread_mutex_init(&m->mu, NULL)) {
    Py_DECREF(m);
    return PyErr_NoMemory();
  }
  if (pthread_cond_init(&m->ready, NULL)) {
    pthread_mutex_destroy(&m->mu);
    Py_DECREF(m);
    return PyErr_NoMemory();
  }
  m->synced = 1;
  /* The options as extract() reads them, with no page (None stands for it). */
  PyObject *page = NULL, *none = PyTuple_Pack(1, Py_None);
  int ok = none && options_parse(none, kwargs, "extract_many", 1, 0, &m->o, &page) == 0;
  Py_XDECREF(none);
  if (!ok) {
    Py_DECREF(m);
    return NULL;
  }
  m->kwargs = kwargs;
  Py_XINCREF(kwargs);
  pith_batch_options bo;
  pith_batch_options_init(&bo);
  bo.jobs = jobs > 1024 ? 1024 : (unsigned)jobs; /* as the batch's own cap for "all cores" */
  /* A few pages a thread read ahead of the output, as documented: the
   * batch's default ring (16 a worker) suits the CLI's files and records,
   * but here every page in flight is a Python object the caller made. */
  bo.max_pending = 4 * (size_t)bo.jobs;
  bo.render = 1;
  bo.format = (pith_format)m->o.format;
  bo.render_flags = m->o.flags;
  pith_status st = pith_batch_new(&bo, on_item, m, &m->batch);
  if (st != PITH_OK) {
    Py_DECREF(m);
    return errors_raise(st, NULL);
  }
  return (PyObject *)m;
}

/* Stops the batch: waits for the pages in flight (at most a few a
 * thread), then drops what was not taken. */
static void many_stop(many_object *m) {
  if (m->batch) {
    PyThreadState *ts = PyEval_SaveThread();
    pith_batch_free(m->batch);
    PyEval_RestoreThread(ts);
    m->batch = NULL;
  }
  while (m->head) {
    done_node *d = m->head;
    m->head = d->next;
    node_free(d);
  }
  m->tail = NULL;
  m->in_flight = 0;
}

static void many_dealloc(PyObject *self) {
  many_object *m = (many_object *)self;
  many_stop(m);
  if (m->synced) {
    pthread_cond_destroy(&m->ready);
    pthread_mutex_destroy(&m->mu);
  }
  Py_XDECREF(m->kwargs);
  Py_TYPE(self)->tp_free(self);
}

/* Queues exc (a reference given) in the order, in the place of a page that
 * could not be submitted. */
static PyObject *submit_failure(many_object *m, PyObject *exc) {
  done_node *d = calloc(1, sizeof *d);
  if (!d) {
    Py_DECREF(exc);
    return PyErr_NoMemory();
  }
  d->failure = exc;
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = pith_batch_add_marker(m->batch, d);
  PyEval_RestoreThread(ts);
  if (st != PITH_OK) {
    node_free(d);
    return errors_raise(st, NULL);
  }
  m->in_flight++;
  Py_RETURN_NONE;
}

/* The exception being raised, as a value (cleared). */
static PyObject *fetch_exception(void) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  if (tb && value)
    PyException_SetTraceback(value, tb);
  Py_XDECREF(type);
  Py_XDECREF(tb);
  return value;
}

PyDoc_STRVAR(add_doc, "add(page, url=None)\n\n"
                      "Submits a page (waits, without the GIL, while a few pages a thread are in\n"
                      "flight). A page or url of the wrong type gives its exception in the\n"
                      "page's place in the order, not here.");

static PyObject *many_add(PyObject *self, PyObject *args) {
  many_object *m = (many_object *)self;
  PyObject *page = NULL, *url_obj = Py_None;
  if (!PyArg_ParseTuple(args, "O|O:add", &page, &url_obj))
    return NULL;
  if (!m->batch)
    return PyErr_Format(PyExc_ValueError, "extract_many: the batch is closed");
  const char *url = NULL;
  if (url_obj != Py_None && !PyUnicode_Check(url_obj))
    PyErr_Format(PyExc_TypeError, "extract() argument 2 must be str or None, not %.100s",
                 Py_TYPE(url_obj)->tp_name);
  else if (url_obj != Py_None)
    url = PyUnicode_AsUTF8(url_obj);
  page_input in;
  if ((url_obj != Py_None && !url) || page_input_get(page, &in) < 0)
    return submit_failure(m, fetch_exception());
  done_node *d = calloc(1, sizeof *d);
  if (!d) {
    page_input_release(&in);
    return PyErr_NoMemory();
  }
  pith_options opts = m->o.opts;
  opts.url = url;
  PyThreadState *ts = PyEval_SaveThread();
  pith_status st = pith_batch_add(m->batch, in.data, in.len, PITH_BATCH_HTML, &opts, d);
  PyEval_RestoreThread(ts);
  page_input_release(&in);
  if (st != PITH_OK) { /* not submitted: the node is still ours */
    node_free(d);
    return errors_raise(st, NULL);
  }
  m->in_flight++;
  Py_RETURN_NONE;
}

PyDoc_STRVAR(add_failure_doc,
             "add_failure(exception)\n\n"
             "Queues an exception in the order, in the place of an item that is no\n"
             "page (a tuple of the wrong shape).");

static PyObject *many_add_failure(PyObject *self, PyObject *exc) {
  many_object *m = (many_object *)self;
  if (!m->batch)
    return PyErr_Format(PyExc_ValueError, "extract_many: the batch is closed");
  Py_INCREF(exc);
  return submit_failure(m, exc);
}

/* The Python value of a delivered node: the output, or the exception in
 * its place. */
static PyObject *node_value(done_node *d) {
  if (d->failure) {
    PyObject *e = d->failure;
    d->failure = NULL;
    return e;
  }
  if (d->status != PITH_OK)
    return errors_new(d->status, d->message);
  if (d->message && errors_warn_message(d->message, 3) < 0)
    return fetch_exception(); /* the warnings filter made it an error: in the page's place */
  return utf8_finish(&d->text);
}

PyDoc_STRVAR(take_doc, "take(wait) -> str | Exception | None\n\n"
                       "The next page's output in submission order (or the exception in its\n"
                       "place); None when none is ready (wait=False) or none is left in flight.\n"
                       "wait=True waits for it without the GIL.");

/* The first delivered node, waiting up to 100 ms for one when wait (mu
 * not held, GIL released). */
static done_node *pop(many_object *m, int wait) {
  pthread_mutex_lock(&m->mu);
  if (!m->head && wait) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 100 * 1000000L;
    until.tv_sec += until.tv_nsec / 1000000000L;
    until.tv_nsec %= 1000000000L;
    while (!m->head && pthread_cond_timedwait(&m->ready, &m->mu, &until) == 0)
      ;
  }
  done_node *d = m->head;
  if (d && !(m->head = d->next))
    m->tail = NULL;
  pthread_mutex_unlock(&m->mu);
  return d;
}

static PyObject *many_take(PyObject *self, PyObject *arg) {
  many_object *m = (many_object *)self;
  int wait = PyObject_IsTrue(arg);
  if (wait < 0)
    return NULL;
  done_node *d = NULL;
  while (m->batch && m->in_flight && !d) {
    PyThreadState *ts = PyEval_SaveThread();
    d = pop(m, wait);
    PyEval_RestoreThread(ts);
    if (!wait)
      break;
    if (!d && PyErr_CheckSignals() < 0) /* Ctrl-C while a long page is extracted */
      return NULL;
  }
  if (!d)
    Py_RETURN_NONE;
  m->in_flight--;
  PyObject *v = node_value(d);
  node_free(d);
  return v;
}

PyDoc_STRVAR(close_doc,
             "close()\n\n"
             "Waits for the pages in flight, drops their outputs and stops the threads.");

static PyObject *many_close(PyObject *self, PyObject *unused) {
  (void)unused;
  many_stop((many_object *)self);
  Py_RETURN_NONE;
}

static PyMethodDef many_methods[] = {
    {"add", many_add, METH_VARARGS, add_doc},
    {"add_failure", many_add_failure, METH_O, add_failure_doc},
    {"take", many_take, METH_O, take_doc},
    {"close", many_close, METH_NOARGS, close_doc},
    {NULL, NULL, 0, NULL},
};

PyTypeObject many_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pith._pith.Many",
    .tp_basicsize = sizeof(many_object),
    .tp_dealloc = many_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Many(jobs, **options)\n\n"
              "extract() over many pages on `jobs` threads of the library's own, outputs in\n"
              "submission order (pith.extract_many's engine).",
    .tp_methods = many_methods,
    .tp_new = many_new,
};
