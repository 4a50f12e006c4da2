/* Main-content extraction.
 *
 * 1. measure: one pass over the DOM marks what can never be content (scripts,
 *    hidden elements, form controls), classifies elements by class/id/role
 *    words, and sums visible characters and link characters per element.
 * 2. blocks: a walk in document order cuts the visible text into blocks
 *    (paragraphs, headings, list items, table rows, ...), each remembering
 *    the element that holds it and any boilerplate element around it.
 * 3. root: every block gets a weight — positive for prose, negative for link
 *    lists, short fragments and boilerplate — and every element the sum of
 *    the weights below it. The element with the largest sum is the root of
 *    the main content: it takes in an article split over several sibling
 *    containers, and stops before the menus and lists around it. Readers'
 *    comments and lists of other pages that no name gives away are found
 *    by their build, beside the headline's own prose, and set aside.
 * 4. emit: the blocks under the root, less boilerplate inside it, link
 *    lists and repeats, become the article.
 */
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/classify.h"
#include "extract/internal.h"
#include "meta/credit.h"
#include "meta/lang.h"
#include "util/buf.h"
#include "util/deadline.h"
#include "util/url.h"

/* Readers' comments that no class word names: a run of like-built units
 * (same tag and first class word, as listing records), each a short line
 * (a name: "Mark T. says:", a profile link, a "2 days ago", a small
 * heading) and then prose, dated or under a heading that names them. Beside a page headline
 * followed by prose of its own, built apart from them, they are a comment section, however much
 * longer: the article is the headline's prose. A thread's posts are built alike, its opening post
 * among them (or the page declares itself a discussion): there they stay the content. */
#ifndef REPLY_LIST_MIN
#define REPLY_LIST_MIN 4 /* units in the run */
#endif
#ifndef REPLY_NAME_MAX
#define REPLY_NAME_MAX 40 /* characters of the unit's first line */
#endif
#ifndef REPLY_RUNS_MAX
#define REPLY_RUNS_MAX 16 /* runs of a page judged */
#endif
#ifndef REPLY_ELEMENTS_MAX
#define REPLY_ELEMENTS_MAX 64 /* elements of a unit looked at for a <time> */
#endif
#ifndef REPLY_DATE_MAX
#define REPLY_DATE_MAX 60 /* characters of a line with a unit's date */
#endif
#ifndef REPLY_BLOCKS_MAX
#define REPLY_BLOCKS_MAX 12 /* blocks of a unit looked at */
#endif

/* The first block below each element (UINT32_MAX: none): the blocks below
 * an element are a run of the block array. */
static uint32_t *first_blocks(extraction *x) {
  uint32_t *first = arena_alloc(x->mem, (x->nelements + 1) * sizeof *first);
  if (!first)
    return NULL;
  memset(first, 0xFF, (x->nelements + 1) * sizeof *first);
  for (size_t i = x->nblocks; i-- > 0;)
    if (x->blocks[i].container)
      first[x->blocks[i].container->order] = (uint32_t)i;
  for (uint32_t i = x->nelements; i-- > 1;) {
    const dom_node *n = x->elements[i];
    if (n->parent && n->parent->tag != TAG_TEXT && n->parent->order < n->order &&
        first[n->order] < first[n->parent->order])
      first[n->parent->order] = first[n->order];
  }
  return first;
}

/* A line that is a link of words, not of digits: a card's title linking
 * to its page. A comment's links are its author's name and its date
 * ("March 3, 2024 at 10:02 am"). */
static int is_headline_link(const extraction *x, const text_block *b) {
  if (b->chars < 20 || b->link_chars * 2 <= b->chars)
    return 0;
  uint32_t digits = 0;
  for (uint32_t i = 0; i < b->len; i++)
    digits += x->text.data[b->off + i] >= '0' && x->text.data[b->off + i] <= '9';
  return digits * 5 < b->chars;
}

/* A date or a time, as comments show theirs: "2 days ago", "March 3,
 * 2024 at 10:02 am", "03/03/2024" — a digit and an "ago", a month's name,
 * a clock time or a year. */
static int says_when(const char *s, uint32_t len) {
  static const char *const months[] = {
      "jan",   "feb",  "mar",  "apr",    "may",       "jun",     "jul",      "aug",
      "sep",   "sept", "oct",  "nov",    "dec",       "january", "february", "march",
      "april", "june", "july", "august", "september", "october", "november", "december"};
  int digit = 0, year = 0, clock = 0;
  for (uint32_t i = 0; i < len; i++) {
    if (s[i] < '0' || s[i] > '9')
      continue;
    digit = 1;
    if (i + 3 < len && (s[i] == '1' || s[i] == '2') && s[i + 3] >= '0' && s[i + 3] <= '9' &&
        s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9')
      year = 1;
    if (i + 2 < len && (s[i + 1] == ':' || s[i + 1] == '/') && s[i + 2] >= '0' && s[i + 2] <= '9')
      clock = 1;
  }
  if (!digit)
    return 0;
  if (year || clock || has_word_ci(s, len, "ago", 1))
    return 1;
  for (size_t m = 0; m < sizeof months / sizeof *months; m++)
    if (has_word_ci(s, len, months[m], 1))
      return 1;
  return 0;
}

/* Whether the unit c says when it was written: a <time> element or a
 * short line with a date. */
static int unit_dated(const extraction *x, const dom_node *c, const uint32_t *first) {
  /* Its first elements tell: a deep thread's nested replies are not
   * scanned again for each unit around them. */
  for (uint32_t o = c->order; o <= c->order_end && o - c->order < REPLY_ELEMENTS_MAX; o++)
    if (x->elements[o]->tag == TAG_TIME)
      return 1;
  for (size_t j = first[c->order]; j < x->nblocks && j <= first[c->order] + REPLY_BLOCKS_MAX &&
                                   holds(c, x->blocks[j].container);
       j++) {
    const text_block *b = &x->blocks[j];
    if (b->chars <= REPLY_DATE_MAX && says_when(x->text.data + b->off, b->len))
      return 1;
  }
  return 0;
}

/* Whether b is a heading holding one of words (case folded, as a word's
 * start or whole: "comment" finds "Comments"). */
static int heading_says(const extraction *x, const text_block *b, const char *const *words,
                        size_t n) {
  if (b->kind != BLOCK_HEADING)
    return 0;
  for (size_t w = 0; w < n; w++)
    if (has_word_ci(x->text.data + b->off, b->len, words[w], 0))
      return 1;
  return 0;
}

/* A heading that names a discussion: "30 Comments", "Responses", "2
 * thoughts on ...", "Leave a reply". */
static int heads_replies(const extraction *x, const text_block *b) {
  static const char *const words[] = {"comment",    "respon",     "repl",      "discussion",
                                      "reaction",   "thoughts",   "kommentar", "reactie",
                                      "comentario", "commentaire"};
  return heading_says(x, b, words, sizeof words / sizeof *words);
}

/* A heading that names a list of other pages: "Related", "More news",
 * "Read next", "You may also like", "Popular", "Recommended". */
static int heads_related(const extraction *x, const text_block *b) {
  static const char *const words[] = {"related",   "more ",    "next",    " also ", "popular",
                                      "recommend", "trending", "similar", "other ", "see also"};
  return heading_says(x, b, words, sizeof words / sizeof *words);
}

/* Whether the unit c is built as a reply: a short line that is no prose nor a
 * heading, then a paragraph of prose (not a list's items, a table's rows
 * or a quote: a product's features, a customer's testimonial). Returns its
 * heaviest paragraph, or NULL. */
static const text_block *reply_prose(const extraction *x, const dom_node *c,
                                     const uint32_t *first) {
  uint32_t i = first[c->order];
  if (i == UINT32_MAX)
    return NULL;
  const text_block *name = &x->blocks[i];
  /* The name may be a small heading ("<h4>Mark T.</h4>"), but not a link
   * to another page: that is a card's title. */
  if (!holds(c, name->container) || name->teaser || name->chars > REPLY_NAME_MAX ||
      (name->kind == BLOCK_HEADING ? name->link_chars > 0 : name->weight > 0))
    return NULL;
  const text_block *best = NULL;
  for (size_t j = i + 1; j < x->nblocks && j <= i + REPLY_BLOCKS_MAX; j++) {
    const text_block *b = &x->blocks[j];
    if (!holds(c, b->container))
      break;
    if (b->kind == BLOCK_HEADING || b->teaser || is_headline_link(x, b) ||
        ends_cut_short(x->text.data + b->off, b->len))
      return NULL; /* a card: a headline, an excerpt cut short */
    if (b->kind == BLOCK_PARAGRAPH && b->weight > 0 && (!best || b->weight > best->weight))
      best = b;
  }
  return best && best->weight >= MIN_ROOT_SCORE ? best : NULL;
}

/* The headline's own prose: the heaviest block after the headline and
 * before from, outside boilerplate, if the blocks between weigh a sentence
 * or two. */
static const text_block *headline_prose(const extraction *x, const dom_node *h1, size_t from) {
  const text_block *best = NULL;
  float sum = 0;
  for (size_t i = 0; i < from; i++) {
    const text_block *b = &x->blocks[i];
    if (!b->container || b->container->order <= h1->order_end || b->neg || b->weight <= 0)
      continue;
    sum += b->weight;
    if (!best || b->weight > best->weight)
      best = b;
  }
  return sum >= MIN_ROOT_SCORE ? best : NULL;
}

/* The smallest element holding a and b. */
static const dom_node *around(const dom_node *a, const dom_node *b) {
  while (a->parent && a->parent->tag != TAG_TEXT && !holds(a, b))
    a = a->parent;
  return a;
}

/* The prose after p, outside boilerplate: comments close the article,
 * where a grid of features or quotes is followed by more of the page. */
static float prose_after(const extraction *x, const dom_node *p) {
  float sum = 0;
  for (size_t i = x->nblocks; i-- > 0;) {
    const text_block *b = &x->blocks[i];
    if (!b->container || b->container->order <= p->order_end)
      break;
    if (!b->neg && b->weight > 0)
      sum += b->weight;
  }
  return sum;
}

/* Whether the article's prose sits in a unit built like the replies: an
 * ancestor with their signature, or an element sharing a class word. */
static int built_like(const text_block *lead, const text_block *reply, uint64_t sig) {
  for (const dom_node *n = lead->container; n && n->tag != TAG_TEXT; n = n->parent)
    if (record_signature(n) == sig && n->tag != TAG_BODY && n->tag != TAG_HTML)
      return 1;
  const dom_node *a = class_holder(lead->container), *b = class_holder(reply->container);
  return a && b && a != b && shares_class_word(a->cls, b->cls);
}

/* The blocks below n, from its first block on, get n for their innermost
 * boilerplate element unless one inside n is theirs already (as the walk
 * would have given them, had n been named so). */
static void blocks_below_set_aside(extraction *x, dom_node *n, size_t from, int reply) {
  for (size_t j = from; j < x->nblocks && holds(n, x->blocks[j].container); j++) {
    text_block *b = &x->blocks[j];
    b->reply |= (uint8_t)reply;
    if (!b->neg || !holds(n, b->neg))
      b->neg = n;
    if (!b->boiler || !holds(n, b->boiler))
      b->boiler = n;
  }
}

/* Marks the units of p's reply run (signature sig) as comments. */
static void mark_replies(extraction *x, dom_node *p, uint64_t sig, const uint32_t *first) {
  uint32_t units = 0;
  for (dom_node *c = p->first; c; c = c->next) {
    if (c->tag == TAG_TEXT || record_signature(c) != sig || first[c->order] == UINT32_MAX)
      continue;
    c->flags |= NF_NEG | NF_COMMENTS;
    units += c->chars;
    blocks_below_set_aside(x, c, first[c->order], 1);
  }
  /* The section as a whole, for the comments: p, when it holds little
   * else (its heading, the reply form). */
  if ((float)units >= 0.8f * (float)p->chars)
    p->flags |= NF_COMMENTS;
}

/* Only where the replies have the root: it is in the run's container, or
 * holds it. Returns 1 when it marked replies (the root is to be chosen again), -1
 * out of memory. */
static int mark_unnamed_replies(extraction *x, const dom_doc *doc, const dom_node *root) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || !root)
    return 0;
  uint32_t *first = NULL;
  int marked = 0;
  int discussion = -1, tried = 0;
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *p = x->elements[i];
    if (p->flags & (NF_JUNK | NF_NEG) || p->order <= h1->order_end || p->chars < 400 ||
        !(holds(p, root) || holds(root, p)))
      continue;
    if (!first && !(first = first_blocks(x)))
      return -1;
    /* The run's signature: the first child built as a reply whose
     * signature REPLY_LIST_MIN of p's replies share. */
    uint64_t sig = 0;
    const text_block *reply = NULL;
    uint32_t found = 0, like = 0, dated = 0;
    for (dom_node *c = p->first; c; c = c->next) {
      if (c->tag == TAG_TEXT || (c->flags & (NF_JUNK | NF_NEG)) || c->chars == 0)
        continue;
      const text_block *r = reply_prose(x, c, first);
      if (!r)
        continue;
      if (!reply) {
        reply = r;
        sig = record_signature(c);
      }
      if (record_signature(c) == sig) {
        found++;
        dated += unit_dated(x, c, first);
      }
    }
    if (found < REPLY_LIST_MIN)
      continue;
    for (dom_node *c = p->first; c; c = c->next)
      like += c->tag != TAG_TEXT && record_signature(c) == sig && c->chars > 0;
    if (found * 2 < like)
      continue; /* most units are something else (a short comment is one too) */
    const dom_node *unit = p->first; /* the run's first unit */
    while (unit->tag == TAG_TEXT || record_signature(unit) != sig ||
           first[unit->order] == UINT32_MAX)
      unit = unit->next;
    /* Comments say when they were written, or a heading says what they
     * are; a listicle's items or a grid of features do neither. */
    uint32_t before = first[unit->order];
    int named = before > 0 && heads_replies(x, &x->blocks[before - 1]);
    if (dated * 2 < found && !named)
      continue;
    /* What follows walks the blocks: a page of many runs is judged on its
     * first few. */
    if (++tried > REPLY_RUNS_MAX)
      break;
    /* The article in a container without them; in the same one (a post
     * and its comments in one wrapper), only under a heading that names
     * them: dated entries under an introduction are a listing's. */
    const text_block *lead = headline_prose(x, h1, first[unit->order]);
    if (!lead || built_like(lead, reply, sig) || prose_after(x, p) >= MIN_ROOT_SCORE ||
        (holds(around(h1, lead->container), p) && !named))
      continue;
    if (discussion < 0)
      discussion = declares_discussion(x, doc);
    if (discussion)
      return 0;
#ifdef PITH_DEBUG_EXTRACT
    fprintf(stderr, "replies: <%s class=%s> %u units; reply \"%.60s\" lead \"%.60s\"\n",
            tag_name((tag_id)p->tag), p->cls ? p->cls : "", found, x->text.data + reply->off,
            x->text.data + lead->off);
#endif
    mark_replies(x, p, sig, first);
    marked = 1;
  }
  return marked;
}

/* ---- 3b. lists beside the headline ------------------------------------- */

/* A list of links beside an article ("More news", "Read next": headlines,
 * thumbnails, dates, teasers) can outweigh a short article as a listing.
 * It is no listing of the page when its text mostly stands for other
 * pages (link text, teasers), the page's headline is its title and has
 * prose of its own (two sentences or more) in a container without the
 * list (or with it, when the list's heading names it: "Related"), and a
 * heading of its own opens the list: a section beside the article, not
 * the records that the headline heads. */
#ifndef SIDE_LIST_SENTENCES
#define SIDE_LIST_SENTENCES 2
#endif
#ifndef SIDE_LIST_LINK_SHARE
#define SIDE_LIST_LINK_SHARE 0.6f
#endif

/* The first block below n, or nblocks when there is none. */
static size_t first_block_in(const extraction *x, const dom_node *n) {
  size_t i = 0;
  while (i < x->nblocks && !holds(n, x->blocks[i].container))
    i++;
  return i;
}

/* Whether the headline h1 is the page's title (choose_title took it: the
 * <title> holds its text), not a banner's slogan over a listing. */
static int headline_is_title(const extraction *x, const dom_node *h1, const char *title) {
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

/* Whether the prose between the headline and block from (outside
 * boilerplate) is an article's: two sentences at least, where a listing's
 * headline has a line of description ("The latest news on ..."). */
static int article_between(const extraction *x, const dom_node *h1, size_t from) {
  int sentences = 0;
  for (size_t i = 0; i < from && sentences < SIDE_LIST_SENTENCES; i++) {
    const text_block *b = &x->blocks[i];
    if (b->container && b->container->order > h1->order_end && !b->neg && b->weight > 0)
      sentences += count_sentences(x->text.data + b->off, b->len);
  }
  return sentences >= SIDE_LIST_SENTENCES;
}

int list_beside_headline(const extraction *x, const dom_node *listing, const char *title) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || h1->order_end >= listing->order || !headline_is_title(x, h1, title))
    return 0;
  size_t from = first_block_in(x, listing);
  if (from == x->nblocks ||
      (float)other_pages_text(x, listing, from) < SIDE_LIST_LINK_SHARE * (float)listing->chars)
    return 0;
  const text_block *lead = headline_prose(x, h1, from);
  if (!lead || !article_between(x, h1, from))
    return 0;
  /* The article in a container without the list; in the same one, only
   * when the list's heading names it ("Related", "More news"). */
  int apart = !holds(around(h1, lead->container), listing);
  /* The list's own heading: the block just before it, or its first. */
  for (size_t i = from > 0 ? from - 1 : 0; i <= from; i++)
    if (x->blocks[i].kind == BLOCK_HEADING && x->blocks[i].container->tag != TAG_H1 &&
        &x->blocks[i] > lead && (apart || heads_related(x, &x->blocks[i]))) {
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

/* ---- 4. emit ------------------------------------------------------------- */

static int keep_block(const extraction *x, const text_block *b, const dom_node *root, int listing) {
  if (b->container == NULL || b->container->order < root->order ||
      b->container->order > root->order_end)
    return 0;
  if (b->teaser && !listing)
    return 0;
  /* A listing's records are made of bylines and dates: there only a
   * boilerplate name counts, not a metadata one, and a weak one ("header")
   * only on more than a record's worth of text. */
  const dom_node *boiler = listing ? b->neg : b->boiler;
  if (listing && boiler && (boiler->flags & NF_WEAKNEG) && boiler->chars < LISTING_WEAK_MAX)
    boiler = NULL; /* "listing__header": a record's header, not the page's */
  if (boiler && boiler->order > root->order && !(x->names_ignored && !is_structural(boiler)))
    return 0;
  /* A table of contents repeats the headings below it. */
  if (!listing && b->kind == BLOCK_LIST_ITEM && b->anchor_chars * 4 > b->chars * 3)
    return 0;
  /* Inside the root, only blocks that are nearly all link text are lists of
   * links; a paragraph with a few links in it is prose. */
  if (!listing && b->kind != BLOCK_HEADING && b->chars > 0 && b->link_chars * 4 > b->chars * 3)
    return 0;
  return 1;
}

/* Whether the heading kept[k] is followed by content before the next heading
 * of its rank or higher. */
static int heads_something(const extraction *x, const size_t *kept, size_t nkept, size_t k) {
  int level = x->blocks[kept[k]].level;
  for (size_t j = k + 1; j < nkept; j++) {
    const text_block *b = &x->blocks[kept[j]];
    if (b->kind != BLOCK_HEADING)
      return 1;
    if (b->level <= level)
      return 0;
  }
  return 0;
}

/* The run of kept blocks with the largest total weight: bylines, dates and
 * "more stories" lists at the edges of the root fall away, short lines
 * between paragraphs stay. */
#ifndef TRIM_EDGES
#define TRIM_EDGES 1
#endif

static void best_run(const extraction *x, const size_t *kept, size_t nkept, size_t *from,
                     size_t *to) {
  float best = -1e30f, run = 0;
  size_t start = 0;
  for (size_t k = 0; k < nkept; k++) {
    if (run <= 0) {
      run = 0;
      start = k;
    }
    run += x->blocks[kept[k]].weight;
    if (run >= best) {
      best = run;
      *from = start;
      *to = k + 1;
    }
  }
}

/* ---- 5. the tree -------------------------------------------------------- */

/* The emitted blocks, placed in the article's tree: lists, items, tables
 * and quotes come from the elements around each block, up to the root. */
#define TREE_DEPTH_MAX 24

static char *squeeze(arena *mem, const char *s, size_t len);

typedef struct {
  extraction *x;
  article *a;
  arena *mem;
  const dom_node *root;
  const char *base; /* the page's address, for links */
  const dom_node *open_dom[TREE_DEPTH_MAX];
  art_node *open_node[TREE_DEPTH_MAX];
  int depth;
  uint32_t last_end; /* where the last emitted block's text ends, in extraction.text */
  size_t next_alone; /* the first lone image or rule not yet looked at */
} tree;

static int is_list(tag_id t) {
  return t == TAG_UL || t == TAG_OL || t == TAG_MENU;
}

/* The elements that make structure around n, outermost first. Tables count
 * only for rows and table captions. */
static int structure_of(const tree *t, const dom_node *n, int in_table, const dom_node **chain) {
  const dom_node *rev[TREE_DEPTH_MAX];
  int k = 0;
  for (const dom_node *p = n; p && p->tag != TAG_TEXT && p->order >= t->root->order;
       p = p->parent) {
    tag_id tag = (tag_id)p->tag;
    int take = is_list(tag) || tag == TAG_LI || tag == TAG_BLOCKQUOTE;
    if (tag == TAG_TABLE && in_table) {
      take = 1;
      in_table = 0; /* the nearest table only */
    }
    if (take && k < TREE_DEPTH_MAX)
      rev[k++] = p;
    if (p == t->root)
      break;
  }
  for (int i = 0; i < k; i++)
    chain[i] = rev[k - 1 - i];
  return k;
}

static int to_int(const char *s, int lo, int hi, int dflt) {
  if (!s)
    return dflt;
  char *end;
  long v = strtol(s, &end, 10);
  return end == s || v < lo || v > hi ? dflt : (int)v;
}

/* An open node's last child of the given kind, or a new one. */
static art_node *last_or_new(tree *t, art_node *parent, node_kind kind) {
  art_node *last = parent ? parent->last : t->a->body.last;
  if (last && last->kind == kind)
    return last;
  return article_open(t->a, t->mem, parent, kind);
}

/* Opens the tree's nodes for the structure around n; returns the node new
 * content goes into (NULL: the body), or sets oom. */
static art_node *place(tree *t, const dom_node *n, int in_table, int *oom) {
  const dom_node *chain[TREE_DEPTH_MAX];
  int k = structure_of(t, n, in_table, chain);
  int same = 0;
  while (same < t->depth && same < k && t->open_dom[same] == chain[same])
    same++;
  t->depth = same;
  for (int i = same; i < k; i++) {
    art_node *parent = t->depth ? t->open_node[t->depth - 1] : NULL;
    tag_id tag = (tag_id)chain[i]->tag;
    art_node *node;
    if (tag == TAG_LI) {
      if (!parent || parent->kind != NODE_LIST)
        parent = last_or_new(t, parent, NODE_LIST); /* an item outside a list */
      node = parent ? article_open(t->a, t->mem, parent, NODE_ITEM) : NULL;
    } else {
      node_kind kind = is_list(tag) ? NODE_LIST : tag == TAG_TABLE ? NODE_TABLE : NODE_QUOTE;
      /* A list straight inside a list goes into an item. */
      if (parent && parent->kind == NODE_LIST)
        parent = article_open(t->a, t->mem, parent, NODE_ITEM);
      node = parent || !t->depth ? article_open(t->a, t->mem, parent, kind) : NULL;
      if (node && tag == TAG_OL) {
        node->ordered = 1;
        node->start = to_int(dom_attr_get(chain[i], "start"), 0, 1000000000, 1);
      }
    }
    if (!node) {
      *oom = 1;
      return NULL;
    }
    t->open_dom[t->depth] = chain[i];
    t->open_node[t->depth++] = node;
  }
  art_node *into = t->depth ? t->open_node[t->depth - 1] : NULL;
  /* Text straight inside a list is an item of its own. */
  if (into && into->kind == NODE_LIST && !(into = article_open(t->a, t->mem, into, NODE_ITEM)))
    *oom = 1;
  return into;
}

/* What relative links resolve against: the page's <base href>, else the
 * address it was given, else the address it gives itself (canonical,
 * og:url). NULL: links stay as written. */
static const char *link_base(const dom_doc *doc, const char *url) {
  const char *base = NULL, *canonical = NULL, *og = NULL;
  for (const dom_node *n = doc->head ? doc->head->first : NULL; n; n = n->next) {
    if (n->tag == TAG_BASE && !base)
      base = dom_attr_get(n, "href");
    else if (n->tag == TAG_LINK && !canonical) {
      const char *rel = dom_attr_get(n, "rel");
      if (rel && !strcasecmp(rel, "canonical"))
        canonical = dom_attr_get(n, "href");
    } else if (n->tag == TAG_META && !og) {
      const char *prop = dom_attr_get(n, "property");
      if (prop && !strcmp(prop, "og:url"))
        og = dom_attr_get(n, "content");
    }
  }
  if (url_is_http(base))
    return base;
  if (url_is_http(url))
    return url;
  return url_is_http(canonical) ? canonical : url_is_http(og) ? og : url;
}

/* An image's address: lazy-loading pages keep the real one aside. */
static const char *image_src(const dom_node *img) {
  static const char *const names[] = {"data-src", "data-lazy-src", "data-original", "src"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    const char *v = dom_attr_get(img, names[i]);
    if (v && *v && strncmp(v, "data:", 5) != 0)
      return v;
  }
  return NULL;
}

static char *copy_attr(arena *mem, const dom_node *n, const char *name, int *oom) {
  const char *v = dom_attr_get(n, name);
  if (!v || !*v)
    return NULL;
  char *c = squeeze(mem, v, strlen(v));
  if (!c)
    *oom = 1;
  return c && *c ? c : NULL;
}

/* The figure for an image element, or NULL without a usable address (or
 * for a tracking pixel). */
static int is_pixel(const dom_node *img) {
  const char *w = dom_attr_get(img, "width"), *h = dom_attr_get(img, "height");
  return (w && (!strcmp(w, "0") || !strcmp(w, "1"))) || (h && (!strcmp(h, "0") || !strcmp(h, "1")));
}

static article_image *image_of(tree *t, const dom_node *img, int *oom) {
  const char *src = img && !is_pixel(img) ? image_src(img) : NULL;
  if (!src)
    return NULL;
  article_image *im = arena_calloc(t->mem, sizeof *im);
  if (!im || !(im->src = url_resolve(t->mem, t->base, src))) {
    *oom = !im;
    return NULL;
  }
  im->alt = copy_attr(t->mem, img, "alt", oom);
  return im;
}

static const dom_node *figure_around(const dom_node *n) {
  for (; n && n->tag != TAG_TEXT; n = n->parent)
    if (n->tag == TAG_FIGURE)
      return n;
  return NULL;
}

/* Adds a figure for a caption: the caption, and the image of the <figure>
 * around it when there is one; it is also one of the article's images. */
static int add_caption_figure(tree *t, const text_block *b, const char *caption) {
  int oom = 0;
  const dom_node *figure = figure_around(b->container), *img = NULL;
  for (const dom_node *n = figure; n; n = dom_next(figure, n, 0))
    if (n->tag == TAG_IMG && image_src(n)) {
      img = n;
      break;
    }
  article_image *im = img ? image_of(t, img, &oom) : NULL;
  if (!im && !oom)
    im = arena_calloc(t->mem, sizeof *im);
  if (!im)
    return -1;
  /* "Cherry tomatoes on the vine. (Photo: Jane Doe)": the credit apart. */
  size_t len = strlen(caption), cap_end, credit, credit_end;
  credit_kind ck = credit_find(caption, len, &cap_end, &credit, &credit_end);
  if (ck != CREDIT_NONE &&
      !(im->credit = arena_strndup(t->mem, caption + credit, credit_end - credit)))
    return -1;
  if (ck == CREDIT_TRAILING) {
    while (cap_end > 0 && caption[cap_end - 1] == ' ')
      cap_end--;
    if (!(caption = arena_strndup(t->mem, caption, cap_end)))
      return -1;
  }
  im->caption = ck == CREDIT_ALONE ? NULL : caption;
  art_node *parent = place(t, b->container, 0, &oom);
  art_node *node = oom ? NULL : article_open(t->a, t->mem, parent, NODE_FIGURE);
  if (!node)
    return -1;
  node->image = im;
  article_meta *m = &t->a->meta;
  if (m->last_image)
    m->last_image->next = im;
  else
    m->images = im;
  m->last_image = im;
  m->nimages++;
  return 0;
}

/* Whether an element sits in a teaser record or boilerplate inside the
 * root: a lone image or rule there is not the article's. */
static int outside_article(const tree *t, const dom_node *n, const dom_node *boiler) {
  if (n->order < t->root->order || n->order > t->root->order_end)
    return 1;
  if (boiler && boiler->order > t->root->order)
    return 1;
  for (const dom_node *p = n; p && p->tag != TAG_TEXT && p != t->root; p = p->parent)
    if (p->flags & (NF_TEASER | NF_JUNK)) /* a teaser, or still hidden */
      return 1;
  return 0;
}

/* Whether the <figure> around an image has a caption with words: the
 * caption brings the figure, image and all. */
static int captioned(const dom_node *img) {
  const dom_node *figure = figure_around(img);
  if (!figure)
    return 0;
  for (const dom_node *n = figure->first; n; n = dom_next(figure, n, 0))
    if (n->tag == TAG_FIGCAPTION && n->chars > 0)
      return 1;
  return 0;
}

/* Lone images and rules between the last emitted block and the text at
 * off. Rules only between blocks: one at the edge separates nothing. */
static int add_standalone_before(tree *t, uint32_t off) {
  extraction *x = t->x;
  for (; t->next_alone < x->nalone && x->alone[t->next_alone].off <= off; t->next_alone++) {
    standalone *s = &x->alone[t->next_alone];
    int at_start = !t->a->body.first;
    if (s->off < t->last_end)
      continue;
    if (outside_article(t, s->node, s->boiler))
      continue;
    int oom = 0;
    if (s->node->tag == TAG_HR) {
      if (at_start)
        continue;
      art_node *parent = place(t, s->node->parent, 0, &oom);
      if (oom || !article_open(t->a, t->mem, parent, NODE_SEPARATOR))
        return -1;
      continue;
    }
    if (captioned(s->node))
      continue;
    article_image *im = image_of(t, s->node, &oom);
    if (oom)
      return -1;
    if (!im)
      continue;
    art_node *parent = place(t, s->node->parent, 0, &oom);
    art_node *node = oom ? NULL : article_open(t->a, t->mem, parent, NODE_FIGURE);
    if (!node)
      return -1;
    node->image = im;
  }
  return 0;
}

/* A code block's language, from a "language-x" or "lang-x" class on the
 * <pre> or the <code> in it. */
static const char *code_language(tree *t, const dom_node *n) {
  const dom_node *pre = n;
  while (pre && pre->tag != TAG_TEXT && pre->tag != TAG_PRE)
    pre = pre->parent;
  if (!pre || pre->tag != TAG_PRE)
    return NULL;
  const dom_node *code = pre->first;
  while (code && code->tag == TAG_TEXT)
    code = code->next;
  const char *classes[2] = {pre->cls, code && code->tag == TAG_CODE ? code->cls : NULL};
  for (int i = 0; i < 2; i++) {
    const char *c = classes[i];
    while (c && *c) {
      while (*c == ' ')
        c++;
      size_t len = strcspn(c, " ");
      size_t skip = !strncmp(c, "language-", 9) ? 9 : !strncmp(c, "lang-", 5) ? 5 : 0;
      if (skip && len > skip && len - skip < 32)
        return arena_strndup(t->mem, c + skip, len - skip);
      c += len;
    }
  }
  return NULL;
}

static unsigned style_of(tag_id t) {
  switch (t) {
  case TAG_EM:
  case TAG_I:
    return STYLE_EM;
  case TAG_STRONG:
  case TAG_B:
    return STYLE_STRONG;
  case TAG_CODE:
  case TAG_KBD:
  case TAG_SAMP:
  case TAG_TT:
    return STYLE_CODE;
  case TAG_SUB:
    return STYLE_SUB;
  case TAG_SUP:
    return STYLE_SUP;
  default:
    return 0;
  }
}

/* Builds the runs of the text extraction.text[from, to), which is copied at out;
 * marks [m, mend) fall in it. Returns NULL (and leaves *oom) when the text
 * is one plain run. */
typedef struct {
  art_run *first, *last;
  int plain;
} runs;

static int push_run(tree *t, runs *r, run_kind kind, unsigned style, const char *text, size_t len,
                    const char *href) {
  if (kind == RUN_TEXT && !len)
    return 0;
  if (kind == RUN_TEXT && r->last && r->last->kind == RUN_TEXT && r->last->style == style &&
      r->last->href == href && r->last->text + r->last->len == text) {
    r->last->len += len;
    return 0;
  }
  art_run *run = arena_calloc(t->mem, sizeof *run);
  if (!run)
    return -1;
  run->kind = kind;
  run->style = style;
  run->text = text;
  run->len = len;
  run->href = href;
  if (kind != RUN_TEXT || style || href)
    r->plain = 0;
  if (r->last)
    r->last->next = run;
  else
    r->first = run;
  r->last = run;
  return 0;
}

/* Text with its line breaks ('\n' outside code) as break runs. */
static int push_text(tree *t, runs *r, unsigned style, const char *s, size_t len,
                     const char *href) {
  while (len) {
    const char *nl = memchr(s, '\n', len);
    size_t n = nl ? (size_t)(nl - s) : len;
    if (push_run(t, r, RUN_TEXT, style, s, n, href))
      return -1;
    if (!nl)
      break;
    if (push_run(t, r, RUN_BREAK, style, NULL, 0, NULL))
      return -1;
    s += n + 1;
    len -= n + 1;
  }
  return 0;
}

static art_run *build_runs(tree *t, uint32_t from, uint32_t to, const char *out, size_t m,
                           size_t mend, int *oom) {
  extraction *x = t->x;
  runs r = {NULL, NULL, 1};
  const dom_node *open[INLINE_STACK_MAX];
  const char *hrefs[INLINE_STACK_MAX];
  int depth = 0;
  unsigned style = 0;
  const char *href = NULL;
  uint32_t pos = from;
  for (size_t i = m; i <= mend; i++) {
    uint32_t at = i < mend ? x->marks[i].off : to;
    if (at < pos)
      at = pos;
    if (at > to)
      at = to;
    /* White space where an element opens belongs before it. */
    if (i < mend && x->marks[i].kind == MARK_OPEN && at < to && x->text.data[at] == ' ')
      at++;
    if (push_text(t, &r, style, out + (pos - from), at - pos, href))
      goto oom;
    pos = at;
    if (i == mend)
      break;
    const inline_mark *k = &x->marks[i];
    if (k->kind == MARK_OPEN && depth < INLINE_STACK_MAX) {
      open[depth] = k->node;
      hrefs[depth] = NULL;
      if (k->node->tag == TAG_A) {
        const char *h = dom_attr_get(k->node, "href");
        hrefs[depth] = h ? url_resolve(t->mem, t->base, h) : NULL;
      }
      depth++;
    } else if (k->kind == MARK_CLOSE) {
      int j = depth - 1;
      while (j >= 0 && open[j] != k->node)
        j--;
      if (j >= 0) {
        memmove(open + j, open + j + 1, (size_t)(depth - j - 1) * sizeof *open);
        memmove(hrefs + j, hrefs + j + 1, (size_t)(depth - j - 1) * sizeof *hrefs);
        depth--;
      }
    } else if (k->kind == MARK_IMAGE) {
      article_image *im = image_of(t, k->node, oom);
      if (*oom)
        return NULL;
      if (im) {
        if (push_run(t, &r, RUN_IMAGE, style, NULL, 0, href))
          goto oom;
        r.last->src = im->src;
        r.last->alt = im->alt;
      }
      continue;
    } else {
      continue;
    }
    style = 0;
    href = NULL;
    for (int j = 0; j < depth; j++) {
      style |= style_of((tag_id)open[j]->tag);
      if (hrefs[j])
        href = hrefs[j];
    }
  }
  return r.plain ? NULL : r.first;
oom:
  *oom = 1;
  return NULL;
}

static int trim_span(const char *s, uint32_t *from, uint32_t *to) {
  while (*from < *to && (s[*from] == ' ' || s[*from] == '\n'))
    (*from)++;
  while (*to > *from && (s[*to - 1] == ' ' || s[*to - 1] == '\n'))
    (*to)--;
  return 0;
}

/* A table row's cells, from its cell marks. */
static int build_cells(tree *t, const text_block *b, article_block *row) {
  extraction *x = t->x;
  size_t m = b->mark_first, mend = m + b->mark_count;
  art_cell *last = NULL;
  int all_th = 1, any = 0;
  for (size_t i = m; i < mend; i++) {
    if (x->marks[i].kind != MARK_CELL_START)
      continue;
    const dom_node *td = x->marks[i].node;
    size_t j = i + 1;
    while (j < mend && !(x->marks[j].kind == MARK_CELL_END && x->marks[j].node == td))
      j++;
    uint32_t from = x->marks[i].off, to = j < mend ? x->marks[j].off : b->off + b->len;
    if (from < b->off)
      from = b->off;
    if (to > b->off + b->len)
      to = b->off + b->len;
    if (to < from)
      to = from;
    trim_span(x->text.data, &from, &to);
    art_cell *c = arena_calloc(t->mem, sizeof *c);
    if (!c)
      return -1;
    c->text = row->text + (from - b->off);
    c->len = to - from;
    int oom = 0;
    c->runs = build_runs(t, from, to, c->text, i + 1, j, &oom);
    if (oom)
      return -1;
    c->colspan = to_int(dom_attr_get(td, "colspan"), 1, 1000, 1);
    c->rowspan = to_int(dom_attr_get(td, "rowspan"), 0, 65534, 1);
    c->header = td->tag == TAG_TH;
    all_th &= c->header;
    any = 1;
    if (last)
      last->next = c;
    else
      row->cells = c;
    last = c;
    /* The columns a wide cell covers, as placeholders. */
    for (int s = 1; s < c->colspan && s < 64; s++) {
      art_cell *p = arena_calloc(t->mem, sizeof *p);
      if (!p)
        return -1;
      p->text = "";
      p->colspan = p->rowspan = 1;
      p->spanned = 1;
      p->header = c->header;
      last->next = p;
      last = p;
    }
    i = j < mend ? j : i;
  }
  const dom_node *group = b->container->parent;
  row->header = any && (all_th || (group && group->tag == TAG_THEAD));
  return 0;
}

/* Places the emitted block b in the tree, with its runs, cells and code
 * language. */
static int emit_block(tree *t, const text_block *b) {
  extraction *x = t->x;
  if (add_standalone_before(t, b->off))
    return -1;
  t->last_end = b->off + b->len;
  const char *text = x->text.data + b->off;
  int oom = 0;
  if (b->kind == BLOCK_CAPTION) {
    if (b->container->tag == TAG_CAPTION) { /* a table's */
      art_node *table = place(t, b->container, 1, &oom);
      if (oom)
        return -1;
      if (table && table->kind == NODE_TABLE && !table->caption)
        table->caption = squeeze(t->mem, text, b->len);
      return 0;
    }
    const char *caption = squeeze(t->mem, text, b->len);
    return caption ? add_caption_figure(t, b, caption) : -1;
  }
  int row = b->kind == BLOCK_TABLE_ROW;
  art_node *parent = place(t, b->container, row, &oom);
  if (oom)
    return -1;
  if (row && (!parent || parent->kind != NODE_TABLE) &&
      !(parent = last_or_new(t, parent, NODE_TABLE)))
    return -1;
  article_block *out =
      article_add_in(t->a, t->mem, parent, (block_kind)b->kind, b->level, text, b->len);
  if (!out)
    return -1;
  if (row)
    return build_cells(t, b, out);
  if (b->kind == BLOCK_CODE) {
    out->language = code_language(t, b->container);
    return 0;
  }
  out->runs = build_runs(t, b->off, b->off + b->len, out->text, b->mark_first,
                         (size_t)b->mark_first + b->mark_count, &oom);
  return oom ? -1 : 0;
}

/* ---- 5b. the lead figure ------------------------------------------------ */

/* The element that holds both the headline (the last <h1> before root)
 * and root: the article with its header, when the root is only its body.
 * NULL when the headline is inside root, missing, or shares no element
 * with it short of top. */
static const dom_node *headed_article(const extraction *x, const dom_node *root,
                                      const dom_node *top) {
  const dom_node *h1 = NULL;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->container && b->container->order >= root->order)
      break;
    if (b->kind == BLOCK_HEADING && b->level == 1)
      h1 = b->container;
  }
  if (!h1)
    return NULL;
  for (const dom_node *p = root->parent; p && p->tag != TAG_TEXT && p != top; p = p->parent)
    if (holds(p, h1))
      return (p->flags & (NF_NEG | NF_INNEG | NF_JUNK)) ? NULL : p;
  return NULL;
}

/* A captioned <figure> between the article's start and its body (the root)
 * is the article's lead picture, though it is outside the body's text:
 * emitted first, and one of the article's images. Boilerplate and teasers
 * around it rule it out. */
static int emit_lead_figures(tree *t, const dom_node *top) {
  const extraction *x = t->x;
  const dom_node *art = headed_article(x, t->root, top);
  const text_block *last = NULL; /* the last lead figure's caption */
  if (!art)
    return 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (!b->container || b->container->order < art->order)
      continue;
    if (b->container->order >= t->root->order)
      break;
    if (b->kind != BLOCK_CAPTION || b->teaser || b->container->tag != TAG_FIGCAPTION ||
        !figure_around(b->container))
      continue;
    const dom_node *p = b->container;
    while (p != art && !(p->flags & (NF_NEG | NF_JUNK | NF_TEASER)))
      p = p->parent;
    /* Pages repeat the lead picture for small and large screens. */
    if (p != art || (last && last->len == b->len &&
                     !memcmp(x->text.data + last->off, x->text.data + b->off, b->len)))
      continue;
    if (emit_block(t, b))
      return -1;
    last = b;
  }
  return 0;
}

/* ---- 6. comments ----------------------------------------------------------- */

/* The outermost element named as comments around b, below top and not
 * around the article's root; NULL when there is none. */
static const dom_node *comment_section(const text_block *b, const dom_node *top,
                                       const dom_node *root) {
  const dom_node *found = NULL;
  for (const dom_node *p = b->container; p && p != top && p->tag != TAG_TEXT; p = p->parent)
    if ((p->flags & NF_COMMENTS) && !holds(p, root))
      found = p;
  return found;
}

/* Where b sits below section: in a <form> (the "Leave a reply" form's
 * notes, "Your email address will not be published", are no comment), and
 * in a comment-named element of its own (one comment of several). */
static void comment_place(const text_block *b, const dom_node *section, int *in_form,
                          int *in_item) {
  *in_form = *in_item = 0;
  for (const dom_node *p = b->container; p && p != section && p->tag != TAG_TEXT; p = p->parent) {
    if (p->tag == TAG_FORM)
      *in_form = 1;
    if (p->flags & NF_COMMENTS)
      *in_item = 1;
  }
}

/* Readers' comments: the comment-named section with the most prose, as an
 * article of its own. Its prose is that of its comment blocks (a sentence,
 * 40 characters, not mostly links, not in its reply form): at least 80
 * characters, or less in a comment of its own within it ("One reply"), not
 * a lone line named like comments ("Comment via email"). Its blocks are
 * prose and names, not the links ("Reply", permalinks) around them, nor
 * its reply form. */
static int extract_comments(extraction *x, const dom_node *top, const dom_node *root,
                            article *out) {
  if (x->names_ignored)
    return 0; /* a thread: the posts are the content */
  const dom_node *best = NULL, *cur = NULL;
  uint32_t best_prose = 0, cur_prose = 0;
  int cur_item = 0;
  /* A section's blocks come one after another: sum them, then compare. */
  for (size_t i = 0; i <= x->nblocks; i++) {
    const text_block *b = i < x->nblocks ? &x->blocks[i] : NULL;
    const dom_node *s = NULL;
    int form = 0, item = 0;
    if (b && b->chars >= 40 && b->link_chars * 2 <= b->chars && (s = comment_section(b, top, root)))
      comment_place(b, s, &form, &item);
    if (b && (!s || form))
      continue;
    if (s != cur) {
      if (cur && (cur_prose >= 80 || cur_item) && cur_prose > best_prose)
        best = cur, best_prose = cur_prose;
      cur = s, cur_prose = 0, cur_item = 0;
    }
    if (b)
      cur_prose += b->chars - b->link_chars, cur_item |= item;
  }
  if (!best)
    return 0;
  article *c = arena_calloc(x->mem, sizeof *c);
  if (!c)
    return -1;
  /* Headings wait for something to head: "Leave a reply" over the form
   * that was left out goes too. */
  const text_block *pending[8];
  size_t npending = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->container->order < best->order || b->container->order > best->order_end ||
        b->link_chars * 2 > b->chars || b->kind == BLOCK_CAPTION)
      continue;
    int form, item;
    comment_place(b, best, &form, &item);
    if (form)
      continue;
    if (b->kind == BLOCK_HEADING) {
      while (npending && pending[npending - 1]->level >= b->level)
        npending--; /* headed nothing */
      if (npending < sizeof pending / sizeof *pending)
        pending[npending++] = b;
      continue;
    }
    for (size_t k = 0; k <= npending; k++) {
      const text_block *e = k < npending ? pending[k] : b;
      if (!article_add(c, x->mem,
                       e->kind == BLOCK_TABLE_ROW ? BLOCK_PARAGRAPH : (block_kind)e->kind, e->level,
                       x->text.data + e->off, e->len))
        return -1;
    }
    npending = 0;
  }
  out->comments = c->first ? c : NULL;
  return 0;
}

/* ---- title --------------------------------------------------------------- */

/* Collapses white space of s into mem. */
static char *squeeze(arena *mem, const char *s, size_t len) {
  char *out = arena_alloc(mem, len + 1);
  if (!out)
    return NULL;
  size_t j = 0;
  int space = 0;
  for (size_t i = 0; i < len; i++) {
    if (is_space((unsigned char)s[i])) {
      space = j > 0;
      continue;
    }
    if (space)
      out[j++] = ' ';
    space = 0;
    out[j++] = s[i];
  }
  out[j] = '\0';
  return out;
}

static const char *page_title(dom_doc *doc, arena *mem) {
  if (!doc->title)
    return NULL;
  buf b;
  buf_init(&b);
  for (dom_node *c = doc->title->first; c; c = c->next)
    if (c->tag == TAG_TEXT)
      buf_append(&b, c->text, c->text_len);
  char *t = b.data ? squeeze(mem, b.data, b.len) : NULL;
  buf_free(&b);
  return t && *t ? t : NULL;
}

/* The headline: the first <h1> whose text the <title> contains, else the
 * <title> itself. (Site-name suffixes and the rest of metadata come with
 * the meta module.) */
static const char *choose_title(extraction *x, dom_doc *doc) {
  const char *title = page_title(doc, x->mem);
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    if (b->kind != BLOCK_HEADING || b->level != 1)
      continue;
    char *h = arena_strndup(x->mem, x->text.data + b->off, b->len);
    if (!h)
      return title;
    if (!title || strstr(title, h))
      return h;
  }
  return title;
}

#ifdef PITH_DEBUG_EXTRACT
static void debug_node(const dom_node *n) {
  fprintf(stderr, "<%s", n->tag == TAG_UNKNOWN ? n->name : tag_name((tag_id)n->tag));
  if (n->id)
    fprintf(stderr, " id=%s", n->id);
  if (n->cls)
    fprintf(stderr, " class=\"%.80s\"", n->cls);
  fprintf(stderr, "> o=%u-%u score=%.0f chars=%u links=%u flags=%x\n", n->order, n->order_end,
          n->score, n->chars, n->link_chars, n->flags);
}
static void debug_dump(extraction *x, dom_node *root, int listing) {
  fprintf(stderr, "elements %u blocks %zu\n", x->nelements, x->nblocks);
  for (uint32_t i = 0; i < x->nelements && i < 20; i++) {
    fprintf(stderr, "EL ");
    debug_node(x->elements[i]);
  }
  for (uint32_t i = 0; i < x->nelements; i++)
    if (x->elements[i]->tag == TAG_H1) {
      for (dom_node *p = x->elements[i]; p && p->tag != TAG_TEXT; p = p->parent) {
        fprintf(stderr, "H1-CHAIN ");
        debug_node(p);
      }
      break;
    }
  if (!root)
    return;
  fprintf(stderr, "ROOT ");
  debug_node(root);
  for (dom_node *p = root->parent; p && p->tag != TAG_UNKNOWN; p = p->parent) {
    fprintf(stderr, "  up ");
    debug_node(p);
  }
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    fprintf(stderr, "%c%c %6.1f %4u/%4u k%d [%.60s] in ",
            keep_block(x, b, root, listing) ? '+' : '-', b->teaser ? 'T' : ' ', b->weight,
            b->link_chars, b->chars, b->kind, x->text.data + b->off);
    debug_node(b->container);
    if (b->boiler) {
      fprintf(stderr, "      boiler ");
      debug_node(b->boiler);
    }
  }
}
#endif

/* ---- driver -------------------------------------------------------------- */

int extract_article(dom_doc *doc, arena *mem, article *out, char *err, size_t err_cap) {
  extraction x;
  memset(&x, 0, sizeof x);
  x.mem = mem;
  x.dl = doc->deadline;
  buf_init(&x.text);
  int rc = -1;
  uint64_t *seen = NULL;
  x.elements = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.elements);
  x.hidden = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.hidden);
  if (!x.elements || !x.hidden)
    goto oom;
  measure_elements(&x, doc->root);
  dom_node *top = doc->body ? doc->body : doc->root;
  /* Broken markup can close the body early and leave the rest of the page
   * beside it (under <html>, or a second <html>). */
  if (top->chars < doc->root->chars)
    top = doc->root;
  clear_layout_names(&x, top);
  cut_blocks(&x, top);
  if (x.oom || x.text.oom || reveal_hidden_content(&x, top))
    goto oom;
  if (deadline_over(x.dl))
    goto timeout;
  count_stopwords(&x, doc);

  out->title = choose_title(&x, doc);
  mark_teasers(&x, top);
  dom_node *root = choose_root(&x);
  switch (mark_unnamed_replies(&x, doc, root)) {
  case -1:
    goto oom;
  case 1:
    root = choose_root(&x);
    break;
  }
  root = set_thread_names_aside(&x, doc, root);
  mark_inside_boilerplate(&x);
  int listing_mode = 0;
  root = choose_listing_or_prose(&x, root, top, out->title, &listing_mode);
#ifdef PITH_DEBUG_EXTRACT
  debug_dump(&x, root, listing_mode);
#endif
  if (root) {
    size_t cap = 16;
    while (cap < x.nblocks * 2)
      cap *= 2;
    seen = calloc(cap, sizeof *seen);
    if (!seen)
      goto oom;
    /* Pick the blocks, then drop headings that head nothing (a widget's
     * title, "Advertisement") before emitting. */
    size_t *kept = malloc((x.nblocks + 1) * sizeof *kept);
    if (!kept)
      goto oom;
    size_t nkept = 0;
    for (size_t i = 0; i < x.nblocks; i++) {
      text_block *b = &x.blocks[i];
      if (!keep_block(&x, b, root, listing_mode))
        continue;
      const char *t = x.text.data + b->off;
      if (seen_before(seen, cap, hash_text(t, b->len)))
        continue;
      kept[nkept++] = i;
    }
    size_t from = 0, to = nkept;
    if (!listing_mode && TRIM_EDGES)
      best_run(&x, kept, nkept, &from, &to);
    tree t = {.x = &x, .a = out, .mem = mem, .root = root, .base = link_base(doc, out->url)};
    if (!listing_mode && emit_lead_figures(&t, top)) {
      free(kept);
      goto oom;
    }
    if (from > 0) /* lone images after the blocks trimmed away */
      t.last_end = x.blocks[kept[from - 1]].off + x.blocks[kept[from - 1]].len;
    for (size_t k = from; k < to; k++) {
      if (deadline_over(x.dl)) {
        free(kept);
        goto timeout;
      }
      text_block *b = &x.blocks[kept[k]];
      if (!listing_mode && b->kind == BLOCK_HEADING && !heads_something(&x, kept, nkept, k))
        continue;
      if (emit_block(&t, b)) {
        free(kept);
        goto oom;
      }
    }
    free(kept);
    if (extract_comments(&x, top, root, out))
      goto oom;
  }
  rc = 0;
  goto done;
oom:
  snprintf(err, err_cap, "out of memory");
  goto done;
timeout:
  snprintf(err, err_cap, "over the time budget while extracting");
done:
  free(seen);
  free(x.blocks);
  free(x.marks);
  free(x.alone);
  buf_free(&x.text);
  return rc;
}
