/* Bylines as text shows them: a byline line read for the names written as
 * names (author_byline), and a byline found in running text by its label
 * (author_from_text). */
#include <string.h>

#include "meta/author.h"
#include "meta/byline_label.h"
#include "meta/mstr.h"

/* Whether every word of name starts with a capital (or is a particle:
 * "van", "de", "bin"), as names written in running text do. */
static int capitalised(const char *name) {
  static const char *const particles[] = {"van", "von", "de", "der", "den", "da", "di", "du",
                                          "del", "la",  "le", "bin", "al",  "y",  "e",  "ter"};
  const char *p = name;
  int words = 0;
  while (*p) {
    size_t k = strcspn(p, " ");
    unsigned char c = (unsigned char)*p;
    int particle = 0;
    for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
      if (strlen(particles[i]) == k && !strncmp(p, particles[i], k))
        particle = 1;
    if (!particle && !(c >= 'A' && c <= 'Z') && c < 0x80)
      return 0;
    words++;
    p += k;
    while (*p == ' ')
      p++;
  }
  return words >= 1 && words <= 4;
}

size_t author_byline(const char *s, size_t len, arena *mem, const char **names, size_t *n,
                     size_t cap, const char **agency) {
  const char *found[8];
  size_t m = 0, added = 0;
  author_parse(s, len, mem, found, &m, 8);
  if (m == 1 && agency && author_is_agency(found[0])) {
    *agency = found[0];
    return 0;
  }
  for (size_t j = 0; j < m && *n < cap; j++) {
    int seen = !capitalised(found[j]);
    for (size_t k = 0; k < *n && !seen; k++)
      seen = mstr_same_text(names[k], found[j]);
    if (!seen) {
      names[(*n)++] = found[j];
      added++;
    }
  }
  return added;
}

size_t author_from_text(const char *s, size_t len, int written_only, arena *mem, const char **names,
                        size_t *n, size_t cap) {
  for (size_t i = 0; i < len; i++) {
    /* The label opens a line, or follows a separator ("June 9 | By ..."). */
    size_t b = i;
    while (b > 0 && s[b - 1] == ' ')
      b--;
    int opens = b == 0 || s[b - 1] == '\n' || s[b - 1] == '|' ||
                (b >= 2 && (unsigned char)s[b - 2] == 0xC2 && (unsigned char)s[b - 1] == 0xB7) ||
                (b >= 3 && (unsigned char)s[b - 3] == 0xE2 && (unsigned char)s[b - 2] == 0x80 &&
                 ((unsigned char)s[b - 1] == 0xA2 || (unsigned char)s[b - 1] == 0x94 ||
                  (unsigned char)s[b - 1] == 0x93));
    if (!opens || (i > 0 && mstr_is_alnum((unsigned char)s[i - 1])))
      continue;
    /* A label of the writer (meta/byline_label.c): by the headline any
     * that opens a line, further on only one that says who wrote the
     * text. */
    unsigned flags;
    size_t e = byline_label_at(s + i, len - i, LABEL_AT_LINE, &flags);
    if (!e || (flags & LABEL_OTHER) ||
        !(flags & (written_only ? LABEL_WRITTEN : LABEL_LINE | LABEL_WRITTEN)))
      continue;
    const char *name = s + i + e;
    size_t take;
    if (i + e >= len) {
      continue;
    } else if (*name == '\n') {
      /* A label on a line of its own, the name on the next ("Written by"
       * / "Jane Doe"), as author boxes set them. */
      if (!(flags & LABEL_ALONE))
        continue;
      name++;
      take = strcspn(name, "\n");
      if (take > 80 || (size_t)(name - s) + take > len)
        continue;
    } else {
      if (!((unsigned char)*name >= 'A' && (unsigned char)*name <= 'Z') &&
          (unsigned char)*name < 0x80)
        continue;
      /* The rest of the line. */
      take = strcspn(name, "\n");
      if (take > 120)
        take = mstr_utf8_cut(name, 120); /* never inside a character */
    }
    size_t added = author_byline(name, take, mem, names, n, cap, NULL);
    if (added)
      return added;
  }
  return 0;
}
