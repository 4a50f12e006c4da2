/* Renderers: one walk over the article per output format. */
#ifndef PITH_RENDER_RENDER_H
#define PITH_RENDER_RENDER_H

#include "article/article.h"
#include "util/buf.h"

/* The blocks' text, separated by a blank line; no title. */
void render_body_text(const article *a, buf *out);
/* The text format: the title (unless no_title), a blank line, the body. */
void render_text(const article *a, int no_title, buf *out);
/* One JSON object on one line. */
void render_json(const article *a, buf *out);

#endif
