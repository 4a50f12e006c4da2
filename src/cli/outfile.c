/* Output files put in place when the run ends. */
#include "cli/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
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

/* Creates a new file named like "DIR/.NAME.pith-XXXXXX" for writing, with
 * the permissions a new file gets (0666 less the umask: open applies it,
 * so the process's umask is never changed, which other threads could
 * see). The name is o->tmp. A descriptor, or -1 with errno set. */
static int create_temporary(outfile *o) {
  char *dir = dir_of(o->path);
  size_t n = (dir ? strlen(dir) : 0) + strlen(base_of(o->path)) + 32;
  o->tmp = dir ? malloc(n) : NULL;
  if (!o->tmp) {
    free(dir);
    errno = ENOMEM;
    return -1;
  }
  /* The names differ by process and by try; O_EXCL makes a name taken by
   * anything else fail rather than be opened. */
  static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  unsigned long seed = (unsigned long)getpid() * 2654435761UL ^ (unsigned long)(uintptr_t)o;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
    char suffix[7];
    unsigned long v = seed + (unsigned long)attempt * 40503UL;
    for (int i = 0; i < 6; i++, v /= 36)
      suffix[i] = digits[v % 36];
    suffix[6] = '\0';
    snprintf(o->tmp, n, "%s/.%s.pith-%s", dir, base_of(o->path), suffix);
    fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST)
      break;
  }
  free(dir);
  if (fd < 0) {
    int e = errno;
    free(o->tmp);
    o->tmp = NULL;
    errno = e;
  }
  return fd;
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
   * another tree) is written to as it is. So is a file a rename would
   * change in more than its content: one with other names (hard links,
   * which would keep the old content), one owned by someone else (the
   * new file would be ours, or the rename refused in a sticky /tmp), one
   * we may not write (a rename would replace it all the same). */
  if (exists && (!S_ISREG(st.st_mode) || st.st_nlink > 1 || st.st_uid != geteuid() ||
                 access(path, W_OK) != 0))
    return open_in_place(o);
  int fd = create_temporary(o);
  if (fd < 0) {
    if (errno == ENOMEM) {
      release(o);
      return -1;
    }
    /* A directory we may not write into, around a file we may: in place. */
    return open_in_place(o);
  }
  /* The output gets the permissions of the file it replaces. */
  if ((exists && fchmod(fd, st.st_mode & 07777)) || !(o->f = fdopen(fd, "wb"))) {
    int e = errno;
    close(fd);
    outfile_discard(o);
    errno = e;
    return -1;
  }
  return 0;
}

/* Copies file from over file to, in place. 0, or -1 with errno set. */
static int copy_over(const char *from, const char *to) {
  FILE *in = fopen(from, "rb");
  FILE *out = in ? fopen(to, "wb") : NULL;
  char buf[65536];
  size_t n;
  int rc = out ? 0 : -1;
  while (!rc && (n = fread(buf, 1, sizeof buf, in)) > 0)
    rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
  if (!rc && ferror(in))
    rc = -1;
  int e = errno;
  if (out && fclose(out) && !rc)
    rc = -1, e = errno;
  if (in)
    fclose(in);
  errno = e;
  return rc;
}

int outfile_commit(outfile *o) {
  int rc = o->f && fclose(o->f) ? -1 : 0;
  o->f = NULL;
  if (o->tmp && !rc && rename(o->tmp, o->path)) {
    /* A name that cannot be replaced, only written (a file mounted on its
     * own: a container's "-v out.json:/out.json", EBUSY) gets the content
     * copied in, rather than lost. */
    rc = errno == EBUSY || errno == EXDEV || errno == EPERM ? copy_over(o->tmp, o->path) : -1;
    int e = errno;
    unlink(o->tmp);
    errno = e;
  } else if (o->tmp && rc) {
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

/* The file a dangling symbolic link names (relative to the link's own
 * directory), or NULL when path is no such link. */
static char *link_target(const char *path) {
  struct stat st;
  char buf[4096];
  ssize_t n;
  if (lstat(path, &st) || !S_ISLNK(st.st_mode) || (n = readlink(path, buf, sizeof buf - 1)) <= 0)
    return NULL;
  buf[n] = '\0';
  char *dir = buf[0] == '/' ? NULL : dir_of(path);
  size_t len = (dir ? strlen(dir) + 1 : 0) + (size_t)n + 1;
  char *to = buf[0] == '/' || dir ? malloc(len) : NULL;
  if (to)
    snprintf(to, len, "%s%s%s", dir ? dir : "", dir ? "/" : "", buf);
  free(dir);
  return to;
}

static int same_file(const char *a, const char *b, int links) {
  struct stat sa, sb;
  int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
  if (ea || eb)
    return ea && eb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  /* A link to a file not made yet is that file (opened in place, it makes
   * it): followed, a few links deep. */
  char *ta = links < 8 ? link_target(a) : NULL, *tb = links < 8 && !ta ? link_target(b) : NULL;
  if (ta || tb) {
    int same = same_file(ta ? ta : a, tb ? tb : b, links + 1);
    free(ta);
    free(tb);
    return same;
  }
  if (strcmp(base_of(a), base_of(b)))
    return 0;
  /* Their directories may not exist yet either: compared the same way,
   * up to one that exists ("." and "/" do). */
  char *da = dir_of(a), *db = dir_of(b);
  int same = da && db && strcmp(da, a) && strcmp(db, b) && same_file(da, db, links);
  free(da);
  free(db);
  return same;
}

int outfile_same(const char *a, const char *b) {
  return same_file(a, b, 0);
}
