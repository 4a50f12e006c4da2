#include "html/charref.h"

#include <string.h>

#include "html/entities.h"

/* Entries [lo, hi) all start with the same k bytes and are sorted: the one
 * whose byte k is c start at the lower bound of c, end at its upper bound. */
static size_t first_with_byte_at(size_t lo, size_t hi, size_t k, unsigned char c, int after) {
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    unsigned char m = (unsigned char)entity_names[entity_table[mid].name + k];
    if (m < c || (after && m == c))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Byte order of entry i's name and s[0..k) (the table's order). */
static int name_cmp(size_t i, const char *s, size_t k) {
  const entity *e = &entity_table[i];
  size_t m = e->name_len < k ? e->name_len : k;
  int c = memcmp(entity_names + e->name, s, m);
  return c ? c : (e->name_len > k) - (e->name_len < k);
}

size_t charref_named(const char *s, size_t len, const char **value, size_t *value_len) {
  unsigned char c0 = (unsigned char)s[0];
  if (len == 0 || c0 < 'A' || c0 > 'z')
    return 0;
  size_t lo = entity_first[c0 - 'A'], hi = entity_first[c0 - 'A' + 1];
  /* A name written with its ';' (most are: "&quot;", "&amp;") is looked up
   * whole, by one binary search: no name goes on past a ';', so the name,
   * when the table has it, is the longest match. */
  const char *semi = memchr(s, ';', len < ENTITY_MAX_NAME ? len : ENTITY_MAX_NAME);
  if (semi) {
    size_t k = (size_t)(semi - s) + 1, l = lo, h = hi;
    while (l < h) {
      size_t mid = l + (h - l) / 2;
      int c = name_cmp(mid, s, k);
      if (!c) {
        *value = entity_table[mid].value;
        *value_len = entity_table[mid].value_len;
        return k;
      }
      if (c < 0)
        l = mid + 1;
      else
        h = mid;
    }
  }
  size_t best = 0;
  /* [lo, hi): the names that start with s[0..k). A name of exactly k bytes
   * sorts first among them; it is the longest match so far. */
  for (size_t k = 1; lo < hi; k++) {
    if (entity_table[lo].name_len == k) {
      best = k;
      *value = entity_table[lo].value;
      *value_len = entity_table[lo].value_len;
      lo++;
    }
    if (k == len || lo == hi)
      break;
    unsigned char c = (unsigned char)s[k];
    lo = first_with_byte_at(lo, hi, k, c, 0);
    hi = first_with_byte_at(lo, hi, k, c, 1);
  }
  return best;
}

/* What the standard maps &#128; to &#159; to (0: kept as is). */
static const uint16_t c1_replacements[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

uint32_t charref_numeric(uint32_t n) {
  if (n == 0 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF))
    return 0xFFFD;
  if (n >= 0x80 && n <= 0x9F && c1_replacements[n - 0x80])
    return c1_replacements[n - 0x80];
  return n;
}

size_t charref_utf8(uint32_t c, char *out) {
  if (c < 0x80) {
    out[0] = (char)c;
    return 1;
  }
  /* Lead byte bits and length by range; continuation bytes from the end. */
  size_t n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  static const unsigned char lead[5] = {0, 0, 0xC0, 0xE0, 0xF0};
  for (size_t i = n - 1; i > 0; i--, c >>= 6)
    out[i] = (char)(0x80 | (c & 0x3F));
  out[0] = (char)(lead[n] | c);
  return n;
}
