/* Charset decisions and conversion: BOMs, declarations, mislabelled pages,
 * invalid bytes and detection of undeclared legacy encodings. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "input/charset.h"

/* The same sentences as legacy bytes and as UTF-8. */
#define SJIS_BYTES                                                                                 \
  "\x93\xFA\x96{\x8C\xEA\x82\xCC\x83"                                                              \
  "e\x83L\x83X\x83g\x82\xC5\x82\xB7\x81"                                                           \
  "B\x82\xB1\x82\xEA\x82\xCD\x95\xB6\x8E\x9A\x83R\x81[\x83h\x82\xCC\x94\xBB\x92\xE8\x82\xCC\x83"   \
  "e\x83X\x83g\x82\xC5\x82\xB7\x81"                                                                \
  "B"
#define SJIS_UTF8 "日本語のテキストです。これは文字コードの判定のテストです。"
#define GB_BYTES                                                                                   \
  "\xD5\xE2\xCA\xC7\xD2\xBB\xB8\xF6\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xB2\xE2\xCA\xD4\xC4"   \
  "\xDA\xC8\xDD\xA3\xAC\xCE\xD2\xC3\xC7\xD4\xDA\xD5\xE2\xC0\xEF\xD0\xB4\xD2\xBB\xD0\xA9\xB3\xA3"   \
  "\xD3\xC3\xB5\xC4\xBA\xBA\xD7\xD6\xA1\xA3"
#define GB_UTF8 "这是一个中文网页的测试内容，我们在这里写一些常用的汉字。"
#define EUCKR_BYTES                                                                                \
  "\xC7\xD1\xB1\xB9\xBE\xEE \xC0\xA5 \xC6\xE4\xC0\xCC\xC1\xF6\xC0\xC7 \xBD\xC3\xC7\xE8 "           \
  "\xB3\xBB\xBF\xEB\xC0\xD4\xB4\xCF\xB4\xD9. \xBF\xA9\xB1\xE2\xBF\xA1 \xC0\xDA\xC1\xD6 "           \
  "\xBE\xB2\xB4\xC2 \xB1\xDB\xC0\xDA\xB8\xA6 \xBE\xB9\xB4\xCF\xB4\xD9."
#define EUCKR_UTF8 "한국어 웹 페이지의 시험 내용입니다. 여기에 자주 쓰는 글자를 씁니다."
#define BIG5_BYTES                                                                                 \
  "\xB3o\xACO\xA4@\xAD\xD3\xA4\xA4\xA4\xE5\xBA\xF4\xAD\xB6\xAA\xBA\xB4\xFA\xB8\xD5\xA4\xBA\xAE"    \
  "e\xA1"                                                                                          \
  "A\xA7\xDA\xAD\xCC\xA6"                                                                          \
  "b\xB3o\xB8\xCC\xBCg\xA4@\xA8\xC7\xB1`\xA5\xCE\xAA\xBA\xBA~\xA6r\xA1"                            \
  "C"
#define BIG5_UTF8 "這是一個中文網頁的測試內容，我們在這裡寫一些常用的漢字。"
#define EUCJP_BYTES                                                                                \
  "\xC6\xFC\xCB\xDC\xB8\xEC\xA4\xCE\xA5\xC6\xA5\xAD\xA5\xB9\xA5\xC8\xA4\xC7\xA4\xB9\xA1\xA3\xA4"   \
  "\xB3\xA4\xEC\xA4\xCF\xCA\xB8\xBB\xFA\xA5\xB3\xA1\xBC\xA5\xC9\xA4\xCE\xC8\xBD\xC4\xEA\xA4\xCE"   \
  "\xA5\xC6\xA5\xB9\xA5\xC8\xA4\xC7\xA4\xB9\xA1\xA3"
#define EUCJP_UTF8 "日本語のテキストです。これは文字コードの判定のテストです。"
#define CP1251_BYTES                                                                               \
  "\xCF\xF0\xE8\xE2\xE5\xF2, \xFD\xF2\xEE \xF2\xE5\xF1\xF2\xEE\xE2\xE0\xFF "                       \
  "\xF1\xF2\xF0\xE0\xED\xE8\xF6\xE0 \xED\xE0 \xF0\xF3\xF1\xF1\xEA\xEE\xEC \xFF\xE7\xFB\xEA\xE5. "  \
  "\xCC\xFB \xEF\xE8\xF8\xE5\xEC \xE7\xE4\xE5\xF1\xFC \xEE\xE1\xFB\xF7\xED\xFB\xE9 "               \
  "\xF2\xE5\xEA\xF1\xF2."
#define CP1251_UTF8 "Привет, это тестовая страница на русском языке. Мы пишем здесь обычный текст."
#define KOI8R_BYTES                                                                                \
  "\xF0\xD2\xC9\xD7\xC5\xD4, \xDC\xD4\xCF \xD4\xC5\xD3\xD4\xCF\xD7\xC1\xD1 "                       \
  "\xD3\xD4\xD2\xC1\xCE\xC9\xC3\xC1 \xCE\xC1 \xD2\xD5\xD3\xD3\xCB\xCF\xCD \xD1\xDA\xD9\xCB\xC5. "  \
  "\xED\xD9 \xD0\xC9\xDB\xC5\xCD \xDA\xC4\xC5\xD3\xD8 \xCF\xC2\xD9\xDE\xCE\xD9\xCA "               \
  "\xD4\xC5\xCB\xD3\xD4."
#define KOI8R_UTF8 "Привет, это тестовая страница на русском языке. Мы пишем здесь обычный текст."
#define PL1250_BYTES                                                                               \
  "Za\xBF\xF3\xB3\xE6 g\xEA\x9Cl\xB9 ja\x9F\xF1. Pchn\xB9\xE6 w t\xEA \xB3\xF3"                    \
  "d\x9F je\xBF"                                                                                   \
  "a lub o\x9Cm skrzy\xF1 fig."
#define PL1250_UTF8 "Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig."
#define PL88592_BYTES                                                                              \
  "Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1. Pchn\xB1\xE6 w t\xEA \xB3\xF3"                    \
  "d\xBC je\xBF"                                                                                   \
  "a lub o\xB6m skrzy\xF1 fig."
#define PL88592_UTF8 "Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig."
#define FR1252_BYTES                                                                               \
  "Le c\x9Cur d\xE9\xE7u mais l\x92\xE2me plut\xF4t na\xEFve, Lou\xFFs r\xEAva de crapa\xFCter."
#define FR1252_UTF8 "Le cœur déçu mais l’âme plutôt naïve, Louÿs rêva de crapaüter."

static char used[32];
static size_t out_len;

/* Converts and checks what must hold for every output. Caller frees. */
static char *conv(const char *in, size_t len, const char *http) {
  char *out = NULL;
  used[0] = 0;
  out_len = 12345;
  int rc = pith_charset_to_utf8(in, len, http, &out, &out_len, used, sizeof used);
  CHECK(rc == 0);
  CHECK(out != NULL);
  if (!out)
    return strdup("");
  CHECK(strlen(out) == out_len); /* no NUL inside */
  CHECK(pith_utf8_valid(out, out_len));
  return out;
}
#define CONV(lit, http) conv(lit, sizeof(lit) - 1, http)

/* Converts s (no declaration) and expects want, decoded as charset. */
static void expect(const char *s, size_t len, const char *http, const char *want,
                   const char *charset) {
  char *out = conv(s, len, http);
  CHECK_STR(out, want);
  CHECK_STR(used, charset);
  free(out);
}
#define EXPECT(lit, http, want, charset) expect(lit, sizeof(lit) - 1, http, want, charset)

/* want must appear in the conversion of s. */
static void expect_in(const char *s, size_t len, const char *http, const char *want,
                      const char *charset) {
  char *out = conv(s, len, http);
  if (!strstr(out, want))
    fprintf(stderr, "missing \"%s\" in \"%s\"\n", want, out);
  CHECK(strstr(out, want) != NULL);
  CHECK_STR(used, charset);
  free(out);
}
#define EXPECT_IN(lit, http, want, charset) expect_in(lit, sizeof(lit) - 1, http, want, charset)

#define PAGE(body) "<html><head><title>t</title></head><body><p>" body "</p></body></html>"

static void test_bom(void) {
  EXPECT("\xEF\xBB\xBFhi \xC3\xA9", NULL, "hi é", "utf-8");
  /* The BOM beats a contrary declaration. */
  EXPECT("\xEF\xBB\xBF<meta charset=koi8-r>\xC3\xA9", NULL, "<meta charset=koi8-r>é", "utf-8");
  EXPECT("\xFF\xFEh\0i\0\xE9\0", NULL, "hié", "utf-16le");
  EXPECT("\xFE\xFF\0h\0i\x20\xAC", NULL, "hi€", "utf-16be");
  EXPECT("\xFE\xFF\xD8\x3D\xDE\x00", NULL, "\xF0\x9F\x98\x80", "utf-16be"); /* surrogate pair */
  EXPECT("\xFF\xFE\x00\xD8x\0", NULL, "\xEF\xBF\xBDx", "utf-16le");         /* lone surrogate */
  EXPECT("\xFF\xFEh\0i", NULL, "h\xEF\xBF\xBD", "utf-16le");                /* odd length */
  EXPECT("\xFF\xFE\0\0h\0\0\0\x00\xF6\x01\0", NULL, "h\xF0\x9F\x98\x80", "utf-32le");
  EXPECT("\0\0\xFE\xFF\0\0\0h", NULL, "h", "utf-32be");
  /* UTF-16 without a BOM, recognised by its NULs. */
  EXPECT("<\0p\0>\0h\0\xE9\0", NULL, "<p>hé", "utf-16le");
}

static void test_declarations(void) {
  EXPECT_IN(PAGE("caf\xE9"), NULL, "café", "windows-1252"); /* undeclared */
  EXPECT_IN("<html><head><meta charset=\"windows-1252\"><title>caf\xE9</title>", NULL,
            "<title>café</title>", "windows-1252");
  /* Mislabelled: UTF-8 bytes under a windows-1252 declaration. */
  EXPECT_IN("<html><head><meta charset=\"windows-1252\"><title>caf\xC3\xA9</title>", NULL,
            "<title>café</title>", "utf-8");
  EXPECT_IN("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            "<p>5\x80</p>",
            NULL, "5€", "windows-1252");
  EXPECT_IN("<META CONTENT='text/html;charset=windows-1251' HTTP-EQUIV='content-type'>"
            "<p>" CP1251_BYTES "</p>",
            NULL, CP1251_UTF8, "windows-1251");
  EXPECT_IN("<meta charset=KOI8-R/><p>" KOI8R_BYTES, NULL, KOI8R_UTF8, "koi8-r");
  EXPECT_IN("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<html><p>5\xA4</p>", NULL, "5€",
            "iso-8859-15");
  /* HTTP charset first; a label in a full Content-Type value is accepted. */
  EXPECT_IN("<meta charset=\"iso-8859-2\"><p>" CP1251_BYTES, "windows-1251", CP1251_UTF8,
            "windows-1251");
  EXPECT_IN("<p>" CP1251_BYTES, "text/html; charset=\"cp1251\"", CP1251_UTF8, "windows-1251");
  EXPECT_IN("<p>5\x80", "ISO-8859-1", "5€", "windows-1252");
  /* Unknown HTTP label: fall back to the page. */
  EXPECT_IN("<meta charset=windows-1251><p>" CP1251_BYTES, "x-bogus", CP1251_UTF8, "windows-1251");
  /* Declarations inside comments and attribute values do not count. */
  EXPECT_IN("<!-- <meta charset=\"koi8-r\"> --><div title=\"<meta charset=koi8-r>\">"
            "<meta charset=\"windows-1251\"><p>" CP1251_BYTES,
            NULL, CP1251_UTF8, "windows-1251");
  /* content= without http-equiv is no declaration (WHATWG need_pragma). */
  EXPECT_IN("<meta name=x content=\"text/html; charset=iso-8859-2\"><p>price \xA3"
            "5</p>",
            NULL, "price £5", "windows-1252");
  /* A UTF-16 label in an 8-bit page means UTF-8. */
  EXPECT("<meta charset=utf-16><p>hi", NULL, "<meta charset=utf-16><p>hi", "utf-8");
  /* Pure ASCII keeps its declared name. */
  EXPECT("<meta charset=windows-1251><p>hi", NULL, "<meta charset=windows-1251><p>hi",
         "windows-1251");
  EXPECT("<meta charset=shift_jis><p>" SJIS_BYTES, NULL, "<meta charset=shift_jis><p>" SJIS_UTF8,
         "shift_jis");
  EXPECT("<meta charset=gb2312><p>" GB_BYTES, NULL, "<meta charset=gb2312><p>" GB_UTF8, "gb18030");
  /* 直 in GB is D6 B1, which is also valid UTF-8 (U+05B1): trust the label. */
  EXPECT("<meta charset=gb2312><p>\xD6\xB1", NULL, "<meta charset=gb2312><p>直", "gb18030");
  EXPECT("<meta charset=iso-2022-jp><p>\x1B$B$3$s$K$A$O\x1B(B", NULL,
         "<meta charset=iso-2022-jp><p>こんにちは", "iso-2022-jp");
  /* A DBCS lead byte cut off by the end of input becomes U+FFFD. */
  EXPECT("<meta charset=shift_jis>\x93\xFA\x96", NULL, "<meta charset=shift_jis>日\xEF\xBF\xBD",
         "shift_jis");
  EXPECT("<meta charset=shift_jis>a\xFF"
         "b",
         NULL,
         "<meta charset=shift_jis>a\xEF\xBF\xBD"
         "b",
         "shift_jis");
}

static void test_invalid_utf8(void) {
  /* Forty good sequences outweigh a few bad: UTF-8 with U+FFFD, no fallback. */
#define E10 "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
#define E40 E10 E10 E10 E10
#define E40_UTF8 "éééééééééééééééééééééééééééééééééééééééé"
#define FFFD "\xEF\xBF\xBD"
  EXPECT("<meta charset=utf-8>" E40 "a\xFF"
         "b",
         NULL, "<meta charset=utf-8>" E40_UTF8 "a" FFFD "b", "utf-8");
  EXPECT(E40 "\xC0\xAF", NULL, E40_UTF8 FFFD FFFD, "utf-8");          /* overlong */
  EXPECT(E40 "\xED\xA0\x80", NULL, E40_UTF8 FFFD FFFD FFFD, "utf-8"); /* surrogate */
  EXPECT(E40 "\xF4\x90\x80\x80", NULL, E40_UTF8 FFFD FFFD FFFD FFFD, "utf-8");
  EXPECT(E40 "a\xE2\x82"
             "b",
         NULL, E40_UTF8 "a" FFFD "b", "utf-8");             /* truncated: one U+FFFD */
  EXPECT(E40 "\xF0\x9F\x98", NULL, E40_UTF8 FFFD, "utf-8"); /* cut at the end */
  /* Declared UTF-8 but really windows-1252: every sequence is bad. */
  EXPECT_IN("<meta charset=\"utf-8\"><p>Caf\xE9 cr\xE8me br\xFBl\xE9"
            "e</p>",
            NULL, "Café crème brûlée", "windows-1252");

  CHECK(pith_utf8_valid("", 0));
  CHECK(pith_utf8_valid("plain ascii text, long enough for the fast path", 47));
  CHECK(pith_utf8_valid("a\0b", 3));
  CHECK(pith_utf8_valid("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 9));
  CHECK(!pith_utf8_valid("\xC0\xAF", 2));
  CHECK(!pith_utf8_valid("\xED\xA0\x80", 3));
  CHECK(!pith_utf8_valid("\xF4\x90\x80\x80", 4));
  CHECK(!pith_utf8_valid("0123456789\xE2\x82", 12));
  CHECK(!pith_utf8_valid("\x80", 1));
}

static void test_nul(void) {
  EXPECT("a\0b", NULL, "ab", "utf-8");
  CHECK(out_len == 2);
  EXPECT("<meta charset=windows-1252>\xE9\0x", NULL, "<meta charset=windows-1252>éx",
         "windows-1252");
  EXPECT("<meta charset=koi8-r>\xC1\0x", NULL, "<meta charset=koi8-r>аx", "koi8-r");
  EXPECT("", NULL, "", "utf-8");
  CHECK(out_len == 0);
}

static void test_detection(void) {
  EXPECT(PAGE("plain"), NULL, PAGE("plain"), "utf-8");
  EXPECT(PAGE(SJIS_BYTES), NULL, PAGE(SJIS_UTF8), "shift_jis");
  EXPECT(PAGE(EUCJP_BYTES), NULL, PAGE(EUCJP_UTF8), "euc-jp");
  EXPECT(PAGE(GB_BYTES), NULL, PAGE(GB_UTF8), "gb18030");
  EXPECT(PAGE(BIG5_BYTES), NULL, PAGE(BIG5_UTF8), "big5");
  EXPECT(PAGE(EUCKR_BYTES), NULL, PAGE(EUCKR_UTF8), "euc-kr");
  EXPECT(PAGE(CP1251_BYTES), NULL, PAGE(CP1251_UTF8), "windows-1251");
  EXPECT(PAGE(KOI8R_BYTES), NULL, PAGE(KOI8R_UTF8), "koi8-r");
  EXPECT(PAGE(FR1252_BYTES), NULL, PAGE(FR1252_UTF8), "windows-1252");
  EXPECT(PAGE(PL1250_BYTES), NULL, PAGE(PL1250_UTF8), "windows-1250");
  EXPECT(PAGE(PL88592_BYTES), NULL, PAGE(PL88592_UTF8), "iso-8859-2");
  /* Curly apostrophes in English are no kanji (0x92 is a Shift_JIS lead). */
  EXPECT(PAGE("don\x92t, it\x92s, we\x92re"), NULL, PAGE("don’t, it’s, we’re"), "windows-1252");
  /* The UTF-8 form of every sample is recognised whatever the label. */
  EXPECT("<meta charset=shift_jis><p>" GB_UTF8, NULL, "<meta charset=shift_jis><p>" GB_UTF8,
         "utf-8");
  EXPECT("<meta charset=windows-1251><p>" CP1251_UTF8, NULL,
         "<meta charset=windows-1251><p>" CP1251_UTF8, "utf-8");
}

static void test_labels(void) {
  CHECK_STR(pith_charset_canonical("GB2312", 6), "gb18030");
  CHECK_STR(pith_charset_canonical("gbk", 3), "gb18030");
  CHECK_STR(pith_charset_canonical("x-sjis", 6), "shift_jis");
  CHECK_STR(pith_charset_canonical("Shift-JIS", 9), "shift_jis");
  CHECK_STR(pith_charset_canonical(" utf8 ", 6), "utf-8");
  CHECK_STR(pith_charset_canonical("\"UTF-8\"", 7), "utf-8");
  CHECK_STR(pith_charset_canonical("latin1", 6), "windows-1252");
  CHECK_STR(pith_charset_canonical("US-ASCII", 8), "windows-1252");
  CHECK_STR(pith_charset_canonical("iso-8859-1", 10), "windows-1252");
  CHECK_STR(pith_charset_canonical("ISO_8859-2:1987", 15), "iso-8859-2");
  CHECK_STR(pith_charset_canonical("iso8859-15", 10), "iso-8859-15");
  CHECK_STR(pith_charset_canonical("iso-8859-9", 10), "windows-1254");
  CHECK_STR(pith_charset_canonical("cp1251", 6), "windows-1251");
  CHECK_STR(pith_charset_canonical("x-cp1250", 8), "windows-1250");
  CHECK_STR(pith_charset_canonical("ks_c_5601-1987", 14), "euc-kr");
  CHECK_STR(pith_charset_canonical("unicode", 7), "utf-16le");
  CHECK(pith_charset_canonical("bogus", 5) == NULL);
  CHECK(pith_charset_canonical("iso-8859-12", 11) == NULL);
  CHECK(pith_charset_canonical("windows-1259", 12) == NULL);
  CHECK(pith_charset_canonical("", 0) == NULL);
}

static void test_used_buffer(void) {
  char small[4], *out = NULL;
  size_t len = 0;
  CHECK(pith_charset_to_utf8("<meta charset=koi8-r>", 21, NULL, &out, &len, small, sizeof small) ==
        0);
  CHECK_STR(small, "koi"); /* truncated, still terminated */
  free(out);
  CHECK(pith_charset_to_utf8("x", 1, NULL, &out, &len, NULL, 0) == 0);
  CHECK_STR(out, "x");
  free(out);
}

/* Random bytes under every kind of label: always valid UTF-8 out. */
static void test_garbage(void) {
  static const char *const http[] = {NULL,     "utf-8",       "windows-1252", "shift_jis",
                                     "euc-jp", "gb18030",     "big5",         "euc-kr",
                                     "koi8-r", "iso-2022-jp", "utf-16le",     "iso-8859-7"};
  unsigned long seed = 12345;
  char buf[3000];
  for (int round = 0; round < 240; round++) {
    size_t len = (size_t)(round * 12) % sizeof buf;
    for (size_t i = 0; i < len; i++) {
      seed = seed * 6364136223846793005UL + 1442695040888963407UL;
      /* Mostly high bytes in some rounds, mostly ASCII in others. */
      unsigned char c = (unsigned char)(seed >> 33);
      buf[i] = (char)(round % 3 ? c : (c & 0x7F) | ((seed >> 20) % 7 == 0 ? 0x80 : 0));
    }
    char *out = conv(buf, len, http[round % (sizeof http / sizeof *http)]);
    free(out);
  }
}

int main(void) {
  test_bom();
  test_declarations();
  test_invalid_utf8();
  test_nul();
  test_detection();
  test_labels();
  test_used_buffer();
  test_garbage();
  return check_done();
}
