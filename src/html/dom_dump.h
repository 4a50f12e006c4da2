/* The parsed tree as text, in html5lib-tests' tree format (`| <html>`,
 * attributes sorted, text in quotes): --dump-dom and the conformance tests. */
#ifndef PITH_HTML_DOM_DUMP_H
#define PITH_HTML_DOM_DUMP_H

#include <stdio.h>

#include "html/dom.h"
#include "util/buf.h"

/* Appends the tree below doc->root to out. Returns 0, or -1 on out-of-memory. */
int dom_dump(const dom_doc *doc, buf *out);

/* The same for the nodes below root (a fragment's, below its html element). */
int dom_dump_below(const dom_node *root, buf *out);

#endif
