/*
 * kennung.h — the stable identifier (Kennung) of a Maßnahme.
 *
 * Status reports (Statusberichte, Rückmeldebögen) name a measure by its
 * Kennung, so the Kennung must stay the same when the same list — or a new
 * delivery of it — is read again.  It is derived from the measure's text,
 * never from its position:
 *
 *     kennung = "M-" + the first 8 hex digits of SHA-256(normalised text)
 *
 * where the normalised text is Handlungsfeld, Teilziel and Maßnahme, each
 * normalised (kennung_normalise), joined by the byte 0x1F (unit separator),
 * so "a|bc" and "ab|c" differ.  Normalising means: surrounding blanks
 * dropped, every run of blanks (space, TAB, CR, LF, NBSP U+00A0, thin space
 * U+2009, narrow NBSP U+202F) one space, soft hyphens (U+00AD) dropped,
 * A–Z and Ä Ö Ü lower case.  So a re-export that wraps lines differently or
 * changes case keeps the Kennung; any other change of the text makes a new
 * measure.
 *
 * Collisions: two identical rows in one list get the same hash; the loader
 * numbers the repeats in file order, "M-1a2b3c4d", "M-1a2b3c4d-2", … (the
 * same suffixes as long as the order of the repeats stays).  Two different
 * texts with the same 8 digits (probability about n²/2³³: 1 in 600.000 for
 * 119 measures) are numbered the same way within one list.
 */
#ifndef IB_KENNUNG_H
#define IB_KENNUNG_H

#include <stddef.h>

/* "M-" + 8 hex digits + "-" + up to 19 digits of the repeat number + NUL, rounded up */
#define KENNUNG_MAX 32

/*
 * kennung_normalise — the normalised form of one field (rules above),
 * appended to out (a buffer of *len bytes used, *cap allocated; grown with
 * xrealloc; always NUL-terminated).
 */
void kennung_normalise(const char *text, char **out, size_t *len, size_t *cap);

/*
 * kennung_berechnen — the Kennung of a measure (without repeat number) from
 * its Handlungsfeld, Teilziel and Maßnahme text (NULL = empty) into out.
 */
void kennung_berechnen(const char *handlungsfeld, const char *teilziel, const char *massnahme,
                       char out[KENNUNG_MAX]);

/*
 * kennung_wiederholung — the Kennung of the n-th occurrence (n ≥ 1) of the
 * same base Kennung in one list: n = 1 gives base, n ≥ 2 gives "base-n".
 */
void kennung_wiederholung(const char *base, long n, char out[KENNUNG_MAX]);

#endif
