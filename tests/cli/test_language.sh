#!/usr/bin/env bash
# --language: a page in another language is skipped like any input that is
# no page: no output in any format (no json line, no -d file), a line on
# standard error for a file given, none for an archive's records (the
# summary counts them under "language"), and no failure (exit 0); pages in
# it are extracted as usual; a bad tag is bad usage.
. "$(dirname "$0")/lib.sh"

cat >de.html <<'HTML'
<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Hochwasser schließt alte Brücke</title></head>
<body><article><h1>Hochwasser schließt alte Brücke</h1>
<p>Der Fluss ist über die Ufer getreten und die alte Brücke wurde gesperrt. Die Stadt hat eine
Umleitung eingerichtet, und die Feuerwehr ist seit der Nacht im Einsatz.</p>
<p>Nach Angaben der Behörden wird die Brücke mindestens eine Woche lang nicht befahrbar sein,
weil die Schäden erst geprüft werden müssen.</p></article></body></html>
HTML
page en.html "Harbour board meets" enmarker

run --language en de.html en.html
check "other language: exit 0" is "$rc" 0
check "other language: one stderr line" lines "$msgs" 1
check "other language: names the input" contains "$err" "de.html"
check "other language: says the languages" contains "$err" "in de, not en"
check "other language: no text of it" lacks "$out" "Feuerwehr"
check "same language: kept" contains "$out" enmarker

run --language de -f json de.html
check "same language: exit 0" is "$rc" 0
check "same language: no message" is "$err" ""
check "same language: text" contains "$(json_get "$out" text)" "Feuerwehr"

run --language en -f json de.html
check "json: exit 0" is "$rc" 0
check "json: no line for it" is "$out" ""
check "json: said why" contains "$err" "in de, not en"

run --language en -f json de.html en.html de.html
check "json, several: only the kept page" lines "$out" 1
check "json, several: it is the page in en" contains "$(json_get "$out" text)" enmarker
check "json, several: summary counts them" contains "$err" "3 read: 1 extracted, 2 skipped (language 2), 0 failed"

run -q --language en de.html
check "quiet: exit 0" is "$rc" 0
check "quiet: no message" is "$err" ""

mkdir -p outdir
run --language en -d outdir de.html en.html
check "output dir: no file for it" test ! -e outdir/de.txt
check "output dir: the kept page's file" file_has outdir/en.txt enmarker

# An archive: the records left out give no line anywhere; the summary
# counts them, and adds up.
warc() { # warc URI ID BODY-FILE: a response record of an HTML page
  local LC_ALL=C body http # ${#...} counts bytes
  body=$(cat "$3")
  http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s' "${#body}" "$body")
  printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-18T01:58:10Z\r\n' "$1"
  printf 'WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\n' "$2"
  printf 'Content-Length: %d\r\n\r\n%s\r\n\r\n' "${#http}" "$http"
}
: >crawl.warc.gz
for i in 1 2 3; do
  warc "https://example.org/de$i" "d$i" de.html | gzip -c >>crawl.warc.gz
  warc "https://example.org/en$i" "e$i" en.html | gzip -c >>crawl.warc.gz
done
run --language en -f json crawl.warc.gz --errors errors.jsonl
check "archive: exit 0" is "$rc" 0
check "archive: a line per kept page" lines "$out" 3
check "archive: none of the others" lacks "$out" "example.org/de"
check "archive: no line per record left out" is "$msgs" ""
check "archive: summary" contains "$err" "6 read: 3 extracted, 3 skipped (language 3), 0 failed"
check "archive: no failure in --errors" test ! -s errors.jsonl
run --language de -f text crawl.warc.gz
check "archive, text: the kept pages only" is "$(printf '%s' "$out" | grep -c Feuerwehr)" 3

run --language english de.html
check "bad tag: exit 2" is "$rc" 2
check "bad tag: says so" contains "$err" "not a language tag"
run --language de.html
check "missing input after tag: exit 2" is "$rc" 2

run --help
check "help lists --language" contains "$out" "--language XX"
finish
