/* The command-line tool's shared state: the options the user gave and the
 * run that follows from them. main.c is the run's flow: options.c parses
 * (usage.c: --help), plan.c checks the outputs before anything is written,
 * destination.c opens them and puts them in place, walk.c finds the
 * inputs, submit.c hands them to the batch, archive.c reads crawl
 * archives, output.c writes what the batch delivers, report.c shows the
 * progress and the summary, stop.c stops the run on a signal. */
#ifndef PITH_CLI_CLI_H
#define PITH_CLI_CLI_H

#include <stdio.h>
#include <sys/types.h>

#include "cli/outfile.h"
#include "pith.h"

/* What opens an xml stream (cli.xml_stream); "</articles>" closes it. */
#define XML_STREAM_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<articles>\n"

typedef struct cli {
  /* Options. */
  pith_format format;
  unsigned render_flags;
  const char *output;     /* -o */
  const char *output_dir; /* -d */
  const char *url;
  const char *charset;
  const char *language; /* --language */
  const char *errors;   /* --errors FILE */
  int overwrite;        /* --overwrite: -o's and --errors' files may hold something */
  size_t max_size;
  unsigned timeout_ms; /* --timeout-ms; 0: none */
  unsigned jobs;       /* -j; 0: one per core */
  int quiet;
  int progress;          /* 1 --progress, 0 --quiet or stderr not a terminal */
  int text;              /* --text */
  int dump_dom;          /* --dump-dom */
  int site_dedup;        /* 1 --site-dedup, 0 --no-site-dedup, -1 default */
  int all_status;        /* --all-status */
  int all_types;         /* --all-types */
  size_t max_page_bytes; /* --max-page-bytes; 0: the reader's default */

  /* The run. */
  int xml_stream;     /* xml, several documents to one stream: inside <articles> */
  FILE *out;          /* standard output or -o's file; NULL with --output-dir */
  FILE *errors_out;   /* --errors' file, or NULL */
  outfile out_file;   /* -o's */
  outfile error_file; /* --errors' */
  pith_sites *sites;
  pith_batch *batch;
  size_t trim_after; /* a page this large gives its memory back once delivered */
  int collect;       /* the first pass of --site-dedup: counting lines */
  dev_t skip_dev;    /* --output-dir, not walked as an input */
  ino_t skip_ino;
  int skip_set;
  int failures;                 /* failures outside the batch (writing, an archive's end) */
  int device_full;              /* -d: a page file could not be written for want of room */
  unsigned long long documents; /* written to the current stream: text separators */
  FILE *archive_out;            /* -d: the file of the archive whose records are being delivered */
  outfile archive_file;         /* its outfile */
  unsigned long long archive_documents;
  unsigned long long archive_extracted, archive_failed; /* -d: its records so far */
  struct report *report;
  char message[512]; /* the writer's last message (an item's error lives in it) */
} cli;

/* 1 if s[0..n) ends with suffix, in any case. */
int cli_ends_with(const char *s, size_t n, const char *suffix);

/* Nonzero once the run is to stop — a signal (SIGINT, SIGTERM) asked it,
 * or the output stream cannot be written: no input is read after it, and
 * what was read is written out whole. */
int cli_stopping(void);

/* A descriptor that becomes readable when a signal stops the run (-1 when
 * there is none): waits for input poll it beside their own. */
int cli_stop_fd(void);

/* Stops the run: the output stream cannot be written (a full disk). */
void cli_stop_run(void);

/* The temporary files a second Ctrl-C removes (src/cli/outfile.h): slot 0
 * -o's, 1 --errors', 2 the current archive's below -d; path NULL: none. */
void cli_temporary(int slot, const char *path);

/* "pith: INPUT: reason" on standard error, unless --quiet. */
void cli_complain(const cli *c, const char *input, const char *reason);

#endif
