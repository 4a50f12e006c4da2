/* Class and id vocabulary. The words are generic web-authoring vocabulary
 * (what templates everywhere call their comment sections, share bars and
 * sidebars), never the name of one site's template. */
#define _GNU_SOURCE /* memmem */
#include "extract/classify.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

typedef struct {
  const char *word;
  unsigned what;
} vocab;

/* Matched anywhere inside a class or id token. Each is 4 bytes long at
 * least: match_token compares the first 4 bytes at once. */
static const vocab substrings[] = {
    {"comment", CLS_STRONG_NEG | CLS_COMMENTS},
    {"disqus", CLS_STRONG_NEG | CLS_COMMENTS},
    {"share", CLS_STRONG_NEG},
    {"sharing", CLS_STRONG_NEG},
    {"social", CLS_STRONG_NEG},
    {"related", CLS_STRONG_NEG},
    {"recommend", CLS_STRONG_NEG},
    {"newsletter", CLS_STRONG_NEG},
    {"subscri", CLS_STRONG_NEG},
    {"promo", CLS_STRONG_NEG},
    {"sponsor", CLS_STRONG_NEG},
    {"advert", CLS_STRONG_NEG},
    {"cookie", CLS_STRONG_NEG},
    {"consent", CLS_STRONG_NEG},
    {"gdpr", CLS_STRONG_NEG},
    {"popup", CLS_STRONG_NEG | CLS_OVERLAY},
    {"modal", CLS_STRONG_NEG | CLS_OVERLAY},
    {"breadcrumb", CLS_STRONG_NEG},
    {"pagination", CLS_STRONG_NEG},
    {"outbrain", CLS_STRONG_NEG},
    {"taboola", CLS_STRONG_NEG},
    {"signup", CLS_STRONG_NEG},
    {"popular", CLS_STRONG_NEG},
    {"signature", CLS_STRONG_NEG},
    {"trending", CLS_STRONG_NEG},
    /* A "read more" link, or the rest of a text that it unfolds: which
     * one, the element's text tells (measure.c). */
    {"readmore", CLS_READ_MORE},
    {"read-more", CLS_READ_MORE},
    {"more-stories", CLS_STRONG_NEG},
    {"authorbio", CLS_STRONG_NEG},
    {"author-bio", CLS_STRONG_NEG},
    {"about-author", CLS_STRONG_NEG},
    {"skip-link", CLS_STRONG_NEG},
    {"toolbar", CLS_STRONG_NEG},
    {"navbar", CLS_STRONG_NEG},
    {"navigation", CLS_STRONG_NEG},
    {"masthead", CLS_STRONG_NEG},
    {"sidebar", CLS_WEAK_NEG},
    {"footer", CLS_WEAK_NEG},
    {"menu", CLS_WEAK_NEG},
    {"byline", CLS_META},
    {"dateline", CLS_META},
    {"timestamp", CLS_META},
    {"author", CLS_META},
    /* A picture's caption and credit, named so outside <figcaption>
     * ("caption-full", "wp-caption-text"): about the picture, not the
     * article's text. */
    {"caption", CLS_META},
    {"article", CLS_POSITIVE},
    {"content", CLS_POSITIVE},
    {"entry", CLS_POSITIVE},
    {"story", CLS_POSITIVE},
    {"blog", CLS_POSITIVE},
    {"prose", CLS_POSITIVE},
    {"richtext", CLS_POSITIVE},
    {"rich-text", CLS_POSITIVE},
    {"post-body", CLS_POSITIVE},
    {"postbody", CLS_POSITIVE},
    {"article-body", CLS_BODY},
    {"articlebody", CLS_BODY},
    {"story-body", CLS_BODY},
    {"entry-content", CLS_BODY},
    {"post-content", CLS_BODY},
};

/* Matched against whole tokens, and the parts of tokens split at '-' and '_'. */
static const vocab words[] = {
    {"ad", CLS_STRONG_NEG},      {"ads", CLS_STRONG_NEG},   {"advertisement", CLS_STRONG_NEG},
    {"nav", CLS_STRONG_NEG},     {"tags", CLS_STRONG_NEG},  {"tagcloud", CLS_STRONG_NEG},
    {"bio", CLS_STRONG_NEG},     {"print", CLS_STRONG_NEG}, {"follow", CLS_STRONG_NEG},
    {"login", CLS_STRONG_NEG},   {"header", CLS_WEAK_NEG},  {"banner", CLS_WEAK_NEG},
    {"meta", CLS_META},          {"date", CLS_META},        {"body", CLS_POSITIVE},
    {"text", CLS_POSITIVE},      {"main", CLS_POSITIVE},    {"post", CLS_POSITIVE},
    {"reviews", CLS_STRONG_NEG},
};

/* Whole tokens only: classes that hide an element, some of them from
 * sight only: a screen reader says it. */
static const vocab hidden_tokens[] = {
    {"hidden", CLS_HIDDEN},
    {"hide", CLS_HIDDEN},
    {"d-none", CLS_HIDDEN},
    {"sr-only", CLS_HIDDEN | CLS_SCREEN_READER},
    {"visually-hidden", CLS_HIDDEN | CLS_SCREEN_READER},
    {"visuallyhidden", CLS_HIDDEN | CLS_SCREEN_READER},
    {"screen-reader-text", CLS_HIDDEN | CLS_SCREEN_READER},
    {"screenreader-only", CLS_HIDDEN | CLS_SCREEN_READER},
    {"offscreen", CLS_HIDDEN},
    {"invisible", CLS_HIDDEN},
    {"element-invisible", CLS_HIDDEN},
};

/* The substrings bucketed by their first byte, so that each position of a
 * token is tried against the few words that can start there instead of
 * running strstr once per word: built once, read-only after. */
enum { N_SUBSTRINGS = sizeof substrings / sizeof *substrings };
static unsigned char sub_len[N_SUBSTRINGS];
static uint32_t sub_head[N_SUBSTRINGS]; /* the first 4 bytes */
static unsigned char bucket_start[257];
static unsigned char bucket[N_SUBSTRINGS];
/* Bit b1 of starts2[b0]: some substring starts with the bytes b0 b1 (most
 * positions of a token start none, and are passed over on this alone). */
static uint32_t starts2[256][8];
enum { N_WORDS = sizeof words / sizeof *words };
static unsigned char word_len[N_WORDS];
static unsigned char word_start[257]; /* the words bucketed as the substrings are */
static unsigned char word_bucket[N_WORDS];
static unsigned char hidden_len[sizeof hidden_tokens / sizeof *hidden_tokens];

/* Buckets the n entries of v by their first byte: those that start with
 * byte c are order[start[c] .. start[c + 1]). */
static void bucket_by_first(const vocab *v, size_t n, unsigned char *start, unsigned char *order) {
  unsigned count[256] = {0};
  for (size_t i = 0; i < n; i++)
    count[(unsigned char)v[i].word[0]]++;
  unsigned pos = 0;
  for (int c = 0; c < 256; c++) {
    start[c] = (unsigned char)pos;
    pos += count[c];
  }
  start[256] = (unsigned char)pos;
  unsigned fill[256];
  for (int c = 0; c < 256; c++)
    fill[c] = start[c];
  for (size_t i = 0; i < n; i++)
    order[fill[(unsigned char)v[i].word[0]]++] = (unsigned char)i;
}

static void build_index(void) {
  for (size_t i = 0; i < N_SUBSTRINGS; i++) {
    sub_len[i] = (unsigned char)strlen(substrings[i].word);
    memcpy(&sub_head[i], substrings[i].word, 4);
    unsigned char b0 = (unsigned char)substrings[i].word[0],
                  b1 = (unsigned char)substrings[i].word[1];
    starts2[b0][b1 >> 5] |= 1u << (b1 & 31);
  }
  bucket_by_first(substrings, N_SUBSTRINGS, bucket_start, bucket);
  bucket_by_first(words, N_WORDS, word_start, word_bucket);
  for (size_t i = 0; i < N_WORDS; i++)
    word_len[i] = (unsigned char)strlen(words[i].word);
  for (size_t i = 0; i < sizeof hidden_tokens / sizeof *hidden_tokens; i++)
    hidden_len[i] = (unsigned char)strlen(hidden_tokens[i].word);
}

static void init_index(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, build_index);
}

static unsigned match_part(const char *s, size_t len) {
  unsigned what = 0;
  unsigned char c = (unsigned char)s[0];
  for (unsigned k = word_start[c]; k < word_start[c + 1]; k++) {
    unsigned i = word_bucket[k];
    if (word_len[i] == len && !memcmp(words[i].word, s, len))
      what |= words[i].what;
  }
  return what;
}

/* tok is lower case; len counts its bytes. */
static unsigned match_token(const char *tok, size_t len) {
  unsigned what = 0;
  for (size_t i = 0; i < sizeof hidden_tokens / sizeof *hidden_tokens; i++)
    if (hidden_len[i] == len && hidden_tokens[i].word[0] == tok[0] &&
        !memcmp(hidden_tokens[i].word, tok, len))
      return hidden_tokens[i].what;
  if (len > 127) /* only a token's first 127 bytes count */
    len = 127;
  /* A state that contains a boilerplate word ("node--promoted": a CMS's
   * mark for a story on its front page) is no boilerplate. */
  char masked[128];
  const char *state = len >= 8 ? memmem(tok, len, "promoted", 8) : NULL;
  if (state) {
    memcpy(masked, tok, len);
    memset(masked + (state - tok), '.', 8);
    tok = masked;
  }
  /* Every substring is at least 4 bytes long: compare 4 at once first. */
  for (size_t i = 0; i + 4 <= len; i++) {
    unsigned c = (unsigned char)tok[i], c1 = (unsigned char)tok[i + 1];
    if (!(starts2[c][c1 >> 5] & (1u << (c1 & 31))))
      continue;
    unsigned k = bucket_start[c], kend = bucket_start[c + 1];
    uint32_t head;
    memcpy(&head, tok + i, 4);
    for (; k < kend; k++) {
      unsigned w = bucket[k];
      if (sub_head[w] == head && i + sub_len[w] <= len &&
          !memcmp(substrings[w].word + 4, tok + i + 4, sub_len[w] - 4u))
        what |= substrings[w].what;
    }
  }
  size_t start = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || tok[i] == '-' || tok[i] == '_') {
      if (i > start)
        what |= match_part(tok + start, i - start);
      start = i + 1;
    }
  }
  return what;
}

/* FNV-1a: the caches' hash. */
enum { FNV_BASIS = 2166136261u, FNV_PRIME = 16777619u };

static uint32_t hash_step(uint32_t h, char c) {
  return (h ^ (unsigned char)c) * FNV_PRIME;
}

static uint32_t hash_bytes(const char *s, size_t n) {
  uint32_t h = FNV_BASIS;
  for (size_t i = 0; i < n; i++)
    h = hash_step(h, s[i]);
  return h;
}

/* match_token through the cache's words (c may be NULL); h is
 * hash_bytes(tok, len). */
static unsigned match_token_cached(const char *tok, size_t len, uint32_t h, classify_cache *c) {
  if (!c || len > CLASSIFY_WORD_MAX)
    return match_token(tok, len);
  size_t i = h & (CLASSIFY_WORD_SLOTS - 1);
  while (c->word[i].len) {
    if (c->word[i].hash == h && c->word[i].len == len && !memcmp(c->word[i].s, tok, len))
      return c->word[i].what;
    i = (i + 1) & (CLASSIFY_WORD_SLOTS - 1);
  }
  unsigned what = match_token(tok, len);
  if (c->words_used < CLASSIFY_WORD_SLOTS * 3 / 4) {
    c->word[i].hash = h;
    c->word[i].len = (uint8_t)len;
    memcpy(c->word[i].s, tok, len);
    c->word[i].what = what;
    c->words_used++;
  }
  return what;
}

/* The tokens of v's first 255 bytes, lower-cased, split and hashed in one
 * pass. */
static unsigned match_attr(const char *v, classify_cache *c) {
  unsigned what = 0;
  char low[256];
  size_t start = 0;
  uint32_t h = FNV_BASIS;
  for (size_t i = 0;; i++) {
    char ch = i + 1 < sizeof low ? v[i] : '\0';
    if (!ch || ch == ' ' || ch == '\t' || ch == '\n') {
      if (i > start)
        what |= match_token_cached(low + start, i - start, h, c);
      if (!ch)
        return what;
      start = i + 1;
      h = FNV_BASIS;
      continue;
    }
    low[i] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
    h = hash_step(h, low[i]);
  }
}

/* match_attr(v) through the cache: v's first 255 bytes decide, so they are
 * the key. */
static unsigned match_attr_cached(const char *v, classify_cache *c) {
  size_t n = strnlen(v, 255);
  uint32_t h = hash_bytes(v, n);
  size_t i = h & (CLASSIFY_CACHE_SLOTS - 1);
  while (c->slot[i].s) {
    if (c->slot[i].hash == h && c->slot[i].len == n && !memcmp(c->slot[i].s, v, n))
      return c->slot[i].what;
    i = (i + 1) & (CLASSIFY_CACHE_SLOTS - 1);
  }
  unsigned what = match_attr(v, c);
  if (c->used < CLASSIFY_CACHE_SLOTS * 3 / 4) {
    c->slot[i].s = v;
    c->slot[i].len = (uint32_t)n;
    c->slot[i].hash = h;
    c->slot[i].what = what;
    c->used++;
  }
  return what;
}

unsigned classify_element(const dom_node *n) {
  return classify_element_cached(n, NULL);
}

unsigned classify_element_cached(const dom_node *n, classify_cache *cache) {
  unsigned what = 0;
  init_index();
  if (n->cls && *n->cls)
    what |= cache ? match_attr_cached(n->cls, cache) : match_attr(n->cls, NULL);
  if (n->id && *n->id)
    what |= match_attr(n->id, cache);
  for (const dom_attr *a = n->attrs; a; a = a->next) {
    if (a->name[0] == 'r' && !strcmp(a->name, "role")) {
      const char *r = a->value;
      if (!strcmp(r, "navigation") || !strcmp(r, "banner") || !strcmp(r, "contentinfo") ||
          !strcmp(r, "complementary") || !strcmp(r, "search") || !strcmp(r, "menu") ||
          !strcmp(r, "menubar"))
        what |= CLS_STRONG_NEG;
      else if (!strcmp(r, "dialog") || !strcmp(r, "alertdialog"))
        what |= CLS_STRONG_NEG | CLS_OVERLAY;
      else if (!strcmp(r, "main") || !strcmp(r, "article"))
        what |= CLS_POSITIVE;
    } else if (a->name[0] == 'i' && !strcmp(a->name, "itemprop")) {
      if (strstr(a->value, "articleBody") || strstr(a->value, "reviewBody"))
        what |= CLS_BODY;
    }
  }
  /* A body marker or a positive word outweighs the weak negatives, and
   * makes "modal" a state ("article modal-enabled"), not an overlay. */
  if (what & (CLS_BODY | CLS_POSITIVE))
    what &= ~(unsigned)(CLS_WEAK_NEG | CLS_OVERLAY);
  if (what & CLS_BODY)
    what &= ~(unsigned)(CLS_STRONG_NEG | CLS_META | CLS_READ_MORE);
  return what;
}

static int is_class_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Only the first 255 bytes of each string count, as for classify_element:
 * a template's words come first, and a hostile class string of megabytes
 * costs no more than a short one. */
int shares_class_word(const char *a, const char *b) {
  if (!a || !b)
    return 0;
  size_t alen = strnlen(a, 255), blen = strnlen(b, 255);
  for (size_t p = 0; p < alen;) {
    while (p < alen && is_class_space(a[p]))
      p++;
    size_t e = p;
    while (e < alen && !is_class_space(a[e]))
      e++;
    for (size_t q = 0; e - p >= 3 && q < blen;) {
      while (q < blen && is_class_space(b[q]))
        q++;
      size_t f = q;
      while (f < blen && !is_class_space(b[f]))
        f++;
      if (f - q == e - p && !memcmp(a + p, b + q, e - p))
        return 1;
      q = f;
    }
    p = e;
  }
  return 0;
}
