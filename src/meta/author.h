/* Authors' names out of bylines and author fields: "By Jane Doe and John
 * Roe | June 9, 2017" gives "Jane Doe", "John Roe". */
#ifndef PITH_META_AUTHOR_H
#define PITH_META_AUTHOR_H

#include <stddef.h>

#include "util/arena.h"

/* Parses a byline (or an author field) s[0..len) into names, copied into
 * mem and appended to names[*n..cap) without duplicates (case folded).
 * Leading labels ("By", "Von", "Par": meta/byline_label.h; a label of
 * someone else, "Reviewed by", drops the names after it up to a writer's
 * label), roles ("Staff Writer"), dates, handles,
 * addresses and what follows a separator ("|", "•") are dropped;
 * credentials stay with their name ("Jane Doe, MS, RD"). Returns the number
 * of names added. */
size_t author_parse(const char *s, size_t len, arena *mem, const char **names, size_t *n,
                    size_t cap);

/* Finds a byline in running text ("... By Jane Doe | June 9 ..."): a label
 * that opens a line (meta/byline_label.h: "By", "Written by", "Von",
 * "Author:") at a line's start or after a separator and capitalised names
 * after it, or a label on a line of its own and the name on the next.
 * With written_only, only labels that say who wrote the text ("Written
 * by", "Article by", "Authored by"), not a bare "By". Labels that name
 * someone else ("Reviewed by") give none. Adds the names as author_parse
 * does; returns how many. */
size_t author_from_text(const char *s, size_t len, int written_only, arena *mem, const char **names,
                        size_t *n, size_t cap);

/* A byline as a line of text shows it ("By Jane Doe and John Roe,
 * Reuters"): the names author_parse reads in it that are written as names
 * (capitalised words, lower-case particles between them: "Sarah E.
 * Needleman", "Ludwig van Beethoven"), appended to names[*n..cap) without
 * duplicates. A news agency alone ("Reuters", "AP") is a source, not an
 * author: when agency is not NULL it gets the agency's name and no name is
 * added. Returns how many names were added. The one reading of bylines for
 * HTML pages and for pages flattened to text. */
size_t author_byline(const char *s, size_t len, arena *mem, const char **names, size_t *n,
                     size_t cap, const char **agency);

/* Whether an address is an author's page by its path ("/author/jane-doe",
 * "/autor/...", "/auteur/..."): a link there names a person who signs. */
int author_page_href(const char *href);

/* Whether s is a news agency's name ("Reuters", "AFP", "dpa"). */
int author_is_agency(const char *s);

/* Whether s reads like a person's or an organisation's name. */
int author_plausible(const char *s);

/* Whether s holds a word of a role ("Staff Writer"): a job, not a name. */
int author_is_role(const char *s);

#endif
