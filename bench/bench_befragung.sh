#!/bin/sh
# bench/bench_befragung.sh — speed and memory of the survey evaluation (make bench).
#
#   sh bench/bench_befragung.sh [BUILD_DIR]
#
# 10.000 respondents × the Wesel questionnaire's 160 answer columns
# (the 140 shipped sample answers repeated with new respondent ids;
# generated into bench/work/, never committed): ingest (pseudonyms,
# checks) + evaluation + befragung.xlsx/.pdf, i.e. `ibericht report`.
# Target: < 2 s, < 100 MB peak RSS.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
IB="$top/$build/bin/ibericht"
work="$top/bench/work/befragung"
rm -rf "$work"; mkdir -p "$work/in"
export SOURCE_DATE_EPOCH=1732060800
/usr/bin/python3 - inputs/beispiele/befragung_wesel_antworten.csv "$work/in/befragung_wesel_antworten.csv" <<'PY'
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
head, body = rows[0], rows[1:]
with open(dst, "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(head)
    for i in range(10000):
        r = list(body[i % len(body)])
        r[0] = f"B{i:05d}"
        w.writerow(r)
PY
sed -e 's|^wartezeit_sekunden = 0|wartezeit_sekunden = 0\narchivieren = nein|' config/befragung_wesel.ini > "$work/job.ini"
cols=$(head -n 1 "$work/in/befragung_wesel_antworten.csv" | tr ';' '\n' | wc -l)
/usr/bin/time -f "%e %M" -o "$work/t" "$IB" report --config "$work/job.ini" --inbox "$work/in" --out "$work/out" -q 2>/dev/null
read -r t m < "$work/t"
awk -v t="$t" -v m="$m" -v c="$cols" 'BEGIN{printf "Befragung: 10.000 Befragte × %d Spalten, ingest + Auswertung + befragung.xlsx/.pdf: %.2f s, %.1f MB RSS  (Ziel < 2 s, < 100 MB) %s\n", c, t, m/1024, (t < 2 && m/1024 < 100 ? "erreicht" : "VERFEHLT")}'
