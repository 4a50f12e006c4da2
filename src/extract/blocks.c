/* Step 2, blocks: a walk in document order cuts the visible text into
 * blocks (paragraphs, headings, list items, table rows, quotes, code,
 * captions), each remembering the element that holds it and the innermost
 * boilerplate and hidden elements around it. Beside the plain text it
 * records the marks (inline elements opening and closing, images, table
 * cells) from which step 5 builds the inline runs and cells, and the
 * images and rules that stand alone between blocks. */
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"

/* A link to a section of the page itself: a table of contents' entry. */
static int is_anchor(const dom_node *a) {
  const char *href = dom_attr_get(a, "href");
  return href && href[0] == '#' && href[1];
}

static block_kind kind_of(const extraction *x, int *level) {
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

static void add_mark(extraction *x, mark_kind kind, dom_node *n) {
  if (grow((void **)&x->marks, &x->marks_cap, x->nmarks, sizeof *x->marks)) {
    x->oom = 1;
    return;
  }
  x->marks[x->nmarks++] = (inline_mark){(uint32_t)x->text.len, (uint8_t)kind, n};
}

static void add_standalone(extraction *x, dom_node *n) {
  if (grow((void **)&x->alone, &x->alone_cap, x->nalone, sizeof *x->alone)) {
    x->oom = 1;
    return;
  }
  x->alone[x->nalone++] = (standalone){(uint32_t)x->text.len, n, x->boiler};
}

/* The block's first character is coming: inline elements opened and closed
 * before it held nothing; the ones still open (a link around several
 * blocks, too) open again here. */
static void begin_marks(extraction *x) {
  size_t k = x->mark_start;
  for (size_t i = x->mark_start; i < x->nmarks; i++)
    if (x->marks[i].kind != MARK_OPEN && x->marks[i].kind != MARK_CLOSE)
      x->marks[k++] = x->marks[i];
  x->nmarks = k;
  for (int i = 0; i < x->inline_depth && i < INLINE_STACK_MAX; i++)
    add_mark(x, MARK_OPEN, x->inline_open[i]);
}

static void flush(extraction *x) {
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
    text_block *b = &x->blocks[x->nblocks++];
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

static int ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

static void add_text(extraction *x, const char *s, uint32_t len) {
  uint32_t chars = 0;
  if (x->in_pre) {
    if ((uint32_t)x->text.len == x->cur_start && len)
      begin_marks(x);
    buf_append(&x->text, s, len);
    chars = visible_chars(s, len);
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

static void walk(extraction *x, dom_node *n, int row_cell);

static void walk_children(extraction *x, dom_node *n) {
  for (dom_node *c = n->first; c; c = c->next)
    walk(x, c, 0);
}

/* A table row whose cells hold only inline content becomes one block, its
 * cells separated by " | ". Rows of layout tables (cells with paragraphs
 * inside) are walked like any other container. */
static void walk_row(extraction *x, dom_node *tr) {
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

static void walk(extraction *x, dom_node *n, int row_cell) {
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

void cut_blocks(extraction *x, dom_node *top) {
  x->container = top;
  walk(x, top, 0);
  flush(x);
}
