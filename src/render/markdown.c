/* The markdown format: CommonMark with GitHub's pipe tables.
 *
 * Blocks are written line by line under a stack of prefixes (a list item's
 * marker then its indentation, a quote's "> "), so any nesting comes out
 * right. Text is escaped so that it never turns into markup; the only
 * markup is what the article's structure and runs call for. */
#include <stdio.h>

#include "render/runs.h"
#include "render/walk.h"

/* ---- inline: runs to one block's Markdown ---------------------------------- */

typedef struct {
  buf *out;
  unsigned mask; /* styles shown */
  int links, images;
  int oneline;    /* a heading or table cell: no line breaks (a cell's are <br>) */
  int heading;    /* '#' escaped */
  int table;      /* '|' escaped inside code spans too */
  int link;       /* inside a link's text */
  int line_start; /* nothing on this line yet: block syntax to escape */
  int written;    /* anything written: a break before it is dropped */
  int brk;        /* a hard break is due before the next text */
  size_t ws;      /* spaces due before the next text */
  unsigned open;  /* styles whose markers are open */
} mdi;

/* Markers for STRONG, EM, SUB, SUP (runs_style_order without CODE, which
 * is a span of its own). Strong and emphasis are placeholders first:
 * whether "**" and "*" work depends on the characters on both sides of
 * both ends, which resolve() knows once the block is written. */
enum { OPEN_STRONG = 1, CLOSE_STRONG, OPEN_EM, CLOSE_EM };
static const char *const md_open[4] = {"\x01", "\x03", "<sub>", "<sup>"};
static const char *const md_close[4] = {"\x02", "\x04", "</sub>", "</sup>"};

static void raw(mdi *mi, const char *s) {
  buf_puts(mi->out, s);
  mi->line_start = 0;
  mi->written = 1;
}

/* The break or spaces due before text. White space never sits just inside
 * an emphasis marker (CommonMark would not see the marker), and never ends
 * a line (two trailing spaces are a hard break). */
static void flush(mdi *mi) {
  if (mi->brk && mi->written) {
    if (mi->oneline)
      raw(mi, mi->table ? "<br>" : " "); /* GitHub's tables show a cell's <br> */
    else {
      buf_puts(mi->out, "\\\n");
      mi->line_start = 1;
    }
  } else if (mi->ws && !mi->line_start)
    raw(mi, " ");
  mi->brk = 0;
  mi->ws = 0;
}

/* Moves the open markers to want (as markup_runs' restyle), writing what is
 * due in between: after the closing markers, before the opening ones. */
static void begin(mdi *mi, unsigned want) {
  int k = 0;
  while (k < 4 && (mi->open & runs_style_order[k]) == (want & runs_style_order[k]))
    k++;
  for (int i = 3; i >= k; i--)
    if (mi->open & runs_style_order[i])
      raw(mi, md_close[i]);
  flush(mi);
  for (int i = k; i < 4; i++)
    if (want & runs_style_order[i])
      raw(mi, md_open[i]);
  mi->open = want;
}

/* Text without white space at either end, escaped. */
static void text(mdi *mi, const char *s, size_t len) {
  buf *out = mi->out;
  size_t i = 0;
  if (mi->line_start && len) {
    /* What would start a block at the start of a line. */
    size_t d = 0;
    while (d < len && d < 9 && s[d] >= '0' && s[d] <= '9')
      d++;
    if (d && d < len && (s[d] == '.' || s[d] == ')')) {
      buf_append(out, s, d);
      i = d;
      buf_putc(out, '\\');
    } else if (s[0] && strchr("#>+-=", s[0]))
      buf_putc(out, '\\');
  }
  for (; i < len; i++) {
    char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t')
      c = ' ';
    else if ((unsigned char)c < 0x20)
      continue; /* invisible, and the bytes resolve() reads as markers */
    else if (strchr("\\`*_[]<|~", c) || (c == '#' && mi->heading))
      buf_putc(out, '\\');
    else if (c == '&' && i + 1 < len &&
             (s[i + 1] == '#' || (s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
              (s[i + 1] >= 'A' && s[i + 1] <= 'Z') || (s[i + 1] >= '0' && s[i + 1] <= '9')))
      buf_putc(out, '\\'); /* would start an entity */
    buf_putc(out, c);
  }
  if (len) {
    mi->line_start = 0;
    mi->written = 1;
  }
}

/* s with its white space at the ends counted into *lead and *trail. */
static void trim(const char **s, size_t *len, size_t *lead, size_t *trail) {
  *lead = *trail = 0;
  while (*len && runs_space((*s)[0]))
    (*s)++, (*len)--, (*lead)++;
  while (*len && runs_space((*s)[*len - 1]))
    (*len)--, (*trail)++;
}

/* A code span: a backtick fence longer than any run of backticks inside. */
static void code_span(mdi *mi, const char *s, size_t len) {
  if (mi->link && memchr(s, ']', len)) {
    /* "[`a]:b`](u)" would be read as a link definition, before code spans
     * are: a raw <code> around escaped text instead. */
    raw(mi, "<code>");
    text(mi, s, len);
    raw(mi, "</code>");
    return;
  }
  size_t longest = 0, run = 0;
  for (size_t i = 0; i < len; i++) {
    run = s[i] == '`' ? run + 1 : 0;
    if (run > longest)
      longest = run;
  }
  buf *out = mi->out;
  for (size_t i = 0; i <= longest; i++)
    buf_putc(out, '`');
  int pad = s[0] == '`' || s[len - 1] == '`'; /* else they would join the fence */
  if (pad)
    buf_putc(out, ' ');
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t')
      c = ' ';
    else if ((unsigned char)c < 0x20)
      continue;
    if (c == '|' && mi->table)
      buf_putc(out, '\\'); /* GitHub splits cells before reading code spans */
    buf_putc(out, c);
  }
  if (pad)
    buf_putc(out, ' ');
  for (size_t i = 0; i <= longest; i++)
    buf_putc(out, '`');
  mi->line_start = 0;
  mi->written = 1;
}

/* Whether s (at a '&') starts what CommonMark reads as a character
 * reference, "&amp;" or "&#38;": in a destination too, where a URL that
 * holds one literally ("?a=1&amp;b=2") needs its '&' written "&amp;". */
static int entity_at(const char *s) {
  size_t n = 1 + (s[1] == '#');
  size_t start = n;
  while (n - start < 32 && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
                            (s[n] >= '0' && s[n] <= '9')))
    n++;
  return n > start && s[n] == ';';
}

/* A link destination: spaces and control characters percent-encoded, the
 * characters that would end it escaped. */
static void destination(buf *out, const char *url) {
  static const char hex[] = "0123456789ABCDEF";
  buf_putc(out, '(');
  for (const unsigned char *p = (const unsigned char *)(url ? url : ""); *p; p++) {
    if (*p <= ' ' || *p == 0x7F) {
      buf_putc(out, '%');
      buf_putc(out, hex[*p >> 4]);
      buf_putc(out, hex[*p & 15]);
      continue;
    }
    if (*p == '&' && entity_at((const char *)p)) {
      buf_puts(out, "&amp;"); /* a backslash does not stop it here */
      continue;
    }
    if (strchr("()<>\\|", *p))
      buf_putc(out, '\\');
    buf_putc(out, (char)*p);
  }
  buf_putc(out, ')');
}

static void image(mdi *mi, const char *src, const char *alt) {
  raw(mi, "![");
  if (alt) {
    size_t len = strlen(alt), lead, trail;
    trim(&alt, &len, &lead, &trail);
    text(mi, alt, len);
  }
  raw(mi, "]");
  destination(mi->out, src);
}

/* The runs from r up to end, inside one link or outside any. */
static void runs_md(mdi *mi, const art_run *r, const art_run *end) {
  buf tmp;
  buf_init(&tmp);
  while (r != end) {
    if (r->kind == RUN_BREAK) {
      if (mi->written)
        mi->brk = 1;
      r = r->next;
      continue;
    }
    if (r->kind == RUN_IMAGE) {
      if (mi->images && r->src) {
        begin(mi, mi->open);
        image(mi, r->src, r->alt);
      }
      r = r->next;
      continue;
    }
    unsigned style = r->style & mi->mask;
    const char *s = r->text ? r->text : "";
    size_t len = r->text ? r->len : 0;
    r = r->next;
    if (style & STYLE_CODE) { /* one span for the code runs that follow */
      buf_reset(&tmp);
      buf_append(&tmp, s, len);
      while (r != end && r->kind == RUN_TEXT && (r->style & mi->mask) == style) {
        if (r->text)
          buf_append(&tmp, r->text, r->len);
        r = r->next;
      }
      s = tmp.data ? tmp.data : "";
      len = tmp.len;
    }
    size_t lead, trail;
    trim(&s, &len, &lead, &trail);
    mi->ws += lead;
    if (len) {
      begin(mi, style & ~(unsigned)STYLE_CODE);
      if (style & STYLE_CODE)
        code_span(mi, s, len);
      else
        text(mi, s, len);
      mi->ws += trail;
    }
  }
  if (tmp.oom)
    mi->out->oom = 1;
  buf_free(&tmp);
}

/* Whether the runs from r up to end show anything. */
static int shows(const mdi *mi, const art_run *r, const art_run *end) {
  for (; r != end; r = r->next) {
    if (r->kind == RUN_IMAGE && mi->images && r->src)
      return 1;
    if (r->kind == RUN_TEXT && r->text)
      for (size_t i = 0; i < r->len; i++)
        if (!runs_space(r->text[i]))
          return 1;
  }
  return 0;
}

/* A block's (or cell's) runs as Markdown. */
static void inline_md(mdi *mi, const char *s, size_t len, const art_run *runs) {
  art_run one;
  const art_run *r = runs_of(s, len, runs, &one);
  while (r) {
    const art_run *end = r->next;
    if (mi->links && r->href) {
      end = runs_link_end(r);
      if (shows(mi, r, end)) {
        begin(mi, 0); /* markers do not straddle a link's edge */
        buf *out = mi->out;
        if (out->len && out->data[out->len - 1] == '!') { /* not an image: "\![" */
          out->data[out->len - 1] = '\\';
          buf_putc(out, '!');
        }
        raw(mi, "[");
        mi->link = 1;
        runs_md(mi, r, end);
        mi->link = 0;
        int brk = mi->brk;
        size_t ws = mi->ws;
        mi->brk = 0;
        mi->ws = 0;
        begin(mi, 0);
        raw(mi, "]");
        destination(mi->out, r->href);
        mi->brk = brk; /* a break or white space at the link's end goes after it */
        mi->ws = ws;
        r = end;
        continue;
      }
    } else
      while (end && !(mi->links && end->href))
        end = end->next;
    runs_md(mi, r, end);
    r = end;
  }
  mi->brk = 0;
  mi->ws = 0;
  begin(mi, 0);
}

/* ---- strong and emphasis: "**" and "*" where CommonMark reads them ------- */

static int is_marker(char c) {
  return c >= OPEN_STRONG && c <= CLOSE_EM;
}

/* Unicode white space (Zs) and punctuation (P*) as CommonMark's flanking
 * rules see them; the ranges common in text, other characters taken as
 * letters. */
static int u_space(unsigned long c) {
  return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static int u_punct(unsigned long c) {
  if (c < 0x80)
    return c > ' ' && c < 0x7F &&
           !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return c == 0xA1 || c == 0xA7 || c == 0xAB || c == 0xB6 || c == 0xB7 || c == 0xBB || c == 0xBF ||
         (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
         (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) ||
         (c >= 0x3014 && c <= 0x301F) ||
         (c >= 0xFF01 && c <= 0xFF0F && c != 0xFF04 && c != 0xFF0B) || c == 0xFF1A || c == 0xFF1B ||
         c == 0xFF1F || c == 0xFF20 || (c >= 0xFF3B && c <= 0xFF3D) || c == 0xFF3F || c == 0xFF5B ||
         c == 0xFF5D || (c >= 0xFF5F && c <= 0xFF65);
}

/* The character that starts at s[i] (UTF-8; a stray byte as itself). */
static unsigned long char_at(const char *s, size_t i, size_t len) {
  const unsigned char *p = (const unsigned char *)s + i;
  size_t n = len - i;
  if (p[0] < 0xC0 || n < 2)
    return p[0];
  if (p[0] < 0xE0)
    return ((p[0] & 0x1Ful) << 6) | (p[1] & 0x3F);
  if (p[0] < 0xF0 || n < 4)
    return n < 3 ? p[0] : ((p[0] & 0x0Ful) << 12) | ((p[1] & 0x3Ful) << 6) | (p[2] & 0x3F);
  return ((p[0] & 0x07ul) << 18) | ((p[1] & 0x3Ful) << 12) | ((p[2] & 0x3Ful) << 6) | (p[3] & 0x3F);
}

/* The character that ends just before s[i], not before s[from]. */
static unsigned long char_before(const char *s, size_t i, size_t from) {
  size_t k = i - 1;
  while (k > from && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
    k--;
  return char_at(s, k, i);
}

/* Whether a delimiter run between prev and next (0: the line's edge) is
 * left-flanking (CommonMark: it can open). Mirrored (next, prev):
 * right-flanking. */
static int left_flanking(unsigned long prev, unsigned long next) {
  if (!next || u_space(next))
    return 0;
  return !u_punct(next) || !prev || u_space(prev) || u_punct(prev);
}

/* A run that opens (or closes) as meant. A "*" run that could do both
 * ("(HTB)*." or ")*.*") is read first as a closer, of the nearest open
 * "*" run: right for our closer (spans nest, and a span's markers go one
 * way together, so the nearest open run is its own opener), and harmless
 * for an opener when no span around it is open (alone: outside any). */
static int flanks(unsigned long prev, unsigned long next, int closing, int alone) {
  int left = left_flanking(prev, next), right = left_flanking(next, prev);
  return closing ? right : left && (!right || alone);
}

#define MAX_MARKERS 256

/* Replaces the placeholders in t[from..]: a span's two ends become "**" (or
 * "*") when CommonMark would read both as its delimiters, else <strong>
 * (or <em>). Adjacent placeholders go one way together, and a closing one
 * right before an opening one is never a delimiter run (they would merge),
 * so that each decision sees the characters really around it. */
static void resolve(buf *t, size_t from) {
  size_t pos[MAX_MARKERS];
  int pair[MAX_MARKERS], html[MAX_MARKERS], stack[MAX_MARKERS], alone[MAX_MARKERS];
  int n = 0, depth = 0, overflow = 0;
  for (size_t i = from; i < t->len; i++) {
    if (!is_marker(t->data[i]))
      continue;
    if (n == MAX_MARKERS) {
      overflow = 1;
      break;
    }
    pos[n] = i;
    pair[n] = -1;
    html[n] = 0;
    alone[n] = !depth;
    char c = t->data[i];
    if (c == OPEN_STRONG || c == OPEN_EM)
      stack[depth++] = n;
    else if (depth) {
      pair[n] = stack[--depth];
      pair[pair[n]] = n;
    }
    n++;
  }
  if (!n)
    return;
  for (int k = 0; k < n; k++)
    html[k] = overflow || pair[k] < 0;
  /* Decide each group of adjacent markers, until nothing changes. */
  for (int changed = 1; changed;) {
    changed = 0;
    for (int k = 0; k < n;) {
      int e = k + 1;
      while (e < n && pos[e] == pos[e - 1] + 1)
        e++;
      unsigned long prev = pos[k] > from ? char_before(t->data, pos[k], from) : 0;
      unsigned long next = pos[e - 1] + 1 < t->len ? char_at(t->data, pos[e - 1] + 1, t->len) : 0;
      int opens = 0, closes = 0, any_html = 0, outside = alone[k];
      for (int j = k; j < e; j++) {
        char c = t->data[pos[j]];
        if (c == OPEN_STRONG || c == OPEN_EM)
          opens = 1;
        else
          closes = 1;
        any_html |= html[j];
      }
      int ok = !any_html && !(opens && closes) && flanks(prev, next, closes, outside);
      for (int j = k; j < e; j++)
        if (!ok && !html[j]) {
          html[j] = changed = 1;
          if (pair[j] >= 0)
            html[pair[j]] = 1;
        }
      k = e;
    }
  }
  /* Rewrite from the end, so positions stay valid. */
  static const char *const star[] = {"", "**", "**", "*", "*"};
  static const char *const tag[] = {"", "<strong>", "</strong>", "<em>", "</em>"};
  buf out;
  buf_init(&out);
  size_t at = from;
  for (int k = 0; k < n; k++) {
    buf_append(&out, t->data + at, pos[k] - at);
    int c = t->data[pos[k]];
    buf_puts(&out, html[k] ? tag[c] : star[c]);
    at = pos[k] + 1;
  }
  if (overflow) /* past the markers counted: all as tags */
    for (; at < t->len; at++) {
      char c = t->data[at];
      if (is_marker(c))
        buf_puts(&out, tag[(int)c]);
      else
        buf_putc(&out, c);
    }
  buf_append(&out, t->data + at, t->len - at);
  t->len = from;
  buf_append(t, out.data ? out.data : "", out.len);
  if (out.oom)
    t->oom = 1;
  buf_free(&out);
}

/* ---- blocks: lines under the containers' prefixes ------------------------- */

#define MD_LEVELS (RENDER_MAX_DEPTH + 8)

typedef struct {
  char first[16]; /* the first line's prefix: "- ", "12. ", "> " */
  char rest[16];  /* the other lines': "  ", "    ", "> " */
  int used;       /* the first line is written */
} level;

typedef struct {
  int ordered, alt, number, items;
} md_list;

typedef struct {
  walker w; /* first: the walk's callbacks get this */
  buf *out;
  const render_opts *o;
  level lv[MD_LEVELS];
  int nlv;
  int blank;       /* a blank line is due before the next line ... */
  int blank_depth; /* ... with the prefixes of this many levels */
  int para_depth;  /* the last block was a paragraph at this depth; -1 not */
  md_list lists[MD_LEVELS];
  int nlists;
  /* The list that just ended (no line since), so that a list right after
   * it takes other markers: CommonMark would make the two one list. */
  int prev_depth, prev_ordered, prev_alt;
  heading_outline outline;
  buf tmp;
} md;

static void push(md *m, const char *first, const char *rest) {
  if (m->nlv == MD_LEVELS) { /* the walk's depth limit keeps this from happening */
    m->out->oom = 1;
    return;
  }
  level *l = &m->lv[m->nlv++];
  snprintf(l->first, sizeof l->first, "%s", first);
  snprintf(l->rest, sizeof l->rest, "%s", rest);
  l->used = 0;
}

static void pop(md *m) {
  if (m->nlv)
    m->nlv--;
  if (m->blank_depth > m->nlv)
    m->blank_depth = m->nlv;
  /* A level closed: what was last written inside it is no neighbour of
   * what comes next in another one at the same depth. */
  if (m->para_depth > m->nlv)
    m->para_depth = -1;
  if (m->prev_depth > m->nlv)
    m->prev_depth = -1;
}

/* Ends the line started at start: an empty line keeps no trailing spaces. */
static void end_line(buf *out, size_t start, int empty) {
  if (empty)
    while (out->len > start && out->data[out->len - 1] == ' ')
      out->data[--out->len] = '\0';
  buf_putc(out, '\n');
}

/* Writes s (lines separated by '\n') under the prefixes, after the blank
 * line due; then the block is done. */
static void emit(md *m, const char *s, size_t len) {
  buf *out = m->out;
  if (m->blank) {
    size_t start = out->len;
    for (int i = 0; i < m->blank_depth && i < m->nlv; i++)
      buf_puts(out, m->lv[i].rest);
    end_line(out, start, 1);
  }
  size_t from = 0;
  do {
    const char *nl = memchr(s + from, '\n', len - from);
    size_t n = nl ? (size_t)(nl - (s + from)) : len - from;
    size_t start = out->len;
    for (int i = 0; i < m->nlv; i++) {
      buf_puts(out, m->lv[i].used ? m->lv[i].rest : m->lv[i].first);
      m->lv[i].used = 1;
    }
    buf_append(out, s + from, n);
    end_line(out, start, n == 0);
    from += n + 1;
  } while (from < len);
  m->blank = 1;
  m->blank_depth = m->nlv;
  m->para_depth = -1;
  m->prev_depth = -1;
}

static mdi inline_ctx(md *m, buf *out) {
  mdi mi = {0};
  mi.out = out;
  mi.mask = runs_style_mask(m->o);
  mi.links = m->o->links;
  mi.images = m->o->images;
  mi.line_start = 1;
  return mi;
}

/* A paragraph (or a heading) from a block's runs; nothing when they come
 * out empty. */
static void paragraph(md *m, const char *s, size_t len, const art_run *runs, int heading) {
  buf_reset(&m->tmp);
  if (heading) {
    for (int i = 0; i < heading; i++)
      buf_putc(&m->tmp, '#');
    buf_putc(&m->tmp, ' ');
  }
  size_t body = m->tmp.len;
  mdi mi = inline_ctx(m, &m->tmp);
  mi.oneline = mi.heading = heading > 0;
  mi.line_start = !heading;
  inline_md(&mi, s, len, runs);
  if (m->tmp.len == body)
    return;
  resolve(&m->tmp, body);
  emit(m, m->tmp.data, m->tmp.len);
  if (!heading)
    m->para_depth = m->nlv;
}

static void code_block(md *m, const article_block *b) {
  size_t longest = 0, run = 0;
  for (size_t i = 0; i < b->len; i++) {
    run = b->text[i] == '`' ? run + 1 : 0;
    if (run > longest)
      longest = run;
  }
  size_t fence = longest < 3 ? 3 : longest + 1;
  buf *t = &m->tmp;
  buf_reset(t);
  for (size_t i = 0; i < fence; i++)
    buf_putc(t, '`');
  /* The language as an info string: a word, up to anything that could
   * break out of it. */
  for (const char *p = b->language; p && *p; p++) {
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
          strchr("+#._-", *p)))
      break;
    buf_putc(t, *p);
  }
  buf_putc(t, '\n');
  for (size_t i = 0; i < b->len; i++)
    if (b->text[i] != '\r' && b->text[i] != '\0')
      buf_putc(t, b->text[i]);
  if (t->data[t->len - 1] != '\n')
    buf_putc(t, '\n');
  for (size_t i = 0; i < fence; i++)
    buf_putc(t, '`');
  emit(m, t->data, t->len);
}

static void leaf(walker *w, const article_block *b, block_role role, int bare) {
  (void)bare;
  md *m = (md *)w;
  if (role == ROLE_CODE)
    code_block(m, b);
  else if (role == ROLE_HEADING)
    paragraph(m, b->text, b->len, b->runs, outline_level(&m->outline, b->level));
  else if (role == ROLE_QUOTE) {
    push(m, "> ", "> ");
    paragraph(m, b->text, b->len, b->runs, 0);
    pop(m);
  } else
    paragraph(m, b->text, b->len, b->runs, 0);
}

/* Whether the list's first item starts with text, so that the list can
 * follow a paragraph in its item without a blank line (an empty item there
 * would be read as a heading's underline). */
static int starts_with_text(const walker *w, const art_node *first) {
  const art_node *c = first && first->kind == NODE_ITEM ? first->first : first;
  return c && c->kind == NODE_BLOCK && c->block && c->block->kind != BLOCK_CODE &&
         !block_blank(c->block, w->o->images);
}

static void list_begin(walker *w, const art_node *first, int ordered, int start) {
  md *m = (md *)w;
  if (m->nlists == MD_LEVELS)
    return;
  md_list *l = &m->lists[m->nlists++];
  l->ordered = ordered;
  l->number = start;
  l->items = 0;
  l->alt = m->prev_depth == m->nlv && m->prev_ordered == ordered ? !m->prev_alt : 0;
  /* Tight under a paragraph of its item: "- a\n  - b". Only lists that
   * CommonMark lets interrupt a paragraph. */
  if (m->para_depth == m->nlv && m->nlv > 0 && (!ordered || start == 1) &&
      starts_with_text(w, first))
    m->blank = 0;
}

static void list_end(walker *w, int ordered) {
  md *m = (md *)w;
  if (!m->nlists)
    return;
  md_list *l = &m->lists[--m->nlists];
  m->prev_depth = m->nlv;
  m->prev_ordered = ordered;
  m->prev_alt = l->alt;
}

static void item_begin(walker *w) {
  md *m = (md *)w;
  md_list *l = &m->lists[m->nlists ? m->nlists - 1 : 0];
  char marker[16], indent[16];
  if (l->ordered)
    snprintf(marker, sizeof marker, "%d%c ", l->number++, l->alt ? ')' : '.');
  else
    snprintf(marker, sizeof marker, "%c ", l->alt ? '*' : '-');
  size_t n = strlen(marker);
  memset(indent, ' ', n);
  indent[n] = '\0';
  if (l->items++)
    m->blank = 0; /* tight: no blank line between items */
  push(m, marker, indent);
}

static void item_end(walker *w) {
  md *m = (md *)w;
  if (m->nlv && !m->lv[m->nlv - 1].used)
    emit(m, "", 0); /* an empty item: its marker alone */
  pop(m);
}

/* One table row: its cells (or its text as one cell), padded to ncols. */
static void table_row(md *m, const article_block *b, size_t ncols) {
  buf *t = &m->tmp;
  size_t n = 0;
  buf_putc(t, '|');
  mdi mi = inline_ctx(m, t);
  mi.oneline = mi.table = 1;
  mi.line_start = 0;
  if (!b->cells) {
    buf_putc(t, ' ');
    inline_md(&mi, b->text, b->len, b->runs);
    buf_puts(t, " |");
    n = 1;
  }
  for (const art_cell *c = b->cells; c; c = c->next, n++) {
    buf_putc(t, ' ');
    inline_md(&mi, c->text, c->len, c->runs);
    buf_puts(t, " |");
  }
  for (; n < ncols; n++)
    buf_puts(t, "  |");
  buf_putc(t, '\n');
}

/* A pipe table: the first row as its header (a pipe table has to have one;
 * taking a header row from further down would reorder the rows), the
 * caption as a paragraph before it. */
static void table(walker *w, const art_node *first, const art_node *stop, const char *caption) {
  md *m = (md *)w;
  if (caption)
    paragraph(m, caption, strlen(caption), NULL, 0);
  size_t ncols = 1;
  const article_block *head = NULL;
  for (const art_node *n = first; n != stop; n = n->next) {
    if (n->kind != NODE_BLOCK || !n->block)
      continue;
    const article_block *b = n->block;
    size_t k = 0;
    for (const art_cell *c = b->cells; c; c = c->next)
      k++;
    if (k > ncols)
      ncols = k;
    if (!head)
      head = b;
  }
  if (!head)
    return;
  buf_reset(&m->tmp);
  table_row(m, head, ncols);
  buf_putc(&m->tmp, '|');
  for (size_t i = 0; i < ncols; i++)
    buf_puts(&m->tmp, " --- |");
  buf_putc(&m->tmp, '\n');
  for (const art_node *n = first; n != stop; n = n->next)
    if (n->kind == NODE_BLOCK && n->block && n->block != head)
      table_row(m, n->block, ncols);
  m->tmp.len--; /* the last newline: emit ends the line */
  resolve(&m->tmp, 0);
  emit(m, m->tmp.data, m->tmp.len);
}

static void quote_begin(walker *w) {
  push((md *)w, "> ", "> ");
}

static void quote_end(walker *w) {
  md *m = (md *)w;
  pop(m);
  m->prev_depth = -1; /* a list after the quote is another list anyway */
}

static void figure(walker *w, const article_image *img) {
  md *m = (md *)w;
  if (img->src) {
    buf_reset(&m->tmp);
    mdi mi = inline_ctx(m, &m->tmp);
    image(&mi, img->src, img->alt);
    emit(m, m->tmp.data, m->tmp.len);
  }
  buf words;
  buf_init(&words);
  figure_caption_text(img, &words);
  if (words.len)
    paragraph(m, words.data, words.len, NULL, 0);
  if (words.oom)
    m->out->oom = 1;
  buf_free(&words);
}

static void separator(walker *w) {
  md *m = (md *)w;
  /* "- ---" would be one thematic break, not an item holding one. */
  int marker = m->nlv && !m->lv[m->nlv - 1].used;
  emit(m, marker ? "___" : "---", 3);
}

void render_markdown(const article *a, const render_opts *o, buf *out) {
  md m = {
      .w = {o, 0, leaf, list_begin, item_begin, item_end, list_end, table, quote_begin, quote_end,
            figure, separator},
      .out = out,
      .o = o,
      .para_depth = -1,
      .prev_depth = -1,
  };
  buf_init(&m.tmp);
  size_t start = out->len;
  if (o->title && a->title)
    paragraph(&m, a->title, strlen(a->title), NULL, 1);
  outline_restart(&m.outline, walk_top_level(a));
  walk_children(&m.w, a->body.first, 0);
  if (walk_comments(a, o)) {
    emit(&m, "---", 3);
    paragraph(&m, "Comments", 8, NULL, 2);
    outline_restart(&m.outline, 3);
    walk_children(&m.w, a->comments->body.first, 0);
  }
  if (out->len == start)
    buf_putc(out, '\n'); /* every format's output ends with a newline */
  if (m.tmp.oom)
    out->oom = 1;
  buf_free(&m.tmp);
}
