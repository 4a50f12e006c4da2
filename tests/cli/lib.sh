# Shared helpers for the CLI tests (sourced by tests/cli/test_*.sh, which
# ctest runs as `bash test_X.sh PATH/TO/pith`). Not a test itself.
#
#   run ARGS...        runs pith: sets $out (stdout), $err (stderr), $rc,
#                      $msgs (stderr without the summary of a run of several)
#   check NAME COND... records a pass or a failure (COND is a command)
#   finish             prints "N passed, N failed" and exits 0 or 1
set -u
pith=${1:?usage: $0 PATH/TO/pith}
case $pith in /*) ;; *) pith=$PWD/$pith ;; esac
[ -x "$pith" ] || { echo "not executable: $pith"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
passed=0 failed=0

# run [pith arguments...]: stdin is whatever the caller redirects.
run() {
  "$pith" "$@" >"$tmp/.out" 2>"$tmp/.err"
  rc=$?
  out=$(cat "$tmp/.out")
  err=$(cat "$tmp/.err")
  msgs=$(grep -v '^pith: [0-9]* read: ' "$tmp/.err")
}

check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
    echo "  rc=$rc"
    printf '  stdout: %s\n' "$(head -c 600 "$tmp/.out" | head -8)"
    printf '  stderr: %s\n' "$(head -c 600 "$tmp/.err" | head -8)"
  fi
}

# Small predicates for check.
is() { [ "$1" == "$2" ]; }
contains() { case $1 in *"$2"*) return 0 ;; *) return 1 ;; esac; }
lacks() { ! contains "$1" "$2"; }
lines() { [ "$(printf '%s' "$1" | grep -c '')" -eq "$2" ]; } # number of lines of $1
file_has() { [ -f "$1" ] && grep -qF -- "$2" "$1"; }
valid_json() { printf '%s' "$1" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; }
# json_get JSON KEY: prints the value of a top-level key ("<absent>" if none).
json_get() {
  printf '%s' "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
v = d.get(sys.argv[1], "<absent>")
sys.stdout.write(v if isinstance(v, str) else json.dumps(v))' "$2"
}

# page FILE TITLE WORD: writes a small article page whose body text holds
# WORD (a marker to find in the output) and whose title is TITLE.
page() {
  cat >"$1" <<HTML
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>$2</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav>
<article>
<h1>$2</h1>
<p>The first paragraph mentions $3 and goes on long enough to read as real prose, with a full sentence or two.</p>
<p>The second paragraph keeps going for a while, adding detail that a reader came to the page for in the first place.</p>
</article>
<footer><p>Copyright 2024 Example Media. All rights reserved.</p></footer>
</body></html>
HTML
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}
