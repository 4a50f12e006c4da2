/* Bylines to names. A byline is cut at the first separator or date, its
 * leading "By" removed, then split at commas and "and" (in the main
 * European languages); each part is a name, a credential of the name
 * before it, or a role to drop (whether a part reads as a name:
 * meta/author_name.c). */
#include "meta/author.h"

#include <string.h>

#include "meta/byline_label.h"
#include "meta/date.h"
#include "meta/mstr.h"

enum { MAX_BYLINE = 600 };

/* Little words that may be left at the end when a date is cut off. */
static const char *const tail_words[] = {
    "monday",    "tuesday",  "wednesday", "thursday",   "friday",    "saturday", "sunday",
    "mon",       "tue",      "wed",       "thu",        "fri",       "sat",      "sun",
    "montag",    "dienstag", "mittwoch",  "donnerstag", "freitag",   "samstag",  "sonntag",
    "lundi",     "mardi",    "mercredi",  "jeudi",      "vendredi",  "samedi",   "dimanche",
    "lunes",     "martes",   "miércoles", "jueves",     "viernes",   "sábado",   "domingo",
    "lunedì",    "martedì",  "mercoledì", "giovedì",    "venerdì",   "sabato",   "maandag",
    "dinsdag",   "woensdag", "donderdag", "vrijdag",    "zaterdag",  "zondag",   "today",
    "yesterday", "on",       "at",        "am",         "le",        "el",       "il",
    "den",       "op",       "the",       "posted",     "published", "updated",  "in",
    "|",         "-",        "on:",       "date:",      "le:",       "am:",      "vom",
    "del",       "du",       "de",        "ngày",       "dnia"};

/* Words that label a date ("Stand: 20. April 2020", "Datum: 19.11.2021"):
 * with the day's name and the little words above, all a byline may hold
 * before its date when the name comes after it. */
static const char *const date_labels[] = {
    "date",   "datum",     "stand",      "fecha",    "data",     "veröffentlicht", "aktualisiert",
    "publié", "publicado", "pubblicato", "gepostet", "erstellt", "last",           "created"};

static const char *const joiners[] = {" and ", " & ",  " und ", " et ", " y ", " e ",
                                      " en ",  " og ", " och ", " ve ", " и ", " i "};

/* Words that start a role written after a name without a comma ("Jane
 * Doe Senior Editor", "Matt Check Head Winemaker"). */
static const char *const role_starts[] = {
    "head",       "former",    "senior",   "junior",       "chief",     "lead",      "founder",
    "co-founder", "editor",    "writer",   "reporter",     "staff",     "content",   "marketing",
    "director",   "manager",   "managing", "contributing", "executive", "associate", "digital",
    "expert",     "certified", "licensed", "product",      "owner",     "ceo",       "cto",
    "president",  "vp",        "deputy",   "assistant",    "freelance", "guest",     "professor",
    "is",         "was",       "has",      "works",        "writes",    "covers",    "joined",
};

/* "Lauren Vetter Lauren Vetter": a name shown twice in the markup (desktop
 * and mobile layouts) is one. */
static void halve(char *s) {
  size_t n = strlen(s);
  if (n < 3 || n % 2 == 0)
    return;
  size_t h = n / 2;
  if (s[h] == ' ' && !strncmp(s, s + h + 1, h))
    s[h] = '\0';
}

/* Whether word w[0..k) is one of the words (lower case) in list. */
static int word_in(const char *w, size_t k, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strlen(list[i]) == k && mstr_istarts(w, list[i]))
      return 1;
  return 0;
}

/* The end of a name as a sentence or a bracket leaves it: "Patrick
 * Angevin." (a dot after a word of three letters or more, not "Jr." nor
 * "M.D."), "mwo)" (a bracket closed that the name does not open), and a
 * name written twice with nothing between ("Kristen Falc'honKristen
 * Falc'hon", the markup's screen-reader copy). */
static void tidy_end(char *s) {
  size_t n = strlen(s);
  if (n && s[n - 1] == ')' && !strchr(s, '('))
    s[--n] = '\0';
  if (n > 1 && s[n - 1] == '.') {
    size_t w = n - 1;
    while (w > 0 && s[w - 1] != ' ')
      w--;
    int letters = 0, dots = 0;
    for (size_t i = w; i + 1 < n; i++) {
      letters += mstr_is_alnum((unsigned char)s[i]) != 0;
      dots += s[i] == '.';
    }
    if (letters >= 3 && !dots)
      s[--n] = '\0';
  }
  if (n >= 4 && n % 2 == 0 && !strncmp(s, s + n / 2, n / 2) && s[n / 2 - 1] != ' ')
    s[n / 2] = '\0';
}

/* Cuts a name at a role word from its third word on. */
static void cut_role(char *s) {
  char *p = s;
  int word = 0;
  while (*p) {
    size_t k = strcspn(p, " ");
    if (word >= 2)
      for (size_t i = 0; i < sizeof role_starts / sizeof *role_starts; i++)
        if (strlen(role_starts[i]) == k && mstr_istarts(p, role_starts[i])) {
          p[-1] = '\0';
          return;
        }
    word++;
    p += k;
    while (*p == ' ')
      p++;
  }
}

/* Removes a byline label at the start of s (meta/byline_label.c);
 * returns its flags, 0 when s starts with none. */
static unsigned strip_label(char *s) {
  unsigned flags;
  size_t e = byline_label_at(s, strlen(s), LABEL_AT_FIELD, &flags);
  if (!e)
    return 0;
  memmove(s, s + e, strlen(s + e) + 1);
  return flags;
}

static void trim(char *s) {
  size_t n = strlen(s), i = 0;
  /* Leading: spaces and punctuation (not a letter of any script). */
  while (i < n) {
    size_t adv;
    uint32_t c = mstr_utf8(s + i, n - i, &adv);
    if (mstr_is_alnum(c))
      break;
    i += adv;
  }
  memmove(s, s + i, n - i + 1);
  n -= i;
  while (n > 0) {
    unsigned char c = (unsigned char)s[n - 1];
    if (c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '"' || c == '\'' ||
        c == '|' || c == '/' || c == '*')
      n--;
    else if (c >= 0x80) {
      /* Punctuation of any script: dashes, bullets, quotes, the
       * full-width slash of "by ライトハウス国際特許事務所 ／ 2016.12.01";
       * not the signs a name may carry ("CEPF®", "™"). */
      size_t start = n - 1, adv;
      while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
      uint32_t u = mstr_utf8(s + start, n - start, &adv);
      int sign = u == 0xA9 || u == 0xAE || (u >= 0x2100 && u < 0x3000);
      if (mstr_is_alnum(u) || sign)
        break;
      n = start;
    } else
      break;
  }
  s[n] = '\0';
}

/* Cuts s at the first separator: the rest is not the name. */
static void cut_at_separator(char *s) {
  static const char *const phrases[] = {" on behalf of ", " for the ", " in ", " für ", " pour "};
  for (size_t i = 0; i < sizeof phrases / sizeof *phrases; i++) {
    char *p = strstr(s, phrases[i]);
    if (p && p > s)
      *p = '\0';
  }
  static const char *const seps[] = {"|", "\xE2\x80\xA2", "\xC2\xB7", " / ", " - ", "\xE2\x80\x93",
                                     "\xE2\x80\x94", "(", "[", " @", "\xE2\x8B\x85", "\t", " :: ",
                                     /* breadcrumbs' "»" and "›" */
                                     "\xC2\xBB", "\xE2\x80\xBA"};
  for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
    char *p = strstr(s, seps[i]);
    if (p && p > s)
      *p = '\0';
  }
  /* An e-mail address after the name ("Jane Doe jdoe@example.com"). */
  char *at = strchr(s, '@');
  while (at && at > s && at[-1] != ' ')
    at--;
  if (at && at > s)
    *at = '\0';
}

static void strip_tail_words(char *s) {
  for (int changed = 1; changed;) {
    changed = 0;
    trim(s);
    size_t n = strlen(s);
    char *sp = strrchr(s, ' ');
    if (!sp)
      return;
    const char *last = sp + 1;
    if (mstr_ieq_any(last, tail_words, sizeof tail_words / sizeof *tail_words)) {
      *sp = '\0';
      changed = 1;
    }
    (void)n;
  }
}

/* Whether s[0..len), the text of a byline before its date, holds a name:
 * a word that is neither a label ("Posted", "Von", "Datum:") nor a word of
 * the date ("on", "Donnerstag,", "am"). "Posted on June 9, 2017 by Jane
 * Doe" holds none before the date: the name comes after it. */
static int holds_name(const char *s, size_t len) {
  char t[MAX_BYLINE + 1];
  memcpy(t, s, len);
  t[len] = '\0';
  trim(t);
  while (strip_label(t))
    trim(t);
  for (const char *p = t; *p;) {
    size_t k = strcspn(p, " ");
    size_t w = k;
    while (w > 0 && (p[w - 1] == ',' || p[w - 1] == ':' || p[w - 1] == '.' || p[w - 1] == '-'))
      w--;
    int letters = 0;
    for (size_t i = 0; i < w; i++)
      letters |= mstr_is_alnum((unsigned char)p[i]);
    if (letters && !word_in(p, w, tail_words, sizeof tail_words / sizeof *tail_words) &&
        !word_in(p, w, date_labels, sizeof date_labels / sizeof *date_labels))
      return 1;
    p += k;
    while (*p == ' ')
      p++;
  }
  return 0;
}

/* "MS", "RD", "PhD", "M.D.", "Jr.", "III": a credential or suffix that
 * belongs to the name before it. */
static int is_credential(const char *s) {
  static const char *const known[] = {"jr",  "jr.", "sr",   "sr.", "phd", "ph.d.", "pharmd", "psyd",
                                      "edd", "md",  "m.d.", "dds", "dvm", "ii",    "iii",    "iv"};
  size_t n = strlen(s);
  if (!n || n > 8 || strchr(s, ' '))
    return 0;
  if (mstr_ieq_any(s, known, sizeof known / sizeof *known))
    return 1;
  int upper = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
      upper++;
    else if (!(c >= 'a' && c <= 'z') && c != '.' && c != '-' && c < 0x80)
      return 0;
  }
  return upper >= 2 && upper * 2 >= (int)n;
}

static void add_name(const char *name, arena *mem, const char **names, size_t *n, size_t cap,
                     size_t *added) {
  if (*n >= cap)
    return;
  for (size_t i = 0; i < *n; i++)
    if (mstr_same_text(names[i], name))
      return;
  char *copy = mstr_clean(mem, name, strlen(name), 120);
  if (!copy)
    return;
  names[(*n)++] = copy;
  (*added)++;
}

size_t author_parse(const char *s, size_t len, arena *mem, const char **names, size_t *n,
                    size_t cap) {
  if (!s || !len)
    return 0;
  char line[MAX_BYLINE + 1];
  size_t take = len <= MAX_BYLINE ? len : mstr_utf8_cut(s, MAX_BYLINE);
  memcpy(line, s, take);
  line[take] = '\0';
  take = mstr_squeeze(line, take);
  /* A date ends the name part ("Jane Doe on June 9, 2017"). */
  meta_date d;
  size_t at;
  size_t end;
  /* A date before the name ("Dec. 19, 2025 · Jane Doe", "Posted on
   * June 9, 2017 by Jane Doe") goes; one after it ends the name. */
  for (int dates = 0; dates < 4 && date_find_span(line, strlen(line), DATE_DMY, 1, &d, &at, &end);
       dates++) {
    if (holds_name(line, at)) {
      line[at] = '\0';
      break;
    }
    memmove(line, line + end, strlen(line + end) + 1);
  }
  trim(line);
  /* "This post was written by Jane Doe": the name follows the label. */
  for (char *p = strchr(line, ' '); p; p = strchr(p + 1, ' ')) {
    unsigned flags;
    if (byline_label_at(p + 1, strlen(p + 1), LABEL_AT_LINE, &flags) && (flags & LABEL_INNER)) {
      memmove(line, p + 1, strlen(p + 1) + 1);
      break;
    }
  }
  /* A label that names someone else ("Reviewed by", "Photo by") holds
   * the names after it until a label of the writer ("By Jane Doe, edited
   * by John Roe" gives Jane Doe). */
  int other = 0;
  for (unsigned flags; (flags = strip_label(line)) != 0;) {
    other = (flags & LABEL_OTHER) != 0;
    trim(line);
  }
  /* A label of someone else inside the line ends the writer's names
   * ("Fritz Imhof Quelle: Livenet", "Jane Doe edited by John Roe"). */
  for (char *p = strchr(line, ' '); p; p = strchr(p + 1, ' ')) {
    unsigned flags;
    if (byline_label_at(p + 1, strlen(p + 1), LABEL_AT_LINE, &flags) && (flags & LABEL_OTHER)) {
      *p = '\0';
      break;
    }
  }
  cut_at_separator(line);
  strip_tail_words(line);
  size_t added = 0;
  /* Split at joiners and commas, walking left to right. */
  char *p = line;
  char prev[MAX_BYLINE + 1] = "";
  int after_comma = 0; /* the part follows a comma, not "and" */
  while (*p) {
    /* After a comma, words of a role are the role of the name before, up
     * to the next comma, "and" and all ("Jane Doe, Digital Security
     * Expert", "Head of Marketing and Community Development"). */
    if (after_comma) {
      size_t seg = strcspn(p, ",;");
      char role[MAX_BYLINE + 1];
      memcpy(role, p, seg);
      role[seg] = '\0';
      if (author_is_role(role)) {
        p += seg + (p[seg] != '\0');
        continue;
      }
    }
    char *cut = NULL;
    size_t skip = 0;
    int comma_cut = 0;
    char *comma = strpbrk(p, ",;");
    if (comma)
      cut = comma, skip = 1, comma_cut = 1;
    for (size_t i = 0; i < sizeof joiners / sizeof *joiners; i++) {
      char *j = strstr(p, joiners[i]);
      if (j && (!cut || j < cut))
        cut = j, skip = strlen(joiners[i]), comma_cut = 0;
    }
    after_comma = comma_cut;
    char part[MAX_BYLINE + 1];
    size_t plen = cut ? (size_t)(cut - p) : strlen(p);
    memcpy(part, p, plen);
    part[plen] = '\0';
    p = cut ? cut + skip : p + plen;
    trim(part);
    for (unsigned flags; (flags = strip_label(part)) != 0;) {
      other = (flags & LABEL_OTHER) != 0;
      trim(part);
    }
    if (other || !*part)
      continue;
    if (is_credential(part) && *prev) {
      /* Attach to the name before: "Jane Doe, MS, RD". */
      size_t k = strlen(prev);
      if (k + 2 + strlen(part) < sizeof prev) {
        memcpy(prev + k, ", ", 2);
        strcpy(prev + k + 2, part);
      }
      continue;
    }
    if (*prev)
      add_name(prev, mem, names, n, cap, &added);
    prev[0] = '\0';
    cut_role(part);
    trim(part);
    halve(part);
    tidy_end(part);
    /* "Posted on" (a byline element that holds the label, its date in the
     * next): the words of a date, no name. */
    if (author_plausible(part) && holds_name(part, strlen(part)))
      strcpy(prev, part);
  }
  if (*prev)
    add_name(prev, mem, names, n, cap, &added);
  return added;
}
