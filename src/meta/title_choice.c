/* What the title is chosen from: the page's <title>, og:title, the
 * JSON-LD headline, its <h1>s and the names the site goes by, gathered
 * for title_choose (meta/title.c). */
#include "meta/page.h"

#include <stdio.h>
#include <string.h>

#include "meta/mstr.h"
#include "util/buf.h"

static const char *doc_title(mctx *x) {
  if (!x->doc->title)
    return NULL;
  buf b;
  buf_init(&b);
  for (const dom_node *c = x->doc->title->first; c && b.len < 4096; c = c->next)
    if (c->tag == TAG_TEXT)
      buf_append(&b, c->text, c->text_len);
  const char *t = b.data ? mstr_clean(x->tmp, b.data, b.len, MAX_TEXT) : NULL;
  buf_free(&b);
  return t;
}

/* A heading's words as readers see them: mstr_node_text without its
 * <time>, and with a space where a kicker runs into the headline. */
static void heading_text(const dom_node *n, buf *b, size_t max) {
  mstr_node_text_opts(n, b, max, MSTR_TEXT_NO_TIME | MSTR_TEXT_SPACE_PARTS);
}

/* Whether node c shows anything: an element readers see, or text that is
 * not only white space. */
static int shows(const dom_node *c) {
  if (c->tag != TAG_TEXT)
    return tag_flags((tag_id)c->tag) != T_SKIP && !(c->kind & DOM_HIDDEN) && c->tag != TAG_TIME;
  for (size_t i = 0; i < c->text_len; i++)
    if (!strchr(" \t\n\r\f", c->text[i]))
      return 1;
  return 0;
}

/* A title's text with UTF-8 read as Latin-1 on its way undone. */
static const char *title_text(mctx *x, const char *s) {
  s = meta_tmp_text(x, s);
  char *fixed = s ? arena_strndup(x->tmp, s, strlen(s)) : NULL;
  if (fixed)
    mstr_fix_double_utf8(fixed, strlen(fixed));
  return fixed ? fixed : s;
}

/* Heading h's leading parts (title_heading.lead): "<h1><span>Kicker</span>
 * Headline</h1>" gives "Kicker", inside the link that wraps it all too;
 * "<h1><span><a>Headline</a> <a>(example.com)</a></span> <a>87</a></h1>"
 * gives "Headline (example.com)", then "Headline". */
static void lead_parts(mctx *x, const dom_node *h, title_heading *out) {
  out->nlead = 0;
  for (const dom_node *n = h; n && out->nlead < TITLE_MAX_LEAD;) {
    const dom_node *c = n->first;
    while (c && !shows(c))
      c = c->next;
    if (!c || c->tag == TAG_TEXT)
      return;
    const dom_node *more = c;
    while ((more = more->next) && !shows(more))
      ;
    const char *t = more ? title_text(x, meta_text_with(x, c, 300, heading_text)) : NULL;
    if (t)
      out->lead[out->nlead++] = t;
    n = c;
  }
}

/* Whether a heading is a link to the site's home page ("<a href=/><h1>
 * Blog</h1></a>", or the link within it): the site's name. */
static int links_home(const dom_node *h) {
  const dom_node *a = NULL;
  for (const dom_node *p = h->parent; p && p->tag != TAG_TEXT && h->depth - p->depth <= 2;
       p = p->parent)
    if (p->tag == TAG_A)
      a = p;
  if (!a && h->first && h->first->tag == TAG_A && !h->first->next)
    a = h->first;
  const char *href = a ? dom_attr_get(a, "href") : NULL;
  return href && (!strcmp(href, "/") || meta_is_home(href));
}

static void add_site(title_input *in, const char *s) {
  if (s && *s && in->nsites < TITLE_MAX_SITES)
    in->sites[in->nsites++] = s;
}

/* Whether a heading of the text says what the title says, a link's
 * anchor glyph after it aside ("Quickstart¶", "Usage #"). */
static int repeats_title(mctx *x, const char *heading, const char *title) {
  char *h = arena_strndup(x->tmp, heading, title_anchor_end(heading, strlen(heading)));
  return h && mstr_same_text(h, title);
}

void meta_choose_title(mctx *x, title_input *in, char *host) {
  memset(in, 0, sizeof *in);
  in->doc_title = title_text(x, doc_title(x));
  in->og_title = title_text(x, meta_tag(x, "og:title"));
  in->tw_title = title_text(x, meta_tag(x, "twitter:title"));
  in->ld_headline = title_text(x, x->ld_info.headline);
  static const char *const meta_titles[] = {"dc.title",       "citation_title", "parsely-title",
                                            "sailthru.title", "headline",       "title"};
  in->meta_title = title_text(x, meta_first_tag(x, meta_titles, 6));
  add_site(in, meta_tmp_text(x, meta_tag(x, "og:site_name")));
  add_site(in, meta_tmp_text(x, x->ld_info.site_name));
  add_site(in, meta_tmp_text(x, x->ld_info.publisher));
  add_site(in, meta_tmp_text(x, meta_tag(x, "application-name")));
  add_site(in, meta_tmp_text(x, meta_tag(x, "apple-mobile-web-app-title")));
  add_site(in, meta_tmp_text(x, meta_tag(x, "og:site")));
  const char *tw = meta_tag(x, "twitter:site");
  if (tw && *tw == '@')
    add_site(in, meta_tmp_text(x, tw + 1));
  in->host = meta_host_of(x->canonical ? x->canonical : meta_tag(x, "og:url"), host, 256);
  if (!in->host)
    in->host = meta_host_of(x->art->url, host, 256);
  in->home = meta_is_home(x->canonical ? x->canonical : meta_tag(x, "og:url"));
  if (!x->canonical && !meta_tag(x, "og:url"))
    in->home = meta_is_home(x->art->url);
  const char *og_type = meta_tag(x, "og:type");
  in->article = x->ld_info.kind == LD_ARTICLE ||
                (og_type && (mstr_ieq(og_type, "article") || mstr_ieq(og_type, "blog") ||
                             mstr_ieq(og_type, "news")));
  uint32_t h1_pos[TITLE_MAX_H1];
  const dom_node *h1_node[TITLE_MAX_H1];
  for (size_t i = 0; i < x->h1.n && in->nh1 < TITLE_MAX_H1; i++) {
    const char *t = title_text(x, meta_text_with(x, x->h1.v[i].n, MAX_TEXT, heading_text));
    if (!t)
      continue;
    h1_pos[in->nh1] = x->h1.v[i].pos;
    h1_node[in->nh1] = x->h1.v[i].n;
    in->h1[in->nh1].text = t;
    in->h1[in->nh1].chrome = (x->h1.v[i].where & IN_CHROME) != 0;
    in->h1[in->nh1].home_link = links_home(x->h1.v[i].n);
    lead_parts(x, x->h1.v[i].n, &in->h1[in->nh1]);
    in->nh1++;
  }
  int from_h1;
  x->tin = in;
  const char *t = title_choose(in, x->tmp, &from_h1);
#ifdef PITH_DEBUG_META
  /* Every candidate and the choice, one "TDBG<tab>what<tab>value" line
   * each (grep TDBG), for counting on a set how often a source says the
   * gold title. */
#define TDBG_S(v) ((v) ? (v) : "")
  fprintf(stderr, "TDBG\tdoc\t%s\nTDBG\tog\t%s\nTDBG\ttw\t%s\nTDBG\tld\t%s\n",
          TDBG_S(in->doc_title), TDBG_S(in->og_title), TDBG_S(in->tw_title),
          TDBG_S(in->ld_headline));
  fprintf(stderr, "TDBG\tmeta\t%s\nTDBG\tpick\t%s\t%d\nTDBG\tflags\t%d\t%d\t%s\n",
          TDBG_S(in->meta_title), TDBG_S(t), from_h1, in->home, in->article, TDBG_S(in->host));
  for (size_t i = 0; i < in->nh1; i++)
    fprintf(stderr, "TDBG\th1\t%s\t%d\t%d\t%s\n", in->h1[i].text, in->h1[i].chrome,
            in->h1[i].home_link, in->h1[i].nlead ? in->h1[i].lead[0] : "");
  for (size_t i = 0; i < in->nsites; i++)
    fprintf(stderr, "TDBG\tsite\t%s\n", in->sites[i]);
#undef TDBG_S
#endif
  x->art->title = t ? meta_text_value(x, t, MAX_TEXT) : NULL;
  /* The title is shown once: a heading of the text that says the same
   * (the headline the extractor kept, its words as the text has them:
   * with the <h1>'s date, without the space its parts may lack) goes. */
  const char *as_text =
      from_h1 >= 0 ? title_text(x, meta_node_text(x, h1_node[from_h1], MAX_TEXT)) : NULL;
  for (article_block *b = x->art->first, *next; b && x->art->title; b = next) {
    next = b->next;
    if (b->kind == BLOCK_HEADING && (repeats_title(x, b->text, x->art->title) ||
                                     (as_text && repeats_title(x, b->text, as_text))))
      article_remove_block(x->art, b);
  }
  /* Where the headline is, for datelines and bylines near it: the chosen
   * <h1>, else the first one. */
  x->title_pos = UINT32_MAX;
  if (from_h1 >= 0)
    x->title_pos = h1_pos[from_h1];
  else if (in->nh1)
    x->title_pos = h1_pos[0];
  for (size_t i = 0; i < x->h1.n; i++)
    if (x->h1.v[i].pos == x->title_pos)
      x->title_node = x->h1.v[i].n;
}
