#include "render/render.h"

void render_body_text(const article *a, buf *out) {
  for (const article_block *b = a->first; b; b = b->next) {
    if (b != a->first)
      buf_puts(out, "\n\n");
    buf_append(out, b->text, b->len);
  }
}

void render_text(const article *a, int no_title, buf *out) {
  if (!no_title && a->title) {
    buf_puts(out, a->title);
    buf_puts(out, a->first ? "\n\n" : "\n");
  }
  render_body_text(a, out);
  if (a->first)
    buf_putc(out, '\n');
}
