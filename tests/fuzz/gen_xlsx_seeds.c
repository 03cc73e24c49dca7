/*
 * gen_xlsx_seeds.c — writes the seed corpus of fuzz_xlsxreader
 * (`make fuzz-seeds`; the output is committed in tests/fuzz/corpus/xlsx).
 *
 *   gen_xlsx_seeds DIR
 *
 * Three small workbooks written with libxlsxwriter (each well under 10 KB):
 *   massnahmen.xlsx   one sheet of measures: shared strings with umlauts,
 *                     numbers, a date, a boolean, a formula, a merged header
 *   kennzahlen.xlsx   two sheets, inline strings (constant_memory mode),
 *                     custom number formats (date, time, percent)
 *   leer.xlsx         one sheet without cells
 * and, for each, the same workbook as the harness's "parts" input (the XML
 * parts the reader uses, each "NAME\nCONTENT", separated by NUL bytes), plus
 * parts-handmade: what libxlsxwriter never writes — prefixed (x:) elements,
 * t="d" / t="e" / t="str" cells, _xHHHH_ escapes, phonetic runs, the 1904
 * date system, a relationship target with "../" and percent escapes — and
 * parts-doctype (a DOCTYPE with an entity: refused).
 *
 * The limit-*.xlsx seeds drive the reader into every limit of
 * fuzz_xlsxreader (8 MiB a part, 32 MiB in all, 256 entries, 64 KiB a cell
 * or shared string, 8 MiB of shared strings): a few KB of deflate each, the
 * fuzzer could not build them from the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

static void die(const char *what)
{
    fprintf(stderr, "gen_xlsx_seeds: %s\n", what);
    exit(1);
}

/* A fixed creation time: the seeds come out the same on every run. */
static void fixed_time(lxw_workbook *wb)
{
    lxw_doc_properties props = { .created = 1732060800 };
    workbook_set_properties(wb, &props);
}

static void massnahmen(const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb) die(path);
    fixed_time(wb);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Maßnahmen");
    lxw_format *datum = workbook_add_format(wb);
    format_set_num_format(datum, "dd.mm.yyyy");
    worksheet_merge_range(ws, 0, 0, 0, 3, "Integrationskonzept – Übersicht", NULL);
    worksheet_write_string(ws, 1, 0, "Handlungsfeld", NULL);
    worksheet_write_string(ws, 1, 1, "Maßnahme", NULL);
    worksheet_write_string(ws, 1, 2, "Terminierung", NULL);
    worksheet_write_string(ws, 1, 3, "Kosten (€)", NULL);
    worksheet_write_string(ws, 2, 0, "Sprache", NULL);
    worksheet_write_string(ws, 2, 1, "Sprachcafés in allen Gemeinden", NULL);
    worksheet_write_string(ws, 2, 2, "laufend", NULL);
    worksheet_write_number(ws, 2, 3, 5000.5, NULL);
    worksheet_write_string(ws, 3, 0, "Arbeit", NULL);
    worksheet_write_string(ws, 3, 1, "Zeile\nmit Umbruch", NULL);
    lxw_datetime d = { 2026, 6, 30, 0, 0, 0 };
    worksheet_write_datetime(ws, 3, 2, &d, datum);
    worksheet_write_formula_num(ws, 3, 3, "=D3*2", NULL, 10001);
    worksheet_write_boolean(ws, 4, 0, 1, NULL);
    worksheet_write_string(ws, 4, 5, "", NULL);
    if (workbook_close(wb) != LXW_NO_ERROR) die(path);
}

static void kennzahlen(const char *path)
{
    lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    if (!wb) die(path);
    fixed_time(wb);
    lxw_worksheet *a = workbook_add_worksheet(wb, "Bevölkerung");
    lxw_worksheet *b = workbook_add_worksheet(wb, "Zeit");
    lxw_format *proz = workbook_add_format(wb);
    format_set_num_format(proz, "0.0%");
    lxw_format *uhr = workbook_add_format(wb);
    format_set_num_format(uhr, "[h]:mm:ss");
    lxw_format *tag = workbook_add_format(wb);
    format_set_num_format(tag, "[$-407]dddd, d. mmmm yyyy");
    worksheet_write_string(a, 0, 0, "Gebiet", NULL);
    worksheet_write_string(a, 0, 1, "Jahr", NULL);
    worksheet_write_string(a, 0, 2, "Anteil", NULL);
    worksheet_write_string(a, 1, 0, "Brake (Unterweser)", NULL);
    worksheet_write_number(a, 1, 1, 2023, NULL);
    worksheet_write_number(a, 1, 2, 0.123, proz);
    worksheet_write_string(a, 2, 0, "Nordenham", NULL);
    worksheet_write_number(a, 2, 1, 2023, NULL);
    worksheet_write_number(a, 2, 2, -0.0, proz);
    worksheet_write_string(b, 0, 0, "Dauer", NULL);
    worksheet_write_number(b, 0, 1, 1.75, uhr);
    worksheet_write_number(b, 1, 1, 45657, tag);
    worksheet_write_number(b, 2, 27, 1e300, NULL);
    if (workbook_close(wb) != LXW_NO_ERROR) die(path);
}

static void leer(const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb) die(path);
    fixed_time(wb);
    workbook_add_worksheet(wb, NULL);
    if (workbook_close(wb) != LXW_NO_ERROR) die(path);
}

static FILE *open_out(const char *dir, const char *name)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f) die(p);
    return f;
}

/* Write the reader's parts of the workbook xlsx as a "parts" seed. */
static void parts_of(const char *dir, const char *xlsx, const char *out_name)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", dir, xlsx);
    int ze;
    zip_t *z = zip_open(p, ZIP_RDONLY, &ze);
    if (!z) die(p);
    FILE *out = open_out(dir, out_name);
    int first = 1;
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        if (!name || strncmp(name, "docProps/", 9) == 0 || strcmp(name, "[Content_Types].xml") == 0 ||
            strstr(name, "theme"))
            continue;
        zip_stat_t st;
        if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0) die(name);
        char *buf = malloc(st.size + 1);
        zip_file_t *zf = zip_fopen_index(z, (zip_uint64_t)i, 0);
        if (!buf || !zf || zip_fread(zf, buf, st.size) != (zip_int64_t)st.size) die(name);
        zip_fclose(zf);
        if (!first) fputc('\0', out);
        first = 0;
        fprintf(out, "%s\n", name);
        fwrite(buf, 1, st.size, out);
        free(buf);
    }
    fclose(out);
    zip_close(z);
}

static const char *const handmade[] = {
    "_rels/.rels",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\""
    " Target=\"/wb/Mappe%20eins.xml\"/></Relationships>",
    "wb/Mappe eins.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<x:workbook xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\""
    " xmlns:r=\"http://purl.oclc.org/ooxml/officeDocument/relationships\">"
    "<x:workbookPr date1904=\"true\"/><x:sheets>"
    "<x:sheet name=\"Daten\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<x:sheet name=\"daten 2\" sheetId=\"2\" r:id=\"rId2\" state=\"hidden\"/>"
    "</x:sheets></x:workbook>",
    "wb/_rels/Mappe eins.xml.rels",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"./blaetter/../blaetter/b1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/worksheet\" Target=\"/wb/blaetter/b2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/sharedStrings\" Target=\"texte.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"x/styles\" Target=\"stile.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"x/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
    "</Relationships>",
    "wb/texte.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<sst xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" count=\"3\" uniqueCount=\"3\">"
    "<si><t xml:space=\"preserve\"> Größe_x000D_\nzwei </t></si>"
    "<si><r><rPr><b/></rPr><t>fett</t></r><r><t>&amp; normal</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
    "<si><t/></si><si><t>_x005F_x0041_ und _xD800_ und _x0000_</t></si></sst>",
    "wb/stile.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<styleSheet xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\">"
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"&quot;Tag&quot; dd.mm.yy\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[Red]hh:mm\\ &quot;Uhr&quot;\"/></numFmts>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
    "<xf numFmtId=\"14\"/></cellXfs></styleSheet>",
    "wb/blaetter/b1.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<x:worksheet xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><x:sheetData>"
    "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"C2\" t=\"s\"><x:v>1</x:v></x:c>"
    "<x:c t=\"s\"><x:v>2</x:v></x:c><x:c t=\"s\"><x:v>3</x:v></x:c></x:row>"
    "<x:row><x:c r=\"A3\" s=\"1\"><x:v>45000.5</x:v></x:c><x:c r=\"B3\" s=\"2\"><x:v>0.25</x:v></x:c>"
    "<x:c r=\"C3\" s=\"3\"><x:v>0</x:v></x:c><x:c r=\"D3\" t=\"b\"><x:v>0</x:v></x:c>"
    "<x:c r=\"E3\" t=\"e\"><x:v>#DIV/0!</x:v></x:c><x:c r=\"F3\" t=\"str\"><x:f>A1</x:f><x:v>x_x0009_y</x:v></x:c>"
    "<x:c r=\"G3\" t=\"d\"><x:v>2024-02-29T13:45:00</x:v></x:c><x:c r=\"H3\" t=\"inlineStr\">"
    "<x:is><x:t>inline</x:t><x:rPh><x:t>nein</x:t></x:rPh></x:is></x:c>"
    "<x:c r=\"XFD3\"><x:v> -1.5E+3 </x:v></x:c></x:row>"
    "<x:row r=\"7\" customFormat=\"1\"><x:c r=\"B7\" s=\"1\"/></x:row>"
    "<x:row r=\"1048576\"><x:c r=\"a1048576\"><x:v>1</x:v></x:c></x:row>"
    "</x:sheetData><x:mergeCells count=\"2\"><x:mergeCell ref=\"B6:A5\"/><x:mergeCell ref=\"C9\"/>"
    "</x:mergeCells></x:worksheet>",
    "wb/blaetter/b2.xml",
    "<worksheet xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><dimension ref=\"A1\"/>"
    "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><r><t>a</t></r><r><t>b</t></r></is></c>"
    "</row></sheetData></worksheet>",
    NULL
};

/* ------------------------------------------------------------ limit seeds */

struct entry { const char *name; char *data; size_t len; };

static char *text(const char *head, size_t repeat, const char *unit, const char *tail, size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    *len = hl + repeat * ul + tl;
    char *p = malloc(*len + 1);
    if (!p) die("no memory");
    memcpy(p, head, hl);
    for (size_t i = 0; i < repeat; i++) memcpy(p + hl + i * ul, unit, ul);
    memcpy(p + hl + repeat * ul, tail, tl + 1);
    return p;
}

/* A deflated zip of the package relationships, a workbook of nsheets
 * sheets (all pointing to xl/s.xml) and the extra entries. */
static void write_zip(const char *dir, const char *file, int nsheets, struct entry *extra, int nextra)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", dir, file);
    int ze;
    zip_t *z = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    if (!z) die(p);
    size_t len;
    char *wb = text("<workbook xmlns:r=\"r\"><sheets>", (size_t)nsheets,
                    "<sheet name=\"B\" r:id=\"rId1\"/>", "</sheets></workbook>", &len);
    struct entry base[] = {
        { "_rels/.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\""
                         " Target=\"xl/workbook.xml\"/></Relationships>", 0 },
        { "xl/workbook.xml", wb, len },
        { "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\""
                                        " Target=\"s.xml\"/><Relationship Id=\"rId2\""
                                        " Type=\"x/sharedStrings\" Target=\"t.xml\"/></Relationships>", 0 },
    };
    for (int i = 0; i < 3 + nextra; i++) {
        struct entry *e = i < 3 ? &base[i] : &extra[i - 3];
        size_t n = e->len ? e->len : strlen(e->data);
        zip_source_t *src = zip_source_buffer(z, e->data, n, 0);
        zip_int64_t idx = src ? zip_file_add(z, e->name, src, ZIP_FL_OVERWRITE) : -1;
        if (idx < 0) die(e->name);
        zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9);
        zip_file_set_mtime(z, (zip_uint64_t)idx, 1732060800, 0);
    }
    if (zip_close(z) != 0) die(p);
    free(wb);
}

static void limit_seeds(const char *dir)
{
    size_t len;
    /* one part over 8 MiB (the zip header says so) */
    char *big = text("<worksheet><sheetData>", 9u << 20, " ", "</sheetData></worksheet>", &len);
    write_zip(dir, "limit-entry.xlsx", 1, &(struct entry){ "xl/s.xml", big, len }, 1);
    free(big);
    /* 7 MiB read by 5 sheets: over 32 MiB in all */
    big = text("<worksheet><sheetData>", 7u << 20, " ", "</sheetData></worksheet>", &len);
    write_zip(dir, "limit-total.xlsx", 5, &(struct entry){ "xl/s.xml", big, len }, 1);
    free(big);
    /* a cell and a shared string over 64 KiB */
    big = text("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>", 70000, "a",
               "</t></is></c></row></sheetData></worksheet>", &len);
    write_zip(dir, "limit-cell.xlsx", 1, &(struct entry){ "xl/s.xml", big, len }, 1);
    free(big);
    big = text("<sst><si><t>", 70000, "\xc3\xa4", "</t></si></sst>", &len);
    write_zip(dir, "limit-sst-cell.xlsx", 1, &(struct entry){ "xl/t.xml", big, len }, 1);
    free(big);
    /* 1.2 million empty shared strings (9 bytes each in memory): over 8 MiB */
    big = text("<sst>", 1200000, "<si/>", "</sst>", &len);
    write_zip(dir, "limit-shared.xlsx", 1, &(struct entry){ "xl/t.xml", big, len }, 1);
    free(big);
    /* 257 entries */
    struct entry many[254];
    char names[254][8];
    for (int i = 0; i < 254; i++) {
        snprintf(names[i], sizeof names[i], "z/%d", i);
        many[i] = (struct entry){ names[i], "", 1 };
    }
    write_zip(dir, "limit-entries.xlsx", 1, many, 254);
}

int main(int argc, char **argv)
{
    if (argc != 2) die("usage: gen_xlsx_seeds DIR");
    const char *dir = argv[1];
    char p[4096];
    snprintf(p, sizeof p, "%s/massnahmen.xlsx", dir);
    massnahmen(p);
    snprintf(p, sizeof p, "%s/kennzahlen.xlsx", dir);
    kennzahlen(p);
    snprintf(p, sizeof p, "%s/leer.xlsx", dir);
    leer(p);
    parts_of(dir, "massnahmen.xlsx", "parts-massnahmen");
    parts_of(dir, "kennzahlen.xlsx", "parts-kennzahlen");
    parts_of(dir, "leer.xlsx", "parts-leer");
    FILE *out = open_out(dir, "parts-handmade");
    for (int i = 0; handmade[i]; i += 2) {
        if (i) fputc('\0', out);
        fprintf(out, "%s\n%s", handmade[i], handmade[i + 1]);
    }
    fclose(out);
    out = open_out(dir, "parts-doctype");
    fprintf(out, "%s\n%s", handmade[0], handmade[1]);
    fputc('\0', out);
    fprintf(out, "%s\n%s", handmade[2], handmade[3]);
    fputc('\0', out);
    fprintf(out, "%s\n%s", handmade[4], handmade[5]);
    fputc('\0', out);
    fprintf(out, "wb/blaetter/b1.xml\n<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [\n"
            "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n"
            "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row>"
            "</sheetData></worksheet>");
    fclose(out);
    limit_seeds(dir);
    return 0;
}
