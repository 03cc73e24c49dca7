/*
 * render_pdf.c — ibericht-render-pdf: store → out/massnahmen_chronologisch.pdf
 * (libharu).
 *
 * The chronological measure list as in Anhang 6 of the Wesermarsch
 * Integrationskonzept 2024: A4 landscape, a title block, one section per
 * Terminierung group in chronological order, each a table
 * Handlungsfeld | Teilziel | Maßnahme | Terminierung.  Repeated Handlungsfeld
 * and Teilziel cells are merged as in the original; long texts wrap inside
 * their cells (real font metrics); headings stay with their table; rows are
 * not cut across pages (see pdftable.h).  Bookmarks per group, footer with
 * report date and „Seite x von y“, embedded TrueType font, document info.
 * The list is the chapter kapitel_massnahmenliste (kapitel_massnahmen.c),
 * the same one the Integrationsbericht's Anhang shows; the PDF writer is
 * lib/docpdf.h.
 *
 * Exit codes: 0, 2 configuration, 4 store, 5 output.
 */
#include "kapitel.h"
#include "lib/config.h"
#include "lib/berichtpdf.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/umsetzung.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    const char *kommune = config_string(cfg, "bericht:kommune", "");
    const char *titel = config_string(cfg, "bericht:titel", "Integrationsbericht");
    const char *listentitel = config_string(cfg, "massnahmenliste:titel",
                                            "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge");
    char stand[64], line[512], doc_title[600], fuss[512];
    if (!bericht_stand(cfg, NULL, stand, sizeof stand)) return IB_EXIT_USAGE;

    long n_folge = store_count(db, "SELECT count(*) FROM massnahme_folge");
    if (n_folge <= 0) {           /* a job without a measure list (indicators, survey) */
        if (n_folge == 0)
            diag_info("keine Maßnahmen im Datenbestand: %s nicht geschrieben",
                      config_string(cfg, "massnahmenliste:pdf", "massnahmen_chronologisch.pdf"));
        return n_folge == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    }
    if (berichtpdf_fonts_readable(cfg) != 0) return IB_EXIT_USAGE;
    long n_gruppen = store_count(db, "SELECT count(*) FROM gruppe");
    if (n_gruppen < 0) return IB_EXIT_STORE;
    const char *zeitraum = config_string(cfg, "bericht:berichtszeitraum", NULL);
    if (zeitraum && !*zeitraum) zeitraum = NULL;
    char massnahmen[48], gruppen[48];
    snprintf(line, sizeof line, "%s in %s nach Terminierung%s%s · %s",
             format_menge(massnahmen, sizeof massnahmen, n_folge, "Maßnahme", "Maßnahmen"),
             format_menge(gruppen, sizeof gruppen, n_gruppen, "Gruppe", "Gruppen"), zeitraum ? " · Zeitraum " : "",
             zeitraum ? zeitraum : "", stand);
    snprintf(doc_title, sizeof doc_title, "%s – %s", titel, listentitel);
    snprintf(fuss, sizeof fuss, "%s%s%s", kommune, *kommune ? " · " : "", titel);

    struct docmodel *m = docmodel_new();
    berichtpdf_frame(cfg, m, NULL, doc_title, listentitel, line, stand, fuss, listentitel,
                     "Integrationsbericht, Maßnahmen, Terminierung");
    struct docmodel_chapter *c = docmodel_chapter_add(m, NULL, 1);
    int rc = kapitel_massnahmenliste(c, cfg, db, NULL, NULL) < 0 ? IB_EXIT_STORE : IB_EXIT_OK;
    if (rc == IB_EXIT_OK) rc = berichtpdf_write(cfg, m, config_string(cfg, "massnahmenliste:pdf", "massnahmen_chronologisch.pdf"));
    docmodel_free(m);
    return rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-pdf", "Schreibt die chronologische Maßnahmenliste als PDF.", argc, argv, STORE_READ, render);
}
