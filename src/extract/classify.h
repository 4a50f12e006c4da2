/* What an element's class, id and role say about it. */
#ifndef PITH_EXTRACT_CLASSIFY_H
#define PITH_EXTRACT_CLASSIFY_H

#include <stdint.h>

#include "html/dom.h"

enum {
  CLS_HIDDEN = 1 << 0,        /* "sr-only", "hidden": not shown to readers */
  CLS_STRONG_NEG = 1 << 1,    /* comments, sharing, related, newsletter, ads, cookies */
  CLS_WEAK_NEG = 1 << 2,      /* sidebar, footer, menu: outweighed by a positive word */
  CLS_POSITIVE = 1 << 3,      /* article, content, entry, story, body text */
  CLS_META = 1 << 4,          /* byline, date, author: metadata, not body text */
  CLS_BODY = 1 << 5,          /* itemprop=articleBody and the like: the body itself */
  CLS_COMMENTS = 1 << 6,      /* a comment section, or one comment */
  CLS_OVERLAY = 1 << 7,       /* a modal or popup: shown over the page, on demand */
  CLS_READ_MORE = 1 << 8,     /* "read-more": the link, or the text it unfolds */
  CLS_SCREEN_READER = 1 << 9, /* "sr-only": hidden, but said to screen readers */
};

/* Classifies an element by its class/id words, role and itemprop. */
unsigned classify_element(const dom_node *n);

/* What the class strings already met on one page mean: a page repeats the
 * same class string on many elements, and looking it up costs far less than
 * matching its words again. All zero (memset) is an empty cache. The cache
 * keeps pointers to the strings it met: use one cache for one page's DOM
 * only, and zero it again before the next page. */
enum { CLASSIFY_CACHE_SLOTS = 1024, CLASSIFY_WORD_SLOTS = 1024, CLASSIFY_WORD_MAX = 31 };
typedef struct {
  struct {
    const char *s; /* NULL: free */
    uint32_t len;  /* bytes of s that count (at most 255) */
    uint32_t hash;
    unsigned what;
  } slot[CLASSIFY_CACHE_SLOTS];
  unsigned used;
  /* And the words of class and id strings (a page's distinct class strings
   * are many, their words few): the word itself is the key. */
  struct {
    uint32_t hash;
    uint8_t len; /* 0: free */
    char s[CLASSIFY_WORD_MAX];
    unsigned what;
  } word[CLASSIFY_WORD_SLOTS];
  unsigned words_used;
} classify_cache;

/* classify_element(n), remembering class strings in cache (NULL: none). */
unsigned classify_element_cached(const dom_node *n, classify_cache *cache);

/* Whether the class strings a and b (either may be NULL) have a word of
 * three bytes or more in common within their first 255 bytes: two elements
 * from one template. */
int shares_class_word(const char *a, const char *b);

#endif
