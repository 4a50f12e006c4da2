/* Step 3, forums and Q&A: a thread's posts and a question's answers sit
 * under the names a template gives comments ("comment", "post-reply"), and
 * they are the page's content. When the prose under those names dwarfs
 * the rest and there is next to none elsewhere, or the page declares
 * itself a discussion, or its opening post is built like its replies, the
 * names are set aside (extraction.names_ignored) and the root chosen
 * again. An article and its comments are built apart, so a short article
 * keeps out its comments however long they are, and an article of a
 * sentence in an <article> apart from them is no thread's opening post. A
 * thread's root, or a declared discussion's, grows to hold its opening
 * post, named or not. */
#include <string.h>

#include "extract/internal.h"

/* A forum thread: at least this much prose under "comment"/"post" names,
 * and little outside them. */
#ifndef NAMED_PROSE_MIN
#define NAMED_PROSE_MIN 400.0f
#endif
#ifndef FREE_PROSE_MAX
#define FREE_PROSE_MAX 200.0f
#endif
/* A page that says in its schema.org markup (JSON-LD or microdata) that it
 * is a discussion — a forum thread (DiscussionForumPosting) or a question
 * with its answers (QAPage) — has its replies for content, even beside an
 * opening post long enough to pass for an article with comments below. */
static int names_discussion(const char *s, uint32_t len) {
  return contains_ci(s, len, "discussionforumposting") || contains_ci(s, len, "qapage");
}

static int says_discussion(const dom_node *n) {
  if (!n->attrs)
    return 0;
  const char *itemtype = dom_attr_get(n, "itemtype");
  if (itemtype && names_discussion(itemtype, (uint32_t)strlen(itemtype)))
    return 1;
  const char *type = n->tag == TAG_SCRIPT ? dom_attr_get(n, "type") : NULL;
  if (type && strstr(type, "ld+json"))
    for (const dom_node *c = n->first; c; c = c->next)
      if (c->tag == TAG_TEXT && names_discussion(c->text, c->text_len))
        return 1;
  return 0;
}

/* The head (never measured: it is junk) walked without recursion, then the
 * measured elements, scripts among them. */
int declares_discussion(const extraction *x, const dom_doc *doc) {
  const dom_node *head = doc->head;
  for (const dom_node *n = head ? head->first : NULL; n;) {
    if (n->tag != TAG_TEXT && says_discussion(n))
      return 1;
    if (n->tag != TAG_TEXT && n->first) {
      n = n->first;
      continue;
    }
    while (n != head && !n->next)
      n = n->parent;
    n = n == head ? NULL : n->next;
  }
  for (uint32_t i = 0; i < x->nelements; i++)
    if (says_discussion(x->elements[i]))
      return 1;
  return 0;
}

/* Prose under a boilerplate name that a forum gives its posts too
 * ("comment", "post-reply"): a paragraph, not a list of links. */
static int is_named_prose(const text_block *b) {
  return !b->reply && b->neg && !is_structural(b->neg) && b->chars >= 80 &&
         b->link_chars * 3 < b->chars;
}

/* The nearest of n and its two parents that has a class. */
const dom_node *class_holder(const dom_node *n) {
  for (int up = 0; n && n->tag != TAG_TEXT && up < 3; up++, n = n->parent)
    if (n->cls && *n->cls)
      return n;
  return NULL;
}

/* A thread's opening post and its replies come from one template: the
 * page's heaviest paragraph outside the boilerplate names and most of the
 * replies sit in elements that share a class word ("VBEditorContent",
 * "post-message"). An article and its comments are built apart
 * ("entry-content", "comment-content"), however short the article.
 * Returns the opening post's element when they are alike, else NULL. */
#ifndef REPLIES_SAMPLED
#define REPLIES_SAMPLED 64
#endif

static const dom_node *opening_post_alike(const extraction *x) {
  const text_block *lead = NULL;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->weight > 0 && b->container && (!lead || b->weight > lead->weight))
      lead = b;
  }
  const dom_node *post = lead ? class_holder(lead->container) : NULL;
  if (!post)
    return NULL;
  /* The first REPLIES_SAMPLED replies tell, whatever the thread's length. */
  int replies = 0, alike = 0;
  for (size_t i = 0; i < x->nblocks && replies < REPLIES_SAMPLED; i++) {
    const text_block *b = &x->blocks[i];
    if (!is_named_prose(b))
      continue;
    replies++;
    const dom_node *reply = class_holder(b->container);
    if (reply && reply != post && shares_class_word(post->cls, reply->cls))
      alike++;
  }
  return alike >= 2 && alike * 2 >= replies ? post : NULL;
}

/* The replies' container outweighs the opening post beside it: the root
 * grows to hold both when their common ancestor holds little else (a
 * tenth more: the thread's title, its tags). */
static dom_node *with_opening_post(dom_node *root, const dom_node *post, uint32_t post_chars) {
  if (holds(root, post))
    return root;
  dom_node *p = root->parent;
  while (p && p->tag != TAG_TEXT && !holds(p, post))
    p = p->parent;
  if (!p || p->tag == TAG_TEXT || (float)p->chars > 1.1f * (float)(root->chars + post_chars))
    return root;
  return p;
}

/* The root holding the replies grows to hold the headline's prose before
 * it: the opening post (doc: only on a page that declares itself a
 * discussion). */
static dom_node *with_headline_post(const extraction *x, const dom_doc *doc, dom_node *root) {
  uint32_t between = 0;
  const text_block *lead = lead_before(x, root, &between);
  if (!lead || holds(root, lead->container))
    return root;
  /* The declaration is read (a walk of the page) only when the root
   * would grow. */
  dom_node *grown = with_opening_post(root, lead->container, between);
  return grown != root && doc && !declares_discussion(x, doc) ? root : grown;
}

dom_node *with_declared_opening(const extraction *x, const dom_doc *doc, dom_node *root) {
  return with_headline_post(x, doc, root);
}

/* An article apart from the replies: the page's headline and its prose
 * in an <article> or a named article body ("entry-content") that holds
 * none of the prose under comment names. However short, it is an article
 * with comments below, not a thread's opening post. */
static int article_apart(const extraction *x) {
  const dom_node *h1 = page_headline(x);
  const text_block *lead = h1 ? headline_prose(x, h1, x->nblocks, NULL) : NULL;
  const dom_node *a = lead ? lead->container : NULL;
  while (a && a->tag != TAG_TEXT && a->tag != TAG_ARTICLE && !(a->flags & NF_BODY))
    a = a->parent;
  if (!a || a->tag == TAG_TEXT)
    return 0;
  const dom_node *whole = holds(a, h1) ? a : around(a, h1);
  if (whole != a && (whole->tag == TAG_BODY || whole->tag == TAG_HTML))
    whole = a;
  for (size_t i = 0; i < x->nblocks; i++)
    if (is_named_prose(&x->blocks[i]) && holds(whole, x->blocks[i].container))
      return 0;
  return 1;
}

/* A forum thread or a Q&A page is all "comments" and "posts": when the
 * prose under boilerplate names dwarfs the rest, and the rest is next to
 * nothing, or the page declares itself a discussion, or its one post is
 * built like the replies, the names are set aside. */
dom_node *set_thread_names_aside(extraction *x, const dom_doc *doc, dom_node *root) {
  float named_prose = 0, free_prose = 0;
  const dom_node *opening = NULL; /* a thread's opening post, built like its replies */
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    if (b->weight > 0)
      free_prose += b->weight;
    else if (is_named_prose(b))
      named_prose += (float)b->chars;
  }
  if (named_prose > NAMED_PROSE_MIN && named_prose > 4 * free_prose &&
      ((free_prose < FREE_PROSE_MAX && !article_apart(x)) || declares_discussion(x, doc) ||
       (opening = opening_post_alike(x)) != NULL)) {
    x->names_ignored = 1;
    root = choose_root(x);
    if (root && opening)
      root = with_opening_post(root, opening, opening->chars);
    else if (root)
      root = with_headline_post(x, NULL, root);
  }
  return root;
}
