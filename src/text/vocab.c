/* Stop words and boilerplate vocabulary. The stop word lists are short:
 * the most frequent function words of each language, enough to tell a
 * sentence from a menu and to guess the language of a page. */
#include "text/vocab.h"

#include <string.h>

static const char *const lang_codes[VOCAB_LANGS] = {"en", "de", "fr", "es", "pt",
                                                    "it", "nl", "ru", "pl", "sv"};

const char *vocab_lang_code(int i) {
  return i >= 0 && i < VOCAB_LANGS ? lang_codes[i] : NULL;
}

typedef struct {
  const char *word;
  unsigned langs;
} stopword;

/* Sorted by strcmp (byte order of UTF-8), for binary search. */
static const stopword stopwords[] = {
    {"a", 0x139},        {"aan", 0x040},     {"aber", 0x002},    {"about", 0x001},
    {"above", 0x001},    {"aby", 0x100},     {"after", 0x001},   {"again", 0x001},
    {"against", 0x001},  {"al", 0x068},      {"ale", 0x100},     {"algo", 0x008},
    {"all", 0x001},      {"alla", 0x020},    {"alle", 0x002},    {"allem", 0x002},
    {"allen", 0x002},    {"aller", 0x002},   {"alles", 0x002},   {"als", 0x042},
    {"also", 0x003},     {"am", 0x003},      {"an", 0x003},      {"anche", 0x020},
    {"and", 0x001},      {"any", 0x001},     {"ao", 0x010},      {"aos", 0x010},
    {"are", 0x001},      {"as", 0x011},      {"at", 0x001},      {"att", 0x200},
    {"au", 0x004},       {"auch", 0x002},    {"auf", 0x002},     {"aus", 0x002},
    {"aussi", 0x004},    {"aux", 0x004},     {"av", 0x200},      {"avec", 0x004},
    {"bardzo", 0x100},   {"be", 0x001},      {"because", 0x001}, {"been", 0x001},
    {"before", 0x001},   {"bei", 0x002},     {"being", 0x001},   {"below", 0x001},
    {"between", 0x001},  {"bez", 0x100},     {"bien", 0x004},    {"bij", 0x040},
    {"bin", 0x002},      {"bis", 0x002},     {"bist", 0x002},    {"both", 0x001},
    {"but", 0x001},      {"by", 0x001},      {"być", 0x100},     {"był", 0x100},
    {"była", 0x100},     {"było", 0x100},    {"can", 0x001},     {"ce", 0x004},
    {"ces", 0x004},      {"cette", 0x004},   {"che", 0x020},     {"chi", 0x020},
    {"ci", 0x020},       {"co", 0x100},      {"com", 0x010},     {"come", 0x020},
    {"comme", 0x004},    {"como", 0x018},    {"con", 0x028},     {"could", 0x001},
    {"cuando", 0x008},   {"da", 0x032},      {"dal", 0x020},     {"dalla", 0x020},
    {"damit", 0x002},    {"dan", 0x040},     {"dann", 0x002},    {"dans", 0x004},
    {"das", 0x012},      {"dass", 0x002},    {"dat", 0x040},     {"de", 0x25c},
    {"dei", 0x020},      {"del", 0x028},     {"della", 0x020},   {"delle", 0x020},
    {"dem", 0x002},      {"den", 0x202},     {"denn", 0x002},    {"der", 0x042},
    {"des", 0x006},      {"desde", 0x008},   {"det", 0x200},     {"deze", 0x040},
    {"di", 0x020},       {"did", 0x001},     {"die", 0x042},     {"dies", 0x002},
    {"diese", 0x002},    {"diesem", 0x002},  {"diesen", 0x002},  {"dieser", 0x002},
    {"dit", 0x040},      {"dla", 0x100},     {"do", 0x111},      {"doch", 0x002},
    {"does", 0x001},     {"doing", 0x001},   {"donde", 0x008},   {"door", 0x040},
    {"dort", 0x002},     {"dos", 0x010},     {"down", 0x001},    {"du", 0x206},
    {"durch", 0x002},    {"during", 0x001},  {"e", 0x030},       {"each", 0x001},
    {"een", 0x040},      {"efter", 0x200},   {"ein", 0x002},     {"eine", 0x002},
    {"einem", 0x002},    {"einen", 0x002},   {"einer", 0x002},   {"eines", 0x002},
    {"el", 0x008},       {"ela", 0x010},     {"ele", 0x010},     {"eles", 0x010},
    {"ella", 0x008},     {"elle", 0x004},    {"eller", 0x200},   {"ellos", 0x008},
    {"em", 0x010},       {"en", 0x24c},      {"entre", 0x018},   {"er", 0x042},
    {"era", 0x038},      {"es", 0x00a},      {"essa", 0x010},    {"esse", 0x010},
    {"essere", 0x020},   {"est", 0x004},     {"esta", 0x008},    {"este", 0x008},
    {"esto", 0x008},     {"está", 0x018},    {"están", 0x008},   {"et", 0x004},
    {"ett", 0x200},      {"etwas", 0x002},   {"eu", 0x004},      {"few", 0x001},
    {"foi", 0x010},      {"for", 0x001},     {"from", 0x001},    {"fue", 0x008},
    {"further", 0x001},  {"för", 0x200},     {"für", 0x002},     {"gegen", 0x002},
    {"gli", 0x020},      {"go", 0x100},      {"ha", 0x028},      {"had", 0x041},
    {"har", 0x200},      {"has", 0x001},     {"hat", 0x002},     {"hatte", 0x002},
    {"have", 0x001},     {"having", 0x001},  {"hay", 0x008},     {"he", 0x001},
    {"heb", 0x040},      {"heeft", 0x040},   {"her", 0x001},     {"here", 0x001},
    {"hers", 0x001},     {"herself", 0x001}, {"het", 0x040},     {"hij", 0x040},
    {"him", 0x001},      {"himself", 0x001}, {"his", 0x001},     {"hoe", 0x040},
    {"hon", 0x200},      {"how", 0x001},     {"há", 0x010},      {"hätte", 0x002},
    {"i", 0x321},        {"ich", 0x102},     {"if", 0x001},      {"ihm", 0x002},
    {"ihn", 0x002},      {"ihr", 0x002},     {"ihre", 0x002},    {"ik", 0x040},
    {"il", 0x024},       {"ils", 0x004},     {"im", 0x002},      {"in", 0x063},
    {"inte", 0x200},     {"into", 0x001},    {"io", 0x020},      {"is", 0x041},
    {"isso", 0x010},     {"ist", 0x002},     {"it", 0x001},      {"its", 0x001},
    {"itself", 0x001},   {"ja", 0x002},      {"jag", 0x200},     {"jak", 0x100},
    {"jako", 0x100},     {"je", 0x044},      {"jego", 0x100},    {"jej", 0x100},
    {"jest", 0x100},     {"jetzt", 0x002},   {"just", 0x001},    {"już", 0x100},
    {"já", 0x010},       {"kan", 0x240},     {"kann", 0x002},    {"kein", 0x002},
    {"keine", 0x002},    {"która", 0x100},   {"które", 0x100},   {"który", 0x100},
    {"la", 0x02c},       {"las", 0x008},     {"le", 0x02c},      {"les", 0x00c},
    {"leur", 0x004},     {"lo", 0x028},      {"los", 0x008},     {"lui", 0x004},
    {"ma", 0x120},       {"maar", 0x040},    {"mais", 0x014},    {"man", 0x202},
    {"mas", 0x010},      {"me", 0x05d},      {"med", 0x200},     {"mein", 0x002},
    {"men", 0x200},      {"mes", 0x004},     {"met", 0x040},     {"mi", 0x028},
    {"mich", 0x002},     {"mig", 0x200},     {"mij", 0x040},     {"min", 0x200},
    {"mir", 0x002},      {"mit", 0x002},     {"mnie", 0x100},    {"moi", 0x004},
    {"mon", 0x004},      {"more", 0x001},    {"most", 0x001},    {"może", 0x100},
    {"muito", 0x010},    {"muss", 0x002},    {"muy", 0x008},     {"my", 0x001},
    {"myself", 0x001},   {"más", 0x008},     {"même", 0x004},    {"na", 0x110},
    {"naar", 0x040},     {"nach", 0x002},    {"nad", 0x100},     {"nas", 0x010},
    {"ne", 0x024},       {"nel", 0x020},     {"nella", 0x020},   {"nich", 0x100},
    {"nicht", 0x002},    {"nie", 0x100},     {"niet", 0x040},    {"no", 0x019},
    {"noch", 0x002},     {"nog", 0x040},     {"non", 0x020},     {"nor", 0x001},
    {"nos", 0x018},      {"not", 0x001},     {"nous", 0x004},    {"now", 0x001},
    {"nu", 0x040},       {"nun", 0x002},     {"nur", 0x002},     {"não", 0x010},
    {"när", 0x200},      {"o", 0x118},       {"ob", 0x002},      {"och", 0x200},
    {"också", 0x200},    {"od", 0x100},      {"oder", 0x002},    {"of", 0x041},
    {"off", 0x001},      {"ohne", 0x002},    {"om", 0x240},      {"on", 0x005},
    {"once", 0x001},     {"only", 0x001},    {"ont", 0x004},     {"ook", 0x040},
    {"op", 0x040},       {"or", 0x001},      {"oraz", 0x100},    {"os", 0x010},
    {"other", 0x001},    {"ou", 0x014},      {"our", 0x001},     {"ours", 0x001},
    {"out", 0x001},      {"over", 0x041},    {"own", 0x001},     {"où", 0x004},
    {"par", 0x004},      {"para", 0x018},    {"pas", 0x004},     {"pela", 0x010},
    {"pelo", 0x010},     {"per", 0x020},     {"pero", 0x008},    {"più", 0x020},
    {"plus", 0x004},     {"po", 0x100},      {"pod", 0x100},     {"por", 0x018},
    {"porque", 0x008},   {"pour", 0x004},    {"przez", 0x100},   {"przy", 0x100},
    {"på", 0x200},       {"qu", 0x004},      {"quando", 0x010},  {"que", 0x01c},
    {"quello", 0x020},   {"questo", 0x020},  {"qui", 0x004},     {"qué", 0x008},
    {"sa", 0x004},       {"same", 0x001},    {"sans", 0x004},    {"se", 0x03c},
    {"sehr", 0x002},     {"sein", 0x002},    {"seine", 0x002},   {"sem", 0x010},
    {"ser", 0x018},      {"ses", 0x004},     {"seu", 0x010},     {"she", 0x001},
    {"should", 0x001},   {"si", 0x028},      {"sich", 0x002},    {"sie", 0x002},
    {"sig", 0x200},      {"sin", 0x008},     {"sind", 0x002},    {"się", 0x100},
    {"so", 0x003},       {"sobre", 0x008},   {"som", 0x200},     {"some", 0x001},
    {"son", 0x00c},      {"sono", 0x020},    {"sont", 0x004},    {"stato", 0x020},
    {"su", 0x028},       {"sua", 0x030},     {"such", 0x001},    {"suo", 0x020},
    {"sur", 0x004},      {"sus", 0x008},     {"são", 0x010},     {"så", 0x200},
    {"są", 0x100},       {"ta", 0x104},      {"tak", 0x100},     {"tam", 0x100},
    {"también", 0x008},  {"também", 0x010},  {"te", 0x14c},      {"tem", 0x010},
    {"tes", 0x004},      {"też", 0x100},     {"than", 0x001},    {"that", 0x001},
    {"the", 0x001},      {"their", 0x001},   {"theirs", 0x001},  {"them", 0x001},
    {"then", 0x001},     {"there", 0x001},   {"these", 0x001},   {"they", 0x001},
    {"this", 0x001},     {"those", 0x001},   {"through", 0x001}, {"tiene", 0x008},
    {"till", 0x200},     {"to", 0x101},      {"todo", 0x008},    {"toi", 0x004},
    {"ton", 0x004},      {"too", 0x001},     {"tot", 0x040},     {"tous", 0x004},
    {"tout", 0x004},     {"tra", 0x020},     {"très", 0x004},    {"tu", 0x104},
    {"uit", 0x040},      {"um", 0x012},      {"uma", 0x010},     {"un", 0x02c},
    {"una", 0x028},      {"und", 0x002},     {"under", 0x201},   {"une", 0x004},
    {"uno", 0x028},      {"uns", 0x002},     {"unter", 0x002},   {"until", 0x001},
    {"up", 0x001},       {"upp", 0x200},     {"ut", 0x200},      {"van", 0x040},
    {"var", 0x200},      {"very", 0x001},    {"vi", 0x200},      {"vid", 0x200},
    {"você", 0x010},     {"vom", 0x002},     {"von", 0x002},     {"voor", 0x040},
    {"vor", 0x002},      {"vous", 0x004},    {"w", 0x100},       {"war", 0x002},
    {"waren", 0x002},    {"warum", 0x002},   {"was", 0x043},     {"wat", 0x040},
    {"we", 0x141},       {"weil", 0x002},    {"wel", 0x040},     {"wenn", 0x002},
    {"wer", 0x002},      {"werden", 0x002},  {"were", 0x001},    {"what", 0x001},
    {"when", 0x001},     {"where", 0x001},   {"which", 0x001},   {"while", 0x001},
    {"who", 0x001},      {"whom", 0x001},    {"why", 0x001},     {"wie", 0x042},
    {"wieder", 0x002},   {"wij", 0x040},     {"will", 0x001},    {"wir", 0x002},
    {"wird", 0x002},     {"with", 0x001},    {"wo", 0x002},      {"wordt", 0x040},
    {"would", 0x001},    {"y", 0x00c},       {"ya", 0x008},      {"you", 0x001},
    {"your", 0x001},     {"yours", 0x001},   {"z", 0x100},       {"za", 0x100},
    {"zal", 0x040},      {"ze", 0x140},      {"zich", 0x040},    {"zij", 0x040},
    {"zijn", 0x040},     {"zu", 0x002},      {"zum", 0x002},     {"zur", 0x002},
    {"zwischen", 0x002}, {"à", 0x004},       {"às", 0x010},      {"är", 0x200},
    {"è", 0x020},        {"é", 0x010},       {"était", 0x004},   {"été", 0x004},
    {"être", 0x004},     {"über", 0x002},    {"że", 0x100},      {"а", 0x080},
    {"без", 0x080},      {"более", 0x080},   {"бы", 0x080},      {"был", 0x080},
    {"была", 0x080},     {"были", 0x080},    {"было", 0x080},    {"быть", 0x080},
    {"в", 0x080},        {"вам", 0x080},     {"вас", 0x080},     {"весь", 0x080},
    {"во", 0x080},       {"вот", 0x080},     {"все", 0x080},     {"всего", 0x080},
    {"всё", 0x080},      {"вы", 0x080},      {"где", 0x080},     {"да", 0x080},
    {"даже", 0x080},     {"для", 0x080},     {"до", 0x080},      {"его", 0x080},
    {"ее", 0x080},       {"если", 0x080},    {"есть", 0x080},    {"еще", 0x080},
    {"ещё", 0x080},      {"её", 0x080},      {"же", 0x080},      {"за", 0x080},
    {"здесь", 0x080},    {"и", 0x080},       {"из", 0x080},      {"или", 0x080},
    {"им", 0x080},       {"их", 0x080},      {"к", 0x080},       {"как", 0x080},
    {"ко", 0x080},       {"когда", 0x080},   {"кто", 0x080},     {"ли", 0x080},
    {"мне", 0x080},      {"мы", 0x080},      {"на", 0x080},      {"над", 0x080},
    {"не", 0x080},       {"него", 0x080},    {"нет", 0x080},     {"ни", 0x080},
    {"них", 0x080},      {"но", 0x080},      {"ну", 0x080},      {"о", 0x080},
    {"об", 0x080},       {"он", 0x080},      {"она", 0x080},     {"они", 0x080},
    {"оно", 0x080},      {"от", 0x080},      {"по", 0x080},      {"под", 0x080},
    {"после", 0x080},    {"при", 0x080},     {"с", 0x080},       {"со", 0x080},
    {"так", 0x080},      {"также", 0x080},   {"там", 0x080},     {"то", 0x080},
    {"того", 0x080},     {"тоже", 0x080},    {"только", 0x080},  {"том", 0x080},
    {"ты", 0x080},       {"у", 0x080},       {"уже", 0x080},     {"чем", 0x080},
    {"что", 0x080},      {"чтобы", 0x080},   {"эта", 0x080},     {"эти", 0x080},
    {"это", 0x080},      {"я", 0x080},
};

unsigned vocab_stopword(const char *word, size_t len) {
  size_t lo = 0, hi = sizeof stopwords / sizeof *stopwords;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *w = stopwords[mid].word;
    int c = strncmp(w, word, len);
    if (c == 0 && w[len])
      c = 1;
    if (c == 0)
      return stopwords[mid].langs;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

uint32_t vocab_utf8_decode(const char *str, size_t n, size_t *adv) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned char c = s[0];
  *adv = 1;
  if (c < 0x80)
    return c;
  size_t need;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
  } else {
    return 0xFFFD;
  }
  if (n < need + 1)
    return 0xFFFD;
  for (size_t i = 1; i <= need; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0xFFFD;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0xFFFD;
  *adv = need + 1;
  return cp;
}

size_t vocab_utf8_encode(uint32_t c, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (c < 0x80) {
    o[0] = (unsigned char)c;
    return 1;
  }
  if (c < 0x800) {
    o[0] = (unsigned char)(0xC0 | (c >> 6));
    o[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (c >> 12));
    o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (c >> 18));
  o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

uint32_t vocab_lower(uint32_t c) {
  if (c < 0x80)
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7))
    return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    /* Latin Extended-A pairs: even upper, odd lower, except a stretch
     * (U+0139..U+0148, U+0179..U+017E) where odd is upper. */
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
      return (c & 1) ? c + 1 : c;
    if (c == 0x130)
      return 'i';
    if (c == 0x178)
      return 0xFF;
    return (c & 1) ? c : c + 1;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
    return c + 32;
  if (c >= 0x410 && c <= 0x42F)
    return c + 32;
  if (c >= 0x400 && c <= 0x40F)
    return c + 80;
  return c;
}

int vocab_is_cjk(uint32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || /* hiragana, katakana */
         (c >= 0x3400 && c <= 0x4DBF) || /* CJK extension A */
         (c >= 0x4E00 && c <= 0x9FFF) || /* CJK unified ideographs */
         (c >= 0xAC00 && c <= 0xD7AF) || /* hangul syllables */
         (c >= 0xF900 && c <= 0xFAFF) || /* CJK compatibility ideographs */
         (c >= 0x20000 && c <= 0x2FFFF); /* CJK extensions B.. */
}

int vocab_is_alnum(uint32_t c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
  if (c == 0xD7 || c == 0xF7)
    return 0;
  if (c >= 0xC0 && c <= 0x24F)
    return 1; /* Latin-1 letters, Latin Extended */
  if (c >= 0x370 && c <= 0x3FF)
    return 1; /* Greek */
  if (c >= 0x400 && c <= 0x52F)
    return 1; /* Cyrillic */
  if (c >= 0x531 && c <= 0x58F)
    return 1; /* Armenian */
  if (c >= 0x5D0 && c <= 0x5EA)
    return 1; /* Hebrew */
  if (c >= 0x620 && c <= 0x64A)
    return 1; /* Arabic letters */
  if (c >= 0x660 && c <= 0x669)
    return 1; /* Arabic digits */
  if (c >= 0x671 && c <= 0x6FF)
    return 1; /* more Arabic and Persian letters */
  if (c >= 0x900 && c <= 0xDFF)
    return 1; /* Indic scripts */
  if (c >= 0xE00 && c <= 0xEFF)
    return 1; /* Thai, Lao */
  if (c >= 0x10A0 && c <= 0x10FF)
    return 1; /* Georgian */
  if (c >= 0x1E00 && c <= 0x1FFF)
    return 1; /* Latin Extended Additional, Greek Extended */
  if (vocab_is_cjk(c))
    return 1;
  return 0;
}

/* ---- boilerplate lines ------------------------------------------------ */

typedef struct {
  const char *key;
  unsigned char kind;
} phrase;

/* Keys as vocab_boilerplate compares them (see vocab.h): lower case,
 * letters and digits, one space between words. Sorted by strcmp. */
static const phrase phrases[] = {
    {"a découvrir", VOCAB_LABEL},
    {"a lire aussi", VOCAB_LABEL},
    {"aanbevolen", VOCAB_LABEL},
    {"abbonati", VOCAB_JUNK},
    {"abmelden", VOCAB_JUNK},
    {"abonneren", VOCAB_JUNK},
    {"abonnez vous", VOCAB_JUNK},
    {"abonnieren", VOCAB_JUNK},
    {"about", VOCAB_JUNK},
    {"about the author", VOCAB_END},
    {"about the authors", VOCAB_END},
    {"about us", VOCAB_JUNK},
    {"accedi", VOCAB_JUNK},
    {"accept", VOCAB_JUNK},
    {"accept all", VOCAB_JUNK},
    {"accept cookies", VOCAB_JUNK},
    {"accessibility", VOCAB_JUNK},
    {"account", VOCAB_JUNK},
    {"accueil", VOCAB_JUNK},
    {"ad", VOCAB_JUNK},
    {"ad choices", VOCAB_JUNK},
    {"adchoices", VOCAB_JUNK},
    {"add a comment", VOCAB_END},
    {"add comment", VOCAB_END},
    {"add to basket", VOCAB_JUNK},
    {"add to cart", VOCAB_JUNK},
    {"ads", VOCAB_JUNK},
    {"advert", VOCAB_JUNK},
    {"advertentie", VOCAB_JUNK},
    {"advertise", VOCAB_JUNK},
    {"advertise with us", VOCAB_JUNK},
    {"advertisement", VOCAB_JUNK},
    {"advertisements", VOCAB_JUNK},
    {"adverts", VOCAB_JUNK},
    {"afdrukken", VOCAB_JUNK},
    {"ajouter un commentaire", VOCAB_END},
    {"all sharing options for", VOCAB_JUNK},
    {"also in the news", VOCAB_LABEL},
    {"also on", VOCAB_LABEL},
    {"also on rt com", VOCAB_LABEL},
    {"also read", VOCAB_LABEL},
    {"also see", VOCAB_LABEL},
    {"also watch", VOCAB_LABEL},
    {"altre notizie", VOCAB_LABEL},
    {"and", VOCAB_JUNK},
    {"anmelden", VOCAB_JUNK},
    {"annons", VOCAB_JUNK},
    {"anterior", VOCAB_JUNK},
    {"anuncio", VOCAB_JUNK},
    {"anzeige", VOCAB_JUNK},
    {"app", VOCAB_JUNK},
    {"archive", VOCAB_JUNK},
    {"archives", VOCAB_JUNK},
    {"around the web", VOCAB_END},
    {"articles liés", VOCAB_LABEL},
    {"articles similaires", VOCAB_LABEL},
    {"articoli correlati", VOCAB_END},
    {"artigos relacionados", VOCAB_LABEL},
    {"artikel drucken", VOCAB_JUNK},
    {"artikel teilen", VOCAB_JUNK},
    {"artículos relacionados", VOCAB_LABEL},
    {"assine", VOCAB_JUNK},
    {"at", VOCAB_JUNK},
    {"auch interessant", VOCAB_LABEL},
    {"audio", VOCAB_JUNK},
    {"author", VOCAB_END},
    {"author bio", VOCAB_END},
    {"aviso legal", VOCAB_JUNK},
    {"aw", VOCAB_JUNK},
    {"back", VOCAB_JUNK},
    {"back to top", VOCAB_JUNK},
    {"be the first to comment", VOCAB_END},
    {"bild vergrößern", VOCAB_JUNK},
    {"blogger", VOCAB_JUNK},
    {"bookmark", VOCAB_JUNK},
    {"buscar", VOCAB_JUNK},
    {"buy now", VOCAB_JUNK},
    {"by", VOCAB_JUNK},
    {"cadastre se", VOCAB_JUNK},
    {"cancel", VOCAB_JUNK},
    {"caption", VOCAB_JUNK},
    {"careers", VOCAB_JUNK},
    {"categories", VOCAB_END},
    {"category", VOCAB_END},
    {"cerca", VOCAB_JUNK},
    {"cerrar", VOCAB_JUNK},
    {"chiudi", VOCAB_JUNK},
    {"click here", VOCAB_LABEL},
    {"close", VOCAB_JUNK},
    {"collapse", VOCAB_JUNK},
    {"comentario", VOCAB_END},
    {"comentarios", VOCAB_END},
    {"comentário", VOCAB_END},
    {"comentários", VOCAB_END},
    {"comment", VOCAB_END},
    {"comment on this article", VOCAB_END},
    {"comment on this story", VOCAB_END},
    {"commentaire", VOCAB_END},
    {"commentaires", VOCAB_END},
    {"commenti", VOCAB_END},
    {"commento", VOCAB_END},
    {"comments", VOCAB_END},
    {"comments are closed", VOCAB_END},
    {"compartilhar", VOCAB_JUNK},
    {"compartir", VOCAB_JUNK},
    {"condividi", VOCAB_JUNK},
    {"connect with us", VOCAB_END},
    {"connexion", VOCAB_JUNK},
    {"contact", VOCAB_JUNK},
    {"contact us", VOCAB_JUNK},
    {"contactez nous", VOCAB_JUNK},
    {"contacto", VOCAB_JUNK},
    {"continua a leggere", VOCAB_JUNK},
    {"continue lendo", VOCAB_JUNK},
    {"continue reading", VOCAB_JUNK},
    {"conversation", VOCAB_END},
    {"cookie policy", VOCAB_JUNK},
    {"cookie settings", VOCAB_JUNK},
    {"cookies", VOCAB_JUNK},
    {"copy link", VOCAB_JUNK},
    {"copy url", VOCAB_JUNK},
    {"correlati", VOCAB_LABEL},
    {"create account", VOCAB_JUNK},
    {"czytaj dalej", VOCAB_JUNK},
    {"czytaj także", VOCAB_END},
    {"czytaj też", VOCAB_LABEL},
    {"czytaj więcej", VOCAB_JUNK},
    {"dalej", VOCAB_JUNK},
    {"dans la même rubrique", VOCAB_LABEL},
    {"das könnte sie auch interessieren", VOCAB_END},
    {"das könnte sie interessieren", VOCAB_LABEL},
    {"datenschutz", VOCAB_JUNK},
    {"datenschutzerklärung", VOCAB_JUNK},
    {"deixe seu comentário", VOCAB_END},
    {"deixe um comentário", VOCAB_END},
    {"deja tu comentario", VOCAB_END},
    {"deja un comentario", VOCAB_END},
    {"dela", VOCAB_JUNK},
    {"delen", VOCAB_JUNK},
    {"digg", VOCAB_JUNK},
    {"disclaimer", VOCAB_JUNK},
    {"discover more", VOCAB_LABEL},
    {"discussion", VOCAB_END},
    {"diskussion", VOCAB_END},
    {"do góry", VOCAB_JUNK},
    {"do not sell my personal information", VOCAB_JUNK},
    {"dodaj komentarz", VOCAB_END},
    {"don t miss", VOCAB_LABEL},
    {"donate", VOCAB_JUNK},
    {"donate now", VOCAB_JUNK},
    {"dont miss", VOCAB_LABEL},
    {"download", VOCAB_JUNK},
    {"download app", VOCAB_JUNK},
    {"drucken", VOCAB_JUNK},
    {"drukuj", VOCAB_JUNK},
    {"e mail", VOCAB_JUNK},
    {"ecns app download", VOCAB_JUNK},
    {"edition", VOCAB_JUNK},
    {"editor s picks", VOCAB_LABEL},
    {"editors picks", VOCAB_LABEL},
    {"elsewhere", VOCAB_LABEL},
    {"email", VOCAB_JUNK},
    {"email this", VOCAB_JUNK},
    {"empfohlene artikel", VOCAB_LABEL},
    {"en savoir plus", VOCAB_JUNK},
    {"english", VOCAB_JUNK},
    {"english edition", VOCAB_JUNK},
    {"enlarge", VOCAB_JUNK},
    {"enlarge image", VOCAB_JUNK},
    {"enregistrer", VOCAB_JUNK},
    {"entrar", VOCAB_JUNK},
    {"enviar", VOCAB_JUNK},
    {"enviar por email", VOCAB_JUNK},
    {"envoyer", VOCAB_JUNK},
    {"expand", VOCAB_JUNK},
    {"explore more", VOCAB_LABEL},
    {"facebook", VOCAB_JUNK},
    {"faq", VOCAB_JUNK},
    {"fechar", VOCAB_JUNK},
    {"feedback", VOCAB_JUNK},
    {"fermer", VOCAB_JUNK},
    {"filed under", VOCAB_END},
    {"find us on", VOCAB_END},
    {"flipboard", VOCAB_JUNK},
    {"follow", VOCAB_JUNK},
    {"follow us", VOCAB_END},
    {"follow us on", VOCAB_END},
    {"followers", VOCAB_JUNK},
    {"following", VOCAB_JUNK},
    {"footer", VOCAB_END},
    {"forgot password", VOCAB_JUNK},
    {"free trial", VOCAB_JUNK},
    {"from", VOCAB_JUNK},
    {"from our partners", VOCAB_LABEL},
    {"from the web", VOCAB_END},
    {"full screen", VOCAB_JUNK},
    {"fullscreen", VOCAB_JUNK},
    {"further reading", VOCAB_LABEL},
    {"föregående", VOCAB_JUNK},
    {"gallery", VOCAB_JUNK},
    {"gerelateerd", VOCAB_LABEL},
    {"gerelateerde artikelen", VOCAB_LABEL},
    {"get in touch", VOCAB_END},
    {"get our newsletter", VOCAB_JUNK},
    {"get short url", VOCAB_JUNK},
    {"get the app", VOCAB_JUNK},
    {"get the latest", VOCAB_END},
    {"go", VOCAB_JUNK},
    {"google", VOCAB_JUNK},
    {"google plus", VOCAB_JUNK},
    {"guardar", VOCAB_JUNK},
    {"haut de page", VOCAB_JUNK},
    {"help", VOCAB_JUNK},
    {"hide caption", VOCAB_JUNK},
    {"hide comments", VOCAB_END},
    {"hits", VOCAB_JUNK},
    {"home", VOCAB_JUNK},
    {"homepage", VOCAB_JUNK},
    {"hot topics", VOCAB_LABEL},
    {"i più letti", VOCAB_END},
    {"image", VOCAB_JUNK},
    {"image caption", VOCAB_JUNK},
    {"images", VOCAB_JUNK},
    {"impressum", VOCAB_JUNK},
    {"imprimer", VOCAB_JUNK},
    {"imprimir", VOCAB_JUNK},
    {"imprint", VOCAB_JUNK},
    {"in", VOCAB_JUNK},
    {"in case you missed it", VOCAB_LABEL},
    {"in other news", VOCAB_LABEL},
    {"iniciar sesión", VOCAB_JUNK},
    {"inicio", VOCAB_JUNK},
    {"inloggen", VOCAB_JUNK},
    {"inscription", VOCAB_JUNK},
    {"instagram", VOCAB_JUNK},
    {"invia", VOCAB_JUNK},
    {"início", VOCAB_JUNK},
    {"jobs", VOCAB_JUNK},
    {"join", VOCAB_JUNK},
    {"join now", VOCAB_JUNK},
    {"join the conversation", VOCAB_END},
    {"join the discussion", VOCAB_END},
    {"jump to", VOCAB_JUNK},
    {"jump to navigation", VOCAB_JUNK},
    {"keep reading", VOCAB_LABEL},
    {"komentarz", VOCAB_END},
    {"komentarze", VOCAB_END},
    {"kommentar", VOCAB_END},
    {"kommentar schreiben", VOCAB_END},
    {"kommentare", VOCAB_END},
    {"kommentarer", VOCAB_END},
    {"kommentera", VOCAB_END},
    {"kommentieren", VOCAB_END},
    {"kontakt", VOCAB_JUNK},
    {"l autore", VOCAB_END},
    {"laisser un commentaire", VOCAB_END},
    {"language", VOCAB_JUNK},
    {"lascia un commento", VOCAB_END},
    {"latest", VOCAB_LABEL},
    {"latest articles", VOCAB_LABEL},
    {"latest news", VOCAB_LABEL},
    {"latest posts", VOCAB_LABEL},
    {"latest stories", VOCAB_LABEL},
    {"latest videos", VOCAB_LABEL},
    {"lea también", VOCAB_LABEL},
    {"leave a comment", VOCAB_END},
    {"leave a reply", VOCAB_END},
    {"leave comments", VOCAB_END},
    {"lee también", VOCAB_LABEL},
    {"leer más", VOCAB_JUNK},
    {"lees meer", VOCAB_JUNK},
    {"lees ook", VOCAB_LABEL},
    {"lees verder", VOCAB_JUNK},
    {"legal", VOCAB_JUNK},
    {"leggi anche", VOCAB_LABEL},
    {"leggi di più", VOCAB_JUNK},
    {"leggi tutto", VOCAB_JUNK},
    {"leia mais", VOCAB_JUNK},
    {"leia também", VOCAB_LABEL},
    {"les plus lus", VOCAB_END},
    {"lesen sie auch", VOCAB_LABEL},
    {"leserkommentare", VOCAB_END},
    {"less", VOCAB_JUNK},
    {"like", VOCAB_JUNK},
    {"like this", VOCAB_END},
    {"like this article", VOCAB_END},
    {"likes", VOCAB_JUNK},
    {"link copied", VOCAB_JUNK},
    {"linkedin", VOCAB_JUNK},
    {"lire aussi", VOCAB_LABEL},
    {"lire la suite", VOCAB_JUNK},
    {"listen", VOCAB_JUNK},
    {"lo más leído", VOCAB_END},
    {"lo más visto", VOCAB_LABEL},
    {"load comments", VOCAB_END},
    {"load more", VOCAB_JUNK},
    {"loading", VOCAB_JUNK},
    {"log in", VOCAB_JUNK},
    {"log out", VOCAB_JUNK},
    {"logga in", VOCAB_JUNK},
    {"login", VOCAB_JUNK},
    {"logout", VOCAB_JUNK},
    {"lämna en kommentar", VOCAB_END},
    {"läs mer", VOCAB_JUNK},
    {"läs också", VOCAB_LABEL},
    {"läs även", VOCAB_LABEL},
    {"main menu", VOCAB_JUNK},
    {"mais lidas", VOCAB_END},
    {"mais lidos", VOCAB_LABEL},
    {"mais notícias", VOCAB_LABEL},
    {"mais vistas", VOCAB_LABEL},
    {"mas noticias", VOCAB_LABEL},
    {"matérias relacionadas", VOCAB_LABEL},
    {"media caption", VOCAB_JUNK},
    {"meer nieuws", VOCAB_LABEL},
    {"meest gelezen", VOCAB_END},
    {"mehr", VOCAB_JUNK},
    {"mehr aus", VOCAB_LABEL},
    {"mehr lesen", VOCAB_JUNK},
    {"mehr zum thema", VOCAB_LABEL},
    {"meist gelesen", VOCAB_LABEL},
    {"meistgelesen", VOCAB_END},
    {"mentions légales", VOCAB_JUNK},
    {"menu", VOCAB_JUNK},
    {"merken", VOCAB_JUNK},
    {"messenger", VOCAB_JUNK},
    {"mest läst", VOCAB_END},
    {"mest lästa", VOCAB_LABEL},
    {"min read", VOCAB_JUNK},
    {"minute read", VOCAB_JUNK},
    {"minutes read", VOCAB_JUNK},
    {"misschien ook interessant", VOCAB_LABEL},
    {"mix", VOCAB_JUNK},
    {"more", VOCAB_JUNK},
    {"more about", VOCAB_LABEL},
    {"more articles", VOCAB_LABEL},
    {"more from", VOCAB_LABEL},
    {"more great stories", VOCAB_LABEL},
    {"more in", VOCAB_LABEL},
    {"more like this", VOCAB_LABEL},
    {"more news", VOCAB_END},
    {"more news from", VOCAB_LABEL},
    {"more on this", VOCAB_LABEL},
    {"more on this story", VOCAB_LABEL},
    {"more on this topic", VOCAB_LABEL},
    {"more stories", VOCAB_END},
    {"more to explore", VOCAB_LABEL},
    {"more to read", VOCAB_LABEL},
    {"more videos", VOCAB_LABEL},
    {"most commented", VOCAB_LABEL},
    {"most emailed", VOCAB_LABEL},
    {"most popular", VOCAB_END},
    {"most popular in h", VOCAB_LABEL},
    {"most read", VOCAB_END},
    {"most recent", VOCAB_LABEL},
    {"most shared", VOCAB_LABEL},
    {"most viewed", VOCAB_LABEL},
    {"must read", VOCAB_LABEL},
    {"must reads", VOCAB_LABEL},
    {"my account", VOCAB_JUNK},
    {"más noticias", VOCAB_LABEL},
    {"nach oben", VOCAB_JUNK},
    {"najczęściej czytane", VOCAB_LABEL},
    {"najnowsze", VOCAB_LABEL},
    {"najpopularniejsze", VOCAB_END},
    {"navigation", VOCAB_JUNK},
    {"newer post", VOCAB_JUNK},
    {"newer posts", VOCAB_JUNK},
    {"newest comments", VOCAB_END},
    {"news from around the web", VOCAB_LABEL},
    {"newsletter", VOCAB_END},
    {"newsletter abonnieren", VOCAB_JUNK},
    {"newsletters", VOCAB_JUNK},
    {"next", VOCAB_JUNK},
    {"next article", VOCAB_JUNK},
    {"next post", VOCAB_JUNK},
    {"next up", VOCAB_LABEL},
    {"next up in", VOCAB_LABEL},
    {"nos articles", VOCAB_LABEL},
    {"noticias relacionadas", VOCAB_END},
    {"notícias relacionadas", VOCAB_END},
    {"nästa", VOCAB_JUNK},
    {"o autorze", VOCAB_END},
    {"of", VOCAB_JUNK},
    {"ok", VOCAB_JUNK},
    {"older post", VOCAB_JUNK},
    {"older posts", VOCAB_JUNK},
    {"oldest comments", VOCAB_END},
    {"om författaren", VOCAB_END},
    {"on", VOCAB_JUNK},
    {"ook interessant", VOCAB_LABEL},
    {"open", VOCAB_JUNK},
    {"open image in new window", VOCAB_JUNK},
    {"opslaan", VOCAB_JUNK},
    {"or", VOCAB_JUNK},
    {"other news", VOCAB_LABEL},
    {"other stories", VOCAB_LABEL},
    {"over de auteur", VOCAB_END},
    {"paid content", VOCAB_JUNK},
    {"partager", VOCAB_JUNK},
    {"partilhar", VOCAB_JUNK},
    {"partner content", VOCAB_JUNK},
    {"passend zum thema", VOCAB_LABEL},
    {"permalink", VOCAB_JUNK},
    {"pesquisar", VOCAB_JUNK},
    {"photo", VOCAB_JUNK},
    {"photo gallery", VOCAB_JUNK},
    {"photos", VOCAB_JUNK},
    {"pinterest", VOCAB_JUNK},
    {"più letti", VOCAB_LABEL},
    {"plaats een reactie", VOCAB_END},
    {"play", VOCAB_JUNK},
    {"play video", VOCAB_JUNK},
    {"please wait", VOCAB_JUNK},
    {"pocket", VOCAB_JUNK},
    {"podcast", VOCAB_JUNK},
    {"points", VOCAB_JUNK},
    {"polecamy", VOCAB_LABEL},
    {"politique de confidentialité", VOCAB_JUNK},
    {"política de privacidad", VOCAB_JUNK},
    {"política de privacidade", VOCAB_JUNK},
    {"populaire", VOCAB_LABEL},
    {"popular", VOCAB_LABEL},
    {"popular articles", VOCAB_LABEL},
    {"popular now", VOCAB_LABEL},
    {"popular posts", VOCAB_LABEL},
    {"popular stories", VOCAB_END},
    {"post a comment", VOCAB_END},
    {"post navigation", VOCAB_END},
    {"posted", VOCAB_JUNK},
    {"posted in", VOCAB_JUNK},
    {"potrebbe interessarti", VOCAB_LABEL},
    {"potrebbe interessarti anche", VOCAB_LABEL},
    {"powiązane", VOCAB_LABEL},
    {"powiązane artykuły", VOCAB_LABEL},
    {"precedente", VOCAB_JUNK},
    {"prenumerera", VOCAB_JUNK},
    {"prev", VOCAB_JUNK},
    {"previous", VOCAB_JUNK},
    {"previous article", VOCAB_JUNK},
    {"previous post", VOCAB_JUNK},
    {"previously", VOCAB_LABEL},
    {"print", VOCAB_JUNK},
    {"print article", VOCAB_JUNK},
    {"print edition", VOCAB_JUNK},
    {"print page", VOCAB_JUNK},
    {"print this", VOCAB_JUNK},
    {"print this article", VOCAB_JUNK},
    {"printen", VOCAB_JUNK},
    {"privacy", VOCAB_JUNK},
    {"privacy policy", VOCAB_JUNK},
    {"profile", VOCAB_JUNK},
    {"promoted", VOCAB_JUNK},
    {"promoted stories", VOCAB_END},
    {"précédent", VOCAB_JUNK},
    {"próximo", VOCAB_JUNK},
    {"pub", VOCAB_JUNK},
    {"pubblicità", VOCAB_JUNK},
    {"publicidad", VOCAB_JUNK},
    {"publicidade", VOCAB_JUNK},
    {"publicité", VOCAB_JUNK},
    {"published", VOCAB_JUNK},
    {"rating", VOCAB_JUNK},
    {"re", VOCAB_JUNK},
    {"reactie", VOCAB_END},
    {"reacties", VOCAB_END},
    {"read also", VOCAB_LABEL},
    {"read full article", VOCAB_JUNK},
    {"read full story", VOCAB_JUNK},
    {"read more", VOCAB_LABEL},
    {"read next", VOCAB_END},
    {"read previous", VOCAB_LABEL},
    {"read time", VOCAB_JUNK},
    {"reader comments", VOCAB_END},
    {"reading time", VOCAB_JUNK},
    {"reageer", VOCAB_END},
    {"recent articles", VOCAB_LABEL},
    {"recent posts", VOCAB_LABEL},
    {"recent stories", VOCAB_LABEL},
    {"recherche", VOCAB_JUNK},
    {"rechercher", VOCAB_JUNK},
    {"recomendado", VOCAB_LABEL},
    {"recomendados", VOCAB_LABEL},
    {"recommended", VOCAB_LABEL},
    {"recommended articles", VOCAB_LABEL},
    {"recommended for you", VOCAB_END},
    {"recommended reading", VOCAB_LABEL},
    {"recommended stories", VOCAB_END},
    {"recommended videos", VOCAB_LABEL},
    {"recommends", VOCAB_LABEL},
    {"reddit", VOCAB_JUNK},
    {"register", VOCAB_JUNK},
    {"registrarse", VOCAB_JUNK},
    {"registrati", VOCAB_JUNK},
    {"registrieren", VOCAB_JUNK},
    {"reklama", VOCAB_JUNK},
    {"relacionadas", VOCAB_LABEL},
    {"relacionado", VOCAB_LABEL},
    {"relacionados", VOCAB_LABEL},
    {"related", VOCAB_LABEL},
    {"related article", VOCAB_LABEL},
    {"related articles", VOCAB_END},
    {"related content", VOCAB_LABEL},
    {"related coverage", VOCAB_LABEL},
    {"related items", VOCAB_LABEL},
    {"related links", VOCAB_LABEL},
    {"related news", VOCAB_END},
    {"related post", VOCAB_LABEL},
    {"related posts", VOCAB_END},
    {"related products", VOCAB_LABEL},
    {"related reading", VOCAB_LABEL},
    {"related roundup", VOCAB_LABEL},
    {"related searches", VOCAB_LABEL},
    {"related stories", VOCAB_END},
    {"related story", VOCAB_LABEL},
    {"related tags", VOCAB_END},
    {"related topics", VOCAB_LABEL},
    {"related video", VOCAB_LABEL},
    {"related videos", VOCAB_LABEL},
    {"relaterade artiklar", VOCAB_LABEL},
    {"relaterat", VOCAB_LABEL},
    {"replies", VOCAB_JUNK},
    {"reply", VOCAB_JUNK},
    {"report", VOCAB_JUNK},
    {"responses", VOCAB_END},
    {"retour", VOCAB_JUNK},
    {"retour en haut", VOCAB_JUNK},
    {"rss", VOCAB_JUNK},
    {"rss feed", VOCAB_JUNK},
    {"réactions", VOCAB_END},
    {"réagir", VOCAB_END},
    {"s abonner", VOCAB_JUNK},
    {"salva", VOCAB_JUNK},
    {"salvar", VOCAB_JUNK},
    {"save", VOCAB_JUNK},
    {"save article", VOCAB_JUNK},
    {"schließen", VOCAB_JUNK},
    {"se connecter", VOCAB_JUNK},
    {"search", VOCAB_JUNK},
    {"see all", VOCAB_JUNK},
    {"see also", VOCAB_LABEL},
    {"see more", VOCAB_JUNK},
    {"seguir leyendo", VOCAB_JUNK},
    {"select language", VOCAB_JUNK},
    {"senaste nytt", VOCAB_LABEL},
    {"share", VOCAB_JUNK},
    {"share article", VOCAB_JUNK},
    {"share on facebook", VOCAB_JUNK},
    {"share on twitter", VOCAB_JUNK},
    {"share options", VOCAB_JUNK},
    {"share story", VOCAB_JUNK},
    {"share this", VOCAB_JUNK},
    {"share this article", VOCAB_JUNK},
    {"share this on whatsapp", VOCAB_JUNK},
    {"share this page", VOCAB_JUNK},
    {"share this post", VOCAB_JUNK},
    {"share this story", VOCAB_JUNK},
    {"share via", VOCAB_JUNK},
    {"share via email", VOCAB_JUNK},
    {"shares", VOCAB_JUNK},
    {"shares share", VOCAB_JUNK},
    {"sharing is caring", VOCAB_JUNK},
    {"shop", VOCAB_JUNK},
    {"short url", VOCAB_JUNK},
    {"show all", VOCAB_JUNK},
    {"show comments", VOCAB_END},
    {"show less", VOCAB_JUNK},
    {"show more", VOCAB_JUNK},
    {"sign in", VOCAB_JUNK},
    {"sign out", VOCAB_JUNK},
    {"sign up", VOCAB_JUNK},
    {"sign up for our newsletter", VOCAB_END},
    {"siguiente", VOCAB_JUNK},
    {"site footer", VOCAB_END},
    {"site map", VOCAB_JUNK},
    {"sitemap", VOCAB_JUNK},
    {"skip navigation", VOCAB_JUNK},
    {"skip to content", VOCAB_JUNK},
    {"skip to main content", VOCAB_JUNK},
    {"skomentuj", VOCAB_END},
    {"skriv ut", VOCAB_JUNK},
    {"slideshow", VOCAB_JUNK},
    {"sluiten", VOCAB_JUNK},
    {"sms", VOCAB_JUNK},
    {"sobre el autor", VOCAB_END},
    {"sobre o autor", VOCAB_END},
    {"sold out", VOCAB_JUNK},
    {"spara", VOCAB_JUNK},
    {"sponsored", VOCAB_JUNK},
    {"sponsored content", VOCAB_JUNK},
    {"sponsored links", VOCAB_JUNK},
    {"sponsored stories", VOCAB_END},
    {"stampa", VOCAB_JUNK},
    {"startseite", VOCAB_JUNK},
    {"stay connected", VOCAB_END},
    {"stay in touch", VOCAB_END},
    {"stay informed", VOCAB_END},
    {"stumbleupon", VOCAB_JUNK},
    {"stäng", VOCAB_JUNK},
    {"submit", VOCAB_JUNK},
    {"subscribe", VOCAB_JUNK},
    {"subscribe now", VOCAB_JUNK},
    {"subscribe to our newsletter", VOCAB_END},
    {"subskrybuj", VOCAB_JUNK},
    {"successivo", VOCAB_JUNK},
    {"suche", VOCAB_JUNK},
    {"suggested", VOCAB_LABEL},
    {"suggested articles", VOCAB_LABEL},
    {"suggested reading", VOCAB_LABEL},
    {"suivant", VOCAB_JUNK},
    {"support us", VOCAB_JUNK},
    {"sur le meme sujet", VOCAB_LABEL},
    {"sur le même sujet", VOCAB_END},
    {"suscribirse", VOCAB_JUNK},
    {"suscríbete", VOCAB_JUNK},
    {"szukaj", VOCAB_JUNK},
    {"sök", VOCAB_JUNK},
    {"tag", VOCAB_JUNK},
    {"tags", VOCAB_END},
    {"también te puede interesar", VOCAB_LABEL},
    {"te puede interesar", VOCAB_END},
    {"te recomendamos", VOCAB_LABEL},
    {"teilen", VOCAB_JUNK},
    {"telegram", VOCAB_JUNK},
    {"terms", VOCAB_JUNK},
    {"terms and conditions", VOCAB_JUNK},
    {"terms of service", VOCAB_JUNK},
    {"terms of use", VOCAB_JUNK},
    {"terug naar boven", VOCAB_JUNK},
    {"thank you for signing up", VOCAB_JUNK},
    {"thanks for signing up", VOCAB_JUNK},
    {"ti potrebbe interessare", VOCAB_LABEL},
    {"till toppen", VOCAB_JUNK},
    {"tillbaka", VOCAB_JUNK},
    {"toggle caption", VOCAB_JUNK},
    {"toggle navigation", VOCAB_JUNK},
    {"top", VOCAB_JUNK},
    {"top articles", VOCAB_LABEL},
    {"top comments", VOCAB_END},
    {"top news", VOCAB_LABEL},
    {"top rated comments", VOCAB_END},
    {"top stories", VOCAB_LABEL},
    {"top themen", VOCAB_LABEL},
    {"topics", VOCAB_JUNK},
    {"torna all inizio", VOCAB_JUNK},
    {"torna su", VOCAB_JUNK},
    {"trending", VOCAB_LABEL},
    {"trending news", VOCAB_LABEL},
    {"trending now", VOCAB_END},
    {"trending stories", VOCAB_LABEL},
    {"trending topics", VOCAB_LABEL},
    {"tumblr", VOCAB_JUNK},
    {"tweet", VOCAB_JUNK},
    {"tweet this", VOCAB_JUNK},
    {"twitter", VOCAB_JUNK},
    {"udostępnij", VOCAB_JUNK},
    {"ultime notizie", VOCAB_LABEL},
    {"unfollow", VOCAB_JUNK},
    {"unsubscribe", VOCAB_JUNK},
    {"up next", VOCAB_LABEL},
    {"updated", VOCAB_JUNK},
    {"vedi anche", VOCAB_LABEL},
    {"veja também", VOCAB_LABEL},
    {"ver mais", VOCAB_JUNK},
    {"ver más", VOCAB_JUNK},
    {"ver también", VOCAB_LABEL},
    {"verwandte artikel", VOCAB_LABEL},
    {"video", VOCAB_JUNK},
    {"video abspielen", VOCAB_JUNK},
    {"videos", VOCAB_JUNK},
    {"view", VOCAB_JUNK},
    {"view all", VOCAB_JUNK},
    {"view comments", VOCAB_END},
    {"view gallery", VOCAB_JUNK},
    {"view more", VOCAB_JUNK},
    {"views", VOCAB_JUNK},
    {"vk", VOCAB_JUNK},
    {"voce pode gostar", VOCAB_LABEL},
    {"você pode gostar", VOCAB_LABEL},
    {"você também pode gostar", VOCAB_LABEL},
    {"voir aussi", VOCAB_LABEL},
    {"voir plus", VOCAB_JUNK},
    {"volgende", VOCAB_JUNK},
    {"voltar", VOCAB_JUNK},
    {"voltar ao topo", VOCAB_JUNK},
    {"volver", VOCAB_JUNK},
    {"volver arriba", VOCAB_JUNK},
    {"vorige", VOCAB_JUNK},
    {"votes", VOCAB_JUNK},
    {"vous aimerez aussi", VOCAB_LABEL},
    {"vous aimerez peut être aussi", VOCAB_LABEL},
    {"watch", VOCAB_JUNK},
    {"watch also", VOCAB_LABEL},
    {"watch next", VOCAB_LABEL},
    {"watch now", VOCAB_JUNK},
    {"watch video", VOCAB_JUNK},
    {"we recommend", VOCAB_LABEL},
    {"weiter", VOCAB_JUNK},
    {"weitere artikel", VOCAB_LABEL},
    {"weitere beiträge", VOCAB_LABEL},
    {"weitere beiträge zum thema", VOCAB_END},
    {"weiterlesen", VOCAB_JUNK},
    {"werbung", VOCAB_JUNK},
    {"what s hot", VOCAB_LABEL},
    {"what to read next", VOCAB_END},
    {"whatsapp", VOCAB_JUNK},
    {"więcej", VOCAB_JUNK},
    {"więcej na ten temat", VOCAB_LABEL},
    {"words", VOCAB_JUNK},
    {"write a comment", VOCAB_END},
    {"wróć", VOCAB_JUNK},
    {"xing", VOCAB_JUNK},
    {"you may also like", VOCAB_END},
    {"you may be interested in", VOCAB_LABEL},
    {"you may like", VOCAB_LABEL},
    {"you might also like", VOCAB_END},
    {"you might be interested in", VOCAB_LABEL},
    {"you might like", VOCAB_LABEL},
    {"your comment", VOCAB_END},
    {"youtube", VOCAB_JUNK},
    {"zaloguj", VOCAB_JUNK},
    {"zaloguj się", VOCAB_JUNK},
    {"zamknij", VOCAB_JUNK},
    {"zapisz", VOCAB_JUNK},
    {"zie ook", VOCAB_LABEL},
    {"zobacz także", VOCAB_LABEL},
    {"zobacz też", VOCAB_END},
    {"zoeken", VOCAB_JUNK},
    {"zoom", VOCAB_JUNK},
    {"zum autor", VOCAB_END},
    {"zur startseite", VOCAB_JUNK},
    {"zurück", VOCAB_JUNK},
    {"à découvrir", VOCAB_LABEL},
    {"à lire aussi", VOCAB_LABEL},
    {"à propos de l auteur", VOCAB_END},
    {"à voir aussi", VOCAB_LABEL},
    {"ähnliche artikel", VOCAB_LABEL},
    {"últimas noticias", VOCAB_LABEL},
    {"últimas notícias", VOCAB_LABEL},
    {"über den autor", VOCAB_END},
    {"вам может быть интересно", VOCAB_END},
    {"вам также может быть интересно", VOCAB_END},
    {"вас может заинтересовать", VOCAB_END},
    {"видео", VOCAB_JUNK},
    {"возможно вам будет интересно", VOCAB_END},
    {"войти", VOCAB_JUNK},
    {"главная", VOCAB_JUNK},
    {"далее", VOCAB_JUNK},
    {"другие новости", VOCAB_LABEL},
    {"закрыть", VOCAB_JUNK},
    {"комментарии", VOCAB_END},
    {"комментарий", VOCAB_END},
    {"материалы по теме", VOCAB_END},
    {"наверх", VOCAB_JUNK},
    {"назад", VOCAB_JUNK},
    {"новости по теме", VOCAB_END},
    {"об авторе", VOCAB_END},
    {"обсуждение", VOCAB_END},
    {"оставить комментарий", VOCAB_END},
    {"оставьте комментарий", VOCAB_END},
    {"отправить", VOCAB_JUNK},
    {"печать", VOCAB_JUNK},
    {"по теме", VOCAB_LABEL},
    {"поделиться", VOCAB_JUNK},
    {"подписаться", VOCAB_JUNK},
    {"подробнее", VOCAB_JUNK},
    {"поиск", VOCAB_JUNK},
    {"показать еще", VOCAB_JUNK},
    {"популярное", VOCAB_END},
    {"последние новости", VOCAB_LABEL},
    {"похожие материалы", VOCAB_LABEL},
    {"похожие статьи", VOCAB_END},
    {"распечатать", VOCAB_JUNK},
    {"регистрация", VOCAB_JUNK},
    {"реклама", VOCAB_JUNK},
    {"рекомендуем", VOCAB_LABEL},
    {"самое популярное", VOCAB_LABEL},
    {"самое читаемое", VOCAB_END},
    {"см также", VOCAB_LABEL},
    {"смотрите также", VOCAB_LABEL},
    {"сохранить", VOCAB_JUNK},
    {"фото", VOCAB_JUNK},
    {"читайте еще", VOCAB_LABEL},
    {"читайте нас", VOCAB_LABEL},
    {"читайте также", VOCAB_END},
    {"читать далее", VOCAB_JUNK},
    {"читать также", VOCAB_LABEL},
    {"あわせて読みたい", VOCAB_LABEL},
    {"おすすめ記事", VOCAB_LABEL},
    {"こちらもおすすめ", VOCAB_LABEL},
    {"この記事を書いた人", VOCAB_END},
    {"もっと見る", VOCAB_JUNK},
    {"コメント", VOCAB_END},
    {"コメントする", VOCAB_END},
    {"シェア", VOCAB_JUNK},
    {"ツイート", VOCAB_JUNK},
    {"トップへ", VOCAB_JUNK},
    {"ブックマーク", VOCAB_JUNK},
    {"ページトップへ", VOCAB_JUNK},
    {"ホーム", VOCAB_JUNK},
    {"ランキング", VOCAB_LABEL},
    {"ログイン", VOCAB_JUNK},
    {"上一页", VOCAB_JUNK},
    {"下一页", VOCAB_JUNK},
    {"人気記事", VOCAB_END},
    {"关闭", VOCAB_JUNK},
    {"分享", VOCAB_JUNK},
    {"前へ", VOCAB_JUNK},
    {"印刷", VOCAB_JUNK},
    {"发表评论", VOCAB_END},
    {"广告", VOCAB_JUNK},
    {"広告", VOCAB_JUNK},
    {"延伸阅读", VOCAB_LABEL},
    {"打印", VOCAB_JUNK},
    {"推荐", VOCAB_JUNK},
    {"推荐阅读", VOCAB_LABEL},
    {"搜索", VOCAB_JUNK},
    {"收藏", VOCAB_JUNK},
    {"更多", VOCAB_JUNK},
    {"最新文章", VOCAB_LABEL},
    {"最新記事", VOCAB_LABEL},
    {"検索", VOCAB_JUNK},
    {"次へ", VOCAB_JUNK},
    {"注册", VOCAB_JUNK},
    {"热点新闻", VOCAB_LABEL},
    {"热门", VOCAB_JUNK},
    {"热门文章", VOCAB_END},
    {"猜你喜欢", VOCAB_END},
    {"登录", VOCAB_JUNK},
    {"相关报道", VOCAB_END},
    {"相关文章", VOCAB_END},
    {"相关新闻", VOCAB_JUNK},
    {"相关链接", VOCAB_LABEL},
    {"相关阅读", VOCAB_JUNK},
    {"続きを読む", VOCAB_JUNK},
    {"网友评论", VOCAB_END},
    {"评论", VOCAB_END},
    {"返回顶部", VOCAB_JUNK},
    {"閉じる", VOCAB_JUNK},
    {"関連ニュース", VOCAB_LABEL},
    {"関連リンク", VOCAB_LABEL},
    {"関連記事", VOCAB_END},
    {"阅读全文", VOCAB_JUNK},
    {"首页", VOCAB_JUNK},
};

vocab_kind vocab_boilerplate(const char *key, size_t len) {
  if (!len)
    return VOCAB_NONE;
  size_t lo = 0, hi = sizeof phrases / sizeof *phrases;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *k = phrases[mid].key;
    int c = strncmp(k, key, len);
    if (c == 0 && k[len])
      c = 1;
    if (c == 0) {
      vocab_kind kind = (vocab_kind)phrases[mid].kind;
      return kind;
    }
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return VOCAB_NONE;
}

static int has_prefix(const char *s, size_t n, const char *p) {
  size_t m = strlen(p);
  return n >= m && !memcmp(s, p, m) && (n == m || s[m] == ' ');
}

/* Openers of a list of links that name the section or the site after them:
 * "More from UK", "Most read in world news", "Mehr aus Berlin". Keys. */
static const char *const label_openers[] = {
    "more from",    "more in",          "more stories from", "more news from",
    "most read in", "most popular in",  "latest from",       "popular in",
    "mehr aus",     "mehr zum thema",   "altro da",          "ещё из",
    "еще из",       "другие материалы",
};

vocab_kind vocab_label_opener(const char *key, size_t len) {
  for (size_t i = 0; i < sizeof label_openers / sizeof *label_openers; i++) {
    size_t m = strlen(label_openers[i]);
    if (len > m && has_prefix(key, len, label_openers[i]))
      return VOCAB_LABEL;
  }
  return VOCAB_NONE;
}

static int has_suffix(const char *s, size_t n, const char *p) {
  size_t m = strlen(p);
  return n >= m && !memcmp(s + n - m, p, m) && (n == m || s[n - m - 1] == ' ');
}

int vocab_comment_head(const char *key, size_t len, int colon_end) {
  static const char *const heads[] = {
      "responses to",      "response to",    "thoughts on",    "thought on",       "comments on",
      "comments to",       "replies to",     "reply to",       "comments feed",    "comments for",
      "comments for this", "kommentare zu",  "antworten zu",   "commentaires sur", "réponses à",
      "comentarios en",    "comentarios a",  "comentários em", "respostas para",   "commenti su",
      "reacties op",       "комментариев к", "komentarzy do",  "svar på"};
  for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
    if (has_prefix(key, len, heads[i]))
      return 1;
  /* "2 days ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 días" */
  static const char *const ago_units[] = {
      "second",   "seconds", "minute",   "minutes", "min",      "mins",    "hour",     "hours",
      "hr",       "hrs",     "day",      "days",    "week",     "weeks",   "month",    "months",
      "year",     "years",   "sekunden", "minuten", "stunde",   "stunden", "tag",      "tagen",
      "woche",    "wochen",  "monat",    "monaten", "jahr",     "jahren",  "secondes", "heure",
      "heures",   "jour",    "jours",    "semaine", "semaines", "mois",    "an",       "ans",
      "segundos", "minutos", "hora",     "horas",   "día",      "días",    "dia",      "dias",
      "semana",   "semanas", "mes",      "meses",   "año",      "años",    "ano",      "anos"};
  if (len <= 40) {
    int ago = has_suffix(key, len, "ago") || strstr(key, " ago ") != NULL;
    const char *k = key;
    size_t kl = len;
    if (has_prefix(key, len, "vor") || has_prefix(key, len, "hace") || has_prefix(key, len, "há")) {
      ago = 1;
    } else if (has_prefix(key, len, "il y a")) {
      ago = 1;
    }
    if (ago) {
      /* the unit word must be there: "2 days ago" keys as "days ago" */
      for (size_t i = 0; i < sizeof ago_units / sizeof *ago_units; i++) {
        size_t m = strlen(ago_units[i]);
        for (size_t j = 0; j + m <= kl; j++)
          if ((j == 0 || k[j - 1] == ' ') && !memcmp(k + j, ago_units[i], m) &&
              (j + m == kl || k[j + m] == ' '))
            return 1;
      }
    }
  }
  if (!colon_end)
    return 0;
  /* "jane says:", "john doe wrote:", with a date between sometimes */
  static const char *const says[] = {"says",     "said",    "wrote",    "writes", "replied",
                                     "schreibt", "sagt",    "dit",      "écrit",  "dice",
                                     "escribió", "disse",   "escreveu", "scrive", "schreef",
                                     "пишет",    "написал", "napisał",  "skriver"};
  for (size_t i = 0; i < sizeof says / sizeof *says; i++)
    if (has_suffix(key, len, says[i]))
      return 1;
  return 0;
}

/* Notices that reserve rights, lower case. */
static const char *const reserved_words[] = {
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "tutti i diritti riservati",
    "alle rechten voorbehouden",
    "все права защищены",
    "wszelkie prawa zastrzeżone",
    "alla rättigheter förbehållna",
    "版权所有",
    "著作権",
};

static int contains(const char *s, size_t n, const char *w) {
  size_t m = strlen(w);
  for (size_t i = 0; i + m <= n; i++)
    if (s[i] == w[0] && !memcmp(s + i, w, m))
      return 1;
  return 0;
}

int vocab_cookies(const char *lower, size_t len) {
  static const char *const words[] = {"cookie", "cookies", "gdpr", "consent", "rgpd", "dsgvo"};
  int cookie = 0, other = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (contains(lower, len, words[i])) {
      if (i < 2)
        cookie++;
      else
        other++;
    }
  static const char *const site[] = {"website",  "site",       "browser",   "browsing",
                                     "webseite", "navigateur", "navegador", "navegación",
                                     "sito",     "сайт"};
  for (size_t i = 0; i < sizeof site / sizeof *site; i++)
    if (contains(lower, len, site[i]))
      other++;
  return cookie && other;
}

int vocab_copyright(const char *lower, size_t len) {
  for (size_t i = 0; i < sizeof reserved_words / sizeof *reserved_words; i++)
    if (contains(lower, len, reserved_words[i]))
      return 2;
  if (!contains(lower, len, "\xc2\xa9") && !contains(lower, len, "copyright") &&
      !contains(lower, len, "(c) "))
    return 0;
  /* A year makes it the site's notice; without, a photo's ("Image copyright"). */
  for (size_t i = 0; i + 4 <= len; i++)
    if ((lower[i] == '1' && lower[i + 1] == '9') || (lower[i] == '2' && lower[i + 1] == '0'))
      if (lower[i + 2] >= '0' && lower[i + 2] <= '9' && lower[i + 3] >= '0' &&
          lower[i + 3] <= '9' && (i == 0 || lower[i - 1] < '0' || lower[i - 1] > '9') &&
          (i + 4 == len || lower[i + 4] < '0' || lower[i + 4] > '9'))
        return 2;
  return 1;
}

int vocab_check(void) {
  for (size_t i = 1; i < sizeof stopwords / sizeof *stopwords; i++)
    if (strcmp(stopwords[i - 1].word, stopwords[i].word) >= 0)
      return -1;
  for (size_t i = 1; i < sizeof phrases / sizeof *phrases; i++)
    if (strcmp(phrases[i - 1].key, phrases[i].key) >= 0)
      return -1;
  return 0;
}
