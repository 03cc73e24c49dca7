/*
 * main.c — ibericht-ingest: the inbox into the store.
 *
 * One run: take the store's lock (a second run waits, then gives up with a
 * message), load the source profiles, and go through the inbox in name
 * order.  Per file:
 *   - still being written (name or a change within the settle time): left
 *     for the next run, logged as „wartend“;
 *   - no profile claims it: reported, left in the inbox („ohne Quelle“);
 *   - already in the store (same SHA-256): nothing changes, the file goes to
 *     the archive („unverändert“);
 *   - otherwise read and stored in one transaction with its provenance: on
 *     success the file goes to the archive (inputs/archiv/YYYY-MM-DD/), a
 *     new delivery of the same source and period supersedes the previous
 *     one; on failure nothing is stored and the file goes to the quarantine
 *     (inputs/quarantaene/) with NAME.grund.txt.
 * Every outcome is logged in the table lieferung (the Eingangsbericht).
 * The loader comes from the profile's type (massnahmen, kennzahlen,
 * statusbericht).  Before the inbox, measures of a store migrated from
 * version 1 get their kennung.
 * The store is written before a file is moved, so a run killed at any
 * moment leaves a consistent store and the file in the inbox or its
 * destination; the next run completes the move.
 *
 * Exit codes: 0 all files accepted or unchanged, 1 some quarantined,
 * 2 usage/configuration, 3 inbox missing, 4 store unusable, 6 store locked.
 */
#include "ingest.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/sha256.h"
#include "lib/stage.h"
#include "lib/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_MESSAGES_SHOWN 20

/* ---- messages of a file ---------------------------------------------- */

void ingest_warning(struct ingest_file *f, long row, const char *column, const char *fmt, ...)
{
    char text[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    utf8_sanitize(text);
    f->warnings_total++;
    if (f->nwarnings == INGEST_MAX_WARNINGS_KEPT) return;    /* bounded; the count stays exact */
    if (f->nwarnings == f->capwarnings) {
        f->capwarnings = f->capwarnings ? f->capwarnings * 2 : 16;
        f->warnings = xrealloc(f->warnings, sizeof(struct ingest_message) * (size_t)f->capwarnings);
    }
    struct ingest_message *m = &f->warnings[f->nwarnings++];
    m->row = row;
    m->column = column ? xstrdup(column) : NULL;
    m->text = xstrdup(text);
}

int ingest_error(struct ingest_file *f, long row, const char *column, const char *fmt, ...)
{
    char text[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    utf8_sanitize(text);
    if (row > 0 && f->quelle && f->quelle->zeilen_ueberspringen && f->kopf) {
        ingest_warning(f, row, column, "%s — Zeile übersprungen", text);
        f->rows_rejected++;
        return 0;
    }
    if (f->error_set) return 1;
    f->error_set = 1;
    f->error_row = row;
    f->error_column = column ? xstrdup(column) : NULL;
    struct diag_where w = { f->path, f->sheet, row, column };
    char where[700];
    diag_where_text(where, sizeof where, &w);
    snprintf(f->error, sizeof f->error, "%s%s", where, text);
    utf8_sanitize(f->error);
    return 1;
}

void ingest_fold(const char *s, char *out, size_t size)
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

int ingest_row_names(const struct tabelle_zeile *z, char **synonyms)
{
    char a[256], b[256];
    for (int c = 0; c < z->ncells; c++) {
        ingest_fold(z->cells[c], a, sizeof a);
        for (char **s = synonyms; *s; s++) {
            ingest_fold(*s, b, sizeof b);
            if (strcmp(a, b) == 0) return 1;
        }
    }
    return 0;
}

int ingest_find_column(const struct tabelle_kopf *h, char **synonyms, int *dup)
{
    char a[512], b[512];
    *dup = -1;
    for (char **s = synonyms; s && *s; s++) {
        ingest_fold(*s, b, sizeof b);
        int found = -1;
        for (int c = 0; c < h->ncols; c++) {
            ingest_fold(h->names[c], a, sizeof a);
            if (strcmp(a, b) != 0) continue;
            if (found >= 0) { *dup = c; return found; }
            found = c;
        }
        if (found >= 0) return found;
    }
    return -1;
}

int ingest_map_columns(struct ingest_file *f, const struct tabelle_kopf *h, const struct ingest_feld *felder, int n,
                       char **const *synonyms, const int *required, int *col)
{
    for (int i = 0; i < n; i++) {
        int dup;
        col[i] = ingest_find_column(h, synonyms[i], &dup);
        if (dup >= 0)
            return ingest_error(f, h->row, h->names[dup],
                                "Spalte doppelt (Spalten %s und %s): Zuordnung zu „%s“ nicht eindeutig",
                                h->refs[col[i]], h->refs[dup], felder[i].name);
        if (col[i] < 0 && required[i]) {
            char found[400] = "";
            size_t len = 0;
            for (int c = 0; c < h->ncols && len < sizeof found - 8; c++)
                len += (size_t)snprintf(found + len, sizeof found - len, "%s„%s“", c ? ", " : "", h->names[c]);
            char key[64];
            snprintf(key, sizeof key, "spalte_%s", felder[i].name);
            return ingest_error(f, h->row, felder[i].name, "Pflichtspalte fehlt (gesucht: %s; gefunden: %s)",
                                quelle_string(f->quelle, key, felder[i].synonyms), found);
        }
    }
    return 0;
}

/* ---- the run ----------------------------------------------------------- */

struct run {
    const struct ib_config *cfg;
    const struct quellen *quellen;
    sqlite3 *db;
    const char *inbox;
    char *archiv, *quarantaene;
    char run_at[32];
    time_t now;
    int archivieren;
    int accepted, unchanged, rejected, pending, unclaimed, folders;
};

static void log_lieferung(struct run *r, const char *name, const char *sha, long long size,
                          const struct quelle *q, const char *fachdienst, const char *status,
                          sqlite3_int64 source_id, long ok, long bad, const char *grund, const char *ablage)
{
    sqlite3_stmt *st = store_prepare(r->db,
        "INSERT INTO lieferung(run_at, file_name, sha256, size, quelle, fachdienst, status, source_file_id,"
        " rows_accepted, rows_rejected, grund, ablage) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st) return;
    store_bind_text(st, 1, r->run_at);
    store_bind_text(st, 2, name);
    if (sha) store_bind_text(st, 3, sha); else sqlite3_bind_null(st, 3);
    if (size >= 0) sqlite3_bind_int64(st, 4, size); else sqlite3_bind_null(st, 4);
    if (q) { store_bind_text(st, 5, q->id); store_bind_text(st, 6, fachdienst && *fachdienst ? fachdienst : q->fachdienst); }
    else { sqlite3_bind_null(st, 5); sqlite3_bind_null(st, 6); }
    store_bind_text(st, 7, status);
    if (source_id) sqlite3_bind_int64(st, 8, source_id); else sqlite3_bind_null(st, 8);
    sqlite3_bind_int64(st, 9, ok);
    sqlite3_bind_int64(st, 10, bad);
    if (grund) store_bind_text(st, 11, grund); else sqlite3_bind_null(st, 11);
    if (ablage) store_bind_text(st, 12, ablage); else sqlite3_bind_null(st, 12);
    if (sqlite3_step(st) != SQLITE_DONE) store_error(r->db, "Lieferprotokoll");
    sqlite3_finalize(st);
}

static void log_message(sqlite3 *db, const char *file, const char *sha, const char *sheet, long row,
                        const char *column, const char *severity, const char *text, const char *at)
{
    sqlite3_stmt *st = store_prepare(db,
        "INSERT INTO ingest_message(file_name, sha256, sheet, row_number, column, severity, message, logged_at)"
        " VALUES (?,?,?,?,?,?,?,?)");
    if (!st) return;
    store_bind_text(st, 1, file);
    if (sha) store_bind_text(st, 2, sha); else sqlite3_bind_null(st, 2);
    if (sheet) store_bind_text(st, 3, sheet); else sqlite3_bind_null(st, 3);
    if (row > 0) sqlite3_bind_int64(st, 4, row); else sqlite3_bind_null(st, 4);
    if (column) store_bind_text(st, 5, column); else sqlite3_bind_null(st, 5);
    store_bind_text(st, 6, severity);
    store_bind_text(st, 7, text);
    store_bind_text(st, 8, at);
    sqlite3_step(st);
    sqlite3_finalize(st);
}

/* The period a delivery covers: the profile's, else the first year (19xx,
 * 20xx) in the file name, else none. */
static void zeitraum_of(const struct quelle *q, const char *name, char *out, size_t size)
{
    if (q->zeitraum) { snprintf(out, size, "%s", q->zeitraum); return; }
    out[0] = '\0';
    for (const char *p = name; *p; p++) {
        if ((p == name || !(p[-1] >= '0' && p[-1] <= '9')) &&
            ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')) &&
            p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' && !(p[4] >= '0' && p[4] <= '9')) {
            snprintf(out, size, "%.4s", p);
            return;
        }
    }
}

static void free_file(struct ingest_file *f)
{
    if (f->loader && f->loader->release) f->loader->release(f);
    for (int i = 0; i < f->nwarnings; i++) {
        free(f->warnings[i].column);
        free(f->warnings[i].text);
    }
    free(f->warnings);
    free(f->error_column);
    free(f->sheet);
}

/* The text of NAME.grund.txt: where, what, and what to do. */
static void write_reason(char *buf, size_t size, const struct ingest_file *f, const char *sha)
{
    char row[32] = "–";
    if (f->error_row > 0) snprintf(row, sizeof row, "%ld", f->error_row);
    snprintf(buf, size,
             "Datei: %s\nSHA-256: %s\nQuelle: %s\nBlatt: %s\nZeile: %s\nSpalte: %s\n\n%s\n\n"
             "Die Datei wurde nicht übernommen; der Datenbestand ist unverändert.\n"
             "Nach der Korrektur die Datei wieder in den Eingangsordner legen.\n",
             f->name, sha, f->quelle ? f->quelle->id : "–", f->sheet ? f->sheet : "–", row,
             f->error_column ? f->error_column : "–", f->error);
}

/* The loader of a dataset type. */
static const struct loader *loader_of(enum quelle_typ typ)
{
    switch (typ) {
    case QUELLE_KENNZAHLEN: return &kennzahlen_loader;
    case QUELLE_STATUSBERICHT: return &statusbericht_loader;
    case QUELLE_BEFRAGUNG: return &befragung_loader;
    case QUELLE_MASSNAHMEN: break;
    }
    return &massnahmen_loader;
}

/* n rows of a dataset for messages, with German digit grouping and number:
 * „1 Maßnahme“, „11.900 Maßnahmen“, „24.652 Werte“. */
static const char *rows_text(char *buf, size_t size, enum quelle_typ typ, long n)
{
    switch (typ) {
    case QUELLE_KENNZAHLEN: return format_menge(buf, size, n, "Wert", "Werte");
    case QUELLE_STATUSBERICHT: return format_menge(buf, size, n, "Statusmeldung", "Statusmeldungen");
    case QUELLE_BEFRAGUNG: return format_menge(buf, size, n, "Befragte", "Befragte");
    case QUELLE_MASSNAHMEN: break;
    }
    return format_menge(buf, size, n, "Maßnahme", "Maßnahmen");
}

/* Why a file without accepted rows is rejected. */
static const char *no_rows_text(enum quelle_typ typ)
{
    switch (typ) {
    case QUELLE_KENNZAHLEN: return "Datei enthält keine Werte";
    case QUELLE_STATUSBERICHT: return "Datei enthält keine Statusmeldung (keine Zeile mit Status und Stand ausgefüllt)";
    case QUELLE_BEFRAGUNG: return "Datei enthält keine Antworten";
    case QUELLE_MASSNAHMEN: break;
    }
    return "Datei enthält keine Datenzeilen mit Maßnahmen";
}

/* Read and store one file.  Returns 0 accepted, 1 rejected, -1 store failure. */
static int ingest_one(struct run *r, const struct quelle *q, const char *path, const char *name,
                      const char *sha, long long size)
{
    struct ingest_file f = { 0 };
    f.cfg = r->cfg;
    f.quelle = q;
    f.db = r->db;
    f.path = path;
    f.name = name;
    f.sha256 = sha;
    f.size = size;
    f.loader = loader_of(q->typ);
    char zeitraum[64];
    zeitraum_of(q, name, zeitraum, sizeof zeitraum);

    if (size == 0) {
        ingest_error(&f, 0, NULL, "Datei ist leer (0 Bytes)");
    } else {
        if (store_begin(r->db) != 0) { free_file(&f); return -1; }
        sqlite3_stmt *ins = store_prepare(r->db,
            "INSERT INTO source_file(name, path, sha256, size, dataset, ingested_at, row_count, quelle,"
            " fachdienst, zeitraum) VALUES (?,?,?,?,?,?,0,?,?,?)");
        int ok = ins != NULL;
        if (ok) {
            store_bind_text(ins, 1, name);
            store_bind_text(ins, 2, path);
            store_bind_text(ins, 3, sha);
            sqlite3_bind_int64(ins, 4, size);
            store_bind_text(ins, 5, quelle_typ_name(q->typ));
            store_bind_text(ins, 6, r->run_at);
            store_bind_text(ins, 7, q->id);
            store_bind_text(ins, 8, q->fachdienst);
            store_bind_text(ins, 9, zeitraum);
            ok = sqlite3_step(ins) == SQLITE_DONE;
        }
        sqlite3_finalize(ins);
        if (!ok) { store_error(r->db, "Quelldatei"); store_rollback(r->db); free_file(&f); return -1; }
        f.source_id = sqlite3_last_insert_rowid(r->db);
        if (tabelle_read(&f) == 0 && f.loader->finish(&f) == 0 && f.rows_accepted == 0)
            ingest_error(&f, 0, NULL, "%s", no_rows_text(q->typ));
    }
    if (f.error_set) {
        store_rollback(r->db);
        diag_error("%s — Datei abgewiesen, keine Zeile daraus übernommen", f.error);
        char reason[2000];
        write_reason(reason, sizeof reason, &f, sha);
        char *moved = inbox_quarantine(path, r->quarantaene, reason);
        log_lieferung(r, name, sha, size, q, f.fachdienst, "abgewiesen", 0, 0, f.rows_accepted + f.rows_rejected, f.error, moved);
        log_message(r->db, name, sha, f.sheet, f.error_row, f.error_column, "fehler", f.error, r->run_at);
        if (moved) diag_info("%s → %s (Begründung in %s.grund.txt)", path, moved, moved);
        free(moved);
        free_file(&f);
        return 1;
    }

    /* accepted: finish the record, supersede, log — all in the same transaction */
    int ok = 1;
    sqlite3_stmt *fin = store_prepare(r->db,
        "UPDATE source_file SET row_count = ?2, warning_count = ?3, rows_rejected = ?4, sheet = ?5,"
        " encoding = ?6, teil = ?7, fachdienst = coalesce(nullif(?8, ''), fachdienst) WHERE id = ?1");
    sqlite3_stmt *sup = store_prepare(r->db,
        "UPDATE source_file SET superseded_by = ?1 WHERE quelle = ?2 AND zeitraum = ?3 AND teil = ?4"
        " AND superseded_by IS NULL AND id <> ?1");
    ok = fin && sup;
    if (ok) {
        sqlite3_bind_int64(fin, 1, f.source_id);
        sqlite3_bind_int64(fin, 2, f.rows_accepted);
        sqlite3_bind_int64(fin, 3, f.warnings_total);
        sqlite3_bind_int64(fin, 4, f.rows_rejected);
        if (f.sheet) store_bind_text(fin, 5, f.sheet); else sqlite3_bind_null(fin, 5);
        if (f.encoding[0]) store_bind_text(fin, 6, f.encoding); else sqlite3_bind_null(fin, 6);
        store_bind_text(fin, 7, f.teil);
        store_bind_text(fin, 8, f.fachdienst);
        sqlite3_bind_int64(sup, 1, f.source_id);
        store_bind_text(sup, 2, q->id);
        store_bind_text(sup, 3, zeitraum);
        store_bind_text(sup, 4, f.teil);
        ok = sqlite3_step(fin) == SQLITE_DONE && sqlite3_step(sup) == SQLITE_DONE;
    }
    int superseded = ok ? sqlite3_changes(r->db) : 0;
    sqlite3_finalize(fin);
    sqlite3_finalize(sup);
    for (int i = 0; ok && i < f.nwarnings; i++)
        log_message(r->db, name, sha, f.sheet, f.warnings[i].row, f.warnings[i].column, "warnung",
                    f.warnings[i].text, r->run_at);
    if (ok) log_lieferung(r, name, sha, size, q, f.fachdienst, "angenommen", f.source_id, f.rows_accepted, f.rows_rejected,
                          NULL, NULL);
    if (!ok || store_commit(r->db) != 0) {
        store_error(r->db, "Abschluss");
        store_rollback(r->db);
        free_file(&f);
        return -1;
    }
    for (int i = 0; i < f.nwarnings && i < MAX_MESSAGES_SHOWN; i++) {
        struct diag_where w = { path, f.sheet, f.warnings[i].row, f.warnings[i].column };
        diag_report(DIAG_WARNING, &w, "%s", f.warnings[i].text);
    }
    if (f.warnings_total > MAX_MESSAGES_SHOWN)
        diag_warning("%s: %ld weitere Warnungen (alle im Datenbestand, Tabelle ingest_message)", path,
                     f.warnings_total - MAX_MESSAGES_SHOWN);
    char rows[64];
    diag_info("%s: %s übernommen%s%s%s", path, rows_text(rows, sizeof rows, q->typ, f.rows_accepted),
              f.rows_rejected ? " (Zeilen übersprungen: " : "", f.rows_rejected ? "siehe Warnungen)" : "",
              superseded ? " (ersetzt die frühere Lieferung dieser Quelle und dieses Zeitraums)" : "");
    char *moved = r->archivieren ? inbox_archive(path, r->archiv, r->now) : NULL;
    if (moved) {
        sqlite3_stmt *u = store_prepare(r->db,
            "UPDATE lieferung SET ablage = ?1 WHERE id = (SELECT max(id) FROM lieferung WHERE source_file_id = ?2)");
        if (u) {
            store_bind_text(u, 1, moved);
            sqlite3_bind_int64(u, 2, f.source_id);
            sqlite3_step(u);
            sqlite3_finalize(u);
        }
    }
    free(moved);
    free_file(&f);
    return 0;
}

static int process(struct run *r, const char *name)
{
    char *path = path_join(r->inbox, name);
    const char *why;
    int rc = 0;
    if (inbox_state_of(r->inbox, name, config_int(r->cfg, "eingang:wartezeit_sekunden", 2), &why) == INBOX_PENDING) {
        diag_info("%s: wartet (%s), bleibt für den nächsten Lauf", path, why);
        log_lieferung(r, name, NULL, -1, quellen_match(r->quellen, name), NULL, "wartend", 0, 0, 0, why, NULL);
        r->pending++;
        free(path);
        return 0;
    }
    const struct quelle *q = quellen_match(r->quellen, name);
    if (!q) {
        diag_warning("%s: keine Quelle beansprucht diese Datei (Quellprofile %s), nicht gelesen, bleibt im Eingang",
                     path, r->quellen->path);
        log_lieferung(r, name, NULL, -1, NULL, NULL, "ohne_quelle", 0, 0, 0, "keine Quelle beansprucht diese Datei", NULL);
        r->unclaimed++;
        free(path);
        return 0;
    }
    char sha[65];
    long long size;
    if (sha256_file(path, sha, &size) != 0) {
        diag_error("%s: nicht lesbar: %s", path, diag_errno_text(errno));
        r->rejected++;
        free(path);
        return 0;
    }
    sqlite3_stmt *known = store_prepare(r->db, "SELECT name, id, fachdienst FROM source_file WHERE sha256 = ?");
    if (!known) { free(path); return -1; }
    store_bind_text(known, 1, sha);
    if (sqlite3_step(known) == SQLITE_ROW) {
        diag_info("%s: bereits eingelesen (als %s, SHA-256 %.12s…), unverändert", path,
                  store_column_text(known, 0), sha);
        sqlite3_int64 id = sqlite3_column_int64(known, 1);
        char *fachdienst = xstrdup(store_column_text(known, 2));
        sqlite3_finalize(known);
        char *moved = r->archivieren ? inbox_archive(path, r->archiv, r->now) : NULL;
        log_lieferung(r, name, sha, size, q, fachdienst, "unveraendert", id, 0, 0, NULL, moved);
        free(fachdienst);
        free(moved);
        r->unchanged++;
        free(path);
        return 0;
    }
    sqlite3_finalize(known);
    rc = ingest_one(r, q, path, name, sha, size);
    if (rc == 0) r->accepted++;
    else if (rc == 1) r->rejected++;
    free(path);
    return rc < 0 ? -1 : 0;
}

/* 1 when a and b name the same existing folder */
static int same_folder(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Folders in the inbox are not read (only files directly in it count): a
 * warning names each one, so that a delivery copied with its subfolders
 * does not pass silently.  The archive and quarantine, when configured
 * inside the inbox, are left out.  Counted in r->folders. */
static void report_folders(struct run *r)
{
    char **folders = dir_list_folders(r->inbox, NULL);
    for (char **p = folders; p && *p; p++) {
        char *path = path_join(r->inbox, *p);
        if (!same_folder(path, r->archiv) && !same_folder(path, r->quarantaene)) {
            diag_warning("Ordner %s im Eingang wird nicht gelesen: nur Dateien direkt im Eingangsordner"
                         " (die Dateien dorthin kopieren)", path);
            r->folders++;
        }
        free(path);
    }
    dir_list_free(folders);
}

/* The store's lock: an advisory lock on STORE.lock, held for the run.  A
 * second run waits up to [eingang] sperre_wartezeit_sekunden. */
static int take_lock(const struct ib_config *cfg, int *fd_out)
{
    size_t n = strlen(cfg->store) + 8;
    char *lock = xmalloc(n);
    snprintf(lock, n, "%s.lock", cfg->store);
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        diag_error("Sperrdatei %s nicht anlegbar: %s", lock, diag_errno_text(errno));
        free(lock);
        return IB_EXIT_STORE;
    }
    int wait = config_int(cfg, "eingang:sperre_wartezeit_sekunden", 60);
    int told = 0;
    for (int waited = 0; flock(fd, LOCK_EX | LOCK_NB) != 0; waited++) {
        if (errno != EWOULDBLOCK || waited >= wait * 10) {
            diag_error("Datenbestand %s ist von einem anderen Lauf gesperrt (%s); nach %d s aufgegeben",
                       cfg->store, lock, wait);
            close(fd);
            free(lock);
            return IB_EXIT_LOCKED;
        }
        if (!told++) diag_info("Datenbestand %s wird von einem anderen Lauf benutzt, warte …", cfg->store);
        usleep(100000);
    }
    free(lock);
    *fd_out = fd;
    return IB_EXIT_OK;
}

static char *sibling_dir(const char *inbox, const char *name)
{
    size_t n = strlen(inbox);
    while (n > 1 && inbox[n - 1] == '/') n--;
    char *copy = xstrndup(inbox, n);
    char *slash = strrchr(copy, '/');
    char *out;
    if (slash) {
        *slash = '\0';
        out = path_join(slash == copy ? "/" : copy, name);
    } else {
        out = xstrdup(name);
    }
    free(copy);
    return out;
}

/*
 * An inbox without files: under `ibericht report` told to the driver, which
 * says it at the end of the run (STAGE_MELDUNG_FD, stage.h); alone, said here.
 */
static void eingang_leer(const char *inbox)
{
    const char *fd = getenv(STAGE_MELDUNG_FD);
    if (fd && *fd && dprintf(atoi(fd), "%s\n", inbox) > 0) return;
    diag_warning("Eingangsordner %s ist leer: keine neuen Lieferungen", inbox);
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
    struct quellen quellen;
    if (quellen_load(&cfg, &quellen) != 0) {
        config_free(&cfg);
        return IB_EXIT_USAGE;
    }
    if (befragung_quellen_pruefen(&cfg, &quellen) != 0) {
        diag_error("nichts eingelesen: Konfiguration der Befragungen korrigieren");
        quellen_free(&quellen);
        config_free(&cfg);
        return IB_EXIT_USAGE;
    }
    if (dir_make(cfg.out) != 0) {
        diag_error("Ausgabeordner %s kann nicht angelegt werden: %s", cfg.out, diag_errno_text(errno));
        quellen_free(&quellen);
        config_free(&cfg);
        return IB_EXIT_OUTPUT;
    }
    int lock_fd = -1;
    rc = take_lock(&cfg, &lock_fd);
    sqlite3 *db = rc == IB_EXIT_OK ? store_open(cfg.store, STORE_CREATE) : NULL;
    if (rc == IB_EXIT_OK && !db) rc = IB_EXIT_STORE;
    /* a store migrated from version 1 has measures without kennung */
    if (rc == IB_EXIT_OK && massnahmen_kennung_nachtragen(db) != 0) rc = IB_EXIT_STORE;
    int nfiles = 0;
    char **files = rc == IB_EXIT_OK ? dir_list(cfg.inbox, &nfiles) : NULL;
    if (rc == IB_EXIT_OK && !files) {
        diag_error("Eingangsordner %s kann nicht gelesen werden: %s", cfg.inbox, diag_errno_text(errno));
        rc = IB_EXIT_INBOX;
    }
    if (rc == IB_EXIT_OK) {
        struct run r = { .cfg = &cfg, .quellen = &quellen, .db = db, .inbox = cfg.inbox };
        r.now = report_time();
        format_iso_utc(r.run_at, sizeof r.run_at, r.now);
        const char *a = config_string(&cfg, "pfade:archiv", NULL), *qd = config_string(&cfg, "pfade:quarantaene", NULL);
        r.archiv = a ? xstrdup(a) : sibling_dir(cfg.inbox, "archiv");
        r.quarantaene = qd ? xstrdup(qd) : sibling_dir(cfg.inbox, "quarantaene");
        r.archivieren = strcmp(config_string(&cfg, "eingang:archivieren", "ja"), "nein") != 0;
        report_folders(&r);
        for (int i = 0; i < nfiles && rc == IB_EXIT_OK; i++)
            if (process(&r, files[i]) != 0) rc = IB_EXIT_STORE;
        if (rc == IB_EXIT_OK) {
            char folders[64] = "";
            if (r.folders) snprintf(folders, sizeof folders, ", %d Ordner nicht gelesen", r.folders);
            diag_info("Eingang %s: %d angenommen, %d unverändert, %d abgewiesen, %d wartend, %d ohne Quelle%s",
                      cfg.inbox, r.accepted, r.unchanged, r.rejected, r.pending, r.unclaimed, folders);
            if (r.accepted + r.unchanged + r.rejected + r.pending + r.unclaimed == 0) eingang_leer(cfg.inbox);
            if (r.rejected) rc = IB_EXIT_REJECTED;
        }
        free(r.archiv);
        free(r.quarantaene);
    }
    dir_list_free(files);
    store_close(db);
    if (lock_fd >= 0) close(lock_fd);
    quellen_free(&quellen);
    config_free(&cfg);
    return rc;
}
