#include "render/render.h"
#include "render/walk.h"

void render_body_text(const article *a, int tables, buf *out) {
  int first = 1;
  for (const article_block *b = a->first; b; b = b->next) {
    if (b->kind == BLOCK_TABLE_ROW && !tables)
      continue;
    if (!first)
      buf_puts(out, "\n\n");
    first = 0;
    buf_append(out, b->text, b->len);
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
