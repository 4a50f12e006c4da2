#!/usr/bin/env bash
# Runs one fuzz target with libFuzzer (clang, ASan + UBSan) for a time:
#
#   tests/fuzz/run.sh TARGET SECONDS      TARGET: extract html text charset meta warc tokenizer
#
# Builds build-fuzz/ with clang and PITH_FUZZ=ON the first time. The corpus
# lives in build-fuzz/corpus/TARGET (seeded by tests/fuzz/seeds.py, kept
# between runs); the run is niced (the machine is shared). A crash, leak or
# timeout the fuzzer finds is copied into tests/regress/TARGET/, which ctest
# replays; the script then exits 1. PITH_DATA: the shared data directory
# (default ../shared/data beside the repository) for WARC seeds, if there.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: tests/fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: tests/fuzz/run.sh TARGET SECONDS}
[ -f "tests/fuzz/fuzz_$target.c" ] || { echo "run.sh: no target $target (tests/fuzz/fuzz_$target.c)" >&2; exit 2; }
dir=${PITH_FUZZ_BUILD:-build-fuzz}
if [ ! -x "$dir/tests/fuzz_$target" ]; then
  CC=clang cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPITH_FUZZ=ON >/dev/null
  cmake --build "$dir" -j2 --target "fuzz_$target" >&2
fi
corpus=$dir/corpus/$target
artifacts=$dir/artifacts/$target
mkdir -p "$corpus" "$artifacts"
if [ -z "$(ls -A "$corpus")" ]; then
  data=${PITH_DATA:-../shared/data}
  /usr/bin/python3 tests/fuzz/seeds.py "$target" "$corpus" $([ -d "$data/warc" ] && echo --data "$data")
fi
dict=tests/fuzz/html.dict
[ "$target" = warc ] && dict=tests/fuzz/warc.dict
log=$dir/fuzz-$target.log
set +e
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
  nice -n 19 "$dir/tests/fuzz_$target" "$corpus" -dict="$dict" -max_total_time="$seconds" \
  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" >"$log" 2>&1
rc=$?
set -e
grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)" "$log" | sed "s/^/$target: /" || true
cov=$(grep -oE "cov: [0-9]+ ft: [0-9]+" "$log" | tail -1 || true)
echo "$target: $seconds s, ${cov:-no coverage line}, corpus $(ls "$corpus" | wc -l) files, exit $rc"
found=0
for f in "$artifacts"/*; do
  [ -e "$f" ] || continue
  mkdir -p "tests/regress/$target"
  cp "$f" "tests/regress/$target/$(basename "$f")"
  echo "$target: found $(basename "$f") -> tests/regress/$target/ (see $log)" >&2
  found=1
done
[ $rc -eq 0 ] && [ $found -eq 0 ]
