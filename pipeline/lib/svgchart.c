/*
 * svgchart.c — struct pdfchart as inline SVG (svgchart.h).
 */
#include "svgchart.h"

#include "diag.h"
#include "htmlout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W          640.0     /* viewBox width */
#define FS         12.0      /* ticks, categories, legend, unit */
#define LEAD       15.0
#define CHAR_W     (0.6 * FS) /* estimated advance of one character */
#define PLOT_SCALE 1.3       /* PDF plot heights (points) → SVG units */
#define MAX_LINES  64

static const char *label_of(const struct pdfchart *c, int i)
{
    return c->categories[i] ? c->categories[i] : "";
}

static int present(const struct pdfchart_series *s, int i)
{
    return !(s->missing && s->missing[i]) && isfinite(s->values[i]);
}

static int decimals_of(const struct pdfchart *c)
{
    return c->decimals < 0 ? 0 : c->decimals > 6 ? 6 : c->decimals;
}

/* Number of UTF-8 characters (width estimate). */
static int chars(const char *s, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) k++;
    return k;
}

static double text_w(const char *s) { return chars(s, strlen(s)) * CHAR_W; }

/* Word-wrap s into lines no wider than width (estimate); a word longer than
 * the width gets a line of its own.  starts/lens: MAX_LINES entries. */
static int wrap(const char *s, double width, const char **starts, size_t *lens)
{
    int n = 0;
    const char *p = s;
    while (*p == ' ') p++;
    while (*p && n < MAX_LINES) {
        const char *line = p, *end = p, *q = p;
        while (*q) {
            const char *w = q;
            while (*w && *w != ' ') w++;
            if (end != line && chars(line, (size_t)(w - line)) * CHAR_W > width) break;
            end = w;
            q = w;
            while (*q == ' ') q++;
        }
        starts[n] = line;
        lens[n++] = (size_t)(end - line);
        p = q;
    }
    return n;
}

static void esc_n(FILE *f, const char *s, size_t n)
{
    char *part = xstrndup(s, n);
    html_escape(f, part);
    free(part);
}

/* Text at (x, y baseline); anchor "start" | "middle" | "end". */
static void text(FILE *f, double x, double y, const char *anchor, const char *fill, const char *s)
{
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">", x, y, anchor, fill);
    html_escape(f, s);
    fputs("</text>\n", f);
}

/* Wrapped text, the block's first baseline at y. */
static void text_lines(FILE *f, double x, double y, const char *anchor, const char *fill, const char *s, double width)
{
    const char *st[MAX_LINES];
    size_t ln[MAX_LINES];
    int n = wrap(s, width, st, ln);
    fprintf(f, "<text text-anchor=\"%s\" fill=\"%s\">", anchor, fill);
    for (int i = 0; i < n; i++) {
        fprintf(f, "<tspan x=\"%.1f\" y=\"%.1f\">", x, y + i * LEAD);
        esc_n(f, st[i], ln[i]);
        fputs("</tspan>", f);
    }
    fputs("</text>\n", f);
}

static void colour(char *buf, const struct pdfchart *c, int s)
{
    snprintf(buf, 8, "#%06lX", pdfchart_series_rgb(c, s) & 0xFFFFFFul);
}

/* Marker shapes of the PDF (circle, square, triangles, diamond, bar). */
static void marker(FILE *f, const struct pdfchart *c, int s, double x, double y)
{
    char col[8];
    colour(col, c, s);
    double r = 3.6;
    fprintf(f, "<g fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.8\">", col);
    switch (s % 6) {
    case 0: fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>", x, y, r); break;
    case 1: fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", x - r * .88, y - r * .88,
                    r * 1.76, r * 1.76); break;
    case 2: fprintf(f, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"/>", x, y - r * 1.2, x - r * 1.1, y + r * .8,
                    x + r * 1.1, y + r * .8); break;
    case 3: fprintf(f, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"/>", x, y - r * 1.25, x + r * 1.1, y,
                    x, y + r * 1.25, x - r * 1.1, y); break;
    case 4: fprintf(f, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"/>", x, y + r * 1.2, x - r * 1.1, y - r * .8,
                    x + r * 1.1, y - r * .8); break;
    default: fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", x - r * 1.2, y - r * .6,
                     r * 2.4, r * 1.2); break;
    }
    fputs("</g>\n", f);
}

static void dash_attr(FILE *f, int s)
{
    double d[4];
    int n = pdfchart_series_dash(s, d);
    if (!n) return;
    fputs(" stroke-dasharray=\"", f);
    for (int i = 0; i < n; i++) fprintf(f, "%s%.1f", i ? " " : "", d[i] * PLOT_SCALE);
    fputs("\"", f);
}

/* ---- layout ------------------------------------------------------------- */

struct svglayout {
    const struct pdfchart *c;
    int horizontal, stacked, percent, nodata, legend;
    struct pdfchart_axis ax;
    double plot_x0, plot_x1, plot_top, plot_h;
    double label_col;          /* horizontal: category column width */
    double *row_h;             /* horizontal: row heights */
    double bar_t, bar_gap, group_t;
    int cat_step;              /* LINE: every k-th category label */
    int cat_lines;             /* vertical: lines of the category labels */
    char target_text[160];
};

static double vx(const struct svglayout *L, double v)
{
    return L->plot_x0 + (v - L->ax.min) / (L->ax.max - L->ax.min) * (L->plot_x1 - L->plot_x0);
}

static double vy(const struct svglayout *L, double v)
{
    return L->plot_top + L->plot_h - (v - L->ax.min) / (L->ax.max - L->ax.min) * L->plot_h;
}

static double widest_tick(const struct svglayout *L)
{
    char buf[80];
    double w = 0;
    for (int t = 0; t < L->ax.nticks; t++) {
        pdfchart_format_tick(buf, sizeof buf, L->ax.min + t * L->ax.step, L->ax.decimals, L->percent);
        if (text_w(buf) > w) w = text_w(buf);
    }
    return w;
}

/* The legend rows (flowing items), for its height; draw = 1 writes it at y. */
static double legend(FILE *f, const struct svglayout *L, double y, int draw)
{
    const struct pdfchart *c = L->c;
    double x = 0, rows = 1, sw = c->kind == PDFCHART_LINE ? 28 : 12;
    for (int s = 0; s < c->nseries; s++) {
        const char *name = c->series[s].name ? c->series[s].name : "";
        double w = sw + 5 + text_w(name) + 16;
        if (x > 0 && x + w > W) { x = 0; rows++; }
        if (draw) {
            double yy = y + (rows - 1) * (LEAD + 4);
            char col[8];
            colour(col, c, s);
            if (c->kind == PDFCHART_LINE) {
                fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"",
                        x, yy - 4, x + sw, yy - 4, col);
                dash_attr(f, s);
                fputs("/>\n", f);
                marker(f, c, s, x + sw / 2, yy - 4);
            } else {
                fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" fill=\"%s\"/>\n", x, yy - 9, sw,
                        col);
            }
            text(f, x + sw + 5, yy, "start", "#222", name);
        }
        x += w;
    }
    return rows * (LEAD + 4);
}

static int layout(struct svglayout *L, const struct pdfchart *c)
{
    memset(L, 0, sizeof *L);
    L->c = c;
    L->horizontal = c->kind == PDFCHART_HBAR || c->kind == PDFCHART_STACKED100;
    L->stacked = c->kind == PDFCHART_STACKED100;
    L->percent = c->percent_axis || L->stacked;
    L->legend = L->stacked || c->nseries > 1;
    double lo = 0, hi = 0;
    int any = 0;
    for (int s = 0; s < c->nseries; s++)
        for (int i = 0; i < c->ncategories; i++) {
            if (!present(&c->series[s], i)) continue;
            double v = c->series[s].values[i];
            if (v < lo) lo = v;
            if (v > hi) hi = v;
            any = 1;
        }
    if (L->percent && hi < 100) hi = 100;
    L->nodata = !any;
    L->plot_top = c->unit && !L->horizontal ? LEAD + 6 : 6;
    if (L->nodata) {
        L->plot_x0 = 1;
        L->plot_x1 = W - 1;
        L->plot_h = L->horizontal ? 100 : (c->height > 0 ? c->height : 170) * PLOT_SCALE;
        return 0;
    }
    if (!L->horizontal) {
        L->plot_h = (c->height > 0 ? c->height : 170) * PLOT_SCALE;
        if (c->has_target && isfinite(c->target)) {
            if (c->target < lo) lo = c->target;
            if (c->target > hi) hi = c->target;
        }
        int max_int = (int)((c->height > 0 ? c->height : 170) / 28);
        max_int = max_int < 2 ? 2 : max_int > 8 ? 8 : max_int;
        if (pdfchart_nice_axis(lo, hi, max_int, pow(10, -decimals_of(c)), &L->ax) != 0) return -1;
        double target_w = 0;
        if (c->has_target && isfinite(c->target)) {
            if (c->target_label) snprintf(L->target_text, sizeof L->target_text, "%s", c->target_label);
            else {
                char v[80];
                pdfchart_format_tick(v, sizeof v, c->target, decimals_of(c), L->percent);
                snprintf(L->target_text, sizeof L->target_text, "Ziel: %s", v);
            }
            target_w = fmin(text_w(L->target_text), 140) + 8;
        }
        L->plot_x0 = widest_tick(L) + 8;
        L->plot_x1 = W - 2 - target_w;
        double slot = (L->plot_x1 - L->plot_x0) / c->ncategories;
        double widest = 0;
        for (int i = 0; i < c->ncategories; i++)
            if (text_w(label_of(c, i)) > widest) widest = text_w(label_of(c, i));
        L->cat_step = 1;
        L->cat_lines = 1;
        if (c->kind == PDFCHART_LINE) {
            while (widest + 6 > slot * L->cat_step && L->cat_step < c->ncategories) L->cat_step++;
        } else {
            const char *st[MAX_LINES];
            size_t ln[MAX_LINES];
            for (int i = 0; i < c->ncategories; i++) {
                int n = wrap(label_of(c, i), slot - 4, st, ln);
                if (n > L->cat_lines) L->cat_lines = n;
            }
        }
        int ns = c->nseries;
        double group = slot * (ns == 1 ? 0.6 : 0.8);
        L->bar_gap = ns == 1 ? 0 : 2;
        L->bar_t = (group - (ns - 1) * L->bar_gap) / ns;
        if (L->bar_t > 48) L->bar_t = 48;
        L->group_t = ns * L->bar_t + (ns - 1) * L->bar_gap;
        return 0;
    }
    /* horizontal: category column as wide as the widest label, at most 38 % */
    double widest = 0;
    for (int i = 0; i < c->ncategories; i++)
        if (text_w(label_of(c, i)) > widest) widest = text_w(label_of(c, i));
    L->label_col = fmin(widest, W * 0.38);
    int ns = c->nseries;
    if (L->stacked) L->bar_t = L->group_t = 20;
    else {
        L->bar_t = ns == 1 ? 16 : 11;
        L->bar_gap = ns == 1 ? 0 : 2;
        L->group_t = ns * L->bar_t + (ns - 1) * L->bar_gap;
    }
    L->row_h = xcalloc((unsigned long)c->ncategories, sizeof *L->row_h);
    L->plot_h = 0;
    const char *st[MAX_LINES];
    size_t ln[MAX_LINES];
    for (int i = 0; i < c->ncategories; i++) {
        double th = wrap(label_of(c, i), L->label_col, st, ln) * LEAD;
        L->row_h[i] = (th > L->group_t ? th : L->group_t) + 10;
        L->plot_h += L->row_h[i];
    }
    if (L->stacked) { lo = 0; hi = 100; }
    /* room for value labels right of the bars */
    double vl = 0;
    if (!L->stacked) {
        char buf[80];
        for (int s = 0; s < ns; s++)
            for (int i = 0; i < c->ncategories; i++) {
                if (present(&c->series[s], i)) {
                    if (!c->value_labels) continue;
                    pdfchart_format_tick(buf, sizeof buf, c->series[s].values[i], decimals_of(c), L->percent);
                } else {
                    strcpy(buf, "k. A.");
                }
                if (text_w(buf) > vl) vl = text_w(buf);
            }
    }
    L->plot_x0 = L->label_col + 10;
    L->plot_x1 = W - 4 - (vl > 0 ? vl + 4 : 0);
    int max_int = (int)((L->plot_x1 - L->plot_x0) / 60);
    max_int = max_int < 2 ? 2 : max_int > 10 ? 10 : max_int;
    double min_step = L->stacked ? 1 : pow(10, -decimals_of(c));
    for (;;) {
        if (pdfchart_nice_axis(lo, hi, max_int, min_step, &L->ax) != 0) return -1;
        if (widest_tick(L) + 10 <= (L->plot_x1 - L->plot_x0) / (L->ax.nticks - 1) || max_int <= 2) break;
        max_int--;
    }
    double half = widest_tick(L) / 2 + 2;
    if (W - L->plot_x1 < half) L->plot_x1 = W - half;
    return 0;
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_vertical(FILE *f, const struct svglayout *L)
{
    const struct pdfchart *c = L->c;
    const int n = c->ncategories, ns = c->nseries;
    char buf[80], col[8];
    double bot = L->plot_top + L->plot_h, slot = (L->plot_x1 - L->plot_x0) / n;
    if (c->unit) text(f, 0, FS, "start", "#333", c->unit);
    fputs("<g stroke=\"#d1d1d1\" stroke-width=\"1\">\n", f);
    for (int t = 0; t < L->ax.nticks; t++) {
        double y = vy(L, L->ax.min + t * L->ax.step);
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", L->plot_x0, y, L->plot_x1, y);
    }
    fputs("</g>\n", f);
    for (int t = 0; t < L->ax.nticks; t++) {
        double v = L->ax.min + t * L->ax.step;
        pdfchart_format_tick(buf, sizeof buf, v, L->ax.decimals, L->percent);
        text(f, L->plot_x0 - 6, vy(L, v) + FS * 0.36, "end", "#333", buf);
    }
    double y0 = vy(L, L->ax.min < 0 && L->ax.max > 0 ? 0 : L->ax.min);
    if (c->kind == PDFCHART_BAR) {
        for (int s = 0; s < ns; s++) {
            colour(col, c, s);
            fprintf(f, "<g fill=\"%s\">\n", col);
            for (int i = 0; i < n; i++) {
                if (!present(&c->series[s], i)) continue;
                double x = L->plot_x0 + i * slot + (slot - L->group_t) / 2 + s * (L->bar_t + L->bar_gap);
                double yv = vy(L, c->series[s].values[i]);
                fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", x, fmin(yv, y0),
                        L->bar_t, fabs(y0 - yv));
            }
            fputs("</g>\n", f);
        }
        for (int s = 0; s < ns; s++)
            for (int i = 0; i < n; i++) {
                double cx = L->plot_x0 + i * slot + (slot - L->group_t) / 2 + s * (L->bar_t + L->bar_gap)
                          + L->bar_t / 2;
                if (present(&c->series[s], i)) {
                    if (!c->value_labels) continue;
                    double v = c->series[s].values[i];
                    pdfchart_format_tick(buf, sizeof buf, v, decimals_of(c), L->percent);
                    double yv = vy(L, v);
                    text(f, cx, v >= 0 ? yv - 4 : yv + FS, "middle", "#333", buf);
                } else {
                    text(f, cx, y0 - 4, "middle", "#737373", "k. A.");
                }
            }
    } else {
        for (int s = 0; s < ns; s++) {
            const struct pdfchart_series *ser = &c->series[s];
            colour(col, c, s);
            fprintf(f, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2.2\" stroke-linejoin=\"round\"", col);
            dash_attr(f, s);
            fputs(" d=\"", f);
            int open = 0;
            for (int i = 0; i < n; i++) {
                if (!present(ser, i)) { open = 0; continue; }
                int next = i + 1 < n && present(ser, i + 1);
                if (!open && !next) continue;              /* a lone point: only its marker */
                fprintf(f, "%s%.1f %.1f", open ? "L" : "M", L->plot_x0 + (i + 0.5) * slot, vy(L, ser->values[i]));
                open = next;
            }
            fputs("\"/>\n", f);
        }
        for (int s = 0; s < ns; s++)
            for (int i = 0; i < n; i++)
                if (present(&c->series[s], i)) {
                    double x = L->plot_x0 + (i + 0.5) * slot, y = vy(L, c->series[s].values[i]);
                    marker(f, c, s, x, y);
                    if (c->value_labels) {
                        pdfchart_format_tick(buf, sizeof buf, c->series[s].values[i], decimals_of(c), L->percent);
                        text(f, x, y - 8, "middle", "#333", buf);
                    }
                }
    }
    if (c->has_target && isfinite(c->target)) {
        double y = vy(L, c->target);
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1a1a1a\" stroke-width=\"1.3\" "
                   "stroke-dasharray=\"6 4\"/>\n", L->plot_x0, y, L->plot_x1 + 3, y);
        text_lines(f, L->plot_x1 + 8, y + FS * 0.36, "start", "#1a1a1a", L->target_text, 140);
    }
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#404040\" stroke-width=\"1.2\"/>\n",
            L->plot_x0, y0, L->plot_x1, y0);
    /* category labels */
    for (int i = 0; i < n; i++) {
        if (c->kind == PDFCHART_LINE && (n - 1 - i) % L->cat_step != 0) continue;   /* the last is always labelled */
        double x = L->plot_x0 + (i + 0.5) * slot;
        text_lines(f, x, bot + FS + 5, "middle", "#1a1a1a", label_of(c, i), c->kind == PDFCHART_LINE ? 1e9 : slot - 4);
    }
}

static void draw_horizontal(FILE *f, const struct svglayout *L)
{
    const struct pdfchart *c = L->c;
    const int n = c->ncategories, ns = c->nseries;
    char buf[80], col[8];
    double bot = L->plot_top + L->plot_h;
    fputs("<g stroke=\"#d1d1d1\" stroke-width=\"1\">\n", f);
    for (int t = 0; t < L->ax.nticks; t++) {
        double x = vx(L, L->ax.min + t * L->ax.step);
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x, L->plot_top, x, bot + 3);
    }
    fputs("</g>\n", f);
    for (int t = 0; t < L->ax.nticks; t++) {
        double v = L->ax.min + t * L->ax.step;
        pdfchart_format_tick(buf, sizeof buf, v, L->ax.decimals, L->percent);
        text(f, vx(L, v), bot + FS + 5, "middle", "#333", buf);
    }
    if (c->unit) text(f, (L->plot_x0 + L->plot_x1) / 2, bot + 2 * FS + 10, "middle", "#333", c->unit);
    double row_top = L->plot_top, x0 = vx(L, L->ax.min < 0 && L->ax.max > 0 ? 0 : L->ax.min);
    const char *st[MAX_LINES];
    size_t ln[MAX_LINES];
    for (int i = 0; i < n; i++) {
        double mid = row_top + L->row_h[i] / 2;
        row_top += L->row_h[i];
        int lines = wrap(label_of(c, i), L->label_col, st, ln);
        text_lines(f, L->label_col, mid - (lines - 1) * LEAD / 2 + FS * 0.36, "end", "#1a1a1a", label_of(c, i),
                   L->label_col);
        double gtop = mid - L->group_t / 2;
        if (L->stacked) {
            double sum = 0;
            for (int s = 0; s < ns; s++)
                if (present(&c->series[s], i) && c->series[s].values[i] > 0) sum += c->series[s].values[i];
            if (sum <= 0) {
                text(f, L->plot_x0 + 4, mid + FS * 0.36, "start", "#737373", "k. A.");
                continue;
            }
            double acc = 0;
            for (int s = 0; s < ns; s++) {
                if (!present(&c->series[s], i) || c->series[s].values[i] <= 0) continue;
                double share = c->series[s].values[i] / sum * 100;
                double xa = vx(L, acc), xb = vx(L, acc + share);
                acc += share;
                colour(col, c, s);
                fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#fff\"/>\n",
                        xa, gtop, xb - xa, L->bar_t, col);
                if (!c->value_labels) continue;
                pdfchart_format_tick(buf, sizeof buf, share, decimals_of(c), 1);
                if (text_w(buf) + 4 > xb - xa) continue;
                unsigned long rgb = pdfchart_series_rgb(c, s);
                double luma = (0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255)) / 255;
                text(f, (xa + xb) / 2, mid + FS * 0.36, "middle", luma < 0.5 ? "#fff" : "#1a1a1a", buf);
            }
            continue;
        }
        for (int s = 0; s < ns; s++) {
            double bt = gtop + s * (L->bar_t + L->bar_gap), bmid = bt + L->bar_t / 2;
            if (!present(&c->series[s], i)) {
                text(f, x0 + 4, bmid + FS * 0.36, "start", "#737373", "k. A.");
                continue;
            }
            double v = c->series[s].values[i], xv = vx(L, v);
            colour(col, c, s);
            fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", fmin(x0, xv), bt,
                    fabs(xv - x0), L->bar_t, col);
            if (!c->value_labels) continue;
            pdfchart_format_tick(buf, sizeof buf, v, decimals_of(c), L->percent);
            text(f, v >= 0 ? xv + 4 : xv - 4, bmid + FS * 0.36, v >= 0 ? "start" : "end", "#333", buf);
        }
    }
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#404040\" stroke-width=\"1.2\"/>\n",
            x0, L->plot_top, x0, bot);
}

int svgchart_figure(FILE *f, const struct pdfchart *c, const char *alt, const char *id)
{
    const char *why = NULL;
    if (!c) why = "keine Beschreibung";
    else if (c->ncategories < 1 || !c->categories) why = "keine Kategorien";
    else if (c->nseries < 1 || !c->series) why = "keine Datenreihen";
    else if (!alt || !*alt) why = "kein Alternativtext";
    else
        for (int s = 0; s < c->nseries; s++)
            if (!c->series[s].values) why = "Datenreihe ohne Werte";
    struct svglayout L;
    if (!why && layout(&L, c) != 0) {
        why = "Werte außerhalb des darstellbaren Bereichs";
        free(L.row_h);
    }
    if (why) {
        diag_error("Diagramm „%s“: %s", c && c->title ? c->title : "", why);
        return -1;
    }
    double bottom = L.plot_top + L.plot_h;
    if (L.nodata) bottom += 6;
    else if (L.horizontal) bottom += FS + 8 + (c->unit ? LEAD + 4 : 0);
    else bottom += 6 + L.cat_lines * LEAD;
    double legend_top = bottom + 14;
    double h = legend_top + (L.legend && !L.nodata ? legend(f, &L, 0, 0) : 0);

    fputs("<figure class=\"diagramm\">\n", f);
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"%s-t %s-d\" "
               "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-size=\"%.0f\">\n", id, id, W, h, W, h, FS);
    fprintf(f, "<title id=\"%s-t\">", id);
    html_escape(f, c->title && *c->title ? c->title : alt);
    fprintf(f, "</title>\n<desc id=\"%s-d\">", id);
    html_escape(f, alt);
    fputs("</desc>\n", f);
    if (L.nodata) {
        fprintf(f, "<rect x=\"1\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>\n",
                L.plot_top, W - 2, L.plot_h);
        text(f, W / 2, L.plot_top + L.plot_h / 2 + FS * 0.36, "middle", "#595959", "keine Daten");
    } else if (L.horizontal) {
        draw_horizontal(f, &L);
    } else {
        draw_vertical(f, &L);
    }
    if (L.legend && !L.nodata) legend(f, &L, legend_top + FS, 1);
    fputs("</svg>\n", f);
    if ((c->title && *c->title) || c->source) {
        fputs("<figcaption>", f);
        if (c->title && *c->title) {
            fputs("<span class=\"titel\">", f);
            html_escape(f, c->title);
            fputs("</span>", f);
        }
        if (c->source) {
            fputs("Quelle: ", f);
            html_escape(f, c->source);
        }
        fputs("</figcaption>\n", f);
    }
    fputs("</figure>\n", f);
    free(L.row_h);
    return 0;
}
