/*
 * csvreader.h — streaming CSV reading with libcsv.
 *
 * csvreader_read() pushes the file through libcsv in 64 KiB blocks and hands
 * every record to a callback; memory stays bounded by the largest record
 * (each field is capped, see max_field).  A UTF-8 byte order mark is
 * skipped; the delimiter (',' ';' or TAB) is detected from the first line
 * unless given.  Rows are counted as a spreadsheet shows them: the header is
 * row 1, a quoted cell with line breaks stays in one row.
 */
#ifndef IB_CSVREADER_H
#define IB_CSVREADER_H

#include <stddef.h>

struct csvreader_options {
    int delimiter;           /* ',' ';' '\t', or 0 to detect */
    size_t max_field;        /* bytes per field; 0 = 1 MiB */
    int max_fields;          /* fields per record; 0 = 16384 */
};

struct csvrow {
    long row;                /* 1-based record number (header = 1) */
    int nfields;
    char **fields;           /* NUL-terminated UTF-8 as in the file */
    const size_t *lens;
};

/* Return 0 to go on, anything else to stop reading (returned by csvreader_read). */
typedef int (*csvrow_fn)(const struct csvrow *row, void *ctx);

struct csvreader_error {
    long row;                /* where reading failed; 0 = not row-related */
    int column;              /* 1-based field; 0 = unknown */
    char message[256];       /* German text */
};

enum { CSVREADER_OK = 0, CSVREADER_IO = -1, CSVREADER_SYNTAX = -2 };

/*
 * csvreader_read — read path, calling fn for every record.
 * Returns CSVREADER_OK, CSVREADER_IO (errno set, err->message filled),
 * CSVREADER_SYNTAX (unterminated quote, field over max_field, too many
 * fields; err says where), or the callback's non-zero value.
 * *delimiter_used gets the delimiter (may be NULL).
 */
int csvreader_read(const char *path, const struct csvreader_options *opt,
                   csvrow_fn fn, void *ctx, struct csvreader_error *err, int *delimiter_used);

#endif
