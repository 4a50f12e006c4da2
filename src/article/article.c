#include "article/article.h"

article_block *article_add(article *a, arena *mem, block_kind kind, int level, const char *text,
                           size_t len) {
  article_block *b = arena_calloc(mem, sizeof *b);
  if (!b || !(b->text = arena_strndup(mem, text, len)))
    return NULL;
  b->kind = kind;
  b->level = level;
  b->len = len;
  if (a->last)
    a->last->next = b;
  else
    a->first = b;
  a->last = b;
  a->blocks++;
  return b;
}
