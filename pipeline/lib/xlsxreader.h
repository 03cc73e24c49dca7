/*
 * xlsxreader.h — streaming reading of .xlsx workbooks with libzip and expat.
 *
 * xlsxreader_open() opens the zip container, finds the sheets through
 * xl/workbook.xml and its relationships (the sheet files may have any name),
 * and loads the shared string table and the cell styles.  xlsxreader_read_sheet()
 * then pushes one sheet's XML through expat in 64 KiB blocks and hands every
 * row to a callback, in the style of csvreader.h; a sheet is never held in
 * memory as a whole.  Memory stays bounded by the limits in
 * struct xlsxreader_options, which also guard against hostile files (zip
 * bombs, huge rows, XML entity expansion, relationship targets outside the
 * package).
 *
 * What a row contains:
 *   - Only rows with at least one non-empty cell are reported.  Rows missing
 *     in the XML and rows that only carry formatting are skipped, so row
 *     numbers can jump (row->row is the number Excel shows).
 *   - cells[0] is column A.  ncells runs up to the last non-empty cell of the
 *     row; columns in between that have no value are XLSXCELL_EMPTY with
 *     text "".
 *   - Formulas: the value cached in the file is reported, the formula is
 *     ignored (a workbook never recalculated has no cached value: empty).
 *   - A string cell whose text is "" is reported as XLSXCELL_EMPTY, as Excel
 *     shows it blank.  All whitespace of a text is kept as written
 *     (xml:space="preserve" needs no extra work); the _xHHHH_ escapes Excel
 *     writes for control characters are decoded.
 *
 * Merged cells (<mergeCells>) stand at the end of a sheet's XML; they are
 * available through xlsxreader_merged() after xlsxreader_read_sheet()
 * returned.  A caller that needs them before the rows (to fill header cells
 * down or right) reads the sheet once with fn == NULL first.
 *
 * Not thread-safe per handle; different handles may be used in parallel.
 */
#ifndef IB_XLSXREADER_H
#define IB_XLSXREADER_H

#include <stddef.h>

/*
 * Limits.  Every member 0 means the default in brackets.  Sizes are bytes.
 *   max_entry_bytes   uncompressed size of one zip entry (part), counted
 *                     while inflating, never taken from the zip header alone
 *                     [256 MiB]
 *   max_total_bytes   bytes inflated over the whole life of the handle, all
 *                     parts together, including sheets read twice [1 GiB]
 *   max_entries       entries in the zip archive [10 000]
 *   max_columns       columns a row may reach (Excel: 16 384 = XFD) [16 384]
 *   max_cell_bytes    UTF-8 text of one cell or shared string; Excel allows
 *                     32 767 characters [1 MiB]
 *   max_shared_bytes  memory of the shared string table: the texts with
 *                     their terminating NULs plus 8 bytes per string [256 MiB]
 */
struct xlsxreader_options {
    unsigned long long max_entry_bytes;
    unsigned long long max_total_bytes;
    long max_entries;
    int max_columns;
    size_t max_cell_bytes;
    size_t max_shared_bytes;
};

enum xlsxcell_type {
    XLSXCELL_EMPTY = 0,      /* no value; text "" */
    XLSXCELL_STRING,         /* shared, inline or formula string */
    XLSXCELL_NUMBER,         /* text "%.15g" with '.' as decimal point: "26.3", "2020" */
    XLSXCELL_BOOL,           /* text "WAHR" / "FALSCH" (German Excel), value 1 / 0 */
    XLSXCELL_ERROR,          /* text as Excel shows it: "#DIV/0!", "#NV", "#N/A" */
    XLSXCELL_DATE            /* number with a date or time format, see struct xlsxdate */
};

/*
 * A date or time of a XLSXCELL_DATE cell, from the serial number in the
 * workbook's date system (1900 or 1904).  In the 1900 system the serial 60
 * is Excel's non-existent 29 Feb 1900 and is reported as 1900-02-29 the way
 * Excel shows it; serials below 60 are the right days (1 = 1900-01-01).  A
 * 1900-system serial below 1 has no day: year, month and day are 0.  Time
 * is rounded to the second.
 */
struct xlsxdate {
    int year, month, day;    /* 0 when the value has no day */
    int hour, minute, second;
};

struct xlsxcell {
    enum xlsxcell_type type;
    const char *text;        /* NUL-terminated UTF-8, never NULL.  DATE: "2024-12-31",
                                "2024-12-31 13:45:00" when the time is not midnight,
                                "13:45:00" for time-only formats and day-less values */
    size_t len;              /* strlen(text) */
    double value;            /* NUMBER and DATE: the number as stored (DATE: serial
                                days); BOOL: 1 or 0; otherwise 0 */
    struct xlsxdate date;    /* DATE only; otherwise all 0 */
};

struct xlsxrow {
    long row;                        /* 1-based row number as Excel shows it */
    int ncells;                      /* >= 1: up to the last non-empty column */
    const struct xlsxcell *cells;    /* cells[0] = column A */
};

/* Return 0 to go on, a positive value to stop reading (returned by xlsxreader_read_sheet). */
typedef int (*xlsxrow_fn)(const struct xlsxrow *row, void *ctx);

/* A merged range, 1-based and inclusive: "B6:C8" is rows 6..8, columns 2..3. */
struct xlsxrange {
    long first_row, last_row;
    int first_column, last_column;
};

struct xlsxreader_error {
    char sheet[128];         /* sheet name; "" = not sheet-related */
    long row;                /* 1-based row; 0 = not row-related */
    int column;              /* 1-based column; 0 = none */
    char column_name[8];     /* the column as Excel letters ("XFE"); "" = none */
    char message[256];       /* German text */
};

enum {
    XLSXREADER_OK = 0,
    XLSXREADER_IO = -1,      /* file not readable (errno set) */
    XLSXREADER_FORMAT = -2,  /* not a zip, corrupt zip, bad or forbidden XML, missing part */
    XLSXREADER_LIMIT = -3    /* a limit of struct xlsxreader_options was exceeded */
};

struct xlsxreader;

/*
 * xlsxreader_open — open the workbook at path.  opt may be NULL (defaults).
 * Reads the zip directory, xl/workbook.xml and its relationships, the shared
 * strings (kept in memory) and the styles.  Relationship targets must stay
 * inside the package: "../" beyond its root, backslashes, drive letters and
 * URIs are refused ("/xl/…" means the package root, as OPC defines it).
 * Returns XLSXREADER_OK and *out, or an error code with err filled
 * (*out = NULL); e.g. „keine XLSX-Datei (kein ZIP-Archiv)“ for a CSV file.
 */
int xlsxreader_open(const char *path, const struct xlsxreader_options *opt,
                    struct xlsxreader **out, struct xlsxreader_error *err);

/* xlsxreader_close — free everything of r (NULL is fine). */
void xlsxreader_close(struct xlsxreader *r);

/* xlsxreader_sheet_count — number of sheets in the order of the tabs, hidden ones included. */
int xlsxreader_sheet_count(const struct xlsxreader *r);

/* xlsxreader_sheet_name — name of the sheet with 0-based index i; NULL if out of range. */
const char *xlsxreader_sheet_name(const struct xlsxreader *r, int i);

/*
 * xlsxreader_sheet_find — 0-based index of the sheet called name (compared
 * byte for byte, then ignoring ASCII case, as sheet names are unique without
 * regard to case); -1 if there is none.
 */
int xlsxreader_sheet_find(const struct xlsxreader *r, const char *name);

/* xlsxreader_date1904 — 1 if the workbook uses the 1904 date system. */
int xlsxreader_date1904(const struct xlsxreader *r);

/*
 * xlsxreader_read_sheet — stream the sheet with 0-based index, calling fn
 * for every non-empty row (see the top of this file); fn may be NULL to
 * only scan the sheet (e.g. for its merged ranges).  Pointers in the row are
 * valid during the call only.  Returns XLSXREADER_OK, an error code with err
 * filled (sheet name, and row and column where the problem is), or the
 * callback's non-zero value.  The sheet can be read again.
 */
int xlsxreader_read_sheet(struct xlsxreader *r, int index, xlsxrow_fn fn, void *ctx,
                          struct xlsxreader_error *err);

/*
 * xlsxreader_merged — the merged ranges of the sheet last read by
 * xlsxreader_read_sheet (also after it stopped early: the ranges seen so
 * far), in file order; *count gets their number.  Valid until the next
 * read or close.
 */
const struct xlsxrange *xlsxreader_merged(const struct xlsxreader *r, int *count);

/*
 * xlsxreader_column_name — Excel letters of the 1-based column
 * (1 → "A", 27 → "AA", 16384 → "XFD") into buf; "" for column < 1.
 * Returns buf.
 */
char *xlsxreader_column_name(int column, char buf[8]);

#endif
