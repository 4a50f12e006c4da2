#!/usr/bin/env bash
# pith on a crawl archive: throughput, the decompression floor, memory, and
# whether a page gives the same text inside a WARC as given as a file.
# See --help and bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PITH=$ROOT/build/pith
DATA=$ROOT/../shared/data
WARC=/dev/shm/pith-bench.warc.gz
COPIES=10

usage() {
    cat <<HELP
usage: bench/warc.sh [--pith build/pith] [--data ../shared/data]
                     [--warc /dev/shm/pith-bench.warc.gz] [--copies 10]

Builds the benchmark WARC with bench/make_warc.py (the pages of scrapinghub
and wcxb-dev, one gzip member per record; kept at --warc, never in the
repository), then measures in one run:

  floor      zcat WARC > /dev/null: the time to decompress the file alone
  -j 1, -j 2 pith -f json WARC (-j only when this pith has it): pages/s and
             MB/s of compressed input, wall clock; the ratio -j 2 / -j 1;
             CPU time (user + system) of each, and the ratio's bound on two
             idle cores (2 x CPU of -j 1 / CPU of -j 2)
  memory     peak RSS for one copy and for --copies concatenated copies
  same text  each page's text from the WARC against the same page given
             as a file with the same --url (one pith a page): the number
             that differ (0 expected)

Timings are wall clock on a shared machine: compare them as ratios within
one run.
HELP
}

while [ $# -gt 0 ]; do
    case $1 in
    --pith) PITH=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --warc) WARC=$2; shift 2 ;;
    --copies) COPIES=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "warc.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[ -x "$PITH" ] || { echo "warc.sh: no pith at $PITH (build first)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"; rm -f "${MANY:-}"' EXIT

/usr/bin/python3 "$ROOT/bench/make_warc.py" --data "$DATA" "$WARC"
MANY=${WARC%.warc.gz}-x$COPIES.warc.gz
/usr/bin/python3 "$ROOT/bench/make_warc.py" --data "$DATA" --copies "$COPIES" "$MANY"
BYTES=$(stat -c %s "$WARC")
cat "$WARC" "$MANY" >/dev/null # warm the page cache

# seconds, peak RSS (KiB) and CPU seconds (user, system) of a command,
# into $TMP/time
timed() { /usr/bin/time -f "%e %M %U %S" -o "$TMP/time" "$@"; }

timed sh -c "zcat '$WARC' >/dev/null"
read -r floor _ <"$TMP/time"
echo "floor: zcat in ${floor} s ($BYTES bytes)"

JOBS=(1)
"$PITH" --help | grep -q -- '--jobs' && JOBS=(1 2)
declare -A rate cpu
for j in "${JOBS[@]}"; do
    args=(-f json)
    [ ${#JOBS[@]} -gt 1 ] && args+=(-j "$j")
    timed "$PITH" "${args[@]}" "$WARC" >"$TMP/out.jsonl" 2>"$TMP/err" || true
    read -r secs rss user sys <"$TMP/time"
    pages=$(wc -l <"$TMP/out.jsonl")
    rate[$j]=$(awk -v p="$pages" -v s="$secs" 'BEGIN { printf "%.1f", p / s }')
    cpu[$j]=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    awk -v j="$j" -v p="$pages" -v s="$secs" -v b="$BYTES" -v f="$floor" -v r="$rss" -v c="${cpu[$j]}" 'BEGIN {
        printf "-j %s: %d pages in %.2f s: %.1f pages/s, %.2f MB/s compressed (%.1fx the zcat floor), CPU %.2f s, peak RSS %d MiB\n",
            j, p, s, p / s, b / s / 1e6, s / f, c, r / 1024 }'
done
# The CPU bound: what -j 2 / -j 1 comes to on two idle cores when no thread
# waits — the work of -j 1 over the work of -j 2 shared by two cores (wall
# clock on a shared machine falls short of it).
[ ${#JOBS[@]} -gt 1 ] && awk -v a="${rate[1]}" -v b="${rate[2]}" -v c1="${cpu[1]}" -v c2="${cpu[2]}" 'BEGIN {
    printf "-j 2 / -j 1: %.2fx (CPU %.2f s and %.2f s: at most %.2fx on two idle cores)\n", b / a, c1, c2, 2 * c1 / c2 }'
[ ${#JOBS[@]} -gt 1 ] || echo "-j: not in this pith (measured without)"

timed "$PITH" -f json "$WARC" >/dev/null 2>&1 || true
read -r _ one <"$TMP/time"
timed "$PITH" -f json "$MANY" >/dev/null 2>&1 || true
read -r _ ten <"$TMP/time"
awk -v o="$one" -v t="$ten" -v c="$COPIES" 'BEGIN {
    printf "memory: peak RSS %d MiB for one copy, %d MiB for %d copies (%.2fx)\n", o / 1024, t / 1024, c, t / o }'

# The same page as a file, with the same --url: its text must not change.
/usr/bin/python3 - "$TMP/out.jsonl" "$PITH" "$DATA" <<'PY'
import glob, json, os, subprocess, sys
out, pith, data = sys.argv[1:4]
same = n = 0
differ = []
for line in open(out, encoding="utf-8"):
    j = json.loads(line)
    _, _, name, pid = j["warc_record_id"].strip("<>").split(":", 3)
    path = glob.glob(os.path.join(data, name, "html", pid + ".*"))[0]
    p = subprocess.run([pith, "-f", "json", "-u", j["url"], path], capture_output=True)
    n += 1
    if json.loads(p.stdout).get("text", "") == j.get("text", ""):
        same += 1
    else:
        differ.append((name, pid))
print(f"same text: {same} of {n} pages alike in the WARC and as files (same url)"
      + (f"; differ: {differ[:5]}" if differ else ""))
PY
