/*
 * render_befragung.c — ibericht-render-befragung: the evaluation of the
 * surveys (derived tables befragung_* of compute, pipeline/compute/
 * befragung.c) → out/befragung.xlsx and out/befragung.pdf.
 *
 * Workbook: sheet „Rücklauf“; one sheet per section of the questionnaire
 * („Abschnitt II“) with, per question, the question text as asked, the
 * filter, a table (answer, count, share of n; multiple responses also the
 * share of all ticks; Likert median, mean, top-2) and a native bar chart
 * (Likert: stacked 100 %); „Kreuztabellen“ by the column variable
 * ([befragung] kreuztabelle); „Freitexte“ (only with [befragung] freitexte =
 * ja); „Codebuch“ (questions, types, options, filters, answer columns).
 *
 * PDF, A4 portrait: the Rücklauf table first, notes on the evaluation, then
 * per question the text as asked, the table with n and a horizontal bar
 * chart (Likert: stacked 100 % with the scale as legend) drawn with
 * pdfchart; the cross-tabulations and the open answers (redacted, only with
 * freitexte = ja) in appendices.  Bookmarks per section, footer with
 * „Stand“ and „Seite x von y“, embedded DejaVu fonts.
 *
 * Numbers in German format (format_zahl).  Suppressed cells (small counts
 * and their complements, see geheimhaltung.h) are NULL in the store and
 * print as „.“; every table that shows a symbol gets the legend line below
 * it.  Personal questions appear only in the codebook.
 *
 * Nothing to do (exit 0, no files) when the store holds no survey.  One
 * survey: the file names of [befragung] xlsx / pdf (befragung.xlsx,
 * befragung.pdf); several: befragung_<questionnaire>.xlsx/.pdf each.
 * Exit codes: 0, 2 configuration (fonts), 4 store, 5 output.
 */
#include "lib/config.h"
#include "lib/berichtpdf.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/geheimhaltung.h"
#include "lib/pdfchart.h"
#include "lib/pdfdoc.h"
#include "lib/pdftable.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/textwrap.h"
#include "lib/umsetzung.h"
#include "lib/xlsxfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the survey as the derived tables hold it -------------------------------------- */

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
static struct wert wert_von(sqlite3_stmt *q, int v, int s)
{
    struct wert w = { 0, NAN, GEHEIMHALTUNG_GESPERRT };
    if (sqlite3_column_type(q, s) == SQLITE_NULL) return w;
    w.da = 1;
    w.st = status_von(store_column_text(q, s));
    if (w.st == GEHEIMHALTUNG_WERT && sqlite3_column_type(q, v) != SQLITE_NULL) w.v = sqlite3_column_double(q, v);
    else if (w.st == GEHEIMHALTUNG_WERT) w.st = GEHEIMHALTUNG_UNBEKANNT;     /* fail closed */
    return w;
}

static int laden(sqlite3 *db, long id, struct befragung_r *b)
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

static void befragung_r_free(struct befragung_r *b)
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

static int ist(const struct frage_r *f, const char *typ) { return strcmp(f->typ, typ) == 0; }

static const struct frage_r *frage_zu(const struct befragung_r *b, const char *code)
{
    for (int i = 0; code && i < b->nfragen; i++)
        if (strcmp(b->fragen[i].code, code) == 0) return &b->fragen[i];
    return NULL;
}

static const char *abschnitt_titel(const struct befragung_r *b, const char *code)
{
    for (int i = 0; i < b->nabschnitte; i++)
        if (strcmp(b->abschnitte[i].code, code) == 0) return b->abschnitte[i].titel;
    return "";
}

/* ---- printing numbers and symbols -------------------------------------------------- */

/* which symbols a table shows, for its legend line */
struct legende { int punkt, x, strich, schraeg, spaeter; };

static void legende_merken(struct legende *l, enum geheimhaltung_status s)
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
static char *legende_text(const struct legende *l, int schwelle, char *buf, size_t size)
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
static const char *anzahl_text(const struct wert *w, struct legende *l, char *buf, size_t size)
{
    if (!w->da) return "";
    if (w->st != GEHEIMHALTUNG_WERT) { legende_merken(l, w->st); return geheimhaltung_zeichen(w->st); }
    if (w->v == 0) { l->strich = 1; return GEHEIMHALTUNG_ZEICHEN_NICHTS; }
    return format_zahl(buf, size, w->v, 0);
}

/* a share (of the count `von`): the symbol when suppressed, „–“ for a zero count */
static const char *anteil_text(const struct wert *w, const struct wert *von, struct legende *l, char *buf,
                               size_t size)
{
    if (!w->da) return "";
    if (w->st != GEHEIMHALTUNG_WERT) { legende_merken(l, w->st); return geheimhaltung_zeichen(w->st); }
    if (von && von->da && von->st == GEHEIMHALTUNG_WERT && von->v == 0) { l->strich = 1; return "–"; }
    return format_zahl(buf, size, w->v, 1);
}

static const char *zahl_text(const struct wert *w, int decimals, struct legende *l, char *buf, size_t size)
{
    if (!w->da) return "";
    if (w->st != GEHEIMHALTUNG_WERT) { legende_merken(l, w->st); return geheimhaltung_zeichen(w->st); }
    return format_zahl(buf, size, w->v, decimals);
}

/* „Median“ of a Likert question: the step and its label („5 (gut)“, „4,5“) */
static const char *median_text(const struct frage_r *f, struct legende *l, char *buf, size_t size)
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
static void n_satz(const struct frage_r *f, struct legende *l, char *buf, size_t size)
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
static void top2_label(const struct frage_r *f, char *buf, size_t size)
{
    if (f->nopt >= 2)
        snprintf(buf, size, "Top-2: „%s“ + „%s“", f->opt[f->nopt - 2].text, f->opt[f->nopt - 1].text);
    else
        snprintf(buf, size, "Top-2");
}

static const char *typ_label(const struct frage_r *f)
{
    if (ist(f, "multi")) return "Mehrfachnennung";
    if (ist(f, "single")) return "Einfachauswahl";
    if (ist(f, "janein")) return "Ja/Nein";
    if (ist(f, "likert")) return f->intervall ? "Skala (intervallskaliert: Mittelwert)" : "Skala (ordinal: Median)";
    if (ist(f, "zahl")) return "Zahl";
    return "offene Frage";
}

/* ---- workbook --------------------------------------------------------------------- */

struct xl {
    lxw_workbook *wb;
    struct xlsxfmt f;
    lxw_format *anzahl, *anteil, *wert2, *frage, *hinweis, *symbol;
};

static void xl_formats(struct xl *x)
{
    x->anzahl = workbook_add_format(x->wb);
    format_set_num_format(x->anzahl, "#,##0;-#,##0;\xe2\x80\x93");    /* 0 shows „–“ */
    format_set_align(x->anzahl, LXW_ALIGN_RIGHT);
    x->anteil = workbook_add_format(x->wb);
    format_set_num_format(x->anteil, "0.0");
    format_set_align(x->anteil, LXW_ALIGN_RIGHT);
    x->wert2 = workbook_add_format(x->wb);
    format_set_num_format(x->wert2, "0.00");
    format_set_align(x->wert2, LXW_ALIGN_RIGHT);
    x->frage = workbook_add_format(x->wb);       /* question and hint lines wrap in their */
    format_set_bold(x->frage);                   /* column: no text runs over the printed width */
    format_set_text_wrap(x->frage);
    format_set_align(x->frage, LXW_ALIGN_VERTICAL_TOP);
    x->hinweis = workbook_add_format(x->wb);
    format_set_italic(x->hinweis);
    format_set_text_wrap(x->hinweis);
    format_set_align(x->hinweis, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_color(x->hinweis, 0x555555);
    x->symbol = workbook_add_format(x->wb);
    format_set_align(x->symbol, LXW_ALIGN_RIGHT);
}

/* a published number, else its symbol as text („.“) */
static void xl_wert(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const struct wert *w,
                    lxw_format *fmt, struct legende *l)
{
    if (!w->da) return;
    if (w->st != GEHEIMHALTUNG_WERT) {
        legende_merken(l, w->st);
        xlsxfmt_write_string(ws, r, c, geheimhaltung_zeichen(w->st), x->symbol);
        return;
    }
    if (fmt == x->anzahl && w->v == 0) l->strich = 1;
    worksheet_write_number(ws, r, c, w->v, fmt);
}

static void sheet_name(char *buf, size_t size, const char *prefix, const char *code)
{
    snprintf(buf, size, "%s%s", prefix, code);
    for (char *p = buf; *p; p++)
        if (strchr("[]:*?/\\'", *p)) *p = '_';
    /* at most 31 characters (bytes here; the codes are ASCII) */
    if (strlen(buf) > 31) buf[31] = '\0';
}

static lxw_row_t xl_frage(struct xl *x, lxw_worksheet *ws, const char *sheet, lxw_row_t r,
                          const struct befragung_r *b, const struct frage_r *f)
{
    char text[1400], z[64];
    struct legende l = { 0 };
    if (f->stamm) xlsxfmt_write_string(ws, r++, 0, f->stamm, x->hinweis);
    snprintf(text, sizeof text, "%s  %s", f->code, f->text);
    xlsxfmt_write_string(ws, r++, 0, text, x->frage);
    snprintf(text, sizeof text, "%s%s%s", typ_label(f), f->filter_satz ? "; " : "",
             f->filter_satz ? f->filter_satz : "");
    xlsxfmt_write_string(ws, r++, 0, text, x->hinweis);
    n_satz(f, &l, text, sizeof text);
    xlsxfmt_write_string(ws, r++, 0, text, x->f.text);
    int multi = ist(f, "multi");
    if (ist(f, "text") || ist(f, "zahl") || f->nopt == 0) {
        if (ist(f, "zahl")) {
            static const char *const k[] = { "Median", "Mittelwert", "Standardabweichung" };
            const struct wert *w[] = { &f->median, &f->mittelwert, &f->sd };
            for (int i = 0; i < 3; i++) {
                xlsxfmt_write_string(ws, r, 0, k[i], x->f.text);
                xl_wert(x, ws, r++, 1, w[i], x->wert2, &l);
            }
        } else if (b->freitexte) {
            xlsxfmt_write_string(ws, r++, 0, "Wortlaut der Antworten: Blatt „Freitexte“", x->hinweis);
        }
        if (legende_text(&l, b->schwelle, text, sizeof text)[0]) xlsxfmt_write_string(ws, r++, 0, text, x->hinweis);
        return r + 1;
    }
    lxw_row_t head = r;
    xlsxfmt_write_string(ws, r, 0, ist(f, "likert") ? "Skalenstufe" : "Antwort", x->f.header);
    xlsxfmt_write_string(ws, r, 1, "Anzahl", x->f.header);
    xlsxfmt_write_string(ws, r, 2, multi ? "Anteil in % der Befragten (n)" : "Anteil in %", x->f.header);
    if (multi) xlsxfmt_write_string(ws, r, 3, "Anteil in % der Nennungen", x->f.header);
    r++;
    lxw_row_t first = r;
    for (int o = 0; o < f->nopt; o++, r++) {
        xlsxfmt_write_string(ws, r, 0, f->opt[o].text, x->f.text);
        xl_wert(x, ws, r, 1, &f->opt[o].anzahl, x->anzahl, &l);
        xl_wert(x, ws, r, 2, &f->opt[o].anteil, x->anteil, &l);
        if (multi) xl_wert(x, ws, r, 3, &f->opt[o].anteil_nennungen, x->anteil, &l);
    }
    lxw_row_t last = r - 1;
    xlsxfmt_write_string(ws, r, 0, multi ? "Befragte mit Antwort (n)" : "Gesamt (n)", x->f.total_label);
    xl_wert(x, ws, r, 1, &f->n, x->anzahl, &l);
    if (f->n.st == GEHEIMHALTUNG_WERT && f->n.v > 0) worksheet_write_number(ws, r, 2, 100, x->anteil);
    r++;
    if (multi) {
        xlsxfmt_write_string(ws, r, 0, "Nennungen", x->f.text);
        xl_wert(x, ws, r, 1, &f->nennungen, x->anzahl, &l);
        if (f->nennungen.st == GEHEIMHALTUNG_WERT && f->nennungen.v > 0) worksheet_write_number(ws, r, 3, 100, x->anteil);
        r++;
    }
    if (ist(f, "likert")) {
        xlsxfmt_write_string(ws, r, 0, "Median", x->f.text);
        if (f->median.st == GEHEIMHALTUNG_WERT) xlsxfmt_write_string(ws, r, 1, median_text(f, &l, z, sizeof z), x->symbol);
        else xl_wert(x, ws, r, 1, &f->median, x->wert2, &l);
        r++;
        if (f->intervall) {
            snprintf(text, sizeof text, "Mittelwert (Stufen 1 bis %d)", f->nopt);
            xlsxfmt_write_string(ws, r, 0, text, x->f.text);
            xl_wert(x, ws, r++, 1, &f->mittelwert, x->wert2, &l);
            xlsxfmt_write_string(ws, r, 0, "Standardabweichung", x->f.text);
            xl_wert(x, ws, r++, 1, &f->sd, x->wert2, &l);
        }
        top2_label(f, text, sizeof text);
        xlsxfmt_write_string(ws, r, 0, text, x->f.text);
        xl_wert(x, ws, r, 1, &f->top2, x->anzahl, &l);
        xl_wert(x, ws, r, 2, &f->top2_anteil, x->anteil, &l);
        r++;
    }
    if (legende_text(&l, b->schwelle, text, sizeof text)[0]) xlsxfmt_write_string(ws, r++, 0, text, x->hinweis);

    /* the chart, below the table (beside it the sheet would print at half size) */
    if (f->n.st == GEHEIMHALTUNG_WERT && f->n.v > 0) {
        lxw_chart *ch;
        if (ist(f, "likert")) {
            ch = workbook_add_chart(x->wb, LXW_CHART_BAR_STACKED_PERCENT);
            for (int o = 0; o < f->nopt; o++) {
                lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
                chart_series_set_categories(s, sheet, head, 0, head, 0);
                chart_series_set_values(s, sheet, first + (lxw_row_t)o, 1, first + (lxw_row_t)o, 1);
                chart_series_set_name_range(s, sheet, first + (lxw_row_t)o, 0);
            }
            chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
            chart_axis_set_name(ch->x_axis, "Anteil der Antworten");     /* bar charts: x = value axis */
        } else {
            ch = workbook_add_chart(x->wb, LXW_CHART_BAR);
            lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
            chart_series_set_categories(s, sheet, first, 0, last, 0);
            chart_series_set_values(s, sheet, first, 2, last, 2);
            chart_series_set_name_range(s, sheet, head, 2);
            chart_axis_set_reverse(ch->y_axis);              /* categories: first option on top */
            chart_axis_set_name(ch->x_axis, multi ? "Anteil in % der Befragten" : "Anteil in %");
            chart_axis_set_min(ch->x_axis, 0);
            chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        }
        snprintf(text, sizeof text, "%s %s", f->code, f->text);
        if (strlen(text) > 90) strcpy(text + 87, "…");
        chart_title_set_name(ch, text);
        chart_title_set_name_font(ch, &(lxw_chart_font){ .size = 10, .bold = LXW_TRUE });
        lxw_chart_options opt = { 0 };
        opt.x_scale = 1.4;
        opt.y_scale = ist(f, "likert") ? 0.9 : 0.6 + 0.09 * f->nopt;
        r = xlsxfmt_insert_chart(ws, r + 1, 0, ch, &opt);
    }
    return r + 1;
}

static void xl_ruecklauf(struct xl *x, const struct befragung_r *b, const char *stand)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Rücklauf");
    char text[600];
    xlsxfmt_set_column(ws, 0, 0, 52, NULL);
    xlsxfmt_set_column(ws, 1, 2, 14, NULL);
    xlsxfmt_write_string(ws, 0, 0, b->titel, x->f.title);
    snprintf(text, sizeof text, "%s%s%s", b->kommune, *b->kommune ? " · " : "", stand);
    xlsxfmt_write_string(ws, 1, 0, text, NULL);
    lxw_row_t r = 3;
    xlsxfmt_write_string(ws, r, 0, "Rücklauf", x->f.header);
    xlsxfmt_write_string(ws, r, 1, "Anzahl", x->f.header);
    xlsxfmt_write_string(ws, r, 2, "Anteil in %", x->f.header);
    r++;
    if (b->hat_ruecklauf) {
        static const char *const k[] = { "befragt", "geantwortet", "Fehlanzeige", "ohne Rückmeldung" };
        int v[] = { b->befragt, b->geantwortet, b->fehlanzeige, b->ohne };
        for (int i = 0; i < 4; i++, r++) {
            xlsxfmt_write_string(ws, r, 0, k[i], x->f.text);
            worksheet_write_number(ws, r, 1, v[i], x->anzahl);
            if (b->befragt > 0) worksheet_write_number(ws, r, 2, 100.0 * v[i] / b->befragt, x->anteil);
        }
        if (b->unbekannt > 0) {
            xlsxfmt_write_string(ws, r, 0, "Rückmeldungen nicht befragter Einheiten", x->f.text);
            worksheet_write_number(ws, r++, 1, b->unbekannt, x->anzahl);
        }
    }
    xlsxfmt_write_string(ws, r, 0, "Antwortbögen ausgewertet", x->f.text);
    worksheet_write_number(ws, r++, 1, b->befragte, x->anzahl);
    xlsxfmt_write_string(ws, r, 0, "Antwortbögen wegen Fehlern nicht ausgewertet", x->f.text);
    worksheet_write_number(ws, r++, 1, b->uebersprungen, x->anzahl);
    xlsxfmt_write_string(ws, r, 0, "Antwortdateien", x->f.text);
    worksheet_write_number(ws, r++, 1, b->dateien, x->anzahl);
    r++;
    if (b->befragte == 0) xlsxfmt_write_string(ws, r++, 0, "Es liegen keine auswertbaren Antworten vor.",
                                                  x->f.total_label);
    if (b->satz) xlsxfmt_write_string(ws, r++, 0, b->satz, x->f.total_label);
    else xlsxfmt_write_string(ws, r++, 0, "Wie viele befragt wurden, nennt der Fragebogen nicht ([ruecklauf]): "
                                            "keine Rücklaufquote.", x->hinweis);
    if (b->neinheiten) {
        r++;
        xlsxfmt_write_string(ws, r, 0, "Befragte Einheit", x->f.header);
        xlsxfmt_write_string(ws, r++, 1, "Rückmeldung", x->f.header);
        for (int i = 0; i < b->neinheiten; i++, r++) {
            const char *s = b->einheiten[i].status;
            xlsxfmt_write_string(ws, r, 0, b->einheiten[i].name, x->f.text);
            xlsxfmt_write_string(ws, r, 1, strcmp(s, "geantwortet") == 0 ? "geantwortet"
                                             : strcmp(s, "fehlanzeige") == 0 ? "Fehlanzeige" : "ohne Rückmeldung",
                                   x->f.text);
        }
    }
    xlsxfmt_print_setup(ws, 0, 0);
}

static void xl_kreuz(struct xl *x, sqlite3 *db, const struct befragung_r *b)
{
    const struct frage_r *v = frage_zu(b, b->kreuzvariable);
    if (!v) return;
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Kreuztabellen");
    char text[1400];
    snprintf(text, sizeof text, "Kreuztabellen nach %s %s", v->code, v->text);
    xlsxfmt_write_string(ws, 0, 0, text, x->f.title);
    xlsxfmt_write_string(ws, 1, 0, "Anzahl der Befragten; darunter Anteil in % der Spalte (Basis: Zeile Gesamt)."
                                     " Befragte, die beide Fragen gültig beantwortet haben.", x->hinweis);
    xlsxfmt_set_column(ws, 0, 0, 46, NULL);
    xlsxfmt_set_column(ws, 1, (lxw_col_t)(v->nopt + 1), 14, NULL);
    sqlite3_stmt *q = store_prepare(db, "SELECT zeile, spalte, anzahl, status, anteil, anteil_status FROM befragung_kreuz"
                                        " WHERE befragung_id = ? AND frage = ? ORDER BY zeile, spalte");
    if (!q) return;
    lxw_row_t r = 3;
    for (int i = 0; i < b->nfragen; i++) {
        const struct frage_r *f = &b->fragen[i];
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, b->id);
        store_bind_text(q, 2, f->code);
        if (sqlite3_step(q) != SQLITE_ROW) continue;
        struct legende l = { 0 };
        snprintf(text, sizeof text, "%s  %s", f->code, f->text);
        xlsxfmt_write_string(ws, r++, 0, text, x->frage);
        for (int teil = 0; teil < 2; teil++) {
            lxw_row_t head = r;
            xlsxfmt_write_string(ws, head, 0, teil ? "Anteil in % der Spalte" : "Anzahl", x->f.header);
            for (int j = 0; j < v->nopt; j++) xlsxfmt_write_string(ws, head, (lxw_col_t)(j + 1), v->opt[j].text, x->f.header);
            xlsxfmt_write_string(ws, head, (lxw_col_t)(v->nopt + 1), "Gesamt", x->f.header);
            for (int k = 0; k <= f->nopt; k++)
                xlsxfmt_write_string(ws, head + 1 + (lxw_row_t)k, 0, k < f->nopt ? f->opt[k].text : "Gesamt",
                                       k < f->nopt ? x->f.text : x->f.total_label);
            r = head + (lxw_row_t)f->nopt + 2;
        }
        lxw_row_t top1 = r - 2 * (lxw_row_t)(f->nopt + 2);
        do {
            int zi = sqlite3_column_int(q, 0), sj = sqlite3_column_int(q, 1);
            struct wert a = wert_von(q, 2, 3), p = wert_von(q, 4, 5);
            xl_wert(x, ws, top1 + (lxw_row_t)zi, (lxw_col_t)sj, &a, x->anzahl, &l);
            xl_wert(x, ws, top1 + (lxw_row_t)(f->nopt + 2 + zi), (lxw_col_t)sj, &p, x->anteil, &l);
        } while (sqlite3_step(q) == SQLITE_ROW);
        if (legende_text(&l, b->schwelle, text, sizeof text)[0]) xlsxfmt_write_string(ws, r++, 0, text, x->hinweis);
        r++;
    }
    sqlite3_finalize(q);
    xlsxfmt_print_setup(ws, 1, 0);
}

static void xl_freitexte(struct xl *x, sqlite3 *db, const struct befragung_r *b)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Freitexte");
    xlsxfmt_set_column(ws, 0, 0, 10, NULL);
    xlsxfmt_set_column(ws, 1, 1, 30, NULL);
    xlsxfmt_set_column(ws, 2, 2, 80, x->f.text);
    xlsxfmt_write_string(ws, 0, 0, "Frage", x->f.header);
    xlsxfmt_write_string(ws, 0, 1, "Option", x->f.header);
    xlsxfmt_write_string(ws, 0, 2, "Antwort (geschwärzt: [Name], [E-Mail], [Telefon])", x->f.header);
    sqlite3_stmt *q = store_prepare(db,
        "SELECT t.frage, coalesce(o.text, ''), t.text FROM befragung_freitext t"
        "  JOIN befragung_frage f ON f.befragung_id = t.befragung_id AND f.code = t.frage"
        "  LEFT JOIN befragung_option o ON o.befragung_id = t.befragung_id AND o.frage = t.frage AND o.code = t.option"
        " WHERE t.befragung_id = ? ORDER BY f.position, o.position, t.position");
    lxw_row_t r = 0;
    if (q) sqlite3_bind_int64(q, 1, b->id);
    while (q && sqlite3_step(q) == SQLITE_ROW) {
        r++;
        for (int c = 0; c < 3; c++) xlsxfmt_write_string(ws, r, (lxw_col_t)c, store_column_text(q, c), x->f.text);
    }
    sqlite3_finalize(q);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, r, 2);
    xlsxfmt_print_setup(ws, 1, 1);
}

static void xl_codebuch(struct xl *x, const struct befragung_r *b)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Codebuch");
    static const struct { const char *t; double w; } c[] = {
        { "Abschnitt", 22 }, { "Frage", 9 }, { "Typ", 14 }, { "Fragetext", 60 }, { "Antwortoptionen (Code = Text)", 50 },
        { "Filter", 36 }, { "Auswertung", 30 }, { "Spalten in den Antwortdaten", 40 },
    };
    for (int i = 0; i < 8; i++) {
        xlsxfmt_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, c[i].w, NULL);
        xlsxfmt_write_string(ws, 0, (lxw_col_t)i, c[i].t, x->f.header);
    }
    lxw_row_t r = 0;
    for (int i = 0; i < b->nfragen; i++) {
        const struct frage_r *f = &b->fragen[i];
        r++;
        char ab[400], text[2000];
        const char *at = abschnitt_titel(b, f->abschnitt);
        snprintf(ab, sizeof ab, "%s%s%s", f->abschnitt, *at ? " " : "", at);
        xlsxfmt_write_string(ws, r, 0, ab, x->f.text);
        xlsxfmt_write_string(ws, r, 1, f->code, x->f.text);
        xlsxfmt_write_string(ws, r, 2, f->typ, x->f.text);
        snprintf(text, sizeof text, "%s%s%s", f->stamm ? f->stamm : "", f->stamm ? " – " : "", f->text);
        xlsxfmt_write_string(ws, r, 3, text, x->f.text);
        size_t n = 0;
        text[0] = '\0';
        for (int o = 0; o < f->nopt && n < sizeof text; o++)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%s = %s%s", o ? "\n" : "", f->opt[o].code,
                                  f->opt[o].text, f->opt[o].freitext ? " (mit Freitext)" : "");
        xlsxfmt_write_string(ws, r, 4, text, x->f.text);
        xlsxfmt_write_string(ws, r, 5, f->filter ? f->filter : "", x->f.text);
        xlsxfmt_write_string(ws, r, 6, f->personal ? "personenbezogen: nicht ausgewertet, nicht gespeichert"
                                                     : typ_label(f), x->f.text);
        xlsxfmt_write_string(ws, r, 7, f->spalten ? f->spalten : "", x->f.text);
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, r, 7);
    xlsxfmt_print_setup(ws, 1, 1);
}

static int write_xlsx(const struct ib_config *cfg, sqlite3 *db, const struct befragung_r *b, const char *datei,
                      const char *stand)
{
    char *target = path_join(cfg->out, datei);
    char *tmp = NULL;
    struct xl x = { 0 };
    x.wb = xlsxfmt_open(target, cfg, b->titel, "Auswertung der Befragung", &x.f, &tmp);
    if (!x.wb) { free(target); return IB_EXIT_OUTPUT; }
    xl_formats(&x);
    xl_ruecklauf(&x, b, stand);
    for (int a = 0; b->befragte > 0 && a < b->nabschnitte; a++) {
        const struct abschnitt_r *ab = &b->abschnitte[a];
        int fragen = 0;
        for (int i = 0; i < b->nfragen; i++)
            fragen += strcmp(b->fragen[i].abschnitt, ab->code) == 0 && !b->fragen[i].personal;
        if (!fragen) continue;
        char name[40], text[600];
        sheet_name(name, sizeof name, "Abschnitt ", ab->code);
        lxw_worksheet *ws = workbook_add_worksheet(x.wb, name);
        if (!ws) continue;
        xlsxfmt_set_column(ws, 0, 0, 52, NULL);
        xlsxfmt_set_column(ws, 1, 3, 14, NULL);
        snprintf(text, sizeof text, "Abschnitt %s%s%s", ab->code, *ab->titel ? ": " : "", ab->titel);
        xlsxfmt_write_string(ws, 0, 0, text, x.f.title);
        xlsxfmt_write_string(ws, 1, 0, b->titel, NULL);
        lxw_row_t r = 3;
        for (int i = 0; i < b->nfragen; i++) {
            const struct frage_r *f = &b->fragen[i];
            if (strcmp(f->abschnitt, ab->code) != 0) continue;
            if (f->personal) {
                snprintf(text, sizeof text, "%s  %s — personenbezogen, nicht ausgewertet", f->code, f->text);
                xlsxfmt_write_string(ws, r, 0, text, x.hinweis);
                r += 2;
                continue;
            }
            r = xl_frage(&x, ws, name, r, b, f);
        }
        xlsxfmt_print_setup(ws, 0, 0);
    }
    if (b->kreuzvariable && b->befragte > 0) xl_kreuz(&x, db, b);
    if (b->freitexte && b->befragte > 0) xl_freitexte(&x, db, b);
    xl_codebuch(&x, b);
    int rc = xlsxfmt_close(x.wb, target, tmp, 1) == 0 ? IB_EXIT_OK : IB_EXIT_OUTPUT;
    if (rc == IB_EXIT_OK) diag_info("%s geschrieben", target);
    free(target);
    return rc;
}

/* ---- PDF ------------------------------------------------------------------------- */

struct pdf_measure { struct pdfdoc *doc; HPDF_Font font; double size; };

static double pdf_measure(const char *s, size_t len, void *p)
{
    struct pdf_measure *m = p;
    return pdfdoc_measure(m->doc, m->font, m->size, s, len);
}

/* height of a table with these rows (cells of column 0 wrapped; the others one line) */
static double tabellen_hoehe(struct pdfdoc *doc, const struct pdftable_column *cols, int ncols, double size,
                             const char *const *labels, int nrows)
{
    struct textwrap w = { 0 };
    struct pdf_measure m = { doc, doc->regular, size };
    double width = pdfdoc_content_width(doc);
    double leading = size * 1.22, pad = 3.5, h = 0;
    int head = 1;
    struct pdf_measure mb = { doc, doc->bold, size };
    for (int c = 0; c < ncols; c++) {
        int k = textwrap_break(&w, cols[c].titel, width * cols[c].anteil - 2 * pad, pdf_measure, &mb);
        if (k > head) head = k;
    }
    h += head * leading + 2 * pad;
    for (int r = 0; r < nrows; r++) {
        int k = textwrap_break(&w, labels[r], width * cols[0].anteil - 2 * pad, pdf_measure, &m);
        h += (k < 1 ? 1 : k) * leading + 2 * pad;
    }
    textwrap_free(&w);
    return h;
}

static double room_left(const struct pdfdoc *doc) { return doc->y - pdfdoc_bottom(doc); }
static double page_room(const struct pdfdoc *doc) { return doc->page_h - doc->margin_top - pdfdoc_bottom(doc); }

/* a paragraph that moves to a new page when it does not fit */
static void absatz(struct pdfdoc *doc, HPDF_Font font, double size, double grau, const char *text)
{
    if (!*text) return;
    double h = pdfdoc_paragraph(doc, font, size, text, 0);
    if (h > room_left(doc)) pdfdoc_new_page(doc);
    HPDF_Page_SetGrayFill(doc->page, grau);
    pdfdoc_paragraph(doc, font, size, text, 1);
    HPDF_Page_SetGrayFill(doc->page, 0);
}

static void ueberschrift(struct pdfdoc *doc, HPDF_Outline parent, HPDF_Outline *out, double size,
                         const char *text, double danach)
{
    double h = pdfdoc_paragraph(doc, doc->bold, size, text, 0) + 14;
    if (h + danach > room_left(doc)) pdfdoc_new_page(doc);
    else doc->y -= 10;
    HPDF_Outline o = pdfdoc_outline(doc, parent, text);
    if (out) *out = o;
    pdfdoc_paragraph(doc, doc->bold, size, text, 1);
    doc->y -= 4;
}

static void pdf_ruecklauf(struct pdfdoc *doc, const struct befragung_r *b)
{
    char z[64], p[64];
    static const struct pdftable_column cols3[] = { { "Angabe", 0.6 }, { "Anzahl", 0.2 }, { "Anteil in %", 0.2 } };
    static const struct pdftable_column cols2[] = { { "Angabe", 0.6 }, { "Anzahl", 0.4 } };
    const struct pdftable_column *cols = b->hat_ruecklauf ? cols3 : cols2;
    int ncols = b->hat_ruecklauf ? 3 : 2;
    const char *labels[12];
    char *zeilen[12][3];
    int n = 0;
#define ZEILE(l, anz, ant) do { zeilen[n][0] = xstrdup(l); zeilen[n][1] = xstrdup(anz); \
        zeilen[n][2] = xstrdup(ant); labels[n] = zeilen[n][0]; n++; } while (0)
    if (b->hat_ruecklauf) {
        static const char *const k[] = { "befragt", "geantwortet", "Fehlanzeige (nichts zu berichten)", "ohne Rückmeldung" };
        int v[] = { b->befragt, b->geantwortet, b->fehlanzeige, b->ohne };
        for (int i = 0; i < 4; i++) {
            format_zahl(z, sizeof z, v[i], 0);
            if (b->befragt > 0) format_zahl(p, sizeof p, 100.0 * v[i] / b->befragt, 1);
            else p[0] = '\0';
            ZEILE(k[i], z, p);
        }
        if (b->unbekannt > 0) {
            format_zahl(z, sizeof z, b->unbekannt, 0);
            ZEILE("Rückmeldungen nicht befragter Einheiten", z, "");
        }
    }
    ZEILE("Antwortbögen ausgewertet", format_zahl(z, sizeof z, b->befragte, 0), "");
    ZEILE("Antwortbögen wegen Fehlern nicht ausgewertet", format_zahl(z, sizeof z, b->uebersprungen, 0), "");
    ZEILE("Antwortdateien", format_zahl(z, sizeof z, b->dateien, 0), "");
#undef ZEILE
    ueberschrift(doc, NULL, NULL, 13, "Rücklauf", tabellen_hoehe(doc, cols, ncols, 9, labels, n) + 30);
    if (b->satz) absatz(doc, doc->regular, 10, 0, b->satz);
    doc->y -= 4;
    struct pdftable t;
    pdftable_init(&t, doc, cols, ncols, 9);
    pdftable_header(&t);
    for (int i = 0; i < n; i++) {
        pdftable_row(&t, (const char *const *)zeilen[i], NULL);
        for (int c = 0; c < 3; c++) free(zeilen[i][c]);
    }
    pdftable_end(&t);
    pdftable_free(&t);
    doc->y -= 4;
    if (!b->hat_ruecklauf)
        absatz(doc, doc->regular, 8.5, 0.3, "Wie viele befragt wurden, nennt der Fragebogen nicht (Abschnitt "
                                            "[ruecklauf]): keine Rücklaufquote.");
    if (b->neinheiten) {
        static const struct pdftable_column ec[] = { { "Befragte Einheit", 0.6 }, { "Rückmeldung", 0.4 } };
        doc->y -= 8;
        pdftable_init(&t, doc, ec, 2, 8.5);
        if (room_left(doc) < 60) pdfdoc_new_page(doc);
        pdftable_header(&t);
        for (int i = 0; i < b->neinheiten; i++) {
            const char *s = b->einheiten[i].status;
            const char *cells[2] = { b->einheiten[i].name, strcmp(s, "geantwortet") == 0 ? "geantwortet"
                                     : strcmp(s, "fehlanzeige") == 0 ? "Fehlanzeige" : "ohne Rückmeldung" };
            pdftable_row(&t, cells, NULL);
        }
        pdftable_end(&t);
        pdftable_free(&t);
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

static void pdf_frage(struct pdfdoc *doc, const struct befragung_r *b, const struct frage_r *f)
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
    struct pdftable_column cols4[] = { { ist(f, "likert") ? "Skalenstufe" : "Antwort", 0.55 }, { "Anzahl", 0.13 },
                                       { "Anteil in % der Befragten", 0.16 }, { "Anteil in % der Nennungen", 0.16 } };
    struct pdftable_column cols3[] = { { ist(f, "likert") ? "Skalenstufe" : "Antwort", 0.6 }, { "Anzahl", 0.2 },
                                       { "Anteil in %", 0.2 } };
    struct pdftable_column *cols = multi ? cols4 : cols3;
    int ncols = multi ? 4 : 3;
    const char *zeilen[48][4];
    const char *labels[48];
    char lab[4][200];
    int nz = 0;
    if (ist(f, "zahl")) {
        static const char *const k[] = { "Median", "Mittelwert", "Standardabweichung" };
        const struct wert *w[] = { &f->median, &f->mittelwert, &f->sd };
        cols3[1].titel = "Wert";
        cols3[2].titel = "";
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
    for (int i = 0; i < nz; i++) labels[i] = zeilen[i][0];
    legende_text(&l, b->schwelle, leg, sizeof leg);

    struct diagramm d;
    int mit_diagramm = diagramm_bauen(f, &d);
    double h_chart = mit_diagramm ? pdfchart_height(doc, &d.c) : 0;
    if (h_chart < 0) { mit_diagramm = 0; h_chart = 0; }
    double h_text = pdfdoc_paragraph(doc, doc->bold, 10, titel, 0) + 16 +
                    (f->stamm ? pdfdoc_paragraph(doc, doc->regular, 8.5, f->stamm, 0) : 0) +
                    pdfdoc_paragraph(doc, doc->regular, 8.5, hinweis, 0) +
                    pdfdoc_paragraph(doc, doc->regular, 8.5, nsatz, 0) +
                    (leg[0] ? pdfdoc_paragraph(doc, doc->regular, 8, leg, 0) + 4 : 0);
    double h_table = tabelle ? tabellen_hoehe(doc, cols, ncols, 8.5, labels, nz) : 0;
    double all = h_text + h_table + h_chart, need = h_text + h_table;
    if ((all > room_left(doc) && all <= page_room(doc)) || (need > room_left(doc) && need <= page_room(doc)))
        pdfdoc_new_page(doc);
    else
        doc->y -= 12;
    if (f->stamm) absatz(doc, doc->regular, 8.5, 0.3, f->stamm);
    absatz(doc, doc->bold, 10, 0, titel);
    doc->y -= 2;
    absatz(doc, doc->regular, 8.5, 0.3, hinweis);
    absatz(doc, doc->regular, 8.5, 0, nsatz);
    doc->y -= 4;
    if (tabelle) {
        struct pdftable t;
        pdftable_init(&t, doc, cols, ncols, 8.5);
        if (room_left(doc) < pdftable_start_height(&t, zeilen[0])) pdfdoc_new_page(doc);
        pdftable_header(&t);
        for (int i = 0; i < nz; i++) pdftable_row(&t, zeilen[i], NULL);
        pdftable_end(&t);
        pdftable_free(&t);
        doc->y -= 3;
    }
    if (leg[0]) absatz(doc, doc->regular, 8, 0.25, leg);
    if (!tabelle && b->freitexte && ist(f, "text") && f->n.st == GEHEIMHALTUNG_WERT && f->n.v > 0)
        absatz(doc, doc->regular, 8.5, 0.3, "Wortlaut der Antworten (geschwärzt) im Anhang „Offene Antworten“.");
    if (mit_diagramm) {
        doc->y -= 6;
        pdfchart_draw(doc, &d.c);
        if (d.fehlt && ist(f, "likert"))
            absatz(doc, doc->regular, 7.5, 0.3, "Stufen mit „.“ sind im Balken nicht enthalten; er zeigt das "
                                                "Verhältnis der ausgewiesenen Stufen (Anteile: Tabelle).");
        else if (d.fehlt)
            absatz(doc, doc->regular, 7.5, 0.3, "„k. A.“ im Diagramm: Anteil nicht ausgewiesen („.“).");
    }
    if (mit_diagramm) diagramm_free(&d);
}

static void pdf_kreuz(struct pdfdoc *doc, sqlite3 *db, const struct befragung_r *b, HPDF_Outline *anhang)
{
    const struct frage_r *v = frage_zu(b, b->kreuzvariable);
    if (!v || v->nopt + 2 > PDFTABLE_MAX_COLUMNS) return;
    sqlite3_stmt *q = store_prepare(db, "SELECT zeile, spalte, anzahl, status FROM befragung_kreuz"
                                        " WHERE befragung_id = ? AND frage = ? ORDER BY zeile, spalte");
    if (!q) return;
    char text[1400];
    snprintf(text, sizeof text, "Anhang: Kreuztabellen nach %s %s", v->code, v->text);
    pdfdoc_new_page(doc);
    *anhang = pdfdoc_outline(doc, NULL, text);
    pdfdoc_paragraph(doc, doc->bold, 13, text, 1);
    doc->y -= 4;
    absatz(doc, doc->regular, 8.5, 0.3, "Anzahl der Befragten, die beide Fragen gültig beantwortet haben; Spalte "
                                        "„Gesamt“ und Zeile „Gesamt“: alle Befragten der Zeile bzw. Spalte. Anteile "
                                        "in % der Spalte in der Arbeitsmappe (Blatt „Kreuztabellen“).");
    int nc = v->nopt + 2;
    struct pdftable_column cols[PDFTABLE_MAX_COLUMNS];
    cols[0].titel = "Antwort";
    cols[0].anteil = 0.28;
    for (int j = 0; j < v->nopt; j++) { cols[j + 1].titel = v->opt[j].text; cols[j + 1].anteil = 0.72 / (v->nopt + 1); }
    cols[nc - 1].titel = "Gesamt";
    cols[nc - 1].anteil = 0.72 / (v->nopt + 1);
    for (int i = 0; i < b->nfragen; i++) {
        const struct frage_r *f = &b->fragen[i];
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, b->id);
        store_bind_text(q, 2, f->code);
        if (sqlite3_step(q) != SQLITE_ROW) continue;
        int nr = f->nopt + 1;
        char ***zellen = xcalloc((size_t)nr, sizeof *zellen);
        for (int r = 0; r < nr; r++) {
            zellen[r] = xcalloc((size_t)nc, sizeof **zellen);
            zellen[r][0] = xstrdup(r < f->nopt ? f->opt[r].text : "Gesamt");
            for (int c = 1; c < nc; c++) zellen[r][c] = xstrdup("");
        }
        struct legende l = { 0 };
        char z[64];
        do {
            int zi = sqlite3_column_int(q, 0), sj = sqlite3_column_int(q, 1);
            if (zi < 1 || zi > nr || sj < 1 || sj >= nc) continue;
            struct wert a = wert_von(q, 2, 3);
            free(zellen[zi - 1][sj]);
            zellen[zi - 1][sj] = xstrdup(anzahl_text(&a, &l, z, sizeof z));
        } while (sqlite3_step(q) == SQLITE_ROW);
        const char **labels = xcalloc((size_t)nr, sizeof *labels);
        for (int r = 0; r < nr; r++) labels[r] = zellen[r][0];
        snprintf(text, sizeof text, "%s  %s", f->code, f->text);
        double need = pdfdoc_paragraph(doc, doc->bold, 9.5, text, 0) + 14 +
                      tabellen_hoehe(doc, cols, nc, 7.5, labels, nr) + 20;
        if (need > room_left(doc) && need <= page_room(doc)) pdfdoc_new_page(doc);
        else doc->y -= 10;
        absatz(doc, doc->bold, 9.5, 0, text);
        doc->y -= 3;
        struct pdftable t;
        pdftable_init(&t, doc, cols, nc, 7.5);
        for (int r = 0; r < nr; r++) pdftable_fit_row(&t, (const char *const *)zellen[r]);
        pdftable_header(&t);
        for (int r = 0; r < nr; r++) pdftable_row(&t, (const char *const *)zellen[r], NULL);
        pdftable_end(&t);
        pdftable_free(&t);
        char leg[600];
        if (legende_text(&l, b->schwelle, leg, sizeof leg)[0]) { doc->y -= 2; absatz(doc, doc->regular, 7.5, 0.25, leg); }
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) free(zellen[r][c]);
            free(zellen[r]);
        }
        free(zellen);
        free(labels);
    }
    sqlite3_finalize(q);
}

static void pdf_freitexte(struct pdfdoc *doc, sqlite3 *db, const struct befragung_r *b)
{
    sqlite3_stmt *q = store_prepare(db,
        "SELECT t.frage, t.option, coalesce(o.text, ''), t.text FROM befragung_freitext t"
        "  JOIN befragung_frage f ON f.befragung_id = t.befragung_id AND f.code = t.frage"
        "  LEFT JOIN befragung_option o ON o.befragung_id = t.befragung_id AND o.frage = t.frage AND o.code = t.option"
        " WHERE t.befragung_id = ? ORDER BY f.position, o.position, t.position");
    if (!q) return;
    sqlite3_bind_int64(q, 1, b->id);
    char frage[64] = "", option[64] = "", text[1600];
    int erste = 1;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (erste) {
            pdfdoc_new_page(doc);
            pdfdoc_outline(doc, NULL, "Anhang: Offene Antworten");
            pdfdoc_paragraph(doc, doc->bold, 13, "Anhang: Offene Antworten", 1);
            doc->y -= 4;
            absatz(doc, doc->regular, 8.5, 0.3, "Wortlaut der offenen Antworten, alphabetisch sortiert (die "
                                                "Reihenfolge lässt keinen Schluss auf einzelne Befragte zu). "
                                                "Namen, E-Mail-Adressen und Telefonnummern sind geschwärzt: "
                                                "[Name], [E-Mail], [Telefon].");
            erste = 0;
        }
        const char *fc = store_column_text(q, 0), *oc = store_column_text(q, 1);
        if (strcmp(fc, frage) != 0 || strcmp(oc, option) != 0) {
            snprintf(frage, sizeof frage, "%s", fc);
            snprintf(option, sizeof option, "%s", oc);
            const struct frage_r *f = frage_zu(b, fc);
            if (*oc) snprintf(text, sizeof text, "%s  %s – „%s“", fc, f ? f->text : "", store_column_text(q, 2));
            else snprintf(text, sizeof text, "%s  %s", fc, f ? f->text : "");
            double h = pdfdoc_paragraph(doc, doc->bold, 9.5, text, 0) + 30;
            if (h > room_left(doc)) pdfdoc_new_page(doc);
            else doc->y -= 8;
            absatz(doc, doc->bold, 9.5, 0, text);
            doc->y -= 2;
        }
        snprintf(text, sizeof text, "– %s", store_column_text(q, 3));
        absatz(doc, doc->regular, 9, 0, text);
    }
    sqlite3_finalize(q);
}

static int write_pdf(const struct ib_config *cfg, sqlite3 *db, const struct befragung_r *b, const char *datei,
                     const char *stand)
{
    struct pdfdoc doc;
    if (berichtpdf_open(cfg, &doc, HPDF_PAGE_PORTRAIT) != 0)
        return IB_EXIT_USAGE;
    const char *kommune = *b->kommune ? b->kommune : config_string(cfg, "bericht:kommune", "");
    char line[1400];
    pdfdoc_set_info(&doc, b->titel, kommune, "Auswertung der Befragung", "Integrationsbericht, Befragung, Rücklauf",
                    report_time());
    pdfdoc_new_page(&doc);
    snprintf(line, sizeof line, "%s%s%s", kommune, *kommune ? " · " : "",
             config_string(cfg, "bericht:titel", "Integrationsbericht"));
    absatz(&doc, doc.regular, 10, 0.3, line);
    doc.y -= 4;
    absatz(&doc, doc.bold, 17, 0, b->titel);
    doc.y -= 2;
    snprintf(line, sizeof line, "Auswertung · %s%s%s", stand, *b->quelle ? " · Fragebogen: " : "", b->quelle);
    absatz(&doc, doc.regular, 9, 0.3, line);
    doc.y -= 6;

    pdf_ruecklauf(&doc, b);

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
    ueberschrift(&doc, NULL, NULL, 13, "Hinweise zur Auswertung", 60);
    absatz(&doc, doc.regular, 9, 0, line);
    if (b->befragte == 0) {
        doc.y -= 8;
        absatz(&doc, doc.bold, 10, 0, "Es liegen keine auswertbaren Antworten vor.");
    }

    for (int a = 0; b->befragte > 0 && a < b->nabschnitte; a++) {
        const struct abschnitt_r *ab = &b->abschnitte[a];
        int fragen = 0;
        for (int i = 0; i < b->nfragen; i++)
            fragen += strcmp(b->fragen[i].abschnitt, ab->code) == 0 && !b->fragen[i].personal;
        if (!fragen) continue;
        snprintf(line, sizeof line, "%s%s%s", ab->code, *ab->titel ? " " : "", ab->titel);
        HPDF_Outline o;
        ueberschrift(&doc, NULL, &o, 13, line, 150);
        for (int i = 0; i < b->nfragen; i++) {
            const struct frage_r *f = &b->fragen[i];
            if (strcmp(f->abschnitt, ab->code) != 0 || f->personal) continue;
            pdf_frage(&doc, b, f);
        }
    }
    HPDF_Outline anhang = NULL;
    if (b->kreuzvariable && b->befragte > 0) pdf_kreuz(&doc, db, b, &anhang);
    if (b->freitexte && b->befragte > 0) pdf_freitexte(&doc, db, b);

    snprintf(line, sizeof line, "%s%s%s", kommune, *kommune ? " · " : "", b->titel);
    if (strlen(line) > 90) strcpy(line + 87, "…");
    pdfdoc_footers(&doc, stand, line);
    return berichtpdf_save_as(cfg, &doc, datei);
}

/* ---- the stage --------------------------------------------------------------------- */

/* file name: the configured one for a single survey, else with the questionnaire's name */
static char *dateiname(const struct ib_config *cfg, const char *key, const char *def, int mehrere,
                       const char *fragebogen)
{
    const char *name = config_string(cfg, key, def);
    if (!mehrere) return xstrdup(name);
    const char *punkt = strrchr(name, '.');
    size_t stamm = punkt ? (size_t)(punkt - name) : strlen(name);
    const char *fb = path_basename(fragebogen);
    const char *fp = strrchr(fb, '.');
    size_t fl = fp ? (size_t)(fp - fb) : strlen(fb);
    size_t size = stamm + fl + strlen(punkt ? punkt : "") + 2;
    char *out = xmalloc(size);
    snprintf(out, size, "%.*s_%.*s%s", (int)stamm, name, (int)fl, fb, punkt ? punkt : "");
    return out;
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    int da = store_count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'befragung'") > 0;
    sqlite3_stmt *q = da ? store_prepare(db, "SELECT id FROM befragung ORDER BY id") : NULL;
    long ids[64];
    int n = 0;
    while (q && sqlite3_step(q) == SQLITE_ROW && n < 64) ids[n++] = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (!n) {
        diag_info("keine Befragung im Datenbestand: keine Ausgabe");
        return IB_EXIT_OK;
    }
    char stand[64];
    if (!bericht_stand(cfg, NULL, stand, sizeof stand)) return IB_EXIT_USAGE;
    int rc = IB_EXIT_OK;
    for (int i = 0; i < n && rc == IB_EXIT_OK; i++) {
        struct befragung_r b;
        if (laden(db, ids[i], &b) != 0) {
            befragung_r_free(&b);
            return IB_EXIT_STORE;
        }
        char *x = dateiname(cfg, "befragung:xlsx", "befragung.xlsx", n > 1, b.fragebogen);
        char *p = dateiname(cfg, "befragung:pdf", "befragung.pdf", n > 1, b.fragebogen);
        rc = write_xlsx(cfg, db, &b, x, stand);
        if (rc == IB_EXIT_OK) rc = write_pdf(cfg, db, &b, p, stand);
        free(x);
        free(p);
        befragung_r_free(&b);
    }
    return rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-befragung", "Schreibt die Auswertung der Befragungen (XLSX und PDF).",
                      argc, argv, STORE_READ, render);
}
