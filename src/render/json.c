#include <string.h>

#include "render/render.h"

static void field(buf *out, int *first, const char *name, const char *value, size_t len) {
  buf_puts(out, *first ? "{\"" : ",\"");
  *first = 0;
  buf_puts(out, name);
  buf_puts(out, "\":\"");
  buf_json_escape(out, value, len);
  buf_putc(out, '"');
}

void render_json(const article *a, buf *out) {
  int first = 1;
  if (a->url)
    field(out, &first, "url", a->url, strlen(a->url));
  if (a->title)
    field(out, &first, "title", a->title, strlen(a->title));
  buf body;
  buf_init(&body);
  render_body_text(a, &body);
  field(out, &first, "text", body.data ? body.data : "", body.len);
  if (body.oom)
    out->oom = 1;
  buf_free(&body);
  buf_puts(out, "}\n");
}
