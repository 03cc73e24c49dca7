/*
 * kapitel.h — chapter content shared by the renderers: the indicator
 * sections drawn both in out/indikatoren.pdf (render_indikatoren.c, plain
 * pages) and in the composed Integrationsbericht (render_bericht.c, through
 * the document layer dokument.h).
 *
 * Content is drawn through a struct kapitel_ausgabe, which says how to
 * start and end a table, draw a chart and print a note, so the same code
 * serves plain pdfdoc pages and a dokument (which keeps headings with the
 * table that follows and records them for the table of contents).
 */
#ifndef IB_KAPITEL_H
#define IB_KAPITEL_H

#include <sqlite3.h>

#include "lib/config.h"
#include "lib/pdfchart.h"
#include "lib/pdfdoc.h"
#include "lib/pdftable.h"
#include "lib/werte.h"

#define KAPITEL_MAX_GEBIETE 8

/* The report area ([indikatoren] gebiet) and its comparison areas
 * ([indikatoren] vergleich): keys and names. */
struct kapitel_gebiete {
    char *key[KAPITEL_MAX_GEBIETE];
    char *name[KAPITEL_MAX_GEBIETE];
    int n;
    const struct ib_config *cfg;   /* the job's configuration (the maps' [karte]) */
};

/* One catalogue indicator as the derived table katalog_indikator holds it. */
struct kapitel_indikator {
    char *id, *titel, *einheit, *quelle, *hinweis, *art;
    int dezimalen, nicht_erhoben;
};

/* Where a chapter draws. */
struct kapitel_ausgabe {
    struct pdfdoc *pdf;
    void (*tabelle_beginnen)(void *ctx, struct pdftable *t, const struct pdftable_column *cols, int ncols,
                             const char *const *erste_zeile);
    void (*tabelle_beenden)(void *ctx, struct pdftable *t);
    int (*diagramm)(void *ctx, const struct pdfchart *c);
    void (*anmerkung)(void *ctx, const char *text);
    void *ctx;
};

/* kapitel_ausgabe_seiten — an output that draws on plain pdfdoc pages. */
void kapitel_ausgabe_seiten(struct kapitel_ausgabe *aus, struct pdfdoc *pdf);

/* kapitel_gebiete_laden — the areas from the config, names from the store. */
void kapitel_gebiete_laden(const struct ib_config *cfg, sqlite3 *db, struct kapitel_gebiete *a);
void kapitel_gebiete_free(struct kapitel_gebiete *a);

/* kapitel_indikator_free — release the strings of ind. */
void kapitel_indikator_free(struct kapitel_indikator *ind);

/* kapitel_wert_text — German number of column col_wert of q, or the symbol
 * of column col_symbol when the value is NULL. */
void kapitel_wert_text(char *buf, size_t size, sqlite3_stmt *q, int col_wert, int col_symbol, int decimals);

/* kapitel_status_text — „↑ besser“, „↓ schlechter“, … for a status key. */
const char *kapitel_status_text(const char *status);

/*
 * kapitel_indikator_zeichnen — one indicator below its heading (drawn by
 * the caller): a table of the areas over the latest six years with the
 * development against the previous year, the legend of the symbols the
 * table uses, a line chart of the whole series (for counts only the report
 * area: areas of different size would hide each other), the source line
 * and the note.  symbols_used[WERTE_SYMBOL_ANZAHL] collects the symbols
 * printed (may be NULL).
 */
void kapitel_indikator_zeichnen(const struct kapitel_ausgabe *aus, sqlite3 *db, const struct kapitel_gebiete *a,
                                const struct kapitel_indikator *ind, int *symbols_used);

/*
 * kapitel_karte — the map of indicator ind by Kreis (kapitel_karte.c),
 * when [karte] indikatoren names it: classes of the latest year with data,
 * the report area (a->key[0]) outlined, legend and source lines; drawn on
 * aus->pdf after the indicator's chart.  Returns 0 (drawn, or not
 * configured for ind, or a note „Keine Karte …“ when no Kreis has a value);
 * -1 after a message when drawing failed.  A configuration error of the
 * map (geometry file missing or invalid, klassen, methode) ends the
 * program with exit code 2 after a message, before any PDF is saved.
 */
int kapitel_karte(const struct kapitel_ausgabe *aus, sqlite3 *db, const struct kapitel_gebiete *a,
                  const struct kapitel_indikator *ind);

#endif
