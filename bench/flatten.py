#!/usr/bin/env python3
"""Flatten HTML pages to text the way a crawl's WET file holds them.

  bench/flatten.py [-o OUTDIR] PAGE_OR_DIR...

Every visible text run of the page, a line per block element, per <br> and
per line break of the page's source text, navigation, menus and footers
included; nothing of <head>, <script>, <style>, <template>, <svg>, <math>,
<object>, nor of <noscript> (flat-scrapinghub's text leaves it out: showing
it matches 154 of its 181 pages line for line instead of 171). Other
whitespace runs become one space; empty lines are dropped; lines are
separated by a blank line, as in ../shared/data/flat-scrapinghub/text/. The
page is decoded with its charset: a BOM, else a <meta charset> or
http-equiv in its first 4 KB, else UTF-8 when it decodes, else
windows-1252 (as browsers read "iso-8859-1").

Pages may be gzip-compressed (.gz). With -o each PAGE.html[.gz] becomes
OUTDIR/PAGE.txt; without it one page is written to standard output.
Python standard library only (html.parser). The bench --flat-wcxb of
bench/quality.py runs it over wcxb-dev: text mode on pages it was not tuned on.
"""
import argparse
import codecs
import gzip
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

# Elements whose start and end break the line (HTML's block-level and
# table/list/form structure).
BLOCK = frozenset("""
address article aside blockquote body caption center dd details dialog dir div dl dt
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li
main menu nav ol p pre section summary table tbody td tfoot th thead tr ul
option select textarea button label video audio canvas
""".split())
# Elements whose content is not shown.
HIDDEN = frozenset("script style template noscript svg math object head title".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
WS = re.compile(r"\s+")
NL = re.compile(r"[\r\n]")


def charset_of(raw):
    """The page's encoding: BOM, then <meta> in the first 4 KB; None when undeclared."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return enc
    m = META_CHARSET.search(raw[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        return "cp1252"  # as browsers read them
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(raw):
    enc = charset_of(raw)
    if enc and enc not in ("utf-8", "utf-8-sig"):
        return raw.decode(enc, "replace")
    try:
        return raw.decode(enc or "utf-8")
    except UnicodeDecodeError:
        # Declared (or assumed) UTF-8 that is not: read as windows-1252.
        return raw.decode("cp1252", "replace")


class Flattener(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self.cur = []
        self.hidden = []  # stack of open hidden elements

    def brk(self):
        for piece in NL.split("".join(self.cur)):
            line = WS.sub(" ", piece).strip()
            if line:
                self.lines.append(line)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag == "body" and "head" in self.hidden:
            self.hidden = []  # an unclosed <head> ends at <body>
        if self.hidden:
            if tag in HIDDEN and tag not in VOID:
                self.hidden.append(tag)
            return
        if tag in HIDDEN:
            self.hidden.append(tag)
        elif tag in BLOCK or tag == "br":
            self.brk()

    def handle_startendtag(self, tag, attrs):
        if not self.hidden and (tag in BLOCK or tag == "br"):
            self.brk()

    def handle_endtag(self, tag):
        if self.hidden:
            if tag in self.hidden:
                while self.hidden and self.hidden.pop() != tag:
                    pass
            return
        if tag in BLOCK or tag == "br":
            self.brk()

    def handle_data(self, data):
        if not self.hidden:
            self.cur.append(data)

    def text(self):
        self.brk()
        return "".join(l + "\n\n" for l in self.lines)[:-1] if self.lines else ""


def flatten_bytes(raw):
    p = Flattener()
    p.feed(decode(raw))
    p.close()
    return p.text()


def read_page(path):
    raw = Path(path).read_bytes()
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw


def out_name(path):
    name = Path(path).name
    for ext in (".gz", ".html", ".htm"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    return name + ".txt"


def pages_of(args):
    for a in args:
        p = Path(a)
        if p.is_dir():
            yield from sorted(q for q in p.iterdir() if q.is_file())
        else:
            yield p


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.split("\n")[2:]))
    ap.add_argument("-o", "--output-dir", type=Path, help="write PAGE.txt files here")
    ap.add_argument("pages", nargs="+", help="HTML pages (.gz too) or directories of them")
    a = ap.parse_args(argv)
    pages = list(pages_of(a.pages))
    if a.output_dir is None:
        if len(pages) != 1:
            ap.error("several pages want -o DIR")
        sys.stdout.write(flatten_bytes(read_page(pages[0])))
        return 0
    a.output_dir.mkdir(parents=True, exist_ok=True)
    for p in pages:
        (a.output_dir / out_name(p)).write_text(flatten_bytes(read_page(p)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
