/*
 * umsetzung.c — implementation statuses and the overdue rule (see umsetzung.h).
 */
#include "umsetzung.h"
#include "config.h"
#include "diag.h"
#include "format.h"
#include "werte.h"

#include <string.h>

static const struct {
    const char *code, *label, *folded;
} statuses[UMSETZUNG_ANZAHL] = {
    [UMSETZUNG_KEIN] = { "", "", "" },
    [UMSETZUNG_GEPLANT] = { "geplant", "geplant", "geplant" },
    [UMSETZUNG_IN_UMSETZUNG] = { "in_umsetzung", "in Umsetzung", "in umsetzung" },
    [UMSETZUNG_UMGESETZT] = { "umgesetzt", "umgesetzt", "umgesetzt" },
    [UMSETZUNG_VERZOEGERT] = { "verzoegert", "verzögert", "verzoegert" },
    [UMSETZUNG_ENTFALLEN] = { "entfallen", "entfallen", "entfallen" },
};

/* Fold for comparison: lower case, ä→ae ö→oe ü→ue ß→ss, blanks and '_'
 * collapsed to one blank, none at the ends.  0, or -1 when it does not fit. */
static int fold(const char *s, char *out, size_t size)
{
    size_t n = 0;
    int blank = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int is_blank = *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '_';
        if (!is_blank && p[0] == 0xC2 && p[1] == 0xA0) { is_blank = 1; p++; }     /* NBSP */
        if (is_blank) { blank = n > 0; continue; }
        if (n + 4 >= size) return -1;
        if (blank) { out[n++] = ' '; blank = 0; }
        if (p[0] == 0xC3 && p[1]) {
            const char *rep = NULL;
            switch (p[1]) {
            case 0xA4: case 0x84: rep = "ae"; break;
            case 0xB6: case 0x96: rep = "oe"; break;
            case 0xBC: case 0x9C: rep = "ue"; break;
            case 0x9F: rep = "ss"; break;
            }
            if (rep) { out[n++] = rep[0]; out[n++] = rep[1]; p++; continue; }
        }
        out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    }
    out[n] = '\0';
    return 0;
}

int umsetzung_status_parse(const char *text)
{
    char f[64];
    if (!text) return UMSETZUNG_KEIN;
    if (fold(text, f, sizeof f) != 0) return -1;
    if (!f[0]) return UMSETZUNG_KEIN;
    for (int s = UMSETZUNG_GEPLANT; s < UMSETZUNG_ANZAHL; s++)
        if (strcmp(f, statuses[s].folded) == 0) return s;
    return -1;
}

const char *umsetzung_status_code(enum umsetzung_status s)
{
    return (int)s > 0 && s < UMSETZUNG_ANZAHL ? statuses[s].code : "";
}

const char *umsetzung_status_label(enum umsetzung_status s)
{
    return (int)s > 0 && s < UMSETZUNG_ANZAHL ? statuses[s].label : "";
}

enum umsetzung_status umsetzung_status_von_code(const char *code)
{
    if (!code || !*code) return UMSETZUNG_KEIN;
    for (int s = UMSETZUNG_GEPLANT; s < UMSETZUNG_ANZAHL; s++)
        if (strcmp(code, statuses[s].code) == 0) return (enum umsetzung_status)s;
    return UMSETZUNG_KEIN;
}

int umsetzung_ueberfaellig(long ende, long stichtag, enum umsetzung_status s)
{
    if (ende <= 0) return 0;
    if (s == UMSETZUNG_UMGESETZT || s == UMSETZUNG_ENTFALLEN) return 0;
    return ende < stichtag;
}

long umsetzung_stichtag(const char *configured, time_t now)
{
    if (configured && *configured) {
        int y, m, d;
        if (werte_datum(configured, &y, &m, &d) != 0) return -1;
        return (long)y * 10000 + m * 100 + d;
    }
    struct tm tm;
    gmtime_r(&now, &tm);
    return (long)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

long bericht_stichtag(const struct ib_config *cfg, const char *vorgabe)
{
    const char *configured = config_string(cfg, "bericht:stand", NULL);
    const char *text = configured ? configured : vorgabe;
    long tag = umsetzung_stichtag(text, report_time());
    if (tag < 0)
        diag_error("Konfiguration %s: [bericht] stand „%s“ ist kein Datum (TT.MM.JJJJ)", cfg->path, text);
    return tag;
}

char *bericht_stand(const struct ib_config *cfg, const char *vorgabe, char *buf, size_t size)
{
    long tag = bericht_stichtag(cfg, vorgabe);
    return tag < 0 ? NULL : format_stand(buf, size, tag);
}
