/*
 * befragung.c — compute part for surveys: the evaluation of every survey
 * in the store, with the survey library (befragung.h), into the derived
 * tables befragung, befragung_einheit, befragung_abschnitt, befragung_frage,
 * befragung_option, befragung_kreuz and befragung_freitext (schema.sql).
 *
 * A survey is one questionnaire: the `fragebogen` of the profiles of type
 * befragung (config/quellen.ini, in file order), and any other
 * questionnaire current answer files in the store name.  Its answers are
 * those of the current (not superseded) files; they are fed back into the
 * library row by row as ingest stored them (pseudonyms for ids, no personal
 * answers, free texts already redacted), so the library's rules apply
 * unchanged: filters, missing values, multiple responses on both bases,
 * Likert median/mean/top-2, cross-tabulations, Rücklauf.
 *
 * Publication rules: every count goes through the small-cell suppression
 * of the library (threshold [befragung] schwelle, default 3; zeros with
 * [befragung] nullen_schuetzen = ja); a suppressed number is stored as NULL
 * with its status, so no renderer can print it.  Personal questions are
 * listed (codebook: code, type, text) but never evaluated.  Open answers
 * are written only with [befragung] freitexte = ja.
 *
 * Configuration ([befragung] of the job): kreuztabelle (code of the column
 * variable, e.g. I.7 — Art der Einrichtung in Wesel's questionnaire; a
 * single, multi, likert or janein question that is not personal), schwelle,
 * nullen_schuetzen, freitexte.  Errors → IB_EXIT_USAGE.
 */
#include "compute.h"
#include "lib/befragung.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/quelle.h"
#include "lib/sha256.h"
#include "lib/store.h"
#include "lib/strmap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The ids fed back are pseudonyms already; this key only keeps respondents apart. */
static const char INTERN_SCHLUESSEL[] = "ibericht-compute: Befragte auseinanderhalten";

struct einstellungen {
    struct befragung_optionen opt;
    int freitexte;
    const char *kreuzvariable;     /* NULL = none */
};

static const char *status_name(enum geheimhaltung_status s)
{
    switch (s) {
    case GEHEIMHALTUNG_WERT: return "wert";
    case GEHEIMHALTUNG_PRIMAER: return "primaer";
    case GEHEIMHALTUNG_SEKUNDAER: return "sekundaer";
    case GEHEIMHALTUNG_UNBEKANNT: return "unbekannt";
    case GEHEIMHALTUNG_GESPERRT: return "gesperrt";
    case GEHEIMHALTUNG_UNSICHER: return "unsicher";
    case GEHEIMHALTUNG_SPAETER: return "spaeter";
    default: return "unbekannt";
    }
}

static void bind_status(sqlite3_stmt *st, int i, enum geheimhaltung_status s)
{
    store_bind_text(st, i, status_name(s));
}

/* a published number, else NULL */
static void bind_real(sqlite3_stmt *st, int i, double v, enum geheimhaltung_status s)
{
    if (s == GEHEIMHALTUNG_WERT && isfinite(v)) sqlite3_bind_double(st, i, v);
    else sqlite3_bind_null(st, i);
}

static void bind_anzahl(sqlite3_stmt *st, int i, double v, enum geheimhaltung_status s)
{
    if (s == GEHEIMHALTUNG_WERT && isfinite(v)) sqlite3_bind_int64(st, i, llround(v));
    else sqlite3_bind_null(st, i);
}

static void bind_basis(sqlite3_stmt *st, int i, int v)
{
    if (v >= 0) sqlite3_bind_int(st, i, v);
    else sqlite3_bind_null(st, i);
}

static int ja_nein(const struct ib_config *cfg, const char *key, int def, int *out)
{
    const char *v = config_string(cfg, key, NULL);
    if (!v) { *out = def; return 0; }
    if (!strcasecmp(v, "ja") || !strcmp(v, "1") || !strcasecmp(v, "true")) { *out = 1; return 0; }
    if (!strcasecmp(v, "nein") || !strcmp(v, "0") || !strcasecmp(v, "false")) { *out = 0; return 0; }
    diag_error("Konfiguration %s: [befragung] %s: „%s“ (ja oder nein)", cfg->path, strchr(key, ':') + 1, v);
    return -1;
}

static int einstellungen_lesen(const struct ib_config *cfg, struct einstellungen *e)
{
    memset(e, 0, sizeof *e);
    int bad = 0;
    const char *s = config_string(cfg, "befragung:schwelle", NULL);
    if (s) {
        char *end;
        long v = strtol(s, &end, 10);
        if (*end || v < 1 || v > 1000000) {
            diag_error("Konfiguration %s: [befragung] schwelle: „%s“ ist keine Zahl ab 1", cfg->path, s);
            bad = 1;
        } else {
            e->opt.schwelle = (unsigned)v;
        }
    }
    if (!e->opt.schwelle) e->opt.schwelle = GEHEIMHALTUNG_SCHWELLE_STANDARD;
    bad |= ja_nein(cfg, "befragung:nullen_schuetzen", 0, &e->opt.nullen_schuetzen) != 0;
    bad |= ja_nein(cfg, "befragung:freitexte", 0, &e->freitexte) != 0;
    e->kreuzvariable = config_string(cfg, "befragung:kreuztabelle", NULL);
    return bad ? -1 : 0;
}

/* ---- the surveys to evaluate ---------------------------------------------------- */

struct liste { char **v; int n; };

static void liste_dazu(struct liste *l, const char *s)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0) return;
    l->v = xrealloc(l->v, sizeof *l->v * (size_t)(l->n + 1));
    l->v[l->n++] = xstrdup(s);
}

static void liste_free(struct liste *l)
{
    for (int i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
}

static int befragungen(const struct ib_config *cfg, sqlite3 *db, struct liste *out)
{
    struct quellen qs;
    if (quellen_load(cfg, &qs) != 0) return IB_EXIT_USAGE;
    for (int i = 0; i < qs.count; i++)
        if (qs.items[i].typ == QUELLE_BEFRAGUNG) liste_dazu(out, quelle_string(&qs.items[i], "fragebogen", ""));
    quellen_free(&qs);
    sqlite3_stmt *q = store_prepare(db,
        "SELECT d.fragebogen FROM befragung_datei d JOIN source_file s ON s.id = d.source_file_id"
        " WHERE s.superseded_by IS NULL GROUP BY d.fragebogen ORDER BY min(s.id)");
    if (!q) return IB_EXIT_STORE;
    while (sqlite3_step(q) == SQLITE_ROW) liste_dazu(out, store_column_text(q, 0));
    sqlite3_finalize(q);
    return IB_EXIT_OK;
}

/* ---- answers from the store back into the library ----------------------------- */

struct spalten {
    int n;
    const char **namen;
    int *qcol;          /* per question: value column, -1 */
    int **ocol;         /* per question and option: multi cell */
    int **tcol;         /* per question and option: free text */
    int idcol, ecol;
};

static void spalten_bauen(const struct fragebogen *fb, struct spalten *s)
{
    memset(s, 0, sizeof *s);
    int cap = 2;
    for (int qi = 0; qi < fb->nfragen; qi++) cap += 1 + 2 * fb->fragen[qi].noptionen;
    s->namen = xcalloc((size_t)cap, sizeof *s->namen);
    s->qcol = xcalloc((size_t)fb->nfragen + 1, sizeof *s->qcol);
    s->ocol = xcalloc((size_t)fb->nfragen + 1, sizeof *s->ocol);
    s->tcol = xcalloc((size_t)fb->nfragen + 1, sizeof *s->tcol);
    s->idcol = s->n++;
    s->namen[s->idcol] = fb->id_spalte;
    s->ecol = -1;
    if (fb->ruecklauf.spalte) {
        if (strcasecmp(fb->ruecklauf.spalte, fb->id_spalte) == 0) s->ecol = s->idcol;
        else { s->ecol = s->n++; s->namen[s->ecol] = fb->ruecklauf.spalte; }
    }
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        s->qcol[qi] = -1;
        s->ocol[qi] = xcalloc((size_t)q->noptionen + 1, sizeof(int));
        s->tcol[qi] = xcalloc((size_t)q->noptionen + 1, sizeof(int));
        for (int o = 0; o < q->noptionen; o++) s->ocol[qi][o] = s->tcol[qi][o] = -1;
        if (q->personenbezogen) continue;
        if (q->spalte) { s->qcol[qi] = s->n; s->namen[s->n++] = q->spalte; }
        for (int o = 0; o < q->noptionen; o++) {
            if (q->optionen[o].spalte) { s->ocol[qi][o] = s->n; s->namen[s->n++] = q->optionen[o].spalte; }
            if (q->optionen[o].freitext_spalte) {
                s->tcol[qi][o] = s->n;
                s->namen[s->n++] = q->optionen[o].freitext_spalte;
            }
        }
    }
}

static void spalten_free(const struct fragebogen *fb, struct spalten *s)
{
    for (int qi = 0; qi < fb->nfragen; qi++) {
        free(s->ocol[qi]);
        free(s->tcol[qi]);
    }
    free(s->ocol);
    free(s->tcol);
    free(s->qcol);
    free(s->namen);
}

/*
 * For speed (1,3 million answer rows in the survey benchmark): the question
 * and option of a stored (frage, option) pair are looked up in a hash map
 * built once per questionnaire, instead of searching the questions and
 * options for every row.  The map holds the exact codes of the
 * questionnaire, with the indexes fragebogen_frage / frage_option_index give
 * for them; anything else (an answer file of an older questionnaire) takes
 * the slow path, so the result is the same.
 */
static void codes_bauen(const struct fragebogen *fb, struct strmap *m)
{
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        int fi = fragebogen_frage(fb, q->code);
        const struct frage *f = &fb->fragen[fi];
        size_t cl = strlen(q->code);
        char key[512];
        if (cl + 1 >= sizeof key) continue;
        memcpy(key, q->code, cl + 1);
        int64_t x;
        if (!strmap_get(m, key, cl + 1, &x)) strmap_put(m, key, cl + 1, (int64_t)fi << 16);
        for (int o = 0; o < q->noptionen; o++) {
            size_t ol = strlen(q->optionen[o].code);
            if (cl + 1 + ol >= sizeof key) continue;
            memcpy(key + cl + 1, q->optionen[o].code, ol);
            int fo = *q->optionen[o].code ? frage_option_index(f, q->optionen[o].code) : -1;
            if (!strmap_get(m, key, cl + 1 + ol, &x)) strmap_put(m, key, cl + 1 + ol, ((int64_t)fi << 16) | (fo + 1));
        }
    }
}

/* question (or -1) and option (or -1) of a stored pair, as fragebogen_frage and frage_option_index */
static int code_finden(const struct fragebogen *fb, const struct strmap *m, const char *frage, const char *option,
                       int *o)
{
    size_t fl = strlen(frage), ol = strlen(option);
    char key[512];
    int64_t x;
    if (fl + 1 + ol < sizeof key) {
        memcpy(key, frage, fl + 1);
        memcpy(key + fl + 1, option, ol);
        if (strmap_get(m, key, fl + 1 + ol, &x)) {
            *o = (int)(x & 0xffff) - 1;
            return (int)(x >> 16);
        }
    }
    int qi = fragebogen_frage(fb, frage);
    *o = qi >= 0 && *option ? frage_option_index(&fb->fragen[qi], option) : -1;
    return qi;
}

/* Load the current answers of questionnaire `pfad` into b.  Returns the
 * number of stored answers the questionnaire no longer knows, or -1. */
static long antworten_laden(sqlite3 *db, const char *pfad, const struct fragebogen *fb, struct befragung *b)
{
    struct spalten s;
    spalten_bauen(fb, &s);
    befragung_kopf(b, s.namen, s.n);
    struct strmap codes = { 0 };
    codes_bauen(fb, &codes);
    sqlite3_stmt *r = store_prepare(db,
        "SELECT b.id, b.pseudonym, b.einheit FROM befragung_befragter b"
        "  JOIN befragung_datei d ON d.source_file_id = b.source_file_id"
        "  JOIN source_file f ON f.id = b.source_file_id"
        " WHERE f.superseded_by IS NULL AND d.fragebogen = ? ORDER BY b.source_file_id, b.row_number");
    sqlite3_stmt *a = store_prepare(db,
        "SELECT frage, option, wert, freitext FROM befragung_antwort WHERE befragter_id = ?");
    long fremd = 0, zeile = 1;
    /* the cells of one respondent: offsets into one buffer reused for every
     * row (-1 = empty), instead of a heap copy per cell */
    long *zellen = xcalloc((size_t)s.n + 1, sizeof *zellen);
    const char **felder = xcalloc((size_t)s.n + 1, sizeof *felder);
    char *puffer = NULL;
    size_t plen = 0, pcap = 0;
#define ZELLE(c, t) do { size_t l_ = strlen(t); if (plen + l_ + 1 > pcap) { pcap = 2 * (plen + l_ + 1) + 4096; \
        puffer = xrealloc(puffer, pcap); } memcpy(puffer + plen, (t), l_ + 1); zellen[c] = (long)plen; plen += l_ + 1; } while (0)
    int ok = r && a;
    if (ok) store_bind_text(r, 1, pfad);
    while (ok && sqlite3_step(r) == SQLITE_ROW) {
        plen = 0;
        for (int c = 0; c < s.n; c++) zellen[c] = -1;
        ZELLE(s.idcol, store_column_text(r, 1));
        if (s.ecol >= 0) ZELLE(s.ecol, store_column_text(r, 2));
        sqlite3_reset(a);
        sqlite3_bind_int64(a, 1, sqlite3_column_int64(r, 0));
        while (sqlite3_step(a) == SQLITE_ROW) {
            const char *code = store_column_text(a, 1);
            int o;
            int qi = code_finden(fb, &codes, store_column_text(a, 0), code, &o);
            const struct frage *q = qi >= 0 ? &fb->fragen[qi] : NULL;
            if (!q || !*code) o = -1;
            const char *wert = sqlite3_column_type(a, 2) == SQLITE_NULL ? NULL : store_column_text(a, 2);
            const char *text = sqlite3_column_type(a, 3) == SQLITE_NULL ? NULL : store_column_text(a, 3);
            int vc = -1, tc = -1;
            const char *v = NULL;
            int wahl = q && q->typ != FRAGE_TEXT && q->typ != FRAGE_ZAHL;
            if (!q || q->personenbezogen || (wahl ? o < 0 : *code != '\0')) { fremd++; continue; }
            if (q->typ == FRAGE_MULTI) { vc = s.ocol[qi][o]; v = wert; tc = s.tcol[qi][o]; }
            else if (q->typ == FRAGE_TEXT) { vc = s.qcol[qi]; v = text; text = NULL; }
            else if (q->typ == FRAGE_ZAHL) { vc = s.qcol[qi]; v = wert; }
            else { vc = s.qcol[qi]; v = q->optionen[o].code; tc = s.tcol[qi][o]; }
            if (vc >= 0 && v) ZELLE(vc, v);
            if (tc >= 0 && text) ZELLE(tc, text);
        }
        for (int c = 0; c < s.n; c++) felder[c] = zellen[c] >= 0 ? puffer + zellen[c] : "";
        befragung_zeile(b, felder, s.n, ++zeile);
    }
#undef ZELLE
    free(puffer);
    free(felder);
    free(zellen);
    strmap_free(&codes);
    sqlite3_finalize(r);
    sqlite3_finalize(a);
    spalten_free(fb, &s);
    return ok ? fremd : -1;
}

/* ---- writing the derived tables ------------------------------------------------ */

/* „nur gefragt, wenn bei III.1 „gut“ oder „sehr gut“ gewählt wurde“ */
static void filter_satz(const struct fragebogen *fb, const struct frage *q, char *buf, size_t size)
{
    const struct frage *f = &fb->fragen[q->filter.frage];
    size_t n = (size_t)snprintf(buf, size, "nur gefragt, wenn bei %s ", f->code);
    for (int k = 0; k < q->filter.noptionen && n < size; k++) {
        const char *sep = k == 0 ? "" : k + 1 == q->filter.noptionen ? " oder " : ", ";
        n += (size_t)snprintf(buf + n, size - n, "%s„%s“", sep, f->optionen[q->filter.optionen[k]].text);
    }
    if (n < size) snprintf(buf + n, size - n, " gewählt wurde");
}

static char *spalten_text(const struct frage *q)
{
    size_t cap = 64, n = 0;
    char *s = xmalloc(cap);
    s[0] = '\0';
#define ADD(t) do { size_t l_ = strlen(t); if (n + l_ + 3 > cap) { cap = (n + l_ + 3) * 2; s = xrealloc(s, cap); } \
        n += (size_t)snprintf(s + n, cap - n, "%s%s", n ? ", " : "", t); } while (0)
    if (q->spalte) ADD(q->spalte);
    for (int o = 0; o < q->noptionen; o++) {
        if (q->optionen[o].spalte) ADD(q->optionen[o].spalte);
        if (q->optionen[o].freitext_spalte) ADD(q->optionen[o].freitext_spalte);
    }
#undef ADD
    return s;
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, const char *was)
{
    if (sqlite3_step(st) == SQLITE_DONE) return 0;
    store_error(db, was);
    return -1;
}

static int frage_schreiben(sqlite3 *db, sqlite3_int64 bid, int pos, const struct fragebogen *fb,
                           const struct frage *q, const struct befragung *b, const struct einstellungen *e,
                           sqlite3_stmt *fq, sqlite3_stmt *oq)
{
    struct befragung_haeufigkeit h = { 0 };
    int ausgewertet = !q->personenbezogen && befragung_haeufigkeit(b, q->code, &e->opt, &h) == BEFRAGUNG_OK;
    char satz[600];
    char *sp = spalten_text(q);
    sqlite3_reset(fq);
    sqlite3_clear_bindings(fq);
    sqlite3_bind_int64(fq, 1, bid);
    sqlite3_bind_int(fq, 2, pos);
    store_bind_text(fq, 3, q->code);
    store_bind_text(fq, 4, fb->abschnitte[q->abschnitt].code);
    store_bind_text(fq, 5, frage_typ_name(q->typ));
    store_bind_text(fq, 6, q->text);
    if (q->stamm) store_bind_text(fq, 7, q->stamm);
    if (q->hat_filter) {
        store_bind_text(fq, 8, q->filter.text);
        filter_satz(fb, q, satz, sizeof satz);
        store_bind_text(fq, 9, satz);
    }
    store_bind_text(fq, 10, sp);
    sqlite3_bind_int(fq, 11, q->personenbezogen);
    sqlite3_bind_int(fq, 12, q->intervall);
    if (ausgewertet) {
        sqlite3_bind_int(fq, 13, h.befragte);
        bind_basis(fq, 14, h.gefragt);
        bind_basis(fq, 15, h.nicht_gefragt);
        bind_basis(fq, 16, h.fehlend);
        bind_basis(fq, 17, h.ungueltig);
        bind_anzahl(fq, 18, h.gesamt.anzahl, h.gesamt.status);
        bind_status(fq, 19, h.gesamt.status);
        if (q->typ == FRAGE_MULTI) {
            bind_anzahl(fq, 20, h.nennungen.anzahl, h.nennungen.status);
            bind_status(fq, 21, h.nennungen.status);
        }
        if (q->typ == FRAGE_LIKERT || q->typ == FRAGE_ZAHL) {
            bind_real(fq, 22, h.median, h.median_status);
            bind_status(fq, 23, h.median_status);
            if (q->typ == FRAGE_ZAHL || q->intervall) {
                bind_real(fq, 24, h.mittelwert, h.mittelwert_status);
                bind_real(fq, 25, h.standardabweichung, h.mittelwert_status);
                bind_status(fq, 26, h.mittelwert_status);
            }
        }
        if (q->typ == FRAGE_LIKERT && q->noptionen >= 2) {
            bind_anzahl(fq, 27, h.top2.anzahl, h.top2.status);
            bind_status(fq, 28, h.top2.status);
            bind_real(fq, 29, h.top2.anteil, h.top2.anteil_status);
            bind_status(fq, 30, h.top2.anteil_status);
        }
    }
    int rc = step_done(db, fq, "Befragung: Frage");
    free(sp);
    for (int o = 0; rc == 0 && o < q->noptionen; o++) {
        const struct frage_option *op = &q->optionen[o];
        sqlite3_reset(oq);
        sqlite3_clear_bindings(oq);
        sqlite3_bind_int64(oq, 1, bid);
        store_bind_text(oq, 2, q->code);
        sqlite3_bind_int(oq, 3, o + 1);
        store_bind_text(oq, 4, op->code);
        store_bind_text(oq, 5, op->text);
        sqlite3_bind_int(oq, 6, op->freitext);
        if (ausgewertet && o < h.noptionen) {
            const struct befragung_zelle *z = &h.optionen[o];
            bind_anzahl(oq, 7, z->anzahl, z->status);
            bind_status(oq, 8, z->status);
            bind_real(oq, 9, z->anteil, z->anteil_status);
            bind_status(oq, 10, z->anteil_status);
            if (h.anteil_nennungen) {
                const struct befragung_zelle *n = &h.anteil_nennungen[o];
                bind_real(oq, 11, n->anteil, n->anteil_status);
                bind_status(oq, 12, n->anteil_status);
            }
        }
        rc = step_done(db, oq, "Befragung: Option");
    }
    if (ausgewertet) befragung_haeufigkeit_free(&h);
    return rc;
}

static int kreuz_schreiben(sqlite3 *db, sqlite3_int64 bid, const struct frage *q, const struct befragung *b,
                           const struct einstellungen *e, sqlite3_stmt *kq)
{
    struct befragung_kreuztabelle k;
    if (befragung_kreuztabelle(b, q->code, e->kreuzvariable, &e->opt, &k) != BEFRAGUNG_OK) return 0;
    int rc = 0;
    for (int i = 0; i < k.nzeilen && !rc; i++)
        for (int j = 0; j < k.nspalten && !rc; j++) {
            const struct befragung_zelle *z = &k.zellen[i * k.nspalten + j];
            sqlite3_reset(kq);
            sqlite3_bind_int64(kq, 1, bid);
            store_bind_text(kq, 2, q->code);
            sqlite3_bind_int(kq, 3, i + 1);
            sqlite3_bind_int(kq, 4, j + 1);
            bind_anzahl(kq, 5, z->anzahl, z->status);
            bind_status(kq, 6, z->status);
            bind_real(kq, 7, z->anteil, z->anteil_status);
            bind_status(kq, 8, z->anteil_status);
            rc = step_done(db, kq, "Befragung: Kreuztabelle");
        }
    befragung_kreuztabelle_free(&k);
    return rc;
}

static int freitexte_schreiben(sqlite3 *db, sqlite3_int64 bid, const struct frage *q, const char *option,
                               const struct befragung *b, sqlite3_stmt *tq)
{
    struct befragung_freitexte t;
    if (befragung_freitexte(b, q->code, option, &t) != BEFRAGUNG_OK) return 0;
    int rc = 0;
    for (size_t i = 0; i < t.n && !rc; i++) {
        sqlite3_reset(tq);
        sqlite3_bind_int64(tq, 1, bid);
        store_bind_text(tq, 2, q->code);
        store_bind_text(tq, 3, option ? option : "");
        sqlite3_bind_int64(tq, 4, (sqlite3_int64)i + 1);
        store_bind_text(tq, 5, t.texte[i]);
        rc = step_done(db, tq, "Befragung: Freitext");
    }
    befragung_freitexte_free(&t);
    return rc;
}

static int ruecklauf_schreiben(sqlite3 *db, sqlite3_int64 bid, const struct befragung *b)
{
    struct befragung_ruecklauf r;
    if (befragung_ruecklauf(b, &r) != BEFRAGUNG_OK) return 0;
    char satz[300];
    befragung_ruecklauf_satz(&r, satz, sizeof satz);
    sqlite3_stmt *u = store_prepare(db,
        "UPDATE befragung SET einheit = ?2, befragt = ?3, geantwortet = ?4, fehlanzeige = ?5,"
        " ohne_rueckmeldung = ?6, unbekannt = ?7, quote = ?8, satz = ?9 WHERE id = ?1");
    sqlite3_stmt *e = store_prepare(db,
        "INSERT INTO befragung_einheit(befragung_id, position, name, status) VALUES (?,?,?,?)");
    int rc = u && e ? 0 : -1;
    if (!rc) {
        sqlite3_bind_int64(u, 1, bid);
        store_bind_text(u, 2, r.einheit);
        sqlite3_bind_int(u, 3, r.befragt);
        sqlite3_bind_int(u, 4, r.geantwortet);
        sqlite3_bind_int(u, 5, r.fehlanzeige);
        sqlite3_bind_int(u, 6, r.ohne_rueckmeldung);
        sqlite3_bind_int(u, 7, r.unbekannt);
        if (isfinite(r.quote)) sqlite3_bind_double(u, 8, r.quote); else sqlite3_bind_null(u, 8);
        store_bind_text(u, 9, satz);
        rc = step_done(db, u, "Befragung: Rücklauf");
    }
    for (int i = 0; !rc && i < r.neinheiten; i++) {
        static const char *const st[] = { "ohne_rueckmeldung", "fehlanzeige", "geantwortet" };
        sqlite3_reset(e);
        sqlite3_bind_int64(e, 1, bid);
        sqlite3_bind_int(e, 2, i + 1);
        store_bind_text(e, 3, r.einheiten[i].name);
        store_bind_text(e, 4, st[r.einheiten[i].status]);
        rc = step_done(db, e, "Befragung: Rücklauf je Einheit");
    }
    sqlite3_finalize(u);
    sqlite3_finalize(e);
    befragung_ruecklauf_free(&r);
    return rc;
}

/* the column variable: 1 usable, 0 not in this questionnaire, -1 unusable (message printed) */
static int kreuzvariable_pruefen(const struct ib_config *cfg, const struct fragebogen *fb, const char *code)
{
    int k = fragebogen_frage(fb, code);
    if (k < 0) return 0;
    const struct frage *q = &fb->fragen[k];
    if (q->personenbezogen) {
        diag_error("Konfiguration %s: [befragung] kreuztabelle: Frage %s ist personenbezogen (%s) und wird nie"
                   " ausgewertet", cfg->path, code, fb->pfad);
        return -1;
    }
    if (q->typ == FRAGE_TEXT || q->typ == FRAGE_ZAHL) {
        diag_error("Konfiguration %s: [befragung] kreuztabelle: Frage %s ist vom Typ %s (nötig: single, multi,"
                   " likert oder janein)", cfg->path, code, frage_typ_name(q->typ));
        return -1;
    }
    return 1;
}

static int eine_befragung(const struct ib_config *cfg, sqlite3 *db, int position, const char *pfad,
                          const struct einstellungen *e0, int *kreuz_gefunden)
{
    struct fragebogen *fb = NULL;
    if (fragebogen_laden(pfad, &fb, NULL) != 0) {
        diag_error("Befragung: Fragebogen %s nicht auswertbar (Meldungen oben)", pfad);
        return IB_EXIT_USAGE;
    }
    struct einstellungen e = *e0;
    if (e.kreuzvariable) {
        int k = kreuzvariable_pruefen(cfg, fb, e.kreuzvariable);
        if (k < 0) { fragebogen_free(fb); return IB_EXIT_USAGE; }
        if (k == 0) {
            diag_warning("[befragung] kreuztabelle: Frage %s gibt es im Fragebogen %s nicht; keine Kreuztabellen"
                         " für diese Befragung", e.kreuzvariable, pfad);
            e.kreuzvariable = NULL;
        } else {
            *kreuz_gefunden = 1;
        }
    }
    /* the questionnaire changed after answers were read? */
    char sha[65] = "";
    long long size;
    sha256_file(pfad, sha, &size);
    sqlite3_stmt *q = store_prepare(db,
        "SELECT count(*), coalesce(sum(f.row_count), 0), coalesce(sum(f.rows_rejected), 0),"
        "       coalesce(sum(d.fragebogen_sha256 <> ?2), 0)"
        "  FROM befragung_datei d JOIN source_file f ON f.id = d.source_file_id"
        " WHERE f.superseded_by IS NULL AND d.fragebogen = ?1");
    if (!q) { fragebogen_free(fb); return IB_EXIT_STORE; }
    store_bind_text(q, 1, pfad);
    store_bind_text(q, 2, sha);
    int dateien = 0, uebersprungen = 0, geaendert = 0;
    if (sqlite3_step(q) == SQLITE_ROW) {
        dateien = sqlite3_column_int(q, 0);
        uebersprungen = sqlite3_column_int(q, 2);
        geaendert = sqlite3_column_int(q, 3);
    }
    sqlite3_finalize(q);
    if (geaendert)
        diag_warning("Befragung: Fragebogen %s wurde nach dem Einlesen von %d Antwortdatei(en) geändert; "
                     "ausgewertet wird nach dem heutigen Stand", pfad, geaendert);

    struct befragung *b = befragung_neu(fb, INTERN_SCHLUESSEL, sizeof INTERN_SCHLUESSEL - 1);
    long fremd = antworten_laden(db, pfad, fb, b);
    int rc = fremd < 0 ? IB_EXIT_STORE : IB_EXIT_OK;
    char zahl[32];
    if (fremd > 0)
        diag_warning("Befragung %s: %s gespeicherte Antworten passen nicht mehr zum Fragebogen (nicht ausgewertet)",
                     pfad, format_zahl(zahl, sizeof zahl, (double)fremd, 0));
    sqlite3_int64 bid = position;
    sqlite3_stmt *ins = rc ? NULL : store_prepare(db,
        "INSERT INTO befragung(id, fragebogen, titel, kommune, quelle, dateien, befragte, uebersprungen, schwelle,"
        " kreuzvariable, freitexte) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    if (!rc && !ins) rc = IB_EXIT_STORE;
    if (!rc) {
        sqlite3_bind_int64(ins, 1, bid);
        store_bind_text(ins, 2, pfad);
        store_bind_text(ins, 3, fb->titel ? fb->titel : "Befragung");
        store_bind_text(ins, 4, fb->kommune ? fb->kommune : "");
        store_bind_text(ins, 5, fb->quelle ? fb->quelle : "");
        sqlite3_bind_int(ins, 6, dateien);
        sqlite3_bind_int64(ins, 7, (sqlite3_int64)befragung_anzahl(b));
        sqlite3_bind_int(ins, 8, uebersprungen);
        sqlite3_bind_int(ins, 9, (int)e.opt.schwelle);
        if (e.kreuzvariable) store_bind_text(ins, 10, fb->fragen[fragebogen_frage(fb, e.kreuzvariable)].code);
        else sqlite3_bind_null(ins, 10);
        sqlite3_bind_int(ins, 11, e.freitexte);
        if (step_done(db, ins, "Befragung") != 0) rc = IB_EXIT_STORE;
    }
    sqlite3_finalize(ins);
    if (!rc && ruecklauf_schreiben(db, bid, b) != 0) rc = IB_EXIT_STORE;

    sqlite3_stmt *aq = rc ? NULL : store_prepare(db,
        "INSERT INTO befragung_abschnitt(befragung_id, position, code, titel, personenbezogen) VALUES (?,?,?,?,?)");
    sqlite3_stmt *fq = rc ? NULL : store_prepare(db,
        "INSERT INTO befragung_frage(befragung_id, position, code, abschnitt, typ, text, stamm, filter, filter_satz,"
        " spalten, personenbezogen, intervall, befragte, gefragt, nicht_gefragt, fehlend, ungueltig, n, n_status,"
        " nennungen, nennungen_status, median, median_status, mittelwert, standardabweichung, mittelwert_status,"
        " top2, top2_status, top2_anteil, top2_anteil_status)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,"
        "?27,?28,?29,?30)");
    sqlite3_stmt *oq = rc ? NULL : store_prepare(db,
        "INSERT INTO befragung_option(befragung_id, frage, position, code, text, freitext, anzahl, status, anteil,"
        " anteil_status, anteil_nennungen, anteil_nennungen_status) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
    sqlite3_stmt *kq = rc ? NULL : store_prepare(db,
        "INSERT INTO befragung_kreuz(befragung_id, frage, zeile, spalte, anzahl, status, anteil, anteil_status)"
        " VALUES (?,?,?,?,?,?,?,?)");
    sqlite3_stmt *tq = rc ? NULL : store_prepare(db,
        "INSERT INTO befragung_freitext(befragung_id, frage, option, position, text) VALUES (?,?,?,?,?)");
    if (!rc && !(aq && fq && oq && kq && tq)) rc = IB_EXIT_STORE;
    for (int a = 0; !rc && a < fb->nabschnitte; a++) {
        const struct fragebogen_abschnitt *ab = &fb->abschnitte[a];
        sqlite3_reset(aq);
        sqlite3_bind_int64(aq, 1, bid);
        sqlite3_bind_int(aq, 2, a + 1);
        store_bind_text(aq, 3, ab->code);
        store_bind_text(aq, 4, ab->titel ? ab->titel : "");
        sqlite3_bind_int(aq, 5, ab->personenbezogen);
        if (step_done(db, aq, "Befragung: Abschnitt") != 0) rc = IB_EXIT_STORE;
    }
    int kv = e.kreuzvariable ? fragebogen_frage(fb, e.kreuzvariable) : -1;
    for (int qi = 0; !rc && qi < fb->nfragen; qi++) {
        const struct frage *fr = &fb->fragen[qi];
        if (frage_schreiben(db, bid, qi + 1, fb, fr, b, &e, fq, oq) != 0) rc = IB_EXIT_STORE;
        if (fr->personenbezogen) continue;
        if (!rc && kv >= 0 && qi != kv && fr->typ != FRAGE_TEXT && fr->typ != FRAGE_ZAHL &&
            kreuz_schreiben(db, bid, fr, b, &e, kq) != 0)
            rc = IB_EXIT_STORE;
        if (!rc && e.freitexte && fr->typ == FRAGE_TEXT && freitexte_schreiben(db, bid, fr, NULL, b, tq) != 0)
            rc = IB_EXIT_STORE;
        for (int o = 0; !rc && e.freitexte && o < fr->noptionen; o++)
            if (fr->optionen[o].freitext && (fr->typ == FRAGE_SINGLE || fr->typ == FRAGE_MULTI) &&
                freitexte_schreiben(db, bid, fr, fr->optionen[o].code, b, tq) != 0)
                rc = IB_EXIT_STORE;
    }
    sqlite3_finalize(aq);
    sqlite3_finalize(fq);
    sqlite3_finalize(oq);
    sqlite3_finalize(kq);
    sqlite3_finalize(tq);
    char dateien_text[48];
    if (!rc) diag_info("Befragung %s: %s Befragte aus %s ausgewertet", pfad,
                       format_zahl(zahl, sizeof zahl, (double)befragung_anzahl(b), 0),
                       format_menge(dateien_text, sizeof dateien_text, dateien, "Datei", "Dateien"));
    befragung_free(b);
    fragebogen_free(fb);
    return rc;
}

int compute_befragung(const struct ib_config *cfg, sqlite3 *db)
{
    if (store_exec(db, "DELETE FROM befragung_freitext; DELETE FROM befragung_kreuz; DELETE FROM befragung_option;"
                       " DELETE FROM befragung_frage; DELETE FROM befragung_abschnitt;"
                       " DELETE FROM befragung_einheit; DELETE FROM befragung;") != 0)
        return IB_EXIT_STORE;
    struct einstellungen e;
    if (einstellungen_lesen(cfg, &e) != 0) return IB_EXIT_USAGE;
    struct liste l = { NULL, 0 };
    int rc = befragungen(cfg, db, &l);
    int kreuz_gefunden = 0;
    for (int i = 0; rc == IB_EXIT_OK && i < l.n; i++) rc = eine_befragung(cfg, db, i + 1, l.v[i], &e, &kreuz_gefunden);
    if (rc == IB_EXIT_OK && l.n && e.kreuzvariable && !kreuz_gefunden) {
        diag_error("Konfiguration %s: [befragung] kreuztabelle: Frage „%s“ gibt es in keinem Fragebogen",
                   cfg->path, e.kreuzvariable);
        rc = IB_EXIT_USAGE;
    }
    liste_free(&l);
    return rc;
}
