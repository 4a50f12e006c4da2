/* The HTML tokenizer (WHATWG HTML, "Tokenization"); the contract with the
 * tree builder is in tokenizer.h.
 *
 * How it is laid out, for speed:
 * - A token is lexed by one function call, not one state transition per
 *   character: a text run up to the next tag (lex_data, lex_text,
 *   lex_script), a whole tag with its attributes (lex_tag), a comment, a
 *   DOCTYPE. The standard's states inside a token are places in those
 *   functions, named in comments; the states between tokens are the content
 *   models of tokenizer_content.
 * - Text, attribute values and comments are scanned for the few bytes that
 *   matter in each state (scan_for: SSE2, 16 bytes at a time). A string
 *   comes out as a slice of the input as long as it equals the input; only
 *   a character reference, a NUL to replace or a CR to normalise copies it
 *   into a buffer (str below).
 * - Parse errors are not reported, so the states that exist only to report
 *   one (the comment less-than sign states, for instance) are folded into
 *   their neighbours.
 */
#include "html/tokenizer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "html/charref.h"
#include "html/tags.h"
#include "util/buf.h"

#define REPLACEMENT_CHAR "\xEF\xBF\xBD" /* U+FFFD */

/* A string being built: a slice of the input while it equals the input,
 * else bytes of a buffer from off. The strings of one buffer are built one
 * after another, so a string that leaves the input goes to the buffer's end
 * and stays there until the token is out. */
typedef struct {
  const char *slice; /* NULL: in the buffer */
  size_t off;
  size_t len;
} str;

static inline void str_begin(str *s, const buf *b) {
  s->slice = NULL;
  s->off = b->len;
  s->len = 0;
}

static void str_to_buf(str *s, buf *b) {
  s->off = b->len;
  buf_append(b, s->slice, s->len);
  s->slice = NULL;
}

/* Appends the input bytes from[0..n). */
static inline void str_take(str *s, buf *b, const char *from, size_t n) {
  if (s->slice) {
    if (s->slice + s->len == from) {
      s->len += n;
      return;
    }
    str_to_buf(s, b);
  } else if (s->len == 0) {
    s->slice = from;
    s->len = n;
    return;
  }
  buf_append(b, from, n);
  s->len += n;
}

/* Appends bytes that are not the input's (a decoded reference, U+FFFD). */
static inline void str_put(str *s, buf *b, const char *bytes, size_t n) {
  if (s->slice)
    str_to_buf(s, b);
  buf_append(b, bytes, n);
  s->len += n;
}

/* Where the string is, once nothing more is appended to its buffer. */
static inline const char *str_ptr(const str *s, const buf *b) {
  if (s->slice)
    return s->slice;
  return b->data ? b->data + s->off : "";
}

/* The slot of an attribute name in the duplicate table (see attr_add). */
typedef struct {
  uint32_t gen; /* the tag it belongs to: t->dup_gen when current */
  uint32_t index;
  uint32_t hash; /* of the name: most slots are told apart without it */
} dup_slot;

/* Tags with up to this many attributes find duplicates by comparing names;
 * from here on by hashing them, so that a tag with a million attributes
 * costs a million lookups and not 10^12 comparisons. */
enum { ATTRS_LINEAR = 8 };

/* Tag ids of recent tag names: tag_lookup_n is a binary search, and a page
 * uses few distinct names, so a small direct-mapped cache answers most. */
enum { TAG_CACHE_SLOTS = 64, TAG_CACHE_NAME = 13 };
typedef struct {
  uint8_t len; /* 0: empty */
  uint16_t id;
  char name[TAG_CACHE_NAME];
} tag_cache_slot;

struct html_tokenizer {
  const char *p, *end;
  arena *mem;
  tokenizer_content content;
  int cdata_allowed;
  /* The appropriate end tag's name for RCDATA, RAWTEXT and script data. */
  const char *last_tag;
  size_t last_tag_len;
  char last_tag_short[24];
  buf text;   /* character runs and comments that left the input */
  buf tagbuf; /* tag, attribute and DOCTYPE strings that left the input */
  tok_attr *attrs;
  size_t *attr_off; /* per attribute: name and value offsets in tagbuf when
                       attrs[i].name / .value is NULL (not final yet) */
  size_t nattrs, attrs_cap;
  tag_cache_slot tag_cache[TAG_CACHE_SLOTS];
  dup_slot *dup;
  size_t dup_cap; /* a power of two, or 0 */
  uint32_t dup_gen;
  uint32_t dup_seed;
  size_t max_attrs;  /* 0: no limit (tokenizer_set_max_attrs) */
  int dropped_attrs; /* a start tag had more */
};

/* ---- Scanning ---------------------------------------------------------- */

/* The first byte in [p, end) that is a, b, c or d, or end. */
static inline const char *scan_for(const char *p, const char *end, char a, char b, char c, char d) {
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  const __m128i vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);
  while (end - p >= 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                             _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
    int mask = _mm_movemask_epi8(m);
    if (mask)
      return p + __builtin_ctz((unsigned)mask);
    p += 16;
  }
#endif
  while (p < end && *p != a && *p != b && *p != c && *p != d)
    p++;
  return p;
}

/* Appends the input from p up to the first a, b, c or d (or the end) to
 * s; returns where it stopped. */
static inline const char *take_until(str *s, buf *buffer, const char *p, const char *end, char a,
                                     char b, char c, char d) {
  const char *q = scan_for(p, end, a, b, c, d);
  if (q > p)
    str_take(s, buffer, p, (size_t)(q - p));
  return q;
}

/* Byte classes for names (tag, attribute, DOCTYPE): what ends them and
 * what must be rewritten (upper case to lower, NUL to U+FFFD). */
enum { N_WS = 1, N_SLASH = 2, N_GT = 4, N_EQ = 8, N_FIX = 16 };
#define UPPER_(c) [c] = N_FIX
/* clang-format off */
static const unsigned char name_class[256] = {
    ['\t'] = N_WS, ['\n'] = N_WS, ['\f'] = N_WS, ['\r'] = N_WS, [' '] = N_WS,
    ['/'] = N_SLASH, ['>'] = N_GT, ['='] = N_EQ, [0] = N_FIX,
    UPPER_('A'), UPPER_('B'), UPPER_('C'), UPPER_('D'), UPPER_('E'), UPPER_('F'), UPPER_('G'),
    UPPER_('H'), UPPER_('I'), UPPER_('J'), UPPER_('K'), UPPER_('L'), UPPER_('M'), UPPER_('N'),
    UPPER_('O'), UPPER_('P'), UPPER_('Q'), UPPER_('R'), UPPER_('S'), UPPER_('T'), UPPER_('U'),
    UPPER_('V'), UPPER_('W'), UPPER_('X'), UPPER_('Y'), UPPER_('Z'),
};
/* clang-format on */
#undef UPPER_

/* ASCII white space (CR too: it stands for the LF it becomes). */
static inline int is_ws(unsigned char c) {
  return name_class[c] & N_WS;
}
static inline int is_alpha(unsigned char c) {
  return (unsigned)((c | 0x20) - 'a') < 26;
}
static inline int is_alnum(unsigned char c) {
  return is_alpha(c) || (unsigned)(c - '0') < 10;
}
static inline unsigned char lower(unsigned char c) {
  return (unsigned)(c - 'A') < 26 ? (unsigned char)(c | 0x20) : c;
}

/* s[0..n) equals the lower-case ASCII word w, ignoring ASCII case. */
static int equals_ci(const char *s, const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (lower((unsigned char)s[i]) != (unsigned char)w[i])
      return 0;
  return 1;
}

/* The first byte from p that may end a name or need rewriting (white
 * space or another control byte, '/', '>', '=', upper case), 16 bytes at a
 * time; the byte loop in lex_name decides. */
static inline const char *skip_name_bytes(const char *p, const char *end) {
#ifdef __SSE2__
  const __m128i space = _mm_set1_epi8(' '), slash = _mm_set1_epi8('/');
  const __m128i gt = _mm_set1_epi8('>'), eq = _mm_set1_epi8('=');
  const __m128i upper_a = _mm_set1_epi8('A'), letters = _mm_set1_epi8(25);
  while (end - p >= 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, space), x); /* x <= ' ' */
    __m128i up = _mm_sub_epi8(x, upper_a);
    up = _mm_cmpeq_epi8(_mm_min_epu8(up, letters), up); /* 'A' <= x <= 'Z' */
    __m128i punct = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, slash), _mm_cmpeq_epi8(x, gt)),
                                 _mm_cmpeq_epi8(x, eq));
    int mask = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ctl, up), punct));
    if (mask)
      return p + __builtin_ctz((unsigned)mask);
    p += 16;
  }
#else
  (void)end;
#endif
  return p;
}

/* Lexes a name from p into s, lower-cased, NUL as U+FFFD, up to the first
 * byte of a class in stop (or the end). */
static const char *lex_name(str *s, buf *b, const char *p, const char *end, unsigned stop) {
  const char *seg = p;
  for (;;) {
    p = skip_name_bytes(p, end);
    while (p < end && !(name_class[(unsigned char)*p] & (stop | N_FIX)))
      p++;
    if (p > seg)
      str_take(s, b, seg, (size_t)(p - seg));
    if (p == end || (name_class[(unsigned char)*p] & stop))
      return p;
    if (*p == '\0') {
      str_put(s, b, REPLACEMENT_CHAR, 3);
    } else {
      char c = (char)(*p | 0x20);
      str_put(s, b, &c, 1);
    }
    seg = ++p;
  }
}

/* A CR at p (preprocessing: CR LF and lone CR become LF): appends LF and
 * returns the byte after the CR or CR LF. */
static inline const char *newline(str *s, buf *b, const char *p, const char *end) {
  str_put(s, b, "\n", 1);
  p++;
  return p < end && *p == '\n' ? p + 1 : p;
}

/* A NUL (U+FFFD instead) or a CR (see newline) at p. */
static inline const char *nul_or_cr(str *s, buf *b, const char *p, const char *end) {
  if (*p != '\0')
    return newline(s, b, p, end);
  str_put(s, b, REPLACEMENT_CHAR, 3);
  return p + 1;
}

/* ---- Character references ---------------------------------------------- */

/* A character reference at p (an '&'): appends what it stands for (or the
 * bytes themselves when they are none) to s; returns the byte after what
 * it consumed. in_attr: the attribute-value rule for names without ';'. */
static const char *charref(str *s, buf *b, const char *p, const char *end, int in_attr) {
  const char *q = p + 1;
  if (q < end && is_alnum((unsigned char)*q)) { /* named character reference state */
    const char *value = NULL;
    size_t value_len = 0;
    size_t n = charref_named(q, (size_t)(end - q), &value, &value_len);
    if (n == 0) { /* ambiguous ampersand: the text stays as it is */
      str_take(s, b, p, 1);
      return q;
    }
    if (in_attr && q[n - 1] != ';' && q + n < end &&
        (q[n] == '=' || is_alnum((unsigned char)q[n]))) {
      str_take(s, b, p, 1 + n); /* "&copy=..." in a URL stays as it is */
      return q + n;
    }
    str_put(s, b, value, value_len);
    return q + n;
  }
  if (q < end && *q == '#') { /* numeric character reference state */
    const char *r = q + 1;
    int hex = r < end && (*r | 0x20) == 'x';
    r += hex;
    const char *digits = r;
    uint32_t n = 0;
    for (; r < end; r++) {
      unsigned char c = (unsigned char)*r;
      unsigned d;
      if ((unsigned)(c - '0') < 10)
        d = (unsigned)(c - '0');
      else if (hex && (unsigned)((c | 0x20) - 'a') < 6)
        d = (unsigned)((c | 0x20) - 'a') + 10;
      else
        break;
      n = n * (hex ? 16 : 10) + d;
      if (n > 0x10FFFF)
        n = 0x110000; /* saturate: it is U+FFFD however long it goes on */
    }
    if (r == digits) { /* "&#" or "&#x" without digits stays as it is */
      str_take(s, b, p, (size_t)(r - p));
      return r;
    }
    if (r < end && *r == ';')
      r++;
    char utf8[4];
    str_put(s, b, utf8, charref_utf8(charref_numeric(n), utf8));
    return r;
  }
  str_take(s, b, p, 1);
  return q;
}

/* ---- Tokens out ---------------------------------------------------------- */

static void emit_chars(html_token *tok, const str *s, const buf *b) {
  tok->type = TOK_CHARS;
  tok->data = str_ptr(s, b);
  tok->len = s->len;
  size_t ws = 0;
  while (ws < tok->len && is_ws((unsigned char)tok->data[ws]))
    ws++;
  tok->ws_prefix = ws;
}

static void emit_comment(html_tokenizer *t, html_token *tok, const str *s, const char *after) {
  tok->type = TOK_COMMENT;
  tok->data = str_ptr(s, &t->text);
  tok->len = s->len;
  t->p = after;
}

/* ---- Tags ------------------------------------------------------------------ */

/* FNV-1a from a per-tokenizer seed, then mixed so that the low bits (the
 * table's index) depend on every byte. The seed comes from addresses, which
 * differ from run to run (ASLR): a page cannot be made of names that all
 * land in one slot, which would make the lookups quadratic again. */
static uint32_t name_hash(uint32_t seed, const char *s, size_t n) {
  uint32_t h = 2166136261u ^ seed;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  return h ^ (h >> 13);
}

static inline const char *attr_name(const html_tokenizer *t, size_t i) {
  return t->attrs[i].name ? t->attrs[i].name : t->tagbuf.data + t->attr_off[2 * i];
}

static inline int same_name(const html_tokenizer *t, size_t i, const char *name, size_t len) {
  if (t->attrs[i].name_len != len)
    return 0;
  const char *a = attr_name(t, i);
  return a[0] == name[0] && memcmp(a, name, len) == 0; /* most differ at once */
}

static tag_id lookup_tag(html_tokenizer *t, const char *name, size_t len) {
  if (len > TAG_CACHE_NAME)
    return tag_lookup_n(name, len);
  tag_cache_slot *c =
      &t->tag_cache[(len * 7 + (unsigned char)name[0] * 3 + (unsigned char)name[len - 1]) &
                    (TAG_CACHE_SLOTS - 1)];
  size_t i = 0;
  if (c->len == len)
    while (i < len && c->name[i] == name[i])
      i++;
  if (c->len != len || i < len) {
    c->len = (uint8_t)len;
    c->id = (uint16_t)tag_lookup_n(name, len);
    memcpy(c->name, name, len);
  }
  return (tag_id)c->id;
}

/* Puts attribute i into the duplicate table, or finds an earlier one with
 * its name there: returns that one's index, or i when i is new. */
static size_t dup_insert(html_tokenizer *t, size_t i) {
  const char *name = attr_name(t, i);
  size_t len = t->attrs[i].name_len, mask = t->dup_cap - 1;
  uint32_t hash = name_hash(t->dup_seed, name, len);
  for (size_t h = hash & mask;; h = (h + 1) & mask) {
    dup_slot *d = &t->dup[h];
    if (d->gen != t->dup_gen) {
      d->gen = t->dup_gen;
      d->index = (uint32_t)i;
      d->hash = hash;
      return i;
    }
    if (d->hash == hash && same_name(t, d->index, name, len))
      return d->index;
  }
}

/* A new, empty duplicate table for the current tag, large enough for twice
 * its attributes; the earlier ones in it. -1 on out-of-memory. */
static int dup_reset(html_tokenizer *t, size_t room) {
  if (room * 2 > t->dup_cap) {
    size_t cap = t->dup_cap ? t->dup_cap : 64;
    while (cap < room * 2)
      cap *= 2;
    dup_slot *d = calloc(cap, sizeof *d);
    if (!d)
      return -1;
    free(t->dup);
    t->dup = d;
    t->dup_cap = cap;
    t->dup_gen = 0;
  }
  if (++t->dup_gen == 0) { /* wrapped: stamps from 2^32 tags ago would look current */
    memset(t->dup, 0, t->dup_cap * sizeof *t->dup);
    t->dup_gen = 1;
  }
  for (size_t i = 0; i < t->nattrs; i++)
    dup_insert(t, i);
  return 0;
}

/* Adds an attribute named s to the start tag being built. Returns its
 * index; -1 when an earlier attribute has the name (the first wins, the
 * rest are dropped), -2 on out-of-memory. */
static long attr_add(html_tokenizer *t, const str *s) {
  size_t i = t->nattrs;
  if (t->max_attrs && i >= t->max_attrs) { /* whether new or a duplicate: left out */
    t->dropped_attrs = 1;
    return -1;
  }
  if (i == t->attrs_cap) {
    size_t cap = t->attrs_cap ? 2 * t->attrs_cap : 16;
    if (cap > (size_t)UINT32_MAX) /* dup_slot keeps 32-bit indices */
      return -1;
    tok_attr *a = realloc(t->attrs, cap * sizeof *a);
    if (!a)
      return -2;
    t->attrs = a;
    size_t *o = realloc(t->attr_off, 2 * cap * sizeof *o);
    if (!o)
      return -2;
    t->attr_off = o;
    t->attrs_cap = cap;
  }
  tok_attr *a = &t->attrs[i];
  a->name = s->slice;
  a->name_len = s->len;
  t->attr_off[2 * i] = s->off;
  a->value = "";
  a->value_len = 0;
  if (i < ATTRS_LINEAR) {
    const char *name = str_ptr(s, &t->tagbuf);
    for (size_t k = 0; k < i; k++)
      if (same_name(t, k, name, s->len))
        return -1;
  } else if (i == ATTRS_LINEAR || i * 2 >= t->dup_cap) {
    if (dup_reset(t, i + 1))
      return -2;
    if (dup_insert(t, i) != i)
      return -1;
  } else if (dup_insert(t, i) != i) {
    return -1;
  }
  t->nattrs = i + 1;
  return (long)i;
}

static void attr_set_value(html_tokenizer *t, long i, const str *s) {
  if (i < 0)
    return;
  t->attrs[i].value = s->len ? s->slice : ""; /* NULL: in tagbuf (see lex_tag) */
  t->attrs[i].value_len = s->len;
  t->attr_off[2 * i + 1] = s->off;
}

/* Lexes an attribute value from p: quoted (up to the quote q) or, when q
 * is 0, unquoted (up to white space or '>'). Returns where it stopped. */
static const char *lex_value(str *s, buf *b, const char *p, const char *end, char q) {
  for (;;) {
    const char *seg = p;
    if (q) {
      p = scan_for(p, end, q, '&', '\r', '\0');
    } else {
      while (p < end && *p != '&' && *p != '\0' && *p != '>' && !is_ws((unsigned char)*p))
        p++;
    }
    if (p > seg)
      str_take(s, b, seg, (size_t)(p - seg));
    if (p == end || (q ? *p == q : *p == '>' || is_ws((unsigned char)*p)))
      return p;
    p = *p == '&' ? charref(s, b, p, end, 1) : nul_or_cr(s, b, p, end);
  }
}

/* Lexes a tag whose name starts at p (after "<" or "</"). Returns 1 with
 * the token in tok, 0 when the input ends inside the tag (which is then
 * dropped), -1 on out-of-memory. */
static int lex_tag(html_tokenizer *t, html_token *tok, const char *p, int end_tag) {
  const char *end = t->end;
  buf *b = &t->tagbuf;
  str name;
  str_begin(&name, b);
  p = lex_name(&name, b, p, end, N_WS | N_SLASH | N_GT); /* tag name state */
  t->nattrs = 0;
  int self_closing = 0;
  for (;;) {
    while (p < end && is_ws((unsigned char)*p)) /* before attribute name state */
      p++;
    if (p == end)
      return 0;
    if (*p == '>') {
      p++;
      break;
    }
    if (*p == '/') { /* self-closing start tag state */
      if (++p == end)
        return 0;
      if (*p == '>') {
        self_closing = 1;
        p++;
        break;
      }
      continue;
    }
    str s;
    str_begin(&s, b);
    if (*p == '=') { /* a name may start with '=' */
      str_take(&s, b, p, 1);
      p++;
    }
    p = lex_name(&s, b, p, end, N_WS | N_SLASH | N_GT | N_EQ); /* attribute name state */
    if (b->oom)
      return -1; /* the name is compared with the others below: it must be there */
    long attr = -1;
    if (!end_tag && (attr = attr_add(t, &s)) == -2)
      return -1;
    while (p < end && is_ws((unsigned char)*p)) /* after attribute name state */
      p++;
    if (p == end)
      return 0;
    if (*p != '=')
      continue; /* '/', '>' or the next attribute: as before attribute name */
    p++;
    while (p < end && is_ws((unsigned char)*p)) /* before attribute value state */
      p++;
    if (p == end)
      return 0;
    if (*p == '>') { /* missing value: the attribute stays, empty */
      p++;
      break;
    }
    str_begin(&s, b);
    if (*p == '"' || *p == '\'') {
      char q = *p;
      p = lex_value(&s, b, p + 1, end, q);
      if (p == end)
        return 0;
      p++; /* after attribute value (quoted) state: as before attribute name */
    } else {
      p = lex_value(&s, b, p, end, 0);
      if (p == end)
        return 0;
    }
    attr_set_value(t, attr, &s);
  }
  if (b->oom)
    return -1;
  t->p = p;
  tok->type = end_tag ? TOK_END_TAG : TOK_START_TAG;
  tok->name = str_ptr(&name, b);
  tok->name_len = name.len;
  tok->tag = (uint16_t)lookup_tag(t, tok->name, tok->name_len);
  tok->self_closing = (uint8_t)self_closing;
  for (size_t i = 0; i < t->nattrs; i++) { /* the strings that left the input */
    tok_attr *a = &t->attrs[i];
    if (!a->name)
      a->name = b->data + t->attr_off[2 * i];
    if (!a->value)
      a->value = b->data + t->attr_off[2 * i + 1];
  }
  tok->attrs = t->nattrs ? t->attrs : NULL;
  tok->nattrs = t->nattrs;
  return 1;
}

/* ---- Comments and DOCTYPE ------------------------------------------------------ */

/* A bogus comment whose data starts at p, up to the next '>'. */
static void lex_bogus_comment(html_tokenizer *t, html_token *tok, const char *p) {
  const char *end = t->end;
  buf *b = &t->text;
  str s;
  str_begin(&s, b);
  for (;;) {
    p = take_until(&s, b, p, end, '>', '\r', '\0', '>');
    if (p == end || *p == '>')
      break;
    p = nul_or_cr(&s, b, p, end);
  }
  emit_comment(t, tok, &s, p < end ? p + 1 : p);
}

/* A comment whose data starts at p (after "<!--"). Runs of dashes decide
 * where it ends: "-->" (any run of two or more, then '>'), "--!>", or the
 * end of the input; the standard's comment end states, folded. */
static void lex_comment(html_tokenizer *t, html_token *tok, const char *p) {
  const char *end = t->end;
  buf *b = &t->text;
  str s;
  str_begin(&s, b);
  /* comment start (dash) state: "<!-->" and "<!--->" are empty comments */
  if (p < end && *p == '>') {
    emit_comment(t, tok, &s, p + 1);
    return;
  }
  if (end - p >= 2 && p[0] == '-' && p[1] == '>') {
    emit_comment(t, tok, &s, p + 2);
    return;
  }
  const char *seg = p;
  for (;;) {
    p = scan_for(p, end, '-', '\r', '\0', '-');
    if (p == end || *p != '-') {
      if (p > seg)
        str_take(&s, b, seg, (size_t)(p - seg));
      if (p == end)
        break;
      p = nul_or_cr(&s, b, p, end);
      seg = p;
      continue;
    }
    const char *dashes = p;
    while (p < end && *p == '-')
      p++;
    /* Two or more dashes may end the comment: the last two are not data. */
    const char *data_end = p - dashes >= 2 ? p - 2 : dashes;
    const char *after = NULL;
    if (p == end)
      after = end; /* the comment ends with the input, trailing dashes dropped */
    else if (p - dashes >= 2 && *p == '>')
      after = p + 1;
    else if (p - dashes >= 2 && *p == '!' && (p + 1 == end || p[1] == '>'))
      after = p + 1 == end ? end : p + 2; /* comment end bang state */
    if (after) {
      if (data_end > seg)
        str_take(&s, b, seg, (size_t)(data_end - seg));
      emit_comment(t, tok, &s, after);
      return;
    }
    /* the dashes were data: go on scanning, seg unchanged */
  }
  emit_comment(t, tok, &s, end);
}

/* A quoted DOCTYPE identifier from p (after the quote q) into s: up to the
 * quote or a '>' (which ends the DOCTYPE, in force-quirks mode). */
static const char *lex_doctype_id(str *s, buf *b, const char *p, const char *end, char q) {
  for (;;) {
    p = take_until(s, b, p, end, q, '>', '\r', '\0');
    if (p == end || *p == q || *p == '>')
      return p;
    p = nul_or_cr(s, b, p, end);
  }
}

static const char *skip_ws(const char *p, const char *end) {
  while (p < end && is_ws((unsigned char)*p))
    p++;
  return p;
}

/* A DOCTYPE from p (after "<!DOCTYPE"). */
static void lex_doctype(html_tokenizer *t, html_token *tok, const char *p) {
  const char *end = t->end;
  buf *b = &t->tagbuf;
  str name, ids[2]; /* public, system */
  int have_name = 0, have_id[2] = {0, 0}, quirks = 1;
  str_begin(&name, b);
  p = skip_ws(p, end); /* DOCTYPE state, before DOCTYPE name state */
  if (p == end || *p == '>')
    goto done;
  have_name = 1;
  p = lex_name(&name, b, p, end, N_WS | N_GT); /* DOCTYPE name state */
  p = skip_ws(p, end);                         /* after DOCTYPE name state */
  if (p == end)
    goto done;
  if (*p == '>') {
    quirks = 0;
    goto done;
  }
  int which = 0;
  if (end - p >= 6 && equals_ci(p, "public", 6))
    which = 0;
  else if (end - p >= 6 && equals_ci(p, "system", 6))
    which = 1;
  else
    goto bogus;
  p += 6;
  /* after DOCTYPE public/system keyword, before ... identifier state; the
   * system identifier may follow the public one. */
  for (;;) {
    p = skip_ws(p, end);
    if (p == end || *p == '>')
      goto done; /* quirks: an identifier was wanted */
    if (*p != '"' && *p != '\'')
      goto bogus;
    char q = *p;
    str_begin(&ids[which], b);
    have_id[which] = 1;
    p = lex_doctype_id(&ids[which], b, p + 1, end, q);
    if (p == end || *p == '>')
      goto done;             /* abrupt identifier: quirks */
    p = skip_ws(p + 1, end); /* after DOCTYPE ... identifier state */
    if (p == end)
      goto done;
    if (*p == '>') {
      quirks = 0;
      goto done;
    }
    if (which == 1 || (*p != '"' && *p != '\'')) {
      /* junk after the identifiers: bogus DOCTYPE, but not quirks when
       * the system identifier is complete */
      if (which == 1)
        quirks = 0;
      goto bogus;
    }
    which = 1; /* between DOCTYPE public and system identifiers state */
  }
bogus: /* bogus DOCTYPE state: everything up to '>' is dropped */
  p = memchr(p, '>', (size_t)(end - p));
  if (!p)
    p = end;
done:
  if (p < end && *p == '>')
    p++;
  t->p = p;
  tok->type = TOK_DOCTYPE;
  tok->force_quirks = (uint8_t)quirks;
  tok->name = have_name ? str_ptr(&name, b) : NULL;
  tok->name_len = have_name ? name.len : 0;
  tok->public_id = have_id[0] ? str_ptr(&ids[0], b) : NULL;
  tok->public_id_len = have_id[0] ? ids[0].len : 0;
  tok->system_id = have_id[1] ? str_ptr(&ids[1], b) : NULL;
  tok->system_id_len = have_id[1] ? ids[1].len : 0;
}

/* ---- Text ------------------------------------------------------------------ */

/* A CDATA section's data from p (after "<![CDATA[") into s, up to "]]>";
 * returns the byte after it. */
static const char *lex_cdata(str *s, buf *b, const char *p, const char *end) {
  const char *seg = p;
  for (;;) {
    p = scan_for(p, end, ']', '\r', ']', '\r');
    if (p == end || *p == '\r' || (end - p >= 3 && p[1] == ']' && p[2] == '>')) {
      if (p > seg)
        str_take(s, b, seg, (size_t)(p - seg));
      if (p == end)
        return end;
      if (*p == ']')
        return p + 3;
      p = newline(s, b, p, end);
      seg = p;
      continue;
    }
    p++;
  }
}

/* What a '<' at p starts in the data state (tag open state); *from is
 * where the rest of it starts. */
typedef enum {
  LT_TEXT,          /* nothing: the '<' is text */
  LT_START_TAG,     /* *from: the name */
  LT_END_TAG,       /* *from: the name */
  LT_EMPTY_END_TAG, /* "</>": dropped; *from: after it */
  LT_COMMENT,       /* *from: after "<!--" */
  LT_DOCTYPE,       /* *from: after "<!DOCTYPE" */
  LT_CDATA,         /* *from: after "<![CDATA[" */
  LT_BOGUS_COMMENT, /* *from: the comment's data */
} lt_kind;

static lt_kind tag_open(const html_tokenizer *t, const char *p, const char **from) {
  const char *end = t->end, *q = p + 1;
  if (q == end)
    return LT_TEXT;
  unsigned char c = (unsigned char)*q;
  if (is_alpha(c)) {
    *from = q;
    return LT_START_TAG;
  }
  if (c == '/') { /* end tag open state */
    if (q + 1 == end)
      return LT_TEXT;
    *from = q + 1;
    if (is_alpha((unsigned char)q[1]))
      return LT_END_TAG;
    if (q[1] == '>') {
      *from = q + 2;
      return LT_EMPTY_END_TAG;
    }
    return LT_BOGUS_COMMENT;
  }
  if (c == '!') { /* markup declaration open state */
    const char *r = q + 1;
    size_t left = (size_t)(end - r);
    if (left >= 2 && r[0] == '-' && r[1] == '-') {
      *from = r + 2;
      return LT_COMMENT;
    }
    if (left >= 7 && equals_ci(r, "doctype", 7)) {
      *from = r + 7;
      return LT_DOCTYPE;
    }
    if (t->cdata_allowed && left >= 7 && memcmp(r, "[CDATA[", 7) == 0) {
      *from = r + 7;
      return LT_CDATA;
    }
    *from = r;
    return LT_BOGUS_COMMENT;
  }
  if (c == '?') {
    *from = q;
    return LT_BOGUS_COMMENT;
  }
  return LT_TEXT;
}

/* Whether p (a '<') starts the appropriate end tag: "</", the last start
 * tag's name in any case, then white space, '/' or '>'. */
static int at_end_tag(const html_tokenizer *t, const char *p) {
  size_t n = t->last_tag_len;
  if (n == 0 || (size_t)(t->end - p) < n + 3 || p[1] != '/' || !equals_ci(p + 2, t->last_tag, n))
    return 0;
  unsigned char c = (unsigned char)p[2 + n];
  return is_ws(c) || c == '/' || c == '>';
}

/* The end of a text run at p: the run when there is one (what stopped it
 * comes next time), else EOF. */
static int end_run(html_tokenizer *t, html_token *tok, const str *run, const char *p) {
  t->p = p;
  if (t->text.oom)
    return -1;
  if (run->len)
    emit_chars(tok, run, &t->text);
  else
    tok->type = TOK_EOF;
  return 0;
}

/* A tag at p (its name) after a text run: the tag, or EOF when the input
 * ends inside it. The content model goes back to data. */
static int tag_after_text(html_tokenizer *t, html_token *tok, const char *p, int end_tag) {
  t->content = TOKENIZER_DATA;
  int r = lex_tag(t, tok, p, end_tag);
  if (r == 0) {
    t->p = t->end;
    tok->type = TOK_EOF;
  }
  return r < 0 ? -1 : 0;
}

/* The data state: text with character references, up to a tag, comment,
 * DOCTYPE or the end; NUL passes through (the tree builder decides). */
static int lex_data(html_tokenizer *t, html_token *tok) {
  const char *p = t->p, *end = t->end;
  buf *b = &t->text;
  str run;
  str_begin(&run, b);
  if (t->content == TOKENIZER_CDATA_SECTION) {
    p = lex_cdata(&run, b, p, end);
    t->content = TOKENIZER_DATA;
  }
  for (;;) {
    p = take_until(&run, b, p, end, '<', '&', '\r', '<');
    if (p == end)
      return end_run(t, tok, &run, p);
    if (*p == '&') {
      p = charref(&run, b, p, end, 0);
      continue;
    }
    if (*p == '\r') {
      p = newline(&run, b, p, end);
      continue;
    }
    const char *from = NULL;
    lt_kind k = tag_open(t, p, &from);
    if (k == LT_TEXT) {
      str_take(&run, b, p, 1);
      p++;
      continue;
    }
    if (k == LT_EMPTY_END_TAG) {
      p = from;
      continue;
    }
    if (k == LT_CDATA) {
      p = lex_cdata(&run, b, from, end);
      continue;
    }
    if (run.len)
      return end_run(t, tok, &run, p);
    switch (k) {
    case LT_START_TAG:
    case LT_END_TAG:
      return tag_after_text(t, tok, from, k == LT_END_TAG);
    case LT_COMMENT:
      lex_comment(t, tok, from);
      break;
    case LT_DOCTYPE:
      lex_doctype(t, tok, from);
      break;
    default:
      lex_bogus_comment(t, tok, from);
      break;
    }
    return t->text.oom || t->tagbuf.oom ? -1 : 0;
  }
}

/* RCDATA (with character references), RAWTEXT and PLAINTEXT: text up to
 * the appropriate end tag (not in PLAINTEXT) or the end; NUL is U+FFFD. */
static int lex_text(html_tokenizer *t, html_token *tok) {
  const char *p = t->p, *end = t->end;
  buf *b = &t->text;
  char lt = t->content == TOKENIZER_PLAINTEXT ? '\0' : '<';
  char amp = t->content == TOKENIZER_RCDATA ? '&' : '\0';
  str run;
  str_begin(&run, b);
  for (;;) {
    p = take_until(&run, b, p, end, lt, amp, '\r', '\0');
    if (p == end)
      return end_run(t, tok, &run, p);
    if (*p == '&') {
      p = charref(&run, b, p, end, 0);
    } else if (*p != '<') {
      p = nul_or_cr(&run, b, p, end);
    } else if (!at_end_tag(t, p)) {
      str_take(&run, b, p, 1);
      p++;
    } else if (run.len) {
      return end_run(t, tok, &run, p);
    } else {
      return tag_after_text(t, tok, p + 2, 1);
    }
  }
}

/* Script data and its escaped and double-escaped states. The states that
 * look ahead a few characters (less-than sign, escape start, double escape
 * start and end) are done by looking ahead; they only ever emit the input. */
enum {
  SCRIPT_DATA,
  SCRIPT_ESCAPED,
  SCRIPT_ESCAPED_DASH,
  SCRIPT_ESCAPED_DASH_DASH,
  SCRIPT_DOUBLE,
  SCRIPT_DOUBLE_DASH,
  SCRIPT_DOUBLE_DASH_DASH,
};

/* "script" and then white space, '/' or '>' at p, in any case. */
static int script_word_at(const char *p, const char *end) {
  if (end - p < 7 || !equals_ci(p, "script", 6))
    return 0;
  unsigned char c = (unsigned char)p[6];
  return is_ws(c) || c == '/' || c == '>';
}

static int lex_script(html_tokenizer *t, html_token *tok) {
  const char *p = t->p, *end = t->end, *seg = p;
  buf *b = &t->text;
  int st = SCRIPT_DATA;
  str run;
  str_begin(&run, b);
  for (;;) {
    if (st == SCRIPT_DATA)
      p = scan_for(p, end, '<', '\r', '\0', '<');
    else if (st == SCRIPT_ESCAPED || st == SCRIPT_DOUBLE)
      p = scan_for(p, end, '-', '<', '\r', '\0');
    /* (the dash states look at the next byte whatever it is) */
    if (p == end)
      break;
    int escaped = st >= SCRIPT_ESCAPED && st <= SCRIPT_ESCAPED_DASH_DASH;
    int base = st >= SCRIPT_DOUBLE ? SCRIPT_DOUBLE
               : st == SCRIPT_DATA ? SCRIPT_DATA
                                   : SCRIPT_ESCAPED;
    switch (*p) {
    case '\r':
    case '\0':
      if (p > seg)
        str_take(&run, b, seg, (size_t)(p - seg));
      p = nul_or_cr(&run, b, p, end);
      seg = p;
      st = base;
      break;
    case '-':
      if (st == SCRIPT_ESCAPED || st == SCRIPT_ESCAPED_DASH || st == SCRIPT_DOUBLE ||
          st == SCRIPT_DOUBLE_DASH)
        st++;
      p++;
      break;
    case '>':
      st = st == SCRIPT_ESCAPED_DASH_DASH || st == SCRIPT_DOUBLE_DASH_DASH ? SCRIPT_DATA : base;
      p++;
      break;
    case '<':
      if ((st == SCRIPT_DATA || escaped) && at_end_tag(t, p)) {
        if (p > seg)
          str_take(&run, b, seg, (size_t)(p - seg));
        if (run.len)
          return end_run(t, tok, &run, p);
        return tag_after_text(t, tok, p + 2, 1);
      }
      if (st == SCRIPT_DATA) {
        if (end - p >= 4 && memcmp(p + 1, "!--", 3) == 0) { /* escape start (dash) */
          st = SCRIPT_ESCAPED_DASH_DASH;
          p += 4;
        } else {
          p++;
        }
      } else if (escaped) {
        p++;
        st = script_word_at(p, end) ? SCRIPT_DOUBLE : SCRIPT_ESCAPED; /* double escape start */
        if (st == SCRIPT_DOUBLE)
          p += 6;
      } else {
        p++;
        if (p < end && *p == '/' && script_word_at(p + 1, end)) { /* double escape end */
          st = SCRIPT_ESCAPED;
          p += 7;
        } else {
          st = SCRIPT_DOUBLE;
        }
      }
      break;
    default:
      st = base;
      p++;
      break;
    }
  }
  if (p > seg)
    str_take(&run, b, seg, (size_t)(p - seg));
  return end_run(t, tok, &run, p);
}

/* ---- The interface ---------------------------------------------------------------- */

html_tokenizer *tokenizer_new(const char *utf8, size_t len, arena *mem) {
  html_tokenizer *t = arena_calloc(mem, sizeof *t);
  if (!t)
    return NULL;
  t->p = utf8;
  t->end = utf8 + len;
  t->mem = mem;
  t->content = TOKENIZER_DATA;
  uintptr_t where = (uintptr_t)t ^ ((uintptr_t)utf8 << 7) ^ (uintptr_t)&where;
  t->dup_seed = (uint32_t)((uint64_t)where ^ ((uint64_t)where >> 32));
  buf_init(&t->text);
  buf_init(&t->tagbuf);
  return t;
}

void tokenizer_set_max_attrs(html_tokenizer *t, size_t max) {
  t->max_attrs = max;
}

int tokenizer_dropped_attrs(const html_tokenizer *t) {
  return t->dropped_attrs;
}

int tokenizer_next(html_tokenizer *t, html_token *tok) {
  static const html_token empty; /* a copy, not memset: rep stos costs more */
  *tok = empty;
  t->text.len = 0; /* the buffers' last token is no longer needed */
  t->tagbuf.len = 0;
  if (t->text.oom || t->tagbuf.oom)
    return -1;
  switch (t->content) {
  case TOKENIZER_DATA:
  case TOKENIZER_CDATA_SECTION:
    return lex_data(t, tok);
  case TOKENIZER_SCRIPT_DATA:
    return lex_script(t, tok);
  default:
    return lex_text(t, tok);
  }
}

void tokenizer_set_content(html_tokenizer *t, tokenizer_content c, const char *last_start_tag,
                           size_t last_start_tag_len) {
  t->content = c;
  t->last_tag_len = 0;
  if (!last_start_tag || !last_start_tag_len)
    return;
  char *dst = t->last_tag_short;
  if (last_start_tag_len > sizeof t->last_tag_short) {
    dst = arena_alloc(t->mem, last_start_tag_len);
    if (!dst)
      return; /* no end tag will match: the rest of the page is text */
  }
  for (size_t i = 0; i < last_start_tag_len; i++)
    dst[i] = (char)lower((unsigned char)last_start_tag[i]);
  t->last_tag = dst;
  t->last_tag_len = last_start_tag_len;
}

void tokenizer_set_cdata_allowed(html_tokenizer *t, int allowed) {
  t->cdata_allowed = allowed;
}

void tokenizer_free(html_tokenizer *t) {
  if (!t)
    return;
  buf_free(&t->text);
  buf_free(&t->tagbuf);
  free(t->attrs);
  free(t->attr_off);
  free(t->dup);
}
