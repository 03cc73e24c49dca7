#!/bin/sh
# test_status.sh — measure tracking end to end: the Rückmeldebogen round
# trip.  A report on the sample list writes one form per responsible
# department; the department fills it in (openpyxl), first with an invalid
# status (quarantined with the exact message), then a valid version; the
# next report has the statuses in the store, the latest status and the
# overdue marks in massnahmen.xlsx and the delivery in the Eingangsbericht.
# A second round adds to the history (latest by Stand) and a corrected form
# of a round replaces the earlier one.  Broken forms (unknown Kennung, no
# marker, impossible date) are rejected with their messages.  A store
# migrated from version 1 gets the Kennungen of its measures.
. "$(dirname "$0")/lib.sh"

csv=tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv
H=tests/e2e/status_helper.py
base="$TMP/st"; in="$base/inbox"; out="$base/out"; quar="$base/quarantaene"
fname=rueckmeldebogen_Koordinierungsstelle_Migration_und_Teilhabe.xlsx
form="$out/rueckmeldeboegen/$fname"
# report day 15.01.2026: the 16 measures „Bis 2025“ are due
sed 's/^stand *=.*/stand          = 15.01.2026/' config/ibericht.ini > "$TMP/runde1.ini"
sed 's/^stand *=.*/stand          = 15.07.2026/' config/ibericht.ini > "$TMP/runde2.ini"

# ---- 1. the report writes the forms -----------------------------------------
make_inbox "$in" "$csv"
run_ib report --config "$TMP/runde1.ini" --inbox "$in" --out "$out"
check_eq "Bericht auf der Beispiel-Inbox endet mit 0" 0 "$rc"
check "Rückmeldebogen für den Fachdienst geschrieben" test -f "$form"
check_eq "ein Bogen je verantwortlichem Fachdienst (hier einer)" 1 "$(ls "$out/rueckmeldeboegen" | wc -l)"
check_grep "Stufe meldet den Bogen" "1 Rückmeldebogen in $out/rueckmeldeboegen geschrieben (Stand 15.01.2026)" "$TMP/log"
check_grep "compute meldet Maßnahmen ohne Bericht und überfällige" \
    "Statusberichte: 0 von 119 Maßnahmen mit Status, 119 ohne Bericht, 16 überfällig (Stichtag 15.01.2026)" "$TMP/log"

# the Kennung: computed independently (hashlib) from the list, stable, unique
$PY $H kennungen "$csv" > "$TMP/kennungen.txt"
$PY - "$out/ibericht.sqlite" "$TMP/kennungen.txt" <<'PY'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
want = open(sys.argv[2]).read().split()
got = [k for (k,) in db.execute("SELECT kennung FROM massnahme ORDER BY row_number")]
ok(got == want, f"Kennung = M- + SHA-256 der normalisierten Texte (unabhängig mit hashlib berechnet), {len(got)} Maßnahmen")
ok(all(re.fullmatch(r"M-[0-9a-f]{8}(-[0-9]+)?", k) for k in got), "Kennung-Form M-xxxxxxxx[-n]")
ok(len(set(got)) == len(got), "Kennungen eindeutig")
rep = [k for k in got if k.count("-") == 2]
ok(len(rep) == 1 and rep[0].endswith("-2") and rep[0][:-2] in got,
   f"doppelte Zeile der Liste bekommt die laufende Nummer -2 ({rep})")
PY

# the form as a department sees it; its rows derived from the list (report
# order as check_massnahmen.py derives it, Kennungen computed with hashlib)
$PY - "$form" "$csv" "$TMP/kennungen.txt" <<'PY'
import csv, sys, openpyxl
sys.path.insert(0, "tests/e2e")
from check_massnahmen import expected_order
def ok(c, d, detail=""): print(("ok - " if c else "not ok - ") + d + (f" ({detail})" if detail and not c else ""))
wb = openpyxl.load_workbook(sys.argv[1])
liste = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
kennungen = open(sys.argv[3]).read().split()
zeilen = [(k, r["handlungsfeld"], r["teilziel"], r["massnahme"], r["terminierung"]) for k, r in zip(kennungen, liste)]
folge = expected_order(list(range(len(zeilen))), [z[4] for z in zeilen], 2025)
want = [zeilen[i] for i in folge]
ws = wb.active
ok(wb.sheetnames == ["Rückmeldebogen"], "Blatt „Rückmeldebogen“", wb.sheetnames)
ok(ws["A1"].value == "ibericht-Rückmeldebogen 1", "Kennzeichen in A1", ws["A1"].value)
ok((ws["A2"].value, ws["B2"].value) == ("Fachdienst", "Koordinierungsstelle Migration und Teilhabe"), "Fachdienst im Bogen")
ok((ws["A3"].value, ws["B3"].value) == ("Stand des Bogens", "15.01.2026"), "Stand des Bogens = Berichtsstand")
head = [c.value for c in ws[6]]
ok(head == ["Kennung", "Handlungsfeld", "Teilziel", "Maßnahme", "Terminierung", "letzter Status", "letzter Stand",
            "Status", "Stand", "Kommentar"], "Kopfzeile in Zeile 6", head)
rows = list(ws.iter_rows(min_row=7, values_only=True))
ok(len(want) == len(liste) == 119 and [tuple(r[:5]) for r in rows] == want, f"alle {len(want)} Maßnahmen in Berichtsfolge mit Kennung und Texten",
   f"{len(rows)} Zeilen")
ok(all(r[5] in (None, "") and r[6] is None and r[7] is None and r[8] is None for r in rows),
   "ohne Statusbericht: letzter Status leer, Eingabespalten leer")
dv = {str(d.sqref): d for d in ws.data_validations.dataValidation}
last = 6 + len(rows)
lst = dv.get(f"H7:H{last}")
ok(lst is not None and lst.type == "list" and
   lst.formula1 == '"geplant,in Umsetzung,umgesetzt,verzögert,entfallen"',
   "Auswahlliste Status mit den fünf Status über alle Zeilen", lst.formula1 if lst else dv)
dat = dv.get(f"I7:I{last}")
ok(dat is not None and dat.type == "date" and dat.operator in (None, "between"), "Datumsprüfung für Stand", dat)
ok(ws.protection.sheet, "Blatt geschützt")
ok(all(not ws.cell(r, c).protection.locked for r in range(7, last + 1) for c in (8, 9, 10)),
   "Eingabezellen Status, Stand, Kommentar entsperrt")
ok(all(ws.cell(r, c).protection.locked for r in (7, last) for c in range(1, 8)) and ws["A1"].protection.locked,
   "Kennung, Texte und Kennzeichen gesperrt")
ok(ws.cell(7, 9).number_format == "DD.MM.YYYY", "Stand als Datum formatiert", ws.cell(7, 9).number_format)
ok(ws.freeze_panes == "B7", "Kopf und Kennung fixiert", ws.freeze_panes)
PY

sha1=$(sha "$form")
run_ib rueckmeldebogen --config "$TMP/runde1.ini" --inbox "$in" --out "$out"
check_eq "Stufe rueckmeldebogen allein wiederholbar" 0 "$rc"
check_eq "Bogen bei gleichen Eingaben byte-gleich" "$sha1" "$(sha "$form")"

# which measures the department reports on
eval "$($PY - "$out/ibericht.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT m.kennung, m.terminierung_text FROM massnahme_folge f JOIN massnahme m"
                  " ON m.id = f.massnahme_id ORDER BY f.position").fetchall()
b25 = [k for k, t in rows if t == "Bis 2025"]
lauf = [k for k, t in rows if t == "laufend"]
b27 = [k for k, t in rows if t == "Bis 2027"]
print(f"KA={b25[0]} KB={b25[1]} KC={b25[2]} KD={b25[3]} KH={b25[4]} KE={lauf[0]} KF={b27[0]} KG={b27[1]}")
PY
)"
export KA KB KC KD KE KF KG KH

# ---- 2. filled in with one invalid status: quarantined ---------------------
$PY $H fill "$form" "$in/$fname" "$KA=umgesetzt@2025-12-01#abgeschlossen" "$KB=verzögert@t:10.12.2025#Träger fehlt" \
    "$KC=entfallen@2025-11-30" "$KD=in Umsetzung@2025-12-15" "$KE=In Umsetzung@2025-12-31" \
    "$KF=geplant@2026-01-10" "$KG=erledigt@2026-01-10"
touch -d '1 hour ago' "$in/$fname"
rowg=$($PY $H row "$in/$fname" "$KG")
run_ib report --config "$TMP/runde1.ini" --inbox "$in" --out "$out"
check_eq "ungültiger Status: Exit-Code 1 (Bericht trotzdem geschrieben)" 1 "$rc"
check_grep "genaue Meldung mit Datei, Blatt, Zeile, Spalte und Wert" \
    "ibericht-ingest: Fehler: $in/$fname, Blatt „Rückmeldebogen“, Zeile $rowg, Spalte „Status“: Status „erledigt“ unbekannt (erlaubt: geplant, in Umsetzung, umgesetzt, verzögert, entfallen) — Datei abgewiesen, keine Zeile daraus übernommen" "$TMP/log"
check "abgewiesener Bogen in der Quarantäne" test -f "$quar/$fname"
check "Eingang danach leer" test -z "$(ls -A "$in")"
check_grep "Begründung: Zeile" "Zeile: $rowg" "$quar/$fname.grund.txt"
check_grep "Begründung: Spalte" "Spalte: Status" "$quar/$fname.grund.txt"
check_grep "Begründung: Wert und Regel" "Status „erledigt“ unbekannt (erlaubt: geplant, in Umsetzung, umgesetzt, verzögert, entfallen)" "$quar/$fname.grund.txt"
n=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from statusbericht').fetchone()[0])" "$out/ibericht.sqlite")
check_eq "abgewiesener Bogen: keine Statusmeldung im Bestand" 0 "$n"

# ---- 3. the corrected, valid version ----------------------------------------
$PY $H fill "$quar/$fname" "$in/$fname" "$KG=verzögert@2026-01-10"
touch -d '1 hour ago' "$in/$fname"
run_ib report --config "$TMP/runde1.ini" --inbox "$in" --out "$out"
check_eq "gültiger Bogen: Exit-Code 0" 0 "$rc"
check_grep "7 Statusmeldungen übernommen" "$in/$fname: 7 Statusmeldungen übernommen" "$TMP/log"
check_grep "compute: Status, ohne Bericht, überfällig" \
    "Statusberichte: 7 von 119 Maßnahmen mit Status, 112 ohne Bericht, 14 überfällig (Stichtag 15.01.2026)" "$TMP/log"

$PY - "$out/ibericht.sqlite" "$base/archiv/2024-11-20/$fname" <<'PY'
import datetime, os, sqlite3, sys, openpyxl
def ok(c, d, detail=""): print(("ok - " if c else "not ok - ") + d + (f" ({detail})" if detail and not c else ""))
db = sqlite3.connect(sys.argv[1])
K = {k: os.environ[k] for k in ("KA", "KB", "KC", "KD", "KE", "KF", "KG", "KH")}
ws = openpyxl.load_workbook(sys.argv[2]).active
row_of = {ws.cell(r, 1).value: r for r in range(7, ws.max_row + 1)}
got = {r[0]: r[1:] for r in db.execute(
    "SELECT b.kennung, b.status, b.stand, b.kommentar, b.row_number, b.sheet, b.fachdienst, s.name, s.dataset,"
    "       s.fachdienst, s.teil FROM statusbericht b JOIN source_file s ON s.id = b.source_file_id")}
want = {"KA": ("umgesetzt", "2025-12-01", "abgeschlossen"), "KB": ("verzoegert", "2025-12-10", "Träger fehlt"),
        "KC": ("entfallen", "2025-11-30", ""), "KD": ("in_umsetzung", "2025-12-15", ""),
        "KE": ("in_umsetzung", "2025-12-31", ""), "KF": ("geplant", "2026-01-10", ""),
        "KG": ("verzoegert", "2026-01-10", "")}
ok(len(got) == 7, f"7 Statusmeldungen im Bestand ({len(got)})")
ok(all(got.get(K[k], ())[:3] == v for k, v in want.items()),
   "Status (Code), Stand (Datum und Text TT.MM.JJJJ gelesen), Kommentar je Kennung",
   {k: got.get(K[k], ())[:3] for k in want})
ok(all(got[K[k]][3] == row_of[K[k]] and got[K[k]][4] == "Rückmeldebogen" for k in want),
   "Herkunft: Blatt und Zeile des Bogens")
fd = "Koordinierungsstelle Migration und Teilhabe"
ok(all(v[5] == fd and v[6] == os.path.basename(sys.argv[2]) and v[7] == "statusbericht" and v[8] == fd
       and v[9] == fd + "|2026-01-15" for v in got.values()),
   "Lieferung des Fachdiensts im Bogen, Teil = Fachdienst|Stand des Bogens", list(got.values())[0][5:])
st = {r[0]: r[1:] for r in db.execute(
    "SELECT kennung, status, stand, ueberfaellig, ohne_bericht, ende FROM massnahme_status")}
ok(len(st) == 119, "massnahme_status: alle 119 aktuellen Maßnahmen")
ok(st[K["KA"]][:4] == ("umgesetzt", "2025-12-01", 0, 0) and st[K["KA"]][4] == "2025-12-31",
   "umgesetzt nach Fristende: nicht überfällig", st[K["KA"]])
ok(st[K["KB"]][2] == 1 and st[K["KD"]][2] == 1, "verzögert / in Umsetzung nach Fristende: überfällig")
ok(st[K["KC"]][2] == 0, "entfallen: nicht überfällig")
ok(st[K["KE"]][2] == 0 and st[K["KE"]][4] is None, "laufend: ohne Ende, nie überfällig")
ok(st[K["KF"]][2] == 0 and st[K["KG"]][2] == 0, "Frist 2027 noch nicht erreicht")
ok(st[K["KH"]] [:4] == (None, None, 1, 1), "Maßnahme ohne jeden Bericht: ohne_bericht und überfällig", st[K["KH"]])
hf = db.execute("SELECT sum(anzahl), sum(geplant), sum(in_umsetzung), sum(umgesetzt), sum(verzoegert), sum(entfallen),"
                " sum(ohne_bericht), sum(ueberfaellig) FROM status_uebersicht WHERE ebene = 'handlungsfeld'").fetchone()
ok(hf == (119, 1, 2, 1, 2, 1, 112, 14), f"status_uebersicht je Handlungsfeld: Summen {hf}")
tz = db.execute("SELECT handlungsfeld, sum(anzahl), sum(ueberfaellig), sum(ohne_bericht) FROM status_uebersicht"
                " WHERE ebene = 'teilziel' GROUP BY handlungsfeld ORDER BY handlungsfeld").fetchall()
hz = db.execute("SELECT handlungsfeld, anzahl, ueberfaellig, ohne_bericht FROM status_uebersicht"
                " WHERE ebene = 'handlungsfeld' ORDER BY handlungsfeld").fetchall()
ok(tz == hz, "status_uebersicht: Teilziele summieren zu ihrem Handlungsfeld")
order = [r[0] for r in db.execute("SELECT ebene FROM status_uebersicht ORDER BY position")]
ok(order[0] == "handlungsfeld" and order.count("handlungsfeld") == db.execute("SELECT count(*) FROM handlungsfeld").fetchone()[0],
   "status_uebersicht: je Handlungsfeld eine Zeile, gefolgt von seinen Teilzielen")
PY

# the status in massnahmen.xlsx
$PY - "$out/massnahmen.xlsx" <<'PY'
import datetime, os, sys, openpyxl
def ok(c, d, detail=""): print(("ok - " if c else "not ok - ") + d + (f" ({detail})" if detail and not c else ""))
ws = openpyxl.load_workbook(sys.argv[1])["Maßnahmen"]
K = {k: os.environ[k] for k in ("KA", "KB", "KC", "KD", "KE", "KF", "KG", "KH")}
head = [c.value for c in ws[1]]
ok(head[:6] == ["Nr.", "Gruppe", "Handlungsfeld", "Teilziel", "Maßnahme", "Terminierung"], "erste 6 Spalten unverändert")
ok(head[6:16] == ["Frist bis", "Verantwortlich", "Status", "Stand", "überfällig", "Kommentar", "Quelle", "Zeile",
                  "Kennung", "Herkunft"], "Status, Stand, überfällig, Kommentar nach „Verantwortlich“, dann die Herkunft",
   head[6:16])
ok(head[16:] == ["gruppe"], "dann die weiteren Spalten der Lieferung", head[16:])
col = {h: i for i, h in enumerate(head)}
rows = {r[col["Kennung"]]: r for r in ws.iter_rows(min_row=2, values_only=True)}
def view(k):
    r = rows[K[k]]
    stand = r[col["Stand"]]
    return (r[col["Status"]], stand.date() if isinstance(stand, datetime.datetime) else stand, r[col["überfällig"]],
            r[col["Kommentar"]])
d = datetime.date
# the comments as the department wrote them into the form (status_helper.py fill … #Kommentar)
want = {"KA": ("umgesetzt", d(2025, 12, 1), None, "abgeschlossen"),
        "KB": ("verzögert", d(2025, 12, 10), "ja", "Träger fehlt"),
        "KC": ("entfallen", d(2025, 11, 30), None, None), "KD": ("in Umsetzung", d(2025, 12, 15), "ja", None),
        "KE": ("in Umsetzung", d(2025, 12, 31), None, None), "KF": ("geplant", d(2026, 1, 10), None, None),
        "KG": ("verzögert", d(2026, 1, 10), None, None), "KH": ("ohne Bericht", None, "ja", None)}
ok(all(view(k) == v for k, v in want.items()), "letzter Status, Stand (Datum), überfällig und Kommentar je Maßnahme",
   {k: view(k) for k in want if view(k) != want[k]})
ok(sum(1 for r in rows.values() if r[col["überfällig"]] == "ja") == 14, "14 Maßnahmen überfällig markiert")
ok(sum(1 for r in rows.values() if r[col["Status"]] == "ohne Bericht") == 112, "112 Maßnahmen „ohne Bericht“")
ok(sum(1 for r in rows.values() if r[col["Kommentar"]]) == 2, "Kommentar nur, wo der Fachdienst einen geschrieben hat")
line = next(i for i in range(2, ws.max_row + 1) if ws.cell(i, col["Kennung"] + 1).value == K["KA"])
ok(ws.cell(line, col["Stand"] + 1).number_format == "DD.MM.YYYY", "Stand als Datum TT.MM.JJJJ",
   ws.cell(line, col["Stand"] + 1).number_format)
ok(ws.cell(line, col["Kommentar"] + 1).alignment.wrap_text, "Kommentar mit Zeilenumbruch")
area = ws.print_area if isinstance(ws.print_area, str) else ",".join(ws.print_area or [])
ok(area.split("!")[-1] == "$A$1:$L$120", "Druckbereich: Nr. bis Kommentar, alle 119 Maßnahmen", area)
PY

# the Eingangsbericht lists both deliveries of the form
$PY - "$out/eingangsbericht.xlsx" "$fname" <<'PY'
import sys, openpyxl
def ok(c, d, detail=""): print(("ok - " if c else "not ok - ") + d + (f" ({detail})" if detail and not c else ""))
wb = openpyxl.load_workbook(sys.argv[1]); name = sys.argv[2]
l = [r for r in wb["Lieferungen"].iter_rows(min_row=2, values_only=True) if r[1] == name]
ok([r[4] for r in l] == ["abgewiesen", "angenommen"], "Eingangsbericht: Bogen abgewiesen, dann angenommen", [r[4] for r in l])
ok(all(r[2] == "rueckmeldebogen" and r[3] == "Koordinierungsstelle Migration und Teilhabe" for r in l),
   "Eingangsbericht: Quelle und Fachdienst des Bogens")
ok("Status „erledigt“ unbekannt" in (l[0][9] or ""), "Eingangsbericht: Grund der Abweisung", l[0][9])
ok(l[1][7] == 7, "Eingangsbericht: 7 Zeilen angenommen", l[1][7])
q = [r for r in wb["Quellen"].iter_rows(min_row=6, values_only=True) if r[0] == "rueckmeldebogen"]
ok(len(q) == 1 and q[0][2] == "statusbericht" and q[0][4] == "geliefert" and q[0][5] == 1 and q[0][6] == 7
   and q[0][9] == 1, "Eingangsbericht: Quelle rueckmeldebogen geliefert, 1 Datei, 7 Zeilen, 1 abgewiesen", q)
PY

# the next form shows the last status
$PY - "$form" <<'PY'
import datetime, os, sys, openpyxl
def ok(c, d, detail=""): print(("ok - " if c else "not ok - ") + d + (f" ({detail})" if detail and not c else ""))
ws = openpyxl.load_workbook(sys.argv[1]).active
r = {ws.cell(i, 1).value: [ws.cell(i, c).value for c in range(6, 10)] for i in range(7, ws.max_row + 1)}
a, h = r[os.environ["KA"]], r[os.environ["KH"]]
ok(a[0] == "umgesetzt" and a[1].date() == datetime.date(2025, 12, 1) and a[2] is None and a[3] is None,
   "neuer Bogen: letzter Status und Stand vorbelegt, Eingabe leer", a)
ok(h[0] in (None, "") and h[1] is None, "neuer Bogen: ohne Bericht bleibt leer", h)
PY

# ---- 4. the next round: history, latest by Stand, a corrected form ---------
run_ib report --config "$TMP/runde2.ini" --inbox "$in" --out "$out"
check_eq "zweite Runde: Bericht ohne neue Dateien endet mit 0" 0 "$rc"
cp "$form" "$TMP/runde2.xlsx"
$PY $H fill "$TMP/runde2.xlsx" "$in/$fname" "$KD=umgesetzt@2026-06-30" "$KE=verzögert@2026-06-30"
touch -d '1 hour ago' "$in/$fname"
run_ib report --config "$TMP/runde2.ini" --inbox "$in" --out "$out"
check_eq "zweite Runde: erster Bogen angenommen" 0 "$rc"
check "Bogen der neuen Runde ersetzt nichts" grep -qxF -- "ibericht-ingest: $in/$fname: 2 Statusmeldungen übernommen" "$TMP/log"
$PY $H fill "$TMP/runde2.xlsx" "$in/$fname" "$KD=umgesetzt@2026-06-30" "$KB=in Umsetzung@2025-11-01#alte Meldung nachgereicht"
touch -d '1 hour ago' "$in/$fname"
run_ib report --config "$TMP/runde2.ini" --inbox "$in" --out "$out"
check_eq "zweite Runde: berichtigter Bogen angenommen" 0 "$rc"
check_grep "berichtigter Bogen ersetzt den ersten dieser Runde" \
    "$in/$fname: 2 Statusmeldungen übernommen (ersetzt die frühere Lieferung dieser Quelle und dieses Zeitraums)" "$TMP/log"
check_grep "compute mit neuem Stichtag" \
    "Statusberichte: 7 von 119 Maßnahmen mit Status, 112 ohne Bericht, 13 überfällig (Stichtag 15.07.2026)" "$TMP/log"
$PY - "$out/ibericht.sqlite" <<'PY'
import os, sqlite3, sys
def ok(c, d, detail=""): print(("ok - " if c else "not ok - ") + d + (f" ({detail})" if detail and not c else ""))
db = sqlite3.connect(sys.argv[1])
K = {k: os.environ[k] for k in ("KA", "KB", "KC", "KD", "KE")}
st = {r[0]: r[1:] for r in db.execute("SELECT kennung, status, stand, ueberfaellig FROM massnahme_status")}
ok(st[K["KD"]] == ("umgesetzt", "2026-06-30", 0), "neuere Meldung gilt: umgesetzt, nicht mehr überfällig", st[K["KD"]])
ok(st[K["KB"]] == ("verzoegert", "2025-12-10", 1), "nachgereichte ältere Meldung ändert den letzten Status nicht", st[K["KB"]])
ok(st[K["KE"]] == ("in_umsetzung", "2025-12-31", 0), "Meldung des ersetzten Bogens zählt nicht mehr", st[K["KE"]])
files = db.execute("SELECT teil, superseded_by IS NOT NULL FROM source_file WHERE dataset = 'statusbericht' ORDER BY id").fetchall()
fd = "Koordinierungsstelle Migration und Teilhabe"
ok(files == [(fd + "|2026-01-15", 0), (fd + "|2026-07-15", 1), (fd + "|2026-07-15", 0)],
   "Runden bleiben nebeneinander, innerhalb einer Runde ersetzt der neue Bogen den alten", files)
n = db.execute("SELECT count(*) FROM statusbericht b JOIN source_file s ON s.id = b.source_file_id"
               " WHERE s.superseded_by IS NULL").fetchone()[0]
ok(n == 9, f"Verlauf: 9 gültige Statusmeldungen aus zwei Runden ({n})")
PY
# the comment shown is the one of the latest report (by Stand), not the one delivered last
$PY - "$out/massnahmen.xlsx" <<'PY'
import os, sys, openpyxl
def ok(c, d, detail=""): print(("ok - " if c else "not ok - ") + d + (f" ({detail})" if detail and not c else ""))
ws = openpyxl.load_workbook(sys.argv[1])["Maßnahmen"]
head = [c.value for c in ws[1]]
rows = {r[head.index("Kennung")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
kb = rows[os.environ["KB"]]
ok(kb[head.index("Kommentar")] == "Träger fehlt",
   "Kommentar der letzten Meldung (Stand 10.12.2025), nicht der nachgereichten älteren", kb[head.index("Kommentar")])
kd = rows[os.environ["KD"]]
ok((kd[head.index("Status")], kd[head.index("Kommentar")]) == ("umgesetzt", None),
   "neue Meldung ohne Kommentar: kein alter Kommentar stehen geblieben", kd)
PY

# ---- 5. broken forms are rejected with their messages ----------------------
rowa=$($PY $H row "$TMP/runde2.xlsx" "$KA")
$PY $H fill "$TMP/runde2.xlsx" "$in/rueckmeldebogen_kennung.xlsx" "A7:=M-00000000" "M-00000000=geplant@2026-07-01"
$PY $H fill "$TMP/runde2.xlsx" "$in/rueckmeldebogen_ohne_kennzeichen.xlsx" "A1:=" "$KA=umgesetzt@2026-07-01"
$PY $H fill "$TMP/runde2.xlsx" "$in/rueckmeldebogen_datum.xlsx" "$KA=umgesetzt@t:31.02.2026"
$PY $H fill "$TMP/runde2.xlsx" "$in/rueckmeldebogen_leer.xlsx"
touch -d '1 hour ago' "$in"/*
run_ib report --config "$TMP/runde2.ini" --inbox "$in" --out "$out"
check_eq "kaputte Bögen: Exit-Code 1" 1 "$rc"
check_grep "unbekannte Kennung abgewiesen" \
    "ibericht-ingest: Fehler: $in/rueckmeldebogen_kennung.xlsx, Blatt „Rückmeldebogen“, Zeile 7, Spalte „Kennung“: Kennung „M-00000000“ gehört zu keiner Maßnahme der aktuellen Maßnahmenlisten — Datei abgewiesen" "$TMP/log"
check_grep "Bogen ohne Kennzeichen abgewiesen" \
    "ibericht-ingest: Fehler: $in/rueckmeldebogen_ohne_kennzeichen.xlsx, Blatt „Rückmeldebogen“: kein ibericht-Rückmeldebogen: Zelle A1 „ibericht-Rückmeldebogen 1“ fehlt (Profil rueckmeldebogen verlangt rueckmeldebogen = ja) — Datei abgewiesen" "$TMP/log"
check_grep "unmögliches Datum abgewiesen" \
    "ibericht-ingest: Fehler: $in/rueckmeldebogen_datum.xlsx, Blatt „Rückmeldebogen“, Zeile $rowa, Spalte „Stand“: Stand „31.02.2026“: diesen Tag gibt es nicht — Datei abgewiesen" "$TMP/log"
check_grep "leerer Bogen abgewiesen" \
    "ibericht-ingest: Fehler: $in/rueckmeldebogen_leer.xlsx, Blatt „Rückmeldebogen“: Datei enthält keine Statusmeldung (keine Zeile mit Status und Stand ausgefüllt) — Datei abgewiesen" "$TMP/log"
check "alle kaputten Bögen in der Quarantäne" test -f "$quar/rueckmeldebogen_kennung.xlsx" -a -f "$quar/rueckmeldebogen_ohne_kennzeichen.xlsx" -a -f "$quar/rueckmeldebogen_datum.xlsx" -a -f "$quar/rueckmeldebogen_leer.xlsx"
n=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from statusbericht').fetchone()[0])" "$out/ibericht.sqlite")
check_eq "kaputte Bögen: Bestand unverändert (11 Statusmeldungen insgesamt)" 11 "$n"

# the manifest records the forms
check_grep "Manifest nennt den Bogen" "rueckmeldeboegen/$fname" "$out/manifest.tsv"

# ---- 6. a store of version 1 gets the Kennungen of its measures ------------
v1="$TMP/v1"; mkdir -p "$v1/inbox" "$v1/out"
$PY - "$v1/out/ibericht.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(open("tests/fixtures/store_v1.sql").read())
db.execute("INSERT INTO source_file(id,name,path,sha256,size,dataset,ingested_at,row_count)"
           " VALUES (1,'alt.csv','x','ab',1,'massnahmen','2024-01-01T00:00:00Z',3)")
for row, text in ((2, "Sprachkurse ausbauen"), (3, "Sprachkurse  ausbauen"), (4, "Beratung stärken")):
    db.execute("INSERT INTO massnahme(source_file_id,row_number,handlungsfeld,teilziel,massnahme,terminierung_kind)"
               " VALUES (1,?,'Sprache','Deutsch lernen',?,'ohne')", (row, text))
db.commit()
PY
run_ib ingest --config config/ibericht.ini --inbox "$v1/inbox" --out "$v1/out"
check_eq "Bestand Version 1: ingest endet mit 0" 0 "$rc"
check_grep "Kennungen nachgetragen" "3 Maßnahmen ohne Kennung nachgetragen" "$TMP/log"
k=$($PY - "$v1/out/ibericht.sqlite" <<'PY'
import hashlib, sqlite3, sys
sys.path.insert(0, "tests/e2e")
from status_helper import norm
db = sqlite3.connect(sys.argv[1])
got = [k for (k,) in db.execute("SELECT kennung FROM massnahme ORDER BY row_number")]
h = lambda t: "M-" + hashlib.sha256("\x1f".join(norm(x) for x in ("Sprache", "Deutsch lernen", t)).encode()).hexdigest()[:8]
print(got == [h("Sprachkurse ausbauen"), h("Sprachkurse ausbauen") + "-2", h("Beratung stärken")])
PY
)
check_eq "Bestand Version 1: Kennungen wie beim Einlesen, Wiederholung nummeriert" True "$k"
