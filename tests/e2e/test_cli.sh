#!/bin/sh
# test_cli.sh — the command line: `ibericht report --help` shows the report's
# own help (not each stage's in turn), `--version` of the driver and of every
# stage prints the version of the file VERSION, and an empty inbox is said
# in a warning at the very end of `ibericht report`.
. "$(dirname "$0")/lib.sh"

bin="${IBERICHT_BUILD:-$top/build}/bin"
version=$(cat VERSION)
check "VERSION: eine Zeile mit einer Versionsnummer ($version)" sh -c "[ \$(wc -l < VERSION) -eq 1 ] && grep -Eqx '[0-9]+\.[0-9]+\.[0-9]+' VERSION"

# ---- help ---------------------------------------------------------------------------
"$IB" report --help >"$TMP/help.out" 2>"$TMP/help.err"
check_eq "report --help: Exit-Code 0" 0 "$?"
check_grep "report --help: die Hilfe des Berichtslaufs" "Aufruf: ibericht report [-c KONFIG]" "$TMP/help.out"
check_grep "report --help: nennt den Ablauf" "Der ganze Lauf: ingest (Eingangsordner → Datenbestand), compute" "$TMP/help.out"
check_grep "report --help: nennt die Exit-Codes" "Exit-Codes: 0 in Ordnung, 1 Dateien abgewiesen" "$TMP/help.out"
check_eq "report --help: genau eine Hilfe, keine der Stufen" 1 "$(grep -c '^Aufruf:' "$TMP/help.out")"
check_absent "report --help: keine Hilfe von ibericht-ingest oder ibericht-compute" "$TMP/help.out" -E 'ibericht-(ingest|compute)'
check_eq "report --help: nichts auf stderr" "" "$(cat "$TMP/help.err")"
run_ib report -c config/ibericht.ini -h --out "$TMP/nie"
check_eq "report -h zwischen anderen Optionen: Exit-Code 0" 0 "$rc"
check "report -h: kein Lauf, kein Ausgabeordner" test ! -e "$TMP/nie"
run_ib --help
check_grep "ibericht --help nennt --version" "Version: ibericht --version" "$TMP/log"
run_ib ingest --help
check_grep "ibericht ingest --help: Hilfe der Stufe mit -V, --version" "-V, --version       Version ausgeben" "$TMP/log"

# ---- version ------------------------------------------------------------------------
for v in --version -V; do
    out=$("$IB" $v 2>&1); r=$?
    check_eq "ibericht $v: „ibericht $version“, Exit-Code 0" "ibericht $version 0" "$out $r"
done
out=$("$IB" report --version 2>&1)
check_eq "ibericht report --version" "ibericht $version" "$out"
for s in ingest compute render-xlsx render-pdf render-eingang render-indikatoren render-bericht rueckmeldebogen \
         render-befragung manifest; do
    out=$("$bin/ibericht-$s" --version 2>&1); r=$?
    check_eq "ibericht-$s --version" "ibericht-$s $version 0" "$out $r"
done
out=$("$IB" render-pdf --version 2>&1)
check_eq "ibericht render-pdf --version (über den Treiber)" "ibericht-render-pdf $version" "$out"

# ---- an empty inbox -----------------------------------------------------------------
leer_text() { echo "ibericht: Warnung: Eingangsordner $1 ist leer: keine neuen Lieferungen; Ausgaben aus dem Datenbestand neu geschrieben"; }
make_inbox "$TMP/in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
run_ib report --config config/ibericht.ini --inbox "$TMP/in" --out "$TMP/out"
check_eq "erster Lauf mit Lieferung: Exit-Code 0" 0 "$rc"
check_absent "Lauf mit Lieferung: keine Warnung „leer“" "$TMP/log" "ist leer: keine neuen Lieferungen"
check "Kontrolle: Eingang danach leer" test -z "$(ls -A "$TMP/in")"
pdf1=$(sha "$TMP/out/massnahmen_chronologisch.pdf")
run_ib report --config config/ibericht.ini --inbox "$TMP/in" --out "$TMP/out"
check_eq "leerer Eingang: Exit-Code 0" 0 "$rc"
check_eq "leerer Eingang: Warnung als letzte Zeile des Laufs, mit dem Ordner" "$(leer_text "$TMP/in")" "$(tail -n 1 "$TMP/log")"
check_eq "leerer Eingang: die Warnung genau einmal" 1 "$(grep -c 'ist leer: keine neuen Lieferungen' "$TMP/log")"
check_grep "leerer Eingang: Ausgaben trotzdem neu geschrieben (Manifest)" "manifest.tsv geschrieben" "$TMP/log"
check_eq "leerer Eingang: Maßnahmenliste aus dem Datenbestand, byte-gleich" "$pdf1" "$(sha "$TMP/out/massnahmen_chronologisch.pdf")"
run_ib report -q --config config/ibericht.ini --inbox "$TMP/in" --out "$TMP/out"
check_eq "leerer Eingang, -q: nur die Warnung" "$(leer_text "$TMP/in")" "$(cat "$TMP/log")"
run_ib ingest --config config/ibericht.ini --inbox "$TMP/in" --out "$TMP/out"
check_eq "ingest allein auf leerem Eingang: die Warnung von ingest" \
    "ibericht-ingest: Warnung: Eingangsordner $TMP/in ist leer: keine neuen Lieferungen" "$(tail -n 1 "$TMP/log")"
# a file that waits or belongs to no source: not empty, no such warning
printf 'irgendwas\n' > "$TMP/in/notizen.txt"; touch -d '1 hour ago' "$TMP/in/notizen.txt"
run_ib report --config config/ibericht.ini --inbox "$TMP/in" --out "$TMP/out"
check_absent "Eingang mit einer Datei ohne Quelle: keine Warnung „leer“" "$TMP/log" "ist leer: keine neuen Lieferungen"
