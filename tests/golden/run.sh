#!/usr/bin/env bash
# Golden tests: for every NAME.html (or NAME.txt: a page flattened to text, for
# text mode) here, `pith $(cat NAME.args) NAME.html`
# must print exactly NAME.expected: the output (stdout and stderr), then a
# line "exit N" with pith's exit status. NAME.args is optional (default: no
# options; one line, split at spaces). The expected files say what a perfect
# extraction gives, so a failure here may be the extractor's to fix.
#
#   run.sh PITH                      every page in this directory
#   run.sh PITH DIR|PAGE.html...     the pages in DIR (e.g. pending/), or these
#
# Set PITH_GOLDEN_UPDATE=1 to rewrite the expected files from pith's output
# (then read the diff before committing it).
set -u
pith=${1:?usage: run.sh PATH/TO/pith [DIR|PAGE.html...]}
shift
case $pith in /*) ;; *) pith=$PWD/$pith ;; esac
[ -x "$pith" ] || { echo "not executable: $pith"; exit 1; }
shopt -s nullglob
here=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- "$here"
pages=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    dir=$(cd "$arg" && pwd)
    for expected in "$dir"/*.expected; do
      [ -f "${expected%.expected}.html" ] || [ -f "${expected%.expected}.txt" ] ||
        echo "warning: $expected has no .html or .txt"
    done
    pages+=("$dir"/*.html "$dir"/*.txt)
  else
    pages+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")")
  fi
done
passed=0 failed=0
[ ${#pages[@]} -gt 0 ] || { echo "no golden pages in $*"; echo "0 passed, 1 failed"; exit 1; }
for path in "${pages[@]}"; do
  cd "$(dirname "$path")" || exit 1
  page=$(basename "$path")
  name=${page%.*}
  args=()
  [ -f "$name.args" ] && read -r -a args <"$name.args"
  got=$("$pith" "${args[@]}" "$page" 2>&1; echo "exit $?")
  if [ "${PITH_GOLDEN_UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$got" >"$name.expected"
  fi
  if [ ! -f "$name.expected" ]; then
    failed=$((failed + 1))
    echo "FAIL $name: no $name.expected"
  elif [ "$got" == "$(cat "$name.expected")" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name (pith ${args[*]} $page):"
    diff -u --label "$name.expected" --label "pith output" "$name.expected" <(printf '%s\n' "$got") |
      tail -n +3 | head -60
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
