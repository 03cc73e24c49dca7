/*
 * xlsxfmt.c — common formats, print setup, row heights of wrapped text
 * and saving of ibericht's workbooks.
 */
#include "xlsxfmt.h"
#include "deflate_fast.h"
#include "diag.h"
#include "format.h"
#include "fsutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fit_apply(void);
static void fit_paged(lxw_worksheet *ws, int landscape);

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
    fit_apply();
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
    worksheet_set_margins(ws, XLSXFMT_MARGIN_LR, XLSXFMT_MARGIN_LR, 0.7, 0.7);
    worksheet_fit_to_pages(ws, 1, 0);        /* one page wide, as many high as needed */
    lxw_header_footer_options hf = { .margin = 0.3 };
    worksheet_set_header_opt(ws, "&L&A", &hf);
    worksheet_set_footer_opt(ws, "&CSeite &P von &N", &hf);
    if (repeat_header) worksheet_repeat_rows(ws, 0, 0);
    fit_paged(ws, landscape);
}

void xlsxfmt_no_print(lxw_worksheet *ws, lxw_col_t last_col, const char *note, lxw_format *fmt)
{
    lxw_col_t c = (lxw_col_t)(last_col + 2);
    xlsxfmt_set_column(ws, c, c, 60, fmt);
    xlsxfmt_write_string(ws, 0, c, note, fmt);
    xlsxfmt_print_setup(ws, 0, 0);
    worksheet_print_area(ws, 0, c, 0, c);
}

/* ---- row heights of wrapped text ------------------------------------------------ */

/* Advance widths of DejaVu Sans (2048 units per em) for U+0020..U+00FF,
 * from DejaVuSans.ttf 2.37 (hmtx via cmap); the digits are 1303. */
static const unsigned short dejavu_latin1[224] = {
    651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
    1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
    1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716, 1229,
    1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229,
    1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229, 1229,
    651, 821, 1303, 1303, 1303, 1303, 690, 1024, 1024, 2048, 965, 1253, 1716, 739, 2048, 1024,
    1024, 1716, 821, 821, 1024, 1303, 1303, 651, 1024, 821, 965, 1253, 1985, 1985, 1985, 1087,
    1401, 1401, 1401, 1401, 1401, 1401, 1995, 1430, 1294, 1294, 1294, 1294, 604, 604, 604, 604,
    1587, 1532, 1612, 1612, 1612, 1612, 1612, 1716, 1612, 1499, 1499, 1499, 1499, 1251, 1239, 1290,
    1255, 1255, 1255, 1255, 1255, 1255, 2011, 1126, 1260, 1260, 1260, 1260, 569, 569, 569, 569,
    1253, 1298, 1253, 1253, 1253, 1253, 1253, 1716, 1253, 1298, 1298, 1298, 1298, 1212, 1300, 1212,
};

/* the next code point of UTF-8 text (invalid bytes count as one character) */
static unsigned next_cp(const unsigned char **p)
{
    const unsigned char *s = *p;
    unsigned c = *s++;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (more) c &= 0x3Fu >> more;
    for (; more && (*s & 0xC0) == 0x80; more--) c = (c << 6) | (*s++ & 0x3F);
    *p = s;
    return c;
}

/* width of a code point in units of the digit width */
static double cp_width(unsigned c)
{
    unsigned w;
    if (c >= 0x20 && c <= 0xFF) w = dejavu_latin1[c - 0x20];
    else if (c == 0x201E || c == 0x201C || c == 0x201D) w = 1061;     /* „ “ ” */
    else if (c == 0x2018 || c == 0x2019 || c == 0x201A) w = 651;
    else if (c == 0x2013) w = 1024;                                   /* – */
    else if (c == 0x2014 || c == 0x2026) w = 2048;                    /* — … */
    else if (c >= 0x2E80) w = 2048;                                   /* CJK and others: 1 em */
    else w = 1400;                                                    /* other scripts: wider than a digit */
    return w / 1303.0;
}

/* width of one line of 11-pt text in digit widths */
static double text_width(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    double w = 0;
    while (*p) w += cp_width(next_cp(&p));
    return w;
}

int xlsxfmt_text_lines(const char *text, double width, double pt, int bold)
{
    /* the cell's inner width in digit widths at this font: libxlsxwriter
     * stores width + 5/7 (Excel's padding of 5 pixels), LibreOffice and
     * Excel keep a few points free at the edges */
    double scale = (pt > 0 ? pt : 11) / 11.0 * (bold ? 1.1 : 1.0);
    double avail = (width + 0.3) / scale;
    if (avail < 1) avail = 1;
    const unsigned char *p = (const unsigned char *)(text ? text : "");
    int lines = 1;
    double line = 0;          /* width of the current line */
    while (*p) {
        if (*p == '\n') { lines++; line = 0; p++; continue; }
        if (*p == ' ') {       /* a space: kept if the next word fits after it */
            line += cp_width(' ');
            p++;
            continue;
        }
        double word = 0;          /* up to the next space, or after a hyphen (a break) */
        const unsigned char *q = p;
        while (*q && *q != ' ' && *q != '\n') {
            int hyphen = *q == '-';
            word += cp_width(next_cp(&q));
            if (hyphen) break;
        }
        if (line > 0 && line + word > avail) {       /* the word starts a new line */
            lines++;
            line = 0;
        }
        if (word <= avail - line) {
            line += word;
        } else {               /* longer than a line: broken anywhere */
            while (p < q) {
                double w = cp_width(next_cp(&p));
                if (line + w > avail && line > 0) { lines++; line = 0; }
                line += w;
            }
        }
        p = q;
    }
    return lines;
}

double xlsxfmt_line_height(double pt)
{
    return 15.0 * (pt > 11 ? pt / 11.0 : 1.0);
}

/* a chart to keep on one page: its first row and height in points */
struct fit_chart { lxw_row_t row; double height; };

/* what one sheet's wrapped text needs and where its charts are; one list per
 * process (a stage writes one workbook at a time; xlsxfmt_close applies and
 * empties it) */
struct fit {
    lxw_worksheet *ws;
    double *width;            /* per column, Excel widths (default 8.43) */
    lxw_format **fmt;         /* per column, its format (or NULL) */
    lxw_col_t ncol;
    double *need;             /* per row, points (0 = default height) */
    lxw_row_t nrow;
    int paged, landscape;     /* xlsxfmt_print_setup was called */
    lxw_col_t last_col;       /* last column with text */
    double chart_right;       /* right edge of the widest chart or of text running
                                 over its cell's right edge, points */
    struct fit_chart *chart;
    int ncharts;
    struct fit *next;
};
static struct fit *fits;

static struct fit *fit_of(lxw_worksheet *ws)
{
    for (struct fit *f = fits; f; f = f->next)
        if (f->ws == ws) return f;
    struct fit *f = xcalloc(1, sizeof *f);
    f->ws = ws;
    f->next = fits;
    fits = f;
    return f;
}

static void fit_cols(struct fit *f, lxw_col_t n)
{
    if (n <= f->ncol) return;
    lxw_col_t cap = n < 64 ? 64 : n * 2;
    f->width = xrealloc(f->width, sizeof(double) * cap);
    f->fmt = xrealloc(f->fmt, sizeof(lxw_format *) * cap);
    for (lxw_col_t c = f->ncol; c < cap; c++) { f->width[c] = LXW_DEF_COL_WIDTH; f->fmt[c] = NULL; }
    f->ncol = cap;
}

static void fit_need(struct fit *f, lxw_row_t row, double height)
{
    if (row >= f->nrow) {
        lxw_row_t cap = row < 1024 ? 1024 : row * 2;
        f->need = xrealloc(f->need, sizeof(double) * cap);
        for (lxw_row_t r = f->nrow; r < cap; r++) f->need[r] = 0;
        f->nrow = cap;
    }
    if (height > f->need[row]) f->need[row] = height;
}

static double col_points(const struct fit *f, lxw_col_t c);

static void fit_paged(lxw_worksheet *ws, int landscape)
{
    struct fit *f = fit_of(ws);
    f->paged = 1;
    f->landscape = landscape;
}

lxw_error xlsxfmt_set_column(lxw_worksheet *ws, lxw_col_t first, lxw_col_t last, double width, lxw_format *fmt)
{
    struct fit *f = fit_of(ws);
    fit_cols(f, (lxw_col_t)(last + 1));
    for (lxw_col_t c = first; c <= last; c++) { f->width[c] = width; f->fmt[c] = fmt; }
    return worksheet_set_column(ws, first, last, width, fmt);
}

lxw_error xlsxfmt_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *fmt)
{
    struct fit *f = fit_of(ws);
    fit_cols(f, (lxw_col_t)(col + 1));
    if (col > f->last_col) f->last_col = col;
    lxw_format *use = fmt ? fmt : f->fmt[col];
    double pt = use && use->font_size > 0 ? use->font_size : 11;
    int bold = use && use->bold;
    int lines = 1;
    if (use && use->text_wrap) {
        lines = xlsxfmt_text_lines(text, f->width[col], pt, bold);
    } else if (text && *text) {   /* one line, running over into the empty cells to the right: */
        double left = 0;              /* LibreOffice prints up to the end of the column it ends in */
        for (lxw_col_t c = 0; c < col; c++) left += col_points(f, c);
        double right = left + 7.0 * text_width(text) * pt / 11.0 * (bold ? 1.15 : 1.0) + 4, end = left;
        for (lxw_col_t c = col; end < right && c < LXW_COL_MAX; c++) end += col_points(f, c);
        if (end > f->chart_right) f->chart_right = end;
    }
    double h = lines * xlsxfmt_line_height(pt);
    if (h > LXW_DEF_ROW_HEIGHT + 0.01) fit_need(f, row, h);
    return worksheet_write_string(ws, row, col, text, fmt);
}

void xlsxfmt_row_height(lxw_worksheet *ws, lxw_row_t row, double height)
{
    fit_need(fit_of(ws), row, height);
}

/* stored width of a column in points as LibreOffice prints it: libxlsxwriter
 * adds Excel's 5 pixels of padding, one unit is the 7-pt digit */
static double col_points(const struct fit *f, lxw_col_t c)
{
    double w = c < f->ncol ? f->width[c] : LXW_DEF_COL_WIDTH;
    return 7.0 * (w + 5.0 / 7.0);
}

static double row_points(const struct fit *f, lxw_row_t r)
{
    double h = r < f->nrow && f->need[r] > 0 ? f->need[r] : LXW_DEF_ROW_HEIGHT;
    return h > 409 ? 409 : h;
}

lxw_row_t xlsxfmt_insert_chart(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_chart *chart,
                               lxw_chart_options *opt)
{
    lxw_chart_options o = opt ? *opt : (lxw_chart_options){ 0 };
    if (o.x_scale <= 0) o.x_scale = 1;
    if (o.y_scale <= 0) o.y_scale = 1;
    if (o.y_scale > XLSXFMT_CHART_MAX_Y) o.y_scale = XLSXFMT_CHART_MAX_Y;
    worksheet_insert_chart_opt(ws, row, col, chart, &o);
    struct fit *f = fit_of(ws);
    double left = 0;
    for (lxw_col_t c = 0; c < col; c++) left += col_points(f, c);
    /* default chart: 480 × 288 px.  Its anchor spans the columns Excel's
     * pixel widths give (7 per unit + 5); LibreOffice prints those columns
     * 7 pt per unit + 5, so the chart is as many points wide as it has
     * pixels; rows are points in both */
    double right = left + 480 * o.x_scale;
    if (right > f->chart_right) f->chart_right = right;
    f->chart = xrealloc(f->chart, sizeof *f->chart * (size_t)(f->ncharts + 1));
    f->chart[f->ncharts++] = (struct fit_chart){ row, 288 * 0.75 * o.y_scale };
    return row + (lxw_row_t)(288 * 0.75 * o.y_scale / LXW_DEF_ROW_HEIGHT) + 1;
}

/* page breaks that keep each chart of a paged sheet on one page: rows are
 * laid out on pages a little lower than LibreOffice's and Excel's (a row that
 * does not fit starts the next page), a chart that would cross the end of the
 * page starts a new one; every page end up to the last chart is a manual
 * break, so the printing program follows this layout and adds no break of
 * its own before the last chart */
static void fit_breaks(struct fit *f)
{
    if (!f->paged || !f->ncharts) return;
    double width = 0;
    for (lxw_col_t c = 0; c <= f->last_col; c++) width += col_points(f, c);
    if (f->chart_right > width) width = f->chart_right;
    double paper_w = f->landscape ? 841.9 : 595.3, paper_h = f->landscape ? 595.3 : 841.9;
    double usable_w = paper_w - 72 * 2 * XLSXFMT_MARGIN_LR;
    double scale = width > usable_w ? usable_w / width : 1;
    double page = (paper_h - 72 * (0.7 + 0.7)) * 0.95 / scale;   /* sheet points per page, a little to spare */
    lxw_row_t last = 0;
    for (int i = 0; i < f->ncharts; i++)
        if (f->chart[i].row > last) last = f->chart[i].row;
    lxw_row_t *breaks = xcalloc((size_t)last + 2, sizeof *breaks);
    int nb = 0;
    double pos = 0;
    for (lxw_row_t r = 0; r <= last; r++) {
        for (int i = 0; i < f->ncharts; i++)
            if (f->chart[i].row == r && pos > 0 && pos + f->chart[i].height > page && nb < 1023) {
                breaks[nb++] = r;
                pos = 0;
            }
        double h = row_points(f, r);
        if (pos + h > page && pos > 0) {
            if (nb < 1023) breaks[nb++] = r;  /* the page is full */
            pos = 0;
        }
        pos += h;
    }
    if (nb) worksheet_set_h_pagebreaks(f->ws, breaks);
    free(breaks);
}

/* set the heights and page breaks remembered and forget every sheet */
static void fit_apply(void)
{
    while (fits) {
        struct fit *f = fits;
        fits = f->next;
        for (lxw_row_t r = 0; r < f->nrow; r++)
            if (f->need[r] > 0) worksheet_set_row(f->ws, r, f->need[r] > 409 ? 409 : f->need[r], NULL);
        fit_breaks(f);
        free(f->width);
        free(f->fmt);
        free(f->need);
        free(f->chart);
        free(f);
    }
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
