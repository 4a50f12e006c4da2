#!/usr/bin/env bash
# Measure pith's throughput on one core against libxml2's own parse speed.
# See --help and bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PITH=$ROOT/build/pith
FLOOR=
DATA=$ROOT/../shared/data
RUNS=3
SETS=scrapinghub,wcxb-dev
FORMATS=text
CORE=0
DO_PITH=1
DO_FLOOR=1
FLOOR_ARGS=()
CPU=0
EXTRA=()

usage() {
    cat <<EOF
usage: bench/speed.sh [--pith build/pith] [--floor build/pith-parse-floor]
                      [--data ../shared/data] [--runs 3] [--sets scrapinghub,wcxb-dev]
                      [--core 0] [--formats text,json,...] [--no-floor | --floor-only] [--cpu]
                      [-- extra pith args]

Throughput on one core (taskset -c CORE) over the sets' html/ pages together:

  pith       per format of --formats (default: text), one 'pith -j 1 --format F
             --output-dir OUT DIR...' process over all pages, wall clock (best
             of --runs): reading, gunzip, charset, parse, extract, render and
             writing every output file. Peak RSS of that process.
  parser     build/pith-parse-floor, pages already in memory as UTF-8, only
             the parse timed: pith's own parser (DOM: tokenizer and tree
             builder; tokenizer alone), a memchr scan for '<' (the floor
             under any parser), and for comparison libxml2's HTML SAX parser
             with callbacks that only count, and libxml2 building its tree.

--cpu times every row in CPU time (pith: user + system time of the process)
instead of wall clock: on a machine shared with other work, wall clock also
counts the time spent waiting for a core.

Prints pages/s, MB/s (10^6 bytes of uncompressed HTML) and the ratios
pith parser / SAX and pith end to end / SAX (each format). The page cache is
warmed first. Defaults are relative to the project root ($ROOT). Extra
arguments after -- go to pith (for example -- --no-title).
EOF
}

die() { echo "speed.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case $1 in
        -h|--help) usage; exit 0 ;;
        --pith) PITH=${2:?--pith wants a path}; shift 2 ;;
        --floor) FLOOR=${2:?--floor wants a path}; shift 2 ;;
        --data) DATA=${2:?--data wants a path}; shift 2 ;;
        --runs) RUNS=${2:?--runs wants a number}; shift 2 ;;
        --sets) SETS=${2:?--sets wants a list}; shift 2 ;;
        --formats) FORMATS=${2:?--formats wants a list}; shift 2 ;;
        --core) CORE=${2:?--core wants a number}; shift 2 ;;
        --no-floor) DO_FLOOR=0; shift ;;
        --floor-only) DO_PITH=0; shift ;;
        --cpu) FLOOR_ARGS+=(--cpu); CPU=1; shift ;;
        --) shift; EXTRA=("$@"); break ;;
        *) usage >&2; exit 2 ;;
    esac
done

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs wants a positive number, not '$RUNS'"
IFS=, read -r -a FORMATLIST <<<"$FORMATS"
for fmt in "${FORMATLIST[@]}"; do
    case $fmt in
        text | json | jsonl | markdown | md | html | xml) ;;
        *) die "--formats: unknown format '$fmt' (text, json, markdown, html, xml)" ;;
    esac
done
[ ${#FORMATLIST[@]} -gt 0 ] || die "--formats wants at least one format"
[ -d "$DATA" ] || die "data directory not found: $DATA (pass --data DIR)"
DATA=$(cd "$DATA" && pwd)

DIRS=()
IFS=, read -r -a SETLIST <<<"$SETS"
for s in "${SETLIST[@]}"; do
    [ -d "$DATA/$s/html" ] || die "$DATA/$s/html not found: is --data the shared data directory?"
    DIRS+=("$DATA/$s/html")
done
[ ${#DIRS[@]} -gt 0 ] || die "no sets given"

if [ "$DO_PITH" = 1 ]; then
    if [ ! -f "$PITH" ] || [ ! -x "$PITH" ]; then
        die "pith binary not found: $PITH
  build it first (cmake -S . -B build && cmake --build build) or pass --pith"
    fi
fi
if [ "$DO_FLOOR" = 1 ]; then
    if [ -z "$FLOOR" ]; then
        FLOOR=$(dirname "$PITH")/pith-parse-floor
        if [ ! -x "$FLOOR" ] && [ -x "$(dirname "$PITH")/bench/pith-parse-floor" ]; then
            FLOOR=$(dirname "$PITH")/bench/pith-parse-floor
        fi
    fi
    if [ ! -f "$FLOOR" ] || [ ! -x "$FLOOR" ]; then
        die "parse floor not found: $FLOOR
  build it (cmake --build build --target pith-parse-floor), pass --floor, or use --no-floor"
    fi
fi

PIN=()
if command -v taskset >/dev/null 2>&1; then
    PIN=(taskset -c "$CORE")
else
    echo "speed.sh: taskset not found (Debian package util-linux): running unpinned" >&2
fi

# Outputs go to memory (tmpfs) when the machine has one, as the floor's
# pages are in memory: the comparison is of work, not of the file system
# (ext4 creating thousands of files right after deleting thousands costs
# seconds of system time here). Set TMPDIR to measure on a disk instead.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    TMPDIR=/dev/shm
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pith-speed.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# The pages, the way pith picks them from a directory.
find "${DIRS[@]}" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.xhtml' \
    -o -name '*.html.gz' -o -name '*.htm.gz' -o -name '*.xhtml.gz' \) -print0 >"$TMP/files"
PAGES=$(tr -cd '\0' <"$TMP/files" | wc -c)
[ "$PAGES" -gt 0 ] || die "no pages under ${DIRS[*]}"

# Warm the page cache, and count the uncompressed bytes once.
xargs -0 cat <"$TMP/files" >/dev/null
BYTES=$(xargs -0 zcat -f <"$TMP/files" | wc -c)

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", n / s; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo "speed: $PAGES pages, $(mb "$BYTES") MB uncompressed HTML ($SETS)," \
     "core ${CORE}$([ ${#PIN[@]} -gt 0 ] || echo ' (unpinned)'), best of $RUNS"
echo "machine: $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo '?')," \
     "$(date -u +%Y-%m-%dT%H:%MZ)"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    COMMIT="$COMMIT + uncommitted changes"
fi
echo "commit: $COMMIT"
echo

# Peak RSS in KiB of a command: /usr/bin/time when there, else Python's
# getrusage of its child, else nothing.
if [ -x /usr/bin/time ]; then
    RSS_TOOL=gnu-time
elif command -v python3 >/dev/null 2>&1; then
    RSS_TOOL=python
else
    RSS_TOOL=none
    [ "$CPU" = 0 ] || die "--cpu needs /usr/bin/time (Debian package time) or python3"
fi
run_measured() { # stdout, stderr files, then the command
    local out=$1 err=$2; shift 2
    case $RSS_TOOL in
        gnu-time) /usr/bin/time -f "%M %U %S" -o "$TMP/rss" "$@" >"$out" 2>"$err" ;;
        python) python3 -c '
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%d %.2f %.2f\n" % (u.ru_maxrss, u.ru_utime, u.ru_stime))
sys.exit(rc if rc >= 0 else 128 - rc)' "$TMP/rss" "$@" >"$out" 2>"$err" ;;
        none) "$@" >"$out" 2>"$err" ;;
    esac
}

echo "outputs: $TMP"
printf '%-26s %8s %9s %8s %10s\n' "" seconds pages/s MB/s "peak RSS"

# pith end to end in one format: sets BEST (seconds), STATUS, OUTS, ERRS
# and prints its row.
run_pith() {
    local fmt=$1 r rc t t0 t1 rss rss_max=0 out
    BEST=
    STATUS=0
    for ((r = 1; r <= RUNS; r++)); do
        # A new directory each run, all removed at the end: creating files
        # right after deleting thousands makes ext4 scan the freed inodes,
        # seconds of system time that are the benchmark's, not pith's.
        out=$TMP/out-$fmt-$r
        mkdir "$out"
        : >"$TMP/rss"
        t0=$(date +%s.%N)
        set +e
        run_measured /dev/null "$TMP/stderr-$fmt" "${PIN[@]}" "$PITH" -j 1 --format "$fmt" "${EXTRA[@]}" \
            --output-dir "$out" "${DIRS[@]}"
        rc=$?
        set -e
        t1=$(date +%s.%N)
        t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
        if [ "$CPU" = 1 ]; then # user + system seconds (/usr/bin/time: 10 ms steps)
            t=$(tail -n1 "$TMP/rss" | awk '{ printf "%.4f", $2 + $3 }')
        fi
        if [ -z "$BEST" ] || awk -v a="$t" -v b="$BEST" 'BEGIN { exit !(a < b) }'; then
            BEST=$t
        fi
        rss=$(tail -n1 "$TMP/rss" 2>/dev/null | awk '{ print $1 }' | tr -cd '0-9')
        [ -n "$rss" ] && [ "$rss" -gt "$rss_max" ] && rss_max=$rss
        [ "$rc" -ne 0 ] && STATUS=$rc
    done
    OUTS=$(find "$TMP/out-$fmt-$RUNS" -type f | wc -l)
    ERRS=$(grep -vc '^pith: [0-9]* read: ' "$TMP/stderr-$fmt" || true) # the summary is no error
    local rss_text=n/a
    if [ "$rss_max" -gt 0 ]; then
        rss_text=$(awk -v k="$rss_max" 'BEGIN { printf "%.1f MiB", k / 1024 }')
    fi
    printf '%-26s %8.3f %9s %8s %10s\n' "pith $fmt (end to end)" "$BEST" \
        "$(rate "$PAGES" "$BEST")" "$(rate "$(mb "$BYTES")" "$BEST")" "$rss_text"
}

declare -A PITH_BEST PITH_STATUS PITH_OUTS PITH_ERRS
if [ "$DO_PITH" = 1 ]; then
    for fmt in "${FORMATLIST[@]}"; do
        run_pith "$fmt"
        PITH_BEST[$fmt]=$BEST PITH_STATUS[$fmt]=$STATUS PITH_OUTS[$fmt]=$OUTS PITH_ERRS[$fmt]=$ERRS
    done
fi

SAX_BEST=
if [ "$DO_FLOOR" = 1 ]; then
    set +e
    "${PIN[@]}" "$FLOOR" --all "${FLOOR_ARGS[@]}" --runs "$RUNS" "${DIRS[@]}" >"$TMP/floor" 2>"$TMP/floor.err"
    frc=$?
    set -e
    [ "$frc" -eq 0 ] || die "parse floor failed ($frc): $(head -3 "$TMP/floor.err")"
    # Lines: MODE pages P bytes B seconds S pages/s X MB/s Y events E
    field() { awk -v m="$1" -v k="$2" '$1 == m { for (i = 2; i < NF; i++) if ($i == k) print $(i + 1) }' "$TMP/floor"; }
    for m in dom tokens memchr sax sax-mem tree; do
        case $m in
            dom) label="pith parser (DOM)" ;;
            tokens) label="pith tokenizer alone" ;;
            memchr) label="memchr '<' scan" ;;
            sax) label="libxml2 SAX floor" ;;
            sax-mem) label="libxml2 SAX (memory ctxt)" ;;
            tree) label="libxml2 tree" ;;
        esac
        printf '%-26s %8.3f %9s %8s %10s\n' "$label" "$(field $m seconds)" "$(field $m pages/s)" \
            "$(field $m MB/s)" ""
    done
    SAX_BEST=$(field sax seconds)
    TREE_BEST=$(field tree seconds)
    DOM_BEST=$(field dom seconds)
    FBYTES=$(field sax bytes)
    [ "$FBYTES" = "$BYTES" ] || echo "note: the floor parsed $FBYTES bytes (pages made valid UTF-8), zcat counted $BYTES"
fi

echo
if [ -n "$SAX_BEST" ]; then
    echo "tree / SAX: $(ratio "$TREE_BEST" "$SAX_BEST")x"
    echo "pith parser / SAX: $(ratio "$DOM_BEST" "$SAX_BEST")x (SAX / pith parser: $(ratio "$SAX_BEST" "$DOM_BEST")x)"
fi
if [ "$DO_PITH" = 1 ]; then
    note=
    [ ${#EXTRA[@]} -eq 0 ] || note=" (extra args: ${EXTRA[*]})"
    for fmt in "${FORMATLIST[@]}"; do
        if [ -n "$SAX_BEST" ]; then
            echo "pith $fmt / SAX floor: $(ratio "${PITH_BEST[$fmt]}" "$SAX_BEST")x" \
                 "(pith's time is the whole process: read, gunzip, parse, extract, render, write;" \
                 "the floor's is the parse alone, in memory)"
        fi
        echo "pith $fmt: exit status ${PITH_STATUS[$fmt]}, ${PITH_ERRS[$fmt]} stderr lines," \
             "${PITH_OUTS[$fmt]} output files for $PAGES pages$note"
        if [ "${PITH_ERRS[$fmt]}" -gt 0 ]; then
            grep -v '^pith: [0-9]* read: ' "$TMP/stderr-$fmt" | head -3 | sed 's/^/  | /'
        fi
    done
fi
