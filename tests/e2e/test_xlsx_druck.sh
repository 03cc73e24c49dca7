#!/bin/sh
# test_xlsx_druck.sh — the workbooks print: LibreOffice headless converts
# each workbook of the sample run to PDF without error, and
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
to_pdf "$TMP/s/pdf" "$out/massnahmen.xlsx"
n=$($PY -c "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1])['Maßnahmen'].max_row - 1)" "$out/massnahmen.xlsx")
check_eq "119 Maßnahmen in der Arbeitsmappe" 119 "$n"
# at least 3 measures a page on average (the longest of them fills a third of a page),
# at most 12 (the shortest take 4 lines); the overview on one or two pages
druck "$out/massnahmen.xlsx" "$TMP/s/pdf/massnahmen.pdf" \
    --min-pages $(( (n + 11) / 12 + 1 )) --max-pages $(( (n + 2) / 3 + 2 )) \
    --sheet-pages "Maßnahmen=$(( (n + 11) / 12 )):$(( (n + 2) / 3 ))" --sheet-pages "Übersicht=1:2" \
    --scale Maßnahmen --bands Maßnahmen
