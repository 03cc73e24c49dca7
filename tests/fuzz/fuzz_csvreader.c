/*
 * fuzz_csvreader.c — libFuzzer harness for the CSV reader (pipeline/lib/csvreader.h).
 *
 * Every input is written to an in-memory file (memfd, reopened through
 * /proc/self/fd; a /tmp file when memfd is missing) and read with
 * csvreader_read() several times: default options (opt == NULL), a small
 * field cap (4096 bytes, 64 fields), each forced encoding (UTF-8,
 * Windows-1252, UTF-16LE, UTF-16BE), and a forced ';' with a callback that
 * stops after two records.  The callback touches every field and checks what
 * csvreader.h promises: NUL-terminated well-formed UTF-8, lens[i] ==
 * strlen(fields[i]), field count within max_fields, rising row numbers.
 * A broken promise aborts, so libFuzzer keeps the input as a crash.
 *
 *   build-fuzz/fuzz_csvreader -max_len=140000 build-fuzz/corpus-csv tests/fuzz/corpus/csv
 */
#include "lib/csvreader.h"
#include "lib/diag.h"
#include "lib/format.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define CHECK(cond, ...) do { if (!(cond)) { \
        fprintf(stderr_real, "fuzz_csvreader: %s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
        fprintf(stderr_real, __VA_ARGS__); fputc('\n', stderr_real); abort(); } } while (0)

static FILE *stderr_real;           /* the process's stderr, for our own reports */
static char path[64];               /* the input file */
static int fd = -1;

static void remove_tmp(void) { unlink(path); }

/* The file every input is written to: memfd, or a /tmp file removed at exit. */
static void open_input_file(void)
{
    fd = memfd_create("fuzz_csvreader", 0);
    if (fd >= 0) {
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        return;
    }
    snprintf(path, sizeof path, "/tmp/fuzz_csvreader-XXXXXX");
    fd = mkstemp(path);
    if (fd < 0) { perror("fuzz_csvreader: mkstemp"); exit(2); }
    atexit(remove_tmp);
}

static void write_input(const uint8_t *data, size_t size)
{
    if (ftruncate(fd, 0) != 0) { perror("fuzz_csvreader: ftruncate"); exit(2); }
    size_t done = 0;
    while (done < size) {
        ssize_t k = pwrite(fd, data + done, size - done, (off_t)done);
        if (k <= 0) { perror("fuzz_csvreader: pwrite"); exit(2); }
        done += (size_t)k;
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    stderr_real = stderr;
    diag_set_program("fuzz_csvreader");
    diag_quiet(1);
    open_input_file();
    return 0;
}

struct run {
    struct csvreader_options opt;
    int use_opt;                    /* 0: pass opt == NULL */
    long stop_after;                /* stop (return 7) after this many records; 0 = never */
    /* filled while reading */
    long records, last_row;
    size_t bytes;
};

static int on_row(const struct csvrow *row, void *ctx)
{
    struct run *r = ctx;
    size_t cap = r->opt.max_field ? r->opt.max_field : (size_t)1 << 20;
    int max_fields = r->opt.max_fields ? r->opt.max_fields : 16384;
    CHECK(row->row > r->last_row, "row %ld after %ld", row->row, r->last_row);
    CHECK(row->nfields >= 1 && row->nfields <= max_fields, "nfields %d", row->nfields);
    CHECK(row->fields && row->lens, "row %ld without arrays", row->row);
    r->last_row = row->row;
    for (int i = 0; i < row->nfields; i++) {
        const char *f = row->fields[i];
        CHECK(f != NULL, "row %ld field %d is NULL", row->row, i + 1);
        size_t n = strlen(f);
        CHECK(n == row->lens[i], "row %ld field %d: strlen %zu, lens %zu", row->row, i + 1, n, row->lens[i]);
        /* libcsv grows its field buffer in steps: the cap holds to within one step */
        CHECK(n <= cap + 64, "row %ld field %d: %zu bytes over the cap %zu", row->row, i + 1, n, cap);
        CHECK(utf8_valid(f, n, NULL), "row %ld field %d is not UTF-8", row->row, i + 1);
        r->bytes += n;
    }
    r->records++;
    return r->stop_after && r->records >= r->stop_after ? 7 : 0;
}

static void run_once(struct run *r)
{
    struct csvreader_error err;
    int delim = -1;
    enum csv_encoding enc = (enum csv_encoding)-1;
    r->records = r->last_row = 0;
    r->bytes = 0;
    int rc = csvreader_read(path, r->use_opt ? &r->opt : NULL, on_row, r, &err, &delim, &enc);
    CHECK(memchr(err.message, '\0', sizeof err.message) != NULL, "message not terminated");
    CHECK(utf8_valid(err.message, strlen(err.message), NULL), "message not UTF-8: %s", err.message);
    CHECK(delim == ',' || delim == ';' || delim == '\t', "delimiter %d", delim);
    CHECK(enc >= CSV_ENCODING_UTF8 && enc <= CSV_ENCODING_UTF16BE, "encoding %d", (int)enc);
    CHECK(strcmp(csvreader_encoding_name(enc), "?") != 0, "encoding %d without a name", (int)enc);
    if (r->use_opt && r->opt.delimiter) CHECK(delim == r->opt.delimiter, "delimiter %d", delim);
    switch (rc) {
    case CSVREADER_OK:
        CHECK(!r->stop_after || r->records < r->stop_after, "stopped but rc 0");
        break;
    case CSVREADER_SYNTAX:
        CHECK(err.message[0] != '\0', "syntax error without a message");
        CHECK(err.row >= 1 && err.column >= 1, "syntax error at row %ld column %d: %s",
              err.row, err.column, err.message);
        break;
    case 7:
        CHECK(r->stop_after && r->records == r->stop_after, "rc 7 after %ld records", r->records);
        break;
    default:
        CHECK(0, "unexpected return %d: %s", rc, err.message);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    write_input(data, size);

    struct run r = { .use_opt = 0 };                       /* defaults */
    run_once(&r);

    r = (struct run){ .use_opt = 1, .opt = { .max_field = 4096, .max_fields = 64 } };
    run_once(&r);

    static const enum csv_encoding forced[] = {
        CSV_ENCODING_UTF8, CSV_ENCODING_WINDOWS1252, CSV_ENCODING_UTF16LE, CSV_ENCODING_UTF16BE
    };
    for (size_t i = 0; i < sizeof forced / sizeof forced[0]; i++) {
        r = (struct run){ .use_opt = 1, .opt = { .max_field = 4096, .encoding = forced[i] } };
        run_once(&r);
    }

    r = (struct run){ .use_opt = 1, .opt = { .delimiter = ';' }, .stop_after = 2 };
    run_once(&r);
    return 0;
}
