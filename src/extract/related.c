/* Step 3b, sections of other posts: a section after the page's article
 * that a heading naming other pages opens ("Related posts", "You may
 * like", "Você pode gostar", "Das könnte Sie auch interessieren": the
 * labels of the text vocabulary; or a heading with a word for similar
 * things, "Similar items", over cards of other pages) holds other pages'
 * posts, whether as links, as headlines with excerpts, or as their whole
 * text: the last are no list of links (side_lists.c) and may outweigh a
 * short article. Where the headline has prose of its own (two sentences or
 * more; one under a heading with a word for related or similar things, as
 * a bare label may head a listing's records under their line of
 * description) in a container without the section, it is set aside. A
 * heading naming comments is left to the comments' rules. */
#include <stdio.h>

#include "extract/internal.h"
#include "text/lines.h"
#include "text/vocab.h"

#ifndef RELATED_HEADING_MAX
#define RELATED_HEADING_MAX 60 /* characters of the section's heading */
#endif
#ifndef RELATED_SECTIONS_MAX
#define RELATED_SECTIONS_MAX 16 /* headings of a page judged: each walks the blocks before it */
#endif

/* Words that say a heading's items are like the page's, not more of it:
 * related, similar, "also" ("Customers also viewed"), recommended, in the
 * stop word lists' languages (word starts, ASCII case folded). Not "More
 * ..." or "Other ...": a category page heads its own records so ("More
 * Electronics Posts"). Headings are short (RELATED_HEADING_MAX): a
 * search per word costs little. */
static int heads_similar(const extraction *x, const text_block *b) {
  static const char *const words[] = {"related",    "similar",    "also ",       "recommend",
                                      "relacionad", "correlat",   "gerelateerd", "powiązan",
                                      "ähnlich",    "Ähnlich",    "interessier", "gostar",
                                      "aimerez",    "même sujet", "similaires",  "simili"};
  if (b->kind != BLOCK_HEADING)
    return 0;
  for (size_t w = 0; w < sizeof words / sizeof *words; w++)
    if (has_word_ci(x->text.data + b->off, b->len, words[w], 0))
      return 1;
  return 0;
}

/* Whether b is a heading whose whole text labels a list of links, or
 * opens what follows an article and names other pages (not its author,
 * its comments or the site's follow links): 1. A heading that only has a
 * related word ("Similar items", "Customers also viewed"): 2, a section
 * of other pages when it holds their records (other_pages_records). */
static int names_other_pages(const extraction *x, const text_block *b) {
  if (b->kind != BLOCK_HEADING || b->chars > RELATED_HEADING_MAX || b->link_chars * 2 > b->chars)
    return 0;
  char key[256];
  size_t k = line_key(x->text.data + b->off, b->len, key, sizeof key);
  vocab_kind v = k ? vocab_boilerplate(key, k) : VOCAB_NONE;
  int names = v == VOCAB_LABEL || (v == VOCAB_END && heads_related(x, b)) ? 1
              : k && heads_similar(x, b)                                  ? 2
                                                                          : 0;
  return names && !vocab_comment_head(key, k, 0) && !heads_replies(x, b) ? names : 0;
}

/* Whether section holds records of other pages: RELATED_RECORDS_MIN or
 * more like-built siblings (record_signature) each with a link of its
 * own (its text, or around an image), together most of the section's text — cards, not an article's
 * paragraphs under "More details". */
#ifndef RELATED_RECORDS_MIN
#define RELATED_RECORDS_MIN 3
#endif

/* Whether n links to another page: link text, or a link around an
 * image among its first RECORD_LINK_SCAN elements (a card's picture comes
 * first; the bound keeps a deep section without links from being walked
 * once per level). */
#ifndef RECORD_LINK_SCAN
#define RECORD_LINK_SCAN 64
#endif

static int record_links(const extraction *x, const dom_node *n) {
  if (n->link_chars > 0)
    return 1;
  uint32_t end =
      n->order_end < n->order + RECORD_LINK_SCAN ? n->order_end : n->order + RECORD_LINK_SCAN;
  for (uint32_t o = n->order; o <= end && o < x->nelements; o++)
    if (x->elements[o]->tag == TAG_A && links_away(x->elements[o]))
      return 1;
  return 0;
}

static int other_pages_records(const extraction *x, const dom_node *section) {
  /* Down the elements holding half the section's text or more. */
  for (const dom_node *p = section; p;) {
    const dom_node *first = p->first, *down = NULL;
    while (first && (first->tag == TAG_TEXT || !record_links(x, first)))
      first = first->next;
    uint64_t sig = first ? record_signature(first) : 0;
    uint32_t count = 0, chars = 0;
    for (const dom_node *c = p->first; c; c = c->next) {
      if (c->tag == TAG_TEXT)
        continue;
      if (first && c->order >= first->order && record_signature(c) == sig && record_links(x, c)) {
        count++;
        chars += c->chars;
      }
      if (!down && 2 * c->chars >= section->chars)
        down = c;
    }
    if (count >= RELATED_RECORDS_MIN && 2 * chars >= section->chars)
      return 1;
    p = down;
  }
  return 0;
}

int set_related_aside(extraction *x) {
  const dom_node *h1 = page_headline(x);
  if (!h1)
    return 0;
  int marked = 0, tried = 0;
  for (size_t i = 0; i < x->nblocks && tried < RELATED_SECTIONS_MAX; i++) {
    const text_block *b = &x->blocks[i];
    int names = b->container && b->container->order > h1->order_end ? names_other_pages(x, b) : 0;
    if (!names)
      continue;
    tried++;
    /* The section: the outermost element that the heading opens (its
     * first block), below the body, apart from the headline. */
    dom_node *section = b->container;
    while (section->parent && section->parent->tag != TAG_TEXT &&
           section->parent->tag != TAG_BODY && !holds(section->parent, h1) && i > 0 &&
           !holds(section->parent, x->blocks[i - 1].container))
      section = section->parent;
    if (section == b->container || section->chars <= b->chars || (section->flags & NF_NEG) ||
        (names == 2 && !other_pages_records(x, section)))
      continue;
    const text_block *lead = headline_prose(x, h1, i, NULL);
    int paragraphs = 0;
    if (!lead || holds(around(h1, lead->container), section) ||
        sentences_between(x, h1, i, &paragraphs) < (heads_similar(x, b) ? 1 : 2))
      continue;
#ifdef PITH_DEBUG_EXTRACT
    fprintf(stderr, "related: <%s class=%s> heading \"%.*s\" lead \"%.60s\"\n",
            tag_name((tag_id)section->tag), section->cls ? section->cls : "", (int)b->len,
            x->text.data + b->off, x->text.data + lead->off);
#endif
    set_aside(x, section);
    section->flags |= NF_OTHERS;
    marked = 1;
    while (i + 1 < x->nblocks && holds(section, x->blocks[i + 1].container))
      i++;
  }
  return marked;
}
