/*
 * kapitel_massnahmen.c — the chronological measure list as a chapter of
 * the document model, shared by render-pdf (massnahmen_chronologisch.pdf)
 * and the Integrationsbericht (see kapitel.h).
 */
#include "kapitel.h"
#include "lib/format.h"
#include "lib/store.h"

#include <stdio.h>
#include <string.h>

long kapitel_massnahmenliste(struct docmodel_chapter *c, const struct ib_config *cfg, sqlite3 *db,
                             const struct vorlage_kapitel *k, const struct vorlage_ausgabe *a)
{
    int alle = !k || k->n_handlungsfelder == 0;
    sqlite3_stmt *q = store_prepare(db,
        "SELECT f.gruppe_jahr, g.label, m.handlungsfeld, m.teilziel, m.massnahme, m.terminierung_text, m.herkunft"
        "  FROM massnahme_folge f JOIN massnahme m ON m.id = f.massnahme_id JOIN gruppe g ON g.jahr = f.gruppe_jahr"
        " ORDER BY f.position");
    if (!q) return -1;
    static const struct docmodel_column cols_alle[] = {
        { "Handlungsfeld", 0.19, DOCMODEL_LEFT }, { "Teilziel", 0.23, DOCMODEL_LEFT },
        { "Maßnahme", 0.46, DOCMODEL_LEFT }, { "Terminierung", 0.12, DOCMODEL_LEFT } };
    static const struct docmodel_column cols_feld[] = {
        { "Teilziel", 0.30, DOCMODEL_LEFT }, { "Maßnahme", 0.54, DOCMODEL_LEFT }, { "Terminierung", 0.16, DOCMODEL_LEFT } };
    /* the legend of the highlighted rows comes first: count them */
    long herkunft = 0;
    while (sqlite3_step(q) == SQLITE_ROW)
        if (*store_column_text(q, 6) && (!k || vorlage_handlungsfeld_gilt(k, a, store_column_text(q, 2)))) herkunft++;
    sqlite3_reset(q);
    if (herkunft)
        docmodel_legend(c, docmodel_printf(c->model, "Blau hinterlegt: %s",
                                           config_string(cfg, "massnahmen:herkunft_legende",
                                                         "Ergänzung der Kommunalen Migrationsvertretung")), 1);
    struct docmodel_table *t = NULL;
    int kopf = -1;                 /* index of the group's heading: a block pointer would go stale
                                      when the chapter's block array grows (docmodel.c) */
    const char *label = "";
    long n = 0, in_gruppe = 0;
    int gruppe = -1;
    char prev_hf[1024] = "", prev_tz[1024] = "", anzahl[48];
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *hf = store_column_text(q, 2);
        if (k && !vorlage_handlungsfeld_gilt(k, a, hf)) continue;
        const char *cells_all[4] = { hf, store_column_text(q, 3), store_column_text(q, 4), store_column_text(q, 5) };
        const char *const *cells = alle ? cells_all : cells_all + 1;
        unsigned repeat = 0;
        if (sqlite3_column_int(q, 0) != gruppe) {
            if (kopf >= 0)
                c->blocks[kopf].text = docmodel_printf(c->model, "%s – %s", label,
                                                       format_menge(anzahl, sizeof anzahl, in_gruppe, "Maßnahme", "Maßnahmen"));
            gruppe = sqlite3_column_int(q, 0);
            label = docmodel_strdup(c->model, store_column_text(q, 1));
            docmodel_heading(c, 2, label);
            kopf = c->nblocks - 1;
            t = docmodel_table(c, alle ? cols_alle : cols_feld, alle ? 4 : 3);
            in_gruppe = 0;
            prev_hf[0] = prev_tz[0] = '\0';
        } else if (alle) {
            if (hf[0] && strcmp(hf, prev_hf) == 0) {
                repeat |= 1u;
                if (cells[1][0] && strcmp(cells[1], prev_tz) == 0) repeat |= 2u;
            }
        } else if (cells[0][0] && strcmp(cells[0], prev_tz) == 0 && strcmp(hf, prev_hf) == 0) {
            repeat |= 1u;
        }
        docmodel_row(t, cells, repeat, *store_column_text(q, 6) != '\0');      /* origin mark: highlighted */
        snprintf(prev_hf, sizeof prev_hf, "%s", hf);
        snprintf(prev_tz, sizeof prev_tz, "%s", cells_all[1]);
        n++;
        in_gruppe++;
    }
    if (kopf >= 0)
        c->blocks[kopf].text = docmodel_printf(c->model, "%s – %s", label,
                                               format_menge(anzahl, sizeof anzahl, in_gruppe, "Maßnahme", "Maßnahmen"));
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        store_error(db, "Maßnahmen lesen");
        return -1;
    }
    if (!n) docmodel_paragraph(c, "Im Datenbestand sind für dieses Kapitel keine Maßnahmen.");
    return n;
}
