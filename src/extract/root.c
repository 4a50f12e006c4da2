/* Step 3, the root: every element scores the weights of the blocks below
 * it, losing a tenth per level, so that the tightest container of the
 * prose wins; the best element is the root of the main content. Later
 * steps may set parts of the page aside and choose again, and grow the
 * root when it is one paragraph (to its heading and list) or holds too
 * little of the page's prose (landing pages spread it over sections). */
#include "extract/internal.h"

/* Each level up keeps 90% of what lies below: a wrapper must add more than
 * a tenth to the content it wraps to be chosen over it. Without this, a few
 * teasers or tweets beside an article pull the root up to the whole page. */
#ifndef SUM_DECAY
#define SUM_DECAY 0.9f
#endif

/* <main>, <article> and a named article body. */
static int is_main_container(const dom_node *n) {
  return n->tag == TAG_MAIN || n->tag == TAG_ARTICLE || (n->flags & NF_BODY);
}

/* Whether n's blocks weigh a sentence or two of prose (MIN_ROOT_SCORE)
 * before the menus and footer beside them weigh it down. */
static int holds_prose(const extraction *x, const dom_node *n) {
  float prose = 0;
  for (size_t i = 0; i < x->nblocks; i++)
    if (x->blocks[i].weight > 0 && holds(n, x->blocks[i].container))
      prose += x->blocks[i].weight;
  return prose >= MIN_ROOT_SCORE;
}

dom_node *choose_root(extraction *x) {
  for (uint32_t i = 0; i < x->nelements; i++)
    x->elements[i]->score = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    b->weight = block_weight(x, b);
    if (b->container)
      b->container->score += b->weight;
  }
  /* A page that names its article body is believed, within reason. */
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *n = x->elements[i];
    if ((n->flags & NF_BODY) && !(n->flags & NF_JUNK) && n->chars >= 200)
      n->score += 0.3f * (float)(n->chars - n->link_chars);
  }
  /* Children come after their parents in pre-order: sum from the end. */
  for (uint32_t i = x->nelements; i-- > 1;) {
    dom_node *n = x->elements[i];
    if (n->parent && n->parent->tag != TAG_TEXT && n->parent->order < n->order)
      n->parent->score += SUM_DECAY * n->score;
  }
  dom_node *best = NULL;
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *n = x->elements[i];
    if (n->flags & NF_JUNK)
      continue;
    if (!best || n->score >= best->score)
      best = n;
  }
  /* Less than a sentence or two of prose is no main content, unless the page
   * says it is its article, heads it with its headline or has nothing else. */
  if (!best || best->score <= 0)
    return NULL;
  if (best->score >= MIN_ROOT_SCORE || holds_prose(x, best))
    return best;
  dom_node *note = headed_note(x, best);
  if (note)
    return note;
  if (sole_passage(x, best))
    return best;
  for (const dom_node *n = best; n && n->tag != TAG_TEXT; n = n->parent)
    if (is_main_container(n))
      return best;
  return NULL;
}

/* A root that is one paragraph (no blocks below it) lost to its parent
 * only because what the parent adds weighs nothing: a heading, the short
 * list the paragraph introduces. It grows to its parent while the parent
 * adds nothing that weighs against it and is not boilerplate. The blocks
 * below an element are a run of the block array (the walk is in document
 * order), so each level looks only at the blocks it adds. */
static int weighs_against(const extraction *x, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (x->blocks[i].weight < 0)
      return 1;
  return 0;
}

void blocks_below(const extraction *x, const dom_node *p, size_t *lo, size_t *hi) {
  while (*lo > 0 && x->blocks[*lo - 1].container && x->blocks[*lo - 1].container->order >= p->order)
    (*lo)--;
  while (*hi < x->nblocks && x->blocks[*hi].container &&
         x->blocks[*hi].container->order <= p->order_end)
    (*hi)++;
}

dom_node *grow_paragraph_root(const extraction *x, dom_node *root, const dom_node *top) {
  if (root->flags & NF_HASBLOCK)
    return root;
  size_t lo = 0, hi; /* the blocks below root: [lo, hi) */
  while (lo < x->nblocks && x->blocks[lo].container != root)
    lo++;
  if (lo == x->nblocks)
    return root;
  hi = lo;
  while (hi < x->nblocks && x->blocks[hi].container == root)
    hi++;
  for (dom_node *p = root->parent; p && p->tag != TAG_TEXT && p != top && p->order < root->order &&
                                   !(p->flags & (NF_NEG | NF_INNEG | NF_JUNK));
       p = p->parent) {
    size_t plo = lo, phi = hi;
    blocks_below(x, p, &plo, &phi);
    if (weighs_against(x, plo, lo) || weighs_against(x, hi, phi))
      break;
    root = p;
    lo = plo;
    hi = phi;
  }
  return among_its_paragraphs(x, root, lo, hi);
}

/* Landing and service pages have no one article: their prose is spread over
 * many sections. When the root holds less than WIDEN_SHARE of the page's
 * prose, it grows to the smallest ancestor holding WIDEN_COVER of it. */
#ifndef WIDEN_SHARE
#define WIDEN_SHARE 0.7f
#endif
#ifndef WIDEN_COVER
#define WIDEN_COVER 0.8f
#endif

dom_node *widen_root(extraction *x, dom_node *root) {
  for (uint32_t i = 0; i < x->nelements; i++)
    x->elements[i]->prose = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    if (b->weight > 0 && b->container)
      b->container->prose += b->weight;
  }
  for (uint32_t i = x->nelements; i-- > 1;) {
    dom_node *n = x->elements[i];
    if (n->parent && n->parent->tag != TAG_TEXT && n->parent->order < n->order)
      n->parent->prose += n->prose;
  }
  float total = x->elements[0]->prose;
  if (root->prose >= WIDEN_SHARE * total)
    return root;
  dom_node *n = root;
  while (n->prose < WIDEN_COVER * total && n->parent && n->parent->tag != TAG_TEXT &&
         n->parent->order < n->order)
    n = n->parent;
  return n;
}
