/*
 * test_store.c — unit tests of the store: creation, versioning, refusal of
 * foreign files (cmocka).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/store.h"

static char dir[] = "/tmp/ibericht-test-store-XXXXXX";

static char *path_in(const char *name)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static int setup(void **state)
{
    (void)state;
    diag_quiet(1);
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *st = store_prepare(db, "PRAGMA user_version");
    assert_non_null(st);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void test_create_and_reopen(void **state)
{
    (void)state;
    const char *p = path_in("neu.sqlite");
    assert_null(store_open(p, STORE_READ));           /* missing: readers refuse */
    assert_null(store_open(p, STORE_WRITE));
    sqlite3 *db = store_open(p, STORE_CREATE);
    assert_non_null(db);
    assert_int_equal(user_version(db), store_schema_version);
    /* every table of schema.sql is there */
    const char *tables[] = { "source_file", "massnahme", "massnahme_attribut", "ingest_message",
                             "gruppe", "massnahme_folge", "handlungsfeld", "uebersicht", "statusbericht",
                             "massnahme_status", "status_uebersicht",
                             "befragung_datei", "befragung_befragter", "befragung_antwort", "befragung",
                             "befragung_einheit", "befragung_abschnitt", "befragung_frage", "befragung_option",
                             "befragung_kreuz", "befragung_freitext" };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        sqlite3_stmt *st = store_prepare(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?");
        store_bind_text(st, 1, tables[i]);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        if (sqlite3_column_int(st, 0) != 1) fail_msg("table %s missing", tables[i]);
        sqlite3_finalize(st);
    }
    assert_int_equal(store_begin(db), 0);
    assert_int_equal(store_exec(db, "INSERT INTO source_file(name,path,sha256,size,dataset,ingested_at,row_count)"
                                    " VALUES ('a.csv','x/a.csv','00',1,'massnahmen','2024-01-01T00:00:00Z',0)"), 0);
    assert_int_equal(store_commit(db), 0);
    store_close(db);
    db = store_open(p, STORE_READ);
    assert_non_null(db);
    sqlite3_stmt *st = store_prepare(db, "SELECT name FROM source_file");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal(store_column_text(st, 0), "a.csv");
    sqlite3_finalize(st);
    store_close(db);
}

static void test_rollback_leaves_nothing(void **state)
{
    (void)state;
    sqlite3 *db = store_open(path_in("rb.sqlite"), STORE_CREATE);
    assert_non_null(db);
    assert_int_equal(store_begin(db), 0);
    store_exec(db, "INSERT INTO source_file(name,path,sha256,size,dataset,ingested_at,row_count)"
                   " VALUES ('a.csv','a','01',1,'massnahmen','t',0)");
    store_rollback(db);
    sqlite3_stmt *st = store_prepare(db, "SELECT count(*) FROM source_file");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    store_close(db);
}

static void test_not_sqlite_untouched(void **state)
{
    (void)state;
    const char *p = path_in("kaputt.sqlite");
    const char content[] = "handlungsfeld;massnahme\nkein SQLite\n";
    FILE *f = fopen(p, "w");
    fputs(content, f);
    fclose(f);
    assert_null(store_open(p, STORE_CREATE));
    assert_null(store_open(p, STORE_READ));
    char buf[128] = "";
    f = fopen(p, "r");
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    assert_string_equal(buf, content);                 /* byte for byte unchanged */
}

static void test_foreign_and_newer(void **state)
{
    (void)state;
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path_in("fremd.sqlite"), &raw), SQLITE_OK);
    sqlite3_exec(raw, "CREATE TABLE kunden(x)", NULL, NULL, NULL);
    sqlite3_close(raw);
    assert_null(store_open(path_in("fremd.sqlite"), STORE_CREATE));

    sqlite3 *db = store_open(path_in("neuer.sqlite"), STORE_CREATE);
    assert_non_null(db);
    store_exec(db, "PRAGMA user_version = 99");
    store_close(db);
    assert_null(store_open(path_in("neuer.sqlite"), STORE_WRITE));
}

/* A store of schema version 1 (tests/fixtures/store_v1.sql, as ibericht
 * 0.1 wrote it) is migrated on the first writing open; its rows stay. */
static void test_migrate_v1(void **state)
{
    (void)state;
    FILE *f = fopen("tests/fixtures/store_v1.sql", "r");
    assert_non_null(f);
    static char sql[16384];
    size_t n = fread(sql, 1, sizeof sql - 1, f);
    fclose(f);
    sql[n] = '\0';
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path_in("v1.sqlite"), &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "INSERT INTO source_file(name,path,sha256,size,dataset,ingested_at,row_count)"
                                       " VALUES ('alt.csv','x','ab',1,'massnahmen','t',0)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);

    assert_null(store_open(path_in("v1.sqlite"), STORE_READ));      /* readers do not migrate */
    sqlite3 *db = store_open(path_in("v1.sqlite"), STORE_WRITE);
    assert_non_null(db);
    assert_int_equal(user_version(db), store_schema_version);
    sqlite3_stmt *st = store_prepare(db, "SELECT name, quelle FROM source_file");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal(store_column_text(st, 0), "alt.csv");
    assert_string_equal(store_column_text(st, 1), "massnahmen");
    sqlite3_finalize(st);
    assert_int_equal(store_exec(db, "SELECT count(*) FROM beobachtung; SELECT count(*) FROM lieferung"), 0);
    store_close(db);
}

/* The shape of a store: every table, index and view with its columns
 * (name, type, not null, default, key), one line each, sorted. */
static char *shape(sqlite3 *db)
{
    static char buf[65536];
    size_t n = 0;
    buf[0] = '\0';
    sqlite3_stmt *st = store_prepare(db,
        "SELECT m.type, m.name, m.tbl_name, coalesce(p.cid, -1), coalesce(p.name, ''), coalesce(p.type, ''),"
        "       coalesce(p.\"notnull\", 0), coalesce(p.dflt_value, ''), coalesce(p.pk, 0)"
        "  FROM sqlite_master m LEFT JOIN pragma_table_info(m.name) p ON m.type IN ('table', 'view')"
        " WHERE m.name NOT LIKE 'sqlite_%' ORDER BY m.type, m.name, p.cid");
    assert_non_null(st);
    while (sqlite3_step(st) == SQLITE_ROW && n < sizeof buf - 512)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s %s %s %d %s %s %d %s %d\n",
                              store_column_text(st, 0), store_column_text(st, 1), store_column_text(st, 2),
                              sqlite3_column_int(st, 3), store_column_text(st, 4), store_column_text(st, 5),
                              sqlite3_column_int(st, 6), store_column_text(st, 7), sqlite3_column_int(st, 8));
    sqlite3_finalize(st);
    return strdup(buf);
}

/* schema.sql and the migrations describe the same store: a new store and a
 * migrated version-1 store have the same tables, columns (in the same
 * order), indexes and views. */
static void test_migrated_equals_new(void **state)
{
    (void)state;
    sqlite3 *fresh = store_open(path_in("v1.sqlite"), STORE_READ);   /* migrated by test_migrate_v1 */
    assert_non_null(fresh);
    char *migrated = shape(fresh);
    store_close(fresh);
    sqlite3 *db = store_open(path_in("frisch.sqlite"), STORE_CREATE);
    assert_non_null(db);
    char *created = shape(db);
    store_close(db);
    if (strcmp(migrated, created) != 0) {
        /* name the first line that differs */
        const char *a = migrated, *b = created;
        while (*a && *a == *b) a++, b++;
        while (a > migrated && a[-1] != '\n') a--;
        while (b > created && b[-1] != '\n') b--;
        fail_msg("migrated store differs from a new one:\n  migrated: %.120s\n  new:      %.120s", a, b);
    }
    assert_true(strstr(created, "statusbericht") != NULL && strstr(created, "kennung") != NULL);
    free(migrated);
    free(created);
}

/* The survey tables of migrate_2.sql are exactly those of schema.sql: a
 * migrated store and a new one have the same befragung_* tables and columns. */
static void test_migrate_befragung_wie_neu(void **state)
{
    (void)state;
    FILE *f = fopen("tests/fixtures/store_v1.sql", "r");
    assert_non_null(f);
    static char sql[16384];
    size_t n = fread(sql, 1, sizeof sql - 1, f);
    fclose(f);
    sql[n] = '\0';
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path_in("v1b.sqlite"), &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    sqlite3 *alt = store_open(path_in("v1b.sqlite"), STORE_WRITE);
    sqlite3 *neu = store_open(path_in("neu_b.sqlite"), STORE_CREATE);
    assert_non_null(alt);
    assert_non_null(neu);
    const char *q = "SELECT m.name || '.' || p.name || ':' || p.type || ':' || p.pk || ':' || p.\"notnull\""
                    "  FROM sqlite_master m, pragma_table_info(m.name) p"
                    " WHERE m.type = 'table' AND m.name LIKE 'befragung%' ORDER BY m.name, p.cid";
    sqlite3_stmt *a = store_prepare(alt, q), *b = store_prepare(neu, q);
    int rows = 0;
    for (;;) {
        int ra = sqlite3_step(a), rb = sqlite3_step(b);
        assert_int_equal(ra, rb);
        if (ra != SQLITE_ROW) break;
        assert_string_equal(store_column_text(a, 0), store_column_text(b, 0));
        rows++;
    }
    assert_true(rows > 60);
    sqlite3_finalize(a);
    sqlite3_finalize(b);
    store_close(alt);
    store_close(neu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_and_reopen),
        cmocka_unit_test(test_rollback_leaves_nothing),
        cmocka_unit_test(test_not_sqlite_untouched),
        cmocka_unit_test(test_foreign_and_newer),
        cmocka_unit_test(test_migrate_v1),
        cmocka_unit_test(test_migrated_equals_new),
        cmocka_unit_test(test_migrate_befragung_wie_neu),
    };
    return cmocka_run_group_tests_name("store", tests, setup, teardown);
}
