/*
 * ingest.c — ibericht-ingest: inbox → store.
 *
 * Reads every file of the inbox that the [massnahmen] section claims
 * (`dateien`, a list of shell patterns), maps its header onto the fields of
 * a Maßnahme through the column synonyms, parses the Terminierung and
 * stores each row with its provenance.  One file is one transaction:
 * accepted whole or rejected whole.  A file already in the store (same
 * SHA-256) is skipped; a changed file under a known name supersedes the
 * earlier delivery.  Bad files are reported with file, row and column and
 * do not stop the others.
 *
 * Exit codes: 0 all files accepted (warnings allowed), 1 some rejected,
 * 2 usage/configuration, 3 inbox missing, 4 store unusable.
 */
#include "lib/config.h"
#include "lib/csvreader.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/sha256.h"
#include "lib/stage.h"
#include "lib/store.h"
#include "lib/terminierung.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fields of a Maßnahme the header is mapped onto. */
enum feld { F_HANDLUNGSFELD, F_TEILZIEL, F_MASSNAHME, F_TERMINIERUNG, F_VERANTWORTLICH, F_COUNT };

static const struct {
    const char *name;          /* field name = config key suffix */
    const char *synonyms;      /* default header synonyms */
} felder[F_COUNT] = {
    { "handlungsfeld", "handlungsfeld, handlungsfelder, themenfeld, themenfelder, bereich" },
    { "teilziel", "teilziel, teilziele, ziel, ziele, handlungsziel, integrationsziel" },
    { "massnahme", "maßnahme, maßnahmen, massnahme, massnahmen" },
    { "terminierung", "terminierung, zeitraum, zeitrahmen, frist, umsetzung bis, bis wann, zeitplan" },
    { "verantwortlich", "verantwortlich, verantwortlichkeit, zuständigkeit, zuständig, federführung" },
};

#define MAX_MESSAGES_SHOWN 20

struct message {
    long row;
    char *column;
    char *text;
};

struct file_job {
    const struct ib_config *cfg;
    sqlite3 *db;
    const char *display;            /* path as shown in messages */
    sqlite3_int64 source_id;
    sqlite3_stmt *ins_massnahme, *ins_attribut;
    const struct terminierung_optionen *topt;
    char **synonyms[F_COUNT];
    int required[F_COUNT];
    /* header */
    int ncols;
    char **header;
    int field_col[F_COUNT];         /* column index of each field, -1 = absent */
    /* results */
    long rows;
    struct message *warnings;
    int nwarnings, capwarnings;
    long warnings_total;
    char error[600];                /* first error: the file is rejected */
};

/* Header text folded for comparison: lower case, ä→ae ö→oe ü→ue ß→ss, blanks collapsed. */
static void fold(const char *s, char *out, size_t size)
{
    size_t n = 0;
    int blank = 1;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 3 < size; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '_') {
            if (!blank) out[n++] = ' ';
            blank = 1;
            continue;
        }
        blank = 0;
        if (p[0] == 0xC3 && p[1]) {
            const char *rep = NULL;
            switch (p[1]) {
            case 0xA4: case 0x84: rep = "ae"; break;
            case 0xB6: case 0x96: rep = "oe"; break;
            case 0xBC: case 0x9C: rep = "ue"; break;
            case 0x9F: rep = "ss"; break;
            }
            if (rep) { out[n++] = rep[0]; out[n++] = rep[1]; p++; continue; }
        }
        out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    }
    while (n && out[n - 1] == ' ') n--;
    out[n] = '\0';
}

static void add_warning(struct file_job *job, long row, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add_warning(struct file_job *job, long row, const char *column, const char *fmt, ...)
{
    char text[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    job->warnings_total++;
    if (job->nwarnings == 1000) return;     /* bounded: the count stays exact */
    if (job->nwarnings == job->capwarnings) {
        job->capwarnings = job->capwarnings ? job->capwarnings * 2 : 16;
        job->warnings = xrealloc(job->warnings, sizeof(struct message) * (size_t)job->capwarnings);
    }
    struct message *m = &job->warnings[job->nwarnings++];
    m->row = row;
    m->column = column ? xstrdup(column) : NULL;
    m->text = xstrdup(text);
}

static int set_error(struct file_job *job, long row, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int set_error(struct file_job *job, long row, const char *column, const char *fmt, ...)
{
    struct diag_where w = { job->display, NULL, row, column };
    va_list ap;
    va_start(ap, fmt);
    diag_format(job->error, sizeof job->error, &w, fmt, ap);
    va_end(ap);
    return 1;   /* stops the reader */
}

static int map_header(struct file_job *job, const struct csvrow *row)
{
    char folded[256], syn[256];
    job->ncols = row->nfields;
    job->header = xcalloc((size_t)row->nfields, sizeof(char *));
    for (int c = 0; c < row->nfields; c++) {
        job->header[c] = xstrdup(row->fields[c]);
        if (!utf8_valid(row->fields[c], row->lens[c], NULL))
            return set_error(job, 1, NULL, "Kopfzeile, Spalte %d: kein gültiges UTF-8", c + 1);
    }
    for (int f = 0; f < F_COUNT; f++) {
        job->field_col[f] = -1;
        for (char **s = job->synonyms[f]; *s && job->field_col[f] < 0; s++) {
            fold(*s, syn, sizeof syn);
            for (int c = 0; c < row->nfields; c++) {
                fold(row->fields[c], folded, sizeof folded);
                if (strcmp(folded, syn) != 0) continue;
                if (job->field_col[f] >= 0)
                    return set_error(job, 1, row->fields[c],
                                     "Spalte doppelt (Spalten %d und %d): Zuordnung zu „%s“ nicht eindeutig",
                                     job->field_col[f] + 1, c + 1, felder[f].name);
                job->field_col[f] = c;
            }
        }
        if (job->field_col[f] < 0 && job->required[f]) {
            char found[400] = "";
            size_t n = 0;
            for (int c = 0; c < row->nfields && n < sizeof found - 4; c++)
                n += (size_t)snprintf(found + n, sizeof found - n, "%s„%s“", c ? ", " : "", row->fields[c]);
            char key[64];
            snprintf(key, sizeof key, "massnahmen:spalte_%s", felder[f].name);
            return set_error(job, 1, felder[f].name,
                             "Pflichtspalte fehlt (gesucht: %s; gefunden: %s)",
                             config_string(job->cfg, key, felder[f].synonyms), found);
        }
    }
    return 0;
}

static const char *trimmed(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

static const char *kind_name(enum terminierung_kind k)
{
    switch (k) {
    case TERMINIERUNG_LAUFEND: return "laufend";
    case TERMINIERUNG_FRIST: return "frist";
    case TERMINIERUNG_TERMIN: return "termin";
    default: return "ohne";
    }
}

static int on_row(const struct csvrow *row, void *ctx)
{
    struct file_job *job = ctx;
    if (row->row == 1) return map_header(job, row);

    int blank = 1;
    for (int c = 0; c < row->nfields && blank; c++)
        for (const char *p = row->fields[c]; *p; p++)
            if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') { blank = 0; break; }
    if (blank) return 0;                    /* empty spreadsheet rows */
    if (row->nfields != job->ncols)
        return set_error(job, row->row, NULL, "%d Felder statt %d wie in der Kopfzeile",
                         row->nfields, job->ncols);
    for (int c = 0; c < row->nfields; c++) {
        size_t bad;
        if (!utf8_valid(row->fields[c], row->lens[c], &bad))
            return set_error(job, row->row, job->header[c],
                             "kein gültiges UTF-8 (Byte %zu); Datei als UTF-8 speichern", bad + 1);
    }
    const char *val[F_COUNT];
    for (int f = 0; f < F_COUNT; f++)
        val[f] = job->field_col[f] >= 0 ? trimmed(row->fields[job->field_col[f]]) : "";
    if (!*val[F_MASSNAHME]) {
        add_warning(job, row->row, job->header[job->field_col[F_MASSNAHME]],
                    "Maßnahme leer, Zeile nicht übernommen");
        return 0;
    }

    struct terminierung t;
    enum terminierung_status ts = terminierung_parse(val[F_TERMINIERUNG], job->topt, &t);
    if (job->field_col[F_TERMINIERUNG] >= 0) {
        const char *col = job->header[job->field_col[F_TERMINIERUNG]];
        if (ts == TERMINIERUNG_LEER)
            add_warning(job, row->row, col, "Terminierung fehlt: Maßnahme unter „ohne Terminierung“");
        else if (ts == TERMINIERUNG_UNBEKANNT)
            add_warning(job, row->row, col,
                        "Terminierung „%s“ nicht erkannt: Maßnahme unter „ohne Terminierung“",
                        val[F_TERMINIERUNG]);
    }

    sqlite3_stmt *st = job->ins_massnahme;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, job->source_id);
    sqlite3_bind_int64(st, 2, row->row);
    store_bind_text(st, 3, val[F_HANDLUNGSFELD]);
    store_bind_text(st, 4, val[F_TEILZIEL]);
    store_bind_text(st, 5, val[F_MASSNAHME]);
    store_bind_text(st, 6, val[F_VERANTWORTLICH]);
    store_bind_text(st, 7, val[F_TERMINIERUNG]);
    store_bind_text(st, 8, kind_name(t.kind));
    if (t.kind == TERMINIERUNG_TERMIN) {
        char iso[16];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", t.jahr, t.monat, t.tag);
        store_bind_text(st, 9, iso);
    } else {
        sqlite3_bind_null(st, 9);
    }
    sqlite3_bind_int(st, 10, (int)t.horizont);
    if (sqlite3_step(st) != SQLITE_DONE)
        return set_error(job, row->row, NULL, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(job->db));
    sqlite3_int64 id = sqlite3_last_insert_rowid(job->db);

    /* every other column is kept verbatim */
    for (int c = 0; c < row->nfields; c++) {
        int mapped = 0;
        for (int f = 0; f < F_COUNT; f++) mapped |= job->field_col[f] == c;
        if (mapped || !row->fields[c][0]) continue;
        sqlite3_stmt *a = job->ins_attribut;
        sqlite3_reset(a);
        sqlite3_bind_int64(a, 1, id);
        sqlite3_bind_int(a, 2, c + 1);
        store_bind_text(a, 3, job->header[c]);
        store_bind_text(a, 4, row->fields[c]);
        if (sqlite3_step(a) != SQLITE_DONE)
            return set_error(job, row->row, job->header[c], "Speichern fehlgeschlagen: %s",
                             sqlite3_errmsg(job->db));
    }
    job->rows++;
    return 0;
}

static void log_message(sqlite3 *db, const char *file, const char *sha, long row, const char *column,
                        const char *severity, const char *text)
{
    static const char *sql =
        "INSERT INTO ingest_message(file_name, sha256, row_number, column, severity, message, logged_at)"
        " VALUES (?,?,?,?,?,?,?)";
    sqlite3_stmt *st = store_prepare(db, sql);
    if (!st) return;
    char now[32];
    format_iso_utc(now, sizeof now, report_time());
    store_bind_text(st, 1, file);
    if (sha) store_bind_text(st, 2, sha); else sqlite3_bind_null(st, 2);
    if (row > 0) sqlite3_bind_int64(st, 3, row); else sqlite3_bind_null(st, 3);
    if (column) store_bind_text(st, 4, column); else sqlite3_bind_null(st, 4);
    store_bind_text(st, 5, severity);
    store_bind_text(st, 6, text);
    store_bind_text(st, 7, now);
    sqlite3_step(st);
    sqlite3_finalize(st);
}

static void free_job(struct file_job *job)
{
    for (int i = 0; i < job->nwarnings; i++) {
        free(job->warnings[i].column);
        free(job->warnings[i].text);
    }
    free(job->warnings);
    for (int c = 0; c < job->ncols; c++) free(job->header[c]);
    free(job->header);
    sqlite3_finalize(job->ins_massnahme);
    sqlite3_finalize(job->ins_attribut);
}

/* Ingest one file.  Returns 0 accepted (or already known), 1 rejected, -1 store failure. */
static int ingest_file(const struct ib_config *cfg, sqlite3 *db, const char *path, const char *name,
                       const struct terminierung_optionen *topt, char ***synonyms, const int *required)
{
    char sha[65];
    long long size;
    if (sha256_file(path, sha, &size) != 0) {
        diag_error("%s: nicht lesbar: %s", path, strerror(errno));
        return 1;
    }
    sqlite3_stmt *known = store_prepare(db, "SELECT name FROM source_file WHERE sha256 = ?");
    if (!known) return -1;
    store_bind_text(known, 1, sha);
    if (sqlite3_step(known) == SQLITE_ROW) {
        diag_info("%s: bereits eingelesen (als %s, SHA-256 %.12s…), unverändert", path,
                  store_column_text(known, 0), sha);
        sqlite3_finalize(known);
        return 0;
    }
    sqlite3_finalize(known);

    struct file_job job = { .cfg = cfg, .db = db, .display = path, .topt = topt, .required = { 0 } };
    memcpy(job.synonyms, synonyms, sizeof job.synonyms);
    memcpy(job.required, required, sizeof job.required);
    if (size == 0) {
        set_error(&job, 0, NULL, "Datei ist leer (0 Bytes)");
        goto rejected;
    }
    if (store_begin(db) != 0) { free_job(&job); return -1; }

    char now[32];
    format_iso_utc(now, sizeof now, report_time());
    sqlite3_stmt *ins = store_prepare(db,
        "INSERT INTO source_file(name, path, sha256, size, dataset, ingested_at, row_count)"
        " VALUES (?,?,?,?,'massnahmen',?,0)");
    if (!ins) { store_rollback(db); free_job(&job); return -1; }
    store_bind_text(ins, 1, name);
    store_bind_text(ins, 2, path);
    store_bind_text(ins, 3, sha);
    sqlite3_bind_int64(ins, 4, size);
    store_bind_text(ins, 5, now);
    int ok = sqlite3_step(ins) == SQLITE_DONE;
    sqlite3_finalize(ins);
    if (!ok) { store_error(db, "Quelldatei"); store_rollback(db); free_job(&job); return -1; }
    job.source_id = sqlite3_last_insert_rowid(db);
    job.ins_massnahme = store_prepare(db,
        "INSERT INTO massnahme(source_file_id, sheet, row_number, handlungsfeld, teilziel, massnahme,"
        " verantwortlich, terminierung_text, terminierung_kind, terminierung_ende, horizont)"
        " VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    job.ins_attribut = store_prepare(db,
        "INSERT INTO massnahme_attribut(massnahme_id, position, name, value) VALUES (?,?,?,?)");
    if (!job.ins_massnahme || !job.ins_attribut) { store_rollback(db); free_job(&job); return -1; }

    struct csvreader_options copt = { 0 };
    copt.max_field = (size_t)config_int(cfg, "massnahmen:max_feld_bytes", 1 << 20);
    struct csvreader_error cerr;
    int rc = csvreader_read(path, &copt, on_row, &job, &cerr, NULL, NULL);
    if (rc == CSVREADER_IO || rc == CSVREADER_SYNTAX) {
        char col[32];
        snprintf(col, sizeof col, "%d", cerr.column);
        const char *colname = cerr.column > 0 && cerr.column <= job.ncols ? job.header[cerr.column - 1]
                            : cerr.column > 0 ? col : NULL;
        set_error(&job, cerr.row, colname, "%s", cerr.message);
    } else if (!job.error[0] && !job.header) {
        set_error(&job, 0, NULL, "Datei enthält keine Kopfzeile");
    } else if (!job.error[0] && job.rows == 0) {
        set_error(&job, 0, NULL, "Datei enthält keine Datenzeilen mit Maßnahmen");
    }
    if (job.error[0]) {
        store_rollback(db);
        goto rejected;
    }
    if (job.field_col[F_TERMINIERUNG] < 0)
        add_warning(&job, 0, NULL, "keine Spalte Terminierung: alle %ld Maßnahmen unter „ohne Terminierung“",
                    job.rows);

    sqlite3_stmt *fin = store_prepare(db,
        "UPDATE source_file SET row_count = ?2, warning_count = ?3 WHERE id = ?1");
    sqlite3_stmt *sup = store_prepare(db,
        "UPDATE source_file SET superseded_by = ?1 WHERE name = ?2 AND dataset = 'massnahmen'"
        " AND superseded_by IS NULL AND id <> ?1");
    ok = fin && sup;
    if (ok) {
        sqlite3_bind_int64(fin, 1, job.source_id);
        sqlite3_bind_int64(fin, 2, job.rows);
        sqlite3_bind_int64(fin, 3, job.warnings_total);
        sqlite3_bind_int64(sup, 1, job.source_id);
        store_bind_text(sup, 2, name);
        ok = sqlite3_step(fin) == SQLITE_DONE && sqlite3_step(sup) == SQLITE_DONE;
    }
    int superseded = ok ? sqlite3_changes(db) : 0;
    sqlite3_finalize(fin);
    sqlite3_finalize(sup);
    for (int i = 0; ok && i < job.nwarnings; i++)
        log_message(db, name, sha, job.warnings[i].row, job.warnings[i].column, "warnung",
                    job.warnings[i].text);
    if (!ok || store_commit(db) != 0) {
        store_error(db, "Abschluss");
        store_rollback(db);
        free_job(&job);
        return -1;
    }
    for (int i = 0; i < job.nwarnings && i < MAX_MESSAGES_SHOWN; i++) {
        struct diag_where w = { path, NULL, job.warnings[i].row, job.warnings[i].column };
        diag_report(DIAG_WARNING, &w, "%s", job.warnings[i].text);
    }
    if (job.warnings_total > MAX_MESSAGES_SHOWN)
        diag_warning("%s: %ld weitere Warnungen (alle im Datenbestand, Tabelle ingest_message)", path,
                     job.warnings_total - MAX_MESSAGES_SHOWN);
    diag_info("%s: %ld Maßnahmen übernommen%s", path, job.rows,
              superseded ? " (ersetzt die frühere Lieferung gleichen Namens)" : "");
    free_job(&job);
    return 0;

rejected:
    fprintf(stderr, "%s: Fehler: %s — Datei abgewiesen, Datenbestand unverändert\n", "ibericht-ingest",
            job.error);
    log_message(db, name, sha, 0, NULL, "fehler", job.error);
    free_job(&job);
    return 1;
}

static int name_claimed(const char *name, char **patterns)
{
    for (char **p = patterns; *p; p++)
        if (fnmatch(*p, name, 0) == 0) return 1;
    return 0;
}

/* Names of files still being written or editor lock files: left for the next run. */
static int name_pending(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".part") == 0) || strncmp(name, "~$", 2) == 0 ||
           strncmp(name, ".~lock", 6) == 0 || (n > 4 && strcmp(name + n - 4, ".tmp") == 0);
}

int main(int argc, char **argv)
{
    struct ib_config cfg;
    int rc = stage_start("ibericht-ingest", "Liest die Dateien des Eingangsordners in den Datenbestand.",
                         argc, argv, &cfg);
    if (rc) return rc < 0 ? IB_EXIT_OK : rc;

    if (!dir_exists(cfg.inbox)) {
        diag_error("Eingangsordner %s fehlt oder ist nicht lesbar", cfg.inbox);
        config_free(&cfg);
        return IB_EXIT_INBOX;
    }
    int nfiles = 0;
    char **files = dir_list(cfg.inbox, &nfiles);
    if (!files) {
        diag_error("Eingangsordner %s kann nicht gelesen werden: %s", cfg.inbox, strerror(errno));
        config_free(&cfg);
        return IB_EXIT_INBOX;
    }
    if (dir_make(cfg.out) != 0) {
        diag_error("Ausgabeordner %s kann nicht angelegt werden: %s", cfg.out, strerror(errno));
        dir_list_free(files);
        config_free(&cfg);
        return IB_EXIT_OUTPUT;
    }
    sqlite3 *db = store_open(cfg.store, STORE_CREATE);
    if (!db) {
        dir_list_free(files);
        config_free(&cfg);
        return IB_EXIT_STORE;
    }

    char **patterns = config_list(&cfg, "massnahmen:dateien", "*.csv", NULL);
    char **laufend = config_list(&cfg, "terminierung:laufend_woerter", "", NULL);
    struct terminierung_optionen topt = { 0, 0, 0, (const char *const *)laufend };
    char **synonyms[F_COUNT];
    int required[F_COUNT] = { 0 };
    char **pflicht = config_list(&cfg, "massnahmen:pflichtspalten", "massnahme", NULL);
    for (int f = 0; f < F_COUNT; f++) {
        char key[64];
        snprintf(key, sizeof key, "massnahmen:spalte_%s", felder[f].name);
        synonyms[f] = config_list(&cfg, key, felder[f].synonyms, NULL);
        for (char **p = pflicht; *p; p++) required[f] |= strcmp(*p, felder[f].name) == 0;
    }

    int accepted = 0, rejected = 0, pending = 0, unclaimed = 0;
    rc = IB_EXIT_OK;
    for (int i = 0; i < nfiles; i++) {
        char *path = path_join(cfg.inbox, files[i]);
        if (name_pending(files[i])) {
            diag_info("%s: wird noch geschrieben oder ist gesperrt, bleibt für den nächsten Lauf", path);
            pending++;
        } else if (!name_claimed(files[i], patterns)) {
            diag_warning("%s: keine Quelle beansprucht diese Datei ([massnahmen] dateien), nicht gelesen", path);
            unclaimed++;
        } else {
            int r = ingest_file(&cfg, db, path, files[i], &topt, synonyms, required);
            if (r < 0) { free(path); rc = IB_EXIT_STORE; break; }
            if (r) rejected++; else accepted++;
        }
        free(path);
    }
    if (rc == IB_EXIT_OK) {
        diag_info("Eingang %s: %d Dateien übernommen oder unverändert, %d abgewiesen, %d wartend, %d ohne Quelle",
                  cfg.inbox, accepted, rejected, pending, unclaimed);
        if (rejected) rc = IB_EXIT_REJECTED;
    }
    for (int f = 0; f < F_COUNT; f++) config_list_free(synonyms[f]);
    config_list_free(pflicht);
    config_list_free(patterns);
    config_list_free(laufend);
    store_close(db);
    dir_list_free(files);
    config_free(&cfg);
    return rc;
}
