/* A decompressed byte stream over a file of records: plain bytes, gzip
 * members or zstd frames, read through a callback a buffer at a time.
 *
 * It remembers where each gzip member (zstd frame) starts and ends in the
 * compressed file, so the record parser above it can say where a record is
 * stored (what a crawl index holds), and it survives damage: a corrupt or
 * truncated member, or bytes that start no member, become a "break" in the
 * stream (the parser names the damaged record), and decompression goes on
 * at the next member it can find. */
#ifndef PITH_INPUT_STREAM_H
#define PITH_INPUT_STREAM_H

#include <stddef.h>

/* Reads up to n bytes into buf: the number read, 0 at the end, -1 on error. */
typedef long (*stream_read_fn)(void *ctx, void *buf, size_t n);

/* Makes the next read start at offset (from the data's start): 0, or -1
 * when the data cannot be read again there (a pipe). */
typedef int (*stream_seek_fn)(void *ctx, unsigned long long offset);

typedef enum { STREAM_PLAIN, STREAM_GZIP, STREAM_ZSTD } stream_kind;

typedef struct stream stream;

/* A stream over rd(ctx), or NULL when out of memory. The kind is found from
 * the first bytes. seek (NULL: none) lets it go back after damage found
 * far past a member's start — the decompressor took the members after it
 * for its data — to look for the next member from just after that start;
 * without it, the members so taken are lost, and the damage says so. */
stream *stream_new(stream_read_fn rd, stream_seek_fn seek, void *ctx);
void stream_free(stream *s);

/* Decompresses more: 1 if bytes came, 0 at the end of the data, -1 on an
 * unrecoverable error (stream_error says which: a read error, out of
 * memory). Damage is not an error: it makes a break. */
int stream_more(stream *s);

/* The decompressed bytes not yet consumed: *avail of them from the
 * returned pointer (valid until the next stream_more or stream_unread). */
const unsigned char *stream_data(const stream *s, size_t *avail);

/* Consumes n bytes (n <= avail). */
void stream_consume(stream *s, size_t n);

/* The decompressed offset of the next unconsumed byte. */
unsigned long long stream_pos(const stream *s);

/* Puts n bytes back before the next unconsumed one (bytes consumed just
 * before, to be read again); -1 when out of memory. */
int stream_unread(stream *s, const void *data, size_t n);

stream_kind stream_kind_of(const stream *s);

/* The first member start or break at a decompressed offset in (from, to]
 * (from ULLONG_MAX: [0, to]):
 * 1 and its offset in *at (and, for a break, its message in *damage, else
 * NULL), 0 when none is known there. Only offsets not yet consumed, or
 * consumed since the last stream_forget, are known. */
int stream_boundary(const stream *s, unsigned long long from, unsigned long long to,
                    unsigned long long *at, const char **damage, unsigned long long *damage_at);

/* Whether the break at decompressed offset `at` (stream_boundary) is the
 * end of a file cut short: the data ended inside a member (the bytes
 * before `at` are its data as far as it goes) and no member follows. */
int stream_break_at_end(const stream *s, unsigned long long at);

/* Where the member holding decompressed offset `at` is stored: its
 * compressed start, and its compressed length (0 while not known yet, or
 * for a damaged member). For plain data, at itself and 0. */
void stream_member(const stream *s, unsigned long long at, unsigned long long *start,
                   unsigned long long *length);

/* Whether the member holding `at` has ended (its length is known), or it
 * never will (damaged, or the data ended). */
int stream_member_done(const stream *s, unsigned long long at);

/* Drops what is remembered of members that end before decompressed offset
 * `before`, except the one holding `keep` (a record's start, whose member
 * says where the record is stored). Reading through many small members
 * stays linear with a call now and then. */
void stream_forget(stream *s, unsigned long long keep, unsigned long long before);

/* Gives up the member being decompressed, whose data from the current
 * position on is not wanted (a record too large to keep, in a file of one
 * member per record): decompression goes on at the next member's start,
 * found by its magic bytes, without inflating the rest (a bomb costs
 * nothing). Only when the member holding the current position started at
 * `member_dec` and is still being decompressed, and another member is
 * known to follow — for a file's first gzip member (zstd frame), one is
 * looked for ahead (up to 16 MiB of compressed bytes held) that
 * decompresses to "WARC/". Returns 1 if done, 0 if not (nothing changed),
 * -1 on an error. */
int stream_abandon(stream *s, unsigned long long member_dec);

/* The message of the unrecoverable error, or NULL. */
const char *stream_error(const stream *s);

/* The number of compressed bytes read so far. */
unsigned long long stream_raw_pos(const stream *s);

#endif
