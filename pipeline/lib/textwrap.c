/*
 * textwrap.c — greedy line breaking with measured widths (see textwrap.h).
 *
 * The text is cut into pieces that each end at a break opportunity
 * (after blanks, after '-' or '/' that follows a letter).  Each piece is
 * measured once; a line takes pieces while their summed width fits.  Glyph
 * widths add up exactly because the PDF output uses no kerning.  A piece
 * wider than the line is broken by break_word, character by character,
 * each character measured about once (a character after the chosen break
 * is measured again on the next line).
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
    w->lines[w->count].hyphen = 0;
    w->count++;
}

static size_t utf8_next(const char *s, size_t i, size_t end)
{
    i++;
    while (i < end && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    return i;
}

/* End of the piece starting at i: after trailing blanks, or after a
 * hyphen/slash that follows a non-blank (not inside "//" or "--"), or at
 * '\n' / end. */
static size_t piece_end(const char *s, size_t i, size_t end)
{
    size_t j = i;
    while (j < end && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') {
        if ((s[j] == '-' || s[j] == '/') && j > i && j + 1 < end && s[j + 1] != ' ' && s[j + 1] != s[j])
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

/* Characters after which a long token breaks without a hyphen. */
static int soft_break_after(char c)
{
    return c == '_' || c == '/' || c == '-' || c == '.';
}

/*
 * Break the word text[a..ie) (no blanks, wider than width) into lines as
 * described in textwrap.h; pushes all but its last part and returns where
 * that part starts.  *hyphen_w caches the width of "-" (< 0: not measured).
 */
static size_t break_word(struct textwrap *w, const char *text, size_t a, size_t ie, double width,
                         textwrap_measure_fn measure, void *ctx, double *hyphen_w)
{
    for (;;) {
        size_t k = a, soft = 0, hard = 0;
        double cw = 0, soft_w = 0;
        int nchars = 0;
        while (k < ie) {
            size_t nk = utf8_next(text, k, ie);
            double gw = measure(text + k, nk - k, ctx);
            if (k > a && cw + gw > width) break;
            cw += gw;
            k = nk;
            nchars++;
            if (k >= ie) break;
            if (soft_break_after(text[k - 1])) {
                soft = k;
                soft_w = cw;
            } else if (nchars >= 2 && utf8_next(text, k, ie) < ie) {
                /* at least two characters on either side of a hyphen */
                if (*hyphen_w < 0) *hyphen_w = measure("-", 1, ctx);
                if (cw + *hyphen_w <= width) hard = k;
            }
        }
        if (k >= ie) return a;                 /* the rest fits on one line */
        size_t cut = k;
        int hyphen = 0;
        if (soft && (soft_w * 3 >= width || !hard)) cut = soft;
        else if (hard) { cut = hard; hyphen = 1; }
        push_line(w, text, a, cut);
        w->lines[w->count - 1].hyphen = hyphen;
        a = cut;
    }
}

int textwrap_break(struct textwrap *w, const char *text, double width,
                   textwrap_measure_fn measure, void *ctx)
{
    w->count = 0;
    size_t end = strlen(text);
    size_t i = 0;
    double hyphen_w = -1;         /* width of "-", measured when first needed */
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
                /* a word wider than the line: break it visibly, go on with its last part */
                line_start = break_word(w, text, i, ie, width, measure, ctx, &hyphen_w);
                line_w = measure(text + line_start, pe - line_start, ctx);
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

double textwrap_widest_word(const char *text, textwrap_measure_fn measure, void *ctx)
{
    size_t end = strlen(text), i = 0;
    double widest = 0;
    while (i < end) {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') { i++; continue; }
        size_t pe = piece_end(text, i, end);
        size_t ie = ink_end(text, i, pe);
        double ink = measure(text + i, ie - i, ctx);
        if (ink > widest) widest = ink;
        i = pe;
    }
    return widest;
}

void textwrap_free(struct textwrap *w)
{
    free(w->lines);
    memset(w, 0, sizeof *w);
}
