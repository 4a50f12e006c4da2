/* html_parse() over libxml2's HTML SAX parser: the parser's events build
 * pith's DOM directly, which costs far less than libxml2's own tree. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html.h"
#include "util/buf.h"
#include "util/deadline.h"

/* libxml2 hands over element and attribute names interned in the parser's
 * dictionary: one pointer per distinct name for the whole parse. A small
 * table keyed on that pointer remembers what each name means (its tag id,
 * whether it is class, id, style...) and pith's copy of it, so each distinct
 * name is looked up and copied once per page instead of once per use. Only
 * pointers the dictionary owns are remembered (they stay valid and unchanged
 * until the parser is freed). */
enum { NAME_SLOTS = 512 };

enum {
  ATTR_OTHER = 0,
  ATTR_CLASS,
  ATTR_ID,
  ATTR_HIDDEN,
  ATTR_ARIA_HIDDEN,
  ATTR_STYLE,
};

typedef struct {
  const xmlChar *key; /* NULL: free slot */
  const char *copy;   /* the name as attribute name, copied into the arena (NULL: not yet) */
  int16_t tag;        /* tag id as element name; -1: not yet looked up */
  int16_t attr;       /* ATTR_* as attribute name */
} name_slot;

typedef struct {
  arena *mem;
  dom_doc *doc;
  dom_node *cur; /* the open element new nodes go into */
  /* Elements opened beyond the depth limit become children of the deepest
   * node allowed (flat), in document order; deep_stack holds, per such
   * element still open, the node that was current before it. */
  dom_node *flat;
  dom_node **deep_stack;
  size_t deep_n, deep_cap;
  buf text;        /* character data not yet made into a node */
  int pending_raw; /* ... and it is a script's contents */
  html_limits lim;
  const char *in_start, *in_end; /* the caller's input */
  int oom;
  xmlParserCtxtPtr ctxt;
  name_slot names[NAME_SLOTS]; /* what each element/attribute name means */
  unsigned nnames;
} builder;

static void init_once(void) {
  xmlInitParser();
}

void html_init(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, init_once);
}

static void stop(builder *b) {
  if (b->ctxt)
    xmlStopParser(b->ctxt);
}

static dom_node *new_node(builder *b, uint16_t tag) {
  if (b->lim.max_nodes && b->doc->nodes >= b->lim.max_nodes) {
    b->doc->truncated = 1;
    stop(b);
    return NULL;
  }
  dom_node *n = arena_calloc(b->mem, sizeof *n);
  if (!n) {
    b->oom = 1;
    stop(b);
    return NULL;
  }
  n->tag = tag;
  b->doc->nodes++;
  return n;
}

static void append_child(dom_node *parent, dom_node *n) {
  n->parent = parent;
  n->depth = parent->depth + 1;
  n->prev = parent->last;
  if (parent->last)
    parent->last->next = n;
  else
    parent->first = n;
  parent->last = n;
}

static int all_space(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f')
      return 0;
  return 1;
}

/* Turns pending character data into one text node. */
static void flush_text(builder *b) {
  int rawtext = b->pending_raw;
  b->pending_raw = 0;
  if (!b->text.len)
    return;
  if (b->text.oom) {
    b->oom = 1;
    stop(b);
    return;
  }
  dom_node *n = new_node(b, TAG_TEXT);
  if (n) {
    if (all_space(b->text.data, b->text.len)) {
      n->text = " ";
      n->text_len = 1;
    } else {
      n->text = arena_strndup(b->mem, b->text.data, b->text.len);
      n->text_len = (uint32_t)b->text.len;
      if (!n->text) {
        b->oom = 1;
        stop(b);
      }
    }
    if (rawtext)
      n->kind |= DOM_RAWTEXT;
    append_child(b->cur, n);
  }
  buf_reset(&b->text);
}

static int style_hides(const char *style) {
  /* "display: none" or "visibility:hidden", spaces and case ignored. */
  char squeezed[256];
  size_t j = 0;
  for (const char *p = style; *p && j + 1 < sizeof squeezed; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n')
      squeezed[j++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
  squeezed[j] = '\0';
  return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static int strcasestr_ascii(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (; *hay; hay++)
    if (!strncasecmp(hay, needle, n))
      return 1;
  return 0;
}

static int attr_kind(const char *name) {
  switch (name[0]) {
  case 'c':
    return !strcmp(name, "class") ? ATTR_CLASS : ATTR_OTHER;
  case 'i':
    return !strcmp(name, "id") ? ATTR_ID : ATTR_OTHER;
  case 'h':
    return !strcmp(name, "hidden") ? ATTR_HIDDEN : ATTR_OTHER;
  case 'a':
    return !strcmp(name, "aria-hidden") ? ATTR_ARIA_HIDDEN : ATTR_OTHER;
  case 's':
    return !strcmp(name, "style") ? ATTR_STYLE : ATTR_OTHER;
  case 'p': /* a popover is not shown until something opens it */
    return !strcmp(name, "popover") ? ATTR_HIDDEN : ATTR_OTHER;
  default:
    return ATTR_OTHER;
  }
}

/* The slot remembering name, or NULL when name is not the dictionary's or
 * the table is full: then the caller works it out the slow way. */
static name_slot *name_info(builder *b, const xmlChar *name) {
  size_t h = (size_t)(((uintptr_t)name >> 3) * 0x9E3779B97F4A7C15ULL) & (NAME_SLOTS - 1);
  for (;;) {
    name_slot *s = &b->names[h];
    if (s->key == name)
      return s;
    if (!s->key)
      break;
    h = (h + 1) & (NAME_SLOTS - 1);
  }
  if (b->nnames >= NAME_SLOTS / 2 || !b->ctxt || !xmlDictOwns(b->ctxt->dict, name))
    return NULL;
  name_slot *s = &b->names[h];
  s->key = name;
  s->copy = NULL;
  s->tag = -1;
  s->attr = (int16_t)attr_kind((const char *)name);
  b->nnames++;
  return s;
}

static tag_id name_tag(builder *b, const xmlChar *name) {
  name_slot *s = name_info(b, name);
  if (!s)
    return tag_lookup((const char *)name);
  if (s->tag < 0)
    s->tag = (int16_t)tag_lookup((const char *)name);
  return (tag_id)s->tag;
}

/* Bytes of raw text (script, style) the skip below can pass over quickly:
 * 0 any ASCII byte libxml2 takes as it is, 1 '<', 2 a control byte libxml2
 * stops at or reports, 3 the lead byte of a UTF-8 sequence. */
static const unsigned char raw_class[256] = {
    2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2, 0, 2, 2, /* 0x00: \t \n \r are fine */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x10 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x30: '<' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x50 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x70 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* 0x80-0xff */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* */
};

/* Length of the well-formed UTF-8 sequence at p (before end), 0 if there is
 * none: overlongs, surrogates and code points above U+10FFFF count as bad. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end) {
  unsigned c = p[0];
  size_t n = c >= 0xC2 && c <= 0xDF   ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  if (!n || (size_t)(end - p) < n)
    return 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (c == 0xE0)
    lo = 0xA0;
  if (c == 0xED)
    hi = 0x9F;
  if (c == 0xF0)
    lo = 0x90;
  if (c == 0xF4)
    hi = 0x8F;
  if (p[1] < lo || p[1] > hi)
    return 0;
  for (size_t i = 2; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  return n;
}

/* Called as the start tag of a script or style element (name) has been read
 * and libxml2 stands on its closing '>'. Its contents are raw text that
 * libxml2 reads one character at a time (htmlParseScript) up to the first
 * "</name", case ignored, and hands over as cdata that pith throws away:
 * about a third of the parse on real pages. Jump straight to that end tag:
 * move the '>' libxml2 is about to step over to just before it, and put the
 * parser there. Everything libxml2 reports stays the same but that cdata.
 *
 * Only done where the outcome is sure to be the same: the contents do not
 * start with '<' (libxml2 checks for a tag there first), hold no control
 * byte (which would interrupt htmlParseScript) and are well-formed UTF-8
 * (a bad sequence would switch libxml2 to Latin-1 for the rest of the page),
 * and libxml2 reads its own copy of the input, which may be written to. */
static void skip_raw_text(builder *b, const xmlChar *name, size_t name_len) {
  xmlParserCtxtPtr ctxt = b->ctxt;
  if (!ctxt || !ctxt->recovery || ctxt->instate == XML_PARSER_EOF || ctxt->disableSAX)
    return;
  xmlParserInputPtr in = ctxt->input;
  if (!in || !in->cur || !in->end || in->cur >= in->end || ctxt->name != name)
    return;
  const unsigned char *gt = in->cur, *end = in->end;
  if ((const char *)gt >= b->in_start && (const char *)gt <= b->in_end)
    return; /* not a copy */
  if (gt[0] != '>' || end - gt < 2 || gt[1] == '<')
    return;
  const unsigned char *p = gt + 1;
  for (;;) {
    /* 8 bytes at a time while none is '<', a control byte or non-ASCII. */
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    while (end - p >= 8) {
      uint64_t v, lt;
      memcpy(&v, p, 8);
      lt = v ^ (ones * '<');
      if ((v | ((v - ones * 0x20) & ~v) | ((lt - ones) & ~lt)) & highs)
        break;
      p += 8;
    }
    while (p < end && !raw_class[*p])
      p++;
    if (p >= end)
      return; /* no end tag: leave it to libxml2 */
    switch (raw_class[*p]) {
    case 1:
      if ((size_t)(end - p) >= 2 + name_len && p[1] == '/' &&
          !strncasecmp((const char *)p + 2, (const char *)name, name_len)) {
        ((unsigned char *)p)[-1] = '>';
        in->cur = p - 1;
        return;
      }
      p++;
      break;
    case 3: {
      size_t n = utf8_seq(p, end);
      if (!n)
        return;
      p += n;
      break;
    }
    default:
      return;
    }
  }
}

/* The time budget, checked at each parser event. */
static int out_of_time(builder *b) {
  if (!deadline_over(b->lim.deadline))
    return 0;
  stop(b);
  return 1;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  builder *b = ctx;
  if (b->oom || out_of_time(b))
    return;
  flush_text(b);
  dom_node *parent = b->cur;
  if (b->deep_n || (b->lim.max_depth && b->cur->depth >= b->lim.max_depth)) {
    /* Too deep: flattened into the deepest node allowed, so that its text
     * stays in blocks of its own (one deep blob would outweigh the page). */
    if (!b->deep_n)
      b->flat = b->cur->parent ? b->cur->parent : b->cur;
    if (b->deep_n == b->deep_cap) {
      size_t cap = b->deep_cap ? b->deep_cap * 2 : 64;
      dom_node **s = realloc(b->deep_stack, cap * sizeof *s);
      if (!s) {
        b->oom = 1;
        stop(b);
        return;
      }
      b->deep_stack = s;
      b->deep_cap = cap;
    }
    b->deep_stack[b->deep_n++] = b->cur;
    b->doc->truncated = 1;
    parent = b->flat;
  }
  tag_id tag = name_tag(b, name);
  dom_node *n = new_node(b, (uint16_t)tag);
  if (!n) {
    if (b->deep_n && parent == b->flat)
      b->cur = b->flat; /* the end tag pops back to where it was */
    return;
  }
  if (tag == TAG_UNKNOWN &&
      !(n->name = arena_strndup(b->mem, (const char *)name, strlen((const char *)name)))) {
    b->oom = 1;
    stop(b);
    return;
  }
  dom_attr **tail = &n->attrs;
  size_t kept = 0;
  for (size_t i = 0; atts && atts[i]; i += 2) {
    if (b->lim.max_attrs && kept >= b->lim.max_attrs) {
      b->doc->truncated = 1; /* the rest of the attributes are left out */
      break;
    }
    dom_attr *a = arena_alloc(b->mem, sizeof *a);
    const char *an = (const char *)atts[i];
    const char *av = atts[i + 1] ? (const char *)atts[i + 1] : "";
    size_t av_len = strlen(av);
    if (b->lim.max_attr_bytes && av_len > b->lim.max_attr_bytes) {
      b->doc->truncated = 1; /* left out: a cut URL or class is worse than none */
      continue;
    }
    name_slot *s = name_info(b, atts[i]);
    int kind;
    if (s) {
      if (!s->copy)
        s->copy = arena_strndup(b->mem, an, strlen(an));
      an = s->copy;
      kind = s->attr;
    } else {
      an = arena_strndup(b->mem, an, strlen(an));
      kind = an ? attr_kind(an) : ATTR_OTHER;
    }
    if (!a || !an || !(a->value = arena_strndup(b->mem, av, av_len))) {
      b->oom = 1;
      stop(b);
      return;
    }
    a->name = an;
    a->next = NULL;
    kept++;
    *tail = a;
    tail = &a->next;
    switch (kind) {
    case ATTR_CLASS:
      n->cls = a->value;
      break;
    case ATTR_ID:
      n->id = a->value;
      break;
    case ATTR_HIDDEN:
      n->kind |= DOM_HIDDEN;
      break;
    case ATTR_ARIA_HIDDEN:
      if (!strcmp(a->value, "true"))
        n->kind |= DOM_HIDDEN;
      break;
    case ATTR_STYLE:
      if (style_hides(a->value))
        n->kind |= DOM_HIDDEN;
      break;
    default:
      break;
    }
  }
  append_child(parent, n);
  b->cur = n;
  switch (tag) {
  case TAG_HTML:
    if (!b->doc->html)
      b->doc->html = n;
    break;
  case TAG_HEAD:
    if (!b->doc->head)
      b->doc->head = n;
    break;
  case TAG_BODY:
    if (!b->doc->body)
      b->doc->body = n;
    break;
  case TAG_TITLE:
    if (!b->doc->title)
      b->doc->title = n;
    break;
  case TAG_SCRIPT: {
    /* JSON-LD is kept (on_cdata); other scripts' contents are not. */
    const char *type = dom_attr_get(n, "type");
    if (!type || !strcasestr_ascii(type, "ld+json"))
      skip_raw_text(b, name, 6);
    break;
  }
  case TAG_STYLE:
    skip_raw_text(b, name, 5);
    break;
  default:
    break;
  }
}

static void on_end(void *ctx, const xmlChar *name) {
  builder *b = ctx;
  if (b->oom || out_of_time(b))
    return;
  flush_text(b);
  if (b->deep_n) {
    b->cur = b->deep_stack[--b->deep_n]; /* libxml2 balances its events */
    return;
  }
  /* libxml2 balances its events; the search only guards against surprises.
   * A known name matches by tag id, an unknown one by name. */
  tag_id tag = name_tag(b, name);
  for (dom_node *n = b->cur; n && n != b->doc->root; n = n->parent) {
    if (tag != TAG_UNKNOWN
            ? n->tag == tag
            : n->tag == TAG_UNKNOWN && n->name && !strcmp(n->name, (const char *)name)) {
      b->cur = n->parent;
      return;
    }
  }
}

static void on_chars(void *ctx, const xmlChar *ch, int len) {
  builder *b = ctx;
  if (!b->oom && len > 0 && !out_of_time(b))
    buf_append(&b->text, (const char *)ch, (size_t)len);
}

/* Script and style contents arrive here. Only JSON-LD scripts are kept (as
 * raw-text nodes, which the extractor never shows but metadata reads); the
 * pieces gather in the pending text and become one node at the end tag. */
static void on_cdata(void *ctx, const xmlChar *ch, int len) {
  builder *b = ctx;
  if (b->oom || len <= 0 || b->cur->tag != TAG_SCRIPT)
    return;
  const char *type = dom_attr_get(b->cur, "type");
  if (!type || !strcasestr_ascii(type, "ld+json"))
    return;
  buf_append(&b->text, (const char *)ch, (size_t)len);
  b->pending_raw = 1;
}

static void on_error(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static void on_structured_error(void *ctx, xmlErrorPtr e) {
  (void)ctx;
  (void)e;
}

int html_parse(const char *utf8, size_t len, const html_limits *lim, arena *mem, dom_doc *doc,
               char *err, size_t err_cap) {
  html_init();
  memset(doc, 0, sizeof *doc);
  doc->deadline = lim ? lim->deadline : NULL;
  builder b = {0};
  b.mem = mem;
  b.doc = doc;
  b.in_start = utf8;
  b.in_end = utf8 + len;
  if (lim)
    b.lim = *lim;
  buf_init(&b.text);
  doc->root = arena_calloc(mem, sizeof *doc->root);
  if (!doc->root) {
    snprintf(err, err_cap, "out of memory");
    return -1;
  }
  doc->root->name = "#document";
  doc->root->tag = TAG_UNKNOWN;
  b.cur = doc->root;

  if (len > (size_t)INT32_MAX)
    len = (size_t)INT32_MAX; /* libxml2 takes an int; the caller limits sizes */
  if (len == 0)
    return 0; /* nothing to parse: an empty document */
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8, (int)len);
  if (!ctxt) {
    snprintf(err, err_cap, "out of memory");
    return -1;
  }
  b.ctxt = ctxt;
  htmlSAXHandler *sax = (htmlSAXHandler *)ctxt->sax;
  memset(sax, 0, sizeof *sax);
  sax->startElement = on_start;
  sax->endElement = on_end;
  sax->characters = on_chars;
  sax->ignorableWhitespace = on_chars;
  sax->cdataBlock = on_cdata;
  sax->error = on_error;
  sax->warning = on_error;
  ctxt->userData = &b;
  /* The page is already UTF-8: ignore its own (often wrong) declaration. */
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  /* Some messages bypass the context's handlers: silence them for this
   * thread while we parse, and give the caller's handler back after. */
  xmlGenericErrorFunc saved_generic = xmlGenericError;
  void *saved_generic_ctx = xmlGenericErrorContext;
  xmlStructuredErrorFunc saved_structured = xmlStructuredError;
  void *saved_structured_ctx = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc(NULL, on_error);
  xmlSetStructuredErrorFunc(NULL, on_structured_error);
  htmlParseDocument(ctxt);
  xmlSetGenericErrorFunc(saved_generic_ctx, saved_generic);
  xmlSetStructuredErrorFunc(saved_structured_ctx, saved_structured);
  if (!b.oom)
    flush_text(&b);
  ctxt->userData = NULL;
  htmlFreeParserCtxt(ctxt);
  buf_free(&b.text);
  free(b.deep_stack);
  if (b.oom) {
    snprintf(err, err_cap, "out of memory");
    return -1;
  }
  if (b.lim.deadline && b.lim.deadline->expired) {
    snprintf(err, err_cap, "over the time budget while parsing");
    return -1;
  }
  return 0;
}
