/* Metadata: the input as JSON-LD straight into the JSON parser and the
 * JSON-LD reader, then as the head of a page (meta tags, title, JSON-LD
 * scripts) through pith_extract with every metadata field, rendered as
 * json. Invariant: the json output is valid UTF-8 of the reported length. */
#include <string.h>

#include "fuzz.h"
#include "input/charset.h"
#include "meta/json.h"
#include "meta/jsonld.h"
#include "pith.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  arena mem;
  arena_init(&mem);
  json_value *v = json_parse((const char *)data, size, &mem, 64);
  if (v) {
    ld_set *set = arena_calloc(&mem, sizeof *set);
    if (set) {
      jsonld_add(set, v);
      ld_info info;
      jsonld_read(set, "https://example.org/a", &info);
    }
  }
  arena_free(&mem);

  buf b;
  buf_init(&b);
  buf_puts(&b, "<html><head>");
  buf_append(&b, (const char *)data, size);
  buf_puts(&b, "</head><body><p>A short paragraph of body text, long enough to be one.</p>"
               "<script type=\"application/ld+json\">");
  buf_append(&b, (const char *)data, size);
  buf_puts(&b, "</script></body></html>");
  if (!b.oom) {
    pith_result *r = NULL;
    pith_options o;
    pith_options_init(&o);
    o.url = "https://example.org/news/2024/01/02/story.html";
    if (pith_extract(b.data, b.len, &o, &r) == PITH_OK) {
      char *out = NULL;
      size_t len = 0;
      if (pith_render(r, PITH_FORMAT_JSON, PITH_RENDER_TREE, &out, &len) == PITH_OK)
        FUZZ_ASSERT(out && strlen(out) == len && pith_utf8_valid(out, len));
      pith_free(out);
    }
    pith_result_free(r);
  }
  buf_free(&b);
  return 0;
}
