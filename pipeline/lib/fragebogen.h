/*
 * fragebogen.h — a questionnaire (Fragebogen) as configuration: sections,
 * questions, answer options and scales, filter questions, personal fields,
 * and who was asked (Rücklauf).  Read from an INI file with iniparser 4.1;
 * the shipped ones are the .ini files in config/befragung/, generated from the seed
 * schemas by tools/fragebogen_aus_seed.py.  The evaluation of answers is in
 * befragung.h.
 *
 * The INI format
 * --------------
 * iniparser lowercases section names and keys (values keep their case),
 * cuts an unquoted value at ';' or '#' (quote such values: "…" or '…'), and
 * rejects lines longer than 1024 bytes.  Lists are comma-separated.
 * Booleans: ja/nein (also 1/0, true/false).  Every key below is checked:
 * an unknown section or key is an error (a typo must not silently change
 * the evaluation).
 *
 *   [fragebogen]
 *   titel      = Befragung der Einrichtungen …         (optional)
 *   kommune    = Stadt Wesel                           (optional)
 *   quelle     = Integrationskonzept …, Fragebogen     (optional)
 *   abschnitte = I, II, III                            the sections, in order
 *
 *   [antworten]                                        (optional section)
 *   id_spalte       = id         column with the respondent id (default "id");
 *                                the id is only ever kept as a keyed pseudonym
 *   weitere_spalten = eingang    further columns of the export, ignored
 *   fehlend         = -9, -99    cell values that mean „no answer“ (besides "")
 *
 *   [abschnitt I]
 *   titel           = Angaben zur Einrichtung          (optional)
 *   personenbezogen = ja         default of its questions (default nein)
 *   fragen          = I.1, I.2, I.7                    the questions, in order
 *
 *   [frage III.2]                section name = "frage " + the code of the list
 *   typ    = text | single | multi | likert | janein | zahl
 *   text   = the question (for a Likert matrix: the statement)
 *   stamm  = the common stem of a Likert matrix (optional)
 *   optionN = text               single, multi, likert (and janein, optional):
 *                                N (digits) is the code in the answer data;
 *                                options are ordered by N.  Likert: the steps
 *                                of the scale in ASCENDING order (lowest
 *                                rating / weakest agreement first, at least 2)
 *   freitext   = 11              codes of options with a text field
 *                                („Sonstiges, und zwar: …“)
 *   intervall  = ja | nein       likert: steps equidistant („interval-like“):
 *                                the mean is reported (default nein)
 *   min, max, ganzzahlig         zahl: allowed range, integers only
 *   filter     = III.1 in gut, sehr gut
 *                                asked only of those whose answer to the
 *                                earlier question III.1 is one of the options
 *                                (texts, case-insensitive, or codes); for a
 *                                multi filter question: any of them ticked
 *   personenbezogen = ja | nein  overrides the section's default
 *   schwaerzen = ganz | woerter | nein
 *                                personal text only: how its values are
 *                                redacted from free-text answers — the whole
 *                                value (default), also each of its words (person
 *                                names), or not at all
 *
 *   janein without options has option1 = Ja, option2 = Nein.
 *
 *   [ruecklauf]                  (optional) who was asked, for the response rate
 *   spalte         = Fachdienst  column naming the responding unit (not a
 *                                question column; may be the id column);
 *                                absent: every respondent is a unit
 *   einheit        = Fachdiensten  dative plural for „7 von 17 Fachdiensten“
 *                                (default "Befragten")
 *   befragtN       = Name        the units asked, one key each (N = 1, 2, …:
 *                                names may contain commas), or
 *   befragt_anzahl = 17          only their number
 *   fehlanzeige    = Fehlanzeige, entfällt   answers meaning „nothing to
 *                                report“ (default Fehlanzeige)
 *
 * Answer data columns (befragung.h): the id column; per non-multi question
 * a column named by its code ("III.1"); per multi option a 0/1 column
 * CODE.N ("II.2.11"); per free-text option a column CODE.N_text
 * ("II.2.11_text").  Column names are matched case-insensitively.
 *
 * Checks (all problems are reported, not just the first): iniparser syntax
 * errors; duplicate sections or keys (iniparser would merge them silently);
 * unknown sections and keys; a listed question without its section and a
 * question section in no list; duplicate question codes (case-insensitive,
 * as iniparser sees them) and columns; unknown type; a type without the
 * options it needs; option keys on types without options; freitext codes
 * that are no option; a filter on an unknown question, on a question that
 * does not come earlier, on a text/zahl or a personal question (the number
 * asked would count its answers), or naming an unknown option; bad booleans and numbers; Rücklauf lists with duplicates.
 * Message form (exact, tests rely on it):
 *     PFAD, Zeile N: [frage III.2] filter: Frage „III.9“ gibt es nicht
 * („Zeile N“ is the line of the key, else of the section header, else left out;
 * the section is shown as written in the file).
 */
#ifndef IB_FRAGEBOGEN_H
#define IB_FRAGEBOGEN_H

enum frage_typ {
    FRAGE_TEXT = 0,   /* "text"   free text */
    FRAGE_SINGLE,     /* "single" exactly one option */
    FRAGE_MULTI,      /* "multi"  Mehrfachnennung: any options, a 0/1 column each */
    FRAGE_LIKERT,     /* "likert" one step of an ordered scale */
    FRAGE_JANEIN,     /* "janein" Ja/Nein */
    FRAGE_ZAHL        /* "zahl"   a number, German notation (werte.h) */
};

enum frage_schwaerzen {
    SCHWAERZEN_NEIN = 0,
    SCHWAERZEN_GANZ,      /* the whole value */
    SCHWAERZEN_WOERTER    /* the whole value and each word of ≥ 3 letters */
};

struct frage_option {
    char *code;             /* the value in the answer data: "3" */
    char *text;
    int freitext;           /* has a text field („und zwar: …“) */
    char *spalte;           /* multi: its 0/1 column "II.2.11"; else NULL */
    char *freitext_spalte;  /* "II.2.11_text" when freitext, else NULL */
};

struct frage_filter {
    int frage;              /* index of the (earlier) filter question */
    int *optionen;          /* indices of its options that let this question be asked */
    int noptionen;
    char *text;             /* the filter as written, for messages */
};

struct frage {
    char *code;             /* "III.2", as written in the [abschnitt] list */
    int abschnitt;          /* index into fragebogen.abschnitte */
    enum frage_typ typ;
    char *text;
    char *stamm;            /* Likert matrix stem, or NULL */
    char *spalte;           /* column of a non-multi question (= code); NULL for multi */
    struct frage_option *optionen;   /* single, multi, likert (steps, ascending), janein */
    int noptionen;
    int intervall;          /* likert: mean is meaningful */
    int personenbezogen;    /* never evaluated or printed (befragung.h) */
    enum frage_schwaerzen schwaerzen;  /* personal text questions */
    int hat_min, hat_max, ganzzahlig;  /* zahl */
    double min, max;
    int hat_filter;
    struct frage_filter filter;
};

struct fragebogen_abschnitt {
    char *code;
    char *titel;            /* or NULL */
    int personenbezogen;
};

struct fragebogen_ruecklauf {
    int konfiguriert;       /* a [ruecklauf] section exists */
    char *spalte;           /* column naming the unit, or NULL (each respondent) */
    char *einheit;          /* "Fachdiensten" */
    char **befragt;         /* names asked, or NULL when only the number is known */
    int nbefragt;
    int befragt_anzahl;     /* number asked (= nbefragt with a list) */
    char **fehlanzeige;     /* texts meaning „nothing to report“ */
    int nfehlanzeige;
};

struct fragebogen {
    char *pfad;
    char *titel, *kommune, *quelle;   /* NULL when absent */
    struct fragebogen_abschnitt *abschnitte;
    int nabschnitte;
    struct frage *fragen;   /* in questionnaire order */
    int nfragen;
    char *id_spalte;
    char **weitere_spalten;
    int nweitere_spalten;
    char **fehlend;         /* cell values meaning „no answer“ */
    int nfehlend;
    struct fragebogen_ruecklauf ruecklauf;
};

/* The messages of a failed load, in file order. */
struct fragebogen_fehler {
    int n;
    char **texte;
};

/*
 * fragebogen_laden — read and check the questionnaire at pfad.
 * Returns 0 and *out (free with fragebogen_free), or -1 with *out = NULL.
 * Messages: appended to fehler if it is not NULL (free with
 * fragebogen_fehler_free), else printed with diag_error.
 */
int fragebogen_laden(const char *pfad, struct fragebogen **out, struct fragebogen_fehler *fehler);

void fragebogen_free(struct fragebogen *fb);
void fragebogen_fehler_free(struct fragebogen_fehler *fehler);

/* fragebogen_frage — index of the question with this code (case-insensitive), or -1. */
int fragebogen_frage(const struct fragebogen *fb, const char *code);

/* frage_option_index — index of the option with this code or text
 * (text case-insensitive, both trimmed), or -1. */
int frage_option_index(const struct frage *q, const char *code_oder_text);

/* frage_typ_name — "text", "single", … as in the config; "?" otherwise. */
const char *frage_typ_name(enum frage_typ t);

#endif
