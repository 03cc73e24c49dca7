#!/bin/sh
# test_konfiguration.sh — unknown sections and keys of the job configuration
# (ibericht.ini) and of templates are caught with file, line and the nearest
# known name; every shipped configuration passes; every key the programs ask
# for is in the one table (pipeline/lib/config.c); a template Handlungsfeld
# that matches no data is a warning with file and line.
. "$(dirname "$0")/lib.sh"

unbekannt='unbekannter (Schlüssel|Abschnitt)'

# ---- every shipped job configuration passes the check ------------------------------
n=0
for f in $(grep -l '^\[pfade\]\|^\[bericht\]' config/*.ini tests/fixtures/config/*.ini); do
    n=$((n + 1))
    "$IB" compute --config "$f" --out "$TMP/k$n" >"$TMP/k$n.log" 2>&1
    if grep -Eq "$unbekannt|Konfiguration .* fehlerhaft" "$TMP/k$n.log"; then
        not_ok "$f: ohne unbekannte Schlüssel"; grep -E "$unbekannt" "$TMP/k$n.log" | head -3 | sed 's/^/# /'
    else
        ok "$f: ohne unbekannte Schlüssel"
    fi
done
check "mindestens 8 mitgelieferte Aufträge geprüft ($n)" test "$n" -ge 8

# ---- every key the programs read is in the table -----------------------------------
# the "abschnitt:schluessel" literals passed to config_string/config_int/config_list,
# berichtpdf_save, the stages' ja_nein and dateiname helpers
grep -rhoE '(config_(string|int|list)|berichtpdf_save|ja_nein|dateiname)\([^;]*"[a-z_]+:[a-z_0-9]+"' pipeline --include=*.c |
    grep -oE '"[a-z_]+:[a-z_0-9]+"' | tr -d '"' | sort -u > "$TMP/schluessel.txt"
check "Kontrolle: über 50 Schlüssel im Code gefunden ($(wc -l < "$TMP/schluessel.txt"))" test "$(wc -l < "$TMP/schluessel.txt")" -gt 50
check_grep "Kontrolle: [bericht] berichtsjahr darunter" "bericht:berichtsjahr" "$TMP/schluessel.txt"
awk -F: '{ if ($1 != s) { print "[" $1 "]"; s = $1 } print $2 " = 1" }' "$TMP/schluessel.txt" > "$TMP/alle.ini"
"$IB" compute --config "$TMP/alle.ini" --out "$TMP/alle" >"$TMP/alle.log" 2>&1
check_absent "jeder Schlüssel, den die Programme lesen, steht in der Tabelle (config.c)" "$TMP/alle.log" -E "$unbekannt|^$"
# (the log is never empty: compute reports the store; -E "…|^$" only keeps grep's pattern valid)

# ---- a misspelled key: exit 2, file, line, suggestion, nothing done ----------------
sed 's/^berichtsjahr /berichtsjar /' config/ibericht.ini > "$TMP/tippfehler.ini"
zeile=$(grep -n '^berichtsjar ' "$TMP/tippfehler.ini" | cut -d: -f1)
check "Kontrolle: Tippfehler in der Kopie (Zeile $zeile)" test -n "$zeile"
make_inbox "$TMP/in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
run_ib report --config "$TMP/tippfehler.ini" --inbox "$TMP/in" --out "$TMP/out"
check_eq "berichtsjar: Exit-Code 2" 2 "$rc"
check_grep "berichtsjar: Datei, Zeile, Abschnitt, Vorschlag" \
    "ibericht-ingest: Fehler: Konfiguration $TMP/tippfehler.ini, Zeile $zeile: unbekannter Schlüssel „berichtsjar“ in [bericht] — gemeint: berichtsjahr?" "$TMP/log"
check_grep "berichtsjar: sagt, dass nichts ausgeführt wurde, und wie man nur warnt" \
    "1 unbekannter Schlüssel oder Abschnitt — nichts ausgeführt; Tippfehler berichtigen (nur warnen: [konfiguration] unbekannte_schluessel = warnen)" "$TMP/log"
check "berichtsjar: kein Datenbestand angelegt, Lieferung bleibt im Eingang" \
    test ! -e "$TMP/out/ibericht.sqlite" -a -f "$TMP/in/massnahmen_wesermarsch_anhang6.csv"
check_eq "berichtsjar: nur ingest meldet (der Lauf endet dort)" 1 "$(grep -c 'unbekannter Schlüssel „' "$TMP/log")"

# the wrong section, a misspelled section, a key nothing like any
printf '[bericht]\nkommune = K\nvorlage = t.ini\n[dokument]\nvorlgae = t.ini\n[berichtt]\ntitel = T\n[pfade]\nganz_anders = 1\n' > "$TMP/falsch.ini"
run_ib compute --config "$TMP/falsch.ini" --out "$TMP/o2"
check_eq "mehrere unbekannte: Exit-Code 2" 2 "$rc"
check_grep "Schlüssel im falschen Abschnitt" "Konfiguration $TMP/falsch.ini, Zeile 3: unbekannter Schlüssel „vorlage“ in [bericht] — gehört in [dokument]?" "$TMP/log"
check_grep "vorlgae" "Konfiguration $TMP/falsch.ini, Zeile 5: unbekannter Schlüssel „vorlgae“ in [dokument] — gemeint: vorlage?" "$TMP/log"
check_grep "unbekannter Abschnitt" "Konfiguration $TMP/falsch.ini, Zeile 6: unbekannter Abschnitt [berichtt] — gemeint: [bericht]?" "$TMP/log"
check_grep "ohne Vorschlag: die bekannten Schlüssel" \
    "Zeile 9: unbekannter Schlüssel „ganz_anders“ in [pfade] (bekannt: inbox, out, store, quellen, archiv, quarantaene)" "$TMP/log"
check_grep "Zahl der unbekannten" "4 unbekannte Schlüssel oder Abschnitte — nichts ausgeführt" "$TMP/log"

# opt-out: warnings only, said once per report, the run goes on
{ cat "$TMP/tippfehler.ini"; printf '[konfiguration]\nunbekannte_schluessel = warnen\n'; } > "$TMP/warnen.ini"
run_ib report --config "$TMP/warnen.ini" --inbox "$TMP/in" --out "$TMP/out"
check_eq "unbekannte_schluessel = warnen: Exit-Code 0" 0 "$rc"
check_grep "warnen: Warnung mit Zeile und Vorschlag" \
    "ibericht-ingest: Warnung: Konfiguration $TMP/warnen.ini, Zeile $zeile: unbekannter Schlüssel „berichtsjar“ in [bericht] — gemeint: berichtsjahr?" "$TMP/log"
check_eq "warnen: einmal je Lauf, nicht von jeder Stufe" 1 "$(grep -c 'unbekannter Schlüssel „' "$TMP/log")"
check "warnen: Bericht geschrieben" test -s "$TMP/out/massnahmen_chronologisch.pdf"
run_ib render-pdf --config "$TMP/warnen.ini" --out "$TMP/out"
check_grep "warnen: eine Stufe allein warnt selbst" "ibericht-render-pdf: Warnung: Konfiguration $TMP/warnen.ini, Zeile $zeile" "$TMP/log"
printf '[konfiguration]\nunbekannte_schluessel = egal\n' > "$TMP/modus.ini"
run_ib compute --config "$TMP/modus.ini" --out "$TMP/o3"
check_eq "ungültiger Modus: Exit-Code 2" 2 "$rc"
check_grep "ungültiger Modus gemeldet" "Konfiguration $TMP/modus.ini, Zeile 2: [konfiguration] unbekannte_schluessel „egal“: erlaubt sind fehler (Vorgabe) und warnen" "$TMP/log"

# ---- templates ---------------------------------------------------------------------
cp -r templates/wesermarsch "$TMP/vorlage"
sed -i 's/^ziele           = ziele_gesundheit.txt$/zeile = ziele_gesundheit.txt/' "$TMP/vorlage/bericht.ini"
vz=$(grep -n '^zeile = ' "$TMP/vorlage/bericht.ini" | head -n 1 | cut -d: -f1)
vs=$(awk -v z="$vz" 'NR <= z && /^\[/ { s = $0 } NR == z { print s }' "$TMP/vorlage/bericht.ini")
check "Kontrolle: Tippfehler in der Vorlage (Zeile $vz, $vs)" test -n "$vz" -a -n "$vs"
sed "s#^vorlage .*#vorlage = $TMP/vorlage/bericht.ini#" config/ibericht.ini > "$TMP/v.ini"
run_ib render-bericht --config "$TMP/v.ini" --out "$TMP/out"
check_eq "Vorlage mit „zeile“ statt „ziele“: Exit-Code 2" 2 "$rc"
check_grep "Vorlage mit „zeile“: Datei, Zeile, Abschnitt, Vorschlag" \
    "Vorlage $TMP/vorlage/bericht.ini, Zeile $vz, Abschnitt $vs, Schlüssel „zeile“: unbekannter Schlüssel — gemeint: ziele?" "$TMP/log"

# a Handlungsfeld of the template that no measure has: a warning with file and line, the report is written
cp -r templates/wesermarsch "$TMP/vorlage2"
sed -i 's/^handlungsfelder = Gesundheit$/handlungsfelder = Gesundheit | Gesundhiet/' "$TMP/vorlage2/bericht.ini"
hz=$(grep -n '^handlungsfelder = Gesundheit | Gesundhiet$' "$TMP/vorlage2/bericht.ini" | cut -d: -f1)
hs=$(awk -v z="$hz" 'NR <= z && /^\[/ { s = $0 } NR == z { print s }' "$TMP/vorlage2/bericht.ini")
check "Kontrolle: Handlungsfeld verschrieben (Zeile $hz, $hs)" test -n "$hz"
sed "s#^vorlage .*#vorlage = $TMP/vorlage2/bericht.ini#" config/ibericht.ini > "$TMP/v2.ini"
# the Handlungsfelder of the data: the input list's, computed here
hf=$($PY -c 'import csv, sys
print(sorted({r["handlungsfeld"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if r["handlungsfeld"].startswith("Gesundheit")})[0])' \
    tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv)
run_ib render-bericht --config "$TMP/v2.ini" --out "$TMP/out"
check_eq "Handlungsfeld ohne Daten: Exit-Code 0 (nur Warnung)" 0 "$rc"
check_grep "Handlungsfeld ohne Daten: Warnung mit Datei, Zeile und Abschnitt" \
    "ibericht-render-bericht: Warnung: Vorlage $TMP/vorlage2/bericht.ini, Zeile $hz, Abschnitt $hs, Schlüssel „handlungsfelder“: Handlungsfeld „Gesundhiet“ passt zu keinem Handlungsfeld der Daten (keine Maßnahme): das Kapitel zeigt dazu nichts — gemeint: „Gesundheit“?" "$TMP/log"
check "Kontrolle: ein Handlungsfeld der Daten beginnt mit Gesundheit ($hf)" test -n "$hf"
run_ib render-bericht --config config/ibericht.ini --out "$TMP/out"
check_absent "mitgelieferte Vorlage: jedes Handlungsfeld passt zu den Daten" "$TMP/log" "passt zu keinem Handlungsfeld"
