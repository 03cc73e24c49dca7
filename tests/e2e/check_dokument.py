#!/usr/bin/python3
"""check_dokument.py — read a report PDF of the document layer back with real readers
(pdftotext -layout, pdfinfo, qpdf --json) and check it against its template.

    check_dokument.py PDF --vorlage INI [--ausgabe ID] [--zwischentitel TEXT]…
                          [--tabellenkopf TEXT]… [--gremium TEXT] [--nicht KAPITEL=TEXT]… [--auch KAPITEL=TEXT]…

Prints one "ok - …" / "not ok - …" line per check (tests/e2e/lib.sh convention).
Checks: the table of contents lists exactly the template's (edition's) chapters, and
every entry's page number is the page where the heading is; the page count agrees
with pdfinfo and the footers; the bookmarks are the chapters and sections with their
numbers (UTF-8 intact) and point at the same pages; every TOC entry links to its page;
the running header names the chapter of each page; no heading is the last line of a
page, not even above a table header (--tabellenkopf: the start of a header row) that
ended up alone at the page bottom; landscape chapters have landscape pages, all others portrait.
"""
import argparse
import configparser
import json
import re
import subprocess
import sys

results = []


def check(desc, cond, detail=""):
    detail = str(detail)
    if len(detail) > 400:
        detail = detail[:400] + " …"
    print(("ok - " if cond else "not ok - ") + desc + ("" if cond or not detail else f" ({detail})"))
    results.append(cond)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- readers

def pages_text(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def pdfinfo(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return dict(re.findall(r"^([^:]+):\s*(.*)$", out, re.M))


class Pdf:
    """The object graph from qpdf --json=2."""

    def __init__(self, pdf):
        j = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", pdf],
                                      capture_output=True, text=True).stdout)
        self.objs = j["qpdf"][1]
        self.trailer = self.objs["trailer"]["value"]
        self.root = self.get(self.trailer["/Root"])
        self.pages = []
        self._collect(self.get(self.root["/Pages"]), self.root["/Pages"])
        self.index = {ref: i for i, ref in enumerate(self.page_refs)}

    def get(self, ref):
        if isinstance(ref, str) and ref.endswith(" R"):
            o = self.objs["obj:" + ref]
            return o.get("value", o.get("stream", {}).get("dict"))
        return ref

    def _collect(self, node, ref):
        if not hasattr(self, "page_refs"):
            self.page_refs = []
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                self._collect(self.get(kid), kid)
        else:
            self.pages.append(node)
            self.page_refs.append(ref)

    @staticmethod
    def text(s):
        return s[2:] if isinstance(s, str) and s.startswith("u:") else s

    def outline(self):
        """[(title, page index, [(title, page index), …]), …]"""
        def walk(first):
            items, ref = [], first
            while ref:
                o = self.get(ref)
                dest = self.get(o.get("/Dest")) if "/Dest" in o else None
                page = self.index.get(dest[0]) if dest else None
                kids = walk(o["/First"]) if "/First" in o else []
                items.append((self.text(o["/Title"]), page, kids))
                ref = o.get("/Next")
            return items
        ol = self.get(self.root.get("/Outlines")) if "/Outlines" in self.root else None
        return walk(ol["/First"]) if ol and "/First" in ol else []

    def links(self, i):
        """target page indices of the link annotations on page i, top to bottom"""
        out = []
        for a in self.get(self.pages[i].get("/Annots", [])) or []:
            a = self.get(a)
            if a.get("/Subtype") != "/Link":
                continue
            dest = self.get(a.get("/Dest"))
            rect = [float(x) for x in self.get(a["/Rect"])]
            out.append((-max(rect[1], rect[3]), self.index.get(dest[0]) if dest else None))
        return [p for _, p in sorted(out)]

    def mediabox(self, i):
        return [float(x) for x in self.get(self.pages[i]["/MediaBox"])]


# ---------------------------------------------------------------- template

def expected_chapters(ini, ausgabe):
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(ini, encoding="utf-8")
    kap = [(s.split(":", 1)[1], cp[s]) for s in cp.sections() if s.startswith("kapitel:")]
    kap += [(s.split(":", 1)[1], cp[s]) for s in cp.sections() if s.startswith("anhang:")]
    if ausgabe:
        wanted = [x.strip() for x in cp["ausgabe:" + ausgabe]["kapitel"].split(",")]
        kap = [k for k in kap if k[0] in wanted]
    return [(sec["titel"], sec.get("quer", "nein") == "ja") for _, sec in kap]


# ---------------------------------------------------------------- table of contents

ENTRY = re.compile(r"^(?P<indent>\s*)(?P<rest>.*?)\s*(?:\.\s*){4,}(?P<page>\d+)\s*$")
NUMBER = re.compile(r"^(\d+|[A-Z])(\.\d+)?$")


def toc_entries(pages):
    """[(level, number, title, page)] from the pages whose running header is „Inhalt“"""
    entries, pending = [], ""
    for text in pages[1:]:
        lines = text.split("\n")
        if not lines or not lines[0].strip().startswith("Inhalt"):
            break
        for line in lines[1:]:
            s = line.strip()
            if not s or s == "Inhalt" or s == "Anhang" or s.startswith("Stand:"):
                continue
            m = ENTRY.match(line)
            if not m:
                pending = (pending + " " + s).strip()
                continue
            full = (pending + " " + m.group("rest").strip()).strip()
            pending = ""
            number, _, title = full.partition(" ")
            if not NUMBER.match(number):
                number, title = "", full
            level = 2 if "." in number else 1
            if level == 1 and re.fullmatch(r"[A-Z]", number):
                number = "Anhang " + number
            entries.append((level, number, norm(title), int(m.group("page"))))
    return entries


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--vorlage", required=True)
    ap.add_argument("--ausgabe")
    ap.add_argument("--zwischentitel", action="append", default=[])
    ap.add_argument("--tabellenkopf", action="append", default=[])
    ap.add_argument("--gremium")
    ap.add_argument("--nicht", action="append", default=[])
    ap.add_argument("--auch", action="append", default=[])
    a = ap.parse_args()
    name = a.ausgabe or "Gesamtbericht"

    pages = pages_text(a.pdf)
    info = pdfinfo(a.pdf)
    doc = Pdf(a.pdf)
    n = len(pages)
    check(f"{name}: pdfinfo und pdftotext zählen gleich viele Seiten ({n})",
          info.get("Pages") == str(n) == str(len(doc.pages)), f"pdfinfo {info.get('Pages')}")
    footers = [re.search(r"Seite (\d+) von (\d+)", p) for p in pages]
    check(f"{name}: Fußzeile „Seite x von {n}“ auf jeder Seite außer dem Titelblatt",
          footers[0] is None and all(f and f.group(1) == str(i + 1) and f.group(2) == str(n)
                                     for i, f in enumerate(footers[1:], 1)))

    toc = toc_entries(pages)
    toc_pages = sum(1 for p in pages[1:] if p.split("\n")[0].strip().startswith("Inhalt"))
    chapters = expected_chapters(a.vorlage, a.ausgabe)
    got = [t for lvl, _, t, _ in toc if lvl == 1]
    check(f"{name}: Inhaltsverzeichnis nennt genau die Kapitel der Vorlage in ihrer Reihenfolge",
          got == [norm(t) for t, _ in chapters], f"{got} statt {[t for t, _ in chapters]}")

    # every entry's page is where its heading is (and not earlier)
    starts = {}
    bad = []
    for lvl, number, title, page in toc:
        if not 1 <= page <= n:
            bad.append(f"{number} {title}: Seite {page}")
            continue
        if lvl == 1:
            head = f"{number} {title}"
            hdr = lambda i: norm(pages[i - 1].split("\n")[0])
            ok = hdr(page).startswith(norm(head)[:60]) and norm(title) in norm(pages[page - 1]) and \
                not hdr(page - 1).startswith(norm(head)[:60])
            starts[page] = head
        else:
            words = r"\s+".join(map(re.escape, title.split()[:3]))
            pat = re.compile(r"^\s*" + re.escape(number) + r"\s+" + words, re.M)
            first = next((i + 1 for i in range(1 + toc_pages, n) if pat.search(pages[i])), None)
            ok = first == page
        if not ok:
            bad.append(f"{number} {title}: Seite {page}")
    check(f"{name}: die {len(toc)} Seitenzahlen im Inhaltsverzeichnis sind die Seiten der Überschriften",
          toc and not bad, "; ".join(bad[:5]))

    # bookmarks: „Inhalt“, then chapters with their sections, pointing at the TOC's pages
    ol = doc.outline()
    want, kids = [("Inhalt", 1, [])], None
    for lvl, number, title, page in toc:
        if lvl == 1:
            kids = []
            want.append((f"{number} {title}", page - 1, kids))
        else:
            kids.append((f"{number} {title}", page - 1, []))
    got_ol = [(norm(t), p, [(norm(kt), kp, []) for kt, kp, _ in k]) for t, p, k in ol]
    check(f"{name}: Lesezeichen = Kapitel und Abschnitte mit Nummer, UTF-8 unversehrt, Ziel = Seite laut Inhaltsverzeichnis",
          got_ol == want, f"erstes abweichendes: {next((x for x in zip(got_ol, want) if x[0] != x[1]), None)}")

    # links from the TOC
    links = [p for i in range(1, 1 + toc_pages) for p in doc.links(i)]
    check(f"{name}: jeder Eintrag im Inhaltsverzeichnis verlinkt auf seine Seite ({len(links)} Links)",
          links == [page - 1 for _, _, _, page in toc], f"{links[:8]} …")

    # running header: the chapter in force on every page
    current, wrong = None, []
    for i in range(2, n + 1):
        if i <= 1 + toc_pages:
            expect = "Inhalt"
        else:
            current = starts.get(i, current)
            expect = current
        if not expect or not norm(pages[i - 1].split("\n")[0]).startswith(norm(expect)[:60]):
            wrong.append(i)
    check(f"{name}: Kopfzeile nennt auf jeder Seite das laufende Kapitel", not wrong, f"Seiten {wrong[:10]}")

    # no heading as the last line of a page
    heads = [re.compile(r"^\s*" + re.escape(num) + r"\s+" + r"\s+".join(map(re.escape, t.split()[:3])))
             for lvl, num, t, _ in toc if lvl == 2]
    heads += [re.compile(r"^\s*" + re.escape(t) + r"\s*$") for t in a.zwischentitel]
    alone = []
    for i, p in enumerate(pages[1 + toc_pages:], 2 + toc_pages):
        body = [ln for ln in p.split("\n")[1:] if ln.strip() and not re.search(r"Seite \d+ von \d+", ln)]
        if body and any(norm(body[-1]).startswith(norm(k)) for k in a.tabellenkopf):
            alone.append(f"S. {i}: Tabellenkopf ohne Zeile")
            body.pop()
        if body and any(h.search(body[-1]) for h in heads):
            alone.append(f"S. {i}: {body[-1].strip()}")
    check(f"{name}: keine Überschrift steht als letzte Zeile einer Seite", not alone, "; ".join(alone))

    # page directions
    quer = {norm(t) for t, q in chapters if q}
    wrong = []
    chapter = None
    for i in range(n):
        chapter = starts.get(i + 1, chapter)
        title = chapter.split(" ", 1)[1] if chapter else ""
        if chapter and chapter.startswith("Anhang "):
            title = chapter.split(" ", 2)[2]
        x0, y0, x1, y1 = doc.mediabox(i)
        landscape = x1 - x0 > y1 - y0
        if landscape != (norm(title) in quer):
            wrong.append(i + 1)
        if abs(min(x1 - x0, y1 - y0) - 595.276) > 0.5 or abs(max(x1 - x0, y1 - y0) - 841.89) > 0.5:
            wrong.append(f"{i + 1} (kein A4)")
    nq = sum(1 for i in range(n) if doc.mediabox(i)[2] > doc.mediabox(i)[3])
    check(f"{name}: MediaBox A4, quer genau auf den {nq} Seiten der Kapitel mit quer = ja", not wrong and (nq > 0) == bool(quer),
          f"Seiten {wrong[:10]}")

    if a.gremium:
        check(f"{name}: Titelblatt nennt das Gremium", norm("Vorlage für: " + a.gremium) in norm(pages[0]))

    def chapter_text(title):
        out, inside = [], False
        for i in range(1 + toc_pages, n):
            head = starts.get(i + 1)
            if head:
                inside = head.endswith(norm(title))
            if inside:
                out.append(pages[i])
        return norm(" ".join(out))
    for spec in a.nicht:
        kap, _, text = spec.partition("=")
        body = chapter_text(kap)
        check(f"{name}: „{text}“ fehlt im Kapitel „{kap}“", body and norm(text) not in body)
    for spec in a.auch:
        kap, _, text = spec.partition("=")
        check(f"{name}: „{text}“ steht im Kapitel „{kap}“", norm(text) in chapter_text(kap))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
