/* buf_json_escape: JSON strings are valid UTF-8 whatever the bytes given
 * (a damaged WARC record's header can hold any). */
#include <string.h>

#include "check.h"
#include "util/buf.h"

int main(void) {
  static const struct {
    const char *in;
    size_t len;
    const char *want;
  } cases[] = {
      {"a\"b\\c\n", 6, "a\\\"b\\\\c\\n"},
      /* valid UTF-8 kept as it is: 2, 3 and 4 bytes */
      {"caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80", 14,
       "caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80"},
      /* a lone surrogate as the tokenizer writes it (WTF-8): kept */
      {"\xED\xBF\xBF", 3, "\xED\xBF\xBF"},
      /* stray, cut, overlong and out-of-range bytes: U+FFFD each */
      {"a\x83z", 3, "a\\ufffdz"},
      {"x\xC3", 2, "x\\ufffd"},
      {"\xC0\xAF", 2, "\\ufffd\\ufffd"},
      {"\xE0\x80\xAF", 3, "\\ufffd\\ufffd\\ufffd"},
      {"\xF5\x80\x80\x80", 4, "\\ufffd\\ufffd\\ufffd\\ufffd"},
      /* U+2028 still escaped for JavaScript */
      {"\xE2\x80\xA8", 3, "\\u2028"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    buf b;
    buf_init(&b);
    buf_json_escape(&b, cases[i].in, cases[i].len);
    buf_putc(&b, '\0');
    CHECK(!b.oom);
    CHECK_STR(b.data, cases[i].want);
    buf_free(&b);
  }
  return check_done();
}
