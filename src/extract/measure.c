/* Step 1, measure: one pass over the DOM that numbers the elements in
 * document order, marks what can never be content (scripts, form controls,
 * hidden elements), reads what class, id, role and tag names say
 * (boilerplate, metadata, content, article body, comments, overlay), and
 * sums visible and link characters per element. Every later step reads
 * these numbers instead of walking the tree again. */
#define _GNU_SOURCE /* strcasestr */
#include <string.h>
#include <strings.h>

#include "extract/internal.h"

uint32_t visible_chars(const char *s, uint32_t len) {
  /* The characters (lead bytes) above the space, in one branch-free pass
   * the compiler can vectorise ... */
  uint32_t n = 0;
  for (uint32_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    n += c > ' ' && (c & 0xC0) != 0x80;
  }
  /* ... less each U+00A0 (C2 A0), which counts as space. */
  const char *end = s + len;
  for (const char *p = s; (p = memchr(p, 0xC2, (size_t)(end - p))) != NULL; p++)
    if (p + 1 < end && (unsigned char)p[1] == 0xA0)
      n--;
  return n;
}

/* A link to another page. Anchors ("#section": headings that link to
 * themselves, footnotes) and script toggles ("#", "javascript:", an FAQ's
 * question) stay on the page and do not make text link text. */
int links_away(const dom_node *a) {
  const char *href = dom_attr_get(a, "href");
  return href && href[0] != '#' && strncmp(href, "javascript:", 11) != 0;
}

/* A panel that a reader opens with a click (an accordion's answer, a tab)
 * is hidden only until then: it is part of the page's content. It says
 * which control labels it, or is a tab panel, or follows the control that
 * opens it: an element (or a button in it: "<h3><button>") that says it
 * expands or controls something, or a button around a heading. A
 * tooltip's trigger is neither. */
#ifndef REVEAL_PANELS
#define REVEAL_PANELS 1
#endif
static int is_toggle(const dom_node *n) {
  return n->tag != TAG_TEXT &&
         (dom_attr_get(n, "aria-expanded") != NULL || dom_attr_get(n, "aria-controls") != NULL);
}

/* A button around a heading ("<button><h5>What does it cost?</h5>"): an
 * accordion's question, the title of the panel it opens, not a control.
 * Looked for three levels down: a button is small. */
static int holds_heading(const dom_node *n, int depth) {
  for (const dom_node *c = n->first; c; c = c->next)
    if (c->tag != TAG_TEXT &&
        (tag_is_heading((tag_id)c->tag) || (depth < 3 && holds_heading(c, depth + 1))))
      return 1;
  return 0;
}

static int follows_toggle(const dom_node *n) {
  const dom_node *prev = n->prev;
  while (prev && prev->tag == TAG_TEXT)
    prev = prev->prev;
  if (!prev)
    return 0;
  if (is_toggle(prev))
    return 1;
  if (prev->tag == TAG_BUTTON && holds_heading(prev, 0))
    return 1;
  for (const dom_node *c = prev->first; c; c = c->next)
    if (is_toggle(c))
      return 1;
  return 0;
}

static int is_collapsed_panel(const dom_node *n) {
  const char *role = dom_attr_get(n, "role");
  if (role && (!strcmp(role, "tabpanel") || !strcmp(role, "region")))
    return 1;
  return dom_attr_get(n, "aria-labelledby") != NULL || follows_toggle(n);
}

/* A permalink beside a heading or a definition ("<a href="#install">¶</a>",
 * as documentation generators write them): a sign that lets readers copy
 * the section's address, no word of the page. */
static int is_permalink(const dom_node *n) {
  static const char *const signs[] = {"\xC2\xB6", "\xC2\xA7", "#", "\xF0\x9F\x94\x97"};
  const char *href = dom_attr_get(n, "href");
  const dom_node *t = n->first;
  if (!href || href[0] != '#' || !t || t->next || t->tag != TAG_TEXT)
    return 0;
  size_t a = 0, b = t->text_len;
  while (a < b && is_space((unsigned char)t->text[a]))
    a++;
  while (b > a && is_space((unsigned char)t->text[b - 1]))
    b--;
  for (size_t k = 0; k < sizeof signs / sizeof *signs; k++)
    if (b - a == strlen(signs[k]) && !memcmp(t->text + a, signs[k], b - a))
      return 1;
  return 0;
}

/* A "read more" name is a link's ("Read more »", a teaser's) or a
 * section's of links to more stories, unless the element holds a text of
 * READ_MORE_TEXT_MIN characters or more, mostly not links: then it is the
 * rest of a text that the link unfolds (a product's description cut
 * short, an answer), and part of it. */
#ifndef READ_MORE_TEXT_MIN
#define READ_MORE_TEXT_MIN 200
#endif
static int unfolds_text(const dom_node *n) {
  return n->chars >= READ_MORE_TEXT_MIN && 4 * n->link_chars < n->chars;
}

/* A visual that the page hides from screen readers (aria-hidden: a
 * struck-out price, a row of stars) followed by the words a screen reader
 * says instead ("Original price was: $30.00.", "4 out of 5 stars", in an
 * "sr-only" element): the words are the visual's text, and shown. Not
 * after an icon (a glyph at most: "Close", "Menu") or another such text,
 * nor in a form control's label (a filter's "Coffee (24 products)"). */
static int says_hidden_visual(const dom_node *n) {
  const dom_node *v = n->prev;
  while (v && v->tag == TAG_TEXT)
    v = v->prev;
  const char *aria = v ? dom_attr_get(v, "aria-hidden") : NULL;
  return aria && !strcmp(aria, "true") && v->chars > 1 &&
         !(classify_element(v) & CLS_SCREEN_READER) && n->parent && n->parent->tag != TAG_LABEL;
}

/* A link hidden from screen readers alone (aria-hidden, no hidden
 * attribute or style: "tabindex=-1 aria-hidden=true") is a second way to
 * the page another link of its card leads to already, a picture's or a
 * description's: shown to every other reader, and so not hidden. */
static int link_hidden_from_readers_only(const dom_node *n) {
  return n->tag == TAG_A && dom_attr_get(n, "aria-hidden") && !dom_attr_get(n, "hidden") &&
         !dom_attr_get(n, "style");
}

void measure_elements(extraction *x, dom_node *n) {
  if (deadline_over(x->dl))
    return; /* the page fails: what is left unmeasured does not matter */
  if (n->tag == TAG_TEXT) {
    n->chars = (n->kind & DOM_RAWTEXT) ? 0 : visible_chars(n->text, n->text_len);
    return;
  }
  tag_id tag = (tag_id)n->tag;
  n->order = x->nelements;
  x->elements[x->nelements++] = n;
  if (tag_flags(tag) == T_SKIP || (tag == TAG_A && is_permalink(n)))
    n->flags |= NF_JUNK;
  else if ((n->kind & DOM_HIDDEN) && !(REVEAL_PANELS && is_collapsed_panel(n)) &&
           !link_hidden_from_readers_only(n))
    n->flags |= NF_HIDDEN;
  unsigned cls = (n->cls || n->id || n->attrs) ? classify_element_cached(n, &x->cls_cache) : 0;
  if ((cls & CLS_HIDDEN) && !(n->flags & NF_JUNK) && !(REVEAL_PANELS && is_collapsed_panel(n)) &&
      !((cls & CLS_SCREEN_READER) && says_hidden_visual(n)))
    n->flags |= NF_HIDDEN; /* pages also hide their content until a script runs */
  if (cls & (CLS_STRONG_NEG | CLS_WEAK_NEG))
    n->flags |= NF_NEG;
  if ((cls & (CLS_STRONG_NEG | CLS_WEAK_NEG)) == CLS_WEAK_NEG)
    n->flags |= NF_WEAKNEG;
  if (cls & CLS_META)
    n->flags |= NF_META;
  if (cls & CLS_POSITIVE)
    n->flags |= NF_POS;
  if (cls & CLS_BODY)
    n->flags |= NF_BODY;
  if (cls & CLS_COMMENTS)
    n->flags |= NF_COMMENTS;
  if (cls & CLS_OVERLAY)
    n->flags |= NF_OVERLAY;
  /* Boilerplate by tag. (Weak while libxml2 built the tree: it closed these
   * late on broken markup; the standard's tree closes them where browsers
   * do.) Strong even when a weak word names it too ("site-footer"): a
   * shop's <footer> of testimonials can hold half the page's text, and is
   * still no layout around the product beside it. */
  if (tag == TAG_NAV || tag == TAG_ASIDE || tag == TAG_FOOTER)
    n->flags = (n->flags | NF_NEG) & ~(uint32_t)NF_WEAKNEG;
  /* A button's words are a control's (unless it holds a heading: an
   * accordion's question), but a button left open by broken
   * markup swallows the page (in the standard's tree too: only a button or
   * its end tag closes it): weak, so that clear_layout_names lifts it. */
  if (tag == TAG_BUTTON && !holds_heading(n, 0))
    n->flags |= NF_NEG | NF_WEAKNEG;
  if (tag == TAG_BODY || tag == TAG_HTML || tag == TAG_MAIN || tag == TAG_ARTICLE)
    n->flags &= ~(uint32_t)(NF_NEG | NF_META);
  if (n->flags & NF_JUNK) {
    n->order_end = n->order;
    return;
  }
  if (n->flags & NF_HIDDEN) {
    /* Measured like the rest, in case it turns out to be the content;
     * a popover or a modal never is. */
    if (!(n->flags & NF_OVERLAY) && !dom_attr_get(n, "popover"))
      x->hidden[x->nhidden++] = n;
    n->flags |= NF_JUNK;
  }
  for (dom_node *c = n->first; c; c = c->next) {
    measure_elements(x, c);
    if (c->tag == TAG_TEXT || !(c->flags & NF_JUNK)) {
      n->chars += c->chars;
      n->link_chars += c->link_chars;
      if (c->tag != TAG_TEXT && ((c->flags & NF_HASBLOCK) || tag_flags((tag_id)c->tag) == T_BLOCK))
        n->flags |= NF_HASBLOCK;
      if (c->tag != TAG_TEXT && (c->flags & NF_HASMAIN))
        n->flags |= NF_HASMAIN;
    }
  }
  if ((cls & CLS_READ_MORE) && !unfolds_text(n))
    n->flags |= NF_NEG;
  if (tag == TAG_MAIN || tag == TAG_H1 || (n->flags & NF_BODY))
    n->flags |= NF_HASMAIN;
  /* A "boilerplate" name on an element that holds the article itself is a
   * wrapper's name (a "paywall" or "has-sidebar" layout), not boilerplate. */
  if (n->flags & NF_HASMAIN)
    n->flags &= ~(uint32_t)NF_NEG;
  if (tag == TAG_A && links_away(n))
    n->link_chars = n->chars;
  n->order_end = x->nelements - 1;
}

/* A weak boilerplate word on an element that holds most of the page's text
 * names a layout ("beside-sidebar", "has-footer"), not boilerplate; so does
 * a name with a content word beside the boilerplate one
 * ("post-and-ads-container"). */
void clear_layout_names(extraction *x, const dom_node *top) {
  for (uint32_t i = 0; i < x->nelements; i++) {
    dom_node *n = x->elements[i];
    if ((n->flags & (NF_WEAKNEG | NF_POS)) && !(n->flags & NF_OVERLAY) &&
        n->chars * 2 >= top->chars)
      n->flags &= ~(uint32_t)NF_NEG;
    /* A modal is boilerplate even with a headline in it (terms of service),
     * unless broken markup left the whole page inside it. */
    if ((n->flags & NF_OVERLAY) && n->chars * 3 < top->chars * 2)
      n->flags |= NF_NEG;
    /* Bylines and datelines are a line or two; a "meta" element holding
     * paragraphs is a wrapper ("meta_field", "post-meta-wrapper"). */
    if ((n->flags & NF_META) && n->chars > 400)
      n->flags &= ~(uint32_t)NF_META;
  }
}

/* A box of at most SIGNUP_MAX_CHARS around an e-mail field is a signup
 * form and its pitch ("Join our newsletter", "Get the latest articles in
 * your inbox"), whatever its class names: the field says what it is. Not
 * a form of more than SIGNUP_MAX_FIELDS fields to fill in (a contact or
 * quote form, part of a service's page), and not a field in hidden content
 * or boilerplate already (a popup's: the box around it would be the
 * page's). */
#ifndef SIGNUP_MAX_CHARS
#define SIGNUP_MAX_CHARS 400
#endif
#ifndef SIGNUP_MAX_FIELDS
#define SIGNUP_MAX_FIELDS 2
#endif

static int is_email_field(const dom_node *n) {
  if (n->tag != TAG_INPUT)
    return 0;
  const char *type = dom_attr_get(n, "type");
  if (type && !strcasecmp(type, "email"))
    return 1;
  /* A text field named for an address (name="EMAIL", as many mailing-list
   * services write their forms). */
  const char *name = dom_attr_get(n, "name");
  return (!type || !strcasecmp(type, "text")) && name && strcasestr(name, "email");
}

/* A field a visitor types into: a text area, a list, or an input of text
 * (not a checkbox, a button or a hidden value). */
static int is_entry_field(const dom_node *n) {
  if (n->tag == TAG_TEXTAREA || n->tag == TAG_SELECT)
    return 1;
  if (n->tag != TAG_INPUT)
    return 0;
  const char *type = dom_attr_get(n, "type");
  static const char *const typed[] = {"text", "email", "tel", "number", "url", "search"};
  if (!type)
    return 1;
  for (size_t i = 0; i < sizeof typed / sizeof *typed; i++)
    if (!strcasecmp(type, typed[i]))
      return 1;
  return 0;
}

static int entry_fields(const extraction *x, const dom_node *box) {
  int n = 0;
  for (uint32_t i = box->order; i <= box->order_end && i < x->nelements; i++)
    n += is_entry_field(x->elements[i]);
  return n;
}

void mark_signup_boxes(extraction *x) {
  for (uint32_t i = 0; i < x->nelements; i++) {
    const dom_node *field = x->elements[i];
    if (!is_email_field(field))
      continue;
    /* The largest small box around the field (under SIGNUP_MAX_CHARS, no
     * headline inside), and whether a hidden or boilerplate element holds
     * it: then it is no box of the page's. */
    dom_node *box = NULL;
    int set_aside = 0;
    for (dom_node *a = field->parent; a && a->tag != TAG_TEXT; a = a->parent) {
      if (a->flags & (NF_HIDDEN | NF_NEG)) {
        set_aside = 1;
        break;
      }
      if ((a->flags & NF_HASMAIN) || a->chars > SIGNUP_MAX_CHARS)
        break;
      box = a;
    }
    if (!box)
      continue;
    if (!set_aside && box->chars > 0 && entry_fields(x, box) <= SIGNUP_MAX_FIELDS)
      box->flags |= NF_NEG;
    /* The box's other fields would find the same box, or the same hidden
     * or boilerplate element above it: skipped, so a page of many fields
     * walks each box once (a million fields at the depth limit, hidden or
     * not, stay linear). */
    i = box->order_end;
  }
}

void mark_inside_boilerplate(extraction *x) {
  for (uint32_t i = 1; i < x->nelements; i++) {
    dom_node *n = x->elements[i];
    if (n->parent && n->parent->tag != TAG_TEXT && (n->parent->flags & (NF_NEG | NF_INNEG)))
      n->flags |= NF_INNEG;
  }
}
