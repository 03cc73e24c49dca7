#!/bin/sh
# test_xlsx_druck.sh — the workbooks print: LibreOffice headless converts
# each workbook of the sample run (massnahmen, eingangsbericht, the
# Rückmeldebogen), of the Niedersachsen indicator job (indikatoren) and of
# the Wesel survey job (befragung) to PDF without error, and
# tests/e2e/check_xlsx_druck.py checks page setup, row heights of wrapped
# text, chart anchors, the page count within bounds derived from the data,
# the print scale of the Maßnahmen sheet and that no measure's text leaves
# its row in the PDF.  Without soffice (Debian package libreoffice-calc-nogui)
# the test says so with a skip line.
. "$(dirname "$0")/lib.sh"

if ! command -v soffice >/dev/null 2>&1; then
    skip "LibreOffice (soffice, Debian-Paket libreoffice-calc-nogui) fehlt: Druckprüfung der Arbeitsmappen entfällt"
    exit 0
fi
CHECK=tests/e2e/check_xlsx_druck.py

# to_pdf DIR FILE… — LibreOffice's PDF of each workbook into DIR, with a
# private profile (parallel runs do not share one); ok when every PDF is there
to_pdf() {
    dir=$1; shift
    mkdir -p "$dir"
    soffice -env:UserInstallation="file://$TMP/lo" --headless --convert-to pdf --outdir "$dir" "$@" \
        >"$TMP/soffice.log" 2>&1
    src=$?
    for f in "$@"; do
        p="$dir/$(basename "$f" .xlsx).pdf"
        if [ "$src" -eq 0 ] && [ -s "$p" ]; then ok "LibreOffice druckt $(basename "$f") als PDF"
        else not_ok "LibreOffice druckt $(basename "$f") als PDF (Exit $src)"; sed 's/^/# /' "$TMP/soffice.log"; fi
    done
}

# druck XLSX PDF ARGS… — check_xlsx_druck.py, or a failed check when a file is missing
druck() {
    if [ -s "$1" ] && [ -s "$2" ]; then $PY $CHECK "$@"
    else not_ok "Druckprüfung $(basename "$1"): Arbeitsmappe oder PDF fehlt"; fi
}

# ---- the sample run: massnahmen.xlsx -----------------------------------------------------
in="$TMP/s/inbox"; out="$TMP/s/out"
make_inbox "$in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "Beispiellauf endet mit 0" 0 "$rc"
form=$(ls "$out"/rueckmeldeboegen/*.xlsx | head -n 1)
to_pdf "$TMP/s/pdf" "$out/massnahmen.xlsx" "$out/eingangsbericht.xlsx" "$form"
n=$($PY -c "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1])['Maßnahmen'].max_row - 1)" "$out/massnahmen.xlsx")
check_eq "119 Maßnahmen in der Arbeitsmappe" 119 "$n"
# at least 3 measures a page on average (the longest of them fills a third of a page),
# at most 12 (the shortest take 4 lines); the overview on one or two pages
druck "$out/massnahmen.xlsx" "$TMP/s/pdf/massnahmen.pdf" \
    --min-pages $(( (n + 11) / 12 + 1 )) --max-pages $(( (n + 2) / 3 + 2 )) \
    --sheet-pages "Maßnahmen=$(( (n + 11) / 12 )):$(( (n + 2) / 3 ))" --sheet-pages "Übersicht=1:2" \
    --scale Maßnahmen --bands Maßnahmen

# rows of a sheet (header included)
rows() { $PY -c "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1])[sys.argv[2]].max_row)" "$1" "$2"; }

# the Eingangsbericht: Quellen and Rücklauf on one page each here, Lieferungen at least 8 a page
nl=$(rows "$out/eingangsbericht.xlsx" Lieferungen)
druck "$out/eingangsbericht.xlsx" "$TMP/s/pdf/eingangsbericht.pdf" --min-pages 3 --max-pages $(( 2 + nl / 8 + 1 )) \
    --sheet-pages "Quellen=1:1" --sheet-pages "Lieferungen=1:$(( nl / 8 + 1 ))" --sheet-pages "Rücklauf=1:1"

# the Rückmeldebogen of the department: its measures, 4 to 20 a page (the longest texts, the shortest)
nf=$(( $(rows "$form" Rückmeldebogen) - 6 ))
check "Rückmeldebogen mit Maßnahmen" test "$nf" -gt 0
druck "$form" "$TMP/s/pdf/$(basename "$form" .xlsx).pdf" \
    --min-pages $(( (nf + 19) / 20 )) --max-pages $(( (nf + 3) / 4 + 1 ))

# ---- the indicators of Niedersachsen: each indicator's table and chart on at most one
# page of its Handlungsfeld, the long sheets „Werte“ and „Daten“ one page each (not printed)
nds=inputs/beispiele/niedersachsen
in="$TMP/nds/inbox"; out="$TMP/nds/out"
make_inbox "$in" $nds/csv/*.csv $nds/xlsx/*.xlsx
run_ib report --config config/niedersachsen.ini --inbox "$in" --out "$out"
check_eq "Niedersachsen-Auftrag endet mit 0" 0 "$rc"
to_pdf "$TMP/nds/pdf" "$out/indikatoren.xlsx"
eval "$($PY - "$out/ibericht.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print("nind=%d nhf=%d" % (db.execute("SELECT count(*) FROM katalog_indikator").fetchone()[0],
                          db.execute("SELECT count(*) FROM katalog_handlungsfeld").fetchone()[0]))
PY
)"
check_eq "13 Indikatoren in 7 Handlungsfeldern" "13 7" "$nind $nhf"
druck "$out/indikatoren.xlsx" "$TMP/nds/pdf/indikatoren.pdf" \
    --min-pages $(( nhf + 3 )) --max-pages $(( 1 + nind + nhf + 2 )) \
    --sheet-pages "Übersicht=1:1" --sheet-pages "Werte=1:1" --sheet-pages "Daten=1:1"
pdftotext "$TMP/nds/pdf/indikatoren.pdf" - 2>/dev/null | tr -s '\n ' '  ' > "$TMP/nds/i.txt"
nd=$($PY -c "import openpyxl,sys; print(f\"{openpyxl.load_workbook(sys.argv[1])['Daten'].max_row - 1:,}\".replace(',', '.'))" "$out/indikatoren.xlsx")
check_grep "gedruckt: das Daten-Blatt sagt, dass es nicht gedruckt wird" \
    "Dieses Blatt ($nd Beobachtungen) ist zum Filtern und Weiterrechnen da und wird nicht gedruckt" "$TMP/nds/i.txt"

# ---- the Wesel survey: per section at most a page per chart (table and chart kept together)
# and one more, the long sheets at least 20 (Kreuztabellen), 10 (Freitexte), 5 (Codebuch) rows a page
in="$TMP/wesel/inbox"; out="$TMP/wesel/out"
make_inbox "$in" inputs/beispiele/befragung_wesel_antworten.csv
IBERICHT_PSEUDONYM_SCHLUESSEL=$(cat tests/fixtures/befragung/beispiel_schluessel.txt) \
    run_ib report --config config/befragung_wesel.ini --inbox "$in" --out "$out"
check_eq "Befragung Wesel endet mit 0" 0 "$rc"
to_pdf "$TMP/wesel/pdf" "$out/befragung.xlsx"
bounds=$($PY - "$out/befragung.xlsx" <<'PY'
import math, re, sys, zipfile, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
z = zipfile.ZipFile(sys.argv[1])
per = {"Kreuztabellen": 20, "Freitexte": 10, "Codebuch": 5}
out, total = [], 0
for i, ws in enumerate(wb.worksheets, 1):
    rels = z.read(f"xl/worksheets/_rels/sheet{i}.xml.rels").decode() if f"xl/worksheets/_rels/sheet{i}.xml.rels" in z.namelist() else ""
    m = re.search(r'drawing(\d+)\.xml', rels)
    charts = z.read(f"xl/drawings/drawing{m.group(1)}.xml").decode().count("<xdr:graphicFrame") if m else 0
    hi = charts + 1 if ws.title.startswith("Abschnitt") else math.ceil(ws.max_row / per.get(ws.title, 30))
    total += hi
    out.append(f"--sheet-pages {ws.title.replace(' ', '_')}=1:{hi}")
print(" ".join(out), f"--max-pages {total}")
PY
)
# sheet names with a space are passed with „_“ (shell words) and turned back in the checker
druck "$out/befragung.xlsx" "$TMP/wesel/pdf/befragung.pdf" --min-pages $(( $(echo "$bounds" | grep -o sheet-pages | wc -l) )) $bounds
