/*
 * textwrap.c — greedy line breaking with measured widths (see textwrap.h).
 *
 * The text is cut into pieces that each end at a break opportunity
 * (after blanks, after '-' or '/' that follows a letter).  Each piece is
 * measured once; a line takes pieces while their summed width fits.  Glyph
 * widths add up exactly because the PDF output uses no kerning.
 */
#include "textwrap.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>

static void push_line(struct textwrap *w, const char *text, size_t start, size_t end)
{
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
    if (w->count == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->lines = xrealloc(w->lines, sizeof(struct textwrap_line) * (size_t)w->cap);
    }
    w->lines[w->count].start = start;
    w->lines[w->count].len = end - start;
    w->count++;
}

static size_t utf8_next(const char *s, size_t i, size_t end)
{
    i++;
    while (i < end && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    return i;
}

/* End of the piece starting at i: after trailing blanks, or after a
 * hyphen/slash that follows a non-blank, or at '\n' / end. */
static size_t piece_end(const char *s, size_t i, size_t end)
{
    size_t j = i;
    while (j < end && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') {
        if ((s[j] == '-' || s[j] == '/') && j > i && j + 1 < end && s[j + 1] != ' ')
            return j + 1;
        j++;
    }
    while (j < end && (s[j] == ' ' || s[j] == '\t')) j++;
    return j;
}

/* End of a piece's ink: before its trailing blanks. */
static size_t ink_end(const char *s, size_t a, size_t b)
{
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
    return b;
}

int textwrap_break(struct textwrap *w, const char *text, double width,
                   textwrap_measure_fn measure, void *ctx)
{
    w->count = 0;
    size_t end = strlen(text);
    size_t i = 0;
    while (i < end) {
        /* one paragraph up to '\n' */
        size_t para_end = i;
        while (para_end < end && text[para_end] != '\n') para_end++;
        while (i < para_end && (text[i] == ' ' || text[i] == '\t')) i++;
        size_t line_start = i;
        double line_w = 0;        /* width of the line up to the last piece, incl. its blanks */
        if (i == para_end) push_line(w, text, i, i);     /* empty line */
        while (i < para_end) {
            size_t pe = piece_end(text, i, para_end);
            size_t ie = ink_end(text, i, pe);
            double ink = ie > i ? measure(text + i, ie - i, ctx) : 0;
            if (line_start < i && line_w + ink > width) {
                push_line(w, text, line_start, i);
                line_start = i;
                line_w = 0;
            }
            if (line_start == i && ink > width) {
                /* a word wider than the line: cut between characters */
                size_t a = i, k = i;
                double cw = 0;
                while (k < pe) {
                    size_t nk = utf8_next(text, k, pe);
                    double gw = measure(text + k, nk - k, ctx);
                    if (k > a && cw + gw > width) {
                        push_line(w, text, a, k);
                        a = k;
                        cw = 0;
                    }
                    cw += gw;
                    k = nk;
                }
                line_start = a;
                line_w = measure(text + a, pe - a, ctx);
                i = pe;
                continue;
            }
            line_w += ink + (pe > ie ? measure(text + ie, pe - ie, ctx) : 0);
            i = pe;
        }
        if (line_start < para_end) push_line(w, text, line_start, para_end);
        i = para_end < end ? para_end + 1 : end;
    }
    return w->count;
}

void textwrap_free(struct textwrap *w)
{
    free(w->lines);
    memset(w, 0, sizeof *w);
}
