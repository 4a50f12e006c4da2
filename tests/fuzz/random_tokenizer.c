/*
 * random_tokenizer: random pages through the HTML tokenizer, each in a buffer
 * of exactly its size (so that AddressSanitizer sees any read past the end),
 * with the content model switched after start tags as the tree builder
 * does. Checks, for every token: the contract's invariants (non-empty runs,
 * ws_prefix right, names lower case, no duplicate attribute names), that the
 * tokenizer moves on (never more tokens than bytes + 1) and that EOF stays
 * EOF. Pages are built from pieces of HTML syntax (tags, references,
 * comments, CR, NUL, invalid UTF-8...), and every prefix of some of them.
 *
 *   random_tokenizer [--iterations N] [--seconds S] [--seed N]
 *
 * Exits 1 at the first broken invariant (printing the page as C string).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html/tokenizer.h"

static const char *const pieces[] = {
    "<",
    ">",
    "</",
    "/>",
    "<!--",
    "-->",
    "--!>",
    "-",
    "--",
    "<!",
    "<?",
    "<!DOCTYPE",
    " html",
    " PUBLIC",
    " SYSTEM",
    "\"",
    "'",
    "=",
    " ",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\f",
    "&",
    "&amp",
    "&amp;",
    "&notin",
    "&#",
    "&#x",
    "&#X1F4A9;",
    "&#128;",
    "&#0;",
    "&#xD800;",
    "&#99999999999;",
    ";",
    "a",
    "B",
    "div",
    "Div",
    "x=",
    "y='1'",
    "z=\"2\"",
    "w=3",
    "<p",
    "<a href=",
    "</p>",
    "<script>",
    "</script>",
    "<!--<script>",
    "script",
    "<style>",
    "</STYLE >",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<plaintext>",
    "<xmp>",
    "</xmp>",
    "<![CDATA[",
    "]]>",
    "]",
    "<svg>",
    "\xC3\xA9",
    "\xE2\x82",
    "\xFF",
    "\xF0\x9F\x92\xA9",
    "text ",
    "1",
    "?",
    "!",
    "<b x y x>",
    "<i A=1 a=2>",
    "\"'>",
    "<a/b>",
};
enum { NPIECES = sizeof pieces / sizeof pieces[0] };

static unsigned long long rng_state;
static unsigned rnd(unsigned n) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)((rng_state >> 33) % n);
}

static const char *current_page;
static size_t current_len;

static void fail(const char *what) {
  fprintf(stderr, "random_tokenizer: %s; the page:\n\"", what);
  for (size_t i = 0; i < current_len; i++) {
    unsigned char c = (unsigned char)current_page[i];
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
      fputc(c, stderr);
    else
      fprintf(stderr, "\\x%02X\"\"", c);
  }
  fprintf(stderr, "\"\n");
  exit(1);
}

static int is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static void check_name(const char *s, size_t n) {
  if (!s || n == 0)
    fail("empty name");
  for (size_t i = 0; i < n; i++)
    if (s[i] >= 'A' && s[i] <= 'Z')
      fail("upper case in a name");
}

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

static void tokenize(const char *page, size_t len) {
  /* An exact-size copy: a read past the end is a heap overflow. */
  char *copy = malloc(len ? len : 1);
  if (!copy)
    fail("out of memory");
  memcpy(copy, page, len);
  current_page = copy;
  current_len = len;
  arena mem;
  arena_init(&mem);
  html_tokenizer *t = tokenizer_new(copy, len, &mem);
  if (!t)
    fail("tokenizer_new failed");
  tokenizer_set_cdata_allowed(t, rnd(4) == 0);
  size_t ntokens = 0;
  html_token tok;
  for (;;) {
    if (tokenizer_next(t, &tok))
      fail("tokenizer_next failed");
    if (tok.type == TOK_EOF)
      break;
    if (++ntokens > len + 1)
      fail("more tokens than bytes: the tokenizer does not move on");
    switch (tok.type) {
    case TOK_CHARS:
      if (!tok.data || tok.len == 0 || tok.ws_prefix > tok.len)
        fail("bad character run");
      for (size_t i = 0; i < tok.ws_prefix; i++)
        if (!is_ws(tok.data[i]))
          fail("ws_prefix covers a non-space");
      if (tok.ws_prefix < tok.len && is_ws(tok.data[tok.ws_prefix]))
        fail("ws_prefix too short");
      break;
    case TOK_START_TAG:
    case TOK_END_TAG:
      check_name(tok.name, tok.name_len);
      for (size_t i = 0; i < tok.nattrs; i++) {
        check_name(tok.attrs[i].name, tok.attrs[i].name_len);
        if (!tok.attrs[i].value)
          fail("attribute without value");
        for (size_t k = 0; k < i; k++)
          if (tok.attrs[k].name_len == tok.attrs[i].name_len &&
              memcmp(tok.attrs[k].name, tok.attrs[i].name, tok.attrs[i].name_len) == 0)
            fail("duplicate attribute");
      }
      if (tok.type == TOK_START_TAG && rnd(2)) {
        tokenizer_content c = content_after(&tok);
        if (c != TOKENIZER_DATA)
          tokenizer_set_content(t, c, tok.name, tok.name_len);
      }
      break;
    case TOK_COMMENT:
      if (!tok.data && tok.len)
        fail("comment without data");
      break;
    default:
      break;
    }
  }
  if (tokenizer_next(t, &tok) || tok.type != TOK_EOF)
    fail("EOF did not stay EOF");
  tokenizer_free(t);
  arena_free(&mem);
  free(copy);
}

int main(int argc, char **argv) {
  long iterations = 20000;
  double seconds = 0;
  rng_state = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--iterations") == 0)
      iterations = atol(argv[i + 1]);
    else if (strcmp(argv[i], "--seconds") == 0)
      seconds = atof(argv[i + 1]);
    else if (strcmp(argv[i], "--seed") == 0)
      rng_state = strtoull(argv[i + 1], NULL, 10);
    else {
      fprintf(stderr, "usage: random_tokenizer [--iterations N] [--seconds S] [--seed N]\n");
      return 2;
    }
  }
  clock_t start = clock();
  char page[4096];
  long n;
  for (n = 0; seconds > 0 || n < iterations; n++) {
    if (seconds > 0 && n % 1000 == 0 && (double)(clock() - start) / CLOCKS_PER_SEC > seconds)
      break;
    size_t len = 0, want = 1 + rnd(60);
    for (size_t k = 0; k < want; k++) {
      const char *p = pieces[rnd(NPIECES)];
      size_t m = strlen(p);
      if (rnd(20) == 0) { /* a NUL byte */
        p = "\0";
        m = 1;
      }
      if (len + m > sizeof page)
        break;
      memcpy(page + len, p, m);
      len += m;
    }
    tokenize(page, len);
    if (n % 64 == 0) /* every prefix: the end cuts each state */
      for (size_t k = 0; k < len; k++)
        tokenize(page, k);
  }
  printf("random_tokenizer: %ld pages, no invariant broken\n", n);
  return 0;
}
