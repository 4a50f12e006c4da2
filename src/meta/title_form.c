/* The form of a title taken from a heading: the rules that pick the
 * heading's words a title for machines says (after a kicker, before a
 * tail) or spell them as such a title does (parts run together, capitals,
 * characters lost to '?'). Used by title_choose (meta/title.c). */
#include "meta/title_form.h"

#include <string.h>

#include "meta/mstr.h"

/* The title for machines that heading h says word for word after its
 * kicker, an element of its own before the rest ("<span>Nach
 * Corona-Lockerungen</span> Autohäuser rechnen …" over og:title "Autohäuser
 * rechnen …"): the kicker is no part of the headline. NULL when there is
 * none. */
const char *title_after_kicker(const title_heading *h, const char *const stripped[5]) {
  uint32_t hw[TITLE_MAX_WORDS], tw[TITLE_MAX_WORDS], kw[TITLE_MAX_WORDS];
  size_t nk = h->nlead ? title_words(h->lead[0], strlen(h->lead[0]), kw) : 0;
  size_t nh = title_words(h->text, strlen(h->text), hw);
  for (int r = 0; r < 5 && nk; r++) {
    size_t nt = stripped[r] ? title_words(stripped[r], strlen(stripped[r]), tw) : 0;
    if (nt < 2 || nt + nk != nh || memcmp(hw + nk, tw, nt * sizeof *tw))
      continue;
    return stripped[r];
  }
  return NULL;
}

/* Heading h's leading part that is its headline, when h says more after
 * it that is no part of it: a title for machines opens with the part word
 * for word, up to a separator or its end, and says none of the words
 * that follow the part in h ("<a>Headline</a> <a>(example.com)</a> 87"
 * under "Headline - Site"; a book's name and then its "Hardcover" under
 * "Name: Author: Shop"). NULL when there is none. */
const char *title_lead_before_tail(const title_heading *h, const title_input *in) {
  const char *titles[5] = {in->ld_headline, in->og_title, in->tw_title, in->meta_title,
                           in->doc_title};
  uint32_t hw[TITLE_MAX_WORDS], lw[TITLE_MAX_WORDS], tw[TITLE_MAX_WORDS];
  size_t nh = title_words(h->text, strlen(h->text), hw);
  for (size_t k = 0; k < h->nlead; k++) {
    size_t nl = title_words(h->lead[k], strlen(h->lead[k]), lw);
    if (nl < 2 || nl >= nh || memcmp(hw, lw, nl * sizeof *lw))
      continue;
    for (int r = 0; r < 5; r++) {
      title_segment seg[TITLE_MAX_SEGMENTS];
      size_t n = titles[r] ? title_split(titles[r], seg) : 0;
      for (size_t i = 0; i < n; i++) {
        if (!title_same_words_n(h->lead[k], titles[r], seg[i].end))
          continue;
        size_t nt = title_words(titles[r] + seg[i].end, strlen(titles[r] + seg[i].end), tw);
        if (!mstr_overlap(hw + nl, nh - nl, tw, nt))
          return h->lead[k];
      }
    }
  }
  return NULL;
}

/* Whether gap g[0..len) between two words holds a separator other than a
 * bar (" - ", ": ", " / "): a bar parts a title from a section's name
 * ("Staple Tee | 5001"), not a headline's own parts. */
static int gap_separates(const char *g, size_t len) {
  title_segment seg[TITLE_MAX_SEGMENTS];
  char two[64];
  if (len + 3 > sizeof two || memchr(g, '|', len) || mstr_istr(g, len, "\xEF\xBD\x9C"))
    return 0;
  /* "a" + gap + "b": split finds the separator between two parts. */
  two[0] = 'a';
  memcpy(two + 1, g, len);
  two[len + 1] = 'b';
  two[len + 2] = '\0';
  return title_split(two, seg) == 2;
}

/* Whether gap g[0..len) between two words of a heading runs them
 * together: spaces, quotes and brackets only ("Question Want to …", "The
 * future of work \"We rearrange …\""). */
static int glued(const char *g, size_t len) {
  size_t adv;
  for (size_t i = 0; i < len; i += adv) {
    uint32_t c = mstr_utf8(g + i, len - i, &adv);
    if (!(c < 0x80 ? strchr(" \"'()[]", (int)c) != NULL
                   : c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201F)))
      return 0;
  }
  return 1;
}

/* Whether s is set in capitals: two capitals or more, and no small
 * letter of a script with cases (Latin, Greek, Cyrillic). */
static int in_capitals(const char *s) {
  size_t caps = 0, len = strlen(s), adv;
  for (size_t i = 0; i < len; i += adv) {
    uint32_t c = mstr_utf8(s + i, len - i, &adv);
    if (mstr_lower(c) != c)
      caps++;
    else if (mstr_is_alnum(c) && !(c >= '0' && c <= '9') &&
             (c < 0x250 || (c >= 0x370 && c < 0x530)))
      return 0;
  }
  return caps >= 2;
}

/* Whether h says t but for characters lost to a question mark on the way
 * ("Planning? Beginner? Guide" for "Planning: Beginner’s Guide"): each
 * '?' of h where t has none stands for one to three characters of t, not
 * spaces, and one of them at least is a letter, a digit or not ASCII (a
 * '?' for a colon alone may be the page's own). */
static int lost_to_question_marks(const char *h, const char *t) {
  int lost = 0;
  const char *t_end = t + strlen(t); /* measured once: the walk is linear */
  while (*h && *t) {
    if (*h == *t) {
      h++, t++;
      continue;
    }
    if (*h != '?')
      return 0;
    size_t k = 0, adv;
    for (; k < 3 && *t && *t != ' ' && *t != h[1]; k++) {
      uint32_t c = mstr_utf8(t, (size_t)(t_end - t), &adv);
      lost |= c >= 0x80 || mstr_is_alnum(c);
      t += adv;
    }
    if (!k || (*t != h[1] && h[1]))
      return 0;
    h++;
  }
  return lost && !*h && !*t;
}

/* The title for machines that spells heading text h better, saying the
 * same: with the same words, it puts a separator where h runs two of its
 * parts together (glued) ("Question Want to know …" of
 * "<span>Question</span> Want to know …" under "Question - Want to know
 * …"), or writes them in small letters where h is set in capitals; or it
 * has the characters h lost to question marks. NULL when none does. */
const char *title_spelt_better(const char *h, const char *const stripped[5]) {
  static const int order[5] = {1, 2, 4, 3, 0};
  uint32_t hw[TITLE_MAX_WORDS], tw[TITLE_MAX_WORDS];
  size_t ha[TITLE_MAX_WORDS], he[TITLE_MAX_WORDS], ta[TITLE_MAX_WORDS], te[TITLE_MAX_WORDS];
  size_t nh = mstr_word_spans(h, strlen(h), hw, ha, he, TITLE_MAX_WORDS);
  const char *same[5] = {NULL}; /* the titles with h's words, in order */
  int capitals = in_capitals(h);
  for (int k = 0; k < 5 && nh >= 2 && nh < TITLE_MAX_WORDS; k++) {
    const char *t = stripped[order[k]];
    if (t && strchr(h, '?') && lost_to_question_marks(h, t))
      return t;
    size_t nt = t ? mstr_word_spans(t, strlen(t), tw, ta, te, TITLE_MAX_WORDS) : 0;
    if (nt != nh || memcmp(hw, tw, nh * sizeof *hw))
      continue;
    same[k] = t;
    capitals &= !in_capitals(t); /* a title in capitals too: the page's spelling */
    for (size_t i = 0; i + 1 < nh; i++)
      if (glued(h + he[i], ha[i + 1] - he[i]) && gap_separates(t + te[i], ta[i + 1] - te[i]))
        return t;
  }
  for (int k = 0; k < 5 && capitals; k++)
    if (same[k])
      return same[k];
  return NULL;
}
