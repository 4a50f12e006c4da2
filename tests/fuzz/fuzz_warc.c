/* The WARC reader (plain or gzip: the reader sniffs), record by record, and
 * each record's content the way the CLI uses it: text records through text
 * mode, HTTP responses split and their body through pith_extract. A small
 * block limit exercises the skip path. */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "input/warc.h"
#include "pith.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2)
    return 0;
  size_t max_block = (data[0] & 1) ? 256 : 0;
  FILE *f = fmemopen((void *)(data + 1), size - 1, "rb");
  if (!f)
    return 0;
  warc_reader *r = warc_reader_new(f, NULL, 0, max_block);
  if (!r) {
    fclose(f);
    return 0;
  }
  warc_record rec;
  int rc;
  for (int n = 0; n < 64 && (rc = warc_reader_next(r, &rec)) == 1; n++) {
    FUZZ_ASSERT(rec.block || rec.skipped);
    if (!rec.block)
      continue;
    FUZZ_ASSERT(rec.block[rec.block_len] == '\0');
    warc_record_header(&rec, "Content-Type");
    pith_options o;
    pith_options_init(&o);
    o.url = rec.target_uri;
    o.warc_record_id = rec.record_id;
    o.warc_date = rec.date;
    pith_result *res = NULL;
    if (rec.type == WARC_CONVERSION || rec.type == WARC_RESOURCE) {
      pith_extract_text(rec.block, rec.block_len, &o, &res);
    } else if (rec.type == WARC_RESPONSE) {
      int status;
      const char *headers;
      size_t headers_len, body;
      if (warc_http_split(rec.block, rec.block_len, &status, &headers, &headers_len, &body) == 0) {
        FUZZ_ASSERT(body <= rec.block_len);
        pith_extract(rec.block + body, rec.block_len - body, &o, &res);
      }
    }
    pith_result_free(res);
  }
  warc_reader_error(r);
  warc_reader_free(r);
  fclose(f);
  return 0;
}
