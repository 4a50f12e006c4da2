/* The public archive reader: opening by path, fd and callback, the record
 * kinds and skip reasons, provenance in the extracted result, copies that
 * outlive the reader, and the end and error statuses. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "input/archive.h"
#include "pith.h"
#include "source.h"
#include "util/pool.h"

static const char page[] = "<html><head><title>The page</title></head><body><article><p>The "
                           "article of the page, with words enough to be its main text.</p>"
                           "</article></body></html>";

/* A WARC record around block. */
static size_t add_record(char *out, const char *type, const char *uri, const char *extra,
                         const char *block) {
  return (size_t)sprintf(out,
                         "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                         "WARC-Date: 2024-05-06T07:08:09Z\r\n%s%s%s%sContent-Length: %zu\r\n\r\n"
                         "%s\r\n\r\n",
                         type, type, uri ? "WARC-Target-URI: " : "", uri ? uri : "",
                         uri ? "\r\n" : "", extra, strlen(block), block);
}

static long failing_read(void *ctx, void *buf, size_t n) {
  (void)ctx, (void)buf, (void)n;
  return -1;
}

static char warc[16384];
static size_t warc_len;

static void build(void) {
  char http[4096];
  size_t n = 0;
  n += add_record(warc + n, "warcinfo", NULL, "", "software: test");
  sprintf(http, "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=ISO-8859-1\r\n\r\n%s",
          page);
  n += add_record(warc + n, "response", "<http://example.org/a>",
                  "WARC-Payload-Digest: sha1:ABC\r\nWARC-Truncated: length\r\n", http);
  sprintf(http, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n%s", page);
  n += add_record(warc + n, "response", "http://example.org/b", "", http);
  sprintf(http, "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%%PDF-1.4");
  n += add_record(warc + n, "response", "http://example.org/c", "", http);
  n += add_record(warc + n, "revisit", "http://example.org/a", "", "HTTP/1.1 200 OK\r\n\r\n");
  n += add_record(warc + n, "conversion", "http://example.org/a", "Content-Type: text/plain\r\n",
                  "The page\nThe article of the page, in a text record, is long enough to be "
                  "read as the main text: it runs on for a few clauses, as articles do, and it "
                  "ends with a full stop.\nA second paragraph follows the first one, with more "
                  "words of the same kind, and another full stop at its end.\n");
  memcpy(warc + n, "NOT A RECORD\r\n", 14), n += 14;
  n +=
      add_record(warc + n, "resource", "http://example.org/d", "Content-Type: text/html\r\n", page);
  warc_len = n;
}

static void test_records(void) {
  source src = {warc, warc_len, 0, 0};
  pith_archive *a = NULL;
  CHECK(pith_archive_open_read(source_read, &src, "dir/crawl.warc", NULL, &a) == PITH_OK && a);
  const pith_record *rec;
  CHECK(pith_archive_next(a, &rec) == PITH_OK);
  CHECK(rec->kind == PITH_RECORD_SKIPPED);
  CHECK_STR(rec->skip_reason, "warcinfo");

  CHECK(pith_archive_next(a, &rec) == PITH_OK);
  CHECK(rec->kind == PITH_RECORD_HTML);
  CHECK_STR(rec->url, "http://example.org/a");
  CHECK_STR(rec->charset, "ISO-8859-1");
  CHECK_STR(rec->content_type, "text/html");
  CHECK_STR(rec->warc_filename, "crawl.warc");
  CHECK_STR(rec->payload_digest, "sha1:ABC");
  CHECK(rec->http_status == 200 && rec->truncated == 1);
  CHECK(rec->payload_len == strlen(page) && !memcmp(rec->payload, page, rec->payload_len));
  CHECK(rec->warc_offset > 0 && rec->warc_length > rec->payload_len);
  CHECK(!memcmp(warc + rec->warc_offset, "WARC/1.1", 8));
  /* A copy outlives the reader. */
  pith_record *copy = pith_record_copy(rec);
  CHECK(copy && copy->payload != rec->payload && copy->url != rec->url);

  CHECK(pith_archive_next(a, &rec) == PITH_OK);
  CHECK(rec->kind == PITH_RECORD_SKIPPED && rec->http_status == 404);
  CHECK_STR(rec->skip_reason, "status");
  CHECK(pith_archive_next(a, &rec) == PITH_OK);
  CHECK_STR(rec->skip_reason, "not-html");
  CHECK(pith_archive_next(a, &rec) == PITH_OK);
  CHECK_STR(rec->skip_reason, "revisit");
  CHECK(pith_archive_next(a, &rec) == PITH_OK);
  CHECK(rec->kind == PITH_RECORD_TEXT);
  pith_result *r = NULL;
  CHECK(pith_record_extract(rec, NULL, &r) == PITH_OK);
  CHECK(strstr(pith_result_text(r), "in a text record") != NULL);
  pith_result_free(r);

  CHECK(pith_archive_next(a, &rec) == PITH_OK);
  CHECK(rec->kind == PITH_RECORD_ERROR && strstr(rec->error, "not a WARC record"));
  CHECK(pith_archive_next(a, &rec) == PITH_OK);
  CHECK(rec->kind == PITH_RECORD_HTML && rec->http_status == 0);
  CHECK_STR(rec->url, "http://example.org/d");
  CHECK(pith_archive_next(a, &rec) == PITH_DONE);
  CHECK(pith_archive_next(a, &rec) == PITH_DONE);
  CHECK(pith_archive_error(a) == NULL);
  pith_archive_close(a);

  /* The copy, extracted after the reader is gone: provenance in json. */
  CHECK(pith_record_extract(copy, NULL, &r) == PITH_OK);
  CHECK_STR(pith_result_title(r), "The page");
  char *js = NULL;
  size_t len = 0;
  CHECK(pith_render(r, PITH_FORMAT_JSON, 0, &js, &len) == PITH_OK);
  CHECK(js && strstr(js, "\"url\":\"http://example.org/a\""));
  CHECK(js && strstr(js, "\"warc_record_id\":\"<urn:uuid:response>\""));
  CHECK(js && strstr(js, "\"warc_date\":\"2024-05-06T07:08:09Z\""));
  CHECK(js && strstr(js, "\"http_status\":200"));
  CHECK(js && strstr(js, "\"warc_filename\":\"crawl.warc\""));
  CHECK(js && strstr(js, "\"warc_offset\":"));
  CHECK(js && strstr(js, "\"payload_digest\":\"sha1:ABC\""));
  CHECK(js && strstr(js, "\"truncated\":true"));
  CHECK(js && strstr(js, "\"language\":\"en\",\"language_confidence\":"));
  pith_free(js);
  pith_result_free(r);
  /* Not a page: refused. */
  pith_record skipped = *copy;
  skipped.kind = PITH_RECORD_SKIPPED;
  CHECK(pith_record_extract(&skipped, NULL, &r) == PITH_ERR_INVALID && r == NULL);
  pith_record_free(copy);
  pith_record_free(NULL);
}

/* wget stores its log and command line as resource records at metadata:
   URIs: the crawl's metadata, not pages, not "not-html" payloads. */
static void test_crawler_files(void) {
  char buf[4096];
  size_t n = 0;
  n +=
      add_record(buf + n, "resource", "<metadata://gnu.org/software/wget/warc/wget.log>",
                 "Content-Type: text/plain\r\n", "2024-05-06 07:08:09 URL:http://example.org/ [1]");
  n += add_record(buf + n, "resource", "metadata://gnu.org/software/wget/warc/wget.log",
                  "Content-Type: text/plain\r\n", "");
  n += add_record(buf + n, "resource", "METADATA://example.org/page", "Content-Type: text/html\r\n",
                  page);
  n += add_record(buf + n, "resource", "http://example.org/e", "Content-Type: text/html\r\n", page);
  source src = {buf, n, 0, 0};
  pith_archive_options o;
  pith_archive_options_init(&o);
  o.all_types = 1; /* every payload tried, but these are no payloads */
  pith_archive *a = NULL;
  CHECK(pith_archive_open_read(source_read, &src, "wget.warc", &o, &a) == PITH_OK);
  const pith_record *rec;
  for (int i = 0; i < 3; i++) {
    CHECK(pith_archive_next(a, &rec) == PITH_OK && rec->kind == PITH_RECORD_SKIPPED);
    CHECK_STR(rec->skip_reason, "metadata");
  }
  CHECK(pith_archive_next(a, &rec) == PITH_OK && rec->kind == PITH_RECORD_HTML);
  CHECK(pith_archive_next(a, &rec) == PITH_DONE);
  pith_archive_close(a);
}

static void test_open(void) {
  pith_archive *a = NULL;
  CHECK(pith_archive_open("/nonexistent/x.warc", NULL, &a) == PITH_ERR_READ);
  CHECK(a && strstr(pith_archive_error(a), "No such file"));
  pith_archive_close(a);
  /* A directory is no archive: refused at the open, not at the first
   * record. */
  a = NULL;
  CHECK(pith_archive_open("/tmp", NULL, &a) == PITH_ERR_READ);
  CHECK(a && strstr(pith_archive_error(a), "/tmp: Is a directory"));
  pith_archive_close(a);
  /* The file is not left open in a child a thread of the program forks
   * and execs (the reader's descriptor is close-on-exec). */
  char name[] = "/tmp/pith-test-cloexec-XXXXXX";
  int tmp = mkstemp(name);
  CHECK(tmp >= 0 && write(tmp, warc, warc_len) == (ssize_t)warc_len);
  close(tmp);
  int next_fd = dup(0); /* the lowest free descriptor: the one open() gives next */
  close(next_fd);
  a = NULL;
  CHECK(next_fd >= 0 && pith_archive_open(name, NULL, &a) == PITH_OK);
  CHECK(fcntl(next_fd, F_GETFD) >= 0 && (fcntl(next_fd, F_GETFD) & FD_CLOEXEC));
  pith_archive_close(a);
  unlink(name);

  /* By fd, with options: a small record limit. */
  char path[] = "/tmp/pith-test-archive-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0 && write(fd, warc, warc_len) == (ssize_t)warc_len);
  lseek(fd, 0, SEEK_SET);
  pith_archive_options o;
  pith_archive_options_init(&o);
  CHECK(o.max_record_bytes == (size_t)16 << 20);
  o.max_record_bytes = 50;
  o.all_status = 1;
  CHECK(pith_archive_open_fd(fd, "fd", &o, &a) == PITH_OK);
  const pith_record *rec;
  int too_large = 0, n = 0;
  pith_status st;
  while ((st = pith_archive_next(a, &rec)) == PITH_OK) {
    n++;
    too_large += rec->kind == PITH_RECORD_SKIPPED && !strcmp(rec->skip_reason, "too-large");
  }
  CHECK(st == PITH_DONE && n == 8 && too_large == 4);
  pith_archive_close(a);
  CHECK(close(fd) == 0); /* not closed by pith */
  /* By path. */
  CHECK(pith_archive_open(path, NULL, &a) == PITH_OK);
  CHECK(pith_archive_next(a, &rec) == PITH_OK && !strcmp(rec->warc_filename, path + 5));
  pith_archive_close(a);
  unlink(path);

  /* A seek callback needs a read callback; without one (NULL), a reader as
   * pith_archive_open_read's (the Python tests read a seekable file object
   * through one, after damage). */
  CHECK(pith_archive_open_read_seek(NULL, NULL, NULL, "x", NULL, &a) == PITH_ERR_INVALID && !a);
  source src = {warc, warc_len, 0, 1000};
  CHECK(pith_archive_open_read_seek(source_read, NULL, &src, "x", NULL, &a) == PITH_OK);
  CHECK(pith_archive_next(a, &rec) == PITH_OK && rec->kind == PITH_RECORD_SKIPPED);
  pith_archive_close(a);

  /* A read error is unrecoverable, and stays. */
  CHECK(pith_archive_open_read(failing_read, NULL, "bad", NULL, &a) == PITH_OK);
  CHECK(pith_archive_next(a, &rec) == PITH_ERR_READ);
  CHECK(pith_archive_next(a, &rec) == PITH_ERR_READ);
  CHECK(pith_archive_error(a) != NULL);
  pith_archive_close(a);
  /* Bad arguments. */
  CHECK(pith_archive_open(NULL, NULL, &a) == PITH_ERR_INVALID);
  CHECK(pith_archive_next(NULL, &rec) == PITH_ERR_INVALID);
  pith_archive_close(NULL);
}

/* What the batch delivered, in order: the outputs joined, and the count. */
typedef struct {
  char out[8192];
  size_t len;
  int items;
} delivered;

static void on_item(void *ctx, pith_batch_item *it) {
  delivered *d = ctx;
  d->items++;
  if (it->output && d->len + it->output_len + 2 < sizeof d->out) {
    memcpy(d->out + d->len, it->output, it->output_len);
    d->len += it->output_len;
    d->out[d->len++] = '|';
    d->out[d->len] = '\0';
  }
}

/* Records handed to a batch with their payload moved, not copied: the
 * pages come out as from copies, in order, after the reader moved on. */
static void test_batch_handover(unsigned jobs) {
  pith_batch_options bo;
  pith_batch_options_init(&bo);
  bo.jobs = jobs;
  bo.render = 1;
  delivered d = {{0}, 0, 0};
  pith_batch *b = NULL;
  CHECK(pith_batch_new(&bo, on_item, &d, &b) == PITH_OK);
  source src = {warc, warc_len, 0, 0};
  pith_archive *a = NULL;
  CHECK(pith_archive_open_read(source_read, &src, "crawl.warc", NULL, &a) == PITH_OK);
  if (!a || !b)
    return;
  CHECK(pith_batch_add_archive_record(b, a, NULL, NULL) == PITH_ERR_INVALID); /* none yet */
  const pith_record *rec;
  int records = 0;
  while (pith_archive_next(a, &rec) == PITH_OK) {
    CHECK(pith_batch_add_archive_record(b, a, NULL, NULL) == PITH_OK);
    records++;
  }
  CHECK(pith_batch_add_archive_record(b, a, NULL, NULL) == PITH_ERR_INVALID); /* ended */
  pith_archive_close(a);
  CHECK(pith_batch_finish(b) == PITH_OK);
  pith_batch_stats st;
  pith_batch_get_stats(b, &st);
  CHECK(records == 8 && d.items == 8);
  CHECK(st.extracted == 3 && st.skipped == 4 && st.failed == 1);
  /* a (HTML), the text record, d (HTML), in that order */
  const char *first = strstr(d.out, "The article of the page, with words enough");
  const char *text = strstr(d.out, "in a text record");
  CHECK(first && text && first < text && strstr(text, "with words enough"));
  pith_batch_free(b);
}

/* A page moved to a batch takes a buffer of its own size with it, not one
 * the reader grew for a larger record before (a batch counts what the
 * record holds against its memory bound). */
static void test_handover_bytes(void) {
  size_t big = 300000;
  char *filler = malloc(big + 1), *data = malloc(big + 4096);
  if (!filler || !data) {
    CHECK(0);
    free(filler), free(data);
    return;
  }
  memset(filler, 'x', big);
  filler[big] = '\0';
  size_t n = add_record(data, "metadata", "http://example.org/m", "", filler);
  char http[1024];
  sprintf(http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s", page);
  n += add_record(data + n, "response", "http://example.org/a", "", http);
  source src = {data, n, 0, 0};
  pith_archive *a = NULL;
  const pith_record *rec = NULL;
  CHECK(pith_archive_open_read(source_read, &src, "big.warc", NULL, &a) == PITH_OK);
  CHECK(pith_archive_next(a, &rec) == PITH_OK && rec->kind == PITH_RECORD_SKIPPED);
  CHECK(pith_archive_next(a, &rec) == PITH_OK && rec->kind == PITH_RECORD_HTML);
  pith_record *moved = archive_take_record(a);
  CHECK(moved && moved->payload_len == strlen(page) && !strcmp(moved->payload, page));
  size_t held = archive_record_bytes(moved);
  /* One block of the pool at most (util/pool.h), not the 300 KB before it. */
  CHECK(held > moved->payload_len && held < POOL_BLOCK_BYTES + 16384);
  pith_record_free(moved);
  pith_archive_close(a);
  free(filler);
  free(data);
}

/* A response record whose HTTP body is body[0..len) (NUL bytes allowed). */
static size_t add_response(char *out, const char *uri, const char *type, const void *body,
                           size_t len) {
  char http[256];
  int h = sprintf(http, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n", type);
  int n = sprintf(out,
                  "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
                  "Content-Length: %zu\r\n\r\n%s",
                  uri, (size_t)h + len, http);
  memcpy(out + n, body, len);
  memcpy(out + n + len, "\r\n\r\n", 4);
  return (size_t)n + len + 4;
}

/* --all-types tries every payload that is text: with markup as HTML,
 * without as a page flattened to text. A payload that is plainly no text
 * (a known binary format by its first bytes, NUL bytes early on, control
 * bytes), or text that is no page (CSS, JSON), is skipped as not-html,
 * not failed. */
static void test_all_types(void) {
  static char buf[32768];
  size_t n = 0;
  unsigned char bin[600];
  for (size_t i = 0; i < sizeof bin; i++)
    bin[i] = (unsigned char)(i * 7 + 13);
  /* PNG, JPEG: their magic, then bytes of all kinds. */
  memcpy(bin, "\x89PNG\r\n\x1a\n", 8);
  n += add_response(buf + n, "http://example.org/a.png", "image/png", bin, sizeof bin);
  memcpy(bin, "\xff\xd8\xff\xe0", 4);
  n += add_response(buf + n, "http://example.org/a.jpg", "application/octet-stream", bin,
                    sizeof bin);
  /* A PDF, a WOFF2 font and a zip file whose first bytes are all text. */
  static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n";
  n += add_response(buf + n, "http://example.org/a.pdf", "application/pdf", pdf, strlen(pdf));
  static const char font[] = "wOF2OTTO the rest of a font, bytes that happen to read as text";
  n += add_response(buf + n, "http://example.org/a.woff2", "font/woff2", font, strlen(font));
  static const char zip[] = "PK\x03\x04 words in a zip file, stored, readable as they are";
  n += add_response(buf + n, "http://example.org/a.zip", "application/zip", zip, strlen(zip));
  /* Text with NUL bytes in its first KiB: binary. */
  static const char nul[] = "a record of fields\0with\0NUL\0bytes\0between them, and more words";
  n += add_response(buf + n, "http://example.org/a.dat", "application/x-data", nul, sizeof nul);
  static const char css[] = "body {\n  color: red;\n}\np {\n  margin: 0;\n}\n";
  n += add_response(buf + n, "http://example.org/a.css", "text/css", css, strlen(css));
  /* Text without markup: a page flattened to text. */
  static const char txt[] =
      "A plain text file, served as such, with a paragraph of words long enough to be read "
      "as the main text of its page: it runs on for a few clauses and ends with a stop.\n";
  n += add_response(buf + n, "http://example.org/a.txt", "text/x-readme", txt, strlen(txt));
  /* Markup under another type: HTML. */
  n += add_response(buf + n, "http://example.org/b.jpg", "image/jpeg", page, strlen(page));
  static const struct {
    pith_record_kind kind;
    const char *reason;
  } want[] = {{PITH_RECORD_SKIPPED, "not-html"}, {PITH_RECORD_SKIPPED, "not-html"},
              {PITH_RECORD_SKIPPED, "not-html"}, {PITH_RECORD_SKIPPED, "not-html"},
              {PITH_RECORD_SKIPPED, "not-html"}, {PITH_RECORD_SKIPPED, "not-html"},
              {PITH_RECORD_SKIPPED, "not-html"}, {PITH_RECORD_TEXT, NULL},
              {PITH_RECORD_HTML, NULL}};
  for (int all = 0; all < 2; all++) {
    source src = {buf, n, 0, 0};
    pith_archive_options o;
    pith_archive_options_init(&o);
    o.all_types = all;
    pith_archive *a = NULL;
    CHECK(pith_archive_open_read(source_read, &src, "types.warc", &o, &a) == PITH_OK);
    const pith_record *rec;
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
      CHECK(pith_archive_next(a, &rec) == PITH_OK);
      /* Without --all-types, only the page sniffed under a generic type
       * (none here) or declared HTML is tried. */
      pith_record_kind k = all ? want[i].kind : PITH_RECORD_SKIPPED;
      CHECK(rec->kind == k);
      if (rec->kind != k)
        fprintf(stderr, "  record %zu (all_types %d): kind %d\n", i, all, (int)rec->kind);
      if (k == PITH_RECORD_SKIPPED)
        CHECK_STR(rec->skip_reason, "not-html");
      if (rec->kind == PITH_RECORD_TEXT) {
        pith_result *r = NULL;
        CHECK(pith_record_extract(rec, NULL, &r) == PITH_OK);
        CHECK(r && strstr(pith_result_text(r), "A plain text file, served as such"));
        pith_result_free(r);
      }
    }
    CHECK(pith_archive_next(a, &rec) == PITH_DONE);
    pith_archive_close(a);
  }
}

int main(void) {
  build();
  test_all_types();
  test_crawler_files();
  test_handover_bytes();
  test_records();
  test_open();
  test_batch_handover(1);
  test_batch_handover(2);
  return check_done();
}
