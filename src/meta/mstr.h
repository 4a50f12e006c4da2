/* Small string helpers of the meta module: UTF-8, case folding, white space,
 * HTML entities, the visible text of an element, and word bags. */
#ifndef PITH_META_MSTR_H
#define PITH_META_MSTR_H

#include <stddef.h>
#include <stdint.h>

#include "html/dom.h"
#include "util/arena.h"
#include "util/buf.h"

/* Decodes one UTF-8 character at s[0..len) (len > 0); *adv gets its length.
 * Invalid bytes decode as U+FFFD, one byte long. */
uint32_t mstr_utf8(const char *s, size_t len, size_t *adv);
/* Writes c as UTF-8 into out (4 bytes room); returns the length. */
size_t mstr_put_utf8(uint32_t c, char *out);
/* Lower case for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic. */
uint32_t mstr_lower(uint32_t c);
/* A letter or digit of any script (roughly: what is not punctuation/space). */
int mstr_is_alnum(uint32_t c);
int mstr_is_space(uint32_t c);

/* Copies s[0..len) into mem with white space collapsed and trimmed and the
 * format characters that show nothing (soft hyphens, direction marks and
 * embeddings, word joiners) dropped, at most
 * max bytes (cut at a character boundary). NULL when nothing is left or out
 * of memory. */
char *mstr_clean(arena *mem, const char *s, size_t len, size_t max);
/* The same in place: returns the new length (s is NUL-terminated). */
size_t mstr_squeeze(char *s, size_t len);
/* n, or less so that s[0..n) does not end inside a UTF-8 character: where
 * to cut s (at least n bytes long) to at most n bytes. */
size_t mstr_utf8_cut(const char *s, size_t n);
/* Appends s[0..len) to b, or as much of it as room bytes hold without
 * ending inside a character (a text cut at a byte limit). */
void mstr_append_upto(buf *b, const char *s, size_t len, size_t room);
/* Decodes HTML character references (&amp; &#39; &#x2019; &nbsp; ...) in
 * place; returns the new length. For text that did not pass an HTML parser
 * (JSON-LD). */
size_t mstr_decode_entities(char *s, size_t len);

/* Undoes UTF-8 read as Latin-1 and encoded again ("Investorâ\u0080\u0099s"
 * for "Investor’s") in place, where a run of such characters spells one
 * valid UTF-8 character; returns the new length. */
size_t mstr_fix_double_utf8(char *s, size_t len);

/* ASCII case-insensitive comparisons. */
int mstr_ieq(const char *a, const char *b);
/* Whether s is one of words[0..n). */
int mstr_ieq_any(const char *s, const char *const *words, size_t n);
int mstr_istarts(const char *s, const char *prefix);
const char *mstr_istr(const char *hay, size_t hay_len, const char *needle);
/* Whether word (ASCII, lower case) occurs in s as a token: between
 * non-letters, so "date" matches "post-date" and "entry_date" but not
 * "update" (camelCase "postDate" also matches). */
int mstr_has_token(const char *s, const char *word);

/* Appends the visible text below n (text nodes; scripts, styles and other
 * never-visible elements left out; a space between blocks) to b, up to max
 * bytes. */
void mstr_node_text(const dom_node *n, buf *b, size_t max);
/* The same with options (the walk is one, so the two texts agree):
 * MSTR_TEXT_NO_TIME leaves <time> elements out (a date set in a
 * headline's box); MSTR_TEXT_SPACE_PARTS puts a space where an element of
 * several words, or one that ends a sentence, runs into a phrase
 * ("<span>Wow, wow, wow!</span>Manuela ...": a kicker its style sheet puts
 * on a line of its own). */
enum { MSTR_TEXT_NO_TIME = 1, MSTR_TEXT_SPACE_PARTS = 2 };
void mstr_node_text_opts(const dom_node *n, buf *b, size_t max, unsigned opts);

/* Folded words of s as 32-bit hashes (case folded, punctuation dropped), at
 * most cap of them; returns the count. */
size_t mstr_words(const char *s, size_t len, uint32_t *out, size_t cap);
/* The same, with where each word starts and ends in s (at[i], end[i];
 * either may be NULL). */
size_t mstr_word_spans(const char *s, size_t len, uint32_t *out, size_t *at, size_t *end,
                       size_t cap);
/* Word-bag overlap: the number of words of a also in b (each matched once). */
size_t mstr_overlap(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* Equal after folding case, white space, quotes and dashes. */
int mstr_same_text(const char *a, const char *b);

#endif
