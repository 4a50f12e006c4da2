/* The xml format: the article tree in pith's own schema (docs/formats.md).
 * Metadata as attributes of <article> (repeated ones as <author> and <tag>
 * children), the tree in <body>, the comment section in <comments>.
 * Always well-formed: markup_escape drops what XML 1.0 forbids. */
#include "render/runs.h"
#include "render/walk.h"

typedef markup_walker xml; /* the walk's callbacks get it (its walker comes first) */

static const markup_names names = {
    .link = "link",
    .br = "<br/>",
    .image = "image",
    .image_end = "/>",
    .item_begin = "<item>\n",
    .item_end = "</item>\n",
    .quote_begin = "<quote>\n",
    .quote_end = "</quote>\n",
    .separator = "<separator/>\n",
};

static void attr(buf *out, const char *name, const char *value) {
  if (!value)
    return;
  buf_printf(out, " %s=\"", name);
  markup_escape_str(out, value, 1);
  buf_putc(out, '"');
}

static void element(buf *out, const char *name, const char *value) {
  if (!value)
    return;
  buf_printf(out, "<%s>", name);
  markup_escape_str(out, value, 0);
  buf_printf(out, "</%s>\n", name);
}

static void leaf(walker *w, const article_block *b, block_role role, int bare) {
  (void)bare;
  xml *x = (xml *)w;
  buf *out = x->out;
  if (role == ROLE_CODE) {
    buf_puts(out, "<pre");
    attr(out, "language", b->language);
    buf_putc(out, '>');
    markup_escape(out, b->text, b->len, 0);
    buf_puts(out, "</pre>\n");
    return;
  }
  if (role == ROLE_HEADING)
    buf_printf(out, "<heading level=\"%d\">", heading_level(b->level));
  else
    buf_puts(out, role == ROLE_QUOTE ? "<quote><p>" : "<p>");
  markup_runs(x, b->text, b->len, b->runs);
  buf_puts(out, role == ROLE_HEADING ? "</heading>\n"
                : role == ROLE_QUOTE ? "</p></quote>\n"
                                     : "</p>\n");
}

static void list_begin(walker *w, const art_node *first, int ordered, int start) {
  (void)first;
  xml *x = (xml *)w;
  if (ordered)
    buf_printf(x->out, "<list ordered=\"true\" start=\"%d\">\n", start);
  else
    buf_puts(x->out, "<list ordered=\"false\">\n");
}

static void list_end(walker *w, int ordered) {
  (void)ordered;
  buf_puts(((xml *)w)->out, "</list>\n");
}

static void cell(xml *x, const art_cell *c, int row_header) {
  buf_puts(x->out, "<cell");
  if (c->header && !row_header)
    buf_puts(x->out, " header=\"true\"");
  markup_span_attrs(x->out, c->colspan, c->rowspan);
  buf_putc(x->out, '>');
  markup_runs(x, c->text, c->len, c->runs);
  buf_puts(x->out, "</cell>");
}

static void table(walker *w, const art_node *first, const art_node *stop, const char *caption) {
  xml *x = (xml *)w;
  buf_puts(x->out, "<table>\n");
  element(x->out, "caption", caption);
  for (const art_node *n = first; n != stop; n = n->next) {
    if (n->kind != NODE_BLOCK || !n->block)
      continue;
    const article_block *b = n->block;
    buf_puts(x->out, b->header ? "<row header=\"true\">" : "<row>");
    if (!b->cells) {
      buf_puts(x->out, "<cell>");
      markup_runs(x, b->text, b->len, b->runs);
      buf_puts(x->out, "</cell>");
    }
    for (const art_cell *c = b->cells; c; c = c->next)
      if (!c->spanned) /* the colspan says it */
        cell(x, c, b->header);
    buf_puts(x->out, "</row>\n");
  }
  buf_puts(x->out, "</table>\n");
}

static void figure(walker *w, const article_image *img) {
  buf *out = ((xml *)w)->out;
  buf_puts(out, "<figure");
  attr(out, "src", img->src);
  attr(out, "alt", img->alt);
  if (!img->caption && !img->credit) {
    buf_puts(out, "/>\n");
    return;
  }
  buf_puts(out, ">\n");
  element(out, "caption", img->caption);
  element(out, "credit", img->credit);
  buf_puts(out, "</figure>\n");
}

void render_xml(const article *a, const render_opts *o, buf *out) {
  xml x = {
      .w = {o, 0, leaf, list_begin, markup_item_begin, markup_item_end, list_end, table,
            markup_quote_begin, markup_quote_end, figure, markup_separator},
      .out = out,
      .names = &names,
  };
  const article_meta *m = &a->meta;
  buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article");
  attr(out, "url", a->url);
  attr(out, "canonical_url", m->canonical_url);
  attr(out, "title", a->title);
  attr(out, "date_published", m->date_published);
  attr(out, "date_modified", m->date_modified);
  attr(out, "site_name", m->site_name);
  attr(out, "section", m->section);
  attr(out, "description", m->description);
  attr(out, "image", m->image);
  attr(out, "language", m->language);
  if (m->language && m->language_confidence >= 0) /* as the json's */
    buf_printf(out, " language_confidence=\"%.2f\"", (double)m->language_confidence);
  attr(out, "license", m->license);
  attr(out, "page_type", m->page_type);
  attr(out, "source", m->source);
  attr(out, "editor", m->editor);
  attr(out, "source_file", m->source_file);
  attr(out, "warc_record_id", m->warc_record_id);
  attr(out, "warc_date", m->warc_date);
  attr(out, "warc_filename", m->warc_filename);
  attr(out, "payload_digest", m->payload_digest);
  if (m->http_status)
    buf_printf(out, " http_status=\"%d\"", m->http_status);
  if (m->has_warc_offset)
    buf_printf(out, " warc_offset=\"%llu\" warc_length=\"%llu\"", m->warc_offset, m->warc_length);
  if (m->truncated)
    buf_puts(out, " truncated=\"true\"");
  buf_puts(out, ">\n");
  for (size_t i = 0; m->authors && i < m->nauthors; i++)
    element(out, "author", m->authors[i]);
  for (size_t i = 0; m->tags && i < m->ntags; i++)
    element(out, "tag", m->tags[i]);
  buf_puts(out, "<body>\n");
  walk_children(&x.w, a->body.first, 0);
  buf_puts(out, "</body>\n");
  if (walk_comments(a, o)) {
    buf_puts(out, "<comments>\n");
    walk_children(&x.w, a->comments->body.first, 0);
    buf_puts(out, "</comments>\n");
  }
  buf_puts(out, "</article>\n");
}
