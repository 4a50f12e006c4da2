/* Step 2c, function words: prose is full of function words ("the", "of",
 * "und", "что"); menus, specs and lists of names have few. The page's
 * language (its <html lang>, else detected from its text) gives the list;
 * each block counts its words and the function words among them, and a
 * long block with hardly any and no punctuation either is marked bare: a
 * run of names, not prose (step 3 weighs it). */
#include <string.h>

#include "extract/internal.h"
#include "meta/lang.h"

/* The page's function words, as hash_text() hashes. */
enum { STOPSET_SLOTS = 256 };
typedef struct {
  uint64_t slot[STOPSET_SLOTS]; /* word hashes; 0 is free */
} stopset;

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

/* Counts the words of every block and the function words among them, and
 * marks the lists of names that have no punctuation either. */
void count_stopwords(extraction *x, dom_doc *doc) {
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
    stopset_add(&set, hash_text(w, n));
    w += n;
    while (*w == ' ')
      w++;
  }
  x->stopwords_known = 1;
  /* Each byte folded as hash_text folds it, 0 for a word's edge: one
   * look-up a byte. */
  unsigned char fold[256];
  for (unsigned c = 0; c < 256; c++)
    fold[c] = is_word_edge((unsigned char)c) ? 0
              : c >= 'A' && c <= 'Z'         ? (unsigned char)(c + 32)
                                             : (unsigned char)c;
  for (size_t b = 0; b < x->nblocks; b++) {
    text_block *tb = &x->blocks[b];
    const char *s = x->text.data + tb->off;
    uint32_t len = tb->len, i = 0, nwords = 0, nstop = 0;
    while (i < len) {
      while (i < len && !fold[(unsigned char)s[i]])
        i++;
      uint32_t start = i;
      uint64_t h = HASH_TEXT_BASIS; /* hash_text of the word, as it is read */
      unsigned char f;
      while (i < len && (f = fold[(unsigned char)s[i]]) != 0) {
        h = hash_text_step_folded(h, f);
        i++;
      }
      if (i == start)
        continue;
      nwords++;
      nstop += stopset_has(&set, hash_text_end(h));
    }
    tb->words = (uint16_t)(nwords > 65535 ? 65535 : nwords);
    tb->stopwords = (uint16_t)(nstop > 65535 ? 65535 : nstop);
    if (nwords >= STOP_MIN_WORDS && (float)nstop < STOP_MIN_SHARE * (float)nwords)
      tb->bare = !has_sentence_punctuation(s, len);
  }
}
