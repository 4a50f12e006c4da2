/* Step 3, listings: shop categories, search results and lists of articles
 * have little prose; their content is a run of like-built records (cards)
 * under the page's headline. When such a run holds more text than the
 * page's prose, its container is the root and its link text is kept;
 * a listing of short cards widens to the container of the page's other
 * lists. A listing that the headline does not head (prose between them: a
 * product's description, a thread's opening post) is a list beside the
 * content, and the root stays the prose's. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <string.h>

#include "extract/internal.h"

/* A listing of short records (cards: under LISTING_WIDEN_RECORD characters
 * each) widens up to LISTING_WIDEN_LEVELS parents, while a parent holds at
 * most LISTING_WIDEN_SHARE times its text: the page's other lists. */
#ifndef LISTING_WIDEN_LEVELS
#define LISTING_WIDEN_LEVELS 5
#endif
#ifndef LISTING_WIDEN_RECORD
#define LISTING_WIDEN_RECORD 150.0f
#endif
#ifndef LISTING_WIDEN_SHARE
#define LISTING_WIDEN_SHARE 3.0f
#endif
/* A listing's link text counts for a fifth of its prose: a column of
 * headline links beside an article is not the page's content. */
#ifndef LISTING_LINK_DISCOUNT
#define LISTING_LINK_DISCOUNT 0.8f
#endif

/* Whether an ancestor of n is junk: still hidden, say. */
static int inside_junk(const dom_node *n) {
  for (const dom_node *p = n->parent; p && p->tag != TAG_TEXT; p = p->parent)
    if (p->flags & NF_JUNK)
      return 1;
  return 0;
}

/* What the records of a list share: the tag and the first class word;
 * later words often number or place one record ("post-15859", "first"). */
uint64_t record_signature(const dom_node *n) {
  uint64_t sig = (uint64_t)n->tag * 0x9E3779B97F4A7C15ULL;
  const char *k = n->cls;
  while (k && *k == ' ')
    k++;
  for (; k && *k && *k != ' '; k++)
    sig = (sig ^ (unsigned char)*k) * 1099511628211ULL;
  return sig;
}

/* Listings, shop categories and search results have no prose: their content
 * is a run of sibling records (cards) built alike, each a link and a few
 * short facts. The element whose like-built children hold the most text,
 * outside boilerplate, is their container. Menus are alike too, but their
 * records are a few characters of link text each. */
static dom_node *choose_listing(extraction *x, float *weight, float *record_chars) {
  enum { MAX_GROUPS = 64 };
  struct group {
    uint64_t sig;
    uint32_t count, chars, link_chars, max_chars;
  } groups[MAX_GROUPS];
  dom_node *best = NULL;
  float best_w = 0;
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *p = x->elements[i];
    if (p->flags & (NF_JUNK | NF_NEG | NF_INNEG) || p->chars < 100)
      continue;
    int ng = 0;
    for (dom_node *c = p->first; c; c = c->next) {
      if (c->tag == TAG_TEXT || (c->flags & (NF_JUNK | NF_NEG)) || c->chars == 0)
        continue;
      /* Paragraphs are prose, not records; a card may be a link around
       * blocks. */
      if (c->tag == TAG_P || tag_is_heading((tag_id)c->tag) ||
          (tag_flags((tag_id)c->tag) != T_BLOCK && !(c->flags & NF_HASBLOCK)))
        continue;
      uint64_t sig = record_signature(c);
      int g = 0;
      while (g < ng && groups[g].sig != sig)
        g++;
      if (g == ng) {
        if (ng == MAX_GROUPS)
          continue;
        groups[ng].sig = sig;
        groups[ng].count = groups[ng].chars = groups[ng].link_chars = groups[ng].max_chars = 0;
        ng++;
      }
      groups[g].count++;
      groups[g].chars += c->chars;
      groups[g].link_chars += c->link_chars;
      if (c->chars > groups[g].max_chars)
        groups[g].max_chars = c->chars;
    }
    for (int g = 0; g < ng; g++) {
      struct group *gr = &groups[g];
      /* Records: several, each with some text, none of them most of it,
       * and together most of their container's text. */
      if (gr->count < 3 || gr->chars < 20 * gr->count || gr->max_chars * 2 > gr->chars ||
          gr->chars * 3 < p->chars)
        continue;
      float w = (float)gr->chars - LISTING_LINK_DISCOUNT * (float)gr->link_chars;
      if (w > best_w && !inside_junk(p)) {
        best_w = w;
        best = p;
        *record_chars = (float)gr->chars / (float)gr->count;
      }
    }
  }
  *weight = best_w;
  return best;
}

/* A listing is the content when its weight outweighs the page's prose
 * (times this), and the prose root's score is under half of it. */
#ifndef LISTING_VS_PROSE
#define LISTING_VS_PROSE 1.0f
#endif

/* A listing is the page's content when the page's headline heads it: the
 * <h1> inside it, or before it with little prose between (a category's
 * title, its filters, its cards). Prose between them of a quarter of the
 * listing's text or more (a thread's opening post, a product's description)
 * is the page's content, and the listing a list beside it: related threads,
 * sponsored products, a seller's feedback. */
#ifndef HEADLINE_GAP_SHARE
#define HEADLINE_GAP_SHARE 0.25f
#endif

/* A boilerplate word that names every record of a listing alike
 * ("card-wrapper subscription-eligible", "promo-tile") names what the
 * records are, not boilerplate beside them: an element of a listing built
 * like LISTING_RECORDS_MIN or more others there (record_signature) that
 * carry a boilerplate name too, each most of its parent's text (the card,
 * not a share bar or a signature in it) and together a good part of the
 * listing's, is marked NF_RECORD, and its name no longer counts. Comments'
 * names, tags (nav, aside, footer) and overlays still do. */
#ifndef LISTING_RECORDS_MIN
#define LISTING_RECORDS_MIN 3
#endif
#ifndef LISTING_RECORDS_SHARE
#define LISTING_RECORDS_SHARE 8 /* the records hold 1/8 of the listing's text or more */
#endif

static int named_record(const dom_node *n) {
  return (n->flags & NF_NEG) && !(n->flags & (NF_WEAKNEG | NF_COMMENTS)) && !is_structural(n) &&
         n->chars > 0 && n->parent && 4 * n->chars >= 3 * n->parent->chars;
}

static void mark_named_records(extraction *x, const dom_node *listing) {
  enum { SIGS_MAX = 16 };
  uint64_t sig[SIGS_MAX];
  unsigned count[SIGS_MAX], nsig = 0;
  uint32_t chars[SIGS_MAX];
  uint32_t end = listing->order_end < x->nelements ? listing->order_end : x->nelements - 1;
  for (uint32_t i = listing->order + 1; i <= end; i++) {
    const dom_node *n = x->elements[i];
    if (!named_record(n))
      continue;
    uint64_t s = record_signature(n);
    unsigned k = 0;
    while (k < nsig && sig[k] != s)
      k++;
    if (k == nsig) {
      if (nsig == SIGS_MAX)
        continue;
      sig[nsig] = s;
      chars[nsig] = 0;
      count[nsig++] = 0;
    }
    count[k]++;
    chars[k] += n->chars;
  }
  for (uint32_t i = listing->order + 1; i <= end; i++) {
    dom_node *n = x->elements[i];
    if (!named_record(n))
      continue;
    uint64_t s = record_signature(n);
    for (unsigned k = 0; k < nsig; k++)
      if (sig[k] == s && count[k] >= LISTING_RECORDS_MIN &&
          LISTING_RECORDS_SHARE * chars[k] >= listing->chars)
        n->flags |= NF_RECORD;
  }
}

const dom_node *listing_boiler(const text_block *b, const dom_node *listing) {
  const dom_node *n = b->neg;
  while (n && n->order > listing->order && (n->flags & NF_RECORD)) {
    n = n->parent;
    while (n && n->tag != TAG_TEXT && n->order > listing->order && !(n->flags & NF_NEG))
      n = n->parent;
  }
  return n && n->tag != TAG_TEXT && n->order > listing->order ? n : NULL;
}

/* A headline below <h1>: a heading of this many characters at least,
 * and at least this share of the <title> (the rest: the site's name). */
#ifndef HEADLINE_MIN_CHARS
#define HEADLINE_MIN_CHARS 12
#endif
#ifndef HEADLINE_TITLE_SHARE
#define HEADLINE_TITLE_SHARE 0.5f
#endif

static int usable_heading(const dom_node *n) {
  return n->chars > 0 && !(n->flags & (NF_JUNK | NF_NEG | NF_INNEG)) && !inside_junk(n);
}

/* Whether the <title> holds b's text, and b is most of it. */
static int title_holds(const extraction *x, const text_block *b) {
  const char *t = x->doc_title;
  size_t tlen = x->doc_title_len;
  return tlen && b->chars >= HEADLINE_MIN_CHARS && b->len <= tlen &&
         (float)b->len >= HEADLINE_TITLE_SHARE * (float)tlen &&
         memmem(t, tlen, x->text.data + b->off, b->len) != NULL;
}

const dom_node *page_headline(const extraction *x) {
  for (uint32_t i = 0; i < x->nelements; i++) {
    const dom_node *n = x->elements[i];
    if (n->tag == TAG_H1 && usable_heading(n))
      return n;
  }
  /* No <h1>: many templates head the article with an <h2>, and the
   * <title> says which heading is the page's. */
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->kind == BLOCK_HEADING && b->container && tag_is_heading((tag_id)b->container->tag) &&
        !b->neg && !b->hidden && usable_heading(b->container) && title_holds(x, b))
      return b->container;
  }
  return NULL;
}

static int listing_headed(const extraction *x, const dom_node *listing) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || holds(listing, h1))
    return 1;
  /* The elements strictly between the two, in document order. */
  uint32_t from = h1->order < listing->order ? h1->order_end : listing->order_end;
  uint32_t to = h1->order < listing->order ? listing->order : h1->order;
  float between = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->weight > 0 && b->container && b->container->order > from && b->container->order < to)
      between += (float)b->chars;
  }
  return between < HEADLINE_GAP_SHARE * (float)listing->chars;
}

/* A listing under its headline with some prose between them (a question
 * over its answers, a category's introduction over its records) grows to
 * the element holding that prose too, when that holds little else (a
 * twentieth more than the listing and the prose between: not a sidebar,
 * not another list): the prose is the page's as much as the records are. */
#ifndef LISTING_LEAD_SLACK
#define LISTING_LEAD_SLACK 0.05f
#endif

static dom_node *listing_with_its_lead(const extraction *x, dom_node *listing) {
  uint32_t between = 0;
  const text_block *lead = lead_before(x, listing, &between);
  if (!lead)
    return listing;
  dom_node *a = (dom_node *)around(lead->container, listing);
  if ((a->flags & (NF_NEG | NF_INNEG | NF_JUNK)) || a->tag == TAG_BODY || a->tag == TAG_HTML ||
      (float)a->chars > (1.0f + LISTING_LEAD_SLACK) * (float)(listing->chars + between))
    return listing;
  return a;
}

/* Chooses between the listing (the run of records with the most text) and
 * the prose root: returns the root, and sets *listing_mode when it is the
 * listing's. A list beside the article's headline and prose is set aside
 * on the way, and the prose root grown (grow_paragraph_root, widen_root). */
dom_node *choose_listing_or_prose(extraction *x, dom_node *root, const dom_node *top,
                                  const char *title, int *listing_mode) {
  *listing_mode = 0;
  float listing_weight = 0, record_chars = 0;
  dom_node *listing = choose_listing(x, &listing_weight, &record_chars);
  float prose = 0;
  for (size_t i = 0; i < x->nblocks; i++)
    if (x->blocks[i].weight > 0)
      prose += x->blocks[i].weight;
  /* A list beside the article that would be taken for the page's listing,
   * or that holds the root: boilerplate, and the root chosen again. */
  if (listing && (!root || holds(listing, root) || root->score < 0.5f * listing_weight) &&
      listing_weight > LISTING_VS_PROSE * prose && list_beside_headline(x, listing, title)) {
    set_aside(x, listing);
    root = choose_root(x);
    listing = NULL;
  }
  dom_node *prose_root = root;
  if (listing && (!root || root->score < 0.5f * listing_weight) &&
      listing_weight > LISTING_VS_PROSE * prose) {
    root = listing;
    *listing_mode = 1;
  }
  if (prose_root)
    prose_root = widen_root(x, grow_paragraph_root(x, prose_root, top));
  if (!*listing_mode)
    root = prose_root;
  /* A listing page often has several lists ("Featured", "Latest"): the
   * container of a few of them, when it holds little else. Not for long
   * records (a thread's posts), whose neighbours are rarely more posts. */
  for (int up = 0;
       *listing_mode && record_chars < LISTING_WIDEN_RECORD && up < LISTING_WIDEN_LEVELS; up++) {
    dom_node *p = root->parent;
    if (!p || p->tag == TAG_TEXT || p == top || (p->flags & (NF_NEG | NF_INNEG | NF_JUNK)) ||
        (float)p->chars > LISTING_WIDEN_SHARE * (float)root->chars)
      break;
    root = p;
  }
  if (*listing_mode && !listing_headed(x, root)) {
    *listing_mode = 0;
    root = prose_root;
  }
  if (*listing_mode)
    root = listing_with_its_lead(x, root);
  if (*listing_mode)
    mark_named_records(x, root);
  x->record_chars = *listing_mode ? record_chars : 0;
#ifdef PITH_DEBUG_EXTRACT
  fprintf(stderr, "prose %.0f listing %.0f%s\n", prose, listing_weight,
          *listing_mode ? " USED" : "");
#endif
  return root;
}
