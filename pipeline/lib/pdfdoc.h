/*
 * pdfdoc.h — a paginated PDF document on top of libharu 2.3.
 *
 * Holds the document, the two embedded TrueType fonts (regular and bold,
 * UTF-8 through HPDF_UseUTFEncodings), the list of pages and a layout
 * cursor: `y` is the top of the free space on the current page, in points
 * from the bottom edge.  Footers („Seite x von y“) are drawn at the end,
 * when the page count is known.  Saving goes through a temporary file.
 */
#ifndef IB_PDFDOC_H
#define IB_PDFDOC_H

#include <hpdf.h>
#include <stddef.h>
#include <time.h>

struct pdfdoc;
typedef void (*pdfdoc_page_fn)(struct pdfdoc *doc, void *ctx);

struct pdfdoc {
    HPDF_Doc pdf;
    HPDF_Font regular, bold;
    HPDF_PageDirection direction;
    HPDF_Page *pages;
    int npages, cap;
    HPDF_Page page;               /* current page */
    double page_w, page_h;        /* points */
    double margin_left, margin_right, margin_top, margin_bottom;
    double y;                     /* layout cursor: top of the free space */
    pdfdoc_page_fn on_new_page;   /* draws running headers; may be NULL */
    void *on_new_page_ctx;
    unsigned short *advance[2];   /* glyph advances (1/1000 em) of regular and bold by
                                     code point < 0x10000, 0xFFFF = not looked up yet */
    HPDF_STATUS error;            /* first libharu error, 0 = none */
    HPDF_STATUS error_detail;
};

/*
 * pdfdoc_open — new document with A4 pages in the given direction
 * (HPDF_PAGE_PORTRAIT / HPDF_PAGE_LANDSCAPE), compression on, the fonts
 * embedded from the TrueType files.  Margins default to 42 pt (≈ 15 mm)
 * left/right, 42 pt top, 48 pt bottom (room for the footer).
 * Returns 0, or -1 after printing a message naming the font file.
 */
int pdfdoc_open(struct pdfdoc *doc, const char *font_regular, const char *font_bold,
                HPDF_PageDirection direction);

/* pdfdoc_close — free the document (does not save). */
void pdfdoc_close(struct pdfdoc *doc);

/*
 * pdfdoc_set_info — document info (UTF-8 strings, NULL skipped) and the
 * creation/modification date t (UTC).
 */
void pdfdoc_set_info(struct pdfdoc *doc, const char *title, const char *author,
                     const char *subject, const char *keywords, time_t t);

/* pdfdoc_new_page — append a page, put the cursor at its top, call on_new_page. */
HPDF_Page pdfdoc_new_page(struct pdfdoc *doc);

/* pdfdoc_bottom — the lowest y content may reach. */
double pdfdoc_bottom(const struct pdfdoc *doc);

/* pdfdoc_content_width — page width minus the side margins. */
double pdfdoc_content_width(const struct pdfdoc *doc);

/*
 * pdfdoc_measure — width in points of s[0..len) (UTF-8) in font at size.
 * Glyph advances from the font's real metrics (libharu's TrueType widths),
 * no kerning — the sum libharu itself uses.  Advances are looked up once
 * per code point and cached: libharu searches the font's cmap linearly.
 */
double pdfdoc_measure(struct pdfdoc *doc, HPDF_Font font, double size, const char *s, size_t len);

/*
 * pdfdoc_paragraph — wrap text (UTF-8) to the content width at the cursor;
 * when draw, draw it and move the cursor below it.  Returns its height in
 * points (line spacing 1.25 × size).
 */
double pdfdoc_paragraph(struct pdfdoc *doc, HPDF_Font font, double size, const char *text, int draw);

/* pdfdoc_text — draw s[0..len) with its baseline at (x, y). */
void pdfdoc_text(struct pdfdoc *doc, HPDF_Font font, double size, double x, double y,
                 const char *s, size_t len);

/*
 * pdfdoc_outline — add a bookmark (UTF-8 title) pointing at the current
 * page and cursor; parent NULL for top level.  Returns the outline.
 */
HPDF_Outline pdfdoc_outline(struct pdfdoc *doc, HPDF_Outline parent, const char *title);

/*
 * pdfdoc_footers — on every page: left text (e.g. „Stand: 31.12.2024“),
 * centred text (the report title), right „Seite x von y“; 8 pt, grey rule
 * above.  Call once, after the last page.
 */
void pdfdoc_footers(struct pdfdoc *doc, const char *left, const char *center);

/* pdfdoc_save — write to a temporary file, then rename to path.  0 or -1 (message printed). */
int pdfdoc_save(struct pdfdoc *doc, const char *path);

#endif
