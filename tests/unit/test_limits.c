/* Per-page limits (docs/limits.md): the time budget (PITH_ERR_TIMEOUT in
 * both modes, none by default), attributes per element and bytes per
 * attribute, text mode's line limit, the deadline's own arithmetic; UTF-16
 * without a BOM (not binary). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "html/html.h"
#include "pith.h"
#include "text/lines.h"
#include "util/buf.h"
#include "util/deadline.h"

/* A page of n paragraphs of prose, large enough to take well over 1 ms. */
static char *big_page(size_t n, size_t *len) {
  buf b;
  buf_init(&b);
  buf_puts(&b, "<html><head><title>Tides</title></head><body><article>");
  for (size_t i = 0; i < n; i++)
    buf_puts(&b, "<p>The tide came in over the flats, and the birds that feed there moved up "
                 "the shore to the <a href=\"/marsh\">salt marsh</a> until it turned.</p>\n");
  buf_puts(&b, "</article></body></html>");
  return buf_detach(&b, len);
}

static void test_timeout_html(void) {
  size_t len = 0;
  char *page = big_page(100000, &len);
  CHECK(page != NULL);
  pith_options o;
  pith_options_init(&o);
  CHECK(o.timeout_ms == 0); /* no budget by default: results never depend on speed */
  o.timeout_ms = 1;
  pith_result *r = NULL;
  CHECK(pith_extract(page, len, &o, &r) == PITH_ERR_TIMEOUT);
  CHECK(r && pith_result_error(r) && strstr(pith_result_error(r), "time budget"));
  CHECK(pith_result_text(r) == NULL || !*pith_result_text(r));
  pith_result_free(r);
  /* The same page without a budget comes out whole. */
  o.timeout_ms = 0;
  r = NULL;
  CHECK(pith_extract(page, len, &o, &r) == PITH_OK);
  CHECK(r && pith_result_text(r) && strstr(pith_result_text(r), "salt marsh until it turned."));
  pith_result_free(r);
  /* A generous budget changes nothing. */
  o.timeout_ms = 600000;
  r = NULL;
  CHECK(pith_extract(page, len, &o, &r) == PITH_OK);
  pith_result_free(r);
  free(page);
  CHECK_STR(pith_status_string(PITH_ERR_TIMEOUT), "over the time budget");
}

static void test_timeout_text(void) {
  buf b;
  buf_init(&b);
  for (int i = 0; i < 300000; i++)
    buf_puts(&b, "The tide came in over the flats and the birds moved up the shore.\n");
  pith_options o;
  pith_options_init(&o);
  o.timeout_ms = 1;
  pith_result *r = NULL;
  CHECK(pith_extract_text(b.data, b.len, &o, &r) == PITH_ERR_TIMEOUT);
  CHECK(r && pith_result_error(r) && strstr(pith_result_error(r), "time budget"));
  pith_result_free(r);
  buf_free(&b);
}

static void test_attribute_limits(void) {
  buf b;
  buf_init(&b);
  buf_puts(&b, "<div id=\"x\"");
  char name[32];
  for (int i = 0; i < 3000; i++) {
    snprintf(name, sizeof name, " a%d=\"v\"", i);
    buf_puts(&b, name);
  }
  buf_puts(&b, " title=\"");
  for (int i = 0; i < 200; i++)
    buf_putc(&b, 'y');
  buf_puts(&b, "\">text</div>");
  arena mem;
  arena_init(&mem);
  dom_doc doc;
  char err[128];
  html_limits lim = {.max_depth = 256, .max_attrs = 1024, .max_attr_bytes = 100};
  CHECK(html_parse(b.data, b.len, &lim, &mem, &doc, err, sizeof err) == 0);
  const dom_node *div = NULL;
  for (dom_node *x = doc.root; x && !div; x = dom_next(doc.root, x, 0))
    if (x->tag == TAG_DIV)
      div = x;
  CHECK(div != NULL);
  size_t n = 0;
  for (const dom_attr *a = div ? div->attrs : NULL; a; a = a->next)
    n++;
  CHECK(n == 1024);
  CHECK(div && div->id && !strcmp(div->id, "x"));
  CHECK(doc.truncated);
  arena_free(&mem);

  /* A value over max_attr_bytes is left out, the element kept. */
  arena_init(&mem);
  const char *page = "<p class=\"short\" title=\"0123456789abcdef\">text</p>";
  html_limits small = {.max_depth = 256, .max_attr_bytes = 8};
  CHECK(html_parse(page, strlen(page), &small, &mem, &doc, err, sizeof err) == 0);
  const dom_node *p = NULL;
  for (dom_node *x = doc.root; x && !p; x = dom_next(doc.root, x, 0))
    if (x->tag == TAG_P)
      p = x;
  CHECK(p && dom_attr_get(p, "class") && !dom_attr_get(p, "title"));
  arena_free(&mem);
  buf_free(&b);
}

static void test_text_lines(void) {
  const char *text = "one line\ntwo lines\n\n\nthree lines\nfour lines\nfive lines\n";
  tpage p;
  CHECK(tpage_build(&p, text, strlen(text), 3, NULL) == 0);
  CHECK(p.n == 3);
  CHECK(p.truncated == 1);
  CHECK(p.n == 3 && !strcmp(p.lines[2].s, "three lines"));
  tpage_free(&p);
  CHECK(tpage_build(&p, text, strlen(text), 5, NULL) == 0);
  CHECK(p.n == 5 && p.truncated == 0);
  tpage_free(&p);
  pith_options o;
  pith_options_init(&o);
  CHECK(o.max_text_lines == 1000000);
  CHECK(o.max_attributes == 1024);
  CHECK(o.max_attribute_bytes == (size_t)1 << 20);
}

/* A line with more stop words than a line record counts (LANGS_MAX) still
 * gets its exact count. */
static void test_saturated_langs(void) {
  buf b;
  buf_init(&b);
  for (int i = 0; i < 400; i++)
    buf_puts(&b, "the cat and the dog ");
  buf_puts(&b, "\n");
  tpage p;
  CHECK(tpage_build(&p, b.data, b.len, 0, NULL) == 0);
  CHECK(p.n == 1 && p.lines[0].stops == 1200);
  tpage_free(&p);
  buf_free(&b);
}

/* UTF-16 without a byte order mark is full of NULs, yet text: both entry
 * points read it (through the charset detector), neither calls it binary. */
static void test_utf16_without_bom(void) {
  const char *page = "<html><head><title>Tides</title></head><body><article><p>The tide came "
                     "in over the flats, and the birds that feed there moved up the shore to "
                     "the salt marsh until it turned again.</p></article></body></html>";
  size_t n = strlen(page);
  char *le = malloc(2 * n);
  CHECK(le != NULL);
  if (!le)
    return;
  for (size_t i = 0; i < n; i++)
    le[2 * i] = page[i], le[2 * i + 1] = 0;
  pith_result *r = NULL;
  CHECK(pith_extract(le, 2 * n, NULL, &r) == PITH_OK);
  CHECK(r && pith_result_text(r) && strstr(pith_result_text(r), "salt marsh"));
  pith_result_free(r);
  r = NULL;
  CHECK(pith_extract_text(le, 2 * n, NULL, &r) == PITH_OK);
  pith_result_free(r);
  /* Big-endian: the NULs come first. */
  for (size_t i = 0; i < n; i++)
    le[2 * i] = 0, le[2 * i + 1] = page[i];
  r = NULL;
  CHECK(pith_extract(le, 2 * n, NULL, &r) == PITH_OK);
  CHECK(r && pith_result_text(r) && strstr(pith_result_text(r), "salt marsh"));
  pith_result_free(r);
  free(le);
}

static void test_deadline(void) {
  deadline d;
  deadline_start(&d, 0);
  int over = 0;
  for (int i = 0; i < 5000; i++)
    over |= deadline_over(&d);
  CHECK(!over);
  CHECK(!deadline_over(NULL));
  deadline_start(&d, 1);
  d.end_ns = 1; /* long past */
  CHECK(deadline_over(&d));
  CHECK(d.expired && deadline_over(&d));
}

int main(void) {
  test_deadline();
  test_utf16_without_bom();
  test_attribute_limits();
  test_text_lines();
  test_saturated_langs();
  test_timeout_html();
  test_timeout_text();
  return check_done();
}
