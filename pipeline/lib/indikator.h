/*
 * indikator.h — computing the indicators of a catalogue (katalog.h) from
 * observations: value series per area, change against the previous period,
 * trend, target attainment, status (besser / schlechter / unverändert) and
 * the coverage per Handlungsfeld and Ziel.
 *
 * Pure functions over in-memory data: no SQLite, no files.  The caller
 * reads the rows of the store's table `beobachtung` into an array of
 * struct indikator_beobachtung (symbols parsed with werte_symbol_parse) and
 * passes it in; the results are plain arrays the renderers print.  Errors
 * (ambiguous observations, negative counts where counts are suppressed,
 * a reference not computed yet) are reported with diag_error naming the
 * catalogue file and the indicator, and returned as -1.
 *
 * Values and symbols
 * ------------------
 * Every point of a series is either a value (symbol WERTE_SYMBOL_KEINES,
 * wert finite) or a table symbol (wert NAN) after DIN 55301 / Destatis:
 *   - an input observation without a number keeps its symbol („.“, „x“,
 *     „/“, „…“, „k. A.“); „–“ (nichts vorhanden) is the number 0;
 *   - a computed value whose input is missing in that year (no observation
 *     for the year and area) gets „.“ (Zahlenwert unbekannt); an input
 *     symbol is passed on (the numerator's first);
 *   - a division by 0 gets „x“ (Tabellenfach gesperrt, Aussage nicht sinnvoll);
 *   - a value suppressed for Geheimhaltung gets „.“ with geheim PRIMAER or
 *     SEKUNDAER (they print alike, geheimhaltung.h).
 * Marks on numbers (p, r, s, „( )“) are not carried.
 *
 * Formulas per art (katalog_art), for one area and year t:
 *   anteil        zaehler_t ÷ nenner_t × 100                       [%]
 *   je_1000       zaehler_t ÷ nenner_t × 1000                      [je 1.000]
 *   mittelwert    zaehler_t ÷ nenner_t × faktor, or the delivered value
 *   anzahl        the delivered count
 *   veraenderung  (x_t − x_{t−1}) ÷ |x_{t−1}| × 100 of the series `reihe`
 *                 [%]; only for consecutive years (no point for a year whose
 *                 previous year is missing); x_{t−1} = 0 gives „x“
 *   meilenstein   0 nein, 0,5 teilweise, 1 ja
 * zaehler and nenner are matched on year and area (the area key is the
 * AGS/GeoCode, or the gebiet_name of observations without a code).
 *
 * Geheimhaltung (geheimhaltung.h, schwelle of the indicator, 0 = off): for
 * every year the counts of all areas of the indicator form one count table
 * (one column; with gebiet_gesamt a total row, so the areas and their
 * total are a line of the secondary suppression — in the years the total
 * is delivered; an area without an observation counts as unpublished),
 * suppressed with
 * geheimhaltung_anwenden: the count series of anzahl (wert from a dataset),
 * and the zaehler and nenner datasets of anteil and je_1000 (of mittelwert
 * only the nenner: the zaehler is a sum, not persons).  The rates are then
 * suppressed with geheimhaltung_anteil linked to both counts.  Delivered
 * rates and means (wert of anteil/je_1000/mittelwert) carry no counts and
 * are published as delivered; references to other indicators pass their
 * suppressions on as symbols.  veraenderung does no suppression of its own:
 * refer to an anzahl indicator (reihe = indikator:ID) to protect counts.
 */
#ifndef IB_INDIKATOR_H
#define IB_INDIKATOR_H

#include "geheimhaltung.h"
#include "katalog.h"
#include "werte.h"

#include <stddef.h>

/* One observation: a row of the store's table beobachtung.  Strings are
 * not copied; NULL counts as "". */
struct indikator_beobachtung {
    const char *indikator;    /* dataset indicator id, e.g. "2-3-1" */
    int jahr;
    const char *gebiet;       /* AGS/GeoCode, "" = not given */
    const char *gebiet_name;
    const char *merkmale;     /* "Geschlecht=weiblich|Kategorie=…", "" = none */
    const char *einheit;
    double wert;              /* NAN when only a symbol is given */
    enum werte_symbol symbol; /* the symbol when wert is NAN (KEINES = unknown → „.“) */
    enum geheimhaltung_status geheim;   /* PRIMAER/SEKUNDAER: suppressed in the raw data
                                           (indikator_rohdaten_schuetzen), never used as a
                                           number; WERT (0) otherwise */
    const char *datei;        /* provenance for messages: source file name (NULL = unknown) */
    long zeile;               /* and its row (0 = unknown) */
};

/* One year of a computed series. */
struct indikator_punkt {
    int jahr;
    double wert;                      /* NAN unless symbol == WERTE_SYMBOL_KEINES */
    enum werte_symbol symbol;         /* KEINES: wert is published; else print werte_symbol_text */
    enum geheimhaltung_status geheim; /* WERT, or PRIMAER/SEKUNDAER when suppressed for
                                         Geheimhaltung (here or in a referenced indicator) */
    double zaehler, nenner;           /* the inputs of a published ratio (veraenderung: x_t,
                                         x_{t−1}); NAN otherwise */
};

/* The series of one area, points ascending by year (one per year). */
struct indikator_reihe {
    char *gebiet;              /* area key */
    char *gebiet_name;
    struct indikator_punkt *punkte;
    size_t npunkte;
    int stand_jahr, stand_monat, stand_tag;   /* meilenstein: date of the latest stand, else 0 */
};

/* The result of one catalogue indicator. */
struct indikator_ergebnis {
    int indikator;             /* index into katalog.indikatoren */
    int berechnet;             /* 1 after indikator_berechnen succeeded */
    char *fehler;              /* why it failed (the first diag_error text), else NULL */
    struct indikator_reihe *reihen;   /* areas in the order of `gebiete` (gebiet_gesamt last), or
                                         with `alle` every area of the inputs sorted by key */
    size_t nreihen;
};

/*
 * indikator_berechnen — compute indicator `index` of k for all its areas.
 *   beob[0..nbeob): all observations (any datasets; only the ones the
 *     indicator names are used).
 *   gh: options of the primary suppression (NULL = defaults).
 *   ergebnisse: array of k->nindikatoren results, zero-initialised by the
 *     caller; ergebnisse[index] is filled.  Indicators referenced with
 *     indikator:ID must already be computed (berechnet = 1) — compute in
 *     the order k->reihenfolge, as indikator_berechnen_alle does.
 * A nicht_erhoben indicator gets no series.  Returns 0, or -1 after
 * diag_error (two observations for the same area and year after the
 * filters; a milestone value outside 0..1; negative counts with schwelle
 * > 0; reference not computed); ergebnisse[index] is then empty.
 */
int indikator_berechnen(const struct katalog *k, int index, const struct indikator_beobachtung *beob,
                        size_t nbeob, const struct geheimhaltung_optionen *gh,
                        struct indikator_ergebnis *ergebnisse);

/*
 * indikator_berechnen_alle — compute every indicator of k in k->reihenfolge.
 * *out gets a new array of k->nindikatoren results (index = catalogue
 * index; free with indikator_ergebnisse_freigeben).  Returns 0, or -1 when
 * any indicator failed (all the others are computed; the failed ones and
 * those referring to them have berechnet = 0).
 */
int indikator_berechnen_alle(const struct katalog *k, const struct indikator_beobachtung *beob,
                             size_t nbeob, const struct geheimhaltung_optionen *gh,
                             struct indikator_ergebnis **out);

/*
 * Geheimhaltung of the raw observations (every cell a reader can see, not
 * only the indicator values): a dataset is *protected* when an indicator
 * with schwelle > 0 uses it as counts — the wert of an anzahl, the zaehler
 * and nenner of anteil and je_1000, the nenner of mittelwert (not
 * nicht_erhoben).  Its threshold is the largest schwelle of those users;
 * its *count units* are the einheit values of the observations their
 * filters select.
 *
 * indikator_datensatz_schwelle — the threshold of dataset `datensatz` (0 =
 * not protected).
 */
unsigned indikator_datensatz_schwelle(const struct katalog *k, const char *datensatz);

/*
 * indikator_rohdaten_schuetzen — primary and secondary suppression of all
 * observations beob[0..n) of one protected dataset (all with indikator =
 * datensatz).  Per year the count cells (observations in the count units)
 * form one table of area × Merkmale whose lines (geheimhaltung_linie) are
 *   - the area hierarchy of AGS-like codes (letters + digits, K03461):
 *     the parent of a code is the longest other code of that year that is
 *     a prefix of it, a Land-level code with Regierungsbezirk 0 (K030)
 *     standing for its Land prefix (K03): K030 = K031 + … + K034,
 *     K031 = K03101 + … + K03159, K03241 = K03241001 + K03241999;
 *   - each indicator's gebiet_gesamt = its gebiete;
 *   - every Merkmal with a total value (insgesamt, gesamt, zusammen, summe,
 *     total; any case): for each area and each combination of the other
 *     Merkmale, the total = the sum over the other values of that Merkmal
 *     (Geschlecht=insgesamt = männlich + weiblich), i.e. the groups of one
 *     indicator and year are protected together, not per table.
 * A line exists in a year when its total is delivered; a part not
 * delivered that year counts as unpublished.  Then every observation of
 * that dataset in another unit (e.g. a delivered percentage) in an area and
 * year with a suppressed count is suppressed too (a rate beside its total
 * gives the count back).
 * status[0..n) is filled: WERT, PRIMAER or SEKUNDAER (observations that are
 * symbols stay WERT: they print as their symbol anyway).  Returns the
 * number of suppressed observations (≥ 0), or -1 after diag_error (bad
 * counts: negative or not finite with schwelle > 0).
 */
long indikator_rohdaten_schuetzen(const struct katalog *k, const char *datensatz,
                                  const struct indikator_beobachtung *beob, size_t n,
                                  const struct geheimhaltung_optionen *gh, enum geheimhaltung_status *status);

/* indikator_ergebnis_leeren — free the series of one result (it stays usable, empty). */
void indikator_ergebnis_leeren(struct indikator_ergebnis *e);

/* indikator_ergebnisse_freigeben — free n results and the array. */
void indikator_ergebnisse_freigeben(struct indikator_ergebnis *erg, int n);

/* The series of area key `gebiet` (NULL = the first series), or NULL. */
const struct indikator_reihe *indikator_reihe_fuer(const struct indikator_ergebnis *e, const char *gebiet);

/* The point of year jahr, or NULL. */
const struct indikator_punkt *indikator_punkt_im_jahr(const struct indikator_reihe *r, int jahr);

/* ---- status ------------------------------------------------------------------------ */

enum indikator_status {
    INDIKATOR_OHNE_VERGLEICH = 0,  /* nothing to compare */
    INDIKATOR_BESSER,
    INDIKATOR_SCHLECHTER,
    INDIKATOR_UNVERAENDERT,        /* |Δ| ≤ toleranz */
    INDIKATOR_VERAENDERT           /* polaritaet neutral and |Δ| > toleranz */
};

/* Which change is the headline of an art (and the one the tolerance applies to). */
enum indikator_delta {
    INDIKATOR_DELTA_PROZENTPUNKTE, /* anteil, veraenderung: difference of two % values */
    INDIKATOR_DELTA_PROZENT,       /* anzahl: relative change in % */
    INDIKATOR_DELTA_ABSOLUT        /* je_1000, mittelwert, meilenstein: difference in the unit */
};

/*
 * indikator_status — the status of a change delta (in the headline unit of
 * indikator_delta_art) under polarity p:
 *   |delta| ≤ toleranz → UNVERAENDERT (the edge counts as unchanged; compared
 *     with an allowance of 1e-9 for floating-point rounding, so that e.g.
 *     20,3 − 20,0 is a change of exactly 0,3);
 *   else hoeher_besser: delta > 0 BESSER, < 0 SCHLECHTER; niedriger_besser the
 *     reverse; neutral VERAENDERT.
 * A NAN delta gives OHNE_VERGLEICH.  toleranz < 0 counts as 0.
 */
enum indikator_status indikator_status(double delta, enum katalog_polaritaet p, double toleranz);

/* indikator_delta_art — the headline change of art a (see enum indikator_delta). */
enum indikator_delta indikator_delta_art(enum katalog_art a);

/* "besser", "schlechter", "unverändert", "verändert", "ohne Vergleich". */
const char *indikator_status_name(enum indikator_status s);

/* ---- change against the previous period ----------------------------------------------- */

struct indikator_vergleich {
    int jahr;             /* year of the current value: the reporting year (meilenstein:
                             the latest stand up to it); 0 = none */
    double wert;          /* NAN = none */
    int vorjahr;          /* the previous period: the latest earlier year with a value
                             (gaps are skipped: 2024 against 2022 when 2023 is missing); 0 = none */
    double vorwert;
    double differenz;     /* wert − vorwert, in the unit (percentage points for %) */
    double prozent;       /* (wert − vorwert) ÷ |vorwert| × 100; NAN when vorwert is 0 */
    enum indikator_delta delta_art;
    double delta;         /* the headline: differenz, or prozent for anzahl */
    enum indikator_status status;   /* indikator_status(delta, polaritaet, toleranz); with
                                       vorwert 0 (prozent undefined) by the sign of differenz */
};

/*
 * indikator_vergleichen — compare the value of the reporting year with the
 * previous period (r may be NULL: no data).  Symbols are no values.
 * Returns 0 (compared), 1 (value, but no earlier one: status
 * OHNE_VERGLEICH) or 2 (no value in the reporting year); *out is always filled.
 */
int indikator_vergleichen(const struct indikator_reihe *r, const struct katalog_indikator *ind,
                          int berichtsjahr, struct indikator_vergleich *out);

/* ---- trend ------------------------------------------------------------------------------ */

/*
 * indikator_steigung — ordinary least-squares slope of y over x:
 *     b = Σ (x_i − x̄)(y_i − ȳ) ÷ Σ (x_i − x̄)²
 * (regression line y = ȳ + b (x − x̄); centred sums for accuracy).  Source:
 * NIST/SEMATECH e-Handbook of Statistical Methods, 4.1.4.1 „Linear Least
 * Squares Regression“; Fahrmeir, Heumann, Künstler, Pigeot, Tutz:
 * „Statistik – Der Weg zur Datenanalyse“ (Springer), Abschnitt „Lineare
 * Regression“ (Kleinste-Quadrate-Schätzung).
 * n ≥ 2 points with at least two different x.  Returns 0 with *b, *mx
 * (x̄), *my (ȳ) set (each may be NULL), or -1.
 */
int indikator_steigung(const double *x, const double *y, size_t n, double *b, double *mx, double *my);

struct indikator_trend {
    size_t n;                 /* points used */
    int von, bis;             /* first and last year used */
    double steigung;          /* unit per year (percentage points per year for %) */
    double steigung_prozent;  /* steigung ÷ mittel_wert × 100: % per year; NAN when the mean is 0 */
    double mittel_jahr, mittel_wert;   /* the line passes through (x̄, ȳ) */
    enum indikator_delta delta_art;
    double delta;             /* headline: steigung_prozent for anzahl, else steigung */
    enum indikator_status status;      /* indikator_status(delta, polaritaet, toleranz):
                                          the tolerance applies per year */
};

/*
 * indikator_trend — the least-squares trend of the values of r with
 * von ≤ jahr ≤ bis (0 = no limit).  Symbols are skipped.  Returns 0, or -1
 * when fewer than two values (then *out has n and status OHNE_VERGLEICH).
 */
int indikator_trend(const struct indikator_reihe *r, const struct katalog_indikator *ind, int von, int bis,
                    struct indikator_trend *out);

/* ---- target attainment --------------------------------------------------------------------- */

struct indikator_ziel {
    int basisjahr;            /* katalog basisjahr, else the first year with a value */
    double basiswert;
    int jahr;                 /* latest year ≤ berichtsjahr with a value */
    double wert;
    double zielwert;          /* meilenstein: 1 (ja) */
    int zieljahr;             /* 0 = none */
    double erreichung;        /* (wert − basiswert) ÷ (zielwert − basiswert) × 100: share of the
                                 way from the base to the target in %, not capped (> 100
                                 beyond the target, < 0 moved away); NAN when zielwert = basiswert */
    int erreicht;             /* hoeher_besser: wert ≥ zielwert; niedriger_besser: wert ≤ zielwert;
                                 neutral: |wert − zielwert| ≤ toleranz */
    double soll;              /* (jahr − basisjahr) ÷ (zieljahr − basisjahr) × 100: the share of the
                                 way a linear path would have made by `jahr`; NAN without zieljahr */
    int frist_abgelaufen;     /* zieljahr < berichtsjahr */
};

/*
 * indikator_zielerreichung — how far the indicator has come towards its
 * target (zielwert, zieljahr, basisjahr of the catalogue).  The measure is
 * the „distance travelled“ of target monitoring, cf. UN ESCAP, SDG Progress
 * Assessment Methodology (current status index: progress since the base
 * year relative to the distance between base and target value), here per
 * indicator and without capping.  Returns 0 (computed), 1 (the indicator
 * has no target) or 2 (no value up to berichtsjahr, or none in basisjahr).
 */
int indikator_zielerreichung(const struct indikator_reihe *r, const struct katalog_indikator *ind,
                             int berichtsjahr, struct indikator_ziel *out);

/* ---- coverage ------------------------------------------------------------------------------ */

struct indikator_abdeckung_gruppe {
    int indikatoren;          /* indicators in the group */
    int nicht_erhoben;        /* of them marked nicht_erhoben = ja */
    int mit_daten;            /* a value for the reporting year (meilenstein: a stand up to it) */
    int ohne_aktuelle_daten;  /* values, but none for the reporting year */
    int ohne_daten;           /* no value at all (nicht erhoben, nothing delivered, all symbols) */
    int besser, schlechter, unveraendert, veraendert, ohne_vergleich;  /* of mit_daten, by
                                 indikator_vergleichen */
    int *ohne_daten_liste;    /* ohne_daten catalogue indices, in catalogue order */
};

struct indikator_abdeckung {
    int berichtsjahr;
    struct indikator_abdeckung_gruppe gesamt;
    struct indikator_abdeckung_gruppe *handlungsfelder;  /* k->nhandlungsfelder, catalogue order */
    struct indikator_abdeckung_gruppe *ziele;            /* k->nziele; an indicator counts under
                                                            each of its Ziele */
    struct indikator_abdeckung_gruppe ohne_ziel;         /* indicators linked to no Ziel */
};

/*
 * indikator_abdeckung — coverage of the catalogue for the reporting year in
 * area `gebiet` (NULL: each indicator's first series).  erg: the
 * k->nindikatoren results (an uncomputed one counts as without data).
 * Fills *out (free with indikator_abdeckung_freigeben).
 */
void indikator_abdeckung(const struct katalog *k, const struct indikator_ergebnis *erg, int berichtsjahr,
                         const char *gebiet, struct indikator_abdeckung *out);
void indikator_abdeckung_freigeben(const struct katalog *k, struct indikator_abdeckung *a);

#endif
