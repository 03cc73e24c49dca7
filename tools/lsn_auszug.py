#!/usr/bin/python3
"""lsn_auszug.py — the LSN Kennzahlen of the sample inbox: the Landesamt für
Statistik Niedersachsen's files for one Kreis and the Land, as the LSN would
deliver them to that Kreis.

    /usr/bin/python3 tools/lsn_auszug.py [--daten ORDNER] [--gebiet K03461] [--ziel inputs/inbox] [--pruefen]

  --daten    the LSN download (Vorgabe: inputs/beispiele/niedersachsen; csv/ and xlsx/)
  --gebiet   GeoCode of the Kreis (Vorgabe: K03461, Landkreis Wesermarsch)
  --ziel     where the files go (Vorgabe: inputs/beispiele/wesermarsch)
  --pruefen  only compare: exit 0 when the files in --ziel are what this script writes, else 1

Rules (only the standard library; deterministic):

  * Every csv/indicator_*.csv with a GeoCode column keeps its header and the
    rows of the Kreis and of the Land, in file order: GeoCode = GEBIET or the
    Land's K030, or the „RH“ form of either (indicator_2-1-1.csv writes the
    Ausländerzentralregister codes RH03461, RH030), or — from 2021 the LSN
    leaves the Land's GeoCode empty — an empty GeoCode with Gebietseinheit
    „Niedersachsen“.  Nothing else is changed: bytes of kept lines (BOM, line
    ends, quoting) are the LSN's own.
  * Files without a GeoCode column are figures for the Land (and Germany):
    copied unchanged.
  * The files the sample's maps need (KARTEN: Bevölkerung, Ausländerinnen
    und Ausländer, Einbürgerungen — for the maps of Ausländeranteil and
    Einbürgerungsquote by Kreis, `[karte]` in config/ibericht.ini) are
    copied whole: all 45 Kreise, the four statistical regions and the Land,
    as the LSN publishes them.
  * xlsx/2020_2-3-4.xlsx (Einbürgerungen nach Staatsangehörigkeiten,
    Niedersachsen) is copied unchanged; the other two workbooks repeat the
    csv data (2021_1-1-1 = indicator_1-1-1 for all Kreise) or are not in the
    catalogue (2020_4-2-1) and stay out.
  * The copies get the modification time of their source, like `cp -p`.
"""

import argparse
import csv
import io
import os
import shutil
import sys

HIER = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HIER)
LAND = "K030"
ARBEITSMAPPEN = ["2020_2-3-4.xlsx"]
KARTEN = ["indicator_1-1-1.csv", "indicator_1-2-1.csv", "indicator_2-3-1.csv"]


def auszug(pfad, gebiet):
    """The bytes of the extract of one csv file (the whole file without a GeoCode column)."""
    with open(pfad, "rb") as f:
        roh = f.read()
    zeilen = roh.splitlines(keepends=True)
    kopf = next(csv.reader(io.StringIO(zeilen[0].decode("utf-8-sig"))))
    if "GeoCode" not in kopf or os.path.basename(pfad) in KARTEN:
        return roh
    i_geo, i_name = kopf.index("GeoCode"), kopf.index("Gebietseinheit")
    codes = {gebiet, LAND, "RH" + gebiet[1:], "RH" + LAND[1:]}
    behalten = [zeilen[0]]
    for z in zeilen[1:]:
        felder = next(csv.reader(io.StringIO(z.decode("utf-8"))))
        geo = felder[i_geo].strip()
        if geo in codes or (geo == "" and felder[i_name].strip() == "Niedersachsen"):
            behalten.append(z)
    if len(behalten) == 1:
        sys.exit("lsn_auszug: %s: keine Zeile für %s oder %s" % (pfad, gebiet, LAND))
    return b"".join(behalten)


def dateien(daten, gebiet):
    """[(name, source path, bytes)] of the delivery."""
    csvdir = os.path.join(daten, "csv")
    out = []
    for name in sorted(os.listdir(csvdir)):
        if name.startswith("indicator_") and name.endswith(".csv"):
            p = os.path.join(csvdir, name)
            out.append((name, p, auszug(p, gebiet)))
    for name in ARBEITSMAPPEN:
        p = os.path.join(daten, "xlsx", name)
        with open(p, "rb") as f:
            out.append((name, p, f.read()))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--daten", default=os.path.join(REPO, "inputs", "beispiele", "niedersachsen"))
    ap.add_argument("--gebiet", default="K03461")
    ap.add_argument("--ziel", default=os.path.join(REPO, "inputs", "beispiele", "wesermarsch"))
    ap.add_argument("--pruefen", action="store_true")
    a = ap.parse_args()
    abweichend = 0
    for name, quelle, inhalt in dateien(a.daten, a.gebiet):
        ziel = os.path.join(a.ziel, name)
        if a.pruefen:
            try:
                with open(ziel, "rb") as f:
                    gleich = f.read() == inhalt
            except OSError:
                gleich = False
            if not gleich:
                sys.stderr.write("lsn_auszug: %s weicht ab\n" % ziel)
                abweichend = 1
            continue
        with open(ziel + ".tmp", "wb") as f:
            f.write(inhalt)
        shutil.copystat(quelle, ziel + ".tmp")
        os.replace(ziel + ".tmp", ziel)
    sys.exit(abweichend)


if __name__ == "__main__":
    main()
