/* The html format: a clean document (or with o->fragment the <article>
 * element alone). No scripts, styles, classes or ids: the only attributes
 * are href, src, alt, colspan, rowspan, <ol start> and the charset meta.
 * Inline code always; emphasis, strong, sub and superscript with
 * o->formatting; links unless o->links is off; images with o->images. */
#include "render/runs.h"
#include "render/walk.h"

typedef markup_walker html; /* the walk's callbacks get it (its walker comes first) */

static const markup_names names = {
    .link = "a",
    .br = "<br>",
    .image = "img",
    .image_end = ">",
    .item_begin = "<li>",
    .item_end = "</li>\n",
    .quote_begin = "<blockquote>\n",
    .quote_end = "</blockquote>\n",
    .separator = "<hr>\n",
};

static void leaf(walker *w, const article_block *b, block_role role, int bare) {
  html *h = (html *)w;
  buf *out = h->out;
  if (role == ROLE_CODE) {
    buf_puts(out, "<pre><code>");
    markup_escape(out, b->text, b->len, 0);
    buf_puts(out, "</code></pre>\n");
    return;
  }
  if (bare) { /* the one paragraph of a tight list item */
    markup_runs(h, b->text, b->len, b->runs);
    return;
  }
  char tag[3] = "p";
  if (role == ROLE_HEADING)
    tag[0] = 'h', tag[1] = (char)('0' + outline_level(&h->outline, b->level));
  if (role == ROLE_QUOTE)
    buf_puts(out, "<blockquote>");
  buf_printf(out, "<%s>", tag);
  markup_runs(h, b->text, b->len, b->runs);
  buf_printf(out, "</%s>", tag);
  buf_puts(out, role == ROLE_QUOTE ? "</blockquote>\n" : "\n");
}

static void list_begin(walker *w, const art_node *first, int ordered, int start) {
  (void)first;
  html *h = (html *)w;
  if (!ordered)
    buf_puts(h->out, "<ul>\n");
  else if (start != 1)
    buf_printf(h->out, "<ol start=\"%d\">\n", start);
  else
    buf_puts(h->out, "<ol>\n");
}

static void list_end(walker *w, int ordered) {
  buf_puts(((html *)w)->out, ordered ? "</ol>\n" : "</ul>\n");
}

static void cell(html *h, const char *tag, int colspan, int rowspan, const char *text, size_t len,
                 const art_run *runs) {
  buf_printf(h->out, "<%s", tag);
  markup_span_attrs(h->out, colspan, rowspan);
  buf_putc(h->out, '>');
  markup_runs(h, text, len, runs);
  buf_printf(h->out, "</%s>", tag);
}

static void row(html *h, const article_block *b) {
  buf_puts(h->out, "<tr>");
  if (!b->cells)
    cell(h, b->header ? "th" : "td", 1, 1, b->text, b->len, b->runs);
  for (const art_cell *c = b->cells; c; c = c->next)
    if (!c->spanned) /* the colspan says it */
      cell(h, c->header || b->header ? "th" : "td", c->colspan, c->rowspan, c->text, c->len,
           c->runs);
  buf_puts(h->out, "</tr>\n");
}

/* Header rows at the top go into <thead>, the others into <tbody>. */
static void table(walker *w, const art_node *first, const art_node *stop, const char *caption) {
  html *h = (html *)w;
  buf_puts(h->out, "<table>\n");
  if (caption) {
    buf_puts(h->out, "<caption>");
    markup_escape_str(h->out, caption, 0);
    buf_puts(h->out, "</caption>\n");
  }
  int section = 0; /* 0 none yet, 1 thead, 2 tbody */
  for (const art_node *n = first; n != stop; n = n->next) {
    if (n->kind != NODE_BLOCK || !n->block)
      continue;
    int want = n->block->header && section < 2 ? 1 : 2;
    if (want != section) {
      buf_puts(h->out, section == 1 ? "</thead>\n" : "");
      buf_puts(h->out, want == 1 ? "<thead>\n" : "<tbody>\n");
      section = want;
    }
    row(h, n->block);
  }
  buf_puts(h->out, section == 1 ? "</thead>\n" : section == 2 ? "</tbody>\n" : "");
  buf_puts(h->out, "</table>\n");
}

static void figure(walker *w, const article_image *img) {
  html *h = (html *)w;
  buf words;
  buf_init(&words);
  figure_caption_text(img, &words);
  if (img->src || words.len) {
    buf_puts(h->out, "<figure>\n");
    if (img->src) {
      buf_puts(h->out, "<img src=\"");
      markup_escape_str(h->out, img->src, 1);
      buf_puts(h->out, "\" alt=\"");
      markup_escape_str(h->out, img->alt, 1);
      buf_puts(h->out, "\">\n");
    }
    if (words.len) {
      buf_puts(h->out, "<figcaption>");
      markup_escape(h->out, words.data, words.len, 0);
      buf_puts(h->out, "</figcaption>\n");
    }
    buf_puts(h->out, "</figure>\n");
  }
  if (words.oom)
    h->out->oom = 1;
  buf_free(&words);
}

void render_html(const article *a, const render_opts *o, buf *out) {
  html h = {
      .w = {o, 1, leaf, list_begin, markup_item_begin, markup_item_end, list_end, table,
            markup_quote_begin, markup_quote_end, figure, markup_separator},
      .out = out,
      .names = &names,
  };
  if (!o->fragment) {
    buf_puts(out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    if (a->title) {
      buf_puts(out, "<title>");
      markup_escape_str(out, a->title, 0);
      buf_puts(out, "</title>\n");
    }
    buf_puts(out, "</head>\n<body>\n");
  }
  buf_puts(out, "<article>\n");
  if (o->title && a->title) {
    buf_puts(out, "<h1>");
    markup_escape_str(out, a->title, 0);
    buf_puts(out, "</h1>\n");
  }
  outline_restart(&h.outline, walk_top_level(a));
  walk_children(&h.w, a->body.first, 0);
  if (walk_comments(a, o)) {
    buf_puts(out, "<section>\n<h2>Comments</h2>\n");
    outline_restart(&h.outline, 3);
    walk_children(&h.w, a->comments->body.first, 0);
    buf_puts(out, "</section>\n");
  }
  buf_puts(out, "</article>\n");
  if (!o->fragment)
    buf_puts(out, "</body>\n</html>\n");
}
