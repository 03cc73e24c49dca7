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
 *   befragung    per survey the evaluation as in befragung.pdf: Rücklauf,
 *                per question its table and chart (personal questions never;
 *                the appendices stay in befragung.pdf)
 *   legende      the table symbols of official statistics (DIN 55301)
 *   quellen      the deliveries the report is made from, with SHA-256
 * Each chapter is built once as blocks of the document model (docmodel.h;
 * the measure list, the deliveries and the indicators by the same chapter
 * functions as the standalone PDFs, kapitel.h); title page, table of
 * contents with page numbers and links, bookmarks, running headers,
 * „Seite x von y“ and the tags come from the PDF writer (docpdf.h).  out/integrationsbericht.pdf is the complete report; every
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
#include "lib/docpdf.h"
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

/* ---- the run ----------------------------------------------------------- */

static int write_one(struct kapitel_bericht *b, const struct vorlage *v, const struct vorlage_ausgabe *a)
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
    /* the document: the template's chapters in order, each its prose, then its data */
    struct docmodel *m = docmodel_new();
    int rc = docmodel_vorlage(m, v, a, b->stand, kapitel_bericht_fuellen, b) == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    struct docpdf_result erg = { 0 };
    if (rc == IB_EXIT_OK)
        rc = docpdf_write(m, berichtpdf_font_regular(cfg), berichtpdf_font_fett(cfg), target, &erg) == 0
                 ? IB_EXIT_OK : IB_EXIT_OUTPUT;
    docmodel_free(m);
    char seiten[48], inhalt[48], durchgaenge[48];
    if (rc == IB_EXIT_OK)
        diag_info("%s geschrieben (%s, Inhaltsverzeichnis %s, %s)", target,
                  format_menge(seiten, sizeof seiten, erg.pages, "Seite", "Seiten"),
                  format_menge(inhalt, sizeof inhalt, erg.toc_pages, "Seite", "Seiten"),
                  format_menge(durchgaenge, sizeof durchgaenge, erg.passes, "Durchgang", "Durchgänge"));
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
static int write_auftrag(struct kapitel_bericht *b, const struct vorlage *v, const struct auftrag *t)
{
    if (!t->gebiet) return write_one(b, v, t->ausgabe);
    struct kapitel_bericht eigen = *b;
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

/*
 * Warn about the template's Handlungsfelder that match no data: the measure
 * and status chapters against the measures' Handlungsfelder, the indicator
 * chapters against the catalogue's (vorlage_handlungsfelder_pruefen).
 */
static void handlungsfelder_pruefen(const struct vorlage *v, sqlite3 *db)
{
    static const struct { const char *sql; enum vorlage_art art; const char *was; } pruefungen[] = {
        { "SELECT name FROM handlungsfeld WHERE name != ''", VORLAGE_ART_MASSNAHMEN, "keine Maßnahme" },
        { "SELECT name FROM handlungsfeld WHERE name != ''", VORLAGE_ART_STATUSBERICHTE, "keine Maßnahme" },
        { "SELECT titel FROM katalog_handlungsfeld", VORLAGE_ART_INDIKATOREN, "nicht im Indikatorenkatalog" },
    };
    for (size_t p = 0; p < sizeof pruefungen / sizeof *pruefungen; p++) {
        sqlite3_stmt *q = store_prepare(db, pruefungen[p].sql);
        if (!q) continue;
        int n = 0, cap = 16;
        char **namen = xcalloc((size_t)cap + 1, sizeof *namen);
        while (sqlite3_step(q) == SQLITE_ROW) {
            if (n == cap) { namen = xrealloc(namen, sizeof *namen * ((size_t)(cap *= 2) + 1)); }
            namen[n++] = xstrdup(store_column_text(q, 0));
        }
        namen[n] = NULL;
        sqlite3_finalize(q);
        vorlage_handlungsfelder_pruefen(v, pruefungen[p].art, (const char *const *)namen, n, pruefungen[p].was);
        for (int i = 0; i < n; i++) free(namen[i]);
        free(namen);
    }
}

static int render(const struct ib_config *cfg, sqlite3 *db)
{
    const char *pfad = config_string(cfg, "dokument:vorlage", NULL);
    if (!pfad) return IB_EXIT_OK;
    /* a missing font is a configuration error (exit 2), found before any work */
    if (berichtpdf_fonts_readable(cfg) != 0) return IB_EXIT_USAGE;
    struct vorlage v;
    if (vorlage_load(pfad, &v) != 0) return IB_EXIT_USAGE;
    handlungsfelder_pruefen(&v, db);
    char stand[64];
    if (!bericht_stand(cfg, v.stand, stand, sizeof stand)) {
        vorlage_free(&v);
        return IB_EXIT_USAGE;
    }
    if (v.stand && !config_string(cfg, "bericht:stand", NULL))
        diag_warning("Vorlage %s: stand %s gilt nur für Titelblatt und Fußzeilen; „überfällig“ und die "
                     "übrigen Ausgaben rechnen mit dem Tag des Laufs — Stand in der Konfiguration setzen "
                     "([bericht] stand)", pfad, v.stand);
    struct kapitel_bericht b = { cfg, db, { { 0 }, { 0 }, 0, NULL }, stand, 0 };
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
            struct kapitel_bericht cb = { cfg, own, b.gebiete, b.stand, 0 };
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
