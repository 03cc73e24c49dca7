/*
 * store.c — opening, versioning and transactions of the SQLite store.
 */
#include "store.h"
#include "diag.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

extern const char store_schema_sql[];          /* generated from pipeline/store/schema.sql */
extern const char *const store_migrations[];   /* [N]: migrate_N.sql, version N-1 → N */

void store_error(sqlite3 *db, const char *what)
{
    const char *file = db ? sqlite3_db_filename(db, "main") : NULL;
    diag_error("Datenbestand %s: %s: %s", file && *file ? file : "?", what,
               db ? sqlite3_errmsg(db) : "nicht geöffnet");
}

long store_count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = store_prepare(db, sql);
    if (!st) return -1;
    int rc = sqlite3_step(st);
    long n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) { store_error(db, "Abfrage"); n = -1; }
    sqlite3_finalize(st);
    return n;
}

sqlite3 *store_open(const char *path, enum store_mode mode)
{
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (!exists && mode != STORE_CREATE) {
        diag_error("Datenbestand %s fehlt: zuerst ibericht-ingest ausführen", path);
        return NULL;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        diag_error("Datenbestand %s ist keine Datei", path);
        return NULL;
    }
    /* stages are single-threaded: no mutexes inside SQLite */
    int flags = SQLITE_OPEN_NOMUTEX | (mode == STORE_READ ? SQLITE_OPEN_READONLY
              : mode == STORE_WRITE ? SQLITE_OPEN_READWRITE
              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        diag_error("Datenbestand %s kann nicht geöffnet werden: %s", path,
                   db ? sqlite3_errmsg(db) : diag_errno_text(errno));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 30000);
    sqlite3_extended_result_codes(db, 1);

    sqlite3_stmt *st_version = NULL;
    int version = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st_version, NULL) == SQLITE_OK &&
        sqlite3_step(st_version) == SQLITE_ROW)
        version = sqlite3_column_int(st_version, 0);
    int rc = sqlite3_errcode(db);
    sqlite3_finalize(st_version);
    if (version < 0) {
        if ((rc & 0xff) == SQLITE_NOTADB)
            diag_error("Datenbestand %s ist keine SQLite-Datenbank (Datei bleibt unverändert)", path);
        else
            store_error(db, "Version nicht lesbar");
        sqlite3_close(db);
        return NULL;
    }
    if (version > store_schema_version) {
        diag_error("Datenbestand %s hat Schema-Version %d; dieses ibericht kennt nur bis %d",
                   path, version, store_schema_version);
        sqlite3_close(db);
        return NULL;
    }
    if (version > 0 && version < store_schema_version) {
        if (mode == STORE_READ) {
            diag_error("Datenbestand %s hat die ältere Schema-Version %d: zuerst ibericht-ingest ausführen",
                       path, version);
            sqlite3_close(db);
            return NULL;
        }
        if (store_begin(db) != 0) { sqlite3_close(db); return NULL; }
        for (int v = version + 1; v <= store_schema_version; v++) {
            if (store_exec(db, store_migrations[v]) != 0) {
                diag_error("Datenbestand %s: Umstellung auf Schema-Version %d fehlgeschlagen, unverändert", path, v);
                store_rollback(db);
                sqlite3_close(db);
                return NULL;
            }
        }
        if (store_commit(db) != 0) { store_rollback(db); sqlite3_close(db); return NULL; }
        diag_info("Datenbestand %s von Schema-Version %d auf %d umgestellt", path, version, store_schema_version);
    }
    if (version == 0) {
        /* An empty file is a new store; a non-empty one without our version is foreign. */
        sqlite3_stmt *q = store_prepare(db, "SELECT count(*) FROM sqlite_master");
        int objects = q && sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
        sqlite3_finalize(q);
        if (objects != 0) {
            diag_error("Datenbestand %s ist eine fremde SQLite-Datenbank (ohne ibericht-Schema)", path);
            sqlite3_close(db);
            return NULL;
        }
        if (mode == STORE_READ) {
            diag_error("Datenbestand %s ist leer: zuerst ibericht-ingest ausführen", path);
            sqlite3_close(db);
            return NULL;
        }
        if (store_begin(db) != 0 ||
            store_exec(db, store_schema_sql) != 0 || store_commit(db) != 0) {
            store_rollback(db);
            sqlite3_close(db);
            return NULL;
        }
    }
    /* 16 MiB page cache: bulk inserts into the indexes stay in memory */
    store_exec(db, "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-16384");
    return db;
}

void store_close(sqlite3 *db)
{
    if (db) sqlite3_close(db);
}

int store_exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        const char *file = sqlite3_db_filename(db, "main");
        diag_error("Datenbestand %s: %s", file && *file ? file : "?", err ? err : "?");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

int store_begin(sqlite3 *db) { return store_exec(db, "BEGIN IMMEDIATE"); }
int store_commit(sqlite3 *db) { return store_exec(db, "COMMIT"); }

void store_rollback(sqlite3 *db)
{
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *store_prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_error(db, "SQL");
        return NULL;
    }
    return st;
}

void store_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
    sqlite3_bind_text(st, idx, s ? s : "", -1, SQLITE_TRANSIENT);
}

void store_bind_static(sqlite3_stmt *st, int idx, const char *s)
{
    sqlite3_bind_text(st, idx, s ? s : "", -1, SQLITE_STATIC);
}

const char *store_column_text(sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    return s ? (const char *)s : "";
}
