#!/usr/bin/env bash
# --dump-dom: the parsed tree in html5lib-tests' format, for files, standard
# input, charsets, --output-dir and the limits.
. "$(dirname "$0")/lib.sh"

# Misnested formatting (adoption agency) and a table's stray text (foster
# parenting, joined to the text before the table): the tree a browser builds.
# No doctype: quirks mode, where <table> does not close the <p>.
printf '<p>1<b>2<i>3</b>4</i>5<table>x<tr><td>c</table>' >mis.html
run --dump-dom mis.html
check "exit 0" is "$rc" 0
want='| <html>
|   <head>
|   <body>
|     <p>
|       "1"
|       <b>
|         "2"
|         <i>
|           "3"
|       <i>
|         "4"
|       "5x"
|       <table>
|         <tbody>
|           <tr>
|             <td>
|               "c"'
check "adoption agency and foster parenting" is "$out" "$want"

# Attributes sorted, comments and the doctype shown, standard input.
printf '<!DOCTYPE html><!--a--><div id=z class=y data-x=1>t</div>' >attrs.html
run --dump-dom <attrs.html
check "stdin: exit 0" is "$rc" 0
check "stdin: doctype" is "$(printf '%s\n' "$out" | sed -n 1p)" "| <!DOCTYPE html>"
check "stdin: comment" is "$(printf '%s\n' "$out" | sed -n 2p)" "| <!-- a -->"
check "stdin: attributes sorted" is "$(printf '%s\n' "$out" | grep '=' | tr -d ' |')" \
  "$(printf 'class="y"\ndata-x="1"\nid="z"')"

# A Latin-1 page comes out in UTF-8.
printf '<meta charset="iso-8859-1"><p>caf\xe9</p>' >latin.html
run --dump-dom latin.html
check "charset: converted" contains "$out" '"café"'

# --output-dir: one .txt per input, whatever --format says.
run --dump-dom -f json -d out mis.html latin.html
check "output-dir: exit 0" is "$rc" 0
check "output-dir: mis.txt" file_has out/mis.txt '|     <p>'
check "output-dir: latin.txt" file_has out/latin.txt 'café'

# Deep nesting: content past the depth limit (256) stays: the elements past
# it side by side at the limit (docs/limits.md).
{
  for i in $(seq 300); do printf '<div>'; done
  printf 'deep'
} >deep.html
run --dump-dom deep.html
check "deep: exit 0" is "$rc" 0
check "deep: text kept" contains "$out" '"deep"'
check "deep: every div kept" is "$(printf '%s\n' "$out" | grep -c '<div>')" 300
levels=$(printf '%s\n' "$out" | sed -n 's/^| \( *\).*/\1/p' | awk '{ if (length > m) m = length } END { print m / 2 }')
check "deep: no more than 256 levels (the text one below)" is "$levels" 256

# An archive has no tree of its own: it fails, named, rather than having
# its records extracted as if --dump-dom were not there.
body='<html><body><p>Archived page</p></body></html>'
http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s' "${#body}" "$body")
{
  printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n'
  printf 'WARC-Record-ID: <urn:uuid:a1>\r\nContent-Type: application/http; msgtype=response\r\n'
  printf 'Content-Length: %d\r\n\r\n%s\r\n\r\n' "${#http}" "$http"
} >crawl.warc
run --dump-dom crawl.warc
check "archive: exit 1" is "$rc" 1
check "archive: nothing extracted" lacks "$out" "Archived page"
check "archive: named" contains "$msgs" "crawl.warc: a WARC/WET archive: --dump-dom shows the tree of HTML pages only"
run --dump-dom <crawl.warc
check "archive on stdin: exit 1" is "$rc" 1
check "archive on stdin: nothing extracted" lacks "$out" "Archived page"

finish
