/* Whole-file reading: plain and gzip files, concatenated members, corrupt
 * and truncated data, missing files, directories, size limits, stdin. */
#include "check.h"
#include "gzip.h"
#include "input/read.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmp_paths[32][32];
static int n_tmp;

/* Writes data to a fresh file under /tmp; returns its path. */
static const char *write_tmp(const void *data, size_t len) {
  char *path = tmp_paths[n_tmp++];
  strcpy(path, "/tmp/pith-read-XXXXXX");
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0)
    return "/nonexistent";
  CHECK(write(fd, data, len) == (ssize_t)len);
  close(fd);
  return path;
}

static char err[128];

/* Reads path expecting success; returns the data (caller frees). */
static char *read_ok(const char *path, size_t max, size_t *len) {
  char *out = NULL;
  err[0] = 0;
  int rc = pith_read_file(path, max, &out, len, NULL, err, sizeof err);
  CHECK(rc == 0);
  if (rc)
    fprintf(stderr, "unexpected error: %s\n", err);
  CHECK(out != NULL);
  if (out)
    CHECK(out[*len] == 0);
  return out;
}

/* Reads path expecting failure with the given reason. */
static void read_fails(const char *path, size_t max, const char *reason) {
  char *out = (char *)"untouched";
  size_t len = 7;
  err[0] = 0;
  CHECK(pith_read_file(path, max, &out, &len, NULL, err, sizeof err) == -1);
  CHECK(out == NULL);
  CHECK(len == 0);
  CHECK_STR(err, reason);
}

static void test_plain(void) {
  size_t len;
  const char *p = write_tmp("<p>hello</p>", 12);
  char *out = read_ok(p, 0, &len);
  CHECK(len == 12);
  CHECK_STR(out, "<p>hello</p>");
  free(out);
  out = read_ok(write_tmp("", 0), 0, &len); /* empty: length 0, caller decides */
  CHECK(len == 0);
  CHECK_STR(out, "");
  free(out);
}

static void test_gzip(void) {
  size_t gz_len, len;
  unsigned char *gz = gzip("<p>hello gzip</p>", 17, &gz_len);
  char *out = read_ok(write_tmp(gz, gz_len), 0, &len);
  CHECK(len == 17);
  CHECK_STR(out, "<p>hello gzip</p>");
  free(out);
  free(gz);

  /* Two members concatenated (cat a.gz b.gz), then trailing zeros. */
  size_t l1, l2;
  unsigned char *g1 = gzip("hello ", 6, &l1), *g2 = gzip("world", 5, &l2);
  unsigned char both[256] = {0};
  memcpy(both, g1, l1);
  memcpy(both + l1, g2, l2);
  out = read_ok(write_tmp(both, l1 + l2), 0, &len);
  CHECK_STR(out, "hello world");
  CHECK(len == 11);
  free(out);
  out = read_ok(write_tmp(both, l1 + l2 + 16), 0, &len);
  CHECK_STR(out, "hello world");
  free(out);

  /* In memory too. */
  CHECK(pith_read_buffer((char *)both, l1 + l2, 0, &out, &len, NULL, err, sizeof err) == 0);
  CHECK_STR(out, "hello world");
  free(out);
  CHECK(pith_read_buffer("plain", 5, 0, &out, &len, NULL, err, sizeof err) == 0);
  CHECK_STR(out, "plain");
  CHECK(len == 5);
  free(out);
  CHECK(pith_read_buffer("plain", 5, 4, &out, &len, NULL, err, sizeof err) == -1);
  CHECK_STR(err, "larger than 4 bytes");

  /* Corrupt: a damaged byte in the deflate stream or the CRC. */
  unsigned char bad[256];
  memcpy(bad, g1, l1);
  bad[l1 - 6] ^= 0xFF; /* CRC32 of the trailer */
  read_fails(write_tmp(bad, l1), 0, "corrupt gzip data");
  memcpy(bad, g1, l1);
  bad[3] = 0xE0; /* reserved header flags */
  read_fails(write_tmp(bad, l1), 0, "corrupt gzip data");
  read_fails(write_tmp(g1, l1 - 5), 0, "truncated gzip data");
  read_fails(write_tmp("\x1f\x8b", 2), 0, "truncated gzip data");
  free(g1);
  free(g2);
}

/* A stream cut short keeps what came before the cut when asked to. */
static void test_truncated(void) {
  static const char text[] = "<p>the first part of a page that a download cut short</p>";
  size_t gz_len, len = 0;
  unsigned char *gz = gzip(text, sizeof text - 1, &gz_len);
  char *out = NULL;
  int truncated = -1;
  /* The trailer (CRC and size, 8 bytes) lost: all the text is there. */
  CHECK(pith_read_buffer((char *)gz, gz_len - 8, 0, &out, &len, &truncated, err, sizeof err) == 0);
  CHECK(truncated == 1);
  CHECK_STR(out, text);
  free(out);
  CHECK(pith_read_file(write_tmp(gz, gz_len - 8), 0, &out, &len, &truncated, err, sizeof err) == 0);
  CHECK(truncated == 1);
  CHECK(len == sizeof text - 1);
  free(out);
  /* Whole: not truncated. */
  CHECK(pith_read_buffer((char *)gz, gz_len, 0, &out, &len, &truncated, err, sizeof err) == 0);
  CHECK(truncated == 0);
  free(out);
  /* Without the flag, or with nothing inflated, it stays a failure. */
  read_fails(write_tmp(gz, gz_len - 8), 0, "truncated gzip data");
  out = (char *)"untouched"; /* the header alone (10 bytes) inflates to nothing */
  CHECK(pith_read_buffer((char *)gz, 10, 0, &out, &len, &truncated, err, sizeof err) == -1);
  CHECK(out == NULL);
  CHECK_STR(err, "truncated gzip data");
  CHECK(pith_read_is_gzip(gz, gz_len) && !pith_read_is_gzip("<p>", 3) &&
        !pith_read_is_gzip(NULL, 0));
  free(gz);
}

static void test_large_gzip(void) {
  /* 5 MB of text: the output buffer has to grow many times. */
  size_t n = 5u << 20, gz_len, len;
  char *big = malloc(n);
  for (size_t i = 0; i < n; i++)
    big[i] = (char)('a' + (i * 7 + i / 13) % 26);
  unsigned char *gz = gzip(big, n, &gz_len);
  const char *p = write_tmp(gz, gz_len);
  char *out = read_ok(p, 0, &len);
  CHECK(len == n);
  CHECK(out && memcmp(out, big, n) == 0);
  free(out);
  /* The limit is on the inflated size. */
  out = read_ok(p, n, &len);
  CHECK(len == n);
  free(out);
  read_fails(p, n - 1, "larger than 5242879 bytes once inflated");
  read_fails(p, 1000, "larger than 1000 bytes");
  free(gz);
  free(big);
}

static void test_errors(void) {
  read_fails("/tmp/pith-no-such-file-here.html", 0, "No such file or directory");
  read_fails("/tmp/pith-no-such-dir/x.html", 0, "No such file or directory");
  read_fails("/tmp", 0, "Is a directory");
  read_fails("", 0, "No such file or directory");
  char hundred[100];
  memset(hundred, 'x', sizeof hundred);
  const char *p = write_tmp(hundred, sizeof hundred);
  read_fails(p, 50, "larger than 50 bytes");
  size_t len;
  char *out = read_ok(p, 100, &len);
  CHECK(len == 100);
  free(out);
  if (geteuid() != 0) { /* root reads anything */
    p = write_tmp("secret", 6);
    chmod(p, 0);
    read_fails(p, 0, "Permission denied");
  }
  /* A short err buffer is truncated, never overrun. */
  char small[6];
  CHECK(pith_read_file("/tmp", 0, &out, &len, NULL, small, sizeof small) == -1);
  CHECK_STR(small, "Is a ");
  CHECK(pith_read_file("/tmp", 0, &out, &len, NULL, NULL, 0) == -1);
}

static void test_stdin(void) {
  size_t gz_len, len;
  unsigned char *gz = gzip("from stdin", 10, &gz_len);
  const char *p = write_tmp(gz, gz_len);
  free(gz);
  int saved = dup(0);
  FILE *f = fopen(p, "rb");
  CHECK(f != NULL);
  if (!f)
    return;
  dup2(fileno(f), 0);
  char *out = read_ok("-", 0, &len);
  CHECK_STR(out, "from stdin");
  CHECK(len == 10);
  free(out);
  fclose(f);
  dup2(saved, 0);
  close(saved);
}

int main(void) {
  test_plain();
  test_gzip();
  test_truncated();
  test_large_gzip();
  test_errors();
  test_stdin();
  for (int i = 0; i < n_tmp; i++)
    unlink(tmp_paths[i]);
  return check_done();
}
