"""check_karte.py — the choropleth map of one indicator in a PDF (and its SVG),
against classes computed here from the input CSV files.

    check_karte.py PDF KENNUNG --csv ZAEHLER.csv [--nenner NENNER.csv --faktor 100]
                   --dezimalen D [--prozent] --geo GEOJSON --eigen ARS --pruefe ARS,ARS,ARS
                   [--svg SVG] [--klassen 5]

The value of a Kreis is taken from the CSV (GeoCode K + ARS) of the latest year
in which any Kreis of the GeoJSON has one, divided by the denominator CSV when
given.  Classes: quantiles of type 7 (statistics.quantiles method="inclusive")
of the Kreise's values, the inner limits rounded half away from zero to D
digits, the lowest down, the highest up; a value belongs to the class of its
rounded value, [g_i, g_i+1), the last class closed.  Colours: ColorBrewer
Blues.  The PDF is read with pikepdf: the areas are the marked-content
sequences /Gebiet <</ARS …>> inside /Karte <</Kennung KENNUNG>>, the fill is
the first `rg` inside; the legend swatches are /Legende <</Klasse n>>.
Prints one "ok - …" / "not ok - …" line per check.
"""
import argparse
import csv
import json
import math
import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET

import pikepdf

BLUES = {
    3: ["deebf7", "9ecae1", "3182bd"],
    4: ["eff3ff", "bdd7e7", "6baed6", "2171b5"],
    5: ["eff3ff", "bdd7e7", "6baed6", "3182bd", "08519c"],
    6: ["eff3ff", "c6dbef", "9ecae1", "6baed6", "3182bd", "08519c"],
    7: ["eff3ff", "c6dbef", "9ecae1", "6baed6", "4292c6", "2171b5", "084594"],
}


def ok(cond, desc):
    print(("ok - " if cond else "not ok - ") + desc)
    return cond


def load(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {(r["GeoCode"], int(r["Year"])): float(r["Value"])
                for r in csv.DictReader(f) if r.get("Value") and r.get("GeoCode")}


def runden(v, d, richtung=0):
    s = v * 10 ** d
    if richtung > 0:
        r = math.ceil(s - 1e-9)
    elif richtung < 0:
        r = math.floor(s + 1e-9)
    else:
        r = math.floor(s + 0.5 + 1e-9) if s >= 0 else -math.floor(-s + 0.5 + 1e-9)
    return r / 10 ** d


def deutsch(v, d):
    s = f"{abs(v):,.{d}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return ("-" if v < 0 and float(s.replace(".", "").replace(",", ".")) != 0 else "") + s


def hexrgb(h):
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("kennung")
    ap.add_argument("--csv", required=True)
    ap.add_argument("--nenner")
    ap.add_argument("--faktor", type=float, default=100)
    ap.add_argument("--dezimalen", type=int, required=True)
    ap.add_argument("--prozent", action="store_true")
    ap.add_argument("--geo", required=True)
    ap.add_argument("--eigen", required=True)
    ap.add_argument("--pruefe", required=True)
    ap.add_argument("--klassen", type=int, default=5)
    ap.add_argument("--svg")
    ap.add_argument("--keine", help="ARS of a Kreis whose value was removed from the inputs")
    a = ap.parse_args()

    geo = json.load(open(a.geo, encoding="utf-8"))
    ars_alle = [f["properties"]["ARS"] for f in geo["features"]]
    z = load(a.csv)
    n = load(a.nenner) if a.nenner else None

    def wert(ars, jahr):
        k = ("K" + ars, jahr)
        if k not in z:
            return None
        if n is None:
            return z[k]
        return z[k] / n[k] * a.faktor if n.get(k) else None

    jahre = sorted({j for (_, j) in z}, reverse=True)
    jahr = next(j for j in jahre if any(wert(s, j) is not None for s in ars_alle))
    werte = {s: wert(s, jahr) for s in ars_alle}
    mit = [s for s in ars_alle if s != a.keine]
    ok(all(werte[s] is not None for s in mit) and (a.keine is None or werte[a.keine] is None),
       f"{a.kennung}: Werte für {len(mit)} Kreise {jahr} in den Eingaben" + (f", keiner für {a.keine}" if a.keine else ""))
    x = sorted(v for v in werte.values() if v is not None)
    d = a.dezimalen
    g = [runden(x[0], d, -1)] + [runden(q, d) for q in statistics.quantiles(x, n=a.klassen, method="inclusive")] \
        + [runden(x[-1], d, +1)]
    grenzen = [g[0]]
    for q in g[1:-1]:
        if grenzen[-1] < q < g[-1]:
            grenzen.append(q)
    grenzen.append(g[-1])
    nk = len(grenzen) - 1
    farben = BLUES[nk]

    def klasse(v):
        r = runden(v, d)
        return sum(1 for gi in grenzen[1:-1] if r >= gi)

    suffix = " %" if a.prozent else ""
    labels = [f"{deutsch(grenzen[i], d)} bis {'' if i == nk - 1 else 'unter '}{deutsch(grenzen[i + 1], d)}{suffix}"
              for i in range(nk)]

    # ---- PDF content: the map's marked-content sequences
    pdf = pikepdf.open(a.pdf)
    fills, outline, legend, in_map, after_map = {}, {}, {}, False, False
    for page in pdf.pages:
        stack = []
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "BDC":
                tag = str(operands[0])
                props = operands[1] if len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary) else {}
                if tag == "/Karte":
                    in_map = bytes(props.get("/Kennung", b"")).decode() == a.kennung and not fills
                    after_map = False
                entry = [tag, props, None, None, False]     # tag, props, rg, width, stroked
                stack.append(entry)
            elif op == "BMC":
                stack.append(["", {}, None, None, False])
            elif op == "EMC" and stack:
                tag, props, rg, w, stroked = stack.pop()
                if tag == "/Gebiet" and in_map:
                    fills[bytes(props["/ARS"]).decode()] = rg
                elif tag == "/Umriss" and in_map:
                    outline[bytes(props["/ARS"]).decode()] = (w, stroked)
                elif tag == "/Karte":
                    after_map, in_map = in_map, False
                elif tag == "/Legende" and after_map:
                    legend[int(props["/Klasse"])] = rg
            elif stack:
                top = stack[-1]
                if op == "rg" and top[2] is None:
                    top[2] = tuple(float(v) for v in operands)
                elif op == "w":
                    top[3] = float(operands[0])
                elif op in ("S", "s", "B", "b", "B*", "b*"):
                    top[4] = True
        if fills:
            break        # the first map of this indicator
    ok(sorted(fills) == sorted(ars_alle), f"{a.kennung}: jede der {len(ars_alle)} Kreisflächen als /Gebiet in der Karte "
       f"({len(fills)})")

    def near(c, h):
        return c is not None and all(abs(p - q) < 0.003 for p, q in zip(c, hexrgb(h)))

    for ars in a.pruefe.split(","):
        v = werte.get(ars)
        if v is None:
            ok(False, f"{a.kennung}: Kreis {ars} ohne Wert in den Eingaben")
            continue
        c = klasse(v)
        ok(near(fills.get(ars), farben[c]),
           f"{a.kennung}: Kreis {ars} ({deutsch(v, d)}{suffix}) in Klasse {c + 1} „{labels[c]}“ = #{farben[c]} "
           f"(PDF: {fills.get(ars)})")
        ok(near(legend.get(c + 1), farben[c]), f"{a.kennung}: Legendenfeld der Klasse {c + 1} in derselben Farbe")
    if a.keine:
        ok(near(fills.get(a.keine), "d9d9d9"), f"{a.kennung}: Kreis {a.keine} ohne Wert grau (#d9d9d9) ({fills.get(a.keine)})")
        ok(near(legend.get(0), "d9d9d9"), f"{a.kennung}: Legendenfeld „keine Daten“ grau")
    klassen_der_drei = {klasse(werte[s]) for s in a.pruefe.split(",") if werte.get(s) is not None}
    ok(len(klassen_der_drei) >= 2, f"{a.kennung}: die geprüften Kreise liegen in verschiedenen Klassen ({klassen_der_drei})")
    w, stroked = outline.get(a.eigen, (None, False))
    ok(w is not None and w >= 1.5 and stroked, f"{a.kennung}: eigenes Gebiet {a.eigen} dick umrandet (Linienbreite {w})")

    # ---- text: legend labels and source note
    text = subprocess.run(["pdftotext", "-layout", a.pdf, "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    for lab in labels + (["keine Daten"] if a.keine else []):
        ok(lab in flat, f"{a.kennung}: Legende „{lab}“ im PDF-Text")
    ok("© GeoBasis-DE / BKG 2021 (Daten verändert)" in flat, "Quellenvermerk „© GeoBasis-DE / BKG 2021 (Daten verändert)“")
    ok("dl-de/by-2-0" in flat, "Lizenz dl-de/by-2-0 genannt")

    # ---- the SVG of the same map
    if a.svg:
        ns = {"s": "http://www.w3.org/2000/svg"}
        root = ET.parse(a.svg).getroot()
        ok(root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("role") == "img", "SVG: <svg role=\"img\">")
        t = root.find("s:title", ns)
        desc = root.find("s:desc", ns)
        ok(t is not None and str(jahr) in (t.text or ""), f"SVG: <title> mit dem Jahr {jahr}")
        ok(desc is not None and "umrandet" in (desc.text or "") and "Höchster Wert" in (desc.text or ""),
           "SVG: <desc> mit eigenem Gebiet und höchstem Wert")
        paths = {p.get("data-ars"): p for p in root.iter("{http://www.w3.org/2000/svg}path")
                 if p.get("data-ars") and p.get("class") == "gebiet"}
        ok(sorted(paths) == sorted(ars_alle), f"SVG: ein Pfad je Kreis ({len(paths)})")
        for ars in a.pruefe.split(","):
            c = klasse(werte[ars])
            got = (paths[ars].get("fill") or "").lower() if ars in paths else None
            ok(got == "#" + farben[c], f"SVG: Kreis {ars} in Klasse {c + 1} = #{farben[c]} ({got})")
        svg_text = " ".join("".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text"))
        for lab in labels:
            ok(lab in svg_text, f"SVG: Legende „{lab}“")
        ok("© GeoBasis-DE / BKG 2021 (Daten verändert)" in svg_text, "SVG: Quellenvermerk")
        umriss = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("class") == "eigenes-gebiet"]
        ok(len(umriss) == 1 and umriss[0].get("data-ars") == a.eigen, f"SVG: eigenes Gebiet {a.eigen} umrandet")


if __name__ == "__main__":
    main()
