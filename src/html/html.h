/* The one interface between pith and its HTML parser: UTF-8 bytes in, a
 * dom_doc out. libxml2's SAX parser sits behind it today; a faster tokenizer
 * can replace it without touching the extractor. */
#ifndef PITH_HTML_HTML_H
#define PITH_HTML_HTML_H

#include "html/dom.h"

typedef struct {
  size_t max_nodes; /* 0: no limit */
  unsigned max_depth;
} html_limits;

/* Process-wide, idempotent and thread-safe set-up of the parser library. */
void html_init(void);

/* Parses utf8[0..len) into doc, every node allocated from mem. Returns 0, or
 * -1 on out-of-memory (err says so). Broken markup is never an error. */
int html_parse(const char *utf8, size_t len, const html_limits *lim, arena *mem, dom_doc *doc,
               char *err, size_t err_cap);

#endif
