/*
 * test_umsetzung.c — unit tests of measure tracking's pure logic (cmocka):
 * the Kennung (normalisation, hash, repeats), status parsing, the overdue
 * rule, the report day and safe file names for the Rückmeldebögen.
 * Expected Kennungen were computed independently with Python's hashlib:
 *   "M-" + sha256("\x1f".join(normalised fields)).hexdigest()[:8]
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lib/fsutil.h"
#include "lib/kennung.h"
#include "lib/umsetzung.h"

static char *normalised(const char *text)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    kennung_normalise(text, &buf, &len, &cap);
    assert_int_equal(len, strlen(buf));
    return buf;
}

static void expect_normalised(const char *text, const char *want)
{
    char *got = normalised(text);
    if (strcmp(got, want) != 0) fail_msg("„%s“ → „%s“, expected „%s“", text, got, want);
    free(got);
}

static void test_kennung_normalise(void **state)
{
    (void)state;
    expect_normalised("  Interkulturelle   Öffnung ", "interkulturelle öffnung");
    expect_normalised("Zeile 1\r\nZeile\t2", "zeile 1 zeile 2");
    expect_normalised("ÄRGER ÜBER ÖL", "ärger über öl");
    expect_normalised("Stra\xc3\x9f" "e", "straße");                     /* ß stays */
    expect_normalised("non\xc2\xa0" "breaking\xe2\x80\xaf" "narrow\xe2\x80\x89thin", "non breaking narrow thin");
    expect_normalised("Inte\xc2\xad" "gration", "integration");         /* soft hyphen dropped */
    expect_normalised("„Chance!“ – 100 %", "„chance!“ – 100 %");
    expect_normalised("", "");
    expect_normalised("   ", "");
    expect_normalised(NULL, "");
}

static void test_kennung_hash(void **state)
{
    (void)state;
    char k[KENNUNG_MAX];
    kennung_berechnen("Interkulturelle Öffnung", "Interkulturelle Öffnung der Verwaltung.",
                      "Informationsweitergabe und Newsletter.", k);
    assert_string_equal(k, "M-2cb706df");
    /* the same measure re-exported: other line breaks, case, blanks */
    kennung_berechnen(" INTERKULTURELLE ÖFFNUNG", "Interkulturelle  Öffnung der\nVerwaltung.",
                      "Informationsweitergabe und newsletter. ", k);
    assert_string_equal(k, "M-2cb706df");
    /* a changed text is a new measure */
    kennung_berechnen("Interkulturelle Öffnung", "Interkulturelle Öffnung der Verwaltung.",
                      "Informationsweitergabe und Newsletter!", k);
    assert_string_not_equal(k, "M-2cb706df");
    /* field boundaries count */
    char a[KENNUNG_MAX], b[KENNUNG_MAX];
    kennung_berechnen("a", "bc", "", a);
    kennung_berechnen("ab", "c", "", b);
    assert_string_equal(a, "M-c19c624f");
    assert_string_equal(b, "M-bad25e66");
    kennung_berechnen(NULL, NULL, NULL, k);
    assert_string_equal(k, "M-b8c9e440");
}

static void test_kennung_wiederholung(void **state)
{
    (void)state;
    char k[KENNUNG_MAX];
    kennung_wiederholung("M-2cb706df", 1, k);
    assert_string_equal(k, "M-2cb706df");
    kennung_wiederholung("M-2cb706df", 2, k);
    assert_string_equal(k, "M-2cb706df-2");
    kennung_wiederholung("M-2cb706df", 12, k);
    assert_string_equal(k, "M-2cb706df-12");
}

static void test_status_parse(void **state)
{
    (void)state;
    assert_int_equal(umsetzung_status_parse("geplant"), UMSETZUNG_GEPLANT);
    assert_int_equal(umsetzung_status_parse("in Umsetzung"), UMSETZUNG_IN_UMSETZUNG);
    assert_int_equal(umsetzung_status_parse("  IN   umsetzung "), UMSETZUNG_IN_UMSETZUNG);
    assert_int_equal(umsetzung_status_parse("in_umsetzung"), UMSETZUNG_IN_UMSETZUNG);
    assert_int_equal(umsetzung_status_parse("Umgesetzt"), UMSETZUNG_UMGESETZT);
    assert_int_equal(umsetzung_status_parse("verzögert"), UMSETZUNG_VERZOEGERT);
    assert_int_equal(umsetzung_status_parse("Verzoegert"), UMSETZUNG_VERZOEGERT);
    assert_int_equal(umsetzung_status_parse("VERZÖGERT"), UMSETZUNG_VERZOEGERT);
    assert_int_equal(umsetzung_status_parse("entfallen\xc2\xa0"), UMSETZUNG_ENTFALLEN);
    assert_int_equal(umsetzung_status_parse(""), UMSETZUNG_KEIN);
    assert_int_equal(umsetzung_status_parse(" \t"), UMSETZUNG_KEIN);
    assert_int_equal(umsetzung_status_parse(NULL), UMSETZUNG_KEIN);
    assert_int_equal(umsetzung_status_parse("erledigt"), -1);
    assert_int_equal(umsetzung_status_parse("umgesetzt."), -1);
    assert_int_equal(umsetzung_status_parse("inUmsetzung"), -1);
    assert_int_equal(umsetzung_status_parse("teilweise umgesetzt"), -1);
    char longtext[200];
    memset(longtext, 'x', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = '\0';
    assert_int_equal(umsetzung_status_parse(longtext), -1);
}

static void test_status_codes(void **state)
{
    (void)state;
    for (int s = UMSETZUNG_GEPLANT; s < UMSETZUNG_ANZAHL; s++) {
        const char *code = umsetzung_status_code((enum umsetzung_status)s);
        assert_int_equal(umsetzung_status_von_code(code), s);
        /* the label and the code are read back as the status */
        assert_int_equal(umsetzung_status_parse(umsetzung_status_label((enum umsetzung_status)s)), s);
        assert_int_equal(umsetzung_status_parse(code), s);
    }
    assert_string_equal(umsetzung_status_label(UMSETZUNG_IN_UMSETZUNG), "in Umsetzung");
    assert_string_equal(umsetzung_status_label(UMSETZUNG_VERZOEGERT), "verzögert");
    assert_string_equal(umsetzung_status_code(UMSETZUNG_VERZOEGERT), "verzoegert");
    assert_string_equal(umsetzung_status_code(UMSETZUNG_KEIN), "");
    assert_string_equal(umsetzung_status_label((enum umsetzung_status)99), "");
    assert_int_equal(umsetzung_status_von_code(NULL), UMSETZUNG_KEIN);
    assert_int_equal(umsetzung_status_von_code("erledigt"), UMSETZUNG_KEIN);
}

static void test_ueberfaellig(void **state)
{
    (void)state;
    const long tag = 20260115;
    /* end passed, not done: overdue — also without any report */
    assert_true(umsetzung_ueberfaellig(20251231, tag, UMSETZUNG_KEIN));
    assert_true(umsetzung_ueberfaellig(20251231, tag, UMSETZUNG_GEPLANT));
    assert_true(umsetzung_ueberfaellig(20251231, tag, UMSETZUNG_IN_UMSETZUNG));
    assert_true(umsetzung_ueberfaellig(20251231, tag, UMSETZUNG_VERZOEGERT));
    /* done or dropped: never overdue */
    assert_false(umsetzung_ueberfaellig(20251231, tag, UMSETZUNG_UMGESETZT));
    assert_false(umsetzung_ueberfaellig(20251231, tag, UMSETZUNG_ENTFALLEN));
    /* the end day itself is still in time; the day after is not */
    assert_false(umsetzung_ueberfaellig(20260115, tag, UMSETZUNG_GEPLANT));
    assert_true(umsetzung_ueberfaellig(20260114, tag, UMSETZUNG_GEPLANT));
    assert_false(umsetzung_ueberfaellig(20271231, tag, UMSETZUNG_VERZOEGERT));
    /* laufend / ohne Terminierung: no end, never overdue */
    assert_false(umsetzung_ueberfaellig(0, tag, UMSETZUNG_KEIN));
}

static void test_stichtag(void **state)
{
    (void)state;
    assert_int_equal(umsetzung_stichtag("15.01.2026", 0), 20260115);
    assert_int_equal(umsetzung_stichtag("2026-01-15", 0), 20260115);
    assert_int_equal(umsetzung_stichtag("1.2.2025", 0), 20250201);
    assert_int_equal(umsetzung_stichtag("31.02.2025", 0), -1);
    assert_int_equal(umsetzung_stichtag("Januar 2026", 0), -1);
    /* none configured: the UTC day of the report time (SOURCE_DATE_EPOCH of the tests) */
    assert_int_equal(umsetzung_stichtag(NULL, 1732060800), 20241120);
    assert_int_equal(umsetzung_stichtag("", 1732060800 + 86399), 20241120);
    assert_int_equal(umsetzung_stichtag(NULL, 1732060800 + 86400), 20241121);
}

static void expect_safe(const char *in, const char *want, size_t size)
{
    char buf[128];
    path_safe_name(in, buf, size);
    if (strcmp(buf, want) != 0) fail_msg("„%s“ → „%s“, expected „%s“", in, buf, want);
}

static void test_safe_name(void **state)
{
    (void)state;
    expect_safe("Koordinierungsstelle Migration und Teilhabe", "Koordinierungsstelle_Migration_und_Teilhabe", 128);
    expect_safe("FD 50 Soziales & Gesundheit", "FD_50_Soziales_Gesundheit", 128);
    expect_safe("Jugendförderung / Schulsozialarbeit", "Jugendfoerderung_Schulsozialarbeit", 128);
    expect_safe("Ämter für Öffentliche Übersicht, Straße", "Aemter_fuer_Oeffentliche_Uebersicht_Strasse", 128);
    expect_safe("../../etc/passwd", "etc_passwd", 128);
    expect_safe(".versteckt", "versteckt", 128);
    expect_safe("Café René", "Caf_Ren", 128);
    expect_safe("Büro-Leitung v2.0", "Buero-Leitung_v2.0", 128);
    expect_safe("  ", "", 128);
    expect_safe("", "", 128);
    expect_safe("Sehr langer Name", "Sehr_la", 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kennung_normalise),
        cmocka_unit_test(test_kennung_hash),
        cmocka_unit_test(test_kennung_wiederholung),
        cmocka_unit_test(test_status_parse),
        cmocka_unit_test(test_status_codes),
        cmocka_unit_test(test_ueberfaellig),
        cmocka_unit_test(test_stichtag),
        cmocka_unit_test(test_safe_name),
    };
    return cmocka_run_group_tests_name("umsetzung", tests, NULL, NULL);
}
