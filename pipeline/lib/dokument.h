/*
 * dokument.h — the Integrationsbericht as a composed PDF document, on top
 * of pdfdoc (pages, fonts), pdftable (tables) and pdfchart (charts).
 *
 * A document is a title page, a table of contents and numbered chapters
 * („1 Einleitung“, sections „1.1 …“), optionally followed by appendices
 * („Anhang A …“).  The caller describes the content once, as a function
 * (dokument_inhalt_fn) that calls dokument_kapitel, dokument_abschnitt,
 * dokument_absatz, … and draws tables and charts through the hooks below;
 * dokument_schreiben runs it as often as the layout needs:
 *
 *   pass 1  lays the content out after a table of contents reserved with
 *           one page, and records the page of every heading;
 *   then    the table of contents is laid out with those page numbers; if
 *           it needs more pages than reserved, the missing pages are
 *           inserted after the reserved ones (pdfdoc_insert_page), every
 *           recorded page number moves by as many, and the table is laid
 *           out again until it fits — the content is not laid out again.
 *           Only if libharu refuses the insertion is the content laid out
 *           again (pass 2, …, at most 4 passes) with the new reservation, so
 *           the content function must draw the same thing every time it is
 *           called.  Finally the table of contents is filled in with the
 *           page numbers and every entry linked to its heading.
 *
 * What every document gets: PDF bookmarks for chapters and sections (UTF-8
 * titles), a running header with the current chapter (not on the title
 * page), footers „Stand …“ · report title · „Seite x von y“ (pdfdoc_footers,
 * from page 2 on), document info with umlauts, reproducible bytes (dates
 * from report_time(), i.e. SOURCE_DATE_EPOCH; no random IDs).
 *
 * Layout rules: chapters start on a new page, portrait or landscape (the
 * pages of a chapter keep its direction, also those a table adds); a
 * heading is kept with the start of what follows it (two lines of a
 * paragraph, a table's header and first row, a whole chart), so no heading
 * ends a page; paragraphs break between pages with at least two lines on
 * either side; charts are never split (pdfchart).  Text is wrapped with the
 * fonts' real metrics (textwrap, pdfdoc_measure), never with libharu's
 * TextRect.  All sizes are PDF points (1/72 inch); y is measured from the
 * bottom edge of the page, the layout cursor is d->pdf.y (top of the free
 * space).
 */
#ifndef IB_DOKUMENT_H
#define IB_DOKUMENT_H

#include "pdfchart.h"
#include "pdfdoc.h"
#include "pdftable.h"
#include "vorlage.h"

#include <time.h>

/* The type scale and spacing, defined once for every document (points). */
struct dokument_stil {
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

extern const struct dokument_stil dokument_stil;

/* Title page, document info and page furniture.  Strings UTF-8; NULL = none. */
struct dokument_info {
    const char *titel;             /* report title (required) */
    const char *untertitel;
    const char *kommune;           /* above the title, running header right */
    const char *herausgeber;       /* title page bottom */
    const char *stand;             /* „Stand: 20.11.2024“: title page and footer left */
    const char *gremium;           /* committee of an edition: „Vorlage für den …“ */
    const char *logo;              /* PNG or JPEG file, title page top right */
    const char *kurztitel;         /* footer centre; NULL = titel */
    const char *autor, *thema, *stichwoerter;   /* document info; autor NULL = kommune */
    const char *schrift_regular;   /* TrueType files */
    const char *schrift_fett;
    int pdfa;                      /* write the PDF/A-1b parts (pdfdoc_pdfa) */
    const char *icc_profil;        /* RGB ICC profile for the output intent, or NULL */
};

/* A heading as recorded during layout: table of contents and bookmarks. */
struct dokument_eintrag {
    int ebene;                     /* 1 = chapter, 2 = section */
    char nummer[24];               /* "3", "3.2", "Anhang A", "A.1" */
    char *titel;
    int seite;                     /* 0-based page index */
    double y;                      /* top of the heading on its page */
};

struct dokument {
    struct pdfdoc pdf;             /* the document of the current pass */
    const struct dokument_info *info;
    int durchgang;                 /* 1, 2, …: the pass running */
    int inhalt_seiten;             /* pages reserved for the table of contents */
    struct dokument_eintrag *eintraege;
    int n_eintraege, cap_eintraege;
    int kapitel_nr, abschnitt_nr;
    int anhang;                    /* 1 after dokument_anhang */
    char kopf[320];                /* running header of the pages now added */
    HPDF_Outline outline_kapitel;  /* bookmark of the current chapter */
    struct { int ebene; char *titel; } wartend[4];   /* headings waiting for their block */
    int n_wartend;
    int fehler;                    /* set by dokument_fehler: the pass is given up */
};

/* What dokument_schreiben did (for tests and messages). */
struct dokument_ergebnis {
    int seiten;                    /* page count */
    int durchgaenge;               /* layout passes: 1, unless the table of contents needed
                                      fewer pages than reserved (more are inserted) */
    int inhalt_seiten;             /* pages of the table of contents */
};

/* The content: called once per pass; returns 0, or -1 to give up (message printed). */
typedef int (*dokument_inhalt_fn)(struct dokument *d, void *ctx);

/*
 * dokument_schreiben — lay out and write the document to pfad (through a
 * temporary file; pdfdoc_save).  erg may be NULL.  Returns 0, or -1 after a
 * message (font missing, content function failed, the table of contents
 * did not settle in 4 passes, libharu error, file not writable).
 */
int dokument_schreiben(const struct dokument_info *info, dokument_inhalt_fn inhalt, void *ctx,
                       const char *pfad, struct dokument_ergebnis *erg);

/*
 * dokument_kapitel — start chapter `titel` on a new page, landscape when
 * quer (the chapter's later pages too).  Numbered 1, 2, … (after
 * dokument_anhang: Anhang A, B, …); in the table of contents, the bookmarks
 * and the running header.
 */
void dokument_kapitel(struct dokument *d, const char *titel, int quer);

/* dokument_anhang — the chapters from now on are appendices (Anhang A, B, …). */
void dokument_anhang(struct dokument *d);

/*
 * dokument_abschnitt — a numbered section heading (3.1, 3.2, …) in the
 * table of contents and the bookmarks.  Drawn together with the start of
 * the next block (see dokument_platz).
 */
void dokument_abschnitt(struct dokument *d, const char *titel);

/* dokument_zwischentitel — an unnumbered sub-heading, kept with the next block. */
void dokument_zwischentitel(struct dokument *d, const char *titel);

/*
 * dokument_absatz — a paragraph of body text; "**…**" marks bold.  Breaks
 * across pages with at least two lines on each page.
 */
void dokument_absatz(struct dokument *d, const char *text);

/* dokument_punkt — a bullet point (text as in dokument_absatz). */
void dokument_punkt(struct dokument *d, const char *text);

/*
 * dokument_hervorhebung — a highlighted block (Leitsatz): grey box with a
 * dark bar at the left, an optional bold label above the text.  Kept on
 * one page unless it is taller than a page.
 */
void dokument_hervorhebung(struct dokument *d, const char *label, const char *text);

/* dokument_anmerkung — a small grey note (source line, footnote-sized). */
void dokument_anmerkung(struct dokument *d, const char *text);

/*
 * dokument_platz — hook for other drawing code: the next block needs
 * `hoehe` points that must not be split (its first part).  Draws the
 * headings waiting for a block, on a new page together with the block when
 * they and hoehe do not fit above the bottom margin.  Afterwards the block
 * may be drawn at d->pdf.y.
 */
void dokument_platz(struct dokument *d, double hoehe);

/* dokument_abstand — vertical space of pt points (dropped at the top of a page). */
void dokument_abstand(struct dokument *d, double pt);

/*
 * dokument_tabelle_beginnen — start a table (pdftable) at dokument_stil.tabelle
 * points at the cursor, kept together with the waiting headings: the header
 * and the first row (erste_zeile, ncols cells; NULL = header only) must fit.
 * Then draw rows with pdftable_row and finish with dokument_tabelle_beenden.
 * The columns are fitted to the words of the header and of erste_zeile
 * (pdftable.h, „Column widths“).
 */
void dokument_tabelle_beginnen(struct dokument *d, struct pdftable *t,
                               const struct pdftable_column *cols, int ncols,
                               const char *const *erste_zeile);

/*
 * dokument_tabelle_beginnen_mit — dokument_tabelle_beginnen, with the
 * columns fitted also to the words of nzeilen rows known in advance
 * (zeilen: nzeilen × ncols cells, NULL = empty; see pdftable_fit_row), e.g.
 * the first column of a short table read once before it is drawn.
 */
void dokument_tabelle_beginnen_mit(struct dokument *d, struct pdftable *t,
                                   const struct pdftable_column *cols, int ncols,
                                   const char *const *erste_zeile, const char *const *zeilen, int nzeilen);

/* dokument_tabelle_beenden — close the table (bottom rule), free it, leave space below. */
void dokument_tabelle_beenden(struct dokument *d, struct pdftable *t);

/*
 * dokument_diagramm — draw a chart (pdfchart) kept together with the
 * waiting headings.  Returns pdfchart_draw's result (0, or -1 with message).
 */
int dokument_diagramm(struct dokument *d, const struct pdfchart *c);

/* dokument_prosa — draw the blocks of a prose file (vorlage.h markup). */
void dokument_prosa(struct dokument *d, const struct vorlage_prosa *p);

/*
 * dokument_fehler — give up the current pass after a message was printed;
 * dokument_schreiben then returns -1.
 */
void dokument_fehler(struct dokument *d);

/*
 * Filling the chapters of a template that are not only prose (art
 * massnahmen, indikatoren, …): called for every chapter of the edition
 * after its prose, with the edition (NULL = full report).  Draws with the
 * functions above; returns 0 or -1 (message printed).
 */
typedef int (*dokument_kapitel_fn)(struct dokument *d, const struct vorlage *v,
                                   const struct vorlage_kapitel *k,
                                   const struct vorlage_ausgabe *a, void *ctx);

/*
 * dokument_vorlage — write the report of template v, or its edition a
 * (NULL = the full report), to pfad: title page from [bericht] (the
 * edition's title and committee), every chapter of the edition in template
 * order with its prose parts in the order Leitsatz (box), Beschreibung,
 * Leitgrundsätze (section „Leitgrundsätze“), Ziele (section „Übergeordnete
 * Ziele“), Text, then fuellen (may be NULL).  stand: "Stand: …" text (NULL
 * = the template's [bericht] stand, else the day of report_time(); the
 * pipeline passes bericht_stand() so the configuration wins).  Returns as
 * dokument_schreiben.
 */
int dokument_vorlage(const struct vorlage *v, const struct vorlage_ausgabe *a,
                     const char *schrift_regular, const char *schrift_fett, const char *stand,
                     dokument_kapitel_fn fuellen, void *ctx, const char *pfad,
                     struct dokument_ergebnis *erg);

#endif
