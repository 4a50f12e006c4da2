/* Lines and their measurements. */
#include "text/lines.h"

#include <stdlib.h>
#include <string.h>

#include "util/deadline.h"

uint64_t line_hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

/* What a code point is to the line splitter. */
enum { CH_TEXT, CH_SPACE, CH_DROP, CH_BREAK };

static int char_class(uint32_t c) {
  if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85)
    return CH_BREAK;
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x1680 ||
      (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
    return CH_SPACE;
  if (c < 0x20 || c == 0x7F || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
      c == 0xAD || (c >= 0x80 && c < 0xA0))
    return CH_DROP;
  return CH_TEXT;
}

/* Normalizes utf8 into out (room for len * 3 + 2 bytes): lines separated by
 * NUL, white space collapsed, empty lines left out. Calls fn per line, for
 * the first max_lines lines (0: all); returns 1 when lines were left out. */
static int normalize(const char *in, size_t len, size_t max_lines, char *out,
                     void (*fn)(void *ctx, const char *s, size_t n), void *ctx) {
  size_t o = 0, start = 0, lines = 0;
  int space = 0;
  for (size_t i = 0; i <= len;) {
    uint32_t c;
    size_t adv = 1;
    if (i == len) {
      c = '\n';
    } else if ((unsigned char)in[i] < 0x80) {
      c = (unsigned char)in[i];
    } else {
      c = vocab_utf8_decode(in + i, len - i, &adv);
    }
    int k = char_class(c);
    if (k == CH_BREAK) {
      if (o > start) {
        if (max_lines && lines == max_lines)
          return 1;
        lines++;
        out[o] = '\0';
        if (fn)
          fn(ctx, out + start, o - start);
        o++;
      }
      start = o;
      space = 0;
    } else if (k == CH_SPACE) {
      space = o > start;
    } else if (k == CH_TEXT) {
      if (space)
        out[o++] = ' ';
      space = 0;
      if (c == 0xFFFD && adv == 1)
        o += vocab_utf8_encode(c, out + o); /* a bad byte: never copy it raw */
      else
        memcpy(out + o, in + i, adv), o += adv;
    }
    if (i == len)
      break;
    i += adv;
  }
  return 0;
}

int lines_each(const char *utf8, size_t len, size_t max_lines,
               void (*fn)(void *ctx, const char *s, size_t n), void *ctx) {
  /* A bad byte (1 byte) may become U+FFFD (3 bytes). */
  char *buf = malloc(len * 3 + 2);
  if (!buf)
    return -1;
  normalize(utf8, len, max_lines, buf, fn, ctx);
  free(buf);
  return 0;
}

size_t line_key(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0, tok = 0;
  int digits_only = 1, in_word = 0, prev_digit = 0;
  for (size_t i = 0; i < n;) {
    size_t adv;
    uint32_t c = vocab_utf8_decode(s + i, n - i, &adv);
    i += adv;
    int alnum = vocab_is_alnum(c);
    int digit = c >= '0' && c <= '9';
    /* "858shares": a number glued to a word is a word of its own. */
    if (alnum && in_word && digit != prev_digit)
      alnum = -1;
    if (alnum <= 0 && in_word) {
      if (digits_only)
        o = tok; /* numbers are left out */
      in_word = 0;
      if (alnum == 0)
        continue;
    }
    if (alnum == 0)
      continue;
    if (!in_word) {
      if (o && o + 1 < cap && out[o - 1] != ' ')
        out[o++] = ' ';
      tok = o;
      in_word = 1;
      digits_only = 1;
    }
    if (!digit)
      digits_only = 0;
    prev_digit = digit;
    if (o + 4 >= cap)
      return 0;
    o += vocab_utf8_encode(vocab_lower(c), out + o);
  }
  if (in_word && digits_only)
    o = tok;
  while (o && out[o - 1] == ' ')
    o--;
  if (o < cap)
    out[o] = '\0';
  return o;
}

/* CJK characters that are mostly grammar: particles, auxiliaries. */
static int cjk_function_char(uint32_t c) {
  static const uint32_t chars[] = {
      0x306E, 0x306F, 0x304C, 0x3092, 0x306B, 0x3067, 0x3068, 0x305F,
      0x3057, 0x3066, 0x3082, 0x306A, 0x3059, 0x307E, 0x308B, /* の は が を に で と た し て も な
                                                                 す ま る */
      0x7684, 0x662F, 0x4E86, 0x5728, 0x548C, 0x6709, 0x8FD9, 0x4E5F,
      0x5C31, 0x4E0D, 0x4E2A, 0x4E3A, 0x5BF9, /* 的 是 了 在 和 有 这 也 就 不 个 为 对 */
      0xC774, 0xAC00, 0xB294, 0xC744, 0xB97C, 0xC5D0, 0xC758, /* 이 가 는 을 를 에 의 */
  };
  for (size_t i = 0; i < sizeof chars / sizeof *chars; i++)
    if (chars[i] == c)
      return 1;
  return 0;
}

static int is_sentence_end(uint32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */ || c == 0x3002 /* 。 */ ||
         c == 0xFF01 || c == 0xFF1F || c == 0x061F /* ؟ */ || c == 0x0964 /* । */;
}

static int is_closer(uint32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == 0x300D || c == 0x300F || c == 0xFF09;
}

static int is_bullet(uint32_t c) {
  return c == 0x2022 || c == 0x25CF || c == 0x25AA || c == 0x25A0 || c == 0x2023 || c == 0x2043 ||
         c == 0x25E6 || c == 0xB7 || c == 0x2219 || c == 0x27A2 || c == 0x2713 || c == 0x2714 ||
         c == 0x25BA || c == 0x25B6;
}

/* Measures l; its stop words per language go to langs (exact counts). */
static void measure(tline *l, unsigned langs[VOCAB_LANGS]) {
  const char *s = l->s;
  size_t n = l->len;
  char word[64];
  size_t wl = 0;
  int in_word = 0, word_cap = 0, word_digits = 1, word_long = 0;
  unsigned cjk_run = 0;
  uint32_t last = 0, before_last = 0;
  for (size_t i = 0; i <= n;) {
    uint32_t c = ' ';
    size_t adv = 1;
    if (i < n)
      c = vocab_utf8_decode(s + i, n - i, &adv);
    int cjk = i < n && vocab_is_cjk(c);
    int alnum = i < n && !cjk && vocab_is_alnum(c);
    if (in_word && !alnum) {
      l->words++;
      if (word_cap)
        l->caps++;
      if (word_digits)
        l->numbers++;
      if (!word_long) {
        unsigned m = vocab_stopword(word, wl);
        for (int k = 0; m; k++, m >>= 1)
          if (m & 1)
            langs[k]++;
      }
      in_word = 0;
    }
    if (cjk) {
      l->cjk++;
      l->letters++;
      cjk_run++;
      if (cjk_function_char(c))
        l->cjk_stops++;
    } else if (cjk_run) {
      l->words += (cjk_run + 1) / 2;
      cjk_run = 0;
    }
    if (alnum) {
      uint32_t lc = vocab_lower(c);
      if (!in_word) {
        in_word = 1;
        wl = 0;
        word_long = 0;
        word_digits = 1;
        word_cap = lc != c;
      }
      if (!(c >= '0' && c <= '9')) {
        word_digits = 0;
        l->letters++;
      }
      if (wl + 4 < sizeof word)
        wl += vocab_utf8_encode(lc, word + wl);
      else
        word_long = 1;
    }
    if (i < n) {
      if (is_sentence_end(c)) {
        /* A sentence end is followed by a space or the end of the line
         * (closing quotes allowed), and "U.S." or "J. Smith" are not. */
        size_t j = i + adv;
        while (j < n) {
          size_t a2;
          uint32_t d = vocab_utf8_decode(s + j, n - j, &a2);
          if (!is_closer(d))
            break;
          j += a2;
        }
        int initial = c == '.' && vocab_is_alnum(last) && !vocab_is_alnum(before_last);
        if ((j >= n || s[j] == ' ' || c >= 0x3000) && !initial)
          l->sentences++;
      }
      before_last = last;
      last = c;
    }
    i += adv;
  }
  /* How the line ends, closing quotes and brackets aside. */
  size_t e = n;
  while (e > 0) {
    size_t b = e - 1;
    while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
      b--;
    size_t adv;
    uint32_t c = vocab_utf8_decode(s + b, e - b, &adv);
    if (is_closer(c)) {
      e = b;
      continue;
    }
    l->end_punct = is_sentence_end(c);
    break;
  }
  size_t adv;
  uint32_t c0 = vocab_utf8_decode(s, n, &adv);
  if (is_bullet(c0) || ((c0 == '-' || c0 == '*') && n > 2 && s[1] == ' '))
    l->flags |= TL_BULLET;
  if (!l->letters)
    l->flags |= TL_NO_LETTERS;
}

/* A cookie banner names cookies or consent; check the letters before
 * lower-casing the whole line. */
static int might_be_cookies(const char *s, size_t n) {
  for (size_t i = 0; i + 4 < n; i++) {
    char c = s[i];
    if ((c == 'o' && s[i + 1] == 'o' && s[i + 2] == 'k' && s[i + 3] == 'i') ||
        (c == 'O' && s[i + 1] == 'O' && s[i + 2] == 'K' && s[i + 3] == 'I') ||
        ((c == 'n' || c == 'N') && (s[i + 1] == 's' || s[i + 1] == 'S') &&
         (s[i + 2] == 'e' || s[i + 2] == 'E') && (s[i + 3] == 'n' || s[i + 3] == 'N')) ||
        ((c == 'G' || c == 'g') && (s[i + 1] == 'D' || s[i + 1] == 'd') &&
         (s[i + 2] == 'P' || s[i + 2] == 'p')) ||
        ((c == 'R' || c == 'r') && (s[i + 1] == 'G' || s[i + 1] == 'g') &&
         (s[i + 2] == 'P' || s[i + 2] == 'p')) ||
        ((c == 'D' || c == 'd') && (s[i + 1] == 'S' || s[i + 1] == 's') &&
         (s[i + 2] == 'G' || s[i + 2] == 'g')))
      return 1;
  }
  return 0;
}

/* s lower-cased into out (UTF-8, at most cap bytes, cut at a character);
 * returns the length. */
static size_t lower_copy(const char *s, size_t len, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < len && o + 4 < cap;) {
    size_t adv;
    uint32_t c = vocab_utf8_decode(s + i, len - i, &adv);
    o += vocab_utf8_encode(vocab_lower(c), out + o);
    i += adv;
  }
  return o;
}

static void classify_vocab(tline *l) {
  char key[256];
  /* Boilerplate lines are short: a long line is never all furniture. */
  if (l->words <= 12 && l->len < 200) {
    size_t k = line_key(l->s, l->len, key, sizeof key);
    l->vocab = vocab_boilerplate(key, k);
    if (l->vocab == VOCAB_NONE && l->words <= 6 && !l->sentences)
      l->vocab = vocab_label_opener(key, k);
    if (vocab_comment_head(key, k, l->s[l->len - 1] == ':'))
      l->flags |= TL_COMMENT;
  }
  /* "Related: headline", "Read more » headline", "LIRE AUSSI - ..." */
  size_t cut = 0;
  for (size_t i = 0; i < l->len && i < 60; i++) {
    unsigned char ch = (unsigned char)l->s[i];
    if (ch == ':' || ch == '|' || (ch == 0xC2 && (unsigned char)l->s[i + 1] == 0xBB) ||
        (ch == '-' && i > 0 && l->s[i - 1] == ' ') ||
        (ch == 0xE2 && (unsigned char)l->s[i + 1] == 0x80 &&
         ((unsigned char)l->s[i + 2] == 0x93 || (unsigned char)l->s[i + 2] == 0x94))) {
      cut = i;
      break;
    }
  }
  if (cut) {
    size_t k = line_key(l->s, cut, key, sizeof key);
    l->label = vocab_boilerplate(key, k);
  }
  if (l->len < 400 && l->words <= 40) {
    char low[400];
    size_t o = lower_copy(l->s, l->len, low, sizeof low);
    int c = vocab_copyright(low, o);
    if (c == 2)
      l->flags |= TL_COPYRIGHT;
    else if (c == 1 && l->words <= 6)
      l->flags |= TL_CREDIT;
  }
  if (l->len < 2000 && might_be_cookies(l->s, l->len)) {
    char low[2000];
    size_t o = lower_copy(l->s, l->len, low, sizeof low);
    if (vocab_cookies(low, o))
      l->flags |= TL_COOKIES;
  }
}

static int cmp_hash(const void *a, const void *b) {
  const tline *x = *(tline *const *)a, *y = *(tline *const *)b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* Counts the lines that repeat on the page; first points at the first. */
static int mark_dups(tpage *p) {
  if (!p->n)
    return 0;
  tline **idx = malloc(p->n * sizeof *idx);
  if (!idx)
    return -1;
  for (size_t i = 0; i < p->n; i++)
    idx[i] = &p->lines[i];
  qsort(idx, p->n, sizeof *idx, cmp_hash);
  for (size_t i = 0; i < p->n;) {
    size_t j = i + 1;
    while (j < p->n && idx[j]->hash == idx[i]->hash)
      j++;
    for (size_t k = i; k < j; k++) {
      idx[k]->dups = (int)(j - i);
      idx[k]->first = (int)(idx[i] - p->lines);
    }
    i = j;
  }
  free(idx);
  return 0;
}

typedef struct {
  tpage *p;
  size_t cap;
  int oom;
  deadline *dl;
} build_ctx;

static void add_line(void *ctx, const char *s, size_t n) {
  build_ctx *b = ctx;
  if (b->oom || deadline_over(b->dl))
    return;
  if (b->p->n == b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 256;
    tline *nl = realloc(b->p->lines, cap * sizeof *nl);
    if (!nl) {
      b->oom = 1;
      return;
    }
    b->p->lines = nl;
    b->cap = cap;
  }
  tline *l = &b->p->lines[b->p->n++];
  memset(l, 0, sizeof *l);
  l->s = s;
  l->len = n;
}

/* Lines broken inside a sentence (hard-wrapped text, an inline element
 * flattened to a line of its own) become one: a line of several words
 * without final punctuation, followed by one starting with a lower-case
 * word. The lines lie one after the other in the buffer, a NUL between. */
static void join_wrapped(tpage *p) {
  size_t out = 0;
  for (size_t i = 0; i < p->n; i++) {
    tline *l = &p->lines[i];
    if (out) {
      tline *prev = &p->lines[out - 1];
      size_t adv;
      uint32_t c = vocab_utf8_decode(l->s, l->len, &adv);
      int lower_start =
          vocab_is_alnum(c) && !vocab_is_cjk(c) && vocab_lower(c) == c && !(c >= '0' && c <= '9');
      /* the first word all lower case ("iPhone" is a name, not a word) */
      for (size_t k = adv; lower_start && k < l->len && l->s[k] != ' ';) {
        uint32_t d = vocab_utf8_decode(l->s + k, l->len - k, &adv);
        if (vocab_lower(d) != d)
          lower_start = 0;
        k += adv;
      }
      char last = prev->s[prev->len - 1];
      int spaces = 0; /* five are enough to know: stop there (lines may be long) */
      for (size_t k = 0; k < prev->len && spaces < 5; k++)
        spaces += prev->s[k] == ' ';
      if (lower_start && spaces >= 5 && prev->s + prev->len + 1 == l->s && last != '.' &&
          last != '!' && last != '?' && last != ':' && last != ';') {
        p->buf[(size_t)(prev->s - p->buf) + prev->len] = ' ';
        prev->len += 1 + l->len;
        continue;
      }
    }
    p->lines[out++] = *l;
  }
  p->n = out;
}

/* The stop words of l per language: the saturated counts, or recounted
 * when one saturated (a line of several hundred words). */
static void line_langs(const tline *l, unsigned langs[VOCAB_LANGS]) {
  int saturated = 0;
  for (int k = 0; k < VOCAB_LANGS; k++) {
    langs[k] = l->langs[k];
    saturated |= l->langs[k] == LANGS_MAX;
  }
  if (saturated) {
    tline scratch = *l;
    memset(langs, 0, VOCAB_LANGS * sizeof *langs);
    measure(&scratch, langs);
  }
}

int tpage_build(tpage *p, const char *utf8, size_t len, size_t max_lines, deadline *dl) {
  memset(p, 0, sizeof *p);
  p->lang = -1;
  /* Only the pages written to become resident: about len bytes. */
  p->buf = malloc(len * 3 + 2);
  if (!p->buf)
    return -1;
  build_ctx b = {p, 0, 0, dl};
  p->truncated = normalize(utf8, len, max_lines, p->buf, add_line, &b);
  if (b.oom || deadline_over(dl))
    return -1;
  join_wrapped(p);
  unsigned langs[VOCAB_LANGS] = {0};
  unsigned long letters = 0, cjk = 0;
  for (size_t i = 0; i < p->n; i++) {
    if (deadline_over(dl))
      return -1;
    tline *l = &p->lines[i];
    l->hash = line_hash(l->s, l->len);
    unsigned line[VOCAB_LANGS] = {0};
    measure(l, line);
    classify_vocab(l);
    for (int k = 0; k < VOCAB_LANGS; k++) {
      langs[k] += line[k];
      l->langs[k] = (uint8_t)(line[k] < LANGS_MAX ? line[k] : LANGS_MAX);
    }
    letters += l->letters;
    cjk += l->cjk;
  }
  /* The page's language: the stop word list it uses most, if clearly. */
  int best = -1;
  unsigned top = 0, second = 0;
  for (int k = 0; k < VOCAB_LANGS; k++) {
    if (langs[k] > top) {
      second = top;
      top = langs[k];
      best = k;
    } else if (langs[k] > second) {
      second = langs[k];
    }
  }
  p->cjk = letters && cjk * 2 > letters;
  if (!p->cjk && top >= 10 && top >= second + second / 4)
    p->lang = best;
  for (size_t i = 0; i < p->n; i++) {
    tline *l = &p->lines[i];
    unsigned line[VOCAB_LANGS];
    line_langs(l, line);
    if (p->lang >= 0) {
      l->stops = line[p->lang];
    } else {
      for (int k = 0; k < VOCAB_LANGS; k++)
        if (line[k] > l->stops)
          l->stops = line[k];
    }
  }
  return mark_dups(p);
}

void tpage_free(tpage *p) {
  free(p->lines);
  free(p->buf);
  memset(p, 0, sizeof *p);
}
