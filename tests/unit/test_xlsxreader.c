/*
 * test_xlsxreader.c — unit tests of the streaming XLSX reader (lib/xlsxreader.h).
 *
 * Three kinds of input:
 *   1. workbooks the test writes with libxlsxwriter (strings with umlauts,
 *      numbers, formulas, booleans, dates, merged cells, two sheets) and
 *      small hand-made packages for what libxlsxwriter cannot write
 *      (inline strings, errors, the 1904 date system, prefixed XML);
 *   2. the statistics office's real workbooks, the repository's copy in
 *      inputs/beispiele/niedersachsen/xlsx (skipped, and counted as skipped
 *      by tests/run.sh, only when that folder is missing);
 *   3. hostile files made on the fly: not a zip, truncated and corrupt zips,
 *      zip bombs (also one whose header lies about the size), 20 000 columns,
 *      DOCTYPE with entities, relationship targets leaving the package.
 * Everything is written to a mkdtemp directory that is removed at the end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/xlsxreader.h"

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#define REAL_DIR "inputs/beispiele/niedersachsen/xlsx"

static char dir[64];

/* ------------------------------------------------------------ collecting */

struct cellrec {
    long row;
    int col;
    enum xlsxcell_type type;
    char *text;
    double value;
    struct xlsxdate date;
};

struct rowrec {
    long row;
    int ncells;
};

struct dump {
    struct cellrec *c;
    int nc, capc;
    struct rowrec *r;
    int nr, capr;
    int stop_after;              /* stop with 7 after this many rows; 0 = read all */
};

static int collect(const struct xlsxrow *row, void *ctx)
{
    struct dump *d = ctx;
    if (d->nr == d->capr) {
        d->capr = d->capr ? d->capr * 2 : 64;
        d->r = realloc(d->r, sizeof *d->r * (size_t)d->capr);
    }
    d->r[d->nr++] = (struct rowrec){ row->row, row->ncells };
    for (int i = 0; i < row->ncells; i++) {
        const struct xlsxcell *x = &row->cells[i];
        assert_non_null(x->text);
        assert_int_equal(strlen(x->text), x->len);
        if (d->nc == d->capc) {
            d->capc = d->capc ? d->capc * 2 : 256;
            d->c = realloc(d->c, sizeof *d->c * (size_t)d->capc);
        }
        d->c[d->nc++] = (struct cellrec){ row->row, i + 1, x->type, strdup(x->text), x->value, x->date };
    }
    /* the last reported cell is never empty */
    assert_int_not_equal(row->cells[row->ncells - 1].type, XLSXCELL_EMPTY);
    return d->stop_after && d->nr == d->stop_after ? 7 : 0;
}

static void dump_free(struct dump *d)
{
    for (int i = 0; i < d->nc; i++) free(d->c[i].text);
    free(d->c);
    free(d->r);
    memset(d, 0, sizeof *d);
}

/* The recorded cell at "B7", or NULL. */
static const struct cellrec *cell_at(const struct dump *d, const char *ref)
{
    int col = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z'; p++) col = col * 26 + (*p - 'A' + 1);
    long row = atol(p);
    for (int i = 0; i < d->nc; i++)
        if (d->c[i].row == row && d->c[i].col == col) return &d->c[i];
    return NULL;
}

static const struct rowrec *row_at(const struct dump *d, long row)
{
    for (int i = 0; i < d->nr; i++)
        if (d->r[i].row == row) return &d->r[i];
    return NULL;
}

#define assert_cell(d, ref, typ, txt) do { \
        const struct cellrec *c_ = cell_at(d, ref); \
        if (!c_) fail_msg("Zelle %s fehlt", ref); \
        assert_string_equal(c_->text, txt); \
        assert_int_equal(c_->type, typ); \
    } while (0)

#define assert_value(d, ref, v) do { \
        const struct cellrec *c_ = cell_at(d, ref); \
        if (!c_) fail_msg("Zelle %s fehlt", ref); \
        if (fabs(c_->value - (v)) > 1e-9) fail_msg("%s: %.17g statt %.17g", ref, c_->value, (double)(v)); \
    } while (0)

#define assert_has(haystack, needle) do { \
        if (!strstr(haystack, needle)) fail_msg("„%s“ enthält nicht „%s“", haystack, needle); \
    } while (0)

/* Open path, read sheet index into d; returns the first non-OK code. */
static int read_sheet(const char *path, const struct xlsxreader_options *opt, int index,
                      struct dump *d, struct xlsxreader_error *err)
{
    struct xlsxreader *r;
    int rc = xlsxreader_open(path, opt, &r, err);
    if (rc) {
        assert_null(r);
        return rc;
    }
    rc = xlsxreader_read_sheet(r, index, collect, d, err);
    xlsxreader_close(r);
    return rc;
}

static void path_in(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

/* --------------------------------------------------------------- writing */

struct part {
    const char *name;
    const char *data;
    size_t len;                  /* 0 = strlen(data) */
    int store;                   /* 1 = no compression */
};

static void write_zip(const char *path, const struct part *parts, int n)
{
    int ze;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    assert_non_null(z);
    for (int i = 0; i < n; i++) {
        size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
        zip_source_t *s = zip_source_buffer(z, parts[i].data, len, 0);
        assert_non_null(s);
        zip_int64_t idx = zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8);
        assert_true(idx >= 0);
        if (parts[i].store) assert_int_equal(zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
    }
    assert_int_equal(zip_close(z), 0);
}

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define RELTYPE(t) "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" t

static const char ROOT_RELS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" RELTYPE("officeDocument") "\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

static const char WORKBOOK[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
    "<sheet name=\"Blatt1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

#define WB_RELS_WITH(sheet_target) \
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
    "<Relationship Id=\"rId1\" Type=\"" RELTYPE("worksheet") "\" Target=\"" sheet_target "\"/>" \
    "<Relationship Id=\"rId2\" Type=\"" RELTYPE("sharedStrings") "\" Target=\"sharedStrings.xml\"/>" \
    "<Relationship Id=\"rId3\" Type=\"" RELTYPE("styles") "\" Target=\"styles.xml\"/>" \
    "</Relationships>"

#define SHEET(body) "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
    "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>" body "</sheetData></worksheet>"

/* A hand-made package; NULL members take the defaults above or are left out. */
struct book {
    const char *workbook, *rels, *sheet, *sst, *styles;
    size_t sheet_len;
    int sheet_store;
};

static void write_book(const char *path, const struct book *b)
{
    struct part p[6];
    int n = 0;
    p[n++] = (struct part){ "_rels/.rels", ROOT_RELS, 0, 0 };
    p[n++] = (struct part){ "xl/workbook.xml", b->workbook ? b->workbook : WORKBOOK, 0, 0 };
    p[n++] = (struct part){ "xl/_rels/workbook.xml.rels",
                            b->rels ? b->rels : WB_RELS_WITH("worksheets/sheet1.xml"), 0, 0 };
    p[n++] = (struct part){ "xl/worksheets/sheet1.xml", b->sheet ? b->sheet : SHEET(""),
                            b->sheet_len, b->sheet_store };
    if (b->sst) p[n++] = (struct part){ "xl/sharedStrings.xml", b->sst, 0, 0 };
    if (b->styles) p[n++] = (struct part){ "xl/styles.xml", b->styles, 0, 0 };
    write_zip(path, p, n);
}

/* The workbook most tests read, written with libxlsxwriter. */
static void write_libxlsxwriter_book(const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    assert_non_null(wb);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Daten");
    lxw_worksheet *ws2 = workbook_add_worksheet(wb, "Zweites Blatt");
    lxw_format *datum = workbook_add_format(wb);
    format_set_num_format(datum, "DD.MM.YYYY");
    lxw_format *zeit = workbook_add_format(wb);
    format_set_num_format(zeit, "[$-407]DD.MM.YYYY hh:mm:ss");
    lxw_format *uhr = workbook_add_format(wb);
    format_set_num_format(uhr, "hh:mm");
    lxw_format *builtin14 = workbook_add_format(wb);
    format_set_num_format_index(builtin14, 14);
    lxw_format *komma = workbook_add_format(wb);
    format_set_num_format(komma, "[Red]#,##0.00 \"Tage\"");
    lxw_format *fett = workbook_add_format(wb);
    format_set_bold(fett);

    /* row 1: header */
    worksheet_write_string(ws, 0, 0, "Größe", NULL);
    worksheet_write_string(ws, 0, 1, "Anzahl", NULL);
    worksheet_write_string(ws, 0, 2, "Datum", NULL);
    worksheet_write_string(ws, 0, 3, "Aktiv", NULL);
    worksheet_write_string(ws, 0, 4, "Summe", NULL);
    /* row 2: one of each */
    worksheet_write_string(ws, 1, 0, "Äpfel & Birnen <süß>", NULL);
    worksheet_write_number(ws, 1, 1, 1234.5, NULL);
    lxw_datetime d = { 2024, 12, 31, 0, 0, 0 };
    worksheet_write_datetime(ws, 1, 2, &d, datum);
    worksheet_write_boolean(ws, 1, 3, 1, NULL);
    worksheet_write_formula_num(ws, 1, 4, "=B2*2", NULL, 2469);
    /* row 3: more numbers, false, a formula with a string result */
    worksheet_write_string(ws, 2, 0, "  Leerzeichen  ", NULL);
    worksheet_write_number(ws, 2, 1, 0.1 + 0.2, NULL);
    worksheet_write_number(ws, 2, 2, -0.801219197884333, komma);
    worksheet_write_boolean(ws, 2, 3, 0, NULL);
    worksheet_write_formula_str(ws, 2, 4, "=A1&\"!\"", NULL, "Größe!");
    /* row 4 missing; row 5: one cell in column F; row 6: formatted blanks only */
    worksheet_write_string(ws, 4, 5, "x", NULL);
    worksheet_write_blank(ws, 5, 0, fett);
    worksheet_write_blank(ws, 5, 3, fett);
    /* row 7: big and small numbers */
    worksheet_write_number(ws, 6, 0, 1234567890123.0, NULL);
    worksheet_write_number(ws, 6, 1, 1e20, NULL);
    worksheet_write_number(ws, 6, 2, -2.5e-7, NULL);
    /* merged header A8:C8 and a vertical merge A10:A12 */
    worksheet_merge_range(ws, 7, 0, 7, 2, "Überschrift über drei Spalten", NULL);
    worksheet_merge_range(ws, 9, 0, 11, 0, "senkrecht", NULL);
    worksheet_write_number(ws, 9, 1, 10, NULL);
    worksheet_write_number(ws, 10, 1, 11, NULL);
    /* row 13: rich text */
    lxw_rich_string_tuple f1 = { .format = fett, .string = "fett" };
    lxw_rich_string_tuple f2 = { .format = NULL, .string = " und normal" };
    lxw_rich_string_tuple *rich[] = { &f1, &f2, NULL };
    worksheet_write_rich_string(ws, 12, 0, rich, NULL);
    /* row 14: date with time, time only, built-in format 14 */
    lxw_datetime dt = { 2024, 3, 15, 13, 45, 30 };
    worksheet_write_datetime(ws, 13, 0, &dt, zeit);
    lxw_datetime t = { 0, 0, 0, 13, 45, 0 };
    worksheet_write_datetime(ws, 13, 1, &t, uhr);
    lxw_datetime d2 = { 1999, 1, 2, 0, 0, 0 };
    worksheet_write_datetime(ws, 13, 2, &d2, builtin14);

    worksheet_write_string(ws2, 0, 0, "Nur hier", NULL);
    worksheet_write_number(ws2, 1, 1, 42, NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* -------------------------------------------------- libxlsxwriter workbook */

static void test_column_names(void **state)
{
    (void)state;
    char b[8];
    assert_string_equal(xlsxreader_column_name(1, b), "A");
    assert_string_equal(xlsxreader_column_name(26, b), "Z");
    assert_string_equal(xlsxreader_column_name(27, b), "AA");
    assert_string_equal(xlsxreader_column_name(702, b), "ZZ");
    assert_string_equal(xlsxreader_column_name(703, b), "AAA");
    assert_string_equal(xlsxreader_column_name(16384, b), "XFD");
    assert_string_equal(xlsxreader_column_name(16385, b), "XFE");
    assert_string_equal(xlsxreader_column_name(0, b), "");
}

static void test_sheets_by_name_and_index(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "geschrieben.xlsx");
    write_libxlsxwriter_book(path);
    struct xlsxreader *r;
    struct xlsxreader_error err;
    assert_int_equal(xlsxreader_open(path, NULL, &r, &err), XLSXREADER_OK);
    assert_int_equal(xlsxreader_sheet_count(r), 2);
    assert_string_equal(xlsxreader_sheet_name(r, 0), "Daten");
    assert_string_equal(xlsxreader_sheet_name(r, 1), "Zweites Blatt");
    assert_null(xlsxreader_sheet_name(r, 2));
    assert_null(xlsxreader_sheet_name(r, -1));
    assert_int_equal(xlsxreader_sheet_find(r, "Zweites Blatt"), 1);
    assert_int_equal(xlsxreader_sheet_find(r, "zweites BLATT"), 1);
    assert_int_equal(xlsxreader_sheet_find(r, "Daten"), 0);
    assert_int_equal(xlsxreader_sheet_find(r, "Gibt es nicht"), -1);
    assert_int_equal(xlsxreader_date1904(r), 0);

    struct dump d = { 0 };
    assert_int_equal(xlsxreader_read_sheet(r, xlsxreader_sheet_find(r, "Zweites Blatt"), collect, &d, &err),
                     XLSXREADER_OK);
    assert_int_equal(d.nr, 2);
    assert_cell(&d, "A1", XLSXCELL_STRING, "Nur hier");
    assert_cell(&d, "A2", XLSXCELL_EMPTY, "");
    assert_cell(&d, "B2", XLSXCELL_NUMBER, "42");
    assert_int_equal(row_at(&d, 2)->ncells, 2);
    dump_free(&d);

    assert_int_equal(xlsxreader_read_sheet(r, 2, collect, &d, &err), XLSXREADER_FORMAT);
    assert_has(err.message, "Blatt 3 gibt es nicht");
    xlsxreader_close(r);
}

static void test_written_cells(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "geschrieben.xlsx");
    write_libxlsxwriter_book(path);
    struct dump d = { 0 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_OK);

    assert_cell(&d, "A1", XLSXCELL_STRING, "Größe");
    assert_cell(&d, "E1", XLSXCELL_STRING, "Summe");
    assert_int_equal(row_at(&d, 1)->ncells, 5);

    assert_cell(&d, "A2", XLSXCELL_STRING, "Äpfel & Birnen <süß>");
    assert_cell(&d, "B2", XLSXCELL_NUMBER, "1234.5");
    assert_value(&d, "B2", 1234.5);
    assert_cell(&d, "C2", XLSXCELL_DATE, "2024-12-31");
    assert_value(&d, "C2", 45657);
    const struct cellrec *c = cell_at(&d, "C2");
    assert_int_equal(c->date.year, 2024);
    assert_int_equal(c->date.month, 12);
    assert_int_equal(c->date.day, 31);
    assert_int_equal(c->date.hour, 0);
    assert_cell(&d, "D2", XLSXCELL_BOOL, "WAHR");
    assert_value(&d, "D2", 1);
    assert_cell(&d, "E2", XLSXCELL_NUMBER, "2469");          /* cached formula value */

    assert_cell(&d, "A3", XLSXCELL_STRING, "  Leerzeichen  ");
    assert_cell(&d, "B3", XLSXCELL_NUMBER, "0.3");          /* %.15g of 0.30000000000000004 */
    assert_cell(&d, "C3", XLSXCELL_NUMBER, "-0.801219197884333");  /* [Red] format: no date */
    assert_cell(&d, "D3", XLSXCELL_BOOL, "FALSCH");
    assert_value(&d, "D3", 0);
    assert_cell(&d, "E3", XLSXCELL_STRING, "Größe!");        /* t="str" formula result */

    /* row 4 is missing, row 6 has formatted blanks only: neither is reported */
    assert_null(row_at(&d, 4));
    assert_null(row_at(&d, 6));
    assert_int_equal(row_at(&d, 5)->ncells, 6);
    assert_cell(&d, "A5", XLSXCELL_EMPTY, "");
    assert_cell(&d, "E5", XLSXCELL_EMPTY, "");
    assert_cell(&d, "F5", XLSXCELL_STRING, "x");

    assert_cell(&d, "A7", XLSXCELL_NUMBER, "1234567890123");
    assert_cell(&d, "B7", XLSXCELL_NUMBER, "1e+20");
    assert_cell(&d, "C7", XLSXCELL_NUMBER, "-2.5e-07");

    assert_cell(&d, "A8", XLSXCELL_STRING, "Überschrift über drei Spalten");
    assert_int_equal(row_at(&d, 8)->ncells, 1);             /* B8, C8 are blank merge cells */
    assert_cell(&d, "A10", XLSXCELL_STRING, "senkrecht");
    assert_cell(&d, "B11", XLSXCELL_NUMBER, "11");
    assert_cell(&d, "A11", XLSXCELL_EMPTY, "");

    assert_cell(&d, "A13", XLSXCELL_STRING, "fett und normal");

    assert_cell(&d, "A14", XLSXCELL_DATE, "2024-03-15 13:45:30");
    c = cell_at(&d, "A14");
    assert_int_equal(c->date.hour, 13);
    assert_int_equal(c->date.minute, 45);
    assert_int_equal(c->date.second, 30);
    assert_value(&d, "A14", 45366 + (13 * 3600 + 45 * 60 + 30) / 86400.0);
    assert_cell(&d, "B14", XLSXCELL_DATE, "13:45:00");
    c = cell_at(&d, "B14");
    assert_int_equal(c->date.year, 0);
    assert_int_equal(c->date.hour, 13);
    assert_cell(&d, "C14", XLSXCELL_DATE, "1999-01-02");

    /* rows come in order, each once */
    long expect[] = { 1, 2, 3, 5, 7, 8, 10, 11, 13, 14 };   /* 12: merged blank only */
    assert_int_equal(d.nr, (int)(sizeof expect / sizeof *expect));
    for (int i = 0; i < d.nr; i++) assert_int_equal(d.r[i].row, expect[i]);
    dump_free(&d);
}

static void test_merged_ranges(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "geschrieben.xlsx");
    write_libxlsxwriter_book(path);
    struct xlsxreader *r;
    struct xlsxreader_error err;
    assert_int_equal(xlsxreader_open(path, NULL, &r, &err), XLSXREADER_OK);
    /* scan only (fn NULL) gives the ranges before any row is handled */
    assert_int_equal(xlsxreader_read_sheet(r, 0, NULL, NULL, &err), XLSXREADER_OK);
    int n;
    const struct xlsxrange *m = xlsxreader_merged(r, &n);
    assert_int_equal(n, 2);
    assert_int_equal(m[0].first_row, 8);
    assert_int_equal(m[0].last_row, 8);
    assert_int_equal(m[0].first_column, 1);
    assert_int_equal(m[0].last_column, 3);
    assert_int_equal(m[1].first_row, 10);
    assert_int_equal(m[1].last_row, 12);
    assert_int_equal(m[1].first_column, 1);
    assert_int_equal(m[1].last_column, 1);
    /* the other sheet has none; the list is per sheet */
    assert_int_equal(xlsxreader_read_sheet(r, 1, NULL, NULL, &err), XLSXREADER_OK);
    xlsxreader_merged(r, &n);
    assert_int_equal(n, 0);
    /* reading again gives the same rows */
    struct dump d = { 0 };
    assert_int_equal(xlsxreader_read_sheet(r, 0, collect, &d, &err), XLSXREADER_OK);
    assert_int_equal(d.nr, 10);
    xlsxreader_merged(r, &n);
    assert_int_equal(n, 2);
    dump_free(&d);
    xlsxreader_close(r);
}

static void test_callback_stops(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "geschrieben.xlsx");
    write_libxlsxwriter_book(path);
    struct dump d = { .stop_after = 3 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), 7);
    assert_int_equal(d.nr, 3);
    assert_int_equal(d.r[2].row, 3);
    assert_string_equal(err.message, "");
    dump_free(&d);
}

static void test_inline_strings_constant_memory(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "konstant.xlsx");
    lxw_workbook_options o = { .constant_memory = LXW_TRUE, .tmpdir = dir };
    lxw_workbook *wb = workbook_new_opt(path, &o);
    assert_non_null(wb);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Inline");
    worksheet_write_string(ws, 0, 0, "Maßnahme", NULL);
    worksheet_write_string(ws, 0, 2, "laufend", NULL);
    worksheet_write_number(ws, 1, 1, 2027, NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    struct dump d = { 0 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_OK);
    assert_cell(&d, "A1", XLSXCELL_STRING, "Maßnahme");
    assert_cell(&d, "B1", XLSXCELL_EMPTY, "");
    assert_cell(&d, "C1", XLSXCELL_STRING, "laufend");
    assert_cell(&d, "B2", XLSXCELL_NUMBER, "2027");
    dump_free(&d);
}

/* ------------------------------------------------------- hand-made packages */

static const char STYLES[] =
    "<styleSheet xmlns=\"" NS_MAIN "\">"
    "<numFmts count=\"5\">"
    "<numFmt numFmtId=\"164\" formatCode=\"[$-407]DD.MM.YYYY;@\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[Red]0.00\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"0.0 &quot;m&quot;\"/>"
    "<numFmt numFmtId=\"167\" formatCode=\"[h]:mm\"/>"
    "<numFmt numFmtId=\"168\" formatCode=\"\\d\\a\\y 0\"/>"
    "</numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"7\">"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
    "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"168\"/>"
    "</cellXfs>"
    "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"169\" formatCode=\"yyyy\"/></dxf></dxfs>"
    "</styleSheet>";

static void test_cell_types_handmade(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "typen.xlsx");
    struct book b = {
        .sst = "<sst xmlns=\"" NS_MAIN "\" count=\"4\" uniqueCount=\"4\">"
               "<si><t>Zeile_x000D_umbruch _x005F_x0041_</t></si>"
               "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Teil eins </t></r>"
               "<r><t>und zwei</t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
               "<si><t/></si>"
               "<si><t xml:space=\"preserve\">  x  </t></si></sst>",
        .styles = STYLES,
        .sheet = SHEET(
            "<row r=\"2\">"
            "<c r=\"A2\" t=\"s\"><v>0</v></c>"
            "<c r=\"B2\" t=\"s\"><v>1</v></c>"
            "<c r=\"C2\" t=\"s\"><v>2</v></c>"
            "<c r=\"D2\" t=\"s\"><v>3</v></c>"
            "<c r=\"E2\" t=\"inlineStr\"><is><r><t>in</t></r><r><t xml:space=\"preserve\"> line</t></r></is></c>"
            "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
            "<c r=\"G2\" t=\"str\"><f>A2</f><v>Formel</v></c>"
            "<c r=\"H2\" t=\"b\"><v>1</v></c>"
            "<c r=\"I2\"><f>1+1</f></c>"
            "<c r=\"J2\" t=\"str\"><f>\"\"</f><v></v></c>"
            "</row>"
            "<row r=\"3\">"
            "<c r=\"A3\" s=\"1\"><v>60</v></c>"
            "<c r=\"B3\" s=\"1\"><v>59</v></c>"
            "<c r=\"C3\" s=\"1\"><v>61</v></c>"
            "<c r=\"D3\" s=\"1\"><v>1</v></c>"
            "<c r=\"E3\" s=\"1\"><v>0.5</v></c>"
            "<c r=\"F3\" s=\"2\"><v>45657</v></c>"
            "<c r=\"G3\" s=\"3\"><v>45657</v></c>"
            "<c r=\"H3\" s=\"4\"><v>12.5</v></c>"
            "<c r=\"I3\" s=\"5\"><v>1.25</v></c>"
            "<c r=\"J3\" s=\"6\"><v>3</v></c>"
            "<c r=\"K3\" s=\"1\"><v>-1</v></c>"
            "<c r=\"L3\" s=\"99\"><v>7</v></c>"
            "<c r=\"M3\" s=\"1\"><v>45657.99999999</v></c>"
            "</row>"
            /* no r attributes: rows and cells count on from the last one */
            "<row><c><v>1</v></c><c t=\"d\"><v>2024-02-29T08:30:00</v></c><c r=\"E4\"><v>5</v></c><c><v>6</v></c></row>"
            "<row r=\"6\"><c r=\"B6\"><v>2</v></c><c r=\"A6\"><v>1</v></c></row>"),
    };
    write_book(path, &b);
    struct dump d = { 0 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_OK);

    assert_cell(&d, "A2", XLSXCELL_STRING, "Zeile\rumbruch _x0041_");
    assert_cell(&d, "B2", XLSXCELL_STRING, "Teil eins und zwei");   /* runs joined, phonetics left out */
    assert_cell(&d, "C2", XLSXCELL_EMPTY, "");
    assert_cell(&d, "D2", XLSXCELL_STRING, "  x  ");
    assert_cell(&d, "E2", XLSXCELL_STRING, "in line");
    assert_cell(&d, "F2", XLSXCELL_ERROR, "#DIV/0!");
    assert_cell(&d, "G2", XLSXCELL_STRING, "Formel");
    assert_cell(&d, "H2", XLSXCELL_BOOL, "WAHR");
    /* I2 (formula without cached value) and J2 (="") are empty: the row ends at H2 */
    assert_int_equal(row_at(&d, 2)->ncells, 8);
    assert_null(cell_at(&d, "I2"));

    assert_cell(&d, "A3", XLSXCELL_DATE, "1900-02-29");      /* Excel's day that never was */
    assert_int_equal(cell_at(&d, "A3")->date.month, 2);
    assert_int_equal(cell_at(&d, "A3")->date.day, 29);
    assert_cell(&d, "B3", XLSXCELL_DATE, "1900-02-28");
    assert_cell(&d, "C3", XLSXCELL_DATE, "1900-03-01");
    assert_cell(&d, "D3", XLSXCELL_DATE, "1900-01-01");
    assert_cell(&d, "E3", XLSXCELL_DATE, "12:00:00");        /* no day in the 1900 system */
    assert_int_equal(cell_at(&d, "E3")->date.year, 0);
    assert_cell(&d, "F3", XLSXCELL_DATE, "2024-12-31");      /* [$-407]DD.MM.YYYY;@ */
    assert_cell(&d, "G3", XLSXCELL_NUMBER, "45657");         /* [Red]0.00 */
    assert_cell(&d, "H3", XLSXCELL_NUMBER, "12.5");          /* 0.0 "m": m quoted */
    assert_cell(&d, "I3", XLSXCELL_DATE, "06:00:00");        /* [h]:mm */
    assert_cell(&d, "J3", XLSXCELL_NUMBER, "3");             /* \d\a\y 0: escaped letters */
    assert_cell(&d, "K3", XLSXCELL_NUMBER, "-1");            /* negative: no date */
    assert_cell(&d, "L3", XLSXCELL_NUMBER, "7");             /* unknown style */
    assert_cell(&d, "M3", XLSXCELL_DATE, "2025-01-01");      /* rounded to the second */

    assert_cell(&d, "A4", XLSXCELL_NUMBER, "1");
    assert_cell(&d, "B4", XLSXCELL_DATE, "2024-02-29 08:30:00");
    assert_value(&d, "B4", 45351 + 8.5 / 24);
    assert_cell(&d, "C4", XLSXCELL_EMPTY, "");
    assert_cell(&d, "E4", XLSXCELL_NUMBER, "5");
    assert_cell(&d, "F4", XLSXCELL_NUMBER, "6");
    assert_cell(&d, "A6", XLSXCELL_NUMBER, "1");             /* out of order cells land right */
    assert_cell(&d, "B6", XLSXCELL_NUMBER, "2");
    assert_int_equal(row_at(&d, 6)->ncells, 2);
    dump_free(&d);
}

static void test_1904_and_sheet_order(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "1904.xlsx");
    /* sheet files named against their order; prefixed elements; package-absolute target */
    const char *wb =
        "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
        "<x:workbookPr date1904=\"1\"/><x:sheets>"
        "<x:sheet name=\"Erstes\" sheetId=\"7\" r:id=\"rId9\"/>"
        "<x:sheet name=\"Zweites\" sheetId=\"3\" r:id=\"rId1\"/>"
        "</x:sheets></x:workbook>";
    const char *rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" RELTYPE("worksheet") "\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId9\" Type=\"" RELTYPE("worksheet") "\" Target=\"/xl/daten/tabelle%20a.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"" RELTYPE("styles") "\" Target=\"./../xl/styles.xml\"/>"
        "<Relationship Id=\"rId4\" Type=\"" RELTYPE("hyperlink") "\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
        "</Relationships>";
    const char *first =
        "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:sheetData>"
        "<x:row r=\"1\"><x:c r=\"A1\" s=\"1\"><x:v>0</x:v></x:c><x:c r=\"B1\" s=\"1\"><x:v>45000</x:v></x:c>"
        "<x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t>erstes</x:t></x:is></x:c></x:row>"
        "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:C1\"/></x:mergeCells></x:worksheet>";
    struct part p[] = {
        { "_rels/.rels", ROOT_RELS, 0, 0 },
        { "xl/workbook.xml", wb, 0, 0 },
        { "xl/_rels/workbook.xml.rels", rels, 0, 0 },
        { "xl/worksheets/sheet1.xml", SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>zweites</t></is></c></row>"), 0, 0 },
        { "xl/daten/tabelle a.xml", first, 0, 0 },
        { "xl/styles.xml", STYLES, 0, 0 },
    };
    write_zip(path, p, 6);

    struct xlsxreader *r;
    struct xlsxreader_error err;
    assert_int_equal(xlsxreader_open(path, NULL, &r, &err), XLSXREADER_OK);
    assert_int_equal(xlsxreader_date1904(r), 1);
    assert_int_equal(xlsxreader_sheet_count(r), 2);
    assert_string_equal(xlsxreader_sheet_name(r, 0), "Erstes");
    struct dump d = { 0 };
    assert_int_equal(xlsxreader_read_sheet(r, 0, collect, &d, &err), XLSXREADER_OK);
    assert_cell(&d, "A1", XLSXCELL_DATE, "1904-01-01");
    assert_cell(&d, "B1", XLSXCELL_DATE, "2027-03-16");
    assert_cell(&d, "C1", XLSXCELL_STRING, "erstes");
    int n;
    const struct xlsxrange *m = xlsxreader_merged(r, &n);
    assert_int_equal(n, 1);
    assert_int_equal(m[0].last_column, 3);
    dump_free(&d);
    assert_int_equal(xlsxreader_read_sheet(r, 1, collect, &d, &err), XLSXREADER_OK);
    assert_cell(&d, "A1", XLSXCELL_STRING, "zweites");
    dump_free(&d);
    xlsxreader_close(r);
}

/* ------------------------------------------------------ real workbooks */

static int have_real(void)
{
    return access(REAL_DIR "/2020_2-3-4.xlsx", R_OK) == 0;
}

/* Every sheet of path reads without error; returns the number of cells read. */
static long read_everything(const char *path, int expect_sheets)
{
    struct xlsxreader *r;
    struct xlsxreader_error err;
    if (xlsxreader_open(path, NULL, &r, &err) != XLSXREADER_OK) fail_msg("%s: %s", path, err.message);
    assert_int_equal(xlsxreader_sheet_count(r), expect_sheets);
    long cells = 0;
    for (int i = 0; i < xlsxreader_sheet_count(r); i++) {
        struct dump d = { 0 };
        if (xlsxreader_read_sheet(r, i, collect, &d, &err) != XLSXREADER_OK)
            fail_msg("%s, %s: %s", path, err.sheet, err.message);
        assert_true(d.nr > 0);
        cells += d.nc;
        dump_free(&d);
    }
    xlsxreader_close(r);
    return cells;
}

static void test_real_einbuergerungen(void **state)
{
    (void)state;
    if (!have_real()) skip();
    const char *path = REAL_DIR "/2020_2-3-4.xlsx";
    assert_true(read_everything(path, 4) > 2000);

    struct xlsxreader *r;
    struct xlsxreader_error err;
    assert_int_equal(xlsxreader_open(path, NULL, &r, &err), XLSXREADER_OK);
    assert_string_equal(xlsxreader_sheet_name(r, 0), "2020_2-3-4_Rohdaten");
    assert_string_equal(xlsxreader_sheet_name(r, 1), "2020_2-3-4_Download");
    assert_string_equal(xlsxreader_sheet_name(r, 2), "2020_2-3-4_CSV_Vorbereitung");
    assert_string_equal(xlsxreader_sheet_name(r, 3), "2020_2-3-4_CSV_Export");

    struct dump d = { 0 };
    assert_int_equal(xlsxreader_read_sheet(r, 0, collect, &d, &err), XLSXREADER_OK);
    assert_int_equal(d.nr, 31);
    assert_cell(&d, "A1", XLSXCELL_STRING, "A16 - Einbürgerungen");
    assert_cell(&d, "B3", XLSXCELL_STRING, "Europa insgesamt            ");
    assert_cell(&d, "C3", XLSXCELL_NUMBER, "7178");
    assert_value(&d, "C3", 7178);
    assert_cell(&d, "C6", XLSXCELL_STRING, "x");             /* table symbol: no figure */
    assert_cell(&d, "F6", XLSXCELL_STRING, "x");
    assert_cell(&d, "G6", XLSXCELL_NUMBER, "34");
    assert_cell(&d, "B9", XLSXCELL_STRING, "  Russische Föderation      ");
    assert_cell(&d, "R30", XLSXCELL_NUMBER, "8878");
    assert_int_equal(row_at(&d, 2)->ncells, 18);
    dump_free(&d);

    int i = xlsxreader_sheet_find(r, "2020_2-3-4_Download");
    assert_int_equal(i, 1);
    assert_int_equal(xlsxreader_read_sheet(r, i, collect, &d, &err), XLSXREADER_OK);
    assert_int_equal(d.nr, 40);
    assert_cell(&d, "B6", XLSXCELL_STRING, "Land der \nStaatsangehörigkeit1,2)");
    assert_cell(&d, "C6", XLSXCELL_STRING, "Einbürgerungen");
    assert_cell(&d, "C10", XLSXCELL_NUMBER, "7178");          /* formula, cached value */
    assert_cell(&d, "C13", XLSXCELL_STRING, "x");             /* formula with string result */
    assert_cell(&d, "R7", XLSXCELL_NUMBER, "2020");
    int n;
    const struct xlsxrange *m = xlsxreader_merged(r, &n);
    assert_int_equal(n, 3);
    assert_int_equal(m[0].first_row, 6);                     /* B6:B8 */
    assert_int_equal(m[0].last_row, 8);
    assert_int_equal(m[0].first_column, 2);
    assert_int_equal(m[0].last_column, 2);
    assert_int_equal(m[1].first_column, 3);                  /* C6:R6 */
    assert_int_equal(m[1].last_column, 18);
    assert_int_equal(m[2].first_row, 8);                     /* C8:R8 */
    dump_free(&d);

    assert_int_equal(xlsxreader_read_sheet(r, 3, collect, &d, &err), XLSXREADER_OK);
    assert_int_equal(d.nr, 449);
    assert_cell(&d, "A1", XLSXCELL_STRING, "Year");
    assert_cell(&d, "C2", XLSXCELL_NUMBER, "7178");
    assert_cell(&d, "B5", XLSXCELL_STRING, "Kosovo");
    assert_cell(&d, "C5", XLSXCELL_STRING, "x");
    dump_free(&d);
    xlsxreader_close(r);
}

static void test_real_ausbildung(void **state)
{
    (void)state;
    if (!have_real()) skip();
    const char *path = REAL_DIR "/2020_4-2-1.xlsx";
    assert_true(read_everything(path, 4) > 500);

    struct xlsxreader *r;
    struct xlsxreader_error err;
    assert_int_equal(xlsxreader_open(path, NULL, &r, &err), XLSXREADER_OK);
    assert_int_equal(xlsxreader_sheet_find(r, "20204-2-1_CSV_Export"), 2);
    assert_int_equal(xlsxreader_sheet_find(r, "2020_Rohdaten"), 3);

    struct dump d = { 0 };
    assert_int_equal(xlsxreader_read_sheet(r, 0, collect, &d, &err), XLSXREADER_OK);
    assert_cell(&d, "B7", XLSXCELL_STRING, "Jahr");
    assert_cell(&d, "I8", XLSXCELL_STRING, "Ausländerinnen und Ausländer");
    assert_cell(&d, "B11", XLSXCELL_STRING, "1");            /* a digit stored as text */
    assert_cell(&d, "C12", XLSXCELL_NUMBER, "25");
    assert_cell(&d, "C13", XLSXCELL_NUMBER, "26.3");         /* format 0.0: no date */
    assert_value(&d, "C13", 26.3);
    assert_cell(&d, "K21", XLSXCELL_NUMBER, "9.6");
    int n;
    const struct xlsxrange *m = xlsxreader_merged(r, &n);
    assert_int_equal(n, 6);
    assert_int_equal(m[5].first_row, 10);                    /* C10:K10 */
    assert_int_equal(m[5].first_column, 3);
    assert_int_equal(m[5].last_column, 11);
    dump_free(&d);

    assert_int_equal(xlsxreader_read_sheet(r, 2, collect, &d, &err), XLSXREADER_OK);
    assert_cell(&d, "E3", XLSXCELL_STRING, "26.3");          /* text-formatted cell stays text */
    assert_cell(&d, "D2", XLSXCELL_STRING, "Prozent");
    dump_free(&d);

    assert_int_equal(xlsxreader_read_sheet(r, 3, collect, &d, &err), XLSXREADER_OK);
    assert_cell(&d, "A12", XLSXCELL_STRING, "Bevölkerung nach Zensus\n(ab 2011 verfügbar)");
    assert_cell(&d, "B4", XLSXCELL_STRING, "1)\u00a0\u00a0\u00a0 Indikator B10: Ausbildungsbeteiligungsquote"
                                           " im dualen System nach Geschlecht und Nationalität");
    m = xlsxreader_merged(r, &n);
    assert_int_equal(n, 10);
    assert_int_equal(m[9].first_row, 12);                    /* A12:A21 */
    assert_int_equal(m[9].last_row, 21);
    dump_free(&d);
    xlsxreader_close(r);
}

static void test_real_bevoelkerung(void **state)
{
    (void)state;
    if (!have_real()) skip();
    const char *path = REAL_DIR "/2021_1-1-1.xlsx";
    assert_true(read_everything(path, 1) > 1000);
    struct dump d = { 0 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_OK);
    assert_int_equal(d.nr, 61);
    assert_cell(&d, "C7", XLSXCELL_STRING, "Einwohnerinnen und Einwohner am 31.12.1)");   /* rich text */
    assert_cell(&d, "S8", XLSXCELL_STRING, "2020 / 2005");
    assert_cell(&d, "B59", XLSXCELL_STRING, "Wesermarsch");  /* t="str" from an external link */
    assert_cell(&d, "C59", XLSXCELL_NUMBER, "93725");
    assert_cell(&d, "R59", XLSXCELL_NUMBER, "88524");
    assert_cell(&d, "T59", XLSXCELL_NUMBER, "-0.801219197884333");
    assert_value(&d, "T59", -0.80121919788433305);
    assert_cell(&d, "B62", XLSXCELL_STRING, "Niedersachsen");
    assert_cell(&d, "C62", XLSXCELL_NUMBER, "7993946");
    assert_int_equal(row_at(&d, 10)->ncells, 21);
    assert_null(row_at(&d, 2));
    dump_free(&d);
}

/* ----------------------------------------------------------- hostile files */

static void test_not_a_zip(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "eigentlich.csv.xlsx");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("Maßnahme;Terminierung\nSprachkurs;laufend\n", f);
    fclose(f);
    struct xlsxreader *r = (struct xlsxreader *)1;
    struct xlsxreader_error err;
    assert_int_equal(xlsxreader_open(path, NULL, &r, &err), XLSXREADER_FORMAT);
    assert_null(r);
    assert_string_equal(err.message, "keine XLSX-Datei (kein ZIP-Archiv)");

    path_in(path, sizeof path, "gibt-es-nicht.xlsx");
    assert_int_equal(xlsxreader_open(path, NULL, &r, &err), XLSXREADER_IO);
    assert_has(err.message, "Datei nicht gefunden");

    /* a zip without a workbook (an ODF file, say) */
    path_in(path, sizeof path, "kein-workbook.xlsx");
    struct part p[] = { { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, 1 } };
    write_zip(path, p, 1);
    assert_int_equal(xlsxreader_open(path, NULL, &r, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "keine XLSX-Datei (xl/workbook.xml fehlt)");
}

static void test_truncated_zip(void **state)
{
    (void)state;
    char path[256], cut[256];
    path_in(path, sizeof path, "geschrieben.xlsx");
    write_libxlsxwriter_book(path);
    path_in(cut, sizeof cut, "abgeschnitten.xlsx");
    FILE *in = fopen(path, "rb"), *out = fopen(cut, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, in);
    assert_true(n > 2000);
    fwrite(buf, 1, n / 2, out);
    fclose(in);
    fclose(out);
    struct xlsxreader *r;
    struct xlsxreader_error err;
    assert_int_equal(xlsxreader_open(cut, NULL, &r, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "XLSX-Datei beschädigt oder unvollständig (ZIP-Verzeichnis fehlt)");
}

/* Replace the first occurrence of what in the file by with (same length). */
static void patch_file(const char *path, const char *what, const char *with)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    char *hit = memmem(buf, n, what, strlen(what));
    assert_non_null(hit);
    memcpy(hit, with, strlen(with));
    rewind(f);
    fwrite(buf, 1, n, f);
    fclose(f);
}

static void test_corrupt_zip(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "kaputt.xlsx");
    struct book b = { .sheet = SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>PRUEFSUMME</t></is></c></row>"),
                      .sheet_store = 1 };
    write_book(path, &b);
    patch_file(path, "PRUEFSUMME", "PRUEFSUMMX");            /* data no longer matches its CRC */
    struct dump d = { 0 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_has(err.message, "ZIP-Archiv beschädigt (xl/worksheets/sheet1.xml)");
    assert_string_equal(err.sheet, "Blatt1");
    dump_free(&d);
}

/* A sheet of n bytes: one cell, then blanks (compresses about 1000:1). */
static char *bomb_sheet(size_t n)
{
    static const char head[] = "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
                               "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";
    static const char tail[] = "</sheetData></worksheet>";
    char *s = malloc(n + 1);
    assert_non_null(s);
    memset(s, ' ', n);
    memcpy(s, head, strlen(head));
    memcpy(s + n - strlen(tail), tail, strlen(tail));
    s[n] = '\0';
    return s;
}

static void test_zip_bomb(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "bombe.xlsx");
    char *big = bomb_sheet(4u << 20);
    struct book b = { .sheet = big, .sheet_len = 4u << 20 };
    write_book(path, &b);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    assert_true(ftell(f) < 64 * 1024);                       /* 4 MiB in a few KiB */
    fclose(f);

    struct xlsxreader_options opt = { .max_entry_bytes = 1u << 20 };
    struct dump d = { 0 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, &opt, 0, &d, &err), XLSXREADER_LIMIT);
    assert_string_equal(err.message,
        "xl/worksheets/sheet1.xml ist entpackt 4194304 Bytes groß, erlaubt sind 1048576 (Schutz vor ZIP-Bomben)");
    assert_string_equal(err.sheet, "Blatt1");
    /* with the defaults the same file is fine */
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_OK);
    assert_cell(&d, "A1", XLSXCELL_NUMBER, "1");
    dump_free(&d);

    /* the zip header lies: it says 1000 bytes; the bytes inflated count */
    char lie[256];
    path_in(lie, sizeof lie, "bombe-luegt.xlsx");
    struct part p[] = {
        { "xl/worksheets/sheet1.xml", big, 4u << 20, 0 },    /* first entry: local header at 0 */
        { "_rels/.rels", ROOT_RELS, 0, 0 },
        { "xl/workbook.xml", WORKBOOK, 0, 0 },
        { "xl/_rels/workbook.xml.rels", WB_RELS_WITH("worksheets/sheet1.xml"), 0, 0 },
    };
    write_zip(lie, p, 4);
    FILE *g = fopen(lie, "r+b");
    assert_non_null(g);
    static unsigned char zbuf[1 << 16];
    size_t n = fread(zbuf, 1, sizeof zbuf, g);
    assert_true(n < sizeof zbuf);
    assert_memory_equal(zbuf, "PK\3\4", 4);
    const unsigned char fake[4] = { 0xE8, 0x03, 0, 0 };      /* 1000, little-endian */
    memcpy(zbuf + 22, fake, 4);                              /* local header: uncompressed size */
    unsigned char *cd = memmem(zbuf, n, "PK\1\2", 4);        /* first central directory entry */
    assert_non_null(cd);
    memcpy(cd + 24, fake, 4);
    rewind(g);
    fwrite(zbuf, 1, n, g);
    fclose(g);
    assert_int_equal(read_sheet(lie, &opt, 0, &d, &err), XLSXREADER_LIMIT);
    assert_string_equal(err.message,
        "xl/worksheets/sheet1.xml ist entpackt größer als 1048576 Bytes (Schutz vor ZIP-Bomben)");
    dump_free(&d);
    free(big);
}

static void test_total_and_entry_limits(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "gesamt.xlsx");
    char *big = bomb_sheet(600u << 10);
    struct book b = { .sheet = big, .sheet_len = 600u << 10 };
    write_book(path, &b);
    struct xlsxreader_options opt = { .max_total_bytes = 1u << 20 };
    struct xlsxreader *r;
    struct xlsxreader_error err;
    assert_int_equal(xlsxreader_open(path, &opt, &r, &err), XLSXREADER_OK);
    assert_int_equal(xlsxreader_read_sheet(r, 0, NULL, NULL, &err), XLSXREADER_OK);
    assert_int_equal(xlsxreader_read_sheet(r, 0, NULL, NULL, &err), XLSXREADER_LIMIT);   /* 1.2 MiB in all */
    assert_string_equal(err.message, "Archiv entpackt insgesamt größer als 1048576 Bytes (Schutz vor ZIP-Bomben)");
    xlsxreader_close(r);
    free(big);

    path_in(path, sizeof path, "geschrieben.xlsx");
    write_libxlsxwriter_book(path);
    struct xlsxreader_options few = { .max_entries = 5 };
    assert_int_equal(xlsxreader_open(path, &few, &r, &err), XLSXREADER_LIMIT);
    assert_has(err.message, "Einträge, erlaubt sind 5");
}

static void test_too_many_columns(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "breit.xlsx");
    size_t cap = 40 + 20000 * 40;
    char *xml = malloc(cap);
    assert_non_null(xml);
    size_t n = (size_t)snprintf(xml, cap, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
                                "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\">");
    for (int col = 1; col <= 20000; col++) {
        char name[8];
        n += (size_t)snprintf(xml + n, cap - n, "<c r=\"%s2\"><v>%d</v></c>",
                              xlsxreader_column_name(col, name), col);
    }
    n += (size_t)snprintf(xml + n, cap - n, "</row></sheetData></worksheet>");
    struct book b = { .sheet = xml, .sheet_len = n };
    write_book(path, &b);

    struct dump d = { 0 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_LIMIT);
    assert_string_equal(err.message, "mehr als 16384 Spalten");
    assert_string_equal(err.sheet, "Blatt1");
    assert_int_equal(err.row, 2);
    assert_int_equal(err.column, 16385);
    assert_string_equal(err.column_name, "XFE");
    assert_int_equal(d.nr, 1);                               /* row 1 was handed over, row 2 not */
    dump_free(&d);

    /* a smaller configured limit */
    struct xlsxreader_options opt = { .max_columns = 100 };
    assert_int_equal(read_sheet(path, &opt, 0, &d, &err), XLSXREADER_LIMIT);
    assert_string_equal(err.message, "mehr als 100 Spalten");
    assert_string_equal(err.column_name, "CW");
    dump_free(&d);
    free(xml);
}

static void test_long_texts(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "lang.xlsx");
    struct book b = {
        .sst = "<sst xmlns=\"" NS_MAIN "\"><si><t>kurz</t></si>"
               "<si><t>einhundertundzwanzig Zeichen einhundertundzwanzig Zeichen einhundertundzwanzig Zeichen "
               "einhundertundzwanzig Zeichen</t></si></sst>",
        .sheet = SHEET("<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"D3\" t=\"inlineStr\"><is><t>"
                       "eine Zelle mit mehr als sechzig Bytes Text, die die Grenze reißt</t></is></c></row>"),
    };
    write_book(path, &b);
    struct dump d = { 0 };
    struct xlsxreader_error err;
    struct xlsxreader_options opt = { .max_cell_bytes = 60 };
    assert_int_equal(read_sheet(path, &opt, 0, &d, &err), XLSXREADER_LIMIT);
    assert_string_equal(err.message, "gemeinsamer Text Nr. 1 länger als 60 Bytes");

    opt.max_cell_bytes = 200;
    assert_int_equal(read_sheet(path, &opt, 0, &d, &err), XLSXREADER_OK);
    dump_free(&d);
    opt.max_cell_bytes = 64;
    b.sst = "<sst xmlns=\"" NS_MAIN "\"><si><t>kurz</t></si></sst>";
    write_book(path, &b);
    assert_int_equal(read_sheet(path, &opt, 0, &d, &err), XLSXREADER_LIMIT);
    assert_string_equal(err.message, "Zelltext länger als 64 Bytes");
    assert_int_equal(err.row, 3);
    assert_string_equal(err.column_name, "D");
    dump_free(&d);

    struct xlsxreader_options mem = { .max_shared_bytes = 20 };
    b.sst = "<sst xmlns=\"" NS_MAIN "\"><si><t>eins</t></si><si><t>zwei</t></si></sst>";
    write_book(path, &b);
    assert_int_equal(read_sheet(path, &mem, 0, &d, &err), XLSXREADER_LIMIT);
    assert_string_equal(err.message, "gemeinsame Texte brauchen mehr als 20 Bytes Speicher");
}

static const char LAUGHS[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n";

static void test_doctype_and_entities(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "lachen.xlsx");
    char sheet[4096];
    snprintf(sheet, sizeof sheet, "%s<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\">"
             "<c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>", LAUGHS);
    struct book b = { .sheet = sheet };
    write_book(path, &b);
    struct dump d = { 0 };
    struct xlsxreader_error err;
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message,
                        "xl/worksheets/sheet1.xml: DOCTYPE und Entity-Deklarationen sind nicht erlaubt");
    assert_string_equal(err.sheet, "Blatt1");
    assert_int_equal(d.nr, 0);

    /* in the shared strings: refused when opening */
    char sst[4096];
    snprintf(sst, sizeof sst, "%s<sst xmlns=\"" NS_MAIN "\"><si><t>&lol9;</t></si></sst>", LAUGHS);
    struct book b2 = { .sst = sst };
    write_book(path, &b2);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "xl/sharedStrings.xml: DOCTYPE und Entity-Deklarationen sind nicht erlaubt");

    /* an external entity in the workbook */
    struct book b3 = { .workbook = "<?xml version=\"1.0\"?><!DOCTYPE workbook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                   "<workbook xmlns=\"" NS_MAIN "\"><sheets><sheet name=\"&x;\" r:id=\"rId1\" "
                                   "xmlns:r=\"" NS_REL "\"/></sheets></workbook>" };
    write_book(path, &b3);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "xl/workbook.xml: DOCTYPE und Entity-Deklarationen sind nicht erlaubt");
    dump_free(&d);
}

static void test_relationship_targets(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "ziel.xlsx");
    struct dump d = { 0 };
    struct xlsxreader_error err;
    struct book b = { .rels = WB_RELS_WITH("../../etc/passwd") };
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message,
                        "unzulässiges Beziehungsziel „../../etc/passwd“ in xl/_rels/workbook.xml.rels");

    b.rels = WB_RELS_WITH("%2e%2e/%2E%2E/etc/passwd");
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_has(err.message, "unzulässiges Beziehungsziel");

    b.rels = WB_RELS_WITH("..\\..\\windows\\win.ini");
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_has(err.message, "unzulässiges Beziehungsziel");

    b.rels = WB_RELS_WITH("file:///etc/passwd");
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_has(err.message, "unzulässiges Beziehungsziel");

    /* "/etc/passwd" is the package root's etc/passwd: not in the zip */
    b.rels = WB_RELS_WITH("/etc/passwd");
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "etc/passwd fehlt im Archiv");
    assert_string_equal(err.sheet, "Blatt1");

    /* the root relationships are checked the same way */
    struct part p[] = {
        { "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                         "<Relationship Id=\"rId1\" Type=\"" RELTYPE("officeDocument") "\" "
                         "Target=\"../workbook.xml\"/></Relationships>", 0, 0 },
    };
    write_zip(path, p, 1);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "unzulässiges Beziehungsziel „../workbook.xml“ in _rels/.rels");
    dump_free(&d);
}

static void test_broken_xml_and_references(void **state)
{
    (void)state;
    char path[256];
    path_in(path, sizeof path, "falsch.xlsx");
    struct dump d = { 0 };
    struct xlsxreader_error err;

    struct book b = { .sheet = SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><v>2</v></row>") };
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_has(err.message, "xl/worksheets/sheet1.xml: XML-Fehler in Zeile 2: mismatched tag");
    assert_int_equal(d.nr, 1);
    dump_free(&d);

    b.sheet = SHEET("<row r=\"4\"><c r=\"C4\" t=\"s\"><v>5</v></c></row>");
    b.sst = "<sst xmlns=\"" NS_MAIN "\"><si><t>a</t></si></sst>";
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "Verweis auf gemeinsamen Text „5“ ungültig (die Mappe hat 1)");
    assert_int_equal(err.row, 4);
    assert_string_equal(err.column_name, "C");

    b.sheet = SHEET("<row r=\"4\"><c r=\"C4\"><v>12,5</v></c></row>");
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "keine Zahl: „12,5“");

    b.sheet = SHEET("<row r=\"0\"><c r=\"C4\"><v>1</v></c></row>");
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "ungültige Zeilennummer „0“");

    b.sheet = SHEET("<row r=\"1\"><c r=\"4C\"><v>1</v></c></row>");
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "ungültiger Zellbezug „4C“");

    b.workbook = "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
                 "<sheet name=\"Weg\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
    write_book(path, &b);
    assert_int_equal(read_sheet(path, NULL, 0, &d, &err), XLSXREADER_FORMAT);
    assert_string_equal(err.message, "Beziehung rId7 des Blatts fehlt in xl/_rels/workbook.xml.rels");
    assert_string_equal(err.sheet, "Weg");
    dump_free(&d);
}

/* ------------------------------------------------------------------- main */

static int remove_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(p);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/test_xlsxreader.XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_column_names),
        cmocka_unit_test(test_sheets_by_name_and_index),
        cmocka_unit_test(test_written_cells),
        cmocka_unit_test(test_merged_ranges),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_inline_strings_constant_memory),
        cmocka_unit_test(test_cell_types_handmade),
        cmocka_unit_test(test_1904_and_sheet_order),
        cmocka_unit_test(test_real_einbuergerungen),
        cmocka_unit_test(test_real_ausbildung),
        cmocka_unit_test(test_real_bevoelkerung),
        cmocka_unit_test(test_not_a_zip),
        cmocka_unit_test(test_truncated_zip),
        cmocka_unit_test(test_corrupt_zip),
        cmocka_unit_test(test_zip_bomb),
        cmocka_unit_test(test_total_and_entry_limits),
        cmocka_unit_test(test_too_many_columns),
        cmocka_unit_test(test_long_texts),
        cmocka_unit_test(test_doctype_and_entities),
        cmocka_unit_test(test_relationship_targets),
        cmocka_unit_test(test_broken_xml_and_references),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return failed;
}
