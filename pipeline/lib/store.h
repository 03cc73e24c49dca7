/*
 * store.h — the intermediate store: one SQLite file (schema in
 * pipeline/store/schema.sql, compiled in).
 *
 * Stages open the store with store_open(); ingest may create it, the other
 * stages need it to exist.  Writers take the write lock with
 * store_begin() (BEGIN IMMEDIATE; waits up to the busy timeout for another
 * run) and end with store_commit() or store_rollback().
 */
#ifndef IB_STORE_H
#define IB_STORE_H

#include <sqlite3.h>

/* The schema version this program writes (PRAGMA user_version of schema.sql). */
extern const int store_schema_version;

enum store_mode {
    STORE_CREATE,      /* create if missing (ingest) */
    STORE_WRITE,       /* must exist (compute) */
    STORE_READ         /* must exist, read only (render) */
};

/*
 * store_open — open (and for STORE_CREATE initialise) the store at path.
 * Checks that the file is SQLite and that its schema version is known;
 * an older store is migrated (STORE_CREATE, STORE_WRITE) in one transaction
 * with pipeline/store/migrate_N.sql, readers ask for a writer run first.
 * Returns the handle, or NULL after printing a message naming the file.
 * The busy timeout is 30 s.
 */
sqlite3 *store_open(const char *path, enum store_mode mode);

/* store_close — close the handle (NULL is fine). */
void store_close(sqlite3 *db);

/* store_begin / store_commit / store_rollback — write transaction; 0 or -1 (message printed). */
int store_begin(sqlite3 *db);
int store_commit(sqlite3 *db);
void store_rollback(sqlite3 *db);

/* store_exec — run SQL without results; 0, or -1 with message. */
int store_exec(sqlite3 *db, const char *sql);

/* store_prepare — prepare one statement; NULL with message on failure. */
sqlite3_stmt *store_prepare(sqlite3 *db, const char *sql);

/* store_count — the integer in the first column of the first row of sql
 * (e.g. a count(*)); 0 when there is no row; -1 with message on error. */
long store_count(sqlite3 *db, const char *sql);

/* store_bind_text — bind a UTF-8 string (copied by SQLite); NULL binds ''. */
void store_bind_text(sqlite3_stmt *st, int idx, const char *s);

/* store_bind_static — bind a UTF-8 string that stays valid until the
 * statement is stepped (no copy: for hot insert loops); NULL binds ''. */
void store_bind_static(sqlite3_stmt *st, int idx, const char *s);

/* store_column_text — column as a C string, never NULL. */
const char *store_column_text(sqlite3_stmt *st, int col);

/* store_error — print "store path: what: sqlite message". */
void store_error(sqlite3 *db, const char *what);

#endif
