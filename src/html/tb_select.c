/* Customizable <select>: a <selectedcontent> element (in the select's
 * button) shows a copy of the selected option's contents. The standard's
 * DOM copies as options are inserted; pith copies once, after the parse,
 * which gives the same tree for what the parser alone builds. */
#include <string.h>

#include "html/treebuilder.h"

static int is_named(const dom_node *n, const char *name) {
  return n->tag == TAG_UNKNOWN && !(n->kind & (DOM_SVG | DOM_MATHML)) && n->name &&
         !strcmp(n->name, name);
}

/* The option a select shows: the last one marked selected, else the first
 * (nested selects' options are theirs). */
static const dom_node *selected_option(const dom_node *select) {
  const dom_node *first = NULL, *marked = NULL;
  for (const dom_node *n = select->first; n;) {
    int nested = n->tag == TAG_SELECT && !(n->kind & (DOM_SVG | DOM_MATHML));
    if (n->tag == TAG_OPTION && !(n->kind & (DOM_SVG | DOM_MATHML))) {
      if (!first)
        first = n;
      if (dom_attr_get(n, "selected"))
        marked = n;
    }
    n = dom_next(select, n, nested);
  }
  return marked ? marked : first;
}

/* A copy of the nodes below from, appended to into. */
static void copy_children(tb *b, const dom_node *from, dom_node *into) {
  const dom_node *n = from->first;
  dom_node *parent = into;
  while (n && !b->stop) {
    dom_node *c = tb_new_node(b, n->tag);
    if (!c)
      return;
    c->kind = n->kind & (uint16_t)~DOM_OPEN_;
    c->text = n->text;
    c->text_len = n->text_len;
    c->attrs = n->attrs;
    c->id = n->id;
    c->cls = n->cls;
    c->name = n->name;
    tb_place(b, c, parent, NULL);
    if (n->first) {
      n = n->first;
      parent = c;
      continue;
    }
    while (n != from && !n->next) {
      n = n->parent;
      if (n != from)
        parent = parent->parent;
    }
    n = n == from ? NULL : n->next;
  }
}

static int is_inside(const dom_node *n, const dom_node *ancestor) {
  for (; n; n = n->parent)
    if (n == ancestor)
      return 1;
  return 0;
}

void tb_fill_selectedcontent(tb *b) {
  dom_node *root = b->doc->root;
  for (dom_node *n = root->first; n && !b->stop;) {
    if (!is_named(n, "selectedcontent")) {
      n = dom_next(root, n, 0);
      continue;
    }
    const dom_node *select = n->parent;
    while (select && !(select->tag == TAG_SELECT && !(select->kind & (DOM_SVG | DOM_MATHML))))
      select = select->parent;
    const dom_node *option = select ? selected_option(select) : NULL;
    /* (One inside the option it would copy is left alone.) */
    if (option && !is_inside(n, option)) {
      while (n->first)
        tb_detach(b, n->first);
      copy_children(b, option, n);
    }
    n = dom_next(root, n, 1); /* not into the copy */
  }
}
