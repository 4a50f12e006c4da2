/* Inline runs as the structured renderers (markdown, html, xml, the json
 * tree) read them, and escaping for markup: written once here so that every
 * format reads them alike. */
#ifndef PITH_RENDER_RUNS_H
#define PITH_RENDER_RUNS_H

#include "render/render.h"
#include "render/walk.h"

/* ---- inline runs ------------------------------------------------------------ */

/* A block's (or cell's) runs; when it has none, one plain run over its
 * text, made in *one. */
const art_run *runs_of(const char *text, size_t len, const art_run *runs, art_run *one);
/* The run after the link that r starts: consecutive runs with r's href. */
const art_run *runs_link_end(const art_run *r);
/* The style bits a format shows: inline code always, the others with
 * o->formatting. */
unsigned runs_style_mask(const render_opts *o);
/* Whether the runs show nothing: no text but white space, and no image
 * (images counting only when shown). */
int runs_blank(const art_run *r, int images);
/* A block or cell with nothing to show. */
int block_blank(const article_block *b, int images);
int cell_blank(const art_cell *c, int images);
/* ASCII white space. */
int runs_space(char c);
/* Style bits in the order tag-based formats nest them, outermost first. */
extern const unsigned runs_style_order[5];

/* ---- markup (html, xml) ---------------------------------------------------- */

/* Appends s escaped for XML and HTML text (attr: inside a double-quoted
 * attribute). Characters XML 1.0 forbids (control characters other than tab,
 * newline and CR, U+FFFE/U+FFFF) are dropped and invalid UTF-8 becomes
 * U+FFFD, so that the output is always well-formed. */
void markup_escape(buf *out, const char *s, size_t len, int attr);
void markup_escape_str(buf *out, const char *s, int attr);

/* What a tag-based format (html, xml) writes: the names of its inline
 * elements (the styles' are HTML's in both: strong, em, sub, sup, code),
 * and the fixed tags of the blocks that have no attributes. */
typedef struct {
  const char *link;      /* "a": <a href="..."> */
  const char *br;        /* "<br>" */
  const char *image;     /* "img": <img src="..." alt="..."> */
  const char *image_end; /* ">" or "/>" */
  const char *item_begin, *item_end, *quote_begin, *quote_end, *separator;
} markup_names;

/* A tag-based renderer: the walk (first: its callbacks get the renderer),
 * where it writes, its names, and its headings (html). */
typedef struct {
  walker w;
  buf *out;
  const markup_names *names;
  heading_outline outline;
} markup_walker;

/* Walker callbacks for a markup_walker: they write the names' fixed tags. */
void markup_item_begin(walker *w);
void markup_item_end(walker *w);
void markup_quote_begin(walker *w);
void markup_quote_end(walker *w);
void markup_separator(walker *w);

/* Appends a table cell's colspan and rowspan attributes, each when over 1
 * (html and xml name them alike). */
void markup_span_attrs(buf *out, int colspan, int rowspan);

/* Appends a block's or cell's runs (one plain run over its text when it has
 * none) as inline markup: links, nested style elements, breaks and images,
 * as far as the walk's options show them. */
void markup_runs(markup_walker *m, const char *text, size_t len, const art_run *runs);

/* ---- figures ---------------------------------------------------------------- */

/* The words under a figure as one line (markdown, html): "caption (credit)",
 * either alone when the other is missing. Appends nothing when neither. */
void figure_caption_text(const article_image *img, buf *out);

#endif
