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

static int ini_error(const char *format, ...)
{
    char buf[1200];
    va_list ap;
    va_start(ap, format);
    vsnprintf(buf, sizeof buf, format, ap);
    va_end(ap);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == '\n') buf[--n] = '\0';
    diag_error("%s %s: %s", ini_label_for_errors, ini_file_for_errors ? ini_file_for_errors : "?", buf);
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
