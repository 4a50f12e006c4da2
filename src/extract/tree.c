/* Step 5, the tree: the emitted blocks become the article's tree
 * (src/article/article.h). For each block, the lists, items, quotes and
 * (for table rows) the table around its element up to the root open the
 * tree's nodes; the block itself becomes a leaf with its inline runs, its
 * cells or its code's language, after the lone images and rules before
 * it. The renderers (src/render/) walk the tree. */
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"

/* The list elements: <ul>, <ol> and <menu>. */
static int is_list(tag_id t) {
  return t == TAG_UL || t == TAG_OL || t == TAG_MENU;
}

/* The elements that make structure around n, outermost first. Tables count
 * only for rows and table captions. */
static int structure_of(const tree *t, const dom_node *n, int in_table, const dom_node **chain) {
  const dom_node *rev[TREE_DEPTH_MAX];
  int k = 0;
  for (const dom_node *p = n; p && p->tag != TAG_TEXT && p->order >= t->root->order;
       p = p->parent) {
    tag_id tag = (tag_id)p->tag;
    int take = is_list(tag) || tag == TAG_LI || tag == TAG_BLOCKQUOTE;
    if (tag == TAG_TABLE && in_table) {
      take = 1;
      in_table = 0; /* the nearest table only */
    }
    if (take && k < TREE_DEPTH_MAX)
      rev[k++] = p;
    if (p == t->root)
      break;
  }
  for (int i = 0; i < k; i++)
    chain[i] = rev[k - 1 - i];
  return k;
}

/* An attribute's value as an integer in [lo, hi], else dflt. */
int attr_int(const char *s, int lo, int hi, int dflt) {
  if (!s)
    return dflt;
  char *end;
  long v = strtol(s, &end, 10);
  return end == s || v < lo || v > hi ? dflt : (int)v;
}

/* An open node's last child of the given kind, or a new one. */
static art_node *last_or_new(tree *t, art_node *parent, node_kind kind) {
  art_node *last = parent ? parent->last : t->a->body.last;
  if (last && last->kind == kind)
    return last;
  return article_open(t->a, t->mem, parent, kind);
}

/* Opens the tree's nodes for the structure around n; returns the node new
 * content goes into (NULL: the body), or sets oom. */
art_node *place_in_tree(tree *t, const dom_node *n, int in_table, int *oom) {
  const dom_node *chain[TREE_DEPTH_MAX];
  int k = structure_of(t, n, in_table, chain);
  int same = 0;
  while (same < t->depth && same < k && t->open_dom[same] == chain[same])
    same++;
  t->depth = same;
  for (int i = same; i < k; i++) {
    art_node *parent = t->depth ? t->open_node[t->depth - 1] : NULL;
    tag_id tag = (tag_id)chain[i]->tag;
    art_node *node;
    if (tag == TAG_LI) {
      if (!parent || parent->kind != NODE_LIST)
        parent = last_or_new(t, parent, NODE_LIST); /* an item outside a list */
      node = parent ? article_open(t->a, t->mem, parent, NODE_ITEM) : NULL;
    } else {
      node_kind kind = is_list(tag) ? NODE_LIST : tag == TAG_TABLE ? NODE_TABLE : NODE_QUOTE;
      /* A list straight inside a list goes into an item. */
      if (parent && parent->kind == NODE_LIST)
        parent = article_open(t->a, t->mem, parent, NODE_ITEM);
      node = parent || !t->depth ? article_open(t->a, t->mem, parent, kind) : NULL;
      if (node && tag == TAG_OL) {
        node->ordered = 1;
        node->start = attr_int(dom_attr_get(chain[i], "start"), 0, 1000000000, 1);
      }
    }
    if (!node) {
      *oom = 1;
      return NULL;
    }
    t->open_dom[t->depth] = chain[i];
    t->open_node[t->depth++] = node;
  }
  art_node *into = t->depth ? t->open_node[t->depth - 1] : NULL;
  /* Text straight inside a list is an item of its own. */
  if (into && into->kind == NODE_LIST && !(into = article_open(t->a, t->mem, into, NODE_ITEM)))
    *oom = 1;
  return into;
}

/* A code block's language, from a "language-x" or "lang-x" class on the
 * <pre> or the <code> in it. */
static const char *code_language(tree *t, const dom_node *n) {
  const dom_node *pre = n;
  while (pre && pre->tag != TAG_TEXT && pre->tag != TAG_PRE)
    pre = pre->parent;
  if (!pre || pre->tag != TAG_PRE)
    return NULL;
  const dom_node *code = pre->first;
  while (code && code->tag == TAG_TEXT)
    code = code->next;
  const char *classes[2] = {pre->cls, code && code->tag == TAG_CODE ? code->cls : NULL};
  for (int i = 0; i < 2; i++) {
    const char *c = classes[i];
    while (c && *c) {
      while (*c == ' ')
        c++;
      size_t len = strcspn(c, " ");
      size_t skip = !strncmp(c, "language-", 9) ? 9 : !strncmp(c, "lang-", 5) ? 5 : 0;
      if (skip && len > skip && len - skip < 32)
        return arena_strndup(t->mem, c + skip, len - skip);
      c += len;
    }
  }
  return NULL;
}

/* Places the emitted block b in the tree, with its runs, cells and code
 * language. */
int emit_block(tree *t, const text_block *b) {
  extraction *x = t->x;
  if (add_standalone_before(t, b->off))
    return -1;
  t->last_end = b->off + b->len;
  const char *text = x->text.data + b->off;
  int oom = 0;
  if (b->kind == BLOCK_CAPTION) {
    if (b->container->tag == TAG_CAPTION) { /* a table's */
      art_node *table = place_in_tree(t, b->container, 1, &oom);
      if (oom)
        return -1;
      if (table && table->kind == NODE_TABLE && !table->caption)
        table->caption = squeeze_spaces(t->mem, text, b->len);
      return 0;
    }
    const char *caption = squeeze_spaces(t->mem, text, b->len);
    return caption ? add_caption_figure(t, b, caption) : -1;
  }
  int row = b->kind == BLOCK_TABLE_ROW;
  art_node *parent = place_in_tree(t, b->container, row, &oom);
  if (oom)
    return -1;
  if (row && (!parent || parent->kind != NODE_TABLE) &&
      !(parent = last_or_new(t, parent, NODE_TABLE)))
    return -1;
  article_block *out =
      article_add_in(t->a, t->mem, parent, (block_kind)b->kind, b->level, text, b->len);
  if (!out)
    return -1;
  if (row)
    return build_cells(t, b, out);
  if (b->kind == BLOCK_CODE) {
    out->language = code_language(t, b->container);
    return 0;
  }
  out->runs = build_runs(t, b->off, b->off + b->len, out->text, b->mark_first,
                         (size_t)b->mark_first + b->mark_count, &oom);
  return oom ? -1 : 0;
}
