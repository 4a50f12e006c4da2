/* Step 3b, lists beside the headline: a list of links beside an article
 * ("More news", "Read next": headlines, thumbnails, dates, teasers) can
 * outweigh a short article and be taken for the page's listing. It is no
 * listing of the page when its text mostly stands for other pages (link
 * text, teasers), the page's headline is its title and has prose of its
 * own (two sentences or more) in a container without the list (or with
 * it, when the list's heading names it: "Related"), and a heading of its
 * own opens the list: a section beside the article, not the records that
 * the headline heads. Without a heading, the article in its own container
 * has three sentences or more in two paragraphs or more (a listing's
 * headline has a line or two of description, a category's introduction
 * one paragraph), whatever the <title> says, and the list may come before
 * the headline: a column of links first in the markup. Such a list is set
 * aside as boilerplate. */
#include <stdio.h>
#include <string.h>

#include "extract/internal.h"

/* The headline's article: this many sentences at least; the list: this
 * share of its text at least stands for other pages. */
#ifndef SIDE_LIST_SENTENCES
#define SIDE_LIST_SENTENCES 2
#endif
/* A list without a heading of its own, beside an article in a container
 * without it: the article has this many sentences at least. */
#ifndef SIDE_LIST_SENTENCES_BARE
#define SIDE_LIST_SENTENCES_BARE 3
#endif
#ifndef SIDE_LIST_PARAGRAPHS_BARE
#define SIDE_LIST_PARAGRAPHS_BARE 2
#endif
#ifndef SIDE_LIST_LINK_SHARE
#define SIDE_LIST_LINK_SHARE 0.6f
#endif

/* A heading that names a list of other pages: "Related", "More news",
 * "Read next", "You may also like", "Popular", "Recommended", and the
 * words for related, similar and most read in the languages of the stop
 * word lists ("Artigos relacionados", "Ähnliche Artikel", "I più letti"). */
int heads_related(const extraction *x, const text_block *b) {
  static const char *const words[] = {
      "related",   "more ",   "next",        " also ",     "popular",  "recommend",   "trending",
      "similar",   "other ",  "see also",    "relacionad", "correlat", "gerelateerd", "powiązan",
      "ähnlich",   "Ähnlich", "interessier", "interesar",  "gostar",   "aimerez",     "même sujet",
      "più letti", "gelesen", "leído",       "lidos",      "lidas"};
  return heading_says(x, b, words, sizeof words / sizeof *words);
}

/* The first block below n, or nblocks when there is none. */
static size_t first_block_in(const extraction *x, const dom_node *n) {
  size_t i = 0;
  while (i < x->nblocks && !holds(n, x->blocks[i].container))
    i++;
  return i;
}

/* Whether the headline h1 is the page's title (choose_title took it: the
 * <title> holds its text), not a banner's slogan over a listing. A
 * headline below <h1> is one because the <title> holds it. */
static int headline_is_title(const extraction *x, const dom_node *h1, const char *title) {
  if (h1->tag != TAG_H1)
    return 1;
  for (size_t i = 0; title && i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->container && holds(h1, b->container))
      return b->kind == BLOCK_HEADING && strlen(title) == b->len &&
             !memcmp(title, x->text.data + b->off, b->len);
  }
  return 0;
}

/* The text of listing (its first block: from) that stands for other
 * pages: link text, and all of a teaser's (a headline linking away and a
 * line of its page). */
static uint32_t other_pages_text(const extraction *x, const dom_node *listing, size_t from) {
  uint32_t sum = 0;
  for (size_t i = from; i < x->nblocks && holds(listing, x->blocks[i].container); i++) {
    const text_block *b = &x->blocks[i];
    uint32_t add = b->link_chars;
    for (const dom_node *n = b->container; n && n != listing->parent; n = n->parent)
      if (n->flags & NF_TEASER) {
        add = b->chars;
        break;
      }
    sum += add;
  }
  return sum;
}

/* Sentences in s: full stops, question and exclamation marks (a run of
 * them once) before a space or the end, and CJK full stops. */
static int count_sentences(const char *s, uint32_t len) {
  int n = 0;
  for (uint32_t i = 0; i < len; i++) {
    char c = s[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == len || s[i + 1] == ' '))
      n++;
    else if ((unsigned char)c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0x82)
      n++;
  }
  return n;
}

/* The sentences of the prose between the headline and block from
 * (outside boilerplate): two are an article's, where a listing's headline
 * has a line of description ("The latest news on ..."); and its
 * paragraphs in *paragraphs. Counted until both are enough for a list
 * without a heading (SIDE_LIST_SENTENCES_BARE, SIDE_LIST_PARAGRAPHS_BARE). */
int sentences_between(const extraction *x, const dom_node *h1, size_t from, int *paragraphs) {
  int sentences = 0;
  *paragraphs = 0;
  for (size_t i = 0; i < from && (sentences < SIDE_LIST_SENTENCES_BARE ||
                                  *paragraphs < SIDE_LIST_PARAGRAPHS_BARE);
       i++) {
    const text_block *b = &x->blocks[i];
    if (b->container && b->container->order > h1->order_end && !b->neg && b->weight > 0) {
      sentences += count_sentences(x->text.data + b->off, b->len);
      *paragraphs += b->kind == BLOCK_PARAGRAPH;
    }
  }
  return sentences;
}

int list_beside_headline(const extraction *x, const dom_node *listing, const char *title) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || holds(listing, h1) || holds(h1, listing))
    return 0;
  /* A column of links before the headline (a sidebar first in the
   * markup): the headline's prose is what follows it. */
  int before = listing->order_end < h1->order;
  size_t from = first_block_in(x, listing);
  if (from == x->nblocks ||
      (float)other_pages_text(x, listing, from) < SIDE_LIST_LINK_SHARE * (float)listing->chars)
    return 0;
  size_t to = before ? x->nblocks : from;
  const text_block *lead = headline_prose(x, h1, to, NULL);
  int paragraphs = 0;
  int sentences = lead ? sentences_between(x, h1, to, &paragraphs) : 0;
  if (sentences < SIDE_LIST_SENTENCES)
    return 0;
  /* The article in a container without the list; in the same one, only
   * when the list's heading names it ("Related", "More news"). */
  int apart = !holds(around(h1, lead->container), listing);
  /* Without a heading, a list of links beside an article of its own: the
   * links are the page's way elsewhere, not what its headline heads. Three
   * sentences are an article's whatever its headline says: the <title> may
   * word it otherwise. */
  if (apart && sentences >= SIDE_LIST_SENTENCES_BARE && paragraphs >= SIDE_LIST_PARAGRAPHS_BARE) {
#ifdef PITH_DEBUG_EXTRACT
    fprintf(stderr, "side list: no heading, lead \"%.60s\"\n", x->text.data + lead->off);
#endif
    return 1;
  }
  if (!headline_is_title(x, h1, title))
    return 0;
  /* The list's own heading: the block just before it, or its first. */
  for (size_t i = from > 0 ? from - 1 : 0; !before && i <= from; i++)
    if (x->blocks[i].kind == BLOCK_HEADING && x->blocks[i].container->tag != TAG_H1 &&
        x->blocks[i].container != h1 && &x->blocks[i] > lead &&
        (apart || heads_related(x, &x->blocks[i]))) {
#ifdef PITH_DEBUG_EXTRACT
      fprintf(stderr, "side list: heading \"%.*s\" lead \"%.60s\"\n", (int)x->blocks[i].len,
              x->text.data + x->blocks[i].off, x->text.data + lead->off);
#endif
      return 1;
    }
  return 0;
}

/* Sets n aside as boilerplate, as a "related" name would: n and the
 * elements below it, and its blocks. */
void set_aside(extraction *x, dom_node *n) {
  n->flags |= NF_NEG;
  for (uint32_t o = n->order + 1; o <= n->order_end; o++)
    x->elements[o]->flags |= NF_INNEG;
  blocks_below_set_aside(x, n, first_block_in(x, n), 0);
}
