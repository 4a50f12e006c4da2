/* Character references (WHATWG HTML, "Character reference state"): the
 * named table's longest-match lookup and the numeric references' rules. The
 * tokenizer decides where a reference may start and what follows it. */
#ifndef PITH_HTML_CHARREF_H
#define PITH_HTML_CHARREF_H

#include <stddef.h>
#include <stdint.h>

/* The longest named character reference that s[0..len) starts with (s is
 * just after the '&'; names with and without ';' count). Returns the length
 * of its name (0: none) and sets *value, *value_len to its UTF-8 expansion. */
size_t charref_named(const char *s, size_t len, const char **value, size_t *value_len);

/* The code point a numeric reference &#N; stands for: U+FFFD for 0,
 * surrogates and values past U+10FFFF (callers saturate at 0x110000), the
 * Windows-1252 characters for 0x80-0x9F, else N itself. */
uint32_t charref_numeric(uint32_t n);

/* Writes code point c (at most U+10FFFF) as UTF-8 to out[0..4); returns how
 * many bytes. */
size_t charref_utf8(uint32_t c, char *out);

#endif
