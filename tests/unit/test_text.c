/* Text mode: the public entry points (pith_extract_text, pith_sites_*),
 * the line measurements, dates, photo credits, bylines, and the choice of
 * the body on small dumps written for the test. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "input/charset.h"
#include "meta/credit.h"
#include "pith.h"
#include "text/lines.h"
#include "text/sites.h"
#include "text/textmeta.h"
#include "text/vocab.h"

/* A small news page as a crawl's text dump holds it. */
static const char page[] =
    "Home\nNews\nSport\nWeather\nCulture\nContact\n"
    "Science\n"
    "Lighthouse keepers return to Skerry Island\n"
    "2024-05-02 09:15 Coastal Press Agency Editor: Moira Flett\n"
    "The restored lighthouse at dawn. (Photo: Ian Rendall/Coast News)\n"
    "For the first time in thirty years, two keepers will live on Skerry Island this summer, "
    "looking after the restored lighthouse and its small museum.\n"
    "The trust that owns the island says the keepers will also count the puffins that nest on "
    "the cliffs, a job volunteers have done by boat until now.\n"
    "Visitors can reach the island by ferry twice a week, weather permitting, and the museum "
    "will open its doors on the first Saturday of June.\n"
    "Related stories\n"
    "Puffin numbers rise for a third year\n"
    "Ferry timetable changes announced\n"
    "Share\nPrint\n"
    "Home\nNews\nSport\nWeather\nScience\nCulture\nContact\n"
    "Copyright 2024 Coast News. All rights reserved.\n";

static const char body[] =
    "For the first time in thirty years, two keepers will live on Skerry Island this summer, "
    "looking after the restored lighthouse and its small museum.\n\n"
    "The trust that owns the island says the keepers will also count the puffins that nest on "
    "the cliffs, a job volunteers have done by boat until now.\n\n"
    "Visitors can reach the island by ferry twice a week, weather permitting, and the museum "
    "will open its doors on the first Saturday of June.";

static char *render(const pith_result *r, pith_format f) {
  char *out = NULL;
  size_t len = 0;
  if (pith_render(r, f, 0, &out, &len) != PITH_OK)
    return NULL;
  return out;
}

static int has(const char *hay, const char *needle) {
  return hay && strstr(hay, needle) != NULL;
}

static void test_api(void) {
  pith_result *r = NULL;
  CHECK(pith_extract_text(page, strlen(page), NULL, NULL) == PITH_ERR_INVALID);
  CHECK(pith_extract_text(NULL, 5, NULL, &r) == PITH_ERR_INVALID);
  CHECK(r && pith_result_error(r));
  pith_result_free(r);
  CHECK(pith_extract_text("", 0, NULL, &r) == PITH_ERR_EMPTY);
  pith_result_free(r);
  CHECK(pith_extract_text(" \n\t\n", 4, NULL, &r) == PITH_ERR_EMPTY);
  pith_result_free(r);
  static const char binary[] = {'\x89', 'P', 'N', 'G', 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0};
  CHECK(pith_extract_text(binary, sizeof binary, NULL, &r) == PITH_ERR_NOT_HTML);
  CHECK(has(pith_result_error(r), "binary"));
  pith_result_free(r);
  pith_options o;
  pith_options_init(&o);
  o.max_input_bytes = 10;
  CHECK(pith_extract_text(page, strlen(page), &o, &r) == PITH_ERR_TOO_LARGE);
  pith_result_free(r);

  pith_options_init(&o);
  o.url = "https://coast.example/news/skerry";
  o.warc_record_id = "<urn:uuid:1234>";
  o.warc_date = "2024-05-02T10:00:00Z";
  CHECK(pith_extract_text(page, strlen(page), &o, &r) == PITH_OK);
  CHECK_STR(pith_result_text(r), body);
  CHECK_STR(pith_result_title(r), "Lighthouse keepers return to Skerry Island");
  CHECK_STR(pith_result_url(r), "https://coast.example/news/skerry");
  CHECK(pith_result_block_count(r) == 3);
  char *json = render(r, PITH_FORMAT_JSON);
  CHECK(has(json, "\"date_published\":\"2024-05-02T09:15\""));
  CHECK(has(json, "\"section\":\"Science\""));
  CHECK(has(json, "\"source\":\"Coastal Press Agency\""));
  CHECK(has(json, "\"editor\":\"Moira Flett\""));
  CHECK(has(json, "\"images\":[{\"caption\":\"The restored lighthouse at dawn.\","
                  "\"credit\":\"Ian Rendall/Coast News\"}]"));
  CHECK(has(json, "\"warc_record_id\":\"<urn:uuid:1234>\""));
  CHECK(has(json, "\"warc_date\":\"2024-05-02T10:00:00Z\""));
  CHECK(!has(json, "Related") && !has(json, "Copyright") && !has(json, "Puffin numbers"));
  pith_free(json);
  pith_result_free(r);

  /* HTML extraction carries the provenance too. */
  static const char html[] = "<html><body><p>Short.</p></body></html>";
  CHECK(pith_extract(html, strlen(html), &o, &r) == PITH_OK);
  json = render(r, PITH_FORMAT_JSON);
  CHECK(has(json, "\"warc_record_id\":\"<urn:uuid:1234>\""));
  pith_free(json);
  pith_result_free(r);

  /* No article: an empty text, not an error. */
  static const char menu[] = "Home\nNews\nSport\nAbout us\nContact\nPrivacy\nTerms\n";
  CHECK(pith_extract_text(menu, strlen(menu), NULL, &r) == PITH_OK);
  CHECK_STR(pith_result_text(r), "");
  CHECK(pith_result_block_count(r) == 0);
  pith_result_free(r);

  /* Latin-1 bytes become UTF-8. */
  static const char latin1[] =
      "Men\xfc\n"
      "Die K\xf6"
      "chin erkl\xe4rt, warum sie f\xfcr das neue Restaurant nur Gem\xfcse aus der "
      "Region kauft und was das f\xfcr die G\xe4ste bedeutet, die jeden Abend kommen.\n";
  CHECK(pith_extract_text(latin1, strlen(latin1), NULL, &r) == PITH_OK);
  CHECK(has(pith_result_text(r), "K\xc3\xb6"
                                 "chin erkl\xc3\xa4rt"));
  pith_result_free(r);
}

static void test_dates(void) {
  char d[32];
  size_t a, b;
  CHECK(text_date("2017-06-09 08:36Xinhua", 22, d, &a, &b) == 0);
  CHECK_STR(d, "2017-06-09T08:36");
  CHECK(a == 0 && b == 16);
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"Published Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03"},
      {"November 18, 2019 at 4:02 pm", "2019-11-18T16:02"},
      {"Monday November 18, 2019 7:45 am PST by Joe", "2019-11-18T07:45"},
      {"9 June 2017", "2017-06-09"},
      {"25. September 2018", "2018-09-25"},
      {"publiziert am 25. September 2018", "2018-09-25"},
      {"sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13"},
      {"24 сентября 2018", "2018-09-24"},
      {"21:17 18.11.2019", "2019-11-18T21:17"},
      {"2018年9月25日", "2018-09-25"},
      {"2019/11/20 12:00:05", "2019-11-20T12:00:05"},
      {"18/11/2019", "2019-11-18"},
      {"1er mars 2019", "2019-03-01"},
      {"12 h 30, le 3 mai 2021", "2021-05-03"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    d[0] = '\0';
    int rc = text_date(cases[i].in, strlen(cases[i].in), d, NULL, NULL);
    CHECK(rc == 0);
    CHECK_STR(d, cases[i].want);
  }
  /* Not dates, or not clear ones. */
  static const char *const none[] = {"05/06/2019",    "version 2.26", "May I ask", "2017-13-40",
                                     "call 555-1234", "1 of 6",       "March 3"};
  for (size_t i = 0; i < sizeof none / sizeof *none; i++)
    CHECK(text_date(none[i], strlen(none[i]), d, NULL, NULL) == -1);
}

static void test_credits(void) {
  size_t ce, cs, cend;
  const char *s = "Chinese President Xi Jinping (L) meets with Russian President Vladimir "
                  "Putin in Astana, Kazakhstan, June 8, 2017. (Xinhua/Lan Hongguang)";
  CHECK(credit_find(s, strlen(s), &ce, &cs, &cend) == CREDIT_TRAILING);
  CHECK(ce > 0 && s[ce - 1] == '.');
  CHECK(cend - cs == strlen("Xinhua/Lan Hongguang") && !strncmp(s + cs, "Xinhua", 6));
  s = "Photo: Tim Robberts/Getty Images";
  CHECK(credit_find(s, strlen(s), &ce, &cs, &cend) == CREDIT_ALONE);
  CHECK(!strncmp(s + cs, "Tim Robberts", 12));
  s = "(Walt Disney Co.)";
  CHECK(credit_find(s, strlen(s), &ce, &cs, &cend) == CREDIT_ALONE);
  s = "Sanjeev Verma/Hindustan Times/Getty Images";
  CHECK(credit_find(s, strlen(s), &ce, &cs, &cend) == CREDIT_ALONE);
  s = "The protests kicked off in June and have strengthened in size (Image: GETTY )";
  CHECK(credit_find(s, strlen(s), &ce, &cs, &cend) == CREDIT_TRAILING);
  s = "The company said profits rose (see the table below) in the third quarter.";
  CHECK(credit_find(s, strlen(s), &ce, &cs, &cend) == CREDIT_NONE);
  s = "The Shanghai Cooperation Organization (SCO)";
  CHECK(credit_find(s, strlen(s), &ce, &cs, &cend) == CREDIT_NONE);
}

/* The authors a dump gives in its JSON ("\"authors\":[...]"), or "" when
 * none: the dump is a headline, the lines given, and a body. */
static char *dump_authors(const char *lines) {
  static char out[256];
  char dump[2048];
  snprintf(dump, sizeof dump,
           "Home\nNews\nSport\nHarbour seals return to the estuary after forty years\n%s\n"
           "Harbour seals have returned to the estuary for the first time in forty years, "
           "counted on Tuesday by volunteers who walked the mudflats at low tide.\n"
           "The survey found eleven adults and three pups resting on the sandbanks below the "
           "old pier, where the river meets the sea and the water is cleanest.\n"
           "Volunteers said the return followed a decade of work to clean the river and keep "
           "boats away from the banks in the breeding season.\n",
           lines);
  pith_result *r = NULL;
  out[0] = '\0';
  if (pith_extract_text(dump, strlen(dump), NULL, &r) == PITH_OK) {
    char *json = render(r, PITH_FORMAT_JSON);
    const char *a = json ? strstr(json, "\"authors\":[") : NULL;
    if (a) {
      size_t k = strcspn(a, "]");
      snprintf(out, sizeof out, "%.*s", (int)(k + 1), a);
    }
    pith_free(json);
  }
  pith_result_free(r);
  return out;
}

/* Byline labels as HTML bylines read them (meta/byline_label.c): a label
 * alone on its line with the name on the next, a capital Cyrillic label;
 * "di" only in lower case ("Di Natale" is a name); a photo credit after a
 * date and a label alone over a label ("Last updated on:") give no
 * author. */
static void test_byline_labels(void) {
  CHECK_STR(dump_authors("Written by\nJane Doe\nMarch 3, 2024"), "\"authors\":[\"Jane Doe\"]");
  CHECK_STR(dump_authors("Author:\nJane Doe\nMarch 3, 2024"), "\"authors\":[\"Jane Doe\"]");
  CHECK_STR(dump_authors("\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82: Jane Doe"),
            "\"authors\":[\"Jane Doe\"]");
  CHECK_STR(dump_authors("March 3, 2024\ndi Mario Rossi"), "\"authors\":[\"Mario Rossi\"]");
  CHECK_STR(dump_authors("Di Natale Rossi\nMarch 3, 2024"), "");
  CHECK_STR(dump_authors("March 3, 2024 Photo by Jane Doe"), "");
  CHECK_STR(dump_authors("March 3, 2024 by Jane Doe"), "\"authors\":[\"Jane Doe\"]");
  CHECK_STR(dump_authors("Written by\nLast updated on:\nMarch 3, 2024"), "");
}

static void test_lines(void) {
  char key[64];
  CHECK(line_key("[ 167 comments ]", 16, key, sizeof key) == 8);
  CHECK_STR(key, "comments");
  line_key("858shares", 9, key, sizeof key);
  CHECK_STR(key, "shares");
  line_key("Don't Miss:", 11, key, sizeof key);
  CHECK_STR(key, "don t miss");
  line_key("ÜBER UNS", strlen("ÜBER UNS"), key, sizeof key);
  CHECK_STR(key, "über uns");
  CHECK(vocab_boilerplate("see also", 8) == VOCAB_LABEL);
  CHECK(vocab_boilerplate("related news", 12) == VOCAB_END);
  CHECK(vocab_boilerplate("leave a reply", 13) == VOCAB_END);
  CHECK(vocab_boilerplate("advertisement", 13) == VOCAB_JUNK);
  CHECK(vocab_boilerplate("the island", 10) == VOCAB_NONE);
  CHECK(vocab_label_opener("more from uk", 12) == VOCAB_LABEL);
  CHECK(vocab_label_opener("more from", 9) == VOCAB_NONE); /* the opener alone: the table's */
  CHECK(vocab_label_opener("more information", 16) == VOCAB_NONE);
  CHECK(vocab_comment_head("jane says", 9, 1));
  CHECK(!vocab_comment_head("jane says", 9, 0));
  CHECK(vocab_comment_head("days ago", 8, 0));
  CHECK(vocab_comment_head("responses to why bread rises", 28, 0));
  CHECK(vocab_stopword("the", 3) & 1);
  CHECK(vocab_stopword("und", 3) & 2);
  CHECK(!vocab_stopword("lighthouse", 10));
  CHECK(vocab_check() == 0);

  tpage p;
  static const char text[] = "  One   line\twith\xc2\xa0spaces \r\n\r\n\nSecond.\n"
                             "a line that runs on without its full stop and then\n"
                             "continues here on the next one.\n";
  CHECK(tpage_build(&p, text, strlen(text), 0, NULL) == 0);
  CHECK(p.n == 3);
  if (p.n == 3) {
    CHECK_STR(p.lines[0].s, "One line with spaces");
    CHECK(p.lines[1].end_punct && p.lines[1].sentences == 1);
    CHECK_STR(p.lines[2].s, "a line that runs on without its full stop and then continues here "
                            "on the next one.");
  }
  tpage_free(&p);
  /* Invalid UTF-8 never passes through raw. */
  CHECK(tpage_build(&p, "ab\xff\xfe cd\n", 8, 0, NULL) == 0);
  CHECK(p.n == 1 && pith_utf8_valid(p.lines[0].s, p.lines[0].len));
  tpage_free(&p);
}

static void test_sites(void) {
  CHECK(text_site_of("https://www.Example.org:8080/a/b") == text_site_of("http://example.org/"));
  CHECK(text_site_of("https://news.example.org/") != text_site_of("https://example.org/"));
  text_sites *s = text_sites_new(0);
  CHECK(s != NULL);
  uint64_t site = text_site_of("https://example.org/");
  for (int i = 0; i < 4; i++) {
    char pagebuf[200];
    int n = snprintf(pagebuf, sizeof pagebuf, "Menu\nStory number %d is here.\nMenu\nFooter\n", i);
    CHECK(text_sites_add(s, site, pagebuf, (size_t)n, 0) == 0);
  }
  CHECK(text_sites_pages(s, site) == 4);
  CHECK(text_sites_count(s, site, line_hash("Menu", 4)) == 4); /* once a page */
  CHECK(text_sites_count(s, site, line_hash("Footer", 6)) == 4);
  CHECK(text_sites_count(s, site, line_hash("Story number 1 is here.", 23)) == 1);
  CHECK(text_sites_count(s, text_site_of("https://other.example/"), line_hash("Menu", 4)) == 0);
  text_sites_free(s);
  /* Bounded: past max_entries, new lines are not counted, nothing fails. */
  s = text_sites_new(3);
  CHECK(text_sites_add(s, site, "a\nb\nc\nd\ne\n", 10, 0) == 0);
  CHECK(text_sites_pages(s, site) == 0 || text_sites_pages(s, site) == 1);
  text_sites_free(s);
}

/* A boilerplate paragraph on every page of a site goes with --site-dedup. */
static void test_site_dedup(void) {
  static const char blurb[] =
      "Our newsletter brings you the best of the week every Friday, and you can "
      "unsubscribe at any time with a single click from any of the messages we send.\n";
  pith_sites *sites = pith_sites_new();
  CHECK(sites != NULL);
  char pages[4][1024];
  size_t lens[4];
  pith_options o;
  pith_options_init(&o);
  o.url = "https://blog.example/";
  for (int i = 0; i < 4; i++) {
    lens[i] = (size_t)snprintf(
        pages[i], sizeof pages[i],
        "Home\nArchive\nPost %d\n"
        "This is the story of day %d, told in a sentence that is long enough to read as "
        "prose and to be kept by the extractor as the body of the page.\n%s",
        i, i, blurb);
    CHECK(pith_sites_add(sites, pages[i], lens[i], &o) == PITH_OK);
  }
  pith_result *r = NULL;
  CHECK(pith_extract_text(pages[0], lens[0], &o, &r) == PITH_OK);
  CHECK(has(pith_result_text(r), "newsletter"));
  pith_result_free(r);
  o.sites = sites;
  CHECK(pith_extract_text(pages[0], lens[0], &o, &r) == PITH_OK);
  CHECK(has(pith_result_text(r), "story of day 0"));
  CHECK(!has(pith_result_text(r), "newsletter"));
  pith_result_free(r);
  CHECK(pith_sites_add(NULL, "x", 1, NULL) == PITH_ERR_INVALID);
  pith_sites_free(sites);
  pith_sites_free(NULL);
}

static void *worker(void *arg) {
  const pith_sites *sites = arg;
  int ok = 1;
  for (int i = 0; i < 50; i++) {
    pith_options o;
    pith_options_init(&o);
    o.sites = sites;
    pith_result *r = NULL;
    if (pith_extract_text(page, strlen(page), &o, &r) != PITH_OK ||
        strcmp(pith_result_text(r), body))
      ok = 0;
    pith_result_free(r);
  }
  return ok ? arg : NULL;
}

static void test_threads(void) {
  pith_sites *sites = pith_sites_new();
  pith_sites_add(sites, page, strlen(page), NULL);
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    CHECK(pthread_create(&t[i], NULL, worker, sites) == 0);
  for (int i = 0; i < 4; i++) {
    void *res = NULL;
    pthread_join(t[i], &res);
    CHECK(res == sites);
  }
  pith_sites_free(sites);
}

/* Hostile input: very long lines, no newlines, only punctuation. */
static void test_hostile(void) {
  size_t n = 1 << 20;
  char *big = malloc(n + 1);
  CHECK(big != NULL);
  if (!big)
    return;
  for (size_t i = 0; i < n; i++)
    big[i] = "ab. ,:()[]\n\xc3"[i % 12];
  big[n] = '\0';
  pith_result *r = NULL;
  pith_status st = pith_extract_text(big, n, NULL, &r);
  if (st != PITH_OK)
    fprintf(stderr, "hostile: %d %s\n", st, pith_result_error(r));
  CHECK(st == PITH_OK);
  pith_result_free(r);
  memset(big, 'x', n);
  CHECK(pith_extract_text(big, n, NULL, &r) == PITH_OK);
  pith_result_free(r);
  for (size_t i = 0; i < n; i++)
    big[i] = (i % 3) ? '\n' : ':';
  CHECK(pith_extract_text(big, n, NULL, &r) == PITH_OK);
  pith_result_free(r);
  free(big);
}

int main(void) {
  test_api();
  test_dates();
  test_credits();
  test_byline_labels();
  test_lines();
  test_sites();
  test_site_dedup();
  test_threads();
  test_hostile();
  return check_done();
}
