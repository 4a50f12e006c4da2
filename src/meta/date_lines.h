/* The page's visible text as lines, for the dates' last resort: a line per
 * block, each knowing whether it stands in navigation, a sidebar or a
 * footer, and the element its text starts in. */
#ifndef PITH_META_DATE_LINES_H
#define PITH_META_DATE_LINES_H

#include "meta/page.h"

typedef struct {
  const char *text; /* white space collapsed, not NUL-terminated */
  size_t len;
  unsigned where;        /* IN_* of the elements around its text */
  const dom_node *first; /* the element holding the line's first text */
} date_line;

typedef struct {
  date_line *v;
  size_t n;
} date_lines;

/* The lines of the body's visible text less what is in the places of
 * leave_out (IN_* bits), up to max bytes, in the scratch arena. Returns 0
 * when there is no body or no memory. */
int meta_date_lines(mctx *x, unsigned leave_out, size_t max, date_lines *out);

#endif
