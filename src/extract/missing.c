/* Step 3, a page that says it is missing: a soft 404, served as a page
 * ("Page not found", "Sorry, the page you are looking for does not
 * exist."). Its one or two short lines are the site's template speaking,
 * not the page's content: a corpus would gather the same sentence from
 * every dead link, and a reader learns what happened from the title. Such
 * a page has no main content (its text is empty; its title stays). */
#include "extract/internal.h"

/* All the page's prose together: at most this many characters. */
#ifndef MISSING_PROSE_MAX
#define MISSING_PROSE_MAX 200
#endif

/* What a missing page says (word starts, case folded), in the stop word
 * lists' languages. */
static int says_missing(const char *s, uint32_t len) {
  static const char *const words[] = {
      "not found",        "does not exist",      "doesn't exist",     "doesn’t exist",
      "cannot be found",  "can't be found",      "can’t be found",    "could not be found",
      "no longer exists", "no longer available", "nothing was found", "error 404",
      "nicht gefunden",   "existiert nicht",     "introuvable",       "n'existe pas",
      "n’existe pas",     "no encontrad",        "no existe",         "non trovat",
      "non esiste",       "não encontrad",       "não existe",        "niet gevonden",
      "bestaat niet"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (has_word_ci(s, len, words[i], 0))
      return 1;
  return 0;
}

/* Words that say it is the page (or its address) that is missing. */
static int says_page(const char *s, uint32_t len) {
  static const char *const words[] = {"page", "404", "url", "seite", "página", "pagina", "link"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (has_word_ci(s, len, words[i], 0))
      return 1;
  return 0;
}

int missing_page(const extraction *x) {
  /* The prose first: on most pages it is over the bound in a few blocks. */
  uint32_t prose = 0;
  for (size_t i = 0; i < x->nblocks; i++)
    if (x->blocks[i].weight > 0 && (prose += x->blocks[i].chars) > MISSING_PROSE_MAX)
      return 0;
  int missing = 0, page = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    const text_block *b = &x->blocks[i];
    if (b->weight > 0 || (b->container && b->container->tag == TAG_H1 && !b->neg)) {
      missing |= says_missing(x->text.data + b->off, b->len);
      page |= says_page(x->text.data + b->off, b->len);
    }
  }
  if (x->doc_title) {
    missing |= says_missing(x->doc_title, (uint32_t)x->doc_title_len);
    page |= says_page(x->doc_title, (uint32_t)x->doc_title_len);
  }
  return prose > 0 && missing && page;
}
