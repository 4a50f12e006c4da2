/* Whole-file input: a path (or stdin) or a memory buffer becomes one
 * NUL-terminated buffer, gzip data being inflated on the way. */
#ifndef PITH_INPUT_READ_H
#define PITH_INPUT_READ_H

#include <stddef.h>

/* Reads a whole file (or stdin when path is "-") into memory, transparently
 * gunzipping gzip data (detected by the magic bytes 1f 8b, several
 * concatenated gzip members supported; bytes after the last member that do
 * not start another member are ignored, as gzip(1) does). max_bytes bounds
 * the decompressed size (0 = no limit).
 * Returns 0 and sets *out (malloc'd, NUL-terminated, caller frees) and *out_len;
 * an empty file gives length 0. On failure returns -1 and writes a short
 * human reason ("No such file or directory", "Permission denied", "Is a directory",
 * "corrupt gzip data", "truncated gzip data", "larger than N bytes",
 * "out of memory", ...) into err (size err_cap; err may be NULL). Never
 * prints.
 * truncated: NULL makes gzip data cut short (a download stopped early) a
 * failure, "truncated gzip data". Otherwise such data that inflated to at
 * least one byte gives those bytes, returns 0 and sets *truncated to 1
 * (else 0): the caller says so (PITH_TRUNCATED_GZIP). */
int pith_read_file(const char *path, size_t max_bytes, char **out, size_t *out_len, int *truncated,
                   char *err, size_t err_cap);

/* Same for a buffer already in memory (gunzip if gzip magic, else copy). */
int pith_read_buffer(const char *in, size_t in_len, size_t max_bytes, char **out, size_t *out_len,
                     int *truncated, char *err, size_t err_cap);

/* 1 if data starts with the gzip magic bytes (1f 8b). */
int pith_read_is_gzip(const void *data, size_t len);

/* The one wording of the warning for a truncated gzip input. */
#define PITH_TRUNCATED_GZIP "truncated gzip data: the output holds what came before the cut"

#endif
