/* A plain main() for the fuzz targets: runs LLVMFuzzerTestOneInput on each
 * file given (a directory: each file in it, sorted by readdir order), or on
 * standard input when none is. ctest runs it over the regression corpus
 * (tests/regress/TARGET/); AFL++ can drive it (afl-fuzz ... -- ./fuzz_X_replay @@). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_stream(FILE *f, const char *name) {
  size_t cap = 1 << 16, len = 0;
  uint8_t *data = malloc(cap);
  for (;;) {
    if (!data) {
      fprintf(stderr, "replay: %s: out of memory\n", name);
      return 1;
    }
    len += fread(data + len, 1, cap - len, f);
    if (len < cap)
      break;
    uint8_t *grown = realloc(data, cap * 2);
    if (!grown)
      free(data);
    data = grown;
    cap *= 2;
  }
  int bad = ferror(f);
  if (bad)
    fprintf(stderr, "replay: %s: read error\n", name);
  else
    LLVMFuzzerTestOneInput(data, len);
  free(data);
  return bad;
}

static int run_path(const char *path) {
  struct stat st;
  if (stat(path, &st)) {
    fprintf(stderr, "replay: %s: cannot stat\n", path);
    return 1;
  }
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    if (!d) {
      fprintf(stderr, "replay: %s: cannot open\n", path);
      return 1;
    }
    int bad = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.')
        continue;
      size_t n = strlen(path) + strlen(e->d_name) + 2;
      char *sub = malloc(n);
      if (!sub) {
        bad = 1;
        break;
      }
      snprintf(sub, n, "%s/%s", path, e->d_name);
      bad |= run_path(sub);
      free(sub);
    }
    closedir(d);
    return bad;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: %s: cannot open\n", path);
    return 1;
  }
  int bad = run_stream(f, path);
  fclose(f);
  return bad;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return run_stream(stdin, "standard input");
  int bad = 0, files = 0;
  for (int i = 1; i < argc; i++, files++)
    bad |= run_path(argv[i]);
  if (!bad)
    printf("replay: %d path(s) ran clean\n", files);
  return bad;
}
