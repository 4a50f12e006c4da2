#!/usr/bin/env bash
# The README stays true to the code: it names every Debian package setup.sh
# installs, and has a row for every option `pith --help` lists. Each miss is
# named, so whoever adds a package or an option sees what to write. And the
# Markdown documents keep their shape when rewrapped: no heading run into a
# paragraph, no table row broken over lines.
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

# Markdown shape, outside code (fenced, or indented four spaces): a table
# row ends with its `|`; `## Heading` starts its own line (a paragraph
# rewrapped over a heading swallows it, and the code block after it).
shape=$(awk '/^ *```/ { code = !code; next }
  code || /^    / { next }
  /^\|/ && !/\| *$/ { print FILENAME ":" FNR ": a table row broken over lines" }
  /[^ #`] +##+ [A-Za-z]/ { print FILENAME ":" FNR ": a heading inside a line" }' \
  "$readme" "$src"/docs/*.md "$src/bindings/python/README.md")
if [ -n "$shape" ]; then
  echo "FAIL: Markdown out of shape:"
  echo "$shape"
  failed=$((failed + 1))
fi

[ "$failed" -eq 0 ] && echo "README names every package and option; the documents keep their shape"
[ "$failed" -eq 0 ]
