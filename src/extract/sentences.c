/* Step 3, weights: a short block that is a sentence. A block under 30
 * characters weighs against its container as a fragment would (a kicker,
 * a dateline, "Advertisement"), and at the root's edges it is trimmed
 * away. But a plain page is often written in short sentences ("It was a
 * warm day today.", "Nobody minded."), and a reader expects every one of
 * them. Such a block is prose when it reads as a sentence — it opens with
 * a capital (or a CJK character) and ends with a full stop, a question or
 * an exclamation mark — and sits among the article's other paragraphs:
 * beside a paragraph of prose under the same parent. Chrome is rarely
 * written so: a kicker, a byline or "Share this" has no full stop, and a
 * footer's sentence ("All rights reserved.") sits in the footer, away from
 * the prose. */
#include "extract/internal.h"
#include "meta/mstr.h"

/* How far (in blocks, either way) the prose beside a short sentence is
 * looked for: its own paragraph's neighbours, not the page's. */
#ifndef SENTENCE_REACH
#define SENTENCE_REACH 8
#endif
/* A sentence has two words at least ("Nobody minded."); written in CJK,
 * four characters before its full stop ("我做了汤。"). */
#ifndef SENTENCE_MIN_WORDS
#define SENTENCE_MIN_WORDS 2
#endif
#ifndef SENTENCE_MIN_CJK
#define SENTENCE_MIN_CJK 4
#endif

static int is_cjk(uint32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

/* Quotes and brackets a sentence may open or close with. */
static int is_quote_mark(uint32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == ')' || c == 0xAB || c == 0xBB || c == 0x2018 ||
         c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x201E;
}

/* Where a sentence ends: a full stop, a question or an exclamation mark,
 * ASCII or CJK. */
static int is_terminal(uint32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
         c == 0xFF0E;
}

/* The last character of s[0..len) and where it starts. */
static uint32_t last_char(const char *s, uint32_t len, uint32_t *at) {
  uint32_t i = len;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
    i--;
  if (i > 0)
    i--;
  *at = i;
  size_t adv;
  return mstr_utf8(s + i, len - i, &adv);
}

/* Whether s reads as a sentence: a capital or a CJK character first (after
 * an opening quote, "¡" or "¿"), a lower-case letter somewhere (not a
 * shouted label), a terminal mark last (before a closing quote; not an
 * ellipsis: an excerpt cut short), and two words or four CJK characters at
 * least. */
static int reads_as_sentence(const char *s, uint32_t len) {
  while (len > 0 && is_space((unsigned char)s[len - 1]))
    len--;
  uint32_t at;
  uint32_t c = last_char(s, len, &at);
  while (len > 0 && is_quote_mark(c)) {
    len = at;
    c = last_char(s, len, &at);
  }
  if (!is_terminal(c) || ends_cut_short(s, len))
    return 0;
  uint32_t i = 0, words = 0, cjk = 0;
  int first = 1, lower = 0, in_word = 0;
  while (i < at) {
    size_t adv;
    c = mstr_utf8(s + i, at - i, &adv);
    i += (uint32_t)adv;
    if (first) {
      if (is_space((unsigned char)c) || is_quote_mark(c) || c == 0xA1 || c == 0xBF)
        continue;
      if (!is_cjk(c) && mstr_lower(c) == c)
        return 0;
      first = 0;
    }
    if (is_cjk(c)) {
      cjk++;
      in_word = 0;
      continue;
    }
    if (mstr_is_space(c)) {
      in_word = 0;
      continue;
    }
    if (mstr_is_alnum(c)) {
      lower |= mstr_lower(c) == c && !(c >= '0' && c <= '9');
      words += !in_word;
      in_word = 1;
    }
  }
  if (cjk >= SENTENCE_MIN_CJK)
    return 1;
  return lower && words >= SENTENCE_MIN_WORDS;
}

/* A block that weighs as prose by its length: a paragraph or quote of 30
 * characters or more with a sentence's punctuation, hardly any of it link
 * text, outside boilerplate. */
static int is_long_prose(const extraction *x, const text_block *b) {
  return (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_QUOTE) && !b->neg && !b->teaser &&
         b->chars >= 30 && b->link_chars * 2 < b->chars &&
         has_sentence_punctuation(x->text.data + b->off, b->len);
}

/* A block that breaks a run of sentences: link text mostly, or a short
 * paragraph that is no sentence ("Watch the video", a signature). */
static int breaks_run(const extraction *x, const text_block *b) {
  if (b->link_chars * 2 > b->chars)
    return 1;
  return (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_QUOTE) && b->chars < 30 &&
         !reads_as_sentence(x->text.data + b->off, b->len);
}

/* Whether a paragraph of prose sits beside b under the same parent,
 * SENTENCE_REACH blocks away at most, with nothing between that breaks
 * the run: the blocks between are all below that parent, and sentences,
 * headings, items or rows. */
static int beside_prose(const extraction *x, const text_block *b) {
  const dom_node *parent = b->container->parent;
  if (!parent || parent->tag == TAG_TEXT)
    return 0;
  size_t i = (size_t)(b - x->blocks);
  for (int dir = -1; dir <= 1; dir += 2)
    for (size_t k = 1; k <= SENTENCE_REACH; k++) {
      if (dir < 0 ? k > i : i + k >= x->nblocks)
        break;
      const text_block *n = &x->blocks[dir < 0 ? i - k : i + k];
      if (!n->container || !holds(parent, n->container))
        break;
      if (n->container->parent == parent && is_long_prose(x, n))
        return 1;
      if (breaks_run(x, n))
        break;
    }
  return 0;
}

int short_sentence_in_prose(const extraction *x, const text_block *b) {
  return (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_QUOTE) && b->link_chars == 0 &&
         b->container && !b->teaser && reads_as_sentence(x->text.data + b->off, b->len) &&
         beside_prose(x, b);
}
