/*
 * pdfmap.h — a choropleth map (karte.h) as vector drawing in a pdfdoc.
 *
 * Layout, all within the content width at the left margin, kept on one
 * page like a chart (pdfchart.h): a bold title „<titel>, <jahr>, nach
 * Kreisen“; the map (62 % of the width, at most `hoehe` points high, the
 * projected areas scaled to fit, aspect kept) with the legend to its
 * right: the classes as coloured swatches with their German ranges, then
 * „keine Daten“ (grey, hatched /) and „geheim“ (light grey, hatched \)
 * when they occur, and the outline of the own area with its name; below
 * the map „Quelle: …“ (the data), „Kartengrundlage: …“ (the source note of
 * the geometry, e.g. „© GeoBasis-DE / BKG 2021 (Daten verändert)“) and the
 * licence.
 *
 * Areas are filled with their class colour (karte_farbe), with thin white
 * borders (0,4 pt), in the order of karte_reihenfolge; the own area is
 * outlined last, 1,6 pt dark grey.  Holes follow the even-odd rule.
 *
 * For readers and tests each area is drawn inside its own marked-content
 * sequence  /Gebiet <</ARS <hex of the ARS>>> BDC … EMC  (the fill colour
 * is the first `rg` inside), the outline of the own area inside
 * /Umriss <</ARS …>> BDC … EMC, and each legend swatch inside
 * /Legende <</Klasse n>> BDC … EMC (n = 1 … classes; 0 = keine Daten,
 * -1 = geheim).  With k->kennung, the areas and the outline are inside
 * /Karte <</Kennung <hex of the id>>> BDC … EMC.  The whole map (title, map, legend, source lines) is one
 * structure element Figure with the alternative text of karte_alt.
 *
 * Units: PDF points.
 */
#ifndef IB_PDFMAP_H
#define IB_PDFMAP_H

#include "karte.h"
#include "pdfdoc.h"

/* Default height of the map area (points); the map is narrower or lower
 * when the areas' aspect asks for it. */
#define PDFMAP_HOEHE 290.0

/* The content width of an A4 portrait page with 42-pt margins: the widest
 * map block (for choosing a simplification tolerance before layout). */
#define PDFMAP_BREITE_MAX (595.276 - 2 * 42.0)

/*
 * pdfmap_massstab — points per projected unit (per metre) the map of k
 * gets in a block `breite` points wide with map height hoehe (0 =
 * PDFMAP_HOEHE): for choosing a simplification tolerance in points
 * (geo_vereinfachen(tol_pt / massstab)).
 */
double pdfmap_massstab(const struct karte *k, double breite, double hoehe);

/*
 * pdfmap_height — the height in points of the whole map block incl. the
 * gap below it (what pdfmap_draw moves doc->y down).
 */
double pdfmap_height(struct pdfdoc *doc, const struct karte *k, double hoehe);

/*
 * pdfmap_draw — draw the map block at the cursor (starting a new page
 * first when it does not fit below it, or when doc has no page yet) and
 * move the cursor below it.  Returns 0, or -1 with a message (diag_error)
 * when the map has no areas or no classes (karte_klassifizieren failed) —
 * nothing is drawn then.
 */
int pdfmap_draw(struct pdfdoc *doc, const struct karte *k, double hoehe);

#endif
