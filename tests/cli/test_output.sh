#!/usr/bin/env bash
# Outputs: -o, --output-dir (names, sub-paths, formats, creating the
# directory), --format json, --no-title, and a page without main content.
. "$(dirname "$0")/lib.sh"

page a.html "Alpha title" alphamarker
page b.html "Beta title" betamarker
gzip -c b.html >c.html.gz
mkdir -p site/sub
page site/top.htm "Top" topmarker
page site/sub/inner.html "Inner" innermarker

# Default text: the title, a blank line, the blocks separated by blank lines.
run a.html
check "text: exit 0" is "$rc" 0
check "text: title line" is "$(printf '%s\n' "$out" | sed -n 1p)" "Alpha title"
check "text: blank after title" is "$(printf '%s\n' "$out" | sed -n 2p)" ""
check "text: first block" contains "$(printf '%s\n' "$out" | sed -n 3p)" alphamarker
check "text: blank between blocks" is "$(printf '%s\n' "$out" | sed -n 4p)" ""
check "text: second block" contains "$(printf '%s\n' "$out" | sed -n 5p)" "The second paragraph"
check "text: h1 not repeated" is "$(printf '%s\n' "$out" | grep -c 'Alpha title')" 1
check "text: no menu" lacks "$out" "About"
check "text: no footer" lacks "$out" "Copyright"
check "text: ends with one newline" is "$(tail -c 1 .out | od -An -c | tr -d ' ')" '\n'
with_title=$out

run --no-title a.html
check "no-title: exit 0" is "$rc" 0
check "no-title: no title" lacks "$out" "Alpha title"
check "no-title: starts with the body" contains "$(printf '%s\n' "$out" | head -1)" alphamarker
check "no-title: rest is the same" is "$out" "$(printf '%s\n' "$with_title" | tail -n +3)"

# JSON.
run --format json a.html
check "json: exit 0" is "$rc" 0
check "json: one line" lines "$out" 1
check "json: valid" valid_json "$out"
check "json: title" is "$(json_get "$out" title)" "Alpha title"
check "json: text" contains "$(json_get "$out" text)" alphamarker
check "json: text has no title" lacks "$(json_get "$out" text)" "Alpha title"
check "json: text blocks" contains "$(json_get "$out" text)" $'prose, with a full sentence or two.\n\nThe second'
check "json: no url unless given" is "$(json_get "$out" url)" "<absent>"
run -f json --url 'https://example.org/news/a?x=1&y="2"' a.html
check "json url: valid" valid_json "$out"
check "json url: url" is "$(json_get "$out" url)" 'https://example.org/news/a?x=1&y="2"'
run -f json a.html b.html c.html.gz
check "json several: exit 0" is "$rc" 0
check "json several: three lines" lines "$out" 3
n=0
while IFS= read -r line; do
  n=$((n + 1))
  check "json several: line $n valid" valid_json "$line"
done <<<"$out"
check "json several: order" is "$(printf '%s\n' "$out" | while IFS= read -r l; do json_get "$l" title; echo; done | tr '\n' ,)" \
  "Alpha title,Beta title,Beta title,"

# -o FILE.
run -o out.txt a.html
check "-o: exit 0" is "$rc" 0
check "-o: nothing on stdout" is "$out" ""
check "-o: file written" is "$(cat out.txt)" "$with_title"
run --output=out.json --format=json a.html
check "-o json: valid" valid_json "$(cat out.json)"
run -o out2.txt <a.html
check "-o from stdin" file_has out2.txt alphamarker
# Several inputs to -o's file: what standard output would get.
run -f json a.html b.html site
stdout_json=$out
run -f json -o many.jsonl a.html b.html site
check "-o several inputs and a directory: exit 0" is "$rc" 0
check "-o several inputs and a directory: as on stdout" is "$(cat many.jsonl)" "$stdout_json"
check "-o several inputs and a directory: a line each" lines "$(cat many.jsonl)" "$(printf '%s\n' "$stdout_json" | wc -l)"
run -o both.txt --output-dir outd a.html
check "-o and -d: exit 2" is "$rc" 2
check "-o and -d: no output dir" test ! -e outd

# --output-dir.
run --output-dir out a.html c.html.gz
check "-d: exit 0" is "$rc" 0
check "-d: nothing on stdout" is "$out" ""
check "-d: a.txt" is "$(cat out/a.txt 2>/dev/null)" "$with_title"
check "-d: c.txt from c.html.gz" file_has out/c.txt betamarker
check "-d: no other files" is "$(ls out | tr '\n' ' ')" "a.txt c.txt "
run -d out-json -f json a.html b.html
check "-d json: exit 0" is "$rc" 0
check "-d json: a.json valid" valid_json "$(cat out-json/a.json 2>/dev/null)"
check "-d json: b.json title" is "$(json_get "$(cat out-json/b.json 2>/dev/null)" title)" "Beta title"
run --output-dir new/nested/deep site a.html
check "-d dir: exit 0" is "$rc" 0
check "-d dir: created, nested" test -d new/nested/deep
check "-d dir: top-level page" file_has new/nested/deep/top.txt topmarker
check "-d dir: sub-path kept" file_has new/nested/deep/sub/inner.txt innermarker
check "-d dir: file input" file_has new/nested/deep/a.txt alphamarker
run --output-dir=site-out ./site
check "-d ./dir: sub-path kept" file_has site-out/sub/inner.txt innermarker
touch not-a-dir
run -d not-a-dir a.html
check "-d onto a file: fails" test "$rc" -ne 0
check "-d onto a file: names it" contains "$err" not-a-dir

# A page without main content: an empty text, not an error.
cat >nothing.html <<'HTML'
<!DOCTYPE html>
<html><head><title>Example Media</title></head>
<body>
<div class="top"><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/contact">Contact us</a></li>
</ul></div>
<div class="bottom"><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a>
<p>Copyright 2024 Example Media Ltd.</p></div>
</body></html>
HTML
run nothing.html
check "no content: exit 0" is "$rc" 0
check "no content: no stderr" is "$err" ""
check "no content: no menu" lacks "$out" "Business"
check "no content: no footer" lacks "$out" "Privacy"
check "no content: at most the title" is "$(printf '%s\n' "$out" | grep -v '^Example Media$' | grep -c .)" 0
run --no-title nothing.html
check "no content, no title: empty" is "$out" ""
run -f json nothing.html
check "no content json: valid" valid_json "$out"
check "no content json: empty text" is "$(json_get "$out" text)" ""

finish
