/* The HTML tokenizer alone. The first byte picks the options: the initial
 * content model (byte % 6: data, RCDATA, RAWTEXT, script data, PLAINTEXT,
 * CDATA section), whether CDATA sections are allowed (bit 3), whether the
 * content model follows start tags as the tree builder switches it (bit 4);
 * the rest is the page, copied into a buffer of exactly its size (a read
 * past the end is a heap overflow). Invariants: every token as the contract
 * says (runs not empty, ws_prefix right, names lower case and not empty, no
 * two attributes with one name), the tokenizer moves on (never more tokens
 * than bytes + 1), EOF stays EOF. random_tokenizer.c drives it too. */
#include <string.h>

#include "fuzz.h"
#include "html/tokenizer.h"

static int is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static void check_name(const char *s, size_t n) {
  FUZZ_ASSERT(s && n > 0);
  for (size_t i = 0; i < n; i++)
    FUZZ_ASSERT(!(s[i] >= 'A' && s[i] <= 'Z'));
}

static void check_tag(const html_token *tok) {
  check_name(tok->name, tok->name_len);
  for (size_t i = 0; i < tok->nattrs; i++) {
    const tok_attr *a = &tok->attrs[i];
    check_name(a->name, a->name_len);
    FUZZ_ASSERT(a->value != NULL);
    if (tok->nattrs <= 64) /* pairwise: small tags only */
      for (size_t k = 0; k < i; k++)
        FUZZ_ASSERT(tok->attrs[k].name_len != a->name_len ||
                    memcmp(tok->attrs[k].name, a->name, a->name_len) != 0);
  }
}

/* The content model the tree builder gives what follows a start tag. */
static tokenizer_content content_after(const html_token *tok) {
  static const struct {
    const char *name;
    tokenizer_content c;
  } switches[] = {{"script", TOKENIZER_SCRIPT_DATA}, {"style", TOKENIZER_RAWTEXT},
                  {"xmp", TOKENIZER_RAWTEXT},        {"title", TOKENIZER_RCDATA},
                  {"textarea", TOKENIZER_RCDATA},    {"plaintext", TOKENIZER_PLAINTEXT}};
  for (size_t i = 0; i < sizeof switches / sizeof switches[0]; i++)
    if (tok->name_len == strlen(switches[i].name) &&
        memcmp(tok->name, switches[i].name, tok->name_len) == 0)
      return switches[i].c;
  return TOKENIZER_DATA;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  unsigned pick = data[0];
  size_t len = size - 1;
  char *page = malloc(len ? len : 1);
  if (!page)
    return 0;
  memcpy(page, data + 1, len);
  arena mem;
  arena_init(&mem);
  html_tokenizer *t = tokenizer_new(page, len, &mem);
  FUZZ_ASSERT(t != NULL);
  static const tokenizer_content initial[6] = {TOKENIZER_DATA,      TOKENIZER_RCDATA,
                                               TOKENIZER_RAWTEXT,   TOKENIZER_SCRIPT_DATA,
                                               TOKENIZER_PLAINTEXT, TOKENIZER_CDATA_SECTION};
  static const char *const last_tag[6] = {NULL, "title", "style", "script", NULL, NULL};
  tokenizer_set_content(t, initial[pick % 6], last_tag[pick % 6],
                        last_tag[pick % 6] ? strlen(last_tag[pick % 6]) : 0);
  tokenizer_set_cdata_allowed(t, (pick & 8) != 0);
  size_t ntokens = 0;
  html_token tok;
  for (;;) {
    FUZZ_ASSERT(tokenizer_next(t, &tok) == 0);
    if (tok.type == TOK_EOF)
      break;
    FUZZ_ASSERT(++ntokens <= len + 1);
    if (tok.type == TOK_CHARS) {
      FUZZ_ASSERT(tok.data && tok.len > 0 && tok.ws_prefix <= tok.len);
      for (size_t i = 0; i < tok.ws_prefix; i++)
        FUZZ_ASSERT(is_ws(tok.data[i]));
      FUZZ_ASSERT(tok.ws_prefix == tok.len || !is_ws(tok.data[tok.ws_prefix]));
    } else if (tok.type == TOK_START_TAG || tok.type == TOK_END_TAG) {
      check_tag(&tok);
      tokenizer_content c = content_after(&tok);
      if (tok.type == TOK_START_TAG && (pick & 16) && c != TOKENIZER_DATA)
        tokenizer_set_content(t, c, tok.name, tok.name_len);
    } else if (tok.type == TOK_COMMENT) {
      FUZZ_ASSERT(tok.data || tok.len == 0);
    }
  }
  FUZZ_ASSERT(tokenizer_next(t, &tok) == 0 && tok.type == TOK_EOF);
  tokenizer_free(t);
  arena_free(&mem);
  free(page);
  return 0;
}
