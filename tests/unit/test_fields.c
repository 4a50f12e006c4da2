/* The field accessors of pith.h (pith_result_string, _count, _string_at,
 * _image, ...): every field of a page written to have them all, the same
 * fields the json format shows, and the edges (absent fields, wrong types,
 * unknown numbers, NULL results). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pith.h"

static const char page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<title>Tide mills of the Rance estuary | Harbour Weekly</title>\n"
    "<meta name=\"description\" content=\"How the estuary's old tide mills worked.\">\n"
    "<meta property=\"og:site_name\" content=\"Harbour Weekly\">\n"
    "<meta property=\"og:image\" content=\"/img/mill.jpg\">\n"
    "<meta property=\"article:section\" content=\"History\">\n"
    "<meta property=\"article:tag\" content=\"mills\">\n"
    "<meta property=\"article:tag\" content=\"tides\">\n"
    "<link rel=\"canonical\" href=\"https://harbour.example/history/tide-mills\">\n"
    "<link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">\n"
    "<script "
    "type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\n"
    "\"headline\":\"Tide mills of the Rance "
    "estuary\",\"author\":[{\"@type\":\"Person\",\"name\":\"Maël "
    "Guillou\"},{\"@type\":\"Person\",\"name\":\"Ruth Abernethy\"}],\n"
    "\"datePublished\":\"2021-03-04T09:30:00+01:00\",\"dateModified\":\"2021-03-05\"}</script>\n"
    "</head><body>\n"
    "<nav><a href=\"/\">Home</a> <a href=\"/history\">History</a></nav>\n"
    "<article><h1>Tide mills of the Rance estuary</h1>\n"
    "<p>By Maël Guillou and Ruth Abernethy</p>\n"
    "<p>For six centuries the millers of the Rance estuary ground grain with the sea itself: a "
    "pond filled at high tide, and the ebb turned the wheel.</p>\n"
    "<figure><img src=\"/img/wheel.jpg\" alt=\"A wooden wheel\"><figcaption>The wheel of the "
    "Quinard mill, restored in 1990. Photo: Anne Le Goff</figcaption></figure>\n"
    "<p>Only three of the forty mills still stand, and one of them grinds flour again each summer "
    "for visitors who come to watch the tide do the work.</p>\n"
    "<table><tr><th>Mill</th><th>Built</th></tr><tr><td>Quinard</td><td>1450</td></tr></table>\n"
    "</article>\n"
    "<section id=\"comments\"><h2>Comments</h2>\n"
    "<div class=\"comment\"><p>My grandfather worked at the Quinard mill until it closed; he "
    "always said the tide was a patient but stubborn employee.</p></div>\n"
    "<div class=\"comment\"><p>A lovely piece about the estuary. Is the mill at Beauchet open to "
    "visitors in the winter months as well?</p></div>\n"
    "</section>\n"
    "<footer>© Harbour Weekly</footer></body></html>\n";

static const char text[] =
    "For six centuries the millers of the Rance estuary ground grain with the sea itself: a pond "
    "filled at high tide, and the ebb turned the wheel.\n\n"
    "Only three of the forty mills still stand, and one of them grinds flour again each summer "
    "for visitors who come to watch the tide do the work.\n\n"
    "Mill | Built\n\n"
    "Quinard | 1450";

/* The keys of the outermost object of a JSON text that no field names
 * (but "markdown" and "blocks", which are renderings, not fields): a field
 * the json format gained without an accessor. */
static int keys_without_accessor(const char *json) {
  int depth = 0, missing = 0;
  for (const char *p = json; *p; p++) {
    if (*p == '{' || *p == '[') {
      depth++;
    } else if (*p == '}' || *p == ']') {
      depth--;
    } else if (*p == '"') {
      const char *start = ++p;
      while (*p && *p != '"')
        p += p[0] == '\\' && p[1] ? 2 : 1;
      if (!*p)
        break;
      size_t n = (size_t)(p - start);
      char key[64];
      if (depth != 1 || p[1] != ':' || n >= sizeof key)
        continue;
      memcpy(key, start, n);
      key[n] = 0;
      if (pith_field_from_name(key) < 0 && strcmp(key, "markdown") && strcmp(key, "blocks")) {
        fprintf(stderr, "the json key \"%s\" has no accessor (src/fields.c)\n", key);
        missing++;
      }
    }
  }
  return missing;
}

/* The same fields as the json format: a key is there exactly when the
 * accessor has the field. */
static void same_keys_as_json(const pith_result *r) {
  char *json = NULL;
  CHECK(pith_render(r, PITH_FORMAT_JSON,
                    PITH_RENDER_COMMENTS | PITH_RENDER_MARKDOWN | PITH_RENDER_TREE, &json,
                    NULL) == PITH_OK);
  CHECK(json && keys_without_accessor(json) == 0);
  for (int f = 0; json && pith_field_name(f); f++) {
    char key[64];
    snprintf(key, sizeof key, "\"%s\":", pith_field_name(f));
    int in_json = strstr(json, key) != NULL;
    if (in_json != pith_result_has(r, (pith_field)f))
      fprintf(stderr, "field %s: json %d, accessor %d\n", pith_field_name(f), in_json,
              pith_result_has(r, (pith_field)f));
    CHECK(in_json == pith_result_has(r, (pith_field)f));
  }
  pith_free(json);
}

static pith_result *extract(const char *html, const char *url, const char *language) {
  pith_options o;
  pith_options_init(&o);
  o.url = url;
  o.language = language;
  o.warc_record_id = url ? "<urn:uuid:3c1a7f52-0e4b-4d2a-9a57-1f0c8e6d2b11>" : NULL;
  o.warc_date = url ? "2021-03-06T12:00:00Z" : NULL;
  pith_result *r = NULL;
  pith_status st = pith_extract(html, strlen(html), &o, &r);
  CHECK(st == PITH_OK);
  return st == PITH_OK ? r : NULL;
}

static void every_field(void) {
  pith_result *r = extract(page, "https://harbour.example/h/1", NULL);
  if (!r)
    return;
  CHECK_STR(pith_result_string(r, PITH_FIELD_URL), "https://harbour.example/h/1");
  CHECK_STR(pith_result_string(r, PITH_FIELD_CANONICAL_URL),
            "https://harbour.example/history/tide-mills");
  CHECK_STR(pith_result_string(r, PITH_FIELD_TITLE), "Tide mills of the Rance estuary");
  CHECK(pith_result_count(r, PITH_FIELD_AUTHORS) == 2);
  CHECK_STR(pith_result_string_at(r, PITH_FIELD_AUTHORS, 0), "Ma\xc3\xabl Guillou");
  CHECK_STR(pith_result_string_at(r, PITH_FIELD_AUTHORS, 1), "Ruth Abernethy");
  CHECK(pith_result_string_at(r, PITH_FIELD_AUTHORS, 2) == NULL);
  CHECK_STR(pith_result_string(r, PITH_FIELD_DATE_PUBLISHED), "2021-03-04T09:30:00+01:00");
  CHECK_STR(pith_result_string(r, PITH_FIELD_DATE_MODIFIED), "2021-03-05");
  CHECK_STR(pith_result_string(r, PITH_FIELD_SITE_NAME), "Harbour Weekly");
  CHECK_STR(pith_result_string(r, PITH_FIELD_SECTION), "History");
  CHECK(pith_result_count(r, PITH_FIELD_TAGS) == 2);
  CHECK_STR(pith_result_string_at(r, PITH_FIELD_TAGS, 0), "mills");
  CHECK_STR(pith_result_string_at(r, PITH_FIELD_TAGS, 1), "tides");
  CHECK_STR(pith_result_string(r, PITH_FIELD_DESCRIPTION),
            "How the estuary's old tide mills worked.");
  CHECK_STR(pith_result_string(r, PITH_FIELD_IMAGE), "https://harbour.example/img/mill.jpg");
  CHECK_STR(pith_result_string(r, PITH_FIELD_LANGUAGE), "en");
  CHECK_STR(pith_result_string(r, PITH_FIELD_LICENSE),
            "https://creativecommons.org/licenses/by/4.0/");
  CHECK_STR(pith_result_string(r, PITH_FIELD_PAGE_TYPE), "article");
  CHECK_STR(pith_result_string(r, PITH_FIELD_WARC_RECORD_ID),
            "<urn:uuid:3c1a7f52-0e4b-4d2a-9a57-1f0c8e6d2b11>");
  CHECK_STR(pith_result_string(r, PITH_FIELD_WARC_DATE), "2021-03-06T12:00:00Z");
  CHECK_STR(pith_result_string(r, PITH_FIELD_TEXT), text);
  CHECK_STR(pith_result_string(r, PITH_FIELD_TEXT), pith_result_text(r));
  const char *comments = pith_result_string(r, PITH_FIELD_COMMENTS);
  CHECK(comments && strstr(comments, "a patient but stubborn employee.\n\nA lovely piece"));
  CHECK(comments && !strstr(comments, "six centuries"));
  /* Absent: no agency credit, no editor. */
  CHECK(pith_result_string(r, PITH_FIELD_SOURCE) == NULL);
  CHECK(!pith_result_has(r, PITH_FIELD_SOURCE) && pith_result_count(r, PITH_FIELD_EDITOR) == 0);
  /* Not read from an archive: no HTTP status, offsets or truncation. */
  long long v = 7;
  CHECK(!pith_result_integer(r, PITH_FIELD_HTTP_STATUS, &v) && v == 7);
  CHECK(!pith_result_has(r, PITH_FIELD_WARC_OFFSET) && !pith_result_has(r, PITH_FIELD_TRUNCATED));

  CHECK(pith_result_count(r, PITH_FIELD_IMAGES) == 1);
  pith_image img;
  CHECK(pith_result_image(r, 0, &img) == 1);
  CHECK_STR(img.src, "https://harbour.example/img/wheel.jpg");
  CHECK_STR(img.alt, "A wooden wheel");
  CHECK_STR(img.caption, "The wheel of the Quinard mill, restored in 1990.");
  CHECK_STR(img.credit, "Anne Le Goff");
  CHECK(pith_result_image(r, 1, &img) == 0);
  CHECK(pith_result_image(r, 0, NULL) == 0);

  same_keys_as_json(r);
  pith_result_free(r);
}

/* A record of a crawl archive: the provenance fields, numbers and all. */
static void record_fields(void) {
  pith_record rec;
  memset(&rec, 0, sizeof rec);
  rec.kind = PITH_RECORD_HTML;
  rec.url = "https://harbour.example/h/2";
  rec.warc_record_id = "<urn:uuid:0b7e2c1e-5d1f-4a57-b0a2-9f3c6d8e4a21>";
  rec.warc_date = "2021-03-07T08:00:00Z";
  rec.warc_filename = "crawl-0001.warc.gz";
  rec.payload_digest = "sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  rec.http_status = 200;
  rec.warc_offset = 5000000000ULL; /* past 32 bits */
  rec.warc_length = 4321;
  rec.truncated = 1;
  rec.payload = page;
  rec.payload_len = strlen(page);
  pith_result *r = NULL;
  CHECK(pith_record_extract(&rec, NULL, &r) == PITH_OK);
  if (!r)
    return;
  long long v = 0;
  double d = 0;
  CHECK(pith_result_integer(r, PITH_FIELD_HTTP_STATUS, &v) && v == 200);
  CHECK(pith_result_integer(r, PITH_FIELD_WARC_OFFSET, &v) && v == 5000000000LL);
  CHECK(pith_result_number(r, PITH_FIELD_WARC_OFFSET, &d) && d == 5000000000.0);
  CHECK(pith_result_integer(r, PITH_FIELD_WARC_LENGTH, &v) && v == 4321);
  CHECK(pith_result_integer(r, PITH_FIELD_TRUNCATED, &v) && v == 1);
  CHECK(!pith_result_number(r, PITH_FIELD_TRUNCATED, &d)); /* a boolean is no number */
  CHECK_STR(pith_result_string(r, PITH_FIELD_WARC_FILENAME), "crawl-0001.warc.gz");
  CHECK_STR(pith_result_string(r, PITH_FIELD_PAYLOAD_DIGEST),
            "sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
  CHECK_STR(pith_result_string(r, PITH_FIELD_URL), "https://harbour.example/h/2");
  CHECK(pith_result_number(r, PITH_FIELD_LANGUAGE_CONFIDENCE, &d) && d > 0.5 && d <= 1);
  CHECK(!pith_result_integer(r, PITH_FIELD_LANGUAGE_CONFIDENCE, &v));
  same_keys_as_json(r);
  pith_result_free(r);
}

/* Accessors for a type a field does not have give nothing. */
static void wrong_types(void) {
  pith_result *r = extract(page, "https://harbour.example/h/1", NULL);
  if (!r)
    return;
  long long i = 7;
  double d = 7;
  CHECK(pith_result_string(r, PITH_FIELD_AUTHORS) == NULL);
  CHECK(pith_result_string(r, PITH_FIELD_IMAGES) == NULL);
  CHECK(pith_result_string_at(r, PITH_FIELD_TITLE, 0) == NULL);
  CHECK(pith_result_integer(r, PITH_FIELD_TITLE, &i) == 0 && i == 7);
  CHECK(pith_result_number(r, PITH_FIELD_AUTHORS, &d) == 0 && d == 7);
  CHECK(pith_result_count(r, PITH_FIELD_TITLE) == 1); /* a present scalar counts 1 */
  CHECK(pith_result_string(r, (pith_field)-1) == NULL);
  CHECK(pith_result_string(r, (pith_field)100000) == NULL);
  CHECK(pith_result_count(r, (pith_field)100000) == 0);
  CHECK(!pith_result_has(r, (pith_field)-5));
  pith_result_free(r);
}

/* Names, types and numbers agree; the list ends with NULL. */
static void field_table(void) {
  int n = 0;
  for (int f = 0; pith_field_name(f); f++, n++) {
    CHECK(pith_field_from_name(pith_field_name(f)) == f);
    CHECK(pith_field_type(f) >= PITH_TYPE_STRING && pith_field_type(f) <= PITH_TYPE_IMAGES);
  }
  CHECK(n >= PITH_FIELD_COMMENTS + 1);
  CHECK(pith_field_name(-1) == NULL && pith_field_type(-1) == -1);
  CHECK(pith_field_type(n) == -1);
  CHECK(pith_field_from_name("no_such_field") == -1 && pith_field_from_name(NULL) == -1);
  CHECK(pith_field_type(PITH_FIELD_AUTHORS) == PITH_TYPE_STRINGS);
  CHECK(pith_field_type(PITH_FIELD_IMAGES) == PITH_TYPE_IMAGES);
  CHECK(pith_field_type(PITH_FIELD_DATE_PUBLISHED) == PITH_TYPE_STRING);
  CHECK_STR(pith_field_name(PITH_FIELD_DATE_PUBLISHED), "date_published");
}

/* A bare page: only the text is there; a NULL result has nothing. */
static void absent_fields(void) {
  pith_result *r =
      extract("<html><body><p>Just one short paragraph, with no metadata at all around it and "
              "nothing else on the page.</p></body></html>",
              NULL, NULL);
  if (!r)
    return;
  CHECK(pith_result_has(r, PITH_FIELD_TEXT));
  CHECK(!pith_result_has(r, PITH_FIELD_URL) && !pith_result_has(r, PITH_FIELD_AUTHORS));
  CHECK(pith_result_count(r, PITH_FIELD_IMAGES) == 0);
  CHECK(pith_result_string(r, PITH_FIELD_COMMENTS) == NULL);
  pith_image img;
  CHECK(pith_result_image(r, 0, &img) == 0);
  pith_result_free(r);

  CHECK(pith_result_string(NULL, PITH_FIELD_TITLE) == NULL);
  CHECK(pith_result_count(NULL, PITH_FIELD_AUTHORS) == 0);
  CHECK(pith_result_string_at(NULL, PITH_FIELD_AUTHORS, 0) == NULL);
  CHECK(pith_result_image(NULL, 0, &img) == 0);
  CHECK(!pith_result_has(NULL, PITH_FIELD_TEXT));
}

/* A page left out by pith_options.language keeps url, provenance and
 * language: the accessors say so. */
static void left_out_by_language(void) {
  pith_result *r = extract(page, "https://harbour.example/h/1", "de");
  if (!r)
    return;
  CHECK(pith_result_error(r) != NULL);
  CHECK_STR(pith_result_string(r, PITH_FIELD_LANGUAGE), "en");
  CHECK_STR(pith_result_string(r, PITH_FIELD_URL), "https://harbour.example/h/1");
  CHECK(pith_result_string(r, PITH_FIELD_WARC_DATE) != NULL);
  CHECK(!pith_result_has(r, PITH_FIELD_TITLE) && !pith_result_has(r, PITH_FIELD_AUTHORS));
  CHECK(!pith_result_has(r, PITH_FIELD_IMAGES) && !pith_result_has(r, PITH_FIELD_COMMENTS));
  CHECK_STR(pith_result_string(r, PITH_FIELD_TEXT), "");
  pith_result_free(r);
}

int main(void) {
  every_field();
  record_fields();
  wrong_types();
  field_table();
  absent_fields();
  left_out_by_language();
  return check_done();
}
