/* Language identification.
 *
 * 1. Count the letters of each script. A script used by one language (Thai,
 *    Hangul, Greek, Hebrew, Georgian, ...) names it; Han with kana is
 *    Japanese, Han alone Chinese.
 * 2. For the scripts several languages share — Latin, Cyrillic, Arabic,
 *    Devanagari — count the text's words found in each language's list of
 *    frequent function words. The list with the most hits wins; the margin
 *    over the runner-up and the number of hits make the confidence.
 *
 * The word lists below are pith's own: short (25-45 words), the commonest
 * function words of each language, including those it shares with its
 * neighbours (shared words score for both and cancel out). */
#include "meta/lang.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "meta/mstr.h"

enum {
  SC_OTHER,
  SC_LATIN,
  SC_CYRILLIC,
  SC_ARABIC,
  SC_DEVANAGARI,
  SC_GREEK,
  SC_HEBREW,
  SC_HAN,
  SC_KANA,
  SC_HANGUL,
  SC_THAI,
  SC_GEORGIAN,
  SC_ARMENIAN,
  SC_BENGALI,
  SC_TAMIL,
  SC_TELUGU,
  SC_KANNADA,
  SC_MALAYALAM,
  SC_GUJARATI,
  SC_GURMUKHI,
  SC_SINHALA,
  SC_KHMER,
  SC_LAO,
  SC_MYANMAR,
  SC_ETHIOPIC,
  SC_COUNT
};

static int script_of(uint32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return SC_LATIN;
  if (c < 0xC0)
    return SC_OTHER;
  if (c <= 0x24F)
    return (c == 0xD7 || c == 0xF7) ? SC_OTHER : SC_LATIN;
  if (c >= 0x1E00 && c <= 0x1EFF)
    return SC_LATIN;
  if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF))
    return SC_GREEK;
  if (c >= 0x400 && c <= 0x52F)
    return SC_CYRILLIC;
  if (c >= 0x530 && c <= 0x58F)
    return SC_ARMENIAN;
  if (c >= 0x590 && c <= 0x5FF)
    return SC_HEBREW;
  if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) ||
      (c >= 0xFE70 && c <= 0xFEFF))
    return SC_ARABIC;
  if (c >= 0x900 && c <= 0x97F)
    return SC_DEVANAGARI;
  if (c >= 0x980 && c <= 0x9FF)
    return SC_BENGALI;
  if (c >= 0xA00 && c <= 0xA7F)
    return SC_GURMUKHI;
  if (c >= 0xA80 && c <= 0xAFF)
    return SC_GUJARATI;
  if (c >= 0xB80 && c <= 0xBFF)
    return SC_TAMIL;
  if (c >= 0xC00 && c <= 0xC7F)
    return SC_TELUGU;
  if (c >= 0xC80 && c <= 0xCFF)
    return SC_KANNADA;
  if (c >= 0xD00 && c <= 0xD7F)
    return SC_MALAYALAM;
  if (c >= 0xD80 && c <= 0xDFF)
    return SC_SINHALA;
  if (c >= 0xE00 && c <= 0xE7F)
    return SC_THAI;
  if (c >= 0xE80 && c <= 0xEFF)
    return SC_LAO;
  if (c >= 0x1000 && c <= 0x109F)
    return SC_MYANMAR;
  if (c >= 0x10A0 && c <= 0x10FF)
    return SC_GEORGIAN;
  if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0xAC00 && c <= 0xD7AF))
    return SC_HANGUL;
  if (c >= 0x1200 && c <= 0x137F)
    return SC_ETHIOPIC;
  if (c >= 0x1780 && c <= 0x17FF)
    return SC_KHMER;
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF))
    return SC_KANA;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF))
    return SC_HAN;
  return SC_OTHER;
}

/* Scripts that name their language. */
static const char *const script_lang[SC_COUNT] = {
    [SC_GREEK] = "el",    [SC_HEBREW] = "he",   [SC_HANGUL] = "ko",    [SC_THAI] = "th",
    [SC_GEORGIAN] = "ka", [SC_ARMENIAN] = "hy", [SC_BENGALI] = "bn",   [SC_TAMIL] = "ta",
    [SC_TELUGU] = "te",   [SC_KANNADA] = "kn",  [SC_MALAYALAM] = "ml", [SC_GUJARATI] = "gu",
    [SC_GURMUKHI] = "pa", [SC_SINHALA] = "si",  [SC_KHMER] = "km",     [SC_LAO] = "lo",
    [SC_MYANMAR] = "my",  [SC_ETHIOPIC] = "am",
};

typedef struct {
  const char *code;
  int script;
  const char *words;
} profile;

static const profile profiles[] = {
    {"en", SC_LATIN,
     "the of and to in is that for it with as was on are be by this at from or have an but not "
     "you which his they we their has were been its one all would can will more there if about "
     "also who what so out into up than them her some"},
    {"de", SC_LATIN,
     "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an "
     "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
     "war haben nur oder aber vor zur bis mehr durch man"},
    {"fr", SC_LATIN,
     "de la le et les des en un du une que est pour qui dans par sur au pas plus ne se ce il sont "
     "avec son aux mais ou elle nous vous leur été cette ses comme tout fait être aussi"},
    {"es", SC_LATIN,
     "de la que el en y los del se las por un para con no una su al es lo como más pero sus le ya "
     "o este porque esta entre cuando muy sin sobre también me hasta hay donde desde"},
    {"it", SC_LATIN,
     "di e il la che in per un del della non è una le con si da dei sono al alla gli come nel più "
     "anche ma ha delle questo lo se nella sul degli tra essere"},
    {"pt", SC_LATIN,
     "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele "
     "das tem à seu sua ou ser quando muito há nos já está também"},
    {"nl", SC_LATIN,
     "de en van het een in is dat op te zijn met voor niet aan er die ook als maar bij om dan door "
     "of wordt uit nog worden naar dit kan tot heeft hij deze wat"},
    {"pl", SC_LATIN,
     "i w się na nie z do to że jest o jak ale po co tak za od przez może jego już tylko są dla "
     "był być oraz jej ich które który która także również"},
    {"sv", SC_LATIN,
     "och i att det som en på är av för med till den har de inte om ett han men var jag sig från "
     "vi så kan man när år också efter under hade"},
    {"da", SC_LATIN,
     "og i at det er en til på som de med for af den ikke har et der var om men fra kan vi så sig "
     "hans også efter være eller blev hvad nu meget"},
    {"no", SC_LATIN,
     "og i det er som på en til at med for av ikke den har de et om var men fra kan vi så seg "
     "også etter være eller ble jeg hva nå mye"},
    {"fi", SC_LATIN,
     "ja on ei se että oli hän mutta kun tai myös ovat kuin ole sen vain niin joka mukaan jo voi "
     "tämä sitä olla hänen mitä nyt sekä kanssa"},
    {"cs", SC_LATIN,
     "a se v na je že s z do to o jako ale pro by jsou k i od po jeho tak které který která také "
     "bylo jsem už byl při jak za ve není může"},
    {"sk", SC_LATIN,
     "a sa v na je že s z do to o ako ale pre by sú k i od po jeho tak ktoré ktorý ktorá aj bolo "
     "som už bol pri za vo nie môže"},
    {"ro", SC_LATIN,
     "și de în a la cu că pe nu o un este din care se să mai pentru sunt ce au fost sau dar prin "
     "către această acest fi al ale lui"},
    {"hu", SC_LATIN,
     "a az és hogy nem is egy van meg de ez csak már el ki mint volt vagy még azt lesz kell sem "
     "ha után pedig nagyon amely között"},
    {"tr", SC_LATIN,
     "ve bir bu da de için ile çok olarak daha en gibi olan ama ne var kadar sonra ya o her şey "
     "değil mi ki ancak göre"},
    {"id", SC_LATIN,
     "yang dan di dari ini itu dengan untuk tidak dalam akan pada juga ke karena ada oleh mereka "
     "bisa atau sudah saat lebih telah kami kita seperti"},
    {"vi", SC_LATIN,
     "của và các là trong cho có được người không với này một những đã để khi từ đến theo ra "
     "nhiều về tại năm"},
    {"hr", SC_LATIN,
     "i je u na da se za su od s ne koji to a iz kao što ili će bi o sa ali biti koja koje samo "
     "nije još može više kada"},
    {"sl", SC_LATIN,
     "in je na se da za so v z ki pa s tudi od ne bi kot po o ali iz še lahko sem bil smo tem to "
     "ter"},
    {"lt", SC_LATIN,
     "ir kad yra į su tai iš bet kaip jo buvo o ar per apie nuo dar tik taip jie savo kurie bus "
     "gali ne"},
    {"lv", SC_LATIN,
     "un ir ka ar uz no par kā bet tas arī lai vai to viņš bija pie jau tikai kas tā var savu"},
    {"et", SC_LATIN,
     "ja on ei et see oli kui ta aga mis ning või nii oma seda kes siis veel ole olid kõik üle"},
    {"ca", SC_LATIN,
     "de la i el que els en les a per un una del amb és no com es al més dels però o seu fer ha "
     "també quan"},
    {"ru", SC_CYRILLIC,
     "и в не на что с по это как он а к из но то за от все так его она же был для у мы вы о бы "
     "только уже или еще когда было их если"},
    {"uk", SC_CYRILLIC,
     "і в на що не з та у до це як за по він але від для є я його так вона було про які який "
     "також або вже коли"},
    {"bg", SC_CYRILLIC,
     "и на в да се за не е от с че по са това като но до си ще които който или най му бъде след "
     "може във"},
    {"sr", SC_CYRILLIC,
     "и у на да се је за не од са што о као ће из али су то који или бити само може према када "
     "још"},
    {"mk", SC_CYRILLIC,
     "и на во да се за не е од со што како но ќе тоа тие ги го беше кои која мора исто по"},
    {"ar", SC_ARABIC,
     "في من على إلى أن التي الذي عن مع هذا كان هذه ما لا أو قد بين كما عند إن وقد ذلك"},
    {"fa", SC_ARABIC, "و در به از که این را با است برای می آن یک شود هم تا بر خود شده نیز ها کرد"},
    {"ur", SC_ARABIC, "کے میں کی ہے اور سے کو نے پر یہ ہیں کہ کا تھا بھی گیا ایک جو"},
    {"hi", SC_DEVANAGARI,
     "के है में की और को से का एक यह पर हैं भी लिए ने कि था इस तो ही नहीं कर वह जो होता गया "
     "किया हो रहे"},
    {"mr", SC_DEVANAGARI, "आणि आहे या हे की ते व मध्ये त्या आहेत केले होते करण्यात त्यांच्या नाही हा तर"},
    {"ne", SC_DEVANAGARI, "र छ को मा हो यो पनि गर्न भएको छन् थियो लागि गरेको तथा हुन भने"},
};

enum { NPROFILES = sizeof profiles / sizeof *profiles, SLOTS = 4096, MAX_SCAN = 65536 };
_Static_assert(NPROFILES <= 64, "a word's profiles are the bits of a uint64_t");

/* The words of every profile, by hash: built once, read-only after. */
typedef struct {
  uint32_t hash;
  uint64_t mask; /* the profiles (by index in profiles[]) the word is in */
} slot;

static slot table[SLOTS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* One step of a word's hash: FNV-1a over its lower-cased code points. */
static uint32_t hash_step(uint32_t h, uint32_t c) {
  return (h ^ c) * 16777619u;
}

static uint32_t word_hash(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len;) {
    size_t adv;
    h = hash_step(h, mstr_lower(mstr_utf8(s + i, len - i, &adv)));
    i += adv;
  }
  return h ? h : 1;
}

static void table_add(uint32_t h, uint64_t bit) {
  size_t i = h & (SLOTS - 1);
  while (table[i].hash && table[i].hash != h)
    i = (i + 1) & (SLOTS - 1);
  table[i].hash = h;
  table[i].mask |= bit;
}

static void build_table(void) {
  for (size_t p = 0; p < NPROFILES; p++) {
    const char *w = profiles[p].words;
    while (*w) {
      size_t k = strcspn(w, " ");
      table_add(word_hash(w, k), (uint64_t)1 << p);
      w += k;
      while (*w == ' ')
        w++;
    }
  }
}

static uint64_t table_get(uint32_t h) {
  size_t i = h & (SLOTS - 1);
  while (table[i].hash) {
    if (table[i].hash == h)
      return table[i].mask;
    i = (i + 1) & (SLOTS - 1);
  }
  return 0;
}

/* Whether the character at s is a letter or digit; *adv its length.
 * ASCII, most of any text, without a decode. */
static inline int word_char(const char *s, size_t len, size_t *adv) {
  unsigned char b = (unsigned char)*s;
  if (b < 0x80) {
    *adv = 1;
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  }
  return mstr_is_alnum(mstr_utf8(s, len, adv));
}

/* The word that starts at s[*i], hashed as word_hash does while it is read
 * (its end is where the letters and digits stop); *i moves past it. */
static uint32_t read_word(const char *s, size_t len, size_t *i) {
  uint32_t h = 2166136261u;
  while (*i < len) {
    unsigned char b = (unsigned char)s[*i];
    size_t adv = 1;
    uint32_t c;
    if (b < 0x80) { /* mstr_utf8 and mstr_lower of ASCII */
      if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')))
        break;
      c = b >= 'A' && b <= 'Z' ? b + 32u : b;
    } else {
      c = mstr_utf8(s + *i, len - *i, &adv);
      if (!mstr_is_alnum(c))
        break;
      c = mstr_lower(c);
    }
    h = hash_step(h, c);
    *i += adv;
  }
  return h ? h : 1;
}

/* Scores the words of s against the profiles of one script. */
static const char *by_words(const char *s, size_t len, int script, float *conf) {
  pthread_once(&table_once, build_table);
  const profile *mine[32];
  uint64_t of_script = 0;
  int n = 0;
  for (size_t p = 0; p < NPROFILES && n < 32; p++)
    if (profiles[p].script == script) {
      of_script |= (uint64_t)1 << p;
      mine[n++] = &profiles[p];
    }
  if (!n)
    return NULL;
  unsigned hits_of[NPROFILES] = {0};
  unsigned words = 0;
  size_t i = 0;
  while (i < len) {
    size_t adv;
    if (!word_char(s + i, len - i, &adv)) {
      i += adv;
      continue;
    }
    words++;
    uint64_t mask = table_get(read_word(s, len, &i)) & of_script;
    for (size_t p = 0; mask; p++, mask >>= 1)
      if (mask & 1)
        hits_of[p]++;
  }
  unsigned score[32] = {0};
  for (int b = 0; b < n; b++)
    score[b] = hits_of[mine[b] - profiles];
  int best = -1, second = -1;
  for (int b = 0; b < n; b++) {
    if (best < 0 || score[b] > score[best]) {
      second = best;
      best = b;
    } else if (second < 0 || score[b] > score[second]) {
      second = b;
    }
  }
  if (best < 0 || score[best] == 0)
    return NULL;
  float hits = (float)score[best];
  float margin = (hits - (second >= 0 ? (float)score[second] : 0)) / hits;
  float c = hits >= 8 ? 1.0f : hits / 8.0f;
  c *= margin >= 0.3f ? 1.0f : margin / 0.3f;
  /* Function words are a good share of any prose: few of them among many
   * words is text in a language pith has no list for. */
  if (words >= 20 && hits < 0.08f * (float)words)
    c *= hits / (0.08f * (float)words);
  *conf = c;
  return mine[best]->code;
}

const char *lang_detect(const char *s, size_t len, float *confidence) {
  float conf = 0;
  const char *code = NULL;
  if (confidence)
    *confidence = 0;
  if (!s)
    return NULL;
  if (len > MAX_SCAN)
    len = mstr_utf8_cut(s, MAX_SCAN);
  unsigned count[SC_COUNT] = {0};
  unsigned letters = 0;
  for (size_t i = 0; i < len;) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) { /* ASCII without a decode */
      i++;
      if ((b | 32) >= 'a' && (b | 32) <= 'z') {
        count[SC_LATIN]++;
        letters++;
      }
      continue;
    }
    size_t adv;
    uint32_t c = mstr_utf8(s + i, len - i, &adv);
    i += adv;
    int sc = script_of(c);
    if (sc != SC_OTHER) {
      count[sc]++;
      letters++;
    }
  }
  if (letters < 10)
    return NULL;
  /* Kana and Han together are Japanese. */
  unsigned cjk = count[SC_HAN] + count[SC_KANA];
  int top = SC_OTHER;
  for (int sc = 1; sc < SC_COUNT; sc++)
    if (sc != SC_HAN && sc != SC_KANA && count[sc] > count[top])
      top = sc;
  if (cjk > count[top]) {
    float share = (float)cjk / (float)letters;
    code = count[SC_KANA] * 20 >= cjk ? "ja" : "zh";
    conf = share;
  } else if (top != SC_OTHER) {
    float share = (float)count[top] / (float)letters;
    if (script_lang[top]) {
      code = script_lang[top];
      conf = share;
    } else {
      code = by_words(s, len, top, &conf);
      conf *= share;
    }
  }
  if (confidence)
    *confidence = code ? conf : 0;
  return code;
}

const char *lang_stopwords(const char *code) {
  if (!code)
    return NULL;
  for (size_t p = 0; p < NPROFILES; p++)
    if (!strcmp(profiles[p].code, code))
      return profiles[p].words;
  return NULL;
}

static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int lang_normalize(const char *tag, char *out, size_t cap) {
  if (!tag || cap < 16)
    return 0;
  while (*tag == ' ')
    tag++;
  size_t n = 0, last_len = 0;
  int idx = 0;
  for (const char *p = tag;;) {
    size_t len = 0;
    while (is_alpha(p[len]) || (idx > 0 && p[len] >= '0' && p[len] <= '9'))
      len++;
    if (len == 0 || len > 8)
      break;
    if (idx == 0 && (len < 2 || len > 3))
      return 0;
    if (n + len + 2 > cap)
      break;
    if (idx)
      out[n++] = '-';
    for (size_t i = 0; i < len; i++) {
      char c = p[i];
      int upper = idx > 0 && (len == 2 || (len == 4 && i == 0));
      if (upper && c >= 'a' && c <= 'z')
        c = (char)(c - 32);
      if (!upper && c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
      out[n++] = c;
    }
    idx++;
    p += len;
    last_len = len;
    if (*p != '-' && *p != '_')
      break;
    p++;
  }
  out[n] = '\0';
  /* A subtag of one character announces an extension and never ends a
   * tag: "UTF-8" and "ISO-8859-1" in a Content-Language are charsets. */
  return idx > 0 && last_len > 1;
}
