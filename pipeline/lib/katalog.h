/*
 * katalog.h — the indicator catalogue of an Integrationsbericht
 * (config/katalog_*.ini): Handlungsfelder, Ziele, Herausforderungen and
 * the indicators with how each one is computed.  Configuration, not code:
 * a Kommune describes its own concept here; docs/katalog.md is the
 * user-facing description with examples.
 *
 * The file is INI as read by iniparser 4.1 (as config/ibericht.ini):
 * section names and keys are case-insensitive (iniparser lowercases them),
 * a line holds at most 1022 bytes (iniparser reads 1024 bytes including the
 * line end), `;` and `#` start a comment line, a value
 * holding `;` or `#` must be written in double quotes ("…"), lists are
 * separated by commas.  Numbers are written in German (12,5; 1.000).
 * A UTF-8 byte order mark is rejected (iniparser cannot read it); CRLF line
 * ends are fine.  Everything is checked before anything is computed: an unknown section
 * kind or key, a reference to an undefined Handlungsfeld/Ziel/
 * Herausforderung/indicator, a computation that lacks an input, a unit that
 * does not fit the kind, a circular reference between indicators.  Every
 * problem is reported (all of them, not only the first) as
 *
 *   Katalog DATEI, Zeile N, [ABSCHNITT] SCHLÜSSEL: Text
 *
 * (without SCHLÜSSEL when the whole section is meant; N is the line of the
 * key, or of the section header when a key is missing).
 *
 * Sections and keys
 * -----------------
 * Identifiers (the part after the colon) consist of a–z, 0–9, '_', '-', '.'.
 *
 * [katalog]                     optional, defaults for the whole file
 *   titel       title of the catalogue („Vielfalt leben 2021 – Indikatoren“)
 *   quelle      where the concept comes from (document, chapter)
 *   gebiete     default of the indicators' `gebiete` (alle)
 *   toleranz    default of the indicators' `toleranz` (0)
 *   schwelle    default of the indicators' `schwelle` (3)
 *
 * [handlungsfeld:ID]            one Handlungsfeld (Themenfeld)
 *   titel       required
 *   leitsatz    the guiding sentence of the field
 *   position    order in the report, integer ≥ 1 (default: order in the file)
 *
 * [ziel:ID]                     one Integrationsziel (ID e.g. its number)
 *   text        required
 *   titel       short title
 *   handlungsfeld  ID of the Handlungsfeld it belongs to; absent = the
 *               Ziel spans all fields.  An indicator linked to a Ziel of
 *               another Handlungsfeld is an error.
 *
 * [herausforderung:ID]          one Herausforderung of a Handlungsfeld
 *   handlungsfeld  required
 *   text        required
 *
 * [indikator:ID]                one indicator
 *   titel         required, as printed
 *   handlungsfeld required, ID
 *   ziele         list of Ziel IDs
 *   herausforderung  list of Herausforderung IDs (of the same Handlungsfeld)
 *   themenfeld    free text: sub-heading within the Handlungsfeld
 *   art           required: anteil | anzahl | je_1000 | mittelwert |
 *                 veraenderung | meilenstein  (see enum katalog_art)
 *   einheit       anteil and veraenderung: „%“ (default); je_1000: „je
 *                 1.000 …“ (default „je 1.000 Einwohner“); anzahl: default
 *                 „Anzahl“, never „%“; mittelwert: free, never „%“;
 *                 meilenstein: none
 *   dezimalen     0–6 (default 0 for anzahl, else 1)
 *   polaritaet    hoeher_besser | niedriger_besser | neutral (default
 *                 neutral; meilenstein: always hoeher_besser)
 *   zielwert      target value (German number); meilenstein: none (the
 *                 target is „ja“)
 *   zieljahr      year by which the target is to be met (needs zielwert,
 *                 except for meilenstein)
 *   basisjahr     base year of the target attainment (default: first year
 *                 with a value)
 *   dimension     strukturell | kulturell | sozial | identifikatorisch
 *                 (dimensions of integration after F. Heckmann,
 *                 „Integration von Migranten“, Wiesbaden 2015)
 *   quelle        source line: department or statistics office
 *   hinweis       free remark (printed as a footnote)
 *   kapitel       where the indicator stands in the concept („8.1.1“)
 *   nicht_erhoben ja | nein (default nein): nobody measures it yet; then
 *                 no data keys (wert, zaehler, nenner, reihe, stand) allowed
 *   -- where the values come from (exactly one form, by art):
 *   wert          the values as delivered: a dataset indicator id
 *                 (beobachtung.indikator, e.g. 2-3-1) or `indikator:ID`
 *                 (another indicator of this catalogue).  anteil, je_1000,
 *                 mittelwert, anzahl, meilenstein (0 = nein, 1 = ja,
 *                 between = teilweise).
 *   zaehler, nenner  computed as zaehler ÷ nenner × faktor, both
 *                 required together; anteil, je_1000, mittelwert
 *   reihe         veraenderung: the series whose change against the
 *                 previous year is computed (dataset id or indikator:ID)
 *   wert_filter, zaehler_filter, nenner_filter, reihe_filter
 *                 which observations of a dataset: `Merkmal=Wert` pairs
 *                 separated by '|' (as in beobachtung.merkmale), e.g.
 *                 `Geschlecht=Insgesamt|Kategorie=Ohne Aufenthaltstitel`.
 *                 An observation matches when it has every pair (it may
 *                 have more merkmale); two observations for the same area
 *                 and year are an error at computation (add a filter).
 *                 The pseudo-Merkmal `Einheit=…` matches beobachtung.einheit.
 *                 Only for datasets, not for indikator:ID.
 *   faktor        anteil 100, je_1000 1000 (only these), mittelwert any
 *                 positive number (default 1)
 *   stand         meilenstein: ja | nein | teilweise, stated in the catalogue
 *   stand_datum   the date of that stand, TT.MM.JJJJ (required with stand)
 *   -- areas and publication:
 *   gebiete       list of area keys (AGS/GeoCode, e.g. K03103; for
 *                 observations without a code their gebiet_name) or `alle`
 *   gebiet_gesamt area key of the total of the listed gebiete (needs an
 *                 explicit list that partitions it): counts of the areas
 *                 plus that total form one line of the secondary
 *                 suppression
 *   schwelle      minimum count for publication (geheimhaltung.h; 0 = no
 *                 suppression; default [katalog] schwelle or 3)
 *   toleranz      ≥ 0: a change within ± toleranz counts as unverändert
 *                 (in percentage points for anteil/veraenderung, in % for
 *                 anzahl, in the unit for je_1000/mittelwert; default
 *                 [katalog] toleranz or 0)
 *
 * Memory: katalog_laden keeps the parsed INI dictionary; every const char *
 * in the structures points into it and lives until katalog_freigeben.
 */
#ifndef IB_KATALOG_H
#define IB_KATALOG_H

#include <stddef.h>

struct _dictionary_;

enum katalog_art {
    KATALOG_ANTEIL,        /* share in %: zaehler ÷ nenner × 100 */
    KATALOG_ANZAHL,        /* count (persons, cases, offers) */
    KATALOG_JE_1000,       /* rate per 1.000 of a population: zaehler ÷ nenner × 1000 */
    KATALOG_MITTELWERT,    /* mean or other level value (Wartezeit, Wohnfläche) */
    KATALOG_VERAENDERUNG,  /* change against the previous year in % */
    KATALOG_MEILENSTEIN    /* qualitative milestone: nein / teilweise / ja */
};

enum katalog_polaritaet {
    KATALOG_NEUTRAL,            /* a change is neither better nor worse */
    KATALOG_HOEHER_BESSER,
    KATALOG_NIEDRIGER_BESSER
};

/* Dimensions of integration after Heckmann (Esser): none given = KEINE. */
enum katalog_dimension {
    KATALOG_DIMENSION_KEINE,
    KATALOG_STRUKTURELL,        /* Arbeit, Bildung, Wohnen, Rechtsstatus */
    KATALOG_KULTURELL,          /* Sprache, Wissen, Werte */
    KATALOG_SOZIAL,             /* Kontakte, Vereine, Nachbarschaft */
    KATALOG_IDENTIFIKATORISCH   /* Zugehörigkeit, Partizipation */
};

/* Stand of a milestone; the numeric codes are the values in the series. */
enum katalog_stand {
    KATALOG_STAND_KEINER = -1,  /* not given */
    KATALOG_STAND_NEIN = 0,
    KATALOG_STAND_TEILWEISE = 1,
    KATALOG_STAND_JA = 2
};

/* Value of a milestone stand in a series (0, 0.5, 1). */
#define KATALOG_STAND_WERT(s) ((s) == KATALOG_STAND_JA ? 1.0 : (s) == KATALOG_STAND_TEILWEISE ? 0.5 : 0.0)

/* One input series: a dataset with filters, or another indicator. */
struct katalog_reihe {
    const char *datensatz;   /* dataset indicator id ('2-3-1'); NULL when unused or a reference */
    int indikator;           /* index of the referenced catalogue indicator, -1 = none */
    char **filter;           /* "Merkmal=Wert" pairs, sorted by Merkmal, NULL-terminated (never NULL) */
    int nfilter;
    int zeile;               /* line of the key in the file (for messages), 0 = unused */
};

/* katalog_reihe_genutzt — 1 if the series is given (dataset or reference). */
#define KATALOG_REIHE_GENUTZT(r) ((r)->datensatz != NULL || (r)->indikator >= 0)

struct katalog_handlungsfeld {
    char *id;                /* owned by the catalogue */
    const char *titel;
    const char *leitsatz;    /* "" when absent */
    int position;
};

struct katalog_ziel {
    char *id;                /* owned by the catalogue */
    const char *text;
    const char *titel;       /* "" when absent */
    int handlungsfeld;       /* index, -1 = spans all fields */
};

struct katalog_herausforderung {
    char *id;                /* owned by the catalogue */
    const char *text;
    int handlungsfeld;       /* index */
};

struct katalog_indikator {
    char *id;                /* owned by the catalogue */
    const char *titel;
    int handlungsfeld;                  /* index into katalog.handlungsfelder */
    int *ziele;                         /* indices into katalog.ziele */
    int nziele;
    int *herausforderungen;             /* indices into katalog.herausforderungen */
    int nherausforderungen;
    const char *themenfeld, *quelle, *hinweis, *kapitel;   /* "" when absent */
    enum katalog_art art;
    const char *einheit;                /* with the defaults of the kind applied; "" for meilenstein */
    int dezimalen;
    enum katalog_polaritaet polaritaet;
    enum katalog_dimension dimension;
    int hat_zielwert;
    double zielwert;                    /* meilenstein: 1 (ja) */
    int zieljahr;                       /* 0 = none */
    int basisjahr;                      /* 0 = first year with a value */
    int nicht_erhoben;
    struct katalog_reihe wert, zaehler, nenner, reihe;
    double faktor;                      /* 100, 1000 or the mittelwert factor; 1 otherwise */
    char **gebiete;                     /* area keys, NULL-terminated; NULL = alle */
    int ngebiete;
    const char *gebiet_gesamt;          /* NULL = none */
    unsigned schwelle;
    double toleranz;
    enum katalog_stand stand;           /* meilenstein stated in the catalogue */
    int stand_jahr, stand_monat, stand_tag;
};

struct katalog {
    char *pfad;
    struct _dictionary_ *ini;
    const char *titel, *quelle;                 /* "" when absent */
    struct katalog_handlungsfeld *handlungsfelder;  /* sorted by position */
    int nhandlungsfelder;
    struct katalog_ziel *ziele;                 /* in file order */
    int nziele;
    struct katalog_herausforderung *herausforderungen;  /* in file order */
    int nherausforderungen;
    struct katalog_indikator *indikatoren;      /* in file order */
    int nindikatoren;
    int *reihenfolge;        /* nindikatoren indices: every referenced indicator before
                                the ones that reference it (computation order) */
    const char *const *berichtsgebiete;   /* set by the caller (not owned, NULL-terminated): the
                                areas a report prints ([indikatoren] gebiet and vergleich).
                                indikator.h computes them for every indicator with a list
                                `gebiete` too, and a duplicate observation there fails the
                                indicator; NULL = every area counts as printed */
};

/*
 * katalog_laden — read and check the catalogue at pfad.
 * Returns 0 with *k filled (free with katalog_freigeben), or -1 after
 * printing every problem with diag_error (file, line, section, key); *k is
 * then empty.  Problems: file unreadable, a line over 1024 bytes, a line
 * that is neither section, comment nor `key = value`, a duplicate section or
 * key, an unknown section kind or key, an invalid identifier, a required key
 * missing, an invalid value (kind, polarity, dimension, number, year,
 * date, filter), a reference to something undefined, the inputs a kind
 * needs missing or ones it cannot use present, a unit or factor that does
 * not fit the kind, a circular reference between indicators.
 */
int katalog_laden(const char *pfad, struct katalog *k);

/* katalog_freigeben — release everything of k (also an empty or failed one). */
void katalog_freigeben(struct katalog *k);

/* Index of the item with that id (case-insensitive), or -1. */
int katalog_handlungsfeld_index(const struct katalog *k, const char *id);
int katalog_ziel_index(const struct katalog *k, const char *id);
int katalog_herausforderung_index(const struct katalog *k, const char *id);
int katalog_indikator_index(const struct katalog *k, const char *id);

/* Names as written in the file: "anteil", "hoeher_besser", "strukturell" ("" for
 * KEINE), "ja"/"teilweise"/"nein" ("" for KEINER). */
const char *katalog_art_name(enum katalog_art a);
const char *katalog_polaritaet_name(enum katalog_polaritaet p);
const char *katalog_dimension_name(enum katalog_dimension d);
const char *katalog_stand_name(enum katalog_stand s);

#endif
