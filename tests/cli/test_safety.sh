#!/usr/bin/env bash
# Data safety (issue 12): pith never writes over an input (the same file by
# device and inode, whatever its name), two inputs never share an output
# file, a symbolic-link loop is searched once, and several documents in one
# text stream are told apart; json lines of files say their source.
. "$(dirname "$0")/lib.sh"

page page.html "Kept title" keptmarker
cp page.html original.html

# -o onto the input, by its name, by another name, by a hard link.
run -f html -o page.html page.html
check "-o onto the input: exit 2" is "$rc" 2
check "-o onto the input: says so" contains "$err" "also an input"
check "-o onto the input: input untouched" cmp -s page.html original.html
run -f html -o ./page.html page.html
check "-o onto the input by another name: exit 2" is "$rc" 2
check "-o onto the input by another name: untouched" cmp -s page.html original.html
ln page.html hardlink.html
run -f html -o hardlink.html page.html
check "-o onto a hard link of the input: exit 2" is "$rc" 2
check "-o onto a hard link: untouched" cmp -s page.html original.html
run -f html -o page.html <page.html
check "-o onto the file on standard input: exit 2" is "$rc" 2
check "-o onto stdin's file: untouched" cmp -s page.html original.html
"$pith" -f html page.html >>page.html 2>.err
rc=$?
check "stdout appending to the input: exit 2" is "$rc" 2
check "stdout appending to the input: untouched" cmp -s page.html original.html
rm hardlink.html

# -d onto the input directory, and an input in the output directory.
mkdir -p dir
page dir/a.html "Alpha" alphamarker
cp dir/a.html a.orig
run -f html -d dir dir
check "-d DIR DIR: exit 2" is "$rc" 2
check "-d DIR DIR: says so" contains "$err" "also an input"
check "-d DIR DIR: input untouched" cmp -s dir/a.html a.orig
check "-d DIR DIR: nothing added" is "$(ls dir)" "a.html"
run -f html -d dir/. dir
check "-d DIR/. DIR: exit 2" is "$rc" 2
mkdir -p out
page out/a.html "Other" othermarker
cp out/a.html out.orig
run -f html -d out dir/a.html out/a.html
check "-d output is another input: exit 2" is "$rc" 2
check "-d output is another input: untouched" cmp -s out/a.html out.orig
# An output directory inside the input directory is not searched.
mkdir -p tree
page tree/one.html "One" onemarker
run -f html -d tree/out tree
check "-d inside the input: exit 0" is "$rc" 0
run -f html -d tree/out tree
check "-d inside the input, again: its outputs are not inputs" is "$(cd tree/out && find . -type f | sort | tr '\n' ' ')" "./one.html "

# Two inputs, one output name: refused before anything is written.
mkdir -p clash
page clash/a.html "From html" htmlmarker
page clash/a.htm "From htm" htmmarker
gzip -c clash/a.html >clash/b.html.gz
cp clash/b.html.gz clash/b.xhtml.gz
run -d clashout clash
check "clash: exit 2" is "$rc" 2
check "clash: names both inputs" contains "$err" "clash/a.htm and clash/a.html"
check "clash: names the output" contains "$err" "clashout/a.txt"
check "clash: nothing written" test ! -e clashout/a.txt
check "clash: no other file written either" test ! -e clashout/b.txt
rm clash/a.htm clash/b.xhtml.gz
run -d clashout clash
check "no clash: exit 0" is "$rc" 0
check "no clash: both written" is "$(ls clashout | tr '\n' ' ')" "a.txt b.txt "

# A symbolic-link loop: each directory searched once, each file read once.
mkdir -p loop/sub
page loop/sub/x.html "Loop page" loopmarker
ln -s .. loop/sub/up
ln -s sub loop/again
ln -s x.html loop/sub/y.html
run -f json loop
check "link loop: exit 0" is "$rc" 0
check "link loop: the page once" lines "$out" 1
check "link loop: no errors" is "$msgs" ""

# Several documents in the text format: a form-feed line between them.
page two.html "Second" secondmarker
run page.html two.html
check "text separator: exit 0" is "$rc" 0
check "text separator: one form-feed line" is "$(printf '%s\n' "$out" | grep -c $'^\f$')" 1
check "text separator: between the two" is "$(printf '%s\n' "$out" | awk -v RS='\f\n' 'END { print NR }')" 2
check "text separator: the second after it" is "$(printf '%s\n' "$out" | sed -n "/^$(printf '\f')\$/{n;p}")" "Second"
run page.html
check "one document: no separator" lacks "$out" $'\f'
run -f markdown page.html two.html page.html
check "markdown separator: two lines" is "$(printf '%s\n' "$out" | grep -c $'^\f$')" 2
run -f html page.html two.html
check "html separator: one line" is "$(printf '%s\n' "$out" | grep -c $'^\f$')" 1
check "html separator: before the second document" is "$(printf '%s\n' "$out" | sed -n "/^$(printf '\f')\$/{n;p}")" "<!DOCTYPE html>"

# json lines of files: their source, as given.
run -f json page.html ./two.html dir
check "source: as given" is "$(printf '%s\n' "$out" | sed -n 1p | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["source_file"])')" page.html
check "source: ./ kept" contains "$(printf '%s\n' "$out" | sed -n 2p)" '"source_file":"./two.html"'
check "source: in a directory" contains "$(printf '%s\n' "$out" | sed -n 3p)" '"source_file":"dir/a.html"'
run -f json <page.html
check "source: none for standard input" is "$(json_get "$out" source_file)" "<absent>"

finish
