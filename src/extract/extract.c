/* Main-content extraction.
 *
 * 1. measure: one pass over the DOM marks what can never be content (scripts,
 *    hidden elements, form controls), classifies elements by class/id/role
 *    words, and sums visible characters and link characters per element.
 * 2. blocks: a walk in document order cuts the visible text into blocks
 *    (paragraphs, headings, list items, table rows, ...), each remembering
 *    the element that holds it and any boilerplate element around it.
 * 3. root: every block gets a weight — positive for prose, negative for link
 *    lists, short fragments and boilerplate — and every element the sum of
 *    the weights below it. The element with the largest sum is the root of
 *    the main content: it takes in an article split over several sibling
 *    containers, and stops before the menus and lists around it. Readers'
 *    comments and lists of other pages that no name gives away are found
 *    by their build, beside the headline's own prose, and set aside.
 * 4. emit: the blocks under the root, less boilerplate inside it, link
 *    lists and repeats, become the article.
 */
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/classify.h"
#include "extract/internal.h"
#include "meta/credit.h"
#include "meta/lang.h"
#include "util/buf.h"
#include "util/deadline.h"
#include "util/url.h"

/* ---- 4. emit ------------------------------------------------------------- */

static int keep_block(const extraction *x, const text_block *b, const dom_node *root, int listing) {
  if (b->container == NULL || b->container->order < root->order ||
      b->container->order > root->order_end)
    return 0;
  if (b->teaser && !listing)
    return 0;
  /* A listing's records are made of bylines and dates: there only a
   * boilerplate name counts, not a metadata one, and a weak one ("header")
   * only on more than a record's worth of text. */
  const dom_node *boiler = listing ? b->neg : b->boiler;
  if (listing && boiler && (boiler->flags & NF_WEAKNEG) && boiler->chars < LISTING_WEAK_MAX)
    boiler = NULL; /* "listing__header": a record's header, not the page's */
  if (boiler && boiler->order > root->order && !(x->names_ignored && !is_structural(boiler)))
    return 0;
  /* A table of contents repeats the headings below it. */
  if (!listing && b->kind == BLOCK_LIST_ITEM && b->anchor_chars * 4 > b->chars * 3)
    return 0;
  /* Inside the root, only blocks that are nearly all link text are lists of
   * links; a paragraph with a few links in it is prose. */
  if (!listing && b->kind != BLOCK_HEADING && b->chars > 0 && b->link_chars * 4 > b->chars * 3)
    return 0;
  return 1;
}

/* Whether the heading kept[k] is followed by content before the next heading
 * of its rank or higher. */
static int heads_something(const extraction *x, const size_t *kept, size_t nkept, size_t k) {
  int level = x->blocks[kept[k]].level;
  for (size_t j = k + 1; j < nkept; j++) {
    const text_block *b = &x->blocks[kept[j]];
    if (b->kind != BLOCK_HEADING)
      return 1;
    if (b->level <= level)
      return 0;
  }
  return 0;
}

/* The run of kept blocks with the largest total weight: bylines, dates and
 * "more stories" lists at the edges of the root fall away, short lines
 * between paragraphs stay. */
#ifndef TRIM_EDGES
#define TRIM_EDGES 1
#endif

static void best_run(const extraction *x, const size_t *kept, size_t nkept, size_t *from,
                     size_t *to) {
  float best = -1e30f, run = 0;
  size_t start = 0;
  for (size_t k = 0; k < nkept; k++) {
    if (run <= 0) {
      run = 0;
      start = k;
    }
    run += x->blocks[kept[k]].weight;
    if (run >= best) {
      best = run;
      *from = start;
      *to = k + 1;
    }
  }
}

#ifdef PITH_DEBUG_EXTRACT
static void debug_node(const dom_node *n) {
  fprintf(stderr, "<%s", n->tag == TAG_UNKNOWN ? n->name : tag_name((tag_id)n->tag));
  if (n->id)
    fprintf(stderr, " id=%s", n->id);
  if (n->cls)
    fprintf(stderr, " class=\"%.80s\"", n->cls);
  fprintf(stderr, "> o=%u-%u score=%.0f chars=%u links=%u flags=%x\n", n->order, n->order_end,
          n->score, n->chars, n->link_chars, n->flags);
}
static void debug_dump(extraction *x, dom_node *root, int listing) {
  fprintf(stderr, "elements %u blocks %zu\n", x->nelements, x->nblocks);
  for (uint32_t i = 0; i < x->nelements && i < 20; i++) {
    fprintf(stderr, "EL ");
    debug_node(x->elements[i]);
  }
  for (uint32_t i = 0; i < x->nelements; i++)
    if (x->elements[i]->tag == TAG_H1) {
      for (dom_node *p = x->elements[i]; p && p->tag != TAG_TEXT; p = p->parent) {
        fprintf(stderr, "H1-CHAIN ");
        debug_node(p);
      }
      break;
    }
  if (!root)
    return;
  fprintf(stderr, "ROOT ");
  debug_node(root);
  for (dom_node *p = root->parent; p && p->tag != TAG_UNKNOWN; p = p->parent) {
    fprintf(stderr, "  up ");
    debug_node(p);
  }
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    fprintf(stderr, "%c%c %6.1f %4u/%4u k%d [%.60s] in ",
            keep_block(x, b, root, listing) ? '+' : '-', b->teaser ? 'T' : ' ', b->weight,
            b->link_chars, b->chars, b->kind, x->text.data + b->off);
    debug_node(b->container);
    if (b->boiler) {
      fprintf(stderr, "      boiler ");
      debug_node(b->boiler);
    }
  }
}
#endif

/* ---- driver -------------------------------------------------------------- */

int extract_article(dom_doc *doc, arena *mem, article *out, char *err, size_t err_cap) {
  extraction x;
  memset(&x, 0, sizeof x);
  x.mem = mem;
  x.dl = doc->deadline;
  buf_init(&x.text);
  int rc = -1;
  uint64_t *seen = NULL;
  x.elements = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.elements);
  x.hidden = arena_alloc(mem, (doc->nodes + 1) * sizeof *x.hidden);
  if (!x.elements || !x.hidden)
    goto oom;
  measure_elements(&x, doc->root);
  dom_node *top = doc->body ? doc->body : doc->root;
  /* Broken markup can close the body early and leave the rest of the page
   * beside it (under <html>, or a second <html>). */
  if (top->chars < doc->root->chars)
    top = doc->root;
  clear_layout_names(&x, top);
  cut_blocks(&x, top);
  if (x.oom || x.text.oom || reveal_hidden_content(&x, top))
    goto oom;
  if (deadline_over(x.dl))
    goto timeout;
  count_stopwords(&x, doc);

  out->title = choose_title(&x, doc);
  mark_teasers(&x, top);
  dom_node *root = choose_root(&x);
  switch (mark_unnamed_replies(&x, doc, root)) {
  case -1:
    goto oom;
  case 1:
    root = choose_root(&x);
    break;
  }
  root = set_thread_names_aside(&x, doc, root);
  mark_inside_boilerplate(&x);
  int listing_mode = 0;
  root = choose_listing_or_prose(&x, root, top, out->title, &listing_mode);
#ifdef PITH_DEBUG_EXTRACT
  debug_dump(&x, root, listing_mode);
#endif
  if (root) {
    size_t cap = 16;
    while (cap < x.nblocks * 2)
      cap *= 2;
    seen = calloc(cap, sizeof *seen);
    if (!seen)
      goto oom;
    /* Pick the blocks, then drop headings that head nothing (a widget's
     * title, "Advertisement") before emitting. */
    size_t *kept = malloc((x.nblocks + 1) * sizeof *kept);
    if (!kept)
      goto oom;
    size_t nkept = 0;
    for (size_t i = 0; i < x.nblocks; i++) {
      text_block *b = &x.blocks[i];
      if (!keep_block(&x, b, root, listing_mode))
        continue;
      const char *t = x.text.data + b->off;
      if (seen_before(seen, cap, hash_text(t, b->len)))
        continue;
      kept[nkept++] = i;
    }
    size_t from = 0, to = nkept;
    if (!listing_mode && TRIM_EDGES)
      best_run(&x, kept, nkept, &from, &to);
    tree t = {.x = &x, .a = out, .mem = mem, .root = root, .base = link_base(doc, out->url)};
    if (!listing_mode && emit_lead_figures(&t, top)) {
      free(kept);
      goto oom;
    }
    if (from > 0) /* lone images after the blocks trimmed away */
      t.last_end = x.blocks[kept[from - 1]].off + x.blocks[kept[from - 1]].len;
    for (size_t k = from; k < to; k++) {
      if (deadline_over(x.dl)) {
        free(kept);
        goto timeout;
      }
      text_block *b = &x.blocks[kept[k]];
      if (!listing_mode && b->kind == BLOCK_HEADING && !heads_something(&x, kept, nkept, k))
        continue;
      if (emit_block(&t, b)) {
        free(kept);
        goto oom;
      }
    }
    free(kept);
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
  free(seen);
  free(x.blocks);
  free(x.marks);
  free(x.alone);
  buf_free(&x.text);
  return rc;
}
