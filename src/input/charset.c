/* Charset decisions and conversion to UTF-8. UTF-8, UTF-16/32 and
 * windows-1252 (the common cases) are decoded here; everything else goes
 * through glibc's iconv. All state lives on the stack: thread-safe. */
#include "input/charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define PRESCAN_BYTES 4096
/* Detection looks at this much input: plenty of evidence, bounded cost. */
#define DETECT_BYTES (512u * 1024u)

typedef unsigned char uchar;

/* ---- labels ---------------------------------------------------------- */

static const struct {
  const char *label;
  const char *name;
} labels[] = {
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"unicode11utf8", "utf-8"},
    {"unicode20utf8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"utf-16", "utf-16le"},
    {"utf16", "utf-16le"},
    {"utf-16le", "utf-16le"},
    {"unicode", "utf-16le"},
    {"unicodefeff", "utf-16le"},
    {"ucs-2", "utf-16le"},
    {"csunicode", "utf-16le"},
    {"iso-10646-ucs-2", "utf-16le"},
    {"utf-16be", "utf-16be"},
    {"unicodefffe", "utf-16be"},
    {"utf-32", "utf-32le"},
    {"utf-32le", "utf-32le"},
    {"utf-32be", "utf-32be"},
    /* Browsers decode all of these as windows-1252, a superset of latin1. */
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"l1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"latin-1", "windows-1252"},
    {"x-user-defined", "windows-1252"},
    {"l2", "iso-8859-2"},
    {"latin2", "iso-8859-2"},
    {"csisolatin2", "iso-8859-2"},
    {"iso-ir-101", "iso-8859-2"},
    {"l3", "iso-8859-3"},
    {"latin3", "iso-8859-3"},
    {"csisolatin3", "iso-8859-3"},
    {"iso-ir-109", "iso-8859-3"},
    {"l4", "iso-8859-4"},
    {"latin4", "iso-8859-4"},
    {"csisolatin4", "iso-8859-4"},
    {"iso-ir-110", "iso-8859-4"},
    {"cyrillic", "iso-8859-5"},
    {"csisolatincyrillic", "iso-8859-5"},
    {"iso-ir-144", "iso-8859-5"},
    {"arabic", "iso-8859-6"},
    {"asmo-708", "iso-8859-6"},
    {"csiso88596e", "iso-8859-6"},
    {"csiso88596i", "iso-8859-6"},
    {"csisolatinarabic", "iso-8859-6"},
    {"ecma-114", "iso-8859-6"},
    {"iso-8859-6-e", "iso-8859-6"},
    {"iso-8859-6-i", "iso-8859-6"},
    {"iso-ir-127", "iso-8859-6"},
    {"greek", "iso-8859-7"},
    {"greek8", "iso-8859-7"},
    {"csisolatingreek", "iso-8859-7"},
    {"ecma-118", "iso-8859-7"},
    {"elot_928", "iso-8859-7"},
    {"iso-ir-126", "iso-8859-7"},
    {"sun_eu_greek", "iso-8859-7"},
    {"hebrew", "iso-8859-8"},
    {"csiso88598e", "iso-8859-8"},
    {"csisolatinhebrew", "iso-8859-8"},
    {"iso-8859-8-e", "iso-8859-8"},
    {"iso-ir-138", "iso-8859-8"},
    {"visual", "iso-8859-8"},
    {"logical", "iso-8859-8-i"},
    {"csiso88598i", "iso-8859-8-i"},
    {"iso-8859-8-i", "iso-8859-8-i"},
    {"l5", "windows-1254"},
    {"latin5", "windows-1254"},
    {"csisolatin5", "windows-1254"},
    {"iso-ir-148", "windows-1254"},
    {"l6", "iso-8859-10"},
    {"latin6", "iso-8859-10"},
    {"csisolatin6", "iso-8859-10"},
    {"iso-ir-157", "iso-8859-10"},
    {"l9", "iso-8859-15"},
    {"latin9", "iso-8859-15"},
    {"csisolatin9", "iso-8859-15"},
    {"dos-874", "windows-874"},
    {"tis-620", "windows-874"},
    {"windows-874", "windows-874"},
    {"cskoi8r", "koi8-r"},
    {"koi", "koi8-r"},
    {"koi8", "koi8-r"},
    {"koi8-r", "koi8-r"},
    {"koi8_r", "koi8-r"},
    {"koi8-ru", "koi8-u"},
    {"koi8-u", "koi8-u"},
    {"866", "ibm866"},
    {"cp866", "ibm866"},
    {"csibm866", "ibm866"},
    {"ibm866", "ibm866"},
    {"csmacintosh", "macintosh"},
    {"mac", "macintosh"},
    {"macintosh", "macintosh"},
    {"x-mac-roman", "macintosh"},
    {"x-mac-cyrillic", "x-mac-cyrillic"},
    {"x-mac-ukrainian", "x-mac-cyrillic"},
    /* gb18030 is a superset of gbk, which is a superset of gb2312. */
    {"chinese", "gb18030"},
    {"csgb2312", "gb18030"},
    {"csiso58gb231280", "gb18030"},
    {"gb2312", "gb18030"},
    {"gb_2312", "gb18030"},
    {"gb_2312-80", "gb18030"},
    {"gbk", "gb18030"},
    {"iso-ir-58", "gb18030"},
    {"x-gbk", "gb18030"},
    {"gb18030", "gb18030"},
    {"euc-cn", "gb18030"},
    {"cp936", "gb18030"},
    {"ms936", "gb18030"},
    {"windows-936", "gb18030"},
    {"big5", "big5"},
    {"big5-hkscs", "big5"},
    {"cn-big5", "big5"},
    {"csbig5", "big5"},
    {"x-x-big5", "big5"},
    {"cp950", "big5"},
    {"windows-950", "big5"},
    {"cseucpkdfmtjapanese", "euc-jp"},
    {"euc-jp", "euc-jp"},
    {"eucjp", "euc-jp"},
    {"x-euc-jp", "euc-jp"},
    {"csiso2022jp", "iso-2022-jp"},
    {"iso-2022-jp", "iso-2022-jp"},
    {"csshiftjis", "shift_jis"},
    {"ms932", "shift_jis"},
    {"ms_kanji", "shift_jis"},
    {"shift-jis", "shift_jis"},
    {"shift_jis", "shift_jis"},
    {"shiftjis", "shift_jis"},
    {"sjis", "shift_jis"},
    {"windows-31j", "shift_jis"},
    {"x-sjis", "shift_jis"},
    {"cp932", "shift_jis"},
    {"cseuckr", "euc-kr"},
    {"csksc56011987", "euc-kr"},
    {"euc-kr", "euc-kr"},
    {"euckr", "euc-kr"},
    {"iso-ir-149", "euc-kr"},
    {"korean", "euc-kr"},
    {"ks_c_5601-1987", "euc-kr"},
    {"ks_c_5601-1989", "euc-kr"},
    {"ksc5601", "euc-kr"},
    {"ksc_5601", "euc-kr"},
    {"windows-949", "euc-kr"},
    {"cp949", "euc-kr"},
    {"uhc", "euc-kr"},
};

/* Canonical name -> iconv name. The CJK entries name the Windows/HKSCS
 * supersets because that is what pages labelled with the plain names use. */
static const struct {
  const char *name;
  const char *iconv;
} encodings[] = {
    {"windows-1250", "CP1250"},     {"windows-1251", "CP1251"},
    {"windows-1252", "CP1252"},     {"windows-1253", "CP1253"},
    {"windows-1254", "CP1254"},     {"windows-1255", "CP1255"},
    {"windows-1256", "CP1256"},     {"windows-1257", "CP1257"},
    {"windows-1258", "CP1258"},     {"iso-8859-2", "ISO-8859-2"},
    {"iso-8859-3", "ISO-8859-3"},   {"iso-8859-4", "ISO-8859-4"},
    {"iso-8859-5", "ISO-8859-5"},   {"iso-8859-6", "ISO-8859-6"},
    {"iso-8859-7", "ISO-8859-7"},   {"iso-8859-8", "ISO-8859-8"},
    {"iso-8859-8-i", "ISO-8859-8"}, {"iso-8859-10", "ISO-8859-10"},
    {"iso-8859-13", "ISO-8859-13"}, {"iso-8859-14", "ISO-8859-14"},
    {"iso-8859-15", "ISO-8859-15"}, {"iso-8859-16", "ISO-8859-16"},
    {"windows-874", "CP874"},       {"koi8-r", "KOI8-R"},
    {"koi8-u", "KOI8-U"},           {"ibm866", "CP866"},
    {"macintosh", "MACINTOSH"},     {"x-mac-cyrillic", "MAC-CYRILLIC"},
    {"gb18030", "GB18030"},         {"big5", "BIG5-HKSCS"},
    {"shift_jis", "CP932"},         {"euc-jp", "EUC-JP"},
    {"iso-2022-jp", "ISO-2022-JP"}, {"euc-kr", "CP949"},
};

static const char *const iso8859_names[17] = {
    NULL,         "windows-1252", "iso-8859-2",  "iso-8859-3",   "iso-8859-4",  "iso-8859-5",
    "iso-8859-6", "iso-8859-7",   "iso-8859-8",  "windows-1254", "iso-8859-10", "windows-874",
    NULL,         "iso-8859-13",  "iso-8859-14", "iso-8859-15",  "iso-8859-16"};

static const char *const windows_names[9] = {"windows-1250", "windows-1251", "windows-1252",
                                             "windows-1253", "windows-1254", "windows-1255",
                                             "windows-1256", "windows-1257", "windows-1258"};

static int is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
static int lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}
static int is_alpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int has_prefix(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

/* Parses "<digits>" (optionally followed by ":<year>") filling all of s. */
static int parse_number_label(const char *s, int *num) {
  int v = 0, digits = 0;
  while (*s >= '0' && *s <= '9' && digits < 3)
    v = v * 10 + (*s++ - '0'), digits++;
  if (!digits)
    return 0;
  if (*s == ':') {
    s++;
    while (*s >= '0' && *s <= '9')
      s++;
  }
  if (*s)
    return 0;
  *num = v;
  return 1;
}

/* iso-8859-N, iso8859-N, iso_8859-N, iso8859N (any :year suffix), and
 * windows-125N, cp125N, x-cp125N: families too regular to list. */
static const char *generic_label(const char *s) {
  int n;
  static const char *const iso_prefixes[] = {"iso-8859-", "iso_8859-", "iso8859-", "iso8859"};
  for (size_t i = 0; i < sizeof iso_prefixes / sizeof *iso_prefixes; i++)
    if (has_prefix(s, iso_prefixes[i]) && parse_number_label(s + strlen(iso_prefixes[i]), &n))
      return n >= 1 && n <= 16 ? iso8859_names[n] : NULL;
  static const char *const win_prefixes[] = {"windows-125", "x-cp125", "cp125"};
  for (size_t i = 0; i < sizeof win_prefixes / sizeof *win_prefixes; i++) {
    size_t pl = strlen(win_prefixes[i]);
    if (has_prefix(s, win_prefixes[i]) && s[pl] >= '0' && s[pl] <= '8' && !s[pl + 1])
      return windows_names[s[pl] - '0'];
  }
  return NULL;
}

const char *pith_charset_canonical(const char *label, size_t len) {
  char buf[48];
  size_t n = 0;
  if (!label)
    return NULL;
  while (len && (is_space((uchar)*label) || *label == '"' || *label == '\''))
    label++, len--;
  while (len &&
         (is_space((uchar)label[len - 1]) || label[len - 1] == '"' || label[len - 1] == '\''))
    len--;
  if (len == 0 || len >= sizeof buf)
    return NULL;
  for (; n < len; n++)
    buf[n] = (char)lower((uchar)label[n]);
  buf[n] = 0;
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
    if (strcmp(buf, labels[i].label) == 0)
      return labels[i].name;
  return generic_label(buf);
}

static const char *iconv_name(const char *name) {
  for (size_t i = 0; i < sizeof encodings / sizeof *encodings; i++)
    if (strcmp(name, encodings[i].name) == 0)
      return encodings[i].iconv;
  return NULL;
}

static int is_wide(const char *name) {
  return has_prefix(name, "utf-16") || has_prefix(name, "utf-32");
}

static int is_cjk(const char *name) {
  return !strcmp(name, "gb18030") || !strcmp(name, "big5") || !strcmp(name, "shift_jis") ||
         !strcmp(name, "euc-jp") || !strcmp(name, "euc-kr");
}

static const char *charset_from_content(const char *v, size_t n);

int pith_charset_known(const char *label) {
  if (!label)
    return 0;
  size_t n = strlen(label);
  return pith_charset_canonical(label, n) || charset_from_content(label, n);
}

/* The Unicode names come from BOMs and labels; the rest from the table of
 * what iconv decodes. */
size_t pith_charset_names(char *out, size_t cap) {
  static const char *const unicode[] = {"utf-8", "utf-16le", "utf-16be", "utf-32le", "utf-32be"};
  size_t n_uni = sizeof unicode / sizeof *unicode, n_enc = sizeof encodings / sizeof *encodings;
  size_t len = 0;
  for (size_t i = 0; i < n_uni + n_enc; i++) {
    const char *name = i < n_uni ? unicode[i] : encodings[i - n_uni].name;
    int w = snprintf(out && len < cap ? out + len : NULL, out && len < cap ? cap - len : 0, "%s%s",
                     i ? ", " : "", name);
    len += (size_t)w;
  }
  return len;
}

/* ---- prescan of the page's own declaration --------------------------- */

static int starts_ci(const uchar *p, size_t n, const char *s) {
  size_t k = strlen(s);
  if (n < k)
    return 0;
  for (size_t i = 0; i < k; i++)
    if (lower(p[i]) != s[i])
      return 0;
  return 1;
}

/* The charset in a Content-Type value ("text/html; charset=x"), as a
 * canonical name, or NULL. */
static const char *charset_from_content(const char *v, size_t n) {
  size_t i = 0;
  for (;;) {
    while (i + 7 <= n && !starts_ci((const uchar *)v + i, n - i, "charset"))
      i++;
    if (i + 7 > n)
      return NULL;
    i += 7;
    while (i < n && is_space((uchar)v[i]))
      i++;
    if (i < n && v[i] == '=')
      break; /* else look for a later "charset" */
  }
  i++;
  while (i < n && is_space((uchar)v[i]))
    i++;
  if (i >= n)
    return NULL;
  size_t start, end;
  if (v[i] == '"' || v[i] == '\'') {
    char q = v[i++];
    start = i;
    while (i < n && v[i] != q)
      i++;
    if (i >= n)
      return NULL; /* unterminated quote: no charset, per WHATWG */
    end = i;
  } else {
    start = i;
    while (i < n && !is_space((uchar)v[i]) && v[i] != ';')
      i++;
    end = i;
  }
  return pith_charset_canonical(v + start, end - start);
}

typedef struct {
  char name[16];
  char value[128];
  size_t name_len, value_len;
} attr;

static void attr_add(char *dst, size_t *len, size_t cap, int c) {
  if (*len + 1 < cap)
    dst[(*len)++] = (char)c;
}

/* HTML5 "get an attribute": reads one attribute at *pos; 0 at '>' or end. */
static int get_attr(const uchar *p, size_t n, size_t *pos, attr *a) {
  size_t i = *pos;
  a->name_len = a->value_len = 0;
  while (i < n && (is_space(p[i]) || p[i] == '/'))
    i++;
  if (i >= n || p[i] == '>') {
    *pos = i;
    return 0;
  }
  for (;; i++) {
    if (i >= n)
      goto done;
    if (p[i] == '=' && a->name_len)
      break;
    if (is_space(p[i])) {
      while (i < n && is_space(p[i]))
        i++;
      if (i >= n || p[i] != '=')
        goto done;
      break;
    }
    if (p[i] == '/' || p[i] == '>')
      goto done;
    attr_add(a->name, &a->name_len, sizeof a->name, lower(p[i]));
  }
  i++; /* past '=' */
  while (i < n && is_space(p[i]))
    i++;
  if (i >= n)
    goto done;
  if (p[i] == '"' || p[i] == '\'') {
    uchar q = p[i++];
    while (i < n && p[i] != q)
      attr_add(a->value, &a->value_len, sizeof a->value, lower(p[i++]));
    if (i < n)
      i++;
  } else {
    while (i < n && !is_space(p[i]) && p[i] != '>')
      attr_add(a->value, &a->value_len, sizeof a->value, lower(p[i++]));
  }
done:
  a->name[a->name_len] = 0;
  a->value[a->value_len] = 0;
  *pos = i;
  return 1;
}

/* Declared in 8-bit bytes, a UTF-16/32 label is a lie: WHATWG says utf-8. */
static const char *meta_label(const char *name) {
  return name && is_wide(name) ? "utf-8" : name;
}

/* <meta ...> with attributes from *pos; returns the declared charset or NULL. */
static const char *scan_meta(const uchar *p, size_t n, size_t *pos) {
  attr a;
  int got_pragma = 0, need_pragma = -1, seen = 0;
  const char *cs = NULL;
  while (get_attr(p, n, pos, &a)) {
    if (!strcmp(a.name, "http-equiv") && !(seen & 1)) {
      seen |= 1;
      if (!strcmp(a.value, "content-type"))
        got_pragma = 1;
    } else if (!strcmp(a.name, "content") && !(seen & 2)) {
      seen |= 2;
      if (!cs) {
        const char *c = charset_from_content(a.value, a.value_len);
        if (c)
          cs = c, need_pragma = 1;
      }
    } else if (!strcmp(a.name, "charset") && !(seen & 4)) {
      seen |= 4;
      cs = pith_charset_canonical(a.value, a.value_len);
      need_pragma = 0;
    }
  }
  if (need_pragma == -1 || (need_pragma == 1 && !got_pragma))
    return NULL;
  return meta_label(cs);
}

/* <?xml version="1.0" encoding="..."?> starting at p[i]. */
static const char *scan_xml_decl(const uchar *p, size_t n, size_t i) {
  size_t end = i;
  while (end < n && p[end] != '>')
    end++;
  for (; i + 8 < end; i++) {
    if (memcmp(p + i, "encoding", 8) != 0)
      continue;
    size_t j = i + 8;
    while (j < end && is_space(p[j]))
      j++;
    if (j >= end || p[j] != '=')
      continue;
    j++;
    while (j < end && is_space(p[j]))
      j++;
    if (j >= end || (p[j] != '"' && p[j] != '\''))
      return NULL;
    uchar q = p[j++];
    size_t start = j;
    while (j < end && p[j] != q)
      j++;
    return meta_label(pith_charset_canonical((const char *)p + start, j - start));
  }
  return NULL;
}

/* A simplified HTML5 prescan: comments and other tags are skipped whole so
 * that a "charset" inside them is not taken for a declaration. */
static const char *prescan(const uchar *p, size_t n) {
  if (n > PRESCAN_BYTES)
    n = PRESCAN_BYTES;
  size_t i = 0;
  while (i < n) {
    const uchar *lt = memchr(p + i, '<', n - i);
    if (!lt)
      break;
    i = (size_t)(lt - p);
    const uchar *q = p + i;
    size_t rest = n - i;
    if (starts_ci(q, rest, "<!--")) {
      size_t j = i + 2;
      while (j + 3 <= n && memcmp(p + j, "-->", 3) != 0)
        j++;
      i = j + 3;
    } else if (starts_ci(q, rest, "<meta") && rest > 5 && (is_space(q[5]) || q[5] == '/')) {
      size_t pos = i + 5;
      const char *cs = scan_meta(p, n, &pos);
      if (cs)
        return cs;
      i = pos + 1;
    } else if (starts_ci(q, rest, "<?xml")) {
      const char *cs = scan_xml_decl(p, n, i + 5);
      if (cs)
        return cs;
      i += 5;
    } else if (rest > 1 && (is_alpha(q[1]) || (q[1] == '/' && rest > 2 && is_alpha(q[2])))) {
      /* Any other tag: skip its name, then its attributes (values may hold '>'). */
      size_t pos = i + 1;
      while (pos < n && !is_space(p[pos]) && p[pos] != '>')
        pos++;
      attr a;
      while (get_attr(p, n, &pos, &a)) {
      }
      i = pos + 1;
    } else if (rest > 1 && (q[1] == '!' || q[1] == '/' || q[1] == '?')) {
      const uchar *gt = memchr(q, '>', rest);
      if (!gt)
        break;
      i = (size_t)(gt - p) + 1;
    } else {
      i++;
    }
  }
  return NULL;
}

/* ---- UTF-8 ----------------------------------------------------------- */

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* True when none of the 8 bytes at p is >= 0x80 or NUL: the fast path. */
static int plain_ascii8(const uchar *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return !(v & HIGHS) && !((v - ONES) & ~v & HIGHS);
}

/* Length of the valid sequence whose lead byte (>= 0x80) is p[0], or 0 with
 * *bad = length of the maximal invalid subpart (one U+FFFD replaces it). */
static size_t u8_seq(const uchar *p, size_t n, size_t *bad) {
  uchar b = p[0];
  size_t need;
  uchar lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0)
      lo = 0xA0; /* overlong */
    if (b == 0xED)
      hi = 0x9F; /* surrogates */
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0)
      lo = 0x90; /* overlong */
    if (b == 0xF4)
      hi = 0x8F; /* above U+10FFFF */
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t i = 1; i <= need; i++) {
    if (i >= n || p[i] < lo || p[i] > hi) {
      *bad = i;
      return 0;
    }
    lo = 0x80, hi = 0xBF;
  }
  return need + 1;
}

typedef struct {
  size_t valid;     /* valid non-ASCII sequences */
  size_t invalid;   /* invalid subparts */
  size_t bad_bytes; /* bytes in those subparts */
  size_t nuls;
} u8_stats;

/* The length of the run of plain ASCII (no byte >= 0x80, no NUL) at s, up to
 * n: most of a page, so SSE2 takes 16 bytes at a time where it can. */
static size_t plain_ascii_run(const uchar *s, size_t n) {
  size_t i = 0;
#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    unsigned stop = (unsigned)(_mm_movemask_epi8(v) | _mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
    if (stop)
      return i + (size_t)__builtin_ctz(stop);
  }
#endif
  while (i + 8 <= n && plain_ascii8(s + i))
    i += 8;
  while (i < n && s[i] && s[i] < 0x80)
    i++;
  return i;
}

static void u8_scan(const uchar *s, size_t n, u8_stats *st) {
  memset(st, 0, sizeof *st);
  size_t i = 0;
  while (i < n) {
    i += plain_ascii_run(s + i, n - i);
    if (i == n)
      break;
    if (s[i] < 0x80) {
      st->nuls += s[i] == 0;
      i++;
      continue;
    }
    size_t bad, k = u8_seq(s + i, n - i, &bad);
    if (k) {
      st->valid++;
      i += k;
    } else {
      st->invalid++;
      st->bad_bytes += bad;
      i += bad;
    }
  }
}

int pith_utf8_valid(const char *s, size_t len) {
  const uchar *p = (const uchar *)s;
  size_t i = 0, bad;
  while (i < len) {
    if (i + 8 <= len) {
      uint64_t v;
      memcpy(&v, p + i, 8);
      if (!(v & HIGHS)) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    size_t k = u8_seq(p + i, len - i, &bad);
    if (!k)
      return 0;
    i += k;
  }
  return 1;
}

static size_t put_cp(char *o, uint32_t c) {
  if (c < 0x80) {
    o[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    o[0] = (char)(0xC0 | (c >> 6));
    o[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    o[0] = (char)(0xE0 | (c >> 12));
    o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (c >> 18));
  o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  o[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

#define REPL "\xEF\xBF\xBD"

/* Copies UTF-8, replacing invalid subparts with U+FFFD and dropping NULs;
 * st (from u8_scan over the same bytes) gives the exact output size. With
 * borrowed (not NULL), bytes that need no change are s itself (*borrowed
 * set), not a copy. */
static char *u8_clean(const uchar *s, size_t n, const u8_stats *st, int *borrowed, size_t *olen) {
  if (borrowed && !st->invalid && !st->nuls) {
    *borrowed = 1;
    *olen = n;
    return (char *)(uintptr_t)s;
  }
  size_t cap = n - st->nuls - st->bad_bytes + 3 * st->invalid;
  char *out = malloc(cap + 1);
  if (!out)
    return NULL;
  if (!st->invalid && !st->nuls) {
    memcpy(out, s, n);
  } else {
    char *o = out;
    size_t i = 0;
    while (i < n) {
      if (i + 8 <= n && plain_ascii8(s + i)) {
        memcpy(o, s + i, 8);
        o += 8, i += 8;
        continue;
      }
      if (s[i] < 0x80) {
        if (s[i])
          *o++ = (char)s[i];
        i++;
        continue;
      }
      size_t bad, k = u8_seq(s + i, n - i, &bad);
      if (k) {
        memcpy(o, s + i, k);
        o += k, i += k;
      } else {
        memcpy(o, REPL, 3);
        o += 3, i += bad;
      }
    }
  }
  out[cap] = 0;
  *olen = cap;
  return out;
}

/* ---- UTF-16/32 and windows-1252, decoded here ------------------------ */

static char *utf16_decode(const uchar *s, size_t n, int be, size_t *olen) {
  char *out = malloc(n / 2 * 3 + 4);
  if (!out)
    return NULL;
  char *o = out;
  size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    uint32_t u = be ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
    if (u >= 0xD800 && u <= 0xDBFF && i + 4 <= n) {
      uint32_t v = be ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        o += put_cp(o, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF)
      u = 0xFFFD; /* lone surrogate */
    if (u)
      o += put_cp(o, u);
  }
  if (i < n)
    o += put_cp(o, 0xFFFD); /* odd trailing byte */
  *o = 0;
  *olen = (size_t)(o - out);
  return out;
}

static char *utf32_decode(const uchar *s, size_t n, int be, size_t *olen) {
  char *out = malloc(n + 4);
  if (!out)
    return NULL;
  char *o = out;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    uint32_t u =
        be ? (uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16 | (uint32_t)s[i + 2] << 8 | s[i + 3]
           : (uint32_t)s[i + 3] << 24 | (uint32_t)s[i + 2] << 16 | (uint32_t)s[i + 1] << 8 | s[i];
    if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
      u = 0xFFFD;
    if (u)
      o += put_cp(o, u);
  }
  if (i < n)
    o += put_cp(o, 0xFFFD);
  *o = 0;
  *olen = (size_t)(o - out);
  return out;
}

/* windows-1252 bytes 0x80-0x9F; 0 marks the five undefined ones. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static char *cp1252_decode(const uchar *s, size_t n, size_t *olen) {
  char *out = malloc(n * 3 + 1);
  if (!out)
    return NULL;
  char *o = out;
  for (size_t i = 0; i < n; i++) {
    uchar c = s[i];
    if (c < 0x80) {
      if (c)
        *o++ = (char)c;
    } else if (c < 0xA0) {
      o += put_cp(o, cp1252_c1[c - 0x80] ? cp1252_c1[c - 0x80] : 0xFFFD);
    } else {
      o += put_cp(o, c);
    }
  }
  *o = 0;
  *olen = (size_t)(o - out);
  return out;
}

/* ---- iconv ----------------------------------------------------------- */

static int grow(char **buf, size_t *cap, char **op, size_t *ol, size_t need) {
  size_t off = (size_t)(*op - *buf);
  size_t ncap = *cap;
  while (ncap - 1 - off < need)
    ncap *= 2;
  char *nb = realloc(*buf, ncap);
  if (!nb)
    return -1;
  *buf = nb, *cap = ncap, *op = nb + off, *ol = ncap - 1 - off;
  return 0;
}

/* Returns 0, -1 on out-of-memory, 1 if iconv does not know the encoding. */
static int iconv_decode(const char *from, const uchar *s, size_t n, char **out, size_t *olen) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1)
    return 1;
  size_t cap = n + n / 2 + 64;
  char *buf = malloc(cap);
  if (!buf) {
    iconv_close(cd);
    return -1;
  }
  char *ip = (char *)s, *op = buf;
  size_t il = n, ol = cap - 1;
  int rc = 0;
  while (il > 0) {
    if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
      break;
    if (errno == E2BIG) {
      if (grow(&buf, &cap, &op, &ol, ol + 64))
        goto oom;
      continue;
    }
    /* EILSEQ: skip one byte so a bad lead byte does not hide the ASCII
     * after it; EINVAL: a sequence cut short by the end of input. */
    if (ol < 3 && grow(&buf, &cap, &op, &ol, 3))
      goto oom;
    memcpy(op, REPL, 3);
    op += 3, ol -= 3;
    if (errno == EINVAL)
      break;
    ip++, il--;
  }
  /* Flush a stateful encoding (ISO-2022-JP) back to its initial state. */
  while (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1 && errno == E2BIG)
    if (grow(&buf, &cap, &op, &ol, ol + 64))
      goto oom;
  iconv_close(cd);
  /* A NUL byte decodes to U+0000; drop it to keep a C string. */
  size_t len = (size_t)(op - buf);
  char *z = memchr(buf, 0, len);
  if (z) {
    char *w = z;
    for (char *r = z; r < op; r++)
      if (*r)
        *w++ = *r;
    len = (size_t)(w - buf);
  }
  buf[len] = 0;
  *out = buf;
  *olen = len;
  return rc;
oom:
  iconv_close(cd);
  free(buf);
  return -1;
}

/* ---- detection ------------------------------------------------------- */

enum { CJK_GB, CJK_BIG5, CJK_SJIS, CJK_EUCJP, CJK_EUCKR, CJK_N };
static const char *const cjk_names[CJK_N] = {"gb18030", "big5", "shift_jis", "euc-jp", "euc-kr"};

/* Log-probabilities of a frequent character, a rare one and an error under
 * each encoding: roughly log(0.9 / size of the frequent set) and
 * log(0.1 / size of the rest), so that a narrow frequent set that fits the
 * text (Hangul in euc-kr) beats a wider one that merely contains it. */
static const double cjk_common_lp[CJK_N] = {-8.41, -8.78, -8.34, -8.20, -7.91};
static const double cjk_rare_lp[CJK_N] = {-12.2, -11.84, -11.23, -10.9, -12.2};
#define ERROR_LP (-25.0)

enum { CH_ERROR, CH_COMMON, CH_RARE, CH_CUT };

static int rng(uchar c, uchar lo, uchar hi) {
  return c >= lo && c <= hi;
}

/* Classifies the non-ASCII character at p[0] under encoding e, setting *len
 * to the bytes it takes (1 on error). CH_CUT: cut short by the sample end. */
static int cjk_class(int e, const uchar *p, size_t n, size_t *len) {
  uchar a = p[0], b = n > 1 ? p[1] : 0;
  *len = 1;
  switch (e) {
  case CJK_GB:
    if (!rng(a, 0x81, 0xFE))
      return CH_ERROR;
    if (n < 2)
      return CH_CUT;
    if (rng(b, 0x30, 0x39)) { /* four-byte form */
      if (n < 4)
        return CH_CUT;
      if (!rng(p[2], 0x81, 0xFE) || !rng(p[3], 0x30, 0x39))
        return CH_ERROR;
      *len = 4;
      return CH_RARE;
    }
    if (!rng(b, 0x40, 0x7E) && !rng(b, 0x80, 0xFE))
      return CH_ERROR;
    *len = 2;
    return (rng(a, 0xB0, 0xD7) || rng(a, 0xA1, 0xA3)) && rng(b, 0xA1, 0xFE) ? CH_COMMON : CH_RARE;
  case CJK_BIG5:
    if (!rng(a, 0x81, 0xFE))
      return CH_ERROR;
    if (n < 2)
      return CH_CUT;
    if (!rng(b, 0x40, 0x7E) && !rng(b, 0xA1, 0xFE))
      return CH_ERROR;
    *len = 2;
    return rng(a, 0xA1, 0xC5) || (a == 0xC6 && b <= 0x7E) ? CH_COMMON : CH_RARE;
  case CJK_SJIS:
    if (rng(a, 0xA1, 0xDF))
      return CH_RARE; /* half-width katakana */
    if (!rng(a, 0x81, 0x9F) && !rng(a, 0xE0, 0xFC))
      return CH_ERROR;
    if (n < 2)
      return CH_CUT;
    if (!rng(b, 0x40, 0x7E) && !rng(b, 0x80, 0xFC))
      return CH_ERROR;
    *len = 2;
    return rng(a, 0x81, 0x83) || rng(a, 0x88, 0x98) ? CH_COMMON : CH_RARE;
  case CJK_EUCJP:
    if (a == 0x8E) {
      if (n < 2)
        return CH_CUT;
      if (!rng(b, 0xA1, 0xDF))
        return CH_ERROR;
      *len = 2;
      return CH_RARE;
    }
    if (a == 0x8F) {
      if (n < 3)
        return CH_CUT;
      if (!rng(b, 0xA1, 0xFE) || !rng(p[2], 0xA1, 0xFE))
        return CH_ERROR;
      *len = 3;
      return CH_RARE;
    }
    if (!rng(a, 0xA1, 0xFE))
      return CH_ERROR;
    if (n < 2)
      return CH_CUT;
    if (!rng(b, 0xA1, 0xFE))
      return CH_ERROR;
    *len = 2;
    return a == 0xA1 || a == 0xA4 || a == 0xA5 || rng(a, 0xB0, 0xCF) ? CH_COMMON : CH_RARE;
  default: /* CJK_EUCKR, as cp949 */
    if (!rng(a, 0x81, 0xFE))
      return CH_ERROR;
    if (n < 2)
      return CH_CUT;
    if (!rng(b, 0x41, 0x5A) && !rng(b, 0x61, 0x7A) && !rng(b, 0x81, 0xFE))
      return CH_ERROR;
    *len = 2;
    return (rng(a, 0xB0, 0xC8) || a == 0xA1) && rng(b, 0xA1, 0xFE) ? CH_COMMON : CH_RARE;
  }
}

typedef struct {
  size_t chars, common, errors, adjacent;
  double score;
} cjk_stats;

static void cjk_scan(int e, const uchar *s, size_t n, cjk_stats *st) {
  memset(st, 0, sizeof *st);
  int prev_mb = 0;
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      prev_mb = 0;
      i++;
      continue;
    }
    size_t len;
    int c = cjk_class(e, s + i, n - i, &len);
    if (c == CH_CUT)
      break;
    if (c == CH_ERROR) {
      st->errors++;
      st->score += ERROR_LP;
      prev_mb = 0;
    } else {
      st->chars++;
      st->adjacent += prev_mb;
      if (c == CH_COMMON)
        st->common++;
      st->score += c == CH_COMMON ? cjk_common_lp[e] : cjk_rare_lp[e];
      prev_mb = 1;
    }
    i += len;
  }
}

/* CJK text: structurally clean (<= 2% errors), mostly frequent characters,
 * and characters in runs (Latin text's stray high bytes sit between ASCII
 * letters, so "don\x92t" is no kanji). Returns the best fit or NULL. */
static const char *detect_cjk(const uchar *s, size_t n) {
  const char *best = NULL;
  double best_score = 0;
  for (int e = 0; e < CJK_N; e++) {
    cjk_stats st;
    cjk_scan(e, s, n, &st);
    if (st.chars < 2 || st.errors * 50 > st.chars || st.common * 2 < st.chars ||
        st.adjacent * 10 < st.chars * 3)
      continue;
    if (!best || st.score > best_score)
      best = cjk_names[e], best_score = st.score;
  }
  return best;
}

enum { L_1252, L_1250, L_8859_2, L_N };

/* Whether byte c (>= 0x80) is a letter in the given Latin encoding. */
static int latin_letter(int e, uchar c) {
  if (c >= 0xC0)
    return c != 0xD7 && c != 0xF7;
  switch (e) {
  case L_1252:
    return c == 0x83 || c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A || c == 0x9C ||
           c == 0x9E || c == 0x9F || c == 0xAA || c == 0xB5 || c == 0xBA;
  case L_1250:
    if (rng(c, 0x8A, 0x8F) || rng(c, 0x9A, 0x9F))
      return c != 0x8B && c != 0x9B;
    return c == 0xA3 || c == 0xA5 || c == 0xAA || c == 0xAF || c == 0xB3 || c == 0xB5 ||
           c == 0xB9 || c == 0xBA || c == 0xBC || c == 0xBE || c == 0xBF;
  default:
    return c == 0xA1 || c == 0xA3 || c == 0xA5 || c == 0xA6 || rng(c, 0xA9, 0xAC) || c == 0xAE ||
           c == 0xAF || c == 0xB1 || c == 0xB3 || c == 0xB5 || c == 0xB6 || rng(c, 0xB9, 0xBC) ||
           c == 0xBE || c == 0xBF;
  }
}

/* Bytes that are unassigned (or C1 controls) and so count against. */
static int latin_unassigned(int e, uchar c) {
  switch (e) {
  case L_1252:
    return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
  case L_1250:
    return c == 0x81 || c == 0x83 || c == 0x88 || c == 0x90 || c == 0x98;
  default:
    return c < 0xA0;
  }
}

/* Single-byte detection: Cyrillic words are runs of high bytes (0xC0-0xFF)
 * with no ASCII letters beside them; Latin text has accented letters amid
 * ASCII ones, and which bytes are letters picks the Latin encoding. */
static const char *detect_single_byte(const uchar *s, size_t n) {
  size_t high = 0, beside_letter = 0, in_run = 0, cyr = 0, low1251 = 0, lowkoi = 0;
  long latin[L_N] = {0};
  for (size_t i = 0; i < n; i++) {
    uchar c = s[i];
    if (c < 0x80)
      continue;
    high++;
    int adj = (i > 0 && is_alpha(s[i - 1])) || (i + 1 < n && is_alpha(s[i + 1]));
    beside_letter += adj;
    in_run += (i > 0 && s[i - 1] >= 0x80) || (i + 1 < n && s[i + 1] >= 0x80);
    if (c >= 0xC0 || c == 0xA8 || c == 0xB8 || c == 0xA3 || c == 0xB3)
      cyr++;
    if (c >= 0xE0)
      low1251++;
    else if (c >= 0xC0)
      lowkoi++;
    for (int e = 0; e < L_N; e++) {
      if (adj && latin_letter(e, c))
        latin[e]++;
      if (latin_unassigned(e, c))
        latin[e] -= 2;
    }
  }
  if (high >= 3 && in_run * 2 >= high && beside_letter * 10 < high * 3 && cyr * 10 >= high * 8)
    return low1251 >= lowkoi ? "windows-1251" : "koi8-r"; /* lower case dominates */
  if (latin[L_8859_2] > latin[L_1252] && latin[L_8859_2] > latin[L_1250])
    return "iso-8859-2";
  if (latin[L_1250] > latin[L_1252])
    return "windows-1250";
  return "windows-1252";
}

/* UTF-16 without a BOM: ASCII text shows as every other byte being NUL. */
static const char *sniff_utf16(const uchar *s, size_t n) {
  if (n > PRESCAN_BYTES)
    n = PRESCAN_BYTES;
  size_t pairs = n / 2, z_even = 0, z_odd = 0;
  if (pairs < 2)
    return NULL;
  /* A page opening with a tag ("<h", "<!") in UTF-16: its text may be CJK
   * throughout, with too few NUL bytes to count, but no 8-bit page starts
   * with a NUL byte beside its "<". */
  int tag_lo = s[2] == '!' || ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'z');
  int tag_hi = s[3] == '!' || ((s[3] | 0x20) >= 'a' && (s[3] | 0x20) <= 'z');
  if (s[0] == '<' && !s[1] && tag_lo && !s[3])
    return "utf-16le";
  if (!s[0] && s[1] == '<' && !s[2] && tag_hi)
    return "utf-16be";
  for (size_t i = 0; i + 1 < n; i += 2)
    z_even += s[i] == 0, z_odd += s[i + 1] == 0;
  if (z_odd * 10 >= pairs * 3 && z_even * 20 < pairs)
    return "utf-16le";
  if (z_even * 10 >= pairs * 3 && z_odd * 20 < pairs)
    return "utf-16be";
  return NULL;
}

const char *pith_charset_utf16_by_layout(const char *s, size_t len) {
  const char *name = s ? sniff_utf16((const uchar *)s, len) : NULL;
  if (!name)
    return NULL;
  /* Text, not binary: its characters (the low bytes of the code units)
   * are not control characters, but for a few (tab, newlines). */
  const uchar *u = (const uchar *)s;
  size_t n = len < PRESCAN_BYTES ? len : PRESCAN_BYTES, units = n / 2, control = 0;
  size_t lo = strcmp(name, "utf-16le") == 0 ? 0 : 1;
  for (size_t i = 0; i + 1 < n; i += 2) {
    uchar c = u[i + lo], hi = u[i + 1 - lo];
    control += hi == 0 && (c < 8 || (c > 13 && c < 32));
  }
  return control * 100 > units ? NULL : name;
}

static const char *detect(const uchar *s, size_t n) {
  if (n > DETECT_BYTES)
    n = DETECT_BYTES;
  const char *cjk = detect_cjk(s, n);
  return cjk ? cjk : detect_single_byte(s, n);
}

/* True when s decodes without a structural error in CJK encoding name. */
static int cjk_clean(const char *name, const uchar *s, size_t n) {
  if (n > DETECT_BYTES)
    n = DETECT_BYTES;
  for (int e = 0; e < CJK_N; e++) {
    if (strcmp(name, cjk_names[e]) != 0)
      continue;
    cjk_stats st;
    cjk_scan(e, s, n, &st);
    return st.errors == 0;
  }
  return 0;
}

/* ---- the decision ---------------------------------------------------- */

static int decode(const char *name, const uchar *s, size_t n, const u8_stats *st, int *borrowed,
                  char **out, size_t *olen, const char **used) {
  *used = name;
  if (!strcmp(name, "utf-8")) {
    u8_stats local;
    if (!st)
      u8_scan(s, n, &local), st = &local;
    *out = u8_clean(s, n, st, borrowed, olen);
  } else if (is_wide(name)) {
    int be = strstr(name, "be") != NULL;
    *out = name[4] == '1' ? utf16_decode(s, n, be, olen) : utf32_decode(s, n, be, olen);
  } else {
    const char *ic = iconv_name(name);
    if (ic && strcmp(name, "windows-1252") != 0) {
      int rc = iconv_decode(ic, s, n, out, olen);
      if (rc <= 0)
        return rc;
    }
    /* windows-1252 itself, or an encoding this glibc lacks: 1252 is the
     * least harmful reading of unknown 8-bit text. */
    *used = "windows-1252";
    *out = cp1252_decode(s, n, olen);
  }
  return *out ? 0 : -1;
}

static int to_utf8(const char *in_, size_t len, int *borrowed, const char *http_charset, char **out,
                   size_t *out_len, char *used, size_t used_cap) {
  const uchar *s = (const uchar *)in_;
  const char *name = NULL, *declared = NULL;
  u8_stats st, *stp = NULL;
  size_t olen = 0;
  if (!s)
    len = 0, s = (const uchar *)"";
  *out = NULL;
  *out_len = 0;

  /* 1. A byte order mark settles it. */
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
    name = "utf-8", s += 3, len -= 3;
  else if (len >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0)
    name = "utf-32le", s += 4, len -= 4;
  else if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)
    name = "utf-32be", s += 4, len -= 4;
  else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
    name = "utf-16le", s += 2, len -= 2;
  else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
    name = "utf-16be", s += 2, len -= 2;

  if (!name) {
    u8_scan(s, len, &st);
    stp = &st;
    /* Many NULs, or one beside a first "<": maybe UTF-16 without a BOM,
     * which no 8-bit label describes. */
    if (st.nuls && (st.nuls * 8 >= len || (len >= 2 && (!s[0] || !s[1]))))
      name = sniff_utf16(s, len);
  }
  if (!name) {
    /* 2. HTTP header, then the page's own declaration. */
    if (http_charset) {
      size_t hl = strlen(http_charset);
      declared = pith_charset_canonical(http_charset, hl);
      if (!declared)
        declared = charset_from_content(http_charset, hl);
    }
    if (!declared)
      declared = prescan(s, len);
    if (declared && is_wide(declared))
      declared = "utf-8"; /* the bytes are not UTF-16 */

    /* 3. Bytes that are (nearly) valid UTF-8 with non-ASCII in them are
     * UTF-8 whatever the label says: legacy text almost never validates.
     * "Nearly": at most one bad sequence per ten good ones (truncation,
     * concatenated pages). A few CJK characters can validate by chance, so
     * a short CJK text that is also clean in its declared encoding stays. */
    int plausible = st.valid > 0 && st.invalid * 10 <= st.valid;
    if (plausible) {
      if (declared && is_cjk(declared) && st.valid < 8 && cjk_clean(declared, s, len))
        name = declared;
      else
        name = "utf-8";
    } else if (declared && strcmp(declared, "utf-8") != 0) {
      name = declared;
      /* Pure ASCII reads the same in any ASCII-compatible charset: copy. */
      if (!st.invalid && strcmp(declared, "iso-2022-jp") != 0) {
        *out = u8_clean(s, len, &st, borrowed, &olen);
        if (!*out)
          return -1;
        *out_len = olen;
        if (used && used_cap)
          snprintf(used, used_cap, "%s", declared);
        return 0;
      }
    } else if (!st.invalid) {
      name = "utf-8"; /* ASCII */
    } else {
      /* 4. Undeclared, or declared UTF-8 that mostly is not. */
      name = detect(s, len);
    }
  }

  const char *used_name;
  int rc =
      decode(name, s, len, !strcmp(name, "utf-8") ? stp : NULL, borrowed, out, &olen, &used_name);
  if (rc)
    return -1;
  *out_len = olen;
  if (used && used_cap)
    snprintf(used, used_cap, "%s", used_name);
  return 0;
}

int pith_charset_to_utf8(const char *in, size_t len, const char *http_charset, char **out,
                         size_t *out_len, char *used, size_t used_cap) {
  return to_utf8(in, len, NULL, http_charset, out, out_len, used, used_cap);
}

int pith_charset_view_utf8(const char *in, size_t len, const char *http_charset, const char **out,
                           size_t *out_len, int *borrowed, char *used, size_t used_cap) {
  char *o = NULL;
  if (borrowed)
    *borrowed = 0;
  int rc = to_utf8(in, len, borrowed, http_charset, &o, out_len, used, used_cap);
  *out = o;
  return rc;
}
