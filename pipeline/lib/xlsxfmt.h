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

/*
 * xlsxfmt_print_setup — the page setup of every printed sheet: A4, landscape
 * or portrait, margins 0,75 cm left and right (XLSXFMT_MARGIN_LR inches), fit to
 * one page wide and as many pages high as needed (no shrinking to one page),
 * header with the sheet's name (&A), footer „Seite &P von &N“; header row 1
 * repeated on every page when repeat_header.  Callers add a print area
 * (worksheet_print_area) or other repeated rows (worksheet_repeat_rows)
 * where the sheet needs them.
 */
void xlsxfmt_print_setup(lxw_worksheet *ws, int landscape, int repeat_header);

/* left and right page margins of xlsxfmt_print_setup, inches (0,76 cm) */
#define XLSXFMT_MARGIN_LR 0.3

/*
 * xlsxfmt_no_print — a sheet of long data that is not meant for paper (raw
 * observations, long tables): its print area is a single note cell in row 1
 * right of the data (column after last_col) with the text note, so that
 * printing the workbook gives one page saying where the printed figures are,
 * instead of hundreds of pages.  Page setup as xlsxfmt_print_setup
 * (portrait).
 */
void xlsxfmt_no_print(lxw_worksheet *ws, lxw_col_t last_col, const char *note, lxw_format *fmt);

/*
 * Row heights for wrapped text.  libxlsxwriter does not fit row heights
 * and LibreOffice does not either for rows of a written workbook, so
 * wrapped text would overlap the next row in print.  Write the column widths
 * with xlsxfmt_set_column and wrapped text with xlsxfmt_write_string (same
 * arguments as worksheet_set_column / worksheet_write_string): they remember
 * per sheet the widths and per row the height the text needs, and
 * xlsxfmt_close sets those rows' heights (worksheet_set_row) before the
 * workbook is written.  The text format (or, for NULL, the column's) decides:
 * wrapped text is broken into lines at spaces as a cell would, other text is
 * one line; a font size above 11 pt raises the line height.
 */
lxw_error xlsxfmt_set_column(lxw_worksheet *ws, lxw_col_t first, lxw_col_t last, double width, lxw_format *fmt);
lxw_error xlsxfmt_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *fmt);

/* xlsxfmt_row_height — make row at least height points high (e.g. for a
 * header whose height is set by hand); applied by xlsxfmt_close. */
void xlsxfmt_row_height(lxw_worksheet *ws, lxw_row_t row, double height);

/*
 * xlsxfmt_text_lines — how many lines text (UTF-8) takes in a wrapped cell
 * width characters wide (Excel column width: multiples of the digit width
 * of the default 11-pt font), at font size pt, bold or not.  Widths of
 * the characters are DejaVu Sans's (what LibreOffice prints with when
 * Calibri is missing; Calibri is narrower, so Excel needs at most as many
 * lines); breaks at spaces and after hyphens, "\n" starts a line, a word
 * longer than the line
 * is broken anywhere (as LibreOffice and Excel do).  "" takes 1 line.
 */
int xlsxfmt_text_lines(const char *text, double width, double pt, int bold);

/* xlsxfmt_line_height — points per line of text at font size pt (15 at 11 pt,
 * Excel's default row height, which also holds LibreOffice's DejaVu line). */
double xlsxfmt_line_height(double pt);

/*
 * xlsxfmt_insert_chart — insert chart at row, col (worksheet_insert_chart_opt;
 * opt may be NULL) and keep it on one printed page: when the sheet has a page
 * setup (xlsxfmt_print_setup), xlsxfmt_close adds a page break before the
 * chart's row where the chart would else be cut by the end of a page, from
 * the row heights it knows (15 pt, or what wrapped text needs), the print
 * scale (fit to page width: the columns up to the last text or chart) and
 * the page height less the margins.  A chart taller than a page is made
 * lower (y_scale at most XLSXFMT_CHART_MAX_Y).  Returns the first row below
 * the chart at default row height (higher rows only make it cover fewer):
 * put the next text there, so the chart covers no cell.
 */
lxw_row_t xlsxfmt_insert_chart(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_chart *chart,
                               lxw_chart_options *opt);
#define XLSXFMT_CHART_MAX_Y 2.1     /* 2.1 × 216 pt: a landscape A4 page at 100 % */

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
