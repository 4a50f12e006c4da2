/* Renderers: one walk over the article per output format, one file each. */
#ifndef PITH_RENDER_RENDER_H
#define PITH_RENDER_RENDER_H

#include "article/article.h"
#include "util/buf.h"

/* What to render; pith_render fills it from the PITH_RENDER_* flags. */
typedef struct {
  int title;         /* the title first (text, markdown, html) */
  int links;         /* links as links (markdown, html, xml, json tree) */
  int images;        /* figures and inline images (markdown, html, xml, json tree) */
  int tables;        /* tables at all (every format) */
  int formatting;    /* emphasis, strong, sub/superscript (markdown, html, xml) */
  int comments;      /* the comment section, apart from the text */
  int fragment;      /* html: the <article> element only */
  int json_markdown; /* json: a "markdown" field */
  int json_tree;     /* json: a "blocks" field with the tree */
} render_opts;

/* The text blocks separated by a blank line; no title. Table rows only
 * when tables is set. */
void render_body_text(const article *a, int tables, buf *out);
/* The text format: the title, a blank line, the body. */
void render_text(const article *a, const render_opts *o, buf *out);
/* One JSON object on one line. */
void render_json(const article *a, const render_opts *o, buf *out);
/* CommonMark with GitHub pipe tables. */
void render_markdown(const article *a, const render_opts *o, buf *out);
/* A clean HTML document, or with o->fragment the <article> element. */
void render_html(const article *a, const render_opts *o, buf *out);
/* The article in pith's XML schema (docs/formats.md). */
void render_xml(const article *a, const render_opts *o, buf *out);

#endif
