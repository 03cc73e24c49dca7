/*
 * render_bericht.c — ibericht-render-bericht: the Integrationsbericht as one
 * composed document, and its committee editions.
 *
 * The template ([dokument] vorlage, templates/README.md) says which chapters
 * in which order, with which prose; this program fills the chapters that
 * show data from the store:
 *   massnahmen   the measures of the chapter's Handlungsfelder by
 *                Terminierung group; in a chapter without Handlungsfelder
 *                (the appendix) the whole chronological list
 *   indikatoren  the indicator sections (kapitel_indikatoren.c), for the
 *                chapter's indicator ids or all
 *   eingang      the deliveries per source and the Rücklauf
 *   statusberichte  status counts per Handlungsfeld and the overdue measures
 *   befragung    per survey the respondents and per question asked/answered
 *                (personal questions never; the full evaluation: befragung.pdf)
 *   legende      the table symbols of official statistics (DIN 55301)
 *   quellen      the deliveries the report is made from, with SHA-256
 * Title page, table of contents with page numbers and links, bookmarks,
 * running headers, „Seite x von y“ come from the document layer
 * (dokument.h).  out/integrationsbericht.pdf is the complete report; every
 * edition ([ausgabe:ID] of the template) becomes
 * out/integrationsbericht_ID.pdf, and every area edition ([dokument]
 * gebietsausgaben: area codes, or `alle` for every area with indicator
 * values — for a Landkreis its Städte and Gemeinden) the complete report
 * with the indicator chapters about that area,
 * out/integrationsbericht_gebiet_CODE.pdf.  The editions are rendered in
 * parallel processes ([dokument] prozesse, default the number of
 * processors).
 * Without [dokument] vorlage nothing is written.  Exit codes: 0, 2, 4, 5.
 */
#include "kapitel.h"
#include "lib/config.h"
#include "lib/berichtpdf.h"
#include "lib/diag.h"
#include "lib/dokument.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/umsetzung.h"
#include "lib/vorlage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct bericht {
    const struct ib_config *cfg;
    sqlite3 *db;
    struct kapitel_gebiete gebiete;
    const char *stand;             /* „Stand: TT.MM.JJJJ“ (bericht_stand) */
};

/* ---- drawing through the document layer (kapitel.h) ------------------- */

static void dok_tabelle_beginnen(void *ctx, struct pdftable *t, const struct pdftable_column *cols, int ncols,
                                 const char *const *erste)
{
    dokument_tabelle_beginnen(ctx, t, cols, ncols, erste);
}
static void dok_tabelle_beenden(void *ctx, struct pdftable *t) { dokument_tabelle_beenden(ctx, t); }
static int dok_diagramm(void *ctx, const struct pdfchart *c) { return dokument_diagramm(ctx, c); }
static void dok_anmerkung(void *ctx, const char *text) { dokument_anmerkung(ctx, text); }

static void ausgabe_fuer(struct kapitel_ausgabe *aus, struct dokument *d)
{
    aus->pdf = &d->pdf;
    aus->tabelle_beginnen = dok_tabelle_beginnen;
    aus->tabelle_beenden = dok_tabelle_beenden;
    aus->diagramm = dok_diagramm;
    aus->anmerkung = dok_anmerkung;
    aus->ctx = d;
}

/* ---- chapters ---------------------------------------------------------- */

static int kapitel_massnahmen(struct dokument *d, struct bericht *b, const struct vorlage_kapitel *k,
                              const struct vorlage_ausgabe *a)
{
    int alle = k->n_handlungsfelder == 0;
    sqlite3_stmt *q = store_prepare(b->db,
        "SELECT f.gruppe_jahr, g.label, m.handlungsfeld, m.teilziel, m.massnahme, m.terminierung_text, m.herkunft"
        "  FROM massnahme_folge f JOIN massnahme m ON m.id = f.massnahme_id JOIN gruppe g ON g.jahr = f.gruppe_jahr"
        " ORDER BY f.position");
    if (!q) return -1;
    static const struct pdftable_column cols_alle[] = {
        { "Handlungsfeld", 0.19 }, { "Teilziel", 0.23 }, { "Maßnahme", 0.46 }, { "Terminierung", 0.12 } };
    static const struct pdftable_column cols_feld[] = {
        { "Teilziel", 0.30 }, { "Maßnahme", 0.54 }, { "Terminierung", 0.16 } };
    struct pdftable t;
    int in_table = 0, gruppe = -1, n = 0, herkunft = 0;
    char prev_hf[1024] = "", prev_tz[1024] = "";
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *hf = store_column_text(q, 2);
        if (!vorlage_handlungsfeld_gilt(k, a, hf)) continue;
        const char *cells_all[4] = { hf, store_column_text(q, 3), store_column_text(q, 4), store_column_text(q, 5) };
        const char *const *cells = alle ? cells_all : cells_all + 1;
        int ncols = alle ? 4 : 3;
        int repeat[4] = { 0 };
        if (sqlite3_column_int(q, 0) != gruppe) {
            if (in_table) dokument_tabelle_beenden(d, &t);
            gruppe = sqlite3_column_int(q, 0);
            dokument_abschnitt(d, store_column_text(q, 1));
            dokument_tabelle_beginnen(d, &t, alle ? cols_alle : cols_feld, ncols, cells);
            in_table = 1;
            prev_hf[0] = prev_tz[0] = '\0';
        } else if (alle) {
            repeat[0] = hf[0] && strcmp(hf, prev_hf) == 0;
            repeat[1] = repeat[0] && cells[1][0] && strcmp(cells[1], prev_tz) == 0;
        } else {
            repeat[0] = cells[0][0] && strcmp(cells[0], prev_tz) == 0 && strcmp(hf, prev_hf) == 0;
        }
        t.row_fill = *store_column_text(q, 6) ? 0xDCEBFA : 0;        /* origin mark: highlighted */
        if (*store_column_text(q, 6)) herkunft++;
        pdftable_row(&t, cells, repeat);
        t.row_fill = 0;
        snprintf(prev_hf, sizeof prev_hf, "%s", hf);
        snprintf(prev_tz, sizeof prev_tz, "%s", store_column_text(q, 3));
        n++;
    }
    sqlite3_finalize(q);
    if (in_table) dokument_tabelle_beenden(d, &t);
    if (herkunft) {
        char legend[512];
        snprintf(legend, sizeof legend, "Blau hinterlegt: %s",
                 config_string(b->cfg, "massnahmen:herkunft_legende", "Ergänzung der Kommunalen Migrationsvertretung"));
        dokument_anmerkung(d, legend);
    }
    if (!n) dokument_absatz(d, "Im Datenbestand sind für dieses Kapitel keine Maßnahmen.");
    return 0;
}

/* The indicator sections of the chapter.  Without any, the readers get a
 * plain sentence; the configuration hint goes to the console (once, with
 * the full report: melden). */
static int kapitel_indikatoren(struct dokument *d, struct bericht *b, const struct vorlage_kapitel *k, int melden)
{
    sqlite3_stmt *q = store_prepare(b->db,
        "SELECT id, titel, einheit, quelle, hinweis, art, dezimalen, nicht_erhoben FROM katalog_indikator"
        " ORDER BY position");
    if (!q) return -1;
    struct kapitel_ausgabe aus;
    ausgabe_fuer(&aus, d);
    int n = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *id = store_column_text(q, 0);
        int wanted = k->n_indikatoren == 0;
        for (int i = 0; i < k->n_indikatoren && !wanted; i++) wanted = strcmp(k->indikatoren[i], id) == 0;
        if (!wanted) continue;
        struct kapitel_indikator ind = {
            xstrdup(id), xstrdup(store_column_text(q, 1)), xstrdup(store_column_text(q, 2)),
            xstrdup(store_column_text(q, 3)), xstrdup(store_column_text(q, 4)), xstrdup(store_column_text(q, 5)),
            sqlite3_column_int(q, 6), sqlite3_column_int(q, 7) };
        char title[1200];
        snprintf(title, sizeof title, "%s%s%s%s", ind.titel, *ind.einheit ? " (" : "", ind.einheit, *ind.einheit ? ")" : "");
        dokument_abschnitt(d, title);
        if (ind.nicht_erhoben) dokument_absatz(d, "Wird bisher nicht erhoben: für diesen Indikator liefert noch niemand Daten.");
        else kapitel_indikator_zeichnen(&aus, b->db, &b->gebiete, &ind, NULL);
        kapitel_indikator_free(&ind);
        n++;
    }
    sqlite3_finalize(q);
    if (!n) {
        dokument_absatz(d, "Für diesen Bericht liegen keine Indikatoren vor.");
        if (melden && !config_string(b->cfg, "indikatoren:katalog", NULL))
            diag_info("Hinweis: Kapitel „%s“ ohne Indikatoren — %s nennt keinen Katalog ([indikatoren] katalog)",
                      k->titel, b->cfg->path);
        else if (melden)
            diag_info("Hinweis: Kapitel „%s“ ohne Indikatoren — keiner der Vorlage (indikatoren) ist im Katalog "
                      "berechnet", k->titel);
    }
    return 0;
}

static int kapitel_eingang(struct dokument *d, struct bericht *b)
{
    sqlite3_stmt *q = store_prepare(b->db,
        "SELECT count(*), sum(status = 'geantwortet'), sum(status = 'fehlanzeige'), sum(status = 'ohne_rueckmeldung')"
        " FROM ruecklauf");
    if (q && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) > 0) {
        char ruecklauf[256], satz[300];
        format_ruecklauf(ruecklauf, sizeof ruecklauf, "Fachdienst", "Fachdiensten", sqlite3_column_int(q, 1),
                         sqlite3_column_int(q, 0), sqlite3_column_int(q, 2), sqlite3_column_int(q, 3));
        snprintf(satz, sizeof satz, "Rücklauf: %s.", ruecklauf);
        dokument_absatz(d, satz);
    }
    sqlite3_finalize(q);
    static const struct pdftable_column cols[] = {
        { "Quelle", 0.22 }, { "Fachdienst", 0.32 }, { "Status", 0.16 }, { "Dateien", 0.10 }, { "Zeilen/Werte", 0.20 } };
    q = store_prepare(b->db, "SELECT quelle, fachdienst, status, dateien, zeilen FROM eingang_quelle ORDER BY position");
    if (!q) return -1;
    struct pdftable t;
    int started = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        char z[32], f[32];
        format_zahl(f, sizeof f, sqlite3_column_double(q, 3), 0);
        format_zahl(z, sizeof z, sqlite3_column_double(q, 4), 0);
        const char *cells[5] = { store_column_text(q, 0), store_column_text(q, 1), store_column_text(q, 2), f, z };
        if (!started) { dokument_tabelle_beginnen(d, &t, cols, 5, cells); started = 1; }
        pdftable_row(&t, cells, NULL);
    }
    sqlite3_finalize(q);
    if (started) dokument_tabelle_beenden(d, &t);
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
static int kapitel_statusberichte(struct dokument *d, struct bericht *b, const struct vorlage_kapitel *k,
                                  const struct vorlage_ausgabe *a)
{
    static const struct pdftable_column cols[] = {
        { "Handlungsfeld", 0.24 }, { "Anzahl", 0.095 }, { "geplant", 0.095 }, { "in Umsetzung", 0.095 },
        { "umgesetzt", 0.095 }, { "verzögert", 0.095 }, { "entfallen", 0.095 }, { "ohne Bericht", 0.095 },
        { "überfällig", 0.095 } };
    sqlite3_stmt *q = store_prepare(b->db,
        "SELECT handlungsfeld, anzahl, geplant, in_umsetzung, umgesetzt, verzoegert, entfallen, ohne_bericht,"
        " ueberfaellig FROM status_uebersicht WHERE ebene = 'handlungsfeld' ORDER BY position");
    if (!q) return -1;
    /* the Handlungsfelder first, so the columns fit their words (pdftable.h) */
    const char *felder[9 * 64] = { 0 };
    char *feld_kopie[64];
    int nfelder = 0;
    while (nfelder < 64 && sqlite3_step(q) == SQLITE_ROW) {
        if (!vorlage_handlungsfeld_gilt(k, a, store_column_text(q, 0))) continue;
        feld_kopie[nfelder] = xstrdup(store_column_text(q, 0));
        felder[9 * nfelder] = feld_kopie[nfelder];      /* column 0 of row nfelder */
        nfelder++;
    }
    sqlite3_reset(q);
    struct pdftable t;
    int started = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (!vorlage_handlungsfeld_gilt(k, a, store_column_text(q, 0))) continue;
        char n[8][16];
        const char *cells[9] = { store_column_text(q, 0) };
        for (int c = 1; c <= 8; c++) {
            format_zahl(n[c - 1], sizeof n[0], sqlite3_column_double(q, c), 0);
            cells[c] = n[c - 1];
        }
        if (!started) { dokument_tabelle_beginnen_mit(d, &t, cols, 9, cells, felder, nfelder); started = 1; }
        pdftable_row(&t, cells, NULL);
    }
    sqlite3_finalize(q);
    for (int i = 0; i < nfelder; i++) free(feld_kopie[i]);
    if (started) dokument_tabelle_beenden(d, &t);
    else dokument_absatz(d, "Im Datenbestand sind keine Maßnahmen für dieses Kapitel.");

    static const struct pdftable_column ucols[] = {
        { "Maßnahme", 0.50 }, { "Terminierung", 0.14 }, { "Status", 0.16 }, { "Fachdienst", 0.20 } };
    q = store_prepare(b->db,
        "SELECT m.handlungsfeld, m.massnahme, m.terminierung_text, s.status, s.fachdienst"
        "  FROM massnahme_status s JOIN massnahme m ON m.id = s.massnahme_id"
        "  JOIN massnahme_folge f ON f.massnahme_id = m.id WHERE s.ueberfaellig = 1 ORDER BY f.position");
    if (!q) return -1;
    started = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (!vorlage_handlungsfeld_gilt(k, a, store_column_text(q, 0))) continue;
        const char *cells[4] = { store_column_text(q, 1), store_column_text(q, 2), status_wort(store_column_text(q, 3)),
                                 store_column_text(q, 4) };
        if (!started) {
            dokument_abschnitt(d, "Überfällige Maßnahmen");
            dokument_tabelle_beginnen(d, &t, ucols, 4, cells);
            started = 1;
        }
        pdftable_row(&t, cells, NULL);
    }
    sqlite3_finalize(q);
    if (started) dokument_tabelle_beenden(d, &t);
    dokument_anmerkung(d, "Überfällig: Terminierung abgelaufen und weder umgesetzt noch entfallen; "
                          "Quelle: Statusberichte und Rückmeldebögen der Fachdienste.");
    return 0;
}

/* Surveys: the Rücklauf and per question how many were asked and answered;
 * the full evaluation is out/befragung.pdf. */
static int kapitel_befragung(struct dokument *d, struct bericht *b)
{
    sqlite3_stmt *q = store_prepare(b->db, "SELECT id, titel, befragte, dateien FROM befragung ORDER BY id");
    if (!q) return -1;
    static const struct pdftable_column cols[] = {
        { "Frage", 0.10 }, { "Text", 0.60 }, { "gefragt", 0.15 }, { "Antworten (n)", 0.15 } };
    sqlite3_stmt *f = store_prepare(b->db,
        "SELECT code, text, gefragt, n, personenbezogen FROM befragung_frage WHERE befragung_id = ? ORDER BY position");
    int any = 0;
    while (f && sqlite3_step(q) == SQLITE_ROW) {
        any = 1;
        char line[600], befragte[48], lieferungen[48];
        snprintf(line, sizeof line, "%s: %s aus %s.", store_column_text(q, 1),
                 format_menge(befragte, sizeof befragte, sqlite3_column_int(q, 2), "Befragte", "Befragte"),
                 format_menge(lieferungen, sizeof lieferungen, sqlite3_column_int(q, 3), "Lieferung", "Lieferungen"));
        dokument_abschnitt(d, store_column_text(q, 1));
        dokument_absatz(d, line);
        sqlite3_reset(f);
        sqlite3_bind_int64(f, 1, sqlite3_column_int64(q, 0));
        struct pdftable t;
        int started = 0;
        while (sqlite3_step(f) == SQLITE_ROW) {
            if (sqlite3_column_int(f, 4)) continue;            /* personal questions are never shown */
            char g[16] = ".", n[16] = ".";
            if (sqlite3_column_type(f, 2) != SQLITE_NULL) format_zahl(g, sizeof g, sqlite3_column_double(f, 2), 0);
            if (sqlite3_column_type(f, 3) != SQLITE_NULL) format_zahl(n, sizeof n, sqlite3_column_double(f, 3), 0);
            const char *cells[4] = { store_column_text(f, 0), store_column_text(f, 1), g, n };
            if (!started) { dokument_tabelle_beginnen(d, &t, cols, 4, cells); started = 1; }
            pdftable_row(&t, cells, NULL);
        }
        if (started) dokument_tabelle_beenden(d, &t);
        dokument_anmerkung(d, "Die vollständige Auswertung mit Anteilen und Diagrammen steht in befragung.pdf; "
                              ". = Zahlenwert geheim zu halten (kleine Fallzahl).");
    }
    sqlite3_finalize(f);
    sqlite3_finalize(q);
    if (!any) dokument_absatz(d, "Im Datenbestand ist keine Befragung.");
    return 0;
}

static int kapitel_legende(struct dokument *d)
{
    static const struct pdftable_column cols[] = { { "Zeichen", 0.15 }, { "Bedeutung", 0.85 } };
    struct pdftable t;
    int started = 0;
    for (int s = 1; s < WERTE_SYMBOL_ANZAHL; s++) {
        const char *cells[2] = { werte_symbol_text((enum werte_symbol)s), werte_symbol_bedeutung((enum werte_symbol)s) };
        if (!started) { dokument_tabelle_beginnen(d, &t, cols, 2, cells); started = 1; }
        pdftable_row(&t, cells, NULL);
    }
    if (started) dokument_tabelle_beenden(d, &t);
    dokument_anmerkung(d, "Zeichen nach DIN 55301 und der Zeichenerklärung des Statistischen Bundesamtes.");
    return 0;
}

static int kapitel_quellen(struct dokument *d, struct bericht *b)
{
    static const struct pdftable_column cols[] = {
        { "Datei", 0.30 }, { "Quelle", 0.20 }, { "Fachdienst", 0.26 }, { "SHA-256 (Anfang)", 0.24 } };
    sqlite3_stmt *q = store_prepare(b->db,
        "SELECT name, quelle, fachdienst, substr(sha256, 1, 16) FROM source_file WHERE superseded_by IS NULL ORDER BY name");
    if (!q) return -1;
    dokument_abschnitt(d, "Verwendete Lieferungen");
    struct pdftable t;
    int started = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *cells[4] = { store_column_text(q, 0), store_column_text(q, 1), store_column_text(q, 2),
                                 store_column_text(q, 3) };
        if (!started) { dokument_tabelle_beginnen(d, &t, cols, 4, cells); started = 1; }
        pdftable_row(&t, cells, NULL);
    }
    sqlite3_finalize(q);
    if (started) dokument_tabelle_beenden(d, &t);
    else dokument_absatz(d, "Im Datenbestand ist keine Lieferung.");
    return 0;
}

static int fuellen(struct dokument *d, const struct vorlage *v, const struct vorlage_kapitel *k,
                   const struct vorlage_ausgabe *a, void *ctx)
{
    (void)v;
    struct bericht *b = ctx;
    switch (k->art) {
    case VORLAGE_ART_MASSNAHMEN: return kapitel_massnahmen(d, b, k, a);
    case VORLAGE_ART_INDIKATOREN: return kapitel_indikatoren(d, b, k, a == NULL);
    case VORLAGE_ART_EINGANG: return kapitel_eingang(d, b);
    case VORLAGE_ART_LEGENDE: return kapitel_legende(d);
    case VORLAGE_ART_QUELLEN: return kapitel_quellen(d, b);
    case VORLAGE_ART_STATUSBERICHTE: return kapitel_statusberichte(d, b, k, a);
    case VORLAGE_ART_BEFRAGUNG: return kapitel_befragung(d, b);
    default: return 0;
    }
}

/* ---- the run ----------------------------------------------------------- */

static int write_one(struct bericht *b, const struct vorlage *v, const struct vorlage_ausgabe *a)
{
    const struct ib_config *cfg = b->cfg;
    const char *base = config_string(cfg, "dokument:pdf", "integrationsbericht.pdf");
    char name[512];
    if (a) {
        const char *dot = strrchr(base, '.');
        int stem = dot ? (int)(dot - base) : (int)strlen(base);
        snprintf(name, sizeof name, "%.*s_%s%s", stem, base, a->id, dot ? dot : "");
    } else {
        snprintf(name, sizeof name, "%s", base);
    }
    char *target = path_join(cfg->out, name);
    struct dokument_ergebnis erg = { 0 };
    int rc = dokument_vorlage(v, a,
                              berichtpdf_font_regular(cfg), berichtpdf_font_fett(cfg),
                              b->stand, fuellen, b, target, &erg) == 0 ? IB_EXIT_OK : IB_EXIT_OUTPUT;
    char seiten[48], inhalt[48], durchgaenge[48];
    if (rc == IB_EXIT_OK)
        diag_info("%s geschrieben (%s, Inhaltsverzeichnis %s, %s)", target,
                  format_menge(seiten, sizeof seiten, erg.seiten, "Seite", "Seiten"),
                  format_menge(inhalt, sizeof inhalt, erg.inhalt_seiten, "Seite", "Seiten"),
                  format_menge(durchgaenge, sizeof durchgaenge, erg.durchgaenge, "Durchgang", "Durchgänge"));
    free(target);
    return rc;
}

/* One edition to render: a committee edition of the template, or an area
 * edition (the complete report about one area). */
struct auftrag {
    const struct vorlage_ausgabe *ausgabe;
    char *gebiet, *gebiet_name;          /* area editions */
    struct vorlage_ausgabe eigene;       /* the area edition's synthetic ausgabe */
};

/* The areas of [dokument] gebietsausgaben (codes, or alle: every area with
 * indicator values), with their names. */
static int gebietsausgaben(const struct ib_config *cfg, sqlite3 *db, const struct vorlage *v, struct auftrag **out)
{
    char **liste = config_list(cfg, "dokument:gebietsausgaben", "", NULL);
    int alle = liste[0] && strcmp(liste[0], "alle") == 0;
    sqlite3_stmt *q = store_prepare(db, alle
        ? "SELECT gebiet, max(gebiet_name) FROM indikator_wert WHERE gebiet <> '' GROUP BY gebiet ORDER BY gebiet"
        : "SELECT ?1, coalesce((SELECT max(gebiet_name) FROM indikator_wert WHERE gebiet = ?1), ?1)");
    int n = 0, cap = 8;
    struct auftrag *a = xcalloc((size_t)cap, sizeof *a);
    for (int i = 0; q && (alle || liste[i]); i++) {
        if (!alle) {
            sqlite3_reset(q);
            store_bind_text(q, 1, liste[i]);
        }
        while (sqlite3_step(q) == SQLITE_ROW) {
            if (n == cap) { cap *= 2; a = xrealloc(a, sizeof *a * (size_t)cap); }
            struct auftrag *t = &a[n++];
            memset(t, 0, sizeof *t);
            t->gebiet = xstrdup(store_column_text(q, 0));
            t->gebiet_name = xstrdup(store_column_text(q, 1));
            size_t len = strlen(t->gebiet) + 8;
            t->eigene.id = xmalloc(len);
            snprintf(t->eigene.id, len, "gebiet_%s", t->gebiet);
            len = strlen(v->titel) + strlen(t->gebiet_name) + 8;
            t->eigene.titel = xmalloc(len);
            snprintf(t->eigene.titel, len, "%s – %s", v->titel, t->gebiet_name);
            t->eigene.kapitel = xcalloc((size_t)(v->n_kapitel ? v->n_kapitel : 1), sizeof(int));
            for (int k = 0; k < v->n_kapitel; k++) t->eigene.kapitel[k] = k;
            t->eigene.n_kapitel = v->n_kapitel;
            t->eigene.handlungsfelder = xcalloc(1, sizeof(char *));     /* empty list: no restriction */
            if (!alle) break;
        }
        if (alle) break;
    }
    sqlite3_finalize(q);
    config_list_free(liste);
    *out = a;
    return n;
}

static void auftraege_free(struct auftrag *a, int n)
{
    for (int i = 0; i < n; i++) {
        free(a[i].gebiet);
        free(a[i].gebiet_name);
        free(a[i].eigene.id);
        free(a[i].eigene.titel);
        free(a[i].eigene.kapitel);
        free(a[i].eigene.handlungsfelder);
    }
    free(a);
}

/* Render one edition: an area edition reports on its own area first. */
static int write_auftrag(struct bericht *b, const struct vorlage *v, const struct auftrag *t)
{
    if (!t->gebiet) return write_one(b, v, t->ausgabe);
    struct bericht eigen = *b;
    eigen.gebiete.n = 0;
    eigen.gebiete.key[eigen.gebiete.n] = t->gebiet;
    eigen.gebiete.name[eigen.gebiete.n++] = t->gebiet_name;
    for (int i = 0; i < b->gebiete.n && eigen.gebiete.n < KAPITEL_MAX_GEBIETE; i++)
        if (i > 0) {                        /* the report area itself is replaced, comparisons stay */
            eigen.gebiete.key[eigen.gebiete.n] = b->gebiete.key[i];
            eigen.gebiete.name[eigen.gebiete.n++] = b->gebiete.name[i];
        }
    return write_one(&eigen, v, t->ausgabe);
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    const char *pfad = config_string(cfg, "dokument:vorlage", NULL);
    if (!pfad) return IB_EXIT_OK;
    /* a missing font is a configuration error (exit 2), found before any work */
    if (berichtpdf_fonts_readable(cfg) != 0) return IB_EXIT_USAGE;
    struct vorlage v;
    if (vorlage_load(pfad, &v) != 0) return IB_EXIT_USAGE;
    char stand[64];
    if (!bericht_stand(cfg, v.stand, stand, sizeof stand)) {
        vorlage_free(&v);
        return IB_EXIT_USAGE;
    }
    if (v.stand && !config_string(cfg, "bericht:stand", NULL))
        diag_warning("Vorlage %s: stand %s gilt nur für Titelblatt und Fußzeilen; „überfällig“ und die "
                     "übrigen Ausgaben rechnen mit dem Tag des Laufs — Stand in der Konfiguration setzen "
                     "([bericht] stand)", pfad, v.stand);
    struct bericht b = { cfg, db, { { 0 }, { 0 }, 0, NULL }, stand };
    kapitel_gebiete_laden(cfg, db, &b.gebiete);

    /* the editions: committee editions of the template, then area editions */
    struct auftrag *gebiete = NULL;
    int ngebiete = gebietsausgaben(cfg, db, &v, &gebiete);
    int n = v.n_ausgaben + ngebiete;
    struct auftrag *auftraege = xcalloc((size_t)(n ? n : 1), sizeof *auftraege);
    for (int i = 0; i < v.n_ausgaben; i++) auftraege[i].ausgabe = &v.ausgaben[i];
    for (int i = 0; i < ngebiete; i++) {
        auftraege[v.n_ausgaben + i] = gebiete[i];      /* strings shared, freed with gebiete */
        auftraege[v.n_ausgaben + i].ausgabe = &auftraege[v.n_ausgaben + i].eigene;
    }

    /* the full report here; the editions in up to `prozesse` child processes */
    int prozesse = config_int(cfg, "dokument:prozesse", (int)sysconf(_SC_NPROCESSORS_ONLN));
    if (prozesse < 1) prozesse = 1;
    int rc = write_one(&b, &v, NULL);
    int running = 0;
    for (int i = 0; rc == IB_EXIT_OK && i < n; i++) {
        if (prozesse == 1) { rc = write_auftrag(&b, &v, &auftraege[i]); continue; }
        if (running == prozesse) {
            int st;
            if (wait(&st) > 0) { running--; if (!WIFEXITED(st) || WEXITSTATUS(st)) rc = IB_EXIT_OUTPUT; }
        }
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            /* the child reads the store through its own connection */
            sqlite3 *own = store_open(cfg->store, STORE_READ);
            struct bericht cb = { cfg, own, b.gebiete, b.stand };
            int r = own ? write_auftrag(&cb, &v, &auftraege[i]) : IB_EXIT_STORE;
            store_close(own);
            _exit(r);
        }
        if (pid < 0) rc = write_auftrag(&b, &v, &auftraege[i]);
        else running++;
    }
    while (running > 0) {
        int st;
        if (wait(&st) <= 0) break;
        running--;
        if (!WIFEXITED(st) || WEXITSTATUS(st)) {
            if (WIFSIGNALED(st)) diag_error("Ausgabe-Prozess durch Signal %d beendet", WTERMSIG(st));
            rc = IB_EXIT_OUTPUT;
        }
    }
    free(auftraege);
    auftraege_free(gebiete, ngebiete);
    kapitel_gebiete_free(&b.gebiete);
    vorlage_free(&v);
    return rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-render-bericht", "Schreibt den Integrationsbericht und seine Ausschuss-Ausgaben.",
                      argc, argv, STORE_READ, render);
}
