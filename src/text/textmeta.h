/* Reading metadata from the lines of a flattened page: dates, bylines,
 * photo credits and captions, the headline, the section. Internal to
 * src/text/. */
#ifndef PITH_TEXT_TEXTMETA_H
#define PITH_TEXT_TEXTMETA_H

#include <stddef.h>

#include "article/article.h"
#include "text/lines.h"
#include "util/arena.h"

/* The first date in s[0..n), as ISO 8601 into iso (at least 32 bytes):
 * "2017-06-09", with a time when one follows ("2017-06-09T08:36"). *end
 * gets the offset just past the date (and time). Returns 0 when found,
 * -1 when not. Dates whose day and month could be swapped are not read. */
int text_date(const char *s, size_t n, char *iso, size_t *start, size_t *end);

/* Sets the TL_DATE, TL_BYLINE, TL_CREDIT and TL_CAPTION flags. */
void text_mark_lines(tpage *p);

/* Reads the headline, dates, bylines, source, editor, section and photo
 * captions around the body lines [body_lo, body_hi] into art (strings in
 * mem); sets TL_TITLE and TL_META on the lines it uses. Returns -1 on
 * out-of-memory. body_lo > body_hi when the page has no body. */
int text_read_meta(tpage *p, long body_lo, long body_hi, arena *mem, article *art);

#endif
