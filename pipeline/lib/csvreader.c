/*
 * csvreader.c — file → 64 KiB blocks → UTF-8 (checked, or converted with
 * glibc iconv) → libcsv → one callback per record.  See csvreader.h for the
 * encoding rules.
 */
#include "csvreader.h"
#include "diag.h"
#include "format.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 65536
/* iconv output per round: one block of Windows-1252 needs at most 3 bytes
 * of UTF-8 per byte (€ = E2 82 AC), UTF-16 at most 3 per 2 bytes; more
 * would be handed on in parts (E2BIG) anyway. */
#define OUTBUF (3 * BLOCK)
/* a sequence cut by the block end waits for the next block: at most 3 bytes
 * (a UTF-8 lead byte and 2 continuation bytes, or a UTF-16 high surrogate
 * and one byte of the next unit) */
#define CARRY_MAX 3

static const char hint[] = "Datei als UTF-8 speichern oder Kodierung in der Quelle angeben";

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
    size_t *offs;             /* field starts in buf */
    char *buf;                /* the record's fields, NUL-separated */
    size_t used, bufcap;
    int cap;
    int max_fields;
    int stop;                 /* callback's return value */
    long too_many;            /* row of a record that exceeded max_fields, or 0 */
    int last_end;             /* character that ended the last record or line */
    struct csv_parser parser;
    int delimiter;            /* 0 until detected on the first text */
    enum csv_encoding enc;    /* CSV_ENCODING_AUTO while undecided */
    iconv_t cd;               /* Windows-1252 / UTF-16 → UTF-8, or (iconv_t)-1 */
    char *out;                /* iconv output, OUTBUF bytes */
    long long pos;            /* file offset of the first byte not yet decoded */
    struct csvreader_error *err;
};

/* Fields of the record are kept in one growing buffer (no allocation per
 * field); the pointers are set when the record is complete. */
static void on_field(void *data, size_t len, void *p)
{
    struct reader *r = p;
    if (r->stop || r->too_many) return;
    if (r->row.nfields == r->max_fields) { r->too_many = r->row.row + 1; return; }
    if (r->row.nfields == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->fields = xrealloc(r->fields, sizeof(char *) * (size_t)r->cap);
        r->lens = xrealloc(r->lens, sizeof(size_t) * (size_t)r->cap);
        r->offs = xrealloc(r->offs, sizeof(size_t) * (size_t)r->cap);
    }
    if (!data) len = 0;
    if (r->used + len + 1 > r->bufcap) {
        while (r->used + len + 1 > r->bufcap) r->bufcap = r->bufcap ? r->bufcap * 2 : 4096;
        r->buf = xrealloc(r->buf, r->bufcap);
    }
    if (len) memcpy(r->buf + r->used, data, len);
    r->buf[r->used + len] = '\0';
    r->offs[r->row.nfields] = r->used;
    r->lens[r->row.nfields] = len;
    r->used += len + 1;
    r->row.nfields++;
}

static void clear_record(struct reader *r)
{
    r->row.nfields = 0;
    r->used = 0;
}

/* With CSV_REPALL_NL libcsv also reports line ends outside a record, as
 * empty records: a blank line counts as a row (as a spreadsheet shows it),
 * the LF of a CRLF pair does not. */
static void on_record(int c, void *p)
{
    struct reader *r = p;
    if (r->row.nfields == 0) {
        int lf_of_crlf = c == '\n' && r->last_end == '\r';
        r->last_end = c;
        if (!lf_of_crlf && c != -1) r->row.row++;
        return;
    }
    r->last_end = c;
    r->row.row++;
    if (!r->stop && !r->too_many) {
        for (int i = 0; i < r->row.nfields; i++) r->fields[i] = r->buf + r->offs[i];
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

/*
 * A content error where libcsv stands: everything before the fault has been
 * parsed, so the record being read is row + 1 and the field nfields + 1.
 * A stop by the callback or too many fields (found earlier) take precedence.
 */
__attribute__((format(printf, 2, 3)))
static int fail_here(struct reader *r, const char *fmt, ...)
{
    if (r->stop || r->too_many) return CSVREADER_OK;
    r->err->row = r->row.row + 1;
    r->err->column = r->row.nfields + 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err->message, sizeof r->err->message, fmt, ap);
    va_end(ap);
    return CSVREADER_SYNTAX;
}

static int parse_failed(struct reader *r)
{
    int e = csv_error(&r->parser);
    if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
        return fail_here(r, "Feld länger als %zu Bytes (Grenze, damit der Speicher begrenzt bleibt)",
                         field_cap);
    return fail_here(r, "CSV-Syntaxfehler: Anführungszeichen nicht geschlossen oder falsch gesetzt");
}

/* Hand UTF-8 text to libcsv; the first text decides the delimiter. */
static int feed(struct reader *r, const char *text, size_t n)
{
    if (n == 0 || r->stop || r->too_many) return CSVREADER_OK;
    if (!r->delimiter) {
        r->delimiter = detect_delimiter(text, n);
        csv_set_delim(&r->parser, (unsigned char)r->delimiter);
    }
    const char *nul = memchr(text, '\0', n);
    size_t m = nul ? (size_t)(nul - text) : n;
    if (csv_parse(&r->parser, text, m, on_field, on_record, r) != m && !r->stop)
        return parse_failed(r);
    if (nul) return fail_here(r, "NUL-Byte in der Datei: keine Textdatei?");
    return CSVREADER_OK;
}

/* b[0..avail) at file offset pos is not text in r->enc; cut: the file ends
 * inside a character. */
static int bad_bytes(struct reader *r, const unsigned char *b, size_t avail, long long pos, int cut)
{
    long long at = pos + 1;                       /* 1-based, as people count */
    switch (r->enc) {
    case CSV_ENCODING_WINDOWS1252:
        return fail_here(r, "Byte 0x%02X an Position %lld der Datei ist in Windows-1252 nicht belegt; %s",
                         b[0], at, hint);
    case CSV_ENCODING_UTF16LE:
    case CSV_ENCODING_UTF16BE:
        if (cut || avail < 2)
            return fail_here(r, "kein gültiges UTF-16: Datei endet mitten in einem Zeichen (Position %lld)", at);
        return fail_here(r, "kein gültiges UTF-16 (ungepaartes Surrogat U+%04X an Position %lld der Datei); %s",
                         r->enc == CSV_ENCODING_UTF16LE ? (unsigned)b[0] | (unsigned)b[1] << 8
                                                        : (unsigned)b[0] << 8 | (unsigned)b[1],
                         at, hint);
    default:
        return fail_here(r, "kein gültiges UTF-8 (%sByte 0x%02X an Position %lld der Datei); %s",
                         cut ? "Datei endet mitten in einem Zeichen, " : "", b[0], at, hint);
    }
}

static int open_converter(struct reader *r, enum csv_encoding enc)
{
    const char *from = enc == CSV_ENCODING_WINDOWS1252 ? "WINDOWS-1252"
                     : enc == CSV_ENCODING_UTF16LE ? "UTF-16LE" : "UTF-16BE";
    r->enc = enc;
    r->cd = iconv_open("UTF-8", from);
    if (r->cd == (iconv_t)-1) {
        snprintf(r->err->message, sizeof r->err->message, "Kodierung %s nicht umwandelbar (iconv): %s",
                 csvreader_encoding_name(enc), diag_errno_text(errno));
        return CSVREADER_IO;
    }
    r->out = xmalloc(OUTBUF);
    return CSVREADER_OK;
}

/* Convert data[0..n) with iconv and feed the UTF-8.  *used: bytes taken; a
 * sequence cut by the block end stays for the next block unless eof. */
static int convert(struct reader *r, const char *data, size_t n, int eof, size_t *used)
{
    char *in = (char *)data;                       /* iconv() is not const-correct */
    size_t left = n;
    int rc = CSVREADER_OK;
    while (left > 0 && rc == CSVREADER_OK && !r->stop && !r->too_many) {
        char *o = r->out;
        size_t room = OUTBUF;
        size_t k = iconv(r->cd, &in, &left, &o, &room);
        int e = errno;
        rc = feed(r, r->out, (size_t)(o - r->out));
        if (rc != CSVREADER_OK || k != (size_t)-1 || e == E2BIG) continue;
        if (e == EINVAL && !eof) break;            /* cut sequence */
        rc = bad_bytes(r, (const unsigned char *)in, left, r->pos + (in - data), e == EINVAL);
    }
    *used = n - left;
    return rc;
}

/* 1 if s[0..n) is the start of a UTF-8 sequence cut off by the end of the
 * data: a lead byte followed by too few continuation bytes. */
static int utf8_cut(const unsigned char *s, size_t n)
{
    if (n == 0) return 0;
    size_t need = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
                : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
    if (n >= need) return 0;
    for (size_t k = 1; k < n; k++)
        if ((s[k] & 0xC0) != 0x80) return 0;
    return 1;
}

static int has_high(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

/*
 * Decode one block data[0..n) to UTF-8 and feed it.  UTF-8 (and text not yet
 * decided, all ASCII so far) is checked and fed from the block itself; the
 * first undecided block that is not UTF-8 switches to Windows-1252.
 */
static int decode(struct reader *r, const char *data, size_t n, int eof, size_t *used)
{
    *used = 0;
    if (r->enc != CSV_ENCODING_AUTO && r->enc != CSV_ENCODING_UTF8)
        return convert(r, data, n, eof, used);
    size_t off = n;
    int whole = utf8_valid(data, n, &off);
    int cut = !whole && !eof && utf8_cut((const unsigned char *)data + off, n - off);
    if (r->enc == CSV_ENCODING_AUTO) {
        if (!whole && !cut) {
            int rc = open_converter(r, CSV_ENCODING_WINDOWS1252);
            return rc != CSVREADER_OK ? rc : convert(r, data, n, eof, used);
        }
        if (has_high(data, off)) r->enc = CSV_ENCODING_UTF8;
    }
    *used = off;
    int rc = feed(r, data, off);
    if (rc != CSVREADER_OK || whole || cut) return rc;
    return bad_bytes(r, (const unsigned char *)data + off, n - off, r->pos + (long long)off,
                     eof && utf8_cut((const unsigned char *)data + off, n - off));
}

/* Length of a byte order mark at buf[0..n), setting *enc; 0 if none. */
static size_t byte_order_mark(const unsigned char *buf, size_t n, enum csv_encoding *enc)
{
    if (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) { *enc = CSV_ENCODING_UTF8; return 3; }
    if (n >= 2 && buf[0] == 0xFF && buf[1] == 0xFE) { *enc = CSV_ENCODING_UTF16LE; return 2; }
    if (n >= 2 && buf[0] == 0xFE && buf[1] == 0xFF) { *enc = CSV_ENCODING_UTF16BE; return 2; }
    return 0;
}

const char *csvreader_encoding_name(enum csv_encoding enc)
{
    switch (enc) {
    case CSV_ENCODING_AUTO: return "automatisch";
    case CSV_ENCODING_UTF8: return "UTF-8";
    case CSV_ENCODING_WINDOWS1252: return "Windows-1252";
    case CSV_ENCODING_UTF16LE: return "UTF-16LE";
    case CSV_ENCODING_UTF16BE: return "UTF-16BE";
    }
    return "?";
}

int csvreader_read(const char *path, const struct csvreader_options *opt,
                   csvrow_fn fn, void *ctx, struct csvreader_error *err,
                   int *delimiter_used, enum csv_encoding *encoding_used)
{
    memset(err, 0, sizeof *err);
    enum csv_encoding want = opt ? opt->encoding : CSV_ENCODING_AUTO;
    if (delimiter_used) *delimiter_used = opt && opt->delimiter ? opt->delimiter : ',';
    if (encoding_used) *encoding_used = want == CSV_ENCODING_AUTO ? CSV_ENCODING_UTF8 : want;
    if ((unsigned)want > CSV_ENCODING_UTF16BE) {
        errno = EINVAL;
        snprintf(err->message, sizeof err->message, "unbekannte Kodierung (%d)", (int)want);
        return CSVREADER_IO;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err->message, sizeof err->message, "Datei nicht lesbar: %s", diag_errno_text(errno));
        return CSVREADER_IO;
    }
    struct reader r = { .fn = fn, .ctx = ctx, .enc = want, .cd = (iconv_t)-1, .err = err };
    if (csv_init(&r.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL) != 0) {
        fclose(f);
        snprintf(err->message, sizeof err->message, "libcsv nicht initialisierbar");
        return CSVREADER_IO;
    }
    field_cap = opt && opt->max_field ? opt->max_field : (size_t)1 << 20;
    csv_set_realloc_func(&r.parser, capped_realloc);
    r.max_fields = opt && opt->max_fields ? opt->max_fields : 16384;
    if (opt && opt->delimiter) {
        r.delimiter = opt->delimiter;
        csv_set_delim(&r.parser, (unsigned char)r.delimiter);
    }

    char *buf = xmalloc(BLOCK + CARRY_MAX);
    size_t carry = 0;
    int rc = CSVREADER_OK, first = 1;
    while (rc == CSVREADER_OK && !r.stop && !r.too_many) {
        size_t got = fread(buf + carry, 1, BLOCK, f);
        if (ferror(f)) {
            snprintf(err->message, sizeof err->message, "Lesefehler: %s", diag_errno_text(errno));
            rc = CSVREADER_IO;
            break;
        }
        int eof = got < BLOCK;
        size_t n = carry + got, start = 0, used = 0;
        if (first) {
            first = 0;
            start = byte_order_mark((const unsigned char *)buf, n, &r.enc);
            r.pos = (long long)start;
            if (r.enc != CSV_ENCODING_AUTO && r.enc != CSV_ENCODING_UTF8)
                rc = open_converter(&r, r.enc);
        }
        if (rc == CSVREADER_OK && n > start)
            rc = decode(&r, buf + start, n - start, eof, &used);
        if (eof || rc != CSVREADER_OK) break;
        r.pos += (long long)used;
        carry = n - start - used;                  /* <= CARRY_MAX */
        memmove(buf, buf + start + used, carry);
    }
    if (rc == CSVREADER_OK && !r.stop && !r.too_many &&
        csv_fini(&r.parser, on_field, on_record, &r) != 0)
        rc = parse_failed(&r);
    if (rc == CSVREADER_OK && r.too_many) {
        rc = CSVREADER_SYNTAX;
        err->row = r.too_many;
        err->column = r.max_fields + 1;
        snprintf(err->message, sizeof err->message, "mehr als %d Spalten", r.max_fields);
    } else if (rc == CSVREADER_OK && r.stop) {
        rc = r.stop;
    }
    if (delimiter_used && r.delimiter) *delimiter_used = r.delimiter;
    if (encoding_used) *encoding_used = r.enc == CSV_ENCODING_AUTO ? CSV_ENCODING_UTF8 : r.enc;
    clear_record(&r);
    free(r.fields);
    free(r.lens);
    free(r.offs);
    free(r.buf);
    free(r.out);
    if (r.cd != (iconv_t)-1) iconv_close(r.cd);
    free(buf);
    csv_free(&r.parser);
    fclose(f);
    return rc;
}
