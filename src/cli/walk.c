/* Finding the inputs. */
#include "cli/walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/archive.h"
#include "cli/idset.h"

typedef struct {
  cli *c;
  walk_visit visit;
  void *ctx;
  id_set seen; /* directories entered and files visited below them */
  int oom;
} walker;

int cli_ends_with(const char *s, size_t n, const char *suffix) {
  size_t m = strlen(suffix);
  return n >= m && !strncasecmp(s + n - m, suffix, m);
}

int walk_page_name(const char *name) {
  size_t n = strlen(name);
  if (cli_ends_with(name, n, ".gz"))
    n -= 3;
  return cli_ends_with(name, n, ".html") || cli_ends_with(name, n, ".htm") ||
         cli_ends_with(name, n, ".xhtml");
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted, without dot-files; NULL with errno on failure
 * (an empty directory gives a list with *n == 0). */
static char **list_dir(const char *dir, size_t *n) {
  DIR *d = opendir(dir);
  if (!d)
    return NULL;
  char **names = malloc(sizeof *names);
  size_t cap = 1;
  *n = 0;
  struct dirent *e;
  while (names && (e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    if (*n == cap) {
      char **more = realloc(names, 2 * cap * sizeof *more);
      if (!more)
        break;
      names = more;
      cap *= 2;
    }
    if (!(names[*n] = strdup(e->d_name)))
      break;
    (*n)++;
  }
  closedir(d);
  if (!names || e) { /* stopped early: out of memory */
    for (size_t i = 0; names && i < *n; i++)
      free(names[i]);
    free(names);
    errno = ENOMEM;
    return NULL;
  }
  qsort(names, *n, sizeof *names, compare_names);
  return names;
}

/* Visits the inputs below dir. Returns how many files there are inputs
 * (visited now or already), or -1 when dir could not be read (said). */
static long walk_dir(walker *w, const char *dir, const char *rel, int depth) {
  if (depth > 256) {
    w->visit(w->c, w->ctx, WALK_ERROR, dir, "directories nested too deep", NULL);
    return -1;
  }
  size_t n = 0;
  char **names = list_dir(dir, &n);
  if (!names) {
    if (errno == ENOMEM)
      w->oom = 1;
    w->visit(w->c, w->ctx, WALK_ERROR, dir, strerror(errno), NULL);
    return -1;
  }
  long found = 0;
  for (size_t i = 0; i < n && !cli_stopping(); i++) {
    size_t plen = strlen(dir) + strlen(names[i]) + 2;
    size_t rlen = strlen(rel) + strlen(names[i]) + 2;
    char *path = malloc(plen), *sub = malloc(rlen);
    struct stat st;
    if (!path || !sub) {
      w->oom = 1;
    } else {
      snprintf(path, plen, "%s/%s", dir, names[i]);
      snprintf(sub, rlen, "%s%s%s", rel, *rel ? "/" : "", names[i]);
      /* stat follows symbolic links: a link to a directory is searched
       * (once), a dangling link is no page. */
      if (stat(path, &st) == 0) {
        int dir_entry = S_ISDIR(st.st_mode);
        int wanted = dir_entry || walk_page_name(names[i]) || archive_name(names[i]) ||
                     (w->c->text && cli_text_name(names[i]));
        int skip = w->c->skip_set && st.st_dev == w->c->skip_dev && st.st_ino == w->c->skip_ino;
        int fresh = wanted && !skip ? id_set_add(&w->seen, st.st_dev, st.st_ino) : 0;
        long below = 0;
        if (fresh < 0)
          w->oom = 1;
        else if (fresh && dir_entry && (below = walk_dir(w, path, sub, depth + 1)) > 0)
          found += below;
        else if (fresh && !dir_entry)
          w->visit(w->c, w->ctx, archive_name(names[i]) ? WALK_ARCHIVE : WALK_PAGE, path, sub, &st);
        /* a file seen before (two links to it) is found all the same */
        found += wanted && !skip && !dir_entry;
      }
    }
    free(path);
    free(sub);
    free(names[i]);
  }
  free(names);
  return found;
}

int walk_inputs(cli *c, char **args, int n, walk_visit visit, void *ctx) {
  walker w = {c, visit, ctx, {NULL, 0, 0}, 0};
  if (n == 0)
    visit(c, ctx, WALK_STDIN, "-", "stdin", NULL);
  for (int i = 0; i < n && !cli_stopping(); i++) {
    const char *arg = args[i];
    struct stat st;
    if (!strcmp(arg, "-")) {
      visit(c, ctx, WALK_STDIN, "-", "stdin", NULL);
    } else if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
      /* A directory with no input in it is worth a word: the wrong one,
       * or pages named otherwise (a file named is read whatever its name). */
      if (id_set_add(&w.seen, st.st_dev, st.st_ino) < 0)
        w.oom = 1;
      else if (walk_dir(&w, arg, "", 0) == 0 && !cli_stopping())
        visit(c, ctx, WALK_NOTHING, arg,
              c->text ? "nothing to read: no .html, .htm, .xhtml or .txt file (or .gz) nor "
                        "WARC/WET file in it (a file named is read whatever its name)"
                      : "nothing to read: no .html, .htm or .xhtml file (or .gz) nor WARC/WET "
                        "file in it (a file named is read whatever its name)",
              NULL);
    } else {
      /* A file named on the command line is read even when its name is no
       * page's, and may be an archive by its content. A missing one is
       * visited all the same: reading it says what is wrong. */
      const char *base = strrchr(arg, '/');
      int archive = archive_name(arg) || archive_sniff_path(arg);
      visit(c, ctx, archive ? WALK_ARCHIVE : WALK_PAGE, arg, base ? base + 1 : arg,
            stat(arg, &st) == 0 ? &st : NULL);
    }
  }
  id_set_free(&w.seen);
  return w.oom ? -1 : 0;
}
