"""The Markdown of a page says what its text says: for each page given (the
golden pages, written for the tests), `pith -f markdown` read back by
cmark-gfm holds the same words, in the same order, as `pith` (text): no word
lost, doubled, split or glued to its neighbour by the escaping, the emphasis
or the links (tables' captions too: a paragraph before the table in
both). Also with --formatting, and in the JSON's "markdown".

    python3 roundtrip.py PATH/TO/pith PAGE.html...

Exit 0 when every page agrees; prints the first difference of each that does
not. Skipped (exit 0, said) without cmark-gfm.
"""
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

# Where a reader sees a boundary between words: blocks, cells, breaks.
BOUNDARIES = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "pre",
              "blockquote", "br", "hr", "table", "ul", "ol"}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BOUNDARIES:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.handle_starttag(tag, [])

    def handle_data(self, data):
        self.parts.append(data)


def words(text):
    return re.findall(r"\w+", text)


def markdown_words(markdown):
    html = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough"],
                          input=markdown, capture_output=True, check=True).stdout
    p = Text()
    p.feed(html.decode("utf-8"))
    p.close()
    return words("".join(p.parts))


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return "word %d: %r in the text, %r in the markdown (after %s)" % (
                i, x, y, " ".join(a[max(0, i - 4):i]))
    return "the text has %d words, the markdown %d" % (len(a), len(b))


def main():
    pith, pages = sys.argv[1], sys.argv[2:]
    if not shutil.which("cmark-gfm"):
        print("skip: cmark-gfm not installed (Debian: cmark-gfm)")
        return 0
    failed = checked = 0
    for page in pages:
        run = lambda *args: subprocess.run([pith, "-q", *args, page], capture_output=True).stdout
        text = words(run().decode("utf-8"))
        if not text:
            continue
        outputs = {
            "markdown": run("-f", "markdown"),
            "markdown --formatting": run("-f", "markdown", "--formatting"),
        }
        doc = json.loads(run("-f", "json", "--json-markdown", "--json-tree"))
        title = words(doc.get("title", ""))
        read_back = markdown_words

        for name, md in outputs.items():
            checked += 1
            got = read_back(md)
            if got != text:
                failed += 1
                print("FAIL %s, %s: %s" % (page, name, first_difference(text, got)))
        checked += 1
        got = read_back(doc.get("markdown", "").encode("utf-8"))
        want = words(doc.get("text", ""))
        if got != want:
            failed += 1
            print("FAIL %s, json markdown: %s" % (page, first_difference(want, got)))
        if text[:len(title)] != title:
            print("note: %s: the text does not start with the title" % page)
    print("%d passed, %d failed" % (checked - failed, failed))
    return 1 if failed or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
