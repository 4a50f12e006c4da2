/* Step 5, figures: a caption makes a figure with the image of its
 * <figure> (its credit split off: "(Photo: Jane Doe)"), one of the
 * article's images; an image or a rule alone between emitted blocks makes
 * a figure or a separator (not tracking pixels, nor images in teasers or
 * boilerplate, nor an image again right after itself); and a captioned
 * lead picture between the headline and the root (step 5b) comes first. */
#include <string.h>

#include "extract/internal.h"
#include "meta/credit.h"
#include "util/url.h"

/* An image's address: lazy-loading pages keep the real one aside. */
static const char *image_src(const dom_node *img) {
  static const char *const names[] = {"data-src", "data-lazy-src", "data-original", "src"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    const char *v = dom_attr_get(img, names[i]);
    if (v && *v && strncmp(v, "data:", 5) != 0)
      return v;
  }
  return NULL;
}

/* The attribute name of n, white space squeezed; NULL when empty or
 * missing (and *oom set when out of memory). */
static char *copy_attr(arena *mem, const dom_node *n, const char *name, int *oom) {
  const char *v = dom_attr_get(n, name);
  if (!v || !*v)
    return NULL;
  char *c = squeeze_spaces(mem, v, strlen(v));
  if (!c)
    *oom = 1;
  return c && *c ? c : NULL;
}

/* A tracking pixel: 0 or 1 wide or high. */
static int is_pixel(const dom_node *img) {
  const char *w = dom_attr_get(img, "width"), *h = dom_attr_get(img, "height");
  return (w && (!strcmp(w, "0") || !strcmp(w, "1"))) || (h && (!strcmp(h, "0") || !strcmp(h, "1")));
}

/* The figure for an image element, or NULL without a usable address (or
 * for a tracking pixel). */
article_image *image_of(tree *t, const dom_node *img, int *oom) {
  const char *src = img && !is_pixel(img) ? image_src(img) : NULL;
  if (!src)
    return NULL;
  article_image *im = arena_calloc(t->mem, sizeof *im);
  if (!im || !(im->src = url_resolve(t->mem, t->base, src))) {
    *oom = !im;
    return NULL;
  }
  im->alt = copy_attr(t->mem, img, "alt", oom);
  return im;
}

/* The <figure> around n, or NULL. */
static const dom_node *figure_around(const dom_node *n) {
  for (; n && n->tag != TAG_TEXT; n = n->parent)
    if (n->tag == TAG_FIGURE)
      return n;
  return NULL;
}

/* Adds a figure for a caption: the caption, and the image of the <figure>
 * around it when there is one; it is also one of the article's images. */
int add_caption_figure(tree *t, const text_block *b, const char *caption) {
  int oom = 0;
  const dom_node *figure = figure_around(b->container), *img = NULL;
  for (const dom_node *n = figure; n; n = dom_next(figure, n, 0))
    if (n->tag == TAG_IMG && image_src(n)) {
      img = n;
      break;
    }
  article_image *im = img ? image_of(t, img, &oom) : NULL;
  if (!im && !oom)
    im = arena_calloc(t->mem, sizeof *im);
  if (!im)
    return -1;
  /* "Cherry tomatoes on the vine. (Photo: Jane Doe)": the credit apart. */
  size_t len = strlen(caption), cap_end, credit, credit_end;
  credit_kind ck = credit_find(caption, len, &cap_end, &credit, &credit_end);
  if (ck != CREDIT_NONE &&
      !(im->credit = arena_strndup(t->mem, caption + credit, credit_end - credit)))
    return -1;
  if (ck == CREDIT_TRAILING) {
    while (cap_end > 0 && caption[cap_end - 1] == ' ')
      cap_end--;
    if (!(caption = arena_strndup(t->mem, caption, cap_end)))
      return -1;
  }
  im->caption = ck == CREDIT_ALONE ? NULL : caption;
  art_node *parent = place_in_tree(t, b->container, 0, &oom);
  art_node *node = oom ? NULL : article_open(t->a, t->mem, parent, NODE_FIGURE);
  if (!node)
    return -1;
  node->image = im;
  article_add_image(t->a, im);
  return 0;
}

/* Whether an element sits in a teaser record or boilerplate inside the
 * root: a lone image or rule there is not the article's. */
static int outside_article(const tree *t, const dom_node *n, const dom_node *boiler) {
  if (n->order < t->root->order || n->order > t->root->order_end)
    return 1;
  if (boiler && boiler->order > t->root->order)
    return 1;
  for (const dom_node *p = n; p && p->tag != TAG_TEXT && p != t->root; p = p->parent)
    if (p->flags & (NF_TEASER | NF_JUNK)) /* a teaser, or still hidden */
      return 1;
  return 0;
}

/* Whether the <figure> around an image has a caption with words: the
 * caption brings the figure, image and all. */
static int captioned(const dom_node *img) {
  const dom_node *figure = figure_around(img);
  if (!figure)
    return 0;
  for (const dom_node *n = figure->first; n; n = dom_next(figure, n, 0))
    if (n->tag == TAG_FIGCAPTION && n->chars > 0)
      return 1;
  return 0;
}

/* The block element around an image, a <noscript> passed over: where a
 * lazy-loading page puts the image and its fallback copy. */
static const dom_node *block_around(const dom_node *n) {
  for (n = n->parent; n && n->tag != TAG_TEXT; n = n->parent)
    if (tag_flags((tag_id)n->tag) == T_BLOCK && n->tag != TAG_NOSCRIPT)
      return n;
  return NULL;
}

/* Whether an image sits in a <noscript> inside the block element around
 * it: a lazy-loading page's fallback copy. */
static int in_noscript(const dom_node *n, const dom_node *block) {
  for (n = n->parent; n && n != block && n->tag != TAG_TEXT; n = n->parent)
    if (n->tag == TAG_NOSCRIPT)
      return 1;
  return 0;
}

/* Lone images looked at after one for its twin: a page of thousands of
 * images with no text between them costs no more than a few per image. */
#ifndef TWIN_LOOKAHEAD
#define TWIN_LOOKAHEAD 8
#endif

/* The child of top that holds n. */
static const dom_node *child_holding(const dom_node *top, const dom_node *n) {
  while (n->parent && n->parent != top)
    n = n->parent;
  return n;
}

/* Whether the lone image alone[i] has exactly one copy (the same source,
 * outside a <noscript>) among the next TWIN_LOOKAHEAD lone images before
 * the text at off, and the two sit in elements built differently (their
 * branches below the element holding both differ in tag or class: "hero
 * desktop-only" and "hero mobile-only", a card and its sticky copy): one
 * picture given by two elements. The same icon in like-built elements (a
 * list's items, a rating's stars) is a row of icons. */
static int has_twin(const tree *t, size_t i, const char *src, uint32_t off) {
  const extraction *x = t->x;
  const dom_node *copy = NULL;
  for (size_t j = i + 1; j < x->nalone && j <= i + TWIN_LOOKAHEAD && x->alone[j].off <= off; j++) {
    const dom_node *n = x->alone[j].node;
    const char *s = n->tag == TAG_IMG && !is_pixel(n) ? image_src(n) : NULL;
    if (!s || strcmp(s, src) || in_noscript(n, block_around(n)))
      continue;
    if (copy)
      return 0;
    copy = n;
  }
  if (!copy)
    return 0;
  const dom_node *first = x->alone[i].node, *both = around(first, copy);
  const dom_node *a = child_holding(both, first), *b = child_holding(both, copy);
  return a != b && (a->tag != b->tag || !a->cls != !b->cls || (a->cls && strcmp(a->cls, b->cls)));
}

/* Lone images and rules between the last emitted block and the text at
 * off. Rules only between blocks: one at the edge separates nothing. */
int add_standalone_before(tree *t, uint32_t off) {
  extraction *x = t->x;
  for (; t->next_alone < x->nalone && x->alone[t->next_alone].off <= off; t->next_alone++) {
    standalone *s = &x->alone[t->next_alone];
    int at_start = !t->a->body.first;
    if (s->off < t->last_end)
      continue;
    if (outside_article(t, s->node, s->boiler))
      continue;
    int oom = 0;
    if (s->node->tag == TAG_HR) {
      if (at_start)
        continue;
      art_node *parent = place_in_tree(t, s->node->parent, 0, &oom);
      if (oom || !article_open(t->a, t->mem, parent, NODE_SEPARATOR))
        return -1;
      continue;
    }
    if (captioned(s->node))
      continue;
    article_image *im = image_of(t, s->node, &oom);
    if (oom)
      return -1;
    /* The same image again with no block between: in the same element,
     * a <noscript> copy (else a row of icons: each stays); in another, a
     * twin's copy (a card's sticky or mobile copy, a hover image). */
    const dom_node *in = block_around(s->node);
    int noscript = in_noscript(s->node, in);
    int again =
        im && t->alone_src && t->alone_after == t->a->last && !strcmp(t->alone_src, im->src);
    if (!im || (again && (t->alone_in == in ? noscript || t->alone_noscript : t->alone_twin)))
      continue;
    /* A twin is the first of two; a third copy makes a row of icons. */
    t->alone_twin = !again && !noscript && has_twin(t, t->next_alone, image_src(s->node), off);
    t->alone_src = im->src;
    t->alone_in = in;
    t->alone_noscript = noscript;
    t->alone_after = t->a->last;
    art_node *parent = place_in_tree(t, s->node->parent, 0, &oom);
    art_node *node = oom ? NULL : article_open(t->a, t->mem, parent, NODE_FIGURE);
    if (!node)
      return -1;
    node->image = im;
  }
  return 0;
}

/* The element that holds both the headline (the last <h1> before root)
 * and root: the article with its header, when the root is only its body.
 * NULL when the headline is inside root, missing, or shares no element
 * with it short of top. */
static const dom_node *headed_article(const extraction *x, const dom_node *root,
                                      const dom_node *top) {
  const dom_node *h1 = NULL;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->container && b->container->order >= root->order)
      break;
    if (b->kind == BLOCK_HEADING && b->level == 1)
      h1 = b->container;
  }
  if (!h1)
    return NULL;
  for (const dom_node *p = root->parent; p && p->tag != TAG_TEXT && p != top; p = p->parent)
    if (holds(p, h1))
      return (p->flags & (NF_NEG | NF_INNEG | NF_JUNK)) ? NULL : p;
  return NULL;
}

/* A captioned <figure> between the article's start and its body (the root)
 * is the article's lead picture, though it is outside the body's text:
 * emitted first, and one of the article's images. Boilerplate and teasers
 * around it rule it out. */
int emit_lead_figures(tree *t, const dom_node *top) {
  const extraction *x = t->x;
  const dom_node *art = headed_article(x, t->root, top);
  const text_block *last = NULL; /* the last lead figure's caption */
  if (!art)
    return 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (!b->container || b->container->order < art->order)
      continue;
    if (b->container->order >= t->root->order)
      break;
    if (b->kind != BLOCK_CAPTION || b->teaser || b->container->tag != TAG_FIGCAPTION ||
        !figure_around(b->container))
      continue;
    const dom_node *p = b->container;
    while (p != art && !(p->flags & (NF_NEG | NF_JUNK | NF_TEASER)))
      p = p->parent;
    /* Pages repeat the lead picture for small and large screens. */
    if (p != art || (last && last->len == b->len &&
                     !memcmp(x->text.data + last->off, x->text.data + b->off, b->len)))
      continue;
    if (emit_block(t, b))
      return -1;
    last = b;
  }
  return 0;
}
