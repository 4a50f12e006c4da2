/* The one interface between pith and its HTML parser: UTF-8 bytes in, a
 * dom_doc out, built as the WHATWG HTML standard's tree construction says
 * (tokenizer.c, treebuilder.c), scripting off. */
#ifndef PITH_HTML_HTML_H
#define PITH_HTML_HTML_H

#include "html/dom.h"

struct deadline;

typedef struct {
  size_t max_nodes;      /* 0: no limit; past it the tree is cut (doc->truncated) */
  unsigned max_depth;    /* 0: no limit; deeper content goes, flattened, into the deepest element */
  unsigned flags;        /* HTML_* below */
  size_t max_attrs;      /* attributes kept per element (the rest left out); 0: no limit */
  size_t max_attr_bytes; /* a longer attribute value is left out; 0: no limit */
  /* The page's time budget (NULL: none): the parse stops when it is spent,
   * and doc->deadline points at it for the stages after. */
  struct deadline *deadline;
} html_limits;

/* Keep the whole tree as the standard builds it: comments, the doctype,
 * script and style contents, white space as written (for --dump-dom and
 * the conformance tests). Without it those are left out, and white space
 * between elements becomes one space: nothing the extractor reads. */
#define HTML_KEEP_ALL 1u

/* Process-wide, idempotent and thread-safe set-up (nothing to do today). */
void html_init(void);

/* Parses utf8[0..len) into doc, every node allocated from mem. Returns 0, or
 * -1 on out-of-memory or when the time budget ran out (err says which).
 * Broken markup is never an error. */
int html_parse(const char *utf8, size_t len, const html_limits *lim, arena *mem, dom_doc *doc,
               char *err, size_t err_cap);

/* The standard's fragment parsing (as for innerHTML): utf8 parsed as the
 * contents of an element named context (lower case; SVG and MathML names
 * in their own case) in namespace context_ns (DOM_NS_HTML, _SVG, _MATHML).
 * The nodes end up under the html element doc->root holds. For the
 * conformance tests. */
int html_parse_fragment(const char *utf8, size_t len, const html_limits *lim, int context_ns,
                        const char *context, arena *mem, dom_doc *doc, char *err, size_t err_cap);

#endif
