"""hostile_corpus.py — write the hostile and broken input corpus of the
department inbox into a folder, with the expected outcome of every file.

    /usr/bin/python3 tests/e2e/hostile_corpus.py DIR  >  manifest.tsv

Each manifest line: file name, TAB, "abgewiesen" or "angenommen", TAB, the
exact message text the run must print for it (for accepted files: the
"… übernommen" line), TAB, rows expected in the store (accepted files).
Files with prefix m_ are measure lists (encoding detected), u_ measure
lists declared UTF-8, k_ indicator tables (German numbers), b_ indicator
tables whose profile names a sheet „Daten“.  Large files are generated
here, never committed.
"""
import io
import os
import sys
import zipfile

import openpyxl

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
manifest = []
HEAD = "handlungsfeld,teilziel,massnahme,terminierung\n"


def put(name, data, outcome, message, rows=0):
    mode = "wb" if isinstance(data, bytes) else "w"
    kw = {} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""}
    with open(os.path.join(out, name), mode, **kw) as f:
        f.write(data)
    manifest.append((name, outcome, message, rows))


def xlsx_parts(sheet_xml, rels_target="worksheets/sheet1.xml", extra=None, shared=None):
    """A minimal workbook package written by hand (for broken variants)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="Tabelle1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{rels_target}"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def inline_row(r, cells):
    out = f'<row r="{r}">'
    for i, v in enumerate(cells):
        col = chr(ord("A") + i)
        out += f'<c r="{col}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
    return out + "</row>"


SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<sheetData>{}</sheetData></worksheet>')

# --- CSV, structure ----------------------------------------------------------
put("m_01_leer.csv", b"", "abgewiesen", "Datei ist leer (0 Bytes)")
put("m_02_nur_kopf.csv", HEAD, "abgewiesen", "Datei enthält keine Datenzeilen mit Maßnahmen")
put("m_03_nur_bom.csv", b"\xef\xbb\xbf", "abgewiesen", "Datei enthält keine Kopfzeile")
put("m_04_zerfranst.csv", HEAD + "A,B,Eins,laufend\nA,B,Zwei\nA,B,Drei,laufend\n", "abgewiesen",
    "m_04_zerfranst.csv, Zeile 3, Spalte „terminierung“: 3 Felder statt 4 wie in der Kopfzeile: Feld fehlt")
put("m_05_anfuehrung.csv", HEAD + 'A,B,"nie geschlossen,laufend\nA,B,C,laufend\n', "abgewiesen",
    "m_05_anfuehrung.csv, Zeile 2, Spalte „massnahme“: CSV-Syntaxfehler: Anführungszeichen nicht geschlossen oder falsch gesetzt")
put("m_06_nul.csv", (HEAD + "A,B,Eins\x00Zwei,laufend\n").encode(), "abgewiesen",
    "m_06_nul.csv, Zeile 2, Spalte „massnahme“: NUL-Byte in der Datei: keine Textdatei?")
put("u_07_kaputtes_utf8.csv", (HEAD + "A,B,").encode() + b"Gr\xf6\xdfe" + b",laufend\n", "abgewiesen",
    "u_07_kaputtes_utf8.csv, Zeile 2, Spalte „massnahme“")
put("m_08_windows1252.csv", (HEAD + "Bildung,Schule,Lernförderung für Schüler – Gebühr 5 €,Bis 2026\n").encode("cp1252"),
    "angenommen", "m_08_windows1252.csv: 1 Maßnahme übernommen", 1)
put("m_09_doppelte_spalte.csv", "handlungsfeld,massnahme,massnahme,terminierung\nA,B,C,laufend\n", "abgewiesen",
    "Spalte doppelt (Spalten 2 und 3)")
put("m_10_kopf_tiefer.csv", "Maßnahmenliste des Fachdienstes Jugend\nStand 31.12.2024\n\n" + HEAD + "A,B,Eins,laufend\n",
    "angenommen", "m_10_kopf_tiefer.csv: 1 Maßnahme übernommen", 1)
put("m_11_ohne_massnahme.csv", "handlungsfeld,teilziel,terminierung\nA,B,laufend\n", "abgewiesen",
    "Zeile 1, Spalte „massnahme“: Pflichtspalte fehlt")
put("m_12_vier_datumsformen.csv", HEAD + "A,B,Eins,31.12.2026\nA,B,Zwei,2026-12-31\nA,B,Drei,12/2026\nA,B,Vier,Dezember 2026\n",
    "angenommen", "m_12_vier_datumsformen.csv: 4 Maßnahmen übernommen", 4)
put("m_13 Übersicht Fachdienst Jugend & Soziales.csv", HEAD + "A,B,Datei mit Leerzeichen und Umlauten im Namen,laufend\n",
    "angenommen", "m_13 Übersicht Fachdienst Jugend & Soziales.csv: 1 Maßnahme übernommen", 1)
put("m_14_formel.csv", HEAD + 'A,B,"=HYPERLINK(""http://example.invalid"",""Klick"")",laufend\n', "angenommen",
    "m_14_formel.csv: 1 Maßnahme übernommen", 1)
put("m_15_excel_semikolon.csv",
    ("\ufeffhandlungsfeld;teilziel;massnahme;terminierung\r\nSprache;Ziel;\"Zeile eins\r\nZeile zwei; mit Semikolon\";Bis 2027\r\n"
     "Sprache;Ziel;Zweite;laufend\r\n").encode("utf-8"), "angenommen", "m_15_excel_semikolon.csv: 2 Maßnahmen übernommen", 2)
put("m_16_utf16.csv", ("\ufeff" + "handlungsfeld\tteilziel\tmassnahme\tterminierung\r\nSprache\tZiel\tÜbersetzungshilfe „sofort“\tlaufend\r\n").encode("utf-16-le"),
    "angenommen", "m_16_utf16.csv: 1 Maßnahme übernommen", 1)
put("m_17_zu_viele_spalten.csv", HEAD.rstrip("\n") + "," + ",".join(f"x{i}" for i in range(17000)) + "\n", "abgewiesen",
    "mehr als 16384 Spalten")
put("m_18_binaer.csv", bytes(range(256)) * 4, "abgewiesen", "NUL-Byte in der Datei")
put("m_19_fuenfzig_mb_feld.csv", (HEAD + "A,B,\"" + "x" * (50 * 1024 * 1024) + "\",laufend\n").encode(), "abgewiesen",
    "m_19_fuenfzig_mb_feld.csv, Zeile 2, Spalte „massnahme“: Feld länger als 1048576 Bytes")
with open(os.path.join(out, "m_20_million.csv"), "w", encoding="utf-8", newline="") as f:
    f.write(HEAD)
    line = "Sprache,Deutsch lernen,Sprachkurs für Neuzugewanderte Nummer {},Bis 2027\n"
    f.writelines(line.format(i) for i in range(1000000))
manifest.append(("m_20_million.csv", "angenommen", "m_20_million.csv: 1.000.000 Maßnahmen übernommen", 1000000))

# --- indicator values ----------------------------------------------------------
put("k_21_deutsche_zahlen.csv", "Jahr;Gebiet;Wert\n2022;K03461;1.234,5\n2023;K03461;12 %\n2024;K03461;n.v.\n2025;K03461;-9\n",
    "angenommen", "k_21_deutsche_zahlen.csv: 4 Werte übernommen", 4)
put("k_22_englische_zahl.csv", "Jahr;Gebiet;Wert\n2022;K03461;1,234.5\n", "abgewiesen",
    "k_22_englische_zahl.csv, Zeile 2, Spalte „Wert“: „1,234.5“ ist keine Zahl und kein Tabellenzeichen")
put("k_23_jahr.csv", "Jahr;Wert\n20x4;5\n", "abgewiesen", "Zeile 2, Spalte „Jahr“: Jahr „20x4“ ist keine Jahreszahl")
put("k_24_ohne_wert.csv", "Jahr;Gebiet;Anmerkung\n2024;K03461;x\n", "abgewiesen", "Pflichtspalte fehlt (Wert/Value)")

# --- XLSX ------------------------------------------------------------------
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Maßnahmen"
ws.append(["Handlungsfeld", "Teilziel", "Maßnahme", "Terminierung"])
ws.append(["Arbeit", "Anerkennung", "Beratung „aus einer Hand“", "laufend"])
import datetime
ws.append(["Arbeit", "Anerkennung", "Digitale Antragsstrecke", datetime.date(2027, 6, 30)])
ws["C3"].number_format = "DD.MM.YYYY"
ws["D3"].number_format = "DD.MM.YYYY"
b = io.BytesIO(); wb.save(b)
put("m_25_gut.xlsx", b.getvalue(), "angenommen", "m_25_gut.xlsx: 2 Maßnahmen übernommen", 2)
put("m_26_umbenannte_csv.xlsx", HEAD + "A,B,Eigentlich CSV,laufend\n", "angenommen",
    "m_26_umbenannte_csv.xlsx: 1 Maßnahme übernommen", 1)
put("m_27_kaputtes_zip.xlsx", b.getvalue()[:len(b.getvalue()) // 2], "abgewiesen",
    "m_27_kaputtes_zip.xlsx: XLSX-Datei beschädigt oder unvollständig (ZIP-Verzeichnis fehlt)")
bomb = io.BytesIO()
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", "<workbook>" + " " * (300 * 1024 * 1024) + "</workbook>")
put("m_28_zipbombe.xlsx", bomb.getvalue(), "abgewiesen",
    "m_28_zipbombe.xlsx: xl/workbook.xml ist entpackt 314572821 Bytes groß, erlaubt sind 268435456 (Schutz vor ZIP-Bomben)")
laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>')
put("m_29_entitaeten.xlsx", xlsx_parts(laughs), "abgewiesen",
    "m_29_entitaeten.xlsx, Blatt „Tabelle1“: xl/worksheets/sheet1.xml: DOCTYPE und Entity-Deklarationen sind nicht erlaubt")
def letters(n):
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


wide = '<row r="1">' + "".join(f'<c r="{letters(i + 1)}1"><v>{i}</v></c>' for i in range(20000)) + "</row>"
put("m_30_zwanzigtausend_spalten.xlsx", xlsx_parts(SHEET.format(wide)), "abgewiesen",
    "m_30_zwanzigtausend_spalten.xlsx, Blatt „Tabelle1“, Zeile 1, Spalte „XFE“: mehr als 16384 Spalten")
put("m_31_pfad_ausbruch.xlsx", xlsx_parts(SHEET.format(inline_row(1, ["massnahme"])), rels_target="../../../etc/passwd"),
    "abgewiesen", "m_31_pfad_ausbruch.xlsx: unzulässiges Beziehungsziel „../../../etc/passwd“ in xl/_rels/workbook.xml.rels")
put("m_32_leer.xlsx", b"", "abgewiesen", "m_32_leer.xlsx: Datei ist leer (0 Bytes)")
wb = openpyxl.Workbook(); wb.active.title = "Tabelle1"; wb.active.append(["Jahr", "Wert"]); wb.active.append([2024, 5])
b2 = io.BytesIO(); wb.save(b2)
put("b_33_blatt_fehlt.xlsx", b2.getvalue(), "abgewiesen", "b_33_blatt_fehlt.xlsx: Blatt „Daten“ fehlt (vorhanden: „Tabelle1“)")
wb = openpyxl.Workbook(); ws = wb.active; ws.append(["Handlungsfeld", "Teilziel", "Terminierung"]); ws.append(["A", "B", "laufend"])
b3 = io.BytesIO(); wb.save(b3)
put("m_34_xlsx_ohne_spalte.xlsx", b3.getvalue(), "abgewiesen", "Blatt „Sheet“, Zeile 1, Spalte „massnahme“: Pflichtspalte fehlt")

for name, outcome, message, rows in manifest:
    print(f"{name}\t{outcome}\t{message}\t{rows}")
