/* Step 3a, replies without names: readers' comments that no class word
 * names are found by their build: a run of like-built units (same tag and
 * first class word, as listing records), each a short line (a name: "Mark
 * T. says:", a profile link, "2 days ago", a small heading) and then
 * prose, dated or under a heading that names them. Beside a page headline
 * followed by prose of its own, built apart from them, they are a comment
 * section, however much longer: the article is the headline's prose, and
 * the units are marked as comments (boilerplate) for the root to be chosen
 * again. Undated units under no such heading (and signed quotes:
 * testimonials) are set aside only when the page's markup puts the
 * headline's prose in an <article>, <main>, named body or post without
 * them. A thread's posts are built alike, its opening post among them (or
 * the page declares itself a discussion): there they stay the content. */
#include <stdio.h>
#include <string.h>

#include "extract/internal.h"

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
#ifndef REPLY_AFTER_SHARE
#define REPLY_AFTER_SHARE 1.0f /* prose after the run, to the article's */
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
int heading_says(const extraction *x, const text_block *b, const char *const *words, size_t n) {
  if (b->kind != BLOCK_HEADING)
    return 0;
  for (size_t w = 0; w < n; w++)
    if (has_word_ci(x->text.data + b->off, b->len, words[w], 0))
      return 1;
  return 0;
}

/* A heading that names a discussion or readers' reviews: "30 Comments",
 * "Responses", "2 thoughts on ...", "Leave a reply", "Customer reviews",
 * and their words in the languages of the stop word lists (a word's
 * start: "Kommentare", "Avaliações", "Bewertungen"). A question's answers
 * are no such run: they are its page's content. */
int heads_replies(const extraction *x, const text_block *b) {
  static const char *const words[] = {
      "comment", "respon",    "repl",        "discussion", "reaction",        "thoughts",
      "review",  "kommentar", "reactie",     "comentari",  "komentarz",       "avalia",
      "opini",   "reseña",    "valoracion",  "bewertung",  "kundenbewertung", "rezension",
      "avis",    "recension", "beoordeling", "recenzj"};
  return heading_says(x, b, words, sizeof words / sizeof *words);
}

/* Whether b is a reply's name line: short, no prose; a small heading
 * ("<h4>Mark T.</h4>") too, but not a link to another page: that is a
 * card's title; nor a question: a heading that asks heads a FAQ's answer
 * (an author's own questions after the article), and no name asks. A line with a date may be
 * longer, and its commas make no prose of it ("Mark T. on March 3, 2024 at 10:02 am"). */
static int is_name_line(const extraction *x, const text_block *b, uint32_t max_chars) {
  if (b->teaser)
    return 0;
  if (b->kind == BLOCK_HEADING)
    return b->chars <= max_chars && b->link_chars == 0 &&
           !(b->len && x->text.data[b->off + b->len - 1] == '?');
  return (b->chars <= max_chars && b->weight <= 0) ||
         (b->chars <= REPLY_DATE_MAX && says_when(x->text.data + b->off, b->len));
}

/* Whether the unit c is built as a reply: a short line that is no prose nor
 * a heading (a name: "Mark T. says:", a profile link, "2 days ago"), then
 * a paragraph of prose (not a list's items or a table's rows: a product's
 * features); or the prose first and the name line last, as a signature
 * ("— Mark T., March 3, 2024"). Returns its heaviest paragraph, or NULL;
 * a quote when it has no paragraph (a customer's testimonial: *quoted is
 * set, and the run needs an article that declares itself apart). */
static const text_block *reply_prose(const extraction *x, const dom_node *c, const uint32_t *first,
                                     int *quoted) {
  uint32_t i = first[c->order];
  if (i == UINT32_MAX || !holds(c, x->blocks[i].container))
    return NULL;
  int signed_last = !is_name_line(x, &x->blocks[i], REPLY_NAME_MAX);
  const text_block *best = NULL, *quote = NULL, *last = NULL;
  for (size_t j = signed_last ? i : i + 1; j < x->nblocks && j <= i + REPLY_BLOCKS_MAX; j++) {
    const text_block *b = &x->blocks[j];
    if (!holds(c, b->container))
      break;
    if (b->kind == BLOCK_HEADING || b->teaser || is_headline_link(x, b) ||
        ends_cut_short(x->text.data + b->off, b->len))
      return NULL; /* a card: a headline, an excerpt cut short */
    if (b->kind == BLOCK_PARAGRAPH && b->weight > 0 && (!best || b->weight > best->weight))
      best = b;
    if (b->kind == BLOCK_QUOTE && b->weight > 0 && (!quote || b->weight > quote->weight))
      quote = b;
    last = b;
  }
  *quoted = !best && quote;
  if (*quoted)
    best = quote;
  if (signed_last && (!last || last == best || !is_name_line(x, last, REPLY_DATE_MAX)))
    return NULL;
  return best && best->weight >= MIN_ROOT_SCORE ? best : NULL;
}

/* Whether a class names the element a post or an article as a whole
 * word ("post", "entry", "hentry", "article", "story"; not "entry-summary"
 * or "post-meta"). */
static int named_post(const char *cls) {
  static const char *const words[] = {"post", "entry", "hentry", "article", "story"};
  size_t len = cls ? strnlen(cls, 255) : 0;
  for (size_t p = 0; p < len;) {
    while (p < len && (cls[p] == ' ' || cls[p] == '\t' || cls[p] == '\n'))
      p++;
    size_t e = p;
    while (e < len && cls[e] != ' ' && cls[e] != '\t' && cls[e] != '\n')
      e++;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
      if (strlen(words[w]) == e - p && !memcmp(cls + p, words[w], e - p))
        return 1;
    p = e;
  }
  return 0;
}

/* Whether the headline's prose (from its block's element up) lies in an
 * element that says it is the page's article — an <article>, <main>, a
 * named article body ("entry-content", itemprop=articleBody) or a post
 * (named_post) — that does not hold p: the page's own markup sets p apart
 * from its article. A class word for content inside a longer name
 * ("top-content", "text-wrapper", "entry-summary") is not enough: a
 * landing page's hero is named so, and its sections follow outside it. */
static int declared_apart(const dom_node *lead, const dom_node *p) {
  for (const dom_node *a = lead;
       a && a->tag != TAG_TEXT && a->tag != TAG_BODY && a->tag != TAG_HTML && !holds(a, p);
       a = a->parent)
    if (a->tag == TAG_ARTICLE || a->tag == TAG_MAIN || (a->flags & NF_BODY) || named_post(a->cls))
      return 1;
  return 0;
}

/* The headline's own prose: the heaviest block after the headline and
 * before from, outside boilerplate, if the blocks between weigh a sentence
 * or two (their weight in *weight, when not NULL). */
const text_block *headline_prose(const extraction *x, const dom_node *h1, size_t from,
                                 float *weight) {
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
  if (weight)
    *weight = sum;
  return sum >= MIN_ROOT_SCORE ? best : NULL;
}

const text_block *lead_before(const extraction *x, const dom_node *n, uint32_t *chars) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || h1->order_end >= n->order)
    return NULL;
  size_t from = 0;
  while (from < x->nblocks && !holds(n, x->blocks[from].container))
    from++;
  const text_block *lead = headline_prose(x, h1, from, NULL);
  *chars = 0;
  for (size_t i = 0; lead && i < from; i++) {
    const text_block *b = &x->blocks[i];
    if (b->container && b->container->order > h1->order_end && !b->neg && b->weight > 0)
      *chars += b->chars;
  }
  return lead;
}

/* The smallest element holding a and b. */
const dom_node *around(const dom_node *a, const dom_node *b) {
  while (a->parent && a->parent->tag != TAG_TEXT && !holds(a, b))
    a = a->parent;
  return a;
}

/* The prose after p, outside boilerplate: comments close the article,
 * where a grid of features or quotes is followed by more of the page —
 * more than the article's own prose (REPLY_AFTER_SHARE of it); a line or
 * two about the site after the comments is no more of the page. */
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
void blocks_below_set_aside(extraction *x, dom_node *n, size_t from, int reply) {
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
int mark_unnamed_replies(extraction *x, const dom_doc *doc, const dom_node *root) {
  const dom_node *h1 = page_headline(x);
  if (!h1 || !root)
    return 0;
  uint32_t *first = NULL;
  int marked = 0;
  int discussion = -1, tried = 0, tried_apart = 0;
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
    uint32_t found = 0, like = 0, dated = 0, quotes = 0;
    for (dom_node *c = p->first; c; c = c->next) {
      if (c->tag == TAG_TEXT || (c->flags & (NF_JUNK | NF_NEG)) || c->chars == 0)
        continue;
      int quoted = 0;
      const text_block *r = reply_prose(x, c, first, &quoted);
      if (!r)
        continue;
      if (!reply) {
        reply = r;
        sig = record_signature(c);
      }
      if (record_signature(c) == sig) {
        found++;
        quotes += (uint32_t)quoted;
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
     * are; a listicle's items or a grid of features do neither. Else (and
     * for quotes: testimonials) the page's markup must set them apart from
     * its article. */
    uint32_t before = first[unit->order];
    int named = before > 0 && heads_replies(x, &x->blocks[before - 1]);
    int need_apart = quotes > 0 || (dated * 2 < found && !named);
    /* What follows walks the blocks: a page of many runs is judged on its
     * first few of each kind. */
    if (need_apart ? ++tried_apart > REPLY_RUNS_MAX : ++tried > REPLY_RUNS_MAX) {
      if (need_apart)
        continue;
      break;
    }
    /* The article in a container without them; in the same one (a post
     * and its comments in one wrapper), only under a heading that names
     * them: dated entries under an introduction are a listing's. */
    float own = 0;
    const text_block *lead = headline_prose(x, h1, first[unit->order], &own);
    float after = lead ? prose_after(x, p) : 0;
    if (!lead || built_like(lead, reply, sig) ||
        (after >= MIN_ROOT_SCORE && after >= REPLY_AFTER_SHARE * own) ||
        (holds(around(h1, lead->container), p) && !named) ||
        (need_apart && !declared_apart(lead->container, p)))
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
