/* Step 5, inline runs and cells: a block's marks (recorded by the walk)
 * become its runs: text with its style (emphasis, code, sub- and
 * superscript), links resolved against the page's address, line breaks and
 * images; a table row's become its cells, a colspan followed by
 * placeholders for the columns it covers. */
#include <string.h>
#include <strings.h>

#include "extract/internal.h"
#include "util/url.h"

/* What relative links resolve against: the page's <base href>, else the
 * address it was given, else the address it gives itself (canonical,
 * og:url). NULL: links stay as written. */
const char *link_base(const dom_doc *doc, const char *url) {
  const char *base = NULL, *canonical = NULL, *og = NULL;
  for (const dom_node *n = doc->head ? doc->head->first : NULL; n; n = n->next) {
    if (n->tag == TAG_BASE && !base)
      base = dom_attr_get(n, "href");
    else if (n->tag == TAG_LINK && !canonical) {
      const char *rel = dom_attr_get(n, "rel");
      if (rel && !strcasecmp(rel, "canonical"))
        canonical = dom_attr_get(n, "href");
    } else if (n->tag == TAG_META && !og) {
      const char *prop = dom_attr_get(n, "property");
      if (prop && !strcmp(prop, "og:url"))
        og = dom_attr_get(n, "content");
    }
  }
  if (url_is_http(base))
    return base;
  if (url_is_http(url))
    return url;
  return url_is_http(canonical) ? canonical : url_is_http(og) ? og : url;
}

static unsigned style_of(tag_id t) {
  switch (t) {
  case TAG_EM:
  case TAG_I:
    return STYLE_EM;
  case TAG_STRONG:
  case TAG_B:
    return STYLE_STRONG;
  case TAG_CODE:
  case TAG_KBD:
  case TAG_SAMP:
  case TAG_TT:
    return STYLE_CODE;
  case TAG_SUB:
    return STYLE_SUB;
  case TAG_SUP:
    return STYLE_SUP;
  default:
    return 0;
  }
}

/* The runs being built: plain while they are one run of unstyled text. */
typedef struct {
  art_run *first, *last;
  int plain;
} runs;

static int push_run(tree *t, runs *r, run_kind kind, unsigned style, const char *text, size_t len,
                    const char *href) {
  if (kind == RUN_TEXT && !len)
    return 0;
  if (kind == RUN_TEXT && r->last && r->last->kind == RUN_TEXT && r->last->style == style &&
      r->last->href == href && r->last->text + r->last->len == text) {
    r->last->len += len;
    return 0;
  }
  art_run *run = arena_calloc(t->mem, sizeof *run);
  if (!run)
    return -1;
  run->kind = kind;
  run->style = style;
  run->text = text;
  run->len = len;
  run->href = href;
  if (kind != RUN_TEXT || style || href)
    r->plain = 0;
  if (r->last)
    r->last->next = run;
  else
    r->first = run;
  r->last = run;
  return 0;
}

/* Text with its line breaks ('\n' outside code) as break runs. */
static int push_text(tree *t, runs *r, unsigned style, const char *s, size_t len,
                     const char *href) {
  while (len) {
    const char *nl = memchr(s, '\n', len);
    size_t n = nl ? (size_t)(nl - s) : len;
    if (push_run(t, r, RUN_TEXT, style, s, n, href))
      return -1;
    if (!nl)
      break;
    if (push_run(t, r, RUN_BREAK, style, NULL, 0, NULL))
      return -1;
    s += n + 1;
    len -= n + 1;
  }
  return 0;
}

/* Builds the runs of the text extraction.text[from, to), which is copied at out;
 * marks [m, mend) fall in it. Returns NULL (and leaves *oom) when the text
 * is one plain run. */
art_run *build_runs(tree *t, uint32_t from, uint32_t to, const char *out, size_t m, size_t mend,
                    int *oom) {
  extraction *x = t->x;
  runs r = {NULL, NULL, 1};
  const dom_node *open[INLINE_STACK_MAX];
  const char *hrefs[INLINE_STACK_MAX];
  int depth = 0;
  unsigned style = 0;
  const char *href = NULL;
  uint32_t pos = from;
  for (size_t i = m; i <= mend; i++) {
    uint32_t at = i < mend ? x->marks[i].off : to;
    if (at < pos)
      at = pos;
    if (at > to)
      at = to;
    /* White space where an element opens belongs before it. */
    if (i < mend && x->marks[i].kind == MARK_OPEN && at < to && x->text.data[at] == ' ')
      at++;
    if (push_text(t, &r, style, out + (pos - from), at - pos, href))
      goto oom;
    pos = at;
    if (i == mend)
      break;
    const inline_mark *k = &x->marks[i];
    if (k->kind == MARK_OPEN && depth < INLINE_STACK_MAX) {
      open[depth] = k->node;
      hrefs[depth] = NULL;
      if (k->node->tag == TAG_A) {
        const char *h = dom_attr_get(k->node, "href");
        hrefs[depth] = h ? url_resolve(t->mem, t->base, h) : NULL;
      }
      depth++;
    } else if (k->kind == MARK_CLOSE) {
      int j = depth - 1;
      while (j >= 0 && open[j] != k->node)
        j--;
      if (j >= 0) {
        memmove(open + j, open + j + 1, (size_t)(depth - j - 1) * sizeof *open);
        memmove(hrefs + j, hrefs + j + 1, (size_t)(depth - j - 1) * sizeof *hrefs);
        depth--;
      }
    } else if (k->kind == MARK_IMAGE) {
      article_image *im = image_of(t, k->node, oom);
      if (*oom)
        return NULL;
      if (im) {
        if (push_run(t, &r, RUN_IMAGE, style, NULL, 0, href))
          goto oom;
        r.last->src = im->src;
        r.last->alt = im->alt;
      }
      continue;
    } else {
      continue;
    }
    style = 0;
    href = NULL;
    for (int j = 0; j < depth; j++) {
      style |= style_of((tag_id)open[j]->tag);
      if (hrefs[j])
        href = hrefs[j];
    }
  }
  return r.plain ? NULL : r.first;
oom:
  *oom = 1;
  return NULL;
}

static int trim_span(const char *s, uint32_t *from, uint32_t *to) {
  while (*from < *to && (s[*from] == ' ' || s[*from] == '\n'))
    (*from)++;
  while (*to > *from && (s[*to - 1] == ' ' || s[*to - 1] == '\n'))
    (*to)--;
  return 0;
}

/* A table row's cells, from its cell marks. */
int build_cells(tree *t, const text_block *b, article_block *row) {
  extraction *x = t->x;
  size_t m = b->mark_first, mend = m + b->mark_count;
  art_cell *last = NULL;
  int all_th = 1, any = 0;
  for (size_t i = m; i < mend; i++) {
    if (x->marks[i].kind != MARK_CELL_START)
      continue;
    const dom_node *td = x->marks[i].node;
    size_t j = i + 1;
    while (j < mend && !(x->marks[j].kind == MARK_CELL_END && x->marks[j].node == td))
      j++;
    uint32_t from = x->marks[i].off, to = j < mend ? x->marks[j].off : b->off + b->len;
    if (from < b->off)
      from = b->off;
    if (to > b->off + b->len)
      to = b->off + b->len;
    if (to < from)
      to = from;
    trim_span(x->text.data, &from, &to);
    art_cell *c = arena_calloc(t->mem, sizeof *c);
    if (!c)
      return -1;
    c->text = row->text + (from - b->off);
    c->len = to - from;
    int oom = 0;
    c->runs = build_runs(t, from, to, c->text, i + 1, j, &oom);
    if (oom)
      return -1;
    c->colspan = attr_int(dom_attr_get(td, "colspan"), 1, 1000, 1);
    c->rowspan = attr_int(dom_attr_get(td, "rowspan"), 0, 65534, 1);
    c->header = td->tag == TAG_TH;
    all_th &= c->header;
    any = 1;
    if (last)
      last->next = c;
    else
      row->cells = c;
    last = c;
    /* The columns a wide cell covers, as placeholders. */
    for (int s = 1; s < c->colspan && s < 64; s++) {
      art_cell *p = arena_calloc(t->mem, sizeof *p);
      if (!p)
        return -1;
      p->text = "";
      p->colspan = p->rowspan = 1;
      p->spanned = 1;
      p->header = c->header;
      last->next = p;
      last = p;
    }
    i = j < mend ? j : i;
  }
  const dom_node *group = b->container->parent;
  row->header = any && (all_th || (group && group->tag == TAG_THEAD));
  return 0;
}
