/* With -DPITH_DEBUG_EXTRACT the extractor prints, for each page, the root,
 * its ancestors and every block with its weight and whether it is kept
 * (docs/extraction.md). Never in a normal build: the library never prints. */
#include "extract/internal.h"

#ifdef PITH_DEBUG_EXTRACT
#include <stdio.h>

/* One element: its tag, id, class, numbers, score, characters and flags. */
static void debug_node(const dom_node *n) {
  fprintf(stderr, "<%s", n->tag == TAG_UNKNOWN ? n->name : tag_name((tag_id)n->tag));
  if (n->id)
    fprintf(stderr, " id=%s", n->id);
  if (n->cls)
    fprintf(stderr, " class=\"%.80s\"", n->cls);
  fprintf(stderr, "> o=%u-%u score=%.0f chars=%u links=%u flags=%x\n", n->order, n->order_end,
          n->score, n->chars, n->link_chars, n->flags);
}

void debug_dump(extraction *x, dom_node *root, int listing) {
  fprintf(stderr, "elements %u blocks %zu\n", x->nelements, x->nblocks);
  for (uint32_t i = 0; i < x->nelements && i < 20; i++) {
    fprintf(stderr, "EL ");
    debug_node(x->elements[i]);
  }
  for (uint32_t i = 0; i < x->nelements; i++)
    if (x->elements[i]->tag == TAG_H1) {
      for (dom_node *p = x->elements[i]; p && p->tag != TAG_TEXT; p = p->parent) {
        fprintf(stderr, "H1-CHAIN ");
        debug_node(p);
      }
      break;
    }
  if (!root)
    return;
  fprintf(stderr, "ROOT ");
  debug_node(root);
  for (dom_node *p = root->parent; p && p->tag != TAG_UNKNOWN; p = p->parent) {
    fprintf(stderr, "  up ");
    debug_node(p);
  }
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    fprintf(stderr, "%c%c %6.1f %4u/%4u k%d [%.60s] in ",
            keep_block(x, b, root, listing) ? '+' : '-', b->teaser ? 'T' : ' ', b->weight,
            b->link_chars, b->chars, b->kind, x->text.data + b->off);
    debug_node(b->container);
    if (b->boiler) {
      fprintf(stderr, "      boiler ");
      debug_node(b->boiler);
    }
  }
}
#endif
