/*
 * compute.h — the parts of ibericht-compute (store → derived tables).
 *
 *   main.c        the run: one write transaction over all parts
 *   massnahmen.c  Terminierung groups, report order, Handlungsfelder,
 *                 counts per Handlungsfeld × group
 *   eingang.c     the Eingangsbericht: per expected source and Rücklauf
 *                 per department
 *   indikatoren.c the indicator catalogue computed: values, state, coverage
 *   statusberichte.c  latest status per measure, overdue and unreported
 *                 measures, counts per Handlungsfeld and Teilziel
 *   befragung.c   surveys: frequencies, multiple responses, Likert
 *                 statistics, cross-tabulations, Rücklauf, open answers —
 *                 small cells suppressed, personal questions never evaluated
 *
 * Each part deletes and refills its own derived tables; it returns an
 * exit code (IB_EXIT_OK, IB_EXIT_USAGE for configuration problems,
 * IB_EXIT_STORE) and leaves the transaction to main.c.
 */
#ifndef IB_COMPUTE_H
#define IB_COMPUTE_H

#include <sqlite3.h>

#include "lib/config.h"

int compute_massnahmen(const struct ib_config *cfg, sqlite3 *db);
int compute_eingang(const struct ib_config *cfg, sqlite3 *db);
int compute_indikatoren(const struct ib_config *cfg, sqlite3 *db);
/* after compute_massnahmen: massnahme_status, status_uebersicht */
int compute_statusberichte(const struct ib_config *cfg, sqlite3 *db);
int compute_befragung(const struct ib_config *cfg, sqlite3 *db);

#endif
