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
