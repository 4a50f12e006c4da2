/* What the stream remembers of its members (gzip members, zstd frames)
 * and breaks: where each starts in the decompressed data and in the file,
 * and why the data before a break was cut. The record parser asks it where
 * a record is stored and whether damage lies ahead. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/stream_internal.h"

/* A member (or break) starting at the current decompressed offset. One
 * that gave no byte leaves no trace in what the parser asks (a boundary
 * there is the next member's too, and only the first break at an offset is
 * ever reported): an empty member is replaced by the next, a break right
 * after another is not kept, so that millions of empty or corrupt members
 * in a row take no memory. */
member *stream_member_add(stream *s, const char *damage, unsigned long long damage_at) {
  unsigned long long dec = s->offset + s->end;
  while (s->nm && s->m[s->nm - 1].dec == dec && s->m[s->nm - 1].done) {
    member *last = &s->m[s->nm - 1];
    if (last->damage[0] && damage)
      return last;
    if (last->damage[0])
      break;
    s->nm--;
  }
  if (s->nm == s->mcap) {
    size_t cap = s->mcap ? 2 * s->mcap : 16;
    member *m = realloc(s->m, cap * sizeof *m);
    if (!m)
      return NULL;
    s->m = m;
    s->mcap = cap;
  }
  member *m = &s->m[s->nm++];
  memset(m, 0, sizeof *m);
  m->dec = dec;
  m->comp = stream_raw_pos(s);
  if (damage)
    snprintf(m->damage, sizeof m->damage, "%s", damage);
  m->damage_at = damage_at;
  return m;
}

/* The member being decompressed has ended well (end known). */
void stream_member_end(stream *s) {
  if (s->nm) {
    s->m[s->nm - 1].end = stream_raw_pos(s);
    s->m[s->nm - 1].done = 1;
  }
}

/* The member being decompressed is damaged: it ends here. */
void stream_member_cut(stream *s) {
  if (s->nm)
    s->m[s->nm - 1].done = 1;
}

/* The index of the first member starting after `from` (from ULLONG_MAX:
 * the first of all): members are in stream order, so a binary search. */
static size_t first_after(const stream *s, unsigned long long from) {
  if (from == ULLONG_MAX)
    return 0;
  size_t lo = 0, hi = s->nm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->m[mid].dec > from)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

void stream_forget(stream *s, unsigned long long keep, unsigned long long before) {
  /* [0, k): wholly before `keep`'s member; [j, i): between it and `before` */
  size_t j = first_after(s, keep), k = j ? j - 1 : 0, i = first_after(s, before);
  if (i)
    i--; /* the member holding `before` stays */
  if (i > j) {
    memmove(s->m + j, s->m + i, (s->nm - i) * sizeof *s->m);
    s->nm -= i - j;
  }
  if (k) {
    memmove(s->m, s->m + k, (s->nm - k) * sizeof *s->m);
    s->nm -= k;
  }
}

static const member *member_at(const stream *s, unsigned long long at) {
  size_t i = first_after(s, at);
  return i ? &s->m[i - 1] : NULL;
}

void stream_member(const stream *s, unsigned long long at, unsigned long long *start,
                   unsigned long long *length) {
  const member *m = s->kind == STREAM_PLAIN || s->kind < 0 ? NULL : member_at(s, at);
  if (!m) {
    *start = at;
    *length = 0;
    return;
  }
  *start = m->comp;
  *length = m->end > m->comp ? m->end - m->comp : 0;
}

int stream_member_done(const stream *s, unsigned long long at) {
  const member *m = member_at(s, at);
  return !m || m->done || s->data_eof || s->failed;
}

int stream_boundary(const stream *s, unsigned long long from, unsigned long long to,
                    unsigned long long *at, const char **damage, unsigned long long *damage_at) {
  size_t i = first_after(s, from);
  if (i == s->nm || s->m[i].dec > to)
    return 0;
  /* A member that gave no byte (corrupt from its start) shares its offset
   * with its break and the next member: the break speaks for them all,
   * else a caller moving on past this offset would never see it. */
  for (size_t k = i; k < s->nm && s->m[k].dec == s->m[i].dec; k++)
    if (s->m[k].damage[0]) {
      i = k;
      break;
    }
  *at = s->m[i].dec;
  *damage = s->m[i].damage[0] ? s->m[i].damage : NULL;
  *damage_at = s->m[i].damage_at;
  return 1;
}

int stream_break_at_end(const stream *s, unsigned long long at) {
  for (size_t i = first_after(s, at ? at - 1 : ULLONG_MAX); i < s->nm && s->m[i].dec == at; i++)
    if (s->m[i].damage[0])
      return s->m[i].at_end;
  return 0;
}
