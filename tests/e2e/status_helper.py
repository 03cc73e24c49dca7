"""status_helper.py — the department's side of the Rückmeldebogen round trip
for tests/e2e/test_status.sh, with Debian's openpyxl.

    /usr/bin/python3 tests/e2e/status_helper.py kennungen CSV
        the Kennung of every row of a measure list, computed independently of
        ibericht (normalisation as documented in pipeline/lib/kennung.h,
        hashlib SHA-256, repeats numbered -2, -3 …), one per line
    /usr/bin/python3 tests/e2e/status_helper.py row FORM KENNUNG
        the sheet row of a measure in a form
    /usr/bin/python3 tests/e2e/status_helper.py fill FORM OUT SPEC…
        fill the input columns like a department and save as OUT; SPEC is
          KENNUNG=STATUS@STAND[#KOMMENTAR]  STAND „2025-12-01“ is entered as
                                            an Excel date, „t:10.12.2025“ as text
          CELL:=VALUE                       overwrite any cell (A1:=…), '' clears
"""
import collections
import datetime
import hashlib
import re
import sys

import openpyxl

HEAD = 6            # header row of the form


def norm(text):
    text = (text or "").replace("\u00ad", "")
    text = re.sub(r"[ \t\r\n\u00a0\u2009\u202f]+", " ", text).strip(" ")
    return "".join(c.lower() if "A" <= c <= "Z" else {"Ä": "ä", "Ö": "ö", "Ü": "ü"}.get(c, c) for c in text)


def kennungen(path):
    import csv
    seen = collections.Counter()
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if not row["massnahme"].strip():
                continue
            text = "\x1f".join(norm(row[k]) for k in ("handlungsfeld", "teilziel", "massnahme"))
            base = "M-" + hashlib.sha256(text.encode()).hexdigest()[:8]
            seen[base] += 1
            print(base if seen[base] == 1 else f"{base}-{seen[base]}")


def find_row(ws, kennung):
    for r in range(HEAD + 1, ws.max_row + 1):
        if ws.cell(r, 1).value == kennung:
            return r
    raise SystemExit(f"Kennung {kennung} nicht im Bogen")


def fill(src, out, specs):
    wb = openpyxl.load_workbook(src)
    ws = wb.active
    for spec in specs:
        if ":=" in spec:
            cell, value = spec.split(":=", 1)
            ws[cell] = value if value != "" else None
            continue
        kennung, rest = spec.split("=", 1)
        kommentar = None
        if "#" in rest:
            rest, kommentar = rest.split("#", 1)
        status, stand = rest.split("@", 1)
        r = find_row(ws, kennung)
        ws.cell(r, 8).value = status
        if stand.startswith("t:"):
            ws.cell(r, 9).value = stand[2:]
        elif stand:
            ws.cell(r, 9).value = datetime.date.fromisoformat(stand)
            ws.cell(r, 9).number_format = "DD.MM.YYYY"
        if kommentar is not None:
            ws.cell(r, 10).value = kommentar
    wb.save(out)


def main():
    cmd = sys.argv[1]
    if cmd == "kennungen":
        kennungen(sys.argv[2])
    elif cmd == "row":
        print(find_row(openpyxl.load_workbook(sys.argv[2]).active, sys.argv[3]))
    elif cmd == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(f"unbekannter Befehl {cmd}")


if __name__ == "__main__":
    main()
