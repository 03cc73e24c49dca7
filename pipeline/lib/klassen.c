/*
 * klassen.c — classes, labels and colours of choropleth maps (see klassen.h).
 */
#include "klassen.h"
#include "diag.h"
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

int klassen_methode_parse(const char *s, enum klassen_methode *m)
{
    if (!s) return -1;
    if (strcasecmp(s, "quantile") == 0 || strcasecmp(s, "quantil") == 0) { *m = KLASSEN_QUANTIL; return 0; }
    if (strcasecmp(s, "gleich") == 0 || strcasecmp(s, "gleiche_abstaende") == 0) { *m = KLASSEN_GLEICH; return 0; }
    return -1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* round to d digits: half away from zero (up = +1: always up, -1: always down) */
static double runden(double v, int d, int richtung)
{
    double f = pow(10, d);
    double s = v * f;
    /* a tiny allowance so that 12.5 stored as 12.4999999 still counts as 12.5 */
    double r = richtung > 0 ? ceil(s - 1e-9) : richtung < 0 ? floor(s + 1e-9)
             : (s < 0 ? -floor(-s + 0.5 + 1e-9) : floor(s + 0.5 + 1e-9));
    return r / f;
}

double klassen_runden(const struct klassen *k, double wert) { return runden(wert, k->dezimalen, 0); }

int klassen_bilden(const double *werte, size_t n, int anzahl, enum klassen_methode m, int dezimalen,
                   struct klassen *k)
{
    if (anzahl < 1 || anzahl > KLASSEN_MAX) return -1;
    if (dezimalen < 0) dezimalen = 0;
    if (dezimalen > 6) dezimalen = 6;
    double *x = xmalloc(sizeof(double) * (n ? n : 1));
    size_t nx = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(werte[i])) x[nx++] = werte[i];
    if (nx == 0) { free(x); return -1; }
    qsort(x, nx, sizeof *x, cmp_double);
    double g[KLASSEN_MAX + 1];
    g[0] = runden(x[0], dezimalen, -1);
    g[anzahl] = runden(x[nx - 1], dezimalen, +1);
    for (int i = 1; i < anzahl; i++) {
        double q;
        if (m == KLASSEN_QUANTIL) {
            double h = (double)(nx - 1) * i / anzahl;
            size_t lo = (size_t)floor(h);
            q = lo + 1 < nx ? x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]) : x[nx - 1];
        } else {
            q = x[0] + (x[nx - 1] - x[0]) * i / anzahl;
        }
        g[i] = runden(q, dezimalen, 0);
    }
    free(x);
    /* merge limits that coincide (or would leave an empty class between
     * equal limits); keep the lowest and the highest */
    k->grenzen[0] = g[0];
    int c = 0;
    for (int i = 1; i <= anzahl; i++) {
        if (i < anzahl && (g[i] <= k->grenzen[c] || g[i] >= g[anzahl])) continue;
        k->grenzen[++c] = g[i];
    }
    k->n = c;
    k->dezimalen = dezimalen;
    k->methode = m;
    return 0;
}

int klassen_von(const struct klassen *k, double wert)
{
    if (!isfinite(wert)) return -1;
    double v = klassen_runden(k, wert);
    for (int i = 1; i < k->n; i++)
        if (v < k->grenzen[i]) return i - 1;
    return k->n - 1;
}

char *klassen_label(const struct klassen *k, int i, const char *suffix, char *buf, size_t size)
{
    if (i < 0 || i >= k->n) { if (size) buf[0] = '\0'; return buf; }
    char a[48], b[48];
    format_zahl(a, sizeof a, k->grenzen[i], k->dezimalen);
    format_zahl(b, sizeof b, k->grenzen[i + 1], k->dezimalen);
    snprintf(buf, size, "%s bis %s%s%s", a, i == k->n - 1 ? "" : "unter ", b, suffix ? suffix : "");
    return buf;
}

/* ColorBrewer Blues (colorbrewer2.org, Apache-2.0), 3 to 7 classes; 1 and 2
 * classes take colours of the 3-class scheme */
static const unsigned blues[8][7] = {
    { 0 },
    { 0x6BAED6 },
    { 0xDEEBF7, 0x3182BD },
    { 0xDEEBF7, 0x9ECAE1, 0x3182BD },
    { 0xEFF3FF, 0xBDD7E7, 0x6BAED6, 0x2171B5 },
    { 0xEFF3FF, 0xBDD7E7, 0x6BAED6, 0x3182BD, 0x08519C },
    { 0xEFF3FF, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x3182BD, 0x08519C },
    { 0xEFF3FF, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x084594 },
};

unsigned klassen_farbe(int n, int i)
{
    if (n < 1 || n > KLASSEN_MAX || i < 0 || i >= n) return 0;
    return blues[n][i];
}
