#!/usr/bin/python3
"""katalog_niedersachsen.py — config/katalog_niedersachsen.ini aus den Metadaten des LSN.

Aufruf (aus dem Wurzelverzeichnis des Repos):

    /usr/bin/python3 tools/katalog_niedersachsen.py [--daten ORDNER] [--ausgabe DATEI] [--pruefen]

  --daten    Ordner mit csv/ und meta/ (Vorgabe: ../shared/data/niedersachsen neben dem Repo)
  --ausgabe  Vorgabe: config/katalog_niedersachsen.ini
  --pruefen  nur vergleichen: Exit 0, wenn die Datei dem Ergebnis entspricht, sonst 1

Nur die Standardbibliothek; deterministisch.

Quelle: Landesamt für Statistik Niedersachsen (LSN), Integrationsmonitoring im
Open-SDG-Format: csv/indicator_T-Z-N.csv (Daten), meta/T-Z-N.md (YAML-Vorspann:
data_source, Fußnoten), meta/indikatoren_titel.yml und themenfelder_titel.yml
(deutsche Titel).  Was das Skript übernimmt und was von Hand kommt:

  * Handlungsfelder = Themenfelder („T-title“) mit mindestens einem Indikator
    in csv/: [handlungsfeld:T], position T.
  * Je Datei csv/indicator_*.csv ein Indikator [indikator:T-Z-N]: titel
    = „T-Z-N-title“; quelle = „Landesamt für Statistik Niedersachsen (LSN), Datenquelle:
    “ + data_source; hinweis = die erste Fußnote (data_footnote[s]), wenn
    sie in eine Zeile passt.
  * Von Hand (HAND): art, einheit, dezimalen (nach „precision“ der Metadaten),
    polaritaet, dimension und bei aufgegliederten Datensätzen die Leitreihe
    (wert_filter, im Titel nach einem Doppelpunkt genannt).  Einheiten nach
    der Spalte Units bzw. den Metadaten; Zählwerte „in 1000“ bekommen
    schwelle = 0 (hochgerechnete, veröffentlichte Werte, keine Fallzahlen).
    Ein Datensatz mit zwei Einheiten (8-1-1: „in 1000“ und „%“) wählt die
    Einheit mit dem Pseudo-Merkmal „Einheit=…“ — das setzt voraus, dass ingest
    die Spalte Units nach beobachtung.einheit übernimmt.
  * Von Hand auch der Titel (titel), wo der des LSN das Land nennt („Bevölkerung
    in Niedersachsen“, „Einbürgerungen nach Niedersachsen (Anzahl)“): Ein
    Kreisbericht zeigt die Reihe für den Kreis, der Titel nennt kein Gebiet
    und keine Einheit (die steht in der Einheit).
  * Berechnet (BERECHNET): Ausländeranteil = 1-2-1 ÷ 1-1-1 × 100 (nach
    1-2-2) und Einbürgerungsquote = 2-3-1 ÷ 1-2-1 × 100 (Titel nach 2-3-3).
"""

import argparse
import os
import re
import sys

HIER = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HIER)
MAX_ZEILE = 1022

# ID → dict of hand-set keys.  "leitreihe" = label appended to the title.
HAND = {
    "1-1-1": dict(titel="Bevölkerung", art="anzahl", einheit="Personen", dezimalen="0", polaritaet="neutral"),
    "1-2-1": dict(titel="Ausländerinnen und Ausländer", art="anzahl", einheit="Personen", dezimalen="0", polaritaet="neutral"),
    "1-3-4": dict(art="anzahl", einheit="1.000 Personen", dezimalen="1", polaritaet="neutral", schwelle="0",
                  wert_filter="Geschlecht=Insgesamt|Herkunftsland=Insgesamt",
                  leitreihe="insgesamt"),
    "2-1-1": dict(art="anteil", dezimalen="1", polaritaet="niedriger_besser", dimension="strukturell",
                  wert_filter="Geschlecht=insgesamt|Kategorie=Anteil der Ausländerinnen und Ausländer ohne "
                              "Aufenthaltstitel",
                  leitreihe="Anteil ohne Aufenthaltstitel"),
    "2-3-1": dict(titel="Einbürgerungen", art="anzahl", einheit="Personen", dezimalen="0", polaritaet="hoeher_besser",
                  dimension="strukturell"),
    "3-1-1": dict(art="anteil", dezimalen="1", polaritaet="hoeher_besser", dimension="strukturell",
                  wert_filter="Kategorie=Kinder mit Migrationshintergrund 3 bis unter 6 Jahre",
                  leitreihe="Kinder mit Migrationshintergrund von 3 bis unter 6 Jahren"),
    "4-2-2": dict(art="anteil", dezimalen="1", polaritaet="hoeher_besser", dimension="strukturell",
                  wert_filter="Geschlecht=Insgesamt|Nationalität=Ausländerinnen und Ausländer",
                  leitreihe="Ausländerinnen und Ausländer"),
    "5-3-2": dict(art="anteil", dezimalen="1", polaritaet="niedriger_besser", dimension="strukturell",
                  wert_filter="Geschlecht=Insgesamt|Kategorie=Arbeitslosenquote von Ausländerinnen und Ausländern "
                              "(alle Erwerbspersonen)",
                  leitreihe="Ausländerinnen und Ausländer"),
    "6-1-1": dict(art="anteil", dezimalen="1", polaritaet="niedriger_besser", dimension="strukturell",
                  wert_filter="Nationalität / Migrationshintergrund=mit Migrationshintergrund",
                  leitreihe="Menschen mit Migrationshintergrund"),
    "8-1-1": dict(art="anteil", dezimalen="1", polaritaet="neutral", dimension="identifikatorisch",
                  wert_filter="Altersgruppe=Insgesamt|Einheit=%|Geschlecht=Insgesamt",
                  leitreihe="Anteil an allen Wahlberechtigten in Prozent"),
}

# computed indicators: (after which dataset, ID, title key or title, keys)
BERECHNET = [
    ("1-2-1", "auslaenderanteil", "Anteil der Ausländerinnen und Ausländer an der Bevölkerung", [
        ("art", "anteil"), ("zaehler", "1-2-1"), ("nenner", "1-1-1"), ("dezimalen", "1"), ("polaritaet", "neutral"),
        ("quelle", "Landesamt für Statistik Niedersachsen (LSN): Ausländerzentralregister, "
                   "Bevölkerungsfortschreibung; eigene Berechnung"),
        ("hinweis", "Ausländerinnen und Ausländer (1-2-1) je 100 Einwohnerinnen und Einwohner (1-1-1) am 31.12."),
    ]),
    ("2-3-1", "einbuergerungsquote", "Einbürgerungsquote: Anteil der Einbürgerungen an allen Ausländerinnen und "
                                     "Ausländern", [
        ("art", "anteil"), ("zaehler", "2-3-1"), ("nenner", "1-2-1"), ("dezimalen", "2"),
        ("polaritaet", "hoeher_besser"), ("dimension", "strukturell"), ("toleranz", "0,1"),
        ("quelle", "Landesamt für Statistik Niedersachsen (LSN): Einbürgerungsstatistik, "
                   "Ausländerzentralregister; eigene Berechnung"),
        ("hinweis", "Einbürgerungen eines Jahres (2-3-1) je 100 Ausländerinnen und Ausländer am 31.12. desselben "
                    "Jahres (1-2-1); vgl. LSN-Indikator 2-3-3"),
    ]),
    # from the office's Excel workbook 2020_2-3-4.xlsx (wide table, symbol x for blocked cells)
    ("2-3-1", "einbuergerungen_kosovo", "Einbürgerungen von Staatsangehörigen des Kosovo (Niedersachsen)", [
        ("art", "anzahl"), ("einheit", "Personen"), ("wert", "2-3-4"),
        ("wert_filter", "Staatsangehörigkeit=Kosovo"), ("dezimalen", "0"), ("polaritaet", "hoeher_besser"),
        ("dimension", "strukturell"), ("schwelle", "0"),
        ("quelle", "Landesamt für Statistik Niedersachsen (LSN): Tabelle 2.3.4, Einbürgerungsstatistik"),
        ("hinweis", "Bis 2008 weist das LSN für den Kosovo keine Werte aus (Tabellenfach gesperrt, x)."),
    ]),
]


def titel_yml(pfad):
    t = {}
    with open(pfad, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([0-9-]+-(?:title|short)):\s*(.*)$", line.rstrip("\n"))
            if m:
                t[m.group(1)] = m.group(2).strip()
    return t


def vorspann(pfad):
    """The YAML front matter as {key: text} for top-level scalar keys (folded '>-' joined)."""
    with open(pfad, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or lines[0].strip() != "---":
        return {}
    out, key, buf = {}, None, []
    for line in lines[1:]:
        if line.strip() == "---":
            break
        m = re.match(r"^([A-Za-z_0-9]+):\s*(.*)$", line)
        if m:
            if key:
                out[key] = " ".join(buf).strip()
            key, rest = m.group(1), m.group(2).strip()
            buf = [] if rest in (">-", ">", "|", "|-") else [rest.strip("'\"")]
        elif key and line.startswith(" ") and not line.strip().startswith("- "):
            buf.append(line.strip())
    if key:
        out[key] = " ".join(buf).strip()
    return out


def erste_fussnote(text):
    if not text:
        return None
    teile = [t.strip() for t in re.split(r"<br\s*/?>", text) if t.strip()]
    if not teile:
        return None
    f = re.sub(r"^\d+\)\s*", "", teile[0])
    f = re.sub(r"<[^>]+>", "", f)
    return f if len(f.encode("utf-8")) <= 600 else None


def ini_wert(key, value):
    v = " ".join(str(value).split())
    if not v or v[0] in "\"'":
        raise SystemExit("ungültiger Wert für %s: %r" % (key, v))
    if ";" in v or "#" in v:
        if '"' in v:
            raise SystemExit("Wert mit ; oder # und \" lässt sich nicht schreiben: %s" % v)
        v = '"%s"' % v
    line = "%s = %s" % (key, v)
    if len(line.encode("utf-8")) > MAX_ZEILE:
        raise SystemExit("Zeile länger als %d Bytes: %s" % (MAX_ZEILE, line[:60]))
    return line


def erzeuge(daten):
    meta = os.path.join(daten, "meta")
    titel = titel_yml(os.path.join(meta, "indikatoren_titel.yml"))
    themen = titel_yml(os.path.join(meta, "themenfelder_titel.yml"))
    ids = sorted((f[len("indicator_"):-len(".csv")] for f in os.listdir(os.path.join(daten, "csv"))
                  if f.startswith("indicator_") and f.endswith(".csv")),
                 key=lambda s: [int(x) for x in s.split("-")])
    for i in ids:
        if i not in HAND:
            raise SystemExit("keine Handangaben für Datensatz %s (HAND ergänzen)" % i)
    out = []
    w = out.append
    w("; katalog_niedersachsen.ini — Integrationsmonitoring Niedersachsen (LSN, Open-SDG-Indikatoren)")
    w("; ERZEUGT von tools/katalog_niedersachsen.py aus shared/data/niedersachsen/meta — nicht von Hand ändern.")
    w("; Titel und Quellen aus den Metadaten; Art, Einheit, Polarität und Leitreihen von Hand (siehe Skript).")
    w("; Schlüssel: docs/katalog.md.")
    w("")
    w("[katalog]")
    w(ini_wert("titel", "Integrationsmonitoring Niedersachsen"))
    w(ini_wert("quelle", "Landesamt für Statistik Niedersachsen (LSN), Integrationsmonitoring"))
    w(ini_wert("gebiete", "alle"))
    w("")
    themenfelder = []
    for i in ids:
        t = i.split("-")[0]
        if t not in themenfelder:
            themenfelder.append(t)
    for t in themenfelder:
        w("[handlungsfeld:%s]" % t)
        w(ini_wert("titel", themen["%s-title" % t]))
        w(ini_wert("position", t))
        w("")
    for t in themenfelder:
        for i in ids:
            if i.split("-")[0] != t:
                continue
            h = HAND[i]
            m = vorspann(os.path.join(meta, "%s.md" % i))
            tt = h.get("titel") or titel["%s-title" % i]
            if "leitreihe" in h:
                tt += ": " + h["leitreihe"]
            w("[indikator:%s]" % i)
            w(ini_wert("titel", tt))
            w(ini_wert("handlungsfeld", t))
            for k in ("art", "einheit", "dezimalen", "polaritaet", "dimension"):
                if k in h:
                    w(ini_wert(k, h[k]))
            w(ini_wert("wert", i))
            if "wert_filter" in h:
                w(ini_wert("wert_filter", h["wert_filter"]))
            if "schwelle" in h:
                w(ini_wert("schwelle", h["schwelle"]))
            if m.get("data_source"):
                w(ini_wert("quelle", "Landesamt für Statistik Niedersachsen (LSN), Datenquelle: " + m["data_source"]))
            fn = erste_fussnote(m.get("data_footnote") or m.get("data_footnotes"))
            if fn:
                w(ini_wert("hinweis", fn))
            w("")
            for nach, bid, btitel, keys in BERECHNET:
                if nach != i:
                    continue
                w("; berechnet aus LSN-Daten")
                w("[indikator:%s]" % bid)
                w(ini_wert("titel", titel.get(btitel, btitel)))
                w(ini_wert("handlungsfeld", t))
                for k, v in keys:
                    w(ini_wert(k, v))
                w("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description="Indikatorenkatalog Niedersachsen aus den LSN-Metadaten erzeugen")
    ap.add_argument("--daten", default=os.path.join(REPO, "inputs", "beispiele", "niedersachsen"))
    ap.add_argument("--ausgabe", default=os.path.join(REPO, "config", "katalog_niedersachsen.ini"))
    ap.add_argument("--pruefen", action="store_true")
    a = ap.parse_args()
    text = erzeuge(a.daten)
    if a.pruefen:
        try:
            with open(a.ausgabe, encoding="utf-8") as f:
                alt = f.read()
        except OSError as e:
            print("katalog_niedersachsen: %s" % e, file=sys.stderr)
            return 1
        if alt != text:
            print("katalog_niedersachsen: %s ist nicht aktuell (neu erzeugen)" % a.ausgabe, file=sys.stderr)
            return 1
        return 0
    tmp = a.ausgabe + ".tmp-katalog"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, a.ausgabe)
    return 0


if __name__ == "__main__":
    sys.exit(main())
