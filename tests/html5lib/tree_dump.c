/* The conformance driver's parser end: parses documents and prints each tree
 * in html5lib-tests' format (html/dom_dump.h), scripting off, no limits.
 *
 *   tree_dump FILE        one document
 *   tree_dump --batch     documents on standard input, each as its length in
 *                         bytes, a newline, then the bytes; each tree is
 *                         followed by a line holding only "\x1e". A length
 *                         followed by a space and an element ("td", "svg
 *                         path", "math mi") parses a fragment in that
 *                         context, and prints the nodes below its root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/dom_dump.h"
#include "html/html.h"

/* context: NULL for a document, else "td", "svg path", "math mi". */
static int dump(const char *html, size_t len, const char *context) {
  arena mem;
  arena_init(&mem);
  dom_doc doc;
  char err[128];
  html_limits lim = {.flags = HTML_KEEP_ALL};
  buf out;
  buf_init(&out);
  int rc;
  if (context) {
    int ns = DOM_NS_HTML;
    if (!strncmp(context, "svg ", 4))
      ns = DOM_NS_SVG, context += 4;
    else if (!strncmp(context, "math ", 5))
      ns = DOM_NS_MATHML, context += 5;
    rc = html_parse_fragment(html, len, &lim, ns, context, &mem, &doc, err, sizeof err);
    if (rc == 0)
      rc = dom_dump_below(doc.root->first, &out);
  } else {
    rc = html_parse(html, len, &lim, &mem, &doc, err, sizeof err);
    if (rc == 0)
      rc = dom_dump(&doc, &out);
  }
  if (rc == 0 && out.len)
    fwrite(out.data, 1, out.len, stdout);
  if (rc)
    fprintf(stderr, "tree_dump: %s\n", err[0] ? err : "out of memory");
  buf_free(&out);
  arena_free(&mem);
  return rc;
}

static char *read_all(FILE *f, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *s = malloc(cap);
  for (size_t k; s && (k = fread(s + n, 1, cap - n, f)) > 0;) {
    n += k;
    if (n == cap) {
      char *t = realloc(s, cap *= 2);
      if (!t)
        free(s);
      s = t;
    }
  }
  *len = n;
  return s;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: tree_dump FILE | tree_dump --batch < RECORDS\n");
    return 2;
  }
  if (strcmp(argv[1], "--batch") != 0) {
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
      perror(argv[1]);
      return 1;
    }
    size_t len;
    char *s = read_all(f, &len);
    fclose(f);
    int rc = s ? dump(s, len, NULL) : 1;
    free(s);
    return rc ? 1 : 0;
  }
  size_t len;
  char *all = read_all(stdin, &len);
  if (!all)
    return 1;
  int failed = 0;
  for (size_t p = 0; p < len;) {
    char *nl = memchr(all + p, '\n', len - p);
    if (!nl)
      break;
    char *rest;
    size_t n = strtoul(all + p, &rest, 10);
    char context[64] = "";
    if (*rest == ' ' && nl - rest - 1 < (long)sizeof context)
      memcpy(context, rest + 1, (size_t)(nl - rest - 1));
    p = (size_t)(nl - all) + 1;
    if (n > len - p)
      n = len - p;
    failed |= dump(all + p, n, context[0] ? context : NULL) != 0;
    p += n;
    fputs("\x1e\n", stdout);
  }
  free(all);
  return failed;
}
