#!/usr/bin/env python3
"""Prints the structure of an HTML document or fragment read from stdin,
one line per element that makes structure: headings with their text, lists
(with an ordered list's start), items with their own text, tables row by
row (a cell spanning n columns counts as n cells), quotes, code blocks,
rules, links with their target and text, images. Two renderings of one
article have the same structure when they print the same lines (the Markdown
test compares cmark-gfm's rendering of pith's Markdown with this).
Paragraph wrappers, emphasis and captions are left out: Markdown has no
table captions, and a loose list wraps its items' text in <p>."""
import sys
from html.parser import HTMLParser


def norm(s):
    return " ".join(s.split())


class Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self.text = None  # collecting text for an open heading, item, cell, link
        self.stack = []  # (tag, line index, text so far)
        self.row = None

    def open_text(self, tag, line):
        self.stack.append([tag, line, []])

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "li", "a", "th", "td", "pre"):
            if tag == "a" and not a.get("href"):
                return
            label = tag
            if tag == "a":
                label = "a " + a["href"]
            self.lines.append(label)
            self.open_text(tag, len(self.lines) - 1)
            if tag in ("th", "td"):
                for _ in range(int(a.get("colspan", "1") or 1) - 1):
                    self.lines.append(tag)
        elif tag == "ol":
            self.lines.append("ol start=%s" % (a.get("start") or "1"))
        elif tag in ("ul", "table", "blockquote", "tr"):
            self.lines.append(tag)
        elif tag == "hr":
            self.lines.append("hr")
        elif tag == "img":
            self.lines.append("img %s alt=%s" % (a.get("src", ""), a.get("alt", "")))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol", "table", "blockquote", "tr"):
            self.lines.append("/" + tag)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                t, line, words = self.stack.pop(i)
                text = "".join(words)
                text = text.rstrip("\n") if tag == "pre" else norm(text)
                if tag == "pre":
                    text = text.replace("\n", "\\n")
                self.lines[line] += " " + text if text else ""
                break

    def handle_data(self, data):
        for entry in self.stack:
            # An item's own text stops where its nested list starts.
            if entry[0] == "li" and any(l.startswith(("ul", "ol")) for l in self.lines[entry[1] + 1:]):
                continue
            entry[2].append(data)


p = Structure()
p.feed(sys.stdin.read())
p.close()
print("\n".join(p.lines))
