/*
 * format.c — German numbers and dates; UTF-8 validation.
 */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *format_zahl(char *buf, size_t size, double value, int decimals)
{
    char digits[64];
    if (decimals < 0) decimals = 0;
    if (decimals > 10) decimals = 10;
    if (!isfinite(value)) { snprintf(buf, size, "–"); return buf; }
    double scale = pow(10, decimals);
    double r = round(fabs(value) * scale) / scale;
    snprintf(digits, sizeof digits, "%.*f", decimals, r);   /* "C" locale: '.' */
    char *dot = strchr(digits, '.');
    size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
    size_t n = 0;
    int negative = value < 0 && r != 0;
    if (negative && n + 1 < size) buf[n++] = '-';
    for (size_t i = 0; i < intlen && n + 1 < size; i++) {
        if (i > 0 && (intlen - i) % 3 == 0 && n + 1 < size) buf[n++] = '.';
        if (n + 1 < size) buf[n++] = digits[i];
    }
    if (dot && n + 1 < size) {
        buf[n++] = ',';
        for (const char *s = dot + 1; *s && n + 1 < size; s++) buf[n++] = *s;
    }
    buf[n] = '\0';
    return buf;
}

char *format_menge(char *buf, size_t size, long n, const char *einzahl, const char *mehrzahl)
{
    char z[32];
    snprintf(buf, size, "%s %s", format_zahl(z, sizeof z, (double)n, 0), n == 1 ? einzahl : mehrzahl);
    return buf;
}

char *format_ruecklauf(char *buf, size_t size, const char *einheit, const char *einheiten, long geantwortet,
                       long gesamt, long fehlanzeigen, long ohne)
{
    char g[32], n[32], f[32], o[32];
    snprintf(buf, size, "%s von %s %s geantwortet, %s %s, %s ohne Rückmeldung",
             format_zahl(g, sizeof g, (double)geantwortet, 0), format_zahl(n, sizeof n, (double)gesamt, 0),
             gesamt == 1 ? einheit : einheiten, format_zahl(f, sizeof f, (double)fehlanzeigen, 0),
             fehlanzeigen == 1 ? "Fehlanzeige" : "Fehlanzeigen", format_zahl(o, sizeof o, (double)ohne, 0));
    return buf;
}

char *format_datum(char *buf, size_t size, int jahr, int monat, int tag)
{
    snprintf(buf, size, "%02d.%02d.%04d", tag, monat, jahr);
    return buf;
}

time_t report_time(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (!*end && v >= 0) return (time_t)v;
    }
    return time(NULL);
}

char *format_stand(char *buf, size_t size, long tag)
{
    snprintf(buf, size, "Stand: %02d.%02d.%04d", (int)(tag % 100), (int)(tag / 100 % 100), (int)(tag / 10000));
    return buf;
}

char *format_iso_datum(char *buf, size_t size, const char *iso)
{
    if (iso && strlen(iso) >= 10 && iso[4] == '-' && iso[7] == '-')
        snprintf(buf, size, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
    else
        snprintf(buf, size, "%s", iso ? iso : "");
    return buf;
}

char *format_iso_utc(char *buf, size_t size, time_t t)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int utf8_valid(const char *str, size_t len, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t need;
        unsigned min;
        if (c < 0x80) { i++; continue; }
        else if ((c & 0xE0) == 0xC0) { need = 1; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { need = 2; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { need = 3; min = 0x10000; c &= 0x07; }
        else goto bad;
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80) goto bad;
            c = (c << 6) | (s[i + k] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) goto bad;
        i += need + 1;
    }
    return 1;
bad:
    if (bad_offset) *bad_offset = i;
    return 0;
}

char *utf8_sanitize(char *s)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t bad;
        if (utf8_valid(s + i, len - i, &bad)) break;
        s[i + bad] = '?';
        i += bad + 1;
    }
    return s;
}
