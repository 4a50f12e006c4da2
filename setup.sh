#!/usr/bin/env bash
# Installs what pith needs from Debian's packages, then builds it.
#
#   ./setup.sh            install packages, build build/pith
#   ./setup.sh test       ... then run the whole test suite, and again
#                         under AddressSanitizer + UBSan (build-asan/)
#
# Set PITH_NO_APT=1 to skip the package step (packages already there).
set -euo pipefail
cd "$(dirname "$0")"

packages=(build-essential cmake pkg-config libxml2-dev zlib1g-dev libdeflate-dev libzstd-dev libbrotli-dev
  python3 gzip zstd brotli
  libxml2-utils cmark-gfm # tests/render (xmllint, Markdown parsed back)
  # bindings/python: the module, its tests, pith.dask (and its dataframes)
  python3-dev python3-setuptools python3-pip python3-pytest python3-dask python3-distributed
  python3-pandas
)

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "setup: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

build() { # build DIR [cmake args...]
  local dir=$1
  shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)" >&2
}

# The Python module (bindings/python) for Debian's /usr/bin/python3, linked
# with the libpith just built: into the system's Python as root, else into
# the user's. No package index: setuptools is Debian's.
install_python_module() {
  local where=(--break-system-packages --root-user-action=ignore)
  [ "$(id -u)" -ne 0 ] && where+=(--user)
  rm -rf bindings/python/build bindings/python/pith.egg-info
  local out
  if ! out=$(/usr/bin/python3 -m pip install -q --no-build-isolation --no-index --no-deps \
    "${where[@]}" ./bindings/python 2>&1); then
    echo "$out" >&2
    echo "setup: installing the Python module failed" >&2
    exit 1
  fi
  rm -rf bindings/python/build bindings/python/pith.egg-info
}

[ "${PITH_NO_APT:-0}" = 1 ] || install_packages
build build -DPITH_WERROR=ON
install_python_module

if [ "${1:-}" = test ]; then
  ctest --test-dir build --output-on-failure
  build build-asan -DPITH_SANITIZE=ON -DPITH_WERROR=ON -DCMAKE_BUILD_TYPE=Debug
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure
fi
