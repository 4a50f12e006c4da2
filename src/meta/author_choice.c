/* The page's authors: people named for the main entity in JSON-LD, author
 * meta tags, microdata, bylines by the headline; each parsed by
 * author_parse (meta/author_parse.c). */
#include "meta/page.h"

#include <stdio.h>
#include <string.h>

#include "meta/author.h"
#include "meta/byline_label.h"
#include "meta/mstr.h"

/* Of the body's visible text, for the names it shows. */
enum { SHOWN_BYTES = 512u << 10 };

/* Whether a link in a byline goes to its person's page: an author's page,
 * or (the byline says it is one) a profile's, a member's, a staff page. */
static int author_link(const dom_node *a) {
  static const char *const paths[] = {"/profile/",      "/people/", "/staff/", "/writers/",
                                      "/contributors/", "/user/",   "/users/", "/members/"};
  const char *href = dom_attr_get(a, "href");
  if (meta_rel_has(dom_attr_get(a, "rel"), "author") || author_page_href(href))
    return 1;
  if (!href)
    return 0;
  for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
    if (mstr_istr(href, strlen(href), paths[i]))
      return 1;
  return 0;
}

/* The registrable part of a host name, roughly: its last two labels
 * ("semanticscholar.org" of "api.semanticscholar.org"). */
static const char *domain_of(const char *host) {
  const char *last = strrchr(host, '.');
  if (!last)
    return host;
  const char *p = last;
  while (p > host && p[-1] != '.')
    p--;
  return p;
}

/* Whether byline link a goes to an author's page on another site (a
 * profile at a citation index, "Semantic Scholar" in a list of the
 * owner's profiles): it names a profile elsewhere, not who signs this
 * page. A link marked rel=author is the page's own claim. */
static int author_link_elsewhere(mctx *x, const dom_node *a) {
  if (a->tag != TAG_A || meta_rel_has(dom_attr_get(a, "rel"), "author"))
    return 0;
  const char *href = dom_attr_get(a, "href");
  char mine[256], theirs[256];
  const char *page =
      meta_host_of(x->canonical ? x->canonical : meta_tag(x, "og:url"), mine, sizeof mine);
  if (!page)
    page = meta_host_of(x->art->url, mine, sizeof mine);
  const char *link = href ? meta_host_of(href, theirs, sizeof theirs) : NULL;
  return page && link && strcmp(domain_of(page), domain_of(link)) != 0;
}

/* Whether the text right before byline n on its line ends with a label
 * of someone other than the writer ("Contact: <a href=/authors/ron>Ron
 * Sands</a>", "Reviewed by <a ...>"): the byline names a contact or a
 * reviewer. The line is n's earlier siblings back to a block or a <br>;
 * when they hold no text, its inline parent's. */
static int after_other_label(const dom_node *n) {
  for (int up = 0; n && n->parent && up < 3; up++, n = n->parent) {
    const dom_node *from = n;
    for (int k = 0; k < 4 && from->prev; k++) {
      const dom_node *c = from->prev;
      if (c->tag != TAG_TEXT && (tag_flags((tag_id)c->tag) == T_BLOCK || c->tag == TAG_BR))
        break;
      from = c;
    }
    buf b;
    buf_init(&b);
    for (const dom_node *c = from; c != n && b.len < 400; c = c->next) {
      if (c->tag == TAG_TEXT)
        buf_append(&b, c->text, c->text_len);
      else if (tag_flags((tag_id)c->tag) != T_SKIP)
        mstr_node_text(c, &b, 200);
    }
    size_t len = b.data && !b.oom ? mstr_squeeze(b.data, b.len) : 0;
    int found = 0;
    for (size_t i = 0; i < len && !found; i++) {
      unsigned flags;
      if (i > 0 && b.data[i - 1] != ' ')
        continue;
      found = byline_label_at(b.data + i, len - i, LABEL_AT_LINE, &flags) >= len - i &&
              (flags & LABEL_OTHER);
    }
    buf_free(&b);
    if (len || found)
      return found;
    if (tag_flags((tag_id)n->parent->tag) == T_BLOCK)
      return 0;
  }
  return 0;
}

/* The name in a byline: the author's link, or an element named for a name
 * ("author-name", itemprop=name), else the byline's whole text. A byline
 * box also holds roles, dates, biographies and links to its topics. */
static const char *byline_text(mctx *x, const dom_node *n) {
  const dom_node *up = n->parent && n->parent->tag != TAG_TEXT ? n->parent : NULL;
  if (((meta_element_bits(x, n) | (up ? meta_element_bits(x, up) : 0)) & (W_SUBJECT | W_NAME)) ==
      W_SUBJECT)
    return NULL; /* "<span class=byline__category>" */
  if (after_other_label(n))
    return NULL;
  int seen = 0, subjects = 0;
  for (const dom_node *c = n->first ? dom_next(n, n, 0) : NULL; c && seen < 200;
       c = dom_next(n, c, 0), seen++) {
    if (c->tag == TAG_TEXT)
      continue;
    if ((c->tag == TAG_A && author_link(c)) ||
        (c->attrs && meta_rel_has(dom_attr_get(c, "itemprop"), "name")) ||
        ((c->cls || c->id) && (meta_element_bits(x, c) & W_NAME))) {
      const char *t = meta_node_text(x, c, 300);
      if (t && *t)
        return t;
    }
    subjects += (c->tag == TAG_A && meta_subject_link(c)) ||
                ((c->cls || c->id) && (meta_element_bits(x, c) & W_SUBJECT));
  }
  /* A byline is a line or two; of a longer text (an author box with a
   * biography, or a wrapper named "author-…") the first line. */
  const char *t = meta_node_text(x, n, 1200);
  if (!t || (strlen(t) <= 200 && !subjects))
    return t;
  if (strlen(t) >= 1000)
    return NULL;
  buf b;
  buf_init(&b);
  for (const dom_node *c = n->first ? dom_next(n, n, 0) : NULL; c && b.len < 200 && !b.oom;) {
    int skip = 0;
    if (c->tag == TAG_TEXT) {
      if (!(c->kind & DOM_RAWTEXT) && c->text_len > 1)
        buf_append(&b, c->text, c->text_len);
    } else if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN) ||
               (c->tag == TAG_A && meta_subject_link(c)) ||
               ((c->cls || c->id) && (meta_element_bits(x, c) & W_SUBJECT))) {
      skip = 1;
    } else if ((tag_flags((tag_id)c->tag) == T_BLOCK || c->tag == TAG_BR) && b.len &&
               (b.len = mstr_squeeze(b.data, b.len)) > 0) {
      break; /* the squeeze works in place: b.len follows it, or the bytes
                it moved down would be read again past its end */
    }
    c = dom_next(n, c, skip);
  }
  t = b.data && !b.oom ? mstr_clean(x->tmp, b.data, b.len, 200) : NULL;
  buf_free(&b);
  return t;
}

static void add_authors(mctx *x, const char *s, const char **names, size_t *n) {
  if (!s)
    return;
#ifdef PITH_DEBUG_META
  fprintf(stderr, "author candidate [%.100s]\n", s);
#endif
  const char *t = meta_tmp_text(x, s);
  if (t)
    author_parse(t, strlen(t), x->mem, names, n, MAX_AUTHORS);
}

/* Whether a name reads like an organisation's: words like "News",
 * "Clinic", "Inc", a company's legal form in CJK scripts; or, when it is also the site's name, one
 * word alone
 * ("MongoDB") or capitals ("USA TODAY"). */
static int org_like(const char *s, int site) {
  static const char *const words[] = {
      "inc",      "llc",      "ltd",         "corp",       "corporation", "company",    "news",
      "media",    "magazine", "association", "university", "clinic",      "foundation", "institute",
      "group",    "network",  "press",       "times",      "post",        "today",      "daily",
      "journal",  "agency",   "society",     "council",    "department",  "ministry",   "hospital",
      "official", "gmbh",     "ag",          "sa",         "bank",        "studio",     "labs"};
  /* Company forms of the CJK scripts, written without spaces
   * ("株式会社イーブランド", "上海聚一行工艺礼品有限公司"). */
  static const char *const forms[] = {"株式会社", "有限会社", "合資会社", "合名会社",
                                      "合同会社", "公司",     "주식회사"};
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
    if (strstr(s, forms[i]))
      return 1;
  uint32_t w[32];
  size_t n = mstr_words(s, strlen(s), w, 32);
  for (const char *p = s; *p;) {
    size_t k = strcspn(p, " ,.&");
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
      if (strlen(words[i]) == k && mstr_istarts(p, words[i]))
        return 1;
    p += k;
    while (*p == ' ' || *p == ',' || *p == '.' || *p == '&')
      p++;
  }
  if (!site)
    return 0;
  int lower = 0;
  for (const char *p = s; *p; p++)
    if (*p >= 'a' && *p <= 'z')
      lower = 1;
  return n == 1 || !lower;
}

/* "Doe, Jane" (one author a tag) is "Jane Doe". */
static void add_citation_author(mctx *x, const char *v, const char **names, size_t *n) {
  const char *t = meta_tmp_text(x, v);
  if (!t || *n >= MAX_AUTHORS)
    return;
  const char *comma = strchr(t, ',');
  if (comma && !strchr(comma + 1, ',')) {
    const char *first = comma + 1;
    while (*first == ' ')
      first++;
    size_t last_len = (size_t)(comma - t), first_len = strlen(first);
    char *name = arena_alloc(x->tmp, last_len + first_len + 2);
    if (!name)
      return;
    memcpy(name, first, first_len);
    name[first_len] = ' ';
    memcpy(name + first_len + 1, t, last_len);
    name[first_len + 1 + last_len] = '\0';
    t = name;
  }
  add_authors(x, t, names, n);
}

/* Adds the names byline b gives (scratch arena) to seen[*n..8). */
static void add_byline_names(mctx *x, const dom_node *b, const char **seen, size_t *n) {
  const char *t = byline_text(x, b);
  const char *t2 = t ? meta_tmp_text(x, t) : NULL;
  if (t2)
    author_parse(t2, strlen(t2), x->tmp, seen, n, 8);
}

/* How many different people the page's bylines name (up to 8): one or two
 * sign an article; more sign the items of a list (cards of posts, a
 * team's page, reviews). */
static size_t byline_people(mctx *x) {
  const char *seen[8];
  size_t n = 0;
  for (size_t i = 0; i < x->bylines.n && n < 8; i++)
    add_byline_names(x, x->bylines.v[i].n, seen, &n);
  return n;
}

/* The first heading after the headline that links to another page: the
 * title of an item in a list (a post's card, a related story). A "By"
 * line after it signs that item, not the page. NULL when there is none. */
static const dom_node *first_item_heading(const mctx *x) {
  if (!x->title_node)
    return NULL;
  const dom_node *root = x->doc->root;
  size_t budget = 20000; /* elements looked at */
  for (const dom_node *c = dom_next(root, x->title_node, 1); c && budget;) {
    int skip = 0;
    if (c->tag != TAG_TEXT) {
      budget--;
      if (tag_flags((tag_id)c->tag) == T_SKIP || (c->kind & DOM_HIDDEN) ||
          (meta_where(x, c) & (IN_CHROME | IN_COMMENT))) {
        skip = 1;
      } else if (tag_is_heading((tag_id)c->tag)) {
        if (meta_links_elsewhere(c, &budget))
          return c;
        skip = 1;
      }
    }
    c = dom_next(root, c, skip);
  }
  return NULL;
}

/* On a page whose bylines sign a list's items, the first byline under
 * the headline still signs the page when the box it shares with the
 * headline holds no byline of anyone else (a thread's "Thread starter"
 * line in the thread's header, an article's byline above a list of other
 * posts). NULL when there is none. */
static const dom_node *headline_byline(mctx *x) {
  if (!x->title_node)
    return NULL;
  for (size_t i = 0; i < x->bylines.n; i++) {
    const mnode *m = &x->bylines.v[i];
    const char *mine[8];
    size_t nm = 0;
    if (m->pos < x->title_pos || !meta_near_title(x, m->pos) || (m->where & IN_CHROME))
      continue;
    add_byline_names(x, m->n, mine, &nm);
    if (!nm)
      continue;
    const dom_node *box = meta_common_ancestor(m->n, x->title_node);
    for (size_t j = 0; j < x->bylines.n; j++) {
      const char *theirs[8];
      size_t nt = 0;
      if (j == i || meta_common_ancestor(x->bylines.v[j].n, box) != box)
        continue;
      add_byline_names(x, x->bylines.v[j].n, theirs, &nt);
      if (nt && !mstr_same_text(theirs[0], mine[0]))
        return NULL;
    }
    return m->n;
  }
  return NULL;
}

/* Whether the character at s (len bytes on) is part of a word that spaces
 * delimit: a letter or digit below the CJK scripts, which write words
 * without spaces. */
static int spaced_word_char(const char *s, size_t len) {
  size_t adv;
  uint32_t c = len ? mstr_utf8(s, len, &adv) : 0;
  return c && c < 0x2E80 && mstr_is_alnum(c);
}

/* Whether text shows a name: its last word before any comma (the
 * surname; "Doe" of "Jane Doe, MS, RD" also finds "J. Doe" and "Doe,
 * Jane") as a word of text, in any case. */
static int shows_name(mctx *x, const char *text, const char *name) {
  size_t end = strcspn(name, ",");
  while (end > 0 && name[end - 1] == ' ')
    end--;
  size_t start = end;
  while (start > 0 && name[start - 1] != ' ')
    start--;
  const char *last = arena_strndup(x->tmp, name + start, end - start);
  if (!last || !*last)
    return 0;
  size_t k = strlen(last), len = strlen(text);
  for (const char *p = mstr_istr(text, len, last); p;
       p = mstr_istr(p + 1, len - (size_t)(p + 1 - text), last)) {
    const char *before = p;
    while (before > text && before > p - 4 && ((unsigned char)before[-1] & 0xC0) == 0x80)
      before--; /* back over the previous character's continuation bytes */
    int open = before == text || !spaced_word_char(before - 1, (size_t)(text + len - (before - 1)));
    if (open && !spaced_word_char(p + k, (size_t)(text + len - (p + k))))
      return 1;
  }
  return 0;
}

/* Whether a name beside a person's is a publication's, not a second
 * person's ("Jane Doe, The Associated Press", "Jane Doe, Business
 * Insider", "Jane Doe, CNN Business"): a news agency, the site's own name
 * or a name that starts with it, or a name that reads like an
 * organisation's ("The Washington Post"). */
static int affiliation(mctx *x, const char *name) {
  if (author_is_agency(name) || (mstr_istarts(name, "the ") && author_is_agency(name + 4)))
    return 1;
  if (title_names_site(name, x->tin) || org_like(name, 0))
    return 1;
  size_t k = strcspn(name, " ");
  const char *first = name[k] ? arena_strndup(x->tmp, name, k) : NULL;
  return first && title_names_site(first, x->tin);
}

/* Bylines name a writer's publication beside the writer ("Jill Disis, CNN
 * Business", "Colleen Barry, The Associated Press"): the publication is no
 * second author, nor a credential ("Rob Picheta, CNN"). A publication alone
 * stays (a desk, an agency, a company signs the page). */
static void drop_affiliations(mctx *x, const char **names, size_t *n) {
  for (size_t i = 0; i < *n; i++) {
    const char *comma = strrchr(names[i], ',');
    const char *cut = comma && comma[1] == ' ' && affiliation(x, comma + 2)
                          ? arena_strndup(x->mem, names[i], (size_t)(comma - names[i]))
                          : NULL;
    if (cut)
      names[i] = cut;
  }
  size_t people = 0;
  for (size_t i = 0; i < *n; i++)
    people += !affiliation(x, names[i]);
  if (!people)
    return;
  size_t k = 0;
  for (size_t i = 0; i < *n; i++)
    if (!affiliation(x, names[i]))
      names[k++] = names[i];
  *n = k;
}

/* The body's visible text, navigation and footers included, for the
 * names it shows (read once a page; NULL when there is none). */
/* Drops the names that are, or are part of, the author the markup gives
 * for the item the page reviews: a fact check's box quoting the claim
 * and its author ("The Russian and Syrian defense ministries") signs
 * the claim, not the page. */
static void drop_reviewed(mctx *x, const char **names, size_t *n) {
  const char *r = x->ld_info.reviewed_author ? meta_tmp_text(x, x->ld_info.reviewed_author) : NULL;
  if (!r)
    return;
  size_t k = 0;
  for (size_t i = 0; i < *n; i++)
    if (strlen(names[i]) < 3 || !mstr_istr(r, strlen(r), names[i]))
      names[k++] = names[i];
  *n = k;
}

static const char *shown_text(mctx *x, const char **text, int *read) {
  if (!*read && x->doc->body)
    *text = meta_page_text_without(x, x->doc->body, SHOWN_BYTES, 0);
  *read = 1;
  return *text;
}

/* Whether every name of names[0..n) is one word the page does not show
 * ("KWCHCIK", "christopherlwood", "srauturier"): a content manager's
 * account in the markup, where the page may show its writer's name. */
static int unshown_accounts(mctx *x, const char **names, size_t n, const char **text, int *read) {
  for (size_t i = 0; i < n; i++) {
    if (strchr(names[i], ' '))
      return 0;
    const char *t = shown_text(x, text, read);
    if (!t || shows_name(x, t, names[i]))
      return 0;
  }
  return n > 0;
}

/* A name the markup writes in capitals ("TOM KRISHER") as the page shows
 * it ("Tom Krisher"), when it shows it in mixed case. */
static const char *shown_case(mctx *x, const char *name, const char **text, int *read) {
  size_t len = strlen(name);
  int upper = 0;
  for (const char *p = name; *p; p++) {
    if (*p >= 'a' && *p <= 'z')
      return name;
    upper += *p >= 'A' && *p <= 'Z';
  }
  const char *t = upper >= 4 ? shown_text(x, text, read) : NULL;
  size_t tlen = t ? strlen(t) : 0;
  for (const char *p = t ? mstr_istr(t, tlen, name) : NULL; p;
       p = mstr_istr(p + 1, tlen - (size_t)(p + 1 - t), name)) {
    int lower = 0;
    for (size_t i = 0; i < len; i++)
      lower |= p[i] >= 'a' && p[i] <= 'z';
    if (lower && (p == t || !spaced_word_char(p - 1, 1)) &&
        !spaced_word_char(p + len, tlen - (size_t)(p + len - t)))
      return arena_strndup(x->mem, p, len);
  }
  return name;
}

void meta_choose_authors(mctx *x) {
  const char **names = arena_alloc(x->mem, MAX_AUTHORS * sizeof *names);
  if (!names)
    return;
  size_t n = 0;
  const ld_info *ld = &x->ld_info;
  /* JSON-LD people first; names that read like an organisation's or the
   * publisher's own are left out. */
#ifdef PITH_DEBUG_META
  const char *stage = "ld";
#define STAGE(s) (n ? (void)0 : (void)(stage = s))
#else
#define STAGE(s) ((void)0)
#endif
  for (size_t i = 0; i < ld->nauthors; i++) {
    if (ld->author_is_org[i])
      continue;
    const char *t = meta_tmp_text(x, ld->authors[i]);
    if (t && org_like(t, title_names_site(t, x->tin)))
      continue;
    add_authors(x, ld->authors[i], names, &n);
  }
  /* Names the page declares for machines alone: content managers write
   * the account that made a page into its JSON-LD, shown or not, on
   * service pages as on posts. A JSON-LD author counts when the page
   * shows one of the names; otherwise the other sources (an author meta
   * tag, a byline) decide. */
  const char *text = NULL;
  int text_read = 0;
  if (n) {
    shown_text(x, &text, &text_read);
    size_t i = 0;
    while (i < n && !(text && shows_name(x, text, names[i])))
      i++;
    if (i == n)
      n = 0;
  }
  /* A product's or a listing's page is nobody's work: names in its markup
   * and text are its reviewers', sellers' or items' authors. There only
   * the main entity's JSON-LD names an author. */
  const char *type = meta_page_type(x);
  int unsigned_page = type && (!strcmp(type, "product") || !strcmp(type, "listing"));
  STAGE("meta");
  if (!n && !unsigned_page) {
    static const char *const tags[] = {
        "author",          "article:author", "og:article:author", "parsely-author",
        "sailthru.author", "dc.creator",     "dcterms.creator",   "byl",
        "book:author",     "dc.contributor"};
    for (size_t i = 0; i < sizeof tags / sizeof *tags && !n; i++) {
      const char *v = meta_tag(x, tags[i]);
      if (!v || meta_is_http(v))
        continue;
      const char *t = meta_tmp_text(x, v);
      if (t && org_like(t, title_names_site(t, x->tin)))
        continue;
      add_authors(x, v, names, &n);
    }
    /* citation_author repeats, one author a tag, often "Last, First". */
    for (size_t i = 0; i < x->ntags; i++)
      if (!strcmp(x->tags[i].name, "citation_author"))
        add_citation_author(x, x->tags[i].value, names, &n);
  }
  /* An account the page does not show waits: a byline may name the
   * writer; with none, the account is the page's only author. */
  const char **accounts = NULL;
  size_t naccounts = 0;
  if (unshown_accounts(x, names, n, &text, &text_read)) {
    accounts = arena_alloc(x->tmp, n * sizeof *accounts);
    if (accounts) {
      memcpy(accounts, names, n * sizeof *accounts);
      naccounts = n;
      n = 0;
    }
  }
  STAGE("microdata");
  int product = unsigned_page || meta_is_product(x);
  if (!n && !product)
    for (size_t i = 0; i < x->props.n && !n; i++) {
      const mnode *m = &x->props.v[i];
      /* In an item of its own (a reply, a card of another post) it is that
       * item's author, as a byline there would be. */
      if ((m->kind != 3 && m->kind != 4) || (m->where & (IN_COMMENT | IN_CHROME)) ||
          meta_in_other_item(x, m->n))
        continue;
      const char *v = dom_attr_get(m->n, "content");
      /* The name inside an author's item. */
      const dom_node *name = NULL;
      for (const dom_node *c = m->n->first ? m->n : NULL; c && !name; c = dom_next(m->n, c, 0))
        if (c->tag != TAG_TEXT && c != m->n && meta_rel_has(dom_attr_get(c, "itemprop"), "name"))
          name = c;
      if (name)
        v = dom_attr_get(name, "content") ? dom_attr_get(name, "content")
                                          : meta_node_text(x, name, 200);
      if (!v)
        v = meta_node_text(x, m->n, 200);
      add_authors(x, v, names, &n);
    }
  STAGE("byline");
  /* Bylines naming three people or more, on a page that does not say it
   * is an article or a thread, sign the items of a list (cards of posts,
   * a team, testimonials), not the page. */
  int says_article = type && (!strcmp(type, "article") || !strcmp(type, "forum"));
  int list = !n && !says_article && byline_people(x) >= 3;
  if (!n && list && !product) {
    const dom_node *b = headline_byline(x);
    if (b)
      add_authors(x, byline_text(x, b), names, &n);
  }
  if (!n && !list)
    for (size_t i = 0; i < x->bylines.n && !n && !product; i++) {
      const mnode *m = &x->bylines.v[i];
      if ((m->where & IN_CHROME) && !meta_near_title(x, m->pos))
        continue;
      if (meta_in_other_item(x, m->n) || (m->kind == K_AUTHOR && author_link_elsewhere(x, m->n)))
        continue;
#ifdef PITH_DEBUG_META
      fprintf(stderr, "byline %zu/%zu pos %u title_pos %u near %d where %u kind %d people %zu\n", i,
              x->bylines.n, m->pos, x->title_pos, meta_near_title(x, m->pos), m->where, m->kind,
              byline_people(x));
#endif
      add_authors(x, byline_text(x, m->n), names, &n);
    }
  STAGE("twitter");
  /* "Written by" and "Author" in the card data of Twitter: a byline label
   * that may stand alone (meta/byline_label.c), not "Reviewed by". */
  for (int k = 1; k <= 4 && !n && !product; k++) {
    char label[32], data[32];
    snprintf(label, sizeof label, "twitter:label%d", k);
    snprintf(data, sizeof data, "twitter:data%d", k);
    const char *l = meta_tag(x, label);
    if (l && byline_label_alone(l, strlen(l)))
      add_authors(x, meta_tag(x, data), names, &n);
  }
  STAGE("by-text");
  /* A byline in the text by the headline: "By Jane Doe". The lines under
   * the headline are the page's up to the first heading that links to
   * another page (a list's first card). */
  if (!n && !product && x->title_node) {
    const char *t =
        meta_lines_until(x, x->title_node, first_item_heading(x), 400, IN_CHROME | IN_COMMENT);
#ifdef PITH_DEBUG_META
    fprintf(stderr, "lines after title [%s]\n", t ? t : "");
#endif
    if (t)
      author_from_text(t, strlen(t), 0, x->mem, names, &n, MAX_AUTHORS);
  }
  STAGE("written-by");
  /* "Written by Jane Doe" anywhere in the text after the headline (an
   * author box at the article's end), navigation, sidebars and comments
   * left out; a bare "By" counts only by the headline. */
  if (!n && !product && !list && x->title_node) {
    const char *t = meta_lines_after_without(x, x->title_node, SCAN_BYTES, IN_CHROME | IN_COMMENT);
    if (t)
      author_from_text(t, strlen(t), 1, x->mem, names, &n, MAX_AUTHORS);
  }
#ifdef PITH_DEBUG_META
  if (n)
    fprintf(stderr, "authors from %s\n", stage);
#endif
#undef STAGE
  if (!n && naccounts) {
    memcpy(names, accounts, naccounts * sizeof *names);
    n = naccounts;
  }
  drop_reviewed(x, names, &n);
  drop_affiliations(x, names, &n);
  for (size_t i = 0; i < n; i++)
    names[i] = shown_case(x, names[i], &text, &text_read);
  x->art->meta.authors = n ? names : NULL;
  x->art->meta.nauthors = n;
}
