/*
 * klassen.h — classes of a choropleth map: class limits from the values,
 * German range labels and a colour-blind-safe sequential palette.
 *
 * Methods:
 *   KLASSEN_QUANTIL  (default) each class holds about the same number of
 *                    areas: the inner limits are the i/n quantiles of the
 *                    values, type 7 of R. J. Hyndman, Y. Fan, "Sample
 *                    quantiles in statistical packages", The American
 *                    Statistician 50 (1996) — R's default and Python's
 *                    statistics.quantiles(method="inclusive"):
 *                    h = (N − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 *   KLASSEN_GLEICH   equal intervals: min + i·(max − min)/n.
 *
 * Limits are the numbers the legend prints: rounded to `dezimalen` digits
 * (inner limits half away from zero, the lowest limit down, the highest
 * up), and a value is put into a class after rounding it the same way, so
 * that a Kreis printed as „15,0“ never lands in „12,5 bis unter 15,0“.
 * Classes are [g_i, g_i+1) — „12,5 bis unter 15,0“ — and the last one is
 * closed, [g_n−1, g_n] — „15,0 bis 18,3“.  Limits that coincide after
 * rounding (ties, few distinct values) are merged, so there may be fewer
 * classes than asked for; with a single distinct value there is one class
 * „7,0 bis 7,0“.
 *
 * Palette: ColorBrewer „Blues“ for 1 to 7 classes (C. A. Brewer,
 * colorbrewer2.org, Pennsylvania State University; Apache License 2.0),
 * sequential from light to dark and marked colour-blind safe and
 * print-friendly there.  Areas without a value are drawn in the grey of
 * KLASSEN_FARBE_KEINE (hatched by the renderers), suppressed values
 * (Geheimhaltung) in KLASSEN_FARBE_GEHEIM (hatched the other way).
 */
#ifndef IB_KLASSEN_H
#define IB_KLASSEN_H

#include <stddef.h>

#define KLASSEN_MAX 7
#define KLASSEN_FARBE_KEINE  0xD9D9D9u   /* „keine Daten“ */
#define KLASSEN_FARBE_GEHEIM 0xF0F0F0u   /* „geheim“ */

enum klassen_methode { KLASSEN_QUANTIL, KLASSEN_GLEICH };

struct klassen {
    int n;                          /* classes, 1..KLASSEN_MAX */
    double grenzen[KLASSEN_MAX + 1];/* n + 1 limits, ascending; class i = [grenzen[i], grenzen[i+1]) */
    int dezimalen;                  /* digits of the limits and labels, 0..6 */
    enum klassen_methode methode;
};

/*
 * klassen_methode_parse — "quantile"/"quantil" → KLASSEN_QUANTIL,
 * "gleich"/"gleiche_abstaende" → KLASSEN_GLEICH (case-insensitive).
 * Returns 0, or -1 for anything else.
 */
int klassen_methode_parse(const char *s, enum klassen_methode *m);

/*
 * klassen_bilden — classes for werte[0..n) (non-finite values are ignored)
 * with at most `anzahl` classes (1..KLASSEN_MAX) by method m, limits with
 * `dezimalen` digits (clamped to 0..6).  Returns 0, or -1 when there is no
 * finite value or anzahl is out of range (*k untouched).
 */
int klassen_bilden(const double *werte, size_t n, int anzahl, enum klassen_methode m, int dezimalen,
                   struct klassen *k);

/* klassen_runden — wert rounded to k->dezimalen digits, half away from zero
 * (the rounding of format_zahl). */
double klassen_runden(const struct klassen *k, double wert);

/*
 * klassen_von — the class (0..n−1) of wert after klassen_runden; values
 * below the lowest limit count into class 0, above the highest into the
 * last; -1 for a non-finite value.
 */
int klassen_von(const struct klassen *k, double wert);

/*
 * klassen_label — the legend text of class i in German number format:
 * „12,5 bis unter 15,0“, the last class „15,0 bis 18,3“; suffix (e.g.
 * " %", NULL = none) follows the whole range („12,5 bis unter 15,0 %“).
 * Writes into buf; returns buf ("" for a bad i).
 */
char *klassen_label(const struct klassen *k, int i, const char *suffix, char *buf, size_t size);

/* klassen_farbe — the colour (0xRRGGBB) of class i of n (1..KLASSEN_MAX)
 * from the Blues palette; 0 for a bad i or n. */
unsigned klassen_farbe(int n, int i);

#endif
