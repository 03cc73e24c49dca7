/*
 * indikator.c — computing catalogue indicators from observations (see indikator.h).
 *
 * Per indicator: fetch the input series (datasets filtered by merkmale, or
 * the results of referenced indicators) as entries sorted by (area, year),
 * choose the areas, build the points per area by the formula of the art,
 * then apply the Geheimhaltung year by year over all areas.
 */
#include "indikator.h"

#include "diag.h"
#include "strmap.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Allowance for floating-point rounding in tolerance comparisons. */
#define INDIKATOR_EPS 1e-9

static const char *s0(const char *s) { return s ? s : ""; }

/* ---- input entries ------------------------------------------------------------------ */

struct eingang {
    const char *gebiet;              /* area key (not owned) */
    const char *name;                /* area name (not owned) */
    const char *merkmale;            /* for messages */
    int jahr;
    double wert;                     /* NAN when symbol */
    enum werte_symbol symbol;
    enum geheimhaltung_status geheim;
    const char *datei;               /* provenance (NULL = unknown) */
    long zeile;
};

struct quelle_daten {
    struct eingang *e;
    size_t n;
    int genutzt;                     /* the series is given */
    int datensatz;                   /* 1: counts from a dataset (suppressible), 0: reference */
};

static int cmp_eingang(const void *x, const void *y)
{
    const struct eingang *a = x, *b = y;
    int c = strcmp(a->gebiet, b->gebiet);
    if (c) return c;
    return (a->jahr > b->jahr) - (a->jahr < b->jahr);
}

/* Sort order: area, year, then merkmale (so that messages about duplicates are stable). */
static int cmp_eingang_sort(const void *x, const void *y)
{
    int c = cmp_eingang(x, y);
    return c ? c : strcmp(((const struct eingang *)x)->merkmale, ((const struct eingang *)y)->merkmale);
}

/* Does the '|'-separated merkmale contain the element f ("Merkmal=Wert")? */
static int hat_merkmal(const char *merkmale, const char *f)
{
    size_t fl = strlen(f);
    const char *p = merkmale;
    while (*p) {
        const char *e = strchr(p, '|');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        const char *s = p;
        while (len && *s == ' ') { s++; len--; }
        while (len && s[len - 1] == ' ') len--;
        if (len == fl && memcmp(s, f, fl) == 0) return 1;
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

static int passt(const struct indikator_beobachtung *b, const struct katalog_reihe *r)
{
    if (strcmp(s0(b->indikator), r->datensatz) != 0) return 0;
    for (int i = 0; i < r->nfilter; i++) {
        const char *f = r->filter[i];
        if (strncmp(f, "Einheit=", 8) == 0) {
            if (strcmp(s0(b->einheit), f + 8) != 0) return 0;
        } else if (!hat_merkmal(s0(b->merkmale), f)) {
            return 0;
        }
    }
    return 1;
}

/* The marks that belong to a number never stand alone: a bare mark is „.“. */
static enum werte_symbol nur_symbol(enum werte_symbol s)
{
    switch (s) {
    case WERTE_SYMBOL_NICHTS:
    case WERTE_SYMBOL_UNBEKANNT:
    case WERTE_SYMBOL_NICHT_SICHER:
    case WERTE_SYMBOL_GESPERRT:
    case WERTE_SYMBOL_SPAETER:
    case WERTE_SYMBOL_KEINE_ANGABE:
        return s;
    default:
        return WERTE_SYMBOL_UNBEKANNT;
    }
}

static void meldung_indikator(const struct katalog *k, const struct katalog_indikator *ind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The result being computed (single-threaded): its first error text is kept in fehler. */
static struct indikator_ergebnis *aktuelles_ergebnis;

static void meldung_indikator(const struct katalog *k, const struct katalog_indikator *ind, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    diag_error("Katalog %s, [indikator:%s]: %s", s0(k->pfad), ind->id, buf);
    if (aktuelles_ergebnis && !aktuelles_ergebnis->fehler) aktuelles_ergebnis->fehler = xstrdup(buf);
}

/* Is area g printed by a report (katalog.berichtsgebiete; NULL: every area)? */
static int berichtsgebiet(const struct katalog *k, const char *g)
{
    if (!k->berichtsgebiete) return 1;
    for (const char *const *p = k->berichtsgebiete; *p; p++)
        if (strcmp(*p, g) == 0) return 1;
    return 0;
}

/* Is area g computed for ind (its list gebiete, gesamt and the report areas; or alle)? */
static int angefragt(const struct katalog *k, const struct katalog_indikator *ind, const char *g)
{
    if (!ind->gebiete) return 1;
    for (int i = 0; i < ind->ngebiete; i++)
        if (strcmp(ind->gebiete[i], g) == 0) return 1;
    if (ind->gebiet_gesamt && strcmp(ind->gebiet_gesamt, g) == 0) return 1;
    return k->berichtsgebiete && berichtsgebiet(k, g);
}

static const char *herkunft(char *buf, size_t size, const struct eingang *e)
{
    if (e->datei && e->zeile) snprintf(buf, size, "Datei %s, Zeile %ld", e->datei, e->zeile);
    else if (e->datei) snprintf(buf, size, "Datei %s", e->datei);
    else snprintf(buf, size, "Herkunft unbekannt");
    return buf;
}

static int hole_datensatz(const struct katalog *k, const struct katalog_indikator *ind, const char *key,
                          const struct katalog_reihe *r, const struct indikator_beobachtung *beob, size_t nbeob,
                          struct quelle_daten *q)
{
    size_t cap = 0;
    for (size_t i = 0; i < nbeob; i++) {
        const struct indikator_beobachtung *b = &beob[i];
        if (!passt(b, r)) continue;
        if (q->n == cap) {
            cap = cap ? 2 * cap : 64;
            q->e = xrealloc(q->e, sizeof *q->e * cap);
        }
        struct eingang *e = &q->e[q->n++];
        e->gebiet = s0(b->gebiet)[0] ? b->gebiet : s0(b->gebiet_name);
        e->name = s0(b->gebiet_name);
        e->merkmale = s0(b->merkmale);
        e->jahr = b->jahr;
        e->datei = b->datei;
        e->zeile = b->zeile;
        e->geheim = GEHEIMHALTUNG_WERT;
        if (b->geheim == GEHEIMHALTUNG_PRIMAER || b->geheim == GEHEIMHALTUNG_SEKUNDAER) {
            e->wert = NAN;    /* suppressed in the raw data: never a number here either */
            e->symbol = WERTE_SYMBOL_UNBEKANNT;
            e->geheim = b->geheim;
        } else if (isfinite(b->wert)) {
            e->wert = b->wert;
            e->symbol = WERTE_SYMBOL_KEINES;
        } else if (b->symbol == WERTE_SYMBOL_NICHTS) {
            e->wert = 0.0;    /* „–“ nichts vorhanden: exactly zero */
            e->symbol = WERTE_SYMBOL_KEINES;
        } else {
            e->wert = NAN;
            e->symbol = nur_symbol(b->symbol);
        }
    }
    if (q->n > 1) qsort(q->e, q->n, sizeof *q->e, cmp_eingang_sort);
    /* two observations for one area and year: only areas that are computed and printed
     * matter — an error there (the indicator fails), a warning elsewhere (the area is
     * left out of this indicator); areas not computed at all are never looked at */
    size_t out = 0, i = 0;
    int rc = 0;
    while (i < q->n) {
        size_t j = i + 1;
        while (j < q->n && strcmp(q->e[j].gebiet, q->e[i].gebiet) == 0) j++;
        const struct eingang *d1 = NULL, *d2 = NULL;
        for (size_t m = i + 1; m < j && !d1; m++)
            if (q->e[m].jahr == q->e[m - 1].jahr) { d1 = &q->e[m - 1]; d2 = &q->e[m]; }
        int wichtig = angefragt(k, ind, q->e[i].gebiet), printed = ind->gebiete || berichtsgebiet(k, q->e[i].gebiet);
        if (d1 && wichtig) {
            char h1[600], h2[600];
            herkunft(h1, sizeof h1, d1);
            herkunft(h2, sizeof h2, d2);
            if (strcmp(d1->merkmale, d2->merkmale) == 0 && printed) {
                meldung_indikator(k, ind, "%s %s: Gebiet %s, Jahr %d zweimal geliefert (Merkmale „%s“): %s und %s — "
                                  "eine der beiden Zeilen entfernen oder die ältere Lieferung ersetzen", key,
                                  r->datensatz, d1->gebiet, d1->jahr, d1->merkmale, h1, h2);
                rc = -1;
            } else if (printed) {
                meldung_indikator(k, ind, "%s %s: mehrere Beobachtungen für Gebiet %s, Jahr %d: Merkmale „%s“ (%s) und "
                                  "„%s“ (%s) — den Filter %s_filter um das Merkmal ergänzen, in dem sie sich "
                                  "unterscheiden", key, r->datensatz, d1->gebiet, d1->jahr, d1->merkmale, h1,
                                  d2->merkmale, h2, key);
                rc = -1;
            } else {
                diag_warning("Katalog %s, [indikator:%s]: %s %s: Gebiet %s, Jahr %d mehrfach (Merkmale „%s“, %s; „%s“, "
                             "%s) — das Gebiet wird für diesen Indikator nicht berechnet", s0(k->pfad), ind->id, key,
                             r->datensatz, d1->gebiet, d1->jahr, d1->merkmale, h1, d2->merkmale, h2);
            }
        }
        if (!d1 || (wichtig && printed))
            for (size_t m = i; m < j; m++) q->e[out++] = q->e[m];
        i = j;
    }
    q->n = out;
    return rc;
}

static int hole_bezug(const struct katalog *k, const struct katalog_indikator *ind, const char *key,
                      const struct katalog_reihe *r, const struct indikator_ergebnis *erg, struct quelle_daten *q)
{
    const struct indikator_ergebnis *e = &erg[r->indikator];
    if (!e->berechnet) {
        if (e->fehler)
            meldung_indikator(k, ind, "%s: beruht auf [indikator:%s], dessen Berechnung fehlgeschlagen ist", key,
                              k->indikatoren[r->indikator].id);
        else
            meldung_indikator(k, ind, "%s: Indikator „%s“ ist noch nicht berechnet (Reihenfolge: katalog.reihenfolge)",
                              key, k->indikatoren[r->indikator].id);
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < e->nreihen; i++) n += e->reihen[i].npunkte;
    q->e = xcalloc(n ? n : 1, sizeof *q->e);
    for (size_t i = 0; i < e->nreihen; i++) {
        const struct indikator_reihe *rr = &e->reihen[i];
        for (size_t j = 0; j < rr->npunkte; j++) {
            const struct indikator_punkt *p = &rr->punkte[j];
            struct eingang *x = &q->e[q->n++];
            x->gebiet = rr->gebiet;
            x->name = rr->gebiet_name;
            x->merkmale = "";
            x->jahr = p->jahr;
            x->wert = p->wert;
            x->symbol = p->symbol;
            x->geheim = p->geheim;
        }
    }
    if (q->n > 1) qsort(q->e, q->n, sizeof *q->e, cmp_eingang);
    return 0;
}

static int hole(const struct katalog *k, const struct katalog_indikator *ind, const char *key,
                const struct katalog_reihe *r, const struct indikator_beobachtung *beob, size_t nbeob,
                const struct indikator_ergebnis *erg, struct quelle_daten *q)
{
    memset(q, 0, sizeof *q);
    if (r->datensatz) {
        q->genutzt = q->datensatz = 1;
        return hole_datensatz(k, ind, key, r, beob, nbeob, q);
    }
    if (r->indikator >= 0) {
        q->genutzt = 1;
        return hole_bezug(k, ind, key, r, erg, q);
    }
    return 0;
}

/* The entries of area g: *start and the count (0 when none). */
static size_t bereich(const struct quelle_daten *q, const char *g, size_t *start)
{
    size_t lo = 0, hi = q->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(q->e[mid].gebiet, g) < 0) lo = mid + 1;
        else hi = mid;
    }
    size_t end = lo;
    while (end < q->n && strcmp(q->e[end].gebiet, g) == 0) end++;
    *start = lo;
    return end - lo;
}

static const struct eingang *eintrag(const struct quelle_daten *q, const char *g, int jahr)
{
    size_t s, n = bereich(q, g, &s);
    for (size_t i = s; i < s + n; i++)
        if (q->e[i].jahr == jahr) return &q->e[i];
    return NULL;
}

/* ---- results ------------------------------------------------------------------------- */

static int cmp_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

struct punkte {
    struct indikator_punkt *p;
    size_t n, cap;
};

static struct indikator_punkt *neuer_punkt(struct punkte *ps, int jahr)
{
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? 2 * ps->cap : 16;
        ps->p = xrealloc(ps->p, sizeof *ps->p * ps->cap);
    }
    struct indikator_punkt *p = &ps->p[ps->n++];
    p->jahr = jahr;
    p->wert = NAN;
    p->symbol = WERTE_SYMBOL_UNBEKANNT;
    p->geheim = GEHEIMHALTUNG_WERT;
    p->zaehler = p->nenner = NAN;
    return p;
}

static int hat_wert(const struct eingang *e) { return e && e->symbol == WERTE_SYMBOL_KEINES && isfinite(e->wert); }

/* A point without value from its inputs: the numerator's symbol first. */
static void symbol_von(struct indikator_punkt *p, const struct eingang *a, const struct eingang *b)
{
    const struct eingang *s = a && !hat_wert(a) ? a : b && !hat_wert(b) ? b : NULL;
    p->wert = NAN;
    p->symbol = s ? s->symbol : WERTE_SYMBOL_UNBEKANNT;
    p->geheim = s ? s->geheim : GEHEIMHALTUNG_WERT;
}

/* anteil, je_1000, mittelwert: zaehler ÷ nenner × faktor, matched on year. */
static void punkte_quote(const struct eingang *z, size_t nz, const struct eingang *n, size_t nn, double faktor,
                         struct punkte *out)
{
    size_t i = 0, j = 0;
    while (i < nz || j < nn) {
        int jahr = i < nz && (j >= nn || z[i].jahr <= n[j].jahr) ? z[i].jahr : n[j].jahr;
        const struct eingang *zp = i < nz && z[i].jahr == jahr ? &z[i++] : NULL;
        const struct eingang *np = j < nn && n[j].jahr == jahr ? &n[j++] : NULL;
        struct indikator_punkt *p = neuer_punkt(out, jahr);
        if (hat_wert(zp) && hat_wert(np)) {
            if (np->wert == 0.0) {
                p->symbol = WERTE_SYMBOL_GESPERRT;    /* division by zero: Aussage nicht sinnvoll */
            } else {
                p->wert = zp->wert / np->wert * faktor;
                p->symbol = WERTE_SYMBOL_KEINES;
                p->zaehler = zp->wert;
                p->nenner = np->wert;
            }
        } else {
            symbol_von(p, zp, np);
        }
    }
}

/* veraenderung: (x_t − x_{t−1}) ÷ |x_{t−1}| × 100 for consecutive years. */
static void punkte_veraenderung(const struct eingang *x, size_t n, struct punkte *out)
{
    for (size_t i = 1; i < n; i++) {
        if (x[i - 1].jahr != x[i].jahr - 1) continue;
        struct indikator_punkt *p = neuer_punkt(out, x[i].jahr);
        if (hat_wert(&x[i]) && hat_wert(&x[i - 1])) {
            if (x[i - 1].wert == 0.0) {
                p->symbol = WERTE_SYMBOL_GESPERRT;
            } else {
                p->wert = (x[i].wert - x[i - 1].wert) / fabs(x[i - 1].wert) * 100.0;
                p->symbol = WERTE_SYMBOL_KEINES;
                p->zaehler = x[i].wert;
                p->nenner = x[i - 1].wert;
            }
        } else {
            symbol_von(p, &x[i], &x[i - 1]);
        }
    }
}

static void punkte_kopie(const struct eingang *x, size_t n, struct punkte *out)
{
    for (size_t i = 0; i < n; i++) {
        struct indikator_punkt *p = neuer_punkt(out, x[i].jahr);
        p->wert = hat_wert(&x[i]) ? x[i].wert : NAN;
        p->symbol = hat_wert(&x[i]) ? WERTE_SYMBOL_KEINES : x[i].symbol;
        p->geheim = x[i].geheim;
    }
}

/* ---- Geheimhaltung --------------------------------------------------------------------- */

static enum geheimhaltung_status status_aus_symbol(enum werte_symbol s, enum geheimhaltung_status geheim)
{
    if (geheim != GEHEIMHALTUNG_WERT) return geheim;
    switch (s) {
    case WERTE_SYMBOL_KEINES: return GEHEIMHALTUNG_WERT;
    case WERTE_SYMBOL_GESPERRT: return GEHEIMHALTUNG_GESPERRT;
    case WERTE_SYMBOL_NICHT_SICHER: return GEHEIMHALTUNG_UNSICHER;
    case WERTE_SYMBOL_SPAETER: return GEHEIMHALTUNG_SPAETER;
    default: return GEHEIMHALTUNG_UNBEKANNT;
    }
}

static void unterdruecken(struct indikator_punkt *p, enum geheimhaltung_status s)
{
    if (p->symbol != WERTE_SYMBOL_KEINES) return;   /* already a symbol: keep it */
    p->wert = p->zaehler = p->nenner = NAN;
    p->geheim = s;
    switch (s) {
    case GEHEIMHALTUNG_GESPERRT: p->symbol = WERTE_SYMBOL_GESPERRT; p->geheim = GEHEIMHALTUNG_WERT; break;
    case GEHEIMHALTUNG_UNSICHER: p->symbol = WERTE_SYMBOL_NICHT_SICHER; p->geheim = GEHEIMHALTUNG_WERT; break;
    case GEHEIMHALTUNG_SPAETER: p->symbol = WERTE_SYMBOL_SPAETER; p->geheim = GEHEIMHALTUNG_WERT; break;
    case GEHEIMHALTUNG_UNBEKANNT: p->symbol = WERTE_SYMBOL_UNBEKANNT; p->geheim = GEHEIMHALTUNG_WERT; break;
    default: p->symbol = WERTE_SYMBOL_UNBEKANNT; break;   /* PRIMAER, SEKUNDAER */
    }
}

struct gh_lauf {
    const struct katalog *k;
    const struct katalog_indikator *ind;
    const char **gebiete;            /* nareas keys (gesamt last when total) */
    size_t nareas;
    int total;                       /* gebiet_gesamt: last row is the total */
    struct punkte *pts;              /* per area */
    unsigned schwelle;
    const struct geheimhaltung_optionen *gh;
};

static struct indikator_punkt *punkt_von(struct punkte *ps, int jahr)
{
    for (size_t i = 0; i < ps->n; i++)
        if (ps->p[i].jahr == jahr) return &ps->p[i];
    return NULL;
}

/* Count table of source q (one column, areas as rows) for one year; then anwenden. */
static long zaehltabelle(struct gh_lauf *g, const struct quelle_daten *q, int jahr, double *v,
                         enum geheimhaltung_status *st, struct geheimhaltung_tabelle *t)
{
    for (size_t a = 0; a < g->nareas; a++) {
        const struct eingang *e = eintrag(q, g->gebiete[a], jahr);
        v[a] = e && hat_wert(e) ? e->wert : NAN;
        st[a] = e ? status_aus_symbol(hat_wert(e) ? WERTE_SYMBOL_KEINES : e->symbol, e->geheim) : GEHEIMHALTUNG_UNBEKANNT;
    }
    t->nrows = g->nareas;
    t->ncols = 1;
    t->values = v;
    t->status = st;
    /* a total that was not delivered at all is not published: no line that year */
    t->total_row = g->total && g->nareas >= 2 && eintrag(q, g->gebiete[g->nareas - 1], jahr) != NULL;
    t->total_col = 0;
    return geheimhaltung_anwenden(t, g->schwelle, g->gh);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Years appearing in any area's points, sorted, unique.  O(m log m) for m
 * points of all areas (400 areas × 20 years: 8.000). */
static int *alle_jahre(struct gh_lauf *g, size_t *n)
{
    size_t cap = 0, m = 0;
    for (size_t a = 0; a < g->nareas; a++) cap += g->pts[a].n;
    int *j = xcalloc(cap ? cap : 1, sizeof(int));
    for (size_t a = 0; a < g->nareas; a++)
        for (size_t i = 0; i < g->pts[a].n; i++) j[m++] = g->pts[a].p[i].jahr;
    qsort(j, m, sizeof(int), cmp_int);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || j[u - 1] != j[i]) j[u++] = j[i];
    *n = u;
    return j;
}

static int gh_fehler(struct gh_lauf *g, long rc, int jahr)
{
    if (rc == GEHEIMHALTUNG_E_WERT)
        meldung_indikator(g->k, g->ind, "Jahr %d: negative oder ungültige Zählwerte — keine Geheimhaltung möglich "
                          "(schwelle = 0 setzen, wenn die Werte keine Fallzahlen sind)", jahr);
    else
        meldung_indikator(g->k, g->ind, "Jahr %d: Geheimhaltung: %s", jahr, geheimhaltung_fehlertext(rc));
    return -1;
}

/*
 * Suppression of a ratio (z, n: the sources; either may be a reference, then
 * not linked; link_z 0 for mittelwert) or of a count series (z == NULL and
 * zaehlung = 1: the points themselves are the counts).
 */
static int geheimhaltung(struct gh_lauf *g, const struct quelle_daten *z, const struct quelle_daten *n, int link_z,
                         int zaehlung)
{
    if (g->schwelle == 0 || g->nareas == 0) return 0;
    int use_z = z && z->datensatz && link_z, use_n = n && n->datensatz;
    if (!zaehlung && !use_z && !use_n) return 0;
    size_t nj, na = g->nareas;
    int *jahre = alle_jahre(g, &nj);
    double *vz = xcalloc(na, sizeof(double)), *vn = xcalloc(na, sizeof(double)), *vr = xcalloc(na, sizeof(double));
    enum geheimhaltung_status *sz = xcalloc(na, sizeof *sz), *sn = xcalloc(na, sizeof *sn), *sr = xcalloc(na, sizeof *sr);
    struct geheimhaltung_bezug *bez = xcalloc(na, sizeof *bez);
    int rc = 0;
    for (size_t y = 0; y < nj && rc == 0; y++) {
        int jahr = jahre[y];
        struct geheimhaltung_tabelle tz = { 0 }, tn = { 0 }, tr = { 0 };
        if (zaehlung) {
            for (size_t a = 0; a < na; a++) {
                struct indikator_punkt *p = punkt_von(&g->pts[a], jahr);
                vr[a] = p && p->symbol == WERTE_SYMBOL_KEINES ? p->wert : NAN;
                sr[a] = p ? status_aus_symbol(p->symbol, p->geheim) : GEHEIMHALTUNG_UNBEKANNT;
            }
            tr = (struct geheimhaltung_tabelle){ na, 1, vr, sr,
                                                  g->total && na >= 2 && punkt_von(&g->pts[na - 1], jahr) != NULL, 0 };
            long r = geheimhaltung_anwenden(&tr, g->schwelle, g->gh);
            if (r < 0) { rc = gh_fehler(g, r, jahr); break; }
        } else {
            if (use_z) {
                long r = zaehltabelle(g, z, jahr, vz, sz, &tz);
                if (r < 0) { rc = gh_fehler(g, r, jahr); break; }
            }
            if (use_n) {
                long r = zaehltabelle(g, n, jahr, vn, sn, &tn);
                if (r < 0) { rc = gh_fehler(g, r, jahr); break; }
            }
            size_t nb = 0;
            for (size_t a = 0; a < na; a++) {
                struct indikator_punkt *p = punkt_von(&g->pts[a], jahr);
                vr[a] = NAN;
                sr[a] = p ? status_aus_symbol(p->symbol, p->geheim) : GEHEIMHALTUNG_UNBEKANNT;
                if (p && p->symbol == WERTE_SYMBOL_KEINES)
                    bez[nb++] = (struct geheimhaltung_bezug){ a, use_z ? a : GEHEIMHALTUNG_KEINE,
                                                              use_n ? a : GEHEIMHALTUNG_KEINE };
            }
            tr = (struct geheimhaltung_tabelle){ na, 1, vr, sr, 0, 0 };
            long r = geheimhaltung_anteil(&tr, use_z ? &tz : NULL, use_n ? &tn : NULL, bez, nb, g->schwelle, g->gh);
            if (r < 0) { rc = gh_fehler(g, r, jahr); break; }
        }
        for (size_t a = 0; a < na; a++) {
            struct indikator_punkt *p = punkt_von(&g->pts[a], jahr);
            if (p && p->symbol == WERTE_SYMBOL_KEINES && sr[a] != GEHEIMHALTUNG_WERT) unterdruecken(p, sr[a]);
        }
    }
    free(jahre);
    free(vz); free(vn); free(vr);
    free(sz); free(sn); free(sr);
    free(bez);
    return rc;
}

/* ---- computing ------------------------------------------------------------------------------ */

void indikator_ergebnis_leeren(struct indikator_ergebnis *e)
{
    for (size_t i = 0; i < e->nreihen; i++) {
        free(e->reihen[i].gebiet);
        free(e->reihen[i].gebiet_name);
        free(e->reihen[i].punkte);
    }
    free(e->reihen);
    free(e->fehler);
    e->reihen = NULL;
    e->fehler = NULL;
    e->nreihen = 0;
    e->berechnet = 0;
}

void indikator_ergebnisse_freigeben(struct indikator_ergebnis *erg, int n)
{
    if (!erg) return;
    for (int i = 0; i < n; i++) indikator_ergebnis_leeren(&erg[i]);
    free(erg);
}

/* The name of area g in the first source that has it. */
static const char *name_von(const struct quelle_daten *qs, int nq, const char *g)
{
    for (int i = 0; i < nq; i++) {
        size_t s;
        if (bereich(&qs[i], g, &s)) {
            for (size_t j = s; j < qs[i].n && strcmp(qs[i].e[j].gebiet, g) == 0; j++)
                if (qs[i].e[j].name[0]) return qs[i].e[j].name;
        }
    }
    return "";
}

/* The areas: the catalogue's list (+ gesamt last) or every key in the sources. */
static const char **gebiete_waehlen(const struct katalog *k, const struct katalog_indikator *ind,
                                    const struct quelle_daten *qs, int nq, size_t *n)
{
    const char **g;
    if (ind->gebiete) {
        size_t nb = 0;
        for (const char *const *p = k->berichtsgebiete; p && *p; p++) nb++;
        g = xcalloc((size_t)ind->ngebiete + 2 + nb, sizeof *g);
        for (int i = 0; i < ind->ngebiete; i++) g[(*n)++] = ind->gebiete[i];
        /* the report's areas too (e.g. the comparison Niedersachsen), after the list, before
         * the total — but only where a source delivers them */
        for (size_t b = 0; b < nb && !ind->gebiet_gesamt; b++) {   /* with a total the list is a line */
            const char *x = k->berichtsgebiete[b];
            int da = 0, schon = ind->gebiet_gesamt && strcmp(ind->gebiet_gesamt, x) == 0;
            for (size_t i = 0; i < *n && !schon; i++) schon = strcmp(g[i], x) == 0;
            for (int i = 0; i < nq && !da && !schon; i++) { size_t s; da = bereich(&qs[i], x, &s) > 0; }
            if (da && !schon) g[(*n)++] = x;
        }
        if (ind->gebiet_gesamt) g[(*n)++] = ind->gebiet_gesamt;
        return g;
    }
    size_t cap = 1;
    for (int i = 0; i < nq; i++) cap += qs[i].n;
    g = xcalloc(cap, sizeof *g);
    size_t m = 0;
    for (int i = 0; i < nq; i++)
        for (size_t j = 0; j < qs[i].n; j++)
            if (j == 0 || strcmp(qs[i].e[j].gebiet, qs[i].e[j - 1].gebiet) != 0) g[m++] = qs[i].e[j].gebiet;
    qsort(g, m, sizeof *g, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || strcmp(g[u - 1], g[i]) != 0) g[u++] = g[i];
    *n = u;
    return g;
}

int indikator_berechnen(const struct katalog *k, int index, const struct indikator_beobachtung *beob,
                        size_t nbeob, const struct geheimhaltung_optionen *gh,
                        struct indikator_ergebnis *ergebnisse)
{
    const struct katalog_indikator *ind = &k->indikatoren[index];
    struct indikator_ergebnis *out = &ergebnisse[index];
    indikator_ergebnis_leeren(out);
    out->indikator = index;
    aktuelles_ergebnis = out;
    if (ind->nicht_erhoben) {
        out->berechnet = 1;
        return 0;
    }

    /* inputs: 0 wert, 1 zaehler, 2 nenner, 3 reihe */
    struct quelle_daten q[4];
    static const char *const keys[4] = { "wert", "zaehler", "nenner", "reihe" };
    const struct katalog_reihe *rr[4] = { &ind->wert, &ind->zaehler, &ind->nenner, &ind->reihe };
    int rc = 0;
    memset(q, 0, sizeof q);
    for (int i = 0; i < 4 && rc == 0; i++)
        rc = hole(k, ind, keys[i], rr[i], beob, nbeob, ergebnisse, &q[i]);

    size_t na = 0;
    const char **gebiete = NULL;
    struct punkte *pts = NULL;
    int stand_aus_katalog = ind->art == KATALOG_MEILENSTEIN && ind->stand != KATALOG_STAND_KEINER;
    if (rc == 0) {
        if (stand_aus_katalog && !ind->gebiete) {
            gebiete = xcalloc(2, sizeof *gebiete);
            gebiete[na++] = "";
        } else {
            gebiete = gebiete_waehlen(k, ind, q, 4, &na);
        }
        pts = xcalloc(na ? na : 1, sizeof *pts);
    }
    for (size_t a = 0; a < na && rc == 0; a++) {
        size_t s1, s2, n1, n2;
        if (stand_aus_katalog) {
            struct indikator_punkt *p = neuer_punkt(&pts[a], ind->stand_jahr);
            p->wert = KATALOG_STAND_WERT(ind->stand);
            p->symbol = WERTE_SYMBOL_KEINES;
        } else if (q[1].genutzt) {
            n1 = bereich(&q[1], gebiete[a], &s1);
            n2 = bereich(&q[2], gebiete[a], &s2);
            punkte_quote(q[1].e + s1, n1, q[2].e + s2, n2, ind->faktor, &pts[a]);
        } else if (q[3].genutzt) {
            n1 = bereich(&q[3], gebiete[a], &s1);
            punkte_veraenderung(q[3].e + s1, n1, &pts[a]);
        } else if (q[0].genutzt) {
            n1 = bereich(&q[0], gebiete[a], &s1);
            punkte_kopie(q[0].e + s1, n1, &pts[a]);
            if (ind->art == KATALOG_MEILENSTEIN)
                for (size_t i = 0; i < pts[a].n; i++) {
                    double v = pts[a].p[i].wert;
                    if (pts[a].p[i].symbol == WERTE_SYMBOL_KEINES && !(v >= 0.0 && v <= 1.0)) {
                        meldung_indikator(k, ind, "Gebiet %s, Jahr %d: Meilenstein-Wert %g ist nicht 0 (nein), "
                                          "1 (ja) oder dazwischen (teilweise)", gebiete[a], pts[a].p[i].jahr, v);
                        rc = -1;
                        break;
                    }
                }
        }
    }

    if (rc == 0 && na > 0) {
        struct gh_lauf g = { k, ind, gebiete, na, ind->gebiet_gesamt != NULL, pts, ind->schwelle, gh };
        if (q[1].genutzt)
            rc = geheimhaltung(&g, &q[1], &q[2], ind->art != KATALOG_MITTELWERT, 0);
        else if (ind->art == KATALOG_ANZAHL && q[0].genutzt && q[0].datensatz)
            rc = geheimhaltung(&g, NULL, NULL, 0, 1);
    }

    if (rc == 0) {
        out->reihen = xcalloc(na ? na : 1, sizeof *out->reihen);
        out->nreihen = na;
        for (size_t a = 0; a < na; a++) {
            struct indikator_reihe *r = &out->reihen[a];
            r->gebiet = xstrdup(gebiete[a]);
            r->gebiet_name = xstrdup(name_von(q, 4, gebiete[a]));
            r->punkte = pts[a].p;
            r->npunkte = pts[a].n;
            pts[a].p = NULL;
            if (ind->art == KATALOG_MEILENSTEIN) {
                if (stand_aus_katalog) {
                    r->stand_jahr = ind->stand_jahr;
                    r->stand_monat = ind->stand_monat;
                    r->stand_tag = ind->stand_tag;
                } else {
                    for (size_t i = r->npunkte; i-- > 0;)
                        if (r->punkte[i].symbol == WERTE_SYMBOL_KEINES) {
                            r->stand_jahr = r->punkte[i].jahr;
                            r->stand_monat = 12;
                            r->stand_tag = 31;
                            break;
                        }
                }
            }
        }
        out->berechnet = 1;
    }
    for (size_t a = 0; a < na; a++) free(pts ? pts[a].p : NULL);
    free(pts);
    free(gebiete);
    for (int i = 0; i < 4; i++) free(q[i].e);
    return rc;
}

int indikator_berechnen_alle(const struct katalog *k, const struct indikator_beobachtung *beob, size_t nbeob,
                             const struct geheimhaltung_optionen *gh, struct indikator_ergebnis **out)
{
    struct indikator_ergebnis *erg = xcalloc((size_t)k->nindikatoren + 1, sizeof *erg);
    int rc = 0;
    for (int i = 0; i < k->nindikatoren; i++) erg[i].indikator = i;
    for (int o = 0; o < k->nindikatoren; o++) {
        int i = k->reihenfolge[o];
        const struct katalog_indikator *ind = &k->indikatoren[i];
        int refs[4] = { ind->wert.indikator, ind->zaehler.indikator, ind->nenner.indikator, ind->reihe.indikator };
        int fehlt = 0;
        for (int r = 0; r < 4; r++)
            if (refs[r] >= 0 && !erg[refs[r]].berechnet) fehlt = 1;
        if (fehlt) {   /* a failed input: reported there already */
            rc = -1;
            continue;
        }
        if (indikator_berechnen(k, i, beob, nbeob, gh, erg) < 0) rc = -1;
    }
    *out = erg;
    return rc;
}

const struct indikator_reihe *indikator_reihe_fuer(const struct indikator_ergebnis *e, const char *gebiet)
{
    if (!e || e->nreihen == 0) return NULL;
    if (!gebiet) return &e->reihen[0];
    for (size_t i = 0; i < e->nreihen; i++)
        if (strcmp(e->reihen[i].gebiet, gebiet) == 0) return &e->reihen[i];
    return NULL;
}

const struct indikator_punkt *indikator_punkt_im_jahr(const struct indikator_reihe *r, int jahr)
{
    if (!r) return NULL;
    for (size_t i = 0; i < r->npunkte; i++)
        if (r->punkte[i].jahr == jahr) return &r->punkte[i];
    return NULL;
}

/* ---- status, change, trend, target ------------------------------------------------------------ */

enum indikator_status indikator_status(double delta, enum katalog_polaritaet p, double toleranz)
{
    if (isnan(delta)) return INDIKATOR_OHNE_VERGLEICH;
    double tol = toleranz > 0 ? toleranz : 0.0;
    if (fabs(delta) <= tol + INDIKATOR_EPS) return INDIKATOR_UNVERAENDERT;
    switch (p) {
    case KATALOG_HOEHER_BESSER: return delta > 0 ? INDIKATOR_BESSER : INDIKATOR_SCHLECHTER;
    case KATALOG_NIEDRIGER_BESSER: return delta < 0 ? INDIKATOR_BESSER : INDIKATOR_SCHLECHTER;
    default: return INDIKATOR_VERAENDERT;
    }
}

enum indikator_delta indikator_delta_art(enum katalog_art a)
{
    switch (a) {
    case KATALOG_ANTEIL:
    case KATALOG_VERAENDERUNG: return INDIKATOR_DELTA_PROZENTPUNKTE;
    case KATALOG_ANZAHL: return INDIKATOR_DELTA_PROZENT;
    default: return INDIKATOR_DELTA_ABSOLUT;
    }
}

const char *indikator_status_name(enum indikator_status s)
{
    switch (s) {
    case INDIKATOR_BESSER: return "besser";
    case INDIKATOR_SCHLECHTER: return "schlechter";
    case INDIKATOR_UNVERAENDERT: return "unverändert";
    case INDIKATOR_VERAENDERT: return "verändert";
    default: return "ohne Vergleich";
    }
}

static int ist_wert(const struct indikator_punkt *p) { return p->symbol == WERTE_SYMBOL_KEINES && isfinite(p->wert); }

int indikator_vergleichen(const struct indikator_reihe *r, const struct katalog_indikator *ind, int berichtsjahr,
                          struct indikator_vergleich *out)
{
    out->jahr = out->vorjahr = 0;
    out->wert = out->vorwert = out->differenz = out->prozent = out->delta = NAN;
    out->delta_art = indikator_delta_art(ind->art);
    out->status = INDIKATOR_OHNE_VERGLEICH;
    if (!r) return 2;
    long cur = -1;
    for (size_t i = 0; i < r->npunkte; i++) {
        const struct indikator_punkt *p = &r->punkte[i];
        if (!ist_wert(p)) continue;
        if (p->jahr == berichtsjahr || (ind->art == KATALOG_MEILENSTEIN && p->jahr <= berichtsjahr)) cur = (long)i;
    }
    if (cur < 0) return 2;
    out->jahr = r->punkte[cur].jahr;
    out->wert = r->punkte[cur].wert;
    long prev = -1;
    for (long i = cur - 1; i >= 0; i--)
        if (ist_wert(&r->punkte[i])) { prev = i; break; }
    if (prev < 0) return 1;
    out->vorjahr = r->punkte[prev].jahr;
    out->vorwert = r->punkte[prev].wert;
    out->differenz = out->wert - out->vorwert;
    out->prozent = out->vorwert != 0.0 ? out->differenz / fabs(out->vorwert) * 100.0 : NAN;
    out->delta = out->delta_art == INDIKATOR_DELTA_PROZENT ? out->prozent : out->differenz;
    if (isnan(out->delta))
        out->status = indikator_status(out->differenz, ind->polaritaet, 0.0);
    else
        out->status = indikator_status(out->delta, ind->polaritaet, ind->toleranz);
    return 0;
}

int indikator_steigung(const double *x, const double *y, size_t n, double *b, double *mx, double *my)
{
    if (n < 2) return -1;
    double sx = 0, sy = 0;
    for (size_t i = 0; i < n; i++) { sx += x[i]; sy += y[i]; }
    double xm = sx / (double)n, ym = sy / (double)n, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        sxx += (x[i] - xm) * (x[i] - xm);
        sxy += (x[i] - xm) * (y[i] - ym);
    }
    if (!(sxx > 0)) return -1;
    if (b) *b = sxy / sxx;
    if (mx) *mx = xm;
    if (my) *my = ym;
    return 0;
}

int indikator_trend(const struct indikator_reihe *r, const struct katalog_indikator *ind, int von, int bis,
                    struct indikator_trend *out)
{
    memset(out, 0, sizeof *out);
    out->steigung = out->steigung_prozent = out->mittel_jahr = out->mittel_wert = out->delta = NAN;
    out->delta_art = indikator_delta_art(ind->art);
    out->status = INDIKATOR_OHNE_VERGLEICH;
    if (!r) return -1;
    double *x = xcalloc(r->npunkte + 1, sizeof(double)), *y = xcalloc(r->npunkte + 1, sizeof(double));
    size_t n = 0;
    for (size_t i = 0; i < r->npunkte; i++) {
        const struct indikator_punkt *p = &r->punkte[i];
        if (!ist_wert(p) || (von && p->jahr < von) || (bis && p->jahr > bis)) continue;
        if (n == 0) out->von = p->jahr;
        out->bis = p->jahr;
        x[n] = p->jahr;
        y[n] = p->wert;
        n++;
    }
    out->n = n;
    int rc = indikator_steigung(x, y, n, &out->steigung, &out->mittel_jahr, &out->mittel_wert);
    free(x);
    free(y);
    if (rc < 0) return -1;
    out->steigung_prozent = out->mittel_wert != 0.0 ? out->steigung / fabs(out->mittel_wert) * 100.0 : NAN;
    out->delta = out->delta_art == INDIKATOR_DELTA_PROZENT ? out->steigung_prozent : out->steigung;
    out->status = indikator_status(out->delta, ind->polaritaet, ind->toleranz);
    return 0;
}

int indikator_zielerreichung(const struct indikator_reihe *r, const struct katalog_indikator *ind, int berichtsjahr,
                             struct indikator_ziel *out)
{
    memset(out, 0, sizeof *out);
    out->basiswert = out->wert = out->erreichung = out->soll = NAN;
    out->zielwert = ind->zielwert;
    out->zieljahr = ind->zieljahr;
    out->frist_abgelaufen = ind->zieljahr && ind->zieljahr < berichtsjahr;
    if (!ind->hat_zielwert) return 1;
    if (!r) return 2;
    const struct indikator_punkt *basis = NULL, *cur = NULL;
    for (size_t i = 0; i < r->npunkte; i++) {
        const struct indikator_punkt *p = &r->punkte[i];
        if (!ist_wert(p) || p->jahr > berichtsjahr) continue;
        if (ind->basisjahr ? p->jahr == ind->basisjahr : !basis) basis = p;
        cur = p;
    }
    if (!cur || !basis) return 2;
    out->basisjahr = basis->jahr;
    out->basiswert = basis->wert;
    out->jahr = cur->jahr;
    out->wert = cur->wert;
    double weg = out->zielwert - out->basiswert;
    out->erreichung = weg != 0.0 ? (out->wert - out->basiswert) / weg * 100.0 : NAN;
    switch (ind->polaritaet) {
    case KATALOG_HOEHER_BESSER: out->erreicht = out->wert >= out->zielwert - INDIKATOR_EPS; break;
    case KATALOG_NIEDRIGER_BESSER: out->erreicht = out->wert <= out->zielwert + INDIKATOR_EPS; break;
    default: out->erreicht = fabs(out->wert - out->zielwert) <= ind->toleranz + INDIKATOR_EPS; break;
    }
    if (ind->zieljahr && ind->zieljahr > out->basisjahr)
        out->soll = (double)(out->jahr - out->basisjahr) / (double)(ind->zieljahr - out->basisjahr) * 100.0;
    return 0;
}

/* ---- coverage ----------------------------------------------------------------------------------- */

static void gruppe_zaehlen(struct indikator_abdeckung_gruppe *g, int index, int nicht_erhoben, int daten, int aktuell,
                           enum indikator_status st, int cap)
{
    if (!g->ohne_daten_liste) g->ohne_daten_liste = xcalloc((size_t)cap + 1, sizeof(int));
    g->indikatoren++;
    g->nicht_erhoben += nicht_erhoben;
    if (!daten) {
        g->ohne_daten_liste[g->ohne_daten++] = index;
        return;
    }
    if (!aktuell) {
        g->ohne_aktuelle_daten++;
        return;
    }
    g->mit_daten++;
    switch (st) {
    case INDIKATOR_BESSER: g->besser++; break;
    case INDIKATOR_SCHLECHTER: g->schlechter++; break;
    case INDIKATOR_UNVERAENDERT: g->unveraendert++; break;
    case INDIKATOR_VERAENDERT: g->veraendert++; break;
    default: g->ohne_vergleich++; break;
    }
}

void indikator_abdeckung(const struct katalog *k, const struct indikator_ergebnis *erg, int berichtsjahr,
                         const char *gebiet, struct indikator_abdeckung *out)
{
    memset(out, 0, sizeof *out);
    out->berichtsjahr = berichtsjahr;
    out->handlungsfelder = xcalloc((size_t)k->nhandlungsfelder + 1, sizeof *out->handlungsfelder);
    out->ziele = xcalloc((size_t)k->nziele + 1, sizeof *out->ziele);
    int cap = k->nindikatoren;
    for (int i = 0; i < k->nindikatoren; i++) {
        const struct katalog_indikator *ind = &k->indikatoren[i];
        const struct indikator_reihe *r = erg && erg[i].berechnet ? indikator_reihe_fuer(&erg[i], gebiet) : NULL;
        int daten = 0;
        for (size_t j = 0; r && j < r->npunkte; j++)
            if (ist_wert(&r->punkte[j])) daten = 1;
        struct indikator_vergleich v;
        int aktuell = indikator_vergleichen(r, ind, berichtsjahr, &v) != 2;
        gruppe_zaehlen(&out->gesamt, i, ind->nicht_erhoben, daten, aktuell, v.status, cap);
        if (ind->handlungsfeld >= 0)
            gruppe_zaehlen(&out->handlungsfelder[ind->handlungsfeld], i, ind->nicht_erhoben, daten, aktuell, v.status, cap);
        for (int z = 0; z < ind->nziele; z++)
            gruppe_zaehlen(&out->ziele[ind->ziele[z]], i, ind->nicht_erhoben, daten, aktuell, v.status, cap);
        if (ind->nziele == 0) gruppe_zaehlen(&out->ohne_ziel, i, ind->nicht_erhoben, daten, aktuell, v.status, cap);
    }
}

void indikator_abdeckung_freigeben(const struct katalog *k, struct indikator_abdeckung *a)
{
    free(a->gesamt.ohne_daten_liste);
    free(a->ohne_ziel.ohne_daten_liste);
    for (int i = 0; a->handlungsfelder && i < k->nhandlungsfelder; i++) free(a->handlungsfelder[i].ohne_daten_liste);
    for (int i = 0; a->ziele && i < k->nziele; i++) free(a->ziele[i].ohne_daten_liste);
    free(a->handlungsfelder);
    free(a->ziele);
    memset(a, 0, sizeof *a);
}

/* ---- Geheimhaltung of the raw observations ------------------------------------------------ */

/* Is r a count input of ind (see indikator_datensatz_schwelle)? */
static int zaehl_eingang(const struct katalog_indikator *ind, const struct katalog_reihe *r)
{
    if (ind->nicht_erhoben || ind->schwelle == 0 || !r->datensatz) return 0;
    switch (ind->art) {
    case KATALOG_ANZAHL: return r == &ind->wert;
    case KATALOG_ANTEIL:
    case KATALOG_JE_1000: return r == &ind->zaehler || r == &ind->nenner;
    case KATALOG_MITTELWERT: return r == &ind->nenner;
    default: return 0;
    }
}

/* Calls f for every count input of dataset ds in k. */
#define ZAEHL_EINGAENGE(k, ds, ind, r, body)                                                               \
    for (int zi_ = 0; zi_ < (k)->nindikatoren; zi_++) {                                                     \
        const struct katalog_indikator *ind = &(k)->indikatoren[zi_];                                       \
        const struct katalog_reihe *rs_[4] = { &ind->wert, &ind->zaehler, &ind->nenner, &ind->reihe };       \
        for (int zj_ = 0; zj_ < 4; zj_++) {                                                                 \
            const struct katalog_reihe *r = rs_[zj_];                                                       \
            if (!zaehl_eingang(ind, r) || strcmp(r->datensatz, (ds)) != 0) continue;                        \
            body                                                                                            \
        }                                                                                                   \
    }

unsigned indikator_datensatz_schwelle(const struct katalog *k, const char *datensatz)
{
    unsigned s = 0;
    ZAEHL_EINGAENGE(k, datensatz, ind, r, { (void)r; if (ind->schwelle > s) s = ind->schwelle; })
    return s;
}

/* A Merkmal value that is the total of its Merkmal. */
static int ist_summenwert(const char *v, size_t len)
{
    static const char *const w[] = { "insgesamt", "gesamt", "zusammen", "summe", "total" };
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strlen(w[i]) == len && strncasecmp(v, w[i], len) == 0) return 1;
    return 0;
}

/* Hierarchy key of an AGS-like code (letters, then ≥ 2 digits): the code, or for a
 * Land-level code with Regierungsbezirk 0 (K030) its Land prefix (K03).  0 when not AGS-like. */
static size_t ags_schluessel(const char *g)
{
    size_t i = 0, n = strlen(g);
    while (i < n && ((g[i] >= 'A' && g[i] <= 'Z') || (g[i] >= 'a' && g[i] <= 'z'))) i++;
    size_t d = n - i;
    if (d < 2) return 0;
    for (size_t j = i; j < n; j++)
        if (g[j] < '0' || g[j] > '9') return 0;
    if (d == 3 && g[n - 1] == '0') return n - 1;
    return n;
}

struct roh_zelle {
    double wert;
    enum geheimhaltung_status st;
    long obs;                 /* index into beob, -1 for a part not delivered */
};

struct roh_jahr {
    struct strmap zellen;     /* area \x1f merkmale \x1f einheit → cell */
    struct strmap kombis;     /* merkmale \x1f einheit → 1 */
    struct roh_zelle *z;
    size_t nz, capz;
    const char **gebiete;     /* distinct areas of the year */
    size_t ng;
    const char **kombi_m, **kombi_e;   /* distinct (merkmale, einheit) */
    size_t nk;
    size_t *lz;               /* cells of all lines, concatenated */
    size_t nlz, caplz;
    struct geheimhaltung_linie *li;
    size_t nli, capli;
    size_t *li_start;         /* per line its offset into lz (zellen pointers set at the end) */
};

static const char *gebiet_von(const struct indikator_beobachtung *b)
{
    return s0(b->gebiet)[0] ? b->gebiet : s0(b->gebiet_name);
}

static size_t schluessel(char *buf, size_t size, const char *a, const char *m, const char *e)
{
    const char *teil[3] = { a ? a : "", m, e };
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        size_t len = strlen(teil[i]);
        if (n + len + 2 > size) len = size > n + 2 ? size - n - 2 : 0;   /* never: callers give 8 KB */
        memcpy(buf + n, teil[i], len);
        n += len;
        if (i < 2) buf[n++] = '\x1f';
    }
    buf[n] = '\0';
    return n;
}

/* The cell (area, merkmale, einheit), adding a part not delivered when neu; SIZE_MAX when none. */
static size_t roh_zelle(struct roh_jahr *y, const char *a, const char *m, const char *e, int neu)
{
    char key[8448];   /* area, Merkmale (ingest: ≤ 4 KB), unit */
    size_t len = schluessel(key, sizeof key, a, m, e);
    int64_t v;
    if (strmap_get(&y->zellen, key, len, &v)) return (size_t)v;
    if (!neu) return SIZE_MAX;
    if (y->nz == y->capz) { y->capz = y->capz ? 2 * y->capz : 256; y->z = xrealloc(y->z, y->capz * sizeof *y->z); }
    y->z[y->nz] = (struct roh_zelle){ 0.0, GEHEIMHALTUNG_UNBEKANNT, -1 };
    strmap_put(&y->zellen, key, len, (int64_t)y->nz);
    return y->nz++;
}

static void linie_beginnen(struct roh_jahr *y, size_t summe)
{
    if (y->nli == y->capli) {
        y->capli = y->capli ? 2 * y->capli : 64;
        y->li = xrealloc(y->li, y->capli * sizeof *y->li);
        y->li_start = xrealloc(y->li_start, y->capli * sizeof *y->li_start);
    }
    y->li_start[y->nli] = y->nlz;
    y->li[y->nli] = (struct geheimhaltung_linie){ NULL, 0, 0 };
    y->nli++;
    if (y->nlz == y->caplz) { y->caplz = y->caplz ? 2 * y->caplz : 256; y->lz = xrealloc(y->lz, y->caplz * sizeof *y->lz); }
    y->lz[y->nlz++] = summe;
    y->li[y->nli - 1].n = 1;
}

static void linie_teil(struct roh_jahr *y, size_t zelle)
{
    struct geheimhaltung_linie *l = &y->li[y->nli - 1];
    for (size_t i = y->li_start[y->nli - 1]; i < y->nlz; i++)
        if (y->lz[i] == zelle) return;      /* a cell once per line */
    if (y->nlz == y->caplz) { y->caplz = 2 * y->caplz; y->lz = xrealloc(y->lz, y->caplz * sizeof *y->lz); }
    y->lz[y->nlz++] = zelle;
    l->n++;
}

/* Drop a line of fewer than two cells (a total without parts). */
static void linie_beenden(struct roh_jahr *y)
{
    if (y->li[y->nli - 1].n < 2) { y->nlz = y->li_start[y->nli - 1]; y->nli--; }
}

static void roh_jahr_leeren(struct roh_jahr *y)
{
    strmap_free(&y->zellen);
    strmap_free(&y->kombis);
    free(y->z); free(y->gebiete); free(y->kombi_m); free(y->kombi_e); free(y->lz); free(y->li); free(y->li_start);
    memset(y, 0, sizeof *y);
}

static int cmp_jahr_idx(const void *a, const void *b, void *ctx)
{
    const struct indikator_beobachtung *o = ctx;
    int x = o[*(const size_t *)a].jahr, y = o[*(const size_t *)b].jahr;
    if (x != y) return (x > y) - (x < y);
    return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

/* The lines of one year (see indikator_rohdaten_schuetzen). */
static void roh_linien(const struct katalog *k, const char *ds, struct roh_jahr *y)
{
    /* area hierarchy: the parent of each code is the longest prefix key among the year's areas */
    struct strmap keys = { 0 };
    for (size_t c = 0; c < y->ng; c++) {
        size_t kg = ags_schluessel(y->gebiete[c]);
        if (kg) strmap_put(&keys, y->gebiete[c], kg, (int64_t)c);
    }
    size_t *eltern = xcalloc(y->ng ? y->ng : 1, sizeof *eltern);
    size_t nkinder = 0;
    for (size_t d = 0; d < y->ng; d++) {
        eltern[d] = SIZE_MAX;
        size_t kh = ags_schluessel(y->gebiete[d]);
        for (size_t len = kh; len-- > 1 && kh;) {
            int64_t e;
            if (strmap_get(&keys, y->gebiete[d], len, &e) && (size_t)e != d) { eltern[d] = (size_t)e; nkinder++; break; }
        }
    }
    for (size_t c = 0; c < y->ng && nkinder; c++) {
        int hat = 0;
        for (size_t d = 0; d < y->ng && !hat; d++) hat = eltern[d] == c;
        if (!hat) continue;
        for (size_t m = 0; m < y->nk; m++) {
            size_t summe = roh_zelle(y, y->gebiete[c], y->kombi_m[m], y->kombi_e[m], 0);
            if (summe == SIZE_MAX) continue;
            linie_beginnen(y, summe);
            for (size_t d = 0; d < y->ng; d++)
                if (eltern[d] == c) linie_teil(y, roh_zelle(y, y->gebiete[d], y->kombi_m[m], y->kombi_e[m], 1));
            linie_beenden(y);
        }
    }
    free(eltern);
    strmap_free(&keys);
    /* gebiet_gesamt of the users */
    ZAEHL_EINGAENGE(k, ds, ind, r, {
        (void)r;
        if (ind->gebiet_gesamt && ind->gebiete)
            for (size_t m = 0; m < y->nk; m++) {
                size_t summe = roh_zelle(y, ind->gebiet_gesamt, y->kombi_m[m], y->kombi_e[m], 0);
                if (summe == SIZE_MAX) continue;
                linie_beginnen(y, summe);
                for (int g = 0; g < ind->ngebiete; g++)
                    linie_teil(y, roh_zelle(y, ind->gebiete[g], y->kombi_m[m], y->kombi_e[m], 1));
                linie_beenden(y);
            }
    })
    /* Merkmale with a total value */
    for (size_t m = 0; m < y->nk; m++) {
        const char *mk = y->kombi_m[m];
        for (const char *p = mk; *p;) {
            const char *end = strchr(p, '|');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            const char *eq = memchr(p, '=', len);
            if (eq && ist_summenwert(eq + 1, len - (size_t)(eq + 1 - p))) {
                size_t klen = (size_t)(eq - p) + 1;   /* "Merkmal=" */
                /* per area: the total = the combinations that differ only in this Merkmal */
                for (size_t c = 0; c < y->ng; c++) {
                    size_t summe = roh_zelle(y, y->gebiete[c], mk, y->kombi_e[m], 0);
                    if (summe == SIZE_MAX) continue;
                    linie_beginnen(y, summe);
                    for (size_t o = 0; o < y->nk; o++) {
                        if (o == m || strcmp(y->kombi_e[o], y->kombi_e[m]) != 0) continue;
                        const char *om = y->kombi_m[o];
                        size_t pre = (size_t)(p - mk);
                        if (strncmp(om, mk, pre + klen) != 0) continue;
                        const char *ov = om + pre + klen, *oend = strchr(ov, '|');
                        const char *rest = end ? end : mk + strlen(mk);
                        if (strcmp(oend ? oend : "", rest) != 0) continue;
                        linie_teil(y, roh_zelle(y, y->gebiete[c], om, y->kombi_e[o], 1));
                    }
                    linie_beenden(y);
                }
            }
            if (!end) break;
            p = end + 1;
        }
    }
}

long indikator_rohdaten_schuetzen(const struct katalog *k, const char *datensatz,
                                  const struct indikator_beobachtung *beob, size_t n,
                                  const struct geheimhaltung_optionen *gh, enum geheimhaltung_status *status)
{
    for (size_t i = 0; i < n; i++) status[i] = GEHEIMHALTUNG_WERT;
    unsigned schwelle = indikator_datensatz_schwelle(k, datensatz);
    if (schwelle == 0 || n == 0) return 0;
    /* the count units: einheit of the observations the users' filters select */
    struct strmap einheiten = { 0 };
    const struct katalog_reihe **nutzer = xcalloc((size_t)k->nindikatoren * 4 + 1, sizeof *nutzer);
    size_t nn = 0;
    ZAEHL_EINGAENGE(k, datensatz, ind, r, { (void)ind; nutzer[nn++] = r; })
    for (size_t i = 0; i < n; i++) {
        int zaehlt = 0;
        for (size_t u = 0; u < nn && !zaehlt; u++) zaehlt = passt(&beob[i], nutzer[u]);
        if (zaehlt) strmap_put(&einheiten, s0(beob[i].einheit), strlen(s0(beob[i].einheit)), 1);
    }
    free(nutzer);
    size_t *idx = xcalloc(n, sizeof *idx);
    for (size_t i = 0; i < n; i++) idx[i] = i;
    qsort_r(idx, n, sizeof *idx, cmp_jahr_idx, (void *)beob);
    long neu = 0;
    int rc = 0;
    for (size_t a = 0; a < n && rc == 0;) {
        size_t b = a;
        while (b < n && beob[idx[b]].jahr == beob[idx[a]].jahr) b++;
        struct roh_jahr y = { 0 };
        struct strmap gebiete = { 0 };
        char key[8448];   /* area, Merkmale (ingest: ≤ 4 KB), unit */
        for (size_t i = a; i < b; i++) {
            const struct indikator_beobachtung *o = &beob[idx[i]];
            int64_t dummy;
            if (!strmap_get(&einheiten, s0(o->einheit), strlen(s0(o->einheit)), &dummy)) continue;
            const char *g = gebiet_von(o);
            size_t len = schluessel(key, sizeof key, g, s0(o->merkmale), s0(o->einheit));
            size_t c;
            if (strmap_get(&y.zellen, key, len, &dummy)) {
                /* a second observation of the same cell: a cell of its own, in no line */
                if (y.nz == y.capz) { y.capz = y.capz ? 2 * y.capz : 256; y.z = xrealloc(y.z, y.capz * sizeof *y.z); }
                c = y.nz++;
            } else {
                c = roh_zelle(&y, g, s0(o->merkmale), s0(o->einheit), 1);
            }
            int wert = isfinite(o->wert) || o->symbol == WERTE_SYMBOL_NICHTS;
            y.z[c].wert = isfinite(o->wert) ? o->wert : 0.0;
            y.z[c].st = wert ? GEHEIMHALTUNG_WERT : status_aus_symbol(nur_symbol(o->symbol), GEHEIMHALTUNG_WERT);
            y.z[c].obs = (long)idx[i];
            if (wert && !(y.z[c].wert >= 0.0)) {
                diag_error("Katalog %s: Datensatz %s, Gebiet %s, Jahr %d: negative Fallzahl %g — keine Geheimhaltung "
                           "möglich (schwelle = 0 bei den Indikatoren setzen, wenn die Werte keine Fallzahlen sind)",
                           s0(k->pfad), datensatz, g, o->jahr, y.z[c].wert);
                rc = -1;
                break;
            }
            if (!strmap_get(&gebiete, g, strlen(g), &dummy)) {
                strmap_put(&gebiete, g, strlen(g), 1);
                y.gebiete = xrealloc(y.gebiete, (y.ng + 1) * sizeof *y.gebiete);
                y.gebiete[y.ng++] = g;
            }
            len = schluessel(key, sizeof key, NULL, s0(o->merkmale), s0(o->einheit));
            if (!strmap_get(&y.kombis, key, len, &dummy)) {
                strmap_put(&y.kombis, key, len, 1);
                y.kombi_m = xrealloc(y.kombi_m, (y.nk + 1) * sizeof *y.kombi_m);
                y.kombi_e = xrealloc(y.kombi_e, (y.nk + 1) * sizeof *y.kombi_e);
                y.kombi_m[y.nk] = s0(o->merkmale);
                y.kombi_e[y.nk++] = s0(o->einheit);
            }
        }
        if (rc == 0 && y.nz) {
            roh_linien(k, datensatz, &y);
            for (size_t l = 0; l < y.nli; l++) y.li[l].zellen = y.lz + y.li_start[l];
            double *v = xcalloc(y.nz, sizeof *v);
            enum geheimhaltung_status *st = xcalloc(y.nz, sizeof *st);
            for (size_t c = 0; c < y.nz; c++) { v[c] = y.z[c].wert; st[c] = y.z[c].st; }
            struct geheimhaltung_tabelle t = { y.nz, 1, v, st, 0, 0 };
            long p = geheimhaltung_primaer(&t, schwelle, gh);
            long s = p < 0 ? p : geheimhaltung_sekundaer_linien(v, st, y.nz, y.li, y.nli);
            if (p < 0 || s < 0) {
                diag_error("Katalog %s: Datensatz %s, Jahr %d: Geheimhaltung: %s", s0(k->pfad), datensatz,
                           beob[idx[a]].jahr, geheimhaltung_fehlertext(p < 0 ? p : s));
                rc = -1;
            } else {
                /* areas with a suppressed count: their observations in other units follow */
                struct strmap betroffen = { 0 };
                for (size_t c = 0; c < y.nz; c++)
                    if (y.z[c].obs >= 0 && (st[c] == GEHEIMHALTUNG_PRIMAER || st[c] == GEHEIMHALTUNG_SEKUNDAER)) {
                        status[y.z[c].obs] = st[c];
                        neu++;
                        const char *g = gebiet_von(&beob[y.z[c].obs]);
                        strmap_put(&betroffen, g, strlen(g), 1);
                    }
                for (size_t i = a; i < b && betroffen.count; i++) {
                    const struct indikator_beobachtung *o = &beob[idx[i]];
                    int64_t dummy;
                    if (strmap_get(&einheiten, s0(o->einheit), strlen(s0(o->einheit)), &dummy)) continue;
                    if (!isfinite(o->wert) && o->symbol != WERTE_SYMBOL_NICHTS) continue;
                    const char *g = gebiet_von(o);
                    if (strmap_get(&betroffen, g, strlen(g), &dummy)) { status[idx[i]] = GEHEIMHALTUNG_SEKUNDAER; neu++; }
                }
                strmap_free(&betroffen);
            }
            free(v);
            free(st);
        }
        strmap_free(&gebiete);
        roh_jahr_leeren(&y);
        a = b;
    }
    free(idx);
    strmap_free(&einheiten);
    return rc < 0 ? -1 : neu;
}
