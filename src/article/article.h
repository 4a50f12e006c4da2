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

/* A figure: image and the words that go with it. */
typedef struct article_image {
  const char *src; /* resolved URL, or NULL (text input has none) */
  const char *alt;
  const char *caption;
  const char *credit; /* "Xinhua/Lan Hongguang" */
  struct article_image *next;
} article_image;

/* What is known about the page beyond its text. Every field is NULL (or
 * empty) when unknown: a wrong value is worse than none. Strings are UTF-8. */
typedef struct {
  const char *canonical_url;
  const char **authors; /* names only: no "By", roles or dates */
  size_t nauthors;
  const char *date_published; /* ISO 8601: "2017-06-09" or "2017-06-09T08:36:00+08:00" */
  const char *date_modified;
  const char *site_name;
  const char *section;
  const char **tags;
  size_t ntags;
  const char *description;
  const char *image;    /* lead image URL, resolved */
  const char *language; /* BCP 47 */
  const char *license;
  const char
      *page_type; /* article, forum, product, listing, collection, documentation, service, other */
  const char *source; /* agency credit ("Xinhua") */
  const char *editor;
  article_image *images, *last_image;
  size_t nimages;
  /* Provenance, for pages read from crawl archives. */
  const char *warc_record_id;
  const char *warc_date;
} article_meta;

typedef struct {
  const char *url;   /* the page's address, when known */
  const char *title; /* NULL when the page has none */
  article_block *first, *last;
  size_t blocks;
  article_meta meta;
} article;

/* Appends a block (text copied into mem). Returns NULL on out-of-memory. */
article_block *article_add(article *a, arena *mem, block_kind kind, int level, const char *text,
                           size_t len);

#endif
