/* Step 4, emit: the blocks under the root become the article, less
 * boilerplate inside it, teasers, link lists, a table of contents,
 * repeats (same text, case folded; not a grid's values: a price in each
 * card), a template's labels beside each post, a listing's controls,
 * headings that head nothing, and whatever falls outside the heaviest run
 * of blocks (bylines, dates and story lists at the root's edges). A
 * listing keeps its records' link text, bylines and dates. Each block is
 * placed in the article's tree (step 5: tree.c). */
#include <stdlib.h>

#include "extract/internal.h"

int keep_block(const extraction *x, const text_block *b, const dom_node *root, int listing) {
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
static int heads_something(const extraction *x, const size_t *kept, size_t nkept, size_t k) {
  int level = x->blocks[kept[k]].level;
  for (size_t j = k + 1; j < nkept; j++) {
    const text_block *b = &x->blocks[kept[j]];
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

static void best_run(const extraction *x, const size_t *kept, size_t nkept, size_t *from,
                     size_t *to) {
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
  /* A heading weighs a little for itself: one that ends the run in a box
   * with the lines trimmed after it (a "Newsletter" over "Sign up today.")
   * is that box's title and goes with them, all but the run's first
   * block. */
  if (*to >= nkept)
    return;
  const dom_node *trimmed = x->blocks[kept[*to]].container;
  while (*to - 1 > *from) {
    const text_block *b = &x->blocks[kept[*to - 1]];
    if (b->kind != BLOCK_HEADING || !b->container->parent || !holds(b->container->parent, trimmed))
      break;
    (*to)--;
  }
}

/* A short line without sentence punctuation that the root repeats
 * LABEL_REPEATS times or more, with prose between its copies and not before
 * the same line every time, is the template's label beside each post, not
 * content: a forum's "Joined" and "Posts" beside each reply's own date and
 * count, a user's rank. Every copy goes (the repeats' rule keeps the
 * first). Labels with no prose between them are what the reader compares
 * (a shop's cards, a table of specs), and a line repeated before the same
 * line each time is a repeated part of the content (a pricing table's
 * features): they stay. Links and bylines are a listing's records. The
 * line after a copy is told apart by its first LABEL_NEXT_BYTES: a
 * label's value is short. */
#ifndef LABEL_MAX_CHARS
#define LABEL_MAX_CHARS 30
#endif
#ifndef LABEL_REPEATS
#define LABEL_REPEATS 3
#endif
#define LABEL_NEXT_BYTES 64

/* What a label's numbers say, before its text is read. */
static int may_be_label(const text_block *b) {
  return b->kind == BLOCK_PARAGRAPH && b->chars <= LABEL_MAX_CHARS && b->link_chars == 0;
}

static int is_label(const extraction *x, const text_block *b) {
  return may_be_label(b) && !(b->boiler && (b->boiler->flags & NF_META)) &&
         !has_sentence_punctuation(x->text.data + b->off, b->len);
}

/* How many blocks under root may be labels: the size of their table. */
static size_t count_label_candidates(const extraction *x, const dom_node *root) {
  size_t n = 0;
  for (size_t i = 0; i < x->nblocks; i++)
    n += may_be_label(&x->blocks[i]) && x->blocks[i].container &&
         holds(root, x->blocks[i].container);
  return n;
}

/* Prose between a label's copies: a block of this many characters at
 * least, with a sentence's punctuation (a post's text, not its date or
 * its signature). */
#define PROSE_MIN_CHARS 80

static int is_prose(const extraction *x, const text_block *b) {
  return b->chars >= PROSE_MIN_CHARS && has_sentence_punctuation(x->text.data + b->off, b->len);
}

/* A label's copies in the root: how many, how many of them come after
 * prose that came after the one before, the line after the first, and
 * whether another copy comes before another line. 24 bytes: the table
 * holds a slot for every short line (a shop's prices, buttons, labels); a
 * prose count past 2^31 would take 160 GB of text. */
typedef struct {
  uint64_t hash, first_next;
  uint32_t count, apart;
  uint32_t prose_before : 31, next_differs : 1;
} label_tally;

/* A listing's line: how many copies, and how many of them the repeats'
 * rule has met (elsewhere that rule has a set of its own). 16 bytes,
 * where a label_tally slot would take 24, for every block of the page. */
typedef struct {
  uint64_t hash;
  uint32_t count, seen;
} line_tally;

/* The slot of h in an open-addressing table T of cap slots (a power of
 * two, a third more than the candidates: an empty slot is always found,
 * and a probe's run stays short since hash_slot mixes h):
 * h's tally, or the empty slot where it would go. */
#define SLOT_OF(T)                                                                                 \
  static T *T##_slot(T *t, size_t cap, uint64_t h) {                                               \
    size_t i = hash_slot(h, cap);                                                                  \
    while (t[i].hash && t[i].hash != h)                                                            \
      i = (i + 1) & (cap - 1);                                                                     \
    return &t[i];                                                                                  \
  }                                                                                                \
  /* h's tally, made when it has none. */                                                          \
  static T *T##_of(T *t, size_t cap, uint64_t h) {                                                 \
    T *l = T##_slot(t, cap, h);                                                                    \
    l->hash = h;                                                                                   \
    return l;                                                                                      \
  }
SLOT_OF(label_tally)
SLOT_OF(line_tally)

static uint64_t block_hash(const extraction *x, const text_block *b) {
  return hash_text(x->text.data + b->off, b->len);
}

/* Counts the root's labels, the prose between their copies and what
 * follows each copy. */
static void tally_labels(const extraction *x, const dom_node *root, int listing, label_tally *t,
                         size_t cap) {
  uint32_t prose = 0; /* prose blocks so far */
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->chars > LABEL_MAX_CHARS && b->chars < PROSE_MIN_CHARS)
      continue; /* neither: spare keep_block */
    if (!keep_block(x, b, root, listing))
      continue;
    if (b->chars >= PROSE_MIN_CHARS) {
      prose += is_prose(x, b);
      continue;
    }
    if (!is_label(x, b))
      continue;
    label_tally *l = label_tally_of(t, cap, block_hash(x, b));
    const text_block *n = i + 1 < x->nblocks ? &x->blocks[i + 1] : NULL;
    uint64_t next =
        n ? hash_text(x->text.data + n->off, n->len < LABEL_NEXT_BYTES ? n->len : LABEL_NEXT_BYTES)
          : 0;
    if (l->count++ == 0)
      l->first_next = next;
    else {
      l->next_differs |= next != l->first_next;
      l->apart += prose > l->prose_before;
    }
    l->prose_before = prose;
  }
}

static int is_repeated_label(const extraction *x, const text_block *b, label_tally *t, size_t cap,
                             uint64_t h) {
  if (!is_label(x, b))
    return 0;
  const label_tally *l = label_tally_slot(t, cap, h); /* read only: an untallied line is no label */
  return l->count >= LABEL_REPEATS && l->next_differs && l->apart * 2 >= l->count;
}

/* A listing's cards: the words of their controls are not content, and
 * the values they repeat are. A control is a <button> ("Add to cart",
 * "Compare": not one holding a heading, an accordion's question, which
 * measure.c leaves unnamed) or a <label> (a quantity's "Qty:"); it is
 * small, so CONTROL_DEPTH levels up tell. */
#ifndef CONTROL_DEPTH
#define CONTROL_DEPTH 6
#endif

static int is_control(const dom_node *n) {
  return (n->tag == TAG_BUTTON && (n->flags & NF_NEG)) || n->tag == TAG_LABEL;
}

/* Characters of the controls in n's inline content (not in its blocks:
 * those are blocks of their own), looking at CONTROL_NODES nodes at most:
 * each node costs one before its children are looked at, so the budget
 * bounds the depth too (a library caller may lift the tree's depth limit). */
#ifndef CONTROL_NODES
#define CONTROL_NODES 64
#endif

static uint32_t inline_control_chars(const dom_node *n, int *budget) {
  uint32_t chars = 0;
  for (const dom_node *c = n->first; c && (*budget)-- > 0; c = c->next) {
    if (c->tag == TAG_TEXT || (c->flags & NF_JUNK) || tag_flags((tag_id)c->tag) == T_BLOCK)
      continue;
    chars += is_control(c) ? c->chars : inline_control_chars(c, budget);
  }
  return chars;
}

/* Whether b is a control's words: it lies in a control, or controls
 * inline in its element make nine tenths of it ("Qty: Add to cart" after
 * a card's blocks). */
static int in_control(const text_block *b, const dom_node *root) {
  const dom_node *n = b->container;
  for (int up = 0; up < CONTROL_DEPTH && n && n != root && n->tag != TAG_TEXT; up++, n = n->parent)
    if (is_control(n))
      return 1;
  int budget = CONTROL_NODES;
  return b->container && 10 * inline_control_chars(b->container, &budget) >= 9 * b->chars;
}

/* A control whose text comes CONTROL_REPEATS times or more is the
 * template's, in every card ("Add to cart", "Quick view"): every copy goes.
 * One of its own (a size, "1.7 oz / 50 mL") is a value the reader chooses
 * from, and stays. */
#ifndef CONTROL_REPEATS
#define CONTROL_REPEATS 3
#endif

/* A grid of cards (a listing whose records average under GRID_CARD_CHARS
 * characters: a shop's products, not a thread's posts) repeats values from card
 * to card: a price, a colour, "Free shipping", "Full-time". Each card's
 * copy is content, where the repeats' rule keeps the first alone. A value
 * is a short line (GRID_VALUE_CHARS at most, no link, no control) that
 * comes fewer times than GRID_EVERY_CARD times the grid's most repeated
 * short line: that one is in every card (a label, a control, "Want to
 * read"), and its copies are the template's. */
#ifndef GRID_CARD_CHARS
#define GRID_CARD_CHARS 300.0f
#endif
#ifndef GRID_VALUE_CHARS
#define GRID_VALUE_CHARS 30
#endif
#ifndef GRID_EVERY_CARD
#define GRID_EVERY_CARD 0.5f
#endif

/* Counts the listing's lines (t: cap slots, a third more than the blocks); returns
 * the count of its most repeated short line. */
static uint32_t tally_listing_lines(const extraction *x, const dom_node *root, line_tally *t,
                                    size_t cap) {
  uint32_t most = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (!keep_block(x, b, root, 1))
      continue;
    line_tally *l = line_tally_of(t, cap, block_hash(x, b));
    l->count++;
    if (b->chars <= GRID_VALUE_CHARS && l->count > most)
      most = l->count;
  }
  return most;
}

static int is_repeated_control(const text_block *b, const dom_node *root, const line_tally *l) {
  return in_control(b, root) && l->count >= CONTROL_REPEATS;
}

static int is_grid_value(const extraction *x, const text_block *b, const dom_node *root,
                         const line_tally *l, uint32_t most) {
  return x->record_chars < GRID_CARD_CHARS && b->chars <= GRID_VALUE_CHARS && b->link_chars == 0 &&
         (float)l->count < GRID_EVERY_CARD * (float)most && !in_control(b, root);
}

/* Whether b is a repeat to drop: its text came before (seen: the texts
 * met so far; on a listing, the lines' table counts them instead), and it
 * is not one of a grid's values. */
static int is_repeat(const extraction *x, const text_block *b, const dom_node *root, uint64_t *seen,
                     line_tally *line, size_t cap, uint64_t h, uint32_t most) {
  if (!line)
    return seen_before(seen, cap, h);
  return line->seen++ > 0 && !is_grid_value(x, b, root, line, most);
}

int emit_article(extraction *x, const dom_doc *doc, const dom_node *top, const dom_node *root,
                 int listing, article *out) {
  int rc = EMIT_OOM;
  size_t cap = 16;
  while (cap * 3 < x->nblocks * 4)
    cap *= 2;
  uint64_t *seen = NULL;
  label_tally *labels = NULL;
  line_tally *lines = NULL; /* a listing's lines */
  uint32_t most = 0;
  /* Pick the blocks, then drop headings that head nothing (a widget's
   * title, "Advertisement") before emitting. */
  size_t *kept = malloc((x->nblocks + 1) * sizeof *kept);
  if (!kept)
    goto done;
  size_t nlabels = count_label_candidates(x, root), lcap = 16;
  if (nlabels >= LABEL_REPEATS) {
    while (lcap * 3 < nlabels * 4)
      lcap *= 2;
    if (!(labels = calloc(lcap, sizeof *labels)))
      goto done;
    tally_labels(x, root, listing, labels, lcap);
  }
  if (listing) {
    if (!(lines = calloc(cap, sizeof *lines)))
      goto done;
    most = tally_listing_lines(x, root, lines, cap);
  } else if (!(seen = calloc(cap, sizeof *seen)))
    goto done;
  size_t nkept = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    if (!keep_block(x, b, root, listing))
      continue;
    uint64_t h = block_hash(x, b);
    if (labels && is_repeated_label(x, b, labels, lcap, h))
      continue;
    line_tally *line = lines ? line_tally_slot(lines, cap, h) : NULL; /* tallied: it is kept */
    if (line && is_repeated_control(b, root, line))
      continue;
    if (is_repeat(x, b, root, seen, line, cap, h, most))
      continue;
    kept[nkept++] = i;
  }
  size_t from = 0, to = nkept;
  if (!listing && TRIM_EDGES)
    best_run(x, kept, nkept, &from, &to);
  tree t = {.x = x, .a = out, .mem = x->mem, .root = root, .base = link_base(doc, out->url)};
  if (!listing && emit_lead_figures(&t, top))
    goto done;
  size_t headline = listing ? from : headline_before_run(x, kept, from);
  if (headline < from) { /* the headline over the lines trimmed away */
    t.last_end = x->blocks[kept[headline]].off;
    if (emit_block(&t, &x->blocks[kept[headline]]))
      goto done;
  }
  if (from > 0) /* lone images after the blocks trimmed away */
    t.last_end = x->blocks[kept[from - 1]].off + x->blocks[kept[from - 1]].len;
  for (size_t k = from; k < to; k++) {
    if (deadline_over(x->dl)) {
      rc = EMIT_TIMEOUT;
      goto done;
    }
    text_block *b = &x->blocks[kept[k]];
    if (!listing && b->kind == BLOCK_HEADING && !heads_something(x, kept, nkept, k))
      continue;
    if (emit_block(&t, b))
      goto done;
  }
  rc = 0;
done:
  free(seen);
  free(labels);
  free(lines);
  free(kept);
  return rc;
}
