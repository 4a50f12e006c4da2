/* Finding the inputs: the arguments in order, directories searched
 * recursively in name order. Each directory is entered once and each file
 * found in one is visited once (by device and inode: a symbolic-link loop
 * or two links to one place are followed once); --output-dir is never
 * searched. */
#ifndef PITH_CLI_WALK_H
#define PITH_CLI_WALK_H

#include <sys/stat.h>

#include "cli/cli.h"

typedef enum {
  WALK_PAGE,    /* a page file (or a text file with --text) */
  WALK_ARCHIVE, /* a WARC or WET file, by its name or (named on the command line) its bytes */
  WALK_STDIN,   /* "-", or no input at all */
  WALK_ERROR,   /* a directory that cannot be read: path, and the reason in rel */
  WALK_NOTHING, /* a directory named with no input below it: path, and what was looked for in rel */
} walk_kind;

/* path: what to open; rel: its name below --output-dir ("sub/a.html" for
 * a file found in a directory, the last component for a file named on the
 * command line); st: its stat (NULL for WALK_STDIN and WALK_ERROR). */
typedef void (*walk_visit)(cli *c, void *ctx, walk_kind kind, const char *path, const char *rel,
                           const struct stat *st);

/* Visits every input of args[0..n) (standard input when n is 0). Returns
 * -1 when out of memory, else 0. */
int walk_inputs(cli *c, char **args, int n, walk_visit visit, void *ctx);

/* 1 if the file name is a page's: .html, .htm, .xhtml (any of them .gz). */
int walk_page_name(const char *name);

#endif
