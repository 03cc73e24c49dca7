/*
 * test_docmodel.c — unit tests of the document model (docmodel.h) and its
 * PDF writer (docpdf.h), cmocka.
 *
 * The model: strings and arrays are copies (the caller's buffers may
 * change afterwards), merged/highlighted rows keep their flags, a chart is
 * a deep copy, its alt text names the series and their last values, prose
 * becomes the right blocks.  The writer: the PDF is read back with
 * pdftotext/pdfinfo — headings are never the last line of a page, a table
 * repeats its header on each page, the table of contents lists the
 * sections with their real pages, an invalid chart fails without a file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/docpdf.h"
#include "testtools.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT_REGULAR "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define FONT_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

static void test_copies(void **state)
{
    (void)state;
    struct docmodel *m = docmodel_new();
    char buf[64] = "Bildung";
    struct docmodel_chapter *c = docmodel_chapter_add(m, buf, 1);
    struct docmodel_block *h = docmodel_heading(c, 7, buf);
    static const struct docmodel_column cols[] = { { "A", 0.5, DOCMODEL_LEFT }, { "Zahl", 0.5, DOCMODEL_RIGHT } };
    struct docmodel_table *t = docmodel_table(c, cols, 2);
    const char *cells[2] = { buf, NULL };
    for (int i = 0; i < 1000; i++) docmodel_row(t, cells, i % 2 ? 1u : 0u, i == 3);
    strcpy(buf, "geändert");
    assert_string_equal(c->title, "Bildung");
    assert_string_equal(h->text, "Bildung");
    assert_int_equal(h->level, 3);                   /* clamped to 1..3 */
    assert_int_equal(c->landscape, 1);
    assert_int_equal(c->nblocks, 2);
    assert_int_equal(c->blocks[1].kind, DOCMODEL_TABLE);
    assert_ptr_equal(docmodel_last(c)->table, t);
    assert_int_equal(t->nrows, 1000);
    assert_string_equal(t->rows[999].cells[0], "Bildung");
    assert_string_equal(t->rows[999].cells[1], "");   /* NULL cell = empty */
    assert_int_equal(t->rows[999].repeat, 1);
    assert_int_equal(t->rows[998].repeat, 0);
    assert_int_equal(t->rows[3].highlight, 1);
    assert_int_equal(t->rows[4].highlight, 0);
    assert_int_equal(t->cols[1].align, DOCMODEL_RIGHT);
    assert_string_equal(docmodel_printf(m, "%d %s", 42, "Maßnahmen"), "42 Maßnahmen");
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(strlen(docmodel_printf(m, "%s!", big)), sizeof big);
    docmodel_free(m);
}

static void test_chart_copy_and_alt(void **state)
{
    (void)state;
    struct docmodel *m = docmodel_new();
    struct docmodel_chapter *c = docmodel_chapter_add(m, "Arbeit", 0);
    const char *cats[3] = { "2021", "2022", "2023" };
    double a[3] = { 10.5, 11.25, 12.5 }, b[3] = { 9, 9.5, 0 };
    unsigned char bm[3] = { 0, 0, 1 };
    struct pdfchart_series s[2] = { { "Wesermarsch", a, NULL }, { "Niedersachsen", b, bm } };
    struct pdfchart ch = { .kind = PDFCHART_LINE, .title = "Beschäftigungsquote", .unit = "Anteil in %",
                           .categories = cats, .ncategories = 3, .series = s, .nseries = 2, .decimals = 1,
                           .percent_axis = 1, .source = "Bundesagentur für Arbeit" };
    struct docmodel_block *blk = docmodel_chart(c, &ch);
    a[2] = 99;
    cats[2] = "1999";
    const struct pdfchart *cp = blk->chart;
    assert_true(cp->series != s);
    assert_true(cp->series[0].values[2] == 12.5);
    assert_string_equal(cp->categories[2], "2023");
    assert_int_equal(cp->series[1].missing[2], 1);
    char alt[600];
    docmodel_chart_alt(cp, alt, sizeof alt);
    assert_non_null(strstr(alt, "Liniendiagramm „Beschäftigungsquote“"));
    assert_non_null(strstr(alt, "Wesermarsch 2023: 12,5 %"));
    assert_non_null(strstr(alt, "Niedersachsen 2022: 9,5 %"));   /* the last value that is there */
    assert_non_null(strstr(alt, "Quelle: Bundesagentur für Arbeit"));
    char tiny[8];
    docmodel_chart_alt(cp, tiny, sizeof tiny);                    /* truncated, terminated */
    assert_true(strlen(tiny) < sizeof tiny);
    docmodel_free(m);
}

static void test_prosa(void **state)
{
    (void)state;
    struct vorlage_prosa p;
    const char *text = "# Abschnitt\n\nEin **fetter** Absatz.\n\n- eins\n- zwei\n\n> Kasten\n\n## Unter\n";
    assert_int_equal(vorlage_prosa_parse("t.txt", text, strlen(text), &p), 0);
    struct docmodel *m = docmodel_new();
    struct docmodel_chapter *c = docmodel_chapter_add(m, "K", 0);
    docmodel_prosa(c, &p);
    vorlage_prosa_free(&p);
    assert_int_equal(c->nblocks, 6);
    assert_int_equal(c->blocks[0].kind, DOCMODEL_HEADING);
    assert_int_equal(c->blocks[0].level, 2);
    assert_int_equal(c->blocks[1].kind, DOCMODEL_PARAGRAPH);
    assert_string_equal(c->blocks[1].text, "Ein **fetter** Absatz.");
    assert_int_equal(c->blocks[2].kind, DOCMODEL_ITEM);
    assert_int_equal(c->blocks[3].kind, DOCMODEL_ITEM);
    assert_int_equal(c->blocks[4].kind, DOCMODEL_HIGHLIGHT);
    assert_int_equal(c->blocks[5].level, 3);
    docmodel_free(m);
}

/* pdftotext of path (malloc'd), pages split at '\f' */
static char *pdftext(const char *path)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' - 2>/dev/null", path);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n < 2) buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    pclose(f);
    return buf;
}

/* the last non-blank line of each page before the footer must not be a heading */
static void check_no_heading_last(const char *text, const char *prefix)
{
    int page = 1;
    for (const char *p = text; *p; page++) {
        const char *end = strchr(p, '\f');
        if (!end) end = p + strlen(p);
        /* lines of this page */
        char last[400] = "", prev[400] = "";
        for (const char *l = p; l < end;) {
            const char *nl = memchr(l, '\n', (size_t)(end - l));
            if (!nl) nl = end;
            size_t len = (size_t)(nl - l);
            int blank = 1;
            for (size_t i = 0; i < len; i++) blank &= l[i] == ' ';
            if (!blank && len < sizeof last) {
                memcpy(prev, last, sizeof prev);
                memcpy(last, l, len);
                last[len] = '\0';
            }
            l = nl + (nl < end);
        }
        /* last = footer („Seite x von y“), prev = the last content line */
        if (strstr(last, "Seite ")) {
            const char *s = prev;
            while (*s == ' ') s++;
            if (strncmp(s, prefix, strlen(prefix)) == 0) fail_msg("Seite %d endet mit der Überschrift „%s“", page, s);
        }
        p = *end ? end + 1 : end;
    }
}

static void test_writer_layout(void **state)
{
    (void)state;
    struct docmodel *m = docmodel_new();
    m->frame.title = "Testbericht";
    m->frame.stand = "Stand: 20.11.2024";
    m->frame.toc = 1;
    m->frame.numbered = 1;
    docmodel_frame_own(m);
    struct docmodel_chapter *c = docmodel_chapter_add(m, "Erstes Kapitel", 0);
    static const struct docmodel_column cols[] = { { "Spalte A", 0.5, DOCMODEL_LEFT }, { "Spalte B", 0.5, DOCMODEL_RIGHT } };
    char buf[200];
    /* paragraphs of growing length, each section ending somewhere else on the page */
    for (int s = 0; s < 40; s++) {
        snprintf(buf, sizeof buf, "Abschnittstitel %d", s + 1);
        docmodel_heading(c, 2, buf);
        for (int i = 0; i <= s % 7; i++)
            docmodel_paragraph(c, "Dies ist ein Absatz mit genug Wörtern, um mehr als eine Zeile zu füllen, damit die "
                                  "Seiten an wechselnden Stellen umbrechen und eine Überschrift unten landen könnte.");
        if (s % 3 == 0) {
            struct docmodel_table *t = docmodel_table(c, cols, 2);
            for (int r = 0; r < 6 + s; r++) {
                snprintf(buf, sizeof buf, "%d", r);
                const char *cells[2] = { "Zeile", buf };
                docmodel_row(t, cells, 0, 0);
            }
        }
    }
    docmodel_chapter_add(m, "Zweites Kapitel", 1);
    docmodel_paragraph(m->chapters[1], "Quer.");
    const char *path = test_output_path("modell.pdf");
    struct docpdf_result r;
    assert_int_equal(docpdf_write(m, FONT_REGULAR, FONT_BOLD, path, &r), 0);
    assert_int_equal(r.passes, 1);
    assert_true(r.toc_pages >= 1);
    assert_true(r.pages > 5);
    char *text = pdftext(path);
    check_no_heading_last(text, "1.");
    /* the table of contents: section 1.40 with the page it is really on */
    int page = 1, toc_page = -1, real = -1, checked = 0;
    for (const char *p = text; *p; page++) {
        const char *end = strchr(p, '\f');
        if (!end) end = p + strlen(p);
        char *pg = strndup(p, (size_t)(end - p));
        char *hit = strstr(pg, "1.40");
        if (hit && strstr(pg, "Inhalt") && toc_page < 0) {
            toc_page = page;
            char *dots = strstr(hit, "Abschnittstitel 40");
            assert_non_null(dots);
            char *nl = strchr(dots, '\n');
            if (nl) *nl = '\0';
            const char *num = dots + strlen(dots);
            while (num > dots && num[-1] >= '0' && num[-1] <= '9') num--;
            real = atoi(num);
        } else if (hit && strstr(pg, "Abschnittstitel 40") && toc_page > 0 && page != toc_page) {
            assert_int_equal(real, page);
            checked = 1;
        }
        free(pg);
        p = *end ? end + 1 : end;
    }
    assert_true(toc_page == 2);
    assert_true(real > 2);
    assert_true(checked);
    /* the page count and the landscape last page */
    char cmd[600];
    snprintf(cmd, sizeof cmd, "pdfinfo -l 100 '%s' | grep -c '841.89 x 595.28\\|841.89 x 595.27'", path);
    FILE *f = popen(cmd, "r");
    int quer = 0;
    assert_int_equal(fscanf(f, "%d", &quer), 1);
    pclose(f);
    assert_int_equal(quer, 1);
    free(text);
    docmodel_free(m);
    test_output_remove(NULL);
}

static void test_writer_invalid_chart(void **state)
{
    (void)state;
    struct docmodel *m = docmodel_new();
    m->frame.title = "Ungültig";
    m->frame.title_style = DOCMODEL_TITLE_BLOCK;
    struct docmodel_chapter *c = docmodel_chapter_add(m, NULL, 0);
    struct pdfchart ch = { .kind = PDFCHART_BAR };      /* no categories, no series */
    docmodel_chart(c, &ch);
    strcpy(test_output_dir, "/tmp/ibericht-test.XXXXXX");
    const char *path = test_output_path("kaputt.pdf");
    assert_int_equal(docpdf_write(m, FONT_REGULAR, FONT_BOLD, path, NULL), -1);
    assert_int_equal(access(path, F_OK), -1);
    docmodel_free(m);
    test_output_remove(NULL);
}

int main(void)
{
    (void)run_tool;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copies),
        cmocka_unit_test(test_chart_copy_and_alt),
        cmocka_unit_test(test_prosa),
        cmocka_unit_test(test_writer_layout),
        cmocka_unit_test(test_writer_invalid_chart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
