/* Foreign content: SVG and MathML elements keep the standard's letter case
 * for their names and attributes, some attributes get a namespace, and a few
 * elements let HTML back in (integration points). */
#include <string.h>
#include <strings.h>

#include "html/treebuilder.h"

typedef struct {
  const char *lower, *adjusted;
} name_fix;

/* Sorted by the lower-case name. */
static const name_fix svg_tags[] = {
    {"altglyph", "altGlyph"},
    {"altglyphdef", "altGlyphDef"},
    {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"},
    {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"},
    {"clippath", "clipPath"},
    {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"},
    {"fedropshadow", "feDropShadow"},
    {"feflood", "feFlood"},
    {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"},
    {"fefuncg", "feFuncG"},
    {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"},
    {"feimage", "feImage"},
    {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"},
    {"femorphology", "feMorphology"},
    {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"},
    {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"},
    {"fetile", "feTile"},
    {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"},
    {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"},
    {"textpath", "textPath"},
};

static const name_fix svg_attrs[] = {
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

static const char *find_fix(const name_fix *t, size_t n, const char *name, size_t len) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strncmp(name, t[mid].lower, len);
    if (c == 0 && t[mid].lower[len])
      c = -1;
    if (c == 0)
      return t[mid].adjusted;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

void tb_adjust_svg_name(const char **name, size_t *len) {
  const char *fix = find_fix(svg_tags, sizeof svg_tags / sizeof *svg_tags, *name, *len);
  if (fix) {
    *name = fix;
    *len = strlen(fix);
  }
}

static const struct {
  const char *name;
  int ns;
} foreign_attrs[] = {
    {"xlink:actuate", DOM_NS_XLINK}, {"xlink:arcrole", DOM_NS_XLINK}, {"xlink:href", DOM_NS_XLINK},
    {"xlink:role", DOM_NS_XLINK},    {"xlink:show", DOM_NS_XLINK},    {"xlink:title", DOM_NS_XLINK},
    {"xlink:type", DOM_NS_XLINK},    {"xml:lang", DOM_NS_XML},        {"xml:space", DOM_NS_XML},
    {"xmlns", DOM_NS_XMLNS},         {"xmlns:xlink", DOM_NS_XMLNS},
};

const char *tb_adjust_attr_name(int ns, const char *name, size_t len, int *attr_ns) {
  *attr_ns = DOM_NS_HTML;
  if (ns == DOM_NS_SVG) {
    const char *fix = find_fix(svg_attrs, sizeof svg_attrs / sizeof *svg_attrs, name, len);
    if (fix)
      return fix;
  } else if (ns == DOM_NS_MATHML && len == 13 && !memcmp(name, "definitionurl", 13)) {
    return "definitionURL";
  }
  if (len >= 5 && name[0] == 'x')
    for (size_t i = 0; i < sizeof foreign_attrs / sizeof *foreign_attrs; i++)
      if (strlen(foreign_attrs[i].name) == len && !memcmp(foreign_attrs[i].name, name, len)) {
        *attr_ns = foreign_attrs[i].ns;
        return foreign_attrs[i].name;
      }
  return NULL;
}

static int name_is(const char *name, const char *s) {
  return !strcmp(name, s);
}

int tb_foreign_bits(int ns, const char *name, const html_token *t) {
  if (ns == DOM_NS_MATHML) {
    if (name_is(name, "mi") || name_is(name, "mo") || name_is(name, "mn") || name_is(name, "ms") ||
        name_is(name, "mtext"))
      return E_MATHML_TIP | E_BOUNDARY;
    if (name_is(name, "annotation-xml")) {
      int bits = E_ANNOTATION | E_BOUNDARY;
      for (size_t i = 0; t && i < t->nattrs; i++) {
        const tok_attr *a = &t->attrs[i];
        if (a->name_len == 8 && !memcmp(a->name, "encoding", 8) && a->value &&
            ((a->value_len == 9 && !strncasecmp(a->value, "text/html", 9)) ||
             (a->value_len == 21 && !strncasecmp(a->value, "application/xhtml+xml", 21))))
          bits |= E_HTML_IP;
      }
      return bits;
    }
    return 0;
  }
  if (ns == DOM_NS_SVG &&
      (name_is(name, "foreignObject") || name_is(name, "desc") || name_is(name, "title")))
    return E_HTML_IP | E_BOUNDARY;
  return 0;
}

int tb_breaks_out_of_foreign(const html_token *t) {
  switch (t->tag) {
  case TAG_B:
  case TAG_BIG:
  case TAG_BLOCKQUOTE:
  case TAG_BODY:
  case TAG_BR:
  case TAG_CENTER:
  case TAG_CODE:
  case TAG_DD:
  case TAG_DIV:
  case TAG_DL:
  case TAG_DT:
  case TAG_EM:
  case TAG_EMBED:
  case TAG_H1:
  case TAG_H2:
  case TAG_H3:
  case TAG_H4:
  case TAG_H5:
  case TAG_H6:
  case TAG_HEAD:
  case TAG_HR:
  case TAG_I:
  case TAG_IMG:
  case TAG_LI:
  case TAG_LISTING:
  case TAG_MENU:
  case TAG_META:
  case TAG_NOBR:
  case TAG_OL:
  case TAG_P:
  case TAG_PRE:
  case TAG_RUBY:
  case TAG_S:
  case TAG_SMALL:
  case TAG_SPAN:
  case TAG_STRONG:
  case TAG_STRIKE:
  case TAG_SUB:
  case TAG_SUP:
  case TAG_TABLE:
  case TAG_TT:
  case TAG_U:
  case TAG_UL:
  case TAG_VAR:
    return 1;
  case TAG_FONT:
    for (size_t i = 0; i < t->nattrs; i++) {
      const tok_attr *a = &t->attrs[i];
      if ((a->name_len == 5 && !memcmp(a->name, "color", 5)) ||
          (a->name_len == 4 && (!memcmp(a->name, "face", 4) || !memcmp(a->name, "size", 4))))
        return 1;
    }
    return 0;
  default:
    return 0;
  }
}
