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
 *
 * Exit codes: 0, 2 configuration, 4 store, 5 output.
 */
#include "lib/config.h"
#include "lib/berichtpdf.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/pdfdoc.h"
#include "lib/pdftable.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/umsetzung.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct page_ctx {
    const char *running;     /* running header text */
};

static void running_header(struct pdfdoc *doc, void *p)
{
    struct page_ctx *ctx = p;
    if (doc->npages == 1) return;                  /* the first page has the title block */
    HPDF_Page_SetGrayFill(doc->page, 0.35);
    pdfdoc_text(doc, doc->regular, 8, doc->margin_left, doc->page_h - 28, ctx->running, strlen(ctx->running));
    HPDF_Page_SetGrayFill(doc->page, 0);
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    const char *kommune = config_string(cfg, "bericht:kommune", "");
    const char *titel = config_string(cfg, "bericht:titel", "Integrationsbericht");
    const char *listentitel = config_string(cfg, "massnahmenliste:titel",
                                            "Ziele und Maßnahmen nach Terminierung in chronologischer Reihenfolge");
    char running[512], stand[64], line[512];
    snprintf(running, sizeof running, "%s%s%s – %s", kommune, *kommune ? " · " : "", titel, listentitel);
    if (!bericht_stand(cfg, NULL, stand, sizeof stand)) return IB_EXIT_USAGE;

    long n_folge = store_count(db, "SELECT count(*) FROM massnahme_folge");
    if (n_folge <= 0) {           /* a job without a measure list (indicators, survey) */
        if (n_folge == 0)
            diag_info("keine Maßnahmen im Datenbestand: %s nicht geschrieben",
                      config_string(cfg, "massnahmenliste:pdf", "massnahmen_chronologisch.pdf"));
        return n_folge == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    }
    struct pdfdoc doc;
    if (berichtpdf_open(cfg, &doc, HPDF_PAGE_LANDSCAPE) != 0)
        return IB_EXIT_USAGE;
    struct page_ctx pctx = { running };
    doc.on_new_page = running_header;
    doc.on_new_page_ctx = &pctx;
    char doc_title[600];
    snprintf(doc_title, sizeof doc_title, "%s – %s", titel, listentitel);
    pdfdoc_set_info(&doc, doc_title, kommune, listentitel,
                    "Integrationsbericht, Maßnahmen, Terminierung", report_time());

    sqlite3_stmt *total = store_prepare(db,
        "SELECT count(*), (SELECT count(*) FROM gruppe),"
        "       (SELECT count(*) FROM massnahme_folge f JOIN massnahme m ON m.id = f.massnahme_id WHERE m.herkunft <> '')"
        "  FROM massnahme_folge");
    sqlite3_stmt *q = store_prepare(db,
        "SELECT f.gruppe_jahr, g.label, g.anzahl, m.handlungsfeld, m.teilziel, m.massnahme, m.terminierung_text,"
        "       m.herkunft"
        "  FROM massnahme_folge f JOIN massnahme m ON m.id = f.massnahme_id"
        "  JOIN gruppe g ON g.jahr = f.gruppe_jahr ORDER BY f.position");
    if (!total || !q || sqlite3_step(total) != SQLITE_ROW) {
        sqlite3_finalize(total);
        sqlite3_finalize(q);
        pdfdoc_close(&doc);
        return IB_EXIT_STORE;
    }
    long n_massnahmen = sqlite3_column_int64(total, 0);
    int n_gruppen = sqlite3_column_int(total, 1);
    int n_herkunft = sqlite3_column_int(total, 2);
    sqlite3_finalize(total);

    /* title block */
    pdfdoc_new_page(&doc);
    HPDF_Page_SetGrayFill(doc.page, 0.3);
    snprintf(line, sizeof line, "%s%s%s", kommune, *kommune ? " · " : "", titel);
    pdfdoc_paragraph(&doc, doc.regular, 11, line, 1);
    HPDF_Page_SetGrayFill(doc.page, 0);
    doc.y -= 4;
    pdfdoc_paragraph(&doc, doc.bold, 17, listentitel, 1);
    doc.y -= 4;
    const char *zeitraum = config_string(cfg, "bericht:berichtszeitraum", NULL);
    if (zeitraum && !*zeitraum) zeitraum = NULL;
    char massnahmen[48], gruppen[48];
    snprintf(line, sizeof line, "%s in %s nach Terminierung%s%s · %s",
             format_menge(massnahmen, sizeof massnahmen, n_massnahmen, "Maßnahme", "Maßnahmen"),
             format_menge(gruppen, sizeof gruppen, n_gruppen, "Gruppe", "Gruppen"), zeitraum ? " · Zeitraum " : "",
             zeitraum ? zeitraum : "", stand);
    pdfdoc_paragraph(&doc, doc.regular, 9, line, 1);
    doc.y -= 14;
    if (n_herkunft) {
        /* the legend of the highlighted rows, as the concept marks them */
        snprintf(line, sizeof line, "Blau hinterlegt: %s",
                 config_string(cfg, "massnahmen:herkunft_legende", "Ergänzung der Kommunalen Migrationsvertretung"));
        HPDF_Page_SetRGBFill(doc.page, 0.86f, 0.92f, 0.98f);
        HPDF_Page_Rectangle(doc.page, (HPDF_REAL)doc.margin_left, (HPDF_REAL)(doc.y - 11), 14, 10);
        HPDF_Page_Fill(doc.page);
        HPDF_Page_SetGrayFill(doc.page, 0);
        doc.margin_left += 20;
        pdfdoc_paragraph(&doc, doc.regular, 9, line, 1);
        doc.margin_left -= 20;
        doc.y -= 6;
    }

    static const struct pdftable_column cols[] = {
        { "Handlungsfeld", 0.19 }, { "Teilziel", 0.23 }, { "Maßnahme", 0.46 }, { "Terminierung", 0.12 },
    };
    struct pdftable table;
    pdftable_init(&table, &doc, cols, 4, 8.5);
    int gruppe = -1, in_table = 0;
    char prev_hf[1024] = "", prev_tz[1024] = "";
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *cells[4] = { store_column_text(q, 3), store_column_text(q, 4),
                                 store_column_text(q, 5), store_column_text(q, 6) };
        int repeat[4] = { 0 };
        if (sqlite3_column_int(q, 0) != gruppe) {
            if (in_table) pdftable_end(&table);
            gruppe = sqlite3_column_int(q, 0);
            char anzahl[48];
            snprintf(line, sizeof line, "%s – %s", store_column_text(q, 1),
                     format_menge(anzahl, sizeof anzahl, (long)sqlite3_column_int64(q, 2), "Maßnahme", "Maßnahmen"));
            double heading = pdfdoc_paragraph(&doc, doc.bold, 12, line, 0) + 8;
            if (in_table) heading += 12;
            if (doc.y - heading - pdftable_start_height(&table, cells) < pdfdoc_bottom(&doc))
                pdfdoc_new_page(&doc);
            else if (in_table)
                doc.y -= 12;
            pdfdoc_outline(&doc, NULL, store_column_text(q, 1));
            pdfdoc_paragraph(&doc, doc.bold, 12, line, 1);
            doc.y -= 8;
            pdftable_header(&table);
            in_table = 1;
            prev_hf[0] = prev_tz[0] = '\0';
        } else {
            repeat[0] = cells[0][0] && strcmp(cells[0], prev_hf) == 0;
            repeat[1] = repeat[0] && cells[1][0] && strcmp(cells[1], prev_tz) == 0;
        }
        table.row_fill = *store_column_text(q, 7) ? 0xDCEBFA : 0;    /* origin mark: highlighted */
        pdftable_row(&table, cells, repeat);
        table.row_fill = 0;
        snprintf(prev_hf, sizeof prev_hf, "%s", cells[0]);
        snprintf(prev_tz, sizeof prev_tz, "%s", cells[1]);
    }
    if (in_table) pdftable_end(&table);
    int rc = sqlite3_errcode(db) == SQLITE_DONE || sqlite3_errcode(db) == SQLITE_OK ? IB_EXIT_OK : IB_EXIT_STORE;
    if (rc != IB_EXIT_OK) store_error(db, "Maßnahmen lesen");
    sqlite3_finalize(q);
    pdftable_free(&table);

    snprintf(line, sizeof line, "%s%s%s", kommune, *kommune ? " · " : "", titel);
    pdfdoc_footers(&doc, stand, line);
    if (rc != IB_EXIT_OK) {
        pdfdoc_close(&doc);
        return rc;
    }
    return berichtpdf_save(cfg, &doc, "massnahmenliste:pdf", "massnahmen_chronologisch.pdf");
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-pdf", "Schreibt die chronologische Maßnahmenliste als PDF.", argc, argv, STORE_READ, render);
}
