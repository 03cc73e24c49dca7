#!/bin/sh
# bench/bench_bericht.sh — speed of the composed report (make bench).
#
#   sh bench/bench_bericht.sh [BUILD_DIR]
#
# 1. The complete report of the shipped samples (Anhang 6 measures, LSN
#    indicators, Wesermarsch template with its two committee editions):
#    `ibericht report` end to end.  Target: < 1 s.
# 2. 400 area editions of the ~45-page report (generated areas with two
#    indicators each, [dokument] gebietsausgaben = alle) on the machine's
#    cores.  Target: < 60 s on 2 cores.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
IB="$top/$build/bin/ibericht"
work="$top/bench/work/bericht"
rm -rf "$work"; mkdir -p "$work/in" "$work/gross"
export SOURCE_DATE_EPOCH=1732060800
cat > "$work/bericht.ini" <<INI
[bericht]
kommune = Landkreis Wesermarsch
titel   = Integrationsbericht 2024
berichtsjahr = 2024
[pfade]
quellen = config/quellen.ini
[befragung]
pseudonym_schluessel_datei = tests/fixtures/befragung/beispiel_schluessel.txt
[eingang]
wartezeit_sekunden = 0
archivieren = nein
[indikatoren]
katalog   = config/katalog_niedersachsen.ini
gebiet    = K03461
vergleich = K030
[dokument]
vorlage = templates/wesermarsch/bericht.ini
INI
cp tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv inputs/beispiele/niedersachsen/csv/*.csv "$work/in/"
/usr/bin/time -f "%e %M" -o "$work/t1" "$IB" report --config "$work/bericht.ini" --inbox "$work/in" --out "$work/out" -q 2>/dev/null
read -r t m < "$work/t1"
pages=$(pdfinfo "$work/out/integrationsbericht.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
awk -v t="$t" -v m="$m" -v p="$pages" 'BEGIN{printf "Vollständiger Bericht (%s Seiten, 2 Ausgaben, alle Stufen): %.2f s, %.1f MB RSS  (Ziel < 1 s) %s\n", p, t, m/1024, (t < 1 ? "erreicht" : "VERFEHLT")}'

/usr/bin/python3 - "$work/gross/indicator_1-2-1.csv" "$work/gross/indicator_2-3-1.csv" <<'PY'
import sys
for path, base in ((sys.argv[1], 10000), (sys.argv[2], 150)):
    with open(path, "w", encoding="utf-8") as f:
        f.write("Year,Gebietseinheit,GeoCode,Value\n")
        for a in range(400):
            for y in range(2005, 2025):
                f.write(f'{y},"Gemeinde {a:03d}",G{a:04d},{base + (a * 7 + y) % 97}\n')
PY
cp tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv "$work/gross/"
sed -e "s|^gebiet    = K03461|gebiet    = G0000|" "$work/bericht.ini" > "$work/gross.ini"
printf 'gebietsausgaben = alle\n' >> "$work/gross.ini"
"$IB" ingest --config "$work/gross.ini" --inbox "$work/gross" --out "$work/out-gross" -q 2>/dev/null
"$IB" compute --config "$work/gross.ini" --out "$work/out-gross" -q 2>/dev/null
/usr/bin/time -f "%e %M" -o "$work/t2" "$IB" render-bericht --config "$work/gross.ini" --out "$work/out-gross" -q
read -r t m < "$work/t2"
n=$(ls "$work/out-gross" | grep -c "integrationsbericht_gebiet_")
p=$(pdfinfo "$work/out-gross/integrationsbericht_gebiet_G0001.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
awk -v t="$t" -v m="$m" -v n="$n" -v p="$p" -v c="$(nproc)" 'BEGIN{printf "%d Gebietsausgaben à %s Seiten auf %d Kernen: %.1f s, %.1f MB RSS je Prozess  (Ziel < 60 s) %s\n", n, p, c, t, m/1024, (t < 60 ? "erreicht" : "VERFEHLT")}'
