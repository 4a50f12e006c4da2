/* The archive reader (WARC and WET; plain, gzip per record or per file,
 * zstd: the reader sniffs), through the public API as a crawl job uses it:
 * record after record from a read callback, each page or text record
 * extracted. The first byte picks the options (a tiny record limit for the
 * skip path, every status, every type). Invariants: every record is one of
 * the documented kinds with its fields as documented, and the reader ends
 * with PITH_DONE or a documented failure. */
#include <string.h>

#include "fuzz.h"
#include "pith.h"

typedef struct {
  const uint8_t *p;
  size_t left;
} source;

/* Hands the input over in pieces of at most 1,000 bytes: records and
 * gzip members straddle the reads. */
static long read_piece(void *ctx, void *buf, size_t n) {
  source *s = ctx;
  if (n > 1000)
    n = 1000;
  if (n > s->left)
    n = s->left;
  memcpy(buf, s->p, n);
  s->p += n;
  s->left -= n;
  return (long)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size)
    return 0;
  pith_archive_options ao;
  pith_archive_options_init(&ao);
  ao.max_record_bytes = (data[0] & 1) ? 300 : 0;
  ao.all_status = (data[0] & 2) != 0;
  ao.all_types = (data[0] & 4) != 0;
  source src = {data + 1, size - 1};
  pith_archive *a = NULL;
  pith_status st = pith_archive_open_read(read_piece, &src, "fuzz.warc", &ao, &a);
  if (st != PITH_OK) {
    FUZZ_ASSERT(!a || pith_archive_error(a));
    pith_archive_close(a);
    return 0;
  }
  const pith_record *rec;
  for (int n = 0; n < 200 && (st = pith_archive_next(a, &rec)) == PITH_OK; n++) {
    switch (rec->kind) {
    case PITH_RECORD_HTML:
    case PITH_RECORD_TEXT: {
      FUZZ_ASSERT(rec->payload || !rec->payload_len);
      pith_result *r = NULL;
      if (pith_record_extract(rec, NULL, &r) == PITH_OK) {
        char *out = NULL;
        size_t len = 0;
        if (pith_render(r, PITH_FORMAT_JSON, 0, &out, &len) == PITH_OK)
          FUZZ_ASSERT(out && strlen(out) == len);
        pith_free(out);
      }
      pith_result_free(r);
      pith_record *copy = pith_record_copy(rec);
      pith_record_free(copy);
      break;
    }
    case PITH_RECORD_SKIPPED:
      FUZZ_ASSERT(rec->skip_reason && !rec->payload);
      break;
    case PITH_RECORD_ERROR:
      FUZZ_ASSERT(rec->error && !rec->payload);
      break;
    default:
      FUZZ_ASSERT(!"unknown record kind");
    }
  }
  FUZZ_ASSERT(st == PITH_OK || st == PITH_DONE || st == PITH_ERR_READ || st == PITH_ERR_NOMEM);
  FUZZ_ASSERT(st != PITH_ERR_READ || pith_archive_error(a));
  pith_archive_close(a);
  return 0;
}
