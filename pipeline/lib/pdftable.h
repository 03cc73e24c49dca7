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
 */
#ifndef IB_PDFTABLE_H
#define IB_PDFTABLE_H

#include "pdfdoc.h"
#include "textwrap.h"

#define PDFTABLE_MAX_COLUMNS 12

struct pdftable_column {
    const char *titel;       /* header text (UTF-8) */
    double anteil;           /* share of the content width, the shares add up to 1 */
};

struct pdftable {
    struct pdfdoc *doc;
    int ncols;
    const struct pdftable_column *cols;
    double x[PDFTABLE_MAX_COLUMNS + 1];   /* column edges, points */
    double font_size, leading, pad, ascent;
    int rows_on_page;        /* data rows drawn on the current page */
    double last_bottom;      /* y where the last drawn row ended; 0 = none open */
    double part_top;         /* y where the table began on the current page */
    struct textwrap wrap[PDFTABLE_MAX_COLUMNS];       /* the current row, wrapped */
    const char *wrap_src[PDFTABLE_MAX_COLUMNS];       /* texts wrap[] points into */
    struct textwrap head_wrap[PDFTABLE_MAX_COLUMNS];  /* the header, wrapped once */
    int head_lines;
    unsigned row_fill;       /* background of the rows drawn next, 0xRRGGBB; 0 = none
                                (set before pdftable_row, e.g. to highlight a row) */
};

/*
 * pdftable_init — set up a table on doc with ncols columns (≤ 12) at
 * font_size points.  Nothing is drawn yet.
 */
void pdftable_init(struct pdftable *t, struct pdfdoc *doc, const struct pdftable_column *cols,
                   int ncols, double font_size);

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
