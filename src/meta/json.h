/* A small, tolerant JSON reader for JSON-LD: pages wrap it in comments or
 * CDATA, leave trailing commas, put raw newlines in strings and write two
 * objects one after the other. What cannot be read is rejected whole (NULL),
 * never half-read. */
#ifndef PITH_META_JSON_H
#define PITH_META_JSON_H

#include <stddef.h>

#include "util/arena.h"

typedef enum {
  JSON_NULL,
  JSON_FALSE,
  JSON_TRUE,
  JSON_NUMBER,
  JSON_STRING,
  JSON_ARRAY,
  JSON_OBJECT,
} json_type;

typedef struct json_value json_value;
struct json_value {
  json_type type;
  const char *key; /* the member's name inside an object, else NULL */
  const char *str; /* JSON_STRING: the decoded text; JSON_NUMBER: as written */
  size_t len;
  json_value *first, *last; /* JSON_ARRAY, JSON_OBJECT: the elements/members */
  json_value *next;
  size_t count;
};

/* Parses s[0..len) with every value allocated from mem. Several top-level
 * values (one after the other, or separated by commas) come back as one
 * array of them. NULL when the text is not JSON (or nests deeper than
 * max_depth, or mem runs out). */
json_value *json_parse(const char *s, size_t len, arena *mem, unsigned max_depth);

/* The member named key of an object (the first if repeated), or NULL. */
json_value *json_get(const json_value *obj, const char *key);

#endif
