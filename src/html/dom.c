#include "html/dom.h"

#include <string.h>

const char *dom_attr_get(const dom_node *n, const char *name) {
  for (const dom_attr *a = n->attrs; a; a = a->next)
    if (!strcmp(a->name, name))
      return a->value;
  return NULL;
}
