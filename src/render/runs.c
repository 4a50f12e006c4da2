#include "render/runs.h"

/* ---- inline runs ------------------------------------------------------------ */

const unsigned runs_style_order[5] = {STYLE_STRONG, STYLE_EM, STYLE_SUB, STYLE_SUP, STYLE_CODE};

const art_run *runs_of(const char *text, size_t len, const art_run *runs, art_run *one) {
  if (runs)
    return runs;
  memset(one, 0, sizeof *one);
  one->kind = RUN_TEXT;
  one->text = text ? text : "";
  one->len = text ? len : 0;
  return one;
}

const art_run *runs_link_end(const art_run *r) {
  const char *href = r->href;
  r = r->next;
  while (href && r && r->href == href)
    r = r->next;
  return r;
}

unsigned runs_style_mask(const render_opts *o) {
  return STYLE_CODE | (o->formatting ? STYLE_EM | STYLE_STRONG | STYLE_SUB | STYLE_SUP : 0);
}

int runs_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int runs_blank(const art_run *r, int images) {
  for (; r; r = r->next) {
    if (r->kind == RUN_IMAGE && images && r->src)
      return 0;
    if (r->kind == RUN_TEXT && r->text)
      for (size_t i = 0; i < r->len; i++)
        if (!runs_space(r->text[i]))
          return 0;
  }
  return 1;
}

int block_blank(const article_block *b, int images) {
  art_run one;
  return runs_blank(runs_of(b->text, b->len, b->runs, &one), images);
}

int cell_blank(const art_cell *c, int images) {
  art_run one;
  return runs_blank(runs_of(c->text, c->len, c->runs, &one), images);
}

/* ---- markup ---------------------------------------------------------------- */

/* The length of the valid UTF-8 sequence at p (n bytes left), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n) {
  unsigned char c = p[0];
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF; /* the second byte's range */
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0)
      lo = 0xA0; /* overlong */
    else if (c == 0xED)
      hi = 0x9F; /* surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0)
      lo = 0x90;
    else if (c == 0xF4)
      hi = 0x8F; /* beyond U+10FFFF */
  } else
    return 0;
  if (n < len || p[1] < lo || p[1] > hi)
    return 0;
  for (size_t i = 2; i < len; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  return len;
}

void markup_escape(buf *out, const char *s, size_t len, int attr) {
  const unsigned char *p = (const unsigned char *)s;
  size_t start = 0, i = 0;
  while (i < len) {
    unsigned char c = p[i];
    const char *rep = NULL;
    size_t n = 1;
    if (c == '&')
      rep = "&amp;";
    else if (c == '<')
      rep = "&lt;";
    else if (c == '>')
      rep = "&gt;";
    else if (c == '"' && attr)
      rep = "&quot;";
    else if (c == '\t' || c == '\n' || c == '\r')
      rep = attr ? (c == '\t' ? "&#9;" : c == '\n' ? "&#10;" : "&#13;") : NULL;
    else if (c < 0x20)
      rep = ""; /* not allowed in XML 1.0 */
    else if (c >= 0x80) {
      n = utf8_seq(p + i, len - i);
      if (!n) {
        rep = "\xEF\xBF\xBD";
        n = 1;
      } else if (n == 3 && c == 0xEF && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
        rep = ""; /* U+FFFE, U+FFFF */
    }
    if (rep) {
      buf_append(out, s + start, i - start);
      buf_puts(out, rep);
      start = i + n;
    }
    i += n;
  }
  buf_append(out, s + start, len - start);
}

void markup_escape_str(buf *out, const char *s, int attr) {
  if (s)
    markup_escape(out, s, strlen(s), attr);
}

/* Closes and opens style elements to go from the styles open to want,
 * keeping them nested: the elements from the first one that differs on
 * are closed and reopened. Returns the styles now open. */
/* The style elements, in runs_style_order. */
static const char *const style_tags[5] = {"strong", "em", "sub", "sup", "code"};

static unsigned restyle(buf *out, unsigned open, unsigned want) {
  int k = 0;
  while (k < 5 && (open & runs_style_order[k]) == (want & runs_style_order[k]))
    k++;
  if (k == 5)
    return open;
  for (int i = 4; i >= k; i--)
    if (open & runs_style_order[i]) {
      buf_puts(out, "</");
      buf_puts(out, style_tags[i]);
      buf_putc(out, '>');
    }
  for (int i = k; i < 5; i++)
    if (want & runs_style_order[i]) {
      buf_putc(out, '<');
      buf_puts(out, style_tags[i]);
      buf_putc(out, '>');
    }
  return want;
}

void markup_runs(markup_walker *mw, const char *text, size_t len, const art_run *runs) {
  buf *out = mw->out;
  const markup_names *m = mw->names;
  const render_opts *o = mw->w.o;
  unsigned mask = runs_style_mask(o);
  art_run one;
  const art_run *r = runs_of(text, len, runs, &one);
  while (r) {
    /* One group: a link's runs, or the runs up to the next link. */
    int link = o->links && r->href;
    const art_run *end = r->next;
    if (link)
      end = runs_link_end(r);
    else
      while (end && !(o->links && end->href))
        end = end->next;
    if (link) {
      buf_putc(out, '<');
      buf_puts(out, m->link);
      buf_puts(out, " href=\"");
      markup_escape_str(out, r->href, 1);
      buf_puts(out, "\">");
    }
    unsigned open = 0;
    for (; r != end; r = r->next) {
      if (r->kind == RUN_TEXT) {
        open = restyle(out, open, r->style & mask);
        if (r->text)
          markup_escape(out, r->text, r->len, 0);
      } else if (r->kind == RUN_BREAK) {
        buf_puts(out, m->br);
      } else if (r->kind == RUN_IMAGE && o->images && r->src) {
        buf_putc(out, '<');
        buf_puts(out, m->image);
        buf_puts(out, " src=\"");
        markup_escape_str(out, r->src, 1);
        buf_puts(out, "\" alt=\"");
        markup_escape_str(out, r->alt, 1);
        buf_putc(out, '"');
        buf_puts(out, m->image_end);
      }
    }
    restyle(out, open, 0);
    if (link) {
      buf_puts(out, "</");
      buf_puts(out, m->link);
      buf_putc(out, '>');
    }
  }
}

static buf *out_of(walker *w) {
  return ((markup_walker *)w)->out;
}

static const markup_names *names_of(walker *w) {
  return ((markup_walker *)w)->names;
}

void markup_item_begin(walker *w) {
  buf_puts(out_of(w), names_of(w)->item_begin);
}

void markup_item_end(walker *w) {
  buf_puts(out_of(w), names_of(w)->item_end);
}

void markup_quote_begin(walker *w) {
  buf_puts(out_of(w), names_of(w)->quote_begin);
}

void markup_quote_end(walker *w) {
  buf_puts(out_of(w), names_of(w)->quote_end);
}

void markup_separator(walker *w) {
  buf_puts(out_of(w), names_of(w)->separator);
}

void markup_span_attrs(buf *out, int colspan, int rowspan) {
  if (colspan > 1)
    buf_printf(out, " colspan=\"%d\"", colspan);
  if (rowspan > 1)
    buf_printf(out, " rowspan=\"%d\"", rowspan);
}

/* ---- figures ---------------------------------------------------------------- */

void figure_caption_text(const article_image *img, buf *out) {
  int caption = img->caption && *img->caption, credit = img->credit && *img->credit;
  if (caption)
    buf_puts(out, img->caption);
  if (caption && credit)
    buf_puts(out, " (");
  if (credit)
    buf_puts(out, img->credit);
  if (caption && credit)
    buf_putc(out, ')');
}
