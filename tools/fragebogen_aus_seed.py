#!/usr/bin/python3
"""fragebogen_aus_seed.py — turn a seed questionnaire schema (CSV) into the
shipped questionnaire config (config/befragung/*.ini, read by
pipeline/lib/fragebogen.c).

    /usr/bin/python3 tools/fragebogen_aus_seed.py wesel \
        /work/shared/data/seeds/fragebogen_wesel_schema.csv config/befragung/wesel.ini
    /usr/bin/python3 tools/fragebogen_aus_seed.py wesermarsch_verwaltung \
        /work/shared/data/seeds/fragebogen_wesermarsch_verwaltung_schema.csv \
        config/befragung/wesermarsch_verwaltung.ini

Deterministic: the output depends only on the seed file and the tables in
this script (no dates, no environment); running it twice gives the same
bytes.  Standard library only (csv, hashlib for the provenance line).

Everything the seed gets wrong or does not say is fixed HERE, in the
explicit tables below (PROFILE[...]), each entry with its reason — never in
the C loader:
  skalen          the ordered scale of every Likert question (the seed's
                  scale orders are partly garbled, see NOTES.md „Fragebogen“),
                  with the interval flag;
  texte           corrections of option/question texts;
  filter          filter questions („asked only of those who …“), which the
                  seed has as prose only;
  personenbezogen sections/questions with personal data, and how their
                  values are redacted from free text.

Seed CSV columns: section, question_nr, question_text, answer_type
(text/single/multi/likert), option_code, option_text, scale (seed order,
'|'), scale_geordnet (proposed order), freitext_option (true/false),
hinweis, zeile.

INI format: see the header comment written into the output (and
pipeline/lib/fragebogen.h).  iniparser 4.1 lowercases section names and
keys, cuts unquoted values at ';' or '#', and rejects lines over 1024 bytes;
values are quoted here where needed and every line is checked.
"""
import csv
import hashlib
import os
import sys

# ---------------------------------------------------------------------------
# The correction tables, per questionnaire.
# ---------------------------------------------------------------------------

# Direction of every scale in the shipped config: ASCENDING — step 1 is the
# lowest rating / weakest agreement, the last step the highest.  So the
# „top-2-box“ always means the two most positive answers, and medians and
# means read the same way for every question.  Codes in the answer data are
# the step numbers 1..k.

WESEL_SKALEN = {
    # III.1: seed order is already ascending and complete.  The seed line
    # ends in a stray ')' after „sehr gut“ (removed by the extraction, see
    # hinweis).  Six labels in the style of German school grades, meant as
    # equidistant → interval-like (mean reported).
    "III.1": (["sehr schlecht", "schlecht", "ausreichend", "befriedigend", "gut", "sehr gut"],
              True, "Seed-Reihenfolge übernommen (aufsteigend); überzählige ')' des Seeds entfernt"),
    # VI.1–VI.5: printed DESCENDING in the questionnaire (trifft zu | trifft
    # zum Teil zu | trifft nicht zu) and so in the seed; turned around to the
    # common ascending direction.  Three verbal steps: ordinal only, no mean.
    "VI.1": (["trifft nicht zu", "trifft zum Teil zu", "trifft zu"], False,
             "Seed absteigend (trifft zu | trifft zum Teil zu | trifft nicht zu), hier aufsteigend"),
    "VI.2": (["trifft nicht zu", "trifft zum Teil zu", "trifft zu"], False,
             "Seed absteigend (trifft zu | trifft zum Teil zu | trifft nicht zu), hier aufsteigend"),
    "VI.3": (["trifft nicht zu", "trifft zum Teil zu", "trifft zu"], False,
             "Seed absteigend (trifft zu | trifft zum Teil zu | trifft nicht zu), hier aufsteigend"),
    "VI.4": (["trifft nicht zu", "trifft zum Teil zu", "trifft zu"], False,
             "Seed absteigend (trifft zu | trifft zum Teil zu | trifft nicht zu), hier aufsteigend"),
    "VI.5": (["trifft nicht zu", "trifft zum Teil zu", "trifft zu"], False,
             "Seed absteigend (trifft zu | trifft zum Teil zu | trifft nicht zu), hier aufsteigend"),
    # VI.9.1–VI.9.4: the garbled matrix (NOTES.md „VI.9“).  Each statement
    # is printed with only 4 of the 5 labels in a scrambled order (statement 1
    # lacks „Stimme voll zu“, 2–4 lack „Stimme gar nicht zu“).  The one
    # agreement scale of the matrix, complete and ascending, as proposed in
    # the seed's scale_geordnet.  Five symmetric agreement steps: treated as
    # interval-like (mean reported), as is usual for 5-point Likert items.
    "VI.9.1": (["Stimme gar nicht zu", "Stimme ein wenig zu", "Stimme mehr oder weniger zu",
                "Stimme weitgehend zu", "Stimme voll zu"], True,
               "Seed unvollständig und verwürfelt; fehlende Stufe „Stimme voll zu“ ergänzt"),
    "VI.9.2": (["Stimme gar nicht zu", "Stimme ein wenig zu", "Stimme mehr oder weniger zu",
                "Stimme weitgehend zu", "Stimme voll zu"], True,
               "Seed unvollständig und verwürfelt; fehlende Stufe „Stimme gar nicht zu“ ergänzt"),
    "VI.9.3": (["Stimme gar nicht zu", "Stimme ein wenig zu", "Stimme mehr oder weniger zu",
                "Stimme weitgehend zu", "Stimme voll zu"], True,
               "Seed unvollständig und verwürfelt; fehlende Stufe „Stimme gar nicht zu“ ergänzt"),
    "VI.9.4": (["Stimme gar nicht zu", "Stimme ein wenig zu", "Stimme mehr oder weniger zu",
                "Stimme weitgehend zu", "Stimme voll zu"], True,
               "Seed unvollständig und verwürfelt; fehlende Stufe „Stimme gar nicht zu“ ergänzt"),
}

WESEL_TEXTE = {
    # (question or option code): (seed text, corrected text, reason)
    # „eBegleitung“: the checkbox glyph of the PDF survived as a leading 'e'
    # (seed hinweis: „vermutlich Extraktionsartefakt“).
    "II.4.4.14": ("eBegleitung von ehrenamtlich Tätigen", "Begleitung von ehrenamtlich Tätigen",
                  "Checkbox-Glyphe „e“ des PDFs entfernt"),
    # II.4.8: the extraction's own remark is not part of the question.
    "II.4.8": ("Welche Angebote bieten Sie an? (Mehrfachnennung ist möglich) – Sonstiges (ohne Nummer im Seed)",
               "Welche Angebote bieten Sie an? (Mehrfachnennung ist möglich) – Sonstiges",
               "Bemerkung der Extraktion „(ohne Nummer im Seed)“ entfernt"),
}

WESEL_FILTER = {
    # question: (filter, reason) — „FRAGE in OPTION, OPTION“ (option texts or codes)
    "III.2": ("III.1 in gut, sehr gut", "Fragetext: „Wenn Sie gut oder sehr gut gewählt haben“"),
    "IV.2a": ("IV.2 in Ja", "Fragetext: „Wenn „Ja“, mit wem“"),
    "VI.7": ("VI.6 in Ja", "Grund der Diskriminierung: nur nach „Ja“ in VI.6 sinnvoll"),
    "VI.8": ("VI.6 in Ja", "betroffene Zielgruppe: nur nach „Ja“ in VI.6 sinnvoll"),
}

PROFILE = {
    "wesel": {
        "titel": "Befragung der Einrichtungen und Akteur*innen in Wesel",
        "kommune": "Stadt Wesel",
        "quelle": "Integrationskonzept der Stadt Wesel, Fragebogen Abschnitte I–VI",
        "abschnitt_codes": {},   # seed section → code (identity)
        # The seed has no section headings; these are working titles (not
        # from the questionnaire), so reports can head the sections.
        "abschnitt_titel": {
            "I": "Angaben zur Einrichtung",
            "II": "Zielgruppen und Angebote",
            "III": "Annahme der Angebote",
            "IV": "Zusammenarbeit",
            "V": "Prioritäten und Bedarfe",
            "VI": "Unterstützung, Diskriminierung und Zusammenleben",
        },
        # Section I names the institution, its address, contact person,
        # telephone and e-mail: personal data (DSGVO Art. 4 Nr. 1 for the
        # contact person; the rest identifies the respondent).
        "personenbezogen_abschnitte": {"I"},
        # I.7 „Art der Einrichtung“ is in section I but identifies nobody on
        # its own; it is the grouping variable of the cross-tabulations
        # (small cells are suppressed there).
        "nicht_personenbezogen": {"I.7"},
        # How a personal text value is redacted from free text answers:
        # ganz = the whole value; woerter = also every word of it (person
        # names: „Frau Mustermann“ must go even if written without first name).
        "schwaerzen": {"I.4": "woerter"},
        "skalen": WESEL_SKALEN,
        "texte": WESEL_TEXTE,
        "filter": WESEL_FILTER,
        "antworten": {"id_spalte": "id", "weitere_spalten": "eingang", "fehlend": "-9, -99"},
        "ruecklauf": None,
    },
    "wesermarsch_verwaltung": {
        "titel": "Befragung der Fachdienste und Referate der Kreisverwaltung Wesermarsch",
        "kommune": "Landkreis Wesermarsch",
        "quelle": "Integrationskonzept 2024 des Landkreises Wesermarsch, Anhang 2",
        "abschnitt_codes": {"Anhang 2": "A2"},
        "abschnitt_titel": {"A2": "Fragen an die Fachdienste und Referate"},
        "personenbezogen_abschnitte": set(),
        "nicht_personenbezogen": set(),
        "schwaerzen": {},
        "skalen": {},
        "texte": {},
        "filter": {},
        "antworten": {"id_spalte": "Fachdienst", "weitere_spalten": "", "fehlend": ""},
        # Rücklauf (Integrationskonzept 2024, Kap. 2.1.1): 17 Fachdienste und
        # Referate were asked; 7 answered, 5 sent a Fehlanzeige, 5 did not
        # reply.  The concept does not name them, so only the number is given.
        "ruecklauf": {
            "kommentar": [
                "17 Fachdienste und Referate der Kreisverwaltung wurden befragt (Integrationskonzept 2024,",
                "Kap. 2.1.1): 7 haben geantwortet, 5 eine Fehlanzeige geschickt, 5 nicht reagiert.",
                "Das Konzept nennt sie nicht; wer die Liste hat, ersetzt befragt_anzahl durch",
                "befragt = Name, Name, … (dann zählt ibericht je Fachdienst und nennt die ohne Rückmeldung).",
            ],
            "spalte": "Fachdienst",
            "einheit": "Fachdiensten",
            "befragt_anzahl": "17",
            "fehlanzeige": "Fehlanzeige, entfällt",
        },
    },
}

# ---------------------------------------------------------------------------

FORMAT_KOMMENTAR = """\
; Format (pipeline/lib/fragebogen.h):
;   [fragebogen]      titel, kommune, quelle, abschnitte = Codes in Reihenfolge
;   [antworten]       id_spalte (Spalte mit der Kennung der Befragten), weitere_spalten
;                     (nicht ausgewertete Spalten), fehlend (Zellwerte für „keine Antwort“)
;   [abschnitt X]     titel, personenbezogen = ja|nein, fragen = Codes in Reihenfolge
;   [frage CODE]      typ = text|single|multi|likert|janein|zahl, text, stamm
;                     (gemeinsamer Fragetext einer Matrixfrage), optionN = Text (N = Code
;                     in den Daten; likert: Stufen aufsteigend, 1 = niedrigste), freitext =
;                     Codes der Optionen mit „und zwar: …“, intervall = ja|nein (likert),
;                     min, max, ganzzahlig (zahl), filter = FRAGE in OPT, OPT,
;                     personenbezogen = ja|nein, schwaerzen = ganz|woerter|nein
;   [ruecklauf]       spalte, einheit, befragt = Liste | befragt_anzahl, fehlanzeige
; Antwortdaten: eine Zeile je befragter Person oder Einrichtung, eine Spalte je Frage (ihr
; Code), bei multi eine 0/1-Spalte je Option (CODE.N), bei Freitext-Optionen CODE.N_text.
"""


def fail(msg):
    sys.stderr.write("fragebogen_aus_seed: Fehler: %s\n" % msg)
    sys.exit(1)


def ini_wert(text, wo):
    """A value as iniparser 4.1 reads it back unchanged."""
    text = " ".join(text.split())
    if any(c in text for c in ";#\"'") or text != text.strip():
        if '"' not in text:
            return '"%s"' % text
        if "'" not in text:
            return "'%s'" % text
        fail("%s: Text mit ' und \" lässt sich nicht als INI-Wert schreiben: %r" % (wo, text))
    return text


def kommentar(text):
    return "; " + " ".join(text.split())


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in PROFILE:
        sys.stderr.write("Aufruf: fragebogen_aus_seed.py {%s} SEED.csv AUSGABE.ini\n" % "|".join(sorted(PROFILE)))
        sys.exit(2)
    name, seed, ziel = sys.argv[1], sys.argv[2], sys.argv[3]
    p = PROFILE[name]
    with open(seed, "rb") as f:
        roh = f.read()
    sha = hashlib.sha256(roh).hexdigest()
    rows = list(csv.DictReader(roh.decode("utf-8").splitlines()))
    if not rows:
        fail("%s: keine Zeilen" % seed)

    # group rows into questions; a likert matrix (several option rows with a
    # scale) becomes one question per statement
    abschnitte = []          # [(code, seed section)]
    fragen = {}              # code → dict
    reihenfolge = {}         # section code → [question codes]
    benutzt_skalen, benutzt_texte, benutzt_filter = set(), set(), set()

    def text_korr(code, text):
        k = p["texte"].get(code)
        if k is None:
            return text, None
        if k[0] != text:
            fail("Korrektur %s: Seed-Text ist %r, erwartet %r" % (code, text, k[0]))
        benutzt_texte.add(code)
        return k[1], k[2]

    for r in rows:
        sec = r["section"]
        sc = p["abschnitt_codes"].get(sec, sec)
        if sc not in reihenfolge:
            abschnitte.append(sc)
            reihenfolge[sc] = []
        typ = r["answer_type"]
        if typ == "likert" and r["option_text"]:
            code = r["option_code"]                      # matrix item: own question
            stamm = r["question_text"]
        elif typ == "text":
            code = r["option_code"]
            stamm = None
        else:
            code = r["option_code"] if typ == "likert" else sc + "." + r["question_nr"]
            stamm = None
        if code not in fragen:
            qtext = r["option_text"] if stamm else r["question_text"]
            qtext, qgrund = text_korr(code, qtext)
            fragen[code] = {"code": code, "abschnitt": sc, "typ": typ, "text": qtext, "stamm": stamm,
                            "optionen": [], "hinweise": [], "korrekturen": [], 
                            "scale": r["scale"]}
            if qgrund:
                fragen[code]["korrekturen"].append("korrigiert: " + qgrund)
            reihenfolge[sc].append(code)
        q = fragen[code]
        if r["hinweis"] and r["hinweis"] not in [h for _, h in q["hinweise"]]:
            q["hinweise"].append((r["zeile"], r["hinweis"]))
        if typ in ("single", "multi"):
            oc = r["option_code"]
            if not oc.startswith(code + "."):
                fail("%s Zeile %s: Optionscode %s gehört nicht zu Frage %s" % (seed, r["zeile"], oc, code))
            nr = oc[len(code) + 1:]
            if not nr.isdigit():
                fail("%s Zeile %s: Optionsnummer %r ist keine Zahl" % (seed, r["zeile"], nr))
            otext, ogrund = text_korr(oc, r["option_text"])
            if ogrund:
                q["korrekturen"].append("korrigiert: Option %s: %s" % (nr, ogrund))
            q["optionen"].append((int(nr), otext, r["freitext_option"] == "true"))

    # types: single with exactly Ja/Nein → janein; likert scales from the table
    for code, q in fragen.items():
        if q["typ"] == "single" and [(o[0], o[1]) for o in q["optionen"]] == [(1, "Ja"), (2, "Nein")]:
            q["typ"] = "janein"
            q["optionen"] = []
        if q["typ"] == "likert":
            if code not in p["skalen"]:
                fail("Likert-Frage %s hat keinen Eintrag in der Skalentabelle" % code)
            stufen, intervall, grund = p["skalen"][code]
            seed_stufen = [s.strip().rstrip(")").strip() for s in q["scale"].split("|") if s.strip()]
            fehlt = [s for s in seed_stufen if s not in stufen]
            if fehlt:
                fail("Skala %s: Seed-Stufen %r fehlen in der korrigierten Skala" % (code, fehlt))
            if len(set(stufen)) != len(stufen):
                fail("Skala %s: doppelte Stufe" % code)
            benutzt_skalen.add(code)
            q["optionen"] = [(i + 1, s, False) for i, s in enumerate(stufen)]
            q["intervall"] = intervall
            q["korrekturen"].append("Skala: %s (Seed: %s)" % (grund, " | ".join(seed_stufen)))
        if code in p["filter"]:
            benutzt_filter.add(code)
            q["filter"], grund = p["filter"][code]
            q["korrekturen"].append("Filter: " + grund)
        nummern = [o[0] for o in q["optionen"]]
        if len(set(nummern)) != len(nummern):
            fail("Frage %s: doppelte Optionsnummer" % code)

    for tab, used, what in ((p["skalen"], benutzt_skalen, "Skala"), (p["texte"], benutzt_texte, "Textkorrektur"),
                            (p["filter"], benutzt_filter, "Filter")):
        unused = sorted(set(tab) - used)
        if unused:
            fail("%s für unbekannte Fragen/Optionen: %s" % (what, ", ".join(unused)))

    # filters must name an existing question and options (checked again by the C loader)
    for code, q in fragen.items():
        if "filter" in q:
            ziel_frage, _, werte = q["filter"].partition(" in ")
            zq = fragen.get(ziel_frage.strip())
            if zq is None:
                fail("Filter von %s: Frage %s gibt es nicht" % (code, ziel_frage))
            texte = [o[1] for o in zq["optionen"]] or ["Ja", "Nein"]
            for w in werte.split(","):
                if w.strip() not in texte:
                    fail("Filter von %s: Option %r gibt es in %s nicht" % (code, w.strip(), ziel_frage))

    out = []
    w = out.append
    w("; %s.ini — Fragebogen „%s“ für ibericht (pipeline/lib/fragebogen.h)." % (name, p["titel"]))
    w("; ERZEUGT von tools/fragebogen_aus_seed.py %s — die Tabellen im Skript bearbeiten, nicht diese Datei." % name)
    w("; Seed: %s (SHA-256 %s, %d Zeilen)." % (os.path.basename(seed), sha, len(rows)))
    w(";")
    for line in FORMAT_KOMMENTAR.splitlines():
        w(line)
    w("")
    w("[fragebogen]")
    w("titel = " + ini_wert(p["titel"], "titel"))
    w("kommune = " + ini_wert(p["kommune"], "kommune"))
    w("quelle = " + ini_wert(p["quelle"], "quelle"))
    w("abschnitte = " + ", ".join(abschnitte))
    w("")
    w("[antworten]")
    for k in ("id_spalte", "weitere_spalten", "fehlend"):
        if p["antworten"][k]:
            w("%s = %s" % (k, ini_wert(p["antworten"][k], k)))
    if p["ruecklauf"]:
        rl = p["ruecklauf"]
        w("")
        w("[ruecklauf]")
        for line in rl["kommentar"]:
            w("; " + line)
        for k in ("spalte", "einheit", "befragt_anzahl", "fehlanzeige"):
            w("%s = %s" % (k, ini_wert(rl[k], k)))
    for sc in abschnitte:
        w("")
        w("[abschnitt %s]" % sc)
        if sc in p["abschnitt_titel"]:
            w("titel = " + ini_wert(p["abschnitt_titel"][sc], sc))
        w("personenbezogen = " + ("ja" if sc in p["personenbezogen_abschnitte"] else "nein"))
        w("fragen = " + ", ".join(reihenfolge[sc]))
        for code in reihenfolge[sc]:
            q = fragen[code]
            w("")
            w("[frage %s]" % code)
            for z, h in q["hinweise"]:
                w(kommentar("Seed (Zeile %s): %s" % (z, h)))
            for k in q["korrekturen"]:
                w(kommentar(k))
            w("typ = " + q["typ"])
            if q["stamm"]:
                w("stamm = " + ini_wert(q["stamm"], code))
            w("text = " + ini_wert(q["text"], code))
            if sc in p["personenbezogen_abschnitte"] and code in p["nicht_personenbezogen"]:
                w("personenbezogen = nein")
            if code in p["schwaerzen"]:
                w("schwaerzen = " + p["schwaerzen"][code])
            if "intervall" in q:
                w("intervall = " + ("ja" if q["intervall"] else "nein"))
            for nr, otext, frei in q["optionen"]:
                w("option%d = %s" % (nr, ini_wert(otext, "%s.%d" % (code, nr))))
            frei = [str(o[0]) for o in q["optionen"] if o[2]]
            if frei:
                w("freitext = " + ", ".join(frei))
            if "filter" in q:
                w("filter = " + q["filter"])
    text = "\n".join(out) + "\n"
    for i, line in enumerate(text.splitlines(), 1):
        if len(line.encode("utf-8")) > 1024:
            fail("Zeile %d der Ausgabe ist länger als 1024 Bytes (iniparser)" % i)
    with open(ziel, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
