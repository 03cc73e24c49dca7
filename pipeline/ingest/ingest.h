/*
 * ingest.h — the parts of ibericht-ingest (inbox → store) and how they meet.
 *
 *   main.c        the run: lock, profiles, inbox scan, one transaction per
 *                 file, delivery log, archive or quarantine, exit code
 *   inbox.c       inbox listing, files still being written, archive and
 *                 quarantine moves with their .grund.txt
 *   tabelle.c     a delivered table, CSV or XLSX, as header + data rows
 *   massnahmen.c  loader for dataset „massnahmen“ (measure lists)
 *   kennzahlen.c  loader for dataset „kennzahlen“ (indicator observations,
 *                 long or wide)
 *   statusbericht.c  loader for dataset „statusbericht“ (status reports on
 *                 measures: returned Rückmeldebögen, department exports)
 *   befragung.c   loader for dataset „befragung“ (survey answers: pseudonyms,
 *                 validation, redaction; nothing personal is stored)
 *
 * A loader gets the rows above the header (if it asks for them), the
 * header once, then every data row, inside the file's transaction; it reports problems through ingest_error() (the file is
 * rejected, or with `zeilenfehler = ueberspringen` the row is skipped and
 * counted) and ingest_warning().
 */
#ifndef IB_INGEST_H
#define IB_INGEST_H

#include <sqlite3.h>
#include <stddef.h>
#include <time.h>

#include "lib/config.h"
#include "lib/quelle.h"

#define INGEST_MAX_WARNINGS_KEPT 1000

struct ingest_message {
    long row;
    char *column;
    char *text;
};

/* A header as read: per column the text of every header row (merged cells
 * filled in), and the joined text used for matching column names. */
struct tabelle_kopf {
    long row;                 /* last header row (1-based) */
    int ncols;
    int nlevels;              /* header rows */
    char ***levels;           /* [level][col] */
    char **names;             /* [col]: levels joined by ' ' without repeats */
    char **refs;              /* [col]: column letter (XLSX) or 1-based number (CSV) */
};

enum tabelle_typ {
    TABELLE_TEXT = 0,         /* text as written (all CSV cells) */
    TABELLE_ZAHL,             /* XLSX number: "%.15g", '.' as decimal point */
    TABELLE_DATUM             /* XLSX date: "2024-12-31" */
};

struct tabelle_zeile {
    long row;                 /* 1-based row as the spreadsheet shows it */
    int ncells;
    char **cells;             /* UTF-8, NUL-terminated */
    const unsigned char *typ; /* enum tabelle_typ per cell; NULL = all text */
};

struct ingest_file;

struct loader {
    /* 1 if the row looks like this dataset's header (for header detection) */
    int (*is_header)(struct ingest_file *f, const struct tabelle_zeile *z);
    /* map the header; 0 or 1 after ingest_error() */
    int (*header)(struct ingest_file *f, const struct tabelle_kopf *h);
    /* store one row; 0, or 1 after ingest_error() */
    int (*row)(struct ingest_file *f, const struct tabelle_zeile *z);
    /* after the last row, inside the transaction; 0 or 1 after ingest_error() */
    int (*finish)(struct ingest_file *f);
    void (*release)(struct ingest_file *f);
    /* optional (NULL = not wanted): a non-blank row above the header (titles,
     * a form's marker); 0, or 1 after ingest_error() */
    int (*preamble)(struct ingest_file *f, const struct tabelle_zeile *z);
};

struct ingest_file {
    const struct ib_config *cfg;
    const struct quelle *quelle;
    sqlite3 *db;
    const char *path;          /* as shown in messages */
    const char *name;          /* base name */
    const char *sha256;
    long long size;            /* bytes */
    char *sheet;               /* XLSX sheet read, NULL for CSV */
    char encoding[32];         /* CSV encoding found */
    char teil[320];            /* part of the source (kennzahlen: indicator); set by the loader */
    char fachdienst[256];      /* delivering department named in the file; '' = the profile's */
    sqlite3_int64 source_id;
    const struct loader *loader;
    void *state;               /* the loader's */
    const struct tabelle_kopf *kopf;
    long rows_accepted, rows_rejected;
    int error_set;
    char error[1400];          /* why the file is rejected */
    long error_row;
    char *error_column;
    struct ingest_message *warnings;
    int nwarnings, capwarnings;
    long warnings_total;
};

/*
 * ingest_error — a problem with the row (0 = the file) and column: rejects
 * the file, or — when the profile says `zeilenfehler = ueberspringen` and
 * row > 0 — records a warning and skips the row.  Returns 1 when the file
 * is rejected (the reader stops), 0 when the row is only skipped.
 */
int ingest_error(struct ingest_file *f, long row, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ingest_warning — a located warning; kept (bounded) and logged in the store. */
void ingest_warning(struct ingest_file *f, long row, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ingest_fold — header text folded for matching: lower case, ä→ae ö→oe ü→ue
 * ß→ss, '_' and blanks collapsed to one blank. */
void ingest_fold(const char *s, char *out, size_t size);

/* ingest_row_names — 1 when a cell of row z, folded, equals a folded
 * synonym (a header row candidate), else 0. */
int ingest_row_names(const struct tabelle_zeile *z, char **synonyms);

/* ingest_find_column — index of the first header column whose folded name
 * equals a folded synonym (synonyms in priority order), or -1; *dup gets a
 * second matching column or -1. */
int ingest_find_column(const struct tabelle_kopf *h, char **synonyms, int *dup);

/* A field of a dataset and its default header synonyms (profile key
 * spalte_<name> overrides them). */
struct ingest_feld {
    const char *name;
    const char *synonyms;
};

/*
 * ingest_map_columns — map the n fields onto header columns: col[i] gets
 * the column of felder[i] (first synonym that matches, -1 = none).  Two
 * columns for one field, or a required field without a column, reject the
 * file with the row, the column and what was searched and found.
 * Returns 0, or 1 after ingest_error().
 */
int ingest_map_columns(struct ingest_file *f, const struct tabelle_kopf *h, const struct ingest_feld *felder, int n,
                       char **const *synonyms, const int *required, int *col);

/* tabelle_read — read f->path (CSV or XLSX, by content) with the profile's
 * layout and feed the loader.  Returns 0, or 1 when the file is rejected. */
int tabelle_read(struct ingest_file *f);

extern const struct loader massnahmen_loader;
extern const struct loader kennzahlen_loader;
extern const struct loader statusbericht_loader;

/* massnahmen_kennung_nachtragen — give every measure of a migrated store
 * that has no kennung yet (kennung '') its kennung, per source file in row
 * order with repeat numbers as on ingest.  Returns 0 or -1 (message printed). */
int massnahmen_kennung_nachtragen(sqlite3 *db);
extern const struct loader befragung_loader;

/* befragung_quellen_pruefen — before any file is read: every profile of
 * type befragung names a questionnaire that loads, and when there is one,
 * the pseudonymisation key is configured (befragung.h).  Returns 0, or -1
 * after printing every problem (the run ends with exit code 2). */
int befragung_quellen_pruefen(const struct ib_config *cfg, const struct quellen *qs);

/* inbox.c */
enum inbox_state { INBOX_READY, INBOX_PENDING };

/* inbox_state_of — READY, or PENDING for a name of a file being written
 * (*.part, ~$*, .~lock*, *.tmp) or one changed less than settle seconds ago;
 * *why gets the reason. */
enum inbox_state inbox_state_of(const char *dir, const char *name, int settle, const char **why);

/* inbox_archive — move path into DIR/YYYY-MM-DD/ (a free name: name, name.1, …).
 * Returns the new path (allocated) or NULL with a warning printed. */
char *inbox_archive(const char *path, const char *archive_dir, time_t when);

/* inbox_quarantine — move path into dir with NAME.grund.txt next to it,
 * written first (temporary file, renamed).  Returns the new path or NULL. */
char *inbox_quarantine(const char *path, const char *dir, const char *reason);

#endif
