#!/bin/sh
# test_indikatoren.sh — indicators per Handlungsfeld from the real LSN
# deliveries: the Niedersachsen catalogue for the Landkreis Wesermarsch and
# the Wolfsburg catalogue (most indicators not measured yet), checked with
# openpyxl, pdftotext and qpdf against values computed here independently.
. "$(dirname "$0")/lib.sh"

nds=inputs/beispiele/niedersachsen
in="$TMP/nds/inbox"; out="$TMP/nds/out"
make_inbox "$in" $nds/csv/*.csv $nds/xlsx/*.xlsx
run_ib report --config config/niedersachsen.ini --inbox "$in" --out "$out"
check_eq "Niedersachsen-Katalog: report endet mit 0" 0 "$rc"
check_grep "Indikatoren berechnet" "13 Indikatoren aus config/katalog_niedersachsen.ini berechnet" "$TMP/log"
check_absent "jeder Indikator berechenbar (keine mehrdeutigen Beobachtungen)" "$TMP/log" 'nicht berechenbar\|mehrere Beobachtungen'
check "indikatoren.pdf besteht qpdf --check" qpdf --check "$out/indikatoren.pdf"
check_fonts "alle Schriften eingebettet, Teilmengen von DejaVu" "$out/indikatoren.pdf"

# Einbürgerungsquote = Einbürgerungen (2-3-1) ÷ Ausländer (1-2-1) × 100 for every Kreis and year,
# computed here from the two CSV files, against the workbook's values
$PY - "$out/indikatoren.xlsx" $nds <<'PY'
import csv, sys, openpyxl
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
def load(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {(r["GeoCode"], int(r["Year"])): float(r["Value"]) for r in csv.DictReader(f) if r["Value"] and r["GeoCode"]}
z = load(sys.argv[2] + "/csv/indicator_2-3-1.csv")
n = load(sys.argv[2] + "/csv/indicator_1-2-1.csv")
wb = openpyxl.load_workbook(sys.argv[1])
ok(wb.sheetnames[0] == "Übersicht" and "Werte" in wb.sheetnames and "Daten" in wb.sheetnames,
   f"Blätter Übersicht, HF …, Werte, Daten ({wb.sheetnames})")
werte = {(r[0], r[1], r[3]): r[4] for r in wb["Werte"].iter_rows(min_row=2, values_only=True)}
expected = {k: z[k] / n[k] * 100 for k in z if k in n and n[k] > 0}
compared = [k for k in expected if ("einbuergerungsquote", k[0], k[1]) in werte]
bad = [k for k in compared if abs(werte[("einbuergerungsquote", k[0], k[1])] - expected[k]) > 1e-9]
ok(len(compared) >= 500 and not bad, f"Einbürgerungsquote für {len(compared)} Kreise × Jahre = eigene Rechnung (Abweichungen: {bad[:3]})")
w = werte.get(("einbuergerungsquote", "K03461", 2024))
ok(w is not None and abs(w - 134 / 10430 * 100) < 1e-12, f"Wesermarsch 2024: 134 ÷ 10.430 × 100 = 1,2848 % ({w})")
hf = wb["HF 2"]
texts = [c for row in hf.iter_rows(values_only=True) for c in row if isinstance(c, str)]
ok(any("Einbürgerungsquote" in t for t in texts), "Handlungsfeld-Blatt mit Tabelle der Einbürgerungsquote")
ok(any(t.startswith("↑ besser") for t in texts), "Status mit Pfeil im Handlungsfeld-Blatt")
ok(len(hf.conditional_formatting) >= 1, "bedingte Formatierung für den Status")
daten = list(wb["Daten"].iter_rows(min_row=2, values_only=True))
# every value of the 10 CSV files, 448 + 90 of the two other workbooks, 52 areas × 16 years of 2021_1-1-1.xlsx
import glob
csvwerte = sum(sum(1 for _ in csv.DictReader(open(p, encoding="utf-8-sig"))) for p in glob.glob(sys.argv[2] + "/csv/*.csv"))
want = csvwerte + 448 + 90 + 52 * 16
ok(len(daten) == want and all(r[10] and r[13] for r in daten), f"Daten-Blatt: {want} Beobachtungen mit Datei und Zeile ({len(daten)})")
cov = [r for r in wb["Übersicht"].iter_rows(min_row=5, values_only=True) if r[0]]
ok(cov[0][0] == "Alle Handlungsfelder" and cov[0][1] == 13, f"Übersicht: 13 Indikatoren ({cov[0][:2]})")
PY
import_check=$(cd "$TMP" && unzip -o -q "$out/indikatoren.xlsx" -d x && ls x/xl/charts | wc -l)
check "native Excel-Liniendiagramme je Zeitreihe" test "$import_check" -ge 5

pdftotext -layout "$out/indikatoren.pdf" "$TMP/i.txt" 2>/dev/null
check_grep "PDF: Kapitel je Handlungsfeld" "Rechtliche Integration & Asyl" "$TMP/i.txt"
check_grep "PDF: Vergleich Kreis und Land" "Wesermarsch im Vergleich mit Niedersachsen" "$TMP/i.txt"
check_grep "PDF: Einbürgerungsquote 2024 deutsch formatiert" "1,28" "$TMP/i.txt"
check_grep "PDF: Status mit Pfeil" "↑ besser" "$TMP/i.txt"
check_grep "PDF: Quellenzeile" "Quelle: Landesamt für Statistik Niedersachsen" "$TMP/i.txt"
check_grep "PDF: Achsenbeschriftung mit Tausenderpunkt" "10.000" "$TMP/i.txt"
check_grep "PDF: Abdeckung je Handlungsfeld" "4 Indikatoren, davon 3 mit Daten für das Berichtsjahr" "$TMP/i.txt"
check_grep "PDF: Zeichenerklärung" "Zeichenerklärung" "$TMP/i.txt"
# the summary of each Handlungsfeld uses the words of the status column and
# the counts of the workbook's Übersicht; a change is never printed as 0,0
$PY - "$out/indikatoren.xlsx" "$TMP/i.txt" <<'PY'
import re, sys, openpyxl
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
ws = openpyxl.load_workbook(sys.argv[1])["Übersicht"]
head = [c.value for c in ws[4]]
rows = [dict(zip(head, r)) for r in ws.iter_rows(min_row=6, values_only=True) if r[0]]   # row 5: all fields
text = re.sub(r"\s+", " ", open(sys.argv[2], encoding="utf-8").read())
pat = (r"(\d+) Indikatore?n?, davon (\d+) mit Daten für das Berichtsjahr: (\d+) besser, (\d+) schlechter, "
       r"(\d+) unverändert, (\d+) verändert \(ohne Wertung\); (\d+) ohne Daten")
got = [tuple(map(int, m)) for m in re.findall(pat, text)]
want = [(r["Indikatoren"], r["mit Daten im Berichtsjahr"], r["besser"], r["schlechter"], r["unverändert"],
         r["verändert"], r["ohne Daten"]) for r in rows]
ok(got == want, f"PDF: Zusammenfassung je Handlungsfeld wie Übersicht, verändert und unverändert getrennt ({got} / {want})")
# the number of indicators per Handlungsfeld from the catalogue (the input), in its order
import configparser
cp = configparser.ConfigParser(interpolation=None, strict=False)
cp.read("config/katalog_niedersachsen.ini", encoding="utf-8")
hf = sorted((int(cp[s].get("position", "0")), s.split(":", 1)[1]) for s in cp.sections() if s.startswith("handlungsfeld:"))
n = [sum(1 for s in cp.sections() if s.startswith("indikator:") and cp[s].get("handlungsfeld") == h) for _, h in hf]
ok([g[0] for g in got] == n and sum(n) == 13, f"PDF: Indikatoren je Handlungsfeld wie im Katalog ({n})")
ok(text and "ohne deutliche Veränderung" not in text, "PDF: kein „ohne deutliche Veränderung“ neben „↕ verändert“")
ok(text and not re.search(r"(verändert|besser|schlechter) \([+-]0,0 ", text), "PDF: keine Veränderung als „+0,0“")
ok("↕ verändert (+0,03 % zu" in text, "PDF: kleine Veränderung mit zwei Stellen (Niedersachsen 2024: +0,03 %)")
PY
pages=$(pdfinfo "$out/indikatoren.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
check_grep "PDF: Seite x von y" "Seite $pages von $pages" "$TMP/i.txt"

# Wolfsburg: 185 indicators, almost all not measured yet — the gap is shown plainly
win="$TMP/wob/inbox"; wout="$TMP/wob/out"
make_inbox "$win" $nds/csv/*.csv
run_ib report --config config/wolfsburg.ini --inbox "$win" --out "$wout"
check_eq "Wolfsburg-Katalog: report endet mit 0" 0 "$rc"
pdftotext -layout "$wout/indikatoren.pdf" "$TMP/w.txt" 2>/dev/null
check_grep "Wolfsburg: Leitsatz des Handlungsfelds" "Leitsatz" "$TMP/w.txt"
check_grep "Wolfsburg: Lücke benannt" "wird bisher nicht erhoben" "$TMP/w.txt"
check_grep "Wolfsburg: Ausländeranteil mit echten Werten" "Ausländeranteil (gesamtstädtisch)" "$TMP/w.txt"
v=$($PY -c "
import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
print(db.execute(\"select indikatoren, nicht_erhoben, mit_daten from indikator_abdeckung where position = 0\").fetchone())" "$wout/ibericht.sqlite")
check_eq "Wolfsburg: 185 Indikatoren, 183 nicht erhoben, 2 mit Daten" "(185, 183, 2)" "$v"

# catalogue errors are reported with file and key before anything is computed
printf '[katalog]\ntitel = Test\n[indikator:x]\ntitel = X\nhandlungsfeld = fehlt\nart = anzahl\nwert = 1-1-1\n' > "$TMP/k.ini"
printf '[indikatoren]\nkatalog = %s\n[pfade]\nquellen = config/quellen_niedersachsen.ini\n' "$TMP/k.ini" > "$TMP/kc.ini"
run_ib compute --config "$TMP/kc.ini" --out "$out"
check_eq "fehlerhafter Katalog: Exit-Code 2" 2 "$rc"
check_grep "Katalogfehler nennt Datei und Schlüssel" "$TMP/k.ini" "$TMP/log"
n=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from indikator_wert').fetchone()[0] > 0)" "$out/ibericht.sqlite")
check_eq "abgeleitete Tabellen nach Katalogfehler unverändert" True "$n"
check_grep "Wolfsburg: Lückentabelle" "Indikatoren ohne Daten (42)" "$TMP/w.txt"
# the workbook names the indicators without data by their titles, as the PDF does
luecken=$($PY -c "
import configparser, openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])['Übersicht']
row = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] == 'Alle Handlungsfelder'][0]
cell = row[11]
# titles and ids from the catalogue itself (the input), not from the store
cp = configparser.ConfigParser(interpolation=None, strict=False)
cp.read(sys.argv[2], encoding='utf-8')
ind = [s for s in cp.sections() if s.startswith('indikator:')]
titel = {cp[s]['titel'] for s in ind}
ids = {s.split(':', 1)[1] for s in ind}
teile = cell.split('; ')
print(len(teile) == row[5] > 0, all(t in titel for t in teile), any(t in ids and t not in titel for t in teile))" "$wout/indikatoren.xlsx" config/katalog_wolfsburg.ini)
check_eq "Wolfsburg: Übersicht nennt alle Indikatoren ohne Daten mit Titel" "True True False" "$luecken"

# the table symbol x of the office's workbook keeps its meaning through to the outputs
x=$($PY -c "
import openpyxl,sys
wb = openpyxl.load_workbook(sys.argv[1])
w = sorted(r[3] for r in wb['Werte'].iter_rows(min_row=2, values_only=True) if r[0] == 'einbuergerungen_kosovo' and r[5] == 'x')
cells = [c for row in wb['HF 2'].iter_rows(values_only=True) for c in row]
print(w, 'x' in cells, any(isinstance(c, str) and 'x = Tabellenfach gesperrt' in c for c in cells))" "$out/indikatoren.xlsx")
check_eq "Zeichen x (Kosovo 2005–2008) bis in die Arbeitsmappe, mit Legende unter der Tabelle" "[2005, 2006, 2007, 2008] True True" "$x"
nds21=$($PY -c "
import openpyxl,sys
w = {(r[0], r[1], r[3]): r[4] for r in openpyxl.load_workbook(sys.argv[1])['Werte'].iter_rows(min_row=2, values_only=True)}
print(round(w[('einbuergerungsquote', 'K030', 2024)], 4))" "$out/indikatoren.xlsx")
check_eq "Niedersachsen 2024 (ohne GeoCode geliefert, per gebiet_codes zugeordnet): 23.381 Einbürgerungen" "$(awk 'BEGIN{printf "%.4f", 23381/1093110*100}')" "$nds21"
z=$($PY -c "
import openpyxl,sys
rows = [r for r in openpyxl.load_workbook(sys.argv[1])['Übersicht'].iter_rows(min_row=5, values_only=True) if r[0]]
print(sum(1 for r in rows if r[0].startswith('Ziel ')), sum(1 for r in rows if r[0].startswith('Ziel ') and r[3] > 0))" "$wout/indikatoren.xlsx")
check_eq "Wolfsburg: Abdeckung je Ziel (14 Ziele, 2 mit Daten)" "14 2" "$z"

# a value delivered twice for the report area: compute names both rows, exits 7, the others are
# computed and the reports say „Berechnung fehlgeschlagen“ — never „keine Daten geliefert“
din="$TMP/dup/inbox"; dout="$TMP/dup/out"
mkdir -p "$din"
cp $nds/csv/indicator_1-2-1.csv $nds/csv/indicator_1-1-1.csv "$din/"
{ cat $nds/csv/indicator_2-3-1.csv; grep '^2024,"Wesermarsch",K03461,' $nds/csv/indicator_2-3-1.csv; } > "$din/indicator_2-3-1.csv"
zeile=$(grep -n '^2024,"Wesermarsch",K03461,' $nds/csv/indicator_2-3-1.csv | cut -d: -f1)
letzte=$(($(wc -l < $nds/csv/indicator_2-3-1.csv) + 1))
find "$din" -type f -exec touch -d '1 hour ago' {} +
run_ib report --config config/niedersachsen.ini --inbox "$din" --out "$dout"
check_eq "doppelter Wert im Berichtsgebiet: Exit-Code 7" 7 "$rc"
check_grep "Meldung nennt beide Zeilen" "Gebiet K03461, Jahr 2024 zweimal geliefert (Merkmale „“): Datei indicator_2-3-1.csv, Zeile $zeile und Datei indicator_2-3-1.csv, Zeile $letzte" "$TMP/log"
check_grep "compute nennt den Indikator" "Berechnung fehlgeschlagen für 2 Indikatoren: 2-3-1, einbuergerungsquote" "$TMP/log"
check "kein Rat zum Filter bei gleichen Merkmalen" sh -c "! grep -q 'wert_filter' '$TMP/log'"
check "die übrigen Indikatoren berechnet und berichtet" test -s "$dout/indikatoren.pdf"
pdftotext -layout "$dout/indikatoren.pdf" "$TMP/d.txt" 2>/dev/null
d=$($PY - "$TMP/d.txt" "$dout/indikatoren.xlsx" <<'PY'
import re, sys, openpyxl
text = open(sys.argv[1], encoding="utf-8").read()
rows = [re.sub(r"\s{2,}", "|", l.strip()) for l in text.splitlines()]
ein = [r for r in rows if r.startswith("Einbürgerungen|")]
cells = [c for row in openpyxl.load_workbook(sys.argv[2])["HF 2"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
print(ein, any(c.startswith("Berechnung fehlgeschlagen: wert 2-3-1: Gebiet K03461, Jahr 2024 zweimal") for c in cells),
      "keine Daten geliefert" in " ".join(r for r in rows if "Einbürgerungen nach" in r or "Einbürgerungsquote" in r))
PY
)
check_eq "PDF und Arbeitsmappe: „Berechnung fehlgeschlagen“ mit Grund" "['Einbürgerungen|Berechnung fehlgeschlagen'] True False" "$d"

# the same duplicate in an area no report prints: a warning, the area left out, exit 0
{ cat $nds/csv/indicator_2-3-1.csv; grep '^2024,"Braunschweig, Stadt",K03101,' $nds/csv/indicator_2-3-1.csv; } > "$TMP/dup2.csv"
din2="$TMP/dup2/inbox"; mkdir -p "$din2"; cp "$TMP/dup2.csv" "$din2/indicator_2-3-1.csv"
cp $nds/csv/indicator_1-2-1.csv $nds/csv/indicator_1-1-1.csv "$din2/"
find "$din2" -type f -exec touch -d '1 hour ago' {} +
run_ib report --config config/niedersachsen.ini --inbox "$din2" --out "$TMP/dup2/out"
check_eq "doppelter Wert außerhalb der Berichtsgebiete: Exit-Code 0" 0 "$rc"
check_grep "… als Warnung mit beiden Zeilen" "Gebiet K03101, Jahr 2024 mehrfach" "$TMP/log"

# the old profile (daten_ab = 10) reads the column numbers as an area „1“: now rejected, located
sed 's/^daten_ab   = 11$/daten_ab   = 10/' config/quellen_niedersachsen.ini > "$TMP/q10.ini"
sed "s|^quellen = .*|quellen = $TMP/q10.ini|" config/niedersachsen.ini > "$TMP/n10.ini"
xin="$TMP/x10/inbox"; make_inbox "$xin" $nds/xlsx/2021_1-1-1.xlsx
run_ib ingest --config "$TMP/n10.ini" --inbox "$xin" --out "$TMP/x10/out"
check_eq "Spaltennummern als Gebiet: Datei abgewiesen (Exit-Code 1)" 1 "$rc"
check_grep "Meldung mit Datei, Zeile 10, Spalte B" "2021_1-1-1.xlsx, Blatt „Tabelle1“, Zeile 10, Spalte „B“: Gebiet „1“ passt zu keinem Muster" "$TMP/log"

# trend (least squares) and status in the table: the Einbürgerungsquote of the Wesermarsch,
# its slope computed here from the two CSV files, in the workbook and in the PDF
tr=$($PY - "$out/indikatoren.xlsx" "$TMP/i.txt" $nds <<'PY'
import csv, re, sys, openpyxl
def load(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {(r["GeoCode"], int(r["Year"])): float(r["Value"]) for r in csv.DictReader(f) if r["Value"] and r["GeoCode"]}
z = load(sys.argv[3] + "/csv/indicator_2-3-1.csv"); n = load(sys.argv[3] + "/csv/indicator_1-2-1.csv")
pts = sorted((y, z[(g, y)] / n[(g, y)] * 100) for (g, y) in z if g == "K03461" and (g, y) in n and y <= 2024)
mx = sum(x for x, _ in pts) / len(pts); my = sum(v for _, v in pts) / len(pts)
b = sum((x - mx) * (v - my) for x, v in pts) / sum((x - mx) ** 2 for x, _ in pts)
ws = openpyxl.load_workbook(sys.argv[1])["HF 2"]
rows = list(ws.iter_rows(values_only=True))
t = [i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith("Einbürgerungsquote")][0]
head = rows[t + 1]; wm = [r for r in rows[t + 2:t + 6] if r[0] and "Wesermarsch" in r[0]][0]
got = wm[head.index("Trend je Jahr")]
text = re.sub(r"\s+", " ", open(sys.argv[2], encoding="utf-8").read())
s = f"{b:+.2f}".replace(".", ",")
print(abs(got - b) < 1e-9, f"Wesermarsch: Trend {pts[0][0]}–{pts[-1][0]} {s} Pp. je Jahr" in text,
      wm[head.index("Trend")] in ("↑ besser", "↓ schlechter", "→ unverändert"))
PY
)
check_eq "Trend der Einbürgerungsquote (Wesermarsch) = eigene Kleinste-Quadrate-Rechnung, in Arbeitsmappe und PDF, mit Status" "True True True" "$tr"

# Wolfsburg's report: each Handlungsfeld chapter shows its own indicators, the ones without data in
# one table per chapter; the comparison area Niedersachsen has values (1-2-1 ÷ 1-1-1 from the CSV)
printf '[dokument]\nvorlage = templates/wolfsburg/bericht.ini\n' | cat config/wolfsburg.ini - > "$TMP/wb.ini"
run_ib render-bericht --config "$TMP/wb.ini" --out "$wout"
check_eq "Wolfsburger Bericht geschrieben" 0 "$rc"
pdftotext -layout "$wout/integrationsbericht.pdf" "$TMP/wb.txt" 2>/dev/null
wb=$($PY - "$TMP/wb.txt" config/katalog_wolfsburg.ini "$wout/indikatoren.xlsx" $nds <<'PY'
import configparser, csv, re, sys, openpyxl
text = open(sys.argv[1], encoding="utf-8").read()
k = configparser.ConfigParser(interpolation=None); k.read(sys.argv[2], encoding="utf-8")
ne = sum(1 for s in k.sections() if s.startswith("indikator:") and k[s].get("nicht_erhoben", "nein") == "ja")
hf = {s: k[s]["titel"] for s in k.sections() if s.startswith("handlungsfeld:")}
per = {}
for s in k.sections():
    if s.startswith("indikator:") and k[s].get("nicht_erhoben", "nein") == "ja":
        per[k[s]["handlungsfeld"]] = per.get(k[s]["handlungsfeld"], 0) + 1
tables = [int(m) for m in re.findall(r"^\S+\s+Indikatoren ohne Daten \((\d+)\)$", text, re.M)]
zeilen = text.count("wird bisher nicht erhoben")
def load(p):
    with open(p, encoding="utf-8-sig", newline="") as f:
        return {(r["GeoCode"], int(r["Year"])): float(r["Value"]) for r in csv.DictReader(f) if r["Value"] and r["GeoCode"]}
z = load(sys.argv[4] + "/csv/indicator_1-2-1.csv"); n = load(sys.argv[4] + "/csv/indicator_1-1-1.csv")
w = {(r[1], r[3]): r[4] for r in openpyxl.load_workbook(sys.argv[3])["Werte"].iter_rows(min_row=2, values_only=True)
     if r[0] == "auslaenderanteil"}
nds = w.get(("K030", 2024))
print(sorted(tables) == sorted(per.values()), zeilen == ne, nds is not None and abs(nds - z[("K030", 2024)] / n[("K030", 2024)] * 100) < 1e-9)
PY
)
check_eq "Wolfsburg: je Kapitel eine Tabelle der Indikatoren ohne Daten (so viele wie im Katalog), jeder nicht erhobene einmal, Vergleich Niedersachsen berechnet" "True True True" "$wb"
pw=$(pdfinfo "$wout/integrationsbericht.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
check "Wolfsburg: Bericht ohne Wiederholung aller Indikatoren in jedem Kapitel (unter 30 Seiten, vorher 117)" test "${pw:-999}" -lt 30
