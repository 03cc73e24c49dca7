#!/bin/sh
# beispiel_rueckmeldeboegen.sh — the two returned Rückmeldebögen of the sample
# delivery (inputs/beispiele/wesermarsch/), made from forms that ibericht writes.
#
#   sh tools/beispiel_rueckmeldeboegen.sh [BUILD [ZIEL]]
#
# BUILD: the build folder with bin/ibericht (Vorgabe build; `make build` first);
# ZIEL: where the filled forms go (Vorgabe inputs/beispiele/wesermarsch).
# Two rounds of the Koordinierungsstelle Migration und Teilhabe (Anhang 6 names
# no other responsible unit, so all 119 measures are on its form):
#   1. the measure list alone, form with Stand 03.06.2024, filled (first round);
#   2. that filled form read back, form with Stand 04.11.2024 — it shows the
#      first round's status — filled again (second round).
# The statuses and comments are invented (tools/rueckmeldeboegen_ausfuellen.py,
# fixed seed); the same build gives the same files, byte for byte.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build=${1:-build}
ziel=${2:-inputs/beispiele/wesermarsch}
ib="$build/bin/ibericht"
liste=inputs/beispiele/wesermarsch/massnahmen_wesermarsch_anhang6.csv
tmp=$(mktemp -d /tmp/ibericht-boegen-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/inbox" "$tmp/out"
cp "$liste" "$tmp/inbox/"
export SOURCE_DATE_EPOCH=1717372800      # 03.06.2024, the forms' document dates

runde() {   # runde STAND: ingest what is in the inbox, write the form with this Stand
    cat > "$tmp/runde.ini" <<EOF
[bericht]
kommune = Landkreis Wesermarsch
berichtsjahr = 2024
stand = $1
[pfade]
quellen = config/quellen.ini
[eingang]
wartezeit_sekunden = 0
[befragung]
pseudonym_schluessel_datei = tests/fixtures/befragung/beispiel_schluessel.txt
EOF
    for s in ingest compute rueckmeldebogen; do
        "$ib" "$s" -q -c "$tmp/runde.ini" --inbox "$tmp/inbox" --out "$tmp/out"
    done
}

runde 03.06.2024
/usr/bin/python3 tools/rueckmeldeboegen_ausfuellen.py --ziel "$tmp/inbox" \
    "$tmp/out/rueckmeldeboegen/rueckmeldebogen_Koordinierungsstelle_Migration_und_Teilhabe.xlsx"
cp "$tmp/inbox/rueckmeldebogen_Koordinierungsstelle_Migration_und_Teilhabe_2024-06-03.xlsx" "$tmp/"
runde 04.11.2024
/usr/bin/python3 tools/rueckmeldeboegen_ausfuellen.py --ziel "$tmp" \
    "$tmp/out/rueckmeldeboegen/rueckmeldebogen_Koordinierungsstelle_Migration_und_Teilhabe.xlsx"
mkdir -p "$ziel"
for f in "$tmp"/rueckmeldebogen_*.xlsx; do cp "$f" "$ziel/"; done
ls "$ziel"/rueckmeldebogen_*.xlsx
