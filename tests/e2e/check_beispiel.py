"""check_beispiel.py — the shipped Wesermarsch sample through the default job:
assert, from the input files alone, what the outputs must show (used by
tests/e2e/test_sample.sh).

    /usr/bin/python3 tests/e2e/check_beispiel.py --out DIR --beispiel inputs/beispiele/wesermarsch \
        --fragebogen config/befragung/wesermarsch_verwaltung.ini --schwelle 3

  * Kennzahlen: the LSN csv rows of K03461 and of the Land (K030; from 2021
    without GeoCode, Gebietseinheit „Niedersachsen“) give the expected
    values of 1-1-1, 1-2-1, 2-3-1 and the computed Ausländeranteil (1-2-1 ÷
    1-1-1 × 100, 1 decimal) and Einbürgerungsquote (2-3-1 ÷ 1-2-1 × 100, 2
    decimals): in indikatoren.xlsx every year, in integrationsbericht.pdf and
    indikatoren.pdf the years of the table in German number format.
  * Rückmeldebögen: both returned forms read with openpyxl; per Kennung the
    report with the latest Stand (same Stand: the later file) must be the
    status, date and comment in massnahmen.xlsx, the comment also in the store; the
    rest „ohne Bericht“; the counts per Handlungsfeld in the chapter „Stand
    der Umsetzung“ of integrationsbericht.pdf.
  * Befragung: Rücklauf and, for one question, n and „keine Angabe“ counted
    in the answers file (cells shown as „.“ when 0 < count < schwelle) in
    befragung.pdf, befragung.xlsx and the report chapter.
Prints one "ok - …" / "not ok - …" line per check.
"""
import argparse
import configparser
import csv
import datetime
import glob
import os
import re
import sqlite3
import subprocess
from decimal import Decimal, ROUND_HALF_UP

import openpyxl

failures = 0


def check(cond, desc, detail=""):
    global failures
    print(("ok - " if cond else "not ok - ") + desc + ("" if cond or not detail else " (%s)" % (detail,)))
    if not cond:
        failures += 1


def deutsch(v, dez):
    """1234567.891, 1 → '1.234.567,9' (half up, like the report)."""
    q = Decimal(repr(v)).quantize(Decimal(1).scaleb(-dez), rounding=ROUND_HALF_UP)
    s = "{:,.{}f}".format(q, dez)
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def pdftext(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout


# ---------------------------------------------------------------- Kennzahlen
def lsn_reihe(beispiel, ind):
    """{'K03461': {year: value}, 'K030': {…}} from the csv."""
    out = {"K03461": {}, "K030": {}}
    with open(os.path.join(beispiel, "indicator_%s.csv" % ind), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            geo = r["GeoCode"].strip()
            if geo == "" and r["Gebietseinheit"].strip() == "Niedersachsen":
                geo = "K030"
            if geo in out:
                out[geo][int(r["Year"])] = float(r["Value"])
    return out


def erwartet(beispiel):
    """[(title prefix, dez, {area: {year: value}})] for the checked indicators."""
    kat = configparser.ConfigParser(interpolation=None)
    kat.read("config/katalog_niedersachsen.ini", encoding="utf-8")
    roh = {i: lsn_reihe(beispiel, i) for i in ("1-1-1", "1-2-1", "2-3-1")}

    def quote(z, n):
        return {g: {j: 100.0 * roh[z][g][j] / roh[n][g][j] for j in roh[z][g] if j in roh[n][g]} for g in roh[z]}
    werte = {"1-1-1": roh["1-1-1"], "1-2-1": roh["1-2-1"], "2-3-1": roh["2-3-1"],
             "auslaenderanteil": quote("1-2-1", "1-1-1"), "einbuergerungsquote": quote("2-3-1", "1-2-1")}
    return [(kat["indikator:" + i]["titel"], int(kat["indikator:" + i]["dezimalen"]), i, werte[i]) for i in werte]


def titel_von(zeile, titel):
    """True when a title row or heading is the indicator's title, alone, with its
    unit in brackets or cut off by a line break (short titles like „Bevölkerung“
    must not match „Bevölkerung & Demografie“)."""
    return zeile == titel or zeile.startswith(titel + " (") or (len(titel) >= 40 and zeile.startswith(titel))


def xlsx_tabelle(wb, titel):
    """{area name: {year: value}} of the table under the title row in indikatoren.xlsx."""
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        for i, r in enumerate(rows):
            if isinstance(r[0], str) and titel_von(r[0], titel):
                kopf = next(rows[k] for k in range(i + 1, i + 4) if rows[k][0] == "Gebiet")
                k = rows.index(kopf, i)
                out = {}
                for z in rows[k + 1:k + 4]:
                    if z[0] in ("Wesermarsch", "Niedersachsen"):
                        out[z[0]] = {j: z[c] for c, j in enumerate(kopf) if isinstance(j, int)}
                return out
    return None


def pdf_zeilen(text, titel):
    """{area: [cells]} and the years of the first table after the heading that starts with titel."""
    zeilen = text.splitlines()
    for i, z in enumerate(zeilen):
        if titel_von(re.sub(r"^[\d.]+\s+", "", z.strip()), titel[:40]):
            jahre, out = None, {}
            for w in zeilen[i + 1:i + 14]:
                t = w.split()
                if t[:1] == ["Gebiet"]:
                    jahre = [int(x) for x in t[1:] if re.fullmatch(r"\d{4}", x)]
                elif t[:1] and t[0] in ("Wesermarsch", "Niedersachsen") and jahre and t[0] not in out:
                    out[t[0]] = t[1:1 + len(jahre)]
            if jahre:
                return jahre, out
    return None, {}


def kennzahlen(out, beispiel):
    wb = openpyxl.load_workbook(os.path.join(out, "indikatoren.xlsx"), read_only=True)
    texte = {p: pdftext(os.path.join(out, p)) for p in ("integrationsbericht.pdf", "indikatoren.pdf")}
    namen = {"K03461": "Wesermarsch", "K030": "Niedersachsen"}
    for titel, dez, ind, werte in erwartet(beispiel):
        tab = xlsx_tabelle(wb, titel)
        check(tab is not None and set(tab) == {"Wesermarsch", "Niedersachsen"},
              "indikatoren.xlsx: %s mit Wesermarsch und Niedersachsen" % ind, tab and sorted(tab))
        if not tab or set(tab) != {"Wesermarsch", "Niedersachsen"}:
            continue
        for geo, name in namen.items():
            got = {j: v for j, v in tab[name].items() if isinstance(v, (int, float))}
            want = werte[geo]
            ok = sorted(got) == sorted(want) and all(abs(got[j] - want[j]) <= 0.5 * 10 ** -dez + 1e-9 for j in want)
            check(ok, "indikatoren.xlsx: %s %s alle %d Jahre wie in indicator-CSV" % (ind, name, len(want)),
                  "%s / %s" % (sorted(got.items())[-2:], sorted(want.items())[-2:]))
        for pdf, text in texte.items():
            jahre, zeilen = pdf_zeilen(text, titel)
            for geo, name in namen.items():
                if ind in ("1-1-1", "1-2-1") and geo == "K030":
                    continue        # 7-digit counts wrap inside their cells: checked in the XLSX only
                want = [deutsch(werte[geo][j], dez) for j in (jahre or [])]
                check(jahre and zeilen.get(name) == want,
                      "%s: %s %s %s wie im Eingang (%s)" % (pdf, ind, name, jahre and "%d–%d" % (jahre[0], jahre[-1]),
                                                          " ".join(want)), zeilen.get(name))


# ---------------------------------------------------------------- Rückmeldebögen
def meldungen(beispiel):
    """Kennung → (stand, status, kommentar, handlungsfeld) of the latest report in the returned forms."""
    neu, hf = {}, {}
    for nr, p in enumerate(sorted(glob.glob(os.path.join(beispiel, "rueckmeldebogen_*.xlsx")))):
        ws = openpyxl.load_workbook(p).worksheets[0]
        kopf = [c.value for c in ws[6]]
        sp = {n: kopf.index(n) for n in ("Kennung", "Handlungsfeld", "Status", "Stand", "Kommentar")}
        for r in ws.iter_rows(min_row=7, values_only=True):
            hf[r[sp["Kennung"]]] = r[sp["Handlungsfeld"]]
            if not r[sp["Status"]]:
                continue
            stand = r[sp["Stand"]].date()
            k = r[sp["Kennung"]]
            if k not in neu or (stand, nr) >= neu[k][0]:
                neu[k] = ((stand, nr), r[sp["Status"]], r[sp["Kommentar"]] or "")
    return {k: (v[0][0], v[1], v[2]) for k, v in neu.items()}, hf


def statusberichte(out, beispiel):
    neu, hf = meldungen(beispiel)
    check(len(glob.glob(os.path.join(beispiel, "rueckmeldebogen_*.xlsx"))) == 2 and len(neu) > 50,
          "zwei Rückmeldebögen mit Meldungen (%d Maßnahmen gemeldet)" % len(neu))
    ws = openpyxl.load_workbook(os.path.join(out, "massnahmen.xlsx"), read_only=True)["Maßnahmen"]
    rows = list(ws.iter_rows(values_only=True))
    c = {n: rows[0].index(n) for n in ("Kennung", "Status", "Stand")}
    got = {r[c["Kennung"]]: (r[c["Status"]], r[c["Stand"]] and r[c["Stand"]].date()) for r in rows[1:]}
    want = {k: (neu[k][1], neu[k][0]) if k in neu else ("ohne Bericht", None) for k in got}
    falsch = [k for k in got if got[k] != want[k]]
    check(len(got) == 119 and not falsch, "massnahmen.xlsx: Status und Stand aller 119 Maßnahmen wie im jüngsten Bogen",
          falsch[:3] and [(k, got[k], want[k]) for k in falsch[:3]])
    k = rows[0].index("Kommentar") if "Kommentar" in rows[0] else None
    kom = {r[c["Kennung"]]: r[k] or "" for r in rows[1:]} if k is not None else {}
    check(k is not None and all(kom[x] == (neu[x][2] if x in neu else "") for x in kom),
          "massnahmen.xlsx: Kommentar des jüngsten Bogens je Maßnahme")
    db = sqlite3.connect(os.path.join(out, "ibericht.sqlite"))
    store = dict(db.execute("SELECT m.kennung, coalesce(s.kommentar, '') FROM massnahme_status s"
                            " JOIN massnahme m ON m.id = s.massnahme_id WHERE s.status IS NOT NULL"))
    mit = [k for k in neu if neu[k][2]]
    check(len(mit) > 30 and all(store.get(k) == neu[k][2] for k in neu),
          "Kommentare der Bögen je Maßnahme im Datenbestand (%d mit Kommentar)" % len(mit))
    # chapter „Stand der Umsetzung“: counts per Handlungsfeld
    spalten = ["geplant", "in Umsetzung", "umgesetzt", "verzögert", "entfallen"]
    zaehl = {}
    for k, h in hf.items():
        z = zaehl.setdefault(h, [0] * 8)
        z[0] += 1
        st = neu[k][1] if k in neu else None
        z[1 + spalten.index(st) if st else 6] += 1
    text = pdftext(os.path.join(out, "integrationsbericht.pdf"))
    kap = text[text.index("\nStand der Umsetzung\n"):]
    kap = kap[:kap.index("Überfällig:")]
    tupel = sorted(tuple(int(x) for x in re.findall(r"\d+", z)[-8:]) for z in kap.splitlines()
                   if re.search(r"(\s+\d+){8}\s*$", z))
    erw = sorted(tuple(z[:7] + [0]) for z in zaehl.values())
    check(tupel == erw, "Integrationsbericht „Stand der Umsetzung“: je Handlungsfeld Anzahl und Status wie in den Bögen",
          "%s / %s" % (tupel, erw))


# ---------------------------------------------------------------- Befragung
def befragung(out, beispiel, fragebogen, schwelle):
    fb = configparser.ConfigParser(interpolation=None)
    fb.read(fragebogen, encoding="utf-8")
    befragt = int(fb["ruecklauf"]["befragt_anzahl"])
    fehl = {w.strip().lower() for w in fb["ruecklauf"]["fehlanzeige"].split(",")}
    codes = [c.strip() for c in fb["abschnitt A2"]["fragen"].split(",")]
    with open(os.path.join(beispiel, "befragung_wesermarsch_verwaltung.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    antw = [r for r in rows if any(r[c].strip() and r[c].strip().rstrip(".").lower() not in fehl for c in codes)]
    n_fehl = len(rows) - len(antw)
    satz = "%d von %d Fachdiensten geantwortet, %d Fehlanzeigen, %d ohne Rückmeldung" % (
        len(antw), befragt, n_fehl, befragt - len(rows))
    bp = pdftext(os.path.join(out, "befragung.pdf"))
    check(satz in bp, "befragung.pdf: Rücklauf „%s“ (aus Antwortdatei und Fragebogen)" % satz)

    def zeige(v):
        return "." if 0 < v < schwelle else deutsch(v, 0)
    code = "A2.4"
    n = sum(1 for r in rows if r[code].strip())
    ka = len(rows) - n
    erw = "n = %s gültige Antworten (keine Angabe: %s)" % (zeige(n), zeige(ka))
    check(erw in bp, "befragung.pdf: %s %s" % (code, erw))
    wb = openpyxl.load_workbook(os.path.join(out, "befragung.xlsx"), read_only=True)
    zellen = [str(v) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for v in r if v is not None]
    check(any(z.startswith(code + "  ") for z in zellen) and erw in zellen,
          "befragung.xlsx: %s mit „%s“" % (code, erw))
    text = pdftext(os.path.join(out, "integrationsbericht.pdf"))
    check(erw in text, "Integrationsbericht: %s %s (Kapitel Befragung)" % (code, erw))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--beispiel", required=True)
    ap.add_argument("--fragebogen", required=True)
    ap.add_argument("--schwelle", type=int, default=3)
    a = ap.parse_args()
    kennzahlen(a.out, a.beispiel)
    statusberichte(a.out, a.beispiel)
    befragung(a.out, a.beispiel, a.fragebogen, a.schwelle)


if __name__ == "__main__":
    main()
