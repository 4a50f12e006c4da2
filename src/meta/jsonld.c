/* Reading schema.org JSON-LD. Pages put their objects at the top level, in
 * arrays, in "@graph", or nested (an Article as a WebPage's mainEntity), and
 * refer to one another by "@id". All typed objects are gathered first; the
 * main entity is the one of the most specific kind (an article over a
 * product over a web page), the least nested, the first. */
#include "meta/jsonld.h"

#include <string.h>

#include "meta/mstr.h"

enum { LD_MAX_DEPTH = 24 };

/* Properties whose values are other items than the one that holds them:
 * a product's reviews, a post's comments, a list's elements, links to
 * other pages. What is reached through them is never the page's main
 * entity (a Review inside a Product names its reviewer as its author). */
static int holds_other_items(const char *key) {
  static const char *const keys[] = {"review",         "reviews",         "comment",
                                     "comments",       "itemListElement", "relatedLink",
                                     "isRelatedTo",    "isSimilarTo",     "suggestedAnswer",
                                     "acceptedAnswer", "citation",        "hasPart"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
    if (!strcmp(key, keys[i]))
      return 1;
  return 0;
}

static void collect(ld_set *set, const json_value *v, int depth, int top, int related) {
  if (!v || depth > LD_MAX_DEPTH)
    return;
  if (v->type == JSON_ARRAY) {
    for (const json_value *c = v->first; c; c = c->next)
      collect(set, c, depth, top, related);
    return;
  }
  if (v->type != JSON_OBJECT)
    return;
  int d = top ? 0 : depth;
  if (json_get(v, "@type") && set->n < LD_MAX_ENTITIES) {
    set->objs[set->n] = v;
    set->depth[set->n] = (unsigned char)(d > 255 ? 255 : d);
    set->related[set->n] = (unsigned char)related;
    set->n++;
  }
  for (const json_value *c = v->first; c; c = c->next) {
    if (!c->key)
      continue;
    /* "@graph" holds top-level objects; anything else is nested. */
    int graph = !strcmp(c->key, "@graph");
    collect(set, c, graph ? d : d + 1, graph && d == 0, related || holds_other_items(c->key));
  }
}

void jsonld_add(ld_set *set, const json_value *root) {
  collect(set, root, 0, 1, 0);
}

/* ---- types ---------------------------------------------------------------- */

static const char *bare_type(const char *t) {
  static const char *const prefixes[] = {"http://schema.org/", "https://schema.org/", "schema:"};
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
    if (mstr_istarts(t, prefixes[i]))
      return t + strlen(prefixes[i]);
  return t;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && !strcmp(s + n - k, suffix);
}

static ld_kind kind_of_name(const char *t) {
  static const char *const forum[] = {"DiscussionForumPosting", "QAPage", "Question"};
  static const char *const article[] = {"Report",      "Review",          "CriticReview",
                                        "Thesis",      "LiveBlogPosting", "SocialMediaPosting",
                                        "BlogPosting", "APIReference"};
  static const char *const product[] = {"Product",
                                        "ProductGroup",
                                        "IndividualProduct",
                                        "ProductModel",
                                        "SoftwareApplication",
                                        "MobileApplication",
                                        "WebApplication",
                                        "VideoGame",
                                        "Car",
                                        "Vehicle",
                                        "Book",
                                        "Offer",
                                        "AggregateOffer"};
  static const char *const other[] = {"Recipe",         "HowTo",          "Event",   "Course",
                                      "VideoObject",    "PodcastEpisode", "Episode", "Movie",
                                      "MusicRecording", "JobPosting",     "Dataset", "Guide",
                                      "Legislation"};
  static const char *const page[] = {"WebPage",        "ItemPage",     "AboutPage",
                                     "FAQPage",        "ProfilePage",  "ContactPage",
                                     "MedicalWebPage", "CheckoutPage", "RealEstateListing"};
  static const char *const listing[] = {"CollectionPage", "SearchResultsPage"};
  t = bare_type(t);
#define IN(list)                                                                                   \
  for (size_t i = 0; i < sizeof list / sizeof *list; i++)                                          \
    if (!strcmp(t, list[i]))
  IN(forum) return LD_FORUM;
  IN(article) return LD_ARTICLE;
  if (ends_with(t, "Article"))
    return LD_ARTICLE;
  IN(product) return LD_PRODUCT;
  IN(other) return LD_OTHER;
  IN(page) return LD_PAGE;
  IN(listing) return LD_LISTING;
#undef IN
  return LD_NONE;
}

/* The most specific kind among an object's types (a string or an array). */
static ld_kind kind_of(const json_value *obj, const char **name) {
  const json_value *t = json_get(obj, "@type");
  ld_kind best = LD_NONE;
  if (name)
    *name = NULL;
  if (!t)
    return LD_NONE;
  const json_value *one = t->type == JSON_ARRAY ? t->first : t;
  for (; one; one = t->type == JSON_ARRAY ? one->next : NULL) {
    if (one->type != JSON_STRING)
      continue;
    ld_kind k = kind_of_name(one->str);
    if (k > best || (name && !*name)) {
      if (k > best)
        best = k;
      if (name)
        *name = bare_type(one->str);
    }
  }
  return best;
}

static int has_type(const json_value *obj, const char *type) {
  const json_value *t = json_get(obj, "@type");
  if (!t)
    return 0;
  const json_value *one = t->type == JSON_ARRAY ? t->first : t;
  for (; one; one = t->type == JSON_ARRAY ? one->next : NULL)
    if (one->type == JSON_STRING && !strcmp(bare_type(one->str), type))
      return 1;
  return 0;
}

static int is_org(const json_value *obj) {
  static const char *const orgs[] = {
      "Organization",  "NewsMediaOrganization",   "Corporation",
      "LocalBusiness", "EducationalOrganization", "GovernmentOrganization",
      "NGO",           "OnlineBusiness",          "Brand"};
  for (size_t i = 0; i < sizeof orgs / sizeof *orgs; i++)
    if (has_type(obj, orgs[i]))
      return 1;
  return 0;
}

/* ---- values --------------------------------------------------------------- */

static const char *string_of(const json_value *v) {
  if (!v)
    return NULL;
  if (v->type == JSON_ARRAY)
    v = v->first;
  if (v && (v->type == JSON_STRING || v->type == JSON_NUMBER) && v->len)
    return v->str;
  return NULL;
}

/* An object the reference {"@id": ...} points to, or v itself. */
static const json_value *resolve(const ld_set *set, const json_value *v) {
  if (!v || v->type != JSON_OBJECT)
    return v;
  const char *id = string_of(json_get(v, "@id"));
  if (!id || v->count > 2)
    return v;
  for (size_t i = 0; i < set->n; i++) {
    const json_value *o = set->objs[i];
    if (o != v && o->count > 2 && string_of(json_get(o, "@id")) &&
        !strcmp(string_of(json_get(o, "@id")), id))
      return o;
  }
  return v;
}

/* v (or an array's first item) as a string, returned; or as the object it
 * is or refers to, in *obj. */
static const char *string_or_object(const ld_set *set, const json_value *v,
                                    const json_value **obj) {
  *obj = NULL;
  if (v && v->type == JSON_ARRAY)
    v = v->first;
  if (!v)
    return NULL;
  if (v->type == JSON_STRING)
    return v->len ? v->str : NULL;
  v = resolve(set, v);
  if (v->type == JSON_OBJECT)
    *obj = v;
  return NULL;
}

/* A name: a string, or an object's "name" (following references). */
static const char *name_of(const ld_set *set, const json_value *v) {
  const char *s = string_or_object(set, v, &v);
  if (s || !v)
    return s;
  const char *n = string_of(json_get(v, "name"));
  if (!n) {
    const char *given = string_of(json_get(v, "givenName"));
    const char *family = string_of(json_get(v, "familyName"));
    n = given && !family ? given : family && !given ? family : NULL;
  }
  return n;
}

/* A URL: a string, or an object's "url"/"contentUrl"/"@id". */
static const char *url_of(const ld_set *set, const json_value *v) {
  const char *s = string_or_object(set, v, &v);
  if (s || !v)
    return s;
  const char *u = string_of(json_get(v, "url"));
  if (!u)
    u = string_of(json_get(v, "contentUrl"));
  if (!u)
    u = string_of(json_get(v, "@id"));
  return u;
}

static int looks_like_url(const char *s) {
  return mstr_istarts(s, "http://") || mstr_istarts(s, "https://") || mstr_istarts(s, "//") ||
         mstr_istarts(s, "www.");
}

static void add_author(ld_info *out, const char *name, int org) {
  if (!name || !*name || looks_like_url(name) || out->nauthors == LD_MAX_AUTHORS)
    return;
  for (size_t i = 0; i < out->nauthors; i++)
    if (!strcmp(out->authors[i], name))
      return;
  out->author_is_org[out->nauthors] = (unsigned char)org;
  out->authors[out->nauthors++] = name;
}

static void read_authors(const ld_set *set, const json_value *v, ld_info *out) {
  if (!v)
    return;
  if (v->type == JSON_ARRAY) {
    for (const json_value *c = v->first; c; c = c->next)
      if (c->type != JSON_ARRAY)
        read_authors(set, c, out);
    return;
  }
  if (v->type == JSON_STRING) {
    add_author(out, v->len ? v->str : NULL, 0);
    return;
  }
  const json_value *o = resolve(set, v);
  if (o && o->type == JSON_OBJECT)
    add_author(out, name_of(set, o), is_org(o));
}

static void read_keywords(const json_value *v, ld_info *out) {
  if (!v)
    return;
  if (v->type == JSON_STRING) {
    out->keywords_text = v->len ? v->str : NULL;
    return;
  }
  if (v->type != JSON_ARRAY)
    return;
  for (const json_value *c = v->first; c && out->nkeywords < LD_MAX_KEYWORDS; c = c->next) {
    const char *s = c->type == JSON_STRING ? c->str : string_of(json_get(c, "name"));
    if (s && *s)
      out->keywords[out->nkeywords++] = s;
  }
}

/* Same address, give or take the scheme, "www.", a trailing slash, a
 * query or a fragment. */
static int same_url(const char *a, const char *b) {
  if (!a || !b)
    return 0;
  const char *pa = strstr(a, "://"), *pb = strstr(b, "://");
  a = pa ? pa + 3 : a;
  b = pb ? pb + 3 : b;
  if (!strncmp(a, "www.", 4))
    a += 4;
  if (!strncmp(b, "www.", 4))
    b += 4;
  size_t na = strcspn(a, "?#"), nb = strcspn(b, "?#");
  while (na && a[na - 1] == '/')
    na--;
  while (nb && b[nb - 1] == '/')
    nb--;
  return na == nb && !memcmp(a, b, na);
}

static const char *entity_url(const ld_set *set, const json_value *o) {
  const char *u = string_of(json_get(o, "url"));
  if (!u)
    u = url_of(set, json_get(o, "mainEntityOfPage"));
  if (!u)
    u = string_of(json_get(o, "@id"));
  return u;
}

static int rank(ld_kind k) {
  switch (k) {
  case LD_ARTICLE:
  case LD_FORUM:
    return 5;
  case LD_PRODUCT:
    return 4;
  case LD_OTHER:
    return 3;
  case LD_PAGE:
  case LD_LISTING:
    return 1;
  case LD_NONE:
    break;
  }
  return 0;
}

void jsonld_read(const ld_set *set, const char *page_url, ld_info *out) {
  memset(out, 0, sizeof *out);
  const json_value *main = NULL, *page = NULL, *site = NULL, *org = NULL;
  int main_rank = 0, main_depth = 0;
  /* Articles: several of them at the top are a list of posts, not the
   * page's own article, unless one of them is the page. */
  int articles_top = 0, min_depth = 255;
  const json_value *article_match = NULL;
  for (size_t i = 0; i < set->n; i++) {
    const json_value *o = set->objs[i];
    ld_kind k = kind_of(o, NULL);
    if (k == LD_ARTICLE || k == LD_FORUM) {
      out->narticles++;
      if (set->depth[i] < min_depth) {
        min_depth = set->depth[i];
        articles_top = 0;
      }
      if (set->depth[i] == min_depth)
        articles_top++;
      if (page_url && !article_match && same_url(entity_url(set, o), page_url))
        article_match = o;
    }
    if ((k == LD_PAGE || k == LD_LISTING) && !page)
      page = o;
    if (!site && has_type(o, "WebSite"))
      site = o;
    if (!org && set->depth[i] == 0 && is_org(o))
      org = o;
    if (has_type(o, "BreadcrumbList"))
      out->has_breadcrumb = 1;
    const json_value *reviewed = resolve(set, json_get(o, "itemReviewed"));
    if (!out->reviewed_author && reviewed && reviewed->type == JSON_OBJECT)
      out->reviewed_author = name_of(set, json_get(reviewed, "author"));
  }
  int skip_articles = articles_top >= 3 && !article_match;
  for (size_t i = 0; i < set->n; i++) {
    const json_value *o = set->objs[i];
    ld_kind k = kind_of(o, NULL);
    if ((skip_articles && (k == LD_ARTICLE || k == LD_FORUM)) || set->related[i])
      continue;
    int r = rank(k);
    if (article_match && o == article_match)
      r = 6;
    if (r > main_rank || (r == main_rank && r && set->depth[i] < main_depth)) {
      main = o;
      main_rank = r;
      main_depth = set->depth[i];
    }
  }
  if (page && page != main) {
    out->page_date_published = string_of(json_get(page, "datePublished"));
    out->page_date_modified = string_of(json_get(page, "dateModified"));
    out->page_name = string_of(json_get(page, "name"));
  }
  if (site)
    out->site_name = name_of(set, site);
  if (!main) {
    if (org)
      out->publisher = name_of(set, org);
    return;
  }
  out->kind = kind_of(main, &out->type);
  out->headline = string_of(json_get(main, "headline"));
  if (!out->headline)
    out->headline = string_of(json_get(main, "name"));
  read_authors(set, json_get(main, "author"), out);
  if (!out->nauthors)
    read_authors(set, json_get(main, "creator"), out);
  /* A QAPage's question holds the thread's author and date. */
  const json_value *inner = resolve(set, json_get(main, "mainEntity"));
  if (inner && inner->type == JSON_ARRAY)
    inner = inner->first;
  if (inner && inner->type != JSON_OBJECT)
    inner = NULL;
  if (!out->nauthors && inner)
    read_authors(set, json_get(inner, "author"), out);
  static const char *const published[] = {"datePublished", "dateCreated", "uploadDate"};
  for (size_t i = 0; i < 3 && !out->date_published; i++)
    out->date_published = string_of(json_get(main, published[i]));
  for (size_t i = 0; i < 3 && !out->date_published && inner; i++)
    out->date_published = string_of(json_get(inner, published[i]));
  out->date_modified = string_of(json_get(main, "dateModified"));
  out->description = string_of(json_get(main, "description"));
  out->image = url_of(set, json_get(main, "image"));
  if (!out->image)
    out->image = string_of(json_get(main, "thumbnailUrl"));
  out->section = string_of(json_get(main, "articleSection"));
  read_keywords(json_get(main, "keywords"), out);
  const json_value *lang = json_get(main, "inLanguage");
  if (!lang && page)
    lang = json_get(page, "inLanguage");
  if (!lang && site)
    lang = json_get(site, "inLanguage");
  out->language = string_of(lang);
  if (!out->language && lang && lang->type == JSON_OBJECT) {
    out->language = string_of(json_get(lang, "alternateName"));
    if (!out->language)
      out->language = string_of(json_get(lang, "name"));
  }
  out->license = url_of(set, json_get(main, "license"));
  out->publisher = name_of(set, json_get(main, "publisher"));
  if (!out->publisher && org)
    out->publisher = name_of(set, org);
  out->editor = name_of(set, json_get(main, "editor"));
  out->url = entity_url(set, main);
}
