#!/bin/sh
# test_wortlaut.sh — wording the readers see, checked in the outputs of the
# shipped job (config/ibericht.ini, template templates/wesermarsch) with
# pdftotext: the same German in the Eingangsbericht and in the
# Integrationsbericht, no configuration jargon for the council.
. "$(dirname "$0")/lib.sh"

in="$TMP/inbox"; out="$TMP/out"
make_inbox "$in" tests/fixtures/anhang6/*.csv
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "ausgelieferter Auftrag: report endet mit 0" 0 "$rc"
cp "$TMP/log" "$TMP/report.log"
pdftotext "$out/eingangsbericht.pdf" "$TMP/eingang.txt" 2>/dev/null
pdftotext "$out/integrationsbericht.pdf" "$TMP/bericht.txt" 2>/dev/null

# Rücklauf: the noun agrees with the total, one sentence in both documents
check_grep "Eingangsbericht: „1 von 1 Fachdienst geantwortet“" "1 von 1 Fachdienst geantwortet, 0 Fehlanzeigen, 0 ohne Rückmeldung" "$TMP/eingang.txt"
check_grep "Integrationsbericht: derselbe Rücklauf-Satz" "Rücklauf: 1 von 1 Fachdienst geantwortet, 0 Fehlanzeigen, 0 ohne Rückmeldung." "$TMP/bericht.txt"

# a source with `erwartet = nein` (rueckmeldebogen in config/quellen.ini) that
# delivered nothing is not listed as missing, in neither document
check_absent "Eingangsbericht-PDF: nicht erwartete Quelle rueckmeldebogen nicht als fehlend" \
    "$TMP/eingang.txt" -E 'rueckmeldebogen|fehlt'
check_absent "Integrationsbericht: nicht erwartete Quelle rueckmeldebogen nicht als fehlend" \
    "$TMP/bericht.txt" -E 'rueckmeldebogen|fehlt'
q=$($PY -c 'import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Quellen"]
print(" ".join(f"{r[0]}:{r[4]}" for r in ws.iter_rows(min_row=6, values_only=True) if r[0]))' "$out/eingangsbericht.xlsx")
check_eq "Eingangsbericht-XLSX: nur die erwartete, gelieferte Quelle" "massnahmen_wesermarsch:geliefert" "$q"

# the shipped job has no indicator catalogue: plain German for the council,
# no promise of figures and charts, the configuration hint on the console
check_grep "Kennzahlen ohne Katalog: „Für diesen Bericht liegen keine Indikatoren vor.“" \
    "Für diesen Bericht liegen keine Indikatoren vor." "$TMP/bericht.txt"
check_absent "Integrationsbericht: kein Konfigurationsjargon („[indikatoren]“, „katalog)“)" \
    "$TMP/bericht.txt" -iE '\[indikatoren\]|katalog\)'
check_absent "Integrationsbericht: keine Diagramme versprochen, wo keine sind" "$TMP/bericht.txt" Diagramm
check_grep "Kennzahlen-Text neutral („soweit sie für diesen Bericht vorliegen“)" "soweit" "$TMP/bericht.txt"
check_eq "Hinweis auf [indikatoren] katalog auf der Konsole, einmal" 1 \
    "$(grep -c 'Hinweis: Kapitel „Kennzahlen zur Integration“ ohne Indikatoren — config/ibericht.ini nennt keinen Katalog (\[indikatoren\] katalog)' "$TMP/report.log")"

# counts with German grouping („1.071“) in messages and in the PDF: the
# sample list delivered nine times over, without the template (fast)
big="$TMP/gross/inbox"
mkdir -p "$big"
sample=tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
head -n 1 "$sample" > "$big/massnahmen_gross.csv"
for i in 1 2 3 4 5 6 7 8 9; do tail -n +2 "$sample" >> "$big/massnahmen_gross.csv"; done
touch -d '1 hour ago' "$big/massnahmen_gross.csv"
sed '/^vorlage *=/d' config/ibericht.ini > "$TMP/gross.ini"
run_ib report --config "$TMP/gross.ini" --inbox "$big" --out "$TMP/gross/out"
check_eq "1.071 Maßnahmen: report endet mit 0" 0 "$rc"
check_grep "Meldung compute: „1.071 Maßnahmen“" "1.071 Maßnahmen in 4 Terminierungsgruppen geordnet" "$TMP/log"
check_grep "Meldung Statusberichte: „0 von 1.071 Maßnahmen“" \
    "Statusberichte: 0 von 1.071 Maßnahmen mit Status, 1.071 ohne Bericht, 0 überfällig (Stichtag 20.11.2024)" "$TMP/log"
pdftotext "$TMP/gross/out/massnahmen_chronologisch.pdf" "$TMP/gross.txt" 2>/dev/null
check_grep "Liste: „1.071 Maßnahmen in 4 Gruppen“" "1.071 Maßnahmen in 4 Gruppen nach Terminierung" "$TMP/gross.txt"
pages=$(pdfinfo "$TMP/gross/out/massnahmen_chronologisch.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
check_grep "Meldung render-pdf: Seitenzahl wie pdfinfo ($pages)" "massnahmen_chronologisch.pdf geschrieben ($pages Seiten)" "$TMP/log"
