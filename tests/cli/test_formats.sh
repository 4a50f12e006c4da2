#!/usr/bin/env bash
# The output formats on pages written for the test (tests/formats/): every
# block type (nested lists, a table with a header row and a colspan, a quote,
# a code block, a figure with a caption, links relative to --url) in text,
# markdown, html, xml and json. Exact outputs are in tests/formats/*.expected
# (PITH_GOLDEN_UPDATE=1 rewrites them; read the diff before committing).
# Beyond the exact text: the JSON parses, the XML is well-formed, and the
# Markdown, parsed back by cmark-gfm, has the same headings, lists, tables
# and links as the article (tests/formats/structure.structure, written by
# hand from the page).
formats=$(cd "$(dirname "$0")/../formats" && pwd)
. "$(dirname "$0")/lib.sh"
url=https://garden.example.org/articles/tomatoes.html
cp "$formats/structure.html" "$formats/structure_of.py" .

# golden NAME ARGS...: pith ARGS must print exactly formats/NAME.expected.
golden() {
  local name=$1
  shift
  run "$@"
  if [ "${PITH_GOLDEN_UPDATE:-0}" = 1 ]; then
    cp .out "$formats/$name.expected"
  fi
  check "$name: exit 0" is "$rc" 0
  check "$name: as expected" cmp -s .out "$formats/$name.expected"
  [ -f "$formats/$name.expected" ] && ! cmp -s .out "$formats/$name.expected" &&
    diff -u "$formats/$name.expected" .out | head -40
  return 0
}
structure() { python3 structure_of.py; }
has_tool() { command -v "$1" >/dev/null 2>&1; }

golden structure.txt --url $url structure.html
golden structure.md --format markdown --url $url structure.html
md=$out
golden structure.html.out --format html --url $url structure.html
html=$out
golden structure.xml --format xml --url $url structure.html
xml=$out
golden structure.json --format json --json-tree --json-markdown --images --url $url structure.html
json=$out

# Markdown parses back to the article's structure; so does the HTML.
if has_tool cmark-gfm; then
  printf '%s\n' "$md" | cmark-gfm -e table >md.html
  check "markdown: cmark-gfm structure is the article's" \
    is "$(structure <md.html)" "$(cat "$formats/structure.structure")"
  [ "$(structure <md.html)" == "$(cat "$formats/structure.structure")" ] ||
    diff -u "$formats/structure.structure" <(structure <md.html) | head -30
else
  check "cmark-gfm is installed (apt-get install cmark-gfm)" false
fi
# The bundled example: its Markdown and its HTML say the same.
example=$formats/../../examples/article.html
if has_tool cmark-gfm && [ -f "$example" ]; then
  run --format markdown "$example"
  printf '%s\n' "$out" | cmark-gfm -e table >example.html
  run --format html "$example"
  check "example: markdown and html have one structure" \
    is "$(structure <example.html)" "$(printf '%s' "$out" | structure)"
  check "example: has headings and a list" contains "$(structure <example.html)" "h2 A long campaign"
fi
check "html: structure is the article's" \
  is "$(printf '%s' "$html" | structure)" "$(cat "$formats/structure.structure")"
check "html: a document" contains "$html" "<!DOCTYPE html>"
check "html: the title" contains "$html" "<title>Growing Tomatoes on a Balcony</title>"
check "html: no script" lacks "$html" "<script"
check "html: no style" lacks "$html" "<style"
check "html: no other attributes" is \
  "$(printf '%s' "$html" | grep -o '<[a-z0-9]* [a-z-]*=' | grep -v -E ' (href|src|alt|colspan|rowspan|start)=$' | grep -v '^<meta charset=$' | sort -u)" ""
if has_tool xmllint; then
  check "html: parses" sh -c 'xmllint --html --noout - <.out 2>/dev/null || xmllint --html --noout .out'
  run --format xml --url $url structure.html
  check "xml: well-formed" xmllint --noout .out
else
  check "xmllint is installed (apt-get install libxml2-utils)" false
fi
check "xml: holds the table" contains "$xml" "Days to harvest"
if has_tool xmllint; then
  run --format xml --url $url structure.html "$example"
  check "xml, two inputs: one well-formed document" xmllint --noout .out
  check "xml, two inputs: inside <articles>" is "$(grep -c '^<article ' .out)" 2
fi

# JSON: valid, every block type in "blocks", the markdown inside.
check "json: valid" valid_json "$json"
types=$(printf '%s' "$json" | python3 -c '
import json, sys
def walk(blocks):
    for b in blocks:
        yield b["type"]
        for key in ("blocks",):
            yield from walk(b.get(key, []))
        for item in b.get("items", []):
            yield from walk(item)
print(" ".join(sorted(set(walk(json.load(sys.stdin)["blocks"])))))')
check "json: every block type" is "$types" "code figure heading list paragraph quote separator table"
check "json: markdown field" contains "$(json_get "$json" markdown)" "| Tiny Tim |"
check "json: text unchanged by the tree" is "$(json_get "$json" text)" \
  "$("$pith" --no-title --url $url structure.html)"

# Options.
run --format markdown --images --formatting --no-links --url $url structure.html
check "markdown --images: the figure" contains "$out" \
  "![Ripe tomatoes on the vine](https://garden.example.org/articles/images/tomatoes.jpg)"
check "markdown --images: the caption" contains "$out" "Cherry tomatoes ripen first"
check "markdown --formatting: emphasis" contains "$out" "*at least six hours*"
check "markdown --formatting: strong" contains "$out" "**deep container**"
check "markdown --no-links: no link" lacks "$out" "](https://garden.example.org/guides"
check "markdown --no-links: the words" contains "$out" "beginners' series"
run --format markdown --url $url structure.html
check "markdown: no images by default" lacks "$out" "tomatoes.jpg"
check "markdown: no emphasis by default" lacks "$out" "*at least"
check "markdown: inline code kept" contains "$out" 'water day'
for f in text markdown html xml json; do
  run --format $f --no-tables --url $url structure.html
  check "$f --no-tables: no table" lacks "$out" "Tiny Tim"
  check "$f --no-tables: the rest" contains "$out" "Fill the pot"
done

# Comments: a field of their own, never in the text.
cp "$formats/../golden/blog_comments.html" .
run --format json --comments blog_comments.html
check "comments: valid json" valid_json "$out"
check "comments: in their field" contains "$(json_get "$out" comments)" "retarding the dough"
check "comments: not in the text" lacks "$(json_get "$out" text)" "retarding the dough"
run --format json blog_comments.html
check "comments: absent unless asked" is "$(json_get "$out" comments)" "<absent>"
run --comments blog_comments.html
check "comments (text): after the article" contains "$out" "retarding the dough"
run blog_comments.html
check "comments (text): not by default" lacks "$out" "retarding the dough"

# An option that does nothing in the format asked for is said, not refused;
# so is an --url that links cannot be resolved against.
page opt.html "Opt title" optmarker
run --json-tree opt.html
check "--json-tree with text: exit 0" is "$rc" 0
check "--json-tree with text: said" is "$err" "pith: --json-tree is for -f json; ignored with -f text"
check "--json-tree with text: the text still out" contains "$out" optmarker
run --json-markdown -f md opt.html
check "--json-markdown with markdown: said" is "$err" "pith: --json-markdown is for -f json; ignored with -f markdown"
run --fragment -f json opt.html
check "--fragment with json: said" is "$err" "pith: --fragment is for -f html; ignored with -f json"
run --fragment -f html --json-tree -f json --json-markdown opt.html
check "the last -f counts: --fragment said" is "$err" "pith: --fragment is for -f html; ignored with -f json"
run --url example.org/a.html opt.html
check "--url without a scheme: said" is "$err" "pith: --url example.org/a.html is no absolute address (https://host/path): links and images are not resolved against it"
run -q --url example.org/a.html --json-tree opt.html
check "-q: nothing said" is "$err" ""
run --url https://example.org/a.html -f html --fragment opt.html
check "options that apply: nothing said" is "$err" ""

finish
