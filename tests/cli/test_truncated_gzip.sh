#!/usr/bin/env bash
# A .html.gz cut short (a download stopped early) gives what was inflated,
# a warning on standard error, and the exit status of a failed input.
. "$(dirname "$0")/lib.sh"

page a.html "Cut short" firstmarker
gzip -c a.html >whole.html.gz
size=$(wc -c <whole.html.gz)
head -c $((size - 8)) whole.html.gz >cut.html.gz # the trailer (CRC, size) lost
head -c 30 whole.html.gz >stub.html.gz           # only the first bytes

run whole.html.gz
check "whole: exit 0" is "$rc" 0
check "whole: no warning" is "$err" ""

run cut.html.gz
check "cut trailer: exit 1" is "$rc" 1
check "cut trailer: the text is there" contains "$out" "firstmarker"
check "cut trailer: the last paragraph too" contains "$out" "came to the page for"
check "cut trailer: warned" contains "$err" "cut.html.gz: truncated gzip data"
check "cut trailer: one line" lines "$err" 1

# The other inputs go on; the batch still sees a failure.
page b.html "Second page" secondmarker
run -f json cut.html.gz b.html
check "with another: exit 1" is "$rc" 1
check "with another: two lines" lines "$out" 2
check "with another: both pages" contains "$out" "secondmarker"
check "with another: cut one kept" contains "$out" "firstmarker"
check "with another: the cut one marked truncated" is "$(printf '%s\n' "$out" | grep -c '"truncated":true')" 1
check "with another: the cut one is the one marked" contains "$(printf '%s\n' "$out" | grep '"truncated":true')" '"source_file":"cut.html.gz"'

run -d outdir cut.html.gz
check "-d: exit 1" is "$rc" 1
check "-d: the output written" file_has outdir/cut.txt "firstmarker"

run <cut.html.gz
check "stdin: exit 1" is "$rc" 1
check "stdin: the text" contains "$out" "firstmarker"
check "stdin: warned" contains "$err" "(stdin): truncated gzip data"
cat cut.html.gz | "$pith" -f json >.out 2>.err
check "stdin, a pipe: marked truncated" file_has .out '"truncated":true'
check "stdin, a pipe: warned once" is "$(grep -c 'truncated gzip data' .err)" 1

# Cut so early that nothing was inflated: an error, no output.
run stub.html.gz
check "stub: exit 1" is "$rc" 1
check "stub: no output" is "$out" ""
check "stub: reason" contains "$err" "truncated gzip data"

finish
