/*
 * htmlout.h — a static HTML site (the HTML edition of the
 * Integrationsbericht) written atomically into one folder.
 *
 * The site: index.html (title page information and the table of
 * contents), one page per chapter, a local style sheet (screen and print)
 * and a CSV file beside every table, linked below it.  Everything is
 * local: no JavaScript, no web fonts, no external URL — the folder can be
 * copied to any web server or opened from disk.  German (<html lang="de">),
 * UTF-8, every text HTML-escaped.
 *
 * Atomic: htmlsite_begin writes into a temporary folder next to the target
 * (DIR/.NAME.tmp-PID); htmlsite_commit swaps it with the target
 * (renameat2 RENAME_EXCHANGE, so there is no moment without a site; two
 * renames where the file system cannot exchange) and removes the old
 * edition; htmlsite_abort removes the temporary folder.  A failed run
 * leaves the last good edition in place.
 *
 * Pages: htmlpage_open starts a page (head, site header, navigation),
 * the block functions append to its <main>, htmlpage_close ends it (footer).
 * Headings are kept in order: a heading never goes more than one level
 * deeper than the one before it (h1 → h3 becomes h1 → h2); a page has one
 * h1 (htmlpage_open's title).  Consecutive items form one <ul>.
 *
 * Tables get a <caption> („Tabelle N: …“), <th scope="col"> for the header
 * row, <th scope="row"> for the first cell of every row, right-aligned
 * number columns (the text is shown as given: German format from the
 * model), merged cells (a cell repeating the one above) as rowspan.  The
 * CSV beside it (htmlout_csv_field): UTF-8 with BOM, semicolon, CRLF,
 * quotes where needed, every cell filled (merged cells repeated), numbers
 * in the German form as printed — German Excel opens it by double-click
 * with umlauts and numbers right; a text cell starting with = + - @ (not
 * a number) gets a leading apostrophe so that no spreadsheet runs it as a
 * formula.
 *
 * Errors: a write error marks the site failed (site->failed); commit then
 * refuses and removes the temporary folder.  Messages with diag_error in
 * German, naming the file.
 */
#ifndef IB_HTMLOUT_H
#define IB_HTMLOUT_H

#include <stdio.h>

struct htmlsite {
    char *target;          /* the site folder (e.g. out/html) */
    char *tmp;             /* the temporary folder being written */
    int failed;            /* a write failed: commit refuses */
    int ntables;           /* tables written so far (caption numbers) */
    int nfiles;            /* files written */
};

/*
 * htmlsite_begin — start a site for folder target: create the temporary
 * folder and write the style sheet (stil.css).  0, or -1 with message.
 */
int htmlsite_begin(struct htmlsite *s, const char *target);

/* htmlsite_commit — replace target by the new site.  0, or -1 with message
 * (the temporary folder is removed, target untouched). */
int htmlsite_commit(struct htmlsite *s);

/* htmlsite_abort — remove the temporary folder; frees s's strings. */
void htmlsite_abort(struct htmlsite *s);

/*
 * htmlsite_copy — copy file src into the site as name (a logo, a map
 * image).  0, or -1 with message (site marked failed).
 */
int htmlsite_copy(struct htmlsite *s, const char *src, const char *name);

/* A link of the page navigation: file name and text; NULL href = none. */
struct htmllink {
    const char *href;
    const char *text;
};

struct htmlpage {
    struct htmlsite *site;
    FILE *f;
    char *name;            /* file name in the site, "kapitel-03.html" */
    char *path;            /* its path in the temporary folder */
    char stem[64];         /* name without .html: prefix of the CSV files */
    int level;             /* the last heading level written (1 after open) */
    int in_list;           /* a <ul> is open */
    int ntables;           /* tables on this page (CSV names) */
    int nid;               /* ids given on this page */
    const char *section;   /* text of the last heading (table captions) */
    char *section_copy;
};

/* The frame of a page: site title (header link to index.html), the
 * page's own title (<title>, h1), navigation and footer text. */
struct htmlpage_frame {
    const char *site_title;        /* „Landkreis Wesermarsch · Integrationsbericht 2024“ */
    const char *title;             /* h1 and <title>; HTML-escaped */
    const char *h1_id;             /* id of the h1, or NULL */
    struct htmllink prev, next;    /* previous / next chapter */
    int is_index;                  /* the start page (no link „Inhalt“ to itself) */
    const char *footer;            /* „Stand: 20.11.2024 · Herausgeber …“, or NULL */
};

/* htmlpage_open — start page name (e.g. "kapitel-03.html") of site s.  0 or -1 (message). */
int htmlpage_open(struct htmlpage *p, struct htmlsite *s, const char *name, const struct htmlpage_frame *fr);

/* htmlpage_close — end the page (footer, close the file).  0 or -1 (message; site failed). */
int htmlpage_close(struct htmlpage *p, const struct htmlpage_frame *fr);

/*
 * htmlpage_heading — a heading of level 2 or 3 (clamped to at most one
 * deeper than the last; 1 counts as 2: the page has its h1) with optional
 * id (anchor of the table of contents) and number („3.2“, or NULL).
 */
void htmlpage_heading(struct htmlpage *p, int level, const char *id, const char *number, const char *text);

/* htmlpage_paragraph — body text; "**…**" marks bold (<strong>). */
void htmlpage_paragraph(struct htmlpage *p, const char *text);

/* htmlpage_item — a bullet point; consecutive items form one list. */
void htmlpage_item(struct htmlpage *p, const char *text);

/* htmlpage_note — a small note (source line): <p class="anmerkung">. */
void htmlpage_note(struct htmlpage *p, const char *text);

/* htmlpage_highlight — a highlighted box (Leitsatz) with optional bold label. */
void htmlpage_highlight(struct htmlpage *p, const char *label, const char *text);

/* htmlpage_legend — a legend line; swatch = 1: with the colour of highlighted table rows. */
void htmlpage_legend(struct htmlpage *p, const char *text, int swatch);

/* htmlpage_block — the page's stream, to write markup as is (an SVG from svgchart, a map);
 * closes an open list first. */
FILE *htmlpage_block(struct htmlpage *p);

/* A table column: header text; right = 1 for numbers. */
struct htmltable_col {
    const char *title;
    int right;
};

/* A row: ncols cells (NULL = ""), repeat bit c = cell c repeats the one above. */
struct htmltable_row {
    const char *const *cells;
    unsigned repeat;
    int highlight;
};

/*
 * htmlpage_table — a table with caption „Tabelle N: caption“ (caption NULL
 * = the last heading of the page), its CSV file STEM-tabelle-K.csv (the
 * header row and the nrows rows, merged cells repeated) and the download
 * link below it.  nrows 0: one row spanning all columns with `empty`
 * (NULL = „keine“), and a CSV with the header only.  Returns 0 or -1
 * (message; site failed).
 */
int htmlpage_table(struct htmlpage *p, const char *caption, const struct htmltable_col *cols, int ncols,
                   const struct htmltable_row *rows, int nrows, const char *empty);

/* html_escape — write s HTML-escaped (& < > " ') to f; NULL = nothing. */
void html_escape(FILE *f, const char *s);

/* html_inline — html_escape with "**…**" pairs as <strong> (an unpaired
 * "**" is closed at the end). */
void html_inline(FILE *f, const char *s);

/*
 * htmlout_csv_field — write one CSV field (semicolon-separated, see above)
 * to f: quoted when it holds ; " CR LF or starts/ends with a blank, quotes
 * doubled; a text starting with = + - @ TAB CR that is not a German number
 * gets a leading apostrophe.
 */
void htmlout_csv_field(FILE *f, const char *s);

#endif
