#!/bin/sh
# test_bericht.sh — the composed Integrationsbericht from the shipped
# template and the real data: the complete report, the committee editions
# and area editions, checked with pdftotext, pdfinfo and qpdf --json
# (check_dokument.py: TOC page numbers = pages of the headings, bookmarks,
# links, running headers, no orphaned heading, landscape appendix), the
# measures of each chapter against the input, byte-identical re-run.
. "$(dirname "$0")/lib.sh"

in="$TMP/inputs/inbox"; out="$TMP/out"
make_inbox "$in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv inputs/beispiele/niedersachsen/csv/*.csv
cat config/quellen.ini config/quellen_niedersachsen.ini > "$TMP/quellen.ini"
cat > "$TMP/bericht.ini" <<INI
[bericht]
kommune      = Landkreis Wesermarsch
titel        = Integrationsbericht 2024
berichtsjahr = 2024
[pfade]
quellen = $TMP/quellen.ini
[indikatoren]
katalog   = config/katalog_niedersachsen.ini
gebiet    = K03461
vergleich = K030
[dokument]
vorlage         = templates/wesermarsch/bericht.ini
gebietsausgaben = K03461, K03103
INI
run_ib report --config "$TMP/bericht.ini" --inbox "$in" --out "$out"
check_eq "Bericht: report endet mit 0" 0 "$rc"
v=templates/wesermarsch/bericht.ini
for f in integrationsbericht integrationsbericht_soziales integrationsbericht_jugendhilfe \
         integrationsbericht_gebiet_K03461 integrationsbericht_gebiet_K03103; do
    check "$f.pdf besteht qpdf --check" qpdf --check "$out/$f.pdf"
done
$PY tests/e2e/check_dokument.py "$out/integrationsbericht.pdf" --vorlage "$v" --tabellenkopf "Teilziel Maßnahme"
$PY tests/e2e/check_dokument.py "$out/integrationsbericht_soziales.pdf" --vorlage "$v" --ausgabe soziales \
    --gremium "Ausschuss für Soziales, Gesundheit und Integration" --tabellenkopf "Teilziel Maßnahme"
$PY tests/e2e/check_dokument.py "$out/integrationsbericht_jugendhilfe.pdf" --vorlage "$v" --ausgabe jugendhilfe \
    --gremium "Jugendhilfeausschuss" --tabellenkopf "Teilziel Maßnahme"

# every measure of the input is in the chronological appendix; a Handlungsfeld
# chapter holds exactly its measures; an edition only its Handlungsfelder
$PY - "$out" <<'PY'
import csv, re, subprocess, sys
out = sys.argv[1]
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
def text(f):
    return re.sub(r"\s+", "", subprocess.run(["pdftotext", "-raw", f"{out}/{f}", "-"], capture_output=True, text=True).stdout)
rows = list(csv.DictReader(open("tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv", encoding="utf-8")))
full = text("integrationsbericht.pdf")
lines = subprocess.run(["pdftotext", "-raw", f"{out}/integrationsbericht.pdf", "-"], capture_output=True, text=True).stdout.splitlines()
start = max(i for i, l in enumerate(lines) if l.strip() == "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge")
appendix = re.sub(r"\s+", "", "\n".join(lines[start:]))
# measures may be interrupted by page furniture where a row breaks across pages: compare the first 60 letters
missing = [r["massnahme"][:40] for r in rows if re.sub(r"\s+", "", r["massnahme"])[:60] not in appendix]
ok(not missing, f"alle 119 Maßnahmen im chronologischen Anhang ({missing[:2]})")
soz = text("integrationsbericht_soziales.pdf")
jug = text("integrationsbericht_jugendhilfe.pdf")
def has(t, r): return re.sub(r"\s+", "", r["massnahme"])[:60] in t
gesundheit = [r for r in rows if r["handlungsfeld"].startswith("Gesundheit")]
ok(all(has(soz, r) for r in gesundheit), f"Sozialausschuss: alle {len(gesundheit)} Gesundheits-Maßnahmen")
kinder = [r for r in rows if r["handlungsfeld"] == "Zugewanderte Kinder und Jugendliche"]
ok(all(has(jug, r) for r in kinder), f"Jugendhilfeausschuss: alle {len(kinder)} Maßnahmen für Kinder und Jugendliche")
ok(jug and not any(has(jug, r) for r in gesundheit), "Jugendhilfeausschuss: keine Gesundheits-Maßnahme")
ok("Vorlagefür:Jugendhilfeausschuss" in jug, "Titelblatt der Ausgabe nennt das Gremium")
ok("Einbürgerungen" in full and "Wesermarsch" in full, "Kennzahlen-Kapitel mit LSN-Werten")
w = text("integrationsbericht_gebiet_K03103.pdf")
ok("Integrationsbericht2024–Wolfsburg,Stadt" in w, "Gebietsausgabe Wolfsburg: Titel mit dem Gebiet")
i = w.find("Kennzahlen")
ok("Wolfsburg,Stadt" in w[i:], "Gebietsausgabe Wolfsburg: Kennzahlen über Wolfsburg")
PY

# reproducible: the same inputs and config give byte-identical reports
before=$(sha "$out/integrationsbericht.pdf"); soz=$(sha "$out/integrationsbericht_soziales.pdf")
run_ib render-bericht --config "$TMP/bericht.ini" --out "$out"
check_eq "Bericht byte-gleich beim zweiten Lauf" "$before" "$(sha "$out/integrationsbericht.pdf")"
check_eq "Ausgabe byte-gleich beim zweiten Lauf" "$soz" "$(sha "$out/integrationsbericht_soziales.pdf")"
m=$(grep -c "integrationsbericht" "$out/manifest.tsv")
check_eq "Manifest listet den Bericht und seine 4 Ausgaben" 5 "$m"
pdftotext -layout "$out/integrationsbericht.pdf" "$TMP/b.txt" 2>/dev/null
# the Handlungsfeld may wrap: its column gives width to the status headers (pdftable.h)
check "Kapitel „Stand der Umsetzung“: Interkulturelle Öffnung mit 24 Maßnahmen, alle ohne Bericht" \
    sh -c 'grep -A1 -E "^Interkulturelle( Öffnung)? +24 +0 +0 +0 +0 +0 +24" "$1" | grep -q "Öffnung"' _ "$TMP/b.txt"
check "Kapitel „Stand der Umsetzung“: kein Wort im Tabellenkopf geteilt" \
    sh -c 'k=$(grep -A2 -E "^Handlungsfeld +Anzahl +geplant" "$1"); [ -n "$k" ] || exit 1
           for w in Umsetzung umgesetzt verzögert entfallen Bericht überfällig; do
               printf "%s\n" "$k" | grep -qw "$w" || exit 1; done' _ "$TMP/b.txt"
check_grep "Kapitel „Beiträge der Fachdienste“ mit der Quelle" "massnahmen_wesermarsch" "$TMP/b.txt"
