/* The json format: one object on one line. A field is absent when unknown;
 * docs/json.md lists them. */
#include <string.h>

#include "render/render.h"

static void key(buf *out, int *first, const char *name) {
  buf_puts(out, *first ? "{\"" : ",\"");
  *first = 0;
  buf_puts(out, name);
  buf_puts(out, "\":");
}

static void string(buf *out, const char *value) {
  buf_putc(out, '"');
  buf_json_escape(out, value, strlen(value));
  buf_putc(out, '"');
}

static void field(buf *out, int *first, const char *name, const char *value) {
  if (!value)
    return;
  key(out, first, name);
  string(out, value);
}

static void list(buf *out, int *first, const char *name, const char *const *items, size_t n) {
  if (!n)
    return;
  key(out, first, name);
  buf_putc(out, '[');
  for (size_t i = 0; i < n; i++) {
    if (i)
      buf_putc(out, ',');
    string(out, items[i]);
  }
  buf_putc(out, ']');
}

static void images(buf *out, int *first, const article_image *img) {
  if (!img)
    return;
  key(out, first, "images");
  buf_putc(out, '[');
  for (; img; img = img->next) {
    int f = 1;
    field(out, &f, "src", img->src);
    field(out, &f, "alt", img->alt);
    field(out, &f, "caption", img->caption);
    field(out, &f, "credit", img->credit);
    buf_puts(out, f ? "{}" : "}");
    if (img->next)
      buf_putc(out, ',');
  }
  buf_putc(out, ']');
}

void render_json(const article *a, const render_opts *o, buf *out) {
  const article_meta *m = &a->meta;
  int first = 1;
  field(out, &first, "url", a->url);
  field(out, &first, "canonical_url", m->canonical_url);
  field(out, &first, "title", a->title);
  list(out, &first, "authors", m->authors, m->nauthors);
  field(out, &first, "date_published", m->date_published);
  field(out, &first, "date_modified", m->date_modified);
  field(out, &first, "site_name", m->site_name);
  field(out, &first, "section", m->section);
  list(out, &first, "tags", m->tags, m->ntags);
  field(out, &first, "description", m->description);
  field(out, &first, "image", m->image);
  field(out, &first, "language", m->language);
  field(out, &first, "license", m->license);
  field(out, &first, "page_type", m->page_type);
  field(out, &first, "source", m->source);
  field(out, &first, "editor", m->editor);
  images(out, &first, m->images);
  field(out, &first, "warc_record_id", m->warc_record_id);
  field(out, &first, "warc_date", m->warc_date);
  buf body;
  buf_init(&body);
  render_body_text(a, o->tables, &body);
  key(out, &first, "text");
  buf_putc(out, '"');
  buf_json_escape(out, body.data ? body.data : "", body.len);
  buf_putc(out, '"');
  if (body.oom)
    out->oom = 1;
  buf_free(&body);
  buf_puts(out, "}\n");
}
