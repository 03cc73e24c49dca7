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
 * The validation runs once, after the last row (it needs all rows: the
 * redaction and duplicate ids), when tabelle.c has already released the
 * header — so a row error is skipped here as ingest_error() would skip it
 * (a warning with „Zeile übersprungen“, rows_rejected counted).
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

/* A data row as read, kept until the validation after the last row: only
 * the cells the store may receive (non-personal questions, the unit). */
struct kopie {
    long row;
    char pseudonym[BEFRAGUNG_PSEUDONYM_GROESSE];
    char **zellen;              /* per header column: trimmed copy, or NULL (not kept / absent) */
    int uebersprungen;
};

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
    char *behalten;             /* per header column: 1 = kept for the store */
    struct kopie *rows;
    size_t nrows, cap;
    sqlite3_stmt *ins_befragter, *ins_antwort;
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

static int row(struct ingest_file *f, const struct tabelle_zeile *z)
{
    struct state *st = f->state;
    /* XLSX numbers come with a decimal point; the survey library reads German notation */
    char **zellen = xcalloc((size_t)z->ncells + 1, sizeof *zellen);
    for (int c = 0; c < z->ncells; c++) {
        zellen[c] = xstrdup(z->cells[c]);
        if (z->typ && z->typ[c] == TABELLE_ZAHL)
            for (char *p = zellen[c]; *p; p++)
                if (*p == '.') *p = ',';
    }
    int neu = befragung_zeile(st->b, (const char *const *)zellen, z->ncells, z->row);
    if (neu == 1) {
        if (st->nrows == st->cap) {
            st->cap = st->cap ? 2 * st->cap : 64;
            st->rows = xrealloc(st->rows, sizeof *st->rows * st->cap);
        }
        struct kopie *k = &st->rows[st->nrows++];
        memset(k, 0, sizeof *k);
        k->row = z->row;
        snprintf(k->pseudonym, sizeof k->pseudonym, "%s",
                 befragung_pseudonym(st->b, befragung_anzahl(st->b) - 1));
        k->zellen = xcalloc((size_t)st->ncols + 1, sizeof *k->zellen);
        for (int c = 0; c < st->ncols && c < z->ncells; c++)
            if (st->behalten[c]) k->zellen[c] = trim_dup(zellen[c]);
    }
    for (int c = 0; c < z->ncells; c++) free(zellen[c]);
    free(zellen);
    return 0;
}

/* the kept row with this row number (rows are in reading order), or NULL */
static struct kopie *kopie_zu(struct state *st, long zeile)
{
    size_t lo = 0, hi = st->nrows;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (st->rows[mid].row < zeile) lo = mid + 1;
        else hi = mid;
    }
    return lo < st->nrows && st->rows[lo].row == zeile ? &st->rows[lo] : NULL;
}

static int fehlend(const struct fragebogen *fb, const char *v)
{
    if (!v || !*v) return 1;
    for (int i = 0; i < fb->nfehlend; i++)
        if (strcmp(v, fb->fehlend[i]) == 0) return 1;
    return 0;
}

static int antwort(struct ingest_file *f, sqlite3_int64 id, const char *frage, const char *option,
                   const char *wert, const char *freitext)
{
    struct state *st = f->state;
    sqlite3_stmt *a = st->ins_antwort;
    sqlite3_reset(a);
    sqlite3_bind_int64(a, 1, id);
    store_bind_text(a, 2, frage);
    store_bind_text(a, 3, option);
    if (wert) store_bind_text(a, 4, wert); else sqlite3_bind_null(a, 4);
    if (freitext) store_bind_text(a, 5, freitext); else sqlite3_bind_null(a, 5);
    if (sqlite3_step(a) == SQLITE_DONE) return 0;
    return ingest_error(f, 0, frage, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
}

/* the redacted text of column c of row k, NULL when empty */
static char *geschwaerzt(const struct state *st, const struct befragung_schwaerzung *sw, const struct kopie *k,
                         int c)
{
    const char *v = c >= 0 ? k->zellen[c] : NULL;
    return fehlend(st->fb, v) ? NULL : befragung_schwaerzen(sw, v);
}

/* store one respondent: the unit and the answers to the non-personal questions */
static int speichern(struct ingest_file *f, const struct kopie *k, const struct befragung_schwaerzung *sw)
{
    struct state *st = f->state;
    const struct fragebogen *fb = st->fb;
    sqlite3_stmt *b = st->ins_befragter;
    sqlite3_reset(b);
    sqlite3_bind_int64(b, 1, f->source_id);
    sqlite3_bind_int64(b, 2, k->row);
    store_bind_text(b, 3, k->pseudonym);
    char einheit[BEFRAGUNG_PSEUDONYM_GROESSE] = "";
    const char *e = NULL;
    if (fb->ruecklauf.spalte) {
        const char *v = st->ecol >= 0 && k->zellen[st->ecol] ? k->zellen[st->ecol] : "";
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
        return ingest_error(f, k->row, NULL, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
    sqlite3_int64 id = sqlite3_last_insert_rowid(f->db);
    int rc = 0;
    for (int qi = 0; qi < fb->nfragen && !rc; qi++) {
        const struct frage *q = &fb->fragen[qi];
        if (q->personenbezogen) continue;
        if (q->typ == FRAGE_MULTI) {
            for (int o = 0; o < q->noptionen && !rc; o++) {
                const char *v = st->ocol[qi][o] >= 0 ? k->zellen[st->ocol[qi][o]] : NULL;
                if (!v || (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)) continue;
                char *t = v[0] == '1' ? geschwaerzt(st, sw, k, st->tcol[qi][o]) : NULL;
                rc = antwort(f, id, q->code, q->optionen[o].code, v, t);
                free(t);
            }
            continue;
        }
        const char *v = st->qcol[qi] >= 0 ? k->zellen[st->qcol[qi]] : NULL;
        if (fehlend(fb, v)) continue;
        if (q->typ == FRAGE_TEXT) {
            char *t = befragung_schwaerzen(sw, v);
            rc = antwort(f, id, q->code, "", NULL, t);
            free(t);
        } else if (q->typ == FRAGE_ZAHL) {
            rc = antwort(f, id, q->code, "", v, NULL);
        } else {
            int o = frage_option_index(q, v);
            if (o < 0) continue;            /* invalid: the row was skipped or the file rejected */
            char *t = geschwaerzt(st, sw, k, st->tcol[qi][o]);
            rc = antwort(f, id, q->code, q->optionen[o].code, NULL, t);
            free(t);
        }
    }
    return rc;
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
        if (f->quelle->zeilen_ueberspringen) {
            ingest_warning(f, x->zeile, spalte, "%s — Zeile übersprungen", x->text);
            struct kopie *k = kopie_zu(st, x->zeile);
            if (k && !k->uebersprungen) {
                k->uebersprungen = 1;
                f->rows_rejected++;
            }
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
    if (nfehler) {
        if (weitere) snprintf(grund + glen, sizeof grund - glen, "; und %ld weitere Fehler", weitere);
        return ingest_error(f, erste_zeile, erste_frage[0] ? erste_frage : NULL, "%s", grund);
    }
    struct befragung_schwaerzung *sw = befragung_schwaerzung_aus(st->b);
    int rc = 0;
    for (size_t i = 0; i < st->nrows && !rc; i++) {
        if (st->rows[i].uebersprungen) continue;
        rc = speichern(f, &st->rows[i], sw);
        if (!rc) f->rows_accepted++;
    }
    befragung_schwaerzung_free(sw);
    return rc ? 1 : 0;
}

static void release(struct ingest_file *f)
{
    struct state *st = f->state;
    if (!st) return;
    for (size_t i = 0; i < st->nrows; i++) {
        for (int c = 0; c < st->ncols; c++) free(st->rows[i].zellen[c]);
        free(st->rows[i].zellen);
    }
    free(st->rows);
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
