/* Whether what a page's markup gives as its site's or its section's name
 * is a name: not a web address or a path ("https://www.newsnation.in"
 * gives its host name "newsnation.in"; "/meteo/" none), and for a section not the host name
 * ("gizmodo.com"), not the home page ("Homepage") and not the page's own title. Used by choose_rest
 * (meta/meta.c). */
#include <string.h>

#include "meta/mstr.h"
#include "meta/page.h"
#include "meta/title_form.h"

/* Whether s is an address or a path. */
static int is_address(const char *s) {
  return *s == '/' || strstr(s, "://") != NULL;
}

/* Whether s is a host name: one word of letters, digits and hyphens with
 * a full stop and letters at its end ("gizmodo.com"). */
static int is_host_name(const char *s) {
  const char *dot = strrchr(s, '.');
  if (!dot || dot == s || !dot[1])
    return 0;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
          *p == '-' || *p == '.'))
      return 0;
  for (const char *p = dot + 1; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
      return 0;
  return 1;
}

const char *meta_site_name(mctx *x, const char *s) {
  const char *t = meta_tmp_text(x, s);
  if (!t || !is_address(t))
    return t ? s : NULL;
  char host[256];
  const char *h = strstr(t, "://") ? meta_host_of(t, host, sizeof host) : NULL;
  return h ? arena_strndup(x->tmp, h, strlen(h)) : NULL;
}

const char *meta_section_name(mctx *x, const char *s) {
  static const char *const home[] = {"home", "homepage", "home page", "startseite", "front page"};
  const char *t = meta_tmp_text(x, s);
  if (!t || is_address(t) || is_host_name(t) || mstr_ieq_any(t, home, sizeof home / sizeof *home))
    return NULL;
  const char *title = x->art->title;
  return title && title_same_words_n(t, title, strlen(title)) ? NULL : s;
}

/* The length of the tag of an element that a description holds as
 * markup at s ("<a href=...>", "</p>", "<br/>"), or 0: a name that is no
 * such element's ("<The Palace: Tale of Jang Noksu>") is text. */
static size_t markup_tag(const char *s) {
  static const char *const names[] = {"a", "p", "br", "span", "strong", "em", "b", "i", "div"};
  const char *n = s + 1 + (s[1] == '/');
  for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
    size_t l = strlen(names[k]);
    if (mstr_istarts(n, names[k]) && strchr(" />", n[l])) {
      const char *end = strchr(n, '>');
      return end ? (size_t)(end + 1 - s) : 0;
    }
  }
  return 0;
}

const char *meta_description_text(mctx *x, const char *s) {
  if (!s || !strchr(s, '<'))
    return s;
  size_t len = strlen(s), k = 0;
  char *out = arena_alloc(x->tmp, len + 1);
  if (!out)
    return s;
  for (size_t i = 0; i < len;) {
    size_t tag = s[i] == '<' ? markup_tag(s + i) : 0;
    if (!tag) {
      out[k++] = s[i++];
      continue;
    }
    /* A link in a description is its "Read more": it goes whole. */
    const char *close = mstr_istarts(s + i, "<a") ? mstr_istr(s + i, len - i, "</a>") : NULL;
    i = close ? (size_t)(close - s) + 4 : i + tag;
    out[k++] = ' ';
  }
  out[k] = '\0';
  return out;
}
