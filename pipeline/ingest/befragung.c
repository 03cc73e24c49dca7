/*
 * befragung.c — loader for dataset „befragung“: the answers of a survey as
 * a survey tool exports them (CSV or XLSX, read through tabelle.c), one row
 * per respondent, columns as fragebogen.h describes them („Answer data
 * columns“).  The profile names the questionnaire (`fragebogen =
 * config/befragung/wesel.ini`).
 *
 * Every row goes through the survey library (befragung.h): the respondent
 * id is pseudonymised at once (HMAC with the key from
 * IBERICHT_PSEUDONYM_SCHLUESSEL or [befragung] pseudonym_schluessel_datei /
 * pseudonym_schluessel of the job), and after the last row the answers are
 * validated (befragung_pruefen): unknown codes, two answers to a
 * single-choice question, answers although the filter excludes the
 * question, values outside the scale or range.  Such a problem is an error
 * of its row, named by pseudonym, question and value: with `zeilenfehler =
 * ueberspringen` the row is skipped (a warning) and the rest of the file
 * counts, otherwise the file is rejected (quarantine) with all problems in
 * the reason.  Header and reading problems (unknown or missing columns,
 * duplicate ids, free text without its option) are warnings.
 *
 * What is stored (schema.sql, befragung_*): the pseudonym, the Rücklauf
 * unit (its listed name, else a keyed pseudonym of it), and the answers to
 * the NON-personal questions; free texts are redacted before they are
 * stored (befragung_schwaerzen with the personal answers of every
 * respondent of the file).  Answers to personal questions (Wesel's section
 * I) are only held in memory for that redaction and never written.
 *
 * The validation messages are made once, after the last row (they need all
 * rows: the redaction of quoted values and duplicate ids), when tabelle.c
 * has already released the header — so a row error is skipped here as
 * ingest_error() would skip it (a warning with „Zeile übersprungen“,
 * rows_rejected counted).  Whether a row HAS an error only depends on the
 * row, so it is decided at once (befragung_fehlerhaft; checked against the
 * messages at the end) and the rows without errors are stored as they are
 * read, inside the file's transaction: a rejection at the end rolls them
 * back, so the file still counts all or nothing.  Only the answers with a
 * free text wait for the end (their redaction needs the personal answers of
 * every respondent).  This keeps no copy of the rows (10.000 × 160 cells in
 * the benchmark, bench/bench_befragung.sh).
 */
#include "ingest.h"
#include "lib/befragung.h"
#include "lib/diag.h"
#include "lib/sha256.h"
#include "lib/store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A data row as read: its number and whether befragung_pruefen will report
 * an error for it (decided at once with befragung_fehlerhaft; checked
 * against the messages after the last row). */
struct zeile_info {
    long row;
    unsigned char fehlerhaft, uebersprungen;
};

/* An answer with a free text, stored after the last row: the redaction needs
 * the personal answers of every respondent of the file. */
struct freitext_antwort {
    sqlite3_int64 befragter_id;
    const char *frage, *option;     /* codes of the questionnaire */
    const char *wert;               /* NULL or "1" (multi) */
    char *text;                     /* raw (trimmed), redacted when stored */
};

/* An answer without free text of the current row (strings: codes of the
 * questionnaire, st->zellen, or literals — valid until the row is stored). */
struct kurzantwort {
    const char *frage, *option, *wert;
};

/* rows per multi-row INSERT (5 parameters each) */
#define ANTWORTEN_JE_INSERT 64

struct state {
    struct fragebogen *fb;
    char *schluessel;
    size_t schluessellaenge;
    char fehler[600];           /* why the questionnaire or key is unusable ("" = fine) */
    struct befragung *b;
    int ncols;
    int *qcol;                  /* per question: column of its value (non-multi), -1 */
    int **ocol;                 /* per question and option: multi 0/1 column, -1 */
    int **tcol;                 /* per question and option: free-text column, -1 */
    int ecol;                   /* Rücklauf unit column, -1 */
    char *behalten;             /* per header column: 1 = stored (non-personal questions, the unit) */
    /* Rows are stored as they are read (inside the file's transaction: a
     * rejection at the end rolls them back), not kept until the end — the
     * copy of every cell of 10.000 rows cost more memory than the answers.
     * zellen/puffer: the trimmed kept cells of the current row, reused. */
    const char **zellen;        /* per header column: trimmed kept cell, or NULL */
    char *puffer;
    size_t puffergroesse;
    struct zeile_info *zeilen;
    size_t nzeilen, capzeilen;
    size_t nfehlerhaft;         /* rows with an error (befragung_fehlerhaft) */
    struct freitext_antwort *ft;
    size_t nft, capft;
    sqlite3_stmt *ins_befragter, *ins_antwort;
    /* the answers without free text of the current row, stored together (zeile_antworten) */
    struct kurzantwort *ka;
    size_t nka, capka;
    sqlite3_stmt *ins_mehrere[ANTWORTEN_JE_INSERT + 1];   /* INSERT of k rows, prepared when needed */
};

static char *trim_dup(const char *s)
{
    while (*s && isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    return xstrndup(s, n);
}

static struct state *state_of(struct ingest_file *f)
{
    if (f->state) return f->state;
    struct state *st = xcalloc(1, sizeof *st);
    st->ecol = -1;
    f->state = st;
    const char *pfad = quelle_string(f->quelle, "fragebogen", NULL);
    struct fragebogen_fehler fe = { 0 };
    if (!pfad) {
        snprintf(st->fehler, sizeof st->fehler, "Quellprofil [%s]: Schlüssel „fragebogen“ fehlt", f->quelle->id);
    } else if (fragebogen_laden(pfad, &st->fb, &fe) != 0) {
        snprintf(st->fehler, sizeof st->fehler, "Fragebogen %s ist fehlerhaft: %s%s", pfad,
                 fe.n ? fe.texte[0] : "nicht lesbar", fe.n > 1 ? " (und weitere Fehler)" : "");
    } else {
        char err[400];
        st->schluessel = befragung_schluessel(f->cfg, &st->schluessellaenge, err, sizeof err);
        if (!st->schluessel) snprintf(st->fehler, sizeof st->fehler, "%s", err);
        else st->b = befragung_neu(st->fb, st->schluessel, st->schluessellaenge);
    }
    fragebogen_fehler_free(&fe);
    return st;
}

/* 1 if name is the id column or a column of a question or option */
static int bekannte_spalte(const struct fragebogen *fb, const char *name)
{
    if (strcasecmp(name, fb->id_spalte) == 0) return 1;
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        if (q->spalte && strcasecmp(name, q->spalte) == 0) return 1;
        for (int o = 0; o < q->noptionen; o++)
            if (q->optionen[o].spalte && strcasecmp(name, q->optionen[o].spalte) == 0) return 1;
    }
    return 0;
}

static int is_header(struct ingest_file *f, const struct tabelle_zeile *z)
{
    struct state *st = state_of(f);
    if (!st->fb) return 0;
    int treffer = 0;
    for (int c = 0; c < z->ncells && treffer < 2; c++) {
        char *t = trim_dup(z->cells[c]);
        treffer += *t && bekannte_spalte(st->fb, t);
        free(t);
    }
    return treffer >= 2 || (treffer == 1 && z->ncells == 1);
}

/* first column (case-insensitive, trimmed) named name, or -1 */
static int spalte_von(const struct tabelle_kopf *h, const char *name)
{
    if (!name) return -1;
    for (int c = 0; c < h->ncols; c++)
        if (strcasecmp(h->names[c], name) == 0) return c;
    return -1;
}

static int header(struct ingest_file *f, const struct tabelle_kopf *h)
{
    struct state *st = state_of(f);
    if (st->fehler[0]) return ingest_error(f, 0, NULL, "%s", st->fehler);
    const struct fragebogen *fb = st->fb;
    st->ncols = h->ncols;
    befragung_kopf(st->b, (const char *const *)h->names, h->ncols);
    st->behalten = xcalloc((size_t)h->ncols + 1, 1);
    st->zellen = xcalloc((size_t)h->ncols + 1, sizeof *st->zellen);
    st->qcol = xcalloc((size_t)fb->nfragen + 1, sizeof *st->qcol);
    st->ocol = xcalloc((size_t)fb->nfragen + 1, sizeof *st->ocol);
    st->tcol = xcalloc((size_t)fb->nfragen + 1, sizeof *st->tcol);
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        st->ocol[qi] = xcalloc((size_t)q->noptionen + 1, sizeof(int));
        st->tcol[qi] = xcalloc((size_t)q->noptionen + 1, sizeof(int));
        st->qcol[qi] = spalte_von(h, q->spalte);
        for (int o = 0; o < q->noptionen; o++) {
            st->ocol[qi][o] = spalte_von(h, q->optionen[o].spalte);
            st->tcol[qi][o] = spalte_von(h, q->optionen[o].freitext_spalte);
        }
        if (q->personenbezogen) continue;      /* never kept, never stored */
        if (st->qcol[qi] >= 0) st->behalten[st->qcol[qi]] = 1;
        for (int o = 0; o < q->noptionen; o++) {
            if (st->ocol[qi][o] >= 0) st->behalten[st->ocol[qi][o]] = 1;
            if (st->tcol[qi][o] >= 0) st->behalten[st->tcol[qi][o]] = 1;
        }
    }
    st->ecol = spalte_von(h, fb->ruecklauf.spalte);
    if (st->ecol >= 0) st->behalten[st->ecol] = 1;

    char sha[65] = "";
    long long size;
    if (sha256_file(fb->pfad, sha, &size) != 0)
        return ingest_error(f, 0, NULL, "Fragebogen %s nicht lesbar", fb->pfad);
    sqlite3_stmt *d = store_prepare(f->db,
        "INSERT INTO befragung_datei(source_file_id, fragebogen, fragebogen_sha256, titel) VALUES (?,?,?,?)");
    st->ins_befragter = store_prepare(f->db,
        "INSERT INTO befragung_befragter(source_file_id, row_number, pseudonym, einheit) VALUES (?,?,?,?)");
    st->ins_antwort = store_prepare(f->db,
        "INSERT INTO befragung_antwort(befragter_id, frage, option, wert, freitext) VALUES (?,?,?,?,?)");
    int ok = d && st->ins_befragter && st->ins_antwort;
    if (ok) {
        sqlite3_bind_int64(d, 1, f->source_id);
        store_bind_text(d, 2, quelle_string(f->quelle, "fragebogen", ""));
        store_bind_text(d, 3, sha);
        store_bind_text(d, 4, fb->titel ? fb->titel : "");
        ok = sqlite3_step(d) == SQLITE_DONE;
    }
    sqlite3_finalize(d);
    if (!ok) return ingest_error(f, 0, NULL, "Datenbestand: %s", sqlite3_errmsg(f->db));
    return 0;
}

static int fehlend(const struct fragebogen *fb, const char *v)
{
    if (!v || !*v) return 1;
    for (int i = 0; i < fb->nfehlend; i++)
        if (strcmp(v, fb->fehlend[i]) == 0) return 1;
    return 0;
}

/* one answer row; the strings are bound SQLITE_STATIC (they outlive the step) */
static int antwort(struct ingest_file *f, sqlite3_int64 id, const char *frage, const char *option,
                   const char *wert, const char *freitext)
{
    struct state *st = f->state;
    sqlite3_stmt *a = st->ins_antwort;
    sqlite3_reset(a);
    sqlite3_bind_int64(a, 1, id);
    store_bind_static(a, 2, frage);
    store_bind_static(a, 3, option);
    if (wert) store_bind_static(a, 4, wert); else sqlite3_bind_null(a, 4);
    if (freitext) store_bind_static(a, 5, freitext); else sqlite3_bind_null(a, 5);
    if (sqlite3_step(a) == SQLITE_DONE) return 0;
    return ingest_error(f, 0, frage, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
}

/* an answer without free text, stored with the rest of its row (zeile_antworten) */
static void kurzantwort(struct state *st, const char *frage, const char *option, const char *wert)
{
    if (st->nka == st->capka) {
        st->capka = st->capka ? 2 * st->capka : 256;
        st->ka = xrealloc(st->ka, sizeof *st->ka * st->capka);
    }
    st->ka[st->nka++] = (struct kurzantwort){ frage, option, wert };
}

static int kurzantwort_cmp(const void *a, const void *b)
{
    const struct kurzantwort *x = a, *y = b;
    int c = strcmp(x->frage, y->frage);
    return c ? c : strcmp(x->option, y->option);
}

/* INSERT of k answer rows (k ≤ ANTWORTEN_JE_INSERT), prepared once */
static sqlite3_stmt *mehrere(struct ingest_file *f, size_t k)
{
    struct state *st = f->state;
    if (st->ins_mehrere[k]) return st->ins_mehrere[k];
    char *sql = xmalloc(120 + 16 * k);
    size_t n = (size_t)sprintf(sql, "INSERT INTO befragung_antwort(befragter_id, frage, option, wert, freitext) VALUES ");
    for (size_t i = 0; i < k; i++) n += (size_t)sprintf(sql + n, "%s(?,?,?,?,NULL)", i ? "," : "");
    st->ins_mehrere[k] = store_prepare(f->db, sql);
    free(sql);
    return st->ins_mehrere[k];
}

/*
 * The answers of one respondent without free text (about 130 per row of the
 * Wesel questionnaire, 1,3 million in the benchmark): sorted by the primary
 * key (frage, option) and stored with multi-row INSERTs.  For speed: one
 * statement step per 64 rows instead of one per row, and as the respondent's
 * id is new and the rows come in key order, SQLite appends to the end of the
 * WITHOUT ROWID table instead of searching the B-tree for every row.  The
 * stored rows are the same.  If a statement fails, its rows are stored one
 * by one (a failed statement changes nothing), so the message names the
 * failing question as before.
 */
static int zeile_antworten(struct ingest_file *f, sqlite3_int64 id)
{
    struct state *st = f->state;
    if (st->nka > 1) qsort(st->ka, st->nka, sizeof *st->ka, kurzantwort_cmp);
    int rc = 0;
    for (size_t i = 0; i < st->nka && !rc; i += ANTWORTEN_JE_INSERT) {
        size_t k = st->nka - i < ANTWORTEN_JE_INSERT ? st->nka - i : ANTWORTEN_JE_INSERT;
        sqlite3_stmt *m = mehrere(f, k);
        if (m) {
            sqlite3_reset(m);
            for (size_t j = 0; j < k; j++) {
                const struct kurzantwort *a = &st->ka[i + j];
                int p = (int)(4 * j);
                sqlite3_bind_int64(m, p + 1, id);
                store_bind_static(m, p + 2, a->frage);
                store_bind_static(m, p + 3, a->option);
                if (a->wert) store_bind_static(m, p + 4, a->wert); else sqlite3_bind_null(m, p + 4);
            }
            if (sqlite3_step(m) == SQLITE_DONE) continue;
            sqlite3_reset(m);
        }
        for (size_t j = 0; j < k && !rc; j++) {
            const struct kurzantwort *a = &st->ka[i + j];
            rc = antwort(f, id, a->frage, a->option, a->wert, NULL);
        }
    }
    st->nka = 0;
    return rc;
}

/* an answer with the free text in column c (if any): stored now without a
 * text, or kept for finish() (redaction) with it */
static int antwort_mit_text(struct ingest_file *f, sqlite3_int64 id, const char *frage, const char *option,
                            const char *wert, int c)
{
    struct state *st = f->state;
    const char *v = c >= 0 ? st->zellen[c] : NULL;
    if (fehlend(st->fb, v)) {
        kurzantwort(st, frage, option, wert);
        return 0;
    }
    if (st->nft == st->capft) {
        st->capft = st->capft ? 2 * st->capft : 256;
        st->ft = xrealloc(st->ft, sizeof *st->ft * st->capft);
    }
    struct freitext_antwort *t = &st->ft[st->nft++];
    t->befragter_id = id;
    t->frage = frage;
    t->option = option;
    t->wert = wert;
    t->text = xstrdup(v);
    return 0;
}

/* store one respondent (the current row, st->zellen): the unit and the
 * answers to the non-personal questions; free texts wait for finish() */
static int speichern(struct ingest_file *f, long zeile, const char *pseudonym)
{
    struct state *st = f->state;
    const struct fragebogen *fb = st->fb;
    sqlite3_stmt *b = st->ins_befragter;
    sqlite3_reset(b);
    sqlite3_bind_int64(b, 1, f->source_id);
    sqlite3_bind_int64(b, 2, zeile);
    store_bind_text(b, 3, pseudonym);
    char einheit[BEFRAGUNG_PSEUDONYM_GROESSE] = "";
    const char *e = NULL;
    if (fb->ruecklauf.spalte) {
        const char *v = st->ecol >= 0 && st->zellen[st->ecol] ? st->zellen[st->ecol] : "";
        for (int i = 0; i < fb->ruecklauf.nbefragt && !e; i++)
            if (strcasecmp(fb->ruecklauf.befragt[i], v) == 0) e = fb->ruecklauf.befragt[i];
        if (!e && *v) {
            /* not a listed unit: only a keyed pseudonym (case-insensitive, as the Rücklauf counts) */
            char *klein = xstrdup(v);
            for (char *p = klein; *p; p++) *p = (char)tolower((unsigned char)*p);
            befragung_pseudonym_bilden(st->schluessel, st->schluessellaenge, klein, einheit);
            free(klein);
            e = einheit;
        }
        if (!e) e = "";
    }
    if (e) store_bind_text(b, 4, e); else sqlite3_bind_null(b, 4);
    if (sqlite3_step(b) != SQLITE_DONE)
        return ingest_error(f, zeile, NULL, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
    sqlite3_int64 id = sqlite3_last_insert_rowid(f->db);
    int rc = 0;
    for (int qi = 0; qi < fb->nfragen && !rc; qi++) {
        const struct frage *q = &fb->fragen[qi];
        if (q->personenbezogen) continue;
        if (q->typ == FRAGE_MULTI) {
            for (int o = 0; o < q->noptionen && !rc; o++) {
                const char *v = st->ocol[qi][o] >= 0 ? st->zellen[st->ocol[qi][o]] : NULL;
                if (!v || (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)) continue;
                if (v[0] == '1') rc = antwort_mit_text(f, id, q->code, q->optionen[o].code, "1", st->tcol[qi][o]);
                else kurzantwort(st, q->code, q->optionen[o].code, "0");
            }
            continue;
        }
        const char *v = st->qcol[qi] >= 0 ? st->zellen[st->qcol[qi]] : NULL;
        if (fehlend(fb, v)) continue;
        if (q->typ == FRAGE_TEXT) {
            rc = antwort_mit_text(f, id, q->code, "", NULL, st->qcol[qi]);
        } else if (q->typ == FRAGE_ZAHL) {
            kurzantwort(st, q->code, "", v);
        } else {
            int o = frage_option_index(q, v);
            if (o < 0) continue;            /* invalid: the row is skipped or the file rejected */
            rc = antwort_mit_text(f, id, q->code, q->optionen[o].code, NULL, st->tcol[qi][o]);
        }
    }
    if (!rc) rc = zeile_antworten(f, id);
    st->nka = 0;
    return rc;
}

/* the kept cells of the row, trimmed, into st->zellen (one buffer, reused) */
static void zellen_behalten(struct state *st, const char *const *cells, int ncells)
{
    size_t noetig = 0;
    for (int c = 0; c < st->ncols && c < ncells; c++)
        if (st->behalten[c]) noetig += strlen(cells[c]) + 1;
    if (noetig > st->puffergroesse) {
        st->puffergroesse = 2 * noetig;
        st->puffer = xrealloc(st->puffer, st->puffergroesse);
    }
    char *p = st->puffer;
    for (int c = 0; c < st->ncols; c++) {
        st->zellen[c] = NULL;
        if (c >= ncells || !st->behalten[c]) continue;
        const char *s = cells[c];
        while (*s && isspace((unsigned char)*s)) s++;
        size_t n = strlen(s);
        while (n && isspace((unsigned char)s[n - 1])) n--;
        memcpy(p, s, n);
        p[n] = '\0';
        st->zellen[c] = p;
        p += n + 1;
    }
}

static int row(struct ingest_file *f, const struct tabelle_zeile *z)
{
    struct state *st = f->state;
    /* XLSX numbers come with a decimal point; the survey library reads German
     * notation.  Copies only when a number cell has a point (CSV: never). */
    char **kopie = NULL;
    for (int c = 0; z->typ && c < z->ncells; c++) {
        if (z->typ[c] != TABELLE_ZAHL || !strchr(z->cells[c], '.')) continue;
        if (!kopie) kopie = xcalloc((size_t)z->ncells + 1, sizeof *kopie);
        kopie[c] = xstrdup(z->cells[c]);
        for (char *p = kopie[c]; *p; p++)
            if (*p == '.') *p = ',';
    }
    const char **zellen = (const char **)z->cells;
    if (kopie) {
        zellen = xcalloc((size_t)z->ncells + 1, sizeof *zellen);
        for (int c = 0; c < z->ncells; c++) zellen[c] = kopie[c] ? kopie[c] : z->cells[c];
    }
    int rc = 0;
    if (befragung_zeile(st->b, zellen, z->ncells, z->row) == 1) {
        size_t i = befragung_anzahl(st->b) - 1;
        if (st->nzeilen == st->capzeilen) {
            st->capzeilen = st->capzeilen ? 2 * st->capzeilen : 256;
            st->zeilen = xrealloc(st->zeilen, sizeof *st->zeilen * st->capzeilen);
        }
        struct zeile_info *zi = &st->zeilen[st->nzeilen++];
        zi->row = z->row;
        zi->fehlerhaft = (unsigned char)befragung_fehlerhaft(st->b, i);
        zi->uebersprungen = 0;
        if (zi->fehlerhaft) st->nfehlerhaft++;
        /* a row with an error is never stored: skipped (zeilenfehler =
         * ueberspringen), or the file is rejected in finish() — then storing
         * the rest is wasted work, it is rolled back anyway */
        if (!zi->fehlerhaft && (f->quelle->zeilen_ueberspringen || !st->nfehlerhaft)) {
            zellen_behalten(st, zellen, z->ncells);
            rc = speichern(f, z->row, befragung_pseudonym(st->b, i));
            if (!rc) f->rows_accepted++;
        }
    }
    if (kopie) {
        for (int c = 0; c < z->ncells; c++) free(kopie[c]);
        free(kopie);
        free(zellen);
    }
    return rc;
}

/* the row with this row number (rows are in reading order), or NULL */
static struct zeile_info *zeile_zu(struct state *st, long zeile)
{
    size_t lo = 0, hi = st->nzeilen;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (st->zeilen[mid].row < zeile) lo = mid + 1;
        else hi = mid;
    }
    return lo < st->nzeilen && st->zeilen[lo].row == zeile ? &st->zeilen[lo] : NULL;
}

static int finish(struct ingest_file *f)
{
    struct state *st = f->state;
    if (!st || !st->b || f->error_set) return f->error_set ? 1 : 0;
    struct befragung_meldungen m;
    befragung_pruefen(st->b, &m);
    /* row errors: skipped rows, or the file's rejection with every problem */
    char grund[560] = "";
    size_t glen = 0;
    long erste_zeile = 0, nfehler = 0, weitere = 0;
    size_t fehlerzeilen = 0;
    char erste_frage[48] = "";
    for (size_t i = 0; i < m.n; i++) {
        const struct befragung_meldung *x = &m.m[i];
        const char *spalte = x->frage[0] ? x->frage : NULL;
        if (x->art == BM_UNBEKANNTE_EINHEIT && st->fb->ruecklauf.spalte &&
            strcasecmp(st->fb->ruecklauf.spalte, st->fb->id_spalte) == 0) {
            /* the unit is the id here: its value is not repeated in the message */
            ingest_warning(f, x->zeile, st->fb->ruecklauf.spalte, "%s: Einheit nicht in der Liste der Befragten"
                           " ([ruecklauf] befragt1 …) oder leer", x->befragter);
            continue;
        }
        if (x->schwere != DIAG_ERROR) {
            ingest_warning(f, x->zeile, spalte, "%s", x->text);
            continue;
        }
        /* the rows were stored or not by befragung_fehlerhaft: it must agree with the messages */
        struct zeile_info *k = zeile_zu(st, x->zeile);
        if (!k || !k->fehlerhaft) {
            befragung_meldungen_free(&m);
            f->rows_accepted = 0;
            return ingest_error(f, 0, NULL, "interner Fehler: Prüfung der Zeile %ld uneinheitlich", x->zeile);
        }
        if (!k->uebersprungen) {
            k->uebersprungen = 1;
            fehlerzeilen++;
            if (f->quelle->zeilen_ueberspringen) f->rows_rejected++;
        }
        if (f->quelle->zeilen_ueberspringen) {
            ingest_warning(f, x->zeile, spalte, "%s — Zeile übersprungen", x->text);
            continue;
        }
        if (nfehler++ == 0) {
            erste_zeile = x->zeile;
            snprintf(erste_frage, sizeof erste_frage, "%s", x->frage);
            glen = (size_t)snprintf(grund, sizeof grund, "%s", x->text);
        } else if (glen + strlen(x->text) + 40 < sizeof grund - 60) {
            glen += (size_t)snprintf(grund + glen, sizeof grund - glen, "; Zeile %ld: %s", x->zeile, x->text);
        } else {
            weitere++;
        }
    }
    befragung_meldungen_free(&m);
    if (fehlerzeilen != st->nfehlerhaft) {
        f->rows_accepted = 0;
        return ingest_error(f, 0, NULL, "interner Fehler: Prüfung der Zeilen uneinheitlich");
    }
    if (nfehler) {
        /* the rows stored so far are rolled back with the file: none accepted */
        f->rows_accepted = 0;
        if (weitere) snprintf(grund + glen, sizeof grund - glen, "; und %ld weitere Fehler", weitere);
        return ingest_error(f, erste_zeile, erste_frage[0] ? erste_frage : NULL, "%s", grund);
    }
    /* the free texts, redacted with the personal answers of every respondent */
    if (!st->nft) return 0;
    struct befragung_schwaerzung *sw = befragung_schwaerzung_aus(st->b);
    int rc = 0;
    for (size_t i = 0; i < st->nft && !rc; i++) {
        const struct freitext_antwort *t = &st->ft[i];
        char *g = befragung_schwaerzen(sw, t->text);
        rc = antwort(f, t->befragter_id, t->frage, t->option, t->wert, g);
        free(g);
    }
    befragung_schwaerzung_free(sw);
    return rc ? 1 : 0;
}

static void release(struct ingest_file *f)
{
    struct state *st = f->state;
    if (!st) return;
    for (size_t i = 0; i < st->nft; i++) free(st->ft[i].text);
    free(st->ft);
    free(st->zeilen);
    free(st->zellen);
    free(st->puffer);
    for (int qi = 0; st->fb && qi < st->fb->nfragen; qi++) {
        if (st->ocol) free(st->ocol[qi]);
        if (st->tcol) free(st->tcol[qi]);
    }
    free(st->ocol);
    free(st->tcol);
    free(st->qcol);
    free(st->behalten);
    sqlite3_finalize(st->ins_befragter);
    sqlite3_finalize(st->ins_antwort);
    for (int k = 0; k <= ANTWORTEN_JE_INSERT; k++) sqlite3_finalize(st->ins_mehrere[k]);
    free(st->ka);
    befragung_free(st->b);
    befragung_schluessel_free(st->schluessel, st->schluessellaenge);
    fragebogen_free(st->fb);
    free(st);
    f->state = NULL;
}

const struct loader befragung_loader = { is_header, header, row, finish, release, NULL };

int befragung_quellen_pruefen(const struct ib_config *cfg, const struct quellen *qs)
{
    int bad = 0, befragungen = 0;
    for (int i = 0; i < qs->count; i++) {
        const struct quelle *q = &qs->items[i];
        if (q->typ != QUELLE_BEFRAGUNG) continue;
        befragungen++;
        const char *pfad = quelle_string(q, "fragebogen", NULL);
        struct fragebogen *fb = NULL;
        struct fragebogen_fehler fe = { 0 };
        if (fragebogen_laden(pfad, &fb, &fe) != 0) {
            for (int k = 0; k < fe.n; k++) diag_error("Quellprofil [%s], fragebogen: %s", q->id, fe.texte[k]);
            bad = 1;
        }
        fragebogen_fehler_free(&fe);
        fragebogen_free(fb);
    }
    if (befragungen) {
        char err[400];
        size_t len = 0;
        char *key = befragung_schluessel(cfg, &len, err, sizeof err);
        if (!key) {
            diag_error("Befragungen (Konfiguration %s): %s", cfg->path, err);
            bad = 1;
        }
        befragung_schluessel_free(key, len);
    }
    return bad ? -1 : 0;
}
