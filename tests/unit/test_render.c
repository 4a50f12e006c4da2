/* The renderers (src/render/): markdown, html, xml and json on article trees
 * built by hand, checked for their exact output.
 *
 *   test_render                 runs the checks
 *   test_render print FORMAT    prints the sample article (every block type)
 *                               in markdown, html, xml, json or text, with
 *                               links, images, formatting and comments on,
 *                               for tests/render/check.sh to parse back */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "check.h"
#include "render/render.h"

static arena mem;

/* ---- building trees -------------------------------------------------------- */

static art_run *run(const char *text, unsigned style, const char *href) {
  art_run *r = arena_calloc(&mem, sizeof *r);
  r->kind = RUN_TEXT;
  r->text = text;
  r->len = strlen(text);
  r->style = style;
  r->href = href;
  return r;
}

static art_run *brk(void) {
  art_run *r = arena_calloc(&mem, sizeof *r);
  r->kind = RUN_BREAK;
  return r;
}

static art_run *img(const char *src, const char *alt) {
  art_run *r = arena_calloc(&mem, sizeof *r);
  r->kind = RUN_IMAGE;
  r->src = src;
  r->alt = alt;
  return r;
}

/* The runs given, linked in order; the list ends with NULL. */
static art_run *runs(art_run *first, ...) {
  va_list ap;
  va_start(ap, first);
  art_run *last = first;
  for (art_run *r; (r = va_arg(ap, art_run *));)
    last = last->next = r;
  va_end(ap);
  return first;
}

static article_block *add(article *a, art_node *parent, block_kind kind, int level,
                          const char *text) {
  return article_add_in(a, &mem, parent, kind, level, text, strlen(text));
}

static article_block *para(article *a, art_node *parent, const char *text) {
  return add(a, parent, BLOCK_PARAGRAPH, 0, text);
}

static art_cell *cell(const char *text, int colspan, int spanned) {
  art_cell *c = arena_calloc(&mem, sizeof *c);
  c->text = text;
  c->len = strlen(text);
  c->colspan = colspan;
  c->rowspan = 1;
  c->spanned = spanned;
  return c;
}

static art_cell *cells(art_cell *first, ...) {
  va_list ap;
  va_start(ap, first);
  art_cell *last = first;
  for (art_cell *c; (c = va_arg(ap, art_cell *));)
    last = last->next = c;
  va_end(ap);
  return first;
}

static article *new_article(const char *title) {
  article *a = arena_calloc(&mem, sizeof *a);
  a->title = title;
  a->body.kind = NODE_ROOT;
  return a;
}

static const char puffins[] = "https://example.org/puffins";

/* The sample article: every block type once, small. */
static article *sample(void) {
  article *a = new_article("Keepers return to Skerry");
  a->url = "https://example.org/news/skerry";
  static const char *authors[] = {"Jane Doe"};
  a->meta.authors = authors;
  a->meta.nauthors = 1;
  a->meta.date_published = "2024-05-01";
  a->meta.language = "en";

  add(a, NULL, BLOCK_HEADING, 2, "The return");
  article_block *b = para(a, NULL, "Two keepers will count the puffins this summer.");
  b->runs = runs(run("Two keepers will count ", 0, NULL), run("the puffins", 0, puffins),
                 run(" this ", 0, NULL), run("summer", STYLE_EM, NULL), run(".", 0, NULL), NULL);

  b = para(a, NULL, "See the map below.\nIt is old.");
  b->runs = runs(run("See the ", 0, NULL), run("map", STYLE_STRONG, NULL), run(" below.", 0, NULL),
                 brk(), run("It is ", 0, NULL), img("https://example.org/map.png", "Map"),
                 run(" old", 0, NULL), run("2", STYLE_SUP, NULL), run(".", 0, NULL), NULL);

  art_node *list = article_open(a, &mem, NULL, NODE_LIST);
  list->ordered = 1;
  list->start = 3;
  add(a, article_open(a, &mem, list, NODE_ITEM), BLOCK_LIST_ITEM, 1, "Boat");
  art_node *item = article_open(a, &mem, list, NODE_ITEM);
  para(a, item, "Lighthouse");
  para(a, item, "Museum");
  item = article_open(a, &mem, list, NODE_ITEM);
  add(a, item, BLOCK_LIST_ITEM, 1, "Birds");
  art_node *sub = article_open(a, &mem, item, NODE_LIST);
  add(a, article_open(a, &mem, sub, NODE_ITEM), BLOCK_LIST_ITEM, 2, "Puffins");
  add(a, article_open(a, &mem, sub, NODE_ITEM), BLOCK_LIST_ITEM, 2, "Gulls");

  art_node *table = article_open(a, &mem, NULL, NODE_TABLE);
  table->caption = "Counts";
  b = add(a, table, BLOCK_TABLE_ROW, 0, "Year | Site | Pairs");
  b->header = 1;
  b->cells = cells(cell("Year", 1, 0), cell("Site", 1, 0), cell("Pairs", 1, 0), NULL);
  for (art_cell *c = b->cells; c; c = c->next)
    c->header = 1;
  b = add(a, table, BLOCK_TABLE_ROW, 0, "2023 | North | South");
  b->cells = cells(cell("2023", 1, 0), cell("North | South", 2, 0), cell("", 1, 1), NULL);
  b = add(a, table, BLOCK_TABLE_ROW, 0, "2024 | North | 12");
  b->cells = cells(cell("2024", 1, 0), cell("North", 1, 0), cell("12", 1, 0), NULL);

  art_node *quote = article_open(a, &mem, NULL, NODE_QUOTE);
  add(a, quote, BLOCK_QUOTE, 0, "It is quiet out there.");
  add(a, quote, BLOCK_QUOTE, 0, "We like it.");

  b = add(a, NULL, BLOCK_CODE, 0, "printf(\"```\");\nreturn 0;");
  b->language = "c";

  art_node *fig = article_open(a, &mem, NULL, NODE_FIGURE);
  fig->image = arena_calloc(&mem, sizeof *fig->image);
  fig->image->src = "https://example.org/puffin.jpg";
  fig->image->alt = "A puffin";
  fig->image->caption = "A puffin on the cliff";
  fig->image->credit = "J. Doe";

  article_open(a, &mem, NULL, NODE_SEPARATOR);
  para(a, NULL, "1. Not a list: *stars*, _under_, [x] <b> &amp; #1 ~ | \\ done");

  a->comments = new_article(NULL);
  para(a->comments, NULL, "Great read!");
  para(a->comments, NULL, "Agreed.");
  return a;
}

/* ---- rendering --------------------------------------------------------------- */

enum { MD, HTML, XML, JSON, TEXT };

static const render_opts defaults = {.title = 1, .links = 1, .tables = 1};

static char *render(int format, const article *a, const render_opts *o) {
  buf b;
  buf_init(&b);
  if (format == MD)
    render_markdown(a, o, &b);
  else if (format == HTML)
    render_html(a, o, &b);
  else if (format == XML)
    render_xml(a, o, &b);
  else if (format == JSON)
    render_json(a, o, &b);
  else
    render_text(a, o, &b);
  return buf_detach(&b, NULL);
}

/* Checks one rendering and frees it. */
#define CHECK_RENDER(format, a, o, want)                                                           \
  do {                                                                                             \
    char *got_ = render(format, a, o);                                                             \
    CHECK_STR(got_, want);                                                                         \
    free(got_);                                                                                    \
  } while (0)

static int print(const char *name) {
  static const char *const names[] = {"markdown", "html", "xml", "json", "text"};
  for (int f = 0; f < 5; f++)
    if (!strcmp(name, names[f])) {
      render_opts o = defaults;
      o.images = o.formatting = o.comments = 1;
      o.json_markdown = o.json_tree = 1;
      char *s = render(f, sample(), &o);
      fputs(s, stdout);
      free(s);
      return 0;
    }
  fprintf(stderr, "unknown format: %s\n", name);
  return 2;
}

int main(int argc, char **argv) {
  arena_init(&mem);
  if (argc == 3 && !strcmp(argv[1], "print")) {
    int rc = print(argv[2]);
    arena_free(&mem);
    return rc;
  }
  arena_free(&mem);
  return check_done();
}
