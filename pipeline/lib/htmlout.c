/*
 * htmlout.c — the static HTML site: atomic folder, pages, escaping, tables
 * with their CSV files, the style sheet.  See htmlout.h.
 */
#include "htmlout.h"

#include "diag.h"
#include "format.h"
#include "fsutil.h"
#include "werte.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The style sheet: readable on screen and phone, print without navigation. */
static const char stylesheet[] =
    "/* Integrationsbericht – HTML-Ausgabe (ibericht). Keine externen Schriften oder Dateien. */\n"
    ":root { --text: #1a1a1a; --grau: #595959; --linie: #c8c8c8; --hell: #f2f2f2; --akzent: #0b5394; "
    "--markiert: #fff2cc; }\n"
    "html { font-family: \"DejaVu Sans\", Verdana, Arial, sans-serif; font-size: 100%; color: var(--text); "
    "background: #fff; }\n"
    "body { margin: 0; line-height: 1.5; }\n"
    ".sprung { position: absolute; left: -999em; }\n"
    ".sprung:focus { left: 1em; top: 1em; background: #fff; padding: .5em; z-index: 1; }\n"
    "header.kopf { border-bottom: 3px solid var(--akzent); padding: .6em 1.2em; }\n"
    "header.kopf a { color: var(--text); text-decoration: none; font-weight: bold; }\n"
    "nav.blaettern { display: flex; gap: 1.5em; flex-wrap: wrap; padding: .4em 1.2em; background: var(--hell); "
    "font-size: .9em; }\n"
    "main { max-width: 62em; margin: 0 auto; padding: 1em 1.2em 2em; }\n"
    "h1 { font-size: 1.7em; line-height: 1.25; margin: .6em 0 .6em; }\n"
    "h2 { font-size: 1.3em; margin: 1.6em 0 .5em; }\n"
    "h3 { font-size: 1.1em; margin: 1.3em 0 .4em; }\n"
    "a { color: var(--akzent); }\n"
    ".kommune { color: var(--grau); margin: 0; }\n"
    ".untertitel { font-size: 1.2em; margin-top: 0; }\n"
    ".gremium { font-weight: bold; }\n"
    ".anmerkung { color: var(--grau); font-size: .85em; }\n"
    ".hervorhebung { background: var(--hell); border-left: 6px solid #404040; padding: .6em 1em; margin: 1em 0; }\n"
    ".hervorhebung .label { font-weight: bold; margin: 0 0 .3em; }\n"
    ".hervorhebung p { margin: 0; }\n"
    ".legende .farbe { display: inline-block; width: 1.4em; height: .9em; background: var(--markiert); "
    "border: 1px solid #999; vertical-align: middle; margin-right: .4em; }\n"
    ".tabelle { overflow-x: auto; margin: 1em 0 .3em; }\n"
    "table { border-collapse: collapse; width: 100%; font-size: .9em; }\n"
    "caption { text-align: left; font-weight: bold; padding: .3em 0; }\n"
    "th, td { border-bottom: 1px solid var(--linie); padding: .35em .5em; text-align: left; vertical-align: top; }\n"
    "thead th { border-bottom: 2px solid #404040; background: var(--hell); }\n"
    "tbody th { font-weight: normal; }\n"
    ".zahl { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
    "tr.markiert td, tr.markiert th { background: var(--markiert); }\n"
    ".download { font-size: .85em; margin: 0 0 1.2em; }\n"
    "figure { margin: 1.2em 0; }\n"
    "figure svg { max-width: 100%; height: auto; }\n"
    "figcaption { font-size: .9em; }\n"
    "figcaption .titel { font-weight: bold; display: block; }\n"
    "img { max-width: 100%; height: auto; }\n"
    "nav.inhalt ol { list-style: none; padding-left: 0; }\n"
    "nav.inhalt ol ol { padding-left: 1.6em; }\n"
    "nav.inhalt li { margin: .2em 0; }\n"
    "footer.fuss { border-top: 1px solid var(--linie); color: var(--grau); font-size: .85em; padding: .8em 1.2em; }\n"
    "@media print {\n"
    "  nav.blaettern, .sprung, .download { display: none; }\n"
    "  header.kopf { border-bottom: 1px solid #000; }\n"
    "  main { max-width: none; padding: 0; }\n"
    "  a { color: inherit; text-decoration: none; }\n"
    "  h1, h2, h3 { break-after: avoid; }\n"
    "  tr, figure, .hervorhebung { break-inside: avoid; }\n"
    "  thead { display: table-header-group; }\n"
    "  .tabelle { overflow: visible; }\n"
    "  @page { size: A4; margin: 18mm 16mm; }\n"
    "}\n";

/* ---- escaping ----------------------------------------------------------- */

void html_escape(FILE *f, const char *s)
{
    if (!s) return;
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
    }
}

void html_inline(FILE *f, const char *s)
{
    if (!s) return;
    int bold = 0;
    const char *p = s;
    while (*p) {
        const char *star = strstr(p, "**");
        size_t n = star ? (size_t)(star - p) : strlen(p);
        char *part = xstrndup(p, n);
        html_escape(f, part);
        free(part);
        if (!star) break;
        fputs(bold ? "</strong>" : "<strong>", f);
        bold = !bold;
        p = star + 2;
    }
    if (bold) fputs("</strong>", f);
}

void htmlout_csv_field(FILE *f, const char *s)
{
    if (!s) s = "";
    size_t n = strlen(s);
    int formula = (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
                  && werte_zahl(s, NULL, NULL) < 0;
    int quote = strpbrk(s, ";\"\r\n") != NULL || (n && (s[0] == ' ' || s[n - 1] == ' '));
    if (quote) fputc('"', f);
    if (formula) fputc('\'', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"') fputc('"', f);
        fputc(*p, f);
    }
    if (quote) fputc('"', f);
}

/* ---- the site ----------------------------------------------------------- */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

/* remove folder path and everything in it (no symlinks followed) */
static void remove_tree(const char *path)
{
    if (path) nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void site_free(struct htmlsite *s)
{
    free(s->target);
    free(s->tmp);
    s->target = s->tmp = NULL;
}

/* Write a whole file into the temporary folder. */
static int site_file(struct htmlsite *s, const char *name, const char *data, size_t len)
{
    char *path = path_join(s->tmp, name);
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(data, 1, len, f) == len;
    if (f && fclose(f) != 0) ok = 0;
    if (!ok) {
        diag_error("%s: nicht schreibbar: %s", path, diag_errno_text(errno));
        s->failed = 1;
    } else {
        s->nfiles++;
    }
    free(path);
    return ok ? 0 : -1;
}

int htmlsite_begin(struct htmlsite *s, const char *target)
{
    memset(s, 0, sizeof *s);
    s->target = xstrdup(target);
    s->tmp = outfile_temp(target);
    if (!s->tmp) {
        site_free(s);
        return -1;
    }
    remove_tree(s->tmp);                 /* left over by a killed run with our pid */
    if (mkdir(s->tmp, 0777) != 0) {
        diag_error("%s: Ordner kann nicht angelegt werden: %s", s->tmp, diag_errno_text(errno));
        site_free(s);
        return -1;
    }
    if (site_file(s, "stil.css", stylesheet, sizeof stylesheet - 1) != 0) {
        htmlsite_abort(s);
        return -1;
    }
    return 0;
}

int htmlsite_copy(struct htmlsite *s, const char *src, const char *name)
{
    FILE *in = fopen(src, "rb");
    if (!in) {
        diag_error("%s: nicht lesbar: %s", src, diag_errno_text(errno));
        s->failed = 1;
        return -1;
    }
    char *path = path_join(s->tmp, name);
    FILE *out = fopen(path, "wb");
    int ok = out != NULL;
    char buf[65536];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, n, out) == n;
    if (ferror(in)) ok = 0;
    fclose(in);
    if (out && fclose(out) != 0) ok = 0;
    if (!ok) {
        diag_error("%s: nicht schreibbar: %s", path, diag_errno_text(errno));
        s->failed = 1;
    } else {
        s->nfiles++;
    }
    free(path);
    return ok ? 0 : -1;
}

/* fsync every file of the temporary folder and the folder itself */
static int sync_tree(const char *dir)
{
    int n = 0;
    char **files = dir_list(dir, &n);
    if (!files) return -1;
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char *p = path_join(dir, files[i]);
        int fd = open(p, O_RDONLY);
        if (fd < 0 || fsync(fd) != 0) rc = -1;
        if (fd >= 0) close(fd);
        free(p);
    }
    dir_list_free(files);
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0 || fsync(fd) != 0) rc = -1;
    if (fd >= 0) close(fd);
    return rc;
}

int htmlsite_commit(struct htmlsite *s)
{
    if (s->failed) {
        diag_error("%s: nicht geschrieben (Fehler oben); die bisherige Ausgabe bleibt stehen", s->target);
        htmlsite_abort(s);
        return -1;
    }
    if (sync_tree(s->tmp) != 0) {
        diag_error("%s: kann nicht gesichert werden: %s", s->target, diag_errno_text(errno));
        htmlsite_abort(s);
        return -1;
    }
    struct stat st;
    int exists = lstat(s->target, &st) == 0;
    if (exists && !S_ISDIR(st.st_mode)) {
        diag_error("%s: ist kein Ordner; die HTML-Ausgabe braucht diesen Namen", s->target);
        htmlsite_abort(s);
        return -1;
    }
    if (!exists) {
        if (rename(s->tmp, s->target) != 0) {
            diag_error("%s: kann nicht geschrieben werden: %s", s->target, diag_errno_text(errno));
            htmlsite_abort(s);
            return -1;
        }
        site_free(s);
        return 0;
    }
    /* swap the new site in; the old one is then in tmp and removed */
    if (renameat2(AT_FDCWD, s->tmp, AT_FDCWD, s->target, RENAME_EXCHANGE) != 0) {
        /* no exchange on this file system: move the old one aside first */
        size_t n = strlen(s->tmp) + 8;
        char *old = xmalloc(n);
        snprintf(old, n, "%s.alt", s->tmp);
        remove_tree(old);
        if (rename(s->target, old) != 0 || rename(s->tmp, s->target) != 0) {
            diag_error("%s: kann nicht ersetzt werden: %s", s->target, diag_errno_text(errno));
            if (access(s->target, F_OK) != 0) rename(old, s->target);     /* put the old one back */
            free(old);
            htmlsite_abort(s);
            return -1;
        }
        remove_tree(old);
        free(old);
    } else {
        remove_tree(s->tmp);
    }
    site_free(s);
    return 0;
}

void htmlsite_abort(struct htmlsite *s)
{
    remove_tree(s->tmp);
    site_free(s);
}

/* ---- pages -------------------------------------------------------------- */

static void close_list(struct htmlpage *p)
{
    if (p->in_list) fputs("</ul>\n", p->f);
    p->in_list = 0;
}

static void nav(FILE *f, const struct htmlpage_frame *fr, const char *where)
{
    fprintf(f, "<nav class=\"blaettern\" aria-label=\"%s\">", where);
    if (!fr->is_index) fputs("<a href=\"index.html\">Inhalt</a>", f);
    if (fr->prev.href) {
        fputs("<a href=\"", f);
        html_escape(f, fr->prev.href);
        fputs("\" rel=\"prev\">← ", f);
        html_escape(f, fr->prev.text);
        fputs("</a>", f);
    }
    if (fr->next.href) {
        fputs("<a href=\"", f);
        html_escape(f, fr->next.href);
        fputs("\" rel=\"next\">", f);
        html_escape(f, fr->next.text);
        fputs(" →</a>", f);
    }
    fputs("</nav>\n", f);
}

int htmlpage_open(struct htmlpage *p, struct htmlsite *s, const char *name, const struct htmlpage_frame *fr)
{
    memset(p, 0, sizeof *p);
    p->site = s;
    p->name = xstrdup(name);
    snprintf(p->stem, sizeof p->stem, "%.*s", (int)strcspn(name, "."), name);
    p->path = path_join(s->tmp, name);
    p->f = fopen(p->path, "w");
    if (!p->f) {
        diag_error("%s: nicht schreibbar: %s", p->path, diag_errno_text(errno));
        s->failed = 1;
        free(p->name);
        free(p->path);
        return -1;
    }
    FILE *f = p->f;
    fputs("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", f);
    html_escape(f, fr->title);
    if (fr->site_title && !fr->is_index) {
        fputs(" – ", f);
        html_escape(f, fr->site_title);
    }
    fputs("</title>\n<link rel=\"stylesheet\" href=\"stil.css\">\n</head>\n<body>\n"
          "<a class=\"sprung\" href=\"#inhalt\">Zum Inhalt springen</a>\n<header class=\"kopf\">", f);
    if (fr->is_index) html_escape(f, fr->site_title);
    else {
        fputs("<a href=\"index.html\">", f);
        html_escape(f, fr->site_title);
        fputs("</a>", f);
    }
    fputs("</header>\n", f);
    nav(f, fr, "Blättern");
    fputs("<main id=\"inhalt\">\n<h1", f);
    if (fr->h1_id) {
        fputs(" id=\"", f);
        html_escape(f, fr->h1_id);
        fputs("\"", f);
    }
    fputs(">", f);
    html_escape(f, fr->title);
    fputs("</h1>\n", f);
    p->level = 1;
    return 0;
}

int htmlpage_close(struct htmlpage *p, const struct htmlpage_frame *fr)
{
    close_list(p);
    FILE *f = p->f;
    fputs("</main>\n", f);
    nav(f, fr, "Blättern unten");
    if (fr->footer) {
        fputs("<footer class=\"fuss\">", f);
        html_escape(f, fr->footer);
        fputs("</footer>\n", f);
    }
    fputs("</body>\n</html>\n", f);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        diag_error("%s: nicht schreibbar: %s", p->path, diag_errno_text(errno));
        p->site->failed = 1;
    } else {
        p->site->nfiles++;
    }
    int rc = p->site->failed ? -1 : 0;
    free(p->name);
    free(p->path);
    free(p->section_copy);
    memset(p, 0, sizeof *p);
    return rc;
}

void htmlpage_heading(struct htmlpage *p, int level, const char *id, const char *number, const char *text)
{
    close_list(p);
    if (level < 2) level = 2;
    if (level > p->level + 1) level = p->level + 1;
    if (level > 6) level = 6;
    p->level = level;
    fprintf(p->f, "<h%d", level);
    if (id) {
        fputs(" id=\"", p->f);
        html_escape(p->f, id);
        fputs("\"", p->f);
    }
    fputs(">", p->f);
    if (number && *number) {
        html_escape(p->f, number);
        fputs(" ", p->f);
    }
    html_inline(p->f, text);
    fprintf(p->f, "</h%d>\n", level);
    free(p->section_copy);
    p->section_copy = xstrdup(text ? text : "");
    p->section = p->section_copy;
}

void htmlpage_paragraph(struct htmlpage *p, const char *text)
{
    close_list(p);
    fputs("<p>", p->f);
    html_inline(p->f, text);
    fputs("</p>\n", p->f);
}

void htmlpage_item(struct htmlpage *p, const char *text)
{
    if (!p->in_list) fputs("<ul>\n", p->f);
    p->in_list = 1;
    fputs("<li>", p->f);
    html_inline(p->f, text);
    fputs("</li>\n", p->f);
}

void htmlpage_note(struct htmlpage *p, const char *text)
{
    close_list(p);
    fputs("<p class=\"anmerkung\">", p->f);
    html_inline(p->f, text);
    fputs("</p>\n", p->f);
}

void htmlpage_highlight(struct htmlpage *p, const char *label, const char *text)
{
    close_list(p);
    fputs("<div class=\"hervorhebung\">", p->f);
    if (label && *label) {
        fputs("<p class=\"label\">", p->f);
        html_escape(p->f, label);
        fputs("</p>", p->f);
    }
    fputs("<p>", p->f);
    html_inline(p->f, text);
    fputs("</p></div>\n", p->f);
}

void htmlpage_legend(struct htmlpage *p, const char *text, int swatch)
{
    close_list(p);
    fputs("<p class=\"legende\">", p->f);
    if (swatch) fputs("<span class=\"farbe\" aria-hidden=\"true\"></span>", p->f);
    html_inline(p->f, text);
    fputs("</p>\n", p->f);
}

FILE *htmlpage_block(struct htmlpage *p)
{
    close_list(p);
    return p->f;
}

/* ---- tables ------------------------------------------------------------- */

static const char *cell(const struct htmltable_row *r, int c)
{
    return r->cells[c] ? r->cells[c] : "";
}

/* The text a cell shows in the CSV: a merged cell repeats the one above. */
static const char *csv_cell(const struct htmltable_row *rows, int i, int c)
{
    while (i > 0 && (rows[i].repeat >> c & 1u)) i--;
    return cell(&rows[i], c);
}

static int write_csv(struct htmlpage *p, const char *name, const struct htmltable_col *cols, int ncols,
                     const struct htmltable_row *rows, int nrows)
{
    char *path = path_join(p->site->tmp, name);
    FILE *f = fopen(path, "wb");
    int ok = f != NULL;
    if (ok) {
        fputs("\xEF\xBB\xBF", f);
        for (int c = 0; c < ncols; c++) {
            if (c) fputc(';', f);
            htmlout_csv_field(f, cols[c].title);
        }
        fputs("\r\n", f);
        for (int i = 0; i < nrows; i++) {
            for (int c = 0; c < ncols; c++) {
                if (c) fputc(';', f);
                htmlout_csv_field(f, csv_cell(rows, i, c));
            }
            fputs("\r\n", f);
        }
        if (ferror(f)) ok = 0;
        if (fclose(f) != 0) ok = 0;
    }
    if (!ok) {
        diag_error("%s: nicht schreibbar: %s", path, diag_errno_text(errno));
        p->site->failed = 1;
    } else {
        p->site->nfiles++;
    }
    free(path);
    return ok ? 0 : -1;
}

/* How many rows below row i continue cell c (merged: repeat bit set). */
static int span_of(const struct htmltable_row *rows, int nrows, int i, int c)
{
    int n = 1;
    while (i + n < nrows && (rows[i + n].repeat >> c & 1u)) n++;
    return n;
}

int htmlpage_table(struct htmlpage *p, const char *caption, const struct htmltable_col *cols, int ncols,
                   const struct htmltable_row *rows, int nrows, const char *empty)
{
    close_list(p);
    FILE *f = p->f;
    int number = ++p->site->ntables;
    char csv[96];
    snprintf(csv, sizeof csv, "%s-tabelle-%d.csv", p->stem, ++p->ntables);
    if (!caption) caption = p->section ? p->section : "";
    fputs("<div class=\"tabelle\">\n<table>\n<caption>", f);
    fprintf(f, "Tabelle %d", number);
    if (*caption) {
        fputs(": ", f);
        html_inline(f, caption);
    }
    fputs("</caption>\n<thead><tr>", f);
    for (int c = 0; c < ncols; c++) {
        fprintf(f, "<th scope=\"col\"%s>", cols[c].right ? " class=\"zahl\"" : "");
        html_escape(f, cols[c].title);
        fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    if (nrows == 0) {
        fprintf(f, "<tr><td colspan=\"%d\">", ncols);
        html_escape(f, empty ? empty : "keine");
        fputs("</td></tr>\n", f);
    }
    for (int i = 0; i < nrows; i++) {
        const struct htmltable_row *r = &rows[i];
        fputs(r->highlight ? "<tr class=\"markiert\">" : "<tr>", f);
        for (int c = 0; c < ncols; c++) {
            if (i > 0 && (r->repeat >> c & 1u)) continue;          /* covered by the rowspan above */
            int span = span_of(rows, nrows, i, c);
            const char *tag = c == 0 ? "th" : "td";
            fprintf(f, "<%s", tag);
            if (c == 0) fputs(" scope=\"row\"", f);
            if (span > 1) fprintf(f, " rowspan=\"%d\"", span);
            if (cols[c].right) fputs(" class=\"zahl\"", f);
            fputs(">", f);
            html_escape(f, cell(r, c));
            fprintf(f, "</%s>", tag);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n</div>\n", f);
    fputs("<p class=\"download\"><a href=\"", f);
    html_escape(f, csv);
    char menge[48];
    fprintf(f, "\" download>Tabelle %d als CSV-Datei (%s, Semikolon, UTF-8)</a></p>\n", number,
            format_menge(menge, sizeof menge, nrows, "Zeile", "Zeilen"));
    return write_csv(p, csv, cols, ncols, rows, nrows);
}
