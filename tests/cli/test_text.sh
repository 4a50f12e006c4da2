#!/usr/bin/env bash
# Text mode on the command line: --text, the seed page's metadata, text
# files in directories, --site-dedup, WET/WARC archives (by name, by content,
# on stdin, into --output-dir) and their errors.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
golden=$here/../golden

# ---- the seed page: text and metadata ------------------------------------
seed=$golden/text_seed.txt
run --text --no-title "$seed"
check "seed: exit 0" is "$rc" 0
check "seed: text is the thirteen paragraphs" is "$out" "$(head -n -1 "$golden/text_seed.expected")"
run --text --format json "$seed"
check "seed json: valid" valid_json "$out"
check "seed json: title" is "$(json_get "$out" title)" "Xi, Putin meet on bilateral ties, SCO development"
check "seed json: date" contains "$(json_get "$out" date_published)" "2017-06-09T08:36"
check "seed json: section" is "$(json_get "$out" section)" "Politics"
check "seed json: source" is "$(json_get "$out" source)" "Xinhua"
check "seed json: editor" is "$(json_get "$out" editor)" "Mo Hong'e"
check "seed json: one image, caption and credit" is "$(json_get "$out" images)" \
  '[{"caption": "Chinese President Xi Jinping (L) meets with Russian President Vladimir Putin in Astana, Kazakhstan, June 8, 2017.", "credit": "Xinhua/Lan Hongguang"}]'
text=$(json_get "$out" text)
check "seed json: text" is "$text" "$(head -n -1 "$golden/text_seed.expected")"
for junk in "LINE" "Text:AAAPrint" "ECNS App Download" "[Special coverage]" "Related news" \
  "Most popular in 24h" "Learning Chinese" "Back to top" "Copyright" "Reproduction in whole"; do
  check "seed json: no '$junk' in the text" lacks "$text" "$junk"
done

# ---- plain text without --text: text mode all the same ---------------------
cp "$seed" seed.txt
run seed.txt
check "no --text: exit 0" is "$rc" 0
check "no --text: the article" contains "$out" "The two heads of state met ahead of the 17th SCO summit"
check "no --text: no menu" lacks "$out" "Text:AAAPrint"

# ---- errors in text mode ----------------------------------------------------
: >empty.txt
run --text empty.txt
check "empty: exit 1" is "$rc" 1
check "empty: says so" contains "$err" "empty"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0' >image.txt
run --text image.txt
check "binary: exit 1" is "$rc" 1
check "binary: says so" contains "$err" "binary"
run --text --no-title - <"$seed"
check "stdin: exit 0" is "$rc" 0
check "stdin: the text" contains "$out" "Shanghai Spirit"

# ---- directories: .txt files, --output-dir names -----------------------------
mkdir -p dumps/sub
cp "$seed" dumps/a.txt
gzip -c "$seed" >dumps/sub/b.txt.gz
printf 'not looked at\n' >dumps/notes.md
run --text --output-dir out dumps
check "dir: exit 0" is "$rc" 0
check "dir: a.txt" file_has out/a.txt "Shanghai Spirit"
check "dir: sub/b.txt from .txt.gz" file_has out/sub/b.txt "Shanghai Spirit"
check "dir: nothing else" is "$(find out -type f | wc -l)" 2
run --output-dir out2 dumps
check "dir without --text: .txt files not taken" is "$(find out2 -type f 2>/dev/null | wc -l)" 0

# ---- --site-dedup over a directory -------------------------------------------
mkdir -p site
for i in 1 2 3 4; do
  cat >site/p$i.txt <<EOF
Home
Archive
Story $i of the week
The story of day $i is told here in a sentence that is long enough to read as prose and to be kept as the body of the page.
Our newsletter brings you the best of the week every Friday, and you can unsubscribe at any time with a single click from any message.
EOF
done
run --text --no-title site/p1.txt
check "no dedup: the newsletter stays" contains "$out" "newsletter"
run --text --no-title --site-dedup site
check "site-dedup: exit 0" is "$rc" 0
check "site-dedup: the stories stay" contains "$out" "story of day 3"
check "site-dedup: the newsletter goes" lacks "$out" "newsletter"

# ---- WET files -------------------------------------------------------------------
# record TYPE URI ID BODY: one WARC record, CRLF line ends.
record() {
  local body=$4
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-18T01:58:10Z\r\n' "$1" "$2"
  printf 'WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n' "$3" "${#body}"
  printf '%s\r\n\r\n' "$body"
}
page1=$(cat "$seed")
page2="Garden notes
Home
Why tomato leaves turn yellow from the bottom up, and what a gardener can do about it in a small balcony garden this summer.
Yellowing that starts at the bottom is very often a lack of nitrogen, especially in pots where the plants use up the compost quickly."
LC_ALL=C
{
  record warcinfo "" 0000 "software: test"
  record conversion "https://example.org/xi" 0001 "$page1"
} | gzip -c >crawl.warc.wet.gz
record conversion "https://example.org/garden" 0002 "$page2" | gzip -c >>crawl.warc.wet.gz
record conversion "https://example.org/blank" 0003 "   " | gzip -c >>crawl.warc.wet.gz
run --format json crawl.warc.wet.gz
check "wet: exit 0" is "$rc" 0
check "wet: no error messages" is "$msgs" ""
check "wet: one line per conversion record" lines "$out" 3
line1=$(printf '%s\n' "$out" | sed -n 1p)
check "wet: valid json" valid_json "$line1"
check "wet: url" is "$(json_get "$line1" url)" "https://example.org/xi"
check "wet: warc_record_id" is "$(json_get "$line1" warc_record_id)" "<urn:uuid:0001>"
check "wet: warc_date" is "$(json_get "$line1" warc_date)" "2024-05-18T01:58:10Z"
check "wet: text mode" is "$(json_get "$line1" text)" "$(head -n -1 "$golden/text_seed.expected")"
line3=$(printf '%s\n' "$out" | sed -n 3p)
check "wet: an empty record is an empty text" is "$(json_get "$line3" text)" ""
cp crawl.warc.wet.gz crawl.dat
run --format json crawl.dat
check "wet by content: 3 lines" lines "$out" 3
run --format json - <crawl.warc.wet.gz
check "wet on stdin: 3 lines" lines "$out" 3
check "wet on stdin: url" contains "$out" '"url":"https://example.org/garden"'
mkdir -p arch && cp crawl.warc.wet.gz arch/
run --format json --output-dir out3 arch
check "wet into --output-dir: exit 0" is "$rc" 0
check "wet into --output-dir: one .jsonl" is "$(cd out3 && ls)" "crawl.warc.wet.jsonl"
check "wet into --output-dir: 3 lines" is "$(wc -l <out3/crawl.warc.wet.jsonl)" 3
run --no-title crawl.warc.wet.gz
check "wet, text format: the texts" contains "$out" "Shanghai Spirit"
run --format xml crawl.warc.wet.gz
check "wet, xml: exit 0" is "$rc" 0
check "wet, xml: one declaration" is "$(printf '%s\n' "$out" | grep -c '^<?xml')" 1
check "wet, xml: an article per record" is "$(printf '%s\n' "$out" | grep -c '^<article ')" 3
if command -v xmllint >/dev/null; then
  check "wet, xml: one well-formed document" xmllint --noout .out
fi
run --format json --site-dedup --no-site-dedup crawl.warc.wet.gz
check "wet, --no-site-dedup: 3 lines" lines "$out" 3
shared=$here/../../../shared/data/warc/cc_whirlwind.warc.wet.gz
if [ -f "$shared" ]; then
  run --format json "$shared"
  check "common crawl wet: exit 0" is "$rc" 0
  check "common crawl wet: one record" lines "$out" 1
  check "common crawl wet: provenance" contains "$out" '"warc_record_id":"<urn:uuid:ba729a40-ff84-4085-8d48-0a5b2ee0c42d>"'
fi

# ---- WARC errors -----------------------------------------------------------------
body='<html><head><title>A page</title></head><body><article><p>Words of the one page, long enough to be its text.</p></article></body></html>'
http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$body")
printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/p\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' "${#http}" "$http" >html.warc
run --format json html.warc
check "warc with an HTML response: exit 0" is "$rc" 0
check "warc with an HTML response: its text" contains "$out" "Words of the one page"
check "warc with an HTML response: its status" contains "$out" '"http_status":200'
check "warc with an HTML response: its offset" contains "$out" '"warc_offset":0,"warc_length":'"$(wc -c <html.warc)"
head -c 300 crawl.warc.wet.gz >cut.warc.wet.gz
run --format json cut.warc.wet.gz
check "truncated: exit 1" is "$rc" 1
check "truncated: names it" contains "$err" "cut.warc.wet.gz"
printf 'WARC/1.0\r\nContent-Length: 99\r\n\r\nshort' >short.warc
run short.warc
check "truncated record: exit 1" is "$rc" 1
check "truncated record: says so" contains "$err" "truncated"
printf 'hello\n' >notwarc.warc
run notwarc.warc
check "not a warc: exit 1" is "$rc" 1
check "not a warc: says so" contains "$err" "not a WARC record"
{
  record conversion "https://example.org/big" 0009 "$page1"
} >big.wet
run --format json --max-size 1K big.wet
check "record over --max-size: exit 1" is "$rc" 1
check "record over --max-size: names the record" contains "$err" "urn:uuid:0009"

finish
