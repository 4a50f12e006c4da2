/* The field accessors of pith.h: every field of the json format read from
 * the article itself, by number.
 *
 * A new field takes three lines: its number in pith_field (pith.h, in the
 * json format's order), its name and type in the table below, and a case
 * in the switch that reads its type. The Python module lists the fields through
 * pith_field_name, so it picks the new one up by itself. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "render/walk.h"
#include "result.h"

typedef struct {
  const char *name; /* the JSON key */
  pith_type type;
} field_info;

static const field_info fields[] = {
    [PITH_FIELD_URL] = {"url", PITH_TYPE_STRING},
    [PITH_FIELD_CANONICAL_URL] = {"canonical_url", PITH_TYPE_STRING},
    [PITH_FIELD_TITLE] = {"title", PITH_TYPE_STRING},
    [PITH_FIELD_AUTHORS] = {"authors", PITH_TYPE_STRINGS},
    [PITH_FIELD_DATE_PUBLISHED] = {"date_published", PITH_TYPE_STRING},
    [PITH_FIELD_DATE_MODIFIED] = {"date_modified", PITH_TYPE_STRING},
    [PITH_FIELD_SITE_NAME] = {"site_name", PITH_TYPE_STRING},
    [PITH_FIELD_SECTION] = {"section", PITH_TYPE_STRING},
    [PITH_FIELD_TAGS] = {"tags", PITH_TYPE_STRINGS},
    [PITH_FIELD_DESCRIPTION] = {"description", PITH_TYPE_STRING},
    [PITH_FIELD_IMAGE] = {"image", PITH_TYPE_STRING},
    [PITH_FIELD_LANGUAGE] = {"language", PITH_TYPE_STRING},
    [PITH_FIELD_LANGUAGE_CONFIDENCE] = {"language_confidence", PITH_TYPE_NUMBER},
    [PITH_FIELD_LICENSE] = {"license", PITH_TYPE_STRING},
    [PITH_FIELD_PAGE_TYPE] = {"page_type", PITH_TYPE_STRING},
    [PITH_FIELD_SOURCE] = {"source", PITH_TYPE_STRING},
    [PITH_FIELD_EDITOR] = {"editor", PITH_TYPE_STRING},
    [PITH_FIELD_IMAGES] = {"images", PITH_TYPE_IMAGES},
    [PITH_FIELD_SOURCE_FILE] = {"source_file", PITH_TYPE_STRING},
    [PITH_FIELD_WARC_RECORD_ID] = {"warc_record_id", PITH_TYPE_STRING},
    [PITH_FIELD_WARC_DATE] = {"warc_date", PITH_TYPE_STRING},
    [PITH_FIELD_HTTP_STATUS] = {"http_status", PITH_TYPE_INTEGER},
    [PITH_FIELD_WARC_FILENAME] = {"warc_filename", PITH_TYPE_STRING},
    [PITH_FIELD_WARC_OFFSET] = {"warc_offset", PITH_TYPE_INTEGER},
    [PITH_FIELD_WARC_LENGTH] = {"warc_length", PITH_TYPE_INTEGER},
    [PITH_FIELD_PAYLOAD_DIGEST] = {"payload_digest", PITH_TYPE_STRING},
    [PITH_FIELD_TRUNCATED] = {"truncated", PITH_TYPE_BOOLEAN},
    [PITH_FIELD_TEXT] = {"text", PITH_TYPE_STRING},
    [PITH_FIELD_COMMENTS] = {"comments", PITH_TYPE_STRING},
};

#define NFIELDS (sizeof fields / sizeof fields[0])

static const field_info *info(int field) {
  return field >= 0 && (size_t)field < NFIELDS && fields[field].name ? &fields[field] : NULL;
}

const char *pith_field_name(int field) {
  const field_info *f = info(field);
  return f ? f->name : NULL;
}

int pith_field_type(int field) {
  const field_info *f = info(field);
  return f ? (int)f->type : -1;
}

int pith_field_from_name(const char *name) {
  for (size_t i = 0; name && i < NFIELDS; i++)
    if (fields[i].name && !strcmp(fields[i].name, name))
      return (int)i;
  return -1;
}

static int is(int field, pith_type type) {
  const field_info *f = info(field);
  return f && f->type == type;
}

/* The comment section as the json format shows it (PITH_RENDER_COMMENTS):
 * its text blocks without the final newline; NULL when it has none. Built
 * once and kept in the result's arena (the result is logically const). */
static const char *comments_text(const pith_result *cr) {
  pith_result *r = (pith_result *)cr;
  if (r->comments_done)
    return r->comments_text;
  render_opts o = {.title = 1, .links = 1, .tables = 1, .comments = 1};
  const article *c = walk_comments(&r->art, &o);
  if (!c) {
    r->comments_done = 1;
    return NULL;
  }
  buf b;
  buf_init(&b);
  render_body_text(c, o.tables, &b);
  if (b.len && b.data[b.len - 1] == '\n')
    b.len--;
  if (!b.oom) {
    r->comments_text = arena_strndup(&r->mem, b.data ? b.data : "", b.len);
    r->comments_done = r->comments_text != NULL; /* out of memory: try again next time */
  }
  buf_free(&b);
  return r->comments_text;
}

const char *pith_result_string(const pith_result *r, pith_field field) {
  if (!r || !is(field, PITH_TYPE_STRING))
    return NULL;
  const article_meta *m = &r->art.meta;
  switch (field) {
  case PITH_FIELD_URL:
    return r->art.url;
  case PITH_FIELD_CANONICAL_URL:
    return m->canonical_url;
  case PITH_FIELD_TITLE:
    return r->art.title;
  case PITH_FIELD_DATE_PUBLISHED:
    return m->date_published;
  case PITH_FIELD_DATE_MODIFIED:
    return m->date_modified;
  case PITH_FIELD_SITE_NAME:
    return m->site_name;
  case PITH_FIELD_SECTION:
    return m->section;
  case PITH_FIELD_DESCRIPTION:
    return m->description;
  case PITH_FIELD_IMAGE:
    return m->image;
  case PITH_FIELD_LANGUAGE:
    return m->language;
  case PITH_FIELD_LICENSE:
    return m->license;
  case PITH_FIELD_PAGE_TYPE:
    return m->page_type;
  case PITH_FIELD_SOURCE:
    return m->source;
  case PITH_FIELD_EDITOR:
    return m->editor;
  case PITH_FIELD_WARC_RECORD_ID:
    return m->warc_record_id;
  case PITH_FIELD_WARC_DATE:
    return m->warc_date;
  case PITH_FIELD_SOURCE_FILE:
    return m->source_file;
  case PITH_FIELD_WARC_FILENAME:
    return m->warc_filename;
  case PITH_FIELD_PAYLOAD_DIGEST:
    return m->payload_digest;
  case PITH_FIELD_TEXT:
    return pith_result_text(r);
  case PITH_FIELD_COMMENTS:
    return comments_text(r);
  default:
    return NULL;
  }
}

/* A strings field's items and their number. */
static const char *const *strings_of(const pith_result *r, pith_field field, size_t *n) {
  const article_meta *m = &r->art.meta;
  switch (field) {
  case PITH_FIELD_AUTHORS:
    *n = m->nauthors;
    return m->authors;
  case PITH_FIELD_TAGS:
    *n = m->ntags;
    return m->tags;
  default:
    *n = 0;
    return NULL;
  }
}

/* An integer, boolean or number field: 1 and its value when present (as
 * the json format shows it), else 0. */
static int number_of(const pith_result *r, pith_field field, double *d, long long *i) {
  const article_meta *m = &r->art.meta;
  switch (field) {
  case PITH_FIELD_LANGUAGE_CONFIDENCE: {
    /* Two decimals, as the json format writes it: both give one value. */
    char two[32];
    snprintf(two, sizeof two, "%.2f", (double)m->language_confidence);
    *d = strtod(two, NULL);
    return m->language && m->language_confidence >= 0;
  }
  case PITH_FIELD_HTTP_STATUS:
    *i = m->http_status;
    return m->http_status != 0;
  case PITH_FIELD_WARC_OFFSET:
    *i = (long long)m->warc_offset;
    return m->has_warc_offset;
  case PITH_FIELD_WARC_LENGTH:
    *i = (long long)m->warc_length;
    return m->has_warc_offset;
  case PITH_FIELD_TRUNCATED:
    *i = m->truncated != 0;
    return m->truncated != 0;
  default:
    return 0;
  }
}

int pith_result_integer(const pith_result *r, pith_field field, long long *value) {
  double d = 0;
  long long i = 0;
  int type = pith_field_type(field);
  int ok =
      r && (type == PITH_TYPE_INTEGER || type == PITH_TYPE_BOOLEAN) && number_of(r, field, &d, &i);
  if (ok && value)
    *value = i;
  return ok;
}

int pith_result_number(const pith_result *r, pith_field field, double *value) {
  double d = 0;
  long long i = 0;
  int type = pith_field_type(field);
  int ok =
      r && (type == PITH_TYPE_NUMBER || type == PITH_TYPE_INTEGER) && number_of(r, field, &d, &i);
  if (ok && value)
    *value = type == PITH_TYPE_INTEGER ? (double)i : d;
  return ok;
}

size_t pith_result_count(const pith_result *r, pith_field field) {
  if (!r || !info(field))
    return 0;
  size_t n = 0;
  switch (fields[field].type) {
  case PITH_TYPE_STRINGS:
    strings_of(r, field, &n);
    return n;
  case PITH_TYPE_IMAGES:
    return r->art.meta.nimages;
  case PITH_TYPE_STRING:
    return pith_result_string(r, field) != NULL;
  case PITH_TYPE_INTEGER:
  case PITH_TYPE_BOOLEAN:
  case PITH_TYPE_NUMBER:
    return (size_t)number_of(r, field, &(double){0}, &(long long){0});
  }
  return 0;
}

int pith_result_has(const pith_result *r, pith_field field) {
  return pith_result_count(r, field) > 0;
}

const char *pith_result_string_at(const pith_result *r, pith_field field, size_t i) {
  if (!r || !is(field, PITH_TYPE_STRINGS))
    return NULL;
  size_t n = 0;
  const char *const *items = strings_of(r, field, &n);
  return i < n ? items[i] : NULL;
}

/* meta.images is a list; item i of it through an array built once, so
 * reading every image stays linear. */
int pith_result_image(const pith_result *cr, size_t i, pith_image *image) {
  if (!cr || !image || i >= cr->art.meta.nimages)
    return 0;
  pith_result *r = (pith_result *)cr;
  size_t n = r->art.meta.nimages;
  if (!r->images) {
    if (n > SIZE_MAX / sizeof *r->images)
      return 0;
    const article_image **a = arena_alloc(&r->mem, n * sizeof *a);
    if (!a)
      return 0;
    size_t k = 0;
    for (const article_image *img = r->art.meta.images; img && k < n; img = img->next)
      a[k++] = img;
    if (k < n)
      return 0; /* nimages and the list disagree: never expected */
    r->images = a;
  }
  const article_image *img = r->images[i];
  image->src = img->src;
  image->alt = img->alt;
  image->caption = img->caption;
  image->credit = img->credit;
  return 1;
}
