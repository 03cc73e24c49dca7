"""check_befragung.py — read the survey outputs (befragung.xlsx, befragung.pdf)
with real readers and compare them with numbers computed here, independently
of ibericht, from the answer file and the questionnaire (used by
tests/e2e/test_befragung.sh).

    /usr/bin/python3 tests/e2e/check_befragung.py --out DIR --csv ANSWERS.csv \
        --fragebogen config/befragung/wesel.ini [--kreuz I.7] [--freitexte]

The expected numbers follow the documented rules (README „Befragungen“,
pipeline/lib/befragung.h), not ibericht's code: a question is asked when it
has no filter or the filter question was answered with one of the filter
options; „no answer“ is an empty cell or a value of [antworten] fehlend; a
multiple-response question is answered when any of its 0/1 cells is filled;
counts 1 and 2 (below the threshold 3) are never printed — only „.“.

PDF: qpdf --check, pdfinfo, pdffonts (embedded DejaVu subsets), pdftotext -layout (the
Rücklauf table first; per question n, counts and shares in German notation,
„.“ for small cells with the legend line, the Likert legend, umlauts).
XLSX: openpyxl (sheets, tables, codebook, cross-tabulation, open answers)
and the chart parts of the package.  Prints one "ok - …" or "not ok - …"
line per check.
"""
import argparse
import configparser
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


def de(x, decimals):
    """German notation as format_zahl writes it: 1.234,5 (round half away from zero)."""
    q = 10 ** decimals
    v = int(abs(x) * q + 0.5 + 1e-9) / q
    s = f"{v:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return ("-" if x < 0 and v else "") + s


# ---- the questionnaire ---------------------------------------------------------------

def unquote(x):
    x = x.strip()
    return x[1:-1] if len(x) >= 2 and x[0] == x[-1] and x[0] in "\"'" else x


def fragebogen(path):
    cp = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=None, strict=True)
    cp.optionxform = str.lower
    with open(path, encoding="utf-8") as f:
        cp.read_file(f)
    v = lambda s, k, d="": unquote(cp.get(s, k, fallback=d))
    fehlend = {x.strip() for x in v("antworten", "fehlend").split(",") if x.strip()}
    fragen = []
    for ab in [a.strip() for a in v("fragebogen", "abschnitte").split(",")]:
        sec_pers = v("abschnitt " + ab, "personenbezogen", "nein") == "ja"
        for code in [c.strip() for c in v("abschnitt " + ab, "fragen").split(",")]:
            s = "frage " + code
            opts = sorted((int(k[6:]), v(s, k)) for k in cp[s] if k.startswith("option") and k[6:].isdigit())
            typ = v(s, "typ")
            if typ == "janein" and not opts:
                opts = [(1, "Ja"), (2, "Nein")]
            filt = v(s, "filter")
            fq, fo = None, None
            if filt:
                fq, rest = filt.split(" in ", 1)
                fo = [x.strip() for x in rest.split(",")]
            pers = v(s, "personenbezogen", "ja" if sec_pers else "nein") == "ja"
            fragen.append({"code": code, "abschnitt": ab, "typ": typ, "text": v(s, "text"),
                           "opts": [(str(k), t) for k, t in opts], "filter": (fq, fo), "pers": pers,
                           "intervall": v(s, "intervall", "nein") == "ja"})
    return fragen, fehlend


# ---- expected numbers ----------------------------------------------------------------

class Auswertung:
    def __init__(self, fragen, fehlend, rows):
        self.q = {f["code"]: f for f in fragen}
        self.fragen = fragen
        self.fehlend = fehlend
        self.rows = rows

    def leer(self, v):
        return v is None or v.strip() == "" or v.strip() in self.fehlend

    def antwort(self, r, code):
        """set of chosen option codes, or None when not answered"""
        q = self.q[code]
        if q["typ"] == "multi":
            cells = [r.get(f"{code}.{k}", "") for k, _ in q["opts"]]
            if all(self.leer(c) for c in cells):
                return None
            return {k for (k, _), c in zip(q["opts"], cells) if c.strip() == "1"}
        v = r.get(code, "")
        if self.leer(v):
            return None
        if q["typ"] in ("text", "zahl"):
            return {v.strip()}
        return {v.strip()}

    def gefragt(self, r, code):
        fq, fo = self.q[code]["filter"]
        if not fq:
            return True
        if not self.gefragt(r, fq):
            return False
        a = self.antwort(r, fq)
        if a is None:
            return False
        codes = {k for k, t in self.q[fq]["opts"] if t.lower() in [x.lower() for x in fo] or k in fo}
        return bool(a & codes)

    def haeufigkeit(self, code):
        q = self.q[code]
        n, cnt, nicht_gefragt, fehlend = 0, {k: 0 for k, _ in q["opts"]}, 0, 0
        werte = []
        for r in self.rows:
            if not self.gefragt(r, code):
                nicht_gefragt += 1
                continue
            a = self.antwort(r, code)
            if a is None:
                fehlend += 1
                continue
            n += 1
            for k in a:
                if k in cnt:
                    cnt[k] += 1
                    werte.append(int(k))
        return {"n": n, "cnt": cnt, "ticks": sum(cnt.values()), "werte": werte,
                "nicht_gefragt": nicht_gefragt, "fehlend": fehlend}


def klein(c):
    return 0 < c < 3


# ---- PDF ------------------------------------------------------------------------------

def pdf_checks(pdf, a, kreuz, freitexte):
    check(run("qpdf", "--check", pdf).returncode == 0, "PDF besteht qpdf --check")
    info = run("pdfinfo", pdf).stdout
    check("Title:" in info and "Befragung" in info, "pdfinfo: Titel gesetzt", info[:200])
    check(re.search(r"Page size:\s+595(\.\d+)? x 841", info) is not None, "PDF ist A4 hochkant")
    fonts = schrift_probleme(pdf)
    check(not fonts, "alle Schriften eingebettet, Teilmengen von DejaVu", "; ".join(fonts))
    text = run("pdftotext", "-layout", pdf, "-").stdout
    lines = text.splitlines()

    # the Rücklauf table comes first
    i_rl = next((i for i, l in enumerate(lines) if l.strip() == "Rücklauf"), None)
    i_aus = next((i for i, l in enumerate(lines) if re.match(r"\s*Antwortbögen ausgewertet\s+", l)), None)
    evaluated = [f for f in a.fragen if not f["pers"]]
    first = evaluated[0]
    i_q1 = next((i for i, l in enumerate(lines) if re.match(r"\s*" + re.escape(first["code"]) + r"\s+\S", l)), None)
    check(None not in (i_rl, i_aus, i_q1) and i_rl < i_aus < i_q1,
          "PDF: Rücklauf-Tabelle vor der ersten Frage", f"{i_rl} {i_aus} {i_q1}")
    check(i_aus is not None and re.search(r"ausgewertet\s+" + de(len(a.rows), 0) + r"\s*$", lines[i_aus]) is not None,
          f"PDF: Rücklauf nennt {len(a.rows)} ausgewertete Antwortbögen", lines[i_aus] if i_aus else "")

    # per question: its block between its heading and the next one
    def heading(f):
        first_word = f["text"].split()[0]
        rx = re.compile(r"^\s*" + re.escape(f["code"]) + r"\s+" + re.escape(first_word))
        return next((i for i, l in enumerate(lines) if rx.match(l)), None)
    starts = [(heading(f), f) for f in evaluated]
    check(all(s is not None for s, _ in starts), "PDF: jede ausgewertete Frage hat ihre Überschrift",
          [f["code"] for s, f in starts if s is None])
    blocks = {}
    for k, (s, f) in enumerate(starts):
        if s is None:
            continue
        e = next((t for t, _ in starts[k + 1:] if t is not None), len(lines))
        blocks[f["code"]] = lines[s:e]

    geprueft = klein_geprueft = 0
    for f in evaluated:
        if f["typ"] in ("text", "zahl") or f["code"] not in blocks:
            continue
        h = a.haeufigkeit(f["code"])
        blk = blocks[f["code"]]
        joined = "\n".join(blk)
        nline = next((l for l in blk if "gültige Antworten" in l), "")
        if h["n"] >= 3:
            check(re.search(r"n = " + re.escape(de(h["n"], 0)) + r" gültige Antworten", nline) is not None,
                  f"PDF {f['code']}: n = {h['n']}", nline.strip())
        for k, t in f["opts"]:
            if len(t) > 50:
                continue
            c = h["cnt"][k]
            m = next((re.match(r"^\s*" + re.escape(t) + r"\s{2,}(\S+)\s+(\S+)", l) for l in blk
                      if re.match(r"^\s*" + re.escape(t) + r"\s{2,}\S", l)), None)
            if not m:
                check(False, f"PDF {f['code']}: Zeile „{t}“ gefunden")
                continue
            shown, share = m.group(1), m.group(2)
            if klein(c):
                klein_geprueft += 1
                check(shown == "." and share == ".", f"PDF {f['code']} „{t}“: kleine Zahl ({c}) als „.“",
                      f"{shown} {share}")
            elif shown != ".":
                geprueft += 1
                want = "–" if c == 0 else de(c, 0)
                want_share = "–" if c == 0 else de(100.0 * c / h["n"], 1)
                check(shown == want and share == want_share,
                      f"PDF {f['code']} „{t}“: {want} ({want_share} %)", f"{shown} {share}")
        if any(klein(c) for c in h["cnt"].values()):
            check("Zeichenerklärung: . = Zahlenwert unbekannt oder geheim zu halten" in joined,
                  f"PDF {f['code']}: Legende unter der Tabelle mit „.“")
        if f["typ"] == "likert":
            steps = [t for _, t in f["opts"]]
            legend = any(sum(1 for t in steps if re.search(r"(^|\s)" + re.escape(t) + r"(\s|$)", l)) >= len(steps) - 1
                         and len(steps) >= 3 for l in blk)
            check(legend, f"PDF {f['code']}: Legende des gestapelten Likert-Balkens mit den Skalenstufen")
    check(geprueft > 100, f"PDF: {geprueft} Zahlen mit der unabhängigen Auszählung verglichen")
    check(klein_geprueft >= 3, f"PDF: {klein_geprueft} kleine Zahlen unterdrückt")

    # Likert statistics of III.1 and VI.9.2 (if in the questionnaire)
    for code in ("III.1", "VI.9.2"):
        if code not in blocks:
            continue
        f, h = a.q[code], a.haeufigkeit(code)
        t2 = h["cnt"][f["opts"][-1][0]] + h["cnt"][f["opts"][-2][0]]
        line = next((l for l in blocks[code] if "Top-2" in l), "")
        if not klein(t2):
            check(re.search(r"Top-2.*\s" + de(t2, 0) + r"\s+" + re.escape(de(100.0 * t2 / h["n"], 1)), line) is not None,
                  f"PDF {code}: Top-2-Box {t2} ({de(100.0 * t2 / h['n'], 1)} %)", line.strip())
        if f["intervall"] and not any(klein(c) for c in h["cnt"].values()):
            mean = sum(h["werte"]) / len(h["werte"])
            line = next((l for l in blocks[code] if l.strip().startswith("Mittelwert")), "")
            check(line.strip().endswith(de(mean, 2)), f"PDF {code}: Mittelwert {de(mean, 2)}", line.strip())

    # umlauts and typography, byte for byte
    flat = squeeze(text)
    for phrase in ("Rücklauf", "Freier Träger im Sozialbereich", "Mädchen/ Frauen", "Förderung des Ehrenamts",
                   "„gut“ oder „sehr gut“", "Menschen mit Flucht-/ Migrationshintergrund", "Kindergarten/ -tagesstätte"):
        if squeeze(phrase) in squeeze(" ".join(f["text"] + " " + " ".join(t for _, t in f["opts"]) for f in a.fragen)) \
                or phrase in ("Rücklauf", "„gut“ oder „sehr gut“"):
            check(squeeze(phrase) in flat, f"PDF-Text enthält „{phrase}“ byte-genau")
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    check(all(f"Seite {p} von {pages}" in text for p in range(1, pages + 1)), f"„Seite x von {pages}“ auf jeder Seite")
    if kreuz:
        check(f"Anhang: Kreuztabellen nach {kreuz}" in text, "PDF: Anhang mit den Kreuztabellen")
    check(("Anhang: Offene Antworten" in text) == freitexte,
          "PDF: Anhang „Offene Antworten“ genau dann, wenn [befragung] freitexte = ja")
    return text


# ---- XLSX -----------------------------------------------------------------------------

def xlsx_checks(path, a, kreuz, freitexte):
    wb = openpyxl.load_workbook(path)
    sheets = wb.sheetnames
    sections = []
    for f in a.fragen:
        if not f["pers"] and f["abschnitt"] not in sections:
            sections.append(f["abschnitt"])
    want = ["Rücklauf"] + [f"Abschnitt {s}" for s in sections] + (["Kreuztabellen"] if kreuz else []) + \
           (["Freitexte"] if freitexte else []) + ["Codebuch"]
    check(sheets == want, "XLSX: Blätter Rücklauf, je Abschnitt eines, Kreuztabellen, Freitexte, Codebuch", sheets)
    rl = {r[0]: r[1] for r in wb["Rücklauf"].iter_rows(values_only=True) if r[0]}
    check(rl.get("Antwortbögen ausgewertet") == len(a.rows), "XLSX Rücklauf: ausgewertete Antwortbögen",
          rl.get("Antwortbögen ausgewertet"))

    geprueft = 0
    for f in a.fragen:
        if f["pers"] or f["typ"] in ("text", "zahl"):
            continue
        ws = wb[f"Abschnitt {f['abschnitt']}"]
        rows = list(ws.iter_rows(values_only=True))
        start = next((i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith(f["code"] + "  ")), None)
        if start is None:
            check(False, f"XLSX {f['code']}: Frage auf Blatt Abschnitt {f['abschnitt']}")
            continue
        head = next(i for i in range(start, len(rows)) if rows[i][0] in ("Antwort", "Skalenstufe"))
        h = a.haeufigkeit(f["code"])
        ok = True
        detail = []
        for j, (k, t) in enumerate(f["opts"]):
            r = rows[head + 1 + j]
            c = h["cnt"][k]
            if r[0] != t:
                ok = False
                detail.append(f"Text {r[0]!r} ≠ {t!r}")
            elif klein(c):
                ok &= r[1] == "." and r[2] == "."
                if not (r[1] == "." and r[2] == "."):
                    detail.append(f"{t}: {r[1]} statt .")
            elif r[1] != ".":
                geprueft += 1
                good = r[1] == c and abs(r[2] - 100.0 * c / h["n"]) < 1e-9
                if f["typ"] == "multi":
                    good &= abs(r[3] - 100.0 * c / h["ticks"]) < 1e-9
                ok &= good
                if not good:
                    detail.append(f"{t}: {r[1:4]} statt {c}")
        nrow = rows[head + 1 + len(f["opts"])]
        if h["n"] >= 3:
            ok &= nrow[1] == h["n"]
        check(ok, f"XLSX {f['code']}: Anzahlen und Anteile wie unabhängig gezählt (n = {h['n']})", "; ".join(detail))
    check(geprueft > 100, f"XLSX: {geprueft} Zahlen verglichen")

    # one native chart per question with options
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
        stacked = sum(1 for n in charts if b'<c:grouping val="percentStacked"/>' in z.read(n))
    nchoice = sum(1 for f in a.fragen if not f["pers"] and f["typ"] not in ("text", "zahl"))
    nlikert = sum(1 for f in a.fragen if not f["pers"] and f["typ"] == "likert")
    check(len(charts) == nchoice, f"XLSX: {nchoice} Diagramme, eines je Frage mit Antwortoptionen", len(charts))
    check(stacked == nlikert, f"XLSX: {nlikert} Likert-Diagramme als gestapelte 100-%-Balken", stacked)

    # codebook
    cb = list(wb["Codebuch"].iter_rows(min_row=2, values_only=True))
    check([r[1] for r in cb] == [f["code"] for f in a.fragen], "Codebuch: jede Frage in Fragebogen-Reihenfolge")
    pers = {r[1] for r in cb if r[6] and r[6].startswith("personenbezogen")}
    check(pers == {f["code"] for f in a.fragen if f["pers"]}, "Codebuch: personenbezogene Fragen gekennzeichnet", pers)
    for f in a.fragen:
        row = next(r for r in cb if r[1] == f["code"])
        if f["opts"] and f["typ"] != "janein":
            k, t = f["opts"][-1]
            check(f"{k} = {t}" in (row[4] or ""), f"Codebuch {f['code']}: Option „{k} = {t}“")
            break
    filt = [f for f in a.fragen if f["filter"][0]]
    for f in filt[:2]:
        row = next(r for r in cb if r[1] == f["code"])
        check(row[5] and row[5].startswith(f["filter"][0] + " in "), f"Codebuch {f['code']}: Filter „{row[5]}“")

    # cross-tabulation: every non-personal choice question by the variable
    if kreuz:
        ws = wb["Kreuztabellen"]
        rows = list(ws.iter_rows(values_only=True))
        var = a.q[kreuz]
        for code in [f["code"] for f in a.fragen if not f["pers"] and f["typ"] in ("janein", "single")][:3]:
            q = a.q[code]
            start = next((i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith(code + "  ")), None)
            if start is None:
                check(False, f"Kreuztabelle {code}")
                continue
            ok, detail = True, []
            for i, (k, t) in enumerate(q["opts"]):
                r = rows[start + 2 + i]
                for j, (kv, tv) in enumerate(var["opts"]):
                    c = sum(1 for x in a.rows if a.gefragt(x, code) and a.gefragt(x, kreuz)
                            and (a.antwort(x, code) or set()) == {k} and a.antwort(x, kreuz) is not None
                            and kv in a.antwort(x, kreuz))
                    cell = r[1 + j]
                    if klein(c):
                        ok &= cell == "."
                    elif cell != ".":
                        ok &= cell == c
                    if (klein(c) and cell != ".") or (cell != "." and not klein(c) and cell != c):
                        detail.append(f"{t}×{tv}: {cell} statt {c}")
            check(ok, f"Kreuztabelle {code} × {kreuz}: Zellen wie unabhängig gezählt", "; ".join(detail))
    if freitexte:
        ft = list(wb["Freitexte"].iter_rows(min_row=2, values_only=True))
        for f in a.fragen:
            if f["typ"] == "text" and not f["pers"]:
                n = sum(1 for r in a.rows if a.gefragt(r, f["code"]) and not a.leer(r.get(f["code"])))
                got = sum(1 for r in ft if r[0] == f["code"])
                check(got == n, f"Freitexte {f['code']}: {n} Antworten", got)
    return wb


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--fragebogen", required=True)
    ap.add_argument("--kreuz")
    ap.add_argument("--freitexte", action="store_true")
    ap.add_argument("--ohne-zeilen", default="", help="ids of rows the run skipped (comma-separated)")
    args = ap.parse_args()
    fragen, fehlend = fragebogen(args.fragebogen)
    with open(args.csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    skip = {x for x in args.ohne_zeilen.split(",") if x}
    rows = [r for r in rows if r["id"] not in skip]
    a = Auswertung(fragen, fehlend, rows)
    pdf_checks(f"{args.out}/befragung.pdf", a, args.kreuz, args.freitexte)
    xlsx_checks(f"{args.out}/befragung.xlsx", a, args.kreuz, args.freitexte)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
