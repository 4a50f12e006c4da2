/* What several steps ask of a block's text: whether it holds a word or a
 * sentence's punctuation, whether it is cut short, and its hash (repeats,
 * new words, function words). */
#include <string.h>
#include <strings.h>

#include "extract/internal.h"
#include "meta/mstr.h"

uint64_t hash_text(const char *s, size_t len) {
  uint64_t h = HASH_TEXT_BASIS;
  for (size_t i = 0; i < len; i++)
    h = hash_text_step(h, (unsigned char)s[i]);
  return hash_text_end(h);
}

size_t hash_slot(uint64_t h, size_t cap) {
  h ^= h >> 30; /* splitmix64's finalizer: every bit of h reaches the low ones */
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return (size_t)h & (cap - 1);
}

/* Inserts h; returns 1 if it was there already. */
int seen_before(uint64_t *set, size_t cap, uint64_t h) {
  size_t i = hash_slot(h, cap);
  while (set[i]) {
    if (set[i] == h)
      return 1;
    i = (i + 1) & (cap - 1);
  }
  set[i] = h;
  return 0;
}

/* Sentence punctuation: a full stop, a comma, a colon (ASCII or CJK). */
int has_sentence_punctuation(const char *s, uint32_t len) {
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

/* The first byte of s[0..len) that is c once 0x20 is set in it (c, or c
 * less 0x20: a letter in either case), or NULL; a byte beyond ASCII (the
 * lead byte of "ähnlich") only as written. Two memchr scans instead of a
 * loop over every byte: most blocks hold no candidate at all. */
static const char *find_folded(const char *s, size_t len, char c) {
  if (c & 0x80)
    return memchr(s, c, len);
  if (!(c & 0x20))
    return NULL; /* no byte with 0x20 set in it is c */
  const char *same = memchr(s, c, len);
  const char *other = memchr(s, (char)(c & ~0x20), same ? (size_t)(same - s) : len);
  return other ? other : same;
}

int contains_ci(const char *s, uint32_t len, const char *word) {
  size_t n = strlen(word);
  if (n > len)
    return 0;
  const char *end = s + (len - n) + 1; /* where a match may start: before end */
  for (const char *p = s; (p = find_folded(p, (size_t)(end - p), word[0])); p++)
    if (!strncasecmp(p, word, n))
      return 1;
  return 0;
}

static int ascii_letter(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Whether s holds word at a word's start (ASCII letters case folded; a
 * word opening with a letter beyond ASCII, "ähnlich", is matched as
 * written), and with
 * whole_word at its end too: "comment" starts "Comments"; the whole word
 * "mar" is in "Mar 3" but not in "Market". */
int has_word_ci(const char *s, uint32_t len, const char *word, int whole_word) {
  size_t n = strlen(word);
  if (n > len)
    return 0;
  const char *end = s + (len - n) + 1;
  for (const char *p = s; (p = find_folded(p, (size_t)(end - p), word[0])); p++) {
    size_t i = (size_t)(p - s);
    if (!strncasecmp(p, word, n) && (i == 0 || word[0] == ' ' || !ascii_letter(s[i - 1])) &&
        (!whole_word || i + n == len || !ascii_letter(s[i + n])))
      return 1;
  }
  return 0;
}

/* Text cut short with an ellipsis ("may soon...", "may soon…"). */
int ends_cut_short(const char *s, uint32_t len) {
  while (len && (s[len - 1] == ' ' || s[len - 1] == ']' || s[len - 1] == ')'))
    len--;
  return len >= 3 && (!memcmp(s + len - 3, "...", 3) || !memcmp(s + len - 3, "\xE2\x80\xA6", 3));
}

/* Collapses white space of s into mem: Unicode's too (NBSP, U+202F), so
 * that captions and alt texts are trimmed as the metadata fields are. */
char *squeeze_spaces(arena *mem, const char *s, size_t len) {
  char *out = arena_strndup(mem, s, len);
  if (out)
    mstr_squeeze(out, len);
  return out;
}
