/*
 * indikatoren.c — compute part for the indicators per Handlungsfeld.
 *
 * Loads the catalogue named by [indikatoren] katalog (katalog.h; errors are
 * reported with file and key before anything is computed), reads the
 * current observations of the datasets it uses from the store, computes
 * every indicator with indikator.h (values per area and year, Geheimhaltung,
 * change, trend, target attainment, status) and writes the derived tables
 * katalog_handlungsfeld, katalog_indikator, indikator_wert,
 * indikator_stand and indikator_abdeckung.  Without a catalogue the tables
 * are emptied and nothing else happens.
 *
 * Config [indikatoren]: katalog (path), gebiet (the area the report is
 * about, e.g. K03461 — coverage is counted for it), berichtsjahr (default
 * [bericht] berichtsjahr), schwelle_nullen (ja: zeros count as small cells).
 */
#include "compute.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/indikator.h"
#include "lib/katalog.h"
#include "lib/store.h"
#include "lib/strmap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reihe_texte {
    char *indikator, *gebiet, *gebiet_name, *merkmale, *einheit;
};

static int uses_dataset(const struct katalog *k, const char *id)
{
    for (int i = 0; i < k->nindikatoren; i++) {
        const struct katalog_indikator *ind = &k->indikatoren[i];
        const struct katalog_reihe *r[4] = { &ind->wert, &ind->zaehler, &ind->nenner, &ind->reihe };
        for (int j = 0; j < 4; j++)
            if (r[j]->datensatz && strcmp(r[j]->datensatz, id) == 0) return 1;
    }
    return 0;
}

/* The series texts of the datasets the catalogue uses, loaded once;
 * index maps reihe.id → position. */
static int load_series(sqlite3 *db, const struct katalog *k, struct reihe_texte **out, size_t *nout,
                       struct strmap *index)
{
    sqlite3_stmt *q = store_prepare(db, "SELECT id, indikator, gebiet, gebiet_name, merkmale, einheit FROM reihe ORDER BY id");
    if (!q) return -1;
    size_t nr = 0, capr = 256;
    struct reihe_texte *reihen = xcalloc(capr, sizeof *reihen);
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *ind = store_column_text(q, 1);
        if (!uses_dataset(k, ind)) continue;
        if (nr == capr) { capr *= 2; reihen = xrealloc(reihen, capr * sizeof *reihen); }
        struct reihe_texte *r = &reihen[nr];
        r->indikator = xstrdup(ind);
        r->gebiet = xstrdup(store_column_text(q, 2));
        r->gebiet_name = xstrdup(store_column_text(q, 3));
        r->merkmale = xstrdup(store_column_text(q, 4));
        r->einheit = xstrdup(store_column_text(q, 5));
        char key[32];
        int n = snprintf(key, sizeof key, "%lld", (long long)sqlite3_column_int64(q, 0));
        strmap_put(index, key, (size_t)n, (int64_t)nr);
        nr++;
    }
    sqlite3_finalize(q);
    *out = reihen;
    *nout = nr;
    return 0;
}

/* The current observations of up to four datasets (one indicator's
 * inputs) into *beob (reused buffer, *cap its capacity), their beobachtung
 * ids into *ids; dataset d lands in [von[d], bis[d]) (empty for a repeat).
 * Observations suppressed in the raw data (*geheim) get their status.
 * Returns the count or -1.  Memory stays at one indicator's inputs,
 * whatever the store holds. */
static long load_inputs(sqlite3_stmt *q, const char *const ds[4], const struct reihe_texte *reihen,
                        const struct strmap *index, const struct strmap *geheim, char *const *dateien, size_t ndateien,
                        struct indikator_beobachtung **beob, int64_t **ids, size_t *cap, size_t von[4], size_t bis[4])
{
    size_t nb = 0;
    for (int d = 0; d < 4; d++) {
        von[d] = bis[d] = nb;
        if (!ds[d]) continue;
        int dup = 0;
        for (int e = 0; e < d; e++) dup |= ds[e] && strcmp(ds[e], ds[d]) == 0;
        if (dup) continue;
        sqlite3_reset(q);
        store_bind_text(q, 1, ds[d]);
        while (sqlite3_step(q) == SQLITE_ROW) {
            char key[32];
            int n = snprintf(key, sizeof key, "%lld", (long long)sqlite3_column_int64(q, 0));
            int64_t ri;
            if (!strmap_get(index, key, (size_t)n, &ri)) continue;
            if (nb == *cap) {
                *cap = *cap ? *cap * 2 : 4096;
                *beob = xrealloc(*beob, *cap * sizeof **beob);
                *ids = xrealloc(*ids, *cap * sizeof **ids);
            }
            const struct reihe_texte *r = &reihen[ri];
            (*ids)[nb] = sqlite3_column_int64(q, 4);
            struct indikator_beobachtung *o = &(*beob)[nb++];
            memset(o, 0, sizeof *o);
            o->indikator = r->indikator;
            o->jahr = sqlite3_column_int(q, 1);
            o->gebiet = r->gebiet;
            o->gebiet_name = r->gebiet_name;
            o->merkmale = r->merkmale;
            o->einheit = r->einheit;
            sqlite3_int64 sf = sqlite3_column_int64(q, 5);
            o->datei = sf >= 0 && (size_t)sf < ndateien ? dateien[sf] : NULL;
            o->zeile = (long)sqlite3_column_int64(q, 6);
            if (sqlite3_column_type(q, 2) != SQLITE_NULL) {
                o->wert = sqlite3_column_double(q, 2);      /* „–“ is stored as the value 0 */
                o->symbol = WERTE_SYMBOL_KEINES;
            } else {
                enum werte_symbol sym = WERTE_SYMBOL_KEINES;
                if (werte_symbol_parse(store_column_text(q, 3), &sym) != 1) sym = WERTE_SYMBOL_KEINES;
                o->wert = NAN;
                o->symbol = sym;
            }
            if (geheim->count) {
                int64_t st;
                n = snprintf(key, sizeof key, "%lld", (long long)(*ids)[nb - 1]);
                if (strmap_get(geheim, key, (size_t)n, &st)) o->geheim = (enum geheimhaltung_status)st;
            }
        }
        bis[d] = nb;
    }
    return (long)nb;
}

/*
 * Geheimhaltung of the raw observations of one dataset, the first time an
 * indicator loads it: if an indicator with schwelle > 0 uses it as counts
 * (indikator_datensatz_schwelle), suppress its observations b[0..n) as a
 * whole (indikator_rohdaten_schuetzen: area hierarchy, gebiet_gesamt,
 * Merkmale with a total), mark them in b, remember the suppressed ids in
 * *geheim for later indicators and record datensatz_schutz /
 * beobachtung_geheim for the renderers.  A dataset that cannot be protected
 * is recorded with bis_id 0: every observation of it is then printed as „.“
 * (fail closed).  Returns 0, 1 (the dataset failed, reported) or -1 (store).
 */
static int schuetzen(sqlite3 *db, sqlite3_stmt *ds_ins, sqlite3_stmt *b_ins, const struct katalog *k,
                     const char *datensatz, struct indikator_beobachtung *b, const int64_t *ids, size_t n,
                     const struct geheimhaltung_optionen *gh, struct strmap *geheim)
{
    unsigned schwelle = indikator_datensatz_schwelle(k, datensatz);
    if (schwelle == 0) return 0;
    enum geheimhaltung_status *st = xcalloc(n + 1, sizeof *st);
    int failed = indikator_rohdaten_schuetzen(k, datensatz, b, n, gh, st) < 0;
    sqlite3_reset(ds_ins);
    store_bind_text(ds_ins, 1, datensatz);
    sqlite3_bind_int(ds_ins, 2, (int)schwelle);
    sqlite3_bind_int(ds_ins, 3, failed ? 0 : 1);
    int rc = sqlite3_step(ds_ins) == SQLITE_DONE ? (failed ? 1 : 0) : -1;
    for (size_t j = 0; j < n && rc == 0; j++) {
        if (st[j] == GEHEIMHALTUNG_WERT) continue;
        b[j].geheim = st[j];
        char key[32];
        int len = snprintf(key, sizeof key, "%lld", (long long)ids[j]);
        strmap_put(geheim, key, (size_t)len, (int64_t)st[j]);
        sqlite3_reset(b_ins);
        sqlite3_bind_int64(b_ins, 1, ids[j]);
        store_bind_text(b_ins, 2, st[j] == GEHEIMHALTUNG_PRIMAER ? "primaer" : "sekundaer");
        if (sqlite3_step(b_ins) != SQLITE_DONE) rc = -1;
    }
    free(st);
    if (rc < 0) store_error(db, "Geheimhaltung der Rohdaten");
    return rc;
}

static const char *delta_name(enum indikator_delta d)
{
    switch (d) {
    case INDIKATOR_DELTA_PROZENTPUNKTE: return "prozentpunkte";
    case INDIKATOR_DELTA_PROZENT: return "prozent";
    default: return "absolut";
    }
}

static const char *status_key(enum indikator_status s)
{
    switch (s) {
    case INDIKATOR_BESSER: return "besser";
    case INDIKATOR_SCHLECHTER: return "schlechter";
    case INDIKATOR_UNVERAENDERT: return "unveraendert";
    case INDIKATOR_VERAENDERT: return "veraendert";
    default: return "ohne_vergleich";
    }
}

static void bind_real(sqlite3_stmt *st, int i, double v)
{
    if (isfinite(v)) sqlite3_bind_double(st, i, v); else sqlite3_bind_null(st, i);
}

static int write_catalogue(sqlite3 *db, const struct katalog *k, const struct indikator_ergebnis *erg)
{
    sqlite3_stmt *h = store_prepare(db, "INSERT INTO katalog_handlungsfeld(position, id, titel, leitsatz) VALUES (?,?,?,?)");
    sqlite3_stmt *i = store_prepare(db,
        "INSERT INTO katalog_indikator(position, id, titel, handlungsfeld, ziele, art, einheit, dezimalen, polaritaet,"
        " dimension, quelle, hinweis, nicht_erhoben, zielwert, zieljahr, fehler) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int ok = h && i;
    for (int n = 0; ok && n < k->nhandlungsfelder; n++) {
        sqlite3_reset(h);
        sqlite3_bind_int(h, 1, n + 1);
        store_bind_text(h, 2, k->handlungsfelder[n].id);
        store_bind_text(h, 3, k->handlungsfelder[n].titel);
        store_bind_text(h, 4, k->handlungsfelder[n].leitsatz);
        ok = sqlite3_step(h) == SQLITE_DONE;
    }
    for (int n = 0; ok && n < k->nindikatoren; n++) {
        const struct katalog_indikator *ind = &k->indikatoren[n];
        char ziele[512] = "";
        size_t len = 0;
        for (int z = 0; z < ind->nziele && len < sizeof ziele - 8; z++)
            len += (size_t)snprintf(ziele + len, sizeof ziele - len, "%s%s", z ? ", " : "", k->ziele[ind->ziele[z]].id);
        sqlite3_reset(i);
        sqlite3_bind_int(i, 1, n + 1);
        store_bind_text(i, 2, ind->id);
        store_bind_text(i, 3, ind->titel);
        sqlite3_bind_int(i, 4, ind->handlungsfeld + 1);
        store_bind_text(i, 5, ziele);
        store_bind_text(i, 6, katalog_art_name(ind->art));
        store_bind_text(i, 7, ind->einheit);
        sqlite3_bind_int(i, 8, ind->dezimalen);
        store_bind_text(i, 9, katalog_polaritaet_name(ind->polaritaet));
        store_bind_text(i, 10, katalog_dimension_name(ind->dimension));
        store_bind_text(i, 11, ind->quelle);
        store_bind_text(i, 12, ind->hinweis);
        sqlite3_bind_int(i, 13, ind->nicht_erhoben);
        if (ind->hat_zielwert) sqlite3_bind_double(i, 14, ind->zielwert); else sqlite3_bind_null(i, 14);
        if (ind->zieljahr) sqlite3_bind_int(i, 15, ind->zieljahr); else sqlite3_bind_null(i, 15);
        if (!erg[n].berechnet) store_bind_text(i, 16, erg[n].fehler ? erg[n].fehler : "Berechnung fehlgeschlagen");
        else sqlite3_bind_null(i, 16);
        ok = sqlite3_step(i) == SQLITE_DONE;
    }
    if (!ok) store_error(db, "Katalog");
    sqlite3_finalize(h);
    sqlite3_finalize(i);
    return ok ? 0 : -1;
}

static int write_results(sqlite3 *db, const struct katalog *k, const struct indikator_ergebnis *erg, int berichtsjahr)
{
    sqlite3_stmt *w = store_prepare(db,
        "INSERT INTO indikator_wert(indikator, gebiet, gebiet_name, jahr, wert, symbol, geheim, zaehler, nenner)"
        " VALUES (?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *s = store_prepare(db,
        "INSERT INTO indikator_stand(indikator, gebiet, gebiet_name, jahr, wert, vorjahr, vorwert, delta, delta_art,"
        " status, trend_steigung, trend_von, trend_bis, trend_status, ziel_erreichung, ziel_erreicht)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int ok = w && s;
    for (int n = 0; ok && n < k->nindikatoren; n++) {
        const struct katalog_indikator *ind = &k->indikatoren[n];
        const struct indikator_ergebnis *e = &erg[n];
        for (size_t r = 0; ok && r < e->nreihen; r++) {
            const struct indikator_reihe *rh = &e->reihen[r];
            for (size_t p = 0; ok && p < rh->npunkte; p++) {
                const struct indikator_punkt *pt = &rh->punkte[p];
                sqlite3_reset(w);
                store_bind_text(w, 1, ind->id);
                store_bind_text(w, 2, rh->gebiet);
                store_bind_text(w, 3, rh->gebiet_name);
                sqlite3_bind_int(w, 4, pt->jahr);
                if (pt->symbol == WERTE_SYMBOL_KEINES && isfinite(pt->wert)) {
                    sqlite3_bind_double(w, 5, pt->wert);
                    sqlite3_bind_null(w, 6);
                } else {
                    sqlite3_bind_null(w, 5);
                    store_bind_text(w, 6, werte_symbol_text(pt->symbol == WERTE_SYMBOL_KEINES ? WERTE_SYMBOL_UNBEKANNT
                                                                                            : pt->symbol));
                }
                if (pt->geheim == GEHEIMHALTUNG_PRIMAER) store_bind_text(w, 7, "primaer");
                else if (pt->geheim == GEHEIMHALTUNG_SEKUNDAER) store_bind_text(w, 7, "sekundaer");
                else sqlite3_bind_null(w, 7);
                bind_real(w, 8, pt->zaehler);
                bind_real(w, 9, pt->nenner);
                ok = sqlite3_step(w) == SQLITE_DONE;
            }
            if (!ok) break;
            struct indikator_vergleich v;
            struct indikator_trend t;
            struct indikator_ziel z;
            indikator_vergleichen(rh, ind, berichtsjahr, &v);
            int has_trend = indikator_trend(rh, ind, 0, berichtsjahr, &t) == 0;
            int has_ziel = ind->hat_zielwert && indikator_zielerreichung(rh, ind, berichtsjahr, &z) == 0;
            sqlite3_reset(s);
            store_bind_text(s, 1, ind->id);
            store_bind_text(s, 2, rh->gebiet);
            store_bind_text(s, 3, rh->gebiet_name);
            if (v.jahr) sqlite3_bind_int(s, 4, v.jahr); else sqlite3_bind_null(s, 4);
            bind_real(s, 5, v.wert);
            if (v.vorjahr) sqlite3_bind_int(s, 6, v.vorjahr); else sqlite3_bind_null(s, 6);
            bind_real(s, 7, v.vorwert);
            bind_real(s, 8, v.delta);
            store_bind_text(s, 9, delta_name(v.delta_art));
            store_bind_text(s, 10, status_key(v.status));
            if (has_trend) {
                bind_real(s, 11, t.steigung);
                sqlite3_bind_int(s, 12, t.von);
                sqlite3_bind_int(s, 13, t.bis);
                store_bind_text(s, 14, status_key(t.status));
            } else {
                for (int c = 11; c <= 14; c++) sqlite3_bind_null(s, c);
            }
            if (has_ziel) {
                bind_real(s, 15, z.erreichung);
                sqlite3_bind_int(s, 16, z.erreicht);
            } else {
                sqlite3_bind_null(s, 15);
                sqlite3_bind_null(s, 16);
            }
            ok = sqlite3_step(s) == SQLITE_DONE;
        }
    }
    if (!ok) store_error(db, "Indikatorwerte");
    sqlite3_finalize(w);
    sqlite3_finalize(s);
    return ok ? 0 : -1;
}

static int write_group(sqlite3_stmt *st, const struct katalog *k, int position, const char *ebene, const char *titel,
                       const char *gebiet, const struct indikator_abdeckung_gruppe *g)
{
    /* the titles as printed, for readers of the workbook ('; ': titles contain commas) */
    size_t cap = 1, len = 0;
    for (int i = 0; i < g->ohne_daten; i++) cap += strlen(k->indikatoren[g->ohne_daten_liste[i]].titel) + 2;
    char *liste = xmalloc(cap);
    liste[0] = '\0';
    for (int i = 0; i < g->ohne_daten; i++)
        len += (size_t)snprintf(liste + len, cap - len, "%s%s", i ? "; " : "",
                                k->indikatoren[g->ohne_daten_liste[i]].titel);
    sqlite3_reset(st);
    sqlite3_bind_int(st, 1, position);
    store_bind_text(st, 2, titel);
    store_bind_text(st, 3, gebiet);
    int vals[] = { g->indikatoren, g->nicht_erhoben, g->mit_daten, g->ohne_aktuelle_daten, g->ohne_daten,
                   g->besser, g->schlechter, g->unveraendert, g->veraendert, g->ohne_vergleich };
    for (int i = 0; i < 10; i++) sqlite3_bind_int(st, 4 + i, vals[i]);
    store_bind_text(st, 14, liste);
    free(liste);
    store_bind_text(st, 15, ebene);
    return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

static int write_coverage(sqlite3 *db, const struct katalog *k, const struct indikator_ergebnis *erg, int berichtsjahr,
                          const char *gebiet)
{
    struct indikator_abdeckung a;
    indikator_abdeckung(k, erg, berichtsjahr, gebiet, &a);
    sqlite3_stmt *st = store_prepare(db,
        "INSERT INTO indikator_abdeckung(position, titel, gebiet, indikatoren, nicht_erhoben, mit_daten,"
        " ohne_aktuelle_daten, ohne_daten, besser, schlechter, unveraendert, veraendert, ohne_vergleich,"
        " ohne_daten_liste, ebene) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const char *g = gebiet ? gebiet : "";
    int ok = st && write_group(st, k, 0, "gesamt", "Alle Handlungsfelder", g, &a.gesamt) == 0;
    for (int h = 0; ok && h < k->nhandlungsfelder; h++)
        ok = write_group(st, k, h + 1, "handlungsfeld", k->handlungsfelder[h].titel, g, &a.handlungsfelder[h]) == 0;
    for (int z = 0; ok && z < k->nziele; z++) {
        char titel[1024];
        snprintf(titel, sizeof titel, "Ziel %s: %s", k->ziele[z].id, *k->ziele[z].titel ? k->ziele[z].titel : k->ziele[z].text);
        ok = write_group(st, k, 1000 + z, "ziel", titel, g, &a.ziele[z]) == 0;
    }
    if (!ok) store_error(db, "Abdeckung");
    sqlite3_finalize(st);
    indikator_abdeckung_freigeben(k, &a);
    return ok ? 0 : -1;
}

int compute_indikatoren(const struct ib_config *cfg, sqlite3 *db)
{
    if (store_exec(db, "DELETE FROM katalog_handlungsfeld; DELETE FROM katalog_indikator; DELETE FROM indikator_wert;"
                       " DELETE FROM indikator_stand; DELETE FROM indikator_abdeckung; DELETE FROM datensatz_schutz;"
                       " DELETE FROM beobachtung_geheim;") != 0)
        return IB_EXIT_STORE;
    const char *pfad = config_string(cfg, "indikatoren:katalog", NULL);
    if (!pfad) return IB_EXIT_OK;
    struct katalog k;
    if (katalog_laden(pfad, &k) != 0) return IB_EXIT_USAGE;
    int berichtsjahr = config_int(cfg, "indikatoren:berichtsjahr", config_int(cfg, "bericht:berichtsjahr", 2024));
    const char *gebiet = config_string(cfg, "indikatoren:gebiet", NULL);
    struct geheimhaltung_optionen gh = { 0 };
    gh.nullen_schuetzen = strcmp(config_string(cfg, "indikatoren:schwelle_nullen", "nein"), "ja") == 0;

    struct reihe_texte *reihen = NULL;
    struct indikator_beobachtung *beob = NULL;
    size_t nreihen = 0, nbeob = 0, cap = 0;
    struct strmap index = { 0 };
    int rc = load_series(db, &k, &reihen, &nreihen, &index) == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    sqlite3_stmt *q = rc == IB_EXIT_OK ? store_prepare(db,
        "SELECT b.reihe_id, b.jahr, b.wert, b.symbol, b.id, b.source_file_id, b.row_number"
        "  FROM reihe r JOIN beobachtung b ON b.reihe_id = r.id"
        "  JOIN source_file s ON s.id = b.source_file_id"
        " WHERE r.indikator = ?1 AND s.superseded_by IS NULL") : NULL;
    if (rc == IB_EXIT_OK && !q) rc = IB_EXIT_STORE;
    /* file names for the messages (source_file.id → name) */
    char **dateien = NULL;
    size_t ndateien = 0;
    sqlite3_stmt *sf = rc == IB_EXIT_OK ? store_prepare(db, "SELECT id, name FROM source_file ORDER BY id") : NULL;
    while (sf && sqlite3_step(sf) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(sf, 0);
        if (id < 0 || id > 10000000) continue;
        if ((size_t)id >= ndateien) {
            size_t neu = (size_t)id + 64;
            dateien = xrealloc(dateien, neu * sizeof *dateien);
            memset(dateien + ndateien, 0, (neu - ndateien) * sizeof *dateien);
            ndateien = neu;
        }
        dateien[id] = xstrdup(store_column_text(sf, 1));
    }
    sqlite3_finalize(sf);
    /* the areas the reports print: computed for every indicator, duplicates there fail it */
    char **vergleich = config_list(cfg, "indikatoren:vergleich", "", NULL);
    size_t nv = 0;
    while (vergleich[nv]) nv++;
    const char **berichtsgebiete = xcalloc(nv + 2, sizeof *berichtsgebiete);
    size_t nbg = 0;
    if (gebiet && *gebiet) berichtsgebiete[nbg++] = gebiet;
    for (size_t v = 0; v < nv; v++) berichtsgebiete[nbg++] = vergleich[v];
    k.berichtsgebiete = berichtsgebiete;
    struct strmap geheim = { 0 }, geschuetzt = { 0 };
    int64_t *ids = NULL;
    /* bis_id 1 marks success: set to the store's largest id below */
    sqlite3_stmt *ds_ins = store_prepare(db, "INSERT INTO datensatz_schutz(indikator, schwelle, bis_id) VALUES (?,?,?)");
    sqlite3_stmt *b_ins = store_prepare(db, "INSERT INTO beobachtung_geheim(beobachtung_id, geheim) VALUES (?,?)");
    if (!ds_ins || !b_ins) rc = IB_EXIT_STORE;
    /* one indicator at a time, in the order references need */
    struct indikator_ergebnis *erg = xcalloc((size_t)(k.nindikatoren ? k.nindikatoren : 1), sizeof *erg);
    int failed = 0;
    for (int n = 0; rc == IB_EXIT_OK && n < k.nindikatoren; n++) {
        int i = k.reihenfolge[n];
        const struct katalog_indikator *ind = &k.indikatoren[i];
        const char *ds[4] = { ind->wert.datensatz, ind->zaehler.datensatz, ind->nenner.datensatz, ind->reihe.datensatz };
        size_t von[4], bis[4];
        long got = load_inputs(q, ds, reihen, &index, &geheim, dateien, ndateien, &beob, &ids, &cap, von, bis);
        if (got < 0) { rc = IB_EXIT_STORE; break; }
        for (int d = 0; d < 4 && rc == IB_EXIT_OK; d++) {
            int64_t seen;
            if (!ds[d] || bis[d] == von[d] || strmap_get(&geschuetzt, ds[d], strlen(ds[d]), &seen)) continue;
            strmap_put(&geschuetzt, ds[d], strlen(ds[d]), 1);
            int s = schuetzen(db, ds_ins, b_ins, &k, ds[d], beob + von[d], ids + von[d], bis[d] - von[d], &gh, &geheim);
            if (s < 0) rc = IB_EXIT_STORE;
            /* s > 0: reported; its indicators fail on the same counts */
        }
        if (rc != IB_EXIT_OK) break;
        nbeob += (size_t)got;
        indikator_berechnen(&k, i, beob, (size_t)got, &gh, erg);
    }
    sqlite3_finalize(q);
    sqlite3_finalize(ds_ins);
    sqlite3_finalize(b_ins);
    if (rc == IB_EXIT_OK &&
        store_exec(db, "UPDATE datensatz_schutz SET bis_id = (SELECT coalesce(max(id), 0) FROM beobachtung)"
                       " WHERE bis_id = 1") != 0)
        rc = IB_EXIT_STORE;
    /* a failed indicator is named, stored with its reason and makes compute exit 7 */
    char namen[1024] = "";
    for (int n = 0; n < k.nindikatoren; n++)
        if (!erg[n].berechnet) {
            failed++;
            size_t l = strlen(namen);
            if (l < sizeof namen - 80)
                snprintf(namen + l, sizeof namen - l, "%s%s", l ? ", " : "", k.indikatoren[n].id);
        }
    if (failed)
        diag_error("Katalog %s: Berechnung fehlgeschlagen für %d %s: %s (Gründe siehe oben) — die übrigen werden "
                   "berichtet, Exit-Code 7", pfad, failed, failed == 1 ? "Indikator" : "Indikatoren", namen);
    if (rc == IB_EXIT_OK && (write_catalogue(db, &k, erg) != 0 || write_results(db, &k, erg, berichtsjahr) != 0 ||
                             write_coverage(db, &k, erg, berichtsjahr, gebiet) != 0))
        rc = IB_EXIT_STORE;
    char werte[48];
    if (rc == IB_EXIT_OK)
        diag_info("%d Indikatoren aus %s berechnet (%s, Berichtsjahr %d)", k.nindikatoren, pfad,
                  format_menge(werte, sizeof werte, (long)nbeob, "Wert", "Werte"), berichtsjahr);
    indikator_ergebnisse_freigeben(erg, k.nindikatoren);
    for (size_t i = 0; i < nreihen; i++) {
        free(reihen[i].indikator);
        free(reihen[i].gebiet);
        free(reihen[i].gebiet_name);
        free(reihen[i].merkmale);
        free(reihen[i].einheit);
    }
    free(reihen);
    free(beob);
    strmap_free(&index);
    strmap_free(&geheim);
    strmap_free(&geschuetzt);
    free(ids);
    for (size_t d = 0; d < ndateien; d++) free(dateien[d]);
    free(dateien);
    free(berichtsgebiete);
    config_list_free(vergleich);
    if (rc == IB_EXIT_OK && failed) rc = IB_EXIT_BERECHNUNG;
    katalog_freigeben(&k);
    return rc;
}
