/*
 * test_format.c — German numbers and dates for the outputs, UTF-8 repair of
 * messages (cmocka).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/format.h"

static void test_zahl(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(format_zahl(b, sizeof b, 1234.5, 1), "1.234,5");
    assert_string_equal(format_zahl(b, sizeof b, 1234567, 0), "1.234.567");
    assert_string_equal(format_zahl(b, sizeof b, -0.04, 1), "0,0");          /* no "-0,0" */
    assert_string_equal(format_zahl(b, sizeof b, -1234.56, 2), "-1.234,56");
    assert_string_equal(format_zahl(b, sizeof b, 2.5, 0), "3");              /* half away from zero */
    assert_string_equal(format_zahl(b, sizeof b, 999.96, 1), "1.000,0");
    assert_string_equal(format_zahl(b, sizeof b, 12, 0), "12");
    assert_string_equal(format_zahl(b, sizeof b, NAN, 1), "–");
}

static void test_menge(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(format_menge(b, sizeof b, 1, "Seite", "Seiten"), "1 Seite");
    assert_string_equal(format_menge(b, sizeof b, 0, "Seite", "Seiten"), "0 Seiten");
    assert_string_equal(format_menge(b, sizeof b, 1293, "Seite", "Seiten"), "1.293 Seiten");
    assert_string_equal(format_menge(b, sizeof b, 18348, "Wert", "Werte"), "18.348 Werte");
    assert_string_equal(format_menge(b, sizeof b, 1234567, "Wert", "Werte"), "1.234.567 Werte");
}

static void test_ruecklauf(void **state)
{
    (void)state;
    char b[200];
    assert_string_equal(format_ruecklauf(b, sizeof b, "Fachdienst", "Fachdiensten", 7, 17, 5, 5),
                        "7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne Rückmeldung");
    assert_string_equal(format_ruecklauf(b, sizeof b, "Fachdienst", "Fachdiensten", 1, 1, 0, 0),
                        "1 von 1 Fachdienst geantwortet, 0 Fehlanzeigen, 0 ohne Rückmeldung");
    assert_string_equal(format_ruecklauf(b, sizeof b, "Fachdienst", "Fachdiensten", 0, 1, 1, 0),
                        "0 von 1 Fachdienst geantwortet, 1 Fehlanzeige, 0 ohne Rückmeldung");
    assert_string_equal(format_ruecklauf(b, sizeof b, "Fachdienst", "Fachdiensten", 1200, 2500, 300, 1000),
                        "1.200 von 2.500 Fachdiensten geantwortet, 300 Fehlanzeigen, 1.000 ohne Rückmeldung");
    assert_string_equal(format_ruecklauf(b, sizeof b, "Befragten", "Befragten", 1, 1, 0, 0),
                        "1 von 1 Befragten geantwortet, 0 Fehlanzeigen, 0 ohne Rückmeldung");
}

static void test_daten(void **state)
{
    (void)state;
    char b[32];
    assert_string_equal(format_datum(b, sizeof b, 2024, 12, 31), "31.12.2024");
    assert_string_equal(format_iso_datum(b, sizeof b, "2024-11-20T00:00:00Z"), "20.11.2024");
    assert_string_equal(format_iso_datum(b, sizeof b, "kein Datum"), "kein Datum");
    assert_string_equal(format_stand(b, sizeof b, 20241231), "Stand: 31.12.2024");
    assert_string_equal(format_stand(b, sizeof b, 20250102), "Stand: 02.01.2025");
    setenv("SOURCE_DATE_EPOCH", "1732060800", 1);
    assert_string_equal(format_iso_utc(b, sizeof b, report_time()), "2024-11-20T00:00:00Z");
}

static void test_utf8_sanitize(void **state)
{
    (void)state;
    char ok[] = "Größe „x“ – 5 €";
    assert_string_equal(utf8_sanitize(ok), "Größe „x“ – 5 €");
    char cut[] = "Wert „Gr\xc3";                  /* a value cut inside „ö“ */
    assert_string_equal(utf8_sanitize(cut), "Wert „Gr?");
    char latin1[] = "Stra\xdf" "e und Gr\xf6\xdf" "e";
    assert_string_equal(utf8_sanitize(latin1), "Stra?e und Gr??e");
    assert_true(utf8_valid(latin1, strlen(latin1), NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zahl),
        cmocka_unit_test(test_daten),
        cmocka_unit_test(test_ruecklauf),
        cmocka_unit_test(test_menge),
        cmocka_unit_test(test_utf8_sanitize),
    };
    return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
