/*
 * geheimhaltung.c — primary and secondary cell suppression (see geheimhaltung.h).
 *
 * Every public function first validates its whole input and only then
 * writes status[], so an error leaves the table unchanged.
 */
#include "geheimhaltung.h"

#include "diag.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static int status_gueltig(enum geheimhaltung_status s)
{
    return (int)s >= 0 && (int)s < (int)GEHEIMHALTUNG_STATUS_ANZAHL;
}

static int veroeffentlicht(enum geheimhaltung_status s) { return s == GEHEIMHALTUNG_WERT; }

/* A count usable as a published value: finite and not negative. */
static int zahl_gueltig(double v) { return isfinite(v) && v >= 0.0; }

/* The primary rule on one value (schwelle 0: never). */
static int klein(double v, unsigned schwelle, const struct geheimhaltung_optionen *opt)
{
    if (schwelle == 0)
        return 0;
    if (v == 0.0)
        return opt && opt->nullen_schuetzen;
    return v > 0.0 && v < (double)schwelle;
}

/* Shape and status checks; with werte also WERT values.  Returns 0 or < 0. */
static long pruefe_tabelle(const struct geheimhaltung_tabelle *t, int werte)
{
    if (!t || !t->status || (werte && !t->values) || t->nrows == 0 || t->ncols == 0)
        return GEHEIMHALTUNG_E_ARGUMENT;
    if (t->nrows > SIZE_MAX / t->ncols || t->nrows * t->ncols > SIZE_MAX / sizeof(double))
        return GEHEIMHALTUNG_E_ARGUMENT;
    if ((t->total_row && t->nrows < 2) || (t->total_col && t->ncols < 2))
        return GEHEIMHALTUNG_E_FORM;
    size_t n = t->nrows * t->ncols;
    for (size_t i = 0; i < n; i++)
        if (!status_gueltig(t->status[i]))
            return GEHEIMHALTUNG_E_STATUS;
    if (werte)
        for (size_t i = 0; i < n; i++)
            if (veroeffentlicht(t->status[i]) && !zahl_gueltig(t->values[i]))
                return GEHEIMHALTUNG_E_WERT;
    return GEHEIMHALTUNG_OK;
}

long geheimhaltung_primaer(struct geheimhaltung_tabelle *t, unsigned schwelle,
                           const struct geheimhaltung_optionen *opt)
{
    long rc = pruefe_tabelle(t, 1);
    if (rc < 0)
        return rc;
    long neu = 0;
    size_t n = t->nrows * t->ncols;
    for (size_t i = 0; i < n; i++) {
        if (veroeffentlicht(t->status[i]) && klein(t->values[i], schwelle, opt)) {
            t->status[i] = GEHEIMHALTUNG_PRIMAER;
            neu++;
        }
    }
    return neu;
}

/*
 * The lines.  A row line exists when total_col is set, a column line when
 * total_row is set.  Cell k of row line i is (i, k); of column line j (k, j).
 */
struct linien {
    const struct geheimhaltung_tabelle *t;
    size_t *zeile;    /* unpublished cells per row, NULL without total_col */
    size_t *spalte;   /* unpublished cells per column, NULL without total_row */
};

/* How many totals a cell is: 0 inner, 1 marginal total, 2 grand total. */
static int summenrang(const struct geheimhaltung_tabelle *t, size_t i, size_t j)
{
    return (t->total_row && i == t->nrows - 1) + (t->total_col && j == t->ncols - 1);
}

/* Is candidate a (value va, rank ra) better than b?  Index breaks ties: callers scan upwards. */
static int besser(double va, int ra, double vb, int rb)
{
    int za = va == 0.0, zb = vb == 0.0;
    if (za != zb)
        return zb;              /* non-zero first */
    if (ra != rb)
        return ra < rb;         /* inner, then marginal, then grand total */
    return va < vb;             /* smallest; equal → keep the lower index */
}

/* Mark cell (i, j) SEKUNDAER and update both line counters. */
static void sperre(struct linien *l, size_t i, size_t j)
{
    l->t->status[i * l->t->ncols + j] = GEHEIMHALTUNG_SEKUNDAER;
    if (l->zeile)
        l->zeile[i]++;
    if (l->spalte)
        l->spalte[j]++;
}

/*
 * Complement for line number `nr`: along a row (zeile = 1) or a column.
 * The caller knows the line has exactly one unpublished cell among ≥ 2
 * cells, so a WERT cell exists.
 */
static void ergaenze(struct linien *l, int zeile, size_t nr)
{
    const struct geheimhaltung_tabelle *t = l->t;
    size_t len = zeile ? t->ncols : t->nrows;
    size_t best = SIZE_MAX;
    double bv = 0.0;
    int br = 0;
    for (size_t k = 0; k < len; k++) {
        size_t i = zeile ? nr : k, j = zeile ? k : nr;
        size_t c = i * t->ncols + j;
        if (!veroeffentlicht(t->status[c]))
            continue;
        double v = t->values[c];
        int r = summenrang(t, i, j);
        if (best == SIZE_MAX || besser(v, r, bv, br)) {
            best = k;
            bv = v;
            br = r;
        }
    }
    if (best != SIZE_MAX)       /* always true, see above */
        sperre(l, zeile ? nr : best, zeile ? best : nr);
}

long geheimhaltung_sekundaer(struct geheimhaltung_tabelle *t)
{
    long rc = pruefe_tabelle(t, 1);
    if (rc < 0)
        return rc;
    if (!t->total_row && !t->total_col)
        return 0;

    struct linien l = { t, NULL, NULL };
    if (t->total_col)
        l.zeile = xcalloc(t->nrows, sizeof *l.zeile);
    if (t->total_row)
        l.spalte = xcalloc(t->ncols, sizeof *l.spalte);
    for (size_t i = 0; i < t->nrows; i++)
        for (size_t j = 0; j < t->ncols; j++)
            if (!veroeffentlicht(t->status[i * t->ncols + j])) {
                if (l.zeile)
                    l.zeile[i]++;
                if (l.spalte)
                    l.spalte[j]++;
            }

    long neu = 0;
    int geaendert;
    do {
        geaendert = 0;
        if (l.zeile)
            for (size_t i = 0; i < t->nrows; i++)
                if (l.zeile[i] == 1) {
                    ergaenze(&l, 1, i);
                    neu++;
                    geaendert = 1;
                }
        if (l.spalte)
            for (size_t j = 0; j < t->ncols; j++)
                if (l.spalte[j] == 1) {
                    ergaenze(&l, 0, j);
                    neu++;
                    geaendert = 1;
                }
    } while (geaendert);

    free(l.zeile);
    free(l.spalte);
    return neu;
}

/* Validate lines against ncells; 0 or E_ARGUMENT. */
static long pruefe_linien(size_t ncells, const struct geheimhaltung_linie *linien, size_t nlinien)
{
    if (nlinien && !linien)
        return GEHEIMHALTUNG_E_ARGUMENT;
    for (size_t l = 0; l < nlinien; l++) {
        const struct geheimhaltung_linie *li = &linien[l];
        if (li->n < 2 || !li->zellen || li->summe >= li->n)
            return GEHEIMHALTUNG_E_ARGUMENT;
        for (size_t k = 0; k < li->n; k++)
            if (li->zellen[k] >= ncells)
                return GEHEIMHALTUNG_E_ARGUMENT;
    }
    return GEHEIMHALTUNG_OK;
}

long geheimhaltung_sekundaer_linien(const double *values, enum geheimhaltung_status *status, size_t ncells,
                                    const struct geheimhaltung_linie *linien, size_t nlinien)
{
    if (!status || (ncells && !values))
        return GEHEIMHALTUNG_E_ARGUMENT;
    long rc = pruefe_linien(ncells, linien, nlinien);
    if (rc < 0)
        return rc;
    for (size_t i = 0; i < ncells; i++) {
        if (!status_gueltig(status[i]))
            return GEHEIMHALTUNG_E_STATUS;
        if (veroeffentlicht(status[i]) && !zahl_gueltig(values[i]))
            return GEHEIMHALTUNG_E_WERT;
    }
    if (nlinien == 0)
        return 0;
    /* per line the unpublished count; per cell its lines (CSR) and how often it is a total */
    size_t *offen = xcalloc(nlinien, sizeof *offen);
    size_t *start = xcalloc(ncells + 1, sizeof *start);
    unsigned *rang = xcalloc(ncells ? ncells : 1, sizeof *rang);
    size_t total = 0;
    for (size_t l = 0; l < nlinien; l++) {
        total += linien[l].n;
        rang[linien[l].zellen[linien[l].summe]]++;
        for (size_t k = 0; k < linien[l].n; k++) {
            start[linien[l].zellen[k] + 1]++;
            offen[l] += !veroeffentlicht(status[linien[l].zellen[k]]);
        }
    }
    for (size_t i = 0; i < ncells; i++)
        start[i + 1] += start[i];
    size_t *fill = xcalloc(ncells ? ncells : 1, sizeof *fill);
    size_t *von = xcalloc(total ? total : 1, sizeof *von);
    for (size_t l = 0; l < nlinien; l++)
        for (size_t k = 0; k < linien[l].n; k++) {
            size_t c = linien[l].zellen[k];
            von[start[c] + fill[c]++] = l;
        }
    long neu = 0;
    int geaendert;
    do {
        geaendert = 0;
        for (size_t l = 0; l < nlinien; l++) {
            if (offen[l] != 1)
                continue;
            const struct geheimhaltung_linie *li = &linien[l];
            size_t best = SIZE_MAX;
            for (size_t k = 0; k < li->n; k++) {
                size_t c = li->zellen[k];
                if (!veroeffentlicht(status[c]))
                    continue;
                if (best == SIZE_MAX || besser(values[c], (int)rang[c], values[best], (int)rang[best]))
                    best = c;
            }
            if (best == SIZE_MAX)   /* cannot happen: n ≥ 2 and one unpublished (duplicates excluded) */
                continue;
            status[best] = GEHEIMHALTUNG_SEKUNDAER;
            for (size_t m = start[best]; m < start[best + 1]; m++)
                offen[von[m]]++;
            neu++;
            geaendert = 1;
        }
    } while (geaendert);
    free(offen);
    free(start);
    free(rang);
    free(fill);
    free(von);
    return neu;
}

long geheimhaltung_pruefen_linien(const enum geheimhaltung_status *status, size_t ncells,
                                  const struct geheimhaltung_linie *linien, size_t nlinien)
{
    if (!status)
        return GEHEIMHALTUNG_E_ARGUMENT;
    long rc = pruefe_linien(ncells, linien, nlinien);
    if (rc < 0)
        return rc;
    long verstoesse = 0;
    for (size_t l = 0; l < nlinien; l++) {
        size_t c = 0;
        for (size_t k = 0; k < linien[l].n; k++)
            c += !veroeffentlicht(status[linien[l].zellen[k]]);
        verstoesse += c == 1;
    }
    return verstoesse;
}

long geheimhaltung_anwenden(struct geheimhaltung_tabelle *t, unsigned schwelle,
                            const struct geheimhaltung_optionen *opt)
{
    /* validate once up front so that an error leaves t unchanged */
    long rc = pruefe_tabelle(t, 1);
    if (rc < 0)
        return rc;
    long p = geheimhaltung_primaer(t, schwelle, opt);
    if (p < 0)
        return p;
    long s = geheimhaltung_sekundaer(t);
    if (s < 0)
        return s;
    return p + s;
}

/* Status a rate gets from one linked count cell; WERT = no reason to suppress. */
static enum geheimhaltung_status grund(const struct geheimhaltung_tabelle *tab, size_t idx,
                                       unsigned schwelle, const struct geheimhaltung_optionen *opt)
{
    if (idx == GEHEIMHALTUNG_KEINE)
        return GEHEIMHALTUNG_WERT;
    enum geheimhaltung_status s = tab->status[idx];
    if (!veroeffentlicht(s))
        return s;
    return klein(tab->values[idx], schwelle, opt) ? GEHEIMHALTUNG_PRIMAER : GEHEIMHALTUNG_WERT;
}

/* Check one end of a link: table given, index in range, WERT value valid.  0 or < 0. */
static long pruefe_bezug(const struct geheimhaltung_tabelle *tab, size_t idx)
{
    if (idx == GEHEIMHALTUNG_KEINE)
        return GEHEIMHALTUNG_OK;
    if (!tab || !tab->values)
        return GEHEIMHALTUNG_E_ARGUMENT;
    if (idx >= tab->nrows * tab->ncols)
        return GEHEIMHALTUNG_E_ARGUMENT;
    if (veroeffentlicht(tab->status[idx]) && !zahl_gueltig(tab->values[idx]))
        return GEHEIMHALTUNG_E_WERT;
    return GEHEIMHALTUNG_OK;
}

long geheimhaltung_anteil(struct geheimhaltung_tabelle *anteile,
                          const struct geheimhaltung_tabelle *zaehler_tab,
                          const struct geheimhaltung_tabelle *nenner_tab,
                          const struct geheimhaltung_bezug *bezuege, size_t anzahl,
                          unsigned schwelle, const struct geheimhaltung_optionen *opt)
{
    long rc = pruefe_tabelle(anteile, 0);
    if (rc < 0)
        return rc;
    if (anzahl > 0 && !bezuege)
        return GEHEIMHALTUNG_E_ARGUMENT;
    /* count tables: shape and status; the values of the linked cells below */
    if (zaehler_tab && (rc = pruefe_tabelle(zaehler_tab, 0)) < 0)
        return rc;
    if (nenner_tab && (rc = pruefe_tabelle(nenner_tab, 0)) < 0)
        return rc;
    size_t n = anteile->nrows * anteile->ncols;
    for (size_t k = 0; k < anzahl; k++) {
        const struct geheimhaltung_bezug *b = &bezuege[k];
        if (b->anteil >= n)
            return GEHEIMHALTUNG_E_ARGUMENT;
        if (b->zaehler == GEHEIMHALTUNG_KEINE && b->nenner == GEHEIMHALTUNG_KEINE)
            return GEHEIMHALTUNG_E_ARGUMENT;
        if ((rc = pruefe_bezug(zaehler_tab, b->zaehler)) < 0 ||
            (rc = pruefe_bezug(nenner_tab, b->nenner)) < 0)
            return rc;
    }

    long neu = 0;
    for (size_t k = 0; k < anzahl; k++) {
        const struct geheimhaltung_bezug *b = &bezuege[k];
        if (!veroeffentlicht(anteile->status[b->anteil]))
            continue;
        enum geheimhaltung_status gz = grund(zaehler_tab, b->zaehler, schwelle, opt);
        enum geheimhaltung_status gn = grund(nenner_tab, b->nenner, schwelle, opt);
        enum geheimhaltung_status neu_s;
        if (gz == GEHEIMHALTUNG_PRIMAER || gn == GEHEIMHALTUNG_PRIMAER)
            neu_s = GEHEIMHALTUNG_PRIMAER;
        else if (gz == GEHEIMHALTUNG_SEKUNDAER || gn == GEHEIMHALTUNG_SEKUNDAER)
            neu_s = GEHEIMHALTUNG_SEKUNDAER;
        else if (!veroeffentlicht(gz))
            neu_s = gz;
        else
            neu_s = gn;
        if (!veroeffentlicht(neu_s)) {
            anteile->status[b->anteil] = neu_s;
            neu++;
        }
    }
    return neu;
}

long geheimhaltung_pruefen(const struct geheimhaltung_tabelle *t)
{
    long rc = pruefe_tabelle(t, 0);
    if (rc < 0)
        return rc;
    long verstoesse = 0;
    if (t->total_col)
        for (size_t i = 0; i < t->nrows; i++) {
            size_t c = 0;
            for (size_t j = 0; j < t->ncols; j++)
                c += !veroeffentlicht(t->status[i * t->ncols + j]);
            verstoesse += c == 1;
        }
    if (t->total_row)
        for (size_t j = 0; j < t->ncols; j++) {
            size_t c = 0;
            for (size_t i = 0; i < t->nrows; i++)
                c += !veroeffentlicht(t->status[i * t->ncols + j]);
            verstoesse += c == 1;
        }
    return verstoesse;
}

static const char *const zeichen[GEHEIMHALTUNG_STATUS_ANZAHL] = {
    [GEHEIMHALTUNG_WERT] = "",
    [GEHEIMHALTUNG_PRIMAER] = ".",
    [GEHEIMHALTUNG_SEKUNDAER] = ".",
    [GEHEIMHALTUNG_UNBEKANNT] = ".",
    [GEHEIMHALTUNG_GESPERRT] = "x",
    [GEHEIMHALTUNG_UNSICHER] = "/",
    [GEHEIMHALTUNG_SPAETER] = "…",
};

static const char *const legende[GEHEIMHALTUNG_STATUS_ANZAHL] = {
    [GEHEIMHALTUNG_WERT] = "",
    [GEHEIMHALTUNG_PRIMAER] = "Zahlenwert unbekannt oder geheim zu halten",
    [GEHEIMHALTUNG_SEKUNDAER] = "Zahlenwert unbekannt oder geheim zu halten",
    [GEHEIMHALTUNG_UNBEKANNT] = "Zahlenwert unbekannt oder geheim zu halten",
    [GEHEIMHALTUNG_GESPERRT] = "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
    [GEHEIMHALTUNG_UNSICHER] = "keine Angaben, da Zahlenwert nicht sicher genug",
    [GEHEIMHALTUNG_SPAETER] = "Angabe fällt später an",
};

const char *geheimhaltung_zeichen(enum geheimhaltung_status s)
{
    return status_gueltig(s) ? zeichen[s] : NULL;
}

const char *geheimhaltung_legende(enum geheimhaltung_status s)
{
    return status_gueltig(s) ? legende[s] : NULL;
}

const char *geheimhaltung_zeichen_zelle(const struct geheimhaltung_tabelle *t, size_t i)
{
    if (!t || !t->status || t->ncols == 0 || t->nrows > SIZE_MAX / t->ncols ||
        i >= t->nrows * t->ncols || !status_gueltig(t->status[i]))
        return NULL;
    if (!veroeffentlicht(t->status[i]))
        return zeichen[t->status[i]];
    if (t->values && t->values[i] == 0.0)
        return GEHEIMHALTUNG_ZEICHEN_NICHTS;
    return NULL;
}

const char *geheimhaltung_fehlertext(long fehler)
{
    switch (fehler) {
    case GEHEIMHALTUNG_OK: return "kein Fehler";
    case GEHEIMHALTUNG_E_ARGUMENT: return "ungültiges Argument (Tabelle leer, Zeiger fehlt oder Index außerhalb)";
    case GEHEIMHALTUNG_E_FORM: return "Summenzeile/-spalte in einer Tabelle mit nur einer Zeile/Spalte";
    case GEHEIMHALTUNG_E_STATUS: return "unbekannter Zellstatus";
    case GEHEIMHALTUNG_E_WERT: return "Fallzahl negativ oder keine endliche Zahl";
    default: return fehler > 0 ? "kein Fehler" : "unbekannter Fehler";
    }
}
