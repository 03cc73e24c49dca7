/*
 * test_terminierung.c — unit tests of the Terminierung parser (cmocka).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/terminierung.h"

static const struct terminierung_optionen opt = { 2025, 2027, 2030, NULL };

static void expect_date(const char *text, int y, int m, int d)
{
    struct terminierung t;
    enum terminierung_status st = terminierung_parse(text, &opt, &t);
    if (st != TERMINIERUNG_OK) fail_msg("„%s“ not understood", text);
    assert_int_equal(t.kind, TERMINIERUNG_TERMIN);
    if (t.jahr != y || t.monat != m || t.tag != d)
        fail_msg("„%s“ → %04d-%02d-%02d, expected %04d-%02d-%02d", text, t.jahr, t.monat, t.tag, y, m, d);
    assert_int_equal(t.sort, (long)y * 10000 + m * 100 + d);
    assert_int_equal(terminierung_gruppe_jahr(&t), y);
}

static void expect_unknown(const char *text)
{
    struct terminierung t;
    if (terminierung_parse(text, &opt, &t) != TERMINIERUNG_UNBEKANNT)
        fail_msg("„%s“ should not be understood", text);
    assert_int_equal(t.kind, TERMINIERUNG_OHNE);
    assert_int_equal(terminierung_gruppe_jahr(&t), TERMINIERUNG_GRUPPE_OHNE);
}

static void test_laufend(void **state)
{
    (void)state;
    const char *texts[] = { "laufend", "Laufend", " fortlaufend ", "LAUFEND", "dauerhaft",
                            "kontinuierlich", "ständig", "Ständig", "laufend (seit 2019)", NULL };
    for (int i = 0; texts[i]; i++) {
        struct terminierung t;
        assert_int_equal(terminierung_parse(texts[i], &opt, &t), TERMINIERUNG_OK);
        assert_int_equal(t.kind, TERMINIERUNG_LAUFEND);
        assert_int_equal(t.sort, 0);
        assert_int_equal(terminierung_gruppe_jahr(&t), 0);
    }
}

static void test_laufend_extra_words(void **state)
{
    (void)state;
    const char *const extra[] = { "Verstetigen", NULL };
    struct terminierung_optionen o = opt;
    struct terminierung t;
    assert_int_equal(terminierung_parse("verstetigen", &opt, &t), TERMINIERUNG_UNBEKANNT);
    o.laufend_woerter = extra;
    assert_int_equal(terminierung_parse("verstetigen", &o, &t), TERMINIERUNG_OK);
    assert_int_equal(t.kind, TERMINIERUNG_LAUFEND);
}

static void test_years(void **state)
{
    (void)state;
    expect_date("Bis 2025", 2025, 12, 31);
    expect_date("bis 2027", 2027, 12, 31);
    expect_date("Bis Ende 2027", 2027, 12, 31);
    expect_date("bis Ende 2035", 2035, 12, 31);
    expect_date("2026", 2026, 12, 31);
    expect_date("Ende 2026", 2026, 12, 31);
    expect_date("bis spätestens 2028", 2028, 12, 31);
    expect_date("2025/2026", 2026, 12, 31);
    expect_date("2025/26", 2026, 12, 31);
    expect_date("2025 – 2027", 2027, 12, 31);
    expect_date("2025-2027", 2027, 12, 31);
    expect_date("Bis 2030.", 2030, 12, 31);
}

static void test_parts_of_years(void **state)
{
    (void)state;
    expect_date("2. Halbjahr 2026", 2026, 12, 31);
    expect_date("1. Halbjahr 2026", 2026, 6, 30);
    expect_date("2. HJ 2026", 2026, 12, 31);
    expect_date("II. Halbjahr 2026", 2026, 12, 31);
    expect_date("3. Quartal 2026", 2026, 9, 30);
    expect_date("Q1 2026", 2026, 3, 31);
    expect_date("Q4/2026", 2026, 12, 31);
    expect_date("Mitte 2026", 2026, 6, 30);
    expect_date("Anfang 2027", 2027, 3, 31);
    expect_date("Herbst 2025", 2025, 11, 30);
    expect_date("Dezember 2026", 2026, 12, 31);
    expect_date("März 2026", 2026, 3, 31);
    expect_date("Februar 2028", 2028, 2, 29);
    expect_date("Februar 2027", 2027, 2, 28);
    expect_date("06/2026", 2026, 6, 30);
    expect_date("bis Ende Juni 2026", 2026, 6, 30);
}

static void test_days(void **state)
{
    (void)state;
    expect_date("31.12.2026", 2026, 12, 31);
    expect_date("bis 30.06.2025", 2025, 6, 30);
    expect_date("bis zum 1.3.2026", 2026, 3, 1);
    expect_date("29.02.2028", 2028, 2, 29);
    expect_date("2026-12-31", 2026, 12, 31);
    expect_unknown("29.02.2027");
    expect_unknown("31.04.2026");
    expect_unknown("32.12.2026");
}

static void test_fristen(void **state)
{
    (void)state;
    struct terminierung t;
    assert_int_equal(terminierung_parse("kurzfristig", &opt, &t), TERMINIERUNG_OK);
    assert_int_equal(t.kind, TERMINIERUNG_FRIST);
    assert_int_equal(t.horizont, HORIZONT_KURZ);
    assert_int_equal(terminierung_gruppe_jahr(&t), 2025);
    assert_int_equal(terminierung_parse("Mittelfristig", &opt, &t), TERMINIERUNG_OK);
    assert_int_equal(terminierung_gruppe_jahr(&t), 2027);
    assert_int_equal(terminierung_parse("langfristige", &opt, &t), TERMINIERUNG_OK);
    assert_int_equal(t.horizont, HORIZONT_LANG);
    assert_int_equal(t.sort, 20301231L);
    /* without horizon years the kind is known, the year is left to the caller */
    assert_int_equal(terminierung_parse("kurzfristig", NULL, &t), TERMINIERUNG_OK);
    assert_int_equal(t.kind, TERMINIERUNG_FRIST);
    assert_int_equal(t.jahr, 0);
}

static void test_empty_and_unknown(void **state)
{
    (void)state;
    struct terminierung t;
    assert_int_equal(terminierung_parse("", &opt, &t), TERMINIERUNG_LEER);
    assert_int_equal(terminierung_parse("   ", &opt, &t), TERMINIERUNG_LEER);
    assert_int_equal(terminierung_parse(NULL, &opt, &t), TERMINIERUNG_LEER);
    assert_int_equal(t.kind, TERMINIERUNG_OHNE);
    expect_unknown("verstetigen");
    expect_unknown("nach Bedarf");
    expect_unknown("bis 1850");
    expect_unknown("bis 12345");
    expect_unknown("2027 2028 2029 2030 2031 2032 2033 2034 2035 2036 2037 2038");
    expect_unknown("13/2026");
    expect_unknown("5. Quartal 2026");
}

static void test_order(void **state)
{
    (void)state;
    /* chronological: laufend < 2. HJ 2025 < bis 2026 < 30.06.2027 < bis 2027 < ohne */
    const char *in_order[] = { "laufend", "2. Halbjahr 2025", "Bis 2026", "30.06.2027", "bis Ende 2027",
                               "bis 2035", "unklar" };
    long prev = -1;
    for (int i = 0; i < 7; i++) {
        struct terminierung t;
        terminierung_parse(in_order[i], &opt, &t);
        assert_true(t.sort > prev);
        prev = t.sort;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_laufend),
        cmocka_unit_test(test_laufend_extra_words),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_parts_of_years),
        cmocka_unit_test(test_days),
        cmocka_unit_test(test_fristen),
        cmocka_unit_test(test_empty_and_unknown),
        cmocka_unit_test(test_order),
    };
    return cmocka_run_group_tests_name("terminierung", tests, NULL, NULL);
}
