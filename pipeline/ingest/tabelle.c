/*
 * tabelle.c — a delivered table as header + data rows (see ingest.h).
 *
 * The file type is taken from the content, not the name: a ZIP signature
 * means XLSX, anything else is read as CSV.  Header rows come from the
 * profile (`kopfzeile`, `kopfzeilen`) or are detected: the first of the
 * first 50 rows the loader recognises.  Rows above the header (titles) and
 * blank rows are passed over; data start at `daten_ab` or right below the
 * header.  In a multi-row header, upper rows are filled to the right over
 * empty cells, as merged cells read.  A loader that wants them gets the
 * non-blank rows above the header first (loader->preamble: a form's marker).
 */
#include "ingest.h"
#include "lib/csvreader.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/xlsxreader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DETECT_ROWS 50

struct reader_state {
    struct ingest_file *f;
    int is_csv;
    const struct xlsxrange *merged;  /* XLSX: merged ranges, for header rows */
    int nmerged;
    int header_done;
    int level;                       /* header rows collected so far */
    struct tabelle_kopf kopf;
    int stop;
    struct tabelle_zeile first;      /* first non-blank row, the header when none is recognised */
};

static void add_level(struct reader_state *s, const struct tabelle_zeile *z);
static int finish_header(struct reader_state *s);

static void keep_first(struct reader_state *s, const struct tabelle_zeile *z)
{
    if (s->first.cells) return;
    s->first.row = z->row;
    s->first.ncells = z->ncells;
    s->first.cells = xcalloc((size_t)(z->ncells ? z->ncells : 1), sizeof(char *));
    for (int c = 0; c < z->ncells; c++) s->first.cells[c] = xstrdup(z->cells[c]);
}

/* No row was recognised as the header: take the first non-blank one, so the
 * loader names the columns that are missing. */
static int header_fallback(struct reader_state *s)
{
    if (!s->first.cells) return 0;
    add_level(s, &s->first);
    return finish_header(s) ? 1 : 0;
}

static int row_blank(const struct tabelle_zeile *z)
{
    for (int c = 0; c < z->ncells; c++)
        for (const char *p = z->cells[c]; *p; p++)
            if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') return 0;
    return 1;
}

static void column_ref(char *buf, size_t size, int col, int letters)
{
    if (!letters) { snprintf(buf, size, "%d", col + 1); return; }
    char tmp[8];
    int n = 0;
    for (col++; col > 0 && n < 7; col = (col - 1) / 26) tmp[n++] = (char)('A' + (col - 1) % 26);
    size_t k = 0;
    while (n > 0 && k + 1 < size) buf[k++] = tmp[--n];
    buf[k] = '\0';
}

/* add a header row as the next level */
static void add_level(struct reader_state *s, const struct tabelle_zeile *z)
{
    struct tabelle_kopf *h = &s->kopf;
    int ncols = z->ncells > h->ncols ? z->ncells : h->ncols;
    h->levels = xrealloc(h->levels, sizeof(char **) * (size_t)(h->nlevels + 1));
    h->levels[h->nlevels] = xcalloc((size_t)(ncols ? ncols : 1), sizeof(char *));
    for (int c = 0; c < ncols; c++)
        h->levels[h->nlevels][c] = xstrdup(c < z->ncells ? z->cells[c] : "");
    /* earlier levels get the new width */
    for (int l = 0; l < h->nlevels; l++) {
        h->levels[l] = xrealloc(h->levels[l], sizeof(char *) * (size_t)(ncols ? ncols : 1));
        for (int c = h->ncols; c < ncols; c++) h->levels[l][c] = xstrdup("");
    }
    h->ncols = ncols;
    h->nlevels++;
    h->row = z->row;
}

static char *trim_copy(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    return xstrndup(s, n);
}

/* finish the header: fill upper levels right, join names, call the loader */
static int finish_header(struct reader_state *s)
{
    struct tabelle_kopf *h = &s->kopf;
    for (int l = 0; l + 1 < h->nlevels; l++)
        for (int c = 1; c < h->ncols; c++)
            if (!h->levels[l][c][0] && h->levels[l][c - 1][0]) {
                free(h->levels[l][c]);
                h->levels[l][c] = xstrdup(h->levels[l][c - 1]);
            }
    h->names = xcalloc((size_t)(h->ncols ? h->ncols : 1), sizeof(char *));
    h->refs = xcalloc((size_t)(h->ncols ? h->ncols : 1), sizeof(char *));
    for (int c = 0; c < h->ncols; c++) {
        char buf[1024] = "", ref[16];
        size_t n = 0;
        const char *prev = NULL;
        for (int l = 0; l < h->nlevels; l++) {
            char *t = trim_copy(h->levels[l][c]);
            if (*t && (!prev || strcmp(prev, h->levels[l][c]) != 0) && n < sizeof buf - 2)
                n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? " " : "", t);
            free(t);
            prev = h->levels[l][c];
        }
        h->names[c] = xstrdup(buf);
        column_ref(ref, sizeof ref, c, !s->is_csv);
        h->refs[c] = xstrdup(ref);
    }
    s->header_done = 1;
    s->f->kopf = h;
    return s->f->loader->header(s->f, h);
}

static void free_kopf(struct tabelle_kopf *h)
{
    for (int l = 0; l < h->nlevels; l++) {
        for (int c = 0; c < h->ncols; c++) free(h->levels[l][c]);
        free(h->levels[l]);
    }
    free(h->levels);
    for (int c = 0; h->names && c < h->ncols; c++) free(h->names[c]);
    for (int c = 0; h->refs && c < h->ncols; c++) free(h->refs[c]);
    free(h->names);
    free(h->refs);
}

/* one row from any reader */
static int on_row(struct reader_state *s, const struct tabelle_zeile *z)
{
    struct ingest_file *f = s->f;
    const struct quelle *q = f->quelle;
    if (!s->header_done) {
        if (q->nkopfzeilen) {
            if (z->row < q->kopfzeilen[s->level])
                return s->level == 0 && f->loader->preamble && !row_blank(z) ? f->loader->preamble(f, z) : 0;
            while (s->level < q->nkopfzeilen && z->row > q->kopfzeilen[s->level]) {
                struct tabelle_zeile empty = { q->kopfzeilen[s->level], 0, NULL, NULL };
                add_level(s, &empty);      /* a header row the file does not have: empty */
                s->level++;
            }
            if (s->level < q->nkopfzeilen && z->row == q->kopfzeilen[s->level]) {
                add_level(s, z);
                s->level++;
            }
            if (s->level < q->nkopfzeilen) return 0;
            return finish_header(s);
        }
        if (row_blank(z)) return 0;
        if (f->loader->is_header(f, z)) {
            add_level(s, z);
            return finish_header(s);
        }
        keep_first(s, z);
        if (f->loader->preamble && f->loader->preamble(f, z)) return 1;
        if (z->row >= DETECT_ROWS)
            return header_fallback(s) ? 1
                 : ingest_error(f, 0, NULL, "keine Kopfzeile in den ersten %d Zeilen gefunden", DETECT_ROWS);
        return 0;
    }
    if (q->daten_ab && z->row < q->daten_ab) return 0;
    if (row_blank(z)) return 0;
    if (s->is_csv && z->ncells > s->kopf.ncols) {
        /* the column of the first field too many, which has no name in the header */
        char spalte[48];
        snprintf(spalte, sizeof spalte, "%d", s->kopf.ncols + 1);
        return ingest_error(f, z->row, spalte, "%d Felder statt %d wie in der Kopfzeile: überzähliges Feld",
                            z->ncells, s->kopf.ncols);
    }
    if (s->is_csv && z->ncells < s->kopf.ncols)     /* the first column without a field */
        return ingest_error(f, z->row, s->kopf.names[z->ncells], "%d Felder statt %d wie in der Kopfzeile: Feld fehlt",
                            z->ncells, s->kopf.ncols);
    if (z->ncells >= s->kopf.ncols)
        return f->loader->row(f, z);
    /* shorter spreadsheet rows: pad with empty cells */
    char **cells = xcalloc((size_t)s->kopf.ncols, sizeof(char *));
    unsigned char *typ = xcalloc((size_t)s->kopf.ncols, 1);
    for (int c = 0; c < s->kopf.ncols; c++) {
        cells[c] = c < z->ncells ? z->cells[c] : "";
        typ[c] = c < z->ncells && z->typ ? z->typ[c] : TABELLE_TEXT;
    }
    struct tabelle_zeile padded = { z->row, s->kopf.ncols, cells, typ };
    int rc = f->loader->row(f, &padded);
    free(cells);
    free(typ);
    return rc;
}

/* The reader delivers UTF-8 only (it converts or rejects other bytes). */
static int on_csv_row(const struct csvrow *row, void *ctx)
{
    struct reader_state *s = ctx;
    struct tabelle_zeile z = { row->row, row->nfields, row->fields, NULL };
    return on_row(s, &z);
}

static int read_csv(struct reader_state *s)
{
    struct ingest_file *f = s->f;
    struct csvreader_options opt = { 0 };
    opt.delimiter = f->quelle->trennzeichen;
    const char *cap = quelle_string(f->quelle, "max_feld_bytes", NULL);
    opt.max_field = cap ? (size_t)strtoull(cap, NULL, 10) : (size_t)config_int(f->cfg, "eingang:max_feld_bytes", 1 << 20);
    opt.encoding = strcmp(f->quelle->kodierung, "utf-8") == 0 ? CSV_ENCODING_UTF8
                 : strcmp(f->quelle->kodierung, "windows-1252") == 0 ? CSV_ENCODING_WINDOWS1252
                 : CSV_ENCODING_AUTO;
    struct csvreader_error err;
    enum csv_encoding used = CSV_ENCODING_AUTO;
    int rc = csvreader_read(f->path, &opt, on_csv_row, s, &err, NULL, &used);
    snprintf(f->encoding, sizeof f->encoding, "%s", csvreader_encoding_name(used));
    if (rc == CSVREADER_IO || rc == CSVREADER_SYNTAX) {
        char col[16];
        snprintf(col, sizeof col, "%d", err.column);
        const char *name = err.column > 0 && s->header_done && err.column <= s->kopf.ncols &&
                           s->kopf.names[err.column - 1][0] ? s->kopf.names[err.column - 1]
                         : err.column > 0 ? col : NULL;
        ingest_error(f, err.row > 0 ? err.row : 0, name, "%s", err.message);
        return 1;
    }
    return rc ? 1 : 0;
}

/* header rows of a sheet: merged cells read as their top-left cell */
static void fill_merged(struct reader_state *s, const struct xlsxrow *row, char **cells, int ncells)
{
    for (int m = 0; m < s->nmerged; m++) {
        const struct xlsxrange *r = &s->merged[m];
        if (row->row < r->first_row || row->row > r->last_row) continue;
        const char *top = NULL;
        if (r->first_row == row->row)
            top = r->first_column - 1 < row->ncells ? row->cells[r->first_column - 1].text : "";
        else
            for (int l = 0; l < s->kopf.nlevels && !top; l++)
                if (s->f->quelle->kopfzeilen[l] == r->first_row && r->first_column - 1 < s->kopf.ncols)
                    top = s->kopf.levels[l][r->first_column - 1];
        for (int c = r->first_column - 1; top && c < r->last_column && c < ncells; c++)
            if (!cells[c][0]) cells[c] = (char *)top;
    }
}

static int on_xlsx_row(const struct xlsxrow *row, void *ctx)
{
    struct reader_state *s = ctx;
    int ncells = row->ncells;
    int header_row = !s->header_done && s->f->quelle->nkopfzeilen;
    if (header_row)             /* merged header cells may reach past the last value */
        for (int m = 0; m < s->nmerged; m++)
            if (row->row >= s->merged[m].first_row && row->row <= s->merged[m].last_row &&
                s->merged[m].last_column > ncells)
                ncells = s->merged[m].last_column;
    char **cells = xcalloc((size_t)ncells, sizeof(char *));
    unsigned char *typ = xcalloc((size_t)ncells, 1);
    for (int c = 0; c < ncells; c++) {
        cells[c] = c < row->ncells ? (char *)row->cells[c].text : "";
        if (c < row->ncells)
            typ[c] = row->cells[c].type == XLSXCELL_NUMBER ? TABELLE_ZAHL
                   : row->cells[c].type == XLSXCELL_DATE ? TABELLE_DATUM : TABELLE_TEXT;
    }
    if (header_row) fill_merged(s, row, cells, ncells);
    struct tabelle_zeile z = { row->row, ncells, cells, typ };
    int rc = on_row(s, &z);
    free(cells);
    free(typ);
    return rc;
}

static int read_xlsx(struct reader_state *s)
{
    struct ingest_file *f = s->f;
    struct xlsxreader *r = NULL;
    struct xlsxreader_error err;
    struct xlsxreader_options opt = { 0 };
    int rc = xlsxreader_open(f->path, &opt, &r, &err);
    if (rc != XLSXREADER_OK)
        return ingest_error(f, err.row, err.column_name[0] ? err.column_name : NULL, "%s", err.message);
    int n = xlsxreader_sheet_count(r), index = 0;
    const char *blatt = f->quelle->blatt;
    if (blatt) {
        char *end;
        long k = strtol(blatt, &end, 10);
        index = !*end && k >= 1 ? (int)k - 1 : xlsxreader_sheet_find(r, blatt);
        if (index < 0 || index >= n) {
            char names[400] = "";
            size_t len = 0;
            for (int i = 0; i < n && len < sizeof names - 8; i++)
                len += (size_t)snprintf(names + len, sizeof names - len, "%s„%s“", i ? ", " : "",
                                        xlsxreader_sheet_name(r, i));
            xlsxreader_close(r);
            return ingest_error(f, 0, NULL, "Blatt „%s“ fehlt (vorhanden: %s)", blatt, names);
        }
    }
    if (n == 0) {
        xlsxreader_close(r);
        return ingest_error(f, 0, NULL, "Arbeitsmappe ohne Blätter");
    }
    f->sheet = xstrdup(xlsxreader_sheet_name(r, index));
    if (f->quelle->nkopfzeilen > 1 || (f->quelle->nkopfzeilen == 1 && f->quelle->daten_ab)) {
        /* merged header cells: the ranges stand after the rows in the XML */
        rc = xlsxreader_read_sheet(r, index, NULL, NULL, &err);
        if (rc == XLSXREADER_OK) {
            /* copied: the reader's array is only valid until the next read */
            const struct xlsxrange *m = xlsxreader_merged(r, &s->nmerged);
            struct xlsxrange *copy = xcalloc((size_t)(s->nmerged ? s->nmerged : 1), sizeof *copy);
            if (s->nmerged) memcpy(copy, m, sizeof *copy * (size_t)s->nmerged);
            s->merged = copy;
        }
    }
    if (rc == XLSXREADER_OK) rc = xlsxreader_read_sheet(r, index, on_xlsx_row, s, &err);
    if (rc < 0)
        rc = ingest_error(f, err.row, err.column_name[0] ? err.column_name : NULL, "%s", err.message);
    xlsxreader_close(r);
    free((void *)s->merged);
    s->merged = NULL;
    return rc ? 1 : 0;
}

static int is_zip(const char *path)
{
    FILE *fp = fopen(path, "rb");
    unsigned char magic[4] = { 0 };
    size_t n = fp ? fread(magic, 1, 4, fp) : 0;
    if (fp) fclose(fp);
    return n == 4 && memcmp(magic, "PK\x03\x04", 4) == 0;
}

int tabelle_read(struct ingest_file *f)
{
    struct reader_state s = { .f = f };
    int rc;
    size_t n = strlen(f->name);
    int named_xlsx = n > 5 && (strcasecmp(f->name + n - 5, ".xlsx") == 0 || strcasecmp(f->name + n - 5, ".xlsm") == 0);
    if (is_zip(f->path)) {
        if (!named_xlsx) ingest_warning(f, 0, NULL, "Inhalt ist eine Excel-Arbeitsmappe (ZIP), der Name sagt etwas anderes; als XLSX gelesen");
        rc = read_xlsx(&s);
    } else {
        if (named_xlsx) ingest_warning(f, 0, NULL, "Name endet auf .xlsx, der Inhalt ist aber Text; als CSV gelesen");
        s.is_csv = 1;
        rc = read_csv(&s);
    }
    if (!rc && !f->error_set && !s.header_done && !f->quelle->nkopfzeilen && header_fallback(&s))
        rc = 1;
    if (!rc && !f->error_set && !s.header_done) {
        if (f->quelle->nkopfzeilen)
            rc = ingest_error(f, f->quelle->kopfzeilen[s.level < f->quelle->nkopfzeilen ? s.level : 0], NULL,
                              "Kopfzeile fehlt (Datei endet vorher)");
        else
            rc = ingest_error(f, 0, NULL, "Datei enthält keine Kopfzeile");
    }
    f->kopf = NULL;
    free_kopf(&s.kopf);
    for (int c = 0; s.first.cells && c < s.first.ncells; c++) free(s.first.cells[c]);
    free(s.first.cells);
    return rc || f->error_set;
}
