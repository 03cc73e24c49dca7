"""check_massnahmen.py — read the measure list outputs with real readers and
assert their content (used by the e2e scripts).

    /usr/bin/python3 tests/e2e/check_massnahmen.py --out DIR --csv INPUT.csv \
        --group "Laufende Maßnahmen=29" --group … [--kommune NAME]

PDF: qpdf --check, pdfinfo (pages, title), pdffonts (all embedded DejaVu
subsets, pdfschriften.py), pdftotext (every measure present in report order,
headings, „Seite x von y“ on every page).  XLSX: openpyxl (sheets, rows in
report order, groups, totals, print setup, properties) and the chart XML in
the package.  Prints one "ok - …" or "not ok - …" line per check.

The report order is derived here from the input files (expected_order), not
read from an output: measures sorted stably by the last day of their
Terminierung, laufend first, not understood last (README „Was in out/
landet“, pipeline/lib/terminierung.h).
"""
import argparse
import collections
import csv
import re
import subprocess
import sys
import zipfile

import openpyxl

from pdfschriften import probleme as schrift_probleme

failures = 0


def check(cond, desc, detail=""):
    global failures
    if cond:
        print(f"ok - {desc}")
    else:
        failures += 1
        print(f"not ok - {desc}" + (f" ({detail})" if detail else ""))


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def squeeze(s):
    return re.sub(r"\s+", "", s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--csv", action="append", required=True)
    ap.add_argument("--group", action="append", default=[], help="label=count, in report order")
    ap.add_argument("--kommune", default="Landkreis Wesermarsch")
    ap.add_argument("--measure-column", default="massnahme")
    ap.add_argument("--title", default="Ziele und Maßnahmen nach Terminierung")
    ap.add_argument("--terminierung-column", default="terminierung")
    ap.add_argument("--kurzfristig-bis", type=int, default=2025, help="[terminierung] kurzfristig_bis")
    a = ap.parse_args()
    groups = [(g.rsplit("=", 1)[0], int(g.rsplit("=", 1)[1])) for g in a.group]

    measures, termine = [], []
    for path in a.csv:
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                text = row[a.measure_column].strip()
                if text:
                    measures.append(text)
                    termine.append((row.get(a.terminierung_column) or "").strip())
    order = expected_order(measures, termine, a.kurzfristig_bis)
    total = sum(c for _, c in groups)
    check(total == len(measures), f"Gruppen zählen zusammen {len(measures)} Maßnahmen", f"{total}")

    # ---------- PDF ----------
    pdf = f"{a.out}/massnahmen_chronologisch.pdf"
    check(run("qpdf", "--check", pdf).returncode == 0, "qpdf --check ohne Fehler")
    info = run("pdfinfo", pdf).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    check(pages >= 1, f"PDF hat {pages} Seiten")
    check(re.search(rf"^Title:\s+.*{re.escape(a.title)}", info, re.M) is not None,
          "Dokumenttitel mit Umlauten (pdfinfo)")
    check(re.search(rf"^Author:\s+{re.escape(a.kommune)}$", info, re.M) is not None, "Autor = Kommune")
    check("A4" in info and "841.89 x 595.27" in info, "A4 quer")
    fonts = schrift_probleme(pdf)
    check(not fonts, "alle Schriften eingebettet, Teilmengen von DejaVu", "; ".join(fonts))
    layout = run("pdftotext", "-layout", pdf, "-").stdout
    page_texts = layout.split("\f")
    missing_numbers = [i for i in range(1, pages + 1)
                       if f"Seite {i} von {pages}" not in page_texts[i - 1]]
    check(not missing_numbers, f"„Seite x von {pages}“ auf jeder Seite", f"fehlt auf {missing_numbers[:5]}")
    check("Stand: 20.11.2024" in page_texts[0], "Stand-Datum deutsch (TT.MM.JJJJ)")
    no_header = [i + 1 for i, t in enumerate(page_texts[:pages])
                 if not re.search(r"Handlungsfeld\s+Teilziel\s+Maßnahme\s+Terminierung", t)]
    check(not no_header, "Tabellenkopf auf jeder Seite wiederholt", f"fehlt auf Seite {no_header[:5]}")
    # the text flow without page furniture (running header, table header,
    # footer), so a measure split across pages reads as one text
    flow = []
    for number, page in enumerate(run("pdftotext", "-raw", pdf, "-").stdout.split("\f")):
        lines = page.splitlines()
        if number > 0 and lines and lines[0].startswith(a.kommune):
            lines = lines[1:]                       # running header
        for line in lines:
            if (line.startswith("Stand: ") and re.search(r"Seite \d+ von \d+$", line)) \
                    or line == "Handlungsfeld Teilziel Maßnahme Terminierung":
                continue
            flow.append(line)
    raw = squeeze("\n".join(flow))
    # a row split across pages has its short cells (Terminierung) drawn with
    # its first part: as lines of their own they interrupt the measure's text
    terminierungen = {t for t in termine if t}
    # a word too wide for its column is broken with an added hyphen (textwrap.h),
    # so measures are compared without hyphens
    measure_flow = squeeze("\n".join(l for l in flow if l.strip() not in terminierungen)).replace("-", "")
    pos = 0
    heading_pos = []
    for label, count in groups:
        heading = squeeze(f"{label} – {count} {'Maßnahme' if count == 1 else 'Maßnahmen'}")
        p = raw.find(heading, pos)
        heading_pos.append(p)
        check(p >= 0, f"Abschnitt „{label}“ mit {count} Maßnahmen in Reihenfolge")
        if p >= 0:
            pos = p
    # every measure, in report order: expected order = input order, stable by group
    lost, pos = [], 0
    found = 0
    for text in order:
        p = measure_flow.find(squeeze(text).replace("-", ""), pos)
        if p < 0:
            lost.append(text[:50])
        else:
            found += 1
            pos = p
    check(not lost, f"alle {len(measures)} Maßnahmen im PDF-Text, chronologisch", f"fehlt: {lost[:3]}")
    check(found == len(measures), f"{found} Maßnahmen im PDF gefunden")

    # ---------- XLSX ----------
    xlsx = f"{a.out}/massnahmen.xlsx"
    wb = openpyxl.load_workbook(xlsx)
    check(wb.sheetnames == ["Maßnahmen", "Übersicht"], "Blätter „Maßnahmen“ und „Übersicht“", str(wb.sheetnames))
    ws = wb["Maßnahmen"]
    header = [c.value for c in ws[1]]
    check(header[:6] == ["Nr.", "Gruppe", "Handlungsfeld", "Teilziel", "Maßnahme", "Terminierung"],
          "Kopfzeile der Maßnahmenliste", str(header[:6]))
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    check(len(rows) == len(measures), f"{len(measures)} Zeilen im Blatt Maßnahmen", f"{len(rows)}")
    check(collections.Counter(r[4] for r in rows) == collections.Counter(measures),
          "Maßnahmentexte in der Arbeitsmappe byte-genau wie in der Eingabe")
    got_order = [r[4] for r in rows]
    first_bad = next((i for i, (x, y) in enumerate(zip(got_order, order)) if x != y), None)
    check(got_order == order, "Arbeitsmappe in Berichtsfolge (aus der Eingabe abgeleitet)",
          f"erste Abweichung in Zeile {first_bad + 2 if first_bad is not None else '?'}")
    check([r[0] for r in rows] == list(range(1, len(rows) + 1)), "laufende Nummern 1..n")
    got_groups = []
    for r in rows:
        if not got_groups or got_groups[-1][0] != r[1]:
            got_groups.append([r[1], 0])
        got_groups[-1][1] += 1
    check([tuple(g) for g in got_groups] == groups, "Gruppen zusammenhängend, chronologisch, mit Anzahlen",
          str(got_groups))
    check(ws.freeze_panes == "A2", "Kopfzeile fixiert")
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), "Autofilter gesetzt")
    check(ws.print_title_rows in ("1:1", "$1:$1"), "Kopfzeile beim Druck wiederholt", str(ws.print_title_rows))
    check(ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9", "Druck A4 quer")
    check(ws.cell(2, 5).alignment.wrap_text, "Zeilenumbruch in Textzellen")
    check(wb.properties.creator == a.kommune, "Dokumenteigenschaft Autor = Kommune", str(wb.properties.creator))
    check(wb.properties.title and "Maßnahmen" in wb.properties.title, "Dokumenteigenschaft Titel")

    us = wb["Übersicht"]
    table = [list(r) for r in us.iter_rows(min_row=4, values_only=True) if r[0] is not None]
    head, body = table[0], table[1:]
    check(head[1:1 + len(groups)] == [g for g, _ in groups] and head[1 + len(groups)] == "Summe",
          "Übersicht: Spalten = Gruppen + Summe", str(head))
    total_row = [r for r in body if r[0] == "Summe"]
    check(len(total_row) == 1, "Übersicht: eine Summenzeile")
    wbv = openpyxl.load_workbook(xlsx, data_only=True)["Übersicht"]
    vals = [list(r) for r in wbv.iter_rows(min_row=5, values_only=True) if r[0] is not None]
    summe = [r for r in vals if r[0] == "Summe"][0]
    check(summe[1:1 + len(groups)] == [c for _, c in groups] and summe[1 + len(groups)] == len(measures),
          "Übersicht: Summen je Gruppe und gesamt = Eingabe", str(summe))
    parts = [r for r in vals if r[0] != "Summe"]
    check(all(sum(r[1:1 + len(groups)]) == r[1 + len(groups)] for r in parts), "Übersicht: Zeilensummen stimmen")
    check(sum(r[1 + len(groups)] for r in parts) == len(measures), "Übersicht: Handlungsfelder summieren zur Gesamtzahl")
    with zipfile.ZipFile(xlsx) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        check(len(charts) == 1, "ein nativer Excel-Diagramm-Teil")
        if charts:
            xml = z.read(charts[0]).decode()
            check('<c:barDir val="bar"/>' in xml and '<c:grouping val="stacked"/>' in xml,
                  "gestapeltes Balkendiagramm")
            check(xml.count("<c:ser>") == len(groups), "eine Datenreihe je Gruppe")
    return 1 if failures else 0


LAUFEND = {"laufend", "fortlaufend", "dauerhaft", "kontinuierlich", "ständig", "fortwährend",
           "regelmäßig", "jährlich"}


def end_of(text, kurzfristig_bis):
    """Sort key of a Terminierung text, written here from the documented forms
    (terminierung.h): 0 laufend, YYYYMMDD the last day of a dated period,
    99999999 empty or not understood."""
    t = text.strip().lower()
    if t in LAUFEND:
        return 0
    if t == "kurzfristig":
        return kurzfristig_bis * 10000 + 1231
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", t)
    if m:
        return int(m.group(3)) * 10000 + int(m.group(2)) * 100 + int(m.group(1))
    m = re.fullmatch(r"([12])\. halbjahr (\d{4})", t)
    if m:
        return int(m.group(2)) * 10000 + (630 if m.group(1) == "1" else 1231)
    m = re.fullmatch(r"(?:bis (?:ende )?)?(\d{4})", t)
    if m:
        return int(m.group(1)) * 10000 + 1231
    return 99999999


def expected_order(measures, termine, kurzfristig_bis):
    """The report order from the input alone: stable by the end of the period."""
    keyed = sorted(range(len(measures)), key=lambda i: end_of(termine[i], kurzfristig_bis))
    return [measures[i] for i in keyed]


if __name__ == "__main__":
    sys.exit(main())
