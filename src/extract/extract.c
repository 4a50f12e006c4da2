/* Main-content extraction.
 *
 * 1. measure: one pass over the DOM marks what can never be content (scripts,
 *    hidden elements, form controls), classifies elements by class/id/role
 *    words, and sums visible characters and link characters per element.
 * 2. blocks: a walk in document order cuts the visible text into blocks
 *    (paragraphs, headings, list items, table rows, ...), each remembering
 *    the element that holds it and any boilerplate element around it.
 * 3. root: every block gets a weight — positive for prose, negative for link
 *    lists, short fragments and boilerplate — and every element the sum of
 *    the weights below it. The element with the largest sum is the root of
 *    the main content: it takes in an article split over several sibling
 *    containers, and stops before the menus and lists around it. Readers'
 *    comments and lists of other pages that no name gives away are found
 *    by their build, beside the headline's own prose, and set aside.
 * 4. emit: the blocks under the root, less boilerplate inside it, link
 *    lists and repeats, become the article.
 */
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/classify.h"
#include "meta/credit.h"
#include "meta/lang.h"
#include "util/buf.h"
#include "util/deadline.h"
#include "util/url.h"

enum {
  NF_JUNK = 1 << 0,      /* never content */
  NF_NEG = 1 << 1,       /* boilerplate by its name or tag */
  NF_META = 1 << 2,      /* byline, date: not body text, not a penalty either */
  NF_POS = 1 << 3,       /* named like content */
  NF_BODY = 1 << 4,      /* named as the article body itself */
  NF_HASBLOCK = 1 << 5,  /* has block-level elements below */
  NF_HASMAIN = 1 << 6,   /* holds <main>, an <h1> or a named article body */
  NF_HIDDEN = 1 << 7,    /* hidden by attribute or style (and so NF_JUNK, mostly) */
  NF_INNEG = 1 << 8,     /* below an NF_NEG element */
  NF_WEAKNEG = 1 << 9,   /* NF_NEG only for a weak word ("sidebar", "footer") */
  NF_TEASER = 1 << 10,   /* a small record headed by a link: a teaser of another page */
  NF_COMMENTS = 1 << 11, /* named as comments */
  NF_OVERLAY = 1 << 12,  /* a modal or popup: boilerplate whatever it holds */
  NF_RECORD = 1 << 13,   /* a listing's record: its boilerplate name is the records' */
};

typedef struct {
  dom_node *container; /* the block element holding the text */
  dom_node *boiler;    /* innermost boilerplate element around it, or NULL */
  dom_node *neg;       /* innermost NF_NEG element around it, or NULL */
  dom_node *hidden;    /* innermost hidden element around it, or NULL */
  uint32_t off, len;   /* the text, in ex.text */
  uint32_t chars, link_chars;
  uint32_t anchor_chars; /* text of links to places on the page ("#section") */
  uint8_t kind, level;
  uint8_t teaser; /* inside an NF_TEASER record */
  float weight;
  uint32_t mark_first, mark_count; /* its inline marks, in ex.marks */
  uint16_t words, stopwords;       /* its words, and how many are function words */
  uint8_t bare;  /* few function words and no punctuation: a run of names, not prose */
  uint8_t reply; /* in a reply that no name marks (mark_unnamed_replies) */
} tblock;

/* Where the inline structure of the text changes: an inline element opens
 * or closes, an image sits, a table cell starts or ends. The text itself
 * stays plain; renderers that want links and emphasis read the marks. */
typedef enum { MARK_OPEN, MARK_CLOSE, MARK_IMAGE, MARK_CELL_START, MARK_CELL_END } mark_kind;

typedef struct {
  uint32_t off; /* in ex.text */
  uint8_t kind;
  dom_node *node;
} imark;

/* An image or a rule outside any text: the article's figures and
 * separators, placed before the text at off. */
typedef struct {
  uint32_t off;
  dom_node *node; /* the <img> or <hr> */
  dom_node *boiler;
} tstandalone;

#define INLINE_STACK_MAX 16

typedef struct {
  arena *mem;
  buf text;
  tblock *blocks;
  size_t nblocks, cap;
  dom_node **elements; /* elements in pre-order, by dom_node.order */
  uint32_t nelements;
  int names_ignored; /* class/id boilerplate words set aside (forum pages) */
  dom_node **hidden; /* hidden elements, in pre-order */
  uint32_t nhidden;
  int oom;
  classify_cache cls_cache; /* class strings already classified on this page */
  int stopwords_known;      /* the page's language has a function-word list */
  imark *marks;
  size_t nmarks, marks_cap;
  tstandalone *alone;
  size_t nalone, alone_cap;

  /* The walk's state. */
  dom_node *container, *boiler, *neg, *hidden_el;
  int in_link, in_anchor, in_pre, in_quote, list_depth;
  uint32_t cur_start, cur_chars, cur_link_chars, cur_anchor_chars;
  int pending_space, pending_break;
  size_t mark_start;                       /* the current block's first mark */
  dom_node *inline_open[INLINE_STACK_MAX]; /* inline elements open around the text */
  int inline_depth;
  deadline *dl; /* the page's time budget: the walks stop when it is spent */
} ex;

/* Whether n is outer or below it (elements are numbered in document
 * order, and order_end is the last number below). */
static int holds(const dom_node *outer, const dom_node *n) {
  return n && n->order >= outer->order && n->order <= outer->order_end;
}

/* ---- 1. measure ---------------------------------------------------------- */

static uint32_t count_chars(const char *s, uint32_t len) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c <= ' ' || (c & 0xC0) == 0x80)
      continue;
    /* U+00A0 (C2 A0) counts as space. */
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
      i++;
      continue;
    }
    n++;
  }
  return n;
}

/* A link to another page. Anchors ("#section": headings that link to
 * themselves, footnotes) and script toggles ("#", "javascript:", an FAQ's
 * question) stay on the page and do not make text link text. */
static int links_away(const dom_node *a) {
  const char *href = dom_attr_get(a, "href");
  return href && href[0] != '#' && strncmp(href, "javascript:", 11) != 0;
}

/* A panel that a reader opens with a click (an accordion's answer, a tab)
 * is hidden only until then: it is part of the page's content. It says
 * which control labels it, or is a tab panel, or follows the control that
 * opens it: an element (or a button in it: "<h3><button>") that says it
 * expands or controls something, or a button around a heading. A
 * tooltip's trigger is neither. */
#ifndef REVEAL_PANELS
#define REVEAL_PANELS 1
#endif
static int is_toggle(const dom_node *n) {
  return n->tag != TAG_TEXT &&
         (dom_attr_get(n, "aria-expanded") != NULL || dom_attr_get(n, "aria-controls") != NULL);
}

/* A button around a heading ("<button><h5>What does it cost?</h5>"): an
 * accordion's question, the title of the panel it opens, not a control.
 * Looked for three levels down: a button is small. */
static int holds_heading(const dom_node *n, int depth) {
  for (const dom_node *c = n->first; c; c = c->next)
    if (c->tag != TAG_TEXT &&
        (tag_is_heading((tag_id)c->tag) || (depth < 3 && holds_heading(c, depth + 1))))
      return 1;
  return 0;
}

static int follows_toggle(const dom_node *n) {
  const dom_node *prev = n->prev;
  while (prev && prev->tag == TAG_TEXT)
    prev = prev->prev;
  if (!prev)
    return 0;
  if (is_toggle(prev))
    return 1;
  if (prev->tag == TAG_BUTTON && holds_heading(prev, 0))
    return 1;
  for (const dom_node *c = prev->first; c; c = c->next)
    if (is_toggle(c))
      return 1;
  return 0;
}

static int is_collapsed_panel(const dom_node *n) {
  const char *role = dom_attr_get(n, "role");
  if (role && (!strcmp(role, "tabpanel") || !strcmp(role, "region")))
    return 1;
  return dom_attr_get(n, "aria-labelledby") != NULL || follows_toggle(n);
}

/* A link to a section of the page itself: a table of contents' entry. */
static int is_anchor(const dom_node *a) {
  const char *href = dom_attr_get(a, "href");
  return href && href[0] == '#' && href[1];
}

static void measure(ex *x, dom_node *n) {
  if (deadline_over(x->dl))
    return; /* the page fails: what is left unmeasured does not matter */
  if (n->tag == TAG_TEXT) {
    n->chars = (n->kind & DOM_RAWTEXT) ? 0 : count_chars(n->text, n->text_len);
    return;
  }
  tag_id tag = (tag_id)n->tag;
  n->order = x->nelements;
  x->elements[x->nelements++] = n;
  if (tag_flags(tag) == T_SKIP)
    n->flags |= NF_JUNK;
  else if ((n->kind & DOM_HIDDEN) && !(REVEAL_PANELS && is_collapsed_panel(n)))
    n->flags |= NF_HIDDEN;
  unsigned cls = (n->cls || n->id || n->attrs) ? classify_element_cached(n, &x->cls_cache) : 0;
  if ((cls & CLS_HIDDEN) && !(n->flags & NF_JUNK) && !(REVEAL_PANELS && is_collapsed_panel(n)))
    n->flags |= NF_HIDDEN; /* pages also hide their content until a script runs */
  if (cls & (CLS_STRONG_NEG | CLS_WEAK_NEG))
    n->flags |= NF_NEG;
  if ((cls & (CLS_STRONG_NEG | CLS_WEAK_NEG)) == CLS_WEAK_NEG)
    n->flags |= NF_WEAKNEG;
  if (cls & CLS_META)
    n->flags |= NF_META;
  if (cls & CLS_POSITIVE)
    n->flags |= NF_POS;
  if (cls & CLS_BODY)
    n->flags |= NF_BODY;
  if (cls & CLS_COMMENTS)
    n->flags |= NF_COMMENTS;
  if (cls & CLS_OVERLAY)
    n->flags |= NF_OVERLAY;
  /* Boilerplate by tag. (Weak while libxml2 built the tree: it closed these
   * late on broken markup; the standard's tree closes them where browsers
   * do.) */
  if (tag == TAG_NAV || tag == TAG_ASIDE || tag == TAG_FOOTER)
    n->flags |= NF_NEG;
  /* A button's words are a control's (unless it holds a heading: an
   * accordion's question), but a button left open by broken
   * markup swallows the page (in the standard's tree too: only a button or
   * its end tag closes it): weak, so that clear_layout_names lifts it. */
  if (tag == TAG_BUTTON && !holds_heading(n, 0))
    n->flags |= NF_NEG | NF_WEAKNEG;
  if (tag == TAG_BODY || tag == TAG_HTML || tag == TAG_MAIN || tag == TAG_ARTICLE)
    n->flags &= ~(uint32_t)(NF_NEG | NF_META);
  if (n->flags & NF_JUNK) {
    n->order_end = n->order;
    return;
  }
  if (n->flags & NF_HIDDEN) {
    /* Measured like the rest, in case it turns out to be the content;
     * a popover or a modal never is. */
    if (!(n->flags & NF_OVERLAY) && !dom_attr_get(n, "popover"))
      x->hidden[x->nhidden++] = n;
    n->flags |= NF_JUNK;
  }
  for (dom_node *c = n->first; c; c = c->next) {
    measure(x, c);
    if (c->tag == TAG_TEXT || !(c->flags & NF_JUNK)) {
      n->chars += c->chars;
      n->link_chars += c->link_chars;
      if (c->tag != TAG_TEXT && ((c->flags & NF_HASBLOCK) || tag_flags((tag_id)c->tag) == T_BLOCK))
        n->flags |= NF_HASBLOCK;
      if (c->tag != TAG_TEXT && (c->flags & NF_HASMAIN))
        n->flags |= NF_HASMAIN;
    }
  }
  if (tag == TAG_MAIN || tag == TAG_H1 || (n->flags & NF_BODY))
    n->flags |= NF_HASMAIN;
  /* A "boilerplate" name on an element that holds the article itself is a
   * wrapper's name (a "paywall" or "has-sidebar" layout), not boilerplate. */
  if (n->flags & NF_HASMAIN)
    n->flags &= ~(uint32_t)NF_NEG;
  if (tag == TAG_A && links_away(n))
    n->link_chars = n->chars;
  n->order_end = x->nelements - 1;
}

/* A weak boilerplate word on an element that holds most of the page's text
 * names a layout ("beside-sidebar", "has-footer"), not boilerplate; so does
 * a name with a content word beside the boilerplate one
 * ("post-and-ads-container"). */
static void clear_layout_names(ex *x, const dom_node *top) {
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *n = x->elements[i];
    if ((n->flags & (NF_WEAKNEG | NF_POS)) && !(n->flags & NF_OVERLAY) &&
        n->chars * 2 >= top->chars)
      n->flags &= ~(uint32_t)NF_NEG;
    /* A modal is boilerplate even with a headline in it (terms of service),
     * unless broken markup left the whole page inside it. */
    if ((n->flags & NF_OVERLAY) && n->chars * 3 < top->chars * 2)
      n->flags |= NF_NEG;
    /* Bylines and datelines are a line or two; a "meta" element holding
     * paragraphs is a wrapper ("meta_field", "post-meta-wrapper"). */
    if ((n->flags & NF_META) && n->chars > 400)
      n->flags &= ~(uint32_t)NF_META;
  }
}

/* ---- 2. blocks ----------------------------------------------------------- */

static block_kind kind_of(const ex *x, int *level) {
  *level = 0;
  tag_id t = x->container ? (tag_id)x->container->tag : TAG_DIV;
  if (tag_is_heading(t)) {
    *level = t - TAG_H1 + 1;
    return BLOCK_HEADING;
  }
  if (x->in_pre)
    return BLOCK_CODE;
  if (x->in_quote)
    return BLOCK_QUOTE;
  switch (t) {
  case TAG_LI:
    *level = x->list_depth;
    return BLOCK_LIST_ITEM;
  case TAG_TR:
    return BLOCK_TABLE_ROW;
  case TAG_FIGCAPTION:
  case TAG_CAPTION:
    return BLOCK_CAPTION;
  default:
    return BLOCK_PARAGRAPH;
  }
}

static int grow(void **items, size_t *cap, size_t n, size_t size) {
  if (n < *cap)
    return 0;
  size_t ncap = *cap ? *cap * 2 : 256;
  void *p = realloc(*items, ncap * size);
  if (!p)
    return -1;
  *items = p;
  *cap = ncap;
  return 0;
}

static void add_mark(ex *x, mark_kind kind, dom_node *n) {
  if (grow((void **)&x->marks, &x->marks_cap, x->nmarks, sizeof *x->marks)) {
    x->oom = 1;
    return;
  }
  x->marks[x->nmarks++] = (imark){(uint32_t)x->text.len, (uint8_t)kind, n};
}

static void add_standalone(ex *x, dom_node *n) {
  if (grow((void **)&x->alone, &x->alone_cap, x->nalone, sizeof *x->alone)) {
    x->oom = 1;
    return;
  }
  x->alone[x->nalone++] = (tstandalone){(uint32_t)x->text.len, n, x->boiler};
}

/* The block's first character is coming: inline elements opened and closed
 * before it held nothing; the ones still open (a link around several
 * blocks, too) open again here. */
static void begin_marks(ex *x) {
  size_t k = x->mark_start;
  for (size_t i = x->mark_start; i < x->nmarks; i++)
    if (x->marks[i].kind != MARK_OPEN && x->marks[i].kind != MARK_CLOSE)
      x->marks[k++] = x->marks[i];
  x->nmarks = k;
  for (int i = 0; i < x->inline_depth && i < INLINE_STACK_MAX; i++)
    add_mark(x, MARK_OPEN, x->inline_open[i]);
}

static void flush(ex *x) {
  if (x->cur_chars == 0) {
    /* No text: its images stand alone. */
    for (size_t i = x->mark_start; i < x->nmarks; i++)
      if (x->marks[i].kind == MARK_IMAGE) {
        x->text.len = x->cur_start;
        add_standalone(x, x->marks[i].node);
      }
    x->nmarks = x->mark_start;
  }
  if (x->cur_chars > 0 && !x->text.oom) {
    if (grow((void **)&x->blocks, &x->cap, x->nblocks, sizeof *x->blocks)) {
      x->oom = 1;
      return;
    }
    tblock *b = &x->blocks[x->nblocks++];
    memset(b, 0, sizeof *b);
    int level;
    b->kind = (uint8_t)kind_of(x, &level);
    b->level = (uint8_t)level;
    b->container = x->container;
    b->boiler = x->boiler;
    b->neg = x->neg;
    b->hidden = x->hidden_el;
    b->off = x->cur_start;
    b->len = (uint32_t)x->text.len - x->cur_start;
    b->chars = x->cur_chars;
    b->link_chars = x->cur_link_chars;
    b->anchor_chars = x->cur_anchor_chars;
    b->mark_first = (uint32_t)x->mark_start;
    b->mark_count = (uint32_t)(x->nmarks - x->mark_start);
  } else {
    x->text.len = x->cur_start; /* drop a block of spaces */
  }
  x->cur_start = (uint32_t)x->text.len;
  x->mark_start = x->nmarks;
  x->cur_chars = x->cur_link_chars = x->cur_anchor_chars = 0;
  x->pending_space = x->pending_break = 0;
}

static int is_space(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static int ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

static void add_text(ex *x, const char *s, uint32_t len) {
  uint32_t chars = 0;
  if (x->in_pre) {
    if ((uint32_t)x->text.len == x->cur_start && len)
      begin_marks(x);
    buf_append(&x->text, s, len);
    chars = count_chars(s, len);
  } else {
    uint32_t i = 0;
    /* Labels in elements of their own, set apart by the page's style
     * ("<span>Eddyline</span><span>Sandpiper 130 Kayak</span>", a menu's
     * "Pricing" and "Contact"): a word that ends in a small letter and the
     * next text node starting with a capital read as two words, not as
     * "EddylineSandpiper". Adjacent text nodes always have an element
     * boundary between them. */
    if (len && x->text.len > x->cur_start && !x->pending_space && !x->pending_break &&
        ascii_lower(x->text.data[x->text.len - 1]) && s[0] >= 'A' && s[0] <= 'Z')
      x->pending_space = 1;
    while (i < len) {
      unsigned char c = (unsigned char)s[i];
      if (is_space(c) || (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)) {
        x->pending_space = 1;
        i += is_space(c) ? 1 : 2;
        continue;
      }
      if ((uint32_t)x->text.len > x->cur_start) {
        if (x->pending_break)
          buf_putc(&x->text, '\n');
        else if (x->pending_space)
          buf_putc(&x->text, ' ');
      } else {
        begin_marks(x);
      }
      x->pending_space = x->pending_break = 0;
      /* Copy the run up to the next space in one go. */
      uint32_t j = i;
      while (j < len && !is_space((unsigned char)s[j]) &&
             !((unsigned char)s[j] == 0xC2 && j + 1 < len && (unsigned char)s[j + 1] == 0xA0)) {
        if (((unsigned char)s[j] & 0xC0) != 0x80)
          chars++;
        j++;
      }
      buf_append(&x->text, s + i, j - i);
      i = j;
    }
  }
  x->cur_chars += chars;
  if (x->in_link)
    x->cur_link_chars += chars;
  if (x->in_anchor)
    x->cur_anchor_chars += chars;
}

/* Elements whose text renderers may show as emphasis, code and the like. */
static int is_inline_style(tag_id t) {
  switch (t) {
  case TAG_EM:
  case TAG_I:
  case TAG_STRONG:
  case TAG_B:
  case TAG_CODE:
  case TAG_KBD:
  case TAG_SAMP:
  case TAG_TT:
  case TAG_SUB:
  case TAG_SUP:
    return 1;
  default:
    return 0;
  }
}

static void walk(ex *x, dom_node *n, int row_cell);

static void walk_children(ex *x, dom_node *n) {
  for (dom_node *c = n->first; c; c = c->next)
    walk(x, c, 0);
}

/* A table row whose cells hold only inline content becomes one block, its
 * cells separated by " | ". Rows of layout tables (cells with paragraphs
 * inside) are walked like any other container. */
static void walk_row(ex *x, dom_node *tr) {
  int cell = 0;
  for (dom_node *c = tr->first; c; c = c->next) {
    if (c->tag == TAG_TD || c->tag == TAG_TH) {
      if (c->flags & NF_JUNK || c->chars == 0) {
        add_mark(x, MARK_CELL_START, c); /* an empty cell still holds its column */
        add_mark(x, MARK_CELL_END, c);
        continue;
      }
      if (cell++ > 0 && x->cur_chars > 0) {
        buf_puts(&x->text, " | ");
        x->pending_space = 0;
      }
      add_mark(x, MARK_CELL_START, c);
      walk(x, c, 1);
      add_mark(x, MARK_CELL_END, c);
    } else {
      walk(x, c, 0);
    }
  }
}

static int cells_are_inline(const dom_node *tr) {
  for (const dom_node *c = tr->first; c; c = c->next)
    if (c->tag != TAG_TEXT && (c->flags & NF_HASBLOCK))
      return 0;
  return 1;
}

static void walk(ex *x, dom_node *n, int row_cell) {
  if (x->oom || deadline_over(x->dl))
    return;
  if (n->tag == TAG_TEXT) {
    if (!(n->kind & DOM_RAWTEXT))
      add_text(x, n->text, n->text_len);
    return;
  }
  tag_id tag = (tag_id)n->tag;
  /* Hidden containers are walked as blocks of their own, to be revealed or
   * dropped later; hidden inline bits ("sr-only" labels) are just dropped. */
  int hidden = (n->flags & NF_JUNK) && (n->flags & NF_HIDDEN);
  if ((n->flags & NF_JUNK) && !(hidden && (tag_flags(tag) == T_BLOCK || (n->flags & NF_HASBLOCK))))
    return;
  if (tag == TAG_IMG) {
    add_mark(x, MARK_IMAGE, n);
    return;
  }
  if (tag == TAG_HR) {
    flush(x);
    add_standalone(x, n);
    return;
  }
  if (tag == TAG_BR) {
    if (x->in_pre)
      buf_putc(&x->text, '\n');
    else if (x->cur_chars > 0)
      x->pending_break = 1;
    return;
  }
  int block = (tag_flags(tag) == T_BLOCK && !row_cell) || hidden;
  dom_node *saved_container = x->container, *saved_boiler = x->boiler, *saved_neg = x->neg,
           *saved_hidden = x->hidden_el;
  if (block) {
    flush(x);
    x->container = n;
  }
  if (n->flags & (NF_NEG | NF_META))
    x->boiler = n;
  if (n->flags & NF_NEG)
    x->neg = n;
  if (n->flags & NF_HIDDEN)
    x->hidden_el = n;
  int row = tag == TAG_TR && cells_are_inline(n);
  int away = tag == TAG_A && links_away(n);
  int anchor = tag == TAG_A && !away && is_anchor(n);
  int styled = !block && !x->in_pre && (away || is_inline_style(tag));
  if (styled) {
    add_mark(x, MARK_OPEN, n);
    if (x->inline_depth < INLINE_STACK_MAX)
      x->inline_open[x->inline_depth] = n;
    x->inline_depth++;
  }
  x->in_link += away;
  x->in_anchor += anchor;
  x->in_pre += tag == TAG_PRE;
  x->in_quote += tag == TAG_BLOCKQUOTE;
  x->list_depth += tag == TAG_UL || tag == TAG_OL;
  if (row)
    walk_row(x, n);
  else
    walk_children(x, n);
  if (styled) {
    add_mark(x, MARK_CLOSE, n);
    x->inline_depth--;
  }
  if (block)
    flush(x);
  x->in_link -= away;
  x->in_anchor -= anchor;
  x->in_pre -= tag == TAG_PRE;
  x->in_quote -= tag == TAG_BLOCKQUOTE;
  x->list_depth -= tag == TAG_UL || tag == TAG_OL;
  x->container = saved_container;
  x->boiler = saved_boiler;
  x->neg = saved_neg;
  x->hidden_el = saved_hidden;
}

static uint64_t hash_text(const char *s, size_t len) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
      c += 32;
    h = (h ^ c) * 1099511628211ULL;
  }
  return h ? h : 1;
}

/* Inserts h; returns 1 if it was there already. */
static int seen_before(uint64_t *set, size_t cap, uint64_t h) {
  size_t i = (size_t)h & (cap - 1);
  while (set[i]) {
    if (set[i] == h)
      return 1;
    i = (i + 1) & (cap - 1);
  }
  set[i] = h;
  return 0;
}

/* Pages that stream their content into hidden containers for a script to
 * reveal hold most of their text there: a hidden element whose prose is new
 * (not a copy of what the page shows, as schema.org mirrors are) and a large
 * share of the page's is shown after all. Hidden menus and pop-ups are small
 * or made of links, and stay hidden; so do the blocks of what stays hidden. */
#ifndef REVEAL_SHARE
#define REVEAL_SHARE 0.3f
#endif

/* Words as 64-bit hashes, case folded for ASCII; calls f for each. */
static void for_each_word(const char *s, uint32_t len, void (*f)(void *, uint64_t, uint32_t),
                          void *ctx) {
  uint32_t i = 0;
  while (i < len) {
    while (i < len && is_space((unsigned char)s[i]))
      i++;
    uint64_t h = 1469598103934665603ULL;
    uint32_t start = i;
    while (i < len && !is_space((unsigned char)s[i])) {
      unsigned char c = (unsigned char)s[i++];
      h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ULL;
    }
    if (i > start)
      f(ctx, h ? h : 1, i - start);
  }
}

typedef struct {
  uint64_t *set;
  size_t cap;
  float novel;
} word_set;

static void add_word(void *ctx, uint64_t h, uint32_t len) {
  word_set *w = ctx;
  (void)len;
  seen_before(w->set, w->cap, h);
}

static void count_novel(void *ctx, uint64_t h, uint32_t len) {
  word_set *w = ctx;
  size_t i = (size_t)h & (w->cap - 1);
  while (w->set[i] && w->set[i] != h)
    i = (i + 1) & (w->cap - 1);
  if (!w->set[i])
    w->novel += (float)len;
}

static int reveal_hidden_content(ex *x, dom_node *top) {
  float visible = (float)(top->chars - top->link_chars);
  int candidates = 0;
  for (uint32_t i = 0; i < x->nhidden; i++) {
    dom_node *h = x->hidden[i];
    float prose = (float)(h->chars - h->link_chars);
    h->score = 0; /* the new prose below it, for now */
    if (prose >= 400 && prose >= REVEAL_SHARE * visible)
      candidates = 1;
  }
  if (candidates) {
    /* New prose: words the visible page does not have (schema.org mirrors
     * and print copies repeat the article, under other block boundaries). */
    word_set w = {NULL, 16, 0};
    while (w.cap < x->text.len / 2 + 16)
      w.cap *= 2;
    if (!(w.set = calloc(w.cap, sizeof *w.set)))
      return -1;
    for (size_t i = 0; i < x->nblocks; i++)
      if (!x->blocks[i].hidden)
        for_each_word(x->text.data + x->blocks[i].off, x->blocks[i].len, add_word, &w);
    for (size_t i = 0; i < x->nblocks; i++) {
      tblock *b = &x->blocks[i];
      if (!b->hidden || b->link_chars * 2 >= b->chars)
        continue;
      w.novel = 0;
      for_each_word(x->text.data + b->off, b->len, count_novel, &w);
      b->hidden->score += w.novel;
    }
    free(w.set);
  }
  for (uint32_t i = 0; i < x->nhidden; i++) {
    dom_node *h = x->hidden[i];
    if (h->score < 400 || h->score < REVEAL_SHARE * visible)
      continue;
    for (dom_node *p = h->parent; p && p->tag != TAG_TEXT; p = p->parent) {
      if (p->flags & NF_JUNK)
        break;
      p->chars += h->chars;
      p->link_chars += h->link_chars;
      p->flags |= NF_HASBLOCK;
    }
    h->flags &= ~(uint32_t)NF_JUNK;
  }
  /* Drop the blocks of whatever stays hidden. */
  size_t kept = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    tblock *b = &x->blocks[i];
    int hidden = 0;
    for (const dom_node *n = b->hidden; n && n != top && n->tag != TAG_TEXT; n = n->parent)
      if (n->flags & NF_JUNK) {
        hidden = 1;
        break;
      }
    if (!hidden)
      x->blocks[kept++] = *b;
  }
  x->nblocks = kept;
  return 0;
}

/* ---- 2b. function words ------------------------------------------------- */

/* Prose is full of function words ("the", "of", "und", "что"); menus, specs
 * and lists of names have few. The page's language (declared, else
 * detected) gives the list. */
enum { STOPSET_SLOTS = 256 };
typedef struct {
  uint64_t slot[STOPSET_SLOTS]; /* word hashes; 0 is free */
} stopset;

/* A word's hash: its bytes, ASCII lower-cased. */
static uint64_t word_hash(const char *s, size_t len) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 1099511628211ULL;
  }
  return h ? h : 1;
}

static void stopset_add(stopset *set, uint64_t h) {
  size_t i = h & (STOPSET_SLOTS - 1);
  while (set->slot[i] && set->slot[i] != h)
    i = (i + 1) & (STOPSET_SLOTS - 1);
  set->slot[i] = h;
}

static int stopset_has(const stopset *set, uint64_t h) {
  for (size_t i = h & (STOPSET_SLOTS - 1); set->slot[i]; i = (i + 1) & (STOPSET_SLOTS - 1))
    if (set->slot[i] == h)
      return 1;
  return 0;
}

static int is_word_edge(unsigned char c) {
  return c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

/* A block of at least STOP_MIN_WORDS words of which fewer than
 * STOP_MIN_SHARE are function words is a list of names or specs. */
#ifndef STOP_MIN_WORDS
#define STOP_MIN_WORDS 12
#endif
#ifndef STOP_MIN_SHARE
#define STOP_MIN_SHARE 0.08f
#endif

/* Sentence punctuation: a full stop, a comma, a colon (ASCII or CJK). */
static int has_sentence_end(const char *s, uint32_t len) {
  for (uint32_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':')
      return 1;
    /* CJK full stop and comma: E3 80 82 / E3 80 81, fullwidth FF0C/FF01/FF1F */
    if ((unsigned char)c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x82 || (unsigned char)s[i + 2] == 0x81))
      return 1;
  }
  return 0;
}

/* Counts the words of every block and the function words among them, and
 * marks the lists of names that have no punctuation either. */
static void count_stopwords(ex *x, dom_doc *doc) {
  const char *lang = NULL;
  char tag[16];
  const char *declared = doc->html ? dom_attr_get(doc->html, "lang") : NULL;
  if (declared && lang_normalize(declared, tag, sizeof tag)) {
    tag[strcspn(tag, "-")] = '\0';
    lang = tag;
  }
  const char *words = lang ? lang_stopwords(lang) : NULL;
  if (!words) {
    /* A few pages' worth of text tells the language. */
    size_t n = x->text.len < 16384 ? x->text.len : 16384;
    while (n > 0 && n < x->text.len && ((unsigned char)x->text.data[n] & 0xC0) == 0x80)
      n--;
    words = lang_stopwords(lang_detect(x->text.data, n, NULL));
  }
  if (!words)
    return;
  stopset set;
  memset(&set, 0, sizeof set);
  for (const char *w = words; *w;) {
    size_t n = strcspn(w, " ");
    stopset_add(&set, word_hash(w, n));
    w += n;
    while (*w == ' ')
      w++;
  }
  x->stopwords_known = 1;
  for (size_t b = 0; b < x->nblocks; b++) {
    tblock *tb = &x->blocks[b];
    const char *s = x->text.data + tb->off;
    uint32_t len = tb->len, i = 0, nwords = 0, nstop = 0;
    while (i < len) {
      while (i < len && is_word_edge((unsigned char)s[i]))
        i++;
      uint32_t start = i;
      while (i < len && !is_word_edge((unsigned char)s[i]))
        i++;
      if (i == start)
        continue;
      nwords++;
      nstop += stopset_has(&set, word_hash(s + start, i - start));
    }
    tb->words = (uint16_t)(nwords > 65535 ? 65535 : nwords);
    tb->stopwords = (uint16_t)(nstop > 65535 ? 65535 : nstop);
    if (nwords >= STOP_MIN_WORDS && (float)nstop < STOP_MIN_SHARE * (float)nwords)
      tb->bare = !has_sentence_end(s, len);
  }
}

/* ---- 3. root ------------------------------------------------------------- */

/* A forum thread: at least this much prose under "comment"/"post" names,
 * and little outside them. */
#ifndef NAMED_PROSE_MIN
#define NAMED_PROSE_MIN 400.0f
#endif
/* A block of at least STOP_MIN_WORDS words of which fewer than
 * STOP_MIN_SHARE are function words weighs STOP_PENALTY of a paragraph. */
#ifndef STOP_PENALTY
#define STOP_PENALTY 0.5f
#endif
#ifndef FREE_PROSE_MAX
#define FREE_PROSE_MAX 200.0f
#endif

/* Boilerplate by its tag, or by what it is (a modal, a popup), not by a
 * name that a forum may give its posts too. */
static int is_structural(const dom_node *n) {
  return n->tag == TAG_NAV || n->tag == TAG_ASIDE || n->tag == TAG_FOOTER ||
         (n->flags & NF_OVERLAY);
}

/* "© 2024 ...", "Copyright 2024 ...": a site's footer line. */
static int is_copyright(const char *s, uint32_t len) {
  for (uint32_t i = 0; i + 1 < len; i++)
    if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9)
      return 1;
  return len >= 9 && (!strncmp(s, "Copyright", 9) || !strncmp(s, "copyright", 9));
}

static int contains_ci(const char *s, uint32_t len, const char *word) {
  size_t n = strlen(word);
  for (uint32_t i = 0; i + n <= len; i++)
    if ((s[i] | 0x20) == word[0] && !strncasecmp(s + i, word, n))
      return 1;
  return 0;
}

static int ascii_letter(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Whether s holds word at a word's start (case folded), and with
 * whole_word at its end too: "comment" starts "Comments"; the whole word
 * "mar" is in "Mar 3" but not in "Market". */
static int has_word_ci(const char *s, uint32_t len, const char *word, int whole_word) {
  size_t n = strlen(word);
  for (uint32_t i = 0; i + n <= len; i++)
    if ((s[i] | 0x20) == word[0] && !strncasecmp(s + i, word, n) &&
        (i == 0 || word[0] == ' ' || !ascii_letter(s[i - 1])) &&
        (!whole_word || i + n == len || !ascii_letter(s[i + n])))
      return 1;
  return 0;
}

/* "We use cookies ... privacy policy / consent / preferences": a consent
 * banner, whatever its markup. */
static int is_cookie_notice(const char *s, uint32_t len) {
  return contains_ci(s, len, "cookie") &&
         (contains_ci(s, len, "privacy") || contains_ci(s, len, "consent") ||
          contains_ci(s, len, "policy") || contains_ci(s, len, "preferences") ||
          contains_ci(s, len, "accept"));
}

/* A data table's rows are short but they are content: facts, specs. */
#ifndef ROW_WEIGHT
#define ROW_WEIGHT 0.5f
#endif

static float block_weight(const ex *x, const tblock *b) {
  float c = (float)b->chars;
  float ld = b->chars ? (float)b->link_chars / c : 0.0f;
  if (b->neg && !(x->names_ignored && !is_structural(b->neg)))
    return -0.5f * c;
  if (b->teaser)
    return -0.5f * c;
  if (b->kind == BLOCK_HEADING)
    return 0.5f;
  if (ld > 0.5f)
    return -0.3f * c - 2.0f;
  if (b->chars < 200 && is_copyright(x->text.data + b->off, b->len))
    return -c;
  if (b->chars < 800 && is_cookie_notice(x->text.data + b->off, b->len))
    return -c;
  if (b->kind == BLOCK_TABLE_ROW)
    return ROW_WEIGHT * c * (1.0f - ld);
  /* A long line with hardly a function word is a list of names or specs;
   * without a comma or a full stop either, it is no prose at all: the
   * cities a business serves, postcodes, a keyword cloud — a link list
   * without its links, which would outweigh a short article beside it. */
  float prose = 1.0f;
  if (x->stopwords_known && b->words >= STOP_MIN_WORDS &&
      (float)b->stopwords < STOP_MIN_SHARE * (float)b->words)
    prose = STOP_PENALTY;
  if (b->chars >= 80)
    return b->bare ? 0.0f : prose * c * (1.0f - ld);
  if (b->chars >= 30 && has_sentence_end(x->text.data + b->off, b->len))
    return 0.6f * c * (1.0f - ld);
  /* A short item of a list without links is a fact or a step (features,
   * "What you will learn"), not a template's furniture: menus are links.
   * It weighs nothing either way. */
  if (b->kind == BLOCK_LIST_ITEM && b->link_chars == 0)
    return 0.0f;
  return -2.0f;
}

/* Each level up keeps 90% of what lies below: a wrapper must add more than
 * a tenth to the content it wraps to be chosen over it. Without this, a few
 * teasers or tweets beside an article pull the root up to the whole page. */
#ifndef SUM_DECAY
#define SUM_DECAY 0.9f
#endif

/* Teasers — "related", "more stories", a stream of other articles — are
 * small records: a headline that links to another page, a line or two of
 * description. An article's own headings do not link away. */
#ifndef TEASER_EXTRA
#define TEASER_EXTRA 400
#endif

/* Text cut short with an ellipsis ("may soon...", "may soon…"). */
static int ends_cut_short(const char *s, uint32_t len) {
  while (len && (s[len - 1] == ' ' || s[len - 1] == ']' || s[len - 1] == ')'))
    len--;
  return len >= 3 && (!memcmp(s + len - 3, "...", 3) || !memcmp(s + len - 3, "\xE2\x80\xA6", 3));
}

/* A teaser in one block (a news ticker's item, a "latest" list): it opens
 * with a headline linking to another page, and the rest is an excerpt of
 * that page cut short. */
static int is_excerpt_teaser(const ex *x, const tblock *b) {
  if (b->kind == BLOCK_HEADING || !b->container || !b->container->parent ||
      b->chars - b->link_chars < 30 || !ends_cut_short(x->text.data + b->off, b->len))
    return 0;
  for (size_t m = b->mark_first; m < (size_t)b->mark_first + b->mark_count; m++) {
    const imark *k = &x->marks[m];
    if (k->off > b->off || k->kind != MARK_OPEN)
      return 0;
    if (k->node->tag == TAG_A)
      return links_away(k->node) && k->node->chars >= 20 && k->node->chars * 2 <= b->chars;
  }
  return 0;
}

static void mark_teasers(ex *x, const dom_node *top) {
  /* Excerpt teasers count when three or more share a parent: one such line
   * may be a quotation that trails off. The parents' scores count them
   * (choose_root clears every score before it sums). */
  for (size_t i = 0; i < x->nblocks; i++)
    if (is_excerpt_teaser(x, &x->blocks[i]))
      x->blocks[i].container->parent->score = 0;
  for (size_t i = 0; i < x->nblocks; i++)
    if (is_excerpt_teaser(x, &x->blocks[i]))
      x->blocks[i].container->parent->score += 1;
  for (size_t i = 0; i < x->nblocks; i++)
    if (is_excerpt_teaser(x, &x->blocks[i]) && x->blocks[i].container->parent->score >= 3)
      x->blocks[i].container->flags |= NF_TEASER;
  for (size_t i = 0; i < x->nblocks; i++) {
    tblock *b = &x->blocks[i];
    if (b->kind != BLOCK_HEADING || b->link_chars * 2 <= b->chars || b->chars < 20 || !b->container)
      continue;
    dom_node *record = b->container;
    while (record->parent && record->parent != top && record->parent->tag != TAG_TEXT &&
           record->parent->order < record->order &&
           record->parent->chars <= b->chars + TEASER_EXTRA)
      record = record->parent;
    /* A headline with a description; a lone headline link is just a link. */
    if (record->chars - record->link_chars >= 30)
      record->flags |= NF_TEASER;
  }
  float teaser_prose = 0, other_prose = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    tblock *b = &x->blocks[i];
    float w = block_weight(x, b);
    for (const dom_node *n = b->container; n && n != top && n->tag != TAG_TEXT; n = n->parent)
      if (n->flags & NF_TEASER) {
        b->teaser = 1;
        break;
      }
    if (b->teaser && w > 0)
      teaser_prose += w;
    else if (w > 0)
      other_prose += w;
  }
  /* A page that is mostly teasers is a list of articles: they are its content. */
  if (teaser_prose > 2 * other_prose)
    for (size_t i = 0; i < x->nblocks; i++)
      x->blocks[i].teaser = 0;
}

/* A page that says in its schema.org markup (JSON-LD or microdata) that it
 * is a discussion — a forum thread (DiscussionForumPosting) or a question
 * with its answers (QAPage) — has its replies for content, even beside an
 * opening post long enough to pass for an article with comments below. */
static int names_discussion(const char *s, uint32_t len) {
  return contains_ci(s, len, "discussionforumposting") || contains_ci(s, len, "qapage");
}

static int says_discussion(const dom_node *n) {
  if (!n->attrs)
    return 0;
  const char *itemtype = dom_attr_get(n, "itemtype");
  if (itemtype && names_discussion(itemtype, (uint32_t)strlen(itemtype)))
    return 1;
  const char *type = n->tag == TAG_SCRIPT ? dom_attr_get(n, "type") : NULL;
  if (type && strstr(type, "ld+json"))
    for (const dom_node *c = n->first; c; c = c->next)
      if (c->tag == TAG_TEXT && names_discussion(c->text, c->text_len))
        return 1;
  return 0;
}

/* The head (never measured: it is junk) walked without recursion, then the
 * measured elements, scripts among them. */
static int declares_discussion(const ex *x, const dom_doc *doc) {
  const dom_node *head = doc->head;
  for (const dom_node *n = head ? head->first : NULL; n;) {
    if (n->tag != TAG_TEXT && says_discussion(n))
      return 1;
    if (n->tag != TAG_TEXT && n->first) {
      n = n->first;
      continue;
    }
    while (n != head && !n->next)
      n = n->parent;
    n = n == head ? NULL : n->next;
  }
  for (uint32_t i = 0; i < x->nelements; i++)
    if (says_discussion(x->elements[i]))
      return 1;
  return 0;
}

/* Prose under a boilerplate name that a forum gives its posts too
 * ("comment", "post-reply"): a paragraph, not a list of links. */
static int is_named_prose(const tblock *b) {
  return !b->reply && b->neg && !is_structural(b->neg) && b->chars >= 80 &&
         b->link_chars * 3 < b->chars;
}

/* The nearest of n and its two parents that has a class. */
static const dom_node *class_holder(const dom_node *n) {
  for (int up = 0; n && n->tag != TAG_TEXT && up < 3; up++, n = n->parent)
    if (n->cls && *n->cls)
      return n;
  return NULL;
}

/* A thread's opening post and its replies come from one template: the
 * page's heaviest paragraph outside the boilerplate names and most of the
 * replies sit in elements that share a class word ("VBEditorContent",
 * "post-message"). An article and its comments are built apart
 * ("entry-content", "comment-content"), however short the article.
 * Returns the opening post's element when they are alike, else NULL. */
#ifndef REPLIES_SAMPLED
#define REPLIES_SAMPLED 64
#endif

static const dom_node *opening_post_alike(const ex *x) {
  const tblock *lead = NULL;
  for (size_t i = 0; i < x->nblocks; i++) {
    const tblock *b = &x->blocks[i];
    if (b->weight > 0 && b->container && (!lead || b->weight > lead->weight))
      lead = b;
  }
  const dom_node *post = lead ? class_holder(lead->container) : NULL;
  if (!post)
    return NULL;
  /* The first REPLIES_SAMPLED replies tell, whatever the thread's length. */
  int replies = 0, alike = 0;
  for (size_t i = 0; i < x->nblocks && replies < REPLIES_SAMPLED; i++) {
    const tblock *b = &x->blocks[i];
    if (!is_named_prose(b))
      continue;
    replies++;
    const dom_node *reply = class_holder(b->container);
    if (reply && reply != post && shares_class_word(post->cls, reply->cls))
      alike++;
  }
  return alike >= 2 && alike * 2 >= replies ? post : NULL;
}

/* The replies' container outweighs the opening post beside it: the root
 * grows to hold both when their common ancestor holds little else (a
 * tenth more: the thread's title, its tags). */
static dom_node *with_opening_post(dom_node *root, const dom_node *post) {
  if (holds(root, post))
    return root;
  dom_node *p = root->parent;
  while (p && p->tag != TAG_TEXT && !holds(p, post))
    p = p->parent;
  if (!p || p->tag == TAG_TEXT || (float)p->chars > 1.1f * (float)(root->chars + post->chars))
    return root;
  return p;
}

/* <main>, <article> and a named article body. */
static int is_main_container(const dom_node *n) {
  return n->tag == TAG_MAIN || n->tag == TAG_ARTICLE || (n->flags & NF_BODY);
}

#ifndef MIN_ROOT_SCORE
#define MIN_ROOT_SCORE 40.0f
#endif

static dom_node *choose_root(ex *x) {
  for (uint32_t i = 0; i < x->nelements; i++)
    x->elements[i]->score = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    tblock *b = &x->blocks[i];
    b->weight = block_weight(x, b);
    if (b->container)
      b->container->score += b->weight;
  }
  /* A page that names its article body is believed, within reason. */
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *n = x->elements[i];
    if ((n->flags & NF_BODY) && !(n->flags & NF_JUNK) && n->chars >= 200)
      n->score += 0.3f * (float)(n->chars - n->link_chars);
  }
  /* Children come after their parents in pre-order: sum from the end. */
  for (uint32_t i = x->nelements; i-- > 1;) {
    dom_node *n = x->elements[i];
    if (n->parent && n->parent->tag != TAG_TEXT && n->parent->order < n->order)
      n->parent->score += SUM_DECAY * n->score;
  }
  dom_node *best = NULL;
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *n = x->elements[i];
    if (n->flags & NF_JUNK)
      continue;
    if (!best || n->score >= best->score)
      best = n;
  }
  /* Less than a sentence or two of prose is no main content, unless the page
   * says it is its article. */
  if (!best || best->score <= 0)
    return NULL;
  if (best->score >= MIN_ROOT_SCORE)
    return best;
  for (const dom_node *n = best; n && n->tag != TAG_TEXT; n = n->parent)
    if (is_main_container(n))
      return best;
  return NULL;
}

/* A listing's link text counts for a fifth of its prose: a column of
 * headline links beside an article is not the page's content. */
#ifndef LISTING_WEAK_MAX
#define LISTING_WEAK_MAX 200
#endif
/* A listing of short records (cards: under LISTING_WIDEN_RECORD characters
 * each) widens up to LISTING_WIDEN_LEVELS parents, while a parent holds at
 * most LISTING_WIDEN_SHARE times its text: the page's other lists. */
#ifndef LISTING_WIDEN_LEVELS
#define LISTING_WIDEN_LEVELS 5
#endif
#ifndef LISTING_WIDEN_RECORD
#define LISTING_WIDEN_RECORD 150.0f
#endif
#ifndef LISTING_WIDEN_SHARE
#define LISTING_WIDEN_SHARE 3.0f
#endif
#ifndef LISTING_LINK_DISCOUNT
#define LISTING_LINK_DISCOUNT 0.8f
#endif

/* Whether an ancestor of n is junk: still hidden, say. */
static int inside_junk(const dom_node *n) {
  for (const dom_node *p = n->parent; p && p->tag != TAG_TEXT; p = p->parent)
    if (p->flags & NF_JUNK)
      return 1;
  return 0;
}

/* What the records of a list share: the tag and the first class word;
 * later words often number or place one record ("post-15859", "first"). */
static uint64_t record_signature(const dom_node *n) {
  uint64_t sig = (uint64_t)n->tag * 0x9E3779B97F4A7C15ULL;
  const char *k = n->cls;
  while (k && *k == ' ')
    k++;
  for (; k && *k && *k != ' '; k++)
    sig = (sig ^ (unsigned char)*k) * 1099511628211ULL;
  return sig;
}

/* Listings, shop categories and search results have no prose: their content
 * is a run of sibling records (cards) built alike, each a link and a few
 * short facts. The element whose like-built children hold the most text,
 * outside boilerplate, is their container. Menus are alike too, but their
 * records are a few characters of link text each. */
static dom_node *choose_listing(ex *x, float *weight, float *record_chars) {
  enum { MAX_GROUPS = 64 };
  struct group {
    uint64_t sig;
    uint32_t count, chars, link_chars, max_chars;
  } groups[MAX_GROUPS];
  dom_node *best = NULL;
  float best_w = 0;
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *p = x->elements[i];
    if (p->flags & (NF_JUNK | NF_NEG | NF_INNEG) || p->chars < 100)
      continue;
    int ng = 0;
    for (dom_node *c = p->first; c; c = c->next) {
      if (c->tag == TAG_TEXT || (c->flags & (NF_JUNK | NF_NEG)) || c->chars == 0)
        continue;
      /* Paragraphs are prose, not records; a card may be a link around
       * blocks. */
      if (c->tag == TAG_P || tag_is_heading((tag_id)c->tag) ||
          (tag_flags((tag_id)c->tag) != T_BLOCK && !(c->flags & NF_HASBLOCK)))
        continue;
      uint64_t sig = record_signature(c);
      int g = 0;
      while (g < ng && groups[g].sig != sig)
        g++;
      if (g == ng) {
        if (ng == MAX_GROUPS)
          continue;
        groups[ng].sig = sig;
        groups[ng].count = groups[ng].chars = groups[ng].link_chars = groups[ng].max_chars = 0;
        ng++;
      }
      groups[g].count++;
      groups[g].chars += c->chars;
      groups[g].link_chars += c->link_chars;
      if (c->chars > groups[g].max_chars)
        groups[g].max_chars = c->chars;
    }
    for (int g = 0; g < ng; g++) {
      struct group *gr = &groups[g];
      /* Records: several, each with some text, none of them most of it,
       * and together most of their container's text. */
      if (gr->count < 3 || gr->chars < 20 * gr->count || gr->max_chars * 2 > gr->chars ||
          gr->chars * 3 < p->chars)
        continue;
      float w = (float)gr->chars - LISTING_LINK_DISCOUNT * (float)gr->link_chars;
      if (w > best_w && !inside_junk(p)) {
        best_w = w;
        best = p;
        *record_chars = (float)gr->chars / (float)gr->count;
      }
    }
  }
  *weight = best_w;
  return best;
}

/* A boilerplate word that names every record of a listing alike
 * ("card-wrapper subscription-eligible", "promo-tile") names what the
 * records are, not boilerplate beside them: an element of a listing built
 * like LISTING_RECORDS_MIN or more others there (record_signature) that
 * carry a boilerplate name too, each most of its parent's text (the card,
 * not a share bar or a signature in it) and together a good part of the
 * listing's, is marked NF_RECORD, and its name no longer counts. Comments'
 * names, tags (nav, aside, footer) and overlays still do. */
#ifndef LISTING_RECORDS_MIN
#define LISTING_RECORDS_MIN 3
#endif
#ifndef LISTING_RECORDS_SHARE
#define LISTING_RECORDS_SHARE 8 /* the records hold 1/8 of the listing's text or more */
#endif

static int named_record(const dom_node *n) {
  return (n->flags & NF_NEG) && !(n->flags & (NF_WEAKNEG | NF_COMMENTS)) && !is_structural(n) &&
         n->chars > 0 && n->parent && 4 * n->chars >= 3 * n->parent->chars;
}

static void mark_named_records(ex *x, const dom_node *listing) {
  enum { SIGS_MAX = 16 };
  uint64_t sig[SIGS_MAX];
  unsigned count[SIGS_MAX], nsig = 0;
  uint32_t chars[SIGS_MAX];
  uint32_t end = listing->order_end < x->nelements ? listing->order_end : x->nelements - 1;
  for (uint32_t i = listing->order + 1; i <= end; i++) {
    const dom_node *n = x->elements[i];
    if (!named_record(n))
      continue;
    uint64_t s = record_signature(n);
    unsigned k = 0;
    while (k < nsig && sig[k] != s)
      k++;
    if (k == nsig) {
      if (nsig == SIGS_MAX)
        continue;
      sig[nsig] = s;
      chars[nsig] = 0;
      count[nsig++] = 0;
    }
    count[k]++;
    chars[k] += n->chars;
  }
  for (uint32_t i = listing->order + 1; i <= end; i++) {
    dom_node *n = x->elements[i];
    if (!named_record(n))
      continue;
    uint64_t s = record_signature(n);
    for (unsigned k = 0; k < nsig; k++)
      if (sig[k] == s && count[k] >= LISTING_RECORDS_MIN &&
          LISTING_RECORDS_SHARE * chars[k] >= listing->chars)
        n->flags |= NF_RECORD;
  }
}

/* The innermost boilerplate element around b below the listing, records'
 * names passed over. */
static const dom_node *listing_boiler(const tblock *b, const dom_node *listing) {
  const dom_node *n = b->neg;
  while (n && n->order > listing->order && (n->flags & NF_RECORD)) {
    n = n->parent;
    while (n && n->tag != TAG_TEXT && n->order > listing->order && !(n->flags & NF_NEG))
      n = n->parent;
  }
  return n && n->tag != TAG_TEXT && n->order > listing->order ? n : NULL;
}

#ifndef LISTING_VS_PROSE
#define LISTING_VS_PROSE 1.0f
#endif

/* A listing is the page's content when the page's headline heads it: the
 * <h1> inside it, or before it with little prose between (a category's
 * title, its filters, its cards). Prose between them of a quarter of the
 * listing's text or more (a thread's opening post, a product's description)
 * is the page's content, and the listing a list beside it: related threads,
 * sponsored products, a seller's feedback. */
#ifndef HEADLINE_GAP_SHARE
#define HEADLINE_GAP_SHARE 0.25f
#endif

/* The page's first visible <h1> outside boilerplate, or NULL. */
static const dom_node *page_headline(const ex *x) {
  for (uint32_t i = 0; i < x->nelements; i++) {
    const dom_node *n = x->elements[i];
    if (n->tag == TAG_H1 && n->chars > 0 && !(n->flags & (NF_JUNK | NF_NEG | NF_INNEG)) &&
        !inside_junk(n))
      return n;
  }
  return NULL;
}

static int listing_headed(const ex *x, const dom_node *listing) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || holds(listing, h1))
    return 1;
  /* The elements strictly between the two, in document order. */
  uint32_t from = h1->order < listing->order ? h1->order_end : listing->order_end;
  uint32_t to = h1->order < listing->order ? listing->order : h1->order;
  float between = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const tblock *b = &x->blocks[i];
    if (b->weight > 0 && b->container && b->container->order > from && b->container->order < to)
      between += (float)b->chars;
  }
  return between < HEADLINE_GAP_SHARE * (float)listing->chars;
}

/* ---- 3a. replies without names ----------------------------------------- */

/* Readers' comments that no class word names: a run of like-built units
 * (same tag and first class word, as listing records), each a short line
 * (a name: "Mark T. says:", a profile link, a "2 days ago", a small
 * heading) and then prose, dated or under a heading that names them. Beside a page headline
 * followed by prose of its own, built apart from them, they are a comment section, however much
 * longer: the article is the headline's prose. A thread's posts are built alike, its opening post
 * among them (or the page declares itself a discussion): there they stay the content. */
#ifndef REPLY_LIST_MIN
#define REPLY_LIST_MIN 4 /* units in the run */
#endif
#ifndef REPLY_NAME_MAX
#define REPLY_NAME_MAX 40 /* characters of the unit's first line */
#endif
#ifndef REPLY_RUNS_MAX
#define REPLY_RUNS_MAX 16 /* runs of a page judged */
#endif
#ifndef REPLY_ELEMENTS_MAX
#define REPLY_ELEMENTS_MAX 64 /* elements of a unit looked at for a <time> */
#endif
#ifndef REPLY_DATE_MAX
#define REPLY_DATE_MAX 60 /* characters of a line with a unit's date */
#endif
#ifndef REPLY_BLOCKS_MAX
#define REPLY_BLOCKS_MAX 12 /* blocks of a unit looked at */
#endif

/* The first block below each element (UINT32_MAX: none): the blocks below
 * an element are a run of the block array. */
static uint32_t *first_blocks(ex *x) {
  uint32_t *first = arena_alloc(x->mem, (x->nelements + 1) * sizeof *first);
  if (!first)
    return NULL;
  memset(first, 0xFF, (x->nelements + 1) * sizeof *first);
  for (size_t i = x->nblocks; i-- > 0;)
    if (x->blocks[i].container)
      first[x->blocks[i].container->order] = (uint32_t)i;
  for (uint32_t i = x->nelements; i-- > 1;) {
    const dom_node *n = x->elements[i];
    if (n->parent && n->parent->tag != TAG_TEXT && n->parent->order < n->order &&
        first[n->order] < first[n->parent->order])
      first[n->parent->order] = first[n->order];
  }
  return first;
}

/* A line that is a link of words, not of digits: a card's title linking
 * to its page. A comment's links are its author's name and its date
 * ("March 3, 2024 at 10:02 am"). */
static int is_headline_link(const ex *x, const tblock *b) {
  if (b->chars < 20 || b->link_chars * 2 <= b->chars)
    return 0;
  uint32_t digits = 0;
  for (uint32_t i = 0; i < b->len; i++)
    digits += x->text.data[b->off + i] >= '0' && x->text.data[b->off + i] <= '9';
  return digits * 5 < b->chars;
}

/* A date or a time, as comments show theirs: "2 days ago", "March 3,
 * 2024 at 10:02 am", "03/03/2024" — a digit and an "ago", a month's name,
 * a clock time or a year. */
static int says_when(const char *s, uint32_t len) {
  static const char *const months[] = {
      "jan",   "feb",  "mar",  "apr",    "may",       "jun",     "jul",      "aug",
      "sep",   "sept", "oct",  "nov",    "dec",       "january", "february", "march",
      "april", "june", "july", "august", "september", "october", "november", "december"};
  int digit = 0, year = 0, clock = 0;
  for (uint32_t i = 0; i < len; i++) {
    if (s[i] < '0' || s[i] > '9')
      continue;
    digit = 1;
    if (i + 3 < len && (s[i] == '1' || s[i] == '2') && s[i + 3] >= '0' && s[i + 3] <= '9' &&
        s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9')
      year = 1;
    if (i + 2 < len && (s[i + 1] == ':' || s[i + 1] == '/') && s[i + 2] >= '0' && s[i + 2] <= '9')
      clock = 1;
  }
  if (!digit)
    return 0;
  if (year || clock || has_word_ci(s, len, "ago", 1))
    return 1;
  for (size_t m = 0; m < sizeof months / sizeof *months; m++)
    if (has_word_ci(s, len, months[m], 1))
      return 1;
  return 0;
}

/* Whether the unit c says when it was written: a <time> element or a
 * short line with a date. */
static int unit_dated(const ex *x, const dom_node *c, const uint32_t *first) {
  /* Its first elements tell: a deep thread's nested replies are not
   * scanned again for each unit around them. */
  for (uint32_t o = c->order; o <= c->order_end && o - c->order < REPLY_ELEMENTS_MAX; o++)
    if (x->elements[o]->tag == TAG_TIME)
      return 1;
  for (size_t j = first[c->order]; j < x->nblocks && j <= first[c->order] + REPLY_BLOCKS_MAX &&
                                   holds(c, x->blocks[j].container);
       j++) {
    const tblock *b = &x->blocks[j];
    if (b->chars <= REPLY_DATE_MAX && says_when(x->text.data + b->off, b->len))
      return 1;
  }
  return 0;
}

/* Whether b is a heading holding one of words (case folded, as a word's
 * start or whole: "comment" finds "Comments"). */
static int heading_says(const ex *x, const tblock *b, const char *const *words, size_t n) {
  if (b->kind != BLOCK_HEADING)
    return 0;
  for (size_t w = 0; w < n; w++)
    if (has_word_ci(x->text.data + b->off, b->len, words[w], 0))
      return 1;
  return 0;
}

/* A heading that names a discussion: "30 Comments", "Responses", "2
 * thoughts on ...", "Leave a reply". */
static int heads_replies(const ex *x, const tblock *b) {
  static const char *const words[] = {"comment",    "respon",     "repl",      "discussion",
                                      "reaction",   "thoughts",   "kommentar", "reactie",
                                      "comentario", "commentaire"};
  return heading_says(x, b, words, sizeof words / sizeof *words);
}

/* A heading that names a list of other pages: "Related", "More news",
 * "Read next", "You may also like", "Popular", "Recommended". */
static int heads_related(const ex *x, const tblock *b) {
  static const char *const words[] = {"related",   "more ",    "next",    " also ", "popular",
                                      "recommend", "trending", "similar", "other ", "see also"};
  return heading_says(x, b, words, sizeof words / sizeof *words);
}

/* Whether the unit c is built as a reply: a short line that is no prose nor a
 * heading, then a paragraph of prose (not a list's items, a table's rows
 * or a quote: a product's features, a customer's testimonial). Returns its
 * heaviest paragraph, or NULL. */
static const tblock *reply_prose(const ex *x, const dom_node *c, const uint32_t *first) {
  uint32_t i = first[c->order];
  if (i == UINT32_MAX)
    return NULL;
  const tblock *name = &x->blocks[i];
  /* The name may be a small heading ("<h4>Mark T.</h4>"), but not a link
   * to another page: that is a card's title. */
  if (!holds(c, name->container) || name->teaser || name->chars > REPLY_NAME_MAX ||
      (name->kind == BLOCK_HEADING ? name->link_chars > 0 : name->weight > 0))
    return NULL;
  const tblock *best = NULL;
  for (size_t j = i + 1; j < x->nblocks && j <= i + REPLY_BLOCKS_MAX; j++) {
    const tblock *b = &x->blocks[j];
    if (!holds(c, b->container))
      break;
    if (b->kind == BLOCK_HEADING || b->teaser || is_headline_link(x, b) ||
        ends_cut_short(x->text.data + b->off, b->len))
      return NULL; /* a card: a headline, an excerpt cut short */
    if (b->kind == BLOCK_PARAGRAPH && b->weight > 0 && (!best || b->weight > best->weight))
      best = b;
  }
  return best && best->weight >= MIN_ROOT_SCORE ? best : NULL;
}

/* The headline's own prose: the heaviest block after the headline and
 * before from, outside boilerplate, if the blocks between weigh a sentence
 * or two. */
static const tblock *headline_prose(const ex *x, const dom_node *h1, size_t from) {
  const tblock *best = NULL;
  float sum = 0;
  for (size_t i = 0; i < from; i++) {
    const tblock *b = &x->blocks[i];
    if (!b->container || b->container->order <= h1->order_end || b->neg || b->weight <= 0)
      continue;
    sum += b->weight;
    if (!best || b->weight > best->weight)
      best = b;
  }
  return sum >= MIN_ROOT_SCORE ? best : NULL;
}

/* The smallest element holding a and b. */
static const dom_node *around(const dom_node *a, const dom_node *b) {
  while (a->parent && a->parent->tag != TAG_TEXT && !holds(a, b))
    a = a->parent;
  return a;
}

/* The prose after p, outside boilerplate: comments close the article,
 * where a grid of features or quotes is followed by more of the page. */
static float prose_after(const ex *x, const dom_node *p) {
  float sum = 0;
  for (size_t i = x->nblocks; i-- > 0;) {
    const tblock *b = &x->blocks[i];
    if (!b->container || b->container->order <= p->order_end)
      break;
    if (!b->neg && b->weight > 0)
      sum += b->weight;
  }
  return sum;
}

/* Whether the article's prose sits in a unit built like the replies: an
 * ancestor with their signature, or an element sharing a class word. */
static int built_like(const tblock *lead, const tblock *reply, uint64_t sig) {
  for (const dom_node *n = lead->container; n && n->tag != TAG_TEXT; n = n->parent)
    if (record_signature(n) == sig && n->tag != TAG_BODY && n->tag != TAG_HTML)
      return 1;
  const dom_node *a = class_holder(lead->container), *b = class_holder(reply->container);
  return a && b && a != b && shares_class_word(a->cls, b->cls);
}

/* The blocks below n, from its first block on, get n for their innermost
 * boilerplate element unless one inside n is theirs already (as the walk
 * would have given them, had n been named so). */
static void blocks_below_set_aside(ex *x, dom_node *n, size_t from, int reply) {
  for (size_t j = from; j < x->nblocks && holds(n, x->blocks[j].container); j++) {
    tblock *b = &x->blocks[j];
    b->reply |= (uint8_t)reply;
    if (!b->neg || !holds(n, b->neg))
      b->neg = n;
    if (!b->boiler || !holds(n, b->boiler))
      b->boiler = n;
  }
}

/* Marks the units of p's reply run (signature sig) as comments. */
static void mark_replies(ex *x, dom_node *p, uint64_t sig, const uint32_t *first) {
  uint32_t units = 0;
  for (dom_node *c = p->first; c; c = c->next) {
    if (c->tag == TAG_TEXT || record_signature(c) != sig || first[c->order] == UINT32_MAX)
      continue;
    c->flags |= NF_NEG | NF_COMMENTS;
    units += c->chars;
    blocks_below_set_aside(x, c, first[c->order], 1);
  }
  /* The section as a whole, for the comments: p, when it holds little
   * else (its heading, the reply form). */
  if ((float)units >= 0.8f * (float)p->chars)
    p->flags |= NF_COMMENTS;
}

/* Only where the replies have the root: it is in the run's container, or
 * holds it. Returns 1 when it marked replies (the root is to be chosen again), -1
 * out of memory. */
static int mark_unnamed_replies(ex *x, const dom_doc *doc, const dom_node *root) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || !root)
    return 0;
  uint32_t *first = NULL;
  int marked = 0;
  int discussion = -1, tried = 0;
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *p = x->elements[i];
    if (p->flags & (NF_JUNK | NF_NEG) || p->order <= h1->order_end || p->chars < 400 ||
        !(holds(p, root) || holds(root, p)))
      continue;
    if (!first && !(first = first_blocks(x)))
      return -1;
    /* The run's signature: the first child built as a reply whose
     * signature REPLY_LIST_MIN of p's replies share. */
    uint64_t sig = 0;
    const tblock *reply = NULL;
    uint32_t found = 0, like = 0, dated = 0;
    for (dom_node *c = p->first; c; c = c->next) {
      if (c->tag == TAG_TEXT || (c->flags & (NF_JUNK | NF_NEG)) || c->chars == 0)
        continue;
      const tblock *r = reply_prose(x, c, first);
      if (!r)
        continue;
      if (!reply) {
        reply = r;
        sig = record_signature(c);
      }
      if (record_signature(c) == sig) {
        found++;
        dated += unit_dated(x, c, first);
      }
    }
    if (found < REPLY_LIST_MIN)
      continue;
    for (dom_node *c = p->first; c; c = c->next)
      like += c->tag != TAG_TEXT && record_signature(c) == sig && c->chars > 0;
    if (found * 2 < like)
      continue; /* most units are something else (a short comment is one too) */
    const dom_node *unit = p->first; /* the run's first unit */
    while (unit->tag == TAG_TEXT || record_signature(unit) != sig ||
           first[unit->order] == UINT32_MAX)
      unit = unit->next;
    /* Comments say when they were written, or a heading says what they
     * are; a listicle's items or a grid of features do neither. */
    uint32_t before = first[unit->order];
    int named = before > 0 && heads_replies(x, &x->blocks[before - 1]);
    if (dated * 2 < found && !named)
      continue;
    /* What follows walks the blocks: a page of many runs is judged on its
     * first few. */
    if (++tried > REPLY_RUNS_MAX)
      break;
    /* The article in a container without them; in the same one (a post
     * and its comments in one wrapper), only under a heading that names
     * them: dated entries under an introduction are a listing's. */
    const tblock *lead = headline_prose(x, h1, first[unit->order]);
    if (!lead || built_like(lead, reply, sig) || prose_after(x, p) >= MIN_ROOT_SCORE ||
        (holds(around(h1, lead->container), p) && !named))
      continue;
    if (discussion < 0)
      discussion = declares_discussion(x, doc);
    if (discussion)
      return 0;
#ifdef PITH_DEBUG_EXTRACT
    fprintf(stderr, "replies: <%s class=%s> %u units; reply \"%.60s\" lead \"%.60s\"\n",
            tag_name((tag_id)p->tag), p->cls ? p->cls : "", found, x->text.data + reply->off,
            x->text.data + lead->off);
#endif
    mark_replies(x, p, sig, first);
    marked = 1;
  }
  return marked;
}

/* ---- 3b. lists beside the headline ------------------------------------- */

/* A list of links beside an article ("More news", "Read next": headlines,
 * thumbnails, dates, teasers) can outweigh a short article as a listing.
 * It is no listing of the page when its text mostly stands for other
 * pages (link text, teasers), the page's headline is its title and has
 * prose of its own (two sentences or more) in a container without the
 * list (or with it, when the list's heading names it: "Related"), and a
 * heading of its own opens the list: a section beside the article, not
 * the records that the headline heads. */
#ifndef SIDE_LIST_SENTENCES
#define SIDE_LIST_SENTENCES 2
#endif
#ifndef SIDE_LIST_LINK_SHARE
#define SIDE_LIST_LINK_SHARE 0.6f
#endif

/* The first block below n, or nblocks when there is none. */
static size_t first_block_in(const ex *x, const dom_node *n) {
  size_t i = 0;
  while (i < x->nblocks && !holds(n, x->blocks[i].container))
    i++;
  return i;
}

/* Whether the headline h1 is the page's title (choose_title took it: the
 * <title> holds its text), not a banner's slogan over a listing. */
static int headline_is_title(const ex *x, const dom_node *h1, const char *title) {
  for (size_t i = 0; title && i < x->nblocks; i++) {
    const tblock *b = &x->blocks[i];
    if (b->container && holds(h1, b->container))
      return b->kind == BLOCK_HEADING && strlen(title) == b->len &&
             !memcmp(title, x->text.data + b->off, b->len);
  }
  return 0;
}

/* The text of listing (its first block: from) that stands for other
 * pages: link text, and all of a teaser's (a headline linking away and a
 * line of its page). */
static uint32_t other_pages_text(const ex *x, const dom_node *listing, size_t from) {
  uint32_t sum = 0;
  for (size_t i = from; i < x->nblocks && holds(listing, x->blocks[i].container); i++) {
    const tblock *b = &x->blocks[i];
    uint32_t add = b->link_chars;
    for (const dom_node *n = b->container; n && n != listing->parent; n = n->parent)
      if (n->flags & NF_TEASER) {
        add = b->chars;
        break;
      }
    sum += add;
  }
  return sum;
}

/* Sentences in s: full stops, question and exclamation marks (a run of
 * them once) before a space or the end, and CJK full stops. */
static int count_sentences(const char *s, uint32_t len) {
  int n = 0;
  for (uint32_t i = 0; i < len; i++) {
    char c = s[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == len || s[i + 1] == ' '))
      n++;
    else if ((unsigned char)c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0x82)
      n++;
  }
  return n;
}

/* Whether the prose between the headline and block from (outside
 * boilerplate) is an article's: two sentences at least, where a listing's
 * headline has a line of description ("The latest news on ..."). */
static int article_between(const ex *x, const dom_node *h1, size_t from) {
  int sentences = 0;
  for (size_t i = 0; i < from && sentences < SIDE_LIST_SENTENCES; i++) {
    const tblock *b = &x->blocks[i];
    if (b->container && b->container->order > h1->order_end && !b->neg && b->weight > 0)
      sentences += count_sentences(x->text.data + b->off, b->len);
  }
  return sentences >= SIDE_LIST_SENTENCES;
}

static int list_beside_headline(const ex *x, const dom_node *listing, const char *title) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || h1->order_end >= listing->order || !headline_is_title(x, h1, title))
    return 0;
  size_t from = first_block_in(x, listing);
  if (from == x->nblocks ||
      (float)other_pages_text(x, listing, from) < SIDE_LIST_LINK_SHARE * (float)listing->chars)
    return 0;
  const tblock *lead = headline_prose(x, h1, from);
  if (!lead || !article_between(x, h1, from))
    return 0;
  /* The article in a container without the list; in the same one, only
   * when the list's heading names it ("Related", "More news"). */
  int apart = !holds(around(h1, lead->container), listing);
  /* The list's own heading: the block just before it, or its first. */
  for (size_t i = from > 0 ? from - 1 : 0; i <= from; i++)
    if (x->blocks[i].kind == BLOCK_HEADING && x->blocks[i].container->tag != TAG_H1 &&
        &x->blocks[i] > lead && (apart || heads_related(x, &x->blocks[i]))) {
#ifdef PITH_DEBUG_EXTRACT
      fprintf(stderr, "side list: heading \"%.*s\" lead \"%.60s\"\n", (int)x->blocks[i].len,
              x->text.data + x->blocks[i].off, x->text.data + lead->off);
#endif
      return 1;
    }
  return 0;
}

/* Sets n aside as boilerplate, as a "related" name would: n and the
 * elements below it, and its blocks. */
static void set_aside(ex *x, dom_node *n) {
  n->flags |= NF_NEG;
  for (uint32_t o = n->order + 1; o <= n->order_end; o++)
    x->elements[o]->flags |= NF_INNEG;
  blocks_below_set_aside(x, n, first_block_in(x, n), 0);
}

/* A root that is one paragraph (no blocks below it) lost to its parent
 * only because what the parent adds weighs nothing: a heading, the short
 * list the paragraph introduces. It grows to its parent while the parent
 * adds nothing that weighs against it and is not boilerplate. The blocks
 * below an element are a run of the block array (the walk is in document
 * order), so each level looks only at the blocks it adds. */
static int weighs_against(const ex *x, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (x->blocks[i].weight < 0)
      return 1;
  return 0;
}

static dom_node *grow_paragraph_root(const ex *x, dom_node *root, const dom_node *top) {
  if (root->flags & NF_HASBLOCK)
    return root;
  size_t lo = 0, hi; /* the blocks below root: [lo, hi) */
  while (lo < x->nblocks && x->blocks[lo].container != root)
    lo++;
  if (lo == x->nblocks)
    return root;
  hi = lo;
  while (hi < x->nblocks && x->blocks[hi].container == root)
    hi++;
  for (dom_node *p = root->parent; p && p->tag != TAG_TEXT && p != top && p->order < root->order &&
                                   !(p->flags & (NF_NEG | NF_INNEG | NF_JUNK));
       p = p->parent) {
    size_t plo = lo, phi = hi;
    while (plo > 0 && x->blocks[plo - 1].container &&
           x->blocks[plo - 1].container->order >= p->order)
      plo--;
    while (phi < x->nblocks && x->blocks[phi].container &&
           x->blocks[phi].container->order <= p->order_end)
      phi++;
    if (weighs_against(x, plo, lo) || weighs_against(x, hi, phi))
      return root;
    root = p;
    lo = plo;
    hi = phi;
  }
  return root;
}

/* Landing and service pages have no one article: their prose is spread over
 * many sections. When the root holds less than WIDEN_SHARE of the page's
 * prose, it grows to the smallest ancestor holding WIDEN_COVER of it. */
#ifndef WIDEN_SHARE
#define WIDEN_SHARE 0.7f
#endif
#ifndef WIDEN_COVER
#define WIDEN_COVER 0.8f
#endif

static dom_node *widen_root(ex *x, dom_node *root) {
  for (uint32_t i = 0; i < x->nelements; i++)
    x->elements[i]->prose = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    tblock *b = &x->blocks[i];
    if (b->weight > 0 && b->container)
      b->container->prose += b->weight;
  }
  for (uint32_t i = x->nelements; i-- > 1;) {
    dom_node *n = x->elements[i];
    if (n->parent && n->parent->tag != TAG_TEXT && n->parent->order < n->order)
      n->parent->prose += n->prose;
  }
  float total = x->elements[0]->prose;
  if (root->prose >= WIDEN_SHARE * total)
    return root;
  dom_node *n = root;
  while (n->prose < WIDEN_COVER * total && n->parent && n->parent->tag != TAG_TEXT &&
         n->parent->order < n->order)
    n = n->parent;
  return n;
}

/* ---- 4. emit ------------------------------------------------------------- */

static int keep_block(const ex *x, const tblock *b, const dom_node *root, int listing) {
  if (b->container == NULL || b->container->order < root->order ||
      b->container->order > root->order_end)
    return 0;
  if (b->teaser && !listing)
    return 0;
  /* A listing's records are made of bylines and dates: there only a
   * boilerplate name counts, not a metadata one, and a weak one ("header")
   * only on more than a record's worth of text. */
  const dom_node *boiler = listing ? listing_boiler(b, root) : b->boiler;
  if (listing && boiler && (boiler->flags & NF_WEAKNEG) && boiler->chars < LISTING_WEAK_MAX)
    boiler = NULL; /* "listing__header": a record's header, not the page's */
  if (boiler && boiler->order > root->order && !(x->names_ignored && !is_structural(boiler)))
    return 0;
  /* A table of contents repeats the headings below it. */
  if (!listing && b->kind == BLOCK_LIST_ITEM && b->anchor_chars * 4 > b->chars * 3)
    return 0;
  /* Inside the root, only blocks that are nearly all link text are lists of
   * links; a paragraph with a few links in it is prose. */
  if (!listing && b->kind != BLOCK_HEADING && b->chars > 0 && b->link_chars * 4 > b->chars * 3)
    return 0;
  return 1;
}

/* Whether the heading kept[k] is followed by content before the next heading
 * of its rank or higher. */
static int heads_something(const ex *x, const size_t *kept, size_t nkept, size_t k) {
  int level = x->blocks[kept[k]].level;
  for (size_t j = k + 1; j < nkept; j++) {
    const tblock *b = &x->blocks[kept[j]];
    if (b->kind != BLOCK_HEADING)
      return 1;
    if (b->level <= level)
      return 0;
  }
  return 0;
}

/* The run of kept blocks with the largest total weight: bylines, dates and
 * "more stories" lists at the edges of the root fall away, short lines
 * between paragraphs stay. */
#ifndef TRIM_EDGES
#define TRIM_EDGES 1
#endif

static void best_run(const ex *x, const size_t *kept, size_t nkept, size_t *from, size_t *to) {
  float best = -1e30f, run = 0;
  size_t start = 0;
  for (size_t k = 0; k < nkept; k++) {
    if (run <= 0) {
      run = 0;
      start = k;
    }
    run += x->blocks[kept[k]].weight;
    if (run >= best) {
      best = run;
      *from = start;
      *to = k + 1;
    }
  }
}

/* ---- 5. the tree -------------------------------------------------------- */

/* The emitted blocks, placed in the article's tree: lists, items, tables
 * and quotes come from the elements around each block, up to the root. */
#define TREE_DEPTH_MAX 24

static char *squeeze(arena *mem, const char *s, size_t len);

typedef struct {
  ex *x;
  article *a;
  arena *mem;
  const dom_node *root;
  const char *base; /* the page's address, for links */
  const dom_node *open_dom[TREE_DEPTH_MAX];
  art_node *open_node[TREE_DEPTH_MAX];
  int depth;
  uint32_t last_end; /* where the last emitted block's text ends, in ex.text */
  size_t next_alone; /* the first lone image or rule not yet looked at */
} tree;

static int is_list(tag_id t) {
  return t == TAG_UL || t == TAG_OL || t == TAG_MENU;
}

/* The elements that make structure around n, outermost first. Tables count
 * only for rows and table captions. */
static int structure_of(const tree *t, const dom_node *n, int in_table, const dom_node **chain) {
  const dom_node *rev[TREE_DEPTH_MAX];
  int k = 0;
  for (const dom_node *p = n; p && p->tag != TAG_TEXT && p->order >= t->root->order;
       p = p->parent) {
    tag_id tag = (tag_id)p->tag;
    int take = is_list(tag) || tag == TAG_LI || tag == TAG_BLOCKQUOTE;
    if (tag == TAG_TABLE && in_table) {
      take = 1;
      in_table = 0; /* the nearest table only */
    }
    if (take && k < TREE_DEPTH_MAX)
      rev[k++] = p;
    if (p == t->root)
      break;
  }
  for (int i = 0; i < k; i++)
    chain[i] = rev[k - 1 - i];
  return k;
}

static int to_int(const char *s, int lo, int hi, int dflt) {
  if (!s)
    return dflt;
  char *end;
  long v = strtol(s, &end, 10);
  return end == s || v < lo || v > hi ? dflt : (int)v;
}

/* An open node's last child of the given kind, or a new one. */
static art_node *last_or_new(tree *t, art_node *parent, node_kind kind) {
  art_node *last = parent ? parent->last : t->a->body.last;
  if (last && last->kind == kind)
    return last;
  return article_open(t->a, t->mem, parent, kind);
}

/* Opens the tree's nodes for the structure around n; returns the node new
 * content goes into (NULL: the body), or sets oom. */
static art_node *place(tree *t, const dom_node *n, int in_table, int *oom) {
  const dom_node *chain[TREE_DEPTH_MAX];
  int k = structure_of(t, n, in_table, chain);
  int same = 0;
  while (same < t->depth && same < k && t->open_dom[same] == chain[same])
    same++;
  t->depth = same;
  for (int i = same; i < k; i++) {
    art_node *parent = t->depth ? t->open_node[t->depth - 1] : NULL;
    tag_id tag = (tag_id)chain[i]->tag;
    art_node *node;
    if (tag == TAG_LI) {
      if (!parent || parent->kind != NODE_LIST)
        parent = last_or_new(t, parent, NODE_LIST); /* an item outside a list */
      node = parent ? article_open(t->a, t->mem, parent, NODE_ITEM) : NULL;
    } else {
      node_kind kind = is_list(tag) ? NODE_LIST : tag == TAG_TABLE ? NODE_TABLE : NODE_QUOTE;
      /* A list straight inside a list goes into an item. */
      if (parent && parent->kind == NODE_LIST)
        parent = article_open(t->a, t->mem, parent, NODE_ITEM);
      node = parent || !t->depth ? article_open(t->a, t->mem, parent, kind) : NULL;
      if (node && tag == TAG_OL) {
        node->ordered = 1;
        node->start = to_int(dom_attr_get(chain[i], "start"), 0, 1000000000, 1);
      }
    }
    if (!node) {
      *oom = 1;
      return NULL;
    }
    t->open_dom[t->depth] = chain[i];
    t->open_node[t->depth++] = node;
  }
  art_node *into = t->depth ? t->open_node[t->depth - 1] : NULL;
  /* Text straight inside a list is an item of its own. */
  if (into && into->kind == NODE_LIST && !(into = article_open(t->a, t->mem, into, NODE_ITEM)))
    *oom = 1;
  return into;
}

/* What relative links resolve against: the page's <base href>, else the
 * address it was given, else the address it gives itself (canonical,
 * og:url). NULL: links stay as written. */
static const char *link_base(const dom_doc *doc, const char *url) {
  const char *base = NULL, *canonical = NULL, *og = NULL;
  for (const dom_node *n = doc->head ? doc->head->first : NULL; n; n = n->next) {
    if (n->tag == TAG_BASE && !base)
      base = dom_attr_get(n, "href");
    else if (n->tag == TAG_LINK && !canonical) {
      const char *rel = dom_attr_get(n, "rel");
      if (rel && !strcasecmp(rel, "canonical"))
        canonical = dom_attr_get(n, "href");
    } else if (n->tag == TAG_META && !og) {
      const char *prop = dom_attr_get(n, "property");
      if (prop && !strcmp(prop, "og:url"))
        og = dom_attr_get(n, "content");
    }
  }
  if (url_is_http(base))
    return base;
  if (url_is_http(url))
    return url;
  return url_is_http(canonical) ? canonical : url_is_http(og) ? og : url;
}

/* An image's address: lazy-loading pages keep the real one aside. */
static const char *image_src(const dom_node *img) {
  static const char *const names[] = {"data-src", "data-lazy-src", "data-original", "src"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    const char *v = dom_attr_get(img, names[i]);
    if (v && *v && strncmp(v, "data:", 5) != 0)
      return v;
  }
  return NULL;
}

static char *copy_attr(arena *mem, const dom_node *n, const char *name, int *oom) {
  const char *v = dom_attr_get(n, name);
  if (!v || !*v)
    return NULL;
  char *c = squeeze(mem, v, strlen(v));
  if (!c)
    *oom = 1;
  return c && *c ? c : NULL;
}

/* The figure for an image element, or NULL without a usable address (or
 * for a tracking pixel). */
static int is_pixel(const dom_node *img) {
  const char *w = dom_attr_get(img, "width"), *h = dom_attr_get(img, "height");
  return (w && (!strcmp(w, "0") || !strcmp(w, "1"))) || (h && (!strcmp(h, "0") || !strcmp(h, "1")));
}

static article_image *image_of(tree *t, const dom_node *img, int *oom) {
  const char *src = img && !is_pixel(img) ? image_src(img) : NULL;
  if (!src)
    return NULL;
  article_image *im = arena_calloc(t->mem, sizeof *im);
  if (!im || !(im->src = url_resolve(t->mem, t->base, src))) {
    *oom = !im;
    return NULL;
  }
  im->alt = copy_attr(t->mem, img, "alt", oom);
  return im;
}

static const dom_node *figure_around(const dom_node *n) {
  for (; n && n->tag != TAG_TEXT; n = n->parent)
    if (n->tag == TAG_FIGURE)
      return n;
  return NULL;
}

/* Adds a figure for a caption: the caption, and the image of the <figure>
 * around it when there is one; it is also one of the article's images. */
static int add_caption_figure(tree *t, const tblock *b, const char *caption) {
  int oom = 0;
  const dom_node *figure = figure_around(b->container), *img = NULL;
  for (const dom_node *n = figure; n; n = dom_next(figure, n, 0))
    if (n->tag == TAG_IMG && image_src(n)) {
      img = n;
      break;
    }
  article_image *im = img ? image_of(t, img, &oom) : NULL;
  if (!im && !oom)
    im = arena_calloc(t->mem, sizeof *im);
  if (!im)
    return -1;
  /* "Cherry tomatoes on the vine. (Photo: Jane Doe)": the credit apart. */
  size_t len = strlen(caption), cap_end, credit, credit_end;
  credit_kind ck = credit_find(caption, len, &cap_end, &credit, &credit_end);
  if (ck != CREDIT_NONE &&
      !(im->credit = arena_strndup(t->mem, caption + credit, credit_end - credit)))
    return -1;
  if (ck == CREDIT_TRAILING) {
    while (cap_end > 0 && caption[cap_end - 1] == ' ')
      cap_end--;
    if (!(caption = arena_strndup(t->mem, caption, cap_end)))
      return -1;
  }
  im->caption = ck == CREDIT_ALONE ? NULL : caption;
  art_node *parent = place(t, b->container, 0, &oom);
  art_node *node = oom ? NULL : article_open(t->a, t->mem, parent, NODE_FIGURE);
  if (!node)
    return -1;
  node->image = im;
  article_meta *m = &t->a->meta;
  if (m->last_image)
    m->last_image->next = im;
  else
    m->images = im;
  m->last_image = im;
  m->nimages++;
  return 0;
}

/* Whether an element sits in a teaser record or boilerplate inside the
 * root: a lone image or rule there is not the article's. */
static int outside_article(const tree *t, const dom_node *n, const dom_node *boiler) {
  if (n->order < t->root->order || n->order > t->root->order_end)
    return 1;
  if (boiler && boiler->order > t->root->order)
    return 1;
  for (const dom_node *p = n; p && p->tag != TAG_TEXT && p != t->root; p = p->parent)
    if (p->flags & (NF_TEASER | NF_JUNK)) /* a teaser, or still hidden */
      return 1;
  return 0;
}

/* Whether the <figure> around an image has a caption with words: the
 * caption brings the figure, image and all. */
static int captioned(const dom_node *img) {
  const dom_node *figure = figure_around(img);
  if (!figure)
    return 0;
  for (const dom_node *n = figure->first; n; n = dom_next(figure, n, 0))
    if (n->tag == TAG_FIGCAPTION && n->chars > 0)
      return 1;
  return 0;
}

/* Lone images and rules between the last emitted block and the text at
 * off. Rules only between blocks: one at the edge separates nothing. */
static int add_standalone_before(tree *t, uint32_t off) {
  ex *x = t->x;
  for (; t->next_alone < x->nalone && x->alone[t->next_alone].off <= off; t->next_alone++) {
    tstandalone *s = &x->alone[t->next_alone];
    int at_start = !t->a->body.first;
    if (s->off < t->last_end)
      continue;
    if (outside_article(t, s->node, s->boiler))
      continue;
    int oom = 0;
    if (s->node->tag == TAG_HR) {
      if (at_start)
        continue;
      art_node *parent = place(t, s->node->parent, 0, &oom);
      if (oom || !article_open(t->a, t->mem, parent, NODE_SEPARATOR))
        return -1;
      continue;
    }
    if (captioned(s->node))
      continue;
    article_image *im = image_of(t, s->node, &oom);
    if (oom)
      return -1;
    if (!im)
      continue;
    art_node *parent = place(t, s->node->parent, 0, &oom);
    art_node *node = oom ? NULL : article_open(t->a, t->mem, parent, NODE_FIGURE);
    if (!node)
      return -1;
    node->image = im;
  }
  return 0;
}

/* A code block's language, from a "language-x" or "lang-x" class on the
 * <pre> or the <code> in it. */
static const char *code_language(tree *t, const dom_node *n) {
  const dom_node *pre = n;
  while (pre && pre->tag != TAG_TEXT && pre->tag != TAG_PRE)
    pre = pre->parent;
  if (!pre || pre->tag != TAG_PRE)
    return NULL;
  const dom_node *code = pre->first;
  while (code && code->tag == TAG_TEXT)
    code = code->next;
  const char *classes[2] = {pre->cls, code && code->tag == TAG_CODE ? code->cls : NULL};
  for (int i = 0; i < 2; i++) {
    const char *c = classes[i];
    while (c && *c) {
      while (*c == ' ')
        c++;
      size_t len = strcspn(c, " ");
      size_t skip = !strncmp(c, "language-", 9) ? 9 : !strncmp(c, "lang-", 5) ? 5 : 0;
      if (skip && len > skip && len - skip < 32)
        return arena_strndup(t->mem, c + skip, len - skip);
      c += len;
    }
  }
  return NULL;
}

static unsigned style_of(tag_id t) {
  switch (t) {
  case TAG_EM:
  case TAG_I:
    return STYLE_EM;
  case TAG_STRONG:
  case TAG_B:
    return STYLE_STRONG;
  case TAG_CODE:
  case TAG_KBD:
  case TAG_SAMP:
  case TAG_TT:
    return STYLE_CODE;
  case TAG_SUB:
    return STYLE_SUB;
  case TAG_SUP:
    return STYLE_SUP;
  default:
    return 0;
  }
}

/* Builds the runs of the text ex.text[from, to), which is copied at out;
 * marks [m, mend) fall in it. Returns NULL (and leaves *oom) when the text
 * is one plain run. */
typedef struct {
  art_run *first, *last;
  int plain;
} runs;

static int push_run(tree *t, runs *r, run_kind kind, unsigned style, const char *text, size_t len,
                    const char *href) {
  if (kind == RUN_TEXT && !len)
    return 0;
  if (kind == RUN_TEXT && r->last && r->last->kind == RUN_TEXT && r->last->style == style &&
      r->last->href == href && r->last->text + r->last->len == text) {
    r->last->len += len;
    return 0;
  }
  art_run *run = arena_calloc(t->mem, sizeof *run);
  if (!run)
    return -1;
  run->kind = kind;
  run->style = style;
  run->text = text;
  run->len = len;
  run->href = href;
  if (kind != RUN_TEXT || style || href)
    r->plain = 0;
  if (r->last)
    r->last->next = run;
  else
    r->first = run;
  r->last = run;
  return 0;
}

/* Text with its line breaks ('\n' outside code) as break runs. */
static int push_text(tree *t, runs *r, unsigned style, const char *s, size_t len,
                     const char *href) {
  while (len) {
    const char *nl = memchr(s, '\n', len);
    size_t n = nl ? (size_t)(nl - s) : len;
    if (push_run(t, r, RUN_TEXT, style, s, n, href))
      return -1;
    if (!nl)
      break;
    if (push_run(t, r, RUN_BREAK, style, NULL, 0, NULL))
      return -1;
    s += n + 1;
    len -= n + 1;
  }
  return 0;
}

static art_run *build_runs(tree *t, uint32_t from, uint32_t to, const char *out, size_t m,
                           size_t mend, int *oom) {
  ex *x = t->x;
  runs r = {NULL, NULL, 1};
  const dom_node *open[INLINE_STACK_MAX];
  const char *hrefs[INLINE_STACK_MAX];
  int depth = 0;
  unsigned style = 0;
  const char *href = NULL;
  uint32_t pos = from;
  for (size_t i = m; i <= mend; i++) {
    uint32_t at = i < mend ? x->marks[i].off : to;
    if (at < pos)
      at = pos;
    if (at > to)
      at = to;
    /* White space where an element opens belongs before it. */
    if (i < mend && x->marks[i].kind == MARK_OPEN && at < to && x->text.data[at] == ' ')
      at++;
    if (push_text(t, &r, style, out + (pos - from), at - pos, href))
      goto oom;
    pos = at;
    if (i == mend)
      break;
    const imark *k = &x->marks[i];
    if (k->kind == MARK_OPEN && depth < INLINE_STACK_MAX) {
      open[depth] = k->node;
      hrefs[depth] = NULL;
      if (k->node->tag == TAG_A) {
        const char *h = dom_attr_get(k->node, "href");
        hrefs[depth] = h ? url_resolve(t->mem, t->base, h) : NULL;
      }
      depth++;
    } else if (k->kind == MARK_CLOSE) {
      int j = depth - 1;
      while (j >= 0 && open[j] != k->node)
        j--;
      if (j >= 0) {
        memmove(open + j, open + j + 1, (size_t)(depth - j - 1) * sizeof *open);
        memmove(hrefs + j, hrefs + j + 1, (size_t)(depth - j - 1) * sizeof *hrefs);
        depth--;
      }
    } else if (k->kind == MARK_IMAGE) {
      article_image *im = image_of(t, k->node, oom);
      if (*oom)
        return NULL;
      if (im) {
        if (push_run(t, &r, RUN_IMAGE, style, NULL, 0, href))
          goto oom;
        r.last->src = im->src;
        r.last->alt = im->alt;
      }
      continue;
    } else {
      continue;
    }
    style = 0;
    href = NULL;
    for (int j = 0; j < depth; j++) {
      style |= style_of((tag_id)open[j]->tag);
      if (hrefs[j])
        href = hrefs[j];
    }
  }
  return r.plain ? NULL : r.first;
oom:
  *oom = 1;
  return NULL;
}

static int trim_span(const char *s, uint32_t *from, uint32_t *to) {
  while (*from < *to && (s[*from] == ' ' || s[*from] == '\n'))
    (*from)++;
  while (*to > *from && (s[*to - 1] == ' ' || s[*to - 1] == '\n'))
    (*to)--;
  return 0;
}

/* A table row's cells, from its cell marks. */
static int build_cells(tree *t, const tblock *b, article_block *row) {
  ex *x = t->x;
  size_t m = b->mark_first, mend = m + b->mark_count;
  art_cell *last = NULL;
  int all_th = 1, any = 0;
  for (size_t i = m; i < mend; i++) {
    if (x->marks[i].kind != MARK_CELL_START)
      continue;
    const dom_node *td = x->marks[i].node;
    size_t j = i + 1;
    while (j < mend && !(x->marks[j].kind == MARK_CELL_END && x->marks[j].node == td))
      j++;
    uint32_t from = x->marks[i].off, to = j < mend ? x->marks[j].off : b->off + b->len;
    if (from < b->off)
      from = b->off;
    if (to > b->off + b->len)
      to = b->off + b->len;
    if (to < from)
      to = from;
    trim_span(x->text.data, &from, &to);
    art_cell *c = arena_calloc(t->mem, sizeof *c);
    if (!c)
      return -1;
    c->text = row->text + (from - b->off);
    c->len = to - from;
    int oom = 0;
    c->runs = build_runs(t, from, to, c->text, i + 1, j, &oom);
    if (oom)
      return -1;
    c->colspan = to_int(dom_attr_get(td, "colspan"), 1, 1000, 1);
    c->rowspan = to_int(dom_attr_get(td, "rowspan"), 0, 65534, 1);
    c->header = td->tag == TAG_TH;
    all_th &= c->header;
    any = 1;
    if (last)
      last->next = c;
    else
      row->cells = c;
    last = c;
    /* The columns a wide cell covers, as placeholders. */
    for (int s = 1; s < c->colspan && s < 64; s++) {
      art_cell *p = arena_calloc(t->mem, sizeof *p);
      if (!p)
        return -1;
      p->text = "";
      p->colspan = p->rowspan = 1;
      p->spanned = 1;
      p->header = c->header;
      last->next = p;
      last = p;
    }
    i = j < mend ? j : i;
  }
  const dom_node *group = b->container->parent;
  row->header = any && (all_th || (group && group->tag == TAG_THEAD));
  return 0;
}

/* Places the emitted block b in the tree, with its runs, cells and code
 * language. */
static int emit_block(tree *t, const tblock *b) {
  ex *x = t->x;
  if (add_standalone_before(t, b->off))
    return -1;
  t->last_end = b->off + b->len;
  const char *text = x->text.data + b->off;
  int oom = 0;
  if (b->kind == BLOCK_CAPTION) {
    if (b->container->tag == TAG_CAPTION) { /* a table's */
      art_node *table = place(t, b->container, 1, &oom);
      if (oom)
        return -1;
      if (table && table->kind == NODE_TABLE && !table->caption)
        table->caption = squeeze(t->mem, text, b->len);
      return 0;
    }
    const char *caption = squeeze(t->mem, text, b->len);
    return caption ? add_caption_figure(t, b, caption) : -1;
  }
  int row = b->kind == BLOCK_TABLE_ROW;
  art_node *parent = place(t, b->container, row, &oom);
  if (oom)
    return -1;
  if (row && (!parent || parent->kind != NODE_TABLE) &&
      !(parent = last_or_new(t, parent, NODE_TABLE)))
    return -1;
  article_block *out =
      article_add_in(t->a, t->mem, parent, (block_kind)b->kind, b->level, text, b->len);
  if (!out)
    return -1;
  if (row)
    return build_cells(t, b, out);
  if (b->kind == BLOCK_CODE) {
    out->language = code_language(t, b->container);
    return 0;
  }
  out->runs = build_runs(t, b->off, b->off + b->len, out->text, b->mark_first,
                         (size_t)b->mark_first + b->mark_count, &oom);
  return oom ? -1 : 0;
}

/* ---- 5b. the lead figure ------------------------------------------------ */

/* The element that holds both the headline (the last <h1> before root)
 * and root: the article with its header, when the root is only its body.
 * NULL when the headline is inside root, missing, or shares no element
 * with it short of top. */
static const dom_node *headed_article(const ex *x, const dom_node *root, const dom_node *top) {
  const dom_node *h1 = NULL;
  for (size_t i = 0; i < x->nblocks; i++) {
    const tblock *b = &x->blocks[i];
    if (b->container && b->container->order >= root->order)
      break;
    if (b->kind == BLOCK_HEADING && b->level == 1)
      h1 = b->container;
  }
  if (!h1)
    return NULL;
  for (const dom_node *p = root->parent; p && p->tag != TAG_TEXT && p != top; p = p->parent)
    if (holds(p, h1))
      return (p->flags & (NF_NEG | NF_INNEG | NF_JUNK)) ? NULL : p;
  return NULL;
}

/* A captioned <figure> between the article's start and its body (the root)
 * is the article's lead picture, though it is outside the body's text:
 * emitted first, and one of the article's images. Boilerplate and teasers
 * around it rule it out. */
static int emit_lead_figures(tree *t, const dom_node *top) {
  const ex *x = t->x;
  const dom_node *art = headed_article(x, t->root, top);
  const tblock *last = NULL; /* the last lead figure's caption */
  if (!art)
    return 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const tblock *b = &x->blocks[i];
    if (!b->container || b->container->order < art->order)
      continue;
    if (b->container->order >= t->root->order)
      break;
    if (b->kind != BLOCK_CAPTION || b->teaser || b->container->tag != TAG_FIGCAPTION ||
        !figure_around(b->container))
      continue;
    const dom_node *p = b->container;
    while (p != art && !(p->flags & (NF_NEG | NF_JUNK | NF_TEASER)))
      p = p->parent;
    /* Pages repeat the lead picture for small and large screens. */
    if (p != art || (last && last->len == b->len &&
                     !memcmp(x->text.data + last->off, x->text.data + b->off, b->len)))
      continue;
    if (emit_block(t, b))
      return -1;
    last = b;
  }
  return 0;
}

/* ---- 6. comments ----------------------------------------------------------- */

/* The outermost element named as comments around b, below top and not
 * around the article's root; NULL when there is none. */
static const dom_node *comment_section(const tblock *b, const dom_node *top, const dom_node *root) {
  const dom_node *found = NULL;
  for (const dom_node *p = b->container; p && p != top && p->tag != TAG_TEXT; p = p->parent)
    if ((p->flags & NF_COMMENTS) && !holds(p, root))
      found = p;
  return found;
}

/* Where b sits below section: in a <form> (the "Leave a reply" form's
 * notes, "Your email address will not be published", are no comment), and
 * in a comment-named element of its own (one comment of several). */
static void comment_place(const tblock *b, const dom_node *section, int *in_form, int *in_item) {
  *in_form = *in_item = 0;
  for (const dom_node *p = b->container; p && p != section && p->tag != TAG_TEXT; p = p->parent) {
    if (p->tag == TAG_FORM)
      *in_form = 1;
    if (p->flags & NF_COMMENTS)
      *in_item = 1;
  }
}

/* Readers' comments: the comment-named section with the most prose, as an
 * article of its own. Its prose is that of its comment blocks (a sentence,
 * 40 characters, not mostly links, not in its reply form): at least 80
 * characters, or less in a comment of its own within it ("One reply"), not
 * a lone line named like comments ("Comment via email"). Its blocks are
 * prose and names, not the links ("Reply", permalinks) around them, nor
 * its reply form. */
static int extract_comments(ex *x, const dom_node *top, const dom_node *root, article *out) {
  if (x->names_ignored)
    return 0; /* a thread: the posts are the content */
  const dom_node *best = NULL, *cur = NULL;
  uint32_t best_prose = 0, cur_prose = 0;
  int cur_item = 0;
  /* A section's blocks come one after another: sum them, then compare. */
  for (size_t i = 0; i <= x->nblocks; i++) {
    const tblock *b = i < x->nblocks ? &x->blocks[i] : NULL;
    const dom_node *s = NULL;
    int form = 0, item = 0;
    if (b && b->chars >= 40 && b->link_chars * 2 <= b->chars && (s = comment_section(b, top, root)))
      comment_place(b, s, &form, &item);
    if (b && (!s || form))
      continue;
    if (s != cur) {
      if (cur && (cur_prose >= 80 || cur_item) && cur_prose > best_prose)
        best = cur, best_prose = cur_prose;
      cur = s, cur_prose = 0, cur_item = 0;
    }
    if (b)
      cur_prose += b->chars - b->link_chars, cur_item |= item;
  }
  if (!best)
    return 0;
  article *c = arena_calloc(x->mem, sizeof *c);
  if (!c)
    return -1;
  /* Headings wait for something to head: "Leave a reply" over the form
   * that was left out goes too. */
  const tblock *pending[8];
  size_t npending = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const tblock *b = &x->blocks[i];
    if (b->container->order < best->order || b->container->order > best->order_end ||
        b->link_chars * 2 > b->chars || b->kind == BLOCK_CAPTION)
      continue;
    int form, item;
    comment_place(b, best, &form, &item);
    if (form)
      continue;
    if (b->kind == BLOCK_HEADING) {
      while (npending && pending[npending - 1]->level >= b->level)
        npending--; /* headed nothing */
      if (npending < sizeof pending / sizeof *pending)
        pending[npending++] = b;
      continue;
    }
    for (size_t k = 0; k <= npending; k++) {
      const tblock *e = k < npending ? pending[k] : b;
      if (!article_add(c, x->mem,
                       e->kind == BLOCK_TABLE_ROW ? BLOCK_PARAGRAPH : (block_kind)e->kind, e->level,
                       x->text.data + e->off, e->len))
        return -1;
    }
    npending = 0;
  }
  out->comments = c->first ? c : NULL;
  return 0;
}

/* ---- title --------------------------------------------------------------- */

/* Collapses white space of s into mem. */
static char *squeeze(arena *mem, const char *s, size_t len) {
  char *out = arena_alloc(mem, len + 1);
  if (!out)
    return NULL;
  size_t j = 0;
  int space = 0;
  for (size_t i = 0; i < len; i++) {
    if (is_space((unsigned char)s[i])) {
      space = j > 0;
      continue;
    }
    if (space)
      out[j++] = ' ';
    space = 0;
    out[j++] = s[i];
  }
  out[j] = '\0';
  return out;
}

static const char *page_title(dom_doc *doc, arena *mem) {
  if (!doc->title)
    return NULL;
  buf b;
  buf_init(&b);
  for (dom_node *c = doc->title->first; c; c = c->next)
    if (c->tag == TAG_TEXT)
      buf_append(&b, c->text, c->text_len);
  char *t = b.data ? squeeze(mem, b.data, b.len) : NULL;
  buf_free(&b);
  return t && *t ? t : NULL;
}

/* The headline: the first <h1> whose text the <title> contains, else the
 * <title> itself. (Site-name suffixes and the rest of metadata come with
 * the meta module.) */
static const char *choose_title(ex *x, dom_doc *doc) {
  const char *title = page_title(doc, x->mem);
  for (size_t i = 0; i < x->nblocks; i++) {
    tblock *b = &x->blocks[i];
    if (b->kind != BLOCK_HEADING || b->level != 1)
      continue;
    char *h = arena_strndup(x->mem, x->text.data + b->off, b->len);
    if (!h)
      return title;
    if (!title || strstr(title, h))
      return h;
  }
  return title;
}

#ifdef PITH_DEBUG_EXTRACT
static void debug_node(const dom_node *n) {
  fprintf(stderr, "<%s", n->tag == TAG_UNKNOWN ? n->name : tag_name((tag_id)n->tag));
  if (n->id)
    fprintf(stderr, " id=%s", n->id);
  if (n->cls)
    fprintf(stderr, " class=\"%.80s\"", n->cls);
  fprintf(stderr, "> o=%u-%u score=%.0f chars=%u links=%u flags=%x\n", n->order, n->order_end,
          n->score, n->chars, n->link_chars, n->flags);
}
static void debug_dump(ex *x, dom_node *root, int listing) {
  fprintf(stderr, "elements %u blocks %zu\n", x->nelements, x->nblocks);
  for (uint32_t i = 0; i < x->nelements && i < 20; i++) {
    fprintf(stderr, "EL ");
    debug_node(x->elements[i]);
  }
  for (uint32_t i = 0; i < x->nelements; i++)
    if (x->elements[i]->tag == TAG_H1) {
      for (dom_node *p = x->elements[i]; p && p->tag != TAG_TEXT; p = p->parent) {
        fprintf(stderr, "H1-CHAIN ");
        debug_node(p);
      }
      break;
    }
  if (!root)
    return;
  fprintf(stderr, "ROOT ");
  debug_node(root);
  for (dom_node *p = root->parent; p && p->tag != TAG_UNKNOWN; p = p->parent) {
    fprintf(stderr, "  up ");
    debug_node(p);
  }
  for (size_t i = 0; i < x->nblocks; i++) {
    tblock *b = &x->blocks[i];
    fprintf(stderr, "%c%c %6.1f %4u/%4u k%d [%.60s] in ",
            keep_block(x, b, root, listing) ? '+' : '-', b->teaser ? 'T' : ' ', b->weight,
            b->link_chars, b->chars, b->kind, x->text.data + b->off);
    debug_node(b->container);
    if (b->boiler) {
      fprintf(stderr, "      boiler ");
      debug_node(b->boiler);
    }
  }
}
#endif

/* ---- driver -------------------------------------------------------------- */

int extract_article(dom_doc *doc, arena *mem, article *out, char *err, size_t err_cap) {
  ex x;
  memset(&x, 0, sizeof x);
  x.mem = mem;
  x.dl = doc->deadline;
  buf_init(&x.text);
  int rc = -1;
  uint64_t *seen = NULL;
  x.elements = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.elements);
  x.hidden = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.hidden);
  if (!x.elements || !x.hidden)
    goto oom;
  measure(&x, doc->root);
  dom_node *top = doc->body ? doc->body : doc->root;
  /* Broken markup can close the body early and leave the rest of the page
   * beside it (under <html>, or a second <html>). */
  if (top->chars < doc->root->chars)
    top = doc->root;
  clear_layout_names(&x, top);
  x.container = top;
  walk(&x, top, 0);
  flush(&x);
  if (x.oom || x.text.oom || reveal_hidden_content(&x, top))
    goto oom;
  if (deadline_over(x.dl))
    goto timeout;
  count_stopwords(&x, doc);

  out->title = choose_title(&x, doc);
  mark_teasers(&x, top);
  dom_node *root = choose_root(&x);
  switch (mark_unnamed_replies(&x, doc, root)) {
  case -1:
    goto oom;
  case 1:
    root = choose_root(&x);
    break;
  }
  /* A forum thread or a Q&A page is all "comments" and "posts": when the
   * prose under boilerplate names dwarfs the rest, and the rest is next to
   * nothing, or the page declares itself a discussion, or its one post is
   * built like the replies, the names are set aside. */
  float named_prose = 0, free_prose = 0;
  const dom_node *opening = NULL; /* a thread's opening post, built like its replies */
  for (size_t i = 0; i < x.nblocks; i++) {
    tblock *b = &x.blocks[i];
    if (b->weight > 0)
      free_prose += b->weight;
    else if (is_named_prose(b))
      named_prose += (float)b->chars;
  }
  if (named_prose > NAMED_PROSE_MIN && named_prose > 4 * free_prose &&
      (free_prose < FREE_PROSE_MAX || declares_discussion(&x, doc) ||
       (opening = opening_post_alike(&x)) != NULL)) {
    x.names_ignored = 1;
    root = choose_root(&x);
    if (root && opening)
      root = with_opening_post(root, opening);
  }
  for (uint32_t i = 1; i < x.nelements; i++) {
    dom_node *n = x.elements[i];
    if (n->parent && n->parent->tag != TAG_TEXT && (n->parent->flags & (NF_NEG | NF_INNEG)))
      n->flags |= NF_INNEG;
  }
  float listing_weight = 0, record_chars = 0;
  dom_node *listing = choose_listing(&x, &listing_weight, &record_chars);
  int listing_mode = 0;
  float prose = 0;
  for (size_t i = 0; i < x.nblocks; i++)
    if (x.blocks[i].weight > 0)
      prose += x.blocks[i].weight;
  /* A list beside the article that would be taken for the page's listing,
   * or that holds the root: boilerplate, and the root chosen again. */
  if (listing && (!root || holds(listing, root) || root->score < 0.5f * listing_weight) &&
      listing_weight > LISTING_VS_PROSE * prose && list_beside_headline(&x, listing, out->title)) {
    set_aside(&x, listing);
    root = choose_root(&x);
    listing = NULL;
  }
  dom_node *prose_root = root;
  if (listing && (!root || root->score < 0.5f * listing_weight) &&
      listing_weight > LISTING_VS_PROSE * prose) {
    root = listing;
    listing_mode = 1;
  }
  if (prose_root)
    prose_root = widen_root(&x, grow_paragraph_root(&x, prose_root, top));
  if (!listing_mode)
    root = prose_root;
  /* A listing page often has several lists ("Featured", "Latest"): the
   * container of a few of them, when it holds little else. Not for long
   * records (a thread's posts), whose neighbours are rarely more posts. */
  for (int up = 0; listing_mode && record_chars < LISTING_WIDEN_RECORD && up < LISTING_WIDEN_LEVELS;
       up++) {
    dom_node *p = root->parent;
    if (!p || p->tag == TAG_TEXT || p == top || (p->flags & (NF_NEG | NF_INNEG | NF_JUNK)) ||
        (float)p->chars > LISTING_WIDEN_SHARE * (float)root->chars)
      break;
    root = p;
  }
  if (listing_mode && !listing_headed(&x, root)) {
    listing_mode = 0;
    root = prose_root;
  }
  if (listing_mode)
    mark_named_records(&x, root);
#ifdef PITH_DEBUG_EXTRACT
  fprintf(stderr, "prose %.0f listing %.0f%s\n", prose, listing_weight,
          listing_mode ? " USED" : "");
  debug_dump(&x, root, listing_mode);
#endif
  if (root) {
    size_t cap = 16;
    while (cap < x.nblocks * 2)
      cap *= 2;
    seen = calloc(cap, sizeof *seen);
    if (!seen)
      goto oom;
    /* Pick the blocks, then drop headings that head nothing (a widget's
     * title, "Advertisement") before emitting. */
    size_t *kept = malloc((x.nblocks + 1) * sizeof *kept);
    if (!kept)
      goto oom;
    size_t nkept = 0;
    for (size_t i = 0; i < x.nblocks; i++) {
      tblock *b = &x.blocks[i];
      if (!keep_block(&x, b, root, listing_mode))
        continue;
      const char *t = x.text.data + b->off;
      if (seen_before(seen, cap, hash_text(t, b->len)))
        continue;
      kept[nkept++] = i;
    }
    size_t from = 0, to = nkept;
    if (!listing_mode && TRIM_EDGES)
      best_run(&x, kept, nkept, &from, &to);
    tree t = {.x = &x, .a = out, .mem = mem, .root = root, .base = link_base(doc, out->url)};
    if (!listing_mode && emit_lead_figures(&t, top)) {
      free(kept);
      goto oom;
    }
    if (from > 0) /* lone images after the blocks trimmed away */
      t.last_end = x.blocks[kept[from - 1]].off + x.blocks[kept[from - 1]].len;
    for (size_t k = from; k < to; k++) {
      if (deadline_over(x.dl)) {
        free(kept);
        goto timeout;
      }
      tblock *b = &x.blocks[kept[k]];
      if (!listing_mode && b->kind == BLOCK_HEADING && !heads_something(&x, kept, nkept, k))
        continue;
      if (emit_block(&t, b)) {
        free(kept);
        goto oom;
      }
    }
    free(kept);
    if (extract_comments(&x, top, root, out))
      goto oom;
  }
  rc = 0;
  goto done;
oom:
  snprintf(err, err_cap, "out of memory");
  goto done;
timeout:
  snprintf(err, err_cap, "over the time budget while extracting");
done:
  free(seen);
  free(x.blocks);
  free(x.marks);
  free(x.alone);
  buf_free(&x.text);
  return rc;
}
