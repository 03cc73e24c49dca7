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
