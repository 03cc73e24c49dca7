/*
 * format.h — German formatting of numbers and dates for the outputs.
 *
 * Numbers as in German official statistics and DIN 5008: decimal comma,
 * thousands dot („1.234,5“); dates „31.12.2024“.  Independent of the C
 * locale (LC_NUMERIC stays "C" for libxlsxwriter).
 */
#ifndef IB_FORMAT_H
#define IB_FORMAT_H

#include <stddef.h>
#include <time.h>

/*
 * format_zahl — value with `decimals` digits after the comma, rounded half
 * away from zero, thousands grouped with '.': 1234.5, 1 → "1.234,5".
 * Writes into buf (size bytes, NUL-terminated); returns buf.
 */
char *format_zahl(char *buf, size_t size, double value, int decimals);

/*
 * format_menge — a count with its noun, grouped as format_zahl:
 * (1, "Seite", "Seiten") → "1 Seite", 1293 → "1.293 Seiten".  einzahl after
 * exactly 1, mehrzahl otherwise (also 0).  Writes into buf; returns buf.
 */
char *format_menge(char *buf, size_t size, long n, const char *einzahl, const char *mehrzahl);

/*
 * format_ruecklauf — the Rücklauf sentence, the unit agreeing with the
 * total: einheit after a total of 1, einheiten (dative plural) otherwise;
 * „7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen, 5 ohne
 * Rückmeldung“, „1 von 1 Fachdienst geantwortet, 1 Fehlanzeige, 0 ohne
 * Rückmeldung“ (einheit "Fachdienst", einheiten "Fachdiensten"); counts
 * grouped as format_zahl.  Writes into buf (size bytes); returns buf.
 */
char *format_ruecklauf(char *buf, size_t size, const char *einheit, const char *einheiten, long geantwortet,
                       long gesamt, long fehlanzeigen, long ohne);

/* format_datum — "TT.MM.JJJJ" of the calendar day (local fields of tm). */
char *format_datum(char *buf, size_t size, int jahr, int monat, int tag);

/*
 * report_time — the time the report is made: SOURCE_DATE_EPOCH when set
 * (reproducible builds, https://reproducible-builds.org/specs/source-date-epoch/),
 * else now.  UTC.
 */
time_t report_time(void);

/*
 * format_stand — "Stand: TT.MM.JJJJ" of a day given as YYYYMMDD (as
 * umsetzung_stichtag and bericht_stichtag return it).  Returns buf.
 */
char *format_stand(char *buf, size_t size, long tag);

/* format_iso_datum — "TT.MM.JJJJ" from an ISO date or time ("2024-11-20…");
 * other text is copied unchanged. */
char *format_iso_datum(char *buf, size_t size, const char *iso);

/* format_iso_utc — "YYYY-MM-DDTHH:MM:SSZ" of t. */
char *format_iso_utc(char *buf, size_t size, time_t t);

/* utf8_valid — 1 if s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* utf8_sanitize — replace every byte of s that is not part of well-formed
 * UTF-8 by '?', in place (messages quoting cut-off file values must not
 * break the XLSX and PDF they are printed in).  Returns s. */
char *utf8_sanitize(char *s);

#endif
