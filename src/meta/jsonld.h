/* schema.org JSON-LD: which object describes the page (its main entity)
 * and what it says — headline, authors, dates, publisher, and the rest. */
#ifndef PITH_META_JSONLD_H
#define PITH_META_JSONLD_H

#include <stddef.h>

#include "meta/json.h"
#include "util/arena.h"

/* What kind of thing a schema.org type describes. */
typedef enum {
  LD_NONE,
  LD_PAGE,    /* WebPage and kin */
  LD_LISTING, /* CollectionPage, ItemList, SearchResultsPage */
  LD_OTHER,   /* a creative work of another kind: Recipe, Event, Course, ... */
  LD_PRODUCT, /* Product, Offer, SoftwareApplication */
  LD_FORUM,   /* DiscussionForumPosting, QAPage, Question */
  LD_ARTICLE, /* Article and its subtypes, BlogPosting, Report, Review, ... */
} ld_kind;

enum { LD_MAX_AUTHORS = 16, LD_MAX_KEYWORDS = 32, LD_MAX_ENTITIES = 256 };

/* What the JSON-LD of a page says. Strings point into the parsed JSON
 * (entities not yet decoded, white space not yet collapsed). */
typedef struct {
  ld_kind kind; /* of the main entity */
  const char *type;
  const char *headline;
  const char *authors[LD_MAX_AUTHORS];
  unsigned char author_is_org[LD_MAX_AUTHORS];
  size_t nauthors;
  const char *date_published, *date_modified;
  /* Dates and name of the WebPage, when it is not the main entity. */
  const char *page_date_published, *page_date_modified, *page_name;
  const char *description;
  const char *image;
  const char *section;
  const char *keywords[LD_MAX_KEYWORDS];
  size_t nkeywords;
  const char *keywords_text; /* keywords as one comma-separated string */
  const char *language;
  const char *license;
  const char *publisher; /* the publishing organisation's name */
  const char *site_name; /* the WebSite's name */
  const char *editor;
  /* The author of the item a review reviews (a ClaimReview's claim, a
   * reviewed book): never the page's. */
  const char *reviewed_author;
  const char *url; /* the main entity's own address, if it says */
  int narticles;   /* article-like entities seen */
  int has_breadcrumb;
} ld_info;

/* The objects of all a page's JSON-LD blocks, gathered before choosing. */
typedef struct {
  const json_value *objs[LD_MAX_ENTITIES];
  unsigned char depth[LD_MAX_ENTITIES];   /* nesting: 0 top level or @graph */
  unsigned char related[LD_MAX_ENTITIES]; /* reached through a review, comment, list element */
  size_t n;
} ld_set;

/* Adds the typed objects of one parsed JSON-LD block. */
void jsonld_add(ld_set *set, const json_value *root);

/* Chooses the main entity and reads it into out. page_url (canonical
 * address, or NULL) helps choose among several articles. */
void jsonld_read(const ld_set *set, const char *page_url, ld_info *out);

#endif
