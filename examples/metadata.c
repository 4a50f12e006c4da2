/* A page's metadata and its article as Markdown, with libpith.
 *
 *   cc -std=c11 metadata.c $(pkg-config --cflags --libs pith) -o metadata
 *   ./metadata examples/article.html https://example.org/news/mill
 *
 * (For libpith installed outside the loader's paths, add
 * -Wl,-rpath,$(pkg-config --variable=libdir pith); see README.md.)
 * tests/install/check.sh builds and runs this file against an installed
 * libpith, so it stays true to the API. */
#include <pith.h>
#include <stdio.h>
#include <stdlib.h>

/* The whole file, or NULL. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, n = 0;
  char *data = malloc(cap);
  size_t got;
  while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *more = realloc(data, cap *= 2);
      if (!more)
        free(data);
      data = more;
    }
  }
  fclose(f);
  *len = n;
  return data;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s PAGE.html [URL]\n", argv[0]);
    return 2;
  }
  size_t len = 0;
  char *page = read_file(argv[1], &len);
  if (!page) {
    perror(argv[1]);
    return 1;
  }
  pith_options opts;
  pith_options_init(&opts);
  opts.url = argc > 2 ? argv[2] : NULL; /* resolves links, helps the metadata */
  pith_result *r = NULL;
  pith_status st = pith_extract(page, len, &opts, &r); /* gzip pages too */
  free(page);
  if (st != PITH_OK) {
    fprintf(stderr, "%s: %s\n", argv[1], r ? pith_result_error(r) : pith_status_string(st));
    pith_result_free(r);
    return 1;
  }
  /* Every field of the json format has an accessor (docs/json.md). */
  const char *title = pith_result_title(r);
  printf("title: %s\n", title ? title : "(none)");
  for (size_t i = 0; i < pith_result_count(r, PITH_FIELD_AUTHORS); i++)
    printf("author: %s\n", pith_result_string_at(r, PITH_FIELD_AUTHORS, i));
  const pith_field shown[] = {PITH_FIELD_DATE_PUBLISHED, PITH_FIELD_SITE_NAME, PITH_FIELD_LANGUAGE};
  for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
    const char *value = pith_result_string(r, shown[i]);
    if (value)
      printf("%s: %s\n", pith_field_name(shown[i]), value);
  }
  pith_image image;
  for (size_t i = 0; pith_result_image(r, i, &image); i++)
    printf("figure: %s (%s)\n", image.src, image.caption ? image.caption : "no caption");
  char *markdown = NULL;
  size_t markdown_len = 0;
  if (pith_render(r, PITH_FORMAT_MARKDOWN, PITH_RENDER_IMAGES, &markdown, &markdown_len) ==
      PITH_OK) {
    printf("\n");
    fwrite(markdown, 1, markdown_len, stdout);
  }
  pith_free(markdown);
  pith_result_free(r);
  return 0;
}
