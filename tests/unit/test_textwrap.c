/*
 * test_textwrap.c — unit tests of line breaking (cmocka), with a fixed
 * advance per character and with the real DejaVu metrics through libharu.
 * Expected lines are written as drawn: a line broken inside a word ends
 * with the hyphen the caller adds („Größen-“).
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
        snprintf(line, sizeof line, "%.*s%s", (int)w.lines[i].len, text + w.lines[i].start,
                 w.lines[i].hyphen ? "-" : "");
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
    /* a word wider than the line is broken with a hyphen (which counts for the fit),
       never inside ä/ß */
    const char *e[] = { "Größen-", "übersc-", "hätzung" };
    expect_lines("Größenüberschätzung", 7, e, 3);
    /* the word starts a new line; its last part goes on with the next words */
    const char *f[] = { "die", "Koordinier-", "ungsstelle", "lädt ein" };
    expect_lines("die Koordinierungsstelle lädt ein", 11, f, 4);
}

/* like mono, but a hyphen is half as wide as a letter (as in real fonts) */
static double narrow_hyphen(const char *s, size_t len, void *ctx)
{
    (void)ctx;
    double w = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) w += s[i] == '-' ? 0.5 : 1;
    return w;
}

static void test_long_word_two_chars_left(void **state)
{
    (void)state;
    /* never a single character after the hyphen: not „Koordinierungsstell-|e“ although
       19 letters and the hyphen fit into 19.5 */
    struct textwrap w = { 0 };
    const char *text = "Koordinierungsstelle";
    assert_int_equal(textwrap_break(&w, text, 19.5, narrow_hyphen, NULL), 2);
    assert_int_equal(w.lines[0].len, 18);
    assert_int_equal(w.lines[0].hyphen, 1);
    assert_int_equal(w.lines[1].start, 18);
    assert_int_equal(w.lines[1].len, 2);
    assert_int_equal(w.lines[1].hyphen, 0);
    textwrap_free(&w);
    const char *f[] = { "verzö-", "gert" };
    expect_lines("verzögert", 6, f, 2);
}

static void test_long_token_soft_breaks(void **state)
{
    (void)state;
    /* file names and URLs break after '_', '/', '.', '-' without a hyphen */
    const char *e[] = { "massnahmen_", "wesermarsch_", "anhang6.csv" };
    expect_lines("massnahmen_wesermarsch_anhang6.csv", 14, e, 3);
    const char *u[] = { "https://", "www.wesermarsch.", "de/integration" };
    expect_lines("https://www.wesermarsch.de/integration", 16, u, 3);
    /* a soft break too early in the line loses to a hyphen that fills it */
    const char *h[] = { "a_Integrati-", "onskonzept" };
    expect_lines("a_Integrationskonzept", 12, h, 2);
    /* a part still too wide after a soft break is hyphenated */
    const char *g[] = { "quelle_", "Koordinier-", "ungsstelle" };
    expect_lines("quelle_Koordinierungsstelle", 11, g, 3);
}

static void test_narrower_than_hyphen(void **state)
{
    (void)state;
    /* one character per line when not even a character and a hyphen fit */
    const char *e[] = { "a", "b", "c" };
    expect_lines("abc", 1, e, 3);
}

static void test_widest_word(void **state)
{
    (void)state;
    assert_true(textwrap_widest_word("", mono, NULL) == 0);
    assert_true(textwrap_widest_word("  in Umsetzung ", mono, NULL) == 9);
    /* pieces as the wrapper keeps them: split after '-' and '/' */
    assert_true(textwrap_widest_word("Kindergarten/ -tagesstätte", mono, NULL) == 13);
    assert_true(textwrap_widest_word("Best-Practice-Beispiele", mono, NULL) == 9);
    assert_true(textwrap_widest_word("eins\nKirchengemeinde", mono, NULL) == 15);
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
            assert_true(mono(text + w.lines[i].start, w.lines[i].len, NULL) + w.lines[i].hyphen <= width);
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
    /* a compound wider than the column: every line with its hyphen fits, all text kept */
    const char *lang = "Integrationskonzeptfortschreibungsarbeitsgruppe";
    n = textwrap_break(&w, lang, 60, dejavu, &ctx);
    assert_true(n >= 3);
    size_t kept = 0;
    for (int i = 0; i < n; i++) {
        double lw = pdfdoc_measure(&doc, doc.regular, 10, lang + w.lines[i].start, w.lines[i].len);
        if (w.lines[i].hyphen) lw += pdfdoc_measure(&doc, doc.regular, 10, "-", 1);
        assert_true(lw <= 60);
        assert_int_equal(w.lines[i].hyphen, i < n - 1);
        assert_int_equal(w.lines[i].start, kept);
        kept += w.lines[i].len;
    }
    assert_int_equal(kept, strlen(lang));
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
        cmocka_unit_test(test_long_word_two_chars_left),
        cmocka_unit_test(test_long_token_soft_breaks),
        cmocka_unit_test(test_narrower_than_hyphen),
        cmocka_unit_test(test_widest_word),
        cmocka_unit_test(test_hard_breaks),
        cmocka_unit_test(test_never_wider),
        cmocka_unit_test(test_real_metrics),
    };
    return cmocka_run_group_tests_name("textwrap", tests, NULL, NULL);
}
