#!/bin/sh
# test_meldungen.sh — what a user reads on stderr: every message is one whole
# line with its stage's name in front, also when the stages of several runs
# print side by side.
. "$(dirname "$0")/lib.sh"

stage_re='^ibericht(-(ingest|compute|render-xlsx|render-pdf|render-eingang|render-indikatoren|render-bericht|render-html|rueckmeldebogen|render-befragung|manifest))?: '

# lines_ok FILE — every line starts with a known stage and carries no
# second stage prefix (pieces of two lines never run together)
lines_ok() {
    test -s "$1" && ! grep -Ev "$stage_re" "$1" | grep -q . &&
        ! grep -E "$stage_re" "$1" | sed -E "s/$stage_re//" | grep -Eq 'ibericht(-[a-z-]+)?: '
}

# six reports at once, each with 1000 forms of an earlier round to remove:
# rueckmeldebogen prints a line per form while the other renderers print
# theirs, all into the same stderr
make_inbox "$TMP/in0" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
run_ib report --config config/ibericht.ini --inbox "$TMP/in0" --out "$TMP/out0" -q
check_eq "Vorlauf für die parallelen Läufe: Exit-Code 0" 0 "$rc"
for i in 1 2 3 4 5 6; do
    cp -r "$TMP/out0" "$TMP/out$i"
    mkdir -p "$TMP/in$i"
    n=1
    while [ $n -le 1000 ]; do : > "$TMP/out$i/rueckmeldeboegen/rueckmeldebogen_alt_$n.xlsx"; n=$((n + 1)); done
done
for i in 1 2 3 4 5 6; do
    IBERICHT_PROZESSE=7 "$IB" report --config config/ibericht.ini --inbox "$TMP/in$i" --out "$TMP/out$i" &
done 2>"$TMP/parallel.log" >/dev/null
wait
check_eq "jede entfernte Vorrunde gemeldet (6 × 1000 Zeilen)" 6000 "$(grep -c 'entfernt (Fachdienst ohne Maßnahmen)$' "$TMP/parallel.log")"
check_eq "jeder Lauf meldet sein Manifest" 6 "$(grep -c '^ibericht-manifest: .*manifest.tsv geschrieben$' "$TMP/parallel.log")"
if lines_ok "$TMP/parallel.log"; then ok "parallele Stufen: jede Zeile ganz, mit genau einem Stufennamen vorn"
else not_ok "parallele Stufen: Zeilen vermischt"; grep -Ev "$stage_re" "$TMP/parallel.log" | head -5 | sed 's/^/# /'; fi

# German, not getopt's, strerror's or iniparser's English
english='unrecognized|invalid option|requires an argument|No such file|Permission denied|syntax error|iniparser:'
check_german() {        # check_german DESCRIPTION — on $TMP/log of the last run_ib
    if grep -Eq "$english" "$TMP/log"; then not_ok "$1: englische Meldung"; sed 's/^/# /' "$TMP/log" | head -5
    else ok "$1: keine englische Meldung"; fi
}
run_ib report --bogus
check_eq "unbekannte Option: Exit-Code 2" 2 "$rc"
check_grep "unbekannte Option auf Deutsch" "ibericht-ingest: Fehler: unbekannte Option „--bogus“" "$TMP/log"
check_german "unbekannte Option"
run_ib render-pdf -x
check_grep "unbekannte kurze Option auf Deutsch" "ibericht-render-pdf: Fehler: unbekannte Option „-x“" "$TMP/log"
check_german "unbekannte kurze Option"
run_ib ingest --config
check_eq "Option ohne Wert: Exit-Code 2" 2 "$rc"
check_grep "Option ohne Wert auf Deutsch" "ibericht-ingest: Fehler: Option „--config“ braucht einen Wert" "$TMP/log"
check_german "Option ohne Wert"
run_ib compute -c
check_grep "kurze Option ohne Wert auf Deutsch" "ibericht-compute: Fehler: Option „-c“ braucht einen Wert" "$TMP/log"
run_ib compute --help=ja
check_grep "Option mit unerwartetem Wert auf Deutsch" "ibericht-compute: Fehler: Option „--help“ nimmt keinen Wert" "$TMP/log"
run_ib ingest --config "$TMP/fehlt.ini"
check_eq "fehlende Konfiguration: Exit-Code 2" 2 "$rc"
check_grep "fehlende Konfiguration auf Deutsch" "Konfiguration $TMP/fehlt.ini kann nicht gelesen werden: Datei oder Ordner fehlt" "$TMP/log"
check_german "fehlende Konfiguration"
printf '[bericht]\nkommune = Test\n[kaputt\n' > "$TMP/kaputt.ini"
run_ib report --config "$TMP/kaputt.ini"
check_eq "kaputte Konfiguration: Exit-Code 2" 2 "$rc"
check_grep "kaputte Konfiguration mit Datei und Zeile auf Deutsch" \
    "ibericht-ingest: Fehler: Konfiguration $TMP/kaputt.ini, Zeile 3: „[kaputt“ ist weder [Abschnitt] noch Schlüssel = Wert" "$TMP/log"
check_german "kaputte Konfiguration"
printf '[massnahmen]\ntyp = massnahmen\ndateien = *.csv\nkaputt\n' > "$TMP/quellen_kaputt.ini"
printf '[pfade]\nquellen = %s\n' "$TMP/quellen_kaputt.ini" > "$TMP/quellen_kaputt_auftrag.ini"
run_ib ingest --config "$TMP/quellen_kaputt_auftrag.ini" --inbox "$TMP/in1" --out "$TMP/qk"
check_eq "kaputte Quellprofile: Exit-Code 2" 2 "$rc"
check_grep "kaputte Quellprofile mit Datei und Zeile auf Deutsch" \
    "Quellprofile $TMP/quellen_kaputt.ini, Zeile 4: „kaputt“ ist weder [Abschnitt] noch Schlüssel = Wert" "$TMP/log"
check_german "kaputte Quellprofile"
