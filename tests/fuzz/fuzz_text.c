/* Text mode: the page counted into a site counter (twice, as two pages of
 * one site) and then extracted with it, rendered as text and json. The
 * first byte picks the options. Invariants as for fuzz_extract. */
#include <string.h>

#include "fuzz.h"
#include "input/charset.h"
#include "pith.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size)
    return 0;
  unsigned pick = data[0];
  pith_options o;
  pith_options_init(&o);
  o.url = "https://example.org/news/1";
  if (pick & 1)
    o.max_text_lines = 7;
  if (pick & 2)
    o.language = "en";
  pith_sites *sites = (pick & 4) ? pith_sites_new() : NULL;
  if (sites) {
    for (int i = 0; i < 3; i++)
      FUZZ_ASSERT(pith_sites_add(sites, data + 1, size - 1, &o) != PITH_ERR_INVALID);
    o.sites = sites;
  }
  pith_result *r = NULL;
  pith_status st = pith_extract_text(data + 1, size - 1, &o, &r);
  FUZZ_ASSERT(st <= PITH_ERR_TIMEOUT);
  if (st == PITH_OK) {
    const char *text = pith_result_text(r);
    FUZZ_ASSERT(text && pith_utf8_valid(text, strlen(text)));
    for (int f = PITH_FORMAT_TEXT; f <= PITH_FORMAT_XML; f++) {
      char *out = NULL;
      size_t len = 0;
      if (pith_render(r, (pith_format)f, 0, &out, &len) == PITH_OK)
        FUZZ_ASSERT(out && strlen(out) == len && pith_utf8_valid(out, len));
      pith_free(out);
    }
  } else {
    FUZZ_ASSERT(!r || pith_result_error(r));
  }
  pith_result_free(r);
  pith_sites_free(sites);
  return 0;
}
