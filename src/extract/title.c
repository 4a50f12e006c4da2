/* The title: the page's headline, its first <h1> whose text the <title>
 * holds, else the <title> itself. The side lists' rule asks whether the
 * headline is the title; site-name suffixes and the rest of the metadata
 * are the meta module's (src/meta/). */
#include <string.h>

#include "extract/internal.h"
#include "util/buf.h"

/* The <title>'s text, white space squeezed; NULL when there is none. */
static const char *page_title(dom_doc *doc, arena *mem) {
  if (!doc->title)
    return NULL;
  buf b;
  buf_init(&b);
  for (dom_node *c = doc->title->first; c; c = c->next)
    if (c->tag == TAG_TEXT)
      buf_append(&b, c->text, c->text_len);
  char *t = b.data ? squeeze_spaces(mem, b.data, b.len) : NULL;
  buf_free(&b);
  return t && *t ? t : NULL;
}

/* The headline: the first <h1> whose text the <title> contains, else the
 * <title> itself. (Site-name suffixes and the rest of metadata come with
 * the meta module.) */
const char *choose_title(extraction *x, dom_doc *doc) {
  const char *title = page_title(doc, x->mem);
  x->doc_title = title;
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    if (b->kind != BLOCK_HEADING || b->level != 1)
      continue;
    char *h = arena_strndup(x->mem, x->text.data + b->off, b->len);
    if (!h)
      return title;
    if (!title || strstr(title, h))
      return h;
  }
  return title;
}
