/* The checks before anything is written. */
#include "cli/plan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/archive.h"
#include "cli/idset.h"
#include "cli/outfile.h"
#include "cli/output.h"
#include "cli/walk.h"

/* The output names below --output-dir, each with the input that makes it:
 * open addressing over strings, grown at half full. */
typedef struct {
  char **out, **in;
  size_t cap, n;
} name_map;

static size_t name_hash(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return (size_t)h;
}

/* Adds out -> in (both taken). Returns the input already mapped to out, or
 * NULL when out is new (or when out of memory: *oom set). */
static const char *name_map_add(name_map *m, char *out, char *in, int *oom) {
  if (2 * (m->n + 1) > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 256;
    char **o = calloc(cap, sizeof *o), **i = calloc(cap, sizeof *i);
    if (!o || !i) {
      free(o), free(i), free(out), free(in);
      *oom = 1;
      return NULL;
    }
    for (size_t k = 0; k < m->cap; k++) {
      if (!m->out[k])
        continue;
      size_t j = name_hash(m->out[k]) & (cap - 1);
      while (o[j])
        j = (j + 1) & (cap - 1);
      o[j] = m->out[k], i[j] = m->in[k];
    }
    free(m->out), free(m->in);
    m->out = o, m->in = i, m->cap = cap;
  }
  size_t j = name_hash(out) & (m->cap - 1);
  for (; m->out[j]; j = (j + 1) & (m->cap - 1)) {
    if (!strcmp(m->out[j], out)) {
      free(out), free(in);
      return m->in[j];
    }
  }
  m->out[j] = out, m->in[j] = in, m->n++;
  return NULL;
}

static void name_map_free(name_map *m) {
  for (size_t k = 0; k < m->cap; k++)
    free(m->out[k]), free(m->in[k]);
  free(m->out), free(m->in);
}

typedef struct {
  id_set inputs; /* every input file */
  name_map outputs;
  unsigned long long bytes;
  int refused, oom;
  int stdin_seen; /* "-", or no input: below -d, DIR/stdin.EXT */
} plan;

static void visit(cli *c, void *ctx, walk_kind kind, const char *path, const char *rel,
                  const struct stat *st) {
  plan *p = ctx;
  if (kind == WALK_ERROR || p->refused)
    return;
  if (kind == WALK_STDIN) {
    p->stdin_seen = 1;
    struct stat in;
    if (fstat(STDIN_FILENO, &in) == 0 && S_ISREG(in.st_mode)) {
      st = &in;
      rel = "stdin";
      if (id_set_add(&p->inputs, st->st_dev, st->st_ino) < 0)
        p->oom = 1;
      p->bytes += (unsigned long long)st->st_size;
    }
    return;
  }
  if (!st)
    return; /* a missing file: reading it will say so */
  if (id_set_add(&p->inputs, st->st_dev, st->st_ino) < 0)
    p->oom = 1;
  p->bytes += (unsigned long long)st->st_size;
  if (!c->output_dir)
    return;
  char *out =
      kind == WALK_ARCHIVE ? archive_output_name(rel, c->format) : output_name(rel, c->format);
  char *in = strdup(path);
  if (!out || !in) {
    free(out), free(in);
    p->oom = 1;
    return;
  }
  char *shown = strdup(out); /* for the message: the map takes out */
  const char *other = name_map_add(&p->outputs, out, in, &p->oom);
  if (other) {
    fprintf(stderr,
            "pith: %s and %s would both be written to %s/%s; refusing (rename one, or give them "
            "in two runs)\n",
            other, path, c->output_dir, shown ? shown : "the same file");
    p->refused = 1;
  }
  free(shown);
}

/* 1 if the file at path exists and is one of the inputs. */
static int is_input(const plan *p, const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && id_set_has(&p->inputs, st.st_dev, st.st_ino);
}

/* The size of the file at path when writing would replace what it holds
 * and --overwrite does not allow it: a regular file that is not empty (an
 * earlier run's output is not replaced by mistake; an empty file, made by
 * mktemp, holds nothing). Else 0. */
static unsigned long long held(const cli *c, const char *path) {
  struct stat st;
  if (c->overwrite || stat(path, &st) || !S_ISREG(st.st_mode))
    return 0;
  return (unsigned long long)st.st_size;
}

/* 1 (said why) if -o's or --errors' file holds something (held). */
static int would_overwrite(const cli *c, const char *path) {
  unsigned long long size = held(c, path);
  if (!size)
    return 0;
  fprintf(stderr,
          "pith: %s already exists (%llu bytes); refusing to write over it (--overwrite "
          "replaces it)\n",
          path, size);
  return 1;
}

/* Standard input's output below -d, a page's name or an archive's
 * (DIR/stdin.json, DIR/stdin.jsonl): refused when it holds something. */
static void stdin_output_held(const cli *c, plan *p) {
  for (int archive = 0; !p->refused && archive < 2; archive++) {
    char *name =
        archive ? archive_output_name("stdin", c->format) : output_name("stdin", c->format);
    size_t len = strlen(c->output_dir) + (name ? strlen(name) : 0) + 2;
    char *path = name ? malloc(len) : NULL;
    if (path) {
      snprintf(path, len, "%s/%s", c->output_dir, name);
      p->refused = would_overwrite(c, path);
    } else {
      p->oom = 1;
    }
    free(name), free(path);
  }
}

/* 1 (said why) if --errors' file is an input, -o's file or the file
 * standard output goes to: two writers of one file garble it. */
static int errors_clash(const cli *c, const plan *p) {
  struct stat st, out;
  const char *why = NULL;
  if (is_input(p, c->errors))
    why = "is also an input; refusing to write over it";
  else if (c->output && outfile_same(c->errors, c->output))
    why = "is also the --output file; give them two names";
  else if (!c->output && !c->output_dir && stat(c->errors, &st) == 0 &&
           fstat(STDOUT_FILENO, &out) == 0 && S_ISREG(out.st_mode) && st.st_dev == out.st_dev &&
           st.st_ino == out.st_ino)
    why = "is also where standard output goes; give them two files";
  if (why)
    fprintf(stderr, "pith: %s: the --errors file %s\n", c->errors, why);
  return why != NULL;
}

int plan_check(cli *c, char **args, int n, unsigned long long *total_bytes) {
  plan p;
  memset(&p, 0, sizeof p);
  if (c->output_dir) {
    /* The output directory is never an input directory, and is not
     * searched when it lies inside one. */
    struct stat st;
    if (stat(c->output_dir, &st) == 0) {
      for (int i = 0; i < n; i++) {
        struct stat in;
        if (strcmp(args[i], "-") && stat(args[i], &in) == 0 && in.st_dev == st.st_dev &&
            in.st_ino == st.st_ino) {
          fprintf(stderr,
                  "pith: %s: the output directory is also an input; refusing to write into it\n",
                  args[i]);
          return -1;
        }
      }
      c->skip_dev = st.st_dev, c->skip_ino = st.st_ino, c->skip_set = 1;
    }
  }
  if (walk_inputs(c, args, n, visit, &p))
    p.oom = 1;
  if (!p.refused && !p.oom) {
    struct stat st;
    if (c->output && is_input(&p, c->output)) {
      fprintf(stderr, "pith: %s: the output is also an input; refusing to write over it\n",
              c->output);
      p.refused = 1;
    } else if (!c->output && !c->output_dir && fstat(STDOUT_FILENO, &st) == 0 &&
               S_ISREG(st.st_mode) && id_set_has(&p.inputs, st.st_dev, st.st_ino)) {
      fprintf(stderr, "pith: standard output is also an input; refusing to write over it\n");
      p.refused = 1;
    } else if (c->errors && errors_clash(c, &p)) {
      p.refused = 1;
    } else if ((c->output && would_overwrite(c, c->output)) ||
               (c->errors && would_overwrite(c, c->errors))) {
      p.refused = 1;
    }
    unsigned long long there = 0; /* outputs below -d that hold something */
    char *first = NULL;           /* the first of them, and its input */
    const char *first_in = NULL;
    for (size_t k = 0; c->output_dir && !p.refused && k < p.outputs.cap; k++) {
      if (!p.outputs.out[k])
        continue;
      size_t len = strlen(c->output_dir) + strlen(p.outputs.out[k]) + 2;
      char *path = malloc(len);
      if (!path) {
        p.oom = 1;
        break;
      }
      snprintf(path, len, "%s/%s", c->output_dir, p.outputs.out[k]);
      if (is_input(&p, path)) {
        fprintf(stderr, "pith: %s: the output for %s is also an input; refusing to write over it\n",
                path, p.outputs.in[k]);
        p.refused = 1;
      } else if (c->errors && outfile_same(c->errors, path)) {
        fprintf(stderr, "pith: %s: the --errors file is also the output for %s; refusing\n",
                c->errors, p.outputs.in[k]);
        p.refused = 1;
      } else if (held(c, path) && !there++) {
        first = path, first_in = p.outputs.in[k];
        continue;
      }
      free(path);
    }
    if (there && !p.refused && !p.oom) {
      fprintf(stderr, "pith: %s already exists (the output for %s)", first, first_in);
      if (there > 1)
        fprintf(stderr, ", and %llu more of this run's outputs", there - 1);
      fprintf(stderr, "; refusing to write over %s (--overwrite replaces %s)\n",
              there > 1 ? "them" : "it", there > 1 ? "them" : "it");
      p.refused = 1;
    }
    free(first);
    if (c->output_dir && p.stdin_seen && !p.refused)
      stdin_output_held(c, &p);
  }
  if (p.oom && !p.refused)
    fprintf(stderr, "pith: out of memory\n");
  id_set_free(&p.inputs);
  name_map_free(&p.outputs);
  *total_bytes = p.bytes;
  return p.refused || p.oom ? -1 : 0;
}
