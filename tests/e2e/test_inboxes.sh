#!/bin/sh
# test_inboxes.sh — the same path for other inboxes and configs: a list with
# other Terminierung forms under the default config (through make report
# INBOX=… OUT=…), the chapter-3 tables and Wesel's measure table.
. "$(dirname "$0")/lib.sh"

# 1. other Terminierung forms, default config, via the Makefile
out="$TMP/o2035"
make_inbox "$TMP/i2035" tests/fixtures/inbox_2035/massnahmen_wesermarsch_anhang6.csv
make --no-print-directory report INBOX="$TMP/i2035" OUT="$out" >"$TMP/log" 2>&1
check_eq "make report INBOX=… OUT=… endet mit 0" 0 "$?"
check_grep "nicht erkannte Terminierung: Warnung mit Datei, Zeile, Spalte und Text" \
    "Warnung: $TMP/i2035/massnahmen_wesermarsch_anhang6.csv, Zeile 8, Spalte „terminierung“: Terminierung" "$TMP/log"
check_grep "Warnung nennt den Text" "„nach Abstimmung mit dem Kreistag“ nicht erkannt" "$TMP/log"
# the warning names the group as the reports print it ([terminierung] label_ohne)
sed 's/^label_ohne *=.*/label_ohne = Ohne Termin XY/' config/ibericht.ini > "$TMP/label.ini"
make_inbox "$TMP/ilabel" tests/fixtures/inbox_2035/massnahmen_wesermarsch_anhang6.csv
run_ib ingest --config "$TMP/label.ini" --inbox "$TMP/ilabel" --out "$TMP/olabel"
check_grep "Warnung mit der konfigurierten Gruppe" "nicht erkannt: Maßnahme unter „Ohne Termin XY“" "$TMP/log"
$PY tests/e2e/check_massnahmen.py --out "$out" --csv tests/fixtures/inbox_2035/massnahmen_wesermarsch_anhang6.csv \
    --group "Laufende Maßnahmen=1" --group "Kurzfristige Maßnahmen (bis 2025)=1" \
    --group "Mittelfristige Maßnahmen (bis 2026)=4" --group "Langfristige Maßnahmen (bis 2035)=1" \
    --group "ohne Terminierung=1"
# within the 2026 group: by the end of the period, then as delivered
order=$($PY -c "
import openpyxl,sys
ws = openpyxl.load_workbook(sys.argv[1])['Maßnahmen']
print('|'.join(r[5] for r in ws.iter_rows(min_row=2, values_only=True)))" "$out/massnahmen.xlsx")
check_eq "Reihenfolge: laufend, kurzfristig, 2026 (Datum, dann Eingang), 2035, ohne" \
    "fortlaufend|kurzfristig|Bis 2026|2. Halbjahr 2026|31.12.2026|Bis 2026|bis Ende 2035|nach Abstimmung mit dem Kreistag" "$order"
formula=$($PY -c "
import openpyxl,sys
ws = openpyxl.load_workbook(sys.argv[1])['Maßnahmen']
c = [c for row in ws.iter_rows(min_row=2) for c in row if c.value and str(c.value).startswith('=HYPERLINK')][0]
print(c.data_type, c.value)" "$out/massnahmen.xlsx")
check_eq "=HYPERLINK(…) bleibt Text in der Arbeitsmappe" 's =HYPERLINK("http://example.invalid","Klick")' "$formula"
pdftotext "$out/massnahmen_chronologisch.pdf" "$TMP/p.txt" 2>/dev/null
check_grep "=HYPERLINK(…) bleibt Text im PDF" '=HYPERLINK("http://example.invalid","Klick")' "$TMP/p.txt"
check_grep "€ im PDF-Text" "5.000 €" "$TMP/p.txt"

# 2. chapter 3: one empty measure cell (skipped with a warning), two empty
#    Terminierungen and one „verstetigen“ under „ohne Terminierung“
out="$TMP/okap3"
make_inbox "$TMP/ikap3" tests/fixtures/inbox_kapitel3/massnahmen_wesermarsch_kapitel3.csv
run_ib report --config tests/fixtures/config/kapitel3.ini --inbox "$TMP/ikap3" --out "$out"
check_eq "Kapitel 3: report endet mit 0" 0 "$rc"
check_grep "Kapitel 3: leere Maßnahme gemeldet" "Zeile 110, Spalte „massnahme“: Maßnahme leer" "$TMP/log"
check_grep "Kapitel 3: „verstetigen“ gemeldet" "Terminierung „verstetigen“ nicht erkannt" "$TMP/log"
$PY tests/e2e/check_massnahmen.py --out "$out" --csv tests/fixtures/inbox_kapitel3/massnahmen_wesermarsch_kapitel3.csv \
    --group "Laufende Maßnahmen=28" --group "Kurzfristige Maßnahmen (bis 2025)=15" \
    --group "Mittelfristige Maßnahmen (bis 2027)=48" --group "Langfristige Maßnahmen (bis 2030)=25" \
    --group "ohne Terminierung=3"

# 3. Wesel: no Terminierung column, Themenfeld and Handlungsziel mapped by config
out="$TMP/owesel"
make_inbox "$TMP/iwesel" tests/fixtures/inbox_wesel/massnahmen_wesel.csv
run_ib report --config tests/fixtures/config/wesel.ini --inbox "$TMP/iwesel" --out "$out"
check_eq "Wesel: report endet mit 0" 0 "$rc"
check_grep "Wesel: fehlende Spalte Terminierung einmal gemeldet" "keine Spalte Terminierung: alle 68 Maßnahmen unter „ohne Terminierung“" "$TMP/log"
$PY tests/e2e/check_massnahmen.py --out "$out" --csv tests/fixtures/inbox_wesel/massnahmen_wesel.csv \
    --kommune "Stadt Wesel" --title "Maßnahmen nach Herausforderungen" --group "ohne Terminierung=68"
extra=$($PY -c "
import openpyxl,sys
ws = openpyxl.load_workbook(sys.argv[1])['Maßnahmen']
h = [c.value for c in ws[1]]
rows = list(ws.iter_rows(min_row=2, values_only=True))
need = ['zielgruppe','leitziel','mittlerziel','stakeholder','ressourcen']
us = openpyxl.load_workbook(sys.argv[1])['Übersicht']
labels = [r[0] for r in us.iter_rows(min_row=5, values_only=True)]
print(all(n in h for n in need), h[7], sum(1 for r in rows if r[7]), sum(1 for r in rows if not r[2]),
      'Themenfeld nicht benannt' in labels)
" "$out/massnahmen.xlsx")
check_eq "Wesel: weitere Spalten erhalten, Verantwortlich zugeordnet, leeres Themenfeld mit Label in der Übersicht" \
    "True Verantwortlich 67 34 True" "$extra"

# 4. a measure taller than a page continues cleanly below the repeated
#    header; a 400-letter word is cut inside its cell, nothing overflows
out="$TMP/olang"
make_inbox "$TMP/ilang" tests/fixtures/inbox_lang/massnahmen_lang.csv
run_ib report --config config/ibericht.ini --inbox "$TMP/ilang" --out "$out"
check_eq "überlange Maßnahme: report endet mit 0" 0 "$rc"
$PY tests/e2e/check_massnahmen.py --out "$out" --csv tests/fixtures/inbox_lang/massnahmen_lang.csv \
    --group "Mittelfristige Maßnahmen (bis 2026)=4"
pages=$(pdfinfo "$out/massnahmen_chronologisch.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
check "überlange Maßnahme läuft über mehr als eine Seite" test "$pages" -ge 2
# every text line stays inside the page's content box (x, y in points)
inside=$(pdftotext -bbox "$out/massnahmen_chronologisch.pdf" - 2>/dev/null | $PY -c "
import re, sys
bad = words = 0
for m in re.finditer(r'<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">', sys.stdin.read()):
    words += 1
    x0, y0, x1, y1 = map(float, m.groups())
    if x0 < 41 or x1 > 841.89 - 41 or y0 < 10 or y1 > 595.28 - 10:
        bad += 1
print(bad, words > 100)")
check_eq "kein Wort ragt aus dem Satzspiegel (über 100 Wörter geprüft)" "0 True" "$inside"
cols=$(pdftotext -bbox "$out/massnahmen_chronologisch.pdf" - 2>/dev/null | $PY -c "
import re, sys
# the Maßnahme column spans x = 42 + 0.42·757.9 … 42 + 0.88·757.9 (pdftable shares)
lo, hi = 42 + 0.42 * 757.89, 42 + 0.88 * 757.89
bad = pieces = 0
for m in re.finditer(r'<word xMin=\"([\d.]+)\" yMin=\"[\d.]+\" xMax=\"([\d.]+)\" yMax=\"[\d.]+\">(x+-?|Einwort\w*-?)</word>', sys.stdin.read()):
    pieces += 1
    x0, x1 = float(m.group(1)), float(m.group(2))
    if x0 < lo or x1 > hi:
        bad += 1
print(bad, pieces > 1)")
check_eq "überlanges Wort bleibt in seiner Zelle (in mehreren Stücken gefunden)" "0 True" "$cols"

# 5. origin marks (the Wesermarsch concept marks suggestions of the Kommunale
#    Migrationsvertretung in blue): carried from the delivery to highlighted
#    rows with a legend in the workbook and the PDF
out="$TMP/oherkunft"
make_inbox "$TMP/iherkunft" tests/fixtures/inbox_herkunft/massnahmen_herkunft.csv
run_ib report --config config/ibericht.ini --inbox "$TMP/iherkunft" --out "$out"
check_eq "Herkunftsmarken: report endet mit 0" 0 "$rc"
h=$($PY -c "
import openpyxl,sys
ws = openpyxl.load_workbook(sys.argv[1])['Maßnahmen']
head = [c.value for c in ws[1]]
col = head.index('Herkunft')
rows = [r for r in ws.iter_rows(min_row=2) if r[0].value]
marked = sorted(r[4].value for r in rows if r[col].value == 'KMV')
blue = all(str(r[4].fill.fgColor.rgb).endswith('DCEBFA') for r in rows if r[col].value == 'KMV')
plain = all(not str(r[4].fill.fgColor.rgb).endswith('DCEBFA') for r in rows if r[col].value != 'KMV')
legend = any(isinstance(c.value, str) and c.value.startswith('Blau hinterlegt: Ergänzung der Kommunalen Migrationsvertretung') for row in ws.iter_rows() for c in row)
print(marked, blue, plain, legend)" "$out/massnahmen.xlsx")
check_eq "XLSX: markierte Maßnahmen blau hinterlegt, Spalte Herkunft, Legende" \
    "['Einrichtung einer internen Migrationsvertretung.', 'Mehrsprachige Wegweiser in Arztpraxen.'] True True True" "$h"
pdftotext "$out/massnahmen_chronologisch.pdf" "$TMP/h.txt" 2>/dev/null
check_grep "PDF: Legende der blauen Zeilen" "Blau hinterlegt: Ergänzung der Kommunalen Migrationsvertretung" "$TMP/h.txt"
n=$(qpdf --qdf --object-streams=disable "$out/massnahmen_chronologisch.pdf" - 2>/dev/null | grep -ac "^0.86275 0.92157 0.98039 rg")
check_eq "PDF: zwei Tabellenzeilen blau hinterlegt" 2 "$n"
