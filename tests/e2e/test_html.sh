#!/bin/sh
# test_html.sh — the HTML edition of the Integrationsbericht (out/html/) from
# the shipped template and the real data: rendered in headless Chromium
# (Debian package chromium: --dump-dom and --screenshot of the start page and
# chapter pages, headings and table values in the DOM derived from the
# inputs), the markup checked by check_html.py (lang, heading order, table
# headers with scope, svg title/desc, img alt, no script, no external
# reference, every link and CSV) — and check_html.py itself on deliberately
# broken pages, one defect each; the CSV files against the input
# (119 measures, counts per Handlungsfeld, group headings); the map (every
# Kreis, the own one's class colour); the same content as the PDF (bookmarks =
# headings, Figure /Alt = SVG desc, pikepdf); atomic and reproducible output,
# [html] ausgabe.
. "$(dirname "$0")/lib.sh"

in="$TMP/inputs/inbox"; out="$TMP/out"
nds=inputs/beispiele/niedersachsen
make_inbox "$in" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv $nds/csv/*.csv
cat config/quellen.ini config/quellen_niedersachsen.ini > "$TMP/quellen.ini"
cat > "$TMP/bericht.ini" <<INI
[bericht]
kommune      = Landkreis Wesermarsch
titel        = Integrationsbericht 2024
berichtsjahr = 2024
[pfade]
quellen = $TMP/quellen.ini
[indikatoren]
katalog   = config/katalog_niedersachsen.ini
gebiet    = K03461
vergleich = K030
[dokument]
vorlage = templates/wesermarsch/bericht.ini
[karte]
indikatoren = 2-3-1
geometrie   = config/geo/kreise_niedersachsen.geojson
[befragung]
pseudonym_schluessel_datei = tests/fixtures/befragung/beispiel_schluessel.txt
INI
run_ib report --config "$TMP/bericht.ini" --inbox "$in" --out "$out"
check_eq "HTML: report endet mit 0" 0 "$rc"
site="$out/html"
check "HTML: index.html geschrieben" test -s "$site/index.html"
check_grep "HTML: Meldung mit Seiten, Tabellen, Diagrammen" "html/ geschrieben (17 Seiten" "$TMP/log"
check_grep "HTML: das Manifest nennt die Seiten" "	html/index.html	" "$out/manifest.tsv"
check_grep "HTML: das Manifest nennt die CSV-Dateien" "	html/anhang-a-tabelle-1.csv	" "$out/manifest.tsv"

# (b) the markup
$PY tests/e2e/check_html.py "$site" "HTML-Ausgabe"

# the checker fails on each defect: a valid page, then one defect per copy
$PY - "$TMP/kaputt" <<'PY'
import os, subprocess, sys
root = sys.argv[1]
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
page = ('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>T</title>'
        '<link rel="stylesheet" href="stil.css"></head><body><main><h1>T</h1><h2 id="a">A</h2><h3>B</h3>'
        '<table><caption>Tabelle 1: A</caption><thead><tr><th scope="col">X</th><th scope="col">Y</th></tr></thead>'
        '<tbody><tr><th scope="row">a</th><td>1</td></tr></tbody></table><p><a href="t.csv">CSV</a></p>'
        '<figure><svg role="img" aria-labelledby="s-t s-d"><title id="s-t">Diagramm</title><desc id="s-d">Wert 1</desc>'
        '</svg></figure><img src="b.png" alt="Bild"><p><a href="#a">oben</a></p></main></body></html>')
csv_ok = "\ufeffX;Y\r\na;1\r\n"
defects = {
    "gut": (None, None, None),
    "lang": ('lang="de"', 'lang="en"', 'jede Seite <html lang="de">'),
    "ebenen": ("<h2 id=\"a\">A</h2>", "", "Überschriften überspringen keine Ebene"),
    "scope": ('<th scope="row">a</th>', "<th>a</th>", "jedes th mit scope"),
    "caption": ("<caption>Tabelle 1: A</caption>", "", "jede Tabelle mit <caption>"),
    "svg-role": ('role="img" ', "", "jedes svg mit role=img, title, desc"),
    "svg-title": ('<title id="s-t">Diagramm</title>', '<title id="s-t"></title>', "jedes svg mit role=img, title, desc"),
    "alt": ('alt="Bild"', "", "jedes img mit alt"),
    "script": ("</main>", "<script>alert(1)</script></main>", "kein <script>"),
    "extern": ('href="stil.css"', 'href="https://cdn.example.org/stil.css"', "keine externen Verweise"),
    "extern-css": (None, "body { background: url(//example.org/b.png) }", "keine externen Verweise"),
    "extern-img": ('src="b.png"', 'src="//example.org/b.png"', "keine externen Verweise"),
    "link": ('href="#a"', 'href="kapitel-99.html"', "alle Verweise führen auf Dateien und Anker"),
    "csv-zeilen": (None, "\ufeffX;Y\r\na;1\r\nb;2\r\n", "jede Tabelle mit CSV-Datei"),
    "csv-bom": (None, "X;Y\r\na;1\r\n", "jede Tabelle mit CSV-Datei"),
}
for name, (old, new, expect) in defects.items():
    d = os.path.join(root, name)
    os.makedirs(d)
    html, css, csvtext = page, "body { margin: 0 }", csv_ok
    if name == "extern-css": css = new
    elif name.startswith("csv-"): csvtext = new
    elif old is not None:
        assert old in html, name
        html = html.replace(old, new, 1)
    open(os.path.join(d, "index.html"), "w", encoding="utf-8").write(html)
    open(os.path.join(d, "stil.css"), "w", encoding="utf-8").write(css)
    open(os.path.join(d, "t.csv"), "w", encoding="utf-8", newline="").write(csvtext)
    open(os.path.join(d, "b.png"), "wb").write(b"\x89PNG\r\n\x1a\n")
    r = subprocess.run(["/usr/bin/python3", "tests/e2e/check_html.py", d, name], capture_output=True, text=True)
    failing = [l for l in r.stdout.splitlines() if l.startswith("not ok - ")]
    if expect is None:
        ok(r.returncode == 0 and not failing and "ok - gut: kein <script>" in r.stdout,
           f"Prüfer: fehlerfreie Seite besteht ({failing[:2]})")
    else:
        ok(r.returncode == 1 and any(l.startswith(f"not ok - {name}: {expect}") for l in failing),
           f"Prüfer erkennt Fehler „{name}“ ({failing[:2]})")
PY

# (c) the CSV files against the input: the measure list (Anhang A) has every
# measure once, the status table the counts per Handlungsfeld
$PY - "$site" tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv $nds/csv/indicator_1-1-1.csv <<'PY'
import collections, csv, glob, io, os, re, sys
site, inp, bev = sys.argv[1:4]
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
def read(path):
    raw = open(path, "rb").read()
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";")), raw
rows = list(csv.DictReader(open(inp, encoding="utf-8")))
anhang = []
for f in sorted(glob.glob(os.path.join(site, "anhang-a-tabelle-*.csv")), key=lambda p: int(re.findall(r"(\d+)\.csv$", p)[0])):
    t, raw = read(f)
    ok(t[0] == ["Handlungsfeld", "Teilziel", "Maßnahme", "Terminierung"] and raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw,
       f"{os.path.basename(f)}: Kopf, BOM, CRLF")
    anhang += t[1:]
ok(len(anhang) == len(rows) == 119, f"Anhang A: {len(anhang)} Maßnahmen in den CSV-Dateien, {len(rows)} in der Eingabe")
ok(collections.Counter(r[2] for r in anhang) == collections.Counter(r["massnahme"] for r in rows),
   "Anhang A: dieselben Maßnahmentexte wie die Eingabe (byte-genau)")
ok(all(r[0] for r in anhang) and collections.Counter(r[0] for r in anhang) == collections.Counter(r["handlungsfeld"] for r in rows),
   "Anhang A: jede Zeile mit ihrem Handlungsfeld (verbundene Zellen in der CSV wiederholt)")
want = collections.Counter(r["handlungsfeld"] for r in rows)
status = None
for f in glob.glob(os.path.join(site, "*.csv")):
    t, _ = read(f)
    if t[0][:2] == ["Handlungsfeld", "Anzahl"]:
        status = t
ok(status is not None and {r[0]: int(r[1].replace(".", "")) for r in status[1:]} == dict(want),
   f"Stand der Umsetzung: Anzahl je Handlungsfeld wie in der Eingabe ({status[1:3] if status else None})")
ok(status is not None and all(r[7] == r[1] for r in status[1:]), "Stand der Umsetzung: ohne Statusberichte alle „ohne Bericht“")
# every Terminierung group heading counts the rows of its table („– 5 Maßnahmen“)
bad, groups = [], 0
for page in sorted(glob.glob(os.path.join(site, "*.html"))):
    text = open(page, encoding="utf-8").read()
    marks = sorted([(m.start(), "h", re.sub(r"<[^>]+>", "", m.group(1))) for m in re.finditer(r"<h2[^>]*>(.*?)</h2>", text)]
                   + [(m.start(), "c", m.group(1)) for m in re.finditer(r'href="([^"]+\.csv)"', text)])
    head = None
    for _, kind, val in marks:
        if kind == "h": head = val; continue
        t, _ = read(os.path.join(site, val))
        if "Maßnahme" not in t[0] or head is None or not re.search(r"Maßnahmen( \(bis \d{4}\))?( –|$)", head) \
           or head.startswith("Überfällige"):
            continue
        groups += 1
        n = len(t) - 1
        if not head.endswith(f"– {n} Maßnahme" if n == 1 else f"– {n} Maßnahmen"):
            bad.append(f"{os.path.basename(page)}: „{head}“, {n} Zeilen")
# expected: per chapter (one Oberfeld each) its groups, and the appendix's groups
want_groups = len({(r["handlungsfeld"].split("/")[0], r["gruppe"]) for r in rows}) + len({r["gruppe"] for r in rows})
ok(groups == want_groups and not bad,
   f"Gruppenüberschriften nennen die Zahl ihrer Maßnahmen ({groups} Gruppen, erwartet {want_groups}; {bad[:3]})")
# the indicator table: Wesermarsch 2024 from the LSN delivery, German format
v = [r for r in csv.DictReader(open(bev, encoding="utf-8-sig")) if r["GeoCode"] == "K03461" and r["Year"] == "2024"]
value = f"{int(float(v[0]['Value'])):,}".replace(",", ".")
found = [f for f in glob.glob(os.path.join(site, "kapitel-*.csv")) if any(r and r[0] == "Wesermarsch" and value in r for r in read(f)[0])]
ok(found, f"Kennzahlen: Bevölkerung Wesermarsch 2024 = {value} (LSN) in einer CSV-Datei")
PY

# the map of the Einbürgerungen (2-3-1): every Kreis of the geometry once, the
# Wesermarsch outlined and coloured as the legend class of its value (LSN)
$PY - "$site/kapitel-10.html" config/geo/kreise_niedersachsen.geojson $nds/csv/indicator_2-3-1.csv <<'PY'
import csv, json, re, sys
page, geo, lsn = sys.argv[1:4]
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
html = open(page, encoding="utf-8").read()
m = re.search(r'<figure class="karte">(.*?)</figure>', html, re.S)
ok(m is not None, "Karte: als SVG im Kapitel Kennzahlen")
svg = m.group(1) if m else ""
ars = sorted(f["properties"]["ARS"] for f in json.load(open(geo, encoding="utf-8"))["features"])
areas = {a: f for f, a in re.findall(r'<path fill="(#[0-9A-F]{6})" data-ars="(\d+)"', svg)}
ok(sorted(areas) == ars, f"Karte: jeder der {len(ars)} Kreise der Geometrie genau einmal ({len(areas)})")
ok(re.search(r'class="umriss"[^>]*data-ars="03461"', svg) is not None, "Karte: Wesermarsch umrandet")
rows = [r for r in csv.DictReader(open(lsn, encoding="utf-8-sig")) if r["GeoCode"].startswith("K") and r["Value"]]
jahr = max(int(r["Year"]) for r in rows)
wert = float([r for r in rows if r["GeoCode"] == "K03461" and int(r["Year"]) == jahr][0]["Value"])
def zahl(t): return float(t.replace(".", "").replace(",", "."))
klasse = None
for farbe, text in re.findall(r'<rect [^>]*fill="(#[0-9A-F]{6})" stroke="#999"/>\n<text [^>]*>([^<]*)</text>', svg):
    r = re.fullmatch(r"([\d.,]+) bis (unter )?([\d.,]+)( %)?", text)
    if r and zahl(r.group(1)) <= wert and (wert < zahl(r.group(3)) or (not r.group(2) and wert <= zahl(r.group(3)))):
        klasse = farbe
ok(klasse is not None and areas.get("03461") == klasse,
   f"Karte: Wesermarsch {jahr} ({wert:g}) in der Farbe ihrer Klasse ({areas.get('03461')}, Legende {klasse})")
ok(f"<title id=\"karte-1-t\">" in svg and "Wesermarsch" in re.search(r'<desc id="karte-1-d">([^<]*)', svg).group(1),
   "Karte: title und Alternativtext mit dem eigenen Kreis")
ok("Kartengrundlage: © GeoBasis-DE / BKG" in svg, "Karte: Quellenvermerk der Geometrie")
PY

# the same content as the PDF: the chapters and sections of the HTML (h1 of each
# page, the numbered h2) are the PDF's bookmarks in the same order, and every SVG
# desc is the /Alt of a Figure of integrationsbericht.pdf (pikepdf)
$PY - "$site" "$out/integrationsbericht.pdf" <<'PY'
import glob, html, os, re, sys
import pikepdf
site, pdfpath = sys.argv[1:3]
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
pdf = pikepdf.open(pdfpath)
with pdf.open_outline() as o:
    def walk(items, acc):
        for it in items:
            acc.append(it.title)
            walk(it.children, acc)
        return acc
    bookmarks = [t for t in walk(o.root, []) if t != "Inhalt"]
def text(s): return " ".join(html.unescape(re.sub(r"<[^>]+>", "", s)).split())
pages = sorted(glob.glob(os.path.join(site, "kapitel-*.html"))) + sorted(glob.glob(os.path.join(site, "anhang-*.html")))
heads = []
for p in pages:
    t = open(p, encoding="utf-8").read()
    heads += [text(h) for lv, h in re.findall(r"<h([12])[^>]*>(.*?)</h\1>", t, re.S) if lv == "1" or re.match(r"\s*[0-9A-Z]+\.\d+ ", text(h))]
ok(heads == bookmarks, f"wie im PDF: {len(heads)} Kapitel und Abschnitte in der Reihenfolge der Lesezeichen "
   f"({[(a, b) for a, b in zip(heads, bookmarks) if a != b][:2]}, {len(bookmarks)} Lesezeichen)")
alts = []
def st(node):
    if isinstance(node, pikepdf.Dictionary):
        if node.get("/S") == "/Figure" and "/Alt" in node: alts.append(str(node.Alt))
        if node.get("/K") is not None: st(node.K)
    elif isinstance(node, pikepdf.Array):
        for x in node: st(x)
st(pdf.Root.StructTreeRoot)
descs = [text(d) for p in pages for d in re.findall(r'<desc id="[^"]+">(.*?)</desc>', open(p, encoding="utf-8").read(), re.S)]
ok(descs and sorted(descs) == sorted(" ".join(a.split()) for a in alts),
   f"wie im PDF: die {len(descs)} Alternativtexte der Diagramme und Karten = /Alt der {len(alts)} Figures")
PY

# (a) rendering in headless Chromium
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
    skip "Darstellung in Chromium nicht geprüft: /usr/bin/chromium fehlt (Debian-Paket chromium)"
elif ! "$chromium" --version >"$TMP/chromium.version" 2>&1; then
    skip "Darstellung in Chromium nicht geprüft: chromium --version scheitert ($(head -n 1 "$TMP/chromium.version"))"
else
    ch() { timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
               --user-data-dir="$TMP/chromium" "$@" 2>>"$TMP/chromium.err"; }
    for p in index kapitel-03 kapitel-10 anhang-a; do
        ch --dump-dom "file://$site/$p.html" >"$TMP/$p.dom"
        check_eq "Chromium: $p.html geladen (Exit-Code)" 0 "$?"
    done
    ch --window-size=1100,1600 --screenshot="$TMP/kapitel-10.png" "file://$site/kapitel-10.html" >/dev/null
    check_eq "Chromium: Bildschirmfoto von kapitel-10.html (Exit-Code)" 0 "$?"
    check "Chromium: Bildschirmfoto ist ein PNG" sh -c "head -c 8 '$TMP/kapitel-10.png' | od -An -c | grep -q 'P   N   G'"
    $PY - "$TMP" templates/wesermarsch/bericht.ini tests/fixtures/anhang6/massnahmen_wesermarsch_anhang6.csv $nds/csv/indicator_1-1-1.csv <<'PY'
import collections, configparser, csv, re, sys
from html.parser import HTMLParser
tmp, vorlage, inp, bev = sys.argv[1:5]
def ok(c, d): print(("ok - " if c else "not ok - ") + d)
class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.h, self.cur, self.cells, self.cell, self.desc, self.indesc, self.lang = [], None, [], None, [], False, None
    def handle_starttag(self, t, a):
        if t == "html": self.lang = dict(a).get("lang")
        if re.fullmatch(r"h[1-6]", t): self.cur = [t, ""]
        if t in ("td", "th"): self.cell = ""
        if t == "desc": self.indesc = True; self.desc.append("")
    def handle_endtag(self, t):
        if self.cur and t == self.cur[0]: self.h.append((t, " ".join(self.cur[1].split()))); self.cur = None
        if t in ("td", "th") and self.cell is not None: self.cells.append(self.cell.strip()); self.cell = None
        if t == "desc": self.indesc = False
    def handle_data(self, d):
        if self.cur: self.cur[1] += d
        if self.cell is not None: self.cell += d
        if self.indesc: self.desc[-1] += d
def dom(name):
    p = Dom(); p.feed(open(f"{tmp}/{name}.dom", encoding="utf-8").read()); return p
ini = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=None)
ini.read(vorlage, encoding="utf-8")
kapitel = [ini[s]["titel"] for s in ini.sections() if s.startswith("kapitel:")]
anhang = [ini[s]["titel"] for s in ini.sections() if s.startswith("anhang:")]
idx = dom("index")
ok(idx.lang == "de" and ("h1", ini["bericht"]["titel"]) in idx.h, f"Chromium: Startseite mit h1 „{ini['bericht']['titel']}“ ({idx.h[:1]})")
ok(idx.h[1:2] == [("h2", "Inhalt")], f"Chromium: Startseite mit Inhaltsverzeichnis ({idx.h[1:2]})")
k3 = dom("kapitel-03")
ok(k3.h[0] == ("h1", f"3 {kapitel[2]}"), f"Chromium: kapitel-03.html h1 „3 {kapitel[2]}“ ({k3.h[:1]})")
rows = list(csv.DictReader(open(inp, encoding="utf-8")))
mine = [r for r in rows if r["handlungsfeld"] == "Interkulturelle Öffnung"]
ok(all(r["massnahme"].strip() in k3.cells for r in mine) and len(mine) == 24,
   f"Chromium: die {len(mine)} Maßnahmen der Interkulturellen Öffnung als Tabellenzellen in Kapitel 3")
groups = collections.Counter(r["gruppe"] for r in mine)
heads = [t for lv, t in k3.h if lv == "h2"]
ok(all(any(h.startswith(f"3.") and g in h for h in heads) for g in groups if g),
   f"Chromium: Gruppenüberschriften „3.x <Gruppe>“ ({heads[:3]})")
aa = dom("anhang-a")
ok(aa.h[0] == ("h1", f"Anhang A {anhang[0]}"), f"Chromium: Anhang A h1 ({aa.h[:1]})")
ok(sum(c in aa.cells for c in set(r["massnahme"].strip() for r in rows)) == len(set(r["massnahme"].strip() for r in rows)),
   "Chromium: alle Maßnahmen der Eingabe im Anhang A")
k10 = dom("kapitel-10")
v = [r for r in csv.DictReader(open(bev, encoding="utf-8-sig")) if r["GeoCode"] == "K03461" and r["Year"] == "2024"]
value = f"{int(float(v[0]['Value'])):,}".replace(",", ".")
ok(value in k10.cells and any("Wesermarsch 2024: " + value in d for d in k10.desc),
   f"Chromium: Kennzahl {value} in Tabelle und im Alternativtext des Diagramms ({k10.desc[:1]})")
ok(k10.h[0] == ("h1", f"10 {kapitel[9]}"), f"Chromium: kapitel-10.html h1 ({k10.h[:1]})")
PY
fi

# a re-run writes byte-identical files; a bad key leaves the edition
idx1=$(sha "$site/index.html"); a1=$(sha "$site/anhang-a-tabelle-1.csv")
run_ib render-html --config "$TMP/bericht.ini" --out "$out"
check_eq "render-html allein endet mit 0" 0 "$rc"
check_eq "Wiederholung: index.html byte-gleich" "$idx1" "$(sha "$site/index.html")"
check_eq "Wiederholung: CSV byte-gleich" "$a1" "$(sha "$site/anhang-a-tabelle-1.csv")"
check "keine temporären Ordner im Ausgabeordner" sh -c "! ls -A '$out' | grep -q '^\.html\.tmp'"
printf '[html]\nausgabe = vielleicht\n' >> "$TMP/bericht.ini"
run_ib render-html --config "$TMP/bericht.ini" --out "$out"
check_eq "[html] ausgabe = vielleicht: Exit-Code 2" 2 "$rc"
check_grep "[html] ausgabe = vielleicht: deutsche Meldung" "[html] ausgabe = „vielleicht“: erlaubt sind ja und nein" "$TMP/log"
check_eq "die letzte Ausgabe bleibt stehen" "$idx1" "$(sha "$site/index.html")"
sed -i 's/^ausgabe = vielleicht/ausgabe = nein/' "$TMP/bericht.ini"
run_ib render-html --config "$TMP/bericht.ini" --out "$TMP/out2" --store "$out/ibericht.sqlite"
check_eq "[html] ausgabe = nein: Exit-Code 0" 0 "$rc"
check "[html] ausgabe = nein: kein Ordner html" test ! -e "$TMP/out2/html"
