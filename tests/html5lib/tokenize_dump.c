/*
 * tokenize_dump: prints the tokens of pith's HTML tokenizer, one JSON array
 * a line, in html5lib-tests' token format:
 *   ["DOCTYPE", name, public_id, system_id, correctness]
 *   ["StartTag", name, {attributes}] (+ true when self-closing)
 *   ["EndTag", name]   ["Comment", data]   ["Character", data]
 * Character runs come as the tokenizer gives them (not merged).
 *
 *   tokenize_dump [--state STATE] [--last-start-tag NAME] [FILE]
 *   tokenize_dump --batch
 *
 * STATE: data (default), rcdata, rawtext, script, plaintext, cdata.
 * --batch reads many inputs from standard input, each a header line
 * "STATE LAST_START_TAG LENGTH" (LAST_START_TAG "-" for none) and LENGTH
 * bytes, and prints each one's tokens followed by a line "#end"; the
 * html5lib runner (run_tokenizer.py) drives the whole suite through one
 * process this way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/tokenizer.h"
#include "util/arena.h"
#include "util/buf.h"

static const struct {
  const char *name;
  tokenizer_content content;
} states[] = {
    {"data", TOKENIZER_DATA},           {"rcdata", TOKENIZER_RCDATA},
    {"rawtext", TOKENIZER_RAWTEXT},     {"script", TOKENIZER_SCRIPT_DATA},
    {"plaintext", TOKENIZER_PLAINTEXT}, {"cdata", TOKENIZER_CDATA_SECTION},
};

static int state_named(const char *name, tokenizer_content *c) {
  for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
    if (strcmp(states[i].name, name) == 0) {
      *c = states[i].content;
      return 0;
    }
  return -1;
}

static void json_str(buf *out, const char *s, size_t len) {
  if (!s) {
    buf_puts(out, "null");
    return;
  }
  buf_putc(out, '"');
  buf_json_escape(out, s, len);
  buf_putc(out, '"');
}

/* Tokenizes input[0..len) and appends the tokens to out. -1 on failure. */
static int dump(const char *input, size_t len, tokenizer_content c, const char *last_tag,
                buf *out) {
  arena mem;
  arena_init(&mem);
  html_tokenizer *t = tokenizer_new(input, len, &mem);
  int rc = t ? 0 : -1;
  if (t)
    tokenizer_set_content(t, c, last_tag, last_tag ? strlen(last_tag) : 0);
  while (rc == 0) {
    html_token tok;
    if (tokenizer_next(t, &tok)) {
      rc = -1;
      break;
    }
    if (tok.type == TOK_EOF)
      break;
    switch (tok.type) {
    case TOK_DOCTYPE:
      buf_puts(out, "[\"DOCTYPE\",");
      json_str(out, tok.name, tok.name_len);
      buf_putc(out, ',');
      json_str(out, tok.public_id, tok.public_id_len);
      buf_putc(out, ',');
      json_str(out, tok.system_id, tok.system_id_len);
      buf_puts(out, tok.force_quirks ? ",false]\n" : ",true]\n");
      break;
    case TOK_START_TAG:
      buf_puts(out, "[\"StartTag\",");
      json_str(out, tok.name, tok.name_len);
      buf_puts(out, ",{");
      for (size_t i = 0; i < tok.nattrs; i++) {
        if (i)
          buf_putc(out, ',');
        json_str(out, tok.attrs[i].name, tok.attrs[i].name_len);
        buf_putc(out, ':');
        json_str(out, tok.attrs[i].value, tok.attrs[i].value_len);
      }
      buf_puts(out, tok.self_closing ? "},true]\n" : "}]\n");
      break;
    case TOK_END_TAG:
      buf_puts(out, "[\"EndTag\",");
      json_str(out, tok.name, tok.name_len);
      buf_puts(out, "]\n");
      break;
    case TOK_COMMENT:
    case TOK_CHARS:
      buf_puts(out, tok.type == TOK_COMMENT ? "[\"Comment\"," : "[\"Character\",");
      json_str(out, tok.data, tok.len);
      buf_puts(out, "]\n");
      break;
    case TOK_EOF:
      break;
    }
  }
  tokenizer_free(t);
  arena_free(&mem);
  return rc;
}

static char *read_all(FILE *f, size_t *len) {
  buf b;
  buf_init(&b);
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
    buf_append(&b, tmp, n);
  return buf_detach(&b, len);
}

static int batch(void) {
  char line[512];
  buf out;
  buf_init(&out);
  while (fgets(line, sizeof line, stdin)) {
    char state[32], last[256];
    size_t len;
    tokenizer_content c;
    if (sscanf(line, "%31s %255s %zu", state, last, &len) != 3 || state_named(state, &c)) {
      fprintf(stderr, "tokenize_dump: bad batch header: %s", line);
      return 2;
    }
    char *input = malloc(len + 1);
    if (!input || fread(input, 1, len, stdin) != len) {
      fprintf(stderr, "tokenize_dump: short batch input\n");
      return 2;
    }
    buf_reset(&out);
    if (dump(input, len, c, strcmp(last, "-") ? last : NULL, &out))
      buf_puts(&out, "#error\n");
    buf_puts(&out, "#end\n");
    fwrite(out.data, 1, out.len, stdout);
    free(input);
  }
  buf_free(&out);
  return 0;
}

int main(int argc, char **argv) {
  tokenizer_content c = TOKENIZER_DATA;
  const char *last = NULL, *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--batch") == 0)
      return batch();
    if (strcmp(argv[i], "--state") == 0 && i + 1 < argc) {
      if (state_named(argv[++i], &c)) {
        fprintf(stderr, "tokenize_dump: unknown state %s\n", argv[i]);
        return 2;
      }
    } else if (strcmp(argv[i], "--last-start-tag") == 0 && i + 1 < argc) {
      last = argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "usage: tokenize_dump [--state STATE] [--last-start-tag NAME] [FILE]\n"
                      "       tokenize_dump --batch\n");
      return 2;
    } else {
      path = argv[i];
    }
  }
  FILE *f = path && strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) {
    perror(path);
    return 1;
  }
  size_t len;
  char *input = read_all(f, &len);
  if (f != stdin)
    fclose(f);
  buf out;
  buf_init(&out);
  int rc = input ? dump(input, len, c, last, &out) : -1;
  fwrite(out.data, 1, out.len, stdout);
  buf_free(&out);
  free(input);
  if (rc)
    fprintf(stderr, "tokenize_dump: out of memory\n");
  return rc ? 1 : 0;
}
