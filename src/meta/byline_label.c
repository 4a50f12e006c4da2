/* Byline labels: one table of what each may do, one matcher. */
#include "meta/byline_label.h"

#include <string.h>

#include "meta/mstr.h"

typedef struct {
  const char *words; /* lower case */
  unsigned flags;
} byline_label;

enum {
  F = LABEL_FIELD,
  L = LABEL_LINE,
  W = LABEL_WRITTEN,
  I = LABEL_INNER,
  A = LABEL_ALONE,
  N = LABEL_NOUN,
  LO = LABEL_LOWER,
  O = LABEL_OTHER,
};

static const byline_label labels[] = {
    /* Who wrote it, in English. */
    {"by", F | L | A},
    {"written by", F | L | W | I | A},
    {"article by", F | W | A},
    {"authored by", F | W | I | A},
    {"words by", F | L | A},
    {"posted by", F | L | I | A},
    {"reported by", F | L | I},
    {"published by", F | I},
    {"story by", F},
    {"text by", F},
    {"review by", F},
    {"created by", F},
    {"compiled by", F},
    {"submitted by", F},
    {"analysis by", F | L},
    {"posted", F},
    {"published", F},
    {"author", F | L | N | A},
    {"authors", F | L | N | A},
    {"text", F | L | N},
    {"reporter", F | L | N},
    /* Other languages. */
    {"von", F | L | A},
    {"autor", F | L | N | A},
    {"autorin", F | L | N | A},
    {"eingestellt von", F | L | I | A},
    {"gepostet von", F | L},
    {"par", F | L | A},
    {"recueilli par", F},
    {"propos recueillis par", F},
    {"auteur", F | L | N | A},
    {"écrit par", F | L},
    {"publié par", F},
    {"texte", F | L | N},
    {"por", F | L | A},
    {"escrito por", F | L},
    {"publicado por", F},
    {"texto", F | L | N},
    {"di", F | L | LO},
    {"scritto da", F | L},
    {"autore", F | L | N},
    {"door", F | L},
    {"geschreven door", F | L},
    {"av", F | L},
    {"af", F | LO},
    {"skrevet af", F | L},
    {"kirjoittaja", F},
    {"napisał", F},
    {"autorem", F},
    {"tekst", F | L | N},
    {"redakcja", F | L | N},
    {"автор", F | L | N},
    {"текст", F | L | N},
    /* Someone else: the page's editor or source (text mode reads them as
     * such), a reviewer, a photographer. Not "Sponsored by X" nor
     * "Presented by X": a sponsored post's byline, the sponsor signs it
     * (readers and WCXB's annotators name it the author). */
    {"editor", L | N | O},
    {"source", L | N | O},
    {"contact", N | O},
    {"quelle", N | O},
    {"fuente", N | O},
    {"photo", N | O},
    {"foto", N | O},
    {"credit", N | O},
    {"edited by", O},
    {"reviewed by", O},
    {"medically reviewed by", O},
    {"fact checked by", O},
    {"fact-checked by", O},
    {"photo by", O},
    {"photos by", O},
    {"photograph by", O},
    {"photographs by", O},
    {"photography by", O},
    {"illustration by", O},
    {"illustrations by", O},
    {"illustrated by", O},
};

/* The length of s's prefix that spells words (case-folded unless exact),
 * 0 when s does not start with them. */
static size_t spells(const char *s, size_t n, const char *words, int exact) {
  /* The first byte decides for most labels: ASCII folded at once. */
  unsigned char c0 = n ? (unsigned char)s[0] : 0;
  if (c0 < 0x80 && (exact ? c0 : c0 | 0x20) != (unsigned char)words[0])
    return 0;
  size_t i = 0, j = 0, m = strlen(words);
  while (j < m) {
    if (i >= n)
      return 0;
    size_t a, b;
    uint32_t c = mstr_utf8(s + i, n - i, &a);
    uint32_t w = mstr_utf8(words + j, m - j, &b);
    if (c != w && (exact || mstr_lower(c) != w))
      return 0;
    i += a;
    j += b;
  }
  return i;
}

static int upper_ascii(char c) {
  return c >= 'A' && c <= 'Z';
}

static int letter_ascii(char c) {
  return upper_ascii(c) || (c >= 'a' && c <= 'z');
}

/* Where the name starts after a label that ends at s[k], 0 when the label
 * does not end there (a longer word: "Byron", "authority"). */
static size_t after_label(const char *s, size_t n, size_t k, const byline_label *l,
                          label_place place) {
  size_t e = k;
  while (e < n && s[e] == ' ')
    e++;
  int colon = e < n && s[e] == ':';
  if (colon)
    for (e++; e < n && s[e] == ' ';)
      e++;
  int alone = e >= n || s[e] == '\n';
  if (place == LABEL_AT_LINE) {
    if (e == k && !alone)
      return 0;
    return (l->flags & LABEL_NOUN) && !colon && !alone ? 0 : e;
  }
  if (e == k && !alone) {
    /* "By, Jane Doe", "ByJane Doe", "Written byJane Doe": a comma or a
     * dot, or the markup ran the words together. */
    size_t m = strlen(l->words);
    int glued = letter_ascii(l->words[m - 1]) && upper_ascii(s[k]) && k + 1 < n &&
                (m > 2 ? letter_ascii(s[k + 1]) : s[k + 1] >= 'a' && s[k + 1] <= 'z') &&
                (m > 2 || !strcmp(l->words, "by"));
    if (s[k] != ',' && s[k] != '.' && s[k] != ';' && !glued)
      return 0;
  }
  while (e < n && (s[e] == ' ' || s[e] == ':' || s[e] == ','))
    e++;
  return e;
}

size_t byline_label_at(const char *s, size_t n, label_place place, unsigned *flags) {
  size_t best = 0, best_len = 0;
  *flags = 0;
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
    size_t k = spells(s, n, labels[i].words, (labels[i].flags & LABEL_LOWER) != 0);
    if (!k || k <= best_len)
      continue;
    size_t e = after_label(s, n, k, &labels[i], place);
    if (e) {
      best = e;
      best_len = k;
      *flags = labels[i].flags;
    }
  }
  return best;
}

int byline_label_alone(const char *s, size_t n) {
  unsigned flags;
  size_t e = byline_label_at(s, n, LABEL_AT_LINE, &flags);
  return e && (flags & LABEL_ALONE) && e >= n;
}
