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
    const struct ib_config *cfg;   /* the job's configuration (the maps' [karte]) */
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

/* kapitel_indikator_fehler — 1 and „Berechnung fehlgeschlagen: Grund“ in buf when compute
 * could not compute indicator id (katalog_indikator.fehler), else 0. */
int kapitel_indikator_fehler(sqlite3 *db, const char *id, char *buf, size_t size);

/* kapitel_trend_ziel — the trend (least squares, per year, with its status) and the target
 * attainment of ind for each area of a, as one sentence into buf
 * („Wesermarsch: Trend 2005–2024 +0,12 Pp. je Jahr (↕ verändert), Ziel 15,0 bis 2030: 40 % des
 * Weges (nicht erreicht); …“).  0 when there is neither. */
int kapitel_trend_ziel(sqlite3 *db, const struct kapitel_gebiete *a, const struct kapitel_indikator *ind, char *buf,
                       size_t size);

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

/* The Integrationsbericht's data chapters (kapitel_bericht.c): what they read. */
struct kapitel_bericht {
    const struct ib_config *cfg;
    sqlite3 *db;
    struct kapitel_gebiete gebiete;   /* the report area first, then the comparisons */
    const char *stand;                /* „Stand: TT.MM.JJJJ“ (bericht_stand) */
    int ohne_hinweise;                /* 1: no configuration hints on the console (the HTML
                                         edition; render-bericht gives them once) */
};

/*
 * kapitel_bericht_fuellen — a docmodel_kapitel_fn (ctx = struct
 * kapitel_bericht): appends the data of template chapter k (its art:
 * massnahmen, indikatoren, eingang, statusberichte, befragung, legende,
 * quellen; text adds nothing) for edition a (NULL = full report) after the
 * chapter's prose.  The PDF (render_bericht.c) and the HTML edition
 * (render_html.c) both build their model with it.  Returns 0 or -1
 * (store error, message printed).
 */
int kapitel_bericht_fuellen(struct docmodel_chapter *c, const struct vorlage *v, const struct vorlage_kapitel *k,
                            const struct vorlage_ausgabe *a, void *ctx);

/*
 * kapitel_karte — the map of indicator ind by Kreis (kapitel_karte.c),
 * when [karte] indikatoren names it: classes of the latest year with data,
 * the report area (a->key[0]) outlined, legend and source lines; added to
 * chapter c as a map block (docmodel_karte) after the indicator's chart,
 * and written as SVG to out/karten/ID.svg (svgmap.h) for the HTML edition.
 * Returns 0 (added, or not configured for ind, or a note „Keine Karte …“
 * when no Kreis has a value); -1 after a message when the SVG could not be
 * written.  A configuration error of the map (geometry file missing or
 * invalid, klassen, methode) ends the program with exit code 2 after a
 * message, before any PDF is saved.
 */
int kapitel_karte(struct docmodel_chapter *c, sqlite3 *db, const struct kapitel_gebiete *a,
                  const struct kapitel_indikator *ind);

#endif
