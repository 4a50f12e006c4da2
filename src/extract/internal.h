/* What the extractor's steps share: the page's blocks and marks, the
 * element flags, and the helpers several steps call. Private to
 * src/extract/ (not installed); extract.c runs the steps in order and
 * docs/extraction.md says what each one does. */
#ifndef PITH_EXTRACT_INTERNAL_H
#define PITH_EXTRACT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "article/article.h"
#include "extract/classify.h"
#include "html/dom.h"
#include "util/buf.h"
#include "util/deadline.h"

/* The steps' functions are the extractor's own: hidden from libpith.so's
 * symbol table (their plain names must not meet a program's), and so
 * never interposed, which leaves the compiler free to optimise their
 * calls. */
#pragma GCC visibility push(hidden)

/* What the extractor learns about an element, in dom_node.flags. */
enum {
  NF_JUNK = 1 << 0,      /* never content */
  NF_NEG = 1 << 1,       /* boilerplate by its name or tag */
  NF_META = 1 << 2,      /* byline, date: not body text, not a penalty either */
  NF_POS = 1 << 3,       /* named like content */
  NF_BODY = 1 << 4,      /* named as the article body itself */
  NF_HASBLOCK = 1 << 5,  /* has block-level elements below */
  NF_HASMAIN = 1 << 6,   /* holds <main>, an <h1> or a named article body */
  NF_HIDDEN = 1 << 7,    /* hidden by attribute or style (and so NF_JUNK, mostly) */
  NF_INNEG = 1 << 8,     /* below an NF_NEG element */
  NF_WEAKNEG = 1 << 9,   /* NF_NEG only for a weak word ("sidebar", "footer") */
  NF_TEASER = 1 << 10,   /* a small record headed by a link: a teaser of another page */
  NF_COMMENTS = 1 << 11, /* named as comments */
  NF_OVERLAY = 1 << 12,  /* a modal or popup: boilerplate whatever it holds */
  NF_RECORD = 1 << 13,   /* a listing's record: its boilerplate name is the records' */
  NF_OTHERS = 1 << 14,   /* a section of other pages' posts under its heading (related.c) */
};

/* A block of text: a paragraph, heading, list item, table row, quote, code
 * or caption, cut by the walk (blocks.c) in document order. The blocks
 * below an element are a run of the block array. */
typedef struct {
  dom_node *container; /* the block element holding the text */
  dom_node *boiler;    /* innermost boilerplate element around it, or NULL */
  dom_node *neg;       /* innermost NF_NEG element around it, or NULL */
  dom_node *hidden;    /* innermost hidden element around it, or NULL */
  uint32_t off, len;   /* the text, in extraction.text */
  uint32_t chars, link_chars;
  uint32_t anchor_chars; /* text of links to places on the page ("#section") */
  uint8_t kind, level;
  uint8_t teaser; /* inside an NF_TEASER record */
  float weight;
  uint32_t mark_first, mark_count; /* its inline marks, in extraction.marks */
  uint16_t words, stopwords;       /* its words, and how many are function words */
  uint8_t bare;  /* few function words and no punctuation: a run of names, not prose */
  uint8_t reply; /* in a reply that no name marks (mark_unnamed_replies) */
  uint8_t shape; /* SHAPE_*: its text read once as a sentence (mark_sentence_shapes) */
} text_block;

/* text_block.shape */
enum {
  SHAPE_LONG_SENTENCE = 1,  /* long_sentence() */
  SHAPE_SHORT_SENTENCE = 2, /* shorter, and reads as a sentence no template writes */
};

/* Where the inline structure of the text changes: an inline element opens
 * or closes, an image sits, a table cell starts or ends. The text itself
 * stays plain; renderers that want links and emphasis read the marks. */
typedef enum { MARK_OPEN, MARK_CLOSE, MARK_IMAGE, MARK_CELL_START, MARK_CELL_END } mark_kind;

typedef struct {
  uint32_t off; /* in extraction.text */
  uint8_t kind;
  dom_node *node;
} inline_mark;

/* An image or a rule outside any text: the article's figures and
 * separators, placed before the text at off. */
typedef struct {
  uint32_t off;
  dom_node *node; /* the <img> or <hr> */
  dom_node *boiler;
} standalone;

#define INLINE_STACK_MAX 16

/* One page's extraction: the elements in document order, the text cut
 * into blocks with their marks, and the walk's state while it runs. */
typedef struct {
  arena *mem;
  buf text; /* every block's text, one after another */
  text_block *blocks;
  size_t nblocks, cap;
  dom_node **elements; /* elements in pre-order, by dom_node.order */
  uint32_t nelements;
  int names_ignored;     /* class/id boilerplate words set aside (forum pages) */
  float record_chars;    /* a listing's characters per record (listing.c), else 0 */
  const char *doc_title; /* the <title>'s text, squeezed (choose_title), or NULL */
  size_t doc_title_len;  /* its length, measured once: headings are held up to it */
  dom_node **hidden;     /* hidden elements, in pre-order */
  uint32_t nhidden;
  int oom;
  classify_cache cls_cache; /* class strings already classified on this page */
  int stopwords_known;      /* the page's language has a function-word list */
  inline_mark *marks;
  size_t nmarks, marks_cap;
  standalone *alone;
  size_t nalone, alone_cap;

  /* The walk's state. */
  dom_node *container, *boiler, *neg, *hidden_el;
  int in_link, in_anchor, in_pre, in_quote, list_depth;
  uint32_t cur_start, cur_chars, cur_link_chars, cur_anchor_chars;
  int pending_space, pending_break;
  size_t mark_start;                       /* the current block's first mark */
  dom_node *inline_open[INLINE_STACK_MAX]; /* inline elements open around the text */
  int inline_depth;
  deadline *dl; /* the page's time budget: the walks stop when it is spent */
} extraction;

/* Whether n is outer or below it (elements are numbered in document
 * order, and order_end is the last number below). */
static inline int holds(const dom_node *outer, const dom_node *n) {
  return n && n->order >= outer->order && n->order <= outer->order_end;
}

/* White space as HTML has it (U+00A0 is handled where it matters). */
static inline int is_space(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* ---- words.c: what a block's text says ----------------------------------- */

/* A hash of s, ASCII case folded; never 0 (0 marks a free slot). */
uint64_t hash_text(const char *s, size_t len);
/* hash_text one byte at a time: h = HASH_TEXT_BASIS, hash_text_step for
 * each byte (hash_text_step_folded for a byte already folded), and
 * hash_text_end(h) is hash_text of those bytes. */
#define HASH_TEXT_BASIS 1469598103934665603ULL
static inline uint64_t hash_text_step_folded(uint64_t h, unsigned char c) {
  return (h ^ c) * 1099511628211ULL;
}
static inline uint64_t hash_text_step(uint64_t h, unsigned char c) {
  return hash_text_step_folded(h, c >= 'A' && c <= 'Z' ? c + 32 : c);
}
static inline uint64_t hash_text_end(uint64_t h) {
  return h ? h : 1;
}
/* The first slot of h in an open-addressing table of cap slots (a power
 * of two). hash_text's low bits hang on the low bits of its state alone,
 * so a page can hold 100k lines that agree there, and indexed by those
 * bits they would all probe one run of slots (quadratic: 8 s for a 10 MB
 * page); hash_slot mixes all of h's bits in first. */
size_t hash_slot(uint64_t h, size_t cap);
/* Inserts h into the open-addressing set of cap slots (a power of two);
 * returns 1 if it was there already. */
int seen_before(uint64_t *set, size_t cap, uint64_t h);
/* Whether s holds a sentence's punctuation: a full stop, a comma, a colon
 * (ASCII or CJK). */
int has_sentence_punctuation(const char *s, uint32_t len);
/* Whether s holds word anywhere (ASCII case folded). */
int contains_ci(const char *s, uint32_t len, const char *word);
/* Whether s holds word at a word's start (case folded), and with
 * whole_word at its end too. */
int has_word_ci(const char *s, uint32_t len, const char *word, int whole_word);
/* Whether s ends cut short with an ellipsis ("..." or U+2026). */
int ends_cut_short(const char *s, uint32_t len);
/* s with its runs of white space made one space (none at the ends), in
 * mem; NULL out of memory. */
char *squeeze_spaces(arena *mem, const char *s, size_t len);

/* ---- measure.c: 1. measure ----------------------------------------------- */

/* Numbers n and the elements below it in document order (x->elements),
 * sets their flags (NF_*) and sums their visible and link characters. */
void measure_elements(extraction *x, dom_node *n);
/* Lifts boilerplate names that name a layout around most of the page's
 * text (top's), and metadata names on elements holding paragraphs. */
void clear_layout_names(extraction *x, const dom_node *top);
/* Marks as boilerplate the small box around each e-mail field: a
 * newsletter or signup form with its pitch. */
void mark_signup_boxes(extraction *x);
/* The characters of s a reader sees: not white space, one per UTF-8
 * character. */
uint32_t visible_chars(const char *s, uint32_t len);
/* Whether the <a> a links to another page (not to a place on this one). */
int links_away(const dom_node *a);
/* Marks every element below a boilerplate element NF_INNEG (once the
 * unnamed replies are marked: they are boilerplate too). */
void mark_inside_boilerplate(extraction *x);

/* ---- blocks.c: 2. blocks ------------------------------------------------- */

/* Cuts the text below top into x->blocks, with their marks (x->marks) and
 * the images and rules standing alone (x->alone); sets x->oom when out of
 * memory. */
void cut_blocks(extraction *x, dom_node *top);

/* ---- hidden.c: 2b. hidden content ---------------------------------------- */

/* Shows the hidden elements whose new prose is a large share of the
 * page's (their characters count in their ancestors' from then on) and
 * drops the blocks of the others. Returns 0, or -1 out of memory. */
int reveal_hidden_content(extraction *x, dom_node *top);

/* ---- function_words.c: 2c. function words -------------------------------- */

/* A block of at least STOP_MIN_WORDS words of which fewer than
 * STOP_MIN_SHARE are function words is a list of names or specs. */
#ifndef STOP_MIN_WORDS
#define STOP_MIN_WORDS 12
#endif
#ifndef STOP_MIN_SHARE
#define STOP_MIN_SHARE 0.08f
#endif

/* Sets each block's words, stopwords and bare from the function words of
 * the page's language; sets x->stopwords_known when there is a list. */
void count_stopwords(extraction *x, dom_doc *doc);

/* ---- title.c: the title -------------------------------------------------- */

/* The page's headline: its first <h1> whose text the <title> holds, else
 * the <title>; NULL when it has neither. In x->mem. */
const char *choose_title(extraction *x, dom_doc *doc);

/* ---- weight.c: 3. the blocks' weights ------------------------------------ */

/* What block b says for (prose) or against (links, fragments, boilerplate)
 * its container being the main content. */
float block_weight(const extraction *x, const text_block *b);
/* Whether b is long enough to weigh as a sentence of prose: 30
 * characters (10 written mostly in CJK) with a sentence's punctuation. */
int long_sentence(const extraction *x, const text_block *b);
/* A block of LONG_BLOCK_CHARS characters or more weighs by its length
 * alone; a shorter one needs a sentence's shape to weigh as prose. */
#ifndef LONG_BLOCK_CHARS
#define LONG_BLOCK_CHARS 80
#endif
/* Boilerplate by its tag (nav, aside, footer) or by what it is (an
 * overlay), not by a name that a forum may give its posts too. */
int is_structural(const dom_node *n);

/* Between a headline and its text, up to HEADLINE_GAP short lines: a
 * dateline, a byline, a kicker, a share bar. */
#ifndef HEADLINE_GAP
#define HEADLINE_GAP 3
#endif
/* A walk over those lines (plain.c): the blocks at positions 0..n-1 are
 * x->blocks[pos], or x->blocks[kept[pos]] when kept is given; is_line
 * says which are short lines (arg is its own). */
typedef struct {
  const extraction *x;
  const size_t *kept; /* NULL: the blocks in order */
  size_t n;           /* positions */
  int (*is_line)(const text_block *b, const void *arg);
  const void *arg;
} headline_lines;
/* No such position. */
#define NO_BLOCK ((size_t)-1)
/* The position of the first block from position `from` on, by step (+1
 * or -1), that is no line, with HEADLINE_GAP lines at most before it;
 * NO_BLOCK when the lines run on past that or the blocks end first. */
size_t past_headline_lines(const headline_lines *w, size_t from, int step);
/* The block at position pos of w. */
const text_block *headline_lines_block(const headline_lines *w, size_t pos);

/* ---- sentences.c: 3. short sentences ------------------------------------ */

/* Sets each block's shape (text_block.shape): read once, as every short
 * block looks at its neighbours' shapes (up to 2 * SENTENCE_REACH of them)
 * each time the weights are computed. Needs the blocks' final text. */
void mark_sentence_shapes(extraction *x);

/* Whether s says what a template's short lines say ("Share this article.",
 * "Please log in to continue.", "Subscribe to read on."). */
int says_template(const char *s, uint32_t len);

/* Whether b, a block too short to weigh as prose by its length, is a
 * sentence among the article's paragraphs ("It was a warm day today."
 * beside a paragraph of prose under the same parent). */
int short_sentence_in_prose(const extraction *x, const text_block *b);

/* ---- teasers.c: 3. teasers of other pages -------------------------------- */

/* Marks the teaser records below top (NF_TEASER) and their blocks
 * (text_block.teaser), unless the page is mostly teasers. Uses the
 * elements' scores as counters (choose_root clears them). */
void mark_teasers(extraction *x, const dom_node *top);

/* ---- root.c: 3. the root ------------------------------------------------- */

/* A root needs a sentence or two of prose (or to be inside <main> or
 * <article>); replies and an article's own prose are measured by it too. */
#ifndef MIN_ROOT_SCORE
#define MIN_ROOT_SCORE 40.0f
#endif

/* Weighs every block (text_block.weight), scores every element
 * (dom_node.score) and returns the best, or NULL: no main content. */
dom_node *choose_root(extraction *x);
/* A root that is one paragraph, grown to its parents while they add
 * nothing that weighs against it (nor go past top). */
dom_node *grow_paragraph_root(const extraction *x, dom_node *root, const dom_node *top);
/* [*lo, *hi), the blocks below an element below p, widened to the blocks
 * below p. */
void blocks_below(const extraction *x, const dom_node *p, size_t *lo, size_t *hi);
/* root, or the ancestor holding most of the page's prose when root holds
 * too little of it (sets dom_node.prose). */
dom_node *widen_root(extraction *x, dom_node *root);

/* ---- missing.c: 3. a page that says it is missing ------------------------ */

/* Whether the page's prose is a line or two (MISSING_PROSE_MAX characters
 * at most) saying that the page is missing ("Sorry, the page you are
 * looking for does not exist."): a soft 404, no main content. */
int missing_page(const extraction *x);

/* ---- plain.c: 3. plain pages --------------------------------------------- */

/* For best, too light to be a root: the element holding best, the first
 * <h1> with prose right after it, and that prose (a note however short);
 * NULL when no <h1> has prose after it. */
dom_node *headed_note(const extraction *x, dom_node *best);
/* For best, too light to be a root: best when it holds all of the page's
 * prose and most of its text (a page of one short paragraph), else NULL. */
dom_node *sole_passage(const extraction *x, dom_node *best);
/* root (its blocks: [lo, hi)), or its parent when root is one of the
 * parent's paragraphs (a page whose <body> holds its paragraphs beside
 * its menu and footer) and the parent adds nothing else that is kept. */
dom_node *among_its_paragraphs(const extraction *x, dom_node *root, size_t lo, size_t hi);
/* Whether n is p, or below p inside one of the parts a plain page is
 * made of (a paragraph, heading, quote, list, table, code, figure): not
 * inside a box of its own (a <div>, a <section>: a sidebar's widget). */
int in_plain_part(const dom_node *p, const dom_node *n);
/* The kept block (an index of kept, before from) of the <h1> that heads
 * the run of blocks emitted from kept[from], with only short lines between
 * that the run leaves out (a dateline, a byline); from when there is none.
 * The headline is emitted, the lines are not. */
size_t headline_before_run(const extraction *x, const size_t *kept, size_t from);

/* ---- replies.c: 3a. replies without names -------------------------------- */

/* Marks the runs of unnamed replies beside the headline's article, where
 * they hold the root or lie in it, as comments (NF_NEG | NF_COMMENTS, and
 * their blocks' neg, boiler and reply). Returns 1 when it marked some (the
 * root is to be chosen again), 0 when not, -1 out of memory. */
int mark_unnamed_replies(extraction *x, const dom_doc *doc, const dom_node *root);
/* Whether b is a heading that names a discussion or readers' reviews
 * ("30 Comments", "Customer reviews", "Avaliações"). */
int heads_replies(const extraction *x, const text_block *b);
/* Whether b is a heading holding one of words (as a word's start). */
int heading_says(const extraction *x, const text_block *b, const char *const *words, size_t n);
/* The heaviest block after the headline h1 and before block from, outside
 * boilerplate, if the blocks between weigh a sentence or two (their weight
 * in *weight, when not NULL); else NULL. */
const text_block *headline_prose(const extraction *x, const dom_node *h1, size_t from,
                                 float *weight);
/* The headline's own prose before element n (after the headline): its
 * heaviest block (headline_prose), and the characters of all of it in
 * *chars; NULL when there is none. */
const text_block *lead_before(const extraction *x, const dom_node *n, uint32_t *chars);
/* The smallest element holding a and b. */
const dom_node *around(const dom_node *a, const dom_node *b);
/* The blocks below n, from block from on, get n for their innermost
 * boilerplate element (and reply for their reply flag). */
void blocks_below_set_aside(extraction *x, dom_node *n, size_t from, int reply);

/* ---- threads.c: 3. forums and Q&A ---------------------------------------- */

/* Sets the comment and post names aside (x->names_ignored) on a forum
 * thread or a Q&A page and returns the root chosen again; else root. */
dom_node *set_thread_names_aside(extraction *x, const dom_doc *doc, dom_node *root);
/* On a page that declares itself a discussion, a root holding the replies
 * but not the opening post between the headline and them (a question
 * shorter than its answers, under no comment names) grows to hold the post
 * too, when their container holds little else; else root. */
dom_node *with_declared_opening(const extraction *x, const dom_doc *doc, dom_node *root);
/* Whether the page's schema.org markup (JSON-LD or microdata) says it is a
 * discussion: DiscussionForumPosting, QAPage. */
int declares_discussion(const extraction *x, const dom_doc *doc);
/* The nearest of n and its two parents that has a class, or NULL. */
const dom_node *class_holder(const dom_node *n);

/* ---- listing.c: 3. listings ---------------------------------------------- */

/* In a listing a weak boilerplate name ("card__header") counts only on an
 * element with more text than this: a record's header, not the page's. */
#ifndef LISTING_WEAK_MAX
#define LISTING_WEAK_MAX 200
#endif

/* The root: the listing's (*listing_mode set) or the prose's, grown. */
dom_node *choose_listing_or_prose(extraction *x, dom_node *root, const dom_node *top,
                                  const char *title, int *listing_mode);
/* The page's headline: its first visible <h1> outside boilerplate; on a
 * page without one, its first heading that the <title> holds (most of
 * it: not the site's name); else NULL. */
const dom_node *page_headline(const extraction *x);
/* What the records of a list share: the tag and the first class word. */
uint64_t record_signature(const dom_node *n);
/* The innermost boilerplate element around b below the listing, the
 * records' own names (NF_RECORD) passed over. */
const dom_node *listing_boiler(const text_block *b, const dom_node *listing);

/* ---- side_lists.c: 3b. lists beside the headline ------------------------- */

/* Whether listing is a list of other pages beside the page's headline
 * (title: the page's) and its article, not the page's own listing. */
int list_beside_headline(const extraction *x, const dom_node *listing, const char *title);
/* Whether b is a heading that names a list of other pages ("Related",
 * "More news", "Artigos relacionados"). */
int heads_related(const extraction *x, const text_block *b);
/* Sets n aside as boilerplate, as a "related" name would: n, the elements
 * below it and its blocks. */
void set_aside(extraction *x, dom_node *n);
/* The sentences of the prose between the headline h1 and block from
 * (outside boilerplate), and its paragraphs in *paragraphs; counted until
 * there are three sentences in two paragraphs. */
int sentences_between(const extraction *x, const dom_node *h1, size_t from, int *paragraphs);

/* ---- related.c: 3b. sections of other posts ------------------------------ */

/* Sets aside the sections after the headline's article that a heading
 * naming other pages opens ("Related posts", "Você pode gostar"), however
 * their posts are built. Returns 1 when it set some aside (the root is to
 * be chosen again), else 0. */
int set_related_aside(extraction *x);

/* ---- emit.c: 4. emit ----------------------------------------------------- */

enum { EMIT_OOM = -1, EMIT_TIMEOUT = -2 };

/* Emits the blocks under root (listing: a listing's) into out's tree.
 * Returns 0, EMIT_OOM, or EMIT_TIMEOUT when the page's time budget ran
 * out. */
int emit_article(extraction *x, const dom_doc *doc, const dom_node *top, const dom_node *root,
                 int listing, article *out);
/* Whether block b is emitted under root (before repeats, headings that
 * head nothing and the edges are dropped). */
int keep_block(const extraction *x, const text_block *b, const dom_node *root, int listing);

/* ---- tree.c, runs.c, figures.c: 5. the tree ------------------------------ */

/* The emitted blocks, placed in the article's tree: lists, items, tables
 * and quotes come from the elements around each block, up to the root. */
#define TREE_DEPTH_MAX 24

/* The article's tree while it is built: the nodes open for the structure
 * around the last emitted block, and how far the text has been emitted. */
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
  /* The last lone image placed, the block element around it, whether it
   * sits in a <noscript>, and the article's last block then: the same
   * image again in the same element with no block between, one of the
   * two in a <noscript>, is its copy (a lazy-loading page's fallback),
   * left out; the same picture twice in plain sight stays, but for a
   * twin (alone_twin): its one other copy, outside a <noscript>, in
   * another element before the next block (a card's sticky or mobile
   * copy, a hover image). */
  const char *alone_src;
  const dom_node *alone_in;
  int alone_noscript, alone_twin;
  const article_block *alone_after;
} tree;

/* Places b in the tree, after the lone images and rules before it: with
 * its runs, its cells or its code's language; a caption as a figure.
 * Returns 0, or -1 out of memory. */
int emit_block(tree *t, const text_block *b);
/* Opens the tree's nodes for the structure around n (lists, items,
 * quotes; with in_table, the table); returns the node new content goes
 * into (NULL: the body), or sets *oom. */
art_node *place_in_tree(tree *t, const dom_node *n, int in_table, int *oom);
/* An attribute's value as an integer in [lo, hi], else dflt. */
int attr_int(const char *s, int lo, int hi, int dflt);

/* What the page's relative links resolve against: its <base href>, else
 * url, else its canonical address or og:url; NULL: as written. */
const char *link_base(const dom_doc *doc, const char *url);
/* The runs of x->text[from, to), copied at out, from marks [m, mend);
 * NULL when it is one plain run (or out of memory: *oom set). */
art_run *build_runs(tree *t, uint32_t from, uint32_t to, const char *out, size_t m, size_t mend,
                    int *oom);
/* Row b's cells, from its cell marks, into row. Returns 0, or -1 out of
 * memory. */
int build_cells(tree *t, const text_block *b, article_block *row);

/* The image of an <img>, or NULL without a usable address or for a
 * tracking pixel (and *oom set when out of memory). */
article_image *image_of(tree *t, const dom_node *img, int *oom);
/* Adds a figure for caption block b: the caption, its credit and the
 * image of its <figure>; one of the article's images. 0, or -1 OOM. */
int add_caption_figure(tree *t, const text_block *b, const char *caption);
/* Adds the lone images and rules between the last emitted block and off.
 * 0, or -1 out of memory. */
int add_standalone_before(tree *t, uint32_t off);
/* Emits the lead figures: captioned <figure>s between the headline and
 * the root, inside the article holding both (below top). 0, or -1 OOM. */
int emit_lead_figures(tree *t, const dom_node *top);

/* ---- comments.c: 6. comments --------------------------------------------- */

/* Sets out->comments to the comment section's prose (NULL: none), below
 * top and outside root. Returns 0, or -1 out of memory. */
int extract_comments(extraction *x, const dom_node *top, const dom_node *root, article *out);

/* ---- debug.c: the -DPITH_DEBUG_EXTRACT trace ----------------------------- */

#ifdef PITH_DEBUG_EXTRACT
/* Prints the first elements, the headline's ancestors, the root and every
 * block (its weight, whether it is kept) to stderr. */
void debug_dump(extraction *x, dom_node *root, int listing);
#endif

#pragma GCC visibility pop

#endif
