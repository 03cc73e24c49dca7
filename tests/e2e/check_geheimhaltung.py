#!/usr/bin/python3
"""check_geheimhaltung.py — tries to recover every suppressed cell from every output.

    /usr/bin/python3 check_geheimhaltung.py OUT CSV_DIR KATALOG

The truth comes from the delivered CSV files (Open SDG, read with Python's csv
module), the thresholds from the test catalogue (read with configparser).  A
cell is *secret* when it is a count of a protected dataset (used as counts
by an indicator with schwelle > 0) with 0 < n < schwelle.  The attacker
reads every output a committee gets — indikatoren.xlsx (all sheets, every
cell), indikatoren.pdf, integrationsbericht*.pdf (pdftotext -layout) — and
collects every number it can place (dataset, area, year, Merkmale, unit).
Then it applies every relation that holds in the input data:
  - area hierarchy of the AGS codes (Land = Regionen, Region = Kreise, …),
    used only where the sum holds exactly in the CSV;
  - Geschlecht: insgesamt = männlich + weiblich (likewise checked);
  - a rate × its published denominator gives the numerator;
repeating until nothing new is learnt.  Every check prints ok/not ok.
"""
import configparser
import csv
import glob
import os
import re
import subprocess
import sys

import openpyxl

out, csvdir, katalog_pfad = sys.argv[1:4]
failed = 0


def ok(cond, desc):
    global failed
    print(("ok - " if cond else "not ok - ") + desc)
    failed += 0 if cond else 1


# ---- the truth -----------------------------------------------------------------------------
def ags(code):
    """normalised area code as the report uses it (RH03354 → K03354, the documented rule)"""
    m = re.fullmatch(r"[A-Za-z]{1,3}(\d{2,12})", code or "")
    return "K" + m.group(1) if m else code


truth = {}        # (ds, area, year, merkmale, unit) → value
names = {}
for ds, extra in (("1-1-1", []), ("1-2-1", []), ("2-1-1", ["Geschlecht", "Kategorie"])):
    with open(os.path.join(csvdir, f"indicator_{ds}.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if not r["Value"] or not r.get("GeoCode"):
                continue
            area = ags(r["GeoCode"])
            names[area] = r["Gebietseinheit"]
            merk = "|".join(f"{k}={r[k]}" for k in sorted(extra))
            truth[(ds, area, int(r["Year"]), merk, r.get("Units", ""))] = float(r["Value"])

k = configparser.ConfigParser(interpolation=None)
k.read(katalog_pfad, encoding="utf-8")
schwelle = {}     # protected dataset → threshold (largest of its count users)
einheit = {}
for sec in k.sections():
    if not sec.startswith("indikator:"):
        continue
    s = k[sec]
    uses = {"anzahl": ["wert"], "anteil": ["zaehler", "nenner"]}.get(s["art"], [])
    for key in uses:
        ds = s[key]
        schwelle[ds] = max(schwelle.get(ds, 0), int(s.get("schwelle", "3")))
        flt = s.get(key + "_filter", "")
        einheit[ds] = "Anzahl" if "Einheit=Anzahl" in flt else ""


def zaehlzelle(key):
    ds, _, _, _, unit = key
    return ds in schwelle and unit == einheit[ds]


secret = {key for key, v in truth.items() if zaehlzelle(key) and 0 < v < schwelle[key[0]]}
ok(len(secret) >= 50, f"die Eingaben haben kleine Fallzahlen unter der Schwelle ({len(secret)} Zellen)")

# ---- what the outputs publish ---------------------------------------------------------------
known = {}        # key → (value, where)
shown_symbol = set()


def learn(key, value, where):
    if key not in truth or value is None:
        return
    known.setdefault(key, (float(value), where))


indicators = {}   # id → (ds, merkmale, unit) of an anzahl, or ("rate", zaehler ds, nenner ds)
titles = {}
for sec in k.sections():
    if sec.startswith("indikator:"):
        s, iid = k[sec], sec.split(":", 1)[1]
        titles[s["titel"]] = iid
        if s["art"] == "anzahl":
            flt = [p for p in s.get("wert_filter", "").split("|") if p and not p.startswith("Einheit=")]
            indicators[iid] = (s["wert"], "|".join(sorted(flt)), einheit[s["wert"]])
        else:
            indicators[iid] = ("rate", s["zaehler"], s["nenner"])


def learn_indicator(iid, area, year, value, where, zaehler=None, nenner=None):
    spec = indicators[iid]
    if spec[0] == "rate":
        if zaehler is not None:
            learn((spec[1], area, year, "", ""), zaehler, where)
        if nenner is not None:
            learn((spec[2], area, year, "", ""), nenner, where)
        rates.append((spec, area, year, value, where))
    else:
        learn((spec[0], area, year, spec[1], spec[2]), value, where)


rates = []
wb = openpyxl.load_workbook(os.path.join(out, "indikatoren.xlsx"))
daten_punkte = 0
for r in wb["Daten"].iter_rows(min_row=2, values_only=True):
    ds, jahr, gebiet, _, merk, unit, wert, zeichen = r[:8]
    key = (ds, gebiet, int(jahr), merk or "", unit or "")
    if isinstance(wert, (int, float)):
        learn(key, wert, "Daten")
    elif zeichen == ".":
        shown_symbol.add(key)
    daten_punkte += 1
for r in wb["Werte"].iter_rows(min_row=2, values_only=True):
    iid, gebiet, _, jahr, wert, _, _, zaehler, nenner = r[:9]
    if iid in indicators and isinstance(wert, (int, float)):
        learn_indicator(iid, gebiet, int(jahr), wert, "Werte", zaehler, nenner)
name_to_area = {}
for a in ("K03354", "K033", "K030", "K03462"):
    name_to_area[names[a]] = a
# every sheet: tables „Gebiet | years“ under an indicator title
for ws in wb.worksheets:
    if ws.title in ("Daten", "Werte"):
        continue
    cur, years = None, []
    for row in ws.iter_rows(values_only=True):
        first = row[0] if row else None
        if isinstance(first, str):
            t = re.sub(r" \(.*\)$", "", first)
            if t in titles:
                cur, years = titles[t], []
            elif first == "Gebiet":
                years = [c for c in row[1:] if isinstance(c, (int, float))]
            elif first in name_to_area and cur and years:
                for y, c in zip(years, row[1:]):
                    if isinstance(c, (int, float)):
                        learn_indicator(cur, name_to_area[first], int(y), c, f"{ws.title}")
pdfs = sorted(glob.glob(os.path.join(out, "*.pdf")))
pdf_tables = 0


def zahl(tok):
    """a whole German number („1.045.140“, „8,4“); a cell broken over two lines („1.045.“) is none"""
    if not re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?", tok):
        return None
    tok = tok.replace(".", "").replace(",", ".")
    try:
        return float(tok)
    except ValueError:
        return None


for p in pdfs:
    text = subprocess.run(["pdftotext", "-layout", p, "-"], capture_output=True, text=True).stdout
    cur, years = None, []
    for line in text.splitlines():
        s = line.strip()
        t = re.sub(r" \(.*\)$", "", re.sub(r"^\d+(\.\d+)*\s+", "", s))   # „1.1  Titel (Einheit)“
        if t in titles:
            cur, years = titles[t], []
            continue
        toks = s.split()
        if toks[:1] == ["Gebiet"]:
            years = [int(x) for x in toks[1:] if re.fullmatch(r"\d{4}", x)]
            continue
        for name, area in name_to_area.items():
            head = name.split()[0]
            if cur and years and s.startswith(head):
                rest = s[len(name):] if s.startswith(name) else s[len(" ".join(name.split()[:2])):]
                cells = rest.split()[:len(years)]
                pdf_tables += 1
                for y, c in zip(years, cells):
                    v = zahl(c)
                    if v is not None:
                        learn_indicator(cur, area, y, v, os.path.basename(p))
                break
ok(len(pdfs) >= 4 and pdf_tables >= 20, f"{len(pdfs)} PDF-Ausgaben, {pdf_tables} Tabellenzeilen gelesen")

# ---- direct: a secret cell printed anywhere ---------------------------------------------------
direct = sorted(key for key in secret if key in known)
ok(not direct, f"keine kleine Fallzahl steht in einer Ausgabe ({len(direct)} gefunden, z. B. "
   f"{[(k_, known[k_]) for k_ in direct[:3]]})")
symbols = [key for key in secret if key in shown_symbol]
ok(len(symbols) == len([key for key in secret if key[1] and key[1].startswith("K")]) and symbols,
   f"jede kleine Fallzahl steht im Blatt Daten als „.“ ({len(symbols)} von {len(secret)})")

# ---- relations that hold in the input ---------------------------------------------------------
lines = []        # (total key, [part keys])
by_cell = {}
for key in truth:
    by_cell.setdefault((key[0], key[2], key[3], key[4]), set()).add(key[1])


def land(code):
    d = code[1:]
    return code[:3] if len(d) == 3 and d.endswith("0") else code


for (ds, year, merk, unit), areas in by_cell.items():
    if not zaehlzelle((ds, "", year, merk, unit)):
        continue
    codes = [a for a in areas if re.fullmatch(r"K\d{2,12}", a)]
    parent = {}
    for c in codes:
        cands = [p for p in codes if p != c and c.startswith(land(p)) and len(land(p)) < len(c)]
        if cands:
            parent[c] = max(cands, key=lambda p: len(land(p)))
    for p in set(parent.values()):
        parts = [c for c in parent if parent[c] == p]
        tk = (ds, p, year, merk, unit)
        pk = [(ds, c, year, merk, unit) for c in parts]
        if abs(truth[tk] - sum(truth[x] for x in pk)) < 1e-6:
            lines.append((tk, pk))
for key in truth:
    ds, area, year, merk, unit = key
    if zaehlzelle(key) and "Geschlecht=insgesamt" in merk:
        pk = [(ds, area, year, merk.replace("insgesamt", g), unit) for g in ("männlich", "weiblich")]
        if all(p in truth for p in pk) and abs(truth[key] - sum(truth[p] for p in pk)) < 1e-6:
            lines.append((key, pk))
ok(len(lines) >= 500, f"{len(lines)} Summenbeziehungen gelten in den Eingaben (Gebiete, Geschlecht)")

recovered = {}
changed = True
while changed:
    changed = False
    for tk, pk in lines:
        cells = [tk] + pk
        unknown = [c for c in cells if c not in known and c not in recovered]
        if len(unknown) != 1:
            continue
        val = lambda c: known[c][0] if c in known else recovered[c]
        u = unknown[0]
        v = sum(val(c) for c in pk if c != u) if u == tk else val(tk) - sum(val(c) for c in pk if c != u)
        recovered[u] = v
        changed = True
    for spec, area, year, rate, where in rates:
        zk, nk = (spec[1], area, year, "", ""), (spec[2], area, year, "", "")
        if zk not in known and zk not in recovered and nk in known:
            recovered[zk] = rate * known[nk][0] / 100
            changed = True
        if nk not in known and nk not in recovered and zk in known and rate:
            recovered[nk] = known[zk][0] * 100 / rate
            changed = True
hits = sorted(c for c in recovered if c in secret and abs(recovered[c] - truth[c]) < 0.5)
ok(not hits, f"keine kleine Fallzahl aus Summen, Gruppen oder Quoten rückrechenbar ({len(hits)}, z. B. "
   f"{[(h, truth[h]) for h in hits[:3]]})")
supp = [c for c in shown_symbol if c in truth]
hits2 = sorted(c for c in recovered if c in shown_symbol and abs(recovered[c] - truth[c]) < 0.5)
ok(supp and not hits2, f"keine der {len(supp)} gesperrten Zellen (auch sekundäre) rückrechenbar "
   f"({len(hits2)}, z. B. {hits2[:3]})")
sys.exit(1 if failed else 0)
