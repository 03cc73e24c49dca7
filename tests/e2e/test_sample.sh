#!/bin/sh
# test_sample.sh — the shipped job end to end: the real Anhang 6 list of the
# Landkreis Wesermarsch (119 Maßnahmen) through all stages, outputs read back
# with poppler, qpdf and openpyxl.
. "$(dirname "$0")/lib.sh"

# The tests read the sample from tests/fixtures: `make report` moves the copy
# in inputs/inbox into inputs/archiv/ like any delivery.
if [ -f inputs/inbox/massnahmen_wesermarsch_anhang6.csv ]; then
    check "ausgelieferter Beispiel-Eingang gleicht der Testvorlage" \
        cmp -s inputs/inbox/massnahmen_wesermarsch_anhang6.csv tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
fi
out="$TMP/out"; in="$TMP/inputs/inbox"
make_inbox "$in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "report auf der Beispiel-Inbox endet mit 0" 0 "$rc"
check_grep "ingest meldet 119 Maßnahmen" "119 Maßnahmen übernommen" "$TMP/log"
check_absent "keine Warnungen auf der Beispiel-Inbox" "$TMP/log" Warnung
$PY tests/e2e/check_massnahmen.py --out "$out" --csv tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv \
    --group "Laufende Maßnahmen=29" --group "Kurzfristige Maßnahmen (bis 2025)=16" \
    --group "Mittelfristige Maßnahmen (bis 2027)=49" --group "Langfristige Maßnahmen (bis 2030)=25"

# provenance: every row knows its file, hash and row
prov=$($PY - "$out/ibericht.sqlite" <<'PY'
import sqlite3, sys, hashlib
db = sqlite3.connect(sys.argv[1])
sha = hashlib.sha256(open("tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv", "rb").read()).hexdigest()
n, lo, hi, s = db.execute("SELECT count(*), min(row_number), max(row_number), max(f.sha256) FROM massnahme m"
                          " JOIN source_file f ON f.id = m.source_file_id").fetchone()
print(n, lo, hi, s == sha, db.execute("PRAGMA user_version").fetchone()[0])
PY
)
check_eq "Herkunft: 119 Zeilen, Zeilen 2..120, SHA-256 der Datei, Schema-Version 3" "119 2 120 True 3" "$prov"
check "angenommene Datei im Archiv (inputs/archiv/JJJJ-MM-TT/)" test -f "$TMP/inputs/archiv/2024-11-20/massnahmen_wesermarsch_anhang6.csv"
check "Eingang danach leer" test -z "$(ls -A "$in")"

# umlauts and typographic characters come out of the PDF byte for byte
# (compared without white space: the table wraps lines anywhere)
for phrase in "„Einstellungssache: Migrantische Arbeitskräfte als Chance für Ihr Unternehmen!“" \
              "Interkulturelle Öffnung" "Arbeitgeber*innen" "Laufende Maßnahmen – 29 Maßnahmen" \
              "Partizipation durch Sprache, Bildung, Beruf/Sprache"; do
    found=$(pdftotext -raw "$out/massnahmen_chronologisch.pdf" - 2>/dev/null | $PY -c "
import sys, re
text = re.sub(r'\s+', '', sys.stdin.read())
print(re.sub(r'\s+', '', sys.argv[1]) in text)" "$phrase")
    check_eq "PDF-Text enthält „$phrase“ byte-genau" True "$found"
done

# a second run changes nothing: the same file dropped again is recognised by its SHA-256
pdf1=$(sha "$out/massnahmen_chronologisch.pdf"); xlsx1=$(sha "$out/massnahmen.xlsx")
make_inbox "$in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "zweiter Lauf endet mit 0" 0 "$rc"
check_grep "zweiter Lauf erkennt die Datei wieder" "bereits eingelesen" "$TMP/log"
n=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from massnahme').fetchone()[0])" "$out/ibericht.sqlite")
check_eq "zweiter Lauf lädt nichts doppelt" 119 "$n"
check_eq "PDF bei gleichen Eingaben byte-gleich" "$pdf1" "$(sha "$out/massnahmen_chronologisch.pdf")"
check_eq "XLSX bei gleichen Eingaben byte-gleich" "$xlsx1" "$(sha "$out/massnahmen.xlsx")"
ls -a "$out" >"$TMP/ls.txt" 2>/dev/null
check_absent "keine temporären Dateien im Ausgabeordner" "$TMP/ls.txt" tmp
check "erneut gelieferte Datei ebenfalls archiviert" test -f "$TMP/inputs/archiv/2024-11-20/massnahmen_wesermarsch_anhang6.csv.1"

# the renderers one at a time (IBERICHT_PROZESSE=1) write the same bytes as side by side
bericht1=$(sha "$out/integrationsbericht.pdf")
make_inbox "$in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
IBERICHT_PROZESSE=1 run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "Renderer nacheinander (IBERICHT_PROZESSE=1): Exit-Code 0" 0 "$rc"
check_eq "Renderer nacheinander: PDF, XLSX und Integrationsbericht byte-gleich" "$pdf1 $xlsx1 $bericht1" \
    "$(sha "$out/massnahmen_chronologisch.pdf") $(sha "$out/massnahmen.xlsx") $(sha "$out/integrationsbericht.pdf")"
order=$(sed -n 's/^ibericht-\(render-[a-z]*\|rueckmeldebogen\): .*/\1/p' "$TMP/log" | uniq | tr '\n' ' ')
check_eq "Renderer nacheinander, der längste zuerst, keine Meldungen durcheinander" \
    "render-bericht render-pdf render-xlsx rueckmeldebogen render-befragung render-eingang render-html " "$order"

# each stage runs on its own
for s in compute render-xlsx render-pdf; do
    run_ib "$s" --config config/ibericht.ini --inbox "$in" --out "$out"
    check_eq "Stufe $s allein wiederholbar" 0 "$rc"
done
check_eq "PDF nach Einzelstufen unverändert" "$pdf1" "$(sha "$out/massnahmen_chronologisch.pdf")"

# the run manifest lists every input and output with its SHA-256
m=$($PY - "$out" <<'PY'
import hashlib, os, sys
out = sys.argv[1]
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(out, "manifest.tsv"), encoding="utf-8") if not l.startswith("#")][1:]
outs = {r[3]: r[1] for r in rows if r[0] == "ausgabe"}
ins = [r for r in rows if r[0] == "eingabe"]
ok = all(hashlib.sha256(open(os.path.join(out, n), "rb").read()).hexdigest() == h for n, h in outs.items())
src = hashlib.sha256(open("tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv", "rb").read()).hexdigest()
# the HTML edition's files are listed as html/NAME (checked by test_html.sh); here: index.html among them
print(sorted(n for n in outs if not n.startswith("html/")), ok, len(ins), ins[0][1] == src, ins[0][4], "html/index.html" in outs)
PY
)
check_eq "Manifest: alle Ausgaben mit richtigem SHA-256, Eingabe mit Quelle" \
    "['eingangsbericht.pdf', 'eingangsbericht.xlsx', 'integrationsbericht.pdf', 'integrationsbericht_jugendhilfe.pdf', 'integrationsbericht_soziales.pdf', 'massnahmen.xlsx', 'massnahmen_chronologisch.pdf', 'rueckmeldeboegen/rueckmeldebogen_Koordinierungsstelle_Migration_und_Teilhabe.xlsx'] True 1 True massnahmen_wesermarsch True" "$m"
