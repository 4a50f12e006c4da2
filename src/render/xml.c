/* Placeholder until the xml renderer lands: the text blocks only. */
#include "render/render.h"

void render_xml(const article *a, const render_opts *o, buf *out) {
  render_body_text(a, o->tables, out);
  buf_putc(out, '\n');
}
