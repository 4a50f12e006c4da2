/* Metadata from the lines of a flattened page. Everything here reads
 * positions and patterns that hold across sites and languages: a headline
 * is the title-like line before the body, a dateline holds a date, a
 * caption ends with a photo credit, a byline starts with "By". */
#include "text/textmeta.h"

#include <stdio.h>
#include <string.h>

#include "meta/author.h"
#include "meta/byline_label.h"
#include "meta/credit.h"

/* ---- small string helpers ---------------------------------------------- */

static int lower_ascii(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_digit(int c) {
  return c >= '0' && c <= '9';
}

/* The lower-case UTF-8 word at s[0..n) into out; returns its byte length
 * in s, 0 if s does not start with a letter. */
static size_t word_at(const char *s, size_t n, char *out, size_t cap, size_t *out_len) {
  size_t i = 0, o = 0;
  while (i < n) {
    size_t adv;
    uint32_t c = vocab_utf8_decode(s + i, n - i, &adv);
    if (!vocab_is_alnum(c) || is_digit((int)c))
      break;
    if (o + 5 < cap)
      o += vocab_utf8_encode(vocab_lower(c), out + o);
    i += adv;
  }
  out[o] = '\0';
  *out_len = o;
  return i;
}

/* ---- dates -------------------------------------------------------------- */

typedef struct {
  const char *name;
  int month;
} month_name;

/* Full names and abbreviations; a name only counts next to a day and a year. */
static const month_name months[] = {
    {"january", 1},    {"jan", 1},       {"february", 2},  {"feb", 2},        {"march", 3},
    {"mar", 3},        {"april", 4},     {"apr", 4},       {"may", 5},        {"june", 6},
    {"jun", 6},        {"july", 7},      {"jul", 7},       {"august", 8},     {"aug", 8},
    {"september", 9},  {"sep", 9},       {"sept", 9},      {"october", 10},   {"oct", 10},
    {"november", 11},  {"nov", 11},      {"december", 12}, {"dec", 12},       {"januar", 1},
    {"jänner", 1},     {"februar", 2},   {"märz", 3},      {"mär", 3},        {"mrz", 3},
    {"mai", 5},        {"juni", 6},      {"juli", 7},      {"oktober", 10},   {"okt", 10},
    {"dezember", 12},  {"dez", 12},      {"janvier", 1},   {"janv", 1},       {"février", 2},
    {"févr", 2},       {"fév", 2},       {"mars", 3},      {"avril", 4},      {"avr", 4},
    {"juin", 6},       {"juillet", 7},   {"juil", 7},      {"août", 8},       {"septembre", 9},
    {"octobre", 10},   {"novembre", 11}, {"décembre", 12}, {"déc", 12},       {"enero", 1},
    {"ene", 1},        {"febrero", 2},   {"marzo", 3},     {"abril", 4},      {"abr", 4},
    {"mayo", 5},       {"junio", 6},     {"julio", 7},     {"agosto", 8},     {"ago", 8},
    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},  {"noviembre", 11}, {"diciembre", 12},
    {"dic", 12},       {"janeiro", 1},   {"fevereiro", 2}, {"fev", 2},        {"março", 3},
    {"maio", 5},       {"junho", 6},     {"julho", 7},     {"setembro", 9},   {"set", 9},
    {"outubro", 10},   {"out", 10},      {"novembro", 11}, {"dezembro", 12},  {"gennaio", 1},
    {"gen", 1},        {"febbraio", 2},  {"aprile", 4},    {"maggio", 5},     {"mag", 5},
    {"giugno", 6},     {"giu", 6},       {"luglio", 7},    {"lug", 7},        {"settembre", 9},
    {"ottobre", 10},   {"ott", 10},      {"dicembre", 12}, {"januari", 1},    {"februari", 2},
    {"maart", 3},      {"mrt", 3},       {"mei", 5},       {"augustus", 8},   {"augusti", 8},
    {"maj", 5},        {"января", 1},    {"февраля", 2},   {"марта", 3},      {"апреля", 4},
    {"мая", 5},        {"июня", 6},      {"июля", 7},      {"августа", 8},    {"сентября", 9},
    {"октября", 10},   {"ноября", 11},   {"декабря", 12},  {"январь", 1},     {"февраль", 2},
    {"март", 3},       {"апрель", 4},    {"май", 5},       {"июнь", 6},       {"июль", 7},
    {"август", 8},     {"сентябрь", 9},  {"октябрь", 10},  {"ноябрь", 11},    {"декабрь", 12},
    {"stycznia", 1},   {"lutego", 2},    {"marca", 3},     {"kwietnia", 4},   {"maja", 5},
    {"czerwca", 6},    {"lipca", 7},     {"sierpnia", 8},  {"września", 9},   {"października", 10},
    {"listopada", 11}, {"grudnia", 12},
};

static int month_of(const char *w) {
  if (!w[0] || !w[1] || strlen(w) > 28)
    return 0; /* "października": 14 letters */
  for (size_t i = 0; i < sizeof months / sizeof *months; i++)
    if (months[i].name[0] == w[0] && months[i].name[1] == w[1] && !strcmp(months[i].name, w))
      return months[i].month;
  return 0;
}

/* Reads 1..max digits at s[*i]; returns the number or -1. */
static int number(const char *s, size_t n, size_t *i, int min_digits, int max_digits) {
  int v = 0, d = 0;
  size_t k = *i;
  while (k < n && is_digit((unsigned char)s[k]) && d < max_digits) {
    v = v * 10 + (s[k] - '0');
    k++;
    d++;
  }
  if (d < min_digits)
    return -1;
  *i = k;
  return v;
}

static int valid_date(int y, int m, int d) {
  return y >= 1990 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Skips spaces and the given single characters. */
static size_t skip(const char *s, size_t n, size_t i, const char *chars) {
  while (i < n && (s[i] == ' ' || strchr(chars, s[i])))
    i++;
  return i;
}

/* A time right after a date: "08:36", " at 4:02 pm", ", 20:13", "às 20:13". */
static size_t read_time(const char *s, size_t n, size_t i, int *hh, int *mm, int *ss) {
  static const char *const joins[] = {"at ", "um ", "à ",   "às ", "a las ", "alle ",
                                      "om ", "в ",  "kl. ", "o ",  "de ",    "@ "};
  size_t k = skip(s, n, i, ",|-T");
  for (size_t j = 0; j < sizeof joins / sizeof *joins; j++) {
    size_t m = strlen(joins[j]);
    if (k + m <= n && !strncmp(s + k, joins[j], m)) {
      k += m;
      break;
    }
  }
  k = skip(s, n, k, ",");
  size_t t = k;
  int h = number(s, n, &t, 1, 2);
  if (h < 0 || t >= n || (s[t] != ':' && s[t] != '.' && s[t] != 'h'))
    return 0;
  t++;
  int m = number(s, n, &t, 2, 2);
  if (m < 0 || m > 59)
    return 0;
  int sec = -1;
  if (t + 2 < n && s[t] == ':' && is_digit((unsigned char)s[t + 1])) {
    size_t u = t + 1;
    sec = number(s, n, &u, 2, 2);
    if (sec >= 0 && sec <= 59)
      t = u;
    else
      sec = -1;
  }
  if (t < n && is_digit((unsigned char)s[t]))
    return 0;
  size_t a = t;
  while (a < n && s[a] == ' ')
    a++;
  int pm = -1;
  if (a + 1 < n && (lower_ascii(s[a]) == 'a' || lower_ascii(s[a]) == 'p') &&
      (lower_ascii(s[a + 1]) == 'm' || s[a + 1] == '.')) {
    pm = lower_ascii(s[a]) == 'p';
    t = a + 2;
    if (t < n && s[t] == '.')
      t++;
    if (t < n && lower_ascii(s[t]) == 'm')
      t++;
    if (t < n && s[t] == '.')
      t++;
  }
  if (pm >= 0) {
    if (h < 1 || h > 12)
      return 0;
    h = h % 12 + (pm ? 12 : 0);
  }
  if (h > 23)
    return 0;
  *hh = h;
  *mm = m;
  *ss = sec;
  return t;
}

static void iso(char *out, int y, int m, int d, int hh, int mm, int ss) {
  /* Validated before; the bounds tell the compiler the text fits. */
  y = (unsigned)y % 10000u, m = (unsigned)m % 100u, d = (unsigned)d % 100u;
  hh = hh < 0 ? -1 : (int)((unsigned)hh % 100u);
  mm = (unsigned)mm % 100u, ss = ss < 0 ? -1 : (int)((unsigned)ss % 100u);
  if (hh < 0)
    snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
  else if (ss < 0)
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d", y, m, d, hh, mm);
  else
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mm, ss);
}

/* A date starting at s[i]; returns the offset past it (and its time), 0 if
 * none. */
static size_t date_at(const char *s, size_t n, size_t i, char *out) {
  int y = -1, m = -1, d = -1;
  size_t k = i, end = 0;
  if (is_digit((unsigned char)s[i])) {
    int a = number(s, n, &k, 1, 4);
    size_t digits = k - i;
    if (digits == 4 && k < n && (s[k] == '-' || s[k] == '/' || s[k] == '.')) {
      /* 2017-06-09, 2017/06/09, 2017.06.09 */
      char sep = s[k++];
      m = number(s, n, &k, 1, 2);
      if (m < 0 || k >= n || s[k] != sep)
        return 0;
      k++;
      d = number(s, n, &k, 1, 2);
      y = a;
      if (k < n && is_digit((unsigned char)s[k]))
        return 0;
      end = k;
    } else if (digits == 4 && k < n && !strncmp(s + k, "\xe5\xb9\xb4", 3)) {
      /* 2018年9月25日 */
      k += 3;
      m = number(s, n, &k, 1, 2);
      if (m < 0 || strncmp(s + k, "\xe6\x9c\x88", 3))
        return 0;
      k += 3;
      d = number(s, n, &k, 1, 2);
      if (d < 0 || strncmp(s + k, "\xe6\x97\xa5", 3))
        return 0;
      y = a;
      end = k + 3;
    } else if (digits <= 2 && k < n && (s[k] == '.' || s[k] == '/') && k + 1 < n &&
               is_digit((unsigned char)s[k + 1])) {
      /* 18.11.2019 (day first); 11/18/2019 or 18/11/2019 only when clear */
      char sep = s[k++];
      int b = number(s, n, &k, 1, 2);
      if (b < 0 || k >= n || s[k] != sep)
        return 0;
      k++;
      size_t ys = k;
      y = number(s, n, &k, 4, 4);
      if (y < 0 || (k < n && is_digit((unsigned char)s[k])))
        return 0;
      (void)ys;
      if (sep == '.') {
        d = a, m = b;
      } else if (a > 12 && b <= 12) {
        d = a, m = b;
      } else if (b > 12 && a <= 12) {
        m = a, d = b;
      } else if (a == b) {
        m = d = a;
      } else {
        return 0;
      }
      end = k;
    } else if (digits <= 2) {
      /* 9 June 2017, 25. September 2018, 22 de outubro de 2010, 1er mars 2019 */
      d = a;
      if (k < n && s[k] == '.')
        k++;
      if (k + 1 < n && s[k] == 'e' && s[k + 1] == 'r')
        k += 2;
      if (k + 1 < n && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xBA)
        k += 2;
      k = skip(s, n, k, "");
      if (k + 3 < n && !strncmp(s + k, "de ", 3))
        k += 3;
      char w[48];
      size_t wl;
      size_t used = word_at(s + k, n - k, w, sizeof w, &wl);
      if (!used || !(m = month_of(w)))
        return 0;
      k += used;
      if (k < n && s[k] == '.')
        k++;
      k = skip(s, n, k, ",");
      if (k + 3 < n && !strncmp(s + k, "de ", 3))
        k += 3;
      y = number(s, n, &k, 4, 4);
      if (y < 0)
        return 0;
      end = k;
    } else {
      return 0;
    }
  } else {
    /* November 18, 2019; Nov. 19, 2019; Nov 20 2019 */
    char w[48];
    size_t wl;
    size_t used = word_at(s + i, n - i, w, sizeof w, &wl);
    if (!used || !(m = month_of(w)))
      return 0;
    k = i + used;
    if (k < n && s[k] == '.')
      k++;
    k = skip(s, n, k, "");
    d = number(s, n, &k, 1, 2);
    if (d < 0)
      return 0;
    if (k + 1 < n && (!strncmp(s + k, "st", 2) || !strncmp(s + k, "nd", 2) ||
                      !strncmp(s + k, "rd", 2) || !strncmp(s + k, "th", 2)))
      k += 2;
    k = skip(s, n, k, ",");
    y = number(s, n, &k, 4, 4);
    if (y < 0)
      return 0;
    end = k;
  }
  if (!valid_date(y, m, d))
    return 0;
  int hh = -1, mm = -1, ss = -1;
  size_t t = read_time(s, n, end, &hh, &mm, &ss);
  if (t)
    end = t;
  iso(out, y, m, d, hh, mm, ss);
  return end;
}

int text_date(const char *s, size_t n, char *out, size_t *start, size_t *end) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    /* Dates start at a word's start. */
    if (i > 0) {
      unsigned char p = (unsigned char)s[i - 1];
      if (is_digit(p) || (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || p >= 0x80)
        continue;
    }
    if (!is_digit(c) && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && c < 0xC0)
      continue;
    size_t e = date_at(s, n, i, out);
    if (e) {
      if (start)
        *start = i;
      if (end)
        *end = e;
      /* A time just before the date: "21:17 18.11.2019". */
      if (!strchr(out, 'T') && i >= 6) {
        size_t b = i - 1;
        while (b > 0 && s[b] == ' ')
          b--;
        if (b >= 4 && is_digit((unsigned char)s[b]) && is_digit((unsigned char)s[b - 1]) &&
            s[b - 2] == ':' && is_digit((unsigned char)s[b - 3])) {
          size_t hs = b - 3;
          if (hs > 0 && is_digit((unsigned char)s[hs - 1]))
            hs--;
          int hh = 0, mm = 0, ss = -1;
          if ((hs == 0 || !is_digit((unsigned char)s[hs - 1])) &&
              read_time(s, n, hs, &hh, &mm, &ss) == b + 1) {
            size_t l = strlen(out);
            snprintf(out + l, 32 - l, "T%02d:%02d", hh, mm);
          }
        }
      }
      return 0;
    }
  }
  return -1;
}

/* The end of s[0..e) without trailing spaces, commas, bars and dashes. */
static size_t trim_end(const char *s, size_t e) {
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ',' || s[e - 1] == '|' || s[e - 1] == '-'))
    e--;
  return e;
}

/* ---- bylines and names -------------------------------------------------- */

/* The label that opens a byline line (meta/byline_label.c: "By", "Von",
 * "Author:", and "Editor:", "Source:", which name no author): the offset
 * of the name after it, 0 when the line opens with none or with nothing
 * after it. *flags gets the label's. */
static size_t byline_prefix(const char *s, size_t n, unsigned *flags) {
  size_t e = byline_label_at(s, n, LABEL_AT_LINE, flags);
  return e < n && (*flags & (LABEL_LINE | LABEL_WRITTEN)) ? e : 0;
}

/* Words that may stand lower case inside a name. */
static int name_particle(const char *w) {
  static const char *const p[] = {"de",  "da",  "di",  "do",  "dos", "das", "del", "della",
                                  "van", "von", "der", "den", "la",  "le",  "du",  "bin",
                                  "al",  "el",  "ten", "ter", "y",   "zu"};
  for (size_t i = 0; i < sizeof p / sizeof *p; i++)
    if (!strcmp(p[i], w))
      return 1;
  return 0;
}

/* Words that end a name: what follows a byline on the same line. */
static int name_stop(const char *w) {
  static const char *const stop[] = {"and",    "und",     "et",        "y",        "e",
                                     "und",    "staff",   "writer",    "reporter", "correspondent",
                                     "editor", "updated", "published", "posted",   "share",
                                     "follow", "email",   "twitter",   "download", "app",
                                     "min",    "read",    "photo",     "photos",   "on",
                                     "in",     "at",      "for",       "is",       "was",
                                     "with",   "the",     "a",         "an",       "am",
                                     "um",     "le",      "el",        "il",       "il",
                                     "via",    "from"};
  for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
    if (!strcmp(stop[i], w))
      return 1;
  return 0;
}

/* Reads one person's name at s[0..n): capitalised words (initials,
 * hyphens and apostrophes inside), lower-case particles between them, up
 * to five words. Returns its length (trailing particles dropped), 0 if
 * none. An all-capital word of three letters or more after a name ends it
 * ("Mo Hong'e ECNS"), unless the whole name is in capitals. */
static size_t read_name(const char *s, size_t n) {
  size_t i = 0, end = 0;
  int words = 0, caps_words = 0, all_upper_name = -1;
  while (i < n && words < 5) {
    while (i < n && s[i] == ' ')
      i++;
    if (i >= n)
      break;
    size_t adv;
    uint32_t c = vocab_utf8_decode(s + i, n - i, &adv);
    if (!vocab_is_alnum(c) || is_digit((int)c))
      break;
    /* The word: letters, inner hyphens, apostrophes and dots. */
    size_t j = i;
    int letters = 0, upper = 0;
    while (j < n) {
      uint32_t d = vocab_utf8_decode(s + j, n - j, &adv);
      if (vocab_is_alnum(d) && !is_digit((int)d)) {
        letters++;
        if (vocab_lower(d) != d)
          upper++;
        j += adv;
      } else if ((d == '-' || d == '\'' || d == 0x2019 || d == '.') && j + adv < n &&
                 vocab_is_alnum(vocab_utf8_decode(s + j + adv, n - j - adv, &adv))) {
        j += d == 0x2019 ? 3 : 1;
      } else {
        break;
      }
    }
    int initial = j < n && s[j] == '.' && letters <= 2;
    if (initial)
      j++;
    char w[48];
    size_t wl;
    word_at(s + i, j - i, w, sizeof w, &wl);
    int cap = vocab_lower(c) != c;
    int shouting = letters >= 3 && upper == letters;
    if (words && name_stop(w) && !name_particle(w))
      break;
    if (!cap && !name_particle(w))
      break;
    if (shouting && all_upper_name == 0)
      break;
    if (cap) {
      if (all_upper_name < 0)
        all_upper_name = shouting;
      caps_words++;
      end = j;
    }
    words++;
    i = j;
    if (i < n && s[i] != ' ' && s[i] != ',' && s[i] != '|' && s[i] != '/' && s[i] != '@')
      break;
  }
  return caps_words ? end : 0;
}

/* Whether the line s[0..n) starts with a name and is not a label ("Jane
 * Doe", "Jane Doe meganr@example.com"; not "Last updated on:"): what
 * follows a byline label alone on its line. */
static int name_line(const char *s, size_t n) {
  while (n && s[n - 1] == ' ')
    n--;
  return n && s[n - 1] != ':' && read_name(s, n);
}

/* A news agency's name at s[0..n) (credited as the source, not as an
 * author). */
static int is_agency(const char *s, size_t n) {
  char name[64];
  if (n >= sizeof name)
    return 0;
  memcpy(name, s, n);
  name[n] = '\0';
  return author_is_agency(name);
}

/* ---- marking lines ------------------------------------------------------- */

void text_mark_lines(tpage *p) {
  char date[32];
  int label_alone = 0; /* the line before is a byline label alone */
  for (size_t i = 0; i < p->n; i++) {
    tline *l = &p->lines[i];
    if (l->words <= 16 && !text_date(l->s, l->len, date, NULL, NULL))
      l->flags |= TL_DATE;
    unsigned flags;
    size_t bp = byline_prefix(l->s, l->len, &flags);
    /* A label alone ("By", "Written by"): the name is the next line */
    if (label_alone && l->words <= 5 && name_line(l->s, l->len))
      l->flags |= TL_BYLINE;
    label_alone = l->words <= 3 && byline_label_alone(l->s, l->len);
    if ((bp && l->words <= 12 && read_name(l->s + bp, l->len - bp)) || label_alone)
      l->flags |= TL_BYLINE;
    if (l->words <= 80) {
      size_t ce, cs, cend;
      credit_kind k = credit_find(l->s, l->len, &ce, &cs, &cend);
      if (k == CREDIT_ALONE)
        l->flags |= TL_CREDIT;
      else if (k == CREDIT_TRAILING)
        l->flags |= TL_CAPTION;
    }
  }
  /* A line right before a credit alone is its caption, when it is not
   * long running text. */
  for (size_t i = 1; i < p->n; i++) {
    tline *l = &p->lines[i - 1], *c = &p->lines[i];
    size_t ce, cs, cend;
    if ((c->flags & TL_CREDIT) && !(l->flags & (TL_CREDIT | TL_CAPTION)) && l->words >= 4 &&
        l->words <= 45 && l->sentences <= 2 && !(l->flags & TL_DATE) &&
        credit_find(c->s, c->len, &ce, &cs, &cend) == CREDIT_ALONE && cend > cs)
      l->flags |= TL_CAPTION;
  }
}

/* ---- reading the metadata ------------------------------------------------ */

static const char *dup_str(arena *mem, const char *s, size_t n) {
  while (n && s[n - 1] == ' ')
    n--;
  while (n && *s == ' ')
    s++, n--;
  return n ? arena_strndup(mem, s, n) : NULL;
}

/* Adds the names of the byline at s[0..n) (read by the same parser as
 * HTML pages' bylines: meta/author_text.c); an agency alone becomes the
 * source. */
static int add_authors(const char *s, size_t n, arena *mem, article *art) {
  enum { MAX_NAMES = 8 };
  const char **list = arena_alloc(mem, (art->meta.nauthors + MAX_NAMES) * sizeof *list);
  if (!list)
    return -1;
  for (size_t k = 0; k < art->meta.nauthors; k++)
    list[k] = art->meta.authors[k];
  size_t count = art->meta.nauthors;
  const char *agency = NULL;
  author_byline(s, n, mem, list, &count, art->meta.nauthors + MAX_NAMES, &agency);
  if (agency && !art->meta.source)
    art->meta.source = agency;
  if (count > art->meta.nauthors) {
    art->meta.authors = list;
    art->meta.nauthors = count;
  }
  return 0;
}

/* Finds "label" (ASCII, case-insensitive) in s at a word start; returns
 * the offset past it, or 0. */
static size_t find_label(const char *s, size_t n, const char *label) {
  size_t m = strlen(label);
  for (size_t i = 0; i + m <= n; i++) {
    if (i > 0 && vocab_is_alnum((unsigned char)s[i - 1]))
      continue;
    size_t k = 0;
    while (k < m && lower_ascii((unsigned char)s[i + k]) == (unsigned char)label[k])
      k++;
    if (k == m)
      return i + m;
  }
  return 0;
}

/* "Editor: X", "Source: X" inside a line. */
static int read_labeled(const char *s, size_t n, const char *label, arena *mem, const char **field,
                        int agency_ok) {
  if (*field)
    return 0;
  size_t at = find_label(s, n, label);
  if (!at)
    return 0;
  while (at < n && s[at] == ' ')
    at++;
  size_t k = read_name(s + at, n - at);
  if (!k && agency_ok) {
    /* Sources may be outlets in capitals: "Source: CNN" */
    while (at + k < n && s[at + k] != ' ' && s[at + k] != ',' && s[at + k] != '|')
      k++;
  }
  if (!k || k > 60)
    return 0;
  *field = dup_str(mem, s + at, k);
  return *field ? 1 : -1;
}

/* Words of the buttons and boxes around an article. */
static int cta(const tline *l) {
  static const char *const words[] = {
      "newsletter", "newsletters", "subscribe",  "follow", "click",    "sign",
      "browse",     "share",       "download",   "login",  "register", "join",
      "donate",     "contact",     "abonnieren", "folgen", "suivez",   "abonnez",
      "síguenos",   "suscríbete",  "siga",       "assine", "seguici",  "iscriviti"};
  char key[256];
  size_t n = line_key(l->s, l->len, key, sizeof key);
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t m = strlen(words[i]);
    for (size_t j = 0; j + m <= n; j++)
      if ((j == 0 || key[j - 1] == ' ') && !memcmp(key + j, words[i], m) &&
          (j + m == n || key[j + m] == ' '))
        return 1;
  }
  return 0;
}

static int all_capitals(const tline *l) {
  for (size_t i = 0; i < l->len;) {
    size_t adv;
    uint32_t c = vocab_utf8_decode(l->s + i, l->len - i, &adv);
    if (vocab_lower(c) == c && vocab_is_alnum(c) && !(c >= '0' && c <= '9'))
      return 0;
    i += adv;
  }
  return 1;
}

static int title_like(const tpage *p, size_t i) {
  const tline *l = &p->lines[i];
  if (l->flags & (TL_CAPTION | TL_CREDIT | TL_DATE | TL_BYLINE | TL_NO_LETTERS | TL_COPYRIGHT |
                  TL_SITE | TL_BULLET))
    return 0;
  if (l->vocab != VOCAB_NONE || l->label != VOCAB_NONE)
    return 0;
  int cjk = l->cjk * 2 > l->letters;
  if (cjk ? (l->cjk < 6 || l->cjk > 80) : (l->words < 3 || l->words > 30))
    return 0;
  /* Three capitalised words are a name or a menu item more often than a
   * headline: "Sarah E. Needleman", "Browse All Posts". */
  if (!cjk && l->words == 3 && l->caps == 3)
    return 0;
  /* the name of a byline, repeated */
  if (l->dups >= 2 && (p->lines[l->first].flags & TL_BYLINE))
    return 0;
  if (l->sentences > 1)
    return 0;
  /* addresses, handles, times: "jane@example.org", "9:24 pm ET" */
  if (memchr(l->s, '@', l->len) || find_label(l->s, l->len, "www.") ||
      find_label(l->s, l->len, "http"))
    return 0;
  if (!cjk && l->letters < l->words * 3)
    return 0;
  /* a call to action, or a short line in capitals (a label, a credit) */
  if (l->words <= 7 && cta(l))
    return 0;
  if (!cjk && l->words <= 8 && l->caps == l->words && all_capitals(l))
    return 0;
  /* A sentence ending with a full stop is a standfirst or a caption. */
  if (l->end_punct && l->len &&
      (l->s[l->len - 1] == '.' ||
       !strncmp(l->s + l->len - (l->len >= 3 ? 3 : 0), "\xe3\x80\x82", 3)))
    return 0;
  /* An item of a menu: few words among lines of few words. */
  if (l->words <= 4) {
    int shorts = 0;
    for (long k = (long)i - 2; k <= (long)i + 2; k++)
      if (k >= 0 && k < (long)p->n && k != (long)i && p->lines[k].words <= 4 &&
          !(p->lines[k].flags & (TL_DATE | TL_BYLINE)))
        shorts++;
    if (shorts >= 3)
      return 0;
  }
  return 1;
}

/* Dumps of whole pages (WET records) often begin with the page's <title>:
 * "Headline - Site". The headline is then the line above the body that
 * repeats the title's first part. */
static long title_from_first_line(const tpage *p, long body_lo) {
  if (p->n < 2 || body_lo < 2)
    return -1;
  const tline *f = &p->lines[0];
  if (f->words < 2 || f->words > 30)
    return -1;
  static const char *const seps[] = {" - ",  " | ",        " \xe2\x80\x94 ", " \xe2\x80\x93 ",
                                     " :: ", " \xc2\xbb ", " \xc2\xb7 "};
  size_t cut = 0;
  for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
    size_t m = strlen(seps[k]);
    for (size_t i = 1; i + m <= f->len; i++)
      if (!memcmp(f->s + i, seps[k], m) && (!cut || i < cut))
        cut = i;
  }
  if (!cut)
    return -1;
  for (long i = body_lo - 1; i >= 1 && i >= body_lo - 200; i--) {
    const tline *l = &p->lines[i];
    if (l->len == cut && !memcmp(l->s, f->s, cut))
      return i;
  }
  return -1;
}

/* "Home > News > Politics": the last crumb. */
static int breadcrumb(const tline *l, size_t *from) {
  int seps = 0;
  size_t last = 0;
  for (size_t i = 0; i + 2 < l->len; i++) {
    if (l->s[i] != ' ')
      continue;
    const char *q = l->s + i + 1;
    size_t m = 0;
    if (*q == '>' || *q == '/' || *q == '|')
      m = 1;
    else if (!strncmp(q, "\xc2\xbb", 2) || !strncmp(q, "\xe2\x80\xba", 3) ||
             !strncmp(q, "\xe2\x86\x92", 3))
      m = (unsigned char)*q == 0xC2 ? 2 : 3;
    if (m && i + 1 + m < l->len && l->s[i + 1 + m] == ' ') {
      seps++;
      last = i + 2 + m;
    }
  }
  *from = last;
  return seps >= 1 && l->words <= 8;
}

static int add_image(arena *mem, article *art, const char *cap, size_t cap_len, const char *credit,
                     size_t credit_len) {
  const char *c = cap_len ? dup_str(mem, cap, cap_len) : NULL;
  for (article_image *im = art->meta.images; im; im = im->next)
    if (c && im->caption && !strcmp(im->caption, c))
      return 0;
  article_image *im = arena_calloc(mem, sizeof *im);
  if (!im)
    return -1;
  im->caption = c;
  if (credit_len && !(im->credit = dup_str(mem, credit, credit_len)))
    return -1;
  if (!im->caption && !im->credit)
    return 0;
  article_add_image(art, im);
  return 0;
}

/* Captions between from and to (inclusive): a caption with its credit on
 * the line, a line followed by a credit alone, each caption once. */
static int read_images(tpage *p, long from, long to, arena *mem, article *art) {
  for (long i = from; i <= to; i++) {
    tline *l = &p->lines[i];
    size_t ce = 0, cs = 0, cend = 0;
    if (l->flags & TL_CAPTION) {
      credit_kind k = credit_find(l->s, l->len, &ce, &cs, &cend);
      if (k == CREDIT_TRAILING) {
        if (add_image(mem, art, l->s, ce, l->s + cs, cend - cs))
          return -1;
      } else if (i + 1 <= to + 1 && i + 1 < (long)p->n && (p->lines[i + 1].flags & TL_CREDIT)) {
        tline *c = &p->lines[i + 1];
        credit_find(c->s, c->len, &ce, &cs, &cend);
        if (add_image(mem, art, l->s, l->len, c->s + cs, cend - cs))
          return -1;
        c->flags |= TL_META;
        i++;
      } else {
        if (add_image(mem, art, l->s, l->len, NULL, 0))
          return -1;
      }
      l->flags |= TL_META;
    }
  }
  return 0;
}

static int set_date(arena *mem, const char **field, const char *iso_date) {
  if (*field)
    return 0;
  *field = arena_strndup(mem, iso_date, strlen(iso_date));
  return *field ? 0 : -1;
}

/* Reads a dateline: the date, then what follows it on the line — a
 * source and an "Editor:" ("2017-06-09 08:36 Xinhua Editor: Mo Hong'e"). */
static int read_dateline(tline *l, arena *mem, article *art) {
  char d[32];
  size_t ds, de;
  if (text_date(l->s, l->len, d, &ds, &de))
    return 0;
  int modified = find_label(l->s, ds, "updated") || find_label(l->s, ds, "aktualisiert") ||
                 find_label(l->s, ds, "mis à jour") || find_label(l->s, ds, "actualizado") ||
                 find_label(l->s, ds, "atualizado") || find_label(l->s, ds, "modified");
  if (set_date(mem, modified ? &art->meta.date_modified : &art->meta.date_published, d))
    return -1;
  /* An agency or outlet right after the date, before an "Editor:" label
   * ("08:36 Xinhua Editor: Mo Hong'e") or alone and known as an agency. */
  size_t k = de;
  while (k < l->len && (l->s[k] == ' ' || l->s[k] == '|' || l->s[k] == ','))
    k++;
  size_t lab = find_label(l->s + k, l->len - k, "editor:");
  size_t stop = lab ? k + lab - strlen("editor:") : l->len;
  if (!art->meta.source && stop > k) {
    size_t nk = read_name(l->s + k, stop - k);
    if (nk && nk + k == trim_end(l->s, stop) && nk < 40 && (lab || is_agency(l->s + k, nk))) {
      if (!(art->meta.source = dup_str(mem, l->s + k, nk)))
        return -1;
    }
  }
  /* "March 14, 2024 by Jane Doe", "7:45 am PST by John Roe", "June 9 | 4
   * min read by Jane Doe" (a line starting in lower case joins the one
   * before): "by" after the date, unless a label that names someone else
   * comes first ("Photo by", "Reviewed by"). */
  for (size_t w = de; w < l->len; w++) {
    if (vocab_is_alnum((unsigned char)l->s[w - 1]) || !vocab_is_alnum((unsigned char)l->s[w]))
      continue;
    unsigned flags;
    size_t e = byline_label_at(l->s + w, l->len - w, LABEL_AT_LINE, &flags);
    if (e && (flags & LABEL_OTHER))
      break;
    if (e && w + e < l->len && lower_ascii(l->s[w]) == 'b' && lower_ascii(l->s[w + 1]) == 'y') {
      if (add_authors(l->s + w + e, l->len - w - e, mem, art))
        return -1;
      break;
    }
  }
  return 0;
}

int text_read_meta(tpage *p, long lo, long hi, arena *mem, article *art) {
  if (!p->n)
    return 0;
  long body_lo = lo <= hi ? lo : (long)p->n;
  long body_hi = lo <= hi ? hi : (long)p->n - 1;
  /* The headline: the nearest title-like line above the body, within a
   * few dozen lines, not past another stretch of prose. */
  long title = title_from_first_line(p, body_lo);
  for (long i = body_lo - 1; title < 0 && i >= 0 && i >= body_lo - 40; i--) {
    tline *l = &p->lines[i];
    if (l->cls == LINE_GOOD && !(l->flags & (TL_CAPTION | TL_CREDIT))) {
      /* a standfirst right above the body is fine; more prose is not */
      if (body_lo - i > 3)
        break;
      continue;
    }
    if (l->vocab == VOCAB_END || l->vocab == VOCAB_LABEL)
      break;
    if (title_like(p, (size_t)i)) {
      title = i;
      break;
    }
  }
  if (title >= 0) {
    tline *t = &p->lines[title];
    if (!art->title && !(art->title = dup_str(mem, t->s, t->len)))
      return -1;
    t->flags |= TL_TITLE | TL_META;
    /* The section: a breadcrumb's last crumb or a menu item repeated right
     * above the headline. */
    for (long i = title - 1; i >= 0 && i >= title - 2; i--) {
      tline *s = &p->lines[i];
      size_t from;
      if (s->flags & TL_NO_LETTERS)
        continue;
      if (breadcrumb(s, &from)) {
        if (!(art->meta.section = dup_str(mem, s->s + from, s->len - from)))
          return -1;
        break;
      }
      if (s->words >= 1 && s->words <= 3 && !s->end_punct && s->vocab == VOCAB_NONE &&
          s->dups >= 2 && s->caps >= 1 && !(s->flags & (TL_DATE | TL_BYLINE))) {
        if (!(art->meta.section = dup_str(mem, s->s, s->len)))
          return -1;
      }
      break;
    }
  }
  /* Datelines and bylines: between the headline and the body, then at the
   * body's edges. */
  long from = title >= 0 ? title + 1 : (body_lo - 12 > 0 ? body_lo - 12 : 0);
  long to = body_hi + 3 < (long)p->n ? body_hi + 3 : (long)p->n - 1;
  for (long i = from; i <= to; i++) {
    tline *l = &p->lines[i];
    if (i > body_lo + 2 && i < body_hi - 2)
      continue; /* inside the body */
    if (l->flags & TL_DATE) {
      if (read_dateline(l, mem, art))
        return -1;
      l->flags |= TL_META;
    }
    if (read_labeled(l->s, l->len, "editor:", mem, &art->meta.editor, 0) < 0 ||
        read_labeled(l->s, l->len, "source:", mem, &art->meta.source, 1) < 0)
      return -1;
    if (l->flags & TL_BYLINE) {
      unsigned flags;
      size_t bp = byline_prefix(l->s, l->len, &flags);
      if (byline_label_alone(l->s, l->len) && i + 1 < (long)p->n) { /* the name follows */
        tline *nx = &p->lines[i + 1];
        if (name_line(nx->s, nx->len) && add_authors(nx->s, nx->len, mem, art))
          return -1;
        nx->flags |= TL_META;
      } else if (bp && !(flags & LABEL_OTHER)) {
        if (add_authors(l->s + bp, l->len - bp, mem, art))
          return -1;
      }
      l->flags |= TL_META;
    }
  }
  long img_from = title >= 0 ? title : (body_lo - 12 > 0 ? body_lo - 12 : 0);
  if (lo <= hi && read_images(p, img_from, body_hi, mem, art))
    return -1;
  return 0;
}
