#!/bin/sh
# test_sample.sh — the shipped job end to end: the whole Wesermarsch delivery
# (inputs/beispiele/wesermarsch = what inputs/inbox ships: the real Anhang 6
# list with 119 Maßnahmen, the LSN Kennzahlen for K03461 and Niedersachsen, two
# returned Rückmeldebögen, the administration survey) through all stages with
# config/ibericht.ini, outputs read back with poppler, qpdf and openpyxl and
# compared with what the input files say (tests/e2e/check_beispiel.py).
. "$(dirname "$0")/lib.sh"

bsp=inputs/beispiele/wesermarsch
liste=$bsp/massnahmen_wesermarsch_anhang6.csv
# `make report` moves the files of inputs/inbox into inputs/archiv/ like any
# delivery; where they are still there, they are the sample
if [ -n "$(ls inputs/inbox 2>/dev/null)" ]; then
    check "ausgelieferter Eingang inputs/inbox gleicht $bsp" diff -r inputs/inbox "$bsp"
fi
check "Anhang 6 des Beispiels gleicht der Testvorlage" cmp -s "$liste" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv

# the sample is reproducible from its sources with the tools that made it
check "LSN-Auszug = tools/lsn_auszug.py aus inputs/beispiele/niedersachsen" /usr/bin/python3 tools/lsn_auszug.py --pruefen
$PY tools/antworten_wesermarsch.py config/befragung/wesermarsch_verwaltung.ini "$TMP/antworten.csv" 2>/dev/null
check "Befragungsantworten = tools/antworten_wesermarsch.py (fester Startwert)" cmp -s "$TMP/antworten.csv" "$bsp/befragung_wesermarsch_verwaltung.csv"
sh tools/beispiel_rueckmeldeboegen.sh "${IBERICHT_BUILD:-$top/build}" "$TMP/boegen" >/dev/null 2>"$TMP/boegen.log"
# the same reports (what ingest reads: A1–B3 and Kennung, Status, Stand, Kommentar
# of every row), not necessarily the same bytes: the form's layout may change
for f in "$bsp"/rueckmeldebogen_*.xlsx; do
    gleich=$($PY - "$f" "$TMP/boegen/$(basename "$f")" <<'PY'
import sys, openpyxl
def inhalt(p):
    ws = openpyxl.load_workbook(p).worksheets[0]
    kopf = [c.value for c in ws[6]]
    sp = [kopf.index(n) for n in ("Kennung", "Status", "Stand", "Kommentar")]
    return ([ws["A1"].value, ws["B2"].value, ws["B3"].value],
            [[r[i] for i in sp] for r in ws.iter_rows(min_row=7, values_only=True)])
a, b = inhalt(sys.argv[1]), inhalt(sys.argv[2])
print(a == b and sum(1 for r in a[1] if r[1]) > 0)
PY
)
    check_eq "Rückmeldebogen $(basename "$f") = tools/beispiel_rueckmeldeboegen.sh (gleiche Meldungen)" True "$gleich"
done
check_eq "zwei zurückgegebene Rückmeldebögen im Beispiel" 2 "$(ls "$bsp"/rueckmeldebogen_*.xlsx | wc -l)"
prof=$($PY - <<'PY'
import configparser
def lade(p):
    c = configparser.ConfigParser(interpolation=None); c.read(p, encoding="utf-8"); return c
a, b = lade("config/quellen.ini"), lade("config/quellen_niedersachsen.ini")
lsn = [s for s in a.sections() if s.startswith("lsn_")]
ohne = lambda d: {k: v for k, v in d.items() if k != "erwartet"}
print(len(lsn), all(s in b and ohne(a[s]) == ohne(b[s]) and a[s]["erwartet"] == "nein" for s in lsn))
PY
)
check_eq "LSN-Profile in config/quellen.ini wie in config/quellen_niedersachsen.ini (dazu erwartet = nein)" "2 True" "$prof"

# a fresh clone: every file just written (mtime now), one run reads all of it
out="$TMP/out"; in="$TMP/inputs/inbox"
mkdir -p "$in"; cp "$bsp"/* "$in/"
n_in=$(ls "$in" | wc -l)
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "report auf der Beispiel-Inbox endet mit 0" 0 "$rc"
check_grep "frische Dateien in einem Lauf gelesen (keine wartet)" \
    "Eingang $in: $n_in angenommen, 0 unverändert, 0 abgewiesen, 0 wartend, 0 ohne Quelle" "$TMP/log"
check_grep "ingest meldet 119 Maßnahmen" "119 Maßnahmen übernommen" "$TMP/log"
# the only expected warning: the LSN's Ausländerzentralregister codes RH… stored as K… (indicator_2-1-1.csv)
grep -v 'Gebietsschlüssel in AGS-Form vereinheitlicht: „RH03461“\|Gebietsschlüssel in AGS-Form vereinheitlicht: „RH030“' "$TMP/log" > "$TMP/log.ohne_rh"
check_absent "keine weiteren Warnungen auf der Beispiel-Inbox" "$TMP/log.ohne_rh" Warnung
for f in integrationsbericht.pdf indikatoren.xlsx indikatoren.pdf befragung.xlsx befragung.pdf massnahmen.xlsx; do
    check "Ausgabe $f geschrieben" test -s "$out/$f"
done
$PY tests/e2e/check_beispiel.py --out "$out" --beispiel "$bsp" \
    --fragebogen config/befragung/wesermarsch_verwaltung.ini \
    --schwelle "$(sed -n 's/^schwelle *= *//p' config/ibericht.ini)"
# the maps of [karte] (all 45 Kreise from the LSN tables in the sample): the
# Kreise's classes by colour, computed from the sample's CSV files
geo=$(sed -n 's/^geometrie *= *//p' config/ibericht.ini)
check_eq "config/ibericht.ini zeichnet Karten für Ausländeranteil und Einbürgerungsquote" \
    "auslaenderanteil, einbuergerungsquote" "$(sed -n 's/^indikatoren *= *\(.*auslaenderanteil.*\)$/\1/p' config/ibericht.ini)"
for pdf in integrationsbericht.pdf indikatoren.pdf; do
    $PY tests/e2e/check_karte.py "$out/$pdf" auslaenderanteil --csv "$bsp/indicator_1-2-1.csv" \
        --nenner "$bsp/indicator_1-1-1.csv" --faktor 100 --dezimalen 1 --prozent --geo "$geo" --eigen 03461 \
        --pruefe 03461,03241,03103 || not_ok "check_karte.py ($pdf, Ausländeranteil) abgebrochen"
    $PY tests/e2e/check_karte.py "$out/$pdf" einbuergerungsquote --csv "$bsp/indicator_2-3-1.csv" \
        --nenner "$bsp/indicator_1-2-1.csv" --faktor 100 --dezimalen 2 --prozent --geo "$geo" --eigen 03461 \
        --pruefe 03461,03241,03103 || not_ok "check_karte.py ($pdf, Einbürgerungsquote) abgebrochen"
done
check "HTML-Ausgabe mit beiden Karten" grep -q "html/ geschrieben (.* 2 Karten)" "$TMP/log"
$PY tests/e2e/check_massnahmen.py --out "$out" --csv "$liste" \
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
check_eq "alle $n_in Dateien der Lieferung archiviert" "$n_in" "$(ls "$TMP/inputs/archiv/2024-11-20" | wc -l)"
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

# a second run changes nothing: the same files dropped again are recognised by their SHA-256
pdf1=$(sha "$out/massnahmen_chronologisch.pdf"); xlsx1=$(sha "$out/massnahmen.xlsx")
make_inbox "$in" "$bsp"/*
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "zweiter Lauf endet mit 0" 0 "$rc"
check_grep "zweiter Lauf erkennt die Dateien wieder" "Eingang $in: 0 angenommen, $n_in unverändert" "$TMP/log"
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
    "render-bericht render-pdf render-xlsx rueckmeldebogen render-befragung render-indikatoren render-eingang render-html " "$order"

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
ins = {r[1]: r[4] for r in rows if r[0] == "eingabe"}
ok = all(hashlib.sha256(open(os.path.join(out, n), "rb").read()).hexdigest() == h for n, h in outs.items())
bsp = "inputs/beispiele/wesermarsch"
quelle = {hashlib.sha256(open(os.path.join(bsp, n), "rb").read()).hexdigest(): n for n in os.listdir(bsp)}
src = sorted(set((n.split("_")[0], ins.get(h)) for h, n in quelle.items()))
# the HTML edition's files are listed as html/NAME (checked by test_html.sh); here: index.html among them
print(sorted(n for n in outs if not n.startswith("html/")), ok, len(ins) == len(quelle), src, "html/index.html" in outs)
PY
)
check_eq "Manifest: alle Ausgaben mit richtigem SHA-256, jede Eingabe mit ihrer Quelle" \
    "['befragung.pdf', 'befragung.xlsx', 'eingangsbericht.pdf', 'eingangsbericht.xlsx', 'indikatoren.pdf', 'indikatoren.xlsx', 'integrationsbericht.pdf', 'integrationsbericht_jugendhilfe.pdf', 'integrationsbericht_soziales.pdf', 'massnahmen.xlsx', 'massnahmen_chronologisch.pdf', 'rueckmeldeboegen/rueckmeldebogen_Koordinierungsstelle_Migration_und_Teilhabe.xlsx'] True True [('2020', 'lsn_2-3-4_xlsx'), ('befragung', 'befragung_wesermarsch'), ('indicator', 'lsn_csv'), ('massnahmen', 'massnahmen_wesermarsch'), ('rueckmeldebogen', 'rueckmeldebogen')] True" "$m"
