/* HTML extraction with every output format: the first two bytes pick the
 * options (metadata, tight tree limits, render flags), the rest is the page.
 * Invariants: a status the API documents, a result with a message on
 * failure, every rendering valid UTF-8 of the length it reports. */
#include <string.h>

#include "fuzz.h"
#include "input/charset.h"
#include "pith.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2)
    return 0;
  unsigned pick = data[0], flags = data[1] | (data[0] & 8u) << 5; /* 9 render flags */
  pith_options o;
  pith_options_init(&o);
  o.metadata = !(pick & 1);
  if (pick & 2) { /* tight limits: the flattening and truncation paths */
    o.max_depth = 6;
    o.max_nodes = 200;
    o.max_attributes = 3;
    o.max_attribute_bytes = 16;
  }
  if (pick & 4)
    o.url = "https://example.org/a/b.html?q=1";
  pith_result *r = NULL;
  pith_status st = pith_extract(data + 2, size - 2, &o, &r);
  FUZZ_ASSERT(st <= PITH_ERR_TIMEOUT);
  FUZZ_ASSERT(r != NULL || st == PITH_ERR_NOMEM);
  if (st != PITH_OK) {
    FUZZ_ASSERT(!r || pith_result_error(r));
    pith_result_free(r);
    return 0;
  }
  const char *text = pith_result_text(r);
  FUZZ_ASSERT(text && pith_utf8_valid(text, strlen(text)));
  for (int f = PITH_FORMAT_TEXT; f <= PITH_FORMAT_XML; f++) {
    char *out = NULL;
    size_t len = 0;
    if (pith_render(r, (pith_format)f, flags, &out, &len) == PITH_OK) {
      FUZZ_ASSERT(out && strlen(out) == len);
      FUZZ_ASSERT(pith_utf8_valid(out, len));
    }
    pith_free(out);
  }
  pith_result_free(r);
  return 0;
}
