/*
 * fuzz_xlsxreader.c — libFuzzer harness for the XLSX reader
 * (pipeline/lib/xlsxreader.h): xlsxreader_open(), every sheet read with
 * xlsxreader_read_sheet() and its merged ranges with xlsxreader_merged().
 *
 * Two kinds of input:
 *   - a zip file ("PK" at the start): read as it is.  Mutations of the
 *     deflated parts seldom get through the inflater and the CRC, so this
 *     mostly tests the zip layer and the limits;
 *   - anything else: parts, separated by NUL bytes, each "NAME\nCONTENT"
 *     (e.g. "xl/worksheets/sheet1.xml\n<worksheet …>").  The harness packs
 *     them into a zip with stored (uncompressed) entries and correct CRCs,
 *     so the fuzzer works on the XML of the workbook, relationships, shared
 *     strings, styles and sheets directly.
 * The reader runs with tight limits (struct fuzz_limits below) so that no
 * input can take the fuzzer's memory or time.  Rows and cells are checked
 * against xlsxreader.h: text never NULL, len == strlen(text), well-formed
 * UTF-8, the last cell of a row not empty, row and column numbers in range,
 * merged ranges ordered and in range.  A broken promise aborts.
 *
 *   build-fuzz/fuzz_xlsxreader -max_len=65536 -dict=tests/fuzz/xlsx.dict \
 *       build-fuzz/corpus-xlsx tests/fuzz/corpus/xlsx
 */
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/xlsxreader.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#define CHECK(cond, ...) do { if (!(cond)) { \
        fprintf(stderr, "fuzz_xlsxreader: %s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
        fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } } while (0)

#define MAX_ROW 1048576L
#define MAX_PARTS 32
#define MAX_SHEETS 16                /* sheets read per input */

static const struct xlsxreader_options fuzz_limits = {
    .max_entry_bytes = 8ULL << 20,   /* 8 MiB per part */
    .max_total_bytes = 32ULL << 20,  /* 32 MiB inflated over the handle's life */
    .max_entries = 256,
    .max_columns = 16384,            /* Excel's XFD: the real limit */
    .max_cell_bytes = 64 << 10,
    .max_shared_bytes = 8 << 20,
};

static char path[64];
static int fd = -1;
static int verbose;                  /* FUZZ_VERBOSE=1: print the reader's errors */

static void remove_tmp(void) { unlink(path); }

/* The file every input is written to: memfd, or a /tmp file removed at exit. */
static void open_input_file(void)
{
    fd = memfd_create("fuzz_xlsxreader", 0);
    if (fd >= 0) {
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        return;
    }
    snprintf(path, sizeof path, "/tmp/fuzz_xlsxreader-XXXXXX");
    fd = mkstemp(path);
    if (fd < 0) { perror("fuzz_xlsxreader: mkstemp"); exit(2); }
    atexit(remove_tmp);
}

static void write_input(const void *data, size_t size)
{
    if (ftruncate(fd, 0) != 0) { perror("fuzz_xlsxreader: ftruncate"); exit(2); }
    size_t done = 0;
    while (done < size) {
        ssize_t k = pwrite(fd, (const char *)data + done, size - done, (off_t)done);
        if (k <= 0) { perror("fuzz_xlsxreader: pwrite"); exit(2); }
        done += (size_t)k;
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    diag_set_program("fuzz_xlsxreader");
    diag_quiet(1);
    const char *v = getenv("FUZZ_VERBOSE");
    verbose = v && *v == '1';
    open_input_file();
    return 0;
}

/* ------------------------------------------------- a zip of stored entries */

struct buf { unsigned char *p; size_t n, cap; };

static void put(struct buf *b, const void *data, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n) cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p) abort();
        b->cap = cap;
    }
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

static void put16(struct buf *b, unsigned v)
{
    unsigned char x[2] = { (unsigned char)v, (unsigned char)(v >> 8) };
    put(b, x, 2);
}

static void put32(struct buf *b, unsigned long v)
{
    unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 24) };
    put(b, x, 4);
}

struct part { const uint8_t *name, *data; size_t name_len, len; unsigned long crc, offset; };

/* Split "NAME\nCONTENT" records at NUL bytes and write them as a stored zip into out. */
static void pack_parts(const uint8_t *data, size_t size, struct buf *out)
{
    struct part parts[MAX_PARTS];
    int n = 0;
    size_t i = 0;
    while (i < size && n < MAX_PARTS) {
        const uint8_t *rec = data + i;
        const uint8_t *nul = memchr(rec, '\0', size - i);
        size_t len = nul ? (size_t)(nul - rec) : size - i;
        i += len + 1;
        const uint8_t *nl = memchr(rec, '\n', len);
        if (!nl || nl == rec || nl - rec > 255) continue;     /* no usable name */
        struct part *p = &parts[n++];
        p->name = rec;
        p->name_len = (size_t)(nl - rec);
        p->data = nl + 1;
        p->len = len - p->name_len - 1;
        p->crc = crc32(crc32(0L, Z_NULL, 0), p->data, (uInt)p->len);
    }
    for (int k = 0; k < n; k++) {                              /* local headers and data */
        struct part *p = &parts[k];
        p->offset = out->n;
        put32(out, 0x04034b50UL);
        put16(out, 20); put16(out, 0); put16(out, 0);             /* version, flags, stored */
        put16(out, 0); put16(out, 0x21);                          /* 1980-01-01 00:00 */
        put32(out, p->crc); put32(out, p->len); put32(out, p->len);
        put16(out, (unsigned)p->name_len); put16(out, 0);
        put(out, p->name, p->name_len);
        put(out, p->data, p->len);
    }
    size_t cd = out->n;
    for (int k = 0; k < n; k++) {                              /* central directory */
        struct part *p = &parts[k];
        put32(out, 0x02014b50UL);
        put16(out, 20); put16(out, 20); put16(out, 0); put16(out, 0);
        put16(out, 0); put16(out, 0x21);
        put32(out, p->crc); put32(out, p->len); put32(out, p->len);
        put16(out, (unsigned)p->name_len); put16(out, 0); put16(out, 0);
        put16(out, 0); put16(out, 0); put32(out, 0);
        put32(out, p->offset);
        put(out, p->name, p->name_len);
    }
    size_t cd_len = out->n - cd;
    put32(out, 0x06054b50UL);
    put16(out, 0); put16(out, 0); put16(out, (unsigned)n); put16(out, (unsigned)n);
    put32(out, cd_len); put32(out, cd);
    put16(out, 0);
}

/* ------------------------------------------------------------------ checks */

struct sheet_run {
    int stop_after;              /* return 5 after this many rows; 0 = never */
    int rows;
};

static void check_text(const char *s, size_t len, const char *what)
{
    CHECK(s != NULL, "%s: text NULL", what);
    CHECK(strlen(s) == len, "%s: strlen %zu, len %zu", what, strlen(s), len);
    CHECK(utf8_valid(s, len, NULL), "%s: not UTF-8: „%.200s“", what, s);
}

static int on_row(const struct xlsxrow *row, void *ctx)
{
    struct sheet_run *run = ctx;
    CHECK(row->row >= 1 && row->row <= MAX_ROW, "row %ld", row->row);
    CHECK(row->ncells >= 1 && row->ncells <= fuzz_limits.max_columns, "row %ld: %d cells",
          row->row, row->ncells);
    CHECK(row->cells[row->ncells - 1].type != XLSXCELL_EMPTY, "row %ld: last cell empty", row->row);
    for (int i = 0; i < row->ncells; i++) {
        const struct xlsxcell *c = &row->cells[i];
        char what[48];
        snprintf(what, sizeof what, "row %ld, column %d", row->row, i + 1);
        check_text(c->text, c->len, what);
        switch (c->type) {
        case XLSXCELL_EMPTY:
            CHECK(c->len == 0, "%s: empty cell with text", what);
            break;
        case XLSXCELL_STRING:
        case XLSXCELL_ERROR:
            CHECK(c->len > 0, "%s: string without text", what);
            break;
        case XLSXCELL_NUMBER:
            CHECK(isfinite(c->value) && c->len > 0, "%s: number", what);
            break;
        case XLSXCELL_BOOL:
            CHECK((c->value == 1 && strcmp(c->text, "WAHR") == 0) ||
                  (c->value == 0 && strcmp(c->text, "FALSCH") == 0), "%s: bool %s", what, c->text);
            break;
        case XLSXCELL_DATE:
            CHECK(isfinite(c->value) && c->len > 0, "%s: date", what);
            CHECK(c->date.year == 0 || (c->date.month >= 1 && c->date.month <= 12 &&
                                        c->date.day >= 1 && c->date.day <= 31),
                  "%s: date %d-%d-%d", what, c->date.year, c->date.month, c->date.day);
            break;
        default:
            CHECK(0, "%s: type %d", what, (int)c->type);
        }
    }
    run->rows++;
    return run->stop_after && run->rows >= run->stop_after ? 5 : 0;
}

static void check_error(int rc, const struct xlsxreader_error *err)
{
    if (verbose)
        fprintf(stderr, "fuzz_xlsxreader: rc %d, Blatt „%s“, Zeile %ld, Spalte %d: %s\n",
                rc, err->sheet, err->row, err->column, err->message);
    CHECK(rc == XLSXREADER_IO || rc == XLSXREADER_FORMAT || rc == XLSXREADER_LIMIT, "rc %d", rc);
    CHECK(err->message[0] != '\0', "error %d without a message", rc);
    CHECK(memchr(err->message, '\0', sizeof err->message) != NULL, "message not terminated");
    /* not checked: that the message is UTF-8 — it quotes names and values
     * from the file cut at a byte count ("%.40s"), and part names after
     * percent decoding (see README.md, "Befunde") */
    check_text(err->sheet, strlen(err->sheet), "error sheet");
    CHECK(err->row >= 0 && err->column >= 0, "error at row %ld column %d", err->row, err->column);
}

static void check_merged(const struct xlsxreader *r)
{
    int n = -1;
    const struct xlsxrange *m = xlsxreader_merged(r, &n);
    CHECK(n >= 0 && (n == 0 || m), "%d merged ranges", n);
    for (int i = 0; i < n; i++)
        CHECK(m[i].first_row >= 1 && m[i].first_row <= m[i].last_row && m[i].last_row <= MAX_ROW &&
              m[i].first_column >= 1 && m[i].first_column <= m[i].last_column &&
              m[i].last_column <= fuzz_limits.max_columns,
              "merged range %ld:%ld, %d:%d", m[i].first_row, m[i].last_row,
              m[i].first_column, m[i].last_column);
}

static void read_sheets(struct xlsxreader *r)
{
    struct xlsxreader_error err;
    int n = xlsxreader_sheet_count(r);
    CHECK(n >= 0, "sheet count %d", n);
    CHECK(xlsxreader_sheet_name(r, -1) == NULL && xlsxreader_sheet_name(r, n) == NULL, "names out of range");
    int d = xlsxreader_date1904(r);
    CHECK(d == 0 || d == 1, "date1904 %d", d);
    for (int i = 0; i < n; i++) {
        const char *name = xlsxreader_sheet_name(r, i);
        CHECK(name != NULL, "sheet %d without name", i);
        int found = xlsxreader_sheet_find(r, name);
        CHECK(found >= 0 && found <= i && strcmp(xlsxreader_sheet_name(r, found), name) == 0,
              "sheet_find(%s) = %d", name, found);
        char other[64];                                  /* ASCII case swapped: found as well */
        size_t k = 0;
        for (; name[k] && k + 1 < sizeof other; k++)
            other[k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32
                              : name[k] >= 'A' && name[k] <= 'Z' ? name[k] + 32 : name[k]);
        other[k] = '\0';
        if (!name[k]) CHECK(xlsxreader_sheet_find(r, other) >= 0, "sheet_find(%s) failed", other);
    }
    for (int i = 0; i < n && i < MAX_SHEETS; i++) {
        struct sheet_run run = { 0 };
        int rc = xlsxreader_read_sheet(r, i, on_row, &run, &err);
        if (rc) check_error(rc, &err);
        check_merged(r);
        if (i == 0 && rc == XLSXREADER_OK) {
            /* scan only, then stop early: both must agree with the full read
             * (or hit max_total_bytes, which counts every read) */
            rc = xlsxreader_read_sheet(r, 0, NULL, NULL, &err);
            CHECK(rc == XLSXREADER_OK || rc == XLSXREADER_LIMIT, "scan: rc %d: %s", rc, err.message);
            check_merged(r);
            if (run.rows > 0) {
                struct sheet_run stop = { .stop_after = 1 };
                rc = xlsxreader_read_sheet(r, 0, on_row, &stop, &err);
                CHECK((rc == 5 && stop.rows == 1) || rc == XLSXREADER_LIMIT,
                      "stop after one row: rc %d, %d rows", rc, stop.rows);
                check_merged(r);
            }
        }
    }
    CHECK(xlsxreader_read_sheet(r, n, on_row, NULL, &err) == XLSXREADER_FORMAT, "sheet %d read", n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        write_input(data, size);
    } else {
        struct buf zip = { 0 };
        pack_parts(data, size, &zip);
        write_input(zip.p, zip.n);
        free(zip.p);
    }
    struct xlsxreader *r = (struct xlsxreader *)1;
    struct xlsxreader_error err;
    int rc = xlsxreader_open(path, &fuzz_limits, &r, &err);
    if (rc) {
        CHECK(r == NULL, "failed open left a handle");
        check_error(rc, &err);
        return 0;
    }
    read_sheets(r);
    xlsxreader_close(r);
    return 0;
}
