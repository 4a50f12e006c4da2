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
  TL_LIST = 1u << 13,       /* an item of a list that goes on from the body's prose */
  TL_LATER = 1u << 14,      /* on a repeated line's first: a later one was met (a pass's own
                               mark, cleared by the pass: text.c's mark_inline_boxes) */
};

/* How much a line looks like a sentence of running text. */
typedef enum { LINE_SHORT, LINE_NEAR, LINE_GOOD } line_class;

/* One record per line: the struct is the bulk of text mode's memory on a page
 * of many short lines, so counts that rarely matter are kept small. */
typedef struct {
  const char *s; /* white space collapsed and trimmed; NUL-terminated */
  size_t len;
  uint64_t hash;
  unsigned words;             /* words; a CJK run counts one word per two characters */
  unsigned stops;             /* stop words of the page's language (or of any, if unknown) */
  unsigned caps;              /* words starting with a capital letter */
  unsigned numbers;           /* words of digits only */
  unsigned letters;           /* letters (CJK characters included) */
  unsigned cjk;               /* CJK characters */
  unsigned cjk_stops;         /* CJK function characters (の, は, 的, 是...) */
  unsigned sentences;         /* sentence ends (". " "? " "。" ... and at the end) */
  int dups;                   /* lines with the same text on the page (itself included) */
  int first;                  /* index of the first line with this text */
  uint8_t langs[VOCAB_LANGS]; /* stop words per language, up to LANGS_MAX (then recounted) */
  uint16_t flags;
  uint8_t end_punct; /* ends like a sentence: . ! ? … 。 (quotes after allowed) */
  uint8_t vocab;     /* vocab_kind: the whole line as boilerplate vocabulary */
  uint8_t label;     /* vocab_kind: the words before a colon as a label ("Related:") */
  uint8_t cls;       /* line_class */
} tline;

/* Where tline.langs saturates. */
#define LANGS_MAX 255

typedef struct {
  tline *lines;
  size_t n;
  char *buf;     /* the lines' text */
  int lang;      /* index of the stop word language, -1 if unknown */
  int cjk;       /* most of the letters are CJK */
  int truncated; /* more lines than max_lines: the rest left out */
} tpage;

struct deadline;

/* Splits utf8[0..len) into non-empty lines and measures them; lines past
 * the first max_lines (0: all) are left out, and p->truncated says so.
 * Returns -1 on out-of-memory or when the time budget dl (NULL: none) is
 * spent. Free with tpage_free. */
int tpage_build(tpage *p, const char *utf8, size_t len, size_t max_lines, struct deadline *dl);
void tpage_free(tpage *p);

/* The key vocab_boilerplate compares (see vocab.h) of s[0..n) into out
 * (cap bytes); returns its length (0 if it does not fit). */
size_t line_key(const char *s, size_t n, char *out, size_t cap);

/* 64-bit FNV-1a. */
uint64_t line_hash(const char *s, size_t n);

/* Splits text into lines the way tpage_build does, calling fn for each
 * non-empty normalized line, the first max_lines of them (0: all). For the
 * site line counter. Returns -1 on out-of-memory. */
int lines_each(const char *utf8, size_t len, size_t max_lines,
               void (*fn)(void *ctx, const char *s, size_t n), void *ctx);

#endif
