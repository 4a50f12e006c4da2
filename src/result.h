/* What a pith_result holds: the article and the memory it lives in. */
#ifndef PITH_RESULT_H
#define PITH_RESULT_H

#include "article/article.h"
#include "pith.h"
#include "util/arena.h"

struct pith_result {
  arena mem;
  article art;
  const char *text;    /* the blocks joined, built on first request */
  const char *error;   /* set when extraction failed */
  const char *warning; /* a flaw of the input the extraction got past */
  /* Built on first request by the field accessors (src/fields.c). */
  const char *comments_text;    /* the comment section's text, or NULL */
  int comments_done;            /* comments_text was computed */
  const article_image **images; /* meta.images as an array, for item i */
};

#endif
