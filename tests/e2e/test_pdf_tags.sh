#!/bin/sh
# test_pdf_tags.sh — every PDF of three real jobs (the sample measure list
# with the Integrationsbericht editions, the Niedersachsen indicators with
# charts, the Wesel survey) through tests/e2e/check_pdf.py: tagged-PDF
# catalogue (StructTreeRoot, MarkInfo, /Lang de-DE, DisplayDocTitle), XMP
# metadata, ToUnicode CMaps without begincidrange, pdffonts and pdftotext
# silent on stderr, MCIDs in the ParentTree, Figure /Alt, TH /Scope, link
# /Contents, footers „Seite x von y“ as Pagination artifacts; qpdf --check.
#
# ALLE_TEXTE_GETAGGT=ja (the default) adds the check that no text operator is
# outside an element or artifact; it holds since the chapter writers open
# structure elements for everything they draw (docpdf.c, issue #10).
# ALLE_TEXTE_GETAGGT=nein leaves it out (while a new writer is being tagged).
. "$(dirname "$0")/lib.sh"

ALLE_TEXTE_GETAGGT=${ALLE_TEXTE_GETAGGT:-ja}
ohne=""
[ "$ALLE_TEXTE_GETAGGT" = ja ] || ohne="--ohne text"

in="$TMP/muster/inbox"; out="$TMP/muster/out"
make_inbox "$in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
run_ib report --config config/ibericht.ini --inbox "$in" --out "$out"
check_eq "Beispiellauf endet mit 0" 0 "$rc"

nin="$TMP/nds/inbox"; nout="$TMP/nds/out"
make_inbox "$nin" inputs/beispiele/niedersachsen/csv/*.csv inputs/beispiele/niedersachsen/xlsx/*.xlsx
run_ib report --config config/niedersachsen.ini --inbox "$nin" --out "$nout"
check_eq "Indikatoren-Lauf endet mit 0" 0 "$rc"

win="$TMP/wesel/inbox"; wout="$TMP/wesel/out"
unset IBERICHT_PSEUDONYM_SCHLUESSEL
make_inbox "$win" inputs/beispiele/befragung_wesel_antworten.csv
run_ib report --config config/befragung_wesel.ini --inbox "$win" --out "$wout"
check_eq "Befragungs-Lauf endet mit 0" 0 "$rc"

pdfs=$(ls "$out"/*.pdf "$nout"/*.pdf "$wout"/*.pdf 2>/dev/null)
n=$(echo "$pdfs" | grep -c '\.pdf$')
# the expected files, named by the jobs' configuration
for f in massnahmen_chronologisch.pdf eingangsbericht.pdf integrationsbericht.pdf; do
    check "Beispiellauf schreibt $f" test -f "$out/$f"
done
check "Indikatoren-Lauf schreibt indikatoren.pdf" test -f "$nout/indikatoren.pdf"
check "mindestens 7 PDF-Dateien zu prüfen ($n)" test "$n" -ge 7

for f in $pdfs; do
    b=$(basename "$f")
    # footers from page 2 on (title pages and one-page reports may have none on page 1)
    $PY tests/e2e/check_pdf.py $ohne --fusszeilen-ab 2 "$f" >"$TMP/check.txt" 2>&1
    crc=$?
    if [ "$crc" -eq 0 ]; then ok "$b: check_pdf.py ohne Verstöße ($(head -n 1 "$TMP/check.txt" | sed 's/^[^:]*: //'))"
    else not_ok "$b: check_pdf.py meldet Verstöße (Exit $crc)"; sed 's/^/# /' "$TMP/check.txt" | head -20; fi
    check "$b: qpdf --check" qpdf --check "$f"
    pdffonts "$f" >/dev/null 2>"$TMP/err.txt"
    check_eq "$b: pdffonts ohne Meldungen auf stderr" "" "$(cat "$TMP/err.txt")"
    pdftotext "$f" "$TMP/text.txt" 2>"$TMP/err.txt"
    check_eq "$b: pdftotext ohne Meldungen auf stderr" "" "$(cat "$TMP/err.txt")"
done

# what is tagged already comes out in reading order: the table of contents
# of the Integrationsbericht is a Link per entry with its description
$PY - "$out/integrationsbericht.pdf" <<'PY'
import sys, pikepdf
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
pdf = pikepdf.open(sys.argv[1])
links = [a for p in pdf.pages for a in p.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
descr = [str(a.get("/Contents", "")) for a in links]
ok(len(links) > 5 and all(d.startswith("Gehe zu Seite ") for d in descr),
   f"Inhaltsverzeichnis: {len(links)} Links, jeder mit „Gehe zu Seite …“ ({descr[:2]})")
# the page named in the description is the page the link goes to
pages = {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}
bad = [d for a, d in zip(links, descr) if not d.startswith(f"Gehe zu Seite {pages.get(a.Dest[0].objgen)}:")]
ok(not bad, f"Linkbeschreibung nennt die Zielseite ({bad[:2]})")
PY
