/* The HTML tokenizer: see tokenizer.h. (Skeleton: the whole input comes out
 * as one character run; the states follow.) */
#include "html/tokenizer.h"

#include <stdlib.h>

struct html_tokenizer {
  const char *p, *end;
  arena *mem;
  tokenizer_content content;
  int cdata_allowed;
};

html_tokenizer *tokenizer_new(const char *utf8, size_t len, arena *mem) {
  html_tokenizer *t = arena_calloc(mem, sizeof *t);
  if (!t)
    return NULL;
  t->p = utf8;
  t->end = utf8 + len;
  t->mem = mem;
  return t;
}

int tokenizer_next(html_tokenizer *t, html_token *tok) {
  memset(tok, 0, sizeof *tok);
  if (t->p == t->end) {
    tok->type = TOK_EOF;
    return 0;
  }
  tok->type = TOK_CHARS;
  tok->data = t->p;
  tok->len = (size_t)(t->end - t->p);
  t->p = t->end;
  return 0;
}

void tokenizer_set_content(html_tokenizer *t, tokenizer_content c, const char *last_start_tag,
                           size_t last_start_tag_len) {
  (void)last_start_tag;
  (void)last_start_tag_len;
  t->content = c;
}

void tokenizer_set_cdata_allowed(html_tokenizer *t, int allowed) {
  t->cdata_allowed = allowed;
}

void tokenizer_free(html_tokenizer *t) {
  (void)t;
}
