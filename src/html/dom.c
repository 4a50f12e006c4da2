#include "html/dom.h"

#include <string.h>

const char *dom_attr_get(const dom_node *n, const char *name) {
  /* The first byte first: most names differ there, and a call to strcmp
   * costs more than the compare. */
  for (const dom_attr *a = n->attrs; a; a = a->next)
    if (a->name[0] == name[0] && !strcmp(a->name, name))
      return a->value;
  return NULL;
}
