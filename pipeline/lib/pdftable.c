/*
 * pdftable.c — wrapped, paginated tables (see pdftable.h).
 *
 * Coordinates are PDF points from the bottom-left corner; the document's
 * cursor (doc->y) is the top of the free space.  A row is drawn as one or
 * more "bands": a band is a run of wrapped lines of every cell with its
 * top rules (left out for merged cells).  The verticals and the bottom rule
 * are drawn once per page, where the table stops on it.
 */
#include "pdftable.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>

struct measure_ctx {
    struct pdfdoc *doc;
    HPDF_Font font;
    double size;
};

static double measure(const char *s, size_t len, void *p)
{
    struct measure_ctx *m = p;
    return pdfdoc_measure(m->doc, m->font, m->size, s, len);
}

static double cell_width(const struct pdftable *t, int i)
{
    return t->x[i + 1] - t->x[i] - 2 * t->pad;
}

static double height_for(const struct pdftable *t, int lines)
{
    return lines * t->leading + 2 * t->pad;
}

/* Wrap texts into wraps[]; returns the largest line count (at least 1). */
static int wrap_all(struct pdftable *t, struct textwrap *wraps, HPDF_Font font,
                    const char *const *texts)
{
    struct measure_ctx m = { t->doc, font, t->font_size };
    int most = 1;
    for (int i = 0; i < t->ncols; i++) {
        int n = textwrap_break(&wraps[i], texts[i], cell_width(t, i), measure, &m);
        if (n > most) most = n;
    }
    return most;
}

void pdftable_init(struct pdftable *t, struct pdfdoc *doc, const struct pdftable_column *cols,
                   int ncols, double font_size)
{
    memset(t, 0, sizeof *t);
    t->doc = doc;
    t->cols = cols;
    t->ncols = ncols > PDFTABLE_MAX_COLUMNS ? PDFTABLE_MAX_COLUMNS : ncols;
    t->font_size = font_size;
    t->leading = font_size * 1.22;
    t->pad = 3.5;
    t->ascent = font_size * 0.93;          /* DejaVu/Liberation ascender ≈ 0.9–0.93 em */
    double w = pdfdoc_content_width(doc), x = doc->margin_left;
    for (int i = 0; i < t->ncols; i++) {
        t->x[i] = x;
        x += w * cols[i].anteil;
    }
    t->x[t->ncols] = doc->margin_left + w;
    const char *head[PDFTABLE_MAX_COLUMNS];
    for (int i = 0; i < t->ncols; i++) head[i] = cols[i].titel;
    t->head_lines = wrap_all(t, t->head_wrap, doc->bold, head);
}

void pdftable_free(struct pdftable *t)
{
    for (int i = 0; i < PDFTABLE_MAX_COLUMNS; i++) {
        textwrap_free(&t->wrap[i]);
        textwrap_free(&t->head_wrap[i]);
    }
}

static void hline(HPDF_Page page, double x0, double x1, double y)
{
    HPDF_Page_MoveTo(page, (HPDF_REAL)x0, (HPDF_REAL)y);
    HPDF_Page_LineTo(page, (HPDF_REAL)x1, (HPDF_REAL)y);
}

static void set_rule_style(HPDF_Page page)
{
    HPDF_Page_SetLineWidth(page, 0.5);
    HPDF_Page_SetGrayStroke(page, 0.35);
}

/* Finish the part of the table on this page: the verticals of all rows in
 * one go, and the bottom rule. */
static void close_page_part(struct pdftable *t)
{
    if (t->last_bottom > 0) {
        HPDF_Page page = t->doc->page;
        set_rule_style(page);
        for (int i = 0; i <= t->ncols; i++) {
            HPDF_Page_MoveTo(page, (HPDF_REAL)t->x[i], (HPDF_REAL)t->part_top);
            HPDF_Page_LineTo(page, (HPDF_REAL)t->x[i], (HPDF_REAL)t->last_bottom);
        }
        hline(page, t->x[0], t->x[t->ncols], t->last_bottom);
        HPDF_Page_Stroke(page);
        t->last_bottom = 0;
    }
}

/* Draw lines [first, first+count) of the wrapped cells as a band of height h. */
static void draw_band(struct pdftable *t, const struct textwrap *wraps, const char *const *src,
                      HPDF_Font font, const int *merged, int first, int count, double h, int fill)
{
    struct pdfdoc *doc = t->doc;
    HPDF_Page page = doc->page;
    double top = doc->y, bottom = doc->y - h;
    if (fill || t->row_fill) {
        if (fill) HPDF_Page_SetGrayFill(page, 0.88);
        else HPDF_Page_SetRGBFill(page, (HPDF_REAL)((t->row_fill >> 16) & 0xFF) / 255,
                                  (HPDF_REAL)((t->row_fill >> 8) & 0xFF) / 255, (HPDF_REAL)(t->row_fill & 0xFF) / 255);
        HPDF_Page_Rectangle(page, (HPDF_REAL)t->x[0], (HPDF_REAL)bottom,
                            (HPDF_REAL)(t->x[t->ncols] - t->x[0]), (HPDF_REAL)h);
        HPDF_Page_Fill(page);
        HPDF_Page_SetGrayFill(page, 0);
    }
    if (t->last_bottom <= 0) t->part_top = top;
    set_rule_style(page);
    /* the rule above the band, one segment per run of unmerged columns */
    for (int i = 0; i < t->ncols; i++) {
        if (merged && merged[i]) continue;
        int j = i;
        while (j + 1 < t->ncols && !(merged && merged[j + 1])) j++;
        hline(page, t->x[i], t->x[j + 1], top);
        i = j;
    }
    HPDF_Page_Stroke(page);

    pdfdoc_text_begin(doc, font, t->font_size);
    for (int i = 0; i < t->ncols; i++) {
        const struct textwrap *w = &wraps[i];
        for (int k = first; k < first + count && k < w->count; k++) {
            const struct textwrap_line *ln = &w->lines[k];
            if (!ln->len) continue;
            double y = top - t->pad - t->ascent - (k - first) * t->leading;
            pdfdoc_text_show(doc, t->x[i] + t->pad, y, src[i] + ln->start, ln->len);
        }
    }
    pdfdoc_text_end(doc);
    doc->y = bottom;
    t->last_bottom = bottom;
}

void pdftable_header(struct pdftable *t)
{
    const char *head[PDFTABLE_MAX_COLUMNS];
    for (int i = 0; i < t->ncols; i++) head[i] = t->cols[i].titel;
    draw_band(t, t->head_wrap, head, t->doc->bold, NULL, 0, t->head_lines,
              height_for(t, t->head_lines), 1);
    t->rows_on_page = 0;
}

double pdftable_start_height(struct pdftable *t, const char *const *cells)
{
    const char *texts[PDFTABLE_MAX_COLUMNS];
    for (int i = 0; i < t->ncols; i++) texts[i] = cells[i] ? cells[i] : "";
    int rl = wrap_all(t, t->wrap, t->doc->regular, texts);
    /* as pdftable_row places it: whole, unless it is taller than a page (then split,
       with at least three lines here) */
    struct pdfdoc *doc = t->doc;
    double page_room = doc->page_h - doc->margin_top - height_for(t, t->head_lines) - pdfdoc_bottom(doc);
    double row = height_for(t, rl);
    return height_for(t, t->head_lines) + (row <= page_room ? row : height_for(t, 3));
}

static void next_page(struct pdftable *t)
{
    close_page_part(t);
    pdfdoc_new_page(t->doc);
    pdftable_header(t);
}

/* Wrap the row; repeated cells are empty unless show_repeated.  Fills merged[]. */
static int wrap_row(struct pdftable *t, const char *const *cells, const int *repeat,
                    int show_repeated, int *merged)
{
    for (int i = 0; i < t->ncols; i++) {
        int rep = repeat && repeat[i] && !show_repeated;
        t->wrap_src[i] = rep || !cells[i] ? "" : cells[i];
        merged[i] = rep;
    }
    return wrap_all(t, t->wrap, t->doc->regular, t->wrap_src);
}

void pdftable_row(struct pdftable *t, const char *const *cells, const int *repeat)
{
    struct pdfdoc *doc = t->doc;
    const double bottom = pdfdoc_bottom(doc);
    const double page_room = doc->page_h - doc->margin_top - height_for(t, t->head_lines) - bottom;
    int merged[PDFTABLE_MAX_COLUMNS];

    int lines = wrap_row(t, cells, repeat, t->rows_on_page == 0, merged);
    double h = height_for(t, lines);
    if (doc->y - h < bottom && (h <= page_room || doc->y - bottom < height_for(t, 3))) {
        /* move the row to a fresh page, where repeated cells show their text again */
        next_page(t);
        lines = wrap_row(t, cells, repeat, 1, merged);
        h = height_for(t, lines);
    }
    if (doc->y - h >= bottom) {
        draw_band(t, t->wrap, t->wrap_src, doc->regular, merged, 0, lines, h, 0);
        t->rows_on_page++;
        return;
    }
    /* taller than a page: fill this page, continue below the repeated header */
    int first = 0;
    while (first < lines) {
        int fit = (int)((doc->y - bottom - 2 * t->pad) / t->leading);
        if (fit < 1) { next_page(t); continue; }
        if (fit > lines - first) fit = lines - first;
        draw_band(t, t->wrap, t->wrap_src, doc->regular, first ? NULL : merged, first, fit,
                  height_for(t, fit), 0);
        t->rows_on_page++;
        first += fit;
        if (first < lines) next_page(t);
    }
}

void pdftable_end(struct pdftable *t)
{
    close_page_part(t);
}
