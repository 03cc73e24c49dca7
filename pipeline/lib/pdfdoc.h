/*
 * pdfdoc.h — a paginated PDF document on top of libharu 2.3.
 *
 * Holds the document, the two embedded TrueType fonts (regular and bold,
 * UTF-8 through HPDF_UseUTFEncodings), the list of pages and a layout
 * cursor: `y` is the top of the free space on the current page, in points
 * from the bottom edge.  Footers („Seite x von y“) are drawn at the end,
 * when the page count is known.  Saving goes through a temporary file.
 *
 * Pages are A4; the direction (portrait/landscape) is chosen per page
 * (pdfdoc_set_direction), page_w/page_h always describe the current page.
 * Internal links (pdfdoc_link), going back to an earlier page to draw on it
 * (pdfdoc_select_page) and the PDF/A-1b parts libharu can write
 * (pdfdoc_pdfa, see there for what is and is not conformant) complete it.
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
    HPDF_FontDef fontdef[2];      /* their font programs (regular, bold) */
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
    HPDF_Font text_font;          /* font of the open text object (pdfdoc_text_begin), else NULL */
    long text_x, text_y;          /* its line start, 1/1000 pt */
    HPDF_STATUS error;            /* first libharu error, 0 = none */
    HPDF_STATUS error_detail;
    int footer_from;              /* pdfdoc_footers leaves pages [0, footer_from) bare
                                     (a title page); 0 = footers on every page */
    int pdfa;                     /* pdfdoc_pdfa was called: links get the Print flag */
    double text_size;             /* size of the open text object */
    struct pdfdoc_tags *tags;     /* structure tree and marked-content state (pdfdoc.c) */
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

/*
 * pdfdoc_fonts_readable — 0 when both font files can be opened for reading,
 * else -1 after the message pdfdoc_open would print („Schriftdatei … fehlt“).
 * For programs that want to fail on a configuration error before any work.
 */
int pdfdoc_fonts_readable(const char *font_regular, const char *font_bold);

/* pdfdoc_close — free the document (does not save). */
void pdfdoc_close(struct pdfdoc *doc);

/*
 * pdfdoc_set_info — document info (UTF-8 strings, NULL skipped) and the
 * creation/modification date t (UTC).
 */
void pdfdoc_set_info(struct pdfdoc *doc, const char *title, const char *author,
                     const char *subject, const char *keywords, time_t t);

/*
 * pdfdoc_new_page — append an A4 page in doc->direction, make it current
 * (page_w/page_h follow its direction), put the cursor at its top, call
 * on_new_page.
 */
HPDF_Page pdfdoc_new_page(struct pdfdoc *doc);

/*
 * pdfdoc_insert_page — a new A4 page in the current direction before page
 * `index` (0-based, 0 < index < npages), made current; the pages from
 * `index` on move one up (every stored page index >= index must be shifted
 * by the caller).  on_new_page runs for it as for pdfdoc_new_page.  Lets a
 * table of contents grow after the content is laid out, instead of a second
 * layout pass (libharu HPDF_InsertPage).  Returns NULL on a bad index.
 */
HPDF_Page pdfdoc_insert_page(struct pdfdoc *doc, int index);

/*
 * pdfdoc_set_direction — direction of the pages added from now on
 * (HPDF_PAGE_PORTRAIT / HPDF_PAGE_LANDSCAPE); the current page keeps its
 * own.  Margins stay the same in both directions.
 */
void pdfdoc_set_direction(struct pdfdoc *doc, HPDF_PageDirection direction);

/*
 * pdfdoc_select_page — make page `index` (0-based, < npages) current again
 * to draw on it (a table of contents filled in at the end); page_w/page_h
 * follow that page.  The cursor is left alone.
 */
void pdfdoc_select_page(struct pdfdoc *doc, int index);

/*
 * pdfdoc_link — a clickable area on the current page, rectangle (x0, y0)
 * to (x1, y1) in points, that jumps to page `target` (0-based, an existing
 * page) with `top` (points from the bottom) at the top of the window.  No
 * border; the target page is shown fitting the window width (FitH); with
 * pdfdoc_pdfa the annotation carries the Print flag.  contents (UTF-8, NULL
 * = none) is the annotation's /Contents, its description for assistive
 * technology, e.g. „Gehe zu Seite 5: 3 Kennzahlen“.  Tagged: the annotation
 * gets a /StructParent and is an OBJR kid of a Link element — the innermost
 * open element when its role is "Link" (so the link text can be in the same
 * element), else a new Link element among the kids of the innermost one.
 */
void pdfdoc_link(struct pdfdoc *doc, double x0, double y0, double x1, double y1,
                 int target, double top, const char *contents);

/* pdfdoc_bottom — the lowest y content may reach. */
double pdfdoc_bottom(const struct pdfdoc *doc);

/* pdfdoc_content_width — page width minus the side margins. */
double pdfdoc_content_width(const struct pdfdoc *doc);

/*
 * pdfdoc_measure — width in points of s[0..len) (UTF-8) in font at size.
 * Glyph advances from the font's real metrics (libharu's TrueType widths),
 * no kerning — the sum libharu itself uses.  Advances are looked up once
 * per code point and cached.  For doc->regular and doc->bold, characters
 * that pdfdoc_text_show draws as U+FFFD (not UTF-8, beyond U+FFFF) count
 * with the width of U+FFFD.
 */
double pdfdoc_measure(struct pdfdoc *doc, HPDF_Font font, double size, const char *s, size_t len);

/*
 * pdfdoc_paragraph — wrap text (UTF-8) to the content width at the cursor;
 * when draw, draw it and move the cursor below it.  Returns its height in
 * points (line spacing 1.25 × size).
 */
double pdfdoc_paragraph(struct pdfdoc *doc, HPDF_Font font, double size, const char *text, int draw);

/* pdfdoc_text — draw s[0..len) (UTF-8) with its baseline at (x, y), in points. */
void pdfdoc_text(struct pdfdoc *doc, HPDF_Font font, double size, double x, double y,
                 const char *s, size_t len);

/*
 * pdfdoc_text_begin, pdfdoc_text_show, pdfdoc_text_end — many strings in one
 * font and size on the current page, as one PDF text object (BT … ET).
 * text_show draws s[0..len) (UTF-8; what is not UTF-8 and code points above
 * U+FFFF become U+FFFD, as pdfdoc_measure counts them; NUL is skipped) with
 * its baseline starting at (x, y), absolute points from the bottom left of
 * the page; positions are kept to 1/1000 pt; a position that is not a finite
 * number below 10^9 draws nothing.  Between begin and end only text_show may
 * draw.  With doc->regular or doc->bold the string is written as described
 * below; any other font goes through libharu's HPDF_Page_ShowText.
 *
 * text_show writes its operators (Td, Tj with a literal string of two-byte
 * CIDs) into the page's content stream itself instead of through
 * HPDF_Page_TextOut: libharu converts every string twice (once for its width,
 * once to hex) and searches the font's cmap for each character; on the
 * 1.300-page measure list that was a third of the run time.  The output
 * means the same to a reader: the CID is the Unicode code point, which is
 * what libharu's UTF-8 encoder writes, and each glyph is marked for the
 * embedded subset through the same width lookup libharu uses.
 */
void pdfdoc_text_begin(struct pdfdoc *doc, HPDF_Font font, double size);
void pdfdoc_text_show(struct pdfdoc *doc, double x, double y, const char *s, size_t len);
void pdfdoc_text_end(struct pdfdoc *doc);

/*
 * pdfdoc_outline — add a bookmark (UTF-8 title) pointing at the current
 * page and cursor; parent NULL for top level.  Returns the outline.
 */
HPDF_Outline pdfdoc_outline(struct pdfdoc *doc, HPDF_Outline parent, const char *title);

/*
 * pdfdoc_footers — on every page from doc->footer_from on: left text (e.g.
 * „Stand: 31.12.2024“), centred text (the report title), right „Seite x
 * von y“ (x counts all pages, y is the page count); 8 pt, grey rule above;
 * each page in its own direction.  Call once, after the last page.
 */
void pdfdoc_footers(struct pdfdoc *doc, const char *left, const char *center);

/*
 * pdfdoc_pdfa — the PDF/A-1b parts libharu 2.3 does not write itself:
 * pdfaid:part 1, conformance B in the XMP metadata (which every PDF gets at
 * pdfdoc_save: /Type /Metadata /Subtype /XML, uncompressed, repeating the
 * document info — title, author, subject, keywords, creator, producer,
 * dates; XML-escaped UTF-8); a file identifier in the trailer derived from
 * the content of the info (MD5 as in ISO 32000, so the output stays
 * reproducible); the Print flag on links made afterwards; and always the
 * output intent GTS_PDFA1 with an RGB ICC profile embedded: icc_profile, or
 * when NULL PDFDOC_SRGB_PROFILE (Debian's icc-profiles-free; DeviceRGB and
 * DeviceGray are allowed only with an output intent, ISO 19005-1, 6.2.3.3).
 * At save, every embedded TrueType subset gets its /CIDSet (6.3.5; see
 * pdfdoc.c, "Fonts").  Call after pdfdoc_set_info and before any
 * pdfdoc_link.  Returns 0, or -1 with a message (ICC file missing or
 * unreadable).
 *
 * Not done by pdfdoc_pdfa:
 *  - libharu's own HPDF_PDFA_SetPDFAConformance is not used: it writes
 *    /SubType instead of /Subtype, puts the info strings into the XML
 *    unescaped, fails on dates with 'Z', and takes the file identifier from
 *    time() (not reproducible); HPDF_PDFA_AppendOutputIntents writes the key
 *    "DestOutputProfile " with a trailing blank.  pdfdoc_pdfa writes these
 *    objects itself through libharu's dictionary API;
 *  - images with transparency are the caller's: load them with
 *    pdfdoc_image_load;
 *  - nothing was checked with a PDF/A validator (none in Debian 12).
 * What holds anyway: all fonts embedded (TrueType subsets, widths from the
 * font), correct ToUnicode CMaps (pdfdoc.c writes them), no encryption, no
 * JavaScript, no LZW, PDF 1.4 header with binary comment.
 */
int pdfdoc_pdfa(struct pdfdoc *doc, const char *icc_profile);

/* the sRGB profile (ICC v2, as PDF/A-1 needs) of Debian's icc-profiles-free */
#define PDFDOC_SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"


/*
 * Tagged PDF (ISO 32000-1, 14.7–14.8; PDF/UA-style) — the structure API.
 *
 * Every PDF ibericht writes is tagged: a structure tree (StructTreeRoot,
 * ParentTree, RoleMap-free standard roles), /MarkInfo << /Marked true >>,
 * /Lang (de-DE), /ViewerPreferences << /DisplayDocTitle true >>.  The
 * writer of a document opens and closes structure elements in reading
 * order; pdfdoc wraps whatever is drawn while an element is innermost in
 * marked content (/Role << /MCID n >> BDC … EMC) on the current page and
 * records page and MCID as kids of the element.  An element may span
 * pages: content drawn after pdfdoc_new_page continues in it.  Page
 * furniture (running headers, footers, rules, backgrounds) is drawn
 * between pdfdoc_artifact_begin/end and is not part of the tree.
 *
 * Roles: "Document", "Part", "Sect", "H1" "H2" "H3", "P", "L" "LI" "Lbl"
 * "LBody", "Table" "THead" "TBody" "TR" "TH" "TD", "Figure", "Caption",
 * "Note", "TOC" "TOCI", "Link", "Span".
 *
 * pdfdoc_tag_begin — open an element with `role` as child of the innermost
 *   open element (the document element when none).  Returns its depth
 *   (1 = child of the root), or -1 after a libharu error (doc->error).
 * pdfdoc_tag_attr — set an attribute of the innermost open element:
 *   "Alt" (alternative text, UTF-8; required for "Figure"), "ActualText",
 *   "Lang", "Scope" ("Column", "Row", "Both": /A << /O /Table /Scope … >>
 *   of a TH), "ColSpan"/"RowSpan" (decimal).  Unknown keys are ignored.
 * pdfdoc_tag_end — close the innermost open element.
 * pdfdoc_tag_mark — a place among the kids of the innermost open element
 *   where elements opened later with pdfdoc_tag_begin_at are inserted (a
 *   table of contents drawn after the content but read before it).
 * pdfdoc_tag_begin_at — pdfdoc_tag_begin, inserted at `mark`.
 * pdfdoc_artifact_begin, pdfdoc_artifact_end — drawing between them is an
 *   artifact (/Artifact << /Type /Pagination >> BDC … EMC when type is
 *   "Pagination", else /Artifact BMC … EMC: layout, the default type);
 *   may be called while an element is open
 *   (its marked content is suspended and resumed).  Pairs nest; the
 *   outermost type counts.  on_new_page (running headers) always runs as a
 *   Pagination artifact.
 * pdfdoc_tag_content — call before drawing on doc->page with libharu
 *   directly (HPDF_Page_BeginText, paths, images): opens the marked content
 *   of the innermost element (or artifact) there, so that what follows is
 *   part of it.  pdfdoc's own drawing (pdfdoc_text*, pdfdoc_paragraph,
 *   pdftable, pdfchart, footers) does this itself.
 * pdfdoc_tag_current — the innermost open element (a handle, NULL = none
 *   besides the document element), pdfdoc_tag_role its role; pdfdoc_tag_resume opens that element
 *   again, after it was closed, as the innermost one: content drawn now is
 *   appended to it (a table cell continued on the next page).  Close it
 *   with pdfdoc_tag_end.  Returns the depth, -1 for NULL.
 *
 * How the marked content is written: lazily, at the first drawing while an
 * element is innermost (no empty sequences) — except for artifacts and
 * Figures, opened at once (unless a path is under construction), so that
 * what callers draw with libharu directly is inside; closed when the tags change,
 * before a page switch (pdfdoc_new_page, _insert_page, _select_page), at
 * pdfdoc_text_end when it was opened inside the text object, and at save.
 * BT/ET and BDC/EMC nest: a change of tags between pdfdoc_text_begin and
 * _end is allowed (e.g. one text object for all cells of a table row); a
 * sequence opened before the text object is then closed by ending the text
 * object, writing EMC and beginning it again (same font and size).  MCIDs
 * count per page; the ParentTree maps each page's /StructParents to its
 * elements by MCID and each link's /StructParent to its Link element; keys
 * are handed out in order of use, so pdfdoc_insert_page needs no renumbering.
 * Content drawn while no element is open (only the document element) is
 * left unmarked: tests/e2e/check_pdf.py finds it.
 */
int pdfdoc_tag_begin(struct pdfdoc *doc, const char *role);
void pdfdoc_tag_attr(struct pdfdoc *doc, const char *key, const char *value);
void pdfdoc_tag_end(struct pdfdoc *doc);
int pdfdoc_tag_mark(struct pdfdoc *doc);
int pdfdoc_tag_begin_at(struct pdfdoc *doc, int mark, const char *role);
void pdfdoc_artifact_begin(struct pdfdoc *doc, const char *type);
void pdfdoc_artifact_end(struct pdfdoc *doc);
void pdfdoc_tag_content(struct pdfdoc *doc);
HPDF_Dict pdfdoc_tag_current(struct pdfdoc *doc);
const char *pdfdoc_tag_role(struct pdfdoc *doc);
int pdfdoc_tag_resume(struct pdfdoc *doc, HPDF_Dict element);


/*
 * pdfdoc_image_load — a PNG or JPEG image (by the file name's ending,
 * .png / .jpg / .jpeg, case-insensitive) for HPDF_Page_DrawImage.  PDF/A-1
 * allows no transparency: a PNG with an alpha channel (libharu would write
 * it as a soft mask) is put onto white — each colour c becomes
 * (c·a + 255·(255 − a)) / 255 — and its mask dropped.  Returns the image,
 * or NULL after a German message naming the file (unreadable, not PNG or
 * JPEG, transparency that cannot be flattened: palette or 16 bit).
 */
HPDF_Image pdfdoc_image_load(struct pdfdoc *doc, const char *path);

/* pdfdoc_save — write to a temporary file, then rename to path.  0 or -1 (message printed). */
int pdfdoc_save(struct pdfdoc *doc, const char *path);

#endif
