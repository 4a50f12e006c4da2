/* The title: the page's visible headline (<h1>) when it agrees with what
 * the page calls itself (<title>, og:title, the JSON-LD headline), else the
 * best of those with the site's name taken off ("Headline | Site"). */
#ifndef PITH_META_TITLE_H
#define PITH_META_TITLE_H

#include <stddef.h>

#include "util/arena.h"

enum { TITLE_MAX_H1 = 16, TITLE_MAX_SITES = 8, TITLE_MAX_LEAD = 4 };

typedef struct {
  const char *text; /* white space collapsed */
  int chrome;       /* inside a header, nav, aside or footer */
  int home_link;    /* a link to the site's home page */
  /* Its leading parts, outermost first: its first part when that is an
   * element of its own followed by more (a kicker, or the headline before
   * a source's name), then that part's own first part when more follows
   * it too, and so on. */
  const char *lead[TITLE_MAX_LEAD];
  size_t nlead;
} title_heading;

typedef struct {
  const char *doc_title; /* <title> */
  const char *og_title, *tw_title, *ld_headline, *meta_title;
  const char *sites[TITLE_MAX_SITES]; /* names the site goes by */
  size_t nsites;
  const char *host; /* the page's host name, or NULL */
  int home;         /* the page is a site's home page (its address has no path) */
  int article;      /* the page says it is an article (schema.org, og:type) */
  title_heading h1[TITLE_MAX_H1];
  size_t nh1;
} title_input;

/* The title (copied into mem), or NULL when the page gives none.
 * *from_h1 gets the index of the <h1> it comes from, or -1. */
const char *title_choose(const title_input *in, arena *mem, int *from_h1);

/* t without the parts that name the site ("News | Site" gives "News"),
 * copied into mem. */
const char *title_strip_site(const char *t, const title_input *in, arena *mem);

/* The site's name from the end of the page's <title>: "Headline | Site"
 * gives "Site" (copied into mem) when what comes before the separator is
 * the chosen title and the last part names the site: it reads like the
 * page's link home (home_text, the logo's words; may be NULL) or spells
 * the host name. NULL otherwise. */
const char *title_site_part(const char *doc_title, const char *title, const char *home_text,
                            const title_input *in, arena *mem);

/* The length of heading t[0..len) without what a link to it leaves at
 * its end: a pilcrow, a section sign, "#", a link symbol, an icon font's
 * glyph (Unicode's private use area) and the spaces between them. */
size_t title_anchor_end(const char *t, size_t len);

/* Whether s is one of the names the site goes by (or its host name). */
int title_names_site(const char *s, const title_input *in);

#endif
