/*
 * pdfchart.c — line, bar, horizontal bar and stacked 100 % bar charts in a
 * pdfdoc (see pdfchart.h).
 *
 * Every chart is laid out first (struct layout: wrapped texts, axis,
 * geometry, heights), then drawn from the layout; pdfchart_height runs the
 * same layout, so the height it reports is the height drawn.  Coordinates
 * are PDF points from the bottom-left corner of the page; the chart's top
 * is the cursor doc->y.
 *
 * Vertical charts (line, bar), top to bottom: title, unit, plot (value axis
 * on the left, categories under it), legend, source.  Horizontal charts
 * (bars, stacked bars): title, plot (category labels in a column on the
 * left, right-aligned, one row per category; value axis under the plot),
 * unit under the axis, legend, source.
 */
#include "pdfchart.h"
#include "diag.h"
#include "format.h"
#include "textwrap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- typography (points) ------------------------------------------------ */

#define ASCENT       0.93    /* DejaVu ascender, em */
#define CAP_HALF     0.36    /* half the cap height, em: centres a line on a y */
#define TITLE_SIZE   10.0
#define TITLE_LEAD   12.5
#define TEXT_SIZE    7.5     /* ticks, categories, legend, unit */
#define TEXT_LEAD    9.2
#define SOURCE_SIZE  7.0
#define SOURCE_LEAD  8.6
#define GAP_BELOW    14.0    /* space left under a chart */
#define NODATA_H     80.0    /* frame of a horizontal chart without data */
#define DEFAULT_PLOT 170.0
#define MAX_DECIMALS 6

/* ---- colours ------------------------------------------------------------ */

struct rgb { double r, g, b; };

#define RGB(hex) { ((hex) >> 16 & 0xFF) / 255.0, ((hex) >> 8 & 0xFF) / 255.0, ((hex) & 0xFF) / 255.0 }

/* Okabe–Ito, ordered so that neighbours differ in grey (luma in comments). */
static const struct rgb palette[] = {
    RGB(0x0072B2),   /* blue            .34 */
    RGB(0xE69F00),   /* orange          .64 */
    RGB(0x009E73),   /* bluish green    .41 */
    RGB(0x56B4E9),   /* sky blue        .62 */
    RGB(0xD55E00),   /* vermillion      .47 */
    RGB(0xF0E442),   /* yellow          .84 */
    RGB(0xCC79A7),   /* reddish purple  .59 */
    RGB(0x000000),   /* black           .00 */
};
#define NPALETTE ((int)(sizeof palette / sizeof palette[0]))

/* Diverging Likert scales, 2..7 points: Okabe–Ito blue … grey … vermillion. */
static const struct rgb likert[6][7] = {
    { RGB(0x0072B2), RGB(0xD55E00) },
    { RGB(0x0072B2), RGB(0xDDDDDD), RGB(0xD55E00) },
    { RGB(0x0072B2), RGB(0xA6D5F3), RGB(0xE69F00), RGB(0xD55E00) },
    { RGB(0x0072B2), RGB(0x56B4E9), RGB(0xDDDDDD), RGB(0xE69F00), RGB(0xD55E00) },
    { RGB(0x0072B2), RGB(0x56B4E9), RGB(0xA6D5F3), RGB(0xF5CB7A), RGB(0xE69F00), RGB(0xD55E00) },
    { RGB(0x0072B2), RGB(0x56B4E9), RGB(0xA6D5F3), RGB(0xDDDDDD), RGB(0xF5CB7A), RGB(0xE69F00),
      RGB(0xD55E00) },
};

/* Dash patterns (points, libharu takes integers) and marker shapes of lines. */
static const HPDF_UINT16 dashes[6][4] = {
    { 0 }, { 6, 3 }, { 2, 2 }, { 7, 2, 2, 2 }, { 11, 3 }, { 4, 2, 1, 2 },
};
static const int ndash[6] = { 0, 2, 2, 4, 2, 4 };
enum marker { M_CIRCLE, M_SQUARE, M_TRIANGLE, M_DIAMOND, M_TRIANGLE_DOWN, M_BAR, NMARKERS };

static const double GRID_GREY = 0.82, AXIS_GREY = 0.25, LABEL_GREY = 0.2;

static double luma(struct rgb c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; }

/* ---- pure parts --------------------------------------------------------- */

int pdfchart_nice_axis(double lo, double hi, int max_intervals, double min_step,
                       struct pdfchart_axis *axis)
{
    static const double mant[] = { 1, 2, 2.5, 5 };
    if (!isfinite(lo) || !isfinite(hi) || lo > hi) return -1;
    if (max_intervals < 2) max_intervals = 2;
    if (!(min_step > 0) || !isfinite(min_step)) min_step = 0;
    if (hi == lo) {
        double d = lo != 0 ? fabs(lo) * 0.1 : 1;
        lo -= d;
        hi += d;
        if (lo < 0 && lo + d >= 0) lo = 0;     /* keep a zero start from going negative */
    }
    double raw = (hi - lo) / max_intervals;
    if (raw < min_step) raw = min_step;
    if (!isfinite(raw) || !(raw > 1e-300)) return -1;       /* overflowing or denormal range */
    int k = (int)floor(log10(raw));
    for (int guard = 0; guard < 64; guard++, k++) {
        for (int m = 0; m < 4; m++) {
            double step = mant[m] * pow(10, k);
            if (step < raw * (1 - 1e-9) || step < min_step * (1 - 1e-9)) continue;
            double a = floor(lo / step + 1e-9), b = ceil(hi / step - 1e-9);
            if (!isfinite(step) || !isfinite(a * step) || !isfinite(b * step)) return -1;
            if (b - a > max_intervals) continue;
            if (b == a) b = a + 1;
            axis->step = step;
            axis->min = a * step;
            axis->max = b * step;
            if (axis->min == 0) axis->min = 0;          /* no "-0" */
            axis->nticks = (int)(b - a) + 1;
            int dec = -k + (mant[m] == 2.5 ? 1 : 0);
            axis->decimals = dec < 0 ? 0 : dec;
            return 0;
        }
    }
    return -1;
}

char *pdfchart_format_tick(char *buf, size_t size, double value, int decimals, int percent)
{
    char num[64];
    format_zahl(num, sizeof num, value, decimals);
    snprintf(buf, size, "%s%s", num, percent ? " %" : "");
    return buf;
}

/* ---- text helpers ------------------------------------------------------- */

struct measure_ctx { struct pdfdoc *doc; HPDF_Font font; double size; };

static double measure_cb(const char *s, size_t len, void *p)
{
    struct measure_ctx *m = p;
    return pdfdoc_measure(m->doc, m->font, m->size, s, len);
}

static double text_width(struct pdfdoc *doc, HPDF_Font font, double size, const char *s)
{
    return pdfdoc_measure(doc, font, size, s, strlen(s));
}

/* Wrap text at width; returns the widest line's width. */
static double wrap(struct pdfdoc *doc, struct textwrap *w, HPDF_Font font, double size,
                   const char *text, double width)
{
    struct measure_ctx m = { doc, font, size };
    textwrap_break(w, text ? text : "", width < 1 ? 1 : width, measure_cb, &m);
    double widest = 0;
    for (int i = 0; i < w->count; i++) {
        double lw = pdfdoc_measure(doc, font, size, text + w->lines[i].start, w->lines[i].len);
        if (w->lines[i].hyphen) lw += pdfdoc_measure(doc, font, size, "-", 1);
        if (lw > widest) widest = lw;
    }
    return widest;
}

/* Widest blank-separated word of s. */
static double widest_word(struct pdfdoc *doc, HPDF_Font font, double size, const char *s)
{
    double widest = 0;
    while (*s) {
        while (*s == ' ') s++;
        size_t n = strcspn(s, " ");
        double w = pdfdoc_measure(doc, font, size, s, n);
        if (w > widest) widest = w;
        s += n;
    }
    return widest;
}

/* Draw s[0..len) turned 90° counter-clockwise, its baseline starting at (x, y). */
static void text_upright(struct pdfdoc *doc, HPDF_Font font, double size, double x, double y,
                         const char *s, size_t len)
{
    if (!len) return;
    char small[256];
    char *buf = len < sizeof small ? small : xmalloc(len + 1);
    memcpy(buf, s, len);
    buf[len] = '\0';
    HPDF_Page_BeginText(doc->page);
    HPDF_Page_SetFontAndSize(doc->page, font, (HPDF_REAL)size);
    HPDF_Page_SetTextMatrix(doc->page, 0, 1, -1, 0, (HPDF_REAL)x, (HPDF_REAL)y);
    HPDF_Page_ShowText(doc->page, buf);
    HPDF_Page_EndText(doc->page);
    if (buf != small) free(buf);
}

enum align { LEFT, CENTER, RIGHT };

static void text_at(struct pdfdoc *doc, HPDF_Font font, double size, double x, double baseline,
                    enum align al, const char *s, size_t len)
{
    if (!len) return;
    double w = al == LEFT ? 0 : pdfdoc_measure(doc, font, size, s, len);
    if (al == CENTER) x -= w / 2;
    else if (al == RIGHT) x -= w;
    pdfdoc_text(doc, font, size, x, baseline, s, len);
}

/* Draw one wrapped line aligned at x, with the hyphen of a word broken
 * there (textwrap.h) as part of the line. */
static void line_at(struct pdfdoc *doc, HPDF_Font font, double size, double x, double baseline,
                    enum align al, const char *text, const struct textwrap_line *ln)
{
    if (!ln->hyphen) {
        text_at(doc, font, size, x, baseline, al, text + ln->start, ln->len);
        return;
    }
    char *buf = xmalloc(ln->len + 1);
    memcpy(buf, text + ln->start, ln->len);
    buf[ln->len] = '-';
    text_at(doc, font, size, x, baseline, al, buf, ln->len + 1);
    free(buf);
}

/* Draw wrapped lines; line i has its baseline at first_baseline - i * lead. */
static void draw_wrapped(struct pdfdoc *doc, HPDF_Font font, double size, double lead,
                         double x, double first_baseline, enum align al, const char *text,
                         const struct textwrap *w)
{
    for (int i = 0; i < w->count; i++)
        line_at(doc, font, size, x, first_baseline - i * lead, al, text, &w->lines[i]);
}

static void gray_fill(struct pdfdoc *doc, double g) { HPDF_Page_SetGrayFill(doc->page, (HPDF_REAL)g); }

static void rgb_fill(struct pdfdoc *doc, struct rgb c)
{
    HPDF_Page_SetRGBFill(doc->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

static void rgb_stroke(struct pdfdoc *doc, struct rgb c)
{
    HPDF_Page_SetRGBStroke(doc->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

static void line(struct pdfdoc *doc, double x0, double y0, double x1, double y1)
{
    HPDF_Page_MoveTo(doc->page, (HPDF_REAL)x0, (HPDF_REAL)y0);
    HPDF_Page_LineTo(doc->page, (HPDF_REAL)x1, (HPDF_REAL)y1);
}

static void rect(struct pdfdoc *doc, double x0, double y0, double x1, double y1)
{
    double x = x0 < x1 ? x0 : x1, y = y0 < y1 ? y0 : y1;
    HPDF_Page_Rectangle(doc->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)fabs(x1 - x0),
                        (HPDF_REAL)fabs(y1 - y0));
}

/* ---- data --------------------------------------------------------------- */

static int present(const struct pdfchart_series *s, int i)
{
    return !(s->missing && s->missing[i]) && isfinite(s->values[i]);
}

static const char *category(const struct pdfchart *c, int i)
{
    return c->categories[i] ? c->categories[i] : "";
}

static struct rgb series_colour(const struct pdfchart *c, int s)
{
    if (c->kind == PDFCHART_STACKED100 && !c->nominal && c->nseries >= 2 && c->nseries <= 7)
        return likert[c->nseries - 2][s];
    return palette[s % NPALETTE];
}

unsigned long pdfchart_series_rgb(const struct pdfchart *c, int s)
{
    struct rgb col = series_colour(c, s);
    return (unsigned long)lround(col.r * 255) << 16 | (unsigned long)lround(col.g * 255) << 8
         | (unsigned long)lround(col.b * 255);
}

int pdfchart_series_dash(int s, double pattern[4])
{
    int d = s % 6;
    for (int i = 0; i < ndash[d]; i++) pattern[i] = dashes[d][i];
    return ndash[d];
}

static int decimals_of(const struct pdfchart *c)
{
    return c->decimals < 0 ? 0 : c->decimals > MAX_DECIMALS ? MAX_DECIMALS : c->decimals;
}

/* ---- layout ------------------------------------------------------------- */

struct legend_item {
    struct textwrap w;
    double x, top;           /* offsets from the legend's left/top */
};

struct layout {
    struct pdfdoc *doc;
    const struct pdfchart *c;
    int horizontal, nodata, percent, labels_on, mark_missing, show_legend;
    double value_size;       /* font size of value labels and „k. A.“ marks */
    double x0, w;            /* chart's left edge and width */
    char *source_text, *target_text;
    struct textwrap title, source, target, unit;
    double target_w;
    struct textwrap *cat;    /* ncategories wrapped labels */
    int cat_step;            /* LINE: label every cat_step-th category */
    int cat_lines;
    double cat_size, cat_lead;   /* font size and leading of the category labels */
    int cat_rotated;         /* BAR: labels turned 90°, reading upwards */
    double cat_height;       /* height the category labels take under the plot */
    double label_col;        /* horizontal: width of the category column */
    double *row_h;           /* horizontal: height of each category row */
    double bar_t, bar_gap;   /* bar thickness and gap between the bars of a group */
    double group_t;          /* horizontal: thickness of a row's bar group */
    struct legend_item *leg;
    double legend_h;
    struct pdfchart_axis ax;
    double plot_x0, plot_x1, plot_h;
    double title_h, unit_h, top_band, bottom_band, below_h, source_h, total;
    int any_neg, any_pos;    /* some value below / above 0 */
};

static void layout_free(struct layout *L)
{
    textwrap_free(&L->title);
    textwrap_free(&L->source);
    textwrap_free(&L->target);
    textwrap_free(&L->unit);
    if (L->cat)
        for (int i = 0; i < L->c->ncategories; i++) textwrap_free(&L->cat[i]);
    free(L->cat);
    if (L->leg)
        for (int s = 0; s < L->c->nseries; s++) textwrap_free(&L->leg[s].w);
    free(L->leg);
    free(L->row_h);
    free(L->source_text);
    free(L->target_text);
    memset(L, 0, sizeof *L);
}

static int valid(const struct pdfchart *c, int report)
{
    const char *why = NULL;
    if (!c) why = "keine Beschreibung";
    else if (c->ncategories < 1 || !c->categories) why = "keine Kategorien";
    else if (c->nseries < 1 || !c->series) why = "keine Datenreihen";
    else
        for (int s = 0; s < c->nseries; s++)
            if (!c->series[s].values) why = "Datenreihe ohne Werte";
    if (why && report)
        diag_error("Diagramm „%s“: %s", c && c->title ? c->title : "", why);
    return !why;
}

/* Value range of the data (0 included); *any = number of values present. */
static void data_range(const struct pdfchart *c, double *lo, double *hi, int *any)
{
    *lo = 0;
    *hi = 0;
    *any = 0;
    for (int s = 0; s < c->nseries; s++)
        for (int i = 0; i < c->ncategories; i++) {
            if (!present(&c->series[s], i)) continue;
            double v = c->series[s].values[i];
            if (v < *lo) *lo = v;
            if (v > *hi) *hi = v;
            (*any)++;
        }
}

static void value_text(const struct layout *L, char *buf, size_t size, double v)
{
    pdfchart_format_tick(buf, size, v, decimals_of(L->c), L->percent);
}

static double widest_tick(const struct layout *L)
{
    char buf[80];
    double widest = 0;
    for (int t = 0; t < L->ax.nticks; t++) {
        pdfchart_format_tick(buf, sizeof buf, L->ax.min + t * L->ax.step, L->ax.decimals, L->percent);
        double w = text_width(L->doc, L->doc->regular, TEXT_SIZE, buf);
        if (w > widest) widest = w;
    }
    return widest;
}

static double swatch_width(const struct layout *L) { return L->c->kind == PDFCHART_LINE ? 24 : 9; }

/* Legend items flow left to right and wrap into rows. */
static void layout_legend(struct layout *L)
{
    const struct pdfchart *c = L->c;
    L->leg = xcalloc((unsigned long)c->nseries, sizeof *L->leg);
    double sw = swatch_width(L), x = 0;
    int lines_in_row = 1;
    double row_top = 0;
    for (int s = 0; s < c->nseries; s++) {
        struct legend_item *it = &L->leg[s];
        double tw = wrap(L->doc, &it->w, L->doc->regular, TEXT_SIZE, c->series[s].name,
                         L->w - sw - 4);
        int lines = it->w.count ? it->w.count : 1;
        double item_w = sw + 4 + tw;
        if (x > 0 && x + item_w > L->w) {
            row_top += lines_in_row * TEXT_LEAD + 3;
            x = 0;
            lines_in_row = 1;
        }
        it->x = x;
        it->top = row_top;
        if (lines > lines_in_row) lines_in_row = lines;
        x += item_w + 14;
    }
    L->legend_h = 8 + row_top + lines_in_row * TEXT_LEAD;
}

/* Target line label: „Ziel: 15 %“ unless the caller gave one. */
static void layout_target(struct layout *L)
{
    const struct pdfchart *c = L->c;
    char buf[96];
    if (c->target_label) {
        L->target_text = xstrdup(c->target_label);
    } else {
        value_text(L, buf, sizeof buf, c->target);
        L->target_text = xmalloc(strlen(buf) + 8);
        sprintf(L->target_text, "Ziel: %s", buf);
    }
    double max = L->w * 0.2 < 90 ? L->w * 0.2 : 90;
    L->target_w = wrap(L->doc, &L->target, L->doc->regular, TEXT_SIZE, L->target_text, max);
}

/* Value label font size that fits every label into `room`; 0 = none fits. */
static double fit_value_labels(struct layout *L, double room, int with_values)
{
    static const double sizes[] = { 7, 6.5, 6 };
    const struct pdfchart *c = L->c;
    char buf[80];
    for (int k = 0; k < 3; k++) {
        int ok = 1;
        for (int s = 0; s < c->nseries && ok; s++)
            for (int i = 0; i < c->ncategories && ok; i++) {
                if (present(&c->series[s], i)) {
                    if (!with_values) continue;
                    value_text(L, buf, sizeof buf, c->series[s].values[i]);
                } else {
                    strcpy(buf, "k. A.");
                }
                ok = text_width(L->doc, L->doc->regular, sizes[k], buf) <= room;
            }
        if (ok) return sizes[k];
    }
    return 0;
}

static int layout_vertical(struct layout *L, double lo, double hi)
{
    const struct pdfchart *c = L->c;
    struct pdfdoc *doc = L->doc;
    const int n = c->ncategories, ns = c->nseries;
    L->plot_h = c->height > 0 ? c->height : DEFAULT_PLOT;
    if (c->has_target && isfinite(c->target)) {
        if (c->target < lo) lo = c->target;
        if (c->target > hi) hi = c->target;
    }
    int max_int = (int)(L->plot_h / 28);
    max_int = max_int < 2 ? 2 : max_int > 8 ? 8 : max_int;
    if (pdfchart_nice_axis(lo, hi, max_int, pow(10, -decimals_of(c)), &L->ax) != 0) return -1;

    if (c->has_target && isfinite(c->target)) layout_target(L);
    L->plot_x0 = L->x0 + widest_tick(L) + 5;
    L->plot_x1 = L->x0 + L->w - (L->target_text ? L->target_w + 6 : 1);
    double slot = (L->plot_x1 - L->plot_x0) / n;

    /* category labels: a time axis labels every k-th period; bars wrap their
     * labels between words, at 7.5, 7 or 6.5 pt, or else turn them upright */
    L->cat_step = 1;
    L->cat_size = TEXT_SIZE;
    double widest = 0, room = slot - 3;
    for (int i = 0; i < n; i++) {
        double ww = widest_word(doc, doc->regular, TEXT_SIZE, category(c, i));
        if (ww > widest) widest = ww;
    }
    if (c->kind == PDFCHART_LINE) {
        while (L->cat_step < n && widest > L->cat_step * slot - 3) L->cat_step++;
        room = L->cat_step * slot - 3;
    } else if (widest > room) {
        if (widest * 6.5 / TEXT_SIZE <= room) L->cat_size = widest * 7 / TEXT_SIZE <= room ? 7 : 6.5;
        else {
            L->cat_rotated = 1;
            L->cat_size = 7;
            room = 0;
            for (int i = 0; i < n; i++)
                room = fmax(room, text_width(doc, doc->regular, L->cat_size, category(c, i)));
            room = fmin(room, fmax(120, L->plot_h * 0.6));
        }
    }
    L->cat_lead = L->cat_size * TEXT_LEAD / TEXT_SIZE;
    L->cat = xcalloc((unsigned long)n, sizeof *L->cat);
    L->cat_lines = 0;
    L->cat_height = 0;
    for (int i = 0; i < n; i++) {
        if ((n - 1 - i) % L->cat_step) continue;
        double w = wrap(doc, &L->cat[i], doc->regular, L->cat_size, category(c, i), room);
        if (L->cat[i].count > L->cat_lines) L->cat_lines = L->cat[i].count;
        if (L->cat_rotated && w > L->cat_height) L->cat_height = w;
    }
    if (!L->cat_rotated) L->cat_height = L->cat_lines * L->cat_lead;

    /* bars: value labels must fit the distance between neighbouring bars */
    if (c->kind == PDFCHART_BAR) {
        double group = slot * (ns == 1 ? 0.6 : 0.8);
        L->bar_gap = ns > 1 ? fmin(1.5, group * 0.04) : 0;
        L->bar_t = (group - L->bar_gap * (ns - 1)) / ns;
        double pitch = (ns == 1 ? slot : L->bar_t + L->bar_gap) - 1.5;
        if (c->value_labels) {
            L->value_size = fit_value_labels(L, pitch, 1);
            L->labels_on = L->value_size > 0;
        }
        if (!L->labels_on) L->value_size = fit_value_labels(L, pitch, 0);
        L->mark_missing = L->value_size > 0;
    }
    wrap(doc, &L->unit, doc->regular, TEXT_SIZE, c->unit, L->w);
    L->unit_h = L->unit.count ? L->unit.count * TEXT_LEAD + 2 : 0;
    L->top_band = 7;
    if (L->labels_on && L->any_pos) L->top_band = L->value_size * 1.2 + 3;
    L->bottom_band = L->labels_on && L->any_neg ? L->value_size * 1.2 + 3 : 0;
    L->below_h = 4 + L->cat_height;
    L->show_legend = ns > 1;
    return 0;
}

static int layout_horizontal(struct layout *L, double lo, double hi)
{
    const struct pdfchart *c = L->c;
    struct pdfdoc *doc = L->doc;
    const int n = c->ncategories, ns = c->nseries;
    const int stacked = c->kind == PDFCHART_STACKED100;

    /* category column: as wide as the widest label, at most 38 % of the chart */
    double widest = 0;
    for (int i = 0; i < n; i++) {
        double w = text_width(doc, doc->regular, TEXT_SIZE, category(c, i));
        if (w > widest) widest = w;
    }
    L->label_col = fmin(widest, L->w * 0.38);
    L->cat = xcalloc((unsigned long)n, sizeof *L->cat);
    L->row_h = xcalloc((unsigned long)n, sizeof *L->row_h);
    if (stacked) {
        L->bar_t = L->group_t = 15;
    } else {
        L->bar_t = ns == 1 ? 12 : 8;
        L->bar_gap = ns == 1 ? 0 : 1.5;
        L->group_t = ns * L->bar_t + (ns - 1) * L->bar_gap;
    }
    L->plot_h = 0;
    for (int i = 0; i < n; i++) {
        wrap(doc, &L->cat[i], doc->regular, TEXT_SIZE, category(c, i), L->label_col);
        double text_h = L->cat[i].count * TEXT_LEAD;
        L->row_h[i] = (text_h > L->group_t ? text_h : L->group_t) + 8;
        L->plot_h += L->row_h[i];
    }

    /* value labels beside the bars (HBAR) or inside the segments (stacked) */
    double vl_w = 0;
    L->value_size = 7;
    if (!stacked) {
        char buf[80];
        for (int s = 0; s < ns; s++)
            for (int i = 0; i < n; i++) {
                if (present(&c->series[s], i)) {
                    if (!c->value_labels) continue;
                    value_text(L, buf, sizeof buf, c->series[s].values[i]);
                } else {
                    strcpy(buf, "k. A.");
                }
                double w = text_width(doc, doc->regular, L->value_size, buf);
                if (w > vl_w) vl_w = w;
            }
        L->mark_missing = 1;
    }
    L->labels_on = c->value_labels;
    double base_l = L->x0 + (L->label_col > 0 ? L->label_col + 8 : 0), base_r = L->x0 + L->w;
    L->plot_x0 = base_l;
    L->plot_x1 = base_r - 2;
    if (stacked) {
        lo = 0;
        hi = 100;
    }
    int max_int = (int)((L->plot_x1 - L->plot_x0) / 45);
    max_int = max_int < 2 ? 2 : max_int > 10 ? 10 : max_int;
    double min_step = stacked ? 1 : pow(10, -decimals_of(c));
    double tick_w;
    for (;;) {
        if (pdfchart_nice_axis(lo, hi, max_int, min_step, &L->ax) != 0) return -1;
        tick_w = widest_tick(L);
        if (tick_w + 8 <= (L->plot_x1 - L->plot_x0) / (L->ax.nticks - 1) || max_int <= 2) break;
        max_int--;
    }
    /* room for the last tick label, and for value labels beyond the longest
     * bars: pl + fl × width ≥ label (left), pr + fr × width ≥ label (right) */
    double span = L->ax.max - L->ax.min;
    double fl = (lo - L->ax.min) / span, fr = (L->ax.max - hi) / span;
    double need_l = !stacked && L->any_neg && c->value_labels ? vl_w + 3 : 0;
    double need_r = !stacked && c->value_labels ? vl_w + 3 : 0;
    double pl = 0, pr = tick_w / 2 + 1;
    for (int it = 0; it < 8; it++) {
        double pw = base_r - pr - base_l - pl;
        pl = fmax(0, need_l - fl * pw);
        pr = fmax(tick_w / 2 + 1, need_r - fr * pw);
    }
    L->plot_x0 = base_l + pl;
    L->plot_x1 = base_r - pr;
    L->top_band = 2;
    wrap(doc, &L->unit, doc->regular, TEXT_SIZE, c->unit, L->w);
    L->below_h = 3 + TEXT_LEAD + (L->unit.count ? L->unit.count * TEXT_LEAD + 1 : 0);
    L->show_legend = stacked || ns > 1;
    return 0;
}

/* Lay the chart out; 0, or -1 for an invalid chart (message with report). */
static int layout(struct layout *L, struct pdfdoc *doc, const struct pdfchart *c, int report)
{
    memset(L, 0, sizeof *L);
    if (!valid(c, report)) return -1;
    L->doc = doc;
    L->c = c;
    L->horizontal = c->kind == PDFCHART_HBAR || c->kind == PDFCHART_STACKED100;
    L->percent = c->percent_axis || c->kind == PDFCHART_STACKED100;
    L->x0 = doc->margin_left;
    L->w = pdfdoc_content_width(doc);
    if (c->width > 0 && c->width < L->w) L->w = c->width;

    double lo, hi;
    int any;
    data_range(c, &lo, &hi, &any);
    L->any_neg = lo < 0;
    L->any_pos = hi > 0;
    if (L->percent && hi < 100) hi = 100;

    wrap(doc, &L->title, doc->bold, TITLE_SIZE, c->title, L->w);
    L->title_h = L->title.count ? L->title.count * TITLE_LEAD + 6 : 0;
    if (c->source) {
        L->source_text = xmalloc(strlen(c->source) + 16);
        sprintf(L->source_text, "Quelle: %s", c->source);
        wrap(doc, &L->source, doc->regular, SOURCE_SIZE, L->source_text, L->w);
        L->source_h = 6 + L->source.count * SOURCE_LEAD;
    }

    if (!any) {
        L->nodata = 1;
        L->top_band = 4;
        L->plot_x0 = L->x0;
        L->plot_x1 = L->x0 + L->w;
        L->plot_h = L->horizontal ? NODATA_H : c->height > 0 ? c->height : DEFAULT_PLOT;
        L->below_h = 2;
    } else if ((L->horizontal ? layout_horizontal(L, lo, hi) : layout_vertical(L, lo, hi)) != 0) {
        if (report) diag_error("Diagramm „%s“: Werte außerhalb des darstellbaren Bereichs",
                               c->title ? c->title : "");
        layout_free(L);
        return -1;
    }
    if (L->show_legend) layout_legend(L);
    L->total = L->title_h + L->unit_h + L->top_band + L->plot_h + L->bottom_band + L->below_h
             + L->legend_h + L->source_h + GAP_BELOW;
    return 0;
}

/* ---- drawing ------------------------------------------------------------ */

static double value_y(const struct layout *L, double plot_bot, double v)
{
    return plot_bot + (v - L->ax.min) / (L->ax.max - L->ax.min) * L->plot_h;
}

static double value_x(const struct layout *L, double v)
{
    return L->plot_x0 + (v - L->ax.min) / (L->ax.max - L->ax.min) * (L->plot_x1 - L->plot_x0);
}

static void set_dash(struct pdfdoc *doc, int s)
{
    int d = s % 6;
    HPDF_Page_SetDash(doc->page, ndash[d] ? dashes[d] : NULL, (HPDF_UINT)ndash[d], 0);
}

static void marker(struct pdfdoc *doc, int s, double x, double y, double r)
{
    HPDF_Page p = doc->page;
    switch (s % NMARKERS) {
    case M_CIRCLE:
        HPDF_Page_Circle(p, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)r);
        break;
    case M_SQUARE:
        rect(doc, x - r * 0.88, y - r * 0.88, x + r * 0.88, y + r * 0.88);
        break;
    case M_TRIANGLE:
        HPDF_Page_MoveTo(p, (HPDF_REAL)x, (HPDF_REAL)(y + r * 1.2));
        HPDF_Page_LineTo(p, (HPDF_REAL)(x - r * 1.1), (HPDF_REAL)(y - r * 0.8));
        HPDF_Page_LineTo(p, (HPDF_REAL)(x + r * 1.1), (HPDF_REAL)(y - r * 0.8));
        HPDF_Page_ClosePath(p);
        break;
    case M_DIAMOND:
        HPDF_Page_MoveTo(p, (HPDF_REAL)x, (HPDF_REAL)(y + r * 1.25));
        HPDF_Page_LineTo(p, (HPDF_REAL)(x + r * 1.1), (HPDF_REAL)y);
        HPDF_Page_LineTo(p, (HPDF_REAL)x, (HPDF_REAL)(y - r * 1.25));
        HPDF_Page_LineTo(p, (HPDF_REAL)(x - r * 1.1), (HPDF_REAL)y);
        HPDF_Page_ClosePath(p);
        break;
    case M_TRIANGLE_DOWN:
        HPDF_Page_MoveTo(p, (HPDF_REAL)x, (HPDF_REAL)(y - r * 1.2));
        HPDF_Page_LineTo(p, (HPDF_REAL)(x - r * 1.1), (HPDF_REAL)(y + r * 0.8));
        HPDF_Page_LineTo(p, (HPDF_REAL)(x + r * 1.1), (HPDF_REAL)(y + r * 0.8));
        HPDF_Page_ClosePath(p);
        break;
    default:   /* M_BAR: a wide, flat rectangle */
        rect(doc, x - r * 1.2, y - r * 0.6, x + r * 1.2, y + r * 0.6);
        break;
    }
    HPDF_Page_FillStroke(p);
}

/* Marker with the series colour and a thin white rim. */
static void series_marker(struct pdfdoc *doc, const struct pdfchart *c, int s, double x, double y)
{
    rgb_fill(doc, series_colour(c, s));
    HPDF_Page_SetGrayStroke(doc->page, 1);
    HPDF_Page_SetLineWidth(doc->page, 0.6);
    HPDF_Page_SetDash(doc->page, NULL, 0, 0);
    marker(doc, s, x, y, 2.6);
}

static void draw_line_style(struct pdfdoc *doc, const struct pdfchart *c, int s)
{
    rgb_stroke(doc, series_colour(c, s));
    HPDF_Page_SetLineWidth(doc->page, 1.6);
    set_dash(doc, s);
}

static void draw_legend(const struct layout *L, double top)
{
    struct pdfdoc *doc = L->doc;
    const struct pdfchart *c = L->c;
    double sw = swatch_width(L);
    for (int s = 0; s < c->nseries; s++) {
        const struct legend_item *it = &L->leg[s];
        double x = L->x0 + it->x, ytop = top - 8 - it->top;
        double mid = ytop - TEXT_LEAD / 2;          /* centre of the first text line */
        if (c->kind == PDFCHART_LINE) {
            draw_line_style(doc, c, s);
            HPDF_Page_SetLineCap(doc->page, HPDF_BUTT_END);
            line(doc, x, mid, x + sw, mid);
            HPDF_Page_Stroke(doc->page);
            series_marker(doc, c, s, x + sw / 2, mid);
        } else {
            rgb_fill(doc, series_colour(c, s));
            rect(doc, x, mid - 4.5, x + 9, mid + 4.5);
            HPDF_Page_Fill(doc->page);
        }
        gray_fill(doc, LABEL_GREY);
        draw_wrapped(doc, doc->regular, TEXT_SIZE, TEXT_LEAD, x + sw + 4,
                     mid - CAP_HALF * TEXT_SIZE, LEFT, c->series[s].name, &it->w);
    }
    HPDF_Page_SetDash(doc->page, NULL, 0, 0);
}

static void draw_nodata(const struct layout *L, double plot_top)
{
    struct pdfdoc *doc = L->doc;
    double bot = plot_top - L->plot_h;
    HPDF_Page_SetGrayStroke(doc->page, 0.6);
    HPDF_Page_SetLineWidth(doc->page, 0.5);
    rect(doc, L->plot_x0, bot, L->plot_x1, plot_top);
    HPDF_Page_Stroke(doc->page);
    gray_fill(doc, 0.35);
    static const char note[] = "keine Daten";
    text_at(doc, doc->regular, 9, (L->plot_x0 + L->plot_x1) / 2,
            (plot_top + bot) / 2 - CAP_HALF * 9, CENTER, note, strlen(note));
}

/* Horizontal gridlines and tick labels of a vertical chart. */
static void draw_value_axis_left(const struct layout *L, double plot_bot)
{
    struct pdfdoc *doc = L->doc;
    char buf[80];
    HPDF_Page_SetGrayStroke(doc->page, GRID_GREY);
    HPDF_Page_SetLineWidth(doc->page, 0.5);
    for (int t = 0; t < L->ax.nticks; t++) {
        double y = value_y(L, plot_bot, L->ax.min + t * L->ax.step);
        line(doc, L->plot_x0, y, L->plot_x1, y);
    }
    HPDF_Page_Stroke(doc->page);
    gray_fill(doc, LABEL_GREY);
    for (int t = 0; t < L->ax.nticks; t++) {
        double v = L->ax.min + t * L->ax.step;
        pdfchart_format_tick(buf, sizeof buf, v, L->ax.decimals, L->percent);
        text_at(doc, doc->regular, TEXT_SIZE, L->plot_x0 - 4,
                value_y(L, plot_bot, v) - CAP_HALF * TEXT_SIZE, RIGHT, buf, strlen(buf));
    }
}

static void draw_bars_vertical(const struct layout *L, double plot_bot)
{
    struct pdfdoc *doc = L->doc;
    const struct pdfchart *c = L->c;
    const int n = c->ncategories, ns = c->nseries;
    double slot = (L->plot_x1 - L->plot_x0) / n;
    double group = ns * L->bar_t + (ns - 1) * L->bar_gap;
    double y0 = value_y(L, plot_bot, 0);
    char buf[80];
    for (int s = 0; s < ns; s++) {
        rgb_fill(doc, series_colour(c, s));
        int any = 0;
        for (int i = 0; i < n; i++) {
            if (!present(&c->series[s], i)) continue;
            double x = L->plot_x0 + i * slot + (slot - group) / 2 + s * (L->bar_t + L->bar_gap);
            rect(doc, x, y0, x + L->bar_t, value_y(L, plot_bot, c->series[s].values[i]));
            any = 1;
        }
        if (any) HPDF_Page_Fill(doc->page);
    }
    if (!L->value_size) return;
    for (int s = 0; s < ns; s++)
        for (int i = 0; i < n; i++) {
            double cx = L->plot_x0 + i * slot + (slot - group) / 2 + s * (L->bar_t + L->bar_gap)
                      + L->bar_t / 2;
            double base;
            if (present(&c->series[s], i)) {
                if (!L->labels_on) continue;
                double v = c->series[s].values[i];
                value_text(L, buf, sizeof buf, v);
                double yv = value_y(L, plot_bot, v);
                base = v >= 0 ? yv + 2.5 : yv - 2 - ASCENT * L->value_size;
                gray_fill(doc, LABEL_GREY);
            } else if (L->mark_missing) {
                strcpy(buf, "k. A.");
                base = L->ax.max > 0 ? y0 + 2.5 : y0 - 2 - ASCENT * L->value_size;
                gray_fill(doc, 0.45);
            } else {
                continue;
            }
            text_at(doc, doc->regular, L->value_size, cx, base, CENTER, buf, strlen(buf));
        }
}

static void draw_lines(const struct layout *L, double plot_bot)
{
    struct pdfdoc *doc = L->doc;
    const struct pdfchart *c = L->c;
    const int n = c->ncategories;
    double slot = (L->plot_x1 - L->plot_x0) / n;
    HPDF_Page_SetLineJoin(doc->page, HPDF_ROUND_JOIN);
    HPDF_Page_SetLineCap(doc->page, HPDF_BUTT_END);
    /* lines first, markers on top of all lines */
    for (int s = 0; s < c->nseries; s++) {
        const struct pdfchart_series *ser = &c->series[s];
        draw_line_style(doc, c, s);
        int open = 0, any = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (!present(ser, i) || !present(ser, i + 1)) {   /* a gap breaks the line */
                open = 0;
                continue;
            }
            double xa = L->plot_x0 + (i + 0.5) * slot, xb = xa + slot;
            if (!open)
                HPDF_Page_MoveTo(doc->page, (HPDF_REAL)xa, (HPDF_REAL)value_y(L, plot_bot, ser->values[i]));
            HPDF_Page_LineTo(doc->page, (HPDF_REAL)xb, (HPDF_REAL)value_y(L, plot_bot, ser->values[i + 1]));
            open = any = 1;
        }
        if (any) HPDF_Page_Stroke(doc->page);
    }
    HPDF_Page_SetDash(doc->page, NULL, 0, 0);
    HPDF_Page_SetLineJoin(doc->page, HPDF_MITER_JOIN);
    for (int s = 0; s < c->nseries; s++)
        for (int i = 0; i < n; i++)
            if (present(&c->series[s], i))
                series_marker(doc, c, s, L->plot_x0 + (i + 0.5) * slot,
                              value_y(L, plot_bot, c->series[s].values[i]));
}

static void draw_target(const struct layout *L, double plot_bot)
{
    struct pdfdoc *doc = L->doc;
    static const HPDF_UINT16 dash[] = { 5, 3 };
    double y = value_y(L, plot_bot, L->c->target);
    HPDF_Page_SetGrayStroke(doc->page, 0.1);
    HPDF_Page_SetLineWidth(doc->page, 1);
    HPDF_Page_SetDash(doc->page, dash, 2, 0);
    line(doc, L->plot_x0, y, L->plot_x1 + 3, y);
    HPDF_Page_Stroke(doc->page);
    HPDF_Page_SetDash(doc->page, NULL, 0, 0);
    gray_fill(doc, 0.1);
    double block = L->target.count * TEXT_LEAD;
    draw_wrapped(doc, doc->regular, TEXT_SIZE, TEXT_LEAD, L->plot_x1 + 6,
                 y + block / 2 - TEXT_LEAD / 2 - CAP_HALF * TEXT_SIZE, LEFT, L->target_text,
                 &L->target);
}

static void draw_vertical(const struct layout *L, double top)
{
    struct pdfdoc *doc = L->doc;
    const struct pdfchart *c = L->c;
    const int n = c->ncategories;
    double y = top - L->title_h;
    if (L->unit.count) {
        gray_fill(doc, LABEL_GREY);
        draw_wrapped(doc, doc->regular, TEXT_SIZE, TEXT_LEAD, L->x0, y - ASCENT * TEXT_SIZE, LEFT,
                     c->unit, &L->unit);
    }
    double plot_top = y - L->unit_h - L->top_band;
    double plot_bot = plot_top - L->plot_h;
    draw_value_axis_left(L, plot_bot);
    if (c->kind == PDFCHART_BAR) draw_bars_vertical(L, plot_bot);
    else draw_lines(L, plot_bot);

    /* the zero line over the bars' feet */
    double y0 = value_y(L, plot_bot, 0);
    HPDF_Page_SetGrayStroke(doc->page, AXIS_GREY);
    HPDF_Page_SetLineWidth(doc->page, 0.8);
    line(doc, L->plot_x0, y0, L->plot_x1, y0);
    HPDF_Page_Stroke(doc->page);
    if (L->target_text) draw_target(L, plot_bot);

    /* categories under the plot; a time axis gets a tick per period */
    double slot = (L->plot_x1 - L->plot_x0) / n;
    double cat_top = plot_bot - L->bottom_band - 4;
    if (c->kind == PDFCHART_LINE) {
        HPDF_Page_SetGrayStroke(doc->page, 0.55);
        HPDF_Page_SetLineWidth(doc->page, 0.5);
        for (int i = 0; i < n; i++) {
            double x = L->plot_x0 + (i + 0.5) * slot;
            line(doc, x, plot_bot, x, plot_bot - (L->cat[i].count ? 3 : 2));
        }
        HPDF_Page_Stroke(doc->page);
        cat_top -= 1;
    }
    gray_fill(doc, LABEL_GREY);
    for (int i = 0; i < n; i++) {
        double cx = L->plot_x0 + (i + 0.5) * slot;
        if (!L->cat_rotated) {
            draw_wrapped(doc, doc->regular, L->cat_size, L->cat_lead, cx,
                         cat_top - ASCENT * L->cat_size, CENTER, category(c, i), &L->cat[i]);
            continue;
        }
        /* upright: each line ends at cat_top, the lines side by side around cx */
        const struct textwrap *w = &L->cat[i];
        for (int k = 0; k < w->count; k++) {
            const char *s = category(c, i) + w->lines[k].start;
            double lw = pdfdoc_measure(doc, doc->regular, L->cat_size, s, w->lines[k].len);
            double x = cx + (k + 0.5 - w->count / 2.0) * L->cat_lead + CAP_HALF * L->cat_size;
            text_upright(doc, doc->regular, L->cat_size, x, cat_top - lw, s, w->lines[k].len);
        }
    }
}

static void draw_horizontal(const struct layout *L, double top)
{
    struct pdfdoc *doc = L->doc;
    const struct pdfchart *c = L->c;
    const int n = c->ncategories, ns = c->nseries;
    const int stacked = c->kind == PDFCHART_STACKED100;
    char buf[80];
    double plot_top = top - L->title_h - L->top_band;
    double plot_bot = plot_top - L->plot_h;

    /* vertical gridlines, tick labels under the plot, unit under them */
    HPDF_Page_SetGrayStroke(doc->page, GRID_GREY);
    HPDF_Page_SetLineWidth(doc->page, 0.5);
    for (int t = 0; t < L->ax.nticks; t++) {
        double x = value_x(L, L->ax.min + t * L->ax.step);
        line(doc, x, plot_top, x, plot_bot - 2);
    }
    HPDF_Page_Stroke(doc->page);
    gray_fill(doc, LABEL_GREY);
    double tick_base = plot_bot - 3 - ASCENT * TEXT_SIZE;
    for (int t = 0; t < L->ax.nticks; t++) {
        double v = L->ax.min + t * L->ax.step;
        pdfchart_format_tick(buf, sizeof buf, v, L->ax.decimals, L->percent);
        text_at(doc, doc->regular, TEXT_SIZE, value_x(L, v), tick_base, CENTER, buf, strlen(buf));
    }
    if (L->unit.count)
        draw_wrapped(doc, doc->regular, TEXT_SIZE, TEXT_LEAD, (L->plot_x0 + L->plot_x1) / 2,
                     tick_base - TEXT_LEAD - 1, CENTER, c->unit, &L->unit);

    double row_top = plot_top, x0 = value_x(L, 0);
    for (int i = 0; i < n; i++) {
        double mid = row_top - L->row_h[i] / 2;
        row_top -= L->row_h[i];
        /* label, right-aligned in the category column, centred on the row */
        double block = L->cat[i].count * TEXT_LEAD;
        gray_fill(doc, 0.1);
        draw_wrapped(doc, doc->regular, TEXT_SIZE, TEXT_LEAD, L->x0 + L->label_col,
                     mid + block / 2 - TEXT_LEAD / 2 - CAP_HALF * TEXT_SIZE, RIGHT,
                     category(c, i), &L->cat[i]);
        double gtop = mid + L->group_t / 2;
        if (stacked) {
            double sum = 0;
            for (int s = 0; s < ns; s++)
                if (present(&c->series[s], i) && c->series[s].values[i] > 0)
                    sum += c->series[s].values[i];
            if (sum <= 0) {
                gray_fill(doc, 0.45);
                text_at(doc, doc->regular, L->value_size, L->plot_x0 + 3,
                        mid - CAP_HALF * L->value_size, LEFT, "k. A.", 5);
                continue;
            }
            double acc = 0;
            HPDF_Page_SetGrayStroke(doc->page, 1);
            HPDF_Page_SetLineWidth(doc->page, 0.75);
            for (int s = 0; s < ns; s++) {
                if (!present(&c->series[s], i) || c->series[s].values[i] <= 0) continue;
                double share = c->series[s].values[i] / sum * 100;
                double xa = value_x(L, acc), xb = value_x(L, acc + share);
                acc += share;
                struct rgb col = series_colour(c, s);
                rgb_fill(doc, col);
                rect(doc, xa, gtop - L->bar_t, xb, gtop);
                HPDF_Page_FillStroke(doc->page);
                if (!L->labels_on) continue;
                value_text(L, buf, sizeof buf, share);
                if (text_width(doc, doc->regular, L->value_size, buf) + 4 > xb - xa) continue;
                gray_fill(doc, luma(col) < 0.5 ? 1 : 0.1);
                text_at(doc, doc->regular, L->value_size, (xa + xb) / 2,
                        mid - CAP_HALF * L->value_size, CENTER, buf, strlen(buf));
            }
            continue;
        }
        for (int s = 0; s < ns; s++) {
            double bt = gtop - s * (L->bar_t + L->bar_gap), bmid = bt - L->bar_t / 2;
            double base = bmid - CAP_HALF * L->value_size;
            if (!present(&c->series[s], i)) {
                gray_fill(doc, 0.45);
                if (L->ax.max > 0) text_at(doc, doc->regular, L->value_size, x0 + 3, base, LEFT, "k. A.", 5);
                else text_at(doc, doc->regular, L->value_size, x0 - 3, base, RIGHT, "k. A.", 5);
                continue;
            }
            double v = c->series[s].values[i], xv = value_x(L, v);
            rgb_fill(doc, series_colour(c, s));
            rect(doc, x0, bt - L->bar_t, xv, bt);
            HPDF_Page_Fill(doc->page);
            if (!L->labels_on) continue;
            value_text(L, buf, sizeof buf, v);
            gray_fill(doc, LABEL_GREY);
            text_at(doc, doc->regular, L->value_size, v >= 0 ? xv + 3 : xv - 3, base,
                    v >= 0 ? LEFT : RIGHT, buf, strlen(buf));
        }
    }
    /* the zero line */
    HPDF_Page_SetGrayStroke(doc->page, AXIS_GREY);
    HPDF_Page_SetLineWidth(doc->page, 0.8);
    line(doc, x0, plot_top, x0, plot_bot);
    HPDF_Page_Stroke(doc->page);
}

static void draw(const struct layout *L, double top)
{
    struct pdfdoc *doc = L->doc;
    const struct pdfchart *c = L->c;
    HPDF_Page_GSave(doc->page);
    if (L->title.count) {
        gray_fill(doc, 0);
        draw_wrapped(doc, doc->bold, TITLE_SIZE, TITLE_LEAD, L->x0, top - ASCENT * TITLE_SIZE, LEFT,
                     c->title, &L->title);
    }
    if (L->nodata) draw_nodata(L, top - L->title_h - L->top_band);
    else if (L->horizontal) draw_horizontal(L, top);
    else draw_vertical(L, top);
    double y = top - L->title_h - L->unit_h - L->top_band - L->plot_h - L->bottom_band - L->below_h;
    if (L->show_legend) {
        draw_legend(L, y);
        y -= L->legend_h;
    }
    if (L->source.count) {
        gray_fill(doc, 0.3);
        draw_wrapped(doc, doc->regular, SOURCE_SIZE, SOURCE_LEAD, L->x0,
                     y - 6 - ASCENT * SOURCE_SIZE, LEFT, L->source_text, &L->source);
    }
    HPDF_Page_GRestore(doc->page);
}

/* ---- alternative text ---------------------------------------------------- */

struct strbuf { char *s; size_t len, cap; };

static void sb_add(struct strbuf *b, const char *t)
{
    size_t n = strlen(t);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, t, n + 1);
    b->len += n;
}

static void sb_value(struct strbuf *b, const struct pdfchart *c, double v, int percent)
{
    char buf[80];
    sb_add(b, pdfchart_format_tick(buf, sizeof buf, v, decimals_of(c), percent));
}

char *pdfchart_alt_text(const struct pdfchart *c)
{
    if (!valid(c, 0)) return NULL;
    static const char *const kinds[] = { "Liniendiagramm", "Säulendiagramm", "Balkendiagramm",
                                         "Gestapeltes Balkendiagramm (100 %)" };
    const int percent = c->percent_axis || c->kind == PDFCHART_STACKED100;
    struct strbuf b = { 0 };
    sb_add(&b, kinds[c->kind]);
    if (c->title && *c->title) {
        sb_add(&b, " „");
        sb_add(&b, c->title);
        sb_add(&b, "“");
    }
    if (c->unit && *c->unit) {
        sb_add(&b, " (");
        sb_add(&b, c->unit);
        sb_add(&b, ")");
    }
    sb_add(&b, ": ");
    int any = 0;
    if (c->kind == PDFCHART_STACKED100) {             /* each item with its shares */
        for (int i = 0; i < c->ncategories; i++) {
            double sum = 0;
            for (int s = 0; s < c->nseries; s++)
                if (present(&c->series[s], i) && c->series[s].values[i] > 0) sum += c->series[s].values[i];
            sb_add(&b, i ? "; " : "");
            sb_add(&b, category(c, i));
            sb_add(&b, ": ");
            if (sum <= 0) { sb_add(&b, "keine Angabe"); continue; }
            int first = 1;
            for (int s = 0; s < c->nseries; s++) {
                if (!present(&c->series[s], i) || c->series[s].values[i] <= 0) continue;
                sb_add(&b, first ? "" : ", ");
                sb_add(&b, c->series[s].name ? c->series[s].name : "");
                sb_add(&b, " ");
                sb_value(&b, c, c->series[s].values[i] / sum * 100, 1);
                first = 0;
            }
            any = 1;
        }
    } else if (c->nseries == 1) {                     /* one series: every category */
        const struct pdfchart_series *ser = &c->series[0];
        for (int i = 0; i < c->ncategories; i++) {
            sb_add(&b, i ? "; " : "");
            if (ser->name && *ser->name && i == 0) {
                sb_add(&b, ser->name);
                sb_add(&b, " ");
            }
            sb_add(&b, category(c, i));
            sb_add(&b, ": ");
            if (present(ser, i)) sb_value(&b, c, ser->values[i], percent), any = 1;
            else sb_add(&b, "keine Angabe");
        }
    } else {                                          /* every series with its last value */
        for (int s = 0; s < c->nseries; s++) {
            const struct pdfchart_series *ser = &c->series[s];
            int last = c->ncategories - 1;
            while (last >= 0 && !present(ser, last)) last--;
            sb_add(&b, s ? "; " : "");
            sb_add(&b, ser->name && *ser->name ? ser->name : "Reihe");
            if (last < 0) {
                sb_add(&b, ": keine Angabe");
                continue;
            }
            sb_add(&b, " ");
            sb_add(&b, category(c, last));
            sb_add(&b, ": ");
            sb_value(&b, c, ser->values[last], percent);
            any = 1;
        }
    }
    if (!any) sb_add(&b, " (keine Daten)");
    if (c->has_target && isfinite(c->target) && (c->kind == PDFCHART_LINE || c->kind == PDFCHART_BAR)) {
        sb_add(&b, "; ");
        if (c->target_label) sb_add(&b, c->target_label);
        else {
            sb_add(&b, "Ziel: ");
            sb_value(&b, c, c->target, percent);
        }
    }
    if (c->source && *c->source) {
        sb_add(&b, ". Quelle: ");
        sb_add(&b, c->source);
    }
    return b.s;
}

/* Open the chart's Figure with its /Alt (an open Figure is used as it is);
 * returns 1 when one was opened. */
static int figure_begin(struct pdfdoc *doc, const struct pdfchart *c)
{
    const char *role = pdfdoc_tag_role(doc);
    int own = !(role && strcmp(role, "Figure") == 0);
    if (own) {                        /* a caller's Figure has its own Alt */
        pdfdoc_tag_begin(doc, "Figure");
        char *alt = c->alt ? NULL : pdfchart_alt_text(c);
        pdfdoc_tag_attr(doc, "Alt", c->alt ? c->alt : alt);
        free(alt);
    }
    pdfdoc_tag_content(doc);          /* before the chart's q … Q */
    return own;
}

/* ---- public ------------------------------------------------------------- */

double pdfchart_height(struct pdfdoc *doc, const struct pdfchart *c)
{
    struct layout L;
    if (layout(&L, doc, c, 0) != 0) return -1;
    double h = L.total;
    layout_free(&L);
    return h;
}

int pdfchart_draw(struct pdfdoc *doc, const struct pdfchart *c)
{
    struct layout L;
    if (layout(&L, doc, c, 1) != 0) return -1;
    double room = doc->page_h - doc->margin_top - pdfdoc_bottom(doc);
    if (L.total - GAP_BELOW > room) {
        diag_error("Diagramm „%s“ ist zu hoch für eine Seite (%.0f pt, Platz %.0f pt)",
                   c->title ? c->title : "", L.total - GAP_BELOW, room);
        layout_free(&L);
        return -1;
    }
    /* the gap below may run into the bottom margin, the chart itself not */
    if (!doc->page || doc->y - (L.total - GAP_BELOW) < pdfdoc_bottom(doc)) pdfdoc_new_page(doc);
    int own = figure_begin(doc, c);
    draw(&L, doc->y);
    if (own) pdfdoc_tag_end(doc);
    doc->y -= L.total;
    if (doc->y < pdfdoc_bottom(doc)) doc->y = pdfdoc_bottom(doc);
    layout_free(&L);
    return 0;
}
