/*
 * dokument.c — composing the Integrationsbericht: title page, table of
 * contents by repeated layout, chapters, running headers, kept-together
 * headings (see dokument.h).
 */
#include "dokument.h"
#include "diag.h"
#include "format.h"
#include "textwrap.h"
#include "umsetzung.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const struct dokument_stil dokument_stil = {
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
#define EINZUG_PUNKT 16.0      /* bullet text indent */
#define MAX_DURCHGAENGE 4

/* greys of the house style */
#define GRAU_TEXT 0.0
#define GRAU_LEISE 0.38        /* running header, numbers, notes */
#define GRAU_LINIE 0.62        /* rules */
#define GRAU_FLAECHE 0.94      /* highlighted blocks */

static double leading(double size) { return size * dokument_stil.zeilenabstand; }

static int seite_frisch(const struct dokument *d)
{
    return d->pdf.page && d->pdf.y >= d->pdf.page_h - d->pdf.margin_top - 0.01;
}

static double breite(struct dokument *d) { return pdfdoc_content_width(&d->pdf); }

static void grau(struct dokument *d, double g)
{
    HPDF_Page_SetGrayFill(d->pdf.page, (HPDF_REAL)g);
}

static void linie(struct dokument *d, double x0, double y0, double x1, double y1, double w, double g)
{
    HPDF_Page p = d->pdf.page;
    HPDF_Page_SetLineWidth(p, (HPDF_REAL)w);
    HPDF_Page_SetGrayStroke(p, (HPDF_REAL)g);
    HPDF_Page_MoveTo(p, (HPDF_REAL)x0, (HPDF_REAL)y0);
    HPDF_Page_LineTo(p, (HPDF_REAL)x1, (HPDF_REAL)y1);
    HPDF_Page_Stroke(p);
}

static void text_rechts(struct dokument *d, HPDF_Font f, double size, double x1, double y, const char *s)
{
    double w = pdfdoc_measure(&d->pdf, f, size, s, strlen(s));
    pdfdoc_text(&d->pdf, f, size, x1 - w, y, s, strlen(s));
}

/* ------------------------------------------------------------ rich text */

/* Text without the "**" marks, with a bold flag per byte. */
struct lauftext {
    char *text;
    size_t len;              /* strlen(text) */
    unsigned char *fett;
    struct dokument *d;
    double size;
};

static void lauftext_init(struct lauftext *t, struct dokument *d, const char *src, double size)
{
    size_t n = strlen(src);
    t->text = xmalloc(n + 1);
    t->fett = xmalloc(n + 1);
    t->d = d;
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
    if ((uintptr_t)s - (uintptr_t)t->text > t->len)
        return pdfdoc_measure(&t->d->pdf, t->d->pdf.bold, t->size, s, len);
    size_t off = (size_t)(s - t->text), i = 0;
    double w = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && t->fett[off + j] == t->fett[off + i]) j++;
        w += pdfdoc_measure(&t->d->pdf, t->fett[off + i] ? t->d->pdf.bold : t->d->pdf.regular,
                            t->size, s + i, j - i);
        i = j;
    }
    return w;
}

static void lauftext_zeile(struct lauftext *t, const struct textwrap_line *ln, double x, double baseline)
{
    size_t i = 0;
    while (i < ln->len) {
        size_t j = i;
        while (j < ln->len && t->fett[ln->start + j] == t->fett[ln->start + i]) j++;
        HPDF_Font f = t->fett[ln->start + i] ? t->d->pdf.bold : t->d->pdf.regular;
        pdfdoc_text(&t->d->pdf, f, t->size, x, baseline, t->text + ln->start + i, j - i);
        x += pdfdoc_measure(&t->d->pdf, f, t->size, t->text + ln->start + i, j - i);
        i = j;
    }
    if (ln->hyphen && ln->len)       /* a word broken here, in the font of its last letter */
        pdfdoc_text(&t->d->pdf, t->fett[ln->start + ln->len - 1] ? t->d->pdf.bold : t->d->pdf.regular,
                    t->size, x, baseline, "-", 1);
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
static double grundlinie(double top, double size)
{
    return top - leading(size) * 0.5 - size * 0.35;
}

/* ------------------------------------------------------------ pages */

static void kopfzeile(struct pdfdoc *doc, void *ctx)
{
    struct dokument *d = ctx;
    if (doc->npages == 1) return;                       /* title page */
    const double y = doc->page_h - KOPF_ABSTAND, size = dokument_stil.fussnote;
    const double x0 = doc->margin_left, x1 = doc->page_w - doc->margin_right;
    double rechts = d->info->kommune ? pdfdoc_measure(doc, doc->regular, size, d->info->kommune,
                                                      strlen(d->info->kommune)) + 24 : 0;
    /* a chapter title too long for the line is cut at a character and gets „…“ */
    size_t n = strlen(d->kopf);
    const double platz = x1 - x0 - rechts, ell = pdfdoc_measure(doc, doc->regular, size, "\xE2\x80\xA6", 3);
    int gekuerzt = 0;
    while (n && pdfdoc_measure(doc, doc->regular, size, d->kopf, n) + (gekuerzt ? ell : 0) > platz) {
        do n--; while (n && ((unsigned char)d->kopf[n] & 0xC0) == 0x80);
        gekuerzt = 1;
    }
    grau(d, GRAU_LEISE);
    pdfdoc_text(doc, doc->regular, size, x0, y, d->kopf, n);
    if (gekuerzt) pdfdoc_text(doc, doc->regular, size, x0 + pdfdoc_measure(doc, doc->regular, size, d->kopf, n), y,
                              "\xE2\x80\xA6", 3);
    if (d->info->kommune) text_rechts(d, doc->regular, size, x1, y, d->info->kommune);
    grau(d, GRAU_TEXT);
    linie(d, x0, y - 6, x1, y - 6, 0.5, GRAU_LINIE);
}

static void neue_seite(struct dokument *d)
{
    pdfdoc_new_page(&d->pdf);
}

static void eintrag_neu(struct dokument *d, int ebene, const char *nummer, const char *titel)
{
    if (d->n_eintraege == d->cap_eintraege) {
        d->cap_eintraege = d->cap_eintraege ? d->cap_eintraege * 2 : 32;
        d->eintraege = xrealloc(d->eintraege, sizeof *d->eintraege * (size_t)d->cap_eintraege);
    }
    struct dokument_eintrag *e = &d->eintraege[d->n_eintraege++];
    e->ebene = ebene;
    snprintf(e->nummer, sizeof e->nummer, "%s", nummer);
    e->titel = xstrdup(titel);
    e->seite = d->pdf.npages - 1;
    e->y = d->pdf.y;
}

static void eintraege_free(struct dokument *d)
{
    for (int i = 0; i < d->n_eintraege; i++) free(d->eintraege[i].titel);
    free(d->eintraege);
    d->eintraege = NULL;
    d->n_eintraege = d->cap_eintraege = 0;
}

/* "<nummer> <titel>" for bookmarks and running headers */
static void nummer_titel(char *buf, size_t size, const char *nummer, const char *titel)
{
    snprintf(buf, size, "%s%s%s", nummer, *nummer ? " " : "", titel);
}

/* Wrapped lines of a one-font text in width w; returns the count. */
static int umbrechen(struct dokument *d, struct textwrap *w, HPDF_Font f, double size,
                     const char *text, double width)
{
    size_t n = strlen(text);
    struct lauftext t = { .text = (char *)text, .len = n, .d = d, .size = size };
    t.fett = xmalloc(n + 1);
    memset(t.fett, f == d->pdf.bold, n + 1);
    int lines = textwrap_break(w, text, width, lauftext_measure, &t);
    free(t.fett);
    return lines;
}

/* ------------------------------------------------------------ headings */

/* width of the number column of a section heading: at least 36 pt */
static double nummer_breite(struct dokument *d, const char *nummer, double size)
{
    double w = pdfdoc_measure(&d->pdf, d->pdf.bold, size, nummer, strlen(nummer)) + 9;
    return w > 36 ? w : 36;
}

static double ueberschrift_hoehe(struct dokument *d, int ebene, const char *titel, int mit_vor)
{
    const struct dokument_stil *s = &dokument_stil;
    double size = ebene == 2 ? s->h2 : s->h3;
    struct textwrap w = { 0 };
    double nummer_w = ebene == 2 ? nummer_breite(d, "00.00", size) : 0;
    int n = umbrechen(d, &w, d->pdf.bold, size, titel, breite(d) - nummer_w);
    textwrap_free(&w);
    return (mit_vor ? (ebene == 2 ? s->h2_vor : s->h3_vor) : 0) + n * size * 1.3 +
           (ebene == 2 ? s->h2_nach : s->h3_nach);
}

static double wartend_hoehe(struct dokument *d)
{
    double h = 0;
    for (int i = 0; i < d->n_wartend; i++)
        h += ueberschrift_hoehe(d, d->wartend[i].ebene, d->wartend[i].titel, i > 0 || !seite_frisch(d));
    return h;
}

static void ueberschrift_zeichnen(struct dokument *d, int ebene, const char *titel)
{
    const struct dokument_stil *s = &dokument_stil;
    double size = ebene == 2 ? s->h2 : s->h3;
    if (!seite_frisch(d)) d->pdf.y -= ebene == 2 ? s->h2_vor : s->h3_vor;
    char nummer[24] = "";
    double nummer_w = 0;
    if (ebene == 2) {
        d->abschnitt_nr++;
        const struct dokument_eintrag *k = NULL;
        for (int i = d->n_eintraege - 1; i >= 0 && !k; i--)
            if (d->eintraege[i].ebene == 1) k = &d->eintraege[i];
        const char *kn = k ? k->nummer : "";
        if (strncmp(kn, "Anhang ", 7) == 0) kn += 7;
        snprintf(nummer, sizeof nummer, "%.12s%s%d", kn, *kn ? "." : "", d->abschnitt_nr % 10000);
        nummer_w = nummer_breite(d, nummer, size);
        eintrag_neu(d, 2, nummer, titel);
        char bm[600];
        nummer_titel(bm, sizeof bm, nummer, titel);
        pdfdoc_outline(&d->pdf, d->outline_kapitel, bm);
    }
    struct textwrap w = { 0 };
    int n = umbrechen(d, &w, d->pdf.bold, size, titel, breite(d) - nummer_w);
    double lh = size * 1.3, x = d->pdf.margin_left;
    for (int i = 0; i < n; i++) {
        double base = d->pdf.y - lh * 0.5 - size * 0.35 - i * lh;
        if (i == 0 && *nummer) {
            grau(d, GRAU_LEISE);
            pdfdoc_text(&d->pdf, d->pdf.bold, size, x, base, nummer, strlen(nummer));
            grau(d, GRAU_TEXT);
        }
        zeile_zeichnen(&d->pdf, d->pdf.bold, size, x + nummer_w, base, titel, &w.lines[i]);
    }
    textwrap_free(&w);
    d->pdf.y -= n * lh + (ebene == 2 ? s->h2_nach : s->h3_nach);
}

void dokument_platz(struct dokument *d, double hoehe)
{
    if (!d->pdf.page) neue_seite(d);
    double need = wartend_hoehe(d) + hoehe;
    if (d->pdf.y - need < pdfdoc_bottom(&d->pdf) && !seite_frisch(d)) neue_seite(d);
    for (int i = 0; i < d->n_wartend; i++) {
        ueberschrift_zeichnen(d, d->wartend[i].ebene, d->wartend[i].titel);
        free(d->wartend[i].titel);
    }
    d->n_wartend = 0;
}

static void warten(struct dokument *d, int ebene, const char *titel)
{
    if (d->n_wartend == (int)(sizeof d->wartend / sizeof *d->wartend)) dokument_platz(d, 0);
    d->wartend[d->n_wartend].ebene = ebene;
    d->wartend[d->n_wartend].titel = xstrdup(titel);
    d->n_wartend++;
}

void dokument_abschnitt(struct dokument *d, const char *titel) { warten(d, 2, titel); }

void dokument_zwischentitel(struct dokument *d, const char *titel) { warten(d, 3, titel); }

void dokument_anhang(struct dokument *d)
{
    d->anhang = 1;
    d->kapitel_nr = 0;
}

void dokument_kapitel(struct dokument *d, const char *titel, int quer)
{
    const struct dokument_stil *s = &dokument_stil;
    dokument_platz(d, 0);                  /* headings still waiting end the last chapter */
    char nummer[24];
    d->kapitel_nr++;
    d->abschnitt_nr = 0;
    if (d->anhang) snprintf(nummer, sizeof nummer, "Anhang %c", 'A' + (d->kapitel_nr - 1) % 26);
    else snprintf(nummer, sizeof nummer, "%d", d->kapitel_nr);
    nummer_titel(d->kopf, sizeof d->kopf, nummer, titel);
    pdfdoc_set_direction(&d->pdf, quer ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    neue_seite(d);
    eintrag_neu(d, 1, nummer, titel);
    d->outline_kapitel = pdfdoc_outline(&d->pdf, NULL, d->kopf);

    /* number (grey), title (bold), rule */
    double x = d->pdf.margin_left;
    grau(d, GRAU_LEISE);
    pdfdoc_text(&d->pdf, d->pdf.regular, s->h1 * 0.8, x, d->pdf.y - s->h1 * 0.8, nummer, strlen(nummer));
    grau(d, GRAU_TEXT);
    d->pdf.y -= s->h1 * 0.8 + 10;
    struct textwrap w = { 0 };
    int n = umbrechen(d, &w, d->pdf.bold, s->h1, titel, breite(d));
    double lh = s->h1 * 1.25;
    for (int i = 0; i < n; i++)
        zeile_zeichnen(&d->pdf, d->pdf.bold, s->h1, x, d->pdf.y - s->h1 * 0.93 - i * lh, titel, &w.lines[i]);
    textwrap_free(&w);
    d->pdf.y -= n * lh + 8;
    linie(d, x, d->pdf.y, x + breite(d), d->pdf.y, 0.75, GRAU_LINIE);
    d->pdf.y -= 20;
}

/* ------------------------------------------------------------ text blocks */

/* Draw wrapped rich text at indent, breaking pages with ≥ 2 lines on each side. */
static void textblock(struct dokument *d, const char *text, double size, double indent,
                      const char *marke, double nach, double g)
{
    struct lauftext t;
    lauftext_init(&t, d, text, size);
    struct textwrap w = { 0 };
    int n = textwrap_break(&w, t.text, breite(d) - indent, lauftext_measure, &t);
    double lh = leading(size);
    dokument_platz(d, (n <= 3 ? n : 2) * lh);      /* 3 lines cannot be split 2 + 2 */
    int i = 0;
    while (i < n) {
        int fit = (int)floor((d->pdf.y - pdfdoc_bottom(&d->pdf) + 0.01) / lh);
        int rest = n - i, take = fit >= rest ? rest : fit;
        if (take < rest && rest - take < 2) take = rest - 2;     /* no widow */
        if (i == 0 && take < rest && take < 2) take = 0;         /* no orphan */
        if (take <= 0) {
            if (seite_frisch(d)) take = fit > 0 ? fit : 1;       /* taller than a page */
            else { neue_seite(d); continue; }
        }
        for (int k = 0; k < take; k++) {
            double base = grundlinie(d->pdf.y, size);
            if (i + k == 0 && marke) {
                grau(d, GRAU_LEISE);
                pdfdoc_text(&d->pdf, d->pdf.regular, size, d->pdf.margin_left + 3, base, marke, strlen(marke));
            }
            grau(d, g);
            lauftext_zeile(&t, &w.lines[i + k], d->pdf.margin_left + indent, base);
            d->pdf.y -= lh;
        }
        i += take;
        if (i < n) neue_seite(d);
    }
    grau(d, GRAU_TEXT);
    d->pdf.y -= nach;
    textwrap_free(&w);
    lauftext_free(&t);
}

void dokument_absatz(struct dokument *d, const char *text)
{
    textblock(d, text, dokument_stil.text, 0, NULL, dokument_stil.absatz_nach, GRAU_TEXT);
}

void dokument_punkt(struct dokument *d, const char *text)
{
    textblock(d, text, dokument_stil.text, EINZUG_PUNKT, "\xE2\x80\xA2", 3, GRAU_TEXT);
}

void dokument_anmerkung(struct dokument *d, const char *text)
{
    textblock(d, text, dokument_stil.fussnote, 0, NULL, dokument_stil.absatz_nach, GRAU_LEISE);
}

void dokument_hervorhebung(struct dokument *d, const char *label, const char *text)
{
    const double pad = 10, bar = 3, size = dokument_stil.text + 0.5, lh = leading(size);
    const double label_h = label ? dokument_stil.fussnote * 1.6 : 0;
    struct lauftext t;
    lauftext_init(&t, d, text, size);
    struct textwrap w = { 0 };
    int n = textwrap_break(&w, t.text, breite(d) - 2 * pad - bar, lauftext_measure, &t);
    double h = 2 * pad + label_h + n * lh;
    double room = d->pdf.page_h - d->pdf.margin_top - pdfdoc_bottom(&d->pdf);
    if (h > room) {                           /* taller than a page: as a paragraph */
        textwrap_free(&w);
        lauftext_free(&t);
        if (label) dokument_zwischentitel(d, label);
        dokument_absatz(d, text);
        return;
    }
    dokument_platz(d, h);
    HPDF_Page p = d->pdf.page;
    double x = d->pdf.margin_left, top = d->pdf.y;
    HPDF_Page_SetGrayFill(p, GRAU_FLAECHE);
    HPDF_Page_Rectangle(p, (HPDF_REAL)x, (HPDF_REAL)(top - h), (HPDF_REAL)breite(d), (HPDF_REAL)h);
    HPDF_Page_Fill(p);
    HPDF_Page_SetGrayFill(p, GRAU_LEISE);
    HPDF_Page_Rectangle(p, (HPDF_REAL)x, (HPDF_REAL)(top - h), (HPDF_REAL)bar, (HPDF_REAL)h);
    HPDF_Page_Fill(p);
    double y = top - pad;
    if (label) {
        pdfdoc_text(&d->pdf, d->pdf.bold, dokument_stil.fussnote, x + bar + pad,
                    y - dokument_stil.fussnote, label, strlen(label));
        y -= label_h;
    }
    HPDF_Page_SetGrayFill(p, 0);
    for (int i = 0; i < n; i++, y -= lh) lauftext_zeile(&t, &w.lines[i], x + bar + pad, grundlinie(y, size));
    d->pdf.y = top - h - dokument_stil.absatz_nach - 4;
    textwrap_free(&w);
    lauftext_free(&t);
}

void dokument_abstand(struct dokument *d, double pt)
{
    if (d->pdf.page && !seite_frisch(d)) d->pdf.y -= pt;
}

void dokument_prosa(struct dokument *d, const struct vorlage_prosa *p)
{
    for (int i = 0; p && i < p->anzahl; i++) {
        const struct vorlage_block *b = &p->bloecke[i];
        switch (b->art) {
        case VORLAGE_ABSATZ: dokument_absatz(d, b->text); break;
        case VORLAGE_ABSCHNITT: dokument_abschnitt(d, b->text); break;
        case VORLAGE_ZWISCHENTITEL: dokument_zwischentitel(d, b->text); break;
        case VORLAGE_PUNKT:
            dokument_punkt(d, b->text);
            if (i + 1 == p->anzahl || p->bloecke[i + 1].art != VORLAGE_PUNKT)
                dokument_abstand(d, dokument_stil.absatz_nach - 3 + 2);
            break;
        case VORLAGE_HERVORHEBUNG: dokument_hervorhebung(d, NULL, b->text); break;
        }
    }
}

/* ------------------------------------------------------------ hooks */

void dokument_tabelle_beginnen(struct dokument *d, struct pdftable *t,
                               const struct pdftable_column *cols, int ncols,
                               const char *const *erste_zeile)
{
    dokument_tabelle_beginnen_mit(d, t, cols, ncols, erste_zeile, NULL, 0);
}

void dokument_tabelle_beginnen_mit(struct dokument *d, struct pdftable *t,
                                   const struct pdftable_column *cols, int ncols,
                                   const char *const *erste_zeile, const char *const *zeilen, int nzeilen)
{
    if (!d->pdf.page) neue_seite(d);
    pdftable_init(t, &d->pdf, cols, ncols, dokument_stil.tabelle);
    for (int i = 0; i < nzeilen; i++) pdftable_fit_row(t, zeilen + (size_t)i * (size_t)ncols);
    if (erste_zeile) pdftable_fit_row(t, erste_zeile);
    const char *leer[PDFTABLE_MAX_COLUMNS] = { 0 };
    dokument_platz(d, pdftable_start_height(t, erste_zeile ? erste_zeile : leer));
    pdftable_header(t);
}

void dokument_tabelle_beenden(struct dokument *d, struct pdftable *t)
{
    pdftable_end(t);
    pdftable_free(t);
    d->pdf.y -= 12;
    if (d->pdf.y < pdfdoc_bottom(&d->pdf)) d->pdf.y = pdfdoc_bottom(&d->pdf);
}

int dokument_diagramm(struct dokument *d, const struct pdfchart *c)
{
    if (!d->pdf.page) neue_seite(d);
    double h = pdfchart_height(&d->pdf, c);
    if (h < 0) return pdfchart_draw(&d->pdf, c);   /* reports the problem */
    double room = d->pdf.page_h - d->pdf.margin_top - pdfdoc_bottom(&d->pdf);
    dokument_platz(d, h < room ? h : room);
    return pdfchart_draw(&d->pdf, c);
}

void dokument_fehler(struct dokument *d) { d->fehler = 1; }

/* ------------------------------------------------------------ title page */

static int titelseite(struct dokument *d)
{
    const struct dokument_info *in = d->info;
    struct pdfdoc *doc = &d->pdf;
    pdfdoc_set_direction(doc, HPDF_PAGE_PORTRAIT);
    neue_seite(d);
    const double x = doc->margin_left, w = breite(d), x1 = x + w;
    double y = doc->page_h - 96;
    if (in->kommune) {
        grau(d, GRAU_LEISE);
        pdfdoc_text(doc, doc->bold, 12, x, y, in->kommune, strlen(in->kommune));
        grau(d, GRAU_TEXT);
    }
    if (in->logo) {
        HPDF_Image img = pdfdoc_image_load(doc, in->logo);     /* PNG alpha put onto white (PDF/A) */
        if (!img) return -1;
        double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
        double hgt = 56, wid = iw * hgt / ih;
        if (wid > 160) { wid = 160; hgt = ih * wid / iw; }
        HPDF_Page_DrawImage(doc->page, img, (HPDF_REAL)(x1 - wid), (HPDF_REAL)(y - 8),
                            (HPDF_REAL)wid, (HPDF_REAL)hgt);
    }
    linie(d, x, y - 14, x1, y - 14, 0.75, GRAU_LINIE);

    /* title block in the upper third: a dark bar, the title, the subtitle */
    y = doc->page_h * 0.62;
    HPDF_Page_SetGrayFill(doc->page, 0.2);
    HPDF_Page_Rectangle(doc->page, (HPDF_REAL)x, (HPDF_REAL)(y + 14), 56, 4);
    HPDF_Page_Fill(doc->page);
    HPDF_Page_SetGrayFill(doc->page, 0);
    struct textwrap tw = { 0 };
    const struct dokument_stil *s = &dokument_stil;
    int n = umbrechen(d, &tw, doc->bold, s->titel, in->titel, w);
    for (int i = 0; i < n; i++, y -= s->titel * 1.2)
        zeile_zeichnen(doc, doc->bold, s->titel, x, y - s->titel * 0.93, in->titel, &tw.lines[i]);
    y -= 12;
    if (in->untertitel) {
        n = umbrechen(d, &tw, doc->regular, s->untertitel, in->untertitel, w);
        grau(d, 0.25);
        for (int i = 0; i < n; i++, y -= s->untertitel * 1.3)
            zeile_zeichnen(doc, doc->regular, s->untertitel, x, y - s->untertitel * 0.93, in->untertitel,
                           &tw.lines[i]);
        grau(d, GRAU_TEXT);
    }
    if (in->gremium) {
        char buf[512];
        snprintf(buf, sizeof buf, "Vorlage für: %s", in->gremium);
        y -= 22;
        n = umbrechen(d, &tw, doc->bold, 11, buf, w);
        linie(d, x, y, x1, y, 0.5, GRAU_LINIE);
        y -= 8;
        for (int i = 0; i < n; i++, y -= 11 * 1.35)
            zeile_zeichnen(doc, doc->bold, 11, x, y - 11 * 0.93, buf, &tw.lines[i]);
        y -= 8;
        linie(d, x, y, x1, y, 0.5, GRAU_LINIE);
    }

    /* publisher and date at the bottom */
    y = doc->margin_bottom + 30;
    grau(d, GRAU_LEISE);
    if (in->stand) pdfdoc_text(doc, doc->regular, 9, x, y, in->stand, strlen(in->stand));
    if (in->herausgeber) {
        n = umbrechen(d, &tw, doc->regular, 9, in->herausgeber, w);
        double yy = y + 16 + (n - 1) * 12;
        pdfdoc_text(doc, doc->bold, 9, x, yy + 14, "Herausgeber", 11);
        for (int i = 0; i < n; i++, yy -= 12)
            zeile_zeichnen(doc, doc->regular, 9, x, yy, in->herausgeber, &tw.lines[i]);
    }
    grau(d, GRAU_TEXT);
    textwrap_free(&tw);
    return 0;
}

/* ------------------------------------------------------------ table of contents */

#define TOC_SEITENZAHL 48.0      /* right of the titles: the page number and at least a few leader dots */

/* the number as the table of contents shows it: appendices under a label
   „Anhang“ as "A", "B", … */
static const char *toc_nummer(const struct dokument_eintrag *e)
{
    return strncmp(e->nummer, "Anhang ", 7) == 0 ? e->nummer + 7 : e->nummer;
}

/*
 * Lay out the table of contents of d's entries with their page numbers
 * shifted by `verschiebung` pages; draw it on the reserved pages (and link
 * the entries) when zeichnen.  Returns the pages it needs.
 */
static int inhalt_setzen(struct dokument *d, int verschiebung, int zeichnen)
{
    struct pdfdoc *doc = &d->pdf;
    const struct dokument_stil *s = &dokument_stil;
    const double size1 = 10.5, size2 = 10, lh1 = size1 * 1.35, lh2 = size2 * 1.35;
    int seite = 0;
    if (zeichnen) pdfdoc_select_page(doc, 1);
    const double x0 = doc->margin_left, x1 = 595.28 - doc->margin_right;
    const double top = 841.89 - doc->margin_top, bottom = doc->margin_bottom;
    double y = top - s->h1 * 0.8 - 10 - s->h1 * 1.25 - 8 - 20;    /* below the heading, as a chapter */

    /* number columns as wide as the widest number */
    double nw1 = 0, nw2 = 0;
    for (int i = 0; i < d->n_eintraege; i++) {
        const struct dokument_eintrag *e = &d->eintraege[i];
        const char *nr = toc_nummer(e);
        double wd = pdfdoc_measure(doc, e->ebene == 1 ? doc->bold : doc->regular,
                                   e->ebene == 1 ? size1 : size2, nr, strlen(nr));
        if (e->ebene == 1 && wd > nw1) nw1 = wd;
        if (e->ebene == 2 && wd > nw2) nw2 = wd;
    }
    nw1 += 12;
    nw2 += 10;
    if (zeichnen) {
        pdfdoc_text(doc, doc->bold, s->h1, x0, top - s->h1 * 0.8 - 10 - s->h1 * 0.93, "Inhalt", 6);
        double ry = top - s->h1 * 0.8 - 10 - s->h1 * 1.25 - 8;
        linie(d, x0, ry, x1, ry, 0.75, GRAU_LINIE);
    }
    struct textwrap w = { 0 };
    char zahl[16];
    int anhang_gesehen = 0;
    for (int i = 0; i < d->n_eintraege; i++) {
        const struct dokument_eintrag *e = &d->eintraege[i];
        int h1 = e->ebene == 1;
        double size = h1 ? size1 : size2, lh = h1 ? lh1 : lh2;
        HPDF_Font f = h1 ? doc->bold : doc->regular;
        double tx = x0 + (h1 ? nw1 : nw1 + nw2), nx = h1 ? x0 : x0 + nw1;
        int n = umbrechen(d, &w, f, size, e->titel, x1 - TOC_SEITENZAHL - tx);
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
        if (label && zeichnen && seite < d->inhalt_seiten)
            pdfdoc_text(doc, doc->bold, size1, x0, grundlinie(y - vor + lh1, size1), "Anhang", 6);
        y -= vor;
        if (zeichnen && seite < d->inhalt_seiten) {
            double entry_top = y;
            int ziel = e->seite + verschiebung;
            int zn = snprintf(zahl, sizeof zahl, "%d", ziel + 1);
            const char *nr = toc_nummer(e);
            pdfdoc_text(doc, f, size, nx, grundlinie(y, size) + size * 0.05, nr, strlen(nr));
            double last_end = tx;
            for (int k = 0; k < n; k++) {
                double base = grundlinie(y - k * lh, size) + size * 0.05;
                last_end = zeile_zeichnen(doc, f, size, tx, base, e->titel, &w.lines[k]);
            }
            double base = grundlinie(y - (n - 1) * lh, size) + size * 0.05;
            double zw = pdfdoc_measure(doc, f, size, zahl, (size_t)zn);
            pdfdoc_text(doc, f, size, x1 - zw, base, zahl, (size_t)zn);
            /* dot leaders between the title and the number */
            double dot = pdfdoc_measure(doc, doc->regular, size, ".", 1), gap = 3.2;
            double dx = ceil((last_end + 6) / gap) * gap;
            grau(d, GRAU_LINIE);
            char dots[512];
            size_t nd = 0;
            for (double xx = dx; xx + dot < x1 - zw - 5 && nd + 1 < sizeof dots; xx += gap) dots[nd++] = '.';
            dots[nd] = '\0';
            if (nd) {
                /* one text object with character spacing instead of one per dot */
                HPDF_Page_BeginText(doc->page);
                HPDF_Page_SetFontAndSize(doc->page, doc->regular, (HPDF_REAL)size);
                HPDF_Page_SetCharSpace(doc->page, (HPDF_REAL)(gap - dot));
                HPDF_Page_TextOut(doc->page, (HPDF_REAL)dx, (HPDF_REAL)base, dots);
                HPDF_Page_SetCharSpace(doc->page, 0);
                HPDF_Page_EndText(doc->page);
            }
            grau(d, GRAU_TEXT);
            char wohin[640];
            snprintf(wohin, sizeof wohin, "Gehe zu Seite %d: %s%s%s", ziel + 1, nr, *nr ? " " : "", e->titel);
            pdfdoc_link(doc, x0, entry_top - n * lh, x1, entry_top, ziel, e->y + 18, wohin);
        }
        y -= n * lh;
    }
    textwrap_free(&w);
    return seite + 1;
}

/* ------------------------------------------------------------ passes */

static int durchgang(struct dokument *d, dokument_inhalt_fn inhalt, void *ctx)
{
    const struct dokument_info *in = d->info;
    if (pdfdoc_open(&d->pdf, in->schrift_regular, in->schrift_fett, HPDF_PAGE_PORTRAIT) != 0) return -1;
    struct pdfdoc *doc = &d->pdf;
    doc->margin_left = RAND_LINKS;
    doc->margin_right = RAND_RECHTS;
    doc->margin_top = RAND_OBEN;
    doc->margin_bottom = RAND_UNTEN;
    doc->on_new_page = kopfzeile;
    doc->on_new_page_ctx = d;
    doc->footer_from = 1;
    HPDF_SetPageMode(doc->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    if (titelseite(d) != 0) return -1;
    snprintf(d->kopf, sizeof d->kopf, "Inhalt");
    for (int i = 0; i < d->inhalt_seiten; i++) {
        neue_seite(d);
        if (i == 0) pdfdoc_outline(doc, NULL, "Inhalt");
    }
    d->kapitel_nr = d->abschnitt_nr = d->anhang = 0;
    d->outline_kapitel = NULL;
    if (inhalt(d, ctx) != 0 || d->fehler) return -1;
    dokument_platz(d, 0);
    return 0;
}

/* The table of contents needs `mehr` pages more than were reserved: insert
 * them after the reserved ones, so the laid-out content moves back by `mehr`
 * pages and every entry's page with it, instead of a second layout pass
 * (which doubled the time of a long report).  0, or -1 when libharu refuses. */
static int inhalt_erweitern(struct dokument *d, int mehr)
{
    struct pdfdoc *doc = &d->pdf;
    char kopf[sizeof d->kopf];
    memcpy(kopf, d->kopf, sizeof kopf);
    HPDF_PageDirection richtung = doc->direction;
    HPDF_Page seite = doc->page;
    double y = doc->y;
    snprintf(d->kopf, sizeof d->kopf, "Inhalt");
    doc->direction = HPDF_PAGE_PORTRAIT;
    const int erste_inhalt = 1 + d->inhalt_seiten;       /* first page after the reservation */
    int rc = 0, neu = 0;
    for (; neu < mehr; neu++)
        if (!pdfdoc_insert_page(doc, erste_inhalt)) { rc = -1; break; }
    d->inhalt_seiten += neu;
    for (int i = 0; i < d->n_eintraege; i++)
        if (d->eintraege[i].seite >= erste_inhalt) d->eintraege[i].seite += neu;
    memcpy(d->kopf, kopf, sizeof kopf);
    doc->direction = richtung;
    doc->page = seite;
    doc->page_w = HPDF_Page_GetWidth(seite);
    doc->page_h = HPDF_Page_GetHeight(seite);
    doc->y = y;
    return rc;
}

static void durchgang_ende(struct dokument *d)
{
    for (int i = 0; i < d->n_wartend; i++) free(d->wartend[i].titel);
    d->n_wartend = 0;
    eintraege_free(d);
    pdfdoc_close(&d->pdf);
}

int dokument_schreiben(const struct dokument_info *info, dokument_inhalt_fn inhalt, void *ctx,
                       const char *pfad, struct dokument_ergebnis *erg)
{
    struct dokument d;
    memset(&d, 0, sizeof d);
    d.info = info;
    d.inhalt_seiten = 1;
    int rc = -1;
    for (d.durchgang = 1; d.durchgang <= MAX_DURCHGAENGE; d.durchgang++) {
        if (durchgang(&d, inhalt, ctx) != 0) break;
        int need = inhalt_setzen(&d, 0, 0);
        while (need > d.inhalt_seiten && inhalt_erweitern(&d, need - d.inhalt_seiten) == 0)
            need = inhalt_setzen(&d, 0, 0);       /* the numbers moved: does it still fit? */
        if (need != d.inhalt_seiten) {
            /* fewer pages than reserved (or no room to insert): lay out again */
            d.inhalt_seiten = need;
            durchgang_ende(&d);
            continue;
        }
        pdfdoc_set_info(&d.pdf, info->titel, info->autor ? info->autor : info->kommune,
                        info->thema ? info->thema : info->untertitel, info->stichwoerter, report_time());
        if (info->pdfa && pdfdoc_pdfa(&d.pdf, info->icc_profil) != 0) break;   /* before the links */
        inhalt_setzen(&d, 0, 1);
        pdfdoc_footers(&d.pdf, info->stand, info->kurztitel ? info->kurztitel : info->titel);
        if (pdfdoc_save(&d.pdf, pfad) != 0) break;
        if (erg) {
            erg->seiten = d.pdf.npages;
            erg->durchgaenge = d.durchgang;
            erg->inhalt_seiten = d.inhalt_seiten;
        }
        rc = 0;
        break;
    }
    if (d.durchgang > MAX_DURCHGAENGE)
        diag_error("%s: das Inhaltsverzeichnis kommt nach %d Durchgängen zu keiner festen Seitenzahl",
                   pfad, MAX_DURCHGAENGE);
    durchgang_ende(&d);
    return rc;
}

/* ------------------------------------------------------------ templates */

struct vorlage_lauf {
    const struct vorlage *v;
    const struct vorlage_ausgabe *a;
    dokument_kapitel_fn fuellen;
    void *ctx;
};

static int vorlage_inhalt(struct dokument *d, void *p)
{
    struct vorlage_lauf *r = p;
    for (int i = 0; i < r->v->n_kapitel; i++) {
        const struct vorlage_kapitel *k = &r->v->kapitel[i];
        if (!vorlage_kapitel_in(r->a, i)) continue;
        if (k->anhang && !d->anhang) dokument_anhang(d);
        dokument_kapitel(d, k->titel, k->quer);
        const struct vorlage_prosa *leitsatz = k->prosa[VORLAGE_LEITSATZ];
        for (int b = 0; leitsatz && b < leitsatz->anzahl; b++)
            if (leitsatz->bloecke[b].art == VORLAGE_ABSATZ || leitsatz->bloecke[b].art == VORLAGE_HERVORHEBUNG)
                dokument_hervorhebung(d, b == 0 ? "Leitsatz" : NULL, leitsatz->bloecke[b].text);
        dokument_prosa(d, k->prosa[VORLAGE_BESCHREIBUNG]);
        if (k->prosa[VORLAGE_LEITGRUNDSAETZE]) {
            dokument_abschnitt(d, "Leitgrundsätze");
            dokument_prosa(d, k->prosa[VORLAGE_LEITGRUNDSAETZE]);
        }
        if (k->prosa[VORLAGE_ZIELE]) {
            dokument_abschnitt(d, "Übergeordnete Ziele");
            dokument_prosa(d, k->prosa[VORLAGE_ZIELE]);
        }
        dokument_prosa(d, k->prosa[VORLAGE_TEXT]);
        if (r->fuellen && r->fuellen(d, r->v, k, r->a, r->ctx) != 0) return -1;
    }
    return 0;
}

int dokument_vorlage(const struct vorlage *v, const struct vorlage_ausgabe *a,
                     const char *schrift_regular, const char *schrift_fett, const char *stand,
                     dokument_kapitel_fn fuellen, void *ctx, const char *pfad,
                     struct dokument_ergebnis *erg)
{
    char stand_buf[128];
    if (!stand) stand = format_stand(stand_buf, sizeof stand_buf, umsetzung_stichtag(v->stand, report_time()));
    struct dokument_info info = {
        .titel = a ? a->titel : v->titel,
        .untertitel = a && a->untertitel ? a->untertitel : v->untertitel,
        .kommune = v->kommune,
        .herausgeber = v->herausgeber,
        .stand = stand,
        .gremium = a ? a->gremium : NULL,
        .logo = v->logo,
        .kurztitel = v->kurztitel,
        .autor = v->autor,
        .thema = v->thema ? v->thema : v->untertitel,
        .stichwoerter = v->stichwoerter,
        .schrift_regular = schrift_regular,
        .schrift_fett = schrift_fett,
        .pdfa = v->pdfa,
        .icc_profil = v->icc_profil,
    };
    struct vorlage_lauf r = { v, a, fuellen, ctx };
    return dokument_schreiben(&info, vorlage_inhalt, &r, pfad, erg);
}
