/*
 * htmldoc.h — the HTML writer of the document model (docmodel.h): the same
 * model the PDF writer (docpdf.h) lays out, written as a static site
 * (htmlout.h) — so the HTML edition and the PDF say the same thing.
 *
 * The site (one folder):
 *   index.html          the title page's information (Kommune, title,
 *                       subtitle, committee, publisher, Stand, logo) and the
 *                       table of contents: every chapter with its sections
 *                       (level-2 headings), linked to their anchors
 *   kapitel-NN.html     one page per chapter (NN = 01, 02, …), appendix
 *                       chapters anhang-a.html, …; h1 = „3 Bildung“, the
 *                       sections h2 „3.1 …“ (numbered as in the PDF when the
 *                       frame numbers), sub-headings h3; previous/next links
 *   *-tabelle-K.csv     every table as CSV (htmlout.h), linked below it
 *   bild-N.EXT          images of FIGURE blocks and the logo (copied)
 *   stil.css            the style sheet
 * Block by block: HEADING → h2/h3 (level 1 inside a chapter → h2 without
 * number), PARAGRAPH → p, ITEM → ul/li, TABLE → table with caption (the
 * last heading), th scope, right-aligned number columns, merged cells as
 * rowspan, highlighted rows, and its CSV; CHART → inline SVG (svgchart.h)
 * with the alternative text docmodel_chart_alt (the PDF's Figure /Alt);
 * FIGURE → img with its alt text and caption; MAP → inline SVG map
 * (svgmap.h, the alternative text karte_alt as the PDF's); LEGEND, NOTE, HIGHLIGHT →
 * styled paragraphs.  Untitled chapters (no heading in the PDF either)
 * get a page titled with the document title.
 */
#ifndef IB_HTMLDOC_H
#define IB_HTMLDOC_H

#include "docmodel.h"

/* What htmldoc_write wrote (messages, tests). */
struct htmldoc_result {
    int pages;                 /* HTML pages incl. index.html */
    int tables;                /* tables (= CSV files) */
    int charts;                /* inline SVG charts */
    int maps;                  /* inline SVG maps */
    int files;                 /* all files of the site */
};

/*
 * htmldoc_write — write model m as a site into folder dir (atomically:
 * htmlsite_begin/commit; on any error the previous site stays).  res may
 * be NULL.  Returns 0, or -1 after a message (invalid chart, unreadable
 * image, folder not writable).
 */
int htmldoc_write(const struct docmodel *m, const char *dir, struct htmldoc_result *res);

#endif
