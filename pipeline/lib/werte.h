/*
 * werte.h — values as German departments and official statistics write
 * them: numbers („1.234,5“, „12,5 %“, „(12,5) p“), the table symbols of
 * official statistics („–“, „.“, „x“ …) and dates („31.12.2024“).
 *
 * Pure functions: no I/O, no allocation, no state of their own (strtod is
 * handed the locale's decimal point, so LC_NUMERIC does not matter).  Text
 * is UTF-8 (as the readers deliver it); leading and trailing blanks (space,
 * TAB, CR, LF, NBSP U+00A0, thin space U+2009, narrow NBSP U+202F) are
 * ignored.
 * Failures are negative enum werte_status values.
 *
 * Sources of the rules:
 *   - numbers: decimal comma and digit grouping in threes (DIN 1333,
 *     DIN 5008); the thousands dot of German Excel (locale de-DE);
 *   - symbols: DIN 55301 „Gestaltung statistischer Tabellen“ and the
 *     „Zeichenerklärung“ of the Statistisches Bundesamt (Destatis);
 *   - dates: DIN 5008 (TT.MM.JJJJ), ISO 8601 (JJJJ-MM-TT).
 */
#ifndef IB_WERTE_H
#define IB_WERTE_H

enum werte_status {
    WERTE_LEER = -1,            /* NULL, empty or only blanks */
    WERTE_KEINE_ZAHL = -2,      /* no number in an accepted notation */
    WERTE_NUR_SYMBOL = -3,      /* only a table symbol without a number (werte_symbol_parse says which) */
    WERTE_KEIN_DATUM = -4,      /* none of the accepted date formats */
    WERTE_DATUM_UNGUELTIG = -5  /* date format right, the day does not exist (29.02.2023, 31.04.) */
};

/* Marks on a number, returned by werte_zahl as a bit set. */
enum werte_flag {
    WERTE_PROZENT = 1 << 0,             /* „12,5 %“: the value stays 12.5 (percent, not 0.125) */
    WERTE_EINGESCHRAENKT = 1 << 1,      /* „(12,5)“ Aussagewert eingeschränkt (DIN 55301 „( )“) */
    WERTE_VORLAEUFIG = 1 << 2,          /* „12,5 p“ vorläufige Zahl */
    WERTE_BERICHTIGT = 1 << 3,          /* „12,5 r“ berichtigte Zahl */
    WERTE_GESCHAETZT = 1 << 4,          /* „12,5 s“ geschätzte Zahl (Destatis) */
    WERTE_WENIGER_ALS_HAELFTE = 1 << 5, /* written zero „0“, „0,0“: DIN 55301 „0“ = less than half
                                           the smallest unit shown, but more than nothing */
    WERTE_MEHRDEUTIG = 1 << 6           /* only with englisch: German and English readings differ
                                           („1.234“, „1,234“); the German one was taken */
};

struct werte_zahl_optionen {
    int englisch;   /* 1: also accept English notation („1,234.5“, „0.5“) — see werte_zahl */
};

/*
 * werte_zahl — the number in a cell as German Excel or a statistics table
 * writes it.
 *
 * text: UTF-8, e.g. „1.234,5“ „1234,5“ „-12,25“ „+7“ „1.234.567“ „1 234“
 *   (space, NBSP or narrow NBSP as thousands separator) „12 %“ „12,5%“
 *   „(12,5)“ „12,5 p“ „(3,4 %) r“; a sign may be '+', '-' or U+2212 „−“.
 * opt: NULL = German only.
 * out: the value (may be NULL); NAN on failure.
 * Returns the marks (a set of enum werte_flag, 0 for a plain number) or a
 *   negative status: WERTE_LEER, WERTE_NUR_SYMBOL (the cell is a table symbol
 *   like „–“ or „.“, see werte_symbol_parse), WERTE_KEINE_ZAHL.
 *
 * Notation, decided deterministically:
 *   - German: ',' is the decimal separator (at most one, the last
 *     separator, with digits on both sides: „,5“ and „5,“ are rejected);
 *     thousands separators are '.' or blanks, one kind per number, groups
 *     of exactly three digits after a first group of 1–3 digits not
 *     starting with 0.  So „1.234“ = 1234, „1,234“ = 1.234, and „1.23“,
 *     „1.2345“, „0.123“ are no German numbers.
 *   - With opt->englisch the same rules with '.' and ',' swapped are tried
 *     as well.  A text valid in only one notation is read in it („1,234.5“
 *     = 1234.5, „1.5“ = 1.5, „1,234,567“); a text valid in both is read
 *     German and flagged WERTE_MEHRDEUTIG if the values differ („1.234“ =
 *     1234, „1,234“ = 1.234).
 *   - Marks: trailing letters p, r, s (each at most once, blank optional),
 *     then '%', then parentheses around the number (a '%' may also stand
 *     inside them).  Parentheses mean DIN 55301 „eingeschränkt“, never a
 *     negative amount as in English accounting.
 *   - A number written with zeros only („0“, „0,0“, „-0,0“) is the value 0
 *     (sign kept) flagged WERTE_WENIGER_ALS_HAELFTE: in official tables a
 *     true zero is „–“.  Callers reading plain department counts may ignore
 *     the flag.
 *   - Rejected: exponents („1,23E+11“ — Excel's display of large numbers in
 *     format „Standard“, digits already lost), more than 40 digits,
 *     currency or unit words („5 €“, „12 Stück“).
 */
int werte_zahl(const char *text, const struct werte_zahl_optionen *opt, double *out);

/* Table symbols (Zeichenerklärung); the comments show werte_symbol_text. */
enum werte_symbol {
    WERTE_SYMBOL_KEINES = 0,            /* ""    no symbol */
    WERTE_SYMBOL_NICHTS,                /* "–"   nichts vorhanden (genau null) */
    WERTE_SYMBOL_WENIGER_ALS_HAELFTE,   /* "0"   mark on a number */
    WERTE_SYMBOL_UNBEKANNT,             /* "."   Zahlenwert unbekannt oder geheim zu halten */
    WERTE_SYMBOL_NICHT_SICHER,          /* "/"   keine Angaben, da nicht sicher genug */
    WERTE_SYMBOL_GESPERRT,              /* "x"   Tabellenfach gesperrt */
    WERTE_SYMBOL_SPAETER,               /* "…"   Angabe fällt später an */
    WERTE_SYMBOL_EINGESCHRAENKT,        /* "( )" mark on a number */
    WERTE_SYMBOL_VORLAEUFIG,            /* "p"   mark on a number */
    WERTE_SYMBOL_BERICHTIGT,            /* "r"   mark on a number */
    WERTE_SYMBOL_GESCHAETZT,            /* "s"   mark on a number */
    WERTE_SYMBOL_KEINE_ANGABE,          /* "k. A." keine Angabe (department usage, not DIN 55301) */
    WERTE_SYMBOL_ANZAHL                 /* number of entries, for loops over the legend */
};

/*
 * werte_symbol_parse — is the whole cell a table symbol standing for a
 * missing number?  Accepts „–“ (en dash), „-“, „—“ (em dash) → NICHTS;
 * „.“ → UNBEKANNT; „/“ → NICHT_SICHER; „x“, „X“ → GESPERRT; „…“, „...“ →
 * SPAETER; „k.A.“, „k. A.“, „n.v.“, „n. v.“ (any case, final dot optional)
 * → KEINE_ANGABE.  The marks that go with a number („0“, „( )“, p, r, s)
 * are not accepted alone: werte_zahl reports them as flags.
 * Returns 1 and sets *out (may be NULL), else 0 and *out = KEINES.
 */
int werte_symbol_parse(const char *text, enum werte_symbol *out);

/* werte_symbol_text — the canonical symbol as printed in tables and
 * legends („–“ „0“ „.“ „/“ „x“ „…“ „( )“ „p“ „r“ „s“ „k. A.“); "" for
 * KEINES or an unknown value. */
const char *werte_symbol_text(enum werte_symbol s);

/* werte_symbol_bedeutung — the German legend text (Destatis wording, e.g.
 * „Zahlenwert unbekannt oder geheim zu halten“); "" for KEINES or an
 * unknown value. */
const char *werte_symbol_bedeutung(enum werte_symbol s);

/*
 * werte_datum — a calendar date in one of the four formats departments use:
 *   „31.12.2024“ (day and month with 1 or 2 digits: „1.2.2024“ too),
 *   „31.12.24“ (two-digit year: 00–69 → 2000–2069, 70–99 → 1970–1999; this
 *     window keeps deadlines up to 2069 in this century — Excel itself
 *     uses 1930–2029, POSIX strptime %y 1969–2068),
 *   „2024-12-31“ (ISO 8601, exactly 4-2-2 digits),
 *   „31/12/2024“ (day first; „12/31/2024“ is no date: there is no month 31).
 * Years 1000–9999, Gregorian leap years (29.02.2024 and 29.02.2000 exist,
 * 29.02.2023 and 29.02.1900 do not).  Anything else (a time of day, „31-12-2024“,
 * „2024/12/31“, „31.12.“, „12.2024“, „31122024“) is rejected.
 * y, m, d: set only on success.  Returns 0, WERTE_LEER, WERTE_KEIN_DATUM or
 * WERTE_DATUM_UNGUELTIG.
 */
int werte_datum(const char *text, int *y, int *m, int *d);

#endif
