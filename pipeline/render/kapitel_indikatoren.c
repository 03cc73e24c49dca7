/*
 * kapitel_indikatoren.c — the indicator sections shared by the renderers
 * (see kapitel.h).
 */
#include "kapitel.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PDF_YEARS 6

void kapitel_indikator_free(struct kapitel_indikator *i)
{
    free(i->id); free(i->titel); free(i->einheit); free(i->quelle); free(i->hinweis); free(i->art);
}

void kapitel_gebiete_laden(const struct ib_config *cfg, sqlite3 *db, struct kapitel_gebiete *a)
{
    memset(a, 0, sizeof *a);
    a->cfg = cfg;
    char **v = config_list(cfg, "indikatoren:vergleich", "", NULL);
    const char *main_area = config_string(cfg, "indikatoren:gebiet", NULL);
    sqlite3_stmt *q = store_prepare(db,
        "SELECT gebiet_name FROM indikator_wert WHERE gebiet = ?1 UNION ALL"
        " SELECT gebiet_name FROM reihe WHERE gebiet = ?1 AND gebiet_name <> '' LIMIT 1");
    const char *all[KAPITEL_MAX_GEBIETE + 1];
    int n = 0;
    if (main_area) all[n++] = main_area;
    for (char **p = v; *p && n < KAPITEL_MAX_GEBIETE; p++) all[n++] = *p;
    for (int i = 0; i < n; i++) {
        a->key[a->n] = xstrdup(all[i]);
        const char *name = all[i];
        if (q) {
            sqlite3_reset(q);
            store_bind_text(q, 1, all[i]);
            if (sqlite3_step(q) == SQLITE_ROW) name = store_column_text(q, 0);
        }
        a->name[a->n] = xstrdup(name);
        a->n++;
    }
    sqlite3_finalize(q);
    config_list_free(v);
}

void kapitel_gebiete_free(struct kapitel_gebiete *a)
{
    for (int i = 0; i < a->n; i++) { free(a->key[i]); free(a->name[i]); }
}

/* value text of a point: German number or the symbol */
void kapitel_wert_text(char *buf, size_t size, sqlite3_stmt *q, int col_wert, int col_symbol, int decimals)
{
    if (sqlite3_column_type(q, col_wert) != SQLITE_NULL)
        format_zahl(buf, size, sqlite3_column_double(q, col_wert), decimals);
    else
        snprintf(buf, size, "%s", store_column_text(q, col_symbol));
}

const char *kapitel_status_text(const char *s)
{
    if (strcmp(s, "besser") == 0) return "↑ besser";
    if (strcmp(s, "schlechter") == 0) return "↓ schlechter";
    if (strcmp(s, "unveraendert") == 0) return "→ unverändert";
    if (strcmp(s, "veraendert") == 0) return "↕ verändert";
    return "– ohne Vergleich";
}

int kapitel_indikator_fehler(sqlite3 *db, const char *id, char *buf, size_t size)
{
    sqlite3_stmt *q = store_prepare(db, "SELECT fehler FROM katalog_indikator WHERE id = ? AND fehler IS NOT NULL");
    int failed = 0;
    if (q) {
        store_bind_text(q, 1, id);
        if (sqlite3_step(q) == SQLITE_ROW) {
            snprintf(buf, size, "Berechnung fehlgeschlagen: %s", store_column_text(q, 0));
            failed = 1;
        }
        sqlite3_finalize(q);
    }
    return failed;
}

/* „+0,12“: a signed German number with enough digits to show (never +0,0) */
static void vorzeichen_zahl(char *buf, size_t size, double v, int dez)
{
    while (dez < 4 && v != 0 && round(fabs(v) * pow(10, dez)) == 0) dez++;
    char d[48];
    format_zahl(d, sizeof d, v, dez);
    snprintf(buf, size, "%s%s", v > 0 ? "+" : "", d);
}

int kapitel_trend_ziel(sqlite3 *db, const struct kapitel_gebiete *a, const struct kapitel_indikator *ind, char *buf,
                       size_t size)
{
    sqlite3_stmt *q = store_prepare(db,
        "SELECT s.trend_steigung, s.trend_von, s.trend_bis, s.trend_status, s.ziel_erreichung, s.ziel_erreicht,"
        "       k.zielwert, k.zieljahr FROM indikator_stand s JOIN katalog_indikator k ON k.id = s.indikator"
        " WHERE s.indikator = ? AND s.gebiet = ?");
    if (!q) return 0;
    char unit[160] = " Pp.";
    if (strcmp(ind->art, "anteil") != 0 && strcmp(ind->art, "veraenderung") != 0)
        snprintf(unit, sizeof unit, "%s%s", *ind->einheit ? " " : "", ind->einheit);
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < a->n && n < size - 200; i++) {
        sqlite3_reset(q);
        store_bind_text(q, 1, ind->id);
        store_bind_text(q, 2, a->key[i]);
        if (sqlite3_step(q) != SQLITE_ROW) continue;
        char t[64], z[64];
        if (sqlite3_column_type(q, 0) != SQLITE_NULL) {
            vorzeichen_zahl(t, sizeof t, sqlite3_column_double(q, 0), ind->dezimalen < 1 ? 1 : ind->dezimalen);
            n += (size_t)snprintf(buf + n, size - n, "%s%s: Trend %d–%d %s%s je Jahr (%s)", n ? "; " : "",
                                  a->name[i], sqlite3_column_int(q, 1), sqlite3_column_int(q, 2), t, unit,
                                  kapitel_status_text(store_column_text(q, 3)));
        }
        if (sqlite3_column_type(q, 6) != SQLITE_NULL && n < size - 200) {
            format_zahl(z, sizeof z, sqlite3_column_double(q, 6), ind->dezimalen);
            char jahr[24] = "";
            if (sqlite3_column_type(q, 7) != SQLITE_NULL) snprintf(jahr, sizeof jahr, " bis %d", sqlite3_column_int(q, 7));
            if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
                char e[48];
                format_zahl(e, sizeof e, sqlite3_column_double(q, 4), 0);
                n += (size_t)snprintf(buf + n, size - n, "%sZiel %s%s: %s %% des Weges (%s)", n ? ", " : "", z, jahr, e,
                                      sqlite3_column_int(q, 5) ? "erreicht" : "nicht erreicht");
            } else {
                n += (size_t)snprintf(buf + n, size - n, "%sZiel %s%s: Zielerreichung nicht berechenbar", n ? ", " : "",
                                      z, jahr);
            }
        }
    }
    sqlite3_finalize(q);
    if (n && n < size - 1) snprintf(buf + n, size - n, ".");
    return n > 0;
}

void kapitel_indikator_zeichnen(struct docmodel_chapter *aus, sqlite3 *db, const struct kapitel_gebiete *a,
                                const struct kapitel_indikator *ind, int *symbols_used)
{
    int unused[WERTE_SYMBOL_ANZAHL];
    if (!symbols_used) symbols_used = unused;
    char fehler[1100];
    if (kapitel_indikator_fehler(db, ind->id, fehler, sizeof fehler)) {
        docmodel_paragraph(aus, fehler);   /* never a table of dots: the reader learns why */
        return;
    }
    /* years with any value for the shown areas, the latest PDF_YEARS */
    int y[64], ny = 0;
    sqlite3_stmt *q = store_prepare(db, "SELECT DISTINCT jahr FROM indikator_wert WHERE indikator = ? ORDER BY jahr");
    store_bind_text(q, 1, ind->id);
    while (q && sqlite3_step(q) == SQLITE_ROW && ny < 64) y[ny++] = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    int first = ny > PDF_YEARS ? ny - PDF_YEARS : 0;

    /* chart data: all years, per area */
    double *vals = xcalloc((size_t)(a->n * (ny ? ny : 1)), sizeof(double));
    unsigned char *miss = xcalloc((size_t)(a->n * (ny ? ny : 1)), 1);
    char **cells_text = xcalloc((size_t)(a->n * (ny ? ny : 1)), sizeof(char *));
    sqlite3_stmt *v = store_prepare(db, "SELECT wert, symbol FROM indikator_wert WHERE indikator = ? AND gebiet = ? AND jahr = ?");
    int any = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < ny; j++) {
            size_t k = (size_t)i * (size_t)ny + (size_t)j;
            sqlite3_reset(v);
            store_bind_text(v, 1, ind->id);
            store_bind_text(v, 2, a->key[i]);
            sqlite3_bind_int(v, 3, y[j]);
            char buf[64] = ".";
            miss[k] = 1;
            if (v && sqlite3_step(v) == SQLITE_ROW) {
                kapitel_wert_text(buf, sizeof buf, v, 0, 1, ind->dezimalen);
                if (sqlite3_column_type(v, 0) != SQLITE_NULL) { vals[k] = sqlite3_column_double(v, 0); miss[k] = 0; any = 1; }
                else {
                    enum werte_symbol s;
                    if (werte_symbol_parse(buf, &s) == 1) symbols_used[s] = 1;
                }
            } else {
                symbols_used[WERTE_SYMBOL_UNBEKANNT] = 1;
            }
            cells_text[k] = xstrdup(buf);
        }
    sqlite3_finalize(v);

    /* table: Gebiet | years | Entwicklung */
    struct docmodel_column cols[DOCMODEL_MAX_COLUMNS];
    char yl[PDF_YEARS][8];
    int nc = 0;
    cols[nc++] = (struct docmodel_column){ "Gebiet", 0.19, DOCMODEL_LEFT };
    int shown = ny - first;
    double share = shown ? 0.58 / shown : 0.58;
    for (int j = first; j < ny; j++) {
        snprintf(yl[j - first], sizeof yl[0], "%d", y[j]);
        cols[nc++] = (struct docmodel_column){ yl[j - first], share, DOCMODEL_RIGHT };
    }
    cols[nc++] = (struct docmodel_column){ "Entwicklung", 0.23, DOCMODEL_LEFT };
    struct docmodel_table *t = docmodel_table(aus, cols, nc);
    sqlite3_stmt *st = store_prepare(db,
        "SELECT status, delta, delta_art, vorjahr, jahr FROM indikator_stand WHERE indikator = ? AND gebiet = ?");
    for (int i = 0; i < a->n; i++) {
        const char *cells[DOCMODEL_MAX_COLUMNS];
        char dev[128] = "– ohne Daten";
        cells[0] = a->name[i];
        for (int j = first; j < ny; j++) cells[1 + j - first] = cells_text[(size_t)i * (size_t)ny + (size_t)j];
        sqlite3_reset(st);
        store_bind_text(st, 1, ind->id);
        store_bind_text(st, 2, a->key[i]);
        if (st && sqlite3_step(st) == SQLITE_ROW) {
            const char *status = store_column_text(st, 0);
            if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
                char d[32];
                double delta = sqlite3_column_double(st, 1);
                /* a change is never printed as „0,0“: more digits until it shows (+0,03 %) */
                int dez = 1;
                while (dez < 3 && delta != 0 && round(fabs(delta) * pow(10, dez)) == 0) dez++;
                format_zahl(d, sizeof d, delta, dez);
                const char *unit = strcmp(store_column_text(st, 2), "prozentpunkte") == 0 ? " Pp."
                                 : strcmp(store_column_text(st, 2), "prozent") == 0 ? " %" : "";
                snprintf(dev, sizeof dev, "%s (%s%s%s zu %d)", kapitel_status_text(status), delta > 0 ? "+" : "", d, unit,
                         sqlite3_column_int(st, 3));
            } else {
                snprintf(dev, sizeof dev, "%s", kapitel_status_text(status));
            }
        }
        cells[nc - 1] = dev;
        docmodel_row(t, cells, 0, 0);
    }
    sqlite3_finalize(st);
    /* the legend of the symbols this table uses, right under it (DIN 55301) */
    int used[WERTE_SYMBOL_ANZAHL] = { 0 }, any_symbol = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = first; j < ny; j++) {
            enum werte_symbol sy;
            if (werte_symbol_parse(cells_text[(size_t)i * (size_t)ny + (size_t)j], &sy) == 1) used[sy] = any_symbol = 1;
        }
    if (any_symbol) {
        char legend[600] = "Zeichen: ";
        for (int sy = 1; sy < WERTE_SYMBOL_ANZAHL; sy++) {
            if (!used[sy]) continue;
            size_t n = strlen(legend);
            snprintf(legend + n, sizeof legend - n, "%s%s = %s", n > 9 ? "; " : "", werte_symbol_text((enum werte_symbol)sy),
                     werte_symbol_bedeutung((enum werte_symbol)sy));
        }
        docmodel_note(aus, legend);
    }
    char tz[1600];
    if (kapitel_trend_ziel(db, a, ind, tz, sizeof tz)) docmodel_note(aus, tz);

    if (any && ny >= 2) {
        const char **cats = xcalloc((size_t)ny, sizeof(char *));
        char (*cy)[8] = xcalloc((size_t)ny, 8);
        for (int j = 0; j < ny; j++) { snprintf(cy[j], 8, "%d", y[j]); cats[j] = cy[j]; }
        /* counts of areas of different size in one chart hide the smaller one:
         * for Anzahl only the report area is drawn (the table compares) */
        int nseries = strcmp(ind->art, "anzahl") == 0 ? 1 : a->n;
        struct pdfchart_series *series = xcalloc((size_t)a->n, sizeof *series);
        for (int i = 0; i < nseries; i++) {
            series[i].name = a->name[i];
            series[i].values = vals + (size_t)i * (size_t)ny;
            series[i].missing = miss + (size_t)i * (size_t)ny;
        }
        char src[800];
        snprintf(src, sizeof src, "%s", *ind->quelle ? ind->quelle : "eigene Berechnung");
        struct pdfchart chart = { 0 };
        chart.kind = PDFCHART_LINE;
        chart.source = src;
        chart.unit = *ind->einheit ? ind->einheit : NULL;
        chart.categories = cats;
        chart.ncategories = ny;
        chart.series = series;
        chart.nseries = nseries;
        chart.decimals = ind->dezimalen > 3 ? 3 : ind->dezimalen;
        chart.height = 130;
        docmodel_chart(aus, &chart);
        free(series);
        free(cats);
        free(cy);
    } else {
        char src[900];
        snprintf(src, sizeof src, "Quelle: %s", *ind->quelle ? ind->quelle : "eigene Berechnung");
        docmodel_note(aus, src);
    }
    if (*ind->hinweis) docmodel_note(aus, ind->hinweis);
    kapitel_karte(aus, db, a, ind);
    for (size_t k = 0; k < (size_t)a->n * (size_t)ny; k++) free(cells_text[k]);
    free(cells_text);
    free(vals);
    free(miss);
}

