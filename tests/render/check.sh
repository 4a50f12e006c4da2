#!/usr/bin/env bash
# Parses the renderers' output back (ctest runs `bash check.sh PATH/TO/test_render`):
# the sample article (tests/unit/test_render.c: every block type) as JSON
# through python3's json module, XML through xmllint, HTML through python3's
# html.parser, and Markdown through cmark-gfm -e table, whose HTML must have
# the same structure as pith's own HTML (also for random trees: structure.py).
# A missing tool skips its part.
set -u
bin=${1:?usage: $0 PATH/TO/test_render}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0 skipped=0

check() { # NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
  fi
}
is() { [ "$1" == "$2" ] || { echo "  got '$1', want '$2'"; return 1; }; }

for f in markdown html xml json text; do
  "$bin" print $f >"$tmp/out.$f" || { echo "FAIL: print $f"; exit 1; }
done

# JSON: one valid object on one line, with the tree's blocks in order.
check "json: one line" is "$(wc -l <"$tmp/out.json" | tr -d ' ')" 1
types=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(b["type"] for b in d["blocks"]), "|", "markdown" in d, "comments" in d)' "$tmp/out.json")
check "json: valid, blocks in order" is "$types" \
  "heading paragraph paragraph list table quote code figure separator paragraph | True True"

# XML: well-formed, and the tree where the schema says.
if command -v xmllint >/dev/null; then
  check "xml: well-formed" xmllint --noout "$tmp/out.xml"
  count() { xmllint --xpath "$1" "$tmp/out.xml"; }
  check "xml: items" is "$(count 'count(//item)')" 5
  check "xml: nested list" is "$(count 'count(//list/item/list)')" 1
  check "xml: header row" is "$(count 'count(//table/row[@header="true"]/cell)')" 3
  check "xml: colspan" is "$(count 'string(//cell[@colspan="2"])')" "North | South"
  check "xml: code language" is "$(count 'string(//pre/@language)')" c
  check "xml: figure" is "$(count 'string(//figure/credit)')" "J. Doe"
  check "xml: link" is "$(count 'string(//p/link/@href)')" "https://example.org/puffins"
  check "xml: comments" is "$(count 'count(/article/comments/p)')" 2
else
  echo "skip: xmllint not installed (Debian: libxml2-utils)"
  skipped=$((skipped + 1))
fi

# The structure of an HTML document: elements in order, with their
# attributes; text left out. Checks that every element is closed.
structure() {
  python3 -c '
import sys
from html.parser import HTMLParser
VOID = {"br", "img", "hr", "meta"}
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.out = [], []
    def handle_starttag(self, tag, attrs):
        if tag in ("html", "head", "body", "meta", "title", "article", "section", "p"):
            pass  # differs between a document and cmark-gfm, or by tightness
        else:
            self.out.append(tag + "".join(" %s=%s" % a for a in sorted(attrs) if a[0] != "class"))
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()
    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            sys.exit("unbalanced </%s>" % tag)
p = P()
p.feed(sys.stdin.read())
p.close()
if p.stack:
    sys.exit("unclosed: %s" % p.stack)
print("\n".join(p.out))'
}

check "html: balanced" structure <"$tmp/out.html" >"$tmp/html.structure"
check "html: doctype" is "$(head -c 15 "$tmp/out.html")" "<!DOCTYPE html>"

# Markdown: cmark-gfm reads the same structure as pith's own HTML; the
# code block's language comes through as its class.
if command -v cmark-gfm >/dev/null; then
  cmark-gfm --unsafe -e table <"$tmp/out.markdown" >"$tmp/cmark.html"
  check "markdown: cmark-gfm reads it" structure <"$tmp/cmark.html" >"$tmp/cmark.structure"
  # Where the two differ by design: Markdown writes a caption and a figure's
  # words as paragraphs, a colspan as empty cells, and puts a rule before
  # the comments (HTML: a <section>).
  grep -v -e '^caption' -e '^figure' -e '^figcaption' "$tmp/html.structure" |
    sed 's/^td colspan=2$/td\ntd/' >"$tmp/html.cmp"
  tac "$tmp/cmark.structure" | sed '0,/^hr$/{/^hr$/d}' | tac >"$tmp/cmark.cmp"
  check "markdown: same structure as html" diff "$tmp/html.cmp" "$tmp/cmark.cmp"
  check "markdown: code language" grep -q '<pre><code class="language-c">' "$tmp/cmark.html"
  check "markdown: ordered list start" grep -q '<ol start="3">' "$tmp/cmark.html"
  check "markdown: colspan cell text" grep -q '<td>North | South</td>' "$tmp/cmark.html"
  # Escaping: random text full of Markdown's special characters reads back
  # as that text, in paragraphs and headings and nothing else; as runs with
  # links, styles and breaks, the same words come out (white space aside)
  # with no marker left over as text.
  reads_back() { # NAME MARKDOWN-MODE TEXTS-MODE ONLY-BLOCKS
    "$bin" escaping "$3" 2000 >"$tmp/texts"
    "$bin" escaping "$2" 2000 | cmark-gfm --unsafe -e table -e strikethrough >"$tmp/escaped.html"
    check "$1" python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.bad, self.depth = [], set(), 0
    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h2") and not self.depth:
            self.blocks.append("")
        elif sys.argv[3] == "only-blocks":
            self.bad.add(tag)
        if tag in ("p", "h2"):
            self.depth += 1
    def handle_endtag(self, tag):
        if tag in ("p", "h2"):
            self.depth -= 1
    def handle_data(self, data):
        if self.depth:
            self.blocks[-1] += data
        elif data.strip():
            self.bad.add("text outside a block")
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
norm = lambda s: " ".join(s.split())  # white space: tabs, breaks, ends
want = [norm(w) for w in open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]]
want = [w for w in want if w]  # blank blocks are left out
if p.bad:
    sys.exit("markup from text: %s" % sorted(p.bad))
for got, w in zip(p.blocks, want):
    if norm(got) != w:
        sys.exit("got %r, want %r" % (norm(got), w))
if len(p.blocks) != len(want):
    sys.exit("%d blocks, want %d" % (len(p.blocks), len(want)))' "$tmp/escaped.html" "$tmp/texts" "$4"
  }
  reads_back "markdown: escaped text reads back as itself" markdown texts only-blocks
  reads_back "markdown: styled runs read back as their text" runs-markdown runs-texts any-inline
  check "markdown: random trees read back with the html's structure" \
    python3 "$(dirname "$0")/structure.py" "$bin" 300
else
  echo "skip: cmark-gfm not installed (Debian: cmark-gfm)"
  skipped=$((skipped + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
