/* A recursive-descent JSON reader, lenient where pages commonly err:
 *   - HTML comment and CDATA wrappers around the text, JS comments inside;
 *   - trailing commas in arrays and objects;
 *   - raw control characters (newlines, tabs) inside strings;
 *   - unknown escapes ("\'"): the character itself;
 *   - single-quoted strings;
 *   - several top-level values.
 * Strings are decoded to UTF-8 (\u escapes with surrogate pairs). */
#include "meta/json.h"

#include <string.h>

#include "meta/mstr.h"

typedef struct {
  const char *p, *end;
  arena *mem;
  unsigned depth, max_depth;
  int fail;
} reader;

static void skip_space(reader *r) {
  for (;;) {
    while (r->p < r->end && (unsigned char)*r->p <= ' ')
      r->p++;
    size_t left = (size_t)(r->end - r->p);
    if (left >= 2 && r->p[0] == '/' && r->p[1] == '/') {
      while (r->p < r->end && *r->p != '\n')
        r->p++;
    } else if (left >= 2 && r->p[0] == '/' && r->p[1] == '*') {
      const char *e = r->p + 2;
      while (e + 1 < r->end && !(e[0] == '*' && e[1] == '/'))
        e++;
      r->p = e + 1 < r->end ? e + 2 : r->end;
    } else if (left >= 4 && !memcmp(r->p, "<!--", 4)) {
      r->p += 4;
    } else if (left >= 3 && !memcmp(r->p, "-->", 3)) {
      r->p += 3;
    } else if (left >= 9 && !memcmp(r->p, "<![CDATA[", 9)) {
      r->p += 9;
    } else if (left >= 3 && !memcmp(r->p, "]]>", 3)) {
      r->p += 3;
    } else if (left >= 3 && (unsigned char)r->p[0] == 0xEF && (unsigned char)r->p[1] == 0xBB &&
               (unsigned char)r->p[2] == 0xBF) {
      r->p += 3; /* a byte order mark */
    } else {
      return;
    }
  }
}

static json_value *new_value(reader *r, json_type t) {
  json_value *v = arena_calloc(r->mem, sizeof *v);
  if (!v)
    r->fail = 1;
  if (v)
    v->type = t;
  return v;
}

static void add_child(json_value *parent, json_value *child) {
  if (parent->last)
    parent->last->next = child;
  else
    parent->first = child;
  parent->last = child;
  parent->count++;
}

static int hex4(const char *p, const char *end, unsigned *out) {
  if (end - p < 4)
    return 0;
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0)
      return 0;
    v = v * 16 + (unsigned)d;
  }
  *out = v;
  return 1;
}

/* Reads a string at r->p (on its opening quote). */
static const char *read_string(reader *r, size_t *len_out) {
  char quote = *r->p++;
  const char *start = r->p;
  /* The decoded text is never longer than the raw one. */
  const char *e = start;
  while (e < r->end && *e != quote) {
    if (*e == '\\' && e + 1 < r->end)
      e++;
    e++;
  }
  if (e >= r->end) {
    r->fail = 1;
    return NULL;
  }
  char *out = arena_alloc(r->mem, (size_t)(e - start) + 1);
  if (!out) {
    r->fail = 1;
    return NULL;
  }
  size_t n = 0;
  const char *p = start;
  while (p < e) {
    char c = *p++;
    if (c != '\\') {
      out[n++] = (unsigned char)c < ' ' ? ' ' : c;
      continue;
    }
    char x = *p++;
    switch (x) {
    case 'n':
    case 'r':
    case 't':
    case 'f':
    case 'b':
      out[n++] = ' ';
      break;
    case 'u': {
      unsigned cp;
      if (!hex4(p, e, &cp)) {
        out[n++] = 'u';
        break;
      }
      p += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF && e - p >= 6 && p[0] == '\\' && p[1] == 'u') {
        unsigned lo;
        if (hex4(p + 2, e, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        }
      }
      if (cp == 0)
        cp = ' ';
      char tmp[4];
      size_t k = mstr_put_utf8(cp, tmp);
      /* "\uXXXX" is 6 bytes, its UTF-8 at most 4: it fits. */
      memcpy(out + n, tmp, k);
      n += k;
      break;
    }
    default:
      out[n++] = x;
      break;
    }
  }
  out[n] = '\0';
  r->p = e + 1;
  *len_out = n;
  return out;
}

static json_value *parse_value(reader *r);

static json_value *parse_container(reader *r, int object) {
  char close = object ? '}' : ']';
  json_value *v = new_value(r, object ? JSON_OBJECT : JSON_ARRAY);
  if (!v)
    return NULL;
  r->p++;
  if (++r->depth > r->max_depth) {
    r->fail = 1;
    return NULL;
  }
  for (;;) {
    skip_space(r);
    if (r->p >= r->end) {
      r->fail = 1;
      return NULL;
    }
    if (*r->p == close) {
      r->p++;
      break;
    }
    if (*r->p == ',') { /* a stray or trailing comma */
      r->p++;
      continue;
    }
    const char *key = NULL;
    if (object) {
      if (*r->p != '"' && *r->p != '\'') {
        r->fail = 1;
        return NULL;
      }
      size_t klen;
      key = read_string(r, &klen);
      if (!key)
        return NULL;
      skip_space(r);
      if (r->p >= r->end || *r->p != ':') {
        r->fail = 1;
        return NULL;
      }
      r->p++;
    }
    json_value *c = parse_value(r);
    if (!c)
      return NULL;
    c->key = key;
    add_child(v, c);
    skip_space(r);
    if (r->p < r->end && *r->p == ',') {
      r->p++;
    } else if (r->p < r->end && *r->p != close) {
      r->fail = 1;
      return NULL;
    }
  }
  r->depth--;
  return v;
}

static int word_at(reader *r, const char *w) {
  size_t n = strlen(w);
  if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n))
    return 0;
  r->p += n;
  return 1;
}

static json_value *parse_value(reader *r) {
  skip_space(r);
  if (r->p >= r->end || r->fail) {
    r->fail = 1;
    return NULL;
  }
  char c = *r->p;
  if (c == '{' || c == '[')
    return parse_container(r, c == '{');
  if (c == '"' || c == '\'') {
    json_value *v = new_value(r, JSON_STRING);
    if (v && !(v->str = read_string(r, &v->len)))
      return NULL;
    return v;
  }
  if (c == '-' || (c >= '0' && c <= '9')) {
    const char *s = r->p;
    while (r->p < r->end && (strchr("+-.eE", *r->p) || (*r->p >= '0' && *r->p <= '9')))
      r->p++;
    json_value *v = new_value(r, JSON_NUMBER);
    if (v && !(v->str = arena_strndup(r->mem, s, (size_t)(r->p - s))))
      r->fail = 1;
    if (v)
      v->len = (size_t)(r->p - s);
    return r->fail ? NULL : v;
  }
  if (word_at(r, "true"))
    return new_value(r, JSON_TRUE);
  if (word_at(r, "false"))
    return new_value(r, JSON_FALSE);
  if (word_at(r, "null") || word_at(r, "undefined"))
    return new_value(r, JSON_NULL);
  r->fail = 1;
  return NULL;
}

json_value *json_parse(const char *s, size_t len, arena *mem, unsigned max_depth) {
  if (!s)
    return NULL;
  reader r = {s, s + len, mem, 0, max_depth, 0};
  json_value *first = parse_value(&r);
  if (!first || r.fail)
    return NULL;
  json_value *list = NULL;
  for (;;) {
    skip_space(&r);
    while (r.p < r.end && (*r.p == ',' || *r.p == ';'))
      r.p++, skip_space(&r);
    if (r.p >= r.end || (*r.p != '{' && *r.p != '['))
      break;
    json_value *v = parse_value(&r);
    if (!v || r.fail)
      break; /* what was read so far stands */
    if (!list) {
      if (!(list = new_value(&r, JSON_ARRAY)))
        return NULL;
      add_child(list, first);
    }
    add_child(list, v);
  }
  return list ? list : first;
}

json_value *json_get(const json_value *obj, const char *key) {
  if (!obj || obj->type != JSON_OBJECT)
    return NULL;
  for (json_value *c = obj->first; c; c = c->next)
    if (c->key && !strcmp(c->key, key))
      return c;
  return NULL;
}
