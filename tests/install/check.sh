#!/usr/bin/env bash
# cmake --install into a temporary prefix, then build and run a small
# program against it the way a user would: with pkg-config, linked to the
# shared library, then to the static one with `pkg-config --static`. Also
# checks that the man page is installed (unless built with PITH_MAN=OFF)
# and that `man` can read it.
#
#   check.sh BUILD_DIR CC [EXTRA_CFLAGS...]   (ctest passes them)
set -u
build=${1:?usage: $0 BUILD_DIR CC [CFLAGS...]}
cc=${2:?usage: $0 BUILD_DIR CC [CFLAGS...]}
shift 2
extra=("$@") # the sanitizer flags of a sanitizer build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
  echo "FAIL: $*"
  failed=$((failed + 1))
}

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || {
  cat "$tmp/install.log"
  fail "cmake --install"
  exit 1
}
pc=$(find "$prefix" -name pith.pc | head -1)
[ -n "$pc" ] || {
  fail "no pith.pc installed"
  exit 1
}
export PKG_CONFIG_PATH=${pc%/*}
grep -q "^prefix=$prefix\$" "$pc" || fail "pith.pc prefix is not the install prefix: $(grep ^prefix= "$pc")"

cat >"$tmp/app.c" <<'C'
#include <pith.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  static const char page[] =
      "<html><head><title>Install check</title></head><body><article>"
      "<p>The installed library extracts this sentence from a page written for the test.</p>"
      "</article></body></html>";
  pith_result *r = NULL;
  pith_status st = pith_extract(page, strlen(page), NULL, &r);
  if (st != PITH_OK) {
    fprintf(stderr, "%s\n", pith_status_string(st));
    return 1;
  }
  printf("%s %s|%s\n", pith_version(), pith_result_title(r), pith_result_text(r));
  pith_result_free(r);
  return 0;
}
C
want="$(grep -o '"[0-9.]*"' "$prefix/include/pith.h" | head -1 | tr -d '"') Install check|The installed library extracts this sentence from a page written for the test."

# pkg-config's answers are split into words on purpose: they are flags.
# shellcheck disable=SC2046
try() { # try NAME LIBS-FLAGS...: compiles app.c (or $app) with pkg-config's cflags, runs it
  local name=$1
  shift
  # shellcheck disable=SC2046
  if ! "$cc" "${extra[@]}" $(pkg-config --cflags pith) -o "$tmp/app-$name" "${app:-$tmp/app.c}" "$@" \
    2>"$tmp/cc.log"; then
    fail "$name: compile and link"
    cat "$tmp/cc.log"
    return
  fi
  local got
  got=$(LD_LIBRARY_PATH="$(pkg-config --variable=libdir pith)" "$tmp/app-$name" 2>&1)
  [ "$got" = "$want" ] || fail "$name: run gave '$got', want '$want'"
}

pkg-config --exists pith || fail "pkg-config does not find pith"
case $(pkg-config --cflags pith) in *"$prefix/include"*) ;; *) fail "cflags: $(pkg-config --cflags pith)" ;; esac
# shellcheck disable=SC2046
try shared $(pkg-config --libs pith)
# The static library alone (-l:libpith.a), with what --static adds for it.
# shellcheck disable=SC2046
try static $(pkg-config --static --libs pith | sed 's/-lpith\b/-l:libpith.a/')
if command -v ldd >/dev/null && [ -x "$tmp/app-static" ]; then
  ! ldd "$tmp/app-static" | grep -q libpith || fail "static: still linked to libpith.so"
fi

# The shared library exports the functions pith.h declares and nothing
# else: an application's own function named as one of libpith's internal
# ones (html_parse, buf_init) is not called by libpith in their place.
lib=$(pkg-config --variable=libdir pith)/libpith.so
if command -v nm >/dev/null; then
  nm -D --defined-only "$lib" | awk '{print $3}' | sort >"$tmp/exported"
  sed -nE 's/^(const )?([a-z0-9_]+ )+[*]*(pith_[a-z0-9_]+)\(.*/\3/p' "$prefix/include/pith.h" |
    sort >"$tmp/declared"
  [ -s "$tmp/declared" ] || fail "no function found in pith.h"
  extra_symbols=$(comm -23 "$tmp/exported" "$tmp/declared" | head -5 | tr '\n' ' ')
  missing_symbols=$(comm -13 "$tmp/exported" "$tmp/declared" | head -5 | tr '\n' ' ')
  [ -z "$extra_symbols" ] || fail "libpith.so exports what pith.h does not declare: $extra_symbols..."
  [ -z "$missing_symbols" ] || fail "libpith.so lacks what pith.h declares: $missing_symbols..."
  nm --defined-only "${lib%.so}.a" | awk '$2 ~ /^[A-Z]$/ {print $3}' | sort >"$tmp/static"
  extra_symbols=$(comm -23 "$tmp/static" "$tmp/declared" | head -5 | tr '\n' ' ')
  [ -z "$extra_symbols" ] || fail "libpith.a's global symbols are more than pith.h declares: $extra_symbols..."
fi
sed 's/^int main(void) {$/int html_parse(void); int html_parse(void) { return 7; }\
int buf_init(int x); int buf_init(int x) { return x; }\
int main(void) {/' "$tmp/app.c" >"$tmp/app-names.c"
grep -q 'int html_parse' "$tmp/app-names.c" || fail "app-names.c not written"
# shellcheck disable=SC2046
app=$tmp/app-names.c try own-names $(pkg-config --libs pith)
# shellcheck disable=SC2046
app=$tmp/app-names.c try own-names-static $(pkg-config --static --libs pith | sed 's/-lpith\b/-l:libpith.a/')

# The header in C++: extern "C", no C-only construct.
if command -v c++ >/dev/null; then
  cp "$tmp/app.c" "$tmp/app.cc"
  # shellcheck disable=SC2046
  if c++ "${extra[@]}" -Wall -Wextra -Werror $(pkg-config --cflags pith) -o "$tmp/app-cxx" "$tmp/app.cc" \
    $(pkg-config --libs pith) 2>"$tmp/cc.log"; then
    got=$(LD_LIBRARY_PATH="$(pkg-config --variable=libdir pith)" "$tmp/app-cxx" 2>&1)
    [ "$got" = "$want" ] || fail "c++: run gave '$got', want '$want'"
  else
    cat "$tmp/cc.log"
    fail "c++: compile and link against pith.h"
  fi
fi

# The example program, built as its comment says (examples/metadata.c).
src=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck disable=SC2046
if "$cc" "${extra[@]}" -std=c11 -Wall -Wextra -Werror "$src/examples/metadata.c" \
  $(pkg-config --cflags --libs pith) -o "$tmp/metadata" 2>"$tmp/cc.log"; then
  got=$(LD_LIBRARY_PATH="$(pkg-config --variable=libdir pith)" "$tmp/metadata" \
    "$src/examples/article.html" https://example.org/news/mill 2>&1)
  for line in "title: Harbour town votes to restore its tidal mill" "author: Ellen Marsh" \
    "date_published: 2026-03-14" "# Harbour town votes to restore its tidal mill"; do
    printf '%s\n' "$got" | grep -qxF -- "$line" || fail "examples/metadata.c: no line '$line' in its output"
  done
else
  cat "$tmp/cc.log"
  fail "examples/metadata.c: compile and link"
fi

# The man page.
man1=$(find "$prefix" -path '*/man1/pith.1' | head -1)
if [ "${PITH_MAN:-1}" = 0 ]; then
  [ -z "$man1" ] || fail "PITH_MAN=OFF, yet pith.1 installed"
elif [ -z "$man1" ]; then
  fail "no man1/pith.1 installed"
elif command -v man >/dev/null; then
  MANWIDTH=80 man -l "$man1" 2>"$tmp/man.err" | grep -q -- "--format" || fail "man -l pith.1 shows no --format"
  [ ! -s "$tmp/man.err" ] || fail "man warns: $(head -3 "$tmp/man.err")"
  # Every option --help names is in the man page (help2man builds one from
  # the other; this catches a stale or mangled page).
  MANWIDTH=200 man -l "$man1" 2>/dev/null | sed 's/\xe2\x80\x90/-/g' >"$tmp/man.txt"
  for o in $("$prefix/bin/pith" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qF -- "$o" "$tmp/man.txt" || fail "man page lacks $o"
  done
  # Its SEE ALSO names the installed documents' place, under this prefix.
  grep -qF -- "$prefix/share/doc/pith" "$tmp/man.txt" || fail "man page does not name $prefix/share/doc/pith"
fi
# The build tree's man page (man -l build/pith.1, before installing) names
# a real place: the source tree, whose documents are laid out as installed.
if [ "${PITH_MAN:-1}" != 0 ]; then
  grep -q '@PITH_' "$build/pith.1" && fail "build/pith.1 shows $(grep -o '@PITH_[A-Z_]*@' "$build/pith.1" | head -1)"
  docdir=$(sed -n '/^\.SH "SEE ALSO"/,$s/^\.IR "\(\/.*\)" :$/\1/p' "$build/pith.1" | head -1)
  [ -s "$docdir/docs/formats.md" ] || fail "build/pith.1 names no directory with docs/formats.md: '$docdir'"
fi
# The documents the man page, --help and the README point to are installed.
for d in README.md docs/formats.md docs/json.md docs/limits.md docs/warc.md bindings/python/README.md \
  $("$prefix/bin/pith" --help | grep -oE 'docs/[a-z-]+\.md' | sort -u); do
  [ -s "$prefix/share/doc/pith/$d" ] || fail "share/doc/pith/$d not installed"
done
[ -x "$prefix/bin/pith" ] || fail "no bin/pith"

[ "$failed" -eq 0 ] && echo "install check passed" || echo "$failed failed"
[ "$failed" -eq 0 ]
