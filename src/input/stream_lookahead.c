/* Giving up a member whose record is too large to keep (stream_abandon):
 * the rest of it is not inflated, and for a file's first member the next
 * member starting a record is looked for ahead in the compressed bytes. */
#include <string.h>

#include "input/stream_internal.h"

/* Whether a member (frame) may start at p[0..4): its magic, and for gzip
 * no reserved flag set. */
static int magic_at(const stream *s, const unsigned char *p) {
  if (s->kind == STREAM_GZIP)
    return p[0] == GZIP_MAGIC[0] && !memcmp(p, GZIP_MAGIC, 3) && !(p[3] & 0xE0);
  return p[0] == ZSTD_MAGIC[0] && !memcmp(p, ZSTD_MAGIC, 4);
}

/* The first member of a gzip file (frame of a zstd file) holds a record
 * too large to keep, and whether the file is one member per record or one
 * stream of all records is not known yet. Looks ahead in the compressed
 * bytes (held in `raw`, up to LOOKAHEAD_MAX of them) for a member (frame)
 * that decompresses to "WARC/": sets
 * *at to its offset from the raw position and returns 1; 0 when there is
 * none (decompression goes on from where it was: nothing was consumed),
 * -1 on an error. Each byte is looked at once, each candidate inflated for
 * at most stream_probe_most bytes, PROBES_MAX times: linear and bounded.
 *
 * A false positive — the bytes of a single stream holding a member that
 * starts "WARC/", e.g. a stored (level 0) stream whose record carries a
 * .warc.gz as its payload — costs the records after the large one in that
 * stream: reading goes on in the inner file, then at the next member.
 * Compressed bytes hold such a member by chance with odds near 2^-64 a
 * byte. */
static int find_record_member(stream *s, size_t *at) {
  size_t i = 0; /* the next offset (from the raw position) to look at */
  int probes = 0;
  for (;;) {
    size_t avail = s->raw_len - s->raw_pos, used;
    unsigned char *p = s->raw + s->raw_pos;
    for (; i + 4 <= avail && probes < PROBES_MAX; i++) {
      if (!magic_at(s, p + i))
        continue;
      int r = stream_probe(s, p + i, avail - i, &used);
      if (r < 0)
        return -1;
      if (r == 1) {
        *at = i;
        return 1;
      }
      if (r == 2 && !s->raw_eof)
        break; /* tried again with more bytes */
      probes++;
    }
    if (probes == PROBES_MAX || s->raw_eof || avail >= LOOKAHEAD_MAX)
      return 0;
    /* Twice as many bytes (never one buffer more at a time: no quadratic copying). */
    size_t more = avail < RAW_CAP ? 2 * RAW_CAP : 2 * avail;
    if (stream_raw_want(s, more < LOOKAHEAD_MAX ? more : LOOKAHEAD_MAX) < 0)
      return -1;
  }
}

int stream_abandon(stream *s, unsigned long long member_dec) {
  if (s->kind != STREAM_GZIP && s->kind != STREAM_ZSTD)
    return 0;
  if (!s->in_member || !s->nm || s->m[s->nm - 1].dec != member_dec || stream_pos(s) < member_dec)
    return 0;
  /* One member may be the whole file: skipped only when another member is
   * known, or found ahead starting "WARC/". */
  size_t ahead = 0;
  if (!s->multi) {
    if (s->looked_ahead)
      return 0;
    s->looked_ahead = 1;
    int rc = find_record_member(s, &ahead);
    if (rc <= 0)
      return rc;
  }
  stream_member_cut(s);
  s->in_member = 0;
  if (s->kind == STREAM_ZSTD)
    ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
  s->end = s->start; /* what was inflated of it is not wanted */
  if (!s->multi)
    s->raw_pos += ahead;
  else if (stream_skip_to_magic(s) < 0)
    return -1;
  s->m[s->nm - 1].end = stream_raw_pos(s);
  return 1;
}
