/* Text mode: which lines of a flattened page are the article.
 *
 * Every line gets a weight: running prose (enough words, the language's
 * stop words, sentence punctuation) weighs by its number of words;
 * short lines (menu items, labels, buttons) weigh a little against;
 * boilerplate vocabulary, copyright notices, lines repeated on the page or
 * across the site weigh more against, and the headings that open what
 * follows an article (comments, related stories) most. The body is the run
 * of lines with the greatest total weight: the densest run of prose. Inside
 * it, furniture lines (ads, credits, "Related: ..." links, the lists of
 * links under a "More:" label) are left out. */
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/charset.h"
#include "text/lines.h"
#include "text/textmeta.h"
#include "util/deadline.h"

static int fail(char *err, size_t cap, const char *msg) {
  if (err && cap)
    snprintf(err, cap, "%s", msg);
  return -1;
}

static int cjk_line(const tline *l) {
  return l->cjk * 2 > l->letters;
}

static line_class classify(const tpage *p, const tline *l) {
  if (cjk_line(l)) {
    if (l->cjk >= 25 && l->sentences >= 1)
      return LINE_GOOD;
    if (l->cjk >= 12 && (l->sentences >= 1 || l->cjk_stops * 8 >= l->cjk))
      return LINE_NEAR;
    return LINE_SHORT;
  }
  unsigned w = l->words;
  if (w < 5)
    return LINE_SHORT;
  unsigned stops = l->stops;
  int unknown = p->lang < 0;
  if (!unknown && w >= 10 && stops * 20 < w) {
    /* Hardly a stop word of the page's language: a line in another one
     * (an article in Indonesian on a page whose sidebar is English) is
     * judged by that language's stop words, or, in a language without a
     * list, by its punctuation. */
    unsigned other = 0;
    for (int k = 0; k < VOCAB_LANGS; k++)
      other = l->langs[k] > other ? l->langs[k] : other;
    if (other * 100 >= w * 15)
      stops = other;
    else if (!other)
      unknown = 1;
  }
  if (unknown) {
    /* No stop word list for the language: punctuation and length. */
    if (w >= 10 && l->sentences >= 1)
      return LINE_GOOD;
    if (w >= 20)
      return LINE_NEAR;
    return l->end_punct ? LINE_NEAR : LINE_SHORT;
  }
  double density = (double)stops / w;
  if (w >= 10 && density >= 0.15 && (l->sentences >= 1 || w >= 20))
    return LINE_GOOD;
  if (w >= 20 && density >= 0.08)
    return LINE_NEAR;
  if (l->end_punct || density >= 0.25)
    return LINE_NEAR;
  return LINE_SHORT;
}

static double line_weight(const tline *l) {
  double w;
  unsigned words = l->words > 150 ? 150 : l->words;
  switch (l->cls) {
  case LINE_GOOD:
    w = words;
    break;
  case LINE_NEAR:
    /* a sentence fragment; a title-like line (no full stop) weighs against */
    w = l->end_punct ? words / 3.0 : -1;
    break;
  default:
    w = -3;
    break;
  }
  if (l->flags & TL_NO_LETTERS)
    w = -2;
  if (l->vocab == VOCAB_JUNK)
    w = -6;
  if (l->vocab == VOCAB_LABEL)
    w = -20;
  if (l->vocab == VOCAB_END)
    w = -60;
  if (l->flags & TL_COMMENT)
    w = -10;
  if (l->label != VOCAB_NONE && l->cls != LINE_GOOD)
    w = w < -4 ? w : -4;
  if (l->flags & TL_COPYRIGHT)
    w = -20;
  if (l->flags & TL_COOKIES)
    w = -(double)(l->words > 20 ? l->words : 20);
  if (l->flags & (TL_CREDIT | TL_CAPTION))
    w = w < -2 ? w : -2;
  if (l->flags & TL_SITE)
    w = w < -10 ? w : -10;
  if (l->dups >= 2 && l->cls != LINE_GOOD)
    w -= 3;
  return w;
}

/* Lines that, after an article's worth of prose, say the article is
 * over: a heading of what follows (comments, related stories), the site's
 * copyright notice, a date alone that repeats on the page (the dates of a
 * list of other stories). */
static int ends_article(const tline *l) {
  return l->vocab == VOCAB_END || (l->flags & TL_COPYRIGHT) ||
         ((l->flags & TL_DATE) && l->words <= 8 && l->dups >= 2);
}

/* The run of lines with the greatest total weight in [from, to). What
 * follows an article (comments, related stories: VOCAB_END headings) ends
 * a run that already holds an article's worth of prose; of the runs so
 * ended, the first holding a good share of the best one's weight wins:
 * the article comes before what follows it. */
static double best_run(const tpage *p, long from, long to, long *lo, long *hi) {
  enum { MAX_PARTS = 16 };
  double part_best[MAX_PARTS];
  long part_lo[MAX_PARTS], part_hi[MAX_PARTS];
  int parts = 0;
  double best = 0, sum = 0, top = 0;
  long start = from, blo = from, bhi = from - 1;
  for (long i = from; i <= to; i++) {
    const tline *l = i < to ? &p->lines[i] : NULL; /* lines is NULL on a page of none */
    if (!l || (ends_article(l) && sum >= 150 && parts < MAX_PARTS - 1)) {
      part_best[parts] = best;
      part_lo[parts] = blo;
      part_hi[parts] = bhi;
      parts++;
      if (best > top)
        top = best;
      best = sum = 0;
      blo = i, bhi = i - 1;
      if (i == to)
        break;
    }
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += line_weight(l);
    if (sum > best) {
      best = sum;
      blo = start;
      bhi = i;
    }
  }
  for (int k = 0; k < parts; k++)
    if (part_best[k] >= top * 0.4 && part_best[k] > 0) {
      *lo = part_lo[k];
      *hi = part_hi[k];
      return part_best[k];
    }
  *lo = from;
  *hi = from - 1;
  return 0;
}

static int comment_head(const tline *l) {
  return (l->flags & TL_COMMENT) != 0;
}

/* The body: the densest run of prose. When that run is a thread of
 * comments (or starts one), the article is what comes before the thread. */
static void densest_run(const tpage *p, long *lo, long *hi) {
  best_run(p, 0, (long)p->n, lo, hi);
  if (*lo > *hi)
    return;
  long from = *lo - 3 > 0 ? *lo - 3 : 0;
  long first = -1, count = 0;
  int open = 0; /* a head whose comment has not come yet */
  /* A head counts when prose follows it before the next head: a comment.
   * Heads one after the other ("Posted: 2 days ago", "Last modified: 2
   * days ago") are a post's dateline. */
  for (long i = from; i <= *hi; i++)
    if (comment_head(&p->lines[i])) {
      if (first < 0)
        first = i;
      open = 1;
    } else if (open && p->lines[i].cls == LINE_GOOD) {
      count++;
      open = 0;
    }
  if (first < 0)
    return;
  /* Walk back to the thread's first head: heads close to each other. */
  for (long i = first - 1, gap = 0; i >= 0 && gap < 40; i--, gap++)
    if (comment_head(&p->lines[i])) {
      first = i;
      count++;
      gap = 0;
    }
  if (count < 2)
    return;
  long a, b;
  if (best_run(p, 0, first, &a, &b) >= 30) {
    *lo = a;
    *hi = b;
  }
}

/* A line that a run of the article does not go on past: furniture
 * vocabulary, a notice, a comment's head, the site's lines. A label
 * ("Also read: <headline>", an inline link between paragraphs) is none:
 * emit leaves it and the links under it out. */
static int hard_line(const tline *l) {
  return l->vocab != VOCAB_NONE ||
         (l->flags & (TL_COPYRIGHT | TL_COOKIES | TL_COMMENT | TL_SITE)) || ends_article(l);
}

/* How far extend_by_runs looks past the body, in lines of no prose, and
 * the least weight (words of prose, see line_weight) of the run it adds:
 * a teaser of another story under its headline weighs less. */
enum { RUN_GAP_MAX = 100, RUN_MIN_WEIGHT = 20 };

/* An article whose prose is broken by blocks of short lines (a table, a
 * code listing, a list of features) goes on past the densest run, both
 * ways: after at most RUN_GAP_MAX lines without prose or furniture, a run
 * of prose weighing RUN_MIN_WEIGHT or more is the article's too. edge is
 * the body's last line (step 1) or first (step -1); returns the new one. */
static long extend_by_runs(const tpage *p, long edge, int step) {
  long n = (long)p->n;
  for (;;) {
    long j = edge + step, gap = 0;
    while (j >= 0 && j < n && p->lines[j].cls != LINE_GOOD && !hard_line(&p->lines[j]) &&
           gap < RUN_GAP_MAX)
      j += step, gap++;
    if (j < 0 || j >= n || p->lines[j].cls != LINE_GOOD || hard_line(&p->lines[j]))
      return edge;
    double sum = 0, best = 0;
    long end = edge;
    for (long k = j; k >= 0 && k < n && !hard_line(&p->lines[k]); k += step) {
      sum += line_weight(&p->lines[k]);
      if (sum <= 0)
        break;
      if (sum > best) {
        best = sum;
        end = k;
      }
    }
    if (best < RUN_MIN_WEIGHT)
      return edge;
    edge = end;
  }
}

/* Marks lines that repeat on other pages of the site, unless most of the
 * page's prose does (a page crawled twice is not its own boilerplate). */
static void mark_site_lines(tpage *p, const text_sites *sites, const char *url) {
  if (!sites)
    return;
  uint64_t site = text_site_of(url);
  unsigned pages = text_sites_pages(sites, site);
  if (pages < 3)
    return;
  size_t prose = 0, prose_dup = 0;
  for (size_t i = 0; i < p->n; i++) {
    tline *l = &p->lines[i];
    unsigned c = text_sites_count(sites, site, l->hash);
    /* Seen on two other pages at least (this page may be counted too),
     * and on a tenth of the site's pages: boilerplate repeats on most. */
    int repeated = c >= 3 && c * 10 >= pages;
    if (l->cls == LINE_GOOD) {
      prose++;
      prose_dup += repeated;
    }
    if (repeated)
      l->flags |= TL_SITE;
  }
  if (prose && prose_dup * 2 > prose)
    for (size_t i = 0; i < p->n; i++)
      if (p->lines[i].cls == LINE_GOOD)
        p->lines[i].flags &= ~(unsigned)TL_SITE;
}

/* A heading of what follows an article ("Related articles", "Newsletter")
 * that the page repeats further down heads a box inside the article, not
 * its end: every occurrence but the last opens a list of links instead.
 * Walked from the end, the last occurrence is the first met: it marks its
 * first line TL_LATER, and the mark is cleared on reaching that first line
 * (no occurrence before it). */
static void mark_inline_boxes(tpage *p) {
  for (size_t i = p->n; i-- > 0;) {
    tline *l = &p->lines[i];
    if (l->vocab == VOCAB_END && l->dups >= 2) {
      tline *first = &p->lines[l->first];
      if (first->flags & TL_LATER)
        l->vocab = VOCAB_LABEL;
      first->flags |= TL_LATER;
    }
    if (l->first == (int)i)
      l->flags &= (uint16_t)~TL_LATER;
  }
}

/* The length of l's text without a link label glued to its end: "...(SCO).
 * [Special coverage]" -> "...(SCO)." (a label follows sentence punctuation
 * directly), and a heading's edit link, "History[edit]" or
 * "Historia[editar | modificar o codigo]" -> "History" (a label of letters
 * glued to the last word of a short line without a full stop). */
static size_t strip_link_label(const tline *l) {
  const char *s = l->s;
  size_t n = l->len;
  if (n < 4 || s[n - 1] != ']')
    return n;
  size_t open = n - 1;
  while (open > 0 && s[open] != '[')
    open--;
  if (s[open] != '[' || open < 2 || n - open > 40)
    return n;
  char before = s[open - 1];
  if (before == '.' || before == '!' || before == '?' || before == '"' || before == ')')
    return open;
  int letters = 0;
  for (size_t k = open + 1; k + 1 < n; k++)
    letters += ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z');
  if (l->words <= 12 && !l->end_punct && before != ' ' && letters >= 2)
    return open;
  return n;
}

/* A line that may be an item of a list going on from the article: short,
 * no furniture, not repeated on the page (a list of other stories is). */
static int list_line(const tline *l) {
  return l->words >= 1 && l->words <= 25 && l->vocab == VOCAB_NONE && l->label == VOCAB_NONE &&
         !(l->flags & (TL_COPYRIGHT | TL_SITE | TL_COMMENT | TL_COOKIES | TL_BYLINE)) &&
         l->dups < 2;
}

static int has_digit(const tline *l) {
  for (size_t k = 0; k < l->len; k++)
    if (l->s[k] >= '0' && l->s[k] <= '9')
      return 1;
  return 0;
}

/* The longest list extend_by_list adds to a body, in lines: the longest on
 * the dev sets is 74. A longer one is a page of data (a dump of numbers),
 * not a list going on from the article: it would make the article as long
 * as the page. */
enum { LIST_MAX_LINES = 200 };

/* A list right after the body's prose (tour dates, a numbered list of
 * products, results): lines of furniture-free text most of which hold a
 * number, after at most one heading line, belong to the article, unless
 * the list runs past LIST_MAX_LINES. Returns the new end of the body, its
 * items marked TL_LIST. */
static long extend_by_list(tpage *p, long hi) {
  long j = hi + 1, first, last = -1, items = 0, plain = 0;
  if (j < (long)p->n && list_line(&p->lines[j]) && !has_digit(&p->lines[j]) &&
      p->lines[j].cls != LINE_GOOD)
    j++; /* its heading */
  for (first = j; j < (long)p->n && list_line(&p->lines[j]); j++) {
    if (j - first >= LIST_MAX_LINES)
      return hi;
    if (has_digit(&p->lines[j])) {
      items++;
      last = j;
      plain = 0;
    } else if (++plain > 2) {
      break;
    }
  }
  /* most items hold a number: dates, prices, ranks, scores */
  if (items < 4 || items * 5 < (last - first + 1) * 4)
    return hi;
  for (long k = hi + 1; k <= last; k++)
    p->lines[k].flags |= TL_LIST;
  return last;
}

static int keep_line(const tline *l) {
  if (l->flags & TL_LIST)
    return !(l->flags & TL_META);
  /* a date alone in the body: a post's or a video's, not text */
  if ((l->flags & TL_DATE) && l->cls != LINE_GOOD && l->words <= 12)
    return 0;
  if (l->flags &
      (TL_META | TL_CREDIT | TL_CAPTION | TL_COPYRIGHT | TL_SITE | TL_NO_LETTERS | TL_COOKIES))
    return 0;
  if (l->vocab != VOCAB_NONE)
    return 0;
  if (l->label != VOCAB_NONE && l->cls != LINE_GOOD)
    return 0;
  return 1;
}

static int emit(tpage *p, long lo, long hi, arena *mem, article *art) {
  int in_links = 0;
  for (long i = lo; i <= hi; i++) {
    tline *l = &p->lines[i];
    /* Under a "Related" or "More:" label, the list of links that follows. */
    if (l->vocab == VOCAB_LABEL || l->vocab == VOCAB_END ||
        (l->label != VOCAB_NONE && l->cls != LINE_GOOD && l->len < 40)) {
      in_links = 1;
      continue;
    }
    if (in_links) {
      if (l->cls != LINE_GOOD)
        continue;
      in_links = 0;
    }
    if (!keep_line(l))
      continue;
    /* A line already given (a pull quote, a repeated caption). */
    if (l->dups >= 2 && l->first < i && l->first >= lo)
      continue;
    size_t n = strip_link_label(l);
    const char *s = l->s;
    block_kind kind = BLOCK_PARAGRAPH;
    int level = 0;
    if (l->flags & TL_BULLET) {
      size_t adv;
      vocab_utf8_decode(s, n, &adv);
      s += adv, n -= adv;
      while (n && *s == ' ')
        s++, n--;
      kind = BLOCK_LIST_ITEM;
      level = 1;
    } else if (l->cls == LINE_SHORT && !l->end_punct && l->words <= 15 && i < hi &&
               p->lines[i + 1].cls == LINE_GOOD) {
      kind = BLOCK_HEADING;
      level = 2;
    }
    if (!n)
      continue;
    if (!article_add(art, mem, kind, level, s, n))
      return -1;
  }
  return 0;
}

int text_is_binary(const char *data, size_t len) {
  size_t head = len < 65536 ? len : 65536, control = 0;
  /* UTF-16 text is full of NULs: let its byte order mark, or its layout,
   * speak. */
  if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                   ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF)))
    return 0;
  if (pith_charset_utf16_by_layout(data, head))
    return 0;
  for (size_t k = 0; k < head; k++) {
    unsigned char c = (unsigned char)data[k];
    if (c < 8 || (c > 13 && c < 27))
      control++;
  }
  return control * 100 > head;
}

int text_extract(const char *utf8, size_t len, const text_sites *sites, const char *url,
                 const text_limits *lim, arena *mem, article *art, char *err, size_t err_cap) {
  tpage p;
  deadline *dl = lim ? lim->deadline : NULL;
  if (tpage_build(&p, utf8, len, lim ? lim->max_lines : 0, dl)) {
    tpage_free(&p);
    return fail(err, err_cap,
                dl && dl->expired ? "over the time budget in text mode" : "out of memory");
  }
  text_mark_lines(&p);
  mark_inline_boxes(&p);
  for (size_t i = 0; i < p.n; i++)
    p.lines[i].cls = classify(&p, &p.lines[i]);
  mark_site_lines(&p, sites, url);
  long lo, hi;
  densest_run(&p, &lo, &hi);
  if (lo <= hi) {
    hi = extend_by_runs(&p, hi, 1);
    lo = extend_by_runs(&p, lo, -1);
  }
  /* Too little prose for an article: no body, metadata only. */
  double total = 0;
  for (long i = lo; i <= hi; i++)
    if (p.lines[i].cls == LINE_GOOD)
      total += p.lines[i].words;
  if (total < 10)
    hi = lo - 1;
  else
    hi = extend_by_list(&p, hi);
  int rc = 0;
  if (text_read_meta(&p, lo, hi, mem, art) || emit(&p, lo, hi, mem, art))
    rc = fail(err, err_cap, "out of memory");
  tpage_free(&p);
  return rc;
}
