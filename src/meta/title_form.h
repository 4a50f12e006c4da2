/* Between meta/title.c and meta/title_form.c: how a title is cut into
 * parts and words, and the rules for the form of a title taken from a
 * heading. Internal to the title's choice. */
#ifndef PITH_META_TITLE_FORM_H
#define PITH_META_TITLE_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "meta/title.h"

enum { TITLE_MAX_WORDS = 96, TITLE_MAX_SEGMENTS = 8 };

typedef struct {
  size_t start, end; /* byte range in the title */
  int colon;         /* separated from the previous one by ": " only */
} title_segment;

/* Title t cut at its separators (" | ", " - ", ": ", ...) into at most
 * TITLE_MAX_SEGMENTS parts; returns their number. */
size_t title_split(const char *t, title_segment *seg);

/* The folded words of s[0..len) (at most TITLE_MAX_WORDS) into w. */
size_t title_words(const char *s, size_t len, uint32_t *w);

/* Whether h says the same words as t[0..len). */
int title_same_words_n(const char *h, const char *t, size_t len);

/* The title for machines (of stripped[5]) that heading h says word for
 * word after its kicker, or NULL. */
const char *title_after_kicker(const title_heading *h, const char *const stripped[5]);

/* Heading h's leading part that is its headline, when h says more after
 * it that no title for machines says, or NULL. */
const char *title_lead_before_tail(const title_heading *h, const title_input *in);

/* The title for machines (of stripped[5]) that spells heading text h
 * better, saying the same, or NULL. */
const char *title_spelt_better(const char *h, const char *const stripped[5]);

#endif
