/*
 * render_html.c — ibericht-render-html: the HTML edition of the
 * Integrationsbericht, out/html/ (a static site: index.html with the table
 * of contents, one page per chapter, a CSV file for every table, inline SVG
 * charts, a local style sheet; no JavaScript, no external requests).
 *
 * Same content as integrationsbericht.pdf: the model is built by the same
 * functions as the PDF's (docmodel_vorlage with kapitel_bericht_fuellen,
 * kapitel.h) and written by the HTML writer of the model (htmldoc.h).  The
 * full report only; the committee and area editions are print editions.
 *
 * Configuration: [dokument] vorlage (without it nothing is written, as for
 * the PDF); [html] ausgabe = ja | nein (default ja), [html] ordner (default
 * html, inside the out folder).  The site is swapped in whole (htmlout.h):
 * a failed run leaves the previous edition.
 *
 * Exit codes: 0, 2 configuration (template, ausgabe neither ja nor nein),
 * 4 store, 5 output.
 */
#include "kapitel.h"
#include "lib/config.h"
#include "lib/diag.h"
#include "lib/docmodel.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/htmldoc.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/umsetzung.h"
#include "lib/vorlage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    const char *ausgabe = config_string(cfg, "html:ausgabe", "ja");
    if (strcmp(ausgabe, "nein") == 0) return IB_EXIT_OK;
    if (strcmp(ausgabe, "ja") != 0) {
        diag_error("%s: [html] ausgabe = „%s“: erlaubt sind ja und nein", cfg->path, ausgabe);
        return IB_EXIT_USAGE;
    }
    const char *pfad = config_string(cfg, "dokument:vorlage", NULL);
    if (!pfad) return IB_EXIT_OK;
    const char *ordner = config_string(cfg, "html:ordner", "html");
    if (strchr(ordner, '/') || ordner[0] == '.') {
        diag_error("%s: [html] ordner = „%s“: ein Ordnername im Ausgabeordner, ohne / und nicht mit . beginnend",
                   cfg->path, ordner);
        return IB_EXIT_USAGE;
    }
    struct vorlage v;
    if (vorlage_load(pfad, &v) != 0) return IB_EXIT_USAGE;
    char stand[64];
    if (!bericht_stand(cfg, v.stand, stand, sizeof stand)) {
        vorlage_free(&v);
        return IB_EXIT_USAGE;
    }
    struct kapitel_bericht b = { cfg, db, { { 0 }, { 0 }, 0, NULL }, stand, 1 };
    kapitel_gebiete_laden(cfg, db, &b.gebiete);
    struct docmodel *m = docmodel_new();
    int rc = docmodel_vorlage(m, &v, NULL, stand, kapitel_bericht_fuellen, &b) == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    char *target = path_join(cfg->out, ordner);
    struct htmldoc_result res;
    if (rc == IB_EXIT_OK) rc = htmldoc_write(m, target, &res) == 0 ? IB_EXIT_OK : IB_EXIT_OUTPUT;
    if (rc == IB_EXIT_OK) {
        char seiten[48], tabellen[48], diagramme[48], karten[48];
        diag_info("%s/ geschrieben (%s, %s mit CSV-Datei, %s, %s)", target,
                  format_menge(seiten, sizeof seiten, res.pages, "Seite", "Seiten"),
                  format_menge(tabellen, sizeof tabellen, res.tables, "Tabelle", "Tabellen"),
                  format_menge(diagramme, sizeof diagramme, res.charts, "Diagramm", "Diagramme"),
                  format_menge(karten, sizeof karten, res.maps, "Karte", "Karten"));
    }
    free(target);
    docmodel_free(m);
    kapitel_gebiete_free(&b.gebiete);
    vorlage_free(&v);
    return rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-html",
                      "Schreibt die HTML-Ausgabe des Integrationsberichts (statische Seiten, CSV je Tabelle).",
                      argc, argv, STORE_READ, render);
}
