/*
 * test_textwrap.c — unit tests of line breaking (cmocka), with a fixed
 * advance per character and with the real DejaVu metrics through libharu.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "lib/pdfdoc.h"
#include "lib/textwrap.h"

/* every UTF-8 character is 1 unit wide */
static double mono(const char *s, size_t len, void *ctx)
{
    (void)ctx;
    double w = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) w += 1;
    return w;
}

static void expect_lines(const char *text, double width, const char *const *expected, int n)
{
    struct textwrap w = { 0 };
    int got = textwrap_break(&w, text, width, mono, NULL);
    for (int i = 0; i < got && i < n; i++) {
        char line[256];
        snprintf(line, sizeof line, "%.*s", (int)w.lines[i].len, text + w.lines[i].start);
        if (strcmp(line, expected[i]) != 0) fail_msg("line %d: „%s“, expected „%s“", i, line, expected[i]);
    }
    assert_int_equal(got, n);
    textwrap_free(&w);
}

static void test_words(void **state)
{
    (void)state;
    const char *e[] = { "Sprache, Bildung", "und Arbeit" };
    expect_lines("Sprache, Bildung und Arbeit", 16, e, 2);
    const char *one[] = { "Sprache" };
    expect_lines("Sprache", 16, one, 1);
    expect_lines("", 16, NULL, 0);
}

static void test_exact_fit_and_blanks(void **state)
{
    (void)state;
    const char *e[] = { "abcd efgh", "ij" };
    expect_lines("  abcd efgh   ij  ", 9, e, 2);
}

static void test_hyphen_and_slash(void **state)
{
    (void)state;
    const char *e[] = { "Best-", "Practice-", "Beispiele" };
    expect_lines("Best-Practice-Beispiele", 10, e, 3);
    const char *s[] = { "Arbeitgeber*innen/", "Unternehmen." };
    expect_lines("Arbeitgeber*innen/Unternehmen.", 20, s, 2);
}

static void test_long_word_utf8(void **state)
{
    (void)state;
    /* a word wider than the line is cut between characters, never inside ä/ß */
    const char *e[] = { "Größenü", "berschä", "tzung" };
    expect_lines("Größenüberschätzung", 7, e, 3);
}

static void test_hard_breaks(void **state)
{
    (void)state;
    const char *e[] = { "eins", "", "zwei drei" };
    expect_lines("eins\n\nzwei drei", 20, e, 3);
}

static void test_never_wider(void **state)
{
    (void)state;
    const char *text = "Die Koordinierungsstelle Migration und Teilhabe organisiert gemeinsam mit der "
                       "Agentur für Arbeit, den Wirtschaftsförderungen Wesermarsch und Nordenham, "
                       "Bildungsträger*innen sowie Beratungsstellen die Informationsveranstaltung "
                       "„Einstellungssache: Migrantische Arbeitskräfte als Chance für Ihr Unternehmen!“";
    for (double width = 3; width < 60; width += 1) {
        struct textwrap w = { 0 };
        int n = textwrap_break(&w, text, width, mono, NULL);
        size_t chars = 0;
        for (int i = 0; i < n; i++) {
            assert_true(mono(text + w.lines[i].start, w.lines[i].len, NULL) <= width);
            chars += w.lines[i].len;
        }
        assert_true(chars > strlen(text) * 8 / 10);   /* only blanks were dropped */
        textwrap_free(&w);
    }
}

struct font_ctx { struct pdfdoc *doc; };

static double dejavu(const char *s, size_t len, void *p)
{
    struct font_ctx *c = p;
    return pdfdoc_measure(c->doc, c->doc->regular, 10, s, len);
}

/* Real metrics: umlauts are measured as one glyph each, and lines fit. */
static void test_real_metrics(void **state)
{
    (void)state;
    struct pdfdoc doc;
    if (pdfdoc_open(&doc, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", HPDF_PAGE_LANDSCAPE) != 0)
        fail_msg("DejaVu fonts missing (fonts-dejavu-core)");
    double a = pdfdoc_measure(&doc, doc.regular, 10, "a", 1);
    double ae = pdfdoc_measure(&doc, doc.regular, 10, "ä", strlen("ä"));
    double word = pdfdoc_measure(&doc, doc.regular, 10, "Maßnahmen", strlen("Maßnahmen"));
    assert_true(a > 4 && a < 8);               /* DejaVu Sans „a“ ≈ 6.1 pt at 10 pt */
    assert_true(ae > a - 0.01 && ae < a + 0.01);  /* ä has the advance of a, one glyph */
    assert_true(word > 40 && word < 70);
    struct font_ctx ctx = { &doc };
    struct textwrap w = { 0 };
    const char *text = "Übersetzungsgeräte über das Kreismedienzentrum leihweise zur Verfügung stellen";
    int n = textwrap_break(&w, text, 120, dejavu, &ctx);
    assert_true(n >= 3);
    for (int i = 0; i < n; i++)
        assert_true(pdfdoc_measure(&doc, doc.regular, 10, text + w.lines[i].start, w.lines[i].len) <= 120);
    textwrap_free(&w);
    pdfdoc_close(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_exact_fit_and_blanks),
        cmocka_unit_test(test_hyphen_and_slash),
        cmocka_unit_test(test_long_word_utf8),
        cmocka_unit_test(test_hard_breaks),
        cmocka_unit_test(test_never_wider),
        cmocka_unit_test(test_real_metrics),
    };
    return cmocka_run_group_tests_name("textwrap", tests, NULL, NULL);
}
