/*
 * geheimhaltung.h — statistical disclosure control (Geheimhaltung) for the
 * published tables of an Integrationsbericht.
 *
 * Published tables (indicator tables by area × year × disaggregation, survey
 * cross-tabulations) must not reveal small counts.  This module marks the
 * cells of one in-memory table that must not be printed.  Pure functions:
 * no I/O, no SQLite; the only side effect is the status array of the table.
 *
 * The table
 * ---------
 * A table is nrows × ncols cells stored row-major (cell (i, j) at index
 * i * ncols + j) in two parallel arrays: the values and a status per cell.
 * If total_col is set, the last column holds the row totals; if total_row is
 * set, the last row holds the column totals (and, with both, the bottom right
 * cell is the grand total).  A 1-D table „parts + total“ is 1 × (k+1) with
 * total_col, or (k+1) × 1 with total_row.
 *
 * A *line* is a set of cells that add up: every row when total_col is set
 * (parts j < ncols-1, total j = ncols-1) and every column when total_row is
 * set.  The totals row itself is a line too (column totals + grand total).
 * Rows of a table without total_col are not lines (nothing adds up there).
 * Whether the totals really equal the sums of their parts is not checked.
 *
 * Status and symbols
 * ------------------
 * Cells come in as GEHEIMHALTUNG_WERT (a value to publish) or with a
 * pass-through symbol from the input (UNBEKANNT „.“, GESPERRT „x“, UNSICHER
 * „/“, SPAETER „…“); the functions here add PRIMAER and SEKUNDAER.  Every
 * status other than WERT means „not published“, and all of them count as
 * suppressed in the line check of the secondary suppression.  The printed
 * symbols and legend texts follow the Zeichenerklärung of German official
 * statistics (DIN 55301; Statistisches Bundesamt, GENESIS): primary and
 * secondary suppression both print „.“ (Zahlenwert unbekannt oder geheim zu
 * halten) — they must look the same, or the reader learns which cells are
 * the small ones.  A published exact zero prints „–“ (nichts vorhanden).
 *
 * Order of use
 * ------------
 *   1. geheimhaltung_anwenden() on every count table (= geheimhaltung_primaer()
 *      then geheimhaltung_sekundaer());
 *   2. geheimhaltung_anteil() on every rate/share table, linking each rate
 *      cell to its numerator and denominator count cells;
 *   3. print with geheimhaltung_zeichen_zelle() / geheimhaltung_legende().
 *
 * Hierarchies (Land ⊃ Region ⊃ Kreis) and tables of more than two
 * dimensions (area × several Merkmale) are lists of lines sharing cells:
 * geheimhaltung_sekundaer_linien.  Limits (see also geheimhaltung_sekundaer):
 * linked tables (the same cell in several published tables, differences
 * between years) are not protected by this module; the secondary
 * suppression is a heuristic, not an optimal or audited solution.
 */
#ifndef IB_GEHEIMHALTUNG_H
#define IB_GEHEIMHALTUNG_H

#include <stddef.h>

/* The default minimum count: cells with 0 < n < 3 (i.e. 1 or 2) are secret. */
#define GEHEIMHALTUNG_SCHWELLE_STANDARD 3u

/* Status of one cell.  Only GEHEIMHALTUNG_WERT is published as a number. */
enum geheimhaltung_status {
    GEHEIMHALTUNG_WERT = 0,     /* value is published */
    GEHEIMHALTUNG_PRIMAER,      /* primary suppression: small count (set here) */
    GEHEIMHALTUNG_SEKUNDAER,    /* secondary (complementary) suppression (set here) */
    GEHEIMHALTUNG_UNBEKANNT,    /* input „.“: unknown or secret already upstream */
    GEHEIMHALTUNG_GESPERRT,     /* input „x“: Tabellenfach gesperrt */
    GEHEIMHALTUNG_UNSICHER,     /* input „/“: nicht sicher genug (e.g. survey n too small) */
    GEHEIMHALTUNG_SPAETER,      /* input „…“: Angabe fällt später an */
    GEHEIMHALTUNG_STATUS_ANZAHL /* number of statuses, not a status */
};

/*
 * One table.  The module never changes nrows, ncols, values or the flags;
 * it only writes status[].
 *   nrows, ncols   ≥ 1; with total_row nrows ≥ 2, with total_col ncols ≥ 2
 *   values         nrows*ncols numbers, row-major.  For a count table the
 *                  counts (persons, cases; may be weighted, i.e. non-integer)
 *                  — every WERT cell must be finite and ≥ 0.  For a rate
 *                  table (geheimhaltung_anteil) the rates; never read there.
 *                  Values of non-WERT cells are never read (may be NaN).
 *   status         nrows*ncols statuses, row-major; in and out.
 *   total_row      1: the last row holds the column totals
 *   total_col      1: the last column holds the row totals
 */
struct geheimhaltung_tabelle {
    size_t nrows, ncols;
    const double *values;
    enum geheimhaltung_status *status;
    int total_row;
    int total_col;
};

/*
 * Options of the primary suppression; a NULL pointer means all defaults (0).
 *   nullen_schuetzen  0 (default): a count of 0 is „nichts vorhanden“ and is
 *                     published — an empty cell reveals nothing about a
 *                     person.  1: zeros are suppressed too, for offices
 *                     whose rules protect empty cells (e.g. where „nobody
 *                     in group G“ is itself sensitive).
 */
struct geheimhaltung_optionen {
    int nullen_schuetzen;
};

/* Error results (negative); functions validate all input before changing anything. */
enum geheimhaltung_fehler {
    GEHEIMHALTUNG_OK = 0,
    GEHEIMHALTUNG_E_ARGUMENT = -1, /* NULL table/array, 0 rows or columns, size overflow,
                                      bad link (index out of range, no count cell) */
    GEHEIMHALTUNG_E_FORM = -2,     /* total_row with nrows < 2, or total_col with ncols < 2 */
    GEHEIMHALTUNG_E_STATUS = -3,   /* a status outside enum geheimhaltung_status */
    GEHEIMHALTUNG_E_WERT = -4      /* a WERT count cell is negative, NaN or infinite */
};

/* Link of one rate/share cell to the count cells it is computed from. */
struct geheimhaltung_bezug {
    size_t anteil;    /* index (row-major) of the rate cell in the rate table */
    size_t zaehler;   /* index of the numerator in the numerator table, or GEHEIMHALTUNG_KEINE */
    size_t nenner;    /* index of the denominator in the denominator table, or GEHEIMHALTUNG_KEINE */
};

/* „no such count cell“ in struct geheimhaltung_bezug (at least one must be given). */
#define GEHEIMHALTUNG_KEINE ((size_t)-1)

/*
 * geheimhaltung_primaer — primary suppression of a count table.
 *
 * Every WERT cell (parts and totals alike) with 0 < n < schwelle becomes
 * PRIMAER; with opt->nullen_schuetzen also every WERT cell with n == 0.
 * schwelle is a count (default GEHEIMHALTUNG_SCHWELLE_STANDARD = 3, so 1 and
 * 2 are secret: with 2 cases each of the two can work out the other).
 * schwelle 0 disables the rule entirely — zeros included — for data that
 * official statistics have already published.  Cells that are not WERT are
 * left as they are.
 *
 * Source: the minimum-frequency (threshold) rule for frequency tables as
 * practised in German official statistics (§ 16 BStatG; Mindestfallzahl 3)
 * and described in Hundepool et al., „Statistical Disclosure Control“,
 * Wiley 2012.
 *
 * Returns the number of cells newly marked PRIMAER (≥ 0), or a negative
 * enum geheimhaltung_fehler (E_ARGUMENT, E_FORM, E_STATUS, E_WERT); on error
 * the table is unchanged.  O(nrows·ncols), no allocation.
 */
long geheimhaltung_primaer(struct geheimhaltung_tabelle *t, unsigned schwelle,
                           const struct geheimhaltung_optionen *opt);

/*
 * geheimhaltung_sekundaer — secondary (complementary) suppression.
 *
 * Problem: where a line (see top) has exactly one unpublished cell, that
 * cell is recovered as total − published parts (or, for the total, as the
 * sum of the parts).  Rule: after the call, no line has exactly one cell
 * whose status is not WERT.
 *
 * Algorithm (a greedy heuristic):
 *   count the unpublished cells of every line once;
 *   repeat until a full pass changes nothing:
 *     for each row line, top to bottom, then each column line, left to
 *     right: if its count is exactly 1, mark one more of its WERT cells
 *     SEKUNDAER and update the counts of that cell's row and column;
 *   the cell chosen in a line is the first by
 *     (1) non-zero before zero — a zero complement protects little (the
 *         reader learns the secret cell's upper bound exactly) and is only
 *         taken when the line has nothing else;
 *     (2) inner cells before marginal totals before the grand total —
 *         hiding a total costs more and cascades into the totals line;
 *     (3) smallest value — least information lost;
 *     (4) lowest index along the line — ties are deterministic.
 *   So a line whose other parts are all zero loses its total: with an
 *   input symbol „. 0 0 | 7“ → „. 0 0 | .“, or in 2-D where a complement
 *   placed from a column lands in a row of zeros; the hidden total then
 *   cascades into the totals row/column.  (2 0 0 | 2 needs no complement:
 *   the total is small itself and primary.)  A line always has ≥ 2 cells,
 *   so a count of 1 always leaves a WERT cell to take: the loop ends with
 *   the rule met, after at most nrows·ncols suppressions.
 *
 * Complexity: O(nrows·ncols) to count, then O(nrows + ncols) per pass for
 * the checks (counters, no re-scan of cells) plus O(line length) per
 * suppression; with S suppressions at most O(nrows·ncols + S·(nrows + ncols)).
 * Memory: nrows + ncols counters (xcalloc; aborts on out-of-memory as all
 * of ibericht).  400 × 20 cells take well under a millisecond.
 *
 * Source and honesty: primary/secondary cell suppression is the standard
 * method of German official statistics for tables (Hundepool et al. 2012,
 * chapters on tabular data); the production tools there (τ-ARGUS with the
 * Hypercube method GHMITER, or optimal/LP methods) do far more.  The rule
 * „never leave exactly one suppressed cell in a line“ is the elementary
 * necessary condition of that literature; this greedy choice is our simple
 * heuristic of the kind done by hand, not taken from a Destatis
 * publication.  It guarantees the rule above and nothing more: it is not
 * minimal (it may hide more cells than needed), it does not check
 * protection intervals, and combinations of several lines can still pin a
 * suppressed value down in rare patterns (e.g. rows r1 + r2 together with
 * columns c1 + c2).  Hierarchical tables (sub-totals within a line) and
 * linked tables are not handled — run a real SDC tool for those.
 *
 * Cells of every status other than WERT count as unpublished; only WERT
 * cells are ever changed (to SEKUNDAER).  Values of WERT cells must be
 * finite and ≥ 0.  A table without total_row and total_col has no lines:
 * nothing to do.  Returns the number of cells newly marked SEKUNDAER (≥ 0)
 * or a negative enum geheimhaltung_fehler; on error the table is unchanged.
 */
long geheimhaltung_sekundaer(struct geheimhaltung_tabelle *t);

/*
 * Linked lines of any shape: hierarchies and tables of more dimensions.
 *
 * A struct geheimhaltung_linie is a set of cells (indices into one array of
 * values and statuses) that add up: the cell zellen[summe] is the total of
 * the others.  Lines may share cells — a Kreis is a part in the line of its
 * Regierungsbezirk and the total of its Gemeinden; the cell „weiblich,
 * Ohne Aufenthaltstitel“ is a part of the Geschlecht line and of the
 * Kategorie line.  So a hypercube of areas × disaggregations and a
 * hierarchy of area codes are both just lists of lines.
 *   zellen  n ≥ 2 distinct cell indices < ncells
 *   summe   position in zellen of the total (0 ≤ summe < n)
 */
struct geheimhaltung_linie {
    const size_t *zellen;
    size_t n;
    size_t summe;
};

/*
 * geheimhaltung_sekundaer_linien — the secondary suppression of
 * geheimhaltung_sekundaer over arbitrary lines.  After the call no line has
 * exactly one cell whose status is not WERT.  The greedy choice in a line
 * is the first WERT cell by (1) non-zero before zero, (2) fewer lines in
 * which the cell is the total (inner cells before sub-totals before the
 * grand total), (3) smallest value, (4) lowest position in the line.
 * Lines are checked in their order, repeated until a full pass changes
 * nothing (at most ncells suppressions).  Same limits as
 * geheimhaltung_sekundaer: necessary condition only, not minimal, no
 * protection intervals; combinations of lines can still narrow a value.
 * values/status: ncells cells; WERT values finite and ≥ 0.  Memory
 * O(ncells + Σ n) (xcalloc).  Returns the number of cells newly marked
 * SEKUNDAER or a negative enum geheimhaltung_fehler (E_ARGUMENT for a bad
 * line, E_STATUS, E_WERT); on error nothing is changed.
 */
long geheimhaltung_sekundaer_linien(const double *values, enum geheimhaltung_status *status, size_t ncells,
                                    const struct geheimhaltung_linie *linien, size_t nlinien);

/* geheimhaltung_pruefen_linien — lines with exactly one unpublished cell (0 = safe), or < 0. */
long geheimhaltung_pruefen_linien(const enum geheimhaltung_status *status, size_t ncells,
                                  const struct geheimhaltung_linie *linien, size_t nlinien);

/*
 * geheimhaltung_anwenden — the one call for a count table:
 * geheimhaltung_primaer(t, schwelle, opt), then geheimhaltung_sekundaer(t).
 * Returns the number of cells newly suppressed by both (≥ 0) or a negative
 * enum geheimhaltung_fehler (the table is then unchanged).  Idempotent: a
 * second call returns 0.
 */
long geheimhaltung_anwenden(struct geheimhaltung_tabelle *t, unsigned schwelle,
                            const struct geheimhaltung_optionen *opt);

/*
 * geheimhaltung_anteil — suppression of rate/share cells (Anteile, Quoten,
 * „je 1.000 Einwohner“) computed from count cells.
 *
 * A rate published next to its denominator reveals the numerator
 * (rate × denominator), and vice versa; a rate of a small numerator or
 * denominator describes few persons.  So for every link k in
 * bezuege[0..anzahl), the rate cell anteile->status[bezuege[k].anteil], if
 * WERT, is suppressed when its numerator or denominator cell
 *   - is not WERT (suppressed there, primary or secondary, or a symbol), or
 *   - is WERT but small by the primary rule: 0 < n < schwelle, or n == 0
 *     with opt->nullen_schuetzen (schwelle 0: never small).
 * The new status of the rate is PRIMAER if a count is PRIMAER or small,
 * else SEKUNDAER if a count is SEKUNDAER, else the symbol of the count (the
 * numerator's first): a rate of an unknown count is unknown.
 *
 * Call it after geheimhaltung_anwenden() on the count tables, so that
 * secondary suppressions are followed too.  zaehler_tab and nenner_tab may
 * be the same table (share of a part in its total) and may be NULL when no
 * link uses them; bezuege[k].zaehler / .nenner may be GEHEIMHALTUNG_KEINE
 * (a denominator from outside, e.g. a published population figure) but not
 * both.  Rate tables are not additive: no secondary suppression applies to
 * them.  A rate whose denominator is 0 is undefined — mark it GESPERRT
 * before; it is left alone.
 *
 * Returns the number of rate cells newly suppressed (≥ 0) or a negative
 * enum geheimhaltung_fehler (E_ARGUMENT for an index out of range or a link
 * without count cell, E_STATUS, E_WERT for a linked WERT count that is
 * negative or not finite); on error nothing is changed.  O(anzahl).
 */
long geheimhaltung_anteil(struct geheimhaltung_tabelle *anteile,
                          const struct geheimhaltung_tabelle *zaehler_tab,
                          const struct geheimhaltung_tabelle *nenner_tab,
                          const struct geheimhaltung_bezug *bezuege, size_t anzahl,
                          unsigned schwelle, const struct geheimhaltung_optionen *opt);

/*
 * geheimhaltung_pruefen — count the lines of t that break the rule of
 * geheimhaltung_sekundaer (exactly one unpublished cell).  0 means the
 * table is safe in that sense.  For assertions before rendering.
 * Returns the count (≥ 0) or a negative enum geheimhaltung_fehler.
 */
long geheimhaltung_pruefen(const struct geheimhaltung_tabelle *t);

/*
 * geheimhaltung_zeichen — the symbol printed instead of a value (UTF-8):
 *   WERT "" (print the number), PRIMAER and SEKUNDAER and UNBEKANNT ".",
 *   GESPERRT "x", UNSICHER "/", SPAETER "…".  NULL for an invalid status.
 */
const char *geheimhaltung_zeichen(enum geheimhaltung_status s);

/*
 * geheimhaltung_legende — the legend text (Zeichenerklärung) of a status:
 *   PRIMAER, SEKUNDAER, UNBEKANNT „Zahlenwert unbekannt oder geheim zu halten“,
 *   GESPERRT „Tabellenfach gesperrt, weil Aussage nicht sinnvoll“,
 *   UNSICHER „keine Angaben, da Zahlenwert nicht sicher genug“,
 *   SPAETER „Angabe fällt später an“.
 * WERT has no legend: "".  NULL for an invalid status.  A table prints one
 * legend line per distinct symbol it shows.
 */
const char *geheimhaltung_legende(enum geheimhaltung_status s);

/* The symbol and legend of a published exact zero. */
#define GEHEIMHALTUNG_ZEICHEN_NICHTS "–"
#define GEHEIMHALTUNG_LEGENDE_NICHTS "nichts vorhanden"

/*
 * geheimhaltung_zeichen_zelle — what to print for cell index i (row-major)
 * of t: NULL for a published non-zero value (format the number, e.g. with
 * format_zahl), GEHEIMHALTUNG_ZEICHEN_NICHTS for a published exact zero,
 * else geheimhaltung_zeichen(status).  NULL also for a bad t or i.
 */
const char *geheimhaltung_zeichen_zelle(const struct geheimhaltung_tabelle *t, size_t i);

/* geheimhaltung_fehlertext — German text of a negative result, for diag messages. */
const char *geheimhaltung_fehlertext(long fehler);

#endif
