/*
 * pdfmap.c — choropleth maps as vector drawing in a pdfdoc (see pdfmap.h).
 */
#include "pdfmap.h"
#include "diag.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TITEL_SIZE 9.5
#define LEGENDE_SIZE 7.5
#define QUELLE_SIZE 7.0
#define KARTE_ANTEIL 0.62      /* share of the width for the map */
#define LEGENDE_ABSTAND 14.0
#define ZEILE 13.0             /* legend line */
#define LUECKE 12.0            /* gap below the block */
#define ABSTAND_OBEN 10.0      /* gap above the title */

/* Append raw operators to the current page's content stream (libharu 2.3
 * has no marked-content operators; hpdf_pages.h describes the page). */
static void roh(struct pdfdoc *doc, const char *s)
{
    HPDF_STATUS st = HPDF_Stream_WriteStr(((HPDF_PageAttr)doc->page->attr)->stream, s);
    if (st != HPDF_OK && !doc->error) doc->error = st;
}

/* "/tag <</key <hex of value>>> BDC" */
static void bdc_text(struct pdfdoc *doc, const char *tag, const char *key, const char *value)
{
    char buf[256];
    int n = snprintf(buf, sizeof buf, "/%s <</%s <", tag, key);
    for (const unsigned char *p = (const unsigned char *)value; *p && n < (int)sizeof buf - 16; p++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, "%02X", *p);
    snprintf(buf + n, sizeof buf - (size_t)n, ">>> BDC\n");
    roh(doc, buf);
}

static void bdc_zahl(struct pdfdoc *doc, const char *tag, const char *key, int value)
{
    char buf[96];
    snprintf(buf, sizeof buf, "/%s <</%s %d>> BDC\n", tag, key, value);
    roh(doc, buf);
}

static void emc(struct pdfdoc *doc) { roh(doc, "EMC\n"); }

static void farbe_fill(struct pdfdoc *doc, unsigned c)
{
    HPDF_Page_SetRGBFill(doc->page, (HPDF_REAL)(((c >> 16) & 255) / 255.0), (HPDF_REAL)(((c >> 8) & 255) / 255.0),
                         (HPDF_REAL)((c & 255) / 255.0));
}

/* ---- layout ---------------------------------------------------------- */

struct lage {
    double w;                 /* whole block */
    double map_w, map_h;      /* the map area */
    double s;                 /* points per unit */
    double bild_w, bild_h;    /* the drawn map */
    double legende_x, legende_w, legende_h;
    double titel_h, quelle_h;
    char titel[700];
    char quelle[1400];
    struct karte_legende eintraege[KLASSEN_MAX + 2];
    int neintraege;
    char eigen_name[160];
    long eigen;
};

static void lage_berechnen(struct pdfdoc *doc, const struct karte *k, double hoehe, struct lage *L)
{
    memset(L, 0, sizeof *L);
    L->w = pdfdoc_content_width(doc);
    L->map_w = L->w * KARTE_ANTEIL;
    L->map_h = hoehe > 0 ? hoehe : PDFMAP_HOEHE;
    const struct geo_karte *g = k->geo;
    double dx = g->max_x - g->min_x, dy = g->max_y - g->min_y;
    if (!(dx > 0)) dx = 1;
    if (!(dy > 0)) dy = 1;
    L->s = fmin(L->map_w / dx, L->map_h / dy);
    L->bild_w = dx * L->s;
    L->bild_h = dy * L->s;
    L->legende_x = doc->margin_left + L->map_w + LEGENDE_ABSTAND;
    L->legende_w = L->w - L->map_w - LEGENDE_ABSTAND;
    snprintf(L->titel, sizeof L->titel, "%s, %d, nach Kreisen", k->titel ? k->titel : "Karte", k->jahr);
    L->titel_h = ABSTAND_OBEN + pdfdoc_paragraph(doc, doc->bold, TITEL_SIZE, L->titel, 0) + 4;
    snprintf(L->quelle, sizeof L->quelle, "Quelle: %s. Kartengrundlage: %s%s%s.", k->quelle ? k->quelle : "eigene Berechnung",
             k->quellenvermerk ? k->quellenvermerk : KARTE_BKG_QUELLENVERMERK, k->lizenz ? ", Lizenz: " : "",
             k->lizenz ? k->lizenz : "");
    L->quelle_h = pdfdoc_paragraph(doc, doc->regular, QUELLE_SIZE, L->quelle, 0) + 4;
    L->neintraege = karte_legende(k, L->eintraege);
    L->eigen = k->eigen ? geo_finden(g, k->eigen) : -1;
    if (L->eigen >= 0) geo_anzeigename(&g->gebiete[L->eigen], L->eigen_name, sizeof L->eigen_name);
    L->legende_h = ZEILE * (L->neintraege + 1 + (L->eigen >= 0 ? 1.5 : 0));
}

static double block_hoehe(const struct lage *L)
{
    double mitte = fmax(L->bild_h, L->legende_h);
    return L->titel_h + mitte + 6 + L->quelle_h;
}

double pdfmap_massstab(const struct karte *k, double breite, double hoehe)
{
    const struct geo_karte *g = k->geo;
    double dx = g->max_x - g->min_x, dy = g->max_y - g->min_y;
    if (!(dx > 0) || !(dy > 0)) return 0;
    return fmin(breite * KARTE_ANTEIL / dx, (hoehe > 0 ? hoehe : PDFMAP_HOEHE) / dy);
}

double pdfmap_height(struct pdfdoc *doc, const struct karte *k, double hoehe)
{
    struct lage L;
    lage_berechnen(doc, k, hoehe, &L);
    return block_hoehe(&L) + LUECKE;
}

/* ---- drawing ----------------------------------------------------------- */

static void pfad(struct pdfdoc *doc, const struct geo_gebiet *g, const struct lage *L, double ox, double oy,
                 const struct geo_karte *geo)
{
    for (size_t r = 0; r < g->nringe; r++) {
        const struct geo_ring *ring = &g->ringe[r];
        for (size_t p = 0; p + 1 < ring->n; p++) {       /* the closing point: ClosePath */
            double x = ox + (ring->xy[2 * p] - geo->min_x) * L->s, y = oy + (ring->xy[2 * p + 1] - geo->min_y) * L->s;
            if (p == 0) HPDF_Page_MoveTo(doc->page, (HPDF_REAL)x, (HPDF_REAL)y);
            else HPDF_Page_LineTo(doc->page, (HPDF_REAL)x, (HPDF_REAL)y);
        }
        HPDF_Page_ClosePath(doc->page);
    }
}

/* diagonal hatching of the current clip over the box (x0, y0)–(x1, y1):
 * art 1 rising (/), 2 falling (\) */
static void schraffur(struct pdfdoc *doc, int art, double x0, double y0, double x1, double y1)
{
    const double step = 3.2;
    double h = y1 - y0;
    HPDF_Page_SetGrayStroke(doc->page, 0.45);
    HPDF_Page_SetLineWidth(doc->page, 0.35);
    for (double x = x0 - h; x <= x1; x += step) {
        if (art == 1) {
            HPDF_Page_MoveTo(doc->page, (HPDF_REAL)x, (HPDF_REAL)y0);
            HPDF_Page_LineTo(doc->page, (HPDF_REAL)(x + h), (HPDF_REAL)y1);
        } else {
            HPDF_Page_MoveTo(doc->page, (HPDF_REAL)x, (HPDF_REAL)y1);
            HPDF_Page_LineTo(doc->page, (HPDF_REAL)(x + h), (HPDF_REAL)y0);
        }
    }
    HPDF_Page_Stroke(doc->page);
}

static void gebiet_zeichnen(struct pdfdoc *doc, const struct karte *k, size_t i, const struct lage *L, double ox,
                            double oy)
{
    const struct geo_karte *geo = k->geo;
    const struct geo_gebiet *g = &geo->gebiete[i];
    bdc_text(doc, "Gebiet", "ARS", g->ars);
    farbe_fill(doc, karte_farbe(k, i));
    HPDF_Page_SetRGBStroke(doc->page, 1, 1, 1);
    HPDF_Page_SetLineWidth(doc->page, 0.4);
    pfad(doc, g, L, ox, oy, geo);
    HPDF_Page_EofillStroke(doc->page);
    int c = karte_klasse(k, i);
    if (c < 0) {
        HPDF_Page_GSave(doc->page);
        pfad(doc, g, L, ox, oy, geo);
        HPDF_Page_Eoclip(doc->page);
        HPDF_Page_EndPath(doc->page);
        schraffur(doc, c == KARTE_KLASSE_GEHEIM ? 2 : 1, ox + (g->min_x - geo->min_x) * L->s,
                  oy + (g->min_y - geo->min_y) * L->s, ox + (g->max_x - geo->min_x) * L->s,
                  oy + (g->max_y - geo->min_y) * L->s);
        HPDF_Page_GRestore(doc->page);
    }
    emc(doc);
}

static void legende_zeichnen(struct pdfdoc *doc, const struct karte *k, const struct lage *L, double top)
{
    double x = L->legende_x, y = top - LEGENDE_SIZE;
    const char *kopf = !k->hat_klassen ? "Legende"
                     : k->klassen.methode == KLASSEN_QUANTIL ? "Klassen (Quantile)" : "Klassen (gleiche Abstände)";
    HPDF_Page_SetGrayFill(doc->page, 0.1);
    pdfdoc_text(doc, doc->bold, LEGENDE_SIZE, x, y, kopf, strlen(kopf));
    y -= ZEILE;
    for (int i = 0; i < L->neintraege; i++) {
        const struct karte_legende *e = &L->eintraege[i];
        int nummer = e->schraffur == 1 ? 0 : e->schraffur == 2 ? -1 : i + 1;
        bdc_zahl(doc, "Legende", "Klasse", nummer);
        farbe_fill(doc, e->farbe);
        HPDF_Page_SetGrayStroke(doc->page, 0.6);
        HPDF_Page_SetLineWidth(doc->page, 0.4);
        HPDF_Page_Rectangle(doc->page, (HPDF_REAL)x, (HPDF_REAL)(y - 2), 16, 9);
        HPDF_Page_FillStroke(doc->page);
        if (e->schraffur) {
            HPDF_Page_GSave(doc->page);
            HPDF_Page_Rectangle(doc->page, (HPDF_REAL)x, (HPDF_REAL)(y - 2), 16, 9);
            HPDF_Page_Clip(doc->page);
            HPDF_Page_EndPath(doc->page);
            schraffur(doc, e->schraffur, x, y - 2, x + 16, y + 7);
            HPDF_Page_GRestore(doc->page);
        }
        emc(doc);
        double size = LEGENDE_SIZE;
        while (size > 6 && pdfdoc_measure(doc, doc->regular, size, e->text, strlen(e->text)) > L->legende_w - 22) size -= 0.5;
        HPDF_Page_SetGrayFill(doc->page, 0.1);
        pdfdoc_text(doc, doc->regular, size, x + 22, y, e->text, strlen(e->text));
        y -= ZEILE;
    }
    if (L->eigen >= 0) {
        y -= ZEILE * 0.5;
        HPDF_Page_SetGrayStroke(doc->page, 0.1);
        HPDF_Page_SetLineWidth(doc->page, 1.6);
        HPDF_Page_Rectangle(doc->page, (HPDF_REAL)(x + 0.8), (HPDF_REAL)(y - 1.2), 14.4, 7.4);
        HPDF_Page_Stroke(doc->page);
        char t[220];
        snprintf(t, sizeof t, "%s (umrandet)", L->eigen_name);
        double size = LEGENDE_SIZE;
        while (size > 6 && pdfdoc_measure(doc, doc->regular, size, t, strlen(t)) > L->legende_w - 22) size -= 0.5;
        HPDF_Page_SetGrayFill(doc->page, 0.1);
        pdfdoc_text(doc, doc->regular, size, x + 22, y, t, strlen(t));
    }
}

int pdfmap_draw(struct pdfdoc *doc, const struct karte *k, double hoehe)
{
    if (!k->geo || k->geo->n == 0) { diag_error("Karte „%s“: keine Gebiete", k->titel ? k->titel : ""); return -1; }
    if (!k->hat_klassen) {
        diag_error("Karte „%s“: kein Gebiet hat einen Wert, es gibt keine Klassen", k->titel ? k->titel : "");
        return -1;
    }
    struct lage L;
    lage_berechnen(doc, k, hoehe, &L);
    double h = block_hoehe(&L);
    if (!doc->page || doc->y - h < pdfdoc_bottom(doc)) pdfdoc_new_page(doc);
    lage_berechnen(doc, k, hoehe, &L);        /* the new page may be turned */

    char alt[2000];
    karte_alt(k, alt, sizeof alt);
    pdfdoc_tag_begin(doc, "Figure");
    pdfdoc_tag_attr(doc, "Alt", alt);

    HPDF_Page_SetGrayFill(doc->page, 0);
    doc->y -= ABSTAND_OBEN;
    pdfdoc_paragraph(doc, doc->bold, TITEL_SIZE, L.titel, 1);
    doc->y -= 4;
    double top = doc->y;
    double ox = doc->margin_left + (L.map_w - L.bild_w) / 2, oy = top - L.bild_h;

    if (k->kennung) bdc_text(doc, "Karte", "Kennung", k->kennung);
    size_t *order = karte_reihenfolge(k);
    HPDF_Page_SetLineJoin(doc->page, HPDF_ROUND_JOIN);
    for (size_t j = 0; j < k->geo->n; j++) gebiet_zeichnen(doc, k, order[j], &L, ox, oy);
    free(order);
    if (L.eigen >= 0) {
        const struct geo_gebiet *g = &k->geo->gebiete[L.eigen];
        bdc_text(doc, "Umriss", "ARS", g->ars);
        HPDF_Page_SetGrayStroke(doc->page, 0.1);
        HPDF_Page_SetLineWidth(doc->page, 1.6);
        pfad(doc, g, &L, ox, oy, k->geo);
        HPDF_Page_Stroke(doc->page);
        emc(doc);
    }
    if (k->kennung) emc(doc);
    HPDF_Page_SetLineJoin(doc->page, HPDF_MITER_JOIN);
    legende_zeichnen(doc, k, &L, top);

    doc->y = top - fmax(L.bild_h, L.legende_h) - 6;
    HPDF_Page_SetGrayFill(doc->page, 0.25);
    pdfdoc_paragraph(doc, doc->regular, QUELLE_SIZE, L.quelle, 1);
    HPDF_Page_SetGrayFill(doc->page, 0);
    pdfdoc_tag_end(doc);
    doc->y -= 4 + LUECKE;
    if (doc->y < pdfdoc_bottom(doc)) doc->y = pdfdoc_bottom(doc);
    return 0;
}
