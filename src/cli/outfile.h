/* The files named by -o and --errors, written to a temporary file beside
 * their name and renamed over it when the run ends: a run that reads
 * nothing (a mistyped input) leaves the file that was there, and no
 * reader ever sees half of one. A name that is not a regular file (a
 * terminal, a pipe, /dev/stdout, a symbolic link), and a file with other
 * names (hard links), someone else's or one we may not write, is written
 * in place (opening it then says whether we may). */
#ifndef PITH_CLI_OUTFILE_H
#define PITH_CLI_OUTFILE_H

#include <stdio.h>

typedef struct {
  char *path; /* a copy of the name given */
  char *tmp;  /* the temporary file, or NULL when written in place */
  FILE *f;
} outfile;

/* Opens o->f for path. 0, or -1 with errno set (o holds nothing). */
int outfile_open(outfile *o, const char *path);

/* Closes the stream and puts the file in place (renamed, or copied into a
 * name that cannot be replaced: a file mounted on its own). 0, or -1 with
 * errno set (the temporary file is removed). */
int outfile_commit(outfile *o);

/* Closes the stream and removes the temporary file: the file named keeps
 * what it held (written in place: what was written stays). */
void outfile_discard(outfile *o);

/* The temporary file's name while one is open, else NULL: a signal handler
 * removes it (unlink is async-signal-safe). */
const char *outfile_temporary(const outfile *o);

/* 1 if the names a and b are one file: the same device and inode, or, when
 * neither exists yet, the same name in the same directory. */
int outfile_same(const char *a, const char *b);

#endif
