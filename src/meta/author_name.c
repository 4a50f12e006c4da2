/* Whether a string reads as an author's name: a person's or an
 * organisation's (author_plausible), not a role (author_is_role), a news
 * agency (author_is_agency); and whether a link leads to an author's page
 * (author_page_href). */
#include <string.h>

#include "meta/author.h"
#include "meta/mstr.h"

static const char *const roles[] = {
    "writer",
    "editor",
    "reporter",
    "correspondent",
    "staff",
    "contributor",
    "contributing",
    "journalist",
    "columnist",
    "photographer",
    "editorial",
    "redaktion",
    "redakteur",
    "redakteurin",
    "minutes",
    "min read",
    "comments",
    "share",
    "follow",
    "views",
    "updated",
    "published",
    "posted",
    "read more",
    "click",
    "subscribe",
    "newsletter",
    "sign in",
    "log in",
    "login",
    "home",
    "menu",
    "search",
    "rédaction",
    "redacción",
    "redazione",
    "anonymous",
    "unknown",
    "guest",
    "admin",
    "administrator",
    "webmaster",
    "about the author",
    "more from",
    "view all",
    "all posts",
    "profile",
    "privacy",
    "expert",
    "manager",
    "director",
    "founder",
    "co-founder",
    "coordinator",
    "specialist",
    "consultant",
    "officer",
    "president",
    "ceo",
    "cto",
    "strategist",
    "analyst",
    "engineer",
    "developer",
    "designer",
    "owner",
    "chief",
    "head of",
    "marketing",
    "team lead",
    "professor",
    "lecturer",
    "researcher",
    "scientist",
    "dietitian",
    "nutritionist",
    "therapist",
    "winemaker",
    "product",
    "content",
    "former",
    "senior",
    "junior",
    "intern",
    "skip to",
    "comment",
    "research",
    "jobs",
    "blog",
    "shop",
};

static int word_boundary(const char *s, size_t i) {
  unsigned char c = (unsigned char)s[i];
  return !c || c == ' ' || c == ',' || c == '.' || c == ':' || c == ';' || c == '-';
}

/* Whether s holds a word of a role ("Staff Writer", "Head of Research"),
 * a job rather than a name. */
int author_is_role(const char *s) {
  for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
    const char *p = mstr_istr(s, strlen(s), roles[i]);
    if (p && (p == s || p[-1] == ' ') && word_boundary(p, strlen(roles[i])))
      return 1;
  }
  return 0;
}

/* Whether a word of s is a host name ("Cleveland.com"): a site, not a
 * person. */
static int has_host_name(const char *s) {
  for (const char *p = strchr(s, '.'); p; p = strchr(p + 1, '.')) {
    size_t k = 0;
    while (p[1 + k] >= 'a' && p[1 + k] <= 'z')
      k++;
    if (p > s && mstr_is_alnum((unsigned char)p[-1]) && k >= 2 && k <= 4 &&
        (!p[1 + k] || p[1 + k] == ' ' || p[1 + k] == '/'))
      return 1;
  }
  return 0;
}

static int is_calendar_word(const char *s) {
  static const char *const words[] = {"monday",    "tuesday", "wednesday", "thursday", "friday",
                                      "saturday",  "sunday",  "mon",       "tue",      "wed",
                                      "thu",       "fri",     "sat",       "sun",      "today",
                                      "yesterday", "updated", "published"};
  return mstr_ieq_any(s, words, sizeof words / sizeof *words);
}

/* A byline that signs for a group ("EcoCult Staff", "Great Day Editorial
 * Team", "SFist Contributor"): the group's name and a word for it, no
 * role of a person. */
static int collective(const char *s, int words) {
  static const char *const groups[] = {"staff", "team", "contributor", "contributors", "editors"};
  const char *last = strrchr(s, ' ');
  if (!last || words > 4 || !((unsigned char)s[0] >= 'A' && (unsigned char)s[0] <= 'Z'))
    return 0;
  return mstr_ieq_any(last + 1, groups, sizeof groups / sizeof *groups);
}

/* Whether w[0..n) is initials run together, less the last dot ("A.J",
 * "J.R.R"): capitals and dots in turn. */
static int initials(const char *w, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (k % 2 ? w[k] != '.' : !(w[k] >= 'A' && w[k] <= 'Z'))
      return 0;
  return 1;
}

int author_plausible(const char *s) {
  size_t n = strlen(s);
  if (is_calendar_word(s))
    return 0;
  if (n < 2 || n > 80)
    return 0;
  /* "page.head.extra.author", "{{author}}", "undefined": template
   * placeholders. */
  if (!strchr(s, ' ') && mstr_istr(s, n, "author"))
    return 0;
  if (mstr_ieq(s, "undefined") || mstr_ieq(s, "null") || mstr_ieq(s, "none") ||
      mstr_ieq(s, "n/a") || mstr_ieq(s, "no author") || mstr_ieq(s, "publisher"))
    return 0;
  if (strstr(s, "://") || strstr(s, "www.") || has_host_name(s) || strchr(s, '@') ||
      strchr(s, '?') || strchr(s, '!') || strchr(s, '{') || strchr(s, '<') || strchr(s, '=') ||
      strchr(s, '#'))
    return 0;
  int words = 1, letters = 0, digits = 0, lower_start = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ') {
      words++;
      if (s[i + 1] >= 'a' && s[i + 1] <= 'z')
        lower_start++;
    } else if (c >= '0' && c <= '9') {
      digits++;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
      letters++;
    }
  }
  if (!letters || words > 7)
    return 0;
  /* "USF. It": a sentence's end, not an initial ("B. Diddy", "Dr. Li",
   * "A.J. Neal"). */
  for (const char *p = strstr(s, ". "); p; p = strstr(p + 1, ". ")) {
    const char *w = p;
    while (w > s && w[-1] != ' ')
      w--;
    size_t wl = (size_t)(p - w);
    if (wl > 2 && !(wl == 3 && (w[0] == 'M' || w[0] == 'D' || w[0] == 'J' || w[0] == 'S')) &&
        !initials(w, wl))
      return 0;
  }
  /* Digits: a user name ("sam84"), never a phrase. */
  if (digits && words > 1)
    return 0;
  if (s[0] >= '0' && s[0] <= '9')
    return 0;
  /* A phrase of lower-case words is a sentence, not a name ("van", "de"
   * particles aside). */
  if (words >= 3 && lower_start >= words - 1 && s[0] >= 'a' && s[0] <= 'z')
    return 0;
  if (words >= 4 && lower_start > 2)
    return 0;
  return !author_is_role(s) || collective(s, words);
}

int author_is_agency(const char *s) {
  static const char *const agencies[] = {"reuters",
                                         "ap",
                                         "associated press",
                                         "afp",
                                         "agence france-presse",
                                         "xinhua",
                                         "dpa",
                                         "efe",
                                         "ansa",
                                         "tass",
                                         "ria novosti",
                                         "kyodo",
                                         "yonhap",
                                         "pti",
                                         "ians",
                                         "upi",
                                         "anp",
                                         "pa",
                                         "press association",
                                         "bloomberg",
                                         "apa",
                                         "sda",
                                         "ntb",
                                         "tt",
                                         "ritzau",
                                         "belga",
                                         "ctk",
                                         "pap",
                                         "mti",
                                         "anadolu",
                                         "aap",
                                         "cna",
                                         "bernama",
                                         "antara",
                                         "xinhua news agency"};
  return mstr_ieq_any(s, agencies, sizeof agencies / sizeof *agencies);
}

int author_page_href(const char *href) {
  static const char *const paths[] = {"/author/", "/authors/", "/autor/", "/auteur/"};
  for (size_t i = 0; href && i < sizeof paths / sizeof *paths; i++)
    if (mstr_istr(href, strlen(href), paths[i]))
      return 1;
  return 0;
}
