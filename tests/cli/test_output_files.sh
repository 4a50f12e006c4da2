#!/usr/bin/env bash
# The files of -o and --errors: --errors never writes over an input or
# shares a file with the output; -o's file is put in place when the run
# ends, so a run that extracts nothing (a mistyped name) leaves the file
# that was there; every failure, a gzip file cut short included, is in
# --errors' file.
. "$(dirname "$0")/lib.sh"

page page.html "Kept title" keptmarker
cp page.html original.html

# --errors onto an input, onto -o's file, onto standard output's file.
run --errors page.html page.html
check "--errors onto the input: exit 2" is "$rc" 2
check "--errors onto the input: says so" contains "$err" "also an input"
check "--errors onto the input: untouched" cmp -s page.html original.html
run -o same.txt --errors same.txt page.html
check "--errors = -o: exit 2" is "$rc" 2
check "--errors = -o: says so" contains "$err" "also the --output file"
check "--errors = -o: nothing written" test ! -e same.txt
# --errors through a symbolic link to -o's file, neither made yet: written
# in place through the link while -o's file is put in place at the end, the
# error lines were lost without a word.
ln -s notyet.txt errlink
run -o notyet.txt --errors errlink page.html missing.html
check "--errors = -o through a dangling link: exit 2" is "$rc" 2
check "--errors = -o through a dangling link: says so" contains "$err" "also the --output file"
check "--errors = -o through a dangling link: nothing written" test ! -e notyet.txt
rm errlink
run -o same.txt --errors ./same.txt page.html
check "--errors = -o by another name: exit 2" is "$rc" 2
"$pith" --errors stdout.txt page.html >stdout.txt 2>.err
rc=$?
check "--errors = standard output's file: exit 2" is "$rc" 2
check "--errors = standard output's file: says so" file_has .err "where standard output goes"
mkdir -p in
page in/a.html "A" amarker
run -d out --errors out/a.txt in
check "--errors = an output of -d: exit 2" is "$rc" 2

# -o or --errors onto a file that holds something (an earlier run's
# output): refused before anything is read, the file untouched, unless
# --overwrite. An empty file (mktemp's) holds nothing: written.
echo '{"earlier":"run"}' >old.json
cp old.json old.orig
run -f json -o old.json page.html
check "-o, file there: exit 2" is "$rc" 2
check "-o, file there: untouched" cmp -s old.json old.orig
check "-o, file there: says so" contains "$err" "old.json already exists (18 bytes); refusing to write over it (--overwrite replaces it)"
run -f json -o new.json --errors old.json page.html
check "--errors, file there: exit 2" is "$rc" 2
check "--errors, file there: untouched" cmp -s old.json old.orig
check "--errors, file there: nothing written" test ! -e new.json
: >empty.json
run -f json -o empty.json page.html
check "-o, empty file: exit 0" is "$rc" 0
check "-o, empty file: written" file_has empty.json keptmarker
run -f json --overwrite -o old.json page.html
check "-o --overwrite: exit 0" is "$rc" 0
check "-o --overwrite: replaced" file_has old.json keptmarker
cp old.orig old.json

# -o with nothing extracted: a file already there keeps what it held.
run -f json --overwrite -o old.json missing.html
check "-o, missing input: exit 1" is "$rc" 1
check "-o, missing input: file kept" cmp -s old.json old.orig
check "-o, missing input: says so" contains "$err" "old.json: left as it was"
run -f json -o new.json missing.html
check "-o, missing input, new file: exit 1" is "$rc" 1
check "-o, missing input, new file: not made" test ! -e new.json
check "-o, missing input, new file: says so" contains "$err" "new.json: not written"
# Something extracted: replaced, the file's permissions kept, no
# temporary file left beside it.
chmod 600 old.json
run -f json --overwrite -o old.json page.html missing.html
check "-o, one of two inputs: exit 1" is "$rc" 1
check "-o, one of two inputs: replaced" file_has old.json keptmarker
check "-o, one of two inputs: the failure in its place" file_has old.json '"error":"No such file or directory"'
check "-o: permissions kept" is "$(stat -c %a old.json)" 600
check "-o: no temporary file left" is "$(ls -A | grep -c pith-)" 0
# A new file gets the umask's permissions; a file with a second name
# (a hard link) is written in place, so both names give the new output.
(umask 027 && "$pith" -f json -o masked.json page.html 2>/dev/null)
check "-o, new file: the umask's permissions" is "$(stat -c %a masked.json)" 640
echo old >linked.json
ln linked.json other-name.json
run -f json --overwrite -o linked.json page.html
check "-o, hard link: both names have the output" file_has other-name.json keptmarker
# A file mounted on its own (a container's -v FILE:FILE) cannot be
# replaced by a rename: its content is copied in. Only where this user may
# mount (root, a test machine): else nothing to check.
echo old >mounted.json
echo old >backing.json
if mount --bind backing.json mounted.json 2>/dev/null; then
  run -f json --overwrite -o mounted.json page.html
  umount mounted.json
  check "-o, mounted file: exit 0" is "$rc" 0
  check "-o, mounted file: the output written through the mount" file_has backing.json keptmarker
  check "-o, mounted file: no temporary file left" is "$(ls -A | grep -c pith-)" 0
fi
# A write that fails (here: a file size limit of 1 KiB, as a full disk)
# leaves the file that was there, not half of the new one.
echo '{"earlier":"run"}' >full.json
cp full.json full.orig
{
  echo '<html><body><article><h1>Long</h1>'
  for i in $(seq 40); do echo "<p>Paragraph $i of a page long enough that its text is larger than the limit.</p>"; done
  echo '</article></body></html>'
} >big.html
(
  ulimit -f 1
  trap '' XFSZ
  "$pith" -f json --overwrite -o full.json big.html >.out 2>.err
  echo $? >.rc
)
check "-o, a failed write: exit 1" is "$(cat .rc)" 1
check "-o, a failed write: file kept" cmp -s full.json full.orig
check "-o, a failed write: says so" file_has .err "full.json: left as it was: writing it failed"
# Output that cannot be written stops the run: said once, no input read
# after it (a full disk would otherwise see the whole crawl extracted).
mkdir -p many
for i in $(seq -w 40); do cp big.html "many/p$i.html"; done
(
  ulimit -f 1
  trap '' XFSZ
  "$pith" -j 1 -f json many >stdout.json 2>.err
  echo $? >.rc
)
check "stdout unwritable: exit 1" is "$(cat .rc)" 1
check "stdout unwritable: said once" is "$(grep -c 'cannot write the output' .err)" 1
check "stdout unwritable: stopped" file_has .err "pith: stopped: the output cannot be written"
check "stdout unwritable: not every input read" test "$(grep -o '^pith: [0-9]* read' .err | grep -o '[0-9]*')" -lt 40
# The same below -d: no half-written page file left, said once, stopped.
(
  ulimit -f 1
  trap '' XFSZ
  "$pith" -j 2 -f json -d fullout many >.out 2>.err
  echo $? >.rc
)
check "-d unwritable: exit 1" is "$(cat .rc)" 1
check "-d unwritable: no half-written file" is "$(find fullout -type f | wc -l)" 0
check "-d unwritable: said once" is "$(grep -c 'cannot write fullout/' .err)" 1
check "-d unwritable: stopped" file_has .err "pith: stopped: the output cannot be written"
run -o /dev/stdout page.html
check "-o /dev/stdout: written in place" contains "$out" keptmarker
ln -s linked.txt link.txt
run -o link.txt page.html
check "-o onto a symbolic link: the link kept" test -L link.txt
check "-o onto a symbolic link: its file written" file_has linked.txt keptmarker

# -d: outputs that hold something are refused, named and counted, unless
# --overwrite; an empty one holds nothing.
mkdir -p din
page din/a.html "A" amarker
page din/b.html "B" bmarker
page din/c.html "C" cmarker
run -d dout din
check "-d: first run, exit 0" is "$rc" 0
echo earlier >dout/a.txt
echo earlier >dout/b.txt
: >dout/c.txt
run -d dout din
check "-d, outputs there: exit 2" is "$rc" 2
check "-d, outputs there: untouched" is "$(cat dout/a.txt dout/b.txt)" "earlier
earlier"
check "-d, outputs there: the empty one untouched" test ! -s dout/c.txt
check "-d, outputs there: says so" contains "$err" "already exists (the output for din/"
check "-d, outputs there: counts the others" contains "$err" ", and 1 more of this run's outputs; refusing to write over them (--overwrite replaces them)"
run -d dout --overwrite din
check "-d --overwrite: exit 0" is "$rc" 0
check "-d --overwrite: replaced" file_has dout/a.txt amarker
check "-d --overwrite: every one" file_has dout/c.txt cmarker

# Standard input's output below -d (DIR/stdin.txt) too.
echo earlier >dout/stdin.txt
run -d dout <din/a.html
check "-d, stdin's output there: exit 2" is "$rc" 2
check "-d, stdin's output there: says so" contains "$err" "dout/stdin.txt already exists"
run -d dout --overwrite <din/a.html
check "-d --overwrite, stdin: written" file_has dout/stdin.txt amarker

# -d: an archive that cannot be read leaves its earlier output as it was.
mkdir -p outd
echo '{"earlier":"run"}' >outd/gone.warc.jsonl
run -f json -d outd gone.warc.gz
check "-d, missing archive: exit 1" is "$rc" 1
check "-d, missing archive: its earlier output kept" is "$(cat outd/gone.warc.jsonl)" '{"earlier":"run"}'
check "-d, missing archive: no temporary file left" is "$(ls -A outd | grep -c pith-)" 0

# --errors lists every failed input: a gzip file cut short too.
gzip -c page.html >whole.html.gz
size=$(wc -c <whole.html.gz)
head -c $((size - 8)) whole.html.gz >cut.html.gz
run -f json --errors errors.jsonl cut.html.gz missing.html page.html
check "--errors: exit 1" is "$rc" 1
check "--errors: the missing file" file_has errors.jsonl '{"source_file":"missing.html","error":"No such file or directory"}'
check "--errors: the cut gzip file" file_has errors.jsonl '{"source_file":"cut.html.gz","error":"truncated gzip data'
check "--errors: one line a failure" is "$(wc -l <errors.jsonl)" 2
check "--errors: the cut file's text still out" contains "$out" keptmarker

# A missing archive is named once.
run nope.warc.gz
check "missing archive: exit 1" is "$rc" 1
check "missing archive: named once" is "$err" "pith: nope.warc.gz: No such file or directory"
# and a missing page in the same words (the system's, as Python's
# FileNotFoundError says them).
run nope.html
check "missing page: the archive's wording" is "$err" "pith: nope.html: No such file or directory"

finish
