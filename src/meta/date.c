/* Date parsing. Text is cut into tokens (numbers, words, punctuation) and
 * a few shapes are matched over them: day-month-year with the month as a
 * word or a number, month-day-year, year-month-day. Month names come from a
 * table of the main European languages (and the CJK date markers). */
#include "meta/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meta/mstr.h"

/* ---- month names ---------------------------------------------------------- */

typedef struct {
  const char *name; /* lower case UTF-8 */
  unsigned char len;
  unsigned char month;
} month_name;

#define M(name, month)                                                                             \
  { name, sizeof name - 1, month }
/* Sorted by bytes: looked up by binary search. */
static const month_name months[] = {
    M("abr", 4),         M("abril", 4),        M("ago", 8),           M("agost", 8),
    M("agosto", 8),      M("agustus", 8),      M("aout", 8),          M("août", 8),
    M("apr", 4),         M("april", 4),        M("aprile", 4),        M("aprilie", 4),
    M("apríla", 4),      M("aralık", 12),      M("aug", 8),           M("august", 8),
    M("augusta", 8),     M("augusti", 8),      M("augustus", 8),      M("augusztus", 8),
    M("avr", 4),         M("avril", 4),        M("ağustos", 8),       M("března", 3),
    M("czerwca", 6),     M("czerwiec", 6),     M("dec", 12),          M("december", 12),
    M("decembra", 12),   M("decembre", 12),    M("decembrie", 12),    M("des", 12),
    M("desember", 12),   M("dez", 12),         M("dezember", 12),     M("dezembro", 12),
    M("dic", 12),        M("dicembre", 12),    M("diciembre", 12),    M("dubna", 4),
    M("déc", 12),        M("décembre", 12),    M("ekim", 10),         M("ene", 1),
    M("enero", 1),       M("eylül", 9),        M("feb", 2),           M("febbraio", 2),
    M("feber", 2),       M("febrer", 2),       M("febrero", 2),       M("februar", 2),
    M("februari", 2),    M("februarie", 2),    M("february", 2),      M("február", 2),
    M("februára", 2),    M("fev", 2),          M("fevereiro", 2),     M("fevr", 2),
    M("fevrier", 2),     M("fév", 2),          M("févr", 2),          M("février", 2),
    M("gen", 1),         M("gener", 1),        M("gennaio", 1),       M("giu", 6),
    M("giugno", 6),      M("grudnia", 12),     M("grudzień", 12),     M("haziran", 6),
    M("ianuarie", 1),    M("iulie", 7),        M("iunie", 6),         M("jan", 1),
    M("janeiro", 1),     M("januar", 1),       M("januari", 1),       M("january", 1),
    M("január", 1),      M("januára", 1),      M("janv", 1),          M("janvier", 1),
    M("juil", 7),        M("juillet", 7),      M("juin", 6),          M("jul", 7),
    M("julho", 7),       M("juli", 7),         M("julio", 7),         M("juliol", 7),
    M("july", 7),        M("jun", 6),          M("june", 6),          M("junho", 6),
    M("juni", 6),        M("junio", 6),        M("juny", 6),          M("jän", 1),
    M("jänner", 1),      M("júla", 7),         M("július", 7),        M("júna", 6),
    M("június", 6),      M("kasım", 11),       M("května", 5),        M("kwiecień", 4),
    M("kwietnia", 4),    M("leden", 1),        M("ledna", 1),         M("lipca", 7),
    M("lipiec", 7),      M("listopada", 11),   M("listopadu", 11),    M("lug", 7),
    M("luglio", 7),      M("lutego", 2),       M("luty", 2),          M("maart", 3),
    M("mag", 5),         M("maggio", 5),       M("mai", 5),           M("maig", 5),
    M("maio", 5),        M("maj", 5),          M("maja", 5),          M("mar", 3),
    M("marca", 3),       M("march", 3),        M("marco", 3),         M("maret", 3),
    M("mars", 3),        M("mart", 3),         M("martie", 3),        M("marts", 3),
    M("marzec", 3),      M("marzo", 3),        M("març", 3),          M("março", 3),
    M("may", 5),         M("mayo", 5),         M("mayıs", 5),         M("mei", 5),
    M("mrt", 3),         M("mrz", 3),          M("mája", 5),          M("május", 5),
    M("március", 3),     M("mär", 3),          M("märz", 3),          M("nisan", 4),
    M("noiembrie", 11),  M("nov", 11),         M("november", 11),     M("novembra", 11),
    M("novembre", 11),   M("novembro", 11),    M("noviembre", 11),    M("ocak", 1),
    M("oct", 10),        M("october", 10),     M("octobre", 10),      M("octombrie", 10),
    M("octubre", 10),    M("okt", 10),         M("oktober", 10),      M("október", 10),
    M("októbra", 10),    M("ott", 10),         M("ottobre", 10),      M("out", 10),
    M("outubro", 10),    M("październik", 10), M("października", 10), M("prosince", 12),
    M("sep", 9),         M("sept", 9),         M("september", 9),     M("septembra", 9),
    M("septembre", 9),   M("septembrie", 9),   M("septiembre", 9),    M("set", 9),
    M("setembre", 9),    M("setembro", 9),     M("setiembre", 9),     M("settembre", 9),
    M("sierpień", 8),    M("sierpnia", 8),     M("srpna", 8),         M("styczeń", 1),
    M("stycznia", 1),    M("szeptember", 9),   M("temmuz", 7),        M("wrzesień", 9),
    M("września", 9),    M("září", 9),         M("április", 4),       M("únor", 2),
    M("února", 2),       M("července", 7),     M("června", 6),        M("října", 10),
    M("şubat", 2),       M("απριλίου", 4),     M("αυγούστου", 8),     M("δεκεμβρίου", 12),
    M("ιανουαρίου", 1),  M("ιουλίου", 7),      M("ιουνίου", 6),       M("μαΐου", 5),
    M("μαρτίου", 3),     M("νοεμβρίου", 11),   M("οκτωβρίου", 10),    M("σεπτεμβρίου", 9),
    M("φεβρουαρίου", 2), M("август", 8),       M("августа", 8),       M("апрель", 4),
    M("апреля", 4),      M("березня", 3),      M("вересня", 9),       M("грудня", 12),
    M("декабрь", 12),    M("декабря", 12),     M("жовтня", 10),       M("июль", 7),
    M("июля", 7),        M("июнь", 6),         M("июня", 6),          M("квітня", 4),
    M("липня", 7),       M("листопада", 11),   M("лютого", 2),        M("май", 5),
    M("март", 3),        M("марта", 3),        M("мая", 5),           M("ноябрь", 11),
    M("ноября", 11),     M("октябрь", 10),     M("октября", 10),      M("сентябрь", 9),
    M("сентября", 9),    M("серпня", 8),       M("січня", 1),         M("травня", 5),
    M("февраль", 2),     M("февраля", 2),      M("червня", 6),        M("январь", 1),
    M("января", 1),
};

/* Stems that take endings (Finnish partitive: "tammikuuta"). */
static const month_name month_stems[] = {
    M("tammikuu", 1), M("helmikuu", 2), M("maaliskuu", 3),  M("huhtikuu", 4),
    M("toukokuu", 5), M("kesäkuu", 6),  M("heinäkuu", 7),   M("elokuu", 8),
    M("syyskuu", 9),  M("lokakuu", 10), M("marraskuu", 11), M("joulukuu", 12),
};

#undef M

/* The month a lower-case word names, or 0. */
static int month_of(const char *w, size_t n) {
  if (n < 3)
    return 0;
  size_t lo = 0, hi = sizeof months / sizeof *months;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const month_name *m = &months[mid];
    size_t k = m->len < n ? m->len : n;
    int c = memcmp(m->name, w, k);
    if (!c)
      c = m->len < n ? -1 : m->len > n;
    if (!c)
      return m->month;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = 0; i < sizeof month_stems / sizeof *month_stems; i++) {
    const month_name *m = &month_stems[i];
    if (n > m->len && n <= m->len + 3u && !memcmp(w, m->name, m->len))
      return m->month;
  }
  return 0;
}

/* ---- calendar ------------------------------------------------------------- */

static int days_in_month(int y, int m) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12)
    return 0;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return days[m - 1];
}

static int calendar_ok(int y, int m, int d) {
  return y >= DATE_MIN_YEAR && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int date_cmp_day(const meta_date *a, const meta_date *b) {
  long ka = (long)a->y * 10000 + a->m * 100 + a->d, kb = (long)b->y * 10000 + b->m * 100 + b->d;
  return ka < kb ? -1 : ka > kb;
}

int date_valid(const meta_date *d, const meta_date *max) {
  if (!calendar_ok(d->y, d->m, d->d))
    return 0;
  return !max || date_cmp_day(d, max) <= 0;
}

void date_format(const meta_date *d, char *out, size_t cap) {
  if (!d->has_time) {
    snprintf(out, cap, "%04d-%02d-%02d", d->y, d->m, d->d);
    return;
  }
  char tz[8] = "";
  if (d->has_tz) {
    if (d->tz == 0) {
      strcpy(tz, "Z");
    } else {
      int a = d->tz < 0 ? -d->tz : d->tz;
      snprintf(tz, sizeof tz, "%c%02d:%02d", d->tz < 0 ? '-' : '+', (a / 60) % 100, a % 60);
    }
  }
  snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%s", d->y, d->m, d->d, d->hh, d->mi, d->ss, tz);
}

void date_from_unix(long long t, meta_date *out) {
  memset(out, 0, sizeof *out);
  /* Civil from days (proleptic Gregorian), valid for any t. */
  long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  long long secs = t - days * 86400;
  days += 719468;
  long long era = (days >= 0 ? days : days - 146096) / 146097;
  long long doe = days - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  out->y = (int)(y + (m <= 2));
  out->m = (int)m;
  out->d = (int)d;
  out->hh = (int)(secs / 3600);
  out->mi = (int)(secs / 60 % 60);
  out->ss = (int)(secs % 60);
  out->has_time = out->has_tz = 1;
}

/* ---- machine forms -------------------------------------------------------- */

static int digits(const char *s, const char *end, int n, int *out) {
  if (end - s < n)
    return 0;
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 1;
}

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* One or two digits. */
static int digits12(const char **p, const char *end, int *out) {
  if (*p >= end || !is_digit(**p))
    return 0;
  int v = **p - '0';
  (*p)++;
  if (*p < end && is_digit(**p)) {
    v = v * 10 + (**p - '0');
    (*p)++;
  }
  *out = v;
  return 1;
}

/* "T08:36", " 08:36:00.000+08:00", "T083600Z" after a date at p. */
static void parse_time(const char *p, const char *end, meta_date *d) {
  if (p < end && (*p == 'T' || *p == ' ' || *p == 't'))
    p++;
  int hh, mi, ss = 0;
  if (!digits(p, end, 2, &hh))
    return;
  p += 2;
  int colon = p < end && *p == ':';
  if (colon)
    p++;
  if (!digits(p, end, 2, &mi))
    return;
  p += 2;
  if (p < end && (colon ? *p == ':' : is_digit(*p))) {
    if (colon)
      p++;
    if (!digits(p, end, 2, &ss))
      return;
    p += 2;
  }
  if (hh > 23 || mi > 59 || ss > 60)
    return;
  if (p < end && (*p == '.' || *p == ',')) {
    p++;
    while (p < end && is_digit(*p))
      p++;
  }
  d->hh = hh;
  d->mi = mi;
  d->ss = ss > 59 ? 59 : ss;
  d->has_time = 1;
  while (p < end && *p == ' ')
    p++;
  if (p < end && (*p == 'Z' || *p == 'z')) {
    d->tz = 0;
    d->has_tz = 1;
  } else if (p < end && (*p == '+' || *p == '-')) {
    int sign = *p == '-' ? -1 : 1, th, tm = 0;
    p++;
    if (!digits(p, end, 2, &th))
      return;
    p += 2;
    if (p < end && *p == ':')
      p++;
    if (digits(p, end, 2, &tm))
      p += 2;
    if (th > 14 || tm > 59)
      return;
    d->tz = sign * (th * 60 + tm);
    d->has_tz = 1;
  }
}

static int parse_iso(const char *s, const char *end, meta_date *d) {
  memset(d, 0, sizeof *d);
  int y, m = 0, dd = 0;
  if (!digits(s, end, 4, &y))
    return 0;
  const char *p = s + 4;
  if (p < end && is_digit(*p)) {
    /* Compact: 20170609 (and a time after it). */
    if (!digits(p, end, 2, &m) || !digits(p + 2, end, 2, &dd))
      return 0;
    p += 4;
    if (p < end && is_digit(*p))
      return 0;
  } else if (p < end && (*p == '-' || *p == '/' || *p == '.')) {
    char sep = *p++;
    if (!digits12(&p, end, &m))
      return 0;
    if (p < end && *p == sep) {
      p++;
      if (!digits12(&p, end, &dd))
        return 0;
      if (p < end && is_digit(*p))
        return 0;
    }
  }
  d->y = y;
  d->m = m;
  d->d = dd;
  if (m && (m > 12 || (dd && dd > days_in_month(y, m))))
    return 0;
  if (dd)
    parse_time(p, end, d);
  return 1;
}

int date_parse(const char *s, size_t len, meta_date *out) {
  memset(out, 0, sizeof *out);
  const char *end = s + len;
  while (s < end && (unsigned char)*s <= ' ')
    s++;
  while (end > s && (unsigned char)end[-1] <= ' ')
    end--;
  if (s == end)
    return 0;
  size_t n = (size_t)(end - s);
  /* Unix time in seconds or milliseconds. */
  if (n == 10 || n == 13) {
    size_t i = 0;
    while (i < n && is_digit(s[i]))
      i++;
    if (i == n) {
      long long t = 0;
      for (i = 0; i < 10; i++)
        t = t * 10 + (s[i] - '0');
      date_from_unix(t, out);
      return 1;
    }
  }
  if (parse_iso(s, end, out))
    return 1;
  size_t at;
  /* Machine values with slashes come from servers set to US usage
   * ("11/01/2023 12:43:42"): month first. */
  return date_find(s, n, DATE_MDY, 0, out, &at);
}

int date_from_url(const char *url, meta_date *out) {
  memset(out, 0, sizeof *out);
  if (!url)
    return 0;
  const char *p = strstr(url, "://");
  p = p ? strchr(p + 3, '/') : url;
  if (!p)
    return 0;
  int best = 0;
  meta_date month_only = {0};
  for (; *p && *p != '?' && *p != '#'; p++) {
    if (!(*p == '/' || *p == '-' || *p == '_' || *p == '.') || !is_digit(p[1]))
      continue;
    const char *s = p + 1;
    int y, m, d;
    if (!digits(s, s + 4, 4, &y) || y < DATE_MIN_YEAR || y > 2200)
      continue;
    const char *e = s + 4;
    if (digits(e, e + 4, 4, &m) && (e[4] == '/' || e[4] == '-' || e[4] == '_' || !e[4])) {
      /* /20170609/ */
      d = m % 100;
      m /= 100;
      if (calendar_ok(y, m, d)) {
        out->y = y, out->m = m, out->d = d;
        return 3;
      }
      continue;
    }
    if (!(*e == '/' || *e == '-' || *e == '_'))
      continue;
    char sep = *e++;
    /* "/2023/october/03/": the month by its name. */
    if (*e >= 'a' && *e <= 'z') {
      char w[16];
      size_t k = 0;
      while (k < sizeof w - 1 && ((e[k] >= 'a' && e[k] <= 'z') || (e[k] >= 'A' && e[k] <= 'Z'))) {
        w[k] = (char)(e[k] | 0x20);
        k++;
      }
      w[k] = '\0';
      int named = k >= 3 && e[k] == sep ? month_of(w, k) : 0;
      const char *q = e + k + 1;
      if (named && digits12(&q, q + 2, &d) && !is_digit(*q) && calendar_ok(y, named, d)) {
        out->y = y, out->m = named, out->d = d;
        return 3;
      }
      continue;
    }
    if (!digits12(&e, e + 2, &m) || m < 1 || m > 12)
      continue;
    if (*e == sep && is_digit(e[1])) {
      e++;
      /* Not a version's numbers in a slug ("/2024-4-4-2024-5-0-issue"). */
      if (digits12(&e, e + 2, &d) && !is_digit(*e) &&
          !(sep != '/' && *e == sep && is_digit(e[1])) && calendar_ok(y, m, d)) {
        out->y = y, out->m = m, out->d = d;
        return 3;
      }
    }
    if ((*e == '/' || !*e) && !best) {
      month_only.y = y;
      month_only.m = m;
      best = 2;
    }
  }
  if (best)
    *out = month_only;
  return best;
}

/* ---- written forms -------------------------------------------------------- */

enum { TK_NUM, TK_WORD, TK_PUNCT };

typedef struct {
  unsigned char type;
  unsigned char ndig;  /* TK_NUM: digits */
  unsigned char month; /* TK_WORD: the month it names, or 0 */
  unsigned char space; /* white space before it */
  int value;           /* TK_NUM: its value; TK_PUNCT: the character */
  size_t at, end;      /* its bytes in the text */
  const char *w;       /* TK_WORD: the word, lower case ASCII only */
  size_t wlen;
} token;

/* Reads the next token at *i; returns 0 at the end. Words are folded into
 * wbuf (cap bytes). */
static int next_token(const char *s, size_t len, size_t *i, token *t, char *wbuf, size_t cap) {
  int space = 0;
  while (*i < len) {
    size_t adv;
    uint32_t c = mstr_utf8(s + *i, len - *i, &adv);
    if (!mstr_is_space(c))
      break;
    *i += adv;
    space = 1;
  }
  if (*i >= len)
    return 0;
  memset(t, 0, sizeof *t);
  t->space = (unsigned char)space;
  t->at = *i;
  size_t adv;
  uint32_t c = mstr_utf8(s + *i, len - *i, &adv);
  if (c >= '0' && c <= '9') {
    long v = 0;
    int n = 0;
    while (*i < len && is_digit(s[*i])) {
      if (n < 9)
        v = v * 10 + (s[*i] - '0');
      n++;
      (*i)++;
    }
    t->type = TK_NUM;
    t->value = (int)v;
    t->ndig = (unsigned char)(n > 9 ? 9 : n);
    t->end = *i;
    return 1;
  }
  /* Full-width digits (Ｙ年) are rare enough to leave out. */
  if (mstr_is_alnum(c) && !(c >= 0x3040 && c <= 0x9FFF) && !(c >= 0xAC00 && c <= 0xD7AF)) {
    size_t n = 0;
    while (*i < len) {
      uint32_t d = mstr_utf8(s + *i, len - *i, &adv);
      if (!mstr_is_alnum(d) || (d >= '0' && d <= '9') || (d >= 0x3040 && d <= 0x9FFF))
        break;
      char tmp[4];
      size_t k = mstr_put_utf8(mstr_lower(d), tmp);
      if (n + k < cap) {
        memcpy(wbuf + n, tmp, k);
        n += k;
      }
      *i += adv;
    }
    wbuf[n] = '\0';
    t->type = TK_WORD;
    t->w = wbuf;
    t->wlen = n;
    t->month = n <= 24 ? (unsigned char)month_of(wbuf, n) : 0;
    t->end = *i;
    return 1;
  }
  t->type = TK_PUNCT;
  t->value = (int)c;
  *i += adv;
  t->end = *i;
  return 1;
}

enum { WINDOW = 12, DIGIT_REACH = 48 };

/* The tokens from the current position on (pointers into a ring). */
typedef struct {
  const token *t[WINDOW];
  int n;
} window;

static int full_year(const token *t, int short_years) {
  if (t->type != TK_NUM)
    return 0;
  if (t->ndig == 4)
    return t->value;
  if (t->ndig == 2 && short_years)
    return t->value < 70 ? 2000 + t->value : 1900 + t->value;
  return 0;
}

static int is_punct(const token *t, uint32_t c) {
  return t->type == TK_PUNCT && (uint32_t)t->value == c;
}

static int is_word(const token *t, const char *w) {
  return t->type == TK_WORD && strlen(w) == t->wlen && !memcmp(t->w, w, t->wlen);
}

/* Ordinal suffixes and little words that may sit inside a written date. */
static int is_filler(const token *t) {
  static const char *const words[] = {"st", "nd",  "rd", "th", "er",  "e",  "eme", "ème", "de",
                                      "of", "del", "o",  "a",  "den", "ta", "ci",  "ro"};
  if (t->type == TK_WORD) {
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
      if (is_word(t, words[i]))
        return 1;
    return 0;
  }
  return t->type == TK_PUNCT && (t->value == '.' || t->value == ',' || t->value == '-' ||
                                 t->value == '/' || t->value == 0xBA || t->value == 0x2013);
}

/* A number that continues the date's digits ("2017.06.09.5", "12/06/2017/3")
 * makes it something else: a version, a phone number. */
static int number_goes_on(const window *w, int k) {
  return k + 1 < w->n && w->t[k]->type == TK_PUNCT && !w->t[k]->space &&
         (w->t[k]->value == '.' || w->t[k]->value == '/' || w->t[k]->value == '-') &&
         w->t[k + 1]->type == TK_NUM && !w->t[k + 1]->space;
}

static int set_date(meta_date *out, int y, int m, int d) {
  if (!calendar_ok(y, m, d))
    return 0;
  memset(out, 0, sizeof *out);
  out->y = y;
  out->m = m;
  out->d = d;
  return 1;
}

/* Tries the date shapes at the start of the window. */
/* Tries the date shapes at the start of the window: the number of tokens
 * the date takes, or 0. */
static int match(const window *w, date_order order, int short_years, meta_date *out) {
  const token *const *t = w->t;
  int n = w->n;
  if (n < 3)
    return 0;
  /* Digits-only shapes: 2017-06-09, 09.06.2017, 06/09/2017. */
  if (t[0]->type == TK_NUM && n >= 5 && t[1]->type == TK_PUNCT && t[2]->type == TK_NUM &&
      t[3]->type == TK_PUNCT && t[4]->type == TK_NUM && !t[1]->space && !t[2]->space &&
      !t[3]->space && !t[4]->space && t[1]->value == t[3]->value &&
      (t[1]->value == '-' || t[1]->value == '/' || t[1]->value == '.') && t[2]->ndig <= 2) {
    if (n > 5 && number_goes_on(w, 5))
      return 0;
    if (t[0]->ndig == 4 && t[4]->ndig <= 2)
      return set_date(out, t[0]->value, t[2]->value, t[4]->value) ? 5 : 0;
    int y = full_year(t[4], short_years);
    if (t[0]->ndig <= 2 && y) {
      int a = t[0]->value, b = t[2]->value;
      int mdy = t[1]->value == '/' && order == DATE_MDY;
      if (a > 12)
        mdy = 0;
      if (b > 12)
        mdy = 1;
      if (!(mdy ? set_date(out, y, a, b) : set_date(out, y, b, a)))
        return 0;
      out->swappable = a <= 12 && b <= 12 && a != b;
      return 5;
    }
    return 0;
  }
  /* Year-month-day with markers: 2017年6月9日, 2017년 6월 9일. */
  if (t[0]->type == TK_NUM && t[0]->ndig == 4 && n >= 6 &&
      (is_punct(t[1], 0x5E74) || is_punct(t[1], 0xB144)) && t[2]->type == TK_NUM &&
      (is_punct(t[3], 0x6708) || is_punct(t[3], 0xC6D4)) && t[4]->type == TK_NUM &&
      (is_punct(t[5], 0x65E5) || is_punct(t[5], 0xC77C)))
    return set_date(out, t[0]->value, t[2]->value, t[4]->value) ? 6 : 0;
  /* Day month year: "9 June 2017", "9. Juni 2017", "9 de junio de 2017",
   * "09-Jun-2017", "9th of June, 2017". */
  if (t[0]->type == TK_NUM && t[0]->ndig <= 2) {
    int k = 1;
    while (k < n && k < 4 && is_filler(t[k]))
      k++;
    if (k < n && t[k]->type == TK_WORD && t[k]->month) {
      int m = t[k]->month;
      k++;
      while (k < n && k < 8 && is_filler(t[k]))
        k++;
      if (k < n && t[k]->type == TK_NUM && t[k]->ndig == 4 && !number_goes_on(w, k + 1))
        return set_date(out, t[k]->value, m, t[0]->value) ? k + 1 : 0;
    }
    return 0;
  }
  /* Month day year: "June 9, 2017", "Jun. 9th 2017". */
  if (t[0]->type == TK_WORD && t[0]->month) {
    int k = 1;
    while (k < n && k < 3 && is_filler(t[k]))
      k++;
    if (k < n && t[k]->type == TK_NUM && t[k]->ndig <= 2) {
      int d = t[k]->value;
      k++;
      while (k < n && k < 7 && is_filler(t[k]))
        k++;
      if (k < n && t[k]->type == TK_NUM && t[k]->ndig == 4 && !number_goes_on(w, k + 1))
        return set_date(out, t[k]->value, t[0]->month, d) ? k + 1 : 0;
    }
    return 0;
  }
  /* Year month day: "2017. június 9.", "2017 June 9". */
  if (t[0]->type == TK_NUM && t[0]->ndig == 4) {
    int k = 1;
    while (k < n && k < 3 && is_filler(t[k]))
      k++;
    if (k + 1 < n && t[k]->type == TK_WORD && t[k]->month && t[k + 1]->type == TK_NUM &&
        t[k + 1]->ndig <= 2 && !(k + 2 < n && t[k + 2]->type == TK_PUNCT && t[k + 2]->value == ':'))
      return set_date(out, t[0]->value, t[k]->month, t[k + 1]->value) ? k + 2 : 0;
  }
  return 0;
}

int date_find_span(const char *s, size_t len, date_order order, int short_years, meta_date *out,
                   size_t *at, size_t *end) {
  if (!s)
    return 0;
  token ring[WINDOW];
  char words[WINDOW][32];
  int head = 0, count = 0; /* ring[head] is the first token of the window */
  size_t i = 0, next_digit = 0;
  for (;;) {
    /* Fill the window, then slide it one token at a time. */
    while (count < WINDOW) {
      int slot = (head + count) % WINDOW;
      if (!next_token(s, len, &i, &ring[slot], words[slot], sizeof words[0]))
        break;
      count++;
    }
    if (count == 0)
      return 0;
    const token *first = &ring[head];
    /* A date starts at a number or a month's name. */
    if (first->type == TK_NUM || (first->type == TK_WORD && first->month)) {
      window w;
      w.n = count;
      for (int k = 0; k < count; k++)
        w.t[k] = &ring[(head + k) % WINDOW];
      int used = match(&w, order, short_years, out);
      if (used) {
        if (at)
          *at = first->at;
        if (end)
          *end = w.t[used - 1]->end;
        return 1;
      }
    }
    head = (head + 1) % WINDOW;
    count--;
    /* Every date has digits: a window without a number, far from the
     * next digit, can go whole, and the reading jump close to that digit
     * (a month's name and a weekday fit in the bytes left before it). */
    int numbers = 0;
    for (int k = 0; k < count && !numbers; k++)
      numbers = ring[(head + k) % WINDOW].type == TK_NUM;
    if (!numbers) {
      if (next_digit < i)
        for (next_digit = i; next_digit < len && !is_digit(s[next_digit]); next_digit++) {
        }
      if (next_digit >= len)
        return 0;
      if (next_digit > i + DIGIT_REACH) {
        count = 0;
        i = next_digit - DIGIT_REACH;
        while (i < next_digit && s[i] != ' ' && s[i] != '\n')
          i++;
      }
    }
  }
}

int date_find(const char *s, size_t len, date_order order, int short_years, meta_date *out,
              size_t *at) {
  return date_find_span(s, len, order, short_years, out, at, NULL);
}

/* ---- ranges --------------------------------------------------------------- */

/* A mark or a word that joins a range's two ends ("4.-5. März", "24. April
 * bis 2. Oktober", "4. und 5. März", "May 3 to May 5", "du 3 au 5 mai",
 * "del 3 al 5 de mayo"). */
static int joins_range(const token *t) {
  static const char *const words[] = {"bis", "to", "until", "till", "through", "thru", "und",
                                      "and", "au", "al",    "et",   "y",       "tot"};
  if (t->type == TK_PUNCT)
    return t->value == '-' || t->value == 0x2013 || t->value == 0x2014 || t->value == '~' ||
           t->value == 0x301C || t->value == 0xFF5E;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (is_word(t, words[i]))
      return 1;
  return 0;
}

static int is_day(const token *t) {
  return t && t->type == TK_NUM && t->ndig <= 2 && t->value >= 1 && t->value <= 31;
}

static int is_month(const token *t) {
  return t && t->type == TK_WORD && t->month;
}

static int is_year(const token *t) {
  return t && t->type == TK_NUM && t->ndig == 4;
}

/* Digits run together by a mark ("03.06", "6/3"): a date's parts. */
static int digits_joined(const token *mark, const token *next) {
  return mark && next && mark->type == TK_PUNCT && !next->space && next->type == TK_NUM &&
         (mark->value == '.' || mark->value == '/' || mark->value == '-');
}

/* Whether number t (the second of digits run together) is a date's month
 * that its date goes on after ("05.06.", "5/6/2023"), not a time's minutes
 * or a decimal's part ("10.30 Uhr", "12.30pm", "5.6 million"). */
static int month_of_date(const char *s, size_t len, const token *t) {
  return t->value >= 1 && t->value <= 12 && t->end < len && (s[t->end] == '.' || s[t->end] == '/');
}

enum { RANGE_TOKENS = 4, RANGE_REACH = 48 };

/* Tokens of a stretch of text: the first RANGE_TOKENS, or the last ones. */
typedef struct {
  token v[RANGE_TOKENS];
  char w[RANGE_TOKENS][32];
  int n; /* read */
  int last;
} stretch;

static void read_stretch(const char *s, size_t from, size_t to, int last, stretch *st) {
  st->n = 0;
  st->last = last;
  for (size_t i = from; last || st->n < RANGE_TOKENS; st->n++) {
    int slot = st->n % RANGE_TOKENS;
    if (!next_token(s, to, &i, &st->v[slot], st->w[slot], sizeof st->w[slot]))
      break;
  }
}

/* Token k of a stretch: from its start, or from its end (k = 0 the last). */
static const token *tok(const stretch *st, int k) {
  if (k >= st->n || k >= RANGE_TOKENS)
    return NULL;
  return &st->v[st->last ? (st->n - 1 - k) % RANGE_TOKENS : k];
}

int date_in_range(const char *s, size_t len, size_t at, size_t end) {
  stretch b, d, a;
  token opens;
  char opens_w[32];
  size_t i = at;
  int has_opens = next_token(s, end, &i, &opens, opens_w, sizeof opens_w);
  /* Before: from a space RANGE_REACH bytes back, a token's start. */
  size_t from = at > RANGE_REACH ? at - RANGE_REACH : 0;
  while (from > 0 && from < at && s[from - 1] != ' ')
    from++;
  read_stretch(s, from, at, 1, &b);
  read_stretch(s, at, end, 1, &d);
  if (tok(&b, 1) && joins_range(tok(&b, 0))) {
    int k = 1 + (tok(&b, 2) && is_punct(tok(&b, 1), '.'));
    const token *x = tok(&b, k), *y = tok(&b, k + 1), *z = tok(&b, k + 2);
    /* "April 24 - May 2, 2017", "24. April bis 2. Oktober 2017". */
    if ((is_day(x) && is_month(y)) ||
        (is_month(x) && (is_day(y) || (y && is_punct(y, '.') && is_day(z)))))
      return 1;
    /* "4. und 5. März 2022", "4-5 March 2022": a day before a date that
     * starts with its day. A number after a word, set off by a spaced dash,
     * is a page's, a part's, an episode's ("Page 2 - 3 June 2023", "No. 4 -
     * 03.06.2023"). */
    const token *j = tok(&b, 0);
    int numbered = k == 1 && j->type == TK_PUNCT && (j->space || at > j->end) && y &&
                   (y->type == TK_WORD || is_punct(y, '.'));
    if (is_day(x) && has_opens && is_day(&opens) && !(y && is_punct(y, ':')) &&
        !digits_joined(y, x) && !numbered)
      return 1;
    /* "3 June 2023 - 5 June 2023", "03.06.2023 - 05.06.2023",
     * "2025-12-12 - 2025-12-17", "03.06. - 05.06.2023", "6/13 - 6/15/2023";
     * not a time ("10.30 - 3 June 2023"). */
    if ((is_day(x) && digits_joined(y, x) && z && z->type == TK_NUM &&
         (k == 2 || is_punct(y, '/') || x->value <= 12)) ||
        (is_year(x) && y &&
         (is_month(y) || is_day(y) || is_punct(y, '.') || is_punct(y, ',') || is_punct(y, '/') ||
          is_punct(y, '-'))))
      return 1;
  }
  size_t to = end + RANGE_REACH < len ? end + RANGE_REACH : len;
  read_stretch(s, end, to, 0, &a);
  if (tok(&a, 1) && joins_range(tok(&a, 0))) {
    const token *x = tok(&a, 1), *y = tok(&a, 2), *z = tok(&a, 3);
    /* "3 June 2023 - 5 June 2023", "bis 5. März", "- Jun 5, 2023", "- 05.06.2023",
     * "- 2025-12-17"; not "- 10.30 Uhr". */
    meta_date other;
    size_t oat;
    if ((is_day(x) && (is_month(y) || (y && is_punct(y, '.') && is_month(z)))) ||
        (is_month(x) && is_day(y)) ||
        (is_day(x) && digits_joined(y, z) && month_of_date(s, to, z)) ||
        (date_find(s + x->at, to - x->at, DATE_DMY, 0, &other, &oat) && oat == 0))
      return 1;
    /* "April 29-30": a date that ends with its day, and another day; not
     * a time ("2023-06-03 - 10:30", "- 14.00 Uhr"). */
    if (is_day(tok(&d, 0)) && is_day(x) &&
        (!y || (y->type == TK_PUNCT && y->value != ':' && !digits_joined(y, z))))
      return 1;
  }
  return 0;
}
