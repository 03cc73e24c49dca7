/*
 * test_geheimhaltung.c — primary/secondary cell suppression (lib/geheimhaltung).
 *
 * Expected outcomes are computed by hand from the rule in geheimhaltung.h;
 * the comments show the steps.  Statuses are compared as strings, one
 * character a cell, rows separated by blanks:
 *   w WERT, P PRIMAER, S SEKUNDAER, u UNBEKANNT, x GESPERRT, / UNSICHER, s SPAETER
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "lib/geheimhaltung.h"

#define W GEHEIMHALTUNG_WERT
#define P GEHEIMHALTUNG_PRIMAER
#define S GEHEIMHALTUNG_SEKUNDAER
#define U GEHEIMHALTUNG_UNBEKANNT
#define X GEHEIMHALTUNG_GESPERRT

#define MAXZ 64

/* A table with its own storage. */
struct tab {
    double v[MAXZ];
    enum geheimhaltung_status st[MAXZ];
    struct geheimhaltung_tabelle t;
};

static void tab_init(struct tab *x, size_t nrows, size_t ncols, int total_row, int total_col,
                     const double *v)
{
    assert_true(nrows * ncols <= MAXZ);
    memset(x, 0, sizeof *x);
    memcpy(x->v, v, nrows * ncols * sizeof *v);
    for (size_t i = 0; i < nrows * ncols; i++)
        x->st[i] = W;
    x->t.nrows = nrows;
    x->t.ncols = ncols;
    x->t.values = x->v;
    x->t.status = x->st;
    x->t.total_row = total_row;
    x->t.total_col = total_col;
}

static char status_char(enum geheimhaltung_status s)
{
    static const char c[] = "wPSux/s";
    return (int)s >= 0 && (int)s < 7 ? c[s] : '?';
}

/* "wPS wSw …": the statuses of t, rows separated by blanks. */
static const char *status_str(const struct geheimhaltung_tabelle *t)
{
    static char buf[1024];
    size_t n = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        if (i > 0)
            buf[n++] = ' ';
        for (size_t j = 0; j < t->ncols; j++)
            buf[n++] = status_char(t->status[i * t->ncols + j]);
    }
    buf[n] = '\0';
    return buf;
}

/* ---- primary + secondary, hand-computed ---------------------------------------- */

/* 1-D: parts 2 7 5 9, total 23.  2 < 3 → P; the line has one suppressed cell,
 * the smallest other non-zero part is 5 → S.  Total and 7, 9 stay. */
static void test_1d_ein_kleiner_teil(void **state)
{
    (void)state;
    static const double v[] = { 2, 7, 5, 9, 23 };
    struct tab a;
    tab_init(&a, 1, 5, 0, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 2);
    assert_string_equal(status_str(&a.t), "PwSww");

    /* the same as a column (parts + total underneath) */
    tab_init(&a, 5, 1, 1, 0, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, GEHEIMHALTUNG_SCHWELLE_STANDARD, NULL), 2);
    assert_string_equal(status_str(&a.t), "P w S w w");
    assert_int_equal(geheimhaltung_pruefen(&a.t), 0);
}

/*
 * 3×3 + margins, one pass of rows then columns:
 *      1 10 12 | 23
 *      8  4 20 | 32
 *     15  6  9 | 30
 *     24 20 41 | 85
 * P: (0,0)=1.  Row 0: smallest of 10, 12 → (0,1) S.  That leaves column 1
 * with one suppressed cell.  Column 0: smallest of 8, 15 → (1,0) S;
 * column 1: smallest of 4, 6 → (1,1) S.  Row 1 now has two: stable.
 */
static void test_2d_zeile_kaskadiert_in_spalte(void **state)
{
    (void)state;
    static const double v[] = { 1, 10, 12, 23,
                                8, 4, 20, 32,
                                15, 6, 9, 30,
                                24, 20, 41, 85 };
    struct tab a;
    tab_init(&a, 4, 4, 1, 1, v);
    assert_int_equal(geheimhaltung_primaer(&a.t, 3, NULL), 1);
    assert_string_equal(status_str(&a.t), "Pwww wwww wwww wwww");
    assert_int_equal(geheimhaltung_pruefen(&a.t), 2);   /* row 0 and column 0 */
    assert_int_equal(geheimhaltung_sekundaer(&a.t), 3);
    assert_string_equal(status_str(&a.t), "PSww SSww wwww wwww");
    assert_int_equal(geheimhaltung_pruefen(&a.t), 0);
}

/*
 * A cascade over three passes:
 *      1 10 12 |  23
 *     20  4 30 |  54
 *      6 25 11 |  42
 *     27 39 53 | 119
 * P (0,0)=1.
 * Pass 1, rows:    row 0 → min(10, 12) = (0,1) S.
 *         columns: col 0 → min(20, 6) = (2,0) S   (row 2 now single)
 *                  col 1 → min(4, 25) = (1,1) S   (row 1 now single)
 * Pass 2, rows:    row 1 → min(20, 30) = (1,0) S;
 *                  row 2 → min(25, 11) = (2,2) S  (col 2 now single)
 *         columns: col 2 → min(12, 30) = (0,2) S.
 * Pass 3: nothing.  1 primary + 6 secondary.
 */
static void test_2d_kaskade_ueber_mehrere_durchlaeufe(void **state)
{
    (void)state;
    static const double v[] = { 1, 10, 12, 23,
                                20, 4, 30, 54,
                                6, 25, 11, 42,
                                27, 39, 53, 119 };
    struct tab a;
    tab_init(&a, 4, 4, 1, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 7);
    assert_string_equal(status_str(&a.t), "PSSw SSww SwSw wwww");
    assert_int_equal(geheimhaltung_pruefen(&a.t), 0);
}

static void test_nichts_unter_schwelle(void **state)
{
    (void)state;
    static const double v[] = { 3, 10, 0, 13,
                                4, 5, 6, 15,
                                7, 15, 6, 28 };
    struct tab a;
    tab_init(&a, 3, 4, 1, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 0);
    assert_string_equal(status_str(&a.t), "wwww wwww wwww");
}

/* Threshold 0 (already published official data): nothing, not even zeros. */
static void test_schwelle_null_schaltet_ab(void **state)
{
    (void)state;
    static const double v[] = { 1, 2, 0, 3 };
    struct geheimhaltung_optionen opt = { .nullen_schuetzen = 1 };
    struct tab a;
    tab_init(&a, 1, 4, 0, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 0, &opt), 0);
    assert_string_equal(status_str(&a.t), "wwww");
}

/* Other thresholds: 5 hides 1…4 (and 4.5, weighted counts), 3 is the default. */
static void test_schwelle_fuenf(void **state)
{
    (void)state;
    static const double v[] = { 4.5, 5, 30, 39.5 };
    struct tab a;
    tab_init(&a, 1, 4, 0, 1, v);
    assert_int_equal(geheimhaltung_primaer(&a.t, 5, NULL), 1);
    assert_string_equal(status_str(&a.t), "Pwww");
}

/* 0 | 5 7 | 12: a zero is „nichts vorhanden“ and published by default;
 * with nullen_schuetzen it is P, and the smallest non-zero part 5 becomes S. */
static void test_nullen(void **state)
{
    (void)state;
    static const double v[] = { 0, 5, 7, 12 };
    struct tab a;
    tab_init(&a, 1, 4, 0, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 0);
    assert_string_equal(status_str(&a.t), "wwww");
    assert_string_equal(geheimhaltung_zeichen_zelle(&a.t, 0), "–");

    struct geheimhaltung_optionen opt = { .nullen_schuetzen = 1 };
    tab_init(&a, 1, 4, 0, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, &opt), 2);
    assert_string_equal(status_str(&a.t), "PSww");

    /* all zero with protection: every cell P, no complement needed */
    static const double z[] = { 0, 0, 0 };
    tab_init(&a, 1, 3, 0, 1, z);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, &opt), 3);
    assert_string_equal(status_str(&a.t), "PPP");
}

/*
 * A line whose other parts are all zero loses its total.  In 1-D this needs
 * an input symbol: . 0 0 | 7 → the zeros are no candidates, the total is.
 * (2 0 0 | 2 needs no complement: the total 2 is small itself, hence P.)
 */
static void test_nur_nullen_daneben_summe_gesperrt(void **state)
{
    (void)state;
    double v[] = { NAN, 0, 0, 7 };
    struct tab a;
    tab_init(&a, 1, 4, 0, 1, v);
    a.st[0] = U;
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 1);
    assert_string_equal(status_str(&a.t), "uwwS");

    static const double w[] = { 2, 0, 0, 2 };
    tab_init(&a, 1, 4, 0, 1, w);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 2);
    assert_string_equal(status_str(&a.t), "PwwP");
}

/*
 * In 2-D a secondary suppression can land in a row of zeros; then the row
 * total goes, and that cascades into the totals column and totals row:
 *      1  0  9 | 10
 *      4  0  0 |  4
 *      6  3  5 | 14
 *     11  3 14 | 28
 * P (0,0)=1.
 * Pass 1, rows:    row 0: 0 is no candidate → min(9, total 10) = (0,2) S.
 *         columns: col 0 → min(4, 6) = (1,0) S          (row 1 single)
 *                  col 2: 0 no candidate → min(5) = (2,2) S (row 2 single)
 * Pass 2, rows:    row 1: . 0 0 | 4 → only the total: (1,3) S (col 3 single)
 *                  row 2 → min(6, 3) = (2,1) S          (col 1 single)
 *         columns: col 1: 0, 0 → only its total: (3,1) S (totals row single)
 *                  col 3 (totals): marginal totals 10, 14 before the grand
 *                  total 28 → (0,3) S.
 * Pass 3, rows:    totals row: 11, 14 before 28 → (3,0) S.
 * Pass 4: nothing.  1 primary + 8 secondary.
 */
static void test_summe_gesperrt_kaskadiert(void **state)
{
    (void)state;
    static const double v[] = { 1, 0, 9, 10,
                                4, 0, 0, 4,
                                6, 3, 5, 14,
                                11, 3, 14, 28 };
    struct tab a;
    tab_init(&a, 4, 4, 1, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 9);
    assert_string_equal(status_str(&a.t), "PwSS SwwS wSSw SSww");
    assert_int_equal(geheimhaltung_pruefen(&a.t), 0);
}

/* Input symbols count as suppressed: 1 . 9 | 15 already has two → no complement. */
static void test_eingangssymbol_zaehlt_als_gesperrt(void **state)
{
    (void)state;
    double v[] = { 1, NAN, 9, 15 };
    struct tab a;
    tab_init(&a, 1, 4, 0, 1, v);
    a.st[1] = U;
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 1);
    assert_string_equal(status_str(&a.t), "Puww");

    /* a lone input symbol is protected like a primary cell: x 3 8 | 20 → 3 S */
    double w[] = { NAN, 3, 8, 20 };
    tab_init(&a, 1, 4, 0, 1, w);
    a.st[0] = X;
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 1);
    assert_string_equal(status_str(&a.t), "xSww");
}

/* x 0 0 | 0: nothing non-zero is left, so the last resort is a zero part. */
static void test_nur_nullen_letzter_ausweg(void **state)
{
    (void)state;
    double v[] = { NAN, 0, 0, 0 };
    struct tab a;
    tab_init(&a, 1, 4, 0, 1, v);
    a.st[0] = X;
    assert_int_equal(geheimhaltung_sekundaer(&a.t), 1);
    assert_string_equal(status_str(&a.t), "xSww");
}

/* Ties: the lowest index wins; a part wins over an equal total. */
static void test_gleichstand_deterministisch(void **state)
{
    (void)state;
    static const double v[] = { 1, 4, 4, 4, 13 };
    struct tab a;
    tab_init(&a, 1, 5, 0, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 2);
    assert_string_equal(status_str(&a.t), "PSwww");

    /* . 4 0 | 4: part 4 and total 4 tie on value → the part */
    double w[] = { NAN, 4, 0, 4 };
    tab_init(&a, 1, 4, 0, 1, w);
    a.st[0] = U;
    assert_int_equal(geheimhaltung_sekundaer(&a.t), 1);
    assert_string_equal(status_str(&a.t), "uSww");

    /* 2-D:  1 4 4 |  9
     *       4 4 4 | 12
     *       5 8 8 | 21
     * P (0,0); row 0: 4 and 4 tie → (0,1) S, not (0,2); col 0: 4 < 5 →
     * (1,0) S; col 1: 4 < 8 → (1,1) S; row 1 then has two. */
    static const double q[] = { 1, 4, 4, 9,
                                4, 4, 4, 12,
                                5, 8, 8, 21 };
    tab_init(&a, 3, 4, 1, 1, q);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 4);
    assert_string_equal(status_str(&a.t), "PSww SSww wwww");
}

/* Only row totals (total_col): columns are no lines and get no complements. */
static void test_nur_zeilensummen(void **state)
{
    (void)state;
    static const double v[] = { 1, 10, 12, 23,
                                8, 4, 20, 32 };
    struct tab a;
    tab_init(&a, 2, 4, 0, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 2);
    assert_string_equal(status_str(&a.t), "PSww wwww");

    /* no totals at all: primary only */
    tab_init(&a, 2, 4, 0, 0, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 1);
    assert_string_equal(status_str(&a.t), "Pwww wwww");
}

static void test_idempotent(void **state)
{
    (void)state;
    static const double v[] = { 1, 10, 12, 23,
                                20, 4, 30, 54,
                                6, 25, 11, 42,
                                27, 39, 53, 119 };
    struct tab a;
    tab_init(&a, 4, 4, 1, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 7);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 0);
    assert_string_equal(status_str(&a.t), "PSSw SSww SwSw wwww");
}

/* ---- rates ---------------------------------------------------------------------- */

/*
 * Counts 2 7 5 9 | 23 → P w S w w (see test_1d_ein_kleiner_teil).  Shares of
 * each part in the total: numerator part k, denominator the total (same
 * table).  Share 0 follows the primary, share 2 the secondary suppression.
 */
static void test_anteil_folgt_zaehler_und_nenner(void **state)
{
    (void)state;
    static const double v[] = { 2, 7, 5, 9, 23 };
    struct tab z;
    tab_init(&z, 1, 5, 0, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&z.t, 3, NULL), 2);

    static const double q[] = { 2 / 23.0, 7 / 23.0, 5 / 23.0, 9 / 23.0 };
    struct tab a;
    tab_init(&a, 1, 4, 0, 0, q);
    struct geheimhaltung_bezug b[4];
    for (size_t k = 0; k < 4; k++)
        b[k] = (struct geheimhaltung_bezug){ .anteil = k, .zaehler = k, .nenner = 4 };
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, &z.t, b, 4, 3, NULL), 2);
    assert_string_equal(status_str(&a.t), "PwSw");
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, &z.t, b, 4, 3, NULL), 0);
}

/* A small denominator hides the rate even where the counts were not processed. */
static void test_anteil_kleiner_nenner(void **state)
{
    (void)state;
    static const double zv[] = { 5, 40 }, nv[] = { 2, 80 };
    static const double q[] = { 2.5, 0.5 };
    struct tab z, n, a;
    tab_init(&z, 1, 2, 0, 0, zv);
    tab_init(&n, 1, 2, 0, 0, nv);
    tab_init(&a, 1, 2, 0, 0, q);
    struct geheimhaltung_bezug b[] = { { 0, 0, 0 }, { 1, 1, 1 } };
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, &n.t, b, 2, 3, NULL), 1);
    assert_string_equal(status_str(&a.t), "Pw");

    /* threshold 0: nothing */
    tab_init(&a, 1, 2, 0, 0, q);
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, &n.t, b, 2, 0, NULL), 0);
    assert_string_equal(status_str(&a.t), "ww");
}

/* Numerator only (denominator from outside); zero numerators; input symbols. */
static void test_anteil_sonderfaelle(void **state)
{
    (void)state;
    double zv[] = { 0, 1, NAN, 12 };
    static const double q[] = { 0, 0.1, 0.5, 1.2 };
    struct tab z, a;
    tab_init(&z, 1, 4, 0, 0, zv);
    z.st[2] = X;
    tab_init(&a, 1, 4, 0, 0, q);
    struct geheimhaltung_bezug b[4];
    for (size_t k = 0; k < 4; k++)
        b[k] = (struct geheimhaltung_bezug){ k, k, GEHEIMHALTUNG_KEINE };
    /* 0 → published (0 %), 1 → P, x → x, 12 → published */
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, NULL, b, 4, 3, NULL), 2);
    assert_string_equal(status_str(&a.t), "wPxw");

    /* with zero protection the 0 % rate goes too */
    struct geheimhaltung_optionen opt = { .nullen_schuetzen = 1 };
    tab_init(&a, 1, 4, 0, 0, q);
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, NULL, b, 4, 3, &opt), 3);
    assert_string_equal(status_str(&a.t), "PPxw");

    /* a rate already marked keeps its symbol */
    tab_init(&a, 1, 4, 0, 0, q);
    a.st[1] = X;
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, NULL, b, 4, 3, NULL), 1);
    assert_string_equal(status_str(&a.t), "wxxw");

    /* errors: index out of range, no count cell, missing table — nothing changed */
    tab_init(&a, 1, 4, 0, 0, q);
    struct geheimhaltung_bezug bad1[] = { { 0, 0, GEHEIMHALTUNG_KEINE }, { 1, 9, GEHEIMHALTUNG_KEINE } };
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, NULL, bad1, 2, 3, NULL), GEHEIMHALTUNG_E_ARGUMENT);
    struct geheimhaltung_bezug bad2[] = { { 1, 1, GEHEIMHALTUNG_KEINE }, { 0, GEHEIMHALTUNG_KEINE, GEHEIMHALTUNG_KEINE } };
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, NULL, bad2, 2, 3, NULL), GEHEIMHALTUNG_E_ARGUMENT);
    struct geheimhaltung_bezug bad3[] = { { 1, 1, 0 } };
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, NULL, bad3, 1, 3, NULL), GEHEIMHALTUNG_E_ARGUMENT);
    struct geheimhaltung_bezug bad4[] = { { 4, 1, GEHEIMHALTUNG_KEINE } };
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, NULL, bad4, 1, 3, NULL), GEHEIMHALTUNG_E_ARGUMENT);
    z.v[3] = -1;
    struct geheimhaltung_bezug bad5[] = { { 1, 1, GEHEIMHALTUNG_KEINE }, { 3, 3, GEHEIMHALTUNG_KEINE } };
    assert_int_equal(geheimhaltung_anteil(&a.t, &z.t, NULL, bad5, 2, 3, NULL), GEHEIMHALTUNG_E_WERT);
    assert_string_equal(status_str(&a.t), "wwww");
}

/* ---- errors, symbols ------------------------------------------------------------ */

static void test_fehler_lassen_tabelle_unveraendert(void **state)
{
    (void)state;
    static const double v[] = { 1, 2, 3 };
    struct tab a;

    assert_int_equal(geheimhaltung_anwenden(NULL, 3, NULL), GEHEIMHALTUNG_E_ARGUMENT);
    assert_int_equal(geheimhaltung_sekundaer(NULL), GEHEIMHALTUNG_E_ARGUMENT);
    assert_int_equal(geheimhaltung_pruefen(NULL), GEHEIMHALTUNG_E_ARGUMENT);

    tab_init(&a, 1, 3, 0, 1, v);
    a.t.nrows = 0;
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), GEHEIMHALTUNG_E_ARGUMENT);

    tab_init(&a, 1, 3, 0, 1, v);
    a.t.values = NULL;
    assert_int_equal(geheimhaltung_primaer(&a.t, 3, NULL), GEHEIMHALTUNG_E_ARGUMENT);

    tab_init(&a, 1, 3, 0, 1, v);
    a.t.ncols = SIZE_MAX / 2;
    a.t.nrows = 3;
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), GEHEIMHALTUNG_E_ARGUMENT);

    /* a totals row in a table of one row */
    tab_init(&a, 1, 3, 1, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), GEHEIMHALTUNG_E_FORM);
    assert_string_equal(status_str(&a.t), "www");

    tab_init(&a, 1, 3, 0, 1, v);
    a.st[2] = (enum geheimhaltung_status)42;
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), GEHEIMHALTUNG_E_STATUS);
    assert_int_equal(a.st[0], W);

    static const double neg[] = { 1, -2, 3 };
    tab_init(&a, 1, 3, 0, 1, neg);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), GEHEIMHALTUNG_E_WERT);
    assert_string_equal(status_str(&a.t), "www");

    double nan[] = { 1, NAN, 3 };
    tab_init(&a, 1, 3, 0, 1, nan);
    assert_int_equal(geheimhaltung_sekundaer(&a.t), GEHEIMHALTUNG_E_WERT);
    a.st[1] = U;           /* NaN under a symbol is fine; P and . make two */
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 1);
    assert_string_equal(status_str(&a.t), "Puw");

    assert_string_equal(geheimhaltung_fehlertext(GEHEIMHALTUNG_E_WERT),
                        "Fallzahl negativ oder keine endliche Zahl");
}

static void test_zeichen_und_legende(void **state)
{
    (void)state;
    /* primary and secondary must look the same */
    assert_string_equal(geheimhaltung_zeichen(GEHEIMHALTUNG_PRIMAER), ".");
    assert_string_equal(geheimhaltung_zeichen(GEHEIMHALTUNG_SEKUNDAER), ".");
    assert_string_equal(geheimhaltung_legende(GEHEIMHALTUNG_PRIMAER),
                        geheimhaltung_legende(GEHEIMHALTUNG_SEKUNDAER));
    assert_string_equal(geheimhaltung_legende(GEHEIMHALTUNG_SEKUNDAER),
                        "Zahlenwert unbekannt oder geheim zu halten");
    assert_string_equal(geheimhaltung_zeichen(GEHEIMHALTUNG_UNBEKANNT), ".");
    assert_string_equal(geheimhaltung_zeichen(GEHEIMHALTUNG_GESPERRT), "x");
    assert_string_equal(geheimhaltung_legende(GEHEIMHALTUNG_GESPERRT),
                        "Tabellenfach gesperrt, weil Aussage nicht sinnvoll");
    assert_string_equal(geheimhaltung_zeichen(GEHEIMHALTUNG_UNSICHER), "/");
    assert_string_equal(geheimhaltung_zeichen(GEHEIMHALTUNG_SPAETER), "…");
    assert_string_equal(geheimhaltung_zeichen(GEHEIMHALTUNG_WERT), "");
    assert_null(geheimhaltung_zeichen((enum geheimhaltung_status)-1));
    assert_null(geheimhaltung_legende(GEHEIMHALTUNG_STATUS_ANZAHL));

    static const double v[] = { 2, 0, 5, 7 };
    struct tab a;
    tab_init(&a, 1, 4, 0, 1, v);
    assert_int_equal(geheimhaltung_anwenden(&a.t, 3, NULL), 2);   /* P w S w */
    assert_string_equal(geheimhaltung_zeichen_zelle(&a.t, 0), ".");
    assert_string_equal(geheimhaltung_zeichen_zelle(&a.t, 1), "–");
    assert_string_equal(geheimhaltung_zeichen_zelle(&a.t, 2), ".");
    assert_null(geheimhaltung_zeichen_zelle(&a.t, 3));              /* print 7 */
    assert_null(geheimhaltung_zeichen_zelle(&a.t, 4));              /* out of range */
}

/* ---- property test over random tables ------------------------------------------- */

static uint32_t lcg_state;

static uint32_t lcg(void)
{
    lcg_state = lcg_state * 1664525u + 1013904223u;   /* Numerical Recipes LCG */
    return lcg_state >> 8;
}

static int ist_klein(double v, unsigned schwelle, int nullen)
{
    if (schwelle == 0)
        return 0;
    return v == 0.0 ? nullen : v < (double)schwelle;
}

/* Independent check: no line with exactly one non-WERT cell. */
static void pruefe_invariante(const struct geheimhaltung_tabelle *t)
{
    if (t->total_col)
        for (size_t i = 0; i < t->nrows; i++) {
            size_t c = 0;
            for (size_t j = 0; j < t->ncols; j++)
                c += t->status[i * t->ncols + j] != W;
            if (c == 1)
                fail_msg("Zeile %zu hat genau eine gesperrte Zelle", i);
        }
    if (t->total_row)
        for (size_t j = 0; j < t->ncols; j++) {
            size_t c = 0;
            for (size_t i = 0; i < t->nrows; i++)
                c += t->status[i * t->ncols + j] != W;
            if (c == 1)
                fail_msg("Spalte %zu hat genau eine gesperrte Zelle", j);
        }
}

/* Random table with margins: inner r×c, flags by mode, counts skewed small. */
static void zufallstabelle(size_t r, size_t c, int tr, int tc, double *v,
                           enum geheimhaltung_status *st, struct geheimhaltung_tabelle *t)
{
    size_t R = r + (tr ? 1 : 0), C = c + (tc ? 1 : 0);
    for (size_t i = 0; i < R * C; i++)
        v[i] = 0;
    for (size_t i = 0; i < r; i++)
        for (size_t j = 0; j < c; j++) {
            uint32_t k = lcg() % 10;
            double x = k < 3 ? 0 : k < 6 ? (double)(1 + lcg() % 2) : (double)(3 + lcg() % 48);
            v[i * C + j] = x;
            if (tc)
                v[i * C + c] += x;
            if (tr)
                v[r * C + j] += x;
            if (tc && tr)
                v[r * C + c] += x;
        }
    for (size_t i = 0; i < R * C; i++) {
        st[i] = W;
        if (lcg() % 25 == 0) {
            st[i] = (enum geheimhaltung_status)(GEHEIMHALTUNG_UNBEKANNT + lcg() % 4);
            v[i] = NAN;        /* must never be read */
        }
    }
    *t = (struct geheimhaltung_tabelle){ R, C, v, st, tr, tc };
}

static void pruefe_zufall(size_t r, size_t c, int mode)
{
    int tr = mode == 0 || mode == 2 || mode == 3, tc = mode == 0 || mode == 1 || mode == 3;
    size_t n = (r + 1) * (c + 1);
    double *v = malloc(n * sizeof *v);
    enum geheimhaltung_status *st = malloc(n * sizeof *st), *vorher = malloc(n * sizeof *st),
                              *nochmal = malloc(n * sizeof *st);
    assert_non_null(v);
    assert_non_null(st);
    assert_non_null(vorher);
    assert_non_null(nochmal);
    struct geheimhaltung_tabelle t;
    zufallstabelle(r, c, tr, tc, v, st, &t);
    n = t.nrows * t.ncols;
    static const unsigned schwellen[] = { 0, 3, 3, 5 };
    unsigned schwelle = schwellen[lcg() % 4];
    struct geheimhaltung_optionen opt = { .nullen_schuetzen = lcg() % 3 == 0 };
    memcpy(vorher, st, n * sizeof *st);

    long rc = geheimhaltung_anwenden(&t, schwelle, &opt);
    assert_true(rc >= 0);
    long geaendert = 0;
    for (size_t i = 0; i < n; i++) {
        geaendert += st[i] != vorher[i];
        if (vorher[i] != W)
            assert_int_equal(st[i], vorher[i]);                  /* symbols pass through */
        else if (ist_klein(v[i], schwelle, opt.nullen_schuetzen))
            assert_int_equal(st[i], P);                          /* every primary stays */
        else
            assert_true(st[i] == W || st[i] == S);
    }
    assert_int_equal(rc, geaendert);
    pruefe_invariante(&t);
    assert_int_equal(geheimhaltung_pruefen(&t), 0);

    /* deterministic: the same input gives the same output */
    memcpy(nochmal, vorher, n * sizeof *st);
    t.status = nochmal;
    assert_int_equal(geheimhaltung_anwenden(&t, schwelle, &opt), rc);
    assert_memory_equal(nochmal, st, n * sizeof *st);
    /* idempotent */
    assert_int_equal(geheimhaltung_anwenden(&t, schwelle, &opt), 0);

    free(v);
    free(st);
    free(vorher);
    free(nochmal);
}

static void test_eigenschaft_zufallstabellen(void **state)
{
    (void)state;
    lcg_state = 20240531u;
    for (int k = 0; k < 3000; k++)
        pruefe_zufall(1 + lcg() % 12, 1 + lcg() % 8, (int)(lcg() % 5));
}

/*
 * Lines of any shape: a hierarchy Land = R1 + R2, R1 = K1 + K2, R2 = K3 + K4
 * and, sharing cells, the groups of one area (K1 total = K1 weiblich + K1 männlich).
 * Cells: 0 Land 100, 1 R1 40, 2 R2 60, 3 K1 2, 4 K2 38, 5 K3 30, 6 K4 30,
 *        7 K1w 1, 8 K1m 1.
 * Primary (schwelle 3): K1 (2), K1w (1), K1m (1).
 * Pass 1: line R1 = K1 + K2 has one unpublished (K1) → the best WERT cell of the
 * line: R1 is a total (rank 1), K2 is not (rank 0) → K2 (38) SEKUNDAER.
 * Now R1's line has 2; Land's line (Land, R1, R2) none; R2's none; the K1 group
 * line has 3 (K1, K1w, K1m).  Nothing else: 1 complement.
 */
static void test_linien_hierarchie_und_gruppen(void **state)
{
    (void)state;
    double v[9] = { 100, 40, 60, 2, 38, 30, 30, 1, 1 };
    enum geheimhaltung_status st[9];
    for (int i = 0; i < 9; i++) st[i] = W;
    struct geheimhaltung_tabelle t = { 9, 1, v, st, 0, 0 };
    assert_int_equal(geheimhaltung_primaer(&t, 3, NULL), 3);
    static const size_t land[] = { 0, 1, 2 }, r1[] = { 1, 3, 4 }, r2[] = { 2, 5, 6 }, k1[] = { 3, 7, 8 };
    struct geheimhaltung_linie l[4] = { { land, 3, 0 }, { r1, 3, 0 }, { r2, 3, 0 }, { k1, 3, 0 } };
    assert_int_equal(geheimhaltung_pruefen_linien(st, 9, l, 4), 1);
    assert_int_equal(geheimhaltung_sekundaer_linien(v, st, 9, l, 4), 1);
    assert_int_equal(st[4], S);
    for (int i = 0; i < 9; i++)
        if (i != 3 && i != 4 && i != 7 && i != 8) assert_int_equal(st[i], W);
    assert_int_equal(geheimhaltung_pruefen_linien(st, 9, l, 4), 0);
    /* idempotent */
    assert_int_equal(geheimhaltung_sekundaer_linien(v, st, 9, l, 4), 0);

    /*
     * A cascade up the hierarchy: K2 is small too, so R1 = K1 + K2 is safe, but
     * hide R1 by hand (e.g. delivered as „.“): Land = R1 + R2 has one → the best
     * of Land (total of one line: rank 1) and R2 (total of R2's line: rank 1):
     * equal rank, smallest value → R2 (60 < 100).  R2's line then has one (R2)
     * → K3 (30, the first of equals).
     */
    double v2[9] = { 100, 40, 60, 2, 2, 30, 30, 1, 1 };
    for (int i = 0; i < 9; i++) st[i] = W;
    st[1] = U;
    struct geheimhaltung_tabelle t2 = { 9, 1, v2, st, 0, 0 };
    assert_int_equal(geheimhaltung_primaer(&t2, 3, NULL), 4);    /* K1, K2, K1w, K1m */
    assert_int_equal(geheimhaltung_sekundaer_linien(v2, st, 9, l, 4), 2);
    assert_int_equal(st[2], S);
    assert_int_equal(st[5], S);
    assert_int_equal(st[0], W);
    assert_int_equal(st[6], W);
    assert_int_equal(geheimhaltung_pruefen_linien(st, 9, l, 4), 0);

    /* bad lines are refused and change nothing */
    static const size_t aus[] = { 0, 9 };
    struct geheimhaltung_linie bad = { aus, 2, 0 }, kurz = { land, 1, 0 }, summe = { land, 3, 3 };
    assert_int_equal(geheimhaltung_sekundaer_linien(v, st, 9, &bad, 1), GEHEIMHALTUNG_E_ARGUMENT);
    assert_int_equal(geheimhaltung_sekundaer_linien(v, st, 9, &kurz, 1), GEHEIMHALTUNG_E_ARGUMENT);
    assert_int_equal(geheimhaltung_sekundaer_linien(v, st, 9, &summe, 1), GEHEIMHALTUNG_E_ARGUMENT);
    double neg[9] = { -1, 40, 60, 2, 38, 30, 30, 1, 1 };
    enum geheimhaltung_status alle_w[9] = { W, W, W, W, W, W, W, W, W };
    assert_int_equal(geheimhaltung_sekundaer_linien(neg, alle_w, 9, l, 4), GEHEIMHALTUNG_E_WERT);
    for (int i = 0; i < 9; i++) assert_int_equal(alle_w[i], W);
}

/* The lines of a 2-D table with margins give the same result as geheimhaltung_sekundaer. */
static void test_linien_wie_tabelle(void **state)
{
    (void)state;
    lcg_state = 99u;
    for (int runde = 0; runde < 200; runde++) {
        size_t nr = 2 + lcg() % 5, nc = 2 + lcg() % 5;
        double v[MAXZ];
        enum geheimhaltung_status a[MAXZ], b[MAXZ];
        for (size_t i = 0; i < nr * nc; i++) { v[i] = (double)(lcg() % 8); a[i] = b[i] = W; }
        struct geheimhaltung_tabelle t = { nr, nc, v, a, 1, 1 };
        geheimhaltung_primaer(&t, 3, NULL);
        memcpy(b, a, sizeof a);
        geheimhaltung_sekundaer(&t);
        size_t zellen[2 * 8][8];
        struct geheimhaltung_linie l[16];
        size_t nl = 0;
        for (size_t i = 0; i < nr; i++) {   /* rows, total last */
            for (size_t j = 0; j < nc; j++) zellen[nl][j] = i * nc + j;
            l[nl] = (struct geheimhaltung_linie){ zellen[nl], nc, nc - 1 };
            nl++;
        }
        for (size_t j = 0; j < nc; j++) {
            for (size_t i = 0; i < nr; i++) zellen[nl][i] = i * nc + j;
            l[nl] = (struct geheimhaltung_linie){ zellen[nl], nr, nr - 1 };
            nl++;
        }
        geheimhaltung_sekundaer_linien(v, b, nr * nc, l, nl);
        assert_int_equal(geheimhaltung_pruefen_linien(b, nr * nc, l, nl), 0);
        assert_int_equal(geheimhaltung_pruefen(&t), 0);
        assert_memory_equal(a, b, nr * nc * sizeof a[0]);   /* same greedy choices */
    }
}

/* 400 × 20 cells (399 × 19 + margins), the size of the biggest report tables. */
static void test_grosse_tabelle(void **state)
{
    (void)state;
    lcg_state = 4711u;
    clock_t t0 = clock();
    for (int k = 0; k < 20; k++)
        pruefe_zufall(399, 19, 0);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(s < 5.0);   /* generous: under sanitizers; typically a few ms */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_1d_ein_kleiner_teil),
        cmocka_unit_test(test_2d_zeile_kaskadiert_in_spalte),
        cmocka_unit_test(test_2d_kaskade_ueber_mehrere_durchlaeufe),
        cmocka_unit_test(test_nichts_unter_schwelle),
        cmocka_unit_test(test_schwelle_null_schaltet_ab),
        cmocka_unit_test(test_schwelle_fuenf),
        cmocka_unit_test(test_nullen),
        cmocka_unit_test(test_nur_nullen_daneben_summe_gesperrt),
        cmocka_unit_test(test_summe_gesperrt_kaskadiert),
        cmocka_unit_test(test_eingangssymbol_zaehlt_als_gesperrt),
        cmocka_unit_test(test_nur_nullen_letzter_ausweg),
        cmocka_unit_test(test_gleichstand_deterministisch),
        cmocka_unit_test(test_nur_zeilensummen),
        cmocka_unit_test(test_idempotent),
        cmocka_unit_test(test_anteil_folgt_zaehler_und_nenner),
        cmocka_unit_test(test_anteil_kleiner_nenner),
        cmocka_unit_test(test_anteil_sonderfaelle),
        cmocka_unit_test(test_fehler_lassen_tabelle_unveraendert),
        cmocka_unit_test(test_zeichen_und_legende),
        cmocka_unit_test(test_eigenschaft_zufallstabellen),
        cmocka_unit_test(test_grosse_tabelle),
        cmocka_unit_test(test_linien_hierarchie_und_gruppen),
        cmocka_unit_test(test_linien_wie_tabelle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
