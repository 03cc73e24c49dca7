/*
 * kapitel.h — the chapter functions shared by the renderers.  Each builds
 * its chapter once as blocks of the document model (lib/docmodel.h); the
 * standalone PDFs (massnahmen_chronologisch.pdf, eingangsbericht.pdf,
 * indikatoren.pdf, befragung.pdf) are documents of these chapters, and the
 * Integrationsbericht (render_bericht.c) composes the same functions, so
 * both show the same rows in the same order.  Layout is the PDF writer's
 * (lib/docpdf.h).
 */
#ifndef IB_KAPITEL_H
#define IB_KAPITEL_H

#include <sqlite3.h>

#include "lib/config.h"
#include "lib/docmodel.h"
#include "lib/vorlage.h"
#include "lib/werte.h"

#define KAPITEL_MAX_GEBIETE 8

/* The report area ([indikatoren] gebiet) and its comparison areas
 * ([indikatoren] vergleich): keys and names. */
struct kapitel_gebiete {
    char *key[KAPITEL_MAX_GEBIETE];
    char *name[KAPITEL_MAX_GEBIETE];
    int n;
};

/* One catalogue indicator as the derived table katalog_indikator holds it. */
struct kapitel_indikator {
    char *id, *titel, *einheit, *quelle, *hinweis, *art;
    int dezimalen, nicht_erhoben;
};

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
void kapitel_indikator_zeichnen(struct docmodel_chapter *aus, sqlite3 *db, const struct kapitel_gebiete *a,
                                const struct kapitel_indikator *ind, int *symbols_used);

/*
 * kapitel_massnahmenliste — the measures by Terminierung group in
 * chronological order (table massnahme_folge): per group a section „<Gruppe>
 * – N Maßnahmen“ and a table Handlungsfeld | Teilziel | Maßnahme |
 * Terminierung with repeated Handlungsfeld/Teilziel cells merged; rows of
 * measures with an origin mark (herkunft) highlighted and explained by a
 * legend ([massnahmen] herkunft_legende) before the first table.  With a
 * template chapter k that names Handlungsfelder (and its edition a), only
 * theirs, without the Handlungsfeld column.  k NULL = all.  A chapter
 * without measures gets a sentence saying so.  Returns the number of
 * measures, or -1 after a store error (message printed).
 */
long kapitel_massnahmenliste(struct docmodel_chapter *c, const struct ib_config *cfg, sqlite3 *db,
                             const struct vorlage_kapitel *k, const struct vorlage_ausgabe *a);

/*
 * kapitel_eingang — the deliveries: the Rücklauf sentence (ruecklauf_satz,
 * "" = none), per expected source delivered or missing with files, rows and
 * rejected files; the rejected files with their reason; the files waiting
 * or without a source profile in the last run.  Returns 0 or -1 (store).
 */
int kapitel_eingang(struct docmodel_chapter *c, sqlite3 *db, const char *ruecklauf_satz);

/* kapitel_eingang_ruecklauf — „7 von 17 Fachdiensten geantwortet, …“ into
 * buf ("" without [ruecklauf]); 0 or -1 (store). */
int kapitel_eingang_ruecklauf(sqlite3 *db, char *buf, size_t size);

/* kapitel_eingang_status — the German label of a delivery or source status. */
const char *kapitel_eingang_status(const char *s);

#endif
