/* The body's visible text cut into lines at block boundaries: the dates'
 * last resort judges a date by the line it sits on (a dateline of its own,
 * or a sentence that mentions a day). */
#include "meta/date_lines.h"

#include <string.h>

#include "html/tags.h"
#include "util/buf.h"

typedef struct {
  mctx *x;
  buf text;
  struct {
    size_t at, len;
    unsigned where;
    const dom_node *first;
  } * v;
  size_t n, cap;
  size_t start; /* where the current line began in text */
  const dom_node *first;
  unsigned where;
  int space;
  size_t max;
} walker;

/* Ends the line being read, if it has anything. */
static void end_line(walker *w) {
  if (w->text.len > w->start) {
    if (w->n == w->cap) {
      size_t cap = w->cap ? w->cap * 2 : 64;
      void *v = arena_alloc(w->x->tmp, cap * sizeof *w->v);
      if (!v) {
        w->text.oom = 1;
        return;
      }
      if (w->n)
        memcpy(v, w->v, w->n * sizeof *w->v);
      w->v = v;
      w->cap = cap;
    }
    w->v[w->n].at = w->start;
    w->v[w->n].len = w->text.len - w->start;
    w->v[w->n].where = w->where;
    w->v[w->n].first = w->first;
    w->n++;
    buf_putc(&w->text, '\n');
  }
  w->start = w->text.len;
  w->first = NULL;
  w->where = 0;
  w->space = 0;
}

/* Appends a text node's characters, white space collapsed. */
static void add_text(walker *w, const dom_node *parent, const char *s, size_t len, unsigned where) {
  for (size_t i = 0; i < len && w->text.len < w->max; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c <= ' ') {
      w->space = w->text.len > w->start;
      continue;
    }
    if (!w->first)
      w->first = parent;
    if (w->space)
      buf_putc(&w->text, ' ');
    w->space = 0;
    buf_putc(&w->text, (char)c);
    w->where |= where;
  }
}

static void walk(walker *w, const dom_node *n, unsigned leave_out, unsigned where, unsigned depth) {
  for (const dom_node *c = n->first; c && w->text.len < w->max && !w->text.oom; c = c->next) {
    if (c->tag == TAG_TEXT) {
      if (!(c->kind & DOM_RAWTEXT))
        add_text(w, n, c->text, c->text_len, where);
      continue;
    }
    if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN))
      continue;
    unsigned here = meta_where(w->x, c);
    if (here & leave_out)
      continue;
    int block = tag_flags((tag_id)c->tag) == T_BLOCK || c->tag == TAG_BR;
    if (block)
      end_line(w);
    if (depth < MAX_DEPTH)
      walk(w, c, leave_out, where | here, depth + 1);
    if (block)
      end_line(w);
  }
}

int meta_date_lines(mctx *x, unsigned leave_out, size_t max, date_lines *out) {
  out->v = NULL;
  out->n = 0;
  if (!x->doc->body)
    return 0;
  walker w;
  memset(&w, 0, sizeof w);
  w.x = x;
  w.max = max;
  buf_init(&w.text);
  walk(&w, x->doc->body, leave_out, 0, 0);
  end_line(&w);
  char *text = w.text.oom || !w.text.len ? NULL : arena_strndup(x->tmp, w.text.data, w.text.len);
  date_line *v = text ? arena_alloc(x->tmp, (w.n ? w.n : 1) * sizeof *v) : NULL;
  buf_free(&w.text);
  if (!v)
    return 0;
  for (size_t i = 0; i < w.n; i++) {
    v[i].text = text + w.v[i].at;
    v[i].len = w.v[i].len;
    v[i].where = w.v[i].where;
    v[i].first = w.v[i].first;
  }
  out->v = v;
  out->n = w.n;
  return 1;
}
