/* Placeholder until the markdown renderer lands: the text blocks only. */
#include "render/render.h"

void render_markdown(const article *a, const render_opts *o, buf *out) {
  render_body_text(a, o->tables, out);
  buf_putc(out, '\n');
}
