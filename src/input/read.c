/* Reading whole inputs, gunzipping on the way. */
#include "input/read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "input/gunzip.h"

/* zlib counts in uInt: feed it at most this much at a time. */
#define ZCHUNK ((size_t)1 << 30)
/* "No limit" still has to keep cap + 1 from overflowing. */
#define NO_LIMIT (SIZE_MAX / 2)

static int fail(char *err, size_t cap, const char *msg) {
  if (err && cap)
    snprintf(err, cap, "%s", msg);
  return -1;
}

/* The one wording of the size limit, for bytes read or inflated. */
static int fail_size(char *err, size_t cap, size_t max, int inflated) {
  if (err && cap)
    snprintf(err, cap, "larger than %zu bytes%s", max, inflated ? " once inflated" : "");
  return -1;
}

/* The system's wording (strerror's), as the archive reader and the CLI
 * say it: one message for a missing input everywhere. A missing directory
 * on the way is a missing file too. */
static int fail_errno(char *err, size_t cap, int e) {
  switch (e) {
  case ENOENT:
  case ENOTDIR:
    return fail(err, cap, "No such file or directory");
  case EACCES:
  case EPERM:
    return fail(err, cap, "Permission denied");
  case EISDIR:
    return fail(err, cap, "Is a directory");
  case ENOMEM:
    return fail(err, cap, "out of memory");
  case EMFILE:
  case ENFILE:
    return fail(err, cap, "Too many open files");
  case ELOOP:
    return fail(err, cap, "Too many levels of symbolic links");
  case ENAMETOOLONG:
    return fail(err, cap, "File name too long");
  case EIO:
    return fail(err, cap, "Input/output error");
  default:
    if (err && cap)
      snprintf(err, cap, "cannot read (errno %d)", e);
    return -1;
  }
}

static int is_gzip(const unsigned char *p, size_t n) {
  return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* Inflates gzip member after member into one buffer of at most limit bytes.
 * A stream cut short keeps what came before the cut when truncated is not
 * NULL (and something came). */
static int gunzip(const unsigned char *in, size_t n, size_t max, char **out, size_t *out_len,
                  int *truncated, char *err, size_t err_cap) {
  size_t limit = max ? max : NO_LIMIT;
  /* The common case the fast way: one member, nothing after it. */
  if (gunzip_whole(in, n, limit, out, out_len))
    return 0;
  /* Room for limit + 1 bytes lets "exactly max" and "more than max" differ. */
  size_t cap = n < NO_LIMIT / 8 ? n * 4 + 4096 : limit + 1;
  if (cap > limit + 1)
    cap = limit + 1;
  char *buf = malloc(cap + 1);
  if (!buf)
    return fail(err, err_cap, "out of memory");
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit2(&z, 15 + 32) != Z_OK) { /* 32: detect the gzip header */
    free(buf);
    return fail(err, err_cap, "out of memory");
  }
  const unsigned char *end = in + n;
  z.next_in = (Bytef *)in;
  size_t produced = 0;
  const char *why = NULL;
  for (;;) {
    size_t rest = (size_t)(end - z.next_in);
    if (z.avail_in == 0 && rest)
      z.avail_in = (uInt)(rest < ZCHUNK ? rest : ZCHUNK);
    if (produced == cap) {
      if (cap > limit) {
        why = "size";
        break;
      }
      size_t ncap = cap <= (limit + 1) / 2 ? cap * 2 : limit + 1;
      char *nb = realloc(buf, ncap + 1);
      if (!nb) {
        why = "out of memory";
        break;
      }
      buf = nb, cap = ncap;
    }
    size_t room = cap - produced;
    if (room > ZCHUNK)
      room = ZCHUNK;
    z.next_out = (Bytef *)buf + produced;
    z.avail_out = (uInt)room;
    int ret = inflate(&z, Z_NO_FLUSH);
    produced += room - z.avail_out;
    if (produced > limit) {
      why = "size";
      break;
    }
    if (ret == Z_STREAM_END) {
      /* Another member follows, or the rest is trailing junk to ignore. */
      rest = (size_t)(end - z.next_in);
      if (!is_gzip(z.next_in, rest))
        break;
      inflateReset(&z);
      continue;
    }
    if (ret == Z_OK)
      continue;
    if (ret == Z_BUF_ERROR && z.avail_out == 0)
      continue; /* needs more room */
    if (ret == Z_BUF_ERROR)
      why = "truncated gzip data"; /* no input left mid-stream */
    else if (ret == Z_MEM_ERROR)
      why = "out of memory";
    else
      why = "corrupt gzip data";
    break;
  }
  inflateEnd(&z);
  if (why && truncated && produced && !strcmp(why, "truncated gzip data")) {
    *truncated = 1;
    why = NULL;
  }
  if (why) {
    free(buf);
    return strcmp(why, "size") == 0 ? fail_size(err, err_cap, max, 1) : fail(err, err_cap, why);
  }
  if (cap - produced > 65536) { /* give back a generous first guess */
    char *nb = realloc(buf, produced + 1);
    if (nb)
      buf = nb;
  }
  buf[produced] = 0;
  *out = buf;
  *out_len = produced;
  return 0;
}

int pith_read_is_gzip(const void *data, size_t len) {
  return data && is_gzip(data, len);
}

int pith_read_buffer(const char *in, size_t in_len, size_t max_bytes, char **out, size_t *out_len,
                     int *truncated, char *err, size_t err_cap) {
  *out = NULL;
  *out_len = 0;
  if (truncated)
    *truncated = 0;
  if (!in)
    in_len = 0;
  if (is_gzip((const unsigned char *)in, in_len))
    return gunzip((const unsigned char *)in, in_len, max_bytes, out, out_len, truncated, err,
                  err_cap);
  if (max_bytes && in_len > max_bytes)
    return fail_size(err, err_cap, max_bytes, 0);
  char *buf = malloc(in_len + 1);
  if (!buf)
    return fail(err, err_cap, "out of memory");
  if (in_len)
    memcpy(buf, in, in_len);
  buf[in_len] = 0;
  *out = buf;
  *out_len = in_len;
  return 0;
}

/* Reads fd to the end. raw_limit bounds the bytes read (before inflating). */
static int read_all(int fd, size_t size_hint, size_t raw_limit, char **out, size_t *out_len,
                    int *too_large, int *err_no) {
  size_t cap = size_hint ? size_hint + 1 : 65536; /* +1: EOF needs a read of 0 */
  if (cap > raw_limit + 1)
    cap = raw_limit + 1;
  char *buf = malloc(cap + 1);
  if (!buf) {
    *err_no = ENOMEM;
    return -1;
  }
  size_t len = 0;
  for (;;) {
    if (len == cap) {
      if (cap > raw_limit) {
        free(buf);
        *too_large = 1;
        return -1;
      }
      size_t ncap = cap <= (raw_limit + 1) / 2 ? cap * 2 : raw_limit + 1;
      char *nb = realloc(buf, ncap + 1);
      if (!nb) {
        free(buf);
        *err_no = ENOMEM;
        return -1;
      }
      buf = nb, cap = ncap;
    }
    ssize_t r = read(fd, buf + len, cap - len);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      *err_no = errno;
      free(buf);
      return -1;
    }
    if (r == 0)
      break;
    len += (size_t)r;
  }
  if (len > raw_limit) {
    free(buf);
    *too_large = 1;
    return -1;
  }
  buf[len] = 0;
  *out = buf;
  *out_len = len;
  return 0;
}

int pith_read_file(const char *path, size_t max_bytes, char **out, size_t *out_len, int *truncated,
                   char *err, size_t err_cap) {
  *out = NULL;
  *out_len = 0;
  if (truncated)
    *truncated = 0;
  if (!path || !*path)
    return fail(err, err_cap, "No such file or directory");
  int is_stdin = strcmp(path, "-") == 0;
  int fd = 0;
  if (!is_stdin) {
    do
      fd = open(path, O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
      return fail_errno(err, err_cap, errno);
  }
  /* Compressed data is never much larger than what it inflates to (stored
   * blocks add 5 bytes per 64 KiB), so bound the raw read a little above max. */
  size_t raw_limit = NO_LIMIT;
  if (max_bytes && max_bytes < NO_LIMIT - 4096 - max_bytes / 64)
    raw_limit = max_bytes + max_bytes / 64 + 4096;
  struct stat sb;
  size_t hint = 0;
  int rc = -1, too_large = 0, err_no = 0;
  char *raw = NULL;
  size_t raw_len = 0;
  if (fstat(fd, &sb) != 0) {
    err_no = errno;
  } else if (S_ISDIR(sb.st_mode)) {
    err_no = EISDIR;
  } else {
    if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
      if ((uintmax_t)sb.st_size > raw_limit)
        too_large = 1;
      else
        hint = (size_t)sb.st_size;
    }
    if (!too_large)
      rc = read_all(fd, hint, raw_limit, &raw, &raw_len, &too_large, &err_no);
  }
  if (!is_stdin)
    close(fd);
  if (rc != 0) {
    if (too_large)
      return fail_size(err, err_cap, max_bytes, 0);
    return fail_errno(err, err_cap, err_no);
  }
  if (is_gzip((unsigned char *)raw, raw_len)) {
    rc = gunzip((unsigned char *)raw, raw_len, max_bytes, out, out_len, truncated, err, err_cap);
    free(raw);
    return rc;
  }
  if (max_bytes && raw_len > max_bytes) {
    free(raw);
    return fail_size(err, err_cap, max_bytes, 0);
  }
  *out = raw;
  *out_len = raw_len;
  return 0;
}
