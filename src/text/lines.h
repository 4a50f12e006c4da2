/* A flattened page as lines, each with the measurements the classifier and
 * the metadata readers use. Internal to src/text/. */
#ifndef PITH_TEXT_LINES_H
#define PITH_TEXT_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "text/vocab.h"

/* Line flags. */
enum {
  TL_COPYRIGHT = 1u << 0,   /* a copyright notice */
  TL_CAPTION = 1u << 1,     /* a photo caption with its credit */
  TL_CREDIT = 1u << 2,      /* a photo credit alone ("Photo: X", "(Reuters)") */
  TL_DATE = 1u << 3,        /* a short line holding a date */
  TL_BYLINE = 1u << 4,      /* "By Jane Doe", "Editor: X", "Von X" */
  TL_BULLET = 1u << 5,      /* starts with a bullet ("• ", "- ") */
  TL_SITE = 1u << 6,        /* repeats on other pages of the same site */
  TL_INLINE_LINK = 1u << 7, /* "Related: <headline>", "Read more: <headline>" */
  TL_NO_LETTERS = 1u << 8,  /* digits and signs only ("1", "1 of 6", "|") */
  TL_TITLE = 1u << 9,       /* the headline (set by the metadata reader) */
  TL_META = 1u << 10,       /* used as metadata: not body text */
  TL_COMMENT = 1u << 11,    /* heads a comment: "jane says:", "34 responses to ..." */
  TL_COOKIES = 1u << 12,    /* a cookie banner's text */
};

/* How much a line looks like a sentence of running text. */
typedef enum { LINE_SHORT, LINE_NEAR, LINE_GOOD } line_class;

typedef struct {
  const char *s; /* white space collapsed and trimmed; NUL-terminated */
  size_t len;
  uint64_t hash;
  unsigned words;              /* words; a CJK run counts one word per two characters */
  unsigned stops;              /* stop words of the page's language (or of any, if unknown) */
  unsigned caps;               /* words starting with a capital letter */
  unsigned numbers;            /* words of digits only */
  unsigned letters;            /* letters (CJK characters included) */
  unsigned cjk;                /* CJK characters */
  unsigned cjk_stops;          /* CJK function characters (の, は, 的, 是...) */
  unsigned sentences;          /* sentence ends (". " "? " "。" ... and at the end) */
  unsigned langs[VOCAB_LANGS]; /* stop words per language */
  int end_punct;               /* ends like a sentence: . ! ? … 。 (quotes after allowed) */
  unsigned flags;
  vocab_kind vocab; /* the whole line as boilerplate vocabulary */
  vocab_kind label; /* the words before a colon as a label ("Related:") */
  int dups;         /* lines with the same text on the page (itself included) */
  int first;        /* index of the first line with this text */
  line_class cls;
  double weight;
} tline;

typedef struct {
  tline *lines;
  size_t n;
  char *buf; /* the lines' text */
  int lang;  /* index of the stop word language, -1 if unknown */
  int cjk;   /* most of the letters are CJK */
} tpage;

/* Splits utf8[0..len) into non-empty lines and measures them. Returns -1 on
 * out-of-memory. Free with tpage_free. */
int tpage_build(tpage *p, const char *utf8, size_t len);
void tpage_free(tpage *p);

/* The key vocab_boilerplate compares (see vocab.h) of s[0..n) into out
 * (cap bytes); returns its length (0 if it does not fit). */
size_t line_key(const char *s, size_t n, char *out, size_t cap);

/* 64-bit FNV-1a. */
uint64_t line_hash(const char *s, size_t n);

/* Splits text into lines the way tpage_build does, calling fn for each
 * non-empty normalized line. For the site line counter. Returns -1 on
 * out-of-memory. */
int lines_each(const char *utf8, size_t len, void (*fn)(void *ctx, const char *s, size_t n),
               void *ctx);

#endif
