/*
 * test_befragung.c — answers and their evaluation (lib/befragung):
 * pseudonyms, key sources, hand-computed frequencies / multiple-response
 * bases / Likert statistics / cross-tabulations on a small fixture,
 * small-cell suppression, Rücklauf (Wesermarsch: 7 / 5 / 5), validation
 * messages, redaction, free texts, the privacy contract (canaries planted in
 * section-I fields never come out), and the shipped Wesel sample.
 *
 * Fixture tests/fixtures/befragung/klein.csv (10 respondents), by hand:
 *   nr  A.1  A.2 (K J E S)  A.3  A.4 (P L)  A.5  A.7
 *    1   1    1 1 0 0        5    1 0        1    12
 *    2   1    1 0 0 0        4    1 1        1     3
 *    3   2    0 1 1 0        3    -          2     7
 *    4   2    1 1 1 0        5    0 1        1    20
 *    5   3    1 0 0 0        2    -         -9     -
 *    6   3    1 0 0 1 (Senioren) 4  1 0      1     5
 *    7   1    - - - -        5    1 1        2     2
 *    8   2    0 0 1 0       -9    -          1    40
 *    9   1    1 1 0 0        1    -          2     -
 *   10   -    0 1 0 0        4    0 1        1     8
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "lib/befragung.h"
#include "lib/config.h"
#include "lib/csvreader.h"
#include "lib/geheimhaltung.h"

#define KEY "ibericht-test-schluessel-2024"
#define KLEIN_INI "tests/fixtures/befragung/klein.ini"
#define KLEIN_CSV "tests/fixtures/befragung/klein.csv"

static const struct befragung_optionen OHNE = { 1, 0, 0 };

#define W GEHEIMHALTUNG_WERT
#define P GEHEIMHALTUNG_PRIMAER
#define S GEHEIMHALTUNG_SEKUNDAER

static void assert_near(double a, double b)
{
    if (!(fabs(a - b) < 1e-9)) fail_msg("%.12g != %.12g", a, b);
}

static struct fragebogen *laden(const char *ini)
{
    struct fragebogen *fb = NULL;
    assert_int_equal(fragebogen_laden(ini, &fb, NULL), 0);
    return fb;
}

static struct befragung *lesen(const struct fragebogen *fb, const char *csv)
{
    struct befragung *b = befragung_neu(fb, KEY, strlen(KEY));
    assert_non_null(b);
    struct csvreader_error err;
    int rc = befragung_csv_lesen(b, csv, &err);
    if (rc != CSVREADER_OK) fail_msg("%s: %s", csv, err.message);
    return b;
}

static char *pseud(const char *id)
{
    static char buf[4][BEFRAGUNG_PSEUDONYM_GROESSE];
    static int k;
    k = (k + 1) % 4;
    assert_int_equal(befragung_pseudonym_bilden(KEY, strlen(KEY), id, buf[k]), 0);
    return buf[k];
}

/* ---- pseudonyms and key ------------------------------------------------------------- */

static void test_pseudonym(void **state)
{
    (void)state;
    char a[BEFRAGUNG_PSEUDONYM_GROESSE], b[BEFRAGUNG_PSEUDONYM_GROESSE], c[BEFRAGUNG_PSEUDONYM_GROESSE];
    /* reference: printf 'W-001' | openssl dgst -sha256 -hmac 'ibericht-test-schluessel-2024' */
    assert_int_equal(befragung_pseudonym_bilden(KEY, strlen(KEY), "W-001", a), 0);
    assert_string_equal(a, "P-6cc3ec2b5b36abd5");
    assert_int_equal(befragung_pseudonym_bilden(KEY, strlen(KEY), "W-001", b), 0);
    assert_string_equal(a, b);                        /* stable for the same key */
    const char *k2 = "ein-ganz-anderer-schluessel!!";
    assert_int_equal(befragung_pseudonym_bilden(k2, strlen(k2), "W-001", c), 0);
    assert_string_equal(c, "P-ecfa79983e7bf651");     /* another key: unrelated */
    assert_string_not_equal(a, c);
    assert_int_equal(befragung_pseudonym_bilden(KEY, strlen(KEY), "1", b), 0);
    assert_string_equal(b, "P-ee69ad70e5770b9d");
    /* too short a key */
    assert_int_equal(befragung_pseudonym_bilden("kurz", 4, "W-001", c), -1);
    assert_string_equal(c, "");
    struct fragebogen *fb = laden(KLEIN_INI);
    assert_null(befragung_neu(fb, "kurz", 4));
    /* the pseudonyms of a read file follow the key */
    struct befragung *x = lesen(fb, KLEIN_CSV);
    assert_int_equal(befragung_anzahl(x), 10);
    assert_string_equal(befragung_pseudonym(x, 0), pseud("1"));
    assert_string_equal(befragung_pseudonym(x, 9), pseud("10"));
    assert_null(befragung_pseudonym(x, 10));
    struct befragung *y = befragung_neu(fb, k2, strlen(k2));
    struct csvreader_error err;
    assert_int_equal(befragung_csv_lesen(y, KLEIN_CSV, &err), CSVREADER_OK);
    for (size_t i = 0; i < 10; i++) assert_string_not_equal(befragung_pseudonym(x, i), befragung_pseudonym(y, i));
    befragung_free(x);
    befragung_free(y);
    fragebogen_free(fb);
}

static void test_schluessel(void **state)
{
    (void)state;
    char fehler[300];
    size_t len = 0;
    setenv(BEFRAGUNG_SCHLUESSEL_ENV, "0123456789abcdef0123", 1);
    char *k = befragung_schluessel(NULL, &len, fehler, sizeof fehler);
    assert_non_null(k);
    assert_int_equal(len, 20);
    assert_memory_equal(k, "0123456789abcdef0123", 20);
    befragung_schluessel_free(k, len);
    setenv(BEFRAGUNG_SCHLUESSEL_ENV, "zu-kurz", 1);
    assert_null(befragung_schluessel(NULL, &len, fehler, sizeof fehler));
    assert_string_equal(fehler, "Schlüssel für die Pseudonymisierung (Umgebungsvariable "
                                "IBERICHT_PSEUDONYM_SCHLUESSEL) ist kürzer als 16 Bytes");
    unsetenv(BEFRAGUNG_SCHLUESSEL_ENV);
    assert_null(befragung_schluessel(NULL, &len, fehler, sizeof fehler));
    assert_string_equal(fehler, "kein Schlüssel für die Pseudonymisierung: Umgebungsvariable "
                                "IBERICHT_PSEUDONYM_SCHLUESSEL oder [befragung] pseudonym_schluessel_datei setzen");
    /* from the job config: a key file (newline dropped), or the key itself */
    char dir[64], ini[96], keyfile[96];
    snprintf(dir, sizeof dir, "/tmp/befragung-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(ini, sizeof ini, "%s/job.ini", dir);
    snprintf(keyfile, sizeof keyfile, "%s/schluessel", dir);
    FILE *f = fopen(keyfile, "w");
    fputs("geheimer-schluessel-aus-datei\n", f);
    fclose(f);
    f = fopen(ini, "w");
    fprintf(f, "[befragung]\npseudonym_schluessel_datei = %s\npseudonym_schluessel = schluessel-aus-der-ini\n", keyfile);
    fclose(f);
    struct ib_config cfg;
    assert_int_equal(config_load(ini, NULL, &cfg), 0);
    k = befragung_schluessel(&cfg, &len, fehler, sizeof fehler);
    assert_non_null(k);
    assert_int_equal(len, strlen("geheimer-schluessel-aus-datei"));
    assert_memory_equal(k, "geheimer-schluessel-aus-datei", len);
    befragung_schluessel_free(k, len);
    /* the environment wins over the config */
    setenv(BEFRAGUNG_SCHLUESSEL_ENV, "schluessel-aus-der-umgebung", 1);
    k = befragung_schluessel(&cfg, &len, fehler, sizeof fehler);
    assert_memory_equal(k, "schluessel-aus-der-umgebung", len);
    befragung_schluessel_free(k, len);
    unsetenv(BEFRAGUNG_SCHLUESSEL_ENV);
    config_free(&cfg);
    f = fopen(ini, "w");
    fprintf(f, "[befragung]\npseudonym_schluessel = schluessel-aus-der-ini\n");
    fclose(f);
    assert_int_equal(config_load(ini, NULL, &cfg), 0);
    k = befragung_schluessel(&cfg, &len, fehler, sizeof fehler);
    assert_memory_equal(k, "schluessel-aus-der-ini", len);
    befragung_schluessel_free(k, len);
    config_free(&cfg);
    unlink(ini);
    unlink(keyfile);
    rmdir(dir);
}

/* ---- hand-computed evaluation ------------------------------------------------------- */

static void test_haeufigkeit_single_multi(void **state)
{
    (void)state;
    struct fragebogen *fb = laden(KLEIN_INI);
    struct befragung *b = lesen(fb, KLEIN_CSV);
    struct befragung_meldungen m;
    assert_int_equal(befragung_pruefen(b, &m), 0);
    befragung_meldungen_free(&m);
    struct befragung_haeufigkeit h;

    /* A.1 single: Verein 1,2,7,9 = 4; Schule 3,4,8 = 3; Kita 5,6 = 2; nr 10 missing */
    assert_int_equal(befragung_haeufigkeit(b, "A.1", &OHNE, &h), BEFRAGUNG_OK);
    assert_int_equal(h.befragte, 10);
    assert_int_equal(h.gefragt, 10);
    assert_int_equal(h.nicht_gefragt, 0);
    assert_int_equal(h.fehlend, 1);
    assert_int_equal(h.ungueltig, 0);
    assert_near(h.gesamt.anzahl, 9);
    assert_near(h.gesamt.anteil, 100);
    assert_int_equal(h.noptionen, 3);
    assert_near(h.optionen[0].anzahl, 4);
    assert_near(h.optionen[1].anzahl, 3);
    assert_near(h.optionen[2].anzahl, 2);
    assert_near(h.optionen[0].anteil, 400.0 / 9);
    assert_near(h.optionen[1].anteil, 300.0 / 9);
    assert_near(h.optionen[2].anteil, 200.0 / 9);
    assert_null(h.anteil_nennungen);
    assert_true(isnan(h.median) && isnan(h.mittelwert));
    befragung_haeufigkeit_free(&h);

    /* A.2 multi: answered by all but nr 7 (n = 9); Kinder 6, Jugendliche 5,
     * Erwachsene 3, Sonstige 1 → 15 ticks.  Share of respondents x/9 (sum
     * 166,7 %), share of answers x/15 (sum 100 %). */
    assert_int_equal(befragung_haeufigkeit(b, "A.2", &OHNE, &h), BEFRAGUNG_OK);
    assert_near(h.gesamt.anzahl, 9);
    assert_int_equal(h.fehlend, 1);
    assert_near(h.nennungen.anzahl, 15);
    static const double k2[] = { 6, 5, 3, 1 };
    double sum_r = 0, sum_n = 0;
    for (int o = 0; o < 4; o++) {
        assert_near(h.optionen[o].anzahl, k2[o]);
        assert_near(h.optionen[o].anteil, k2[o] * 100 / 9);
        assert_near(h.anteil_nennungen[o].anzahl, k2[o]);
        assert_near(h.anteil_nennungen[o].anteil, k2[o] * 100 / 15);
        sum_r += h.optionen[o].anteil;
        sum_n += h.anteil_nennungen[o].anteil;
    }
    assert_near(sum_r, 1500.0 / 9);
    assert_near(sum_n, 100);
    befragung_haeufigkeit_free(&h);

    /* A.4 multi, filter „A.3 in zufrieden, sehr zufrieden“: asked 1,2,4,6,7,10;
     * not asked 3,5,9 (A.3 below 4) and 8 (A.3 missing).  Personal 4 (1,2,6,7),
     * Lage 4 (2,4,7,10). */
    assert_int_equal(befragung_haeufigkeit(b, "A.4", &OHNE, &h), BEFRAGUNG_OK);
    assert_int_equal(h.gefragt, 6);
    assert_int_equal(h.nicht_gefragt, 4);
    assert_int_equal(h.fehlend, 0);
    assert_near(h.gesamt.anzahl, 6);
    assert_near(h.optionen[0].anzahl, 4);
    assert_near(h.optionen[1].anzahl, 4);
    assert_near(h.optionen[0].anteil, 400.0 / 6);
    assert_near(h.anteil_nennungen[1].anteil, 50);
    befragung_haeufigkeit_free(&h);

    /* A.5 janein: Ja 1,2,4,6,8,10 = 6, Nein 3,7,9 = 3, nr 5 „-9“ = missing */
    assert_int_equal(befragung_haeufigkeit(b, "A.5", &OHNE, &h), BEFRAGUNG_OK);
    assert_near(h.optionen[0].anzahl, 6);
    assert_near(h.optionen[1].anzahl, 3);
    assert_int_equal(h.fehlend, 1);
    befragung_haeufigkeit_free(&h);

    /* A.6 text: 3 answers, 7 missing; no options */
    assert_int_equal(befragung_haeufigkeit(b, "A.6", &OHNE, &h), BEFRAGUNG_OK);
    assert_near(h.gesamt.anzahl, 3);
    assert_int_equal(h.fehlend, 7);
    assert_int_equal(h.noptionen, 0);
    befragung_haeufigkeit_free(&h);

    /* A.7 zahl: 12 3 7 20 5 2 40 8 → median (7 + 8) / 2, mean 97 / 8 */
    assert_int_equal(befragung_haeufigkeit(b, "A.7", &OHNE, &h), BEFRAGUNG_OK);
    assert_near(h.gesamt.anzahl, 8);
    assert_near(h.median, 7.5);
    assert_near(h.mittelwert, 12.125);
    assert_true(fabs(h.standardabweichung - 12.642756254641855) < 1e-9);
    befragung_haeufigkeit_free(&h);

    assert_int_equal(befragung_haeufigkeit(b, "X.9", &OHNE, &h), BEFRAGUNG_E_FRAGE);
    befragung_free(b);
    fragebogen_free(fb);
}

static void test_likert(void **state)
{
    (void)state;
    struct fragebogen *fb = laden(KLEIN_INI);
    struct befragung *b = lesen(fb, KLEIN_CSV);
    struct befragung_haeufigkeit h;
    /* A.3: 5 4 3 5 2 4 5 (-9) 1 4 → sorted 1 2 3 4 4 4 5 5 5, n = 9,
     * median 4 (5th value), mean 33/9, s² = 16/8 → s = √2, top-2 (4 + 5) = 6 */
    assert_int_equal(befragung_haeufigkeit(b, "A.3", &OHNE, &h), BEFRAGUNG_OK);
    assert_near(h.gesamt.anzahl, 9);
    assert_int_equal(h.fehlend, 1);
    static const double v[] = { 1, 1, 1, 3, 3 };
    for (int i = 0; i < 5; i++) assert_near(h.optionen[i].anzahl, v[i]);
    assert_near(h.median, 4);
    assert_near(h.mittelwert, 33.0 / 9);
    assert_true(fabs(h.standardabweichung - sqrt(2.0)) < 1e-12);
    assert_near(h.top2.anzahl, 6);
    assert_near(h.top2.anteil, 600.0 / 9);
    assert_int_equal(h.median_status, W);
    assert_int_equal(h.mittelwert_status, W);
    befragung_haeufigkeit_free(&h);
    befragung_free(b);
    fragebogen_free(fb);

    /* the same scale, not interval-like: no mean („x“ Tabellenfach gesperrt) */
    fb = laden(KLEIN_INI);
    for (int i = 0; i < fb->nfragen; i++)
        if (strcmp(fb->fragen[i].code, "A.3") == 0) fb->fragen[i].intervall = 0;
    b = lesen(fb, KLEIN_CSV);
    assert_int_equal(befragung_haeufigkeit(b, "A.3", &OHNE, &h), BEFRAGUNG_OK);
    assert_near(h.median, 4);
    assert_true(isnan(h.mittelwert) && isnan(h.standardabweichung));
    assert_int_equal(h.mittelwert_status, GEHEIMHALTUNG_GESPERRT);
    befragung_haeufigkeit_free(&h);
    befragung_free(b);
    fragebogen_free(fb);
}

/* cell (i, j) of a cross-tab */
#define KZ(k, i, j) ((k).zellen[(size_t)(i) * (size_t)(k).nspalten + (size_t)(j)])

static void test_kreuztabelle(void **state)
{
    (void)state;
    struct fragebogen *fb = laden(KLEIN_INI);
    struct befragung *b = lesen(fb, KLEIN_CSV);
    struct befragung_kreuztabelle k;

    /* A.3 (rows) × A.1 (columns): respondents with both = 1–7, 9 (8 lacks A.3, 10 A.1)
     *            Verein Schule Kita | Gesamt
     *   1         1      0      0   |  1       (9)
     *   2         0      0      1   |  1       (5)
     *   3         0      1      0   |  1       (3)
     *   4         1      0      1   |  2       (2, 6)
     *   5         2      1      0   |  3       (1, 7 | 4)
     *   Gesamt    4      2      2   |  8                                   */
    assert_int_equal(befragung_kreuztabelle(b, "A.3", "A.1", &OHNE, &k), BEFRAGUNG_OK);
    assert_int_equal(k.nzeilen, 6);
    assert_int_equal(k.nspalten, 4);
    static const double e[6][4] = { { 1, 0, 0, 1 }, { 0, 0, 1, 1 }, { 0, 1, 0, 1 },
                                    { 1, 0, 1, 2 }, { 2, 1, 0, 3 }, { 4, 2, 2, 8 } };
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 4; j++) {
            assert_near(KZ(k, i, j).anzahl, e[i][j]);
            assert_near(KZ(k, i, j).anteil, e[i][j] * 100 / e[5][j]);   /* column percent */
        }
    assert_true(k.zeilensummen_additiv);
    assert_true(k.spaltensummen_additiv);
    befragung_kreuztabelle_free(&k);

    /* A.2 (multi rows) × A.1: respondents with both = 1–6, 8, 9
     *   Verein (1: K J, 2: K, 9: K J)   Schule (3: J E, 4: K J E, 8: E)   Kita (5: K, 6: K S)
     *            Verein Schule Kita | Gesamt
     *   Kinder     3      1     2   |  6
     *   Jugendl.   2      2     0   |  4
     *   Erwachs.   0      3     0   |  3
     *   Sonstige   0      0     1   |  1
     *   Gesamt     3      3     2   |  8      ← respondents, not the sum of the column */
    assert_int_equal(befragung_kreuztabelle(b, "A.2", "A.1", &OHNE, &k), BEFRAGUNG_OK);
    static const double f[5][4] = { { 3, 1, 2, 6 }, { 2, 2, 0, 4 }, { 0, 3, 0, 3 }, { 0, 0, 1, 1 }, { 3, 3, 2, 8 } };
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 4; j++) {
            assert_near(KZ(k, i, j).anzahl, f[i][j]);
            assert_near(KZ(k, i, j).anteil, f[i][j] * 100 / f[4][j]);
        }
    assert_true(k.zeilensummen_additiv);      /* A.1 single: a row adds up to its total */
    assert_false(k.spaltensummen_additiv);    /* A.2 multi: 3 + 2 ≠ 3 */
    befragung_kreuztabelle_free(&k);

    /* by a multi variable: A.1 × A.2 — rows add up no more */
    assert_int_equal(befragung_kreuztabelle(b, "A.1", "A.2", &OHNE, &k), BEFRAGUNG_OK);
    assert_false(k.zeilensummen_additiv);
    assert_true(k.spaltensummen_additiv);
    assert_near(KZ(k, 0, 0).anzahl, 3);       /* Verein × Kinder */
    assert_near(KZ(k, 3, 4).anzahl, 8);
    befragung_kreuztabelle_free(&k);

    assert_int_equal(befragung_kreuztabelle(b, "A.6", "A.1", &OHNE, &k), BEFRAGUNG_E_TYP);
    assert_int_equal(befragung_kreuztabelle(b, "A.1", "A.1", &OHNE, &k), BEFRAGUNG_E_TYP);
    assert_int_equal(befragung_kreuztabelle(b, "A.1", "Z.1", &OHNE, &k), BEFRAGUNG_E_FRAGE);
    befragung_free(b);
    fragebogen_free(fb);
}

/* ---- small cells -------------------------------------------------------------------- */

static void test_geheimhaltung(void **state)
{
    (void)state;
    struct fragebogen *fb = laden(KLEIN_INI);
    struct befragung *b = lesen(fb, KLEIN_CSV);
    struct befragung_haeufigkeit h;
    char buf[32];

    /* A.1: 4 3 2 | 9 → 2 < 3 primary; the line needs a second cell: the
     * smallest other non-zero part, 3 → secondary.  Shares follow. */
    assert_int_equal(befragung_haeufigkeit(b, "A.1", NULL, &h), BEFRAGUNG_OK);
    assert_int_equal(h.optionen[0].status, W);
    assert_int_equal(h.optionen[1].status, S);
    assert_int_equal(h.optionen[2].status, P);
    assert_int_equal(h.gesamt.status, W);
    assert_near(h.optionen[0].anzahl, 4);
    assert_true(isnan(h.optionen[1].anzahl) && isnan(h.optionen[2].anzahl));
    assert_true(isnan(h.optionen[1].anteil) && isnan(h.optionen[2].anteil));
    assert_int_equal(h.optionen[1].anteil_status, S);
    assert_int_equal(h.optionen[2].anteil_status, P);
    assert_string_equal(befragung_zelle_text(&h.optionen[0], buf, sizeof buf), "4");
    assert_string_equal(befragung_zelle_text(&h.optionen[2], buf, sizeof buf), ".");
    assert_string_equal(befragung_anteil_text(&h.optionen[0], 1, buf, sizeof buf), "44,4");
    assert_string_equal(befragung_anteil_text(&h.optionen[1], 1, buf, sizeof buf), ".");
    assert_string_equal(befragung_zelle_text(&h.gesamt, buf, sizeof buf), "9");
    assert_int_equal(h.fehlend, 1);
    befragung_haeufigkeit_free(&h);

    /* A.2 multi: the line is the ticks 6 5 3 1 | 15: 1 primary, 3 secondary;
     * n = 9 alone. */
    assert_int_equal(befragung_haeufigkeit(b, "A.2", NULL, &h), BEFRAGUNG_OK);
    assert_int_equal(h.optionen[0].status, W);
    assert_int_equal(h.optionen[1].status, W);
    assert_int_equal(h.optionen[2].status, S);
    assert_int_equal(h.optionen[3].status, P);
    assert_int_equal(h.nennungen.status, W);
    assert_near(h.gesamt.anzahl, 9);
    assert_int_equal(h.anteil_nennungen[3].anteil_status, P);
    assert_int_equal(h.anteil_nennungen[2].anteil_status, S);
    assert_near(h.anteil_nennungen[0].anteil, 40);
    befragung_haeufigkeit_free(&h);

    /* A.3: 1 1 1 3 3 | 9 → the three 1s primary (three hidden cells: no
     * complement needed).  Median stays, the mean would give the hidden
     * cells back (n, mean and the 3s known) → secondary; top-2 = 3 + 3
     * holds no hidden cell → published. */
    assert_int_equal(befragung_haeufigkeit(b, "A.3", NULL, &h), BEFRAGUNG_OK);
    for (int i = 0; i < 3; i++) assert_int_equal(h.optionen[i].status, P);
    assert_int_equal(h.optionen[3].status, W);
    assert_int_equal(h.optionen[4].status, W);
    assert_near(h.median, 4);
    assert_int_equal(h.mittelwert_status, S);
    assert_true(isnan(h.mittelwert) && isnan(h.standardabweichung));
    assert_int_equal(h.top2.status, W);
    assert_near(h.top2.anzahl, 6);
    befragung_haeufigkeit_free(&h);

    /* another threshold: with 2 only the 1s are small */
    struct befragung_optionen o2 = { 0, 2, 0 };
    assert_int_equal(befragung_haeufigkeit(b, "A.1", &o2, &h), BEFRAGUNG_OK);
    for (int i = 0; i < 3; i++) assert_int_equal(h.optionen[i].status, W);
    befragung_haeufigkeit_free(&h);

    /* cross-tab A.3 × A.1: every count 1 or 2 hidden, no line with exactly
     * one hidden cell, hidden numbers are NAN */
    struct befragung_kreuztabelle roh, k;
    assert_int_equal(befragung_kreuztabelle(b, "A.3", "A.1", &OHNE, &roh), BEFRAGUNG_OK);
    assert_int_equal(befragung_kreuztabelle(b, "A.3", "A.1", NULL, &k), BEFRAGUNG_OK);
    size_t nz = (size_t)k.nzeilen * (size_t)k.nspalten;
    double v[64];
    enum geheimhaltung_status st[64];
    int versteckt = 0;
    for (size_t x = 0; x < nz; x++) {
        double n = roh.zellen[x].anzahl;
        if (n > 0 && n < 3) assert_int_not_equal(k.zellen[x].status, W);
        if (k.zellen[x].status != W) {
            assert_true(isnan(k.zellen[x].anzahl));
            assert_int_not_equal(k.zellen[x].anteil_status, W);
            versteckt++;
        } else {
            assert_near(k.zellen[x].anzahl, n);
        }
        v[x] = n;
        st[x] = k.zellen[x].status;
    }
    assert_true(versteckt > 0);
    struct geheimhaltung_tabelle t = { (size_t)k.nzeilen, (size_t)k.nspalten, v, st, 1, 1 };
    assert_int_equal(geheimhaltung_pruefen(&t), 0);
    befragung_kreuztabelle_free(&roh);
    befragung_kreuztabelle_free(&k);
    befragung_free(b);

    /* a question with n = 2: n itself is secret, and so are the base counts
     * that would give it back */
    b = befragung_neu(fb, KEY, strlen(KEY));
    const char *kopf[] = { "nr", "A.1", "A.3" };
    befragung_kopf(b, kopf, 3);
    const char *r1[] = { "1", "1", "4" }, *r2[] = { "2", "2", "5" }, *r3[] = { "3", "", "4" };
    befragung_zeile(b, r1, 3, 2);
    befragung_zeile(b, r2, 3, 3);
    befragung_zeile(b, r3, 3, 4);
    assert_int_equal(befragung_haeufigkeit(b, "A.1", NULL, &h), BEFRAGUNG_OK);
    assert_int_equal(h.gesamt.status, P);
    assert_true(isnan(h.gesamt.anzahl));
    assert_int_equal(h.befragte, 3);
    assert_int_equal(h.gefragt, -1);
    assert_int_equal(h.fehlend, -1);
    assert_int_equal(h.ungueltig, -1);
    befragung_haeufigkeit_free(&h);
    assert_int_equal(befragung_haeufigkeit(b, "A.3", NULL, &h), BEFRAGUNG_OK);
    assert_int_equal(h.gesamt.status, W);             /* n = 3 */
    assert_int_equal(h.optionen[3].status, P);        /* 2 × „zufrieden“ */
    assert_int_equal(h.optionen[4].status, P);
    assert_int_equal(h.top2.status, W);               /* 3: the two hidden cells are the top steps */
    assert_int_equal(h.median_status, W);
    befragung_haeufigkeit_free(&h);
    befragung_free(b);
    fragebogen_free(fb);
}

/* ---- Rücklauf ----------------------------------------------------------------------- */

static void test_ruecklauf(void **state)
{
    (void)state;
    char satz[200];
    struct befragung_ruecklauf r;
    /* the shipped config knows only the number asked (17) */
    struct fragebogen *fb = laden("config/befragung/wesermarsch_verwaltung.ini");
    struct befragung *b = lesen(fb, "tests/fixtures/befragung/wesermarsch_rueckmeldungen.csv");
    assert_int_equal(befragung_anzahl(b), 13);    /* the empty last row is skipped */
    assert_int_equal(befragung_ruecklauf(b, &r), BEFRAGUNG_OK);
    assert_int_equal(r.befragt, 17);
    assert_int_equal(r.geantwortet, 7);
    assert_int_equal(r.fehlanzeige, 5);
    assert_int_equal(r.ohne_rueckmeldung, 5);
    assert_int_equal(r.unbekannt, 0);
    assert_near(r.quote, 700.0 / 17);
    assert_near(r.quote_mit_fehlanzeigen, 1200.0 / 17);
    assert_int_equal(r.neinheiten, 0);
    assert_string_equal(befragung_ruecklauf_satz(&r, satz, sizeof satz),
                        "7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne Rückmeldung");
    befragung_ruecklauf_free(&r);
    /* Fachdienst 03 replied twice (answer, then Fehlanzeige): counted once, as answered */
    struct befragung_meldungen m;
    assert_int_equal(befragung_pruefen(b, &m), 1);
    assert_int_equal(m.m[0].art, BM_DOPPELTE_ID);
    char erwartet[300];
    snprintf(erwartet, sizeof erwartet, "%s: ID doppelt (zuerst Zeile 4; beide Zeilen werden ausgewertet)",
             pseud("Fachdienst 03"));
    assert_string_equal(m.m[0].text, erwartet);
    assert_int_equal(m.m[0].zeile, 14);
    befragung_meldungen_free(&m);
    befragung_free(b);
    fragebogen_free(fb);

    /* with the list of those asked: the status of each */
    fb = laden("tests/fixtures/befragung/ruecklauf_liste.ini");
    b = lesen(fb, "tests/fixtures/befragung/wesermarsch_rueckmeldungen.csv");
    assert_int_equal(befragung_ruecklauf(b, &r), BEFRAGUNG_OK);
    assert_int_equal(r.befragt, 17);
    assert_int_equal(r.geantwortet, 7);
    assert_int_equal(r.fehlanzeige, 5);
    assert_int_equal(r.ohne_rueckmeldung, 5);
    assert_int_equal(r.neinheiten, 17);
    for (int i = 0; i < 17; i++) {
        char name[32];
        snprintf(name, sizeof name, "Fachdienst %02d", i + 1);
        assert_string_equal(r.einheiten[i].name, name);
        assert_int_equal(r.einheiten[i].status, i < 7 ? RUECKMELDUNG_ANTWORT
                                                : i < 12 ? RUECKMELDUNG_FEHLANZEIGE : RUECKMELDUNG_KEINE);
    }
    befragung_ruecklauf_free(&r);
    /* a reply from a unit not asked: reported, not counted */
    const char *kopf[] = { "Fachdienst", "A2.1" };
    const char *z[] = { "Fachdienst 99", "Antwort" };
    befragung_kopf(b, kopf, 2);
    assert_int_equal(befragung_zeile(b, z, 2, 20), 1);
    assert_int_equal(befragung_ruecklauf(b, &r), BEFRAGUNG_OK);
    assert_int_equal(r.unbekannt, 1);
    assert_int_equal(r.geantwortet, 7);
    assert_string_equal(befragung_ruecklauf_satz(&r, satz, sizeof satz),
                        "7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne Rückmeldung");
    befragung_ruecklauf_free(&r);
    size_t nm = befragung_pruefen(b, &m);
    snprintf(erwartet, sizeof erwartet, "%s: „Fachdienst 99“ steht nicht in der Liste der Befragten "
             "([ruecklauf] befragt1 …)", pseud("Fachdienst 99"));
    assert_string_equal(m.m[nm - 1].text, erwartet);
    befragung_meldungen_free(&m);
    befragung_free(b);
    fragebogen_free(fb);

    /* no [ruecklauf]: error */
    fb = laden(KLEIN_INI);
    b = lesen(fb, KLEIN_CSV);
    assert_int_equal(befragung_ruecklauf(b, &r), BEFRAGUNG_E_RUECKLAUF);
    befragung_free(b);
    fragebogen_free(fb);
}

/* ---- validation --------------------------------------------------------------------- */

/* a row from "column=value" pairs (NULL-terminated), in the columns of kopf */
static int zeile(struct befragung *b, const char *const *kopf, int n, long nr, ...)
{
    const char *f[32];
    for (int j = 0; j < n; j++) f[j] = "";
    va_list ap;
    va_start(ap, nr);
    const char *kv;
    while ((kv = va_arg(ap, const char *)) != NULL) {
        const char *eq = strchr(kv, '=');
        int found = 0;
        for (int j = 0; j < n; j++)
            if (strlen(kopf[j]) == (size_t)(eq - kv) && strncmp(kopf[j], kv, (size_t)(eq - kv)) == 0) {
                f[j] = eq + 1;
                found = 1;
            }
        if (!found) fail_msg("Spalte von %s fehlt", kv);
    }
    va_end(ap);
    return befragung_zeile(b, f, n, nr);
}

static const char *const PKOPF[] = { "nr", "P.1", "P.2", "P.3", "P.4", "P.5", "A.1", "A.2.1", "A.2.2", "A.2.3",
                                     "A.2.4", "A.2.4_text", "A.3", "A.4.1", "A.4.2", "A.5", "A.7", "bemerkung" };
#define NPKOPF 18

static void test_pruefen(void **state)
{
    (void)state;
    struct fragebogen *fb = laden(KLEIN_INI);
    struct befragung *b = befragung_neu(fb, KEY, strlen(KEY));
    assert_int_equal(zeile(b, PKOPF, NPKOPF, 2, "nr=0", NULL), BEFRAGUNG_E_KOPF);
    /* header without A.6, with an extra column */
    befragung_kopf(b, PKOPF, NPKOPF);
    assert_int_equal(zeile(b, PKOPF, NPKOPF, 2, "nr=101", "A.1=1,2", "A.3=7", "A.4.1=1", NULL), 1);
    assert_int_equal(zeile(b, PKOPF, NPKOPF, 3, "nr=102", "A.1=4", "A.2.1=x", "A.2.2=1", "A.3=2", "A.4.2=1",
                           "A.5=vielleicht", "A.7=viele", NULL), 1);
    assert_int_equal(zeile(b, PKOPF, NPKOPF, 4, "nr=103", "P.5=CANARY-CODE", "A.2.1=1", "A.2.4=0",
                           "A.2.4_text=Senioren", "A.3=Sehr zufrieden", "A.7=2,5", NULL), 1);
    assert_int_equal(zeile(b, PKOPF, NPKOPF, 5, "A.1=2", NULL), 1);
    assert_int_equal(zeile(b, PKOPF, NPKOPF, 6, NULL), 0);      /* empty row: skipped */
    assert_int_equal(befragung_anzahl(b), 4);

    const char *p1 = pseud("101"), *p2 = pseud("102"), *p3 = pseud("103"), *p5 = pseud("Zeile 5");
    char e[14][300];
    snprintf(e[0], 300, "Spalte „bemerkung“ gehört zu keiner Frage (ignoriert)");
    snprintf(e[1], 300, "Frage A.6: Spalte „A.6“ fehlt (gilt bei allen als nicht beantwortet)");
    snprintf(e[2], 300, "%s: ID fehlt, ersetzt durch „Zeile 5“", p5);
    snprintf(e[3], 300, "%s, Frage A.1: 2 Antworten „1,2“ bei Einfachauswahl", p1);
    snprintf(e[4], 300, "%s, Frage A.3: Wert „7“ außerhalb der Skala 1–5", p1);
    snprintf(e[5], 300, "%s, Frage A.4: beantwortet, obwohl der Filter „A.3 in zufrieden, sehr zufrieden“ "
             "sie ausschließt (A.3: ungültig)", p1);
    snprintf(e[6], 300, "%s, Frage A.1: unbekannter Code „4“ (Codes: 1, 2, 3)", p2);
    snprintf(e[7], 300, "%s, Frage A.2, Spalte A.2.1: „x“ ist weder 0 noch 1", p2);
    snprintf(e[8], 300, "%s, Frage A.4: beantwortet, obwohl der Filter „A.3 in zufrieden, sehr zufrieden“ "
             "sie ausschließt (A.3: unzufrieden)", p2);
    snprintf(e[9], 300, "%s, Frage A.5: unbekannter Code „vielleicht“ (Codes: 1, 2)", p2);
    snprintf(e[10], 300, "%s, Frage A.7: „viele“ ist keine Zahl", p2);
    snprintf(e[11], 300, "%s, Frage P.5: unbekannter Code „[personenbezogen]“ (Codes: 1, 2, 3)", p3);
    snprintf(e[12], 300, "%s, Frage A.2, Spalte A.2.4_text: Freitext, aber Option 4 („Sonstige, und zwar“) "
             "nicht gewählt (ignoriert)", p3);
    snprintf(e[13], 300, "%s, Frage A.7: „2,5“ außerhalb des Bereichs 0–500 (ganze Zahlen)", p3);
    static const enum befragung_meldungsart art[14] = {
        BM_UNBEKANNTE_SPALTE, BM_FEHLENDE_SPALTE, BM_OHNE_ID, BM_MEHRERE_ANTWORTEN, BM_AUSSERHALB_SKALA,
        BM_TROTZ_FILTER, BM_UNBEKANNTER_CODE, BM_KEIN_0_1, BM_TROTZ_FILTER, BM_UNBEKANNTER_CODE, BM_KEINE_ZAHL,
        BM_UNBEKANNTER_CODE, BM_FREITEXT_OHNE_OPTION, BM_AUSSERHALB_BEREICH };
    struct befragung_meldungen m;
    size_t n = befragung_pruefen(b, &m);
    for (size_t i = 0; i < n && i < 14; i++) {
        assert_string_equal(m.m[i].text, e[i]);
        assert_int_equal(m.m[i].art, art[i]);
    }
    assert_int_equal(n, 14);
    /* structured fields */
    assert_string_equal(m.m[5].befragter, p1);
    assert_string_equal(m.m[5].frage, "A.4");
    assert_int_equal(m.m[5].zeile, 2);
    assert_int_equal(m.m[5].schwere, DIAG_ERROR);
    assert_int_equal(m.m[12].schwere, DIAG_WARNING);
    assert_string_equal(m.m[0].befragter, "");
    assert_string_equal(m.m[1].frage, "A.6");
    befragung_meldungen_free(&m);

    /* invalid values and answers against the filter stay out of the evaluation */
    struct befragung_haeufigkeit h;
    assert_int_equal(befragung_haeufigkeit(b, "A.1", &OHNE, &h), BEFRAGUNG_OK);
    assert_near(h.gesamt.anzahl, 1);
    assert_int_equal(h.ungueltig, 2);
    assert_int_equal(h.fehlend, 1);
    befragung_haeufigkeit_free(&h);
    assert_int_equal(befragung_haeufigkeit(b, "A.4", &OHNE, &h), BEFRAGUNG_OK);
    assert_int_equal(h.nicht_gefragt, 3);     /* 101 (A.3 invalid), 102 (unzufrieden), Zeile 5 (no A.3) */
    assert_int_equal(h.gefragt, 1);           /* 103: „Sehr zufrieden“ as text is step 5 */
    assert_int_equal(h.fehlend, 1);
    assert_near(h.gesamt.anzahl, 0);
    assert_int_equal(h.optionen[0].anteil_status, GEHEIMHALTUNG_GESPERRT);   /* base 0 */
    befragung_haeufigkeit_free(&h);
    assert_int_equal(befragung_haeufigkeit(b, "A.2", &OHNE, &h), BEFRAGUNG_OK);
    assert_int_equal(h.ungueltig, 1);         /* 102: „x“ makes the whole question invalid */
    assert_near(h.gesamt.anzahl, 1);          /* 103 */
    assert_near(h.optionen[3].anzahl, 0);     /* its text without the tick does not count */
    befragung_haeufigkeit_free(&h);
    befragung_free(b);
    fragebogen_free(fb);
}

/* ---- redaction and free texts ------------------------------------------------------- */

static void schwaerzt(const struct befragung_schwaerzung *s, const char *ein, const char *aus)
{
    char *t = befragung_schwaerzen(s, ein);
    assert_string_equal(t, aus);
    free(t);
}

static void test_schwaerzen(void **state)
{
    (void)state;
    const char *namen[] = { "Erika Mustermann", "Mustermann", "Müller", "Kita (Nord)", "Al" };
    struct befragung_schwaerzung *s = befragung_schwaerzung_neu(namen, 5);
    schwaerzt(s, "Mail an max.muster@example.org bitte", "Mail an [E-Mail] bitte");
    schwaerzt(s, "Kontakt: erika (at) beispiel.example.", "Kontakt: [E-Mail].");
    schwaerzt(s, "an „jörg.öztürk@beispiel.example“", "an „[E-Mail]“");   /* umlauts, also in the C locale */
    schwaerzt(s, "Tel. 0281 203-1234, Fax (0281) 20 31 23", "Tel. [Telefon], Fax [Telefon]");
    schwaerzt(s, "mobil 0170/1234567 oder +49 (0)281 2031234!", "mobil [Telefon] oder [Telefon]!");
    schwaerzt(s, "Tel.0281123456", "Tel.[Telefon]");
    schwaerzt(s, "Wir sind unter 01234 5678-001 erreichbar", "Wir sind unter [Telefon] erreichbar");
    /* numbers that are no telephone numbers */
    const char *kein = "Am 01.02.2024 kamen 12.500 Besucher (2024-01-15), Kosten 0,50 €, PLZ 46483, Az. 0815/12";
    schwaerzt(s, kein, kein);
    /* names: whole words, any case, ä/ö/ü in both cases, blanks as any blank */
    schwaerzt(s, "Frau Mustermann und ERIKA  MUSTERMANN sowie MÜLLER, Müllers und Müllerstraße",
              "Frau [Name] und [Name] sowie [Name], Müllers und Müllerstraße");
    schwaerzt(s, "„Müller“ – und Müller-Lüdenscheidt", "„[Name]“ – und [Name]-Lüdenscheidt");
    schwaerzt(s, "in der Kita (Nord) und der Kita Nord", "in der [Name] und der Kita Nord");
    schwaerzt(s, "Al und Alles", "Al und Alles");   /* names under 3 bytes are ignored */
    schwaerzt(s, "", "");
    befragung_schwaerzung_free(s);
    s = befragung_schwaerzung_neu(NULL, 0);
    schwaerzt(s, "Herr Mustermann, a@b.example", "Herr Mustermann, [E-Mail]");
    befragung_schwaerzung_free(s);
}

static void test_freitexte(void **state)
{
    (void)state;
    struct fragebogen *fb = laden(KLEIN_INI);
    struct befragung *b = lesen(fb, KLEIN_CSV);
    struct befragung_freitexte t;
    /* A.6: nr 4 names nr 1's contact person, institution and telephone; nr 6 an e-mail */
    assert_int_equal(befragung_freitexte(b, "A.6", NULL, &t), BEFRAGUNG_OK);
    assert_int_equal(t.n, 3);
    assert_null(t.option);
    assert_string_equal(t.texte[0], "Alles gut, danke.");
    assert_string_equal(t.texte[1], "Frau [Name] vom [Name] ist unter [Telefon] erreichbar.");
    assert_string_equal(t.texte[2], "Mehr Austausch, gern per Mail an [E-Mail]");
    befragung_freitexte_free(&t);
    /* the text of „Sonstige, und zwar“ */
    assert_int_equal(befragung_freitexte(b, "A.2", "4", &t), BEFRAGUNG_OK);
    assert_int_equal(t.n, 1);
    assert_string_equal(t.option->text, "Sonstige, und zwar");
    assert_string_equal(t.texte[0], "Senioren");
    befragung_freitexte_free(&t);
    assert_int_equal(befragung_freitexte(b, "A.2", "Sonstige, und zwar", &t), BEFRAGUNG_OK);
    befragung_freitexte_free(&t);
    assert_int_equal(befragung_freitexte(b, "A.2", "1", &t), BEFRAGUNG_E_FRAGE);   /* no free text */
    assert_int_equal(befragung_freitexte(b, "A.1", NULL, &t), BEFRAGUNG_E_TYP);
    assert_int_equal(befragung_freitexte(b, "A.6", "1", &t), BEFRAGUNG_E_TYP);
    assert_int_equal(befragung_freitexte(b, "P.2", NULL, &t), BEFRAGUNG_E_PERSONENBEZOGEN);
    assert_int_equal(t.n, 0);
    assert_null(t.texte);
    befragung_free(b);
    fragebogen_free(fb);
}

/* ---- privacy: canaries -------------------------------------------------------------- */

static const char *const KANARIEN[] = { "CANARY", "Kanari", "Zwitscher", "9988776", "kanarie@" };

struct ausgabe { char *s; size_t n, cap; };

static void aus(struct ausgabe *a, const char *s)
{
    if (!s) return;
    size_t l = strlen(s);
    if (a->n + l + 2 > a->cap) {
        a->cap = (a->n + l + 2) * 2;
        a->s = realloc(a->s, a->cap);
    }
    memcpy(a->s + a->n, s, l);
    a->n += l;
    a->s[a->n++] = '\n';
    a->s[a->n] = '\0';
}

static void aus_zelle(struct ausgabe *a, const struct befragung_zelle *z)
{
    char buf[64];
    aus(a, befragung_zelle_text(z, buf, sizeof buf));
    aus(a, befragung_anteil_text(z, 1, buf, sizeof buf));
    snprintf(buf, sizeof buf, "%.17g %.17g", z->anzahl, z->anteil);
    aus(a, buf);
}

static void kanarien_pruefen(const struct ausgabe *a)
{
    for (size_t i = 0; i < sizeof KANARIEN / sizeof *KANARIEN; i++)
        if (a->s && strstr(a->s, KANARIEN[i])) fail_msg("„%s“ in den Ergebnissen:\n%s", KANARIEN[i], a->s);
}

static void test_kanarien(void **state)
{
    (void)state;
    struct fragebogen *fb = laden(KLEIN_INI);
    struct befragung *b = lesen(fb, KLEIN_CSV);
    const char *const kopf[] = { "nr", "P.1", "P.2", "P.3", "P.4", "P.5", "A.1", "A.2.1", "A.2.2", "A.2.3", "A.2.4",
                                 "A.2.4_text", "A.3", "A.4.1", "A.4.2", "A.5", "A.6", "A.7" };
    befragung_kopf(b, kopf, 18);
    /* canaries in every section-I field, repeated in the free texts, in an
     * invalid value of a personal question and as respondent ids */
    zeile(b, kopf, 18, 12, "nr=CANARY-ID-A", "P.1=Kanarienhof Zwitscherweg", "P.2=Kanarina Zwitscher",
          "P.3=0170 9988776", "P.4=kanarie@zwitscher.example", "P.5=CANARY-CODE", "A.1=1", "A.2.1=1", "A.2.4=1",
          "A.2.4_text=Familie Zwitscher, Tel. 0170 9988776", "A.3=5", "A.4.1=1", "A.5=1",
          "A.6=Ansprechpartnerin Kanarina Zwitscher (kanarie@zwitscher.example) vom Kanarienhof Zwitscherweg",
          "A.7=3", NULL);
    zeile(b, kopf, 18, 13, "nr=CANARY-ID-B", "P.1=Kanarienzucht e. V.", "P.2=Herr Zwitscher-Kanari",
          "P.3=+49 170 9988776", "P.4=kanarie@zucht.example", "P.5=2", "A.1=Zwitscher", "A.3=4",
          "A.6=Bitte Herrn Zwitscher-Kanari anrufen: +49 170 9988776, oder beim Kanarienzucht e. V. melden",
          NULL);
    /* a third with the canary only in a personal answer, and a filter violation */
    zeile(b, kopf, 18, 14, "nr=Kanari-3", "P.2=Zwitscher", "A.3=1", "A.4.2=1", NULL);

    struct ausgabe a = { 0 };
    char buf[128];
    for (size_t i = 0; i < befragung_anzahl(b); i++) aus(&a, befragung_pseudonym(b, i));
    /* every evaluation function on every question, with and without suppression */
    const struct befragung_optionen *opts[] = { NULL, &OHNE };
    for (int o = 0; o < 2; o++)
        for (int qi = 0; qi < fb->nfragen; qi++) {
            const struct frage *q = &fb->fragen[qi];
            struct befragung_haeufigkeit h;
            int rc = befragung_haeufigkeit(b, q->code, opts[o], &h);
            if (q->personenbezogen) {
                assert_int_equal(rc, BEFRAGUNG_E_PERSONENBEZOGEN);
                assert_null(h.optionen);
                assert_null(h.frage);
                continue;
            }
            assert_int_equal(rc, BEFRAGUNG_OK);
            aus(&a, h.frage->text);
            aus_zelle(&a, &h.gesamt);
            aus_zelle(&a, &h.nennungen);
            aus_zelle(&a, &h.top2);
            for (int k = 0; k < h.noptionen; k++) {
                aus(&a, h.frage->optionen[k].text);
                aus_zelle(&a, &h.optionen[k]);
                if (h.anteil_nennungen) aus_zelle(&a, &h.anteil_nennungen[k]);
            }
            snprintf(buf, sizeof buf, "%d %d %d %d %d %g %g %g", h.befragte, h.gefragt, h.nicht_gefragt, h.fehlend,
                     h.ungueltig, h.median, h.mittelwert, h.standardabweichung);
            aus(&a, buf);
            befragung_haeufigkeit_free(&h);
            for (int qj = 0; qj < fb->nfragen; qj++) {
                struct befragung_kreuztabelle k;
                rc = befragung_kreuztabelle(b, q->code, fb->fragen[qj].code, opts[o], &k);
                if (fb->fragen[qj].personenbezogen) assert_int_equal(rc, BEFRAGUNG_E_PERSONENBEZOGEN);
                if (rc != BEFRAGUNG_OK) continue;
                for (int x = 0; x < k.nzeilen * k.nspalten; x++) aus_zelle(&a, &k.zellen[x]);
                befragung_kreuztabelle_free(&k);
            }
            struct befragung_freitexte t;
            if (befragung_freitexte(b, q->code, NULL, &t) == BEFRAGUNG_OK) {
                for (size_t i = 0; i < t.n; i++) aus(&a, t.texte[i]);
                befragung_freitexte_free(&t);
            }
            for (int k = 0; k < q->noptionen; k++)
                if (befragung_freitexte(b, q->code, q->optionen[k].code, &t) == BEFRAGUNG_OK) {
                    for (size_t i = 0; i < t.n; i++) aus(&a, t.texte[i]);
                    befragung_freitexte_free(&t);
                }
        }
    /* personal questions are refused everywhere */
    struct befragung_kreuztabelle k;
    assert_int_equal(befragung_kreuztabelle(b, "P.5", "A.1", NULL, &k), BEFRAGUNG_E_PERSONENBEZOGEN);
    assert_int_equal(befragung_kreuztabelle(b, "A.1", "P.5", &OHNE, &k), BEFRAGUNG_E_PERSONENBEZOGEN);
    assert_null(k.zellen);
    struct befragung_freitexte t;
    for (int i = 1; i <= 4; i++) {
        char code[24];
        snprintf(code, sizeof code, "P.%d", i);
        assert_int_equal(befragung_freitexte(b, code, NULL, &t), BEFRAGUNG_E_PERSONENBEZOGEN);
    }
    /* messages */
    struct befragung_meldungen m;
    size_t n = befragung_pruefen(b, &m);
    assert_int_equal(n, 3);   /* P.5 code, A.1 „Zwitscher“, the filter */
    for (size_t i = 0; i < n; i++) {
        aus(&a, m.m[i].text);
        aus(&a, m.m[i].befragter);
        aus(&a, m.m[i].frage);
    }
    befragung_meldungen_free(&m);
    struct befragung_ruecklauf r;
    assert_int_equal(befragung_ruecklauf(b, &r), BEFRAGUNG_E_RUECKLAUF);
    /* the canaries were really there: the free texts had them before redaction */
    assert_non_null(strstr(a.s, "Ansprechpartnerin [Name] ([E-Mail]) vom [Name]"));
    assert_non_null(strstr(a.s, "Bitte Herrn [Name]-[Name] anrufen: [Telefon], oder beim [Name] melden"));
    assert_non_null(strstr(a.s, "Familie [Name], Tel. [Telefon]"));
    assert_non_null(strstr(a.s, "unbekannter Code „[Name]“"));            /* A.1 = Zwitscher, redacted */
    assert_non_null(strstr(a.s, "unbekannter Code „[personenbezogen]“"));  /* P.5 never shown */
    kanarien_pruefen(&a);
    free(a.s);
    befragung_free(b);
    fragebogen_free(fb);
}

/* ---- the shipped Wesel sample ------------------------------------------------------- */

struct person_werte { char **v; size_t n; int spalte[6]; };

static int person_zeile(const struct csvrow *row, void *ctx)
{
    struct person_werte *p = ctx;
    static const char *const namen[6] = { "I.1", "I.2", "I.3", "I.4", "I.5", "I.6" };
    if (row->row == 1) {
        for (int k = 0; k < 6; k++) {
            p->spalte[k] = -1;
            for (int j = 0; j < row->nfields; j++)
                if (strcmp(row->fields[j], namen[k]) == 0) p->spalte[k] = j;
        }
        return 0;
    }
    for (int k = 0; k < 6; k++) {
        if (p->spalte[k] < 0 || p->spalte[k] >= row->nfields || !*row->fields[p->spalte[k]]) continue;
        p->v = realloc(p->v, sizeof *p->v * (p->n + 1));
        p->v[p->n++] = strdup(row->fields[p->spalte[k]]);
    }
    return 0;
}

static void test_beispiel_wesel(void **state)
{
    (void)state;
    struct fragebogen *fb = laden("config/befragung/wesel.ini");
    struct befragung *b = lesen(fb, "inputs/beispiele/befragung_wesel_antworten.csv");
    /* tools/antworten_generieren.py guarantees: 140 respondents, no invalid
     * value, filters respected, I.7 by quota */
    assert_int_equal(befragung_anzahl(b), 140);
    struct befragung_meldungen m;
    size_t nm = befragung_pruefen(b, &m);
    for (size_t i = 0; i < nm; i++) print_message("%s\n", m.m[i].text);
    assert_int_equal(nm, 0);
    befragung_meldungen_free(&m);

    struct befragung_haeufigkeit h;
    assert_int_equal(befragung_haeufigkeit(b, "I.7", NULL, &h), BEFRAGUNG_OK);
    static const double art[7] = { 40, 24, 22, 20, 14, 38, 8 };
    double sum = 0, sumn = 0;
    for (int o = 0; o < 7; o++) {
        assert_int_equal(h.optionen[o].status, W);
        assert_near(h.optionen[o].anzahl, art[o]);
        sum += h.optionen[o].anteil;
        sumn += h.anteil_nennungen[o].anteil;
    }
    assert_near(h.gesamt.anzahl, 140);
    assert_near(h.nennungen.anzahl, 166);
    assert_near(sum, 16600.0 / 140);          /* share of respondents: 118,6 % */
    assert_true(fabs(sumn - 100) < 1e-9);     /* share of answers: 100 % */
    befragung_haeufigkeit_free(&h);

    /* III.1 (numbers recounted from the CSV with Python's csv module):
     * 1 3 12 25 49 38 = 128, missing 12 (6 empty, 6 „-9“).  „1“ is primary,
     * „3“ its complement; the mean is therefore secret, median 5 and
     * top-2 (49 + 38) are published. */
    assert_int_equal(befragung_haeufigkeit(b, "III.1", NULL, &h), BEFRAGUNG_OK);
    assert_near(h.gesamt.anzahl, 128);
    assert_int_equal(h.fehlend, 12);
    assert_int_equal(h.optionen[0].status, P);
    assert_int_equal(h.optionen[1].status, S);
    assert_near(h.optionen[4].anzahl, 49);
    assert_near(h.median, 5);
    assert_int_equal(h.mittelwert_status, S);
    assert_near(h.top2.anzahl, 87);
    befragung_haeufigkeit_free(&h);
    assert_int_equal(befragung_haeufigkeit(b, "III.1", &OHNE, &h), BEFRAGUNG_OK);
    assert_near(h.mittelwert, 4.8125);
    befragung_haeufigkeit_free(&h);
    /* III.2 asked only after gut / sehr gut */
    assert_int_equal(befragung_haeufigkeit(b, "III.2", NULL, &h), BEFRAGUNG_OK);
    assert_int_equal(h.gefragt, 87);
    assert_int_equal(h.nicht_gefragt, 53);
    assert_near(h.gesamt.anzahl, 82);
    befragung_haeufigkeit_free(&h);
    assert_int_equal(befragung_haeufigkeit(b, "VI.6", NULL, &h), BEFRAGUNG_OK);
    assert_near(h.optionen[0].anzahl, 39);
    befragung_haeufigkeit_free(&h);
    assert_int_equal(befragung_haeufigkeit(b, "I.1", NULL, &h), BEFRAGUNG_E_PERSONENBEZOGEN);

    struct befragung_kreuztabelle k;
    assert_int_equal(befragung_kreuztabelle(b, "III.1", "I.7", NULL, &k), BEFRAGUNG_OK);
    assert_false(k.zeilensummen_additiv);     /* Art der Einrichtung is multiple choice */
    assert_true(k.spaltensummen_additiv);
    assert_near(KZ(k, 6, 7).anzahl, 128);
    befragung_kreuztabelle_free(&k);

    /* no section-I value of anybody in any open answer; 7 answers had a telephone number */
    struct person_werte pw = { NULL, 0, { 0 } };
    struct csvreader_error err;
    assert_int_equal(csvreader_read("inputs/beispiele/befragung_wesel_antworten.csv", NULL, person_zeile, &pw,
                                    &err, NULL, NULL), CSVREADER_OK);
    assert_true(pw.n >= 5 * 140);
    int telefon = 0;
    size_t ntexte = 0;
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        for (int o = -1; o < q->noptionen; o++) {
            struct befragung_freitexte t;
            if (befragung_freitexte(b, q->code, o < 0 ? NULL : q->optionen[o].code, &t) != BEFRAGUNG_OK) continue;
            for (size_t i = 0; i < t.n; i++) {
                for (size_t p = 0; p < pw.n; p++)
                    if (strstr(t.texte[i], pw.v[p])) fail_msg("„%s“ in „%s“", pw.v[p], t.texte[i]);
                if (strcmp(q->code, "VI.10") == 0 && strstr(t.texte[i], "[Telefon]")) telefon++;
            }
            ntexte += t.n;
            befragung_freitexte_free(&t);
        }
    }
    assert_int_equal(telefon, 7);
    assert_true(ntexte > 100);
    for (size_t p = 0; p < pw.n; p++) free(pw.v[p]);
    free(pw.v);
    befragung_free(b);
    fragebogen_free(fb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pseudonym),
        cmocka_unit_test(test_schluessel),
        cmocka_unit_test(test_haeufigkeit_single_multi),
        cmocka_unit_test(test_likert),
        cmocka_unit_test(test_kreuztabelle),
        cmocka_unit_test(test_geheimhaltung),
        cmocka_unit_test(test_ruecklauf),
        cmocka_unit_test(test_pruefen),
        cmocka_unit_test(test_schwaerzen),
        cmocka_unit_test(test_freitexte),
        cmocka_unit_test(test_kanarien),
        cmocka_unit_test(test_beispiel_wesel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
