-- migrate_2.sql — store version 1 → 2: source profiles, the delivery log
-- (lieferung), indicator observations (beobachtung), the measures' kennung
-- and status reports (statusbericht).  Existing measures get kennung '';
-- the next ingest run fills it in (ingest/massnahmen.c).
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
    ohne_daten_liste TEXT NOT NULL           -- indicator ids without any data, ', '-separated
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
PRAGMA user_version = 2;
