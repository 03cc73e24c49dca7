/*
 * test_csvreader.c — unit tests of lib/csvreader: encodings (UTF-8 with and
 * without BOM, Windows-1252, UTF-16), sequences cut by the 64 KiB block
 * boundary, errors with row and column, NUL bytes, the field cap, ragged
 * rows.  Every test writes its input bytes explicitly into a temporary
 * directory (mkdtemp) that the group teardown removes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/csvreader.h"

#define BLOCK 65536               /* the reader's block size (csvreader.c) */

static char tmpdir[64];
static char *paths[64];
static int npaths;

/* ---- helpers ------------------------------------------------------------ */

/* write n bytes to tmpdir/name; returns the path (freed by the teardown) */
static const char *write_file(const char *name, const void *data, size_t n)
{
    char *path = malloc(strlen(tmpdir) + strlen(name) + 2);
    assert_non_null(path);
    sprintf(path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
    assert_true(npaths < 64);
    paths[npaths++] = path;
    return path;
}

#define MAXROWS 16
#define MAXF 8
struct got {
    int n;                        /* rows kept (at most MAXROWS) */
    long total;                   /* rows seen */
    long row[MAXROWS];
    int nf[MAXROWS];
    char *f[MAXROWS][MAXF];
    int stop_at;                  /* return 7 at this row number, 0 = never */
};

static int collect(const struct csvrow *row, void *ctx)
{
    struct got *g = ctx;
    g->total++;
    if (g->n < MAXROWS) {
        g->row[g->n] = row->row;
        g->nf[g->n] = row->nfields;
        for (int i = 0; i < row->nfields && i < MAXF; i++) {
            assert_int_equal(strlen(row->fields[i]), row->lens[i]);
            g->f[g->n][i] = strdup(row->fields[i]);
        }
        g->n++;
    }
    return g->stop_at && row->row == g->stop_at ? 7 : 0;
}

static void got_free(struct got *g)
{
    for (int r = 0; r < g->n; r++)
        for (int i = 0; i < g->nf[r] && i < MAXF; i++) free(g->f[r][i]);
    memset(g, 0, sizeof *g);
}

struct result {
    int rc;
    int delim;
    enum csv_encoding enc;
    struct csvreader_error err;
};

static struct result read_with(const char *path, const struct csvreader_options *opt, struct got *g)
{
    struct result res;
    res.delim = -1;
    res.enc = (enum csv_encoding)-1;
    res.rc = csvreader_read(path, opt, collect, g, &res.err, &res.delim, &res.enc);
    return res;
}

/* a buffer of n bytes: `head`, then 'x' padding, then `tail` placed so that it starts at offset at */
static char *padded(const char *head, size_t headlen, const char *tail, size_t taillen, size_t at)
{
    char *b = malloc(at + taillen);
    assert_non_null(b);
    memcpy(b, head, headlen);
    memset(b + headlen, 'x', at - headlen);
    memcpy(b + at, tail, taillen);
    return b;
}

/* ---- UTF-8 -------------------------------------------------------------- */

static void test_utf8_bom_semicolon(void **state)
{
    (void)state;
    const char data[] = "\xEF\xBB\xBFName;Stra\xC3\x9F" "e\r\nM\xC3\xBCller;Hauptstra\xC3\x9F" "e 5\r\n";
    struct got g = { 0 };
    struct result res = read_with(write_file("bom.csv", data, sizeof data - 1), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.delim, ';');
    assert_int_equal(res.enc, CSV_ENCODING_UTF8);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.f[0][0], "Name");               /* BOM not part of the first field */
    assert_string_equal(g.f[0][1], "Straße");
    assert_string_equal(g.f[1][0], "Müller");
    assert_string_equal(g.f[1][1], "Hauptstraße 5");
    got_free(&g);
}

static void test_utf8_without_bom_auto(void **state)
{
    (void)state;
    const char data[] = "a,b\n\xE2\x82\xAC 5,\xC3\xA4\n";
    struct got g = { 0 };
    struct result res = read_with(write_file("nobom.csv", data, sizeof data - 1), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.delim, ',');
    assert_int_equal(res.enc, CSV_ENCODING_UTF8);
    assert_string_equal(g.f[1][0], "€ 5");
    assert_string_equal(g.f[1][1], "ä");
    got_free(&g);
}

static void test_ascii_and_empty(void **state)
{
    (void)state;
    struct got g = { 0 };
    struct result res = read_with(write_file("ascii.csv", "a\tb\n1\t2\n", 8), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.delim, '\t');
    assert_int_equal(res.enc, CSV_ENCODING_UTF8);        /* ASCII reports UTF-8 */
    assert_int_equal(g.n, 2);
    got_free(&g);

    res = read_with(write_file("empty.csv", "", 0), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(g.n, 0);
    assert_int_equal(res.delim, ',');
    assert_int_equal(res.enc, CSV_ENCODING_UTF8);

    res = read_with(write_file("onlybom.csv", "\xEF\xBB\xBF", 3), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(g.n, 0);
    assert_int_equal(res.enc, CSV_ENCODING_UTF8);
}

/* a UTF-8 file whose first 64 KiB are UTF-8, with a Windows-1252 byte later: an error, not a mix */
static void test_utf8_later_block_invalid(void **state)
{
    (void)state;
    const char head[] = "Name;Wert\nK\xC3\xA4se;1\nlang;";      /* row 3, field 2 is the padding */
    size_t at = BLOCK + 100;
    char *b = padded(head, sizeof head - 1, "\xFC" "ber\n", 5, at);
    struct got g = { 0 };
    struct result res = read_with(write_file("mixed.csv", b, at + 5), NULL, &g);
    free(b);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.enc, CSV_ENCODING_UTF8);
    assert_int_equal(res.err.row, 3);
    assert_int_equal(res.err.column, 2);
    assert_non_null(strstr(res.err.message, "kein gültiges UTF-8"));
    assert_non_null(strstr(res.err.message, "Byte 0xFC"));
    assert_non_null(strstr(res.err.message, "Position 65637 "));  /* 1-based */
    assert_non_null(strstr(res.err.message, "Kodierung in der Quelle angeben"));
    assert_int_equal(g.n, 2);                                     /* rows before the fault were read */
    assert_string_equal(g.f[1][0], "Käse");
    got_free(&g);
}

/* row numbers as a spreadsheet shows them: a quoted cell with a line break stays one row */
static void test_error_row_after_multiline_cell(void **state)
{
    (void)state;
    const char data[] = "A;B\n\"Zeile 1\nZeile 2\";x\nok;\xC3(\n";
    struct csvreader_options opt = { .encoding = CSV_ENCODING_UTF8 };
    struct got g = { 0 };
    struct result res = read_with(write_file("multiline.csv", data, sizeof data - 1), &opt, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 3);
    assert_int_equal(res.err.column, 2);
    assert_non_null(strstr(res.err.message, "kein gültiges UTF-8 (Byte 0xC3 an Position 28 der Datei)"));
    assert_int_equal(g.n, 2);
    assert_int_equal(g.row[1], 2);
    assert_string_equal(g.f[1][0], "Zeile 1\nZeile 2");
    got_free(&g);
}

/* Blank lines count as rows, as a spreadsheet shows them; the LF of a CRLF
 * pair does not; an error after blank lines names the spreadsheet row. */
static void test_blank_lines_counted(void **state)
{
    (void)state;
    const char data[] = "a;b\n1;2\n\n3;4\r\n\r\n5;6\n";
    struct got g = { 0 };
    struct result res = read_with(write_file("leerzeilen.csv", data, sizeof data - 1), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(g.n, 4);
    assert_int_equal(g.row[0], 1);
    assert_int_equal(g.row[1], 2);
    assert_int_equal(g.row[2], 4);
    assert_int_equal(g.row[3], 6);
    got_free(&g);
    const char bad[] = "a;b\n\n\n\"offen;1\n";
    res = read_with(write_file("leerzeilen_fehler.csv", bad, sizeof bad - 1), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 4);
    got_free(&g);
}

static void test_utf8_truncated_at_eof(void **state)
{
    (void)state;
    struct csvreader_options opt = { .encoding = CSV_ENCODING_UTF8 };
    struct got g = { 0 };
    struct result res = read_with(write_file("cut.csv", "a;b\nc;\xE2\x82", 8), &opt, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 2);
    assert_int_equal(res.err.column, 2);
    assert_non_null(strstr(res.err.message, "Datei endet mitten in einem Zeichen"));
    got_free(&g);
}

/* „ä“ = C3 A4 with C3 the last byte of the first block and A4 the first of the second */
static void test_utf8_split_at_block_boundary(void **state)
{
    (void)state;
    const char *heads[] = {
        "\xEF\xBB\xBFName;Text\nB\xC3\xA4r;",      /* BOM: UTF-8 from the start */
        "Name;Text\nB\xC3\xA4r;",                  /* no BOM, decided by the first block */
        "Name;Text\nBaer;",                        /* no BOM, ASCII until the cut „ä“ */
    };
    for (size_t k = 0; k < sizeof heads / sizeof *heads; k++) {
        size_t at = BLOCK - 1;
        char *b = padded(heads[k], strlen(heads[k]), "\xC3\xA4nde\n", 6, at);
        struct got g = { 0 };
        char name[32];
        snprintf(name, sizeof name, "split8-%zu.csv", k);
        struct result res = read_with(write_file(name, b, at + 6), NULL, &g);
        free(b);
        assert_int_equal(res.rc, CSVREADER_OK);
        assert_int_equal(res.enc, CSV_ENCODING_UTF8);
        assert_int_equal(g.n, 2);
        size_t len = strlen(g.f[1][1]);
        assert_int_equal(len, at - strlen(heads[k]) + 5);   /* „ä“ + "nde" */
        assert_string_equal(g.f[1][1] + len - 6, "xände");
        got_free(&g);
    }
}

/* ---- Windows-1252 ------------------------------------------------------- */

static void test_windows1252(void **state)
{
    (void)state;
    /* „Straße“;Gebühr 5 € — bytes as German Excel writes them */
    const char data[] = "Ort;Betrag\r\n\x84Stra\xDF" "e\x93;Geb\xFChr 5 \x80\r\n";
    struct got g = { 0 };
    struct result res = read_with(write_file("cp1252.csv", data, sizeof data - 1), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.enc, CSV_ENCODING_WINDOWS1252);
    assert_int_equal(res.delim, ';');
    assert_int_equal(g.n, 2);
    assert_string_equal(g.f[1][0], "„Straße“");
    assert_string_equal(g.f[1][1], "Gebühr 5 €");
    got_free(&g);
}

static void test_windows1252_0x80_to_0x9f(void **state)
{
    (void)state;
    char data[64] = "x\n";
    size_t n = 2;
    for (int c = 0x80; c <= 0x9F; c++)
        if (c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D) data[n++] = (char)c;
    data[n++] = '\n';
    struct got g = { 0 };
    struct result res = read_with(write_file("c1.csv", data, n), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.enc, CSV_ENCODING_WINDOWS1252);
    assert_string_equal(g.f[1][0], "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
    got_free(&g);
}

static void test_windows1252_undefined_bytes(void **state)
{
    (void)state;
    const unsigned char bad[] = { 0x81, 0x8D, 0x8F, 0x90, 0x9D };
    for (size_t k = 0; k < sizeof bad; k++) {
        char data[] = "A;B\nGeb\xFChr;1\n2;x?y\n";
        char *q = strchr(data, '?');
        *q = (char)bad[k];
        char name[32];
        snprintf(name, sizeof name, "undef-%02X.csv", bad[k]);
        struct got g = { 0 };
        struct result res = read_with(write_file(name, data, sizeof data - 1), NULL, &g);
        assert_int_equal(res.rc, CSVREADER_SYNTAX);
        assert_int_equal(res.enc, CSV_ENCODING_WINDOWS1252);
        assert_int_equal(res.err.row, 3);
        assert_int_equal(res.err.column, 2);
        char want[64];
        snprintf(want, sizeof want, "Byte 0x%02X an Position 17 der Datei", bad[k]);
        assert_non_null(strstr(res.err.message, want));
        assert_non_null(strstr(res.err.message, "in Windows-1252 nicht belegt"));
        got_free(&g);
    }
}

static void test_windows1252_forced(void **state)
{
    (void)state;
    /* C3 A4 is valid UTF-8 („ä“), but the source profile says Windows-1252: „Ã¤“ */
    struct csvreader_options opt = { .encoding = CSV_ENCODING_WINDOWS1252 };
    struct got g = { 0 };
    struct result res = read_with(write_file("forced.csv", "a\n\xC3\xA4\n", 5), &opt, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.enc, CSV_ENCODING_WINDOWS1252);
    assert_string_equal(g.f[1][0], "Ã¤");
    got_free(&g);

    /* a byte order mark outweighs the option */
    res = read_with(write_file("forced-bom.csv", "\xEF\xBB\xBF" "a\n\xC3\xA4\n", 8), &opt, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.enc, CSV_ENCODING_UTF8);
    assert_string_equal(g.f[0][0], "a");
    assert_string_equal(g.f[1][0], "ä");
    got_free(&g);
}

/* the first block decides: not UTF-8 throughout → Windows-1252, even with a UTF-8-looking pair in it */
static void test_auto_first_block_not_utf8(void **state)
{
    (void)state;
    const char data[] = "Name;Ort\nM\xFCller;Stra\xDF\x93\n";   /* ß“ = DF 93 is also a UTF-8 pair */
    struct got g = { 0 };
    struct result res = read_with(write_file("auto1252.csv", data, sizeof data - 1), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.enc, CSV_ENCODING_WINDOWS1252);
    assert_string_equal(g.f[1][0], "Müller");
    assert_string_equal(g.f[1][1], "Straß“");
    got_free(&g);
}

/* Windows-1252 → UTF-8: „ä“ (E4) as last byte of block 1 or first of block 2 */
static void test_windows1252_at_block_boundary(void **state)
{
    (void)state;
    struct {
        const char *head;
        size_t at;
    } cases[] = {
        { "Stra\xDF" "e;Text\nB\xE4r;", BLOCK - 1 },   /* decided by „ß“ in block 1 */
        { "Stra\xDF" "e;Text\nB\xE4r;", BLOCK },       /* E4 opens block 2 */
        { "Name;Text\nBaer;", BLOCK - 1 },             /* ASCII until E4, a UTF-8 lead byte cut by the block end */
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t at = cases[k].at, hl = strlen(cases[k].head);
        char *b = padded(cases[k].head, hl, "\xE4nde\n", 5, at);
        char name[32];
        snprintf(name, sizeof name, "split1252-%zu.csv", k);
        struct got g = { 0 };
        struct result res = read_with(write_file(name, b, at + 5), NULL, &g);
        free(b);
        assert_int_equal(res.rc, CSVREADER_OK);
        assert_int_equal(res.enc, CSV_ENCODING_WINDOWS1252);
        assert_int_equal(g.n, 2);
        size_t len = strlen(g.f[1][1]);
        assert_int_equal(len, at - hl + 5);             /* „ä“ is 2 bytes in UTF-8 */
        assert_string_equal(g.f[1][1] + len - 6, "xände");
        if (k < 2) assert_string_equal(g.f[0][0], "Straße");
        got_free(&g);
    }
}

/* ---- UTF-16 ------------------------------------------------------------- */

/* UTF-16LE bytes of an ASCII/Latin-1 string s (code points < 0x100) */
static size_t utf16le(unsigned char *out, const char *latin1, int bom)
{
    size_t n = 0;
    if (bom) { out[n++] = 0xFF; out[n++] = 0xFE; }
    for (const unsigned char *s = (const unsigned char *)latin1; *s; s++) { out[n++] = *s; out[n++] = 0; }
    return n;
}

static void test_utf16le_excel_unicode_text(void **state)
{
    (void)state;
    unsigned char b[128];
    size_t n = utf16le(b, "Name\tOrt\r\nM\xFCller\tStra\xDF" "e\r\n", 1);
    b[n++] = 0xAC; b[n++] = 0x20;                          /* € U+20AC */
    b[n++] = '\t'; b[n++] = 0;
    b[n++] = 'x'; b[n++] = 0;
    struct got g = { 0 };
    struct result res = read_with(write_file("utf16le.txt", b, n), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.enc, CSV_ENCODING_UTF16LE);
    assert_int_equal(res.delim, '\t');
    assert_int_equal(g.n, 3);
    assert_string_equal(g.f[0][0], "Name");
    assert_string_equal(g.f[1][0], "Müller");
    assert_string_equal(g.f[1][1], "Straße");
    assert_string_equal(g.f[2][0], "€");
    assert_string_equal(g.f[2][1], "x");
    got_free(&g);
}

static void test_utf16be(void **state)
{
    (void)state;
    const unsigned char b[] = { 0xFE, 0xFF, 0, 'a', 0, ';', 0, 'b', 0, '\n', 0, 0xE4, 0, ';', 0x20, 0xAC, 0, '\n' };
    struct got g = { 0 };
    struct result res = read_with(write_file("utf16be.csv", b, sizeof b), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.enc, CSV_ENCODING_UTF16BE);
    assert_int_equal(res.delim, ';');
    assert_string_equal(g.f[1][0], "ä");
    assert_string_equal(g.f[1][1], "€");
    got_free(&g);
}

/* a surrogate pair (😀 = D83D DE00) split by the block boundary */
static void test_utf16le_pair_at_block_boundary(void **state)
{
    (void)state;
    size_t at = BLOCK - 2, n = at + 8;
    unsigned char *b = malloc(n);
    assert_non_null(b);
    size_t h = utf16le(b, "a;b\nc;", 1);
    for (size_t i = h; i < at; i += 2) { b[i] = 'x'; b[i + 1] = 0; }
    memcpy(b + at, "\x3D\xD8\x00\xDE" "\n\0\0\0", 8);
    n -= 2;                                             /* the last "\0\0" was only padding */
    struct got g = { 0 };
    struct result res = read_with(write_file("pair.csv", b, n), NULL, &g);
    free(b);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(res.enc, CSV_ENCODING_UTF16LE);
    size_t len = strlen(g.f[1][1]);
    assert_int_equal(len, (at - h) / 2 + 4);
    assert_string_equal(g.f[1][1] + len - 5, "x😀");
    got_free(&g);
}

static void test_utf16_errors(void **state)
{
    (void)state;
    unsigned char b[64];
    size_t n = utf16le(b, "a;b\nc;", 1);
    b[n++] = 0x00; b[n++] = 0xDC;                          /* lone low surrogate */
    b[n++] = 'd'; b[n++] = 0;
    struct got g = { 0 };
    struct result res = read_with(write_file("lone.csv", b, n), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 2);
    assert_int_equal(res.err.column, 2);
    assert_non_null(strstr(res.err.message, "ungepaartes Surrogat U+DC00 an Position 15"));

    n = utf16le(b, "a;b\nc;d", 1);
    b[n++] = 'e';                                          /* odd length: cut in the middle */
    res = read_with(write_file("odd.csv", b, n), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 2);
    assert_int_equal(res.err.column, 2);
    assert_non_null(strstr(res.err.message, "Datei endet mitten in einem Zeichen"));
    got_free(&g);
}

/* ---- not text, limits, ragged rows, stop ----------------------------------- */

static void test_nul_byte(void **state)
{
    (void)state;
    struct got g = { 0 };
    struct result res = read_with(write_file("nul.csv", "a;b;c\n1;2\0;3\n", 14), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 2);
    assert_int_equal(res.err.column, 2);
    assert_string_equal(res.err.message, "NUL-Byte in der Datei: keine Textdatei?");
    assert_int_equal(g.n, 1);
    got_free(&g);

    /* UTF-16 without BOM looks like ASCII with NULs: the same clean error */
    unsigned char b[32];
    size_t n = utf16le(b, "a;b\n", 0);
    res = read_with(write_file("utf16-nobom.csv", b, n), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 1);
    assert_int_equal(res.err.column, 1);
    assert_non_null(strstr(res.err.message, "NUL-Byte"));
    got_free(&g);
}

static void test_field_over_cap(void **state)
{
    (void)state;
    char data[2100];
    strcpy(data, "a;b\n1;2\n");
    size_t n = strlen(data);
    memset(data + n, 'y', 2000);
    n += 2000;
    memcpy(data + n, ";z\n", 3);
    n += 3;
    struct csvreader_options opt = { .max_field = 1000 };
    struct got g = { 0 };
    struct result res = read_with(write_file("cap.csv", data, n), &opt, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 3);
    assert_int_equal(res.err.column, 1);
    assert_non_null(strstr(res.err.message, "Feld länger als 1000 Bytes"));
    assert_int_equal(g.n, 2);
    got_free(&g);
}

static void test_ragged_rows_pass(void **state)
{
    (void)state;
    struct got g = { 0 };
    struct result res = read_with(write_file("ragged.csv", "a;b;c\n1;2\n1;2;3;4\n\n5\n", 21), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_OK);
    assert_int_equal(g.n, 4);
    assert_int_equal(g.nf[0], 3);
    assert_int_equal(g.nf[1], 2);
    assert_int_equal(g.nf[2], 4);
    assert_int_equal(g.nf[3], 1);
    assert_string_equal(g.f[2][3], "4");
    assert_string_equal(g.f[3][0], "5");
    got_free(&g);
}

static void test_too_many_fields_and_quote(void **state)
{
    (void)state;
    struct csvreader_options opt = { .max_fields = 3 };
    struct got g = { 0 };
    struct result res = read_with(write_file("wide.csv", "a;b\n1;2;3;4\n", 12), &opt, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 2);
    assert_int_equal(res.err.column, 4);
    got_free(&g);

    res = read_with(write_file("quote.csv", "a;b\n1;\"offen\n", 13), NULL, &g);
    assert_int_equal(res.rc, CSVREADER_SYNTAX);
    assert_int_equal(res.err.row, 2);
    assert_non_null(strstr(res.err.message, "Anführungszeichen"));
    got_free(&g);
}

static void test_callback_stops(void **state)
{
    (void)state;
    struct got g = { .stop_at = 2 };
    struct result res = read_with(write_file("stop.csv", "a\n1\n2\n\xFF\n", 8), NULL, &g);
    assert_int_equal(res.rc, 7);
    assert_int_equal(g.total, 2);
    got_free(&g);
}

static void test_missing_file_and_bad_option(void **state)
{
    (void)state;
    struct got g = { 0 };
    char path[128];
    snprintf(path, sizeof path, "%s/gibt-es-nicht.csv", tmpdir);
    struct result res = read_with(path, NULL, &g);
    assert_int_equal(res.rc, CSVREADER_IO);
    assert_non_null(strstr(res.err.message, "Datei nicht lesbar"));

    struct csvreader_options opt = { .encoding = (enum csv_encoding)42 };
    res = read_with(write_file("opt.csv", "a\n", 2), &opt, &g);
    assert_int_equal(res.rc, CSVREADER_IO);
    assert_int_equal(g.n, 0);
    assert_string_equal(csvreader_encoding_name(CSV_ENCODING_WINDOWS1252), "Windows-1252");
    assert_string_equal(csvreader_encoding_name(CSV_ENCODING_UTF16LE), "UTF-16LE");
}

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/csvreader-XXXXXX", t && *t && strlen(t) < 40 ? t : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < npaths; i++) { unlink(paths[i]); free(paths[i]); }
    return rmdir(tmpdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_bom_semicolon),
        cmocka_unit_test(test_utf8_without_bom_auto),
        cmocka_unit_test(test_ascii_and_empty),
        cmocka_unit_test(test_utf8_later_block_invalid),
        cmocka_unit_test(test_error_row_after_multiline_cell),
        cmocka_unit_test(test_blank_lines_counted),
        cmocka_unit_test(test_utf8_truncated_at_eof),
        cmocka_unit_test(test_utf8_split_at_block_boundary),
        cmocka_unit_test(test_windows1252),
        cmocka_unit_test(test_windows1252_0x80_to_0x9f),
        cmocka_unit_test(test_windows1252_undefined_bytes),
        cmocka_unit_test(test_windows1252_forced),
        cmocka_unit_test(test_auto_first_block_not_utf8),
        cmocka_unit_test(test_windows1252_at_block_boundary),
        cmocka_unit_test(test_utf16le_excel_unicode_text),
        cmocka_unit_test(test_utf16be),
        cmocka_unit_test(test_utf16le_pair_at_block_boundary),
        cmocka_unit_test(test_utf16_errors),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_field_over_cap),
        cmocka_unit_test(test_ragged_rows_pass),
        cmocka_unit_test(test_too_many_fields_and_quote),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_missing_file_and_bad_option),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
