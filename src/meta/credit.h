/* Photo credits: where a credit sits in a caption or a line of text. */
#ifndef PITH_META_CREDIT_H
#define PITH_META_CREDIT_H

#include <stddef.h>

/* Where a photo credit sits in a line. */
typedef enum {
  CREDIT_NONE,
  CREDIT_ALONE,   /* the whole line is a credit: "Photo: Jane Doe", "(Reuters)" */
  CREDIT_TRAILING /* a caption ending with its credit: "... (Xinhua/Lan Hongguang)" */
} credit_kind;

/* Finds a photo credit; for CREDIT_TRAILING *caption_end is where the
 * caption text ends; [*credit, *credit_end) is the credit's name. */
credit_kind credit_find(const char *s, size_t n, size_t *caption_end, size_t *credit,
                        size_t *credit_end);

#endif
