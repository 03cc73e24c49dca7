/*
 * docpdf.c — the PDF writer of the document model: title page or block,
 * table of contents by layout passes, chapters, running headers,
 * kept-together headings, tags (see docpdf.h).
 */
#include "docpdf.h"
#include "diag.h"
#include "format.h"
#include "pdfmap.h"
#include "pdftable.h"
#include "textwrap.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const struct docpdf_stil docpdf_stil = {
    .titel = 26, .untertitel = 14, .h1 = 17, .h2 = 12.5, .h3 = 10.5,
    .text = 10, .tabelle = 8.5, .fussnote = 8,
    .zeilenabstand = 1.4, .absatz_nach = 6,
    .h2_vor = 16, .h2_nach = 6, .h3_vor = 10, .h3_nach = 4,
};

/* page furniture (points) */
#define RAND_LINKS 68.0        /* ≈ 24 mm */
#define RAND_RECHTS 57.0       /* ≈ 20 mm */
#define RAND_OBEN 78.0
#define RAND_UNTEN 62.0
#define KOPF_ABSTAND 44.0      /* running header baseline below the top edge */
#define KOPF_ABSTAND_SCHMAL 28.0
#define EINZUG_PUNKT 16.0      /* bullet text indent */
#define MAX_DURCHGAENGE 4
#define MAX_WARTEND 4

/* greys of the house style */
#define GRAU_TEXT 0.0
#define GRAU_LEISE 0.38        /* running header, numbers, notes */
#define GRAU_LINIE 0.62        /* rules */
#define GRAU_FLAECHE 0.94      /* highlighted blocks */
#define FARBE_HERVORGEHOBEN 0xDCEBFA   /* highlighted table rows and their legend swatch */

/* A heading as recorded during layout: table of contents and bookmarks. */
struct eintrag {
    int ebene;                     /* 1 = chapter, 2 = section */
    char nummer[24];               /* "3", "3.2", "Anhang A", "A.1", "" */
    const char *titel;             /* in the model */
    int seite;                     /* 0-based page index */
    double y;                      /* top of the heading on its page */
};

struct writer {
    struct pdfdoc pdf;             /* the document of the current pass */
    const struct docmodel *m;
    const struct docmodel_frame *f;
    int durchgang;
    int inhalt_seiten;             /* pages reserved for the table of contents */
    int toc_mark;                  /* tag mark where the TOC element goes */
    struct eintrag *eintraege;
    int n_eintraege, cap_eintraege;
    int kapitel_nr, abschnitt_nr;
    int anhang;                    /* an appendix chapter was started: numbering A, B, … */
    char kopf[320];                /* running header of the pages now added */
    HPDF_Outline outline_kapitel;  /* bookmark of the current chapter, NULL = none */
    const struct docmodel_block *wartend[MAX_WARTEND];   /* headings waiting for their block */
    int n_wartend;
    int liste_offen;               /* an L element is open */
    int fehler;                    /* the pass is given up (message printed) */
};

static double leading(double size) { return size * docpdf_stil.zeilenabstand; }

static int seite_frisch(const struct writer *w)
{
    return w->pdf.page && w->pdf.y >= w->pdf.page_h - w->pdf.margin_top - 0.01;
}

static double breite(struct writer *w) { return pdfdoc_content_width(&w->pdf); }

static double seiten_platz(const struct writer *w)
{
    return w->pdf.page_h - w->pdf.margin_top - pdfdoc_bottom(&w->pdf);
}

static void grau(struct writer *w, double g) { HPDF_Page_SetGrayFill(w->pdf.page, (HPDF_REAL)g); }

/* a rule: page furniture, an artifact */
static void linie(struct writer *w, double x0, double y0, double x1, double y1, double lw, double g)
{
    HPDF_Page p = w->pdf.page;
    pdfdoc_artifact_begin(&w->pdf, "Layout");
    HPDF_Page_SetLineWidth(p, (HPDF_REAL)lw);
    HPDF_Page_SetGrayStroke(p, (HPDF_REAL)g);
    HPDF_Page_MoveTo(p, (HPDF_REAL)x0, (HPDF_REAL)y0);
    HPDF_Page_LineTo(p, (HPDF_REAL)x1, (HPDF_REAL)y1);
    HPDF_Page_Stroke(p);
    pdfdoc_artifact_end(&w->pdf);
}

static void text_rechts(struct writer *w, HPDF_Font f, double size, double x1, double y, const char *s)
{
    double wd = pdfdoc_measure(&w->pdf, f, size, s, strlen(s));
    pdfdoc_text(&w->pdf, f, size, x1 - wd, y, s, strlen(s));
}

/* ------------------------------------------------------------ rich text */

/* Text without the "**" marks, with a bold flag per byte. */
struct lauftext {
    char *text;
    size_t len;              /* strlen(text) */
    unsigned char *fett;
    struct writer *w;
    double size;
};

static void lauftext_init(struct lauftext *t, struct writer *w, const char *src, double size)
{
    size_t n = strlen(src);
    t->text = xmalloc(n + 1);
    t->fett = xmalloc(n + 1);
    t->w = w;
    t->size = size;
    size_t k = 0;
    int bold = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '*' && src[i + 1] == '*') { bold = !bold; i++; continue; }
        t->text[k] = src[i];
        t->fett[k++] = (unsigned char)bold;
    }
    t->text[k] = '\0';
    t->len = k;
}

static void lauftext_free(struct lauftext *t)
{
    free(t->text);
    free(t->fett);
}

/* textwrap measure: runs of equal weight measured with their font; the
 * hyphen of a broken word (a string outside the text, textwrap.h) in bold,
 * the wider of the two, so the line fits whichever font draws it */
static double lauftext_measure(const char *s, size_t len, void *ctx)
{
    struct lauftext *t = ctx;
    struct pdfdoc *doc = &t->w->pdf;
    if ((uintptr_t)s - (uintptr_t)t->text > t->len) return pdfdoc_measure(doc, doc->bold, t->size, s, len);
    size_t off = (size_t)(s - t->text), i = 0;
    double wd = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && t->fett[off + j] == t->fett[off + i]) j++;
        wd += pdfdoc_measure(doc, t->fett[off + i] ? doc->bold : doc->regular, t->size, s + i, j - i);
        i = j;
    }
    return wd;
}

static void lauftext_zeile(struct lauftext *t, const struct textwrap_line *ln, double x, double baseline)
{
    struct pdfdoc *doc = &t->w->pdf;
    size_t i = 0;
    while (i < ln->len) {
        size_t j = i;
        while (j < ln->len && t->fett[ln->start + j] == t->fett[ln->start + i]) j++;
        HPDF_Font f = t->fett[ln->start + i] ? doc->bold : doc->regular;
        pdfdoc_text(doc, f, t->size, x, baseline, t->text + ln->start + i, j - i);
        x += pdfdoc_measure(doc, f, t->size, t->text + ln->start + i, j - i);
        i = j;
    }
    if (ln->hyphen && ln->len)       /* a word broken here, in the font of its last letter */
        pdfdoc_text(doc, t->fett[ln->start + ln->len - 1] ? doc->bold : doc->regular, t->size, x, baseline, "-", 1);
}

/* Draw one wrapped line of a one-font text at (x, baseline), with the
 * hyphen of a word broken there; returns where the line ends (points). */
static double zeile_zeichnen(struct pdfdoc *doc, HPDF_Font f, double size, double x, double baseline,
                             const char *text, const struct textwrap_line *ln)
{
    pdfdoc_text(doc, f, size, x, baseline, text + ln->start, ln->len);
    double end = x + pdfdoc_measure(doc, f, size, text + ln->start, ln->len);
    if (ln->hyphen) {
        pdfdoc_text(doc, f, size, end, baseline, "-", 1);
        end += pdfdoc_measure(doc, f, size, "-", 1);
    }
    return end;
}

/* baseline of a line whose box (height leading) starts at top */
static double grundlinie(double top, double size) { return top - leading(size) * 0.5 - size * 0.35; }

/* Wrapped lines of a one-font text in width `width`; returns the count. */
static int umbrechen(struct writer *w, struct textwrap *tw, HPDF_Font f, double size, const char *text, double width)
{
    size_t n = strlen(text);
    struct lauftext t = { .text = (char *)text, .len = n, .w = w, .size = size };
    t.fett = xmalloc(n + 1);
    memset(t.fett, f == w->pdf.bold, n + 1);
    int lines = textwrap_break(tw, text, width, lauftext_measure, &t);
    free(t.fett);
    return lines;
}

/* A one-font text wrapped to the content width at the cursor, as element role. */
static void zeilen(struct writer *w, const char *role, HPDF_Font f, double size, double lh, double g, const char *text)
{
    struct textwrap tw = { 0 };
    int n = umbrechen(w, &tw, f, size, text, breite(w));
    if (role) pdfdoc_tag_begin(&w->pdf, role);
    grau(w, g);
    for (int i = 0; i < n; i++, w->pdf.y -= lh)
        zeile_zeichnen(&w->pdf, f, size, w->pdf.margin_left, w->pdf.y - size * 0.93, text, &tw.lines[i]);
    grau(w, GRAU_TEXT);
    if (role) pdfdoc_tag_end(&w->pdf);
    textwrap_free(&tw);
}

/* ------------------------------------------------------------ pages */

static void kopfzeile(struct pdfdoc *doc, void *ctx)
{
    struct writer *w = ctx;
    if (doc->npages == 1 || !w->kopf[0]) return;     /* title page or block */
    const int schmal = w->f->narrow_margins;
    const double y = doc->page_h - (schmal ? KOPF_ABSTAND_SCHMAL : KOPF_ABSTAND), size = docpdf_stil.fussnote;
    const double x0 = doc->margin_left, x1 = doc->page_w - doc->margin_right;
    const char *rechts_text = w->f->running_header ? NULL : w->f->kommune;
    double rechts = rechts_text ? pdfdoc_measure(doc, doc->regular, size, rechts_text, strlen(rechts_text)) + 24 : 0;
    /* a text too long for the line is cut at a character and gets „…“ */
    size_t n = strlen(w->kopf);
    const double platz = x1 - x0 - rechts, ell = pdfdoc_measure(doc, doc->regular, size, "\xE2\x80\xA6", 3);
    int gekuerzt = 0;
    while (n && pdfdoc_measure(doc, doc->regular, size, w->kopf, n) + (gekuerzt ? ell : 0) > platz) {
        do n--; while (n && ((unsigned char)w->kopf[n] & 0xC0) == 0x80);
        gekuerzt = 1;
    }
    pdfdoc_artifact_begin(doc, "Pagination");
    grau(w, GRAU_LEISE);
    pdfdoc_text(doc, doc->regular, size, x0, y, w->kopf, n);
    if (gekuerzt) pdfdoc_text(doc, doc->regular, size, x0 + pdfdoc_measure(doc, doc->regular, size, w->kopf, n), y,
                              "\xE2\x80\xA6", 3);
    if (rechts_text) text_rechts(w, doc->regular, size, x1, y, rechts_text);
    grau(w, GRAU_TEXT);
    pdfdoc_artifact_end(doc);
    if (!schmal) linie(w, x0, y - 6, x1, y - 6, 0.5, GRAU_LINIE);
}

static void neue_seite(struct writer *w) { pdfdoc_new_page(&w->pdf); }

static void eintrag_neu(struct writer *w, int ebene, const char *nummer, const char *titel)
{
    if (w->n_eintraege == w->cap_eintraege) {
        w->cap_eintraege = w->cap_eintraege ? w->cap_eintraege * 2 : 32;
        w->eintraege = xrealloc(w->eintraege, sizeof *w->eintraege * (size_t)w->cap_eintraege);
    }
    struct eintrag *e = &w->eintraege[w->n_eintraege++];
    e->ebene = ebene;
    snprintf(e->nummer, sizeof e->nummer, "%s", nummer);
    e->titel = titel;
    e->seite = w->pdf.npages - 1;
    e->y = w->pdf.y;
}

/* "<nummer> <titel>" for bookmarks and running headers */
static void nummer_titel(char *buf, size_t size, const char *nummer, const char *titel)
{
    snprintf(buf, size, "%s%s%s", nummer, *nummer ? " " : "", titel);
}

/* ------------------------------------------------------------ headings */

/* width of the number column of a section heading: at least 36 pt */
static double nummer_breite(struct writer *w, const char *nummer, double size)
{
    double wd = pdfdoc_measure(&w->pdf, w->pdf.bold, size, nummer, strlen(nummer)) + 9;
    return wd > 36 ? wd : 36;
}

static double h_size(int ebene)
{
    return ebene == 1 ? docpdf_stil.h1 * 0.85 : ebene == 2 ? docpdf_stil.h2 : docpdf_stil.h3;
}
static double h_vor(int ebene) { return ebene == 3 ? docpdf_stil.h3_vor : docpdf_stil.h2_vor; }
static double h_nach(int ebene) { return ebene == 3 ? docpdf_stil.h3_nach : docpdf_stil.h2_nach; }

/* numbered sections get a number column */
static int nummeriert(const struct writer *w, int ebene) { return ebene == 2 && w->f->numbered; }

static double ueberschrift_hoehe(struct writer *w, int ebene, const char *titel, int mit_vor)
{
    double size = h_size(ebene);
    struct textwrap tw = { 0 };
    double nummer_w = nummeriert(w, ebene) ? nummer_breite(w, "00.00", size) : 0;
    int n = umbrechen(w, &tw, w->pdf.bold, size, titel, breite(w) - nummer_w);
    textwrap_free(&tw);
    return (mit_vor ? h_vor(ebene) : 0) + n * size * 1.3 + h_nach(ebene);
}

static double wartend_hoehe(struct writer *w)
{
    double h = 0;
    for (int i = 0; i < w->n_wartend; i++)
        h += ueberschrift_hoehe(w, w->wartend[i]->level, w->wartend[i]->text, i > 0 || !seite_frisch(w));
    return h;
}

static void ueberschrift_zeichnen(struct writer *w, int ebene, const char *titel)
{
    double size = h_size(ebene);
    if (!seite_frisch(w)) w->pdf.y -= h_vor(ebene);
    char nummer[24] = "";
    double nummer_w = 0;
    if (ebene <= 2) {
        if (ebene == 2) w->abschnitt_nr++;
        if (nummeriert(w, ebene)) {
            const struct eintrag *k = NULL;
            for (int i = w->n_eintraege - 1; i >= 0 && !k; i--)
                if (w->eintraege[i].ebene == 1) k = &w->eintraege[i];
            const char *kn = k ? k->nummer : "";
            if (strncmp(kn, "Anhang ", 7) == 0) kn += 7;
            snprintf(nummer, sizeof nummer, "%.12s%s%d", kn, *kn ? "." : "", w->abschnitt_nr % 10000);
            nummer_w = nummer_breite(w, nummer, size);
        }
        if (ebene == 2) eintrag_neu(w, 2, nummer, titel);
        char bm[600];
        nummer_titel(bm, sizeof bm, nummer, titel);
        pdfdoc_outline(&w->pdf, ebene == 2 ? w->outline_kapitel : NULL, bm);
    }
    static const char *const rolle[] = { "H1", "H1", "H2", "H3" };
    pdfdoc_tag_begin(&w->pdf, rolle[ebene]);
    struct textwrap tw = { 0 };
    int n = umbrechen(w, &tw, w->pdf.bold, size, titel, breite(w) - nummer_w);
    double lh = size * 1.3, x = w->pdf.margin_left;
    for (int i = 0; i < n; i++) {
        double base = w->pdf.y - lh * 0.5 - size * 0.35 - i * lh;
        if (i == 0 && *nummer) {
            grau(w, GRAU_LEISE);
            pdfdoc_text(&w->pdf, w->pdf.bold, size, x, base, nummer, strlen(nummer));
            grau(w, GRAU_TEXT);
        }
        zeile_zeichnen(&w->pdf, w->pdf.bold, size, x + nummer_w, base, titel, &tw.lines[i]);
    }
    pdfdoc_tag_end(&w->pdf);
    textwrap_free(&tw);
    w->pdf.y -= n * lh + h_nach(ebene);
}

/*
 * platz — the one "keep the heading with what follows" rule: the next block
 * needs `hoehe` points that must not be split (its first part).  Draws the
 * headings waiting for a block, on a new page together with the block when
 * they and hoehe do not fit above the bottom margin.
 */
static void platz(struct writer *w, double hoehe)
{
    if (!w->pdf.page) neue_seite(w);
    double need = wartend_hoehe(w) + hoehe;
    if (w->pdf.y - need < pdfdoc_bottom(&w->pdf) && !seite_frisch(w)) neue_seite(w);
    for (int i = 0; i < w->n_wartend; i++) ueberschrift_zeichnen(w, w->wartend[i]->level, w->wartend[i]->text);
    w->n_wartend = 0;
}

static void warten(struct writer *w, const struct docmodel_block *b)
{
    if (w->n_wartend == MAX_WARTEND) platz(w, 0);
    w->wartend[w->n_wartend++] = b;
}

static void kapitel_beginnen(struct writer *w, const struct docmodel_chapter *c, int erstes)
{
    const struct docpdf_stil *s = &docpdf_stil;
    platz(w, 0);                        /* headings still waiting end the last chapter */
    int block = w->f->title_style == DOCMODEL_TITLE_BLOCK;
    pdfdoc_set_direction(&w->pdf, c->landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    pdfdoc_tag_begin(&w->pdf, "Sect");
    w->abschnitt_nr = 0;
    if (!c->title) {                     /* untitled: continues below the title block */
        w->outline_kapitel = NULL;
        if (!(block && erstes)) neue_seite(w);
        return;
    }
    char nummer[24] = "";
    if (w->f->numbered) {
        if (c->appendix && !w->anhang) {
            w->anhang = 1;
            w->kapitel_nr = 0;
        }
        w->kapitel_nr++;
        if (c->appendix) snprintf(nummer, sizeof nummer, "Anhang %c", 'A' + (w->kapitel_nr - 1) % 26);
        else snprintf(nummer, sizeof nummer, "%d", w->kapitel_nr);
    }
    if (!w->f->running_header) nummer_titel(w->kopf, sizeof w->kopf, nummer, c->title);
    if (!(block && erstes)) neue_seite(w);
    else w->pdf.y -= 6;
    eintrag_neu(w, 1, nummer, c->title);
    char bm[400];
    nummer_titel(bm, sizeof bm, nummer, c->title);
    w->outline_kapitel = pdfdoc_outline(&w->pdf, NULL, bm);

    /* number (grey), title (bold), rule */
    double x = w->pdf.margin_left;
    pdfdoc_tag_begin(&w->pdf, "H1");
    if (*nummer) {
        grau(w, GRAU_LEISE);
        pdfdoc_text(&w->pdf, w->pdf.regular, s->h1 * 0.8, x, w->pdf.y - s->h1 * 0.8, nummer, strlen(nummer));
        grau(w, GRAU_TEXT);
        w->pdf.y -= s->h1 * 0.8 + 10;
    }
    struct textwrap tw = { 0 };
    int n = umbrechen(w, &tw, w->pdf.bold, s->h1, c->title, breite(w));
    double lh = s->h1 * 1.25;
    for (int i = 0; i < n; i++)
        zeile_zeichnen(&w->pdf, w->pdf.bold, s->h1, x, w->pdf.y - s->h1 * 0.93 - i * lh, c->title, &tw.lines[i]);
    textwrap_free(&tw);
    pdfdoc_tag_end(&w->pdf);
    w->pdf.y -= n * lh + 8;
    linie(w, x, w->pdf.y, x + breite(w), w->pdf.y, 0.75, GRAU_LINIE);
    w->pdf.y -= 20;
}

/* ------------------------------------------------------------ text blocks */

/*
 * Draw wrapped rich text at indent, breaking pages with ≥ 2 lines on each
 * side, as element `role` (NULL: the caller has opened it).  marke: a list
 * label drawn before the first line (as Lbl, the text as LBody).
 */
static void textblock(struct writer *w, const char *role, const char *text, double size, double indent,
                      const char *marke, double nach, double g)
{
    struct lauftext t;
    lauftext_init(&t, w, text, size);
    struct textwrap tw = { 0 };
    int n = textwrap_break(&tw, t.text, breite(w) - indent, lauftext_measure, &t);
    double lh = leading(size);
    platz(w, (n <= 3 ? n : 2) * lh);      /* 3 lines cannot be split 2 + 2 */
    if (role) pdfdoc_tag_begin(&w->pdf, role);
    if (marke) {
        pdfdoc_tag_begin(&w->pdf, "Lbl");
        grau(w, GRAU_LEISE);
        pdfdoc_text(&w->pdf, w->pdf.regular, size, w->pdf.margin_left + 3, grundlinie(w->pdf.y, size), marke,
                    strlen(marke));
        pdfdoc_tag_end(&w->pdf);
        pdfdoc_tag_begin(&w->pdf, "LBody");
    }
    int i = 0;
    while (i < n) {
        int fit = (int)floor((w->pdf.y - pdfdoc_bottom(&w->pdf) + 0.01) / lh);
        int rest = n - i, take = fit >= rest ? rest : fit;
        if (take < rest && rest - take < 2) take = rest - 2;     /* no widow */
        if (i == 0 && take < rest && take < 2) take = 0;         /* no orphan */
        if (take <= 0) {
            if (seite_frisch(w)) take = fit > 0 ? fit : 1;       /* taller than a page */
            else { neue_seite(w); continue; }
        }
        grau(w, g);
        for (int k = 0; k < take; k++) {
            lauftext_zeile(&t, &tw.lines[i + k], w->pdf.margin_left + indent, grundlinie(w->pdf.y, size));
            w->pdf.y -= lh;
        }
        i += take;
        if (i < n) neue_seite(w);
    }
    grau(w, GRAU_TEXT);
    if (marke) pdfdoc_tag_end(&w->pdf);
    if (role) pdfdoc_tag_end(&w->pdf);
    w->pdf.y -= nach;
    textwrap_free(&tw);
    lauftext_free(&t);
}

static void hervorhebung(struct writer *w, const char *label, const char *text)
{
    const double pad = 10, bar = 3, size = docpdf_stil.text + 0.5, lh = leading(size);
    const double label_h = label ? docpdf_stil.fussnote * 1.6 : 0;
    struct lauftext t;
    lauftext_init(&t, w, text, size);
    struct textwrap tw = { 0 };
    int n = textwrap_break(&tw, t.text, breite(w) - 2 * pad - bar, lauftext_measure, &t);
    double h = 2 * pad + label_h + n * lh;
    if (h > seiten_platz(w)) {                /* taller than a page: as a paragraph */
        textwrap_free(&tw);
        lauftext_free(&t);
        if (label) {
            static struct docmodel_block kopf;   /* a sub-heading for the label */
            kopf = (struct docmodel_block){ .kind = DOCMODEL_HEADING, .level = 3, .text = label };
            warten(w, &kopf);
        }
        textblock(w, "P", text, docpdf_stil.text, 0, NULL, docpdf_stil.absatz_nach, GRAU_TEXT);
        return;
    }
    platz(w, h);
    HPDF_Page p = w->pdf.page;
    double x = w->pdf.margin_left, top = w->pdf.y;
    pdfdoc_artifact_begin(&w->pdf, "Layout");
    HPDF_Page_SetGrayFill(p, GRAU_FLAECHE);
    HPDF_Page_Rectangle(p, (HPDF_REAL)x, (HPDF_REAL)(top - h), (HPDF_REAL)breite(w), (HPDF_REAL)h);
    HPDF_Page_Fill(p);
    HPDF_Page_SetGrayFill(p, GRAU_LEISE);
    HPDF_Page_Rectangle(p, (HPDF_REAL)x, (HPDF_REAL)(top - h), (HPDF_REAL)bar, (HPDF_REAL)h);
    HPDF_Page_Fill(p);
    pdfdoc_artifact_end(&w->pdf);
    double y = top - pad;
    if (label) {
        pdfdoc_tag_begin(&w->pdf, "P");
        pdfdoc_text(&w->pdf, w->pdf.bold, docpdf_stil.fussnote, x + bar + pad, y - docpdf_stil.fussnote, label,
                    strlen(label));
        pdfdoc_tag_end(&w->pdf);
        y -= label_h;
    }
    HPDF_Page_SetGrayFill(p, 0);
    pdfdoc_tag_begin(&w->pdf, "P");
    for (int i = 0; i < n; i++, y -= lh) lauftext_zeile(&t, &tw.lines[i], x + bar + pad, grundlinie(y, size));
    pdfdoc_tag_end(&w->pdf);
    w->pdf.y = top - h - docpdf_stil.absatz_nach - 4;
    textwrap_free(&tw);
    lauftext_free(&t);
}

/* a legend line; with swatch the colour of highlighted rows before it */
static void legende(struct writer *w, const char *text, int swatch)
{
    const double size = docpdf_stil.fussnote, lh = leading(size), sw = swatch ? 20 : 0;
    struct textwrap tw = { 0 };
    int n = umbrechen(w, &tw, w->pdf.regular, size, text, breite(w) - sw);
    platz(w, n * lh);
    double x = w->pdf.margin_left;
    if (swatch) {
        pdfdoc_artifact_begin(&w->pdf, "Layout");
        HPDF_Page_SetRGBFill(w->pdf.page, 0.86f, 0.92f, 0.98f);     /* ≈ FARBE_HERVORGEHOBEN */
        HPDF_Page_Rectangle(w->pdf.page, (HPDF_REAL)x, (HPDF_REAL)(w->pdf.y - lh + 1), 14, (HPDF_REAL)(lh - 2));
        HPDF_Page_Fill(w->pdf.page);
        HPDF_Page_SetGrayFill(w->pdf.page, 0);
        pdfdoc_artifact_end(&w->pdf);
    }
    pdfdoc_tag_begin(&w->pdf, "P");
    for (int i = 0; i < n; i++, w->pdf.y -= lh)
        zeile_zeichnen(&w->pdf, w->pdf.regular, size, x + sw, grundlinie(w->pdf.y, size), text, &tw.lines[i]);
    pdfdoc_tag_end(&w->pdf);
    w->pdf.y -= docpdf_stil.absatz_nach;
    textwrap_free(&tw);
}

/* ------------------------------------------------------------ tables, charts, figures */

struct tabelle {
    struct pdftable t;
    struct pdftable_column cols[PDFTABLE_MAX_COLUMNS];
    int ncols;
};

static void tabelle_init(struct writer *w, struct tabelle *tb, const struct docmodel_table *mt)
{
    tb->ncols = mt->ncols > PDFTABLE_MAX_COLUMNS ? PDFTABLE_MAX_COLUMNS : mt->ncols;
    for (int i = 0; i < tb->ncols; i++) tb->cols[i] = (struct pdftable_column){ mt->cols[i].titel, mt->cols[i].anteil };
    pdftable_init(&tb->t, &w->pdf, tb->cols, tb->ncols, docpdf_stil.tabelle);
    int fit = mt->fit_rows < 0 || mt->fit_rows > mt->nrows ? mt->nrows : mt->fit_rows;
    for (int r = 0; r < fit; r++) pdftable_fit_row(&tb->t, mt->rows[r].cells);
}

/* the height of the whole table (keep_with_next), or of its start */
static double tabelle_hoehe(struct tabelle *tb, const struct docmodel_table *mt, const char *const *leer, int ganz)
{
    const char *const *erste = mt->nrows ? mt->rows[0].cells : leer;
    double h = pdftable_start_height(&tb->t, erste);
    if (!ganz) return h;
    double kopf = pdftable_start_height(&tb->t, leer) - (tb->t.leading + 2 * tb->t.pad);
    for (int r = 1; r < mt->nrows; r++) h += pdftable_start_height(&tb->t, mt->rows[r].cells) - kopf;
    return h;
}

static double diagramm_hoehe(struct writer *w, const struct pdfchart *c)
{
    double h = pdfchart_height(&w->pdf, c);
    return h < 0 ? 0 : h;
}

static void tabelle(struct writer *w, const struct docmodel_table *mt, double folgt)
{
    if (!w->pdf.page) neue_seite(w);
    struct tabelle tb;
    tabelle_init(w, &tb, mt);
    const char *leer[PDFTABLE_MAX_COLUMNS] = { 0 };
    double start = tabelle_hoehe(&tb, mt, leer, 0);
    if (folgt > 0) {                         /* kept with the next block when all fits on a page */
        double ganz = tabelle_hoehe(&tb, mt, leer, 1) + 12 + folgt;
        if (ganz + wartend_hoehe(w) <= seiten_platz(w)) start = ganz;
    }
    platz(w, start);
    pdfdoc_tag_begin(&w->pdf, "Table");
    pdftable_header(&tb.t);
    for (int r = 0; r < mt->nrows; r++) {
        const struct docmodel_row *row = &mt->rows[r];
        int repeat[PDFTABLE_MAX_COLUMNS] = { 0 };
        for (int c = 0; c < tb.ncols; c++) repeat[c] = (row->repeat >> c) & 1;
        tb.t.row_fill = row->highlight ? FARBE_HERVORGEHOBEN : 0;
        pdftable_row(&tb.t, row->cells, row->repeat ? repeat : NULL);
    }
    tb.t.row_fill = 0;
    if (!mt->nrows) {
        const char *cells[PDFTABLE_MAX_COLUMNS];
        for (int c = 0; c < tb.ncols; c++) cells[c] = c ? "" : mt->empty ? mt->empty : "keine";
        pdftable_row(&tb.t, cells, NULL);
    }
    pdftable_end(&tb.t);
    pdfdoc_tag_end(&w->pdf);
    pdftable_free(&tb.t);
    w->pdf.y -= 12;
    if (w->pdf.y < pdfdoc_bottom(&w->pdf)) w->pdf.y = pdfdoc_bottom(&w->pdf);
}

static int diagramm(struct writer *w, const struct pdfchart *c)
{
    if (!w->pdf.page) neue_seite(w);
    double h = pdfchart_height(&w->pdf, c);
    if (h < 0) return pdfchart_draw(&w->pdf, c);   /* reports the problem */
    double room = seiten_platz(w);
    platz(w, h < room ? h : room);
    char alt[2000];
    pdfdoc_tag_begin(&w->pdf, "Figure");
    pdfdoc_tag_attr(&w->pdf, "Alt", docmodel_chart_alt(c, alt, sizeof alt));
    int rc = pdfchart_draw(&w->pdf, c);
    pdfdoc_tag_end(&w->pdf);
    return rc;
}

/* a map (pdfmap.h): never split; it tags itself as one Figure with its Alt text */
static int karte(struct writer *w, const struct karte *k)
{
    if (!w->pdf.page) neue_seite(w);
    double h = pdfmap_height(&w->pdf, k, 0);
    double room = seiten_platz(w);
    platz(w, h < room ? h : room);
    return pdfmap_draw(&w->pdf, k, 0);
}

static HPDF_Image bild_laden(struct writer *w, const char *pfad)
{
    return pdfdoc_image_load(&w->pdf, pfad);          /* PNG alpha put onto white (PDF/A) */
}

static int abbildung(struct writer *w, const struct docmodel_figure *fg)
{
    if (!w->pdf.page) neue_seite(w);
    HPDF_Image img = bild_laden(w, fg->path);
    if (!img) return -1;
    double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
    double wid = breite(w) * fg->width, hgt = ih * wid / iw;
    double cap_h = 0;
    struct textwrap tw = { 0 };
    int n = 0;
    if (fg->caption) {
        n = umbrechen(w, &tw, w->pdf.regular, docpdf_stil.fussnote, fg->caption, breite(w));
        cap_h = 4 + n * leading(docpdf_stil.fussnote);
    }
    double room = seiten_platz(w) - cap_h;
    if (hgt > room) { hgt = room; wid = iw * hgt / ih; }
    platz(w, hgt + cap_h);
    pdfdoc_tag_begin(&w->pdf, "Figure");
    pdfdoc_tag_attr(&w->pdf, "Alt", fg->alt);
    HPDF_Page_DrawImage(w->pdf.page, img, (HPDF_REAL)w->pdf.margin_left, (HPDF_REAL)(w->pdf.y - hgt),
                        (HPDF_REAL)wid, (HPDF_REAL)hgt);
    w->pdf.y -= hgt + 4;
    if (fg->caption) {
        pdfdoc_tag_begin(&w->pdf, "Caption");
        grau(w, GRAU_LEISE);
        for (int i = 0; i < n; i++, w->pdf.y -= leading(docpdf_stil.fussnote))
            zeile_zeichnen(&w->pdf, w->pdf.regular, docpdf_stil.fussnote, w->pdf.margin_left,
                           grundlinie(w->pdf.y, docpdf_stil.fussnote), fg->caption, &tw.lines[i]);
        grau(w, GRAU_TEXT);
        pdfdoc_tag_end(&w->pdf);
    }
    pdfdoc_tag_end(&w->pdf);
    textwrap_free(&tw);
    w->pdf.y -= docpdf_stil.absatz_nach + 6;
    return 0;
}

/* ------------------------------------------------------------ blocks */

/* height of the first unsplittable part of block b (keep_with_next) */
static double block_hoehe(struct writer *w, const struct docmodel_block *b)
{
    switch (b->kind) {
    case DOCMODEL_CHART: return diagramm_hoehe(w, b->chart);
    case DOCMODEL_MAP: return pdfmap_height(&w->pdf, b->karte, 0);
    case DOCMODEL_PARAGRAPH: case DOCMODEL_NOTE: case DOCMODEL_LEGEND: case DOCMODEL_ITEM:
        return 2 * leading(docpdf_stil.text);
    case DOCMODEL_TABLE: {
        struct tabelle tb;
        tabelle_init(w, &tb, b->table);
        const char *leer[PDFTABLE_MAX_COLUMNS] = { 0 };
        double h = tabelle_hoehe(&tb, b->table, leer, 0);
        pdftable_free(&tb.t);
        return h;
    }
    default: return 0;
    }
}

static int block_schreiben(struct writer *w, const struct docmodel_chapter *c, int i)
{
    const struct docmodel_block *b = &c->blocks[i];
    const struct docmodel_block *next = i + 1 < c->nblocks ? &c->blocks[i + 1] : NULL;
    const struct docpdf_stil *s = &docpdf_stil;
    if (b->kind == DOCMODEL_ITEM && !w->liste_offen) {
        platz(w, 2 * leading(s->text));      /* the list starts with its first item, after the headings */
        pdfdoc_tag_begin(&w->pdf, "L");
        w->liste_offen = 1;
    }
    switch (b->kind) {
    case DOCMODEL_HEADING: warten(w, b); break;
    case DOCMODEL_PARAGRAPH: textblock(w, "P", b->text, s->text, 0, NULL, s->absatz_nach, GRAU_TEXT); break;
    case DOCMODEL_ITEM: textblock(w, "LI", b->text, s->text, EINZUG_PUNKT, "\xE2\x80\xA2", 3, GRAU_TEXT); break;
    case DOCMODEL_NOTE: textblock(w, "Note", b->text, s->fussnote, 0, NULL, s->absatz_nach, GRAU_LEISE); break;
    case DOCMODEL_LEGEND: legende(w, b->text, b->swatch); break;
    case DOCMODEL_HIGHLIGHT: hervorhebung(w, b->label, b->text); break;
    case DOCMODEL_TABLE:
        tabelle(w, b->table, b->keep_with_next && next ? block_hoehe(w, next) : 0);
        break;
    case DOCMODEL_CHART:
        if (diagramm(w, b->chart) != 0) return -1;
        break;
    case DOCMODEL_FIGURE:
        if (abbildung(w, b->figure) != 0) return -1;
        break;
    case DOCMODEL_MAP:
        if (karte(w, b->karte) != 0) return -1;
        break;
    }
    if (w->liste_offen && (!next || next->kind != DOCMODEL_ITEM)) {
        pdfdoc_tag_end(&w->pdf);
        w->liste_offen = 0;
        if (!seite_frisch(w)) w->pdf.y -= s->absatz_nach - 1;
    }
    return 0;
}

/* ------------------------------------------------------------ title page and block */

static int titelseite(struct writer *w)
{
    const struct docmodel_frame *in = w->f;
    struct pdfdoc *doc = &w->pdf;
    pdfdoc_set_direction(doc, HPDF_PAGE_PORTRAIT);
    neue_seite(w);
    const double x = doc->margin_left, wd = breite(w), x1 = x + wd;
    double y = doc->page_h - 96;
    if (in->kommune) {
        pdfdoc_tag_begin(doc, "P");
        grau(w, GRAU_LEISE);
        pdfdoc_text(doc, doc->bold, 12, x, y, in->kommune, strlen(in->kommune));
        grau(w, GRAU_TEXT);
        pdfdoc_tag_end(doc);
    }
    if (in->logo) {
        HPDF_Image img = pdfdoc_image_load(doc, in->logo);     /* PNG alpha put onto white (PDF/A) */
        if (!img) return -1;
        double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
        double hgt = 56, wid = iw * hgt / ih;
        if (wid > 160) { wid = 160; hgt = ih * wid / iw; }
        char alt[300];
        snprintf(alt, sizeof alt, "Logo %s", in->kommune ? in->kommune : "");
        pdfdoc_tag_begin(doc, "Figure");
        pdfdoc_tag_attr(doc, "Alt", in->logo_alt ? in->logo_alt : alt);
        HPDF_Page_DrawImage(doc->page, img, (HPDF_REAL)(x1 - wid), (HPDF_REAL)(y - 8), (HPDF_REAL)wid, (HPDF_REAL)hgt);
        pdfdoc_tag_end(doc);
    }
    linie(w, x, y - 14, x1, y - 14, 0.75, GRAU_LINIE);

    /* title block in the upper third: a dark bar, the title, the subtitle */
    y = doc->page_h * 0.62;
    pdfdoc_artifact_begin(doc, "Layout");
    HPDF_Page_SetGrayFill(doc->page, 0.2);
    HPDF_Page_Rectangle(doc->page, (HPDF_REAL)x, (HPDF_REAL)(y + 14), 56, 4);
    HPDF_Page_Fill(doc->page);
    HPDF_Page_SetGrayFill(doc->page, 0);
    pdfdoc_artifact_end(doc);
    struct textwrap tw = { 0 };
    const struct docpdf_stil *s = &docpdf_stil;
    pdfdoc_tag_begin(doc, "H1");
    int n = umbrechen(w, &tw, doc->bold, s->titel, in->title, wd);
    for (int i = 0; i < n; i++, y -= s->titel * 1.2)
        zeile_zeichnen(doc, doc->bold, s->titel, x, y - s->titel * 0.93, in->title, &tw.lines[i]);
    pdfdoc_tag_end(doc);
    y -= 12;
    if (in->subtitle) {
        pdfdoc_tag_begin(doc, "P");
        n = umbrechen(w, &tw, doc->regular, s->untertitel, in->subtitle, wd);
        grau(w, 0.25);
        for (int i = 0; i < n; i++, y -= s->untertitel * 1.3)
            zeile_zeichnen(doc, doc->regular, s->untertitel, x, y - s->untertitel * 0.93, in->subtitle, &tw.lines[i]);
        grau(w, GRAU_TEXT);
        pdfdoc_tag_end(doc);
    }
    if (in->gremium) {
        char buf[512];
        snprintf(buf, sizeof buf, "Vorlage für: %s", in->gremium);
        y -= 22;
        n = umbrechen(w, &tw, doc->bold, 11, buf, wd);
        linie(w, x, y, x1, y, 0.5, GRAU_LINIE);
        y -= 8;
        pdfdoc_tag_begin(doc, "P");
        for (int i = 0; i < n; i++, y -= 11 * 1.35) zeile_zeichnen(doc, doc->bold, 11, x, y - 11 * 0.93, buf, &tw.lines[i]);
        pdfdoc_tag_end(doc);
        y -= 8;
        linie(w, x, y, x1, y, 0.5, GRAU_LINIE);
    }

    /* publisher and date at the bottom */
    y = doc->margin_bottom + 30;
    if (in->herausgeber) {
        n = umbrechen(w, &tw, doc->regular, 9, in->herausgeber, wd);
        double yy = y + 16 + (n - 1) * 12;
        pdfdoc_tag_begin(doc, "P");
        grau(w, GRAU_LEISE);
        pdfdoc_text(doc, doc->bold, 9, x, yy + 14, "Herausgeber", 11);
        for (int i = 0; i < n; i++, yy -= 12) zeile_zeichnen(doc, doc->regular, 9, x, yy, in->herausgeber, &tw.lines[i]);
        grau(w, GRAU_TEXT);
        pdfdoc_tag_end(doc);
    }
    if (in->stand) {
        pdfdoc_tag_begin(doc, "P");
        grau(w, GRAU_LEISE);
        pdfdoc_text(doc, doc->regular, 9, x, y, in->stand, strlen(in->stand));
        grau(w, GRAU_TEXT);
        pdfdoc_tag_end(doc);
    }
    textwrap_free(&tw);
    return 0;
}

/* the title block at the top of the first page: kicker, title, subtitle */
static void titelblock(struct writer *w)
{
    const struct docmodel_frame *in = w->f;
    const struct docmodel_chapter *c = w->m->nchapters ? w->m->chapters[0] : NULL;
    pdfdoc_set_direction(&w->pdf, c && c->landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    neue_seite(w);
    if (in->kicker) zeilen(w, "P", w->pdf.regular, 10.5, 10.5 * 1.25, 0.3, in->kicker);
    w->pdf.y -= 4;
    zeilen(w, "H1", w->pdf.bold, 17, 17 * 1.25, GRAU_TEXT, in->heading ? in->heading : in->title);
    w->pdf.y -= 4;
    if (in->subtitle) zeilen(w, "P", w->pdf.regular, 9, 9 * 1.3, GRAU_TEXT, in->subtitle);
    w->pdf.y -= 10;
}

/* ------------------------------------------------------------ table of contents */

#define TOC_SEITENZAHL 48.0      /* right of the titles: the page number and at least a few leader dots */

/* the number as the table of contents shows it: appendices under a label „Anhang“ as "A", "B", … */
static const char *toc_nummer(const struct eintrag *e)
{
    return strncmp(e->nummer, "Anhang ", 7) == 0 ? e->nummer + 7 : e->nummer;
}

/*
 * Lay out the table of contents of w's entries; draw it on the reserved
 * pages (and link and tag the entries) when zeichnen.  Returns the pages it
 * needs.
 */
static int inhalt_setzen(struct writer *w, int zeichnen)
{
    struct pdfdoc *doc = &w->pdf;
    const struct docpdf_stil *s = &docpdf_stil;
    const double size1 = 10.5, size2 = 10, lh1 = size1 * 1.35, lh2 = size2 * 1.35;
    int seite = 0;
    if (zeichnen) pdfdoc_select_page(doc, 1);
    const double x0 = doc->margin_left, x1 = 595.28 - doc->margin_right;
    const double top = 841.89 - doc->margin_top, bottom = doc->margin_bottom;
    double y = top - s->h1 * 0.8 - 10 - s->h1 * 1.25 - 8 - 20;    /* below the heading, as a chapter */

    /* number columns as wide as the widest number */
    double nw1 = 0, nw2 = 0;
    for (int i = 0; i < w->n_eintraege; i++) {
        const struct eintrag *e = &w->eintraege[i];
        const char *nr = toc_nummer(e);
        double wd = pdfdoc_measure(doc, e->ebene == 1 ? doc->bold : doc->regular, e->ebene == 1 ? size1 : size2, nr,
                                   strlen(nr));
        if (e->ebene == 1 && wd > nw1) nw1 = wd;
        if (e->ebene == 2 && wd > nw2) nw2 = wd;
    }
    nw1 += 12;
    nw2 += 10;
    if (zeichnen) {
        pdfdoc_tag_begin_at(doc, w->toc_mark, "Sect");
        pdfdoc_tag_begin(doc, "H1");
        pdfdoc_text(doc, doc->bold, s->h1, x0, top - s->h1 * 0.8 - 10 - s->h1 * 0.93, "Inhalt", 6);
        pdfdoc_tag_end(doc);
        double ry = top - s->h1 * 0.8 - 10 - s->h1 * 1.25 - 8;
        linie(w, x0, ry, x1, ry, 0.75, GRAU_LINIE);
        pdfdoc_tag_begin(doc, "TOC");
    }
    struct textwrap tw = { 0 };
    char zahl[16];
    int anhang_gesehen = 0;
    for (int i = 0; i < w->n_eintraege; i++) {
        const struct eintrag *e = &w->eintraege[i];
        int h1 = e->ebene == 1;
        double size = h1 ? size1 : size2, lh = h1 ? lh1 : lh2;
        HPDF_Font f = h1 ? doc->bold : doc->regular;
        double tx = x0 + (h1 ? nw1 : nw1 + nw2), nx = h1 ? x0 : x0 + nw1;
        int n = umbrechen(w, &tw, f, size, e->titel, x1 - TOC_SEITENZAHL - tx);
        double vor = h1 && i > 0 ? 8 : 1;
        int label = h1 && e->nummer != toc_nummer(e) && !anhang_gesehen;
        if (label) {                 /* the label „Anhang“ before the first appendix */
            anhang_gesehen = 1;
            vor += 10 + lh1;
        }
        double h = vor + n * lh;
        if (y - h < bottom) {
            seite++;
            y = top;
            if (zeichnen) pdfdoc_select_page(doc, 1 + seite);
        }
        if (label && zeichnen && seite < w->inhalt_seiten) {
            pdfdoc_tag_begin(doc, "TOCI");
            pdfdoc_text(doc, doc->bold, size1, x0, grundlinie(y - vor + lh1, size1), "Anhang", 6);
            pdfdoc_tag_end(doc);
        }
        y -= vor;
        if (zeichnen && seite < w->inhalt_seiten) {
            double entry_top = y;
            int ziel = e->seite;
            int zn = snprintf(zahl, sizeof zahl, "%d", ziel + 1);
            const char *nr = toc_nummer(e);
            pdfdoc_tag_begin(doc, "TOCI");
            pdfdoc_tag_begin(doc, "Link");
            pdfdoc_text(doc, f, size, nx, grundlinie(y, size) + size * 0.05, nr, strlen(nr));
            double last_end = tx;
            for (int k = 0; k < n; k++) {
                double base = grundlinie(y - k * lh, size) + size * 0.05;
                last_end = zeile_zeichnen(doc, f, size, tx, base, e->titel, &tw.lines[k]);
            }
            double base = grundlinie(y - (n - 1) * lh, size) + size * 0.05;
            double zw = pdfdoc_measure(doc, f, size, zahl, (size_t)zn);
            /* dot leaders between the title and the number: an artifact */
            double dot = pdfdoc_measure(doc, doc->regular, size, ".", 1), gap = 3.2;
            double dx = ceil((last_end + 6) / gap) * gap;
            char dots[512];
            size_t nd = 0;
            for (double xx = dx; xx + dot < x1 - zw - 5 && nd + 1 < sizeof dots; xx += gap) dots[nd++] = '.';
            dots[nd] = '\0';
            if (nd) {
                pdfdoc_artifact_begin(doc, "Layout");
                grau(w, GRAU_LINIE);
                /* one text object with character spacing instead of one per dot */
                HPDF_Page_BeginText(doc->page);
                HPDF_Page_SetFontAndSize(doc->page, doc->regular, (HPDF_REAL)size);
                HPDF_Page_SetCharSpace(doc->page, (HPDF_REAL)(gap - dot));
                HPDF_Page_TextOut(doc->page, (HPDF_REAL)dx, (HPDF_REAL)base, dots);
                HPDF_Page_SetCharSpace(doc->page, 0);
                HPDF_Page_EndText(doc->page);
                grau(w, GRAU_TEXT);
                pdfdoc_artifact_end(doc);
            }
            pdfdoc_text(doc, f, size, x1 - zw, base, zahl, (size_t)zn);
            char wohin[640];
            snprintf(wohin, sizeof wohin, "Gehe zu Seite %d: %s%s%s", ziel + 1, nr, *nr ? " " : "", e->titel);
            pdfdoc_link(doc, x0, entry_top - n * lh, x1, entry_top, ziel, e->y + 18, wohin);
            pdfdoc_tag_end(doc);
            pdfdoc_tag_end(doc);
        }
        y -= n * lh;
    }
    if (zeichnen) {
        pdfdoc_tag_end(doc);             /* TOC */
        pdfdoc_tag_end(doc);             /* Sect */
    }
    textwrap_free(&tw);
    return seite + 1;
}

/* ------------------------------------------------------------ passes */

static int durchgang(struct writer *w, const char *regular, const char *fett)
{
    const struct docmodel_frame *in = w->f;
    if (pdfdoc_open(&w->pdf, regular, fett, HPDF_PAGE_PORTRAIT) != 0) return -1;
    struct pdfdoc *doc = &w->pdf;
    if (!in->narrow_margins) {
        doc->margin_left = RAND_LINKS;
        doc->margin_right = RAND_RECHTS;
        doc->margin_top = RAND_OBEN;
        doc->margin_bottom = RAND_UNTEN;
    }
    doc->on_new_page = kopfzeile;
    doc->on_new_page_ctx = w;
    doc->footer_from = in->title_style == DOCMODEL_TITLE_PAGE ? 1 : 0;
    HPDF_SetPageMode(doc->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    snprintf(w->kopf, sizeof w->kopf, "%s", in->running_header ? in->running_header : "");
    if (in->title_style == DOCMODEL_TITLE_PAGE) {
        if (titelseite(w) != 0) return -1;
    } else {
        titelblock(w);
    }
    if (in->toc) {
        w->toc_mark = pdfdoc_tag_mark(doc);
        if (!in->running_header) snprintf(w->kopf, sizeof w->kopf, "Inhalt");
        for (int i = 0; i < w->inhalt_seiten; i++) {
            neue_seite(w);
            if (i == 0) pdfdoc_outline(doc, NULL, "Inhalt");
        }
    }
    w->kapitel_nr = w->abschnitt_nr = w->anhang = 0;
    w->outline_kapitel = NULL;
    for (int k = 0; k < w->m->nchapters && !w->fehler; k++) {
        const struct docmodel_chapter *c = w->m->chapters[k];
        kapitel_beginnen(w, c, k == 0);
        for (int i = 0; i < c->nblocks && !w->fehler; i++)
            if (block_schreiben(w, c, i) != 0) w->fehler = 1;
        platz(w, 0);
        pdfdoc_tag_end(doc);             /* Sect */
    }
    if (!w->pdf.page) neue_seite(w);
    return w->fehler ? -1 : 0;
}

/* The table of contents needs `mehr` pages more than were reserved: insert
 * them after the reserved ones, so the laid-out content moves back by `mehr`
 * pages and every entry's page with it, instead of a second layout pass
 * (which doubled the time of a long report).  0, or -1 when libharu refuses. */
static int inhalt_erweitern(struct writer *w, int mehr)
{
    struct pdfdoc *doc = &w->pdf;
    char kopf[sizeof w->kopf];
    memcpy(kopf, w->kopf, sizeof kopf);
    HPDF_PageDirection richtung = doc->direction;
    HPDF_Page seite = doc->page;
    double y = doc->y;
    if (!w->f->running_header) snprintf(w->kopf, sizeof w->kopf, "Inhalt");
    doc->direction = HPDF_PAGE_PORTRAIT;
    const int erste_inhalt = 1 + w->inhalt_seiten;       /* first page after the reservation */
    int rc = 0, neu = 0;
    for (; neu < mehr; neu++)
        if (!pdfdoc_insert_page(doc, erste_inhalt)) { rc = -1; break; }
    w->inhalt_seiten += neu;
    for (int i = 0; i < w->n_eintraege; i++)
        if (w->eintraege[i].seite >= erste_inhalt) w->eintraege[i].seite += neu;
    memcpy(w->kopf, kopf, sizeof kopf);
    doc->direction = richtung;
    doc->page = seite;
    doc->page_w = HPDF_Page_GetWidth(seite);
    doc->page_h = HPDF_Page_GetHeight(seite);
    doc->y = y;
    return rc;
}

static void durchgang_ende(struct writer *w)
{
    w->n_wartend = 0;
    w->liste_offen = 0;
    w->fehler = 0;
    free(w->eintraege);
    w->eintraege = NULL;
    w->n_eintraege = w->cap_eintraege = 0;
    pdfdoc_close(&w->pdf);
}

int docpdf_write(const struct docmodel *m, const char *font_regular, const char *font_bold, const char *path,
                 struct docpdf_result *res)
{
    struct writer w;
    memset(&w, 0, sizeof w);
    w.m = m;
    w.f = &m->frame;
    w.inhalt_seiten = m->frame.toc ? 1 : 0;
    const struct docmodel_frame *in = &m->frame;
    int rc = -1;
    for (w.durchgang = 1; w.durchgang <= MAX_DURCHGAENGE; w.durchgang++) {
        if (durchgang(&w, font_regular, font_bold) != 0) break;
        if (in->toc) {
            int need = inhalt_setzen(&w, 0);
            while (need > w.inhalt_seiten && inhalt_erweitern(&w, need - w.inhalt_seiten) == 0)
                need = inhalt_setzen(&w, 0);       /* the numbers moved: does it still fit? */
            if (need != w.inhalt_seiten) {
                /* fewer pages than reserved (or no room to insert): lay out again */
                w.inhalt_seiten = need;
                durchgang_ende(&w);
                continue;
            }
        }
        pdfdoc_set_info(&w.pdf, in->title, in->author ? in->author : in->kommune, in->subject ? in->subject : in->subtitle,
                        in->keywords, report_time());
        if (in->pdfa && pdfdoc_pdfa(&w.pdf, in->icc_profile) != 0) break;   /* before the links */
        if (in->toc) inhalt_setzen(&w, 1);
        pdfdoc_footers(&w.pdf, in->stand, in->footer_center ? in->footer_center : in->title);
        if (pdfdoc_save(&w.pdf, path) != 0) break;
        if (res) {
            res->pages = w.pdf.npages;
            res->passes = w.durchgang;
            res->toc_pages = w.inhalt_seiten;
        }
        rc = 0;
        break;
    }
    if (w.durchgang > MAX_DURCHGAENGE)
        diag_error("%s: das Inhaltsverzeichnis kommt nach %d Durchgängen zu keiner festen Seitenzahl", path,
                   MAX_DURCHGAENGE);
    durchgang_ende(&w);
    return rc;
}
