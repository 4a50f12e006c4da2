#!/usr/bin/env bash
# --language: pages in another language give an empty output and one line
# on standard error, and are no failure (exit 0, as a page without
# content); pages in it are extracted as usual; a bad tag is bad usage.
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
check "json: valid" valid_json "$out"
check "json: empty text" is "$(json_get "$out" text)" ""
check "json: language given" is "$(json_get "$out" language)" "de"
check "json: no title" is "$(json_get "$out" title)" "<absent>"

run -q --language en de.html
check "quiet: exit 0" is "$rc" 0
check "quiet: no message" is "$err" ""

mkdir -p outdir
run --language en -d outdir de.html
check "output dir: empty file written" test -f outdir/de.txt -a ! -s outdir/de.txt

run --language english de.html
check "bad tag: exit 2" is "$rc" 2
check "bad tag: says so" contains "$err" "not a language tag"
run --language de.html
check "missing input after tag: exit 2" is "$rc" 2

run --help
check "help lists --language" contains "$out" "--language XX"
finish
