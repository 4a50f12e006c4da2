/* Words that tell prose from page furniture, in several languages: stop
 * words (the function words every sentence is made of) and the vocabulary
 * of boilerplate lines (share, print, related, most popular, copyright...).
 * All tables are constant; every function is pure. */
#ifndef PITH_TEXT_VOCAB_H
#define PITH_TEXT_VOCAB_H

#include <stddef.h>
#include <stdint.h>

/* The languages of the stop word lists, in bit order of the masks below. */
enum { VOCAB_LANGS = 10 };

/* The BCP 47 code of stop word language i ("en", "de", ...). */
const char *vocab_lang_code(int i);

/* The stop word languages of a lower-case UTF-8 word, as a bit mask (bit i
 * for language i); 0 when it is no stop word. */
unsigned vocab_stopword(const char *word, size_t len);

/* Decodes one UTF-8 code point at s[0..n) (n > 0); *adv gets its length
 * (at least 1: a bad byte decodes as U+FFFD and advances by one). */
uint32_t vocab_utf8_decode(const char *s, size_t n, size_t *adv);

/* Encodes c into out (4 bytes of room); returns the length. */
size_t vocab_utf8_encode(uint32_t c, char *out);

/* The lower case of a code point (Latin, Greek, Cyrillic; others as is). */
uint32_t vocab_lower(uint32_t c);

/* Letters and digits: the characters of words. */
int vocab_is_alnum(uint32_t c);

/* Chinese, Japanese and Korean characters, written without spaces. */
int vocab_is_cjk(uint32_t c);

typedef enum {
  VOCAB_NONE,
  VOCAB_JUNK,  /* a line of furniture: "Share", "Print", "Advertisement" */
  VOCAB_LABEL, /* opens a list of links: "Related", "Read more:", "See also" */
  VOCAB_END,   /* opens what follows an article: "Comments", "Leave a reply" */
} vocab_kind;

/* Classifies a line by its key: the line lower-cased, letters and digits
 * only, words separated by one space, numbers left out ("10 Comments" and
 * "[ 10 comments ]" are both "comments"). Also used for the words before a
 * colon ("Related: ...", "Watch: ..."). */
vocab_kind vocab_boilerplate(const char *key, size_t len);

/* VOCAB_LABEL if a line key (see vocab_boilerplate) opens a list of links
 * naming the section or site after the opener ("more from uk", "most read
 * in world news"); VOCAB_NONE otherwise. For short lines only. */
vocab_kind vocab_label_opener(const char *key, size_t len);

/* 1 if a line key (see vocab_boilerplate) heads a comment or a comment
 * section: "34 responses to <title>", "12 thoughts on <title>", "jane
 * says" (colon_end: the line ends with a colon). */
int vocab_comment_head(const char *key, size_t len, int colon_end);

/* 2 if the lower-cased line holds a site's copyright notice ("all rights
 * reserved" and its translations, or "©"/"copyright" with a year); 1 for
 * "©"/"copyright" alone (a photo's: "Image copyright Getty"); else 0. */
int vocab_copyright(const char *lower, size_t len);

/* 1 if the lower-cased line speaks of cookies and the site or consent: a
 * cookie banner's text. */
int vocab_cookies(const char *lower, size_t len);

/* 0 if the tables are in the order the lookups need (for the tests). */
int vocab_check(void);

#endif
