/*
 * umsetzung.h — the implementation status (Umsetzungsstand) of a Maßnahme
 * as departments report it in Statusberichte and Rückmeldebögen, and the
 * rule that makes a measure overdue.
 *
 * Five statuses, as in Wolfsburg's management cycle: geplant, in Umsetzung,
 * umgesetzt, verzögert, entfallen.  The store keeps a code ('geplant',
 * 'in_umsetzung', 'umgesetzt', 'verzoegert', 'entfallen'); outputs print
 * the label.
 *
 * Pure functions (no I/O, no allocation), except bericht_stichtag and
 * bericht_stand, which read the configuration and report errors.
 */
#ifndef IB_UMSETZUNG_H
#define IB_UMSETZUNG_H

#include <stddef.h>
#include <time.h>

struct ib_config;

enum umsetzung_status {
    UMSETZUNG_KEIN = 0,        /* no status (no report) */
    UMSETZUNG_GEPLANT,
    UMSETZUNG_IN_UMSETZUNG,
    UMSETZUNG_UMGESETZT,
    UMSETZUNG_VERZOEGERT,
    UMSETZUNG_ENTFALLEN,
    UMSETZUNG_ANZAHL
};

/* The labels in order, for messages and drop-down lists:
 * "geplant, in Umsetzung, umgesetzt, verzögert, entfallen". */
#define UMSETZUNG_ERLAUBT "geplant, in Umsetzung, umgesetzt, verzögert, entfallen"

/*
 * umsetzung_status_parse — a status as written in a cell: one of the five
 * labels, case and blanks ignored, umlauts also written ae/oe/ue
 * („verzoegert“), '_' as a blank („in_umsetzung“, the store's code).
 * Returns the status, UMSETZUNG_KEIN for an empty cell (only blanks), or
 * -1 for any other text.
 */
int umsetzung_status_parse(const char *text);

/* umsetzung_status_code — the store's code ('in_umsetzung'); "" for KEIN or out of range. */
const char *umsetzung_status_code(enum umsetzung_status s);

/* umsetzung_status_label — the printed label ('in Umsetzung'); "" for KEIN or out of range. */
const char *umsetzung_status_label(enum umsetzung_status s);

/* umsetzung_status_von_code — the status of a store code; KEIN for NULL, "" or unknown. */
enum umsetzung_status umsetzung_status_von_code(const char *code);

/*
 * umsetzung_ueberfaellig — the overdue rule: a measure is overdue when its
 * Terminierung has an end day (ende, YYYYMMDD; 0 = none: laufend or ohne
 * Terminierung) that lies before the report day (stichtag, YYYYMMDD) — the
 * end day itself is still in time — and its latest status is neither
 * umgesetzt nor entfallen (a measure without any report counts as not
 * done).  Returns 1 or 0.
 */
int umsetzung_ueberfaellig(long ende, long stichtag, enum umsetzung_status s);

/*
 * umsetzung_stichtag — the report day as YYYYMMDD: the configured
 * [bericht] stand (TT.MM.JJJJ or another form werte_datum accepts) when
 * given (not NULL, not empty), else the UTC day of now (report_time()).
 * Returns the day, or -1 when the configured text is no valid date.
 */
long umsetzung_stichtag(const char *configured, time_t now);

/*
 * bericht_stichtag — the job's report day as YYYYMMDD, one rule for every
 * output (footers, title pages, „überfällig“, Rückmeldebögen): the
 * configuration's [bericht] stand when set; else vorgabe (a template's
 * stand, NULL = none); else the UTC day of report_time().  The text may be
 * any form werte_datum accepts (31.12.2024, 2024-12-31, …).  Returns the
 * day, or -1 after an error message naming the configuration file and key
 * when the text is no valid date (callers exit with IB_EXIT_USAGE).
 */
long bericht_stichtag(const struct ib_config *cfg, const char *vorgabe);

/*
 * bericht_stand — "Stand: TT.MM.JJJJ" of bericht_stichtag(cfg, vorgabe),
 * always printed the German way, into buf (size bytes).  Returns buf, or
 * NULL after the error message of bericht_stichtag.
 */
char *bericht_stand(const struct ib_config *cfg, const char *vorgabe, char *buf, size_t size);

#endif
