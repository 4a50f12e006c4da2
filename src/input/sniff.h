/* Is this an HTML page at all? A cheap look at the first bytes. */
#ifndef PITH_INPUT_SNIFF_H
#define PITH_INPUT_SNIFF_H

#include <stddef.h>

typedef enum { SNIFF_HTML, SNIFF_EMPTY, SNIFF_NOT_HTML } sniff_result;

/* Classifies data; *why gets a short reason for anything but SNIFF_HTML. */
sniff_result sniff_html(const char *data, size_t len, const char **why);

#endif
