#include "cli/options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/usage.h"
#include "input/charset.h"

/* s as a decimal number from min to max into *out; -1 when it is none (a
 * sign, another character, out of range). */
static int parse_number(const char *s, unsigned long long min, unsigned long long max,
                        unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *end || *s == '-' || v < min || v > max)
    return -1;
  *out = v;
  return 0;
}

static int parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *s == '-')
    return -1;
  unsigned long long mul = 1;
  switch (*end) {
  case 'k':
  case 'K':
    mul = 1ULL << 10, end++;
    break;
  case 'm':
  case 'M':
    mul = 1ULL << 20, end++;
    break;
  case 'g':
  case 'G':
    mul = 1ULL << 30, end++;
    break;
  default:
    break;
  }
  if (*end || v > (unsigned long long)SIZE_MAX / mul)
    return -1;
  *out = (size_t)(v * mul);
  return 0;
}

enum {
  OPT_NO_TITLE = 256,
  OPT_CHARSET,
  OPT_MAX_SIZE,
  OPT_TEXT,
  OPT_SITE_DEDUP,
  OPT_NO_SITE_DEDUP,
  OPT_LINKS,
  OPT_NO_LINKS,
  OPT_IMAGES,
  OPT_NO_TABLES,
  OPT_FORMATTING,
  OPT_COMMENTS,
  OPT_FRAGMENT,
  OPT_JSON_MARKDOWN,
  OPT_JSON_TREE,
  OPT_LANGUAGE,
  OPT_ERRORS,
  OPT_OVERWRITE,
  OPT_PROGRESS,
  OPT_TIMEOUT_MS,
  OPT_ALL_STATUS,
  OPT_ALL_TYPES,
  OPT_MAX_PAGE_BYTES,
  OPT_DUMP_DOM,
};

/* 1 if s starts with a URL scheme and its colon ("https:", "file:"). */
static int has_scheme(const char *s) {
  size_t n = 0;
  while (s[n] && (s[n] == '+' || s[n] == '-' || s[n] == '.' || (s[n] >= '0' && s[n] <= '9') ||
                  ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z')))
    n++;
  return n > 0 && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') && s[n] == ':';
}

/* Options that do nothing as given are said (not refused: a script may
 * pass one set of options to several formats). */
static void warn_unused(const cli *c) {
  static const char *const names[] = {"text", "json", "markdown", "html",
                                      "xml"}; /* pith_format order */
  ;
  const char *fmt = (unsigned)c->format < sizeof names / sizeof *names ? names[c->format] : "?";
  if (c->quiet || c->dump_dom)
    return;
  if ((c->render_flags & PITH_RENDER_FRAGMENT) && c->format != PITH_FORMAT_HTML)
    fprintf(stderr, "pith: --fragment is for -f html; ignored with -f %s\n", fmt);
  if ((c->render_flags & PITH_RENDER_MARKDOWN) && c->format != PITH_FORMAT_JSON)
    fprintf(stderr, "pith: --json-markdown is for -f json; ignored with -f %s\n", fmt);
  if ((c->render_flags & PITH_RENDER_TREE) && c->format != PITH_FORMAT_JSON)
    fprintf(stderr, "pith: --json-tree is for -f json; ignored with -f %s\n", fmt);
  if (c->url && !has_scheme(c->url))
    fprintf(stderr,
            "pith: --url %s is no absolute address (https://host/path): links and images are "
            "not resolved against it\n",
            c->url);
}

int options_parse(cli *c, int argc, char **argv, char ***inputs, int *ninputs) {
  static const struct option longopts[] = {
      {"format", required_argument, NULL, 'f'},
      {"output", required_argument, NULL, 'o'},
      {"output-dir", required_argument, NULL, 'd'},
      {"url", required_argument, NULL, 'u'},
      {"charset", required_argument, NULL, OPT_CHARSET},
      {"no-title", no_argument, NULL, OPT_NO_TITLE},
      {"max-size", required_argument, NULL, OPT_MAX_SIZE},
      {"text", no_argument, NULL, OPT_TEXT},
      {"site-dedup", no_argument, NULL, OPT_SITE_DEDUP},
      {"no-site-dedup", no_argument, NULL, OPT_NO_SITE_DEDUP},
      {"links", no_argument, NULL, OPT_LINKS},
      {"no-links", no_argument, NULL, OPT_NO_LINKS},
      {"images", no_argument, NULL, OPT_IMAGES},
      {"no-tables", no_argument, NULL, OPT_NO_TABLES},
      {"formatting", no_argument, NULL, OPT_FORMATTING},
      {"comments", no_argument, NULL, OPT_COMMENTS},
      {"fragment", no_argument, NULL, OPT_FRAGMENT},
      {"json-markdown", no_argument, NULL, OPT_JSON_MARKDOWN},
      {"json-tree", no_argument, NULL, OPT_JSON_TREE},
      {"language", required_argument, NULL, OPT_LANGUAGE},
      {"jobs", required_argument, NULL, 'j'},
      {"errors", required_argument, NULL, OPT_ERRORS},
      {"overwrite", no_argument, NULL, OPT_OVERWRITE},
      {"progress", no_argument, NULL, OPT_PROGRESS},
      {"timeout-ms", required_argument, NULL, OPT_TIMEOUT_MS},
      {"all-status", no_argument, NULL, OPT_ALL_STATUS},
      {"all-types", no_argument, NULL, OPT_ALL_TYPES},
      {"max-page-bytes", required_argument, NULL, OPT_MAX_PAGE_BYTES},
      {"dump-dom", no_argument, NULL, OPT_DUMP_DOM},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0},
  };
  memset(c, 0, sizeof *c);
  c->format = PITH_FORMAT_TEXT;
  pith_options defaults;
  pith_options_init(&defaults);
  c->max_size = defaults.max_input_bytes;
  c->site_dedup = -1;
  int progress = -1; /* --progress: 1; default: when standard error is a terminal */
  /* -h and -V act once every option is read: an unknown one is a usage
   * error wherever it stands. */
  int help = 0, version = 0;

  opterr = 0;
  int opt;
  unsigned long long number;
  while ((opt = getopt_long(argc, argv, ":f:o:d:u:j:qhV", longopts, NULL)) != -1) {
    switch (opt) {
    case 'f': {
      int f = pith_format_from_name(optarg);
      if (f < 0)
        return usage_error("unknown format (use text, markdown, html, json or xml; txt, md, jsonl)",
                           optarg);
      c->format = (pith_format)f;
      break;
    }
    case 'o':
      c->output = optarg;
      break;
    case 'd':
      c->output_dir = optarg;
      break;
    case 'u':
      c->url = optarg;
      break;
    case OPT_CHARSET:
      if (!pith_charset_known(optarg)) {
        char names[1024];
        pith_charset_names(names, sizeof names);
        fprintf(stderr, "pith: unknown charset: %s\n", optarg);
        return usage_error("known charsets (or their usual aliases, as latin1)", names);
      }
      c->charset = optarg;
      break;
    case OPT_NO_TITLE:
      c->render_flags |= PITH_RENDER_NO_TITLE;
      break;
    case OPT_LINKS:
      c->render_flags &= ~PITH_RENDER_NO_LINKS;
      break;
    case OPT_NO_LINKS:
      c->render_flags |= PITH_RENDER_NO_LINKS;
      break;
    case OPT_IMAGES:
      c->render_flags |= PITH_RENDER_IMAGES;
      break;
    case OPT_NO_TABLES:
      c->render_flags |= PITH_RENDER_NO_TABLES;
      break;
    case OPT_FORMATTING:
      c->render_flags |= PITH_RENDER_FORMATTING;
      break;
    case OPT_COMMENTS:
      c->render_flags |= PITH_RENDER_COMMENTS;
      break;
    case OPT_FRAGMENT:
      c->render_flags |= PITH_RENDER_FRAGMENT;
      break;
    case OPT_JSON_MARKDOWN:
      c->render_flags |= PITH_RENDER_MARKDOWN;
      break;
    case OPT_JSON_TREE:
      c->render_flags |= PITH_RENDER_TREE;
      break;
    case OPT_MAX_SIZE:
      if (parse_size(optarg, &c->max_size))
        return usage_error("not a size", optarg);
      break;
    case OPT_TIMEOUT_MS:
      if (parse_number(optarg, 0, UINT_MAX, &number))
        return usage_error("not a number of milliseconds", optarg);
      c->timeout_ms = (unsigned)number;
      break;
    case OPT_ALL_STATUS:
      c->all_status = 1;
      break;
    case OPT_ALL_TYPES:
      c->all_types = 1;
      break;
    case OPT_MAX_PAGE_BYTES:
      if (parse_size(optarg, &c->max_page_bytes))
        return usage_error("not a size", optarg);
      if (!c->max_page_bytes) /* 0: no limit, as --max-size 0 */
        c->max_page_bytes = SIZE_MAX;
      break;
    case OPT_TEXT:
      c->text = 1;
      break;
    case OPT_SITE_DEDUP:
      c->site_dedup = 1;
      break;
    case OPT_NO_SITE_DEDUP:
      c->site_dedup = 0;
      break;
    case OPT_LANGUAGE: {
      /* A language subtag: two or three letters ("en", "pt-BR"). */
      size_t k = strspn(optarg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
      if (k < 2 || k > 3 || (optarg[k] && optarg[k] != '-' && optarg[k] != '_'))
        return usage_error("not a language tag (use a code like en, de or pt-BR)", optarg);
      c->language = optarg;
      break;
    }
    case 'j':
      /* 0: one per core, as when -j is not given (as xz -T0). */
      if (parse_number(optarg, 0, 1024, &number))
        return usage_error("not a number of jobs (0 to 1024; 0: one per core)", optarg);
      c->jobs = (unsigned)number;
      break;
    case OPT_ERRORS:
      c->errors = optarg;
      break;
    case OPT_OVERWRITE:
      c->overwrite = 1;
      break;
    case OPT_PROGRESS:
      progress = 1;
      break;
    case OPT_DUMP_DOM:
      c->dump_dom = 1;
      break;
    case 'q':
      c->quiet = 1;
      break;
    case 'h':
      help = 1;
      break;
    case 'V':
      version = 1;
      break;
    case ':':
      return usage_error("option needs a value", argv[optind - 1]);
    default:
      return usage_error("unknown option", argv[optind - 1]);
    }
  }
  if (help || version) {
    if (help)
      usage_show();
    else
      printf("pith %s\n", pith_version());
    return 0;
  }
  *ninputs = argc - optind;
  *inputs = argv + optind;
  if (c->dump_dom)
    c->format = PITH_FORMAT_TEXT; /* the tree is text, whatever --format says */
  if (c->output && c->output_dir)
    return usage_error("use either --output or --output-dir, not both", NULL);
  if (*ninputs == 0 && isatty(STDIN_FILENO))
    return usage_error("no input (give files or directories, or pipe a page in)", NULL);
  /* Standard input is read once: a second "-" would be an empty page. */
  for (int i = 0, dashes = 0; i < *ninputs; i++)
    if (!strcmp((*inputs)[i], "-") && ++dashes == 2)
      return usage_error("- (standard input) given twice: it is read once", NULL);
  c->progress = !c->quiet && (progress == 1 || (progress < 0 && isatty(STDERR_FILENO)));
  warn_unused(c);
  return -1;
}
