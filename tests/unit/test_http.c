/* HTTP responses inside WARC records: the status line and headers (folded,
 * duplicated), chunked bodies (broken ones keep what came), content codings
 * stacked, mislabelled, and bounded (a bomb stops at the limit). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"
#include "input/http.h"
#include "util/pool.h"

/* data compressed with zlib's window_bits (31 gzip, 15 zlib, -15 raw). */
static size_t squeeze(const char *data, size_t len, int window_bits, char *out, size_t cap) {
  z_stream z;
  memset(&z, 0, sizeof z);
  deflateInit2(&z, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  z.next_in = (unsigned char *)(uintptr_t)data;
  z.avail_in = (uInt)len;
  z.next_out = (unsigned char *)out;
  z.avail_out = (uInt)cap;
  deflate(&z, Z_FINISH);
  size_t n = cap - z.avail_out;
  deflateEnd(&z);
  return n;
}

static void test_parse(void) {
  static const char msg[] = "HTTP/1.1 200 OK\r\n"
                            "Server: x\r\n"
                            "Content-Type: text/html;\r\n"
                            "\tcharset=\"Shift_JIS\"\r\n"
                            "Content-Type: text/plain\r\n"
                            "Content-Encoding: gzip\r\n"
                            "content-encoding: identity, deflate\r\n"
                            "Transfer-Encoding: gzip, chunked\r\n"
                            "\r\n"
                            "body";
  http_response h;
  CHECK(http_parse(msg, sizeof msg - 1, &h) == 0);
  CHECK(h.status == 200);
  CHECK_STR(h.content_type, "text/html");
  CHECK_STR(h.charset, "Shift_JIS");
  CHECK(h.chunked == 1 && h.ncodings == 2);
  CHECK_STR(h.codings[0], "gzip");
  CHECK_STR(h.codings[1], "deflate");
  CHECK(!strcmp(msg + h.body, "body"));
  CHECK(http_parse("GET / HTTP/1.1\r\n\r\n", 18, &h) == -1);
  static const char lf[] = "HTTP/1.0 404 Not Found\nContent-Type: TEXT/HTML\n\nx";
  CHECK(http_parse(lf, sizeof lf - 1, &h) == 0 && h.status == 404 && h.body == sizeof lf - 2);
  CHECK_STR(h.content_type, "text/html");
  CHECK(http_parse("HTTP/1.1 2000 X\r\n\r\n", 19, &h) == 0 && h.status == 0);
}

static void test_decode(void) {
  static const char text[] = "<p>Hello, decoded world: the same words again and again.</p>";
  size_t tl = sizeof text - 1;
  http_response h;
  memset(&h, 0, sizeof h);
  char *out;
  size_t len, cap;
  int cut;
  /* Chunked, with an extension; then broken: what came is kept. */
  h.chunked = 1;
  static const char chunks[] = "5;x=y\r\nHello\r\n7\r\n, world\r\n0\r\n\r\n";
  CHECK(http_decode_body(&h, chunks, sizeof chunks - 1, 1000, &out, &len, &cap, &cut) ==
        HTTP_BODY_OK);
  CHECK(len == 12 && !strcmp(out, "Hello, world") && !cut);
  CHECK(cap > len); /* the buffer's size, for a batch's count of bytes held */
  pool_free(out, cap);
  static const char broken[] = "5\r\nHello\r\n40\r\n, wor";
  CHECK(http_decode_body(&h, broken, sizeof broken - 1, 1000, &out, &len, &cap, &cut) ==
        HTTP_BODY_OK);
  CHECK(!strcmp(out, "Hello, wor") && cut);
  pool_free(out, cap);
  /* Many chunks of 4096 bytes: every one fits its room exactly. */
  size_t big_len = 40 * (4096 + 8) + 5;
  char *many = malloc(big_len), *p = many;
  for (int i = 0; i < 40; i++) {
    memcpy(p, "1000\r\n", 6);
    memset(p + 6, 'a' + i % 26, 4096);
    memcpy(p + 6 + 4096, "\r\n", 2);
    p += 4096 + 8;
  }
  memcpy(p, "0\r\n\r\n", 5);
  CHECK(http_decode_body(&h, many, big_len, 1 << 20, &out, &len, &cap, &cut) == HTTP_BODY_OK);
  CHECK(len == 40 * 4096 && !cut && out[4096] == 'b');
  /* A buffer of the blocks its bytes need, not of the growth's slack. */
  CHECK(cap >= len + 1 && cap - (len + 1) < POOL_BLOCK_BYTES);
  pool_free(out, cap);
  free(many);
  /* Labelled chunked but stored de-chunked: kept as it is. */
  CHECK(http_decode_body(&h, text, tl, 1000, &out, &len, &cap, &cut) == HTTP_BODY_OK);
  CHECK(len == tl && !strcmp(out, text));
  pool_free(out, cap);
  h.chunked = 0;

  /* Stacked codings: gzip applied first, then deflate (zlib). */
  char gz[512], both[512];
  size_t gl = squeeze(text, tl, 31, gz, sizeof gz);
  size_t bl = squeeze(gz, gl, 15, both, sizeof both);
  h.ncodings = 2;
  strcpy(h.codings[0], "gzip");
  strcpy(h.codings[1], "deflate");
  CHECK(http_decode_body(&h, both, bl, 1000, &out, &len, &cap, &cut) == HTTP_BODY_OK);
  CHECK(len == tl && !strcmp(out, text) && !cut);
  pool_free(out, cap);
  /* Raw deflate, as many servers send it. */
  char raw[512];
  size_t rl = squeeze(text, tl, -15, raw, sizeof raw);
  h.ncodings = 1;
  strcpy(h.codings[0], "deflate");
  CHECK(http_decode_body(&h, raw, rl, 1000, &out, &len, &cap, &cut) == HTTP_BODY_OK);
  CHECK(len == tl && !strcmp(out, text));
  pool_free(out, cap);
  /* A truncated gzip body: what came is kept, flagged. */
  strcpy(h.codings[0], "x-gzip");
  CHECK(http_decode_body(&h, gz, gl - 12, 1000, &out, &len, &cap, &cut) == HTTP_BODY_OK);
  CHECK(cut && len < tl && !strncmp(out, text, len));
  pool_free(out, cap);
  /* Labelled gzip but plain: kept as it is. */
  CHECK(http_decode_body(&h, text, tl, 1000, &out, &len, &cap, &cut) == HTTP_BODY_OK);
  CHECK(len == tl && !strcmp(out, text));
  pool_free(out, cap);
  /* An unknown coding: kept, for the sniffer to judge. */
  strcpy(h.codings[0], "compress");
  CHECK(http_decode_body(&h, text, tl, 1000, &out, &len, &cap, &cut) == HTTP_BODY_OK && len == tl);
  pool_free(out, cap);
  /* Over the limit, before and after decoding. */
  CHECK(http_decode_body(&h, text, tl, 10, &out, &len, &cap, &cut) == HTTP_BODY_TOO_LARGE && !out);
  size_t big = 64 << 20;
  char *zeros = calloc(1, big), *bomb = malloc(big / 100);
  size_t bombl = squeeze(zeros, big, 31, bomb, big / 100);
  strcpy(h.codings[0], "gzip");
  CHECK(http_decode_body(&h, bomb, bombl, 1 << 20, &out, &len, &cap, &cut) == HTTP_BODY_TOO_LARGE);
  CHECK(http_decode_body(&h, bomb, bombl, big, &out, &len, &cap, &cut) == HTTP_BODY_OK &&
        len == big);
  pool_free(out, cap);
  free(zeros);
  free(bomb);
  /* Empty bodies. */
  h.ncodings = 0;
  CHECK(http_decode_body(&h, "", 0, 10, &out, &len, &cap, &cut) == HTTP_BODY_OK && len == 0 && out);
  pool_free(out, cap);
}

int main(void) {
  test_parse();
  test_decode();
  return check_done();
}
