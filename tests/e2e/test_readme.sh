#!/bin/sh
# test_readme.sh — the example commands of README.md work as written: the
# code blocks that copy a delivery into an inbox and run make report are
# run (with /tmp/ replaced by the test's own folder) and their documented
# outputs checked.
. "$(dirname "$0")/lib.sh"

# readme_block FIRST_LINE — the sh block of README.md starting with that line
readme_block() {
    awk -v first="$1" '$0 == first { on = 1 } on && /^```/ { exit } on { print }' README.md | sed "s|/tmp/|$TMP/|g"
}

readme_block 'mkdir -p /tmp/nds/inbox /tmp/wob/inbox' > "$TMP/nds.sh"
check "README: Niedersachsen-Beispiel gefunden" grep -q 'make report CONFIG=config/wolfsburg.ini' "$TMP/nds.sh"
sh "$TMP/nds.sh" >"$TMP/log" 2>&1
check_eq "README: Niedersachsen-Beispiel endet mit 0" 0 "$?"
check_grep "Niedersachsen: 13 Lieferungen angenommen" "Eingang $TMP/nds/inbox: 13 angenommen, 0 unverändert, 0 abgewiesen, 0 wartend" "$TMP/log"
check_grep "Wolfsburg: 13 Lieferungen angenommen" "Eingang $TMP/wob/inbox: 13 angenommen, 0 unverändert, 0 abgewiesen, 0 wartend" "$TMP/log"
for d in nds wob; do
    for f in indikatoren.xlsx indikatoren.pdf eingangsbericht.xlsx eingangsbericht.pdf; do
        check "$d: $f geschrieben" test -s "$TMP/$d/out/$f"
    done
done

readme_block 'mkdir -p /tmp/befragung/inbox' > "$TMP/befragung.sh"
check "README: Befragungs-Beispiel gefunden" grep -q 'make report CONFIG=config/befragung_wesel.ini' "$TMP/befragung.sh"
sh "$TMP/befragung.sh" >"$TMP/log" 2>&1
check_eq "README: Befragungs-Beispiel endet mit 0" 0 "$?"
check_grep "Befragung: Lieferung angenommen" "Eingang $TMP/befragung/inbox: 1 angenommen" "$TMP/log"
check "Befragung: befragung.xlsx und befragung.pdf geschrieben" test -s "$TMP/befragung/out/befragung.xlsx" -a -s "$TMP/befragung/out/befragung.pdf"
