/*
 * config.c — loading config/ibericht.ini with iniparser 4.1, and the one
 * list of its sections and keys (bekannte, below).
 */
#include "config.h"
#include "diag.h"
#include "fsutil.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *ini_file_for_errors, *ini_label_for_errors;

/*
 * The sections and keys of config/ibericht.ini — the only place they are
 * listed (README „Konfiguration“ documents them).  A stage reading a new key
 * adds it here; tests/e2e/test_konfiguration.sh checks that every
 * "abschnitt:schluessel" the programs ask for is in this table.
 */
static const char *const k_bericht[] = { "kommune", "titel", "berichtsjahr", "berichtszeitraum", "stand", NULL };
static const char *const k_pfade[] = { "inbox", "out", "store", "quellen", "archiv", "quarantaene", NULL };
static const char *const k_schrift[] = { "regular", "fett", NULL };
static const char *const k_terminierung[] = {
    "kurzfristig_bis", "mittelfristig_bis", "langfristig_bis", "label_laufend", "label_kurzfristig",
    "label_mittelfristig", "label_langfristig", "label_ohne", "laufend_woerter", NULL };
static const char *const k_eingang[] = {
    "wartezeit_sekunden", "archivieren", "sperre_wartezeit_sekunden", "max_feld_bytes", NULL };
static const char *const k_massnahmen[] = { "label_ohne_handlungsfeld", "herkunft_legende", NULL };
static const char *const k_ruecklauf[] = { "fachdienste", "fehlanzeigen", NULL };
static const char *const k_eingangsbericht[] = { "xlsx", "pdf", NULL };
static const char *const k_rueckmeldebogen[] = { "ordner", "ohne_fachdienst", NULL };
static const char *const k_massnahmenliste[] = { "titel", "xlsx", "pdf", NULL };
static const char *const k_befragung[] = {
    "pseudonym_schluessel_datei", "pseudonym_schluessel", "kreuztabelle", "schwelle", "nullen_schuetzen",
    "freitexte", "xlsx", "pdf", NULL };
static const char *const k_indikatoren[] = {
    "katalog", "gebiet", "vergleich", "berichtsjahr", "schwelle_nullen", "xlsx", "pdf", NULL };
static const char *const k_karte[] = {
    "indikatoren", "klassen", "methode", "geometrie", "quellenvermerk", "lizenz", NULL };
static const char *const k_dokument[] = { "vorlage", "pdf", "gebietsausgaben", "prozesse", NULL };
static const char *const k_html[] = { "ausgabe", "ordner", NULL };
static const char *const k_manifest[] = { "datei", NULL };
static const char *const k_konfiguration[] = { "unbekannte_schluessel", NULL };

static const struct abschnitt {
    const char *name;
    const char *const *schluessel;
} bekannte[] = {
    { "bericht", k_bericht }, { "pfade", k_pfade }, { "schrift", k_schrift },
    { "terminierung", k_terminierung }, { "eingang", k_eingang }, { "massnahmen", k_massnahmen },
    { "ruecklauf", k_ruecklauf }, { "eingangsbericht", k_eingangsbericht },
    { "rueckmeldebogen", k_rueckmeldebogen }, { "massnahmenliste", k_massnahmenliste },
    { "befragung", k_befragung }, { "indikatoren", k_indikatoren }, { "karte", k_karte },
    { "dokument", k_dokument },
    { "html", k_html }, { "manifest", k_manifest }, { "konfiguration", k_konfiguration },
};
enum { NBEKANNTE = sizeof bekannte / sizeof bekannte[0] };

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

/* ---- unknown sections and keys ---------------------------------------------------- */

static void trim_span(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t')) { (*s)++; (*len)--; }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r' ||
                    (*s)[*len - 1] == '\n')) (*len)--;
}

int config_ini_zeile(const char *path, const char *sec, const char *key)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[1100], cur[512] = "";
    int n = 0, found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        n++;
        const char *s = line;
        size_t len = strlen(line);
        trim_span(&s, &len);
        if (len >= 2 && s[0] == '[' && s[len - 1] == ']') {
            const char *name = s + 1;
            size_t nl = len - 2;
            trim_span(&name, &nl);
            snprintf(cur, sizeof cur, "%.*s", (int)nl, name);
            found = !key && strcasecmp(cur, sec) == 0;
            continue;
        }
        const char *eq = memchr(s, '=', len);
        if (!key || !eq || strcasecmp(cur, sec) != 0) continue;
        size_t kl = (size_t)(eq - s);
        trim_span(&s, &kl);
        found = kl == strlen(key) && strncasecmp(s, key, kl) == 0;
    }
    fclose(f);
    return found ? n : 0;
}

/* Levenshtein distance of a and b (case-insensitive bytes), at most 64 bytes each; else a large number. */
static size_t distanz(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return 1000;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best) best = row[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *config_naechster(const char *word, const char *const *candidates)
{
    const char *best = NULL;
    size_t bd = (size_t)-1;
    for (const char *const *c = candidates; c && *c; c++) {
        size_t d = distanz(word, *c);
        if (d < bd) { bd = d; best = *c; }
    }
    return best && bd <= 2 && 2 * bd < strlen(word) ? best : NULL;
}

static const struct abschnitt *abschnitt_finden(const char *name)
{
    for (int i = 0; i < NBEKANNTE; i++)
        if (strcmp(bekannte[i].name, name) == 0) return &bekannte[i];
    return NULL;
}

/* "a, b, c" of a NULL-terminated list into buf */
static void aufzaehlen(char *buf, size_t size, const char *const *list)
{
    buf[0] = '\0';
    for (const char *const *p = list; *p; p++)
        snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", p == list ? "" : ", ", *p);
}

/* report one unknown name: an error, or a warning when warnen */
static void melden(int warnen, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void melden(int warnen, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (warnen) diag_warning("%s", msg);
    else diag_error("%s", msg);
}

/* "…, Zeile 4" of path for a section/key, or just the path when the line is not found */
static void ort(char *buf, size_t size, const char *path, const char *sec, const char *key)
{
    int z = config_ini_zeile(path, sec, key);
    if (z > 0) snprintf(buf, size, "Konfiguration %s, Zeile %d", path, z);
    else snprintf(buf, size, "Konfiguration %s", path);
}

/*
 * Check every section and key of the dictionary against bekannte.  Returns
 * the number of unknown ones; -1 for an invalid [konfiguration]
 * unbekannte_schluessel.  *warnen: 1 when they are only warnings.
 */
static int unbekannte_pruefen(struct _dictionary_ *d, const char *path, int *warnen)
{
    const char *modus = iniparser_getstring(d, "konfiguration:unbekannte_schluessel", NULL);
    *warnen = 0;
    if (modus && *modus && strcmp(modus, "fehler") != 0) {
        if (strcmp(modus, "warnen") != 0) {
            char wo[1200];
            ort(wo, sizeof wo, path, "konfiguration", "unbekannte_schluessel");
            diag_error("%s: [konfiguration] unbekannte_schluessel „%s“: erlaubt sind fehler (Vorgabe) und warnen",
                       wo, modus);
            return -1;
        }
        *warnen = 1;
    }
    int still = *warnen && getenv("IBERICHT_KONFIG_GEPRUEFT");   /* ingest has said it already */
    const char *namen[NBEKANNTE + 1];
    for (int i = 0; i < NBEKANNTE; i++) namen[i] = bekannte[i].name;
    namen[NBEKANNTE] = NULL;
    int unbekannt = 0;
    /* the sections are the entries without a value (iniparser_getsecname skips names with ':') */
    for (ssize_t i = 0; i < d->size; i++) {
        if (!d->key[i] || d->val[i]) continue;
        const char *sec = d->key[i];
        const struct abschnitt *a = abschnitt_finden(sec);
        char wo[1200], erlaubt[1024];
        if (!a) {
            unbekannt++;
            if (still) continue;
            ort(wo, sizeof wo, path, sec, NULL);
            const char *g = config_naechster(sec, namen);
            aufzaehlen(erlaubt, sizeof erlaubt, namen);
            if (g) melden(*warnen, "%s: unbekannter Abschnitt [%s] — gemeint: [%s]?", wo, sec, g);
            else melden(*warnen, "%s: unbekannter Abschnitt [%s] (bekannt: %s)", wo, sec, erlaubt);
            continue;
        }
        int n = iniparser_getsecnkeys(d, sec);
        if (n <= 0) continue;
        const char **keys = xcalloc((size_t)n, sizeof *keys);
        iniparser_getseckeys(d, sec, keys);
        for (int k = 0; k < n; k++) {
            const char *key = keys[k] + strlen(sec) + 1;
            int ok = 0;
            for (const char *const *s = a->schluessel; *s && !ok; s++) ok = strcmp(*s, key) == 0;
            if (ok) continue;
            unbekannt++;
            if (still) continue;
            ort(wo, sizeof wo, path, sec, key);
            const char *g = config_naechster(key, a->schluessel);
            const char *anderswo = NULL;                  /* the right key in the wrong section */
            for (int j = 0; j < NBEKANNTE && !g && !anderswo; j++)
                for (const char *const *s = bekannte[j].schluessel; *s && !anderswo; s++)
                    if (strcmp(*s, key) == 0) anderswo = bekannte[j].name;
            aufzaehlen(erlaubt, sizeof erlaubt, a->schluessel);
            if (g) melden(*warnen, "%s: unbekannter Schlüssel „%s“ in [%s] — gemeint: %s?", wo, key, sec, g);
            else if (anderswo)
                melden(*warnen, "%s: unbekannter Schlüssel „%s“ in [%s] — gehört in [%s]?", wo, key, sec, anderswo);
            else melden(*warnen, "%s: unbekannter Schlüssel „%s“ in [%s] (bekannt: %s)", wo, key, sec, erlaubt);
        }
        free(keys);
    }
    return unbekannt;
}

int config_load(const char *path, const struct config_overrides *ov, struct ib_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->ini = config_ini_load(path, "Konfiguration");
    if (!cfg->ini) return -1;
    int warnen;
    int unbekannt = unbekannte_pruefen(cfg->ini, path, &warnen);
    if (unbekannt < 0 || (unbekannt > 0 && !warnen)) {
        if (unbekannt > 0)
            diag_error("Konfiguration %s: %d unbekannte%s Schlüssel oder Abschnitt%s — nichts ausgeführt; Tippfehler "
                       "berichtigen (nur warnen: [konfiguration] unbekannte_schluessel = warnen)",
                       path, unbekannt, unbekannt == 1 ? "r" : "", unbekannt == 1 ? "" : "e");
        iniparser_freedict(cfg->ini);
        cfg->ini = NULL;
        return -1;
    }
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
