/*
 * test_html.c — unit tests of the HTML edition's writers (cmocka):
 * htmlout (escaping, **bold**, CSV fields, a site with a table and its CSV,
 * heading order, the atomic swap that keeps the last good edition) and
 * svgchart (well-formed SVG read back with expat, role/title/desc, German
 * tick labels, the PDF's colours, gaps for missing values, invalid charts)
 * and svgmap (every area with its class colour, outline, hatching, alt text).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/htmlout.h"
#include "lib/pdfchart.h"
#include "lib/svgchart.h"
#include "lib/svgmap.h"

#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* the text f received (f from open_memstream) */
static char *mem_text(FILE *f, char **buf)
{
    fflush(f);
    return *buf;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

/* ---- escaping and CSV --------------------------------------------------- */

static void test_escape(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    html_escape(f, "<b>Ä & \"ß\" 'x'</b>");
    assert_string_equal(mem_text(f, &buf), "&lt;b&gt;Ä &amp; &quot;ß&quot; &#39;x&#39;&lt;/b&gt;");
    fclose(f);
    free(buf);

    buf = NULL;
    f = open_memstream(&buf, &len);
    html_inline(f, "ein **fetter** Satz mit **offenem <Ende>");
    assert_string_equal(mem_text(f, &buf),
                        "ein <strong>fetter</strong> Satz mit <strong>offenem &lt;Ende&gt;</strong>");
    fclose(f);
    free(buf);
}

static void expect_csv(const char *in, const char *out)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    htmlout_csv_field(f, in);
    fflush(f);
    if (strcmp(buf, out) != 0) fail_msg("CSV-Feld „%s“: „%s“ statt „%s“", in, buf, out);
    fclose(f);
    free(buf);
}

static void test_csv_field(void **state)
{
    (void)state;
    expect_csv("Sprache", "Sprache");
    expect_csv("1.234,5", "1.234,5");
    expect_csv("-12,5", "-12,5");                    /* a number keeps its sign */
    expect_csv("a;b", "\"a;b\"");
    expect_csv("er sagte \"ja\"", "\"er sagte \"\"ja\"\"\"");
    expect_csv("zwei\nZeilen", "\"zwei\nZeilen\"");
    expect_csv(" Rand", "\" Rand\"");
    expect_csv("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
    expect_csv("@SUMME(A1)", "'@SUMME(A1)");
    expect_csv("- Punkt", "'- Punkt");
    expect_csv(NULL, "");
}

/* ---- a site ------------------------------------------------------------- */

static char site_root[] = "/tmp/ibericht-html-test.XXXXXX";

static int remove_root(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", site_root);
    return system(cmd) == 0 ? 0 : -1;
}

static int write_site(const char *target, const char *marker, int fail)
{
    struct htmlsite s;
    if (htmlsite_begin(&s, target) != 0) return -1;
    struct htmlpage p;
    struct htmlpage_frame fr = { "Kreis · Bericht", marker, NULL, { NULL, NULL }, { "b.html", "Weiter" }, 0,
                                 "Stand: 20.11.2024" };
    assert_int_equal(htmlpage_open(&p, &s, "kapitel-01.html", &fr), 0);
    htmlpage_heading(&p, 3, "a-1", "1.1", "Abschnitt <eins>");   /* h1 → h3 becomes h2 */
    htmlpage_heading(&p, 3, NULL, NULL, "Unter");
    htmlpage_item(&p, "erster Punkt");
    htmlpage_item(&p, "zweiter **Punkt**");
    htmlpage_paragraph(&p, "Absatz");
    static const struct htmltable_col cols[] = { { "Handlungsfeld", 0 }, { "Maßnahme", 0 }, { "Anzahl", 1 } };
    const char *r0[] = { "Sprache", "Kurs; A", "1.234" }, *r1[] = { "", "Kurs B", "5,5" },
               *r2[] = { "Arbeit", "=Formel", "-3" };
    const struct htmltable_row rows[] = { { r0, 0, 0 }, { r1, 1u, 1 }, { r2, 0, 0 } };
    assert_int_equal(htmlpage_table(&p, NULL, cols, 3, rows, 3, NULL), 0);
    assert_int_equal(htmlpage_table(&p, "Leer", cols, 3, NULL, 0, "keine Maßnahmen"), 0);
    if (fail) s.failed = 1;
    htmlpage_close(&p, &fr);
    return htmlsite_commit(&s);
}

static void test_site(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(site_root));
    char target[300], path[400];
    snprintf(target, sizeof target, "%s/html", site_root);
    assert_int_equal(write_site(target, "Erste Ausgabe", 0), 0);

    snprintf(path, sizeof path, "%s/kapitel-01.html", target);
    char *page = slurp(path);
    assert_non_null(page);
    assert_non_null(strstr(page, "<html lang=\"de\">"));
    assert_non_null(strstr(page, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(page, "<h1>Erste Ausgabe</h1>"));
    assert_non_null(strstr(page, "<h2 id=\"a-1\">1.1 Abschnitt &lt;eins&gt;</h2>"));
    assert_non_null(strstr(page, "<h3>Unter</h3>"));
    assert_int_equal(count(page, "<ul>"), 1);
    assert_int_equal(count(page, "<li>"), 2);
    assert_non_null(strstr(page, "<caption>Tabelle 1: Unter</caption>"));
    assert_non_null(strstr(page, "<caption>Tabelle 2: Leer</caption>"));
    assert_int_equal(count(page, "<th scope=\"col\""), 6);
    assert_non_null(strstr(page, "<th scope=\"row\" rowspan=\"2\">Sprache</th>"));
    assert_non_null(strstr(page, "<tr class=\"markiert\"><td>Kurs B</td><td class=\"zahl\">5,5</td></tr>"));
    assert_non_null(strstr(page, "<td colspan=\"3\">keine Maßnahmen</td>"));
    assert_non_null(strstr(page, "href=\"kapitel-01-tabelle-1.csv\""));
    assert_non_null(strstr(page, "(3 Zeilen, Semikolon, UTF-8)"));
    assert_null(strstr(page, "<script"));
    free(page);

    snprintf(path, sizeof path, "%s/kapitel-01-tabelle-1.csv", target);
    char *csv = slurp(path);
    assert_non_null(csv);
    assert_string_equal(csv, "\xEF\xBB\xBFHandlungsfeld;Maßnahme;Anzahl\r\n"
                             "Sprache;\"Kurs; A\";1.234\r\n"
                             "Sprache;Kurs B;5,5\r\n"                /* the merged cell repeated */
                             "Arbeit;'=Formel;-3\r\n");
    free(csv);
    snprintf(path, sizeof path, "%s/kapitel-01-tabelle-2.csv", target);
    csv = slurp(path);
    assert_string_equal(csv, "\xEF\xBB\xBFHandlungsfeld;Maßnahme;Anzahl\r\n");
    free(csv);
    snprintf(path, sizeof path, "%s/stil.css", target);
    csv = slurp(path);
    assert_non_null(csv);
    assert_non_null(strstr(csv, "@media print"));
    assert_null(strstr(csv, "http"));
    free(csv);

    /* a second edition replaces the first; a failed one leaves it */
    assert_int_equal(write_site(target, "Zweite Ausgabe", 0), 0);
    snprintf(path, sizeof path, "%s/kapitel-01.html", target);
    page = slurp(path);
    assert_non_null(strstr(page, "<h1>Zweite Ausgabe</h1>"));
    free(page);
    assert_int_equal(write_site(target, "Kaputte Ausgabe", 1), -1);
    page = slurp(path);
    assert_non_null(strstr(page, "<h1>Zweite Ausgabe</h1>"));
    free(page);
    /* no temporary folder is left */
    char cmd[400];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -c tmp", site_root);
    FILE *ls = popen(cmd, "r");
    int n = -1;
    assert_int_equal(fscanf(ls, "%d", &n), 1);
    pclose(ls);
    assert_int_equal(n, 0);
}

/* ---- SVG charts --------------------------------------------------------- */

struct svgcheck {
    int svg, title, desc, role, paths, texts;
    int in_title, in_desc, in_text;
    char title_text[256], desc_text[512], all_text[4096];
};

static void on_start(void *u, const XML_Char *name, const XML_Char **atts)
{
    struct svgcheck *c = u;
    if (strcmp(name, "svg") == 0) {
        c->svg++;
        for (int i = 0; atts[i]; i += 2)
            if (strcmp(atts[i], "role") == 0 && strcmp(atts[i + 1], "img") == 0) c->role = 1;
    }
    if (strcmp(name, "title") == 0) { c->title++; c->in_title = 1; }
    if (strcmp(name, "desc") == 0) { c->desc++; c->in_desc = 1; }
    if (strcmp(name, "path") == 0) c->paths++;
    if (strcmp(name, "text") == 0) { c->texts++; c->in_text++; }
}

static void on_end(void *u, const XML_Char *name)
{
    struct svgcheck *c = u;
    if (strcmp(name, "title") == 0) c->in_title = 0;
    if (strcmp(name, "desc") == 0) c->in_desc = 0;
    if (strcmp(name, "text") == 0) {
        c->in_text--;
        strncat(c->all_text, "|", sizeof c->all_text - strlen(c->all_text) - 1);
    }
}

static void on_chars(void *u, const XML_Char *s, int len)
{
    struct svgcheck *c = u;
    char *dst = c->in_title ? c->title_text : c->in_desc ? c->desc_text : c->in_text ? c->all_text : NULL;
    size_t cap = c->in_title ? sizeof c->title_text : c->in_desc ? sizeof c->desc_text : sizeof c->all_text;
    if (dst) strncat(dst, s, cap - strlen(dst) - 1 < (size_t)len ? cap - strlen(dst) - 1 : (size_t)len);
}

/* the SVG of a chart, parsed with expat; returns the markup (free it) */
static char *svg_of(const struct pdfchart *c, const char *alt, struct svgcheck *chk)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(svgchart_figure(f, c, alt, "abb-1"), 0);
    fclose(f);
    char *start = strstr(buf, "<svg"), *end = strstr(buf, "</svg>");
    assert_non_null(start);
    assert_non_null(end);
    memset(chk, 0, sizeof *chk);
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, chk);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_chars);
    if (XML_Parse(p, start, (int)(end + 6 - start), 1) != XML_STATUS_OK)
        fail_msg("SVG nicht wohlgeformt: %s (Zeile %lu)", XML_ErrorString(XML_GetErrorCode(p)),
                 (unsigned long)XML_GetCurrentLineNumber(p));
    XML_ParserFree(p);
    assert_int_equal(chk->svg, 1);
    assert_int_equal(chk->role, 1);
    assert_int_equal(chk->title, 1);
    assert_int_equal(chk->desc, 1);
    return buf;
}

static void test_svg_line(void **state)
{
    (void)state;
    const char *years[] = { "2019", "2020", "2021", "2022", "2023" };
    double a[] = { 10.5, 11.25, NAN, 12.0, 12.5 }, b[] = { 8, 8.5, 9, 9.5, 10 };
    const struct pdfchart_series series[] = { { "Wesermarsch", a, NULL }, { "Niedersachsen", b, NULL } };
    struct pdfchart c = { 0 };
    c.kind = PDFCHART_LINE;
    c.title = "Anteil „Ausländer“ & Co.";
    c.source = "LSN";
    c.unit = "Anteil in %";
    c.categories = years;
    c.ncategories = 5;
    c.series = series;
    c.nseries = 2;
    c.decimals = 1;
    c.has_target = 1;
    c.target = 15;
    struct svgcheck chk;
    char *svg = svg_of(&c, "Liniendiagramm: Wesermarsch 2023: 12,5", &chk);
    assert_string_equal(chk.title_text, "Anteil „Ausländer“ & Co.");
    assert_string_equal(chk.desc_text, "Liniendiagramm: Wesermarsch 2023: 12,5");
    /* ticks 0, 2,5? no: 0..15 in ≤ 6 intervals of 2,5 → German decimals */
    assert_non_null(strstr(chk.all_text, "|12,5|"));
    assert_non_null(strstr(chk.all_text, "Ziel: 15,0"));
    assert_non_null(strstr(chk.all_text, "|2023|"));
    assert_non_null(strstr(chk.all_text, "Wesermarsch|"));
    assert_non_null(strstr(chk.all_text, "Niedersachsen|"));
    assert_null(strstr(chk.all_text, "12.5"));
    /* the PDF's colours: Okabe–Ito blue and orange */
    assert_non_null(strstr(svg, "stroke=\"#0072B2\""));
    assert_non_null(strstr(svg, "stroke=\"#E69F00\""));
    assert_non_null(strstr(svg, "stroke-dasharray"));
    /* the missing 2021 breaks the Wesermarsch line: two M segments */
    char *d = strstr(svg, "stroke=\"#0072B2\"");
    d = strstr(d, " d=\"");
    char *dend = strchr(d + 4, '"');
    int moves = 0;
    for (char *q = d + 4; q < dend; q++) moves += *q == 'M';
    assert_int_equal(moves, 2);
    assert_non_null(strstr(svg, "<figcaption><span class=\"titel\">Anteil „Ausländer“ &amp; Co.</span>Quelle: LSN"));
    free(svg);
}

static void test_svg_bars(void **state)
{
    (void)state;
    const char *cats[] = { "stimme voll zu", "eher", "gar nicht" };
    double v[] = { 1234, NAN, 5 };
    const struct pdfchart_series s1[] = { { "Anzahl", v, NULL } };
    struct pdfchart c = { 0 };
    c.kind = PDFCHART_BAR;
    c.categories = cats;
    c.ncategories = 3;
    c.series = s1;
    c.nseries = 1;
    c.value_labels = 1;
    struct svgcheck chk;
    char *svg = svg_of(&c, "Balken", &chk);
    assert_non_null(strstr(chk.all_text, "|1.234|"));
    assert_non_null(strstr(chk.all_text, "|k. A.|"));
    assert_null(strstr(svg, "<g fill=\"#E69F00\""));           /* one series: no second colour */
    assert_string_equal(chk.title_text, "Balken");              /* no title: the alt text */
    free(svg);

    /* stacked Likert bars: the diverging scale, shares in % */
    double p1[] = { 30, 0 }, p2[] = { 20, 0 }, p3[] = { 50, 0 };
    const char *items[] = { "Frage 1", "Frage 2" };
    const struct pdfchart_series s3[] = { { "ja", p1, NULL }, { "teils", p2, NULL }, { "nein", p3, NULL } };
    struct pdfchart l = { 0 };
    l.kind = PDFCHART_STACKED100;
    l.categories = items;
    l.ncategories = 2;
    l.series = s3;
    l.nseries = 3;
    l.value_labels = 1;
    svg = svg_of(&l, "Likert", &chk);
    assert_non_null(strstr(chk.all_text, "|50 %|"));
    assert_non_null(strstr(chk.all_text, "|100 %|"));
    assert_non_null(strstr(chk.all_text, "|k. A.|"));          /* Frage 2 without answers */
    assert_non_null(strstr(svg, "fill=\"#DDDDDD\""));          /* the neutral middle */
    free(svg);
}

static void test_svg_invalid(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct pdfchart c = { 0 };
    c.kind = PDFCHART_BAR;
    assert_int_equal(svgchart_figure(f, &c, "x", "a"), -1);       /* no categories */
    const char *cats[] = { "a" };
    double v[] = { 1 };
    const struct pdfchart_series s[] = { { "x", v, NULL } };
    c.categories = cats;
    c.ncategories = 1;
    c.series = s;
    c.nseries = 1;
    assert_int_equal(svgchart_figure(f, &c, "", "a"), -1);        /* no alt text */
    fflush(f);
    assert_int_equal(len, 0);                                       /* nothing written */
    fclose(f);
    free(buf);
}


/* ---- SVG maps ----------------------------------------------------------- */

static void test_svg_map(void **state)
{
    (void)state;
    struct geo_karte geo;
    assert_int_equal(geo_laden("tests/fixtures/geo/mini.geojson", &geo), 0);
    geo_projizieren(&geo);
    struct karte k;
    karte_init(&k, &geo);
    k.titel = "Anteil „A“";
    k.jahr = 2024;
    k.eigen = geo.gebiete[1].ars;
    k.quelle = "LSN";
    for (size_t i = 0; i < geo.n; i++) karte_setzen(&k, i, KARTE_WERT, 10.0 * (double)(i + 1));
    karte_setzen(&k, geo.n - 1, KARTE_GEHEIM, NAN);
    assert_int_equal(karte_klassifizieren(&k, 2, KLASSEN_GLEICH, 1), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(svgmap_figure(f, &k, "karte-1"), 0);
    fclose(f);
    /* well-formed, role=img, title and desc = karte_alt */
    char *start = strstr(buf, "<svg"), *end = strstr(buf, "</svg>");
    assert_non_null(start);
    assert_non_null(end);
    struct svgcheck chk;
    memset(&chk, 0, sizeof chk);
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, &chk);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_chars);
    assert_int_equal(XML_Parse(p, start, (int)(end + 6 - start), 1), XML_STATUS_OK);
    XML_ParserFree(p);
    assert_int_equal(chk.role, 1);
    assert_non_null(strstr(buf, "<title id=\"karte-1-t\">Anteil „A“, 2024, nach Kreisen</title>"));
    char alt[2000];
    karte_alt(&k, alt, sizeof alt);
    assert_string_equal(chk.desc_text, alt);
    /* every area once with its class colour, the own area outlined, the secret one hatched */
    for (size_t i = 0; i < geo.n; i++) {
        char want[64];
        snprintf(want, sizeof want, "<path fill=\"#%06X\" data-ars=\"%s\"", karte_farbe(&k, i) & 0xFFFFFFu, geo.gebiete[i].ars);
        if (count(buf, want) != 1) fail_msg("Gebiet %s: %d× „%s“", geo.gebiete[i].ars, count(buf, want), want);
    }
    assert_int_equal(count(buf, "class=\"umriss\""), 1);
    assert_non_null(strstr(buf, "fill=\"url(#karte-1-geheim)\""));
    assert_non_null(strstr(buf, "Kartengrundlage: © GeoBasis-DE / BKG 2021 (Daten verändert)"));
    free(buf);
    /* no classes: refused, nothing written */
    struct karte leer;
    karte_init(&leer, &geo);
    buf = NULL;
    f = open_memstream(&buf, &len);
    assert_int_equal(svgmap_figure(f, &leer, "k"), -1);
    fflush(f);
    assert_int_equal(len, 0);
    fclose(f);
    free(buf);
    karte_free(&leer);
    karte_free(&k);
    geo_free(&geo);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_csv_field),
        cmocka_unit_test_teardown(test_site, remove_root),
        cmocka_unit_test(test_svg_line),
        cmocka_unit_test(test_svg_bars),
        cmocka_unit_test(test_svg_invalid),
        cmocka_unit_test(test_svg_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
