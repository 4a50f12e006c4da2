/* The page's dates: candidates from every source (JSON-LD of the main
 * entity, publication meta tags, the address, <time>s, datelines and
 * bylines near the headline, the text), each with a score for how much its
 * source is trusted; the best valid one is the publication date. A real
 * calendar date, not before the web and not after the page was fetched. */
#include "meta/page.h"

#include <stdio.h>
#include <string.h>

#include "meta/date_choice.h"
#include "meta/mstr.h"

static date_cand *add_date(mctx *x, const meta_date *d, int score, uint32_t pos, const char *src) {
  if (!date_valid(d, &x->max) || x->ndates == sizeof x->dates / sizeof *x->dates)
    return NULL;
  date_cand *c = &x->dates[x->ndates++];
  c->d = *d;
  c->score = score;
  c->pos = pos;
  c->shown = SHOWN_NOT;
  c->update = 0;
  c->item = ITEM_NOT;
  c->el = NULL;
  c->src = src;
  return c;
}

void date_add_shown(mctx *x, const meta_date *d, int score, uint32_t pos, const char *src) {
  date_cand *c = add_date(x, d, score, pos, src);
  if (c)
    c->shown = SHOWN_TEXT;
}

/* A date seen on the page: labelled as an update's (r == 2), it stands
 * only for want of anything else (the update rule: best_date). */
static void add_visible(mctx *x, const meta_date *d, int r, int score, uint32_t pos,
                        const char *src, const dom_node *el) {
  date_cand *c = add_date(x, d, r == 2 ? UPDATED_SCORE : score, pos, r == 2 ? "updated" : src);
  if (!c)
    return;
  c->el = el;
  c->shown = r == 2 || !el ? SHOWN_TEXT : SHOWN_ELEMENT;
  c->update = r == 2;
}

/* A date in an item of its own (a card of another post, a list's entry,
 * a quotation): that item's date, not the page's. It is kept to know the
 * same day when the text scans read it again, and never chosen. */
static int item_date(mctx *x, const mnode *m, const meta_date *d) {
  if (!meta_in_list_entry(x, m->n))
    return 0;
  date_cand *c = add_date(x, d, 0, m->pos, "item");
  if (c) {
    c->shown = SHOWN_ELEMENT;
    c->item = ITEM_OWN;
    c->el = m->n;
  }
  return 1;
}

void date_add_text(mctx *x, const char *s, int score, uint32_t pos, const char *src) {
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

/* Whether w[0..len) holds the end of a sentence or a field: what
 * follows a label there is no longer labelled by it ("The strike ends.
 * Posted 3 May 2023", "Registered users: 5 | 3 May 2023"). */
static int breaks_off(const char *w, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (w[i] && strchr(".!?;|", w[i]))
      return 1;
  return 0;
}

/* date_label_before; when next_to, only a label that nothing breaks off
 * from text[at] (breaks_off). */
static int label_before(const char *text, size_t at, size_t window, const char *const *labels,
                        size_t n, int next_to) {
  /* The window less its soft hyphens ("Aktua&shy;lisiert", "Dead&shy;line":
   * the extracted text keeps them). */
  char w[128];
  if (window > sizeof w - 1)
    window = sizeof w - 1;
  size_t from = at > window ? at - window : 0, len = 0;
  for (size_t i = from; i < at; i++) {
    if ((unsigned char)text[i] == 0xC2 && i + 1 < at && (unsigned char)text[i + 1] == 0xAD)
      i++;
    else
      w[len++] = text[i];
  }
  w[len] = '\0';
  for (size_t i = 0; i < n; i++) {
    const char *p = w;
    size_t k = strlen(labels[i]);
    while ((p = mstr_istr(p, len - (size_t)(p - w), labels[i]))) {
      /* A word starts after a digit too: inline elements' text runs
       * together ("22, 2022Updated: ..."). */
      unsigned char before = p > w  ? (unsigned char)p[-1]
                             : from ? (unsigned char)text[from - 1]
                                    : 0;
      if ((!before || !mstr_is_alnum(before) || before >= 0x80 ||
           (before >= '0' && before <= '9')) &&
          !(next_to && breaks_off(p + k, len - (size_t)(p + k - w))))
        return 1;
      p += k;
    }
  }
  return 0;
}

/* Whether one of labels starts a word within the window bytes before
 * text[at] (as a word of its own: "edited" is not "credited"). */
int date_label_before(const char *text, size_t at, size_t window, const char *const *labels,
                      size_t n) {
  return label_before(text, at, window, labels, n, 0);
}

/* Whether the words just before text[at] say the date is an update's. */
int date_update_label(const char *text, size_t at) {
  static const char *const labels[] = {
      "updated",    "update",      "modified",    "aktualisiert",  "geändert",
      "mis à jour", "mise à jour", "actualizado", "actualización", "aggiornato",
      "atualizado", "bijgewerkt",  "edited",      "revised",       "last reviewed"};
  return date_label_before(text, at, 30, labels, sizeof labels / sizeof *labels);
}

/* Whether the words just before text[at] say the date is something
 * else's than a text's: when someone joined a site ("Joined March 2007",
 * "Member since 2011": a profile's, a poster's), or when an offer, a
 * call or a validity ends or starts ("Sale ends 03/31/2026", "valid
 * through", "Deadline to apply: March 1st"). Never a publication's. */
int date_other_label(const char *text, size_t at) {
  static const char *const labels[] = {
      "joined",      "member since",  "registered",     "mitglied seit", "dabei seit",
      "registriert", "membre depuis", "inscrit depuis", "inscrit le",    "miembro desde",
      "registrado",  "iscritto dal",  "lid sinds",      "valid through", "valid thru",
      "valid until", "valid till",    "valid from",     "expires",       "expiry",
      "expiration",  "ends",          "deadline",       "apply by",      "gültig bis",
      "gültig ab",   "frist",         "schluss",        "jusqu'au",      "date limite",
      "valable",     "válido hasta",  "fecha límite",   "valido fino",   "scadenza"};
  return label_before(text, at, 30, labels, sizeof labels / sizeof *labels, 1);
}

/* Words that say a date is a publication's. */
static const char *const publish_words[] = {
    "published",      "posted",      "publié",   "publicado",    "pubblicato",
    "veröffentlicht", "erstellt",    "gepostet", "gepubliceerd", "opublikowano",
    "mise en ligne",  "written on",  "date:",    "datum:",       "fecha:",
    "data:",          "publication", "released", "erschienen"};

/* Whether the words just before text[at] say the date is a publication's. */
int date_publish_label(const char *text, size_t at) {
  return date_label_before(text, at, 32, publish_words,
                           sizeof publish_words / sizeof *publish_words);
}

/* The first date in text that is not labelled as an update: 1, or 2 when
 * there are only updates' dates (*d the first of them), or 0. */
static int published_in_at(const mctx *x, const char *text, size_t len, int short_years,
                           meta_date *d, size_t *where) {
  size_t off = 0, first_at = 0;
  int found = 0;
  meta_date first;
  for (int tries = 0; tries < 8 && off < len; tries++) {
    size_t at, end;
    if (!date_find_span(text + off, len - off, x->order, short_years, d, &at, &end))
      break;
    /* Someone's membership ("Joined Nov 4, 2011"), an offer's end, one
     * end of a range of days (an event's, a closure's): no date of the
     * text. */
    int joined = date_other_label(text, off + at) || date_in_range(text, len, off + at, off + end);
    if (!joined && !date_update_label(text, off + at)) {
      if (where)
        *where = off + at;
      return 1;
    }
    if (!joined && !found) {
      first = *d;
      first_at = off + at;
      found = 1;
    }
    off += at + 1;
    while (off < len && text[off] >= '0' && text[off] <= '9')
      off++;
  }
  if (found) {
    *d = first;
    if (where)
      *where = first_at;
  }
  return found ? 2 : 0;
}

static int published_in(const mctx *x, const char *text, size_t len, int short_years,
                        meta_date *d) {
  return published_in_at(x, text, len, short_years, d, NULL);
}

#ifdef PITH_DEBUG_META
/* The words around a date a text scan found. */
static void debug_scan(const char *src, const char *t, size_t len, size_t at) {
  size_t from = at > 100 ? at - 100 : 0, to = at + 60 < len ? at + 60 : len;
  fprintf(stderr, "scan %s @%zu/%zu [", src, at, len);
  for (size_t i = from; i < to; i++)
    fputc(t[i] == '\n' ? '|' : t[i], stderr);
  fprintf(stderr, "]\n");
}
#define DEBUG_SCAN(src, t, len, at) debug_scan(src, t, len, at)
#else
#define DEBUG_SCAN(src, t, len, at) ((void)0)
#endif

/* A date written in an element's attributes or text: 1, or 2 when it is
 * labelled as an update ("Updated: June 9, 2017"), or 0. */
static int element_date(mctx *x, const dom_node *n, int short_years, meta_date *d) {
  static const char *const attrs[] = {"datetime",  "content",        "data-datetime",
                                      "data-date", "data-timestamp", "title"};
  for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) {
    const char *v = dom_attr_get(n, attrs[i]);
    if (v && date_parse(v, strlen(v), d) && d->d) {
      /* "Last updated <time datetime=...>": the words before it, or in it. */
      const char *t = meta_node_text(x, n, 120);
      const dom_node *prev = n->prev;
      while (prev && prev->tag == TAG_TEXT && prev->text_len <= 1)
        prev = prev->prev;
      const char *before = prev ? meta_node_text(x, prev, 120) : NULL;
      /* In its text the label stands before the written date ("Updated on
       * June 18, 2025 at 12:35 PM"), however long the rest. */
      size_t at = t ? strlen(t) : 0;
      meta_date shown;
      if (t && !date_find(t, at, x->order, 0, &shown, &at))
        at = strlen(t);
      if ((t && date_other_label(t, at)) || (before && date_other_label(before, strlen(before))))
        return 0;
      if ((t && date_update_label(t, at)) || (before && date_update_label(before, strlen(before))))
        return 2;
      return 1;
    }
  }
  const char *t = meta_node_text(x, n, 300);
  return t ? published_in(x, t, strlen(t), short_years, d) : 0;
}

/* Whether n sits in a list of other pages (related, popular, widgets):
 * an element named so that does not hold the page's own headline
 * (platforms name the post's own box a widget too). Without a headline
 * there is no telling. */
static int in_other_pages(const mctx *x, const dom_node *n) {
  const dom_node *a = n, *h = x->title_node;
  if (!h)
    return 0;
  /* The lowest element holding both n and the headline: the boxes below
   * it, around n, do not hold the headline. */
  while (a && a->depth > h->depth)
    a = a->parent;
  while (a && h && h->depth > a->depth)
    h = h->parent;
  while (a && h && a != h) {
    a = a->parent;
    h = h->parent;
  }
  for (const dom_node *p = n; p && p != a && p->tag != TAG_TEXT; p = p->parent)
    if ((p->cls || p->id) && (meta_element_bits(x, p) & W_RELATED))
      return 1;
  return 0;
}

static void collect_dates(mctx *x) {
  const ld_info *ld = &x->ld_info;
  /* JSON-LD of an article, a post, a thread or another creative work (a
   * page entity's date waits for backing: record_dates). */
  if (ld->date_published && ld->kind >= LD_OTHER)
    date_add_text(x, ld->date_published, 100, 0, "ld");
  /* Meta tags. */
  for (size_t i = 0; i < sizeof published_tags / sizeof *published_tags; i++)
    date_add_text(x, meta_tag(x, published_tags[i].name), published_tags[i].score, 0,
                  published_tags[i].name);
  /* The address. */
  const char *urls[3] = {x->canonical, meta_tag(x, "og:url"), x->art->url};
  for (int i = 0; i < 3; i++) {
    meta_date d;
    if (urls[i] && date_from_url(urls[i], &d) == 3) {
      add_date(x, &d, 105, 0, "url");
      break;
    }
  }
  /* A product page's visible dates are its reviews' and offers': only
   * what the page says of itself above counts. */
  if (meta_is_product(x))
    return;
  /* Microdata. Many dated items, none by the headline, are a list of
   * other pages (cards of related articles), as much as a sidebar is. */
  size_t dated = 0, by_title = 0;
  for (size_t i = 0; i < x->props.n; i++)
    if (x->props.v[i].kind <= 1 && !(x->props.v[i].where & IN_COMMENT)) {
      dated++;
      by_title += meta_near_title(x, x->props.v[i].pos);
    }
  int list = dated >= 3 && !by_title && x->title_pos != UINT32_MAX;
  for (size_t i = 0; i < x->props.n; i++) {
    const mnode *m = &x->props.v[i];
    if (m->kind > 1 || (m->where & IN_COMMENT) ||
        ((m->where & IN_RELATED) && in_other_pages(x, m->n)))
      continue;
    meta_date d;
    int r = element_date(x, m->n, 0, &d);
    if (r && !item_date(x, m, &d))
      add_visible(x, &d, r,
                  (m->where & IN_CHROME) || list ? 50
                  : m->kind == 0                 ? 90
                                                 : 80,
                  m->pos, "itemprop", m->n);
  }
  /* <time> elements. */
  for (size_t i = 0; i < x->times.n; i++) {
    const mnode *m = &x->times.v[i];
    if ((m->where & IN_COMMENT) || ((m->where & IN_CHROME) && !meta_near_title(x, m->pos)))
      continue;
    const dom_node *n = m->n;
    meta_date d;
    int r = element_date(x, n, 0, &d);
    if (!r || item_date(x, m, &d))
      continue;
    int k = meta_dateline_kind(meta_element_bits(x, n));
    for (const dom_node *p = n->parent;
         !k && p && p->tag != TAG_BODY && p->tag != TAG_TEXT && n->depth - p->depth <= 2;
         p = p->parent)
      k = meta_dateline_kind(meta_element_bits(x, p));
    int s = dom_attr_get(n, "pubdate") ? 88 : k == K_PUBLISHED ? 80 : 55;
    if (meta_near_title(x, m->pos))
      s += 10;
    if (m->where & IN_CHROME)
      s -= 15;
    add_visible(x, &d, k == K_UPDATED ? 2 : r, s, m->pos, "time", m->n);
  }
  /* Datelines: elements named for dates, near the headline. */
  for (size_t i = 0; i < x->datelines.n; i++) {
    const mnode *m = &x->datelines.v[i];
    if ((m->where & IN_CHROME) && !meta_near_title(x, m->pos))
      continue;
    meta_date d;
    int r = element_date(x, m->n, 1, &d);
    if (!r || item_date(x, m, &d))
      continue;
    int s = m->kind == K_PUBLISHED ? 62 : 52;
#ifdef PITH_DEBUG_META
    {
      const char *dt = meta_node_text(x, m->n, 120);
      fprintf(stderr, "dateline-el pos %u kind %d where %u near %d <%s class=%s id=%s> [%s]\n",
              m->pos, m->kind, m->where, meta_near_title(x, m->pos), tag_name((tag_id)m->n->tag),
              m->n->cls ? m->n->cls : "", m->n->id ? m->n->id : "", dt ? dt : "");
    }
#endif
    if (meta_near_title(x, m->pos))
      s += 10;
    if (m->where & IN_CHROME)
      s -= 15;
    add_visible(x, &d, m->kind == K_UPDATED ? 2 : r, s, m->pos, "dateline", m->n);
  }
  /* Bylines often carry the date too. */
  for (size_t i = 0; i < x->bylines.n; i++) {
    const mnode *m = &x->bylines.v[i];
    if ((m->where & IN_CHROME) && !meta_near_title(x, m->pos))
      continue;
    meta_date d;
    const char *t = meta_node_text(x, m->n, 300);
    int r = t ? published_in(x, t, strlen(t), 1, &d) : 0;
    /* "<a rel=author>Jane Doe</a>, 8.5.12": the line around the name. */
    if (!r && m->n->parent && m->n->parent->tag != TAG_TEXT) {
      t = meta_node_text(x, m->n->parent, 300);
      r = t && strlen(t) < 200 ? published_in(x, t, strlen(t), 1, &d) : 0;
    }
    if (r && !item_date(x, m, &d))
      add_visible(x, &d, r, meta_near_title(x, m->pos) ? 60 : 50, m->pos, "byline", m->n);
  }
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
      const char *bigger = meta_page_text(x, box->parent, 1500);
      if (bigger && strlen(bigger) > 600)
        break;
      box = box->parent;
      t = bigger;
    }
    meta_date d;
    size_t at = 0;
    int r = t ? published_in_at(x, t, strlen(t), 1, &d, &at) : 0;
    if (r) {
      DEBUG_SCAN("near-title", t, strlen(t), at);
      add_visible(x, &d, r, 45, x->title_pos, "near-title", NULL);
    }
    /* What follows the headline. */
    t = h ? meta_text_after(x, h, 400) : NULL;
    r = t ? published_in_at(x, t, strlen(t), 1, &d, &at) : 0;
    if (r) {
      DEBUG_SCAN("after-title", t, strlen(t), at);
      add_visible(x, &d, r, 44, x->title_pos, "after-title", NULL);
    }
  }
  /* The main text's first blocks (its opening), less those of the
   * comments: the extractor may take a long thread under a short post for
   * the main text, and a comment's date is not the post's. */
  size_t seen = 0;
  const char *comments = NULL;
  for (const article_block *b = x->art->first; b && seen < TEXT_OPENING; b = b->next) {
    meta_date d;
    int r = b->len < 200 ? published_in(x, b->text, b->len, 0, &d) : 0;
    if (r && !comments && x->doc->body)
      comments = meta_page_text_of(x, x->doc->body, SCAN_BYTES, IN_COMMENT);
    if (r && comments && strstr(comments, b->text))
      r = 0;
    if (r) {
      DEBUG_SCAN("text", b->text, b->len, 0);
      add_visible(x, &d, r, 35, UINT32_MAX, "text", NULL);
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
  const char *t = meta_body_text(x);
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
      if (c->update)
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
    if (c->update)
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
    if (c->shown == SHOWN_NOT || same || !meta_near_title(x, c->pos))
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

/* A dateline (an element named for dates) that nothing else backs, and
 * the first date under the headline another one, not an update's: the
 * dateline is the site's (today's date in its header) or a list's (dated
 * links under the article); the date under the headline is the page's. */
static const date_cand *after_headline_instead(const mctx *x, const date_cand *best) {
  if (!best || strcmp(best->src, "dateline"))
    return best;
  const date_cand *after = NULL;
  for (size_t i = 0; i < x->ndates; i++) {
    const date_cand *c = &x->dates[i];
    if (!date_cmp_day(&c->d, &best->d) && c->shown == SHOWN_NOT)
      return best; /* the markup or the address backs it */
    if (!strcmp(c->src, "after-title"))
      after = c;
  }
  if (!after || !date_cmp_day(&after->d, &best->d))
    return best;
  /* The text's reading knows an update by its words only; its element's
   * name may say so too. */
  for (size_t i = 0; i < x->ndates; i++)
    if (x->dates[i].update && !date_cmp_day(&x->dates[i].d, &after->d))
      return best;
  return after;
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
    if (c->update)
      agree = 0;
    int s = c->score + (agree > 3 ? 3 : agree) - reply_penalty(x, c);
#ifdef PITH_DEBUG_META
    fprintf(stderr, "date %04d-%02d-%02d score %d (+%d) pos %u %s\n", c->d.y, c->d.m, c->d.d,
            c->score, agree, c->pos, c->src);
#endif
    if (!best || s > best_score || (s == best_score && c->d.has_time && !best->d.has_time) ||
        (s == best_score && c->update && best->update && c->pos < best->pos)) {
      best = c;
      best_score = s;
    }
  }
  return after_headline_instead(x, updated_instead(x, shown_instead(x, best)));
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

/* A page entity's datePublished in JSON-LD (a WebPage, a CollectionPage:
 * the main entity when the page declares no article, post or thread, or
 * the page beside its article) is when the CMS made the page's record, and
 * SEO plugins write it for every page, service pages and listings alike:
 * it dates the page only when another source gives the same day. */
static void record_dates(mctx *x) {
  const ld_info *ld = &x->ld_info;
  const char *records[2] = {ld->kind < LD_OTHER ? ld->date_published : NULL,
                            ld->page_date_published};
  for (int k = 0; k < 2; k++) {
    meta_date d;
    if (!records[k] || !date_parse(records[k], strlen(records[k]), &d))
      continue;
    int backed = 0;
    for (size_t i = 0; i < x->ndates && !backed; i++)
      backed = !date_cmp_day(&x->dates[i].d, &d);
    if (backed)
      add_date(x, &d, 72, 0, k ? "ld-page" : "ld");
  }
}

/* Leaves out the items' dates, and the text's readings of the same days
 * (the first date after a list's heading is its first entry's) unless the
 * markup, the address or an element of the page's own says that day too. */
static void drop_item_dates(mctx *x) {
  size_t k = 0;
  for (size_t i = 0; i < x->ndates; i++) {
    const date_cand *c = &x->dates[i];
    int drop = c->item;
    for (size_t j = 0; !drop && c->shown == SHOWN_TEXT && j < x->ndates; j++)
      drop = x->dates[j].item == ITEM_OWN && !date_cmp_day(&x->dates[j].d, &c->d);
    for (size_t j = 0; drop && !c->item && j < x->ndates; j++)
      drop = x->dates[j].item || x->dates[j].shown == SHOWN_TEXT ||
             date_cmp_day(&x->dates[j].d, &c->d);
    if (!drop)
      x->dates[k++] = *c;
#ifdef PITH_DEBUG_META
    else
      fprintf(stderr, "dropped %04d-%02d-%02d %s item %d\n", c->d.y, c->d.m, c->d.d, c->src,
              c->item);
#endif
  }
  x->ndates = k;
}

void meta_choose_dates(mctx *x) {
  collect_dates(x);
  if (!meta_is_product(x)) {
    text_dates(x);
    original_dates(x);
    meta_last_resort_dates(x);
  }
  meta_list_dates(x);
  drop_item_dates(x);
  record_dates(x);
  settle_swappable(x);
  const date_cand *pub = best_date(x);
  if (pub)
    x->art->meta.date_published = format_date(x, &pub->d);
#ifdef PITH_DEBUG_META
  if (pub)
    fprintf(stderr, "chosen %04d-%02d-%02d %s\n", pub->d.y, pub->d.m, pub->d.d, pub->src);
#endif
  /* Modified: JSON-LD, meta tags, microdata; never before publication. */
  meta_date m;
  int have = 0;
  if (x->ld_info.date_modified &&
      date_parse(x->ld_info.date_modified, strlen(x->ld_info.date_modified), &m) &&
      date_valid(&m, &x->max))
    have = 1;
  for (size_t i = 0; !have && i < sizeof modified_tags / sizeof *modified_tags; i++) {
    const char *v = meta_tag(x, modified_tags[i]);
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
