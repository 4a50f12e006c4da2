#!/usr/bin/env bash
# Installs what pith needs from Debian's packages, then builds it.
#
#   ./setup.sh            install packages, build build/pith
#   ./setup.sh test       ... then run the whole test suite, and again
#                         under AddressSanitizer + UBSan (build-asan/)
#   ./setup.sh hostile    ... test, then the hostile-input stages: fuzzing,
#                         pathological pages, scaling, valgrind
#                         (tests/hostile.sh; what .ci/run runs)
#   ./setup.sh --packages list the Debian packages it installs, one a line
#
# Quiet unless something fails: apt's and the build's output go to a log
# (build/setup.log), shown when a step fails.
# Set PITH_NO_APT=1 to skip the package step (packages already there).
set -euo pipefail
cd "$(dirname "$0")"

# README.md names each of these (tests/docs/check.sh checks it).
packages=(build-essential cmake pkg-config zlib1g-dev libdeflate-dev python3 gzip
  libzstd-dev libbrotli-dev # WARC input: .warc.zst, zstd and br bodies
  zstd brotli               # tests/warc (zstd files, br bodies written by the test)
  wget                      # tests/warc/test_wget.py (WARCs as wget writes them)
  libxml2-dev             # tests (XML output parsed back) and bench (libxml2's parse speed)
  help2man                # the man page, built from pith --help
  libxml2-utils cmark-gfm # tests/render (xmllint, Markdown parsed back)
  # bindings/python: the module, its tests, pith.dask (and its dataframes)
  python3-dev python3-setuptools python3-pip python3-pytest python3-dask python3-distributed
  python3-pandas python3-mypy # mypy: tests/test_stubs.py reads the stubs as a checker does
)
# ./setup.sh hostile only: libFuzzer (clang's runtime) and valgrind.
hostile_packages=(clang libclang-rt-14-dev valgrind)

if [ "${1:-}" = --packages ]; then
  printf '%s\n' "${packages[@]}" "${hostile_packages[@]}"
  exit 0
fi
[ "${1:-}" = hostile ] && packages+=("${hostile_packages[@]}")

mkdir -p build
log=$PWD/build/setup.log
: >"$log"
# quietly STEP COMMAND...: runs it with its output in the log; on failure
# shows the log's end and stops.
quietly() {
  local step=$1
  shift
  echo "== $step: $*" >>"$log"
  if ! "$@" >>"$log" 2>&1; then
    echo "setup: $step failed; the end of $log:" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
}

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "setup: installing ${missing[*]}" >&2
  quietly "apt-get update" "${sudo[@]}" apt-get update -qq
  quietly "apt-get install" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}"
}

build() { # build DIR [cmake args...]
  local dir=$1
  shift
  echo "setup: building $dir/" >&2
  quietly "configure $dir" cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@"
  quietly "build $dir" cmake --build "$dir" -j "$(nproc)"
}

# The Python module (bindings/python) for Debian's /usr/bin/python3, linked
# with the libpith just built: into the system's Python as root, else into
# the user's. No package index: setuptools is Debian's.
install_python_module() {
  local where=(--break-system-packages --root-user-action=ignore)
  [ "$(id -u)" -ne 0 ] && where+=(--user)
  rm -rf bindings/python/build bindings/python/pith.egg-info
  quietly "install the Python module" /usr/bin/python3 -m pip install --no-build-isolation \
    --no-index --no-deps "${where[@]}" ./bindings/python
  rm -rf bindings/python/build bindings/python/pith.egg-info
}

[ "${PITH_NO_APT:-0}" = 1 ] || install_packages
build build -DPITH_WERROR=ON
install_python_module
echo "setup: built build/pith (the whole log: build/setup.log)" >&2

if [ "${1:-}" = test ] || [ "${1:-}" = hostile ]; then
  ctest --test-dir build --output-on-failure
  build build-asan -DPITH_SANITIZE=ON -DPITH_WERROR=ON -DCMAKE_BUILD_TYPE=Debug
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure
fi
if [ "${1:-}" = hostile ]; then
  tests/hostile.sh
fi
