#!/usr/bin/env bash
# The README stays true to the code: it names every Debian package setup.sh
# installs, and has a row for every option `pith --help` lists. Each miss is
# named, so whoever adds a package or an option sees what to write.
#
#   check.sh SOURCE_DIR PATH/TO/pith
set -u
src=${1:?usage: $0 SOURCE_DIR PATH/TO/pith}
pith=${2:?usage: $0 SOURCE_DIR PATH/TO/pith}
readme=$src/README.md
failed=0

packages=$(bash "$src/setup.sh" --packages) || {
  echo "FAIL: setup.sh --packages"
  exit 1
}
[ -n "$packages" ] || {
  echo "FAIL: setup.sh --packages lists nothing"
  exit 1
}
for p in $packages; do
  if ! grep -qF -- "\`$p\`" "$readme"; then
    echo "FAIL: README.md does not name the package \`$p\` (setup.sh installs it)"
    failed=$((failed + 1))
  fi
done

# Options: the README's options table (a row per option, `--name` in it).
options=$("$pith" --help | grep -oE -- '--[a-z][a-z-]*[a-z]' | sort -u)
[ -n "$options" ] || {
  echo "FAIL: pith --help lists no options"
  exit 1
}
for o in $options; do
  if ! grep -E '^\|' "$readme" | grep -qE -- "(\`|, )$o(\`| |,)"; then
    echo "FAIL: README.md's options table has no row for $o (pith --help lists it)"
    failed=$((failed + 1))
  fi
done

[ "$failed" -eq 0 ] && echo "README names every package and option"
[ "$failed" -eq 0 ]
