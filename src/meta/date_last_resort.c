/* The dates' last resort, for pages that say their date nowhere plainly:
 * a meta tag named like a date, then the page's text read as lines
 * (meta_last_resort_dates). Split from date_choice.c, which calls it when
 * nothing better stands. */
#include "meta/page.h"

#include <stdio.h>
#include <string.h>

#include "meta/date_choice.h"
#include "meta/date_lines.h"
#include "meta/mstr.h"
#include "text/vocab.h"

/* Whether a meta name reads like a publication date's: "w-published-date",
 * "ms.date", "published" (but not a modification's, an expiry's, an
 * event's). */
static int date_like_name(const char *name) {
  static const char *const not [] = {"modif", "updat", "expir", "revis",     "valid",  "start",
                                     "end",   "event", "birth", "copyright", "review", "embargo"};
  for (size_t i = 0; i < sizeof not / sizeof *not ; i++)
    if (strstr(name, not [i]))
      return 0;
  return strstr(name, "publish") || mstr_has_token(name, "date");
}

/* The dates the main text mentions (in its first SCAN_BYTES), each with
 * whether it stands where a post is dated: in the opening or the last
 * block. Read once, for the last resorts. */
typedef struct {
  struct {
    meta_date d;
    int dating;
  } v[128];
  size_t n;
} text_mentions;

static void read_mentions(const mctx *x, text_mentions *tm) {
  tm->n = 0;
  size_t base = 0;
  for (const article_block *b = x->art->first; b && base < SCAN_BYTES; b = b->next) {
    size_t len = b->len < SCAN_BYTES - base ? b->len : SCAN_BYTES - base, off = 0;
    for (int tries = 0; tries < 16 && off < len && tm->n < sizeof tm->v / sizeof *tm->v; tries++) {
      size_t at;
      if (!date_find(b->text + off, len - off, x->order, 0, &tm->v[tm->n].d, &at))
        break;
      tm->v[tm->n++].dating = base + off + at < TEXT_OPENING || !b->next;
      off += at + 1;
      while (off < len && b->text[off] >= '0' && b->text[off] <= '9')
        off++;
    }
    base += b->len + 2; /* blocks are read apart by a blank line */
  }
}

/* Whether the main text mentions d only between its opening and its last
 * block: then d is a date the text talks about, not the page's. */
static int mentioned_in_text(const text_mentions *tm, const meta_date *d) {
  int later = 0;
  for (size_t i = 0; i < tm->n; i++)
    if (!date_cmp_day(&tm->v[i].d, d)) {
      if (tm->v[i].dating)
        return 0;
      later = 1;
    }
  return later;
}

/* "Copyright © 19.12.2019 - 12:14 h by ...": a footer's date, the page's
 * when nothing else dates it. */
static int copyright_label(const char *text, size_t at) {
  static const char *const labels[] = {"©", "copyright"};
  return date_label_before(text, at, 14, labels, sizeof labels / sizeof *labels);
}

/* Whether a participle of publication follows the date within its
 * sentence, as German and Dutch put it last ("... wurde am 19. Mai 2010 um
 * 23:03 Uhr gepostet"). Not the other publication words: after a date
 * they are a sentence's ("On May 5, 2020 the band released ...", "... the
 * date: ..."). */
static int publish_label_after(const char *line, size_t len, size_t end) {
  static const char *const participles[] = {"gepostet",   "veröffentlicht", "erstellt",
                                            "erschienen", "gepubliceerd",   "geplaatst"};
  size_t to = end + 40 < len ? end + 40 : len;
  return date_label_before(line, to, to - end, participles,
                           sizeof participles / sizeof *participles);
}

/* Chinese and Japanese script (ideographs, kana), written without spaces
 * between words: CJK less Hangul, which Korean spaces. */
static int is_unspaced_script(uint32_t c) {
  return vocab_is_cjk(c) && !(c >= 0xAC00 && c <= 0xD7AF);
}

/* Where a time of day written right after a date ends ("2012-06-04
 * 09:20:26"), or end when there is none: a dateline's, not words. */
static size_t time_after(const char *line, size_t len, size_t end) {
  size_t i = end;
  while (i < len && line[i] == ' ')
    i++;
  size_t digits = 0, colons = 0, j = i;
  for (; j < len && ((line[j] >= '0' && line[j] <= '9') || line[j] == ':'); j++) {
    if (line[j] == ':')
      colons++;
    else
      digits++;
  }
  return colons && colons <= 2 && digits >= 3 && line[j - 1] != ':' && line[i] != ':' ? j : end;
}

/* The words of line[0..len) outside [at, end): a dateline is the date with
 * a label, a place, a name or a category; a sentence has many more. A run
 * of Chinese or Japanese counts a word every two characters (about their
 * words' length): else a whole sentence between two commas would count
 * as one word. */
static int words_beside(const char *line, size_t len, size_t at, size_t end) {
  int words = 0, in_word = 0;
  size_t unspaced = 0; /* characters in the current run of such script */
  for (size_t i = 0; i < len;) {
    if (i == at) {
      i = time_after(line, len, end);
      in_word = 0;
      unspaced = 0;
      continue;
    }
    size_t adv;
    uint32_t c = mstr_utf8(line + i, len - i, &adv);
    int alnum = mstr_is_alnum(c);
    if (is_unspaced_script(c)) {
      words += unspaced++ % 2 == 0;
    } else {
      words += alnum && !in_word;
      unspaced = 0;
    }
    in_word = alnum;
    i += adv;
  }
  return words;
}

/* Whether a letter or digit starts at s[i], decoded: the lead byte of
 * "·" or "，" is no letter. */
static int alnum_at(const char *s, size_t len, size_t i) {
  size_t adv;
  return i < len && mstr_is_alnum(mstr_utf8(s + i, len - i, &adv));
}

/* A dateline holds at most DATELINE_WORDS words besides its date; a page
 * whose lines give LIST_DAYS days or more is a list; LINE_TRIES dates are
 * read at most. */
enum { DATELINE_WORDS = 6, LIST_DAYS = 3, LINE_TRIES = 64 };

/* How the date at line li's [at, end) reads: not a publication's (an
 * update's, someone's joining, an offer's end, one end of a range), a
 * mention (in a sentence, run into a word), a dateline of its own, or
 * labelled as a publication's. */
enum { READS_NOT_PUBLISHED = -1, READS_MENTION, READS_DATELINE, READS_LABELLED };

static int reads_as(const date_lines *lines, size_t li, size_t at, size_t end) {
  const date_line *l = &lines->v[li];
  if (date_update_label(l->text, at) || date_other_label(l->text, at) ||
      date_in_range(l->text, l->len, at, end))
    return READS_NOT_PUBLISHED;
  /* A label on a line of its own just before ("Posted on" | "June 9"). */
  const date_line *prev = li ? &lines->v[li - 1] : NULL;
  if (date_publish_label(l->text, at) || publish_label_after(l->text, l->len, end) ||
      (at < 4 && prev && prev->len < 40 && date_publish_label(prev->text, prev->len)))
    return READS_LABELLED;
  /* A date run into a word ("19 December 2025Tambourine",
   * "2026-02-25.clover") is a card's or a name's. */
  if (alnum_at(l->text, l->len, end) ||
      (end < l->len && l->text[end] == '.' && alnum_at(l->text, l->len, end + 1)))
    return READS_MENTION;
  if (words_beside(l->text, l->len, at, end) > DATELINE_WORDS && !copyright_label(l->text, at) &&
      time_after(l->text, l->len, end) == end)
    return READS_MENTION;
  return READS_DATELINE;
}

/* What the last resort's reading of the lines gathers. */
typedef struct {
  const text_mentions *mentions;
  meta_date labelled, page, chrome, days[LIST_DAYS];
  int have_labelled, have_page, have_chrome, ndays;
} last_resort;

/* Reads one date of the lines (line li's [at, end)) into lr; 1 when it
 * is labelled as a publication's and the reading can stop. */
static int gather_last_resort(mctx *x, const date_lines *lines, size_t li, size_t at, size_t end,
                              const meta_date *d, last_resort *lr) {
  /* Every day the page's text gives counts: many make it a list. */
  int seen = 0;
  for (int i = 0; i < lr->ndays && !seen; i++)
    seen = !date_cmp_day(&lr->days[i], d);
  if (!seen && lr->ndays < LIST_DAYS)
    lr->days[lr->ndays++] = *d;
  if (mentioned_in_text(lr->mentions, d))
    return 0;
  int r = reads_as(lines, li, at, end);
#ifdef PITH_DEBUG_META
  const date_line *dl = &lines->v[li];
  fprintf(stderr, "line %04d-%02d-%02d reads %d where %u [%.*s]\n", d->y, d->m, d->d, r, dl->where,
          (int)(dl->len < 200 ? dl->len : 200), dl->text);
#endif
  if (r != READS_LABELLED && r != READS_DATELINE)
    return 0;
  /* A date in an entry of a list dates that entry, labelled or not ("Posted
   * on" in every card of a blog's index). Asked only of the dates that
   * would be taken: the question costs. */
  const date_line *l = &lines->v[li];
  int chrome = (l->where & IN_CHROME) != 0;
  if (r == READS_DATELINE && (chrome ? lr->have_chrome : lr->have_page))
    return 0;
  if (l->first && meta_in_list_entry(x, l->first))
    return 0;
  if (r == READS_LABELLED) {
    lr->labelled = *d;
    lr->have_labelled = 1;
    return 1;
  }
  if (chrome) {
    lr->chrome = *d;
    lr->have_chrome = 1;
  } else {
    lr->page = *d;
    lr->have_page = 1;
  }
  return 0;
}

/* The last resort, for pages that say their date nowhere plainly: a meta
 * tag named like a date, then the page's lines (less comments and lists
 * of other pages: a post without a date of its own is not as old as its
 * first comment). The first labelled date ("Erstellt am: 01.11.2023",
 * "Posted on" | "Nov 21, 2018"), else the first dateline of the page, else
 * of its navigation, sidebars and footers; none when the text gives
 * LIST_DAYS days or more (a list, an archive, a schedule); never one the
 * main text only mentions (mentioned_in_text). */
void meta_last_resort_dates(mctx *x) {
  for (size_t i = 0; i < x->ntags; i++)
    if (date_like_name(x->tags[i].name))
      date_add_text(x, x->tags[i].value, 74, 0, "meta-name");
  /* The scan below is the costliest: only when nothing better stands. */
  for (size_t i = 0; i < x->ndates; i++)
    if (x->dates[i].score >= 60)
      return;
  date_lines lines;
  if (!meta_date_lines(x, IN_COMMENT | IN_RELATED, SCAN_BYTES, &lines))
    return;
  text_mentions mentions;
  read_mentions(x, &mentions);
  last_resort lr;
  memset(&lr, 0, sizeof lr);
  lr.mentions = &mentions;
  int tries = 0, done = 0;
  for (size_t li = 0; li < lines.n && tries < LINE_TRIES && !done; li++) {
    const date_line *l = &lines.v[li];
    for (size_t off = 0; off < l->len && tries < LINE_TRIES && !done; tries++) {
      meta_date d;
      size_t at, end;
      if (!date_find_span(l->text + off, l->len - off, x->order, 0, &d, &at, &end))
        break;
      done = gather_last_resort(x, &lines, li, off + at, off + end, &d, &lr);
      off += end;
    }
  }
  if (lr.have_labelled)
    date_add_shown(x, &lr.labelled, 48, 0, "labelled");
  else if (lr.ndays < LIST_DAYS && (lr.have_page || lr.have_chrome))
    date_add_shown(x, lr.have_page ? &lr.page : &lr.chrome, 18, 0, "page");
}
