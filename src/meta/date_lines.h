/* The page's visible text as lines, for the text scans of the dates: a line
 * per block, each knowing where it stands (before or after the headline,
 * in a list's item, in a table's cell, in a sidebar or footer). */
#ifndef PITH_META_DATE_LINES_H
#define PITH_META_DATE_LINES_H

#include "meta/page.h"

enum {
  LINE_IN_ITEM = 1 << 0, /* inside an <li>, <dt> or <dd>: one entry of a list */
  LINE_IN_CELL = 1 << 1, /* inside a table's cell */
};

enum { LINE_BEFORE_TITLE, LINE_TITLE, LINE_AFTER_TITLE };

typedef struct {
  const char *text; /* white space collapsed, not NUL-terminated */
  size_t len;
  unsigned where;        /* IN_* of the elements around it */
  unsigned in;           /* LINE_IN_* */
  int place;             /* LINE_*_TITLE; LINE_AFTER_TITLE when the page has no headline */
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
