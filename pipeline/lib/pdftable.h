/*
 * pdftable.h — tables that flow across PDF pages.
 *
 * A table has fixed columns (widths as fractions of the content width).
 * Cell texts are wrapped with the font's real metrics (textwrap.h) and never
 * leave their cell.  A row is moved to the next page whole when it does not
 * fit; only a row taller than a whole page is split, and it then continues
 * on the next page below the repeated header.  The header row is repeated on
 * every page the table covers.  A cell marked as repeating the one above it
 * (same Handlungsfeld, same Teilziel) is merged with it: no text, no rule
 * between them — except at the top of a page, where the text is shown again.
 *
 * Column widths.  The shares are a starting point; before the header is
 * drawn the table fits them to the words (pdftable_fit):
 *   1. A column's need is its widest word (textwrap_widest_word) — in the
 *      header at the header size, in the body rows passed to
 *      pdftable_fit_row at the body size — plus the cell padding.
 *   2. A column narrower than the need of its header is widened; the width
 *      comes from columns with slack (wider than their own need),
 *      proportionally to their slack, but none gives up more than 40 % of
 *      its width (body rows that were not passed to pdftable_fit_row may
 *      have longer words than the header).
 *   3. If that slack is not enough, the header font shrinks in steps of
 *      0.5 pt down to PDFTABLE_MIN_HEAD_SIZE (6.5 pt; never below the body
 *      size) until it is; still not enough at that size, donors give all
 *      their slack (down to their own need).
 *   4. Body words wider than their column then get what slack is left
 *      (40 % rule again).
 * Whatever still does not fit is broken by textwrap visibly (hyphen or a
 * break after '_', '/', '-', '.'); header words are split only when the
 * whole table is too narrow for them at 6.5 pt.  Tables whose words fit
 * keep their shares exactly.
 *
 * Numbers.  A cell that is a number (pdftable_is_number: „1.234,5“,
 * „−3“, „12,4 %“, „7 €“) is never broken: it stays on one line, and when it
 * is wider than its cell it is narrowed (horizontal scaling) to fit.  The
 * numbers of rows passed to pdftable_fit_row are fitted like header words
 * (before the 40 % rule of step 4, down to the donors' needs).  Columns
 * whose bit is set in `rechts` (after pdftable_init: t.rechts = 1u << i)
 * are right-aligned, header and cells (columns of numbers).
 *
 * Tagged PDF (pdfdoc.h): the table is a Table element with THead (the
 * header row: TR of TH, /Scope /Column) and TBody (a TR of TD per row);
 * pdftable_header opens it, pdftable_end closes it.  The header repeated on
 * a continuation page is a Pagination artifact, so is the text of a merged
 * cell shown again at the top of a page; a merged cell is no TD of its own
 * but widens the TD above it (/RowSpan).  A row split over pages keeps its
 * TDs (their content continues on the next page).  Rules and row
 * backgrounds are Layout artifacts.
 */
#ifndef IB_PDFTABLE_H
#define IB_PDFTABLE_H

#include "pdfdoc.h"
#include "textwrap.h"

#define PDFTABLE_MAX_COLUMNS 12
#define PDFTABLE_MIN_HEAD_SIZE 6.5   /* smallest header font, points */

struct pdftable_column {
    const char *titel;       /* header text (UTF-8) */
    double anteil;           /* share of the content width, the shares add up to 1 */
};

struct pdftable {
    struct pdfdoc *doc;
    int ncols;
    const struct pdftable_column *cols;
    double x[PDFTABLE_MAX_COLUMNS + 1];   /* column edges, points */
    double font_size, leading, pad, ascent;           /* body font, points */
    double head_size, head_leading, head_ascent;      /* header font (≤ font_size), points */
    double head_word[PDFTABLE_MAX_COLUMNS];  /* widest header word per column at font_size */
    double body_word[PDFTABLE_MAX_COLUMNS];  /* widest body word seen by pdftable_fit_row */
    double body_number[PDFTABLE_MAX_COLUMNS]; /* widest number cell seen by pdftable_fit_row */
    int fitted;              /* columns and header wrap are up to date */
    int frozen;              /* header drawn: columns no longer change */
    int rows_on_page;        /* data rows drawn on the current page */
    double last_bottom;      /* y where the last drawn row ended; 0 = none open */
    double part_top;         /* y where the table began on the current page */
    struct textwrap wrap[PDFTABLE_MAX_COLUMNS];       /* the current row, wrapped */
    const char *wrap_src[PDFTABLE_MAX_COLUMNS];       /* texts wrap[] points into */
    struct textwrap head_wrap[PDFTABLE_MAX_COLUMNS];  /* the header, wrapped once */
    int head_lines;
    unsigned row_fill;       /* background of the rows drawn next, 0xRRGGBB; 0 = none
                                (set before pdftable_row, e.g. to highlight a row) */
    unsigned rechts;         /* bit i: column i right-aligned (numbers) */
    int tagged;              /* the Table element is open */
    HPDF_Dict cell[PDFTABLE_MAX_COLUMNS];    /* TD of the current row per column (NULL: merged) */
    HPDF_Dict above[PDFTABLE_MAX_COLUMNS];   /* TD a merged cell below extends */
    int span[PDFTABLE_MAX_COLUMNS];          /* its /RowSpan */
};

/*
 * pdftable_is_number — 1 when s (UTF-8) is one number as the reports print
 * them: an optional sign (+ - − ±), digits with '.' and ',' between them,
 * optionally followed by „%“, „ %“, „€“ or „ €“.  Such a cell is never
 * broken (see above).
 */
int pdftable_is_number(const char *s);

/*
 * pdftable_init — set up a table on doc with ncols columns (≤ 12) at
 * font_size points (body; the header in bold at that size or smaller, see
 * above).  Columns are fitted to the header words.  Nothing is drawn yet.
 */
void pdftable_init(struct pdftable *t, struct pdfdoc *doc, const struct pdftable_column *cols,
                   int ncols, double font_size);

/*
 * pdftable_fit_row — let the columns fit the words of this body row too
 * (cells: ncols UTF-8 strings, NULL = empty).  Call it for the rows known
 * in advance, after pdftable_init and before the first of
 * pdftable_start_height, pdftable_header, pdftable_row; later calls are
 * ignored.  One measurement per word; the columns are fitted once, when
 * the table is first used.
 */
void pdftable_fit_row(struct pdftable *t, const char *const *cells);

/* pdftable_free — release the wrap buffers. */
void pdftable_free(struct pdftable *t);

/*
 * pdftable_start_height — height the header plus the start of the first
 * row need, as pdftable_row places that row: the whole row, or three lines
 * of a row taller than a page.  Callers keep a heading together with it.
 */
double pdftable_start_height(struct pdftable *t, const char *const *cells);

/* pdftable_header — draw the header row at the cursor (starts the table on this page). */
void pdftable_header(struct pdftable *t);

/*
 * pdftable_row — draw one row.  cells: ncols UTF-8 strings; repeat: NULL or
 * ncols flags, 1 = this cell repeats the cell above (merged).  Breaks pages
 * as described above.
 */
void pdftable_row(struct pdftable *t, const char *const *cells, const int *repeat);

/* pdftable_end — close the table with its bottom rule. */
void pdftable_end(struct pdftable *t);

#endif
