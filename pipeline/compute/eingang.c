/*
 * eingang.c — compute part for the Eingangsbericht (delivery report).
 *
 * eingang_quelle: one row per source profile (config/quellen.ini, in file
 * order) — a profile with `erwartet = nein` only when it delivered
 * something (accepted or rejected): a source nobody expects is never
 * „fehlt“ — plus one per source that delivered but has no profile any more:
 * status „geliefert“ (a current accepted delivery), „abgewiesen“ (only
 * rejected files), „fehlt“ (nothing); counts of current files, rows,
 * skipped rows, superseded and rejected deliveries.
 *
 * ruecklauf: one row per department asked ([ruecklauf] fachdienste): „geantwortet“
 * when a source of that department (profile key `fachdienst`) has an
 * accepted delivery, „fehlanzeige“ when listed in [ruecklauf] fehlanzeigen
 * (the department answered that it has nothing to report), otherwise
 * „ohne_rueckmeldung“ — as the Wesermarsch concept reports it: „7 von 17
 * Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne Rückmeldung“.
 */
#include "compute.h"
#include "lib/diag.h"
#include "lib/quelle.h"
#include "lib/store.h"

#include <string.h>

static int fill_quellen(const struct quellen *qs, sqlite3 *db)
{
    sqlite3_stmt *ins = store_prepare(db,
        "INSERT INTO eingang_quelle(position, quelle, fachdienst, typ, erwartet, status, dateien, zeilen,"
        " zeilen_abgewiesen, ersetzt, abgewiesen, letzte)"
        " SELECT ?1, ?2, ?3, ?4, ?5,"
        "   CASE WHEN (SELECT count(*) FROM source_file WHERE quelle = ?2 AND superseded_by IS NULL) > 0 THEN 'geliefert'"
        "        WHEN (SELECT count(*) FROM lieferung WHERE quelle = ?2 AND status = 'abgewiesen') > 0 THEN 'abgewiesen'"
        "        ELSE 'fehlt' END,"
        "   (SELECT count(*) FROM source_file WHERE quelle = ?2 AND superseded_by IS NULL),"
        "   (SELECT coalesce(sum(row_count), 0) FROM source_file WHERE quelle = ?2 AND superseded_by IS NULL),"
        "   (SELECT coalesce(sum(rows_rejected), 0) FROM source_file WHERE quelle = ?2 AND superseded_by IS NULL),"
        "   (SELECT count(*) FROM source_file WHERE quelle = ?2 AND superseded_by IS NOT NULL),"
        "   (SELECT count(*) FROM lieferung WHERE quelle = ?2 AND status = 'abgewiesen'),"
        "   (SELECT max(ingested_at) FROM source_file WHERE quelle = ?2)"
        " WHERE ?5 OR EXISTS (SELECT 1 FROM source_file WHERE quelle = ?2)"
        "    OR EXISTS (SELECT 1 FROM lieferung WHERE quelle = ?2 AND status = 'abgewiesen')");
    if (!ins) return IB_EXIT_STORE;
    int pos = 0, rc = IB_EXIT_OK;
    for (int i = 0; i < qs->count && rc == IB_EXIT_OK; i++) {
        const struct quelle *q = &qs->items[i];
        sqlite3_reset(ins);
        sqlite3_bind_int(ins, 1, ++pos);
        store_bind_text(ins, 2, q->id);
        store_bind_text(ins, 3, q->fachdienst);
        store_bind_text(ins, 4, quelle_typ_name(q->typ));
        sqlite3_bind_int(ins, 5, q->erwartet);
        if (sqlite3_step(ins) != SQLITE_DONE) { store_error(db, "Eingangsbericht"); rc = IB_EXIT_STORE; }
    }
    sqlite3_finalize(ins);
    if (rc != IB_EXIT_OK) return rc;
    /* sources in the store whose profile is gone */
    sqlite3_stmt *orphans = store_prepare(db,
        "INSERT INTO eingang_quelle(position, quelle, fachdienst, typ, erwartet, status, dateien, zeilen,"
        " zeilen_abgewiesen, ersetzt, abgewiesen, letzte)"
        " SELECT ?1 + row_number() OVER (ORDER BY quelle), quelle, max(fachdienst), max(dataset), 0, 'geliefert',"
        "        sum(superseded_by IS NULL), sum(CASE WHEN superseded_by IS NULL THEN row_count ELSE 0 END),"
        "        sum(CASE WHEN superseded_by IS NULL THEN rows_rejected ELSE 0 END), sum(superseded_by IS NOT NULL),"
        "        0, max(ingested_at)"
        "   FROM source_file WHERE quelle NOT IN (SELECT quelle FROM eingang_quelle) GROUP BY quelle");
    if (!orphans) return IB_EXIT_STORE;
    sqlite3_bind_int(orphans, 1, pos);
    rc = sqlite3_step(orphans) == SQLITE_DONE ? IB_EXIT_OK : IB_EXIT_STORE;
    sqlite3_finalize(orphans);
    return rc;
}

static int fill_ruecklauf(const struct ib_config *cfg, const struct quellen *qs, sqlite3 *db)
{
    char **asked = config_list(cfg, "ruecklauf:fachdienste", "", NULL);
    char **fehl = config_list(cfg, "ruecklauf:fehlanzeigen", "", NULL);
    int rc = IB_EXIT_OK;
    for (char **f = fehl; *f; f++) {
        int listed = 0;
        for (char **a = asked; *a && !listed; a++) listed = strcmp(*a, *f) == 0;
        if (!listed) {
            diag_error("Konfiguration %s: [ruecklauf] fehlanzeigen nennt „%s“, das nicht unter fachdienste steht",
                       cfg->path, *f);
            rc = IB_EXIT_USAGE;
        }
    }
    (void)qs;
    sqlite3_stmt *ins = rc == IB_EXIT_OK ? store_prepare(db,
        "INSERT INTO ruecklauf(position, fachdienst, status, dateien)"
        " SELECT ?1, ?2, CASE WHEN count(s.id) > 0 THEN 'geantwortet' WHEN ?3 THEN 'fehlanzeige'"
        "                     ELSE 'ohne_rueckmeldung' END, count(s.id)"
        "   FROM (SELECT 1) LEFT JOIN source_file s ON s.fachdienst = ?2 AND s.superseded_by IS NULL") : NULL;
    if (rc == IB_EXIT_OK && !ins) rc = IB_EXIT_STORE;
    int pos = 0;
    for (char **a = asked; rc == IB_EXIT_OK && *a; a++) {
        int is_fehl = 0;
        for (char **f = fehl; *f && !is_fehl; f++) is_fehl = strcmp(*a, *f) == 0;
        sqlite3_reset(ins);
        sqlite3_bind_int(ins, 1, ++pos);
        store_bind_text(ins, 2, *a);
        sqlite3_bind_int(ins, 3, is_fehl);
        if (sqlite3_step(ins) != SQLITE_DONE) { store_error(db, "Rücklauf"); rc = IB_EXIT_STORE; }
    }
    sqlite3_finalize(ins);
    config_list_free(asked);
    config_list_free(fehl);
    return rc;
}

int compute_eingang(const struct ib_config *cfg, sqlite3 *db)
{
    struct quellen qs;
    if (quellen_load(cfg, &qs) != 0) return IB_EXIT_USAGE;
    int rc = store_exec(db, "DELETE FROM eingang_quelle; DELETE FROM ruecklauf;") == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
    if (rc == IB_EXIT_OK) rc = fill_quellen(&qs, db);
    if (rc == IB_EXIT_OK) rc = fill_ruecklauf(cfg, &qs, db);
    quellen_free(&qs);
    return rc;
}
