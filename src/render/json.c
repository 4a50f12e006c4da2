/* The json format: one object on one line. A field is absent when unknown;
 * docs/formats.md lists them. On request the object also carries the
 * article as Markdown ("markdown"), its tree ("blocks") and the comment
 * section's text ("comments"). */
#include <string.h>

#include "render/render.h"
#include "render/runs.h"
#include "render/walk.h"

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

/* ---- the block tree ("blocks") ---------------------------------------------- */

#define JSON_ARRAYS (2 * RENDER_MAX_DEPTH + 8)

typedef struct {
  walker w; /* first: the walk's callbacks get this */
  buf *out;
  unsigned mask;
  int empty[JSON_ARRAYS]; /* per open array: nothing in it yet */
  int depth;
} jtree;

/* The comma before an element of the innermost array. */
static void sep(jtree *j) {
  int *e = &j->empty[j->depth < JSON_ARRAYS ? j->depth : JSON_ARRAYS - 1];
  if (!*e)
    buf_putc(j->out, ',');
  *e = 0;
}

static void open_array(jtree *j) {
  buf_putc(j->out, '[');
  if (++j->depth < JSON_ARRAYS)
    j->empty[j->depth] = 1;
}

static void close_array(jtree *j) {
  buf_putc(j->out, ']');
  j->depth--;
}

static void text_field(buf *out, const char *name, const char *s, size_t len) {
  buf_printf(out, ",\"%s\":\"", name);
  buf_json_escape(out, s ? s : "", s ? len : 0);
  buf_putc(out, '"');
}

static void str_field(buf *out, const char *name, const char *s) {
  if (s)
    text_field(out, name, s, strlen(s));
}

/* Whether a run shows more than plain text: a link, a style, a break or an
 * image. */
static int marked(const jtree *j, const art_run *r) {
  const render_opts *o = j->w.o;
  if (r->kind == RUN_TEXT)
    return (r->style & j->mask) || (o->links && r->href);
  return r->kind == RUN_BREAK || (o->images && r->src);
}

/* "spans": the runs, when any is more than plain text; consecutive text
 * runs that look the same are one span. */
static void spans(jtree *j, const art_run *r) {
  const render_opts *o = j->w.o;
  const art_run *p = r;
  while (p && !marked(j, p))
    p = p->next;
  if (!p)
    return;
  static const char *const names[5] = {"strong", "em", "sub", "sup", "code"};
  buf *out = j->out;
  buf_puts(out, ",\"spans\":[");
  int first = 1;
  while (r) {
    if (r->kind == RUN_IMAGE && !(o->images && r->src)) {
      r = r->next;
      continue;
    }
    if (!first)
      buf_putc(out, ',');
    first = 0;
    if (r->kind == RUN_BREAK) {
      buf_puts(out, "{\"break\":true}");
      r = r->next;
      continue;
    }
    if (r->kind == RUN_IMAGE) {
      buf_puts(out, "{\"image\":\"");
      buf_json_escape(out, r->src, strlen(r->src));
      buf_putc(out, '"');
      str_field(out, "alt", r->alt);
      buf_putc(out, '}');
      r = r->next;
      continue;
    }
    unsigned style = r->style & j->mask;
    const char *href = o->links ? r->href : NULL;
    buf_puts(out, "{\"text\":\"");
    for (; r && r->kind == RUN_TEXT && (r->style & j->mask) == style &&
           (o->links ? r->href : NULL) == href;
         r = r->next)
      if (r->text)
        buf_json_escape(out, r->text, r->len);
    buf_putc(out, '"');
    str_field(out, "href", href);
    for (int i = 0; i < 5; i++)
      if (style & runs_style_order[i])
        buf_printf(out, ",\"%s\":true", names[i]);
    buf_putc(out, '}');
  }
  buf_putc(out, ']');
}

static void leaf(walker *w, const article_block *b, block_role role, int bare) {
  (void)bare;
  jtree *j = (jtree *)w;
  buf *out = j->out;
  sep(j);
  if (role == ROLE_CODE) {
    buf_puts(out, "{\"type\":\"code\"");
    str_field(out, "language", b->language);
    text_field(out, "text", b->text, b->len);
    buf_putc(out, '}');
    return;
  }
  if (role == ROLE_QUOTE)
    buf_puts(out, "{\"type\":\"quote\",\"blocks\":[");
  if (role == ROLE_HEADING)
    buf_printf(out, "{\"type\":\"heading\",\"level\":%d", heading_level(b->level));
  else
    buf_puts(out, "{\"type\":\"paragraph\"");
  text_field(out, "text", b->text, b->len);
  spans(j, b->runs);
  buf_puts(out, role == ROLE_QUOTE ? "}]}" : "}");
}

static void list_begin(walker *w, const art_node *first, int ordered, int start) {
  (void)first;
  jtree *j = (jtree *)w;
  sep(j);
  if (ordered)
    buf_printf(j->out, "{\"type\":\"list\",\"ordered\":true,\"start\":%d,\"items\":", start);
  else
    buf_puts(j->out, "{\"type\":\"list\",\"ordered\":false,\"items\":");
  open_array(j);
}

static void list_end(walker *w, int ordered) {
  (void)ordered;
  close_array((jtree *)w);
  buf_putc(((jtree *)w)->out, '}');
}

static void item_begin(walker *w) {
  sep((jtree *)w);
  open_array((jtree *)w);
}

static void item_end(walker *w) {
  close_array((jtree *)w);
}

static void table(walker *w, const art_node *first, const art_node *stop, const char *caption) {
  jtree *j = (jtree *)w;
  buf *out = j->out;
  sep(j);
  buf_puts(out, "{\"type\":\"table\"");
  str_field(out, "caption", caption);
  buf_puts(out, ",\"rows\":[");
  int first_row = 1;
  for (const art_node *n = first; n != stop; n = n->next) {
    if (n->kind != NODE_BLOCK || !n->block)
      continue;
    const article_block *b = n->block;
    buf_puts(out, first_row ? "{" : ",{");
    first_row = 0;
    if (b->header)
      buf_puts(out, "\"header\":true,");
    buf_puts(out, "\"cells\":[");
    if (!b->cells) {
      buf_puts(out, "{\"text\":\"");
      buf_json_escape(out, b->text ? b->text : "", b->text ? b->len : 0);
      buf_putc(out, '"');
      spans(j, b->runs);
      buf_putc(out, '}');
    }
    int first_cell = 1;
    for (const art_cell *c = b->cells; c; c = c->next) {
      if (c->spanned) /* the colspan says it */
        continue;
      buf_puts(out, first_cell ? "{\"text\":\"" : ",{\"text\":\"");
      first_cell = 0;
      buf_json_escape(out, c->text ? c->text : "", c->text ? c->len : 0);
      buf_putc(out, '"');
      if (c->header && !b->header)
        buf_puts(out, ",\"header\":true");
      if (c->colspan > 1)
        buf_printf(out, ",\"colspan\":%d", c->colspan);
      if (c->rowspan > 1)
        buf_printf(out, ",\"rowspan\":%d", c->rowspan);
      spans(j, c->runs);
      buf_putc(out, '}');
    }
    buf_puts(out, "]}");
  }
  buf_puts(out, "]}");
}

static void quote_begin(walker *w) {
  jtree *j = (jtree *)w;
  sep(j);
  buf_puts(j->out, "{\"type\":\"quote\",\"blocks\":");
  open_array(j);
}

static void quote_end(walker *w) {
  close_array((jtree *)w);
  buf_putc(((jtree *)w)->out, '}');
}

static void figure(walker *w, const article_image *img) {
  jtree *j = (jtree *)w;
  sep(j);
  buf_puts(j->out, "{\"type\":\"figure\"");
  str_field(j->out, "src", img->src);
  str_field(j->out, "alt", img->alt);
  str_field(j->out, "caption", img->caption);
  str_field(j->out, "credit", img->credit);
  buf_putc(j->out, '}');
}

static void separator(walker *w) {
  sep((jtree *)w);
  buf_puts(((jtree *)w)->out, "{\"type\":\"separator\"}");
}

static void blocks(buf *out, int *first, const article *a, const render_opts *o) {
  jtree j = {
      .w = {o, 0, leaf, list_begin, item_begin, item_end, list_end, table, quote_begin, quote_end,
            figure, separator},
      .out = out,
      .mask = runs_style_mask(o),
  };
  key(out, first, "blocks");
  open_array(&j);
  walk_children(&j.w, a->body.first, 0);
  close_array(&j);
}

/* A string field holding what fill wrote, without its final newline. */
static void rendered(buf *out, int *first, const char *name, buf *tmp) {
  if (tmp->len && tmp->data[tmp->len - 1] == '\n')
    tmp->len--;
  key(out, first, name);
  buf_putc(out, '"');
  buf_json_escape(out, tmp->data ? tmp->data : "", tmp->len);
  buf_putc(out, '"');
  if (tmp->oom)
    out->oom = 1;
  buf_reset(tmp);
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
  if (m->language && m->language_confidence >= 0) {
    key(out, &first, "language_confidence");
    buf_printf(out, "%.2f", (double)m->language_confidence);
  }
  field(out, &first, "license", m->license);
  field(out, &first, "page_type", m->page_type);
  field(out, &first, "source", m->source);
  field(out, &first, "editor", m->editor);
  images(out, &first, m->images);
  field(out, &first, "source_file", m->source_file);
  field(out, &first, "warc_record_id", m->warc_record_id);
  field(out, &first, "warc_date", m->warc_date);
  if (m->http_status) {
    key(out, &first, "http_status");
    buf_printf(out, "%d", m->http_status);
  }
  field(out, &first, "warc_filename", m->warc_filename);
  if (m->has_warc_offset) {
    key(out, &first, "warc_offset");
    buf_printf(out, "%llu", m->warc_offset);
    key(out, &first, "warc_length");
    buf_printf(out, "%llu", m->warc_length);
  }
  field(out, &first, "payload_digest", m->payload_digest);
  if (m->truncated) {
    key(out, &first, "truncated");
    buf_puts(out, "true");
  }
  buf body;
  buf_init(&body);
  render_body_text(a, o->tables, &body);
  key(out, &first, "text");
  buf_putc(out, '"');
  buf_json_escape(out, body.data ? body.data : "", body.len);
  buf_putc(out, '"');
  if (body.oom)
    out->oom = 1;
  buf_reset(&body);
  if (o->json_markdown) {
    render_opts mo = *o;
    mo.title = mo.comments = 0;
    render_markdown(a, &mo, &body);
    rendered(out, &first, "markdown", &body);
  }
  if (o->json_tree)
    blocks(out, &first, a, o);
  const article *comments = walk_comments(a, o);
  if (comments) {
    render_body_text(comments, o->tables, &body);
    rendered(out, &first, "comments", &body);
  }
  buf_free(&body);
  buf_puts(out, "}\n");
}
