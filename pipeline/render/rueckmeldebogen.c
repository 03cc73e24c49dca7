/*
 * rueckmeldebogen.c — ibericht-rueckmeldebogen: one Rückmeldebogen (status
 * report form) per responsible department →
 * out/rueckmeldeboegen/rueckmeldebogen_<Fachdienst>.xlsx (libxlsxwriter).
 *
 * The department of a measure is massnahme_status.fachdienst (compute:
 * verantwortlich, else the delivering source's fachdienst).  The file name
 * is the department's name made safe (fsutil.h path_safe_name: umlauts →
 * ae/oe/ue/ss, blanks → _); two departments with the same safe name get
 * „_2“, „_3“ in name order.  Forms of departments that no longer have
 * measures are removed, so the folder always holds exactly this round.
 *
 * The sheet „Rückmeldebogen“:
 *   A1  „ibericht-Rückmeldebogen 1“ — the marker the loader recognises
 *   A2  „Fachdienst“, B2 the department
 *   A3  „Stand des Bogens“, B3 the report day (TT.MM.JJJJ)
 *   A4  how to fill it in
 *   row 6  the header: Kennung, Handlungsfeld, Teilziel, Maßnahme,
 *          Terminierung, letzter Status, letzter Stand | Status, Stand, Kommentar
 *   row 7…  one measure per row in report order
 * The three input columns are unlocked (yellow); everything else is locked
 * by sheet protection (no password: it guards the structure against
 * accidents, not against intent).  Status has a drop-down list of the five
 * statuses, Stand a date validation (2000–2099).  A filled form dropped
 * back into the inbox is read by the profile with `typ = statusbericht`,
 * `dateien = rueckmeldebogen_*.xlsx`, `kopfzeile = 6`
 * (config/quellen.ini), see ingest/statusbericht.c.
 *
 * Deterministic: the report day and the document date come from [bericht]
 * stand / report_time() (SOURCE_DATE_EPOCH).  Exit codes: 0, 2
 * configuration, 4 store, 5 output.
 */
#include "lib/config.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/strmap.h"
#include "lib/umsetzung.h"
#include "lib/xlsxfmt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PREFIX "rueckmeldebogen_"
#define HEAD_ROW 5              /* 0-based: Excel row 6 */

struct formats {
    lxw_format *marker, *label, *input, *input_date;   /* besides xlsxfmt's: no duplicates,
                                                       libxlsxwriter re-hashes a duplicate format on every cell */
};

static void make_formats(lxw_workbook *wb, struct formats *x)
{
    x->marker = workbook_add_format(wb);
    format_set_font_color(x->marker, 0x808080);
    format_set_italic(x->marker);
    x->label = workbook_add_format(wb);
    format_set_bold(x->label);
    x->input = workbook_add_format(wb);
    format_set_unlocked(x->input);
    format_set_bg_color(x->input, 0xFFF2CC);
    format_set_border(x->input, LXW_BORDER_THIN);
    format_set_text_wrap(x->input);
    format_set_align(x->input, LXW_ALIGN_VERTICAL_TOP);
    x->input_date = workbook_add_format(wb);
    format_set_unlocked(x->input_date);
    format_set_bg_color(x->input_date, 0xFFF2CC);
    format_set_border(x->input_date, LXW_BORDER_THIN);
    format_set_align(x->input_date, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(x->input_date, "DD.MM.YYYY");
}

/* The validations of the input columns over the data rows first..last. */
static void add_validations(lxw_worksheet *ws, lxw_row_t first, lxw_row_t last)
{
    char *list[UMSETZUNG_ANZAHL];
    int n = 0;
    for (int s = UMSETZUNG_GEPLANT; s < UMSETZUNG_ANZAHL; s++)
        list[n++] = (char *)umsetzung_status_label((enum umsetzung_status)s);
    list[n] = NULL;
    lxw_data_validation status = { 0 };
    status.validate = LXW_VALIDATION_TYPE_LIST;
    status.value_list = list;
    status.input_title = "Status";
    status.input_message = "Stand der Umsetzung aus der Liste wählen";
    status.error_title = "Status unbekannt";
    status.error_message = "Bitte einen Status aus der Liste wählen: " UMSETZUNG_ERLAUBT ".";
    worksheet_data_validation_range(ws, first, 7, last, 7, &status);

    lxw_data_validation datum = { 0 };
    datum.validate = LXW_VALIDATION_TYPE_DATE;
    datum.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    datum.minimum_datetime = (lxw_datetime){ 2000, 1, 1, 0, 0, 0 };
    datum.maximum_datetime = (lxw_datetime){ 2099, 12, 31, 0, 0, 0 };
    datum.input_title = "Stand";
    datum.input_message = "Datum, auf das sich der Status bezieht (TT.MM.JJJJ)";
    datum.error_title = "Kein Datum";
    datum.error_message = "Bitte ein Datum TT.MM.JJJJ eintragen (2000 bis 2099).";
    worksheet_data_validation_range(ws, first, 8, last, 8, &datum);
}

/* One form.  Returns IB_EXIT_OK, IB_EXIT_STORE or IB_EXIT_OUTPUT. */
static int write_form(const struct ib_config *cfg, sqlite3 *db, const char *fachdienst, const char *target,
                      const char *stand)
{
    char title[600], subject[600], *tmp = NULL;
    snprintf(title, sizeof title, "Rückmeldebogen – %s", fachdienst);
    snprintf(subject, sizeof subject, "Stand der Maßnahmen – %s",
             config_string(cfg, "bericht:titel", "Integrationsbericht"));
    struct xlsxfmt f;
    lxw_workbook *wb = xlsxfmt_open(target, cfg, title, subject, &f, &tmp);
    if (!wb) return IB_EXIT_OUTPUT;
    struct formats x;
    make_formats(wb, &x);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Rückmeldebogen");

    worksheet_write_string(ws, 0, 0, "ibericht-Rückmeldebogen 1", x.marker);
    worksheet_write_string(ws, 1, 0, "Fachdienst", x.label);
    worksheet_write_string(ws, 1, 1, fachdienst, x.label);
    worksheet_write_string(ws, 2, 0, "Stand des Bogens", x.label);
    worksheet_write_string(ws, 2, 1, stand, NULL);
    worksheet_merge_range(ws, 3, 0, 3, 9,
        "Bitte je Maßnahme in den gelben Spalten „Status“ (Auswahlliste), „Stand“ (Datum, auf das sich der "
        "Status bezieht) und bei Bedarf „Kommentar“ ausfüllen. Zeilen ohne Status bleiben unberücksichtigt. "
        "Den Bogen unter seinem Dateinamen in den Eingangsordner zurückgeben.", f.text);
    xlsxfmt_row_height(ws, 3, 45);           /* merged: 3 lines of the width of the form */

    static const struct { const char *titel; double breite; } cols[] = {
        { "Kennung", 12 }, { "Handlungsfeld", 14 }, { "Teilziel", 18 }, { "Maßnahme", 40 },
        { "Terminierung", 12.5 }, { "letzter Status", 10.5 }, { "letzter Stand", 10 },
        { "Status", 13 }, { "Stand", 10.5 }, { "Kommentar", 28 },
    };
    for (int c = 0; c < 10; c++) {
        xlsxfmt_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].breite, NULL);
        xlsxfmt_write_string(ws, HEAD_ROW, (lxw_col_t)c, cols[c].titel, f.header);
    }

    sqlite3_stmt *q = store_prepare(db,
        "SELECT st.kennung, m.handlungsfeld, m.teilziel, m.massnahme, m.terminierung_text, st.status, st.stand"
        "  FROM massnahme_status st JOIN massnahme m ON m.id = st.massnahme_id"
        "  JOIN massnahme_folge fo ON fo.massnahme_id = m.id"
        " WHERE st.fachdienst = ?1 ORDER BY fo.position");
    int rc = q ? IB_EXIT_OK : IB_EXIT_STORE;
    if (q) store_bind_text(q, 1, fachdienst);
    lxw_row_t r = HEAD_ROW;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        for (int c = 0; c < 5; c++) xlsxfmt_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), f.text);
        xlsxfmt_write_string(ws, r, 5,
                               umsetzung_status_label(umsetzung_status_von_code(store_column_text(q, 5))), f.text);
        const char *last = store_column_text(q, 6);
        if (strlen(last) == 10) {
            lxw_datetime dt = { atoi(last), atoi(last + 5), atoi(last + 8), 0, 0, 0 };
            worksheet_write_datetime(ws, r, 6, &dt, f.date);
        }
        worksheet_write_blank(ws, r, 7, x.input);
        worksheet_write_blank(ws, r, 8, x.input_date);
        worksheet_write_blank(ws, r, 9, x.input);
    }
    sqlite3_finalize(q);
    if (r > HEAD_ROW) add_validations(ws, HEAD_ROW + 1, r);
    worksheet_freeze_panes(ws, HEAD_ROW + 1, 1);
    worksheet_autofilter(ws, HEAD_ROW, 0, r, 9);
    xlsxfmt_print_setup(ws, 1, 0);
    worksheet_repeat_rows(ws, HEAD_ROW, HEAD_ROW);
    lxw_protection prot = { 0 };
    prot.format_columns = 1;      /* widths and heights may change, */
    prot.format_rows = 1;
    prot.autofilter = 1;          /* the filter may be used, */
    prot.sort = 0;                /* the rows stay as they are */
    worksheet_protect(ws, NULL, &prot);

    if (xlsxfmt_close(wb, target, tmp, rc == IB_EXIT_OK) != 0 && rc == IB_EXIT_OK) rc = IB_EXIT_OUTPUT;
    return rc;
}

/* Remove forms of an earlier round that were not written now. */
static void remove_stale(const char *dir, const struct strmap *written)
{
    char **files = dir_list(dir, NULL);
    for (char **p = files; p && *p; p++) {
        size_t n = strlen(*p);
        if (strncmp(*p, PREFIX, strlen(PREFIX)) != 0 || n < 5 || strcmp(*p + n - 5, ".xlsx") != 0) continue;
        int64_t v;
        if (strmap_get(written, *p, n, &v)) continue;
        char *path = path_join(dir, *p);
        if (unlink(path) == 0) diag_info("%s entfernt (Fachdienst ohne Maßnahmen)", path);
        else diag_warning("%s: nicht entfernt: %s", path, diag_errno_text(errno));
        free(path);
    }
    dir_list_free(files);
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    long tag = bericht_stichtag(cfg, NULL);
    if (tag < 0) return IB_EXIT_USAGE;
    char stand[16];
    format_datum(stand, sizeof stand, (int)(tag / 10000), (int)(tag / 100 % 100), (int)(tag % 100));
    char *dir = path_join(cfg->out, config_string(cfg, "rueckmeldebogen:ordner", "rueckmeldeboegen"));

    sqlite3_stmt *q = store_prepare(db, "SELECT DISTINCT fachdienst FROM massnahme_status ORDER BY fachdienst");
    int rc = q ? IB_EXIT_OK : IB_EXIT_STORE, count = 0;
    struct strmap names = { 0 }, written = { 0 };
    while (rc == IB_EXIT_OK && sqlite3_step(q) == SQLITE_ROW) {
        const char *fachdienst = store_column_text(q, 0);
        char safe[160], file[200];
        path_safe_name(fachdienst, safe, sizeof safe);
        if (!safe[0]) snprintf(safe, sizeof safe, "ohne_Namen");
        int64_t seen = 0;
        strmap_get(&names, safe, strlen(safe), &seen);
        strmap_put(&names, safe, strlen(safe), seen + 1);
        if (seen) snprintf(file, sizeof file, PREFIX "%s_%d.xlsx", safe, (int)seen + 1);
        else snprintf(file, sizeof file, PREFIX "%s.xlsx", safe);
        strmap_put(&written, file, strlen(file), 1);
        char *target = path_join(dir, file);
        rc = write_form(cfg, db, fachdienst, target, stand);
        if (rc == IB_EXIT_OK) count++;
        free(target);
    }
    sqlite3_finalize(q);
    if (rc == IB_EXIT_OK && dir_exists(dir)) remove_stale(dir, &written);
    char boegen[64];
    if (rc == IB_EXIT_OK)
        diag_info("%s in %s geschrieben (Stand %s)",
                  format_menge(boegen, sizeof boegen, count, "Rückmeldebogen", "Rückmeldebögen"), dir, stand);
    strmap_free(&names);
    strmap_free(&written);
    free(dir);
    return rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-rueckmeldebogen",
                      "Schreibt je verantwortlichem Fachdienst einen Rückmeldebogen zum Stand der Maßnahmen.",
                      argc, argv, STORE_READ, render);
}
