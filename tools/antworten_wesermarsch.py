#!/usr/bin/python3
"""antworten_wesermarsch.py — sample answers to the Wesermarsch administration
survey („Befragung der Fachdienste und Referate der Kreisverwaltung
Wesermarsch“, config/befragung/wesermarsch_verwaltung.ini), as the survey
tool exports them (inputs/beispiele/wesermarsch/befragung_wesermarsch_verwaltung.csv).

    /usr/bin/python3 tools/antworten_wesermarsch.py \
        config/befragung/wesermarsch_verwaltung.ini inputs/beispiele/wesermarsch/befragung_wesermarsch_verwaltung.csv

ALL ANSWERS ARE INVENTED.  What is real: the questionnaire (Integrationskonzept
2024, Anhang 2: five open questions) and its Rücklauf (Kap. 2.1.1: 17
Fachdienste and Referate asked, 7 answered, 5 sent a Fehlanzeige, 5 did not
reply).  The names of the Fachdienste are plausible for a Kreisverwaltung,
not the Wesermarsch's list (the concept does not name them); the texts are
written for this sample, each fitting its Fachdienst.  The seed only fixes
the order of the rows (order of receipt).  One answer gives an invented telephone number
(012x range: no subscriber numbers in Germany) and an address under the
reserved domain .example (RFC 2606), which the redaction must remove.

Deterministic: random.Random(SEED), no clock, no environment; the columns
come from the questionnaire ([antworten] id_spalte, the question codes), so
data and config cannot drift apart.

Format (German Excel „CSV UTF-8“): UTF-8 with BOM, ';', CRLF.  One row per
Fachdienst that replied: 7 with answers, 5 with „Fehlanzeige“ (or
„entfällt“) in the first question and nothing else; the 5 without reply
are not in the file.

Guarantees (checked at the end): 12 rows, distinct ids; exactly 7 rows
answer at least one question with a text that is not a Fehlanzeige word;
every question answered by at least 4 of the 7 (so n stays above the
suppression threshold 3).
"""
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from antworten_generieren import lade_fragebogen  # noqa: E402  (same questionnaire reader)

SEED = 20240415

# the seven Fachdienste with answers: (Fachdienst, {question: text}); a missing
# question = left empty
ANTWORTEN = [
    ("Fachdienst Jugend und Familie", {
        "A2.1": "Viele Familien kennen die Angebote der Frühen Hilfen nicht; Termine werden oft nicht wahrgenommen.",
        "A2.2": "Hausbesuche mit Sprachmittlung; künftig Sprechstunden in den Familienzentren der Gemeinden.",
        "A2.3": "Elternbriefe in einfacher Sprache und in Arabisch, Ukrainisch und Türkisch.",
        "A2.4": "Interkulturelle Fortbildung für das Team des Allgemeinen Sozialen Dienstes.",
        "A2.5": "Vermittlung von Kontakten zu Migrantenorganisationen im Landkreis."}),
    ("Fachdienst Soziales", {
        "A2.1": "Sprachbarrieren in der Beratung, vor allem bei komplexen Bescheiden und Anträgen.",
        "A2.2": "Wir begegnen dem mit Einzelfallhilfe; strukturelle Lösungen fehlen noch.",
        "A2.3": "Übersetzungsgeräte an der Information; Piktogramme im Wartebereich.",
        "A2.5": "Unterstützung bei der Übersetzung von Vordrucken."}),
    ("Fachdienst Gesundheit", {
        "A2.1": "Impf- und Schuleingangsuntersuchungen scheitern oft an fehlender Sprachmittlung.",
        "A2.2": "Wir nutzen den Dolmetscherpool des Landkreises und planen Videodolmetschen.",
        "A2.3": "Rückfragen gern an die Sachbearbeitung, Tel. 0123 45678-90, sachbearbeitung@fachdienst.example.",
        "A2.4": "Mehrsprachige Mitarbeitende werden als Ansprechpersonen im Intranet genannt.",
        "A2.5": "Ein jährlicher Austausch der Fachdienste mit der Koordinierungsstelle wäre hilfreich."}),
    ("Fachdienst Schule und Kultur", {
        "A2.1": "Schulpflichtige Kinder kommen unterjährig an, Plätze in Sprachlernklassen sind knapp.",
        "A2.2": "Abstimmung mit dem Regionalen Landesamt für Schule und Bildung; künftig feste Ansprechperson.",
        "A2.3": "Informationsblatt zur Schulanmeldung in sechs Sprachen.",
        "A2.5": "Gemeinsame Fachtage mit den Beratungsstellen."}),
    ("Fachdienst Ordnung und Ausländerangelegenheiten", {
        "A2.1": "Lange Bearbeitungszeiten bei Aufenthaltstiteln und hoher Beratungsbedarf am Schalter.",
        "A2.2": "Terminvergabe online, künftig mit mehrsprachiger Oberfläche.",
        "A2.3": "Beratung gemeinsam mit der Migrationsberatung im Haus, ohne Termin.",
        "A2.4": "Schulung zu Antidiskriminierung für alle Mitarbeitenden im Herbst."}),
    ("Fachdienst Personal und Organisation", {
        "A2.1": "Bewerbungen von Menschen mit Zuwanderungsgeschichte sind in der Kreisverwaltung selten.",
        "A2.2": "Stellenausschreibungen werden künftig auch über Migrantenorganisationen verbreitet.",
        "A2.4": "Stellenausschreibungen mit dem Hinweis, dass Bewerbungen von Menschen mit "
                "Zuwanderungsgeschichte ausdrücklich erwünscht sind."}),
    ("Referat Wirtschaftsförderung", {
        "A2.1": "Anerkennung ausländischer Berufsabschlüsse dauert lange; Betriebe suchen trotzdem Fachkräfte.",
        "A2.3": "Mehrsprachige Internetseite zum Ankommen im Landkreis ist in Arbeit.",
        "A2.5": "Beratung bei Förderprogrammen und gemeinsame Veranstaltungen für Arbeitgeber*innen."}),
]
FEHLANZEIGE = [("Fachdienst Bauen und Planen", "Fehlanzeige"), ("Fachdienst Umwelt und Naturschutz", "Fehlanzeige"),
               ("Fachdienst Finanzen", "entfällt"), ("Fachdienst Straßenverkehr", "Fehlanzeige"),
               ("Referat Rechnungsprüfung", "Fehlanzeige")]


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("Aufruf: antworten_wesermarsch.py FRAGEBOGEN.ini AUSGABE.csv\n")
        sys.exit(2)
    fragen = lade_fragebogen(sys.argv[1])
    codes = [q["code"] for q in fragen]
    assert codes == ["A2.%d" % i for i in range(1, 6)], codes
    assert all(q["typ"] == "text" for q in fragen)
    rows = [dict(texte, Fachdienst=fd) for fd, texte in ANTWORTEN]
    rows += [{"Fachdienst": fd, codes[0]: wort} for fd, wort in FEHLANZEIGE]
    random.Random(SEED).shuffle(rows)      # export order: order of receipt, not by kind

    # the guarantees
    woerter = {w for _, w in FEHLANZEIGE}
    assert len(rows) == 12 and len({r["Fachdienst"] for r in rows}) == 12
    assert all(set(r) - {"Fachdienst"} <= set(codes) for r in rows)
    inhalt = [r for r in rows if any(r.get(c, "") and r[c] not in woerter for c in codes)]
    assert len(inhalt) == 7
    for c in codes:
        assert sum(1 for r in inhalt if r.get(c)) >= 4, c

    cols = ["Fachdienst"] + codes
    with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
        wr = csv.writer(f, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        wr.writerow(cols)
        for r in rows:
            wr.writerow([r.get(c, "") for c in cols])
    sys.stderr.write("%d Zeilen (%d mit Antworten, %d Fehlanzeigen); beantwortet: %s\n" % (
        len(rows), len(inhalt), len(rows) - len(inhalt),
        ", ".join("%s %d" % (c, sum(1 for r in inhalt if r.get(c))) for c in codes)))


if __name__ == "__main__":
    main()
