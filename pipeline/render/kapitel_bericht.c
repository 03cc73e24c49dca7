/*
 * kapitel_bericht.c — the chapters of the Integrationsbericht that show
 * data from the store, as blocks of the document model: built once per
 * edition and written by both the PDF writer (render_bericht.c, docpdf.h)
 * and the HTML writer (render_html.c, htmldoc.h), so both editions show
 * the same content.  See kapitel.h (kapitel_bericht_fuellen) and
 * render_bericht.c for what each template art shows.
 */
#include "kapitel.h"
#include "kapitel_befragung.h"
#include "lib/config.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/store.h"
#include "lib/werte.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- chapters ---------------------------------------------------------- */

/* The indicator sections of the chapter.  Without any, the readers get a
 * plain sentence; the configuration hint goes to the console (once, with
 * the full report: melden). */
/* Does indicator id of Handlungsfeld hf belong to chapter k (its indikatoren, its handlungsfelder;
 * a name covers its „Name/…“ subfields; empty lists: all)? */
static int im_kapitel(const struct vorlage_kapitel *k, const char *id, const char *hf)
{
    int wanted = k->n_indikatoren == 0;
    for (int i = 0; i < k->n_indikatoren && !wanted; i++) wanted = strcmp(k->indikatoren[i], id) == 0;
    int im_feld = k->n_handlungsfelder == 0;
    for (int i = 0; i < k->n_handlungsfelder && !im_feld; i++) {
        size_t l = strlen(k->handlungsfelder[i]);
        im_feld = strncmp(hf, k->handlungsfelder[i], l) == 0 && (hf[l] == '\0' || hf[l] == '/');
    }
    return wanted && im_feld;
}

static int kapitel_indikatoren(struct docmodel_chapter *d, struct kapitel_bericht *b, const struct vorlage_kapitel *k, int melden)
{
    /* the chapter's indicators: those of its Handlungsfelder (a name covers its „Name/…“ subfields)
     * and, if listed, only those ids; with values (or a failed computation, which says why) one
     * section each, the others together in one table at the end */
    sqlite3_stmt *q = store_prepare(b->db,
        "SELECT i.id, i.titel, i.einheit, i.quelle, i.hinweis, i.art, i.dezimalen, i.nicht_erhoben, h.titel,"
        "       EXISTS (SELECT 1 FROM indikator_wert w WHERE w.indikator = i.id AND w.wert IS NOT NULL)"
        "       OR i.fehler IS NOT NULL"
        "  FROM katalog_indikator i LEFT JOIN katalog_handlungsfeld h ON h.position = i.handlungsfeld"
        " ORDER BY i.position");
    if (!q) return -1;
    int n = 0, ohne = 0;
    for (int runde = 0; runde < 2; runde++) {
        struct docmodel_table *t = NULL;
        sqlite3_reset(q);
        while (sqlite3_step(q) == SQLITE_ROW) {
            const char *id = store_column_text(q, 0);
            int daten = sqlite3_column_int(q, 9);
            if (!im_kapitel(k, id, store_column_text(q, 8)) || daten != (runde == 0)) continue;
            if (runde == 1) {   /* one coverage table of the indicators without data */
                if (!t) {
                    char line[64];
                    snprintf(line, sizeof line, "Indikatoren ohne Daten (%d)", ohne);
                    docmodel_heading(d, 2, line);
                    static const struct docmodel_column cols[] = { { "Indikator", 0.72, DOCMODEL_LEFT },
                                                                   { "Stand", 0.28, DOCMODEL_LEFT } };
                    t = docmodel_table(d, cols, 2);
                }
                const char *cells[2] = { store_column_text(q, 1), sqlite3_column_int(q, 7) ? "wird bisher nicht erhoben"
                                                                                            : "keine Daten geliefert" };
                docmodel_row(t, cells, 0, 0);
                n++;
                continue;
            }
            struct kapitel_indikator ind = {
                xstrdup(id), xstrdup(store_column_text(q, 1)), xstrdup(store_column_text(q, 2)),
                xstrdup(store_column_text(q, 3)), xstrdup(store_column_text(q, 4)), xstrdup(store_column_text(q, 5)),
                sqlite3_column_int(q, 6), sqlite3_column_int(q, 7) };
            char title[1200];
            snprintf(title, sizeof title, "%s%s%s%s", ind.titel, *ind.einheit ? " (" : "", ind.einheit, *ind.einheit ? ")" : "");
            docmodel_heading(d, 2, title);
            kapitel_indikator_zeichnen(d, b->db, &b->gebiete, &ind, NULL);
            kapitel_indikator_free(&ind);
            n++;
        }
        if (runde == 0) {   /* count the rest for the heading */
            sqlite3_reset(q);
            while (sqlite3_step(q) == SQLITE_ROW) {
                ohne += im_kapitel(k, store_column_text(q, 0), store_column_text(q, 8)) && !sqlite3_column_int(q, 9);
            }
        }
    }
    sqlite3_finalize(q);
    if (!n) {
        docmodel_paragraph(d, "Für diesen Bericht liegen keine Indikatoren vor.");
        if (melden && !config_string(b->cfg, "indikatoren:katalog", NULL))
            diag_info("Hinweis: Kapitel „%s“ ohne Indikatoren — %s nennt keinen Katalog ([indikatoren] katalog)",
                      k->titel, b->cfg->path);
        else if (melden)
            diag_info("Hinweis: Kapitel „%s“ ohne Indikatoren — keiner der Vorlage (indikatoren) ist im Katalog "
                      "berechnet", k->titel);
    }
    return 0;
}

static const char *status_wort(const char *s)
{
    if (!s || !*s) return "ohne Bericht";
    if (strcmp(s, "in_umsetzung") == 0) return "in Umsetzung";
    if (strcmp(s, "verzoegert") == 0) return "verzögert";
    return s;
}

/* Status of the measures: counts per Handlungsfeld, then the overdue ones. */
static int kapitel_statusberichte(struct docmodel_chapter *d, struct kapitel_bericht *b, const struct vorlage_kapitel *k,
                                  const struct vorlage_ausgabe *a)
{
    static const struct docmodel_column cols[] = {
        { "Handlungsfeld", 0.24, DOCMODEL_LEFT }, { "Anzahl", 0.095, DOCMODEL_RIGHT }, { "geplant", 0.095, DOCMODEL_RIGHT }, { "in Umsetzung", 0.095, DOCMODEL_RIGHT },
        { "umgesetzt", 0.095, DOCMODEL_RIGHT }, { "verzögert", 0.095, DOCMODEL_RIGHT }, { "entfallen", 0.095, DOCMODEL_RIGHT }, { "ohne Bericht", 0.095, DOCMODEL_RIGHT },
        { "überfällig", 0.095, DOCMODEL_RIGHT } };
    sqlite3_stmt *q = store_prepare(b->db,
        "SELECT handlungsfeld, anzahl, geplant, in_umsetzung, umgesetzt, verzoegert, entfallen, ohne_bericht,"
        " ueberfaellig FROM status_uebersicht WHERE ebene = 'handlungsfeld' ORDER BY position");
    if (!q) return -1;
    /* the columns fit the words of every Handlungsfeld (pdftable.h) */
    struct docmodel_table *t = NULL;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (!vorlage_handlungsfeld_gilt(k, a, store_column_text(q, 0))) continue;
        char n[8][16];
        const char *cells[9] = { store_column_text(q, 0) };
        for (int c = 1; c <= 8; c++) {
            format_zahl(n[c - 1], sizeof n[0], sqlite3_column_double(q, c), 0);
            cells[c] = n[c - 1];
        }
        if (!t) { t = docmodel_table(d, cols, 9); t->fit_rows = -1; }
        docmodel_row(t, cells, 0, 0);
    }
    sqlite3_finalize(q);
    if (!t) docmodel_paragraph(d, "Im Datenbestand sind keine Maßnahmen für dieses Kapitel.");

    static const struct docmodel_column ucols[] = {
        { "Maßnahme", 0.50, DOCMODEL_LEFT }, { "Terminierung", 0.14, DOCMODEL_LEFT }, { "Status", 0.16, DOCMODEL_LEFT }, { "Fachdienst", 0.20, DOCMODEL_LEFT } };
    q = store_prepare(b->db,
        "SELECT m.handlungsfeld, m.massnahme, m.terminierung_text, s.status, s.fachdienst"
        "  FROM massnahme_status s JOIN massnahme m ON m.id = s.massnahme_id"
        "  JOIN massnahme_folge f ON f.massnahme_id = m.id WHERE s.ueberfaellig = 1 ORDER BY f.position");
    if (!q) return -1;
    t = NULL;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (!vorlage_handlungsfeld_gilt(k, a, store_column_text(q, 0))) continue;
        const char *cells[4] = { store_column_text(q, 1), store_column_text(q, 2), status_wort(store_column_text(q, 3)),
                                 store_column_text(q, 4) };
        if (!t) {
            docmodel_heading(d, 2, "Überfällige Maßnahmen");
            t = docmodel_table(d, ucols, 4);
        }
        docmodel_row(t, cells, 0, 0);
    }
    sqlite3_finalize(q);
    docmodel_note(d, "Überfällig: Terminierung abgelaufen und weder umgesetzt noch entfallen; "
                          "Quelle: Statusberichte und Rückmeldebögen der Fachdienste.");
    return 0;
}

/* Surveys: per survey the evaluation as in befragung.pdf (kapitel_befragung.c:
 * Rücklauf, per question the table and the chart; personal questions never),
 * without its appendices (cross-tabulations, open answers: befragung.pdf). */
static int kapitel_befragung(struct docmodel_chapter *d, struct kapitel_bericht *b)
{
    int da = store_count(b->db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'befragung'") > 0;
    sqlite3_stmt *q = da ? store_prepare(b->db, "SELECT id FROM befragung ORDER BY id") : NULL;
    if (da && !q) return -1;
    int any = 0, rc = 0;
    while (q && rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
        struct befragung_r r;
        if (laden(b->db, sqlite3_column_int64(q, 0), &r) != 0) rc = -1;
        else {
            char befragte[48], lieferungen[48];
            docmodel_paragraph(d, docmodel_printf(d->model, "**%s**: %s aus %s.", r.titel,
                format_menge(befragte, sizeof befragte, r.befragte, "Befragte", "Befragte"),
                format_menge(lieferungen, sizeof lieferungen, r.dateien, "Lieferung", "Lieferungen")));
            rc = kapitel_befragung_auswertung(d, b->db, &r, 0);
            docmodel_note(d, "Kreuztabellen und offene Antworten: befragung.pdf.");
            any = 1;
        }
        befragung_r_free(&r);
    }
    sqlite3_finalize(q);
    if (!any && rc == 0) docmodel_paragraph(d, "Im Datenbestand ist keine Befragung.");
    return rc;
}

static int kapitel_legende(struct docmodel_chapter *d)
{
    static const struct docmodel_column cols[] = { { "Zeichen", 0.15, DOCMODEL_LEFT }, { "Bedeutung", 0.85, DOCMODEL_LEFT } };
    struct docmodel_table *t = docmodel_table(d, cols, 2);
    for (int s = 1; s < WERTE_SYMBOL_ANZAHL; s++) {
        const char *cells[2] = { werte_symbol_text((enum werte_symbol)s), werte_symbol_bedeutung((enum werte_symbol)s) };
        docmodel_row(t, cells, 0, 0);
    }
    docmodel_note(d, "Zeichen nach DIN 55301 und der Zeichenerklärung des Statistischen Bundesamtes.");
    return 0;
}

static int kapitel_quellen(struct docmodel_chapter *d, struct kapitel_bericht *b)
{
    static const struct docmodel_column cols[] = {
        { "Datei", 0.30, DOCMODEL_LEFT }, { "Quelle", 0.20, DOCMODEL_LEFT }, { "Fachdienst", 0.26, DOCMODEL_LEFT }, { "SHA-256 (Anfang)", 0.24, DOCMODEL_LEFT } };
    sqlite3_stmt *q = store_prepare(b->db,
        "SELECT name, quelle, fachdienst, substr(sha256, 1, 16) FROM source_file WHERE superseded_by IS NULL ORDER BY name");
    if (!q) return -1;
    docmodel_heading(d, 2, "Verwendete Lieferungen");
    struct docmodel_table *t = NULL;
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *cells[4] = { store_column_text(q, 0), store_column_text(q, 1), store_column_text(q, 2),
                                 store_column_text(q, 3) };
        if (!t) t = docmodel_table(d, cols, 4);
        docmodel_row(t, cells, 0, 0);
    }
    sqlite3_finalize(q);
    if (!t) docmodel_paragraph(d, "Im Datenbestand ist keine Lieferung.");
    return 0;
}

int kapitel_bericht_fuellen(struct docmodel_chapter *d, const struct vorlage *v, const struct vorlage_kapitel *k,
                   const struct vorlage_ausgabe *a, void *ctx)
{
    (void)v;
    struct kapitel_bericht *b = ctx;
    switch (k->art) {
    case VORLAGE_ART_MASSNAHMEN: return kapitel_massnahmenliste(d, b->cfg, b->db, k, a) < 0 ? -1 : 0;
    case VORLAGE_ART_INDIKATOREN: return kapitel_indikatoren(d, b, k, a == NULL && !b->ohne_hinweise);
    case VORLAGE_ART_EINGANG: {
        char satz[256];
        if (kapitel_eingang_ruecklauf(b->db, satz, sizeof satz) != 0) return -1;
        return kapitel_eingang(d, b->db, satz);
    }
    case VORLAGE_ART_LEGENDE: return kapitel_legende(d);
    case VORLAGE_ART_QUELLEN: return kapitel_quellen(d, b);
    case VORLAGE_ART_STATUSBERICHTE: return kapitel_statusberichte(d, b, k, a);
    case VORLAGE_ART_BEFRAGUNG: return kapitel_befragung(d, b);
    default: return 0;
    }
}
