/* The one interface between pith and its HTML parser: UTF-8 bytes in, a
 * dom_doc out, built as the WHATWG HTML standard's tree construction says
 * (tokenizer.c, treebuilder.c), scripting off. */
#ifndef PITH_HTML_HTML_H
#define PITH_HTML_HTML_H

#include "html/dom.h"

typedef struct {
  size_t max_nodes;   /* 0: no limit; past it the tree is cut (doc->truncated) */
  unsigned max_depth; /* 0: no limit; deeper content goes, flattened, into the deepest element */
  unsigned flags;     /* HTML_* below */
} html_limits;

/* Keep the whole tree as the standard builds it: comments, the doctype,
 * script and style contents, white space as written (for --dump-dom and
 * the conformance tests). Without it those are left out, and white space
 * between elements becomes one space: nothing the extractor reads. */
#define HTML_KEEP_ALL 1u

/* Process-wide, idempotent and thread-safe set-up (nothing to do today). */
void html_init(void);

/* Parses utf8[0..len) into doc, every node allocated from mem. Returns 0, or
 * -1 on out-of-memory (err says so). Broken markup is never an error. */
int html_parse(const char *utf8, size_t len, const html_limits *lim, arena *mem, dom_doc *doc,
               char *err, size_t err_cap);

#endif
