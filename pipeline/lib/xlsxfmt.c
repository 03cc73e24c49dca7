/*
 * xlsxfmt.c — common formats and saving of ibericht's workbooks.
 */
#include "xlsxfmt.h"
#include "deflate_fast.h"
#include "diag.h"
#include "format.h"
#include "fsutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void make_formats(lxw_workbook *wb, struct xlsxfmt *f)
{
    f->header = workbook_add_format(wb);
    format_set_bold(f->header);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(f->header, 0xD9D9D9);
    format_set_border(f->header, LXW_BORDER_THIN);
    f->text = workbook_add_format(wb);
    format_set_text_wrap(f->text);
    format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
    f->number = workbook_add_format(wb);
    format_set_align(f->number, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->number, "#,##0");
    f->decimal = workbook_add_format(wb);
    format_set_align(f->decimal, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->decimal, "#,##0.0");
    f->date = workbook_add_format(wb);
    format_set_align(f->date, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->date, "DD.MM.YYYY");
    f->datetime = workbook_add_format(wb);
    format_set_align(f->datetime, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->datetime, "DD.MM.YYYY hh:mm");
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->total = workbook_add_format(wb);
    format_set_bold(f->total);
    format_set_num_format(f->total, "#,##0");
    format_set_top(f->total, LXW_BORDER_THIN);
    f->total_label = workbook_add_format(wb);
    format_set_bold(f->total_label);
    format_set_top(f->total_label, LXW_BORDER_THIN);
}

lxw_workbook *xlsxfmt_open(const char *target, const struct ib_config *cfg, const char *title,
                           const char *subject, struct xlsxfmt *fmt, char **tmp_out)
{
    char *tmp = outfile_temp(target);
    if (!tmp) return NULL;
    deflate_fast_enable();
    lxw_workbook_options opt = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
    lxw_workbook *wb = workbook_new_opt(tmp, &opt);
    if (!wb) {
        diag_error("%s: Arbeitsmappe kann nicht angelegt werden", target);
        free(tmp);
        return NULL;
    }
    make_formats(wb, fmt);
    const char *kommune = config_string(cfg, "bericht:kommune", "");
    lxw_doc_properties props = { 0 };
    props.title = (char *)title;
    props.subject = (char *)subject;
    props.author = (char *)kommune;
    props.company = (char *)kommune;
    props.comments = "erstellt mit ibericht";
    props.created = report_time();
    workbook_set_properties(wb, &props);
    *tmp_out = tmp;
    return wb;
}

int xlsxfmt_close(lxw_workbook *wb, const char *target, char *tmp, int ok)
{
    lxw_error err = workbook_close(wb);
    if (ok && err != LXW_NO_ERROR) {
        diag_error("%s: Arbeitsmappe nicht geschrieben: %s", target, lxw_strerror(err));
        ok = 0;
    }
    if (ok && outfile_commit(tmp, target) != 0) ok = 0;
    if (!ok) outfile_abort(tmp);
    free(tmp);
    return ok ? 0 : -1;
}

void xlsxfmt_print_setup(lxw_worksheet *ws, int landscape, int repeat_header)
{
    if (landscape) worksheet_set_landscape(ws);
    else worksheet_set_portrait(ws);
    worksheet_set_paper(ws, 9);              /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_footer(ws, "&CSeite &P von &N");
    if (repeat_header) worksheet_repeat_rows(ws, 0, 0);
}

char *xlsxfmt_col_name(char buf[8], int col)
{
    char tmp[8];
    int n = 0;
    col++;
    while (col > 0 && n < 7) {
        tmp[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

int xlsxfmt_write_iso(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *iso, const struct xlsxfmt *f)
{
    if (!iso || !*iso) return 0;
    lxw_datetime dt = { 0 };
    int n = 0, k = 0, sec = 0;
    const char *rest = NULL;
    lxw_format *fmt = f->date;
    if (sscanf(iso, "%4d-%2d-%2d%n", &dt.year, &dt.month, &dt.day, &n) == 3 && n == 10
        && dt.month >= 1 && dt.month <= 12 && dt.day >= 1 && dt.day <= 31)
        rest = iso + n;
    if (rest && (*rest == 'T' || *rest == ' ')) {          /* a time of day follows */
        if (sscanf(rest + 1, "%2d:%2d%n", &dt.hour, &dt.min, &k) == 2 && k == 5 && dt.hour >= 0
            && dt.hour <= 23 && dt.min >= 0 && dt.min <= 59) {
            rest += 1 + k;
            if (sscanf(rest, ":%2d%n", &sec, &k) == 1 && k == 3 && sec >= 0 && sec <= 60) {
                dt.sec = sec;
                rest += k;
            }
            if (*rest == 'Z') rest++;
            fmt = f->datetime;
        } else {
            rest = NULL;
        }
    }
    if (rest && !*rest) {
        worksheet_write_datetime(ws, row, col, &dt, fmt);
        return 1;
    }
    worksheet_write_string(ws, row, col, iso, f->text);
    return 0;
}
