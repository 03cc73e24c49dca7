#!/bin/sh
# test_befragung.sh — surveys end to end: Wesel's sample answers (140
# invented institutions) through ingest, compute and ibericht-render-befragung;
# the outputs read back with poppler, qpdf and openpyxl and compared with
# numbers counted independently (tests/e2e/check_befragung.py).  Privacy:
# canary values planted in section I and in an id appear in no output, log,
# manifest or store byte.  Broken answer files: the exact message (pseudonym,
# question, value), quarantine or skipped rows as configured.  A missing
# key stops the run with exit 2.  Rücklauf against a list of units asked.
. "$(dirname "$0")/lib.sh"

sample=inputs/beispiele/befragung_wesel_antworten.csv
job=config/befragung_wesel.ini
keyfile=tests/fixtures/befragung/beispiel_schluessel.txt
unset IBERICHT_PSEUDONYM_SCHLUESSEL

# pseudonym NAME-OF-ID — computed here with Python's hmac, as befragung.h documents it
pseudonym() {
    $PY -c "
import hmac, hashlib, sys
key = open(sys.argv[1], 'rb').read()
key = key[:-1] if key.endswith(b'\n') else key
print('P-' + hmac.new(key, sys.argv[2].encode(), hashlib.sha256).hexdigest()[:16])" "$keyfile" "$1"
}

# ---- the sample job --------------------------------------------------------------------
in="$TMP/wesel/inbox"; out="$TMP/wesel/out"
make_inbox "$in" "$sample"
run_ib report --config "$job" --inbox "$in" --out "$out"
check_eq "Befragung Wesel: report endet mit 0" 0 "$rc"
check_grep "ingest meldet 140 Befragte" "befragung_wesel_antworten.csv: 140 Befragte übernommen" "$TMP/log"
check_grep "compute wertet 140 Befragte aus" "Befragung config/befragung/wesel.ini: 140 Befragte aus 1 Datei ausgewertet" "$TMP/log"
check_absent "keine Warnungen auf den Beispieldaten" "$TMP/log" Warnung
check "befragung.xlsx geschrieben" test -s "$out/befragung.xlsx"
check "befragung.pdf geschrieben" test -s "$out/befragung.pdf"
check "ohne Maßnahmen keine Maßnahmenliste" test ! -e "$out/massnahmen.xlsx" -a ! -e "$out/massnahmen_chronologisch.pdf"
check_grep "ohne Maßnahmen: gemeldet" "keine Maßnahmen im Datenbestand: massnahmen_chronologisch.pdf nicht geschrieben" "$TMP/log"
$PY tests/e2e/check_befragung.py --out "$out" --csv "$sample" --fragebogen config/befragung/wesel.ini \
    --kreuz I.7 --freitexte

# the Integrationsbericht composes the same survey chapter: every question that is not personal,
# with its text as asked, in questionnaire order; personal ones never; no question heading ends a page
mkdir -p "$TMP/bvorlage"
printf '[bericht]\ntitel = Bericht mit Befragung\nkommune = Stadt Wesel\n[kapitel:befragung]\ntitel = Ergebnisse der Befragung\nart = befragung\n' \
    >"$TMP/bvorlage/bericht.ini"
{ cat "$job"; printf '\n[dokument]\nvorlage = %s\nprozesse = 1\n' "$TMP/bvorlage/bericht.ini"; } >"$TMP/bbericht.ini"
run_ib render-bericht --config "$TMP/bbericht.ini" --out "$out"
check_eq "Integrationsbericht mit Befragungskapitel: Exit-Code 0" 0 "$rc"
r=$($PY - "$out/integrationsbericht.pdf" config/befragung/wesel.ini <<'PY'
import re, subprocess, sys
sys.path.insert(0, "tests/e2e")
from check_befragung import fragebogen
fragen, _ = fragebogen(sys.argv[2])
text = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout
sq = lambda s: re.sub(r"\s+", " ", s).strip()
flat = sq(text).replace("- ", "")
pos, fehlt, gefunden = 0, [], 0
for f in fragen:
    if f["pers"]:
        continue
    p = flat.find(sq(f["code"] + " " + f["text"]).replace("- ", ""), pos)
    if p < 0:
        fehlt.append(f["code"])
    else:
        gefunden, pos = gefunden + 1, p
pers = [f["code"] for f in fragen if f["pers"] and sq(f["text"]) in flat]
codes = {f["code"] for f in fragen}
letzte = []
for n, page in enumerate(text.split("\f")[:-1], 1):
    lines = [l.strip() for l in page.splitlines() if l.strip()]
    body = [l for l in lines if not re.search(r"Seite \d+ von \d+", l) and not l.startswith("Stand:")]
    if body and body[-1].split(" ")[0] in codes:
        letzte.append(n)
print(gefunden == sum(1 for f in fragen if not f["pers"]) and gefunden > 0, fehlt[:5], pers, letzte)
PY
)
check_eq "Integrationsbericht: alle nicht personenbezogenen Fragen in Reihenfolge, keine personenbezogene, keine Frage-Überschrift am Seitenende" \
    "True [] [] []" "$r"

# the store: pseudonyms only, no answer to section I except I.7, redacted free texts
s=$($PY - "$out/ibericht.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql: db.execute(sql).fetchone()[0]
print(q("select count(*) from befragung_befragter"),
      q("select count(*) from befragung_befragter where pseudonym not glob 'P-[0-9a-f]*' or length(pseudonym) != 18"),
      q("select count(*) from befragung_antwort where frage in ('I.1','I.2','I.3','I.4','I.5','I.6')"),
      q("select count(*) from befragung_antwort where frage = 'I.7'") > 0,
      q("select count(*) from befragung_antwort where freitext like '%[Name]%' and frage = 'VI.10'") > 0,
      q("select min(row_number) || '-' || max(row_number) from befragung_befragter"))
PY
)
check_eq "Bestand: 140 Pseudonyme, keine Antwort aus I.1–I.6, I.7 vorhanden, Freitexte geschwärzt, Zeilen 2–141" \
    "140 0 0 True True 2-141" "$s"
p=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select pseudonym from befragung_befragter where row_number = 2').fetchone()[0])" "$out/ibericht.sqlite")
check_eq "Pseudonym = HMAC-SHA-256(Schlüssel, ID), 16 Hex-Ziffern" "$(pseudonym W-001)" "$p"
check_absent "kein Befragten-ID im Bestand" "$out/ibericht.sqlite" -a 'W-0[0-9][0-9]'
# the contact data of the sample itself are in no output either
$PY - "$sample" "$out" <<'PY'
import csv, glob, subprocess, sys, zipfile
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
werte = {r[c] for r in rows for c in ("I.1", "I.2", "I.4", "I.5", "I.6") if r[c]}
texte = []
for p in glob.glob(sys.argv[2] + "/*.pdf"):
    texte.append(subprocess.run(["pdftotext", p, "-"], capture_output=True, text=True).stdout)
for p in glob.glob(sys.argv[2] + "/*.xlsx"):
    with zipfile.ZipFile(p) as z:
        texte += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
alles = "\n".join(texte)
treffer = sorted(w for w in werte if w in alles)
gelesen = len(texte) >= 3 and all(t.strip() for t in texte)     # 1 PDF text + the XML parts of a workbook
print(("ok - " if gelesen and werte and not treffer else "not ok - ") + f"keiner der {len(werte)} Werte aus Abschnitt I steht in PDF oder XLSX"
      + (f" ({treffer[:5]})" if treffer else ""))
PY

# the same file again: recognised, outputs byte for byte the same
pdf1=$(sha "$out/befragung.pdf"); xlsx1=$(sha "$out/befragung.xlsx")
make_inbox "$in" "$sample"
run_ib report --config "$job" --inbox "$in" --out "$out"
check_eq "zweiter Lauf endet mit 0" 0 "$rc"
check_grep "zweiter Lauf erkennt die Datei wieder" "bereits eingelesen" "$TMP/log"
check_eq "befragung.pdf bei gleichen Eingaben byte-gleich" "$pdf1" "$(sha "$out/befragung.pdf")"
check_eq "befragung.xlsx bei gleichen Eingaben byte-gleich" "$xlsx1" "$(sha "$out/befragung.xlsx")"
run_ib render-befragung --config "$job" --inbox "$in" --out "$out"
check_eq "Stufe render-befragung allein wiederholbar" 0 "$rc"
m=$(grep -c 'befragung\.\(pdf\|xlsx\)' "$out/manifest.tsv")
check_eq "Manifest führt befragung.pdf und befragung.xlsx" 2 "$m"

# the same answers as an Excel workbook (title rows above the header, numbers as numbers)
xin="$TMP/xlsx/inbox"; xout="$TMP/xlsx/out"
mkdir -p "$xin"
$PY - "$sample" "$xin/befragung_wesel_export.xlsx" <<'PY'
import csv, sys, openpyxl
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Antworten"
ws.append(["Export des Umfragewerkzeugs"]); ws.append([])
ws.append(rows[0])
for r in rows[1:]:
    ws.append([int(v) if v.lstrip("-").isdigit() else (v or None) for v in r])
wb.save(sys.argv[2])
PY
touch -d '1 hour ago' "$xin"/*
run_ib report --config "$job" --inbox "$xin" --out "$xout"
check_eq "XLSX-Lieferung: report endet mit 0" 0 "$rc"
same=$($PY - "$out/ibericht.sqlite" "$xout/ibericht.sqlite" <<'PY'
import sqlite3, sys
sql = ("select frage, position, anzahl, status, anteil from befragung_option order by frage, position",
       "select frage, zeile, spalte, anzahl, status from befragung_kreuz order by 1, 2, 3",
       "select frage, option, text from befragung_freitext order by 1, 2, 3")
a, b = (sqlite3.connect(p) for p in sys.argv[1:3])
print(all(a.execute(s).fetchall() == b.execute(s).fetchall() for s in sql))
PY
)
check_eq "XLSX-Lieferung ergibt dieselbe Auswertung wie die CSV" True "$same"

# ---- privacy: canaries in section I and in an id -----------------------------------------
cin="$TMP/kanarien/inbox"; cout="$TMP/kanarien/out"
mkdir -p "$cin"
$PY - "$sample" "$cin/befragung_wesel_kanarien.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
h = rows[0]
def setze(r, col, v): r[h.index(col)] = v
for i in (3, 77):
    r = rows[i]
    setze(r, "id", f"ID-KANARIE-47{i:02d}")
    setze(r, "I.1", f"Kanarienhaus Zwitscherburg {i}")
    setze(r, "I.2", "Kanarienweg 77")
    setze(r, "I.4", "Kanarina Vogelsang")
    setze(r, "I.5", "0281 99887766")
    setze(r, "I.6", "kanari.vogelsang@zwitscherburg.example")
# the canaries also inside free texts of non-personal questions
setze(rows[3], "VI.10", "Rückfragen an Kanarina Vogelsang, Tel. 0281 99887766, kanari.vogelsang@zwitscherburg.example")
setze(rows[77], "V.2", "Kanarienhaus Zwitscherburg 77 braucht mehr Plätze")
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)
PY
touch -d '1 hour ago' "$cin"/*
"$IB" report --config "$job" --inbox "$cin" --out "$cout" >"$TMP/kanarien.stdout" 2>"$TMP/kanarien.stderr"
check_eq "Kanarien-Lauf endet mit 0" 0 "$?"
$PY - "$cout" "$TMP/kanarien.stdout" "$TMP/kanarien.stderr" <<'PY'
import glob, os, subprocess, sys, zipfile
out, logs = sys.argv[1], sys.argv[2:]
kanarien = ["ID-KANARIE", "Kanarienhaus", "Zwitscherburg", "zwitscherburg", "Kanarienweg", "Kanarina", "Vogelsang",
            "vogelsang", "99887766", "kanari."]
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
# control: the delivered file (now in the archive) holds every canary, so the search below can find them
archiv = glob.glob(os.path.dirname(out) + "/archiv/*/befragung_wesel_kanarien.csv")
roh = open(archiv[0], encoding="utf-8").read() if archiv else ""
ok(roh and all(k in roh for k in kanarien), "Kontrolle: die gelieferte Datei enthält alle Kanarienwerte")
def frei(name, text, leer_erlaubt=False):
    hits = [k for k in kanarien if k in text]
    ok((leer_erlaubt or text.strip()) and not hits, f"keine Kanarienwerte in {name}" + (f" (gefunden: {hits})" if hits else ""))
pdfs = sorted(glob.glob(out + "/*.pdf"))
ok(any(p.endswith("befragung.pdf") for p in pdfs), "Kanarien-Lauf: befragung.pdf vorhanden")
for p in pdfs:
    frei(os.path.basename(p) + " (pdftotext)", subprocess.run(["pdftotext", p, "-"], capture_output=True, text=True).stdout)
    frei(os.path.basename(p) + " (pdfinfo)", subprocess.run(["pdfinfo", p], capture_output=True, text=True).stdout)
for p in sorted(glob.glob(out + "/*.xlsx")):
    with zipfile.ZipFile(p) as z:
        frei(os.path.basename(p) + f" ({len(z.namelist())} XML-Teile, entpackt)",
             "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()))
frei("manifest.tsv", open(out + "/manifest.tsv", encoding="utf-8").read())
store = open(out + "/ibericht.sqlite", "rb").read()
frei("den Bytes des Datenbestands", store.decode("latin-1"))
for l in logs:
    frei(os.path.basename(l), open(l, encoding="utf-8", errors="replace").read(), l.endswith(".stdout"))
import sqlite3
db = sqlite3.connect(out + "/ibericht.sqlite")
t = [r[0] for r in db.execute("select freitext from befragung_antwort where frage in ('VI.10', 'V.2') and "
                               "(freitext like 'Rückfragen an%' or freitext like '%braucht mehr Plätze')")]
ok(sorted(t) == ["Rückfragen an [Name], Tel. [Telefon], [E-Mail]", "[Name] braucht mehr Plätze"],
   f"Freitexte mit Kanarienwerten geschwärzt gespeichert ({t})")
PY
check_grep "Kanarien-Lauf: Lieferung mit 140 Befragten übernommen" "befragung_wesel_kanarien.csv: 140 Befragte übernommen" "$TMP/kanarien.stderr"

# ---- broken answers --------------------------------------------------------------------
bad_file() {   # bad_file TARGET — the sample with an unknown code and two answers to a single-choice question
    $PY - "$sample" "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
h = rows[0]
rows[5][h.index("II.3")] = "x"          # W-005, row 6: unknown code
rows[10][h.index("IV.1")] = "1,2"       # W-010, row 11: Ja and Nein
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)
PY
    touch -d '1 hour ago' "$1"
}
bin="$TMP/kaputt/inbox"; bout="$TMP/kaputt/out"
mkdir -p "$bin"
bad_file "$bin/befragung_wesel_kaputt.csv"
run_ib report --config "$job" --inbox "$bin" --out "$bout"
check_eq "fehlerhafte Antworten, zeilenfehler = abweisen: Exit-Code 1" 1 "$rc"
p5=$(pseudonym W-005); p10=$(pseudonym W-010)
check_grep "unbekannter Code: Datei, Zeile, Frage, Pseudonym und Wert" \
    "$bin/befragung_wesel_kaputt.csv, Zeile 6, Spalte „II.3“: $p5, Frage II.3: unbekannter Code „x“ (Codes: 1, 2)" "$TMP/log"
check_grep "zwei Antworten bei Einfachauswahl in derselben Meldung" \
    "Zeile 11: $p10, Frage IV.1: 2 Antworten „1,2“ bei Einfachauswahl — Datei abgewiesen, keine Zeile daraus übernommen" "$TMP/log"
check "abgewiesene Datei in der Quarantäne" test -f "$TMP/kaputt/quarantaene/befragung_wesel_kaputt.csv"
check_grep "Begründung nennt Pseudonym, Frage und Wert" "$p10, Frage IV.1: 2 Antworten „1,2“ bei Einfachauswahl" \
    "$TMP/kaputt/quarantaene/befragung_wesel_kaputt.csv.grund.txt"
check_absent "keine ID in der Meldung" "$TMP/log" 'W-0'
n=$($PY -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); print(d.execute('select count(*) from befragung_befragter').fetchone()[0], d.execute('select befragte from befragung').fetchone()[0])" "$bout/ibericht.sqlite")
check_eq "abgewiesene Datei: nichts im Bestand, Auswertung mit 0 Befragten" "0 0" "$n"
pdftotext -layout "$bout/befragung.pdf" "$TMP/kaputt.txt" 2>/dev/null
check_grep "PDF ohne Antworten sagt es" "Es liegen keine auswertbaren Antworten vor." "$TMP/kaputt.txt"

# the same with zeilenfehler = ueberspringen: the two rows are skipped, the rest counts
sed 's/^zeilenfehler *=.*/zeilenfehler = ueberspringen/' config/quellen_befragung_wesel.ini > "$TMP/quellen_skip.ini"
sed "s#^quellen *=.*#quellen = $TMP/quellen_skip.ini#" "$job" > "$TMP/skip.ini"
sin="$TMP/skip/inbox"; sout="$TMP/skip/out"
mkdir -p "$sin"
bad_file "$sin/befragung_wesel_kaputt.csv"
run_ib report --config "$TMP/skip.ini" --inbox "$sin" --out "$sout"
check_eq "zeilenfehler = ueberspringen: Exit-Code 0" 0 "$rc"
check_grep "übersprungene Zeile als Warnung mit Pseudonym, Frage und Wert" \
    "befragung_wesel_kaputt.csv, Zeile 6, Spalte „II.3“: $p5, Frage II.3: unbekannter Code „x“ (Codes: 1, 2) — Zeile übersprungen" "$TMP/log"
check_grep "zweite übersprungene Zeile" \
    "Zeile 11, Spalte „IV.1“: $p10, Frage IV.1: 2 Antworten „1,2“ bei Einfachauswahl — Zeile übersprungen" "$TMP/log"
check_grep "138 Befragte übernommen" "befragung_wesel_kaputt.csv: 138 Befragte übernommen (Zeilen übersprungen" "$TMP/log"
n=$($PY -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); print(d.execute(\"select rows_rejected from source_file\").fetchone()[0], d.execute(\"select count(*) from ingest_message where message like '%Zeile übersprungen'\").fetchone()[0])" "$sout/ibericht.sqlite")
check_eq "Bestand: 2 Zeilen übersprungen, 2 Meldungen protokolliert" "2 2" "$n"
pdftotext -layout "$sout/befragung.pdf" "$TMP/skip.txt" 2>/dev/null
check "PDF-Rücklauf: 138 ausgewertet, 2 wegen Fehlern nicht" sh -c \
    "grep -q 'Antwortbögen ausgewertet  *138\$' '$TMP/skip.txt' && grep -q 'wegen Fehlern nicht ausgewertet  *2\$' '$TMP/skip.txt'"
$PY tests/e2e/check_befragung.py --out "$sout" --csv "$sample" --fragebogen config/befragung/wesel.ini \
    --kreuz I.7 --freitexte --ohne-zeilen W-005,W-010 | sed 's/^\(not \)\{0,1\}ok - /&ohne 2 Zeilen: /'

# ---- no key: exit 2 before anything is read ------------------------------------------------
grep -v '^pseudonym_schluessel' "$job" > "$TMP/ohne_schluessel.ini"
kin="$TMP/ohne/inbox"
make_inbox "$kin" "$sample"
run_ib report --config "$TMP/ohne_schluessel.ini" --inbox "$kin" --out "$TMP/ohne/out"
check_eq "ohne Schlüssel: Exit-Code 2" 2 "$rc"
check_grep "ohne Schlüssel: klare Meldung" "kein Schlüssel für die Pseudonymisierung: Umgebungsvariable IBERICHT_PSEUDONYM_SCHLUESSEL oder [befragung] pseudonym_schluessel_datei setzen" "$TMP/log"
check "ohne Schlüssel: Datei bleibt im Eingang, kein Bestand" sh -c "test -f '$kin/befragung_wesel_antworten.csv' && test ! -e '$TMP/ohne/out/ibericht.sqlite'"
IBERICHT_PSEUDONYM_SCHLUESSEL=zu-kurz run_ib ingest --config "$TMP/ohne_schluessel.ini" --inbox "$kin" --out "$TMP/ohne/out"
check_eq "zu kurzer Schlüssel: Exit-Code 2" 2 "$rc"
check_grep "zu kurzer Schlüssel gemeldet" "ist kürzer als 16 Bytes" "$TMP/log"
IBERICHT_PSEUDONYM_SCHLUESSEL=ein-anderer-schluessel-fuer-den-test run_ib ingest --config "$TMP/ohne_schluessel.ini" --inbox "$kin" --out "$TMP/ohne/out"
check_eq "Schlüssel aus der Umgebungsvariablen: Exit-Code 0" 0 "$rc"
p=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select pseudonym from befragung_befragter where row_number = 2').fetchone()[0])" "$TMP/ohne/out/ibericht.sqlite")
check "anderer Schlüssel, anderes Pseudonym" test "$p" != "$(pseudonym W-001)"

# ---- Rücklauf against the list of units asked (Wesermarsch: 17 Fachdienste) ---------------
rin="$TMP/rl/inbox"; rout="$TMP/rl/out"
mkdir -p "$rin"
cp tests/fixtures/befragung/wesermarsch_rueckmeldungen.csv "$rin/befragung_fachdienste.csv"
touch -d '1 hour ago' "$rin"/*
printf '[fachdienste]\ntyp = befragung\ndateien = befragung_fachdienste*.csv\nfragebogen = tests/fixtures/befragung/ruecklauf_liste.ini\n' > "$TMP/quellen_rl.ini"
printf '[bericht]\nkommune = Landkreis Wesermarsch\ntitel = Integrationskonzept 2024\n[pfade]\nquellen = %s\n[befragung]\npseudonym_schluessel_datei = %s\n' "$TMP/quellen_rl.ini" "$keyfile" > "$TMP/rl.ini"
run_ib report --config "$TMP/rl.ini" --inbox "$rin" --out "$rout"
check_eq "Rücklauf-Befragung: report endet mit 0" 0 "$rc"
pdftotext -layout "$rout/befragung.pdf" "$TMP/rl.txt" 2>/dev/null
check_grep "Rücklauf-Satz wie im Wesermarsch-Konzept" "7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne Rückmeldung" "$TMP/rl.txt"
r=$($PY - "$rout/befragung.xlsx" "$TMP/rl.txt" <<'PY'
import collections, re, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Rücklauf"]
rows = [r for r in ws.iter_rows(values_only=True) if r[0]]
kz = {r[0]: r[1] for r in rows}
units = collections.Counter(r[1] for r in rows if str(r[0]).startswith("Fachdienst "))
text = open(sys.argv[2], encoding="utf-8").read()
quote = re.search(r"^\s*geantwortet\s+7\s+41,2\s*$", text, re.M) is not None
first = text.index("Rücklauf") < text.index("A2.1")
print(kz.get("befragt"), kz.get("geantwortet"), kz.get("Fehlanzeige"), kz.get("ohne Rückmeldung"),
      units["geantwortet"], units["Fehlanzeige"], units["ohne Rückmeldung"], quote, first)
PY
)
check_eq "Rücklauf: 17 befragt, 7/5/5 als Zahlen und je Fachdienst, Quote 41,2 %, Tabelle vor den Fragen" \
    "17 7 5 5 7 5 5 True True" "$r"
n=$($PY -c "import sqlite3,sys; print(sorted({r[0] for r in sqlite3.connect(sys.argv[1]).execute('select einheit from befragung_befragter')}))" "$rout/ibericht.sqlite")
check_eq "Bestand: Rücklauf-Einheiten nur als Namen der Liste" \
    "['Fachdienst 01', 'Fachdienst 02', 'Fachdienst 03', 'Fachdienst 04', 'Fachdienst 05', 'Fachdienst 06', 'Fachdienst 07', 'Fachdienst 08', 'Fachdienst 09', 'Fachdienst 10', 'Fachdienst 11', 'Fachdienst 12']" "$n"
check_absent "ohne [befragung] freitexte kein Anhang mit offenen Antworten" "$TMP/rl.txt" 'Anhang: Offene Antworten'
n=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from befragung_freitext').fetchone()[0])" "$rout/ibericht.sqlite")
check_eq "ohne [befragung] freitexte keine offenen Antworten in den abgeleiteten Tabellen" 0 "$n"

# ---- configuration errors ------------------------------------------------------------------
printf '[b]\ntyp = befragung\ndateien = b*.csv\n' > "$TMP/quellen_ohne_fb.ini"
printf '[pfade]\nquellen = %s\n' "$TMP/quellen_ohne_fb.ini" > "$TMP/ohne_fb.ini"
run_ib ingest --config "$TMP/ohne_fb.ini" --inbox "$rin" --out "$TMP/ofb"
check_eq "Profil ohne fragebogen: Exit-Code 2" 2 "$rc"
check_grep "Profil ohne fragebogen gemeldet" "[b]: Schlüssel „fragebogen“ fehlt" "$TMP/log"
sed 's/^kreuztabelle *=.*/kreuztabelle = I.4/' "$job" > "$TMP/kreuz_pers.ini"
run_ib compute --config "$TMP/kreuz_pers.ini" --out "$out"
check_eq "Kreuztabelle nach personenbezogener Frage: Exit-Code 2" 2 "$rc"
check_grep "Kreuztabelle nach personenbezogener Frage gemeldet" "[befragung] kreuztabelle: Frage I.4 ist personenbezogen" "$TMP/log"
sed 's/^schwelle *=.*/schwelle = null/' "$job" > "$TMP/schwelle.ini"
run_ib compute --config "$TMP/schwelle.ini" --out "$out"
check_eq "ungültige Schwelle: Exit-Code 2" 2 "$rc"
check_grep "ungültige Schwelle gemeldet" "[befragung] schwelle: „null“ ist keine Zahl ab 1" "$TMP/log"

# ---- two questionnaires in one job: one pair of files each --------------------------------
zin="$TMP/zwei/inbox"; zout="$TMP/zwei/out"
make_inbox "$zin" "$sample" "$rin/../archiv/"*/befragung_fachdienste.csv
cat config/quellen_befragung_wesel.ini "$TMP/quellen_rl.ini" > "$TMP/quellen_zwei.ini"
sed "s#^quellen *=.*#quellen = $TMP/quellen_zwei.ini#" "$job" > "$TMP/zwei.ini"
run_ib report --config "$TMP/zwei.ini" --inbox "$zin" --out "$zout"
check_eq "zwei Fragebögen: report endet mit 0" 0 "$rc"
check "zwei Fragebögen: je Fragebogen eine Arbeitsmappe und ein PDF" sh -c \
    "test -s '$zout/befragung_wesel.pdf' && test -s '$zout/befragung_wesel.xlsx' && test -s '$zout/befragung_ruecklauf_liste.pdf' && test -s '$zout/befragung_ruecklauf_liste.xlsx' && test ! -e '$zout/befragung.pdf'"
check_grep "Kreuztabellen-Variable fehlt im zweiten Fragebogen: Warnung" "Frage I.7 gibt es im Fragebogen tests/fixtures/befragung/ruecklauf_liste.ini nicht" "$TMP/log"
