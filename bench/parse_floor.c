/*
 * pith-parse-floor: how fast can libxml2's HTML parser alone go over a set of
 * pages?  This is the floor under pith's own speed: pith parses every page
 * with libxml2's SAX interface, so it cannot be faster than this program's
 * SAX mode, and the gap between the two is what pith adds (input handling,
 * building its DOM, extraction, rendering, output). Beside it, for pith's
 * own HTML parser: the whole of it, tokenizer and tree builder (--dom), its
 * tokenizer alone (--tokens) and a memchr scan of the same bytes (--memchr),
 * the floor under any parser.
 *
 *   pith-parse-floor [--sax] [--sax-mem] [--tree] [--dom] [--tokens] [--memchr] [--all]
 *                    [--runs N] [--slowest N] [--cpu] PATH...
 *
 * PATHs are files or directories (recursed into for *.html, *.htm, *.xhtml
 * and their .gz).  Every page is read and gunzipped into memory first and
 * made valid UTF-8 (bytes that are not UTF-8 are taken as Latin-1, a cheap
 * stand-in for pith's charset conversion); only the parse is timed, with
 * CLOCK_MONOTONIC (--cpu: CLOCK_PROCESS_CPUTIME_ID), creation and freeing
 * of the parser context (and of the tree in --tree mode) included.
 *
 * Modes:
 *   --sax      sax:     (the default) htmlCreatePushParserCtxt(UTF-8) with a SAX handler
 *                       whose callbacks only count; the page in one
 *                       htmlParseChunk(terminate=1) call.
 *   --sax-mem  sax-mem: htmlCreateMemoryParserCtxt + the same SAX handler +
 *                       htmlParseDocument (the other way to drive SAX).
 *   --tree     tree:    htmlReadMemory + xmlFreeDoc: libxml2 builds its own
 *                       tree.
 *   --dom      dom:     pith's own parser, html_parse(): the tree the
 *                       extractor reads, with pith's default limits.
 *   --tokens   tokens:  pith's own HTML tokenizer (src/html/tokenizer.c)
 *                       alone: every token pulled and counted, the content
 *                       model switched after <script>, <style>, <title>...
 *                       as the tree builder does; no tree.
 *   --memchr   memchr:  memchr for every '<' of the page: the physical
 *                       floor under any parser (the bytes read once).
 *   --all      all six, one line each, over the same in-memory pages.
 * Mode options add up (--sax --tokens: both).
 *
 * Options for all modes: HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
 * HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC (the input
 * is already UTF-8; without IGNORE_ENC a <meta charset> would make libxml2
 * decode it a second time, wrongly).
 *
 * Output, one line per mode (MB = 10^6 bytes of uncompressed HTML):
 *   sax  pages 1539  bytes 432939440  seconds 1.2345  pages/s 1246.7  MB/s 350.7  events 123
 * With --runs N each mode runs N times over all pages and the fastest run is
 * reported.  --slowest N then lists the N pages that took longest (in the
 * last run), to find what makes the parser slow.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <zlib.h>

#include "html/html.h"
#include "html/tags.h"
#include "html/tokenizer.h"
#include "util/arena.h"

#define PARSE_OPTIONS                                                                              \
  (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |             \
   HTML_PARSE_IGNORE_ENC)

typedef struct {
  char *data;
  size_t len;
} page_t;

typedef struct {
  char **v;
  size_t n, cap;
} strvec_t;

typedef struct {
  unsigned long long events; /* SAX callbacks seen */
  unsigned long long text;   /* bytes of character data seen */
} counts_t;

enum mode { MODE_SAX, MODE_SAX_MEM, MODE_TREE, MODE_DOM, MODE_TOKENS, MODE_MEMCHR, MODE_COUNT };
static const char *const mode_names[] = {"sax", "sax-mem", "tree", "dom", "tokens", "memchr"};

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("pith-parse-floor: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(2);
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    die("out of memory");
  return q;
}

static void strvec_push(strvec_t *sv, const char *s) {
  if (sv->n == sv->cap) {
    sv->cap = sv->cap ? 2 * sv->cap : 256;
    sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
  }
  size_t len = strlen(s);
  sv->v[sv->n] = xrealloc(NULL, len + 1);
  memcpy(sv->v[sv->n], s, len + 1);
  sv->n++;
}

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int is_page_name(const char *name) {
  static const char *const exts[] = {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz"};
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
    if (ends_with(name, exts[i]))
      return 1;
  return 0;
}

/* Collect the files under path: a file given by name is taken whatever its
 * name; in directories only page names count. */
static void collect(const char *path, int explicit_arg, strvec_t *out) {
  struct stat st;
  if (stat(path, &st) != 0)
    die("%s: %s", path, strerror(errno));
  if (S_ISREG(st.st_mode)) {
    if (explicit_arg || is_page_name(path))
      strvec_push(out, path);
    return;
  }
  if (!S_ISDIR(st.st_mode))
    return;
  DIR *d = opendir(path);
  if (!d)
    die("%s: %s", path, strerror(errno));
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    size_t n = strlen(path) + strlen(e->d_name) + 2;
    char *child = xrealloc(NULL, n);
    snprintf(child, n, "%s/%s", path, e->d_name);
    collect(child, 0, out);
    free(child);
  }
  closedir(d);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
  double secs;
  size_t index;
} timing_t;

static int cmp_timing_desc(const void *a, const void *b) {
  double x = ((const timing_t *)a)->secs, y = ((const timing_t *)b)->secs;
  return (x < y) - (x > y);
}

/* Read a file, gunzipping it if it is gzip (gzread passes other files
 * through unchanged). */
static page_t read_page(const char *path) {
  page_t pg = {NULL, 0};
  gzFile f = gzopen(path, "rb");
  if (!f)
    die("%s: cannot open", path);
  gzbuffer(f, 1 << 17);
  size_t cap = 1 << 16;
  pg.data = xrealloc(NULL, cap);
  for (;;) {
    if (cap - pg.len < (1 << 16)) {
      cap *= 2;
      pg.data = xrealloc(pg.data, cap);
    }
    int n = gzread(f, pg.data + pg.len, (unsigned)(cap - pg.len - 1));
    if (n < 0) {
      int err;
      const char *msg = gzerror(f, &err);
      die("%s: %s", path, msg);
    }
    if (n == 0)
      break;
    pg.len += (size_t)n;
  }
  gzclose(f);
  pg.data[pg.len] = '\0';
  return pg;
}

/* Length of the valid UTF-8 sequence at s[0..n), or 0 if it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
      return 0;
    if (c == 0xE0 && s[1] < 0xA0)
      return 0; /* overlong */
    if (c == 0xED && s[1] >= 0xA0)
      return 0; /* surrogate */
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90)
      return 0;
    if (c == 0xF4 && s[1] >= 0x90)
      return 0;
    return 4;
  }
  return 0;
}

/* Make the page valid UTF-8: keep valid sequences, take every other byte as
 * Latin-1.  Returns the number of bytes that were not UTF-8. */
static size_t make_utf8(page_t *pg) {
  const unsigned char *s = (const unsigned char *)pg->data;
  size_t i = 0, bad = 0;
  while (i < pg->len) {
    size_t k = utf8_seq(s + i, pg->len - i);
    if (!k)
      break;
    i += k;
  }
  if (i == pg->len)
    return 0;
  char *out = xrealloc(NULL, 2 * pg->len + 1);
  memcpy(out, pg->data, i);
  size_t o = i;
  while (i < pg->len) {
    size_t k = utf8_seq(s + i, pg->len - i);
    if (k) {
      memcpy(out + o, s + i, k);
      o += k;
      i += k;
    } else {
      out[o++] = (char)(0xC0 | (s[i] >> 6));
      out[o++] = (char)(0x80 | (s[i] & 0x3F));
      i++;
      bad++;
    }
  }
  out[o] = '\0';
  free(pg->data);
  pg->data = out;
  pg->len = o;
  return bad;
}

/* SAX callbacks: count, and touch the data so nothing is optimised away. */
static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  counts_t *c = ctx;
  c->events++;
  (void)name;
  if (atts)
    for (; *atts; atts++)
      c->events++;
}

static void on_end(void *ctx, const xmlChar *name) {
  (void)name;
  ((counts_t *)ctx)->events++;
}

static void on_chars(void *ctx, const xmlChar *ch, int len) {
  counts_t *c = ctx;
  (void)ch;
  c->events++;
  c->text += (unsigned long long)len;
}

static void on_comment(void *ctx, const xmlChar *value) {
  (void)value;
  ((counts_t *)ctx)->events++;
}

static void no_error(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static void no_structured_error(void *ctx, xmlErrorPtr err) {
  (void)ctx;
  (void)err;
}

static htmlSAXHandler sax_handler;

static void init_sax(void) {
  memset(&sax_handler, 0, sizeof sax_handler);
  sax_handler.startElement = on_start;
  sax_handler.endElement = on_end;
  sax_handler.characters = on_chars;
  sax_handler.ignorableWhitespace = on_chars;
  sax_handler.cdataBlock = on_chars;
  sax_handler.comment = on_comment;
}

/* Wall-clock time, or with --cpu the process's CPU time: on a machine
 * shared with other work the CPU time leaves out the time the process
 * waited for a core (wall clock there counts it, often several times over). */
static clockid_t timing_clock = CLOCK_MONOTONIC;

static double now(void) {
  struct timespec ts;
  clock_gettime(timing_clock, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The content model the tree builder gives the text after a start tag
 * (scripting off: <noscript> is markup). */
static tokenizer_content content_after(const html_token *tok) {
  switch (tok->tag) {
  case TAG_SCRIPT:
    return TOKENIZER_SCRIPT_DATA;
  case TAG_STYLE:
  case TAG_IFRAME:
    return TOKENIZER_RAWTEXT;
  case TAG_TITLE:
  case TAG_TEXTAREA:
    return TOKENIZER_RCDATA;
  default:
    break;
  }
  static const char *const rawtext[] = {"xmp", "noembed", "noframes"};
  for (size_t i = 0; i < sizeof rawtext / sizeof rawtext[0]; i++)
    if (tok->name_len == strlen(rawtext[i]) && memcmp(tok->name, rawtext[i], tok->name_len) == 0)
      return TOKENIZER_RAWTEXT;
  if (tok->name_len == 9 && memcmp(tok->name, "plaintext", 9) == 0)
    return TOKENIZER_PLAINTEXT;
  return TOKENIZER_DATA;
}

static void tokenize(const page_t *pg, counts_t *c) {
  arena mem;
  arena_init(&mem);
  html_tokenizer *t = tokenizer_new(pg->data, pg->len, &mem);
  if (!t)
    die("out of memory");
  html_token tok;
  for (;;) {
    if (tokenizer_next(t, &tok))
      die("out of memory");
    if (tok.type == TOK_EOF)
      break;
    c->events += 1 + tok.nattrs;
    if (tok.type == TOK_CHARS)
      c->text += tok.len;
    else if (tok.type == TOK_START_TAG) {
      tokenizer_content next = content_after(&tok);
      if (next != TOKENIZER_DATA)
        tokenizer_set_content(t, next, tok.name, tok.name_len);
    }
  }
  tokenizer_free(t);
  arena_free(&mem);
}

/* pith's parser as pith_extract runs it (default limits). */
static void dom_parse(const page_t *pg, counts_t *c) {
  arena mem;
  arena_init(&mem);
  dom_doc doc;
  char err[128];
  html_limits lim = {.max_nodes = 4000000, .max_depth = 256};
  if (html_parse(pg->data, pg->len, &lim, &mem, &doc, err, sizeof err))
    die("%s", err);
  c->events += doc.nodes;
  arena_free(&mem);
}

static void memchr_scan(const page_t *pg, counts_t *c) {
  const char *p = pg->data, *end = pg->data + pg->len;
  while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
    c->events++;
    p++;
  }
}

/* Parse one page; returns the seconds it took. */
static double parse_page(enum mode m, const page_t *pg, counts_t *c) {
  double t0 = now();
  switch (m) {
  case MODE_SAX: {
    htmlParserCtxtPtr ctxt =
        htmlCreatePushParserCtxt(&sax_handler, c, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
    if (!ctxt)
      die("htmlCreatePushParserCtxt failed");
    htmlCtxtUseOptions(ctxt, PARSE_OPTIONS);
    htmlParseChunk(ctxt, pg->data, (int)pg->len, 1);
    htmlFreeParserCtxt(ctxt);
    break;
  }
  case MODE_SAX_MEM: {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(pg->data, (int)pg->len);
    if (!ctxt)
      die("htmlCreateMemoryParserCtxt failed");
    /* Swap in our handler (the context owns a copy of the default). */
    if (ctxt->sax)
      xmlFree(ctxt->sax);
    ctxt->sax = xmlMalloc(sizeof(htmlSAXHandler));
    if (!ctxt->sax)
      die("out of memory");
    memcpy(ctxt->sax, &sax_handler, sizeof(htmlSAXHandler));
    ctxt->userData = c;
    htmlCtxtUseOptions(ctxt, PARSE_OPTIONS);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    htmlFreeParserCtxt(ctxt);
    break;
  }
  case MODE_TREE: {
    htmlDocPtr doc = htmlReadMemory(pg->data, (int)pg->len, NULL, "UTF-8", PARSE_OPTIONS);
    if (doc) {
      c->events++;
      xmlFreeDoc(doc);
    }
    break;
  }
  case MODE_DOM:
    dom_parse(pg, c);
    break;
  case MODE_TOKENS:
    tokenize(pg, c);
    break;
  case MODE_MEMCHR:
    memchr_scan(pg, c);
    break;
  case MODE_COUNT:
    break;
  }
  return now() - t0;
}

/* --sax, --sax-mem, --tree, --dom, --tokens, --memchr: the mode's index, or -1. */
static int mode_named(const char *name) {
  for (int m = 0; m < MODE_COUNT; m++)
    if (strcmp(name, mode_names[m]) == 0)
      return m;
  return -1;
}

static void usage(FILE *f) {
  fputs(
      "usage: pith-parse-floor [--sax] [--sax-mem] [--tree] [--dom] [--tokens] [--memchr] [--all]\n"
      "                        [--runs N] [--slowest N] [--cpu] PATH...\n"
      "Time HTML parsers alone over pages (files, or directories searched for\n"
      "*.html, *.htm, *.xhtml and their .gz): libxml2's, pith's own, and a\n"
      "memchr scan as the floor. Pages are read, gunzipped and made valid UTF-8\n"
      "in memory first; only the parse is timed.\n"
      "  --sax      (the default) libxml2's SAX push parser, callbacks that only count\n"
      "  --sax-mem  SAX through htmlCreateMemoryParserCtxt + htmlParseDocument\n"
      "  --tree     libxml2's own tree: htmlReadMemory + xmlFreeDoc\n"
      "  --dom      pith's own parser: tokenizer and tree builder (html_parse)\n"
      "  --tokens   pith's own HTML tokenizer alone (every token pulled)\n"
      "  --memchr   memchr for every '<': the floor under any parser\n"
      "  --all      every mode above, one line each (mode options add up)\n"
      "  --runs N   parse everything N times per mode, report the fastest\n"
      "  --cpu      time with the process's CPU time, not the wall clock (a\n"
      "             machine shared with other work: leaves out the waits)\n"
      "  --slowest N  list the N slowest pages of each mode\n"
      "Prints: MODE pages P bytes B seconds S pages/s X MB/s Y events E\n"
      "(bytes: uncompressed HTML; MB = 10^6 bytes)\n",
      f);
}

int main(int argc, char **argv) {
  int modes[MODE_COUNT] = {1, 0, 0, 0, 0}, mode_given = 0;
  int runs = 1;
  long slowest = 0;
  strvec_t files = {NULL, 0, 0};
  int npaths = 0;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(a, "--all") == 0) {
      for (int m = 0; m < MODE_COUNT; m++)
        modes[m] = 1;
    } else if (strncmp(a, "--", 2) == 0 && mode_named(a + 2) >= 0) {
      if (!mode_given) /* mode options add up: --sax --tokens runs both */
        memset(modes, 0, sizeof modes);
      mode_given = 1;
      modes[mode_named(a + 2)] = 1;
    } else if (strcmp(a, "--cpu") == 0) {
      timing_clock = CLOCK_PROCESS_CPUTIME_ID;
    } else if (strcmp(a, "--runs") == 0 && i + 1 < argc) {
      runs = atoi(argv[++i]);
      if (runs < 1)
        die("--runs wants a positive number");
    } else if (strcmp(a, "--slowest") == 0 && i + 1 < argc) {
      slowest = atol(argv[++i]);
      if (slowest < 0)
        die("--slowest wants a number");
    } else if (strcmp(a, "--") == 0) {
      for (i++; i < argc; i++, npaths++)
        collect(argv[i], 1, &files);
    } else if (a[0] == '-' && a[1] != '\0') {
      usage(stderr);
      return 2;
    } else {
      collect(a, 1, &files);
      npaths++;
    }
  }
  if (npaths == 0) {
    usage(stderr);
    return 2;
  }
  if (files.n == 0)
    die("no pages found");
  qsort(files.v, files.n, sizeof *files.v, cmp_str);

  xmlInitParser();
  xmlSetGenericErrorFunc(NULL, no_error);
  xmlSetStructuredErrorFunc(NULL, no_structured_error);
  init_sax();

  /* Load everything first: reading and gunzip are not timed. */
  page_t *pages = xrealloc(NULL, files.n * sizeof *pages);
  unsigned long long bytes = 0, bad = 0, fixed = 0;
  for (size_t i = 0; i < files.n; i++) {
    pages[i] = read_page(files.v[i]);
    size_t b = make_utf8(&pages[i]);
    bad += b;
    fixed += b != 0;
    if (pages[i].len > (size_t)0x7fffffff)
      die("%s: too large for libxml2", files.v[i]);
    bytes += pages[i].len;
  }
  if (fixed)
    fprintf(stderr,
            "pith-parse-floor: %llu of %zu pages were not valid UTF-8 "
            "(%llu bytes taken as Latin-1)\n",
            fixed, files.n, bad);

  timing_t *times = xrealloc(NULL, files.n * sizeof *times);
  for (int m = 0; m < MODE_COUNT; m++) {
    if (!modes[m])
      continue;
    double best = -1;
    counts_t c = {0, 0};
    for (int r = 0; r < runs; r++) {
      double total = 0;
      c.events = c.text = 0;
      for (size_t i = 0; i < files.n; i++) {
        times[i].secs = parse_page((enum mode)m, &pages[i], &c);
        times[i].index = i;
        total += times[i].secs;
      }
      if (best < 0 || total < best)
        best = total;
    }
    printf("%s  pages %zu  bytes %llu  seconds %.4f  pages/s %.1f  MB/s %.1f"
           "  events %llu\n",
           mode_names[m], files.n, bytes, best, best > 0 ? (double)files.n / best : 0.0,
           best > 0 ? (double)bytes / 1e6 / best : 0.0, c.events);
    if (slowest > 0) {
      qsort(times, files.n, sizeof *times, cmp_timing_desc);
      for (size_t k = 0; k < files.n && k < (size_t)slowest; k++) {
        const page_t *pg = &pages[times[k].index];
        printf("  %9.4f s  %10zu bytes  %7.1f MB/s  %s\n", times[k].secs, pg->len,
               times[k].secs > 0 ? (double)pg->len / 1e6 / times[k].secs : 0.0,
               files.v[times[k].index]);
      }
    }
    fflush(stdout);
  }
  free(times);

  for (size_t i = 0; i < files.n; i++) {
    free(pages[i].data);
    free(files.v[i]);
  }
  free(pages);
  free(files.v);
  xmlCleanupParser();
  return 0;
}
