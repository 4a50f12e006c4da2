/* html_parse() over libxml2's HTML SAX parser: the parser's events build
 * pith's DOM directly, which costs far less than libxml2's own tree. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "html/html.h"
#include "util/buf.h"

typedef struct {
  arena *mem;
  dom_doc *doc;
  dom_node *cur;       /* the open element new nodes go into */
  unsigned skip_depth; /* elements opened beyond the depth limit */
  buf text;            /* character data not yet made into a node */
  int pending_raw;     /* ... and it is a script's contents */
  html_limits lim;
  int oom;
  xmlParserCtxtPtr ctxt;
} builder;

static void init_once(void) {
  xmlInitParser();
}

void html_init(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, init_once);
}

static void stop(builder *b) {
  if (b->ctxt) xmlStopParser(b->ctxt);
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
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f') return 0;
  return 1;
}

/* Turns pending character data into one text node. */
static void flush_text(builder *b) {
  int rawtext = b->pending_raw;
  b->pending_raw = 0;
  if (!b->text.len) return;
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
    if (rawtext) n->kind |= DOM_RAWTEXT;
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

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  builder *b = ctx;
  if (b->oom) return;
  flush_text(b);
  if (b->skip_depth || (b->lim.max_depth && b->cur->depth >= b->lim.max_depth)) {
    /* Too deep: the element's content still counts, in the deepest node. */
    b->skip_depth++;
    b->doc->truncated = 1;
    return;
  }
  tag_id tag = tag_lookup((const char *)name);
  dom_node *n = new_node(b, (uint16_t)tag);
  if (!n) return;
  if (tag == TAG_UNKNOWN &&
      !(n->name = arena_strndup(b->mem, (const char *)name, strlen((const char *)name)))) {
    b->oom = 1;
    stop(b);
    return;
  }
  dom_attr **tail = &n->attrs;
  for (int i = 0; atts && atts[i]; i += 2) {
    dom_attr *a = arena_alloc(b->mem, sizeof *a);
    const char *an = (const char *)atts[i];
    const char *av = atts[i + 1] ? (const char *)atts[i + 1] : "";
    if (!a || !(a->name = arena_strndup(b->mem, an, strlen(an))) ||
        !(a->value = arena_strndup(b->mem, av, strlen(av)))) {
      b->oom = 1;
      stop(b);
      return;
    }
    a->next = NULL;
    *tail = a;
    tail = &a->next;
    if (!strcmp(a->name, "class"))
      n->cls = a->value;
    else if (!strcmp(a->name, "id"))
      n->id = a->value;
    else if (!strcmp(a->name, "hidden"))
      n->kind |= DOM_HIDDEN;
    else if (!strcmp(a->name, "aria-hidden") && !strcmp(a->value, "true"))
      n->kind |= DOM_HIDDEN;
    else if (!strcmp(a->name, "style") && style_hides(a->value))
      n->kind |= DOM_HIDDEN;
  }
  append_child(b->cur, n);
  b->cur = n;
  switch (tag) {
  case TAG_HTML:
    if (!b->doc->html) b->doc->html = n;
    break;
  case TAG_HEAD:
    if (!b->doc->head) b->doc->head = n;
    break;
  case TAG_BODY:
    if (!b->doc->body) b->doc->body = n;
    break;
  case TAG_TITLE:
    if (!b->doc->title) b->doc->title = n;
    break;
  default:
    break;
  }
}

static int same_name(const dom_node *n, const char *name) {
  if (n->tag == TAG_UNKNOWN) return n->name && !strcmp(n->name, name);
  return !strcmp(tag_name((tag_id)n->tag), name);
}

static void on_end(void *ctx, const xmlChar *name) {
  builder *b = ctx;
  if (b->oom) return;
  flush_text(b);
  if (b->skip_depth) {
    b->skip_depth--;
    return;
  }
  /* libxml2 balances its events; the search only guards against surprises. */
  for (dom_node *n = b->cur; n && n != b->doc->root; n = n->parent) {
    if (same_name(n, (const char *)name)) {
      b->cur = n->parent;
      return;
    }
  }
}

static void on_chars(void *ctx, const xmlChar *ch, int len) {
  builder *b = ctx;
  if (!b->oom && len > 0) buf_append(&b->text, (const char *)ch, (size_t)len);
}

static int strcasestr_ascii(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (; *hay; hay++)
    if (!strncasecmp(hay, needle, n)) return 1;
  return 0;
}

/* Script and style contents arrive here. Only JSON-LD scripts are kept (as
 * raw-text nodes, which the extractor never shows but metadata reads); the
 * pieces gather in the pending text and become one node at the end tag. */
static void on_cdata(void *ctx, const xmlChar *ch, int len) {
  builder *b = ctx;
  if (b->oom || len <= 0 || b->cur->tag != TAG_SCRIPT) return;
  const char *type = dom_attr_get(b->cur, "type");
  if (!type || !strcasestr_ascii(type, "ld+json")) return;
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
  builder b = {0};
  b.mem = mem;
  b.doc = doc;
  if (lim) b.lim = *lim;
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
  if (len == 0) return 0;    /* nothing to parse: an empty document */
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
  if (!b.oom) flush_text(&b);
  ctxt->userData = NULL;
  htmlFreeParserCtxt(ctxt);
  buf_free(&b.text);
  if (b.oom) {
    snprintf(err, err_cap, "out of memory");
    return -1;
  }
  return 0;
}
