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

static int compute(const struct ib_config *cfg, sqlite3 *db)
{
    if (store_begin(db) != 0) return IB_EXIT_STORE;
    int rc = compute_massnahmen(cfg, db);
    if (rc == IB_EXIT_OK) rc = compute_statusberichte(cfg, db);
    if (rc == IB_EXIT_OK) rc = compute_eingang(cfg, db);
    int teilweise = 0;   /* 7: some indicators failed; the rest is stored and reported */
    if (rc == IB_EXIT_OK && (rc = compute_indikatoren(cfg, db)) == IB_EXIT_BERECHNUNG) { teilweise = 1; rc = IB_EXIT_OK; }
    if (rc == IB_EXIT_OK) rc = compute_befragung(cfg, db);
    if (rc == IB_EXIT_OK && store_commit(db) != 0) rc = IB_EXIT_STORE;
    if (rc != IB_EXIT_OK) store_rollback(db);
    return rc == IB_EXIT_OK && teilweise ? IB_EXIT_BERECHNUNG : rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-compute", "Leitet Gruppen, Reihenfolgen und Übersichten im Datenbestand ab.",
                      argc, argv, STORE_WRITE, compute);
}
