-- migrate_2.sql — store version 1 → 2: source profiles, the delivery log
-- (lieferung), indicator observations (beobachtung), the measures' kennung,
-- status reports (statusbericht), the indicator and survey tables.
-- Existing measures get kennung ''; the next ingest run fills it in
-- (ingest/massnahmen.c).
ALTER TABLE source_file ADD COLUMN quelle TEXT NOT NULL DEFAULT '';
ALTER TABLE source_file ADD COLUMN fachdienst TEXT NOT NULL DEFAULT '';
ALTER TABLE source_file ADD COLUMN zeitraum TEXT NOT NULL DEFAULT '';
ALTER TABLE source_file ADD COLUMN teil TEXT NOT NULL DEFAULT '';
ALTER TABLE source_file ADD COLUMN sheet TEXT;
ALTER TABLE source_file ADD COLUMN encoding TEXT;
ALTER TABLE source_file ADD COLUMN rows_rejected INTEGER NOT NULL DEFAULT 0;
UPDATE source_file SET quelle = 'massnahmen' WHERE dataset = 'massnahmen';
CREATE INDEX source_file_quelle ON source_file(quelle, zeitraum, teil);
ALTER TABLE massnahme ADD COLUMN kennung TEXT NOT NULL DEFAULT '';
ALTER TABLE massnahme ADD COLUMN herkunft TEXT NOT NULL DEFAULT '';
CREATE INDEX massnahme_kennung ON massnahme(kennung);
CREATE TABLE lieferung (
    id             INTEGER PRIMARY KEY,
    run_at         TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    sha256         TEXT,
    size           INTEGER,
    quelle         TEXT,
    fachdienst     TEXT,
    status         TEXT NOT NULL CHECK (status IN
                       ('angenommen','unveraendert','abgewiesen','wartend','ohne_quelle')),
    source_file_id INTEGER REFERENCES source_file(id),
    rows_accepted  INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    grund          TEXT,
    ablage         TEXT
);
CREATE INDEX lieferung_quelle ON lieferung(quelle);
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
    zieljahr        INTEGER
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
PRAGMA user_version = 2;
