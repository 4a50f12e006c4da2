#!/usr/bin/env bash
# pith on several threads: pages/s with -j 1 and -j N over the dev pages given
# as files, the CPU time each run used, and peak memory with the pages given
# once and COPIES times (memory must not grow with the number of pages).
# See --help and bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PITH=$ROOT/build/pith
DATA=$ROOT/../shared/data
SETS=scrapinghub,wcxb-dev
JOBS=2
RUNS=3
COPIES=5

usage() {
    cat <<EOF
usage: bench/parallel.sh [--pith build/pith] [--data ../shared/data]
                         [--sets scrapinghub,wcxb-dev] [--jobs 2] [--runs 3]
                         [--copies 5]

  1. 'pith -j 1 --output-dir OUT FILE...' and the same with -j JOBS over the
     sets' html/ pages, each given as a file: wall seconds (best of --runs),
     pages/s, user and system CPU seconds, and the ratio of the two rates.
     On a machine shared with other work the wall clock says little: the CPU
     times say whether threads cost extra work.
  2. Peak RSS of 'pith -j JOBS --format json FILE...' with the pages given
     once and --copies times: a bounded run keeps the same peak.
EOF
}

die() { echo "parallel.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case $1 in
        -h|--help) usage; exit 0 ;;
        --pith) PITH=${2:?--pith wants a path}; shift 2 ;;
        --data) DATA=${2:?--data wants a path}; shift 2 ;;
        --sets) SETS=${2:?--sets wants a list}; shift 2 ;;
        --jobs) JOBS=${2:?--jobs wants a number}; shift 2 ;;
        --runs) RUNS=${2:?--runs wants a number}; shift 2 ;;
        --copies) COPIES=${2:?--copies wants a number}; shift 2 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs wants a positive number"
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || die "--jobs wants a positive number"
[[ $COPIES =~ ^[1-9][0-9]*$ ]] || die "--copies wants a positive number"
[ -x "$PITH" ] || die "pith not found: $PITH (build it, or pass --pith)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian package: time)"
[ -d "$DATA" ] || die "data directory not found: $DATA (pass --data DIR)"

FILES=()
IFS=, read -r -a SETLIST <<<"$SETS"
for s in "${SETLIST[@]}"; do
    [ -d "$DATA/$s/html" ] || die "$DATA/$s/html not found"
    while IFS= read -r -d '' f; do FILES+=("$f"); done < <(find "$DATA/$s/html" -type f -name '*.htm*' -print0 | sort -z)
done
PAGES=${#FILES[@]}
[ "$PAGES" -gt 0 ] || die "no pages"
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then TMPDIR=/dev/shm; fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pith-parallel.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cat "${FILES[@]}" >/dev/null # warm the page cache

echo "parallel: $PAGES pages ($SETS), -j 1 vs -j $JOBS, best of $RUNS, $(nproc) cores," \
     "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
printf '%-8s %8s %9s %9s %8s %10s\n' "" wall pages/s "user s" "sys s" "peak RSS"

declare -A WALL
for j in 1 "$JOBS"; do
    best= bu= bs= brss=
    for ((r = 1; r <= RUNS; r++)); do
        rm -rf "$TMP/out"
        /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" "$PITH" -q -j "$j" --output-dir "$TMP/out" "${FILES[@]}" || true
        read -r e u s m <"$TMP/time"
        if [ -z "$best" ] || awk -v a="$e" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$e bu=$u bs=$s brss=$m
        fi
    done
    WALL[$j]=$best
    printf '%-8s %8.2f %9.1f %9.2f %8.2f %7.1f MiB\n' "-j $j" "$best" \
        "$(awk -v n="$PAGES" -v t="$best" 'BEGIN { print n / t }')" "$bu" "$bs" \
        "$(awk -v k="$brss" 'BEGIN { print k / 1024 }')"
done
echo "speed-up -j $JOBS / -j 1: $(awk -v a="${WALL[1]}" -v b="${WALL[$JOBS]}" 'BEGIN { printf "%.2f", a / b }')x"

ALL=()
for ((k = 0; k < COPIES; k++)); do ALL+=("${FILES[@]}"); done
for set in once copies; do
    if [ $set = once ]; then args=("${FILES[@]}"); else args=("${ALL[@]}"); fi
    /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" "$PITH" -q -j "$JOBS" --format json "${args[@]}" >/dev/null || true
    read -r e u s m <"$TMP/time"
    printf 'peak RSS, %5d pages (%s): %.1f MiB\n' "${#args[@]}" "$set" "$(awk -v k="$m" 'BEGIN { print k / 1024 }')"
done
