/*
 * htmldoc.c — the document model as a static HTML site (htmldoc.h).
 */
#include "htmldoc.h"

#include "diag.h"
#include "fsutil.h"
#include "htmlout.h"
#include "svgchart.h"
#include "svgmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Numbers and file names of the chapters, as the PDF writer numbers them. */
struct kapitel_info {
    char nummer[24];           /* "3", "Anhang A", "" */
    char datei[32];            /* "kapitel-03.html" */
    char titel[400];           /* "3 Bildung" (number and title) */
};

static void kapitel_infos(const struct docmodel *m, struct kapitel_info *ki)
{
    int nr = 0, anhang = 0, ohne = 0;
    for (int i = 0; i < m->nchapters; i++) {
        const struct docmodel_chapter *c = m->chapters[i];
        struct kapitel_info *k = &ki[i];
        k->nummer[0] = '\0';
        if (c->appendix && !anhang) { anhang = 1; nr = 0; }
        if (c->title) nr++;
        if (c->title && m->frame.numbered) {
            if (c->appendix) snprintf(k->nummer, sizeof k->nummer, "Anhang %c", 'A' + (nr - 1) % 26);
            else snprintf(k->nummer, sizeof k->nummer, "%d", nr);
        }
        if (!c->title) snprintf(k->datei, sizeof k->datei, "teil-%02d.html", ++ohne);
        else if (c->appendix) snprintf(k->datei, sizeof k->datei, "anhang-%c.html", 'a' + (nr - 1) % 26);
        else snprintf(k->datei, sizeof k->datei, "kapitel-%02d.html", nr);
        snprintf(k->titel, sizeof k->titel, "%s%s%s", k->nummer, *k->nummer ? " " : "",
                 c->title ? c->title : m->frame.title);
    }
}

/* The section number „3.2“ / „A.2“ of the n-th section of chapter k. */
static void abschnitt_nummer(char *buf, size_t size, const struct kapitel_info *k, int n)
{
    const char *kn = k->nummer;
    if (strncmp(kn, "Anhang ", 7) == 0) kn += 7;
    if (*kn) snprintf(buf, size, "%.12s.%d", kn, n);
    else buf[0] = '\0';
}

static const char *image_ext(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && strcasecmp(path + n - 4, ".png") == 0 ? "png" : "jpg";
}

static void frame_of(struct htmlpage_frame *fr, const char *site_title, const char *footer)
{
    memset(fr, 0, sizeof *fr);
    fr->site_title = site_title;
    fr->footer = footer;
}

/* one line of the title page information: <p class="cls">prefix text</p>; nothing when text is NULL */
static void title_line(FILE *o, const char *cls, const char *prefix, const char *text)
{
    if (!text) return;
    fputs("<p", o);
    if (cls) fprintf(o, " class=\"%s\"", cls);
    fputs(">", o);
    if (prefix) fputs(prefix, o);
    html_escape(o, text);
    fputs("</p>\n", o);
}

/* index.html: title page information and the table of contents */
static int write_index(struct htmlsite *s, const struct docmodel *m, const struct kapitel_info *ki,
                       const char *site_title, const char *footer)
{
    const struct docmodel_frame *f = &m->frame;
    struct htmlpage_frame fr;
    frame_of(&fr, site_title, footer);
    fr.title = f->title;
    fr.is_index = 1;
    if (m->nchapters > 0) {
        fr.next.href = ki[0].datei;
        fr.next.text = ki[0].titel;
    }
    struct htmlpage p;
    if (htmlpage_open(&p, s, "index.html", &fr) != 0) return -1;
    FILE *o = htmlpage_block(&p);
    if (f->logo) {
        char name[32];
        snprintf(name, sizeof name, "logo.%s", image_ext(f->logo));
        if (htmlsite_copy(s, f->logo, name) == 0) {
            char alt[300];
            snprintf(alt, sizeof alt, "Logo %s", f->kommune ? f->kommune : "");
            fprintf(o, "<p class=\"logo\"><img src=\"%s\" alt=\"", name);
            html_escape(o, f->logo_alt ? f->logo_alt : alt);
            fputs("\"></p>\n", o);
        }
    }
    title_line(o, "kommune", NULL, f->kommune);
    title_line(o, "untertitel", NULL, f->subtitle);
    title_line(o, "gremium", "Vorlage für: ", f->gremium);
    title_line(o, NULL, "Herausgeber: ", f->herausgeber);
    title_line(o, NULL, NULL, f->stand);
    htmlpage_heading(&p, 2, "inhaltsverzeichnis", NULL, "Inhalt");
    o = htmlpage_block(&p);
    fputs("<nav class=\"inhalt\" aria-labelledby=\"inhaltsverzeichnis\">\n<ol>\n", o);
    for (int i = 0; i < m->nchapters; i++) {
        const struct docmodel_chapter *c = m->chapters[i];
        fprintf(o, "<li><a href=\"%s\">", ki[i].datei);
        html_escape(o, ki[i].titel);
        fputs("</a>", o);
        int n = 0;
        for (int b = 0; b < c->nblocks; b++) {
            const struct docmodel_block *bl = &c->blocks[b];
            if (bl->kind != DOCMODEL_HEADING || bl->level != 2) continue;
            char nr[40];
            abschnitt_nummer(nr, sizeof nr, &ki[i], ++n);
            fprintf(o, "%s<li><a href=\"%s#abschnitt-%d\">", n == 1 ? "\n<ol>\n" : "", ki[i].datei, n);
            if (*nr) {
                html_escape(o, nr);
                fputc(' ', o);
            }
            html_escape(o, bl->text);
            fputs("</a></li>\n", o);
        }
        fputs(n ? "</ol>\n</li>\n" : "</li>\n", o);
    }
    fputs("</ol>\n</nav>\n", o);
    return htmlpage_close(&p, &fr);
}

static int write_table(struct htmlpage *p, const struct docmodel_table *t)
{
    struct htmltable_col cols[DOCMODEL_MAX_COLUMNS];
    for (int c = 0; c < t->ncols; c++) {
        cols[c].title = t->cols[c].titel;
        cols[c].right = t->cols[c].align == DOCMODEL_RIGHT;
    }
    struct htmltable_row *rows = xcalloc((unsigned long)(t->nrows ? t->nrows : 1), sizeof *rows);
    for (int r = 0; r < t->nrows; r++) {
        rows[r].cells = t->rows[r].cells;
        rows[r].repeat = t->rows[r].repeat;
        rows[r].highlight = t->rows[r].highlight;
    }
    int rc = htmlpage_table(p, NULL, cols, t->ncols, rows, t->nrows, t->empty);
    free(rows);
    return rc;
}

static int write_figure(struct htmlpage *p, struct htmlsite *s, const struct docmodel_figure *fg, int n)
{
    char name[32];
    snprintf(name, sizeof name, "bild-%d.%s", n, image_ext(fg->path));
    if (htmlsite_copy(s, fg->path, name) != 0) return -1;
    FILE *o = htmlpage_block(p);
    fprintf(o, "<figure class=\"bild\"><img src=\"%s\" alt=\"", name);
    html_escape(o, fg->alt);
    fputs("\">", o);
    if (fg->caption) {
        fputs("<figcaption>", o);
        html_escape(o, fg->caption);
        fputs("</figcaption>", o);
    }
    fputs("</figure>\n", o);
    return 0;
}

static int write_chapter(struct htmlsite *s, const struct docmodel *m, const struct kapitel_info *ki, int i,
                         const char *site_title, const char *footer, struct htmldoc_result *res, int *figures)
{
    const struct docmodel_chapter *c = m->chapters[i];
    struct htmlpage_frame fr;
    frame_of(&fr, site_title, footer);
    fr.title = ki[i].titel;
    if (i > 0) { fr.prev.href = ki[i - 1].datei; fr.prev.text = ki[i - 1].titel; }
    else { fr.prev.href = "index.html"; fr.prev.text = "Titelseite und Inhalt"; }
    if (i + 1 < m->nchapters) { fr.next.href = ki[i + 1].datei; fr.next.text = ki[i + 1].titel; }
    struct htmlpage p;
    if (htmlpage_open(&p, s, ki[i].datei, &fr) != 0) return -1;
    int abschnitt = 0, charts = 0, maps = 0, rc = 0;
    for (int b = 0; b < c->nblocks && rc == 0; b++) {
        const struct docmodel_block *bl = &c->blocks[b];
        switch (bl->kind) {
        case DOCMODEL_HEADING:
            if (bl->level == 2) {
                char id[32], nr[40];
                snprintf(id, sizeof id, "abschnitt-%d", ++abschnitt);
                abschnitt_nummer(nr, sizeof nr, &ki[i], abschnitt);
                htmlpage_heading(&p, 2, id, m->frame.numbered ? nr : NULL, bl->text);
            } else {
                htmlpage_heading(&p, bl->level < 2 ? 2 : bl->level, NULL, NULL, bl->text);
            }
            break;
        case DOCMODEL_PARAGRAPH: htmlpage_paragraph(&p, bl->text); break;
        case DOCMODEL_ITEM: htmlpage_item(&p, bl->text); break;
        case DOCMODEL_NOTE: htmlpage_note(&p, bl->text); break;
        case DOCMODEL_LEGEND: htmlpage_legend(&p, bl->text, bl->swatch); break;
        case DOCMODEL_HIGHLIGHT: htmlpage_highlight(&p, bl->label, bl->text); break;
        case DOCMODEL_TABLE:
            rc = write_table(&p, bl->table);
            if (rc == 0 && res) res->tables++;
            break;
        case DOCMODEL_CHART: {
            char alt[2048], id[32];
            docmodel_chart_alt(bl->chart, alt, sizeof alt);
            snprintf(id, sizeof id, "abb-%d", ++charts);
            rc = svgchart_figure(htmlpage_block(&p), bl->chart, alt, id);
            if (rc == 0 && res) res->charts++;
            break;
        }
        case DOCMODEL_FIGURE: rc = write_figure(&p, s, bl->figure, ++*figures); break;
        case DOCMODEL_MAP: {
            char id[32];
            snprintf(id, sizeof id, "karte-%d", ++maps);
            rc = svgmap_figure(htmlpage_block(&p), bl->karte, id);
            if (rc == 0 && res) res->maps++;
            break;
        }
        }
    }
    if (rc != 0) s->failed = 1;
    if (htmlpage_close(&p, &fr) != 0) rc = -1;
    return rc;
}

int htmldoc_write(const struct docmodel *m, const char *dir, struct htmldoc_result *res)
{
    if (res) memset(res, 0, sizeof *res);
    const struct docmodel_frame *f = &m->frame;
    char site_title[600], footer[600];
    snprintf(site_title, sizeof site_title, "%s%s%s", f->kommune ? f->kommune : "", f->kommune ? " · " : "",
             f->title ? f->title : "");
    snprintf(footer, sizeof footer, "%s%s%s%s", f->stand ? f->stand : "", f->stand && f->herausgeber ? " · " : "",
             f->herausgeber ? "Herausgeber: " : "", f->herausgeber ? f->herausgeber : "");
    struct kapitel_info *ki = xcalloc((unsigned long)(m->nchapters ? m->nchapters : 1), sizeof *ki);
    kapitel_infos(m, ki);
    struct htmlsite s;
    if (htmlsite_begin(&s, dir) != 0) {
        free(ki);
        return -1;
    }
    int rc = write_index(&s, m, ki, site_title, *footer ? footer : NULL);
    int figures = 0;
    for (int i = 0; rc == 0 && i < m->nchapters; i++)
        rc = write_chapter(&s, m, ki, i, site_title, *footer ? footer : NULL, res, &figures);
    if (res) {
        res->pages = 1 + m->nchapters;
        res->files = s.nfiles;
    }
    free(ki);
    if (rc != 0) s.failed = 1;
    return htmlsite_commit(&s);
}
