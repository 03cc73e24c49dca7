#!/bin/sh
# test_eingang.sh — the department inbox: the real statistics-office
# deliveries (Open SDG CSV and Excel workbooks) through source profiles,
# archive, files still being written, unclaimed files, the store's lock,
# SIGKILL at any moment, and the Eingangsbericht.
. "$(dirname "$0")/lib.sh"

nds=inputs/beispiele/niedersachsen
in="$TMP/nds/inbox"; out="$TMP/nds/out"
make_inbox "$in" $nds/csv/*.csv $nds/xlsx/*.xlsx
printf 'irgendwas\n' > "$in/notizen.txt"; touch -d '1 hour ago' "$in/notizen.txt"
printf 'Year,Value\n2024,1\n' > "$in/indicator_9-9-9.csv.part"
head -n 100 $nds/csv/indicator_8-1-1.csv > "$in/indicator_9-9-8.csv"   # just written: settle time not over
# (dated a minute ahead, so that it still counts as fresh when a slow run, e.g. under valgrind, reaches it)
touch -d '+1 minute' "$in/indicator_9-9-8.csv"
mkdir -p "$in/xlsx"; cp -p $nds/xlsx/*.xlsx "$in/xlsx/"                 # a delivery copied with its folder
run_ib report --config config/niedersachsen.ini --inbox "$in" --out "$out"
check_eq "LSN-Eingang: report endet mit 0" 0 "$rc"
# 24.620 = the values each indicator reads; 1-1-1 (52 areas × 16 years of the workbook, no column-number row)
# is read by 1-1-1 and the Ausländeranteil
check_grep "compute meldet die Werte mit Tausenderpunkt" "Indikatoren aus config/katalog_niedersachsen.ini berechnet (24.620 Werte" "$TMP/log"
check_grep "Datei ohne Quellprofil gemeldet" "$in/notizen.txt: keine Quelle beansprucht diese Datei" "$TMP/log"
check "Datei ohne Quellprofil bleibt im Eingang" test -f "$in/notizen.txt"
check_grep ".part-Datei wartet" "$in/indicator_9-9-9.csv.part: wartet" "$TMP/log"
check_grep "frisch kopierte Datei wartet" "$in/indicator_9-9-8.csv: wartet (gerade erst geändert" "$TMP/log"
check "wartende Dateien bleiben im Eingang" test -f "$in/indicator_9-9-9.csv.part" -a -f "$in/indicator_9-9-8.csv"
check_grep "Unterordner im Eingang gemeldet" \
    "Warnung: Ordner $in/xlsx im Eingang wird nicht gelesen: nur Dateien direkt im Eingangsordner" "$TMP/log"
check_grep "Unterordner in der Übersicht des Eingangs gezählt" "1 ohne Quelle, 1 Ordner nicht gelesen" "$TMP/log"
check_eq "Dateien im Unterordner bleiben, wo sie sind" "$(ls $nds/xlsx | wc -l)" "$(ls "$in/xlsx" | wc -l)"
n=$(ls "$TMP/nds/archiv/2024-11-20" | wc -l)
check_eq "13 angenommene Dateien archiviert" 13 "$n"

# observations per file, counted independently: CSV rows, and the value
# cells of the Excel tables read with openpyxl (cached values)
$PY - "$out/ibericht.sqlite" $nds <<'PY'
import csv, glob, os, sqlite3, sys
import openpyxl
db = sqlite3.connect(sys.argv[1]); nds = sys.argv[2]
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
got = dict(db.execute("SELECT name, row_count FROM source_file"))
for path in sorted(glob.glob(nds + "/csv/*.csv")):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = sum(1 for _ in csv.DictReader(f))
    name = os.path.basename(path)
    ok(got.get(name) == rows, f"{name}: {rows} Beobachtungen (eine je CSV-Zeile), bekommen {got.get(name)}")
def wide(path, sheet, header_row, first, idcol, year_cols=None):
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    cols = [c for c in range(1, ws.max_column + 1) if c != idcol]
    if year_cols:
        cols = [c for c in cols if isinstance(ws.cell(header_row, c).value, int)]
    n = 0
    for r in range(first, ws.max_row + 1):
        vals = [ws.cell(r, c).value for c in cols]
        if ws.cell(r, idcol).value in (None, "") or all(v in (None, "") for v in vals):
            continue
        n += sum(1 for v in vals if v not in (None, ""))
    return n
# row 9 of 2021_1-1-1.xlsx is the unit, row 10 the column numbers 1, 2, 3 …: the areas begin in row 11
ws = openpyxl.load_workbook(nds + "/xlsx/2021_1-1-1.xlsx", data_only=True)["Tabelle1"]
ok([ws.cell(10, c).value for c in range(2, 6)] == [1, 2, 3, 4], "2021_1-1-1.xlsx: Zeile 10 sind Spaltennummern")
ok(got["2021_1-1-1.xlsx"] == wide(nds + "/xlsx/2021_1-1-1.xlsx", "Tabelle1", 8, 11, 2, True),
   "2021_1-1-1.xlsx: Gebiete × Jahre entpivotiert ab Zeile 11 (Spalten „2020 / 2005“ übergangen)")
ok(db.execute("SELECT count(*) FROM reihe WHERE gebiet_name = '1'").fetchone()[0] == 0,
   "keine Spaltennummer „1“ als Gebiet")
ok(got["2020_2-3-4.xlsx"] == wide(nds + "/xlsx/2020_2-3-4.xlsx", "2020_2-3-4_Download", 7, 10, 2, True),
   "2020_2-3-4.xlsx: Staaten × Jahre entpivotiert")
ok(got["2020_4-2-1.xlsx"] == wide(nds + "/xlsx/2020_4-2-1.xlsx", "2020_4-2-1_Download", 9, 12, 2),
   "2020_4-2-1.xlsx: Jahre × Nationalität × Geschlecht entpivotiert")
# concrete values
v = db.execute("SELECT wert FROM beobachtung_lang WHERE indikator='2-3-1' AND gebiet='K03461' AND jahr=2020").fetchone()
ok(v == (73.0,), f"Einbürgerungen Wesermarsch 2020 = 73 ({v})")
x = db.execute("SELECT count(*) FROM beobachtung_lang WHERE indikator='2-3-4' AND symbol='x' AND wert IS NULL"
               " AND merkmale='Staatsangehörigkeit=Kosovo' AND grund LIKE 'Tabellenfach gesperrt%'").fetchone()[0]
ok(x == 4, f"Tabellenzeichen x bleibt x mit Grund (Kosovo 2005–2008): {x}")
m = db.execute("SELECT merkmale, wert FROM beobachtung_lang WHERE indikator='4-2-1' AND jahr=2019 AND column_ref='G'").fetchone()
ok(m == ("Geschlecht=Männer|Nationalität=Deutsche", 35.2), f"verbundene Kopfzellen: Deutsche/Männer 2019 = 35,2 ({m})")
s = db.execute("SELECT jahr, stichtag FROM beobachtung_lang WHERE indikator='5-3-2' ORDER BY jahr LIMIT 1").fetchone()
ok(s == (2007, "2007-06-30"), f"Stichtag „Juni 2007“ → Jahr 2007, Stichtag 30.06.2007 ({s})")
p = db.execute("SELECT count(*) FROM beobachtung_lang b JOIN source_file f ON f.id = b.source_file_id"
               " WHERE f.sha256 IS NULL OR b.row_number IS NULL").fetchone()[0]
ok(p == 0, "jede Beobachtung mit Datei, SHA-256 und Zeile")
e = db.execute("SELECT encoding FROM source_file WHERE name='indicator_2-1-1.csv'").fetchone()
ok(e == ("UTF-8",), f"Kodierung der CSV protokolliert ({e})")
PY

# Eingangsbericht of this run
check "Eingangsbericht XLSX geschrieben" test -s "$out/eingangsbericht.xlsx"
# counts grouped the German way: the CSV rows of lsn_csv counted independently
werte=$($PY -c 'import csv, glob, sys
n = sum(sum(1 for _ in csv.DictReader(open(p, encoding="utf-8-sig", newline=""))) for p in glob.glob(sys.argv[1] + "/csv/*.csv"))
print(f"{n:,}".replace(",", "."))' $nds)
pdftotext -layout "$out/eingangsbericht.pdf" "$TMP/eingang_nds.txt" 2>/dev/null
check_grep "Eingangsbericht-PDF: lsn_csv mit $werte Werten (Tausenderpunkt)" " $werte " "$TMP/eingang_nds.txt"
check_absent "Eingangsbericht-PDF: nicht ohne Tausenderpunkt ($(echo "$werte" | tr -d .))" "$TMP/eingang_nds.txt" -w "$(echo "$werte" | tr -d .)"
check "Eingangsbericht PDF besteht qpdf --check" qpdf --check "$out/eingangsbericht.pdf"
$PY - "$out/eingangsbericht.xlsx" $nds <<'PY'
import csv, glob, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
ok(wb.sheetnames == ["Quellen", "Lieferungen", "Rücklauf"], f"Blätter {wb.sheetnames}")
q = [r for r in wb["Quellen"].iter_rows(min_row=6, values_only=True) if r[0]]
ok([r[0] for r in q] == ["lsn_csv", "lsn_1-1-1_xlsx", "lsn_2-3-4_xlsx", "lsn_4-2-1_xlsx"], "eine Zeile je Quellprofil")
ok(all(r[4] == "geliefert" for r in q), "alle Quellen geliefert")
zeilen = sum(sum(1 for _ in csv.DictReader(open(p, encoding="utf-8-sig", newline=""))) for p in glob.glob(sys.argv[2] + "/csv/*.csv"))
ok(q[0][5] == 10 and q[0][6] == zeilen, f"lsn_csv: 10 Dateien, {zeilen} Zeilen wie in den CSV-Dateien ({q[0][5]}, {q[0][6]})")
l = list(wb["Lieferungen"].iter_rows(min_row=2, values_only=True))
st = {r[1]: r[4] for r in l}
ok(st.get("notizen.txt") == "ohne Quellprofil", "Lieferungen: Datei ohne Quellprofil")
ok(st.get("indicator_9-9-8.csv", "").startswith("wartet"), "Lieferungen: wartende Datei")
ok(sum(1 for r in l if r[4] == "angenommen") == 13, "Lieferungen: 13 angenommen")
ok(all(r[10] for r in l if r[4] == "angenommen"), "Lieferungen: Ablage im Archiv vermerkt")
rl = [c for row in wb["Rücklauf"].iter_rows(min_row=2, values_only=True) for c in row if c]
ok(len(rl) == 1 and "nicht festgelegt, welche Fachdienste liefern" in rl[0],
   f"Rücklauf ohne Liste der Fachdienste: Blatt sagt warum ({rl})")
import datetime, os
zs = [c for c in wb["Lieferungen"]["A"][1:] if c.value is not None]
ok(zs and all(isinstance(c.value, datetime.datetime) and c.number_format == "DD.MM.YYYY hh:mm" for c in zs),
   f"Lieferungen: Zeitpunkt als Excel-Datum TT.MM.JJJJ hh:mm ({[(c.value, c.number_format) for c in zs[:1]]})")
lauf = datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.timezone.utc).replace(tzinfo=None)
ok(len(zs) == len(l) and all(c.value == lauf for c in zs),
   f"Lieferungen: Zeitpunkt = Zeit des Laufs (SOURCE_DATE_EPOCH, UTC, sekundengenau) in jeder Zeile ({lauf})")
d = wb["Quellen"]["K6"]
ok(isinstance(d.value, datetime.datetime) and d.number_format == "DD.MM.YYYY" and d.value.hour == 0,
   f"Quellen: letzte Lieferung als Datum TT.MM.JJJJ ({d.value}, {d.number_format})")
PY

# a delivery time that is not midnight: an Excel date and time to the second
make_inbox "$TMP/zeit/inbox" tests/fixtures/anhang6/*.csv
SOURCE_DATE_EPOCH=1732145532 run_ib report --config config/ibericht.ini --inbox "$TMP/zeit/inbox" --out "$TMP/zeit/out"
z=$($PY -c 'import sys, openpyxl; c = openpyxl.load_workbook(sys.argv[1])["Lieferungen"]["A2"]; print(c.value, c.number_format)' \
    "$TMP/zeit/out/eingangsbericht.xlsx")
check_eq "Lieferungen: Zeitpunkt 20.11.2024 23:32:12 UTC als Excel-Datum" "2024-11-20 23:32:12 DD.MM.YYYY hh:mm" "$z"

# the settled file is read on the next run; a changed delivery of one
# indicator supersedes only that indicator
touch -d '1 hour ago' "$in/indicator_9-9-8.csv"
head -n 200 $nds/csv/indicator_2-3-1.csv > "$in/indicator_2-3-1.csv"; touch -d '1 hour ago' "$in/indicator_2-3-1.csv"
run_ib ingest --config config/niedersachsen.ini --inbox "$in" --out "$out"
check_eq "zweiter Lauf: Exit-Code 0" 0 "$rc"
check_grep "abgelagerte Datei jetzt gelesen" "$in/indicator_9-9-8.csv: 99 Werte übernommen" "$TMP/log"
check_grep "neue Lieferung desselben Indikators ersetzt die alte" "$in/indicator_2-3-1.csv: 199 Werte übernommen (ersetzt die frühere Lieferung" "$TMP/log"
n=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from source_file where superseded_by is not null').fetchone()[0])" "$out/ibericht.sqlite")
check_eq "nur die eine Lieferung ersetzt" 1 "$n"

# Rücklauf: 17 Fachdienste asked, 7 deliver, 5 Fehlanzeigen, 5 without reply
rin="$TMP/rl/inbox"; rout="$TMP/rl/out"
make_inbox "$rin" tests/fixtures/ruecklauf/*.csv
run_ib report --config tests/fixtures/config/ruecklauf.ini --inbox "$rin" --out "$rout"
check_eq "Rücklauf-Lauf endet mit 0" 0 "$rc"
pdftotext "$rout/eingangsbericht.pdf" "$TMP/rl.txt" 2>/dev/null
check_grep "Rücklauf-Satz wie im Wesermarsch-Konzept" "7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne Rückmeldung" "$TMP/rl.txt"
check_grep "erwartete, nicht gelieferte Quelle als fehlend" "fd8" "$TMP/rl.txt"
r=$($PY -c "
import openpyxl,sys
ws = openpyxl.load_workbook(sys.argv[1])['Rücklauf']
rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] and r[0].startswith('FD')]
from collections import Counter
c = Counter(r[1] for r in rows)
print(len(rows), c['geantwortet'], c['Fehlanzeige'], c['ohne Rückmeldung'])" "$rout/eingangsbericht.xlsx")
check_eq "Rücklauf-Blatt: 17 Fachdienste, 7/5/5" "17 7 5 5" "$r"
q=$($PY -c "
import openpyxl,sys
ws = openpyxl.load_workbook(sys.argv[1])['Quellen']
print([r[4] for r in ws.iter_rows(min_row=6, values_only=True) if r[0] == 'fd8'])" "$rout/eingangsbericht.xlsx")
check_eq "Quelle fd8 fehlt" "['fehlt']" "$q"

# the store's lock: a second run waits, or gives up with exit 6
lin="$TMP/lock/inbox"; lout="$TMP/lock/out"
make_inbox "$lin" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
mkdir -p "$lout"
printf '[eingang]\nsperre_wartezeit_sekunden = 1\n[pfade]\nquellen = config/quellen.ini\n' > "$TMP/lock.ini"
flock "$lout/ibericht.sqlite.lock" sleep 3 &
sleep 0.3
run_ib ingest --config "$TMP/lock.ini" --inbox "$lin" --out "$lout"
check_eq "gesperrter Datenbestand: Exit-Code 6" 6 "$rc"
check_grep "Sperre gemeldet" "ist von einem anderen Lauf gesperrt" "$TMP/log"
check "Datei bleibt bei Sperre im Eingang" test -f "$lin/massnahmen_wesermarsch_anhang6.csv"
wait
flock "$lout/ibericht.sqlite.lock" sleep 1 &
sleep 0.2
run_ib ingest --config config/ibericht.ini --inbox "$lin" --out "$lout"
check_eq "zweiter Lauf wartet auf die Sperre und arbeitet dann" 0 "$rc"
check_grep "Warten gemeldet" "wird von einem anderen Lauf benutzt, warte" "$TMP/log"
wait

# SIGKILL at any moment: the store stays consistent, the next run completes the job
kin="$TMP/kill/inbox"; kout="$TMP/kill/out"
mkdir -p "$kin"
$PY - "$kin/massnahmen_gross.csv" <<'PY'
import csv, sys
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["handlungsfeld", "teilziel", "massnahme", "terminierung"])
    for i in range(150000):
        w.writerow([f"Feld {i % 7}", f"Ziel {i % 31}", f"Maßnahme Nummer {i} – Sprachförderung für Zugewanderte", "Bis 2027"])
PY
cp tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv "$kin/massnahmen_a.csv"
touch -d '1 hour ago' "$kin"/*
for delay in 0.05 0.15 0.3; do
    "$IB" ingest --config config/ibericht.ini --inbox "$kin" --out "$kout" -q >/dev/null 2>&1 &
    pid=$!
    sleep $delay
    kill -9 $pid 2>/dev/null      # the driver; its stage dies with it (PR_SET_PDEATHSIG)
    wait $pid 2>/dev/null
    sleep 0.1
    check "nach SIGKILL des Treibers (nach $delay s) läuft keine Stufe weiter" \
        sh -c "! pgrep -f '[i]bericht-ingest .*$kin' >/dev/null"
    c=$($PY -c "
import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
print(db.execute('pragma integrity_check').fetchone()[0],
      db.execute('select count(*) from source_file s where row_count != (select count(*) from massnahme m where m.source_file_id = s.id)').fetchone()[0])" "$kout/ibericht.sqlite" 2>/dev/null || echo "ok 0")
    check_eq "nach SIGKILL (nach $delay s) Datenbestand konsistent" "ok 0" "$c"
done
run_ib ingest --config config/ibericht.ini --inbox "$kin" --out "$kout"
check_eq "Lauf nach SIGKILL endet mit 0" 0 "$rc"
c=$($PY -c "
import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
print(db.execute('select count(*) from source_file').fetchone()[0], db.execute('select count(*) from massnahme').fetchone()[0])" "$kout/ibericht.sqlite")
check_eq "nach SIGKILL und neuem Lauf: beide Dateien genau einmal (150.119 Maßnahmen)" "2 150119" "$c"
check "Eingang nach Abschluss leer" test -z "$(ls -A "$kin")"
