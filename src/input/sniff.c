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

/* The first occurrence of the NUL-terminated s in p..end, or NULL. */
static const char *strstr_n(const char *p, const char *end, const char *s) {
  size_t n = strlen(s);
  for (; (size_t)(end - p) >= n; p++) {
    p = memchr(p, s[0], (size_t)(end - p));
    if (!p || (size_t)(end - p) < n)
      return NULL;
    if (!memcmp(p, s, n))
      return p;
  }
  return NULL;
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

/* The reasons for SNIFF_NOT_PAGE. */
enum { NOT_PAGE_SVG, NOT_PAGE_XML, NOT_PAGE_JSON, NOT_PAGE_CODE, NOT_PAGE_KINDS };
static const char *const not_page[NOT_PAGE_KINDS] = {
    "an SVG image, not a page", "XML that is not XHTML, not a page", "JSON data, not a page",
    "code (CSS or JavaScript), not a page"};

int sniff_not_page_reason(const char *msg) {
  for (int i = 0; msg && i < NOT_PAGE_KINDS; i++)
    if (!strcmp(msg, not_page[i]))
      return 1;
  return 0;
}

static int space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
}

static int name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

/* Whether <word (a whole tag name, any case) occurs in p..end. */
static int has_tag(const char *p, const char *end, const char *word) {
  size_t n = strlen(word);
  for (; p < end; p++) {
    p = memchr(p, '<', (size_t)(end - p));
    if (!p || (size_t)(end - p) <= n + 1)
      return 0;
    size_t k = 0;
    while (k < n && lower((unsigned char)p[1 + k]) == word[k])
      k++;
    if (k == n && !name_char(p[1 + n]))
      return 1;
  }
  return 0;
}

/* The name of the first element of p..end, after any XML declaration,
 * processing instructions, comments and doctype: lowercased, without a
 * namespace prefix, in name[cap] (empty when text comes first). *xml is
 * set when an <?xml declaration opens it. */
static void first_element(const char *p, const char *end, char *name, size_t cap, int *xml) {
  name[0] = 0;
  *xml = 0;
  for (;;) {
    while (p < end && space(*p))
      p++;
    if (end - p < 2 || *p != '<')
      return;
    const char *close = "?>"; /* a declaration, or a processing instruction */
    if (p[1] == '?')
      *xml |= end - p >= 5 && !memcmp(p, "<?xml", 5);
    else if (end - p >= 4 && !memcmp(p, "<!--", 4))
      close = "-->";
    else if (p[1] == '!')
      close = ">"; /* a doctype */
    else
      break;
    p = strstr_n(p + 2, end, close);
    if (!p)
      return;
    p += strlen(close);
  }
  const char *s = ++p;
  while (p < end && name_char(*p))
    p++;
  const char *colon = memchr(s, ':', (size_t)(p - s));
  if (colon)
    s = colon + 1;
  size_t n = 0;
  for (; s < p && n + 1 < cap; s++)
    name[n++] = (char)lower((unsigned char)*s);
  name[n] = 0;
}

static int html_word(const char *name) {
  for (size_t i = 0; i < sizeof html_words / sizeof *html_words; i++)
    if (!strcmp(name, html_words[i]))
      return 1;
  return 0;
}

/* JSON: an object or array from the first byte to the last. */
static int json_data(const char *data, size_t len) {
  size_t i = 0, j = len;
  while (i < len && space(data[i]))
    i++;
  while (j > i && space(data[j - 1]))
    j--;
  if (j - i < 2 ||
      !((data[i] == '{' && data[j - 1] == '}') || (data[i] == '[' && data[j - 1] == ']')))
    return 0;
  size_t k = i + 1;
  while (k < j && space(data[k]))
    k++;
  char c = data[k];
  return c == '"' || c == '}' ||
         (data[i] == '[' && (strchr("{[]\"-", c) || (c >= '0' && c <= '9')));
}

/* Code rather than prose: braces, and most lines ending as lines of CSS
 * and JavaScript do ('{', '}', ';'). Prose, and pages flattened to text,
 * have lines ending in words and stops. */
static int looks_like_code(const char *p, const char *end) {
  size_t lines = 0, code_lines = 0, braces = 0;
  char last = 0;
  for (; p <= end; p++) {
    if (p == end || *p == '\n') {
      if (last) {
        lines++;
        code_lines += last == '{' || last == '}' || last == ';';
      }
      last = 0;
      if (p == end)
        break;
      continue;
    }
    braces += *p == '{' || *p == '}';
    if (!space(*p))
      last = *p;
  }
  return braces >= 2 && code_lines * 2 >= lines;
}

/* The first bytes of binary formats a crawl fetches: images, documents,
 * archives and compressed data, fonts, audio and video, programs. Each
 * holds a byte that text does not, or is long enough not to begin a text
 * by chance; `at` is where a second part must be (0: none). */
static const struct {
  const char *magic;
  unsigned char len, at, len2;
  const char *magic2;
} binary_formats[] = {
    {"\x89PNG\r\n\x1a\n", 8, 0, 0, NULL},
    {"GIF87a", 6, 0, 0, NULL},
    {"GIF89a", 6, 0, 0, NULL},
    {"\xff\xd8\xff", 3, 0, 0, NULL},                     /* JPEG */
    {"II*\0", 4, 0, 0, NULL},                            /* TIFF */
    {"MM\0*", 4, 0, 0, NULL},                            /* TIFF */
    {"\0\0\1\0", 4, 0, 0, NULL},                         /* icon */
    {"BM", 2, 6, 4, "\0\0\0\0"},                         /* BMP: reserved fields zero */
    {"RIFF", 4, 8, 4, "WEBP"},                           /* WebP */
    {"RIFF", 4, 8, 4, "AVI "},                           /* AVI */
    {"RIFF", 4, 8, 4, "WAVE"},                           /* WAV */
    {"\0\0\0", 3, 4, 4, "ftyp"},                         /* MP4, QuickTime, HEIC, AVIF */
    {"\x1a\x45\xdf\xa3", 4, 0, 0, NULL},                 /* Matroska, WebM */
    {"OggS\0", 5, 0, 0, NULL},                           /* Ogg */
    {"fLaC", 4, 0, 0, NULL},                             /* FLAC */
    {"ID3", 3, 3, 1, "\x02"},                            /* MP3 with an ID3v2.2 tag */
    {"ID3", 3, 3, 1, "\x03"},                            /* ... v2.3 */
    {"ID3", 3, 3, 1, "\x04"},                            /* ... v2.4 */
    {"\xff\xfb", 2, 0, 0, NULL},                         /* MP3 frames */
    {"\xff\xf3", 2, 0, 0, NULL},                         /* MP3 frames */
    {"FLV\x01", 4, 0, 0, NULL},                          /* Flash video */
    {"\0\0\1\xba", 4, 0, 0, NULL},                       /* MPEG program stream */
    {"%PDF-", 5, 0, 0, NULL},                            /* PDF */
    {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, 0, 0, NULL}, /* old Office documents */
    {"PK\x03\x04", 4, 0, 0, NULL},                       /* zip: Office, EPUB, JAR */
    {"PK\x05\x06", 4, 0, 0, NULL},                       /* an empty zip */
    {"\x1f\x8b\x08", 3, 0, 0, NULL},                     /* gzip */
    {"\x28\xb5\x2f\xfd", 4, 0, 0, NULL},                 /* zstd */
    {"BZh", 3, 4, 6, "1AY&SY"},                          /* bzip2 */
    {"\xfd"
     "7zXZ\0",
     6, 0, 0, NULL},                       /* xz */
    {"7z\xbc\xaf\x27\x1c", 6, 0, 0, NULL}, /* 7-Zip */
    {"Rar!\x1a\x07", 6, 0, 0, NULL},       /* RAR */
    {"wOFF", 4, 0, 0, NULL},               /* WOFF font */
    {"wOF2", 4, 0, 0, NULL},               /* WOFF2 font */
    {"\0\1\0\0\0", 5, 0, 0, NULL},         /* TrueType font */
    {"OTTO\0", 5, 0, 0, NULL},             /* OpenType font */
    {"ttcf\0", 5, 0, 0, NULL},             /* font collection */
    {"\x7f"
     "ELF",
     4, 0, 0, NULL},                       /* a program */
    {"\0asm", 4, 0, 0, NULL},              /* WebAssembly */
    {"\xca\xfe\xba\xbe", 4, 0, 0, NULL},   /* Java class, Mach-O */
    {"SQLite format 3\0", 16, 0, 0, NULL}, /* a database */
};

/* Whether data begins as one of binary_formats. */
static int binary_format(const char *data, size_t len) {
  for (size_t i = 0; i < sizeof binary_formats / sizeof *binary_formats; i++) {
    const char *m = binary_formats[i].magic, *m2 = binary_formats[i].magic2;
    size_t n = binary_formats[i].len, at = binary_formats[i].at, n2 = binary_formats[i].len2;
    if (len >= n && data[0] == m[0] && !memcmp(data, m, n) &&
        (!m2 || (len >= at + n2 && !memcmp(data + at, m2, n2))))
      return 1;
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
    *why = len ? "only white space, no page" : "empty input";
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
  if (control * 100 > head || binary_format(data, len)) {
    *why = "binary data, not HTML";
    return SNIFF_BINARY;
  }
  if (utf16)
    return SNIFF_HTML;
  const char *end = data + head;
  /* What comes first, past a UTF-8 byte order mark. */
  const char *start = data + i;
  if (end - start >= 3 && !memcmp(start, "\xEF\xBB\xBF", 3))
    start += 3;
  int page_tags =
      has_tag(data, end, "html") || has_tag(data, end, "body") || has_tag(data, end, "head");
  if (json_data(start, (size_t)(data + len - start))) {
    *why = not_page[NOT_PAGE_JSON];
    return SNIFF_NOT_PAGE;
  }
  /* An XML document that is not XHTML (an SVG image, a feed, a sitemap),
   * unless a page follows (an icon sprite put before <html>). */
  char root[16];
  int xml;
  first_element(start, end, root, sizeof root, &xml);
  if ((!strcmp(root, "svg") || (xml && root[0] && !html_word(root))) && !page_tags) {
    *why = not_page[strcmp(root, "svg") ? NOT_PAGE_XML : NOT_PAGE_SVG];
    return SNIFF_NOT_PAGE;
  }
  /* A script or style sheet may hold markup in its strings: code that
   * does not start as a page is code. */
  int code = (*start != '<' && !page_tags) && looks_like_code(start, end);
  for (const char *p = data; !code && p < end; p++) {
    p = memchr(p, '<', (size_t)(end - p));
    if (!p)
      break;
    if (p + 1 < end && known_tag_at(p + 1, end))
      return SNIFF_HTML;
  }
  if (code || looks_like_code(start, end)) {
    *why = not_page[NOT_PAGE_CODE];
    return SNIFF_NOT_PAGE;
  }
  /* A comment opening the data and running past what is looked at (an
   * inlined image or a build's note, 64 KiB and more) is markup: the page
   * follows it. */
  if (len > head && end - start >= 4 && !memcmp(start, "<!--", 4) &&
      !strstr_n(start + 4, end, "-->"))
    return SNIFF_HTML;
  /* NUL bytes early on, and no markup: data with some text in it. */
  if (memchr(data, 0, len < 1024 ? len : 1024)) {
    *why = "binary data, not HTML";
    return SNIFF_BINARY;
  }
  *why = "no HTML markup found";
  return SNIFF_NOT_HTML;
}
