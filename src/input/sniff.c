#include "input/sniff.h"

#include <string.h>

#include "input/charset.h"

/* Tag names that only HTML uses at the start of a page. */
static const char *const html_words[] = {
    "html",  "head", "body",   "title",    "meta",     "div",    "p",   "a",
    "table", "link", "script", "span",     "br",       "h1",     "h2",  "img",
    "ul",    "form", "style",  "!doctype", "frameset", "center", "font"};

static int lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int known_tag_at(const char *p, const char *end) {
  for (size_t i = 0; i < sizeof html_words / sizeof *html_words; i++) {
    const char *w = html_words[i];
    size_t n = strlen(w);
    if ((size_t)(end - p) <= n)
      continue;
    size_t k = 0;
    while (k < n && lower((unsigned char)p[k]) == w[k])
      k++;
    if (k == n) {
      unsigned char after = (unsigned char)p[n];
      if (after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '\r' ||
          after == '/')
        return 1;
    }
  }
  return 0;
}

sniff_result sniff_html(const char *data, size_t len, const char **why) {
  *why = NULL;
  size_t i = 0;
  /* Skip a UTF-8/16 byte order mark and white space. */
  while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t' ||
                     data[i] == '\f'))
    i++;
  if (i == len) {
    *why = len ? "only white space, no page" : "empty file";
    return SNIFF_EMPTY;
  }
  size_t head = len < 65536 ? len : 65536;
  /* UTF-16 pages are full of NULs: let the BOM, or their layout, speak. */
  int utf16 = (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                            ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) ||
              pith_charset_utf16_by_layout(data, head);
  /* Control bytes: 0-7 and 14-25 (branch-free, so the compiler vectorises;
   * counted a byte wide per block of 255, so that it adds 16 at a time). */
  size_t control = 0;
  if (!utf16)
    for (size_t k = 0; k < head;) {
      size_t stop = head - k > 255 ? k + 255 : head;
      unsigned char in_block = 0;
      for (; k < stop; k++) {
        unsigned char c = (unsigned char)data[k];
        in_block += (c < 8) | ((unsigned char)(c - 14) < 12);
      }
      control += in_block;
    }
  if (control * 100 > head) {
    *why = "binary data, not HTML";
    return SNIFF_NOT_HTML;
  }
  if (utf16)
    return SNIFF_HTML;
  const char *end = data + head;
  for (const char *p = data; p < end; p++) {
    p = memchr(p, '<', (size_t)(end - p));
    if (!p)
      break;
    if (p + 1 < end && known_tag_at(p + 1, end))
      return SNIFF_HTML;
  }
  *why = "no HTML markup found";
  return SNIFF_NOT_HTML;
}
