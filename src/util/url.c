#include "util/url.h"

#include <string.h>
#include <strings.h>

#include "util/buf.h"

int url_is_http(const char *u) {
  return u && (!strncasecmp(u, "http://", 7) || !strncasecmp(u, "https://", 8));
}

/* The length of a scheme ("https:" gives 5), or 0 when u has none. */
static size_t scheme_len(const char *u, size_t n) {
  size_t i = 0;
  if (!n || !((u[0] | 32) >= 'a' && (u[0] | 32) <= 'z'))
    return 0;
  while (i < n && (((u[i] | 32) >= 'a' && (u[i] | 32) <= 'z') || (u[i] >= '0' && u[i] <= '9') ||
                   u[i] == '+' || u[i] == '-' || u[i] == '.'))
    i++;
  return i < n && u[i] == ':' ? i : 0;
}

/* Appends path to out (which ends at the authority), removing "." and
 * ".." segments. */
static void append_path(buf *out, const char *path, size_t n) {
  size_t floor = out->len;
  size_t i = 0;
  while (i < n) {
    /* One segment: from i up to the next '/' (exclusive). */
    size_t j = i + 1;
    while (j < n && path[j] != '/')
      j++;
    const char *seg = path + i + 1; /* after the '/' */
    size_t seg_len = j - i - 1;
    int last = j >= n;
    if (seg_len == 1 && seg[0] == '.') {
      if (last)
        buf_putc(out, '/');
    } else if (seg_len == 2 && seg[0] == '.' && seg[1] == '.') {
      while (out->len > floor && out->data[out->len - 1] != '/')
        out->len--;
      if (out->len > floor)
        out->len--; /* the '/' before the removed segment */
      if (last)
        buf_putc(out, '/');
    } else {
      buf_append(out, path + i, j - i);
    }
    i = j;
  }
}

char *url_resolve(arena *mem, const char *base, const char *href) {
  if (!href)
    return NULL;
  while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r' || *href == '\f')
    href++;
  size_t n = strlen(href);
  while (n && (unsigned char)href[n - 1] <= ' ')
    n--;
  if (!n || !strncasecmp(href, "javascript:", 11) || !strncasecmp(href, "data:", 5))
    return NULL;
  if (scheme_len(href, n) || !url_is_http(base))
    return arena_strndup(mem, href, n);

  const char *auth = strstr(base, "://") + 3;
  size_t auth_end = (size_t)(auth - base) + strcspn(auth, "/?#");
  size_t path_end = auth_end + strcspn(base + auth_end, "?#");
  size_t query_end = path_end + strcspn(base + path_end, "#");
  buf out;
  buf_init(&out);
  if (href[0] == '/' && n > 1 && href[1] == '/') { /* "//host/path" */
    buf_append(&out, base, (size_t)(auth - base) - 2);
    buf_append(&out, href, n);
  } else if (href[0] == '#') {
    buf_append(&out, base, query_end);
    buf_append(&out, href, n);
  } else if (href[0] == '?') {
    buf_append(&out, base, path_end);
    buf_append(&out, href, n);
  } else {
    /* A path, with its query and fragment. */
    size_t path_len = strcspn(href, "?#");
    if (path_len > n)
      path_len = n;
    buf_append(&out, base, auth_end);
    buf merged;
    buf_init(&merged);
    if (href[0] == '/') {
      buf_append(&merged, href, path_len);
    } else {
      /* The base's directory, then the reference. */
      size_t dir = auth_end;
      for (size_t i = auth_end; i < path_end; i++)
        if (base[i] == '/')
          dir = i + 1;
      if (dir == auth_end)
        buf_putc(&merged, '/');
      else
        buf_append(&merged, base + auth_end, dir - auth_end);
      buf_append(&merged, href, path_len);
    }
    if (merged.data)
      append_path(&out, merged.data, merged.len);
    if (merged.oom)
      out.oom = 1;
    buf_free(&merged);
    if (out.len == auth_end)
      buf_putc(&out, '/');
    buf_append(&out, href + path_len, n - path_len);
  }
  char *r = out.oom || !out.data ? NULL : arena_strndup(mem, out.data, out.len);
  buf_free(&out);
  return r;
}
