/* Turns the raw bytes of a web page into UTF-8: BOM, then the HTTP charset,
 * then the page's own declaration (prescan), with a check of the bytes
 * themselves because pages often declare one charset and use another; then a
 * light detection when nothing usable is declared. */
#ifndef PITH_INPUT_CHARSET_H
#define PITH_INPUT_CHARSET_H

#include <stddef.h>

/* Converts the raw bytes of an HTML page to UTF-8.
 * http_charset: charset from an HTTP Content-Type header (the label only, e.g.
 * "ISO-8859-1"), or NULL.
 * On success returns 0 and sets *out (malloc'd, NUL-terminated, caller frees)
 * and *out_len; writes the name of the charset used (lower case, e.g. "utf-8",
 * "windows-1252", "shift_jis") into used (size used_cap; used may be NULL).
 * Returns -1 only on out-of-memory. Never fails on bad bytes: invalid
 * sequences become U+FFFD; NUL bytes are dropped so *out is a C string. */
int pith_charset_to_utf8(const char *in, size_t len, const char *http_charset, char **out,
                         size_t *out_len, char *used, size_t used_cap);

/* pith_charset_to_utf8, without the copy when the bytes are UTF-8 that
 * needs no change and borrowed is not NULL: then *out points into in (a
 * byte order mark skipped), is not NUL-terminated, and *borrowed is set;
 * else *out is malloc'd, NUL-terminated and the caller's to free, and
 * *borrowed (if asked) is 0. */
int pith_charset_view_utf8(const char *in, size_t len, const char *http_charset, const char **out,
                           size_t *out_len, int *borrowed, char *used, size_t used_cap);

/* "utf-16le" or "utf-16be" when the first bytes of s[0..len) are laid out
 * like UTF-16 text without a byte order mark (NULs at odd or at even
 * offsets, mostly at one kind only) and hold few control characters, else
 * NULL. The binary-data checks ask it first: such text is full of NULs. */
const char *pith_charset_utf16_by_layout(const char *s, size_t len);

/* 1 if s[0..len) is valid UTF-8 (no overlongs, surrogates or code points
 * above U+10FFFF), else 0. NUL bytes count as valid. */
int pith_utf8_valid(const char *s, size_t len);

/* Maps a charset label (any case, surrounding blanks allowed) to the
 * canonical lower-case name pith uses (WHATWG names: "latin1" gives
 * "windows-1252", "gbk" gives "gb18030"...). Returns NULL for an unknown or
 * unsupported label. len is the label's length. */
const char *pith_charset_canonical(const char *label, size_t len);

/* 1 if label names a charset pith decodes: a name or alias that
 * pith_charset_canonical knows, or a Content-Type value whose charset
 * parameter is one ("text/html; charset=latin1"). */
int pith_charset_known(const char *label);

/* Writes the canonical names pith decodes, comma-separated ("utf-8,
 * utf-16le, ..."), into out (size cap, always NUL-terminated when cap > 0;
 * out may be NULL). Returns the length the whole list needs. */
size_t pith_charset_names(char *out, size_t cap);

#endif
