#!/usr/bin/python3
"""check_xlsx_druck.py — is a workbook of ibericht print-ready?  Reads the
workbook (openpyxl, and its XML parts with zipfile/ElementTree) and the PDF
LibreOffice printed from it (pdfinfo, pdftotext -bbox), prints one
"ok - …" / "not ok - …" line per check (tests/e2e/lib.sh).

    check_xlsx_druck.py XLSX PDF --max-pages N [--min-pages N]
        [--sheet-pages SHEET=MIN:MAX ...] [--scale SHEET] [--bands SHEET]

Checks for every sheet: page setup (A4, orientation, fit to one page wide
and any number high, margins, header with the sheet's name, footer „Seite &P
von &N“); rows with wrapped text at least as high as the text needs (a lower
bound on the lines from the number of characters: no font prints more than
2 characters per digit width of the column); chart anchors outside every
filled cell of their sheet.  For the workbook's PDF: the page count within
the bounds, and per sheet (the page header names the sheet) where given.
--scale SHEET: the print scale of the sheet's print area ≥ 70 %, computed
from the XML (page width less margins ÷ the columns' width) and measured in
the PDF (distance of the first and last header column ÷ their width).
--bands SHEET: every row's text of column „Maßnahme“ lies in the band of its
row in the PDF (from its number in column „Nr.“ to the next one): nothing
overlaps the next row, nothing is cut off.
"""
import argparse
import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
import posixpath

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter

failures = 0
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}
R_ID = "{%s}id" % NS["r"]
DIGIT_PT = 7.0          # LibreOffice: one unit of column width = the digit of the 11-pt default font
LINE_PT = 12.8          # the smallest line height of 11-pt text (DejaVu Sans in LibreOffice)
A4 = (595.3, 841.9)     # points, portrait


def check(cond, desc, detail=""):
    global failures
    print(("ok - " if cond else "not ok - ") + desc + (f" ({detail})" if detail and not cond else ""))
    if not cond:
        failures += 1


def sheet_parts(z):
    """sheet name → (path of its XML part, path of its drawing part or None)"""
    def rels(path):
        d, b = posixpath.split(path)
        name = posixpath.join(d, "_rels", b + ".rels")
        if name not in z.namelist():
            return {}
        return {e.get("Id"): posixpath.normpath(posixpath.join(d, e.get("Target")))
                for e in ET.fromstring(z.read(name)).findall("rel:Relationship", NS)}
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    wrels = rels("xl/workbook.xml")
    out = {}
    for s in wb.findall("m:sheets/m:sheet", NS):
        part = wrels[s.get(R_ID)]
        drawing = None
        d = ET.fromstring(z.read(part)).find("m:drawing", NS)
        if d is not None:
            drawing = rels(part)[d.get(R_ID)]
        out[s.get("name")] = (part, drawing)
    return out


def col_widths(ws_xml):
    """1-based column → stored width (Excel default 8.43 + padding where unset)"""
    w = {}
    for c in ws_xml.findall("m:cols/m:col", NS):
        for i in range(int(c.get("min")), int(c.get("max")) + 1):
            w[i] = float(c.get("width"))
    return lambda i: w.get(i, 9.140625)


def print_area(wb, name):
    ws = wb[name]
    area = ws.print_area if isinstance(ws.print_area, str) else ",".join(ws.print_area or [])
    m = re.search(r"\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$", area or "")
    if not m:
        return None
    return (column_index_from_string(m.group(1)), int(m.group(2)), column_index_from_string(m.group(3)), int(m.group(4)))


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(m.group(1)) if m else 0


def pdf_words(pdf):
    """per page: (width, height, [(xMin, yMin, xMax, yMax, text)])"""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                  .replace("&quot;", '"').replace("&apos;", "'"))
                 for a, b, c, d, t in re.findall(
                     r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page.group(3))]
        pages.append((float(page.group(1)), float(page.group(2)), words))
    return pages


def page_sheet(page, names):
    """the sheet a page belongs to: the page header (&L&A) is its first line"""
    words = sorted(page[2], key=lambda w: (round(w[1]), w[0]))
    if not words:
        return None
    top = words[0][1]
    line = " ".join(w[4] for w in words if abs(w[1] - top) < 2)
    return line if line in names else None


def check_page_setup(z, parts, wb):
    for name, (part, _) in parts.items():
        x = ET.fromstring(z.read(part))
        ps = x.find("m:pageSetup", NS)
        fit = x.find("m:sheetPr/m:pageSetUpPr", NS)
        mg = x.find("m:pageMargins", NS)
        hf = x.find("m:headerFooter", NS)
        head = hf.findtext("m:oddHeader", "", NS) if hf is not None else ""
        foot = hf.findtext("m:oddFooter", "", NS) if hf is not None else ""
        check(ps is not None and ps.get("paperSize") == "9" and ps.get("orientation") in ("portrait", "landscape"),
              f"{name}: A4, Ausrichtung gesetzt", ps.attrib if ps is not None else "kein pageSetup")
        check(fit is not None and fit.get("fitToPage") == "1" and ps is not None and ps.get("fitToWidth", "1") == "1"
              and ps.get("fitToHeight") == "0", f"{name}: eine Seite breit, beliebig viele hoch",
              (fit.attrib if fit is not None else None, ps.attrib if ps is not None else None))
        check(mg is not None and 0.2 <= float(mg.get("left")) <= 0.8 and 0.2 <= float(mg.get("right")) <= 0.8,
              f"{name}: Ränder links und rechts 0,5 bis 2 cm", mg.attrib if mg is not None else None)
        check("&A" in head and "Seite &P von &N" in foot, f"{name}: Kopfzeile mit Blattname, Fußzeile „Seite x von y“",
              (head, foot))


def check_row_heights(wb, parts, z):
    for name, (part, _) in parts.items():
        ws = wb[name]
        width = col_widths(ET.fromstring(z.read(part)))
        merged = {(m.min_row, m.min_col): sum(width(i) for i in range(m.min_col, m.max_col + 1))
                  for m in ws.merged_cells.ranges}
        inside = {(r, c) for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
                  for c in range(m.min_col, m.max_col + 1)} - set(merged)
        need_rows = bad = 0
        first_bad = None
        for row in ws.iter_rows():
            for c in row:
                if not isinstance(c.value, str) or not c.alignment.wrap_text or (c.row, c.column) in inside:
                    continue
                w = merged.get((c.row, c.column), width(c.column))
                # lower bound of the lines: at most 2 characters per digit width in any font
                lines = max(c.value.count("\n") + 1,
                            max(math.ceil(len(p) / (2 * (w - 0.7))) for p in c.value.split("\n")))
                if lines < 2:
                    continue
                need_rows += 1
                ht = ws.row_dimensions[c.row].height or 15
                if ht < lines * LINE_PT - 0.1:
                    bad += 1
                    first_bad = first_bad or f"{c.coordinate}: {lines} Zeilen, Höhe {ht}"
        if need_rows:
            check(bad == 0, f"{name}: Zeilenhöhe für umbrochenen Text ({need_rows} mehrzeilige Zellen)", first_bad)


def anchor(e):
    return int(e.findtext("xdr:col", "0", NS)), int(e.findtext("xdr:colOff", "0", NS)), \
        int(e.findtext("xdr:row", "0", NS)), int(e.findtext("xdr:rowOff", "0", NS))


def check_charts(wb, parts, z):
    for name, (part, drawing) in parts.items():
        if not drawing:
            continue
        ws = wb[name]
        filled = [(c.row - 1, c.column - 1) for row in ws.iter_rows() for c in row if c.value not in (None, "")]
        for a in ET.fromstring(z.read(drawing)).findall("xdr:twoCellAnchor", NS):
            c0, _, r0, _ = anchor(a.find("xdr:from", NS))
            c1, co1, r1, ro1 = anchor(a.find("xdr:to", NS))
            r1 = r1 if ro1 > 0 else r1 - 1
            c1 = c1 if co1 > 0 else c1 - 1
            hit = [(r, c) for r, c in filled if r0 <= r <= r1 and c0 <= c <= c1]
            check(not hit, f"{name}: Diagramm {get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}"
                  " verdeckt keine Zelle", f"verdeckt {[get_column_letter(c + 1) + str(r + 1) for r, c in hit[:5]]}")


def check_scale(wb, parts, z, name, pages):
    ws_xml = ET.fromstring(z.read(parts[name][0]))
    width = col_widths(ws_xml)
    ps = ws_xml.find("m:pageSetup", NS)
    mg = ws_xml.find("m:pageMargins", NS)
    area = print_area(wb, name)
    check(area is not None, f"{name}: Druckbereich gesetzt")
    if area is None:
        return
    c0, _, c1, _ = area
    paper = A4[1] if ps.get("orientation") == "landscape" else A4[0]
    usable = paper - 72 * (float(mg.get("left")) + float(mg.get("right")))
    total = DIGIT_PT * sum(width(c) for c in range(c0, c1 + 1))
    scale = min(1.0, usable / total)
    check(scale >= 0.70, f"{name}: Druckmaßstab laut Spaltenbreiten ≥ 70 % ({scale:.0%})", f"{scale:.1%}")
    # measured: header of the first and of the last column of the print area on the first page of the sheet
    ws = wb[name]
    first, last = str(ws.cell(1, c0).value), str(ws.cell(1, c1).value)
    for page in pages:
        if page_sheet(page, [name]) != name:
            continue
        xs = {w[4]: w[0] for w in sorted(page[2], key=lambda w: w[1], reverse=True)}
        if first in xs and last in xs:
            measured = (xs[last] - xs[first]) / (DIGIT_PT * sum(width(c) for c in range(c0, c1)))
            check(measured >= 0.70, f"{name}: Druckmaßstab im PDF gemessen ≥ 70 % ({measured:.0%})", f"{measured:.1%}")
        else:
            check(False, f"{name}: Kopf „{first}“ … „{last}“ auf der ersten Seite", sorted(xs)[:20])
        return
    check(False, f"{name}: keine Seite des Blatts im PDF")


def check_bands(wb, name, pages):
    """each row's Maßnahme text between its number and the next row's"""
    ws = wb[name]
    head = [c.value for c in ws[1]]
    nr_col, text_col = head.index("Nr.") + 1, head.index("Maßnahme") + 1
    expect = {ws.cell(r, nr_col).value: ws.cell(r, text_col).value for r in range(2, ws.max_row + 1)
              if isinstance(ws.cell(r, nr_col).value, int)}
    squeeze = lambda s: re.sub(r"\s+", "", s or "")
    seen, bad = set(), []
    nxt = head[text_col] if text_col < len(head) else None
    for page in pages:
        if page_sheet(page, [name]) != name:
            continue
        words = page[2]
        hdr = [w for w in words if w[4] == "Nr."]
        mh = [w for w in words if w[4] == "Maßnahme" and hdr and abs(w[1] - hdr[0][1]) < 2]
        nh = [w for w in words if w[4] == nxt and hdr and abs(w[1] - hdr[0][1]) < 2]
        gh = [w for w in words if w[4] == head[1] and hdr and abs(w[1] - hdr[0][1]) < 2]
        if not (hdr and mh and nh and gh):
            bad.append("Kopfzeile fehlt auf einer Seite")
            continue
        top = hdr[0][3]
        foot = min([w[1] for w in words if w[4] == "Seite" and w[1] > top] or [page[1]])
        nums = sorted((w for w in words if w[2] <= gh[0][0] and w[1] > top and w[4].isdigit() and w[3] < foot),
                      key=lambda w: w[1])
        x0, x1 = mh[0][0] - 2, nh[0][0] - 2
        for i, w in enumerate(nums):
            n = int(w[4])
            y0, y1 = w[1] - 1, nums[i + 1][1] - 1 if i + 1 < len(nums) else foot
            got = "".join(v[4] for v in sorted((v for v in words if x0 <= v[0] < x1 and y0 <= v[1] < y1),
                                                key=lambda v: (round(v[1]), v[0])))
            want = squeeze(expect.get(n))
            fine = got == want if i + 1 < len(nums) else got.startswith(want)
            if not fine:
                bad.append(f"Nr. {n}: „{got[:40]}…“ statt „{want[:40]}…“")
            seen.add(n)
    check(not bad and seen == set(expect),
          f"{name}: jede der {len(expect)} Maßnahmen vollständig in ihrer Zeile, nichts überlappt die nächste",
          f"{bad[:3]}, fehlen {sorted(set(expect) - seen)[:5]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("xlsx")
    ap.add_argument("pdf")
    ap.add_argument("--max-pages", type=int, required=True)
    ap.add_argument("--min-pages", type=int, default=1)
    ap.add_argument("--sheet-pages", action="append", default=[])
    ap.add_argument("--scale", action="append", default=[])
    ap.add_argument("--bands", action="append", default=[])
    a = ap.parse_args()
    label = a.xlsx.rsplit("/", 1)[-1]
    wb = openpyxl.load_workbook(a.xlsx)
    with zipfile.ZipFile(a.xlsx) as z:
        parts = sheet_parts(z)
        check_page_setup(z, parts, wb)
        check_row_heights(wb, parts, z)
        check_charts(wb, parts, z)
        n = pdf_pages(a.pdf)
        check(a.min_pages <= n <= a.max_pages, f"{label}: {n} Seiten im PDF (erwartet {a.min_pages} bis {a.max_pages})",
              str(n))
        pages = pdf_words(a.pdf) if n else []
        per = {}
        for p in pages:
            s = page_sheet(p, list(parts))
            per[s] = per.get(s, 0) + 1
        for spec in a.sheet_pages:
            name, rng = spec.rsplit("=", 1)
            name = name.replace("_", " ") if name not in parts else name
            lo, hi = (int(v) for v in rng.split(":"))
            check(lo <= per.get(name, 0) <= hi, f"{label}: Blatt „{name}“ auf {per.get(name, 0)} Seiten ({lo} bis {hi})",
                  per)
        check(None not in per, f"{label}: jede Seite trägt den Blattnamen im Kopf", per)
        for name in a.scale:
            check_scale(wb, parts, z, name, pages)
    for name in a.bands:
        check_bands(wb, name, pages)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
