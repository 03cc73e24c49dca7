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
 * PDF, A4 portrait: the survey chapter of kapitel_befragung.c (the same
 * one the Integrationsbericht shows) through the PDF writer (lib/docpdf.h):
 * the Rücklauf table first, notes on the evaluation, then per question the
 * text as asked, the table with n and a horizontal bar chart (Likert:
 * stacked 100 % with the scale as legend); the cross-tabulations and the
 * open answers (redacted, only with freitexte = ja) in appendices.
 * Bookmarks per section, footer with „Stand“ and „Seite x von y“, embedded
 * DejaVu fonts.
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
#include "kapitel_befragung.h"
#include "lib/config.h"
#include "lib/berichtpdf.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/geheimhaltung.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/umsetzung.h"
#include "lib/xlsxfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The survey data, the numbers as printed and the PDF chapter live in
 * kapitel_befragung.c (shared with the Integrationsbericht). */

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

/* the document: a title block and the survey chapter (kapitel_befragung.c) with its appendices */
static int write_pdf(const struct ib_config *cfg, sqlite3 *db, const struct befragung_r *b, const char *datei,
                     const char *stand)
{
    if (berichtpdf_fonts_readable(cfg) != 0) return IB_EXIT_USAGE;
    const char *kommune = *b->kommune ? b->kommune : config_string(cfg, "bericht:kommune", "");
    char sub[1400], fuss[1400];
    snprintf(sub, sizeof sub, "Auswertung · %s%s%s", stand, *b->quelle ? " · Fragebogen: " : "", b->quelle);
    snprintf(fuss, sizeof fuss, "%s%s%s", kommune, *kommune ? " · " : "", b->titel);
    if (strlen(fuss) > 90) strcpy(fuss + 87, "…");
    struct docmodel *m = docmodel_new();
    berichtpdf_frame(cfg, m, kommune, NULL, b->titel, sub, stand, fuss, "Auswertung der Befragung",
                     "Integrationsbericht, Befragung, Rücklauf");
    kapitel_befragung_auswertung(docmodel_chapter_add(m, NULL, 0), db, b, 1);
    int rc = berichtpdf_write(cfg, m, datei);
    docmodel_free(m);
    return rc;
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
