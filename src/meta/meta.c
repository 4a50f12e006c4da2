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
#include "meta/json.h"
#include "meta/jsonld.h"
#include "meta/lang.h"
#include "meta/mstr.h"
#include "meta/page.h"
#include "util/buf.h"
#include "util/url.h"

/* ---- the walk ------------------------------------------------------------- */

/* The words of class and id names, by what they say of an element (sorted:
 * looked up by binary search); W_* bits in meta/page.h. */
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
    NW("categories", W_SUBJECT),
    NW("category", W_SUBJECT),
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
    NW("more", W_CHROME | W_RELATED),
    NW("name", W_NAME),
    NW("nav", W_CHROME),
    NW("navbar", W_CHROME),
    NW("navigation", W_CHROME),
    NW("newsletter", W_CHROME),
    NW("outbrain", W_CHROME | W_RELATED),
    NW("popular", W_CHROME | W_RELATED),
    NW("popup", W_CHROME),
    NW("postauthor", W_BYLINE),
    NW("postdate", W_PUBLISHED),
    NW("posted", W_PUBLISHED),
    NW("postedby", W_BYLINE),
    NW("postmeta", W_DATE),
    NW("promo", W_CHROME | W_RELATED),
    NW("pubdate", W_PUBLISHED),
    NW("publication", W_PUBLISHED),
    NW("publish", W_PUBLISHED),
    NW("publishdate", W_PUBLISHED),
    NW("published", W_PUBLISHED),
    NW("publishedat", W_PUBLISHED),
    NW("pullquote", W_QUOTE),
    NW("quote", W_QUOTE),
    NW("recirc", W_CHROME | W_RELATED),
    NW("recommended", W_CHROME | W_RELATED),
    NW("related", W_CHROME | W_RELATED),
    NW("replies", W_COMMENT),
    NW("reply", W_COMMENT),
    NW("reporter", W_BYLINE),
    NW("respond", W_COMMENT),
    NW("review", W_QUOTE),
    NW("reviews", W_QUOTE),
    NW("share", W_CHROME),
    NW("sharing", W_CHROME),
    NW("sidebar", W_CHROME),
    NW("social", W_CHROME),
    NW("subject", W_SUBJECT),
    NW("submitted", W_PUBLISHED),
    NW("taboola", W_CHROME | W_RELATED),
    NW("tag", W_SUBJECT),
    NW("teaser", W_CHROME),
    NW("testimonial", W_QUOTE),
    NW("testimonials", W_QUOTE),
    NW("time", W_DATE),
    NW("timestamp", W_PUBLISHED),
    NW("topic", W_SUBJECT),
    NW("trending", W_CHROME | W_RELATED),
    NW("update", W_UPDATED),
    NW("updated", W_UPDATED),
    NW("username", W_BYLINE),
    NW("widget", W_CHROME | W_RELATED),
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
 * among those of its first letter (and most words have none). Bit b of
 * second_letters[c]: some word starts with c and 'a' + b (most words of a
 * page start with no such pair: "col", "flex", "items"). */
static uint16_t words_from[257];
static uint32_t second_letters[256];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static void index_words(void) {
  size_t n = sizeof name_words / sizeof *name_words, i = 0;
  for (unsigned c = 0; c <= 256; c++) {
    while (i < n && (unsigned char)name_words[i].word[0] < c)
      i++;
    words_from[c] = (uint16_t)i;
  }
  for (i = 0; i < n; i++)
    second_letters[(unsigned char)name_words[i].word[0]] |= 1u << (name_words[i].word[1] - 'a');
}

/* Whether some word of the table starts with the bytes a b. */
static int may_start(char a, char b) {
  unsigned k = (unsigned)((unsigned char)b - 'a');
  return k < 26 && (second_letters[(unsigned char)a] >> k & 1);
}

/* The table's words are 3 to 12 letters long (13 with a plural's "s"). */
enum { WORD_MIN = 3, WORD_MAX = 13 };

static unsigned word_bits(const char *w, size_t n) {
  if (n < WORD_MIN || n > WORD_MAX || !may_start(w[0], w[1]))
    return 0;
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
  pthread_once(&words_once, index_words); /* for word_bits */
  unsigned bits = 0;
  char words[2][24]; /* the word before and the word being read, in turns */
  char *prev = words[0], *cur = words[1];
  size_t np = 0, nc = 0;
  for (const char *p = s;; p++) {
    char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) { /* most bytes */
      if (nc < sizeof words[0])
        cur[nc++] = c;
      continue;
    }
    int upper = c >= 'A' && c <= 'Z';
    int hump = upper && nc > 0 && p[-1] >= 'a' && p[-1] <= 'z';
    if (upper && !hump) {
      if (nc < sizeof words[0])
        cur[nc++] = (char)(c + 32);
      continue;
    }
    if (nc && nc < sizeof words[0]) {
      bits |= word_bits(cur, nc);
      if (np && np + nc <= WORD_MAX && may_start(prev[0], np > 1 ? prev[1] : cur[0])) {
        char both[48];
        memcpy(both, prev, np);
        memcpy(both + np, cur, nc);
        bits |= word_bits(both, np + nc);
      }
      char *t = prev;
      prev = cur;
      cur = t;
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
unsigned meta_element_bits(const mctx *x, const dom_node *n) {
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
  if (bits & W_RELATED)
    w |= IN_RELATED;
  return w;
}

unsigned meta_where(const mctx *x, const dom_node *n) {
  return where_of(x, n, (n->cls || n->id) ? meta_element_bits(x, n) : 0);
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
int meta_rel_has(const char *rel, const char *token) {
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

int meta_dateline_kind(unsigned bits) {
  if (bits & W_UPDATED)
    return K_UPDATED;
  if (bits & W_PUBLISHED)
    return K_PUBLISHED;
  if (bits & W_DATE)
    return K_DATE;
  return 0;
}

static int byline_kind(const dom_node *n, unsigned bits) {
  if (n->attrs && meta_rel_has(dom_attr_get(n, "rel"), "author"))
    return K_AUTHOR;
  /* A link to an author's page ("/author/jane-doe") is a byline of its own. */
  if (n->tag == TAG_A && n->attrs && author_page_href(dom_attr_get(n, "href")))
    return K_AUTHOR;
  return (bits & W_BYLINE) ? K_BYLINE : 0;
}

/* Where n is, from n and its ancestors: what walk passes down to n. A
 * title-only run asks this of its <h1>s alone instead of reading the class
 * and id words of every element (the costliest part of the walk). */
static unsigned where_from_ancestors(const mctx *x, const dom_node *n) {
  unsigned w = 0;
  for (const dom_node *a = n; a && a != x->doc->root; a = a->parent)
    w |= where_of(x, a, (a->cls || a->id) ? meta_element_bits(x, a) : 0);
  return w;
}

static void walk(mctx *x, const dom_node *n, unsigned where, unsigned depth) {
  for (const dom_node *c = n->first; c; c = c->next) {
    if (c->tag == TAG_TEXT)
      continue;
    uint32_t pos = x->pos++;
    unsigned bits = 0, w = where;
    if (!x->title_only) {
      bits = (c->cls || c->id) ? meta_element_bits(x, c) : 0;
      w |= where_of(x, c, bits);
    }
    tag_id t = (tag_id)c->tag;
    const char *itemprop = c->attrs ? dom_attr_get(c, "itemprop") : NULL;
    switch (t) {
    case TAG_META: {
      const char *content = dom_attr_get(c, "content");
      if (!content)
        content = dom_attr_get(c, "value");
      add_tag(x, dom_attr_get(c, "property"), content);
      add_tag(x, dom_attr_get(c, "name"), content);
      add_tag(x, dom_attr_get(c, "http-equiv"), content);
      /* Microdata's <meta itemprop> speaks for the page, unless it sits in
       * a comment's or a list of other pages' markup (in a post's own
       * footer it is the post's): there it is an item's, and kept as its
       * elements are (below). */
      if (!itemprop || !(w & (IN_COMMENT | IN_RELATED))) {
        add_tag(x, itemprop, content);
        continue;
      }
      break;
    }
    case TAG_LINK: {
      const char *rel = dom_attr_get(c, "rel"), *href = dom_attr_get(c, "href");
      if (!href || !*href)
        continue;
      if (meta_rel_has(rel, "canonical") && !x->canonical)
        x->canonical = href;
      if (meta_rel_has(rel, "license") && !x->license)
        x->license = href;
      if (meta_rel_has(rel, "image_src") && !x->image_src)
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
        keep(&x->h1, c, pos, x->title_only ? where_from_ancestors(x, c) : w, 0);
      break;
    default:
      break;
    }
    /* The rest serves the dates, authors and the page's other fields. */
    if (x->title_only) {
      if (depth < MAX_DEPTH && c->first)
        walk(x, c, 0, depth + 1);
      continue;
    }
    switch (t) {
    case TAG_TIME:
      keep(&x->times, c, pos, w, 0);
      break;
    case TAG_A: {
      const char *href = dom_attr_get(c, "href");
      if (meta_rel_has(dom_attr_get(c, "rel"), "license") && !x->license)
        x->license = href;
      if (!x->home_link && !(w & IN_COMMENT) && c->first && href &&
          (!strcmp(href, "/") || meta_is_home(href))) {
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
        if (meta_rel_has(itemprop, props[i])) {
          keep(&x->props, c, pos, w, (int)i);
          break;
        }
    }
    if (!(w & IN_COMMENT) && !(c->kind & DOM_HIDDEN)) {
      int k = byline_kind(c, bits);
      if (k)
        keep(&x->bylines, c, pos, w, k);
      k = meta_dateline_kind(bits);
      if (k)
        keep(&x->datelines, c, pos, w, k);
    }
    if (depth < MAX_DEPTH && c->first)
      walk(x, c, w, depth + 1);
  }
}

/* ---- helpers -------------------------------------------------------------- */

const char *meta_tag(const mctx *x, const char *name) {
  for (size_t i = 0; i < x->ntags; i++)
    if (!strcmp(x->tags[i].name, name))
      return x->tags[i].value;
  return NULL;
}

/* The first of several tag names the page has. */
const char *meta_first_tag(const mctx *x, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const char *v = meta_tag(x, names[i]);
    if (v && *v)
      return v;
  }
  return NULL;
}

/* Text for a field: white space collapsed, character references decoded,
 * at most max bytes, in the result's arena. */
const char *meta_text_value(mctx *x, const char *s, size_t max) {
  if (!s)
    return NULL;
  char *c = mstr_clean(x->mem, s, strlen(s), max + 64);
  if (!c)
    return NULL;
  size_t n = mstr_decode_entities(c, strlen(c));
  n = mstr_squeeze(c, n);
  if (n > max) {
    n = mstr_utf8_cut(c, max);
    c[n] = '\0';
  }
  return n ? c : NULL;
}

const char *meta_text_with(mctx *x, const dom_node *n, size_t max,
                           void (*gather)(const dom_node *, buf *, size_t)) {
  buf b;
  buf_init(&b);
  gather(n, &b, max * 2 + 64);
  const char *t = b.data ? mstr_clean(x->tmp, b.data, b.len, max) : NULL;
  buf_free(&b);
  return t;
}

const char *meta_node_text(mctx *x, const dom_node *n, size_t max) {
  return meta_text_with(x, n, max, mstr_node_text);
}

int meta_is_http(const char *u) {
  return mstr_istarts(u, "http://") || mstr_istarts(u, "https://");
}

int meta_is_home(const char *url) {
  if (!url || !meta_is_http(url))
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

/* Resolves a link against base; NULL when it cannot be made absolute. */
const char *meta_resolve_url(mctx *x, const char *u) {
  if (!u || strlen(u) > 4000 || !(url_is_http(u) || url_is_http(x->base)))
    return NULL;
  char *r = url_resolve(x->mem, x->base, u);
  return url_is_http(r) ? r : NULL; /* an absolute web address, or none */
}

/* The host name of an address, without "www.", into out. */
const char *meta_host_of(const char *url, char *out, size_t cap) {
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
    for (const dom_node *c = x->ld[i]->first; c && b.len <= LD_BYTES; c = c->next)
      if (c->tag == TAG_TEXT)
        buf_append(&b, c->text, c->text_len);
    /* A larger script is left out, not parsed (docs/limits.md). */
    if (b.data && !b.oom && b.len <= LD_BYTES) {
      json_value *v = json_parse(b.data, b.len, x->tmp, 64);
      if (v)
        jsonld_add(set, v);
    }
    buf_free(&b);
  }
  const char *url = x->canonical ? x->canonical : x->art->url;
  jsonld_read(set, url, &x->ld_info);
}

/* ---- the page's text ----------------------------------------------------- */

date_order meta_date_order(const mctx *x) {
  const char *lang = x->doc->html ? dom_attr_get(x->doc->html, "lang") : NULL;
  if (!lang)
    lang = meta_tag(x, "og:locale");
  if (!lang)
    lang = meta_tag(x, "content-language");
  if (lang && (mstr_istarts(lang, "en-us") || mstr_istarts(lang, "en_us")))
    return DATE_MDY;
  /* A page in English without a region: American usage is the commoner. */
  if (lang && mstr_ieq(lang, "en"))
    return DATE_MDY;
  return DATE_DMY;
}

/* How close to the headline pos is: 0 far .. 1 right by it. */
int meta_near_title(const mctx *x, uint32_t pos) {
  if (x->title_pos == UINT32_MAX)
    return 0;
  if (pos + 40 >= x->title_pos && pos <= x->title_pos + 150)
    return 1;
  return 0;
}

/* A product's page, by its schema.org type or og:type. */
int meta_is_product(const mctx *x) {
  const char *og = meta_tag(x, "og:type");
  return x->ld_info.kind == LD_PRODUCT || (og && mstr_istarts(og, "product"));
}

/* The visible text of the page less what is in the places of leave_out,
 * up to max bytes; with only set, the text of those places alone (inside:
 * n is in one of them). */
static void page_text_walk(const mctx *x, const dom_node *n, buf *b, size_t max, unsigned leave_out,
                           unsigned only, int inside, unsigned depth) {
  for (const dom_node *c = n->first; c && b->len < max && !b->oom; c = c->next) {
    if (c->tag == TAG_TEXT) {
      if (!(c->kind & DOM_RAWTEXT) && (!only || inside))
        buf_append(b, c->text, c->text_len);
      continue;
    }
    if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN))
      continue;
    unsigned bits = (c->cls || c->id) ? meta_element_bits(x, c) : 0;
    unsigned where = where_of(x, c, bits);
    if (where & leave_out)
      continue;
    int block = tag_flags((tag_id)c->tag) == T_BLOCK || c->tag == TAG_BR;
    if (block)
      buf_putc(b, ' ');
    if (depth < MAX_DEPTH)
      page_text_walk(x, c, b, max, leave_out, only, inside || (where & only), depth + 1);
    if (block)
      buf_putc(b, ' ');
  }
}

/* The body's visible text (SCAN_BYTES of it), read once a page. */
const char *meta_body_text(mctx *x) {
  if (!x->body_text_known) {
    x->body_text = x->doc->body ? meta_page_text(x, x->doc->body, SCAN_BYTES) : NULL;
    x->body_text_known = 1;
  }
  return x->body_text;
}

/* page_text_walk's text, cleaned, in the scratch arena. */
static const char *page_text(mctx *x, const dom_node *n, size_t max, unsigned leave_out,
                             unsigned only) {
  buf b;
  buf_init(&b);
  page_text_walk(x, n, &b, max, leave_out, only, 0, 0);
  const char *t = b.data && !b.oom ? mstr_clean(x->tmp, b.data, b.len, max) : NULL;
  buf_free(&b);
  return t;
}

const char *meta_page_text_without(mctx *x, const dom_node *n, size_t max, unsigned leave_out) {
  return page_text(x, n, max, leave_out, 0);
}

const char *meta_page_text_of(mctx *x, const dom_node *n, size_t max, unsigned only) {
  return page_text(x, n, max, 0, only);
}

/* Less navigation, sidebars, footers and comments. */
const char *meta_page_text(mctx *x, const dom_node *n, size_t max) {
  return meta_page_text_without(x, n, max, IN_CHROME | IN_COMMENT);
}

/* The visible text after node n in document order, up to max bytes. */
const char *meta_text_after(mctx *x, const dom_node *n, size_t max) {
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
               (where_of(x, c, (c->cls || c->id) ? meta_element_bits(x, c) : 0) &
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

const char *meta_lines_after(mctx *x, const dom_node *n, size_t max) {
  return meta_lines_after_without(x, n, max, 0);
}

/* The visible text after node n as lines: a line per block, up to max
 * bytes, white space within a line collapsed; what is in the places of
 * leave_out (IN_* bits) left out. */
const char *meta_lines_after_without(mctx *x, const dom_node *n, size_t max, unsigned leave_out) {
  return meta_lines_until(x, n, NULL, max, leave_out);
}

/* meta_lines_after_without that ends where the element stop begins. */
const char *meta_lines_until(mctx *x, const dom_node *n, const dom_node *stop, size_t max,
                             unsigned leave_out) {
  buf b;
  buf_init(&b);
  const dom_node *root = x->doc->root;
  int space = 0;
  for (const dom_node *c = dom_next(root, n, 1); c && c != stop && b.len < max && !b.oom;) {
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
    } else if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN) ||
               (leave_out &&
                (where_of(x, c, (c->cls || c->id) ? meta_element_bits(x, c) : 0) & leave_out))) {
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

const char *meta_tmp_text(mctx *x, const char *s) {
  if (!s)
    return NULL;
  char *c = mstr_clean(x->tmp, s, strlen(s), MAX_TEXT);
  if (!c)
    return NULL;
  mstr_squeeze(c, mstr_decode_entities(c, strlen(c)));
  return *c ? c : NULL;
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
    split_tags(x, meta_tag(x, names[i]), out, &n);
  x->art->meta.tags = n ? out : NULL;
  x->art->meta.ntags = n;
}

static void choose_language(mctx *x) {
  char tag[32];
  const char *declared = NULL;
  const char *sources[5] = {x->doc->html ? dom_attr_get(x->doc->html, "lang") : NULL,
                            x->doc->html ? dom_attr_get(x->doc->html, "xml:lang") : NULL,
                            meta_tag(x, "content-language"), x->ld_info.language,
                            meta_tag(x, "og:locale")};
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

const char *meta_page_type(const mctx *x) {
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
  const char *og = meta_tag(x, "og:type");
  if (og && (mstr_ieq(og, "article") || mstr_ieq(og, "blog") || mstr_ieq(og, "news")))
    return "article";
  if (og && (mstr_istarts(og, "product") || mstr_ieq(og, "og:product")))
    return "product";
  if (x->ld_info.kind == LD_LISTING)
    return "listing";
  return NULL;
}

/* A site name written as a domain in lower case with a full stop after
 * it ("aliexpress.", "example.com."): the stop is no part of the name.
 * Names in capitals or of more words keep theirs ("U.S.", "Envy Design
 * Co."). */
static const char *without_domain_stop(mctx *x, const char *s) {
  size_t n = s ? strlen(s) : 0;
  if (n < 3 || s[n - 1] != '.')
    return s;
  size_t label = 0; /* the length of the last label before the stop */
  for (size_t i = 0; i + 1 < n; i++) {
    char c = s[i];
    if (c == '.')
      label = 0;
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
      label++;
    else
      return s;
  }
  if (label < 2)
    return s;
  const char *t = arena_strndup(x->mem, s, n - 1);
  return t ? t : s;
}

static void choose_rest(mctx *x) {
  article_meta *m = &x->art->meta;
  const ld_info *ld = &x->ld_info;
  m->canonical_url = meta_resolve_url(x, x->canonical);
  if (!m->canonical_url)
    m->canonical_url = meta_resolve_url(x, meta_tag(x, "og:url"));
  static const char *const sites[] = {"og:site_name", "application-name",
                                      "apple-mobile-web-app-title"};
  const char *site = meta_site_name(x, meta_tag(x, sites[0]));
  if (!site)
    site = meta_site_name(x, ld->site_name);
  if (!site)
    site = meta_site_name(x, ld->publisher);
  if (!site)
    site = meta_site_name(x, meta_first_tag(x, sites + 1, 2));
  if (!site && x->tin) { /* "Headline | Site", with the logo's words or the host */
    const dom_node *logo = x->home_link && x->home_link_pos < x->title_pos ? x->home_link : NULL;
    site = title_site_part(x->tin->doc_title, x->art->title,
                           logo ? meta_node_text(x, logo, 300) : NULL, x->tin, x->tmp);
  }
  m->site_name = without_domain_stop(x, meta_text_value(x, site, 300));
  static const char *const sections[] = {"article:section", "og:article:section",
                                         "parsely-section", "sailthru.section",
                                         "section",         "article.section"};
  const char *section = meta_section_name(x, meta_first_tag(x, sections, 2));
  if (!section)
    section = meta_section_name(x, ld->section);
  if (!section)
    section = meta_section_name(x, meta_first_tag(x, sections + 2, 4));
  m->section = meta_text_value(x, section, 200);
  static const char *const descriptions[] = {"og:description", "description", "twitter:description",
                                             "dc.description"};
  const char *desc = meta_first_tag(x, descriptions, 2);
  if (!desc)
    desc = ld->description;
  if (!desc)
    desc = meta_first_tag(x, descriptions + 2, 2);
  m->description = meta_text_value(x, meta_description_text(x, desc), 4000);
  static const char *const images[] = {"og:image", "og:image:url", "og:image:secure_url",
                                       "twitter:image", "twitter:image:src"};
  const char *img = meta_first_tag(x, images, 5);
  if (!img)
    img = ld->image;
  if (!img)
    img = x->image_src;
  m->image = meta_resolve_url(x, img);
  const char *lic = x->license;
  if (!lic)
    lic = ld->license;
  if (!lic) {
    static const char *const licenses[] = {"dcterms.license", "dc.rights.license", "license"};
    lic = meta_first_tag(x, licenses, 3);
  }
  m->license = lic && meta_is_http(lic) ? meta_resolve_url(x, lic) : meta_text_value(x, lic, 300);
  m->editor = meta_text_value(x, ld->editor, 200);
  m->page_type = meta_page_type(x);
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
  x->title_only = title_only;
  if (doc->root)
    walk(x, doc->root, 0, 0);
  x->order = meta_date_order(x);
  read_jsonld(x);
  x->base = x->art->url && meta_is_http(x->art->url) ? x->art->url : NULL;
  if (!x->base && x->canonical && meta_is_http(x->canonical))
    x->base = x->canonical;
  title_input *in = arena_alloc(&tmp, sizeof *in);
  char *host = arena_alloc(&tmp, 256);
  if (in && host)
    meta_choose_title(x, in, host);
  if (!title_only) {
    meta_choose_dates(x);
    meta_choose_authors(x);
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
