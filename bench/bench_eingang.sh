#!/bin/sh
# bench/bench_eingang.sh — speed and memory of the department inbox (make bench).
#
#   sh bench/bench_eingang.sh [BUILD_DIR]
#
# 1. All deliveries of the statistics office shipped in
#    inputs/beispiele/niedersachsen (10 Open SDG CSV ≈ 1,8 MB + 3 Excel
#    workbooks): ingest time and peak RSS.  Target: < 0,5 s.
# 2. A generated 100 MB CSV export (long indicator table, 1,1 Mio. rows;
#    generated into bench/work/, never committed): throughput and peak RSS.
#    Target: ≥ 50 MB/s, < 50 MB.
# Each figure is the best of 3 runs on a fresh store.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
IB="$top/$build/bin/ibericht"
work="$top/bench/work/eingang"
rm -rf "$work"; mkdir -p "$work/nds" "$work/gross"
cp inputs/beispiele/niedersachsen/csv/*.csv inputs/beispiele/niedersachsen/xlsx/*.xlsx "$work/nds/"
printf '[pfade]\nquellen = config/quellen_niedersachsen.ini\n[eingang]\narchivieren = nein\nwartezeit_sekunden = 0\n' > "$work/bench.ini"
/usr/bin/python3 - "$work/gross/indicator_7-7-7.csv" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Year,Gebietseinheit,Geschlecht,Kategorie,Units,GeoCode,Value\n")
    n = i = 0
    while n < 100 * 1024 * 1024:
        line = '%d,"Landkreis Nummer %d",%s,Kategorie %d mit etwas längerem Text,Anzahl,K%05d,%d\n' % (
            2000 + i % 25, i % 400, "weiblich" if i % 2 else "männlich", i % 13, i % 400, random.randint(0, 99999))
        f.write(line); n += len(line.encode()); i += 1
PY

best() {   # best_of DIR → "seconds peak_kb"
    bt=999; bm=0
    for r in 1 2 3; do
        rm -rf "$work/out"
        /usr/bin/time -f "%e %M" -o "$work/t" "$IB" ingest --config "$work/bench.ini" --inbox "$1" --out "$work/out" -q 2>/dev/null
        read -r t m < "$work/t"
        if awk "BEGIN{exit !($t < $bt)}"; then bt=$t; bm=$m; fi
    done
    echo "$bt $bm"
}
set -- $(best "$work/nds")
awk -v t="$1" -v m="$2" 'BEGIN{printf "Niedersachsen (13 Dateien):  %.2f s, %.1f MB RSS   (Ziel < 0,5 s) %s\n", t, m/1024, (t < 0.5 ? "erreicht" : "VERFEHLT")}'
size=$(stat -c %s "$work/gross/indicator_7-7-7.csv")
set -- $(best "$work/gross")
awk -v t="$1" -v m="$2" -v s="$size" 'BEGIN{mb=s/1048576; printf "CSV %.0f MB:                  %.2f s = %.1f MB/s, %.1f MB RSS   (Ziel ≥ 50 MB/s, < 50 MB) %s\n", mb, t, mb/t, m/1024, (mb/t >= 50 && m/1024 < 50 ? "erreicht" : "VERFEHLT")}'
