/* Step 2b, hidden content: the walk kept the blocks of hidden containers
 * apart. Pages that stream their content into hidden containers for a
 * script to reveal hold most of their text there, so a hidden element
 * whose prose is new (not a copy of what the page shows, as schema.org
 * mirrors and print copies are) and a large share of the page's is shown
 * after all. Hidden menus and pop-ups are small or made of links and stay
 * hidden; the blocks of whatever stays hidden are dropped. */
#include <stdlib.h>

#include "extract/internal.h"

/* Shown: 400 characters of new prose or more, and this share of the
 * visible prose. */
#ifndef REVEAL_SHARE
#define REVEAL_SHARE 0.3f
#endif

/* Words as 64-bit hashes, case folded for ASCII; calls f for each. */
static void for_each_word(const char *s, uint32_t len, void (*f)(void *, uint64_t, uint32_t),
                          void *ctx) {
  uint32_t i = 0;
  while (i < len) {
    while (i < len && is_space((unsigned char)s[i]))
      i++;
    uint64_t h = 1469598103934665603ULL;
    uint32_t start = i;
    while (i < len && !is_space((unsigned char)s[i])) {
      unsigned char c = (unsigned char)s[i++];
      h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ULL;
    }
    if (i > start)
      f(ctx, h ? h : 1, i - start);
  }
}

typedef struct {
  uint64_t *set;
  size_t cap;
  float novel;
} word_set;

static void add_word(void *ctx, uint64_t h, uint32_t len) {
  word_set *w = ctx;
  (void)len;
  seen_before(w->set, w->cap, h);
}

static void count_novel(void *ctx, uint64_t h, uint32_t len) {
  word_set *w = ctx;
  size_t i = hash_slot(h, w->cap);
  while (w->set[i] && w->set[i] != h)
    i = (i + 1) & (w->cap - 1);
  if (!w->set[i])
    w->novel += (float)len;
}

int reveal_hidden_content(extraction *x, dom_node *top) {
  float visible = (float)(top->chars - top->link_chars);
  int candidates = 0;
  for (uint32_t i = 0; i < x->nhidden; i++) {
    dom_node *h = x->hidden[i];
    float prose = (float)(h->chars - h->link_chars);
    h->score = 0; /* the new prose below it, for now */
    if (prose >= 400 && prose >= REVEAL_SHARE * visible)
      candidates = 1;
  }
  if (candidates) {
    /* New prose: words the visible page does not have (schema.org mirrors
     * and print copies repeat the article, under other block boundaries). */
    word_set w = {NULL, 16, 0};
    while (w.cap < x->text.len / 2 + 16)
      w.cap *= 2;
    if (!(w.set = calloc(w.cap, sizeof *w.set)))
      return -1;
    for (size_t i = 0; i < x->nblocks; i++)
      if (!x->blocks[i].hidden)
        for_each_word(x->text.data + x->blocks[i].off, x->blocks[i].len, add_word, &w);
    for (size_t i = 0; i < x->nblocks; i++) {
      text_block *b = &x->blocks[i];
      if (!b->hidden || b->link_chars * 2 >= b->chars)
        continue;
      w.novel = 0;
      for_each_word(x->text.data + b->off, b->len, count_novel, &w);
      b->hidden->score += w.novel;
    }
    free(w.set);
  }
  for (uint32_t i = 0; i < x->nhidden; i++) {
    dom_node *h = x->hidden[i];
    if (h->score < 400 || h->score < REVEAL_SHARE * visible)
      continue;
    for (dom_node *p = h->parent; p && p->tag != TAG_TEXT; p = p->parent) {
      if (p->flags & NF_JUNK)
        break;
      p->chars += h->chars;
      p->link_chars += h->link_chars;
      p->flags |= NF_HASBLOCK;
    }
    h->flags &= ~(uint32_t)NF_JUNK;
  }
  /* Drop the blocks of whatever stays hidden. */
  size_t kept = 0;
  for (size_t i = 0; i < x->nblocks; i++) {
    text_block *b = &x->blocks[i];
    int hidden = 0;
    for (const dom_node *n = b->hidden; n && n != top && n->tag != TAG_TEXT; n = n->parent)
      if (n->flags & NF_JUNK) {
        hidden = 1;
        break;
      }
    if (!hidden)
      x->blocks[kept++] = *b;
  }
  x->nblocks = kept;
  return 0;
}
