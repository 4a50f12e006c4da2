/* The public API (include/pith.h): extraction, statuses, rendering, JSON
 * escaping, NULL handling, and extraction from several threads at once. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "gzip.h"
#include "pith.h"

static const char page_a[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>Lighthouse keepers return to Skerry Island | Coast News</title></head><body>"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
    "<li><a href=\"/weather\">Weather</a></li><li><a href=\"/contact\">Contact</a></li></ul></nav>"
    "<article><h1>Lighthouse keepers return to Skerry Island</h1>"
    "<p>For the first time in thirty years, two keepers will live on Skerry Island this summer, "
    "looking after the restored lighthouse and its small museum.</p>"
    "<p>The trust that owns the island says the keepers will also count the puffins that nest on "
    "the cliffs, a job volunteers have done by boat until now.</p>"
    "</article>"
    "<footer><p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></p></footer>"
    "</body></html>";
static const char title_a[] = "Lighthouse keepers return to Skerry Island";
static const char text_a[] =
    "For the first time in thirty years, two keepers will live on Skerry Island this summer, "
    "looking after the restored lighthouse and its small museum.\n\n"
    "The trust that owns the island says the keepers will also count the puffins that nest on "
    "the cliffs, a job volunteers have done by boat until now.";

/* ---- a small JSON reader, to check pith's JSON by decoding it ---------- */

typedef struct {
  const char *p, *end;
  int ok;
} jreader;

static void jspace(jreader *j) {
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
    j->p++;
}

static void put_utf8(char **o, unsigned long cp) {
  char *s = *o;
  if (cp < 0x80) {
    *s++ = (char)cp;
  } else if (cp < 0x800) {
    *s++ = (char)(0xC0 | (cp >> 6));
    *s++ = (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *s++ = (char)(0xE0 | (cp >> 12));
    *s++ = (char)(0x80 | ((cp >> 6) & 0x3F));
    *s++ = (char)(0x80 | (cp & 0x3F));
  } else {
    *s++ = (char)(0xF0 | (cp >> 18));
    *s++ = (char)(0x80 | ((cp >> 12) & 0x3F));
    *s++ = (char)(0x80 | ((cp >> 6) & 0x3F));
    *s++ = (char)(0x80 | (cp & 0x3F));
  }
  *o = s;
}

static int hex4(const char *p, unsigned long *v) {
  *v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    *v <<= 4;
    if (c >= '0' && c <= '9')
      *v |= (unsigned long)(c - '0');
    else if (c >= 'a' && c <= 'f')
      *v |= (unsigned long)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      *v |= (unsigned long)(c - 'A' + 10);
    else
      return -1;
  }
  return 0;
}

/* Reads a JSON string at j->p (strictly: no raw control characters); returns
 * it decoded (malloc'd) or NULL. */
static char *jstring(jreader *j) {
  if (j->p >= j->end || *j->p != '"')
    return NULL;
  j->p++;
  char *out = malloc((size_t)(j->end - j->p) * 2 + 1), *o = out;
  while (j->p < j->end && *j->p != '"') {
    unsigned char c = (unsigned char)*j->p++;
    if (c < 0x20)
      goto bad;
    if (c != '\\') {
      *o++ = (char)c;
      continue;
    }
    if (j->p >= j->end)
      goto bad;
    char e = *j->p++;
    switch (e) {
    case '"':
    case '\\':
    case '/':
      *o++ = e;
      break;
    case 'b':
      *o++ = '\b';
      break;
    case 'f':
      *o++ = '\f';
      break;
    case 'n':
      *o++ = '\n';
      break;
    case 'r':
      *o++ = '\r';
      break;
    case 't':
      *o++ = '\t';
      break;
    case 'u': {
      unsigned long v, lo;
      if (j->end - j->p < 4 || hex4(j->p, &v))
        goto bad;
      j->p += 4;
      if (v >= 0xD800 && v < 0xDC00) {
        if (j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u' || hex4(j->p + 2, &lo) ||
            lo < 0xDC00 || lo > 0xDFFF)
          goto bad;
        j->p += 6;
        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
      } else if (v >= 0xDC00 && v < 0xE000) {
        goto bad;
      }
      put_utf8(&o, v);
      break;
    }
    default:
      goto bad;
    }
  }
  if (j->p >= j->end)
    goto bad;
  j->p++;
  *o = '\0';
  return out;
bad:
  free(out);
  return NULL;
}

/* Skips one list or object whose values are strings, lists or objects;
 * returns 1 if it is well-formed. */
static int jskip(jreader *j) {
  char close = *j->p == '[' ? ']' : '}';
  int object = close == '}';
  j->p++;
  jspace(j);
  if (j->p < j->end && *j->p == close) {
    j->p++;
    return 1;
  }
  for (;;) {
    jspace(j);
    if (object) {
      char *k = jstring(j);
      if (!k)
        return 0;
      free(k);
      jspace(j);
      if (j->p >= j->end || *j->p++ != ':')
        return 0;
      jspace(j);
    }
    if (j->p < j->end && (*j->p == '[' || *j->p == '{')) {
      if (!jskip(j))
        return 0;
    } else {
      char *v = jstring(j);
      if (!v)
        return 0;
      free(v);
    }
    jspace(j);
    if (j->p < j->end && *j->p == ',') {
      j->p++;
      continue;
    }
    if (j->p < j->end && *j->p == close) {
      j->p++;
      return 1;
    }
    return 0;
  }
}

typedef struct {
  char *url, *title, *text;
  int fields;
} jobject;

static void jfree(jobject *o) {
  free(o->url);
  free(o->title);
  free(o->text);
  memset(o, 0, sizeof *o);
}

/* Parses one object of string values: {"k":"v",...}; returns 0 if it is
 * well-formed JSON with nothing but white space after it. */
static int jparse(const char *s, size_t len, jobject *o) {
  memset(o, 0, sizeof *o);
  jreader j = {s, s + len, 1};
  jspace(&j);
  if (j.p >= j.end || *j.p++ != '{')
    return -1;
  jspace(&j);
  if (j.p < j.end && *j.p == '}') {
    j.p++;
  } else {
    for (;;) {
      jspace(&j);
      char *k = jstring(&j);
      if (!k)
        return -1;
      jspace(&j);
      if (j.p >= j.end || *j.p++ != ':') {
        free(k);
        return -1;
      }
      jspace(&j);
      if (j.p < j.end && (*j.p == '[' || *j.p == '{')) {
        /* A list or an object (authors, tags, images): checked, not kept. */
        int ok = jskip(&j);
        free(k);
        if (!ok)
          return -1;
      } else if (j.p < j.end && *j.p != '"') {
        /* A number or a literal (http_status, language_confidence, truncated). */
        const char *start = j.p;
        while (j.p < j.end && (strchr("0123456789.-+eE", *j.p) || (*j.p >= 'a' && *j.p <= 'z')))
          j.p++;
        free(k);
        if (j.p == start)
          return -1;
      } else {
        char *v = jstring(&j);
        if (!v) {
          free(k);
          return -1;
        }
        char **slot = !strcmp(k, "url")     ? &o->url
                      : !strcmp(k, "title") ? &o->title
                      : !strcmp(k, "text")  ? &o->text
                                            : NULL;
        if (slot && *slot) { /* repeated key */
          free(v);
          free(k);
          return -1;
        }
        if (slot) {
          *slot = v;
          o->fields++; /* url, title and text only: metadata fields vary */
        } else {
          free(v);
        }
        free(k);
      }
      jspace(&j);
      if (j.p < j.end && *j.p == ',') {
        j.p++;
        continue;
      }
      if (j.p < j.end && *j.p == '}') {
        j.p++;
        break;
      }
      return -1;
    }
  }
  jspace(&j);
  return j.p == j.end ? 0 : -1;
}

/* ---- helpers ----------------------------------------------------------- */

static pith_status extract(const char *html, size_t len, const pith_options *o, pith_result **r) {
  *r = NULL;
  return pith_extract(html, len, o, r);
}

static char *render(const pith_result *r, pith_format f, unsigned flags, size_t *len) {
  char *out = NULL;
  size_t n = (size_t)-1;
  pith_status st = pith_render(r, f, flags, &out, &n);
  CHECK(st == PITH_OK);
  CHECK(out != NULL);
  if (out) {
    CHECK(n == strlen(out));
    /* Documented: output ends with a newline unless it is empty (the text
     * format of a page with no title and no content). */
    CHECK(n == 0 || out[n - 1] == '\n');
    if (f == PITH_FORMAT_JSON)
      CHECK(n > 0);
  }
  if (len)
    *len = n;
  return out;
}

/* ---- tests ------------------------------------------------------------- */

static void test_basics(void) {
  CHECK_STR(pith_version(), PITH_VERSION);
  /* The numbers say what the string says. */
  char numbers[64];
  snprintf(numbers, sizeof numbers, "%d.%d.%d", PITH_VERSION_MAJOR, PITH_VERSION_MINOR,
           PITH_VERSION_PATCH);
  CHECK_STR(numbers, PITH_VERSION);
  CHECK(PITH_VERSION_NUMBER ==
        PITH_VERSION_MAJOR * 1000000 + PITH_VERSION_MINOR * 1000 + PITH_VERSION_PATCH);
  pith_options o;
  memset(&o, 0xAB, sizeof o);
  pith_options_init(&o);
  CHECK(o.url == NULL && o.charset == NULL);
  CHECK(o.max_input_bytes == (size_t)64 << 20);
  CHECK(o.max_nodes == 4000000);
  CHECK(o.max_depth == 256);
  pith_status all[] = {PITH_OK,        PITH_ERR_NOMEM,    PITH_ERR_INVALID,
                       PITH_ERR_EMPTY, PITH_ERR_NOT_HTML, PITH_ERR_TOO_LARGE};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
    const char *s = pith_status_string(all[i]);
    CHECK(s && *s);
    for (size_t k = 0; k < i; k++)
      CHECK(s && strcmp(s, pith_status_string(all[k])) != 0);
  }
  CHECK(pith_status_string((pith_status)99) != NULL);
  CHECK(pith_format_from_name("text") == PITH_FORMAT_TEXT);
  CHECK(pith_format_from_name("json") == PITH_FORMAT_JSON);
  CHECK(pith_format_from_name("yaml") == -1);
  CHECK(pith_format_from_name("") == -1);
  CHECK(pith_format_from_name(NULL) == -1);
  pith_result_free(NULL);
  pith_free(NULL);
  CHECK(pith_result_title(NULL) == NULL);
  CHECK(pith_result_error(NULL) == NULL);
}

static void test_extract_page(void) {
  pith_options o;
  pith_options_init(&o);
  pith_result *r;
  CHECK(extract(page_a, strlen(page_a), &o, &r) == PITH_OK);
  CHECK(r != NULL);
  if (!r)
    return;
  CHECK(pith_result_error(r) == NULL);
  CHECK(pith_result_url(r) == NULL);
  CHECK_STR(pith_result_title(r), title_a);
  CHECK_STR(pith_result_text(r), text_a);
  CHECK(pith_result_text(r) == pith_result_text(r)); /* cached, stable */
  CHECK(pith_result_block_count(r) == 2);

  size_t len;
  char *t = render(r, PITH_FORMAT_TEXT, 0, &len);
  char want[2048];
  snprintf(want, sizeof want, "%s\n\n%s\n", title_a, text_a);
  CHECK_STR(t, want);
  pith_free(t);
  t = render(r, PITH_FORMAT_TEXT, PITH_RENDER_NO_TITLE, &len);
  snprintf(want, sizeof want, "%s\n", text_a);
  CHECK_STR(t, want);
  pith_free(t);

  char *js = render(r, PITH_FORMAT_JSON, 0, &len);
  jobject jo = {0};
  CHECK(js && jparse(js, len, &jo) == 0);
  CHECK(js && strchr(js, '\n') == js + len - 1); /* one line */
  CHECK(jo.url == NULL);
  CHECK_STR(jo.title, title_a);
  CHECK_STR(jo.text, text_a);
  CHECK(jo.fields == 2);
  jfree(&jo);
  pith_free(js);

  char *out = (char *)"untouched";
  CHECK(pith_render(r, (pith_format)7, 0, &out, &len) == PITH_ERR_INVALID);
  CHECK(out == NULL);
  CHECK(pith_render(NULL, PITH_FORMAT_TEXT, 0, &out, &len) == PITH_ERR_INVALID);
  CHECK(pith_render(r, PITH_FORMAT_TEXT, 0, NULL, &len) == PITH_ERR_INVALID);
  out = NULL;
  CHECK(pith_render(r, PITH_FORMAT_TEXT, 0, &out, NULL) == PITH_OK); /* len may be NULL */
  pith_free(out);
  pith_result_free(r);

  /* NULL options: the defaults. */
  CHECK(extract(page_a, strlen(page_a), NULL, &r) == PITH_OK);
  CHECK(r && !strcmp(pith_result_text(r), text_a));
  CHECK(r && pith_result_title(r) && !strcmp(pith_result_title(r), title_a));
  pith_result_free(r);

  /* The URL is copied. */
  char url[64];
  strcpy(url, "https://coast.example/news/skerry?a=1&b=\"2\"");
  o.url = url;
  CHECK(extract(page_a, strlen(page_a), &o, &r) == PITH_OK);
  memset(url, 'x', sizeof url - 1);
  CHECK_STR(pith_result_url(r), "https://coast.example/news/skerry?a=1&b=\"2\"");
  js = render(r, PITH_FORMAT_JSON, 0, &len);
  CHECK(js && jparse(js, len, &jo) == 0);
  CHECK_STR(jo.url, "https://coast.example/news/skerry?a=1&b=\"2\"");
  CHECK(js && strncmp(js, "{\"url\":", 7) == 0); /* url, title, text in that order */
  CHECK(js && strstr(js, "\"title\":") && strstr(js, "\"text\":") &&
        strstr(js, "\"title\":") < strstr(js, "\"text\":"));
  jfree(&jo);
  pith_free(js);
  pith_result_free(r);

  /* A page not NUL-terminated: only len bytes are read. */
  size_t n = strlen(page_a);
  char *copy = malloc(n + 20);
  memcpy(copy, page_a, n);
  memcpy(copy + n, "<p>GARBAGE AFTER</p>", 20);
  CHECK(extract(copy, n, NULL, &r) == PITH_OK);
  CHECK(r && !strstr(pith_result_text(r), "GARBAGE"));
  pith_result_free(r);
  free(copy);
}

/* Text that is not a page nor prose is refused with what it is; pages
 * that merely start like those are still pages. */
static void test_not_pages(void) {
  static const struct {
    const char *data, *why; /* why NULL: a page */
  } cases[] = {
      {"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Logo</title>"
       "<use xlink:href=\"#hole\"/></svg>",
       "an SVG image, not a page"},
      {"<svg viewBox=\"0 0 9 9\"><path d=\"M0 0h9\"/></svg>", "an SVG image, not a page"},
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- feed --><rss version=\"2.0\"><channel><title>"
       "Feed</title><item><title>One</title></item></channel></rss>",
       "XML that is not XHTML, not a page"},
      {"body { margin: 0; }\n.article p {\n  line-height: 1.5;\n}\n",
       "code (CSS or JavaScript), not a page"},
      {"function f(a) {\n  var x = \"<p>hi</p>\";\n  return a + x;\n}\n",
       "code (CSS or JavaScript), not a page"},
      {" {\"title\": \"Hello\", \"html\": \"<div>words</div>\"}\n", "JSON data, not a page"},
      {"[{\"a\": 1}, {\"a\": 2}]", "JSON data, not a page"},
      /* pages */
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
       "<body><p>Words of a page in XHTML, long enough to keep.</p></body></html>",
       NULL},
      {"<svg style=\"display:none\"><symbol id=\"i\"/></svg>\n<!DOCTYPE html><html><body><p>Words "
       "of a page with an icon sprite before it.</p></body></html>",
       NULL},
      {"<p>A note: see {braces} and a list; it is still a page.</p>", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    pith_result *r = NULL;
    pith_status st = pith_extract(cases[i].data, strlen(cases[i].data), NULL, &r);
    if (cases[i].why) {
      CHECK(st == PITH_ERR_NOT_HTML);
      CHECK_STR(r ? pith_result_error(r) : NULL, cases[i].why);
    } else
      CHECK(st == PITH_OK);
    pith_result_free(r);
  }
  /* Prose without markup is still text (the batch's text mode), and a
   * text file with a few braces and semicolons too. */
  const char *prose = "Dear all;\n\nThe meeting {room 4} moved to Thursday.\n\nRegards, Jo\n";
  pith_result *r = NULL;
  CHECK(pith_extract(prose, strlen(prose), NULL, &r) == PITH_ERR_NOT_HTML);
  CHECK_STR(r ? pith_result_error(r) : NULL, "no HTML markup found");
  pith_result_free(r);
  /* A page opening with a comment longer than the 64 KiB sniffed (an
   * inlined image's data) is a page, not text without markup. */
  const char *tail = "--><html><head><title>After a long comment</title></head><body><article>"
                     "<p>The page after its long comment, with words enough to keep.</p>"
                     "</article></body></html>";
  size_t n = 70000, tn = strlen(tail);
  char *long_comment = malloc(n + tn);
  CHECK(long_comment != NULL);
  if (long_comment) {
    memcpy(long_comment, "<!--", 4);
    for (size_t i = 4; i < n; i++)
      long_comment[i] = "QUJDRGVm+/09"[i % 12];
    memcpy(long_comment + n, tail, tn);
    r = NULL;
    CHECK(pith_extract(long_comment, n + tn, NULL, &r) == PITH_OK);
    CHECK_STR(r ? pith_result_title(r) : NULL, "After a long comment");
    pith_result_free(r);
    free(long_comment);
  }
  /* A page in UTF-16 without a byte order mark whose text is CJK (few NUL
   * bytes): its opening "<" says so; it was refused as binary. */
  const char *head = "<html><head><title>T</title></head><body><article><h1>H</h1><p>";
  const char *foot = "</p></article></body></html>";
  unsigned char u16[2][2048];
  for (size_t be = 0; be < 2; be++) {
    size_t k = 0;
    for (const char *c = head; *c; c++, k += 2)
      u16[be][k + be] = (unsigned char)*c, u16[be][k + !be] = 0;
    for (int i = 0; i < 600; i++, k += 2) /* U+4E2D U+6587 over and over */
      u16[be][k + be] = i % 2 ? 0x87 : 0x2D, u16[be][k + !be] = i % 2 ? 0x65 : 0x4E;
    for (const char *c = foot; *c; c++, k += 2)
      u16[be][k + be] = (unsigned char)*c, u16[be][k + !be] = 0;
    r = NULL;
    CHECK(pith_extract((const char *)u16[be], k, NULL, &r) == PITH_OK);
    const char *text = r ? pith_result_text(r) : NULL;
    CHECK(text && strstr(text, "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"));
    pith_result_free(r);
  }
}

static void test_errors(void) {
  pith_result *r;
  CHECK(pith_extract(page_a, strlen(page_a), NULL, NULL) == PITH_ERR_INVALID);
  CHECK(extract(NULL, 10, NULL, &r) == PITH_ERR_INVALID);
  pith_result_free(r);

  CHECK(extract("", 0, NULL, &r) == PITH_ERR_EMPTY);
  CHECK(r == NULL || (pith_result_error(r) && *pith_result_error(r)));
  pith_result_free(r);
  CHECK(extract(NULL, 0, NULL, &r) == PITH_ERR_EMPTY);
  pith_result_free(r);
  CHECK(extract(" \n\t\r\n  ", 7, NULL, &r) == PITH_ERR_EMPTY);
  pith_result_free(r);

  static const unsigned char binary[] = {
      0x89, 'P',  'N',  'G', '\r', '\n', 0x1A, '\n', 0,    0,    0,    0x0D, 'I',  'H',  'D',
      'R',  0,    0,    0,   0x10, 0,    0,    0,    0x10, 0x08, 0x06, 0,    0,    0,    0x1F,
      0xF3, 0xFF, 0x61, 0,   0,    0,    0x01, 0x73, 'R',  'G',  'B',  0,    0xAE, 0xCE, 0x1C,
      0xE9, 0,    0,    0,   0x04, 'g',  'A',  'M',  'A',  0,    0,    0xB1};
  CHECK(extract((const char *)binary, sizeof binary, NULL, &r) == PITH_ERR_NOT_HTML);
  CHECK(r == NULL || (pith_result_error(r) && *pith_result_error(r)));
  pith_result_free(r);
  /* Binary data that happens to contain a tag is still binary. */
  unsigned char mixed[600];
  for (size_t i = 0; i < sizeof mixed; i++)
    mixed[i] = (unsigned char)((i * 7919u) % 251u);
  memcpy(mixed + 100, "<html><body><p>x</p>", 20);
  CHECK(extract((const char *)mixed, sizeof mixed, NULL, &r) == PITH_ERR_NOT_HTML);
  pith_result_free(r);
  /* A known binary format whose first bytes read as text (a PDF's
   * objects), or text with NUL bytes early on: binary, not a page
   * flattened to text. */
  const char *pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  CHECK(extract(pdf, strlen(pdf), NULL, &r) == PITH_ERR_NOT_HTML);
  CHECK(r && pith_result_error(r) && strstr(pith_result_error(r), "binary"));
  pith_result_free(r);
  static const char nul[] = "a record of fields\0with\0NUL\0bytes\0between them";
  CHECK(extract(nul, sizeof nul, NULL, &r) == PITH_ERR_NOT_HTML);
  CHECK(r && pith_result_error(r) && strstr(pith_result_error(r), "binary"));
  pith_result_free(r);

  const char *plain = "Dear all,\n\nThe meeting is moved to Thursday at 10.\n\nRegards, Jo\n";
  CHECK(extract(plain, strlen(plain), NULL, &r) == PITH_ERR_NOT_HTML);
  CHECK(r == NULL || (pith_result_error(r) && *pith_result_error(r)));
  pith_result_free(r);

  pith_options o;
  pith_options_init(&o);
  o.max_input_bytes = 100;
  CHECK(extract(page_a, strlen(page_a), &o, &r) == PITH_ERR_TOO_LARGE);
  CHECK(r == NULL || (pith_result_error(r) && *pith_result_error(r)));
  pith_result_free(r);
  o.max_input_bytes = strlen(page_a); /* exactly at the limit: fine */
  CHECK(extract(page_a, strlen(page_a), &o, &r) == PITH_OK);
  pith_result_free(r);
  o.max_input_bytes = strlen(page_a) - 1;
  CHECK(extract(page_a, strlen(page_a), &o, &r) == PITH_ERR_TOO_LARGE);
  pith_result_free(r);
  o.max_input_bytes = 0; /* no limit */
  CHECK(extract(page_a, strlen(page_a), &o, &r) == PITH_OK);
  pith_result_free(r);
}

static void test_no_content(void) {
  const char *nav = "<html><head><title>Shop</title></head><body>"
                    "<ul><li><a href=\"/a\">Shoes</a></li><li><a href=\"/b\">Bags</a></li>"
                    "<li><a href=\"/c\">Coats</a></li><li><a href=\"/d\">Sale</a></li></ul>"
                    "<div><a href=\"/privacy\">Privacy</a> | <a href=\"/terms\">Terms</a></div>"
                    "</body></html>";
  pith_result *r;
  CHECK(extract(nav, strlen(nav), NULL, &r) == PITH_OK);
  if (!r)
    return;
  CHECK_STR(pith_result_text(r), "");
  CHECK(pith_result_block_count(r) == 0);
  size_t len;
  char *js = render(r, PITH_FORMAT_JSON, 0, &len);
  jobject jo = {0};
  CHECK(js && jparse(js, len, &jo) == 0);
  CHECK_STR(jo.text, "");
  jfree(&jo);
  pith_free(js);
  char *t = render(r, PITH_FORMAT_TEXT, PITH_RENDER_NO_TITLE, &len);
  CHECK(t && strspn(t, "\n") == len); /* nothing but the final newline */
  pith_free(t);
  pith_result_free(r);
}

static void test_json_escapes(void) {
  /* Quotes, backslashes, tabs and newlines (in a <pre>), control
   * characters, non-ASCII, U+2028: the JSON must decode to the very same
   * title and text the result holds. */
  const char *page =
      "<html><head><title>A \"quoted\" \\ title\x01 with\ttab</title></head><body><article>"
      "<h1>A \"quoted\" \\ title\x01 with\ttab</h1>"
      "<p>He said \"it is fine\" and wrote C:\\path\\file, then left; caf\xC3\xA9 \xE2\x80\xA8 "
      "line separator and a bell \x07 and an escape \x1B here, for the record.</p>"
      "<pre>line one\n\tindented \"two\"\nline three \\n literally</pre>"
      "<p>A second paragraph, long enough to be counted as part of the article by anyone.</p>"
      "</article></body></html>";
  pith_result *r;
  CHECK(extract(page, strlen(page), NULL, &r) == PITH_OK);
  if (!r)
    return;
  const char *text = pith_result_text(r);
  CHECK(text && strstr(text, "\"it is fine\""));
  CHECK(text && strstr(text, "C:\\path\\file"));
  CHECK(text && strstr(text, "line one\n\tindented \"two\"\nline three \\n literally"));
  size_t len;
  char *js = render(r, PITH_FORMAT_JSON, 0, &len);
  if (!js)
    return;
  /* One line, no raw control characters. */
  int raw_control = 0;
  for (size_t i = 0; i + 1 < len; i++)
    raw_control += (unsigned char)js[i] < 0x20;
  CHECK(raw_control == 0);
  CHECK(strstr(js, "\\\"it is fine\\\"") != NULL);
  CHECK(strstr(js, "C:\\\\path\\\\file") != NULL);
  CHECK(strstr(js, "line one\\n\\tindented \\\"two\\\"\\nline three \\\\n literally") != NULL);
  CHECK(strstr(js, "\xE2\x80\xA8") == NULL); /* U+2028 escaped for JavaScript */
  jobject jo = {0};
  CHECK(jparse(js, len, &jo) == 0);
  CHECK_STR(jo.text, text);
  CHECK_STR(jo.title, pith_result_title(r));
  jfree(&jo);
  pith_free(js);
  pith_result_free(r);
}

static void test_charsets(void) {
  /* Windows-1252 bytes, no declaration, the charset given in the options. */
  const char *latin = "<html><head><title>Caf\xE9</title></head><body><article>"
                      "<p>Le caf\xE9 du port ouvre \xE0 sept heures, m\xEAme le dimanche, "
                      "et ferme tr\xE8s tard en \xE9t\xE9. On y sert le meilleur "
                      "chocolat chaud de la c\xF4te.</p></article></body></html>";
  const char *latin_text = "Le café du port ouvre à sept heures, même le dimanche, et ferme très "
                           "tard en été. On y sert le meilleur chocolat chaud de la côte.";
  pith_options o;
  pith_options_init(&o);
  o.charset = "windows-1252";
  pith_result *r;
  CHECK(extract(latin, strlen(latin), &o, &r) == PITH_OK);
  CHECK_STR(r ? pith_result_text(r) : NULL, latin_text);
  CHECK_STR(r ? pith_result_title(r) : NULL, "Café");
  pith_result_free(r);
  /* UTF-16LE with a BOM. */
  const char *ascii = "<html><head><title>Hello</title></head><body><article><p>A page in "
                      "UTF-16, little-endian, with a byte order mark in front of it. Every "
                      "other byte of it is a zero.</p></article></body></html>";
  size_t n = strlen(ascii);
  char *u16 = malloc(2 * n + 2);
  u16[0] = (char)0xFF;
  u16[1] = (char)0xFE;
  for (size_t i = 0; i < n; i++) {
    u16[2 + 2 * i] = ascii[i];
    u16[3 + 2 * i] = 0;
  }
  CHECK(extract(u16, 2 * n + 2, NULL, &r) == PITH_OK);
  CHECK_STR(r ? pith_result_text(r) : NULL, "A page in UTF-16, little-endian, with a byte order "
                                            "mark in front of it. Every other byte of it is a "
                                            "zero.");
  CHECK_STR(r ? pith_result_title(r) : NULL, "Hello");
  pith_result_free(r);
  free(u16);
}

static void test_limits(void) {
  /* Limits on the tree cut or flatten it, never fail. */
  size_t depth = 3000;
  const char *para = "<p>Deep inside the nesting there is a paragraph of text, long enough to "
                     "be the main content of this page.</p>";
  size_t plen = strlen(para);
  char *s = malloc(depth * 11 + plen + 64), *p = s;
  p += sprintf(p, "<html><body>");
  for (size_t i = 0; i < depth; i++)
    p += sprintf(p, "<div>");
  p += sprintf(p, "%s", para);
  for (size_t i = 0; i < depth; i++)
    p += sprintf(p, "</div>");
  p += sprintf(p, "</body></html>");
  pith_options o;
  pith_options_init(&o);
  pith_result *r;
  CHECK(extract(s, (size_t)(p - s), &o, &r) == PITH_OK);
  CHECK(r && strstr(pith_result_text(r), "Deep inside the nesting"));
  pith_result_free(r);
  o.max_depth = 8;
  CHECK(extract(s, (size_t)(p - s), &o, &r) == PITH_OK);
  CHECK(r && strstr(pith_result_text(r), "Deep inside the nesting"));
  pith_result_free(r);
  o.max_depth = 256;
  o.max_nodes = 50;
  CHECK(extract(s, (size_t)(p - s), &o, &r) == PITH_OK);
  pith_result_free(r);
  free(s);
}

/* ---- threads ----------------------------------------------------------- */

#define NPAGES 4
static char *pages[NPAGES];
static char *expected[NPAGES];

typedef struct {
  int index;
  int mismatches;
  int failures;
} job;

static char *extract_render(const char *page) {
  pith_result *r = NULL;
  char *out = NULL;
  size_t len = 0;
  if (pith_extract(page, strlen(page), NULL, &r) == PITH_OK)
    pith_render(r, PITH_FORMAT_JSON, 0, &out, &len);
  pith_result_free(r);
  return out;
}

static void *worker(void *arg) {
  job *j = arg;
  for (int k = 0; k < 40; k++) {
    /* Each thread goes through all pages, starting at its own. */
    int i = (j->index + k) % NPAGES;
    char *got = extract_render(pages[i]);
    if (!got)
      j->failures++;
    else if (strcmp(got, expected[i]))
      j->mismatches++;
    pith_free(got);
  }
  return NULL;
}

static void test_threads(void) {
  static const char *topics[NPAGES] = {"harbour", "orchard", "railway", "observatory"};
  for (int i = 0; i < NPAGES; i++) {
    char buf[8192], *p = buf;
    p += sprintf(p, "<html><head><title>The %s story</title></head><body><nav>", topics[i]);
    for (int k = 0; k < 20; k++)
      p += sprintf(p, "<a href=\"/%d\">Section %d</a> ", k, k);
    p += sprintf(p, "</nav><div class=\"article-body\"><h1>The %s story</h1>", topics[i]);
    for (int k = 0; k < 6 + i; k++)
      p += sprintf(p,
                   "<p>Paragraph %d about the %s, which goes on for a while so that it reads as "
                   "prose: it has clauses, commas and a full stop at the end.</p>",
                   k, topics[i]);
    p += sprintf(p,
                 "</div><div class=\"comments\"><p>A comment about the %s that is long "
                 "enough to look like prose, which must stay out of the text.</p></div>"
                 "</body></html>",
                 topics[i]);
    pages[i] = strdup(buf);
    expected[i] = extract_render(pages[i]);
    CHECK(expected[i] != NULL);
    if (!expected[i])
      return;
    jobject jo = {0};
    CHECK(jparse(expected[i], strlen(expected[i]), &jo) == 0);
    CHECK(jo.text && strstr(jo.text, "Paragraph 0 about") && !strstr(jo.text, "A comment"));
    jfree(&jo);
  }
  for (int i = 1; i < NPAGES; i++)
    CHECK(strcmp(expected[i], expected[0]) != 0);
  pthread_t t[NPAGES];
  job jobs[NPAGES];
  for (int i = 0; i < NPAGES; i++) {
    jobs[i] = (job){i, 0, 0};
    CHECK(pthread_create(&t[i], NULL, worker, &jobs[i]) == 0);
  }
  for (int i = 0; i < NPAGES; i++) {
    pthread_join(t[i], NULL);
    CHECK(jobs[i].failures == 0);
    CHECK(jobs[i].mismatches == 0);
  }
  for (int i = 0; i < NPAGES; i++) {
    free(pages[i]);
    pith_free(expected[i]);
  }
}

/* gzip bytes read as the CLI reads a .gz file: the same title and text. */
static void test_gzip_input(void) {
  size_t gz_len;
  unsigned char *gz = gzip(page_a, sizeof page_a - 1, &gz_len);
  pith_result *r = NULL;
  CHECK(pith_extract(gz, gz_len, NULL, &r) == PITH_OK);
  CHECK_STR(pith_result_title(r), title_a);
  CHECK_STR(pith_result_text(r), text_a);
  CHECK(pith_result_warning(r) == NULL);
  pith_result_free(r);

  /* Cut short: what came before the cut, and a warning. */
  CHECK(pith_extract(gz, gz_len - 8, NULL, &r) == PITH_OK);
  CHECK_STR(pith_result_text(r), text_a);
  CHECK(pith_result_warning(r) && strstr(pith_result_warning(r), "truncated gzip data"));
  pith_result_free(r);

  /* Damaged: refused with gzip's reason, not "binary data". */
  unsigned char *bad = malloc(gz_len);
  memcpy(bad, gz, gz_len);
  bad[gz_len - 6] ^= 0xFF; /* the CRC */
  CHECK(pith_extract(bad, gz_len, NULL, &r) == PITH_ERR_NOT_HTML);
  CHECK_STR(pith_result_error(r), "corrupt gzip data");
  pith_result_free(r);
  free(bad);

  /* Text mode too. */
  const char *plain = "Harbour news\n\nThe ferry to the island runs again from Monday, the "
                      "harbour master said, after the storm damage to the pier was repaired.\n";
  size_t pgz_len;
  unsigned char *pgz = gzip(plain, strlen(plain), &pgz_len);
  CHECK(pith_extract_text(pgz, pgz_len, NULL, &r) == PITH_OK);
  CHECK(pith_result_text(r) && strstr(pith_result_text(r), "The ferry to the island runs again"));
  pith_result_free(r);
  pith_sites *sites = pith_sites_new();
  CHECK(pith_sites_add(sites, pgz, pgz_len, NULL) == PITH_OK);
  pith_sites_free(sites);
  free(pgz);

  /* pith_dump_dom reads gzip too: the same tree as for the plain bytes. */
  char *plain_dom = NULL, *gz_dom = NULL;
  size_t plain_dom_len = 0, gz_dom_len = 0;
  CHECK(pith_dump_dom(page_a, sizeof page_a - 1, NULL, &plain_dom, &plain_dom_len) == PITH_OK);
  CHECK(pith_dump_dom(gz, gz_len, NULL, &gz_dom, &gz_dom_len) == PITH_OK);
  CHECK(plain_dom && gz_dom && plain_dom_len == gz_dom_len && !strcmp(plain_dom, gz_dom));
  pith_free(plain_dom);
  pith_free(gz_dom);

  /* A gzip bomb: max_input_bytes bounds the inflated size. 8 MB of zeros
   * inflate from about 8 KB; with a 1 MB limit it is refused. */
  size_t big = 8u << 20, bomb_len;
  char *zeros = calloc(1, big);
  memcpy(zeros, "<p>", 3);
  unsigned char *bomb = gzip(zeros, big, &bomb_len);
  CHECK(bomb_len < 64 * 1024);
  pith_options o;
  pith_options_init(&o);
  o.max_input_bytes = 1u << 20;
  CHECK(pith_extract(bomb, bomb_len, &o, &r) == PITH_ERR_TOO_LARGE);
  CHECK(pith_result_error(r) && strstr(pith_result_error(r), "inflated"));
  pith_result_free(r);
  CHECK(pith_extract_text(bomb, bomb_len, &o, &r) == PITH_ERR_TOO_LARGE);
  pith_result_free(r);
  free(bomb);
  free(zeros);
  free(gz);
}

/* An unknown pith_options.charset is refused, not ignored. */
static void test_charset_option(void) {
  pith_options o;
  pith_options_init(&o);
  pith_result *r = NULL;
  o.charset = "nonsense";
  CHECK(pith_extract(page_a, sizeof page_a - 1, &o, &r) == PITH_ERR_INVALID);
  CHECK(pith_result_error(r) && strstr(pith_result_error(r), "unknown charset \"nonsense\""));
  pith_result_free(r);
  CHECK(pith_extract_text("some text\n", 10, &o, &r) == PITH_ERR_INVALID);
  pith_result_free(r);
  char *dom = NULL;
  size_t dom_len = 0;
  CHECK(pith_dump_dom(page_a, sizeof page_a - 1, &o, &dom, &dom_len) == PITH_ERR_INVALID);
  CHECK(dom == NULL);
  pith_sites *sites = pith_sites_new();
  CHECK(pith_sites_add(sites, "x", 1, &o) == PITH_ERR_INVALID);
  pith_sites_free(sites);
  const char *fine[] = {"latin1", "UTF-8", " windows-1252 ", "text/html; charset=ISO-8859-1", ""};
  for (size_t i = 0; i < sizeof fine / sizeof *fine; i++) {
    o.charset = fine[i];
    CHECK(pith_extract(page_a, sizeof page_a - 1, &o, &r) == PITH_OK);
    CHECK_STR(pith_result_title(r), title_a);
    pith_result_free(r);
  }
}

int main(void) {
  test_basics();
  test_extract_page();
  test_errors();
  test_not_pages();
  test_no_content();
  test_json_escapes();
  test_charsets();
  test_limits();
  test_threads();
  test_gzip_input();
  test_charset_option();
  return check_done();
}
