#!/bin/sh
# test_stand.sh — one Stand for every output: the configuration's
# [bericht] stand (TT.MM.JJJJ or ISO JJJJ-MM-TT, always printed
# TT.MM.JJJJ) on every PDF page, in the Rückmeldebogen and as the
# „überfällig“ day; a template's stand only when the configuration has
# none; an impossible date is a configuration error (exit 2).  The run day
# (SOURCE_DATE_EPOCH, 20.11.2024) must appear nowhere once a stand is set.
. "$(dirname "$0")/lib.sh"

# stands PDF… — every distinct „Stand: …“ of the PDFs, on one line
stands() {
    for f in "$@"; do pdftotext "$f" - 2>/dev/null; done | grep -o 'Stand: [0-9.-]*' | sort -u | tr '\n' ' '
}

# job NAME STAND [VORLAGE] — report on the sample with [bericht] stand = STAND
job() {
    make_inbox "$TMP/$1/inbox" tests/fixtures/anhang6/*.csv
    sed "s#^stand .*#stand = $2#" config/ibericht.ini > "$TMP/$1.ini"
    [ -n "${3:-}" ] && sed -i "s#^vorlage .*#vorlage = $3#" "$TMP/$1.ini"
    run_ib report --config "$TMP/$1.ini" --inbox "$TMP/$1/inbox" --out "$TMP/$1/out"
}

bogen_stand() {
    $PY -c 'import sys, openpyxl; print(openpyxl.load_workbook(sys.argv[1]).active["B3"].value)' "$1"/rueckmeldeboegen/*.xlsx
}

for form in 31.12.2024 2024-12-31; do
    job "konfig_$form" "$form"
    out="$TMP/konfig_$form/out"
    check_eq "stand = $form: report endet mit 0" 0 "$rc"
    check_eq "stand = $form: alle PDFs (Bericht, Ausgaben, Liste, Eingang) mit Stand 31.12.2024" \
        "Stand: 31.12.2024 " "$(stands "$out"/*.pdf)"
    check "stand = $form: Integrationsbericht und beide Ausgaben geschrieben" \
        test -f "$out/integrationsbericht.pdf" -a -f "$out/integrationsbericht_soziales.pdf" -a -f "$out/integrationsbericht_jugendhilfe.pdf"
    check_eq "stand = $form: Rückmeldebogen mit Stand 31.12.2024" "31.12.2024" "$(bogen_stand "$out")"
    check_grep "stand = $form: Stichtag für „überfällig“ 31.12.2024" "(Stichtag 31.12.2024)" "$TMP/log"
done

job falsch 31.13.2024
check_eq "stand = 31.13.2024: Konfigurationsfehler, Exit-Code 2" 2 "$rc"
check_grep "stand = 31.13.2024: Meldung nennt Datei, Schlüssel und Wert" \
    "Konfiguration $TMP/falsch.ini: [bericht] stand „31.13.2024“ ist kein Datum (TT.MM.JJJJ)" "$TMP/log"

# a template with its own stand: a default only
cp -r templates/wesermarsch "$TMP/vorlage"
sed -i 's#^\[bericht\]$#[bericht]\nstand = 2024-06-30#' "$TMP/vorlage/bericht.ini"
job vorlage_konfig 31.12.2024 "$TMP/vorlage/bericht.ini"
check_eq "Vorlage mit stand, Konfiguration mit stand: die Konfiguration gilt" \
    "Stand: 31.12.2024 " "$(stands "$TMP/vorlage_konfig/out"/*.pdf)"
job vorlage_allein "" "$TMP/vorlage/bericht.ini"
check_eq "Vorlage mit stand, Konfiguration ohne: report endet mit 0" 0 "$rc"
check_eq "Vorlage mit stand, Konfiguration ohne: Integrationsbericht mit dem Stand der Vorlage" \
    "Stand: 30.06.2024 " "$(stands "$TMP/vorlage_allein/out/integrationsbericht.pdf")"
check_grep "Vorlage mit stand, Konfiguration ohne: Hinweis auf [bericht] stand" \
    "gilt nur für Titelblatt und Fußzeilen" "$TMP/log"
