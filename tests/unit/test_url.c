/* Link resolution against the page's address (RFC 3986, section 5.4). */
#include "check.h"
#include "util/url.h"

static arena mem;

static void resolves(const char *base, const char *href, const char *want) {
  const char *got = url_resolve(&mem, base, href);
  if (!want) {
    CHECK(got == NULL);
    return;
  }
  CHECK_STR(got, want);
}

int main(void) {
  arena_init(&mem);
  const char *b = "http://a/b/c/d;p?q";
  /* The RFC's normal examples. */
  resolves(b, "g", "http://a/b/c/g");
  resolves(b, "./g", "http://a/b/c/g");
  resolves(b, "g/", "http://a/b/c/g/");
  resolves(b, "/g", "http://a/g");
  resolves(b, "//g", "http://g");
  resolves(b, "?y", "http://a/b/c/d;p?y");
  resolves(b, "g?y", "http://a/b/c/g?y");
  resolves(b, "#s", "http://a/b/c/d;p?q#s");
  resolves(b, "g#s", "http://a/b/c/g#s");
  resolves(b, ".", "http://a/b/c/");
  resolves(b, "./", "http://a/b/c/");
  resolves(b, "..", "http://a/b/");
  resolves(b, "../", "http://a/b/");
  resolves(b, "../g", "http://a/b/g");
  resolves(b, "../..", "http://a/");
  resolves(b, "../../g", "http://a/g");
  /* Abnormal ones: ".." above the root stays at the root. */
  resolves(b, "../../../g", "http://a/g");
  resolves(b, "/./g", "http://a/g");
  resolves(b, "/../g", "http://a/g");
  /* Absolute addresses, white space, and what is not a link. */
  resolves(b, "https://example.org/x", "https://example.org/x");
  resolves(b, "mailto:someone@example.org", "mailto:someone@example.org");
  resolves(b, "  g \n", "http://a/b/c/g");
  resolves(b, "javascript:void(0)", NULL);
  resolves(b, "JavaScript:go()", NULL);
  resolves(b, "data:image/png;base64,xx", NULL);
  resolves(b, "", NULL);
  resolves(b, NULL, NULL);
  /* A base without a path, and no usable base. */
  resolves("https://example.org", "img/a.png", "https://example.org/img/a.png");
  resolves("https://example.org", "/a.png", "https://example.org/a.png");
  resolves(NULL, "img/a.png", "img/a.png");
  resolves("file:///tmp/x.html", "a.png", "a.png");
  CHECK(url_is_http("HTTPS://x") && !url_is_http("ftp://x") && !url_is_http(NULL));
  arena_free(&mem);
  return check_done();
}
