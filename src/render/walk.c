#include "render/walk.h"

#include "render/runs.h"

/* ---- reading the tree ------------------------------------------------------ */

/* Whether a quote encloses n, looking past the lists and items between
 * (a bounded look: deeper trees are flattened anyway). */
static int inside_quote(const art_node *n) {
  int steps = 0;
  for (const art_node *p = n->parent; p && steps < RENDER_MAX_DEPTH; p = p->parent, steps++) {
    if (p->kind == NODE_QUOTE)
      return 1;
    if (p->kind != NODE_ITEM && p->kind != NODE_LIST)
      return 0;
  }
  return 0;
}

block_role node_role(const art_node *n) {
  node_kind parent = n->parent ? n->parent->kind : NODE_ROOT;
  switch (n->block ? n->block->kind : BLOCK_PARAGRAPH) {
  case BLOCK_HEADING:
    return ROLE_HEADING;
  case BLOCK_CODE:
    return ROLE_CODE;
  case BLOCK_LIST_ITEM:
    return parent == NODE_ITEM || parent == NODE_LIST ? ROLE_PARAGRAPH : ROLE_ITEM;
  case BLOCK_TABLE_ROW:
    return parent == NODE_TABLE ? ROLE_PARAGRAPH : ROLE_ROW;
  case BLOCK_QUOTE:
    return inside_quote(n) ? ROLE_PARAGRAPH : ROLE_QUOTE;
  default:
    return ROLE_PARAGRAPH;
  }
}

int node_loose_item(const art_node *n) {
  if (n->kind == NODE_ITEM)
    return !n->parent || n->parent->kind != NODE_LIST;
  return n->kind == NODE_BLOCK && n->block && node_role(n) == ROLE_ITEM;
}

int node_loose_row(const art_node *n) {
  return n->kind == NODE_BLOCK && n->block && node_role(n) == ROLE_ROW;
}

const art_node *node_group_end(const art_node *n, int (*pred)(const art_node *)) {
  while (n && pred(n))
    n = n->next;
  return n;
}

/* The next node in document order after n's subtree, inside root. */
static const art_node *after(const art_node *n, const art_node *root) {
  while (n && n != root && !n->next)
    n = n->parent;
  return n && n != root ? n->next : NULL;
}

const art_node *node_next_leaf(const art_node *prev, const art_node *root) {
  const art_node *n;
  if (!prev)
    n = root;
  else if (prev == root)
    return NULL;
  else
    n = after(prev, root);
  while (n) {
    if (n->kind == NODE_BLOCK && n->block)
      return n;
    n = n->first ? n->first : after(n, root);
  }
  return NULL;
}

int heading_level(int level) {
  return level < 1 ? 1 : level > 6 ? 6 : level;
}

int outline_level(heading_outline *ol, int level) {
  int page = heading_level(level);
  while (ol->depth && ol->open[ol->depth - 1].page >= page)
    ol->depth--;
  int given = heading_level(ol->depth ? ol->open[ol->depth - 1].given + 1 : ol->base);
  /* Six entries at most: the page levels kept only grow, within 1..6. */
  ol->open[ol->depth].page = (signed char)page;
  ol->open[ol->depth].given = (signed char)given;
  ol->depth++;
  return given;
}

void outline_restart(heading_outline *ol, int base) {
  ol->base = base;
  ol->depth = 0;
}

int walk_top_level(const article *a) {
  return a->title && *a->title ? 2 : 1;
}

int list_start(const art_node *list) {
  /* CommonMark takes at most nine digits; keep the last item's number
   * within them too. */
  long count = 0;
  for (const art_node *c = list->first; c && count < 1000000; c = c->next)
    count++;
  long start = list->start < 0 ? 0 : list->start;
  if (start + count > 999999999L)
    start = 999999999L - count;
  return (int)start;
}

/* ---- the walk ---------------------------------------------------------------- */

static void walk_node(walker *w, const art_node *n, int depth, int bare);

/* Past the depth limit: the text blocks under n as paragraphs, without
 * recursion. */
static void flatten(walker *w, const art_node *n) {
  for (const art_node *l = node_next_leaf(NULL, n); l; l = node_next_leaf(l, n)) {
    if (l->block->kind == BLOCK_TABLE_ROW && !w->o->tables)
      continue;
    if (!block_blank(l->block, w->o->images))
      w->leaf(w, l->block, l->block->kind == BLOCK_CODE ? ROLE_CODE : ROLE_PARAGRAPH, 0);
  }
}

/* An item holding at most one paragraph, for tight_items. */
static int tight(const walker *w, const art_node *item) {
  int paragraphs = 0;
  for (const art_node *c = item->first; c; c = c->next)
    if (c->kind == NODE_BLOCK && c->block && node_role(c) == ROLE_PARAGRAPH &&
        !block_blank(c->block, w->o->images))
      paragraphs++;
  return paragraphs <= 1;
}

static void walk_items(walker *w, const art_node *first, int depth, int bare);

/* The items first up to stop: each a NODE_ITEM, or any other node standing
 * for an item that holds it. */
static void walk_list(walker *w, const art_node *first, const art_node *stop, int ordered,
                      int start, int depth) {
  if (depth >= RENDER_MAX_DEPTH) {
    for (const art_node *c = first; c != stop; c = c->next)
      flatten(w, c);
    return;
  }
  w->list_begin(w, first, ordered, start);
  for (const art_node *c = first; c != stop; c = c->next) {
    w->item_begin(w);
    if (c->kind == NODE_ITEM)
      walk_items(w, c->first, depth + 1, w->tight_items && tight(w, c));
    else
      walk_node(w, c, depth + 1, w->tight_items);
    w->item_end(w);
  }
  w->list_end(w, ordered);
}

/* Siblings, with loose list items and table rows gathered into lists and
 * tables; bare as for tight_items. */
static void walk_items(walker *w, const art_node *n, int depth, int bare) {
  while (n) {
    if (node_loose_item(n)) {
      const art_node *end = node_group_end(n, node_loose_item);
      walk_list(w, n, end, 0, 1, depth);
      n = end;
    } else if (node_loose_row(n)) {
      const art_node *end = node_group_end(n, node_loose_row);
      if (w->o->tables)
        w->table(w, n, end, NULL);
      n = end;
    } else {
      walk_node(w, n, depth, bare);
      n = n->next;
    }
  }
}

void walk_children(walker *w, const art_node *first, int depth) {
  walk_items(w, first, depth, 0);
}

static void walk_node(walker *w, const art_node *n, int depth, int bare) {
  const render_opts *o = w->o;
  switch (n->kind) {
  case NODE_BLOCK: {
    if (!n->block)
      return;
    block_role role = node_role(n);
    if (role == ROLE_ROW) { /* a lone row standing for a list item */
      if (o->tables)
        w->table(w, n, n->next, NULL);
      return;
    }
    if (role == ROLE_ITEM) /* a lone item's own text */
      role = ROLE_PARAGRAPH;
    if (!block_blank(n->block, o->images))
      w->leaf(w, n->block, role, bare && role == ROLE_PARAGRAPH);
    return;
  }
  case NODE_LIST:
    walk_list(w, n->first, NULL, n->ordered, n->ordered ? list_start(n) : 1, depth);
    return;
  case NODE_ITEM: /* outside a list: a list of its own */
    walk_list(w, n, n->next, 0, 1, depth);
    return;
  case NODE_TABLE:
    if (o->tables && (n->first || n->caption))
      w->table(w, n->first, NULL, n->caption);
    return;
  case NODE_QUOTE:
    if (depth >= RENDER_MAX_DEPTH) {
      flatten(w, n);
      return;
    }
    w->quote_begin(w);
    walk_children(w, n->first, depth + 1);
    w->quote_end(w);
    return;
  case NODE_FIGURE:
    if (o->images && n->image)
      w->figure(w, n->image);
    return;
  case NODE_SEPARATOR:
    w->separator(w);
    return;
  case NODE_ROOT:
    if (depth >= RENDER_MAX_DEPTH)
      flatten(w, n);
    else
      walk_items(w, n->first, depth + 1, bare);
    return;
  }
}

const article *walk_comments(const article *a, const render_opts *o) {
  if (!o->comments || !a->comments)
    return NULL;
  for (const article_block *b = a->comments->first; b; b = b->next)
    if ((o->tables || b->kind != BLOCK_TABLE_ROW) && !block_blank(b, o->images))
      return a->comments;
  return NULL;
}
