#!/usr/bin/env bash
# The hostile-input stages (issue 14, docs/limits.md), after ./setup.sh test
# has built build/ and build-asan/ (`./setup.sh hostile` runs both):
#
#   1. the pathological pages with the release build and the real limits
#      (1 GiB each, and 10 times the CPU time of an ordinary page timed in
#      the same run), then under ASan + UBSan (the page timed under it
#      too; limits x2 for time, the sanitizer's cost differing from page
#      to page, x10 for memory);
#   2. bench/scaling.py: no case above 2.5 per doubling (over the last two;
#      a case over it is measured twice more, and fails when over every time);
#   3. each fuzz target for PITH_FUZZ_SECONDS (default 60) with libFuzzer
#      (clang, ASan + UBSan; build-fuzz/): a find fails the stage and lands
#      in tests/regress/ (the regression corpus itself runs in ctest, in
#      both builds);
#   4. the golden tests under valgrind (memcheck: any error or definite
#      leak fails).
#
# Each stage prints its time; the script stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${PITH_FUZZ_SECONDS:-60}
stage() {
  echo "== hostile: $1" >&2
  stage_start=$SECONDS
}
done_stage() { echo "== hostile: $1 done in $((SECONDS - stage_start)) s" >&2; }

stage "pathological pages (release)"
/usr/bin/python3 tests/pathological/run.py build/pith
done_stage "pathological pages (release)"

stage "pathological pages (ASan + UBSan)"
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
  /usr/bin/python3 tests/pathological/run.py build-asan/pith --time-limit 20 --rss-limit 10240
done_stage "pathological pages (ASan + UBSan)"

stage "scaling"
/usr/bin/python3 bench/scaling.py build/pith
done_stage "scaling"

stage "fuzzing, $seconds s a target"
for f in tests/fuzz/fuzz_*.c; do
  t=${f#tests/fuzz/fuzz_}
  tests/fuzz/run.sh "${t%.c}" "$seconds"
done
done_stage "fuzzing"

stage "golden tests under valgrind"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
cat >"$logs/pith" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
  --log-file="$logs/vg.%p.log" "$PWD/build/pith" "\$@"
WRAP
chmod +x "$logs/pith"
tests/golden/run.sh "$logs/pith"
if grep -l . "$logs"/vg.*.log 2>/dev/null; then
  cat "$logs"/vg.*.log >&2
  echo "hostile: valgrind reported errors (above)" >&2
  exit 1
fi
done_stage "golden tests under valgrind"
