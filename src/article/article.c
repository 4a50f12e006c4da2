#include "article/article.h"

#include <string.h>

art_node *article_open(article *a, arena *mem, art_node *parent, node_kind kind) {
  art_node *n = arena_calloc(mem, sizeof *n);
  if (!n)
    return NULL;
  if (!parent) {
    parent = &a->body;
    parent->kind = NODE_ROOT;
  }
  n->kind = kind;
  n->parent = parent;
  if (parent->last)
    parent->last->next = n;
  else
    parent->first = n;
  parent->last = n;
  return n;
}

article_block *article_add_in(article *a, arena *mem, art_node *parent, block_kind kind, int level,
                              const char *text, size_t len) {
  article_block *b = arena_calloc(mem, sizeof *b);
  if (!b || !(b->text = arena_strndup(mem, text, len)))
    return NULL;
  b->kind = kind;
  b->level = level;
  b->len = len;
  if (!parent && kind == BLOCK_LIST_ITEM) {
    /* Text mode's bullets: consecutive items make one list. */
    art_node *list = a->body.last;
    if (!list || list->kind != NODE_LIST)
      list = article_open(a, mem, NULL, NODE_LIST);
    if (!list || !(parent = article_open(a, mem, list, NODE_ITEM)))
      return NULL;
  }
  art_node *n = article_open(a, mem, parent, NODE_BLOCK);
  if (!n)
    return NULL;
  n->block = b;
  if (a->last)
    a->last->next = b;
  else
    a->first = b;
  a->last = b;
  a->blocks++;
  return b;
}

article_block *article_add(article *a, arena *mem, block_kind kind, int level, const char *text,
                           size_t len) {
  return article_add_in(a, mem, NULL, kind, level, text, len);
}

void article_add_image(article *a, article_image *im) {
  article_meta *m = &a->meta;
  if (m->last_image)
    m->last_image->next = im;
  else
    m->images = im;
  m->last_image = im;
  m->nimages++;
}

/* Unlinks n from its parent's children; a parent left empty (a list item
 * that held only n) goes too. */
static void unlink_node(article *a, art_node *n) {
  art_node *parent = n->parent, *prev = NULL;
  for (art_node *c = parent->first; c && c != n; c = c->next)
    prev = c;
  if (prev)
    prev->next = n->next;
  else
    parent->first = n->next;
  if (parent->last == n)
    parent->last = prev;
  if (!parent->first && parent != &a->body && parent->parent)
    unlink_node(a, parent);
}

static art_node *node_of(art_node *n, const article_block *b) {
  for (art_node *c = n->first; c; c = c->next) {
    if (c->kind == NODE_BLOCK && c->block == b)
      return c;
    art_node *in = c->first ? node_of(c, b) : NULL;
    if (in)
      return in;
  }
  return NULL;
}

void article_remove_block(article *a, article_block *b) {
  article_block *prev = NULL;
  for (article_block *c = a->first; c && c != b; c = c->next)
    prev = c;
  if (prev)
    prev->next = b->next;
  else if (a->first == b)
    a->first = b->next;
  else
    return; /* not in the article */
  if (a->last == b)
    a->last = prev;
  a->blocks--;
  art_node *n = node_of(&a->body, b);
  if (n)
    unlink_node(a, n);
}
