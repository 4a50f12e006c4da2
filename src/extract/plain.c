/* Step 3, the root of a plain page: an <h1> and a few paragraphs, often
 * straight in the <body> beside a menu and a footer, with no <main> or
 * <article> and no class names — what a person writes by hand or a
 * minimal template makes. Two rules keep such a page whole. A page too
 * light for a root (less than a sentence or two of prose) still has one
 * when its headline has prose right below it: a note of a few short
 * sentences. And a root that is one of its parent's paragraphs grows to
 * the parent when what else the parent holds is its siblings' prose or is
 * dropped anyway (menus, link lists, a footer, short lines at the edges
 * that the emit step trims). A page too light for a root, without a
 * headline, is still its one passage of prose when that passage is all
 * the prose it has and most of its text: "<p>Hello, world. This is my
 * first page.</p>". A page whose only text is chrome ("Page not found", a
 * cookie notice) has no prose, one whose menus and footer outweigh a
 * sentence in its text is no page of one passage, and a <noscript>'s
 * sentence ("You need to enable JavaScript to run this app.") is what a
 * script's page says without its scripts, not the page; nor is a line cut
 * short ("You will be connected to the site in a moment...": a page
 * between pages, or an excerpt), nor a short line that says what a
 * template says ("Please log in to continue reading.", "Subscribe to read
 * on.": a wall's, from which the reader expects no text). */
#include "extract/internal.h"

const text_block *headline_lines_block(const headline_lines *w, size_t pos) {
  return &w->x->blocks[w->kept ? w->kept[pos] : pos];
}

size_t past_headline_lines(const headline_lines *w, size_t from, int step) {
  size_t pos = from;
  for (size_t k = 0;; k++, pos += (size_t)(ptrdiff_t)step) {
    if (pos >= w->n) /* past either end: a backward step wraps round */
      return NO_BLOCK;
    if (!w->is_line(headline_lines_block(w, pos), w->arg))
      return pos;
    if (k == HEADLINE_GAP)
      return NO_BLOCK;
  }
}

/* Between a headline and its text: up to HEADLINE_GAP short lines that
 * weigh nothing for it (internal.h). */
static int is_line_under_headline(const text_block *b, const void *arg) {
  (void)arg;
  return b->kind != BLOCK_HEADING && b->chars < LONG_BLOCK_CHARS && b->weight <= 0;
}

static int is_headline(const text_block *b) {
  return b->kind == BLOCK_HEADING && b->level == 1 && !b->neg && !b->hidden && b->container;
}

/* The first <h1> followed by prose (a paragraph or quote that weighs
 * for its container), with at most HEADLINE_GAP short lines between: the
 * block of that prose (*h: the headline's), or NULL. An <h1> without
 * prose under it (a logo's) is passed over. */
static const text_block *headline_and_prose(const extraction *x, const text_block **h) {
  const headline_lines w = {x, NULL, x->nblocks, is_line_under_headline, NULL};
  for (size_t i = 0; i < x->nblocks; i++) {
    if (!is_headline(&x->blocks[i]))
      continue;
    size_t end = past_headline_lines(&w, i + 1, 1);
    const text_block *b = end == NO_BLOCK ? NULL : &x->blocks[end];
    if (b && b->container && b->weight > 0 &&
        (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_QUOTE)) {
      *h = &x->blocks[i];
      return b;
    }
  }
  return NULL;
}

dom_node *headed_note(const extraction *x, dom_node *best) {
  const text_block *h = NULL, *lead = headline_and_prose(x, &h);
  if (!lead)
    return NULL;
  return (dom_node *)around(around(best, h->container), lead->container);
}

dom_node *sole_passage(const extraction *x, dom_node *best) {
  const dom_node *page = x->elements[0];
  if (2 * best->chars <= page->chars)
    return NULL;
  for (const dom_node *n = best; n && n->tag != TAG_TEXT; n = n->parent)
    if (n->tag == TAG_NOSCRIPT)
      return NULL;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    const char *text = x->text.data + b->off;
    if (b->weight > 0 && (!holds(best, b->container) || ends_cut_short(text, b->len) ||
                          (b->chars < LONG_BLOCK_CHARS && says_template(text, b->len))))
      return NULL;
  }
  return best;
}

size_t headline_before_run(const extraction *x, const size_t *kept, size_t from) {
  const headline_lines w = {x, kept, from, is_line_under_headline, NULL};
  size_t end = past_headline_lines(&w, from - 1, -1);
  return end != NO_BLOCK && is_headline(headline_lines_block(&w, end)) ? end : from;
}

/* What a plain page's body is made of besides paragraphs: headings,
 * quotes, lists, tables, code, figures — not a box of its own (a <div>,
 * a <section>: a sidebar, another article). */
static int is_plain_part(const dom_node *n) {
  switch (n->tag) {
  case TAG_P:
  case TAG_BLOCKQUOTE:
  case TAG_UL:
  case TAG_OL:
  case TAG_DL:
  case TAG_TABLE:
  case TAG_PRE:
  case TAG_FIGURE:
    return 1;
  default:
    return tag_is_heading((tag_id)n->tag);
  }
}

int in_plain_part(const dom_node *p, const dom_node *n) {
  if (n == p)
    return 1;
  if (!holds(p, n))
    return 0; /* not below p: no walk up to the root (deep pages) */
  while (n->parent && n->parent != p)
    n = n->parent;
  return n->parent == p && is_plain_part(n);
}

dom_node *among_its_paragraphs(const extraction *x, dom_node *root, size_t lo, size_t hi) {
  dom_node *p = root->parent;
  if (!p || p->tag == TAG_TEXT || p->order >= root->order ||
      (p->flags & (NF_NEG | NF_INNEG | NF_JUNK)))
    return root;
  size_t plo = lo, phi = hi; /* the blocks below p */
  blocks_below(x, p, &plo, &phi);
  /* What the parent adds: its own paragraphs and headings only, between
   * the first and the last paragraph nothing that weighs against (the
   * edges are trimmed when the article is emitted, all but its headline:
   * headline_before_run). */
  size_t first = lo, last = hi - 1;
  int added = 0;
  for (size_t i = plo; i < phi; i++) {
    const text_block *b = &x->blocks[i];
    if ((i >= lo && i < hi) || b->weight <= 0 || !keep_block(x, b, p, 0))
      continue;
    if (!in_plain_part(p, b->container)) {
      if (b->kind == BLOCK_HEADING)
        continue; /* a box's title: what it heads decides */
      return root;
    }
    added = 1;
    if (b->kind == BLOCK_HEADING)
      continue;
    first = i < first ? i : first;
    last = i > last ? i : last;
  }
  if (!added)
    return root;
  for (size_t i = first; i <= last; i++)
    if (x->blocks[i].weight < 0 && keep_block(x, &x->blocks[i], p, 0))
      return root;
  return p;
}
