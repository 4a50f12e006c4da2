/* What the dates' steps share: date_choice.c gathers and chooses the
 * candidates, date_last_resort.c reads the page's lines when nothing
 * better stands. */
#ifndef PITH_META_DATE_CHOICE_H
#define PITH_META_DATE_CHOICE_H

#include "meta/page.h"

/* The opening of the main text: a date there may be its dateline (a
 * post's header the extractor kept), as one in its last block may be its
 * footer ("This entry was posted on ..."); one in between is something the
 * text mentions (an offer's deadline, a log line, someone's birth). */
#define TEXT_OPENING 400

/* A candidate shown in the page's text, with its score and source. */
void date_add_shown(mctx *x, const meta_date *d, int score, uint32_t pos, const char *src);

/* A candidate from a string (a meta tag's value), when it parses. */
void date_add_text(mctx *x, const char *s, int score, uint32_t pos, const char *src);

/* Whether one of labels ends a word within the window bytes before
 * text[at] (as a word of its own: "edited" is not "credited"). */
int date_label_before(const char *text, size_t at, size_t window, const char *const *labels,
                      size_t n);

/* Whether the words just before text[at] say the date is an update's. */
int date_update_label(const char *text, size_t at);

/* Whether the words just before text[at] say the date is something
 * else's: someone's joining ("Joined March 2007"), an offer's or a call's
 * end ("Sale ends", "Deadline to apply"). Never a publication's date. */
int date_other_label(const char *text, size_t at);

/* Whether the words just before text[at] say the date is a publication's. */
int date_publish_label(const char *text, size_t at);

/* The last resort (date_last_resort.c): a meta tag named like a date, then
 * the page's lines. */
void meta_last_resort_dates(mctx *x);

/* Dates shown by several elements of one shape, of more than one day: a
 * list's entries' (date_list.c), marked as items'. */
void meta_list_dates(mctx *x);

#endif
