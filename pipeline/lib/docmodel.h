/*
 * docmodel.h — the document model: what a PDF (or, later, HTML) edition of
 * ibericht says, as data, independent of how it is laid out.
 *
 * A document (struct docmodel) is its frame — title, title page or title
 * block, table of contents or not, running header, footers, document info
 * — and a list of chapters.  A chapter is a title (or none), an orientation
 * and a list of blocks in reading order.  Each chapter function of the
 * renderers (pipeline/render/kapitel_*.c) builds its chapter once; a writer
 * walks the model (docpdf.h: the PDF writer; nothing in here knows PDF
 * except the chart's data, struct pdfchart, which is plain numbers and
 * strings).
 *
 * Blocks:
 *   HEADING    level 1..3; level 2 = section (numbered „3.2“ when the frame
 *              numbers, in the table of contents and the bookmarks), level 3
 *              = sub-heading (neither), level 1 = a chapter-level heading
 *              inside the flow (bookmark, no new page)
 *   PARAGRAPH  body text; "**…**" marks bold
 *   ITEM       a bullet point (text as a paragraph); consecutive items form one list
 *   TABLE      columns (title, share of the width, alignment), a header
 *              row, rows of cells; a row may be highlighted, a cell may be
 *              merged with the one above (repeated Handlungsfeld/Teilziel)
 *   CHART      a struct pdfchart (deep copy, owned by the model)
 *   FIGURE     an image file (PNG/JPEG) with alternative text and caption
 *   MAP        a choropleth map (struct karte, karte.h: areas, values, classes,
 *              texts; deep copy, owned by the model), drawn as vector graphics
 *   LEGEND     a legend line; with swatch != 0 it explains highlighted table
 *              rows and shows their colour
 *   NOTE       a small note (source line, footnote)
 *   HIGHLIGHT  a highlighted box (Leitsatz) with an optional bold label
 * Any block can ask to be kept on one page with the block after it
 * (keep_with_next: an indicator table and its chart).
 *
 * Ownership: every string and array reachable from a struct docmodel lives
 * in the model's arena and is freed by docmodel_free; the add functions copy
 * what they are given (callers may pass stack buffers and SQLite texts).
 * Pointers returned by the add functions stay valid until docmodel_free.
 * Strings are UTF-8.  Out of memory aborts (xmalloc).
 */
#ifndef IB_DOCMODEL_H
#define IB_DOCMODEL_H

#include "karte.h"
#include "pdfchart.h"
#include "vorlage.h"

#include <stdarg.h>
#include <stddef.h>

#define DOCMODEL_MAX_COLUMNS 12

enum docmodel_kind {
    DOCMODEL_HEADING,
    DOCMODEL_PARAGRAPH,
    DOCMODEL_ITEM,
    DOCMODEL_TABLE,
    DOCMODEL_CHART,
    DOCMODEL_FIGURE,
    DOCMODEL_LEGEND,
    DOCMODEL_NOTE,
    DOCMODEL_HIGHLIGHT,
    DOCMODEL_MAP
};

enum docmodel_align { DOCMODEL_LEFT, DOCMODEL_RIGHT, DOCMODEL_CENTER };

/* A table column: positional initialisers { "Titel", 0.25 } as with pdftable_column. */
struct docmodel_column {
    const char *titel;               /* header text */
    double anteil;                   /* share of the content width; the shares add up to 1 */
    enum docmodel_align align;       /* cell alignment (numbers: DOCMODEL_RIGHT) */
};

struct docmodel_row {
    const char **cells;              /* ncols strings, never NULL ("" = empty) */
    unsigned repeat;                 /* bit c set: cell c repeats the cell above (merged) */
    int highlight;                   /* 1 = highlighted row (explained by a LEGEND with swatch) */
};

struct docmodel_table {
    struct docmodel *model;          /* the owner (arena of the rows) */
    int ncols;
    struct docmodel_column cols[DOCMODEL_MAX_COLUMNS];
    struct docmodel_row *rows;
    int nrows, cap;
    int fit_rows;                    /* rows the column widths are fitted to (pdftable.h,
                                        „Column widths“): 1 (default) = the first, -1 = all */
    const char *empty;               /* shown as the only row when there are none; NULL = "keine" */
};

struct docmodel_figure {
    const char *path;                /* PNG or JPEG file */
    const char *alt;                 /* alternative text (required) */
    const char *caption;             /* NULL = none */
    double width;                    /* share of the content width, 0 = 1 */
};

struct docmodel_block {
    enum docmodel_kind kind;
    int level;                       /* HEADING: 1..3 */
    const char *text;                /* HEADING, PARAGRAPH, ITEM, LEGEND, NOTE, HIGHLIGHT */
    const char *label;               /* HIGHLIGHT: bold label above the text, or NULL */
    int swatch;                      /* LEGEND: 1 = show the highlight colour before the text */
    int keep_with_next;              /* keep on one page with the next block when both fit on one */
    struct docmodel_table *table;    /* TABLE */
    struct pdfchart *chart;          /* CHART (deep copy) */
    struct docmodel_figure *figure;  /* FIGURE */
    struct karte *karte;             /* MAP (deep copy, with its areas) */
};

struct docmodel;

struct docmodel_chapter {
    struct docmodel *model;
    const char *title;               /* NULL: no heading; the content continues on the
                                        current page (the first chapter below a title block) */
    int landscape;                   /* its pages are A4 landscape */
    int appendix;                    /* numbered Anhang A, B, … (set before the first block) */
    struct docmodel_block *blocks;
    int nblocks, cap;
};

enum docmodel_title_style {
    DOCMODEL_TITLE_PAGE,             /* a title page of its own (the Integrationsbericht) */
    DOCMODEL_TITLE_BLOCK             /* a title block on the first page (the standalone lists) */
};

/* The frame: what surrounds the chapters.  NULL strings = none. */
struct docmodel_frame {
    enum docmodel_title_style title_style;
    const char *title;               /* document title (required): title page/block, document info */
    const char *subtitle;            /* title page: below the title; title block: the line below */
    const char *kicker;              /* title block: the grey line above the title („Kommune · Titel“) */
    const char *heading;             /* title block: the bold title; NULL = title */
    const char *kommune;             /* title page top left; running header right */
    const char *herausgeber;         /* title page bottom */
    const char *stand;               /* „Stand: 20.11.2024“: title page, footer left */
    const char *gremium;             /* committee of an edition: „Vorlage für: …“ */
    const char *logo;                /* PNG/JPEG, title page top right */
    const char *logo_alt;            /* its alternative text; NULL = „Logo <kommune>“ */
    const char *footer_center;       /* footer centre; NULL = title */
    const char *running_header;      /* fixed running header text; NULL = the chapter („3 Bildung“) */
    const char *author, *subject, *keywords;   /* document info; author NULL = kommune */
    int toc;                         /* 1 = a table of contents after the title page */
    int numbered;                    /* 1 = chapters 1, 2, … (Anhang A, …) and sections 3.1, … */
    int narrow_margins;              /* 1 = the standalone lists' margins (42 pt), else the report's */
    int pdfa;                        /* write the PDF/A-1b parts */
    const char *icc_profile;         /* RGB ICC profile file for the output intent */
    const char *lang;                /* document language, NULL = "de-DE" */
};

struct docmodel {
    struct docmodel_frame frame;
    struct docmodel_chapter **chapters;
    int nchapters, cap;
    struct docmodel_arena *arena;
};

/* docmodel_new — an empty document (frame zeroed: title page, no TOC). */
struct docmodel *docmodel_new(void);

/* docmodel_free — release the model and everything in it; NULL is allowed. */
void docmodel_free(struct docmodel *m);

/* docmodel_strdup — a copy of s in the model's arena (NULL stays NULL). */
const char *docmodel_strdup(struct docmodel *m, const char *s);

/* docmodel_printf — a formatted string in the model's arena. */
const char *docmodel_printf(struct docmodel *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* docmodel_frame_own — the frame strings are copied into the arena (call
 * after filling m->frame with borrowed strings). */
void docmodel_frame_own(struct docmodel *m);

/* docmodel_chapter_add — append a chapter (title NULL = untitled, see above). */
struct docmodel_chapter *docmodel_chapter_add(struct docmodel *m, const char *title, int landscape);

/* Blocks, appended to chapter c; each returns the block (its fields may be
 * changed afterwards, e.g. a heading's text once a count is known). */
struct docmodel_block *docmodel_heading(struct docmodel_chapter *c, int level, const char *text);
struct docmodel_block *docmodel_paragraph(struct docmodel_chapter *c, const char *text);
struct docmodel_block *docmodel_item(struct docmodel_chapter *c, const char *text);
struct docmodel_block *docmodel_note(struct docmodel_chapter *c, const char *text);
struct docmodel_block *docmodel_legend(struct docmodel_chapter *c, const char *text, int swatch);
struct docmodel_block *docmodel_highlight(struct docmodel_chapter *c, const char *label, const char *text);
struct docmodel_block *docmodel_figure(struct docmodel_chapter *c, const char *path, const char *alt,
                                       const char *caption, double width);

/*
 * docmodel_chart — a chart block with a deep copy of *chart (titles,
 * categories, series names, values and missing flags).  Charts are never
 * split across pages.
 */
struct docmodel_block *docmodel_chart(struct docmodel_chapter *c, const struct pdfchart *chart);

/*
 * docmodel_karte — a map block with a deep copy of *k: its areas (rings),
 * values, classes and texts.  Maps are never split across pages.
 */
struct docmodel_block *docmodel_karte(struct docmodel_chapter *c, const struct karte *k);

/*
 * docmodel_table — a table block with ncols (1..12) columns (copied).
 * Rows are added with docmodel_row.  Returns the table.
 */
struct docmodel_table *docmodel_table(struct docmodel_chapter *c, const struct docmodel_column *cols, int ncols);

/* docmodel_last — the block added last to c (NULL when none), e.g. to set keep_with_next. */
struct docmodel_block *docmodel_last(struct docmodel_chapter *c);

/*
 * docmodel_row — append a row: cells = ncols strings (NULL = empty),
 * repeat = bit c set when cell c repeats the cell above (merged),
 * highlight = 1 for a highlighted row.  Returns the row.
 */
struct docmodel_row *docmodel_row(struct docmodel_table *t, const char *const *cells, unsigned repeat, int highlight);

/*
 * docmodel_chart_alt — the alternative text of a chart: its title, kind,
 * the series and for each series its last value with its category
 * („Liniendiagramm Anteil …: Wesermarsch 2023: 12,5 %; Niedersachsen …“).
 * Writes into buf (size bytes), returns buf.
 */
char *docmodel_chart_alt(const struct pdfchart *c, char *buf, size_t size);

/*
 * docmodel_prosa — the blocks of a prose file (vorlage.h markup): „# “
 * sections (level 2), „## “ sub-headings (3), „- “ items, „> “ highlight
 * boxes, paragraphs.  p may be NULL.
 */
void docmodel_prosa(struct docmodel_chapter *c, const struct vorlage_prosa *p);

/*
 * docmodel_vorlage_kapitel — the prose of template chapter k in the order
 * Leitsatz (box „Leitsatz“), Beschreibung, Leitgrundsätze (section),
 * Ziele (section „Übergeordnete Ziele“), Text.
 */
void docmodel_vorlage_kapitel(struct docmodel_chapter *c, const struct vorlage_kapitel *k);

/*
 * docmodel_vorlage_frame — the frame of the report of template v or its
 * edition a (NULL = full report): title page, table of contents, numbered
 * chapters, the report's margins; stand = „Stand: …“ (NULL = from the
 * template or the day of report_time()).
 */
void docmodel_vorlage_frame(struct docmodel *m, const struct vorlage *v, const struct vorlage_ausgabe *a,
                            const char *stand);

/* Filling a template chapter with data after its prose; 0 or -1 (message printed). */
typedef int (*docmodel_kapitel_fn)(struct docmodel_chapter *c, const struct vorlage *v,
                                   const struct vorlage_kapitel *k, const struct vorlage_ausgabe *a, void *ctx);

/*
 * docmodel_vorlage — the whole report of template v or its edition a as a
 * model: docmodel_vorlage_frame, then every chapter of the edition in
 * template order (title, landscape, appendix) with its prose
 * (docmodel_vorlage_kapitel), then fuellen (may be NULL).  Returns 0, or
 * -1 when fuellen failed.
 */
int docmodel_vorlage(struct docmodel *m, const struct vorlage *v, const struct vorlage_ausgabe *a,
                     const char *stand, docmodel_kapitel_fn fuellen, void *ctx);

#endif
