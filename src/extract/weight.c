/* Step 3, weights: what each block says for or against the element that
 * holds it being the main content. Prose weighs its characters, less its
 * link share; link lists, short fragments, copyright lines, cookie notices,
 * teasers and blocks under boilerplate names weigh against; headings and
 * short list items without links weigh next to nothing; table rows half. */
#include <string.h>

#include "extract/internal.h"

/* A block of at least STOP_MIN_WORDS words of which fewer than
 * STOP_MIN_SHARE are function words weighs STOP_PENALTY of a paragraph. */
#ifndef STOP_PENALTY
#define STOP_PENALTY 0.5f
#endif

/* Boilerplate by its tag, or by what it is (a modal, a popup, a section
 * of other posts), not by a name that a forum may give its posts too. */
int is_structural(const dom_node *n) {
  return n->tag == TAG_NAV || n->tag == TAG_ASIDE || n->tag == TAG_FOOTER ||
         (n->flags & (NF_OVERLAY | NF_OTHERS));
}

/* "© 2024 ...", "Copyright 2024 ...": a site's footer line. */
static int is_copyright(const char *s, uint32_t len) {
  for (uint32_t i = 0; i + 1 < len; i++)
    if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9)
      return 1;
  return len >= 9 && (!strncmp(s, "Copyright", 9) || !strncmp(s, "copyright", 9));
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

/* A sentence under LONG_BLOCK_CHARS is less surely prose than a long
 * block: it weighs less a character. */
#ifndef SENTENCE_WEIGHT
#define SENTENCE_WEIGHT 0.6f
#endif

/* A CJK character carries about what three Latin letters do: a sentence
 * of Chinese or Japanese is 10-20 characters where an English one is
 * 30-60, so the short-block bar for a sentence is a third as high for a
 * block written mostly in CJK (lead bytes E3-ED: kana, CJK ideographs
 * and punctuation, Hangul). */
#ifndef CJK_SENTENCE_MIN_CHARS
#define CJK_SENTENCE_MIN_CHARS 10
#endif
static int mostly_cjk(const extraction *x, const text_block *b) {
  const unsigned char *s = (const unsigned char *)x->text.data + b->off;
  uint32_t cjk = 0;
  for (uint32_t i = 0; i < b->len; i++)
    if (s[i] >= 0xE3 && s[i] <= 0xED)
      cjk++;
  return 2 * cjk >= b->chars;
}

int long_sentence(const extraction *x, const text_block *b) {
  return (b->chars >= 30 || (b->chars >= CJK_SENTENCE_MIN_CHARS && mostly_cjk(x, b))) &&
         has_sentence_punctuation(x->text.data + b->off, b->len);
}

float block_weight(const extraction *x, const text_block *b) {
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
  if (b->chars >= LONG_BLOCK_CHARS)
    return b->bare ? 0.0f : prose * c * (1.0f - ld);
  if (long_sentence(x, b))
    return SENTENCE_WEIGHT * c * (1.0f - ld);
  if (short_sentence_in_prose(x, b))
    return SENTENCE_WEIGHT * c;
  /* A short item of a list without links is a fact or a step (features,
   * "What you will learn"), not a template's furniture: menus are links.
   * It weighs nothing either way. */
  if (b->kind == BLOCK_LIST_ITEM && b->link_chars == 0)
    return 0.0f;
  return -2.0f;
}
