/*
 * test_pdfdoc.c — unit tests of the direct text writer of pdfdoc
 * (pdfdoc_text_begin / _show / _end, cmocka).
 *
 * pdfdoc_text_show writes Td and Tj itself into the page content, a literal
 * string of two-byte CIDs.  A test document is written into a mkdtemp
 * directory and read back with the real tools: the text comes out of
 * pdftotext byte for byte, also where a CID byte is a parenthesis, a
 * backslash, CR or LF (must be escaped); pdftotext -bbox finds each word
 * where it was put, to 1/100 pt, after many relative moves in one text
 * object; a glyph that was drawn but never measured is in the embedded
 * subset (pdftoppm renders ink); qpdf --check passes.
 *
 * pdfdoc.c also replaces libharu's HPDF_TTFontDef_GetGlyphid (binary
 * instead of linear search): it must give libharu's answer for every code
 * point of both fonts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/pdfdoc.h"
#include "testtools.h"

#include <dlfcn.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FONT_REGULAR "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define FONT_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

/* lines whose two-byte CIDs contain the bytes a literal string must escape:
   Ċ U+010A (LF), č U+010D (CR), Ĩ U+0128 and ĩ U+0129 (parentheses),
   Ŝ U+015C (backslash) */
static const char *const lines[] = {
    "Klammern (auf) und zu), Backslash \\ und Schrägstrich /",
    "Ċ č Ĩ ĩ Ŝ – alle fünf",
    "Maßnahmen „Sprache, Bildung und Arbeit“ – 1.234,5 € · ÄÖÜäöüß",
    "Zeile)ohne(Leerzeichen\\",
};

/* pdftotext -bbox: xMin of the first word `w`, or NAN */
static double word_x(const char *bbox, const char *w)
{
    char needle[128];
    snprintf(needle, sizeof needle, ">%s</word>", w);
    const char *hit = strstr(bbox, needle);
    if (!hit) return NAN;
    const char *start = hit;
    while (start > bbox && strncmp(start, "<word", 5) != 0) start--;
    const char *x = strstr(start, "xMin=\"");
    return x && x < hit ? atof(x + 6) : NAN;
}

static void test_text_show(void **state)
{
    (void)state;
    const char *path = test_output_path("text.pdf");
    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    pdfdoc_set_info(&doc, "Textprobe", "ibericht", NULL, NULL, 0);

    /* page 1: the escape lines, then 40 words at fractional positions, all in one text object */
    pdfdoc_new_page(&doc);
    pdfdoc_text_begin(&doc, doc.regular, 10);
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        pdfdoc_text_show(&doc, 50, 780 - 20 * (double)i, lines[i], strlen(lines[i]));
    char word[32];
    for (int i = 0; i < 40; i++) {
        snprintf(word, sizeof word, "W%02d", i);
        double x = 50 + (i % 4) * 123.4567 + i * 0.0031, y = 650 - i * 13.3333;
        pdfdoc_text_show(&doc, x, y, word, strlen(word));
    }
    pdfdoc_text_end(&doc);
    /* a code point beyond U+FFFF becomes U+FFFD */
    const char *astral = "Gesicht \xF0\x9F\x98\x80 Ende";
    pdfdoc_text(&doc, doc.bold, 10, 300, 780, astral, strlen(astral));

    /* page 2: one big glyph that nothing measured before */
    pdfdoc_new_page(&doc);
    pdfdoc_text(&doc, doc.regular, 300, 150, 400, "\xC4\x9D", 2);   /* ĝ U+011D */
    assert_int_equal(doc.error, 0);
    assert_int_equal(pdfdoc_save(&doc, path), 0);
    pdfdoc_close(&doc);

    char cmd[512];
    int st;
    snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", path);
    char *out = run_tool(cmd, &st);
    if (st != 0 || !strstr(out, "No syntax or stream encoding errors")) fail_msg("qpdf --check: %s", out);
    free(out);

    /* the text, byte for byte, one line each */
    snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l 1 -raw '%s' - 2>/dev/null", path);
    out = run_tool(cmd, &st);
    assert_int_equal(st, 0);
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        char want[256];
        snprintf(want, sizeof want, "%s\n", lines[i]);
        if (!strstr(out, want)) fail_msg("pdftotext lacks the line „%s“:\n%s", lines[i], out);
    }
    if (!strstr(out, "Gesicht \xEF\xBF\xBD Ende")) fail_msg("no U+FFFD for U+1F600:\n%s", out);
    free(out);

    /* positions after 44 relative moves: each word where it was put */
    snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l 1 -bbox '%s' - 2>/dev/null", path);
    out = run_tool(cmd, &st);
    assert_int_equal(st, 0);
    for (int i = 0; i < 40; i++) {
        snprintf(word, sizeof word, "W%02d", i);
        double want = 50 + (i % 4) * 123.4567 + i * 0.0031, got = word_x(out, word);
        if (!(fabs(got - want) < 0.01)) fail_msg("%s at x = %.4f, expected %.4f", word, got, want);
    }
    free(out);

    /* the never-measured glyph is in the font subset: the page has ink */
    snprintf(cmd, sizeof cmd, "pdftoppm -f 2 -l 2 -r 20 -gray '%s' 2>/dev/null", path);
    out = run_tool(cmd, &st);
    assert_int_equal(st, 0);
    assert_memory_equal(out, "P5", 2);
    int w, h, maxval, off = 0;
    assert_int_equal(sscanf(out, "P5 %d %d %d%n", &w, &h, &maxval, &off), 3);
    const unsigned char *px = (const unsigned char *)out + off + 1;
    long dark = 0;
    for (long i = 0; i < (long)w * h; i++) dark += px[i] < 128;
    free(out);
    if (dark < 50) fail_msg("page 2 has %ld dark pixels: the glyph ĝ is not in the embedded subset", dark);
}

HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode);
typedef HPDF_UINT16 (*get_glyphid_fn)(HPDF_FontDef, HPDF_UINT16);

static void test_glyphid_as_libharu(void **state)
{
    (void)state;
    get_glyphid_fn libharu = (get_glyphid_fn)dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid");
    assert_non_null(libharu);
    assert_true(libharu != HPDF_TTFontDef_GetGlyphid);
    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    HPDF_Font fonts[2] = { doc.regular, doc.bold };
    for (int f = 0; f < 2; f++) {
        HPDF_FontDef def = ((HPDF_FontAttr)fonts[f]->attr)->fontdef;
        long mapped = 0;
        for (unsigned cp = 0; cp < 0x10000; cp++) {
            HPDF_UINT16 want = libharu(def, (HPDF_UINT16)cp), got = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
            if (want != got) fail_msg("font %d, U+%04X: glyph %u, libharu says %u", f, cp, got, want);
            mapped += want != 0;
        }
        assert_true(mapped > 3000);        /* DejaVu Sans maps thousands of characters */
    }
    pdfdoc_close(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glyphid_as_libharu),
        cmocka_unit_test_teardown(test_text_show, test_output_remove),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
