/*
 * test_karte.c — map geometry, projection, simplification, classes,
 * German class labels, palette and the map's alternative text (cmocka).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/geo.h"
#include "lib/karte.h"
#include "lib/klassen.h"

/* ---- helpers ------------------------------------------------------------ */

static char tmpdir[] = "/tmp/ibericht-karte.XXXXXX";
static char stderr_text[8192];

/* geo_laden(path); its messages on stderr into stderr_text */
static int laden_pfad(const char *path, struct geo_karte *k)
{
    char err[300];
    snprintf(err, sizeof err, "%s/stderr", tmpdir);
    fflush(stderr);
    int saved = dup(2), fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved >= 0 && fd >= 0);
    dup2(fd, 2);
    int rc = geo_laden(path, k);
    dup2(saved, 2);
    close(saved);
    close(fd);
    FILE *f = fopen(err, "r");
    assert_non_null(f);
    size_t n = fread(stderr_text, 1, sizeof stderr_text - 1, f);
    stderr_text[n] = '\0';
    fclose(f);
    unlink(err);
    return rc;
}

/* geo_laden on text written to a file */
static int laden_text(const char *text, struct geo_karte *k)
{
    char path[300];
    snprintf(path, sizeof path, "%s/t.geojson", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    int rc = laden_pfad(path, k);
    unlink(path);
    return rc;
}

static int setup(void **state) { (void)state; return mkdtemp(tmpdir) ? 0 : -1; }
static int teardown(void **state) { (void)state; rmdir(tmpdir); return 0; }

/* ---- projection ------------------------------------------------------------ */

/* meridian arc length of GRS80 from the equator to lat (degrees), by Simpson's
 * rule over the radius of curvature M(φ) = a(1 − e²)/(1 − e² sin² φ)^3/2 */
static double meridianbogen(double lat)
{
    const double a = 6378137.0, f = 1 / 298.257222101, e2 = f * (2 - f);
    const int n = 20000;
    double phi = lat * M_PI / 180, h = phi / n, s = 0;
    for (int i = 0; i <= n; i++) {
        double x = i * h, m = a * (1 - e2) / pow(1 - e2 * sin(x) * sin(x), 1.5);
        s += (i == 0 || i == n) ? m : (i % 2 ? 4 * m : 2 * m);
    }
    return s * h / 3;
}

static void test_utm_bekannte_punkte(void **state)
{
    (void)state;
    double e, n;
    /* CN Tower, Toronto: 43°38′33.24″ N, 79°23′13.7″ W = UTM 17T 630084 E 4833438 N
     * (example of the Wikipedia article "Universal Transverse Mercator coordinate system") */
    geo_tm(-(79 + 23 / 60.0 + 13.7 / 3600), 43 + 38 / 60.0 + 33.24 / 3600, -81, &e, &n);
    assert_true(fabs(e - 630084) < 1.0);
    assert_true(fabs(n - 4833438) < 1.0);
    /* on the central meridian: easting 500 000 m, northing 0,9996 × meridian arc */
    geo_utm32(9, 52, &e, &n);
    assert_true(fabs(e - 500000) < 1e-6);
    assert_true(fabs(n - 0.9996 * meridianbogen(52)) < 0.001);
    geo_utm32(9, 0, &e, &n);
    assert_true(fabs(n) < 1e-6);
    /* west of the meridian the easting is smaller, east larger, symmetric */
    double e1, n1, e2, n2;
    geo_utm32(7, 53, &e1, &n1);
    geo_utm32(11, 53, &e2, &n2);
    assert_true(e1 < 500000 && e2 > 500000);
    assert_true(fabs((500000 - e1) - (e2 - 500000)) < 1e-6);
    assert_true(fabs(n1 - n2) < 1e-6);
}

/* conformal: at any point the scale is the same in every direction and
 * meridian and parallel stay perpendicular; the scale factor is 0,9996 on
 * the central meridian and grows with the square of the distance from it */
static void test_utm_konform(void **state)
{
    (void)state;
    const double a = 6378137.0, f = 1 / 298.257222101, e2 = f * (2 - f), d = 1e-5;
    const double pts[][2] = { { 7.0, 53.0 }, { 10.5, 51.5 }, { 6.7, 53.6 }, { 9.0, 52.3 } };
    for (size_t i = 0; i < sizeof pts / sizeof *pts; i++) {
        double lon = pts[i][0], lat = pts[i][1], phi = lat * M_PI / 180;
        double ea, na, eb, nb, ec, nc, ed, nd;
        geo_utm32(lon, lat + d, &ea, &na);
        geo_utm32(lon, lat - d, &eb, &nb);
        geo_utm32(lon + d, lat, &ec, &nc);
        geo_utm32(lon - d, lat, &ed, &nd);
        double w = 1 - e2 * sin(phi) * sin(phi);
        double M = a * (1 - e2) / pow(w, 1.5), N = a / sqrt(w);
        double dphi = 2 * d * M_PI / 180;
        double h = hypot(ea - eb, na - nb) / (M * dphi);              /* scale along the meridian */
        double k = hypot(ec - ed, nc - nd) / (N * cos(phi) * dphi);   /* along the parallel */
        assert_true(fabs(h - k) < 1e-7);
        double dot = (ea - eb) * (ec - ed) + (na - nb) * (nc - nd);
        assert_true(fabs(dot) / (hypot(ea - eb, na - nb) * hypot(ec - ed, nc - nd)) < 1e-7);
        if (lon == 9.0) assert_true(fabs(k - 0.9996) < 1e-6);
    }
    /* off the meridian: k ≈ k0 (1 + x² / 2R²), x the distance from it, R the
     * mean radius of curvature √(MN) (Snyder, Map Projections — A Working
     * Manual, USGS 1987, eq. 8-11, first term) */
    double e1, n1, e2b, n2b;
    geo_utm32(6.0, 52.0, &e1, &n1);
    geo_utm32(6.0 + 1e-5, 52.0, &e2b, &n2b);
    double phi = 52 * M_PI / 180, w = 1 - e2 * sin(phi) * sin(phi);
    double N = a / sqrt(w), M = a * (1 - e2) / pow(w, 1.5), x = e1 - 500000;
    double k = hypot(e2b - e1, n2b - n1) / (N * cos(phi) * 1e-5 * M_PI / 180);
    assert_true(fabs(k - 0.9996 * (1 + x * x / (2 * M * N))) < 2e-6);
    assert_true(k > 1.0000 && k < 1.0003);
}

/* ---- reading -------------------------------------------------------------- */

static void test_laden_mini(void **state)
{
    (void)state;
    struct geo_karte k;
    assert_int_equal(geo_laden("tests/fixtures/geo/mini.geojson", &k), 0);
    assert_int_equal(k.n, 3);
    assert_string_equal(k.gebiete[0].ars, "00001");
    assert_string_equal(k.gebiete[0].name, "Außen");
    assert_int_equal(k.gebiete[0].nringe, 2);         /* outer ring and hole */
    assert_int_equal(k.gebiete[0].ringe[0].n, 7);
    assert_int_equal(k.gebiete[2].nringe, 2);         /* MultiPolygon: two polygons */
    assert_true(k.min_x == 8.0 && k.max_x == 10.3 && k.min_y == 52.0 && k.max_y == 53.3);
    assert_int_equal(geo_finden(&k, "00002"), 1);
    assert_int_equal(geo_finden(&k, "99999"), -1);
    char b[100];
    assert_string_equal(geo_anzeigename(&k.gebiete[0], b, sizeof b), "Landkreis Außen");
    assert_string_equal(geo_anzeigename(&k.gebiete[1], b, sizeof b), "Stadt Mitte");
    assert_string_equal(geo_anzeigename(&k.gebiete[2], b, sizeof b), "Region Inseln");
    assert_int_equal(geo_punkte(&k), 7 + 5 + 5 + 5 + 4);
    geo_projizieren(&k);
    assert_int_equal(k.projiziert, 1);
    double e, n;
    geo_utm32(8.0, 52.0, &e, &n);
    assert_true(k.gebiete[0].ringe[0].xy[0] == e && k.gebiete[0].ringe[0].xy[1] == n);
    assert_true(k.min_x <= e && k.max_y > 5.8e6);
    geo_free(&k);
    assert_int_equal(k.n, 0);
    assert_null(k.gebiete);
}

/* the copy of the BKG VG5000 Kreise in the repository */
static void test_laden_niedersachsen(void **state)
{
    (void)state;
    struct geo_karte k;
    assert_int_equal(geo_laden("config/geo/kreise_niedersachsen.geojson", &k), 0);
    assert_int_equal(k.n, 45);
    long w = geo_finden(&k, "03461");
    assert_true(w >= 0);
    assert_string_equal(k.gebiete[w].name, "Wesermarsch");
    assert_true(geo_finden(&k, "03241") >= 0 && geo_finden(&k, "03103") >= 0);
    /* Niedersachsen lies between about 6,65° and 11,6° E, 51,3° and 53,9° N */
    assert_true(k.min_x > 6.5 && k.min_x < 6.8 && k.max_x > 11.5 && k.max_x < 11.7);
    assert_true(k.min_y > 51.2 && k.min_y < 51.4 && k.max_y > 53.8 && k.max_y < 54.0);
    geo_projizieren(&k);
    /* in UTM 32N: about 340 km west to 670 km east, 5.690 to 5.975 km north */
    assert_true(k.min_x > 330000 && k.min_x < 360000 && k.max_x > 650000 && k.max_x < 690000);
    assert_true(k.min_y > 5680000 && k.min_y < 5700000 && k.max_y > 5960000 && k.max_y < 5990000);
    size_t vorher = geo_punkte(&k);
    size_t weg = geo_vereinfachen(&k, 500);            /* 500 m */
    assert_true(weg > 0 && weg < vorher);
    assert_int_equal(geo_punkte(&k), vorher - weg);
    for (size_t i = 0; i < k.n; i++)
        for (size_t r = 0; r < k.gebiete[i].nringe; r++) {
            const struct geo_ring *g = &k.gebiete[i].ringe[r];
            assert_true(g->n >= 4);
            assert_true(g->xy[0] == g->xy[2 * g->n - 2] && g->xy[1] == g->xy[2 * g->n - 1]);
        }
    geo_free(&k);
}

static void test_laden_fehler(void **state)
{
    (void)state;
    struct geo_karte k;
    assert_int_equal(laden_pfad("/nonexistent/kreise.geojson", &k), -1);
    assert_non_null(strstr(stderr_text, "Kartengeometrie /nonexistent/kreise.geojson: Datei oder Ordner fehlt"));
    assert_int_equal(k.n, 0);

    static const struct { const char *text, *meldung; } faelle[] = {
        { "{\"type\": \"FeatureCollection\",\n \"features\": [ {,} ]}", "Zeile 2, Spalte" },
        { "{\"type\": \"FeatureCollection\", \"features\": [", "Datei endet mitten im Text" },
        { "{\"type\": \"Feature\"}", "keine GeoJSON-FeatureCollection" },
        { "{\"type\": \"FeatureCollection\", \"features\": []}", "keine Gebiete" },
        { "{\"type\": \"FeatureCollection\", \"features\": [] } x", "Text nach dem Ende" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"GEN\": \"A\"},"
          " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}}]}",
          "Feature 1: Eigenschaft „ARS“" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"ARS\": \"1\"},"
          " \"geometry\": {\"type\": \"Point\", \"coordinates\": [0,0]}}]}",
          "Feature 1 (ARS 1): Geometrie „Point“ statt Polygon oder MultiPolygon" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"ARS\": \"1\"},"
          " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,1]]]}}]}",
          "nicht geschlossen" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"ARS\": \"1\"},"
          " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[0,0]]]}}]}",
          "weniger als vier Punkte" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"ARS\": \"1\"},"
          " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[500000,0],[1,0],[1,1],[500000,0]]]}}]}",
          "außerhalb" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"ARS\": \"1\"},"
          " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,\"a\"],[1,0],[1,1],[0,0]]]}}]}",
          "kein Zahlenpaar" },
        { "{\"type\": \"FeatureCollection\", \"features\": ["
          "{\"type\": \"Feature\", \"properties\": {\"ARS\": \"7\"},"
          " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}},"
          "{\"type\": \"Feature\", \"properties\": {\"ARS\": \"7\"},"
          " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}}]}",
          "Feature 2 (ARS 7): der Regionalschlüssel kommt zweimal vor" },
    };
    for (size_t i = 0; i < sizeof faelle / sizeof *faelle; i++) {
        int rc = laden_text(faelle[i].text, &k);
        if (rc != -1 || !strstr(stderr_text, faelle[i].meldung) || !strstr(stderr_text, "Kartengeometrie "))
            fail_msg("Fall %zu: rc %d, Meldung „%s“ statt „%s“", i, rc, stderr_text, faelle[i].meldung);
        assert_int_equal(k.n, 0);
        assert_null(k.gebiete);
    }
    /* the smallest valid file */
    assert_int_equal(laden_text("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                                "\"properties\": {\"ARS\": \"1\"}, \"geometry\": {\"type\": \"Polygon\", "
                                "\"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}}]}", &k), 0);
    geo_free(&k);
}

/* ---- simplification ---------------------------------------------------------------- */

static void test_vereinfachen(void **state)
{
    (void)state;
    /* a 100 × 100 square with 9 points on every edge, a 30-high bump on the
     * top edge, and a tiny closed triangle that must stay as it is */
    double sq[2 * 64];
    size_t n = 0;
    for (int i = 0; i < 10; i++) { sq[2 * n] = i * 10; sq[2 * n + 1] = (i % 2) * 0.4; n++; }   /* bottom, jitter 0,4 */
    for (int i = 0; i < 10; i++) { sq[2 * n] = 100; sq[2 * n + 1] = i * 10; n++; }
    for (int i = 0; i < 10; i++) { sq[2 * n] = 100 - i * 10; sq[2 * n + 1] = i == 5 ? 130 : 100; n++; }
    for (int i = 0; i < 10; i++) { sq[2 * n] = 0; sq[2 * n + 1] = 100 - i * 10; n++; }
    sq[2 * n] = sq[0]; sq[2 * n + 1] = sq[1]; n++;
    double tri[] = { 0, 0, 0.1, 0, 0, 0.1, 0, 0 };
    struct geo_ring ringe[2] = { { malloc(sizeof sq), n }, { malloc(sizeof tri), 4 } };
    memcpy(ringe[0].xy, sq, sizeof(double) * 2 * n);
    memcpy(ringe[1].xy, tri, sizeof tri);
    struct geo_gebiet g = { "1", "A", "", ringe, 2, 0, 0, 0, 0 };
    struct geo_karte k = { &g, 1, 0, 0, 0, 0, 1 };
    size_t weg = geo_vereinfachen(&k, 1.0);
    /* kept: the four corners, the bump and its two feet, the closing point */
    assert_int_equal(ringe[0].n, 8);
    assert_int_equal(weg, n - 8);
    int bump = 0, corners = 0;
    for (size_t i = 0; i < ringe[0].n; i++) {
        double x = ringe[0].xy[2 * i], y = ringe[0].xy[2 * i + 1];
        if (x == 50 && y == 130) bump = 1;
        if ((x == 0 || x == 100) && (y == 0 || y == 100)) corners++;
    }
    assert_true(bump);
    assert_true(corners >= 4);
    assert_true(ringe[0].xy[0] == ringe[0].xy[2 * ringe[0].n - 2]);
    assert_int_equal(ringe[1].n, 4);
    assert_true(k.max_y == 130);
    /* tolerance 0 changes nothing */
    assert_int_equal(geo_vereinfachen(&k, 0), 0);
    free(ringe[0].xy);
    free(ringe[1].xy);
}

/* ---- classes ---------------------------------------------------------------------- */

static void test_klassen_quantile(void **state)
{
    (void)state;
    double v[] = { 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, NAN };
    struct klassen k;
    assert_int_equal(klassen_bilden(v, 11, 5, KLASSEN_QUANTIL, 1, &k), 0);
    /* type 7: h = 9p → 2,8  4,6  6,4  8,2 */
    assert_int_equal(k.n, 5);
    const double want[] = { 1.0, 2.8, 4.6, 6.4, 8.2, 10.0 };
    for (int i = 0; i <= 5; i++) assert_true(fabs(k.grenzen[i] - want[i]) < 1e-9);
    char b[128];
    assert_string_equal(klassen_label(&k, 0, NULL, b, sizeof b), "1,0 bis unter 2,8");
    assert_string_equal(klassen_label(&k, 3, NULL, b, sizeof b), "6,4 bis unter 8,2");
    assert_string_equal(klassen_label(&k, 4, NULL, b, sizeof b), "8,2 bis 10,0");
    assert_string_equal(klassen_label(&k, 1, " %", b, sizeof b), "2,8 bis unter 4,6 %");
    assert_string_equal(klassen_label(&k, 5, NULL, b, sizeof b), "");
    /* boundaries: a limit belongs to the class above; values are rounded first */
    assert_int_equal(klassen_von(&k, 1.0), 0);
    assert_int_equal(klassen_von(&k, 2.74), 0);
    assert_int_equal(klassen_von(&k, 2.75), 1);     /* printed as 2,8 */
    assert_int_equal(klassen_von(&k, 2.8), 1);
    assert_int_equal(klassen_von(&k, 8.19), 4);
    assert_int_equal(klassen_von(&k, 10.0), 4);     /* the last class is closed */
    assert_int_equal(klassen_von(&k, 0.2), 0);
    assert_int_equal(klassen_von(&k, 99), 4);
    assert_int_equal(klassen_von(&k, NAN), -1);
    /* 0 decimals: German digit grouping in the labels */
    double big[] = { 1000, 2500, 12000, 250000, 1234567 };
    assert_int_equal(klassen_bilden(big, 5, 4, KLASSEN_QUANTIL, 0, &k), 0);
    assert_string_equal(klassen_label(&k, 0, NULL, b, sizeof b), "1.000 bis unter 2.500");
    assert_string_equal(klassen_label(&k, 3, NULL, b, sizeof b), "250.000 bis 1.234.567");
}

static void test_klassen_gleich_und_grenzfaelle(void **state)
{
    (void)state;
    double v[] = { 0, 18.3, 5.0, 12.5 };
    struct klassen k;
    assert_int_equal(klassen_bilden(v, 4, 5, KLASSEN_GLEICH, 1, &k), 0);
    /* width 3,66: 3,7  7,3  11,0  14,6 */
    const double want[] = { 0.0, 3.7, 7.3, 11.0, 14.6, 18.3 };
    assert_int_equal(k.n, 5);
    for (int i = 0; i <= 5; i++) assert_true(fabs(k.grenzen[i] - want[i]) < 1e-9);
    char b[128];
    assert_string_equal(klassen_label(&k, 3, NULL, b, sizeof b), "11,0 bis unter 14,6");
    assert_string_equal(klassen_label(&k, 4, NULL, b, sizeof b), "14,6 bis 18,3");
    assert_int_equal(klassen_von(&k, 12.5), 3);
    /* lowest limit rounded down, highest up: every value lies inside */
    double w[] = { 1.04, 2.96 };
    assert_int_equal(klassen_bilden(w, 2, 2, KLASSEN_GLEICH, 1, &k), 0);
    assert_true(fabs(k.grenzen[0] - 1.0) < 1e-9 && fabs(k.grenzen[2] - 3.0) < 1e-9);
    /* ties merge classes */
    double t[] = { 1, 1, 1, 1, 1, 1, 1, 1, 2, 3 };
    assert_int_equal(klassen_bilden(t, 10, 5, KLASSEN_QUANTIL, 1, &k), 0);
    assert_int_equal(k.n, 2);
    assert_string_equal(klassen_label(&k, 0, NULL, b, sizeof b), "1,0 bis unter 1,2");
    assert_string_equal(klassen_label(&k, 1, NULL, b, sizeof b), "1,2 bis 3,0");
    double s[] = { 7, 7, 7 };
    assert_int_equal(klassen_bilden(s, 3, 5, KLASSEN_QUANTIL, 1, &k), 0);
    assert_int_equal(k.n, 1);
    assert_string_equal(klassen_label(&k, 0, NULL, b, sizeof b), "7,0 bis 7,0");
    assert_int_equal(klassen_von(&k, 7), 0);
    /* errors */
    double none[] = { NAN, INFINITY };
    assert_int_equal(klassen_bilden(none, 2, 5, KLASSEN_QUANTIL, 1, &k), -1);
    assert_int_equal(klassen_bilden(v, 4, 0, KLASSEN_QUANTIL, 1, &k), -1);
    assert_int_equal(klassen_bilden(v, 4, KLASSEN_MAX + 1, KLASSEN_QUANTIL, 1, &k), -1);
    enum klassen_methode m;
    assert_int_equal(klassen_methode_parse("Quantile", &m), 0);
    assert_int_equal(m, KLASSEN_QUANTIL);
    assert_int_equal(klassen_methode_parse("gleich", &m), 0);
    assert_int_equal(m, KLASSEN_GLEICH);
    assert_int_equal(klassen_methode_parse("jenks", &m), -1);
}

static double helligkeit(unsigned c)
{
    return 0.2126 * ((c >> 16) & 255) + 0.7152 * ((c >> 8) & 255) + 0.0722 * (c & 255);
}

static void test_palette(void **state)
{
    (void)state;
    /* ColorBrewer Blues, 5 classes */
    const unsigned b5[] = { 0xEFF3FF, 0xBDD7E7, 0x6BAED6, 0x3182BD, 0x08519C };
    for (int i = 0; i < 5; i++) assert_int_equal(klassen_farbe(5, i), b5[i]);
    /* sequential: each class darker than the one before, for every count */
    for (int n = 1; n <= KLASSEN_MAX; n++)
        for (int i = 1; i < n; i++) assert_true(helligkeit(klassen_farbe(n, i)) < helligkeit(klassen_farbe(n, i - 1)));
    assert_int_equal(klassen_farbe(5, 5), 0);
    assert_int_equal(klassen_farbe(0, 0), 0);
    assert_int_equal(klassen_farbe(KLASSEN_MAX + 1, 0), 0);
}

/* ---- map content ------------------------------------------------------------------------ */

static void test_karte_alt_und_legende(void **state)
{
    (void)state;
    struct geo_karte g;
    assert_int_equal(geo_laden("tests/fixtures/geo/mini.geojson", &g), 0);
    geo_projizieren(&g);
    struct karte k;
    karte_init(&k, &g);
    k.titel = "Ausländeranteil";
    k.einheit = " %";
    k.jahr = 2024;
    k.eigen = "00001";
    karte_setzen(&k, 0, KARTE_WERT, 8.34);
    karte_setzen(&k, 1, KARTE_WERT, 22.5);
    /* area 2 stays without data */
    assert_int_equal(karte_klassifizieren(&k, 2, KLASSEN_GLEICH, 1), 0);
    assert_int_equal(karte_klasse(&k, 0), 0);
    assert_int_equal(karte_klasse(&k, 1), 1);
    assert_int_equal(karte_klasse(&k, 2), KARTE_KLASSE_KEINE);
    assert_int_equal(karte_farbe(&k, 2), KLASSEN_FARBE_KEINE);
    assert_int_equal(karte_farbe(&k, 1), klassen_farbe(2, 1));
    struct karte_legende l[KLASSEN_MAX + 2];
    int n = karte_legende(&k, l);
    assert_int_equal(n, 3);
    assert_string_equal(l[0].text, "8,3 bis unter 15,4 %");
    assert_string_equal(l[1].text, "15,4 bis 22,5 %");
    assert_string_equal(l[2].text, "keine Daten");
    assert_int_equal(l[2].schraffur, 1);
    char alt[1024];
    karte_alt(&k, alt, sizeof alt);
    assert_string_equal(alt, "Karte: Ausländeranteil, 2024, nach Kreisen, 2 Klassen (gleiche Abstände). "
                             "Landkreis Außen (umrandet): 8,3 % (Klasse 1 von 2: 8,3 bis unter 15,4 %). "
                             "Höchster Wert: Stadt Mitte (22,5 %); niedrigster: Landkreis Außen (8,3 %). "
                             "1 Kreis ohne Daten.");
    /* a suppressed value is „geheim“, never a number */
    karte_setzen(&k, 1, KARTE_GEHEIM, 22.5);
    assert_int_equal(karte_klassifizieren(&k, 2, KLASSEN_GLEICH, 1), 0);
    char w[64];
    assert_string_equal(karte_wert_text(&k, 1, w, sizeof w), "geheim");
    assert_int_equal(karte_klasse(&k, 1), KARTE_KLASSE_GEHEIM);
    n = karte_legende(&k, l);
    assert_string_equal(l[n - 1].text, "geheim (Geheimhaltung)");
    assert_int_equal(l[n - 1].schraffur, 2);
    karte_alt(&k, alt, sizeof alt);
    assert_null(strstr(alt, "22,5"));
    assert_non_null(strstr(alt, "1 Kreis geheim gehalten."));
    /* drawing order: the enclave „Mitte“ after the area around it */
    size_t *o = karte_reihenfolge(&k);
    size_t pos_aussen = 9, pos_mitte = 9;
    for (size_t i = 0; i < g.n; i++) {
        if (o[i] == 0) pos_aussen = i;
        if (o[i] == 1) pos_mitte = i;
    }
    assert_true(pos_aussen < pos_mitte);
    free(o);
    /* no value at all: no classes */
    karte_setzen(&k, 0, KARTE_KEINE_DATEN, 0);
    assert_int_equal(karte_klassifizieren(&k, 5, KLASSEN_QUANTIL, 1), -1);
    karte_free(&k);
    geo_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utm_bekannte_punkte),
        cmocka_unit_test(test_utm_konform),
        cmocka_unit_test(test_laden_mini),
        cmocka_unit_test(test_laden_niedersachsen),
        cmocka_unit_test(test_laden_fehler),
        cmocka_unit_test(test_vereinfachen),
        cmocka_unit_test(test_klassen_quantile),
        cmocka_unit_test(test_klassen_gleich_und_grenzfaelle),
        cmocka_unit_test(test_palette),
        cmocka_unit_test(test_karte_alt_und_legende),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
