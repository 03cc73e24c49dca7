/*
 * render_xlsx.c — ibericht-render-xlsx: store → out/massnahmen.xlsx
 * (libxlsxwriter).
 *
 * Sheet „Maßnahmen“: every current Maßnahme in report order with its group,
 * the Terminierung as delivered and as a date, the responsible, the latest
 * status („ohne Bericht“ when none) with its Stand, the mark „überfällig“ and
 * the department's comment of that report (compute: massnahme_status) —
 * the print area, A4 landscape at about 73 % with the header row repeated —
 * then provenance (file, row), kennung, origin mark and every further column
 * of the delivery; header bold and frozen, autofilter, wrapped text with
 * row heights from the text (xlsxfmt).
 * Sheet „Übersicht“: Maßnahmen per Handlungsfeld × Terminierung group with
 * row and column totals (formulas with their values cached, so readers
 * that do not calculate see the numbers) and a native stacked bar chart.
 *
 * Texts are always written as strings, never as formulas: „=HYPERLINK(…)“
 * in a delivery stays text.  LC_NUMERIC stays "C" (libxlsxwriter prints
 * numbers with %.16G).  Exit codes: 0, 2 configuration, 4 store, 5 output.
 */
#include "lib/config.h"
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
#include <xlsxwriter.h>

/* Sheet „Maßnahmen“.  Returns 0 or -1 (store error printed). */
static int sheet_massnahmen(lxw_workbook *wb, sqlite3 *db, const struct ib_config *cfg, const struct xlsxfmt *f)
{
    /* rows with an origin mark are highlighted as the concept does (blue) */
    lxw_format *mark = workbook_add_format(wb);
    format_set_text_wrap(mark);
    format_set_align(mark, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(mark, 0xDCEBFA);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Maßnahmen");
    /* further columns of the deliveries, in the order they first appear */
    sqlite3_stmt *names = store_prepare(db,
        "SELECT a.name FROM massnahme_attribut a JOIN massnahme_folge f ON f.massnahme_id = a.massnahme_id"
        " GROUP BY a.name ORDER BY min(a.position), a.name");
    if (!names) return -1;
    int nextra = 0, capextra = 8;
    char **extra = xmalloc(sizeof(char *) * (size_t)capextra);
    while (sqlite3_step(names) == SQLITE_ROW) {
        if (nextra == capextra) { capextra *= 2; extra = xrealloc(extra, sizeof(char *) * (size_t)capextra); }
        extra[nextra++] = xstrdup(store_column_text(names, 0));
    }
    sqlite3_finalize(names);

    /* the columns a committee prints first (the print area, A4 landscape
     * at about 72 %: 147 characters wide), then the provenance and the
     * further columns of the delivery (on screen, not printed) */
    enum { T, N, D };          /* column format: text, number, date */
    enum { NR, GRUPPE, HF, TEILZIEL, MASSNAHME, TERMINIERUNG, FRIST, VERANTWORTLICH, STATUS, STAND, UEBERFAELLIG,
           KOMMENTAR, QUELLE, ZEILE, KENNUNG, HERKUNFT, NFIXED };
    static const struct { const char *titel; double breite; int art; } cols[NFIXED] = {
        [NR] = { "Nr.", 3.5, N }, [GRUPPE] = { "Gruppe", 10.5, T }, [HF] = { "Handlungsfeld", 13, T },
        [TEILZIEL] = { "Teilziel", 14, T }, [MASSNAHME] = { "Maßnahme", 27, T },
        [TERMINIERUNG] = { "Terminierung", 12, T }, [FRIST] = { "Frist bis", 10, D },
        [VERANTWORTLICH] = { "Verantwortlich", 13.5, T }, [STATUS] = { "Status", 10, T }, [STAND] = { "Stand", 10, D },
        [UEBERFAELLIG] = { "überfällig", 8.5, T }, [KOMMENTAR] = { "Kommentar", 15, T },
        [QUELLE] = { "Quelle", 32, T }, [ZEILE] = { "Zeile", 7, N }, [KENNUNG] = { "Kennung", 14, T },
        [HERKUNFT] = { "Herkunft", 14, T },
    };
    const int nfixed = NFIXED;
    for (int c = 0; c < nfixed; c++) {
        xlsxfmt_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].breite,
                           cols[c].art == N ? f->number : cols[c].art == D ? f->date : f->text);
        xlsxfmt_write_string(ws, 0, (lxw_col_t)c, cols[c].titel, f->header);
    }
    for (int e = 0; e < nextra; e++) {
        xlsxfmt_set_column(ws, (lxw_col_t)(nfixed + e), (lxw_col_t)(nfixed + e), 30, f->text);
        xlsxfmt_write_string(ws, 0, (lxw_col_t)(nfixed + e), extra[e], f->header);
    }

    sqlite3_stmt *q = store_prepare(db,
        "SELECT f.position, g.label, m.handlungsfeld, m.teilziel, m.massnahme, m.terminierung_text,"
        "       m.terminierung_ende, m.verantwortlich, s.name, m.row_number, m.id, m.kennung,"
        "       st.status, st.stand, st.ueberfaellig, m.herkunft, st.kommentar"
        "  FROM massnahme_folge f JOIN massnahme m ON m.id = f.massnahme_id"
        "  JOIN gruppe g ON g.jahr = f.gruppe_jahr JOIN source_file s ON s.id = m.source_file_id"
        "  LEFT JOIN massnahme_status st ON st.massnahme_id = m.id"
        " ORDER BY f.position");
    sqlite3_stmt *attr = store_prepare(db,
        "SELECT name, value FROM massnahme_attribut WHERE massnahme_id = ? ORDER BY position");
    if (!q || !attr) {
        sqlite3_finalize(q);
        sqlite3_finalize(attr);
        for (int e = 0; e < nextra; e++) free(extra[e]);
        free(extra);
        return -1;
    }
    lxw_row_t r = 0;
    int marked = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        r++;
        const char *herkunft = store_column_text(q, 15);
        lxw_format *tf = *herkunft ? mark : f->text;
        marked += *herkunft != '\0';
        worksheet_write_number(ws, r, NR, sqlite3_column_int(q, 0), f->number);
        for (int c = 1; c <= 5; c++)      /* Gruppe … Terminierung: query columns 1 … 5 */
            xlsxfmt_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), tf);
        if (*herkunft) xlsxfmt_write_string(ws, r, HERKUNFT, herkunft, mark);
        const char *ende = store_column_text(q, 6);
        if (strlen(ende) == 10) {
            lxw_datetime dt = { atoi(ende), atoi(ende + 5), atoi(ende + 8), 0, 0, 0 };
            worksheet_write_datetime(ws, r, FRIST, &dt, f->date);
        }
        xlsxfmt_write_string(ws, r, VERANTWORTLICH, store_column_text(q, 7), f->text);
        xlsxfmt_write_string(ws, r, QUELLE, store_column_text(q, 8), f->text);
        worksheet_write_number(ws, r, ZEILE, sqlite3_column_int(q, 9), f->number);
        xlsxfmt_write_string(ws, r, KENNUNG, store_column_text(q, 11), f->text);
        enum umsetzung_status st = umsetzung_status_von_code(store_column_text(q, 12));
        xlsxfmt_write_string(ws, r, STATUS, st == UMSETZUNG_KEIN ? "ohne Bericht" : umsetzung_status_label(st), f->text);
        const char *stand = store_column_text(q, 13);
        if (strlen(stand) == 10) {
            lxw_datetime dt = { atoi(stand), atoi(stand + 5), atoi(stand + 8), 0, 0, 0 };
            worksheet_write_datetime(ws, r, STAND, &dt, f->date);
        }
        if (sqlite3_column_int(q, 14)) xlsxfmt_write_string(ws, r, UEBERFAELLIG, "ja", f->text);
        if (*store_column_text(q, 16)) xlsxfmt_write_string(ws, r, KOMMENTAR, store_column_text(q, 16), f->text);
        if (nextra) {
            sqlite3_reset(attr);
            sqlite3_bind_int64(attr, 1, sqlite3_column_int64(q, 10));
            int e = 0;
            while (sqlite3_step(attr) == SQLITE_ROW) {
                const char *name = store_column_text(attr, 0);
                while (e < nextra && strcmp(extra[e], name) != 0) e++;
                if (e == nextra) {      /* same header at another position: search from the start */
                    for (e = 0; e < nextra && strcmp(extra[e], name) != 0; e++)
                        ;
                    if (e == nextra) continue;
                }
                xlsxfmt_write_string(ws, r, (lxw_col_t)(nfixed + e), store_column_text(attr, 1), f->text);
            }
        }
    }
    sqlite3_finalize(q);
    sqlite3_finalize(attr);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, r, (lxw_col_t)(nfixed + nextra - 1));
    if (marked) {
        char legend[512];
        snprintf(legend, sizeof legend, "Blau hinterlegt: %s",
                 config_string(cfg, "massnahmen:herkunft_legende", "Ergänzung der Kommunalen Migrationsvertretung"));
        xlsxfmt_write_string(ws, r + 2, MASSNAHME, legend, mark);
    }
    xlsxfmt_print_setup(ws, 1, 1);
    worksheet_print_area(ws, 0, 0, marked ? r + 2 : r, KOMMENTAR);
    for (int e = 0; e < nextra; e++) free(extra[e]);
    free(extra);
    return 0;
}

/* Sheet „Übersicht“ with the counts, totals and the stacked bar chart. */
static int sheet_uebersicht(lxw_workbook *wb, sqlite3 *db, const struct ib_config *cfg,
                            const struct xlsxfmt *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Übersicht");
    xlsxfmt_write_string(ws, 0, 0, "Maßnahmen je Handlungsfeld und Terminierung", f->title);
    worksheet_write_string(ws, 1, 0, config_string(cfg, "bericht:titel", "Integrationsbericht"), NULL);

    sqlite3_stmt *g = store_prepare(db, "SELECT jahr, label FROM gruppe ORDER BY position");
    sqlite3_stmt *h = store_prepare(db, "SELECT name, label FROM handlungsfeld ORDER BY position");
    sqlite3_stmt *u = store_prepare(db, "SELECT anzahl FROM uebersicht WHERE handlungsfeld = ? AND gruppe_jahr = ?");
    if (!g || !h || !u) {
        sqlite3_finalize(g); sqlite3_finalize(h); sqlite3_finalize(u);
        return -1;
    }
    int ng = 0, jahre[512];
    const lxw_row_t head = 3;
    char *labels[512];
    while (sqlite3_step(g) == SQLITE_ROW && ng < 512) {
        jahre[ng] = sqlite3_column_int(g, 0);
        labels[ng++] = xstrdup(store_column_text(g, 1));
    }
    sqlite3_finalize(g);
    xlsxfmt_set_column(ws, 0, 0, 48, f->text);
    xlsxfmt_set_column(ws, 1, (lxw_col_t)(ng + 1), 16, NULL);
    xlsxfmt_write_string(ws, head, 0, "Handlungsfeld", f->header);
    for (int i = 0; i < ng; i++) {
        xlsxfmt_write_string(ws, head, (lxw_col_t)(i + 1), labels[i], f->header);
        free(labels[i]);
    }
    xlsxfmt_write_string(ws, head, (lxw_col_t)(ng + 1), "Summe", f->header);

    long *col_sum = xcalloc((size_t)ng + 1, sizeof(long));
    lxw_row_t r = head;
    char formula[128], c0[8], c1[8];
    xlsxfmt_col_name(c0, 1);
    xlsxfmt_col_name(c1, ng);
    while (sqlite3_step(h) == SQLITE_ROW) {
        r++;
        const char *name = store_column_text(h, 0);
        xlsxfmt_write_string(ws, r, 0, store_column_text(h, 1), f->text);
        long row_sum = 0;
        for (int i = 0; i < ng; i++) {
            sqlite3_reset(u);
            store_bind_text(u, 1, name);
            sqlite3_bind_int(u, 2, jahre[i]);
            long n = sqlite3_step(u) == SQLITE_ROW ? sqlite3_column_int64(u, 0) : 0;
            worksheet_write_number(ws, r, (lxw_col_t)(i + 1), (double)n, f->number);
            row_sum += n;
            col_sum[i] += n;
        }
        col_sum[ng] += row_sum;
        snprintf(formula, sizeof formula, "=SUM(%s%u:%s%u)", c0, r + 1, c1, r + 1);
        worksheet_write_formula_num(ws, r, (lxw_col_t)(ng + 1), formula, f->total, (double)row_sum);
    }
    sqlite3_finalize(h);
    sqlite3_finalize(u);
    lxw_row_t first = head + 1, last = r;
    r++;
    worksheet_write_string(ws, r, 0, "Summe", f->total_label);
    for (int i = 0; i <= ng; i++) {
        char c[8];
        xlsxfmt_col_name(c, i + 1);
        snprintf(formula, sizeof formula, "=SUM(%s%u:%s%u)", c, first + 1, c, last + 1);
        worksheet_write_formula_num(ws, r, (lxw_col_t)(i + 1), formula, f->total, (double)col_sum[i]);
    }
    free(col_sum);
    xlsxfmt_print_setup(ws, 1, 0);

    if (last >= first && ng > 0) {
        lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_BAR_STACKED);
        for (int i = 0; i < ng; i++) {
            lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
            chart_series_set_categories(s, "Übersicht", first, 0, last, 0);
            chart_series_set_values(s, "Übersicht", first, (lxw_col_t)(i + 1), last, (lxw_col_t)(i + 1));
            chart_series_set_name_range(s, "Übersicht", head, (lxw_col_t)(i + 1));
        }
        chart_title_set_name(chart, "Maßnahmen je Handlungsfeld nach Terminierung");
        chart_axis_set_name(chart->x_axis, "Anzahl Maßnahmen");
        chart_axis_set_reverse(chart->y_axis);          /* first Handlungsfeld on top */
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options opt = { 0 };
        opt.x_scale = 2.0;
        opt.y_scale = 1.0 + (double)(last - first + 1) / 8.0;
        xlsxfmt_insert_chart(ws, r + 2, 0, chart, &opt);      /* below the table */
    }
    return 0;
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    char *target = path_join(cfg->out, config_string(cfg, "massnahmenliste:xlsx", "massnahmen.xlsx"));
    long n = store_count(db, "SELECT count(*) FROM massnahme_folge");
    if (n <= 0) {                 /* a job without a measure list (indicators, survey) */
        if (n == 0) diag_info("keine Maßnahmen im Datenbestand: %s nicht geschrieben", target);
        free(target);
        return n == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    }
    char title[512], *tmp = NULL;
    snprintf(title, sizeof title, "%s – Maßnahmen", config_string(cfg, "bericht:titel", "Integrationsbericht"));
    struct xlsxfmt f;
    lxw_workbook *wb = xlsxfmt_open(target, cfg, title,
                                    config_string(cfg, "massnahmenliste:titel", "Maßnahmen nach Terminierung"), &f, &tmp);
    if (!wb) { free(target); return IB_EXIT_OUTPUT; }
    int rc = sheet_massnahmen(wb, db, cfg, &f) == 0 && sheet_uebersicht(wb, db, cfg, &f) == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    if (xlsxfmt_close(wb, target, tmp, rc == IB_EXIT_OK) != 0 && rc == IB_EXIT_OK) rc = IB_EXIT_OUTPUT;
    if (rc == IB_EXIT_OK) diag_info("%s geschrieben", target);
    free(target);
    return rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-xlsx", "Schreibt die Maßnahmenliste als Excel-Arbeitsmappe.", argc, argv, STORE_READ, render);
}
