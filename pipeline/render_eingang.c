/*
 * render_eingang.c — ibericht-render-eingang: the Eingangsbericht
 * (delivery report) → out/eingangsbericht.xlsx and out/eingangsbericht.pdf.
 *
 * Per expected source: delivered or missing, files, rows accepted, rows
 * skipped, superseded deliveries, rejected files; every delivery ever seen
 * with its outcome and reason; the Rücklauf of the departments asked
 * („7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne
 * Rückmeldung“).  Reads the tables eingang_quelle and ruecklauf (compute)
 * and lieferung (ingest).  Exit codes: 0, 2 configuration, 4 store,
 * 5 output.
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
#include "lib/xlsxfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *status_label(const char *s)
{
    if (strcmp(s, "geliefert") == 0) return "geliefert";
    if (strcmp(s, "abgewiesen") == 0) return "nur abgewiesene Dateien";
    if (strcmp(s, "fehlt") == 0) return "fehlt";
    if (strcmp(s, "angenommen") == 0) return "angenommen";
    if (strcmp(s, "unveraendert") == 0) return "unverändert (schon im Bestand)";
    if (strcmp(s, "wartend") == 0) return "wartet (wird noch geschrieben)";
    if (strcmp(s, "ohne_quelle") == 0) return "ohne Quellprofil";
    if (strcmp(s, "geantwortet") == 0) return "geantwortet";
    if (strcmp(s, "fehlanzeige") == 0) return "Fehlanzeige";
    if (strcmp(s, "ohne_rueckmeldung") == 0) return "ohne Rückmeldung";
    return s;
}

/* The outcome of one delivery: a rejected file is „abgewiesen“ (the
 * source-level status „abgewiesen“ means „only rejected files“). */
static const char *lieferung_label(const char *s)
{
    return strcmp(s, "abgewiesen") == 0 ? "abgewiesen" : status_label(s);
}

/* „7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne Rückmeldung“; "" without [ruecklauf] */
static int ruecklauf_satz(sqlite3 *db, char *buf, size_t size)
{
    buf[0] = '\0';
    sqlite3_stmt *q = store_prepare(db,
        "SELECT count(*), sum(status = 'geantwortet'), sum(status = 'fehlanzeige'),"
        "       sum(status = 'ohne_rueckmeldung') FROM ruecklauf");
    if (!q) return -1;
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) > 0) {
        format_ruecklauf(buf, size, "Fachdienst", "Fachdiensten", sqlite3_column_int(q, 1), sqlite3_column_int(q, 0), sqlite3_column_int(q, 2),
                         sqlite3_column_int(q, 3));
    }
    sqlite3_finalize(q);
    return 0;
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
    worksheet_write_string(ws, 0, 0, title, f.title);
    worksheet_write_string(ws, 1, 0, stand, NULL);
    if (*satz) worksheet_write_string(ws, 2, 0, satz, NULL);
    static const struct { const char *t; double w; } qc[] = {
        { "Quelle", 24 }, { "Fachdienst", 32 }, { "Art", 12 }, { "erwartet", 9 }, { "Status", 22 },
        { "Dateien", 9 }, { "Zeilen/Werte", 12 }, { "Zeilen übersprungen", 12 }, { "ersetzte Lieferungen", 12 },
        { "abgewiesene Dateien", 12 }, { "letzte Lieferung", 14 },
    };
    const lxw_row_t head = 4;
    for (int c = 0; c < 11; c++) {
        worksheet_write_string(ws, head, (lxw_col_t)c, qc[c].t, f.header);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, qc[c].w, NULL);
    }
    sqlite3_stmt *q = store_prepare(db, SQL_QUELLEN);
    lxw_row_t r = head;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        for (int c = 0; c < 3; c++) worksheet_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), f.text);
        worksheet_write_string(ws, r, 3, sqlite3_column_int(q, 3) ? "ja" : "nein", f.text);
        worksheet_write_string(ws, r, 4, status_label(store_column_text(q, 4)), f.text);
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

    /* Lieferungen */
    ws = workbook_add_worksheet(wb, "Lieferungen");
    static const struct { const char *t; double w; } lc[] = {
        { "Zeitpunkt (UTC)", 20 }, { "Datei", 34 }, { "Quelle", 20 }, { "Fachdienst", 28 }, { "Ergebnis", 24 },
        { "SHA-256", 20 }, { "Bytes", 12 }, { "Zeilen angenommen", 12 }, { "Zeilen abgewiesen", 12 },
        { "Grund", 70 }, { "Ablage", 50 },
    };
    for (int c = 0; c < 11; c++) {
        worksheet_write_string(ws, 0, (lxw_col_t)c, lc[c].t, f.header);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, lc[c].w, c >= 6 && c <= 8 ? f.number : f.text);
    }
    q = store_prepare(db, SQL_LIEFERUNGEN);
    r = 0;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        for (int c = 0; c < 11; c++) {
            if (c == 0) xlsxfmt_write_iso(ws, r, 0, store_column_text(q, 0), &f);
            else if (c == 4) worksheet_write_string(ws, r, 4, lieferung_label(store_column_text(q, 4)), f.text);
            else if (c >= 6 && c <= 8) {
                if (sqlite3_column_type(q, c) != SQLITE_NULL)
                    worksheet_write_number(ws, r, (lxw_col_t)c, sqlite3_column_double(q, c), f.number);
            } else worksheet_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), f.text);
        }
    }
    ok &= q != NULL;
    sqlite3_finalize(q);
    worksheet_autofilter(ws, 0, 0, r, 10);
    worksheet_freeze_panes(ws, 1, 0);
    xlsxfmt_print_setup(ws, 1, 1);

    /* Rücklauf */
    ws = workbook_add_worksheet(wb, "Rücklauf");
    worksheet_write_string(ws, 0, 0, "Fachdienst", f.header);
    worksheet_write_string(ws, 0, 1, "Rückmeldung", f.header);
    worksheet_write_string(ws, 0, 2, "Dateien", f.header);
    worksheet_set_column(ws, 0, 0, 40, NULL);
    worksheet_set_column(ws, 1, 1, 20, NULL);
    q = store_prepare(db, "SELECT fachdienst, status, dateien FROM ruecklauf ORDER BY position");
    r = 0;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        worksheet_write_string(ws, r, 0, store_column_text(q, 0), f.text);
        worksheet_write_string(ws, r, 1, status_label(store_column_text(q, 1)), f.text);
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

/* The rows of sql as a table: counts grouped („18.348“), texts through status_label. */
static void table_from(struct pdftable *t, sqlite3 *db, const char *sql, int ncols)
{
    sqlite3_stmt *q = store_prepare(db, sql);
    const char *cells[PDFTABLE_MAX_COLUMNS];
    char *owned[PDFTABLE_MAX_COLUMNS] = { 0 };
    int rows = 0;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        rows++;
        for (int c = 0; c < ncols; c++) {
            char zahl[32];
            owned[c] = xstrdup(sqlite3_column_type(q, c) == SQLITE_INTEGER
                                   ? format_zahl(zahl, sizeof zahl, sqlite3_column_double(q, c), 0)
                                   : status_label(store_column_text(q, c)));
            cells[c] = owned[c];
        }
        pdftable_row(t, cells, NULL);
        for (int c = 0; c < ncols; c++) free(owned[c]);
    }
    sqlite3_finalize(q);
    if (!rows) {
        for (int c = 0; c < ncols; c++) cells[c] = c ? "" : "keine";
        pdftable_row(t, cells, NULL);
    }
}

static void heading(struct pdfdoc *doc, const char *text, double table_start)
{
    double h = pdfdoc_paragraph(doc, doc->bold, 12, text, 0) + 18;
    if (doc->y - h - table_start < pdfdoc_bottom(doc)) pdfdoc_new_page(doc);
    else doc->y -= 10;
    pdfdoc_outline(doc, NULL, text);
    pdfdoc_paragraph(doc, doc->bold, 12, text, 1);
    doc->y -= 8;
}

static int write_pdf(const struct ib_config *cfg, sqlite3 *db, const char *satz, const char *stand)
{
    const char *kommune = config_string(cfg, "bericht:kommune", "");
    const char *titel = config_string(cfg, "bericht:titel", "Integrationsbericht");
    struct pdfdoc doc;
    if (berichtpdf_open(cfg, &doc, HPDF_PAGE_PORTRAIT) != 0)
        return IB_EXIT_USAGE;
    char line[600];
    snprintf(line, sizeof line, "Eingangsbericht – %s", titel);
    pdfdoc_set_info(&doc, line, kommune, "Lieferungen der Fachdienste", "Integrationsbericht, Eingang, Rücklauf",
                    report_time());
    pdfdoc_new_page(&doc);
    snprintf(line, sizeof line, "%s%s%s", kommune, *kommune ? " · " : "", titel);
    HPDF_Page_SetGrayFill(doc.page, 0.3);
    pdfdoc_paragraph(&doc, doc.regular, 10, line, 1);
    HPDF_Page_SetGrayFill(doc.page, 0);
    doc.y -= 4;
    pdfdoc_paragraph(&doc, doc.bold, 17, "Eingangsbericht", 1);
    pdfdoc_paragraph(&doc, doc.regular, 9, stand, 1);
    doc.y -= 8;
    if (*satz) {
        pdfdoc_paragraph(&doc, doc.bold, 11, "Rücklauf", 1);
        doc.y -= 2;
        pdfdoc_paragraph(&doc, doc.regular, 10, satz, 1);
    }

    static const struct pdftable_column qcols[] = {
        { "Quelle", 0.19 }, { "Fachdienst", 0.26 }, { "Status", 0.18 }, { "Dateien", 0.10 },
        { "Zeilen/ Werte", 0.12 }, { "abgewiesene Dateien", 0.15 },
    };
    struct pdftable t;
    pdftable_init(&t, &doc, qcols, 6, 8.5);
    heading(&doc, "Quellen", 60);
    pdftable_header(&t);
    table_from(&t, db, "SELECT quelle, fachdienst, status, dateien, zeilen, abgewiesen FROM eingang_quelle"
                       " ORDER BY position", 6);
    pdftable_end(&t);
    pdftable_free(&t);

    static const struct pdftable_column acols[] = { { "Datei", 0.30 }, { "Grund", 0.70 } };
    pdftable_init(&t, &doc, acols, 2, 8.5);
    heading(&doc, "Abgewiesene Dateien (in der Quarantäne)", 60);
    pdftable_header(&t);
    table_from(&t, db, "SELECT file_name, grund FROM lieferung WHERE status = 'abgewiesen' ORDER BY id", 2);
    pdftable_end(&t);
    pdftable_free(&t);

    static const struct pdftable_column wcols[] = { { "Datei", 0.40 }, { "Stand", 0.60 } };
    pdftable_init(&t, &doc, wcols, 2, 8.5);
    heading(&doc, "Wartende und nicht zugeordnete Dateien (letzter Lauf)", 60);
    pdftable_header(&t);
    table_from(&t, db, "SELECT file_name, status FROM lieferung WHERE status IN ('wartend', 'ohne_quelle')"
                       " AND run_at = (SELECT max(run_at) FROM lieferung) ORDER BY id", 2);
    pdftable_end(&t);
    pdftable_free(&t);

    snprintf(line, sizeof line, "%s%sEingangsbericht", kommune, *kommune ? " · " : "");
    pdfdoc_footers(&doc, stand, line);
    return berichtpdf_save(cfg, &doc, "eingangsbericht:pdf", "eingangsbericht.pdf");
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    char satz[256], stand[64];
    if (!bericht_stand(cfg, NULL, stand, sizeof stand)) return IB_EXIT_USAGE;
    if (ruecklauf_satz(db, satz, sizeof satz) != 0) return IB_EXIT_STORE;
    int rc = write_xlsx(cfg, db, satz, stand);
    return rc == IB_EXIT_OK ? write_pdf(cfg, db, satz, stand) : rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-eingang", "Schreibt den Eingangsbericht (Lieferungen, Rücklauf).",
                      argc, argv, STORE_READ, render);
}
