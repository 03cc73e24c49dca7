#!/usr/bin/python3
"""katalog_aus_seeds.py — config/katalog_wolfsburg.ini aus den Wolfsburg-Seeds.

Aufruf (aus dem Wurzelverzeichnis des Repos):

    /usr/bin/python3 tools/katalog_aus_seeds.py [--seeds ORDNER] [--ausgabe DATEI] [--pruefen]

  --seeds    Ordner mit indikatoren_wolfsburg.csv, integrationsziele_wolfsburg.csv,
             handlungsfelder_wolfsburg.csv (Vorgabe: ../shared/data/seeds neben dem Repo)
  --ausgabe  zu schreibende Datei (Vorgabe: config/katalog_wolfsburg.ini)
  --pruefen  nichts schreiben, nur vergleichen: Exit 0, wenn die Datei genau dem
             entspricht, was das Skript erzeugen würde, sonst 1

Nur die Standardbibliothek (csv); deterministisch: gleiche Seeds ergeben eine
byte-gleiche Datei (Reihenfolge = Reihenfolge der Seeds, keine Zeitstempel).

Quelle: Stadt Wolfsburg, Integrationskonzept „Vielfalt leben“ (2021): Kap. 6
(14 Integrationsziele), Kap. 8.1–8.4 (4 Handlungsfelder mit Leitsatz und
Herausforderungen, 191 Indikator-Zeilen).  Was das Skript daraus macht:

  * Handlungsfelder: [handlungsfeld:ID] mit titel, leitsatz, position; die IDs
    sind von Hand vergeben (HF_IDS).
  * Ziele: [ziel:1] … [ziel:14] mit text; die Ziele gelten
    handlungsfeldübergreifend (kein handlungsfeld-Schlüssel).
  * Herausforderungen: die Texte der Indikatortabellen (nicht die leicht
    abweichenden Aufzählungen „Zentrale Herausforderungen“), je Handlungsfeld
    in der Reihenfolge ihres ersten Auftretens: [herausforderung:HF_N].
  * Indikatoren: eine Zeile der Seeds je (Handlungsfeld, Indikator, Untergruppe)
    und Herausforderung/Ziel; gleiche Indikatoren im selben Handlungsfeld werden
    zu einem Abschnitt zusammengefasst (ziele und herausforderung sammeln alle
    Zeilen), so werden aus 191 Zeilen 183 Indikatoren.  Die ID ist aus dem Text
    gebildet (Umlaute umschrieben, höchstens 60 Zeichen, eindeutig).  Die
    Untergruppe („Kinder und Jugendliche“, „Erwachsene“) steht im themenfeld.
    Niemand liefert diese Indikatoren bisher: alle sind nicht_erhoben = ja.
  * art, polaritaet, einheit, dimension sind ein VORSCHLAG nach den Regeln in
    art_von(), polaritaet_von(), DIMENSION — die Koordinierungsstelle prüft sie.
    Regeln: Text beginnt mit „Anteil“ oder enthält „quote“ → anteil; beginnt
    mit „Anzahl“/„Gesamtanzahl“ → anzahl; „Durchschnittliche …“ → mittelwert;
    alles andere beschreibt einen Zustand („… ist vorhanden“, „Netzwerk …“,
    „Mehrsprachige Informationen …“) → meilenstein; Ausnahmen in ART_HAND.
    Polarität: Wörter für Belastungen (Arbeitslosen-, Sozialleistungsbezugs-,
    ohne Hauptschulabschluss, wohnungslos, Wartezeit, …) → niedriger_besser;
    reine Strukturbeschreibungen (Anteil der Haushalte mit
    Zuwanderungsgeschichte …) → neutral; sonst hoeher_besser.  Dimension
    (Heckmann) nach dem Themenfeld.

Von Hand zugeordnete LSN-Daten (Landesamt für Statistik Niedersachsen, Open-SDG-
Indikatoren unter shared/data/niedersachsen, GeoCode K03103 = Wolfsburg, Stadt):

  * einbuergerungsquote — NEU, im Konzept nicht enthalten: Einbürgerungen
    (LSN 2-3-1) ÷ Ausländerinnen und Ausländer (LSN 1-2-1) × 100, Handlungsfeld
    „Aktive Zivilgesellschaft und Teilhabe“, Themenfeld Partizipation, Ziel 4,
    Herausforderung „Partizipationsmöglichkeiten … ausbauen“ (Einbürgerung
    eröffnet das Wahlrecht).
  * auslaenderanteil — NEU als gesamtstädtischer Bezugswert: Ausländerinnen und
    Ausländer (1-2-1) ÷ Bevölkerung (1-1-1) × 100.  Das Konzept verlangt den
    „Anteil der ausländischen Wohnbevölkerung in den einzelnen Stadtteilen“;
    Stadtteilwerte liefert das LSN nicht, darum bleibt jener Indikator
    nicht_erhoben und dieser steht mit denselben Zielen und derselben
    Herausforderung daneben.
  * Nicht zuzuordnen: die übrigen LSN-Indikatoren haben keine Werte für
    Wolfsburg (1-3-4, 3-1-1, 4-2-2, 5-3-2, 6-1-1, 8-1-1: nur Niedersachsen bzw.
    Deutschland; 2-1-1 hat Werte für Wolfsburg, entspricht aber keinem
    Indikator des Konzepts).  Wo ein Landeswert als Vergleich taugt, sagt es
    der hinweis des Indikators (LANDESWERT).
"""

import argparse
import csv
import os
import sys

HIER = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HIER)
MAX_ZEILE = 1022          # iniparser 4.1: höchstens 1024 Bytes je Zeile inkl. Zeilenende

# Handlungsfeld → (ID, Kapitel)
HF_IDS = {
    "Diversity Management und Interkulturelle Öffnung": "diversity",
    "Leben und Freizeit": "leben",
    "Sprache, Bildung und Arbeit": "sprache",
    "Aktive Zivilgesellschaft und Teilhabe": "zivilgesellschaft",
}

# Themenfeld → Dimension der Integration nach Heckmann (Vorschlag)
DIMENSION = {
    "Interkulturelle Öffnung": "strukturell",
    "Interkulturelle Beratung": "strukturell",
    "Abbau von Diskriminierung": "identifikatorisch",
    "Gesundheit": "strukturell",
    "Pflege": "strukturell",
    "Wohnen und Nachbarschaft": "strukturell",
    "Kultur und Freizeitpädagogik": "sozial",
    "Sport": "sozial",
    "Sprache": "kulturell",
    "Bildung": "strukturell",
    "Arbeit und Ausbildung": "strukturell",
    "Partizipation": "identifikatorisch",
    "Engagement": "sozial",
    "Interreligiöser Dialog": "kulturell",
}

# Ausnahmen der Art-Regeln: Text → (art, einheit oder None, hinweis oder None)
ART_HAND = {
    "Anzahl und Quote U1–U9": ("anteil", None, "Quote der wahrgenommenen Vorsorgeuntersuchungen U1–U9; "
                               "die Anzahl steht im Zähler"),
    "Wohnfläche pro Kopf nach Zuwanderungsgeschichte": ("mittelwert", "m² je Person", None),
    "Mietbelastung im Verhältnis zum Einkommen": ("anteil", None, "Mietbelastungsquote: Miete in % des Einkommens"),
    "Inanspruchnahme des Bildungs- und Teilhabepaketes von Menschen mit Zuwanderungsgeschichte":
        ("anteil", None, "Anteil der Berechtigten, die Leistungen abrufen"),
    "Einschätzung des subjektiven Gesundheitszustandes/der Lebenszufriedenheit":
        ("mittelwert", "Skalenwert", "aus einer Befragung; Skala festzulegen"),
    "Subjektive Einschätzung der Fähigkeiten": ("mittelwert", "Skalenwert", "aus einer Befragung; Skala festzulegen"),
    "Gesundheitszustand von Kindern in Sammelunterkünften vs. Unterbringung in eigenen Wohnungen":
        ("mittelwert", "Skalenwert", "Vergleich zweier Gruppen; Messgröße festzulegen"),
    "Nutzung der Fördergelder „Integration durch Sport“ durch Vereine": ("anzahl", "Vereine", None),
    "Durchschnittliche Wartezeit auf einen Integrationskurs in Wolfsburg": ("mittelwert", "Tage", None),
}

# Wörter, bei denen ein niedrigerer Wert besser ist
NIEDRIGER = ("arbeitslosenquote", "sozialleistungsbezugsquote", "ohne hauptschulabschluss", "wohnungslos",
             "übergewichtig", "mietbelastung", "wartezeit", "geringfügiger beschäftigung",
             "rassistisch motivierter", "mit förderbedarf")
# reine Strukturbeschreibungen ohne Wertung
NEUTRAL = ("Anteil der Haushalte mit Zuwanderungsgeschichte",
           "Anteil der ausländischen Wohnbevölkerung in den einzelnen Stadtteilen",
           "Anteil Menschen mit Zuwanderungsgeschichte in den Stadtteilen",
           "Anteil der Zugewanderten an allen Nutzer*innen mit gesundheitlicher Problematik",
           "Gesundheitszustand von Kindern in Sammelunterkünften vs. Unterbringung in eigenen Wohnungen",
           "Anteil der absolvierten Hochschulabschlüsse differenziert nach Geschlecht")

# Landeswerte des LSN als Vergleich (keine Werte für Wolfsburg)
LANDESWERT = {
    "Ausbildungsbeteiligungsquote (Duales System) von Jugendlichen mit Zuwanderungsgeschichte im Alter von 18 bis "
    "unter 21 Jahren": "Vergleichswert Niedersachsen: LSN-Indikator 4-2-2 (nach Nationalität); für Wolfsburg "
                       "liefert das LSN keine Werte",
    "Ausbildungsbeteiligungsquote (Duales System) von deutschen und ausländischen weiblichen Jugendlichen im Alter "
    "von 18 bis unter 21 Jahren": "Vergleichswert Niedersachsen: LSN-Indikator 4-2-2 (Geschlecht=Frauen); für "
                                  "Wolfsburg liefert das LSN keine Werte",
    "Arbeitslosenquote von Menschen mit Zuwanderungsgeschichte": "Vergleichswert Niedersachsen: LSN-Indikator 5-3-2 "
                                                                 "(Ausländerinnen und Ausländer); für Wolfsburg "
                                                                 "liefert das LSN keine Werte",
    "Arbeitslosenquote von Frauen mit Zuwanderungsgeschichte": "Vergleichswert Niedersachsen: LSN-Indikator 5-3-2; "
                                                               "für Wolfsburg liefert das LSN keine Werte",
    "Wahlbeteiligung an Kommunalwahlen bei Menschen mit Zuwanderungsgeschichte (betrifft EU-Bürgerinnen und "
    "-Bürger)": "Wahlberechtigte mit Zuwanderungsgeschichte in Niedersachsen: LSN-Indikator 8-1-1 (keine "
                "Wahlbeteiligung, keine Werte für Wolfsburg)",
    "Anteil der ausländischen Wohnbevölkerung in den einzelnen Stadtteilen":
        "Stadtteilwerte liefert das LSN nicht; gesamtstädtisch siehe Indikator auslaenderanteil",
}

LSN_WOLFSBURG = [
    # (ID, Handlungsfeld, Themenfeld, Ziele (None: die des Bezugs), Bezug: Text des Seed-Indikators, dessen
    #  Herausforderung (und ggf. Ziele) gelten, weitere Schlüssel)
    ("auslaenderanteil", "Leben und Freizeit", "Wohnen und Nachbarschaft", None,
     "Anteil der ausländischen Wohnbevölkerung in den einzelnen Stadtteilen", [
         ("titel", "Ausländeranteil (gesamtstädtisch)"),
         ("art", "anteil"),
         ("zaehler", "1-2-1"),
         ("nenner", "1-1-1"),
         ("polaritaet", "neutral"),
         ("quelle", "Landesamt für Statistik Niedersachsen (LSN): Ausländerzentralregister, "
                    "Bevölkerungsfortschreibung; eigene Berechnung"),
         ("hinweis", "Im Konzept als Stadtteilwert gefordert; das LSN liefert den Wert für die ganze Stadt "
                     "(Ausländerinnen und Ausländer je 100 Einwohnerinnen und Einwohner am 31.12.)"),
     ]),
    ("einbuergerungsquote", "Aktive Zivilgesellschaft und Teilhabe", "Partizipation", [4],
     "Gesamtanzahl von Partizipationsangeboten", [
         ("titel", "Einbürgerungsquote (Einbürgerungen je 100 Ausländerinnen und Ausländer)"),
         ("art", "anteil"),
         ("zaehler", "2-3-1"),
         ("nenner", "1-2-1"),
         ("dezimalen", "2"),
         ("polaritaet", "hoeher_besser"),
         ("dimension", "strukturell"),
         ("toleranz", "0,1"),
         ("quelle", "Landesamt für Statistik Niedersachsen (LSN): Einbürgerungsstatistik, "
                    "Ausländerzentralregister; eigene Berechnung"),
         ("hinweis", "Im Konzept nicht enthalten; ergänzt, weil das LSN die Daten für Wolfsburg liefert. Einfache "
                     "Quote: Einbürgerungen eines Jahres je 100 Ausländerinnen und Ausländer am 31.12. desselben "
                     "Jahres"),
     ]),
]


def slug(text, maxlen=60):
    t = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("*", "")):
        t = t.replace(a, b)
    out = []
    for c in t:
        out.append(c if ("a" <= c <= "z" or "0" <= c <= "9") else "_")
    s = "_".join(p for p in "".join(out).split("_") if p)
    if len(s) > maxlen:
        cut = s[:maxlen + 1]
        s = cut[:cut.rfind("_")] if "_" in cut else s[:maxlen]
    return s


def art_von(text):
    if text in ART_HAND:
        return ART_HAND[text]
    t = text.lower()
    if text.startswith("Anteil") or "quote" in t:
        return ("anteil", None, None)
    if text.startswith("Anzahl") or text.startswith("Gesamtanzahl"):
        return ("anzahl", None, None)
    if text.startswith("Durchschnittliche"):
        return ("mittelwert", None, None)
    return ("meilenstein", None, None)


def polaritaet_von(text, art):
    if art == "meilenstein":
        return None
    if text in NEUTRAL:
        return "neutral"
    t = text.lower()
    if any(w in t for w in NIEDRIGER):
        return "niedriger_besser"
    return "hoeher_besser"


def ini_wert(key, value):
    """key = value as one INI line; quoted when iniparser would cut at ';' or '#'."""
    v = " ".join(str(value).split())
    if not v:
        raise SystemExit("leerer Wert für %s" % key)
    if v[0] in "\"'":
        raise SystemExit("Wert beginnt mit einem Anführungszeichen: %s = %s" % (key, v))
    if ";" in v or "#" in v:
        if '"' in v:
            raise SystemExit("Wert mit ; oder # und \" lässt sich nicht schreiben: %s" % v)
        v = '"%s"' % v
    line = "%s = %s" % (key, v)
    if len(line.encode("utf-8")) > MAX_ZEILE:
        raise SystemExit("Zeile länger als %d Bytes: %s" % (MAX_ZEILE, line[:60]))
    return line


def lies(pfad):
    with open(pfad, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def erzeuge(seeds):
    hf_rows = lies(os.path.join(seeds, "handlungsfelder_wolfsburg.csv"))
    ziel_rows = lies(os.path.join(seeds, "integrationsziele_wolfsburg.csv"))
    ind_rows = lies(os.path.join(seeds, "indikatoren_wolfsburg.csv"))
    out = []
    w = out.append
    w("; katalog_wolfsburg.ini — Indikatorenkatalog der Stadt Wolfsburg, Integrationskonzept „Vielfalt leben“ (2021)")
    w("; ERZEUGT von tools/katalog_aus_seeds.py aus shared/data/seeds/*_wolfsburg.csv — nicht von Hand ändern,")
    w("; sondern das Skript (Regeln und Handzuordnungen stehen dort) und dann neu erzeugen.")
    w("; Schlüssel: docs/katalog.md.  art, polaritaet, dimension sind Vorschläge nach den Regeln des Skripts.")
    w("")
    w("[katalog]")
    w(ini_wert("titel", "Vielfalt leben – Indikatoren der Integrationsarbeit in Wolfsburg"))
    w(ini_wert("quelle", "Stadt Wolfsburg, Integrationskonzept „Vielfalt leben“ (2021), Kap. 6 und 8"))
    w(ini_wert("gebiete", "K03103"))
    w("")

    # Handlungsfelder
    for pos, r in enumerate(hf_rows, 1):
        hid = HF_IDS[r["handlungsfeld"]]
        w("; Kapitel %s" % r["kapitel"])
        w("[handlungsfeld:%s]" % hid)
        w(ini_wert("titel", r["handlungsfeld"]))
        w(ini_wert("leitsatz", r["leitsatz"]))
        w(ini_wert("position", pos))
        w("")

    # Ziele
    for r in ziel_rows:
        w("[ziel:%s]" % int(r["nr"]))
        w(ini_wert("text", r["text"]))
        w("")

    # Herausforderungen, je Handlungsfeld in der Reihenfolge des ersten Auftretens
    hz_id = {}
    zaehler = {}
    for r in ind_rows:
        key = (r["handlungsfeld"], r["herausforderung"])
        if key in hz_id:
            continue
        hid = HF_IDS[r["handlungsfeld"]]
        zaehler[hid] = zaehler.get(hid, 0) + 1
        hz_id[key] = "%s_%d" % (hid, zaehler[hid])
        w("[herausforderung:%s]" % hz_id[key])
        w(ini_wert("handlungsfeld", hid))
        w(ini_wert("text", r["herausforderung"]))
        w("")

    # Indikatoren: zusammengefasst je (Handlungsfeld, Text, Untergruppe)
    inds = {}
    for r in ind_rows:
        key = (r["handlungsfeld"], r["indikator"], r["indikator_untergruppe"])
        d = inds.setdefault(key, {"row": r, "ziele": [], "hz": []})
        z = int(r["integrationsziel_nr"])
        if z not in d["ziele"]:
            d["ziele"].append(z)
        h = hz_id[(r["handlungsfeld"], r["herausforderung"])]
        if h not in d["hz"]:
            d["hz"].append(h)
    ids = set()
    by_text = {}
    for key, d in inds.items():
        by_text.setdefault(key[1], d)
        r = d["row"]
        base = slug(r["indikator"])
        if r["indikator_untergruppe"] and base in ids:
            base = slug(r["indikator"] + " " + r["indikator_untergruppe"])
        iid, n = base, 1
        while iid in ids:
            n += 1
            iid = "%s_%d" % (base, n)
        ids.add(iid)
        d["id"] = iid

    for hf in hf_rows:
        name = hf["handlungsfeld"]
        w("; ---- %s ----" % name)
        w("")
        for key, d in inds.items():
            if key[0] != name:
                continue
            r = d["row"]
            art, einheit, hinweis = art_von(r["indikator"])
            if r["indikator"] in LANDESWERT:
                hinweis = LANDESWERT[r["indikator"]] if not hinweis else hinweis + "; " + LANDESWERT[r["indikator"]]
            themenfeld = r["themenfeld"]
            if r["indikator_untergruppe"]:
                themenfeld += " – " + r["indikator_untergruppe"]
            w("[indikator:%s]" % d["id"])
            w(ini_wert("titel", r["indikator"]))
            w(ini_wert("handlungsfeld", HF_IDS[name]))
            w(ini_wert("themenfeld", themenfeld))
            w(ini_wert("ziele", ", ".join(str(z) for z in sorted(d["ziele"]))))
            w(ini_wert("herausforderung", ", ".join(d["hz"])))
            w(ini_wert("art", art))
            if einheit:
                w(ini_wert("einheit", einheit))
            pol = polaritaet_von(r["indikator"], art)
            if pol:
                w(ini_wert("polaritaet", pol))
            w(ini_wert("dimension", DIMENSION[r["themenfeld"]]))
            w(ini_wert("kapitel", r["kapitel"]))
            if hinweis:
                w(ini_wert("hinweis", hinweis))
            w(ini_wert("nicht_erhoben", "ja"))
            w("")
        for iid, hfname, themenfeld, ziele, bezug, keys in LSN_WOLFSBURG:
            if hfname != name:
                continue
            d = by_text[bezug]
            w("; von Hand zugeordnet: Daten des LSN für Wolfsburg (K03103), siehe tools/katalog_aus_seeds.py")
            w("[indikator:%s]" % iid)
            w(ini_wert("titel", dict(keys)["titel"]))
            w(ini_wert("handlungsfeld", HF_IDS[name]))
            w(ini_wert("themenfeld", themenfeld))
            ziele = ziele or sorted(d["ziele"])
            w(ini_wert("ziele", ", ".join(str(z) for z in ziele)))
            w(ini_wert("herausforderung", d["hz"][0]))
            for k, v in keys:
                if k != "titel":
                    w(ini_wert(k, v))
            w(ini_wert("gebiete", "K03103"))
            w("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description="Wolfsburger Indikatorenkatalog aus den Seeds erzeugen")
    ap.add_argument("--seeds", default=os.path.join(os.path.dirname(REPO), "shared", "data", "seeds"))
    ap.add_argument("--ausgabe", default=os.path.join(REPO, "config", "katalog_wolfsburg.ini"))
    ap.add_argument("--pruefen", action="store_true")
    a = ap.parse_args()
    text = erzeuge(a.seeds)
    if a.pruefen:
        try:
            with open(a.ausgabe, encoding="utf-8") as f:
                alt = f.read()
        except OSError as e:
            print("katalog_aus_seeds: %s" % e, file=sys.stderr)
            return 1
        if alt != text:
            print("katalog_aus_seeds: %s ist nicht aktuell (neu erzeugen)" % a.ausgabe, file=sys.stderr)
            return 1
        return 0
    tmp = a.ausgabe + ".tmp-katalog"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, a.ausgabe)
    return 0


if __name__ == "__main__":
    sys.exit(main())
