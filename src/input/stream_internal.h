/* What the stream's files share: the stream itself, its members, its
 * limits. Private to src/input/stream*.c. Each file does one job:
 *
 *   stream.c            the stream's life, the window, stream_more's loop
 *   stream_raw.c        raw input from the callback
 *   stream_decompress.c gzip members and zstd frames, a step at a time
 *   stream_dict.c       zstd skippable frames and the dictionary frame
 *   stream_members.c    where members and breaks are, for the parser
 *   stream_recover.c    damage: the next member found, going back if need be
 *   stream_lookahead.c  a member given up (too large), looked past
 *   stream_probe.c      whether a member starts a record */
#ifndef PITH_INPUT_STREAM_INTERNAL_H
#define PITH_INPUT_STREAM_INTERNAL_H

#include <libdeflate.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>
#include <zstd.h>

#include "input/stream.h"

/* The stream's own functions: hidden from libpith.so's symbol table. */
#pragma GCC visibility push(hidden)

#define RAW_CAP ((size_t)1 << 16)
/* gzip members are inflated whole by libdeflate (about twice zlib's speed)
 * when one lies in the compressed bytes held — at least RAW_WHOLE of them
 * are, while the file lasts — and fits the window's free space (made
 * WHOLE_OUT at least, so 2-4 MiB). Other members (larger, damaged, cut by
 * the buffer's end) go through zlib, a window at a time: a bomb costs that
 * free space's worth of inflating (milliseconds), then is skipped as
 * before. */
#define RAW_WHOLE ((size_t)1 << 20)
#define WHOLE_OUT ((size_t)1 << 21)
#define WINDOW_MIN ((size_t)1 << 16)
#define MAX_DICT ((size_t)64 << 20) /* a zstd dictionary frame */
/* Looking ahead of the first gzip member (zstd frame) for the next one
 * (stream_abandon):
 * at most this many compressed bytes held, at most PROBE_IN (PROBE_ZSTD) of them for a
 * candidate member to inflate to "WARC/", at most PROBES_MAX candidates. */
#define LOOKAHEAD_MAX ((size_t)16 << 20)
#define PROBE_IN ((size_t)4096)
/* A zstd frame's probe reads its header and first block whole: a
 * compressed block gives no byte before all of it is there. */
#define PROBE_ZSTD ((size_t)ZSTD_BLOCKSIZE_MAX + 32)
#define PROBES_MAX 256
/* The search for the next member after damage probes each magic it finds
 * (stream_skip_to_magic): the compressed bytes probed, in all, stay under
 * twice the bytes read plus this; past it, magics are taken unchecked. */
#define PROBE_SLACK ((unsigned long long)16 << 20)
/* Going back after damage (search_from): the bytes gone back over, in all,
 * stay under the bytes read plus this. */
#define REREAD_SLACK ((unsigned long long)16 << 20)

typedef struct {
  unsigned long long dec;       /* where its data starts in the stream */
  unsigned long long comp, end; /* its bytes in the file; end 0 until known */
  int done;                     /* ended (end known), damaged, or cut by the end of data */
  char damage[192];             /* why the data before this member was cut, or "" */
  unsigned long long damage_at; /* where the damaged bytes start in the file */
  int at_end; /* a break where the data ended inside the member before it, with no member
                 after it: a file cut short, whose member gave what came before the cut */
  /* Bytes left unsearched after damage (stream_recover.c): the break's
   * message says them, its first `said` bytes being the damage. A break
   * right after another is merged into it: the span grows to cover both. */
  unsigned long long lost_from, lost_to; /* lost_to 0: none */
  const char *lost_why;
  size_t said;
} member;

struct stream {
  stream_read_fn rd;
  stream_seek_fn seek; /* NULL: the data is read once */
  void *ctx;
  unsigned char *raw; /* input not yet decompressed: [raw_pos, raw_len) */
  size_t raw_cap, raw_len, raw_pos;
  unsigned long long raw_base; /* file offset of raw[0] */
  int raw_eof;
  unsigned long long read_to;   /* the furthest file offset read */
  unsigned long long gone_back; /* bytes gone back over after damage, in all (search_from) */
  int search_lost;              /* the last search after damage left bytes unsearched */
  /* Where the last stream_skip_to_magic that reached the data's end passed
   * over a zstd frame cut short by it, plus 1 (0: none): said as such. */
  unsigned long long cut_at;
  int kind; /* -1 not known yet, else a stream_kind */
  int in_member;
  int multi;        /* a member has ended and another started: one member per record */
  int looked_ahead; /* the first member was searched past for a record's member */
  z_stream z;
  int z_ready;
  struct libdeflate_decompressor *whole; /* gzip members inflated in one call */
  ZSTD_DCtx *zd;
  ZSTD_DDict *dict; /* the dictionary frame's, shared with the probes */
  z_stream probe_z; /* the probes' contexts (stream_probe.c), made when first needed */
  int probe_z_ready;
  ZSTD_DCtx *probe_zd;
  unsigned long long probed; /* compressed bytes the search after damage probed, in all */
  /* What the probes know (stream_probe.c), by file offset: bytes holding
   * no zero byte, [zero_from, zero_to), and a zero at zero_to when
   * zero_found; the result of the last deflate data probed, at
   * probe_memo_at - 1 (0: none). */
  unsigned long long zero_from, zero_to, probe_memo_at;
  int zero_found, probe_memo;
  int data_eof;       /* no more decompressed data will come */
  unsigned char *win; /* decompressed bytes: [start, end) */
  size_t win_cap, start, end;
  unsigned long long offset; /* stream offset of win[start] */
  member *m;
  size_t nm, mcap;
  char err[96];
  int failed;
};

static const unsigned char GZIP_MAGIC[3] = {0x1f, 0x8b, 0x08};
static const unsigned char ZSTD_MAGIC[4] = {0x28, 0xb5, 0x2f, 0xfd};

static inline uint32_t le32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* stream.c */
/* An unrecoverable error: the message kept, -1 returned. */
int stream_fail(stream *s, const char *msg);
/* Room for want more decompressed bytes at the window's end: 0, or -1. */
int stream_win_room(stream *s, size_t want);

/* stream_raw.c */
/* More raw bytes: 1 if some came, 0 at the end of the file, -1 on error. */
int stream_raw_fill(stream *s);
/* Reads until n raw bytes are buffered (growing the buffer) or the input
 * ends: 1, 0 when fewer came, -1 on error. */
int stream_raw_want(stream *s, size_t n);

/* stream_members.c */
/* A member (or break, with its damage) starting at the current
 * decompressed offset; NULL when out of memory. */
member *stream_member_add(stream *s, const char *damage, unsigned long long damage_at);
/* The member being decompressed has ended well (end known). */
void stream_member_end(stream *s);
/* The member being decompressed is damaged: it ends here. */
void stream_member_cut(stream *s);

/* stream_recover.c */
/* Skips raw bytes up to the next member's magic (or the end of the data):
 * the number skipped, or -1 on a read error. */
long long stream_skip_to_magic(stream *s);
/* The member at file offset `at` is damaged (why): a break at the next
 * member, looked for from at + 1 when scan is set. 0, or -1 on error. */
int stream_damaged(stream *s, const char *why, unsigned long long at, int scan);
/* Between members: 1 at a member's start (bytes before it skipped, with a
 * break), 0 at the end, -1 on error. */
int stream_at_member(stream *s);

/* stream_probe.c */
/* Whether the gzip member (zstd frame) starting at p (n bytes of it here,
 * p inside s->raw) decompresses to "WARC/": 1 yes, 0 no, 2 when more bytes
 * are needed (n under stream_probe_most), -1 out of memory. *used: the
 * bytes it read, at most about stream_probe_most. */
int stream_probe(stream *s, const unsigned char *p, size_t n, size_t *used);
/* The most bytes a probe reads: PROBE_IN for gzip, PROBE_ZSTD for zstd. */
size_t stream_probe_most(const stream *s);

/* stream_dict.c */
/* A zstd skippable frame at the raw position, loaded or skipped: 0, or -1. */
int stream_zstd_skippable(stream *s);

/* stream_decompress.c */
/* One step of gzip (zstd): 1 if bytes came, 0 if none yet, 2 at the end of
 * the data, -1 on error. */
int stream_gzip_step(stream *s);
int stream_zstd_step(stream *s);

#pragma GCC visibility pop

#endif
