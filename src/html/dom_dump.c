/* The parsed tree in html5lib-tests' format: one node a line, "| " then two
 * spaces a level; attributes sorted by name under their element; a
 * template's contents under "content". What `pith --dump-dom` prints and
 * what the conformance tests compare. */
#include "html/dom_dump.h"

#include <stdlib.h>
#include <string.h>

static void indent(buf *out, unsigned level) {
  buf_append(out, "| ", 2);
  for (unsigned i = 0; i < level; i++)
    buf_append(out, "  ", 2);
}

static const char *attr_prefix(int ns) {
  switch (ns) {
  case DOM_NS_XLINK:
    return "xlink ";
  case DOM_NS_XML:
    return "xml ";
  case DOM_NS_XMLNS:
    return "xmlns ";
  default:
    return "";
  }
}

/* The attribute's name as printed: "xlink href" for xlink:href. */
static void attr_name(buf *out, const dom_attr *a) {
  buf_puts(out, attr_prefix(a->ns));
  const char *colon = a->ns ? strchr(a->name, ':') : NULL;
  buf_puts(out, colon ? colon + 1 : a->name);
}

typedef struct {
  const dom_attr *a;
  char key[128];
} sorted_attr;

static int by_key(const void *x, const void *y) {
  return strcmp(((const sorted_attr *)x)->key, ((const sorted_attr *)y)->key);
}

static void dump_attrs(buf *out, const dom_node *n, unsigned level) {
  size_t count = 0;
  for (const dom_attr *a = n->attrs; a; a = a->next)
    count++;
  if (!count)
    return;
  sorted_attr *s = malloc(count * sizeof *s);
  if (!s) {
    out->oom = 1;
    return;
  }
  size_t i = 0;
  for (const dom_attr *a = n->attrs; a; a = a->next, i++) {
    buf k;
    buf_init(&k);
    attr_name(&k, a);
    s[i].a = a;
    snprintf(s[i].key, sizeof s[i].key, "%s", k.data ? k.data : "");
    buf_free(&k);
  }
  qsort(s, count, sizeof *s, by_key);
  for (i = 0; i < count; i++) {
    indent(out, level);
    attr_name(out, s[i].a);
    buf_append(out, "=\"", 2);
    buf_puts(out, s[i].a->value);
    buf_append(out, "\"\n", 2);
  }
  free(s);
}

/* One node's own lines (not its children's). */
static void dump_node(buf *out, const dom_node *n, unsigned level) {
  switch (n->tag) {
  case TAG_TEXT:
    indent(out, level);
    buf_putc(out, '"');
    buf_append(out, n->text, n->text_len);
    buf_append(out, "\"\n", 2);
    return;
  case TAG_COMMENT:
    indent(out, level);
    buf_puts(out, "<!-- ");
    buf_append(out, n->text, n->text_len);
    buf_puts(out, " -->\n");
    return;
  case TAG_DOCTYPE: {
    indent(out, level);
    buf_puts(out, "<!DOCTYPE ");
    buf_append(out, n->text, n->text_len);
    const char *pub = dom_attr_get(n, "public"), *sys = dom_attr_get(n, "system");
    if (pub || sys)
      buf_printf(out, " \"%s\" \"%s\"", pub ? pub : "", sys ? sys : "");
    buf_puts(out, ">\n");
    return;
  }
  case TAG_CONTENT:
    indent(out, level);
    buf_puts(out, "content\n");
    return;
  default:
    indent(out, level);
    buf_putc(out, '<');
    if (n->kind & DOM_SVG)
      buf_puts(out, "svg ");
    else if (n->kind & DOM_MATHML)
      buf_puts(out, "math ");
    buf_puts(out, n->name ? n->name : tag_name((tag_id)n->tag));
    buf_append(out, ">\n", 2);
    dump_attrs(out, n, level + 1);
    return;
  }
}

int dom_dump(const dom_doc *doc, buf *out) {
  return dom_dump_below(doc->root, out);
}

int dom_dump_below(const dom_node *root, buf *out) {
  unsigned level = 0;
  /* A pre-order walk without recursion: trees may be deep. */
  for (const dom_node *n = root ? root->first : NULL; n && !out->oom;) {
    dump_node(out, n, level);
    if (n->first) {
      n = n->first;
      level++;
      continue;
    }
    while (n != root && !n->next) {
      n = n->parent;
      level--;
    }
    n = n == root ? NULL : n->next;
  }
  return out->oom ? -1 : 0;
}
