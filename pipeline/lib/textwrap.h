/*
 * textwrap.h — break UTF-8 text into lines that fit a width, measured with
 * a font's real metrics.
 *
 * The measuring function is passed in (libharu's glyph widths in the PDF
 * renderer, a fixed advance in the unit tests), so this module knows
 * nothing of PDF.  Lines break at blanks, after a hyphen or slash inside a
 * word, and at '\n'; a word wider than the line is broken between UTF-8
 * characters, so no line is ever wider than the width (unless a single
 * character is).
 */
#ifndef IB_TEXTWRAP_H
#define IB_TEXTWRAP_H

#include <stddef.h>

/* Width of s[0..len) in points (any unit, as long as it matches `width`). */
typedef double (*textwrap_measure_fn)(const char *s, size_t len, void *ctx);

struct textwrap_line {
    size_t start;      /* byte offset into the text */
    size_t len;        /* bytes, without trailing blanks */
};

struct textwrap {
    struct textwrap_line *lines;
    int count;
    int cap;
};

/*
 * textwrap_break — break text (UTF-8, NUL-terminated) into w->lines for the
 * width `width`.  Reuses w's array between calls (start with a zeroed
 * struct, release with textwrap_free).  An empty text gives zero lines.
 * Returns w->count.  Runs in O(length of text).
 */
int textwrap_break(struct textwrap *w, const char *text, double width,
                   textwrap_measure_fn measure, void *ctx);

/* textwrap_free — release the line array. */
void textwrap_free(struct textwrap *w);

#endif
