#!/usr/bin/env bash
# Charsets: whatever the page's encoding, the output is UTF-8.
. "$(dirname "$0")/lib.sh"

# cpage FILE META: an article in French whose text is written in UTF-8 here;
# META is put into the head as is.
cpage() {
  cat >"$1" <<HTML
<!DOCTYPE html>
<html lang="fr"><head>$2<title>Le café du village</title></head>
<body>
<div class="menu"><a href="/">Accueil</a> <a href="/actualites">Actualités</a></div>
<div class="texte">
<p>Le café du village a rouvert ses portes la semaine dernière, après des mois de travaux très attendus.</p>
<p>Les habitués sont revenus dès le premier matin, heureux de retrouver leur comptoir préféré.</p>
</div>
</body></html>
HTML
}
want='Le café du village a rouvert ses portes la semaine dernière, après des mois de travaux très attendus.'
to_latin1() { python3 -c 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(sys.argv[1]))' "$1"; }

# utf8_ok NAME: the last run printed the French text in UTF-8.
utf8_ok() {
  check "$1: exit 0" is "$rc" 0
  check "$1: é as UTF-8" contains "$out" "$want"
  check "$1: title" is "$(printf '%s\n' "$out" | head -1)" "Le café du village"
  check "$1: no mojibake" lacks "$out" "Ã"
  check "$1: no replacement character" lacks "$out" $'\xef\xbf\xbd'
  check "$1: valid UTF-8" python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' <.out
}

cpage u8.html '<meta charset="utf-8">'
run u8.html
utf8_ok "utf-8 declared"

cpage src.html '<meta charset="windows-1252">'
to_latin1 cp1252 <src.html >w1252.html
check "windows-1252 file holds byte E9" test "$(od -An -tx1 w1252.html | grep -c ' e9')" -gt 0
run w1252.html
utf8_ok "windows-1252 declared"
run <w1252.html
utf8_ok "windows-1252 on stdin"
gzip -c w1252.html >w1252.html.gz
run w1252.html.gz
utf8_ok "windows-1252 gzip"

cpage src.html '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
to_latin1 latin-1 <src.html >latin1.html
run latin1.html
utf8_ok "iso-8859-1 by http-equiv"

# Windows-1252 bytes beyond Latin-1: 0x80 is the euro sign, 0x92 a quote.
printf '<html><head><meta charset="windows-1252"><title>Prix</title></head><body><p>Le menu du jour co\xfbte 12 \x80 et c\x92est une affaire, disent les clients qui reviennent chaque midi.</p></body></html>' >euro.html
run euro.html
check "windows-1252 euro and quote" contains "$out" "coûte 12 € et c’est une affaire"

# UTF-8 bytes under a wrong declaration still come out right.
cpage wrong1.html '<meta charset="windows-1252">'
run wrong1.html
utf8_ok "utf-8 bytes declared windows-1252"
cpage wrong2.html '<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">'
run wrong2.html
utf8_ok "utf-8 bytes declared iso-8859-1"

# No declaration at all.
cpage none.html ''
run none.html
utf8_ok "utf-8 undeclared"
to_latin1 cp1252 <none.html >none-1252.html
run none-1252.html
utf8_ok "windows-1252 undeclared"
run --charset windows-1252 none-1252.html
utf8_ok "windows-1252 given by --charset"

# UTF-16 with a byte order mark.
cpage src16.html '<meta charset="utf-16">'
python3 -c 'import sys; sys.stdout.buffer.write(b"\xff\xfe" + sys.stdin.read().encode("utf-16-le"))' <src16.html >u16le.html
run u16le.html
utf8_ok "utf-16le with BOM"
python3 -c 'import sys; sys.stdout.buffer.write(b"\xfe\xff" + sys.stdin.read().encode("utf-16-be"))' <src16.html >u16be.html
run u16be.html
utf8_ok "utf-16be with BOM"
gzip -c u16le.html >u16le.html.gz
run u16le.html.gz
utf8_ok "utf-16le gzip"

# A UTF-8 byte order mark is not text.
{ printf '\xef\xbb\xbf'; cat u8.html; } >bom8.html
run bom8.html
utf8_ok "utf-8 with BOM"
check "utf-8 BOM not in the output" lacks "$out" $'\xef\xbb\xbf'

# JSON of a windows-1252 page: valid JSON with the right characters.
run -f json w1252.html
check "json windows-1252: valid" valid_json "$out"
check "json windows-1252: text" contains "$(json_get "$out" text)" "$want"

finish
