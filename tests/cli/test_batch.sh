#!/usr/bin/env bash
# Many inputs at once: -j N gives the same bytes whatever N (every format,
# stdout and --output-dir, pages and WET records), errors as records (json
# lines with "error", --errors FILE), the summary adds up, --progress,
# exit statuses.
. "$(dirname "$0")/lib.sh"

# A directory of pages, one of them bad, one without content, one of
# another language, several sizes.
mkdir -p site/sub
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
  page "site/p$i.html" "Title $i" "marker$i"
done
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  echo "<p>Paragraph $i of a longer page, with enough words in it to count as prose for the extractor.</p>"
done >long.part
{ echo '<html lang="en"><head><title>Long page</title></head><body><article>'; cat long.part; echo '</article></body></html>'; } >site/sub/long.html
gzip -c site/p01.html >site/sub/zipped.html.gz
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0' >site/sub/broken.html
echo '<html><body><nav><a href="/">Home</a></nav></body></html>' >site/sub/nothing.html

for f in text json xml markdown html; do
  run -j 1 -f $f site
  one=$out rc1=$rc err1=$msgs
  run -j 4 -f $f site
  check "-j 1 = -j 4, $f: same output" is "$out" "$one"
  check "-j 1 = -j 4, $f: same status" is "$rc" "$rc1"
  check "-j 1 = -j 4, $f: same messages" is "$msgs" "$err1"
  run -j 3 -f $f -d out3-$f site
  run -j 1 -f $f -d out1-$f site
  check "-j 1 = -j 3, $f, --output-dir: same files" diff -r out1-$f out3-$f
done
check "--output-dir: one file a good page" is "$(find out1-json -type f | wc -l)" 15

# A WET file written here: every format, -j 1 and -j 4.
record() {
  local body=$4
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-18T01:58:10Z\r\n' "$1" "$2"
  printf 'WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n' "$3" "${#body}"
  printf '%s\r\n\r\n' "$body"
}
LC_ALL=C
{
  record warcinfo "" 0000 "software: test"
  for i in 1 2 3 4 5 6 7 8 9; do
    record conversion "https://example.org/n$i" "000$i" "Story number $i
Home
The council met on day $i and agreed to repair the old bridge before the summer season, at a cost of $i million euros.
Work starts in March and should take about six weeks, a spokesman for the council said on Tuesday."
  done
} | gzip -c >crawl.warc.wet.gz
for f in text json xml markdown html; do
  run -j 1 -f $f crawl.warc.wet.gz
  one=$out
  run -j 4 -f $f crawl.warc.wet.gz
  check "wet -j 1 = -j 4, $f" is "$out" "$one"
  check "wet $f: exit 0" is "$rc" 0
done
run -j 4 -f json crawl.warc.wet.gz site/p01.html crawl.warc.wet.gz
check "archives and pages mixed: 19 lines" lines "$out" 19
check "archives and pages mixed: in order" is "$(printf '%s\n' "$out" | sed -n '1p;10p;11p;19p' | grep -o '"url":"[^"]*"\|"source_file":"[^"]*"' | tr '\n' ' ')" \
  '"url":"https://example.org/n1" "source_file":"site/p01.html" "url":"https://example.org/n1" "url":"https://example.org/n9" '
# A directory is searched for archives too (by name: .warc, .wet, .gz or
# .zst), as --help says: its records come out as the file's own do.
mkdir -p crawls/2024
cp crawl.warc.wet.gz crawls/2024/
run -j 2 -f json crawl.warc.wet.gz
one=$out
run -j 2 -f json crawls
check "archive found in a directory: its records" is "$out" "$one"
check "--help: a directory is searched for archives" contains "$("$pith" --help)" "searched recursively for those and for WARC/WET"
run -j 2 -f xml crawl.warc.wet.gz site/p01.html
if command -v xmllint >/dev/null; then
  check "xml, archive and page: one well-formed document" xmllint --noout .out
fi

adds_up() { # the summary line $1: read = extracted + skipped + failed
  printf '%s\n' "$1" | sed 's/ ([^)]*)//' | awk '{ exit !($2 == $4 + $6 + $8) }'
}

# A WARC of HTML responses written here (one gzip member a record, a page
# that is no 200, an image, a request, a revisit): -j 1 = -j 4 in every
# format, and the summary counts every record.
warc() { # warc TYPE URI ID HTTP-MESSAGE
  local block=$4
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-18T01:58:10Z\r\n' "$1" "$2"
  printf 'WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\n' "$3"
  printf 'Content-Length: %d\r\n\r\n%s\r\n\r\n' "${#block}" "$block"
}
http() { # http STATUS CONTENT-TYPE BODY-FILE
  local body
  body=$(cat "$3")
  printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s' "$1" "$2" "${#body}" "$body"
}
: >crawl.warc.gz
warc request https://example.org/p01 r0 "GET /p01 HTTP/1.1" | gzip -c >>crawl.warc.gz
for i in 01 02 03 04 05 06 07 08; do
  warc response "https://example.org/p$i" "h$i" "$(http "200 OK" "text/html; charset=utf-8" site/p$i.html)" | gzip -c >>crawl.warc.gz
done
warc response https://example.org/gone h09 "$(http "404 Not Found" text/html site/p09.html)" | gzip -c >>crawl.warc.gz
printf '\x89PNG\r\n\x1a\n\x01\x02IHDR\x10\x10\x08\x06' >img.png
warc response https://example.org/img h10 "$(http "200 OK" image/png img.png)" | gzip -c >>crawl.warc.gz
warc revisit https://example.org/p01 h11 "HTTP/1.1 200 OK" | gzip -c >>crawl.warc.gz
printf 'garbage between records\n' | gzip -c >>crawl.warc.gz
warc response https://example.org/p12 h12 "$(http "200 OK" text/html site/p12.html)" | gzip -c >>crawl.warc.gz
for f in text json xml markdown html; do
  run -j 1 -f $f crawl.warc.gz
  one=$out rc1=$rc
  run -j 4 -f $f crawl.warc.gz
  check "warc -j 1 = -j 4, $f" is "$out" "$one"
  check "warc -j 1 = -j 4, $f: same status" is "$rc" "$rc1"
done
run -j 4 -f json crawl.warc.gz
check "warc: the pages and the damage, in order" is "$(printf '%s\n' "$out" | grep -o '"url":"[^"]*"\|"error"' | tr '\n' ' ')" \
  '"url":"https://example.org/p01" "url":"https://example.org/p02" "url":"https://example.org/p03" "url":"https://example.org/p04" "url":"https://example.org/p05" "url":"https://example.org/p06" "url":"https://example.org/p07" "url":"https://example.org/p08" "error" "url":"https://example.org/p12" '
summary=$(printf '%s\n' "$err" | grep '^pith: [0-9]* read: ')
check "warc summary: every record" is "$summary" "pith: 14 read: 9 extracted, 4 skipped (request 1, status 1, not-html 1, revisit 1), 1 failed"
check "warc summary adds up" adds_up "$summary"
# On standard input an archive is read as it comes, never whole: larger
# than --max-size (a limit for pages) it still gives every record, from a
# file (pith < crawl.warc.gz) or a pipe (a download piped in).
run -j 4 -f json crawl.warc.gz
whole=$(printf '%s\n' "$out" | sed 's/"warc_filename":"[^"]*"/"warc_filename":"X"/')
run -j 4 -f json --max-size 1K <crawl.warc.gz
check "warc on stdin, a file: every record" is "$(printf '%s\n' "$out" | sed 's/"warc_filename":"[^"]*"/"warc_filename":"X"/')" "$whole"
cat crawl.warc.gz | "$pith" -j 4 -f json --max-size 1K >.out 2>.err
check "warc on stdin, a pipe: every record" is "$(sed 's/"warc_filename":"[^"]*"/"warc_filename":"X"/' .out)" "$whole"
run -j 4 -f xml crawl.warc.gz
whole=$(printf '%s\n' "$out" | sed 's/warc_filename="[^"]*"/warc_filename="X"/')
run -j 4 -f xml <crawl.warc.gz
check "warc on stdin, xml: the records in one document, as from a file" is "$(printf '%s\n' "$out" | sed 's/warc_filename="[^"]*"/warc_filename="X"/')" "$whole"
if command -v xmllint >/dev/null; then
  check "warc on stdin, xml: well-formed" xmllint --noout .out
fi
run -j 4 -f json --max-size 1K <crawl.warc.wet.gz
check "wet on stdin: every record" lines "$out" 9
check "wet on stdin, a file: no note" is "$msgs" ""
cat crawl.warc.wet.gz | "$pith" -j 4 -f json >.out 2>.err
check "wet through a pipe: every record" is "$(wc -l <.out)" 9
check "wet through a pipe: a note that no lines were counted" is "$(grep -c 'read once, through a pipe' .err)" 1
cat crawl.warc.wet.gz | "$pith" -j 4 -f json --no-site-dedup >.out 2>.err
check "wet through a pipe, --no-site-dedup: no note" is "$(grep -c 'read once' .err)" 0
cat site/p01.html | "$pith" -f json --max-size 100 >.out 2>.err
check "a page on stdin larger than --max-size: refused" file_has .err "(stdin): larger than 100 bytes"
gzip -c site/p01.html | "$pith" -f json >.out 2>.err
check "a gzip page through a pipe" is "$(json_get "$(cat .out)" title)" "Title 01"
run -j 2 -f json --errors werr.jsonl crawl.warc.gz
check "warc --errors: the damage there, with its offset" contains "$(cat werr.jsonl)" '"warc_offset":'
check "warc --errors: the pages only on stdout" lines "$out" 9

# Errors as records: json lines with "error" and the input, in order.
run -j 2 -f json site/p01.html missing.html site/sub/broken.html site/p02.html
check "errors as records: exit 1" is "$rc" 1
check "errors as records: four lines" lines "$out" 4
check "errors as records: each valid json" is "$(printf '%s\n' "$out" | /usr/bin/python3 -c 'import json,sys; print(sum(1 for l in sys.stdin if json.loads(l)))')" 4
line2=$(printf '%s\n' "$out" | sed -n 2p)
check "error record: source" is "$(json_get "$line2" source_file)" missing.html
check "error record: error" is "$(json_get "$line2" error)" "No such file or directory"
check "error record: no text" is "$(json_get "$line2" text)" "<absent>"
check "error record: binary input" is "$(json_get "$(printf '%s\n' "$out" | sed -n 3p)" source_file)" site/sub/broken.html
check "error records: good pages still there" is "$(json_get "$(printf '%s\n' "$out" | sed -n 4p)" title)" "Title 02"
check "error records: also on stderr" contains "$msgs" "pith: missing.html: No such file or directory"
run -f json --errors errs.jsonl site/p01.html missing.html site/p02.html
check "--errors: exit 1" is "$rc" 1
check "--errors: the output has the pages only" lines "$out" 2
check "--errors: the file has the failure" is "$(json_get "$(cat errs.jsonl)" source_file)" missing.html
run -f text --errors errs2.jsonl missing.html site/p01.html
check "--errors with text: a json line" is "$(json_get "$(cat errs2.jsonl)" error)" "No such file or directory"
check "--errors with text: no error in the text" lacks "$out" "No such file or directory"
run -f json --errors /nonexistent/dir/errs.jsonl site/p01.html
check "--errors unwritable: exit 2" is "$rc" 2

# The summary: the numbers add up to what was read.
run -j 2 -f json --language en site missing.html
check "summary: exit 1" is "$rc" 1
summary=$(printf '%s\n' "$err" | grep '^pith: [0-9]* read: ')
check "summary: one line" lines "$summary" 1
check "summary: says it" is "$summary" "pith: 17 read: 14 extracted, 1 skipped (language 1), 2 failed"
check "summary adds up" adds_up "$summary"
printf '<html lang="de"><head><title>Brücke</title></head><body><article><p>Der Fluss ist über die Ufer getreten und die alte Brücke wurde gesperrt, sagte die Stadt am Montag.</p></article></body></html>' >de.html
run -j 2 --language en site/p01.html de.html crawl.warc.wet.gz
summary=$(printf '%s\n' "$err" | grep '^pith: [0-9]* read: ')
check "summary by reason" is "$summary" "pith: 12 read: 10 extracted, 2 skipped (language 1, warcinfo 1), 0 failed"
check "summary by reason adds up" adds_up "$summary"
run -q -j 2 site missing.html
check "--quiet: no summary" is "$err" ""
run site/p01.html
check "one page: no summary" is "$err" ""

# Progress: forced into a file, it is there (a carriage-return line), and
# not there by default when standard error is not a terminal.
run --progress -j 2 site
check "--progress: a progress line" contains "$err" $'\r'"pith: "
check "--progress: pages/s" contains "$err" "pages/s"
check "--progress: a percentage" contains "$err" "100%"
run -j 2 site
check "no --progress into a file: none" lacks "$err" $'\r'
run --progress -q site
check "--progress --quiet: nothing" is "$err" ""

# -j: its values.
run -j 1025 site/p01.html
check "-j 1025: usage error" is "$rc" 2
run -j x site/p01.html
check "-j x: usage error" is "$rc" 2
run --jobs=2 site/p01.html
check "--jobs=2: works" contains "$out" marker01

finish
