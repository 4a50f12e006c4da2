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

#include <libxml/parser.h>

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

static art_node *figure(article *a, const char *src, const char *alt, const char *caption,
                        const char *credit) {
  art_node *fig = article_open(a, &mem, NULL, NODE_FIGURE);
  fig->image = arena_calloc(&mem, sizeof *fig->image);
  fig->image->src = src;
  fig->image->alt = alt;
  fig->image->caption = caption;
  fig->image->credit = credit;
  return fig;
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
  a->meta.language_confidence = 1.0f;

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

  figure(a, "https://example.org/puffin.jpg", "A puffin", "A puffin on the cliff", "J. Doe");

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
/* The defaults, html as the <article> element alone. */
static const render_opts fragment = {.title = 1, .links = 1, .tables = 1, .fragment = 1};

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

/* ---- the checks ------------------------------------------------------------- */

static void test_empty(void) {
  article *a = new_article(NULL);
  CHECK_RENDER(MD, a, &defaults, "\n");
  CHECK_RENDER(TEXT, a, &defaults, "");
  CHECK_RENDER(HTML, a, &defaults,
               "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n"
               "<article>\n</article>\n</body>\n</html>\n");
  CHECK_RENDER(HTML, a, &fragment, "<article>\n</article>\n");
  CHECK_RENDER(
      XML, a, &defaults,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article>\n<body>\n</body>\n</article>\n");
  render_opts o = fragment;
  o.json_markdown = o.json_tree = o.comments = 1;
  CHECK_RENDER(JSON, a, &o, "{\"text\":\"\",\"markdown\":\"\",\"blocks\":[]}\n");
  /* Blank blocks are left out; a title alone stays. */
  a = new_article("Only a title");
  para(a, NULL, "   ");
  article_open(a, &mem, NULL, NODE_LIST);
  CHECK_RENDER(MD, a, &defaults, "# Only a title\n");
  CHECK_RENDER(XML, a, &defaults,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article title=\"Only a title\">\n"
               "<body>\n<list ordered=\"false\">\n</list>\n</body>\n</article>\n");
}

static article *lists(void) {
  article *a = new_article(NULL);
  art_node *list = article_open(a, &mem, NULL, NODE_LIST);
  list->ordered = 1;
  list->start = 7;
  add(a, article_open(a, &mem, list, NODE_ITEM), BLOCK_LIST_ITEM, 1, "seven");
  art_node *item = article_open(a, &mem, list, NODE_ITEM);
  para(a, item, "eight");
  para(a, item, "more eight");
  item = article_open(a, &mem, list, NODE_ITEM);
  add(a, item, BLOCK_LIST_ITEM, 1, "nine");
  art_node *sub = article_open(a, &mem, item, NODE_LIST);
  add(a, article_open(a, &mem, sub, NODE_ITEM), BLOCK_LIST_ITEM, 2, "a");
  art_node *deeper = article_open(a, &mem, article_open(a, &mem, sub, NODE_ITEM), NODE_LIST);
  deeper->ordered = 1;
  deeper->start = 1;
  add(a, article_open(a, &mem, deeper, NODE_ITEM), BLOCK_LIST_ITEM, 3, "b");
  return a;
}

static void test_lists(void) {
  article *a = lists();
  CHECK_RENDER(MD, a, &defaults,
               "7. seven\n"
               "8. eight\n\n"
               "   more eight\n"
               "9. nine\n"
               "   - a\n"
               "   - 1. b\n");
  CHECK_RENDER(HTML, a, &fragment,
               "<article>\n<ol start=\"7\">\n"
               "<li>seven</li>\n"
               "<li><p>eight</p>\n<p>more eight</p>\n</li>\n"
               "<li>nine<ul>\n<li>a</li>\n<li><ol>\n<li>b</li>\n</ol>\n</li>\n</ul>\n</li>\n"
               "</ol>\n</article>\n");
  CHECK_RENDER(XML, a, &defaults,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article>\n<body>\n"
               "<list ordered=\"true\" start=\"7\">\n"
               "<item>\n<p>seven</p>\n</item>\n"
               "<item>\n<p>eight</p>\n<p>more eight</p>\n</item>\n"
               "<item>\n<p>nine</p>\n<list ordered=\"false\">\n<item>\n<p>a</p>\n</item>\n"
               "<item>\n<list ordered=\"true\" start=\"1\">\n<item>\n<p>b</p>\n</item>\n</list>\n"
               "</item>\n</list>\n</item>\n"
               "</list>\n</body>\n</article>\n");
  render_opts o = defaults;
  o.json_tree = 1;
  CHECK_RENDER(
      JSON, a, &o,
      "{\"text\":\"seven\\n\\neight\\n\\nmore eight\\n\\nnine\\n\\na\\n\\nb\",\"blocks\":["
      "{\"type\":\"list\",\"ordered\":true,\"start\":7,\"items\":["
      "[{\"type\":\"paragraph\",\"text\":\"seven\"}],"
      "[{\"type\":\"paragraph\",\"text\":\"eight\"},{\"type\":\"paragraph\",\"text\":"
      "\"more eight\"}],"
      "[{\"type\":\"paragraph\",\"text\":\"nine\"},{\"type\":\"list\",\"ordered\":false,"
      "\"items\":[[{\"type\":\"paragraph\",\"text\":\"a\"}],[{\"type\":\"list\","
      "\"ordered\":true,\"start\":1,\"items\":[[{\"type\":\"paragraph\",\"text\":\"b\"}]]}]"
      "]}]]}]}\n");

  /* Two lists in a row stay two: the second takes other markers. */
  a = new_article(NULL);
  add(a, article_open(a, &mem, article_open(a, &mem, NULL, NODE_LIST), NODE_ITEM), BLOCK_LIST_ITEM,
      1, "one");
  add(a, article_open(a, &mem, article_open(a, &mem, NULL, NODE_LIST), NODE_ITEM), BLOCK_LIST_ITEM,
      1, "two");
  art_node *ol = article_open(a, &mem, NULL, NODE_LIST);
  ol->ordered = 1;
  ol->start = 1;
  add(a, article_open(a, &mem, ol, NODE_ITEM), BLOCK_LIST_ITEM, 1, "three");
  ol = article_open(a, &mem, NULL, NODE_LIST);
  ol->ordered = 1;
  ol->start = 2;
  add(a, article_open(a, &mem, ol, NODE_ITEM), BLOCK_LIST_ITEM, 1, "four");
  CHECK_RENDER(MD, a, &defaults, "- one\n\n* two\n\n1. three\n\n2) four\n");

  /* Items without a list (text mode's bullets under a quote), an empty
   * item, an ordered list that cannot interrupt a paragraph, a rule as an
   * item's first block. */
  a = new_article(NULL);
  art_node *quote = article_open(a, &mem, NULL, NODE_QUOTE);
  add(a, quote, BLOCK_LIST_ITEM, 1, "loose one");
  add(a, quote, BLOCK_LIST_ITEM, 1, "loose two");
  art_node *list = article_open(a, &mem, NULL, NODE_LIST);
  article_open(a, &mem, list, NODE_ITEM);
  art_node *item = article_open(a, &mem, list, NODE_ITEM);
  para(a, item, "para");
  ol = article_open(a, &mem, item, NODE_LIST);
  ol->ordered = 1;
  ol->start = 4;
  add(a, article_open(a, &mem, ol, NODE_ITEM), BLOCK_LIST_ITEM, 2, "four");
  item = article_open(a, &mem, list, NODE_ITEM);
  article_open(a, &mem, item, NODE_SEPARATOR);
  CHECK_RENDER(MD, a, &defaults,
               "> - loose one\n> - loose two\n\n"
               "-\n"
               "- para\n\n  4. four\n"
               "- ___\n");
  CHECK_RENDER(XML, a, &defaults,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article>\n<body>\n"
               "<quote>\n<list ordered=\"false\">\n<item>\n<p>loose one</p>\n</item>\n"
               "<item>\n<p>loose two</p>\n</item>\n</list>\n</quote>\n"
               "<list ordered=\"false\">\n<item>\n</item>\n<item>\n<p>para</p>\n"
               "<list ordered=\"true\" start=\"4\">\n<item>\n<p>four</p>\n</item>\n</list>\n"
               "</item>\n<item>\n<separator/>\n</item>\n</list>\n</body>\n</article>\n");
}

static article *table_article(void) {
  article *a = new_article(NULL);
  art_node *table = article_open(a, &mem, NULL, NODE_TABLE);
  table->caption = "Pairs <2024>";
  article_block *b = add(a, table, BLOCK_TABLE_ROW, 0, "Site | Count");
  b->header = 1;
  b->cells = cells(cell("Site", 1, 0), cell("Count", 1, 0), NULL);
  b = add(a, table, BLOCK_TABLE_ROW, 0, "a|b | 3");
  b->cells = cells(cell("a|b", 1, 0), cell("3", 1, 0), NULL);
  b = add(a, table, BLOCK_TABLE_ROW, 0, "both");
  b->cells = cells(cell("both", 2, 0), cell("", 1, 1), NULL);
  b = add(a, table, BLOCK_TABLE_ROW, 0, "no cells");
  b = add(a, table, BLOCK_TABLE_ROW, 0, "x | y | z");
  b->cells = cells(cell("x", 1, 0), cell("y", 1, 0), cell("z", 1, 0), NULL);
  b->cells->next->runs = run("y", STYLE_CODE, NULL);
  b->cells->next->next->runs = run("z|", STYLE_CODE, NULL);
  return a;
}

static void test_tables(void) {
  article *a = table_article();
  CHECK_RENDER(MD, a, &defaults,
               "Pairs \\<2024>\n\n"
               "| Site | Count |  |\n"
               "| --- | --- | --- |\n"
               "| a\\|b | 3 |  |\n"
               "| both |  |  |\n"
               "| no cells |  |  |\n"
               "| x | `y` | `z\\|` |\n");
  CHECK_RENDER(HTML, a, &fragment,
               "<article>\n<table>\n<caption>Pairs &lt;2024&gt;</caption>\n"
               "<thead>\n<tr><th>Site</th><th>Count</th></tr>\n</thead>\n"
               "<tbody>\n<tr><td>a|b</td><td>3</td></tr>\n"
               "<tr><td colspan=\"2\">both</td></tr>\n"
               "<tr><td>no cells</td></tr>\n"
               "<tr><td>x</td><td><code>y</code></td><td><code>z|</code></td></tr>\n"
               "</tbody>\n</table>\n</article>\n");
  CHECK_RENDER(XML, a, &defaults,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article>\n<body>\n<table>\n"
               "<caption>Pairs &lt;2024&gt;</caption>\n"
               "<row header=\"true\"><cell>Site</cell><cell>Count</cell></row>\n"
               "<row><cell>a|b</cell><cell>3</cell></row>\n"
               "<row><cell colspan=\"2\">both</cell></row>\n"
               "<row><cell>no cells</cell></row>\n"
               "<row><cell>x</cell><cell><code>y</code></cell><cell><code>z|</code></cell></row>\n"
               "</table>\n</body>\n</article>\n");
  render_opts o = defaults;
  o.json_tree = 1;
  CHECK_RENDER(JSON, a, &o,
               "{\"text\":\"Pairs <2024>\\n\\nSite | Count\\n\\na|b | 3\\n\\nboth\\n\\nno "
               "cells\\n\\nx | y | z\","
               "\"blocks\":[{\"type\":\"table\",\"caption\":\"Pairs <2024>\",\"rows\":["
               "{\"header\":true,\"cells\":[{\"text\":\"Site\"},{\"text\":\"Count\"}]},"
               "{\"cells\":[{\"text\":\"a|b\"},{\"text\":\"3\"}]},"
               "{\"cells\":[{\"text\":\"both\",\"colspan\":2}]},"
               "{\"cells\":[{\"text\":\"no cells\"}]},"
               "{\"cells\":[{\"text\":\"x\"},{\"text\":\"y\",\"spans\":[{\"text\":\"y\",\"code\":"
               "true}]},{\"text\":\"z\",\"spans\":[{\"text\":\"z|\",\"code\":true}]}]}]}]}\n");
  /* The text shows the caption as a paragraph before the rows, as markdown
   * does. */
  CHECK_RENDER(TEXT, a, &defaults,
               "Pairs <2024>\n\nSite | Count\n\na|b | 3\n\nboth\n\nno cells\n\nx | y | z\n");
  /* Without tables: nowhere, not even in the text. */
  o.tables = 0;
  CHECK_RENDER(JSON, a, &o, "{\"text\":\"\",\"blocks\":[]}\n");
  CHECK_RENDER(MD, a, &o, "\n");
  CHECK_RENDER(TEXT, a, &o, "");
  /* Each caption before its own table: one without a caption between,
   * one inside a quote, one with no rows (nothing to put it before). */
  a = new_article(NULL);
  para(a, NULL, "Intro.");
  art_node *tb = article_open(a, &mem, NULL, NODE_TABLE);
  tb->caption = "First";
  add(a, tb, BLOCK_TABLE_ROW, 0, "1 | 2");
  add(a, article_open(a, &mem, NULL, NODE_TABLE), BLOCK_TABLE_ROW, 0, "3 | 4");
  article_open(a, &mem, NULL, NODE_TABLE)->caption = "Empty";
  art_node *q = article_open(a, &mem, NULL, NODE_QUOTE);
  tb = article_open(a, &mem, q, NODE_TABLE);
  tb->caption = "Quoted";
  add(a, tb, BLOCK_TABLE_ROW, 0, "5 | 6");
  para(a, NULL, "End.");
  CHECK_RENDER(TEXT, a, &defaults,
               "Intro.\n\nFirst\n\n1 | 2\n\n3 | 4\n\nQuoted\n\n5 | 6\n\nEnd.\n");
  /* A header row further down stays where it is; the first row heads the
   * pipe table. */
  a = new_article(NULL);
  art_node *table = article_open(a, &mem, NULL, NODE_TABLE);
  add(a, table, BLOCK_TABLE_ROW, 0, "1900");
  add(a, table, BLOCK_TABLE_ROW, 0, "Section")->header = 1;
  add(a, table, BLOCK_TABLE_ROW, 0, "1901");
  CHECK_RENDER(MD, a, &defaults, "| 1900 |\n| --- |\n| Section |\n| 1901 |\n");
  CHECK_RENDER(HTML, a, &fragment,
               "<article>\n<table>\n<tbody>\n<tr><td>1900</td></tr>\n<tr><th>Section</th></tr>\n"
               "<tr><td>1901</td></tr>\n</tbody>\n</table>\n</article>\n");
  /* No header row: the first row heads the pipe table. Rows outside a table
   * make one. */
  a = new_article(NULL);
  art_node *quote = article_open(a, &mem, NULL, NODE_QUOTE);
  add(a, quote, BLOCK_TABLE_ROW, 0, "1 | 2")->cells = cells(cell("1", 1, 0), cell("2", 1, 0), NULL);
  add(a, quote, BLOCK_TABLE_ROW, 0, "3 | 4")->cells = cells(cell("3", 1, 0), cell("4", 1, 0), NULL);
  CHECK_RENDER(MD, a, &defaults, "> | 1 | 2 |\n> | --- | --- |\n> | 3 | 4 |\n");
}

static void test_quote_code_figure_rule(void) {
  article *a = new_article(NULL);
  art_node *quote = article_open(a, &mem, NULL, NODE_QUOTE);
  add(a, quote, BLOCK_QUOTE, 0, "First.");
  add(a, quote, BLOCK_QUOTE, 0, "Second.");
  add(a, NULL, BLOCK_QUOTE, 0, "A quote on its own.");
  article_block *b = add(a, NULL, BLOCK_CODE, 0, "a = `b` + ``c``;\n\n  indented\n");
  b->language = "js`x";
  article_open(a, &mem, NULL, NODE_SEPARATOR);
  figure(a, "https://example.org/a b.jpg", "A [bird]", "The bird", "Photo: J. Doe");
  render_opts o = defaults;
  CHECK_RENDER(MD, a, &o,
               "> First.\n>\n> Second.\n\n"
               "> A quote on its own.\n\n"
               "```js\na = `b` + ``c``;\n\n  indented\n```\n\n"
               "---\n");
  o.images = 1;
  o.fragment = 1;
  CHECK_RENDER(MD, a, &o,
               "> First.\n>\n> Second.\n\n"
               "> A quote on its own.\n\n"
               "```js\na = `b` + ``c``;\n\n  indented\n```\n\n"
               "---\n\n"
               "![A \\[bird\\]](https://example.org/a%20b.jpg)\n\n"
               "The bird (Photo: J. Doe)\n");
  CHECK_RENDER(HTML, a, &o,
               "<article>\n<blockquote>\n<p>First.</p>\n<p>Second.</p>\n</blockquote>\n"
               "<blockquote><p>A quote on its own.</p></blockquote>\n"
               "<pre><code>a = `b` + ``c``;\n\n  indented\n</code></pre>\n"
               "<hr>\n"
               "<figure>\n<img src=\"https://example.org/a b.jpg\" alt=\"A [bird]\">\n"
               "<figcaption>The bird (Photo: J. Doe)</figcaption>\n</figure>\n</article>\n");
  CHECK_RENDER(XML, a, &o,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article>\n<body>\n"
               "<quote>\n<p>First.</p>\n<p>Second.</p>\n</quote>\n"
               "<quote><p>A quote on its own.</p></quote>\n"
               "<pre language=\"js`x\">a = `b` + ``c``;\n\n  indented\n</pre>\n"
               "<separator/>\n"
               "<figure src=\"https://example.org/a b.jpg\" alt=\"A [bird]\">\n"
               "<caption>The bird</caption>\n<credit>Photo: J. Doe</credit>\n</figure>\n"
               "</body>\n</article>\n");
  o.json_tree = 1;
  CHECK_RENDER(
      JSON, a, &o,
      "{\"text\":\"First.\\n\\nSecond.\\n\\nA quote on its own.\\n\\na = `b` + ``c``;\\n\\n"
      "  indented\\n\",\"blocks\":[{\"type\":\"quote\",\"blocks\":[{\"type\":\"paragraph\","
      "\"text\":\"First.\"},{\"type\":\"paragraph\",\"text\":\"Second.\"}]},"
      "{\"type\":\"quote\",\"blocks\":[{\"type\":\"paragraph\",\"text\":\"A quote on its "
      "own.\"}]},{\"type\":\"code\",\"language\":\"js`x\",\"text\":\"a = `b` + ``c``;\\n\\n"
      "  indented\\n\"},{\"type\":\"separator\"},{\"type\":\"figure\",\"src\":"
      "\"https://example.org/a b.jpg\",\"alt\":\"A [bird]\",\"caption\":\"The bird\","
      "\"credit\":\"Photo: J. Doe\"}]}\n");
  /* A fence longer than the backticks inside. */
  a = new_article(NULL);
  add(a, NULL, BLOCK_CODE, 0, "````\nx")->language = NULL;
  CHECK_RENDER(MD, a, &defaults, "`````\n````\nx\n`````\n");
}

static article *inline_article(void) {
  article *a = new_article(NULL);
  article_block *b = para(a, NULL, "Read the report now, it is short.");
  static const char report[] = "https://example.org/r?a=1&b=\"2\"";
  b->runs = runs(run("Read ", 0, NULL), run("the ", 0, report), run("report", STYLE_EM, report),
                 run(" now", STYLE_STRONG, NULL), run(", it is ", 0, NULL),
                 run("short", STYLE_STRONG | STYLE_EM, NULL), run(" ", 0, NULL), run("H", 0, NULL),
                 run("2", STYLE_SUB, NULL), run("O.", 0, NULL), NULL);
  return a;
}

static void test_links_and_formatting(void) {
  article *a = inline_article();
  render_opts o = defaults;
  CHECK_RENDER(MD, a, &o,
               "Read [the report](https://example.org/r?a=1&b=\"2\") now, it is short H2O.\n");
  o.formatting = 1;
  CHECK_RENDER(MD, a, &o,
               "Read [the *report*](https://example.org/r?a=1&b=\"2\") **now**, it is ***short*** "
               "H<sub>2</sub>O.\n");
  o.links = 0;
  CHECK_RENDER(MD, a, &o, "Read the *report* **now**, it is ***short*** H<sub>2</sub>O.\n");
  o.fragment = 1;
  CHECK_RENDER(HTML, a, &o,
               "<article>\n<p>Read the <em>report</em><strong> now</strong>, it is "
               "<strong><em>short</em></strong> H<sub>2</sub>O.</p>\n</article>\n");
  o.links = 1;
  CHECK_RENDER(HTML, a, &o,
               "<article>\n<p>Read <a href=\"https://example.org/r?a=1&amp;b=&quot;2&quot;\">the "
               "<em>report</em></a><strong> now</strong>, it is <strong><em>short</em></strong> "
               "H<sub>2</sub>O.</p>\n</article>\n");
  o.formatting = 0;
  CHECK_RENDER(HTML, a, &o,
               "<article>\n<p>Read <a href=\"https://example.org/r?a=1&amp;b=&quot;2&quot;\">the "
               "report</a> now, it is short H2O.</p>\n</article>\n");
  CHECK_RENDER(XML, a, &o,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article>\n<body>\n"
               "<p>Read <link href=\"https://example.org/r?a=1&amp;b=&quot;2&quot;\">the "
               "report</link> now, it is short H2O.</p>\n</body>\n</article>\n");
  o.json_tree = 1;
  CHECK_RENDER(
      JSON, a, &o,
      "{\"text\":\"Read the report now, it is short.\",\"blocks\":[{\"type\":\"paragraph\","
      "\"text\":\"Read the report now, it is short.\",\"spans\":[{\"text\":\"Read \"},"
      "{\"text\":\"the report\",\"href\":\"https://example.org/r?a=1&b=\\\"2\\\"\"},"
      "{\"text\":\" now, it is short H2O.\"}]}]}\n");
  o.links = 0;
  CHECK_RENDER(
      JSON, a, &o,
      "{\"text\":\"Read the report now, it is short.\",\"blocks\":[{\"type\":\"paragraph\","
      "\"text\":\"Read the report now, it is short.\"}]}\n");

  /* Breaks: a backslash at the line's end; none at the block's edges. */
  a = new_article(NULL);
  para(a, NULL, "x")->runs = runs(brk(), run("one", 0, NULL), run(" ", 0, NULL), brk(), brk(),
                                  run("- two", 0, NULL), brk(), NULL);
  CHECK_RENDER(MD, a, &defaults, "one\\\n\\- two\n");
  CHECK_RENDER(HTML, a, &fragment, "<article>\n<p><br>one <br><br>- two<br></p>\n</article>\n");
  /* Inline code: a fence the content does not hold; images only when asked. */
  a = new_article(NULL);
  para(a, NULL, "x")->runs =
      runs(run("use ", 0, NULL), run("a`b", STYLE_CODE, NULL), run(" and ", 0, NULL),
           run("`", STYLE_CODE, NULL), img("https://example.org/i.png", NULL), NULL);
  CHECK_RENDER(MD, a, &defaults, "use ``a`b`` and `` ` ``\n");
  o = defaults;
  o.images = 1;
  CHECK_RENDER(MD, a, &o, "use ``a`b`` and `` ` ``![](https://example.org/i.png)\n");
}

/* "**" and "*" only where CommonMark reads them as emphasis; <strong> and
 * <em> elsewhere. */
static void test_emphasis_edges(void) {
  render_opts o = defaults;
  o.formatting = 1;
  article *a = new_article(NULL);
  para(a, NULL, "x")->runs =
      runs(run("a", 0, NULL), run("(b)", STYLE_STRONG, NULL), run("c ", 0, NULL),
           run("\xe2\x80\x9cquoted\xe2\x80\x9d", STYLE_EM, NULL), run("next and ", 0, NULL),
           run("bold\xc2\xa0", STYLE_STRONG, NULL), run("x", 0, NULL), NULL);
  para(a, NULL, "x")->runs =
      runs(run("Plain ", 0, NULL), run("bold", STYLE_STRONG, NULL), run(", ", 0, NULL),
           run("both", STYLE_STRONG | STYLE_EM, NULL), run(" (", 0, NULL),
           run("in parentheses", STYLE_EM, NULL), run(").", 0, NULL), NULL);
  para(a, NULL, "x")->runs = runs(run("one", STYLE_EM, NULL), run("two", STYLE_STRONG, NULL),
                                  run(" ", STYLE_EM, NULL), run("three", 0, NULL), NULL);
  CHECK_RENDER(MD, a, &o,
               "a<strong>(b)</strong>c <em>\xe2\x80\x9cquoted\xe2\x80\x9d</em>next and "
               "<strong>bold\xc2\xa0</strong>x\n\n"
               "Plain **bold**, ***both*** (*in parentheses*).\n\n"
               "<em>one</em><strong>two</strong> three\n");
  /* A closing run between punctuation ("(HTB)*.") closes, and so does an
   * opening one between punctuation outside any other span (")**,"); inside
   * one it could close that span instead: <em>. */
  a = new_article(NULL);
  para(a, NULL, "x")->runs =
      runs(run("called ", 0, NULL), run("Heal The Breach (HTB)", STYLE_EM, NULL),
           run(". Buy on ", 0, NULL), run("Amazon", STYLE_STRONG, "https://a.example/"),
           run(",", STYLE_STRONG, NULL), run(" or ", 0, NULL), run("bold.", STYLE_STRONG, NULL),
           run("(em)", STYLE_STRONG | STYLE_EM, NULL), run(" end", STYLE_STRONG, NULL), NULL);
  CHECK_RENDER(MD, a, &o,
               "called *Heal The Breach (HTB)*. Buy on [**Amazon**](https://a.example/)**,** or "
               "**bold.<em>(em)</em> end**\n");
}

/* Headings as an outline without gaps, in Markdown and HTML: under the
 * title, the page's h1, h4, h4, h5, h2, h3, h6 (its other headings were
 * boilerplate) nest as 2, 3, 3, 4, 3, 4, 5 (all under the h1); the comments' headings go
 * under "Comments"; without a title the top is level 1. XML and the JSON
 * tree keep the page's levels. */
static void test_heading_outline(void) {
  static const int page[] = {1, 4, 4, 5, 2, 3, 6};
  static const char *const names[] = {"A", "B", "C", "D", "E", "F", "G"};
  article *a = new_article("Title");
  for (size_t i = 0; i < sizeof page / sizeof *page; i++)
    add(a, NULL, BLOCK_HEADING, page[i], names[i]);
  a->comments = new_article(NULL);
  add(a->comments, NULL, BLOCK_HEADING, 4, "Reply");
  para(a->comments, NULL, "Agreed.");
  render_opts o = defaults;
  o.comments = 1;
  CHECK_RENDER(MD, a, &o,
               "# Title\n\n## A\n\n### B\n\n### C\n\n#### D\n\n### E\n\n#### F\n\n##### G\n\n"
               "---\n\n## Comments\n\n### Reply\n\nAgreed.\n");
  o.fragment = 1;
  CHECK_RENDER(HTML, a, &o,
               "<article>\n<h1>Title</h1>\n<h2>A</h2>\n<h3>B</h3>\n<h3>C</h3>\n<h4>D</h4>\n"
               "<h3>E</h3>\n<h4>F</h4>\n<h5>G</h5>\n<section>\n<h2>Comments</h2>\n"
               "<h3>Reply</h3>\n<p>Agreed.</p>\n</section>\n</article>\n");
  char *xml = render(XML, a, &o);
  CHECK(xml && strstr(xml, "<heading level=\"4\">B</heading>"));
  free(xml);
  a->title = NULL;
  a->comments = NULL;
  CHECK_RENDER(MD, a, &defaults, "# A\n\n## B\n\n## C\n\n### D\n\n## E\n\n### F\n\n#### G\n");
}

/* A line break inside a table cell: <br> in the Markdown cell (GitHub's
 * tables show it; a cell has one line), none at the cell's end. */
static void test_cell_breaks(void) {
  article *a = new_article(NULL);
  art_cell *notes = cell("first line\nsecond line", 1, 0);
  notes->runs = runs(run("first line", 0, NULL), brk(), run("second line", 0, NULL), brk(), NULL);
  add(a, NULL, BLOCK_TABLE_ROW, 0, "Name | Notes")->cells =
      cells(cell("Name", 1, 0), cell("Notes", 1, 0), NULL);
  add(a, NULL, BLOCK_TABLE_ROW, 0, "Anna | first line\nsecond line")->cells =
      cells(cell("Anna", 1, 0), notes, NULL);
  CHECK_RENDER(MD, a, &defaults,
               "| Name | Notes |\n| --- | --- |\n| Anna | first line<br>second line |\n");
}

/* A destination holding what CommonMark reads as a character reference
 * ("&amp;" in the URL itself) keeps it: its '&' written "&amp;" (a
 * backslash does not stop a reference in a destination). */
static void test_destination_references(void) {
  article *a = new_article(NULL);
  para(a, NULL, "x")->runs =
      runs(run("a link", 0, "https://x.example/?a=1&amp;b=2&copy=3&c&#38;d&"), NULL);
  CHECK_RENDER(MD, a, &defaults,
               "[a link](https://x.example/?a=1&amp;amp;b=2&copy=3&c&amp;#38;d&)\n");
}

static void test_escaping(void) {
  article *a = new_article("A *title* # with <tags> & [brackets]");
  para(a, NULL, "# not a heading");
  para(a, NULL, "> not a quote");
  para(a, NULL, "- not an item");
  para(a, NULL, "+ not an item");
  para(a, NULL, "12) not an item");
  para(a, NULL, "=== not a rule");
  para(a, NULL, "<div>not html</div> &copy; &#169; a & b ~~no~~ a_b_c \\n `x`");
  para(a, NULL, "    not code");
  CHECK_RENDER(
      MD, a, &defaults,
      "# A \\*title\\* \\# with \\<tags> & \\[brackets\\]\n\n"
      "\\# not a heading\n\n"
      "\\> not a quote\n\n"
      "\\- not an item\n\n"
      "\\+ not an item\n\n"
      "12\\) not an item\n\n"
      "\\=== not a rule\n\n"
      "\\<div>not html\\</div> \\&copy; \\&#169; a & b \\~\\~no\\~\\~ a\\_b\\_c \\\\n \\`x\\`\n\n"
      "not code\n");
  /* HTML and XML: markup characters, characters XML forbids, bad UTF-8. */
  a = new_article("T\"<&>'");
  para(a, NULL,
       "a\x01"
       "b\x1f"
       "c\tz \xff\xfe \xef\xbf\xbe \xc3\xa9 \xed\xa0\x80 <&>\"");
  CHECK_RENDER(HTML, a, &fragment,
               "<article>\n<h1>T\"&lt;&amp;&gt;'</h1>\n<p>abc\tz \xef\xbf\xbd\xef\xbf\xbd  "
               "\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd &lt;&amp;&gt;\"</p>\n</article>\n");
  CHECK_RENDER(
      XML, a, &fragment,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article title=\"T&quot;&lt;&amp;&gt;'\">\n"
      "<body>\n<p>abc\tz \xef\xbf\xbd\xef\xbf\xbd  \xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd"
      "\xef\xbf\xbd &lt;&amp;&gt;\"</p>\n</body>\n</article>\n");
}

static void test_comments(void) {
  article *a = new_article("T");
  para(a, NULL, "Body.");
  a->comments = new_article(NULL);
  para(a->comments, NULL, "First!");
  render_opts o = defaults;
  CHECK_RENDER(MD, a, &o, "# T\n\nBody.\n");
  CHECK_RENDER(TEXT, a, &o, "T\n\nBody.\n");
  CHECK_RENDER(JSON, a, &o, "{\"title\":\"T\",\"text\":\"Body.\"}\n");
  o.comments = 1;
  CHECK_RENDER(MD, a, &o, "# T\n\nBody.\n\n---\n\n## Comments\n\nFirst!\n");
  CHECK_RENDER(TEXT, a, &o, "T\n\nBody.\n\n---\n\nComments\n\nFirst!\n");
  CHECK_RENDER(JSON, a, &o, "{\"title\":\"T\",\"text\":\"Body.\",\"comments\":\"First!\"}\n");
  o.fragment = 1;
  CHECK_RENDER(HTML, a, &o,
               "<article>\n<h1>T</h1>\n<p>Body.</p>\n<section>\n<h2>Comments</h2>\n<p>First!</p>\n"
               "</section>\n</article>\n");
  CHECK_RENDER(XML, a, &o,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article title=\"T\">\n<body>\n"
               "<p>Body.</p>\n</body>\n<comments>\n<p>First!</p>\n</comments>\n</article>\n");
  /* A comment section with nothing in it is no section. */
  article *empty = new_article("T");
  para(empty, NULL, "Body.");
  empty->comments = new_article(NULL);
  para(empty->comments, NULL, " ");
  CHECK_RENDER(MD, empty, &o, "# T\n\nBody.\n");
  CHECK_RENDER(HTML, empty, &o, "<article>\n<h1>T</h1>\n<p>Body.</p>\n</article>\n");
  CHECK_RENDER(TEXT, empty, &o, "T\n\nBody.\n");
  CHECK_RENDER(JSON, empty, &o, "{\"title\":\"T\",\"text\":\"Body.\"}\n");
  /* The JSON markdown leaves the title and the comments to their fields. */
  o.json_markdown = 1;
  CHECK_RENDER(
      JSON, a, &o,
      "{\"title\":\"T\",\"text\":\"Body.\",\"markdown\":\"Body.\",\"comments\":\"First!\"}\n");
}

/* Deep trees: well-formed output of bounded size, no stack exhaustion. */
static void test_deep(void) {
  article *a = new_article(NULL);
  art_node *n = NULL;
  for (int i = 0; i < 100000; i++) {
    n = article_open(a, &mem, n, i % 3 == 0 ? NODE_QUOTE : i % 3 == 1 ? NODE_LIST : NODE_ITEM);
    if (i % 1000 == 0)
      para(a, n, "deep");
  }
  para(a, n, "deepest");
  render_opts o = defaults;
  o.json_tree = o.json_markdown = 1;
  for (int f = MD; f <= TEXT; f++) {
    char *s = render(f, a, &o);
    CHECK(s && strstr(s, "deepest") && strlen(s) < 100000);
    free(s);
  }
}

/* ---- random trees ------------------------------------------------------------ */

static unsigned long long rng = 1;

static unsigned rnd(unsigned n) {
  rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)((rng >> 33) % n);
}

/* Text made of what is special somewhere: Markdown's punctuation and line
 * starts, entities, and with raw set also what XML forbids and bad UTF-8.
 * Single spaces inside, none at the ends: as the extractor leaves text. */
static const char *rand_text(int raw) {
  static const char *const words[] = {
      "a",  "Bee",  "*",      "_",  "`",  "``",    "[",     "]",    "(",   ")",   "<",
      ">",  "&",    "#",      "|",  "\\", "-",     "+",     "=",    "1.",  "2)",  "~",
      "!",  ":",    "\"",     "'",  "é",  "&amp;", "&#1;",  "**",   "<b>", "---", "***",
      "> ", "![x]", "[a](b)", "\t", "😀",  "12",    "x_y_z", "<!--", "]]>", "]:"};
  static const char *const rawwords[] = {"\x01", "\x1f", "\xff", "\xc3", "\xef\xbf\xbe", "\r"};
  buf b;
  buf_init(&b);
  unsigned n = 1 + rnd(12);
  for (unsigned i = 0; i < n; i++) {
    if (i && !rnd(2))
      buf_putc(&b, ' ');
    if (raw && !rnd(8))
      buf_puts(&b, rawwords[rnd(sizeof rawwords / sizeof *rawwords)]);
    else
      buf_puts(&b, words[rnd(sizeof words / sizeof *words)]);
  }
  char *t = arena_strndup(&mem, b.data, b.len);
  buf_free(&b);
  return t;
}

static const char *const hrefs[] = {"https://example.org/a", "/b c", "x)y(<z>", ""};

static art_run *rand_runs(void) {
  art_run *first = NULL, *last = NULL;
  unsigned n = rnd(6);
  const char *href = NULL;
  for (unsigned i = 0; i < n; i++) {
    art_run *r;
    unsigned k = rnd(10);
    if (k == 0)
      r = brk();
    else if (k == 1)
      r = img(rnd(4) ? hrefs[rnd(4)] : NULL, rnd(2) ? rand_text(1) : NULL);
    else
      r = run(rand_text(1), rnd(32), NULL);
    if (!rnd(3)) /* the same pointer: runs of one link */
      href = rnd(2) ? hrefs[rnd(4)] : NULL;
    r->href = href;
    if (last)
      last->next = r;
    else
      first = r;
    last = r;
  }
  return first;
}

static void rand_block(article *a, art_node *parent, block_kind kind) {
  article_block *b = add(a, parent, kind, (int)rnd(10) - 2, rand_text(1));
  if (rnd(2))
    b->runs = rand_runs();
  if (kind == BLOCK_CODE && rnd(2))
    b->language = rand_text(1);
  if (kind == BLOCK_TABLE_ROW && rnd(3)) {
    b->header = rnd(2);
    art_cell *last = NULL;
    for (unsigned i = 0, n = rnd(5); i < n; i++) {
      art_cell *c = cell(rand_text(1), (int)rnd(4), (int)rnd(2));
      c->header = rnd(2);
      c->rowspan = (int)rnd(3);
      if (rnd(2))
        c->runs = rand_runs();
      if (last)
        last->next = c;
      else
        b->cells = c;
      last = c;
    }
  }
}

static void rand_children(article *a, art_node *parent, int depth) {
  unsigned n = depth > 5 ? 0 : rnd(5);
  for (unsigned i = 0; i < n; i++) {
    unsigned k = rnd(14);
    if (k < 6) {
      art_node *c = article_open(a, &mem, parent, (node_kind)(NODE_LIST + k));
      c->ordered = rnd(2);
      c->start = (int)rnd(5) - 2;
      if (k == 2 && rnd(2))
        c->caption = rand_text(1);
      if (k == 4 && rnd(4)) {
        c->image = arena_calloc(&mem, sizeof *c->image);
        c->image->src = rnd(3) ? hrefs[rnd(4)] : NULL;
        c->image->alt = rnd(2) ? rand_text(1) : NULL;
        c->image->caption = rnd(2) ? rand_text(1) : NULL;
        c->image->credit = rnd(2) ? rand_text(1) : NULL;
      }
      rand_children(a, c, depth + 1);
    } else {
      rand_block(a, parent, (block_kind)rnd(BLOCK_CAPTION + 1));
    }
  }
}

/* A JSON value's syntax (enough to catch a missing comma or quote). */
static const char *json_value(const char *p);

static const char *json_string(const char *p) {
  if (*p++ != '"')
    return NULL;
  for (; *p != '"'; p++) {
    if ((unsigned char)*p < 0x20)
      return NULL;
    if (*p == '\\' && !*++p)
      return NULL;
  }
  return p + 1;
}

static const char *json_value(const char *p) {
  if (*p == '"')
    return json_string(p);
  if (*p == '{' || *p == '[') {
    char close = *p == '{' ? '}' : ']';
    if (*++p == close)
      return p + 1;
    for (;;) {
      if (close == '}') {
        if (!(p = json_string(p)) || *p++ != ':')
          return NULL;
      }
      if (!(p = json_value(p)))
        return NULL;
      if (*p == close)
        return p + 1;
      if (*p++ != ',')
        return NULL;
    }
  }
  if (!strncmp(p, "true", 4))
    return p + 4;
  if (!strncmp(p, "false", 5))
    return p + 5;
  if (*p == '-' || (*p >= '0' && *p <= '9')) {
    p++;
    while (*p >= '0' && *p <= '9')
      p++;
    return p;
  }
  return NULL;
}

static void test_random_trees(void) {
  int xml_ok = 0, json_ok = 0, n = 400;
  for (int t = 0; t < n; t++) {
    article *a = new_article(rnd(2) ? rand_text(1) : NULL);
    rand_children(a, NULL, 0);
    if (rnd(3)) {
      a->comments = new_article(NULL);
      rand_children(a->comments, NULL, 0);
    }
    render_opts o = {.title = rnd(2),
                     .links = rnd(2),
                     .images = rnd(2),
                     .tables = rnd(2),
                     .formatting = rnd(2),
                     .comments = rnd(2),
                     .fragment = rnd(2),
                     .json_markdown = rnd(2),
                     .json_tree = rnd(2)};
    for (int f = MD; f <= TEXT; f++) {
      char *s = render(f, a, &o);
      size_t len = strlen(s);
      if (f == XML) {
        xmlDocPtr doc = xmlReadMemory(s, (int)len, NULL, NULL, XML_PARSE_NONET);
        xml_ok += doc != NULL;
        if (!doc)
          fprintf(stderr, "not well-formed:\n%s\n", s);
        xmlFreeDoc(doc);
      }
      if (f == JSON) {
        const char *end = json_value(s);
        json_ok += end && !strcmp(end, "\n");
        if (!end || strcmp(end, "\n"))
          fprintf(stderr, "not JSON:\n%s\n", s);
      }
      CHECK((len && s[len - 1] == '\n') || (f == TEXT && !len));
      free(s);
    }
  }
  CHECK(xml_ok == n);
  CHECK(json_ok == n);
}

/* For tests/render/check.sh: paragraphs and a heading of random text (no
 * runs) as Markdown, which must read back as the same text and nothing
 * else; with "texts", the texts one a line. */
static int print_escaping(const char *what, int n) {
  article *a = new_article("Title"); /* not shown: headings at level 2 */
  int styled = !strncmp(what, "runs-", 5);
  for (int i = 0; i < n; i++) {
    article_block *b = add(a, NULL, i % 5 ? BLOCK_PARAGRAPH : BLOCK_HEADING, 2, rand_text(0));
    if (styled) { /* its text as runs with links, styles and breaks */
      art_run *first = NULL, *last = NULL;
      const char *href = NULL;
      for (unsigned k = 0, nr = 1 + rnd(6); k < nr; k++) {
        art_run *r = rnd(8) ? run(rand_text(0), rnd(32), NULL) : brk();
        if (rnd(2))
          r->text = b->text, r->len = b->len; /* text with spaces at the ends too */
        if (!rnd(3))
          href = rnd(2) ? hrefs[rnd(4)] : NULL;
        r->href = href;
        last = last ? (last->next = r) : (first = r);
      }
      b->runs = first;
    }
  }
  if (!strcmp(what, "texts") || !strcmp(what, "runs-texts")) {
    for (const article_block *b = a->first; b; b = b->next) {
      if (!b->runs)
        printf("%s\n", b->text);
      for (const art_run *r = b->runs; r; r = r->next)
        printf("%.*s%s", r->kind == RUN_TEXT ? (int)r->len : 1, r->kind == RUN_TEXT ? r->text : " ",
               r->next ? "" : "\n");
    }
    return 0;
  }
  render_opts o = defaults;
  o.formatting = styled;
  o.title = 0;
  char *s = render(MD, a, &o);
  fputs(s, stdout);
  free(s);
  return 0;
}

/* For tests/render/check.sh: a random tree of lists, items, quotes and
 * text blocks (never empty, plain words) whose Markdown must parse to the
 * same structure as its HTML. */
static void rand_structure(article *a, art_node *parent, int depth) {
  static const char *const words[] = {"alpha", "beta two", "gamma three words", "delta"};
  unsigned n = 1 + rnd(3);
  for (unsigned i = 0; i < n; i++) {
    unsigned k = depth > 4 ? 4 + rnd(7) : rnd(11);
    const char *w = words[rnd(4)];
    if (k < 2) {
      art_node *list = article_open(a, &mem, parent, NODE_LIST);
      list->ordered = k;
      list->start = (int)rnd(3);
      for (unsigned j = 0, items = 1 + rnd(3); j < items; j++)
        if (rnd(4))
          rand_structure(a, article_open(a, &mem, list, NODE_ITEM), depth + 1);
        else
          add(a, list, BLOCK_LIST_ITEM, depth, w);
    } else if (k < 4) {
      rand_structure(a, article_open(a, &mem, parent, NODE_QUOTE), depth + 1);
    } else if (k == 4) {
      add(a, parent, BLOCK_HEADING, 1 + (int)rnd(6), w);
    } else if (k == 5) {
      add(a, parent, BLOCK_CODE, 0, rnd(2) ? "x = 1;\n\n  y" : "- z\n> q");
    } else if (k == 6) {
      article_open(a, &mem, parent, NODE_SEPARATOR);
    } else if (k == 10) { /* a header row (as Markdown has to have) and body rows */
      art_node *table = article_open(a, &mem, parent, NODE_TABLE);
      for (unsigned j = 0, rows = 1 + rnd(3); j < rows; j++) {
        article_block *b = add(a, table, BLOCK_TABLE_ROW, 0, w);
        b->header = !j;
        b->cells = cells(cell(w, 1, 0), cell(words[rnd(4)], 1, 0), NULL);
        b->cells->runs = runs(run("with ", 0, NULL), run("link", STYLE_EM, puffins), NULL);
      }
    } else if (k == 7 && (!parent || parent->kind != NODE_ITEM)) {
      add(a, parent, BLOCK_LIST_ITEM, depth, w); /* a bullet without a list */
    } else {
      article_block *b = add(a, parent, BLOCK_PARAGRAPH, 0, w);
      if (rnd(2))
        b->runs = runs(run(w, STYLE_STRONG, NULL), run(" and ", 0, NULL),
                       run("a link", rnd(2) ? STYLE_EM : 0, puffins), brk(),
                       run("code", STYLE_CODE, NULL), NULL);
    }
  }
}

static int print_structure(unsigned long long seed, const char *format) {
  rng = seed;
  article *a = new_article(NULL);
  rand_structure(a, NULL, 0);
  render_opts o = defaults;
  o.fragment = o.formatting = 1;
  char *s = render(!strcmp(format, "html") ? HTML : MD, a, &o);
  fputs(s, stdout);
  free(s);
  return 0;
}

int main(int argc, char **argv) {
  arena_init(&mem);
  if (argc == 4 && !strcmp(argv[1], "structure")) {
    int rc = print_structure(strtoull(argv[2], NULL, 10), argv[3]);
    arena_free(&mem);
    return rc;
  }
  if (argc == 4 && !strcmp(argv[1], "escaping")) {
    int rc = print_escaping(argv[2], atoi(argv[3]));
    arena_free(&mem);
    return rc;
  }
  if (argc == 3 && !strcmp(argv[1], "print")) {
    int rc = print(argv[2]);
    arena_free(&mem);
    return rc;
  }
  test_empty();
  test_lists();
  test_tables();
  test_quote_code_figure_rule();
  test_links_and_formatting();
  test_emphasis_edges();
  test_escaping();
  test_destination_references();
  test_cell_breaks();
  test_heading_outline();
  test_comments();
  test_deep();
  test_random_trees();
  arena_free(&mem);
  return check_done();
}
