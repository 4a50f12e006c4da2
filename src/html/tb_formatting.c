/* The list of active formatting elements: pushing with the "Noah's Ark"
 * clause, reconstructing, and the adoption agency algorithm that mends
 * misnested formatting (<b><p></b></p>). Every loop is bounded by the
 * standard's counters or by the list's length, which Noah's Ark and the
 * depth limit keep small. */
#include <string.h>

#include "html/treebuilder.h"

static int grow_afe(tb *b) {
  tb_fmt *a = tb_grow(b, b->afe, &b->afe_cap, b->nafe, sizeof *a);
  if (!a)
    return -1;
  b->afe = a;
  return 0;
}

static int same_attrs(const dom_node *a, const dom_node *b) {
  if (a->attrs == b->attrs)
    return 1;
  size_t na = 0, nb = 0;
  for (const dom_attr *x = a->attrs; x; x = x->next)
    na++;
  for (const dom_attr *x = b->attrs; x; x = x->next)
    nb++;
  if (na != nb)
    return 0;
  for (const dom_attr *x = a->attrs; x; x = x->next) {
    const dom_attr *y = b->attrs;
    while (y && (y->ns != x->ns || strcmp(y->name, x->name) || strcmp(y->value, x->value)))
      y = y->next;
    if (!y)
      return 0;
  }
  return 1;
}

static void afe_remove_at(tb *b, size_t i) {
  memmove(&b->afe[i], &b->afe[i + 1], (b->nafe - i - 1) * sizeof *b->afe);
  b->nafe--;
}

void tb_afe_push(tb *b, dom_node *n) {
  if (!n || grow_afe(b) < 0)
    return;
  /* Noah's Ark: at most three identical elements after the last marker. */
  size_t same = 0, earliest = 0;
  for (size_t i = b->nafe; i-- > 0;) {
    const dom_node *e = b->afe[i].node;
    if (!e)
      break;
    if (e->tag == n->tag && same_attrs(e, n)) {
      same++;
      earliest = i;
    }
  }
  if (same >= 3)
    afe_remove_at(b, earliest);
  b->afe[b->nafe++].node = n;
}

void tb_afe_marker(tb *b) {
  if (grow_afe(b) < 0)
    return;
  b->afe[b->nafe++].node = NULL;
}

void tb_afe_clear_to_marker(tb *b) {
  while (b->nafe) {
    dom_node *n = b->afe[--b->nafe].node;
    if (!n)
      return;
  }
}

static long afe_index(const tb *b, const dom_node *n) {
  for (size_t i = b->nafe; i-- > 0;)
    if (b->afe[i].node == n)
      return (long)i;
  return -1;
}

void tb_afe_remove(tb *b, const dom_node *n) {
  long i = afe_index(b, n);
  if (i >= 0)
    afe_remove_at(b, (size_t)i);
}

long tb_afe_find_after_marker(const tb *b, uint16_t tag) {
  for (size_t i = b->nafe; i-- > 0;) {
    const dom_node *n = b->afe[i].node;
    if (!n)
      return -1;
    if (n->tag == tag)
      return (long)i;
  }
  return -1;
}

/* A new element like n (same tag and attributes), not yet in the tree. */
static dom_node *clone_element(tb *b, const dom_node *n) {
  dom_node *c = tb_new_node(b, n->tag);
  if (!c)
    return NULL;
  c->name = n->name;
  c->attrs = n->attrs; /* shared: nothing changes a formatting element's attributes */
  c->id = n->id;
  c->cls = n->cls;
  c->kind = n->kind & (DOM_HIDDEN | DOM_SVG | DOM_MATHML);
  return c;
}

void tb_reconstruct(tb *b) {
  if (!b->nafe)
    return;
  const dom_node *last = b->afe[b->nafe - 1].node;
  if (!last || (last->kind & DOM_OPEN_))
    return;
  size_t i = b->nafe - 1;
  while (i > 0) {
    const dom_node *e = b->afe[i - 1].node;
    if (!e || (e->kind & DOM_OPEN_))
      break;
    i--;
  }
  size_t w = i;
  for (size_t k = i; k < b->nafe && !b->stop; k++) {
    dom_node *old = b->afe[k].node;
    dom_node *parent, *before;
    tb_appropriate_place(b, &b->stack[b->nstack - 1], &parent, &before);
    tb_flatten(b, &parent, &before);
    dom_node *n = clone_element(b, old);
    if (!n)
      return;
    tb_place(b, n, parent, before);
    tb_push(b, n, DOM_NS_HTML, n->tag, n->name ? n->name : tag_name((tag_id)n->tag), 0);
    b->afe[w++].node = n;
  }
  if (b->stop)
    return;
  b->nafe = w;
}

/* Whether the adoption agency may move the furthest block fb without
 * putting anything past the depth limit: the clones it nests (at most
 * three, and the formatting element's) fit below the limit, and fb lies
 * inside fe in the tree, so that what moves gets no deeper. (Past the
 * limit the stack says nested what the tree keeps side by side.) */
static int moves_within_limit(const tb *b, const dom_node *fe, const dom_node *fb) {
  if (!b->lim.max_depth)
    return 1;
  if (fe->depth + 5 > b->lim.max_depth)
    return 0;
  for (const dom_node *d = fb->parent; d; d = d->parent)
    if (d == fe)
      return 1;
  return 0;
}

int tb_adoption_agency(tb *b, const html_token *t) {
  uint16_t subject = t->tag;
  tb_entry *cur = tb_current(b);
  if (cur && cur->ns == DOM_NS_HTML && cur->tag == subject && !(cur->bits & E_PHANTOM) &&
      afe_index(b, cur->node) < 0) {
    tb_pop(b);
    return 0;
  }
  for (int outer = 0; outer < 8 && !b->stop; outer++) {
    long fi = tb_afe_find_after_marker(b, subject);
    if (fi < 0)
      return 1;
    dom_node *fe = b->afe[fi].node;
    long fe_at = tb_find_entry(b, fe);
    if (fe_at < 0) {
      afe_remove_at(b, (size_t)fi);
      return 0;
    }
    if (!tb_node_in_scope(b, fe, SCOPE_DEFAULT))
      return 0;
    size_t fb_at = 0;
    int phantom = 0;
    for (size_t i = (size_t)fe_at + 1; i < b->nstack; i++) {
      if (b->stack[i].bits & E_PHANTOM)
        phantom = 1;
      else if (!fb_at && tb_is_special(&b->stack[i]))
        fb_at = i;
    }
    if (!fb_at || phantom || !moves_within_limit(b, fe, b->stack[fb_at].node)) {
      /* No furthest block (or one the depth limit keeps from moving):
       * close everything up to the formatting element. */
      while (b->nstack > (size_t)fe_at)
        tb_pop(b);
      tb_afe_remove(b, fe);
      return 0;
    }
    dom_node *fb = b->stack[fb_at].node;
    size_t common_at = (size_t)fe_at - 1;
    size_t bookmark = (size_t)fi;
    dom_node *last = fb;
    size_t node_at = fb_at;
    for (int inner = 1;; inner++) {
      node_at--;
      dom_node *node = b->stack[node_at].node;
      if (node == fe)
        break;
      long ai = afe_index(b, node);
      if (inner > 3 && ai >= 0) {
        afe_remove_at(b, (size_t)ai);
        if ((size_t)ai < bookmark)
          bookmark--;
        ai = -1;
      }
      if (ai < 0) {
        tb_remove_entry(b, node_at);
        fb_at--;
        continue;
      }
      dom_node *clone = clone_element(b, node);
      if (!clone)
        break; /* out of nodes: put what was moved back into the tree, then stop */
      b->afe[ai].node = clone;
      node->kind &= (uint16_t)~DOM_OPEN_;
      b->stack[node_at].node = clone;
      clone->kind |= DOM_OPEN_;
      if (last == fb)
        bookmark = (size_t)ai + 1;
      tb_place(b, last, clone, NULL);
      last = clone;
    }
    dom_node *parent, *before;
    tb_appropriate_place(b, &b->stack[common_at], &parent, &before);
    tb_place(b, last, parent, before);
    /* The chain from last down to the furthest block was linked while
     * detached: its depths are set now (the depth limit reads them). The
     * furthest block's old children only get shallower; their depths are
     * mended after the parse. */
    unsigned dist = 0;
    for (const dom_node *d = fb; d != last; d = d->parent)
      dist++;
    for (dom_node *d = fb; d != last; d = d->parent)
      d->depth = last->depth + dist--;
    if (b->stop)
      return 0;
    dom_node *clone = clone_element(b, fe);
    if (!clone)
      return 0;
    tb_flush_text(b);
    while (fb->first)
      tb_place(b, fb->first, clone, NULL);
    tb_place(b, clone, fb, NULL);
    b->moved = 1;
    /* The clone takes the formatting element's place in the list, at the
     * bookmark, and on the stack, just above the furthest block. */
    long at = afe_index(b, fe);
    if (at >= 0) {
      afe_remove_at(b, (size_t)at);
      if ((size_t)at < bookmark)
        bookmark--;
    }
    if (grow_afe(b) < 0)
      return 0;
    if (bookmark > b->nafe)
      bookmark = b->nafe;
    memmove(&b->afe[bookmark + 1], &b->afe[bookmark], (b->nafe - bookmark) * sizeof *b->afe);
    b->afe[bookmark].node = clone;
    b->nafe++;
    fe_at = tb_find_entry(b, fe);
    if (fe_at >= 0) {
      tb_remove_entry(b, (size_t)fe_at);
      if ((size_t)fe_at < fb_at)
        fb_at--;
    }
    tb_insert_entry(b, fb_at + 1, clone);
  }
  return 0;
}
