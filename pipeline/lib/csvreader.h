/*
 * csvreader.h — streaming CSV reading with libcsv, in any encoding German
 * Excel writes.
 *
 * csvreader_read() reads the file in 64 KiB blocks, turns every block into
 * UTF-8, pushes the text through libcsv and hands every record to a
 * callback; memory stays bounded by the largest record (each field is
 * capped, see max_field).  Rows are counted as a spreadsheet shows them:
 * the header is row 1, a quoted cell with line breaks stays in one row.
 *
 * Encodings (German Excel: „CSV (Trennzeichen-getrennt)“ = Windows-1252
 * without BOM and ';', „CSV UTF-8“ = UTF-8 with BOM, „Unicode-Text“ =
 * UTF-16LE with BOM and TAB):
 *   - a byte order mark always decides and is skipped: EF BB BF = UTF-8,
 *     FF FE = UTF-16LE, FE FF = UTF-16BE (also over a forced encoding: the
 *     mark is written by the program that saved the file, a source profile
 *     can be out of date);
 *   - without a BOM, options.encoding decides; CSV_ENCODING_AUTO guesses:
 *     bytes are passed on while they are all ASCII (identical in both
 *     candidates); the first block holding a byte >= 0x80 decides — if it is
 *     well-formed UTF-8 from its start to its end (a sequence cut by the
 *     block end counts as well-formed when the file goes on), the file is
 *     UTF-8, otherwise Windows-1252.  A later byte that is not UTF-8 in a
 *     file taken as UTF-8 is an error (encodings are never mixed silently);
 *   - Windows-1252 and UTF-16 are converted with glibc iconv; UTF-8 is
 *     checked with utf8_valid() (format.h: no overlongs, no surrogates,
 *     nothing above U+10FFFF).  The callback always gets well-formed UTF-8.
 * The delimiter is detected on the converted text.  A NUL byte (a NUL
 * character in UTF-16) is an error: such a file is not text.
 */
#ifndef IB_CSVREADER_H
#define IB_CSVREADER_H

#include <stddef.h>

enum csv_encoding {
    CSV_ENCODING_AUTO = 0,   /* guess (see above); the default of zeroed options */
    CSV_ENCODING_UTF8,
    CSV_ENCODING_WINDOWS1252,
    CSV_ENCODING_UTF16LE,    /* only as a report or to force a file without BOM */
    CSV_ENCODING_UTF16BE
};

struct csvreader_options {
    int delimiter;           /* ',' ';' '\t', or 0 to detect */
    size_t max_field;        /* bytes per field (after conversion to UTF-8); 0 = 1 MiB */
    int max_fields;          /* fields per record; 0 = 16384 */
    enum csv_encoding encoding; /* encoding of a file without BOM; AUTO = guess */
};

struct csvrow {
    long row;                /* 1-based record number (header = 1) */
    int nfields;
    char **fields;           /* NUL-terminated UTF-8 */
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
 * Returns CSVREADER_OK, CSVREADER_IO (file unreadable, unknown encoding
 * option, iconv without the converter; err->message filled),
 * CSVREADER_SYNTAX (the content is not acceptable: unterminated quote, field
 * over max_field, too many fields, bytes not valid in the encoding, a NUL
 * byte; err->row/column say in which record and field, the message names
 * the byte and its 1-based position in the file where that helps), or the
 * callback's non-zero value.
 * *delimiter_used gets the delimiter, *encoding_used the encoding the file
 * was read in (a file of ASCII only reports CSV_ENCODING_UTF8); both are set
 * also when reading fails, and both may be NULL.
 */
int csvreader_read(const char *path, const struct csvreader_options *opt,
                   csvrow_fn fn, void *ctx, struct csvreader_error *err,
                   int *delimiter_used, enum csv_encoding *encoding_used);

/* csvreader_encoding_name — "UTF-8", "Windows-1252", "UTF-16LE", "UTF-16BE"
 * (for log lines), "automatisch" for CSV_ENCODING_AUTO, "?" otherwise. */
const char *csvreader_encoding_name(enum csv_encoding enc);

#endif
