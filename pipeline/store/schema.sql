-- schema.sql — the ibericht store, one SQLite file shared by all stages.
--
-- Layers: ingest writes the "Eingang" tables (source_file, lieferung,
-- massnahme, massnahme_attribut, beobachtung, statusbericht,
-- ingest_message); compute replaces the derived tables (gruppe,
-- massnahme_folge, uebersicht, massnahme_status, status_uebersicht, …) in
-- one transaction; the renderers only read.  Every ingested row keeps its provenance: the source file (name,
-- SHA-256), sheet and row number.  The version is PRAGMA user_version; the
-- store code refuses a newer one and migrates older ones.

PRAGMA user_version = 3;

-- One accepted file.  A new delivery of the same source (profile), period
-- and part supersedes the earlier one (superseded_by), which stays for the
-- record.
CREATE TABLE source_file (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,        -- file name as delivered
    path           TEXT NOT NULL,        -- where it was read
    sha256         TEXT NOT NULL UNIQUE, -- 64 hex digits
    size           INTEGER NOT NULL,     -- bytes
    dataset        TEXT NOT NULL,        -- 'massnahmen', 'kennzahlen', 'statusbericht'
    ingested_at    TEXT NOT NULL,        -- ISO 8601 UTC
    row_count      INTEGER NOT NULL,     -- data rows (observations) accepted
    warning_count  INTEGER NOT NULL DEFAULT 0,
    superseded_by  INTEGER REFERENCES source_file(id),
    quelle         TEXT NOT NULL DEFAULT '',  -- source profile (config/quellen.ini section)
    fachdienst     TEXT NOT NULL DEFAULT '',  -- reporting department
    zeitraum       TEXT NOT NULL DEFAULT '',  -- period the delivery covers
    teil           TEXT NOT NULL DEFAULT '',  -- part of the source (kennzahlen: the indicator;
                                              -- Rückmeldebogen: Fachdienst|date of the form)
    sheet          TEXT,                      -- sheet read (XLSX)
    encoding       TEXT,                      -- encoding found (CSV)
    rows_rejected  INTEGER NOT NULL DEFAULT 0 -- rows skipped where the profile allows it
);
CREATE INDEX source_file_name ON source_file(name, dataset);
CREATE INDEX source_file_quelle ON source_file(quelle, zeitraum, teil);

-- Every file an ingest run looked at, with what became of it: the basis of
-- the Eingangsbericht.
CREATE TABLE lieferung (
    id             INTEGER PRIMARY KEY,
    run_at         TEXT NOT NULL,        -- ISO 8601 UTC of the run
    file_name      TEXT NOT NULL,
    sha256         TEXT,
    size           INTEGER,
    quelle         TEXT,                 -- profile, NULL when none claims the file
    fachdienst     TEXT,
    status         TEXT NOT NULL CHECK (status IN
                       ('angenommen','unveraendert','abgewiesen','wartend','ohne_quelle')),
    source_file_id INTEGER REFERENCES source_file(id),
    rows_accepted  INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    grund          TEXT,                 -- why rejected / pending / unclaimed
    ablage         TEXT                  -- archive or quarantine path
);
CREATE INDEX lieferung_quelle ON lieferung(quelle);

-- One Maßnahme as delivered, with its parsed Terminierung.
CREATE TABLE massnahme (
    id                 INTEGER PRIMARY KEY,
    source_file_id     INTEGER NOT NULL REFERENCES source_file(id),
    sheet              TEXT,             -- NULL for CSV
    row_number         INTEGER NOT NULL, -- 1-based row in the file (header = 1)
    handlungsfeld      TEXT NOT NULL DEFAULT '',
    teilziel           TEXT NOT NULL DEFAULT '',
    massnahme          TEXT NOT NULL,
    verantwortlich     TEXT NOT NULL DEFAULT '',
    terminierung_text  TEXT NOT NULL DEFAULT '',
    terminierung_kind  TEXT NOT NULL CHECK (terminierung_kind IN ('laufend','frist','termin','ohne')),
    terminierung_ende  TEXT,             -- ISO date of the period's last day; NULL if none
    horizont           INTEGER NOT NULL DEFAULT 0, -- 1 kurz-, 2 mittel-, 3 langfristig (kind 'frist')
    kennung            TEXT NOT NULL DEFAULT '',   -- stable id 'M-1a2b3c4d' (lib/kennung.h); '' only
                                                   -- in a migrated store until the next ingest
    herkunft           TEXT NOT NULL DEFAULT ''    -- origin mark as delivered (e.g. „KMV“: a suggestion of
                                                   -- the Kommunale Migrationsvertretung); '' = none
);
CREATE INDEX massnahme_source ON massnahme(source_file_id, row_number);
CREATE INDEX massnahme_kennung ON massnahme(kennung);

-- Columns of the delivery that have no place in massnahme, kept verbatim.
CREATE TABLE massnahme_attribut (
    massnahme_id  INTEGER NOT NULL REFERENCES massnahme(id),
    position      INTEGER NOT NULL,      -- 1-based column in the file
    name          TEXT NOT NULL,         -- header text
    value         TEXT NOT NULL,
    PRIMARY KEY (massnahme_id, position)
) WITHOUT ROWID;

-- Indicator observations (dataset 'kennzahlen'), long format: wide tables
-- are unpivoted on ingest.  A series (reihe) is one indicator for one area
-- and one disaggregation; an observation is its value in one year.
CREATE TABLE reihe (
    id             INTEGER PRIMARY KEY,
    indikator      TEXT NOT NULL,        -- e.g. '2-3-1'
    gebiet         TEXT NOT NULL,        -- AGS/GeoCode, '' = not given
    gebiet_name    TEXT NOT NULL,
    merkmale       TEXT NOT NULL,        -- disaggregation: 'Geschlecht=weiblich|Kategorie=…' (sorted)
    einheit        TEXT NOT NULL,
    UNIQUE (indikator, gebiet, gebiet_name, merkmale, einheit)
);

CREATE TABLE beobachtung (
    id             INTEGER PRIMARY KEY,
    source_file_id INTEGER NOT NULL REFERENCES source_file(id),
    row_number     INTEGER NOT NULL,     -- row in the file (sheet: source_file.sheet)
    column_ref     TEXT,                 -- cell column (letter) of an unpivoted value
    reihe_id       INTEGER NOT NULL REFERENCES reihe(id),
    jahr           INTEGER NOT NULL,
    stichtag       TEXT,                 -- reference day when more precise than the year ('2007-06-30')
    wert           REAL,                 -- NULL when only a symbol is given
    symbol         TEXT,                 -- table symbol as delivered ('x', '.', '–', …) or NULL
    grund          TEXT,                 -- meaning of the symbol / why there is no value
    kommentar      TEXT
);
CREATE INDEX beobachtung_reihe ON beobachtung(reihe_id, jahr);

-- Observations in long form with their series, for analysts and compute.
CREATE VIEW beobachtung_lang AS
    SELECT b.id, b.source_file_id, s.sheet, b.row_number, b.column_ref, r.indikator, b.jahr, r.gebiet,
           r.gebiet_name, b.stichtag, r.merkmale, r.einheit, b.wert, b.symbol, b.grund, b.kommentar
      FROM beobachtung b JOIN reihe r ON r.id = b.reihe_id JOIN source_file s ON s.id = b.source_file_id;

-- One status report on one Maßnahme (dataset 'statusbericht': a returned
-- Rückmeldebogen or a department's export), named by the measure's
-- kennung.  The latest by stand counts (compute: massnahme_status).
CREATE TABLE statusbericht (
    id             INTEGER PRIMARY KEY,
    source_file_id INTEGER NOT NULL REFERENCES source_file(id),
    sheet          TEXT,                 -- NULL for CSV
    row_number     INTEGER NOT NULL,     -- 1-based row in the file (header = 1)
    kennung        TEXT NOT NULL,        -- massnahme.kennung
    stand          TEXT NOT NULL,        -- ISO date the report speaks for
    status         TEXT NOT NULL CHECK (status IN
                       ('geplant','in_umsetzung','umgesetzt','verzoegert','entfallen')),
    kommentar      TEXT NOT NULL DEFAULT '',
    verantwortlich TEXT NOT NULL DEFAULT '',  -- as reported (column spalte_verantwortlich)
    fachdienst     TEXT NOT NULL DEFAULT ''   -- reporting department (form, else the profile)
);
CREATE INDEX statusbericht_kennung ON statusbericht(kennung, stand);

-- Derived by compute: per current Maßnahme its responsible department and
-- latest status (by stand, then the later delivery), the overdue flag
-- relative to the report day ([bericht] stand or the run's day).
CREATE TABLE massnahme_status (
    massnahme_id     INTEGER PRIMARY KEY REFERENCES massnahme(id),
    kennung          TEXT NOT NULL,
    fachdienst       TEXT NOT NULL,      -- verantwortlich, else the source's fachdienst
    ende             TEXT,               -- ISO last day of the Terminierung; NULL laufend/ohne
    statusbericht_id INTEGER REFERENCES statusbericht(id),  -- latest report, NULL = none
    status           TEXT,               -- its status code, NULL = none
    stand            TEXT,               -- its ISO date
    kommentar        TEXT,
    ueberfaellig     INTEGER NOT NULL,   -- 1: ende before the report day, not umgesetzt/entfallen
    ohne_bericht     INTEGER NOT NULL    -- 1: no status report at all
);

-- Derived by compute: status counts per Handlungsfeld (ebene
-- 'handlungsfeld', teilziel '') and per Teilziel within it, in report order.
CREATE TABLE status_uebersicht (
    position       INTEGER PRIMARY KEY,
    ebene          TEXT NOT NULL CHECK (ebene IN ('handlungsfeld','teilziel')),
    handlungsfeld  TEXT NOT NULL,
    teilziel       TEXT NOT NULL,
    anzahl         INTEGER NOT NULL,
    geplant        INTEGER NOT NULL,
    in_umsetzung   INTEGER NOT NULL,
    umgesetzt      INTEGER NOT NULL,
    verzoegert     INTEGER NOT NULL,
    entfallen      INTEGER NOT NULL,
    ohne_bericht   INTEGER NOT NULL,
    ueberfaellig   INTEGER NOT NULL
);

-- Derived by compute: the Eingangsbericht per expected source.
CREATE TABLE eingang_quelle (
    position          INTEGER PRIMARY KEY,
    quelle            TEXT NOT NULL,        -- profile
    fachdienst        TEXT NOT NULL,
    typ               TEXT NOT NULL,
    erwartet          INTEGER NOT NULL,     -- 1 = listed as expected
    status            TEXT NOT NULL CHECK (status IN ('geliefert','abgewiesen','fehlt')),
    dateien           INTEGER NOT NULL,     -- current (not superseded) deliveries
    zeilen            INTEGER NOT NULL,     -- rows/values accepted in them
    zeilen_abgewiesen INTEGER NOT NULL,     -- rows skipped in them
    ersetzt           INTEGER NOT NULL,     -- superseded deliveries
    abgewiesen        INTEGER NOT NULL,     -- rejected files (all runs)
    letzte            TEXT                  -- ISO time of the last accepted delivery
);

-- Derived by compute: Rücklauf per department asked ([ruecklauf] in the config).
CREATE TABLE ruecklauf (
    position    INTEGER PRIMARY KEY,
    fachdienst  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('geantwortet','fehlanzeige','ohne_rueckmeldung')),
    dateien     INTEGER NOT NULL
);

-- Derived by compute from the indicator catalogue ([indikatoren] katalog):
-- the catalogue as the renderers print it, the values per indicator, area
-- and year (after Geheimhaltung), the state per indicator and area in the
-- reporting year, and the coverage per Handlungsfeld.
CREATE TABLE katalog_handlungsfeld (
    position  INTEGER PRIMARY KEY,
    id        TEXT NOT NULL,
    titel     TEXT NOT NULL,
    leitsatz  TEXT NOT NULL
);
CREATE TABLE katalog_indikator (
    position        INTEGER PRIMARY KEY,      -- catalogue order
    id              TEXT NOT NULL UNIQUE,
    titel           TEXT NOT NULL,
    handlungsfeld   INTEGER NOT NULL,         -- katalog_handlungsfeld.position
    ziele           TEXT NOT NULL,            -- Ziel ids, ', '-separated
    art             TEXT NOT NULL,
    einheit         TEXT NOT NULL,
    dezimalen       INTEGER NOT NULL,
    polaritaet      TEXT NOT NULL,
    dimension       TEXT NOT NULL,
    quelle          TEXT NOT NULL,
    hinweis         TEXT NOT NULL,
    nicht_erhoben   INTEGER NOT NULL,
    zielwert        REAL,
    zieljahr        INTEGER,
    fehler          TEXT                      -- why the computation failed (NULL = computed)
);
CREATE TABLE indikator_wert (
    indikator    TEXT NOT NULL,              -- katalog_indikator.id
    gebiet       TEXT NOT NULL,
    gebiet_name  TEXT NOT NULL,
    jahr         INTEGER NOT NULL,
    wert         REAL,                       -- NULL when a symbol stands instead
    symbol       TEXT,                       -- DIN 55301 symbol printed instead of the value
    geheim       TEXT,                       -- 'primaer' / 'sekundaer' when suppressed
    zaehler      REAL,
    nenner       REAL,
    PRIMARY KEY (indikator, gebiet, jahr)
) WITHOUT ROWID;
-- Geheimhaltung of the raw observations (compute/indikatoren.c,
-- indikator_rohdaten_schuetzen): the datasets an indicator with schwelle > 0
-- uses as counts, and the observations that must not be printed.  An
-- observation of a protected dataset read after the last compute (id above
-- bis_id) is printed as „.“ too, never as its value.
CREATE TABLE datensatz_schutz (
    indikator      TEXT PRIMARY KEY,         -- reihe.indikator
    schwelle       INTEGER NOT NULL,
    bis_id         INTEGER NOT NULL          -- largest beobachtung.id when compute ran
) WITHOUT ROWID;
CREATE TABLE beobachtung_geheim (
    beobachtung_id INTEGER PRIMARY KEY,      -- beobachtung.id
    geheim         TEXT NOT NULL CHECK (geheim IN ('primaer', 'sekundaer'))
);
CREATE TABLE indikator_stand (
    indikator       TEXT NOT NULL,
    gebiet          TEXT NOT NULL,
    gebiet_name     TEXT NOT NULL,
    jahr            INTEGER,                 -- year of the value compared (reporting year)
    wert            REAL,
    vorjahr         INTEGER,
    vorwert         REAL,
    delta           REAL,                    -- the headline change (pp, %, or absolute)
    delta_art       TEXT,                    -- 'prozentpunkte', 'prozent', 'absolut'
    status          TEXT NOT NULL,           -- besser/schlechter/unveraendert/veraendert/ohne_vergleich
    trend_steigung  REAL,                    -- per year
    trend_von       INTEGER,
    trend_bis       INTEGER,
    trend_status    TEXT,
    ziel_erreichung REAL,                    -- % of the way from the base to the target
    ziel_erreicht   INTEGER,
    PRIMARY KEY (indikator, gebiet)
) WITHOUT ROWID;
CREATE TABLE indikator_abdeckung (
    position       INTEGER PRIMARY KEY,      -- 0 = all, then the Handlungsfelder, then the Ziele
    ebene          TEXT NOT NULL,            -- 'gesamt', 'handlungsfeld', 'ziel'
    titel          TEXT NOT NULL,
    gebiet         TEXT NOT NULL,
    indikatoren    INTEGER NOT NULL,
    nicht_erhoben  INTEGER NOT NULL,
    mit_daten      INTEGER NOT NULL,
    ohne_aktuelle_daten INTEGER NOT NULL,
    ohne_daten     INTEGER NOT NULL,
    besser         INTEGER NOT NULL,
    schlechter     INTEGER NOT NULL,
    unveraendert   INTEGER NOT NULL,
    veraendert     INTEGER NOT NULL,
    ohne_vergleich INTEGER NOT NULL,
    ohne_daten_liste TEXT NOT NULL           -- titles of the indicators without any data, '; '-separated
);

-- Warnings and errors of ingest runs, located.
CREATE TABLE ingest_message (
    id         INTEGER PRIMARY KEY,
    file_name  TEXT NOT NULL,
    sha256     TEXT,
    sheet      TEXT,
    row_number INTEGER,
    column     TEXT,
    severity   TEXT NOT NULL CHECK (severity IN ('warnung','fehler')),
    message    TEXT NOT NULL,
    logged_at  TEXT NOT NULL
);

-- Derived by compute: the Terminierung groups in chronological order.
CREATE TABLE gruppe (
    jahr      INTEGER PRIMARY KEY,       -- 0 laufend, year, 9999 ohne Terminierung
    position  INTEGER NOT NULL UNIQUE,   -- 1-based order in the report
    label     TEXT NOT NULL,
    anzahl    INTEGER NOT NULL
);

-- Derived by compute: every current Maßnahme in report order.
CREATE TABLE massnahme_folge (
    position      INTEGER PRIMARY KEY,   -- 1-based
    massnahme_id  INTEGER NOT NULL UNIQUE REFERENCES massnahme(id),
    gruppe_jahr   INTEGER NOT NULL REFERENCES gruppe(jahr)
);

-- Derived by compute: Handlungsfelder in order of first appearance.
CREATE TABLE handlungsfeld (
    position  INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,      -- as delivered ('' = none given)
    label     TEXT NOT NULL,             -- as printed
    anzahl    INTEGER NOT NULL
);

-- Derived by compute: Maßnahmen per Handlungsfeld and group.
CREATE TABLE uebersicht (
    handlungsfeld  TEXT NOT NULL,
    gruppe_jahr    INTEGER NOT NULL,
    anzahl         INTEGER NOT NULL,
    PRIMARY KEY (handlungsfeld, gruppe_jahr)
) WITHOUT ROWID;

-- Surveys (Befragungen): dataset 'befragung', written by ingest
-- (pipeline/ingest/befragung.c).  Privacy by construction: the respondent
-- id is replaced by a keyed pseudonym on ingest (pipeline/lib/befragung.h);
-- answers to personal questions (fragebogen.h: personenbezogen — Wesel's
-- section I: institution, street, contact person, telephone, e-mail) are
-- never written; free texts are redacted before they are written (e-mail
-- addresses, telephone numbers and the personal answers of every respondent
-- of the same file become [E-Mail], [Telefon], [Name]).

-- One accepted survey file: the questionnaire it answers.
CREATE TABLE befragung_datei (
    source_file_id    INTEGER PRIMARY KEY REFERENCES source_file(id),
    fragebogen        TEXT NOT NULL,     -- questionnaire path as configured (profile key fragebogen)
    fragebogen_sha256 TEXT NOT NULL,     -- of the questionnaire file when the answers were read
    titel             TEXT NOT NULL      -- its [fragebogen] titel ('' = none)
);

-- One respondent: a data row of the export.
CREATE TABLE befragung_befragter (
    id             INTEGER PRIMARY KEY,
    source_file_id INTEGER NOT NULL REFERENCES source_file(id),
    row_number     INTEGER NOT NULL,     -- row in the file (header = 1)
    pseudonym      TEXT NOT NULL,        -- 'P-' + 16 hex digits of HMAC-SHA-256(key, id); never the id
    einheit        TEXT                  -- Rücklauf unit ([ruecklauf] spalte): the name as listed in
                                         -- the questionnaire (befragtN), else a keyed pseudonym of the
                                         -- value; NULL when the questionnaire has no unit column
);
CREATE INDEX befragung_befragter_datei ON befragung_befragter(source_file_id, row_number);

-- The answers to the non-personal questions, one row per question and option.
CREATE TABLE befragung_antwort (
    befragter_id  INTEGER NOT NULL REFERENCES befragung_befragter(id),
    frage         TEXT NOT NULL,         -- question code ('III.1')
    option        TEXT NOT NULL,         -- single, janein, likert: code of the option chosen;
                                         -- multi: code of the option of this 0/1 cell; '' for text, zahl
    wert          TEXT,                  -- multi: '0' or '1'; zahl: the number as delivered; else NULL
    freitext      TEXT,                  -- answer to a text question, or the text of a chosen
                                         -- free-text option („Sonstiges, und zwar: …“): redacted
    PRIMARY KEY (befragter_id, frage, option)
) WITHOUT ROWID;

-- Derived by compute (pipeline/compute/befragung.c): the evaluation of every
-- survey, ready to print — small counts suppressed (geheimhaltung.h), so a
-- suppressed number is NULL with its status.  Status columns: 'wert'
-- (published), 'primaer', 'sekundaer' (suppressed, printed „.“),
-- 'unbekannt', 'gesperrt' (share of an empty base, printed „x“), 'unsicher',
-- 'spaeter'.  Personal questions appear only in the codebook (text, type),
-- never with numbers.

-- One survey (questionnaire) with its Rücklauf.
CREATE TABLE befragung (
    id                INTEGER PRIMARY KEY,   -- report order
    fragebogen        TEXT NOT NULL UNIQUE,  -- questionnaire path
    titel             TEXT NOT NULL,
    kommune           TEXT NOT NULL,
    quelle            TEXT NOT NULL,         -- where the questionnaire comes from ([fragebogen] quelle)
    dateien           INTEGER NOT NULL,      -- current (not superseded) answer files
    befragte          INTEGER NOT NULL,      -- respondents in them (evaluated)
    uebersprungen     INTEGER NOT NULL,      -- rows skipped on ingest (zeilenfehler = ueberspringen)
    schwelle          INTEGER NOT NULL,      -- minimum count ([befragung] schwelle)
    kreuzvariable     TEXT,                  -- column variable of the cross-tabulations, NULL = none
    freitexte         INTEGER NOT NULL,      -- 1: open answers are published ([befragung] freitexte)
    einheit           TEXT,                  -- Rücklauf ([ruecklauf] of the questionnaire; NULL
    befragt           INTEGER,               --   without): units asked, units with an answer,
    geantwortet       INTEGER,               --   with a Fehlanzeige, without reply, replying
    fehlanzeige       INTEGER,               --   units not in the list, response rate in percent,
    ohne_rueckmeldung INTEGER,               --   „7 von 17 Fachdiensten geantwortet, …“
    unbekannt         INTEGER,
    quote             REAL,
    satz              TEXT
);

-- Rücklauf per unit asked (questionnaires with a list befragtN).
CREATE TABLE befragung_einheit (
    befragung_id  INTEGER NOT NULL REFERENCES befragung(id),
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('geantwortet','fehlanzeige','ohne_rueckmeldung')),
    PRIMARY KEY (befragung_id, position)
) WITHOUT ROWID;

-- The sections of a questionnaire.
CREATE TABLE befragung_abschnitt (
    befragung_id     INTEGER NOT NULL REFERENCES befragung(id),
    position         INTEGER NOT NULL,
    code             TEXT NOT NULL,
    titel            TEXT NOT NULL,
    personenbezogen  INTEGER NOT NULL,
    PRIMARY KEY (befragung_id, position)
) WITHOUT ROWID;

-- One question: the codebook entry and its frequency table's base figures.
CREATE TABLE befragung_frage (
    befragung_id        INTEGER NOT NULL REFERENCES befragung(id),
    position            INTEGER NOT NULL,    -- questionnaire order
    code                TEXT NOT NULL,
    abschnitt           TEXT NOT NULL,       -- section code
    typ                 TEXT NOT NULL,       -- text, single, multi, likert, janein, zahl
    text                TEXT NOT NULL,       -- as asked (a Likert matrix: the statement)
    stamm               TEXT,                -- common stem of a Likert matrix
    filter              TEXT,                -- as configured: 'III.1 in gut, sehr gut'
    filter_satz         TEXT,                -- as printed: 'nur gefragt, wenn III.1 „gut“ oder „sehr gut“'
    spalten             TEXT NOT NULL,       -- columns in the answer data
    personenbezogen     INTEGER NOT NULL,    -- 1: never evaluated; all figures NULL
    intervall           INTEGER NOT NULL,    -- likert: mean reported
    befragte            INTEGER,             -- respondents in the data
    gefragt             INTEGER,             -- asked (filter); NULL when n is suppressed
    nicht_gefragt       INTEGER,
    fehlend             INTEGER,
    ungueltig           INTEGER,
    n                   INTEGER,             -- valid answers: the base of the shares
    n_status            TEXT,
    nennungen           INTEGER,             -- multi: ticks in all
    nennungen_status    TEXT,
    median              REAL,                -- likert (step number 1..k), zahl
    median_status       TEXT,
    mittelwert          REAL,                -- zahl, likert with intervall
    standardabweichung  REAL,
    mittelwert_status   TEXT,
    top2                INTEGER,             -- likert: the two highest steps
    top2_status         TEXT,
    top2_anteil         REAL,                -- percent of n
    top2_anteil_status  TEXT,
    PRIMARY KEY (befragung_id, position)
) WITHOUT ROWID;

-- One answer option (Likert: scale step, ascending) with its count and shares.
CREATE TABLE befragung_option (
    befragung_id             INTEGER NOT NULL REFERENCES befragung(id),
    frage                    TEXT NOT NULL,
    position                 INTEGER NOT NULL,    -- 1-based, option order
    code                     TEXT NOT NULL,
    text                     TEXT NOT NULL,
    freitext                 INTEGER NOT NULL,    -- has a text field
    anzahl                   INTEGER,
    status                   TEXT,
    anteil                   REAL,                -- percent of n (multi: of the respondents)
    anteil_status            TEXT,
    anteil_nennungen         REAL,                -- multi: percent of all ticks
    anteil_nennungen_status  TEXT,
    PRIMARY KEY (befragung_id, frage, position)
) WITHOUT ROWID;

-- Cross-tabulation of a question by the column variable ([befragung]
-- kreuztabelle): zeile = option position of the question, spalte = option
-- position of the variable; position k + 1 is „Gesamt“.  anteil = percent
-- of the column's base (the Gesamt row).
CREATE TABLE befragung_kreuz (
    befragung_id   INTEGER NOT NULL REFERENCES befragung(id),
    frage          TEXT NOT NULL,
    zeile          INTEGER NOT NULL,
    spalte         INTEGER NOT NULL,
    anzahl         INTEGER,
    status         TEXT NOT NULL,
    anteil         REAL,
    anteil_status  TEXT NOT NULL,
    PRIMARY KEY (befragung_id, frage, zeile, spalte)
) WITHOUT ROWID;

-- Open answers ([befragung] freitexte = ja only): redacted, sorted (their
-- order does not link them to a respondent).
CREATE TABLE befragung_freitext (
    befragung_id  INTEGER NOT NULL REFERENCES befragung(id),
    frage         TEXT NOT NULL,
    option        TEXT NOT NULL,         -- free-text option code, '' for a text question
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (befragung_id, frage, option, position)
) WITHOUT ROWID;
