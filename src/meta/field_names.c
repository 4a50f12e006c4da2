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

/* Where what is found first at or after a place: a search's answer kept
 * for the places after, so that a description read tag by tag is read
 * once ("<a <a <a ...", "<a>x<a>x..." without a closing "</a>"). */
typedef struct {
  const char *at; /* the answer, NULL for none */
  int searched;
} found;

static const char *find_from(const char *s, const char *end, const char *what, found *f) {
  if (!f->searched || (f->at && f->at < s)) {
    f->at = mstr_istr(s, (size_t)(end - s), what);
    f->searched = 1;
  }
  return f->at;
}

enum { MARKUP_NAMES = 9 };
static const char *const markup_names[MARKUP_NAMES] = {"a",  "p", "br", "span", "strong",
                                                       "em", "b", "i",  "div"};
/* The closing tags, "</a>" ..., in markup_names' order. */
static const char *const markup_closes[MARKUP_NAMES] = {
    "</a>", "</p>", "</br>", "</span>", "</strong>", "</em>", "</b>", "</i>", "</div>"};

/* The searches of one description: its end, the next '>', each name's
 * next closing tag. */
typedef struct {
  const char *start, *end;
  found gt, close[MARKUP_NAMES];
} markup_search;

/* The length of the tag of an element that a description holds as
 * markup at s ("<a href=...>", "</p>", "<br/>", "<b>" before its "</b>"),
 * or 0: a name that is no such element's ("<The Palace: Tale of Jang
 * Noksu>") is text, so is a bare tag that nothing closes after it, unless
 * it opens the description (a page about HTML: "The <div> element groups
 * content", "How to use the <a> tag"). */
static size_t markup_tag(const char *s, markup_search *m) {
  const char *n = s + 1 + (s[1] == '/');
  for (size_t k = 0; k < MARKUP_NAMES; k++) {
    size_t l = strlen(markup_names[k]);
    if (!mstr_istarts(n, markup_names[k]) || !strchr(" />", n[l]))
      continue;
    const char *gt = find_from(n, m->end, ">", &m->gt);
    if (!gt)
      return 0;
    int bare = n == s + 1 && n[l] == '>' && k != 2; /* "<b>", not "</b>", "<br>", "<a href>" */
    if (bare && s > m->start && !find_from(gt, m->end, markup_closes[k], &m->close[k]))
      return 0;
    return (size_t)(gt + 1 - s);
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
  markup_search m = {s + strspn(s, " "), s + len, {0}, {{0}}};
  found end_a = {0};
  for (size_t i = 0; i < len;) {
    size_t tag = s[i] == '<' ? markup_tag(s + i, &m) : 0;
    if (!tag) {
      out[k++] = s[i++];
      continue;
    }
    /* A link in a description is its "Read more": it goes whole. */
    const char *close =
        mstr_istarts(s + i, "<a") ? find_from(s + i, s + len, "</a>", &end_a) : NULL;
    i = close ? (size_t)(close - s) + 4 : i + tag;
    out[k++] = ' ';
  }
  out[k] = '\0';
  return out;
}
