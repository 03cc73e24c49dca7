/*
 * docpdf.h — the PDF writer of the document model (docmodel.h), on top of
 * pdfdoc (pages, fonts, tags), pdftable (tables) and pdfchart (charts).
 * Every PDF ibericht writes goes through it.
 *
 * Frame.  With DOCMODEL_TITLE_PAGE a title page (kommune, logo, title,
 * subtitle, committee, publisher, Stand), then with frame.toc a table of
 * contents, then the chapters, each on a new page; with
 * DOCMODEL_TITLE_BLOCK a title block at the top of the first page (grey
 * kicker line, bold title, subtitle line) and the first chapter right below
 * it, later chapters on new pages.  With frame.numbered chapters are
 * numbered 1, 2, … (appendix chapters Anhang A, B, …) and sections (level-2
 * headings) 3.1, 3.2, …  Bookmarks for chapters and sections (UTF-8), a
 * running header on every page but the first (frame.running_header, or the
 * chapter „3 Bildung“, with kommune at the right), footers „Stand …“ ·
 * centre text · „Seite x von y“ (pdfdoc_footers; from page 2 on under a
 * title page), document info with umlauts, reproducible bytes (dates from
 * report_time(), i.e. SOURCE_DATE_EPOCH; no random IDs).
 *
 * Table of contents by layout passes: pass 1 lays the content out after a
 * table of contents reserved with one page, recording the page of every
 * chapter and section; then the table of contents is laid out with those
 * page numbers; if it needs more pages than reserved, the missing pages are
 * inserted after the reserved ones (pdfdoc_insert_page) and every recorded
 * page moves by as many; only if it needs fewer is the content laid out
 * again (at most 4 passes).  Finally the entries are drawn with dot leaders
 * and page numbers and linked to their headings.
 *
 * Layout rules: chapters start on a new page, portrait or landscape (the
 * pages of a chapter keep its direction, also those a table adds); a
 * heading is kept with the start of what follows it (two lines of a
 * paragraph, a table's header and first row, a whole chart or figure) —
 * one implementation for every block, so no heading ends a page; a block
 * with keep_with_next starts on a new page when it and the next block fit
 * on one page but not in the rest of this one; paragraphs break between
 * pages with at least two lines on either side (no widows, no orphans);
 * charts, figures and highlight boxes are never split (a box taller than a
 * page becomes a paragraph); tables repeat their header on every page and
 * move rows whole (pdftable.h).  Text is wrapped with the fonts' real
 * metrics (textwrap, pdfdoc_measure).  All sizes are PDF points.
 *
 * Tagging (pdfdoc.h, „Tagged PDF“): the document element holds, in reading
 * order, the title page (H1 title, P lines, Figure logo), the TOC (TOC >
 * TOCI > Link, inserted at its place although drawn last), one Sect per
 * chapter with H1, H2, H3, P, Note, L > LI > Lbl + LBody, Table (pdftable
 * tags rows and cells), Figure with Alt (charts: docmodel_chart_alt;
 * images: the figure's alt text) and Caption.  Running headers, rules and
 * backgrounds are artifacts.
 */
#ifndef IB_DOCPDF_H
#define IB_DOCPDF_H

#include "docmodel.h"

/* The type scale and spacing, defined once for every document (points). */
struct docpdf_stil {
    double titel;              /* title page: report title */
    double untertitel;         /* title page: subtitle */
    double h1;                 /* chapter heading */
    double h2;                 /* section heading */
    double h3;                 /* sub-heading */
    double text;               /* body text, bullets, highlighted blocks */
    double tabelle;            /* table cells (pdftable) */
    double fussnote;           /* notes, sources, running header */
    double zeilenabstand;      /* body leading as a multiple of the size */
    double absatz_nach;        /* space after a paragraph */
    double h2_vor, h2_nach;    /* space before/after a section heading (not at a page top) */
    double h3_vor, h3_nach;
};

extern const struct docpdf_stil docpdf_stil;

/* What docpdf_write did (for tests and messages). */
struct docpdf_result {
    int pages;                 /* page count */
    int passes;                /* layout passes: 1, unless the table of contents needed
                                  fewer pages than reserved */
    int toc_pages;             /* pages of the table of contents (0 without) */
};

/*
 * docpdf_write — lay out model m and write it to path (through a temporary
 * file; pdfdoc_save), with the TrueType fonts font_regular/font_bold.
 * res may be NULL.  Returns 0, or -1 after a message (font missing, an
 * invalid chart or unreadable image, the table of contents did not settle
 * in 4 passes, libharu error, file not writable); path is then untouched.
 */
int docpdf_write(const struct docmodel *m, const char *font_regular, const char *font_bold, const char *path,
                 struct docpdf_result *res);

#endif
