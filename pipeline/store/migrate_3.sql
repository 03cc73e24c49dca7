-- migrate_3.sql — store version 2 → 3: Geheimhaltung of the raw
-- observations (datensatz_schutz, beobachtung_geheim) and the reason an
-- indicator could not be computed (katalog_indikator.fehler).  Derived
-- tables: the next compute fills them.
ALTER TABLE katalog_indikator ADD COLUMN fehler TEXT;
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
PRAGMA user_version = 3;
