/* Charset detection and conversion: the first byte n takes the next n
 * bytes (at most 40) as the HTTP charset label, the rest is the page.
 * Invariants: the output is valid UTF-8, NUL-free, of the length reported;
 * the label the converter names is canonical. */
#include <string.h>

#include "fuzz.h"
#include "input/charset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size)
    return 0;
  size_t n = data[0] % 41;
  if (n > size - 1)
    n = size - 1;
  char label[41];
  memcpy(label, data + 1, n);
  label[n] = '\0';
  const char *page = (const char *)data + 1 + n;
  size_t len = size - 1 - n;
  char *out = NULL;
  size_t out_len = 0;
  char used[32];
  if (pith_charset_to_utf8(page, len, n ? label : NULL, &out, &out_len, used, sizeof used) == 0) {
    FUZZ_ASSERT(out != NULL);
    FUZZ_ASSERT(strlen(out) == out_len);
    FUZZ_ASSERT(pith_utf8_valid(out, out_len));
    FUZZ_ASSERT(pith_charset_canonical(used, strlen(used)) != NULL);
  }
  free(out);
  pith_charset_canonical(label, n);
  pith_charset_utf16_by_layout(page, len);
  return 0;
}
