/*
 * csvreader.c — libcsv driven in blocks, records handed to a callback.
 */
#include "csvreader.h"
#include "diag.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 65536

/* libcsv's realloc hook has no context argument: the cap of the parser in
 * use lives here (stages are single-threaded). */
static size_t field_cap;

static void *capped_realloc(void *p, size_t n)
{
    if (n > field_cap + 64) return NULL;      /* libcsv reports CSV_ENOMEM */
    return realloc(p, n);
}

struct reader {
    csvrow_fn fn;
    void *ctx;
    struct csvrow row;
    char **fields;
    size_t *lens;
    int cap;
    int max_fields;
    int stop;                 /* callback's return value */
    long too_many;            /* row of a record that exceeded max_fields, or 0 */
};

static void on_field(void *data, size_t len, void *p)
{
    struct reader *r = p;
    if (r->stop || r->too_many) return;
    if (r->row.nfields == r->max_fields) { r->too_many = r->row.row + 1; return; }
    if (r->row.nfields == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->fields = xrealloc(r->fields, sizeof(char *) * (size_t)r->cap);
        r->lens = xrealloc(r->lens, sizeof(size_t) * (size_t)r->cap);
    }
    r->fields[r->row.nfields] = xstrndup(data ? data : "", data ? len : 0);
    r->lens[r->row.nfields] = data ? len : 0;
    r->row.nfields++;
}

static void clear_record(struct reader *r)
{
    for (int i = 0; i < r->row.nfields; i++) free(r->fields[i]);
    r->row.nfields = 0;
}

static void on_record(int c, void *p)
{
    struct reader *r = p;
    (void)c;
    r->row.row++;
    if (!r->stop && !r->too_many) {
        r->row.fields = r->fields;
        r->row.lens = r->lens;
        r->stop = r->fn(&r->row, r->ctx);
    }
    clear_record(r);
}

/* The delimiter that occurs most often outside quotes in the first line. */
static int detect_delimiter(const char *buf, size_t n)
{
    int comma = 0, semi = 0, tab = 0, quoted = 0;
    for (size_t i = 0; i < n; i++) {
        char c = buf[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') comma++;
        else if (!quoted && c == ';') semi++;
        else if (!quoted && c == '\t') tab++;
    }
    if (semi > comma && semi >= tab) return ';';
    if (tab > comma && tab > semi) return '\t';
    return ',';
}

int csvreader_read(const char *path, const struct csvreader_options *opt,
                   csvrow_fn fn, void *ctx, struct csvreader_error *err, int *delimiter_used)
{
    memset(err, 0, sizeof *err);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err->message, sizeof err->message, "Datei nicht lesbar: %s", strerror(errno));
        return CSVREADER_IO;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        fclose(f);
        snprintf(err->message, sizeof err->message, "libcsv nicht initialisierbar");
        return CSVREADER_IO;
    }
    field_cap = opt && opt->max_field ? opt->max_field : (size_t)1 << 20;
    csv_set_realloc_func(&p, capped_realloc);

    struct reader r = { .fn = fn, .ctx = ctx };
    r.max_fields = opt && opt->max_fields ? opt->max_fields : 16384;
    char *buf = xmalloc(BLOCK);
    int rc = CSVREADER_OK, first = 1;
    size_t n;
    while (!r.stop && !r.too_many && (n = fread(buf, 1, BLOCK, f)) > 0) {
        char *data = buf;
        if (first) {
            first = 0;
            if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) { data += 3; n -= 3; }
            int delim = opt && opt->delimiter ? opt->delimiter : detect_delimiter(data, n);
            csv_set_delim(&p, (unsigned char)delim);
            if (delimiter_used) *delimiter_used = delim;
        }
        if (csv_parse(&p, data, n, on_field, on_record, &r) != n && !r.stop) {
            rc = CSVREADER_SYNTAX;
            break;
        }
    }
    if (rc == CSVREADER_OK && ferror(f)) {
        snprintf(err->message, sizeof err->message, "Lesefehler: %s", strerror(errno));
        rc = CSVREADER_IO;
    } else if (rc == CSVREADER_OK && !r.stop && !r.too_many &&
               csv_fini(&p, on_field, on_record, &r) != 0) {
        rc = CSVREADER_SYNTAX;
    }
    if (rc == CSVREADER_SYNTAX) {
        int e = csv_error(&p);
        err->row = r.row.row + 1;
        err->column = r.row.nfields + 1;
        if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
            snprintf(err->message, sizeof err->message,
                     "Feld länger als %zu Bytes (Grenze, damit der Speicher begrenzt bleibt)", field_cap);
        else
            snprintf(err->message, sizeof err->message,
                     "CSV-Syntaxfehler: Anführungszeichen nicht geschlossen oder falsch gesetzt");
    } else if (r.too_many) {
        rc = CSVREADER_SYNTAX;
        err->row = r.too_many;
        err->column = r.max_fields + 1;
        snprintf(err->message, sizeof err->message, "mehr als %d Spalten", r.max_fields);
    } else if (r.stop) {
        rc = r.stop;
    }
    clear_record(&r);
    free(r.fields);
    free(r.lens);
    free(buf);
    csv_free(&p);
    fclose(f);
    return rc;
}
