#!/bin/sh
# test_katalog.sh — the shipped indicator catalogues are exactly what the generator
# scripts make of the data in ../shared (tools/katalog_aus_seeds.py,
# tools/katalog_niedersachsen.py), and the scripts are deterministic.
. "$(dirname "$0")/lib.sh"

seeds=../shared/data/seeds
lsn=inputs/beispiele/niedersachsen
if [ -f "$seeds/indikatoren_wolfsburg.csv" ]; then
    check "config/katalog_wolfsburg.ini ist aktuell (katalog_aus_seeds.py --pruefen)" \
        "$PY" tools/katalog_aus_seeds.py --seeds "$seeds" --pruefen
    "$PY" tools/katalog_aus_seeds.py --seeds "$seeds" --ausgabe "$TMP/w1.ini"
    "$PY" tools/katalog_aus_seeds.py --seeds "$seeds" --ausgabe "$TMP/w2.ini"
    check "katalog_aus_seeds.py ist deterministisch" cmp "$TMP/w1.ini" "$TMP/w2.ini"
else
    skip "$seeds fehlt: Wolfsburger Katalog nicht gegen die Seeds geprüft"
fi
if [ -d "$lsn/meta" ]; then
    check "config/katalog_niedersachsen.ini ist aktuell (katalog_niedersachsen.py --pruefen)" \
        "$PY" tools/katalog_niedersachsen.py --daten "$lsn" --pruefen
else
    skip "$lsn fehlt: Niedersachsen-Katalog nicht geprüft"
fi
# a stale catalogue is noticed
cp config/katalog_wolfsburg.ini "$TMP/alt.ini"
echo "; von Hand geändert" >> "$TMP/alt.ini"
if [ ! -f "$seeds/indikatoren_wolfsburg.csv" ]; then
    skip "$seeds fehlt: Erkennung einer von Hand geänderten Datei nicht geprüft"
else
    if "$PY" tools/katalog_aus_seeds.py --seeds "$seeds" --ausgabe "$TMP/alt.ini" --pruefen 2>/dev/null; then
        not_ok "eine von Hand geänderte Datei wird erkannt"
    else
        ok "eine von Hand geänderte Datei wird erkannt"
    fi
fi
