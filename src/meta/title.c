/* Title reconciliation. Headlines are compared as bags of folded words: an
 * <h1> is the headline when nearly all its words are in one of the page's
 * own titles and it covers most of that title (less the site's name). */
#include "meta/title.h"

#include <string.h>
#include <strings.h>

#include "meta/date.h"
#include "meta/mstr.h"
#include "meta/title_form.h"

/* Separators between a title and the site's name. */
static const char *const separators[] = {
    " | ",
    " - ",
    " \xE2\x80\x93 ",
    " \xE2\x80\x94 ",
    " \xC2\xB7 ",
    " \xE2\x80\xA2 ",
    " :: ",
    " \xC2\xBB ",
    " \xC2\xAB ",
    " / ",
    " ~ ",
    "\xEF\xBD\x9C",
    " \xE2\x80\x95 ",
    " \xE2\x80\xBA ",
    " \xE2\x80\xB9 ",
    "| ",
    " |",
    ": ",
};

/* Whether c is written in Chinese, Japanese or Korean (their letters and
 * punctuation, full-width forms), which put no space around a dash. */
static int is_cjk(uint32_t c) {
  return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF01 && c <= 0xFF60);
}

/* The length of a dash or two at t[i] between CJK characters, without the
 * spaces other scripts put around a separator ("…的城！-新华网",
 * "…負面想--上報"); 0 when there is none. */
static size_t cjk_dash(const char *t, size_t i, size_t len) {
  size_t k = 0;
  while (i + k < len && k < 2 && t[i + k] == '-')
    k++;
  if (!k || !i || i + k >= len)
    return 0;
  size_t b = i - 1, adv;
  while (b > 0 && ((unsigned char)t[b] & 0xC0) == 0x80)
    b--;
  return is_cjk(mstr_utf8(t + b, i - b, &adv)) && is_cjk(mstr_utf8(t + i + k, len - i - k, &adv))
             ? k
             : 0;
}

/* The bytes from t[i] to after the bracket that closes the one opening
 * there ("(KARABINER BLUE - HEADPORTER)", "【…】"): a dash inside is no
 * separator. 0 when none opens there or it does not close. */
static size_t bracketed(const char *t, size_t i, size_t len) {
  static const char *const pairs[][2] = {{"(", ")"},
                                         {"[", "]"},
                                         {"\xEF\xBC\x88", "\xEF\xBC\x89"},
                                         {"\xE3\x80\x90", "\xE3\x80\x91"},
                                         {"\xE3\x80\x8C", "\xE3\x80\x8D"}};
  for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
    if (pairs[p][0][0] != t[i])
      continue;
    size_t k = strlen(pairs[p][0]);
    if (strncmp(t + i, pairs[p][0], k))
      continue;
    const char *close = mstr_istr(t + i + k, len - i - k, pairs[p][1]);
    return close ? (size_t)(close - (t + i)) + strlen(pairs[p][1]) : 0;
  }
  return 0;
}

/* Whether the separator t[i..i+k) is a dash between two numbers: a range
 * ("Squad 2024 - 2025", "Ages 8 – 12"), no separator. */
static int number_range(const char *t, size_t i, size_t k, size_t len) {
  const char *d = t + i + strspn(t + i, " ");
  int dash = *d == '-' || !strncmp(d, "\xE2\x80\x93", 3) || !strncmp(d, "\xE2\x80\x94", 3);
  return dash && i > 0 && i + k < len && t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + k] >= '0' &&
         t[i + k] <= '9';
}

size_t title_split(const char *t, title_segment *seg) {
  size_t n = 0, len = strlen(t), start = 0, i = 0;
  while (i < len && n + 1 < TITLE_MAX_SEGMENTS) {
    size_t k = bracketed(t, i, len), s;
    if (k) {
      i += k;
      continue;
    }
    for (s = 0; s < sizeof separators / sizeof *separators; s++) {
      if (separators[s][0] != t[i] || separators[s][1] != t[i + 1])
        continue; /* most bytes start none: no strlen, no strncmp */
      k = strlen(separators[s]);
      if (!strncmp(t + i, separators[s], k))
        break;
    }
    if ((s == sizeof separators / sizeof *separators && (k = cjk_dash(t, i, len)) == 0) ||
        (s < sizeof separators / sizeof *separators && number_range(t, i, k, len))) {
      i++;
      continue;
    }
    if (i > start) {
      seg[n].start = start;
      seg[n].end = i;
      seg[n].colon = n > 0 && seg[n].colon;
      n++;
    }
    seg[n].colon = s < sizeof separators / sizeof *separators && !strcmp(separators[s], ": ");
    i += k;
    start = i;
  }
  if (start < len) {
    seg[n].start = start;
    seg[n].end = len;
    if (n == 0)
      seg[n].colon = 0;
    n++;
  }
  return n;
}

size_t title_words(const char *s, size_t len, uint32_t *w) {
  return mstr_words(s, len, w, TITLE_MAX_WORDS);
}

/* Whether s[0..len) is a name of three words or more whose initials spell
 * a label of the host name before its suffix, its small words aside
 * ("Occupational Safety and Health Administration" for osha.gov). */
static int host_initials(const char *s, size_t len, const char *host) {
  static const char *const small[] = {"and", "of",  "the", "for", "de",  "du", "des", "la",
                                      "le",  "der", "die", "das", "und", "y",  "et"};
  char ini[16];
  size_t n = 0, at[TITLE_MAX_WORDS], end[TITLE_MAX_WORDS];
  uint32_t w[TITLE_MAX_WORDS];
  size_t nw = mstr_word_spans(s, len, w, at, end, TITLE_MAX_WORDS);
  for (size_t i = 0; i < nw; i++) {
    size_t k = 0;
    while (k < sizeof small / sizeof *small && !(end[i] - at[i] == strlen(small[k]) &&
                                                 !strncasecmp(s + at[i], small[k], end[i] - at[i])))
      k++;
    if (k < sizeof small / sizeof *small)
      continue;
    char c = s[at[i]];
    if (n + 1 >= sizeof ini || !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
      return 0;
    ini[n++] = (char)(c | 0x20);
  }
  if (n < 3 || !host)
    return 0;
  /* The labels before the suffix: not the last ("Counting On Me" is no
   * ".com"), nor the one before a country's two letters ("abc.net.au"). */
  const char *label[16];
  size_t nl = 0, ll[16];
  for (const char *h = host; *h && nl < 16;) {
    label[nl] = h;
    ll[nl] = strcspn(h, ".");
    h += ll[nl++];
    if (*h)
      h++;
  }
  size_t names = nl ? nl - 1 : 0;
  if (names >= 2 && ll[nl - 1] == 2)
    names--;
  for (size_t i = 0; i < names; i++)
    if (ll[i] == n && !strncmp(label[i], ini, n))
      return 1;
  return 0;
}

/* Whether s[0..len) is the site's name, or its host name spelt out
 * (its words run together, or their initials). */
static int is_site(const char *s, size_t len, const title_input *in) {
  uint32_t w[TITLE_MAX_WORDS], sw[TITLE_MAX_WORDS];
  size_t nw = title_words(s, len, w);
  if (!nw)
    return 0;
  if (host_initials(s, len, in->host))
    return 1;
  for (size_t i = 0; i < in->nsites; i++) {
    size_t ns = title_words(in->sites[i], strlen(in->sites[i]), sw);
    if (!ns)
      continue;
    size_t ov = mstr_overlap(w, nw, sw, ns);
    if (ov * 5 >= nw * 4 && ov * 5 >= ns * 4)
      return 1;
  }
  if (in->host && nw <= 5) {
    /* The words run together, against each label of the host name. */
    char squashed[96];
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < sizeof squashed; i++) {
      char c = s[i];
      if (c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        squashed[k++] = c;
    }
    squashed[k] = '\0';
    if (k < 3)
      return 0;
    const char *h = in->host;
    while (*h) {
      size_t l = strcspn(h, ".");
      if (l >= 3 && (l == k || l + 3 == k) && !strncmp(h, squashed + (k - l), l) &&
          (l == k || !strncmp(squashed, "the", 3)))
        return 1;
      /* "example.com" written whole */
      h += l;
      if (*h)
        h++;
    }
    size_t hl = strlen(in->host);
    char hostsq[96];
    size_t m = 0;
    for (size_t i = 0; i < hl && m + 1 < sizeof hostsq; i++)
      if (in->host[i] != '.' && in->host[i] != '-')
        hostsq[m++] = in->host[i];
    hostsq[m] = '\0';
    if (strstr(hostsq, squashed) && k >= 6)
      return 1;
  }
  return 0;
}

/* Whether s[0..len) names no page but a site's home ("Home", "Homepage"). */
static int home_word(const char *s, size_t len) {
  static const char *const words[] = {"home",   "homepage", "home page", "startseite", "accueil",
                                      "inicio", "welcome",  "main page", "front page"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (len == strlen(words[i]) && mstr_istarts(s, words[i]))
      return 1;
  return 0;
}

/* Whether s[0..len) is a date and nothing else ("23.01.2022", "9 oktober
 * 2020 11:12"). */
static int is_date(const char *s, size_t len) {
  meta_date d;
  size_t at, end;
  if (!date_find_span(s, len, DATE_DMY, 0, &d, &at, &end) || at > 0)
    return 0;
  for (; end < len; end++)
    if (!strchr("0123456789:., ", s[end]))
      return 0;
  return 1;
}

/* t without the parts that name the site; guess: also a short last part
 * after a long headline when no name is known. *off gets OFF_END when
 * parts came off its end (OFF_NAMED_END too when they name the site, not
 * guessed), OFF_FRONT when they came off its start. */
enum { OFF_END = 1, OFF_NAMED_END = 2, OFF_FRONT = 4 };
static const char *strip_site(const char *t, const title_input *in, arena *mem, int guess,
                              unsigned *off) {
  *off = 0;
  if (!t)
    return NULL;
  title_segment seg[TITLE_MAX_SEGMENTS];
  size_t n = title_split(t, seg);
  if (n <= 1)
    return t;
  size_t first = 0, last = n; /* kept: seg[first..last) */
  /* A date is no part of a title ("23.01.2022 - Headline - Site"). */
  while (last - first > 1 && is_date(t + seg[first].start, seg[first].end - seg[first].start))
    first++;
  while (last - first > 1 &&
         is_date(t + seg[last - 1].start, seg[last - 1].end - seg[last - 1].start))
    last--;
  size_t dated_first = first, dated_last = last;
  int changed = 1;
  while (changed && last - first > 1) {
    changed = 0;
    const title_segment *e = &seg[last - 1];
    if (is_site(t + e->start, e->end - e->start, in)) {
      last--;
      changed = 1;
      continue;
    }
    /* A home page's title is the site's own: "Brand | What we do" keeps
     * its brand; only one after it ("What we do | Brand") comes off, with
     * the search words that may follow it ("What we do | Brand | Therapy
     * | Counseling"). */
    if (in->home) {
      for (size_t i = first + 1; i < last; i++)
        if (!seg[i].colon && is_site(t + seg[i].start, seg[i].end - seg[i].start, in)) {
          last = i;
          break;
        }
      break;
    }
    /* "Site: Headline" keeps its site: the colon makes it one phrase. */
    const title_segment *b = &seg[first];
    if (!seg[first + 1].colon && is_site(t + b->start, b->end - b->start, in)) {
      first++;
      changed = 1;
    }
  }
  size_t named_last = last;
  /* No known site name: "Headline | Site" still reads so when the last
   * part is a short name after a long headline. Colons join a title's own
   * parts ("Guide: How to ..."), so they are left alone. */
  if (guess && first == dated_first && last == dated_last && last - first > 1 && !in->home) {
    const title_segment *e = &seg[last - 1];
    if (!e->colon) {
      uint32_t w[TITLE_MAX_WORDS];
      size_t ne = title_words(t + e->start, e->end - e->start, w);
      size_t nr = title_words(t + seg[first].start, seg[last - 2].end - seg[first].start, w);
      if (ne <= 4 && nr >= ne + 2)
        last--;
    }
  }
  /* The colon of "Site: Headline" stays when the site did not come off. */
  if (last - first == n)
    return t;
  *off = (last < dated_last ? OFF_END : 0) | (named_last < dated_last ? OFF_NAMED_END : 0) |
         (first > dated_first ? OFF_FRONT : 0);
  size_t s = seg[first].start, e = seg[last - 1].end;
  /* What is left names only the home page ("Home | The Blog"): the
   * title is the site's name. */
  if (home_word(t + s, e - s)) {
    if (first == 0)
      s = seg[last].start, e = seg[n - 1].end;
    else
      s = seg[0].start, e = seg[first - 1].end;
  }
  return mstr_clean(mem, t + s, e - s, 2000);
}

const char *title_strip_site(const char *t, const title_input *in, arena *mem) {
  unsigned off;
  return strip_site(t, in, mem, 1, &off);
}

const char *title_site_part(const char *doc_title, const char *title, const char *home_text,
                            const title_input *in, arena *mem) {
  if (!doc_title || !title)
    return NULL;
  title_segment seg[TITLE_MAX_SEGMENTS];
  size_t n = title_split(doc_title, seg);
  if (n < 2 || seg[n - 1].colon)
    return NULL;
  const title_segment *e = &seg[n - 1];
  const char *part = doc_title + e->start;
  size_t len = e->end - e->start;
  uint32_t w[TITLE_MAX_WORDS], t[TITLE_MAX_WORDS], h[TITLE_MAX_WORDS];
  size_t nw = title_words(part, len, w);
  size_t nt = title_words(title, strlen(title), t);
  size_t nh = title_words(doc_title + seg[0].start, seg[n - 2].end - seg[0].start, h);
  if (!nw || nw > 6 || !nt || mstr_overlap(h, nh, t, nt) != nt || nh != nt)
    return NULL; /* not "Headline | Site" for the headline chosen */
  int named = is_site(part, len, in);
  if (!named && home_text) {
    size_t nl = title_words(home_text, strlen(home_text), h);
    named = nl == nw && mstr_overlap(w, nw, h, nl) == nw;
  }
  return named ? mstr_clean(mem, part, len, 300) : NULL;
}

/* How well heading h agrees with title t: the share of h's words in t, and
 * the share of t's words in h. */
static void agreement(const char *h, const char *t, double *in_t, double *covers) {
  uint32_t hw[TITLE_MAX_WORDS], tw[TITLE_MAX_WORDS];
  size_t nh = title_words(h, strlen(h), hw), nt = title_words(t, strlen(t), tw);
  *in_t = *covers = 0;
  if (!nh || !nt)
    return;
  size_t ov = mstr_overlap(hw, nh, tw, nt);
  *in_t = (double)ov / (double)nh;
  *covers = (double)ov / (double)nt;
}

/* The title up to its first strong separator (a title's own colon stays),
 * when that leaves at least min_words words. */
static int first_part(const char *t, size_t min_words, size_t *end) {
  title_segment seg[TITLE_MAX_SEGMENTS];
  size_t n = title_split(t, seg);
  for (size_t i = 1; i < n; i++) {
    if (seg[i].colon)
      continue;
    uint32_t w[TITLE_MAX_WORDS];
    if (title_words(t, seg[i - 1].end, w) < min_words)
      return 0;
    *end = seg[i - 1].end;
    return 1;
  }
  return 0;
}

/* Where t's last part starts after its last strong separator (a title's
 * own colon stays), when that leaves at least min_words words. */
static int last_part(const char *t, size_t min_words, size_t *start) {
  title_segment seg[TITLE_MAX_SEGMENTS];
  size_t n = title_split(t, seg);
  for (size_t i = n; i-- > 1;) {
    if (seg[i].colon)
      continue;
    uint32_t w[TITLE_MAX_WORDS];
    if (title_words(t + seg[i].start, strlen(t + seg[i].start), w) < min_words)
      return 0;
    *start = seg[i].start;
    return 1;
  }
  return 0;
}

size_t title_anchor_end(const char *t, size_t len) {
  for (;;) {
    const unsigned char *u = (const unsigned char *)t;
    if (len >= 2 && u[len - 2] == 0xC2 && (u[len - 1] == 0xB6 || u[len - 1] == 0xA7))
      len -= 2; /* pilcrow, section sign */
    else if (len > 1 && (t[len - 1] == '#' || t[len - 1] == ' '))
      len--;
    else if (len >= 4 && u[len - 4] == 0xF0 && u[len - 3] == 0x9F && u[len - 2] == 0x94 &&
             u[len - 1] == 0x97)
      len -= 4; /* U+1F517 link */
    else if (len > 3 && u[len - 3] == 0xEE && u[len - 2] >= 0x80 && u[len - 2] <= 0xBF &&
             u[len - 1] >= 0x80 && u[len - 1] <= 0xBF)
      len -= 3; /* U+E000..U+EFFF: an icon font's glyph */
    else if (len > 3 && u[len - 3] == 0xEF && u[len - 2] >= 0x80 && u[len - 2] <= 0xA3 &&
             u[len - 1] >= 0x80 && u[len - 1] <= 0xBF)
      len -= 3; /* U+F000..U+F8FF, as above */
    else
      return len;
  }
}

/* Whether part p of t is a label that stands between a site's name and
 * the page's own title: a forum's "View topic". */
static int is_label(const char *t, const title_segment *p) {
  static const char *const labels[] = {"view topic", "view thread", "thread", "topic"};
  for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
    if (p->end - p->start == strlen(labels[k]) && mstr_istarts(t + p->start, labels[k]))
      return 1;
  return 0;
}

/* Whether h says the same words as t[0..len). */
int title_same_words_n(const char *h, const char *t, size_t len) {
  uint32_t hw[TITLE_MAX_WORDS], tw[TITLE_MAX_WORDS];
  size_t nh = title_words(h, strlen(h), hw), nt = t ? title_words(t, len, tw) : 0;
  return nh && nh == nt && mstr_overlap(hw, nh, tw, nt) == nh;
}

static int same_words(const char *h, const char *t) {
  return title_same_words_n(h, t, t ? strlen(t) : 0);
}

/* Whether a title for machines holds heading h whole and then more parts
 * ("Headline – its own end | Site" under "<h1>Headline – its own end"):
 * the site's name is in those, and h's last part after a dash, slash or
 * colon is the headline's own. A bar is no headline's punctuation: what
 * follows one is a section's or a topic's name ("Best Movers | Top 19
 * Companies"). */
static int continued_in_title(const char *h, const title_input *in) {
  title_segment hs[TITLE_MAX_SEGMENTS];
  size_t nh = title_split(h, hs);
  if (nh >= 2 && memchr(h + hs[nh - 2].end, '|', hs[nh - 1].start - hs[nh - 2].end))
    return 0;
  const char *titles[5] = {in->doc_title, in->og_title, in->ld_headline, in->tw_title,
                           in->meta_title};
  for (int r = 0; r < 5; r++) {
    title_segment seg[TITLE_MAX_SEGMENTS];
    size_t n = titles[r] ? title_split(titles[r], seg) : 0;
    for (size_t k = 1; k < n; k++)
      if (title_same_words_n(h, titles[r], seg[k - 1].end))
        return 1;
  }
  return 0;
}

/* Whether c parts a title from what stands beside it ("/", "|", ",", "-",
 * a dash, a bullet): a title neither opens nor ends with one. Not a
 * guillemet: French sets a space inside them ("« Il y a »"). */
static int separator_char(uint32_t c) {
  return (c < 0x80 && strchr("/|,;:-~", (int)c)) || c == 0xB7 || c == 0x2013 || c == 0x2014 ||
         c == 0x2022;
}

/* t[0..len) without separators standing alone at either end ("/ CREATIVE
 * AGENCY PORTFOLIO"; ", , Statistics", a template's empty fields; "News
 * |"): *start gets where the rest starts, the rest's length is returned.
 * A separator that touches a word stays ("-5 degrees", "AC/DC"). */
static size_t without_lone_separators(const char *t, size_t len, size_t *start) {
  size_t a = 0, adv;
  while (a < len) {
    uint32_t c = mstr_utf8(t + a, len - a, &adv);
    if (!separator_char(c) || a + adv >= len || t[a + adv] != ' ')
      break;
    a += adv;
    while (a < len && t[a] == ' ')
      a++;
  }
  size_t e = len;
  while (e > a + 1) {
    size_t b = e - 1;
    while (b > a && ((unsigned char)t[b] & 0xC0) == 0x80)
      b--;
    if (b == a || t[b - 1] != ' ' || !separator_char(mstr_utf8(t + b, e - b, &adv)))
      break;
    e = b - 1;
    while (e > a && t[e - 1] == ' ')
      e--;
  }
  *start = a;
  return e - a;
}

/* Whether the separator after t[0..end) is a dash of the headline's own:
 * on a page that says it is an article, the site's name came off after
 * it ("Headline — And They're Not Great - Digg"; off: what came off, as
 * strip_site says). A bar parts sections; so does a dash on a shop's or
 * a service's page ("Travel Insurance - Flight Quotes | Site"). */
static int headline_dash(const char *t, size_t end, const title_input *in, unsigned off) {
  const char *g = t + end + strspn(t + end, " ");
  return in->article && (off & OFF_NAMED_END) &&
         (*g == '-' || !strncmp(g, "\xE2\x80\x93", 3) || !strncmp(g, "\xE2\x80\x94", 3));
}

/* The finishing touches: anchors' pilcrows off the end, forum prefixes
 * ("Thread:") off the start, the site's name off either end, and, unless t
 * is a visible heading, what follows the first strong separator
 * ("Headline | Section | Site") unless it is the headline's own dash
 * (headline_dash; off: what came off t before, as strip_site says), or,
 * when the site's name came off its front only, what precedes the last
 * one ("Site » Section » Title"). */
static const char *finish_as(const char *t, const title_input *in, arena *mem, int heading,
                             unsigned off) {
  if (!t)
    return NULL;
  static const char *const prefixes[] = {
      "thread:", "topic:",           "title:",     "re:",   "view topic -",
      "blog: ",  "browse subject: ", "category: ", "tag: ", "archives: "};
  size_t len = strlen(t), start = 0;
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
    if (mstr_istarts(t, prefixes[i]) && len > strlen(prefixes[i]) + 3) {
      start = strlen(prefixes[i]);
      break;
    }
  len = start + title_anchor_end(t + start, len - start);
  const char *c = mstr_clean(mem, t + start, len - start, 4000);
  if (!c)
    return NULL;
  size_t from, kept = without_lone_separators(c, strlen(c), &from);
  if (kept != strlen(c) && !(c = mstr_clean(mem, c + from, kept, 4000)))
    return NULL;
  unsigned more;
  /* Once the site's name came off, no other part is guessed to be it. */
  int guess = !(off & OFF_NAMED_END) && (!heading || !continued_in_title(c, in));
  c = strip_site(c, in, mem, guess, &more);
  off |= more;
  /* A forum's "Site • View topic - Title": what follows the label. */
  if (c) {
    title_segment seg[TITLE_MAX_SEGMENTS];
    size_t n = title_split(c, seg);
    for (size_t i = 0; i + 1 < n; i++)
      if (is_label(c, &seg[i])) {
        c = mstr_clean(mem, c + seg[i + 1].start, strlen(c) - seg[i + 1].start, 4000);
        break;
      }
  }
  size_t end;
  /* A visible headline is whole: its dash or bar joins its own parts
   * ("Spiral - How Small Languages Die"); only the page's titles for
   * machines carry sections and sites after theirs. */
  if (heading)
    return c;
  if (c && !in->home && (off & (OFF_FRONT | OFF_END)) == OFF_FRONT) {
    /* "Site » Section » Title": after a site's name at the front, the
     * parts go from the site's sections to the page's own title. */
    size_t at;
    if (last_part(c, 2, &at)) {
      const char *l = mstr_clean(mem, c + at, strlen(c) - at, 4000);
      return l && !is_site(l, strlen(l), in) ? l : c;
    }
  }
  if (c && !in->home && first_part(c, 2, &end) && end > 0 && !headline_dash(c, end, in, off)) {
    const char *f = mstr_clean(mem, c, end, 4000);
    if (f && !is_site(f, strlen(f), in))
      c = f;
  }
  return c;
}

static const char *finish(const char *t, const title_input *in, arena *mem, unsigned off) {
  return finish_as(t, in, mem, 0, off);
}

/* Whether heading h is, word for word, the last part of title t and not
 * its first ("What is Ownership? - The Rust Programming Language" under an
 * <h1> of the book's name): the name of the site, the book, the blog. A
 * site's name is short, or its heading stands in the page's chrome; a
 * colon joins a title's own parts. */
static int is_last_part(const char *h, int chrome, const char *t) {
  title_segment seg[TITLE_MAX_SEGMENTS];
  size_t n = t ? title_split(t, seg) : 0;
  if (n < 2)
    return 0;
  uint32_t hw[TITLE_MAX_WORDS], lw[TITLE_MAX_WORDS], fw[TITLE_MAX_WORDS];
  size_t nh = title_words(h, strlen(h), hw);
  const title_segment *l = &seg[n - 1];
  size_t nl = title_words(t + l->start, l->end - l->start, lw);
  size_t nf = title_words(t + seg[0].start, seg[0].end - seg[0].start, fw);
  return nh && nh == nl && mstr_overlap(hw, nh, lw, nl) == nh &&
         mstr_overlap(hw, nh, fw, nf) < nh && !l->colon && (chrome || nf >= nl);
}

/* Step 1: what comes before a label in the <title> ("Site • View topic -
 * Title") is the site's name; and the <h1>s that name the site, not the
 * page, join the site's names: one that links to the home page, or one
 * that is word for word the last part of the <title> when no shared title
 * says the same. */
static void set_aside_site_headings(title_input *in, arena *mem) {
  title_segment seg[TITLE_MAX_SEGMENTS];
  size_t n = in->doc_title ? title_split(in->doc_title, seg) : 0;
  for (size_t i = 1; i + 1 < n && in->nsites < TITLE_MAX_SITES; i++)
    if (is_label(in->doc_title, &seg[i])) {
      const char *site = mstr_clean(mem, in->doc_title, seg[i - 1].end, 300);
      if (site)
        in->sites[in->nsites++] = site;
      break;
    }
  for (size_t i = 0; i < in->nh1; i++) {
    const char *h = in->h1[i].text;
    if (!h)
      continue;
    int site = in->h1[i].home_link ||
               (is_last_part(h, in->h1[i].chrome, in->doc_title) && !same_words(h, in->og_title) &&
                !same_words(h, in->ld_headline) && !same_words(h, in->tw_title));
    if (site) {
      if (in->nsites < TITLE_MAX_SITES)
        in->sites[in->nsites++] = h;
      in->h1[i].text = NULL;
    }
  }
}

/* Step 2: whether heading h agrees with title t (the site's name off):
 * it is word for word t's first part ("Software" of "Software | Campus
 * News"; the rest is the site's, however worded); or most of its words
 * are in t and it says most of t; or, outside the chrome, a short heading
 * wholly in t ("Hiking Boots" of "Hiking Boots: Shop Boots for Hiking")
 * or a longer one holding all of t. In the chrome (a menu's, a banner's
 * heading) a word or two of t is a section's name, not the headline. */
static int agrees(const char *h, int chrome, const char *t) {
  title_segment seg[TITLE_MAX_SEGMENTS];
  size_t n = title_split(t, seg);
  if (n >= 2 && !seg[1].colon && title_same_words_n(h, t + seg[0].start, seg[0].end - seg[0].start))
    return 1;
  double in_t, covers;
  agreement(h, t, &in_t, &covers);
  if (in_t >= 0.75 && covers >= 0.5)
    return 1;
  return !chrome && ((in_t >= 0.99 && covers >= 0.2) || (covers >= 0.99 && in_t >= 0.6));
}

/* The page's one headline: its only <h1> outside the chrome (repeated
 * or not), no longer than a headline and not the site's name; or -1. */
static int one_headline(const title_input *in) {
  int one = -1;
  for (size_t i = 0; i < in->nh1; i++) {
    if (!in->h1[i].text || in->h1[i].chrome)
      continue;
    if (one < 0)
      one = (int)i;
    else if (strcmp(in->h1[one].text, in->h1[i].text))
      return -1;
  }
  if (one < 0)
    return -1;
  const char *h = in->h1[one].text;
  uint32_t w[TITLE_MAX_WORDS];
  size_t nw = title_words(h, strlen(h), w);
  return nw && nw <= 40 && !is_site(h, strlen(h), in) ? one : -1;
}

/* Step 3: whether the page's one headline h stands against titles worded
 * otherwise, because they do not name this page: on a page that says it
 * is an article, when h shares at least 30% of its words with a title
 * readers see (the <title>, og:title, JSON-LD headline; a twitter:title
 * or a meta title is often a summary; a blog's name in an <h1> shares
 * none); or when the page's only title is a <title> in parts ("Site -
 * Its tagline", on every page) with not a word of h. */
static int headline_stands(const char *h, const title_input *in) {
  if (in->article) {
    const char *seen[3] = {in->doc_title, in->og_title, in->ld_headline};
    for (int r = 0; r < 3; r++) {
      double in_t, covers;
      if (!seen[r])
        continue;
      agreement(h, seen[r], &in_t, &covers);
      if (in_t >= 0.3)
        return 1;
    }
  }
  if (!in->doc_title || in->og_title || in->ld_headline || in->tw_title || in->meta_title)
    return 0;
  uint32_t w[TITLE_MAX_WORDS];
  if (title_words(h, strlen(h), w) < 2)
    return 0;
  title_segment seg[TITLE_MAX_SEGMENTS];
  size_t n = title_split(in->doc_title, seg);
  if (!((n >= 2 && !seg[1].colon) || (n == 1 && seg[0].start > 0)))
    return 0; /* not in parts: "Site - Tagline", or "| Site" */
  double in_t, covers;
  agreement(h, in->doc_title, &in_t, &covers);
  return in_t == 0;
}

/* Step 4: the titles for machines, best first (stripped: the site's name
 * off), by index: JSON-LD headline 0, og:title 1, twitter:title 2, meta
 * title 3, <title> 4. One that is only the site's name or "Home" is none,
 * so is one that was the site's name whole before stripping (og:title
 * and og:site_name ".:: NMB-MEDIA ::. eBay-Templates, JTL-Wawi /
 * Eazyauction Designvorlagen": the strip's guess took a part of it off),
 * but on a home page, whose title is the site's name;
 * a shared title (og:title, twitter:title) that shares under a third of
 * its words with the <title> is a slogan ("We're Really Good at Email"
 * for "Email Marketing Tools | Site"): the <title> names the page; unless
 * the JSON-LD headline or the meta title says it too (a <title> "BeFifty -
 * Der Blog für Frauen über 50" on every page is the site's own). */
static const char *best_title(const char *const stripped[5], const char *const refs[5],
                              const title_input *in) {
  static const int order[5] = {1, 2, 4, 3, 0};
  const char *doc = stripped[4];
  for (int k = 0; k < 5; k++) {
    const char *s = stripped[order[k]], *r = refs[order[k]];
    if (!s || is_site(s, strlen(s), in) || home_word(s, strlen(s)) ||
        (!in->home && is_site(r, strlen(r), in)))
      continue;
    if (s != doc && (order[k] == 1 || order[k] == 2) && doc && !is_site(doc, strlen(doc), in)) {
      double in_t, covers;
      agreement(s, doc, &in_t, &covers);
      if (in_t < 0.34 && !same_words(s, stripped[0]) && !same_words(s, stripped[3]))
        return doc;
    }
    return s;
  }
  return NULL;
}

/* What came off the page's titles that say stripped title t (one of
 * stripped[]) word for word, as strip_site says. */
static unsigned off_of(const char *t, const char *const stripped[5], const unsigned off[5]) {
  unsigned o = 0;
  for (int i = 0; i < 5; i++)
    if (t == stripped[i] || (stripped[i] && same_words(t, stripped[i])))
      o |= off[i];
  return o;
}

/* The title from heading h: the title for machines it says after its
 * kicker; its leading part before a tail that is no part of the
 * headline; else h itself, spelt as a title for machines spells it when h
 * is spelt worse (spelt_better). */
static const char *headline(const title_heading *h, const char *const stripped[5],
                            const unsigned off[5], const title_input *in, arena *mem) {
  const char *tail = title_after_kicker(h, stripped);
  if (tail)
    return finish(tail, in, mem, off_of(tail, stripped, off));
  const char *lead = title_lead_before_tail(h, in);
  const char *t = finish_as(lead ? lead : h->text, in, mem, 1, 0);
  const char *better = t ? title_spelt_better(t, stripped) : NULL;
  return better ? finish_as(better, in, mem, 1, 0) : t;
}

/* The procedure docs/json.md describes ("Title"): the first step that
 * gives a title ends it. */
const char *title_choose(const title_input *in_, arena *mem, int *from_h1) {
  title_input copy = *in_;
  title_input *in = &copy;
  *from_h1 = -1;
  set_aside_site_headings(in, mem);
  const char *refs[5] = {in->ld_headline, in->og_title, in->tw_title, in->meta_title,
                         in->doc_title};
  const char *stripped[5];
  unsigned off[5];
  for (int i = 0; i < 5; i++)
    stripped[i] = strip_site(refs[i], in, mem, 1, &off[i]);
  /* Step 2: the first <h1> that agrees with one of the titles. */
  for (size_t i = 0; i < in->nh1; i++) {
    const char *h = in->h1[i].text;
    if (!h || is_site(h, strlen(h), in))
      continue;
    for (int r = 0; r < 5; r++)
      if (stripped[r] && agrees(h, in->h1[i].chrome, stripped[r])) {
        *from_h1 = (int)i;
        return headline(&in->h1[i], stripped, off, in, mem);
      }
  }
  int one = one_headline(in);
  if (one >= 0 && headline_stands(in->h1[one].text, in)) {
    *from_h1 = one;
    return headline(&in->h1[one], stripped, off, in, mem);
  }
  const char *t = best_title(stripped, refs, in);
  if (t)
    return finish(t, in, mem, off_of(t, stripped, off));
  /* Step 5: the first <h1> outside the page's chrome, else any title; on
   * a site's home page whose titles all name the site, the site's name
   * (its <h1>s head its sections: "About", a post's "The Great"). A home
   * page with no title at all keeps its <h1>. */
  int titled = 0;
  for (int r = 0; r < 5; r++)
    titled |= stripped[r] != NULL;
  for (size_t i = 0; i < in->nh1 && !(in->home && titled); i++)
    if (in->h1[i].text && !in->h1[i].chrome) {
      *from_h1 = (int)i;
      return finish_as(in->h1[i].text, in, mem, 1, 0);
    }
  for (int r = 4; r >= 0; r--)
    if (stripped[r])
      return finish(stripped[r], in, mem, off[r]);
  return NULL;
}

int title_names_site(const char *s, const title_input *in) {
  return s && in && is_site(s, strlen(s), in);
}
