/*
 * pdfchart.h — vector charts in a pdfdoc (libharu), for the indicator and
 * survey chapters of the Integrationsbericht.
 *
 * One struct pdfchart describes a chart completely; pdfchart_draw puts it
 * at the layout cursor (doc->y, the top of the free space), left-aligned at
 * the left margin, and moves the cursor below it.  Kinds:
 *
 *   PDFCHART_LINE        time series over periods (categories "2019".."2023"),
 *                        one line per series with markers; a missing value
 *                        breaks the line (never drawn through, never as 0);
 *                        optional target value as a dashed horizontal line
 *                        labelled at its right end.
 *   PDFCHART_BAR         vertical bars, grouped by category, one bar per series.
 *   PDFCHART_HBAR        horizontal bars, one row per category (answer
 *                        options with long labels, wrapped with the real
 *                        font metrics); one or more series.
 *   PDFCHART_STACKED100  horizontal 100 % bars for Likert scales: one bar per
 *                        category (item), split into the series (the scale
 *                        points, in scale order); values are counts or shares
 *                        and are normalised per item (missing and negative
 *                        values count as 0; an item without any is marked
 *                        „k. A.“).
 *
 * Common to all: a wrapped bold title, a value axis with "nice" ticks
 * (1, 2, 2.5, 5 × 10^k) labelled in German number format, gridlines, an
 * axis title (unit), a legend when there is more than one series (always
 * for stacked bars), optional value labels on bars and a source line
 * („Quelle: …“) below.  The value axis always includes 0.  A chart whose
 * values are all missing is drawn as an empty frame with „keine Daten“.
 *
 * Missing bars are marked „k. A.“ (vertical bars: when the mark fits
 * between the bars).  Value labels of vertical bars shrink to 6.5 or 6 pt
 * when 7 pt do not fit between neighbouring bars, and are left out (all of
 * them) when even 6 pt do not; labels inside stacked segments are left out
 * for segments narrower than their label.  Category labels wrap between
 * words; a line chart with more periods than fit labels every k-th period,
 * always including the last; vertical bar labels shrink to 7 or 6.5 pt, or
 * else are turned upright (90°), rather than break inside a word.
 *
 * Colours: the Okabe–Ito palette (Wong, Nature Methods 8:441, 2011),
 * colour-blind safe, ordered so that neighbouring series differ in
 * lightness when printed in grey; lines are further told apart by dash
 * pattern and marker shape.  Stacked (Likert) bars use a diverging scale
 * of the same hues: blues … neutral grey … oranges.
 *
 * Page breaks: a chart is never split.  pdfchart_draw starts a new page
 * itself when the chart does not fit below the cursor; pdfchart_height
 * tells callers the height in advance (to keep a heading with its chart).
 *
 * All text is UTF-8 and drawn with the document's embedded TrueType fonts
 * (doc->regular, doc->bold).  Units: PDF points (1/72 inch).
 *
 * Tagged PDF: a chart is one Figure element (inside the innermost open
 * element; an open Figure is used as it is) with /Alt — c->alt, or else
 * the text of pdfchart_alt_text — and everything drawn, title, axis labels
 * and source included, is its content.
 */
#ifndef IB_PDFCHART_H
#define IB_PDFCHART_H

#include "pdfdoc.h"

#include <stddef.h>

enum pdfchart_kind {
    PDFCHART_LINE,
    PDFCHART_BAR,
    PDFCHART_HBAR,
    PDFCHART_STACKED100
};

/* One data series: ncategories values, in the order of the categories. */
struct pdfchart_series {
    const char *name;                /* legend text (UTF-8); NULL = "" */
    const double *values;            /* ncategories values */
    const unsigned char *missing;    /* NULL, or ncategories flags: 1 = no value.
                                        Non-finite values count as missing too. */
};

struct pdfchart {
    enum pdfchart_kind kind;
    const char *title;               /* bold, wrapped to the chart width; NULL = none */
    const char *source;              /* printed as „Quelle: <source>“ below; NULL = none,
                                        e.g. "Statistisches Bundesamt, eigene Berechnung" */
    const char *unit;                /* value axis title, e.g. "Personen", "Anteil in %";
                                        NULL = none */
    const char *const *categories;   /* ncategories labels (x axis, or rows of
                                        horizontal charts); NULL entries = "" */
    int ncategories;
    const struct pdfchart_series *series;
    int nseries;
    int decimals;                    /* decimals of value labels and the finest tick
                                        step allowed (10^-decimals); 0..6 */
    int percent_axis;                /* values are percentages: axis spans at least
                                        0–100 %, labels get " %" (implied for
                                        PDFCHART_STACKED100) */
    int value_labels;                /* 1 = print the value at/in each bar */
    int nominal;                     /* PDFCHART_STACKED100: 1 = the series are not an
                                        ordered scale (categorical palette instead of
                                        the diverging Likert colours) */
    double target;                   /* PDFCHART_LINE and PDFCHART_BAR: target value */
    int has_target;
    const char *target_label;        /* text beside the target line; NULL = „Ziel: <value>“ */
    double width;                    /* whole chart incl. labels; 0 or more than the
                                        content width = the content width */
    double height;                   /* LINE/BAR: height of the plot area; 0 = 170.
                                        HBAR/STACKED100: ignored, the rows are sized
                                        by their wrapped labels */
    const char *alt;                 /* alternative text of the Figure (UTF-8);
                                        NULL = pdfchart_alt_text */
};

/* A value axis from pdfchart_nice_axis. */
struct pdfchart_axis {
    double min, max;                 /* first and last tick */
    double step;                     /* distance between ticks */
    int nticks;                      /* ticks including min and max */
    int decimals;                    /* decimals the tick labels need (2,5 → 1) */
};

/*
 * pdfchart_nice_axis — ticks for the data range [lo, hi]: the smallest step
 * of the form m × 10^k, m ∈ {1, 2, 2.5, 5}, that is at least min_step
 * (0 = no limit) and covers [lo, hi] with at most max_intervals intervals
 * (values below 2 count as 2).  The axis runs from the multiple of the step
 * at or below lo to the one at or above hi.  lo == hi is widened (0 → 0..1).
 * Algorithm after P. S. Heckbert, "Nice numbers for graph labels",
 * Graphics Gems I (1990), with the 2.5 step of the "extended" tick sets
 * (Talbot, Lin, Hanrahan, IEEE TVCG 16(6), 2010).
 * Examples: 0..87, 5 intervals → 0, 20, …, 100; 10 intervals → 0, 10, …, 90;
 * -23..41, 6 → -40, -20, …, 60.
 * Returns 0, or -1 (axis untouched) when lo > hi or either is not finite.
 */
int pdfchart_nice_axis(double lo, double hi, int max_intervals, double min_step,
                       struct pdfchart_axis *axis);

/*
 * pdfchart_format_tick — tick or value label in German number format:
 * format_zahl with `decimals` digits ("1.000", "2,5"), and with percent != 0
 * the suffix " %" ("50 %").  Writes into buf (size bytes); returns buf.
 */
char *pdfchart_format_tick(char *buf, size_t size, double value, int decimals, int percent);

/*
 * pdfchart_series_rgb — the colour of series s as pdfchart_draw fills and
 * strokes it, 0xRRGGBB (Okabe–Ito, or the diverging Likert scale of a
 * stacked chart): for other writers of the same chart (svgchart.h).
 */
unsigned long pdfchart_series_rgb(const struct pdfchart *c, int s);

/*
 * pdfchart_series_dash — the dash pattern of line series s (points, on/off
 * lengths): writes up to 4 numbers into pattern, returns how many (0 = a
 * solid line).
 */
int pdfchart_series_dash(int s, double pattern[4]);

/*
 * pdfchart_height — total height in points the chart takes when drawn on
 * doc: title, plot, labels, legend, source line and the gap below the chart
 * (the amount pdfchart_draw moves doc->y down).  Needs only doc's fonts and
 * page size.  Returns -1 for an invalid chart (see pdfchart_draw).
 */
double pdfchart_height(struct pdfdoc *doc, const struct pdfchart *c);

/*
 * pdfchart_draw — draw the chart at the cursor and move doc->y down by
 * pdfchart_height (but not below the bottom margin: the gap under the chart
 * may be cut).  When doc has no page yet, or the chart (without that gap)
 * does not fit between doc->y and the bottom margin, a new page is started
 * first (pdfdoc_new_page), so a chart is never split.  Returns 0; or -1
 * with a message (diag_error) and nothing drawn when the chart is invalid
 * (no categories or series, NULL arrays, values NULL, values too large to
 * put on an axis) or taller than an empty page.
 */
int pdfchart_draw(struct pdfdoc *doc, const struct pdfchart *c);

/*
 * pdfchart_alt_text — a German alternative text made from the chart's data
 * (malloc'd UTF-8): the kind (Liniendiagramm, Säulendiagramm,
 * Balkendiagramm, gestapeltes Balkendiagramm), the title in „…“ and the
 * unit; then for one series every category with its value („Ja: 12; Nein:
 * 3“), for several series each series with its last value and that
 * category („Wesermarsch 2023: 12,4 %; Niedersachsen 2023: 15,1 %“); values
 * in German number format with the chart's decimals and „ %“ on a percent
 * axis, a missing one as „keine Angabe“; the target („Ziel: 15 %“) and the
 * source („Quelle: …“).  Stacked charts give each category's shares.  NULL
 * for an invalid chart.
 */
char *pdfchart_alt_text(const struct pdfchart *c);

#endif
