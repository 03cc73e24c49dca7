/*
 * karte.h — the content of a choropleth map, shared by the PDF renderer
 * (pdfmap.h) and the SVG writer (svgmap.h): the projected areas, a value or
 * state per area, the classes (klassen.h), the texts around the map and the
 * alternative text.
 *
 * States of an area: a value (coloured by its class), „keine Daten“ (no
 * observation, or only a table symbol such as „x“ or „.“ without
 * Geheimhaltung: grey, hatched), „geheim“ (suppressed for Geheimhaltung:
 * light grey, hatched the other way; never shown as a number).
 */
#ifndef IB_KARTE_H
#define IB_KARTE_H

#include "geo.h"
#include "klassen.h"

#include <stddef.h>

enum karte_zustand { KARTE_KEINE_DATEN = 0, KARTE_WERT, KARTE_GEHEIM };

/* class index of an area without a value (karte_klasse) */
#define KARTE_KLASSE_KEINE  (-1)
#define KARTE_KLASSE_GEHEIM (-2)

struct karte_wert {
    enum karte_zustand zustand;
    double wert;                 /* KARTE_WERT only */
};

struct karte {
    const struct geo_karte *geo; /* projected areas (not owned) */
    struct karte_wert *werte;    /* geo->n, by area index (owned) */
    struct klassen klassen;      /* valid after karte_klassifizieren */
    int hat_klassen;
    const char *titel;           /* heading above the map, e.g. the indicator's title */
    const char *einheit;         /* suffix of the numbers: " %" or NULL */
    int jahr;
    const char *eigen;           /* ARS of the own area (outlined), NULL = none */
    const char *quelle;          /* data source, printed as „Quelle: …“ */
    const char *quellenvermerk;  /* source note of the geometry („© GeoBasis-DE / BKG 2021 (Daten verändert)“) */
    const char *lizenz;          /* licence of the geometry, printed after the note; NULL = none */
    const char *kennung;         /* id of the map for readers and tests (the indicator id); NULL = none */
};

/* karte_init — a map of geo with every area „keine Daten“; texts NULL. */
void karte_init(struct karte *k, const struct geo_karte *geo);
void karte_free(struct karte *k);

/* karte_setzen — state (and value) of area index i. */
void karte_setzen(struct karte *k, size_t i, enum karte_zustand z, double wert);

/*
 * karte_klassifizieren — classes of the areas with a value (klassen_bilden
 * with anzahl classes, method m, dezimalen digits).  Returns 0, or -1 when
 * no area has a value.
 */
int karte_klassifizieren(struct karte *k, int anzahl, enum klassen_methode m, int dezimalen);

/* karte_klasse — class of area i, or KARTE_KLASSE_KEINE / KARTE_KLASSE_GEHEIM. */
int karte_klasse(const struct karte *k, size_t i);

/* karte_farbe — fill colour 0xRRGGBB of area i (class colour or the grey of its state). */
unsigned karte_farbe(const struct karte *k, size_t i);

/* One legend entry: the class colours first, then „keine Daten“ and
 * „geheim“ when some area has that state. */
struct karte_legende {
    char text[128];
    unsigned farbe;
    int schraffur;               /* 0 none, 1 „keine Daten“ (/), 2 „geheim“ (\) */
};

/* karte_legende — the entries into out[KLASSEN_MAX + 2]; returns their number. */
int karte_legende(const struct karte *k, struct karte_legende *out);

/*
 * karte_reihenfolge — area indices in drawing order: larger bounding boxes
 * first, so that an enclave (a kreisfreie Stadt inside its Landkreis) is
 * drawn over its surrounding area.  New array of geo->n entries (free()).
 */
size_t *karte_reihenfolge(const struct karte *k);

/*
 * karte_alt — the alternative text of the map (UTF-8): what it shows and
 * for which year, the number of classes and the method, the own area's
 * value and class, the highest and the lowest area, and how many areas
 * have no data or are secret.  E.g. „Karte: Ausländeranteil, 2024, nach
 * Kreisen, 5 Klassen (Quantile). Landkreis Wesermarsch: 8,3 % (Klasse 2
 * von 5: 7,1 bis unter 9,0 %). Höchster Wert: Stadt Delmenhorst (22,5 %);
 * niedrigster: Landkreis Wittmund (4,2 %).“  Writes into buf; returns buf.
 */
char *karte_alt(const struct karte *k, char *buf, size_t size);

/* karte_wert_text — the printed value of area i („8,3 %“, „geheim“, „keine Daten“). */
char *karte_wert_text(const struct karte *k, size_t i, char *buf, size_t size);

/* karte_bkg_quellenvermerk — the default source note of BKG geometry that
 * ibericht projects and simplifies (dl-de/by-2-0 asks for „(Daten verändert)“). */
#define KARTE_BKG_QUELLENVERMERK "© GeoBasis-DE / BKG 2021 (Daten verändert)"

#endif
