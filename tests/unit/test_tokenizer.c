/* The HTML tokenizer's contract beyond what html5lib-tests checks (that is
 * tests/html5lib/run_tokenizer.py): slices of the input, ws_prefix, NUL in
 * the data state, tag ids, duplicate attributes at scale, content models
 * switched by the caller, tokens that the input's end cuts off. */
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "html/tags.h"
#include "html/tokenizer.h"

static arena mem;

static html_tokenizer *start(const char *s, size_t len) {
  html_tokenizer *t = tokenizer_new(s, len, &mem);
  CHECK(t != NULL);
  return t;
}

static html_token next(html_tokenizer *t) {
  html_token tok;
  int rc = tokenizer_next(t, &tok);
  CHECK(rc == 0);
  return tok;
}

static int inside(const char *p, const char *s, size_t len) {
  return p >= s && p < s + len;
}

static int is(const char *p, size_t n, const char *want) {
  return n == strlen(want) && memcmp(p, want, n) == 0;
}

static void plain_page_is_slices(void) {
  const char *s = "<P class=intro id=\"a1\">Hello, world</P><!-- note -->";
  size_t n = strlen(s);
  html_tokenizer *t = start(s, n);
  html_token tok = next(t);
  CHECK(tok.type == TOK_START_TAG && tok.tag == TAG_P && is(tok.name, tok.name_len, "p"));
  CHECK(tok.nattrs == 2);
  CHECK(is(tok.attrs[0].name, tok.attrs[0].name_len, "class"));
  CHECK(is(tok.attrs[0].value, tok.attrs[0].value_len, "intro"));
  CHECK(inside(tok.attrs[0].value, s, n) && inside(tok.attrs[1].value, s, n));
  CHECK(is(tok.attrs[1].value, tok.attrs[1].value_len, "a1"));
  tok = next(t);
  CHECK(tok.type == TOK_CHARS && is(tok.data, tok.len, "Hello, world") && inside(tok.data, s, n));
  tok = next(t);
  CHECK(tok.type == TOK_END_TAG && tok.tag == TAG_P && tok.nattrs == 0);
  tok = next(t);
  CHECK(tok.type == TOK_COMMENT && is(tok.data, tok.len, " note ") && inside(tok.data, s, n));
  CHECK(next(t).type == TOK_EOF);
  CHECK(next(t).type == TOK_EOF); /* and again */
  tokenizer_free(t);
}

static void text_that_is_rewritten(void) {
  const char *s = "  \n a &amp; b\r\nc\rd &notin; e\0f<x-Y>";
  size_t n = strlen(s) + 1 + strlen("f<x-Y>");
  html_tokenizer *t = start(s, n);
  html_token tok = next(t);
  CHECK(tok.type == TOK_CHARS && tok.ws_prefix == 4);
  static const char want[] = "  \n a & b\nc\nd \xE2\x88\x89 e\0f"; /* the NUL kept */
  CHECK(tok.len == sizeof want - 1 && memcmp(tok.data, want, tok.len) == 0);
  tok = next(t);
  CHECK(tok.type == TOK_START_TAG && tok.tag == TAG_UNKNOWN && is(tok.name, tok.name_len, "x-y"));
  CHECK(next(t).type == TOK_EOF);
  tokenizer_free(t);
}

static void duplicates_dropped(void) {
  const char *s = "<a x=1 X=2 y=3 x=4 Y=5 z>";
  html_tokenizer *t = start(s, strlen(s));
  html_token tok = next(t);
  CHECK(tok.nattrs == 3);
  CHECK(is(tok.attrs[0].value, tok.attrs[0].value_len, "1"));
  CHECK(is(tok.attrs[1].name, tok.attrs[1].name_len, "y"));
  CHECK(is(tok.attrs[1].value, tok.attrs[1].value_len, "3"));
  CHECK(is(tok.attrs[2].name, tok.attrs[2].name_len, "z") && tok.attrs[2].value_len == 0);
  tokenizer_free(t);
}

/* One element with a million distinct attributes, then a thousand of them
 * again: a quadratic duplicate check would take hours. */
static void million_attributes(void) {
  enum { N = 1000000 };
  size_t cap = (size_t)N * 10 + 16000, n = 0;
  char *s = malloc(cap);
  CHECK(s != NULL);
  if (!s)
    return;
  n += (size_t)sprintf(s + n, "<div");
  for (int i = 0; i < N; i++)
    n += (size_t)sprintf(s + n, " A%d=0", i);
  for (int i = 0; i < N; i += N / 1000)
    n += (size_t)sprintf(s + n, " a%d=1", i);
  s[n++] = '>';
  html_tokenizer *t = start(s, n);
  clock_t c0 = clock();
  html_token tok = next(t);
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  CHECK(tok.type == TOK_START_TAG && tok.nattrs == N);
  CHECK(is(tok.attrs[N - 1].name, tok.attrs[N - 1].name_len, "a999999"));
  CHECK(is(tok.attrs[N - 1].value, tok.attrs[N - 1].value_len, "0"));
  printf("1,000,000 attributes (and 1,000 duplicates): %.3f s\n", secs);
  CHECK(secs < 3.0); /* well under a second here; slack for sanitizer builds */
  tokenizer_free(t);
  free(s);
}

static void content_models(void) {
  const char *s = "a<b>&amp;\0</STYLE x=1>rest";
  size_t n = strlen(s) + 1 + strlen("</STYLE x=1>rest");
  html_tokenizer *t = start(s, n);
  tokenizer_set_content(t, TOKENIZER_RAWTEXT, "Style", 5);
  html_token tok = next(t);
  CHECK(tok.type == TOK_CHARS && is(tok.data, tok.len, "a<b>&amp;\xEF\xBF\xBD"));
  tok = next(t);
  CHECK(tok.type == TOK_END_TAG && tok.tag == TAG_STYLE);
  tok = next(t); /* back in the data state by itself */
  CHECK(tok.type == TOK_CHARS && is(tok.data, tok.len, "rest"));
  tokenizer_free(t);

  /* A double-escaped "</script>" does not end the script. */
  s = "<!--<script>x</script>y--></script>z";
  t = start(s, strlen(s));
  tokenizer_set_content(t, TOKENIZER_SCRIPT_DATA, "script", 6);
  tok = next(t);
  CHECK(tok.type == TOK_CHARS && is(tok.data, tok.len, "<!--<script>x</script>y-->"));
  CHECK(next(t).type == TOK_END_TAG);
  tokenizer_free(t);

  /* CDATA only where the tree builder allows it. */
  s = "<![CDATA[a<b]]>";
  t = start(s, strlen(s));
  tok = next(t);
  CHECK(tok.type == TOK_COMMENT && is(tok.data, tok.len, "[CDATA[a<b]]"));
  tokenizer_free(t);
  t = start(s, strlen(s));
  tokenizer_set_cdata_allowed(t, 1);
  tok = next(t);
  CHECK(tok.type == TOK_CHARS && is(tok.data, tok.len, "a<b"));
  tokenizer_free(t);
}

static void cut_off_by_the_end(void) {
  static const char *const pages[] = {"text<div class=\"x", "text<div", "text<div a", "text<a b=",
                                      "text<a b=c",         "text</p",  "text<a/"};
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    html_tokenizer *t = start(pages[i], strlen(pages[i]));
    html_token tok = next(t);
    CHECK(tok.type == TOK_CHARS && is(tok.data, tok.len, "text"));
    CHECK(next(t).type == TOK_EOF);
    tokenizer_free(t);
  }
  const char *s = "<!DOCTYPE html PUBLIC \"-//W3C";
  html_tokenizer *t = start(s, strlen(s));
  html_token tok = next(t);
  CHECK(tok.type == TOK_DOCTYPE && tok.force_quirks && is(tok.name, tok.name_len, "html"));
  CHECK(tok.public_id && is(tok.public_id, tok.public_id_len, "-//W3C") && !tok.system_id);
  tokenizer_free(t);
}

int main(void) {
  arena_init(&mem);
  plain_page_is_slices();
  text_that_is_rewritten();
  duplicates_dropped();
  million_attributes();
  content_models();
  cut_off_by_the_end();
  arena_free(&mem);
  return check_done();
}
