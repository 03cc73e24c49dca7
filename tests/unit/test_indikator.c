/*
 * test_indikator.c — computing indicators (lib/indikator) from in-memory
 * observations.  Every expected value is computed by hand; the comments
 * show the arithmetic.  Fixtures: a catalogue with every art (anteil,
 * je_1000, anzahl, mittelwert, veraenderung, meilenstein from the catalogue
 * and from data, a delivered rate, a nicht_erhoben one), both polarities and
 * neutral, missing years, symbols, primary and secondary suppression,
 * tolerance edges, trend, target attainment, coverage; then the real LSN
 * data (Einbürgerungsquote Wesermarsch and Wolfsburg).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/csvreader.h"
#include "lib/diag.h"
#include "lib/indikator.h"

/* ---- helpers ----------------------------------------------------------------------- */

static char meldungen[8192];
static char pfad_tmp[64];
static int umgeleitet = -1;
static FILE *umleitung;

static void stderr_auffangen(void)
{
    fflush(stderr);
    umgeleitet = dup(2);
    umleitung = tmpfile();
    assert_non_null(umleitung);
    dup2(fileno(umleitung), 2);
}

static void stderr_zurueck(void)
{
    fflush(stderr);
    dup2(umgeleitet, 2);
    close(umgeleitet);
    rewind(umleitung);
    size_t n = fread(meldungen, 1, sizeof meldungen - 1, umleitung);
    meldungen[n] = '\0';
    fclose(umleitung);
    /* the temporary catalogue's name → K.ini */
    char *p;
    while (pfad_tmp[0] && (p = strstr(meldungen, pfad_tmp))) {
        size_t fl = strlen(pfad_tmp);
        memmove(p + 5, p + fl, strlen(p + fl) + 1);
        memcpy(p, "K.ini", 5);
    }
}

/* Load a catalogue from text (must be valid). */
static void katalog_aus(const char *text, struct katalog *k)
{
    snprintf(pfad_tmp, sizeof pfad_tmp, "/tmp/ib-indikator-XXXXXX.ini");
    int fd = mkstemps(pfad_tmp, 4);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    int rc = katalog_laden(pfad_tmp, k);
    unlink(pfad_tmp);
    assert_int_equal(rc, 0);
}

#define W(ind, geb, jahr, wert) { ind, jahr, geb, "Gebiet " geb, "", "", wert, WERTE_SYMBOL_KEINES, GEHEIMHALTUNG_WERT, NULL, 0 }
#define WM(ind, geb, jahr, merk, wert) { ind, jahr, geb, "Gebiet " geb, merk, "", wert, WERTE_SYMBOL_KEINES, GEHEIMHALTUNG_WERT, NULL, 0 }
#define SY(ind, geb, jahr, sym) { ind, jahr, geb, "Gebiet " geb, "", "", NAN, sym, GEHEIMHALTUNG_WERT, NULL, 0 }

#define EPS 1e-9

/* The point of year j in series r must be the value v. */
static void wert_ist(const struct indikator_reihe *r, int j, double v)
{
    const struct indikator_punkt *p = indikator_punkt_im_jahr(r, j);
    if (!p) print_error("Gebiet %s: kein Punkt %d\n", r->gebiet, j);
    assert_non_null(p);
    if (p->symbol != WERTE_SYMBOL_KEINES || fabs(p->wert - v) > EPS)
        print_error("Gebiet %s, %d: %.12g (Symbol %d), erwartet %.12g\n", r->gebiet, j, p->wert, p->symbol, v);
    assert_int_equal(p->symbol, WERTE_SYMBOL_KEINES);
    assert_true(fabs(p->wert - v) <= EPS);
    assert_int_equal(p->geheim, GEHEIMHALTUNG_WERT);
}

/* The point of year j must be the symbol s with Geheimhaltung status g. */
static void symbol_ist(const struct indikator_reihe *r, int j, enum werte_symbol s, enum geheimhaltung_status g)
{
    const struct indikator_punkt *p = indikator_punkt_im_jahr(r, j);
    if (!p) print_error("Gebiet %s: kein Punkt %d\n", r->gebiet, j);
    assert_non_null(p);
    if (p->symbol != s || p->geheim != g)
        print_error("Gebiet %s, %d: Symbol %d geheim %d (Wert %g), erwartet %d / %d\n", r->gebiet, j, p->symbol,
                    p->geheim, p->wert, s, g);
    assert_int_equal(p->symbol, s);
    assert_int_equal(p->geheim, g);
    assert_true(isnan(p->wert));
    assert_true(isnan(p->zaehler) && isnan(p->nenner));   /* nothing to recover the secret from */
}

static void jahre_sind(const struct indikator_reihe *r, const int *jahre, size_t n)
{
    if (r->npunkte != n) print_error("Gebiet %s: %zu Punkte, erwartet %zu\n", r->gebiet, r->npunkte, n);
    assert_int_equal(r->npunkte, n);
    for (size_t i = 0; i < n; i++) assert_int_equal(r->punkte[i].jahr, jahre[i]);
}

/* ---- the main fixture ---------------------------------------------------------------- */

static const char *katalog_haupt =
    "[katalog]\n"
    "gebiete = A, B\n"
    "[handlungsfeld:hf1]\ntitel = Eins\n"
    "[handlungsfeld:hf2]\ntitel = Zwei\n"
    "[ziel:1]\ntext = Z1\n"
    "[ziel:2]\ntext = Z2\n"
    /* 0 */
    "[indikator:quote]\ntitel = Quote\nhandlungsfeld = hf1\nziele = 1\nart = anteil\nzaehler = Z\nnenner = N\n"
    "polaritaet = hoeher_besser\ntoleranz = 0,5\nzielwert = 20\nzieljahr = 2030\n"
    /* 1 */
    "[indikator:rate]\ntitel = Rate\nhandlungsfeld = hf1\nziele = 1, 2\nart = je_1000\nzaehler = Z\nnenner = N\n"
    "polaritaet = niedriger_besser\nzielwert = 90\n"
    /* 2 */
    "[indikator:zahl]\ntitel = Zahl\nhandlungsfeld = hf1\nart = anzahl\nwert = Z\ntoleranz = 5\n"
    /* 3 */
    "[indikator:mittel]\ntitel = Mittel\nhandlungsfeld = hf2\nziele = 2\nart = mittelwert\neinheit = m²\n"
    "zaehler = S\nnenner = N\ntoleranz = 1\n"
    /* 4 */
    "[indikator:veraend]\ntitel = Veränderung\nhandlungsfeld = hf2\nart = veraenderung\nreihe = indikator:zahl\n"
    /* 5 */
    "[indikator:ms]\ntitel = Meilenstein\nhandlungsfeld = hf2\nziele = 2\nart = meilenstein\nstand = teilweise\n"
    "stand_datum = 30.06.2024\nzieljahr = 2026\n"
    /* 6 */
    "[indikator:ms2]\ntitel = Meilenstein aus Daten\nhandlungsfeld = hf2\nziele = 1\nart = meilenstein\nwert = M\n"
    /* 7 */
    "[indikator:offen]\ntitel = Offen\nhandlungsfeld = hf1\nziele = 1\nart = anteil\nnicht_erhoben = ja\n"
    /* 8 */
    "[indikator:geliefert]\ntitel = Geliefert\nhandlungsfeld = hf2\nart = anteil\nwert = Q\n"
    "wert_filter = Geschlecht=Insgesamt\n";

enum { QUOTE, RATE, ZAHL, MITTEL, VERAEND, MS, MS2, OFFEN, GELIEFERT, NIND };

/*
 * Z (numerator counts)   A: 2020 50, 2021 60, —, 2023 66, 2024 72     (2022 missing)
 *                        B: 2020 20, 2021 2, 2022 30, 2023 „.“, 2024 25
 * N (denominator)        A: 500, 500, 550, 600, 600
 *                        B: 400, 400, 0, 400, 500
 * S (sum for mittelwert) A: 2023 23400, 2024 24000; B: 2024 2
 * M (milestone)          A: 2022 0, 2023 0,5, 2024 1
 * Q (delivered rate)     A: 2022 Insgesamt 1,4 / weiblich 1,1; 2023 Insgesamt 1,5 (with a further
 *                        Merkmal Alter) / weiblich 1,2
 * plus an area C and a dataset X nobody asks for.
 */
static const struct indikator_beobachtung haupt[] = {
    W("Z", "A", 2020, 50), W("Z", "A", 2021, 60), W("Z", "A", 2023, 66), W("Z", "A", 2024, 72),
    W("Z", "B", 2020, 20), W("Z", "B", 2021, 2), W("Z", "B", 2022, 30), SY("Z", "B", 2023, WERTE_SYMBOL_UNBEKANNT),
    W("Z", "B", 2024, 25), W("Z", "C", 2024, 1),
    W("N", "A", 2020, 500), W("N", "A", 2021, 500), W("N", "A", 2022, 550), W("N", "A", 2023, 600),
    W("N", "A", 2024, 600),
    W("N", "B", 2020, 400), W("N", "B", 2021, 400), W("N", "B", 2022, 0), W("N", "B", 2023, 400), W("N", "B", 2024, 500),
    W("S", "A", 2023, 23400), W("S", "A", 2024, 24000), W("S", "B", 2024, 2),
    W("M", "A", 2022, 0), W("M", "A", 2023, 0.5), W("M", "A", 2024, 1),
    WM("Q", "A", 2022, "Geschlecht=Insgesamt", 1.4), WM("Q", "A", 2022, "Geschlecht=weiblich", 1.1),
    WM("Q", "A", 2023, "Alter=alle|Geschlecht=Insgesamt", 1.5), WM("Q", "A", 2023, "Alter=alle|Geschlecht=weiblich", 1.2),
    W("X", "A", 2024, 99),
};
#define NHAUPT (sizeof haupt / sizeof haupt[0])

struct fixture {
    struct katalog k;
    struct indikator_ergebnis *erg;
};

static int haupt_auf(void **state)
{
    static struct fixture f;
    katalog_aus(katalog_haupt, &f.k);
    assert_int_equal(f.k.nindikatoren, NIND);
    assert_int_equal(indikator_berechnen_alle(&f.k, haupt, NHAUPT, NULL, &f.erg), 0);
    *state = &f;
    return 0;
}

static int haupt_ab(void **state)
{
    struct fixture *f = *state;
    indikator_ergebnisse_freigeben(f->erg, f->k.nindikatoren);
    katalog_freigeben(&f->k);
    return 0;
}

#define REIHE(f, i, g) indikator_reihe_fuer(&(f)->erg[i], g)

/* anteil = Z ÷ N × 100, matched on year and area. */
static void test_anteil(void **state)
{
    struct fixture *f = *state;
    const struct indikator_ergebnis *e = &f->erg[QUOTE];
    assert_int_equal(e->berechnet, 1);
    assert_int_equal(e->nreihen, 2);            /* A, B as listed; C is not asked for */
    const struct indikator_reihe *a = REIHE(f, QUOTE, "A"), *b = REIHE(f, QUOTE, "B");
    assert_string_equal(a->gebiet_name, "Gebiet A");
    static const int jahre[] = { 2020, 2021, 2022, 2023, 2024 };
    jahre_sind(a, jahre, 5);
    wert_ist(a, 2020, 10.0);                    /* 50 ÷ 500 × 100 */
    wert_ist(a, 2021, 12.0);                    /* 60 ÷ 500 × 100 */
    symbol_ist(a, 2022, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);   /* numerator missing → „.“ */
    wert_ist(a, 2023, 11.0);                    /* 66 ÷ 600 × 100 */
    wert_ist(a, 2024, 12.0);                    /* 72 ÷ 600 × 100 */
    const struct indikator_punkt *p = indikator_punkt_im_jahr(a, 2024);
    assert_true(p->zaehler == 72.0 && p->nenner == 600.0);

    jahre_sind(b, jahre, 5);
    wert_ist(b, 2020, 5.0);                     /* 20 ÷ 400 × 100 */
    symbol_ist(b, 2021, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);  /* numerator 2 < 3 */
    symbol_ist(b, 2022, WERTE_SYMBOL_GESPERRT, GEHEIMHALTUNG_WERT);     /* denominator 0 → „x“ */
    symbol_ist(b, 2023, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);    /* numerator „.“ passed on */
    wert_ist(b, 2024, 5.0);                     /* 25 ÷ 500 × 100 */
    assert_null(indikator_reihe_fuer(e, "C"));
    assert_ptr_equal(indikator_reihe_fuer(e, NULL), a);
}

/* je_1000 = Z ÷ N × 1000; anzahl = Z as delivered, counts suppressed. */
static void test_je_1000_und_anzahl(void **state)
{
    struct fixture *f = *state;
    const struct indikator_reihe *a = REIHE(f, RATE, "A"), *b = REIHE(f, RATE, "B");
    wert_ist(a, 2020, 100.0);                   /* 50 ÷ 500 × 1000 */
    wert_ist(a, 2023, 110.0);                   /* 66 ÷ 600 × 1000 */
    wert_ist(a, 2024, 120.0);
    symbol_ist(b, 2021, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    wert_ist(b, 2024, 50.0);                    /* 25 ÷ 500 × 1000 */

    a = REIHE(f, ZAHL, "A");
    b = REIHE(f, ZAHL, "B");
    static const int ja[] = { 2020, 2021, 2023, 2024 };
    jahre_sind(a, ja, 4);                       /* no 2022: nothing delivered */
    wert_ist(a, 2023, 66.0);
    wert_ist(b, 2020, 20.0);
    symbol_ist(b, 2021, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);  /* 2 < 3 */
    wert_ist(b, 2022, 30.0);
    symbol_ist(b, 2023, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);
}

/* mittelwert = S ÷ N × 1: only the denominator is a count of persons. */
static void test_mittelwert(void **state)
{
    struct fixture *f = *state;
    const struct indikator_reihe *a = REIHE(f, MITTEL, "A"), *b = REIHE(f, MITTEL, "B");
    symbol_ist(a, 2020, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);    /* no S */
    wert_ist(a, 2023, 39.0);                    /* 23400 ÷ 600 */
    wert_ist(a, 2024, 40.0);                    /* 24000 ÷ 600 */
    symbol_ist(b, 2022, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);    /* S missing (N = 0 does not matter) */
    wert_ist(b, 2024, 0.004);                   /* 2 ÷ 500: S = 2 is no count, not suppressed */
}

/* veraenderung of indikator:zahl: (x_t − x_{t−1}) ÷ x_{t−1} × 100, consecutive years only. */
static void test_veraenderung(void **state)
{
    struct fixture *f = *state;
    const struct indikator_reihe *a = REIHE(f, VERAEND, "A"), *b = REIHE(f, VERAEND, "B");
    static const int ja[] = { 2021, 2024 };     /* 2023 has no 2022 before it */
    jahre_sind(a, ja, 2);
    wert_ist(a, 2021, 20.0);                    /* (60 − 50) ÷ 50 × 100 */
    wert_ist(a, 2024, 600.0 / 66.0);            /* (72 − 66) ÷ 66 × 100 = 9,0909… */
    const struct indikator_punkt *p = indikator_punkt_im_jahr(a, 2024);
    assert_true(p->zaehler == 72.0 && p->nenner == 66.0);
    static const int jb[] = { 2021, 2022, 2023, 2024 };
    jahre_sind(b, jb, 4);
    /* the suppressed count of 2021 must not leak through the change */
    symbol_ist(b, 2021, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    symbol_ist(b, 2022, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    symbol_ist(b, 2023, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);
    symbol_ist(b, 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);
}

static void test_meilenstein_und_geliefert(void **state)
{
    struct fixture *f = *state;
    const struct indikator_reihe *a = REIHE(f, MS, "A");
    assert_int_equal(f->erg[MS].nreihen, 2);
    static const int j24[] = { 2024 };
    jahre_sind(a, j24, 1);
    wert_ist(a, 2024, 0.5);                     /* teilweise */
    assert_int_equal(a->stand_jahr, 2024);
    assert_int_equal(a->stand_monat, 6);
    assert_int_equal(a->stand_tag, 30);

    a = REIHE(f, MS2, "A");
    wert_ist(a, 2022, 0.0);
    wert_ist(a, 2023, 0.5);
    wert_ist(a, 2024, 1.0);
    assert_int_equal(a->stand_jahr, 2024);      /* from data: 31.12. of the latest year */
    assert_int_equal(a->stand_monat, 12);
    assert_int_equal(a->stand_tag, 31);
    assert_int_equal(REIHE(f, MS2, "B")->npunkte, 0);

    assert_int_equal(f->erg[OFFEN].berechnet, 1);
    assert_int_equal(f->erg[OFFEN].nreihen, 0);

    a = REIHE(f, GELIEFERT, "A");               /* Geschlecht=Insgesamt, also with a further Merkmal */
    static const int jg[] = { 2022, 2023 };
    jahre_sind(a, jg, 2);
    wert_ist(a, 2022, 1.4);
    wert_ist(a, 2023, 1.5);
}

/* ---- change, status, tolerance -------------------------------------------------------- */

static void test_vergleich(void **state)
{
    struct fixture *f = *state;
    const struct katalog_indikator *ind = f->k.indikatoren;
    struct indikator_vergleich v;

    /* anteil: 12,0 (2024) against 11,0 (2023): +1 percentage point > 0,5 → besser */
    assert_int_equal(indikator_vergleichen(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2024, &v), 0);
    assert_int_equal(v.jahr, 2024);
    assert_int_equal(v.vorjahr, 2023);
    assert_true(fabs(v.differenz - 1.0) < EPS);
    assert_true(fabs(v.prozent - 100.0 / 11.0) < EPS);
    assert_int_equal(v.delta_art, INDIKATOR_DELTA_PROZENTPUNKTE);
    assert_true(fabs(v.delta - 1.0) < EPS);
    assert_int_equal(v.status, INDIKATOR_BESSER);
    assert_string_equal(indikator_status_name(v.status), "besser");

    /* 2023 against 2021 (2022 is „.“: the gap is skipped): 11 − 12 = −1 → schlechter */
    assert_int_equal(indikator_vergleichen(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2023, &v), 0);
    assert_int_equal(v.vorjahr, 2021);
    assert_int_equal(v.status, INDIKATOR_SCHLECHTER);
    /* no value in 2022 */
    assert_int_equal(indikator_vergleichen(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2022, &v), 2);
    assert_int_equal(v.status, INDIKATOR_OHNE_VERGLEICH);
    assert_true(isnan(v.wert));
    /* B: 2024 5,0 against 2020 5,0 (2021 suppressed, 2022 „x“, 2023 „.“ are no values) */
    assert_int_equal(indikator_vergleichen(REIHE(f, QUOTE, "B"), &ind[QUOTE], 2024, &v), 0);
    assert_int_equal(v.vorjahr, 2020);
    assert_int_equal(v.status, INDIKATOR_UNVERAENDERT);
    /* first value: nothing to compare */
    assert_int_equal(indikator_vergleichen(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2020, &v), 1);
    assert_int_equal(v.status, INDIKATOR_OHNE_VERGLEICH);
    assert_int_equal(indikator_vergleichen(NULL, &ind[QUOTE], 2024, &v), 2);

    /* je_1000, niedriger_besser: 120 − 110 = +10 → schlechter, in the unit */
    assert_int_equal(indikator_vergleichen(REIHE(f, RATE, "A"), &ind[RATE], 2024, &v), 0);
    assert_int_equal(v.delta_art, INDIKATOR_DELTA_ABSOLUT);
    assert_true(fabs(v.delta - 10.0) < EPS);
    assert_int_equal(v.status, INDIKATOR_SCHLECHTER);

    /* anzahl, neutral, toleranz 5 %: (72 − 66) ÷ 66 = +9,09 % → verändert */
    assert_int_equal(indikator_vergleichen(REIHE(f, ZAHL, "A"), &ind[ZAHL], 2024, &v), 0);
    assert_int_equal(v.delta_art, INDIKATOR_DELTA_PROZENT);
    assert_true(fabs(v.delta - 600.0 / 66.0) < EPS);
    assert_true(fabs(v.differenz - 6.0) < EPS);
    assert_int_equal(v.status, INDIKATOR_VERAENDERT);

    /* mittelwert: 40 − 39 = 1 with toleranz 1: the edge counts as unverändert */
    assert_int_equal(indikator_vergleichen(REIHE(f, MITTEL, "A"), &ind[MITTEL], 2024, &v), 0);
    assert_true(fabs(v.delta - 1.0) < EPS);
    assert_int_equal(v.status, INDIKATOR_UNVERAENDERT);

    /* veraenderung: 9,09 against 20,0 (2021) in percentage points, neutral → verändert */
    assert_int_equal(indikator_vergleichen(REIHE(f, VERAEND, "A"), &ind[VERAEND], 2024, &v), 0);
    assert_int_equal(v.vorjahr, 2021);
    assert_int_equal(v.delta_art, INDIKATOR_DELTA_PROZENTPUNKTE);
    assert_true(fabs(v.delta - (600.0 / 66.0 - 20.0)) < EPS);
    assert_int_equal(v.status, INDIKATOR_VERAENDERT);

    /* milestones: a stand holds until the next one */
    assert_int_equal(indikator_vergleichen(REIHE(f, MS, "A"), &ind[MS], 2024, &v), 1);
    assert_true(v.wert == 0.5);
    assert_int_equal(indikator_vergleichen(REIHE(f, MS2, "A"), &ind[MS2], 2024, &v), 0);
    assert_int_equal(v.status, INDIKATOR_BESSER);             /* teilweise → ja */
    assert_int_equal(indikator_vergleichen(REIHE(f, MS2, "A"), &ind[MS2], 2026, &v), 0);
    assert_int_equal(v.jahr, 2024);
    assert_int_equal(indikator_vergleichen(REIHE(f, MS, "A"), &ind[MS], 2023, &v), 2);  /* not yet */
}

static void test_status_toleranz(void **state)
{
    (void)state;
    /* hoeher_besser */
    assert_int_equal(indikator_status(0.5, KATALOG_HOEHER_BESSER, 0.5), INDIKATOR_UNVERAENDERT);   /* edge */
    assert_int_equal(indikator_status(-0.5, KATALOG_HOEHER_BESSER, 0.5), INDIKATOR_UNVERAENDERT);
    assert_int_equal(indikator_status(0.5001, KATALOG_HOEHER_BESSER, 0.5), INDIKATOR_BESSER);
    assert_int_equal(indikator_status(-0.5001, KATALOG_HOEHER_BESSER, 0.5), INDIKATOR_SCHLECHTER);
    /* 20,3 − 20,0 is 0,3000000000000007 in binary floating point: still the edge */
    assert_true(20.3 - 20.0 > 0.3);
    assert_int_equal(indikator_status(20.3 - 20.0, KATALOG_HOEHER_BESSER, 0.3), INDIKATOR_UNVERAENDERT);
    /* niedriger_besser */
    assert_int_equal(indikator_status(1.0, KATALOG_NIEDRIGER_BESSER, 0.0), INDIKATOR_SCHLECHTER);
    assert_int_equal(indikator_status(-1.0, KATALOG_NIEDRIGER_BESSER, 0.0), INDIKATOR_BESSER);
    assert_int_equal(indikator_status(0.0, KATALOG_NIEDRIGER_BESSER, 0.0), INDIKATOR_UNVERAENDERT);
    /* neutral */
    assert_int_equal(indikator_status(3.0, KATALOG_NEUTRAL, 2.0), INDIKATOR_VERAENDERT);
    assert_int_equal(indikator_status(-3.0, KATALOG_NEUTRAL, 2.0), INDIKATOR_VERAENDERT);
    assert_int_equal(indikator_status(2.0, KATALOG_NEUTRAL, 2.0), INDIKATOR_UNVERAENDERT);
    /* no comparison; a negative tolerance counts as 0 */
    assert_int_equal(indikator_status(NAN, KATALOG_HOEHER_BESSER, 1.0), INDIKATOR_OHNE_VERGLEICH);
    assert_int_equal(indikator_status(0.1, KATALOG_HOEHER_BESSER, -1.0), INDIKATOR_BESSER);
    assert_string_equal(indikator_status_name(INDIKATOR_UNVERAENDERT), "unverändert");
    assert_int_equal(indikator_delta_art(KATALOG_MEILENSTEIN), INDIKATOR_DELTA_ABSOLUT);
}

/* A hand-made series: years with values (NAN = symbol „.“). */
static struct indikator_reihe reihe_aus(struct indikator_punkt *p, const int *j, const double *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        p[i].jahr = j[i];
        p[i].wert = w[i];
        p[i].symbol = isnan(w[i]) ? WERTE_SYMBOL_UNBEKANNT : WERTE_SYMBOL_KEINES;
        p[i].geheim = GEHEIMHALTUNG_WERT;
        p[i].zaehler = p[i].nenner = NAN;
    }
    struct indikator_reihe r = { (char *)"X", (char *)"X", p, n, 0, 0, 0 };
    return r;
}

/* anzahl from 0: the relative change is undefined, the sign of the difference decides. */
static void test_vergleich_von_null(void **state)
{
    (void)state;
    struct katalog_indikator ind;
    memset(&ind, 0, sizeof ind);
    ind.art = KATALOG_ANZAHL;
    ind.polaritaet = KATALOG_HOEHER_BESSER;
    ind.toleranz = 50;
    struct indikator_punkt p[2];
    static const int j[] = { 2023, 2024 };
    static const double w[] = { 0, 5 };
    struct indikator_reihe r = reihe_aus(p, j, w, 2);
    struct indikator_vergleich v;
    assert_int_equal(indikator_vergleichen(&r, &ind, 2024, &v), 0);
    assert_true(isnan(v.prozent));
    assert_true(v.differenz == 5.0);
    assert_int_equal(v.status, INDIKATOR_BESSER);
    /* a negative previous value: the relative change is taken against its amount */
    static const double w2[] = { -4, -2 };
    r = reihe_aus(p, j, w2, 2);
    ind.art = KATALOG_MITTELWERT;
    ind.toleranz = 0;
    assert_int_equal(indikator_vergleichen(&r, &ind, 2024, &v), 0);
    assert_true(fabs(v.prozent - 50.0) < EPS);     /* (−2 − −4) ÷ |−4| × 100 */
    assert_int_equal(v.status, INDIKATOR_BESSER);
}

/* ---- trend -------------------------------------------------------------------------------- */

static void test_steigung(void **state)
{
    (void)state;
    /* x 2019..2023, y 10 12 13 15 20: x̄ = 2021, ȳ = 14, Σdx·dy = (−2)(−4) + (−1)(−2) + 0 + 1·1 + 2·6 = 23,
     * Σdx² = 10 → b = 2,3 */
    static const double x[] = { 2019, 2020, 2021, 2022, 2023 }, y[] = { 10, 12, 13, 15, 20 };
    double b, mx, my;
    assert_int_equal(indikator_steigung(x, y, 5, &b, &mx, &my), 0);
    assert_true(fabs(b - 2.3) < EPS);
    assert_true(mx == 2021.0 && my == 14.0);
    /* an exact line y = 3x + 1 */
    static const double x2[] = { 1, 2, 4, 7 }, y2[] = { 4, 7, 13, 22 };
    assert_int_equal(indikator_steigung(x2, y2, 4, &b, NULL, NULL), 0);
    assert_true(fabs(b - 3.0) < EPS);
    /* too few points or no spread in x */
    assert_int_equal(indikator_steigung(x, y, 1, &b, NULL, NULL), -1);
    static const double x3[] = { 2020, 2020 };
    assert_int_equal(indikator_steigung(x3, y, 2, &b, NULL, NULL), -1);
}

static void test_trend(void **state)
{
    struct fixture *f = *state;
    const struct katalog_indikator *ind = f->k.indikatoren;
    struct indikator_trend t;
    /* quote A: (2020, 10) (2021, 12) (2023, 11) (2024, 12); 2022 „.“ skipped.
     * x̄ = 2022, ȳ = 11,25; Σdx·dy = (−2)(−1,25) + (−1)(0,75) + 1(−0,25) + 2(0,75) = 3; Σdx² = 10 → 0,3 pp/Jahr,
     * within the tolerance 0,5 → unverändert */
    assert_int_equal(indikator_trend(REIHE(f, QUOTE, "A"), &ind[QUOTE], 0, 0, &t), 0);
    assert_int_equal(t.n, 4);
    assert_int_equal(t.von, 2020);
    assert_int_equal(t.bis, 2024);
    assert_true(fabs(t.steigung - 0.3) < EPS);
    assert_true(t.mittel_jahr == 2022.0);
    assert_true(fabs(t.mittel_wert - 11.25) < EPS);
    assert_int_equal(t.status, INDIKATOR_UNVERAENDERT);
    /* from 2021: (2021, 12) (2023, 11) (2024, 12): Σdx·dy = −1/3, Σdx² = 14/3 → −1/14 */
    assert_int_equal(indikator_trend(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2021, 0, &t), 0);
    assert_int_equal(t.n, 3);
    assert_true(fabs(t.steigung + 1.0 / 14.0) < EPS);
    /* zahl A: 50 60 66 72 over 2020 2021 2023 2024: Σdx·dy = 24 + 2 + 4 + 20 = 50 → 5 per year;
     * relative 5 ÷ 62 × 100 = 8,06 % per year > toleranz 5 → verändert (neutral) */
    assert_int_equal(indikator_trend(REIHE(f, ZAHL, "A"), &ind[ZAHL], 0, 0, &t), 0);
    assert_true(fabs(t.steigung - 5.0) < EPS);
    assert_true(fabs(t.steigung_prozent - 500.0 / 62.0) < EPS);
    assert_int_equal(t.delta_art, INDIKATOR_DELTA_PROZENT);
    assert_int_equal(t.status, INDIKATOR_VERAENDERT);
    /* one value only */
    assert_int_equal(indikator_trend(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2024, 2024, &t), -1);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.status, INDIKATOR_OHNE_VERGLEICH);
}

/* ---- target ------------------------------------------------------------------------------ */

static void test_ziel(void **state)
{
    struct fixture *f = *state;
    const struct katalog_indikator *ind = f->k.indikatoren;
    struct indikator_ziel z;
    /* quote A: base 2020 = 10, 2024 = 12, target 20 by 2030: (12 − 10) ÷ (20 − 10) = 20 %;
     * a linear path would be at (2024 − 2020) ÷ (2030 − 2020) = 40 % */
    assert_int_equal(indikator_zielerreichung(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2024, &z), 0);
    assert_int_equal(z.basisjahr, 2020);
    assert_true(z.basiswert == 10.0);
    assert_int_equal(z.jahr, 2024);
    assert_true(fabs(z.erreichung - 20.0) < EPS);
    assert_true(fabs(z.soll - 40.0) < EPS);
    assert_int_equal(z.erreicht, 0);
    assert_int_equal(z.frist_abgelaufen, 0);
    /* after the deadline, with the latest value */
    assert_int_equal(indikator_zielerreichung(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2031, &z), 0);
    assert_int_equal(z.jahr, 2024);
    assert_int_equal(z.frist_abgelaufen, 1);
    /* rate A, niedriger_besser, target 90: base 100, now 120: (120 − 100) ÷ (90 − 100) = −200 % (away) */
    assert_int_equal(indikator_zielerreichung(REIHE(f, RATE, "A"), &ind[RATE], 2024, &z), 0);
    assert_true(fabs(z.erreichung + 200.0) < EPS);
    assert_int_equal(z.erreicht, 0);
    assert_true(isnan(z.soll));
    /* milestone from data: nein (2022) → ja (2024): 100 %, met */
    assert_int_equal(indikator_zielerreichung(REIHE(f, MS2, "A"), &ind[MS2], 2024, &z), 0);
    assert_true(fabs(z.erreichung - 100.0) < EPS);
    assert_int_equal(z.erreicht, 1);
    /* milestone from the catalogue: teilweise, one stand: 0 % of the way, not met */
    assert_int_equal(indikator_zielerreichung(REIHE(f, MS, "A"), &ind[MS], 2024, &z), 0);
    assert_true(fabs(z.erreichung) < EPS);
    assert_int_equal(z.erreicht, 0);
    assert_true(fabs(z.soll) < EPS);
    /* no target; no data */
    assert_int_equal(indikator_zielerreichung(REIHE(f, ZAHL, "A"), &ind[ZAHL], 2024, &z), 1);
    assert_int_equal(indikator_zielerreichung(REIHE(f, QUOTE, "A"), &ind[QUOTE], 2019, &z), 2);

    /* hand-made: base year without a value; a met target; neutral within the tolerance */
    struct katalog_indikator h;
    memset(&h, 0, sizeof h);
    h.art = KATALOG_ANTEIL;
    h.hat_zielwert = 1;
    h.zielwert = 30;
    h.basisjahr = 2019;
    h.polaritaet = KATALOG_NIEDRIGER_BESSER;
    struct indikator_punkt p[3];
    static const int j[] = { 2020, 2021, 2022 };
    static const double w[] = { 40, NAN, 29 };
    struct indikator_reihe r = reihe_aus(p, j, w, 3);
    assert_int_equal(indikator_zielerreichung(&r, &h, 2022, &z), 2);
    h.basisjahr = 2020;
    assert_int_equal(indikator_zielerreichung(&r, &h, 2022, &z), 0);
    assert_true(fabs(z.erreichung - 110.0) < EPS);   /* (29 − 40) ÷ (30 − 40) */
    assert_int_equal(z.erreicht, 1);
    h.polaritaet = KATALOG_NEUTRAL;
    h.toleranz = 1;
    assert_int_equal(indikator_zielerreichung(&r, &h, 2022, &z), 0);
    assert_int_equal(z.erreicht, 1);                 /* |29 − 30| ≤ 1 */
    h.zielwert = 40;                                  /* target = base: share undefined */
    assert_int_equal(indikator_zielerreichung(&r, &h, 2022, &z), 0);
    assert_true(isnan(z.erreichung));
}

/* ---- coverage ----------------------------------------------------------------------------- */

static void gruppe_ist(const struct indikator_abdeckung_gruppe *g, int n, int mit, int alt, int ohne, int besser,
                       int schlechter, int unv, int ver, int ohne_vgl)
{
    int ist[] = { g->indikatoren, g->mit_daten, g->ohne_aktuelle_daten, g->ohne_daten, g->besser, g->schlechter,
                  g->unveraendert, g->veraendert, g->ohne_vergleich };
    int soll[] = { n, mit, alt, ohne, besser, schlechter, unv, ver, ohne_vgl };
    for (size_t i = 0; i < sizeof ist / sizeof ist[0]; i++) {
        if (ist[i] != soll[i]) print_error("Feld %zu: %d, erwartet %d\n", i, ist[i], soll[i]);
        assert_int_equal(ist[i], soll[i]);
    }
}

static void test_abdeckung(void **state)
{
    struct fixture *f = *state;
    struct indikator_abdeckung a;
    /*
     * Area A, 2024:  quote besser, rate schlechter, zahl verändert, mittel unverändert (edge),
     * veraend verändert, ms ohne Vergleich (one stand), ms2 besser, offen nicht erhoben (no data),
     * geliefert only up to 2023.
     */
    indikator_abdeckung(&f->k, f->erg, 2024, "A", &a);
    assert_int_equal(a.berichtsjahr, 2024);
    gruppe_ist(&a.gesamt, 9, 7, 1, 1, 2, 1, 1, 2, 1);
    assert_int_equal(a.gesamt.nicht_erhoben, 1);
    assert_int_equal(a.gesamt.ohne_daten_liste[0], OFFEN);
    /* hf1: quote, rate, zahl, offen */
    gruppe_ist(&a.handlungsfelder[0], 4, 3, 0, 1, 1, 1, 0, 1, 0);
    assert_int_equal(a.handlungsfelder[0].ohne_daten_liste[0], OFFEN);
    /* hf2: mittel, veraend, ms, ms2, geliefert */
    gruppe_ist(&a.handlungsfelder[1], 5, 4, 1, 0, 1, 0, 1, 1, 1);
    /* Ziel 1: quote, rate, ms2, offen; Ziel 2: rate, mittel, ms; without Ziel: zahl, veraend, geliefert */
    gruppe_ist(&a.ziele[0], 4, 3, 0, 1, 2, 1, 0, 0, 0);
    gruppe_ist(&a.ziele[1], 3, 3, 0, 0, 0, 1, 1, 0, 1);
    gruppe_ist(&a.ohne_ziel, 3, 2, 1, 0, 0, 0, 0, 2, 0);
    indikator_abdeckung_freigeben(&f->k, &a);

    /* area B: ms2 and geliefert have no data there; quote unverändert (5,0 = 5,0), rate unverändert,
     * zahl 25 vs 30 = −16,7 % verändert, mittel only 2024 (ohne Vergleich), veraend only symbols */
    indikator_abdeckung(&f->k, f->erg, 2024, "B", &a);
    gruppe_ist(&a.gesamt, 9, 5, 0, 4, 0, 0, 2, 1, 2);
    assert_int_equal(a.gesamt.ohne_daten_liste[0], VERAEND);
    assert_int_equal(a.gesamt.ohne_daten_liste[1], MS2);
    assert_int_equal(a.gesamt.ohne_daten_liste[2], OFFEN);
    assert_int_equal(a.gesamt.ohne_daten_liste[3], GELIEFERT);
    indikator_abdeckung_freigeben(&f->k, &a);
}

/* ---- suppression with a total (secondary) ---------------------------------------------------- */

static const char *katalog_geheim =
    "[handlungsfeld:h]\ntitel = H\n"
    "[indikator:q]\ntitel = Q\nhandlungsfeld = h\nart = anteil\nzaehler = E\nnenner = P\n"
    "gebiete = G1, G2, G3\ngebiet_gesamt = T\n"
    "[indikator:n]\ntitel = N\nhandlungsfeld = h\nart = anzahl\nwert = E\ngebiete = G1, G2, G3\ngebiet_gesamt = T\n"
    "[indikator:ohne]\ntitel = O\nhandlungsfeld = h\nart = anzahl\nwert = E\ngebiete = G1, G2, G3\n"
    "[indikator:aus]\ntitel = A\nhandlungsfeld = h\nart = anzahl\nwert = E\ngebiete = G1, G2, G3\n"
    "gebiet_gesamt = T\nschwelle = 0\n"
    "[indikator:r]\ntitel = R\nhandlungsfeld = h\nart = je_1000\nzaehler = indikator:n\nnenner = P\n"
    "gebiete = G1, G2, G3\ngebiet_gesamt = T\n";

/*
 * 2024: E = G1 2, G2 10, G3 5 | T 17;  P = 100, 200, 150 | 450
 * 2023: E = 10, 10, 10 | 30;           P = 2, 200, 150 | 352
 * 2022: E = 2, 10, 5 and no total delivered
 * 2021: E = 10, 10, 5, P = 100, 200, 150 and no totals delivered
 */
static const struct indikator_beobachtung geheim[] = {
    W("E", "G1", 2024, 2), W("E", "G2", 2024, 10), W("E", "G3", 2024, 5), W("E", "T", 2024, 17),
    W("P", "G1", 2024, 100), W("P", "G2", 2024, 200), W("P", "G3", 2024, 150), W("P", "T", 2024, 450),
    W("E", "G1", 2023, 10), W("E", "G2", 2023, 10), W("E", "G3", 2023, 10), W("E", "T", 2023, 30),
    W("P", "G1", 2023, 2), W("P", "G2", 2023, 200), W("P", "G3", 2023, 150), W("P", "T", 2023, 352),
    W("E", "G1", 2022, 2), W("E", "G2", 2022, 10), W("E", "G3", 2022, 5),
    W("E", "G1", 2021, 10), W("E", "G2", 2021, 10), W("E", "G3", 2021, 5),
    W("P", "G1", 2021, 100), W("P", "G2", 2021, 200), W("P", "G3", 2021, 150),
};

static void test_geheimhaltung(void **state)
{
    (void)state;
    struct katalog k;
    katalog_aus(katalog_geheim, &k);
    struct indikator_ergebnis *erg;
    assert_int_equal(indikator_berechnen_alle(&k, geheim, sizeof geheim / sizeof geheim[0], NULL, &erg), 0);
    /*
     * Count table 2024 of E: column G1 2, G2 10, G3 5 | T 17.  Primary: 2 < 3 → G1.  The column is a
     * line with one suppressed cell: complement = smallest non-zero inner cell of the others = G3 (5).
     * Rates follow their counts: G1 PRIMAER, G3 SEKUNDAER; G2 = 10 ÷ 200 × 100 = 5, T = 17 ÷ 450 × 100.
     */
    const struct indikator_ergebnis *e = &erg[0];
    assert_int_equal(e->nreihen, 4);
    assert_string_equal(e->reihen[3].gebiet, "T");     /* the total last */
    symbol_ist(indikator_reihe_fuer(e, "G1"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    wert_ist(indikator_reihe_fuer(e, "G2"), 2024, 5.0);
    symbol_ist(indikator_reihe_fuer(e, "G3"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_SEKUNDAER);
    wert_ist(indikator_reihe_fuer(e, "T"), 2024, 1700.0 / 450.0);
    /*
     * 2023: the denominators are small: P G1 = 2 → primary; complement in P's column: G3 (150 < 200).
     * The numerators 10, 10, 10 | 30 are fine.  Rates: G1 PRIMAER, G3 SEKUNDAER, G2 5, T 30 ÷ 352 × 100.
     */
    symbol_ist(indikator_reihe_fuer(e, "G1"), 2023, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    wert_ist(indikator_reihe_fuer(e, "G2"), 2023, 5.0);
    symbol_ist(indikator_reihe_fuer(e, "G3"), 2023, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_SEKUNDAER);
    wert_ist(indikator_reihe_fuer(e, "T"), 2023, 3000.0 / 352.0);
    /* 2021 without totals: no line, so no complement either: 5 ÷ 150 × 100 is published */
    wert_ist(indikator_reihe_fuer(e, "G3"), 2021, 500.0 / 150.0);
    assert_null(indikator_punkt_im_jahr(indikator_reihe_fuer(e, "T"), 2021));

    /* the counts themselves, same pattern */
    e = &erg[1];
    symbol_ist(indikator_reihe_fuer(e, "G1"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    wert_ist(indikator_reihe_fuer(e, "G2"), 2024, 10.0);
    symbol_ist(indikator_reihe_fuer(e, "G3"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_SEKUNDAER);
    wert_ist(indikator_reihe_fuer(e, "T"), 2024, 17.0);
    wert_ist(indikator_reihe_fuer(e, "G1"), 2023, 10.0);
    /* 2022 without a total: no line, only the primary suppression; T has no point */
    symbol_ist(indikator_reihe_fuer(e, "G1"), 2022, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    wert_ist(indikator_reihe_fuer(e, "G3"), 2022, 5.0);
    assert_null(indikator_punkt_im_jahr(indikator_reihe_fuer(e, "T"), 2022));
    /* 2021: nothing small and no total: the missing total must not force a complement (G3 stays) */
    wert_ist(indikator_reihe_fuer(e, "G1"), 2021, 10.0);
    wert_ist(indikator_reihe_fuer(e, "G3"), 2021, 5.0);
    /* without a total there is no line: only the primary suppression */
    e = &erg[2];
    assert_int_equal(e->nreihen, 3);
    symbol_ist(indikator_reihe_fuer(e, "G1"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    wert_ist(indikator_reihe_fuer(e, "G3"), 2024, 5.0);
    /* schwelle = 0: published as delivered */
    e = &erg[3];
    wert_ist(indikator_reihe_fuer(e, "G1"), 2024, 2.0);
    /* a rate over a referenced count indicator: the suppressions come along as symbols */
    e = &erg[4];
    symbol_ist(indikator_reihe_fuer(e, "G1"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    symbol_ist(indikator_reihe_fuer(e, "G3"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_SEKUNDAER);
    wert_ist(indikator_reihe_fuer(e, "G2"), 2024, 50.0);       /* 10 ÷ 200 × 1000 */
    /* … and the denominator of 2023 is suppressed here as well (G1 2 primary, G3 secondary) */
    symbol_ist(indikator_reihe_fuer(e, "G1"), 2023, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    symbol_ist(indikator_reihe_fuer(e, "G3"), 2023, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_SEKUNDAER);
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);

    /* options: with nullen_schuetzen a zero count is suppressed too */
    static const struct indikator_beobachtung null[] = {
        W("E", "G1", 2024, 0), W("E", "G2", 2024, 10), W("E", "G3", 2024, 5), W("E", "T", 2024, 15),
    };
    struct geheimhaltung_optionen opt = { 1 };
    assert_int_equal(indikator_berechnen_alle(&k, null, 4, &opt, &erg), 0);
    symbol_ist(indikator_reihe_fuer(&erg[2], "G1"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_PRIMAER);
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    assert_int_equal(indikator_berechnen_alle(&k, null, 4, NULL, &erg), 0);
    wert_ist(indikator_reihe_fuer(&erg[2], "G1"), 2024, 0.0);
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    katalog_freigeben(&k);
}

/* ---- Geheimhaltung of the raw observations ---------------------------------------------------- */

static const char katalog_roh[] =
    "[handlungsfeld:h]\ntitel = H\n"
    "[indikator:insg]\ntitel = I\nhandlungsfeld = h\nart = anzahl\nwert = D\nwert_filter = Geschlecht=insgesamt\n"
    "[indikator:w]\ntitel = W\nhandlungsfeld = h\nart = anzahl\nwert = D\nwert_filter = Geschlecht=weiblich\n"
    "[indikator:frei]\ntitel = F\nhandlungsfeld = h\nart = anzahl\nwert = F\nschwelle = 0\n";

/*
 * D 2024, the Land K030 and its two Kreise, each insgesamt = männlich + weiblich,
 * plus a percentage of K03101 in another unit:
 *   K030    30 = 15 + 15
 *   K03101  10 =  2 +  8      Prozent männlich 20
 *   K03102  20 = 13 +  7
 * Primary (schwelle 3): K03101 m.  Lines in order: hierarchy per combination
 * (K030 = K03101 + K03102 for insgesamt, männlich, weiblich; K030 stands for
 * its Land prefix K03), then per area insgesamt = männlich + weiblich.
 * Hierarchy männlich: one unpublished → of K030 m (total: rank 1) and
 * K03102 m (rank 0) → K03102 m.  Group K03101: one (m) → of insg (total) and
 * w (8) → w.  Group K03102: one (m) → w (7).  The percentage of K03101 follows
 * its area.  The dataset F has schwelle 0: not protected.
 */
static void test_rohdaten(void **state)
{
    (void)state;
    struct katalog k;
    katalog_aus(katalog_roh, &k);
    struct indikator_beobachtung b[] = {
        WM("D", "K030", 2024, "Geschlecht=insgesamt", 30), WM("D", "K030", 2024, "Geschlecht=männlich", 15),
        WM("D", "K030", 2024, "Geschlecht=weiblich", 15),
        WM("D", "K03101", 2024, "Geschlecht=insgesamt", 10), WM("D", "K03101", 2024, "Geschlecht=männlich", 2),
        WM("D", "K03101", 2024, "Geschlecht=weiblich", 8),
        WM("D", "K03102", 2024, "Geschlecht=insgesamt", 20), WM("D", "K03102", 2024, "Geschlecht=männlich", 13),
        WM("D", "K03102", 2024, "Geschlecht=weiblich", 7),
        { "D", 2024, "K03101", "Gebiet K03101", "Geschlecht=männlich", "Prozent", 20, WERTE_SYMBOL_KEINES,
          GEHEIMHALTUNG_WERT, NULL, 0 },
    };
    enum geheimhaltung_status st[10];
    assert_int_equal(indikator_datensatz_schwelle(&k, "D"), 3);
    assert_int_equal(indikator_datensatz_schwelle(&k, "F"), 0);
    assert_int_equal(indikator_rohdaten_schuetzen(&k, "D", b, 10, NULL, st), 5);
    static const enum geheimhaltung_status want[10] = {
        GEHEIMHALTUNG_WERT, GEHEIMHALTUNG_WERT, GEHEIMHALTUNG_WERT,
        GEHEIMHALTUNG_WERT, GEHEIMHALTUNG_PRIMAER, GEHEIMHALTUNG_SEKUNDAER,
        GEHEIMHALTUNG_WERT, GEHEIMHALTUNG_SEKUNDAER, GEHEIMHALTUNG_SEKUNDAER,
        GEHEIMHALTUNG_SEKUNDAER,
    };
    for (int i = 0; i < 10; i++) {
        if (st[i] != want[i]) print_error("Beobachtung %d: Status %d, erwartet %d\n", i, st[i], want[i]);
        assert_int_equal(st[i], want[i]);
    }
    /* the indicators take the raw status: weiblich of both Kreise is „.“, the totals are published */
    for (int i = 0; i < 10; i++) b[i].geheim = st[i];
    struct indikator_ergebnis *erg;
    assert_int_equal(indikator_berechnen_alle(&k, b, 10, NULL, &erg), 0);
    symbol_ist(indikator_reihe_fuer(&erg[1], "K03101"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_SEKUNDAER);
    symbol_ist(indikator_reihe_fuer(&erg[1], "K03102"), 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_SEKUNDAER);
    wert_ist(indikator_reihe_fuer(&erg[1], "K030"), 2024, 15);
    wert_ist(indikator_reihe_fuer(&erg[0], "K03101"), 2024, 10);
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    /* a part not delivered counts as unpublished.  Without K03102 weiblich (and with K03101
     * männlich 5, nothing small): K030 w = K03101 w + (K03102 w missing) has one → K03101 w
     * (rank 0 before the total K030 w); then K03101's group has one → m (5, before the total);
     * then the hierarchy männlich has one → K03102 m (13).  K03102's group keeps two. */
    struct indikator_beobachtung c[8];
    memcpy(c, b, sizeof c);
    for (int i = 0; i < 8; i++) c[i].geheim = GEHEIMHALTUNG_WERT;
    c[4].wert = 5;
    assert_int_equal(indikator_rohdaten_schuetzen(&k, "D", c, 8, NULL, st), 3);
    assert_int_equal(st[4], GEHEIMHALTUNG_SEKUNDAER);
    assert_int_equal(st[5], GEHEIMHALTUNG_SEKUNDAER);
    assert_int_equal(st[7], GEHEIMHALTUNG_SEKUNDAER);
    assert_int_equal(st[6], GEHEIMHALTUNG_WERT);
    katalog_freigeben(&k);
}

/* ---- duplicates: named with both rows, only where they matter ------------------------------ */

static void test_doppelt(void **state)
{
    (void)state;
    struct katalog k;
    katalog_aus("[handlungsfeld:h]\ntitel = H\n"
                "[indikator:a]\ntitel = A\nhandlungsfeld = h\nart = anzahl\nwert = D\nschwelle = 0\n"
                "[indikator:l]\ntitel = L\nhandlungsfeld = h\nart = anzahl\nwert = D\nschwelle = 0\ngebiete = K1\n", &k);
    struct indikator_beobachtung b[] = {
        W("D", "K1", 2024, 10), W("D", "K2", 2024, 20), W("D", "K2", 2024, 21), W("D", "K3", 2024, 30),
    };
    b[1].datei = "a.csv"; b[1].zeile = 7;
    b[2].datei = "b.xlsx"; b[2].zeile = 12;
    static const char *const bericht[] = { "K1", "K3", NULL };
    k.berichtsgebiete = bericht;
    /* K2 is not printed: a warning with both rows, K2 left out, the indicator computed */
    struct indikator_ergebnis *erg;
    stderr_auffangen();
    assert_int_equal(indikator_berechnen_alle(&k, b, 4, NULL, &erg), 0);
    stderr_zurueck();
    assert_non_null(strstr(meldungen, "Warnung: Katalog K.ini, [indikator:a]: wert D: Gebiet K2, Jahr 2024 mehrfach"));
    assert_non_null(strstr(meldungen, "Datei a.csv, Zeile 7"));
    assert_non_null(strstr(meldungen, "Datei b.xlsx, Zeile 12"));
    assert_null(strstr(meldungen, "[indikator:l]"));      /* l computes K1 (and K3) only: K2 never looked at */
    assert_int_equal(erg[0].nreihen, 2);
    wert_ist(indikator_reihe_fuer(&erg[0], "K3"), 2024, 30);
    assert_null(indikator_reihe_fuer(&erg[0], "K2"));
    /* the report areas are computed for a list as well: l has K1 and the comparison K3 */
    assert_int_equal(erg[1].nreihen, 2);
    wert_ist(indikator_reihe_fuer(&erg[1], "K3"), 2024, 30);
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    /* K2 printed: the indicator fails, the message names both rows, no filter advice */
    static const char *const bericht2[] = { "K2", NULL };
    k.berichtsgebiete = bericht2;
    stderr_auffangen();
    assert_int_equal(indikator_berechnen_alle(&k, b, 4, NULL, &erg), -1);
    stderr_zurueck();
    assert_int_equal(erg[0].berechnet, 0);
    assert_string_equal(erg[0].fehler, "wert D: Gebiet K2, Jahr 2024 zweimal geliefert (Merkmale „“): Datei a.csv, "
                                       "Zeile 7 und Datei b.xlsx, Zeile 12 — eine der beiden Zeilen entfernen oder die "
                                       "ältere Lieferung ersetzen");
    assert_null(strstr(meldungen, "_filter"));
    assert_int_equal(erg[1].berechnet, 0);   /* K2 is a report area: l computes it too */
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    katalog_freigeben(&k);
}

/* ---- symbols from the input ---------------------------------------------------------------- */

static void test_symbole(void **state)
{
    (void)state;
    struct katalog k;
    katalog_aus("[handlungsfeld:h]\ntitel = H\n"
                "[indikator:q]\ntitel = Q\nhandlungsfeld = h\nart = anteil\nzaehler = Z\nnenner = N\ngebiete = A\n",
                &k);
    static const struct indikator_beobachtung b[] = {
        SY("Z", "A", 2018, WERTE_SYMBOL_NICHT_SICHER), W("N", "A", 2018, 100),         /* „/“ */
        W("Z", "A", 2019, 50), SY("N", "A", 2019, WERTE_SYMBOL_SPAETER),                /* „…“ */
        SY("Z", "A", 2020, WERTE_SYMBOL_NICHTS), W("N", "A", 2020, 100),                /* „–“ = 0 */
        W("Z", "A", 2021, 50), SY("N", "A", 2021, WERTE_SYMBOL_NICHTS),                 /* ÷ 0 → „x“ */
        SY("Z", "A", 2022, WERTE_SYMBOL_KEINE_ANGABE), SY("N", "A", 2022, WERTE_SYMBOL_GESPERRT), /* numerator's */
        SY("Z", "A", 2023, WERTE_SYMBOL_VORLAEUFIG), W("N", "A", 2023, 100),            /* a bare mark → „.“ */
        SY("Z", "A", 2024, WERTE_SYMBOL_KEINES), W("N", "A", 2024, 100),                /* NAN, no symbol → „.“ */
    };
    struct indikator_ergebnis *erg;
    assert_int_equal(indikator_berechnen_alle(&k, b, sizeof b / sizeof b[0], NULL, &erg), 0);
    const struct indikator_reihe *r = indikator_reihe_fuer(&erg[0], "A");
    symbol_ist(r, 2018, WERTE_SYMBOL_NICHT_SICHER, GEHEIMHALTUNG_WERT);
    symbol_ist(r, 2019, WERTE_SYMBOL_SPAETER, GEHEIMHALTUNG_WERT);
    wert_ist(r, 2020, 0.0);
    symbol_ist(r, 2021, WERTE_SYMBOL_GESPERRT, GEHEIMHALTUNG_WERT);
    symbol_ist(r, 2022, WERTE_SYMBOL_KEINE_ANGABE, GEHEIMHALTUNG_WERT);
    symbol_ist(r, 2023, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);
    symbol_ist(r, 2024, WERTE_SYMBOL_UNBEKANNT, GEHEIMHALTUNG_WERT);
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    katalog_freigeben(&k);
}

/* ---- errors ----------------------------------------------------------------------------------- */

static void test_fehler(void **state)
{
    (void)state;
    struct katalog k;
    katalog_aus("[katalog]\ngebiete = A\n[handlungsfeld:h]\ntitel = H\n"
                "[indikator:amb]\ntitel = Q\nhandlungsfeld = h\nart = anteil\nwert = Q\n"
                "[indikator:neg]\ntitel = N\nhandlungsfeld = h\nart = anzahl\nwert = NEG\n"
                "[indikator:ms]\ntitel = M\nhandlungsfeld = h\nart = meilenstein\nwert = M\n"
                "[indikator:nutzt]\ntitel = U\nhandlungsfeld = h\nart = veraenderung\nreihe = indikator:neg\n"
                "[indikator:gut]\ntitel = G\nhandlungsfeld = h\nart = anzahl\nwert = NEG\nschwelle = 0\n",
                &k);
    static const struct indikator_beobachtung b[] = {
        WM("Q", "A", 2022, "Geschlecht=weiblich", 1.1), WM("Q", "A", 2022, "Geschlecht=Insgesamt", 1.4),
        W("NEG", "A", 2024, -5),
        W("M", "A", 2024, 2),
    };
    struct indikator_ergebnis *erg = xcalloc((size_t)k.nindikatoren, sizeof *erg);

    stderr_auffangen();
    assert_int_equal(indikator_berechnen(&k, 0, b, 4, NULL, erg), -1);
    stderr_zurueck();
    assert_string_equal(meldungen, "ibericht: Fehler: Katalog K.ini, [indikator:amb]: wert Q: mehrere Beobachtungen "
                                   "für Gebiet A, Jahr 2022: Merkmale „Geschlecht=Insgesamt“ (Herkunft unbekannt) und "
                                   "„Geschlecht=weiblich“ (Herkunft unbekannt) — den Filter wert_filter um das Merkmal "
                                   "ergänzen, in dem sie sich unterscheiden\n");
    assert_int_equal(erg[0].berechnet, 0);
    assert_non_null(erg[0].fehler);
    assert_non_null(strstr(erg[0].fehler, "mehrere Beobachtungen für Gebiet A"));

    stderr_auffangen();
    assert_int_equal(indikator_berechnen(&k, 1, b, 4, NULL, erg), -1);
    stderr_zurueck();
    assert_string_equal(meldungen, "ibericht: Fehler: Katalog K.ini, [indikator:neg]: Jahr 2024: negative oder "
                                   "ungültige Zählwerte — keine Geheimhaltung möglich (schwelle = 0 setzen, wenn die "
                                   "Werte keine Fallzahlen sind)\n");

    stderr_auffangen();
    assert_int_equal(indikator_berechnen(&k, 2, b, 4, NULL, erg), -1);
    stderr_zurueck();
    assert_string_equal(meldungen, "ibericht: Fehler: Katalog K.ini, [indikator:ms]: Gebiet A, Jahr 2024: "
                                   "Meilenstein-Wert 2 ist nicht 0 (nein), 1 (ja) oder dazwischen (teilweise)\n");

    stderr_auffangen();
    assert_int_equal(indikator_berechnen(&k, 3, b, 4, NULL, erg), -1);
    stderr_zurueck();
    assert_string_equal(meldungen, "ibericht: Fehler: Katalog K.ini, [indikator:nutzt]: reihe: beruht auf "
                                   "[indikator:neg], dessen Berechnung fehlgeschlagen ist\n");
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);

    /* all at once: the failures are reported, the others computed, users of a failed one skipped */
    stderr_auffangen();
    assert_int_equal(indikator_berechnen_alle(&k, b, 4, NULL, &erg), -1);
    stderr_zurueck();
    assert_int_equal(erg[0].berechnet, 0);
    assert_int_equal(erg[1].berechnet, 0);
    assert_int_equal(erg[2].berechnet, 0);
    assert_int_equal(erg[3].berechnet, 0);
    assert_int_equal(erg[4].berechnet, 1);
    wert_ist(indikator_reihe_fuer(&erg[4], "A"), 2024, -5.0);
    assert_null(strstr(meldungen, "[indikator:nutzt]"));    /* not reported twice */
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    katalog_freigeben(&k);
    pfad_tmp[0] = '\0';
}

/* ---- real data: LSN Einbürgerungen and Ausländer ------------------------------------------------ */

#define LSN "inputs/beispiele/niedersachsen/csv"

struct lsn {
    struct indikator_beobachtung *b;
    size_t n, cap;
    const char *indikator;
};

static int lsn_zeile(const struct csvrow *row, void *ctx)
{
    struct lsn *l = ctx;
    if (row->row == 1) return 0;            /* Year,Gebietseinheit,GeoCode,Value */
    assert_int_equal(row->nfields, 4);
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 1024;
        l->b = xrealloc(l->b, sizeof *l->b * l->cap);
    }
    struct indikator_beobachtung *b = &l->b[l->n++];
    memset(b, 0, sizeof *b);
    b->indikator = l->indikator;
    b->jahr = atoi(row->fields[0]);
    b->gebiet_name = xstrdup(row->fields[1]);
    b->gebiet = xstrdup(row->fields[2]);
    b->merkmale = "";
    b->einheit = "";
    b->wert = row->fields[3][0] ? strtod(row->fields[3], NULL) : NAN;
    b->symbol = WERTE_SYMBOL_KEINES;
    return 0;
}

static void lsn_lesen(struct lsn *l, const char *datei, const char *indikator)
{
    char pfad[256];
    snprintf(pfad, sizeof pfad, LSN "/%s", datei);
    struct csvreader_options opt;
    memset(&opt, 0, sizeof opt);
    struct csvreader_error err;
    l->indikator = indikator;
    assert_int_equal(csvreader_read(pfad, &opt, lsn_zeile, l, &err, NULL, NULL), CSVREADER_OK);
}

static void lsn_frei(struct lsn *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free((char *)l->b[i].gebiet);
        free((char *)l->b[i].gebiet_name);
    }
    free(l->b);
}

static void test_lsn_einbuergerungsquote(void **state)
{
    (void)state;
    struct stat st;
    if (stat(LSN "/indicator_2-3-1.csv", &st) != 0) {
        print_message(LSN " fehlt: Test mit echten LSN-Daten übersprungen\n");
        skip();
    }
    struct lsn l = { 0 };
    lsn_lesen(&l, "indicator_2-3-1.csv", "2-3-1");
    lsn_lesen(&l, "indicator_1-2-1.csv", "1-2-1");
    lsn_lesen(&l, "indicator_1-1-1.csv", "1-1-1");
    assert_int_equal(l.n, 3 * 1040);

    struct katalog k;
    assert_int_equal(katalog_laden("config/katalog_niedersachsen.ini", &k), 0);
    int q = katalog_indikator_index(&k, "einbuergerungsquote");
    assert_true(q >= 0);
    struct indikator_ergebnis *erg = xcalloc((size_t)k.nindikatoren, sizeof *erg);
    assert_int_equal(indikator_berechnen(&k, q, l.b, l.n, NULL, erg), 0);

    /*
     * Einbürgerungen (2-3-1) ÷ Ausländerinnen und Ausländer (1-2-1) × 100, from the CSV rows:
     *   Wesermarsch K03461: 2022 107 ÷ 9.565  = 1,118662 %   2023 73 ÷ 10.155 = 0,718858 %
     *                       2024 134 ÷ 10.430 = 1,284756 %
     *   Wolfsburg   K03103: 2021 283 ÷ 20.990 = 1,348261 %   2022 386 ÷ 23.965 = 1,610682 %
     *                       2023 666 ÷ 25.290 = 2,633452 %   2024 558 ÷ 25.945 = 2,150703 %
     */
    const struct indikator_reihe *wst = indikator_reihe_fuer(&erg[q], "K03461");
    const struct indikator_reihe *wob = indikator_reihe_fuer(&erg[q], "K03103");
    assert_non_null(wst);
    assert_non_null(wob);
    assert_string_equal(wst->gebiet_name, "Wesermarsch");
    assert_string_equal(wob->gebiet_name, "Wolfsburg, Stadt");
    assert_int_equal(wst->npunkte, 20);                    /* 2005–2024 */
    struct { const struct indikator_reihe *r; int jahr; double z, n, soll; } faelle[] = {
        { wst, 2022, 107, 9565, 1.118662 }, { wst, 2023, 73, 10155, 0.718858 }, { wst, 2024, 134, 10430, 1.284756 },
        { wob, 2021, 283, 20990, 1.348261 }, { wob, 2022, 386, 23965, 1.610682 }, { wob, 2023, 666, 25290, 2.633452 },
        { wob, 2024, 558, 25945, 2.150703 },
    };
    for (size_t i = 0; i < sizeof faelle / sizeof faelle[0]; i++) {
        const struct indikator_punkt *p = indikator_punkt_im_jahr(faelle[i].r, faelle[i].jahr);
        assert_non_null(p);
        assert_int_equal(p->symbol, WERTE_SYMBOL_KEINES);
        assert_true(p->zaehler == faelle[i].z && p->nenner == faelle[i].n);
        if (fabs(p->wert - faelle[i].soll) > 5e-7)
            print_error("%s %d: %.7f, erwartet %.6f\n", faelle[i].r->gebiet, faelle[i].jahr, p->wert, faelle[i].soll);
        assert_true(fabs(p->wert - faelle[i].soll) <= 5e-7);
    }
    /* 2024 against 2023, toleranz 0,1 pp: Wesermarsch +0,566 pp besser, Wolfsburg −0,483 pp schlechter */
    struct indikator_vergleich v;
    assert_int_equal(indikator_vergleichen(wst, &k.indikatoren[q], 2024, &v), 0);
    assert_true(fabs(v.differenz - (1.284756 - 0.718858)) < 1e-5);
    assert_int_equal(v.status, INDIKATOR_BESSER);
    assert_int_equal(indikator_vergleichen(wob, &k.indikatoren[q], 2024, &v), 0);
    assert_true(fabs(v.differenz - (2.150703 - 2.633452)) < 1e-5);
    assert_int_equal(v.status, INDIKATOR_SCHLECHTER);
    /*
     * A quirk of the delivery: 2-3-1 gives Niedersachsen the GeoCode K030 up to 2020 and none from 2021
     * (1-2-1 always K030).  The 2021–2024 rows fall back to the name „Niedersachsen“, so K030 has no
     * numerator from 2021 („.“) and the series „Niedersachsen“ no denominator.
     */
    const struct indikator_reihe *nds = indikator_reihe_fuer(&erg[q], "K030");
    assert_non_null(nds);
    assert_int_equal(indikator_punkt_im_jahr(nds, 2020)->symbol, WERTE_SYMBOL_KEINES);
    assert_int_equal(indikator_punkt_im_jahr(nds, 2024)->symbol, WERTE_SYMBOL_UNBEKANNT);
    assert_non_null(indikator_reihe_fuer(&erg[q], "Niedersachsen"));
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    katalog_freigeben(&k);

    /* the Wolfsburg catalogue: the same quote for Wolfsburg only, and the Ausländeranteil */
    assert_int_equal(katalog_laden("config/katalog_wolfsburg.ini", &k), 0);
    erg = NULL;
    assert_int_equal(indikator_berechnen_alle(&k, l.b, l.n, NULL, &erg), 0);
    q = katalog_indikator_index(&k, "einbuergerungsquote");
    assert_int_equal(erg[q].nreihen, 1);
    wob = indikator_reihe_fuer(&erg[q], NULL);
    assert_string_equal(wob->gebiet, "K03103");
    assert_true(fabs(indikator_punkt_im_jahr(wob, 2024)->wert - 2.150703) <= 5e-7);
    int a = katalog_indikator_index(&k, "auslaenderanteil");
    /* 25.945 ÷ 129.524 × 100 = 20,031037 % */
    assert_true(fabs(indikator_punkt_im_jahr(indikator_reihe_fuer(&erg[a], "K03103"), 2024)->wert - 20.031037) < 5e-7);
    /* coverage 2024 in Wolfsburg: 2 of 185 indicators have data, 183 are not collected */
    struct indikator_abdeckung ab;
    indikator_abdeckung(&k, erg, 2024, "K03103", &ab);
    assert_int_equal(ab.gesamt.indikatoren, 185);
    assert_int_equal(ab.gesamt.mit_daten, 2);
    assert_int_equal(ab.gesamt.ohne_daten, 183);
    assert_int_equal(ab.gesamt.nicht_erhoben, 183);
    assert_int_equal(ab.gesamt.schlechter, 1);              /* Einbürgerungsquote −0,48 pp */
    assert_int_equal(ab.gesamt.veraendert, 1);              /* Ausländeranteil, neutral */
    indikator_abdeckung_freigeben(&k, &ab);
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    katalog_freigeben(&k);
    lsn_frei(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_anteil, haupt_auf, haupt_ab),
        cmocka_unit_test_setup_teardown(test_je_1000_und_anzahl, haupt_auf, haupt_ab),
        cmocka_unit_test_setup_teardown(test_mittelwert, haupt_auf, haupt_ab),
        cmocka_unit_test_setup_teardown(test_veraenderung, haupt_auf, haupt_ab),
        cmocka_unit_test_setup_teardown(test_meilenstein_und_geliefert, haupt_auf, haupt_ab),
        cmocka_unit_test_setup_teardown(test_vergleich, haupt_auf, haupt_ab),
        cmocka_unit_test(test_status_toleranz),
        cmocka_unit_test(test_vergleich_von_null),
        cmocka_unit_test(test_steigung),
        cmocka_unit_test_setup_teardown(test_trend, haupt_auf, haupt_ab),
        cmocka_unit_test_setup_teardown(test_ziel, haupt_auf, haupt_ab),
        cmocka_unit_test_setup_teardown(test_abdeckung, haupt_auf, haupt_ab),
        cmocka_unit_test(test_geheimhaltung),
        cmocka_unit_test(test_rohdaten),
        cmocka_unit_test(test_doppelt),
        cmocka_unit_test(test_symbole),
        cmocka_unit_test(test_fehler),
        cmocka_unit_test(test_lsn_einbuergerungsquote),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
