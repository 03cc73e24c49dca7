/*
 * befragung.h — the answers to one questionnaire (fragebogen.h) in memory,
 * and their evaluation for the Integrationsbericht: frequencies and shares,
 * multiple responses on both bases, Likert statistics, cross-tabulations,
 * Rücklauf, validation of the answers, pseudonyms, redaction of free text,
 * small-cell suppression (geheimhaltung.h).
 *
 * Use (a stage, or a test):
 *
 *     fragebogen_laden(ini, &fb, NULL);
 *     key = befragung_schluessel(cfg, &keylen, err, sizeof err);   // env or job config
 *     b = befragung_neu(fb, key, keylen);
 *     befragung_csv_lesen(b, "antworten.csv", &csverr);           // or befragung_kopf + befragung_zeile
 *                                                                  // per row from any reader
 *     befragung_pruefen(b, &meldungen);                            // data problems, per pseudonym
 *     befragung_haeufigkeit(b, "III.1", NULL, &h);                 // suppressed, ready to print
 *     befragung_kreuztabelle(b, "III.1", "I.7", NULL, &k);
 *     befragung_freitexte(b, "VI.10", NULL, &t);                   // redacted
 *     befragung_ruecklauf(b, &r);  befragung_ruecklauf_satz(&r, buf, n);
 *
 * The evaluation functions are pure: they read the answers and the
 * questionnaire and fill their result; nothing global, no I/O (only the
 * readers befragung_csv_lesen and befragung_schluessel touch files).  The
 * fragebogen must outlive the befragung and its results (results point to
 * its questions and options).
 *
 * Privacy — the contract of this module
 * -------------------------------------
 *  1. Respondent ids are never stored: only a keyed pseudonym
 *     "P-" + 16 hex digits = the first 64 bits of HMAC-SHA-256(key, id)
 *     (OpenSSL libcrypto).  Without the key the pseudonym cannot be linked to
 *     the id, not even by trying all ids.  The same key gives the same
 *     pseudonym for the same id in every run (so data-cleaning messages can be
 *     followed up by whoever holds the key and the raw file); another key gives
 *     unrelated pseudonyms.  Use one key per survey if answers must not be
 *     linkable across surveys.
 *     Key: environment variable IBERICHT_PSEUDONYM_SCHLUESSEL, else the file
 *     named by [befragung] pseudonym_schluessel_datei of the job config, else
 *     [befragung] pseudonym_schluessel there; at least 16 bytes (e.g.
 *     `openssl rand -hex 32`).  Keep it out of the repository; there is no
 *     default key.
 *  2. Answers to personal questions (frage.personenbezogen: Wesel's section
 *     I — institution, street, contact person, telephone, e-mail) are kept
 *     only to redact them from free text.  No function returns them:
 *     befragung_haeufigkeit, _kreuztabelle and _freitexte refuse personal
 *     questions (BEFRAGUNG_E_PERSONENBEZOGEN), and messages never show their
 *     values.
 *  3. Free texts come out redacted (befragung_schwaerzen: e-mail addresses,
 *     telephone numbers, the personal text answers of ALL respondents) and
 *     sorted, so their order does not link them to a row or to the other
 *     answers of the same respondent.  Values quoted in messages are redacted
 *     too.
 *  4. Counts are protected with geheimhaltung.h (threshold rule + secondary
 *     suppression; shares follow their counts) unless the caller asks for
 *     opt->ohne_geheimhaltung (internal checks only, never for publication).
 *     A suppressed number is NAN in the result (status says why), so a
 *     renderer cannot print it by mistake; print with
 *     befragung_zelle_text().
 *     Derived figures follow (see struct befragung_haeufigkeit): base counts
 *     of a question whose n is suppressed are -1, a Likert mean is suppressed
 *     as soon as one cell of its distribution is (n, mean and the other cells
 *     would give the hidden cell back), the top-2-box whenever it would reveal a
 *     hidden cell.  Limits: tables are protected one at a time; several
 *     published tables of the same answers (a frequency table and a
 *     cross-tabulation, filter bases) are not protected against each other
 *     (see the limits in geheimhaltung.h).
 *
 * Answer data: see fragebogen.h („Answer data columns“).  Cells: "" or a
 * value of [antworten] fehlend = no answer; single/janein/likert: an option
 * code (or its text, case-insensitive); multi: 0/1 per option — all cells of a
 * question empty = not answered, any 0/1 = answered (all 0 = answered,
 * nothing ticked); zahl: German notation (werte.h).  A question is asked of
 * a respondent when it has no filter, or the (itself asked) filter question
 * was answered with one of the filter options.  Answers given although the
 * filter excludes the question, and invalid values, are left out of every
 * evaluation and reported by befragung_pruefen().
 */
#ifndef IB_BEFRAGUNG_H
#define IB_BEFRAGUNG_H

#include <stddef.h>

#include "csvreader.h"
#include "diag.h"
#include "fragebogen.h"
#include "geheimhaltung.h"

struct ib_config;

/* Results of the functions below (negative = error). */
enum befragung_fehler {
    BEFRAGUNG_OK = 0,
    BEFRAGUNG_E_FRAGE = -1,            /* no such question (or option) */
    BEFRAGUNG_E_PERSONENBEZOGEN = -2,  /* a personal question: never evaluated */
    BEFRAGUNG_E_TYP = -3,              /* the function does not apply to this question type */
    BEFRAGUNG_E_RUECKLAUF = -4,        /* the questionnaire has no [ruecklauf] */
    BEFRAGUNG_E_KOPF = -5              /* a row before the header (befragung_kopf) */
};

/* befragung_fehlertext — German text of a result above. */
const char *befragung_fehlertext(int fehler);

/* ---- pseudonyms and the key ---------------------------------------------------------- */

#define BEFRAGUNG_SCHLUESSEL_ENV "IBERICHT_PSEUDONYM_SCHLUESSEL"
#define BEFRAGUNG_SCHLUESSEL_MIN 16
#define BEFRAGUNG_PSEUDONYM_GROESSE 19          /* "P-" + 16 hex digits + NUL */

/*
 * befragung_pseudonym_bilden — "P-" + the first 16 hex digits of
 * HMAC-SHA-256(schluessel, id) into out.  Returns 0, or -1 (key shorter
 * than BEFRAGUNG_SCHLUESSEL_MIN, OpenSSL failure; out = "").
 */
int befragung_pseudonym_bilden(const void *schluessel, size_t laenge, const char *id,
                               char out[BEFRAGUNG_PSEUDONYM_GROESSE]);

/*
 * befragung_schluessel — the pseudonymisation key, from (in this order) the
 * environment variable BEFRAGUNG_SCHLUESSEL_ENV, the file named by
 * "befragung:pseudonym_schluessel_datei" of cfg (whole content, one final
 * newline dropped), or "befragung:pseudonym_schluessel" of cfg.  cfg may be
 * NULL (environment only).  Returns the key (free with
 * befragung_schluessel_free, which wipes it) and *laenge, or NULL with a
 * German message in fehler (none found, file unreadable, shorter than
 * BEFRAGUNG_SCHLUESSEL_MIN bytes).
 */
char *befragung_schluessel(const struct ib_config *cfg, size_t *laenge, char *fehler, size_t fehlergroesse);
void befragung_schluessel_free(char *schluessel, size_t laenge);

/* ---- answers in memory --------------------------------------------------------------- */

struct befragung;   /* opaque */

/*
 * befragung_neu — an empty set of answers to fb, pseudonymised with the key
 * (copied).  NULL if the key is shorter than BEFRAGUNG_SCHLUESSEL_MIN.
 */
struct befragung *befragung_neu(const struct fragebogen *fb, const void *schluessel, size_t laenge);
void befragung_free(struct befragung *b);

/*
 * befragung_kopf — the header row: maps columns (names trimmed, compared
 * case-insensitively) to the id, the Rücklauf unit, the questions and
 * options.  Unknown, duplicate and missing columns become messages
 * (befragung_pruefen).  Returns the number of columns used.  Calling it
 * again starts a new mapping (for a second file of the same survey).
 */
int befragung_kopf(struct befragung *b, const char *const *felder, int n);

/*
 * befragung_zeile — one respondent's row, in the columns of the last header;
 * zeile is its row number in the source (header = 1; for messages).  The id
 * is pseudonymised at once; an empty id becomes "Zeile N" (with a message).
 * A row of only empty cells (Excel's trailing ";;;;") is skipped.  Returns 1
 * if a respondent was added, 0 for a skipped row, BEFRAGUNG_E_KOPF before any
 * header.
 */
int befragung_zeile(struct befragung *b, const char *const *felder, int n, long zeile);

/*
 * befragung_csv_lesen — read a survey export (any encoding csvreader.h
 * accepts; ';' ',' or TAB): first row the header, then one row per
 * respondent.  Returns CSVREADER_OK or the csvreader_read error (err filled).
 */
int befragung_csv_lesen(struct befragung *b, const char *pfad, struct csvreader_error *err);

/* befragung_anzahl — respondents read. */
size_t befragung_anzahl(const struct befragung *b);

/* befragung_pseudonym — pseudonym of respondent i (in reading order), NULL out of range. */
const char *befragung_pseudonym(const struct befragung *b, size_t i);

/* ---- validation ---------------------------------------------------------------------- */

enum befragung_meldungsart {
    /* reading */
    BM_UNBEKANNTE_SPALTE = 1,   /* header column of no question (ignored) */
    BM_DOPPELTE_SPALTE,         /* header column twice (the first counts) */
    BM_FEHLENDE_SPALTE,         /* a question's column is missing: its answers count as missing */
    BM_FELDANZAHL,              /* row with another number of fields than the header */
    BM_OHNE_ID,                 /* empty id: replaced by „Zeile N“ */
    BM_DOPPELTE_ID,             /* the same id twice (both rows are kept) */
    BM_UNBEKANNTE_EINHEIT,      /* Rücklauf unit not in the list of those asked */
    /* answers — the value is left out of the evaluation */
    BM_UNBEKANNTER_CODE,        /* single/janein/likert: no such option */
    BM_MEHRERE_ANTWORTEN,       /* single/janein/likert: two or more codes in one cell */
    BM_AUSSERHALB_SKALA,        /* likert: a number outside the scale */
    BM_KEIN_0_1,                /* multi: option cell neither 0 nor 1 */
    BM_KEINE_ZAHL,              /* zahl: not a number */
    BM_AUSSERHALB_BEREICH,      /* zahl: outside min/max, or not an integer with ganzzahlig */
    BM_TROTZ_FILTER,            /* answered although the filter excludes the question */
    BM_FREITEXT_OHNE_OPTION     /* text of a free-text option without the option chosen (warning) */
};

struct befragung_meldung {
    enum befragung_meldungsart art;
    enum diag_severity schwere;                      /* reading and free text: WARNING; answers: ERROR */
    long zeile;                                      /* row in the source (header = 1), 0 = none */
    char befragter[BEFRAGUNG_PSEUDONYM_GROESSE];     /* pseudonym, "" for column messages */
    char frage[48];                                  /* question code, "" if none */
    char text[480];                                  /* the whole German message (no row number:
                                                        the pseudonym identifies the respondent) */
};

struct befragung_meldungen {
    size_t n;
    struct befragung_meldung *m;
};

/*
 * befragung_pruefen — all problems of the answers read so far: the reading
 * messages (in reading order), then per respondent (reading order) and
 * question (questionnaire order) the problems of its answers.  Message texts:
 *   „P-0123456789abcdef, Frage III.1: Wert „7“ außerhalb der Skala 1–6“
 *   „P-…, Frage IV.1: 2 Antworten „1,2“ bei Einfachauswahl“
 *   „P-…, Frage II.3: unbekannter Code „x“ (Codes: 1, 2)“
 *   „P-…, Frage I.7, Spalte I.7.3: „x“ ist weder 0 noch 1“
 *   „P-…, Frage III.2: beantwortet, obwohl der Filter „III.1 in gut, sehr gut“
 *    sie ausschließt (III.1: befriedigend)“
 *   „Spalte „xyz“ gehört zu keiner Frage (ignoriert)“
 * Quoted values are redacted and cut to 40 bytes; values of personal
 * questions are never shown („[personenbezogen]“).
 * Returns out->n (free with befragung_meldungen_free).
 */
size_t befragung_pruefen(const struct befragung *b, struct befragung_meldungen *out);
void befragung_meldungen_free(struct befragung_meldungen *m);

/*
 * befragung_fehlerhaft — 1 if befragung_pruefen reports at least one error
 * (DIAG_ERROR: an invalid answer, an answer despite the filter) for
 * respondent i (reading order), else 0.  Cheap (no message texts, no
 * redaction): lets a reader decide per row, right after befragung_zeile,
 * whether the row will be skipped.
 */
int befragung_fehlerhaft(const struct befragung *b, size_t i);

/* ---- evaluation ---------------------------------------------------------------------- */

struct befragung_optionen {
    int ohne_geheimhaltung;   /* 1: no suppression — internal checks only, never for publication */
    unsigned schwelle;        /* minimum count; 0 = GEHEIMHALTUNG_SCHWELLE_STANDARD (3) */
    int nullen_schuetzen;     /* geheimhaltung_optionen.nullen_schuetzen */
};

/* One published number with its share.  A suppressed value is NAN. */
struct befragung_zelle {
    double anzahl;                          /* count (NAN when suppressed) */
    enum geheimhaltung_status status;
    double anteil;                          /* percent of the base (NAN when suppressed or undefined) */
    enum geheimhaltung_status anteil_status;   /* GESPERRT when the base is 0 */
};

/*
 * befragung_zelle_text — what to print: the count (format_zahl, 0 decimals;
 * "–" for an exact zero) or the symbol of its status („.“, „x“, …).
 * befragung_anteil_text — the share with `decimals` digits („44,4“), or the symbol.
 */
const char *befragung_zelle_text(const struct befragung_zelle *z, char *buf, size_t size);
const char *befragung_anteil_text(const struct befragung_zelle *z, int decimals, char *buf, size_t size);

struct befragung_haeufigkeit {
    const struct frage *frage;
    /* base counts (respondents); -1 = suppressed (whenever gesamt is) */
    int befragte;        /* respondents in the data */
    int gefragt;         /* to whom the question applied (filter) */
    int nicht_gefragt;   /* excluded by the filter */
    int fehlend;         /* asked, no answer */
    int ungueltig;       /* asked, invalid answer (left out) */
    struct befragung_zelle gesamt;   /* n = valid answers: the base of the shares (anteil 100) */
    /* per option (single, multi, janein: options; likert: steps, ascending):
     * count and share of n — for multi the share of respondents (sums to > 100 %) */
    int noptionen;
    struct befragung_zelle *optionen;
    /* multi: all ticks, and per option the share of ticks (sums to 100 %) */
    struct befragung_zelle nennungen;
    struct befragung_zelle *anteil_nennungen;   /* noptionen cells; anzahl = the option's count */
    /* likert (steps 1..k) and zahl: */
    double median;                  /* even n: mean of the two middle values */
    enum geheimhaltung_status median_status;
    double mittelwert;              /* likert: only with frage->intervall (else NAN, GESPERRT) */
    double standardabweichung;      /* sample standard deviation (n − 1) */
    enum geheimhaltung_status mittelwert_status;   /* of mittelwert and standardabweichung */
    struct befragung_zelle top2;    /* likert: the two highest steps, count and share of n */
};

/*
 * befragung_haeufigkeit — the frequency table of one question (code).
 * Text questions: only the counts (gesamt etc.); zahl: counts, median, mean.
 * Suppression (unless opt->ohne_geheimhaltung): the option counts and n form
 * one line (single/janein/likert: parts + total n; multi: parts + total
 * Nennungen, n separately), protected with geheimhaltung_anwenden(); shares
 * with geheimhaltung_anteil(); median suppressed with n; mean and standard
 * deviation also when any count of the distribution is suppressed
 * (SEKUNDAER); top-2-box when small itself, or when the two top steps hold a
 * hidden cell and another cell is hidden as well.
 * Returns BEFRAGUNG_OK (free with befragung_haeufigkeit_free), E_FRAGE,
 * E_PERSONENBEZOGEN; *out is zeroed on error.
 */
int befragung_haeufigkeit(const struct befragung *b, const char *frage, const struct befragung_optionen *opt,
                          struct befragung_haeufigkeit *out);
void befragung_haeufigkeit_free(struct befragung_haeufigkeit *h);

struct befragung_kreuztabelle {
    const struct frage *zeilen;      /* row question: its options, then „Gesamt“ */
    const struct frage *spalten;     /* column variable (e.g. Art der Einrichtung), then „Gesamt“ */
    int nzeilen, nspalten;           /* options + 1 each */
    /* nzeilen × nspalten, row-major: cell (i, j) = respondents with row option i and
     * column option j, asked and validly answered both; last column = respondents
     * with row option i, last row = respondents in column j (the base), last
     * cell = respondents in the table.  anteil = percent of the column's base. */
    struct befragung_zelle *zellen;
    int zeilensummen_additiv;        /* 1: a row's cells add up to its total (column variable
                                        has one answer per respondent); 0 for a multi column variable */
    int spaltensummen_additiv;       /* 1: a column's cells add up to its base (row question single-valued) */
};

/*
 * befragung_kreuztabelle — row question × column variable (both single,
 * multi, likert or janein; not personal).  Suppression as a 2-D table with
 * the totals as lines where they are additive (geheimhaltung_anwenden),
 * primary only along non-additive margins; shares linked to cell and base.
 * Returns BEFRAGUNG_OK (free with befragung_kreuztabelle_free), E_FRAGE,
 * E_PERSONENBEZOGEN, E_TYP.
 */
int befragung_kreuztabelle(const struct befragung *b, const char *zeilenfrage, const char *spaltenfrage,
                           const struct befragung_optionen *opt, struct befragung_kreuztabelle *out);
void befragung_kreuztabelle_free(struct befragung_kreuztabelle *k);

enum befragung_rueckmeldung {
    RUECKMELDUNG_KEINE = 0,       /* no reply */
    RUECKMELDUNG_FEHLANZEIGE,     /* replied, nothing to report (only Fehlanzeige words or empty) */
    RUECKMELDUNG_ANTWORT          /* replied with at least one answer */
};

struct befragung_einheit {
    const char *name;             /* from the questionnaire's befragtN list */
    enum befragung_rueckmeldung status;
};

struct befragung_ruecklauf {
    const char *einheit;          /* "Fachdiensten" */
    int befragt;                  /* units asked */
    int geantwortet;              /* units with at least one answer (a non-personal question
                                     answered validly; texts other than the Fehlanzeige words) */
    int fehlanzeige;              /* units that replied without any answer */
    int ohne_rueckmeldung;        /* befragt − geantwortet − fehlanzeige (not below 0) */
    int unbekannt;                /* replying units not in the list (not counted above) */
    double quote;                 /* geantwortet / befragt, percent */
    double quote_mit_fehlanzeigen;   /* (geantwortet + fehlanzeige) / befragt, percent */
    int neinheiten;               /* with a list of names: one entry each, in list order */
    struct befragung_einheit *einheiten;
};

/*
 * befragung_ruecklauf — who replied, from the [ruecklauf] of the
 * questionnaire: units are the values of its spalte (or each respondent);
 * several rows of one unit count once (ANTWORT if any row has an answer).
 * Units are organisational (Fachdienste), so they are not suppressed.
 * Returns BEFRAGUNG_OK (free with befragung_ruecklauf_free) or E_RUECKLAUF.
 */
int befragung_ruecklauf(const struct befragung *b, struct befragung_ruecklauf *out);
void befragung_ruecklauf_free(struct befragung_ruecklauf *r);

/* befragung_ruecklauf_satz — „7 von 17 Fachdiensten geantwortet, 5 Fehlanzeigen,
 * 5 ohne Rückmeldung“ (singular „1 Fehlanzeige“).  Returns buf. */
char *befragung_ruecklauf_satz(const struct befragung_ruecklauf *r, char *buf, size_t size);

struct befragung_freitexte {
    const struct frage *frage;
    const struct frage_option *option;   /* the free-text option, NULL for a text question */
    size_t n;
    char **texte;                        /* redacted, non-empty, sorted (strcmp) */
};

/*
 * befragung_freitexte — the open answers to a text question (option NULL),
 * or the texts of a free-text option (frage = the single/multi question,
 * option = its code: "II.2", "11").  Only respondents asked (filter) and, for
 * an option, only texts with the option chosen.  Every text is passed through
 * befragung_schwaerzen with the personal answers of all respondents.
 * Returns BEFRAGUNG_OK (free with befragung_freitexte_free), E_FRAGE (also:
 * no such free-text option), E_PERSONENBEZOGEN, E_TYP.
 */
int befragung_freitexte(const struct befragung *b, const char *frage, const char *option,
                        struct befragung_freitexte *out);
void befragung_freitexte_free(struct befragung_freitexte *t);

/* ---- redaction of free text ---------------------------------------------------------- */

struct befragung_schwaerzung;   /* compiled patterns (opaque) */

/*
 * befragung_schwaerzung_neu — patterns for e-mail addresses, telephone
 * numbers and the given names (each at least 3 bytes; others ignored).
 * POSIX extended regular expressions (glibc <regex.h>); names are matched
 * literally, case-insensitively (ASCII and ä ö ü), runs of blanks as any
 * blank, and only as whole words (not inside a longer word).
 * befragung_schwaerzung_aus — the same with the names from the personal text
 * answers of every respondent of b, by frage.schwaerzen (the whole value; with
 * woerter also each word of ≥ 3 letters except Frau, Herr, Dr., Prof., von, …).
 */
struct befragung_schwaerzung *befragung_schwaerzung_neu(const char *const *namen, size_t n);
struct befragung_schwaerzung *befragung_schwaerzung_aus(const struct befragung *b);
void befragung_schwaerzung_free(struct befragung_schwaerzung *s);

/*
 * befragung_schwaerzen — text with every e-mail address replaced by
 * „[E-Mail]“ (also „name (at) example.org“), every telephone number by
 * „[Telefon]“ (German and international forms with 7–15 digits: „0281
 * 203-1234“, „(0281) 20 31 23“, „0170/1234567“, „+49 (0)281 2031234“; not
 * dates or amounts), every name by „[Name]“.  Returns a new string (free()).
 * Locale: in the C locale [[:alnum:]] is ASCII, so umlauts in the local part
 * of an address are handled by extending the match over whole UTF-8 letters,
 * but domains with umlauts (IDN) are only recognised in a UTF-8 locale.
 */
char *befragung_schwaerzen(const struct befragung_schwaerzung *s, const char *text);

#endif
