/*
 * massnahmen.c — compute part for the measure list.
 *
 * From the current deliveries (superseded ones left out) it derives:
 *   gruppe           the Terminierung groups in chronological order: laufend
 *                    first, then one group per year a deadline falls in,
 *                    „ohne Terminierung“ last — the years come from the data;
 *                    labels from [terminierung] (Kurz-/Mittel-/Langfristige
 *                    Maßnahmen by the horizon years).
 *   massnahme_folge  every Maßnahme in report order: by the end of its period,
 *                    then as delivered (file name, row), so measures of one
 *                    Handlungsfeld stay together as in Anhang 6.
 *   handlungsfeld    in order of first appearance, with counts.
 *   uebersicht       counts per Handlungsfeld × group.
 */
#include "compute.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/store.h"
#include "lib/terminierung.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    sqlite3_int64 id;
    int gruppe_jahr;
    long sort;              /* YYYYMMDD of the period end; 0 laufend; 99999999 ohne */
    long input;             /* position as delivered */
};

struct horizonte {
    int kurz, mittel, lang;
};

static int cmp_items(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    if (x->sort != y->sort) return x->sort < y->sort ? -1 : 1;
    return x->input < y->input ? -1 : x->input > y->input;
}

/* Replace „{jahr}“ in the template by the year. */
static void fill_label(char *out, size_t size, const char *tmpl, int jahr)
{
    const char *p = strstr(tmpl, "{jahr}");
    if (!p) { snprintf(out, size, "%s", tmpl); return; }
    snprintf(out, size, "%.*s%d%s", (int)(p - tmpl), tmpl, jahr, p + 6);
}

/*
 * gruppe_label — the label of a group (see the [terminierung] keys in
 * README.md): laufend, ohne, or by the horizon the year falls in.
 */
static void gruppe_label(const struct ib_config *cfg, const struct horizonte *h, int jahr,
                         char *out, size_t size)
{
    if (jahr == 0)
        fill_label(out, size, config_string(cfg, "terminierung:label_laufend", "Laufende Maßnahmen"), 0);
    else if (jahr == TERMINIERUNG_GRUPPE_OHNE)
        fill_label(out, size, config_string(cfg, "terminierung:label_ohne", "ohne Terminierung"), 0);
    else if (jahr <= h->kurz)
        fill_label(out, size, config_string(cfg, "terminierung:label_kurzfristig",
                                            "Kurzfristige Maßnahmen (bis {jahr})"), jahr);
    else if (jahr <= h->mittel)
        fill_label(out, size, config_string(cfg, "terminierung:label_mittelfristig",
                                            "Mittelfristige Maßnahmen (bis {jahr})"), jahr);
    else
        fill_label(out, size, config_string(cfg, "terminierung:label_langfristig",
                                            "Langfristige Maßnahmen (bis {jahr})"), jahr);
}

int compute_massnahmen(const struct ib_config *cfg, sqlite3 *db)
{
    int berichtsjahr = config_int(cfg, "bericht:berichtsjahr", 2024);
    struct horizonte h = {
        config_int(cfg, "terminierung:kurzfristig_bis", berichtsjahr + 1),
        config_int(cfg, "terminierung:mittelfristig_bis", berichtsjahr + 3),
        config_int(cfg, "terminierung:langfristig_bis", berichtsjahr + 6),
    };
    if (!(h.kurz <= h.mittel && h.mittel <= h.lang)) {
        diag_error("Konfiguration %s: [terminierung] kurzfristig_bis ≤ mittelfristig_bis ≤ langfristig_bis verletzt",
                   cfg->path);
        return IB_EXIT_USAGE;
    }

    sqlite3_stmt *q = store_prepare(db,
        "SELECT m.id, m.terminierung_kind, m.terminierung_ende, m.horizont"
        "  FROM massnahme m JOIN source_file s ON s.id = m.source_file_id"
        " WHERE s.superseded_by IS NULL ORDER BY s.name, s.id, m.row_number");
    if (!q) return IB_EXIT_STORE;
    size_t n = 0, cap = 1024;
    struct item *items = xmalloc(sizeof *items * cap);
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (n == cap) { cap *= 2; items = xrealloc(items, sizeof *items * cap); }
        struct item *it = &items[n];
        it->id = sqlite3_column_int64(q, 0);
        it->input = (long)n;
        const char *kind = store_column_text(q, 1);
        const char *ende = store_column_text(q, 2);
        if (strcmp(kind, "laufend") == 0) {
            it->gruppe_jahr = 0;
            it->sort = 0;
        } else if (strcmp(kind, "termin") == 0 && strlen(ende) == 10) {
            int y = atoi(ende), m = atoi(ende + 5), d = atoi(ende + 8);
            it->gruppe_jahr = y;
            it->sort = (long)y * 10000 + m * 100 + d;
        } else if (strcmp(kind, "frist") == 0) {
            int hz = sqlite3_column_int(q, 3);
            int y = hz == HORIZONT_KURZ ? h.kurz : hz == HORIZONT_MITTEL ? h.mittel : h.lang;
            it->gruppe_jahr = y;
            it->sort = (long)y * 10000 + 1231;
        } else {
            it->gruppe_jahr = TERMINIERUNG_GRUPPE_OHNE;
            it->sort = 99999999L;
        }
        n++;
    }
    if (sqlite3_errcode(db) != SQLITE_DONE && sqlite3_errcode(db) != SQLITE_OK) {
        store_error(db, "Maßnahmen lesen");
        sqlite3_finalize(q);
        free(items);
        return IB_EXIT_STORE;
    }
    sqlite3_finalize(q);
    qsort(items, n, sizeof *items, cmp_items);

    int rc = IB_EXIT_STORE;
    sqlite3_stmt *ins_folge = NULL, *ins_gruppe = NULL;
    if (store_exec(db, "DELETE FROM uebersicht; DELETE FROM massnahme_folge; DELETE FROM gruppe;"
                       " DELETE FROM handlungsfeld;") != 0)
        goto done;
    ins_gruppe = store_prepare(db, "INSERT INTO gruppe(jahr, position, label, anzahl) VALUES (?,?,?,?)");
    ins_folge = store_prepare(db,
        "INSERT INTO massnahme_folge(position, massnahme_id, gruppe_jahr) VALUES (?,?,?)");
    if (!ins_gruppe || !ins_folge) goto done;
    /* groups first (foreign key), then the measures in order */
    int position = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && items[j].gruppe_jahr == items[i].gruppe_jahr) j++;
        char label[256];
        gruppe_label(cfg, &h, items[i].gruppe_jahr, label, sizeof label);
        sqlite3_reset(ins_gruppe);
        sqlite3_bind_int(ins_gruppe, 1, items[i].gruppe_jahr);
        sqlite3_bind_int(ins_gruppe, 2, ++position);
        store_bind_text(ins_gruppe, 3, label);
        sqlite3_bind_int64(ins_gruppe, 4, (sqlite3_int64)(j - i));
        if (sqlite3_step(ins_gruppe) != SQLITE_DONE) { store_error(db, "Gruppe"); goto done; }
        i = j;
    }
    for (size_t i = 0; i < n; i++) {
        sqlite3_reset(ins_folge);
        sqlite3_bind_int64(ins_folge, 1, (sqlite3_int64)i + 1);
        sqlite3_bind_int64(ins_folge, 2, items[i].id);
        sqlite3_bind_int(ins_folge, 3, items[i].gruppe_jahr);
        if (sqlite3_step(ins_folge) != SQLITE_DONE) { store_error(db, "Reihenfolge"); goto done; }
    }
    sqlite3_stmt *hf = store_prepare(db,
        "INSERT INTO handlungsfeld(position, name, label, anzahl)"
        " SELECT row_number() OVER (ORDER BY min(f.position)), m.handlungsfeld,"
        "        CASE m.handlungsfeld WHEN '' THEN ?1 ELSE m.handlungsfeld END, count(*)"
        "   FROM massnahme_folge f JOIN massnahme m ON m.id = f.massnahme_id"
        "  GROUP BY m.handlungsfeld");
    if (!hf) goto done;
    store_bind_text(hf, 1, config_string(cfg, "massnahmen:label_ohne_handlungsfeld", "ohne Handlungsfeld"));
    int hf_ok = sqlite3_step(hf) == SQLITE_DONE;
    sqlite3_finalize(hf);
    if (!hf_ok) { store_error(db, "Handlungsfelder"); goto done; }
    if (store_exec(db,
            "INSERT INTO uebersicht(handlungsfeld, gruppe_jahr, anzahl)"
            " SELECT m.handlungsfeld, f.gruppe_jahr, count(*)"
            "   FROM massnahme_folge f JOIN massnahme m ON m.id = f.massnahme_id"
            "  GROUP BY m.handlungsfeld, f.gruppe_jahr;") != 0)
        goto done;
    char massnahmen[48];
    diag_info("%s in %d Terminierungsgruppen geordnet",
              format_menge(massnahmen, sizeof massnahmen, (long)n, "Maßnahme", "Maßnahmen"), position);
    rc = IB_EXIT_OK;
done:
    sqlite3_finalize(ins_gruppe);
    sqlite3_finalize(ins_folge);
    free(items);
    return rc;
}
