/*
 * karte.c — the content of a choropleth map (see karte.h).
 */
#include "karte.h"
#include "diag.h"
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void karte_init(struct karte *k, const struct geo_karte *geo)
{
    memset(k, 0, sizeof *k);
    k->geo = geo;
    k->werte = xcalloc(geo->n ? geo->n : 1, sizeof *k->werte);
}

void karte_free(struct karte *k)
{
    free(k->werte);
    k->werte = NULL;
}

void karte_setzen(struct karte *k, size_t i, enum karte_zustand z, double wert)
{
    if (i >= k->geo->n) return;
    k->werte[i].zustand = z;
    k->werte[i].wert = z == KARTE_WERT ? wert : NAN;
}

int karte_klassifizieren(struct karte *k, int anzahl, enum klassen_methode m, int dezimalen)
{
    size_t n = k->geo->n;
    double *v = xmalloc(sizeof(double) * (n ? n : 1));
    for (size_t i = 0; i < n; i++) v[i] = k->werte[i].zustand == KARTE_WERT ? k->werte[i].wert : NAN;
    int rc = klassen_bilden(v, n, anzahl, m, dezimalen, &k->klassen);
    free(v);
    k->hat_klassen = rc == 0;
    return rc;
}

int karte_klasse(const struct karte *k, size_t i)
{
    if (k->werte[i].zustand == KARTE_GEHEIM) return KARTE_KLASSE_GEHEIM;
    if (k->werte[i].zustand != KARTE_WERT || !k->hat_klassen) return KARTE_KLASSE_KEINE;
    return klassen_von(&k->klassen, k->werte[i].wert);
}

unsigned karte_farbe(const struct karte *k, size_t i)
{
    int c = karte_klasse(k, i);
    if (c == KARTE_KLASSE_GEHEIM) return KLASSEN_FARBE_GEHEIM;
    if (c < 0) return KLASSEN_FARBE_KEINE;
    return klassen_farbe(k->klassen.n, c);
}

int karte_legende(const struct karte *k, struct karte_legende *out)
{
    int n = 0, keine = 0, geheim = 0;
    if (k->hat_klassen)
        for (int i = 0; i < k->klassen.n; i++, n++) {
            klassen_label(&k->klassen, i, k->einheit, out[n].text, sizeof out[n].text);
            out[n].farbe = klassen_farbe(k->klassen.n, i);
            out[n].schraffur = 0;
        }
    for (size_t i = 0; i < k->geo->n; i++) {
        int c = karte_klasse(k, i);
        keine |= c == KARTE_KLASSE_KEINE;
        geheim |= c == KARTE_KLASSE_GEHEIM;
    }
    if (keine) {
        snprintf(out[n].text, sizeof out[n].text, "keine Daten");
        out[n].farbe = KLASSEN_FARBE_KEINE;
        out[n++].schraffur = 1;
    }
    if (geheim) {
        snprintf(out[n].text, sizeof out[n].text, "geheim (Geheimhaltung)");
        out[n].farbe = KLASSEN_FARBE_GEHEIM;
        out[n++].schraffur = 2;
    }
    return n;
}

static const struct karte *sort_karte;

static int cmp_flaeche(const void *a, const void *b)
{
    const struct geo_gebiet *x = &sort_karte->geo->gebiete[*(const size_t *)a];
    const struct geo_gebiet *y = &sort_karte->geo->gebiete[*(const size_t *)b];
    double fx = (x->max_x - x->min_x) * (x->max_y - x->min_y), fy = (y->max_x - y->min_x) * (y->max_y - y->min_y);
    if (fx != fy) return fx > fy ? -1 : 1;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

size_t *karte_reihenfolge(const struct karte *k)
{
    size_t n = k->geo->n;
    size_t *o = xmalloc(sizeof *o * (n ? n : 1));
    for (size_t i = 0; i < n; i++) o[i] = i;
    sort_karte = k;
    qsort(o, n, sizeof *o, cmp_flaeche);
    sort_karte = NULL;
    return o;
}

char *karte_wert_text(const struct karte *k, size_t i, char *buf, size_t size)
{
    if (k->werte[i].zustand == KARTE_GEHEIM) snprintf(buf, size, "geheim");
    else if (k->werte[i].zustand != KARTE_WERT) snprintf(buf, size, "keine Daten");
    else {
        char z[48];
        format_zahl(z, sizeof z, k->werte[i].wert, k->hat_klassen ? k->klassen.dezimalen : 1);
        snprintf(buf, size, "%s%s", z, k->einheit ? k->einheit : "");
    }
    return buf;
}

char *karte_alt(const struct karte *k, char *buf, size_t size)
{
    size_t len = 0;
#define ADD(...) do { if (len < size) { int w_ = snprintf(buf + len, size - len, __VA_ARGS__); \
                      if (w_ > 0) len += (size_t)w_; } } while (0)
    if (size) buf[0] = '\0';
    ADD("Karte: %s, %d, nach Kreisen", k->titel ? k->titel : "", k->jahr);
    if (k->hat_klassen)
        ADD(", %d %s (%s)", k->klassen.n, k->klassen.n == 1 ? "Klasse" : "Klassen",
            k->klassen.methode == KLASSEN_QUANTIL ? "Quantile" : "gleiche Abstände");
    ADD(".");
    char name[160], wert[64], label[128];
    long e = k->eigen ? geo_finden(k->geo, k->eigen) : -1;
    if (e >= 0) {
        geo_anzeigename(&k->geo->gebiete[e], name, sizeof name);
        karte_wert_text(k, (size_t)e, wert, sizeof wert);
        int c = karte_klasse(k, (size_t)e);
        if (c >= 0)
            ADD(" %s (umrandet): %s (Klasse %d von %d: %s).", name, wert, c + 1, k->klassen.n,
                klassen_label(&k->klassen, c, k->einheit, label, sizeof label));
        else
            ADD(" %s (umrandet): %s.", name, wert);
    }
    long hi = -1, lo = -1;
    size_t keine = 0, geheim = 0;
    for (size_t i = 0; i < k->geo->n; i++) {
        if (k->werte[i].zustand == KARTE_GEHEIM) { geheim++; continue; }
        if (k->werte[i].zustand != KARTE_WERT) { keine++; continue; }
        if (hi < 0 || k->werte[i].wert > k->werte[hi].wert) hi = (long)i;
        if (lo < 0 || k->werte[i].wert < k->werte[lo].wert) lo = (long)i;
    }
    if (hi >= 0) {
        karte_wert_text(k, (size_t)hi, wert, sizeof wert);
        ADD(" Höchster Wert: %s (%s)", geo_anzeigename(&k->geo->gebiete[hi], name, sizeof name), wert);
        karte_wert_text(k, (size_t)lo, wert, sizeof wert);
        ADD("; niedrigster: %s (%s).", geo_anzeigename(&k->geo->gebiete[lo], name, sizeof name), wert);
    }
    char menge[64];
    if (keine) ADD(" %s ohne Daten.", format_menge(menge, sizeof menge, (long)keine, "Kreis", "Kreise"));
    if (geheim) ADD(" %s geheim gehalten.", format_menge(menge, sizeof menge, (long)geheim, "Kreis", "Kreise"));
#undef ADD
    return buf;
}
