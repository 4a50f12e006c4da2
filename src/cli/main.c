/* pith: the command-line tool. Arguments, inputs, outputs and errors; no
 * extraction logic lives here. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/archive.h"
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
    "\n"
    "Options:\n"
    "  -f, --format FORMAT   output format: text (default), markdown (md), html,\n"
    "                        json (jsonl: the same, one object a line) or xml;\n"
    "                        docs/formats.md shows each\n"
    "  -o, --output FILE     write the output to FILE (one input only)\n"
    "  -d, --output-dir DIR  write one file per input into DIR, named after the\n"
    "                        input with the format's extension (a.html -> DIR/a.txt;\n"
    "                        files found in a directory keep their sub-path)\n"
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
    "                        de, pt-BR); the others give an empty output (json:\n"
    "                        url and language only) and a line on standard error\n"
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
    "  -q, --quiet           no error messages (the exit status still tells)\n"
    "  -h, --help            show this help and exit\n"
    "  -V, --version         show the version and exit\n"
    "\n"
    "Output: text is the title, a blank line, then the main text's blocks\n"
    "separated by blank lines. json is one object on one line with \"url\",\n"
    "\"title\", the other metadata and \"text\" (a field is absent when\n"
    "unknown). markdown is CommonMark with GitHub pipe tables. Outputs of\n"
    "several inputs to one stream follow each other (json: one line each;\n"
    "xml: <article>s inside one <articles> document).\n"
    "\n"
    "Exit status: 0 when every input succeeded, 1 when any failed (each failure\n"
    "is one line on standard error: the input and the reason), 2 for bad usage.\n"
    "A .gz input cut short gives what came before the cut, a warning, and\n"
    "counts as failed.\n"
    "A page with no main content, or left out by --language, is no failure.\n";

typedef struct {
  pith_format format;
  unsigned render_flags;
  const char *output;
  const char *output_dir;
  const char *url;
  const char *charset;
  const char *language; /* --language */
  int xml_stream;       /* xml, several documents to one stream: inside <articles> */
  size_t max_size;
  unsigned timeout_ms; /* --timeout-ms */
  int quiet;
  int failures;
  FILE *out;             /* standard output or -o's file; NULL with --output-dir */
  int text;              /* --text */
  int dump_dom;          /* --dump-dom */
  int site_dedup;        /* 1 --site-dedup, 0 --no-site-dedup, -1 default */
  int all_status;        /* --all-status */
  int all_types;         /* --all-types */
  size_t max_page_bytes; /* --max-page-bytes; 0: the reader's default */
  int collect;           /* counting the lines of the pages for --site-dedup */
  pith_sites *sites;
} cli;

/* In an xml stream the declaration comes once, before <articles>. */
static const char *skip_xml_declaration(const cli *c, const char *out, size_t *len) {
  if (!c->xml_stream || *len < 5 || strncmp(out, "<?xml", 5))
    return out;
  const char *nl = memchr(out, '\n', *len);
  if (!nl)
    return out;
  *len -= (size_t)(nl + 1 - out);
  return nl + 1;
}

static void complain(const cli *c, const char *input, const char *reason) {
  if (!c->quiet)
    fprintf(stderr, "pith: %s: %s\n", input, reason);
}

static int usage_error(const char *msg, const char *arg) {
  fprintf(stderr, "pith: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
  fprintf(stderr, "Try 'pith --help' for more information.\n");
  return 2;
}

static int ends_with_ci(const char *s, size_t n, const char *suffix) {
  size_t m = strlen(suffix);
  return n >= m && !strncasecmp(s + n - m, suffix, m);
}

static int is_page_name(const char *name) {
  size_t n = strlen(name);
  if (ends_with_ci(name, n, ".gz"))
    n -= 3;
  return ends_with_ci(name, n, ".html") || ends_with_ci(name, n, ".htm") ||
         ends_with_ci(name, n, ".xhtml");
}

static const char *format_ext(pith_format f) {
  switch (f) {
  case PITH_FORMAT_JSON:
    return ".json";
  case PITH_FORMAT_MARKDOWN:
    return ".md";
  case PITH_FORMAT_HTML:
    return ".html";
  case PITH_FORMAT_XML:
    return ".xml";
  default:
    return ".txt";
  }
}

/* "sub/a.html.gz" -> "sub/a" + ext. */
static char *output_name(const char *rel, pith_format f) {
  size_t n = strlen(rel);
  if (ends_with_ci(rel, n, ".gz"))
    n -= 3;
  if (ends_with_ci(rel, n, ".html"))
    n -= 5;
  else if (ends_with_ci(rel, n, ".xhtml"))
    n -= 6;
  else if (ends_with_ci(rel, n, ".htm") || ends_with_ci(rel, n, ".txt"))
    n -= 4;
  const char *ext = format_ext(f);
  char *name = malloc(n + strlen(ext) + 1);
  if (name) {
    memcpy(name, rel, n);
    strcpy(name + n, ext);
  }
  return name;
}

/* mkdir -p for the directories of path (not its last part). */
static int make_parents(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    int rc = mkdir(path, 0777);
    int e = errno;
    *p = '/';
    if (rc && e != EEXIST)
      return -1;
  }
  return 0;
}

/* Writes data to a new file at path (replacing one that is there) with one
 * write() in the common case, and no stdio buffer in between. The parent
 * directories are made only when the open finds them missing: most outputs
 * go to directories made for an earlier one. -1 with errno set on failure. */
static int write_file(char *path, const char *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0 && errno == ENOENT) {
    if (make_parents(path))
      return -1;
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  }
  if (fd < 0)
    return -1;
  while (len) {
    ssize_t w = write(fd, data, len);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0) {
      int e = w < 0 ? errno : EIO;
      close(fd);
      errno = e;
      return -1;
    }
    data += w;
    len -= (size_t)w;
  }
  return close(fd);
}

static int write_all(FILE *f, const char *data, size_t len) {
  return fwrite(data, 1, len, f) == len ? 0 : -1;
}

/* Writes one input's output (to --output-dir's file or the stream) and
 * frees it. */
static void write_output(cli *c, const char *name, const char *rel, char *out, size_t out_len) {
  const char *body = c->output_dir ? out : skip_xml_declaration(c, out, &out_len);
  if (c->output_dir) {
    char *file = output_name(rel, c->format);
    char *path = file ? malloc(strlen(c->output_dir) + strlen(file) + 2) : NULL;
    if (!path) {
      complain(c, name, "out of memory");
      c->failures++;
    } else {
      sprintf(path, "%s/%s", c->output_dir, file);
      if (write_file(path, out, out_len)) {
        char msg[512];
        snprintf(msg, sizeof msg, "cannot write %s: %s", path, strerror(errno));
        complain(c, name, msg);
        c->failures++;
      }
    }
    free(path);
    free(file);
  } else if (write_all(c->out, body, out_len)) {
    complain(c, name, "cannot write the output");
    c->failures++;
  }
  pith_free(out);
}

/* Extracts one page already in memory; name is how errors call it, rel is
 * the output's name below --output-dir. */
static void process_page(cli *c, const char *name, const char *rel, const char *data, size_t len) {
  pith_options opts;
  pith_options_init(&opts);
  opts.url = c->url;
  opts.charset = c->charset;
  opts.max_input_bytes = c->max_size;
  opts.timeout_ms = c->timeout_ms;
  opts.sites = c->sites;
  /* Text, markdown and html show the title alone. */
  opts.metadata = c->format == PITH_FORMAT_JSON || c->format == PITH_FORMAT_XML;
  opts.language = c->language;
  opts.source_file = strcmp(name, "(stdin)") ? name : NULL;
  if (c->collect) {
    if (c->sites && pith_sites_add(c->sites, data, len, &opts) != PITH_OK) {
      pith_sites_free(c->sites); /* out of memory: go on without */
      c->sites = NULL;
    }
    return;
  }
  if (c->dump_dom) {
    char *out = NULL;
    size_t out_len = 0;
    pith_status st = pith_dump_dom(data, len, &opts, &out, &out_len);
    if (st != PITH_OK) {
      complain(c, name, pith_status_string(st));
      c->failures++;
      return;
    }
    write_output(c, name, rel, out, out_len);
    return;
  }
  pith_result *r = NULL;
  pith_status st =
      c->text ? pith_extract_text(data, len, &opts, &r) : pith_extract(data, len, &opts, &r);
  if (st == PITH_ERR_NOT_HTML && !c->text && r && pith_result_error(r) &&
      !strcmp(pith_result_error(r), "no HTML markup found")) {
    /* Text with no markup at all is a page flattened to text: text mode.
     * (Binary data stays an error.) */
    pith_result_free(r);
    r = NULL;
    st = pith_extract_text(data, len, &opts, &r);
  }
  if (st != PITH_OK) {
    complain(c, name, r && pith_result_error(r) ? pith_result_error(r) : pith_status_string(st));
    c->failures++;
    pith_result_free(r);
    return;
  }
  /* Left out by --language: said, but no failure (as a page without
   * content is none); the empty output is still written. */
  if (pith_result_error(r))
    complain(c, name, pith_result_error(r));
  if (pith_result_warning(r)) { /* output written, but the input is flawed */
    complain(c, name, pith_result_warning(r));
    c->failures++;
  }
  char *out = NULL;
  size_t out_len = 0;
  st = pith_render(r, c->format, c->render_flags, &out, &out_len);
  pith_result_free(r);
  if (st != PITH_OK) {
    complain(c, name, pith_status_string(st));
    c->failures++;
    return;
  }
  write_output(c, name, rel, out, out_len);
}

/* A WARC or WET file: from path, or data[0..len) when path is NULL (read
 * whole from standard input). The archive code counts its own site lines. */
static void process_archive(cli *c, const char *path, const char *rel, const char *name,
                            const char *data, size_t len) {
  if (c->collect)
    return;
  archive_options ao = {.format = c->format,
                        .render_flags = c->render_flags,
                        .charset = c->charset,
                        .max_size = c->max_size,
                        .site_dedup = c->site_dedup != 0,
                        .quiet = c->quiet,
                        .language = c->language,
                        .in_xml_stream = c->xml_stream,
                        .all_status = c->all_status,
                        .all_types = c->all_types,
                        .max_page_bytes = c->max_page_bytes,
                        .timeout_ms = c->timeout_ms};
  FILE *out = c->out;
  if (c->output_dir) {
    char *file = archive_output_name(rel, c->format);
    out = file ? archive_open_output(c->output_dir, file) : NULL;
    if (!out) {
      char msg[512];
      snprintf(msg, sizeof msg, "cannot write %s/%s: %s", c->output_dir, file ? file : rel,
               strerror(file ? errno : ENOMEM));
      complain(c, name, msg);
      c->failures++;
      free(file);
      return;
    }
    free(file);
  }
  c->failures += archive_process(&ao, path, data, len, name, out);
  if (out != c->out && fclose(out)) {
    complain(c, name, "cannot write the output");
    c->failures++;
  }
}

static void process_file(cli *c, const char *path, const char *rel) {
  if (strcmp(path, "-") && archive_name(path)) {
    process_archive(c, path, rel, path, NULL, 0);
    return;
  }
  char *data = NULL;
  size_t len = 0;
  char err[256];
  int truncated = 0;
  if (pith_read_file(path, c->max_size, &data, &len, &truncated, err, sizeof err)) {
    complain(c, strcmp(path, "-") ? path : "(stdin)", err);
    c->failures++;
    return;
  }
  if (truncated) { /* what came before the cut is still extracted */
    complain(c, strcmp(path, "-") ? path : "(stdin)", PITH_TRUNCATED_GZIP);
    c->failures++;
  }
  if (!strcmp(path, "-") && warc_sniff(data, len))
    process_archive(c, NULL, rel, "(stdin)", data, len);
  else
    process_page(c, strcmp(path, "-") ? path : "(stdin)", rel, data, len);
  free(data);
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every page file below dir, in name order; rel is dir's path below the
 * directory named on the command line ("" at the top). */
static void process_dir(cli *c, const char *dir, const char *rel, int depth) {
  if (depth > 64) {
    complain(c, dir, "directories nested too deep (a symbolic link loop?)");
    c->failures++;
    return;
  }
  DIR *d = opendir(dir);
  if (!d) {
    complain(c, dir, strerror(errno));
    c->failures++;
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn)
        break;
      names = nn;
    }
    if (!(names[n] = strdup(e->d_name)))
      break;
    n++;
  }
  closedir(d);
  if (n)
    qsort(names, n, sizeof *names, compare_names);
  for (size_t i = 0; i < n; i++) {
    size_t plen = strlen(dir) + strlen(names[i]) + 2;
    size_t rlen = strlen(rel) + strlen(names[i]) + 2;
    char *path = malloc(plen), *sub = malloc(rlen);
    if (path && sub) {
      snprintf(path, plen, "%s/%s", dir, names[i]);
      snprintf(sub, rlen, "%s%s%s", rel, *rel ? "/" : "", names[i]);
      struct stat st;
      if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        process_dir(c, path, sub, depth + 1);
      else if (is_page_name(names[i]) || archive_name(names[i]) ||
               (c->text && cli_text_name(names[i])))
        process_file(c, path, sub);
    }
    free(path);
    free(sub);
    free(names[i]);
  }
  free(names);
}

static void process_input(cli *c, const char *arg) {
  if (!strcmp(arg, "-")) {
    process_file(c, "-", "stdin");
    return;
  }
  struct stat st;
  if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
    process_dir(c, arg, "", 0);
    return;
  }
  const char *base = strrchr(arg, '/');
  /* A file named on the command line may be an archive by its content. */
  if (!archive_name(arg) && archive_sniff_path(arg))
    process_archive(c, arg, base ? base + 1 : arg, arg, NULL, 0);
  else
    process_file(c, arg, base ? base + 1 : arg);
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

  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, ":f:o:d:u:qhV", longopts, NULL)) != -1) {
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
  if (c.dump_dom)
    c.format = PITH_FORMAT_TEXT; /* the tree is text, whatever --format says */
  if (c.output && c.output_dir)
    return usage_error("use either --output or --output-dir, not both", NULL);
  if (c.output && ninputs > 1)
    return usage_error("--output takes one input; use --output-dir for several", NULL);
  if (c.output) {
    struct stat st;
    if (ninputs == 1 && stat(argv[optind], &st) == 0 && S_ISDIR(st.st_mode))
      return usage_error("--output takes one input; use --output-dir for a directory",
                         argv[optind]);
  }
  if (ninputs == 0 && isatty(STDIN_FILENO))
    return usage_error("no input (give files or directories, or pipe a page in)", NULL);
  if (c.output_dir) {
    size_t n = strlen(c.output_dir);
    char *dir = malloc(n + 2);
    int rc = -1;
    if (dir) {
      sprintf(dir, "%s/", c.output_dir);
      rc = make_parents(dir);
      free(dir);
    }
    struct stat st;
    if (rc || stat(c.output_dir, &st) || !S_ISDIR(st.st_mode)) {
      if (!rc)
        errno = ENOTDIR;
      fprintf(stderr, "pith: cannot create %s: %s\n", c.output_dir, strerror(errno));
      return 2;
    }
  } else if (c.output) {
    c.out = fopen(c.output, "wb");
    if (!c.out) {
      fprintf(stderr, "pith: cannot write %s: %s\n", c.output, strerror(errno));
      return 2;
    }
  } else {
    c.out = stdout;
  }

  if (c.text && c.site_dedup == 1) {
    /* --site-dedup: count the lines of every page first (standard input
     * cannot be read twice: it is extracted without being counted). */
    if (!(c.sites = pith_sites_new())) {
      fprintf(stderr, "pith: out of memory\n");
      return 2;
    }
    int quiet = c.quiet;
    c.collect = c.quiet = 1;
    for (int i = optind; i < argc; i++)
      if (strcmp(argv[i], "-"))
        process_input(&c, argv[i]);
    c.collect = 0;
    c.quiet = quiet;
    c.failures = 0;
  }
  /* Several xml documents to one stream make one document. */
  if (c.format == PITH_FORMAT_XML && !c.output_dir) {
    for (int i = optind; i < argc; i++) {
      struct stat st;
      if (ninputs > 1 || archive_sniff_path(argv[i]) ||
          (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)))
        c.xml_stream = 1;
    }
  }
  if (c.xml_stream)
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<articles>\n", c.out);
  if (ninputs == 0)
    process_input(&c, "-");
  for (int i = optind; i < argc; i++)
    process_input(&c, argv[i]);
  if (c.xml_stream)
    fputs("</articles>\n", c.out);
  pith_sites_free(c.sites);

  if (c.out && fflush(c.out)) {
    fprintf(stderr, "pith: cannot write the output: %s\n", strerror(errno));
    c.failures++;
  }
  if (c.out && c.out != stdout && fclose(c.out)) {
    fprintf(stderr, "pith: cannot write %s: %s\n", c.output, strerror(errno));
    c.failures++;
  }
  return c.failures ? 1 : 0;
}
