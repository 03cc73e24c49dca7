#!/bin/sh
# bench/bench_indikatoren.sh — speed and memory of the indicator computation (make bench).
#
#   sh bench/bench_indikatoren.sh [BUILD_DIR]
#
# 1. All shipped data (inputs/beispiele/niedersachsen, Niedersachsen
#    catalogue): compute + both indicator outputs.  Target: < 1 s.
# 2. Generated: 400 areas × 150 indicators × 20 years × 4 disaggregations
#    (150 datasets of 32.000 observations = 4,8 Mio. observations; 100
#    counts and 50 shares in the catalogue), ingested, then compute alone.
#    Target: < 20 s, peak RSS < 300 MB.  Data go to bench/work/, never committed.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
IB="$top/$build/bin/ibericht"
work="$top/bench/work/indikatoren"
rm -rf "$work"; mkdir -p "$work/nds" "$work/gross"
export SOURCE_DATE_EPOCH=1732060800

cp inputs/beispiele/niedersachsen/csv/*.csv inputs/beispiele/niedersachsen/xlsx/*.xlsx "$work/nds/"
sed -e 's|^inbox .*||' config/niedersachsen.ini > "$work/nds.ini"
printf '[eingang]\nwartezeit_sekunden = 0\narchivieren = nein\n' >> "$work/nds.ini"
"$IB" ingest --config "$work/nds.ini" --inbox "$work/nds" --out "$work/out-nds" -q 2>/dev/null
/usr/bin/time -f "%e %M" -o "$work/t1" sh -c "'$IB' compute --config '$work/nds.ini' --out '$work/out-nds' -q &&
    '$IB' render-indikatoren --config '$work/nds.ini' --out '$work/out-nds' -q"
read -r t m < "$work/t1"
awk -v t="$t" -v m="$m" 'BEGIN{printf "Ausgelieferte Daten: compute + indikatoren.xlsx/.pdf  %.2f s, %.1f MB RSS  (Ziel < 1 s) %s\n", t, m/1024, (t < 1 ? "erreicht" : "VERFEHLT")}'

/usr/bin/python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
areas = [f"G{a:04d}" for a in range(400)]
merkmale = [("männlich", "unter 25"), ("männlich", "25 und älter"), ("weiblich", "unter 25"), ("weiblich", "25 und älter")]
for d in range(1, 151):
    with open(os.path.join(work, "gross", f"indicator_9-{d}-1.csv"), "w", encoding="utf-8") as f:
        f.write("Year,GeoCode,Gebietseinheit,Geschlecht,Altersgruppe,Value\n")
        for ai, a in enumerate(areas):
            for y in range(2005, 2025):
                for mi, (g, alt) in enumerate(merkmale):
                    v = 1000 + (ai * 37 + y * 11 + d * 5 + mi * 3) % 5000
                    f.write(f"{y},{a},Gebiet {ai},{g},{alt},{v}\n")
with open(os.path.join(work, "katalog.ini"), "w", encoding="utf-8") as k:
    k.write("[katalog]\ntitel = Benchmark\ngebiete = alle\n\n")
    for h in range(1, 6):
        k.write(f"[handlungsfeld:{h}]\ntitel = Handlungsfeld {h}\nposition = {h}\n\n")
    for i in range(1, 151):
        k.write(f"[indikator:i{i}]\ntitel = Indikator {i}\nhandlungsfeld = {(i % 5) + 1}\n")
        if i <= 100:
            k.write(f"art = anzahl\nwert = 9-{i}-1\nwert_filter = Geschlecht=männlich|Altersgruppe=unter 25\n\n")
        else:
            k.write(f"art = anteil\nzaehler = 9-{i}-1\nzaehler_filter = Geschlecht=männlich|Altersgruppe=unter 25\n"
                    f"nenner = 9-{i - 100}-1\nnenner_filter = Geschlecht=männlich|Altersgruppe=unter 25\n\n")
PY
cat > "$work/gross.ini" <<INI
[pfade]
quellen = config/quellen_niedersachsen.ini
[eingang]
wartezeit_sekunden = 0
archivieren = nein
[indikatoren]
katalog = $work/katalog.ini
berichtsjahr = 2024
gebiet = G0001
INI
/usr/bin/time -f "%e %M" -o "$work/t2" "$IB" ingest --config "$work/gross.ini" --inbox "$work/gross" --out "$work/out-gross" -q 2>/dev/null
read -r t m < "$work/t2"
n=$(sqlite3 "$work/out-gross/ibericht.sqlite" "select count(*) from beobachtung" 2>/dev/null || echo "?")
awk -v t="$t" -v m="$m" -v n="$n" 'BEGIN{printf "Erzeugt: %s Beobachtungen eingelesen in %.1f s, %.1f MB RSS\n", n, t, m/1024}'
/usr/bin/time -f "%e %M" -o "$work/t3" "$IB" compute --config "$work/gross.ini" --out "$work/out-gross" -q
read -r t m < "$work/t3"
awk -v t="$t" -v m="$m" 'BEGIN{printf "Erzeugt: compute (150 Indikatoren × 400 Gebiete × 20 Jahre)  %.1f s, %.1f MB RSS  (Ziel < 20 s, < 300 MB) %s\n", t, m/1024, (t < 20 && m/1024 < 300 ? "erreicht" : "VERFEHLT")}'
