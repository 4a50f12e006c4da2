/*
 * random_tokenizer: random pages through the HTML tokenizer's fuzz target
 * (fuzz_tokenizer.c: its checks, its option byte), without a fuzzer: for
 * ctest, in the normal and the sanitizer build. Pages are built from pieces
 * of HTML syntax (tags, references, comments, script escapes, CR, NUL,
 * invalid UTF-8...), and every prefix of some of them (the end of the input
 * cuts each state).
 *
 *   random_tokenizer [--iterations N] [--seconds S] [--seed N]
 *
 * A broken invariant aborts (fuzz.h); the page is printed first, as a C
 * string with its option byte.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"

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

static unsigned long long rng_state = 1;
static unsigned rnd(unsigned n) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)((rng_state >> 33) % n);
}

/* The input being checked, for the abort handler. */
static unsigned char input[4097];
static size_t input_len;

static void print_input(int sig) {
  static const char hex[] = "0123456789ABCDEF";
  char out[4 * sizeof input + 64];
  size_t o = 0;
  const char *head = "random_tokenizer: the input (option byte first):\n\"";
  for (const char *h = head; *h; h++)
    out[o++] = *h;
  for (size_t i = 0; i < input_len; i++) {
    unsigned char c = input[i];
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      out[o++] = (char)c;
    } else { /* \xHH, then a string break so that no digit joins it */
      memcpy(out + o, "\\x", 2);
      out[o + 2] = hex[c >> 4];
      out[o + 3] = hex[c & 15];
      memcpy(out + o + 4, "\"\"", 2);
      o += 6;
    }
    if (o > sizeof out - 16)
      break;
  }
  out[o++] = '"';
  out[o++] = '\n';
  if (write(2, out, o) < 0) { /* nothing more to do */
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

static void check(size_t len) {
  input_len = len;
  LLVMFuzzerTestOneInput(input, len);
}

int main(int argc, char **argv) {
  long iterations = 20000;
  double seconds = 0;
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
  signal(SIGABRT, print_input);
  clock_t start = clock();
  long n;
  for (n = 0; seconds > 0 || n < iterations; n++) {
    if (seconds > 0 && n % 1000 == 0 && (double)(clock() - start) / CLOCKS_PER_SEC > seconds)
      break;
    /* options: data state and the tree builder's switches most of the time */
    input[0] = (unsigned char)(rnd(4) ? 16u | (unsigned)(rnd(4) == 0) << 3 : rnd(32));
    size_t len = 1, want = 1 + rnd(60);
    for (size_t k = 0; k < want; k++) {
      const char *p = rnd(20) ? pieces[rnd(NPIECES)] : "\0";
      size_t m = *p ? strlen(p) : 1;
      if (len + m > sizeof input)
        break;
      memcpy(input + len, p, m);
      len += m;
    }
    check(len);
    if (n % 64 == 0)
      for (size_t k = 1; k < len; k++)
        check(k);
  }
  printf("random_tokenizer: %ld pages, no invariant broken\n", n);
  return 0;
}
