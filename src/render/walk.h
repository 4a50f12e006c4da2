/* The walk over the article tree that the structured renderers (markdown,
 * html, xml, the json tree) share: which node is a list, an item, a table
 * row or a paragraph where it stands, what options leave out, and how deep
 * trees are flattened. A renderer supplies what to write for each. */
#ifndef PITH_RENDER_WALK_H
#define PITH_RENDER_WALK_H

#include "render/render.h"

/* Containers nest at most this deep in the output; deeper ones are
 * flattened into their text blocks (node_next_leaf), so that no input can
 * exhaust the stack or blow the output up quadratically. */
#define RENDER_MAX_DEPTH 32

/* ---- reading the tree ------------------------------------------------------ */

/* What a text block is where it stands. A list item's text inside its item
 * is a paragraph; a list item, table row or quote outside its container
 * still renders as one (ROLE_ITEM and ROLE_ROW: consecutive ones together,
 * see node_group_end). */
typedef enum {
  ROLE_PARAGRAPH,
  ROLE_HEADING,
  ROLE_ITEM,  /* a list item outside any list */
  ROLE_ROW,   /* a table row outside any table */
  ROLE_QUOTE, /* a quoted block outside any quote */
  ROLE_CODE,
} block_role;

/* The role of a NODE_BLOCK node, from its kind and its parent. */
block_role node_role(const art_node *n);
/* A list item with no list around it: a NODE_ITEM outside a NODE_LIST, or a
 * list item block outside both. */
int node_loose_item(const art_node *n);
/* A table row outside a table. */
int node_loose_row(const art_node *n);
/* The first sibling after n that is not like n (by pred): the end of the
 * run of loose items or rows that n starts. */
const art_node *node_group_end(const art_node *n, int (*pred)(const art_node *));
/* The NODE_BLOCKs under root (root itself when it is one) in document order:
 * the first with prev NULL, then the one after prev. Iterative, for trees of
 * any depth. */
const art_node *node_next_leaf(const art_node *prev, const art_node *root);
/* A heading level clamped to 1..6. */
int heading_level(int level);
/* An ordered list's first number, clamped to what CommonMark accepts. */
int list_start(const art_node *list);

/* ---- the walk ---------------------------------------------------------------- */

/* What a renderer writes; it embeds a walker as its first member. Blank
 * blocks, tables without o->tables, figures without o->images never reach
 * it. */
typedef struct walker {
  const render_opts *o;
  /* html: an item holding at most one paragraph has it without <p> (bare). */
  int tight_items;
  /* A text block; role is ROLE_PARAGRAPH, ROLE_HEADING, ROLE_QUOTE or
   * ROLE_CODE. */
  void (*leaf)(struct walker *w, const article_block *b, block_role role, int bare);
  /* A list whose first item is first (a NODE_ITEM or a node standing for
   * one); start only matters when ordered. */
  void (*list_begin)(struct walker *w, const art_node *first, int ordered, int start);
  void (*item_begin)(struct walker *w);
  void (*item_end)(struct walker *w);
  void (*list_end)(struct walker *w, int ordered);
  /* The rows are the NODE_BLOCKs among first up to stop (NULL: the end);
   * caption may be NULL. */
  void (*table)(struct walker *w, const art_node *first, const art_node *stop, const char *caption);
  void (*quote_begin)(struct walker *w);
  void (*quote_end)(struct walker *w);
  void (*figure)(struct walker *w, const article_image *img);
  void (*separator)(struct walker *w);
} walker;

/* The headings of a document met so far (markdown, html), for an outline
 * without gaps, as a reader expects: its top headings at level base
 * (walk_top_level; 0 is 1), and each heading one level under the nearest
 * heading before it that is higher on the page. The page's h1 then h4 (its
 * h2 and h3 were in the boilerplate) become 2 then 3 under a title. */
typedef struct {
  int base;
  struct {
    signed char page, given;
  } open[6]; /* the headings later ones may nest under, outermost first */
  int depth;
} heading_outline;

/* The level to give the next heading, whose level on the page is level.
 * Call once per heading, in document order. */
int outline_level(heading_outline *ol, int level);
/* Starts the outline again, its top headings at level base (the comments'
 * headings, under their own). */
void outline_restart(heading_outline *ol, int base);
/* The level of a's top headings: 2 when it has a title, the document's
 * level-1 heading whether shown or not (the JSON's "title" beside its
 * "markdown"; a headline worded otherwise than the title goes under it),
 * else 1. */
int walk_top_level(const article *a);

/* The comment section to render: with o->comments, when the page has one
 * with something in it; else NULL. */
const article *walk_comments(const article *a, const render_opts *o);

/* Walks the siblings from first on (a body: a->body.first). */
void walk_children(walker *w, const art_node *first, int depth);

#endif
