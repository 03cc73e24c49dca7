/*
 * statusberichte.c — compute part for measure tracking: the latest status
 * of every current Maßnahme and the counts per Handlungsfeld and Teilziel.
 *
 *   massnahme_status   per Maßnahme of massnahme_folge (current deliveries):
 *                      the responsible department (verantwortlich, else the
 *                      delivering source's fachdienst, else
 *                      [rueckmeldebogen] ohne_fachdienst), the last day of its
 *                      Terminierung (termin: the date; frist: 31.12. of the
 *                      horizon year; laufend/ohne: none), the latest status
 *                      report of the current deliveries (by stand, then the
 *                      later delivery, then the later row), and the flags
 *                      ueberfaellig (lib/umsetzung.h: the end day lies
 *                      before the report day and the status is neither
 *                      umgesetzt nor entfallen) and ohne_bericht.
 *   status_uebersicht  counts per Handlungsfeld (in report order), each
 *                      followed by its Teilziele (in order of first
 *                      appearance): measures, per status, without report,
 *                      overdue.
 *
 * The report day is [bericht] stand (TT.MM.JJJJ) or the day of
 * report_time() (SOURCE_DATE_EPOCH); an invalid stand is a configuration
 * error.  Runs after compute_massnahmen (needs massnahme_folge).
 */
#include "compute.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/store.h"
#include "lib/umsetzung.h"

#include <stdlib.h>
#include <string.h>

static long iso_to_long(const char *iso)
{
    if (!iso || strlen(iso) < 10) return 0;
    return atol(iso) * 10000 + atol(iso + 5) * 100 + atol(iso + 8);
}

static int fill_status(const struct ib_config *cfg, sqlite3 *db)
{
    sqlite3_stmt *ins = store_prepare(db,
        "INSERT INTO massnahme_status(massnahme_id, kennung, fachdienst, ende, statusbericht_id, status, stand,"
        "                             kommentar, ueberfaellig, ohne_bericht)"
        " SELECT m.id, m.kennung,"
        "        CASE WHEN trim(m.verantwortlich) <> '' THEN trim(m.verantwortlich)"
        "             WHEN s.fachdienst <> '' THEN s.fachdienst ELSE ?1 END,"
        "        CASE m.terminierung_kind WHEN 'termin' THEN m.terminierung_ende"
        "             WHEN 'frist' THEN printf('%04d-12-31', f.gruppe_jahr) END,"
        "        b.id, b.status, b.stand, b.kommentar, 0, b.id IS NULL"
        "   FROM massnahme_folge f JOIN massnahme m ON m.id = f.massnahme_id"
        "   JOIN source_file s ON s.id = m.source_file_id"
        "   LEFT JOIN statusbericht b ON b.id ="
        "        (SELECT b2.id FROM statusbericht b2 JOIN source_file s2 ON s2.id = b2.source_file_id"
        "          WHERE b2.kennung = m.kennung AND m.kennung <> '' AND s2.superseded_by IS NULL"
        "          ORDER BY b2.stand DESC, b2.source_file_id DESC, b2.row_number DESC LIMIT 1)"
        "  ORDER BY f.position");
    if (!ins) return IB_EXIT_STORE;
    store_bind_text(ins, 1, config_string(cfg, "rueckmeldebogen:ohne_fachdienst", "ohne Zuständigkeit"));
    int ok = sqlite3_step(ins) == SQLITE_DONE;
    sqlite3_finalize(ins);
    if (!ok) { store_error(db, "Maßnahmenstatus"); return IB_EXIT_STORE; }
    return IB_EXIT_OK;
}

/* The overdue flag by the rule of umsetzung_ueberfaellig(). */
static int flag_overdue(sqlite3 *db, long stichtag, int *overdue)
{
    sqlite3_stmt *q = store_prepare(db,
        "SELECT massnahme_id, ende, status FROM massnahme_status WHERE ende IS NOT NULL");
    sqlite3_stmt *u = store_prepare(db, "UPDATE massnahme_status SET ueberfaellig = 1 WHERE massnahme_id = ?");
    int rc = q && u ? IB_EXIT_OK : IB_EXIT_STORE;
    /* collected first: no update while the same table is being read */
    size_t n = 0, cap = 256;
    sqlite3_int64 *ids = xmalloc(sizeof *ids * cap);
    while (rc == IB_EXIT_OK && sqlite3_step(q) == SQLITE_ROW) {
        long ende = iso_to_long(store_column_text(q, 1));
        enum umsetzung_status s = umsetzung_status_von_code(store_column_text(q, 2));
        if (!umsetzung_ueberfaellig(ende, stichtag, s)) continue;
        if (n == cap) { cap *= 2; ids = xrealloc(ids, sizeof *ids * cap); }
        ids[n++] = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    for (size_t i = 0; rc == IB_EXIT_OK && i < n; i++) {
        sqlite3_reset(u);
        sqlite3_bind_int64(u, 1, ids[i]);
        if (sqlite3_step(u) != SQLITE_DONE) { store_error(db, "überfällige Maßnahmen"); rc = IB_EXIT_STORE; }
    }
    sqlite3_finalize(u);
    free(ids);
    *overdue = (int)n;
    return rc;
}

/* The counts of one group of massnahme_status rows (st). */
#define COUNTS \
    " count(*) AS anzahl, count(CASE st.status WHEN 'geplant' THEN 1 END) AS geplant," \
    " count(CASE st.status WHEN 'in_umsetzung' THEN 1 END) AS in_umsetzung," \
    " count(CASE st.status WHEN 'umgesetzt' THEN 1 END) AS umgesetzt," \
    " count(CASE st.status WHEN 'verzoegert' THEN 1 END) AS verzoegert," \
    " count(CASE st.status WHEN 'entfallen' THEN 1 END) AS entfallen," \
    " sum(st.ohne_bericht) AS ohne_bericht, sum(st.ueberfaellig) AS ueberfaellig"

static int fill_uebersicht(sqlite3 *db)
{
    return store_exec(db,
        "INSERT INTO status_uebersicht(position, ebene, handlungsfeld, teilziel, anzahl, geplant, in_umsetzung,"
        "                              umgesetzt, verzoegert, entfallen, ohne_bericht, ueberfaellig)"
        " SELECT row_number() OVER (ORDER BY hpos, stufe, tpos), ebene, hf, tz, anzahl, geplant, in_umsetzung,"
        "        umgesetzt, verzoegert, entfallen, ohne_bericht, ueberfaellig"
        "   FROM (SELECT 'handlungsfeld' AS ebene, m.handlungsfeld AS hf, '' AS tz," COUNTS ","
        "                h.position AS hpos, 0 AS stufe, 0 AS tpos"
        "           FROM massnahme_status st JOIN massnahme m ON m.id = st.massnahme_id"
        "           JOIN handlungsfeld h ON h.name = m.handlungsfeld"
        "          GROUP BY m.handlungsfeld"
        "         UNION ALL"
        "         SELECT 'teilziel', m.handlungsfeld, m.teilziel," COUNTS ","
        "                h.position, 1, min(f.position)"
        "           FROM massnahme_status st JOIN massnahme m ON m.id = st.massnahme_id"
        "           JOIN massnahme_folge f ON f.massnahme_id = m.id"
        "           JOIN handlungsfeld h ON h.name = m.handlungsfeld"
        "          GROUP BY m.handlungsfeld, m.teilziel)") == 0 ? IB_EXIT_OK : IB_EXIT_STORE;
}

int compute_statusberichte(const struct ib_config *cfg, sqlite3 *db)
{
    long stichtag = bericht_stichtag(cfg, NULL);
    if (stichtag < 0) return IB_EXIT_USAGE;
    if (store_exec(db, "DELETE FROM status_uebersicht; DELETE FROM massnahme_status;") != 0) return IB_EXIT_STORE;
    int rc = fill_status(cfg, db), overdue = 0;
    if (rc == IB_EXIT_OK) rc = flag_overdue(db, stichtag, &overdue);
    if (rc == IB_EXIT_OK) rc = fill_uebersicht(db);
    if (rc != IB_EXIT_OK) return rc;
    sqlite3_stmt *q = store_prepare(db, "SELECT count(*), sum(ohne_bericht) FROM massnahme_status");
    if (q && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) > 0) {
        int n = sqlite3_column_int(q, 0), ohne = sqlite3_column_int(q, 1);
        char mit[32], alle[32], ohne_t[32], ueber[32], tag[16];
        diag_info("Statusberichte: %s von %s Maßnahmen mit Status, %s ohne Bericht, %s überfällig (Stichtag %s)",
                  format_zahl(mit, sizeof mit, n - ohne, 0), format_zahl(alle, sizeof alle, n, 0),
                  format_zahl(ohne_t, sizeof ohne_t, ohne, 0), format_zahl(ueber, sizeof ueber, overdue, 0),
                  format_datum(tag, sizeof tag, (int)(stichtag / 10000), (int)(stichtag / 100 % 100), (int)(stichtag % 100)));
    }
    sqlite3_finalize(q);
    return IB_EXIT_OK;
}
