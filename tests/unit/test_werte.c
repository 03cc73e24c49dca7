/*
 * test_werte.c — unit tests of lib/werte: German numbers with marks,
 * English notation and its ambiguities, table symbols (DIN 55301 /
 * Destatis) and dates in the four accepted formats.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "lib/werte.h"

static const struct werte_zahl_optionen englisch = { .englisch = 1 };

/* text must parse to want with exactly the marks `flags` */
static void zahl_ok(const char *text, const struct werte_zahl_optionen *opt, double want, int flags)
{
    double v = -999;
    int rc = werte_zahl(text, opt, &v);
    if (rc != flags || v != want)
        print_error("werte_zahl(\"%s\") = %d, %.17g; erwartet %d, %.17g\n", text, rc, v, flags, want);
    assert_int_equal(rc, flags);
    assert_true(v == want);
}

static void zahl_fails(const char *text, const struct werte_zahl_optionen *opt, int status)
{
    double v = 1;
    int rc = werte_zahl(text, opt, &v);
    if (rc != status) print_error("werte_zahl(\"%s\") = %d, erwartet %d\n", text, rc, status);
    assert_int_equal(rc, status);
    assert_true(isnan(v));
}

static void test_zahl_german(void **state)
{
    (void)state;
    zahl_ok("1.234,5", NULL, 1234.5, 0);
    zahl_ok("1234,5", NULL, 1234.5, 0);
    zahl_ok("-12,25", NULL, -12.25, 0);
    zahl_ok("+7", NULL, 7, 0);
    zahl_ok("42", NULL, 42, 0);
    zahl_ok("007", NULL, 7, 0);
    zahl_ok("0,5", NULL, 0.5, 0);
    zahl_ok("1.234.567", NULL, 1234567, 0);
    zahl_ok("1.234.567,891", NULL, 1234567.891, 0);
    zahl_ok("1.234", NULL, 1234, 0);                     /* German: thousands dot */
    zahl_ok("1,234", NULL, 1.234, 0);                    /* German: decimal comma */
    zahl_ok("123.456", NULL, 123456, 0);
    zahl_ok("1 234", NULL, 1234, 0);
    zahl_ok("1\xC2\xA0" "234,5", NULL, 1234.5, 0);       /* NBSP */
    zahl_ok("1\xE2\x80\xAF" "234", NULL, 1234, 0);       /* narrow NBSP */
    zahl_ok("12\xE2\x80\xAF" "345\xE2\x80\xAF" "678,9", NULL, 12345678.9, 0);
    zahl_ok("  42\t", NULL, 42, 0);
    zahl_ok("\xC2\xA0" "3,5\xC2\xA0", NULL, 3.5, 0);
    zahl_ok("\xE2\x88\x92" "5", NULL, -5, 0);             /* U+2212 minus sign */
    zahl_ok("-1.234,5", NULL, -1234.5, 0);
}

static void test_zahl_marks(void **state)
{
    (void)state;
    zahl_ok("12 %", NULL, 12, WERTE_PROZENT);
    zahl_ok("12,5%", NULL, 12.5, WERTE_PROZENT);
    zahl_ok("12,5\xC2\xA0%", NULL, 12.5, WERTE_PROZENT);
    zahl_ok("-3,4 %", NULL, -3.4, WERTE_PROZENT);
    zahl_ok("(12,5)", NULL, 12.5, WERTE_EINGESCHRAENKT);
    zahl_ok("( 12,5 )", NULL, 12.5, WERTE_EINGESCHRAENKT);
    zahl_ok("(-2)", NULL, -2, WERTE_EINGESCHRAENKT);     /* parentheses are no minus */
    zahl_ok("(3,4 %)", NULL, 3.4, WERTE_EINGESCHRAENKT | WERTE_PROZENT);
    zahl_ok("(3,4) %", NULL, 3.4, WERTE_EINGESCHRAENKT | WERTE_PROZENT);
    zahl_ok("12,5 p", NULL, 12.5, WERTE_VORLAEUFIG);
    zahl_ok("12,5p", NULL, 12.5, WERTE_VORLAEUFIG);
    zahl_ok("1.234 r", NULL, 1234, WERTE_BERICHTIGT);
    zahl_ok("17 s", NULL, 17, WERTE_GESCHAETZT);
    zahl_ok("(12,5) p", NULL, 12.5, WERTE_EINGESCHRAENKT | WERTE_VORLAEUFIG);
    zahl_ok("4,5 % r", NULL, 4.5, WERTE_PROZENT | WERTE_BERICHTIGT);
    zahl_ok("12 r p", NULL, 12, WERTE_BERICHTIGT | WERTE_VORLAEUFIG);
    zahl_ok("0", NULL, 0, WERTE_WENIGER_ALS_HAELFTE);
    zahl_ok("0,0", NULL, 0, WERTE_WENIGER_ALS_HAELFTE);
    zahl_ok("0 p", NULL, 0, WERTE_WENIGER_ALS_HAELFTE | WERTE_VORLAEUFIG);
    zahl_ok("10", NULL, 10, 0);
    zahl_ok("0,01", NULL, 0.01, 0);
    double v;
    assert_int_equal(werte_zahl("-0,0", NULL, &v), WERTE_WENIGER_ALS_HAELFTE);
    assert_true(v == 0 && signbit(v));                   /* sign kept */
    assert_int_equal(werte_zahl("5", NULL, NULL), 0);    /* out may be NULL */
}

static void test_zahl_rejects(void **state)
{
    (void)state;
    zahl_fails(NULL, NULL, WERTE_LEER);
    zahl_fails("", NULL, WERTE_LEER);
    zahl_fails(" \t\xC2\xA0 ", NULL, WERTE_LEER);
    const char *garbage[] = {
        "abc", "12a", "a12", "1.23", "1.2345", "0.123", "1234.567", "12,", "12.", ",5", ".5",
        "1,2,3", "1..2", "1,,2", "1.234 567", "1 23", "1  234", "--5", "+-5", "- 5", "5-",
        "1,23E+11", "1e5", "12 %%", "(12", "12)", "()", "( )", "12 pp", "%", "p", "ps", "12 x",
        "5 €", "€ 5", "12 Stück", "1.234,5.6", "1,234.5", "1.5", "0x1F", "1\t234", "12 q",
        "12345678901234567890123456789012345678901",   /* 41 digits */
    };
    for (size_t i = 0; i < sizeof garbage / sizeof *garbage; i++)
        zahl_fails(garbage[i], NULL, WERTE_KEINE_ZAHL);
    const char *symbols[] = { "-", "–", "—", ".", "/", "x", "X", "…", "...", "k.A.", " k. A. ", "n.v.", "N.V." };
    for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++)
        zahl_fails(symbols[i], NULL, WERTE_NUR_SYMBOL);
}

static void test_zahl_english(void **state)
{
    (void)state;
    zahl_ok("1,234.5", &englisch, 1234.5, 0);
    zahl_ok("1.5", &englisch, 1.5, 0);
    zahl_ok("0.5", &englisch, 0.5, 0);
    zahl_ok("-0.25 %", &englisch, -0.25, WERTE_PROZENT);
    zahl_ok("1,234,567", &englisch, 1234567, 0);
    zahl_ok("1,234,567.25", &englisch, 1234567.25, 0);
    zahl_ok("1234.567", &englisch, 1234.567, 0);
    zahl_ok("1 234.5", &englisch, 1234.5, 0);
    /* valid in both notations: German wins, flagged when the values differ */
    zahl_ok("1.234", &englisch, 1234, WERTE_MEHRDEUTIG);
    zahl_ok("1,234", &englisch, 1.234, WERTE_MEHRDEUTIG);
    zahl_ok("1 234", &englisch, 1234, 0);
    zahl_ok("1234", &englisch, 1234, 0);
    /* German-only forms stay German */
    zahl_ok("1.234,5", &englisch, 1234.5, 0);
    zahl_ok("1,5", &englisch, 1.5, 0);
    zahl_ok("1.234.567", &englisch, 1234567, 0);
    zahl_fails("1.234,567.8", &englisch, WERTE_KEINE_ZAHL);
    zahl_fails("1,23.4", &englisch, WERTE_KEINE_ZAHL);
    zahl_fails("1.5", NULL, WERTE_KEINE_ZAHL);           /* English only with the option */
    struct werte_zahl_optionen deutsch = { 0 };
    zahl_fails("1,234.5", &deutsch, WERTE_KEINE_ZAHL);
}

static void test_symbol_parse(void **state)
{
    (void)state;
    struct { const char *text; enum werte_symbol want; } cases[] = {
        { "–", WERTE_SYMBOL_NICHTS }, { "-", WERTE_SYMBOL_NICHTS }, { " — ", WERTE_SYMBOL_NICHTS },
        { ".", WERTE_SYMBOL_UNBEKANNT }, { "/", WERTE_SYMBOL_NICHT_SICHER },
        { "x", WERTE_SYMBOL_GESPERRT }, { "X", WERTE_SYMBOL_GESPERRT },
        { "…", WERTE_SYMBOL_SPAETER }, { "...", WERTE_SYMBOL_SPAETER },
        { "k.A.", WERTE_SYMBOL_KEINE_ANGABE }, { "k. A.", WERTE_SYMBOL_KEINE_ANGABE },
        { "K.A.", WERTE_SYMBOL_KEINE_ANGABE }, { "k.A", WERTE_SYMBOL_KEINE_ANGABE },
        { "n.v.", WERTE_SYMBOL_KEINE_ANGABE }, { "n. v.", WERTE_SYMBOL_KEINE_ANGABE },
        { "\xC2\xA0x\xC2\xA0", WERTE_SYMBOL_GESPERRT },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        enum werte_symbol s = WERTE_SYMBOL_KEINES;
        assert_int_equal(werte_symbol_parse(cases[i].text, &s), 1);
        assert_int_equal(s, cases[i].want);
    }
    const char *no[] = { "", "  ", "0", "12", "12,5", "p", "r", "s", "( )", "()", "xx", "..", "....",
                         "k.", "ka", "n.a.", "–5", "x 1" };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        enum werte_symbol s = WERTE_SYMBOL_GESPERRT;
        assert_int_equal(werte_symbol_parse(no[i], &s), 0);
        assert_int_equal(s, WERTE_SYMBOL_KEINES);
    }
    assert_int_equal(werte_symbol_parse(NULL, NULL), 0);
    assert_int_equal(werte_symbol_parse("x", NULL), 1);
}

static void test_symbol_text_and_legend(void **state)
{
    (void)state;
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_NICHTS), "–");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_WENIGER_ALS_HAELFTE), "0");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_UNBEKANNT), ".");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_NICHT_SICHER), "/");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_GESPERRT), "x");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_SPAETER), "…");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_EINGESCHRAENKT), "( )");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_VORLAEUFIG), "p");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_BERICHTIGT), "r");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_GESCHAETZT), "s");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_KEINE_ANGABE), "k. A.");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_KEINES), "");
    assert_string_equal(werte_symbol_text(WERTE_SYMBOL_ANZAHL), "");
    assert_string_equal(werte_symbol_text((enum werte_symbol)-1), "");

    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_NICHTS), "nichts vorhanden");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_WENIGER_ALS_HAELFTE),
                        "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_UNBEKANNT), "Zahlenwert unbekannt oder geheim zu halten");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_NICHT_SICHER),
                        "keine Angaben, da Zahlenwert nicht sicher genug");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_GESPERRT),
                        "Tabellenfach gesperrt, weil Aussage nicht sinnvoll");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_SPAETER), "Angabe fällt später an");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_EINGESCHRAENKT),
                        "Aussagewert eingeschränkt, da der Zahlenwert statistisch relativ unsicher ist");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_VORLAEUFIG), "vorläufige Zahl");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_BERICHTIGT), "berichtigte Zahl");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_GESCHAETZT), "geschätzte Zahl");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_KEINE_ANGABE), "keine Angabe");
    assert_string_equal(werte_symbol_bedeutung(WERTE_SYMBOL_KEINES), "");
    assert_string_equal(werte_symbol_bedeutung((enum werte_symbol)99), "");

    /* every symbol that stands for a missing number reads back from its own text */
    for (int s = 1; s < WERTE_SYMBOL_ANZAHL; s++) {
        enum werte_symbol got;
        int alone = werte_symbol_parse(werte_symbol_text((enum werte_symbol)s), &got);
        int mark = s == WERTE_SYMBOL_WENIGER_ALS_HAELFTE || s == WERTE_SYMBOL_EINGESCHRAENKT ||
                   s == WERTE_SYMBOL_VORLAEUFIG || s == WERTE_SYMBOL_BERICHTIGT || s == WERTE_SYMBOL_GESCHAETZT;
        assert_int_equal(alone, !mark);
        if (alone) assert_int_equal(got, s);
        assert_true(werte_symbol_bedeutung((enum werte_symbol)s)[0] != '\0');
    }
}

static void datum_ok(const char *text, int y, int m, int d)
{
    int yy = 0, mm = 0, dd = 0;
    int rc = werte_datum(text, &yy, &mm, &dd);
    if (rc != 0 || yy != y || mm != m || dd != d)
        print_error("werte_datum(\"%s\") = %d: %d-%d-%d\n", text, rc, yy, mm, dd);
    assert_int_equal(rc, 0);
    assert_int_equal(yy, y);
    assert_int_equal(mm, m);
    assert_int_equal(dd, d);
}

static void datum_fails(const char *text, int status)
{
    int y = -1, m = -1, d = -1;
    int rc = werte_datum(text, &y, &m, &d);
    if (rc != status) print_error("werte_datum(\"%s\") = %d, erwartet %d\n", text, rc, status);
    assert_int_equal(rc, status);
    assert_int_equal(y, -1);                             /* outputs untouched */
    assert_int_equal(m, -1);
    assert_int_equal(d, -1);
}

static void test_datum(void **state)
{
    (void)state;
    datum_ok("31.12.2024", 2024, 12, 31);
    datum_ok(" 01.02.2025 ", 2025, 2, 1);
    datum_ok("1.2.2024", 2024, 2, 1);
    datum_ok("31.12.24", 2024, 12, 31);
    datum_ok("01.01.00", 2000, 1, 1);
    datum_ok("01.01.69", 2069, 1, 1);
    datum_ok("01.01.70", 1970, 1, 1);
    datum_ok("31.12.99", 1999, 12, 31);
    datum_ok("2024-12-31", 2024, 12, 31);
    datum_ok("31/12/2024", 2024, 12, 31);
    datum_ok("29.02.2024", 2024, 2, 29);
    datum_ok("29.02.2000", 2000, 2, 29);
    datum_ok("2024-02-29", 2024, 2, 29);
    datum_ok("29.02.24", 2024, 2, 29);
    assert_int_equal(werte_datum("31.12.2024", NULL, NULL, NULL), 0);

    datum_fails("29.02.2023", WERTE_DATUM_UNGUELTIG);
    datum_fails("29.02.1900", WERTE_DATUM_UNGUELTIG);
    datum_fails("31.04.2024", WERTE_DATUM_UNGUELTIG);
    datum_fails("00.01.2024", WERTE_DATUM_UNGUELTIG);
    datum_fails("15.13.2024", WERTE_DATUM_UNGUELTIG);
    datum_fails("15.00.2024", WERTE_DATUM_UNGUELTIG);
    datum_fails("2024-02-30", WERTE_DATUM_UNGUELTIG);
    datum_fails("12/31/2024", WERTE_DATUM_UNGUELTIG);    /* US order: no month 31 */
    datum_fails("01.01.0999", WERTE_DATUM_UNGUELTIG);

    datum_fails(NULL, WERTE_LEER);
    datum_fails("", WERTE_LEER);
    datum_fails("  ", WERTE_LEER);
    const char *no[] = {
        "31.12.2024 10:00", "2024-12-31T00:00", "31-12-2024", "2024/12/31", "31/12/24", "31.12.",
        "12.2024", "31122024", "31.12.202", "31.12.20245", "2024-1-5", "2024-01-5", "031.12.2024",
        "31.12/2024", "31.12.2024.", "heute", "1.234", "45657",
    };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        datum_fails(no[i], WERTE_KEIN_DATUM);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zahl_german),
        cmocka_unit_test(test_zahl_marks),
        cmocka_unit_test(test_zahl_rejects),
        cmocka_unit_test(test_zahl_english),
        cmocka_unit_test(test_symbol_parse),
        cmocka_unit_test(test_symbol_text_and_legend),
        cmocka_unit_test(test_datum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
