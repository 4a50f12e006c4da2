/* Text mode: which lines of a flattened page become the body, on small
 * dumps written for the test (one a rule of src/text/text.c). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pith.h"

/* The text pith extracts from a dump; NULL on error. Free with free(). */
static char *extract(const char *dump) {
  pith_result *r = NULL;
  char *out = NULL;
  if (pith_extract_text(dump, strlen(dump), NULL, &r) == PITH_OK)
    out = strdup(pith_result_text(r));
  pith_result_free(r);
  return out;
}

static int has(const char *hay, const char *needle) {
  return hay && strstr(hay, needle) != NULL;
}

/* Four sentences of running text, each a line: an article's worth. */
#define PARAGRAPHS(topic)                                                                          \
  "The council met on Monday evening to discuss the future of the " topic                          \
  " and heard from more than forty residents who had come to speak.\n"                             \
  "Most of them said that the " topic " had been part of the town for as long as they could "      \
  "remember, and that they would miss it if it were to close.\n"                                   \
  "A few pointed out that the repairs would cost more than the town could afford this year, "      \
  "and asked the council to look for a grant from the county.\n"                                   \
  "The council agreed to hear a report on the costs at its next meeting, which will be held "      \
  "in the library at the end of the month.\n"

/* A heading of what follows an article ("Related articles") that the page
 * repeats further down heads a box inside the article: the text after the
 * first box is the article's too; the last one ends it. */
static void test_inline_box(void) {
  char *t = extract(
      "Home\nNews\nSport\n"
      "Town debates the old swimming pool\n" PARAGRAPHS("swimming pool") PARAGRAPHS(
          "diving board") "Related articles\n"
                          "Library opens on Sundays\n"
                          "New bus route for the valley\n" PARAGRAPHS("old bandstand")
                              PARAGRAPHS("paddling pool") "Related articles\n"
                                                          "Harbour wall to be rebuilt\n"
                                                          "School choir wins the county prize\n"
                                                          "Related articles\n"
                                                          "Market moves to the square\n"
                                                          "Copyright 2024 Valley News. All rights "
                                                          "reserved.\n");
  CHECK(has(t, "future of the swimming pool"));
  CHECK(has(t, "future of the old bandstand"));
  CHECK(!has(t, "Library opens"));
  CHECK(!has(t, "Harbour wall"));
  CHECK(!has(t, "Market moves"));
  free(t);
}

int main(void) {
  test_inline_box();
  return check_done();
}
