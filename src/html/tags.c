#include "html/tags.h"

#include <string.h>

static const char *const names[TAG_COUNT] = {[TAG_TEXT] = "#text",
                                             [TAG_UNKNOWN] = "#unknown",
                                             [TAG_COMMENT] = "#comment",
                                             [TAG_DOCTYPE] = "#doctype",
                                             [TAG_CONTENT] = "#content",
#define X(id, name, flags) [TAG_##id] = name,
                                             PITH_TAG_LIST(X)
#undef X
};

static const unsigned char flags_of[TAG_COUNT] = {[TAG_COMMENT] = T_SKIP,
                                                  [TAG_DOCTYPE] = T_SKIP,
                                                  [TAG_CONTENT] = T_SKIP,
#define X(id, name, flags) [TAG_##id] = flags,
                                                  PITH_TAG_LIST(X)
#undef X
};

tag_id tag_lookup_n(const char *name, size_t len) {
  int lo = TAG_CONTENT + 1, hi = TAG_COUNT - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    size_t n = strlen(names[mid]);
    int c = memcmp(name, names[mid], len < n ? len : n);
    if (c == 0)
      c = (len > n) - (len < n);
    if (c == 0)
      return (tag_id)mid;
    if (c < 0)
      hi = mid - 1;
    else
      lo = mid + 1;
  }
  return TAG_UNKNOWN;
}

tag_id tag_lookup(const char *name) {
  return tag_lookup_n(name, strlen(name));
}

const char *tag_name(tag_id t) {
  return t < TAG_COUNT ? names[t] : "#unknown";
}

int tag_flags(tag_id t) {
  return t < TAG_COUNT ? flags_of[t] : T_INLINE;
}
