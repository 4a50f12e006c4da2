/* The WARC reader: plain and gzip data (a member per record, one stream,
 * trailing garbage), headers (folded lines, bracketed URIs), blocks over
 * the limit, prefixes, and every kind of broken input ending in an error,
 * never a crash or a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"
#include "input/warc.h"

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

/* A temporary file holding data[0..len). */
static FILE *file_of(const void *data, size_t len) {
  FILE *f = tmpfile();
  if (!f)
    return NULL;
  if (len)
    fwrite(data, 1, len, f);
  rewind(f);
  return f;
}

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

/* Reads every record of f; returns the count, -1 on error (message in err). */
static int count_records(FILE *f, const void *prefix, size_t plen, size_t max, char *err,
                         size_t cap) {
  warc_reader *r = warc_reader_new(f, prefix, plen, max);
  if (!r)
    return -2;
  warc_record rec;
  int n = 0, rc;
  while ((rc = warc_reader_next(r, &rec)) == 1)
    n++;
  if (rc < 0) {
    snprintf(err, cap, "%s", warc_reader_error(r));
    n = -1;
  }
  /* An error stays. */
  if (rc < 0)
    CHECK(warc_reader_next(r, &rec) == -1);
  warc_reader_free(r);
  return n;
}

static void check_records(warc_reader *r) {
  warc_record rec;
  CHECK(warc_reader_next(r, &rec) == 1);
  CHECK(rec.type == WARC_WARCINFO);
  CHECK_STR(rec.version, "WARC/1.0");
  CHECK_STR(rec.record_id, "<urn:uuid:0001>");
  CHECK(rec.block_len == 12 && !memcmp(rec.block, "software: x\n", 12));
  CHECK(rec.offset == 0);
  CHECK(warc_reader_next(r, &rec) == 1);
  CHECK(rec.type == WARC_CONVERSION);
  CHECK_STR(rec.type_name, "conversion");
  CHECK_STR(rec.target_uri, "https://example.org/a");
  CHECK_STR(rec.date, "2024-05-18T01:58:10Z");
  CHECK_STR(rec.content_type, "text/plain");
  CHECK_STR(warc_record_header(&rec, "x-folded"), "first second");
  CHECK(rec.block_len == 21 && rec.block[21] == '\0');
  CHECK_STR(rec.block, "Title\nLine one.\nEnd.\n");
  CHECK(rec.offset == sizeof rec1 - 1);
  CHECK(warc_reader_next(r, &rec) == 1);
  CHECK(rec.type == WARC_RESPONSE);
  CHECK_STR(rec.target_uri, "http://example.org/b");
  int status = 0;
  const char *h = NULL;
  size_t hl = 0, body = 0;
  CHECK(warc_http_split(rec.block, rec.block_len, &status, &h, &hl, &body) == 0);
  CHECK(status == 200);
  CHECK(hl == strlen("Content-Type: text/html") && !memcmp(h, "Content-Type", 12));
  CHECK(!strncmp(rec.block + body, "<p>Hello</p>", 12));
  CHECK(warc_reader_next(r, &rec) == 0);
  CHECK(warc_reader_next(r, &rec) == 0);
  CHECK(warc_reader_error(r) == NULL);
}

static void test_plain_and_gzip(void) {
  char all[2048];
  size_t n = 0;
  memcpy(all + n, rec1, sizeof rec1 - 1), n += sizeof rec1 - 1;
  memcpy(all + n, rec2, sizeof rec2 - 1), n += sizeof rec2 - 1;
  memcpy(all + n, rec3, sizeof rec3 - 1), n += sizeof rec3 - 1;
  FILE *f = file_of(all, n);
  warc_reader *r = warc_reader_new(f, NULL, 0, 0);
  check_records(r);
  warc_reader_free(r);
  fclose(f);
  CHECK(warc_sniff(all, n));

  /* A gzip member per record, as crawls write them. */
  char *gz = NULL;
  size_t gl = 0;
  gzip_append(&gz, &gl, rec1, sizeof rec1 - 1);
  gzip_append(&gz, &gl, rec2, sizeof rec2 - 1);
  gzip_append(&gz, &gl, rec3, sizeof rec3 - 1);
  CHECK(warc_sniff(gz, gl));
  f = file_of(gz, gl);
  r = warc_reader_new(f, NULL, 0, 0);
  check_records(r);
  warc_reader_free(r);
  fclose(f);

  /* The first bytes already read (sniffing) come as a prefix. */
  f = file_of(gz + 100, gl - 100);
  r = warc_reader_new(f, gz, 100, 0);
  check_records(r);
  warc_reader_free(r);
  fclose(f);

  /* The whole archive in memory, no file. */
  r = warc_reader_new(NULL, gz, gl, 0);
  check_records(r);
  warc_reader_free(r);

  /* Trailing garbage after the last member is ignored, as gzip(1) does. */
  char *gz2 = malloc(gl + 5);
  memcpy(gz2, gz, gl);
  memcpy(gz2 + gl, "junk\n", 5);
  f = file_of(gz2, gl + 5);
  char err[160] = "";
  CHECK(count_records(f, NULL, 0, 0, err, sizeof err) == 3);
  fclose(f);
  free(gz2);

  /* One gzip stream for the whole file. */
  char *one = NULL;
  size_t ol = 0;
  gzip_append(&one, &ol, all, n);
  f = file_of(one, ol);
  r = warc_reader_new(f, NULL, 0, 0);
  check_records(r);
  warc_reader_free(r);
  fclose(f);
  free(one);

  /* A truncated gzip member is an error. */
  f = file_of(gz, gl - 10);
  CHECK(count_records(f, NULL, 0, 0, err, sizeof err) == -1);
  CHECK(strstr(err, "truncated") != NULL);
  fclose(f);
  /* Corrupt deflate data is an error. */
  gz[gl / 2] ^= 0x55;
  gz[gl / 2 + 1] ^= 0x55;
  f = file_of(gz, gl);
  CHECK(count_records(f, NULL, 0, 0, err, sizeof err) < 3);
  fclose(f);
  free(gz);
}

static void test_limits_and_errors(void) {
  char err[160] = "";
  /* Blocks over the limit are skipped, not held. */
  FILE *f = file_of(rec2, sizeof rec2 - 1);
  warc_reader *r = warc_reader_new(f, NULL, 0, 10);
  warc_record rec;
  CHECK(warc_reader_next(r, &rec) == 1);
  CHECK(rec.skipped && rec.block == NULL && rec.content_length == 21);
  CHECK(warc_reader_next(r, &rec) == 0);
  warc_reader_free(r);
  fclose(f);

  /* Empty input: no records. */
  f = file_of("", 0);
  CHECK(count_records(f, NULL, 0, 0, err, sizeof err) == 0);
  fclose(f);
  f = file_of("\r\n\r\n", 4);
  CHECK(count_records(f, NULL, 0, 0, err, sizeof err) == 0);
  fclose(f);

  static const struct {
    const char *data, *error;
  } bad[] = {
      {"<html><body>not a warc</body></html>", "not a WARC record"},
      {"WARC/1.0\r\nWARC-Type: resource\r\n\r\nxyz", "without Content-Length"},
      {"WARC/1.0\r\nContent-Length: 12x\r\n\r\nxyz", "bad Content-Length"},
      {"WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n", "bad Content-Length"},
      {"WARC/1.0\r\nContent-Length: 100\r\n\r\nshort", "truncated record"},
      {"WARC/1.0\r\nWARC-Type: resource\r\n", "truncated record"},
      {"WARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\nGARBAGE\r\n", "not a WARC record at byte"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    f = file_of(bad[i].data, strlen(bad[i].data));
    err[0] = '\0';
    int n = count_records(f, NULL, 0, 0, err, sizeof err);
    CHECK(n == -1);
    if (!strstr(err, bad[i].error))
      fprintf(stderr, "case %zu: got \"%s\"\n", i, err);
    CHECK(strstr(err, bad[i].error) != NULL);
    fclose(f);
  }

  /* A header line without end. */
  size_t big = 200000;
  char *line = malloc(big);
  memcpy(line, "WARC/1.0\r\nX: ", 13);
  memset(line + 13, 'a', big - 13);
  f = file_of(line, big);
  CHECK(count_records(f, NULL, 0, 0, err, sizeof err) == -1);
  CHECK(strstr(err, "too long") != NULL);
  fclose(f);
  free(line);

  /* A record without the closing blank lines still reads. */
  static const char loose[] = "WARC/1.0\nContent-Length: 3\n\nabcWARC/1.0\nContent-Length: 0\n\n";
  f = file_of(loose, sizeof loose - 1);
  CHECK(count_records(f, NULL, 0, 0, err, sizeof err) == 2);
  fclose(f);
  static const char lf[] =
      "WARC/0.18\nContent-Length: 3\n\nabc\n\nWARC/0.18\nContent-Length: 0\n\n";
  f = file_of(lf, sizeof lf - 1);
  CHECK(count_records(f, NULL, 0, 0, err, sizeof err) == 2);
  fclose(f);
}

static void test_sniff_http(void) {
  CHECK(warc_sniff("\r\nWARC/1.0\r\n", 12));
  CHECK(!warc_sniff("<!DOCTYPE html>", 15));
  CHECK(!warc_sniff("WAR", 3));
  CHECK(!warc_sniff("\x1f\x8b", 2));
  int status;
  const char *h;
  size_t hl, body;
  static const char req[] = "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n";
  CHECK(warc_http_split(req, sizeof req - 1, &status, &h, &hl, &body) == 0);
  CHECK(status == 0 && body == sizeof req - 1);
  CHECK(warc_http_split("plain text", 10, &status, &h, &hl, &body) == -1);
  static const char lf[] = "HTTP/1.0 404 Not Found\nA: b\n\nbody";
  CHECK(warc_http_split(lf, sizeof lf - 1, &status, &h, &hl, &body) == 0);
  CHECK(status == 404 && !strcmp(lf + body, "body") && hl == 4);
}

int main(void) {
  test_plain_and_gzip();
  test_limits_and_errors();
  test_sniff_http();
  return check_done();
}
