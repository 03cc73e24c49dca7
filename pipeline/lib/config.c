/*
 * config.c — loading config/ibericht.ini with iniparser 4.1.
 */
#include "config.h"
#include "diag.h"
#include "fsutil.h"

#include <errno.h>
#include <iniparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ini_file_for_errors, *ini_label_for_errors;

static int starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

void config_ini_error_text(char *buf, size_t size, const char *lead, const char *format, va_list ap)
{
    /* iniparser 4.1's formats; their arguments are read as the format says */
    if (starts(format, "iniparser: syntax error in %s (%d):")) {
        (void)va_arg(ap, const char *);
        int line = va_arg(ap, int);
        const char *text = va_arg(ap, const char *);
        snprintf(buf, size, "%s, Zeile %d: „%s“ ist weder [Abschnitt] noch Schlüssel = Wert"
                 " (Kommentare beginnen mit ;)", lead, line, text);
    } else if (starts(format, "iniparser: input line too long in %s (%d)")) {
        (void)va_arg(ap, const char *);
        int line = va_arg(ap, int);
        snprintf(buf, size, "%s, Zeile %d: Zeile zu lang (höchstens 1024 Bytes)", lead, line);
    } else if (starts(format, "iniparser: cannot open %s")) {
        snprintf(buf, size, "%s kann nicht geöffnet werden", lead);
    } else if (starts(format, "iniparser: memory allocation failure")) {
        snprintf(buf, size, "%s: kein Speicher zum Lesen", lead);
    } else {
        char text[1200];
        vsnprintf(text, sizeof text, format, ap);
        snprintf(buf, size, "%s: Fehler beim Lesen (iniparser: %s)", lead, text);
    }
}

/* iniparser's error callback while config_ini_load reads a file */
static int ini_error(const char *format, ...)
{
    char lead[1200], buf[2600];
    snprintf(lead, sizeof lead, "%s %s", ini_label_for_errors, ini_file_for_errors ? ini_file_for_errors : "?");
    va_list ap;
    va_start(ap, format);
    config_ini_error_text(buf, sizeof buf, lead, format, ap);
    va_end(ap);
    diag_error("%s", buf);
    return 0;
}

struct _dictionary_ *config_ini_load(const char *path, const char *label)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_error("%s %s kann nicht gelesen werden: %s", label, path, diag_errno_text(errno));
        return NULL;
    }
    fclose(f);
    ini_file_for_errors = path;
    ini_label_for_errors = label;
    iniparser_set_error_callback(ini_error);
    dictionary *d = iniparser_load(path);
    iniparser_set_error_callback(NULL);
    if (!d) diag_error("%s %s ist fehlerhaft (siehe Meldung oben)", label, path);
    return d;
}

int config_load(const char *path, const struct config_overrides *ov, struct ib_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->ini = config_ini_load(path, "Konfiguration");
    if (!cfg->ini) return -1;
    cfg->path = xstrdup(path);
    cfg->inbox = xstrdup(ov && ov->inbox ? ov->inbox : config_string(cfg, "pfade:inbox", "inputs/inbox"));
    cfg->out = xstrdup(ov && ov->out ? ov->out : config_string(cfg, "pfade:out", "out"));
    const char *store = ov && ov->store ? ov->store : config_string(cfg, "pfade:store", "ibericht.sqlite");
    cfg->store = (ov && ov->store) || store[0] == '/' ? xstrdup(store) : path_join(cfg->out, store);
    return 0;
}

void config_free(struct ib_config *cfg)
{
    if (cfg->ini) iniparser_freedict(cfg->ini);
    free(cfg->path);
    free(cfg->inbox);
    free(cfg->out);
    free(cfg->store);
    memset(cfg, 0, sizeof *cfg);
}

const char *config_string(const struct ib_config *cfg, const char *key, const char *def)
{
    const char *v = cfg->ini ? iniparser_getstring(cfg->ini, key, NULL) : NULL;
    return v && *v ? v : def;
}

int config_int(const struct ib_config *cfg, const char *key, int def)
{
    const char *v = config_string(cfg, key, NULL);
    if (!v) return def;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    while (*end == ' ') end++;
    if (errno || *end || n < -2147483647L || n > 2147483647L) {
        diag_error("Konfiguration %s: Schlüssel „%s“: „%s“ ist keine ganze Zahl", cfg->path, key, v);
        return def;
    }
    return (int)n;
}

char **config_list(const struct ib_config *cfg, const char *key, const char *def, int *count)
{
    const char *v = config_string(cfg, key, def);
    int n = 0, cap = 4;
    char **list = xmalloc(sizeof(char *) * (size_t)cap);
    while (v && *v) {
        const char *comma = strchr(v, ',');
        size_t len = comma ? (size_t)(comma - v) : strlen(v);
        const char *s = v;
        while (len && (*s == ' ' || *s == '\t')) { s++; len--; }
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
        if (len) {
            if (n + 2 > cap) { cap *= 2; list = xrealloc(list, sizeof(char *) * (size_t)cap); }
            list[n++] = xstrndup(s, len);
        }
        v = comma ? comma + 1 : NULL;
    }
    list[n] = NULL;
    if (count) *count = n;
    return list;
}

void config_list_free(char **list)
{
    if (!list) return;
    for (char **p = list; *p; p++) free(*p);
    free(list);
}
