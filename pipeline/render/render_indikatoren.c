/*
 * render_indikatoren.c — ibericht-render-indikatoren: the indicators per
 * Handlungsfeld → out/indikatoren.xlsx and out/indikatoren.pdf.
 *
 * Reads the derived tables of compute/indikatoren.c.  The report area is
 * [indikatoren] gebiet, compared with the areas in [indikatoren] vergleich
 * (e.g. Landkreis Wesermarsch vs. Niedersachsen).
 *   XLSX: „Übersicht“ (coverage and status per Handlungsfeld, status cells
 *   coloured by conditional formatting), one sheet per Handlungsfeld with a
 *   table per indicator (areas × years, German number formats with the
 *   catalogue's decimals, symbols as text) and a native line chart, „Werte“
 *   (every computed value, long) and „Daten“ (every observation used, with
 *   its provenance: file, sheet, row, column).
 *   PDF (document model, lib/docpdf.h): a chapter per Handlungsfeld
 *   (Leitsatz, coverage, the indicators nobody delivers yet), per indicator
 *   a table of the latest years, a vector line chart, status arrow and
 *   change, source line (kapitel_indikator_zeichnen), and the legend of
 *   the table symbols used.
 * Without a catalogue nothing is written.  Exit codes: 0, 2, 4, 5.
 */
#include "lib/config.h"
#include "lib/berichtpdf.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/geheimhaltung.h"
#include "lib/fsutil.h"
#include "lib/pdfchart.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/umsetzung.h"
#include "lib/werte.h"
#include "lib/xlsxfmt.h"
#include "kapitel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* ---------------------------------------------------------------- XLSX --- */

static int xlsx_overview(lxw_workbook *wb, sqlite3 *db, const struct xlsxfmt *f, const struct kapitel_gebiete *a)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Übersicht");
    xlsxfmt_write_string(ws, 0, 0, "Indikatoren je Handlungsfeld: Abdeckung und Entwicklung", f->title);
    if (a->n) {
        char line[256];
        snprintf(line, sizeof line, "Gebiet: %s", a->name[0]);
        worksheet_write_string(ws, 1, 0, line, NULL);
    }
    static const char *const head[] = { "Handlungsfeld", "Indikatoren", "nicht erhoben", "mit Daten im Berichtsjahr",
                                        "ohne aktuelle Daten", "ohne Daten", "besser", "schlechter", "unverändert",
                                        "verändert", "ohne Vergleich", "Indikatoren ohne Daten" };
    xlsxfmt_set_column(ws, 0, 0, 30, NULL);
    xlsxfmt_set_column(ws, 1, 10, 10.5, NULL);
    xlsxfmt_set_column(ws, 11, 11, 36, NULL);
    for (int c = 0; c < 12; c++) xlsxfmt_write_string(ws, 3, (lxw_col_t)c, head[c], f->header);
    sqlite3_stmt *q = store_prepare(db,
        "SELECT titel, indikatoren, nicht_erhoben, mit_daten, ohne_aktuelle_daten, ohne_daten, besser, schlechter,"
        " unveraendert, veraendert, ohne_vergleich, ohne_daten_liste FROM indikator_abdeckung ORDER BY position");
    lxw_row_t r = 3;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        xlsxfmt_write_string(ws, r, 0, store_column_text(q, 0), r == 4 ? f->total_label : f->text);
        for (int c = 1; c <= 10; c++) worksheet_write_number(ws, r, (lxw_col_t)c, sqlite3_column_int(q, c), f->number);
        xlsxfmt_write_string(ws, r, 11, store_column_text(q, 11), f->text);
    }
    sqlite3_finalize(q);
    xlsxfmt_print_setup(ws, 1, 0);
    return q ? 0 : -1;
}

static int xlsx_field(lxw_workbook *wb, sqlite3 *db, const struct xlsxfmt *f, const struct kapitel_gebiete *a, int hf,
                      const char *hf_titel, lxw_format *good, lxw_format *bad)
{
    char sheet[32];
    snprintf(sheet, sizeof sheet, "HF %d", hf);
    lxw_worksheet *ws = workbook_add_worksheet(wb, sheet);
    xlsxfmt_write_string(ws, 0, 0, hf_titel, f->title);
    xlsxfmt_set_column(ws, 0, 0, 28, NULL);
    xlsxfmt_set_column(ws, 1, 40, 8.5, NULL);       /* up to 9.999.999,9 */
    sqlite3_stmt *ind = store_prepare(db,
        "SELECT id, titel, einheit, dezimalen, quelle, nicht_erhoben FROM katalog_indikator WHERE handlungsfeld = ?"
        " ORDER BY position");
    sqlite3_stmt *years = store_prepare(db, "SELECT DISTINCT jahr FROM indikator_wert WHERE indikator = ? ORDER BY jahr");
    sqlite3_stmt *val = store_prepare(db,
        "SELECT wert, symbol FROM indikator_wert WHERE indikator = ? AND gebiet = ? AND jahr = ?");
    sqlite3_stmt *st = store_prepare(db, "SELECT status, trend_steigung, trend_status, ziel_erreichung, ziel_erreicht"
                                         " FROM indikator_stand WHERE indikator = ? AND gebiet = ?");
    if (!ind || !years || !val || !st) {
        sqlite3_finalize(ind); sqlite3_finalize(years); sqlite3_finalize(val); sqlite3_finalize(st);
        return -1;
    }
    sqlite3_bind_int(ind, 1, hf);
    lxw_row_t r = 2;
    lxw_format *nf[7];
    for (int d = 0; d < 7; d++) {
        nf[d] = workbook_add_format(wb);
        char fmt[32] = "#,##0";
        if (d) { strcat(fmt, "."); for (int i = 0; i < d; i++) strcat(fmt, "0"); }
        format_set_num_format(nf[d], fmt);
    }
    while (sqlite3_step(ind) == SQLITE_ROW) {
        const char *id = store_column_text(ind, 0);
        int dez = sqlite3_column_int(ind, 3);
        if (dez < 0) dez = 0;
        if (dez > 6) dez = 6;
        char title[600];
        snprintf(title, sizeof title, "%s%s%s%s", store_column_text(ind, 1), *store_column_text(ind, 2) ? " (" : "",
                 store_column_text(ind, 2), *store_column_text(ind, 2) ? ")" : "");
        worksheet_write_string(ws, r, 0, title, f->total_label);
        char fehler[1100];
        if (kapitel_indikator_fehler(db, id, fehler, sizeof fehler)) {
            worksheet_write_string(ws, r + 1, 0, fehler, f->text);
            r += 3;
            continue;
        }
        if (sqlite3_column_int(ind, 5)) {
            xlsxfmt_write_string(ws, r + 1, 0, "wird bisher nicht erhoben", f->text);
            r += 3;
            continue;
        }
        int y[64], ny = 0;
        sqlite3_reset(years);
        store_bind_text(years, 1, id);
        while (sqlite3_step(years) == SQLITE_ROW && ny < 64) y[ny++] = sqlite3_column_int(years, 0);
        lxw_row_t head = r + 1;
        worksheet_write_string(ws, head, 0, "Gebiet", f->header);
        for (int j = 0; j < ny; j++) worksheet_write_number(ws, head, (lxw_col_t)(j + 1), y[j], f->header);
        xlsxfmt_write_string(ws, head, (lxw_col_t)(ny + 1), "Entwicklung", f->header);
        /* trend (least squares, unit per year) and target attainment (% of the way from the base) */
        xlsxfmt_write_string(ws, head, (lxw_col_t)(ny + 2), "Trend je Jahr", f->header);
        xlsxfmt_write_string(ws, head, (lxw_col_t)(ny + 3), "Trend", f->header);
        xlsxfmt_write_string(ws, head, (lxw_col_t)(ny + 4), "Zielerreichung in %", f->header);
        xlsxfmt_write_string(ws, head, (lxw_col_t)(ny + 5), "Ziel", f->header);
        for (int i = 0; i < a->n; i++) {
            lxw_row_t row = head + 1 + (lxw_row_t)i;
            xlsxfmt_write_string(ws, row, 0, a->name[i], f->text);
            for (int j = 0; j < ny; j++) {
                sqlite3_reset(val);
                store_bind_text(val, 1, id);
                store_bind_text(val, 2, a->key[i]);
                sqlite3_bind_int(val, 3, y[j]);
                if (sqlite3_step(val) != SQLITE_ROW) worksheet_write_string(ws, row, (lxw_col_t)(j + 1), ".", NULL);
                else if (sqlite3_column_type(val, 0) != SQLITE_NULL)
                    worksheet_write_number(ws, row, (lxw_col_t)(j + 1), sqlite3_column_double(val, 0), nf[dez]);
                else worksheet_write_string(ws, row, (lxw_col_t)(j + 1), store_column_text(val, 1), NULL);
            }
            sqlite3_reset(st);
            store_bind_text(st, 1, id);
            store_bind_text(st, 2, a->key[i]);
            int hat = sqlite3_step(st) == SQLITE_ROW;
            worksheet_write_string(ws, row, (lxw_col_t)(ny + 1),
                                   hat ? kapitel_status_text(store_column_text(st, 0)) : "– ohne Daten", NULL);
            if (hat && sqlite3_column_type(st, 1) != SQLITE_NULL) {
                worksheet_write_number(ws, row, (lxw_col_t)(ny + 2), sqlite3_column_double(st, 1),
                                       nf[dez < 2 ? 2 : dez]);
                worksheet_write_string(ws, row, (lxw_col_t)(ny + 3), kapitel_status_text(store_column_text(st, 2)), NULL);
            }
            if (hat && sqlite3_column_type(st, 3) != SQLITE_NULL) {
                worksheet_write_number(ws, row, (lxw_col_t)(ny + 4), sqlite3_column_double(st, 3), nf[0]);
                worksheet_write_string(ws, row, (lxw_col_t)(ny + 5), sqlite3_column_int(st, 4) ? "erreicht" : "nicht erreicht",
                                       NULL);
            }
        }
        lxw_row_t last = head + (lxw_row_t)a->n;
        {   /* legend of the symbols in this table, right under it */
            sqlite3_stmt *sy = store_prepare(db, "SELECT DISTINCT symbol FROM indikator_wert WHERE indikator = ? AND symbol IS NOT NULL");
            char legend[600] = "";
            if (sy) {
                store_bind_text(sy, 1, id);
                while (sqlite3_step(sy) == SQLITE_ROW) {
                    enum werte_symbol w;
                    if (werte_symbol_parse(store_column_text(sy, 0), &w) != 1) continue;
                    size_t n = strlen(legend);
                    snprintf(legend + n, sizeof legend - n, "%s%s = %s", n ? "; " : "Zeichen: ",
                             werte_symbol_text(w), werte_symbol_bedeutung(w));
                }
                sqlite3_finalize(sy);
            }
            if (*legend) worksheet_write_string(ws, ++last, 0, legend, NULL);
        }
        if (a->n && ny) {
            lxw_conditional_format cg = { .type = LXW_CONDITIONAL_TYPE_TEXT,
                                          .criteria = LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING,
                                          .value_string = "besser", .format = good };
            lxw_conditional_format cb = cg;
            cb.value_string = "schlechter";
            cb.format = bad;
            worksheet_conditional_format_range(ws, head + 1, (lxw_col_t)(ny + 1), last, (lxw_col_t)(ny + 1), &cb);
            worksheet_conditional_format_range(ws, head + 1, (lxw_col_t)(ny + 1), last, (lxw_col_t)(ny + 1), &cg);
            lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_LINE);
            for (int i = 0; i < a->n; i++) {
                lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
                chart_series_set_categories(s, sheet, head, 1, head, (lxw_col_t)ny);
                chart_series_set_values(s, sheet, head + 1 + (lxw_row_t)i, 1, head + 1 + (lxw_row_t)i, (lxw_col_t)ny);
                chart_series_set_name_range(s, sheet, head + 1 + (lxw_row_t)i, 0);
                chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
            }
            chart_title_set_name(chart, store_column_text(ind, 1));
            chart_title_set_name_font(chart, &(lxw_chart_font){ .size = 10, .bold = LXW_TRUE });
            chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
            chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
            lxw_chart_options opt = { .x_scale = 1.6, .y_scale = 1.0 };
            r = xlsxfmt_insert_chart(ws, last + 2, 0, chart, &opt) + 2;     /* the source line right below it */
        } else {
            r = last + 3;
        }
        char src[700];
        snprintf(src, sizeof src, "Quelle: %s", store_column_text(ind, 4));
        worksheet_write_string(ws, r - 2, 0, src, NULL);
    }
    sqlite3_finalize(ind); sqlite3_finalize(years); sqlite3_finalize(val); sqlite3_finalize(st);
    xlsxfmt_print_setup(ws, 1, 0);
    return 0;
}

/* the long sheets are for filtering and further use, not for paper: printing
 * the workbook gives one page each that says so (xlsxfmt_no_print) */
static void no_print(lxw_worksheet *ws, lxw_col_t last_col, lxw_row_t rows, const char *what,
                     const struct xlsxfmt *f)
{
    char n[32], note[400];
    snprintf(note, sizeof note, "Dieses Blatt (%s %s) ist zum Filtern und Weiterrechnen da und wird nicht "
             "gedruckt; gedruckt stehen die Werte auf den Blättern der Handlungsfelder.",
             format_zahl(n, sizeof n, (double)rows, 0), what);
    xlsxfmt_no_print(ws, last_col, note, f->text);
}

static int xlsx_long(lxw_workbook *wb, sqlite3 *db, const struct xlsxfmt *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Werte");
    static const char *const h1[] = { "Indikator", "Gebiet", "Gebietsname", "Jahr", "Wert", "Zeichen", "Geheimhaltung",
                                      "Zähler", "Nenner" };
    xlsxfmt_set_column(ws, 0, 2, 22, NULL);
    xlsxfmt_set_column(ws, 3, 8, 13, NULL);
    for (int c = 0; c < 9; c++) xlsxfmt_write_string(ws, 0, (lxw_col_t)c, h1[c], f->header);
    sqlite3_stmt *q = store_prepare(db,
        /* primary and secondary suppression look the same (geheimhaltung.h): one word for both */
        "SELECT indikator, gebiet, gebiet_name, jahr, wert, symbol, CASE WHEN geheim IS NOT NULL THEN 'geheim' END,"
        "       zaehler, nenner FROM indikator_wert"
        " ORDER BY indikator, gebiet, jahr");
    lxw_row_t r = 0;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        for (int c = 0; c < 9; c++) {
            if (sqlite3_column_type(q, c) == SQLITE_NULL) continue;
            if (c == 3 || c == 4 || c == 7 || c == 8)
                worksheet_write_number(ws, r, (lxw_col_t)c, sqlite3_column_double(q, c), NULL);
            else worksheet_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), NULL);
        }
    }
    sqlite3_finalize(q);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, r, 8);
    no_print(ws, 8, r, "Werte", f);

    ws = workbook_add_worksheet(wb, "Daten");
    static const char *const h2[] = { "Datensatz", "Jahr", "Gebiet", "Gebietsname", "Merkmale", "Einheit", "Wert",
                                      "Zeichen", "Bedeutung", "Stichtag", "Datei", "SHA-256", "Blatt", "Zeile", "Spalte" };
    xlsxfmt_set_column(ws, 0, 14, 14, NULL);
    for (int c = 0; c < 15; c++) xlsxfmt_write_string(ws, 0, (lxw_col_t)c, h2[c], f->header);
    q = store_prepare(db,
        /* an observation of a protected dataset (datensatz_schutz) prints its value only when
         * compute saw it (id ≤ bis_id) and did not suppress it (beobachtung_geheim); else „.“ */
        "SELECT r.indikator, b.jahr, r.gebiet, r.gebiet_name, r.merkmale, r.einheit, b.wert, b.symbol, b.grund,"
        "       b.stichtag, s.name, s.sha256, s.sheet, b.row_number, b.column_ref,"
        "       d.indikator IS NOT NULL AND (g.geheim IS NOT NULL OR b.id > d.bis_id)"
        "  FROM beobachtung b JOIN reihe r ON r.id = b.reihe_id JOIN source_file s ON s.id = b.source_file_id"
        "  LEFT JOIN datensatz_schutz d ON d.indikator = r.indikator"
        "  LEFT JOIN beobachtung_geheim g ON g.beobachtung_id = b.id"
        " WHERE s.superseded_by IS NULL"
        " ORDER BY r.indikator, r.gebiet, r.merkmale, b.jahr LIMIT 1048575");   /* Excel's last row */
    r = 0;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        int geheim = sqlite3_column_int(q, 15);
        for (int c = 0; c < 15; c++) {
            if (geheim && (c == 6 || c == 7 || c == 8)) {
                if (c == 7) worksheet_write_string(ws, r, 7, geheimhaltung_zeichen(GEHEIMHALTUNG_PRIMAER), NULL);
                if (c == 8) worksheet_write_string(ws, r, 8, geheimhaltung_legende(GEHEIMHALTUNG_PRIMAER), NULL);
                continue;
            }
            if (sqlite3_column_type(q, c) == SQLITE_NULL) continue;
            if (c == 1 || c == 6 || c == 13) worksheet_write_number(ws, r, (lxw_col_t)c, sqlite3_column_double(q, c), NULL);
            else worksheet_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), NULL);
        }
    }
    sqlite3_finalize(q);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, r, 14);
    no_print(ws, 14, r, "Beobachtungen", f);
    return 0;
}

static int write_xlsx(const struct ib_config *cfg, sqlite3 *db, const struct kapitel_gebiete *a)
{
    char *target = path_join(cfg->out, config_string(cfg, "indikatoren:xlsx", "indikatoren.xlsx"));
    char *tmp = NULL, title[512];
    snprintf(title, sizeof title, "%s – Indikatoren", config_string(cfg, "bericht:titel", "Integrationsbericht"));
    struct xlsxfmt f;
    lxw_workbook *wb = xlsxfmt_open(target, cfg, title, "Indikatoren je Handlungsfeld", &f, &tmp);
    if (!wb) { free(target); return IB_EXIT_OUTPUT; }
    lxw_format *good = workbook_add_format(wb), *bad = workbook_add_format(wb);
    format_set_bg_color(good, 0xC6EFCE); format_set_font_color(good, 0x006100);
    format_set_bg_color(bad, 0xFFC7CE); format_set_font_color(bad, 0x9C0006);
    int ok = xlsx_overview(wb, db, &f, a) == 0;
    sqlite3_stmt *h = store_prepare(db, "SELECT position, titel FROM katalog_handlungsfeld ORDER BY position");
    while (ok && h && sqlite3_step(h) == SQLITE_ROW)
        ok = xlsx_field(wb, db, &f, a, sqlite3_column_int(h, 0), store_column_text(h, 1), good, bad) == 0;
    sqlite3_finalize(h);
    ok = ok && h && xlsx_long(wb, db, &f) == 0;
    int rc = ok ? IB_EXIT_OK : IB_EXIT_STORE;
    if (xlsxfmt_close(wb, target, tmp, ok) != 0 && rc == IB_EXIT_OK) rc = IB_EXIT_OUTPUT;
    if (rc == IB_EXIT_OK) diag_info("%s geschrieben", target);
    free(target);
    return rc;
}

/* ----------------------------------------------------------------- PDF --- */

static int write_pdf(const struct ib_config *cfg, sqlite3 *db, const struct kapitel_gebiete *a)
{
    const char *kommune = config_string(cfg, "bericht:kommune", "");
    const char *titel = config_string(cfg, "bericht:titel", "Integrationsbericht");
    char line[800], stand[64], info[800], fuss[600];
    if (!bericht_stand(cfg, NULL, stand, sizeof stand)) return IB_EXIT_USAGE;
    struct docmodel *m = docmodel_new();
    snprintf(info, sizeof info, "%s – Indikatoren je Handlungsfeld", titel);
    snprintf(line, sizeof line, "%s%s%s", a->n ? a->name[0] : "", a->n > 1 ? " im Vergleich mit " : "",
             a->n > 1 ? a->name[1] : "");
    for (int i = 2; i < a->n; i++) { strncat(line, ", ", sizeof line - strlen(line) - 1); strncat(line, a->name[i], sizeof line - strlen(line) - 1); }
    strncat(line, " · ", sizeof line - strlen(line) - 1);
    strncat(line, stand, sizeof line - strlen(line) - 1);
    snprintf(fuss, sizeof fuss, "%s%s%s – Indikatoren", kommune, *kommune ? " · " : "", titel);
    berichtpdf_frame(cfg, m, NULL, info, "Indikatoren je Handlungsfeld", line, stand, fuss,
                     "Indikatoren je Handlungsfeld", "Integrationsbericht, Indikatoren, Monitoring");
    m->frame.numbered = 1;

    int symbols_used[WERTE_SYMBOL_ANZAHL] = { 0 };
    sqlite3_stmt *cov = store_prepare(db,
        "SELECT titel, indikatoren, mit_daten, ohne_daten, besser, schlechter, unveraendert, veraendert, ohne_daten_liste"
        " FROM indikator_abdeckung WHERE position = ?");
    sqlite3_stmt *h = store_prepare(db, "SELECT position, titel, leitsatz FROM katalog_handlungsfeld ORDER BY position");
    sqlite3_stmt *iq = store_prepare(db,
        "SELECT id, titel, einheit, quelle, hinweis, art, dezimalen, nicht_erhoben,"
        "       EXISTS (SELECT 1 FROM indikator_wert w WHERE w.indikator = k.id AND w.wert IS NOT NULL), fehler"
        "  FROM katalog_indikator k WHERE handlungsfeld = ? ORDER BY position");
    int ok = h && iq && cov;
    struct docmodel_chapter *c = NULL;
    while (ok && sqlite3_step(h) == SQLITE_ROW) {
        int hf = sqlite3_column_int(h, 0);
        c = docmodel_chapter_add(m, store_column_text(h, 1), 0);
        if (*store_column_text(h, 2)) docmodel_highlight(c, "Leitsatz", store_column_text(h, 2));
        sqlite3_reset(cov);
        sqlite3_bind_int(cov, 1, hf);
        if (sqlite3_step(cov) == SQLITE_ROW) {
            /* the same words as the status column of the tables (kapitel_status_text) */
            char indikatoren[48];
            snprintf(line, sizeof line,
                     "%s, davon %d mit Daten für das Berichtsjahr: %d besser, %d schlechter, %d unverändert, "
                     "%d verändert (ohne Wertung); %d ohne Daten.",
                     format_menge(indikatoren, sizeof indikatoren, sqlite3_column_int(cov, 1), "Indikator", "Indikatoren"),
                     sqlite3_column_int(cov, 2), sqlite3_column_int(cov, 4), sqlite3_column_int(cov, 5),
                     sqlite3_column_int(cov, 6), sqlite3_column_int(cov, 7), sqlite3_column_int(cov, 3));
            docmodel_paragraph(c, line);
        }
        /* first the indicators with values, then the gap: those nobody delivers yet */
        sqlite3_reset(iq);
        sqlite3_bind_int(iq, 1, hf);
        int gaps = 0;
        while (sqlite3_step(iq) == SQLITE_ROW) {
            if (sqlite3_column_int(iq, 8) == 0) { gaps++; continue; }
            struct kapitel_indikator ind = {
                xstrdup(store_column_text(iq, 0)), xstrdup(store_column_text(iq, 1)), xstrdup(store_column_text(iq, 2)),
                xstrdup(store_column_text(iq, 3)), xstrdup(store_column_text(iq, 4)), xstrdup(store_column_text(iq, 5)),
                sqlite3_column_int(iq, 6), sqlite3_column_int(iq, 7) };
            char title[1200];
            snprintf(title, sizeof title, "%s%s%s%s", ind.titel, *ind.einheit ? " (" : "", ind.einheit,
                     *ind.einheit ? ")" : "");
            docmodel_heading(c, 2, title);
            kapitel_indikator_zeichnen(c, db, a, &ind, symbols_used);
            kapitel_indikator_free(&ind);
        }
        if (gaps) {
            snprintf(line, sizeof line, "Indikatoren ohne Daten (%d)", gaps);
            docmodel_heading(c, 2, line);
            static const struct docmodel_column gcols[] = { { "Indikator", 0.72, DOCMODEL_LEFT }, { "Stand", 0.28, DOCMODEL_LEFT } };
            struct docmodel_table *t = docmodel_table(c, gcols, 2);
            sqlite3_reset(iq);
            sqlite3_bind_int(iq, 1, hf);
            while (sqlite3_step(iq) == SQLITE_ROW) {
                if (sqlite3_column_int(iq, 8)) continue;
                /* a failed computation is never „keine Daten geliefert“ */
                const char *cells[2] = { store_column_text(iq, 1),
                                         sqlite3_column_type(iq, 9) != SQLITE_NULL ? "Berechnung fehlgeschlagen"
                                         : sqlite3_column_int(iq, 7) ? "wird bisher nicht erhoben" : "keine Daten geliefert" };
                docmodel_row(t, cells, 0, 0);
            }
        }
    }
    sqlite3_finalize(h);
    sqlite3_finalize(iq);
    sqlite3_finalize(cov);

    /* legend of the symbols used */
    int any = 0;
    for (int s = 1; s < WERTE_SYMBOL_ANZAHL; s++) any |= symbols_used[s];
    if (any && c) {
        docmodel_heading(c, 2, "Zeichenerklärung");
        for (int s = 1; s < WERTE_SYMBOL_ANZAHL; s++) {
            if (!symbols_used[s]) continue;
            snprintf(line, sizeof line, "%s   %s", werte_symbol_text((enum werte_symbol)s),
                     werte_symbol_bedeutung((enum werte_symbol)s));
            docmodel_legend(c, line, 0);
        }
    }
    if (!c) docmodel_paragraph(docmodel_chapter_add(m, NULL, 0), "Im Katalog ist kein Handlungsfeld.");
    int rc = ok ? berichtpdf_write(cfg, m, config_string(cfg, "indikatoren:pdf", "indikatoren.pdf")) : IB_EXIT_STORE;
    docmodel_free(m);
    return rc;
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    long n = store_count(db, "SELECT count(*) FROM katalog_indikator");
    if (n < 0) return IB_EXIT_STORE;
    if (n == 0) return IB_EXIT_OK;          /* no catalogue configured */
    struct kapitel_gebiete a;
    kapitel_gebiete_laden(cfg, db, &a);
    int rc = write_xlsx(cfg, db, &a);
    if (rc == IB_EXIT_OK) rc = write_pdf(cfg, db, &a);
    kapitel_gebiete_free(&a);
    return rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-indikatoren", "Schreibt die Indikatoren je Handlungsfeld (XLSX, PDF).",
                      argc, argv, STORE_READ, render);
}
