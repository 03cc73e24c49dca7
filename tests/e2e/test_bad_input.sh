#!/bin/sh
# test_bad_input.sh — bad input gets a clear message (file, row, column), a
# documented exit code, and loses nothing: the store and earlier outputs stay
# intact and the other files of the inbox are still processed.
. "$(dirname "$0")/lib.sh"

good=tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv

# missing inbox → exit 3, names the folder, writes nothing
run_ib report --config config/ibericht.ini --inbox "$TMP/gibt-es-nicht" --out "$TMP/o0"
check_eq "fehlender Eingangsordner: Exit-Code 3" 3 "$rc"
check_grep "fehlender Eingangsordner wird genannt" "Eingangsordner $TMP/gibt-es-nicht fehlt" "$TMP/log"
check "fehlender Eingangsordner: kein Datenbestand angelegt" test ! -e "$TMP/o0/ibericht.sqlite"

# an inbox with four broken files and the good one
in="$TMP/inbox"; out="$TMP/out"
mkdir -p "$in"
cp "$good" "$in/massnahmen_gut.csv"
: > "$in/massnahmen_leer.csv"
printf 'handlungsfeld,teilziel,massnahme,terminierung\n' > "$in/massnahmen_nur_kopf.csv"
printf 'handlungsfeld,teilziel,terminierung\nSprache,Ziel,laufend\n' > "$in/massnahmen_ohne_spalte.csv"
printf 'handlungsfeld,teilziel,massnahme,terminierung\nA,B,Erste Maßnahme,laufend\nA,B,Zweite,Bis 2027,überzählig\nA,B,Dritte,laufend\n' > "$in/massnahmen_zerfranst.csv"
printf 'handlungsfeld,teilziel,massnahme,terminierung\nA,B,"offenes Anführungszeichen,laufend\n' > "$in/massnahmen_quote.csv"
printf 'handlungsfeld;massnahme\nA;Gr\366\337e\n' > "$in/massnahmen_latin1.csv"
find "$in" -type f -exec touch -d '1 hour ago' {} +
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "abgewiesene Dateien: Exit-Code 1" 1 "$rc"
check_grep "leere Datei gemeldet" "$in/massnahmen_leer.csv: Datei ist leer (0 Bytes) — Datei abgewiesen" "$TMP/log"
check_grep "nur Kopfzeile gemeldet" "$in/massnahmen_nur_kopf.csv: Datei enthält keine Datenzeilen" "$TMP/log"
check_grep "fehlende Pflichtspalte mit Zeile und Spalte" "$in/massnahmen_ohne_spalte.csv, Zeile 1, Spalte „massnahme“: Pflichtspalte fehlt" "$TMP/log"
check_grep "zu viele Felder mit Zeile und Spalte" "$in/massnahmen_zerfranst.csv, Zeile 3, Spalte „5“: 5 Felder statt 4" "$TMP/log"
check_grep "offenes Anführungszeichen mit Zeile" "$in/massnahmen_quote.csv, Zeile 2" "$TMP/log"
check_grep "Windows-1252 ohne Kennzeichnung erkannt und übernommen" "$in/massnahmen_latin1.csv: 1 Maßnahme übernommen" "$TMP/log"
check_grep "gute Datei trotzdem übernommen" "$in/massnahmen_gut.csv: 119 Maßnahmen übernommen" "$TMP/log"
n=$($PY -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); print(d.execute('select count(*) from source_file').fetchone()[0], d.execute('select count(*) from massnahme').fetchone()[0])" "$out/ibericht.sqlite")
check_eq "nur die guten Dateien im Datenbestand (keine halben Dateien)" "2 120" "$n"
check "Bericht trotz abgewiesener Dateien geschrieben" test -s "$out/massnahmen_chronologisch.pdf"
n=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from ingest_message where severity='fehler'\").fetchone()[0])" "$out/ibericht.sqlite")
check_eq "Abweisungen im Datenbestand protokolliert" 5 "$n"
for f in leer nur_kopf ohne_spalte zerfranst quote; do
    check "massnahmen_$f.csv in der Quarantäne mit Begründung" test -f "$TMP/quarantaene/massnahmen_$f.csv" -a -f "$TMP/quarantaene/massnahmen_$f.csv.grund.txt"
done
check_grep "Begründung nennt Zeile" "Zeile: 3" "$TMP/quarantaene/massnahmen_zerfranst.csv.grund.txt"
check_grep "Begründung nennt die Regel" "5 Felder statt 4 wie in der Kopfzeile" "$TMP/quarantaene/massnahmen_zerfranst.csv.grund.txt"
check_grep "Begründung nennt die Spalte des überzähligen Felds" "Spalte: 5" "$TMP/quarantaene/massnahmen_zerfranst.csv.grund.txt"
check_grep "Begründung nennt die Spalte" "Spalte: massnahme" "$TMP/quarantaene/massnahmen_ohne_spalte.csv.grund.txt"

# a corrected delivery of the same source and period supersedes the old one
head -n 11 "$good" > "$in/massnahmen_gut.csv"
touch -d '1 hour ago' "$in/massnahmen_gut.csv"
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "neue Lieferung gleichen Namens: Exit-Code 0" 0 "$rc"
check_grep "neue Lieferung ersetzt die alte" "10 Maßnahmen übernommen (ersetzt die frühere Lieferung dieser Quelle und dieses Zeitraums)" "$TMP/log"
n=$($PY -c "
import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])['Maßnahmen']; print(ws.max_row - 1)" "$out/massnahmen.xlsx")
check_eq "Bericht zeigt nur die gültige Lieferung" 10 "$n"
n=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from source_file where superseded_by is not null').fetchone()[0])" "$out/ibericht.sqlite")
check_eq "alte Lieferungen bleiben als ersetzt im Datenbestand" 2 "$n"

# a store that is not SQLite: exit 4, the file and earlier outputs untouched
pdf_before=$(sha "$out/massnahmen_chronologisch.pdf")
xlsx_before=$(sha "$out/massnahmen.xlsx")
echo "keine Datenbank" > "$TMP/kaputt.sqlite"
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out" --store "$TMP/kaputt.sqlite"
check_eq "kein SQLite-Datenbestand: Exit-Code 4" 4 "$rc"
check_grep "kein SQLite-Datenbestand gemeldet" "Datenbestand $TMP/kaputt.sqlite ist keine SQLite-Datenbank" "$TMP/log"
check_eq "kaputter Datenbestand unverändert" "keine Datenbank" "$(cat "$TMP/kaputt.sqlite")"
check_eq "frühere PDF-Ausgabe unverändert" "$pdf_before" "$(sha "$out/massnahmen_chronologisch.pdf")"
check_eq "frühere XLSX-Ausgabe unverändert" "$xlsx_before" "$(sha "$out/massnahmen.xlsx")"

# a failing renderer keeps the previous good output and leaves no temp file
cat > "$TMP/schrift.ini" <<INI
[schrift]
regular = $TMP/keine-schrift.ttf
INI
run_ib render-pdf --config "$TMP/schrift.ini" --out "$out"
check_eq "fehlende Schrift: Exit-Code 2" 2 "$rc"
check_grep "fehlende Schrift gemeldet" "Schriftdatei $TMP/keine-schrift.ttf fehlt" "$TMP/log"
check_eq "PDF nach fehlgeschlagenem Lauf unverändert" "$pdf_before" "$(sha "$out/massnahmen_chronologisch.pdf")"
ls -a "$out" >"$TMP/ls.txt" 2>/dev/null
check_absent "keine temporären Dateien" "$TMP/ls.txt" tmp
# the Integrationsbericht alone: also a configuration error (2), found before any work
sed "s|^regular *=.*|regular = $TMP/keine-schrift.ttf|" config/ibericht.ini > "$TMP/schrift_bericht.ini"
run_ib render-bericht --config "$TMP/schrift_bericht.ini" --out "$out"
check_eq "fehlende Schrift, render-bericht allein: Exit-Code 2" 2 "$rc"
check_grep "fehlende Schrift, render-bericht allein: gemeldet" "Schriftdatei $TMP/keine-schrift.ttf fehlt" "$TMP/log"
# the same through report: several renderers fail,
# report returns the documented code of the cause, 2
sed "s|^regular *=.*|regular = $TMP/keine-schrift.ttf|" config/ibericht.ini > "$TMP/schrift_report.ini"
mkdir -p "$TMP/leer"
run_ib report --config "$TMP/schrift_report.ini" --inbox "$TMP/leer" --out "$out"
check_eq "fehlende Schrift im ganzen Lauf: Exit-Code 2" 2 "$rc"
check_grep "fehlende Schrift im ganzen Lauf gemeldet" "ibericht-render-pdf: Fehler: Schriftdatei $TMP/keine-schrift.ttf fehlt" "$TMP/log"
check_eq "PDF nach fehlgeschlagenem ganzen Lauf unverändert" "$pdf_before" "$(sha "$out/massnahmen_chronologisch.pdf")"

# an output folder that cannot be written: exit 5, clear message
mkdir -p "$TMP/ro"; cp "$out/ibericht.sqlite" "$TMP/ro/"; chmod 555 "$TMP/ro"
if [ "$(id -u)" -ne 0 ]; then
    run_ib render-xlsx --config config/ibericht.ini --out "$TMP/ro"
    check_eq "schreibgeschützter Ausgabeordner: Exit-Code 5" 5 "$rc"
else
    # root may write anywhere: point the output at a path below a regular file instead
    run_ib render-xlsx --config config/ibericht.ini --out "$out" --store "$out/ibericht.sqlite" >/dev/null
    printf '[massnahmenliste]\nxlsx = %s/datei/x.xlsx\n' "$TMP" > "$TMP/ro.ini"; : > "$TMP/datei"
    run_ib render-xlsx --config "$TMP/ro.ini" --out "$out"
    check_eq "nicht anlegbarer Ausgabeordner: Exit-Code 5" 5 "$rc"
fi
chmod 755 "$TMP/ro"

# configuration errors: exit 2 with file and line
printf '[bericht]\nkommune = Test\n[kaputt\n' > "$TMP/kaputt.ini"
run_ib ingest --config "$TMP/kaputt.ini"
check_eq "kaputte Konfiguration: Exit-Code 2" 2 "$rc"
check_grep "kaputte Konfiguration nennt die Datei" "$TMP/kaputt.ini" "$TMP/log"
run_ib ingest --config "$TMP/fehlt.ini"
check_eq "fehlende Konfiguration: Exit-Code 2" 2 "$rc"
run_ib frobnicate
check_eq "unbekannter Befehl: Exit-Code 2" 2 "$rc"
