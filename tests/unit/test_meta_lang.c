/* Language identification (lang_detect) on a few sentences of each
 * language pith knows, written for the test; tag normalisation; and the
 * small readers behind metadata: the JSON reader and the date parser. */
#include <string.h>

#include "check.h"
#include "meta/date.h"
#include "meta/json.h"
#include "meta/lang.h"

static const struct {
  const char *code;
  const char *text;
} samples[] = {
    {"en", "The council said that the new bridge would be open by the end of the year, and that "
           "the old one will be kept for walkers who have used it for a long time."},
    {"de", "Der Stadtrat hat am Montag beschlossen, dass die neue Brücke bis zum Ende des Jahres "
           "fertig sein soll, und die alte wird für die Fußgänger erhalten, die sie seit langem "
           "nutzen."},
    {"fr", "Le conseil a dit que le nouveau pont sera ouvert à la fin de l'année, et que l'ancien "
           "sera gardé pour les piétons qui l'utilisent depuis longtemps dans la ville."},
    {"es", "El ayuntamiento dijo que el nuevo puente estará abierto a finales del año, y que el "
           "viejo se mantendrá para los peatones que lo usan desde hace mucho tiempo."},
    {"it", "Il consiglio ha detto che il nuovo ponte sarà aperto entro la fine dell'anno, e che "
           "il vecchio sarà conservato per i pedoni che lo usano da molto tempo."},
    {"pt", "A câmara disse que a nova ponte estará aberta no fim do ano, e que a antiga será "
           "mantida para os pedestres que a usam há muito tempo na cidade."},
    {"nl", "De gemeente heeft gezegd dat de nieuwe brug aan het einde van het jaar open zal zijn, "
           "en dat de oude brug voor de voetgangers blijft die er al lang gebruik van maken."},
    {"pl", "Rada miasta powiedziała, że nowy most zostanie otwarty do końca roku, a stary będzie "
           "zachowany dla pieszych, którzy korzystają z niego od dawna, jak mówi burmistrz."},
    {"sv", "Kommunen sa att den nya bron ska vara öppen i slutet av året, och att den gamla "
           "bron kommer att finnas kvar för de fotgängare som har använt den länge."},
    {"da", "Kommunen sagde, at den nye bro vil være åben ved udgangen af året, og at den gamle "
           "bro bliver bevaret for de fodgængere, der har brugt den i lang tid, hvad vi ved nu."},
    {"no", "Kommunen sa at den nye brua skal være åpen ved slutten av året, og at den gamle "
           "brua blir bevart for de fotgjengerne som har brukt den lenge, hva vi vet nå."},
    {"fi", "Kaupunki sanoi, että uusi silta on auki vuoden loppuun mennessä, mutta vanha silta "
           "jää jalankulkijoille, jotka ovat käyttäneet sitä jo kauan, ja se on hyvä asia."},
    {"cs", "Rada města řekla, že nový most bude otevřen do konce roku, a starý most zůstane pro "
           "chodce, kteří ho používají už dlouho, jak je to také v jiných městech."},
    {"sk", "Mestská rada povedala, že nový most bude otvorený do konca roka, a starý most "
           "zostane pre chodcov, ktorí ho používajú už dlho, ako to bolo aj pri iných mostoch."},
    {"ro", "Consiliul a spus că noul pod va fi deschis până la sfârșitul anului, iar cel vechi "
           "va fi păstrat pentru pietonii care îl folosesc de mult timp în acest oraș."},
    {"hu", "A városi tanács azt mondta, hogy az új híd az év végére elkészül, és a régi híd "
           "megmarad a gyalogosoknak, akik már régóta használják, de ez még nem biztos."},
    {"tr", "Belediye, yeni köprünün yıl sonuna kadar açılacağını ve eski köprünün uzun zamandır "
           "kullanan yayalar için korunacağını söyledi, ama bu daha çok zaman alabilir."},
    {"id", "Dewan kota mengatakan bahwa jembatan yang baru akan dibuka pada akhir tahun, dan "
           "jembatan yang lama akan tetap ada untuk pejalan kaki yang sudah lama menggunakannya."},
    {"vi", "Hội đồng thành phố cho biết cây cầu mới sẽ được mở vào cuối năm, và cây cầu cũ sẽ "
           "được giữ lại cho những người đi bộ đã dùng nó từ lâu."},
    {"hr", "Gradsko vijeće je reklo da će novi most biti otvoren do kraja godine, a stari most "
           "ostaje za pješake koji ga koriste već dugo, kao što je i bilo do sada."},
    {"sl", "Mestni svet je povedal, da bo novi most odprt do konca leta, stari most pa bo ostal "
           "za pešce, ki ga že dolgo uporabljajo, kot je bilo tudi v preteklosti."},
    {"lt", "Miesto taryba sakė, kad naujas tiltas bus atidarytas iki metų pabaigos, o senas "
           "tiltas liks pėstiesiems, kurie jį naudoja jau seniai, ir tai yra gerai."},
    {"lv", "Pilsētas dome teica, ka jaunais tilts būs atvērts līdz gada beigām, un vecais "
           "tilts paliks gājējiem, kas to izmanto jau sen, un tas ir labi."},
    {"et", "Linnavalitsus ütles, et uus sild on avatud aasta lõpuks, ja vana sild jääb "
           "jalakäijatele, kes on seda juba kaua kasutanud, ning see on hea."},
    {"ca", "L'ajuntament va dir que el nou pont estarà obert a finals de l'any, i que el vell es "
           "mantindrà per als vianants que l'utilitzen des de fa molt temps amb la ciutat."},
    {"ru", "Городской совет сообщил, что новый мост будет открыт до конца года, а старый мост "
           "останется для пешеходов, которые уже давно по нему ходят, и это хорошо."},
    {"uk", "Міська рада повідомила, що новий міст буде відкрито до кінця року, а старий міст "
           "залишиться для пішоходів, які вже давно ним користуються, і це добре."},
    {"bg", "Общинският съвет каза, че новият мост ще бъде открит до края на годината, а старият "
           "мост ще остане за пешеходците, които го използват отдавна, като това е добре."},
    {"sr", "Градско веће је рекло да ће нови мост бити отворен до краја године, а стари мост "
           "остаје за пешаке који га користе већ дуго, као што је и било до сада."},
    {"ar", "قال المجلس البلدي إن الجسر الجديد سيفتح في نهاية العام، وإن الجسر القديم سيبقى "
           "للمشاة الذين يستخدمونه منذ وقت طويل في هذه المدينة."},
    {"fa", "شورای شهر گفت که پل جدید تا پایان سال باز می شود و پل قدیمی برای عابران پیاده "
           "که از آن استفاده می کنند باقی خواهد ماند و این خبر خوبی است."},
    {"ur", "شہر کی کونسل نے کہا کہ نیا پل سال کے آخر تک کھل جائے گا اور پرانا پل پیدل چلنے "
           "والوں کے لیے رہے گا جو اسے کافی عرصے سے استعمال کر رہے ہیں۔"},
    {"hi", "नगर परिषद ने कहा कि नया पुल साल के अंत तक खुल जाएगा और पुराना पुल पैदल चलने वालों "
           "के लिए रहेगा जो इसका उपयोग लंबे समय से कर रहे हैं।"},
    {"el", "Το δημοτικό συμβούλιο είπε ότι η νέα γέφυρα θα ανοίξει μέχρι το τέλος του έτους."},
    {"he", "מועצת העיר אמרה שהגשר החדש ייפתח עד סוף השנה, והגשר הישן יישאר להולכי הרגל."},
    {"zh", "市议会表示，新桥将在年底前开放，旧桥将保留给长期使用它的行人。"},
    {"ja", "市議会は、新しい橋は年末までに開通し、古い橋は長い間利用してきた歩行者のために残すと述"
           "べた。"},
    {"ko", "시의회는 새 다리가 연말까지 개통되고 오래된 다리는 오랫동안 이용해 온 보행자를 위해 "
           "남겨둔다고 밝혔다."},
    {"th", "สภาเมืองกล่าวว่าสะพานใหม่จะเปิดภายในสิ้นปี และสะพานเก่าจะถูกเก็บไว้สำหรับคนเดินเท้า"},
};

static void test_detect(void) {
  for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
    float conf = 0;
    const char *got = lang_detect(samples[i].text, strlen(samples[i].text), &conf);
    CHECK_STR(got, samples[i].code);
    CHECK(conf > 0.3f);
    if (!got || strcmp(got, samples[i].code))
      fprintf(stderr, "  (conf %.2f)\n", (double)conf);
  }
  /* Too little to say, or no language at all. */
  CHECK(lang_detect("", 0, NULL) == NULL);
  CHECK(lang_detect("12345 67890 !!!", 15, NULL) == NULL);
  CHECK(lang_detect(NULL, 10, NULL) == NULL);
  /* Stopword lists for the extractor. */
  CHECK(lang_stopwords("de") && strstr(lang_stopwords("de"), "und"));
  CHECK(lang_stopwords("xx") == NULL);
}

static void check_norm(const char *tag, const char *want) {
  char out[32];
  int ok = lang_normalize(tag, out, sizeof out);
  if (want)
    CHECK_STR(ok ? out : NULL, want);
  else
    CHECK(!ok);
}

static void test_normalize(void) {
  check_norm("en", "en");
  check_norm("EN", "en");
  check_norm("en_us", "en-US");
  check_norm("en-GB", "en-GB");
  check_norm("zh-hans-cn", "zh-Hans-CN");
  check_norm("es-419", "es-419");
  check_norm(" de ", "de");
  check_norm("english", NULL);
  check_norm("", NULL);
  check_norm("1en", NULL);
  /* Charsets written where a language goes (Content-Language). */
  check_norm("UTF-8", NULL);
  check_norm("iso-8859-1", NULL);
}

static void test_json(void) {
  arena a;
  arena_init(&a);
  const char *s = "{\"a\": [1, 2.5e3, true, false, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"}";
  json_value *v = json_parse(s, strlen(s), &a, 16);
  CHECK(v && v->type == JSON_OBJECT && v->count == 2);
  json_value *arr = json_get(v, "a");
  CHECK(arr && arr->type == JSON_ARRAY && arr->count == 5);
  CHECK(arr && arr->first->type == JSON_NUMBER && !strcmp(arr->first->str, "1"));
  json_value *b = json_get(v, "b");
  CHECK_STR(b ? b->str : NULL, "x\xC3\xA9\xF0\x9F\x98\x80 ");
  /* Lenient: comments, trailing commas, single quotes, raw newlines. */
  s = "/* c */ {'k': 'v\nw', \"l\": [1,2,],} // end";
  v = json_parse(s, strlen(s), &a, 16);
  CHECK(v && json_get(v, "l") && json_get(v, "l")->count == 2);
  CHECK_STR(v && json_get(v, "k") ? json_get(v, "k")->str : NULL, "v w");
  /* Two objects one after the other become an array. */
  s = "{\"a\":1}\n{\"b\":2}";
  v = json_parse(s, strlen(s), &a, 16);
  CHECK(v && v->type == JSON_ARRAY && v->count == 2);
  /* Malformed: NULL, never a half-read value. */
  const char *bad[] = {"",       "{",           "{\"a\"}", "{\"a\":}", "[1 2]",
                       "\"open", "{\"a\":tru}", "nul",     "{\"a\":1", "]"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    CHECK(json_parse(bad[i], strlen(bad[i]), &a, 16) == NULL);
  /* Too deep. */
  char deep[200];
  memset(deep, '[', sizeof deep);
  CHECK(json_parse(deep, sizeof deep, &a, 64) == NULL);
  arena_free(&a);
}

static void check_parse(const char *s, const char *want) {
  meta_date d;
  char out[40] = "";
  if (date_parse(s, strlen(s), &d) && d.d)
    date_format(&d, out, sizeof out);
  if (want)
    CHECK_STR(out, want);
  else
    CHECK(out[0] == '\0');
}

static void test_dates(void) {
  check_parse("2017-06-09", "2017-06-09");
  check_parse("2017-06-09T08:36:00+08:00", "2017-06-09T08:36:00+08:00");
  check_parse("2017-06-09T08:36:00.123Z", "2017-06-09T08:36:00Z");
  check_parse(" 2017-06-09 08:36 ", "2017-06-09T08:36:00");
  check_parse("20170609", "2017-06-09");
  check_parse("2017/6/9", "2017-06-09");
  check_parse("1497000000", "2017-06-09T09:20:00Z");
  check_parse("Fri, 09 Jun 2017 08:36:00 GMT", "2017-06-09");
  check_parse("11/01/2023 12:43:42", "2023-11-01");
  check_parse("2017-02-30", NULL);
  check_parse("2017-13-01", NULL);
  check_parse("2017-06", NULL);
  check_parse("yesterday", NULL);
  meta_date d, max = {.y = 2024, .m = 1, .d = 10};
  CHECK(date_parse("2024-01-11", 10, &d) && !date_valid(&d, &max));
  CHECK(date_parse("1990-01-01", 10, &d) && !date_valid(&d, &max));
  CHECK(date_parse("2024-01-10", 10, &d) && date_valid(&d, &max));
  size_t at;
  /* Dates in addresses. */
  CHECK(date_from_url("https://x.example/2017/06/09/slug", &d) == 3 && d.y == 2017 && d.d == 9);
  CHECK(date_from_url("https://x.example/a-20170609-b", &d) == 3 && d.m == 6);
  CHECK(date_from_url("https://x.example/news/2011/12/slug", &d) == 2 && d.m == 12);
  CHECK(date_from_url("https://x.example/item/123456789", &d) == 0);
  CHECK(date_from_url("https://x.example/blog/2023/october/03/wine", &d) == 3 && d.m == 10 &&
        d.d == 3);
  CHECK(date_from_url("https://x.example/blog/2023/octopus/03/wine", &d) == 0);
  /* All-digit dates that read either way round say so; others do not. */
  CHECK(date_find("on 09.10.2023", 13, DATE_DMY, 0, &d, &at) == 1 && d.m == 10 && d.swappable);
  CHECK(date_find("on 25.10.2023", 13, DATE_DMY, 0, &d, &at) == 1 && !d.swappable);
  CHECK(date_find("on 9 October 2023", 17, DATE_DMY, 0, &d, &at) == 1 && !d.swappable);
  CHECK(date_parse("03-09-2026", 10, &d) && d.d == 3 && d.m == 9 && d.swappable);
  /* Written dates in text, and what is no date. */
  CHECK(date_find("version 1.2.2017.5", 18, DATE_DMY, 0, &d, &at) == 0);
  CHECK(date_find("call 12/06/2017/3", 17, DATE_DMY, 0, &d, &at) == 0);
  CHECK(date_find("3 comments May 2017", 19, DATE_DMY, 0, &d, &at) == 0);
  CHECK(date_find("Posted on June 9, 2017 by x", 27, DATE_DMY, 0, &d, &at) == 1 && at == 10);
  CHECK(date_find("8.5.12", 6, DATE_DMY, 0, &d, &at) == 0);
  CHECK(date_find("8.5.12", 6, DATE_DMY, 1, &d, &at) == 1 && d.y == 2012 && d.m == 5);
}

/* Whether the first date (skip: the one after it) in s reads as one end of
 * a range of days. */
static int ranged(const char *s, int skip) {
  meta_date d;
  size_t at, end, off = 0, len = strlen(s);
  for (int i = 0; i <= skip; i++) {
    if (!date_find_span(s + off, len - off, DATE_DMY, 0, &d, &at, &end))
      return -1;
    if (i < skip)
      off += end;
  }
  return date_in_range(s, len, off + at, off + end);
}

static void test_ranges(void) {
  CHECK(ranged("Der Tunnel wird vom 24. April bis 2. Oktober 2017 gesperrt.", 0) == 1);
  CHECK(ranged("die Qualifiers (4. und 5. M\xC3\xA4rz 2022 in Rio)", 0) == 1);
  CHECK(ranged("du 3 au 5 mai 2023", 0) == 1);
  CHECK(ranged("Sessions 2026 - April 29\xE2\x80\x93"
               "30 \xC2\xB7 Register now",
               0) == 1);
  CHECK(ranged("April 24 - May 2, 2017", 0) == 1);
  CHECK(ranged("3 June 2023 - 5 June 2023", 0) == 1);
  CHECK(ranged("3 June 2023 - 5 June 2023", 1) == 1);
  CHECK(ranged("Jun 3, 2023 to Jun 5, 2023", 0) == 1);
  CHECK(ranged("03.06.2023 - 05.06.2023", 0) == 1);
  CHECK(ranged("03.06.2023 - 05.06.2023", 1) == 1);
  CHECK(ranged("DATE: 2025-12-12 - 2025-12-17", 0) == 1);
  CHECK(ranged("DATE: 2025-12-12 - 2025-12-17", 1) == 1);
  /* A date beside a time, a count, a label or a number of its own. */
  CHECK(ranged("Posted June 3, 2023 - 10:45 am", 0) == 0);
  CHECK(ranged("14:30 - 3 June 2023", 0) == 0);
  CHECK(ranged("June 3, 2023 \xE2\x80\x93 5 min read", 0) == 0);
  CHECK(ranged("2023-06-03 - 12 comments", 0) == 0);
  CHECK(ranged("Published 3 June 2023 - Updated 5 June 2023", 0) == 0);
  CHECK(ranged("Published 3 June 2023 - Updated 5 June 2023", 1) == 0);
  CHECK(ranged("Copyright 2023 - June 3, 2023", 0) == 0);
  CHECK(ranged("COVID-19 - 3 June 2023", 0) == 0);
  CHECK(ranged("Posted 3 June 2023 to Politics", 0) == 0);
  /* A numbered page, part or episode before a spaced dash; ranges of days
   * whose first day is bare. */
  CHECK(ranged("Page 2 - 3 June 2023", 0) == 0);
  CHECK(ranged("Episode 12 \xE2\x80\x93 3 June 2023", 0) == 0);
  CHECK(ranged("No. 4 - 03.06.2023", 0) == 0);
  CHECK(ranged("Part 1 - 2023-06-03", 0) == 0);
  /* A time or a decimal after the dash, its digits run together. */
  CHECK(ranged("5. M\xC3\xA4rz 2024 - 10.30 Uhr", 0) == 0);
  CHECK(ranged("3 June 2023 \xE2\x80\x93 12.30pm", 0) == 0);
  CHECK(ranged("3 June 2023 - 5.6 million", 0) == 0);
  CHECK(ranged("03.06.2023 - 05.06.", 0) == 1);
  CHECK(ranged("Updated 10.30 - 3 June 2023", 0) == 0);
  CHECK(ranged("6/13 - 6/15/2023", 0) == 1);
  CHECK(ranged("2023-06-03 \xE2\x80\x93 14.00 Uhr", 0) == 0);
  CHECK(ranged("Held 4-5 March 2022 in Rio", 0) == 1);
  CHECK(ranged("Held on 4 and 5 March 2022 in Rio", 0) == 1);
  CHECK(ranged("Open from 4 to 5 March 2022", 0) == 1);
}

int main(void) {
  test_detect();
  test_normalize();
  test_json();
  test_dates();
  test_ranges();
  return check_done();
}
