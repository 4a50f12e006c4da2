#include "meta/mstr.h"

#include <string.h>

#include "html/tags.h"

uint32_t mstr_utf8(const char *s, size_t len, size_t *adv) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned char c = p[0];
  *adv = 1;
  if (c < 0x80)
    return c;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0xFFFD;
  }
  if (n > len)
    return 0xFFFD;
  for (size_t i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80)
      return 0xFFFD;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0xFFFD;
  *adv = n;
  return cp;
}

size_t mstr_put_utf8(uint32_t c, char *out) {
  if (c >= 0xD800 && c <= 0xDFFF)
    c = 0xFFFD;
  if (c < 0x80) {
    out[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  if (c > 0x10FFFF)
    return mstr_put_utf8(0xFFFD, out);
  out[0] = (char)(0xF0 | (c >> 18));
  out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

uint32_t mstr_lower(uint32_t c) {
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
    return c + 32;                /* Latin-1 */
  if (c >= 0x100 && c <= 0x17F) { /* Latin Extended-A */
    if (c == 0x138 || c == 0x149 || c == 0x17F)
      return c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
      return (c & 1) ? c + 1 : c;
    if (c == 0x178)
      return 0xFF;
    return (c & 1) ? c : c + 1;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
    return c + 32; /* Greek */
  if (c >= 0x386 && c <= 0x38F) {
    if (c == 0x386)
      return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
      return c + 37;
    if (c == 0x38C)
      return 0x3CC;
    if (c == 0x38E || c == 0x38F)
      return c + 63;
  }
  if (c >= 0x410 && c <= 0x42F)
    return c + 32; /* Cyrillic */
  if (c >= 0x400 && c <= 0x40F)
    return c + 80;
  return c;
}

int mstr_is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int mstr_is_alnum(uint32_t c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (mstr_is_space(c))
    return 0;
  /* Latin-1 punctuation and symbols, general punctuation, CJK punctuation,
   * full-width forms' punctuation. */
  if (c < 0xC0)
    return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7)
    return 0;
  if (c >= 0x2000 && c <= 0x2BFF)
    return 0;
  if (c >= 0x3000 && c <= 0x303F)
    return 0;
  if (c >= 0xFF00 && c <= 0xFF0F)
    return 0;
  if (c >= 0xFF1A && c <= 0xFF20)
    return 0;
  if (c == 0xFFFD)
    return 0;
  /* Arabic comma, semicolon, question mark, full stop; Devanagari dandas. */
  if (c == 0x60C || c == 0x61B || c == 0x61F || c == 0x6D4 || c == 0x964 || c == 0x965)
    return 0;
  return 1;
}

/* Whether c is a format character that shows nothing and parts no words:
 * a soft hyphen, a left-to-right or right-to-left mark, a bidirectional
 * embedding, override or isolate, a word joiner ("\u202aGoogle
 * Scholar\u202c"). A zero-width space and a stray byte-order mark are
 * white space (mstr_is_space): they part words. The zero-width joiners
 * stay: scripts and emoji need them. */
static int shows_nothing(uint32_t c) {
  return c == 0xAD || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || c == 0x2060 ||
         (c >= 0x2066 && c <= 0x2069);
}

size_t mstr_squeeze(char *s, size_t len) {
  size_t j = 0, i = 0;
  int space = 0;
  while (i < len) {
    unsigned char b = (unsigned char)s[i];
    if (b > 0x20 && b < 0x7F) { /* a run of printable ASCII: the common case */
      if (space)
        s[j++] = ' ';
      space = 0;
      do
        s[j++] = s[i++];
      while (i < len && (unsigned char)s[i] > 0x20 && (unsigned char)s[i] < 0x7F);
      continue;
    }
    if (b < 0x80) { /* ASCII white space and control characters */
      space = j > 0;
      i++;
      continue;
    }
    size_t adv;
    uint32_t c = mstr_utf8(s + i, len - i, &adv);
    if (mstr_is_space(c) || c < 0x20 || c == 0x7F) {
      space = j > 0;
      i += adv;
      continue;
    }
    if (shows_nothing(c)) {
      i += adv;
      continue;
    }
    if (space)
      s[j++] = ' ';
    space = 0;
    memmove(s + j, s + i, adv);
    j += adv;
    i += adv;
  }
  s[j] = '\0';
  return j;
}

char *mstr_clean(arena *mem, const char *s, size_t len, size_t max) {
  if (!s)
    return NULL;
  /* Squeeze a bounded prefix: a 300 KB title is cut, not copied whole. */
  size_t take = len > max * 2 + 64 ? max * 2 + 64 : len;
  char *out = arena_strndup(mem, s, take);
  if (!out)
    return NULL;
  size_t n = mstr_squeeze(out, take);
  if (n > max) {
    n = mstr_utf8_cut(out, max);
    out[n] = '\0';
    n = mstr_squeeze(out, n);
  }
  return n ? out : NULL;
}

size_t mstr_utf8_cut(const char *s, size_t n) {
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  return n;
}

/* Named references an HTML-escaping server is likely to use: the common
 * punctuation and Latin-1 (in code point order from U+00A0). */
static const char *const latin1_names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

static const struct {
  const char *name;
  uint32_t cp;
} other_names[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"hellip", 0x2026}, {"trade", 0x2122},  {"bull", 0x2022},
    {"euro", 0x20AC},   {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},
    {"scaron", 0x161},  {"Yuml", 0x178},    {"thinsp", 0x2009}, {"ensp", 0x2002},
    {"emsp", 0x2003},   {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},
    {"rlm", 0x200F},    {"prime", 0x2032},  {"dagger", 0x2020}, {"lsaquo", 0x2039},
    {"rsaquo", 0x203A},
};

static uint32_t entity_code(const char *name, size_t n) {
  for (size_t i = 0; i < sizeof other_names / sizeof *other_names; i++)
    if (strlen(other_names[i].name) == n && !memcmp(other_names[i].name, name, n))
      return other_names[i].cp;
  for (size_t i = 0; i < 96; i++)
    if (strlen(latin1_names[i]) == n && !memcmp(latin1_names[i], name, n))
      return 0xA0 + (uint32_t)i;
  return 0;
}

size_t mstr_decode_entities(char *s, size_t len) {
  size_t i = 0, j = 0;
  while (i < len) {
    if (s[i] != '&') {
      s[j++] = s[i++];
      continue;
    }
    size_t k = i + 1;
    uint32_t cp = 0;
    if (k < len && s[k] == '#') {
      k++;
      int hex = k < len && (s[k] == 'x' || s[k] == 'X');
      if (hex)
        k++;
      size_t start = k;
      while (k < len && k - start < 8) {
        char c = s[k];
        int v = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (v < 0)
          break;
        cp = cp * (hex ? 16 : 10) + (uint32_t)v;
        k++;
      }
      if (k == start)
        cp = 0;
      if (cp == 0 || cp > 0x10FFFF)
        cp = cp ? 0xFFFD : 0;
    } else {
      size_t start = k;
      while (k < len && k - start < 8 &&
             ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
              (s[k] >= '0' && s[k] <= '9')))
        k++;
      cp = k > start ? entity_code(s + start, k - start) : 0;
    }
    if (!cp) {
      s[j++] = s[i++];
      continue;
    }
    if (k < len && s[k] == ';')
      k++;
    char tmp[4];
    size_t n = mstr_put_utf8(cp, tmp);
    /* The reference is at least as long as its UTF-8 ("&#1;" is 4 bytes). */
    if (n > k - i) {
      s[j++] = s[i++];
      continue;
    }
    memcpy(s + j, tmp, n);
    j += n;
    i = k;
  }
  s[j] = '\0';
  return j;
}

static int lower_ascii(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int mstr_ieq(const char *a, const char *b) {
  for (; *a && *b; a++, b++)
    if (lower_ascii((unsigned char)*a) != lower_ascii((unsigned char)*b))
      return 0;
  return *a == *b;
}

int mstr_ieq_any(const char *s, const char *const *words, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (mstr_ieq(s, words[i]))
      return 1;
  return 0;
}

int mstr_istarts(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++)
    if (!*s || lower_ascii((unsigned char)*s) != lower_ascii((unsigned char)*prefix))
      return 0;
  return 1;
}

const char *mstr_istr(const char *hay, size_t hay_len, const char *needle) {
  size_t n = strlen(needle);
  if (!n)
    return hay;
  if (n > hay_len)
    return NULL;
  /* Candidates are where the first byte, in either case, is: memchr finds
   * them far faster than a byte loop. */
  int lo = lower_ascii((unsigned char)needle[0]);
  int up = lo >= 'a' && lo <= 'z' ? lo - 32 : lo;
  const char *end = hay + hay_len - n + 1; /* candidates start before it */
  const char *next_lo = memchr(hay, lo, (size_t)(end - hay));
  const char *next_up = up != lo ? memchr(hay, up, (size_t)(end - hay)) : NULL;
  while (next_lo || next_up) {
    const char *c = !next_up || (next_lo && next_lo < next_up) ? next_lo : next_up;
    size_t k = 1;
    while (k < n && lower_ascii((unsigned char)c[k]) == lower_ascii((unsigned char)needle[k]))
      k++;
    if (k == n)
      return c;
    if (c == next_lo)
      next_lo = c + 1 < end ? memchr(c + 1, lo, (size_t)(end - c - 1)) : NULL;
    else
      next_up = c + 1 < end ? memchr(c + 1, up, (size_t)(end - c - 1)) : NULL;
  }
  return NULL;
}

static int is_letter_ascii(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int mstr_has_token(const char *s, const char *word) {
  if (!s)
    return 0;
  size_t n = strlen(word), len = strlen(s);
  for (const char *p = s; (p = mstr_istr(p, len - (size_t)(p - s), word)); p++) {
    int before =
        p == s || !is_letter_ascii((unsigned char)p[-1]) ||
        ((unsigned char)p[-1] >= 'a' && (unsigned char)p[-1] <= 'z' && p[0] >= 'A' && p[0] <= 'Z');
    int after = !is_letter_ascii((unsigned char)p[n]) || (p[n] >= 'A' && p[n] <= 'Z') ||
                /* plurals: "authors", "dates" */
                (p[n] == 's' && !is_letter_ascii((unsigned char)p[n + 1]));
    if (before && after)
      return 1;
  }
  return 0;
}

void mstr_append_upto(buf *b, const char *s, size_t len, size_t room) {
  buf_append(b, s, len <= room ? len : mstr_utf8_cut(s, room));
}

/* Whether s[0..len), a part of a heading, ends so that what runs into it
 * starts a new phrase: it has words of its own ("Wow, wow, wow!") or is a
 * word that ends a sentence ("Frain."; a separator alone, the ":" of
 * "Category:Languages", is none). */
static int ends_part(const char *s, size_t len) {
  if (len < 2 || s[len - 1] == ' ' || s[len - 1] == '\n')
    return 0;
  char last = s[len - 1];
  size_t adv;
  int word_before = mstr_is_alnum(mstr_utf8(s, len, &adv));
  return memchr(s, ' ', len) != NULL ||
         (word_before && (last == '!' || last == '?' || last == '.' || last == ':'));
}

/* Whether s[0..len) starts a phrase: a capital, a digit or an opening
 * quote. */
static int starts_part(const char *s, size_t len) {
  size_t adv;
  uint32_t c = len ? mstr_utf8(s, len, &adv) : 0;
  return c && !mstr_is_space(c) &&
         (mstr_lower(c) != c || (c >= '0' && c <= '9') || c == '"' || c == 0xAB || c == 0x201C ||
          c == 0x201E || c == 0x2018 || c == 0xBF || c == 0xA1);
}

static void node_text(const dom_node *n, buf *b, size_t start, size_t max, unsigned opts) {
  int glued = 0; /* the part before ends so that a phrase may start */
  for (const dom_node *c = n->first; c && b->len - start < max && !b->oom; c = c->next) {
    size_t from = b->len;
    int block = 0;
    if (c->tag == TAG_TEXT) {
      if (!(c->kind & DOM_RAWTEXT)) {
        size_t room = max - (b->len - start);
        mstr_append_upto(b, c->text, c->text_len, room);
      }
    } else {
      if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN) ||
          ((opts & MSTR_TEXT_NO_TIME) && c->tag == TAG_TIME))
        continue;
      block = tag_flags((tag_id)c->tag) == T_BLOCK || c->tag == TAG_BR;
      if (block)
        buf_putc(b, ' ');
      node_text(c, b, start, max, opts);
      if (block)
        buf_putc(b, ' ');
    }
    if (!(opts & MSTR_TEXT_SPACE_PARTS))
      continue;
    if (glued && starts_part(b->data + from, b->len - from)) {
      buf_putc(b, ' ');
      if (!b->oom) {
        memmove(b->data + from + 1, b->data + from, b->len - from - 1);
        b->data[from] = ' ';
      }
    }
    glued =
        c->tag != TAG_TEXT && !block && b->len > from && ends_part(b->data + from, b->len - from);
  }
}

void mstr_node_text_opts(const dom_node *n, buf *b, size_t max, unsigned opts) {
  if (!n)
    return;
  if (n->tag == TAG_TEXT) {
    if (!(n->kind & DOM_RAWTEXT))
      mstr_append_upto(b, n->text, n->text_len, max);
    return;
  }
  node_text(n, b, b->len, max, opts);
}

void mstr_node_text(const dom_node *n, buf *b, size_t max) {
  mstr_node_text_opts(n, b, max, 0);
}

static uint32_t fnv_add(uint32_t h, uint32_t c) {
  return (h ^ c) * 16777619u;
}

size_t mstr_word_spans(const char *s, size_t len, uint32_t *out, size_t *at, size_t *end,
                       size_t cap) {
  size_t n = 0, i = 0, from = 0;
  uint32_t h = 2166136261u;
  int in = 0;
  while (i <= len && n < cap) {
    size_t adv = 1;
    uint32_t c = i < len ? mstr_utf8(s + i, len - i, &adv) : ' ';
    /* Apostrophes inside words ("don't") are part of them. */
    int word = mstr_is_alnum(c) || (in && (c == '\'' || c == 0x2019) && i + adv < len &&
                                    mstr_is_alnum((unsigned char)s[i + adv]));
    if (word) {
      if (c == 0x2019)
        c = '\'';
      if (!in)
        from = i;
      h = fnv_add(h, mstr_lower(c));
      in = 1;
    } else if (in) {
      if (at)
        at[n] = from;
      if (end)
        end[n] = i;
      out[n++] = h;
      h = 2166136261u;
      in = 0;
    }
    i += adv;
  }
  return n;
}

size_t mstr_words(const char *s, size_t len, uint32_t *out, size_t cap) {
  return mstr_word_spans(s, len, out, NULL, NULL, cap);
}

size_t mstr_overlap(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  /* Titles are short: quadratic is fine, and used[] marks matched words. */
  unsigned char used[256] = {0};
  if (nb > sizeof used)
    nb = sizeof used;
  size_t hits = 0;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++)
      if (!used[j] && a[i] == b[j]) {
        used[j] = 1;
        hits++;
        break;
      }
  return hits;
}

/* The next character of s folded for comparison: lower case, quotes and
 * dashes unified, white space runs as one space. */
static uint32_t fold_next(const char **s, const char *end) {
  while (*s < end) {
    size_t adv;
    uint32_t c = mstr_utf8(*s, (size_t)(end - *s), &adv);
    *s += adv;
    if (mstr_is_space(c)) {
      while (*s < end) {
        uint32_t d = mstr_utf8(*s, (size_t)(end - *s), &adv);
        if (!mstr_is_space(d))
          break;
        *s += adv;
      }
      return ' ';
    }
    if (c == 0x2018 || c == 0x2019)
      return '\'';
    if (c == 0x201C || c == 0x201D)
      return '"';
    if (c == 0x2013 || c == 0x2014)
      return '-';
    return mstr_lower(c);
  }
  return 0;
}

int mstr_same_text(const char *a, const char *b) {
  if (!a || !b)
    return 0;
  const char *ae = a + strlen(a), *be = b + strlen(b);
  for (;;) {
    uint32_t x = fold_next(&a, ae), y = fold_next(&b, be);
    if (x != y)
      return 0;
    if (!x)
      return 1;
  }
}

size_t mstr_fix_double_utf8(char *s, size_t len) {
  size_t r = 0, w = 0;
  while (r < len) {
    size_t adv;
    uint32_t lead = mstr_utf8(s + r, len - r, &adv);
    /* A lead byte read as Latin-1 (U+00C2..U+00F4), then as many
     * continuation bytes read so (U+0080..U+00BF) as it calls for. */
    size_t need = lead >= 0xC2 && lead <= 0xDF   ? 1
                  : lead >= 0xE0 && lead <= 0xEF ? 2
                  : lead >= 0xF0 && lead <= 0xF4 ? 3
                                                 : 0;
    unsigned char bytes[4];
    size_t k = 0, at = r + adv;
    if (need) {
      bytes[0] = (unsigned char)lead;
      for (k = 1; k <= need && at < len; k++) {
        size_t a;
        uint32_t c = mstr_utf8(s + at, len - at, &a);
        if (c < 0x80 || c > 0xBF)
          break;
        bytes[k] = (unsigned char)c;
        at += a;
      }
    }
    if (need && k == need + 1) {
      size_t a;
      uint32_t c = mstr_utf8((const char *)bytes, k, &a);
      if (c != 0xFFFD && a == k) {
        memcpy(s + w, bytes, k); /* k <= at - r: the fixed form is shorter */
        w += k;
        r = at;
        continue;
      }
    }
    memmove(s + w, s + r, adv);
    w += adv;
    r += adv;
  }
  s[w] = '\0';
  return w;
}
