/* Step 6, comments: the readers' comments, apart from the article (shown
 * only with --comments). The comment section is the comment-named element
 * (by class, or marked by the reply rules) with the most prose that does
 * not hold the root; its prose and names, without its links, its reply
 * form and the headings left heading nothing, become article.comments. A
 * forum thread has none: its posts are its content. */
#include "extract/internal.h"

/* The outermost element named as comments around b, below top and not
 * around the article's root; NULL when there is none. */
static const dom_node *comment_section(const text_block *b, const dom_node *top,
                                       const dom_node *root) {
  const dom_node *found = NULL;
  for (const dom_node *p = b->container; p && p != top && p->tag != TAG_TEXT; p = p->parent)
    if ((p->flags & NF_COMMENTS) && !holds(p, root))
      found = p;
  return found;
}

/* Where b sits below section: in a <form> (the "Leave a reply" form's
 * notes, "Your email address will not be published", are no comment), and
 * in a comment-named element of its own (one comment of several). */
static void comment_place(const text_block *b, const dom_node *section, int *in_form,
                          int *in_item) {
  *in_form = *in_item = 0;
  for (const dom_node *p = b->container; p && p != section && p->tag != TAG_TEXT; p = p->parent) {
    if (p->tag == TAG_FORM)
      *in_form = 1;
    if (p->flags & NF_COMMENTS)
      *in_item = 1;
  }
}

/* Readers' comments: the comment-named section with the most prose, as an
 * article of its own. Its prose is that of its comment blocks (a sentence,
 * 40 characters, not mostly links, not in its reply form): at least 80
 * characters, or less in a comment of its own within it ("One reply"), not
 * a lone line named like comments ("Comment via email"). Its blocks are
 * prose and names, not the links ("Reply", permalinks) around them, nor
 * its reply form. */
int extract_comments(extraction *x, const dom_node *top, const dom_node *root, article *out) {
  if (x->names_ignored)
    return 0; /* a thread: the posts are the content */
  const dom_node *best = NULL, *cur = NULL;
  uint32_t best_prose = 0, cur_prose = 0;
  int cur_item = 0;
  /* A section's blocks come one after another: sum them, then compare. */
  for (size_t i = 0; i <= x->nblocks; i++) {
    const text_block *b = i < x->nblocks ? &x->blocks[i] : NULL;
    const dom_node *s = NULL;
    int form = 0, item = 0;
    if (b && b->chars >= 40 && b->link_chars * 2 <= b->chars && (s = comment_section(b, top, root)))
      comment_place(b, s, &form, &item);
    if (b && (!s || form))
      continue;
    if (s != cur) {
      if (cur && (cur_prose >= 80 || cur_item) && cur_prose > best_prose)
        best = cur, best_prose = cur_prose;
      cur = s, cur_prose = 0, cur_item = 0;
    }
    if (b)
      cur_prose += b->chars - b->link_chars, cur_item |= item;
  }
  if (!best)
    return 0;
  article *c = arena_calloc(x->mem, sizeof *c);
  if (!c)
    return -1;
  /* Headings wait for something to head: "Leave a reply" over the form
   * that was left out goes too. */
  const text_block *pending[8];
  size_t npending = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->container->order < best->order || b->container->order > best->order_end ||
        b->link_chars * 2 > b->chars || b->kind == BLOCK_CAPTION)
      continue;
    int form, item;
    comment_place(b, best, &form, &item);
    if (form)
      continue;
    if (b->kind == BLOCK_HEADING) {
      while (npending && pending[npending - 1]->level >= b->level)
        npending--; /* headed nothing */
      if (npending < sizeof pending / sizeof *pending)
        pending[npending++] = b;
      continue;
    }
    for (size_t k = 0; k <= npending; k++) {
      const text_block *e = k < npending ? pending[k] : b;
      if (!article_add(c, x->mem,
                       e->kind == BLOCK_TABLE_ROW ? BLOCK_PARAGRAPH : (block_kind)e->kind, e->level,
                       x->text.data + e->off, e->len))
        return -1;
    }
    npending = 0;
  }
  out->comments = c->first ? c : NULL;
  return 0;
}
