/*
 * render_eingang.c — ibericht-render-eingang: the Eingangsbericht
 * (delivery report) → out/eingangsbericht.xlsx and out/eingangsbericht.pdf.
 *
 * Per expected source: delivered or missing, files, rows accepted, rows
 * skipped, superseded deliveries, rejected files; every delivery ever seen
 * with its outcome and reason; the Rücklauf of the departments asked
 * („7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne
 * Rückmeldung“).  The PDF is the chapter kapitel_eingang (kapitel_eingang.c,
 * also in the Integrationsbericht) through the PDF writer (lib/docpdf.h).  Reads the tables eingang_quelle and ruecklauf (compute)
 * and lieferung (ingest).  Exit codes: 0, 2 configuration, 4 store,
 * 5 output.
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
#include "lib/xlsxfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the German label of a status (kapitel_eingang.c) */
static const char *status_label(const char *s) { return kapitel_eingang_status(s); }

/* The outcome of one delivery: a rejected file is „abgewiesen“ (the
 * source-level status „abgewiesen“ means „only rejected files“). */
static const char *lieferung_label(const char *s)
{
    return strcmp(s, "abgewiesen") == 0 ? "abgewiesen" : status_label(s);
}

static const char *const SQL_QUELLEN =
    "SELECT quelle, fachdienst, typ, erwartet, status, dateien, zeilen, zeilen_abgewiesen, ersetzt,"
    "       abgewiesen, letzte FROM eingang_quelle ORDER BY position";
static const char *const SQL_LIEFERUNGEN =
    "SELECT run_at, file_name, coalesce(quelle, ''), coalesce(fachdienst, ''), status, coalesce(sha256, ''),"
    "       size, rows_accepted, rows_rejected, coalesce(grund, ''), coalesce(ablage, '')"
    "  FROM lieferung ORDER BY id";

static int write_xlsx(const struct ib_config *cfg, sqlite3 *db, const char *satz, const char *stand)
{
    char *target = path_join(cfg->out, config_string(cfg, "eingangsbericht:xlsx", "eingangsbericht.xlsx"));
    char *tmp = NULL, title[512];
    snprintf(title, sizeof title, "Eingangsbericht – %s", config_string(cfg, "bericht:titel", "Integrationsbericht"));
    struct xlsxfmt f;
    lxw_workbook *wb = xlsxfmt_open(target, cfg, title, "Lieferungen der Fachdienste", &f, &tmp);
    if (!wb) { free(target); return IB_EXIT_OUTPUT; }
    int ok = 1;

    /* Quellen */
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Quellen");
    xlsxfmt_write_string(ws, 0, 0, title, f.title);
    worksheet_write_string(ws, 1, 0, stand, NULL);
    if (*satz) worksheet_write_string(ws, 2, 0, satz, NULL);
    static const struct { const char *t; double w; } qc[] = {
        { "Quelle", 22 }, { "Fachdienst", 26 }, { "Art", 12 }, { "erwartet", 9 }, { "Status", 16 },
        { "Dateien", 9 }, { "Zeilen/Werte", 12 }, { "Zeilen übersprungen", 12.5 }, { "ersetzte Lieferungen", 12 },
        { "abgewiesene Dateien", 12 }, { "letzte Lieferung", 11 },
    };
    const lxw_row_t head = 4;
    for (int c = 0; c < 11; c++) {
        xlsxfmt_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, qc[c].w, NULL);
        xlsxfmt_write_string(ws, head, (lxw_col_t)c, qc[c].t, f.header);
    }
    sqlite3_stmt *q = store_prepare(db, SQL_QUELLEN);
    lxw_row_t r = head;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        for (int c = 0; c < 3; c++) xlsxfmt_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), f.text);
        xlsxfmt_write_string(ws, r, 3, sqlite3_column_int(q, 3) ? "ja" : "nein", f.text);
        xlsxfmt_write_string(ws, r, 4, status_label(store_column_text(q, 4)), f.text);
        for (int c = 5; c <= 9; c++) worksheet_write_number(ws, r, (lxw_col_t)c, sqlite3_column_double(q, c), f.number);
        char letzte[11];
        snprintf(letzte, sizeof letzte, "%s", store_column_text(q, 10));     /* the day of the last delivery */
        xlsxfmt_write_iso(ws, r, 10, letzte, &f);
    }
    ok &= q != NULL;
    sqlite3_finalize(q);
    worksheet_autofilter(ws, head, 0, r, 10);
    worksheet_freeze_panes(ws, head + 1, 0);
    xlsxfmt_print_setup(ws, 1, 0);
    worksheet_repeat_rows(ws, head, head);

    /* Lieferungen */
    ws = workbook_add_worksheet(wb, "Lieferungen");
    static const struct { const char *t; double w; } lc[] = {
        { "Zeitpunkt (UTC)", 15 }, { "Datei", 24 }, { "Quelle", 16 }, { "Fachdienst", 20 }, { "Ergebnis", 13 },
        { "SHA-256", 12 }, { "Bytes", 10 }, { "Zeilen angenommen", 11.5 }, { "Zeilen abgewiesen", 11.5 },
        { "Grund", 40 }, { "Ablage", 30 },
    };
    for (int c = 0; c < 11; c++) {
        xlsxfmt_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, lc[c].w, c >= 6 && c <= 8 ? f.number : f.text);
        xlsxfmt_write_string(ws, 0, (lxw_col_t)c, lc[c].t, f.header);
    }
    q = store_prepare(db, SQL_LIEFERUNGEN);
    r = 0;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        for (int c = 0; c < 11; c++) {
            if (c == 0) xlsxfmt_write_iso(ws, r, 0, store_column_text(q, 0), &f);
            else if (c == 4) xlsxfmt_write_string(ws, r, 4, lieferung_label(store_column_text(q, 4)), f.text);
            else if (c >= 6 && c <= 8) {
                if (sqlite3_column_type(q, c) != SQLITE_NULL)
                    worksheet_write_number(ws, r, (lxw_col_t)c, sqlite3_column_double(q, c), f.number);
            } else xlsxfmt_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), f.text);
        }
    }
    ok &= q != NULL;
    sqlite3_finalize(q);
    worksheet_autofilter(ws, 0, 0, r, 10);
    worksheet_freeze_panes(ws, 1, 0);
    xlsxfmt_print_setup(ws, 1, 1);

    /* Rücklauf */
    ws = workbook_add_worksheet(wb, "Rücklauf");
    xlsxfmt_set_column(ws, 0, 0, 40, NULL);
    xlsxfmt_set_column(ws, 1, 1, 20, NULL);
    xlsxfmt_write_string(ws, 0, 0, "Fachdienst", f.header);
    xlsxfmt_write_string(ws, 0, 1, "Rückmeldung", f.header);
    xlsxfmt_write_string(ws, 0, 2, "Dateien", f.header);
    q = store_prepare(db, "SELECT fachdienst, status, dateien FROM ruecklauf ORDER BY position");
    r = 0;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        xlsxfmt_write_string(ws, r, 0, store_column_text(q, 0), f.text);
        xlsxfmt_write_string(ws, r, 1, status_label(store_column_text(q, 1)), f.text);
        worksheet_write_number(ws, r, 2, sqlite3_column_double(q, 2), f.number);
    }
    ok &= q != NULL;
    sqlite3_finalize(q);
    if (*satz) worksheet_write_string(ws, r + 2, 0, satz, f.total_label);
    else if (r == 0)              /* say why the sheet is empty */
        worksheet_write_string(ws, 2, 0, "Für diesen Auftrag ist nicht festgelegt, welche Fachdienste liefern "
                               "sollen (Konfiguration, Abschnitt [ruecklauf]); ein Rücklauf lässt sich nicht angeben.",
                               NULL);
    xlsxfmt_print_setup(ws, 0, 1);

    int rc = ok ? IB_EXIT_OK : IB_EXIT_STORE;
    if (xlsxfmt_close(wb, target, tmp, ok) != 0 && rc == IB_EXIT_OK) rc = IB_EXIT_OUTPUT;
    if (rc == IB_EXIT_OK) diag_info("%s geschrieben", target);
    free(target);
    return rc;
}

static int write_pdf(const struct ib_config *cfg, sqlite3 *db, const char *satz, const char *stand)
{
    const char *kommune = config_string(cfg, "bericht:kommune", "");
    const char *titel = config_string(cfg, "bericht:titel", "Integrationsbericht");
    if (berichtpdf_fonts_readable(cfg) != 0) return IB_EXIT_USAGE;
    char info[600], fuss[600];
    snprintf(info, sizeof info, "Eingangsbericht – %s", titel);
    snprintf(fuss, sizeof fuss, "%s%sEingangsbericht", kommune, *kommune ? " · " : "");
    struct docmodel *m = docmodel_new();
    berichtpdf_frame(cfg, m, NULL, info, "Eingangsbericht", stand, stand, fuss, "Lieferungen der Fachdienste",
                     "Integrationsbericht, Eingang, Rücklauf");
    int rc = kapitel_eingang(docmodel_chapter_add(m, NULL, 0), db, satz) == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    if (rc == IB_EXIT_OK) rc = berichtpdf_write(cfg, m, config_string(cfg, "eingangsbericht:pdf", "eingangsbericht.pdf"));
    docmodel_free(m);
    return rc;
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    char satz[256], stand[64];
    if (!bericht_stand(cfg, NULL, stand, sizeof stand)) return IB_EXIT_USAGE;
    if (kapitel_eingang_ruecklauf(db, satz, sizeof satz) != 0) return IB_EXIT_STORE;
    int rc = write_xlsx(cfg, db, satz, stand);
    return rc == IB_EXIT_OK ? write_pdf(cfg, db, satz, stand) : rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-eingang", "Schreibt den Eingangsbericht (Lieferungen, Rücklauf).",
                      argc, argv, STORE_READ, render);
}
