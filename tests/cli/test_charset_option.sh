#!/usr/bin/env bash
# --charset: a known name or alias (or a Content-Type value) is used; an
# unknown one is a usage error that lists the known names.
. "$(dirname "$0")/lib.sh"

# A page with no declaration, in latin1 bytes that are not valid UTF-8.
printf '<html><head><title>Caf\xe9</title></head><body><article><p>Le caf\xe9 du village a rouvert ses portes la semaine derni\xe8re, apr\xe8s des mois de travaux.</p><p>Les habitu\xe9s sont revenus d\xe8s le premier matin, heureux de retrouver leur comptoir.</p></article></body></html>' >l1.html

run --charset nonsense l1.html
check "unknown: exit 2" is "$rc" 2
check "unknown: no output" is "$out" ""
check "unknown: names it" contains "$err" "unknown charset: nonsense"
check "unknown: lists known names" contains "$err" "windows-1252"
check "unknown: lists utf-8" contains "$err" "utf-8"
check "unknown: points at help" contains "$err" "pith --help"

run --charset "" l1.html
check "empty: exit 2" is "$rc" 2

for name in latin1 ISO-8859-1 windows-1252 cp1252 'text/html; charset=latin1'; do
  run --charset "$name" l1.html
  check "$name: exit 0" is "$rc" 0
  check "$name: decoded" contains "$out" "Le café du village"
done

finish
