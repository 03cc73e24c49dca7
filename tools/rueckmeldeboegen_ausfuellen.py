#!/usr/bin/python3
"""rueckmeldeboegen_ausfuellen.py — fill Rückmeldebögen the way a Fachdienst
returns them: the sample's returned forms (inputs/beispiele/wesermarsch/).

    /usr/bin/python3 tools/rueckmeldeboegen_ausfuellen.py [--seed N] [--quellen config/quellen.ini]
        --ziel ORDNER BOGEN.xlsx…

Each BOGEN is a form written by ibericht-rueckmeldebogen
(out/rueckmeldeboegen/rueckmeldebogen_<Fachdienst>.xlsx; layout: README.md,
„Statusberichte und Rückmeldebogen“): A1 „ibericht-Rückmeldebogen 1“, B2
Fachdienst, B3 Stand des Bogens, header in row 6, one measure per row below,
the input columns Status, Stand and Kommentar (found by their header, not by
position).  Nothing else in the workbook is touched: data validation, sheet
protection and styles stay as ibericht wrote them.

The filled form goes to ORDNER/rueckmeldebogen_<Fachdienst>_<JJJJ-MM-TT>.xlsx
(the date = the form's Stand: one file per round, so two rounds can lie in
one inbox); the name must match a `dateien` pattern of a `typ = statusbericht`
profile in --quellen, otherwise the script stops.

What a Fachdienst writes (ALL INVENTED, plausible, deterministic: every
decision comes from random.Random("SEED|Stand des Bogens|Kennung"), no clock):

  * Share of measures reported: about 55 % in a first round (no „letzter
    Status“ in the form); in a later round every measure with an earlier
    status that is not final (umgesetzt, entfallen) gets an update, the
    others are reported with a probability of 75 %.
  * Status by Terminierung and the earlier status: ongoing measures
    (laufend) mostly „in Umsetzung“; measures due soon „in Umsetzung“,
    „geplant“, some „verzögert“; a later round moves them on (geplant →
    in Umsetzung, in Umsetzung → umgesetzt for short-term ones, verzögert →
    in Umsetzung or still verzögert); a few „entfallen“ with the reason.
  * Stand: a working day 3 to 10 days after the form's Stand (next Monday at the latest).
  * Kommentar: a German sentence fitting the status for about 70 % of the
    rows („entfallen“ and „verzögert“ always say why).

Checks at the end (the script stops when one fails): at least one row per
status that occurs; every date after the form's Stand; every status from
the form's validation list.

Output bytes are reproducible: fixed ZIP entry times and document dates
(the form's Stand), so the same forms give the same files.
"""

import argparse
import configparser
import datetime
import fnmatch
import io
import os
import random
import re
import sys
import zipfile

import openpyxl

SEED = 20241104
STATUS = ["geplant", "in Umsetzung", "umgesetzt", "verzögert", "entfallen"]

KOMMENTARE = {
    "geplant": [
        "Start im ersten Halbjahr 2025 vorgesehen.",
        "Abstimmung mit der Kreisvolkshochschule steht noch aus.",
        "Konzept in Vorbereitung; Beteiligung der Kommunalen Migrationsvertretung geplant.",
        "Haushaltsmittel für 2025 beantragt.",
        "Termin mit den Kooperationspartnern für das Frühjahr vereinbart.",
    ],
    "in Umsetzung": [
        "Erste Termine haben stattgefunden, die Resonanz ist gut.",
        "Läuft; Zwischenbericht im Ausschuss für Soziales, Gesundheit und Integration.",
        "Arbeitsgruppe hat sich gegründet und trifft sich vierteljährlich.",
        "Angebot wird in Brake und Nordenham erprobt, weitere Gemeinden folgen.",
        "Übersetzung der Informationsblätter in Arabisch, Ukrainisch und Türkisch beauftragt.",
        "Gemeinsam mit dem Jobcenter Wesermarsch; Teilnahme bisher 24 Personen.",
        "Fortlaufend; Informationen über Intranet und Mailverteiler.",
    ],
    "umgesetzt": [
        "Abgeschlossen; Ergebnisse auf der Internetseite des Landkreises veröffentlicht.",
        "Umgesetzt, wird als Regelangebot weitergeführt.",
        "Abgeschlossen mit 3 Veranstaltungen und rund 60 Teilnehmenden.",
        "Erledigt; Handreichung an alle Fachdienste verteilt.",
    ],
    "verzögert": [
        "Verzögert: Stelle in der Koordinierungsstelle war bis September unbesetzt.",
        "Verzögert: Förderbescheid des Landes steht noch aus.",
        "Verzögert: Räume für das Angebot fehlen noch, Suche läuft.",
        "Verzögert wegen Umstellung der Fachsoftware; neuer Termin Frühjahr 2025.",
    ],
    "entfallen": [
        "Entfällt: Das Angebot wird bereits durch das Jobcenter abgedeckt.",
        "Entfällt: Der Träger hat das Projekt beendet; Ersatz wird geprüft.",
        "Entfällt nach Beschluss des Fachausschusses; Mittel fließen in die Sprachförderung.",
    ],
}


def datum(s):
    """TT.MM.JJJJ or JJJJ-MM-TT or a datetime → date."""
    if isinstance(s, datetime.datetime):
        return s.date()
    if isinstance(s, datetime.date):
        return s
    s = str(s).strip()
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return datetime.date.fromisoformat(s)


def profile_muster(quellen):
    """dateien patterns of the statusbericht profiles in the profiles file."""
    cp = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=None, strict=True)
    with open(quellen, encoding="utf-8") as f:
        cp.read_file(f)
    muster = []
    for sec in cp.sections():
        if cp.get(sec, "typ", fallback="").strip() == "statusbericht":
            muster += [p.strip() for p in cp.get(sec, "dateien", fallback="").split(",") if p.strip()]
    return muster


def frist(terminierung, stand):
    """'laufend', 'bald' (ends within a year of the form's Stand) or 'spaeter'."""
    t = (terminierung or "").lower()
    if not t or "lauf" in t or "fortlauf" in t or "dauer" in t:
        return "laufend"
    jahre = [int(j) for j in re.findall(r"\b(20\d\d)\b", t)]
    if jahre and max(jahre) <= stand.year + 1:
        return "bald"
    if "kurzfristig" in t:
        return "bald"
    return "spaeter"


def status_waehlen(rnd, art, vorher):
    if vorher == "geplant":
        return rnd.choices(["geplant", "in Umsetzung", "verzögert"], [30, 60, 10])[0]
    if vorher == "in Umsetzung":
        if art == "laufend":
            return "in Umsetzung"
        return rnd.choices(["in Umsetzung", "umgesetzt", "verzögert"], [45, 45 if art == "bald" else 10, 10])[0]
    if vorher == "verzögert":
        return rnd.choices(["verzögert", "in Umsetzung", "entfallen"], [40, 50, 10])[0]
    if art == "laufend":
        return rnd.choices(["in Umsetzung", "umgesetzt", "geplant"], [80, 10, 10])[0]
    if art == "bald":
        return rnd.choices(STATUS, [25, 45, 10, 15, 5])[0]
    return rnd.choices(STATUS, [65, 25, 0, 5, 5])[0]


def werktag_nach(rnd, stand):
    d = stand + datetime.timedelta(days=rnd.randint(3, 10))
    while d.weekday() >= 5:
        d += datetime.timedelta(days=1)
    return d


def ausfuellen(pfad, ziel, muster, seed):
    wb = openpyxl.load_workbook(pfad)
    ws = wb.worksheets[0]
    if ws["A1"].value != "ibericht-Rückmeldebogen 1":
        sys.exit("%s: kein Rückmeldebogen von ibericht (A1 = %r)" % (pfad, ws["A1"].value))
    fachdienst, stand = str(ws["B2"].value), datum(ws["B3"].value)
    kopf = {str(c.value).strip().lower(): c.column for c in ws[6] if c.value is not None}
    need = ["kennung", "terminierung", "letzter status", "status", "stand", "kommentar"]
    missing = [k for k in need if k not in kopf]
    if missing:
        sys.exit("%s: Zeile 6 ohne Spalte(n) %s" % (pfad, ", ".join(missing)))
    erste_runde = all(ws.cell(r, kopf["letzter status"]).value in (None, "")
                      for r in range(7, ws.max_row + 1))
    gemeldet = []
    for r in range(7, ws.max_row + 1):
        kennung = ws.cell(r, kopf["kennung"]).value
        if not kennung:
            continue
        rnd = random.Random("%d|%s|%s" % (seed, stand.isoformat(), kennung))
        vorher = ws.cell(r, kopf["letzter status"]).value or ""
        if vorher in ("umgesetzt", "entfallen"):
            continue                      # done: nothing new to report
        if not (vorher or rnd.random() < (0.55 if erste_runde else 0.75)):
            continue
        art = frist(ws.cell(r, kopf["terminierung"]).value, stand)
        st = status_waehlen(rnd, art, vorher)
        ws.cell(r, kopf["status"]).value = st
        ws.cell(r, kopf["stand"]).value = datetime.datetime.combine(werktag_nach(rnd, stand), datetime.time())
        if st in ("verzögert", "entfallen") or rnd.random() < 0.7:
            ws.cell(r, kopf["kommentar"]).value = rnd.choice(KOMMENTARE[st])
        gemeldet.append((kennung, st))
    # the checks
    assert gemeldet, pfad
    assert all(s in STATUS for _, s in gemeldet)
    for r in range(7, ws.max_row + 1):
        d = ws.cell(r, kopf["stand"]).value
        assert d is None or d.date() > stand, (pfad, r)

    name = "rueckmeldebogen_%s_%s.xlsx" % (re.sub(r"[^A-Za-z0-9]+", "_", os.path.basename(pfad)[16:-5]).strip("_"),
                                           stand.isoformat())
    if not any(fnmatch.fnmatchcase(name, m) for m in muster):
        sys.exit("%s: passt auf kein Statusbericht-Profil (%s)" % (name, ", ".join(muster) or "keins"))
    zeit = datetime.datetime.combine(stand, datetime.time(12, 0))
    wb.properties.created = wb.properties.created or zeit
    wb.properties.modified = zeit
    wb.properties.lastModifiedBy = fachdienst
    buf = io.BytesIO()
    wb.save(buf)
    # fixed entry times: the same forms give byte-identical files
    out = os.path.join(ziel, name)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, \
            zipfile.ZipFile(out + ".tmp", "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(stand.year, stand.month, stand.day, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    os.replace(out + ".tmp", out)
    zaehl = {s: sum(1 for _, x in gemeldet if x == s) for s in STATUS}
    sys.stderr.write("%s: %s, Stand %s: %d Meldungen (%s)\n" % (
        out, fachdienst, stand.strftime("%d.%m.%Y"), len(gemeldet),
        ", ".join("%s %d" % (s, n) for s, n in zaehl.items() if n)))
    return out


def main():
    ap = argparse.ArgumentParser(description="Rückmeldebögen mit erfundenen Meldungen ausfüllen")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--quellen", default="config/quellen.ini")
    ap.add_argument("--ziel", required=True)
    ap.add_argument("boegen", nargs="+")
    a = ap.parse_args()
    muster = profile_muster(a.quellen)
    for b in a.boegen:
        ausfuellen(b, a.ziel, muster, a.seed)


if __name__ == "__main__":
    main()
