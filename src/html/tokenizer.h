/* The HTML tokenizer (WHATWG HTML, "Tokenization"): UTF-8 bytes in, one token
 * at a time out. The tree builder pulls tokens and switches the tokenizer's
 * state for RCDATA, RAWTEXT, script data and PLAINTEXT content, as the
 * standard's tree-construction rules say.
 *
 * Contract between tokenizer.c and treebuilder.c (both in src/html/):
 * - Token strings are UTF-8 and valid until the next tokenizer_next call,
 *   unless they point into the input (they may: slices of the input where no
 *   character reference, NUL or CR forced a copy). The tree builder copies
 *   what it keeps into the page's arena.
 * - Character tokens come as runs: one TOK_CHARS token holds as many
 *   characters as the tokenizer found before the next tag, comment or EOF
 *   (a run may be split anywhere; the tree builder must not rely on where).
 *   ws_prefix is how many leading bytes of the run are ASCII white space
 *   (TAB, LF, FF, SPACE; CR is already normalised away), so the tree
 *   builder's "whitespace character" modes need not rescan.
 * - Tag and attribute names are lower-cased (ASCII) by the tokenizer.
 *   tag is the tag id for names pith knows (tags.h), else TAG_UNKNOWN.
 *   Duplicate attributes are dropped (the first wins), in O(n) per tag.
 * - NUL bytes: in the data state they come out as U+0000 inside a
 *   TOK_CHARS run (the tree builder drops or replaces them per mode);
 *   elsewhere the tokenizer replaces them with U+FFFD as the standard says.
 */
#ifndef PITH_HTML_TOKENIZER_H
#define PITH_HTML_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef enum {
  TOK_DOCTYPE,
  TOK_START_TAG,
  TOK_END_TAG,
  TOK_COMMENT,
  TOK_CHARS,
  TOK_EOF,
} tok_type;

typedef struct {
  const char *name; /* lower case */
  size_t name_len;
  const char *value;
  size_t value_len;
} tok_attr;

typedef struct {
  tok_type type;
  /* TOK_START_TAG, TOK_END_TAG */
  uint16_t tag; /* tag id (html/tags.h), TAG_UNKNOWN when pith has none */
  uint8_t self_closing;
  const char *name; /* tag name, lower case; TOK_DOCTYPE: the doctype's name (NULL if missing) */
  size_t name_len;
  tok_attr *attrs;
  size_t nattrs;
  /* TOK_CHARS, TOK_COMMENT: the data */
  const char *data;
  size_t len;
  size_t ws_prefix; /* TOK_CHARS: leading ASCII white-space bytes */
  /* TOK_DOCTYPE */
  const char *public_id; /* NULL: missing */
  size_t public_id_len;
  const char *system_id; /* NULL: missing */
  size_t system_id_len;
  uint8_t force_quirks;
} html_token;

/* The states the tree builder may switch the tokenizer to. */
typedef enum {
  TOKENIZER_DATA,
  TOKENIZER_RCDATA,
  TOKENIZER_RAWTEXT,
  TOKENIZER_SCRIPT_DATA,
  TOKENIZER_PLAINTEXT,
  /* The CDATA section state: html5lib's tokenizer tests start some tests
   * there; the tree builder never needs it (tokenizer_set_cdata_allowed). */
  TOKENIZER_CDATA_SECTION,
} tokenizer_content;

typedef struct html_tokenizer html_tokenizer;

/* A tokenizer over utf8[0..len) (the input stays the caller's and must
 * outlive the tokenizer). Scratch memory from mem. NULL on out-of-memory. */
html_tokenizer *tokenizer_new(const char *utf8, size_t len, arena *mem);

/* The next token into *tok. Returns 0, or -1 on out-of-memory. After
 * TOK_EOF every call gives TOK_EOF again. */
int tokenizer_next(html_tokenizer *t, html_token *tok);

/* Switches the content model; last_start_tag names the element whose end tag
 * ends RCDATA/RAWTEXT/script data (the "appropriate end tag"). */
void tokenizer_set_content(html_tokenizer *t, tokenizer_content c, const char *last_start_tag,
                           size_t last_start_tag_len);

/* Whether "<![CDATA[" opens a CDATA section (the adjusted current node is in
 * a foreign namespace) or a bogus comment. The tree builder keeps it true. */
void tokenizer_set_cdata_allowed(html_tokenizer *t, int allowed);

/* A start tag keeps at most max distinct attributes (0: no limit), the
 * first ones; the rest are dropped like duplicates, so a hostile tag with a
 * million attributes costs neither memory nor a duplicate table that
 * outgrows the caches (pith_options.max_attributes). */
void tokenizer_set_max_attrs(html_tokenizer *t, size_t max);

/* Whether a start tag lost attributes to that limit. */
int tokenizer_dropped_attrs(const html_tokenizer *t);

/* Frees what the tokenizer holds outside the arena (NULL is fine). */
void tokenizer_free(html_tokenizer *t);

#endif
