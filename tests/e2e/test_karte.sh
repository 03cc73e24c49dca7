#!/bin/sh
# test_karte.sh — choropleth maps by Kreis (BKG VG5000 boundaries) in
# indikatoren.pdf and in the Integrationsbericht: for three known Kreise
# (Wesermarsch 03461, Region Hannover 03241, Wolfsburg 03103) the fill colour
# in the PDF content equals the colour of the class their value — computed
# here from the LSN CSV files — falls into (check_karte.py, pikepdf); legend
# ranges in German number format and the BKG source note in the text
# (pdftotext); a Kreis without a value is grey; a missing or broken
# geometry file stops the renderer with a German message and exit code 2.
. "$(dirname "$0")/lib.sh"

nds=inputs/beispiele/niedersachsen
geo=config/geo/kreise_niedersachsen.geojson
in="$TMP/nds/inbox"; out="$TMP/nds/out"
make_inbox "$in" $nds/csv/*.csv
# the shipped LSN job with its maps, and the Integrationsbericht with a map of 2-3-1
sed 's/^indikatoren = auslaenderanteil, einbuergerungsquote$/indikatoren = auslaenderanteil, 2-3-1/' \
    config/niedersachsen.ini > "$TMP/k.ini"
printf '[dokument]\nvorlage = templates/wesermarsch/bericht.ini\n' >> "$TMP/k.ini"
check "Testauftrag nennt die Karten" grep -q "^indikatoren = auslaenderanteil, 2-3-1" "$TMP/k.ini"
run_ib report --config "$TMP/k.ini" --inbox "$in" --out "$out"
check_eq "report mit Karten endet mit 0" 0 "$rc"
check "indikatoren.pdf besteht qpdf --check" qpdf --check "$out/indikatoren.pdf"
check "integrationsbericht.pdf besteht qpdf --check" qpdf --check "$out/integrationsbericht.pdf"

$PY tests/e2e/check_karte.py "$out/indikatoren.pdf" auslaenderanteil --csv $nds/csv/indicator_1-2-1.csv \
    --nenner $nds/csv/indicator_1-1-1.csv --faktor 100 --dezimalen 1 --prozent --geo $geo --eigen 03461 \
    --pruefe 03461,03241,03103 || not_ok "check_karte.py (Ausländeranteil) abgebrochen"
$PY tests/e2e/check_karte.py "$out/integrationsbericht.pdf" 2-3-1 --csv $nds/csv/indicator_2-3-1.csv \
    --dezimalen 0 --geo $geo --eigen 03461 --pruefe 03461,03241,03103 || not_ok "check_karte.py (Einbürgerungen) abgebrochen"

pdftotext -layout "$out/indikatoren.pdf" "$TMP/i.txt" 2>/dev/null
check_grep "Kartentitel mit Jahr" "Anteil der Ausländerinnen und Ausländer an der Bevölkerung, 2024, nach Kreisen" "$TMP/i.txt"
check_grep "Legende nennt das eigene Gebiet" "Landkreis Wesermarsch (umrandet)" "$TMP/i.txt"
check_grep "Datenquelle unter der Karte" "Quelle: Landesamt für Statistik Niedersachsen (LSN): Ausländerzentralregister" "$TMP/i.txt"
# the map is kept on one page: title, legend and source note on the same page
$PY - "$TMP/i.txt" <<'PY'
import sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
hit = [p for p in pages if "an der Bevölkerung, 2024, nach Kreisen" in p]
ok = len(hit) == 1 and "Klassen (Quantile)" in hit[0] and "GeoBasis-DE" in hit[0]
print(("ok - " if ok else "not ok - ") + "Karte mit Titel, Legende und Quellenvermerk auf einer Seite")
PY

# a Kreis without a value: Wesermarsch's 2024 row removed from 2-3-1 → grey, „keine Daten“
in2="$TMP/ohne/inbox"; out2="$TMP/ohne/out"
mkdir -p "$in2"
cp $nds/csv/indicator_1-1-1.csv $nds/csv/indicator_1-2-1.csv "$in2/"
grep -v '^2024,.*,K03461,' $nds/csv/indicator_2-3-1.csv > "$in2/indicator_2-3-1.csv"
find "$in2" -type f -exec touch -d '1 hour ago' {} +
check "Eingabe ohne Wesermarsch 2024 (eine Zeile weniger)" test "$(($(wc -l < $nds/csv/indicator_2-3-1.csv) - 1))" -eq "$(wc -l < "$in2/indicator_2-3-1.csv")"
run_ib report --config "$TMP/k.ini" --inbox "$in2" --out "$out2"
check_eq "report ohne einen Wert endet mit 0" 0 "$rc"
$PY tests/e2e/check_karte.py "$out2/indikatoren.pdf" 2-3-1 --csv "$in2/../archiv/"*/indicator_2-3-1.csv \
    --dezimalen 0 --geo $geo --eigen 03461 --pruefe 03241,03103,03101 --keine 03461 \
    || not_ok "check_karte.py (ohne Wesermarsch) abgebrochen"

# broken configuration: missing and invalid geometry → exit 2, German message, PDF untouched
before=$(sha "$out/indikatoren.pdf")
sed "s|^geometrie .*|geometrie = $TMP/fehlt.geojson|" "$TMP/k.ini" > "$TMP/fehlt.ini"
run_ib render-indikatoren --config "$TMP/fehlt.ini" --out "$out"
check_eq "fehlende Geometrie: Exit-Code 2" 2 "$rc"
check_grep "fehlende Geometrie: Meldung nennt die Datei" "Kartengeometrie $TMP/fehlt.geojson: Datei oder Ordner fehlt" "$TMP/log"
check_eq "fehlende Geometrie: indikatoren.pdf unverändert" "$before" "$(sha "$out/indikatoren.pdf")"
head -c 5000 $geo > "$TMP/kaputt.geojson"
sed "s|^geometrie .*|geometrie = $TMP/kaputt.geojson|" "$TMP/k.ini" > "$TMP/kaputt.ini"
run_ib render-indikatoren --config "$TMP/kaputt.ini" --out "$out"
check_eq "abgeschnittene Geometrie: Exit-Code 2" 2 "$rc"
check_grep "abgeschnittene Geometrie: kein gültiges JSON" "Kartengeometrie $TMP/kaputt.geojson: kein gültiges JSON" "$TMP/log"
grep -v '^klassen' "$TMP/k.ini" | sed 's/^\[karte\]$/[karte]\nklassen = 9/' > "$TMP/klassen.ini"
run_ib render-indikatoren --config "$TMP/klassen.ini" --out "$out"
check_eq "klassen = 9: Exit-Code 2" 2 "$rc"
check_grep "klassen = 9: Meldung" "klassen = 9, erlaubt sind 1 bis 7" "$TMP/log"
check_eq "nach den Fehlern: indikatoren.pdf unverändert" "$before" "$(sha "$out/indikatoren.pdf")"
