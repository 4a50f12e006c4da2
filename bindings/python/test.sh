#!/usr/bin/env bash
# Builds the pith module against one CMake build directory's libpith and
# runs its pytest suite (ctest's "python" test runs this).
#
#   bindings/python/test.sh BUILD_DIR [SANITIZE]
#
# The module is built into BUILD_DIR/python, not installed. SANITIZE=1 (a
# PITH_SANITIZE build): the module is built with ASan + UBSan, Python runs
# with libasan preloaded (leak detection off: the interpreter keeps memory
# at exit by design) and the slow tests run smaller.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
sanitize=${2:-0}
python=/usr/bin/python3
out=$build/python

rm -rf "$out"
mkdir -p "$out"
if ! (cd "$here" && PITH_BUILD_DIR=$build PITH_SANITIZE=$sanitize \
  "$python" setup.py -q build --build-base "$out/tmp" --build-lib "$out/lib" --force) \
  >"$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  echo "python: building the module failed" >&2
  exit 1
fi
rm -rf "$here/pith.egg-info"
# Warnings clean, as the C library (PITH_WERROR): the compiler's lines fail the test.
if grep -E '\.[ch]:[0-9]+:[0-9]+: warning:' "$out/build.log" >&2; then
  echo "python: the module compiles with warnings" >&2
  exit 1
fi

export PYTHONPATH=$out/lib PITH_CLI=$build/pith
if [ "$sanitize" = 1 ]; then
  LD_PRELOAD=$(gcc -print-file-name=libasan.so)
  # A small quarantine (freed memory ASan holds back): the default 256 MB
  # fills during the leak tests and reads as RSS growth.
  export LD_PRELOAD ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=32 PITH_TEST_QUICK=1
fi
cd "$out" # not the source directory: its pith/ has no compiled module
exec "$python" -m pytest -q -p no:cacheprovider "$here/tests"
