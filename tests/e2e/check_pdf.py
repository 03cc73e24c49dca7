#!/usr/bin/python3
"""check_pdf.py — checks that a PDF of ibericht is tagged and warning-free.

    /usr/bin/python3 tests/e2e/check_pdf.py [Optionen] DATEI.pdf …

Reads each file with pikepdf (QPDF) and checks, by default:

  katalog    StructTreeRoot, /MarkInfo << /Marked true >>, /Lang (de-DE),
             /ViewerPreferences << /DisplayDocTitle true >>
  xmp        a /Metadata stream that is well-formed XML and repeats the
             /Title of the document info as dc:title
  tounicode  every ToUnicode CMap maps with bfchar/bfrange (no begincidrange)
  poppler    pdffonts and pdftotext print nothing on stderr
  text       every text-show operator (Tj TJ ' ") of every page is inside a
             marked-content sequence that is an /Artifact or has an /MCID
  mcid       every MCID of a page is referenced from the ParentTree (page
             /StructParents → array by MCID → the element, whose /K has it),
             and used once per page
  figure     every Figure element has a non-empty /Alt
  th         every TH element has /A << /Scope … >>
  link       every Link annotation has a non-empty /Contents and a
             /StructParent that leads to a Link element

Options:
  --ohne PRUEFUNG[,…]  leave these checks out (e.g. --ohne text,mcid while
                       the writers are not tagged yet)
  --ueberschriften     also require H1, H2 and H3 elements
  --fusszeilen         also require „Seite x von y“ on every page from the
                       second on (or --fusszeilen-ab N), each in an Artifact,
                       and nowhere in tagged content
  --pdfa               also check PDF/A-1b parts: output intent GTS_PDFA1 with
                       an RGB profile, pdfaid:part 1 in the XMP, a /CIDSet in
                       the descriptor of every TrueType subset, no /SMask
  --baum               print the structure tree in reading order, one line per
                       element: indentation, role, „: “ and the text of its own
                       marked content (MCIDs), then run the checks as usual

Prints a summary per file ("… 0 Textoperatoren ohne Tag"), every violation on
its own line ("DATEI: Seite 3: …"), exits 1 when there is any, 2 when a file
cannot be read.
"""
import re
import subprocess
import sys
import xml.dom.minidom

import pikepdf

CHECKS = ["katalog", "xmp", "tounicode", "poppler", "text", "mcid", "figure", "th", "link"]
SHOW_OPS = {"Tj", "TJ", "'", '"'}


def name(o):
    return str(o) if isinstance(o, pikepdf.Name) else None


def as_list(o):
    if o is None:
        return []
    if isinstance(o, pikepdf.Array):
        return list(o)
    return [o]


def objkey(o):
    """identity of an indirect object (or of a direct one within this run)"""
    try:
        if o.is_indirect:
            return ("i", o.objgen)
    except Exception:
        pass
    return ("d", id(o))


def decode(font, raw):
    """text of a string operand: two-byte CIDs = code points for Type0
    (ibericht's fonts), else one byte per character"""
    if font is not None and name(font.get("/Subtype")) == "/Type0":
        if len(raw) % 2:
            raw = raw + b"\0"
        return raw.decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


class Page:
    """marked content and text of one page's content stream"""

    def __init__(self, page, number):
        self.number = number
        self.ops = 0                  # text-show operators
        self.untagged = []            # their texts when outside Artifact/MCID
        self.mcid_text = {}           # MCID → text
        self.mcid_count = {}          # MCID → times opened
        self.artifact_text = []       # texts of artifacts
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        stack = []                    # per open BDC/BMC: ("art"|"mcid"|"other", mcid)
        font = None
        cur = None                    # list collecting the text of the current sequence
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "BDC" or op == "BMC":
                tag = name(operands[0])
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                mcid = None
                if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    mcid = int(props["/MCID"])
                elif isinstance(props, pikepdf.Name):
                    prop = page.obj.get("/Resources", {}).get("/Properties", {}).get(str(props))
                    if prop is not None and "/MCID" in prop:
                        mcid = int(prop["/MCID"])
                kind = "art" if tag == "/Artifact" else "mcid" if mcid is not None else "other"
                stack.append((kind, mcid, []))
                if mcid is not None:
                    self.mcid_count[mcid] = self.mcid_count.get(mcid, 0) + 1
            elif op == "EMC":
                if stack:
                    kind, mcid, texts = stack.pop()
                    text = "".join(texts)
                    if kind == "mcid":
                        self.mcid_text[mcid] = (self.mcid_text.get(mcid, "") + " " + text).strip()
                    elif kind == "art":
                        self.artifact_text.append(text.strip())
            elif op == "Tf":
                font = fonts.get(str(operands[0]))
            elif op in ("Td", "TD", "Tm", "T*"):
                for _, _, texts in stack[-1:]:
                    if texts and not texts[-1].endswith(" "):
                        texts.append(" ")
            elif op in SHOW_OPS:
                self.ops += 1
                parts = []
                arg = operands[-1] if operands else None
                for item in as_list(arg):
                    if isinstance(item, pikepdf.String):
                        parts.append(decode(font, bytes(item)))
                    elif isinstance(item, (int, float, pikepdf.Object)) and op == "TJ":
                        try:
                            if float(item) < -200:
                                parts.append(" ")
                        except (TypeError, ValueError):
                            pass
                text = "".join(parts)
                if any(k in ("art", "mcid") for k, _, _ in stack):
                    for k, _, texts in reversed(stack):
                        if k in ("art", "mcid"):
                            texts.append(text)
                            break
                else:
                    self.untagged.append(text)


def number_tree(node, out, depth=0):
    if depth > 32:
        return
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in as_list(node.get("/Kids")):
        number_tree(kid, out, depth + 1)


class Checker:
    def __init__(self, path, args):
        self.path = path
        self.args = args
        self.errors = []

    def fail(self, msg):
        self.errors.append(f"{self.path}: {msg}")

    def run(self):
        try:
            pdf = pikepdf.open(self.path)
        except Exception as e:               # noqa: BLE001 — any reader error
            print(f"{self.path}: nicht lesbar: {e}", file=sys.stderr)
            return 2
        with pdf:
            self.pdf = pdf
            root = pdf.Root
            self.pages = [Page(p, i + 1) for i, p in enumerate(pdf.pages)]
            self.page_index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
            self.elements = []           # (depth, elem, page_index)
            st = root.get("/StructTreeRoot")
            if st is not None:
                for kid in as_list(st.get("/K")):
                    self.walk(kid, 0, None)
            on = [c for c in CHECKS if c not in self.args.ohne]
            for c in on:
                getattr(self, "check_" + c)(root, st)
            if self.args.ueberschriften:
                self.check_headings()
            if self.args.fusszeilen_ab is not None:
                self.check_footers()
            if self.args.pdfa:
                self.check_pdfa(root)
            if self.args.baum:
                self.print_tree()
            ops = sum(p.ops for p in self.pages)
            untagged = sum(len(p.untagged) for p in self.pages)
            print(f"{self.path}: {len(self.pages)} Seiten, {len(self.elements)} Strukturelemente, "
                  f"{ops} Textoperatoren, {untagged} Textoperatoren ohne Tag, "
                  f"{len(self.errors)} Verstöße")
            for e in self.errors:
                print(e)
        return 1 if self.errors else 0

    # ---- structure tree -------------------------------------------------

    def walk(self, node, depth, page, seen=None):
        seen = seen if seen is not None else set()
        if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
            return
        k = objkey(node)
        if k in seen:
            self.fail(f"Strukturelement {name(node.get('/S'))} kommt im Baum zweimal vor")
            return
        seen.add(k)
        pg = node.get("/Pg")
        if pg is not None:
            page = self.page_index.get(pg.objgen, page)
        self.elements.append((depth, node, page))
        for kid in as_list(node.get("/K")):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                self.walk(kid, depth + 1, page, seen)

    def own_mcids(self, elem, page):
        """(page index, MCID) of the element's own marked content, in order"""
        out = []
        for kid in as_list(elem.get("/K")):
            if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
                out.append((page, int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and name(kid.get("/Type")) == "/MCR":
                pg = kid.get("/Pg")
                p = self.page_index.get(pg.objgen, page) if pg is not None else page
                out.append((p, int(kid["/MCID"])))
        return out

    def print_tree(self):
        for depth, elem, page in self.elements:
            texts = []
            for p, m in self.own_mcids(elem, page):
                if p is not None and m in self.pages[p].mcid_text:
                    texts.append(self.pages[p].mcid_text[m])
            text = re.sub(r"\s+", " ", " ".join(t for t in texts if t)).strip()
            role = name(elem.get("/S"))[1:]
            print("  " * depth + role + (": " + text if text else ""))

    # ---- checks ---------------------------------------------------------

    def check_katalog(self, root, st):
        if st is None or name(st.get("/Type")) != "/StructTreeRoot":
            self.fail("kein /StructTreeRoot im Katalog")
        mi = root.get("/MarkInfo")
        if mi is None or not bool(mi.get("/Marked", False)):
            self.fail("/MarkInfo << /Marked true >> fehlt")
        lang = root.get("/Lang")
        if lang is None or str(lang) != "de-DE":
            self.fail(f"/Lang ist nicht de-DE ({lang})")
        vp = root.get("/ViewerPreferences")
        if vp is None or not bool(vp.get("/DisplayDocTitle", False)):
            self.fail("/ViewerPreferences << /DisplayDocTitle true >> fehlt")

    def xmp_dom(self, root):
        md = root.get("/Metadata")
        if md is None:
            return None
        raw = md.read_bytes().decode("utf-8")
        return xml.dom.minidom.parseString(raw[raw.index("<x:xmpmeta"):raw.index("</x:xmpmeta>") + 12])

    def check_xmp(self, root, st):
        try:
            dom = self.xmp_dom(root)
        except Exception as e:               # noqa: BLE001
            self.fail(f"XMP-Metadaten sind kein XML: {e}")
            return
        if dom is None:
            self.fail("keine XMP-Metadaten (/Metadata)")
            return
        title = self.pdf.docinfo.get("/Title") if self.pdf.trailer.get("/Info") is not None else None
        if title is not None:
            li = dom.getElementsByTagName("dc:title")
            got = li[0].getElementsByTagName("rdf:li")[0].firstChild.data if li else None
            if got != str(title):
                self.fail(f"XMP dc:title „{got}“ ≠ Info /Title „{title}“")

    def fonts(self):
        seen = {}
        for page in self.pdf.pages:
            for _, f in page.obj.get("/Resources", {}).get("/Font", {}).items():
                seen[objkey(f)] = f
        return list(seen.values())

    def check_tounicode(self, root, st):
        for f in self.fonts():
            tu = f.get("/ToUnicode")
            if tu is None:
                if name(f.get("/Subtype")) == "/Type0":
                    self.fail(f"Schrift {f.get('/BaseFont')}: keine ToUnicode-CMap")
                continue
            cmap = tu.read_bytes().decode("latin-1")
            if "begincidrange" in cmap or not re.search(r"beginbf(char|range)", cmap):
                self.fail(f"Schrift {f.get('/BaseFont')}: ToUnicode-CMap ohne bfchar/bfrange")

    def check_poppler(self, root, st):
        for tool in (["pdffonts", self.path], ["pdftotext", self.path, "/dev/null"]):
            r = subprocess.run(tool, capture_output=True, text=True)
            if r.returncode != 0 or r.stderr.strip():
                first = r.stderr.strip().splitlines()[:1]
                self.fail(f"{tool[0]}: Exit {r.returncode}, Meldungen auf stderr: {first}")

    def check_text(self, root, st):
        for p in self.pages:
            if p.untagged:
                sample = next((t for t in p.untagged if t.strip()), p.untagged[0])
                self.fail(f"Seite {p.number}: {len(p.untagged)} Textoperatoren ohne Tag "
                          f"(z. B. „{sample[:60]}“)")

    def check_mcid(self, root, st):
        tree = {}
        if st is not None and st.get("/ParentTree") is not None:
            number_tree(st["/ParentTree"], tree)
        for i, p in enumerate(self.pages):
            if not p.mcid_count:
                continue
            for m, n in p.mcid_count.items():
                if n > 1:
                    self.fail(f"Seite {p.number}: MCID {m} {n}-mal vergeben")
            key = self.pdf.pages[i].obj.get("/StructParents")
            arr = tree.get(int(key)) if key is not None else None
            if arr is None:
                self.fail(f"Seite {p.number}: MCIDs, aber kein Eintrag im ParentTree (/StructParents {key})")
                continue
            for m in sorted(p.mcid_count):
                elem = arr[m] if m < len(arr) else None
                if not isinstance(elem, pikepdf.Dictionary) or "/S" not in elem:
                    self.fail(f"Seite {p.number}: MCID {m} fehlt im ParentTree")
                    continue
                page = self.page_index.get(elem["/Pg"].objgen) if elem.get("/Pg") is not None else None
                if (i, m) not in self.own_mcids(elem, page):
                    self.fail(f"Seite {p.number}: MCID {m}: das Element {name(elem['/S'])} "
                              "des ParentTree führt sie nicht in /K")

    def roles(self, role):
        return [(e, p) for _, e, p in self.elements if name(e.get("/S")) == role]

    def check_figure(self, root, st):
        for e, p in self.roles("/Figure"):
            alt = e.get("/Alt")
            if alt is None or not str(alt).strip():
                self.fail(f"Figure auf Seite {p + 1 if p is not None else '?'} ohne /Alt")

    def check_th(self, root, st):
        for e, p in self.roles("/TH"):
            scope = None
            for a in as_list(e.get("/A")):
                if isinstance(a, pikepdf.Dictionary) and "/Scope" in a:
                    scope = a["/Scope"]
            if scope is None:
                self.fail(f"TH auf Seite {p + 1 if p is not None else '?'} ohne /Scope")

    def check_link(self, root, st):
        tree = {}
        if st is not None and st.get("/ParentTree") is not None:
            number_tree(st["/ParentTree"], tree)
        for i, page in enumerate(self.pdf.pages):
            for a in as_list(page.obj.get("/Annots")):
                if name(a.get("/Subtype")) != "/Link":
                    continue
                c = a.get("/Contents")
                if c is None or not str(c).strip():
                    self.fail(f"Seite {i + 1}: Link ohne /Contents")
                sp = a.get("/StructParent")
                elem = tree.get(int(sp)) if sp is not None else None
                if not isinstance(elem, pikepdf.Dictionary) or name(elem.get("/S")) != "/Link":
                    self.fail(f"Seite {i + 1}: Link ohne /StructParent auf ein Link-Element")
                    continue
                if not any(isinstance(k, pikepdf.Dictionary) and name(k.get("/Type")) == "/OBJR"
                           and objkey(k.get("/Obj")) == objkey(a) for k in as_list(elem.get("/K"))):
                    self.fail(f"Seite {i + 1}: das Link-Element führt die Annotation nicht als OBJR")

    def check_headings(self):
        for h in ("/H1", "/H2", "/H3"):
            if not self.roles(h):
                self.fail(f"keine Überschrift {h[1:]} im Strukturbaum")

    def check_footers(self):
        pat = re.compile(r"Seite (\d+) von (\d+)")
        n = len(self.pages)
        for p in self.pages:
            arts = [m.group(0) for t in p.artifact_text for m in pat.finditer(t)]
            tagged = [t for t in p.mcid_text.values() if pat.search(t)]
            if p.number >= self.args.fusszeilen_ab and arts != [f"Seite {p.number} von {n}"]:
                self.fail(f"Seite {p.number}: Fußzeile „Seite {p.number} von {n}“ nicht als Artifact ({arts})")
            if tagged:
                self.fail(f"Seite {p.number}: „{tagged[0]}“ steht im getaggten Inhalt")

    def check_pdfa(self, root):
        intents = as_list(root.get("/OutputIntents"))
        if not any(name(oi.get("/S")) == "/GTS_PDFA1" and oi.get("/DestOutputProfile") is not None
                   and int(oi["/DestOutputProfile"].get("/N", 0)) == 3 for oi in intents):
            self.fail("PDF/A: kein Output-Intent GTS_PDFA1 mit RGB-Profil")
        try:
            dom = self.xmp_dom(root)
            part = dom.getElementsByTagName("pdfaid:part")[0].firstChild.data if dom else None
        except (IndexError, ValueError, AttributeError):
            part = None
        if part != "1":
            self.fail("PDF/A: pdfaid:part 1 fehlt in den XMP-Metadaten")
        for f in self.fonts():
            for d in as_list(f.get("/DescendantFonts")):
                fd = d.get("/FontDescriptor")
                if name(d.get("/Subtype")) == "/CIDFontType2" and "+" in str(d.get("/BaseFont", "")) \
                        and (fd is None or fd.get("/CIDSet") is None):
                    self.fail(f"PDF/A: Teilschrift {d.get('/BaseFont')} ohne /CIDSet")
        for i, page in enumerate(self.pdf.pages):
            for _, x in page.obj.get("/Resources", {}).get("/XObject", {}).items():
                if x.get("/SMask") is not None:
                    self.fail(f"PDF/A: Seite {i + 1}: Bild mit /SMask (Transparenz)")


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdf", nargs="+")
    ap.add_argument("--ohne", default="", type=lambda s: [x for x in s.split(",") if x])
    ap.add_argument("--ueberschriften", action="store_true")
    ap.add_argument("--fusszeilen", dest="fusszeilen_ab", action="store_const", const=2)
    ap.add_argument("--fusszeilen-ab", dest="fusszeilen_ab", type=int)
    ap.add_argument("--pdfa", action="store_true")
    ap.add_argument("--baum", action="store_true")
    args = ap.parse_args(argv)
    bad = [c for c in args.ohne if c not in CHECKS]
    if bad:
        ap.error(f"unbekannte Prüfung: {', '.join(bad)} (bekannt: {', '.join(CHECKS)})")
    rc = 0
    for path in args.pdf:
        rc = max(rc, Checker(path, args).run())
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
