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

/* pdftoppm: the number of dark pixels of page `page` at 20 dpi */
static long dark_pixels(const char *path, int page)
{
    char cmd[512];
    int st;
    snprintf(cmd, sizeof cmd, "pdftoppm -f %d -l %d -r 20 -gray '%s' 2>/dev/null", page, page, path);
    char *out = run_tool(cmd, &st);
    assert_int_equal(st, 0);
    assert_memory_equal(out, "P5", 2);
    int w, h, maxval, off = 0;
    assert_int_equal(sscanf(out, "P5 %d %d %d%n", &w, &h, &maxval, &off), 3);
    const unsigned char *px = (const unsigned char *)out + off + 1;
    long dark = 0;
    for (long i = 0; i < (long)w * h; i++) dark += px[i] < 128;
    free(out);
    return dark;
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

    /* not UTF-8: one U+FFFD per stray byte; a NUL is skipped; a position that is no number draws nothing */
    pdfdoc_text(&doc, doc.regular, 10, 50, 560, "A\x80" "BC\xC3" "D\xED\xA0\x80" "E\0F", 13);
    pdfdoc_text(&doc, doc.regular, 10, NAN, 560, "Nirgends", 8);
    /* a font that is not the document's own: libharu encodes, the position is still ours */
    HPDF_Font helvetica = HPDF_GetFont(doc.pdf, "Helvetica", NULL);
    assert_non_null(helvetica);
    pdfdoc_text(&doc, helvetica, 10, 50, 540, "Helvetica-Text", 14);
    /* measuring agrees with drawing also for U+FFFD: the word after it starts where measured */
    const char *vor = "X\xF0\x9F\x98\x80\xFF ";
    pdfdoc_text(&doc, doc.regular, 20, 50, 500, "X\xF0\x9F\x98\x80\xFF Ypsilon", strlen(vor) + 7);
    double ypsilon = 50 + pdfdoc_measure(&doc, doc.regular, 20, vor, strlen(vor));

    /* page 2: one big glyph that nothing measured before */
    pdfdoc_new_page(&doc);
    pdfdoc_text(&doc, doc.regular, 300, 150, 400, "\xC4\x9D", 2);   /* ĝ U+011D */
    /* page 3: U+FFFD for a character beyond U+FFFF, also never measured before in bold */
    pdfdoc_new_page(&doc);
    pdfdoc_text(&doc, doc.bold, 300, 150, 400, "\xF0\x9F\x98\x80", 4);
    /* page 4: a paragraph whose word is wider than the column breaks with a visible hyphen */
    pdfdoc_new_page(&doc);
    doc.margin_right = doc.page_w - doc.margin_left - 120;
    pdfdoc_paragraph(&doc, doc.regular, 12, "Donaudampfschifffahrtsgesellschaftskapitänsmütze", 1);
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
    if (!strstr(out, "A\xEF\xBF\xBD" "BC\xEF\xBF\xBD" "D\xEF\xBF\xBD" "EF\n"))
        fail_msg("bytes that are not UTF-8 not drawn as U+FFFD:\n%s", out);
    if (strstr(out, "Nirgends")) fail_msg("text at x = NaN was drawn");
    if (!strstr(out, "Helvetica-Text\n")) fail_msg("text in another font lost:\n%s", out);
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
    double got = word_x(out, "Ypsilon");
    if (!(fabs(got - ypsilon) < 0.05)) fail_msg("Ypsilon at x = %.3f, measured %.3f", got, ypsilon);
    got = word_x(out, "Helvetica-Text");
    if (!(fabs(got - 50) < 0.05)) fail_msg("Helvetica-Text at x = %.3f, expected 50", got);
    free(out);

    snprintf(cmd, sizeof cmd, "pdftotext -f 4 -l 4 -raw '%s' - 2>/dev/null", path);
    out = run_tool(cmd, &st);
    assert_int_equal(st, 0);
    if (!strstr(out, "-\n")) fail_msg("broken word without hyphen:\n%s", out);
    char joined[256] = "";
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '-') line[n - 1] = '\0';
        if (*line != '\f') strncat(joined, line, sizeof joined - strlen(joined) - 1);
    }
    assert_string_equal(joined, "Donaudampfschifffahrtsgesellschaftskapitänsmütze");
    free(out);

    /* the never-measured glyphs are in the font subsets: the pages have ink */
    for (int page = 2; page <= 3; page++) {
        long dark = dark_pixels(path, page);
        if (dark < 50) fail_msg("page %d has %ld dark pixels: its glyph is not in the embedded subset", page, dark);
    }
}

/* ---- tagged PDF ---------------------------------------------------------- */

static void header(struct pdfdoc *doc, void *ctx)
{
    (void)ctx;
    pdfdoc_text(doc, doc->regular, 8, doc->margin_left, doc->page_h - 28, "Kopfzeile", 9);
}

static void text_at(struct pdfdoc *doc, double y, const char *s)
{
    pdfdoc_text(doc, doc->regular, 10, doc->margin_left, y, s, strlen(s));
}

/* lines of `out` must contain the `want` lines in this order (each line
   whole, but other lines may come between) */
static void assert_lines_in_order(const char *out, const char *const *want, int n)
{
    const char *at = out;
    for (int i = 0; i < n; i++) {
        char needle[256];
        snprintf(needle, sizeof needle, "\n%s\n", want[i]);
        const char *hit = strstr(at - 1 >= out ? at - 1 : at, needle);
        if (!hit && at == out && strncmp(out, needle + 1, strlen(needle + 1)) == 0) hit = out - 1;
        if (!hit) fail_msg("line %d „%s“ missing or out of order in:\n%s", i, want[i], out);
        at = hit + strlen(needle);
    }
}

static void test_tagged(void **state)
{
    (void)state;
    const char *path = test_output_path("tagged.pdf");
    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    pdfdoc_set_info(&doc, "Tagprobe „Ähre“", "ibericht", NULL, NULL, 0);
    doc.on_new_page = header;

    /* page 1: H1, a paragraph, the place of the table of contents */
    pdfdoc_new_page(&doc);
    assert_int_equal(pdfdoc_tag_begin(&doc, "H1"), 1);
    pdfdoc_text(&doc, doc.bold, 16, 42, 760, "Überschrift Eins", strlen("Überschrift Eins"));
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_begin(&doc, "P");
    doc.y = 740;
    pdfdoc_paragraph(&doc, doc.regular, 10, "Grüße aus der Straße – „Maß“ für 1.234,5 €.", 1);
    pdfdoc_tag_end(&doc);
    int mark = pdfdoc_tag_mark(&doc);
    assert_true(mark >= 0);

    /* page 2: a section whose paragraph goes on on page 3 */
    pdfdoc_new_page(&doc);
    assert_int_equal(pdfdoc_tag_begin(&doc, "Sect"), 1);
    assert_int_equal(pdfdoc_tag_begin(&doc, "H2"), 2);
    text_at(&doc, 760, "Zweiter Abschnitt");
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_begin(&doc, "P");
    text_at(&doc, 740, "Anfang des Absatzes");
    pdfdoc_new_page(&doc);
    text_at(&doc, 760, "Ende des Absatzes");
    pdfdoc_tag_end(&doc);
    /* tags changing inside one text object */
    pdfdoc_tag_begin(&doc, "P");
    pdfdoc_text_begin(&doc, doc.regular, 10);
    pdfdoc_tag_begin(&doc, "Span");
    pdfdoc_text_show(&doc, 42, 700, "Eins", 4);
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_begin(&doc, "Span");
    pdfdoc_text_show(&doc, 92, 700, "Zwei", 4);
    pdfdoc_tag_end(&doc);
    pdfdoc_text_end(&doc);
    pdfdoc_tag_end(&doc);
    /* marked content opened before the text object, a child inside it */
    pdfdoc_tag_begin(&doc, "P");
    pdfdoc_tag_content(&doc);
    HPDF_Page_Rectangle(doc.page, 40, 640, 5, 5);
    HPDF_Page_Fill(doc.page);
    pdfdoc_text_begin(&doc, doc.regular, 10);
    pdfdoc_text_show(&doc, 50, 650, "Außen", strlen("Außen"));
    pdfdoc_tag_begin(&doc, "Span");
    pdfdoc_text_show(&doc, 120, 650, "Innen", 5);
    pdfdoc_tag_end(&doc);
    pdfdoc_text_show(&doc, 180, 650, "Wieder", 6);
    pdfdoc_text_end(&doc);
    pdfdoc_tag_end(&doc);
    assert_int_equal(pdfdoc_tag_begin(&doc, "H3"), 2);
    text_at(&doc, 600, "Dritte Ebene");
    pdfdoc_tag_end(&doc);
    /* a figure with its alternative text, its label inside it */
    pdfdoc_tag_begin(&doc, "Figure");
    pdfdoc_tag_attr(&doc, "Alt", "Balkendiagramm „Anteil“: Wesermarsch 2023: 12,4 %");
    pdfdoc_tag_content(&doc);
    HPDF_Page_Rectangle(doc.page, 42, 500, 100, 50);
    HPDF_Page_Fill(doc.page);
    text_at(&doc, 490, "Achse");
    pdfdoc_tag_end(&doc);
    /* a header cell */
    pdfdoc_tag_begin(&doc, "Table");
    pdfdoc_tag_begin(&doc, "TR");
    pdfdoc_tag_begin(&doc, "TH");
    pdfdoc_tag_attr(&doc, "Scope", "Column");
    text_at(&doc, 450, "Spalte");
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_end(&doc);
    /* a Pagination artifact drawn while an element is open */
    pdfdoc_tag_begin(&doc, "P");
    text_at(&doc, 400, "Vorher");
    pdfdoc_artifact_begin(&doc, "Pagination");
    text_at(&doc, 30, "Randnotiz");
    pdfdoc_artifact_end(&doc);
    text_at(&doc, 385, "Nachher");
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_end(&doc);                                   /* Sect */

    /* a table of contents page inserted before page 2, read before the
       section: its link goes to the section (now page 3) */
    pdfdoc_insert_page(&doc, 1);
    assert_int_equal(pdfdoc_tag_begin_at(&doc, mark, "TOC"), 1);
    pdfdoc_tag_begin(&doc, "TOCI");
    pdfdoc_tag_begin(&doc, "Link");
    text_at(&doc, 760, "Zweiter Abschnitt ... 3");
    pdfdoc_link(&doc, 42, 755, 300, 772, 2, 800, "Gehe zu Seite 3: Zweiter Abschnitt");
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_end(&doc);
    /* a second entry at the same mark comes after the first */
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_begin_at(&doc, mark, "P");
    text_at(&doc, 700, "Nach dem Verzeichnis");
    pdfdoc_tag_end(&doc);
    /* a link without an open Link element gets its own */
    pdfdoc_select_page(&doc, 0);
    pdfdoc_link(&doc, 42, 600, 100, 620, 3, 800, "Gehe zu Seite 4: Ende");
    pdfdoc_footers(&doc, "Stand: 31.12.2024", "Tagprobe");
    assert_int_equal(doc.error, 0);
    assert_int_equal(pdfdoc_save(&doc, path), 0);
    pdfdoc_close(&doc);
    test_output_keep(path, "KEEP_TAGGED_PDF");

    int rc;
    char *out = check_pdf("--ueberschriften --fusszeilen-ab 1 --baum", path, &rc);
    if (rc != 0 || !strstr(out, " 0 Textoperatoren ohne Tag, 0 Verstöße")) fail_msg("check_pdf.py (rc %d):\n%s", rc, out);
    static const char *const order[] = {
        "Document",
        "  H1: Überschrift Eins",
        "  P: Grüße aus der Straße – „Maß“ für 1.234,5 €.",
        "  TOC",
        "    TOCI",
        "      Link: Zweiter Abschnitt ... 3",
        "  P: Nach dem Verzeichnis",
        "  Sect",
        "    H2: Zweiter Abschnitt",
        "    P: Anfang des Absatzes Ende des Absatzes",
        "    P",
        "      Span: Eins",
        "      Span: Zwei",
        "    P: Außen Wieder",
        "      Span: Innen",
        "    H3: Dritte Ebene",
        "    Figure: Achse",
        "    Table",
        "      TR",
        "        TH: Spalte",
        "    P: Vorher Nachher",
        "  Link",
    };
    assert_lines_in_order(out, order, (int)(sizeof order / sizeof *order));
    if (strstr(out, "Kopfzeile") || strstr(out, "Randnotiz")) fail_msg("an artifact is in the tree:\n%s", out);
    free(out);

    char cmd[512];
    int st;
    snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", path);
    out = run_tool(cmd, &st);
    if (st != 0 || !strstr(out, "No syntax or stream encoding errors")) fail_msg("qpdf --check: %s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "pdftotext -raw '%s' - 2>&1", path);
    out = run_tool(cmd, &st);
    if (!strstr(out, "Grüße aus der Straße – „Maß“ für 1.234,5 €.\n")) fail_msg("umlauts do not copy out:\n%s", out);
    free(out);
}

/* the checker can fail: text drawn outside any element, a Figure without
   /Alt, a link without /Contents, a TH without Scope */
static void test_untagged_fails(void **state)
{
    (void)state;
    const char *path = test_output_path("untagged.pdf");
    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    pdfdoc_set_info(&doc, "Ohne Tags", NULL, NULL, NULL, 0);
    pdfdoc_new_page(&doc);
    text_at(&doc, 700, "Nackter Text");
    pdfdoc_tag_begin(&doc, "Figure");
    text_at(&doc, 680, "Bild");
    pdfdoc_tag_end(&doc);
    pdfdoc_tag_begin(&doc, "TH");
    text_at(&doc, 660, "Kopf");
    pdfdoc_tag_end(&doc);
    pdfdoc_link(&doc, 42, 600, 100, 620, 0, 800, NULL);
    assert_int_equal(pdfdoc_save(&doc, path), 0);
    pdfdoc_close(&doc);
    int rc;
    char *out = check_pdf("", path, &rc);
    assert_int_equal(rc, 1);
    static const char *const want[] = {
        "1 Textoperatoren ohne Tag, 4 Verstöße", "Seite 1: 1 Textoperatoren ohne Tag (z. B. „Nackter Text“)",
        "Figure auf Seite 1 ohne /Alt", "TH auf Seite 1 ohne /Scope", "Seite 1: Link ohne /Contents",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(out, want[i])) fail_msg("check_pdf.py does not report „%s“:\n%s", want[i], out);
    free(out);
    /* with these checks left out it passes; an unknown check is refused */
    out = check_pdf("--ohne text,figure,th,link", path, &rc);
    if (rc != 0) fail_msg("check_pdf.py --ohne: rc %d\n%s", rc, out);
    free(out);
    out = check_pdf("--ohne gibtsnicht", path, &rc);
    assert_int_equal(rc, 2);
    free(out);
}

/* save and close doc, then check_pdf.py with options must pass */
static void save_checked(struct pdfdoc *doc, const char *path, const char *options)
{
    assert_int_equal(pdfdoc_save(doc, path), 0);
    pdfdoc_close(doc);
    int rc;
    char *out = check_pdf(options, path, &rc);
    if (rc != 0) fail_msg("check_pdf.py %s (rc %d):\n%s", options, rc, out);
    free(out);
}

/* PDF/A-1b: the output intent with the sRGB profile of icc-profiles-free
   (without icc_profile), a CIDSet for each font subset, pdfaid in the XMP */
static void test_pdfa(void **state)
{
    (void)state;
    const char *path = test_output_path("pdfa.pdf");
    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    pdfdoc_set_info(&doc, "PDF/A & <Probe>", "ibericht", NULL, NULL, 0);
    assert_int_equal(pdfdoc_pdfa(&doc, NULL), 0);
    pdfdoc_new_page(&doc);
    pdfdoc_tag_begin(&doc, "P");
    text_at(&doc, 700, "Größe");
    pdfdoc_text(&doc, doc.bold, 10, 42, 680, "Fett", 4);
    pdfdoc_tag_end(&doc);
    save_checked(&doc, path, "--pdfa");
    char *out;
    /* the CIDSet of the regular font has exactly the bits of the glyphs in
       the subset: CID 0, G r ö ß e (0x47 0x72 0xF6 0xDF 0x65), and o and ¨
       (0x6F, 0xA8), the components of DejaVu's composite ö */
    char cmd[1024];
    int st;
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c \"import pikepdf,sys\n"
             "p = pikepdf.open(sys.argv[1])\n"
             "for _, f in p.pages[0].Resources.Font.items():\n"
             "    d = f.DescendantFonts[0]\n"
             "    b = d.FontDescriptor.CIDSet.read_bytes()\n"
             "    print(str(d.BaseFont), sorted(i for i in range(len(b) * 8) if b[i // 8] >> (7 - i %% 8) & 1))\n"
             "\" '%s' | sort", path);
    out = run_tool(cmd, &st);
    if (!strstr(out, "DejaVuSans,Book [0, 71, 101, 111, 114, 168, 223, 246]\n") ||
        !strstr(out, "DejaVuSans-Bold,Bold [0, 70, 101, 116]\n"))
        fail_msg("CIDSet:\n%s", out);
    free(out);
}

/* pdftoppm at 72 dpi: the RGB of pixel (x, y) of page 1 */
static void pixel_at(const char *path, int x, int y, int rgb[3])
{
    char cmd[600];
    int st;
    snprintf(cmd, sizeof cmd, "pdftoppm -f 1 -l 1 -r 72 -x %d -y %d -W 1 -H 1 '%s' 2>/dev/null", x, y, path);
    char *out = run_tool(cmd, &st);
    int w, h, maxval, off = 0;
    assert_int_equal(sscanf(out, "P6 %d %d %d%n", &w, &h, &maxval, &off), 3);
    const unsigned char *px = (const unsigned char *)out + off + 1;
    for (int i = 0; i < 3; i++) rgb[i] = px[i];
    free(out);
}

/* pdfdoc_image_load: an RGBA PNG is put onto white (no /SMask: PDF/A), an
   opaque PNG is drawn as it is, other files are refused with a message */
static void test_image_load(void **state)
{
    (void)state;
    const char *path = test_output_path("bild.pdf");
    char png[300], opaque[300], gif[300], cmd[2400];
    snprintf(png, sizeof png, "%s/alpha.png", test_output_dir);
    snprintf(opaque, sizeof opaque, "%s/rgb.png", test_output_dir);
    snprintf(gif, sizeof gif, "%s/bild.gif", test_output_dir);
    /* PNGs written by Python's zlib: 8×8, RGBA red at alpha 128 (left half)
       and alpha 0 (right half); RGB blue */
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c \"import struct, zlib, sys\n"
             "def png(path, ctype, row):\n"
             "    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))\n"
             "    raw = b''.join(b'\\\\0' + row for _ in range(8))\n"
             "    open(path, 'wb').write(b'\\\\x89PNG\\\\r\\\\n\\\\x1a\\\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 8, 8, 8, ctype, 0, 0, 0))"
             " + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))\n"
             "png(sys.argv[1], 6, bytes([255, 0, 0, 128]) * 4 + bytes([0, 0, 0, 0]) * 4)\n"
             "png(sys.argv[2], 2, bytes([0, 0, 255]) * 8)\n"
             "open(sys.argv[3], 'wb').write(b'GIF89a')\n"
             "\" '%s' '%s' '%s'", png, opaque, gif);
    int st;
    free(run_tool(cmd, &st));
    assert_int_equal(st, 0);

    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    pdfdoc_set_info(&doc, "Bild", NULL, NULL, NULL, 0);
    assert_int_equal(pdfdoc_pdfa(&doc, NULL), 0);
    pdfdoc_new_page(&doc);
    assert_null(pdfdoc_image_load(&doc, gif));
    char missing[320];
    snprintf(missing, sizeof missing, "%s/fehlt.png", test_output_dir);
    assert_null(pdfdoc_image_load(&doc, missing));
    HPDF_Image a = pdfdoc_image_load(&doc, png), b = pdfdoc_image_load(&doc, opaque);
    assert_non_null(a);
    assert_non_null(b);
    pdfdoc_tag_begin(&doc, "Figure");
    pdfdoc_tag_attr(&doc, "Alt", "Logo");
    pdfdoc_tag_content(&doc);
    HPDF_Page_DrawImage(doc.page, a, 100, 500, 200, 200);
    HPDF_Page_DrawImage(doc.page, b, 350, 500, 100, 100);
    pdfdoc_tag_end(&doc);
    assert_int_equal(doc.error, 0);
    save_checked(&doc, path, "--pdfa");
    /* the page is 842 pt high: the images span y 142..342 from the top */
    int rgb[3];
    pixel_at(path, 150, 240, rgb);                   /* red at alpha 128 on white */
    if (rgb[0] < 250 || abs(rgb[1] - 127) > 3 || abs(rgb[2] - 127) > 3)
        fail_msg("half-transparent red: %d %d %d, expected 255 127 127", rgb[0], rgb[1], rgb[2]);
    pixel_at(path, 250, 240, rgb);                   /* alpha 0: white */
    if (rgb[0] < 250 || rgb[1] < 250 || rgb[2] < 250) fail_msg("transparent: %d %d %d", rgb[0], rgb[1], rgb[2]);
    pixel_at(path, 400, 290, rgb);                   /* opaque blue unchanged */
    if (rgb[0] > 5 || rgb[1] > 5 || rgb[2] < 250) fail_msg("opaque blue: %d %d %d", rgb[0], rgb[1], rgb[2]);
    unlink(png);
    unlink(opaque);
    unlink(gif);
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
        cmocka_unit_test_teardown(test_tagged, test_output_remove),
        cmocka_unit_test_teardown(test_untagged_fails, test_output_remove),
        cmocka_unit_test_teardown(test_pdfa, test_output_remove),
        cmocka_unit_test_teardown(test_image_load, test_output_remove),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
