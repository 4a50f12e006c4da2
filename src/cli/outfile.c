/* Output files put in place when the run ends. */
#include "cli/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void release(outfile *o) {
  free(o->path);
  free(o->tmp);
  memset(o, 0, sizeof *o);
}

static int open_in_place(outfile *o) {
  o->f = fopen(o->path, "wb");
  if (o->f)
    return 0;
  int e = errno;
  release(o);
  errno = e;
  return -1;
}

/* The directory part of path ("." when it has none), malloc'd. */
static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return strdup(".");
  size_t n = slash == path ? 1 : (size_t)(slash - path);
  char *d = malloc(n + 1);
  if (d) {
    memcpy(d, path, n);
    d[n] = '\0';
  }
  return d;
}

static const char *base_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

int outfile_open(outfile *o, const char *path) {
  memset(o, 0, sizeof *o);
  if (!(o->path = strdup(path))) {
    errno = ENOMEM;
    return -1;
  }
  struct stat st;
  int exists = lstat(path, &st) == 0;
  /* A device, a pipe or a symbolic link (/dev/stdout, a link into
   * another tree) is written to as it is. */
  if (exists && !S_ISREG(st.st_mode))
    return open_in_place(o);
  char *dir = dir_of(path);
  size_t n = (dir ? strlen(dir) : 0) + strlen(base_of(path)) + 16;
  o->tmp = dir ? malloc(n) : NULL;
  if (!o->tmp) {
    free(dir);
    release(o);
    errno = ENOMEM;
    return -1;
  }
  snprintf(o->tmp, n, "%s/.%s.pith-XXXXXX", dir, base_of(path));
  free(dir);
  int fd = mkstemp(o->tmp);
  if (fd < 0) {
    /* A directory we may not write into, around a file we may: in place. */
    free(o->tmp);
    o->tmp = NULL;
    return open_in_place(o);
  }
  /* mkstemp makes the file private; the output gets the permissions the
   * file it replaces had, or a new file's. */
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~mask) || !(o->f = fdopen(fd, "wb"))) {
    int e = errno;
    close(fd);
    outfile_discard(o);
    errno = e;
    return -1;
  }
  return 0;
}

int outfile_commit(outfile *o) {
  int rc = o->f && fclose(o->f) ? -1 : 0;
  o->f = NULL;
  if (o->tmp && !rc)
    rc = rename(o->tmp, o->path);
  if (o->tmp && rc) {
    int e = errno;
    unlink(o->tmp);
    errno = e;
  }
  release(o);
  return rc;
}

void outfile_discard(outfile *o) {
  if (o->f)
    fclose(o->f);
  if (o->tmp)
    unlink(o->tmp);
  release(o);
}

const char *outfile_temporary(const outfile *o) {
  return o->tmp;
}

int outfile_same(const char *a, const char *b) {
  struct stat sa, sb;
  int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
  if (ea || eb)
    return ea && eb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (strcmp(base_of(a), base_of(b)))
    return 0;
  /* Their directories may not exist yet either: compared the same way,
   * up to one that exists ("." and "/" do). */
  char *da = dir_of(a), *db = dir_of(b);
  int same = da && db && strcmp(da, a) && strcmp(db, b) && outfile_same(da, db);
  free(da);
  free(db);
  return same;
}
