#!/usr/bin/python3
"""Plain pages come out whole: small pages a person writes by hand (an <h1>
and 1-6 paragraphs of 3-40 words, often short sentences), generated here,
run through pith, and checked: every paragraph, the <h1> (as the title or a
heading of the text), the list, table, quote or <h2> among the paragraphs
are in the output, and the menu, the footer line and the chrome under the
headline (a dateline, a byline, a kicker, a share line, breadcrumbs) are
not.

    tests/plain_pages/run.py PITH [--pages N] [--seeds 1,2,3] [--keep DIR] [--boxes]

Each page varies: its language (en, de, fr, es, ru, ja, zh); a wrapper
(none, <main>, <article>, <div>, <div class=content>); its paragraphs as
<p>, as text between <br><br>, or inside a layout table's <td>; a list, a
short table, a blockquote or an <h2> among them; a menu of five links (in
<nav>, a <div>, a <ul>, or none) and a footer line (<footer>, a <div>, a
<p>, or none); a <title> that is the headline, the headline and the
site's name, or the site's name alone; on English pages, chrome written
as sentences ("Posted in Notes.", "Leave a comment.", "All rights
reserved."; with --boxes an "About this blog" or a newsletter box too),
which a rule of punctuation alone keeps. Exit status 0 when every page is
right, 1 otherwise (the wrong pages listed with what is wrong and their
shape), 2 on bad arguments.
"""
import argparse
import collections
import html
import json
import os
import random
import subprocess
import sys
import tempfile

SENTENCES = {
    'en': ["It was a warm day today.", "We went out.", "The cherry trees in the park began to bloom.",
           "Many people enjoyed the flowers.", "The children played happily.", "I made soup.",
           "My neighbour lent me her old bicycle for the weekend, so I rode along the river to "
           "the next village.",
           "The bakery there sells the best rye bread I have ever eaten.", "It rained in the afternoon.",
           "We sat under the bridge and waited for the shower to pass.", "Nobody minded.",
           "This is my first post on this new blog.", "Thanks for reading!",
           "Next week I will write about the garden and the tomatoes that finally turned red.",
           "The meeting starts at seven.", "Please bring a chair if you can.",
           "Our cat has learned to open the kitchen door, which is both impressive and a little "
           "worrying.",
           "Tomorrow should be sunny again.",
           "The train was late, as usual, but the view from the window made up for it.",
           "I finished the book last night.",
           "It is a quiet story about a lighthouse keeper and his daughter."],
    'de': ["Heute war ein warmer Tag.", "Wir gingen spazieren.", "Die Kirschbäume im Park fangen an zu blühen.",
           "Viele Leute freuten sich über die Blumen.", "Die Kinder spielten fröhlich.", "Ich habe Suppe gekocht.",
           "Meine Nachbarin hat mir ihr altes Fahrrad geliehen, also bin ich am Fluss entlang ins "
           "nächste Dorf gefahren.",
           "Die Bäckerei dort verkauft das beste Roggenbrot, das ich je gegessen habe.",
           "Am Nachmittag regnete es.",
           "Wir saßen unter der Brücke und warteten, bis der Schauer vorbei war.",
           "Niemand störte sich daran.", "Das ist mein erster Beitrag in diesem neuen Blog.",
           "Danke fürs Lesen!",
           "Nächste Woche schreibe ich über den Garten und die Tomaten, die endlich rot geworden sind.",
           "Das Treffen beginnt um sieben.", "Bitte bringt einen Stuhl mit, wenn ihr könnt.",
           "Morgen soll es wieder sonnig werden.", "Ich habe das Buch gestern Abend zu Ende gelesen."],
    'fr': ["Il faisait chaud aujourd'hui.", "Nous sommes sortis.", "Les cerisiers du parc commencent à fleurir.",
           "Beaucoup de gens ont admiré les fleurs.", "Les enfants ont joué joyeusement.", "J'ai fait une soupe.",
           "Ma voisine m'a prêté son vieux vélo pour le week-end, alors j'ai longé la rivière "
           "jusqu'au village voisin.",
           "La boulangerie y vend le meilleur pain de seigle que j'aie jamais mangé.",
           "Il a plu l'après-midi.",
           "Nous nous sommes abrités sous le pont en attendant la fin de l'averse.",
           "Personne ne s'en plaignait.", "C'est mon premier article sur ce nouveau blog.",
           "Merci de m'avoir lu !",
           "La semaine prochaine, je parlerai du jardin et des tomates qui ont enfin rougi.",
           "La réunion commence à sept heures.", "Apportez une chaise si vous pouvez.",
           "Demain, il devrait faire beau.", "J'ai fini le livre hier soir."],
    'es': ["Hoy hizo calor.", "Salimos a pasear.", "Los cerezos del parque empezaron a florecer.",
           "Mucha gente disfrutó de las flores.", "Los niños jugaron felices.", "Hice sopa.",
           "Mi vecina me prestó su vieja bicicleta para el fin de semana, así que fui por el río "
           "hasta el pueblo de al lado.",
           "La panadería de allí vende el mejor pan de centeno que he probado.", "Por la tarde llovió.",
           "Nos sentamos bajo el puente a esperar que pasara el chaparrón.", "A nadie le importó.",
           "Esta es mi primera entrada en este blog nuevo.", "¡Gracias por leer!",
           "La semana que viene escribiré sobre el huerto y los tomates que por fin se pusieron rojos.",
           "La reunión empieza a las siete.", "Traed una silla si podéis.",
           "Mañana volverá a hacer sol.", "Anoche terminé el libro."],
    'ru': ["Сегодня был тёплый день.", "Мы пошли гулять.", "В парке начали цвести вишни.",
           "Многие любовались цветами.", "Дети весело играли.", "Я сварил суп.",
           "Соседка одолжила мне свой старый велосипед на выходные, и я поехал вдоль реки в "
           "соседнюю деревню.",
           "Там в пекарне продают лучший ржаной хлеб, который я когда-либо ел.", "Днём пошёл дождь.",
           "Мы сидели под мостом и ждали, пока пройдёт ливень.", "Никто не возражал.",
           "Это моя первая запись в новом блоге.", "Спасибо, что читаете!",
           "На следующей неделе я напишу о саде и помидорах, которые наконец покраснели.",
           "Встреча начинается в семь.", "Принесите стул, если можете.",
           "Завтра снова обещают солнце.", "Вчера вечером я дочитал книгу."],
    'ja': ["今日は暖かい一日でした。", "散歩に出かけました。", "公園の桜が咲き始めました。",
           "多くの人が花見を楽しんでいます。", "子供たちは元気に遊んでいました。", "スープを作りました。",
           "隣の人が古い自転車を貸してくれたので、川沿いを走って隣の村まで行きました。",
           "そこのパン屋のライ麦パンは今まで食べた中で一番おいしいです。", "午後は雨が降りました。",
           "橋の下で雨がやむのを待ちました。", "誰も気にしませんでした。", "これは新しいブログの最初の記事です。",
           "読んでくれてありがとう。", "来週は庭とやっと赤くなったトマトについて書きます。",
           "会議は七時に始まります。", "明日はまた晴れるそうです。", "昨夜その本を読み終えました。"],
    'zh': ["今天天气很暖和。", "我们出去散步了。", "公园里的樱花开始开了。", "很多人在赏花。",
           "孩子们玩得很开心。", "我做了汤。", "邻居把她的旧自行车借给我过周末，我就沿着河骑到了隔壁村子。",
           "那里的面包店卖我吃过的最好吃的黑麦面包。", "下午下雨了。", "我们坐在桥下等雨停。",
           "没有人介意。", "这是我新博客的第一篇文章。", "谢谢阅读！", "下周我会写写花园和终于变红的番茄。",
           "会议七点开始。", "明天又会是晴天。", "昨晚我读完了那本书。"],
}
HEADLINE = {'en': "A walk by the river", 'de': "Ein Spaziergang am Fluss",
            'fr': "Une promenade au bord de la rivière", 'es': "Un paseo junto al río",
            'ru': "Прогулка у реки", 'ja': "川辺の散歩", 'zh': "河边散步"}
SUBHEAD = {'en': "In the afternoon", 'de': "Am Nachmittag", 'fr': "L'après-midi",
           'es': "Por la tarde", 'ru': "После обеда", 'ja': "午後のこと", 'zh': "下午"}
MENU = {'en': ["Home", "About me", "Archive", "Photos", "Contact"],
        'de': ["Startseite", "Über mich", "Archiv", "Fotos", "Kontakt"],
        'fr': ["Accueil", "À propos", "Archives", "Photos", "Contact"],
        'es': ["Inicio", "Sobre mí", "Archivo", "Fotos", "Contacto"],
        'ru': ["Главная", "Обо мне", "Архив", "Фото", "Контакты"],
        'ja': ["ホーム", "プロフィール", "アーカイブ", "写真", "お問い合わせ"],
        'zh': ["首页", "关于我", "归档", "相册", "联系"]}
FOOTERS = ["© 2024 Anna Berg", "Powered by Hugo", "Copyright 2023 Tom's notes", "Made with love in Lisbon"]
ITEMS = {'en': ["Bread", "Cheese and olives", "Two apples"], 'de': ["Brot", "Käse und Oliven", "Zwei Äpfel"],
         'fr': ["Du pain", "Du fromage et des olives", "Deux pommes"],
         'es': ["Pan", "Queso y aceitunas", "Dos manzanas"], 'ru': ["Хлеб", "Сыр и оливки", "Два яблока"],
         'ja': ["パン", "チーズとオリーブ", "りんご二つ"], 'zh': ["面包", "奶酪和橄榄", "两个苹果"]}
ROWS = {'en': [["Day", "Distance"], ["Monday", "12 km"], ["Tuesday", "8 km"]],
        'de': [["Tag", "Strecke"], ["Montag", "12 km"], ["Dienstag", "8 km"]],
        'fr': [["Jour", "Distance"], ["Lundi", "12 km"], ["Mardi", "8 km"]],
        'es': [["Día", "Distancia"], ["Lunes", "12 km"], ["Martes", "8 km"]],
        'ru': [["День", "Расстояние"], ["Понедельник", "12 км"], ["Вторник", "8 км"]],
        'ja': [["曜日", "距離"], ["月曜日", "12 km"], ["火曜日", "8 km"]],
        'zh': [["日期", "距离"], ["星期一", "12 公里"], ["星期二", "8 公里"]]}
CJK = {'ja', 'zh'}
SITE = "Anna's notebook"
# Chrome around the headline and the text: what it is, its markup and the
# text that must not come out.
CHROME = {
    "crumbs": ('<p><a href="/">Home</a> &rsaquo; <a href="/blog">Blog</a> &rsaquo; 2024</p>', "Home \u203a Blog"),
    "kicker": ("<p>Travel</p>", "Travel"),
    "dateline": ("<p>March 3, 2024</p>", "March 3, 2024"),
    "byline": ("<p>By Anna Berg</p>", "By Anna Berg"),
    "share": ('<p>Share this: <a href="https://x.com/share">X</a> '
              '<a href="https://facebook.com/share">Facebook</a></p>', "Share this"),
}

# Chrome written as sentences (English pages): a template's lines that read
# as prose, which no rule of punctuation tells apart from the text. The
# lines come after the text; the boxes (--boxes) after its wrapper.
SENTENCE_CHROME = {
    "posted": ("<p>Posted in Notes.</p>", ["Posted in Notes."]),
    "comment": ("<p>Leave a comment.</p>", ["Leave a comment."]),
    "about": ("<div><h3>About this blog</h3><p>I write about walks.</p></div>",
              ["About this blog", "I write about walks."]),
    "newsletter": ("<div><h3>Newsletter</h3><p>Sign up today.</p><p>We never send spam.</p></div>",
                   ["Newsletter", "Sign up today.", "We never send spam."]),
    "rights": ("<p>All rights reserved.</p>", ["All rights reserved."]),
}


def word_count(lang, s):
    return len(s) // 2 if lang in CJK else len(s.split())


def paragraph(r, lang):
    """One to three sentences, 3-40 words."""
    for _ in range(50):
        p = ("" if lang in CJK else " ").join(r.sample(SENTENCES[lang], r.choice([1, 1, 1, 2, 2, 3])))
        if 3 <= word_count(lang, p) <= 40:
            return p
    return SENTENCES[lang][0]


def page(r, r_tail, boxes=False):
    """A page and what its output must hold and leave out. r_tail draws
    the chrome written as sentences, boxes too with boxes (a stream of its
    own: the rest of each page is the same with it or without)."""
    lang = r.choice(sorted(SENTENCES))
    paras = list(dict.fromkeys(paragraph(r, lang) for _ in range(r.randint(1, 6))))  # a repeat goes, by design
    shape = dict(lang=lang, n=len(paras),
                 wrap=r.choice(["none", "main", "article", "div", "div.content"]),
                 form=r.choice(["p", "p", "p", "br", "td"]),
                 extra=r.choice(["none", "none", "list", "table", "quote", "h2"]),
                 menu=r.choice(["nav", "div", "ul", "none"]),
                 footer=r.choice(["footer", "div", "p", "none"]),
                 title=r.choice(["headline", "headline+site", "site"]),
                 chrome=r.choice(["none", "none", "dateline", "byline", "share", "crumbs", "kicker"]))
    tail = r_tail.choice(["none", "none", "posted", "comment", "rights"] +
                         (["about", "newsletter"] if boxes else []))
    if lang == "en" and tail != "none":
        shape["tail"] = tail
    headline = HEADLINE[lang]
    title = {"headline": headline, "headline+site": headline + " | " + SITE, "site": SITE}[shape["title"]]
    where = r.randint(1, len(paras))  # the extra part comes after this paragraph
    extra, extra_text = "", []
    if shape["extra"] == "list":
        extra = "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in ITEMS[lang]) + "</ul>"
        extra_text = ITEMS[lang]
    elif shape["extra"] == "table":
        extra = "<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                                    for row in ROWS[lang]) + "</table>"
        extra_text = [c for row in ROWS[lang] for c in row]
    elif shape["extra"] == "quote":
        q = r.choice([s for s in SENTENCES[lang] if s not in paras])
        extra, extra_text = f"<blockquote>{html.escape(q)}</blockquote>", [q]
    elif shape["extra"] == "h2":
        extra = f"<h2>{html.escape(SUBHEAD[lang])}</h2>"
        extra_text = [SUBHEAD[lang]] if where < len(paras) else []  # a heading heading nothing goes
    parts, run = [], []
    for i, p in enumerate(paras):
        if shape["form"] == "br":
            run.append(html.escape(p))
        else:
            parts.append(f"<p>{html.escape(p)}</p>")
        if i + 1 == where:
            if run:
                parts.append("<br><br>".join(run))
                run = []
            parts.append(extra)
    if run:
        parts.append("<br><br>".join(run))
    chrome, chrome_text = CHROME.get(shape["chrome"], ("", None))
    before = chrome if shape["chrome"] in ("crumbs", "kicker") else ""
    under = chrome if shape["chrome"] in ("dateline", "byline") else ""
    after = chrome if shape["chrome"] == "share" else ""
    body = f"{before}<h1>{html.escape(headline)}</h1>{under}\n" + "\n".join(parts) + after
    tail_html, tail_text = SENTENCE_CHROME.get(shape.get("tail"), ("", []))
    tail_inside = shape.get("tail") in ("posted", "comment")  # a post's own last lines
    if tail_inside:
        body += tail_html
    if shape["form"] == "td":
        body = f'<table><tr><td width="150"></td><td>{body}</td></tr></table>'
    body = {"none": "{}", "main": "<main>{}</main>", "article": "<article>{}</article>",
            "div": "<div>{}</div>", "div.content": '<div class="content">{}</div>'}[shape["wrap"]].format(body)
    links = "".join(f'<a href="/{i}">{html.escape(w)}</a> ' for i, w in enumerate(MENU[lang]))
    menu = {"nav": f"<nav>{links}</nav>", "div": f'<div class="menu">{links}</div>',
            "ul": "<ul>" + "".join(f'<li><a href="/{i}">{html.escape(w)}</a></li>'
                                   for i, w in enumerate(MENU[lang])) + "</ul>",
            "none": ""}[shape["menu"]]
    footer_text = r.choice(FOOTERS)
    footer = {"footer": "<footer>{}</footer>", "div": '<div class="footer">{}</div>', "p": "<p>{}</p>",
              "none": ""}[shape["footer"]].format(html.escape(footer_text))
    doc = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}'
           f"</title></head><body>\n{menu}\n{body}\n{'' if tail_inside else tail_html}{footer}\n</body></html>")
    want = dict(paras=paras, headline=headline, extra=extra_text,
                menu=MENU[lang] if shape["menu"] != "none" else [],
                footer=footer_text if shape["footer"] != "none" else None, chrome=chrome_text,
                tail=tail_text)
    return doc, shape, want


def squeeze(s):
    return " ".join(s.split())


def wrong(want, shape, result):
    """What is wrong with pith's result for the page: a list, empty when right."""
    text = squeeze(result.get("text") or "")
    lines = [squeeze(line) for line in (result.get("text") or "").split("\n") if line.strip()]
    bad = []
    for i, p in enumerate(want["paras"]):
        if squeeze(p) not in text:
            bad.append("missing-" + ("first" if i == 0 else "last" if i == len(want["paras"]) - 1 else "middle")
                       + "-paragraph")
    if want["headline"] not in text and want["headline"] not in (result.get("title") or ""):
        bad.append("missing-headline")
    if any(e not in text for e in want["extra"]):
        bad.append("missing-" + shape["extra"])
    if any(line in want["menu"] or line == " ".join(want["menu"]) for line in lines):
        bad.append("menu-kept")
    if want["footer"] and want["footer"] in text:
        bad.append("footer-kept")
    if want["chrome"] and want["chrome"] in text:
        bad.append(shape["chrome"] + "-kept")
    if any(t in text for t in want["tail"]):
        bad.append(shape["tail"] + "-kept")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pith")
    ap.add_argument("--pages", type=int, default=700, help="pages per seed (default 700)")
    ap.add_argument("--seeds", default="1,2,3", help="comma-separated seeds (default 1,2,3)")
    ap.add_argument("--keep", help="write the pages and pith's output here")
    ap.add_argument("--boxes", action="store_true",
                    help="English pages may also have an 'About this blog' or a newsletter box "
                         "(a heading and a sentence or two) after the text's wrapper (ctest runs "
                         "the pages with and without)")
    a = ap.parse_args()
    try:
        seeds = [int(s) for s in a.seeds.split(",")]
    except ValueError:
        ap.error("--seeds: comma-separated integers")
    if a.pages < 1:
        ap.error("--pages: at least 1")
    if not os.access(a.pith, os.X_OK):
        ap.error(f"{a.pith}: not an executable")
    tmp = tempfile.TemporaryDirectory(prefix="pith-plain-")
    out_dir = a.keep or tmp.name
    failures, causes, total = [], collections.Counter(), 0
    for seed in seeds:
        r = random.Random(seed)
        r_tail = random.Random(seed + 1000)
        d = os.path.join(out_dir, f"seed{seed}")
        os.makedirs(d, exist_ok=True)
        pages = {}
        for i in range(a.pages):
            doc, shape, want = page(r, r_tail, a.boxes)
            path = os.path.join(d, f"p{i:04d}.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(doc)
            pages[path] = (shape, want)
        run = subprocess.run([a.pith, "-f", "json", "-j", "1"] + sorted(pages), capture_output=True,
                             text=True, timeout=300)
        if a.keep:
            with open(os.path.join(d, "pith.jsonl"), "w", encoding="utf-8") as f:
                f.write(run.stdout)
        seen = set()
        for line in run.stdout.splitlines():
            result = json.loads(line)
            path = result["source_file"]
            seen.add(path)
            shape, want = pages[path]
            bad = wrong(want, shape, result)
            causes.update(bad)
            if bad:
                failures.append((path, bad, shape))
        for path in sorted(set(pages) - seen):
            failures.append((path, ["no-output"], pages[path][0]))
            causes["no-output"] += 1
        total += a.pages
    print(f"plain pages: {total} pages (seeds {a.seeds}), {len(failures)} wrong")
    for cause, n in causes.most_common():
        print(f"  {cause:24s} {n}")
    for path, bad, shape in failures[:40]:
        print(f"  {os.path.relpath(path, out_dir)}: {' '.join(bad)} {json.dumps(shape, ensure_ascii=False)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
