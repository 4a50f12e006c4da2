/* HTML tag ids: the extractor compares small integers, not strings. */
#ifndef PITH_HTML_TAGS_H
#define PITH_HTML_TAGS_H

#include <stddef.h>

/* X(id, name, flags). Keep sorted by name: lookup is a binary search. */
#define PITH_TAG_LIST(X)                                                                           \
  X(A, "a", T_INLINE)                                                                              \
  X(ABBR, "abbr", T_INLINE)                                                                        \
  X(ADDRESS, "address", T_BLOCK)                                                                   \
  X(APPLET, "applet", T_SKIP)                                                                      \
  X(AREA, "area", T_SKIP)                                                                          \
  X(ARTICLE, "article", T_BLOCK)                                                                   \
  X(ASIDE, "aside", T_BLOCK)                                                                       \
  X(AUDIO, "audio", T_SKIP)                                                                        \
  X(B, "b", T_INLINE)                                                                              \
  X(BASE, "base", T_SKIP)                                                                          \
  X(BASEFONT, "basefont", T_SKIP)                                                                  \
  X(BDI, "bdi", T_INLINE)                                                                          \
  X(BDO, "bdo", T_INLINE)                                                                          \
  X(BGSOUND, "bgsound", T_SKIP)                                                                    \
  X(BIG, "big", T_INLINE)                                                                          \
  X(BLOCKQUOTE, "blockquote", T_BLOCK)                                                             \
  X(BODY, "body", T_BLOCK)                                                                         \
  X(BR, "br", T_INLINE)                                                                            \
  X(BUTTON, "button", T_INLINE)                                                                    \
  X(CANVAS, "canvas", T_SKIP)                                                                      \
  X(CAPTION, "caption", T_BLOCK)                                                                   \
  X(CENTER, "center", T_BLOCK)                                                                     \
  X(CITE, "cite", T_INLINE)                                                                        \
  X(CODE, "code", T_INLINE)                                                                        \
  X(COL, "col", T_SKIP)                                                                            \
  X(COLGROUP, "colgroup", T_SKIP)                                                                  \
  X(DATA, "data", T_INLINE)                                                                        \
  X(DATALIST, "datalist", T_SKIP)                                                                  \
  X(DD, "dd", T_BLOCK)                                                                             \
  X(DEL, "del", T_INLINE)                                                                          \
  X(DETAILS, "details", T_BLOCK)                                                                   \
  X(DFN, "dfn", T_INLINE)                                                                          \
  X(DIALOG, "dialog", T_SKIP)                                                                      \
  X(DIR, "dir", T_BLOCK)                                                                           \
  X(DIV, "div", T_BLOCK)                                                                           \
  X(DL, "dl", T_BLOCK)                                                                             \
  X(DT, "dt", T_BLOCK)                                                                             \
  X(EM, "em", T_INLINE)                                                                            \
  X(EMBED, "embed", T_SKIP)                                                                        \
  X(FIELDSET, "fieldset", T_BLOCK)                                                                 \
  X(FIGCAPTION, "figcaption", T_BLOCK)                                                             \
  X(FIGURE, "figure", T_BLOCK)                                                                     \
  X(FONT, "font", T_INLINE)                                                                        \
  X(FOOTER, "footer", T_BLOCK)                                                                     \
  X(FORM, "form", T_BLOCK)                                                                         \
  X(FRAME, "frame", T_SKIP)                                                                        \
  X(FRAMESET, "frameset", T_SKIP)                                                                  \
  X(H1, "h1", T_BLOCK)                                                                             \
  X(H2, "h2", T_BLOCK)                                                                             \
  X(H3, "h3", T_BLOCK)                                                                             \
  X(H4, "h4", T_BLOCK)                                                                             \
  X(H5, "h5", T_BLOCK)                                                                             \
  X(H6, "h6", T_BLOCK)                                                                             \
  X(HEAD, "head", T_SKIP)                                                                          \
  X(HEADER, "header", T_BLOCK)                                                                     \
  X(HGROUP, "hgroup", T_BLOCK)                                                                     \
  X(HR, "hr", T_BLOCK)                                                                             \
  X(HTML, "html", T_BLOCK)                                                                         \
  X(I, "i", T_INLINE)                                                                              \
  X(IFRAME, "iframe", T_SKIP)                                                                      \
  X(IMAGE, "image", T_INLINE)                                                                      \
  X(IMG, "img", T_INLINE)                                                                          \
  X(INPUT, "input", T_SKIP)                                                                        \
  X(INS, "ins", T_INLINE)                                                                          \
  X(KBD, "kbd", T_INLINE)                                                                          \
  X(KEYGEN, "keygen", T_SKIP)                                                                      \
  X(LABEL, "label", T_INLINE)                                                                      \
  X(LEGEND, "legend", T_BLOCK)                                                                     \
  X(LI, "li", T_BLOCK)                                                                             \
  X(LINK, "link", T_SKIP)                                                                          \
  X(LISTING, "listing", T_BLOCK)                                                                   \
  X(MAIN, "main", T_BLOCK)                                                                         \
  X(MAP, "map", T_SKIP)                                                                            \
  X(MARK, "mark", T_INLINE)                                                                        \
  X(MARQUEE, "marquee", T_INLINE)                                                                  \
  X(MATH, "math", T_INLINE)                                                                        \
  X(MENU, "menu", T_BLOCK)                                                                         \
  X(META, "meta", T_SKIP)                                                                          \
  X(NAV, "nav", T_BLOCK)                                                                           \
  X(NOBR, "nobr", T_INLINE)                                                                        \
  X(NOEMBED, "noembed", T_SKIP)                                                                    \
  X(NOFRAMES, "noframes", T_SKIP)                                                                  \
  X(NOSCRIPT, "noscript", T_BLOCK)                                                                 \
  X(OBJECT, "object", T_SKIP)                                                                      \
  X(OL, "ol", T_BLOCK)                                                                             \
  X(OPTGROUP, "optgroup", T_SKIP)                                                                  \
  X(OPTION, "option", T_SKIP)                                                                      \
  X(OUTPUT, "output", T_INLINE)                                                                    \
  X(P, "p", T_BLOCK)                                                                               \
  X(PARAM, "param", T_SKIP)                                                                        \
  X(PICTURE, "picture", T_INLINE)                                                                  \
  X(PLAINTEXT, "plaintext", T_BLOCK)                                                               \
  X(PRE, "pre", T_BLOCK)                                                                           \
  X(Q, "q", T_INLINE)                                                                              \
  X(RB, "rb", T_INLINE)                                                                            \
  X(RP, "rp", T_INLINE)                                                                            \
  X(RT, "rt", T_INLINE)                                                                            \
  X(RTC, "rtc", T_INLINE)                                                                          \
  X(RUBY, "ruby", T_INLINE)                                                                        \
  X(S, "s", T_INLINE)                                                                              \
  X(SAMP, "samp", T_INLINE)                                                                        \
  X(SCRIPT, "script", T_SKIP)                                                                      \
  X(SEARCH, "search", T_BLOCK)                                                                     \
  X(SECTION, "section", T_BLOCK)                                                                   \
  X(SELECT, "select", T_SKIP)                                                                      \
  X(SMALL, "small", T_INLINE)                                                                      \
  X(SOURCE, "source", T_SKIP)                                                                      \
  X(SPAN, "span", T_INLINE)                                                                        \
  X(STRIKE, "strike", T_INLINE)                                                                    \
  X(STRONG, "strong", T_INLINE)                                                                    \
  X(STYLE, "style", T_SKIP)                                                                        \
  X(SUB, "sub", T_INLINE)                                                                          \
  X(SUMMARY, "summary", T_BLOCK)                                                                   \
  X(SUP, "sup", T_INLINE)                                                                          \
  X(SVG, "svg", T_SKIP)                                                                            \
  X(TABLE, "table", T_BLOCK)                                                                       \
  X(TBODY, "tbody", T_BLOCK)                                                                       \
  X(TD, "td", T_BLOCK)                                                                             \
  X(TEMPLATE, "template", T_SKIP)                                                                  \
  X(TEXTAREA, "textarea", T_SKIP)                                                                  \
  X(TFOOT, "tfoot", T_BLOCK)                                                                       \
  X(TH, "th", T_BLOCK)                                                                             \
  X(THEAD, "thead", T_BLOCK)                                                                       \
  X(TIME, "time", T_INLINE)                                                                        \
  X(TITLE, "title", T_SKIP)                                                                        \
  X(TR, "tr", T_BLOCK)                                                                             \
  X(TRACK, "track", T_SKIP)                                                                        \
  X(TT, "tt", T_INLINE)                                                                            \
  X(U, "u", T_INLINE)                                                                              \
  X(UL, "ul", T_BLOCK)                                                                             \
  X(VAR, "var", T_INLINE)                                                                          \
  X(VIDEO, "video", T_SKIP)                                                                        \
  X(WBR, "wbr", T_INLINE)                                                                          \
  X(XMP, "xmp", T_BLOCK)

enum {
  T_INLINE = 0,
  T_BLOCK = 1, /* starts a new text block */
  T_SKIP = 2,  /* never visible text: scripts, form controls, media, head */
};

typedef enum {
  TAG_TEXT = 0,    /* a text node */
  TAG_UNKNOWN = 1, /* an element pith has no id for (treated as inline) */
  /* Nodes that are not elements and hold no visible text (flags T_SKIP):
   * comments and the doctype (text: their data; kept only for --dump-dom)
   * and a <template>'s contents (its only child, holding what the
   * template's markup holds). */
  TAG_COMMENT = 2,
  TAG_DOCTYPE = 3,
  TAG_CONTENT = 4, /* the named tags follow, from TAG_CONTENT + 1 */
#define X(id, name, flags) TAG_##id,
  PITH_TAG_LIST(X)
#undef X
      TAG_COUNT
} tag_id;

/* The id of a lower-case tag name, or TAG_UNKNOWN. */
tag_id tag_lookup(const char *name);
/* The same for name[0..len), which need not be NUL-terminated (a slice of
 * the page: the tokenizer looks tags up without copying them). */
tag_id tag_lookup_n(const char *name, size_t len);
const char *tag_name(tag_id t);
int tag_flags(tag_id t);

static inline int tag_is_heading(tag_id t) {
  return t >= TAG_H1 && t <= TAG_H6;
}

#endif
