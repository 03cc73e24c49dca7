/*
 * kapitel_befragung.h — the surveys as the derived tables of compute hold
 * them (befragung_*), their numbers and symbols as printed, and the survey
 * chapter of the document model: shared by render-befragung (befragung.pdf,
 * and the workbook's texts) and the Integrationsbericht (kapitel
 * befragung).  Privacy: aggregates only; suppressed cells (geheimhaltung.h)
 * print as their symbol; personal questions are never shown.
 */
#ifndef IB_KAPITEL_BEFRAGUNG_H
#define IB_KAPITEL_BEFRAGUNG_H

#include <sqlite3.h>

#include "lib/docmodel.h"
#include "lib/geheimhaltung.h"

/* a number with its publication status; da = 0: not applicable (NULL status) */
struct wert {
    int da;
    double v;                        /* NAN when not published */
    enum geheimhaltung_status st;
};

struct opt_r {
    char *code, *text;
    int freitext;
    struct wert anzahl, anteil, anteil_nennungen;
};

struct frage_r {
    char *code, *abschnitt, *typ, *text, *stamm, *filter, *filter_satz, *spalten;
    int personal, intervall;
    int befragte, gefragt, nicht_gefragt, fehlend, ungueltig;   /* -1 = not published */
    struct wert n, nennungen, median, mittelwert, sd, top2, top2_anteil;
    struct opt_r *opt;
    int nopt;
};

struct abschnitt_r { char *code, *titel; int personal; };
struct einheit_r { char *name, *status; };

struct befragung_r {
    long id;
    char *fragebogen, *titel, *kommune, *quelle, *kreuzvariable, *einheit, *satz;
    int dateien, befragte, uebersprungen, schwelle, freitexte;
    int hat_ruecklauf, befragt, geantwortet, fehlanzeige, ohne, unbekannt;
    struct einheit_r *einheiten;
    int neinheiten;
    struct abschnitt_r *abschnitte;
    int nabschnitte;
    struct frage_r *fragen;
    int nfragen;
};

/* which symbols a table shows, for its legend line */
struct legende { int punkt, x, strich, schraeg, spaeter; };


/* laden — survey `id` from the store into b (free with befragung_r_free, also after -1); 0 or -1. */
int laden(sqlite3 *db, long id, struct befragung_r *b);
void befragung_r_free(struct befragung_r *b);

/* wert_von — value column v, status column s of q as a published number. */
struct wert wert_von(sqlite3_stmt *q, int v, int s);

/* ist — f is of type typ ("multi", "likert", …). */
int ist(const struct frage_r *f, const char *typ);
const struct frage_r *frage_zu(const struct befragung_r *b, const char *code);
const char *abschnitt_titel(const struct befragung_r *b, const char *code);

/* Texts as printed: legend of the symbols used („Zeichenerklärung: …“, "" if none), counts
 * („–“ for zero, the symbol when suppressed), shares, numbers, the median of a Likert
 * question („5 (gut)“), „n = …“, „Top-2: …“, the question type.  buf: size bytes. */
void legende_merken(struct legende *l, enum geheimhaltung_status s);
char *legende_text(const struct legende *l, int schwelle, char *buf, size_t size);
const char *anzahl_text(const struct wert *w, struct legende *l, char *buf, size_t size);
const char *anteil_text(const struct wert *w, const struct wert *von, struct legende *l, char *buf, size_t size);
const char *zahl_text(const struct wert *w, int decimals, struct legende *l, char *buf, size_t size);
const char *median_text(const struct frage_r *f, struct legende *l, char *buf, size_t size);
void n_satz(const struct frage_r *f, struct legende *l, char *buf, size_t size);
void top2_label(const struct frage_r *f, char *buf, size_t size);
const char *typ_label(const struct frage_r *f);

/*
 * kapitel_befragung_auswertung — the evaluation of survey b as blocks of
 * chapter c: the Rücklauf table, notes on the evaluation, per section of
 * the questionnaire each question (not personal ones) with its text as
 * asked, type and filter, n, the table (answers, counts, shares; Likert
 * median, mean, top-2), the legend of the symbols it shows and a bar chart
 * (Likert: stacked 100 %), the table kept on one page with its chart when
 * both fit.  With anhaenge the appendix chapters (cross-tabulations by the
 * column variable, the redacted open answers with freitexte = ja) are
 * appended to c's model.  Returns 0.
 */
int kapitel_befragung_auswertung(struct docmodel_chapter *c, sqlite3 *db, const struct befragung_r *b, int anhaenge);

#endif
