/*
 * test_pdfchart.c — unit tests of the PDF charts (cmocka).
 *
 * The pure parts (nice ticks, German tick labels) directly; then a test
 * document with every kind of chart is rendered into a mkdtemp directory
 * and checked with the real tools: qpdf --check, pdftotext -layout (titles
 * with umlauts, tick labels, legend, source, „keine Daten“), pdfinfo (a
 * chart that does not fit went to a new page).  Set PDFCHART_TEST_OUT=path
 * to keep a copy of the test PDF for looking at it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/pdfchart.h"
#include "lib/pdfdoc.h"
#include "testtools.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FONT_REGULAR "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define FONT_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

/* ---- nice ticks --------------------------------------------------------- */

static void expect_axis(double lo, double hi, int max_int, double min_step, double amin,
                        double amax, double step, int nticks, int decimals)
{
    struct pdfchart_axis ax;
    if (pdfchart_nice_axis(lo, hi, max_int, min_step, &ax) != 0)
        fail_msg("%g..%g: no axis", lo, hi);
    if (fabs(ax.min - amin) > 1e-9 || fabs(ax.max - amax) > 1e-9 || fabs(ax.step - step) > 1e-9
        || ax.nticks != nticks || ax.decimals != decimals)
        fail_msg("%g..%g (%d): got %g..%g step %g, %d ticks, %d decimals; expected %g..%g step %g, "
                 "%d ticks, %d decimals", lo, hi, max_int, ax.min, ax.max, ax.step, ax.nticks,
                 ax.decimals, amin, amax, step, nticks, decimals);
}

static void test_nice_0_87(void **state)
{
    (void)state;
    expect_axis(0, 87, 5, 0, 0, 100, 20, 6, 0);      /* 0, 20, …, 100 */
    expect_axis(0, 87, 10, 0, 0, 90, 10, 10, 0);     /* 0, 10, …, 90 */
    expect_axis(0, 100, 6, 0, 0, 100, 20, 6, 0);     /* the percent axis */
    expect_axis(0, 9300, 5, 0, 0, 10000, 2000, 6, 0);
    expect_axis(1234, 9876, 5, 0, 0, 10000, 2000, 6, 0);
}

static void test_nice_negative(void **state)
{
    (void)state;
    expect_axis(-23, 41, 6, 0, -40, 60, 20, 6, 0);
    expect_axis(-87, 0, 5, 0, -100, 0, 20, 6, 0);
    expect_axis(-350, 820, 6, 0, -500, 1000, 250, 7, 0);
    expect_axis(-0.3, 0.2, 5, 0, -0.3, 0.2, 0.1, 6, 1);
}

static void test_nice_fractions(void **state)
{
    (void)state;
    expect_axis(0, 12.3, 5, 0, 0, 12.5, 2.5, 6, 1);   /* 2,5 steps need one decimal */
    expect_axis(0, 0.87, 5, 0, 0, 1, 0.2, 6, 1);
    expect_axis(0, 0.087, 5, 0, 0, 0.1, 0.02, 6, 2);
    expect_axis(0, 0.23, 5, 0, 0, 0.25, 0.05, 6, 2);
    expect_axis(0, 3, 10, 0, 0, 3, 0.5, 7, 1);
    expect_axis(0, 3, 10, 1, 0, 3, 1, 4, 0);           /* counts: no steps below 1 */
    expect_axis(0, 2.4, 8, 0.1, 0, 2.5, 0.5, 6, 1);
}

static void test_nice_degenerate(void **state)
{
    (void)state;
    struct pdfchart_axis ax;
    expect_axis(0, 0, 5, 0, 0, 1, 0.2, 6, 1);
    expect_axis(0, 0, 5, 1, 0, 1, 1, 2, 0);
    expect_axis(0, 1, 1, 0, 0, 1, 0.5, 3, 1);         /* fewer than 2 intervals count as 2 */
    assert_int_equal(pdfchart_nice_axis(5, 1, 5, 0, &ax), -1);
    assert_int_equal(pdfchart_nice_axis(NAN, 1, 5, 0, &ax), -1);
    assert_int_equal(pdfchart_nice_axis(0, INFINITY, 5, 0, &ax), -1);
    assert_int_equal(pdfchart_nice_axis(-1e308, 1e308, 5, 0, &ax), -1);   /* span overflows */
    /* every tick a multiple of the step, the range covered */
    for (double hi = 0.013; hi < 2e6; hi *= 1.37) {
        assert_int_equal(pdfchart_nice_axis(-hi / 3, hi, 6, 0, &ax), 0);
        assert_true(ax.min <= -hi / 3 && ax.max >= hi);
        assert_true(ax.nticks - 1 <= 6 && ax.nticks >= 3);
        double q = ax.min / ax.step;
        assert_true(fabs(q - round(q)) < 1e-6);
    }
}

static void test_tick_labels(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(pdfchart_format_tick(buf, sizeof buf, 1000, 0, 0), "1.000");
    assert_string_equal(pdfchart_format_tick(buf, sizeof buf, 2.5, 1, 0), "2,5");
    assert_string_equal(pdfchart_format_tick(buf, sizeof buf, 50, 0, 1), "50 %");
    assert_string_equal(pdfchart_format_tick(buf, sizeof buf, 12.5, 1, 1), "12,5 %");
    assert_string_equal(pdfchart_format_tick(buf, sizeof buf, -1234.5, 1, 0), "-1.234,5");
    assert_string_equal(pdfchart_format_tick(buf, sizeof buf, 0, 1, 0), "0,0");
    assert_string_equal(pdfchart_format_tick(buf, sizeof buf, 1234567, 0, 0), "1.234.567");
    assert_string_equal(pdfchart_format_tick(buf, sizeof buf, 0.3 * 3, 1, 0), "0,9");
}

/* ---- the rendered document ---------------------------------------------- */

static void expect_text(const char *text, const char *needle)
{
    if (!strstr(text, needle)) fail_msg("pdftotext output lacks „%s“", needle);
}

static const char *const years[] = { "2015", "2016", "2017", "2018", "2019",
                                     "2020", "2021", "2022", "2023" };

static void draw_ok(struct pdfdoc *doc, const struct pdfchart *c)
{
    double h = pdfchart_height(doc, c);
    assert_true(h > 0);
    int pages = doc->npages;
    double y = doc->y;
    assert_int_equal(pdfchart_draw(doc, c), 0);
    if (doc->npages != pages) y = doc->page_h - doc->margin_top;   /* went to a new page */
    double want = fmax(y - h, pdfdoc_bottom(doc));                 /* the gap may be cut */
    assert_true(fabs(doc->y - want) < 1e-6);
}

static void render_document(struct pdfdoc *doc)
{
    /* 1. line chart: two series with gaps, a target line */
    static const double wm[] = { 1.1, 1.3, 1.2, 0, 1.6, 1.4, 1.9, 2.3, 2.6 };
    static const unsigned char wm_missing[] = { 0, 0, 0, 1, 0, 0, 0, 0, 0 };
    static const double nds[] = { 1.5, 1.6, 1.6, 1.7, 1.8, 1.5, 1.7, 2.0, 0 };
    static const unsigned char nds_missing[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1 };
    static const double bund[] = { 1.0, NAN, 1.1, 1.1, 1.2, 1.1, 1.2, 1.4, 1.5 };
    const struct pdfchart_series quote[] = {
        { "Landkreis Wesermarsch", wm, wm_missing },
        { "Niedersachsen", nds, nds_missing },
        { "Deutschland", bund, NULL },
    };
    struct pdfchart line = {
        .kind = PDFCHART_LINE,
        .title = "Einbürgerungsquote in % – Landkreis Wesermarsch",
        .source = "Landesamt für Statistik Niedersachsen (LSN), eigene Berechnung",
        .unit = "Einbürgerungen je 100 ausländische Einwohner/-innen mit mind. 10 Jahren Aufenthalt",
        .categories = years, .ncategories = 9, .series = quote, .nseries = 3, .decimals = 1,
        .target = 2.5, .has_target = 1, .target_label = "Ziel 2025: 2,5 %",
    };
    draw_ok(doc, &line);

    /* 2. grouped bars with counts and value labels */
    static const char *const cats2[] = { "2021", "2022", "2023" };
    static const double ukr[] = { 12, 8450, 9310 };
    static const double syr[] = { 2210, 2380, 2490 };
    static const double afg[] = { 980, 1250, 1620 };
    static const double sonst[] = { 1430, 0, 1810 };
    static const unsigned char sonst_missing[] = { 0, 1, 0 };
    const struct pdfchart_series schutz[] = {
        { "Ukraine", ukr, NULL }, { "Syrien", syr, NULL },
        { "Afghanistan", afg, NULL }, { "Sonstige Herkunftsländer", sonst, sonst_missing },
    };
    struct pdfchart bars = {
        .kind = PDFCHART_BAR,
        .title = "Schutzsuchende nach Herkunftsland, jeweils am 31.12.",
        .source = "Ausländerzentralregister, eigene Berechnung",
        .unit = "Personen",
        .categories = cats2, .ncategories = 3, .series = schutz, .nseries = 4, .value_labels = 1,
    };
    draw_ok(doc, &bars);

    /* 3. a single series with 2,5 steps */
    static const double kita[] = { 4.2, 5.0, 6.1, 7.3, 8.0, 9.4, 10.2, 11.6, 12.3 };
    const struct pdfchart_series kita_s[] = { { "Anteil", kita, NULL } };
    struct pdfchart kita_c = {
        .kind = PDFCHART_LINE,
        .title = "Anteil der Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung",
        .source = "Gesundheitsamt Landkreis Wesermarsch",
        .unit = "in %", .categories = years, .ncategories = 9, .series = kita_s, .nseries = 1,
        .decimals = 1, .height = 110,
    };
    draw_ok(doc, &kita_c);

    /* 4. negative values, on a new page */
    pdfdoc_new_page(doc);
    static const char *const kreise[] = { "Brake (Unterweser)", "Elsfleth", "Nordenham",
                                          "Berne", "Butjadingen", "Jade", "Lemwerder",
                                          "Ovelgönne", "Stadland" };
    static const double saldo[] = { 820, -145, 310, -60, 45, -350, 120, 15, -20 };
    static const double saldo2[] = { 640, -90, 280, 10, -35, -210, 80, 0, 5 };
    const struct pdfchart_series saldo_s[] = { { "2022", saldo, NULL }, { "2023", saldo2, NULL } };
    struct pdfchart neg = {
        .kind = PDFCHART_BAR,
        .title = "Wanderungssaldo der ausländischen Bevölkerung nach Gemeinde",
        .source = "LSN, Wanderungsstatistik, eigene Berechnung", .unit = "Personen",
        .categories = kreise, .ncategories = 9, .series = saldo_s, .nseries = 2,
        .value_labels = 1, .height = 150,
    };
    draw_ok(doc, &neg);

    /* 5. horizontal bars with long German answer options */
    static const char *const angebote[] = {
        "Integrationskurs (Bundesamt für Migration und Flüchtlinge)",
        "Migrationsberatung für erwachsene Zugewanderte (MBE)",
        "Jugendmigrationsdienst",
        "Ehrenamtliche Sprachpatenschaften und Begegnungscafés in den Gemeinden",
        "Anerkennungsberatung für ausländische Berufsabschlüsse",
        "Keines davon",
    };
    static const double kennt[] = { 78.4, 52.1, 31.0, 44.7, 0, 6.3 };
    static const unsigned char kennt_missing[] = { 0, 0, 0, 0, 1, 0 };
    const struct pdfchart_series kennt_s[] = { { "Befragte", kennt, kennt_missing } };
    struct pdfchart hbar = {
        .kind = PDFCHART_HBAR,
        .title = "Welche der folgenden Angebote kennen Sie? (Mehrfachnennungen möglich)",
        .source = "Befragung „Zusammenleben in der Wesermarsch“ 2024 (n = 412), eigene Berechnung",
        .unit = "Anteil der Befragten",
        .categories = angebote, .ncategories = 6, .series = kennt_s, .nseries = 1,
        .decimals = 1, .percent_axis = 1, .value_labels = 1,
    };
    draw_ok(doc, &hbar);

    /* 6. Likert items as stacked 100 % bars */
    static const char *const items[] = {
        "Ich fühle mich in meiner Nachbarschaft willkommen.",
        "Die Angebote der Verwaltung sind für mich verständlich.",
        "Ich habe ausreichend Kontakt zu Menschen ohne Migrationsgeschichte.",
        "Mein Berufsabschluss wird hier anerkannt.",
    };
    static const double v1[] = { 120, 64, 70, 0 }, v2[] = { 150, 130, 96, 0 },
                        v3[] = { 70, 102, 88, 0 }, v4[] = { 42, 71, 90, 0 },
                        v5[] = { 18, 35, 58, 0 };
    static const unsigned char none[] = { 0, 0, 0, 1 };
    const struct pdfchart_series scale[] = {
        { "stimme voll zu", v1, none }, { "stimme eher zu", v2, none },
        { "teils/teils", v3, none }, { "stimme eher nicht zu", v4, none },
        { "stimme überhaupt nicht zu", v5, none },
    };
    struct pdfchart likert = {
        .kind = PDFCHART_STACKED100,
        .title = "Zustimmung zu Aussagen über das Zusammenleben",
        .source = "Befragung „Zusammenleben in der Wesermarsch“ 2024, eigene Berechnung",
        .categories = items, .ncategories = 4, .series = scale, .nseries = 5, .value_labels = 1,
    };
    draw_ok(doc, &likert);

    /* 7. no data at all */
    static const double nothing[] = { 0, 0, 0 };
    static const unsigned char all_missing[] = { 1, 1, 1 };
    const struct pdfchart_series leer_s[] = { { "Wesermarsch", nothing, all_missing } };
    struct pdfchart leer = {
        .kind = PDFCHART_LINE, .title = "Ausbildungsquote ausländischer Jugendlicher",
        .source = "Bundesagentur für Arbeit", .categories = cats2, .ncategories = 3,
        .series = leer_s, .nseries = 1, .height = 90,
    };
    draw_ok(doc, &leer);

    /* 8. many series: the legend wraps, colours, dashes and markers cycle;
     *    a long title wraps */
    static const char *const gemeinden[] = { "Brake (Unterweser)", "Elsfleth", "Nordenham",
                                             "Berne", "Butjadingen", "Jade", "Lemwerder",
                                             "Ovelgönne", "Stadland" };
    static double bev[9][9];
    struct pdfchart_series bev_s[9];
    for (int g = 0; g < 9; g++) {
        for (int i = 0; i < 9; i++) bev[g][i] = 300 + g * 260 + i * (40 + g * 12) + (i % 3) * 35;
        bev_s[g] = (struct pdfchart_series){ gemeinden[g], bev[g], NULL };
    }
    struct pdfchart viele = {
        .kind = PDFCHART_LINE,
        .title = "Einwohnerinnen und Einwohner mit ausländischer Staatsangehörigkeit in den "
                 "Städten und Gemeinden des Landkreises Wesermarsch, jeweils am 31. Dezember",
        .source = "LSN, Fortschreibung des Bevölkerungsstandes; Ausländerbehörde des Landkreises",
        .unit = "Personen", .categories = years, .ncategories = 9, .series = bev_s, .nseries = 9,
    };
    draw_ok(doc, &viele);

    /* 9. a long time series in a narrow chart: every second year labelled */
    static const char *const jahre[] = { "2004", "2005", "2006", "2007", "2008", "2009", "2010",
                                         "2011", "2012", "2013", "2014", "2015", "2016", "2017",
                                         "2018", "2019", "2020", "2021", "2022", "2023" };
    static double lang[20];
    for (int i = 0; i < 20; i++) lang[i] = 5.5 + i * 0.31 + (i % 4) * 0.4;
    const struct pdfchart_series lang_s[] = { { "Anteil", lang, NULL } };
    struct pdfchart schmal = {
        .kind = PDFCHART_LINE, .title = "Ausländeranteil, 2004–2023", .unit = "in %",
        .source = "LSN", .categories = jahre, .ncategories = 20, .series = lang_s, .nseries = 1,
        .decimals = 1, .width = 250, .height = 120,
    };
    draw_ok(doc, &schmal);

    /* 10. grouped horizontal bars with negative values */
    static const char *const gruppen[] = { "Männer", "Frauen", "unter 25 Jahre",
                                           "Langzeitarbeitslose" };
    static const double d22[] = { -4.2, 3.1, -12.8, 6.4 }, d23[] = { 2.5, -1.7, -8.0, 9.9 };
    const struct pdfchart_series d_s[] = { { "2022 gegenüber Vorjahr", d22, NULL },
                                           { "2023 gegenüber Vorjahr", d23, NULL } };
    struct pdfchart hneg = {
        .kind = PDFCHART_HBAR, .title = "Veränderung der Arbeitslosigkeit von Ausländer/-innen",
        .source = "Bundesagentur für Arbeit, eigene Berechnung", .unit = "Veränderung in %",
        .categories = gruppen, .ncategories = 4, .series = d_s, .nseries = 2, .decimals = 1,
        .value_labels = 1,
    };
    draw_ok(doc, &hneg);

    /* 11. many long category names: bar labels turn upright */
    static const char *const stellen[] = { "Kindertagesstätten", "Grundschulen", "Oberschulen",
                                           "Berufsbildende Schulen", "Volkshochschule",
                                           "Jobcenter", "Ausländerbehörde", "Gesundheitsamt",
                                           "Wohnungsamt", "Bürgerbüro" };
    static const double anteil[] = { 12.5, 18.0, 21.3, 27.9, 35.2, 41.0, 47.7, 30.1, 22.4, 38.6 };
    const struct pdfchart_series anteil_s[] = { { "Anteil", anteil, NULL } };
    struct pdfchart upright = {
        .kind = PDFCHART_BAR, .title = "Beschäftigte mit Migrationsgeschichte nach Stelle",
        .source = "Personalbefragung 2024", .categories = stellen, .ncategories = 10,
        .series = anteil_s, .nseries = 1, .decimals = 1, .percent_axis = 1, .width = 330,
        .height = 120, .value_labels = 1,
    };
    draw_ok(doc, &upright);

    /* 12. a chart that does not fit below the cursor goes to a new page */
    static const double neg_only[] = { -12.5, -3.0, -7.25, -1.0, -9.8, -4.4, -6.0, -2.1, -8.7 };
    const struct pdfchart_series neg_s[] = { { "Veränderung", neg_only, NULL } };
    struct pdfchart umbruch = {
        .kind = PDFCHART_LINE, .title = "Veränderung der Zahl der Ausbildungsplätze (Umbruch)",
        .source = "IHK Oldenburg, eigene Berechnung", .unit = "in %", .categories = years,
        .ncategories = 9, .series = neg_s, .nseries = 1, .decimals = 2, .percent_axis = 0,
    };
    int pages = doc->npages;
    doc->y = pdfdoc_bottom(doc) + 60;
    draw_ok(doc, &umbruch);
    assert_int_equal(doc->npages, pages + 1);
}

static void test_invalid(void **state)
{
    (void)state;
    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    static const double v[] = { 1, 2 };
    static const char *const cats[] = { "a", "b" };
    const struct pdfchart_series s[] = { { "x", v, NULL } };
    const struct pdfchart_series no_values[] = { { "x", NULL, NULL } };
    struct pdfchart c = { .kind = PDFCHART_BAR, .title = "Test", .categories = cats,
                          .ncategories = 0, .series = s, .nseries = 1 };
    assert_true(pdfchart_height(&doc, &c) < 0);
    assert_int_equal(pdfchart_draw(&doc, &c), -1);
    c.ncategories = 2;
    c.nseries = 0;
    assert_int_equal(pdfchart_draw(&doc, &c), -1);
    c.nseries = 1;
    c.series = no_values;
    assert_int_equal(pdfchart_draw(&doc, &c), -1);
    assert_int_equal(pdfchart_draw(&doc, NULL), -1);
    static const double huge[] = { -1e308, 1e308 };
    const struct pdfchart_series huge_s[] = { { "x", huge, NULL } };
    c.series = huge_s;
    assert_int_equal(pdfchart_draw(&doc, &c), -1);     /* range not representable */
    c.series = s;
    c.height = 2000;                    /* taller than a page */
    assert_int_equal(pdfchart_draw(&doc, &c), -1);
    assert_int_equal(doc.npages, 0);    /* nothing drawn */
    c.height = 0;
    assert_int_equal(pdfchart_draw(&doc, &c), 0);    /* starts the first page itself */
    assert_int_equal(doc.npages, 1);
    pdfdoc_close(&doc);
}

static void test_document(void **state)
{
    (void)state;
    char cmd[512];
    const char *path = test_output_path("charts.pdf");

    struct pdfdoc doc;
    assert_int_equal(pdfdoc_open(&doc, FONT_REGULAR, FONT_BOLD, HPDF_PAGE_PORTRAIT), 0);
    pdfdoc_set_info(&doc, "Diagramme", "ibericht", NULL, NULL, 0);
    pdfdoc_new_page(&doc);
    render_document(&doc);
    int npages = doc.npages;
    pdfdoc_footers(&doc, "Stand: 31.12.2024", "Integrationsbericht Wesermarsch");
    assert_int_equal(pdfdoc_save(&doc, path), 0);
    pdfdoc_close(&doc);
    test_output_keep(path, "PDFCHART_TEST_OUT");

    int st;
    snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", path);
    char *out = run_tool(cmd, &st);
    if (st != 0 || !strstr(out, "No syntax or stream encoding errors"))
        fail_msg("qpdf --check: %s", out);
    free(out);

    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null", path);
    out = run_tool(cmd, &st);
    assert_int_equal(st, 0);
    char want[32];
    snprintf(want, sizeof want, "Pages:");
    char *pg = strstr(out, want);
    assert_non_null(pg);
    assert_int_equal(atoi(pg + strlen(want)), npages);
    free(out);

    snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' - 2>/dev/null", path);
    out = run_tool(cmd, &st);
    assert_int_equal(st, 0);
    expect_text(out, "Einbürgerungsquote in % – Landkreis Wesermarsch");
    expect_text(out, "Quelle: Landesamt für Statistik Niedersachsen (LSN), eigene Berechnung");
    expect_text(out, "Ziel 2025: 2,5 %");
    expect_text(out, "Landkreis Wesermarsch");
    expect_text(out, "Niedersachsen");
    expect_text(out, "Sonstige Herkunftsländer");
    expect_text(out, "2.000");
    expect_text(out, "8.450");            /* value label */
    expect_text(out, "k. A.");            /* missing bar */
    expect_text(out, "12,5");
    expect_text(out, "-500");
    expect_text(out, "Ovelgönne");
    expect_text(out, "Integrationskurs (Bundesamt für Migration und");
    expect_text(out, "78,4 %");
    expect_text(out, "100 %");
    expect_text(out, "stimme überhaupt nicht zu");
    expect_text(out, "Befragung „Zusammenleben in der Wesermarsch“ 2024");
    expect_text(out, "keine Daten");
    expect_text(out, "Langzeitarbeitslose");
    expect_text(out, "-12,8");
    expect_text(out, "Stadland");
    free(out);

    /* tagged: every chart is a Figure with its generated /Alt, its texts
       are the Figure's content, nothing is left untagged */
    int rc;
    out = check_pdf("--baum", path, &rc);
    if (rc != 0 || !strstr(out, " 0 Textoperatoren ohne Tag, 0 Verstöße")) fail_msg("check_pdf.py (rc %d):\n%s", rc, out);
    if (!strstr(out, "\n  Figure: Einbürgerungsquote in % – Landkreis Wesermarsch "))
        fail_msg("the title is not the Figure's content:\n%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c \"import pikepdf,sys\n"
             "p = pikepdf.open(sys.argv[1])\n"
             "for e in p.Root.StructTreeRoot.K.K:\n"
             "    if e.get('/S') == '/Figure': print(str(e.Alt))\n"
             "\" '%s'", path);
    out = run_tool(cmd, &st);
    expect_text(out, "Liniendiagramm „Einbürgerungsquote in % – Landkreis Wesermarsch“ (Einbürgerungen je 100 "
                     "ausländische Einwohner/-innen mit mind. 10 Jahren Aufenthalt): Landkreis Wesermarsch 2023: 2,6; "
                     "Niedersachsen 2022: 2,0; Deutschland 2023: 1,5; Ziel 2025: 2,5 %. Quelle: Landesamt für "
                     "Statistik Niedersachsen (LSN), eigene Berechnung\n");
    expect_text(out, "Säulendiagramm „Schutzsuchende nach Herkunftsland, jeweils am 31.12.“ (Personen): Ukraine 2023: "
                     "9.310; Syrien 2023: 2.490; Afghanistan 2023: 1.620; Sonstige Herkunftsländer 2023: 1.810. "
                     "Quelle: Ausländerzentralregister, eigene Berechnung\n");
    free(out);

    /* the chart that did not fit is on the last page, alone */
    snprintf(cmd, sizeof cmd, "pdftotext -f %d -l %d -layout '%s' - 2>/dev/null", npages, npages, path);
    out = run_tool(cmd, &st);
    expect_text(out, "Veränderung der Zahl der Ausbildungsplätze (Umbruch)");
    expect_text(out, "-12,5");
    assert_null(strstr(out, "keine Daten"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nice_0_87),
        cmocka_unit_test(test_nice_negative),
        cmocka_unit_test(test_nice_fractions),
        cmocka_unit_test(test_nice_degenerate),
        cmocka_unit_test(test_tick_labels),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test_teardown(test_document, test_output_remove),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
