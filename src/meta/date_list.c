/* Lists of dated entries: three elements or more of one shape (the same
 * tag and class names), each showing a date, and not all of one day, are
 * the entries of a list (a blog's index, cards of other posts, a release
 * history, testimonials, a thread's posts), and each dates its entry, not
 * the page. Two may date the page: the entry that is the page itself (its
 * box has a heading saying the page's headline), else the first entry when
 * it opens the text under the headline and either the entries do not run
 * newest first (a thread's posts) or it stands apart from the rest (a post
 * above cards of older posts). The others become items' dates
 * (date_cand.item), never the page's. */
#include "meta/page.h"

#include <stdio.h>
#include <string.h>

#include "meta/date_choice.h"
#include "meta/mstr.h"

/* Class strings are compared in their first CLASS_SPAN bytes: a hostile
 * page's megabyte class on every entry costs what a real one does. */
enum { CLASS_SPAN = 256, LIST_ENTRIES = 3, OPENING = 1000 };

static int same_shape(const dom_node *a, const dom_node *b) {
  return a->tag == b->tag && a->cls && b->cls && !strncmp(a->cls, b->cls, CLASS_SPAN);
}

/* Whether element a holds el (or is el). */
static int holds(const dom_node *a, const dom_node *el) {
  const dom_node *p = el;
  while (p && p->depth > a->depth)
    p = p->parent;
  return p == a;
}

/* Whether the entry el opens the text under the headline, as a thread's
 * first post does: less than OPENING characters of text lie between them,
 * not counting links, navigation and what is never shown (a forum's menus
 * and toolbars, page numbers, a post's header and avatar take many
 * elements and little text of their own; an article's body is text). The
 * elements read are counted against *budget, the page's for all its
 * lists; past it the entry is taken for far. Without a headline there is
 * no telling. */
static int under_headline(const mctx *x, const dom_node *el, uint32_t pos, size_t *budget) {
  if (x->title_pos == UINT32_MAX || !x->title_node)
    return 1;
  if (pos < x->title_pos)
    return 0;
  const dom_node *root = x->doc->root;
  size_t n = 0;
  for (const dom_node *c = dom_next(root, x->title_node, 1); c != el;) {
    if (!c || n >= OPENING || !*budget)
      return c == NULL;
    int skip = 0;
    if (c->tag == TAG_TEXT) {
      for (uint32_t i = 0; !(c->kind & DOM_RAWTEXT) && i < c->text_len && n < OPENING; i++)
        n += (unsigned char)c->text[i] > ' ';
    } else {
      --*budget;
      skip = c->tag == TAG_A || tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN) ||
             (meta_where(x, c) & IN_CHROME);
      if (skip && holds(c, el))
        return 1;
    }
    c = dom_next(root, c, skip);
  }
  return 1;
}

/* What the entries of one shape (those of c's) say. */
typedef struct {
  size_t v[MAX_DATES]; /* the entries' candidates in the page's order */
  size_t count;        /* elements */
  size_t first;        /* the first entry's candidate */
  int days;            /* more than one day: 2 */
  int newest_first;    /* from one entry to the next, the days go back more often than on */
  uint32_t pos[3];     /* the first three entries' places */
} entries;

static void read_entries(const mctx *x, const date_cand *c, entries *e) {
  /* The entries' candidates in the page's order, each element once (a
   * <time> named a dateline is read twice). */
  size_t *v = e->v, n = 0;
  for (size_t j = (size_t)(c - x->dates); j < x->ndates; j++) {
    const date_cand *o = &x->dates[j];
    if (!o->el || !same_shape(o->el, c->el))
      continue;
    size_t k = n;
    while (k && x->dates[v[k - 1]].pos > o->pos)
      k--;
    if (k && x->dates[v[k - 1]].el == o->el)
      continue;
    memmove(v + k + 1, v + k, (n - k) * sizeof *v);
    v[k] = j;
    n++;
  }
  e->count = n;
  e->newest_first = 0;
  e->days = 1;
  if (!n)
    return;
  e->first = v[0];
  int back = 0, on = 0;
  for (size_t k = 0; k < n; k++) {
    const date_cand *o = &x->dates[v[k]];
    if (k < 3)
      e->pos[k] = o->pos;
    if (date_cmp_day(&o->d, &x->dates[v[0]].d))
      e->days = 2;
    if (k) {
      int step = date_cmp_day(&o->d, &x->dates[v[k - 1]].d);
      back += step < 0;
      on += step > 0;
    }
  }
  e->newest_first = back > on;
}

/* Whether the first entry dates the page: it opens the text under the
 * headline, and either the entries run oldest first (a thread's posts) or
 * it stands apart from the rest (a post above cards of older posts); a
 * list whose entries run newest first from the headline on, evenly, is an
 * index of posts. */
static int first_dates_page(const mctx *x, const entries *e, size_t *budget) {
  const date_cand *first = &x->dates[e->first];
  if (!under_headline(x, first->el, first->pos, budget))
    return 0;
  if (!e->newest_first)
    return 1;
  return 2 * (e->pos[1] - e->pos[0]) > 3 * (e->pos[2] - e->pos[1]);
}

/* The entry of the list that is the page itself, if one is (a site's
 * latest posts, the page among them): its box (the largest around it that
 * holds no other entry) has a heading that says the page's headline. The
 * boxes' elements are read up to *budget, the page's for all its lists. */
static const dom_node *own_entry(mctx *x, const entries *e, const char *headline, size_t *budget) {
  if (!headline || !*headline)
    return NULL;
  for (size_t k = 0; k < e->count && *budget; k++) {
    const dom_node *el = x->dates[e->v[k]].el;
    const dom_node *other = x->dates[e->v[k ? k - 1 : 1]].el;
    const dom_node *top = meta_common_ancestor(el, other), *box = el;
    while (box->parent && box->parent != top)
      box = box->parent;
    for (const dom_node *h = box->first ? dom_next(box, box, 0) : NULL; h && *budget;
         h = dom_next(box, h, 0)) {
      --*budget;
      if (h->tag == TAG_TEXT || !tag_is_heading((tag_id)h->tag))
        continue;
      const char *t = meta_node_text(x, h, 300);
      if (h != x->title_node && t && mstr_same_text(t, headline))
        return el;
    }
  }
  return NULL;
}

void meta_list_dates(mctx *x) {
  unsigned char seen[MAX_DATES] = {0};
  const char *headline = NULL;
  size_t budget = 4000, walk = 20000;
  for (size_t i = 0; i < x->ndates; i++) {
    const date_cand *c = &x->dates[i];
    if (seen[i] || !c->el || !c->el->cls)
      continue;
    entries e;
    read_entries(x, c, &e);
    for (size_t j = i; j < x->ndates; j++)
      if (x->dates[j].el && same_shape(x->dates[j].el, c->el))
        seen[j] = 1;
    if (e.count < LIST_ENTRIES || e.days < 2)
      continue;
    if (!headline && x->title_node)
      headline = meta_node_text(x, x->title_node, 300);
    const dom_node *own = own_entry(x, &e, headline, &budget), *head = x->dates[e.first].el;
    int keep_first = !own && first_dates_page(x, &e, &walk);
#ifdef PITH_DEBUG_META
    fprintf(stderr,
            "list <%s class=%.60s> entries %zu newest_first %d at %u %u %u keep %d own %d\n",
            tag_name((tag_id)c->el->tag), c->el->cls, e.count, e.newest_first, e.pos[0], e.pos[1],
            e.pos[2], keep_first, own != NULL);
#endif
    for (size_t j = i; j < x->ndates; j++) {
      date_cand *o = &x->dates[j];
      if (o->el && same_shape(o->el, c->el) && o->el != own && !(keep_first && o->el == head))
        o->item = o->el == head ? ITEM_OWN : ITEM_LATER;
    }
  }
}
