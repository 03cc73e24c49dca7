#!/usr/bin/python3
"""pdfschriften.py — the font check of the e2e tests: every font of a PDF is
embedded, a subset, and DejaVu (the project's TrueType font), read with
poppler's pdffonts.

    /usr/bin/python3 tests/e2e/pdfschriften.py PDF…

Exit 0 when every PDF passes; otherwise exit 1 and one line per problem on
stdout ("datei.pdf: Schrift Helvetica nicht eingebettet").  A PDF without any
font, an unreadable PDF or pdffonts output that cannot be parsed is a
failure too, never a pass.  Also importable: probleme(pdf) → list of texts.

pdffonts prints a table whose second line is made of dashes, one run per
column; the columns are cut at those runs (font names may contain blanks).
"""
import re
import subprocess
import sys

# a subset font is named „ABCDEF+Name“ (PDF 32000-1, 9.6.4); libharu writes HPDFAA+…
SUBSET = re.compile(r"^[A-Z]{6}\+")


def zeilen(pdf):
    """[(name, type, emb, sub)] of pdffonts, or raises ValueError."""
    p = subprocess.run(["pdffonts", pdf], capture_output=True, text=True)
    if p.returncode != 0:
        raise ValueError(f"pdffonts endet mit {p.returncode}: {p.stderr.strip()[:200]}")
    lines = p.stdout.splitlines()
    if len(lines) < 2 or not re.fullmatch(r"[- ]+", lines[1]):
        raise ValueError("Ausgabe von pdffonts nicht lesbar")
    head = lines[0].split()
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    cols = ["name", "type", "encoding", "emb", "sub", "uni", "object"]
    if head[:1] != ["name"] or len(spans) < 6:
        raise ValueError("Kopf von pdffonts unerwartet: " + lines[0])
    out = []
    for line in lines[2:]:
        cells = {}
        for i, (a, b) in enumerate(spans[:6]):
            end = spans[i + 1][0] if i + 1 < len(spans) else len(line)
            cells[cols[i]] = line[a:end].strip()
        out.append((cells["name"], cells["type"], cells["emb"], cells["sub"]))
    return out


def probleme(pdf):
    try:
        fonts = zeilen(pdf)
    except (ValueError, OSError) as e:
        return [f"{pdf}: {e}"]
    if not fonts:
        return [f"{pdf}: keine Schrift gefunden"]
    out = []
    for name, typ, emb, sub in fonts:
        if emb != "yes":
            out.append(f"{pdf}: Schrift {name} ({typ}) nicht eingebettet")
        if sub != "yes" or not SUBSET.match(name):
            out.append(f"{pdf}: Schrift {name} ist keine Teilmenge (sub = {sub})")
        if "DejaVu" not in SUBSET.sub("", name):
            out.append(f"{pdf}: Schrift {name} ist nicht DejaVu")
    return out


def main(argv):
    if len(argv) < 2:
        print("Aufruf: pdfschriften.py PDF…")
        return 2
    found = [p for pdf in argv[1:] for p in probleme(pdf)]
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
