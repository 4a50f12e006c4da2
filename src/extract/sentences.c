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
#include "text/vocab.h"

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

/* The last character of s[0..len) and where it starts; 0 when empty. */
static uint32_t last_char(const char *s, uint32_t len, uint32_t *at) {
  *at = 0;
  if (len == 0)
    return 0; /* mstr_utf8 reads a byte even of an empty string */
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
 * an opening quote, "¡" or "¿"), a terminal mark last (before a closing
 * quote; not an ellipsis: an excerpt cut short), and two words, one of
 * them after the first in lower case (not a name, "Jane Doe, Ph.D.", nor
 * a shouted label), or four CJK characters at least. */
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
      if (!vocab_is_cjk(c) && mstr_lower(c) == c)
        return 0;
      first = 0;
    }
    if (vocab_is_cjk(c)) {
      cjk++;
      in_word = 0;
      continue;
    }
    if (mstr_is_space(c)) {
      in_word = 0;
      continue;
    }
    if (mstr_is_alnum(c)) {
      if (!in_word && words++ > 0)
        lower |= mstr_lower(c) == c && !(c >= '0' && c <= '9');
      in_word = 1;
    }
  }
  if (cjk >= SENTENCE_MIN_CJK)
    return 1;
  return lower && words >= SENTENCE_MIN_WORDS;
}

/* A paragraph or quote of prose by its length (long_sentence), hardly
 * any of it link text, outside boilerplate. */
static int is_long_prose(const text_block *b) {
  return (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_QUOTE) && !b->neg && !b->teaser &&
         b->link_chars * 2 < b->chars && (b->shape & SHAPE_LONG_SENTENCE);
}

/* What a template's short lines say, sentences or not: "Share this
 * article.", "Leave a comment.", "Posted in Travel.", "Sign up today.",
 * "All rights reserved." (word starts, case folded; a few languages).
 * Which languages (pith -f json's language, 2026-12-07): wcxb-dev en 1347
 * of 1358; scrapinghub en 161 of 181, pt 6, ru 4, it 2, id 2, ja 2, ko 2,
 * de 2; htmldate-dev (no text gold) de 270, en 142, fr 18, es 12, pt 7,
 * zh 7, it 4; the WARC samples ja 29, en 24, zh 9. Portuguese and Italian
 * words ("compartilh", "inscreva", "leia mais", "publicado", "direitos
 * reservados", "condivid", "iscriviti", "leggi anche", "pubblicato", ...)
 * changed no output of bench/quality.py --flat: those pages' chrome lines
 * are long or unpunctuated, so not added. Russian would need Cyrillic case
 * folding (has_word_ci folds ASCII). */
static const char *const template_words[] = {
    "share",           "comment",     "subscri", "sign up",   "signup",  "newsletter", "follow us",
    "posted",          "filed",       "tagged",  "read more", "click",   "log in",     "login",
    "rights reserved", "cookie",      "advert",  "sponsor",   "teilen",  "kommentar",  "abonn",
    "partag",          "commentaire", "compart", "comentar",  "suscrib",
};

int says_template(const char *s, uint32_t len) {
  for (size_t i = 0; i < sizeof template_words / sizeof *template_words; i++)
    if (has_word_ci(s, len, template_words[i], 0))
      return 1;
  return 0;
}

void mark_sentence_shapes(extraction *x) {
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    const char *s = x->text.data + b->off;
    if (long_sentence(x, b))
      b->shape = SHAPE_LONG_SENTENCE;
    else if (b->chars < LONG_BLOCK_CHARS && reads_as_sentence(s, b->len) &&
             !says_template(s, b->len))
      b->shape = SHAPE_SHORT_SENTENCE;
    else
      b->shape = 0;
  }
}

/* A short paragraph or quote without links that reads as a sentence and
 * says nothing a template says. */
static int is_short_sentence(const text_block *b) {
  return (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_QUOTE) && b->link_chars == 0 &&
         !b->teaser && (b->shape & SHAPE_SHORT_SENTENCE);
}

/* A block that breaks a run of sentences: link text mostly, or a short
 * paragraph that is no sentence ("Watch the video", a signature). */
static int breaks_run(const text_block *b) {
  if (b->link_chars * 2 > b->chars)
    return 1;
  return (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_QUOTE) &&
         !(b->shape & SHAPE_LONG_SENTENCE) && !is_short_sentence(b);
}

/* A short line below parent (a dateline, a byline): a paragraph, no
 * sentence. */
static int is_line_below(const text_block *n, const void *parent) {
  return n->kind == BLOCK_PARAGRAPH && n->chars < LONG_BLOCK_CHARS && n->container &&
         holds(parent, n->container) && !is_short_sentence(n);
}

/* Whether an <h1> heads the short lines below parent ending with block j
 * (HEADLINE_GAP of them at most, one at least). */
static int headline_over_lines(const extraction *x, size_t j, const dom_node *parent) {
  const headline_lines w = {x, NULL, x->nblocks, is_line_below, parent};
  size_t end = past_headline_lines(&w, j, -1);
  if (end == NO_BLOCK || end == j)
    return 0;
  const text_block *n = &x->blocks[end];
  return n->kind == BLOCK_HEADING && n->level == 1 && !n->neg;
}

/* The element whose children b and its siblings are: its container's
 * parent, or the container itself for text loose in a <div> or <main>
 * between <br>s and headings. */
static const dom_node *run_parent(const text_block *b) {
  return in_plain_part(b->container->parent, b->container) ? b->container->parent : b->container;
}

/* Whether b is in a run of prose under its parent: the blocks beside it
 * (SENTENCE_REACH either way at most), below that parent, up to one that
 * breaks the run, hold a paragraph of prose — or the page's headline opens
 * the run (an <h1>, a dateline or a byline between it and the run or
 * not): a note of short sentences. A widget's heading over its lines
 * ("Newsletter", "Sign up today.") is no headline.
 * Headings, items and rows between go on with the run. */
static int in_prose_run(const extraction *x, const text_block *b) {
  const dom_node *parent = run_parent(b);
  if (!parent || parent->tag == TAG_TEXT)
    return 0;
  size_t i = (size_t)(b - x->blocks);
  int headline = 0; /* an <h1> opens the run */
  for (int dir = -1; dir <= 1; dir += 2)
    for (size_t k = 1; k <= SENTENCE_REACH; k++) {
      if (dir < 0 ? k > i : i + k >= x->nblocks)
        break;
      const text_block *n = &x->blocks[dir < 0 ? i - k : i + k];
      if (dir < 0 && n->kind == BLOCK_HEADING && n->level == 1 && !n->neg)
        headline = 1;
      if (!n->container || !in_plain_part(parent, n->container))
        break;
      if (breaks_run(n)) {
        if (dir < 0 && !headline)
          headline = headline_over_lines(x, i - k, parent);
        break;
      }
      if (run_parent(n) == parent && is_long_prose(n))
        return 1;
    }
  return headline;
}

int short_sentence_in_prose(const extraction *x, const text_block *b) {
  return b->container && is_short_sentence(b) && in_prose_run(x, b);
}
