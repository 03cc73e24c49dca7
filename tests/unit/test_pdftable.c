/*
 * test_pdftable.c — unit tests of the PDF tables' column fitting (cmocka).
 *
 * Each test renders one table with narrow columns into a PDF in a mkdtemp
 * directory and reads it back with pdftotext -layout: no header word may
 * be split (they are found as whole words), a word that has to be broken
 * carries a hyphen at every break, a file name breaks after '_' and '.',
 * and the text of every cell comes back complete.  Set
 * PDFTABLE_TEST_OUT=path to keep a copy of the last test PDF.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/pdfdoc.h"
#include "lib/pdftable.h"
#include "testtools.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT_REGULAR "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define FONT_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

/* What render_table saw of the table before it was freed. */
struct seen {
    double head_size;
    double x[PDFTABLE_MAX_COLUMNS + 1];
    double content_left, content_width;
};

/* Render one table (portrait A4) with rows[nrows][ncols], all rows passed to
 * pdftable_fit_row when fit; returns pdftotext -layout of the PDF (malloc'd). */
static char *render_table(const struct pdftable_column *cols, int ncols, double size,
                          const char *const *rows, int nrows, int fit, struct seen *seen)
{
    struct pdfdoc doc;
    if (pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT) != 0)
        fail_msg("DejaVu fonts missing (fonts-dejavu-core)");
    pdfdoc_new_page(&doc);
    struct pdftable t;
    pdftable_init(&t, &doc, cols, ncols, size);
    if (fit)
        for (int r = 0; r < nrows; r++) pdftable_fit_row(&t, rows + (size_t)r * (size_t)ncols);
    pdftable_header(&t);
    for (int r = 0; r < nrows; r++) pdftable_row(&t, rows + (size_t)r * (size_t)ncols, NULL);
    pdftable_end(&t);
    seen->head_size = t.head_size;
    memcpy(seen->x, t.x, sizeof seen->x);
    seen->content_left = doc.margin_left;
    seen->content_width = pdfdoc_content_width(&doc);
    pdftable_free(&t);
    test_output_remove(NULL);
    strcpy(test_output_dir, "/tmp/ibericht-test.XXXXXX");   /* a fresh directory each time */
    const char *path = test_output_path("tabelle.pdf");
    assert_int_equal(pdfdoc_save(&doc, path), 0);
    pdfdoc_close(&doc);
    char cmd[600];
    test_output_keep(path, "PDFTABLE_TEST_OUT");
    int st;
    snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' - 2>/dev/null", path);
    char *out = run_tool(cmd, &st);
    assert_int_equal(st, 0);
    return out;
}

/* Is word a whole blank-separated token of text? */
static int has_token(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        int before = p == text || p[-1] == ' ' || p[-1] == '\n';
        int after = p[n] == ' ' || p[n] == '\n' || p[n] == '\0' || p[n] == '\f';
        if (before && after) return 1;
    }
    return 0;
}

/* Every word of every header comes back whole. */
static void expect_header_words(const char *text, const struct pdftable_column *cols, int ncols)
{
    for (int i = 0; i < ncols; i++) {
        char buf[200];
        snprintf(buf, sizeof buf, "%s", cols[i].titel);
        for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
            if (!has_token(text, w)) fail_msg("header word „%s“ split or lost:\n%s", w, text);
    }
}

/*
 * The tokens of text that are parts of word (a part with a trailing "-" if
 * the break added one), in reading order, must spell word; returns how
 * many parts ended with an added hyphen.  Other cells must not contain
 * pieces of word.
 */
static int expect_parts(const char *text, const char *word, int min_parts)
{
    char spelled[400] = "", buf[400];
    int parts = 0, hyphens = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\n' || *p == '\f') p++;
        size_t n = strcspn(p, " \n\f");
        if (!n) break;
        snprintf(buf, sizeof buf, "%.*s", (int)n, p);
        p += n;
        size_t len = strlen(buf);
        int hy = 0;
        if (!strstr(word, buf) && len > 1 && buf[len - 1] == '-') { buf[len - 1] = '\0'; hy = 1; }
        if (!strstr(word, buf)) continue;
        /* a part must continue what is spelled so far */
        size_t have = strlen(spelled);
        if (strncmp(word + have, buf, strlen(buf)) != 0) continue;
        strcat(spelled, buf);
        parts++;
        hyphens += hy;
    }
    if (strcmp(spelled, word) != 0) fail_msg("„%s“ comes back as „%s“:\n%s", word, spelled, text);
    if (parts < min_parts) fail_msg("„%s“ in %d parts, expected at least %d", word, parts, min_parts);
    return hyphens;
}

/* The status table of the Integrationsbericht (chapter „Stand der
 * Umsetzung“): before, its headers came out as umgese|tzt, verzög|ert. */
static void test_status_headers_whole(void **state)
{
    (void)state;
    static const struct pdftable_column cols[] = {
        { "Handlungsfeld", 0.24 }, { "Anzahl", 0.095 }, { "geplant", 0.095 }, { "in Umsetzung", 0.095 },
        { "umgesetzt", 0.095 }, { "verzögert", 0.095 }, { "entfallen", 0.095 }, { "ohne Bericht", 0.095 },
        { "überfällig", 0.095 } };
    const char *rows[] = {
        "Interkulturelle Öffnung", "24", "0", "0", "0", "0", "0", "24", "0",
        "Gesundheit/ Medizinische Grundversorgung", "10", "1", "2", "3", "0", "0", "4", "1" };
    struct seen s;
    char *text = render_table(cols, 9, 8.5, rows, 2, 0, &s);
    expect_header_words(text, cols, 9);
    assert_true(has_token(text, "Grundversorgung"));
    assert_true(s.head_size == 8.5);            /* widening was enough */
    free(text);
}

/* A cross table of the Befragung (answers × kind of institution): before,
 * Kinderga|rten/, Kircheng|emeinde, Sozialbe|reich.  The answer column
 * gives what its words can spare; the header shrinks (not below 6.5 pt)
 * when that is not enough. */
static void test_cross_table_headers_whole(void **state)
{
    (void)state;
    struct pdftable_column cols[9] = { { "Antwort", 0.28 } };
    const char *titles[] = { "Freier Träger im Sozialbereich", "Freier Träger im Jugendbereich",
                             "Kindergarten/ -tagesstätte", "Schule", "Kirchengemeinde",
                             "Koordinierungsstelle", "Sonstige", "Gesamt" };
    for (int j = 1; j < 9; j++) { cols[j].titel = titles[j - 1]; cols[j].anteil = 0.72 / 8; }
    const char *rows[] = { "Kinder im Vorschulbereich", "4", ".", "20", "–", "5", "7", ".", "29",
                           "Gesamt", "40", "24", "22", "20", "14", "9", "11", "140" };
    struct seen s;
    char *text = render_table(cols, 9, 7.5, rows, 2, 1, &s);
    expect_header_words(text, cols, 9);
    assert_true(has_token(text, "Vorschulbereich"));
    assert_true(s.head_size >= PDFTABLE_MIN_HEAD_SIZE && s.head_size <= 7.5);
    for (int i = 0; i < 9; i++) assert_true(s.x[i + 1] > s.x[i]);
    assert_true(s.x[9] - s.x[0] > s.content_width - 0.001 && s.x[9] - s.x[0] < s.content_width + 0.001);
    free(text);
}

/* Words that fit keep the shares exactly. */
static void test_fitting_table_keeps_shares(void **state)
{
    (void)state;
    static const struct pdftable_column cols[] = { { "Zeichen", 0.15 }, { "Bedeutung", 0.85 } };
    const char *rows[] = { "–", "Wert ist null (nichts vorhanden)" };
    struct seen s;
    char *text = render_table(cols, 2, 8.5, rows, 1, 1, &s);
    assert_true(s.x[0] == s.content_left);
    assert_true(s.x[1] == s.content_left + s.content_width * 0.15);
    assert_true(s.head_size == 8.5);
    free(text);
}

/* The first token of every line: with the same text in every cell, the
 * first column read from top to bottom (malloc'd, one token a line). */
static char *first_column(const char *text)
{
    char *col = calloc(1, strlen(text) + 2);
    assert_non_null(col);
    for (const char *line = text; *line;) {
        size_t n = strcspn(line, "\n");
        size_t k = strspn(line, " \f");
        if (k < n) {
            strncat(col, line + k, strcspn(line + k, " \n"));
            strcat(col, "\n");
        }
        line += n + (line[n] == '\n');
    }
    return col;
}

/* No column can make room: a compound is broken with a hyphen at every
 * break, a file name after '_' and '.' without one; nothing is lost. */
static void test_forced_breaks_visible(void **state)
{
    (void)state;
    struct pdftable_column cols[12];
    const char *heads[12] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L" };
    for (int j = 0; j < 12; j++) { cols[j].titel = heads[j]; cols[j].anteil = 1.0 / 12; }
    const char *word = "Integrationskonzeptfortschreibungsarbeitsgruppe";
    const char *rows[12];
    for (int j = 0; j < 12; j++) rows[j] = word;
    struct seen s;
    char *text = render_table(cols, 12, 8.5, rows, 1, 1, &s);
    char *col = first_column(text);
    int hyphens = expect_parts(col, word, 3);
    int lines = 0;
    for (const char *p = col; (p = strchr(p, '\n')); p++) lines++;
    assert_int_equal(hyphens, lines - 2);     /* every line of the word but its last, not „A“ */
    free(col);
    free(text);

    /* six columns: each part of the file name fits a line */
    const char *file = "massnahmen_wesermarsch_anhang6.csv";
    for (int j = 0; j < 6; j++) { cols[j].anteil = 1.0 / 6; rows[j] = file; }
    text = render_table(cols, 6, 8.5, rows, 1, 1, &s);
    col = first_column(text);
    assert_int_equal(expect_parts(col, file, 3), 0);
    assert_true(has_token(col, "massnahmen_"));
    assert_true(has_token(col, "wesermarsch_"));
    assert_true(has_token(col, "anhang6.csv"));
    free(col);
    free(text);
}

/* A tagged table over three pages: Table > THead > TR > TH (Scope Column)
 * and TBody > TR > TD; the header repeated on pages 2 and 3 and a merged
 * cell shown again at the top of a page are artifacts; a merged cell widens
 * the TD above it (/RowSpan); a row taller than a page keeps one TD per
 * cell across the break; numbers are never broken, and right-aligned in a
 * column marked rechts. */
static void test_tagged_table(void **state)
{
    (void)state;
    static const struct pdftable_column cols[] = { { "Feld", 0.3 }, { "Text", 0.55 }, { "Anzahl", 0.15 } };
    const char *path = test_output_path("getaggt.pdf");
    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    pdfdoc_set_info(&doc, "Tabelle", NULL, NULL, NULL, 0);
    pdfdoc_new_page(&doc);
    pdfdoc_tag_begin(&doc, "Sect");
    struct pdftable t;
    pdftable_init(&t, &doc, cols, 3, 9);
    t.rechts = 1u << 2;
    pdftable_header(&t);
    char text[64], zahl[32];
    const int repeat[3] = { 1, 0, 0 };
    /* 70 rows of one field (all merged into the first), then a row taller than a page */
    for (int r = 0; r < 70; r++) {
        snprintf(text, sizeof text, "Zeile %d", r + 1);
        snprintf(zahl, sizeof zahl, "%d.%03d,5", r + 1, r);
        const char *cells[3] = { "Bildung", text, zahl };
        pdftable_row(&t, cells, r ? repeat : NULL);
    }
    static char lang[6000];
    lang[0] = '\0';
    for (int i = 0; i < 260; i++) strcat(lang, i ? " Langtext" : "Anfang");
    strcat(lang, " Schluss");
    const char *cells[3] = { "Arbeit", lang, "12,4 %" };
    pdftable_row(&t, cells, NULL);
    pdftable_end(&t);
    pdftable_free(&t);
    pdfdoc_tag_end(&doc);
    assert_int_equal(pdfdoc_save(&doc, path), 0);
    int pages = doc.npages;
    pdfdoc_close(&doc);
    assert_true(pages >= 3);

    int rc;
    char *out = check_pdf("--baum", path, &rc);
    if (rc != 0 || !strstr(out, " 0 Textoperatoren ohne Tag, 0 Verstöße")) fail_msg("check_pdf.py (rc %d):\n%s", rc, out);
    /* one header row in the tree, 71 body rows, the first cell of the field once */
    const char *p = out;
    int th = 0, tr = 0, bildung = 0;
    for (; (p = strstr(p, "\n")); p++) {
        th += strncmp(p + 1, "          TH: ", 14) == 0;
        tr += strncmp(p + 1, "        TR\n", 11) == 0;
        bildung += strncmp(p + 1, "          TD: Bildung\n", 22) == 0;
    }
    if (th != 3 || tr != 72 || bildung != 1) fail_msg("TH %d (3), TR %d (72), TD Bildung %d (1):\n%.3000s", th, tr, bildung, out);
    if (!strstr(out, "\n  Sect\n    Table\n      THead\n        TR\n          TH: Feld\n          TH: Text\n          TH: Anzahl\n"
                     "      TBody\n        TR\n          TD: Bildung\n          TD: Zeile 1\n          TD: 1.000,5\n"
                     "        TR\n          TD: Zeile 2\n"))
        fail_msg("table structure:\n%.3000s", out);
    /* the long row: its text cell is one TD from „Anfang“ to „Schluss“ */
    if (!strstr(out, "          TD: Arbeit\n          TD: Anfang Langtext") || !strstr(out, "Langtext Schluss\n          TD: 12,4 %\n"))
        fail_msg("split row not one TD per cell:\n%s", out + strlen(out) / 2);
    free(out);

    /* the TD of „Bildung“ spans all 70 rows; numbers whole and right-aligned */
    char cmd[1600];
    int st;
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c \"import pikepdf,sys\n"
             "p = pikepdf.open(sys.argv[1])\n"
             "def walk(e):\n"
             "    if e.get('/S') == '/TD' and '/A' in e: print('RowSpan', int(e.A.get('/RowSpan', 1)))\n"
             "    for k in (e.K if isinstance(e.get('/K'), pikepdf.Array) else []):\n"
             "        if isinstance(k, pikepdf.Dictionary) and '/S' in k: walk(k)\n"
             "walk(p.Root.StructTreeRoot.K)\n"
             "\" '%s'; pdftotext -bbox '%s' - | grep -c '>[0-9][0-9]*\\.[0-9]*,5</word>'; "
             "pdftotext -f 1 -l 1 -bbox '%s' - | grep '>1.000,5<'", path, path, path);
    out = run_tool(cmd, &st);
    if (strncmp(out, "RowSpan 70\n70\n", 14) != 0) fail_msg("RowSpan and whole numbers:\n%s", out);
    const char *x = strstr(out, "xMax=\"");
    double xmax = x ? atof(x + 6) : 0, right = 595.28 - 42 - 3.5;
    if (!(xmax > right - 0.5 && xmax <= right + 0.01)) fail_msg("number not right-aligned (xMax %.2f, cell %.2f):\n%s", xmax, right, out);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_status_headers_whole, test_output_remove),
        cmocka_unit_test_teardown(test_cross_table_headers_whole, test_output_remove),
        cmocka_unit_test_teardown(test_fitting_table_keeps_shares, test_output_remove),
        cmocka_unit_test_teardown(test_forced_breaks_visible, test_output_remove),
        cmocka_unit_test_teardown(test_tagged_table, test_output_remove),
    };
    return cmocka_run_group_tests_name("pdftable", tests, NULL, NULL);
}
