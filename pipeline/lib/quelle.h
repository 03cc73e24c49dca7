/*
 * quelle.h — source profiles (config/quellen.ini): which files a source
 * sends and how to read them.
 *
 * Every section of the file is one source (Quelle) — a department or an
 * office that drops exports into the inbox.  A profile says which file
 * names belong to it (`dateien`, shell patterns), the dataset type
 * (`typ`: massnahmen, kennzahlen or statusbericht), the reporting department, and how the
 * file is laid out (encoding, delimiter, sheet, header rows, column
 * synonyms, wide tables, value symbols).  Type befragung (survey exports)
 * names its questionnaire (`fragebogen`, fragebogen.h).  ingest matches every inbox file
 * against the profiles in file order; a file no profile claims is reported,
 * never guessed.  Unknown keys are errors, so a typo cannot silently change
 * a report.  The keys are listed in README.md („Quellprofile“).
 */
#ifndef IB_QUELLE_H
#define IB_QUELLE_H

#include "config.h"

enum quelle_typ { QUELLE_MASSNAHMEN, QUELLE_KENNZAHLEN, QUELLE_STATUSBERICHT, QUELLE_BEFRAGUNG };

#define QUELLE_MAX_KOPFZEILEN 4

struct quelle {
    char *id;                    /* section name */
    enum quelle_typ typ;
    char **dateien;              /* NULL-terminated shell patterns */
    const char *fachdienst;      /* reporting department ('' = none) */
    const char *zeitraum;        /* period of the deliveries, NULL = from the file name */
    const char *kodierung;       /* "auto", "utf-8", "windows-1252" */
    int trennzeichen;            /* ',' ';' '\t', 0 = detect */
    const char *blatt;           /* XLSX sheet: name or 1-based number; NULL = first */
    int kopfzeilen[QUELLE_MAX_KOPFZEILEN]; /* 1-based header rows; none = detect */
    int nkopfzeilen;
    int daten_ab;                /* first data row, 0 = after the header */
    int zeilen_ueberspringen;    /* 1: bad rows are skipped and counted, 0: the file is rejected */
    int erwartet;                /* listed as expected in the Eingangsbericht */
    struct quellen *set;         /* for quelle_string() */
};

struct quellen {
    struct quelle *items;
    int count;
    struct _dictionary_ *ini;
    char *path;
};

/*
 * quellen_load — read the profiles file named by [pfade] quellen of cfg
 * (default config/quellen.ini) and check every section: known type, known
 * keys, patterns present, numbers valid.  Returns 0, or -1 after printing
 * every problem with file, section and key.
 */
int quellen_load(const struct ib_config *cfg, struct quellen *out);

/* quellen_free — release what quellen_load allocated. */
void quellen_free(struct quellen *qs);

/*
 * quellen_match — the first profile (in file order) one of whose patterns
 * matches file_name (a base name), or NULL.
 */
const struct quelle *quellen_match(const struct quellen *qs, const char *file_name);

/* quelle_string — value of key in the profile's section, or def when absent or empty. */
const char *quelle_string(const struct quelle *q, const char *key, const char *def);

/* quelle_list — comma-separated value of key split into a NULL-terminated array
 * (free with config_list_free); def when absent. */
char **quelle_list(const struct quelle *q, const char *key, const char *def);

/* quelle_typ_name — "massnahmen", "kennzahlen", "statusbericht" or "befragung". */
const char *quelle_typ_name(enum quelle_typ typ);

#endif
