/* Main-content extraction: the entry point, and the order of the steps.
 * Each step is a file of this folder (docs/extraction.md says what each
 * rule does and why); what they share is in internal.h.
 *
 *  1. measure.c         one pass over the DOM: element numbers, what can
 *                       never be content, what class/id/role/tag names say
 *                       (classify.c), visible and link characters.
 *  2. blocks.c          a walk in document order cuts the visible text into
 *                       blocks and records the inline marks.
 *     hidden.c    (2b)  hidden content shown when it is most of the page,
 *                       else dropped.
 *     function_words.c
 *                 (2c)  function words per block: lists of names are no prose.
 *     title.c           the headline.
 *  3. weight.c          each block's weight: prose for, boilerplate against;
 *     teasers.c         teasers of other pages weigh against;
 *     root.c            every element sums the weights below it: the best is
 *                       the root of the main content.
 *     replies.c   (3a)  readers' comments that no name gives away, set aside;
 *     threads.c         on a forum or Q&A page the comment names set aside;
 *     listing.c         a listing's records, or the prose, are the content;
 *     side_lists.c (3b) a list beside the headline's article is not;
 *     missing.c         a page that only says it is missing has none.
 *  4. emit.c            the blocks under the root, less what is not the
 *                       article's, go into
 *  5. tree.c, runs.c, figures.c
 *                       the article's tree: structure, inline runs, cells,
 *                       figures.
 *  6. comments.c        the comment section, apart.
 *     debug.c           the -DPITH_DEBUG_EXTRACT trace.
 */
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"

int extract_article(dom_doc *doc, arena *mem, article *out, char *err, size_t err_cap) {
  extraction x;
  memset(&x, 0, sizeof x);
  x.mem = mem;
  x.dl = doc->deadline;
  buf_init(&x.text);
  int rc = -1;
  x.elements = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.elements);
  x.hidden = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.hidden);
  if (!x.elements || !x.hidden)
    goto oom;

  /* 1. measure */
  measure_elements(&x, doc->root);
  dom_node *top = doc->body ? doc->body : doc->root;
  /* Broken markup can close the body early and leave the rest of the page
   * beside it (under <html>, or a second <html>). */
  if (top->chars < doc->root->chars)
    top = doc->root;
  clear_layout_names(&x, top);
  mark_signup_boxes(&x);

  /* 2. blocks */
  cut_blocks(&x, top);
  if (x.oom || x.text.oom || reveal_hidden_content(&x, top))
    goto oom;
  if (deadline_over(x.dl))
    goto timeout;
  count_stopwords(&x, doc);
  mark_sentence_shapes(&x);
  out->title = choose_title(&x, doc);

  /* 3. the root: chosen, then chosen again each time a rule sets part of
   * the page aside. */
  mark_teasers(&x, top);
  dom_node *root = choose_root(&x);
  switch (mark_unnamed_replies(&x, doc, root)) {
  case -1:
    goto oom;
  case 1:
    root = choose_root(&x);
    break;
  }
  if (set_related_aside(&x))
    root = choose_root(&x);
  root = set_thread_names_aside(&x, doc, root);
  mark_inside_boilerplate(&x);
  int listing_mode = 0;
  root = choose_listing_or_prose(&x, root, top, out->title, &listing_mode);
  if (root && !listing_mode)
    root = with_declared_opening(&x, doc, root);
  if (root && missing_page(&x))
    root = NULL;
#ifdef PITH_DEBUG_EXTRACT
  debug_dump(&x, root, listing_mode);
#endif

  /* 4, 5. emit the article's tree; 6. its comments */
  if (root) {
    switch (emit_article(&x, doc, top, root, listing_mode, out)) {
    case EMIT_OOM:
      goto oom;
    case EMIT_TIMEOUT:
      goto timeout;
    }
    if (extract_comments(&x, top, root, out))
      goto oom;
  }
  rc = 0;
  goto done;
oom:
  snprintf(err, err_cap, "out of memory");
  goto done;
timeout:
  snprintf(err, err_cap, "over the time budget while extracting");
done:
  free(x.blocks);
  free(x.marks);
  free(x.alone);
  buf_free(&x.text);
  return rc;
}
