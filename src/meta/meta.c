/* Metadata: one walk over the DOM gathers what the page says about itself
 * (meta tags, links, JSON-LD, microdata, headings, <time>s, bylines and
 * datelines); then each field takes the most trusted of its candidates.
 *
 * Dates weigh most. Every candidate gets a score from its source (JSON-LD
 * of the main entity, publication meta tags and the address's own date
 * first; a dateline near the headline next; a date anywhere in the text
 * last) and the best valid one wins: a real calendar date, not before the
 * web and not after the page was fetched. */
#include "meta/meta.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meta/author.h"
#include "meta/date.h"
#include "meta/json.h"
#include "meta/jsonld.h"
#include "meta/lang.h"
#include "meta/mstr.h"
#include "meta/title.h"
#include "util/buf.h"
#include "util/url.h"

enum {
  MAX_TAGS = 512,
  MAX_LD = 32,
  MAX_NODES = 128,
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
  int shown;       /* SHOWN_*: whether the page shows it to its readers */
  const char *src; /* where it came from, for debugging */
} date_cand;

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

  date_cand dates[96];
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

/* ---- the walk ------------------------------------------------------------- */

static int is_home(const char *url);

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
};

#define NW(w, b)                                                                                   \
  { w, sizeof w - 1, b }
static const struct {
  const char *word;
  size_t len;
  unsigned bits;
} name_words[] = {
    NW("auteur", W_BYLINE),
    NW("author", W_BYLINE),
    NW("authored", W_PUBLISHED),
    NW("authorname", W_BYLINE | W_NAME),
    NW("autor", W_BYLINE),
    NW("bigusername", W_BYLINE),
    NW("breadcrumb", W_CHROME),
    NW("byl", W_BYLINE),
    NW("byline", W_BYLINE | W_DATE),
    NW("comment", W_COMMENT),
    NW("contributor", W_BYLINE),
    NW("cookie", W_CHROME),
    NW("created", W_PUBLISHED),
    NW("creator", W_BYLINE),
    NW("data", W_DATE),
    NW("date", W_DATE),
    NW("dateline", W_PUBLISHED),
    NW("datetime", W_DATE),
    NW("datum", W_DATE),
    NW("entrydate", W_PUBLISHED),
    NW("entrymeta", W_DATE),
    NW("fecha", W_DATE),
    NW("footer", W_CHROME),
    NW("info", W_DATE),
    NW("journalist", W_BYLINE),
    NW("lastmodified", W_UPDATED),
    NW("menu", W_CHROME),
    NW("meta", W_DATE),
    NW("metadata", W_DATE),
    NW("modal", W_CHROME),
    NW("modified", W_UPDATED),
    NW("more", W_CHROME),
    NW("name", W_NAME),
    NW("nav", W_CHROME),
    NW("navbar", W_CHROME),
    NW("navigation", W_CHROME),
    NW("newsletter", W_CHROME),
    NW("outbrain", W_CHROME),
    NW("popular", W_CHROME),
    NW("popup", W_CHROME),
    NW("postauthor", W_BYLINE),
    NW("postdate", W_PUBLISHED),
    NW("posted", W_PUBLISHED),
    NW("postedby", W_BYLINE),
    NW("postmeta", W_DATE),
    NW("promo", W_CHROME),
    NW("pubdate", W_PUBLISHED),
    NW("publication", W_PUBLISHED),
    NW("publish", W_PUBLISHED),
    NW("publishdate", W_PUBLISHED),
    NW("published", W_PUBLISHED),
    NW("publishedat", W_PUBLISHED),
    NW("recirc", W_CHROME),
    NW("recommended", W_CHROME),
    NW("related", W_CHROME),
    NW("replies", W_COMMENT),
    NW("reply", W_COMMENT),
    NW("reporter", W_BYLINE),
    NW("respond", W_COMMENT),
    NW("share", W_CHROME),
    NW("sharing", W_CHROME),
    NW("sidebar", W_CHROME),
    NW("social", W_CHROME),
    NW("submitted", W_PUBLISHED),
    NW("taboola", W_CHROME),
    NW("teaser", W_CHROME),
    NW("time", W_DATE),
    NW("timestamp", W_PUBLISHED),
    NW("trending", W_CHROME),
    NW("update", W_UPDATED),
    NW("updated", W_UPDATED),
    NW("username", W_BYLINE),
    NW("widget", W_CHROME),
    NW("writer", W_BYLINE),
};
#undef NW

/* Byte order of two short words (inline: this runs for every class name
 * of every element). */
static int word_cmp(const char *a, size_t an, const char *b, size_t bn) {
  size_t k = an < bn ? an : bn;
  for (size_t i = 0; i < k; i++)
    if (a[i] != b[i])
      return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
  return an < bn ? -1 : an > bn;
}

/* Where the table's words of each first byte begin: a word's search starts
 * among those of its first letter (and most words have none). */
static uint16_t words_from[257];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static void index_words(void) {
  size_t n = sizeof name_words / sizeof *name_words, i = 0;
  for (unsigned c = 0; c <= 256; c++) {
    while (i < n && (unsigned char)name_words[i].word[0] < c)
      i++;
    words_from[c] = (uint16_t)i;
  }
}

static unsigned word_bits(const char *w, size_t n) {
  /* The table's words are 3 to 12 letters long. */
  if (n < 3 || n > 13)
    return 0;
  pthread_once(&words_once, index_words);
  unsigned char first = (unsigned char)w[0];
  for (int plural = 0; plural < 2; plural++) {
    size_t lo = words_from[first], hi = words_from[first + 1];
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      int c = word_cmp(name_words[mid].word, name_words[mid].len, w, n);
      if (!c)
        return name_words[mid].bits;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    /* "authors", "comments", "dates" */
    if (n < 4 || w[n - 1] != 's')
      break;
    n--;
  }
  return 0;
}

/* The bits of the words of a class or id value: words split at
 * punctuation and at camelCase humps; two words together count as one too
 * ("by-line", "entry_date"). */
static unsigned name_bits(const char *s) {
  if (!s)
    return 0;
  unsigned bits = 0;
  char prev[24], cur[24];
  size_t np = 0, nc = 0;
  for (const char *p = s;; p++) {
    char c = *p;
    int lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    int hump = upper && nc > 0 && p[-1] >= 'a' && p[-1] <= 'z';
    if ((lower || upper || digit) && !hump) {
      if (nc < sizeof cur)
        cur[nc++] = (char)(upper ? c + 32 : c);
      continue;
    }
    if (nc && nc < sizeof cur) {
      bits |= word_bits(cur, nc);
      if (np && np + nc < sizeof cur) {
        char both[48];
        memcpy(both, prev, np);
        memcpy(both + np, cur, nc);
        bits |= word_bits(both, np + nc);
      }
      memcpy(prev, cur, nc);
      np = nc;
    } else if (!nc) {
      np = c == ' ' ? 0 : np; /* separate class names do not join */
    }
    nc = 0;
    if (hump) {
      cur[nc++] = (char)(c + 32);
      continue;
    }
    if (!c)
      break;
    if (c == ' ')
      np = 0;
  }
  return bits;
}

/* name_bits(s), looked up among the strings this page has shown before
 * (a memo: x is logically const). */
static unsigned cached_name_bits(const mctx *cx, const char *s) {
  mctx *x = (mctx *)cx;
  enum { SLOTS = sizeof x->names / sizeof *x->names, PROBES = 8 };
  uint32_t h = 2166136261u;
  for (const char *p = s; *p; p++)
    h = (h ^ (unsigned char)*p) * 16777619u;
  for (uint32_t i = 0; i < PROBES; i++) {
    uint32_t k = (h + i) & (SLOTS - 1);
    if (!x->names[k].s) {
      x->names[k].s = s;
      return x->names[k].bits = name_bits(s);
    }
    if (!strcmp(x->names[k].s, s))
      return x->names[k].bits;
  }
  return name_bits(s);
}

/* Memoised on the node: several passes ask for the same element's bits. */
static unsigned element_bits(const mctx *x, const dom_node *n) {
  if (n->meta_bits & (1u << 31))
    return n->meta_bits & ~(1u << 31);
  unsigned bits =
      (n->cls ? cached_name_bits(x, n->cls) : 0) | (n->id ? cached_name_bits(x, n->id) : 0);
  ((dom_node *)n)->meta_bits = bits | (1u << 31);
  return bits;
}

static unsigned where_of(const mctx *x, const dom_node *n, unsigned bits) {
  unsigned w = 0;
  tag_id t = (tag_id)n->tag;
  /* Names on the page's wrappers are layout ("has-sidebar", "with-comments"):
   * html, body, main, article, and whatever holds most of the page's text
   * (as the extractor measured it). */
  if (t == TAG_HTML || t == TAG_BODY || t == TAG_MAIN || t == TAG_ARTICLE)
    return 0;
  if (x->body_chars && n->chars * 2 >= x->body_chars)
    return 0;
  if (t == TAG_NAV || t == TAG_ASIDE || t == TAG_FOOTER)
    w |= IN_CHROME;
  if (t == TAG_HEADER)
    w |= IN_HEADER;
  if (bits & W_CHROME)
    w |= IN_CHROME;
  if (bits & W_COMMENT)
    w |= IN_COMMENT;
  return w;
}

static void keep(nodes *list, const dom_node *n, uint32_t pos, unsigned where, int kind) {
  /* Navigation and sidebars get half the room at most. */
  if (list->n == MAX_NODES || ((where & IN_CHROME) && list->n >= MAX_NODES / 2))
    return;
  mnode *m = &list->v[list->n++];
  m->n = n;
  m->pos = pos;
  m->where = where;
  m->kind = kind;
}

static char *lower_copy(arena *a, const char *s) {
  size_t n = strlen(s);
  if (n > 100)
    n = 100;
  char *c = arena_strndup(a, s, n);
  if (!c)
    return NULL;
  for (char *p = c; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      *p = (char)(*p + 32);
  return c;
}

static void add_tag(mctx *x, const char *name, const char *value) {
  if (!name || !value || !*value || x->ntags == MAX_TAGS)
    return;
  char *k = lower_copy(x->tmp, name);
  if (!k)
    return;
  /* Spaces around names happen ("og:title "). */
  size_t n = mstr_squeeze(k, strlen(k));
  if (!n)
    return;
  x->tags[x->ntags].name = k;
  x->tags[x->ntags].value = value;
  x->ntags++;
}

/* Whether a rel attribute holds token (space-separated, any case). */
static int rel_has(const char *rel, const char *token) {
  if (!rel)
    return 0;
  size_t k = strlen(token);
  for (const char *p = rel; *p;) {
    while (*p == ' ')
      p++;
    size_t n = strcspn(p, " ");
    if (n == k && mstr_istarts(p, token))
      return 1;
    p += n;
  }
  return 0;
}

/* Class or id words of datelines and bylines. */
enum { K_DATE = 1, K_PUBLISHED = 2, K_UPDATED = 3, K_BYLINE = 4, K_AUTHOR = 5 };

static int dateline_kind(unsigned bits) {
  if (bits & W_UPDATED)
    return K_UPDATED;
  if (bits & W_PUBLISHED)
    return K_PUBLISHED;
  if (bits & W_DATE)
    return K_DATE;
  return 0;
}

static int byline_kind(const dom_node *n, unsigned bits) {
  if (n->attrs && rel_has(dom_attr_get(n, "rel"), "author"))
    return K_AUTHOR;
  return (bits & W_BYLINE) ? K_BYLINE : 0;
}

static void walk(mctx *x, const dom_node *n, unsigned where, unsigned depth) {
  for (const dom_node *c = n->first; c; c = c->next) {
    if (c->tag == TAG_TEXT)
      continue;
    uint32_t pos = x->pos++;
    unsigned bits = (c->cls || c->id) ? element_bits(x, c) : 0;
    unsigned w = where | where_of(x, c, bits);
    tag_id t = (tag_id)c->tag;
    const char *itemprop = c->attrs ? dom_attr_get(c, "itemprop") : NULL;
    switch (t) {
    case TAG_META: {
      const char *content = dom_attr_get(c, "content");
      if (!content)
        content = dom_attr_get(c, "value");
      add_tag(x, dom_attr_get(c, "property"), content);
      add_tag(x, dom_attr_get(c, "name"), content);
      add_tag(x, dom_attr_get(c, "itemprop"), content);
      add_tag(x, dom_attr_get(c, "http-equiv"), content);
      continue;
    }
    case TAG_LINK: {
      const char *rel = dom_attr_get(c, "rel"), *href = dom_attr_get(c, "href");
      if (!href || !*href)
        continue;
      if (rel_has(rel, "canonical") && !x->canonical)
        x->canonical = href;
      if (rel_has(rel, "license") && !x->license)
        x->license = href;
      if (rel_has(rel, "image_src") && !x->image_src)
        x->image_src = href;
      if (itemprop)
        add_tag(x, itemprop, href);
      continue;
    }
    case TAG_SCRIPT: {
      const char *type = dom_attr_get(c, "type");
      if (type && mstr_istr(type, strlen(type), "ld+json") && x->nld < MAX_LD)
        x->ld[x->nld++] = c;
      continue;
    }
    case TAG_TITLE:
    case TAG_STYLE:
    case TAG_TEMPLATE:
    case TAG_SVG:
      continue;
    case TAG_H1:
      if (!(c->kind & DOM_HIDDEN))
        keep(&x->h1, c, pos, w, 0);
      break;
    case TAG_TIME:
      keep(&x->times, c, pos, w, 0);
      break;
    case TAG_A: {
      const char *href = dom_attr_get(c, "href");
      if (rel_has(dom_attr_get(c, "rel"), "license") && !x->license)
        x->license = href;
      if (!x->home_link && !(w & IN_COMMENT) && c->first && href &&
          (!strcmp(href, "/") || is_home(href))) {
        x->home_link = c;
        x->home_link_pos = pos;
      }
      break;
    }
    default:
      break;
    }
    if (itemprop) {
      static const char *const props[] = {"datePublished", "dateCreated", "dateModified",
                                          "author",        "creator",     "headline"};
      for (size_t i = 0; i < sizeof props / sizeof *props; i++)
        if (rel_has(itemprop, props[i])) {
          keep(&x->props, c, pos, w, (int)i);
          break;
        }
    }
    if (!(w & IN_COMMENT) && !(c->kind & DOM_HIDDEN)) {
      int k = byline_kind(c, bits);
      if (k)
        keep(&x->bylines, c, pos, w, k);
      k = dateline_kind(bits);
      if (k)
        keep(&x->datelines, c, pos, w, k);
    }
    if (depth < MAX_DEPTH && c->first)
      walk(x, c, w, depth + 1);
  }
}

/* ---- helpers -------------------------------------------------------------- */

static const char *tag_value(const mctx *x, const char *name) {
  for (size_t i = 0; i < x->ntags; i++)
    if (!strcmp(x->tags[i].name, name))
      return x->tags[i].value;
  return NULL;
}

/* The first of several tag names the page has. */
static const char *first_tag(const mctx *x, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const char *v = tag_value(x, names[i]);
    if (v && *v)
      return v;
  }
  return NULL;
}

/* Text for a field: white space collapsed, character references decoded,
 * at most max bytes, in the result's arena. */
static const char *text_value(mctx *x, const char *s, size_t max) {
  if (!s)
    return NULL;
  char *c = mstr_clean(x->mem, s, strlen(s), max + 64);
  if (!c)
    return NULL;
  size_t n = mstr_decode_entities(c, strlen(c));
  n = mstr_squeeze(c, n);
  if (n > max) {
    while (n > max || (n > 0 && ((unsigned char)c[n] & 0xC0) == 0x80))
      n--;
    c[n] = '\0';
  }
  return n ? c : NULL;
}

static const char *node_text(mctx *x, const dom_node *n, size_t max) {
  buf b;
  buf_init(&b);
  mstr_node_text(n, &b, max * 2 + 64);
  const char *t = b.data ? mstr_clean(x->tmp, b.data, b.len, max) : NULL;
  buf_free(&b);
  return t;
}

static int is_http(const char *u) {
  return mstr_istarts(u, "http://") || mstr_istarts(u, "https://");
}

/* Resolves a link against base; NULL when it cannot be made absolute. */
static const char *resolve_url(mctx *x, const char *u) {
  if (!u || strlen(u) > 4000 || !(url_is_http(u) || url_is_http(x->base)))
    return NULL;
  char *r = url_resolve(x->mem, x->base, u);
  return url_is_http(r) ? r : NULL; /* an absolute web address, or none */
}

/* The host name of an address, without "www.", into out. */
static const char *host_of(const char *url, char *out, size_t cap) {
  if (!url)
    return NULL;
  const char *h = strstr(url, "://");
  if (!h)
    return NULL;
  h += 3;
  if (mstr_istarts(h, "www."))
    h += 4;
  size_t n = strcspn(h, "/?#:");
  if (!n || n >= cap)
    return NULL;
  for (size_t i = 0; i < n; i++)
    out[i] = (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] + 32 : h[i]);
  out[n] = '\0';
  return out;
}

/* ---- JSON-LD -------------------------------------------------------------- */

static void read_jsonld(mctx *x) {
  ld_set *set = arena_calloc(x->tmp, sizeof *set);
  if (!set)
    return;
  for (size_t i = 0; i < x->nld; i++) {
    buf b;
    buf_init(&b);
    for (const dom_node *c = x->ld[i]->first; c && b.len < LD_BYTES; c = c->next)
      if (c->tag == TAG_TEXT)
        buf_append(&b, c->text, c->text_len);
    if (b.data && !b.oom) {
      json_value *v = json_parse(b.data, b.len, x->tmp, 64);
      if (v)
        jsonld_add(set, v);
    }
    buf_free(&b);
  }
  const char *url = x->canonical ? x->canonical : x->art->url;
  jsonld_read(set, url, &x->ld_info);
}

/* ---- dates ---------------------------------------------------------------- */

static date_cand *add_date(mctx *x, const meta_date *d, int score, uint32_t pos, const char *src) {
  if (!date_valid(d, &x->max) || x->ndates == sizeof x->dates / sizeof *x->dates)
    return NULL;
  date_cand *c = &x->dates[x->ndates++];
  c->d = *d;
  c->score = score;
  c->pos = pos;
  c->shown = SHOWN_NOT;
  c->src = src;
  return c;
}

static void add_shown(mctx *x, const meta_date *d, int score, uint32_t pos, const char *src) {
  date_cand *c = add_date(x, d, score, pos, src);
  if (c)
    c->shown = SHOWN_TEXT;
}

/* A date seen on the page: labelled as an update's (r == 2), it stands
 * only for want of anything else. */
static void add_visible(mctx *x, const meta_date *d, int r, int score, uint32_t pos,
                        const char *src, int shown) {
  date_cand *c = add_date(x, d, r == 2 ? UPDATED_SCORE : score, pos, r == 2 ? "updated" : src);
  if (c)
    c->shown = r == 2 ? SHOWN_TEXT : shown;
}

static void add_date_text(mctx *x, const char *s, int score, uint32_t pos, const char *src) {
  meta_date d;
  if (s && date_parse(s, strlen(s), &d))
    add_date(x, &d, score, pos, src);
}

/* Meta names of the publication date, most trusted first, with scores. */
static const struct {
  const char *name;
  int score;
} published_tags[] = {
    {"article:published_time", 95},
    {"og:article:published_time", 95},
    {"article:published", 93},
    {"og:published_time", 93},
    {"datepublished", 92},
    {"parsely-pub-date", 92},
    {"sailthru.date", 90},
    {"citation_publication_date", 92},
    {"citation_date", 90},
    {"citation_online_date", 88},
    {"dc.date.issued", 92},
    {"dcterms.issued", 92},
    {"pubdate", 90},
    {"publishdate", 90},
    {"publish-date", 90},
    {"publish_date", 90},
    {"published_time", 90},
    {"published-date", 90},
    {"publication_date", 90},
    {"article.published", 90},
    {"original-publish-date", 93},
    {"article_date_original", 93},
    {"rnews:datepublished", 90},
    {"cxenseparse:recs:publishtime", 88},
    {"date", 82},
    {"dc.date", 84},
    {"dcterms.date", 84},
    {"dc.date.created", 84},
    {"dcterms.created", 84},
    {"datecreated", 82},
    {"created", 70},
    {"displaydate", 85},
    {"originalpublicationdate", 90},
    {"article:post_date", 85},
    {"bt:pubdate", 88},
    {"og:pubdate", 88},
};

static const char *const modified_tags[] = {
    "article:modified_time",    "og:updated_time",  "article:modified", "datemodified",
    "dc.date.modified",         "dcterms.modified", "last-modified",    "lastmod",
    "og:article:modified_time", "modified_time",    "revised",          "parsely-updated",
};

static date_order order_of(const mctx *x) {
  const char *lang = x->doc->html ? dom_attr_get(x->doc->html, "lang") : NULL;
  if (!lang)
    lang = tag_value(x, "og:locale");
  if (!lang)
    lang = tag_value(x, "content-language");
  if (lang && (mstr_istarts(lang, "en-us") || mstr_istarts(lang, "en_us")))
    return DATE_MDY;
  /* A page in English without a region: American usage is the commoner. */
  if (lang && mstr_ieq(lang, "en"))
    return DATE_MDY;
  return DATE_DMY;
}

/* How close to the headline pos is: 0 far .. 1 right by it. */
static int near_title(const mctx *x, uint32_t pos) {
  if (x->title_pos == UINT32_MAX)
    return 0;
  if (pos + 40 >= x->title_pos && pos <= x->title_pos + 150)
    return 1;
  return 0;
}

/* Whether one of labels ends a word within the window bytes before
 * text[at] (as a word of its own: "edited" is not "credited"). */
static int label_before(const char *text, size_t at, size_t window, const char *const *labels,
                        size_t n) {
  size_t from = at > window ? at - window : 0;
  for (size_t i = 0; i < n; i++) {
    const char *p = text + from;
    size_t k = strlen(labels[i]);
    while ((p = mstr_istr(p, at - (size_t)(p - text), labels[i]))) {
      /* A word starts after a digit too: inline elements' text runs
       * together ("22, 2022Updated: ..."). */
      int start = p == text || !mstr_is_alnum((unsigned char)p[-1]) ||
                  (unsigned char)p[-1] >= 0x80 || (p[-1] >= '0' && p[-1] <= '9');
      if (start)
        return 1;
      p += k;
    }
  }
  return 0;
}

/* Whether the words just before text[at] say the date is an update's. */
static int update_label(const char *text, size_t at) {
  static const char *const labels[] = {
      "updated",    "update",      "modified",    "aktualisiert",  "geändert",
      "mis à jour", "mise à jour", "actualizado", "actualización", "aggiornato",
      "atualizado", "bijgewerkt",  "edited",      "revised",       "last reviewed"};
  return label_before(text, at, 30, labels, sizeof labels / sizeof *labels);
}

/* Whether the words just before text[at] say the date is a publication's. */
static int publish_label(const char *text, size_t at) {
  static const char *const labels[] = {
      "published", "posted",       "publié",       "publicado",     "pubblicato", "veröffentlicht",
      "erstellt",  "gepubliceerd", "opublikowano", "mise en ligne", "written on", "date:",
      "datum:",    "fecha:",       "data:",        "publication",   "released",   "erschienen"};
  return label_before(text, at, 32, labels, sizeof labels / sizeof *labels);
}

/* The first date in text that is not labelled as an update: 1, or 2 when
 * there are only updates' dates (*d the first of them), or 0. */
static int published_in(const mctx *x, const char *text, size_t len, int short_years,
                        meta_date *d) {
  size_t off = 0;
  int found = 0;
  meta_date first;
  for (int tries = 0; tries < 8 && off < len; tries++) {
    size_t at;
    if (!date_find(text + off, len - off, x->order, short_years, d, &at))
      break;
    if (!update_label(text, off + at))
      return 1;
    if (!found)
      first = *d;
    found = 1;
    off += at + 1;
    while (off < len && text[off] >= '0' && text[off] <= '9')
      off++;
  }
  if (found)
    *d = first;
  return found ? 2 : 0;
}

/* A date written in an element's attributes or text: 1, or 2 when it is
 * labelled as an update ("Updated: June 9, 2017"), or 0. */
static int element_date(mctx *x, const dom_node *n, int short_years, meta_date *d) {
  static const char *const attrs[] = {"datetime",  "content",        "data-datetime",
                                      "data-date", "data-timestamp", "title"};
  for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) {
    const char *v = dom_attr_get(n, attrs[i]);
    if (v && date_parse(v, strlen(v), d) && d->d) {
      /* "Last updated <time datetime=...>": the words before it, or in it. */
      const char *t = node_text(x, n, 120);
      const dom_node *prev = n->prev;
      while (prev && prev->tag == TAG_TEXT && prev->text_len <= 1)
        prev = prev->prev;
      const char *before = prev ? node_text(x, prev, 120) : NULL;
      /* In its text the label stands before the written date ("Updated on
       * June 18, 2025 at 12:35 PM"), however long the rest. */
      size_t at = t ? strlen(t) : 0;
      meta_date shown;
      if (t && !date_find(t, at, x->order, 0, &shown, &at))
        at = strlen(t);
      if ((t && update_label(t, at)) || (before && update_label(before, strlen(before))))
        return 2;
      return 1;
    }
  }
  const char *t = node_text(x, n, 300);
  return t ? published_in(x, t, strlen(t), short_years, d) : 0;
}

/* A product's page, by its schema.org type or og:type. */
static int is_product(const mctx *x) {
  const char *og = tag_value(x, "og:type");
  return x->ld_info.kind == LD_PRODUCT || (og && mstr_istarts(og, "product"));
}

static void collect_dates(mctx *x) {
  const ld_info *ld = &x->ld_info;
  /* JSON-LD. */
  if (ld->date_published) {
    int s = ld->kind >= LD_OTHER ? 100 : 72;
    add_date_text(x, ld->date_published, s, 0, "ld");
  }
  if (ld->page_date_published)
    add_date_text(x, ld->page_date_published, 72, 0, "ld-page");
  /* Meta tags. */
  for (size_t i = 0; i < sizeof published_tags / sizeof *published_tags; i++)
    add_date_text(x, tag_value(x, published_tags[i].name), published_tags[i].score, 0,
                  published_tags[i].name);
  /* The address. */
  const char *urls[3] = {x->canonical, tag_value(x, "og:url"), x->art->url};
  for (int i = 0; i < 3; i++) {
    meta_date d;
    if (urls[i] && date_from_url(urls[i], &d) == 3) {
      add_date(x, &d, 105, 0, "url");
      break;
    }
  }
  /* A product page's visible dates are its reviews' and offers': only
   * what the page says of itself above counts. */
  if (is_product(x))
    return;
  /* Microdata. Many dated items, none by the headline, are a list of
   * other pages (cards of related articles), as much as a sidebar is. */
  size_t dated = 0, by_title = 0;
  for (size_t i = 0; i < x->props.n; i++)
    if (x->props.v[i].kind <= 1 && !(x->props.v[i].where & IN_COMMENT)) {
      dated++;
      by_title += near_title(x, x->props.v[i].pos);
    }
  int list = dated >= 3 && !by_title && x->title_pos != UINT32_MAX;
  for (size_t i = 0; i < x->props.n; i++) {
    const mnode *m = &x->props.v[i];
    if (m->kind > 1 || (m->where & IN_COMMENT))
      continue;
    meta_date d;
    int r = element_date(x, m->n, 0, &d);
    if (r)
      add_visible(x, &d, r,
                  (m->where & IN_CHROME) || list ? 50
                  : m->kind == 0                 ? 90
                                                 : 80,
                  m->pos, "itemprop", SHOWN_ELEMENT);
  }
  /* <time> elements. */
  int first_time = 1;
  for (size_t i = 0; i < x->times.n; i++) {
    const mnode *m = &x->times.v[i];
    if ((m->where & IN_COMMENT) || ((m->where & IN_CHROME) && !near_title(x, m->pos)))
      continue;
    const dom_node *n = m->n;
    meta_date d;
    int r = element_date(x, n, 0, &d);
    if (!r)
      continue;
    int k = dateline_kind(element_bits(x, n));
    for (const dom_node *p = n->parent;
         !k && p && p->tag != TAG_BODY && p->tag != TAG_TEXT && n->depth - p->depth <= 2;
         p = p->parent)
      k = dateline_kind(element_bits(x, p));
    int s = dom_attr_get(n, "pubdate") ? 88 : k == K_PUBLISHED ? 80 : 55;
    if (near_title(x, m->pos))
      s += 10;
    if (m->where & IN_CHROME)
      s -= 15;
    if (first_time)
      s += 3;
    first_time = 0;
    add_visible(x, &d, k == K_UPDATED ? 2 : r, s, m->pos, "time", SHOWN_ELEMENT);
  }
  /* Datelines: elements named for dates, near the headline. */
  for (size_t i = 0; i < x->datelines.n; i++) {
    const mnode *m = &x->datelines.v[i];
    if ((m->where & IN_CHROME) && !near_title(x, m->pos))
      continue;
    meta_date d;
    int r = element_date(x, m->n, 1, &d);
    if (!r)
      continue;
    int s = m->kind == K_PUBLISHED ? 62 : 52;
    if (near_title(x, m->pos))
      s += 10;
    if (m->where & IN_CHROME)
      s -= 15;
    add_visible(x, &d, m->kind == K_UPDATED ? 2 : r, s, m->pos, "dateline", SHOWN_ELEMENT);
  }
  /* Bylines often carry the date too. */
  for (size_t i = 0; i < x->bylines.n; i++) {
    const mnode *m = &x->bylines.v[i];
    if ((m->where & IN_CHROME) && !near_title(x, m->pos))
      continue;
    meta_date d;
    const char *t = node_text(x, m->n, 300);
    int r = t ? published_in(x, t, strlen(t), 1, &d) : 0;
    /* "<a rel=author>Jane Doe</a>, 8.5.12": the line around the name. */
    if (!r && m->n->parent && m->n->parent->tag != TAG_TEXT) {
      t = node_text(x, m->n->parent, 300);
      r = t && strlen(t) < 200 ? published_in(x, t, strlen(t), 1, &d) : 0;
    }
    if (r)
      add_visible(x, &d, r, near_title(x, m->pos) ? 60 : 50, m->pos, "byline", SHOWN_ELEMENT);
  }
}

/* The visible text of the page less its navigation, sidebars, footers and
 * comments, up to max bytes. */
static void page_text_walk(const mctx *x, const dom_node *n, buf *b, size_t max, unsigned depth) {
  for (const dom_node *c = n->first; c && b->len < max && !b->oom; c = c->next) {
    if (c->tag == TAG_TEXT) {
      if (!(c->kind & DOM_RAWTEXT))
        buf_append(b, c->text, c->text_len);
      continue;
    }
    if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN))
      continue;
    unsigned bits = (c->cls || c->id) ? element_bits(x, c) : 0;
    if (where_of(x, c, bits) & (IN_CHROME | IN_COMMENT))
      continue;
    int block = tag_flags((tag_id)c->tag) == T_BLOCK || c->tag == TAG_BR;
    if (block)
      buf_putc(b, ' ');
    if (depth < MAX_DEPTH)
      page_text_walk(x, c, b, max, depth + 1);
    if (block)
      buf_putc(b, ' ');
  }
}

static const char *page_text(mctx *x, const dom_node *n, size_t max);

/* The body's visible text (SCAN_BYTES of it), read once a page. */
static const char *body_text(mctx *x) {
  if (!x->body_text_known) {
    x->body_text = x->doc->body ? page_text(x, x->doc->body, SCAN_BYTES) : NULL;
    x->body_text_known = 1;
  }
  return x->body_text;
}

static const char *page_text(mctx *x, const dom_node *n, size_t max) {
  buf b;
  buf_init(&b);
  page_text_walk(x, n, &b, max, 0);
  const char *t = b.data && !b.oom ? mstr_clean(x->tmp, b.data, b.len, max) : NULL;
  buf_free(&b);
  return t;
}

/* The visible text after node n in document order, up to max bytes. */
static const char *text_after(mctx *x, const dom_node *n, size_t max) {
  buf b;
  buf_init(&b);
  const dom_node *root = x->doc->root;
  for (const dom_node *c = dom_next(root, n, 1); c && b.len < max && !b.oom;) {
    int skip = 0;
    if (c->tag == TAG_TEXT) {
      if (!(c->kind & DOM_RAWTEXT)) {
        buf_append(&b, c->text, c->text_len);
        buf_putc(&b, ' ');
      }
    } else if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN) ||
               (where_of(x, c, (c->cls || c->id) ? element_bits(x, c) : 0) &
                (IN_CHROME | IN_COMMENT))) {
      skip = 1; /* never-visible, or navigation, sidebars, comments */
    } else if (tag_flags((tag_id)c->tag) == T_BLOCK) {
      buf_putc(&b, ' ');
    }
    c = dom_next(root, c, skip);
  }
  const char *t = b.data ? mstr_clean(x->tmp, b.data, b.len, max) : NULL;
  buf_free(&b);
  return t;
}

/* The visible text after node n as lines: a line per block, up to max
 * bytes, white space within a line collapsed. */
static const char *lines_after(mctx *x, const dom_node *n, size_t max) {
  buf b;
  buf_init(&b);
  const dom_node *root = x->doc->root;
  int space = 0;
  for (const dom_node *c = dom_next(root, n, 1); c && b.len < max && !b.oom;) {
    int skip = 0;
    /* What follows a block ends its line too ("<p>By Jane Doe</p><a>3
     * comments</a>"). */
    if (c->prev && c->prev->tag != TAG_TEXT && tag_flags((tag_id)c->prev->tag) == T_BLOCK &&
        b.len && b.data[b.len - 1] != '\n') {
      buf_putc(&b, '\n');
      space = 0;
    }
    if (c->tag == TAG_TEXT) {
      if (!(c->kind & DOM_RAWTEXT))
        for (uint32_t i = 0; i < c->text_len; i++) {
          unsigned char ch = (unsigned char)c->text[i];
          if (ch <= ' ') {
            space = b.len > 0;
            continue;
          }
          if (space && b.len && b.data[b.len - 1] != '\n')
            buf_putc(&b, ' ');
          space = 0;
          buf_putc(&b, (char)ch);
        }
    } else if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN)) {
      skip = 1;
    } else if (tag_flags((tag_id)c->tag) == T_BLOCK || c->tag == TAG_BR) {
      if (b.len && b.data[b.len - 1] != '\n')
        buf_putc(&b, '\n');
      space = 0;
    }
    c = dom_next(root, c, skip);
  }
  const char *t = b.data && !b.oom ? arena_strndup(x->tmp, b.data, b.len) : NULL;
  buf_free(&b);
  return t;
}

/* The text near the headline and the start of the main text: datelines
 * that carry no telling class ("Posted on June 9, 2017"). */
static void text_dates(mctx *x) {
  if (x->title_pos != UINT32_MAX) {
    const dom_node *h = NULL;
    for (size_t i = 0; i < x->h1.n; i++)
      if (x->h1.v[i].pos == x->title_pos)
        h = x->h1.v[i].n;
    /* The headline's surroundings: up to a few levels up, while they are
     * small (a header, not the whole page). */
    const dom_node *box = h;
    const char *t = NULL;
    for (int up = 0; box && box->parent && box->parent->tag != TAG_TEXT && up < 3; up++) {
      const char *bigger = page_text(x, box->parent, 1500);
      if (bigger && strlen(bigger) > 600)
        break;
      box = box->parent;
      t = bigger;
    }
    meta_date d;
    int r = t ? published_in(x, t, strlen(t), 1, &d) : 0;
    if (r)
      add_visible(x, &d, r, 45, x->title_pos, "near-title", SHOWN_TEXT);
    /* What follows the headline. */
    t = h ? text_after(x, h, 400) : NULL;
    r = t ? published_in(x, t, strlen(t), 1, &d) : 0;
    if (r)
      add_visible(x, &d, r, 44, x->title_pos, "after-title", SHOWN_TEXT);
  }
  /* The main text's first blocks. */
  size_t seen = 0;
  for (const article_block *b = x->art->first; b && seen < 1500; b = b->next) {
    meta_date d;
    int r = b->len < 200 ? published_in(x, b->text, b->len, 0, &d) : 0;
    if (r) {
      add_visible(x, &d, r, 35, UINT32_MAX, "text", SHOWN_TEXT);
      break;
    }
    seen += b->len;
  }
}

/* "This article was originally published on 26 Sep 2019": the page says
 * outright when it first came out, above anything its markup says. */
static void original_dates(mctx *x) {
  static const char *const phrases[] = {
      "originally published", "originally posted",       "ursprünglich veröffentlicht",
      "publié initialement",  "publicado originalmente", "pubblicato originariamente"};
  const char *t = body_text(x);
  size_t len = t ? strlen(t) : 0;
  for (size_t i = 0; t && i < sizeof phrases / sizeof *phrases; i++) {
    const char *p = mstr_istr(t, len, phrases[i]);
    if (!p)
      continue;
    size_t from = (size_t)(p - t) + strlen(phrases[i]), at;
    size_t n = len - from < 60 ? len - from : 60;
    meta_date d;
    /* The date right after it ("... on 26 Sep 2019", "...: 09.06.2017"),
     * not one further on ("... in Journal (address), 25.06.2019"). */
    if (date_find(t + from, n, x->order, 0, &d, &at) && d.d && at <= 5) {
#ifdef PITH_DEBUG_META
      fprintf(stderr, "originally [%.*s]\n", (int)(n + 40), p);
#endif
      date_cand *c = add_date(x, &d, 110, 0, "originally");
      if (c)
        c->shown = SHOWN_TEXT;
      return;
    }
  }
}

/* Whether a meta name reads like a publication date's: "w-published-date",
 * "ms.date", "published" (but not a modification's, an expiry's, an
 * event's). */
static int date_like_name(const char *name) {
  static const char *const not [] = {"modif", "updat", "expir", "revis",     "valid",  "start",
                                     "end",   "event", "birth", "copyright", "review", "embargo"};
  for (size_t i = 0; i < sizeof not / sizeof *not ; i++)
    if (strstr(name, not [i]))
      return 0;
  return strstr(name, "publish") || mstr_has_token(name, "date");
}

/* Last resorts, for pages that say their date nowhere plainly: a meta tag
 * named like a date, then the first date in the visible text after the
 * headline, then anywhere in the page. */
static void fallback_dates(mctx *x) {
  for (size_t i = 0; i < x->ntags; i++)
    if (date_like_name(x->tags[i].name))
      add_date_text(x, x->tags[i].value, 74, 0, "meta-name");
  /* The scans below are the costliest: only when nothing better stands. */
  for (size_t i = 0; i < x->ndates; i++)
    if (x->dates[i].score >= 60)
      return;
  meta_date d;
  int r;
  if (x->title_pos != UINT32_MAX) {
    const dom_node *h = NULL;
    for (size_t i = 0; i < x->h1.n; i++)
      if (x->h1.v[i].pos == x->title_pos)
        h = x->h1.v[i].n;
    const char *t = h ? text_after(x, h, 4000) : NULL;
    r = t ? published_in(x, t, strlen(t), 0, &d) : 0;
    if (r == 1)
      add_shown(x, &d, 24, x->title_pos, "page-after");
  }
  const char *t = body_text(x);
  r = t ? published_in(x, t, strlen(t), 0, &d) : 0;
  if (r == 1)
    add_shown(x, &d, 18, 0, "page");
  /* A date the text calls a publication's ("Erstellt am: 01.11.2023"),
   * and footers and sidebars last of all ("Copyright © 19.12.2019"). */
  t = x->doc->body ? node_text(x, x->doc->body, SCAN_BYTES) : NULL;
  size_t len = t ? strlen(t) : 0, off = 0;
  int first = 1;
  for (int tries = 0; t && tries < 64 && off < len; tries++) {
    size_t at;
    if (!date_find(t + off, len - off, x->order, 0, &d, &at))
      break;
    if (first && r != 1 && !update_label(t, off + at))
      add_shown(x, &d, 12, 0, "page-all");
    first = 0;
    if (publish_label(t, off + at) && !update_label(t, off + at)) {
      add_shown(x, &d, 48, 0, "labelled");
      break;
    }
    off += at + 1;
    while (off < len && t[off] >= '0' && t[off] <= '9')
      off++;
  }
}

/* The day before or after (by the calendar). */
static int one_day_apart(const meta_date *a, const meta_date *b, int *b_after) {
  long long days_a, days_b;
  /* Days since the epoch, by the inverse of date_from_unix. */
  const meta_date *d[2] = {a, b};
  long long out[2];
  for (int i = 0; i < 2; i++) {
    long long y = d[i]->y - (d[i]->m <= 2), m = d[i]->m, dd = d[i]->d;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    out[i] = era * 146097 + doe - 719468;
  }
  days_a = out[0];
  days_b = out[1];
  *b_after = days_b > days_a;
  return days_b - days_a == 1 || days_a - days_b == 1;
}

/* A time in UTC ("2020-02-25T02:25:54Z") may fall on another day than the
 * page's own, local date: when another source gives the day next to it,
 * in local terms (a plain date, or a time with a non-zero offset), and the
 * hour makes that possible, the UTC time is taken as that day. */
static int is_utc(const meta_date *d) {
  return d->has_time && d->has_tz && d->tz == 0;
}

static void localize_utc(mctx *x) {
  for (size_t i = 0; i < x->ndates; i++) {
    date_cand *c = &x->dates[i];
    if (!is_utc(&c->d))
      continue;
    /* A local source with the same day confirms it. */
    int confirmed = 0;
    for (size_t j = 0; j < x->ndates && !confirmed; j++)
      confirmed = !is_utc(&x->dates[j].d) && !date_cmp_day(&x->dates[j].d, &c->d);
    if (confirmed)
      continue;
    for (size_t j = 0; j < x->ndates; j++) {
      const date_cand *o = &x->dates[j];
      if (is_utc(&o->d) || o->score < 50)
        continue;
      int after;
      if (!one_day_apart(&c->d, &o->d, &after))
        continue;
      if ((after && c->d.hh >= 10) || (!after && c->d.hh < 14)) {
        meta_date local = o->d;
        local.has_time = local.has_tz = 0;
        c->d = local;
        break;
      }
    }
  }
}

/* The same day, or the same when one of them is read the other way round. */
static int same_day_either_way(const meta_date *a, const meta_date *b) {
  if (!date_cmp_day(a, b))
    return 1;
  const meta_date *s = b->swappable ? b : a->swappable ? a : NULL, *o = s == b ? a : b;
  return s && s->y == o->y && s->m == o->d && s->d == o->m;
}

/* The page's markup for machines (JSON-LD, meta tags) and the date it
 * shows its readers may differ: markup goes stale, is filled by templates,
 * or gives the first draft's date. When the markup's date is nowhere on the
 * page and elements near the headline (a dateline, a byline, a <time>)
 * agree on another one, seen by more than one reading of the page, the
 * shown date is the page's. */
static const date_cand *shown_instead(const mctx *x, const date_cand *best) {
  if (!best || best->shown != SHOWN_NOT)
    return best;
  const date_cand *alt = NULL;
  for (size_t i = 0; i < x->ndates; i++) {
    const date_cand *c = &x->dates[i];
    if (c->shown == SHOWN_NOT)
      continue;
    /* The page shows the markup's date, unless as an update's
     * ("Published Apr 26, 2023 Updated Aug 21, 2025" under markup of
     * August 21st). */
    if (same_day_either_way(&c->d, &best->d)) {
      if (!strcmp(c->src, "updated"))
        continue;
      return best;
    }
    /* The text right by the headline counts as an element does. */
    int by_headline =
        c->shown == SHOWN_TEXT && (!strcmp(c->src, "near-title") || !strcmp(c->src, "after-title"));
    if (!by_headline && (c->shown != SHOWN_ELEMENT || c->score < 60))
      continue;
    if (alt && date_cmp_day(&alt->d, &c->d))
      return best; /* the page shows several dates */
    if (!alt || c->score > alt->score)
      alt = c;
  }
  if (!alt)
    return best;
  /* More than one reading shows it, and none calls it an update's. */
  const char *other = NULL;
  for (size_t i = 0; i < x->ndates; i++) {
    const date_cand *c = &x->dates[i];
    if (c->shown == SHOWN_NOT || date_cmp_day(&c->d, &alt->d))
      continue;
    if (c->score == UPDATED_SCORE && !strcmp(c->src, "updated"))
      return best;
    if (strcmp(c->src, alt->src))
      other = c->src;
  }
  return other ? alt : best;
}

/* A date that only the JSON-LD gives (no meta tag, no address, nothing
 * on the page agrees) is often a template's, a first draft's or another
 * time zone's; when the page shows one other date by its headline, even
 * as "Updated <date>", that date is the one the page stands by. */
static const date_cand *updated_instead(const mctx *x, const date_cand *best) {
  if (!best || best->shown != SHOWN_NOT)
    return best;
  const date_cand *shown = NULL;
  for (size_t i = 0; i < x->ndates; i++) {
    const date_cand *c = &x->dates[i];
    int same = !date_cmp_day(&c->d, &best->d);
    if (same && strcmp(c->src, "ld") && strcmp(c->src, "ld-page"))
      return best; /* something besides the JSON-LD says it */
    if (c->shown == SHOWN_NOT || same || !near_title(x, c->pos))
      continue;
    if (shown && date_cmp_day(&shown->d, &c->d))
      return best; /* the page shows several dates */
    if (!shown || c->score > shown->score)
      shown = c;
  }
  return shown ? shown : best;
}

/* A thread of posts (a forum's, a Q&A page's) dates each post alike: when
 * one kind of element gives three dates or more, of more than one day,
 * and the first of them stands by the headline, that one is the thread's
 * and the later ones are replies'. Returns what c loses for it. */
static int reply_penalty(const mctx *x, const date_cand *c) {
  if (c->shown != SHOWN_ELEMENT)
    return 0;
  const date_cand *first = NULL;
  int count = 0, days = 0;
  for (size_t i = 0; i < x->ndates; i++) {
    const date_cand *o = &x->dates[i];
    if (o->shown != SHOWN_ELEMENT || strcmp(o->src, c->src))
      continue;
    count++;
    if (!first || o->pos < first->pos)
      first = o;
    if (date_cmp_day(&o->d, &c->d))
      days = 2;
  }
  /* The first post opens the thread below its title (a post's header
   * and avatar take some elements). */
  int by_title = x->title_pos == UINT32_MAX ||
                 (first->pos >= x->title_pos && first->pos <= x->title_pos + 300);
  if (count < 3 || days < 2 || !by_title || c->pos <= first->pos || !date_cmp_day(&c->d, &first->d))
    return 0;
  return 15;
}

static const date_cand *best_date(const mctx *x) {
  const date_cand *best = NULL;
  int best_score = 0;
  for (size_t i = 0; i < x->ndates; i++) {
    const date_cand *c = &x->dates[i];
    /* Agreement among sources adds a little. */
    int agree = 0;
    for (size_t j = 0; j < x->ndates; j++)
      if (j != i && !date_cmp_day(&x->dates[j].d, &c->d))
        agree++;
    /* Updates' dates repeat on the cards of other pages ("Updated on ...")
     * and agree among themselves for it: among them the first counts. */
    int updated = !strcmp(c->src, "updated");
    if (updated)
      agree = 0;
    int s = c->score + (agree > 3 ? 3 : agree) - reply_penalty(x, c);
#ifdef PITH_DEBUG_META
    fprintf(stderr, "date %04d-%02d-%02d score %d (+%d) pos %u %s\n", c->d.y, c->d.m, c->d.d,
            c->score, agree, c->pos, c->src);
#endif
    if (!best || s > best_score || (s == best_score && c->d.has_time && !best->d.has_time) ||
        (s == best_score && updated && !strcmp(best->src, "updated") && c->pos < best->pos)) {
      best = c;
      best_score = s;
    }
  }
  return updated_instead(x, shown_instead(x, best));
}

static const char *format_date(mctx *x, const meta_date *d) {
  char out[40];
  date_format(d, out, sizeof out);
  return arena_strndup(x->mem, out, strlen(out));
}

/* An all-digit date that reads either way round ("03-09-2026") is read
 * the way another source of the page confirms, when only that way is. */
static void settle_swappable(mctx *x) {
  for (size_t i = 0; i < x->ndates; i++) {
    date_cand *c = &x->dates[i];
    if (!c->d.swappable)
      continue;
    meta_date other = c->d;
    other.m = c->d.d;
    other.d = c->d.m;
    other.swappable = 0;
    int as_is = 0, swapped = 0;
    for (size_t j = 0; j < x->ndates; j++) {
      if (j == i || x->dates[j].d.swappable)
        continue;
      as_is |= !date_cmp_day(&x->dates[j].d, &c->d);
      swapped |= !date_cmp_day(&x->dates[j].d, &other);
    }
    if (swapped && !as_is && date_valid(&other, &x->max)) {
      c->d.m = other.m;
      c->d.d = other.d;
    }
  }
}

static void choose_dates(mctx *x) {
  collect_dates(x);
  if (!is_product(x)) {
    text_dates(x);
    original_dates(x);
    fallback_dates(x);
  }
  settle_swappable(x);
  localize_utc(x);
  const date_cand *pub = best_date(x);
  if (pub)
    x->art->meta.date_published = format_date(x, &pub->d);
  /* Modified: JSON-LD, meta tags, microdata; never before publication. */
  meta_date m;
  int have = 0;
  if (x->ld_info.date_modified &&
      date_parse(x->ld_info.date_modified, strlen(x->ld_info.date_modified), &m) &&
      date_valid(&m, &x->max))
    have = 1;
  for (size_t i = 0; !have && i < sizeof modified_tags / sizeof *modified_tags; i++) {
    const char *v = tag_value(x, modified_tags[i]);
    if (v && date_parse(v, strlen(v), &m) && date_valid(&m, &x->max))
      have = 1;
  }
  for (size_t i = 0; !have && i < x->props.n; i++)
    if (x->props.v[i].kind == 2 && !(x->props.v[i].where & IN_COMMENT) &&
        element_date(x, x->props.v[i].n, 0, &m) && date_valid(&m, &x->max))
      have = 1;
#ifdef PITH_DEBUG_META
  if (have)
    fprintf(stderr, "modified %04d-%02d-%02d\n", m.y, m.m, m.d);
  fprintf(stderr, "title_pos %u\n", x->title_pos);
#endif
  if (have && (!pub || date_cmp_day(&m, &pub->d) >= 0))
    x->art->meta.date_modified = format_date(x, &m);
}

/* ---- title ---------------------------------------------------------------- */

static const char *doc_title(mctx *x) {
  if (!x->doc->title)
    return NULL;
  buf b;
  buf_init(&b);
  for (const dom_node *c = x->doc->title->first; c && b.len < 4096; c = c->next)
    if (c->tag == TAG_TEXT)
      buf_append(&b, c->text, c->text_len);
  const char *t = b.data ? mstr_clean(x->tmp, b.data, b.len, MAX_TEXT) : NULL;
  buf_free(&b);
  return t;
}

static const char *tmp_text(mctx *x, const char *s) {
  if (!s)
    return NULL;
  char *c = mstr_clean(x->tmp, s, strlen(s), MAX_TEXT);
  if (!c)
    return NULL;
  mstr_squeeze(c, mstr_decode_entities(c, strlen(c)));
  return *c ? c : NULL;
}

/* Whether an address is a site's home page: no path beyond "/" (a
 * language's "/en/" aside). */
static int is_home(const char *url) {
  if (!url || !is_http(url))
    return 0;
  const char *p = strstr(url, "://") + 3;
  p += strcspn(p, "/?#");
  if (*p == '/')
    p++;
  size_t n = strcspn(p, "?#");
  if (n == 0)
    return 1;
  /* "en/", "de-de/" */
  return (n == 3 || n == 6) && p[n - 1] == '/' && p[0] >= 'a' && p[0] <= 'z';
}

/* Whether a heading is a link to the site's home page ("<a href=/><h1>
 * Blog</h1></a>", or the link within it): the site's name. */
static int links_home(const dom_node *h) {
  const dom_node *a = NULL;
  for (const dom_node *p = h->parent; p && p->tag != TAG_TEXT && h->depth - p->depth <= 2;
       p = p->parent)
    if (p->tag == TAG_A)
      a = p;
  if (!a && h->first && h->first->tag == TAG_A && !h->first->next)
    a = h->first;
  const char *href = a ? dom_attr_get(a, "href") : NULL;
  return href && (!strcmp(href, "/") || is_home(href));
}

static void add_site(title_input *in, const char *s) {
  if (s && *s && in->nsites < TITLE_MAX_SITES)
    in->sites[in->nsites++] = s;
}

/* A title's text with UTF-8 read as Latin-1 on its way undone. */
static const char *title_text(mctx *x, const char *s) {
  s = tmp_text(x, s);
  char *fixed = s ? arena_strndup(x->tmp, s, strlen(s)) : NULL;
  if (fixed)
    mstr_fix_double_utf8(fixed, strlen(fixed));
  return fixed ? fixed : s;
}

static void choose_title(mctx *x, title_input *in, char *host) {
  memset(in, 0, sizeof *in);
  in->doc_title = title_text(x, doc_title(x));
  in->og_title = title_text(x, tag_value(x, "og:title"));
  in->tw_title = title_text(x, tag_value(x, "twitter:title"));
  in->ld_headline = title_text(x, x->ld_info.headline);
  static const char *const meta_titles[] = {"dc.title", "citation_title", "parsely-title",
                                            "sailthru.title", "headline"};
  in->meta_title = title_text(x, first_tag(x, meta_titles, 5));
  add_site(in, tmp_text(x, tag_value(x, "og:site_name")));
  add_site(in, tmp_text(x, x->ld_info.site_name));
  add_site(in, tmp_text(x, x->ld_info.publisher));
  add_site(in, tmp_text(x, tag_value(x, "application-name")));
  add_site(in, tmp_text(x, tag_value(x, "apple-mobile-web-app-title")));
  add_site(in, tmp_text(x, tag_value(x, "og:site")));
  const char *tw = tag_value(x, "twitter:site");
  if (tw && *tw == '@')
    add_site(in, tmp_text(x, tw + 1));
  in->host = host_of(x->canonical ? x->canonical : tag_value(x, "og:url"), host, 256);
  if (!in->host)
    in->host = host_of(x->art->url, host, 256);
  in->home = is_home(x->canonical ? x->canonical : tag_value(x, "og:url"));
  if (!x->canonical && !tag_value(x, "og:url"))
    in->home = is_home(x->art->url);
  const char *og_type = tag_value(x, "og:type");
  in->article = x->ld_info.kind == LD_ARTICLE ||
                (og_type && (mstr_ieq(og_type, "article") || mstr_ieq(og_type, "blog") ||
                             mstr_ieq(og_type, "news")));
  uint32_t h1_pos[TITLE_MAX_H1];
  for (size_t i = 0; i < x->h1.n && in->nh1 < TITLE_MAX_H1; i++) {
    const char *t = title_text(x, node_text(x, x->h1.v[i].n, MAX_TEXT));
    if (!t)
      continue;
    h1_pos[in->nh1] = x->h1.v[i].pos;
    in->h1[in->nh1].text = t;
    in->h1[in->nh1].chrome = (x->h1.v[i].where & IN_CHROME) != 0;
    in->h1[in->nh1].home_link = links_home(x->h1.v[i].n);
    in->nh1++;
  }
  int from_h1;
  x->tin = in;
  const char *t = title_choose(in, x->tmp, &from_h1);
#ifdef PITH_DEBUG_META
  fprintf(stderr, "title doc=[%s] og=[%s] ld=[%s] -> [%s] h1 %d\n",
          in->doc_title ? in->doc_title : "", in->og_title ? in->og_title : "",
          in->ld_headline ? in->ld_headline : "", t ? t : "", from_h1);
  for (size_t i = 0; i < in->nh1; i++)
    fprintf(stderr, "  h1 [%s]%s\n", in->h1[i].text, in->h1[i].chrome ? " chrome" : "");
  for (size_t i = 0; i < in->nsites; i++)
    fprintf(stderr, "  site [%s]\n", in->sites[i]);
#endif
  x->art->title = t ? text_value(x, t, MAX_TEXT) : NULL;
  /* Where the headline is, for datelines and bylines near it: the chosen
   * <h1>, else the first one. */
  x->title_pos = UINT32_MAX;
  if (from_h1 >= 0)
    x->title_pos = h1_pos[from_h1];
  else if (in->nh1)
    x->title_pos = h1_pos[0];
  for (size_t i = 0; i < x->h1.n; i++)
    if (x->h1.v[i].pos == x->title_pos)
      x->title_node = x->h1.v[i].n;
}

/* ---- authors -------------------------------------------------------------- */

/* Whether a link goes to an author's page ("/author/jane-doe"). */
static int author_link(const dom_node *a) {
  static const char *const paths[] = {"/author/", "/authors/", "/profile/",      "/people/",
                                      "/staff/",  "/writers/", "/contributors/", "/autor/",
                                      "/auteur/", "/user/",    "/users/",        "/members/"};
  const char *href = dom_attr_get(a, "href");
  if (rel_has(dom_attr_get(a, "rel"), "author"))
    return 1;
  if (!href)
    return 0;
  for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
    if (mstr_istr(href, strlen(href), paths[i]))
      return 1;
  return 0;
}

/* The name in a byline: the author's link, or an element named for a name
 * ("author-name", itemprop=name), else the byline's whole text. A byline
 * box also holds roles, dates and biographies. */
static const char *byline_text(mctx *x, const dom_node *n) {
  int seen = 0;
  for (const dom_node *c = n->first ? dom_next(n, n, 0) : NULL; c && seen < 200;
       c = dom_next(n, c, 0), seen++) {
    if (c->tag == TAG_TEXT)
      continue;
    if ((c->tag == TAG_A && author_link(c)) ||
        (c->attrs && rel_has(dom_attr_get(c, "itemprop"), "name")) ||
        ((c->cls || c->id) && (element_bits(x, c) & W_NAME))) {
      const char *t = node_text(x, c, 300);
      if (t && *t)
        return t;
    }
  }
  /* A byline is a line or two; of a longer text (an author box with a
   * biography, or a wrapper named "author-…") the first line. */
  const char *t = node_text(x, n, 1200);
  if (!t || strlen(t) <= 200)
    return t;
  if (strlen(t) >= 1000)
    return NULL;
  buf b;
  buf_init(&b);
  for (const dom_node *c = n->first ? dom_next(n, n, 0) : NULL; c && b.len < 200 && !b.oom;) {
    int skip = 0;
    if (c->tag == TAG_TEXT) {
      if (!(c->kind & DOM_RAWTEXT) && c->text_len > 1)
        buf_append(&b, c->text, c->text_len);
    } else if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN)) {
      skip = 1;
    } else if ((tag_flags((tag_id)c->tag) == T_BLOCK || c->tag == TAG_BR) && b.len &&
               mstr_squeeze(b.data, b.len) > 0) {
      break;
    }
    c = dom_next(n, c, skip);
  }
  t = b.data && !b.oom ? mstr_clean(x->tmp, b.data, b.len, 200) : NULL;
  buf_free(&b);
  return t;
}

static void add_authors(mctx *x, const char *s, const char **names, size_t *n) {
  if (!s)
    return;
#ifdef PITH_DEBUG_META
  fprintf(stderr, "author candidate [%.100s]\n", s);
#endif
  const char *t = tmp_text(x, s);
  if (t)
    author_parse(t, strlen(t), x->mem, names, n, MAX_AUTHORS);
}

/* Whether a name reads like an organisation's: words like "News",
 * "Clinic", "Inc"; or, when it is also the site's name, one word alone
 * ("MongoDB") or capitals ("USA TODAY"). */
static int org_like(const char *s, int site) {
  static const char *const words[] = {
      "inc",      "llc",      "ltd",         "corp",       "corporation", "company",    "news",
      "media",    "magazine", "association", "university", "clinic",      "foundation", "institute",
      "group",    "network",  "press",       "times",      "post",        "today",      "daily",
      "journal",  "agency",   "society",     "council",    "department",  "ministry",   "hospital",
      "official", "gmbh",     "ag",          "sa",         "bank",        "studio",     "labs"};
  uint32_t w[32];
  size_t n = mstr_words(s, strlen(s), w, 32);
  for (const char *p = s; *p;) {
    size_t k = strcspn(p, " ,.&");
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
      if (strlen(words[i]) == k && mstr_istarts(p, words[i]))
        return 1;
    p += k;
    while (*p == ' ' || *p == ',' || *p == '.' || *p == '&')
      p++;
  }
  if (!site)
    return 0;
  int lower = 0;
  for (const char *p = s; *p; p++)
    if (*p >= 'a' && *p <= 'z')
      lower = 1;
  return n == 1 || !lower;
}

/* "Doe, Jane" (one author a tag) is "Jane Doe". */
static void add_citation_author(mctx *x, const char *v, const char **names, size_t *n) {
  const char *t = tmp_text(x, v);
  if (!t || *n >= MAX_AUTHORS)
    return;
  const char *comma = strchr(t, ',');
  if (comma && !strchr(comma + 1, ',')) {
    const char *first = comma + 1;
    while (*first == ' ')
      first++;
    size_t last_len = (size_t)(comma - t), first_len = strlen(first);
    char *name = arena_alloc(x->tmp, last_len + first_len + 2);
    if (!name)
      return;
    memcpy(name, first, first_len);
    name[first_len] = ' ';
    memcpy(name + first_len + 1, t, last_len);
    name[first_len + 1 + last_len] = '\0';
    t = name;
  }
  add_authors(x, t, names, n);
}

static void choose_authors(mctx *x) {
  const char **names = arena_alloc(x->mem, MAX_AUTHORS * sizeof *names);
  if (!names)
    return;
  size_t n = 0;
  const ld_info *ld = &x->ld_info;
  /* JSON-LD people first; names that read like an organisation's or the
   * publisher's own are left out. */
#ifdef PITH_DEBUG_META
  const char *stage = "ld";
#define STAGE(s) (n ? (void)0 : (void)(stage = s))
#else
#define STAGE(s) ((void)0)
#endif
  for (size_t i = 0; i < ld->nauthors; i++) {
    if (ld->author_is_org[i])
      continue;
    const char *t = tmp_text(x, ld->authors[i]);
    if (t && org_like(t, title_names_site(t, x->tin)))
      continue;
    add_authors(x, ld->authors[i], names, &n);
  }
  STAGE("meta");
  if (!n) {
    static const char *const tags[] = {
        "author",          "article:author", "og:article:author", "parsely-author",
        "sailthru.author", "dc.creator",     "dcterms.creator",   "byl",
        "book:author",     "dc.contributor"};
    for (size_t i = 0; i < sizeof tags / sizeof *tags && !n; i++) {
      const char *v = tag_value(x, tags[i]);
      if (!v || is_http(v))
        continue;
      const char *t = tmp_text(x, v);
      if (t && org_like(t, title_names_site(t, x->tin)))
        continue;
      add_authors(x, v, names, &n);
    }
    /* citation_author repeats, one author a tag, often "Last, First". */
    for (size_t i = 0; i < x->ntags; i++)
      if (!strcmp(x->tags[i].name, "citation_author"))
        add_citation_author(x, x->tags[i].value, names, &n);
  }
  STAGE("microdata");
  /* Names in a product page's markup are its reviewers'. */
  int product = is_product(x);
  if (!n && !product)
    for (size_t i = 0; i < x->props.n && !n; i++) {
      const mnode *m = &x->props.v[i];
      if ((m->kind != 3 && m->kind != 4) || (m->where & (IN_COMMENT | IN_CHROME)))
        continue;
      const char *v = dom_attr_get(m->n, "content");
      /* The name inside an author's item. */
      const dom_node *name = NULL;
      for (const dom_node *c = m->n->first ? m->n : NULL; c && !name; c = dom_next(m->n, c, 0))
        if (c->tag != TAG_TEXT && c != m->n && rel_has(dom_attr_get(c, "itemprop"), "name"))
          name = c;
      if (name)
        v = dom_attr_get(name, "content") ? dom_attr_get(name, "content") : node_text(x, name, 200);
      if (!v)
        v = node_text(x, m->n, 200);
      add_authors(x, v, names, &n);
    }
  STAGE("byline");
  if (!n)
    for (size_t i = 0; i < x->bylines.n && !n && !product; i++) {
      const mnode *m = &x->bylines.v[i];
      if ((m->where & IN_CHROME) && !near_title(x, m->pos))
        continue;
      add_authors(x, byline_text(x, m->n), names, &n);
    }
  STAGE("twitter");
  /* "Written by" and "Author" in the card data of Twitter. */
  for (int k = 1; k <= 4 && !n; k++) {
    char label[32], data[32];
    snprintf(label, sizeof label, "twitter:label%d", k);
    snprintf(data, sizeof data, "twitter:data%d", k);
    const char *l = tag_value(x, label);
    if (l && (mstr_istr(l, strlen(l), "written by") || mstr_istr(l, strlen(l), "author")))
      add_authors(x, tag_value(x, data), names, &n);
  }
  STAGE("by-text");
  /* A byline in the text by the headline: "By Jane Doe". */
  if (!n && !product && x->title_node) {
    const char *t = lines_after(x, x->title_node, 400);
#ifdef PITH_DEBUG_META
    fprintf(stderr, "lines after title [%s]\n", t ? t : "");
#endif
    if (t)
      author_from_text(t, strlen(t), x->mem, names, &n, MAX_AUTHORS);
  }
  /* A publisher's or an organisation's name alone (the site's own in
   * JSON-LD or a meta tag, an Organization as the author) is no author:
   * pages put it there when no person signs the page. */
#ifdef PITH_DEBUG_META
  if (n)
    fprintf(stderr, "authors from %s\n", stage);
#endif
#undef STAGE
#ifdef PITH_DEBUG_META
  if (n)
    fprintf(stderr, "authors from %s\n", stage);
#endif
#undef STAGE
  x->art->meta.authors = n ? names : NULL;
  x->art->meta.nauthors = n;
}

/* ---- the rest ------------------------------------------------------------- */

static void add_tagword(mctx *x, const char *s, size_t len, const char **out, size_t *n) {
  if (*n >= MAX_TAGWORDS)
    return;
  char *t = mstr_clean(x->mem, s, len, 100);
  if (!t)
    return;
  mstr_squeeze(t, mstr_decode_entities(t, strlen(t)));
  if (!*t)
    return;
  for (size_t i = 0; i < *n; i++)
    if (mstr_same_text(out[i], t))
      return;
  out[(*n)++] = t;
}

static void split_tags(mctx *x, const char *s, const char **out, size_t *n) {
  while (s && *s && *n < MAX_TAGWORDS) {
    size_t k = strcspn(s, ",;|");
    add_tagword(x, s, k, out, n);
    s += k;
    if (*s)
      s++;
  }
}

static void choose_tags(mctx *x) {
  const char **out = arena_alloc(x->mem, MAX_TAGWORDS * sizeof *out);
  if (!out)
    return;
  size_t n = 0;
  for (size_t i = 0; i < x->ntags; i++)
    if (!strcmp(x->tags[i].name, "article:tag") || !strcmp(x->tags[i].name, "og:article:tag"))
      split_tags(x, x->tags[i].value, out, &n);
  const ld_info *ld = &x->ld_info;
  if (!n)
    for (size_t i = 0; i < ld->nkeywords; i++)
      add_tagword(x, ld->keywords[i], strlen(ld->keywords[i]), out, &n);
  if (!n)
    split_tags(x, ld->keywords_text, out, &n);
  static const char *const names[] = {"news_keywords", "parsely-tags", "sailthru.tags", "keywords"};
  for (size_t i = 0; !n && i < sizeof names / sizeof *names; i++)
    split_tags(x, tag_value(x, names[i]), out, &n);
  x->art->meta.tags = n ? out : NULL;
  x->art->meta.ntags = n;
}

static void choose_language(mctx *x) {
  char tag[32];
  const char *declared = NULL;
  const char *sources[5] = {x->doc->html ? dom_attr_get(x->doc->html, "lang") : NULL,
                            x->doc->html ? dom_attr_get(x->doc->html, "xml:lang") : NULL,
                            tag_value(x, "content-language"), x->ld_info.language,
                            tag_value(x, "og:locale")};
  for (int i = 0; i < 5 && !declared; i++)
    if (sources[i] && lang_normalize(sources[i], tag, sizeof tag))
      declared = tag;
  /* The text's own language, from the main text (or, short of it, the
   * title and description). */
  buf b;
  buf_init(&b);
  for (const article_block *bl = x->art->first; bl && b.len < 16384; bl = bl->next) {
    buf_append(&b, bl->text, bl->len);
    buf_putc(&b, '\n');
  }
  if (b.len < 400) {
    if (x->art->title)
      buf_puts(&b, x->art->title), buf_putc(&b, '\n');
    if (x->art->meta.description)
      buf_puts(&b, x->art->meta.description);
  }
  float conf = 0;
  const char *found = b.data && !b.oom ? lang_detect(b.data, b.len, &conf) : NULL;
  size_t text_len = b.len;
  buf_free(&b);
  const char *lang = declared;
  if (declared && found) {
    size_t k = strcspn(declared, "-");
    int same = strlen(found) == k && !strncmp(found, declared, k);
    /* Close kin pith's word lists may confuse; and a declared "no"/"nb". */
    if (!same && (!strcmp(found, "no") || !strcmp(found, "da")) &&
        (!strncmp(declared, "nb", 2) || !strncmp(declared, "nn", 2) || !strncmp(declared, "da", 2)))
      same = 1;
    if (!same && conf >= 0.8f && text_len >= 400)
      lang = found;
  } else if (!declared && found && conf >= 0.5f) {
    lang = found;
  }
  x->art->meta.language = lang ? arena_strndup(x->mem, lang, strlen(lang)) : NULL;
  /* The detector's confidence in the language given: 0 when it found
   * another, -1 when it had nothing to say. */
  x->art->meta.language_confidence = !found                                              ? -1.0f
                                     : lang && !strncmp(found, lang, strcspn(lang, "-")) ? conf
                                                                                         : 0.0f;
}

static const char *page_type(const mctx *x) {
  switch (x->ld_info.kind) {
  case LD_FORUM:
    return "forum";
  case LD_PRODUCT:
    return "product";
  case LD_ARTICLE:
    return "article";
  default:
    break;
  }
  const char *og = tag_value(x, "og:type");
  if (og && (mstr_ieq(og, "article") || mstr_ieq(og, "blog") || mstr_ieq(og, "news")))
    return "article";
  if (og && (mstr_istarts(og, "product") || mstr_ieq(og, "og:product")))
    return "product";
  if (x->ld_info.kind == LD_LISTING)
    return "listing";
  return NULL;
}

static void choose_rest(mctx *x) {
  article_meta *m = &x->art->meta;
  const ld_info *ld = &x->ld_info;
  m->canonical_url = resolve_url(x, x->canonical);
  if (!m->canonical_url)
    m->canonical_url = resolve_url(x, tag_value(x, "og:url"));
  static const char *const sites[] = {"og:site_name", "application-name",
                                      "apple-mobile-web-app-title"};
  const char *site = tag_value(x, sites[0]);
  if (!site)
    site = ld->site_name;
  if (!site)
    site = ld->publisher;
  if (!site)
    site = first_tag(x, sites + 1, 2);
  if (!site && x->tin) { /* "Headline | Site", with the logo's words or the host */
    const dom_node *logo = x->home_link && x->home_link_pos < x->title_pos ? x->home_link : NULL;
    site = title_site_part(x->tin->doc_title, x->art->title, logo ? node_text(x, logo, 300) : NULL,
                           x->tin, x->tmp);
  }
  m->site_name = text_value(x, site, 300);
  static const char *const sections[] = {"article:section", "og:article:section",
                                         "parsely-section", "sailthru.section",
                                         "section",         "article.section"};
  const char *section = first_tag(x, sections, 2);
  if (!section)
    section = ld->section;
  if (!section)
    section = first_tag(x, sections + 2, 4);
  m->section = text_value(x, section, 200);
  static const char *const descriptions[] = {"og:description", "description", "twitter:description",
                                             "dc.description"};
  const char *desc = first_tag(x, descriptions, 2);
  if (!desc)
    desc = ld->description;
  if (!desc)
    desc = first_tag(x, descriptions + 2, 2);
  m->description = text_value(x, desc, 4000);
  static const char *const images[] = {"og:image", "og:image:url", "og:image:secure_url",
                                       "twitter:image", "twitter:image:src"};
  const char *img = first_tag(x, images, 5);
  if (!img)
    img = ld->image;
  if (!img)
    img = x->image_src;
  m->image = resolve_url(x, img);
  const char *lic = x->license;
  if (!lic)
    lic = ld->license;
  if (!lic) {
    static const char *const licenses[] = {"dcterms.license", "dc.rights.license", "license"};
    lic = first_tag(x, licenses, 3);
  }
  m->license = lic && is_http(lic) ? resolve_url(x, lic) : text_value(x, lic, 300);
  m->editor = text_value(x, ld->editor, 200);
  m->page_type = page_type(x);
}

/* ---- driver --------------------------------------------------------------- */

static int meta_run(const dom_doc *doc, long long now, int title_only, arena *mem, article *art,
                    char *err, size_t err_cap) {
  arena tmp;
  arena_init(&tmp);
  mctx *x = arena_calloc(&tmp, sizeof *x);
  if (!x) {
    arena_free(&tmp);
    snprintf(err, err_cap, "out of memory");
    return -1;
  }
  x->mem = mem;
  x->tmp = &tmp;
  x->doc = doc;
  x->art = art;
  date_from_unix(now ? now : (long long)time(NULL), &x->max);
  if (art->meta.warc_date) {
    meta_date fetched;
    if (date_parse(art->meta.warc_date, strlen(art->meta.warc_date), &fetched) && fetched.d &&
        date_cmp_day(&fetched, &x->max) < 0)
      x->max = fetched;
  }
  x->body_chars = doc->body ? doc->body->chars : 0;
  if (doc->root)
    walk(x, doc->root, 0, 0);
  x->order = order_of(x);
  read_jsonld(x);
  x->base = x->art->url && is_http(x->art->url) ? x->art->url : NULL;
  if (!x->base && x->canonical && is_http(x->canonical))
    x->base = x->canonical;
  title_input *in = arena_alloc(&tmp, sizeof *in);
  char *host = arena_alloc(&tmp, 256);
  if (in && host)
    choose_title(x, in, host);
  if (!title_only) {
    choose_dates(x);
    choose_authors(x);
    choose_tags(x);
    choose_rest(x);
    choose_language(x);
  }
  arena_free(&tmp);
  return 0;
}

int meta_extract(const dom_doc *doc, long long now, arena *mem, article *art, char *err,
                 size_t err_cap) {
  return meta_run(doc, now, 0, mem, art, err, err_cap);
}

int meta_extract_title(const dom_doc *doc, arena *mem, article *art, char *err, size_t err_cap) {
  return meta_run(doc, 0, 1, mem, art, err, err_cap);
}
