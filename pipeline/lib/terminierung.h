/*
 * terminierung.h — parse the Terminierung (deadline) of a Maßnahme into a
 * sortable period.
 *
 * Integration concepts write deadlines as free text: „laufend“, „Bis 2027“,
 * „bis Ende 2027“, „2026“, „2. Halbjahr 2026“, „31.12.2026“, „kurzfristig“.
 * terminierung_parse() turns such a text into a kind and the last day of the
 * period it names, so measures can be sorted and grouped chronologically
 * (Anhang 6 of the Wesermarsch concept: laufend, bis 2025, bis 2027, bis 2030).
 * Grouping is by the year the period ends in; which years exist comes from
 * the data, never from code.
 */
#ifndef IB_TERMINIERUNG_H
#define IB_TERMINIERUNG_H

enum terminierung_kind {
    TERMINIERUNG_OHNE = 0,    /* empty or not understood: group „ohne Terminierung“ */
    TERMINIERUNG_LAUFEND,     /* laufend, fortlaufend, dauerhaft, … */
    TERMINIERUNG_FRIST,       /* kurz-/mittel-/langfristig, resolved by the horizons */
    TERMINIERUNG_TERMIN       /* a dated deadline: year, half-year, quarter, month, day */
};

enum terminierung_horizont {
    HORIZONT_KEINER = 0,
    HORIZONT_KURZ = 1,
    HORIZONT_MITTEL = 2,
    HORIZONT_LANG = 3
};

/* The parsed period.  jahr/monat/tag is the last day of the period. */
struct terminierung {
    enum terminierung_kind kind;
    int jahr, monat, tag;              /* 0 for OHNE and LAUFEND */
    enum terminierung_horizont horizont; /* only for FRIST */
    long sort;                         /* 0 laufend, YYYYMMDD dated, 99999999 ohne */
};

/*
 * Options of the parser.
 *   kurz_jahr, mittel_jahr, lang_jahr: the years „kurzfristig“, „mittelfristig“
 *       and „langfristig“ stand for (config [terminierung]); 0 = not set, the
 *       word is then not understood.
 *   laufend_woerter: extra words (NULL-terminated, case-insensitive) that
 *       mean „laufend“, besides the built-in laufend/fortlaufend/dauerhaft/
 *       kontinuierlich/ständig/fortwährend/regelmäßig/jährlich; may be NULL.
 */
struct terminierung_optionen {
    int kurz_jahr, mittel_jahr, lang_jahr;
    const char *const *laufend_woerter;
};

enum terminierung_status {
    TERMINIERUNG_OK = 0,
    TERMINIERUNG_LEER = 1,          /* text empty or only blanks: kind OHNE */
    TERMINIERUNG_UNBEKANNT = 2      /* text not understood: kind OHNE */
};

/*
 * terminierung_parse — parse text (UTF-8, may be NULL) into *out.
 *
 * Understood forms (case and surrounding blanks ignored; a leading „bis“,
 * „bis Ende“, „bis spätestens“, „Ende“, „im“, „zum“ is allowed):
 *   laufend words                      → LAUFEND
 *   kurzfristig/mittelfristig/langfristig → FRIST, 31.12. of the horizon year
 *                                      (horizon year 0: jahr stays 0 and sort is
 *                                      the horizont; the caller resolves it)
 *   2027                               → 31.12.2027
 *   31.12.2026, 2026-12-31             → that day (validated, leap years)
 *   12/2026, 12.2026, Dezember 2026    → last day of the month
 *   2. Halbjahr 2026, 2. HJ 2026       → 31.12.2026 (1. → 30.06.)
 *   3. Quartal 2026, Q3 2026, Q3/2026  → 30.09.2026
 *   Anfang/Mitte/Ende 2026             → 31.03./30.06./31.12.2026
 *   Frühjahr/Sommer/Herbst 2026        → 31.05./31.08./30.11.2026
 *   2025/2026, 2025/26, 2025–2027      → the end of the last year
 * Years must lie in 1900…2199.  Returns a terminierung_status; on anything
 * but TERMINIERUNG_OK, out->kind is TERMINIERUNG_OHNE.
 */
enum terminierung_status terminierung_parse(const char *text,
                                            const struct terminierung_optionen *opt,
                                            struct terminierung *out);

/*
 * terminierung_gruppe_jahr — the group a parsed period belongs to:
 * 0 for LAUFEND, the year the period ends in for FRIST and TERMIN, and
 * 9999 for OHNE.  Groups sort by this number.
 */
int terminierung_gruppe_jahr(const struct terminierung *t);

#define TERMINIERUNG_GRUPPE_OHNE 9999

#endif
