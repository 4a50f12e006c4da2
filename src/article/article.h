/* The article: what the extractor found, in a form every renderer reads.
 * It knows nothing of HTML or of output formats.
 *
 * Two views of one thing:
 * - the tree (article.body): lists, items, tables, quotes and figures, with
 *   the text blocks as leaves; the structured formats (markdown, html, xml,
 *   the json block tree) walk it;
 * - the text blocks in document order (article.first, block.next): the same
 *   leaves, for the text format and for whatever only needs the words
 *   (metadata, language detection). */
#ifndef PITH_ARTICLE_ARTICLE_H
#define PITH_ARTICLE_ARTICLE_H

#include <stddef.h>

#include "util/arena.h"

/* ---- inline runs ---------------------------------------------------------- */

enum {
  STYLE_EM = 1 << 0,
  STYLE_STRONG = 1 << 1,
  STYLE_CODE = 1 << 2,
  STYLE_SUB = 1 << 3,
  STYLE_SUP = 1 << 4,
};

typedef enum {
  RUN_TEXT,  /* text with a style and maybe a link */
  RUN_BREAK, /* a line break inside the block */
  RUN_IMAGE, /* an image inside the text */
} run_kind;

/* A piece of a block's text that looks the same throughout. Consecutive
 * runs with the same href (the same pointer) are one link. */
typedef struct art_run {
  run_kind kind;
  unsigned style;   /* STYLE_* bits */
  const char *text; /* RUN_TEXT: UTF-8, not NUL-terminated */
  size_t len;
  const char *href; /* resolved link target, or NULL */
  const char *src;  /* RUN_IMAGE: resolved URL */
  const char *alt;  /* RUN_IMAGE: alternative text, or NULL */
  struct art_run *next;
} art_run;

/* ---- text blocks (the tree's leaves) ----------------------------------- */

typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_HEADING, /* level 1..6 */
  BLOCK_LIST_ITEM,
  BLOCK_TABLE_ROW, /* cells separated by " | " in text */
  BLOCK_QUOTE,
  BLOCK_CODE, /* preformatted: white space kept */
  BLOCK_CAPTION,
} block_kind;

/* A table cell. A cell spanning n columns is followed by n - 1 empty cells
 * with spanned set, so every row has one entry per column. */
typedef struct art_cell {
  const char *text; /* NUL-terminated; "" for an empty cell */
  size_t len;
  art_run *runs; /* NULL: the text is one plain run */
  int colspan, rowspan;
  int header;  /* a <th> */
  int spanned; /* a placeholder for the column a colspan covers */
  struct art_cell *next;
} art_cell;

typedef struct article_block {
  block_kind kind;
  int level;        /* heading level; list nesting depth */
  const char *text; /* UTF-8, NUL-terminated, white space collapsed but in code */
  size_t len;
  art_run *runs;        /* the text with links and styles; NULL: one plain run */
  art_cell *cells;      /* BLOCK_TABLE_ROW: the cells, when known */
  int header;           /* BLOCK_TABLE_ROW: a header row */
  const char *language; /* BLOCK_CODE: "python", when the page says */
  struct article_block *next;
} article_block;

/* ---- the tree -------------------------------------------------------------- */

/* A figure: image and the words that go with it. */
typedef struct article_image {
  const char *src; /* resolved URL, or NULL (text input has none) */
  const char *alt;
  const char *caption;
  const char *credit; /* "Xinhua/Lan Hongguang" */
  struct article_image *next;
} article_image;

typedef enum {
  NODE_ROOT,      /* article.body */
  NODE_BLOCK,     /* a text block: node.block */
  NODE_LIST,      /* children are NODE_ITEMs; node.ordered, node.start */
  NODE_ITEM,      /* children are blocks, lists, ... */
  NODE_TABLE,     /* children are NODE_BLOCKs of BLOCK_TABLE_ROW; node.caption */
  NODE_QUOTE,     /* children are blocks */
  NODE_FIGURE,    /* node.image */
  NODE_SEPARATOR, /* a thematic break (<hr>) */
} node_kind;

typedef struct art_node {
  node_kind kind;
  int ordered, start;   /* NODE_LIST: numbered, and from which number */
  const char *caption;  /* NODE_TABLE: its caption, or NULL */
  article_block *block; /* NODE_BLOCK */
  article_image *image; /* NODE_FIGURE */
  struct art_node *parent, *first, *last, *next;
} art_node;

/* ---- the article ----------------------------------------------------------- */

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
  article_image *images, *last_image; /* figures with a caption, in order */
  size_t nimages;
  /* How sure the language detector is that the text is in `language`
   * (0..1); negative when it had no text to judge. */
  float language_confidence;
  /* Provenance: the file a plain page came from; for pages read from
   * crawl archives, the record's (docs/warc.md). */
  const char *source_file;
  const char *warc_record_id;
  const char *warc_date;
  const char *warc_filename;
  const char *payload_digest;
  int http_status; /* 0: none */
  int has_warc_offset;
  unsigned long long warc_offset, warc_length;
  int truncated;
} article_meta;

typedef struct article {
  const char *url;   /* the page's address, when known */
  const char *title; /* NULL when the page has none */
  art_node body;     /* the tree; kind NODE_ROOT */
  article_block *first, *last;
  size_t blocks;
  article_meta meta;
  /* The comment section (readers' comments, forum replies below an
   * article), never part of the text above; NULL when none was found. */
  struct article *comments;
} article;

/* Appends a node of the given kind as the last child of parent (NULL: the
 * body). Returns NULL on out-of-memory. */
art_node *article_open(article *a, arena *mem, art_node *parent, node_kind kind);

/* Appends a text block (text copied into mem) as the last child of parent
 * (NULL: the body) and to the blocks in document order. At the top level a
 * list item goes into a list, the one just before it or a new one. Returns
 * NULL on out-of-memory. */
article_block *article_add_in(article *a, arena *mem, art_node *parent, block_kind kind, int level,
                              const char *text, size_t len);

/* Takes block b out of the article (the tree and the blocks in order); a
 * list item or other container left empty goes with it. */
void article_remove_block(article *a, article_block *b);

/* Appends figure im to the figures with a caption (a->meta.images). */
void article_add_image(article *a, article_image *im);

/* article_add_in at the top level. */
article_block *article_add(article *a, arena *mem, block_kind kind, int level, const char *text,
                           size_t len);

#endif
