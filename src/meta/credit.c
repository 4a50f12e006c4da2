/* Photo credits in captions and lines of text: "Photo: Jane Doe",
 * "(Reuters)", "... June 8, 2017. (Xinhua/Lan Hongguang)". Read the same
 * way for HTML figures (src/extract) and pages flattened to text
 * (src/text). */
#include "meta/credit.h"

#include <string.h>

#include "meta/mstr.h"

static int lower_ascii(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_digit(int c) {
  return c >= '0' && c <= '9';
}

/* The lower-case UTF-8 word at s[0..n) into out; returns its byte length
 * in s, 0 if s does not start with a letter. */
static size_t word_at(const char *s, size_t n, char *out, size_t cap) {
  size_t i = 0, o = 0;
  while (i < n) {
    size_t adv;
    uint32_t c = mstr_utf8(s + i, n - i, &adv);
    if (!mstr_is_alnum(c) || is_digit((int)c))
      break;
    if (o + 5 < cap)
      o += mstr_put_utf8(mstr_lower(c), out + o);
    i += adv;
  }
  out[o] = '\0';
  return i;
}

/* Words that make a parenthesis or a line's tail a credit. Lower case. */
static const char *const credit_words[] = {
    "photo",    "photos",  "photograph", "photography", "image",  "images",    "picture",
    "credit",   "credits", "courtesy",   "foto",        "fotos",  "bild",      "imagen",
    "immagine", "crédit",  "crédito",    "фото",        "getty",  "reuters",   "shutterstock",
    "istock",   "afp",     "ap",         "epa",         "xinhua", "dpa",       "efe",
    "ansa",     "handout", "file",       "pool",        "via",    "submitted", "unsplash",
};

static int is_credit_word(const char *w) {
  for (size_t i = 0; i < sizeof credit_words / sizeof *credit_words; i++)
    if (credit_words[i][0] == w[0] && !strcmp(credit_words[i], w))
      return 1;
  return 0;
}

/* Counts words, credit words and capitalised words of s[0..n). */
static void credit_stats(const char *s, size_t n, int *words, int *credit, int *caps, int *slash) {
  *words = *credit = *caps = *slash = 0;
  for (size_t i = 0; i < n;) {
    size_t adv;
    uint32_t c = mstr_utf8(s + i, n - i, &adv);
    if (c == '/')
      (*slash)++;
    if (!mstr_is_alnum(c)) {
      i += adv;
      continue;
    }
    char w[48];
    size_t used = word_at(s + i, n - i, w, sizeof w);
    if (!used) { /* digits */
      while (i < n && is_digit((unsigned char)s[i]))
        i++;
      (*words)++;
      continue;
    }
    (*words)++;
    if (mstr_lower(c) != c)
      (*caps)++;
    if (is_credit_word(w))
      (*credit)++;
    i += used;
  }
}

/* Labels that open a credit: "Photo: X", "Image credit: X". */
static size_t credit_label(const char *s, size_t n) {
  static const char *const labels[] = {
      "photo:",        "photos:",  "photograph:", "photography:",  "image:",        "images:",
      "picture:",      "credit:",  "credits:",    "image credit:", "photo credit:", "foto:",
      "fotos:",        "bild:",    "imagen:",     "crédit photo:", "crédito:",      "фото:",
      "illustration:", "photo by", "photos by",   "photograph by", "image by",      "foto von",
      "foto:",         "©",        "(c)",
  };
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
    size_t m = strlen(labels[i]);
    if (n >= m) {
      size_t k = 0;
      while (k < m && lower_ascii((unsigned char)s[k]) == (unsigned char)labels[i][k])
        k++;
      if (k == m)
        return m;
    }
  }
  return 0;
}

static size_t trim_end(const char *s, size_t e) {
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ',' || s[e - 1] == '|' || s[e - 1] == '-'))
    e--;
  return e;
}

/* Cheap tests first: most lines hold no credit at all. */
static int credit_possible(const char *s, size_t n) {
  if (n && (s[n - 1] == ')' || s[0] == '('))
    return 1;
  for (size_t i = n > 90 ? n - 90 : 0; i < n; i++)
    if (s[i] == '/' || s[i] == ':' || (unsigned char)s[i] == 0xC2 /* © */)
      return 1;
  size_t spaces = 0;
  for (size_t i = 0; i < n && spaces <= 8; i++)
    spaces += s[i] == ' ';
  return spaces <= 8; /* short: may be a credit alone ("Michael Conroy, AP") */
}

credit_kind credit_find(const char *s, size_t n, size_t *caption_end, size_t *credit,
                        size_t *credit_end) {
  int words, cw, caps, slash;
  *caption_end = 0;
  if (!credit_possible(s, n))
    return CREDIT_NONE;
  /* Alone: "Photo: Tim Robberts/Getty Images", "(Walt Disney Co.)". */
  size_t lab = credit_label(s, n);
  if (lab) {
    credit_stats(s + lab, n - lab, &words, &cw, &caps, &slash);
    if (words >= 1 && words <= 10) {
      size_t b = lab;
      while (b < n && s[b] == ' ')
        b++;
      *credit = b;
      *credit_end = n;
      return CREDIT_ALONE;
    }
  }
  if (n >= 3 && s[0] == '(' && s[n - 1] == ')' && !memchr(s + 1, '(', n - 2)) {
    credit_stats(s + 1, n - 2, &words, &cw, &caps, &slash);
    if (words <= 6 && caps * 2 >= words) {
      *credit = 1;
      *credit_end = n - 1;
      return CREDIT_ALONE;
    }
  }
  size_t spaces = 0;
  for (size_t i = 0; i < n && spaces <= 12; i++)
    spaces += s[i] == ' ';
  if (spaces <= 12)
    credit_stats(s, n, &words, &cw, &caps, &slash);
  /* "Sanjeev Verma/Hindustan Times/Getty Images", "Michael Conroy, AP",
   * "REUTERS / POOL": short, capitalised, with a credit word or a slash. */
  if (spaces <= 12 && words <= 8 && caps * 3 >= words * 2 && (cw || slash) && !memchr(s, '.', n)) {
    *credit = 0;
    *credit_end = n;
    return CREDIT_ALONE;
  }
  /* Trailing: "... Kazakhstan, June 8, 2017. (Xinhua/Lan Hongguang)" */
  if (n > 4 && s[n - 1] == ')') {
    size_t open = n - 1;
    while (open > 0 && s[open] != '(')
      open--;
    if (s[open] == '(' && open > 0) {
      credit_stats(s + open + 1, n - open - 2, &words, &cw, &caps, &slash);
      if (words >= 1 && words <= 8 && (slash || cw || credit_label(s + open + 1, n - open - 2)) &&
          caps >= 1) {
        *caption_end = trim_end(s, open);
        size_t b = open + 1 + credit_label(s + open + 1, n - open - 2);
        while (b < n && s[b] == ' ')
          b++;
        *credit = b;
        *credit_end = n - 1;
        return *caption_end ? CREDIT_TRAILING : CREDIT_ALONE;
      }
    }
  }
  /* "... San Diego. Photo: Jane Doe", "...York, U.S. REUTERS/Brendan McDermid",
   * "...Austria.Leonhard Foeger / Reuters file" */
  int tail_mark = 0;
  for (size_t i = n > 80 ? n - 80 : 0; i < n; i++)
    if (s[i] == '/' || s[i] == ':' || (unsigned char)s[i] == 0xC2)
      tail_mark = 1;
  for (size_t i = n > 80 ? n - 80 : 0; tail_mark && i + 1 < n; i++) {
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '.')
      continue;
    size_t b = i;
    size_t l = credit_label(s + i, n - i);
    if (l)
      b = i + l;
    credit_stats(s + b, n - b, &words, &cw, &caps, &slash);
    if (words >= 1 && words <= 6 && caps * 3 >= words * 2 && (l || (cw && slash)) &&
        !memchr(s + b, '.', n - b - (s[n - 1] == '.'))) {
      size_t ce = trim_end(s, i);
      if (ce < 20)
        break;
      while (b < n && s[b] == ' ')
        b++;
      *caption_end = ce;
      *credit = b;
      *credit_end = n;
      return CREDIT_TRAILING;
    }
  }
  return CREDIT_NONE;
}
