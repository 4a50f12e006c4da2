#include "html/tags.h"

#include <string.h>

static const char *const names[TAG_COUNT] = {[TAG_TEXT] = "#text",
                                             [TAG_UNKNOWN] = "#unknown",
#define X(id, name, flags) [TAG_##id] = name,
                                             PITH_TAG_LIST(X)
#undef X
};

static const unsigned char flags_of[TAG_COUNT] = {
#define X(id, name, flags) [TAG_##id] = flags,
    PITH_TAG_LIST(X)
#undef X
};

tag_id tag_lookup(const char *name) {
  int lo = TAG_UNKNOWN + 1, hi = TAG_COUNT - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    int c = strcmp(name, names[mid]);
    if (c == 0)
      return (tag_id)mid;
    if (c < 0)
      hi = mid - 1;
    else
      lo = mid + 1;
  }
  return TAG_UNKNOWN;
}

static const unsigned char name_len[TAG_COUNT] = {
#define X(id, name, flags) [TAG_##id] = sizeof name - 1,
    PITH_TAG_LIST(X)
#undef X
};

tag_id tag_lookup_n(const char *name, size_t len) {
  /* The tokenizer calls this for every tag: compare inline (names are a few
   * bytes; a library memcmp call costs more than the comparison). */
  int lo = TAG_UNKNOWN + 1, hi = TAG_COUNT - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    const unsigned char *a = (const unsigned char *)name, *b = (const unsigned char *)names[mid];
    size_t n = name_len[mid], common = len < n ? len : n, i = 0;
    while (i < common && a[i] == b[i])
      i++;
    int c = i < common ? (int)a[i] - (int)b[i] : (len > n) - (len < n);
    if (c == 0)
      return (tag_id)mid;
    if (c < 0)
      hi = mid - 1;
    else
      lo = mid + 1;
  }
  return TAG_UNKNOWN;
}

const char *tag_name(tag_id t) {
  return t < TAG_COUNT ? names[t] : "#unknown";
}

int tag_flags(tag_id t) {
  return t < TAG_COUNT ? flags_of[t] : T_INLINE;
}
