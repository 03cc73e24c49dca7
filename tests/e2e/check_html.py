#!/usr/bin/python3
"""check_html.py — accessibility and self-containedness of a static HTML site
(the HTML edition, out/html/), from the markup (html.parser):

  - <html lang="de">, <meta charset="utf-8">, a non-empty <title>
  - exactly one h1; heading levels never skip (h1 → h3) in document order
  - every <table> has a non-empty <caption>, a header row of th, and every th
    a scope (col, row, colgroup, rowgroup)
  - every <svg> has role="img" and a non-empty <title> (and <desc>); its
    aria-labelledby names ids of the page
  - every <img> has a non-empty alt
  - no <script>, no on…= event attribute, no external reference (src, href,
    xlink:href, srcset, CSS url() and @import starting with http:, https:, //
    or another scheme but mailto:) in the pages and in the CSS files
  - every local link leads to a file of the site, and an #anchor to an id of
    that page
  - every CSV link: the file parses (UTF-8 with BOM, semicolon) and has the
    table's header and as many rows as the table's body (a body with the one
    „keine“ row spanning all columns: none)

Prints one "ok - …" / "not ok - …" line per check (tests/e2e/lib.sh);
exit 1 when one failed.  Usage: check_html.py SITE_DIR [LABEL]
"""
import csv
import io
import os
import re
import sys
from html.parser import HTMLParser

EXTERNAL = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def external(url):
    return bool(EXTERNAL.match(url)) and not url.strip().lower().startswith("mailto:")


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.lang = None
        self.charset = False
        self.title = ""
        self.in_title = False
        self.headings = []          # (level, text)
        self.cur_heading = None
        self.ids = set()
        self.problems = []
        self.links = []             # href values
        self.tables = []            # dicts
        self.table = None
        self.svgs = []
        self.svg = None
        self.imgs_bad = 0
        self.imgs = 0
        self.scripts = 0
        self.events = []
        self.externals = []
        self.styles = []            # text of <style> and style attributes
        self.in_style = False

    # -- helpers
    def attr(self, attrs, name):
        for k, v in attrs:
            if k == name:
                return v if v is not None else ""
        return None

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        for k, v in attrs:
            if k == "id" and v:
                self.ids.add(v)
            if k.startswith("on"):
                self.events.append(f"{tag} {k}")
            if k in ("src", "href", "xlink:href", "action", "poster", "data") and v and external(v):
                self.externals.append(f"{tag} {k}={v}")
            if k == "srcset" and v and any(external(p.strip().split(" ")[0]) for p in v.split(",")):
                self.externals.append(f"{tag} srcset={v}")
            if k == "style" and v:
                self.styles.append(v)
        if tag == "html":
            self.lang = self.attr(attrs, "lang")
        elif tag == "meta" and (self.attr(attrs, "charset") or "").lower() == "utf-8":
            self.charset = True
        elif tag == "title" and self.svg is None:
            self.in_title = True
        elif tag == "script":
            self.scripts += 1
        elif tag == "style":
            self.in_style = True
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.cur_heading = [int(tag[1]), ""]
        elif tag == "a":
            href = self.attr(attrs, "href")
            if href is not None:
                self.links.append(href)
        elif tag == "link":
            href = self.attr(attrs, "href")
            if href and not external(href):
                self.links.append(href)
        elif tag == "img":
            self.imgs += 1
            alt = self.attr(attrs, "alt")
            if alt is None or not alt.strip():
                self.imgs_bad += 1
        elif tag == "table":
            self.table = {"caption": "", "in_caption": False, "th": 0, "th_noscope": 0, "head_th": [],
                          "in_thead": False, "body_rows": 0, "in_tbody": False, "cells": [], "cell": None,
                          "csv": None, "colspan_row": False, "cur_cell_text": None}
            self.tables.append(self.table)
        elif self.table is not None and tag == "caption":
            self.table["in_caption"] = True
        elif self.table is not None and tag == "thead":
            self.table["in_thead"] = True
        elif self.table is not None and tag == "tbody":
            self.table["in_tbody"] = True
        elif self.table is not None and tag == "tr" and self.table["in_tbody"]:
            self.table["body_rows"] += 1
        elif self.table is not None and tag in ("th", "td"):
            if tag == "th":
                self.table["th"] += 1
                if self.attr(attrs, "scope") not in ("col", "row", "colgroup", "rowgroup"):
                    self.table["th_noscope"] += 1
            if self.table["in_tbody"] and self.attr(attrs, "colspan"):
                self.table["colspan_row"] = True
            self.table["cur_cell_text"] = ""
        elif tag == "svg":
            self.svg = {"role": self.attr(attrs, "role"), "title": "", "desc": "",
                        "labelledby": self.attr(attrs, "aria-labelledby"), "in": None}
            self.svgs.append(self.svg)
        elif self.svg is not None and tag in ("title", "desc") and self.svg["in"] is None:
            self.svg["in"] = tag

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if tag == "title":
            if self.svg is not None and self.svg["in"] == "title":
                self.svg["in"] = None
            self.in_title = False
        elif tag == "desc" and self.svg is not None:
            self.svg["in"] = None
        elif tag == "style":
            self.in_style = False
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.cur_heading:
            self.headings.append((self.cur_heading[0], self.cur_heading[1].strip()))
            self.cur_heading = None
        elif tag == "svg":
            self.svg = None
        elif self.table is not None:
            if tag == "caption":
                self.table["in_caption"] = False
            elif tag == "thead":
                self.table["in_thead"] = False
            elif tag == "tbody":
                self.table["in_tbody"] = False
            elif tag in ("th", "td") and self.table["cur_cell_text"] is not None:
                if self.table["in_thead"]:
                    self.table["head_th"].append(self.table["cur_cell_text"].strip())
                self.table["cur_cell_text"] = None
            elif tag == "table":
                self.table = None

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_style:
            self.styles.append(data)
        if self.cur_heading is not None:
            self.cur_heading[1] += data
        if self.svg is not None and self.svg["in"]:
            self.svg[self.svg["in"]] += data
        if self.table is not None:
            if self.table["in_caption"]:
                self.table["caption"] += data
            if self.table["cur_cell_text"] is not None:
                self.table["cur_cell_text"] += data


def css_externals(text):
    bad = []
    for m in re.finditer(r"url\(\s*['\"]?([^'\")]+)", text):
        if external(m.group(1)):
            bad.append(m.group(0))
    for m in re.finditer(r"@import\s+(?:url\()?\s*['\"]?([^'\");]+)", text):
        if external(m.group(1)):
            bad.append(m.group(0))
    return bad


def main():
    site = sys.argv[1]
    label = sys.argv[2] if len(sys.argv) > 2 else os.path.basename(os.path.normpath(site))
    failed = False

    def ok(cond, desc):
        nonlocal failed
        print(("ok - " if cond else "not ok - ") + f"{label}: {desc}")
        failed |= not cond

    files = sorted(os.listdir(site)) if os.path.isdir(site) else []
    pages = [f for f in files if f.endswith(".html")]
    ok("index.html" in pages, f"index.html vorhanden ({len(pages)} Seiten)")
    parsed = {}
    for name in pages:
        p = Page()
        with open(os.path.join(site, name), encoding="utf-8") as fh:
            p.feed(fh.read())
        p.close()
        parsed[name] = p
    ids = {name: p.ids for name, p in parsed.items()}

    problems = {k: [] for k in ("lang", "charset", "title", "h1", "order", "caption", "thead", "scope", "svg",
                                "img", "script", "event", "external", "link", "csv")}
    n_tables = n_svgs = n_imgs = n_csv = 0
    for name, p in parsed.items():
        if p.lang != "de":
            problems["lang"].append(f"{name}: lang={p.lang!r}")
        if not p.charset:
            problems["charset"].append(name)
        if not p.title.strip():
            problems["title"].append(name)
        levels = [lv for lv, _ in p.headings]
        if levels.count(1) != 1 or (levels and levels[0] != 1):
            problems["h1"].append(f"{name}: {levels.count(1)}× h1")
        for a, b in zip(levels, levels[1:]):
            if b > a + 1:
                problems["order"].append(f"{name}: h{a} → h{b}")
                break
        for i, t in enumerate(p.tables):
            n_tables += 1
            where = f"{name} Tabelle {i + 1}"
            if not t["caption"].strip():
                problems["caption"].append(where)
            if not t["head_th"]:
                problems["thead"].append(where)
            if t["th_noscope"]:
                problems["scope"].append(f"{where}: {t['th_noscope']} th ohne scope")
        for i, s in enumerate(p.svgs):
            n_svgs += 1
            where = f"{name} svg {i + 1}"
            if s["role"] != "img":
                problems["svg"].append(f"{where}: role={s['role']!r}")
            if not s["title"].strip():
                problems["svg"].append(f"{where}: ohne title")
            if not s["desc"].strip():
                problems["svg"].append(f"{where}: ohne desc")
            if not s["labelledby"] or any(x not in p.ids for x in s["labelledby"].split()):
                problems["svg"].append(f"{where}: aria-labelledby={s['labelledby']!r}")
        n_imgs += p.imgs
        if p.imgs_bad:
            problems["img"].append(f"{name}: {p.imgs_bad} img ohne alt")
        if p.scripts:
            problems["script"].append(name)
        if p.events:
            problems["event"].append(f"{name}: {p.events[:2]}")
        ext = p.externals + [x for s in p.styles for x in css_externals(s)]
        if ext:
            problems["external"].append(f"{name}: {ext[:2]}")
        # local links and the CSV of each table (the link after the table)
        csv_links = [h for h in p.links if h.endswith(".csv")]
        for href in p.links:
            if external(href):
                continue
            target, _, anchor = href.partition("#")
            target = target or name
            if target not in files:
                problems["link"].append(f"{name}: {href}")
            elif anchor and target.endswith(".html") and anchor not in ids.get(target, set()):
                problems["link"].append(f"{name}: {href} (Anker fehlt)")
        if len(csv_links) != len(p.tables):
            problems["csv"].append(f"{name}: {len(p.tables)} Tabellen, {len(csv_links)} CSV-Verweise")
        for t, href in zip(p.tables, csv_links):
            n_csv += 1
            path = os.path.join(site, href)
            if not os.path.isfile(path):
                continue                        # reported as a broken link
            raw = open(path, "rb").read()
            if not raw.startswith(b"\xef\xbb\xbf"):
                problems["csv"].append(f"{href}: ohne BOM")
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
            body = 0 if t["colspan_row"] and t["body_rows"] == 1 else t["body_rows"]
            if not rows or rows[0] != t["head_th"]:
                problems["csv"].append(f"{href}: Kopf {rows[:1]} ≠ {t['head_th']}")
            elif len(rows) - 1 != body:
                problems["csv"].append(f"{href}: {len(rows) - 1} Zeilen, Tabelle {body}")
            elif any(len(r) != len(rows[0]) for r in rows):
                problems["csv"].append(f"{href}: ungleich lange Zeilen")
    for f in files:
        if f.endswith(".css"):
            bad = css_externals(open(os.path.join(site, f), encoding="utf-8").read())
            if bad:
                problems["external"].append(f"{f}: {bad[:2]}")

    def report(key, desc):
        ok(not problems[key], desc + (f" ({problems[key][:3]})" if problems[key] else ""))

    report("lang", "jede Seite <html lang=\"de\">")
    report("charset", "jede Seite <meta charset=\"utf-8\">")
    report("title", "jede Seite mit <title>")
    report("h1", "jede Seite beginnt mit genau einer h1")
    report("order", "Überschriften überspringen keine Ebene")
    report("caption", f"jede Tabelle mit <caption> ({n_tables} Tabellen)")
    report("thead", "jede Tabelle mit Kopfzeile aus th")
    report("scope", "jedes th mit scope")
    report("svg", f"jedes svg mit role=img, title, desc ({n_svgs} Diagramme)")
    report("img", f"jedes img mit alt ({n_imgs} Bilder)")
    report("script", "kein <script>")
    report("event", "keine on…-Attribute")
    report("external", "keine externen Verweise (http:, https:, //)")
    report("link", "alle Verweise führen auf Dateien und Anker der Ausgabe")
    report("csv", f"jede Tabelle mit CSV-Datei: BOM, Semikolon, Kopf und Zeilenzahl der Tabelle ({n_csv} CSV)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
