/* Language identification of a text, from pith's own small profiles: the
 * script for languages that have one to themselves (Japanese, Korean, Thai,
 * Greek, Hebrew, ...), frequent function words for languages that share a
 * script (Latin, Cyrillic, Arabic, Devanagari). Thread-safe; no set-up. */
#ifndef PITH_META_LANG_H
#define PITH_META_LANG_H

#include <stddef.h>

/* The language of UTF-8 text s[0..len) as a BCP 47 code ("en", "de", "zh",
 * "ja", ...), a static string, or NULL when too little text says. The
 * confidence (0..1) goes to *confidence when not NULL. Reads at most the
 * first 64 KB. */
const char *lang_detect(const char *s, size_t len, float *confidence);

/* The function words pith knows for a language (lower case, separated by
 * single spaces), or NULL: for the extractor's stopword signals. */
const char *lang_stopwords(const char *code);

/* Normalises a declared language tag: "en_US" -> "en-US", "EN" -> "en",
 * "zh-hans-cn" -> "zh-Hans-CN". Writes into out (cap >= 16); returns 0 when
 * tag is not a plausible BCP 47 tag. */
int lang_normalize(const char *tag, char *out, size_t cap);

#endif
