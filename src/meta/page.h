/* Inside src/meta: what the walk over a page gathers (meta/meta.c) and the
 * helpers each field's choice reads it with. The choices live beside the
 * parsers they use: dates in meta/date_choice.c (its last resort in
 * meta/date_last_resort.c), the title in
 * meta/title_choice.c, authors in meta/author_choice.c; meta.c walks the
 * page once and runs the choices in order. */
#ifndef PITH_META_PAGE_H
#define PITH_META_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "article/article.h"
#include "html/dom.h"
#include "meta/date.h"
#include "meta/jsonld.h"
#include "meta/title.h"
#include "util/arena.h"
#include "util/buf.h"

enum {
  MAX_TAGS = 512,
  MAX_LD = 32,
  MAX_NODES = 128,
  MAX_DATES = 96, /* date candidates */
  MAX_DEPTH = 512,
  MAX_AUTHORS = 8,
  MAX_TAGWORDS = 30,
  MAX_TEXT = 2000, /* bytes of a title, description, name */
  LD_BYTES = 1 << 20,
  UPDATED_SCORE = 30, /* a visible date labelled as an update's */
  SCAN_BYTES = 32768, /* of the page's text, for dates of last resort */
};

/* Where a node sits. */
enum {
  IN_CHROME = 1 << 0,  /* navigation, sidebars, footers, widgets, related links */
  IN_COMMENT = 1 << 1, /* comments and replies */
  IN_HEADER = 1 << 2,  /* a <header> */
  IN_RELATED = 1 << 3, /* lists of other pages: related, popular, teasers, widgets */
};

typedef struct {
  const char *name; /* lower case */
  const char *value;
} mtag;

typedef struct {
  const dom_node *n;
  uint32_t pos;   /* element index in document order */
  unsigned where; /* IN_* */
  int kind;       /* what the collector saw in it */
} mnode;

typedef struct {
  mnode v[MAX_NODES];
  size_t n;
} nodes;

typedef struct {
  meta_date d;
  int score;
  uint32_t pos;
  int shown;          /* SHOWN_*: whether the page shows it to its readers */
  int update;         /* labelled as an update's ("Updated ...", class "updated") */
  int item;           /* ITEM_*: shown in an item of its own: no page's date */
  const dom_node *el; /* the element that shows it, if one does */
  const char *src;    /* where it came from, for debugging */
} date_cand;

/* Whether a date is shown in an item of its own (a card of another post,
 * a list's entry): no (ITEM_NOT); yes, and a text scan may have read its
 * day for the page's (ITEM_OWN: a card's, a list's first entry); yes, a
 * list's later entry (ITEM_LATER). */
enum { ITEM_NOT, ITEM_OWN, ITEM_LATER };

/* Where a date candidate was read: the page's markup for machines, its
 * visible text, or an element of its own (a <time>, a dateline, a byline). */
enum { SHOWN_NOT, SHOWN_TEXT, SHOWN_ELEMENT };

typedef struct {
  arena *mem, *tmp;
  const dom_doc *doc;
  article *art;
  meta_date max;
  date_order order;
  uint32_t pos;
  int title_only; /* only the title asked for: the walk gathers only its inputs */

  mtag tags[MAX_TAGS];
  size_t ntags;
  const char *canonical, *license, *image_src;
  const dom_node *ld[MAX_LD];
  size_t nld;
  nodes h1, times, props, bylines, datelines;
  uint32_t body_chars;        /* visible characters of the body, when measured */
  uint32_t title_pos;         /* the headline's position, or UINT32_MAX */
  const dom_node *title_node; /* the headline's <h1>, or NULL */
  const title_input *tin;     /* what the title was chosen from */
  const dom_node *home_link;  /* the first link home with words (the logo), or NULL */
  uint32_t home_link_pos;
  ld_info ld_info;
  const char *base; /* the address relative links resolve against */

  date_cand dates[MAX_DATES];
  size_t ndates;
  const char *body_text; /* page_text of the body, once asked for */
  int body_text_known;
  /* name_bits of the class and id strings met so far: a page repeats the
   * same few class strings on many elements. */
  struct {
    const char *s; /* NULL: free */
    unsigned bits;
  } names[512];
} mctx;

/* Words of class and id names, by what they say of an element (sorted:
 * looked up by binary search). */
enum {
  W_CHROME = 1 << 0,
  W_COMMENT = 1 << 1,
  W_BYLINE = 1 << 2,
  W_PUBLISHED = 1 << 3,
  W_DATE = 1 << 4,
  W_UPDATED = 1 << 5,
  W_NAME = 1 << 6,
  W_SUBJECT = 1 << 7, /* a topic: category, tag */
  W_RELATED = 1 << 8, /* other pages: related, popular, teaser (also W_CHROME) */
  W_QUOTE = 1 << 9,   /* someone else's words: a quote, a testimonial, a review */
};

/* Class or id words of datelines and bylines. */
enum { K_DATE = 1, K_PUBLISHED = 2, K_UPDATED = 3, K_BYLINE = 4, K_AUTHOR = 5 };

/* ---- helpers (meta/meta.c) ------------------------------------------------ */

/* The value of the page's first <meta> (or itemprop) named name (lower
 * case), or NULL. */
const char *meta_tag(const mctx *x, const char *name);

/* The first of several tag names the page has. */
const char *meta_first_tag(const mctx *x, const char *const *names, size_t n);

/* Text for a field: white space collapsed, character references decoded,
 * at most max bytes, in the result's arena. */
const char *meta_text_value(mctx *x, const char *s, size_t max);

/* s cleaned as meta_text_value does, in the scratch arena, at most
 * MAX_TEXT bytes; NULL when nothing is left. */
const char *meta_tmp_text(mctx *x, const char *s);

/* The text of node n (scratch arena), at most max bytes. */
const char *meta_node_text(mctx *x, const dom_node *n, size_t max);
/* The same, gathered by gather (mstr_node_text's way, or another). */
const char *meta_text_with(mctx *x, const dom_node *n, size_t max,
                           void (*gather)(const dom_node *, buf *, size_t));

int meta_is_http(const char *u);

/* Whether an address is a site's home page: no path beyond "/" (a
 * language's "/en/" aside). */
int meta_is_home(const char *url);

/* Resolves a link against the page's base; NULL when it cannot be made
 * absolute. */
const char *meta_resolve_url(mctx *x, const char *u);

/* s when it is a name for the site's name; the host name when s is a
 * web address; NULL when it is a path (meta/field_names.c). */
const char *meta_site_name(mctx *x, const char *s);
/* s when it is a name for the page's section: not an address, a host
 * name, the home page or the page's title; else NULL. */
const char *meta_section_name(mctx *x, const char *s);

/* Description s without the markup a template left in it ("... and<a
 * class=more href=...>Read More</a>": the link goes whole, other tags
 * leave their text). */
const char *meta_description_text(mctx *x, const char *s);

/* The host name of an address, without "www.", into out. */
const char *meta_host_of(const char *url, char *out, size_t cap);

/* The W_* bits of an element's class and id words. */
unsigned meta_element_bits(const mctx *x, const dom_node *n);

/* Whether a rel (or itemprop) attribute holds token. */
int meta_rel_has(const char *rel, const char *token);

/* K_DATE, K_PUBLISHED or K_UPDATED for an element's W_* bits, or 0. */
int meta_dateline_kind(unsigned bits);

/* Order of day and month in the page's all-numeric dates. */
date_order meta_date_order(const mctx *x);

/* Whether element position pos is close to the headline. */
int meta_near_title(const mctx *x, uint32_t pos);

/* What the page says it is (schema.org type, og:type): "article",
 * "forum", "product", "listing", or NULL. */
const char *meta_page_type(const mctx *x);

/* A product's page, by its schema.org type or og:type. */
int meta_is_product(const mctx *x);

/* The visible text of n less navigation, sidebars, footers and comments,
 * up to max bytes (scratch arena). */
const char *meta_page_text(mctx *x, const dom_node *n, size_t max);

/* The visible text of n less what is in the places of leave_out (IN_*
 * bits), up to max bytes (scratch arena). */
const char *meta_page_text_without(mctx *x, const dom_node *n, size_t max, unsigned leave_out);

/* The visible text of the places of only (IN_* bits) within n, up to max
 * bytes (scratch arena). */
const char *meta_page_text_of(mctx *x, const dom_node *n, size_t max, unsigned only);

/* meta_page_text of the body (SCAN_BYTES of it), read once a page. */
const char *meta_body_text(mctx *x);

/* The visible text after node n in document order, up to max bytes. */
const char *meta_text_after(mctx *x, const dom_node *n, size_t max);

/* The visible text after node n as lines: a line per block. */
const char *meta_lines_after(mctx *x, const dom_node *n, size_t max);

/* Where an element sits on its own (IN_* bits: by its tag and names). */
unsigned meta_where(const mctx *x, const dom_node *n);

/* meta_lines_after less what is in the places of leave_out (IN_* bits). */
const char *meta_lines_after_without(mctx *x, const dom_node *n, size_t max, unsigned leave_out);

/* meta_lines_after_without that ends where the element stop begins (NULL:
 * does not end early). */
const char *meta_lines_until(mctx *x, const dom_node *n, const dom_node *stop, size_t max,
                             unsigned leave_out);

/* ---- items of their own (meta/item.c) ------------------------------------ */

/* The nearest element that holds both a and b. */
const dom_node *meta_common_ancestor(const dom_node *a, const dom_node *b);

/* Whether link a goes to a subject's page ("/tag/x", "/category/y"). */
int meta_subject_link(const dom_node *a);

/* Whether a heading links to another page (not to a place on this one);
 * *budget bounds the elements seen. */
int meta_links_elsewhere(const dom_node *h, size_t *budget);

/* Whether n belongs to an item of its own rather than to the page: an
 * <article>, a quotation, a testimonial or a box under a heading that
 * links to another page, that neither holds the headline nor most of the
 * page's text. */
int meta_in_other_item(const mctx *x, const dom_node *n);

/* Whether n belongs to an entry of a list (a card among cards: a box with
 * a heading that links to another page, beside boxes of its kind) or to a
 * quotation, that neither holds the headline nor most of the page's text.
 * A thread's posts, with no headings of their own, are no such entries. */
int meta_in_list_entry(const mctx *x, const dom_node *n);

/* ---- the choices ---------------------------------------------------------- */

/* art->title from in (filled from the page); sets x->title_pos,
 * x->title_node and x->tin. host: 256 bytes of room for in->host. */
void meta_choose_title(mctx *x, title_input *in, char *host);

/* art->meta.date_published and date_modified. */
void meta_choose_dates(mctx *x);

/* art->meta.authors. */
void meta_choose_authors(mctx *x);

#endif
