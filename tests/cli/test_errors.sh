#!/usr/bin/env bash
# Errors: failed inputs (one stderr line each, the other inputs still
# processed, exit 1), bad usage (exit 2, a pointer to --help), --help and
# --version.
. "$(dirname "$0")/lib.sh"

page good.html "Good title" goodmarker
page good2.html "Second title" secondmarker
: >empty.html
printf ' \n\t\n  \n' >blank.html
printf 'Just a line of plain text, no markup at all.\nAnd another one.\n' >plain.html
cp plain.html plain.txt
# 2000 deterministic pseudo-random bytes, NULs and control bytes included.
x=12345
for ((i = 0; i < 2000; i++)); do
  x=$(((x * 1103515245 + 12345) % 2147483648))
  printf "\\$(printf '%03o' $(((x >> 16) & 255)))"
done >binary.html
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0' >image.html
printf '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage-not-deflate' >corrupt.html.gz

# one_error NAME INPUT: pith INPUT good.html fails for INPUT alone.
one_error() {
  local name=$1 input=$2
  run "$input" good.html
  check "$name: exit 1" is "$rc" 1
  check "$name: one stderr line" lines "$msgs" 1
  check "$name: names the input" contains "$err" "$input"
  check "$name: says why" test "${#err}" -gt $((${#input} + 8))
  check "$name: other input processed" contains "$out" goodmarker
  check "$name: nothing of the bad input on stdout" is "$(printf '%s\n' "$out" | head -1)" "Good title"
  run good.html "$input" good2.html
  check "$name (middle): exit 1" is "$rc" 1
  check "$name (middle): one stderr line" lines "$msgs" 1
  check "$name (middle): inputs before" contains "$out" goodmarker
  check "$name (middle): inputs after" contains "$out" secondmarker
}
one_error "missing file" missing.html
one_error "empty file" empty.html
one_error "white space only" blank.html
one_error "binary bytes" binary.html
one_error "PNG bytes" image.html
# Text with no markup is a page flattened to text: text mode, not an error.
printf 'Menu\nHome\n\nThe harbour board met on Monday and agreed to dredge the inner basin before the summer season begins, at a cost of two million euros.\n\nWork starts in March and should take about six weeks, the board said in a statement.\n\nCopyright 2024\n' >flat.html
run plain.html good.html
check "plain text: exit 0" is "$rc" 0
check "plain text: no error" is "$msgs" ""
check "plain text: other input processed" contains "$out" goodmarker
run flat.html
check "flattened page: exit 0" is "$rc" 0
check "flattened page: its prose" contains "$out" "agreed to dredge the inner basin"
check "flattened page: no menu" lacks "$out" "Home"
one_error "corrupt gzip" corrupt.html.gz
mkdir -p unreadable
page unreadable/page.html "Locked" lockedmarker
chmod 000 unreadable/page.html
if ! cat unreadable/page.html >/dev/null 2>&1; then # not when running as root
  one_error "unreadable file" unreadable/page.html
fi
chmod 644 unreadable/page.html

# Several failures: one line each.
run missing.html empty.html good.html binary.html
check "three failures: exit 1" is "$rc" 1
check "three failures: three lines" lines "$msgs" 3
check "three failures: good one processed" contains "$out" goodmarker

# A failure with --output-dir: the good files are written.
run --output-dir outd empty.html good.html
check "-d with a failure: exit 1" is "$rc" 1
check "-d with a failure: good file written" file_has outd/good.txt goodmarker
check "-d with a failure: no file for the bad one" test ! -e outd/empty.txt

# Errors on standard input name it somehow, still one line.
run - <empty.html
check "empty stdin: exit 1" is "$rc" 1
check "empty stdin: one line" lines "$msgs" 1
run <binary.html
check "binary stdin: exit 1" is "$rc" 1
check "binary stdin: one line" lines "$msgs" 1

# --quiet: no messages, same status.
run -q missing.html good.html
check "quiet: exit 1" is "$rc" 1
check "quiet: no stderr" is "$err" ""
check "quiet: output" contains "$out" goodmarker

# --max-size.
run --max-size 100 good.html
check "max-size: exit 1" is "$rc" 1
check "max-size: names the input" contains "$err" good.html
check "max-size: no output" is "$out" ""
check "max-size: the message gives the limit, not limit+1" lacks "$err" "101"
printf '<html><body><p>%s</p></body></html>' "$(printf 'x%.0s' $(seq 67))" >hundred.html
run --max-size 100 hundred.html
check "max-size: exactly 100 bytes pass 100" is "$rc$(wc -c <hundred.html)" "0100"
run --max-size 99 hundred.html
check "max-size: 100 bytes fail 99" is "$rc" 1
run --max-size 1M good.html
check "max-size 1M: exit 0" is "$rc" 0
gzip -c good.html >good.html.gz
run --max-size 200 good.html.gz
check "max-size counts the inflated size" is "$rc" 1
run --max-size lots good.html
check "max-size not a number: exit 2" is "$rc" 2

# -o onto a directory: the output cannot be written.
mkdir -p adir
run -o adir good.html
check "-o directory: fails" test "$rc" -ne 0
check "-o directory: one stderr line" lines "$msgs" 1
check "-o directory: names it" contains "$err" adir

# Bad usage: exit 2, a message that points to --help, no output.
usage_error() {
  local name=$1
  shift
  run "$@"
  check "$name: exit 2" is "$rc" 2
  check "$name: mentions --help" contains "$err" "--help"
  check "$name: no output" is "$out" ""
}
usage_error "unknown long option" --bogus good.html
usage_error "unknown short option" -Z good.html
usage_error "unknown format" --format yaml good.html
usage_error "unknown format (short)" -f pdf good.html
usage_error "missing value (format)" good.html --format
usage_error "missing value (-o)" good.html -o
usage_error "missing value (output-dir)" good.html --output-dir
usage_error "missing value (url)" good.html --url
run --bogus good.html
check "unknown option: names it" contains "$err" "--bogus"
run --format yaml good.html
check "unknown format: names it" contains "$err" yaml

# Format names in any case.
run -f JSON good.html
check "-f JSON: exit 0" is "$rc" 0
check "-f JSON: json" is "$(json_get "$out" title)" "Good title"
run --format Markdown good.html
check "--format Markdown: a heading" contains "$out" "# Good title"

# --help and --version.
run --help
check "help: exit 0" is "$rc" 0
check "help: usage" contains "$out" "Usage: pith"
check "help: lists --output-dir" contains "$out" "--output-dir"
check "help: lists --format" contains "$out" "--format"
check "help: no stderr" is "$err" ""
run -h
check "-h: exit 0" is "$rc" 0
check "-h: usage" contains "$out" "Usage: pith"
run --version
check "version: exit 0" is "$rc" 0
check "version: one line" lines "$out" 1
check "version: pith and a number" test -n "$(printf '%s' "$out" | grep -E '^pith [0-9]+\.[0-9]+\.[0-9]+$')"
run -V
check "-V: exit 0" is "$rc" 0
# An unknown option is a usage error wherever it stands, before -V or -h
# or after them.
run -V --bogus
check "-V --bogus: exit 2" is "$rc" 2
check "-V --bogus: no version" lacks "$out" "pith "
run --bogus -V
check "--bogus -V: exit 2" is "$rc" 2
run -h --bogus
check "-h --bogus: exit 2" is "$rc" 2
# -f takes the names --help gives, in any case.
run -f txt good.html
check "-f txt: exit 0" is "$rc" 0
run -f JSON good.html
check "-f JSON: json" contains "$out" '"title":"Good title"'
run --help
check "help: -f's other names" contains "$out" "text (default; txt)"

# --max-size's refusals have one wording, whether the bytes were read
# (a file, standard input) or inflated (a .gz file, gzip on standard
# input), each naming the option.
for i in $(seq 30); do echo "<p>Paragraph $i of a page larger than the limit.</p>"; done >big.html
gzip -c big.html >big.html.gz
run --max-size 1K big.html big.html.gz
check "max-size: a file" contains "$err" "pith: big.html: larger than 1024 bytes (--max-size)"
check "max-size: a gzip file" contains "$err" "pith: big.html.gz: larger than 1024 bytes once inflated (--max-size)"
run --max-size 1K - <big.html
check "max-size: standard input" contains "$err" "pith: (stdin): larger than 1024 bytes (--max-size)"
run --max-size 1K - <big.html.gz
check "max-size: gzip on standard input" contains "$err" "pith: (stdin): larger than 1024 bytes once inflated (--max-size)"
check "max-size: one wording" lacks "$err" "the limit of"
# 0 is no limit, for --max-size and --max-page-bytes alike.
run --max-size 0 big.html
check "max-size 0: no limit" is "$rc" 0
run --max-page-bytes 0 good.html
check "max-page-bytes 0: no limit" is "$rc" 0

finish
