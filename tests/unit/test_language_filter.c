/* pith_options.language: pages in another language (or in none pith
 * recognises) give an empty result that says why; pages in it are kept
 * whole. HTML and text mode alike. */
#include <string.h>

#include "check.h"
#include "pith.h"

static const char page_de[] =
    "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
    "<title>Hochwasser schließt alte Brücke</title></head><body>"
    "<article><h1>Hochwasser schließt alte Brücke</h1>"
    "<p>Der Fluss ist über die Ufer getreten und die alte Brücke wurde gesperrt. Die Stadt hat "
    "eine Umleitung eingerichtet, und die Feuerwehr ist seit der Nacht im Einsatz.</p>"
    "<p>Nach Angaben der Behörden wird die Brücke mindestens eine Woche lang nicht befahrbar "
    "sein, weil die Schäden erst geprüft werden müssen. Die Anwohner sind verärgert.</p>"
    "</article></body></html>";

/* No declared language: the text's own. */
static const char page_en[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>Flood closes the old bridge</title></head><body>"
    "<article><h1>Flood closes the old bridge</h1>"
    "<p>The river burst its banks on Friday night and the old bridge was closed. The town has "
    "set up a diversion, and the fire brigade has been at work since the early hours.</p>"
    "<p>According to the council the bridge will stay shut for at least a week, because the "
    "damage has to be inspected first. People who live nearby are not happy about it.</p>"
    "</article></body></html>";

static const char text_de[] =
    "Hochwasser schließt alte Brücke\n"
    "Der Fluss ist über die Ufer getreten und die alte Brücke wurde gesperrt. Die Stadt hat "
    "eine Umleitung eingerichtet, und die Feuerwehr ist seit der Nacht im Einsatz.\n"
    "Nach Angaben der Behörden wird die Brücke mindestens eine Woche lang nicht befahrbar sein, "
    "weil die Schäden erst geprüft werden müssen.\n";

static const char page_digits[] =
    "<html><head><title>1234</title></head><body><p>12 34 56 78 90</p></body></html>";

static char *json_of(const pith_result *r) {
  char *out = NULL;
  size_t n = 0;
  CHECK(pith_render(r, PITH_FORMAT_JSON, 0, &out, &n) == PITH_OK);
  return out;
}

/* Extracts html with opts.language = lang (and metadata as given). */
static pith_result *run(const char *html, const char *lang, int metadata, int text_mode) {
  pith_options o;
  pith_options_init(&o);
  CHECK(o.language == NULL);
  o.language = lang;
  o.metadata = metadata;
  o.url = "https://news.example/bridge";
  pith_result *r = NULL;
  pith_status st = text_mode ? pith_extract_text(html, strlen(html), &o, &r)
                             : pith_extract(html, strlen(html), &o, &r);
  CHECK(st == PITH_OK);
  CHECK(r != NULL);
  return r;
}

static void test_kept(void) {
  /* The same language, by primary subtag, any case. */
  static const char *const same[] = {"de", "DE", "de-AT", "de_CH"};
  for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
    pith_result *r = run(page_de, same[i], 1, 0);
    CHECK(pith_result_error(r) == NULL);
    CHECK(pith_result_title(r) && strstr(pith_result_title(r), "Brücke"));
    CHECK(strstr(pith_result_text(r), "Feuerwehr") != NULL);
    pith_result_free(r);
  }
  /* Undeclared: the text says English. Also with metadata off (the title-only
   * path detects the language when asked to filter). */
  for (int meta = 0; meta <= 1; meta++) {
    pith_result *r = run(page_en, "en", meta, 0);
    CHECK(pith_result_error(r) == NULL);
    CHECK(strstr(pith_result_text(r), "fire brigade") != NULL);
    pith_result_free(r);
  }
  /* NULL and "" filter nothing. */
  pith_result *r = run(page_de, "", 1, 0);
  CHECK(pith_result_error(r) == NULL && pith_result_block_count(r) == 2);
  pith_result_free(r);
  r = run(page_de, NULL, 1, 0);
  CHECK(pith_result_error(r) == NULL && pith_result_block_count(r) == 2);
  pith_result_free(r);
  r = run(text_de, "de", 1, 1);
  CHECK(pith_result_error(r) == NULL);
  CHECK(strstr(pith_result_text(r), "Feuerwehr") != NULL);
  pith_result_free(r);
}

static void test_left_out(void) {
  for (int meta = 0; meta <= 1; meta++) {
    pith_result *r = run(page_de, "en", meta, 0);
    const char *why = pith_result_error(r);
    CHECK(why && strstr(why, "de") && strstr(why, "en"));
    CHECK(pith_result_title(r) == NULL);
    CHECK(pith_result_block_count(r) == 0);
    CHECK(!strcmp(pith_result_text(r), ""));
    CHECK(!strcmp(pith_result_url(r), "https://news.example/bridge"));
    char *js = json_of(r);
    /* Only the address, the language and the empty text. */
    CHECK(js && !strncmp(js, "{\"url\":\"https://news.example/bridge\",\"language\":\"de\",", 50) &&
          strstr(js, "\"text\":\"\"}\n") && !strstr(js, "title"));
    pith_free(js);
    char *txt = NULL;
    size_t n = 1;
    CHECK(pith_render(r, PITH_FORMAT_TEXT, 0, &txt, &n) == PITH_OK && n == 0);
    pith_free(txt);
    pith_result_free(r);
  }
  pith_result *r = run(page_en, "fr", 1, 0);
  CHECK(pith_result_error(r) && strstr(pith_result_error(r), "en"));
  CHECK(pith_result_block_count(r) == 0);
  pith_result_free(r);
  /* Text mode. */
  r = run(text_de, "en", 1, 1);
  CHECK(pith_result_error(r) && strstr(pith_result_error(r), "de"));
  CHECK(pith_result_title(r) == NULL && pith_result_block_count(r) == 0);
  pith_result_free(r);
  /* A page with no words of any language is not known to be in it. */
  r = run(page_digits, "en", 1, 0);
  CHECK(pith_result_error(r) && strstr(pith_result_error(r), "not recognised"));
  CHECK(pith_result_block_count(r) == 0);
  pith_result_free(r);
}

int main(void) {
  test_kept();
  test_left_out();
  return check_done();
}
