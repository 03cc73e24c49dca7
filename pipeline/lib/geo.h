/*
 * geo.h — area boundaries for maps: the Kreise of a GeoJSON file (BKG
 * VG5000 in WGS84), projected to the plane and simplified for print.
 *
 * geo_laden reads a GeoJSON FeatureCollection (RFC 7946) with json-c: per
 * Feature the properties ARS (Amtlicher Regionalschlüssel, "03461"), GEN
 * (name, "Wesermarsch") and BEZ (kind, "Landkreis"), and the geometry, a
 * Polygon or MultiPolygon.  Every ring of an area (outer rings and holes of
 * all its polygons) is kept as one list of points; drawing them as one path
 * with the even-odd rule fills the outer rings and leaves the holes open.
 *
 * Projection (geo_projizieren): UTM zone 32N on the GRS80 ellipsoid, i.e.
 * ETRS89 / UTM 32N (EPSG:25832), the official plane coordinates of
 * Niedersachsen and of the BKG's own VG5000 in UTM.  Conformal (shapes and
 * angles are kept locally); the scale factor is 0.9996 on the central
 * meridian 9° E and grows with the square of the distance from it, to
 * about 0.9999 at the western edge of Niedersachsen (6,65° E, 157 km
 * away), so distances and areas are off by at most 0,04 % and 0,08 % —
 * far below what a print map shows.  Formulas: the Krüger series
 * of the transverse Mercator projection (L. Krüger, „Konforme Abbildung des
 * Erdellipsoids in der Ebene“, 1912) in the third flattening n, truncated
 * after n³ (C. F. F. Karney, "Transverse Mercator with an accuracy of a few
 * nanometers", J. Geodesy 85 (2011), eq. 9, 35), as in the formulas of the
 * Wikipedia article "Universal Transverse Mercator coordinate system": the
 * truncation error is of the order n⁴·a ≈ 0,05 mm within a UTM zone.
 * WGS84 and ETRS89 differ by less than a metre in Germany; the input is
 * taken as ETRS89.
 *
 * Simplification (geo_vereinfachen): Douglas–Peucker per ring (D. Douglas,
 * T. Peucker, The Canadian Cartographer 10(2), 1973) with a tolerance in
 * the projected unit; a ring that would fall below four points (a triangle
 * plus the closing point) keeps its original points.  Rings are simplified
 * each on its own: the shared border of two neighbours may then differ by
 * up to the tolerance (invisible under a white border of that width).
 *
 * Nothing is written or cached on disk.
 */
#ifndef IB_GEO_H
#define IB_GEO_H

#include <stddef.h>

/* One closed ring: n points (x, y interleaved in xy[2n]); the last point
 * repeats the first (GeoJSON's rule, checked when reading). */
struct geo_ring {
    double *xy;
    size_t n;
};

/* One area (a Kreis): its keys and all its rings. */
struct geo_gebiet {
    char *ars;                 /* "03461" */
    char *name;                /* GEN: "Wesermarsch" */
    char *bez;                 /* BEZ: "Landkreis", "Kreisfreie Stadt"; "" when not given */
    struct geo_ring *ringe;
    size_t nringe;
    double min_x, min_y, max_x, max_y;   /* bounding box of the rings */
};

struct geo_karte {
    struct geo_gebiet *gebiete;
    size_t n;
    double min_x, min_y, max_x, max_y;   /* bounding box of all areas */
    int projiziert;            /* 0: x = longitude, y = latitude (degrees); 1: UTM 32N metres */
};

/*
 * geo_laden — read the GeoJSON file at path into *k (WGS84 degrees,
 * projiziert = 0).  Returns 0, or -1 after a German message naming the file
 * and, where it applies, the feature (1-based) and what is wrong: file
 * missing or unreadable, not JSON (with line and column of the error), not
 * a FeatureCollection, a feature without ARS or with a geometry other than
 * Polygon/MultiPolygon, a coordinate that is not a number or outside
 * −180…180 / −90…90, a ring with fewer than four points or not closed, the
 * same ARS twice, no features.  *k is empty after an error.
 */
int geo_laden(const char *path, struct geo_karte *k);

/* geo_free — release everything geo_laden allocated; *k becomes empty. */
void geo_free(struct geo_karte *k);

/*
 * geo_tm — transverse Mercator on GRS80 (a = 6 378 137 m, f = 1/298.257222101)
 * with central meridian lon0, scale k0 = 0.9996 and false easting 500 000 m,
 * false northing 0 (northern hemisphere UTM): lon, lat in degrees → *e
 * (easting), *n (northing) in metres.  Valid within a few degrees of lon0.
 */
void geo_tm(double lon, double lat, double lon0, double *e, double *n);

/* geo_utm32 — geo_tm with lon0 = 9° (UTM zone 32N, EPSG:25832). */
void geo_utm32(double lon, double lat, double *e, double *n);

/* geo_projizieren — project every point of k to UTM 32N metres and
 * recompute the bounding boxes; does nothing when k is projected already. */
void geo_projizieren(struct geo_karte *k);

/*
 * geo_vereinfachen — Douglas–Peucker on every ring with tolerance tol (in
 * the unit of the points; tol ≤ 0 does nothing).  Returns the number of
 * points removed.
 */
size_t geo_vereinfachen(struct geo_karte *k, double tol);

/* geo_punkte — the number of points of all rings of k. */
size_t geo_punkte(const struct geo_karte *k);

/* geo_finden — the index of the area with ARS ars, or -1. */
long geo_finden(const struct geo_karte *k, const char *ars);

/*
 * geo_anzeigename — the name an area is known by: „Landkreis Wesermarsch“,
 * „Stadt Wolfsburg“ (Kreisfreie Stadt), „Region Hannover“ (a GEN that
 * already says Region stays as it is).  Writes into buf; returns buf.
 */
char *geo_anzeigename(const struct geo_gebiet *g, char *buf, size_t size);

#endif
