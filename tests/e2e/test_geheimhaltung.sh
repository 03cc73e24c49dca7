#!/bin/sh
# test_geheimhaltung.sh — Geheimhaltung that holds in every output: the real
# LSN counts 1-1-1, 1-2-1 and 2-1-1 with a test catalogue of high minimum
# counts (tests/fixtures/geheimhaltung), through all stages including the
# Integrationsbericht and two area editions; check_geheimhaltung.py then
# tries to recover each suppressed cell from every output and from the
# totals and groups that hold in the input, and must recover none.
. "$(dirname "$0")/lib.sh"

nds=inputs/beispiele/niedersachsen
in="$TMP/g/inbox"; out="$TMP/g/out"
make_inbox "$in" $nds/csv/indicator_1-1-1.csv $nds/csv/indicator_1-2-1.csv $nds/csv/indicator_2-1-1.csv
run_ib report --config tests/fixtures/geheimhaltung/auftrag.ini --inbox "$in" --out "$out"
check_eq "Geheimhaltungsprobe: report endet mit 0" 0 "$rc"
check_grep "RH-Schlüssel von 2-1-1 vereinheitlicht, mit Warnung" "„RH03101“ als „K03101“ gespeichert" "$TMP/log"
for f in indikatoren.xlsx indikatoren.pdf integrationsbericht.pdf integrationsbericht_gebiet_K03354.pdf \
         integrationsbericht_gebiet_K03462.pdf; do
    check "Ausgabe $f geschrieben" test -s "$out/$f"
done
$PY tests/e2e/check_geheimhaltung.py "$out" $nds/csv tests/fixtures/geheimhaltung/katalog.ini
# the workbook never tells primary from secondary suppression
g=$($PY -c "
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])['Werte']
print(sorted({r[6] for r in ws.iter_rows(min_row=2, values_only=True) if r[6]}))" "$out/indikatoren.xlsx")
check_eq "Blatt Werte: primär und sekundär gesperrt sehen gleich aus" "['geheim']" "$g"
