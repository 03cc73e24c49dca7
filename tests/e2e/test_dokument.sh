#!/bin/sh
# test_dokument.sh — the document layer end to end: tests/tools/dokument_demo renders the
# shipped Wesermarsch template (prose chapters, measure tables spanning pages, a landscape
# appendix, a chart) as the full report and as both committee editions; the PDFs are read
# back with pdftotext, pdfinfo and qpdf (tests/e2e/check_dokument.py): table of contents
# against the real pages, bookmarks, links, running headers, kept headings, page sizes.
# Also: a table of contents longer than one page (the page numbers move: a second layout
# pass), byte-identical re-runs, document info with umlauts, the PDF/A-1b parts.
. "$(dirname "$0")/lib.sh"

build=${IBERICHT_BUILD:-$top/build}
demo="$build/tools/dokument_demo"
# the demo is built by tests/tools/tools.mk; with the sanitizers when the library has them
san=
if nm "$build/libibericht.a" 2>/dev/null | grep -q __asan_init; then
    san="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
fi
if [ -n "$san" ]; then
    make -s -f Makefile -f tests/tools/tools.mk BUILD="$build" CFLAGS="$san" LDFLAGS="-fsanitize=address,undefined" "$demo" >"$TMP/make.log" 2>&1
else
    make -s -f Makefile -f tests/tools/tools.mk BUILD="$build" "$demo" >"$TMP/make.log" 2>&1
fi
check_eq "dokument_demo gebaut (tests/tools/tools.mk)" 0 $?
[ -x "$demo" ] || { cat "$TMP/make.log"; exit 1; }

ini=templates/wesermarsch/bericht.ini
csv=tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
check_py() { $PY tests/e2e/check_dokument.py "$@" --vorlage $ini --zwischentitel "Aufbau des Berichts" \
    --zwischentitel "Medizinische Grundversorgung" --zwischentitel "Psychosoziale Versorgung" \
    --zwischentitel "Sprache" --zwischentitel "Bildung" --zwischentitel "Beruf" \
    --tabellenkopf "Handlungsfeld Teilziel" --tabellenkopf "Teilziel Maßnahme" --tabellenkopf "Zeichen Bedeutung" \
    2>/dev/null; }

# the full report
${IBERICHT_WRAP:-} "$demo" --massnahmen $csv $ini "$TMP/voll.pdf" >"$TMP/voll.log" 2>&1
check_eq "Gesamtbericht gerendert" 0 $?
check "qpdf --check: Gesamtbericht ist ein gültiges PDF" qpdf --check "$TMP/voll.pdf"
check_py "$TMP/voll.pdf" --auch "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge=Interkulturelle Öffnung"
pdfinfo "$TMP/voll.pdf" 2>/dev/null >"$TMP/info"
check_grep "Dokumentinfo: Titel" "Title:           Integrationsbericht 2024" "$TMP/info"
check_grep "Dokumentinfo: Autor" "Author:          Landkreis Wesermarsch" "$TMP/info"
check_grep "Dokumentinfo: Thema" "Subject:         Umsetzung des Integrationskonzepts 2024" "$TMP/info"
check_grep "Dokumentinfo: Stichwörter mit Umlaut" "Keywords:        Integrationsbericht, Integrationskonzept, Maßnahmen, Wesermarsch" "$TMP/info"
check_grep "Dokumentinfo: Datum aus SOURCE_DATE_EPOCH" "CreationDate:    Wed Nov 20 00:00:00 2024 UTC" "$TMP/info"
pdftotext -layout "$TMP/voll.pdf" "$TMP/voll.txt" 2>/dev/null
for g in "A.1     Laufende Maßnahmen" "A.2     Kurzfristige Maßnahmen" "A.3     Mittelfristige Maßnahmen" "A.4     Langfristige Maßnahmen"; do
    check_grep "chronologischer Anhang: Abschnitt „$g“" "$g" "$TMP/voll.txt"
done
check_grep "Leitsatz-Kasten und Fettdruck aus der Prosa" "Integration ist eine Querschnittsaufgabe" "$TMP/voll.txt"

# byte-identical re-run
"$demo" --massnahmen $csv $ini "$TMP/voll2.pdf" >/dev/null 2>&1
check_eq "zweiter Lauf mit SOURCE_DATE_EPOCH: Gesamtbericht byte-gleich" "$(sha "$TMP/voll.pdf")" "$(sha "$TMP/voll2.pdf")"

# the committee editions: exactly their chapters and Handlungsfelder
"$demo" --ausgabe soziales --massnahmen $csv $ini "$TMP/soziales.pdf" >/dev/null 2>&1
check_eq "Ausgabe soziales gerendert" 0 $?
check_py "$TMP/soziales.pdf" --ausgabe soziales --gremium "Ausschuss für Soziales, Gesundheit und Integration" \
    --nicht "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge=Zugewanderte Kinder" \
    --nicht "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge=Partizipation durch" \
    --auch "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge=Gesundheit/"
"$demo" --ausgabe jugendhilfe --massnahmen $csv $ini "$TMP/jugendhilfe.pdf" >/dev/null 2>&1
check_eq "Ausgabe jugendhilfe gerendert" 0 $?
check_py "$TMP/jugendhilfe.pdf" --ausgabe jugendhilfe --gremium "Jugendhilfeausschuss" \
    --nicht "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge=Interkulturelle Öffnung" \
    --nicht "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge=Gleichstellung der" \
    --auch "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge=Zugewanderte Kinder"

# a table of contents of several pages: every page number moves; the missing
# TOC pages are inserted after the layout, no second pass
"$demo" --abschnitte 70 --massnahmen $csv $ini "$TMP/lang.pdf" >"$TMP/lang.log" 2>&1
check_eq "langes Inhaltsverzeichnis gerendert" 0 $?
passes=$(sed -n 's/.*durchgaenge=\([0-9]*\) inhalt_seiten=\([0-9]*\).*/\1 \2/p' "$TMP/lang.log")
check "langes Inhaltsverzeichnis: mehr als eine Seite, eingefügt ohne zweiten Durchgang ($passes)" \
    sh -c "set -- $passes; [ \"\$1\" -eq 1 ] && [ \"\$2\" -ge 2 ]"
check_py "$TMP/lang.pdf" | sed 's/Gesamtbericht:/langes Inhaltsverzeichnis:/'

# the Wolfsburg template (Leitsätze, indicators) renders too
"$demo" templates/wolfsburg/bericht.ini "$TMP/wolfsburg.pdf" >/dev/null 2>&1
check_eq "Wolfsburg-Vorlage gerendert" 0 $?
$PY tests/e2e/check_dokument.py "$TMP/wolfsburg.pdf" --vorlage templates/wolfsburg/bericht.ini \
    --zwischentitel "Zentrale Herausforderungen" 2>/dev/null | sed 's/Gesamtbericht:/Wolfsburg:/'
pdftotext "$TMP/wolfsburg.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$TMP/wob.txt"
check_grep "Wolfsburg: Leitsatz wörtlich" "Wir wollen den vielfältigen Herausforderungen einer von Zuwanderung und Diversität geprägten Gesellschaft" "$TMP/wob.txt"

# PDF/A-1b parts: XMP metadata, file identifier, Print flag on links — still reproducible
mkdir -p "$TMP/pdfa"
cp templates/wesermarsch/*.txt "$TMP/pdfa/"
sed 's/^\[bericht\]$/[bericht]\npdfa = ja/; s/^titel       = Integrationsbericht 2024$/titel = Integrationsbericht 2024 \& <Anhang>/' $ini >"$TMP/pdfa/bericht.ini"
"$demo" --massnahmen $csv "$TMP/pdfa/bericht.ini" "$TMP/a.pdf" >/dev/null 2>&1
check_eq "PDF/A-Teile: gerendert" 0 $?
"$demo" --massnahmen $csv "$TMP/pdfa/bericht.ini" "$TMP/a2.pdf" >/dev/null 2>&1
check_eq "PDF/A-Teile: zweiter Lauf byte-gleich (Dateikennung ohne Uhrzeit)" "$(sha "$TMP/a.pdf")" "$(sha "$TMP/a2.pdf")"
pdfa=$($PY - "$TMP/a.pdf" <<'PY'
import json, subprocess, sys, xml.dom.minidom
j = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]],
                              capture_output=True, text=True).stdout)["qpdf"][1]
get = lambda r: j["obj:" + r].get("value") or j["obj:" + r]["stream"]["dict"]
root = get(j["trailer"]["value"]["/Root"])
d = j["obj:" + root["/Metadata"]]["stream"]["dict"]
out = [d.get("/Type"), d.get("/Subtype"), "/Filter" in d]
xmp = subprocess.run(["qpdf", "--show-object=" + root["/Metadata"].split()[0], "--raw-stream-data", sys.argv[1]],
                     capture_output=True).stdout.decode("utf-8")
dom = xml.dom.minidom.parseString(xmp[xmp.index("<x:xmpmeta"):xmp.index("</x:xmpmeta>") + 12])
title = dom.getElementsByTagName("dc:title")[0].getElementsByTagName("rdf:li")[0].firstChild.data
out += [title, dom.getElementsByTagName("pdfaid:part")[0].firstChild.data,
        dom.getElementsByTagName("pdfaid:conformance")[0].firstChild.data,
        dom.getElementsByTagName("xmp:CreateDate")[0].firstChild.data,
        len(j["trailer"]["value"].get("/ID", []))]
flags = set()
for k, o in j.items():
    v = o.get("value") if isinstance(o, dict) else None
    if isinstance(v, dict) and v.get("/Subtype") == "/Link":
        flags.add(v.get("/F"))
out.append(sorted(flags))
print(out)
PY
)
check_eq "PDF/A-Teile: XMP /Metadata /Subtype /XML unkomprimiert, Titel XML-maskiert, pdfaid 1/B, Datum, /ID, Links mit /F 4" \
    "['/Metadata', '/XML', False, 'Integrationsbericht 2024 & <Anhang>', '1', 'B', '2024-11-20T00:00:00Z', 2, [4]]" "$pdfa"

# with an ICC profile: the output intent GTS_PDFA1 embeds it (libharu does not look inside the
# file; a real profile is sRGB.icc of Debian's colord-data, not a dependency of ibericht)
head -c 3144 /dev/zero >"$TMP/pdfa/srgb.icc"
sed -i 's/^pdfa = ja$/pdfa = ja\nicc_profil = srgb.icc/' "$TMP/pdfa/bericht.ini"
"$demo" --massnahmen $csv "$TMP/pdfa/bericht.ini" "$TMP/icc.pdf" >/dev/null 2>&1
check_eq "PDF/A-Teile mit ICC-Profil: gerendert" 0 $?
intent=$($PY - "$TMP/icc.pdf" <<'PY'
import json, subprocess, sys
j = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]],
                              capture_output=True, text=True).stdout)["qpdf"][1]
val = lambda r: j["obj:" + r].get("value") or j["obj:" + r]["stream"]["dict"]
root = val(j["trailer"]["value"]["/Root"])
intents = root["/OutputIntents"]
intents = intents if isinstance(intents, list) else val(intents)
oi = val(intents[0]) if isinstance(intents[0], str) else intents[0]
prof = val(oi["/DestOutputProfile"])
print(len(intents), oi["/Type"], oi["/S"], oi["/OutputConditionIdentifier"], prof.get("/N"), prof.get("/Length") is not None)
PY
)
check_eq "PDF/A-Teile mit ICC-Profil: Output-Intent GTS_PDFA1 mit eingebettetem RGB-Profil" \
    "1 /OutputIntent /GTS_PDFA1 u:sRGB IEC61966-2.1 3 True" "$intent"

# a broken template: exit 2 and the message names file, section and key
printf '[bericht]\ntitel = T\nkommune = K\n[kapitel:a]\ntitel = A\nart = roman\n' >"$TMP/kaputt.ini"
"$demo" "$TMP/kaputt.ini" "$TMP/k.pdf" >"$TMP/k.log" 2>&1
check_eq "kaputte Vorlage: Exit-Code 2" 2 $?
check_grep "kaputte Vorlage: Meldung mit Datei, Abschnitt und Schlüssel" \
    "dokument_demo: Fehler: Vorlage $TMP/kaputt.ini, Abschnitt [kapitel:a], Schlüssel „art“: unbekannte Art „roman“" "$TMP/k.log"
check "kaputte Vorlage: keine PDF-Datei" test ! -e "$TMP/k.pdf"
