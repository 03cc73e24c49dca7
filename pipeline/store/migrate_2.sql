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
-- (lieferung), indicator observations (beobachtung), the measures' kennung,
-- status reports (statusbericht), the indicator and survey tables.
-- Existing measures get kennung ''; the next ingest run fills it in
-- (ingest/massnahmen.c).
PRAGMA user_version = 2;
