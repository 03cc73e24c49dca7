/*
 * svgmap.c — a choropleth map (karte.h) as inline SVG (svgmap.h).
 */
#include "svgmap.h"

#include "diag.h"
#include "htmlout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAP_W   360.0      /* the map area */
#define MAP_H   440.0
#define LEG_X   (MAP_W + 24.0)
#define TOTAL_W 700.0
#define FS      12.0
#define ROW     20.0

static void path_d(FILE *f, const struct geo_gebiet *g, const struct geo_karte *geo, double s, double ox, double oy)
{
    fputs(" d=\"", f);
    for (size_t r = 0; r < g->nringe; r++) {
        const struct geo_ring *ring = &g->ringe[r];
        for (size_t p = 0; p + 1 < ring->n; p++)        /* the closing point: Z */
            fprintf(f, "%s%.1f %.1f", p == 0 ? "M" : "L", ox + (ring->xy[2 * p] - geo->min_x) * s,
                    oy + (geo->max_y - ring->xy[2 * p + 1]) * s);
        fputs("Z", f);
    }
    fputs("\"", f);
}

static void hatch_defs(FILE *f, const char *id)
{
    fprintf(f, "<defs><pattern id=\"%s-keine\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
               "<path d=\"M0 5L5 0\" stroke=\"#737373\" stroke-width=\"0.6\"/></pattern>"
               "<pattern id=\"%s-geheim\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
               "<path d=\"M0 0L5 5\" stroke=\"#737373\" stroke-width=\"0.6\"/></pattern></defs>\n", id, id);
}

int svgmap_figure(FILE *f, const struct karte *k, const char *id)
{
    if (!k->geo || k->geo->n == 0) {
        diag_error("Karte „%s“: keine Gebiete", k->titel ? k->titel : "");
        return -1;
    }
    if (!k->hat_klassen) {
        diag_error("Karte „%s“: kein Gebiet hat einen Wert, es gibt keine Klassen", k->titel ? k->titel : "");
        return -1;
    }
    const struct geo_karte *geo = k->geo;
    double dx = geo->max_x - geo->min_x, dy = geo->max_y - geo->min_y;
    if (!(dx > 0)) dx = 1;
    if (!(dy > 0)) dy = 1;
    double s = fmin(MAP_W / dx, MAP_H / dy), ox = (MAP_W - dx * s) / 2, oy = 2;
    struct karte_legende leg[KLASSEN_MAX + 2];
    int nleg = karte_legende(k, leg);
    long eigen = k->eigen ? geo_finden(geo, k->eigen) : -1;
    double legend_h = ROW * (nleg + 1 + (eigen >= 0 ? 1.5 : 0)) + 8;
    double h = fmax(dy * s + 4, legend_h);

    char titel[700], alt[2000];
    snprintf(titel, sizeof titel, "%s, %d, nach Kreisen", k->titel ? k->titel : "Karte", k->jahr);
    karte_alt(k, alt, sizeof alt);
    fputs("<figure class=\"karte\">\n", f);
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"%s-t %s-d\" "
               "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-size=\"%.0f\">\n",
            id, id, TOTAL_W, h, TOTAL_W, h, FS);
    fprintf(f, "<title id=\"%s-t\">", id);
    html_escape(f, titel);
    fprintf(f, "</title>\n<desc id=\"%s-d\">", id);
    html_escape(f, alt);
    fputs("</desc>\n", f);
    hatch_defs(f, id);

    size_t *order = karte_reihenfolge(k);
    fputs("<g stroke=\"#fff\" stroke-width=\"0.6\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n", f);
    for (size_t j = 0; j < geo->n; j++) {
        size_t i = order[j];
        const struct geo_gebiet *g = &geo->gebiete[i];
        char name[200], wert[80];
        geo_anzeigename(g, name, sizeof name);
        karte_wert_text(k, i, wert, sizeof wert);
        fprintf(f, "<path fill=\"#%06X\" data-ars=\"", karte_farbe(k, i) & 0xFFFFFFu);
        html_escape(f, g->ars);
        fputs("\"", f);
        path_d(f, g, geo, s, ox, oy);
        fputs("><title>", f);
        html_escape(f, name);
        fputs(": ", f);
        html_escape(f, wert);
        fputs("</title></path>\n", f);
        int c = karte_klasse(k, i);
        if (c < 0) {
            fprintf(f, "<path fill=\"url(#%s-%s)\" stroke=\"none\"", id, c == KARTE_KLASSE_GEHEIM ? "geheim" : "keine");
            path_d(f, g, geo, s, ox, oy);
            fputs("/>\n", f);
        }
    }
    fputs("</g>\n", f);
    free(order);
    if (eigen >= 0) {
        fputs("<path class=\"umriss\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-linejoin=\"round\" "
              "data-ars=\"", f);
        html_escape(f, geo->gebiete[eigen].ars);
        fputs("\"", f);
        path_d(f, &geo->gebiete[eigen], geo, s, ox, oy);
        fputs("/>\n", f);
    }

    /* the legend, as pdfmap's */
    double y = FS + 4;
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\" fill=\"#1a1a1a\">%s</text>\n", LEG_X, y,
            k->klassen.methode == KLASSEN_QUANTIL ? "Klassen (Quantile)" : "Klassen (gleiche Abstände)");
    for (int i = 0; i < nleg; i++) {
        y += ROW;
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"22\" height=\"13\" fill=\"#%06X\" stroke=\"#999\"/>\n", LEG_X,
                y - 11, leg[i].farbe & 0xFFFFFFu);
        if (leg[i].schraffur)
            fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"22\" height=\"13\" fill=\"url(#%s-%s)\"/>\n", LEG_X, y - 11,
                    id, leg[i].schraffur == 2 ? "geheim" : "keine");
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#1a1a1a\">", LEG_X + 30, y);
        html_escape(f, leg[i].text);
        fputs("</text>\n", f);
    }
    if (eigen >= 0) {
        char name[200];
        geo_anzeigename(&geo->gebiete[eigen], name, sizeof name);
        y += ROW * 1.5;
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"20\" height=\"11\" fill=\"none\" stroke=\"#1a1a1a\" "
                   "stroke-width=\"2\"/>\n<text x=\"%.1f\" y=\"%.1f\" fill=\"#1a1a1a\">", LEG_X + 1, y - 10,
                LEG_X + 30, y);
        html_escape(f, name);
        fputs(" (umrandet)</text>\n", f);
    }
    fputs("</svg>\n<figcaption><span class=\"titel\">", f);
    html_escape(f, titel);
    fputs("</span>Quelle: ", f);
    html_escape(f, k->quelle ? k->quelle : "eigene Berechnung");
    fputs(". Kartengrundlage: ", f);
    html_escape(f, k->quellenvermerk ? k->quellenvermerk : KARTE_BKG_QUELLENVERMERK);
    if (k->lizenz) {
        fputs(", Lizenz: ", f);
        html_escape(f, k->lizenz);
    }
    fputs(".</figcaption>\n</figure>\n", f);
    return 0;
}
