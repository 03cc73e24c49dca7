/*
 * kapitel_befragung.c — the surveys read from the store, their numbers as
 * printed, and the survey chapter of the document model (see
 * kapitel_befragung.h).
 */
#include "kapitel_befragung.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *col_dup(sqlite3_stmt *q, int c)
{
    return sqlite3_column_type(q, c) == SQLITE_NULL ? NULL : xstrdup(store_column_text(q, c));
}

static int col_int(sqlite3_stmt *q, int c)
{
    return sqlite3_column_type(q, c) == SQLITE_NULL ? -1 : sqlite3_column_int(q, c);
}

static enum geheimhaltung_status status_von(const char *s)
{
    static const char *const namen[] = { "wert", "primaer", "sekundaer", "unbekannt", "gesperrt", "unsicher",
                                         "spaeter" };
    for (int i = 0; i < (int)(sizeof namen / sizeof namen[0]); i++)
        if (strcmp(s, namen[i]) == 0) return (enum geheimhaltung_status)i;
    return GEHEIMHALTUNG_UNBEKANNT;
}

/* value column v, status column s (s < 0: the status is that of column `mit`) */
struct wert wert_von(sqlite3_stmt *q, int v, int s)
{
    struct wert w = { 0, NAN, GEHEIMHALTUNG_GESPERRT };
    if (sqlite3_column_type(q, s) == SQLITE_NULL) return w;
    w.da = 1;
    w.st = status_von(store_column_text(q, s));
    if (w.st == GEHEIMHALTUNG_WERT && sqlite3_column_type(q, v) != SQLITE_NULL) w.v = sqlite3_column_double(q, v);
    else if (w.st == GEHEIMHALTUNG_WERT) w.st = GEHEIMHALTUNG_UNBEKANNT;     /* fail closed */
    return w;
}

int laden(sqlite3 *db, long id, struct befragung_r *b)
{
    memset(b, 0, sizeof *b);
    b->id = id;
    sqlite3_stmt *q = store_prepare(db,
        "SELECT fragebogen, titel, kommune, quelle, dateien, befragte, uebersprungen, schwelle, kreuzvariable,"
        " freitexte, einheit, befragt, geantwortet, fehlanzeige, ohne_rueckmeldung, unbekannt, satz"
        " FROM befragung WHERE id = ?");
    if (!q) return -1;
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) != SQLITE_ROW) { sqlite3_finalize(q); return -1; }
    b->fragebogen = col_dup(q, 0);
    b->titel = col_dup(q, 1);
    b->kommune = col_dup(q, 2);
    b->quelle = col_dup(q, 3);
    b->dateien = sqlite3_column_int(q, 4);
    b->befragte = sqlite3_column_int(q, 5);
    b->uebersprungen = sqlite3_column_int(q, 6);
    b->schwelle = sqlite3_column_int(q, 7);
    b->kreuzvariable = col_dup(q, 8);
    b->freitexte = sqlite3_column_int(q, 9);
    b->hat_ruecklauf = sqlite3_column_type(q, 11) != SQLITE_NULL;
    b->einheit = col_dup(q, 10);
    b->befragt = col_int(q, 11);
    b->geantwortet = col_int(q, 12);
    b->fehlanzeige = col_int(q, 13);
    b->ohne = col_int(q, 14);
    b->unbekannt = col_int(q, 15);
    b->satz = col_dup(q, 16);
    sqlite3_finalize(q);

    q = store_prepare(db, "SELECT name, status FROM befragung_einheit WHERE befragung_id = ? ORDER BY position");
    if (!q) return -1;
    sqlite3_bind_int64(q, 1, id);
    while (sqlite3_step(q) == SQLITE_ROW) {
        b->einheiten = xrealloc(b->einheiten, sizeof *b->einheiten * (size_t)(b->neinheiten + 1));
        b->einheiten[b->neinheiten].name = col_dup(q, 0);
        b->einheiten[b->neinheiten++].status = col_dup(q, 1);
    }
    sqlite3_finalize(q);

    q = store_prepare(db, "SELECT code, titel, personenbezogen FROM befragung_abschnitt WHERE befragung_id = ?"
                          " ORDER BY position");
    if (!q) return -1;
    sqlite3_bind_int64(q, 1, id);
    while (sqlite3_step(q) == SQLITE_ROW) {
        b->abschnitte = xrealloc(b->abschnitte, sizeof *b->abschnitte * (size_t)(b->nabschnitte + 1));
        struct abschnitt_r *a = &b->abschnitte[b->nabschnitte++];
        a->code = col_dup(q, 0);
        a->titel = col_dup(q, 1);
        a->personal = sqlite3_column_int(q, 2);
    }
    sqlite3_finalize(q);

    q = store_prepare(db,
        "SELECT code, abschnitt, typ, text, stamm, filter, filter_satz, spalten, personenbezogen, intervall,"
        " befragte, gefragt, nicht_gefragt, fehlend, ungueltig, n, n_status, nennungen, nennungen_status,"
        " median, median_status, mittelwert, standardabweichung, mittelwert_status, top2, top2_status,"
        " top2_anteil, top2_anteil_status FROM befragung_frage WHERE befragung_id = ? ORDER BY position");
    sqlite3_stmt *o = store_prepare(db,
        "SELECT code, text, freitext, anzahl, status, anteil, anteil_status, anteil_nennungen,"
        " anteil_nennungen_status FROM befragung_option WHERE befragung_id = ? AND frage = ? ORDER BY position");
    if (!q || !o) { sqlite3_finalize(q); sqlite3_finalize(o); return -1; }
    sqlite3_bind_int64(q, 1, id);
    while (sqlite3_step(q) == SQLITE_ROW) {
        b->fragen = xrealloc(b->fragen, sizeof *b->fragen * (size_t)(b->nfragen + 1));
        struct frage_r *f = &b->fragen[b->nfragen++];
        memset(f, 0, sizeof *f);
        f->code = col_dup(q, 0);
        f->abschnitt = col_dup(q, 1);
        f->typ = col_dup(q, 2);
        f->text = col_dup(q, 3);
        f->stamm = col_dup(q, 4);
        f->filter = col_dup(q, 5);
        f->filter_satz = col_dup(q, 6);
        f->spalten = col_dup(q, 7);
        f->personal = sqlite3_column_int(q, 8);
        f->intervall = sqlite3_column_int(q, 9);
        f->befragte = col_int(q, 10);
        f->gefragt = col_int(q, 11);
        f->nicht_gefragt = col_int(q, 12);
        f->fehlend = col_int(q, 13);
        f->ungueltig = col_int(q, 14);
        f->n = wert_von(q, 15, 16);
        f->nennungen = wert_von(q, 17, 18);
        f->median = wert_von(q, 19, 20);
        f->mittelwert = wert_von(q, 21, 23);
        f->sd = wert_von(q, 22, 23);
        f->top2 = wert_von(q, 24, 25);
        f->top2_anteil = wert_von(q, 26, 27);
        sqlite3_reset(o);
        sqlite3_bind_int64(o, 1, id);
        store_bind_text(o, 2, f->code);
        while (sqlite3_step(o) == SQLITE_ROW) {
            f->opt = xrealloc(f->opt, sizeof *f->opt * (size_t)(f->nopt + 1));
            struct opt_r *p = &f->opt[f->nopt++];
            p->code = col_dup(o, 0);
            p->text = col_dup(o, 1);
            p->freitext = sqlite3_column_int(o, 2);
            p->anzahl = wert_von(o, 3, 4);
            p->anteil = wert_von(o, 5, 6);
            p->anteil_nennungen = wert_von(o, 7, 8);
        }
    }
    sqlite3_finalize(q);
    sqlite3_finalize(o);
    return 0;
}

void befragung_r_free(struct befragung_r *b)
{
    free(b->fragebogen); free(b->titel); free(b->kommune); free(b->quelle); free(b->kreuzvariable);
    free(b->einheit); free(b->satz);
    for (int i = 0; i < b->neinheiten; i++) { free(b->einheiten[i].name); free(b->einheiten[i].status); }
    free(b->einheiten);
    for (int i = 0; i < b->nabschnitte; i++) { free(b->abschnitte[i].code); free(b->abschnitte[i].titel); }
    free(b->abschnitte);
    for (int i = 0; i < b->nfragen; i++) {
        struct frage_r *f = &b->fragen[i];
        free(f->code); free(f->abschnitt); free(f->typ); free(f->text); free(f->stamm); free(f->filter);
        free(f->filter_satz); free(f->spalten);
        for (int k = 0; k < f->nopt; k++) { free(f->opt[k].code); free(f->opt[k].text); }
        free(f->opt);
    }
    free(b->fragen);
}

int ist(const struct frage_r *f, const char *typ) { return strcmp(f->typ, typ) == 0; }

const struct frage_r *frage_zu(const struct befragung_r *b, const char *code)
{
    for (int i = 0; code && i < b->nfragen; i++)
        if (strcmp(b->fragen[i].code, code) == 0) return &b->fragen[i];
    return NULL;
}

const char *abschnitt_titel(const struct befragung_r *b, const char *code)
{
    for (int i = 0; i < b->nabschnitte; i++)
        if (strcmp(b->abschnitte[i].code, code) == 0) return b->abschnitte[i].titel;
    return "";
}

/* ---- printing numbers and symbols -------------------------------------------------- */

void legende_merken(struct legende *l, enum geheimhaltung_status s)
{
    switch (s) {
    case GEHEIMHALTUNG_WERT: break;
    case GEHEIMHALTUNG_GESPERRT: l->x = 1; break;
    case GEHEIMHALTUNG_UNSICHER: l->schraeg = 1; break;
    case GEHEIMHALTUNG_SPAETER: l->spaeter = 1; break;
    default: l->punkt = 1;
    }
}

/* „Zeichenerklärung: . = Zahlenwert unbekannt oder geheim zu halten (…); – = nichts vorhanden“, "" if none */
char *legende_text(const struct legende *l, int schwelle, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
#define TEIL(...) do { if (n < size) n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__); } while (0)
    if (l->punkt)
        TEIL("%s. = %s (Fallzahl unter %d oder zu deren Schutz, Geheimhaltung)", n ? "; " : "Zeichenerklärung: ",
             geheimhaltung_legende(GEHEIMHALTUNG_PRIMAER), schwelle);
    if (l->strich)
        TEIL("%s%s = %s", n ? "; " : "Zeichenerklärung: ", GEHEIMHALTUNG_ZEICHEN_NICHTS, GEHEIMHALTUNG_LEGENDE_NICHTS);
    if (l->x)
        TEIL("%sx = %s", n ? "; " : "Zeichenerklärung: ", geheimhaltung_legende(GEHEIMHALTUNG_GESPERRT));
    if (l->schraeg)
        TEIL("%s/ = %s", n ? "; " : "Zeichenerklärung: ", geheimhaltung_legende(GEHEIMHALTUNG_UNSICHER));
    if (l->spaeter)
        TEIL("%s… = %s", n ? "; " : "Zeichenerklärung: ", geheimhaltung_legende(GEHEIMHALTUNG_SPAETER));
#undef TEIL
    return buf;
}

/* a count: the number, „–“ for zero, the symbol when suppressed, "" when not applicable */
const char *anzahl_text(const struct wert *w, struct legende *l, char *buf, size_t size)
{
    if (!w->da) return "";
    if (w->st != GEHEIMHALTUNG_WERT) { legende_merken(l, w->st); return geheimhaltung_zeichen(w->st); }
    if (w->v == 0) { l->strich = 1; return GEHEIMHALTUNG_ZEICHEN_NICHTS; }
    return format_zahl(buf, size, w->v, 0);
}

/* a share (of the count `von`): the symbol when suppressed, „–“ for a zero count */
const char *anteil_text(const struct wert *w, const struct wert *von, struct legende *l, char *buf,
                               size_t size)
{
    if (!w->da) return "";
    if (w->st != GEHEIMHALTUNG_WERT) { legende_merken(l, w->st); return geheimhaltung_zeichen(w->st); }
    if (von && von->da && von->st == GEHEIMHALTUNG_WERT && von->v == 0) { l->strich = 1; return "–"; }
    return format_zahl(buf, size, w->v, 1);
}

const char *zahl_text(const struct wert *w, int decimals, struct legende *l, char *buf, size_t size)
{
    if (!w->da) return "";
    if (w->st != GEHEIMHALTUNG_WERT) { legende_merken(l, w->st); return geheimhaltung_zeichen(w->st); }
    return format_zahl(buf, size, w->v, decimals);
}

/* „Median“ of a Likert question: the step and its label („5 (gut)“, „4,5“) */
const char *median_text(const struct frage_r *f, struct legende *l, char *buf, size_t size)
{
    char z[32];
    if (!f->median.da) return "";
    if (f->median.st != GEHEIMHALTUNG_WERT) return zahl_text(&f->median, 0, l, buf, size);
    double m = f->median.v;
    int k = (int)m;
    if (ist(f, "likert") && m == floor(m) && k >= 1 && k <= f->nopt)
        snprintf(buf, size, "%s (%s)", format_zahl(z, sizeof z, m, 0), f->opt[k - 1].text);
    else
        format_zahl(buf, size, m, m == floor(m) ? 0 : 1);
    return buf;
}

/* „n = 128 (keine Angabe: 10; nicht gefragt: 12)“ */
void n_satz(const struct frage_r *f, struct legende *l, char *buf, size_t size)
{
    char z[32];
    size_t k = (size_t)snprintf(buf, size, "n = %s gültige Antworten", anzahl_text(&f->n, l, z, sizeof z));
    if (f->n.st != GEHEIMHALTUNG_WERT || k >= size) return;
    const char *sep = " (";
    const struct { const char *name; int anzahl; } teile[] = {
        { "keine Angabe", f->fehlend }, { "ungültig", f->ungueltig }, { "nicht gefragt (Filter)", f->nicht_gefragt },
    };
    for (size_t i = 0; i < sizeof teile / sizeof teile[0]; i++) {
        if (teile[i].anzahl <= 0 || k >= size) continue;
        k += (size_t)snprintf(buf + k, size - k, "%s%s: %s", sep, teile[i].name, format_zahl(z, sizeof z, teile[i].anzahl, 0));
        sep = "; ";
    }
    if (*sep == ';' && k < size) snprintf(buf + k, size - k, ")");
    if (ist(f, "multi") && f->nennungen.da && k < size) {
        size_t m = strlen(buf);
        snprintf(buf + m, size - m, ", %s Nennungen", anzahl_text(&f->nennungen, l, z, sizeof z));
    }
}

/* „Top-2 („gut“ + „sehr gut“)“ */
void top2_label(const struct frage_r *f, char *buf, size_t size)
{
    if (f->nopt >= 2)
        snprintf(buf, size, "Top-2: „%s“ + „%s“", f->opt[f->nopt - 2].text, f->opt[f->nopt - 1].text);
    else
        snprintf(buf, size, "Top-2");
}

const char *typ_label(const struct frage_r *f)
{
    if (ist(f, "multi")) return "Mehrfachnennung";
    if (ist(f, "single")) return "Einfachauswahl";
    if (ist(f, "janein")) return "Ja/Nein";
    if (ist(f, "likert")) return f->intervall ? "Skala (intervallskaliert: Mittelwert)" : "Skala (ordinal: Median)";
    if (ist(f, "zahl")) return "Zahl";
    return "offene Frage";
}


/* ---- the survey as chapters of the document model ---------------------------------- */

static const struct docmodel_column *spalten(struct docmodel_column *cols, const char *a, double wa, const char *b,
                                             double wb, const char *c, double wc, const char *d, double wd)
{
    cols[0] = (struct docmodel_column){ a, wa, DOCMODEL_LEFT };
    cols[1] = (struct docmodel_column){ b, wb, DOCMODEL_RIGHT };
    cols[2] = (struct docmodel_column){ c, wc, DOCMODEL_RIGHT };
    cols[3] = (struct docmodel_column){ d, wd, DOCMODEL_RIGHT };
    return cols;
}

static void ruecklauf(struct docmodel_chapter *c, const struct befragung_r *b)
{
    char z[64], p[64];
    struct docmodel_column cols[4];
    docmodel_heading(c, 2, "Rücklauf");
    if (b->satz) docmodel_paragraph(c, b->satz);
    struct docmodel_table *t = b->hat_ruecklauf
        ? docmodel_table(c, spalten(cols, "Angabe", 0.6, "Anzahl", 0.2, "Anteil in %", 0.2, "", 0), 3)
        : docmodel_table(c, spalten(cols, "Angabe", 0.6, "Anzahl", 0.4, "", 0, "", 0), 2);
    t->fit_rows = -1;
#define ZEILE(l, anz, ant) do { const char *cells_[3] = { (l), (anz), (ant) }; docmodel_row(t, cells_, 0, 0); } while (0)
    if (b->hat_ruecklauf) {
        static const char *const k[] = { "befragt", "geantwortet", "Fehlanzeige (nichts zu berichten)", "ohne Rückmeldung" };
        int v[] = { b->befragt, b->geantwortet, b->fehlanzeige, b->ohne };
        for (int i = 0; i < 4; i++) {
            format_zahl(z, sizeof z, v[i], 0);
            if (b->befragt > 0) format_zahl(p, sizeof p, 100.0 * v[i] / b->befragt, 1);
            else p[0] = '\0';
            ZEILE(k[i], z, p);
        }
        if (b->unbekannt > 0) ZEILE("Rückmeldungen nicht befragter Einheiten", format_zahl(z, sizeof z, b->unbekannt, 0), "");
    }
    ZEILE("Antwortbögen ausgewertet", format_zahl(z, sizeof z, b->befragte, 0), "");
    ZEILE("Antwortbögen wegen Fehlern nicht ausgewertet", format_zahl(z, sizeof z, b->uebersprungen, 0), "");
    ZEILE("Antwortdateien", format_zahl(z, sizeof z, b->dateien, 0), "");
#undef ZEILE
    if (!b->hat_ruecklauf)
        docmodel_note(c, "Wie viele befragt wurden, nennt der Fragebogen nicht (Abschnitt [ruecklauf]): keine "
                         "Rücklaufquote.");
    if (b->neinheiten) {
        static const struct docmodel_column ec[] = { { "Befragte Einheit", 0.6, DOCMODEL_LEFT },
                                                     { "Rückmeldung", 0.4, DOCMODEL_LEFT } };
        t = docmodel_table(c, ec, 2);
        for (int i = 0; i < b->neinheiten; i++) {
            const char *s = b->einheiten[i].status;
            const char *cells[2] = { b->einheiten[i].name, strcmp(s, "geantwortet") == 0 ? "geantwortet"
                                     : strcmp(s, "fehlanzeige") == 0 ? "Fehlanzeige" : "ohne Rückmeldung" };
            docmodel_row(t, cells, 0, 0);
        }
    }
}

/* the chart of a question (HBAR of the shares; Likert: stacked 100 %); 0 = none */
struct diagramm {
    struct pdfchart c;
    struct pdfchart_series *series;
    double *values;
    unsigned char *missing;
    const char **cats;
    char unit[160];
    int fehlt;                  /* suppressed categories left out of a stacked bar */
};

static int diagramm_bauen(const struct frage_r *f, struct diagramm *d)
{
    memset(d, 0, sizeof *d);
    if (f->nopt == 0 || f->n.st != GEHEIMHALTUNG_WERT || !(f->n.v > 0)) return 0;
    char z[32];
    d->values = xcalloc((size_t)f->nopt, sizeof *d->values);
    d->missing = xcalloc((size_t)f->nopt, 1);
    for (int o = 0; o < f->nopt; o++) {
        const struct wert *w = &f->opt[o].anteil;
        d->missing[o] = !(w->da && w->st == GEHEIMHALTUNG_WERT);
        d->values[o] = d->missing[o] ? NAN : w->v;
        d->fehlt += d->missing[o];
    }
    d->c.decimals = 1;
    d->c.value_labels = 1;
    if (ist(f, "likert")) {
        d->c.kind = PDFCHART_STACKED100;
        d->cats = xcalloc(1, sizeof *d->cats);
        d->cats[0] = f->code;
        d->c.categories = d->cats;
        d->c.ncategories = 1;
        d->series = xcalloc((size_t)f->nopt, sizeof *d->series);
        for (int o = 0; o < f->nopt; o++) {
            d->series[o].name = f->opt[o].text;
            d->series[o].values = &d->values[o];
            d->series[o].missing = &d->missing[o];
        }
        d->c.series = d->series;
        d->c.nseries = f->nopt;
        /* without the suppressed steps the bar is normalised over the others: no labels that would
         * differ from the table */
        if (d->fehlt) d->c.value_labels = 0;
        snprintf(d->unit, sizeof d->unit, "Anteil der Antworten in %% (n = %s)", format_zahl(z, sizeof z, f->n.v, 0));
    } else {
        d->c.kind = PDFCHART_HBAR;
        d->cats = xcalloc((size_t)f->nopt, sizeof *d->cats);
        for (int o = 0; o < f->nopt; o++) d->cats[o] = f->opt[o].text;
        d->c.categories = d->cats;
        d->c.ncategories = f->nopt;
        d->series = xcalloc(1, sizeof *d->series);
        d->series[0].name = "Anteil in %";
        d->series[0].values = d->values;
        d->series[0].missing = d->missing;
        d->c.series = d->series;
        d->c.nseries = 1;
        d->c.percent_axis = 1;
        snprintf(d->unit, sizeof d->unit, "%s (n = %s)",
                 ist(f, "multi") ? "Anteil in % der Befragten, Mehrfachnennungen" : "Anteil in %",
                 format_zahl(z, sizeof z, f->n.v, 0));
    }
    d->c.unit = d->unit;
    return 1;
}

static void diagramm_free(struct diagramm *d)
{
    free(d->series);
    free(d->values);
    free(d->missing);
    free(d->cats);
}

/* one question: stem, text as asked (sub-heading), type and filter, n, the table, its legend, the chart */
static void frage(struct docmodel_chapter *c, const struct befragung_r *b, const struct frage_r *f)
{
    char titel[1400], hinweis[800], nsatz[300], leg[600];
    char puffer[48][3][64];
    struct legende l = { 0 };
    int multi = ist(f, "multi"), tabelle = f->nopt > 0 || ist(f, "zahl");
    snprintf(titel, sizeof titel, "%s  %s", f->code, f->text);
    snprintf(hinweis, sizeof hinweis, "%s%s%s", typ_label(f), f->filter_satz ? "; " : "",
             f->filter_satz ? f->filter_satz : "");
    n_satz(f, &l, nsatz, sizeof nsatz);

    /* the table's rows */
    struct docmodel_column cols[4];
    const char *erste = ist(f, "likert") ? "Skalenstufe" : "Antwort";
    if (multi) spalten(cols, erste, 0.55, "Anzahl", 0.13, "Anteil in % der Befragten", 0.16, "Anteil in % der Nennungen", 0.16);
    else if (ist(f, "zahl")) spalten(cols, erste, 0.6, "Wert", 0.2, "", 0.2, "", 0);
    else spalten(cols, erste, 0.6, "Anzahl", 0.2, "Anteil in %", 0.2, "", 0);
    int ncols = multi ? 4 : 3;
    const char *zeilen[48][4];
    char lab[4][200];
    int nz = 0;
    if (ist(f, "zahl")) {
        static const char *const k[] = { "Median", "Mittelwert", "Standardabweichung" };
        const struct wert *w[] = { &f->median, &f->mittelwert, &f->sd };
        for (int i = 0; i < 3; i++, nz++) {
            zeilen[nz][0] = k[i];
            zeilen[nz][1] = zahl_text(w[i], 2, &l, puffer[nz][0], sizeof puffer[nz][0]);
            zeilen[nz][2] = "";
        }
    } else {
        for (int o = 0; o < f->nopt && nz < 40; o++, nz++) {
            zeilen[nz][0] = f->opt[o].text;
            zeilen[nz][1] = anzahl_text(&f->opt[o].anzahl, &l, puffer[nz][0], sizeof puffer[nz][0]);
            zeilen[nz][2] = anteil_text(&f->opt[o].anteil, &f->opt[o].anzahl, &l, puffer[nz][1], sizeof puffer[nz][1]);
            zeilen[nz][3] = multi ? anteil_text(&f->opt[o].anteil_nennungen, &f->opt[o].anzahl, &l, puffer[nz][2],
                                                sizeof puffer[nz][2]) : "";
        }
        if (tabelle) {
            zeilen[nz][0] = multi ? "Befragte mit Antwort (n)" : "Gesamt (n)";
            zeilen[nz][1] = anzahl_text(&f->n, &l, puffer[nz][0], sizeof puffer[nz][0]);
            zeilen[nz][2] = f->n.st == GEHEIMHALTUNG_WERT && f->n.v > 0 ? "100,0" : "";
            zeilen[nz][3] = "";
            nz++;
        }
        if (multi) {
            zeilen[nz][0] = "Nennungen";
            zeilen[nz][1] = anzahl_text(&f->nennungen, &l, puffer[nz][0], sizeof puffer[nz][0]);
            zeilen[nz][2] = "";
            zeilen[nz][3] = f->nennungen.st == GEHEIMHALTUNG_WERT && f->nennungen.v > 0 ? "100,0" : "";
            nz++;
        }
        if (ist(f, "likert")) {
            zeilen[nz][0] = "Median";
            zeilen[nz][1] = median_text(f, &l, lab[0], sizeof lab[0]);
            zeilen[nz][2] = "";
            nz++;
            if (f->intervall) {
                snprintf(lab[1], sizeof lab[1], "Mittelwert (Stufen 1 bis %d)", f->nopt);
                zeilen[nz][0] = lab[1];
                zeilen[nz][1] = zahl_text(&f->mittelwert, 2, &l, puffer[nz][0], sizeof puffer[nz][0]);
                zeilen[nz][2] = "";
                nz++;
                zeilen[nz][0] = "Standardabweichung";
                zeilen[nz][1] = zahl_text(&f->sd, 2, &l, puffer[nz][0], sizeof puffer[nz][0]);
                zeilen[nz][2] = "";
                nz++;
            }
            top2_label(f, lab[2], sizeof lab[2]);
            zeilen[nz][0] = lab[2];
            zeilen[nz][1] = anzahl_text(&f->top2, &l, puffer[nz][0], sizeof puffer[nz][0]);
            zeilen[nz][2] = anteil_text(&f->top2_anteil, &f->top2, &l, puffer[nz][1], sizeof puffer[nz][1]);
            nz++;
        }
    }
    legende_text(&l, b->schwelle, leg, sizeof leg);

    if (f->stamm) docmodel_note(c, f->stamm);
    docmodel_heading(c, 3, titel);
    docmodel_note(c, hinweis);
    docmodel_paragraph(c, nsatz);
    struct diagramm d;
    int mit_diagramm = diagramm_bauen(f, &d);
    if (tabelle) {
        struct docmodel_table *t = docmodel_table(c, cols, ncols);
        t->fit_rows = -1;
        for (int i = 0; i < nz; i++) docmodel_row(t, zeilen[i], 0, 0);
        /* the table with its chart on one page when both fit on one */
        if (mit_diagramm && !leg[0]) docmodel_last(c)->keep_with_next = 1;
    }
    if (leg[0]) docmodel_note(c, leg);
    if (!tabelle && b->freitexte && ist(f, "text") && f->n.st == GEHEIMHALTUNG_WERT && f->n.v > 0)
        docmodel_note(c, "Wortlaut der Antworten (geschwärzt) im Anhang „Offene Antworten“.");
    if (mit_diagramm) {
        docmodel_chart(c, &d.c);
        if (d.fehlt && ist(f, "likert"))
            docmodel_note(c, "Stufen mit „.“ sind im Balken nicht enthalten; er zeigt das Verhältnis der "
                             "ausgewiesenen Stufen (Anteile: Tabelle).");
        else if (d.fehlt)
            docmodel_note(c, "„k. A.“ im Diagramm: Anteil nicht ausgewiesen („.“).");
        diagramm_free(&d);
    }
}

/* Anhang: the cross-tabulations by the column variable */
static void kreuz(struct docmodel *m, sqlite3 *db, const struct befragung_r *b)
{
    const struct frage_r *v = frage_zu(b, b->kreuzvariable);
    if (!v || v->nopt + 2 > DOCMODEL_MAX_COLUMNS) return;
    sqlite3_stmt *q = store_prepare(db, "SELECT zeile, spalte, anzahl, status FROM befragung_kreuz"
                                        " WHERE befragung_id = ? AND frage = ? ORDER BY zeile, spalte");
    if (!q) return;
    char text[1400];
    snprintf(text, sizeof text, "Anhang: Kreuztabellen nach %s %s", v->code, v->text);
    struct docmodel_chapter *c = docmodel_chapter_add(m, text, 0);
    docmodel_note(c, "Anzahl der Befragten, die beide Fragen gültig beantwortet haben; Spalte „Gesamt“ und Zeile "
                     "„Gesamt“: alle Befragten der Zeile bzw. Spalte. Anteile in % der Spalte in der Arbeitsmappe "
                     "(Blatt „Kreuztabellen“).");
    int nc = v->nopt + 2;
    struct docmodel_column cols[DOCMODEL_MAX_COLUMNS];
    cols[0] = (struct docmodel_column){ "Antwort", 0.28, DOCMODEL_LEFT };
    for (int j = 0; j < v->nopt; j++) cols[j + 1] = (struct docmodel_column){ v->opt[j].text, 0.72 / (v->nopt + 1), DOCMODEL_RIGHT };
    cols[nc - 1] = (struct docmodel_column){ "Gesamt", 0.72 / (v->nopt + 1), DOCMODEL_RIGHT };
    for (int i = 0; i < b->nfragen; i++) {
        const struct frage_r *f = &b->fragen[i];
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, b->id);
        store_bind_text(q, 2, f->code);
        if (sqlite3_step(q) != SQLITE_ROW) continue;
        int nr = f->nopt + 1;
        char (*zahl)[DOCMODEL_MAX_COLUMNS][32] = xcalloc((size_t)nr, sizeof *zahl);
        struct legende l = { 0 };
        do {
            int zi = sqlite3_column_int(q, 0), sj = sqlite3_column_int(q, 1);
            if (zi < 1 || zi > nr || sj < 1 || sj >= nc) continue;
            struct wert a = wert_von(q, 2, 3);
            snprintf(zahl[zi - 1][sj], sizeof zahl[0][0], "%s", anzahl_text(&a, &l, text, sizeof text));
        } while (sqlite3_step(q) == SQLITE_ROW);
        snprintf(text, sizeof text, "%s  %s", f->code, f->text);
        docmodel_heading(c, 3, text);
        struct docmodel_table *t = docmodel_table(c, cols, nc);
        t->fit_rows = -1;
        for (int r = 0; r < nr; r++) {
            const char *cells[DOCMODEL_MAX_COLUMNS];
            cells[0] = r < f->nopt ? f->opt[r].text : "Gesamt";
            for (int k = 1; k < nc; k++) cells[k] = zahl[r][k];
            docmodel_row(t, cells, 0, 0);
        }
        free(zahl);
        char leg[600];
        if (legende_text(&l, b->schwelle, leg, sizeof leg)[0]) docmodel_note(c, leg);
    }
    sqlite3_finalize(q);
}

/* Anhang: the open answers (redacted), alphabetically per question and option */
static void freitexte(struct docmodel *m, sqlite3 *db, const struct befragung_r *b)
{
    sqlite3_stmt *q = store_prepare(db,
        "SELECT t.frage, t.option, coalesce(o.text, ''), t.text FROM befragung_freitext t"
        "  JOIN befragung_frage f ON f.befragung_id = t.befragung_id AND f.code = t.frage"
        "  LEFT JOIN befragung_option o ON o.befragung_id = t.befragung_id AND o.frage = t.frage AND o.code = t.option"
        " WHERE t.befragung_id = ? ORDER BY f.position, o.position, t.position");
    if (!q) return;
    sqlite3_bind_int64(q, 1, b->id);
    char fr[64] = "", option[64] = "", text[1600];
    struct docmodel_chapter *c = NULL;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (!c) {
            c = docmodel_chapter_add(m, "Anhang: Offene Antworten", 0);
            docmodel_note(c, "Wortlaut der offenen Antworten, alphabetisch sortiert (die Reihenfolge lässt keinen "
                             "Schluss auf einzelne Befragte zu). Namen, E-Mail-Adressen und Telefonnummern sind "
                             "geschwärzt: [Name], [E-Mail], [Telefon].");
        }
        const char *fc = store_column_text(q, 0), *oc = store_column_text(q, 1);
        if (strcmp(fc, fr) != 0 || strcmp(oc, option) != 0) {
            snprintf(fr, sizeof fr, "%s", fc);
            snprintf(option, sizeof option, "%s", oc);
            const struct frage_r *f = frage_zu(b, fc);
            if (*oc) snprintf(text, sizeof text, "%s  %s – „%s“", fc, f ? f->text : "", store_column_text(q, 2));
            else snprintf(text, sizeof text, "%s  %s", fc, f ? f->text : "");
            docmodel_heading(c, 3, text);
        }
        snprintf(text, sizeof text, "– %s", store_column_text(q, 3));
        docmodel_paragraph(c, text);
    }
    sqlite3_finalize(q);
}

int kapitel_befragung_auswertung(struct docmodel_chapter *c, sqlite3 *db, const struct befragung_r *b, int anhaenge)
{
    char line[1400];
    ruecklauf(c, b);

    /* notes on the evaluation */
    size_t n = 0;
    char personal[600] = "";
    for (int i = 0; i < b->nfragen && n < sizeof personal; i++)
        if (b->fragen[i].personal)
            n += (size_t)snprintf(personal + n, sizeof personal - n, "%s%s", n ? ", " : "", b->fragen[i].code);
    snprintf(line, sizeof line,
             "Anteile in Prozent der gültigen Antworten (n) der jeweiligen Frage; bei Mehrfachnennungen in Prozent "
             "der Befragten mit Antwort (Summe über 100 %%) und in Prozent aller Nennungen. Fragen mit Filter "
             "wurden nur den genannten Befragten gestellt. Geheimhaltung: Fallzahlen unter %d und die zu ihrem "
             "Schutz nötigen weiteren Zellen sind nicht ausgewiesen („.“).%s%s%s",
             b->schwelle, *personal ? " Personenbezogene Angaben (" : "", personal,
             *personal ? ") werden weder gespeichert noch ausgewertet." : "");
    docmodel_heading(c, 2, "Hinweise zur Auswertung");
    docmodel_paragraph(c, line);
    if (b->befragte == 0) docmodel_paragraph(c, "**Es liegen keine auswertbaren Antworten vor.**");

    for (int a = 0; b->befragte > 0 && a < b->nabschnitte; a++) {
        const struct abschnitt_r *ab = &b->abschnitte[a];
        int fragen = 0;
        for (int i = 0; i < b->nfragen; i++)
            fragen += strcmp(b->fragen[i].abschnitt, ab->code) == 0 && !b->fragen[i].personal;
        if (!fragen) continue;
        snprintf(line, sizeof line, "%s%s%s", ab->code, *ab->titel ? " " : "", ab->titel);
        docmodel_heading(c, 2, line);
        for (int i = 0; i < b->nfragen; i++) {
            const struct frage_r *f = &b->fragen[i];
            if (strcmp(f->abschnitt, ab->code) != 0 || f->personal) continue;   /* personal questions never */
            frage(c, b, f);
        }
    }
    if (anhaenge && b->kreuzvariable && b->befragte > 0) kreuz(c->model, db, b);
    if (anhaenge && b->freitexte && b->befragte > 0) freitexte(c->model, db, b);
    return 0;
}
