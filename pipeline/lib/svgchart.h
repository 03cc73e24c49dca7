/*
 * svgchart.h — the charts of the document model (struct pdfchart, the data
 * the PDF draws) as inline SVG for the HTML edition.
 *
 * The same chart as pdfchart_draw: the same kinds (lines over periods,
 * grouped vertical bars, horizontal bars, 100 % stacked bars), the same
 * value axis (pdfchart_nice_axis with the PDF's interval limits, 0 always
 * included, at least 0–100 % for percentages), tick and value labels in
 * German number format (pdfchart_format_tick: „1.000“, „2,5 %“), missing
 * values as gaps in lines and „k. A.“ at bars, the target as a dashed line
 * with its label, the legend when there is more than one series (always
 * for stacked bars), and the series colours and dash patterns of the PDF
 * (pdfchart_series_rgb, pdfchart_series_dash: Okabe–Ito, the diverging
 * Likert scale).  Lines also differ in marker shape.
 *
 * Accessibility: <svg role="img" aria-labelledby="ID-t ID-d"> with
 * <title> (the chart's title) and <desc> (the alternative text the caller
 * passes: the same text the PDF's Figure /Alt carries,
 * docmodel_chart_alt).  The title and the source line are also printed as
 * the <figcaption> of the surrounding <figure>.
 *
 * Sizes are SVG user units (about CSS pixels) in a viewBox 640 wide; the
 * style sheet scales the SVG to the page width.  Text widths are estimated
 * (0.6 em per character, generous for DejaVu Sans) since the browser's font
 * is not known here.
 */
#ifndef IB_SVGCHART_H
#define IB_SVGCHART_H

#include "pdfchart.h"

#include <stdio.h>

/*
 * svgchart_figure — write chart c as <figure> with the inline <svg> and a
 * <figcaption> (title, „Quelle: …“) to f.  alt: the alternative text
 * (required, non-empty); id: a prefix for the element ids, unique on the
 * page ("abb-3").  Returns 0, or -1 with a message (diag_error) and
 * nothing written when the chart is invalid (no categories or series,
 * values NULL, values too large for an axis) or alt is empty.
 */
int svgchart_figure(FILE *f, const struct pdfchart *c, const char *alt, const char *id);

#endif
