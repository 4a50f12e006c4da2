/* html_parse: the tree pith's DOM gets for small inputs — nesting, implied
 * end tags, attributes, entities, scripts, hidden elements, limits and
 * broken markup. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "html/html.h"

static arena mem;
static dom_doc doc;
static char err[128];

/* Parses s (limits: 0 = none); returns html_parse's status. */
static int parse_lim(const char *s, size_t max_nodes, unsigned max_depth) {
  arena_free(&mem);
  arena_init(&mem);
  html_limits lim = {.max_nodes = max_nodes, .max_depth = max_depth};
  err[0] = '\0';
  return html_parse(s, strlen(s), &lim, &mem, &doc, err, sizeof err);
}

static int parse(const char *s) {
  return parse_lim(s, 0, 0);
}

/* The n-th (from 0) element with tag t in the document, in pre-order. */
static dom_node *find_nth(tag_id t, int n) {
  for (dom_node *x = doc.root; x; x = dom_next(doc.root, x, 0))
    if (x->tag == t && n-- == 0)
      return x;
  return NULL;
}
static dom_node *find(tag_id t) {
  return find_nth(t, 0);
}

static int count(const dom_node *under, tag_id t) {
  int k = 0;
  if (!under)
    return 0;
  for (const dom_node *x = under->first ? under->first : NULL; x; x = dom_next(under, x, 0))
    k += x->tag == t;
  return k;
}

static int children(const dom_node *n) {
  int k = 0;
  for (const dom_node *c = n ? n->first : NULL; c; c = c->next)
    k++;
  return k;
}

/* The text of n's subtree (all text nodes, raw text included), in a static
 * buffer. */
static const char *text_of(const dom_node *n) {
  static char out[4096];
  size_t len = 0;
  out[0] = '\0';
  if (!n)
    return "(no node)";
  if (n->tag == TAG_TEXT) {
    snprintf(out, sizeof out, "%.*s", (int)n->text_len, n->text);
    return out;
  }
  for (const dom_node *x = n->first; x; x = dom_next(n, x, 0)) {
    if (x->tag != TAG_TEXT)
      continue;
    size_t k = x->text_len;
    if (len + k >= sizeof out)
      k = sizeof out - 1 - len;
    memcpy(out + len, x->text, k);
    len += k;
    out[len] = '\0';
  }
  return out;
}

/* Every link in the tree is consistent: parent/child/sibling pointers,
 * depth = parent's + 1, text nodes have no children. Returns the number of
 * nodes below the root. */
static size_t check_links(const dom_node *root, unsigned *max_depth) {
  size_t nodes = 0;
  *max_depth = 0;
  int ok = 1;
  for (const dom_node *x = root->first; x; x = dom_next(root, x, 0)) {
    nodes++;
    if (x->depth > *max_depth)
      *max_depth = x->depth;
    if (!x->parent || x->depth != x->parent->depth + 1)
      ok = 0;
    if (x->prev ? x->prev->next != x : x->parent->first != x)
      ok = 0;
    if (x->next ? x->next->prev != x : x->parent->last != x)
      ok = 0;
    if (x->tag == TAG_TEXT && (x->first || !x->text || strlen(x->text) != x->text_len))
      ok = 0;
  }
  CHECK(ok);
  return nodes;
}

static void test_nesting(void) {
  CHECK(parse("<!DOCTYPE html><html><head><title>The title</title></head>"
              "<body><div id=\"a\" class=\"x y\"><p>Hello <b>bold</b> world</p></div>"
              "<p>Second</p></body></html>") == 0);
  CHECK(doc.root && doc.root->tag == TAG_UNKNOWN);
  CHECK(doc.html && doc.html->tag == TAG_HTML && doc.html->parent == doc.root);
  CHECK(doc.head && doc.head->tag == TAG_HEAD && doc.head->parent == doc.html);
  CHECK(doc.body && doc.body->tag == TAG_BODY && doc.body->parent == doc.html);
  CHECK(doc.title && doc.title->tag == TAG_TITLE && doc.title->parent == doc.head);
  CHECK_STR(text_of(doc.title), "The title");
  CHECK(children(doc.body) == 2);
  dom_node *div = doc.body->first;
  CHECK(div && div->tag == TAG_DIV);
  if (!div)
    return;
  CHECK_STR(div->id, "a");
  CHECK_STR(div->cls, "x y");
  CHECK(div->depth == doc.body->depth + 1);
  dom_node *p = div->first;
  CHECK(p && p->tag == TAG_P && p->parent == div && !p->next);
  if (!p)
    return;
  CHECK(children(p) == 3);
  CHECK(p->first && p->first->tag == TAG_TEXT);
  CHECK_STR(text_of(p->first), "Hello ");
  dom_node *b = p->first ? p->first->next : NULL;
  CHECK(b && b->tag == TAG_B);
  CHECK_STR(text_of(b), "bold");
  CHECK(p->last && p->last->tag == TAG_TEXT);
  CHECK_STR(text_of(p->last), " world");
  CHECK(div->next && div->next->tag == TAG_P);
  CHECK_STR(text_of(div->next), "Second");
  unsigned depth;
  size_t n = check_links(doc.root, &depth);
  CHECK(doc.nodes == n);
  CHECK(!doc.truncated);
}

static void test_fragment(void) {
  /* No html/head/body: the parser implies them. */
  CHECK(parse("<p>Just a paragraph</p>") == 0);
  CHECK(doc.body != NULL);
  dom_node *p = find(TAG_P);
  CHECK(p && doc.body && p->parent == doc.body);
  CHECK_STR(text_of(p), "Just a paragraph");
  CHECK(doc.title == NULL);
}

static void test_implied_end_tags(void) {
  CHECK(parse("<body><ul><li>one<li>two<li>three</ul><p>first<p>second<div>after</div>"
              "<table><tr><td>a<td>b<tr><td>c</table></body>") == 0);
  dom_node *ul = find(TAG_UL);
  CHECK(ul && children(ul) == 3);
  CHECK(ul && ul->first && ul->first->tag == TAG_LI);
  CHECK(ul && ul->first && !strcmp(text_of(ul->first), "one"));
  CHECK(ul && ul->last && !strcmp(text_of(ul->last), "three"));
  dom_node *p1 = find_nth(TAG_P, 0), *p2 = find_nth(TAG_P, 1);
  CHECK(p1 && p2 && p1->parent == p2->parent);
  CHECK_STR(text_of(p1), "first");
  CHECK_STR(text_of(p2), "second");
  dom_node *div = find(TAG_DIV);
  CHECK(div && p2 && div->parent == p2->parent); /* a div closes the open p */
  dom_node *tr1 = find_nth(TAG_TR, 0), *tr2 = find_nth(TAG_TR, 1);
  CHECK(tr1 && count(tr1, TAG_TD) == 2);
  CHECK(tr2 && count(tr2, TAG_TD) == 1);
  CHECK(find_nth(TAG_TD, 1) && find_nth(TAG_TD, 1)->parent == tr1);
  CHECK_STR(text_of(find_nth(TAG_TD, 1)), "b");
  unsigned depth;
  check_links(doc.root, &depth);
}

static void test_attributes(void) {
  CHECK(parse("<body><DIV CLASS=\"Article Body\" ID=main data-x='1' title=\"a &amp; b\" "
              "data-empty=\"\">x</DIV><span>no attributes</span><input disabled></body>") == 0);
  dom_node *div = find(TAG_DIV);
  CHECK(div != NULL);
  if (!div)
    return;
  CHECK_STR(div->cls, "Article Body"); /* values keep their case */
  CHECK_STR(div->id, "main");
  CHECK_STR(dom_attr_get(div, "data-x"), "1");
  CHECK_STR(dom_attr_get(div, "class"), "Article Body");
  CHECK_STR(dom_attr_get(div, "title"), "a & b");
  CHECK_STR(dom_attr_get(div, "data-empty"), "");
  CHECK(dom_attr_get(div, "missing") == NULL);
  /* All attributes, in order, names in lower case. */
  const char *want[] = {"class", "id", "data-x", "title", "data-empty"};
  const dom_attr *a = div->attrs;
  for (size_t i = 0; i < sizeof want / sizeof *want; i++, a = a ? a->next : NULL)
    CHECK(a && !strcmp(a->name, want[i]));
  CHECK(a == NULL);
  dom_node *span = find(TAG_SPAN);
  CHECK(span && !span->attrs && !span->cls && !span->id);
  dom_node *input = find(TAG_INPUT);
  CHECK(input && dom_attr_get(input, "disabled") != NULL);
  /* Tags pith has no id for keep their name. */
  CHECK(parse("<body><my-widget foo=bar>inside</my-widget></body>") == 0);
  dom_node *w = doc.body ? doc.body->first : NULL;
  CHECK(w && w->tag == TAG_UNKNOWN && w->name && !strcmp(w->name, "my-widget"));
  CHECK(w && dom_attr_get(w, "foo") && !strcmp(dom_attr_get(w, "foo"), "bar"));
  CHECK_STR(text_of(w), "inside");
}

static void test_entities(void) {
  CHECK(parse("<body><p>a &amp; b &lt;c&gt; &quot;q&quot; caf&eacute; caf&#233; caf&#xE9; "
              "&euro;&nbsp;5 &copy;</p></body>") == 0);
  CHECK_STR(text_of(find(TAG_P)), "a & b <c> \"q\" café café café €\xC2\xA0"
                                  "5 ©");
  /* UTF-8 text passes through untouched. */
  CHECK(parse("<body><p>Grüße, 日本語, emoji \xF0\x9F\x98\x80</p></body>") == 0);
  CHECK_STR(text_of(find(TAG_P)), "Grüße, 日本語, emoji \xF0\x9F\x98\x80");
  /* A bare ampersand is text. */
  CHECK(parse("<body><p>Fish & chips & more</p></body>") == 0);
  CHECK_STR(text_of(find(TAG_P)), "Fish & chips & more");
}

static void test_scripts(void) {
  CHECK(parse("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
              "\"headline\": \"A <b> head\"}</script>"
              "<script>var secret = \"do not show\";</script>"
              "<style>p { color: red }</style></head>"
              "<body><p>Visible</p><script type=\"text/javascript\">document.write('x')</script>"
              "<noscript>Enable JavaScript</noscript></body></html>") == 0);
  dom_node *ld = find_nth(TAG_SCRIPT, 0);
  CHECK(ld && ld->first && ld->first == ld->last);
  CHECK(ld && ld->first && ld->first->tag == TAG_TEXT && (ld->first->kind & DOM_RAWTEXT));
  CHECK_STR(ld ? text_of(ld) : NULL, "{\"@type\": \"NewsArticle\", \"headline\": \"A <b> head\"}");
  CHECK(count(ld, TAG_B) == 0); /* script contents are not markup */
  dom_node *js = find_nth(TAG_SCRIPT, 1);
  CHECK(js && js->first == NULL);
  dom_node *js2 = find_nth(TAG_SCRIPT, 2);
  CHECK(js2 && js2->first == NULL);
  dom_node *style = find(TAG_STYLE);
  CHECK(style && style->first == NULL);
  /* No raw text anywhere but the JSON-LD script's node. */
  int raw = 0, secret = 0;
  for (dom_node *x = doc.root; x; x = dom_next(doc.root, x, 0)) {
    if (x->tag == TAG_TEXT && (x->kind & DOM_RAWTEXT))
      raw++;
    if (x->tag == TAG_TEXT && (strstr(x->text, "secret") || strstr(x->text, "color")))
      secret++;
  }
  CHECK(raw == 1);
  CHECK(secret == 0);
  CHECK_STR(text_of(find(TAG_P)), "Visible");
  CHECK(find(TAG_P) && find(TAG_P)->first && !(find(TAG_P)->first->kind & DOM_RAWTEXT));
  /* A JSON-LD script in the body, with a type in another case. */
  CHECK(parse("<body><p>x</p><script type=\"Application/LD+JSON\">[1, 2]</script></body>") == 0);
  dom_node *s = find(TAG_SCRIPT);
  CHECK(s && s->first && (s->first->kind & DOM_RAWTEXT));
  CHECK_STR(s ? text_of(s) : NULL, "[1, 2]");
}

static void test_hidden(void) {
  CHECK(parse("<body>"
              "<div id=h1 hidden>a</div>"
              "<div id=h2 style=\"display:none\">b</div>"
              "<div id=h3 style=\"color: red; DISPLAY : None;\">c</div>"
              "<div id=h4 style=\"visibility: hidden\">d</div>"
              "<div id=h5 aria-hidden=\"true\">e</div>"
              "<div id=v1 style=\"display: block\">f</div>"
              "<div id=v2 aria-hidden=\"false\">g</div>"
              "<div id=v3 class=\"hidden-xs\">h</div>"
              "<div id=v4>i</div>"
              "</body>") == 0);
  int hidden = 0, visible = 0;
  for (dom_node *x = doc.root; x; x = dom_next(doc.root, x, 0)) {
    if (x->tag != TAG_DIV || !x->id)
      continue;
    if (x->id[0] == 'h') {
      hidden++;
      if (!(x->kind & DOM_HIDDEN))
        fprintf(stderr, "  #%s should be hidden\n", x->id);
      CHECK(x->kind & DOM_HIDDEN);
    } else {
      visible++;
      if (x->kind & DOM_HIDDEN)
        fprintf(stderr, "  #%s should be visible\n", x->id);
      CHECK(!(x->kind & DOM_HIDDEN));
    }
  }
  CHECK(hidden == 5 && visible == 4);
  /* The hidden element's content is still in the tree (the extractor skips it). */
  dom_node *h1 = find(TAG_DIV);
  CHECK_STR(text_of(h1), "a");
}

static char *repeat(const char *prefix, const char *unit, int n, const char *suffix) {
  size_t ul = strlen(unit), pl = strlen(prefix), sl = strlen(suffix);
  char *s = malloc(pl + ul * (size_t)n + sl + 1);
  if (!s)
    return NULL;
  memcpy(s, prefix, pl);
  for (int i = 0; i < n; i++)
    memcpy(s + pl + ul * (size_t)i, unit, ul);
  memcpy(s + pl + ul * (size_t)n, suffix, sl + 1);
  return s;
}

static void test_depth_limit(void) {
  /* 5000 nested divs, then text: the tree stops at the limit, the elements
   * past it are flattened at the limit, the text is kept in them. */
  char *open = repeat("<html><body>", "<div>", 5000, "deep text");
  char *close = repeat("", "</div>", 5000, "<p>after</p></body></html>");
  CHECK(open && close);
  if (!open || !close)
    return;
  size_t ol = strlen(open), cl = strlen(close);
  char *s = malloc(ol + cl + 1);
  memcpy(s, open, ol);
  memcpy(s + ol, close, cl + 1);
  CHECK(parse_lim(s, 0, 40) == 0);
  unsigned depth;
  check_links(doc.root, &depth);
  CHECK(depth <= 41); /* the limit, plus the text node in the deepest element */
  CHECK(depth >= 30);
  CHECK(doc.truncated);
  int found = 0;
  for (dom_node *x = doc.root; x; x = dom_next(doc.root, x, 0))
    if (x->tag == TAG_TEXT && strstr(x->text, "deep text"))
      found++;
  CHECK(found == 1);
  /* The elements past the limit are siblings at the limit, and what
   * follows their end tags is back where it belongs. */
  const dom_node *deepest = NULL;
  for (dom_node *x = doc.root; x; x = dom_next(doc.root, x, 0))
    if (x->tag == TAG_DIV && x->depth == 40)
      deepest = x;
  CHECK(deepest && deepest->parent && deepest->parent->depth == 39);
  const dom_node *after = find(TAG_P);
  CHECK(after && after->parent && after->parent->tag == TAG_BODY);
  /* No limit (0): no cut. libxml2 itself may cap very deep trees; whatever it
   * does must not crash and must give a consistent tree. */
  CHECK(parse_lim(s, 0, 0) == 0);
  check_links(doc.root, &depth);
  /* The default limit through the public options is 256. */
  CHECK(parse_lim(s, 0, 256) == 0);
  check_links(doc.root, &depth);
  CHECK(depth <= 257);
  free(s);
  free(open);
  free(close);
}

static void test_node_limit(void) {
  char *s = repeat("<html><body>", "<p>x <b>y</b></p>", 20000, "</body></html>");
  CHECK(s != NULL);
  if (!s)
    return;
  CHECK(parse_lim(s, 500, 0) == 0);
  CHECK(doc.nodes <= 500);
  CHECK(doc.truncated);
  unsigned depth;
  CHECK(check_links(doc.root, &depth) == doc.nodes);
  CHECK(parse_lim(s, 0, 0) == 0);
  CHECK(!doc.truncated);
  CHECK(count(doc.root, TAG_P) == 20000);
  CHECK(count(doc.root, TAG_B) == 20000);
  free(s);
}

static void test_broken_markup(void) {
  const char *inputs[] = {
      "<div><p>unclosed <b>bold <i>italic</div> after",
      "</div></span></p>text after stray end tags",
      "<p <b>odd tag</b></p>",
      "<div class=\"unterminated>text</div>",
      "<p>a < b and c > d</p>",
      "<!-- unterminated comment <p>hidden?",
      "<html><body><html><body><p>twice</p></body></html></body></html>",
      "<table><p>in table</p><tr><td>cell</td></table>",
      "<a href=x><a href=y>nested links</a></a>",
      "<p>\x01\x02 control \x7f bytes</p>",
      "<",
      "<<<>>>",
      "&",
      "<![CDATA[ x ]]><p>y</p>",
      "<svg><p>inside svg</p></svg><math><mi>x</mi></math>",
  };
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    CHECK(parse(inputs[i]) == 0);
    unsigned depth;
    CHECK(check_links(doc.root, &depth) == doc.nodes);
  }
  CHECK(parse("<div><p>unclosed <b>bold <i>italic</div> after") == 0);
  CHECK(strstr(text_of(doc.root), "unclosed bold italic") != NULL);
  CHECK(strstr(text_of(doc.root), "after") != NULL);
  CHECK(parse("</div></span></p>text after stray end tags") == 0);
  CHECK(strstr(text_of(doc.root), "text after stray end tags") != NULL);
  CHECK(parse("<p>a < b and c > d</p>") == 0);
  CHECK_STR(text_of(find(TAG_P)), "a < b and c > d");
}

static void test_empty_and_space(void) {
  /* Documented: -1 only on out-of-memory. */
  CHECK(parse("") == 0);
  CHECK(doc.root != NULL);
  CHECK(parse("   \n  ") == 0);
  CHECK(doc.root != NULL);
  /* White space between blocks becomes a single-space text node. */
  CHECK(parse("<body><div>\n   \n</div></body>") == 0);
  dom_node *div = find(TAG_DIV);
  CHECK(div && div->first && div->first->tag == TAG_TEXT && div->first->text_len == 1 &&
        div->first->text[0] == ' ');
  /* A length shorter than the string: only that much is read. */
  arena_free(&mem);
  arena_init(&mem);
  const char *s = "<p>abc</p><p>NOT THIS</p>";
  CHECK(html_parse(s, 10, NULL, &mem, &doc, err, sizeof err) == 0);
  CHECK(count(doc.root, TAG_P) == 1);
  CHECK(strstr(text_of(doc.root), "NOT THIS") == NULL);
}

int main(void) {
  arena_init(&mem);
  test_nesting();
  test_fragment();
  test_implied_end_tags();
  test_attributes();
  test_entities();
  test_scripts();
  test_hidden();
  test_depth_limit();
  test_node_limit();
  test_broken_markup();
  test_empty_and_space();
  arena_free(&mem);
  return check_done();
}
