/*
 * geo.c — reading, projecting and simplifying area boundaries (see geo.h).
 */
#include "geo.h"
#include "diag.h"

#include <errno.h>
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading ---------------------------------------------------------- */

/* The whole file as a NUL-terminated string, or NULL after a message. */
static char *datei_lesen(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error("Kartengeometrie %s: %s", path, diag_errno_text(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap) {
            if (ferror(f)) {
                diag_error("Kartengeometrie %s: %s", path, diag_errno_text(errno));
                fclose(f);
                free(buf);
                return NULL;
            }
            break;
        }
        cap *= 2;
        buf = xrealloc(buf, cap);
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* line and column (1-based) of byte offset off in s */
static void zeile_spalte(const char *s, size_t off, long *zeile, long *spalte)
{
    *zeile = 1;
    *spalte = 1;
    for (size_t i = 0; i < off && s[i]; i++) {
        if (s[i] == '\n') { (*zeile)++; *spalte = 1; }
        else if (((unsigned char)s[i] & 0xC0) != 0x80) (*spalte)++;
    }
}

static const char *prop_text(json_object *props, const char *key)
{
    json_object *v;
    if (!props || !json_object_object_get_ex(props, key, &v) || !json_object_is_type(v, json_type_string)) return NULL;
    return json_object_get_string(v);
}

struct leser {
    const char *path;
    size_t feature;          /* 1-based, for messages */
    const char *ars;
};

static int fehler(const struct leser *l, const char *was)
{
    if (l->ars)
        diag_error("Kartengeometrie %s, Feature %zu (ARS %s): %s", l->path, l->feature, l->ars, was);
    else if (l->feature)
        diag_error("Kartengeometrie %s, Feature %zu: %s", l->path, l->feature, was);
    else
        diag_error("Kartengeometrie %s: %s", l->path, was);
    return -1;
}

/* one ring (array of [lon, lat]) appended to g */
static int ring_lesen(const struct leser *l, json_object *arr, struct geo_gebiet *g)
{
    if (!json_object_is_type(arr, json_type_array))
        return fehler(l, "ein Ring ist keine Liste von Koordinaten");
    size_t n = json_object_array_length(arr);
    if (n < 4) return fehler(l, "ein Ring hat weniger als vier Punkte");
    double *xy = xmalloc(sizeof(double) * 2 * n);
    for (size_t i = 0; i < n; i++) {
        json_object *p = json_object_array_get_idx(arr, i);
        json_object *x = p && json_object_is_type(p, json_type_array) && json_object_array_length(p) >= 2
                         ? json_object_array_get_idx(p, 0) : NULL;
        json_object *y = x ? json_object_array_get_idx(p, 1) : NULL;
        int num_x = x && (json_object_is_type(x, json_type_double) || json_object_is_type(x, json_type_int));
        int num_y = y && (json_object_is_type(y, json_type_double) || json_object_is_type(y, json_type_int));
        if (!num_x || !num_y) {
            free(xy);
            return fehler(l, "eine Koordinate ist kein Zahlenpaar [Länge, Breite]");
        }
        double lon = json_object_get_double(x), lat = json_object_get_double(y);
        if (!isfinite(lon) || !isfinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            char was[160];
            snprintf(was, sizeof was, "Koordinate [%g, %g] liegt außerhalb von −180…180° Länge, −90…90° Breite "
                     "(keine WGS84-Koordinaten?)", lon, lat);
            free(xy);
            return fehler(l, was);
        }
        xy[2 * i] = lon;
        xy[2 * i + 1] = lat;
    }
    if (xy[0] != xy[2 * n - 2] || xy[1] != xy[2 * n - 1]) {
        free(xy);
        return fehler(l, "ein Ring ist nicht geschlossen (letzter Punkt ≠ erster Punkt)");
    }
    g->ringe = xrealloc(g->ringe, sizeof *g->ringe * (g->nringe + 1));
    g->ringe[g->nringe].xy = xy;
    g->ringe[g->nringe].n = n;
    g->nringe++;
    return 0;
}

/* the rings of one polygon (array of rings) */
static int polygon_lesen(const struct leser *l, json_object *poly, struct geo_gebiet *g)
{
    if (!json_object_is_type(poly, json_type_array) || json_object_array_length(poly) == 0)
        return fehler(l, "ein Polygon hat keine Ringe");
    for (size_t i = 0; i < json_object_array_length(poly); i++)
        if (ring_lesen(l, json_object_array_get_idx(poly, i), g) != 0) return -1;
    return 0;
}

static void gebiet_free(struct geo_gebiet *g)
{
    for (size_t r = 0; r < g->nringe; r++) free(g->ringe[r].xy);
    free(g->ringe);
    free(g->ars);
    free(g->name);
    free(g->bez);
}

static void boxen(struct geo_karte *k)
{
    k->min_x = k->min_y = INFINITY;
    k->max_x = k->max_y = -INFINITY;
    for (size_t i = 0; i < k->n; i++) {
        struct geo_gebiet *g = &k->gebiete[i];
        g->min_x = g->min_y = INFINITY;
        g->max_x = g->max_y = -INFINITY;
        for (size_t r = 0; r < g->nringe; r++)
            for (size_t p = 0; p < g->ringe[r].n; p++) {
                double x = g->ringe[r].xy[2 * p], y = g->ringe[r].xy[2 * p + 1];
                if (x < g->min_x) g->min_x = x;
                if (x > g->max_x) g->max_x = x;
                if (y < g->min_y) g->min_y = y;
                if (y > g->max_y) g->max_y = y;
            }
        if (g->min_x < k->min_x) k->min_x = g->min_x;
        if (g->max_x > k->max_x) k->max_x = g->max_x;
        if (g->min_y < k->min_y) k->min_y = g->min_y;
        if (g->max_y > k->max_y) k->max_y = g->max_y;
    }
}

static int features_lesen(const char *path, json_object *root, struct geo_karte *k)
{
    struct leser l = { path, 0, NULL };
    json_object *type, *features;
    if (!json_object_is_type(root, json_type_object) || !json_object_object_get_ex(root, "type", &type)
        || strcmp(json_object_get_string(type), "FeatureCollection") != 0)
        return fehler(&l, "keine GeoJSON-FeatureCollection (\"type\": \"FeatureCollection\" fehlt)");
    if (!json_object_object_get_ex(root, "features", &features) || !json_object_is_type(features, json_type_array))
        return fehler(&l, "die FeatureCollection hat keine Liste \"features\"");
    size_t n = json_object_array_length(features);
    if (n == 0) return fehler(&l, "die FeatureCollection enthält keine Gebiete");
    k->gebiete = xcalloc(n, sizeof *k->gebiete);
    for (size_t i = 0; i < n; i++) {
        l.feature = i + 1;
        l.ars = NULL;
        json_object *f = json_object_array_get_idx(features, i), *props = NULL, *geom, *gt, *coords;
        if (!f || !json_object_is_type(f, json_type_object)) return fehler(&l, "kein GeoJSON-Feature");
        json_object_object_get_ex(f, "properties", &props);
        const char *ars = prop_text(props, "ARS");
        if (!ars || !*ars) return fehler(&l, "Eigenschaft „ARS“ (Regionalschlüssel) fehlt");
        l.ars = ars;
        if (geo_finden(k, ars) >= 0) return fehler(&l, "der Regionalschlüssel kommt zweimal vor");
        struct geo_gebiet *g = &k->gebiete[k->n++];
        const char *gen = prop_text(props, "GEN"), *bez = prop_text(props, "BEZ");
        g->ars = xstrdup(ars);
        g->name = xstrdup(gen ? gen : ars);
        g->bez = xstrdup(bez ? bez : "");
        if (!json_object_object_get_ex(f, "geometry", &geom) || !json_object_is_type(geom, json_type_object)
            || !json_object_object_get_ex(geom, "type", &gt) || !json_object_object_get_ex(geom, "coordinates", &coords))
            return fehler(&l, "Geometrie fehlt");
        const char *t = json_object_get_string(gt);
        if (strcmp(t, "Polygon") == 0) {
            if (polygon_lesen(&l, coords, g) != 0) return -1;
        } else if (strcmp(t, "MultiPolygon") == 0) {
            if (!json_object_is_type(coords, json_type_array) || json_object_array_length(coords) == 0)
                return fehler(&l, "ein MultiPolygon hat keine Polygone");
            for (size_t p = 0; p < json_object_array_length(coords); p++)
                if (polygon_lesen(&l, json_object_array_get_idx(coords, p), g) != 0) return -1;
        } else {
            char was[160];
            snprintf(was, sizeof was, "Geometrie „%.40s“ statt Polygon oder MultiPolygon", t);
            return fehler(&l, was);
        }
    }
    return 0;
}

int geo_laden(const char *path, struct geo_karte *k)
{
    memset(k, 0, sizeof *k);
    size_t len;
    char *text = datei_lesen(path, &len);
    if (!text) return -1;
    json_tokener *tok = json_tokener_new();
    json_object *root = json_tokener_parse_ex(tok, text, (int)len);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    if (!root || jerr != json_tokener_success) {
        long z, s;
        zeile_spalte(text, json_tokener_get_parse_end(tok), &z, &s);
        if (jerr == json_tokener_continue)
            diag_error("Kartengeometrie %s: kein gültiges JSON (Datei endet mitten im Text)", path);
        else
            diag_error("Kartengeometrie %s, Zeile %ld, Spalte %ld: kein gültiges JSON (%s)", path, z, s,
                       json_tokener_error_desc(jerr));
        if (root) json_object_put(root);
        json_tokener_free(tok);
        free(text);
        return -1;
    }
    /* trailing text after the value */
    size_t end = json_tokener_get_parse_end(tok);
    while (end < len && (text[end] == ' ' || text[end] == '\n' || text[end] == '\r' || text[end] == '\t')) end++;
    int rc = 0;
    if (end < len) {
        long z, s;
        zeile_spalte(text, end, &z, &s);
        diag_error("Kartengeometrie %s, Zeile %ld, Spalte %ld: kein gültiges JSON (Text nach dem Ende)", path, z, s);
        rc = -1;
    }
    json_tokener_free(tok);
    free(text);
    if (rc == 0) rc = features_lesen(path, root, k);
    json_object_put(root);
    if (rc != 0) { geo_free(k); return -1; }
    boxen(k);
    return 0;
}

void geo_free(struct geo_karte *k)
{
    for (size_t i = 0; i < k->n; i++) gebiet_free(&k->gebiete[i]);
    free(k->gebiete);
    memset(k, 0, sizeof *k);
}

/* ---- projection --------------------------------------------------------- */

void geo_tm(double lon, double lat, double lon0, double *e, double *n)
{
    const double a = 6378137.0, f = 1 / 298.257222101, k0 = 0.9996, e0 = 500000.0;
    const double nn = f / (2 - f);                     /* third flattening */
    const double A = a / (1 + nn) * (1 + nn * nn / 4 + nn * nn * nn * nn / 64);
    const double al[3] = { nn / 2 - 2 * nn * nn / 3 + 5 * nn * nn * nn / 16,
                           13 * nn * nn / 48 - 3 * nn * nn * nn / 5,
                           61 * nn * nn * nn / 240 };
    const double d2r = M_PI / 180;
    double phi = lat * d2r, lam = (lon - lon0) * d2r;
    double c = 2 * sqrt(nn) / (1 + nn);
    double t = sinh(atanh(sin(phi)) - c * atanh(c * sin(phi)));   /* tan of the conformal latitude */
    double xi = atan2(t, cos(lam));
    double eta = atanh(sin(lam) / sqrt(1 + t * t));
    double x = eta, y = xi;
    for (int j = 1; j <= 3; j++) {
        x += al[j - 1] * cos(2 * j * xi) * sinh(2 * j * eta);
        y += al[j - 1] * sin(2 * j * xi) * cosh(2 * j * eta);
    }
    *e = e0 + k0 * A * x;
    *n = k0 * A * y;
}

void geo_utm32(double lon, double lat, double *e, double *n) { geo_tm(lon, lat, 9.0, e, n); }

void geo_projizieren(struct geo_karte *k)
{
    if (k->projiziert) return;
    for (size_t i = 0; i < k->n; i++)
        for (size_t r = 0; r < k->gebiete[i].nringe; r++) {
            struct geo_ring *ring = &k->gebiete[i].ringe[r];
            for (size_t p = 0; p < ring->n; p++)
                geo_utm32(ring->xy[2 * p], ring->xy[2 * p + 1], &ring->xy[2 * p], &ring->xy[2 * p + 1]);
        }
    k->projiziert = 1;
    boxen(k);
}

/* ---- simplification ------------------------------------------------------ */

/* squared distance of p from the segment a–b */
static double abstand2(const double *p, const double *a, const double *b)
{
    double dx = b[0] - a[0], dy = b[1] - a[1];
    double l2 = dx * dx + dy * dy;
    double u = l2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2 : 0;
    if (u < 0) u = 0;
    if (u > 1) u = 1;
    double qx = a[0] + u * dx - p[0], qy = a[1] + u * dy - p[1];
    return qx * qx + qy * qy;
}

/* Douglas–Peucker with an explicit stack; keep[i] = 1 for kept points */
static void dp(const double *xy, size_t n, double tol2, unsigned char *keep, size_t *stack)
{
    size_t top = 0;
    keep[0] = keep[n - 1] = 1;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top) {
        size_t j = stack[--top], i = stack[--top];
        double best = -1;
        size_t at = 0;
        for (size_t m = i + 1; m < j; m++) {
            double d = abstand2(xy + 2 * m, xy + 2 * i, xy + 2 * j);
            if (d > best) { best = d; at = m; }
        }
        if (best > tol2) {
            keep[at] = 1;
            stack[top++] = i; stack[top++] = at;
            stack[top++] = at; stack[top++] = j;
        }
    }
}

size_t geo_vereinfachen(struct geo_karte *k, double tol)
{
    if (!(tol > 0)) return 0;
    size_t removed = 0;
    for (size_t i = 0; i < k->n; i++)
        for (size_t r = 0; r < k->gebiete[i].nringe; r++) {
            struct geo_ring *ring = &k->gebiete[i].ringe[r];
            size_t n = ring->n;
            if (n <= 4) continue;
            unsigned char *keep = xcalloc(n, 1);
            size_t *stack = xmalloc(sizeof *stack * 4 * n);
            /* a closed ring: split at the point farthest from the first, so
             * that neither half starts and ends at the same point */
            size_t far = 0;
            double best = -1;
            for (size_t p = 1; p < n - 1; p++) {
                double dx = ring->xy[2 * p] - ring->xy[0], dy = ring->xy[2 * p + 1] - ring->xy[1];
                if (dx * dx + dy * dy > best) { best = dx * dx + dy * dy; far = p; }
            }
            dp(ring->xy, far + 1, tol * tol, keep, stack);
            dp(ring->xy + 2 * far, n - far, tol * tol, keep + far, stack);
            size_t m = 0;
            for (size_t p = 0; p < n; p++) m += keep[p];
            if (m >= 4 && m < n) {
                size_t w = 0;
                for (size_t p = 0; p < n; p++)
                    if (keep[p]) {
                        ring->xy[2 * w] = ring->xy[2 * p];
                        ring->xy[2 * w + 1] = ring->xy[2 * p + 1];
                        w++;
                    }
                ring->n = w;
                removed += n - w;
            }
            free(keep);
            free(stack);
        }
    boxen(k);
    return removed;
}

size_t geo_punkte(const struct geo_karte *k)
{
    size_t n = 0;
    for (size_t i = 0; i < k->n; i++)
        for (size_t r = 0; r < k->gebiete[i].nringe; r++) n += k->gebiete[i].ringe[r].n;
    return n;
}

long geo_finden(const struct geo_karte *k, const char *ars)
{
    for (size_t i = 0; i < k->n; i++)
        if (k->gebiete[i].ars && strcmp(k->gebiete[i].ars, ars) == 0) return (long)i;
    return -1;
}

char *geo_anzeigename(const struct geo_gebiet *g, char *buf, size_t size)
{
    if (strncmp(g->name, "Region ", 7) == 0 || !*g->bez) snprintf(buf, size, "%s", g->name);
    else if (strcmp(g->bez, "Kreisfreie Stadt") == 0) snprintf(buf, size, "Stadt %s", g->name);
    else snprintf(buf, size, "%s %s", g->bez, g->name);
    return buf;
}
