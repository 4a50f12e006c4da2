#!/usr/bin/env bash
# Golden tests: for every NAME.html here, `pith $(cat NAME.args) NAME.html`
# must print exactly NAME.expected. NAME.args is optional (default: no
# options). Set PITH_GOLDEN_UPDATE=1 to rewrite the expected files (then read
# the diff before committing it).
set -u
pith=${1:?usage: run.sh PATH/TO/pith}
cd "$(dirname "$0")"
passed=0 failed=0
for page in *.html; do
  name=${page%.html}
  [ -f "$name.expected" ] || [ "${PITH_GOLDEN_UPDATE:-0}" = 1 ] || { echo "$name: no $name.expected"; failed=$((failed + 1)); continue; }
  args=()
  [ -f "$name.args" ] && read -r -a args < "$name.args"
  got=$("$pith" "${args[@]}" "$page" 2>&1; echo "exit $?")
  if [ "${PITH_GOLDEN_UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$got" > "$name.expected"
  fi
  if [ "$got" == "$(cat "$name.expected")" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name (pith ${args[*]} $page):"
    diff <(printf '%s\n' "$got") "$name.expected" | head -40
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
