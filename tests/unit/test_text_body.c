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

/* "More from <section>", "Most read in <section>": a short line that opens
 * a list of links naming where they come from; the links are left out and
 * the article goes on after them. */
static void test_label_opener(void) {
  char *t = extract("Home\nNews\n"
                    "Town debates the old swimming pool\n" PARAGRAPHS(
                        "swimming pool") "More from Valley\n"
                                         "Library opens on Sundays\n"
                                         "New bus route for the valley\n" PARAGRAPHS(
                                             "old bandstand") "Copyright 2024 Valley News. All "
                                                              "rights reserved.\n");
  CHECK(has(t, "future of the swimming pool"));
  CHECK(has(t, "future of the old bandstand"));
  CHECK(!has(t, "More from"));
  CHECK(!has(t, "Library opens"));
  CHECK(!has(t, "New bus route"));
  free(t);
}

/* "Вам также может быть интересно" (you may also like) ends the article. */
static void test_russian_end(void) {
  char *t = extract("Главная\nНовости\n"
                    "Как увеличить скорость бега\n"
                    "Скорость бега можно увеличить, если каждый день выходить на пробежку "
                    "хотя бы на полчаса, и это знает каждый, кто пробовал.\n"
                    "Но не стоит забывать, что после долгого перерыва нужно начинать "
                    "медленно, и только потом ускоряться, как советуют врачи.\n"
                    "Вам также может быть интересно\n"
                    "Где находится самое почетное место в традиционной юрте?\n"
                    "Это место всегда было напротив входа, и его отдавали самому старшему "
                    "гостю, который приходил в дом вместе с семьей.\n");
  CHECK(has(t, "Скорость бега можно увеличить"));
  CHECK(!has(t, "юрте"));
  CHECK(!has(t, "напротив входа"));
  free(t);
}

int main(void) {
  test_inline_box();
  test_label_opener();
  test_russian_end();
  return check_done();
}
