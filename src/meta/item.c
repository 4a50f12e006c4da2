/* Items of their own inside a page: a card of another post, a quotation,
 * a testimonial, a reply. A byline there is the item's, not the page's
 * (meta_in_other_item); a date in a list's entry dates that entry
 * (meta_in_list_entry: a thread's posts, each an <article> without a
 * heading of its own, still date the thread by the first). */
#include "meta/page.h"

#include <string.h>

#include "meta/mstr.h"

/* The nearest element that holds both a and b (linear in their depth). */
const dom_node *meta_common_ancestor(const dom_node *a, const dom_node *b) {
  size_t da = 0, db = 0;
  for (const dom_node *p = a; p; p = p->parent)
    da++;
  for (const dom_node *p = b; p; p = p->parent)
    db++;
  for (; da > db; da--)
    a = a->parent;
  for (; db > da; db--)
    b = b->parent;
  while (a != b) {
    a = a->parent;
    b = b->parent;
  }
  return a;
}

/* Whether a link goes to a subject's page ("/tag/personal-finance",
 * "/category/wellness"): it names a topic, not a person nor an item. */
int meta_subject_link(const dom_node *a) {
  static const char *const paths[] = {"/tag/",   "/tags/",   "/category/", "/categories/",
                                      "/topic/", "/topics/", "/section/",  "/subject/"};
  const char *href = dom_attr_get(a, "href");
  for (size_t i = 0; href && i < sizeof paths / sizeof *paths; i++)
    if (mstr_istr(href, strlen(href), paths[i]))
      return 1;
  return 0;
}

/* Whether a heading links to another page (a card's title: "<h3><a
 * href=/news/other-story>"), not to a place on this one ("#section");
 * *budget bounds the elements seen. */
int meta_links_elsewhere(const dom_node *h, size_t *budget) {
  for (const dom_node *c = h->first ? dom_next(h, h, 0) : NULL; c && *budget;
       c = dom_next(h, c, 0)) {
    if (c->tag == TAG_TEXT)
      continue;
    --*budget;
    const char *href = c->tag == TAG_A ? dom_attr_get(c, "href") : NULL;
    /* A link home is the site's name (a header's logo), no other page;
     * a link to a subject's page is a kicker's ("<h6><a
     * href=/tag/immunology/>"), no item's title. */
    if (href && *href && !strchr(href, '#') && !mstr_istarts(href, "javascript:") &&
        strcmp(href, "/") && !meta_is_home(href) && !meta_subject_link(c))
      return 1;
  }
  return 0;
}

/* Whether a's subtree, less its child from (already looked at), holds a
 * heading that links to another page; *budget bounds the elements seen. */
static int holds_item_heading(const dom_node *a, const dom_node *from, size_t *budget) {
  for (const dom_node *c = a->first ? dom_next(a, a, 0) : NULL; c && *budget;) {
    int skip = c == from;
    if (!skip && c->tag != TAG_TEXT) {
      --*budget;
      if (tag_is_heading((tag_id)c->tag)) {
        if (meta_links_elsewhere(c, budget))
          return 1;
        skip = 1;
      }
    }
    c = dom_next(a, c, skip);
  }
  return 0;
}

/* Class strings are compared in their first CLASS_SPAN bytes, and each
 * class name looked up costs one of the caller's budget: a hostile page's
 * megabyte class attribute, on every entry, costs what a real one does
 * (whole, it made each comparison quadratic in its length). */
enum { CLASS_SPAN = 512 };

static size_t class_span(const char *s) {
  size_t n = 0;
  while (n < CLASS_SPAN && s[n])
    n++;
  return n;
}

/* Whether class string s[0..len) holds the class name w[0..k). */
static int has_class(const char *s, size_t len, const char *w, size_t k) {
  for (size_t i = 0; i < len;) {
    while (i < len && s[i] == ' ')
      i++;
    size_t n = 0;
    while (i + n < len && s[i + n] != ' ')
      n++;
    if (n && n == k && !memcmp(s + i, w, k))
      return 1;
    i += n;
  }
  return 0;
}

/* How many of the class names of a[0..alen) are also b[0..blen)'s, and
 * how many a has. */
static void shared_classes(const char *a, size_t alen, const char *b, size_t blen, size_t *shared,
                           size_t *count, size_t *budget) {
  *shared = *count = 0;
  for (size_t i = 0; i < alen && *budget;) {
    while (i < alen && a[i] == ' ')
      i++;
    size_t k = 0;
    while (i + k < alen && a[i + k] != ' ')
      k++;
    if (!k)
      break;
    ++*count;
    --*budget;
    *shared += has_class(b, blen, a + i, k);
    i += k;
  }
}

/* Whether two elements are of a kind: the same tag and most of their
 * class names alike ("post-768 post hentry" and "post-762 post hentry":
 * a blog's entries, each with its own id among its classes). */
static int alike(const dom_node *a, const dom_node *b, size_t *budget) {
  if (a->tag != b->tag)
    return 0;
  if (!a->cls || !b->cls)
    return !a->cls && !b->cls;
  size_t la = class_span(a->cls), lb = class_span(b->cls);
  if (la == lb && !memcmp(a->cls, b->cls, la))
    return 1;
  size_t shared, na, nb, unused;
  shared_classes(a->cls, la, b->cls, lb, &shared, &na, budget);
  shared_classes(b->cls, lb, a->cls, la, &unused, &nb, budget);
  return shared * 2 > (na > nb ? na : nb);
}

/* Whether element a has a sibling of its kind that is an entry too: its
 * own heading links to another page (the next card of a list; not a
 * post's box beside its navigation or its comments). */
static int has_like_entry(const dom_node *a, size_t *budget) {
  const dom_node *sides[2] = {a->prev, a->next};
  for (int k = 0; k < 2; k++) {
    const dom_node *s = sides[k];
    for (int hops = 0; s && s->tag == TAG_TEXT && hops < 4; hops++)
      s = k ? s->next : s->prev;
    if (s && alike(s, a, budget) && holds_item_heading(s, NULL, budget))
      return 1;
  }
  return 0;
}

/* The boxes around n below the one it shares with the headline, up to
 * one that holds most of the page's text: whether one is a quotation, or
 * (entries_only) an entry of a list, or else an <article> or a box under
 * a heading that links to another page. */
static int in_item(const mctx *x, const dom_node *n, int entries_only) {
  const dom_node *top = x->title_node ? meta_common_ancestor(n, x->title_node) : NULL;
  size_t budget = 4000;
  for (const dom_node *a = n->parent, *from = n; a && a != x->doc->root && a != top;
       from = a, a = a->parent) {
    if (x->body_chars && a->chars * 2 >= x->body_chars)
      return 0;
    if (a->tag == TAG_BLOCKQUOTE || ((a->cls || a->id) && (meta_element_bits(x, a) & W_QUOTE)))
      return 1;
    if (entries_only) {
      /* An entry: its own heading links to another page, and an entry of
       * its kind stands beside it. */
      if ((tag_is_heading((tag_id)from->tag) ? meta_links_elsewhere(from, &budget)
                                             : holds_item_heading(a, NULL, &budget)) &&
          has_like_entry(a, &budget))
        return 1;
    } else if (a->tag == TAG_ARTICLE || (top && holds_item_heading(a, from, &budget))) {
      return 1;
    }
  }
  return 0;
}

int meta_in_other_item(const mctx *x, const dom_node *n) {
  return in_item(x, n, 0);
}

int meta_in_list_entry(const mctx *x, const dom_node *n) {
  return in_item(x, n, 1);
}
