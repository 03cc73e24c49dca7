/*
 * kennung.c — normalising measure texts and hashing them into a Kennung
 * (see kennung.h).
 */
#include "kennung.h"
#include "diag.h"
#include "sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put(char **out, size_t *len, size_t *cap, const char *bytes, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 64;
        while (*len + n + 1 > c) c *= 2;
        *out = xrealloc(*out, c);
        *cap = c;
    }
    memcpy(*out + *len, bytes, n);
    *len += n;
    (*out)[*len] = '\0';
}

/* Length of the blank at p (ASCII blanks, NBSP, thin space, narrow NBSP), 0 if none. */
static size_t blank_at(const unsigned char *p)
{
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') return 1;
    if (p[0] == 0xC2 && p[1] == 0xA0) return 2;                       /* U+00A0 */
    if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x89 || p[2] == 0xAF)) return 3; /* U+2009, U+202F */
    return 0;
}

void kennung_normalise(const char *text, char **out, size_t *len, size_t *cap)
{
    size_t n = text ? strlen(text) : 0;
    put(out, len, cap, "", 0);
    if (*len + n + 1 > *cap) {             /* the normalised text is never longer */
        size_t c = *cap;
        while (*len + n + 1 > c) c *= 2;
        *out = xrealloc(*out, c);
        *cap = c;
    }
    if (!text) return;
    unsigned char *o = (unsigned char *)*out + *len;
    const unsigned char *p = (const unsigned char *)text;
    int pending_blank = 0, any = 0;
    while (*p) {
        size_t b = blank_at(p);
        if (b) { pending_blank = any; p += b; continue; }
        if (p[0] == 0xC2 && p[1] == 0xAD) { p += 2; continue; }           /* soft hyphen */
        if (pending_blank) { *o++ = ' '; pending_blank = 0; }
        any = 1;
        if (*p >= 'A' && *p <= 'Z') {
            *o++ = (unsigned char)(*p++ + 32);
        } else if (p[0] == 0xC3 && (p[1] == 0x84 || p[1] == 0x96 || p[1] == 0x9C)) {
            *o++ = 0xC3;                                                    /* Ä Ö Ü → ä ö ü */
            *o++ = (unsigned char)(p[1] + 0x20);
            p += 2;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    *len = (size_t)((char *)o - *out);
}

void kennung_berechnen(const char *handlungsfeld, const char *teilziel, const char *massnahme,
                       char out[KENNUNG_MAX])
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    kennung_normalise(handlungsfeld, &buf, &len, &cap);
    put(&buf, &len, &cap, "\x1f", 1);
    kennung_normalise(teilziel, &buf, &len, &cap);
    put(&buf, &len, &cap, "\x1f", 1);
    kennung_normalise(massnahme, &buf, &len, &cap);
    char hex[65];
    sha256_hex(buf, len, hex);
    free(buf);
    snprintf(out, KENNUNG_MAX, "M-%.8s", hex);
}

void kennung_wiederholung(const char *base, long n, char out[KENNUNG_MAX])
{
    if (n <= 1) snprintf(out, KENNUNG_MAX, "%.10s", base);
    else snprintf(out, KENNUNG_MAX, "%.10s-%ld", base, n);
}
