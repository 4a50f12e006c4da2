/* The WARC reader: plain and gzip data (a member per record with its
 * offsets, one stream, trailing garbage), headers (folded lines, bracketed
 * URIs), blocks over the limit, and every kind of broken input named as a
 * damaged record while the good records around it still come out. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"
#include "input/warc.h"
#include "source.h"

static const char rec1[] = "WARC/1.0\r\n"
                           "WARC-Type: warcinfo\r\n"
                           "WARC-Record-ID: <urn:uuid:0001>\r\n"
                           "Content-Length: 12\r\n"
                           "\r\n"
                           "software: x\n"
                           "\r\n\r\n";
static const char rec2[] = "WARC/1.0\r\n"
                           "WARC-Type: conversion\r\n"
                           "WARC-Target-URI: <https://example.org/a>\r\n"
                           "WARC-Date: 2024-05-18T01:58:10Z\r\n"
                           "WARC-Record-ID: <urn:uuid:0002>\r\n"
                           "Content-Type: text/plain\r\n"
                           "X-Folded: first\r\n"
                           "  second\r\n"
                           "Content-Length: 21\r\n"
                           "\r\n"
                           "Title\nLine one.\nEnd.\n\n"
                           "\r\n\r\n";
static const char rec3[] = "WARC/1.1\r\n"
                           "WARC-Type: response\r\n"
                           "WARC-Target-URI: http://example.org/b\r\n"
                           "Content-Type: application/http; msgtype=response\r\n"
                           "Content-Length: 62\r\n"
                           "\r\n"
                           "HTTP/1.1 200 OK\r\n"
                           "Content-Type: text/html\r\n"
                           "\r\n"
                           "<p>Hello</p>\r\n"
                           "\r\n\r\n";

/* Appends data gzipped as one member to *out. */
static void gzip_append(char **out, size_t *out_len, const char *data, size_t len) {
  z_stream z;
  memset(&z, 0, sizeof z);
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  size_t cap = deflateBound(&z, (uLong)len) + 32;
  *out = realloc(*out, *out_len + cap);
  z.next_in = (unsigned char *)(uintptr_t)data;
  z.avail_in = (uInt)len;
  z.next_out = (unsigned char *)*out + *out_len;
  z.avail_out = (uInt)cap;
  deflate(&z, Z_FINISH);
  *out_len += cap - z.avail_out;
  deflateEnd(&z);
}

/* Reads every record of data: the number of good records; the damaged
 * ones counted in *bad, the first one's message in err. */
static int count_records(const char *data, size_t len, size_t max, int *bad, char *err,
                         size_t cap) {
  source src = {data, len, 0, 1000};
  warc_reader *r = warc_reader_new(source_read, NULL, &src, max);
  if (!r)
    return -2;
  warc_record rec;
  int n = 0, rc;
  *bad = 0;
  err[0] = '\0';
  while ((rc = warc_reader_next(r, &rec)) == 1) {
    /* A record the data ends inside is kept, with its warning: counted
     * both. */
    n += !rec.error;
    const char *why = rec.error ? rec.error : rec.warning;
    if (why && !(*bad)++)
      snprintf(err, cap, "%s", why);
  }
  CHECK(rc == 0);
  CHECK(warc_reader_next(r, &rec) == 0);
  warc_reader_free(r);
  return n;
}

static void check_records(warc_reader *r, int plain) {
  warc_record rec;
  CHECK(warc_reader_next(r, &rec) == 1);
  CHECK(rec.type == WARC_WARCINFO);
  CHECK_STR(rec.version, "WARC/1.0");
  CHECK_STR(rec.record_id, "<urn:uuid:0001>");
  CHECK(rec.block_len == 12 && !memcmp(rec.block, "software: x\n", 12));
  CHECK(rec.offset == 0);
  CHECK(!plain || rec.length == sizeof rec1 - 1);
  CHECK(warc_reader_next(r, &rec) == 1);
  CHECK(rec.type == WARC_CONVERSION);
  CHECK_STR(rec.type_name, "conversion");
  CHECK_STR(rec.target_uri, "https://example.org/a");
  CHECK_STR(rec.date, "2024-05-18T01:58:10Z");
  CHECK_STR(rec.content_type, "text/plain");
  CHECK_STR(warc_record_header(&rec, "x-folded"), "first second");
  CHECK(rec.block_len == 21 && rec.block[21] == '\0');
  CHECK_STR(rec.block, "Title\nLine one.\nEnd.\n");
  CHECK(rec.offset == (plain ? sizeof rec1 - 1 : rec.offset));
  CHECK(warc_reader_next(r, &rec) == 1);
  CHECK(rec.type == WARC_RESPONSE);
  CHECK_STR(rec.target_uri, "http://example.org/b");
  CHECK(strstr(rec.block, "\r\n\r\n<p>Hello</p>") != NULL);
  CHECK(warc_reader_next(r, &rec) == 0);
  CHECK(warc_reader_next(r, &rec) == 0);
  CHECK(warc_reader_error(r) == NULL);
}

static warc_reader *reader_of(source *src, const char *data, size_t len, size_t max) {
  src->data = data;
  src->len = len;
  src->pos = 0;
  src->step = 1000;
  return warc_reader_new(source_read, NULL, src, max);
}

static void test_plain_and_gzip(void) {
  char all[2048];
  size_t n = 0;
  memcpy(all + n, rec1, sizeof rec1 - 1), n += sizeof rec1 - 1;
  memcpy(all + n, rec2, sizeof rec2 - 1), n += sizeof rec2 - 1;
  memcpy(all + n, rec3, sizeof rec3 - 1), n += sizeof rec3 - 1;
  source src;
  warc_reader *r = reader_of(&src, all, n, 0);
  check_records(r, 1);
  warc_reader_free(r);
  CHECK(warc_sniff(all, n));

  /* A gzip member per record, as crawls write them: offsets and lengths
   * are the members'. */
  char *gz = NULL;
  size_t gl = 0, m1, m2;
  gzip_append(&gz, &gl, rec1, sizeof rec1 - 1);
  m1 = gl;
  gzip_append(&gz, &gl, rec2, sizeof rec2 - 1);
  m2 = gl;
  gzip_append(&gz, &gl, rec3, sizeof rec3 - 1);
  CHECK(warc_sniff(gz, gl));
  r = reader_of(&src, gz, gl, 0);
  check_records(r, 0);
  warc_reader_free(r);
  r = reader_of(&src, gz, gl, 0);
  warc_record rec;
  CHECK(warc_reader_next(r, &rec) == 1 && rec.offset == 0 && rec.length == m1);
  CHECK(warc_reader_next(r, &rec) == 1 && rec.offset == m1 && rec.length == m2 - m1);
  CHECK(warc_reader_next(r, &rec) == 1 && rec.offset == m2 && rec.length == gl - m2);
  warc_reader_free(r);

  /* Trailing garbage after the last member: named, the records kept. */
  char *gz2 = malloc(gl + 5);
  memcpy(gz2, gz, gl);
  memcpy(gz2 + gl, "junk\n", 5);
  char err[200] = "";
  int bad;
  CHECK(count_records(gz2, gl + 5, 0, &bad, err, sizeof err) == 3);
  CHECK(bad == 1 && strstr(err, "not gzip data") != NULL);
  free(gz2);

  /* One gzip stream for the whole file. */
  char *one = NULL;
  size_t ol = 0;
  gzip_append(&one, &ol, all, n);
  r = reader_of(&src, one, ol, 0);
  check_records(r, 0);
  warc_reader_free(r);
  free(one);

  /* A truncated gzip member: the records before it come out. */
  CHECK(count_records(gz, gl - 10, 0, &bad, err, sizeof err) >= 2);
  CHECK(bad == 1 && strstr(err, "truncated gzip data") != NULL);
  /* ... cut inside its block: the record kept as far as it goes, cut, with
   * a warning (the file ends there), not an error. */
  char *cut = NULL;
  size_t cl = 0;
  gzip_append(&cut, &cl, rec3, sizeof rec3 - 1);
  r = reader_of(&src, cut, cl - 20, 0); /* the trailer's 8 bytes, 12 of deflate data */
  CHECK(warc_reader_next(r, &rec) == 1 && !rec.error && rec.warning && rec.cut);
  CHECK(rec.warning && strstr(rec.warning, "truncated gzip data at byte 0: the archive ends"));
  CHECK(rec.block && rec.block_len > 0 && rec.block_len < rec.content_length);
  CHECK(warc_reader_next(r, &rec) == 0);
  warc_reader_free(r);
  free(cut);
  /* Corrupt deflate data in the middle member: the others come out. */
  gz[m1 + (m2 - m1) / 2] ^= 0x55;
  gz[m1 + (m2 - m1) / 2 + 1] ^= 0x55;
  CHECK(count_records(gz, gl, 0, &bad, err, sizeof err) == 2);
  CHECK(bad == 1);
  free(gz);
}

static void test_limits_and_errors(void) {
  char err[200] = "";
  int bad;
  /* Blocks over the limit are skipped, not held. */
  source src;
  warc_reader *r = reader_of(&src, rec2, sizeof rec2 - 1, 10);
  warc_record rec;
  CHECK(warc_reader_next(r, &rec) == 1);
  CHECK(rec.skipped && rec.block == NULL && rec.content_length == 21 && !rec.error);
  CHECK(warc_reader_next(r, &rec) == 0);
  warc_reader_free(r);

  /* Empty input: no records. */
  CHECK(count_records("", 0, 0, &bad, err, sizeof err) == 0 && bad == 0);
  CHECK(count_records("\r\n\r\n", 4, 0, &bad, err, sizeof err) == 0 && bad == 0);

  /* Each broken input: a damaged record named, never a crash or a hang. */
  static const struct {
    const char *data, *error;
  } broken[] = {
      {"<html><body>not a warc</body></html>", "not a WARC record"},
      {"WARC/1.0\r\nWARC-Type: resource\r\n\r\nxyz", "without Content-Length"},
      {"WARC/1.0\r\nContent-Length: 12x\r\n\r\nxyz", "bad Content-Length"},
      {"WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n", "bad Content-Length"},
      {"WARC/1.0\r\nContent-Length: 100\r\n\r\nshort",
       "truncated record: the archive ends 5 bytes into the record's 100-byte block"},
      {"WARC/1.0\r\nWARC-Type: resource\r\n", "truncated record"},
  };
  for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
    count_records(broken[i].data, strlen(broken[i].data), 0, &bad, err, sizeof err);
    if (!strstr(err, broken[i].error))
      fprintf(stderr, "case %zu: got \"%s\"\n", i, err);
    CHECK(bad >= 1 && strstr(err, broken[i].error) != NULL);
  }

  /* Garbage between records: named, the records on both sides kept. */
  static const char garbage[] = "WARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\nGARBAGE\r\nmore\r\n"
                                "WARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
  CHECK(count_records(garbage, sizeof garbage - 1, 0, &bad, err, sizeof err) == 2);
  CHECK(bad == 1 && strstr(err, "not a WARC record: 15 bytes") != NULL);

  /* A Content-Length that claims more than the record holds: the next
   * record is found inside and read again. */
  static const char lies[] = "WARC/1.0\r\nContent-Length: 60\r\n\r\nabc\r\n\r\n"
                             "WARC/1.0\r\nContent-Length: 3\r\n\r\nxyz\r\n\r\n";
  CHECK(count_records(lies, sizeof lies - 1, 0, &bad, err, sizeof err) == 1);
  CHECK(bad == 1 && strstr(err, "Content-Length runs past") != NULL);
  /* The same, claiming 10 GB (read through, not held). */
  static const char huge[] = "WARC/1.0\r\nContent-Length: 10000000000\r\n\r\nabc\r\n\r\n"
                             "WARC/1.0\r\nContent-Length: 3\r\n\r\nxyz\r\n\r\n";
  r = reader_of(&src, huge, sizeof huge - 1, 0);
  CHECK(warc_reader_next(r, &rec) == 1 && rec.skipped && rec.cut);
  CHECK(warc_reader_next(r, &rec) == 1 && !rec.error && rec.block_len == 3);
  CHECK(warc_reader_next(r, &rec) == 0);
  warc_reader_free(r);

  /* A header line without end. */
  size_t big = 200000;
  char *line = malloc(big);
  memcpy(line, "WARC/1.0\r\nX: ", 13);
  memset(line + 13, 'a', big - 13);
  CHECK(count_records(line, big, 0, &bad, err, sizeof err) == 0);
  CHECK(bad >= 1 && strstr(err, "too long") != NULL);
  free(line);

  /* Many folded lines: linear, and bounded by the header limit. */
  size_t folds = 600000;
  char *fold = malloc(folds * 3 + 64);
  size_t k = (size_t)sprintf(fold, "WARC/1.0\r\nX: a");
  for (size_t i = 0; i < folds; i++)
    memcpy(fold + k, "\n b", 3), k += 3;
  CHECK(count_records(fold, k, 0, &bad, err, sizeof err) == 0);
  CHECK(bad >= 1 && strstr(err, "header too large") != NULL);
  free(fold);

  /* A record without the closing blank lines still reads. */
  static const char loose[] = "WARC/1.0\nContent-Length: 3\n\nabcWARC/1.0\nContent-Length: 0\n\n";
  CHECK(count_records(loose, sizeof loose - 1, 0, &bad, err, sizeof err) == 2 && bad == 0);
  static const char lf[] =
      "WARC/0.18\nContent-Length: 3\n\nabc\n\nWARC/0.18\nContent-Length: 0\n\n";
  CHECK(count_records(lf, sizeof lf - 1, 0, &bad, err, sizeof err) == 2 && bad == 0);
}

static void test_sniff(void) {
  CHECK(warc_sniff("\r\nWARC/1.0\r\n", 12));
  CHECK(!warc_sniff("<!DOCTYPE html>", 15));
  CHECK(!warc_sniff("WAR", 3));
  CHECK(!warc_sniff("\x1f\x8b", 2));
}

int main(void) {
  test_plain_and_gzip();
  test_limits_and_errors();
  test_sniff();
  return check_done();
}
