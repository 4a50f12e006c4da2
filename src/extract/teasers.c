/* Step 3, teasers: "related", "more stories", a stream of other articles
 * are small records, each a headline linking to another page and a line or
 * two of description, or one block opening with such a headline link and
 * ending in an excerpt cut short ("..."). Their blocks are marked (and
 * weigh against the element holding them), unless the page is mostly
 * teasers: then it is a list of articles, and they are its content. */
#include "extract/internal.h"

/* A teaser record: a heading that links away (an article's own headings
 * do not) and the elements around it holding at most TEASER_EXTRA
 * characters more: a line or two of description. */
#ifndef TEASER_EXTRA
#define TEASER_EXTRA 400
#endif

/* A teaser in one block (a news ticker's item, a "latest" list): it opens
 * with a headline linking to another page, and the rest is an excerpt of
 * that page cut short. */
static int is_excerpt_teaser(const extraction *x, const text_block *b) {
  if (b->kind == BLOCK_HEADING || !b->container || !b->container->parent ||
      b->chars - b->link_chars < 30 || !ends_cut_short(x->text.data + b->off, b->len))
    return 0;
  for (size_t m = b->mark_first; m < (size_t)b->mark_first + b->mark_count; m++) {
    const inline_mark *k = &x->marks[m];
    if (k->off > b->off || k->kind != MARK_OPEN)
      return 0;
    if (k->node->tag == TAG_A)
      return links_away(k->node) && k->node->chars >= 20 && k->node->chars * 2 <= b->chars;
  }
  return 0;
}

void mark_teasers(extraction *x, const dom_node *top) {
  /* Excerpt teasers count when three or more share a parent: one such line
   * may be a quotation that trails off. The parents' scores count them
   * (choose_root clears every score before it sums). */
  for (size_t i = 0; i < x->nblocks; i++)
    if (is_excerpt_teaser(x, &x->blocks[i]))
      x->blocks[i].container->parent->score = 0;
  for (size_t i = 0; i < x->nblocks; i++)
    if (is_excerpt_teaser(x, &x->blocks[i]))
      x->blocks[i].container->parent->score += 1;
  for (size_t i = 0; i < x->nblocks; i++)
    if (is_excerpt_teaser(x, &x->blocks[i]) && x->blocks[i].container->parent->score >= 3)
      x->blocks[i].container->flags |= NF_TEASER;
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    if (b->kind != BLOCK_HEADING || b->link_chars * 2 <= b->chars || b->chars < 20 || !b->container)
      continue;
    dom_node *record = b->container;
    while (record->parent && record->parent != top && record->parent->tag != TAG_TEXT &&
           record->parent->order < record->order &&
           record->parent->chars <= b->chars + TEASER_EXTRA)
      record = record->parent;
    /* A headline with a description; a lone headline link is just a link. */
    if (record->chars - record->link_chars >= 30)
      record->flags |= NF_TEASER;
  }
  float teaser_prose = 0, other_prose = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    float w = block_weight(x, b);
    for (const dom_node *n = b->container; n && n != top && n->tag != TAG_TEXT; n = n->parent)
      if (n->flags & NF_TEASER) {
        b->teaser = 1;
        break;
      }
    if (b->teaser && w > 0)
      teaser_prose += w;
    else if (w > 0)
      other_prose += w;
  }
  /* A page that is mostly teasers is a list of articles: they are its content. */
  if (teaser_prose > 2 * other_prose)
    for (size_t i = 0; i < x->nblocks; i++)
      x->blocks[i].teaser = 0;
}
