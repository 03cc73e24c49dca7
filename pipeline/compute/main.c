/*
 * main.c — ibericht-compute: the derived tables of the store, in one
 * transaction (readers never see a half-computed state; a failure leaves
 * the previous derived tables).  See compute.h for the parts.
 *
 * Exit codes: 0 done, 2 configuration, 4 store unusable.
 */
#include "compute.h"
#include "lib/diag.h"
#include "lib/stage.h"
#include "lib/store.h"

int main(int argc, char **argv)
{
    struct ib_config cfg;
    int rc = stage_start("ibericht-compute", "Leitet Gruppen, Reihenfolgen und Übersichten im Datenbestand ab.",
                         argc, argv, &cfg);
    if (rc) return rc < 0 ? IB_EXIT_OK : rc;
    sqlite3 *db = store_open(cfg.store, STORE_WRITE);
    rc = db ? IB_EXIT_OK : IB_EXIT_STORE;
    if (rc == IB_EXIT_OK && store_begin(db) != 0) rc = IB_EXIT_STORE;
    if (rc == IB_EXIT_OK) rc = compute_massnahmen(&cfg, db);
    if (rc == IB_EXIT_OK) rc = compute_eingang(&cfg, db);
    if (rc == IB_EXIT_OK && store_commit(db) != 0) rc = IB_EXIT_STORE;
    if (db && rc != IB_EXIT_OK) store_rollback(db);
    store_close(db);
    config_free(&cfg);
    return rc;
}
