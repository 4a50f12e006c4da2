#include "render/render.h"

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

void render_text(const article *a, const render_opts *o, buf *out) {
  size_t start = out->len;
  if (o->title && a->title) {
    buf_puts(out, a->title);
    buf_puts(out, "\n\n");
  }
  size_t body = out->len;
  render_body_text(a, o->tables, out);
  if (out->len > body)
    buf_putc(out, '\n');
  else if (out->len > start)
    out->len--; /* the title alone: one newline */
}
