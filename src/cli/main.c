/* pith: the command-line tool. Arguments, inputs, outputs and errors; no
 * extraction logic lives here. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/archive.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "cli/plan.h"
#include "cli/report.h"
#include "cli/stdin.h"
#include "cli/walk.h"
#include "input/charset.h"
#include "input/read.h"
#include "input/warc.h"
#include "pith.h"

static const char usage_text[] =
    "Usage: pith [OPTIONS] [INPUT...]\n"
    "Extract the main content of web pages: the article, without menus,\n"
    "share buttons, related links, comments or footers.\n"
    "\n"
    "INPUT is an HTML file (.html, .htm, .xhtml, or any of them .gz), a\n"
    "directory (searched recursively for those), or - for standard input.\n"
    "With no INPUT, pith reads standard input. Gzip input is read as is.\n"
    "An input with no HTML markup at all is read as a page flattened to text.\n"
    "A WARC or WET file (.warc, .wet, either .gz or .zst, or any file starting\n"
    "like one) gives one output per page: each HTML response with HTTP status\n"
    "200 (chunked and compressed bodies decoded), each WET conversion record\n"
    "(in text mode), with its provenance: url, warc_record_id, warc_date,\n"
    "http_status, warc_filename, warc_offset, warc_length (json: one line each;\n"
    "xml: one document, an <article> per record inside <articles>, as for\n"
    "several inputs to one stream). A damaged record is named by its offset\n"
    "on standard error, and reading goes on at the next record (docs/warc.md).\n"
    "An archive on standard input is read as it comes, whatever its size.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT   output format: text (default), markdown (md), html,\n"
    "                        json (jsonl: the same, one object a line) or xml;\n"
    "                        docs/formats.md shows each\n"
    "  -o, --output FILE     write to FILE what standard output would get (never\n"
    "                        an input: refused, exit 2); put in place when the\n"
    "                        run ends, and left as it was when nothing was\n"
    "                        extracted\n"
    "  -d, --output-dir DIR  write one file per input into DIR, named after the\n"
    "                        input with the format's extension (a.html -> DIR/a.txt;\n"
    "                        files found in a directory keep their sub-path); two\n"
    "                        inputs with one output name (a.html, a.htm) or an\n"
    "                        output that is an input: refused before writing, exit 2\n"
    "  -j, --jobs N          extract on N threads (default: one per core pith may\n"
    "                        run on: taskset and a container's or cluster job's\n"
    "                        cpuset count); the output is the same whatever N\n"
    "  -u, --url URL         the page's address (for links and metadata)\n"
    "      --charset NAME    the charset to assume when the page declares none\n"
    "                        (utf-8, windows-1252, latin1, shift_jis, ...; an\n"
    "                        unknown name is an error that lists the known ones)\n"
    "      --no-title        leave the title out (text, markdown, html)\n"
    "      --no-links        markdown, html, xml: links as plain text\n"
    "      --links           links kept (the default)\n"
    "      --images          markdown, html, xml, json blocks: keep images and\n"
    "                        figures with their captions\n"
    "      --no-tables       leave tables out (every format)\n"
    "      --formatting      markdown, html, xml: keep emphasis, strong,\n"
    "                        sub- and superscript (inline code is always kept)\n"
    "      --comments        add the page's comment section, apart from the\n"
    "                        text (json: \"comments\"; others: after the article)\n"
    "      --fragment        html: the <article> element only, not a document\n"
    "      --json-markdown   json: add the article as Markdown (\"markdown\")\n"
    "      --json-tree       json: add the article's structure (\"blocks\")\n"
    "      --max-size BYTES  refuse inputs larger than this (default 64M; K, M, G)\n"
    "      --timeout-ms MS   give up on a page (or WARC record) after MS\n"
    "                        milliseconds: a failure, \"over the time budget\"\n"
    "                        (default 0: no budget; docs/limits.md)\n"
    "      --all-status      WARC: HTTP responses of any status, not only 200\n"
    "      --all-types       WARC: try every payload as HTML, not only HTML and\n"
    "                        XHTML (by Content-Type, or sniffed when generic)\n"
    "      --max-page-bytes SIZE  WARC: a record whose payload decodes to more\n"
    "                        than SIZE (default 16M) is skipped with a line on\n"
    "                        standard error, never held in memory; no failure\n"
    "      --language XX     keep only pages in language XX (a BCP 47 tag: en,\n"
    "                        de, pt-BR); the others are skipped: no output,\n"
    "                        counted in the summary, a line on standard error\n"
    "                        for a file given (none per archive record)\n"
    "      --text            the inputs are pages flattened to text (a line per\n"
    "                        text run, as in WET files): text mode; directories\n"
    "                        are searched for .txt files too\n"
    "      --site-dedup      text mode: lines repeated across the pages of a site\n"
    "                        (all inputs given; each archive) are boilerplate\n"
    "                        (default: on for WARC/WET files, off otherwise)\n"
    "      --no-site-dedup   text mode: each page on its own\n"
    "      --dump-dom        print the parsed tree (html5lib-tests' format:\n"
    "                        '| <html>', attributes sorted, text in quotes)\n"
    "                        instead of extracting: what the extractor sees\n"
    "      --errors FILE     write failures to FILE as JSON lines (source_file,\n"
    "                        or url, warc_record_id, warc_offset; and error)\n"
    "                        instead of among the outputs (never an input nor\n"
    "                        the output's file: refused, exit 2)\n"
    "      --progress        show the progress line even when standard error is\n"
    "                        not a terminal\n"
    "  -q, --quiet           no error messages, no progress, no summary (the exit\n"
    "                        status still tells)\n"
    "  -h, --help            show this help and exit\n"
    "  -V, --version         show the version and exit\n"
    "\n"
    "Output: text is the title, a blank line, then the main text's blocks\n"
    "separated by blank lines. json is one object on one line with \"url\",\n"
    "\"title\", the other metadata and \"text\" (a field is absent when\n"
    "unknown; \"source_file\": the input file). markdown is CommonMark with GitHub\n"
    "pipe tables. Outputs of several inputs to one stream come in input order\n"
    "(json: one line each; xml: <article>s inside one <articles> document;\n"
    "text and markdown: a line holding a form feed alone between documents).\n"
    "\n"
    "Errors: each failed input or record is one line on standard error (the\n"
    "input and the reason) and, in json, an object with \"error\" in its place\n"
    "among the outputs (or in --errors FILE); the others go on. A run of more\n"
    "than one input ends with a summary on standard error: read, extracted,\n"
    "skipped (by reason: language, warcinfo, empty, too-large, ...), failed.\n"
    "On a terminal a progress line shows while pith works.\n"
    "\n"
    "Exit status: 0 when every input succeeded, 1 when any failed, 2 for bad\n"
    "usage (nothing written). A page with no main content, or left out by\n"
    "--language, is no failure. A .gz input cut short gives what came before\n"
    "the cut, a warning, and counts as failed. Ctrl-C (SIGINT) or SIGTERM\n"
    "stops the run: no further input is read, what was read is written out\n"
    "whole, and pith dies of the signal; a second Ctrl-C stops it at once.\n";

/* Ctrl-C (or SIGTERM) stops the run between inputs: nothing more is read,
 * what was read is written out whole, then pith dies of the signal as the
 * shell expects. A second one stops at once (removing the temporary
 * files of -o and --errors). */
static volatile sig_atomic_t stop_signal, output_broken;
static const char *volatile stop_unlink[3];
/* Written to by the first signal, so that a wait for standard input
 * (stdin_read) ends however the signal reached the process: a read the
 * handler interrupts restarts (SA_RESTART), and the signal may land on a
 * worker thread. */
static int stop_pipe[2] = {-1, -1};

int cli_stop_fd(void) {
  return stop_pipe[0];
}

int cli_stopping(void) {
  return stop_signal || output_broken;
}

void cli_stop_run(void) {
  output_broken = 1;
}

void cli_temporary(int slot, const char *path) {
  stop_unlink[slot] = path;
}

static void on_stop_signal(int sig) {
  if (stop_signal) {
    for (int i = 0; i < 3; i++)
      if (stop_unlink[i])
        unlink(stop_unlink[i]);
    signal(sig, SIG_DFL);
    raise(sig);
    return;
  }
  stop_signal = sig;
  int saved = errno; /* the interrupted code may be about to read it */
  if (stop_pipe[1] >= 0 && write(stop_pipe[1], "", 1) < 0) {
    /* full (a byte is there already) or closed: nothing to add */
  }
  errno = saved;
}

static void catch_stop_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  /* A signal ignored when pith started (nohup, a shell's background job)
   * stays ignored. */
  if (pipe(stop_pipe) == 0) {
    for (int i = 0; i < 2; i++) {
      fcntl(stop_pipe[i], F_SETFD, FD_CLOEXEC);
      fcntl(stop_pipe[i], F_SETFL, O_NONBLOCK); /* the handler never blocks */
    }
  } else {
    stop_pipe[0] = stop_pipe[1] = -1; /* a wait for input then ends with the input */
  }
  int sigs[2] = {SIGINT, SIGTERM};
  for (int i = 0; i < 2; i++) {
    struct sigaction old;
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
      sigaction(sigs[i], &sa, NULL);
  }
}

/* Dies of the signal that stopped the run (an exit status otherwise). */
static int die_of_stop_signal(void) {
  int sig = stop_signal;
  signal(sig, SIG_DFL);
  raise(sig);
  return 128 + sig;
}

static int usage_error(const char *msg, const char *arg) {
  fprintf(stderr, "pith: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
  fprintf(stderr, "Try 'pith --help' for more information.\n");
  return 2;
}

/* -o's file put in place, unless the run extracted nothing and failed:
 * then a file already there keeps what it held. */
static void finish_output_file(cli *c, const pith_batch_stats *stats) {
  if (!c->output)
    return;
  /* A write that failed (a full disk) leaves a file with holes in it. */
  const char *why = ferror(c->out_file.f) ? "writing it failed"
                    : !stats->extracted && (stats->failed || c->failures || stop_signal)
                        ? "nothing was extracted"
                        : NULL;
  if (outfile_temporary(&c->out_file) && why) {
    char msg[128];
    snprintf(msg, sizeof msg, "%s: %s",
             access(c->output, F_OK) == 0 ? "left as it was" : "not written", why);
    outfile_discard(&c->out_file); /* a failed write was counted where it failed */
    cli_complain(c, c->output, msg);
  } else if (outfile_commit(&c->out_file)) {
    fprintf(stderr, "pith: cannot write %s: %s\n", c->output, strerror(errno));
    c->failures++;
  }
}

/* The options every page of the run is extracted with. */
static void page_options(const cli *c, pith_options *opts) {
  pith_options_init(opts);
  opts->url = c->url;
  opts->charset = c->charset;
  opts->max_input_bytes = c->max_size;
  opts->timeout_ms = c->timeout_ms;
  opts->sites = c->sites;
  /* Text, markdown and html show the title alone. */
  opts->metadata = c->format == PITH_FORMAT_JSON || c->format == PITH_FORMAT_XML;
  opts->language = c->language;
}

static pith_batch_mode page_mode(const cli *c) {
  return c->dump_dom ? PITH_BATCH_DOM : c->text ? PITH_BATCH_TEXT : PITH_BATCH_HTML;
}

/* The first pass of --site-dedup: the lines of every page file, counted
 * (standard input cannot be read twice: it is extracted uncounted). */
static void count_lines(cli *c, void *ctx, walk_kind kind, const char *path, const char *rel,
                        const struct stat *st) {
  (void)ctx, (void)rel, (void)st;
  if (kind != WALK_PAGE || !c->sites)
    return;
  char *data = NULL;
  size_t len = 0;
  if (pith_read_file(path, c->max_size, &data, &len, NULL, NULL, 0))
    return;
  pith_options opts;
  page_options(c, &opts);
  opts.sites = NULL;
  if (pith_sites_add(c->sites, data, len, &opts) != PITH_OK) {
    pith_sites_free(c->sites); /* out of memory: go on without */
    c->sites = NULL;
  }
  free(data);
}

/* Standard input: an archive, read as it comes, or a page, read whole. */
static void submit_stdin(cli *c) {
  char head[STDIN_HEAD_BYTES];
  long n = stdin_head(head, sizeof head);
  char *data = NULL;
  size_t len = 0;
  char err[256];
  if (n < 0 && cli_stopping())
    return; /* stopped while waiting for it: nothing was read */
  if (n < 0) {
    snprintf(err, sizeof err, "cannot read: %s", strerror(errno));
    output_submit_failure(c, ITEM_PAGE, "(stdin)", NULL, err);
    return;
  }
  if (warc_sniff(head, (size_t)n)) {
    archive_submit_stdin(c, head, (size_t)n);
    return;
  }
  if (stdin_read_page(head, (size_t)n, c->max_size, &data, &len, err, sizeof err)) {
    if (!cli_stopping()) /* a page cut by the stop is left out, not failed */
      output_submit_failure(c, ITEM_PAGE, "(stdin)", NULL, err);
    return;
  }
  pith_options opts;
  page_options(c, &opts);
  item_info *in = item_info_new(ITEM_PAGE, "(stdin)", "stdin", NULL, NULL, NULL, NULL);
  if (!in || pith_batch_add(c->batch, data, len, page_mode(c), &opts, in) != PITH_OK) {
    free(in);
    cli_complain(c, "(stdin)", "out of memory");
    c->failures++;
  }
  free(data);
}

/* The second pass: every input to the batch, in order. */
static void submit(cli *c, void *ctx, walk_kind kind, const char *path, const char *rel,
                   const struct stat *st) {
  (void)ctx;
  unsigned long long size = st ? (unsigned long long)st->st_size : 0;
  if (kind == WALK_STDIN) {
    submit_stdin(c);
  } else if (kind == WALK_ERROR) {
    output_submit_failure(c, ITEM_PAGE, path, NULL, rel);
  } else if (kind == WALK_ARCHIVE) {
    archive_submit(c, path, rel, size);
  } else {
    pith_options opts;
    page_options(c, &opts);
    opts.source_file = path;
    item_info *in = item_info_new(ITEM_PAGE, path, rel, path, NULL, NULL, NULL);
    if (in)
      in->disk_bytes = size;
    if (!in || pith_batch_add_file(c->batch, path, page_mode(c), &opts, in) != PITH_OK) {
      free(in);
      cli_complain(c, path, "out of memory");
      c->failures++;
    }
  }
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
  OPT_PROGRESS,
  OPT_TIMEOUT_MS,
  OPT_ALL_STATUS,
  OPT_ALL_TYPES,
  OPT_MAX_PAGE_BYTES,
  OPT_DUMP_DOM,
};

int main(int argc, char **argv) {
  /* One process, many pages: keep freed memory for the next page rather
   * than handing it back to the kernel and faulting it in again. */
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  /* One heap for every thread: memory kept per thread would add up each
   * thread's own worst page over a long run (ten copies of a crawl took
   * 1.15-1.3x the memory of one); one heap holds the worst moment only. */
  mallopt(M_ARENA_MAX, 1);
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
  cli c;
  memset(&c, 0, sizeof c);
  c.format = PITH_FORMAT_TEXT;
  pith_options defaults;
  pith_options_init(&defaults);
  c.max_size = defaults.max_input_bytes;
  c.site_dedup = -1;
  int progress = -1; /* --progress: 1; default: when standard error is a terminal */

  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, ":f:o:d:u:j:qhV", longopts, NULL)) != -1) {
    switch (opt) {
    case 'f': {
      int f = pith_format_from_name(optarg);
      if (f < 0)
        return usage_error("unknown format (use text, markdown, html, json or xml)", optarg);
      c.format = (pith_format)f;
      break;
    }
    case 'o':
      c.output = optarg;
      break;
    case 'd':
      c.output_dir = optarg;
      break;
    case 'u':
      c.url = optarg;
      break;
    case OPT_CHARSET:
      if (!pith_charset_known(optarg)) {
        char names[1024];
        pith_charset_names(names, sizeof names);
        fprintf(stderr, "pith: unknown charset: %s\n", optarg);
        return usage_error("known charsets (or their usual aliases, as latin1)", names);
      }
      c.charset = optarg;
      break;
    case OPT_NO_TITLE:
      c.render_flags |= PITH_RENDER_NO_TITLE;
      break;
    case OPT_LINKS:
      c.render_flags &= ~PITH_RENDER_NO_LINKS;
      break;
    case OPT_NO_LINKS:
      c.render_flags |= PITH_RENDER_NO_LINKS;
      break;
    case OPT_IMAGES:
      c.render_flags |= PITH_RENDER_IMAGES;
      break;
    case OPT_NO_TABLES:
      c.render_flags |= PITH_RENDER_NO_TABLES;
      break;
    case OPT_FORMATTING:
      c.render_flags |= PITH_RENDER_FORMATTING;
      break;
    case OPT_COMMENTS:
      c.render_flags |= PITH_RENDER_COMMENTS;
      break;
    case OPT_FRAGMENT:
      c.render_flags |= PITH_RENDER_FRAGMENT;
      break;
    case OPT_JSON_MARKDOWN:
      c.render_flags |= PITH_RENDER_MARKDOWN;
      break;
    case OPT_JSON_TREE:
      c.render_flags |= PITH_RENDER_TREE;
      break;
    case OPT_MAX_SIZE:
      if (parse_size(optarg, &c.max_size))
        return usage_error("not a size", optarg);
      break;
    case OPT_TIMEOUT_MS: {
      char *end = NULL;
      errno = 0;
      unsigned long v = strtoul(optarg, &end, 10);
      if (!*optarg || *end || errno || v > UINT_MAX || optarg[0] == '-')
        return usage_error("not a number of milliseconds", optarg);
      c.timeout_ms = (unsigned)v;
      break;
    }
    case OPT_ALL_STATUS:
      c.all_status = 1;
      break;
    case OPT_ALL_TYPES:
      c.all_types = 1;
      break;
    case OPT_MAX_PAGE_BYTES:
      if (parse_size(optarg, &c.max_page_bytes) || !c.max_page_bytes)
        return usage_error("not a size", optarg);
      break;
    case OPT_TEXT:
      c.text = 1;
      break;
    case OPT_SITE_DEDUP:
      c.site_dedup = 1;
      break;
    case OPT_NO_SITE_DEDUP:
      c.site_dedup = 0;
      break;
    case OPT_LANGUAGE: {
      /* A language subtag: two or three letters ("en", "pt-BR"). */
      size_t k = strspn(optarg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
      if (k < 2 || k > 3 || (optarg[k] && optarg[k] != '-' && optarg[k] != '_'))
        return usage_error("not a language tag (use a code like en, de or pt-BR)", optarg);
      c.language = optarg;
      break;
    }
    case 'j': {
      char *end;
      errno = 0;
      unsigned long n = strtoul(optarg, &end, 10);
      if (errno || end == optarg || *end || *optarg == '-' || n == 0 || n > 1024)
        return usage_error("not a number of jobs (1 to 1024)", optarg);
      c.jobs = (unsigned)n;
      break;
    }
    case OPT_ERRORS:
      c.errors = optarg;
      break;
    case OPT_PROGRESS:
      progress = 1;
      break;
    case OPT_DUMP_DOM:
      c.dump_dom = 1;
      break;
    case 'q':
      c.quiet = 1;
      break;
    case 'h':
      fputs(usage_text, stdout);
      return 0;
    case 'V':
      printf("pith %s\n", pith_version());
      return 0;
    case ':':
      return usage_error("option needs a value", argv[optind - 1]);
    default:
      return usage_error("unknown option", argv[optind - 1]);
    }
  }
  int ninputs = argc - optind;
  char **inputs = argv + optind;
  if (c.dump_dom)
    c.format = PITH_FORMAT_TEXT; /* the tree is text, whatever --format says */
  if (c.output && c.output_dir)
    return usage_error("use either --output or --output-dir, not both", NULL);
  if (ninputs == 0 && isatty(STDIN_FILENO))
    return usage_error("no input (give files or directories, or pipe a page in)", NULL);
  /* Nothing is written before the run is known to be safe. */
  unsigned long long total_bytes = 0;
  if (plan_check(&c, inputs, ninputs, &total_bytes))
    return 2;
  c.progress = !c.quiet && (progress == 1 || (progress < 0 && isatty(STDERR_FILENO)));
  catch_stop_signals();
  if (c.output_dir) {
    size_t n = strlen(c.output_dir);
    char *dir = malloc(n + 2);
    int rc = -1;
    if (dir) {
      sprintf(dir, "%s/", c.output_dir);
      rc = output_make_parents(dir);
      free(dir);
    }
    struct stat st;
    if (rc || stat(c.output_dir, &st) || !S_ISDIR(st.st_mode)) {
      if (!rc)
        errno = ENOTDIR;
      fprintf(stderr, "pith: cannot create %s: %s\n", c.output_dir, strerror(errno));
      return 2;
    }
    /* Made inside an input directory: not searched. */
    c.skip_dev = st.st_dev, c.skip_ino = st.st_ino, c.skip_set = 1;
  } else if (c.output) {
    if (outfile_open(&c.out_file, c.output)) {
      fprintf(stderr, "pith: cannot write %s: %s\n", c.output, strerror(errno));
      return 2;
    }
    c.out = c.out_file.f;
    cli_temporary(0, outfile_temporary(&c.out_file));
  } else {
    c.out = stdout;
  }
  if (c.errors) {
    if (outfile_open(&c.error_file, c.errors)) {
      fprintf(stderr, "pith: cannot write %s: %s\n", c.errors, strerror(errno));
      outfile_discard(&c.out_file);
      return 2;
    }
    c.errors_out = c.error_file.f;
    cli_temporary(1, outfile_temporary(&c.error_file));
  }

  if (c.text && c.site_dedup == 1) {
    if (!(c.sites = pith_sites_new())) {
      fprintf(stderr, "pith: out of memory\n");
      return 2;
    }
    c.collect = 1;
    walk_inputs(&c, inputs, ninputs, count_lines, NULL);
    c.collect = 0;
  }
  /* Several xml documents to one stream make one document. */
  if (c.format == PITH_FORMAT_XML && !c.output_dir) {
    for (int i = 0; i < ninputs; i++) {
      struct stat st;
      if (ninputs > 1 || archive_sniff_path(inputs[i]) ||
          (stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)))
        c.xml_stream = 1;
    }
  }
  pith_batch_options bo;
  pith_batch_options_init(&bo);
  bo.jobs = c.jobs;
  bo.render = 1;
  bo.format = c.format;
  bo.render_flags = c.render_flags;
  /* A page that runs alone (docs/limits.md). */
  c.trim_after = bo.max_pending_bytes / 2;
  c.report = report_new(c.progress, total_bytes);
  if (pith_batch_new(&bo, output_deliver, &c, &c.batch) != PITH_OK) {
    fprintf(stderr, "pith: out of memory\n");
    return 2;
  }
  if (c.xml_stream)
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<articles>\n", c.out);
  if (walk_inputs(&c, inputs, ninputs, submit, NULL)) {
    cli_complain(&c, "inputs", "out of memory while searching the directories");
    c.failures++;
  }
  pith_batch_finish(c.batch);
  if (c.xml_stream)
    fputs("</articles>\n", c.out);
  pith_batch_stats stats;
  pith_batch_get_stats(c.batch, &stats);
  pith_sites_free(c.sites);

  if (c.out && fflush(c.out)) {
    fprintf(stderr, "pith: cannot write the output: %s\n", strerror(errno));
    c.failures++;
  }
  cli_temporary(0, NULL);
  cli_temporary(1, NULL);
  finish_output_file(&c, &stats);
  if (c.errors && outfile_commit(&c.error_file)) {
    fprintf(stderr, "pith: cannot write %s: %s\n", c.errors, strerror(errno));
    c.failures++;
  }
  /* The summary: for a run of more than one page, or when asked for. */
  if (!c.quiet && (stats.submitted > 1 || c.progress))
    report_summary(c.report, &stats, c.failures);
  report_free(c.report);
  pith_batch_free(c.batch); /* after the summary: its reason strings live in the batch */
  if (stop_signal) {
    if (!c.quiet)
      fprintf(stderr, "pith: stopped by %s: the inputs after the %llu read were left out\n",
              stop_signal == SIGINT ? "Ctrl-C (SIGINT)" : "SIGTERM", stats.submitted);
    return die_of_stop_signal();
  }
  if (output_broken && !c.quiet)
    fprintf(stderr,
            "pith: stopped: the output cannot be written; the inputs after the %llu read "
            "were left out\n",
            stats.submitted);
  return stats.failed || c.failures ? 1 : 0;
}
