/*
 * xlsxfmt.h — the common look of ibericht's workbooks (libxlsxwriter):
 * cell formats, print setup, document properties, atomic saving.
 */
#ifndef IB_XLSXFMT_H
#define IB_XLSXFMT_H

#include <xlsxwriter.h>

#include "config.h"

struct xlsxfmt {
    lxw_format *header;      /* bold, grey, wrapped, bordered */
    lxw_format *text;        /* wrapped, top-aligned */
    lxw_format *number;      /* #,##0 */
    lxw_format *decimal;     /* #,##0.0 */
    lxw_format *date;        /* DD.MM.YYYY */
    lxw_format *datetime;    /* DD.MM.YYYY hh:mm (German Excel: TT.MM.JJJJ hh:mm) */
    lxw_format *title;       /* bold 14 pt */
    lxw_format *total;       /* bold #,##0 with a rule above */
    lxw_format *total_label; /* bold with a rule above */
};

/*
 * xlsxfmt_open — a workbook written to a temporary name next to target
 * (renamed by xlsxfmt_close), with the formats and document properties
 * (title, subject, author = company = [bericht] kommune, created =
 * report_time()).  Returns NULL after a message.
 */
lxw_workbook *xlsxfmt_open(const char *target, const struct ib_config *cfg, const char *title,
                           const char *subject, struct xlsxfmt *fmt, char **tmp_out);

/* xlsxfmt_close — close the workbook; on success (ok) rename the temporary
 * file over target, else remove it.  Returns 0 or -1 (message printed). */
int xlsxfmt_close(lxw_workbook *wb, const char *target, char *tmp, int ok);

/* xlsxfmt_print_setup — A4, landscape or portrait, one page wide, footer
 * „Seite &P von &N“, header row 1 repeated when repeat_header. */
void xlsxfmt_print_setup(lxw_worksheet *ws, int landscape, int repeat_header);

/*
 * xlsxfmt_write_iso — write an ISO date or time as a real Excel date:
 * "2024-11-20" (date format), "2024-11-20T23:35:12Z" or "2024-11-20 23:35"
 * (date and time format; the time as written, seconds kept in the value).
 * Other text is written as text, "" or NULL leaves the cell empty.
 * Returns 1 when a date was written, else 0.
 */
int xlsxfmt_write_iso(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *iso, const struct xlsxfmt *f);

/* xlsxfmt_col_name — Excel letters of a 0-based column (0 → "A", 27 → "AB"). */
char *xlsxfmt_col_name(char buf[8], int col);

#endif
