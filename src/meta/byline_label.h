/* The words that open a byline ("By", "Written by", "Von", "Author:") and
 * those that name someone other than the writer ("Reviewed by", "Photo
 * by", "Contact:"): one table and one matcher, read by HTML bylines
 * (meta/author_parse.c) and by pages flattened to text (text/textmeta.c). */
#ifndef PITH_META_BYLINE_LABEL_H
#define PITH_META_BYLINE_LABEL_H

#include <stddef.h>

/* What a label may do; a label has one or more of these. */
enum {
  /* Opens the text of a byline element or an author field. */
  LABEL_FIELD = 1u << 0,
  /* Opens a byline at a line's start: by the headline, or on a page
   * flattened to text. */
  LABEL_LINE = 1u << 1,
  /* Says who wrote the text ("Written by"): opens a byline on any line
   * after the headline (an author box at the article's end), not only by
   * the headline. */
  LABEL_WRITTEN = 1u << 2,
  /* Opens a byline inside a field's text too ("This post was written by
   * Jane Doe"). */
  LABEL_INNER = 1u << 3,
  /* May stand alone on its line, the name on the next ("Written by" /
   * "Jane Doe"). */
  LABEL_ALONE = 1u << 4,
  /* A noun ("Author", "Text", "Editor"): at a line's start only with a
   * colon after it ("Author: Jane Doe", not "Author Jane Doe said"), or
   * alone on the line. */
  LABEL_NOUN = 1u << 5,
  /* Only in lower case: also a particle of surnames ("di", "af": "Di
   * Maria"). */
  LABEL_LOWER = 1u << 6,
  /* Names someone other than the writer (a reviewer, an editor, a
   * photographer, a sponsor, a contact, a source): gives no author. */
  LABEL_OTHER = 1u << 7,
};

/* Where a label is read: at the start of a byline element's text (or an
 * author field), or at a line's start in running text. In a field the
 * label may run into the name ("Written byJane Doe": the markup ran the
 * words together) and be followed by a comma or a dot; on a line it is
 * followed by a space, a colon or the line's end. */
typedef enum { LABEL_AT_FIELD, LABEL_AT_LINE } label_place;

/* Matches the longest label at the start of s[0..n) (case-folded, UTF-8;
 * LABEL_LOWER labels as written), read as at place. Returns the offset
 * where what follows it starts (past the label, a colon and spaces; in a
 * field also commas): the name, or the line's end ('\n' or n) when the
 * label stands alone. 0 when no label starts s. *flags gets the label's
 * flags. */
size_t byline_label_at(const char *s, size_t n, label_place place, unsigned *flags);

/* Whether s[0..n) is only a label that may stand alone, with a colon or
 * not ("By", "Written by:", "Author"): the name is on the next line. */
int byline_label_alone(const char *s, size_t n);

#endif
