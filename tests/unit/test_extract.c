/* extract_article on small parsed pages: what is main content, what is left
 * out (boilerplate inside the article, comments, navigation), repeats, block
 * kinds and the title. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "extract/extract.h"
#include "extract/internal.h"
#include "html/html.h"
#include "meta/meta.h"

static arena mem;
static article art;
static char joined[16384];

/* Parses and extracts page; returns extract_article's status. The blocks
 * joined with " || " are in `joined`. */
static int run(const char *page) {
  arena_free(&mem);
  arena_init(&mem);
  memset(&art, 0, sizeof art);
  dom_doc doc;
  char err[128];
  html_limits lim = {.max_depth = 256};
  if (html_parse(page, strlen(page), &lim, &mem, &doc, err, sizeof err))
    return -1;
  /* As pith_extract runs them: the title is chosen once (src/meta), and
   * the heading that repeats it leaves the text then. */
  int rc = extract_article(&doc, &mem, &art, err, sizeof err) ||
           meta_extract_title(&doc, &mem, &art, err, sizeof err);
  size_t len = 0;
  joined[0] = '\0';
  size_t n = 0;
  for (const article_block *b = art.first; b; b = b->next, n++) {
    len += (size_t)snprintf(joined + len, sizeof joined - len, "%s%s", n ? " || " : "", b->text);
    if (len >= sizeof joined)
      len = sizeof joined - 1;
    CHECK(b->len == strlen(b->text));
  }
  CHECK(n == art.blocks);
  return rc;
}

static const article_block *block(size_t i) {
  const article_block *b = art.first;
  while (b && i--)
    b = b->next;
  return b;
}

#define P1                                                                                         \
  "The river burst its banks on Sunday night after three days of heavy rain, flooding more "       \
  "than forty homes in the lower town."
#define P2                                                                                         \
  "Firefighters used boats to reach families trapped on upper floors, and the school gym was "     \
  "opened as a shelter for the night."
#define P3                                                                                         \
  "The water had fallen by Tuesday morning, but the council warned that roads near the bridge "    \
  "would stay closed until engineers had checked them."

static void test_boilerplate_inside_article(void) {
  const char *page =
      "<html><head><title>Floods hit the lower town</title></head><body>"
      "<div class=\"article-body\">"
      "<div class=\"byline\">By Sam Reed, weather correspondent</div>"
      "<div class=\"share-tools\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a> "
      "<span>Share this article with your friends and family today</span></div>"
      "<p>" P1 "</p>"
      "<div class=\"related-articles\"><h3>Related</h3><ul><li><a href=\"/a\">Storm warning "
      "issued for the whole region until Friday evening</a></li></ul></div>"
      "<p>" P2 "</p>"
      "<div class=\"newsletter-box\"><p>Sign up to our daily newsletter to get the most "
      "important local news delivered to your inbox every morning, free of charge.</p></div>"
      "<div id=\"ad-slot-2\" class=\"ad\"><p>Advertisement: the best mortgage rates in town, "
      "compare them now and save money on your monthly repayments.</p></div>"
      "<p>" P3 "</p>"
      "<div class=\"social-follow\"><p>Follow us on social media for live updates, pictures and "
      "video from our reporters across the county.</p></div>"
      "</div></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
  CHECK(art.blocks == 3);
}

static void test_comments_left_out(void) {
  const char *page =
      "<html><head><title>Floods hit the lower town</title></head><body>"
      "<article><h1>Floods hit the lower town</h1><p>" P1 "</p><p>" P2 "</p></article>"
      "<section id=\"comments\" class=\"comments-area\"><h2>12 comments</h2>"
      "<ol class=\"comment-list\">"
      "<li class=\"comment\"><p>I live by the bridge and the water came up faster than anyone "
      "expected. The warnings came far too late for most of us on our street, and the council "
      "should answer for that.</p></li>"
      "<li class=\"comment\"><p>My parents lost their whole ground floor in the last flood, "
      "eight years ago, and nothing has been done since to protect the lower town from the river. "
      "It is a scandal that it happened again.</p></li>"
      "<li class=\"comment\"><p>Thank you to the firefighters and volunteers who worked all night "
      "long. The school gym was warm and well organised, and the children slept surprisingly "
      "well in the end.</p></li>"
      "</ol></section>"
      "<div id=\"disqus_thread\"><p>Please read our community guidelines before you post, and "
      "keep the discussion civil, on topic and free of personal attacks.</p></div>"
      "</body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, P1 " || " P2);
  CHECK_STR(art.title, "Floods hit the lower town");
}

static void test_duplicates_once(void) {
  const char *page = "<html><head><title>Floods</title></head><body><article>"
                     "<p>" P1 "</p><p>" P2 "</p><p>" P1 "</p><p>" P3 "</p>"
                     "<p>" P2 "</p></article></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
}

static void test_navigation_only(void) {
  const char *page =
      "<html><head><title>Example Store</title></head><body>"
      "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/men\">Men</a></li>"
      "<li><a href=\"/women\">Women</a></li><li><a href=\"/kids\">Kids</a></li>"
      "<li><a href=\"/sale\">Sale: up to half price on selected lines this week</a></li></ul></nav>"
      "<div><ul><li><a href=\"/help\">Help and frequently asked questions</a></li>"
      "<li><a href=\"/delivery\">Delivery information and returns policy</a></li></ul></div>"
      "<footer><p>Copyright 2024 Example Store Ltd. Registered in England.</p></footer>"
      "</body></html>";
  CHECK(run(page) == 0);
  CHECK(art.blocks == 0);
  CHECK(art.first == NULL && art.last == NULL);
  CHECK_STR(art.title, "Example Store");
  /* Nothing at all. */
  CHECK(run("<html><body></body></html>") == 0);
  CHECK(art.blocks == 0);
  CHECK(art.title == NULL);
  CHECK(run("<html><head><title>Only a title</title></head></html>") == 0);
  CHECK(art.blocks == 0);
}

static void test_block_kinds(void) {
  const char *page =
      "<html><head><title>Guide to river safety | Flood Watch</title></head><body><article>"
      "<h1>Guide to river safety</h1>"
      "<p>" P1 "</p>"
      "<h2>Before a flood</h2>"
      "<ul><li>Sign up for flood warnings.</li><li>Keep important papers upstairs.</li></ul>"
      "<table><tr><th>Level</th><th>Meaning</th></tr>"
      "<tr><td>Amber</td><td>Flooding is possible</td></tr></table>"
      "<figure><img src=\"x.jpg\" alt=\"\"><figcaption>The bridge on Sunday night.</figcaption>"
      "</figure>"
      "<blockquote><p>We have never seen the river rise so fast, said the lock keeper.</p>"
      "</blockquote>"
      "<pre>level  = 4.2 m\nnormal = 1.1 m</pre>"
      "<p>" P2 "</p>"
      "</article></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(art.title, "Guide to river safety");
  CHECK_STR(joined, P1 " || Before a flood || Sign up for flood warnings. || Keep important "
                       "papers upstairs. || Level | Meaning || Amber | Flooding is possible || "
                       "We have never seen the river rise so fast, "
                       "said the lock keeper. || level  = 4.2 m\nnormal = 1.1 m || " P2);
  static const block_kind kinds[] = {BLOCK_PARAGRAPH, BLOCK_HEADING,   BLOCK_LIST_ITEM,
                                     BLOCK_LIST_ITEM, BLOCK_TABLE_ROW, BLOCK_TABLE_ROW,
                                     BLOCK_QUOTE,     BLOCK_CODE,      BLOCK_PARAGRAPH};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
    const article_block *b = block(i);
    CHECK(b && b->kind == kinds[i]);
    if (b && b->kind != kinds[i])
      fprintf(stderr, "  block %zu \"%.30s\": kind %d, want %d\n", i, b->text, (int)b->kind,
              (int)kinds[i]);
  }
  CHECK(block(1) && block(1)->level == 2);
  CHECK(block(2) && block(2)->level == 1);
  /* The caption goes with its figure, not into the running text. */
  CHECK(art.meta.nimages == 1);
  CHECK(art.meta.images && art.meta.images->caption &&
        !strcmp(art.meta.images->caption, "The bridge on Sunday night."));
  CHECK(art.meta.images && art.meta.images->src && !strcmp(art.meta.images->src, "x.jpg"));
}

static void test_whitespace_and_inline(void) {
  const char *page = "<html><body><article><p>  The   river\n\tburst <b>its</b><i> banks</i> "
                     "on <a href=\"/sunday\">Sunday night</a> after three days of heavy rain, "
                     "flooding more than forty homes in the lower town.  </p></article></body>"
                     "</html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, "The river burst its banks on Sunday night after three days of heavy rain, "
                    "flooding more than forty homes in the lower town.");
  /* Labels in elements of their own, with no space between them in the
   * markup (a card's brand and name): two words where a small letter meets
   * a capital; a word split by styling stays one. */
  page = "<html><body><article><p>The <b>w</b>ater rose by <span>Tuesday</span>"
         "<span>.</span> The new kayak is the <span>Eddyline</span><span>Sandpiper "
         "130</span>, made in the <i>USA</i><i>Today</i>, by <b>Tide</b>works.</p></article>"
         "</body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, "The water rose by Tuesday. The new kayak is the Eddyline Sandpiper 130, made "
                    "in the USAToday, by Tideworks.");
}

/* Code a highlighter split into spans keeps the line breaks and
 * indentation that lie between its spans (white space alone in a text
 * node), as a browser shows them; elsewhere such white space is one space. */
static void test_highlighted_code(void) {
  const char *page =
      "<html><body><article><p>" P1 "</p>"
      "<div class=\"highlight\"><pre><span></span><span class=\"kn\">import</span> "
      "<span class=\"n\">flood</span>\n\n\n<span class=\"nd\">@watch</span>\n"
      "<span class=\"k\">def</span> <span class=\"nf\">level</span>():\n"
      "<span class=\"w\">    </span><span class=\"k\">return</span> <span>4.2</span>\n"
      "</pre></div>"
      "<p><span>Between</span>\n\n<span>spans</span> outside code is one space, and the rest "
      "of this paragraph is long enough to be kept.</p>"
      "</article></body></html>";
  CHECK(run(page) == 0);
  const article_block *code = block(1);
  CHECK(code && code->kind == BLOCK_CODE);
  CHECK_STR(code ? code->text : NULL, "import flood\n\n\n@watch\ndef level():\n    return 4.2\n");
  const article_block *after = block(2);
  CHECK(after && !strncmp(after->text, "Between spans outside", 21));
}

/* A documentation generator's permalinks ("<a href="#x">¶</a>" after a
 * heading or a definition) are no words of the page; a link to a
 * fragment with words, or a pilcrow in text, stays. */
static void test_heading_permalinks(void) {
  const char *page =
      "<html><body><article>"
      "<h2>Available middleware<a class=\"headerlink\" href=\"#mw\">\xC2\xB6</a></h2>"
      "<p>" P1 "</p>"
      "<dl><dt>class Cache<a href=\"#cache\"> \xC2\xA7 </a></dt>"
      "<dd><p>The cache keeps pages for a while, <a href=\"#ttl\">see ttl</a>, and "
      "marks a paragraph \xC2\xB6 in its text as one.</p></dd></dl>"
      "</article></body></html>";
  CHECK(run(page) == 0);
  const article_block *h = block(0);
  CHECK_STR(h ? h->text : NULL, "Available middleware");
  int dt = 0, dd = 0;
  for (const article_block *b = art.first; b; b = b->next) {
    dt |= !strcmp(b->text, "class Cache");
    dd |= strstr(b->text, "see ttl") && strstr(b->text, "\xC2\xB6 in its");
  }
  CHECK(dt);
  CHECK(dd);
}

/* A short article in Japanese: sentences of 11-17 characters, each as much
 * as an English sentence of 30-60 letters, are prose, not short furniture
 * (the page gave no text at all). */
static void test_short_cjk_sentences(void) {
  const char *page =
      "<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>\u30c6\u30b9\u30c8</title></head>"
      "<body><header><nav><a href=\"/\">\u30db\u30fc\u30e0</a> <a "
      "href=\"/a\">\u4f1a\u793e</a></nav>"
      "</header><main><h1>\u6625\u306e\u8a2a\u308c</h1>"
      "<p>\u4eca\u65e5\u306f\u6696\u304b\u3044\u4e00\u65e5\u3067\u3057\u305f\u3002</p>"
      "<p>\u516c\u5712\u306e\u685c\u304c\u54b2\u304d\u59cb\u3081\u307e\u3057\u305f\u3002</p>"
      "<p>"
      "\u591a\u304f\u306e\u4eba\u304c\u82b1\u898b\u3092\u697d\u3057\u3093\u3067\u3044\u307e\u3059"
      "\u3002</p>"
      "<p>"
      "\u5b50\u4f9b\u305f\u3061\u306f\u5143\u6c17\u306b\u904a\u3093\u3067\u3044\u307e\u3057\u305f"
      "\u3002</p>"
      "</main><footer>\u00a9 2024</footer></body></html>";
  CHECK(run(page) == 0);
  int kept = 0;
  for (const article_block *b = art.first; b; b = b->next)
    kept += strstr(b->text, "\u3002") != NULL;
  CHECK(kept == 4);
}

/* A plain page written in short sentences: each is prose among the other
 * paragraphs, the first right under the <h1> too; the short lines that
 * are no sentence (a kicker, "Share this", "Advertisement") stay out. */
static void test_short_sentences(void) {
  const char *page = "<html lang=\"en\"><head><title>Spring</title></head><body>"
                     "<nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>"
                     "<main><h1>Spring is here</h1>"
                     "<p>It was a warm day today.</p>"
                     "<p>The cherry trees in the park began to bloom.</p>"
                     "<p>Nobody minded.</p>"
                     "<p>The children played happily.</p>"
                     "</main><footer>\u00a9 2024 Anna Berg</footer></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, "Spring is here || It was a warm day today. || The cherry trees in the park "
                    "began to bloom. || Nobody minded. || The children played happily.");
  const char *chrome = "<html lang=\"en\"><head><title>Floods</title></head><body><main>"
                       "<p>Exclusive</p><p>Share this</p>"
                       "<p>" P1 "</p><p>" P2 "</p>"
                       "<p>Advertisement</p><p>Read more.</p><p>Anna B.</p>"
                       "</main></body></html>";
  CHECK(run(chrome) == 0);
  CHECK_STR(joined, P1 " || " P2);
}

/* A plain page whose <body> holds its paragraphs beside a menu and a
 * footer: the root grows from its longest paragraph to them all, with the
 * headline (the <title> is the site's name: the <h1> stays a heading of
 * the text) and without the dateline under it, the menu or the footer. */
static void test_plain_page_in_body(void) {
  const char *page =
      "<html lang=\"fr\"><head><title>Le carnet d'Anna</title></head><body>"
      "<ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/a\">Archives</a></li>"
      "<li><a href=\"/c\">Contact</a></li></ul>"
      "<h1>Une promenade</h1><p>3 mars 2024</p>"
      "<p>Il faisait chaud aujourd'hui.</p>"
      "<p>Nous sommes sortis. La semaine prochaine, je parlerai du jardin et des tomates qui "
      "ont enfin rougi.</p>"
      "<h2>L'apr\u00e8s-midi</h2><p>Personne ne s'en plaignait.</p>"
      "<p>Copyright 2023 Anna</p></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, "Une promenade || Il faisait chaud aujourd'hui. || Nous sommes sortis. La "
                    "semaine prochaine, je parlerai du jardin et des tomates qui ont enfin "
                    "rougi. || L'apr\u00e8s-midi || Personne ne s'en plaignait.");
}

/* A note of a sentence or two under its headline is the page's content,
 * however short; short lines under no headline are not. */
static void test_headed_note(void) {
  const char *two = "<html lang=\"de\"><head><title>Notizen</title></head><body>"
                    "<nav><a href=\"/\">Startseite</a> <a href=\"/a\">Archiv</a></nav>"
                    "<div><h1>Am Fluss</h1><p>Am Nachmittag regnete es.</p>"
                    "<p>Niemand st\u00f6rte sich daran.</p></div>"
                    "<div class=\"footer\">Powered by Hugo</div></body></html>";
  CHECK(run(two) == 0);
  CHECK_STR(joined, "Am Fluss || Am Nachmittag regnete es. || Niemand st\u00f6rte sich daran.");
  const char *one = "<html lang=\"es\"><head><title>Notas</title></head><body>"
                    "<ul><li><a href=\"/\">Inicio</a></li><li><a href=\"/f\">Fotos</a></li></ul>"
                    "<h1>Un paseo</h1><p>Por la tarde llovi\u00f3.</p>"
                    "<p>Copyright 2023 Tom</p></body></html>";
  CHECK(run(one) == 0);
  CHECK_STR(joined, "Un paseo || Por la tarde llovi\u00f3.");
  const char *none = "<html lang=\"en\"><head><title>Shop</title></head><body>"
                     "<p>Loading the page.</p><p>Please wait.</p></body></html>";
  CHECK(run(none) == 0);
  CHECK(art.blocks == 0);
}

/* A page of one short paragraph and nothing else, without a headline, is
 * that paragraph; a page whose only text is chrome, whose menu and footer
 * outweigh its one sentence, or whose one line is a login or subscription
 * wall's, still has no main content. */
static void test_sole_passage(void) {
  CHECK(run("<html><body><p>Hello, world. This is my first page, and I wrote it by "
            "hand.</p></body></html>") == 0);
  CHECK_STR(joined, "Hello, world. This is my first page, and I wrote it by hand.");
  CHECK(run("<p>Hello, world. This is my first page.</p>") == 0);
  CHECK_STR(joined, "Hello, world. This is my first page.");
  CHECK(run("<p>Page not found.</p>") == 0);
  CHECK(art.blocks == 0);
  CHECK(run("<body><noscript>You need to enable JavaScript to run this app.</noscript>"
            "<div id=root></div></body>") == 0);
  CHECK(art.blocks == 0);
  CHECK(run("<p>You will be connected to www.example.com in just a moment...</p>") == 0);
  CHECK(art.blocks == 0);
  CHECK(run("<p>We use cookies to improve your experience. By continuing you accept our "
            "cookie policy.</p>") == 0);
  CHECK(art.blocks == 0);
  CHECK(run("<ul><li><a href=/>Home</a><li><a href=/a>About us</a><li><a href=/b>Contact "
            "us</a></ul><p>Sorry, this page does not exist.</p><footer>Copyright 2024 "
            "Example Ltd. All rights reserved.</footer>") == 0);
  CHECK(art.blocks == 0);
  /* A wall's one line says what a template says: no passage of the page. */
  CHECK(run("<form action=/login><p>Please log in to continue reading this article.</p>"
            "<input name=user><input type=password name=pass><button>Go</button></form>") == 0);
  CHECK(art.blocks == 0);
  CHECK(run("<nav><a href=/>Home</a></nav><div class=wall><p>Subscribe to continue reading. "
            "Already a member?</p></div>") == 0);
  CHECK(art.blocks == 0);
}

/* Short sentences a template writes stay out of a plain page: a line
 * that says what chrome says ("Posted in Travel.", "Leave a comment.",
 * "Share this article.", "All rights reserved.") and a widget's lines
 * under its own heading in a box of its own. */
static void test_sentences_of_chrome(void) {
  const char *body = "<html lang=\"en\"><head><title>A walk | Notes</title></head><body>"
                     "<nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav>"
                     "<h1>A walk</h1><p>It was a warm day today.</p>"
                     "<p>The cherry trees in the park began to bloom, and many people came "
                     "out to see them.</p><p>Nobody minded the rain.</p>"
                     "<p>Posted in Travel.</p><p>Leave a comment.</p>"
                     "<div><h3>About me</h3><p>I write about walks.</p></div>"
                     "<p>All rights reserved.</p></body></html>";
  CHECK(run(body) == 0);
  CHECK_STR(joined, "It was a warm day today. || The cherry trees in the park began to bloom, "
                    "and many people came out to see them. || Nobody minded the rain.");
  const char *widget = "<html lang=\"en\"><head><title>A walk | Notes</title></head><body>"
                       "<div><main><h1>A walk</h1><p>It was a warm day today.</p>"
                       "<p>The cherry trees in the park began to bloom, and many people came "
                       "out to see them.</p><p>Share this article.</p></main>"
                       "<div><h3>Newsletter</h3><p>Sign up today.</p><p>We never send "
                       "spam.</p></div></div></body></html>";
  CHECK(run(widget) == 0);
  CHECK_STR(joined, "It was a warm day today. || The cherry trees in the park began to bloom, "
                    "and many people came out to see them.");
}

static void test_hidden_and_scripts(void) {
  const char *page =
      "<html><head><title>Floods</title></head><body><article>"
      "<p>" P1 "</p>"
      "<div hidden><p>This hidden paragraph is long enough to be taken for content if the "
      "extractor forgot to check the hidden attribute.</p></div>"
      "<p style=\"display:none\">This paragraph is hidden by its inline style and it is long "
      "enough to be taken for content as well.</p>"
      "<script>document.write('a script that writes a long sentence into the page, which must "
      "never show up in the text');</script>"
      "<span class=\"sr-only\">Screen reader text that is not shown on screen.</span>"
      "<p>" P2 "</p></article></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, P1 " || " P2);
}

static void test_split_article(void) {
  /* The body in two sibling containers with a promotion between them. */
  const char *page =
      "<html><head><title>Floods hit the lower town</title></head><body>"
      "<div><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></div>"
      "<div class=\"col\"><h1>Floods hit the lower town</h1>"
      "<div class=\"txt\"><p>" P1 "</p><p>" P2 "</p></div>"
      "<div class=\"box\"><a href=\"https://shop.example/boots\">Waterproof boots for the "
      "whole family, now 30% off. Order today, delivered tomorrow</a></div>"
      "<div class=\"txt\"><p>" P3 "</p></div></div>"
      "<div><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></div>"
      "</body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
}

static void test_short_article(void) {
  /* An article of one short paragraph is still the page's main content. */
  const char *page = "<html><head><title>Road closed</title></head><body>"
                     "<nav><a href=\"/\">Home</a> <a href=\"/traffic\">Traffic</a></nav>"
                     "<article><h1>Road closed</h1><p>The bridge road is closed until Friday "
                     "for repairs.</p></article></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, "The bridge road is closed until Friday for repairs.");
}

static void test_names_list_beside_article(void) {
  /* A short article beside the towns and postcodes a business serves: long
   * lines without a function word or a comma, that outweighed the article
   * while they counted as half prose. */
#define TENTS1                                                                                     \
  "We rent out party tents of every size for weddings, birthdays and company events, and our "     \
  "crew sets them up and takes them down for you."
#define TENTS2                                                                                     \
  "Every tent is cleaned and checked after each event, and we bring the tables, chairs and "       \
  "lights you need with it."
  const char *page =
      "<html lang=\"en\"><head><title>Party tent rentals</title></head><body>"
      "<div class=\"page\"><h1>Party tent rentals</h1><p>" TENTS1 "</p><p>" TENTS2 "</p></div>"
      "<div class=\"areas\"><p>We serve the following towns:</p>"
      "<p>Beverly Hills Los Angeles Irvine Perris Rosamond Hacienda Heights Chino Piru Rancho "
      "Cucamonga Highland Inglewood Pasadena Monrovia Garden Grove Glendale Burbank Sun Valley El "
      "Segundo Culver City Corona Newport Beach Malibu Sherman Oaks Santa Monica Valencia "
      "Lancaster San Bernardino Anaheim Montclair Camarillo Victorville Yucaipa Simi Valley West "
      "Hills North Hills Redlands Woodland Hills Northridge Santa Ana Palmdale Encino Sylmar "
      "Torrance Long Beach Pomona Ontario Fontana Riverside Whittier Downey Norwalk Compton "
      "Carson Gardena Hawthorne Lakewood Bellflower Cerritos Artesia Paramount Lynwood</p>"
      "<p>90212 90015 92606 92570 90017 93560 91745 91710 93040 91730 92346 90301 91106 90036 "
      "90010 91016 92840 91201 91502 91352 90245 90230 92879 92660 90265 91423 90401 91355 93534 "
      "92401 92801 91763 93010 92392 92399 93063 91307 91343 92373 91364 91324 92701 93550 91316 "
      "91342 90503 90802 91766 91761 92335 92501 90601 90241 90650 90220 90745 90247 90250</p>"
      "</div></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, TENTS1 " || " TENTS2);
}

/* An opening post and seven replies, each reply in a comment section. */
#define OPENING                                                                                    \
  "So could it be as simple as finding a product with medium gravity and using the landing "       \
  "pages the affiliate page provides on a cheap domain, then running ads on the big networks? "    \
  "Where will I run into a snag, and what kind of budget do I need to start?"
#define REPLY1                                                                                     \
  "Well, this is an old classic method that will work for many people, but you need to test "      \
  "your landing page before you spend money on ads. Start small and watch the numbers."
#define REPLY2                                                                                     \
  "It is possible that the method could work this year, but it is harder than it looks. The "      \
  "affiliate pages are shared by thousands of people, so the ad networks see them again and "      \
  "again."
#define REPLY3                                                                                     \
  "Yes, this is the correct basic setup. I would strongly recommend that you build your own "      \
  "email list from the start, because the list is the only thing you own when the traffic stops."
#define REPLY4                                                                                     \
  "Internet marketing is competitive. Just about any method you read about can work, but only "    \
  "if you stick with it for months and keep learning from what the numbers tell you."
#define REPLY5                                                                                     \
  "I tried the same thing two years ago and lost money for three months before the first sale "    \
  "came in. Do not give up too early, and do not put your savings into it either."
#define REPLY6                                                                                     \
  "The snag is usually the ad account itself. The networks close new accounts that send "          \
  "traffic straight to affiliate offers, so put a page of your own between the ad and the offer."
#define REPLY7                                                                                     \
  "Budget at least a few hundred dollars for testing, and write down what every ad costs you. "    \
  "Most beginners stop before they have enough data to see which of their ads pays."
#define ARTICLE_COMMENT(text)                                                                      \
  "<li class=\"comment\"><div class=\"comment-content\"><p>" text "</p></div></li>"

static void test_thread_built_like_replies(void) {
  /* A forum thread whose replies sit in a comment-named section: its one
   * post is short, but built like the replies (one class word), so the
   * replies are the thread's content. With 24 replies their section
   * outweighs the post beside it, which still opens the thread. */
  static char page[16384];
  size_t len = (size_t)snprintf(
      page, sizeof page, "%s",
      "<html lang=\"en\"><head><title>Will this method work?</title></head><body><main>"
      "<article class=\"thread\"><h1>Will this method work?</h1>"
      "<div id=\"main-post\" class=\"EditorContent thread-post\">" OPENING "</div>"
      "<section id=\"comments\" class=\"discussion\">");
  const char *replies[] = {REPLY1, REPLY2, REPLY3, REPLY4, REPLY5, REPLY6, REPLY7};
  for (int i = 0; i < 24 && len < sizeof page; i++)
    len += (size_t)snprintf(page + len, sizeof page - len,
                            "<div class=\"post\"><div class=\"post-header\"><a href=\"/u/%d\">"
                            "user%d</a></div><div class=\"discussion-message EditorContent\">"
                            "Reply %d. %s</div></div>",
                            i, i, i + 1, replies[i % 7]);
  if (len < sizeof page)
    snprintf(page + len, sizeof page - len, "</section></article></main></body></html>");
  CHECK(run(page) == 0);
  /* The repliers' names are links to their profiles: left out. */
  CHECK(art.blocks == 25);
  CHECK(!strncmp(joined, OPENING " || Reply 1. " REPLY1 " || Reply 2. " REPLY2,
                 strlen(OPENING " || Reply 1. " REPLY1 " || Reply 2. " REPLY2)));
  CHECK(strstr(joined, " || Reply 24. " REPLY3) != NULL);
}

static void test_short_article_long_comments(void) {
  /* The same words as an article and its comments, built apart: however
   * much longer the comments are, the article alone is the content. */
  const char *page =
      "<html lang=\"en\"><head><title>Will this method work?</title></head><body><main>"
      "<article class=\"post\"><h1>Will this method work?</h1>"
      "<div class=\"entry-content\"><p>" OPENING "</p></div></article>"
      "<section id=\"comments\" class=\"comments-area\"><ol "
      "class=\"comment-list\">" ARTICLE_COMMENT(REPLY1) ARTICLE_COMMENT(REPLY2)
          ARTICLE_COMMENT(REPLY3) ARTICLE_COMMENT(REPLY4) ARTICLE_COMMENT(REPLY5)
              ARTICLE_COMMENT(REPLY6)
                  ARTICLE_COMMENT(REPLY7) "</ol></section></main></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, OPENING);
}

/* page = head, then n units of a reply (a name or a date line, then
 * REPLY1..7 in a paragraph), then tail. */
static const char *with_units(char *page, size_t cap, const char *head, const char *unit, int n,
                              const char *tail) {
  const char *replies[] = {REPLY1, REPLY2, REPLY3, REPLY4, REPLY5, REPLY6, REPLY7};
  size_t len = (size_t)snprintf(page, cap, "%s", head);
  for (int i = 0; i < n && len < cap; i++)
    len += (size_t)snprintf(page + len, cap - len, unit, i, i, replies[i % 7]);
  if (len < cap)
    snprintf(page + len, cap - len, "%s", tail);
  return page;
}

static void test_one_line_article_named_comments(void) {
  /* An article of one sentence and readers' comments named so: next to
   * no prose outside the comment names, as on a forum thread, but the
   * headline and its sentence sit in an <article> (or a named article
   * body) apart from the comments: the sentence is the content. The same
   * sentence in a plain container opens a thread: the replies are the
   * content, and the root grows to hold the opening post too. */
  static char page[16384];
  const char *containers[][2] = {{"<article>", "</article>"}, {"<div class=\"x\">", "</div>"}};
  for (int plain = 0; plain < 2; plain++) {
    char head[512];
    snprintf(head, sizeof head,
             "<html lang=\"en\"><head><title>Floods hit the lower town</title></head><body>"
             "%s<h1>Floods hit the lower town</h1><p>" P1 "</p>%s<section id=\"comments\"><ol>",
             containers[plain][0], containers[plain][1]);
    CHECK(run(with_units(page, sizeof page, head,
                         "<li class=\"comment\"><cite>user%d</cite><!-- %d --><p>%s</p></li>", 10,
                         "</ol></section></body></html>")) == 0);
    if (!plain)
      CHECK_STR(joined, P1);
    else
      CHECK(!strncmp(joined, P1 " || ", strlen(P1 " || ")) && strstr(joined, REPLY1) != NULL);
  }
}

static void test_unnamed_comments(void) {
  /* A short article, and after it readers' comments that no class word
   * names: units built alike, each a name (or a date) and a paragraph.
   * They outweigh the article many times over, yet the headline's own
   * prose, in a container of its own, is the content. */
  static char page[16384];
  const char *head = "<html lang=\"en\"><head><title>Will this method work?</title></head><body>"
                     "<div class=\"x\"><h1>Will this method work?</h1><p>" P1 "</p><p>" P2
                     "</p></div><div class=\"y\">";
  /* Under a heading that says what they are, */
  char heading[1024];
  snprintf(heading, sizeof heading, "%s<h3>Responses</h3>", head);
  CHECK(run(with_units(page, sizeof page, heading,
                       "<div class=\"c\"><b>user%d</b><!-- %d --><p>%s</p></div>", 20,
                       "</div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* or each saying when it was written. */
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"e\"><div><a href=\"/u/%d\">Grace H.</a> &middot; "
                       "<span>%d days ago</span></div><div>%s</div>"
                       "<div><a href=\"/like\">Like</a></div></div>",
                       12, "</div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* or with their names as small headings. */
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"e\"><h4>user%d</h4><time>%d days ago</time><p>%s</p></div>",
                       12, "</div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* In the article's own container, under a heading that names them. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>Will this method work?</title></head>"
                       "<body><div class=\"post\"><h1>Will this method work?</h1><p>" P1
                       "</p><p>" P2 "</p><div class=\"y\"><h3>Responses</h3>",
                       "<div class=\"c\"><b>user%d</b><!-- %d --><p>%s</p></div>", 20,
                       "</div></div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* The same units after a headline and an introduction in one container
   * are the page's items: a list of tips, a collection of quotes. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>Tips</title></head><body><main>"
                       "<h1>Tips</h1><p>" P1 "</p><div class=\"y\">",
                       "<div class=\"c\"><b>Tip %d</b><!-- %d --><p>%s</p></div>", 12,
                       "</div></main></body></html>")) == 0);
  CHECK(strstr(joined, REPLY1) != NULL && strstr(joined, REPLY5) != NULL);
  /* Items named "Market 3" are no dated comments: a month's name counts
   * at a word's start only. */
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"c\"><b>Market %d</b><!-- %d --><p>%s</p></div>", 12,
                       "</div></body></html>")) == 0);
  CHECK(strstr(joined, REPLY1) != NULL && strstr(joined, REPLY5) != NULL);
  /* Named in a longer line with their date (its commas make no prose), */
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"e\"><div>Posted by <a href=\"/u/%d\">Grace Hopkins</a> on "
                       "March %d, 2024 at 10:02 am</div><p>%s</p></div>",
                       12, "</div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* Signed at the end rather than named at the start, */
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"s\" id=\"c%d\"><!-- %d --><p>%s</p>"
                       "<div>&mdash; Grace H., 3 days ago</div></div>",
                       12, "</div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* (a customer's testimonials, signed but undated, stay the page's) */
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"s\" id=\"c%d\"><!-- %d --><p>%s</p>"
                       "<div>&mdash; Grace H., Ohio</div></div>",
                       12, "</div></body></html>")) == 0);
  CHECK(strstr(joined, REPLY1) != NULL);
  /* A paragraph about the site after the comments (less prose than the
   * article's) does not make them part of the page's run of content, */
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"e\"><div><a href=\"/u/%d\">Grace H.</a> "
                       "<span>%d days ago</span></div><div>%s</div></div>",
                       12,
                       "</div><div class=\"z\"><p>The Daily is an independent paper run by "
                       "a small team of reporters who live in the valley.</p></div>"
                       "</body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* but more of the page after the units than the headline's own prose
   * says they are a section of it (a landing page's dated testimonials). */
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"e\"><div><a href=\"/u/%d\">Grace H.</a> "
                       "<span>%d days ago</span></div><div>%s</div></div>",
                       12,
                       "</div><div class=\"z\"><h2>How it works</h2><p>" P3 "</p><p>" TENTS1
                       "</p></div></body></html>")) == 0);
  CHECK(strstr(joined, REPLY1) != NULL);
  /* A thread whose opening post is built like its replies keeps them. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>Will this method work?</title></head>"
                       "<body><div class=\"x\"><h1>Will this method work?</h1>"
                       "<div class=\"post\"><span>March 1, 2024</span><p>" OPENING "</p></div>"
                       "</div><div class=\"y\">",
                       "<div class=\"post\"><span>user%d, %d days ago</span><p>%s</p></div>", 12,
                       "</div></body></html>")) == 0);
  CHECK(strstr(joined, OPENING) != NULL && strstr(joined, REPLY1) != NULL);
}

#define FLOOD_H1 "<h1>River floods lower town</h1>"

static void test_voices_outside_article(void) {
  /* Customers' testimonials (a quote and its signature) and a "People also
   * ask" accordion (a question and its answer), neither dated nor under a
   * heading for comments, after an article that the page's markup sets
   * apart from them — an <article>, <main>, a named article body or a
   * <div> whose class is "post" (as a whole word) holding
   * the headline and its sentence or two, not the run — are not the
   * content, however much longer. */
  static const char *const wraps[] = {
      "<article class=\"a\">" FLOOD_H1 "%s</article>", "<main>" FLOOD_H1 "%s</main>",
      "<div class=\"x\">" FLOOD_H1 "<div itemprop=\"articleBody\">%s</div></div>",
      "<div class=\"post\">" FLOOD_H1 "%s</div>"};
  static const char *const units[] = {
      "<div class=\"t\"><!-- %d %d --><blockquote><p>%s</p></blockquote><cite>Jo</cite></div>",
      "<details><summary>Is it safe, note %d?</summary><!-- %d --><p>%s</p></details>"};
  static const char *const heads[] = {"<h2>What our clients say</h2>", "<h2>People also ask</h2>"};
  static const char *const mains[] = {"<p>" P1 "</p>", "<p>" P1 " " P2 "</p>"};
  static char page[16384], head[2048], body[1024];
  int fails = 0;
  for (size_t w = 0; w < 4; w++)
    for (size_t u = 0; u < 2; u++)
      for (size_t m = 0; m < 2; m++)
        for (int n = 6; n <= 20; n += 14) {
          snprintf(body, sizeof body, wraps[w], mains[m]);
          snprintf(head, sizeof head,
                   "<html lang=\"en\"><head><title>River floods lower town | Daily</title></head>"
                   "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>%s"
                   "<section class=\"s\">%s<div class=\"l\">",
                   body, heads[u]);
          if (run(with_units(page, sizeof page, head, units[u], n,
                             "</div></section><footer><p>&copy; 2024 The Daily</p></footer>"
                             "</body></html>")) != 0 ||
              strcmp(joined, m ? P1 " " P2 : P1) != 0) {
            fprintf(stderr, "wrap %zu unit %zu main %zu n %d: %.200s\n", w, u, m, n, joined);
            fails++;
          }
        }
  CHECK(fails == 0);
  /* A landing page's testimonials after its hero stay the page's: the
   * hero's <div> is no article, whatever words name it ("hero-content",
   * "entry-summary": not "post" or "entry" as a whole word). */
  static const char *const heroes[] = {"<div class=\"x\">", "<div class=\"hero-content\">",
                                       "<div class=\"summary entry-summary\">"};
  for (size_t h = 0; h < 3; h++) {
    snprintf(head, sizeof head,
             "<html lang=\"en\"><head><title>Flood repairs | Daily</title></head><body>%s"
             "<h1>Flood repairs</h1><p>" P1 "</p></div><section class=\"s\">%s<div class=\"l\">",
             heroes[h], heads[0]);
    CHECK(run(with_units(page, sizeof page, head, units[0], 6, "</div></section></body></html>")) ==
          0);
    CHECK(strstr(joined, REPLY1) != NULL);
  }
  /* Inside the <main> that holds the headline, they are its content too. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>Flood repairs | Daily</title></head>"
                       "<body><main><h1>Flood repairs</h1><p>" P1 "</p><section class=\"s\">"
                       "<h2>What our clients say</h2><div class=\"l\">",
                       units[0], 6, "</div></section></main></body></html>")) == 0);
  CHECK(strstr(joined, REPLY1) != NULL);
}

static void test_headline_below_h1(void) {
  /* A page without <h1> heads its article with an <h2> that the <title>
   * holds (with the site's name after it): that heading is the headline,
   * and the readers' comments after its article, or a list of other
   * stories, are not the content however much longer. */
  static char page[16384];
  const char *head = "<html lang=\"en\"><head><title>Will this method work? | Marketing "
                     "forum</title></head><body><div class=\"x\"><h2>Will this method "
                     "work?</h2><p>" P1 "</p><p>" P2 "</p></div><div class=\"y\">";
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"e\"><div><b>user%d</b> <span>%d days ago</span></div>"
                       "<p>%s</p></div>",
                       20, "</div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>River floods lower town - Daily"
                       "</title></head><body><div class=\"content\"><h2>River floods lower "
                       "town</h2><p>" P1 "</p><p>" P2 "</p></div><div class=\"more\"><h3>"
                       "Elsewhere</h3><ul>",
                       "<li><a href=\"/story/%d\">Another story from the city, number %d of "
                       "the day's news</a></li>",
                       60, "</ul></div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* A short heading the <title> holds is the site's name, not the
   * headline: the units stay (they are the page's, for all it says). */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>Will this method work? | Marketing "
                       "forum</title></head><body><div class=\"x\"><h2>Marketing</h2><p>" P1
                       "</p><p>" P2 "</p></div><div class=\"y\">",
                       "<div class=\"e\"><div><b>user%d</b> <span>%d days ago</span></div>"
                       "<p>%s</p></div>",
                       20, "</div></body></html>")) == 0);
  CHECK(strstr(joined, REPLY1) != NULL);
}

/* The shape of the pages most often missed whole: a short article (three
 * paragraphs) beside a long run of readers' comments that no class word
 * names, or beside a long list of links, in many builds. Each page of the
 * matrix must give the article alone: a held-out proxy for the rules of
 * replies.c, side_lists.c and listing.c, which must hold on builds they
 * were not written for. */
static void test_short_article_beside_long_run(void) {
  static char page[32768];
  /* The article: under an <h1> or, with no <h1>, an <h2> the <title>
   * holds; in an <article>, a <div>, or a <div> whose header holds the
   * headline and its date. */
  static const char *const articles[] = {
      "<article><h1>River floods lower town</h1><p>By Sam Reed, March 3, 2024</p><p>" P1
      "</p><p>" P2 "</p><p>" P3 "</p></article>",
      "<div class=\"a\"><h2>River floods lower town</h2><p>" P1 "</p><p>" P2 "</p><p>" P3
      "</p></div>",
      "<div class=\"a\"><div class=\"hd\"><h1>River floods lower town</h1><span>March 3, 2024"
      "</span></div><div class=\"bd\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div></div>"};
  /* A unit: %d %d %s (a number twice, then the comment). */
  static const char *const units[] = {
      "<div class=\"r\"><strong>user%d</strong> <span>%d days ago</span><p>%s</p></div>",
      "<li><div><img src=\"/a.png\" alt=\"\"><a href=\"/u/%d\">Grace H.</a> <small>March %d, "
      "2024</small></div><div><p>%s</p></div><a href=\"#r\">Reply</a></li>",
      "<div><h5>user%d</h5><span>%d hours ago</span><p>%s</p></div>",
      "<article class=\"note\"><header><b>user%d</b> wrote on <time>March %d</time>:</header>"
      "<p>%s</p></article>",
      "<div class=\"c\" id=\"c%d\"><!-- %d --><p>%s</p><div>&mdash; Grace H., 3 days ago</div>"
      "</div>",
      "<div class=\"c\"><div>Posted by <a href=\"/u/%d\">Grace Hopkins</a> on March %d, 2024 at "
      "10:02 am</div><div>%s</div></div>"};
  /* After the run: nothing, or a paragraph about the site. */
  static const char *const after[] = {
      "", "<div class=\"z\"><p>The Daily is an independent paper run by a small team of "
          "reporters who live in the valley.</p></div>"};
  int failed = 0;
  for (size_t a = 0; a < sizeof articles / sizeof *articles; a++)
    for (size_t u = 0; u < sizeof units / sizeof *units; u++)
      for (int n = 8; n <= 40; n += 32)
        for (size_t t = 0; t < sizeof after / sizeof *after; t++) {
          char head[1024], tail[512];
          snprintf(head, sizeof head,
                   "<html lang=\"en\"><head><title>River floods lower town | Daily</title></head>"
                   "<body>%s<div class=\"y\"><ul class=\"l\">",
                   articles[a]);
          snprintf(tail, sizeof tail, "</ul></div>%s</body></html>", after[t]);
          if (run(with_units(page, sizeof page, head, units[u], n, tail)) ||
              !strstr(joined, P1 " || " P2 " || " P3) || strstr(joined, REPLY2)) {
            fprintf(stderr, "article %zu, units %zu, %d of them, after %zu: %.200s\n", a, u, n, t,
                    joined);
            failed++;
          }
        }
  /* A list of 90 links (a headline each; a date too; or a teaser's
   * headline and line) after the article, before it (a column first in
   * the markup), with a heading of its own or none. */
  static const char *const links[] = {
      "<li><a href=\"/story/%d\">Another story from the city, number %d of the day's news</a>"
      "</li>",
      "<li><a href=\"/story/%d\">Another story from the city, number %d of the day's news</a> "
      "<span>March 3, 2024</span></li>",
      "<li><h3><a href=\"/story/%d\">Another story from the city, number %d</a></h3><p>The "
      "council met again and the mayor said more would follow.</p></li>"};
  static const char *const headings[] = {"", "<h2>More from the Daily</h2>"};
  for (size_t a = 0; a < sizeof articles / sizeof *articles; a++)
    for (size_t l = 0; l < sizeof links / sizeof *links; l++)
      for (size_t h = 0; h < sizeof headings / sizeof *headings; h++)
        for (int before = 0; before < 2; before++) {
          char head[1024], tail[1024];
          snprintf(head, sizeof head,
                   "<html lang=\"en\"><head><title>River floods lower town | Daily</title></head>"
                   "<body>%s<div class=\"more\">%s<ul>",
                   before ? "" : articles[a], headings[h]);
          snprintf(tail, sizeof tail, "</ul></div>%s</body></html>", before ? articles[a] : "");
          if (run(with_units(page, sizeof page, head, links[l], 90, tail)) ||
              !strstr(joined, P1 " || " P2 " || " P3) || strstr(joined, "Another story")) {
            fprintf(stderr, "article %zu, links %zu, heading %zu, before %d: %.200s\n", a, l, h,
                    before, joined);
            failed++;
          }
        }
  CHECK(failed == 0);
}

/* Runs the page head_fmt (a %s for each heading), then n units, then
 * tail, for each heading; returns how many lose the text kept or keep a
 * unit's (REPLY2). */
static int failures_under_headings(const char *const *headings, size_t nheadings,
                                   const char *head_fmt, const char *unit, int n, const char *tail,
                                   const char *kept) {
  static char page[32768];
  int failed = 0;
  for (size_t h = 0; h < nheadings; h++) {
    char head[1024];
    snprintf(head, sizeof head, head_fmt, headings[h]);
    if (run(with_units(page, sizeof page, head, unit, n, tail)) || !strstr(joined, kept) ||
        strstr(joined, REPLY2)) {
      fprintf(stderr, "heading %zu: %.200s\n", h, joined);
      failed++;
    }
  }
  return failed;
}

/* A product of one paragraph and, below it, readers' reviews that carry
 * no date: the heading names them, in one of several languages, and they
 * are set aside however much longer. */
static void test_reviews_beside_short_description(void) {
  static const char *const headings[] = {"Customer reviews", "Avalia\303\247\303\265es de clientes",
                                         "Opiniones",        "Bewertungen",
                                         "Avis clients",     "Recensioni",
                                         "Beoordelingen",    "Opinie klient\xC3\xB3w"};
  CHECK(failures_under_headings(
            headings, sizeof headings / sizeof *headings,
            "<html><head><title>Oak chair | Shop</title></head><body><div class=\"main\">"
            "<h1>Oak chair</h1><p>" P1 "</p></div><div class=\"s\"><h2>%s</h2><div class=\"l\">",
            "<div class=\"r\"><div><b>user%d</b></div><div>%d of 5 stars</div><p>%s</p></div>", 12,
            "</div></div></body></html>", P1) == 0);
}

/* A post of one paragraph, then a section of other posts in full under
 * a heading that names them, in one of several languages: the section is
 * no list of links, outweighs the post, and is set aside. */
static void test_related_posts_in_full(void) {
  static const char *const headings[] = {"Related posts",
                                         "You may also like",
                                         "Voc\xC3\xAA pode gostar...",
                                         "Art\303\255culos relacionados",
                                         "Das k\xC3\xB6nnte Sie auch interessieren",
                                         "Articles similaires",
                                         "Leggi anche",
                                         "Lees ook",
                                         "Czytaj te\xC5\xBC"};
  CHECK(failures_under_headings(
            headings, sizeof headings / sizeof *headings,
            "<html><head><title>River floods lower town | Daily</title></head><body>"
            "<div id=\"primary\"><article class=\"post\"><h1>River floods lower town</h1><p>" P1
            " " P2 "</p></article><section class=\"box\"><h3>%s</h3>",
            "<article class=\"post\"><a href=\"/p/%d\"><img src=\"/i%d.jpg\" alt=\"\"></a>"
            "<p>%s</p></article>",
            6, "</section></div></body></html>", P1 " " P2) == 0);
}

/* A post of one paragraph, then other items as cards (a link, a price, a
 * line of their own) under a heading that only has a word for related or
 * similar things, in one of several languages: no label the vocabulary
 * knows, no list of links, and more prose than the post. The cards are
 * set aside; an article's own section under "More details" is not. */
static void test_similar_items_beside_post(void) {
  static const char *const headings[] = {
      "Similar items",         "Customers also viewed",    "Recommended for you",
      "Produtos relacionados", "\xC3\x84hnliche Produkte", "Productos similares",
      "Prodotti correlati"};
  CHECK(failures_under_headings(
            headings, sizeof headings / sizeof *headings,
            "<html><head><title>Oak chair | Shop</title></head><body><div class=\"main\">"
            "<h1>Oak chair</h1><p>" P1 " " P2 "</p></div><section class=\"s\"><h2>%s</h2>"
            "<div class=\"grid\">",
            "<div class=\"card\"><a href=\"/p/%d\">Chair model %d</a><div>$19</div>"
            "<p>%s</p></div>",
            12, "</div></section></body></html>", P1 " " P2) == 0);
  static char page[32768];
  CHECK(
      run(with_units(page, sizeof page,
                     "<html><head><title>Oak chair | Shop</title></head><body><div class=\"main\">"
                     "<h1>Oak chair</h1><p>" P1 " " P2 "</p></div><section class=\"s\">"
                     "<h2>More details</h2><div class=\"grid\">",
                     "<div class=\"card\"><a href=\"/p/%d\">Chair model %d</a><div>$19</div>"
                     "<p>%s</p></div>",
                     12, "</div></section></body></html>")) == 0);
  CHECK(strstr(joined, REPLY2) != NULL);
}

/* A post of one sentence: a heading with a word for related or similar
 * things still sets the other posts aside ("Related posts", "Similar
 * items", "Artigos relacionados"); a bare label ("Latest") does not, as it
 * may head a listing's own records under their line of description. */
static void test_one_sentence_beside_related(void) {
  static const char *const headings[] = {"Related posts", "You may also like",
                                         "Artigos relacionados", "Similar items"};
  static const char *const head =
      "<html><head><title>River floods lower town | Daily</title></head><body>"
      "<div id=\"primary\"><article class=\"post\"><h1>River floods lower town</h1><p>" P1
      "</p></article><section class=\"box\"><h3>%s</h3>";
  static const char *const unit = "<article class=\"post\"><a href=\"/p/%d\"><img src=\"/i%d.jpg\" "
                                  "alt=\"\"></a><p>%s</p></article>";
  CHECK(failures_under_headings(headings, sizeof headings / sizeof *headings, head, unit, 6,
                                "</section></div></body></html>", P1) == 0);
  static char page[32768];
  char first[1024];
  snprintf(first, sizeof first, head, "Latest");
  CHECK(run(with_units(page, sizeof page, first, unit, 6, "</section></div></body></html>")) == 0);
  CHECK(strstr(joined, REPLY2) != NULL);
}

/* A page that only says it is missing (a soft 404: the site's template
 * over a dead link) has no main content; its title stays. A short note
 * that mentions something not found, and an article about a missing page,
 * keep their text. */
static void test_missing_page(void) {
  static const char *const pages[] = {
      "<html><head><title>Page not found | Daily</title></head><body><nav><a href=\"/\">Home"
      "</a></nav><main><h1>Page not found</h1><p>Sorry, the page you are looking for does not "
      "exist.</p><p><a href=\"/\">Go to the home page</a></p></main></body></html>",
      "<html><head><title>Daily</title></head><body><div class=\"content\"><h1>Oops! That page "
      "can\xE2\x80\x99t be found.</h1><p>It looks like nothing was found at this location. Maybe "
      "try a search?</p></div><footer><p>&copy; 2024 The Daily</p></footer></body></html>",
      "<html><head><title>404</title></head><body><p>The requested URL was not found on this "
      "server.</p></body></html>",
      "<html lang=\"de\"><head><title>Seite nicht gefunden</title></head><body><h1>Fehler 404"
      "</h1><p>Die Seite, die Sie suchen, existiert nicht.</p></body></html>"};
  for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
    CHECK(run(pages[i]) == 0);
    if (art.blocks != 0)
      fprintf(stderr, "missing page %zu: %s\n", i, joined);
    CHECK(art.blocks == 0);
  }
  CHECK(run("<html><head><title>Hiker safe | Daily</title></head><body><h1>Hiker safe</h1><p>The "
            "hiker who was not found on Sunday walked into town this morning.</p></body></html>") ==
        0);
  CHECK_STR(joined, "The hiker who was not found on Sunday walked into town this morning.");
  CHECK(run("<html><head><title>Why a page is not found | Daily</title></head><body><article>"
            "<h1>Why a page is not found</h1><p>" P1 "</p><p>" P2
            "</p></article></body></html>") == 0);
  CHECK_STR(joined, P1 " || " P2);
}

/* page = head, then 24 product cards (a link, a price, a line of facts),
 * then tail. */
static const char *with_cards(char *page, size_t cap, const char *head, const char *tail) {
  size_t len = (size_t)snprintf(page, cap, "%s", head);
  for (int i = 0; i < 24 && len < cap; i++)
    len += (size_t)snprintf(page + len, cap - len,
                            "<div class=\"card\"><a href=\"/p/%d\">Oak chair model %d</a>"
                            "<div>$%d</div><div>Solid oak, %d cm</div></div>",
                            i, i, 100 + i, 40 + i);
  if (len < cap)
    snprintf(page + len, cap - len, "%s", tail);
  return page;
}

static void test_listing_beside_headline(void) {
  /* A product's description under its headline, and after it a grid of
   * other products: the grid outweighs the description, but the prose
   * between the headline and the grid says the grid is a list beside the
   * content. */
#define TABLE1                                                                                     \
  "This side table is made by hand from one piece of solid walnut, oiled three times and "         \
  "finished with a hard wax that keeps water rings away."
#define TABLE2                                                                                     \
  "It stands 55 centimetres high, carries up to twenty kilograms, and ships flat in one box "      \
  "with the tools you need to put its three legs on."
  static char page[8192];
  CHECK(run(with_cards(page, sizeof page,
                       "<html lang=\"en\"><head><title>Walnut side table</title></head><body>"
                       "<main><h1>Walnut side table</h1><div class=\"description\"><p>" TABLE1
                       "</p><p>" TABLE2 "</p></div></main>"
                       "<section><h2>Customers also viewed</h2><div class=\"grid\">",
                       "</div></section></body></html>")) == 0);
  CHECK_STR(joined, TABLE1 " || " TABLE2);
  /* The same grid right under its headline is the page's content. */
  CHECK(run(with_cards(page, sizeof page,
                       "<html lang=\"en\"><head><title>Oak chairs</title></head><body>"
                       "<main><h1>Oak chairs</h1><p>All our chairs are made to order.</p></main>"
                       "<section><div class=\"grid\">",
                       "</div></section></body></html>")) == 0);
  CHECK(art.blocks == 72 && !strncmp(joined, "Oak chair model 0 || $100 || Solid oak, 40 cm", 45));
}

static void test_listing_under_its_question(void) {
  /* A question and its answers: the answers, records built alike with a
   * line of prose and a user card each, are taken for a listing; the
   * question between the headline and them is the page's as much as they
   * are, and the root grows to hold it (its container holds little else:
   * not the sidebar). */
  static char page[16384];
  CHECK(run(with_units(
            page, sizeof page,
            "<html lang=\"en\"><head><title>Will this method work? - Q&amp;A</title></head>"
            "<body><div id=\"content\"><div class=\"hdr\"><h1>Will this method work?</h1>"
            "</div><div id=\"main\"><div class=\"question\"><p>" OPENING "</p></div>"
            "<div id=\"answers\"><h2>10 Answers</h2>",
            "<div class=\"answer\"><div class=\"votes\">%d</div><div class=\"card\">answered "
            "by <a href=\"/u/%d\">a user</a> 1234 reputation 12 gold badges 40 silver badges "
            "61 bronze badges</div><p>%s</p><div>Share Improve this answer Follow</div></div>",
            10,
            "</div></div><div class=\"sidebar\"><h3>Linked</h3><ul><li><a href=\"/q/2\">How "
            "to start with affiliate ads</a></li></ul></div></div></body></html>")) == 0);
  CHECK(!strncmp(joined, OPENING " || ", strlen(OPENING " || ")));
  CHECK(strstr(joined, REPLY1) != NULL && strstr(joined, REPLY7) != NULL);
  CHECK(strstr(joined, "How to start") == NULL);
  /* Answers of prose alone outweigh the question many times over and
   * hold the root; the page declares itself a question and its answers
   * (schema.org QAPage), so the question between the headline and them
   * is the page's too. */
  CHECK(run(with_units(
            page, sizeof page,
            "<html lang=\"en\"><head><title>Will this method work? - Q&amp;A</title>"
            "<script type=\"application/ld+json\">{\"@type\": \"QAPage\"}</script></head>"
            "<body><div id=\"content\"><div class=\"hdr\"><h1>Will this method work?</h1>"
            "</div><div id=\"main\"><div class=\"question\"><p>" OPENING "</p></div>"
            "<div id=\"answers\">",
            "<div class=\"answer\"><div class=\"votes\">%d</div><!-- %d --><p>%s</p></div>", 24,
            "</div></div><div class=\"sidebar\"><h3>Linked</h3><ul><li><a href=\"/q/2\">How "
            "to start with affiliate ads</a></li></ul></div></div></body></html>")) == 0);
  CHECK(!strncmp(joined, OPENING " || ", strlen(OPENING " || ")));
  CHECK(strstr(joined, REPLY1) != NULL && strstr(joined, REPLY7) != NULL);
}

static void test_listing_records_with_boilerplate_names(void) {
  /* A shop's grid whose every card carries a boilerplate word (products
   * one can subscribe to: "subscription-eligible"): the name is the
   * records', and the cards are the page's content. A share bar in each
   * card is still left out: it holds little of the listing's text. */
  static char page[16384];
  size_t len = (size_t)snprintf(page, sizeof page,
                                "<html lang=\"en\"><head><title>Coffee</title></head><body>"
                                "<main><h1>Coffee</h1><ul class=\"grid\">");
  for (int i = 0; i < 12 && len < sizeof page; i++)
    len += (size_t)snprintf(page + len, sizeof page - len,
                            "<li class=\"grid-item\"><div class=\"card subscription-eligible\">"
                            "<h3><a href=\"/p/%d\">Dark roast blend number %d</a></h3>"
                            "<div>$%d.99</div><div>Whole bean, 450 g bag</div>"
                            "<div class=\"share-bar\"><a href=\"/s/%d\">Share</a></div></div></li>",
                            i, i, 15 + i, i);
  if (len < sizeof page)
    snprintf(page + len, sizeof page - len, "</ul></main></body></html>");
  CHECK(run(page) == 0);
  CHECK(strstr(joined, "Dark roast blend number 0 || $15.99 || Whole bean, 450 g bag") != NULL);
  CHECK(strstr(joined, "Dark roast blend number 11") != NULL);
  CHECK(strstr(joined, "Share") == NULL);
}

static void test_grid_values_and_controls(void) {
  /* A shop's grid: each card's price is content, the same price in four
   * cards as much as a price of its own (the repeats' rule kept the first
   * copy alone); the button in every card ("Add to cart") and the
   * quantity's label are the template's controls, but a button of one
   * card's own (a size to choose) is a value. */
  static char page[16384];
  size_t len = (size_t)snprintf(page, sizeof page,
                                "<html lang=\"en\"><head><title>Tea</title></head><body>"
                                "<main><h1>Tea</h1><ul class=\"grid\">");
  for (int i = 0; i < 12 && len < sizeof page; i++)
    len += (size_t)snprintf(
        page + len, sizeof page - len,
        "<li class=\"card\"><h3><a href=\"/p/%d\">Green tea number %d</a></h3>"
        "<div class=\"price\">$%d.99</div>%s"
        "<label for=\"q%d\">Qty:</label><input id=\"q%d\" value=\"1\">"
        "<button type=\"button\">Add to cart</button></li>",
        i, i, i % 3 == 0 ? 19 : 20 + i,
        i == 5 ? "<div><button type=\"button\">Tin of 250 g</button></div>" : "", i, i);
  if (len < sizeof page)
    snprintf(page + len, sizeof page - len, "</ul></main></body></html>");
  CHECK(run(page) == 0);
  int copies = 0;
  for (const char *p = joined; (p = strstr(p, "$19.99")) != NULL; p++)
    copies++;
  CHECK(copies == 4);
  CHECK(strstr(joined, "$31.99") != NULL);
  CHECK(strstr(joined, "Tin of 250 g") != NULL);
  CHECK(strstr(joined, "Add to cart") == NULL);
  CHECK(strstr(joined, "Qty:") == NULL);
}

static void test_link_list_beside_headline(void) {
  /* A short article, and beside it a list of other stories under a
   * heading of its own: headline links (or teasers: a headline and a
   * line). The list outweighs the article as a listing, but its text
   * stands for other pages, and the headline has its prose (two
   * sentences: a listing's headline has a line of description). */
  static char page[16384];
  const char *link = "<li><a href=\"/story/%d\">Another story from the city, number %d of the "
                     "day's news</a></li>";
  const char *head =
      "<html lang=\"en\"><head><title>River floods lower town | Daily</title></head>"
      "<body><div id=\"wrap\"><div class=\"content\"><h1>River floods lower "
      "town</h1><p>" P1 "</p><p>" P2 "</p></div><div class=\"more\"><h2>More news</h2><ul>";
  const char *tail = "</ul></div></div></body></html>";
  CHECK(run(with_units(page, sizeof page, head, link, 60, tail)) == 0);
  CHECK_STR(joined, P1 " || " P2);
  CHECK(run(with_units(page, sizeof page, head,
                       "<li><h3><a href=\"/story/%d\">Another story from the city, number "
                       "%d</a></h3><p>The council met again on the matter and the mayor said "
                       "more would follow.</p></li>",
                       20, tail)) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* In the article's own container, under a heading that names it. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>River floods lower town</title></head>"
                       "<body><div class=\"post\"><h1>River floods lower town</h1><p>" P1
                       "</p><p>" P2 "</p><h3>Related stories</h3><ul>",
                       link, 60, "</ul></div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2);
  /* Under a headline that is a banner's slogan, not the page's title, the
   * list is the page's listing. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>City news</title></head><body><div "
                       "id=\"wrap\"><div class=\"content\"><h1>Read all about it</h1><p>" P1
                       "</p></div><div class=\"more\"><h2>City news</h2><ul>",
                       link, 40, tail)) == 0);
  CHECK(strstr(joined, "Another story from the city, number 39 of the day's news") != NULL);
  /* Without a heading of its own, after an article of three sentences or
   * more in its own container, or before it (a column first in the
   * markup), the list is the page's way elsewhere. */
  const char *bare = "<html lang=\"en\"><head><title>River floods lower town</title></head>"
                     "<body><div id=\"wrap\"><div class=\"content\"><h1>River floods lower "
                     "town</h1><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div><div><ul>";
  CHECK(run(with_units(page, sizeof page, bare, link, 90, tail)) == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>River floods lower town</title></head>"
                       "<body><div id=\"wrap\"><div><ul>",
                       link, 90,
                       "</ul></div><div class=\"content\"><h1>River floods lower town</h1><p>" P1
                       "</p><p>" P2 "</p><p>" P3 "</p></div></div></body></html>")) == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
  /* Under a headline with a line or two of description, the same list is
   * the page's listing. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>River floods lower town</title></head>"
                       "<body><div id=\"wrap\"><div class=\"content\"><h1>River floods lower "
                       "town</h1><p>" P1 "</p><p>" P2 "</p></div><div><ul>",
                       link, 90, tail)) == 0);
  CHECK(strstr(joined, "Another story from the city, number 89 of the day's news") != NULL);
  /* So is it under an introduction of one paragraph, however many its
   * sentences: a category's description. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>River floods lower town</title></head>"
                       "<body><div id=\"wrap\"><div class=\"content\"><h1>River floods lower "
                       "town</h1><p>" P1 " " P2 " " P3 "</p></div><div><ul>",
                       link, 90, tail)) == 0);
  CHECK(strstr(joined, "Another story from the city, number 89 of the day's news") != NULL);
  /* Its first paragraph of three sentences, and a second one after it. */
  CHECK(run(with_units(page, sizeof page,
                       "<html lang=\"en\"><head><title>River floods lower town</title></head>"
                       "<body><div id=\"wrap\"><div class=\"content\"><h1>River floods lower "
                       "town</h1><p>" P1 " " P2 " " P3 "</p><p>" TENTS1 "</p></div><div><ul>",
                       link, 90, tail)) == 0);
  CHECK_STR(joined, P1 " " P2 " " P3 " || " TENTS1);
  /* An article of three paragraphs is one whatever its headline: the
   * <title> may word it otherwise. */
  CHECK(
      run(with_units(page, sizeof page,
                     "<html lang=\"en\"><head><title>Homes flooded as the river rises | Daily"
                     "</title></head><body><div id=\"wrap\"><div class=\"content\"><h1>River "
                     "floods lower town</h1><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div><div><ul>",
                     link, 90, tail)) == 0);
  /* (The headline stays: the title, the <title>'s, does not repeat it.) */
  CHECK_STR(joined, "River floods lower town || " P1 " || " P2 " || " P3);
}

static void test_paragraph_and_its_list(void) {
  /* One paragraph and the short list it introduces, beside a menu: the
   * list's items (no links, no sentences) are the paragraph's, and so is
   * the page's note after them. */
  const char *page = "<html><head><title>Smartphone basics</title></head><body>"
                     "<ul class=\"nav\"><li><a href=\"/\">Home</a></li>"
                     "<li><a href=\"/courses\">Courses</a></li></ul>"
                     "<div class=\"course\"><h1>Smartphone basics</h1>"
                     "<div><p>This free course teaches what a smartphone is and how to use "
                     "one, step by step, for people who have never owned one.</p>"
                     "<ul><li>Making calls</li><li>Sending messages</li><li>Taking photos</li></ul>"
                     "</div></div>"
                     "<footer><a href=\"/privacy\">Privacy</a></footer></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, "This free course teaches what a smartphone is and how to use one, step by "
                    "step, for people who have never owned one. || Making calls || Sending "
                    "messages || Taking photos");
}

static void test_excerpt_teasers(void) {
  /* A ticker of other stories above the article, each a headline link and
   * an excerpt cut short, in the article's column: teasers, left out. */
  const char *page =
      "<html><head><title>Floods hit the lower town</title></head><body><div class=\"col\">"
      "<ul><li><a href=\"/a\">Council approves the new bridge budget</a> RIVERTON: The council "
      "voted on Monday to approve the budget for a new bridge, which the mayor...</li>"
      "<li><a href=\"/b\">School term to start a week later</a> RIVERTON: Pupils will return "
      "to school a week later than planned after the summer repairs at...</li>"
      "<li><a href=\"/c\">Market square reopens after works</a> RIVERTON: The market square "
      "reopened on Saturday after eight months of works that left traders\xE2\x80\xA6</li></ul>"
      "<h1>Floods hit the lower town</h1><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div>"
      "</body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
}

/* A figure's alt and caption are trimmed of Unicode spaces too (NBSP,
 * U+202F), and the spaces inside them collapsed, as metadata fields are. */
static void test_figure_spaces(void) {
  const char *page = "<html><body><article><h1>Floods</h1><p>" P1 "</p>"
                     "<figure><img src=\"/boats.jpg\" alt=\"\u00a0Boats on\u00a0Mill "
                     "Street.\u202f\u202f\u00a0\u00a0\">"
                     "<figcaption>Boats on Mill Street.\u202f\u00a0</figcaption></figure>"
                     "<p>" P2 "</p></article></body></html>";
  CHECK(run(page) == 0);
  CHECK(art.meta.nimages == 1);
  if (art.meta.images) {
    CHECK_STR(art.meta.images->alt, "Boats on Mill Street.");
    CHECK_STR(art.meta.images->caption, "Boats on Mill Street.");
  }
}

static void test_caption_by_name(void) {
  /* A photo's caption in an element named "caption" (no <figcaption>),
   * long enough to pass for a paragraph: about the photo, not the text. */
  const char *page =
      "<html><head><title>Floods hit the lower town</title></head><body><article>"
      "<h1>Floods hit the lower town</h1><p>" P1 "</p>"
      "<div class=\"media\"><img src=\"/boats.jpg\" alt=\"\">"
      "<div class=\"caption-full\">Firefighters in a boat on Mill Street, in the lower "
      "town, on Monday morning, after the river rose overnight.</div></div>"
      "<p>" P2 "</p><p>" P3 "</p></article></body></html>";
  CHECK(run(page) == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
}

static void test_title(void) {
  /* The headline is the h1 when the <title> holds it; it is not repeated in
   * the body. */
  CHECK(run("<html><head><title>Floods hit the lower town - Valley News</title></head><body>"
            "<article><h1>Floods hit the lower town</h1><p>" P1
            "</p></article></body></html>") == 0);
  CHECK_STR(art.title, "Floods hit the lower town");
  CHECK_STR(joined, P1);
  /* No h1: the <title>, white space collapsed. */
  CHECK(run("<html><head><title>\n  Floods   hit\tthe town \n</title></head><body>"
            "<article><p>" P1 "</p></article></body></html>") == 0);
  CHECK_STR(art.title, "Floods hit the town");
}

static void test_footer_of_testimonials(void) {
  /* A shop's <footer> of customers' testimonials (a carousel that repeats
   * them) can hold half the page's text beside a product's one paragraph:
   * a weak "footer" in its class does not make the tag a layout. */
  static char page[16384];
  static const char *const classes[] = {"", " class=\"site-footer\"",
                                        " class=\"elementor elementor-location-footer\""};
  int failed = 0;
  for (size_t c = 0; c < sizeof classes / sizeof *classes; c++)
    for (int n = 4; n <= 12; n += 8) {
      size_t len = (size_t)snprintf(
          page, sizeof page,
          "<html lang=\"en\"><head><title>Iris Hemp Dress | Shop</title></head><body>"
          "<nav><a href=\"/\">Home</a> <a href=\"/dresses\">Dresses</a></nav><div "
          "class=\"product\"><h1>Iris Hemp Dress</h1><p>$120</p><p>" P1 "</p><ul><li>Materials: "
          "100%% hemp</li><li>Care: dry clean only</li></ul></div><footer%s><h2>What our "
          "clients say</h2>",
          classes[c]);
      for (int i = 0; i < n && len < sizeof page; i++)
        len += (size_t)snprintf(page + len, sizeof page - len,
                                "<div class=\"t\"><p>I bought a dress here for the %d time and it "
                                "was lovely, well made and sent on time. Thank you all!</p><b>Ana "
                                "%d</b></div>",
                                i + 2, i);
      if (len < sizeof page)
        snprintf(page + len, sizeof page - len, "<p>&copy; 2024 Shop</p></footer></body></html>");
      if (run(page) || !strstr(joined, P1) || strstr(joined, "I bought a dress")) {
        fprintf(stderr, "class %zu, %d testimonials: %.200s\n", c, n, joined);
        failed++;
      }
    }
  CHECK(failed == 0);
}

static void test_content_after_body_closed(void) {
  /* A stray </body></html> mid-page: the parser puts the rest beside the
   * body, and the article is there. */
  CHECK(run("<html><head><title>Floods</title></head><body>"
            "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></body></html>"
            "<div class=\"post\"><p>" P1 "</p><p>" P2 "</p></div></body></html>") == 0);
  CHECK_STR(joined, P1 " || " P2);
}

static void test_overlay_left_out(void) {
  /* A modal's long terms of service, with its own <h1>, are not the page. */
  CHECK(run("<html><head><title>Floods</title></head><body><main><p>" P1 "</p><p>" P2 "</p><p>" P3
            "</p></main>"
            "<div id=\"modal-terms\"><h1>Terms</h1><p>" P2 " " P3 "</p><p>" P3 " " P2
            "</p></div></body></html>") == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
}

static void test_state_words(void) {
  /* "node--promoted" marks a story for the front page: not a promotion box. */
  CHECK(run("<html><head><title>Floods</title></head><body><div class=\"node node--promoted\">"
            "<p>" P1 "</p><p>" P2 "</p></div><div class=\"promo-box\"><p>" P3
            "</p></div></body></html>") == 0);
  CHECK_STR(joined, P1 " || " P2);
}

static void test_panels_and_popovers(void) {
  /* An accordion's closed panel is content; a popover's text is not. */
  CHECK(run("<html><head><title>Floods</title></head><body><article><p>" P1 "</p>"
            "<button id=\"q1\">What happened on Tuesday?</button>"
            "<div role=\"region\" aria-labelledby=\"q1\" style=\"display:none\"><p>" P3
            "</p></div></article><div popover id=\"notify\"><p>" P2 "</p><p>" P2 " " P2
            "</p></div></body></html>") == 0);
  CHECK_STR(joined, P1 " || What happened on Tuesday? || " P3);
  /* A panel that names nothing, hidden by its class or its style, after
   * the control that says it opens it (aria-expanded, on the control or a
   * button in it); a tooltip after a plain button stays hidden. */
  CHECK(run("<html><head><title>Floods</title></head><body><article><p>" P1 "</p>"
            "<h3><button aria-expanded=\"false\">What happened on Tuesday?</button></h3>"
            "<div class=\"answer hidden\"><p>" P3 "</p></div>"
            "<button aria-expanded=\"false\">And then?</button>"
            "<div style=\"display:none\"><p>" P2 "</p></div>"
            "<p>The town's roads reopened on Friday.<button>?</button><span class=\"hidden\">A "
            "note on how the council counts its roads, shown on hover.</span></p>"
            "</article></body></html>") == 0);
  CHECK_STR(joined, P1 " || What happened on Tuesday? || " P3 " || And then? || " P2
                       " || The town's roads reopened on Friday.?");
  /* A button around a heading is an accordion's question: it and the
   * panel after it are content. */
  CHECK(run("<html><head><title>Floods</title></head><body><article><p>" P1 "</p>"
            "<div><button type=\"button\"><h5>What happened on Tuesday?</h5></button>"
            "<div class=\"text-sm hidden\"><p>" P3 "</p></div></div>"
            "<div><button type=\"button\"><h5>And then?</h5></button>"
            "<div class=\"text-sm hidden\"><p>" P2
            "</p></div></div></article></body></html>") == 0);
  CHECK_STR(joined, P1 " || What happened on Tuesday? || " P3 " || And then? || " P2);
}

static void test_table_of_contents(void) {
  /* A list of links to the page's own sections repeats its headings. */
  CHECK(run("<html><head><title>Floods</title></head><body><article><h1>Floods</h1>"
            "<ul><li><a href=\"#night\">Sunday night</a></li><li><a href=\"#after\">After "
            "the water</a></li></ul><h2 id=\"night\">Sunday night</h2><p>" P1 "</p>"
            "<h2 id=\"after\">After the water</h2><p>" P2 "</p></article></body></html>") == 0);
  CHECK_STR(joined, "Sunday night || " P1 " || After the water || " P2);
}

static void test_link_base(void) {
  /* Without an address given, links resolve against the page's own: its
   * <base href> first, else its canonical address. */
  const char *page = "<html><head><title>Floods</title>%s<link rel=\"canonical\" "
                     "href=\"https://news.example/town/floods.html\"></head><body><article><p>" P1
                     " See <a href=\"../maps/river.html\">the map</a>.</p></article></body></html>";
  char html[2048];
  const char *wants[] = {"https://news.example/maps/river.html",
                         "https://cdn.example/maps/river.html"};
  const char *bases[] = {"", "<base href=\"https://cdn.example/a/\">"};
  for (int i = 0; i < 2; i++) {
    snprintf(html, sizeof html, page, bases[i]);
    CHECK(run(html) == 0);
    const art_run *r = art.first && art.first->runs ? art.first->runs->next : NULL;
    CHECK(r && r->href);
    if (r && r->href)
      CHECK_STR(r->href, wants[i]);
  }
}

/* The tree: a node's kind and its children's kinds, as "list(item(block))". */
static void shape(const art_node *n, char *out, size_t cap) {
  static const char *const names[] = {"root",  "block", "list",   "item",
                                      "table", "quote", "figure", "hr"};
  size_t len = strlen(out);
  snprintf(out + len, cap - len, "%s", names[n->kind]);
  if (!n->first)
    return;
  len = strlen(out);
  snprintf(out + len, cap - len, "(");
  for (const art_node *c = n->first; c; c = c->next) {
    if (c != n->first) {
      len = strlen(out);
      snprintf(out + len, cap - len, ",");
    }
    shape(c, out, cap);
  }
  len = strlen(out);
  snprintf(out + len, cap - len, ")");
}

static void test_tree(void) {
  const char *page =
      "<html><head><title>Floods</title></head><body><article><h1>Floods</h1>"
      "<p>" P1 " See <a href=\"../maps/river.html\">the <em>flood</em> map</a>.</p>"
      "<ul><li>Lower town<ul><li>Mill Street</li><li>Quay</li></ul></li><li>Bridge road</li></ul>"
      "<ol start=\"4\"><li>" P2 "</li></ol>"
      "<table><tr><th>Street</th><th>Homes</th><th>Days</th></tr>"
      "<tr><td>Mill Street</td><td colspan=\"2\">twelve, for three days</td></tr></table>"
      "<blockquote><p>" P3 "</p></blockquote>"
      "<pre><code class=\"language-sh\">make flood-map</code></pre><hr><p>" P1 " again.</p>"
      "</article></body></html>";
  CHECK(run(page) == 0);
  char got[512] = "";
  shape(&art.body, got, sizeof got);
  CHECK_STR(got, "root(block,list(item(block,list(item(block),item(block))),item(block)),"
                 "list(item(block)),table(block,block),quote(block),block,hr,block)");
  /* Inline runs: the link resolved (no page address: kept relative), the
   * emphasis inside it. */
  const article_block *p = block(0);
  CHECK(p && p->runs);
  const art_run *r = p && p->runs ? p->runs->next : NULL;
  CHECK(r && r->kind == RUN_TEXT && r->href && !strcmp(r->href, "../maps/river.html") &&
        r->len == 4 && !strncmp(r->text, "the ", 4) && r->style == 0);
  r = r ? r->next : NULL;
  CHECK(r && r->style == STYLE_EM && r->href && r->len == 5);
  const art_node *ol = art.body.first->next->next;
  CHECK(ol->kind == NODE_LIST && ol->ordered && ol->start == 4);
  /* Table cells: a header row, a colspan followed by its placeholder. */
  const art_node *table = ol->next;
  const article_block *head = table->first->block, *row = table->first->next->block;
  CHECK(head->header && !row->header);
  const art_cell *c = row->cells;
  CHECK(c && c->len == 11 && !strncmp(c->text, "Mill Street", 11) && c->colspan == 1);
  c = c ? c->next : NULL;
  CHECK(c && c->colspan == 2 && !c->spanned && !strncmp(c->text, "twelve", 6));
  c = c ? c->next : NULL;
  CHECK(c && c->spanned && c->len == 0 && !c->next);
  const art_node *code = table->next->next;
  CHECK(code->kind == NODE_BLOCK && code->block->kind == BLOCK_CODE);
  CHECK_STR(code->block->language, "sh");
}

static void test_labels_beside_posts(void) {
  /* A thread whose every post carries its author's card: "Joined" and
   * "Posts", each before that author's own date and count, with the
   * posts' prose between the cards. The labels are the template's, not
   * the thread's words: every copy goes, the values and the posts stay. */
  static char page[16384];
  const char *head =
      "<html lang=\"en\"><head><title>Will this method work?</title></head><body>"
      "<main><h1>Will this method work?</h1><div class=\"thread\"><p>" OPENING "</p>";
  CHECK(run(with_units(page, sizeof page, head,
                       "<div class=\"post\"><div class=\"card\"><dl><dt>Joined</dt>"
                       "<dd>Mar %d, 2019</dd><dt>Posts</dt><dd>%d41</dd></dl></div>"
                       "<div class=\"body\"><p>%s</p></div></div>",
                       5, "</div></main></body></html>")) == 0);
  CHECK(strstr(joined, REPLY1) != NULL && strstr(joined, REPLY5) != NULL);
  CHECK(strstr(joined, "Mar 3, 2019") != NULL);
  CHECK(strstr(joined, "Joined") == NULL);
  CHECK(strstr(joined, "Posts") == NULL);

  /* A comparison's labels, one card per product with no prose between
   * the cards, are what the reader compares: they stay (once, as every
   * repeat). */
  CHECK(run("<html lang=\"en\"><head><title>Wallets</title></head><body><main>"
            "<h1>Wallets</h1><p>" P1 "</p><p>" P2 "</p>"
            "<div><p>Material</p><p>Aluminium</p><p>Weight</p><p>60 g</p></div>"
            "<div><p>Material</p><p>Titanium</p><p>Weight</p><p>45 g</p></div>"
            "<div><p>Material</p><p>Carbon fibre</p><p>Weight</p><p>30 g</p></div>"
            "<p>" P3 "</p></main></body></html>") == 0);
  CHECK(strstr(joined, "Material || Aluminium || Weight || 60 g") != NULL);
}

static void test_signup_box(void) {
  /* A box in the article's middle with an e-mail field is a signup form
   * and its pitch, though no class word names it. */
  CHECK(run("<html lang=\"en\"><head><title>Flood</title></head><body><main><h1>Flood</h1>"
            "<p>" P1 "</p><div class=\"box\"><h3>Join us</h3><p>The week's best stories, "
            "every Friday.</p><form><input type=\"EMAIL\" name=\"e\"><button>Go</button></form>"
            "</div><p>" P2 "</p><p>" P3 "</p></main></body></html>") == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
  /* A mailing-list service's form: a text field named for the address. */
  CHECK(run("<html lang=\"en\"><head><title>Flood</title></head><body><main><h1>Flood</h1>"
            "<p>" P1 "</p><p>" P2 "</p><div><p>Get our alerts by e-mail.</p><form>"
            "<input type=\"text\" name=\"EMAIL\"><input type=\"submit\"></form></div>"
            "<p>" P3 "</p></main></body></html>") == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
  /* A form of several fields to fill in is a contact form, part of the
   * page; a field in a hidden popup marks nothing around the popup. */
  CHECK(run("<html lang=\"en\"><head><title>Flood</title></head><body><main><h1>Flood</h1>"
            "<p>" P1 "</p><div class=\"box\"><h3>Ask us</h3><p>We answer within a day.</p>"
            "<form><input name=\"n\"><input type=\"email\"><textarea></textarea></form>"
            "</div><div class=\"card\"><p>Feeder, 199 euros</p><div hidden><p>Notify me</p>"
            "<input type=\"email\"></div></div><p>" P2 "</p><p>" P3
            "</p></main></body></html>") == 0);
  CHECK(strstr(joined, "We answer within a day.") != NULL);
  CHECK(strstr(joined, "Feeder, 199 euros") != NULL);
}

#define SHIPPING                                                                                   \
  "Orders placed before noon leave our workshop the same day, and returns are free for thirty "    \
  "days after delivery."

static void test_read_more_text(void) {
  /* A product's description cut short behind a "read more" toggle: the
   * element that a "read-more" name marks holds the text itself, which
   * is the page's; the "Read more" link beside an article is not. */
  CHECK(run("<html lang=\"en\"><head><title>Stoneware mug</title></head><body><main>"
            "<h1>Stoneware mug</h1><div class=\"price\">Price: 60 euros</div>"
            "<h2>Item details</h2><p>" P3 "</p><div id=\"details-read-more\" "
            "class=\"toggle\"><p>" P1 "</p><p>" P2 "</p></div><a href=\"#\">Read more</a>"
            "<h2>Shipping</h2><p>" SHIPPING "</p></main></body></html>") == 0);
  CHECK_STR(joined,
            "Item details || " P3 " || " P1 " || " P2 " || Read more || Shipping || " SHIPPING);
  CHECK(run("<html lang=\"en\"><head><title>Floods</title></head><body><main>"
            "<h1>Floods</h1><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p>"
            "<p class=\"read-more\"><a href=\"/next\">Read more about the storm</a></p>"
            "</main></body></html>") == 0);
  CHECK_STR(joined, P1 " || " P2 " || " P3);
}

static void test_screen_reader_words(void) {
  /* Prices a screen reader is told in words while the struck-out and the
   * new price are hidden from it: the words are shown. Not the words for
   * an icon, nor for a filter's label. */
  CHECK(run("<html lang=\"en\"><head><title>Stoneware mug</title></head><body><main>"
            "<h1>Stoneware mug</h1><p>" P1 "</p><p class=\"price\"><del aria-hidden=\"true\">"
            "$30.00</del> <span class=\"screen-reader-text\">Original price was: $30.00.</span>"
            "<ins aria-hidden=\"true\">$21.00</ins><span class=\"screen-reader-text\">Current "
            "price is: $21.00.</span></p><p>" P2 "</p><p><span aria-hidden=\"true\">x</span>"
            "<span class=\"sr-only\">Close the picture</span> <label><span aria-hidden=\"true\">"
            "Cups (4)</span><span class=\"sr-only\">Cups (4 products)</span></label></p>"
            "<p>" P3 "</p></main></body></html>") == 0);
  CHECK_STR(joined, P1 " || Original price was: $30.00.Current price is: $21.00. || " P2 " || " P3);
}

static void test_link_hidden_from_readers(void) {
  /* A topic page's cards: each headline links to its story, and so does
   * the line of description under it, hidden from screen readers
   * (aria-hidden) as a second way to the same page. Every other reader
   * sees the description, and it is the card's. */
  static char page[8192];
  size_t len = (size_t)snprintf(page, sizeof page,
                                "<html lang=\"en\"><head><title>Headphones</title></head><body>"
                                "<main><h1>Headphones</h1><div class=\"river\">");
  for (int i = 1; i <= 4; i++)
    len += (size_t)snprintf(
        page + len, sizeof page - len,
        "<div class=\"story\"><h2><a href=\"/s%d\">Story number %d about new headphones</a>"
        "</h2><p><a href=\"/s%d\" aria-hidden=\"true\" tabindex=\"-1\">Description %d: the "
        "maker adds colours, a longer battery and a case that folds flat.</a></p></div>",
        i, i, i, i);
  snprintf(page + len, sizeof page - len, "</div></main></body></html>");
  CHECK(run(page) == 0);
  CHECK(strstr(joined, "Story number 1 about new headphones") != NULL);
  CHECK(strstr(joined, "Description 1: the maker adds colours") != NULL);
  CHECK(strstr(joined, "Description 4: the maker adds colours") != NULL);
}

/* visible_chars: characters above the space, U+00A0 (C2 A0) as a space;
 * a C2 that no A0 follows is a character's lead byte. */
static void test_visible_chars(void) {
  CHECK(visible_chars("", 0) == 0);
  CHECK(visible_chars(" a\tb\n", 5) == 2);
  CHECK(visible_chars("caf\xC3\xA9", 5) == 4);
  CHECK(visible_chars("a\xC2\xA0"
                      "b",
                      4) == 2);
  CHECK(visible_chars("\xC2\xC2\xA0", 3) == 1);
  CHECK(visible_chars("\xC2\xA0\xC2\xA0", 4) == 0);
  CHECK(visible_chars("a\xC2", 2) == 2);        /* cut before its A0 */
  CHECK(visible_chars("a\xC2\xA0", 2) == 2);    /* the A0 is past len */
  CHECK(visible_chars("\x01\x1F\x7F", 3) == 1); /* controls are no characters */
}

int main(void) {
  arena_init(&mem);
  test_boilerplate_inside_article();
  test_comments_left_out();
  test_duplicates_once();
  test_navigation_only();
  test_block_kinds();
  test_whitespace_and_inline();
  test_highlighted_code();
  test_heading_permalinks();
  test_short_cjk_sentences();
  test_short_sentences();
  test_plain_page_in_body();
  test_headed_note();
  test_sole_passage();
  test_sentences_of_chrome();
  test_hidden_and_scripts();
  test_split_article();
  test_short_article();
  test_names_list_beside_article();
  test_thread_built_like_replies();
  test_short_article_long_comments();
  test_unnamed_comments();
  test_voices_outside_article();
  test_one_line_article_named_comments();
  test_short_article_beside_long_run();
  test_reviews_beside_short_description();
  test_related_posts_in_full();
  test_similar_items_beside_post();
  test_one_sentence_beside_related();
  test_missing_page();
  test_headline_below_h1();
  test_listing_beside_headline();
  test_link_list_beside_headline();
  test_listing_records_with_boilerplate_names();
  test_grid_values_and_controls();
  test_listing_under_its_question();
  test_paragraph_and_its_list();
  test_excerpt_teasers();
  test_caption_by_name();
  test_figure_spaces();
  test_title();
  test_content_after_body_closed();
  test_footer_of_testimonials();
  test_tree();
  test_overlay_left_out();
  test_state_words();
  test_panels_and_popovers();
  test_table_of_contents();
  test_link_base();
  test_labels_beside_posts();
  test_signup_box();
  test_read_more_text();
  test_screen_reader_words();
  test_link_hidden_from_readers();
  test_visible_chars();
  arena_free(&mem);
  return check_done();
}
