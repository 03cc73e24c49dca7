/*
 * textwrap.h — break UTF-8 text into lines that fit a width, measured with
 * a font's real metrics.
 *
 * The measuring function is passed in (libharu's glyph widths in the PDF
 * renderer, a fixed advance in the unit tests), so this module knows
 * nothing of PDF.  Lines break at blanks, after a hyphen or slash inside a
 * word, and at '\n'.  A word wider than the line is broken visibly (see
 * textwrap_break): preferably after '_', '/', '-' or '.', else between two
 * UTF-8 characters with a hyphen „-“ that the caller draws at the end of
 * the line (textwrap_line.hyphen).  No line, with its hyphen, is ever wider
 * than the width (unless a single character is).
 */
#ifndef IB_TEXTWRAP_H
#define IB_TEXTWRAP_H

#include <stddef.h>

/*
 * Width of s[0..len) in points (any unit, as long as it matches `width`).
 * s points into the text being wrapped, except for one call per
 * textwrap_break at most that measures the hyphen: the string "-" (len 1)
 * outside the text.
 */
typedef double (*textwrap_measure_fn)(const char *s, size_t len, void *ctx);

struct textwrap_line {
    size_t start;      /* byte offset into the text */
    size_t len;        /* bytes, without trailing blanks */
    int hyphen;        /* 1: a word was broken here; draw "-" right after the line
                          (its width is included when the line was fitted) */
};

struct textwrap {
    struct textwrap_line *lines;
    int count;
    int cap;
};

/*
 * textwrap_break — break text (UTF-8, NUL-terminated) into w->lines for the
 * width `width` (unit of `measure`).  Reuses w's array between calls (start
 * with a zeroed struct, release with textwrap_free).  An empty text gives
 * zero lines.  Returns w->count.  Runs in O(length of text).
 *
 * A word (a run without break opportunity) wider than the width starts a
 * new line and is broken there, each line as full as it can be:
 *   - after the last '_', '/', '-' or '.' that fits, if that fills at least
 *     a third of the line (file names, URLs: no hyphen added);
 *   - else between two characters, with a hyphen (line.hyphen = 1, the
 *     line plus "-" fits), leaving at least two characters for the last
 *     piece of the word where possible;
 *   - else (not even one character and a hyphen fit) after the characters
 *     that fit, at least one, without a hyphen.
 */
int textwrap_break(struct textwrap *w, const char *text, double width,
                   textwrap_measure_fn measure, void *ctx);

/*
 * textwrap_widest_word — width of the widest piece of text that
 * textwrap_break keeps on one line if it can (words between blanks, split
 * after a hyphen or slash inside a word, as above), measured without
 * trailing blanks.  A width at least this large breaks no word.  0 for an
 * empty text.  O(length of text), one measure call per piece.
 */
double textwrap_widest_word(const char *text, textwrap_measure_fn measure, void *ctx);

/* textwrap_free — release the line array. */
void textwrap_free(struct textwrap *w);

#endif
