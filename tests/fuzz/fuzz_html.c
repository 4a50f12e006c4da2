/* pith's HTML5 parser (tokenizer and tree builder) alone: the first byte
 * picks the limits (none, or tight ones: the flattening past max_depth, the
 * node cut, attribute limits) and whether the whole tree is kept
 * (HTML_KEEP_ALL, as --dump-dom); the tree is then dumped. Invariants: the
 * tree's links agree both ways, every depth is its parent's plus one, no
 * node lies deeper than the depth limit allows, the node count is the
 * document's, and attributes respect their limits. */
#include <string.h>

#include "fuzz.h"
#include "html/dom_dump.h"
#include "html/html.h"
#include "util/buf.h"

static void check_tree(const dom_doc *doc, const html_limits *lim) {
  size_t nodes = 0;
  for (const dom_node *n = doc->root->first; n; n = dom_next(doc->root, n, 0)) {
    nodes++;
    FUZZ_ASSERT(n->parent && n->depth == n->parent->depth + 1);
    FUZZ_ASSERT(n->prev ? n->prev->next == n : n->parent->first == n);
    FUZZ_ASSERT(n->next ? n->next->prev == n : n->parent->last == n);
    /* the limit, plus a text node (or a template's contents) below */
    FUZZ_ASSERT(!lim->max_depth || n->depth <= lim->max_depth + 2);
    size_t attrs = 0;
    for (const dom_attr *a = n->attrs; a; a = a->next, attrs++)
      FUZZ_ASSERT(a->name && a->value &&
                  (!lim->max_attr_bytes || strlen(a->value) <= lim->max_attr_bytes));
    FUZZ_ASSERT(!lim->max_attrs || attrs <= lim->max_attrs + 0u);
  }
  FUZZ_ASSERT(nodes <= doc->nodes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size)
    return 0;
  html_limits lim = {.flags = (data[0] & 1) ? HTML_KEEP_ALL : 0};
  if (data[0] & 2) {
    lim.max_depth = 5 + (data[0] >> 4);
    lim.max_nodes = 300;
    lim.max_attrs = 3;
    lim.max_attr_bytes = 12;
  }
  arena mem;
  arena_init(&mem);
  dom_doc doc;
  char err[128];
  if (html_parse((const char *)data + 1, size - 1, &lim, &mem, &doc, err, sizeof err) == 0) {
    check_tree(&doc, &lim);
    buf b;
    buf_init(&b);
    FUZZ_ASSERT(dom_dump(&doc, &b) == 0 || b.oom);
    buf_free(&b);
  }
  arena_free(&mem);
  return 0;
}
