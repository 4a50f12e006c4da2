/* Class and id vocabulary. The words are generic web-authoring vocabulary
 * (what templates everywhere call their comment sections, share bars and
 * sidebars), never the name of one site's template. */
#include "extract/classify.h"

#include <string.h>

typedef struct {
  const char *word;
  unsigned what;
} vocab;

/* Matched anywhere inside a class or id token. */
static const vocab substrings[] = {
    {"comment", CLS_STRONG_NEG},
    {"disqus", CLS_STRONG_NEG},
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
    {"popup", CLS_STRONG_NEG},
    {"modal", CLS_STRONG_NEG},
    {"breadcrumb", CLS_STRONG_NEG},
    {"pagination", CLS_STRONG_NEG},
    {"outbrain", CLS_STRONG_NEG},
    {"taboola", CLS_STRONG_NEG},
    {"signup", CLS_STRONG_NEG},
    {"popular", CLS_STRONG_NEG},
    {"trending", CLS_STRONG_NEG},
    {"readmore", CLS_STRONG_NEG},
    {"read-more", CLS_STRONG_NEG},
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
    {"ad", CLS_STRONG_NEG},    {"ads", CLS_STRONG_NEG},   {"advertisement", CLS_STRONG_NEG},
    {"nav", CLS_STRONG_NEG},   {"tags", CLS_STRONG_NEG},  {"tagcloud", CLS_STRONG_NEG},
    {"bio", CLS_STRONG_NEG},   {"print", CLS_STRONG_NEG}, {"follow", CLS_STRONG_NEG},
    {"login", CLS_STRONG_NEG}, {"header", CLS_WEAK_NEG},  {"banner", CLS_WEAK_NEG},
    {"meta", CLS_META},        {"date", CLS_META},        {"body", CLS_POSITIVE},
    {"text", CLS_POSITIVE},    {"main", CLS_POSITIVE},    {"post", CLS_POSITIVE},
};

/* Whole tokens only: classes that hide an element. */
static const char *const hidden_tokens[] = {
    "hidden",
    "hide",
    "d-none",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader-only",
    "offscreen",
    "invisible",
    "element-invisible",
};

static unsigned match_part(const char *s, size_t len) {
  unsigned what = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (strlen(words[i].word) == len && !memcmp(words[i].word, s, len)) what |= words[i].what;
  return what;
}

static unsigned match_token(const char *tok, size_t len) {
  unsigned what = 0;
  for (size_t i = 0; i < sizeof hidden_tokens / sizeof *hidden_tokens; i++)
    if (strlen(hidden_tokens[i]) == len && !memcmp(hidden_tokens[i], tok, len)) return CLS_HIDDEN;
  char t[128];
  if (len >= sizeof t) len = sizeof t - 1;
  memcpy(t, tok, len);
  t[len] = '\0';
  for (size_t i = 0; i < sizeof substrings / sizeof *substrings; i++)
    if (strstr(t, substrings[i].word)) what |= substrings[i].what;
  size_t start = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || t[i] == '-' || t[i] == '_') {
      if (i > start) what |= match_part(t + start, i - start);
      start = i + 1;
    }
  }
  return what;
}

static unsigned match_attr(const char *v) {
  unsigned what = 0;
  char low[256];
  size_t n = 0;
  for (; v[n] && n + 1 < sizeof low; n++)
    low[n] = (char)((v[n] >= 'A' && v[n] <= 'Z') ? v[n] + 32 : v[n]);
  low[n] = '\0';
  size_t start = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || low[i] == ' ' || low[i] == '\t' || low[i] == '\n') {
      if (i > start) what |= match_token(low + start, i - start);
      start = i + 1;
    }
  }
  return what;
}

unsigned classify_element(const dom_node *n) {
  unsigned what = 0;
  if (n->cls && *n->cls) what |= match_attr(n->cls);
  if (n->id && *n->id) what |= match_attr(n->id);
  for (const dom_attr *a = n->attrs; a; a = a->next) {
    if (!strcmp(a->name, "role")) {
      const char *r = a->value;
      if (!strcmp(r, "navigation") || !strcmp(r, "banner") || !strcmp(r, "contentinfo") ||
          !strcmp(r, "complementary") || !strcmp(r, "search") || !strcmp(r, "menu") ||
          !strcmp(r, "menubar") || !strcmp(r, "dialog") || !strcmp(r, "alertdialog"))
        what |= CLS_STRONG_NEG;
      else if (!strcmp(r, "main") || !strcmp(r, "article"))
        what |= CLS_POSITIVE;
    } else if (!strcmp(a->name, "itemprop")) {
      if (strstr(a->value, "articleBody") || strstr(a->value, "reviewBody")) what |= CLS_BODY;
    }
  }
  /* A body marker or a positive word outweighs the weak negatives. */
  if (what & (CLS_BODY | CLS_POSITIVE)) what &= ~(unsigned)CLS_WEAK_NEG;
  if (what & CLS_BODY) what &= ~(unsigned)(CLS_STRONG_NEG | CLS_META);
  return what;
}
