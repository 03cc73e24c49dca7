/*
 * kapitel_karte.c — the map of an indicator by Kreis, drawn after the
 * indicator's chart in out/indikatoren.pdf and in the Integrationsbericht
 * (kapitel.h, kapitel_karte).
 *
 * The map goes into the chapter as a block of the document model
 * (docmodel_karte; docpdf draws it with pdfmap.h).
 *
 * Configuration, section [karte]:
 *   indikatoren  catalogue ids of the indicators that get a map (none: no maps)
 *   geometrie    GeoJSON of the areas (default config/geo/kreise_niedersachsen.geojson,
 *                BKG VG5000, licence dl-de/by-2-0)
 *   klassen      number of classes, 1..7 (default 5)
 *   methode      quantile (default) or gleich (equal intervals)
 *   quellenvermerk  source note of the geometry (default „© GeoBasis-DE / BKG 2021
 *                (Daten verändert)“: ibericht projects and simplifies the boundaries)
 *   lizenz       licence text printed after it (default dl-de/by-2-0 with its address)
 * An area of the map and a value of the store belong together when the
 * store's area key is the ARS or „K“ + ARS (the LSN's GeoCode K03461).
 * The year is the latest one with a value for any area of the map.
 */
#include "kapitel.h"
#include "lib/diag.h"
#include "lib/geo.h"
#include "lib/karte.h"
#include "lib/pdfmap.h"
#include "lib/store.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KARTE_GEOMETRIE "config/geo/kreise_niedersachsen.geojson"
#define KARTE_LIZENZ "Datenlizenz Deutschland – Namensnennung – Version 2.0 (www.govdata.de/dl-de/by-2-0)"
#define TOLERANZ_PT 0.25       /* Douglas–Peucker tolerance at print scale */

/* the map area of a store key: ARS or K + ARS; -1 = not on the map */
static long gebiet_index(const struct geo_karte *g, const char *key)
{
    long i = geo_finden(g, key);
    if (i < 0 && key[0] == 'K') i = geo_finden(g, key + 1);
    return i;
}

/* a configuration error of the map: message, then exit 2 before anything is saved */
static void konfig_fehler(const struct ib_config *cfg, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
static void konfig_fehler(const struct ib_config *cfg, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_error("%s, [karte]: %s — keine Karte, kein PDF geschrieben", cfg->path ? cfg->path : "Konfiguration", msg);
    exit(IB_EXIT_USAGE);
}

int kapitel_karte(struct docmodel_chapter *c, sqlite3 *db, const struct kapitel_gebiete *a,
                  const struct kapitel_indikator *ind)
{
    const struct ib_config *cfg = a->cfg;
    if (!cfg) return 0;
    char **liste = config_list(cfg, "karte:indikatoren", "", NULL);
    int wanted = 0;
    for (char **p = liste; *p && !wanted; p++) wanted = strcmp(*p, ind->id) == 0;
    config_list_free(liste);
    if (!wanted) return 0;

    int nklassen = config_int(cfg, "karte:klassen", 5);
    if (nklassen < 1 || nklassen > KLASSEN_MAX) {
        konfig_fehler(cfg, "klassen = %d, erlaubt sind 1 bis %d", nklassen, KLASSEN_MAX);
    }
    enum klassen_methode methode;
    const char *m = config_string(cfg, "karte:methode", "quantile");
    if (klassen_methode_parse(m, &methode) != 0) konfig_fehler(cfg, "methode = %s, erlaubt sind quantile und gleich", m);
    const char *pfad = config_string(cfg, "karte:geometrie", KARTE_GEOMETRIE);
    struct geo_karte geo;
    if (geo_laden(pfad, &geo) != 0) konfig_fehler(cfg, "die Kartengeometrie %s ist nicht lesbar (Meldung oben)", pfad);
    geo_projizieren(&geo);

    /* the latest year with a value for an area of the map */
    sqlite3_stmt *q = store_prepare(db, "SELECT gebiet, jahr, wert, geheim FROM indikator_wert WHERE indikator = ?"
                                        " ORDER BY jahr DESC");
    if (!q) { geo_free(&geo); return -1; }
    store_bind_text(q, 1, ind->id);
    int jahr = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (sqlite3_column_type(q, 2) == SQLITE_NULL || gebiet_index(&geo, store_column_text(q, 0)) < 0) continue;
        jahr = sqlite3_column_int(q, 1);
        break;
    }
    struct karte k;
    karte_init(&k, &geo);
    if (jahr) {
        sqlite3_reset(q);
        while (sqlite3_step(q) == SQLITE_ROW) {
            if (sqlite3_column_int(q, 1) != jahr) continue;
            long i = gebiet_index(&geo, store_column_text(q, 0));
            if (i < 0) continue;
            if (sqlite3_column_type(q, 2) != SQLITE_NULL) karte_setzen(&k, (size_t)i, KARTE_WERT, sqlite3_column_double(q, 2));
            else if (sqlite3_column_type(q, 3) != SQLITE_NULL) karte_setzen(&k, (size_t)i, KARTE_GEHEIM, NAN);
        }
    }
    sqlite3_finalize(q);
    int dez = ind->dezimalen < 0 ? 0 : ind->dezimalen > 3 ? 3 : ind->dezimalen;
    int rc = 0;
    if (!jahr || karte_klassifizieren(&k, nklassen, methode, dez) != 0) {
        char note[900];
        snprintf(note, sizeof note, "Keine Karte: für „%s“ liegen keine Werte je Kreis vor.", ind->titel);
        diag_warning("Indikator „%s“: keine Werte je Kreis, keine Karte ([karte] indikatoren)", ind->id);
        docmodel_note(c, note);
    } else {
        char titel[1200];
        int prozent = strcmp(ind->art, "anteil") == 0;
        snprintf(titel, sizeof titel, "%s%s%s%s", ind->titel, !prozent && *ind->einheit ? " (" : "",
                 prozent ? "" : ind->einheit, !prozent && *ind->einheit ? ")" : "");
        k.titel = titel;
        k.einheit = prozent ? " %" : NULL;
        k.jahr = jahr;
        long e = a->n ? gebiet_index(&geo, a->key[0]) : -1;
        k.eigen = e >= 0 ? geo.gebiete[e].ars : NULL;
        k.quelle = *ind->quelle ? ind->quelle : "eigene Berechnung";
        k.quellenvermerk = config_string(cfg, "karte:quellenvermerk", KARTE_BKG_QUELLENVERMERK);
        k.lizenz = config_string(cfg, "karte:lizenz", KARTE_LIZENZ);
        k.kennung = ind->id;
        /* simplified for the widest map a page gives (the narrow margins) */
        double s = pdfmap_massstab(&k, PDFMAP_BREITE_MAX, 0);
        if (s > 0) geo_vereinfachen(&geo, TOLERANZ_PT / s);
        docmodel_karte(c, &k);
    }
    karte_free(&k);
    geo_free(&geo);
    return rc;
}
