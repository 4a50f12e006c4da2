/* Decompression, a step at a time: gzip members (whole through libdeflate
 * when they fit, else through zlib a window at a time) and zstd frames,
 * each member remembered where it starts and ends. */
#include <stdint.h>
#include <string.h>
#include <zstd_errors.h>

#include "input/stream_internal.h"

/* Inside a member, compressed bytes to go on with: 1 when there are some,
 * 2 when the data ended inside the member (a break named with truncated),
 * 0 when it did but bytes after the member's start are left to look for
 * the members it ran into, -1 on error. */
static int member_input(stream *s, const char *truncated) {
  if (s->raw_pos < s->raw_len)
    return 1;
  int rc = stream_raw_fill(s);
  if (rc < 0)
    return -1;
  if (rc > 0)
    return 1;
  unsigned long long comp = s->m[s->nm - 1].comp;
  if (stream_damaged(s, truncated, comp, 1) < 0)
    return -1;
  if (s->raw_pos < s->raw_len || !s->raw_eof)
    return 0;
  /* No member after it: the file was cut short inside this one, whose
   * data came as far as it goes — unless bytes after its start went
   * unsearched (it may have run into members there, taking them for its
   * data). */
  member *b = &s->m[s->nm - 1];
  b->at_end = b->damage_at == comp && !s->search_lost;
  return 2;
}

/* A gzip member at the raw position inflated whole, in one call: 1 when
 * done (its data in the window, the member ended), 0 when zlib must do it
 * (nothing changed), -1 on error. */
static int gzip_whole(stream *s) {
  if (s->raw_len - s->raw_pos < RAW_WHOLE / 2 && stream_raw_want(s, RAW_WHOLE) < 0)
    return -1;
  const unsigned char *in = s->raw + s->raw_pos;
  size_t n = s->raw_len - s->raw_pos;
  if (n < 18 || (in[3] & 0x02))
    return 0; /* 18: a header and a trailer; 0x02: FHCRC, checked by zlib only */
  if (stream_win_room(s, WHOLE_OUT))
    return -1;
  size_t used = 0, made = 0;
  if (libdeflate_gzip_decompress_ex(s->whole, in, n, s->win + s->end, s->win_cap - s->end, &used,
                                    &made) != LIBDEFLATE_SUCCESS)
    return 0;
  if (s->nm)
    s->multi = 1;
  if (!stream_member_add(s, NULL, 0))
    return stream_fail(s, "out of memory");
  s->end += made;
  s->raw_pos += used;
  stream_member_end(s);
  return 1;
}

/* A member (gzip) or frame (zstd) starts at the read position: noted, and
 * the file marked as one of several when it is not the first. -1 when out
 * of memory. */
static int member_begin(stream *s) {
  if (s->nm)
    s->multi = 1;
  if (!stream_member_add(s, NULL, 0))
    return stream_fail(s, "out of memory");
  s->in_member = 1;
  return 0;
}

/* One step of gzip: 1 if bytes came, 0 if none yet, -1 on error, 2 at
 * the end of the data. */
int stream_gzip_step(stream *s) {
  if (!s->in_member) {
    int rc = stream_at_member(s);
    if (rc <= 0)
      return rc < 0 ? -1 : 2;
    unsigned long long before = s->offset + s->end; /* kept by win_room */
    rc = gzip_whole(s);
    if (rc)
      return rc < 0 ? -1 : s->offset + s->end > before;
    inflateReset(&s->z);
    if (member_begin(s) < 0)
      return -1;
  }
  int more = member_input(s, "truncated gzip data");
  if (more != 1)
    return more;
  size_t in_avail = s->raw_len - s->raw_pos, out_avail = s->win_cap - s->end;
  s->z.next_in = s->raw + s->raw_pos;
  s->z.avail_in = (uInt)(in_avail > UINT32_MAX ? UINT32_MAX : in_avail);
  s->z.next_out = s->win + s->end;
  s->z.avail_out = (uInt)(out_avail > UINT32_MAX ? UINT32_MAX : out_avail);
  int zr = inflate(&s->z, Z_NO_FLUSH);
  s->raw_pos += (size_t)(s->z.next_in - (s->raw + s->raw_pos));
  size_t made = (size_t)(s->z.next_out - (s->win + s->end));
  s->end += made;
  if (zr == Z_STREAM_END) {
    stream_member_end(s);
    s->in_member = 0;
  } else if (zr == Z_MEM_ERROR) {
    return stream_fail(s, "out of memory");
  } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
    if (stream_damaged(s, "corrupt gzip data", s->m[s->nm - 1].comp, 1) < 0)
      return -1;
  }
  return made ? 1 : 0;
}

int stream_zstd_step(stream *s) {
  if (!s->in_member) {
    int rc = stream_at_member(s);
    if (rc <= 0)
      return rc < 0 ? -1 : 2;
    if ((le32(s->raw + s->raw_pos) & 0xFFFFFFF0u) == 0x184D2A50u)
      return stream_zstd_skippable(s) < 0 ? -1 : 0;
    if (member_begin(s) < 0)
      return -1;
  }
  int more = member_input(s, "truncated zstd data");
  if (more != 1)
    return more;
  ZSTD_inBuffer in = {s->raw, s->raw_len, s->raw_pos};
  ZSTD_outBuffer out = {s->win, s->win_cap, s->end};
  size_t r = ZSTD_decompressStream(s->zd, &out, &in);
  s->raw_pos = in.pos;
  size_t made = out.pos - s->end;
  s->end = out.pos;
  if (ZSTD_isError(r)) {
    if (ZSTD_getErrorCode(r) == ZSTD_error_memory_allocation)
      return stream_fail(s, "out of memory");
    if (stream_damaged(s, "corrupt zstd data", s->m[s->nm - 1].comp, 1) < 0)
      return -1;
  } else if (r == 0) {
    stream_member_end(s);
    s->in_member = 0;
  }
  return made ? 1 : 0;
}
