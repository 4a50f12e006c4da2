#include <string.h>

#include "render/render.h"
#include "render/walk.h"

/* The node after n in the tree's pre-order, or NULL past the end. */
static const art_node *next_node(const art_node *n) {
  if (n->first)
    return n->first;
  while (n && n->kind != NODE_ROOT && !n->next)
    n = n->parent;
  return n && n->kind != NODE_ROOT ? n->next : NULL;
}

/* From n on, the first table with a caption and a first row; NULL when
 * none. */
static const art_node *captioned_table(const art_node *n) {
  for (; n; n = next_node(n))
    if (n->kind == NODE_TABLE && n->caption && n->first && n->first->kind == NODE_BLOCK)
      return n;
  return NULL;
}

static void put_block(buf *out, int *first, const char *text, size_t len) {
  if (!*first)
    buf_puts(out, "\n\n");
  *first = 0;
  buf_append(out, text, len);
}

/* The blocks in order; a table's caption is a paragraph before its first
 * row, as in markdown (docs/formats.md). The captioned tables are found
 * in the tree's order, which is the blocks' order: one pass over each. */
void render_body_text(const article *a, int tables, buf *out) {
  int first = 1;
  const art_node *cap = tables ? captioned_table(a->body.first) : NULL;
  for (const article_block *b = a->first; b; b = b->next) {
    if (b->kind == BLOCK_TABLE_ROW && !tables)
      continue;
    if (cap && b == cap->first->block) {
      put_block(out, &first, cap->caption, strlen(cap->caption));
      cap = captioned_table(next_node(cap));
    }
    put_block(out, &first, b->text, b->len);
  }
}

/* With o->comments, the comment section follows the text after a line
 * "---" and a line "Comments" (docs/formats.md). */
void render_text(const article *a, const render_opts *o, buf *out) {
  size_t start = out->len;
  if (o->title && a->title) {
    buf_puts(out, a->title);
    buf_puts(out, "\n\n");
  }
  size_t body = out->len;
  render_body_text(a, o->tables, out);
  const article *comments = walk_comments(a, o);
  if (comments) {
    /* Asked for: after the text, under a rule and a heading of its own, so
     * that the two never run together. */
    buf_puts(out, out->len > body ? "\n\n---\n\nComments\n\n" : "---\n\nComments\n\n");
    render_body_text(comments, o->tables, out);
  }
  if (out->len > body)
    buf_putc(out, '\n');
  else if (out->len > start && !out->oom)
    out->data[--out->len] = '\0'; /* the title alone: one newline */
}
