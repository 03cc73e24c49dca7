/*
 * pdftable.c — wrapped, paginated tables (see pdftable.h).
 *
 * Coordinates are PDF points from the bottom-left corner; the document's
 * cursor (doc->y) is the top of the free space.  A row is drawn as one or
 * more "bands": a band is a run of wrapped lines of every cell with its
 * top rules (left out for merged cells).  The verticals and the bottom rule
 * are drawn once per page, where the table stops on it.
 *
 * Column widths are fitted to the widest words before the header is drawn
 * (fit_columns, rule in pdftable.h): O(columns) arithmetic on widths
 * measured once per header and per pdftable_fit_row; the rows drawn later
 * cost nothing extra.  A line that textwrap broke inside a word gets its
 * hyphen drawn right after it.  Numbers are not wrapped at all (one line,
 * narrowed with Tz when too wide).
 *
 * Tags: every cell of a row gets its TD (or, merged, its place in the
 * /RowSpan of the TD above) when the row starts; each band then resumes the
 * cell's TD for its lines (pdfdoc_tag_resume), so a cell continued on the
 * next page is still one element.
 */
#include "pdftable.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEEP_SHARE 0.6     /* a donor column keeps at least this share of its width */
#define HEAD_STEP 0.5      /* header font shrinks in these steps, points */
#define FIT_EPS 0.01       /* room added to a need against rounding, points */

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

static double head_height(const struct pdftable *t)
{
    return t->head_lines * t->head_leading + 2 * t->pad;
}

int pdftable_is_number(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (*p == '+' || *p == '-') p++;
    else if (memcmp(p, "\xE2\x88\x92", 3) == 0) p += 3;          /* − U+2212 */
    else if (memcmp(p, "\xC2\xB1", 2) == 0) p += 2;               /* ± */
    if (*p < '0' || *p > '9') return 0;
    while ((*p >= '0' && *p <= '9') || ((*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9')) p++;
    if (*p == ' ') p++;
    if (*p == '%') p++;
    else if (memcmp(p, "\xE2\x82\xAC", 3) == 0) p += 3;          /* € */
    else if (p[-1] == ' ') return 0;
    return *p == '\0';
}

/* Wrap texts into wraps[] in font at size; returns the largest line count
 * (at least 1).  With numbers, a cell that is a number is one line. */
static int wrap_all(struct pdftable *t, struct textwrap *wraps, HPDF_Font font, double size,
                    const char *const *texts, int numbers)
{
    struct measure_ctx m = { t->doc, font, size };
    int most = 1;
    for (int i = 0; i < t->ncols; i++) {
        int n;
        if (numbers && pdftable_is_number(texts[i])) {
            struct textwrap *w = &wraps[i];
            if (!w->cap) {
                w->cap = 4;
                w->lines = xmalloc(sizeof *w->lines * (size_t)w->cap);
            }
            w->lines[0] = (struct textwrap_line){ 0, strlen(texts[i]), 0 };
            n = w->count = 1;
        } else {
            n = textwrap_break(&wraps[i], texts[i], cell_width(t, i), measure, &m);
        }
        if (n > most) most = n;
    }
    return most;
}

/*
 * Widen the columns with gain[i] > 0 by gain[i], taking the width from the
 * others that are wider than floor[i], each in proportion to what it has
 * above its floor.  When that spare width is short, the smallest gains are
 * met first (as many words whole as possible), the next one in part.
 */
static void shift(double *w, const double *gain, const double *floor, int n)
{
    double want = 0, spare = 0;
    int order[PDFTABLE_MAX_COLUMNS], ng = 0;
    for (int i = 0; i < n; i++) {
        if (gain[i] > 1e-9) {
            want += gain[i];
            int k = ng++;                       /* insertion sort by gain, n ≤ 12 */
            while (k > 0 && gain[order[k - 1]] > gain[i]) { order[k] = order[k - 1]; k--; }
            order[k] = i;
        } else if (w[i] > floor[i]) {
            spare += w[i] - floor[i];
        }
    }
    double move = want < spare ? want : spare;
    if (move <= 1e-9) return;
    for (int i = 0; i < n; i++)
        if (gain[i] <= 1e-9 && w[i] > floor[i]) w[i] -= (w[i] - floor[i]) * (move / spare);
    for (int k = 0; k < ng && move > 0; k++) {
        double g = gain[order[k]] < move ? gain[order[k]] : move;
        w[order[k]] += g;
        move -= g;
    }
}

/* Fit the column edges t->x[] and the header size to the words (rule in
 * pdftable.h) and wrap the header. */
static void fit_columns(struct pdftable *t)
{
    struct pdfdoc *doc = t->doc;
    const int n = t->ncols;
    const double content = pdfdoc_content_width(doc);
    const double min_hs = t->font_size < PDFTABLE_MIN_HEAD_SIZE ? t->font_size : PDFTABLE_MIN_HEAD_SIZE;
    double w0[PDFTABLE_MAX_COLUMNS] = { 0 }, w[PDFTABLE_MAX_COLUMNS], hneed[PDFTABLE_MAX_COLUMNS] = { 0 };
    double need[PDFTABLE_MAX_COLUMNS] = { 0 }, keep[PDFTABLE_MAX_COLUMNS] = { 0 };
    double nneed[PDFTABLE_MAX_COLUMNS] = { 0 };
    double gain[PDFTABLE_MAX_COLUMNS] = { 0 };
    double x = doc->margin_left;
    for (int i = 0; i < n; i++) {
        double next = i + 1 < n ? x + content * t->cols[i].anteil : doc->margin_left + content;
        w0[i] = next - x;
        x = next;
    }
    /* the largest header size whose words the slack can make room for */
    double hs = t->font_size;
    for (;;) {
        double deficit = 0, spare = 0;
        for (int i = 0; i < n; i++) {
            hneed[i] = t->head_word[i] > 0 ? t->head_word[i] * hs / t->font_size + 2 * t->pad + FIT_EPS : 0;
            double bneed = t->body_word[i] > 0 ? t->body_word[i] + 2 * t->pad + FIT_EPS : 0;
            nneed[i] = t->body_number[i] > 0 ? t->body_number[i] + 2 * t->pad + FIT_EPS : 0;
            if (nneed[i] > bneed) bneed = nneed[i];
            need[i] = hneed[i] > bneed ? hneed[i] : bneed;
            keep[i] = need[i] > KEEP_SHARE * w0[i] ? need[i] : KEEP_SHARE * w0[i];
            if (hneed[i] > w0[i]) deficit += hneed[i] - w0[i];
            else if (w0[i] > keep[i]) spare += w0[i] - keep[i];
        }
        if (deficit <= spare || hs <= min_hs) break;
        hs = hs - HEAD_STEP > min_hs ? hs - HEAD_STEP : min_hs;
    }
    memcpy(w, w0, sizeof w);
    for (int i = 0; i < n; i++) gain[i] = hneed[i] - w[i];
    shift(w, gain, keep, n);
    for (int i = 0; i < n; i++) gain[i] = hneed[i] - w[i];    /* still short: down to their need */
    shift(w, gain, need, n);
    for (int i = 0; i < n; i++) gain[i] = nneed[i] - w[i];    /* numbers: as header words */
    shift(w, gain, need, n);
    for (int i = 0; i < n; i++) gain[i] = need[i] - w[i];     /* body words, 40 % rule again */
    shift(w, gain, keep, n);

    t->x[0] = doc->margin_left;
    for (int i = 0; i < n; i++) t->x[i + 1] = t->x[i] + w[i];
    t->x[n] = doc->margin_left + content;
    t->head_size = hs;
    t->head_leading = hs * 1.22;
    t->head_ascent = hs * 0.93;
    const char *head[PDFTABLE_MAX_COLUMNS];
    for (int i = 0; i < n; i++) head[i] = t->cols[i].titel;
    t->head_lines = wrap_all(t, t->head_wrap, doc->bold, hs, head, 0);
    t->fitted = 1;
}

static void ensure_fitted(struct pdftable *t)
{
    if (!t->fitted) fit_columns(t);
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
    struct measure_ctx m = { doc, doc->bold, font_size };
    for (int i = 0; i < t->ncols; i++)
        t->head_word[i] = textwrap_widest_word(cols[i].titel ? cols[i].titel : "", measure, &m);
    fit_columns(t);
}

void pdftable_fit_row(struct pdftable *t, const char *const *cells)
{
    if (t->frozen) return;
    struct measure_ctx m = { t->doc, t->doc->regular, t->font_size };
    for (int i = 0; i < t->ncols; i++) {
        double ww = cells[i] ? textwrap_widest_word(cells[i], measure, &m) : 0;
        if (cells[i] && pdftable_is_number(cells[i])) {
            double nw = pdfdoc_measure(t->doc, t->doc->regular, t->font_size, cells[i], strlen(cells[i]));
            if (nw > t->body_number[i]) {
                t->body_number[i] = nw;
                t->fitted = 0;
            }
        }
        if (ww > t->body_word[i]) {
            t->body_word[i] = ww;
            t->fitted = 0;
        }
    }
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
        pdfdoc_artifact_begin(t->doc, "Layout");
        pdfdoc_tag_content(t->doc);
        set_rule_style(page);
        for (int i = 0; i <= t->ncols; i++) {
            HPDF_Page_MoveTo(page, (HPDF_REAL)t->x[i], (HPDF_REAL)t->part_top);
            HPDF_Page_LineTo(page, (HPDF_REAL)t->x[i], (HPDF_REAL)t->last_bottom);
        }
        hline(page, t->x[0], t->x[t->ncols], t->last_bottom);
        HPDF_Page_Stroke(page);
        pdfdoc_artifact_end(t->doc);
        t->last_bottom = 0;
    }
}

enum band { BODY, HEAD, HEAD_REPEATED };

/* Draw lines [first, first+count) of the wrapped cells as a band of height h.
 * Tags: HEAD draws each cell as a TH (into the open TR), HEAD_REPEATED as a
 * Pagination artifact, BODY into the cell's TD (t->cell[i]), a merged cell
 * (NULL) as an artifact. */
static void draw_band(struct pdftable *t, const struct textwrap *wraps, const char *const *src,
                      enum band kind, const int *merged, int first, int count, double h)
{
    const int head = kind != BODY, fill = head;
    HPDF_Font font = head ? t->doc->bold : t->doc->regular;
    const double size = head ? t->head_size : t->font_size;
    const double leading = head ? t->head_leading : t->leading;
    const double ascent = head ? t->head_ascent : t->ascent;
    struct pdfdoc *doc = t->doc;
    HPDF_Page page = doc->page;
    double top = doc->y, bottom = doc->y - h;
    pdfdoc_artifact_begin(doc, "Layout");
    pdfdoc_tag_content(doc);
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
    pdfdoc_artifact_end(doc);

    if (kind == HEAD_REPEATED) pdfdoc_artifact_begin(doc, "Pagination");
    pdfdoc_text_begin(doc, font, size);
    for (int i = 0; i < t->ncols; i++) {
        const struct textwrap *w = &wraps[i];
        if (kind == HEAD) {
            pdfdoc_tag_begin(doc, "TH");
            pdfdoc_tag_attr(doc, "Scope", "Column");
        } else if (kind == BODY) {
            if (t->cell[i]) pdfdoc_tag_resume(doc, t->cell[i]);
            else pdfdoc_artifact_begin(doc, "Pagination");
        }
        const double room = cell_width(t, i);
        for (int k = first; k < first + count && k < w->count; k++) {
            const struct textwrap_line *ln = &w->lines[k];
            if (!ln->len) continue;
            double y = top - t->pad - ascent - (k - first) * leading;
            double lw = 0;
            if ((t->rechts >> i & 1u) || w->count == 1)
                lw = pdfdoc_measure(doc, font, size, src[i] + ln->start, ln->len)
                   + (ln->hyphen ? pdfdoc_measure(doc, font, size, "-", 1) : 0);
            double x = t->x[i] + t->pad, scale = lw > room + 0.01 ? room / lw : 1;
            if ((t->rechts >> i & 1u) && scale == 1) x = t->x[i + 1] - t->pad - lw;
            /* only a number is ever wider than its cell: narrowed, never broken */
            if (scale < 1) HPDF_Page_SetHorizontalScalling(page, (HPDF_REAL)(scale * 100));
            pdfdoc_text_show(doc, x, y, src[i] + ln->start, ln->len);
            if (scale < 1) HPDF_Page_SetHorizontalScalling(page, 100);
            if (ln->hyphen)      /* a word broken here (textwrap.h) */
                pdfdoc_text_show(doc, x + pdfdoc_measure(doc, font, size, src[i] + ln->start, ln->len), y, "-", 1);
        }
        if (kind == HEAD || (kind == BODY && t->cell[i])) pdfdoc_tag_end(doc);
        else if (kind == BODY) pdfdoc_artifact_end(doc);
    }
    pdfdoc_text_end(doc);
    if (kind == HEAD_REPEATED) pdfdoc_artifact_end(doc);
    doc->y = bottom;
    t->last_bottom = bottom;
}

/* The header row at the cursor; repeated = on a continuation page. */
static void draw_header(struct pdftable *t, int repeated)
{
    const char *head[PDFTABLE_MAX_COLUMNS];
    ensure_fitted(t);
    t->frozen = 1;
    for (int i = 0; i < t->ncols; i++) head[i] = t->cols[i].titel;
    if (!repeated) pdfdoc_tag_begin(t->doc, "TR");
    draw_band(t, t->head_wrap, head, repeated ? HEAD_REPEATED : HEAD, NULL, 0, t->head_lines, head_height(t));
    if (!repeated) pdfdoc_tag_end(t->doc);
    t->rows_on_page = 0;
}

void pdftable_header(struct pdftable *t)
{
    struct pdfdoc *doc = t->doc;
    if (t->tagged) {                  /* called again inside the table: a repetition */
        draw_header(t, 1);
        return;
    }
    pdfdoc_tag_begin(doc, "Table");
    t->tagged = 1;
    pdfdoc_tag_begin(doc, "THead");
    draw_header(t, 0);
    pdfdoc_tag_end(doc);
    pdfdoc_tag_begin(doc, "TBody");
    for (int i = 0; i < t->ncols; i++) t->above[i] = NULL;
}

double pdftable_start_height(struct pdftable *t, const char *const *cells)
{
    ensure_fitted(t);
    const char *texts[PDFTABLE_MAX_COLUMNS];
    for (int i = 0; i < t->ncols; i++) texts[i] = cells[i] ? cells[i] : "";
    int rl = wrap_all(t, t->wrap, t->doc->regular, t->font_size, texts, 1);
    /* as pdftable_row places it: whole, unless it is taller than a page (then split,
       with at least three lines here) */
    struct pdfdoc *doc = t->doc;
    double page_room = doc->page_h - doc->margin_top - head_height(t) - pdfdoc_bottom(doc);
    double row = height_for(t, rl);
    return head_height(t) + (row <= page_room ? row : height_for(t, 3));
}

static void next_page(struct pdftable *t)
{
    close_page_part(t);
    pdfdoc_new_page(t->doc);
    draw_header(t, 1);
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
    return wrap_all(t, t->wrap, t->doc->regular, t->font_size, t->wrap_src, 1);
}

/* Open the row's TR and its cells: a TD per cell, except that a repeated
 * cell with a TD above it extends that one (/RowSpan). */
static void row_tags(struct pdftable *t, const int *repeat)
{
    struct pdfdoc *doc = t->doc;
    pdfdoc_tag_begin(doc, "TR");
    char span[16];
    for (int i = 0; i < t->ncols; i++) {
        if (repeat && repeat[i] && t->above[i]) {
            t->cell[i] = NULL;
            snprintf(span, sizeof span, "%d", ++t->span[i]);
            pdfdoc_tag_resume(doc, t->above[i]);
            pdfdoc_tag_attr(doc, "RowSpan", span);
            pdfdoc_tag_end(doc);
            continue;
        }
        pdfdoc_tag_begin(doc, "TD");
        t->cell[i] = t->above[i] = pdfdoc_tag_current(doc);
        t->span[i] = 1;
        pdfdoc_tag_end(doc);
    }
}

void pdftable_row(struct pdftable *t, const char *const *cells, const int *repeat)
{
    ensure_fitted(t);
    struct pdfdoc *doc = t->doc;
    const double bottom = pdfdoc_bottom(doc);
    const double page_room = doc->page_h - doc->margin_top - head_height(t) - bottom;
    int merged[PDFTABLE_MAX_COLUMNS];

    int lines = wrap_row(t, cells, repeat, t->rows_on_page == 0, merged);
    double h = height_for(t, lines);
    if (doc->y - h < bottom && (h <= page_room || doc->y - bottom < height_for(t, 3))) {
        /* move the row to a fresh page, where repeated cells show their text again */
        next_page(t);
        lines = wrap_row(t, cells, repeat, 1, merged);
        h = height_for(t, lines);
    }
    row_tags(t, repeat);
    if (doc->y - h >= bottom) {
        draw_band(t, t->wrap, t->wrap_src, BODY, merged, 0, lines, h);
        t->rows_on_page++;
        pdfdoc_tag_end(doc);                         /* TR */
        return;
    }
    /* taller than a page: fill this page, continue below the repeated header */
    int first = 0;
    while (first < lines) {
        int fit = (int)((doc->y - bottom - 2 * t->pad) / t->leading);
        if (fit < 1) { next_page(t); continue; }
        if (fit > lines - first) fit = lines - first;
        draw_band(t, t->wrap, t->wrap_src, BODY, first ? NULL : merged, first, fit, height_for(t, fit));
        t->rows_on_page++;
        first += fit;
        if (first < lines) next_page(t);
    }
    pdfdoc_tag_end(doc);                             /* TR */
}

void pdftable_end(struct pdftable *t)
{
    close_page_part(t);
    if (t->tagged) {
        pdfdoc_tag_end(t->doc);                      /* TBody */
        pdfdoc_tag_end(t->doc);                      /* Table */
        t->tagged = 0;
    }
}
