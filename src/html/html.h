/* The one interface between pith and its HTML parser: UTF-8 bytes in, a
 * dom_doc out. libxml2's SAX parser sits behind it today; a faster tokenizer
 * can replace it without touching the extractor. */
#ifndef PITH_HTML_HTML_H
#define PITH_HTML_HTML_H

#include "html/dom.h"

struct deadline;

typedef struct {
  size_t max_nodes; /* 0: no limit */
  unsigned max_depth;
  size_t max_attrs;      /* attributes kept per element; 0: no limit */
  size_t max_attr_bytes; /* bytes kept of an attribute value; 0: no limit */
  /* The page's time budget (NULL: none): the parse stops when it is spent,
   * and doc->deadline points at it for the stages after. */
  struct deadline *deadline;
} html_limits;

/* Process-wide, idempotent and thread-safe set-up of the parser library. */
void html_init(void);

/* Parses utf8[0..len) into doc, every node allocated from mem. Returns 0, or
 * -1 on out-of-memory or when the time budget ran out (err says which).
 * Broken markup is never an error. */
int html_parse(const char *utf8, size_t len, const html_limits *lim, arena *mem, dom_doc *doc,
               char *err, size_t err_cap);

#endif
