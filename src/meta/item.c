/* Items of their own inside a page: a card of another post, a quotation,
 * a testimonial, a reply. A byline or a date there is the item's, not the
 * page's (the authors' and the dates' choices ask alike). */
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
    if (href && *href && !strchr(href, '#') && !mstr_istarts(href, "javascript:"))
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

/* Whether n (a byline, a date) belongs to an item of its own rather than
 * to the page: it sits in an <article>, a quotation, a testimonial or a box under a heading
 * that links to another page (a card), that neither holds the headline
 * nor most of the page's text (a card of another post, a customer's
 * quote, a reply). */
int meta_in_other_item(const mctx *x, const dom_node *n) {
  const dom_node *top = x->title_node ? meta_common_ancestor(n, x->title_node) : NULL;
  size_t budget = 4000;
  for (const dom_node *a = n->parent, *from = n; a && a != x->doc->root && a != top;
       from = a, a = a->parent) {
    if (x->body_chars && a->chars * 2 >= x->body_chars)
      return 0;
    if (a->tag == TAG_ARTICLE || a->tag == TAG_BLOCKQUOTE ||
        ((a->cls || a->id) && (meta_element_bits(x, a) & W_QUOTE)))
      return 1;
    if (top && holds_item_heading(a, from, &budget))
      return 1;
  }
  return 0;
}
