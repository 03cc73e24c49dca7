/*
 * svgmap.h — a choropleth map (karte.h) as inline SVG for the HTML
 * edition: the same content pdfmap.h draws into the PDF.
 *
 * <figure class="karte"> with an <svg role="img"> holding <title> („<titel>,
 * <jahr>, nach Kreisen“, as the PDF's map title) and <desc> (karte_alt: the
 * PDF's Figure /Alt), then the areas in karte_reihenfolge order, each a
 * <path> filled with karte_farbe (even-odd rule for holes, thin white
 * borders), with data-ars="ARS" and a <title> „Name: Wert“ (a tooltip);
 * „keine Daten“ and „geheim“ areas hatched / and \ (patterns defined in
 * the SVG itself); the own area outlined (class "umriss"); the legend to
 * the right (classes with German ranges, keine Daten, geheim, the outlined
 * own area); a <figcaption> with „Quelle: …. Kartengrundlage: …, Lizenz: …“.
 * The map is scaled into 360 × 440 units keeping its aspect; y grows
 * downwards in SVG, so projected northings are flipped.
 */
#ifndef IB_SVGMAP_H
#define IB_SVGMAP_H

#include "karte.h"

#include <stdio.h>

/*
 * svgmap_figure — write map k as <figure> to f; id: a prefix for element
 * ids unique on the page ("karte-1").  Returns 0, or -1 with a message
 * (diag_error) and nothing written when the map has no areas or no classes.
 */
int svgmap_figure(FILE *f, const struct karte *k, const char *id);

#endif
