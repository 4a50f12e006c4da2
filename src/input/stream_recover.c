/* After damage: a damaged member marked, the next member's magic bytes
 * looked for (going back in the file, within a budget, when the damage
 * showed far past the member's start), and bytes that start no member
 * skipped, each said with a break. */
#include <stdio.h>
#include <string.h>

#include "input/stream_internal.h"

/* Whether the magic at p (n bytes held from it) is taken for a member's
 * start: 1 when it decompresses to "WARC/" (or, for gzip, begins to, and
 * the data ends there: a member cut short), or when the probes' budget is
 * spent (taken unchecked); 0 when not (a magic in damaged or compressed
 * bytes, or a member that starts no record: after damage, reading goes on
 * at the next record; or a zstd frame whose first block runs past the end
 * of the data: zstd gives a block only whole, so it gives no byte, and
 * taking each such magic would read to the end and go back); 2 when more
 * bytes are needed; -1 out of memory. */
static int member_start(stream *s, const unsigned char *p, size_t n) {
  if (s->probed > 2 * s->read_to + PROBE_SLACK)
    return 1;
  size_t used;
  int r = stream_probe(s, p, n, &used);
  s->probed += used;
  if (r == 2 && s->raw_eof) {
    if (s->kind != STREAM_GZIP && !s->cut_at)
      s->cut_at = s->raw_base + (unsigned long long)(p - s->raw) + 1;
    return s->kind == STREAM_GZIP;
  }
  return r;
}

/* Skips raw bytes up to the next member's start (member_start), or the end
 * of the data. Returns the number skipped, or -1 on an error. Linear: each
 * magic is probed once (twice when the bytes held from it were too few),
 * for at most stream_probe_most bytes, within the probes' budget. */
long long stream_skip_to_magic(stream *s) {
  const unsigned char *magic = s->kind == STREAM_GZIP ? GZIP_MAGIC : ZSTD_MAGIC;
  size_t k = s->kind == STREAM_GZIP ? sizeof GZIP_MAGIC : sizeof ZSTD_MAGIC;
  long long skipped = 0;
  s->cut_at = 0;
  for (;;) {
    if (stream_raw_want(s, k) < 0)
      return -1;
    size_t avail = s->raw_len - s->raw_pos;
    if (avail < k) {
      skipped += (long long)avail;
      s->raw_pos = s->raw_len;
      return skipped;
    }
    const unsigned char *p = s->raw + s->raw_pos;
    int r = 0;
    size_t i = 0;
    for (; i + k <= avail; i++) {
      if (p[i] != magic[0] || memcmp(p + i, magic, k))
        continue;
      if ((r = member_start(s, p + i, avail - i)) != 0)
        break;
    }
    if (r < 0)
      return stream_fail(s, "out of memory");
    if (r == 1) {
      s->cut_at = 0; /* a frame after it: the cut one's bytes are the break's */
      s->raw_pos += i;
      return skipped + (long long)i;
    }
    if (r == 2) {
      /* judged again with the bytes a probe reads held (or all there are) */
      s->raw_pos += i;
      skipped += (long long)i;
      if (stream_raw_want(s, stream_probe_most(s)) < 0)
        return -1;
      continue;
    }
    /* keep the last k-1 bytes: a magic may straddle the buffer's end */
    s->raw_pos += avail - (k - 1);
    skipped += (long long)(avail - (k - 1));
  }
}

/* Where the search for the next member starts after damage to the member
 * at file offset `at`: just after its start, since a member cut short runs
 * into the next ones, taking them for its data (their starts may be
 * consumed already, or, when the damage showed far on, no longer held).
 * Moves the raw position there, as far back as it can go: in the bytes
 * held, else by reading the data again from there (seek), else from the
 * oldest byte held; and only within the budget for going back (at most
 * the bytes read so far plus REREAD_SLACK in all, so that members that
 * each run far into the next ones — hostile data — cost about two
 * readings of the file, not one a member). The bytes left unsearched are
 * set in b->lost_* (why, from, to), lost_to 0 when none. */
static void search_from(stream *s, unsigned long long at, member *b) {
  unsigned long long from = at + 1, cur = stream_raw_pos(s), held = s->raw_base;
  b->lost_to = 0;
  if (from >= cur) {
    if (from <= held + s->raw_len)
      s->raw_pos = (size_t)(from - held);
    return;
  }
  if (s->gone_back + (cur - from) > s->read_to + REREAD_SLACK) {
    b->lost_why = "damage after damage", b->lost_from = from, b->lost_to = cur;
    return;
  }
  s->gone_back += cur - from;
  if (from >= held) {
    s->raw_pos = (size_t)(from - held);
  } else if (s->seek && s->seek(s->ctx, from) == 0) {
    s->raw_base = from;
    s->raw_pos = s->raw_len = 0;
    s->raw_eof = 0;
  } else {
    b->lost_why = "the input cannot seek back", b->lost_from = from, b->lost_to = held;
    s->raw_pos = 0;
  }
}

/* Says a break's unsearched bytes after its damage (its first b->said
 * bytes), the span `lost` added to those it said already. */
static void say_lost(member *b, const member *lost) {
  if (!lost->lost_to)
    return;
  if (!b->lost_to) {
    b->lost_why = lost->lost_why, b->lost_from = lost->lost_from, b->lost_to = lost->lost_to;
  } else {
    if (lost->lost_from < b->lost_from)
      b->lost_from = lost->lost_from;
    if (lost->lost_to > b->lost_to)
      b->lost_to = lost->lost_to;
  }
  if (b->said < sizeof b->damage)
    snprintf(b->damage + b->said, sizeof b->damage - b->said,
             " (%s: records stored in bytes %llu to %llu are lost with it)", b->lost_why,
             b->lost_from, b->lost_to);
}

/* After a search that reached the data's end: the zstd frame cut short by
 * it that the search passed over (s->cut_at), said in buf (size n). */
static void cut_said(const stream *s, char *buf, size_t n) {
  if (s->cut_at)
    snprintf(buf, n, ", then a zstd frame cut short at byte %llu (truncated)", s->cut_at - 1);
}

/* The member (or frame) starting at file offset `at` is damaged (why):
 * mark it, and start a break at the next member — found by its magic from
 * `at` + 1 on (search_from), or, when scan is 0, where the raw position
 * already is (a frame skipped by its size). */
int stream_damaged(stream *s, const char *why, unsigned long long at, int scan) {
  member *m = s->nm && s->m[s->nm - 1].comp == at ? &s->m[s->nm - 1] : NULL;
  if (m)
    m->done = 1;
  s->in_member = 0;
  if (s->kind == STREAM_ZSTD)
    ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
  member lost = {0};
  s->cut_at = 0;
  if (scan) {
    search_from(s, at, &lost);
    if (stream_skip_to_magic(s) < 0)
      return -1;
  }
  s->search_lost = lost.lost_to != 0;
  if (m)
    m->end = stream_raw_pos(s); /* its bytes: up to the next member */
  char msg[sizeof m->damage];
  int len = snprintf(msg, sizeof msg, "%s at byte %llu", why, at);
  cut_said(s, msg + len, sizeof msg - (size_t)len);
  member *b = stream_member_add(s, msg, at);
  if (!b)
    return stream_fail(s, "out of memory");
  if (!b->said)
    b->said = strlen(b->damage);
  say_lost(b, &lost); /* a merged break says it too */
  /* The break is a member of its own until the next one starts. */
  stream_member_cut(s);
  return 0;
}

/* Between members: bytes that are not a member's start are skipped, and
 * said so with a break. Returns 1 at a member's start, 0 at the end. */
int stream_at_member(stream *s) {
  size_t k = s->kind == STREAM_GZIP ? 3 : 4;
  if (stream_raw_want(s, k) < 0)
    return -1;
  size_t avail = s->raw_len - s->raw_pos;
  if (avail == 0)
    return 0;
  const unsigned char *p = s->raw + s->raw_pos;
  if (s->kind == STREAM_GZIP && avail >= 3 && !memcmp(p, GZIP_MAGIC, 3))
    return 1;
  if (s->kind == STREAM_ZSTD && avail >= 4 &&
      (!memcmp(p, ZSTD_MAGIC, 4) || (le32(p) & 0xFFFFFFF0u) == 0x184D2A50u))
    return 1;
  unsigned long long at = stream_raw_pos(s);
  long long n = stream_skip_to_magic(s);
  if (n < 0)
    return -1;
  char msg[160];
  if (s->cut_at)
    n = (long long)(s->cut_at - 1 - at);
  int len = snprintf(msg, sizeof msg, "%lld bytes that are not %s data at byte %llu", n,
                     s->kind == STREAM_GZIP ? "gzip" : "zstd", at);
  cut_said(s, msg + len, sizeof msg - (size_t)len);
  if (!stream_member_add(s, msg, at))
    return stream_fail(s, "out of memory");
  stream_member_cut(s);
  return s->raw_pos < s->raw_len ? 1 : 0;
}
