#!/usr/bin/env bash
# Inputs: standard input (plain and gzip), "-", .html.gz files, several
# files, directories searched recursively for page files only.
. "$(dirname "$0")/lib.sh"

page a.html "Alpha title" alphamarker
page b.htm "Beta title" betamarker
gzip -c a.html >a.html.gz
cp a.html.gz a-gz-no-suffix.html # gzip recognised by its bytes, not its name

# Standard input, with no argument and with "-".
run <a.html
check "stdin: exit 0" is "$rc" 0
check "stdin: text" contains "$out" alphamarker
check "stdin: title first" is "$(printf '%s\n' "$out" | head -1)" "Alpha title"
check "stdin: no stderr" is "$err" ""
run - <a.html
check "dash: exit 0" is "$rc" 0
check "dash: text" contains "$out" alphamarker
# Standard input is read once: "-" twice is refused (the second was an
# empty page, failed).
run - - <a.html
check "dash twice: exit 2" is "$rc" 2
check "dash twice: nothing out" is "$out" ""
check "dash twice: says so" contains "$err" "pith: - (standard input) given twice: it is read once"
run <a.html.gz
check "gzip stdin: exit 0" is "$rc" 0
check "gzip stdin: text" contains "$out" alphamarker
run - <a.html.gz
check "gzip dash: text" contains "$out" alphamarker
check "gzip dash: no binary junk" lacks "$out" $'\x1f'

# Files.
run a.html
plain=$out
check "file: exit 0" is "$rc" 0
run a.html.gz
check "html.gz file: exit 0" is "$rc" 0
check "html.gz file: same as plain" is "$out" "$plain"
run a-gz-no-suffix.html
check "gzip bytes in .html file: same as plain" is "$out" "$plain"
run b.htm
check ".htm file" contains "$out" betamarker

# Several files: all of them, in order.
run a.html b.htm a.html.gz
check "several: exit 0" is "$rc" 0
check "several: alpha" contains "$out" alphamarker
check "several: beta" contains "$out" betamarker
check "several: three titles" is "$(printf '%s\n' "$out" | grep -c '^[AB][a-z]* title$')" 3
check "several: in order" is "$(printf '%s\n' "$out" | grep -o '^[AB][a-z]* title$' | tr '\n' ,)" \
  "Alpha title,Beta title,Alpha title,"

# A directory, searched recursively; only page files are read.
mkdir -p site/sub/deeper site/empty
page site/one.html "One" onemarker
page site/two.HTM "Two" twomarker
page site/sub/three.xhtml "Three" threemarker
page site/sub/deeper/four.html "Four" fourmarker
page site/sub/five.htm "Five" fivemarker
page site/sub/deeper/six.xhtml "Six" sixmarker
page tmp-seven.html "Seven" sevenmarker
gzip -c tmp-seven.html >site/sub/seven.html.gz
page tmp-eight.html "Eight" eightmarker
gzip -c tmp-eight.html >site/eight.htm.gz
page tmp-nine.html "Nine" ninemarker
gzip -c tmp-nine.html >site/sub/deeper/nine.xhtml.gz
page site/notes.txt "Txt" txtmarker
page site/style.css "Css" cssmarker
page site/sub/page.html.bak "Bak" bakmarker
page site/sub/data.json "Json" jsonmarker
run site
check "dir: exit 0" is "$rc" 0
check "dir: no error messages" is "$msgs" ""
for m in one two three four five six seven eight nine; do
  check "dir: ${m}marker read" contains "$out" "${m}marker"
done
for m in txt css bak json; do
  check "dir: ${m}marker ignored" lacks "$out" "${m}marker"
done
check "dir: each page once" is "$(printf '%s\n' "$out" | grep -c 'marker')" 9

# An empty directory, and one with no page files: nothing to do, no
# error, but a line saying so (a mistyped directory, pages named .php).
mkdir -p void only-txt
page only-txt/readme.txt "Txt" txtmarker
run void
check "empty dir: exit 0" is "$rc" 0
check "empty dir: no output" is "$out" ""
check "empty dir: said once" is "$err" "pith: void: nothing to read: no .html, .htm or .xhtml file (or .gz) nor WARC/WET file in it (a file named is read whatever its name)"
run only-txt
check "dir without pages: exit 0" is "$rc" 0
check "dir without pages: no output" is "$out" ""
check "dir without pages: said" contains "$err" "pith: only-txt: nothing to read"
run -q only-txt
check "dir without pages, -q: quiet" is "$err" ""
run --text only-txt
check "dir without pages, --text: its .txt read" contains "$out" txtmarker
check "dir without pages, --text: nothing said" is "$msgs" ""
run site site
check "dir given twice: nothing said" is "$msgs" ""

# A directory and a file together.
run a.html site/sub/deeper
check "dir+file: exit 0" is "$rc" 0
check "dir+file: file" contains "$out" alphamarker
check "dir+file: dir" contains "$out" fourmarker
check "dir+file: not outside the dir" lacks "$out" onemarker

# Files that are not pages nor prose (an SVG image, a feed, a style sheet,
# a script, JSON) named as inputs: each skipped with what it is, counted
# as "not-html" in the summary, no failure; prose still goes to text mode.
printf '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><use xlink:href="#hole"/></svg>\n' >logo.svg
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>\n' >feed.xml
printf 'body { margin: 0; }\n.a p {\n  line-height: 1.5;\n}\n' >style.css
printf 'function f(a) {\n  return "<p>" + a;\n}\n' >app.js
printf '{"title": "Hello", "items": [1, 2]}\n' >data.json
printf 'Harbour news\n\nThe ferry to the island runs again from Monday; tickets {at the quay}.\n' >note.txt
run -f json logo.svg feed.xml style.css app.js data.json note.txt
check "not pages: exit 0" is "$rc" 0
check "not pages: svg said" contains "$err" "pith: logo.svg: skipped: an SVG image, not a page"
check "not pages: feed said" contains "$err" "pith: feed.xml: skipped: XML that is not XHTML, not a page"
check "not pages: css said" contains "$err" "pith: style.css: skipped: code (CSS or JavaScript), not a page"
check "not pages: js said" contains "$err" "pith: app.js: skipped: code (CSS or JavaScript), not a page"
check "not pages: json said" contains "$err" "pith: data.json: skipped: JSON data, not a page"
check "not pages: counted" contains "$err" "6 read: 1 extracted, 5 skipped (not-html 5), 0 failed"
check "not pages: no junk title" lacks "$out" "xlink"
check "not pages: one output, the prose" is "$(printf '%s\n' "$out" | grep -c .)" 1
check "not pages: prose kept" contains "$out" "ferry to the island"

finish
