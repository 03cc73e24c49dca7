/*
 * diag.h — diagnostics and exit codes shared by every ibericht stage.
 *
 * Every message a stage prints names where the problem is: file, sheet, row
 * and column (any of them may be absent).  Messages go to stderr in the form
 *
 *     ibericht-ingest: Fehler: inbox/x.csv, Zeile 7, Spalte „terminierung“: …
 *
 * each as one line in a single write(2) call (newlines inside a message
 * become spaces), so the lines of stages running side by side never mix.
 *
 * The exit codes below are the documented contract of all stages (README.md,
 * "Exit-Codes"); the driver passes them on.
 */
#ifndef IB_DIAG_H
#define IB_DIAG_H

#include <stdarg.h>

enum ib_exit {
    IB_EXIT_OK = 0,          /* everything done */
    IB_EXIT_REJECTED = 1,    /* some input files rejected; the others done */
    IB_EXIT_USAGE = 2,       /* bad command line or configuration */
    IB_EXIT_INBOX = 3,       /* inbox missing or unreadable */
    IB_EXIT_STORE = 4,       /* store unusable (not SQLite, newer schema, locked) */
    IB_EXIT_OUTPUT = 5,      /* an output file could not be written */
    IB_EXIT_LOCKED = 6,      /* the store is locked by another run (waited in vain) */
    IB_EXIT_BERECHNUNG = 7,  /* some indicators could not be computed; the others are, and the
                                reports name the failed ones („Berechnung fehlgeschlagen“) */
    IB_EXIT_INTERNAL = 70    /* a bug or resource exhaustion */
};

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

/* Where a message points to; NULL/0 members are left out of the text. */
struct diag_where {
    const char *file;
    const char *sheet;
    long row;              /* 1-based physical row in the file, 0 = none */
    const char *column;    /* column name as in the header, NULL = none */
};

/* diag_set_program — set the program name that prefixes every message. */
void diag_set_program(const char *name);

/*
 * diag_where_text — "file, Blatt „s“, Zeile r, Spalte „c“: " (the parts
 * present, with the trailing ": "; "" when w is NULL or empty) into buf.
 */
char *diag_where_text(char *buf, unsigned long size, const struct diag_where *w);

/*
 * diag_format — format "file, Blatt s, Zeile r, Spalte „c“: message" into buf
 * (always NUL-terminated, truncated to size).  Returns buf.
 */
char *diag_format(char *buf, unsigned long size, const struct diag_where *w,
                  const char *fmt, va_list ap);

/* diag_report — print a located warning or error to stderr. */
void diag_report(enum diag_severity sev, const struct diag_where *w,
                 const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* diag_error / diag_warning / diag_info — unlocated messages to stderr. */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* diag_quiet — suppress diag_info output (errors and warnings still print). */
void diag_quiet(int on);

/*
 * diag_errno_text — a German text for an errno value, for messages users
 * read ("Datei oder Ordner fehlt" for ENOENT, "keine Berechtigung" for
 * EACCES, "Datenträger voll" for ENOSPC, …); strerror's text for the rare
 * rest.  Use it instead of strerror in every message.
 */
const char *diag_errno_text(int err);

/* xmalloc family: abort with IB_EXIT_INTERNAL on out-of-memory. */
void *xmalloc(unsigned long n);
void *xcalloc(unsigned long n, unsigned long size);
void *xrealloc(void *p, unsigned long n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, unsigned long n);

#endif
