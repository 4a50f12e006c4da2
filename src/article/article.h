/* The article: what the extractor found, in a form every renderer reads.
 * It knows nothing of HTML or of output formats. */
#ifndef PITH_ARTICLE_ARTICLE_H
#define PITH_ARTICLE_ARTICLE_H

#include <stddef.h>

#include "util/arena.h"

typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_HEADING, /* level 1..6 */
  BLOCK_LIST_ITEM,
  BLOCK_TABLE_ROW, /* cells separated by " | " in text */
  BLOCK_QUOTE,
  BLOCK_CODE, /* preformatted: white space kept */
  BLOCK_CAPTION,
} block_kind;

typedef struct article_block {
  block_kind kind;
  int level;        /* heading level; list nesting depth */
  const char *text; /* UTF-8, NUL-terminated, white space collapsed but in code */
  size_t len;
  struct article_block *next;
} article_block;

typedef struct {
  const char *url;   /* the page's address, when known */
  const char *title; /* NULL when the page has none */
  article_block *first, *last;
  size_t blocks;
} article;

/* Appends a block (text copied into mem). Returns NULL on out-of-memory. */
article_block *article_add(article *a, arena *mem, block_kind kind, int level, const char *text,
                           size_t len);

#endif
