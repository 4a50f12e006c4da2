/* Text mode: which lines of a flattened page become the body, on small
 * dumps written for the test (one a rule of src/text/text.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pith.h"

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

typedef struct {
  const char *name;
  const char *dump;
  const char *in[4];  /* in the text (up to a NULL) */
  const char *out[4]; /* not in it */
} body_case;

/* clang-format off */
static const body_case cases[] = {
    /* A heading of what follows an article ("Related articles") that the
     * page repeats further down heads a box inside the article: the text
     * after the first box is the article's too; the last one ends it. */
    {"inline box",
     "Home\nNews\nSport\n"
     "Town debates the old swimming pool\n"
     PARAGRAPHS("swimming pool") PARAGRAPHS("diving board")
     "Related articles\n"
     "Library opens on Sundays\n"
     "New bus route for the valley\n"
     PARAGRAPHS("old bandstand") PARAGRAPHS("paddling pool")
     "Related articles\n"
     "Harbour wall to be rebuilt\n"
     "School choir wins the county prize\n"
     "Related articles\n"
     "Market moves to the square\n"
     "Copyright 2024 Valley News. All rights reserved.\n",
     {"future of the swimming pool", "future of the old bandstand"},
     {"Library opens", "Harbour wall", "Market moves"}},
    /* Two such headings repeated in turn: each but its last occurrence
     * heads a box; the last of the one met last ends the article. */
    {"inline boxes, two headings in turn",
     "Home\nNews\n"
     "Town debates the old swimming pool\n"
     PARAGRAPHS("swimming pool")
     "Related articles\n"
     "Library opens on Sundays\n"
     PARAGRAPHS("old bandstand")
     "Most read\n"
     "Harbour wall to be rebuilt\n"
     PARAGRAPHS("paddling pool")
     "Related articles\n"
     "New bus route for the valley\n"
     "Most read\n"
     "Market moves to the square\n"
     "Copyright 2024 Valley News. All rights reserved.\n",
     {"future of the swimming pool", "future of the old bandstand", "future of the paddling pool"},
     {"Library opens", "Harbour wall", "New bus route", "Market moves"}},
    /* "More from <section>", "Most read in <section>": a short line that
     * opens a list of links naming where they come from; the links are
     * left out and the article goes on after them. */
    {"label opener",
     "Home\nNews\n"
     "Town debates the old swimming pool\n"
     PARAGRAPHS("swimming pool")
     "More from Valley\n"
     "Library opens on Sundays\n"
     "New bus route for the valley\n"
     PARAGRAPHS("old bandstand")
     "Copyright 2024 Valley News. All rights reserved.\n",
     {"future of the swimming pool", "future of the old bandstand"},
     {"More from", "Library opens", "New bus route"}},
    /* "Вам также может быть интересно" (you may also like) ends the
     * article. */
    {"russian end",
     "Главная\nНовости\n"
     "Как увеличить скорость бега\n"
     "Скорость бега можно увеличить, если каждый день выходить на пробежку "
     "хотя бы на полчаса, и это знает каждый, кто пробовал.\n"
     "Но не стоит забывать, что после долгого перерыва нужно начинать "
     "медленно, и только потом ускоряться, как советуют врачи.\n"
     "Вам также может быть интересно\n"
     "Где находится самое почетное место в традиционной юрте?\n"
     "Это место всегда было напротив входа, и его отдавали самому старшему "
     "гостю, который приходил в дом вместе с семьей.\n",
     {"Скорость бега можно увеличить"},
     {"юрте", "напротив входа"}},
    /* A list right after the article's prose, most of its items holding a
     * number (dates, prices, ranks), belongs to the article, with its
     * heading; the date lines in it are items, not datelines. */
    {"list after the text",
     "Home\nNews\n"
     "Town debates the old swimming pool\n"
     PARAGRAPHS("swimming pool")
     "Summer concerts in the park\n"
     "June 9 - Brass band of the valley, bandstand\n"
     "June 16 - The Harbour Singers, bandstand\n"
     "June 23 - School orchestra\n"
     "June 30 - Folk evening with the Millers, bandstand\n"
     "Share\n"
     "Market moves to the square\n"
     "Copyright 2024 Valley News. All rights reserved.\n",
     {"future of the swimming pool", "Summer concerts in the park", "June 9 - Brass band",
      "June 30 - Folk evening"},
     {"Market moves"}},
    /* Comment heads ("2 days ago") one after the other, with no comment
     * between them, are a post's dateline: the article after them is
     * kept, not cut as a thread of comments. */
    {"dateline of two heads",
     "Home\nBlog\n"
     "Town debates the old swimming pool\n"
     "A short look at a long debate about the pool, the town's oldest building, and the "
     "future that the council now has to choose for it, told by the people who swam there "
     "as children and still do.\n"
     "Posted: 2 days ago\n"
     "Last modified: 2 days ago\n"
     PARAGRAPHS("swimming pool"),
     {"A short look at a long debate", "future of the swimming pool", "end of the month"},
     {"Blog\n"}},
    /* An article broken by a table of short lines (and an inline link
     * to another story) goes on after it; a teaser of another story after
     * its headline (a run of prose weighing less than an article's
     * paragraph) does not. */
    {"prose after a table",
     "Home\nNews\n"
     "Town debates the old swimming pool\n"
     PARAGRAPHS("swimming pool")
     "Name\nLength\nDepth\nOpened\nMain pool\n25 m\n2 m\n1936\nLearner pool\n"
     "12 m\n0.9 m\n1962\nDiving pool\n10 m\n4 m\n1962\nPaddling pool\n8 m\n0.3 m\n"
     "1980\nSauna\nnone\nnone\n1995\nChanging rooms\nnone\nnone\n1936\n"
     "Also read: Library opens on Sundays\n"
     "The diving pool was the last to be built and is the first that the council wants "
     "to close, since its tower no longer meets the rules for public pools.\n"
     "Swimmers from the valley club say that they would have to travel to the city to "
     "train if it closed, and that the club would lose most of its younger members.\n"
     "Harbour wall\nThe wall will be closed for a week.\n",
     {"future of the swimming pool", "tower no longer meets", "lose most of its younger"},
     {"Harbour wall", "closed for a week", "Library opens"}},
    /* Repeated lines are no such list: the page's other stories. */
    {"no list of other stories",
     "Home\nNews\n"
     "Town debates the old swimming pool\n"
     PARAGRAPHS("swimming pool")
     "Next story\n"
     "Library opens on Sundays from 2025\n"
     "Bus route 7 changes on May 3\n"
     "5 walks around the valley\n"
     "Harbour wall costs 2 million\n"
     "Most read\n"
     "Library opens on Sundays from 2025\n"
     "Bus route 7 changes on May 3\n"
     "5 walks around the valley\n"
     "Harbour wall costs 2 million\n",
     {"future of the swimming pool"},
     {"Library opens", "Bus route", "Harbour wall"}},
    /* A wiki's section heading with its edit link glued on (a WET record
     * of Wikipedia): the heading stays, the link goes. */
    {"edit link",
     "Main menu\nSearch\n"
     "Town debates the old swimming pool\n"
     PARAGRAPHS("swimming pool")
     "History[edit]\n"
     PARAGRAPHS("old bandstand")
     "Geography[edit | edit source]\n"
     PARAGRAPHS("paddling pool"),
     {"History\n", "Geography\n", "future of the old bandstand"},
     {"[edit"}},
    /* An article in a language without a stop word list (Indonesian) on
     * a page whose menus and sidebar are English: its lines are judged by
     * their punctuation, not as English lines without stop words. */
    {"other language",
     "Home\nAbout\nContact\n"
     "How to Bring Sick People to a Doctor in the City\n"
     "How to Get Your Body Taller in a Month\n"
     "Curing Headaches with the Help of Old Remedies\n"
     "Jangan Membenci Satu Kaum Secara Berlebihan\n"
     "Posted on March 30, 2015 by Admin\n"
     "Mudah2an kita bisa memahami dan mengamalkan Al Qur'an dan Hadits ini. Jangan cuma di "
     "kerongkongan saja.\n"
     "Jangan lebay dalam mencintai atau membenci sesuatu. Biasa biasa saja. Jangan sampai "
     "karena kita amat membenci sesuatu kaum, kita berbuat zalim kepada mereka.\n"
     "Kita harus hati2 terhadap aliran ekstrim yang menanamkan kebencian yang amat sangat "
     "kepada sesama Muslim, padahal Nabi mengajarkan kasih sayang.\n"
     "Share this:\nFacebook\nTwitter\n"
     "Leave a Reply\n"
     "Please log in using one of these methods to post your comment and join the talk.\n",
     {"Mudah2an kita bisa", "Jangan lebay", "Kita harus hati2"},
     {"How to Get Your Body", "Please log in"}},
    /* Short lines without a sentence end between two runs of prose are
     * not always menus: a manual's code (or a table) is followed by more of
     * its text, however short. */
    {"prose after code",
     "Home\nDocs\n"
     "Configuring the swimming pool pump\n"
     PARAGRAPHS("swimming pool") PARAGRAPHS("pump house")
     "Example configuration\n"
     "pump {\n  speed high\n  timer on\n  start early\n  stop late\n  filter sand\n"
     "  valve open\n  mode quiet\n}\n"
     "Restart the pump after you change the file, so that the new settings are read "
     "before the next cycle begins.\n"
     "The pump keeps its old settings until then, and it will not warn you that the file "
     "has changed.\n",
     {"future of the swimming pool", "Restart the pump after", "warn you that the file"},
     {"Docs\n"}},
};
/* clang-format on */

static void check_case(const body_case *c) {
  pith_result *r = NULL;
  const char *t = NULL;
  if (pith_extract_text(c->dump, strlen(c->dump), NULL, &r) == PITH_OK)
    t = pith_result_text(r);
  CHECK(t != NULL);
  for (int k = 0; k < 4 && c->in[k]; k++) {
    int ok = t && strstr(t, c->in[k]);
    if (!ok)
      fprintf(stderr, "%s: \"%s\" missing\n", c->name, c->in[k]);
    CHECK(ok);
  }
  for (int k = 0; k < 4 && c->out[k]; k++) {
    int ok = t && !strstr(t, c->out[k]);
    if (!ok)
      fprintf(stderr, "%s: \"%s\" kept\n", c->name, c->out[k]);
    CHECK(ok);
  }
  pith_result_free(r);
}

/* A list of numbers after the article as long as a page of data (1000
 * lines, past the 200 of a list that goes on from an article) is no part
 * of the article; one of 150 lines is. */
static void check_long_list(int items, int kept) {
  const char *head = "Home\nNews\nTown debates the old swimming pool\n" PARAGRAPHS("swimming pool");
  size_t cap = strlen(head) + (size_t)items * 32 + 1, n = strlen(head);
  char *dump = malloc(cap);
  CHECK(dump != NULL);
  if (!dump)
    return;
  memcpy(dump, head, n);
  for (int i = 0; i < items; i++)
    n += (size_t)snprintf(dump + n, cap - n, "Reading %d of the gauge\n", 1000 + i);
  pith_result *r = NULL;
  const char *t = NULL;
  if (pith_extract_text(dump, n, NULL, &r) == PITH_OK)
    t = pith_result_text(r);
  CHECK(t && strstr(t, "future of the swimming pool"));
  int has = t && strstr(t, "Reading 1000 of the gauge");
  if (has != kept)
    fprintf(stderr, "list of %d lines: %s\n", items, kept ? "left out" : "kept");
  CHECK(has == kept);
  pith_result_free(r);
  free(dump);
}

int main(void) {
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    check_case(&cases[i]);
  check_long_list(150, 1);
  check_long_list(1000, 0);
  return check_done();
}
