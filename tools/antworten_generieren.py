#!/usr/bin/python3
"""antworten_generieren.py — sample answers to Wesel's questionnaire, as a
survey tool exports them (inputs/beispiele/befragung_wesel_antworten.csv).

    /usr/bin/python3 tools/antworten_generieren.py \
        config/befragung/wesel.ini inputs/beispiele/befragung_wesel_antworten.csv

ALL DATA IS INVENTED.  Section I (institution, street, contact person,
telephone, e-mail) is obviously fictitious: surnames like „Mustermann“,
„Platzhalter“, „Testfrau“; institutions marked „(fiktiv NNN)“; streets
„Musterstraße“; telephone numbers in the 012x range (no subscriber numbers in
Germany); e-mail addresses under the reserved top-level domain .example
(RFC 2606).

Deterministic: random.Random(SEED), no clock, no environment; the columns
come from the questionnaire config itself, so data and config cannot drift
apart.

Format (German Excel „CSV UTF-8“): UTF-8 with BOM, ';', CRLF, RFC 4180
quoting.  One row per respondent; columns: id, eingang (date of receipt,
ignored by the evaluation), one column per non-multi question (its code),
one 0/1 column per multi option (CODE.N), one text column per free-text
option (CODE.N_text).  Codes: single/janein/likert = option number (Likert
ascending, 1 = lowest), -9 = „keine Angabe“ (declared in [antworten] fehlend).
Multi: all option cells empty = question not answered or not asked; all 0 =
answered, nothing ticked (an online tool exports 0 for an unticked box on a
page that was shown).

Plausible, not uniform: Art der Einrichtung (I.7) by fixed quotas, age
groups, target groups and offers depend on it; Likert answers skewed;
~4 % missing answers per question; filters respected (III.2 only after
„gut“/„sehr gut“ in III.1, IV.2a only after „Ja“ in IV.2, VI.7/VI.8 only
after „Ja“ in VI.6); some „Sonstiges“ texts; some open answers mention
(fictitious) contact data, which the redaction must remove.

Guarantees (checked at the end of this script; tests/unit/test_befragung.c
relies on them):
  - 140 respondents, ids W-001 … W-140;
  - I.7 answered by everyone: Sozialbereich 40, Jugendbereich 24, Kita 22,
    Schule 20, Kirchengemeinde 14, Verein 38, Sonstige 8 (166 ticks);
  - I.1, I.2, I.4, I.5, I.6 filled for everyone, all values distinct;
  - no answer where a filter excludes the question, no invalid code.
"""
import configparser
import csv
import random
import sys

SEED = 20240917
N = 140

# Art der Einrichtung (I.7): exact quotas of combinations
PROFILE = [
    ({1}, 26), ({1, 6}, 8), ({2}, 12), ({2, 6}, 6), ({3}, 16), ({3, 5}, 6),
    ({4}, 20), ({5}, 8), ({6}, 24), ({7}, 8), ({1, 2}, 6),
]

VORNAMEN = ["Erika", "Max", "Hanna", "Ali", "Olga", "Jan", "Fatma", "Paul", "Lena", "Mehmet", "Sofia", "Tom",
            "Aylin", "Lukas", "Marta", "Jonas", "Elif", "Karl", "Nina", "Yusuf", "Greta", "Piotr", "Leyla", "Ole"]
NACHNAMEN = ["Mustermann", "Musterfrau", "Beispiel", "Platzhalter", "Testmann", "Testfrau", "Erfunden", "Fiktiv",
             "Probe", "Exempel", "Musterkind", "Beispielmann"]
STRASSEN = ["Musterstraße", "Beispielweg", "Platzhalterallee", "Am Testplatz", "Erfundene Gasse", "Fiktivring"]
EINRICHTUNG = {
    1: ["Beratungsstelle", "Sozialdienst", "Familienhilfe"],
    2: ["Jugendtreff", "Jugendwerk", "Jugendhilfe"],
    3: ["Kita", "Familienzentrum", "Kindertagesstätte"],
    4: ["Grundschule", "Gesamtschule", "Realschule", "Berufskolleg"],
    5: ["Kirchengemeinde", "Gemeindezentrum"],
    6: ["Sportverein", "Kulturverein", "Förderverein", "Nachbarschaftsverein"],
    7: ["Stiftung", "Initiative", "Bildungswerk"],
}
BEINAMEN = ["Regenbogen", "Sonnenschein", "Brücke", "Miteinander", "Kompass", "Lichtblick", "Rheinblick", "Löwenzahn"]

TEXTE = {
    "II.2.11": ["Geflüchtete Familien aus der Ukraine", "Alleinerziehende", "Pflegende Angehörige", "Studierende"],
    "II.4.8.1": ["Mittagstisch", "Fahrradwerkstatt", "Elterncafé", "Nähcafé", "Hausaufgaben-Patenschaften"],
    "III.2.10": ["langjährige Vertrauensbeziehungen", "kostenloses Angebot", "Angebot in mehreren Sprachen"],
    "V.1.26": ["Digitalisierung", "Mobilität im ländlichen Raum", "Barrierefreiheit von Behördenbriefen"],
    "VI.8.7": ["Menschen mit geringem Einkommen", "Jugendliche", "Alleinerziehende"],
    "IV.2a": ["Mit Schulen im Stadtteil", "Sportvereine", "Jobcenter und Agentur für Arbeit",
              "Migrantenselbstorganisationen", "Kirchengemeinden", "Familienzentren", "Seniorenbeirat",
              "Mit der Musikschule"],
    "V.2": ["Sprachkurse mit Kinderbetreuung", "Beratung in einfacher Sprache", "Mehr Plätze in der OGS",
            "Begleitung zu Behördenterminen", "Treffpunkte für Jugendliche am Abend", "Wohnraum für große Familien",
            "Dolmetscherpool für Beratungsgespräche", "Angebote für ältere Migrantinnen und Migranten"],
    "VI.7": ["Herkunft", "Sprache", "Kopftuch", "Alter", "Behinderung", "Hautfarbe", "Wohnungslosigkeit",
             "Name bei der Wohnungssuche"],
    "VI.10": ["Danke für die Befragung!", "Wir wünschen uns mehr Austausch zwischen den Trägern.",
              "Die Vernetzungstreffen sollten regelmäßig stattfinden.",
              "Förderanträge sind zu kompliziert.", "Bitte Ergebnisse auch in einfacher Sprache veröffentlichen."],
}


def lade_fragebogen(pfad):
    cp = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=None, strict=True)
    cp.optionxform = str.lower
    with open(pfad, encoding="utf-8") as f:
        cp.read_file(f)

    def v(sec, key, default=""):
        x = cp.get(sec, key, fallback=default).strip()
        if len(x) >= 2 and x[0] == x[-1] and x[0] in "\"'":
            x = x[1:-1]
        return x

    fragen = []
    for ab in [a.strip() for a in v("fragebogen", "abschnitte").split(",")]:
        for code in [c.strip() for c in v("abschnitt " + ab, "fragen").split(",")]:
            sec = "frage " + code
            opts = sorted(int(k[6:]) for k in cp[sec] if k.startswith("option") and k[6:].isdigit())
            if v(sec, "typ") == "janein" and not opts:
                opts = [1, 2]
            frei = [int(x) for x in v(sec, "freitext").split(",") if x.strip()]
            fragen.append({"code": code, "typ": v(sec, "typ"), "optionen": opts, "freitext": frei})
    return fragen


def spalten(fragen):
    cols = ["id", "eingang"]
    for q in fragen:
        if q["typ"] == "multi":
            for o in q["optionen"]:
                cols.append("%s.%d" % (q["code"], o))
                if o in q["freitext"]:
                    cols.append("%s.%d_text" % (q["code"], o))
        else:
            cols.append(q["code"])
            for o in q["freitext"]:
                cols.append("%s.%d_text" % (q["code"], o))
    return cols


def ascii_mail(s):
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ı", "i")):
        s = s.replace(a, b)
    return s.lower()


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("Aufruf: antworten_generieren.py FRAGEBOGEN.ini AUSGABE.csv\n")
        sys.exit(2)
    fragen = lade_fragebogen(sys.argv[1])
    q_by = {q["code"]: q for q in fragen}
    cols = spalten(fragen)
    rnd = random.Random(SEED)

    arten = [set(s) for s, n in PROFILE for _ in range(n)]
    assert len(arten) == N
    rnd.shuffle(arten)

    def fehlt(p=0.04):
        return rnd.random() < p

    def likert(weights, missing_code=True):
        if fehlt():
            return "-9" if missing_code and rnd.random() < 0.5 else ""
        return str(rnd.choices(range(1, len(weights) + 1), weights=weights)[0])

    def multi(row, code, probs, mindestens_eins=True, texte=None):
        """probs: option → probability; writes 0/1 cells (or nothing when missing)."""
        q = q_by[code]
        if fehlt():
            return False
        ticks = {o: rnd.random() < probs.get(o, 0.0) for o in q["optionen"]}
        if mindestens_eins and not any(ticks.values()):
            best = max(q["optionen"], key=lambda o: (probs.get(o, 0.0), -o))
            ticks[best] = True
        for o in q["optionen"]:
            row["%s.%d" % (code, o)] = "1" if ticks[o] else "0"
            if o in q["freitext"] and ticks[o]:
                key = "%s.%d" % (code, o)
                row[key + "_text"] = rnd.choice(TEXTE[key]) if texte is None else texte
        return True

    rows = []
    gesehen = set()
    for i in range(N):
        row = {c: "" for c in cols}
        art = arten[i]
        row["id"] = "W-%03d" % (i + 1)
        row["eingang"] = "%02d.%02d.2024" % (rnd.randint(1, 28), rnd.choice([3, 4, 5]))
        # --- I: fictitious identifying data
        haupt = min(art)
        vor, nach = rnd.choice(VORNAMEN), rnd.choice(NACHNAMEN)
        name = "%s %s (fiktiv %03d)" % (rnd.choice(EINRICHTUNG[haupt]), rnd.choice(BEINAMEN), i + 1)
        row["I.1"] = name
        row["I.2"] = "%s %d" % (rnd.choice(STRASSEN), i + 1)
        row["I.3"] = "00%03d Fiktivhausen" % (i + 1) if rnd.random() < 0.15 else ""
        row["I.4"] = "%s %s" % (vor, nach)
        row["I.5"] = "01234 5678-%03d" % (i + 1)
        row["I.6"] = "%s.%s@einrichtung-%03d.example" % (ascii_mail(vor), ascii_mail(nach), i + 1)
        for c in ("I.1", "I.2", "I.5", "I.6"):
            assert (c, row[c]) not in gesehen
            gesehen.add((c, row[c]))
        for o in range(1, 8):
            row["I.7.%d" % o] = "1" if o in art else "0"
        # --- II: target groups and offers, by type
        kita, schule, jugend, sozial, kirche, verein = (3 in art, 4 in art, 2 in art, 1 in art, 5 in art, 6 in art)
        multi(row, "II.1", {1: 0.9 if kita else 0.1, 2: 0.8 if schule else 0.2, 3: 0.6 if schule else 0.15,
                            4: 0.8 if jugend else 0.25, 5: 0.5 if jugend or sozial else 0.15,
                            6: 0.6 if sozial or kirche else 0.25, 7: 0.45 if sozial or kirche else 0.15,
                            8: 0.5 if kirche else 0.15, 9: 0.45 if verein or kirche else 0.15})
        multi(row, "II.2", {1: 0.55, 2: 0.2, 3: 0.25, 4: 0.7 if kita or kirche else 0.35,
                            5: 0.45 if sozial else 0.25, 6: 0.55 if sozial else 0.35, 7: 0.25 if sozial else 0.03,
                            8: 0.2, 9: 0.15 if sozial else 0.04, 10: 0.12 if sozial else 0.02, 11: 0.06})
        row["II.3"] = "" if fehlt() else ("1" if rnd.random() < (0.45 if kita or schule else 0.2) else "2")
        multi(row, "II.4.1", {1: 0.85 if kita else 0.02, 2: 0.9 if schule else 0.02, 3: 0.4 if schule or jugend else 0.05,
                              4: 0.35 if verein or jugend else 0.1, 5: 0.3 if sozial else 0.05, 6: 0.35},
              mindestens_eins=False)
        multi(row, "II.4.2", {1: 0.5 if sozial or kita else 0.15, 2: 0.25 if sozial else 0.05, 3: 0.2 if sozial else 0.04,
                              4: 0.45 if jugend else 0.1, 5: 0.4 if sozial else 0.08, 6: 0.4 if sozial else 0.1,
                              7: 0.2 if sozial else 0.01, 8: 0.2 if sozial else 0.01, 9: 0.3 if kirche or sozial else 0.05,
                              10: 0.15, 11: 0.1 if sozial else 0.01, 12: 0.1 if sozial else 0.01},
              mindestens_eins=False)
        multi(row, "II.4.3", {1: 0.5 if verein or kirche else 0.15, 2: 0.6 if kirche else 0.02, 3: 0.3 if verein else 0.05,
                              4: 0.6 if verein else 0.2, 5: 0.6 if jugend else 0.05}, mindestens_eins=False)
        multi(row, "II.4.4", {1: 0.5 if jugend else 0.05, 2: 0.1 if jugend else 0.0, 3: 0.4 if jugend or sozial else 0.08,
                              4: 0.4 if schule else 0.05, 5: 0.35 if sozial else 0.05, 6: 0.15, 7: 0.1, 8: 0.35 if sozial else 0.1,
                              9: 0.15, 10: 0.15 if sozial else 0.02, 11: 0.2 if kirche else 0.05, 12: 0.08, 13: 0.08,
                              14: 0.3 if verein or kirche else 0.1}, mindestens_eins=False)
        multi(row, "II.4.5", {1: 0.3 if kirche else 0.05, 2: 0.1, 3: 0.1 if sozial else 0.01, 4: 0.08, 5: 0.06,
                              6: 0.1 if jugend else 0.02, 7: 0.04, 8: 0.05}, mindestens_eins=False)
        multi(row, "II.4.6", {1: 0.4 if sozial or kirche else 0.15, 2: 0.6 if kirche or verein else 0.3}, mindestens_eins=False)
        multi(row, "II.4.7", {1: 0.6 if verein else 0.1, 2: 0.4 if kirche or sozial else 0.1, 3: 0.35 if kirche else 0.05,
                              4: 0.1, 5: 0.05, 6: 0.03, 7: 0.03}, mindestens_eins=False)
        multi(row, "II.4.8", {1: 0.1}, mindestens_eins=False)
        # --- III: acceptance; III.2 only after gut / sehr gut
        w = [1, 3, 8, 20, 42, 26] if not schule else [0, 1, 5, 14, 45, 35]
        row["III.1"] = likert(w)
        if row["III.1"] in ("5", "6"):
            multi(row, "III.2", {1: 0.75, 2: 0.55, 3: 0.2, 4: 0.25, 5: 0.45, 6: 0.5, 7: 0.1,
                                 8: 0.6 if schule or kita else 0.03, 9: 0.01, 10: 0.05})
        # --- IV: cooperation; IV.2a only after Ja
        row["IV.1"] = "" if fehlt() else ("1" if rnd.random() < 0.86 else "2")
        row["IV.2"] = "" if fehlt() else ("1" if rnd.random() < 0.6 else "2")
        if row["IV.2"] == "1" and rnd.random() < 0.7:
            row["IV.2a"] = rnd.choice(TEXTE["IV.2a"])
        # --- V: priorities
        multi(row, "V.1", {1: 0.55, 2: 0.45, 3: 0.1, 4: 0.2, 5: 0.12, 6: 0.3, 7: 0.5, 8: 0.3, 9: 0.25 if kirche else 0.12,
                           10: 0.55 if sozial else 0.35, 11: 0.3, 12: 0.6 if jugend or schule or kita else 0.3,
                           13: 0.15, 14: 0.08, 15: 0.35 if kirche else 0.12, 16: 0.4 if verein else 0.15, 17: 0.2,
                           18: 0.25, 19: 0.4, 20: 0.15, 21: 0.12, 22: 0.45 if verein else 0.25, 23: 0.3, 24: 0.2,
                           25: 0.3 if sozial else 0.15, 26: 0.05})
        if rnd.random() < 0.3:
            row["V.2"] = rnd.choice(TEXTE["V.2"])
        multi(row, "V.3", {1: 0.55, 2: 0.3, 3: 0.3, 4: 0.25 if sozial else 0.1}, mindestens_eins=True)
        # --- VI: support, discrimination, living together
        row["VI.1"] = likert([20, 50, 30])
        row["VI.2"] = likert([22, 48, 30])
        row["VI.3"] = likert([15, 45, 40])
        row["VI.4"] = likert([25, 50, 25])
        row["VI.5"] = likert([40, 45, 15])
        row["VI.6"] = "" if fehlt() else ("1" if rnd.random() < (0.45 if sozial else 0.3) else "2")
        if row["VI.6"] == "1":
            if rnd.random() < 0.8:
                row["VI.7"] = rnd.choice(TEXTE["VI.7"])
            multi(row, "VI.8", {1: 0.75, 2: 0.15, 3: 0.25, 4: 0.12, 5: 0.15, 6: 0.1, 7: 0.06})
        row["VI.9.1"] = likert([18, 30, 28, 18, 6])
        row["VI.9.2"] = likert([4, 12, 30, 38, 16])
        row["VI.9.3"] = likert([20, 30, 28, 16, 6])
        row["VI.9.4"] = likert([2, 6, 20, 42, 30])
        r = rnd.random()
        if r < 0.06:
            # open answers with contact data: must be redacted in every evaluation
            row["VI.10"] = "Für Rückfragen: %s, Tel. %s oder %s" % (row["I.4"], row["I.5"], row["I.6"])
        elif r < 0.1:
            row["VI.10"] = "Gern mehr Austausch – Frau/Herr %s aus der Einrichtung %s koordiniert das." % (
                nach, row["I.1"])
        elif r < 0.35:
            row["VI.10"] = rnd.choice(TEXTE["VI.10"])
        rows.append(row)

    # --- the guarantees
    assert len(rows) == N and len({r["id"] for r in rows}) == N
    counts = [sum(r["I.7.%d" % o] == "1" for r in rows) for o in range(1, 8)]
    assert counts == [40, 24, 22, 20, 14, 38, 8], counts
    for r in rows:
        assert all(r[c] for c in ("I.1", "I.2", "I.4", "I.5", "I.6"))
        if r["III.1"] not in ("5", "6"):
            assert all(r["III.2.%d" % o] == "" for o in range(1, 11))
        if r["IV.2"] != "1":
            assert r["IV.2a"] == ""
        if r["VI.6"] != "1":
            assert r["VI.7"] == "" and all(r["VI.8.%d" % o] == "" for o in range(1, 8))

    with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
        wr = csv.writer(f, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        wr.writerow(cols)
        for r in rows:
            wr.writerow([r[c] for c in cols])

    n31 = sum(r["III.1"] not in ("", "-9") for r in rows)
    n32 = sum(any(r["III.2.%d" % o] == "1" for o in range(1, 11)) for r in rows)
    n66 = sum(r["VI.6"] == "1" for r in rows)
    sys.stderr.write("%d Befragte, %d Spalten; III.1 beantwortet %d, III.2 beantwortet %d, VI.6 = Ja %d\n"
                     % (len(rows), len(cols), n31, n32, n66))


if __name__ == "__main__":
    main()
