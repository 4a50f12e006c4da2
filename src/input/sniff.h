/* Is this an HTML page at all? A cheap look at the first bytes. */
#ifndef PITH_INPUT_SNIFF_H
#define PITH_INPUT_SNIFF_H

#include <stddef.h>

/* SNIFF_NOT_HTML: text without markup (a page flattened to text, or
 * prose). SNIFF_NOT_PAGE: text, but not a page nor prose (an SVG image,
 * another XML document, CSS, JavaScript, JSON): nothing to extract.
 * SNIFF_BINARY: no text at all (a known binary format by its first bytes:
 * an image, a PDF, an archive, a font, audio, video, a program; or control
 * bytes, NUL bytes in the first KiB of what has no markup). */
typedef enum { SNIFF_HTML, SNIFF_EMPTY, SNIFF_NOT_HTML, SNIFF_NOT_PAGE, SNIFF_BINARY } sniff_result;

/* Classifies data; *why gets a short reason for anything but SNIFF_HTML. */
sniff_result sniff_html(const char *data, size_t len, const char **why);

/* Whether msg is one of the reasons sniff_html gives with SNIFF_NOT_PAGE
 * (compared by text: it may be a copy). */
int sniff_not_page_reason(const char *msg);

#endif
