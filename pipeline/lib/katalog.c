/*
 * katalog.c — loading and checking the indicator catalogue (see katalog.h).
 *
 * Two passes over the file: a small scan of our own records every section
 * and key with its line (for messages, duplicates and the section list —
 * iniparser 4.1 neither reports lines nor lists sections whose name holds
 * a ':'), then iniparser reads the values (quotes, comments, continuation
 * lines exactly as in config/ibericht.ini).  All checks run to the end so
 * that one run reports every problem.
 */
#include "katalog.h"

#include "config.h"
#include "diag.h"
#include "werte.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* iniparser 4.1 reads lines with fgets into 1024 bytes: content + '\n' ≤ 1023. */
#define KATALOG_MAX_ZEILE 1022

/* ---- the scan: sections and keys with their lines ------------------------------- */

struct schluessel {
    char *name;        /* lowercased */
    int zeile;
    int benutzt;
};

struct abschnitt {
    char *name;        /* lowercased, as iniparser stores it */
    int zeile;
    struct schluessel *keys;
    int nkeys, cap;
};

struct lader {
    struct katalog *k;
    const char *pfad;
    struct abschnitt *ab;
    int nab, cap;
    int fehler;
    const char *def_gebiete;
    double def_toleranz;
    unsigned def_schwelle;
};

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

static void lower(char *s)
{
    for (; *s; s++) *s = (char)tolower((unsigned char)*s);
}

static void gesamt_fehler(struct lader *l, int zeile, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void gesamt_fehler(struct lader *l, int zeile, const char *fmt, ...)
{
    char buf[1536];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (zeile > 0) diag_error("Katalog %s, Zeile %d: %s", l->pfad, zeile, buf);
    else diag_error("Katalog %s: %s", l->pfad, buf);
    l->fehler++;
}

static struct schluessel *finde_key(const struct abschnitt *a, const char *key)
{
    for (int i = 0; i < a->nkeys; i++)
        if (strcmp(a->keys[i].name, key) == 0) return &a->keys[i];
    return NULL;
}

/*
 * fehler — "Katalog F, Zeile N, [A] key: text"; N is the key's line, or the
 * section's when the key is not in the file (or key is NULL).
 */
static void fehler(struct lader *l, const struct abschnitt *a, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fehler(struct lader *l, const struct abschnitt *a, const char *key, const char *fmt, ...)
{
    char buf[1536];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    const struct schluessel *s = key ? finde_key(a, key) : NULL;
    int zeile = s ? s->zeile : a->zeile;
    if (key && s) diag_error("Katalog %s, Zeile %d, [%s] %s: %s", l->pfad, zeile, a->name, key, buf);
    else diag_error("Katalog %s, Zeile %d, [%s]: %s", l->pfad, zeile, a->name, buf);
    l->fehler++;
}

static void scan_frei(struct lader *l)
{
    for (int i = 0; i < l->nab; i++) {
        for (int j = 0; j < l->ab[i].nkeys; j++) free(l->ab[i].keys[j].name);
        free(l->ab[i].keys);
        free(l->ab[i].name);
    }
    free(l->ab);
    l->ab = NULL;
    l->nab = l->cap = 0;
}

/*
 * scan — read the file line by line as iniparser will: blank lines and
 * lines starting with ';' or '#' are skipped, "[name]" opens a section,
 * "key = value" is a key; a line ending in '\' continues on the next.
 * Returns 0, or -1 when the file cannot be read (reported).
 */
static int scan(struct lader *l)
{
    FILE *f = fopen(l->pfad, "r");
    if (!f) {
        diag_error("Katalog %s kann nicht gelesen werden: %s", l->pfad, diag_errno_text(errno));
        l->fehler++;
        return -1;
    }
    char *line = NULL, *logisch = NULL;
    size_t cap = 0, llen = 0;
    ssize_t n;
    int nr = 0, start = 0;
    struct abschnitt *cur = NULL;
    while ((n = getline(&line, &cap, f)) != -1) {
        nr++;
        if ((size_t)n > KATALOG_MAX_ZEILE + 1 || ((size_t)n == KATALOG_MAX_ZEILE + 1 && line[n - 1] != '\n')) {
            gesamt_fehler(l, nr, "Zeile länger als %d Bytes (iniparser liest höchstens 1024 Bytes je Zeile)",
                          KATALOG_MAX_ZEILE);
            continue;
        }
        if (nr == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            gesamt_fehler(l, 1, "die Datei beginnt mit einer Byte-Order-Mark (UTF-8-BOM), die iniparser nicht "
                                "versteht — ohne BOM speichern");
            memmove(line, line + 3, (size_t)n - 2);
            n -= 3;
        }
        /* join continuation lines */
        size_t t = (size_t)n;
        while (t && isspace((unsigned char)line[t - 1])) t--;
        int weiter = t && line[t - 1] == '\\';
        if (!logisch) start = nr;
        logisch = xrealloc(logisch, llen + t + 1);
        memcpy(logisch + llen, line, weiter ? t - 1 : t);
        llen += weiter ? t - 1 : t;
        logisch[llen] = '\0';
        if (llen > KATALOG_MAX_ZEILE) {
            gesamt_fehler(l, nr, "fortgesetzte Zeile länger als %d Bytes", KATALOG_MAX_ZEILE);
            free(logisch);
            logisch = NULL;
            llen = 0;
            continue;
        }
        if (weiter) continue;
        char *s = trim(logisch);
        if (*s == '\0' || *s == ';' || *s == '#') {
            /* nothing */
        } else if (*s == '[' && s[strlen(s) - 1] == ']') {
            s[strlen(s) - 1] = '\0';
            char *name = trim(s + 1);
            lower(name);
            for (int i = 0; i < l->nab; i++)
                if (strcmp(l->ab[i].name, name) == 0) {
                    gesamt_fehler(l, start, "Abschnitt [%s] doppelt (zuerst Zeile %d)", name, l->ab[i].zeile);
                    name = NULL;
                    break;
                }
            if (name) {
                if (l->nab == l->cap) {
                    l->cap = l->cap ? 2 * l->cap : 32;
                    l->ab = xrealloc(l->ab, sizeof *l->ab * (size_t)l->cap);
                }
                cur = &l->ab[l->nab++];
                memset(cur, 0, sizeof *cur);
                cur->name = xstrdup(name);
                cur->zeile = start;
            } else {
                cur = NULL;   /* keys of a duplicate section are not checked again */
            }
        } else {
            char *eq = strchr(s, '=');
            char *key = eq ? (*eq = '\0', trim(s)) : NULL;
            if (!key || !*key) {
                gesamt_fehler(l, start, "weder Abschnitt „[…]“ noch „Schlüssel = Wert“: %.60s", trim(logisch));
            } else if (!cur && l->nab == 0) {
                lower(key);
                gesamt_fehler(l, start, "Schlüssel „%s“ vor dem ersten Abschnitt", key);
            } else if (cur) {
                lower(key);
                char *val = trim(eq + 1);
                if (*val != '"' && *val != '\'' && strpbrk(val, ";#"))
                    gesamt_fehler(l, start, "[%s] %s: der Wert enthält „%c“; iniparser schneidet dort ab "
                                  "(Kommentar) — den Wert in \"…\" setzen", cur->name, key, *strpbrk(val, ";#"));
                struct schluessel *alt = finde_key(cur, key);
                if (alt) {
                    gesamt_fehler(l, start, "[%s] %s: Schlüssel doppelt (zuerst Zeile %d)", cur->name, key, alt->zeile);
                } else {
                    if (cur->nkeys == cur->cap) {
                        cur->cap = cur->cap ? 2 * cur->cap : 16;
                        cur->keys = xrealloc(cur->keys, sizeof *cur->keys * (size_t)cur->cap);
                    }
                    cur->keys[cur->nkeys].name = xstrdup(key);
                    cur->keys[cur->nkeys].zeile = start;
                    cur->keys[cur->nkeys].benutzt = 0;
                    cur->nkeys++;
                }
            }
        }
        free(logisch);
        logisch = NULL;
        llen = 0;
    }
    free(logisch);
    free(line);
    fclose(f);
    return 0;
}

/* ---- values ------------------------------------------------------------------------ */

/* The value of key in section a, NULL when absent or empty. */
static const char *wert_von(struct lader *l, const struct abschnitt *a, const char *key)
{
    struct schluessel *s = finde_key(a, key);
    if (!s) return NULL;
    char full[1200];
    snprintf(full, sizeof full, "%s:%s", a->name, key);
    const char *v = iniparser_getstring(l->k->ini, full, NULL);
    return v && *v ? v : NULL;
}

/* Split v at sep into trimmed, non-empty, NULL-terminated strings. */
static char **teilen(const char *v, char sep, int *count)
{
    int n = 0, cap = 4;
    char **list = xmalloc(sizeof(char *) * (size_t)cap);
    while (v && *v) {
        const char *e = strchr(v, sep);
        size_t len = e ? (size_t)(e - v) : strlen(v);
        char *item = xstrndup(v, len);
        char *t = trim(item);
        if (*t) {
            if (n + 2 > cap) { cap *= 2; list = xrealloc(list, sizeof(char *) * (size_t)cap); }
            list[n++] = xstrdup(t);
        }
        free(item);
        v = e ? e + 1 : NULL;
    }
    list[n] = NULL;
    if (count) *count = n;
    return list;
}

static void liste_frei(char **list)
{
    if (!list) return;
    for (char **p = list; *p; p++) free(*p);
    free(list);
}

static int id_gueltig(const char *id)
{
    if (!*id) return 0;
    for (const char *p = id; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_' || *p == '-' || *p == '.'))
            return 0;
    return 1;
}

static int zahl_lesen(struct lader *l, const struct abschnitt *a, const char *key, const char *v, double *out)
{
    double x;
    int rc = werte_zahl(v, NULL, &x);
    if (rc < 0 || (rc & ~WERTE_WENIGER_ALS_HAELFTE)) {
        fehler(l, a, key, "„%s“ ist keine Zahl (deutsche Schreibweise, z. B. 12,5)", v);
        return -1;
    }
    *out = x;
    return 0;
}

static int ganzzahl_lesen(struct lader *l, const struct abschnitt *a, const char *key, const char *v,
                          long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    while (*end == ' ') end++;
    if (errno || end == v || *end || n < lo || n > hi) {
        fehler(l, a, key, "„%s“ ist keine ganze Zahl von %ld bis %ld", v, lo, hi);
        return -1;
    }
    *out = n;
    return 0;
}

static int jahr_lesen(struct lader *l, const struct abschnitt *a, const char *key, int *out)
{
    const char *v = wert_von(l, a, key);
    if (!v) return 0;
    long n;
    if (ganzzahl_lesen(l, a, key, v, 1900, 2100, &n) < 0) return -1;
    *out = (int)n;
    return 0;
}

/* One of names[] (NULL-terminated); returns the index or -1 (reported). */
static int auswahl(struct lader *l, const struct abschnitt *a, const char *key, const char *v,
                   const char *const *names, const char *was)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(v, names[i]) == 0) return i;
    char liste[256] = "";
    for (int i = 0; names[i]; i++) {
        if (i) strncat(liste, ", ", sizeof liste - strlen(liste) - 1);
        strncat(liste, names[i], sizeof liste - strlen(liste) - 1);
    }
    fehler(l, a, key, "„%s“ ist %s (%s)", v, was, liste);
    return -1;
}

static const char *const art_namen[] = { "anteil", "anzahl", "je_1000", "mittelwert", "veraenderung", "meilenstein", NULL };
static const char *const polaritaet_namen[] = { "neutral", "hoeher_besser", "niedriger_besser", NULL };
static const char *const dimension_namen[] = { "", "strukturell", "kulturell", "sozial", "identifikatorisch", NULL };
static const char *const stand_namen[] = { "nein", "teilweise", "ja", NULL };
static const char *const janein[] = { "nein", "ja", NULL };

const char *katalog_art_name(enum katalog_art a)
{
    return (int)a >= 0 && a <= KATALOG_MEILENSTEIN ? art_namen[a] : "";
}

const char *katalog_polaritaet_name(enum katalog_polaritaet p)
{
    return (int)p >= 0 && p <= KATALOG_NIEDRIGER_BESSER ? polaritaet_namen[p] : "";
}

const char *katalog_dimension_name(enum katalog_dimension d)
{
    return (int)d >= 0 && d <= KATALOG_IDENTIFIKATORISCH ? dimension_namen[d] : "";
}

const char *katalog_stand_name(enum katalog_stand s)
{
    return (int)s >= 0 && s <= KATALOG_STAND_JA ? stand_namen[s] : "";
}

/* ---- lookups ----------------------------------------------------------------------- */

static int suche_id(const char *id, const void *arr, int n, size_t size)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", id);
    lower(buf);
    for (int i = 0; i < n; i++) {
        char *const *p = (char *const *)(const void *)((const char *)arr + (size_t)i * size);
        if (strcmp(*p, buf) == 0) return i;
    }
    return -1;
}

/* The id is the first member of every item struct. */
int katalog_handlungsfeld_index(const struct katalog *k, const char *id)
{
    return suche_id(id, k->handlungsfelder, k->nhandlungsfelder, sizeof *k->handlungsfelder);
}

int katalog_ziel_index(const struct katalog *k, const char *id)
{
    return suche_id(id, k->ziele, k->nziele, sizeof *k->ziele);
}

int katalog_herausforderung_index(const struct katalog *k, const char *id)
{
    return suche_id(id, k->herausforderungen, k->nherausforderungen, sizeof *k->herausforderungen);
}

int katalog_indikator_index(const struct katalog *k, const char *id)
{
    return suche_id(id, k->indikatoren, k->nindikatoren, sizeof *k->indikatoren);
}

/* ---- the sections ------------------------------------------------------------------- */

/* Report every key of a that is not in known[] (NULL-terminated). */
static void unbekannte_keys(struct lader *l, const struct abschnitt *a, const char *const *known)
{
    for (int i = 0; i < a->nkeys; i++) {
        int ok = 0;
        for (int j = 0; known[j]; j++)
            if (strcmp(a->keys[i].name, known[j]) == 0) ok = 1;
        if (!ok) fehler(l, a, a->keys[i].name, "unbekannter Schlüssel");
    }
}

static const char *pflicht(struct lader *l, const struct abschnitt *a, const char *key)
{
    const char *v = wert_von(l, a, key);
    if (!v) fehler(l, a, key, "Schlüssel „%s“ fehlt", key);
    return v;
}

static const char *optional(struct lader *l, const struct abschnitt *a, const char *key)
{
    const char *v = wert_von(l, a, key);
    return v ? v : "";
}

static int hf_ref(struct lader *l, const struct abschnitt *a, const char *key, const char *v)
{
    int i = katalog_handlungsfeld_index(l->k, v);
    if (i < 0) fehler(l, a, key, "Handlungsfeld „%s“ ist nicht definiert", v);
    return i;
}

static const char *const keys_katalog[] = { "titel", "quelle", "gebiete", "toleranz", "schwelle", NULL };
static const char *const keys_hf[] = { "titel", "leitsatz", "position", NULL };
static const char *const keys_ziel[] = { "text", "titel", "handlungsfeld", NULL };
static const char *const keys_hz[] = { "handlungsfeld", "text", NULL };
static const char *const keys_ind[] = {
    "titel", "handlungsfeld", "ziele", "herausforderung", "themenfeld", "art", "einheit", "dezimalen",
    "polaritaet", "zielwert", "zieljahr", "basisjahr", "dimension", "quelle", "hinweis", "kapitel",
    "nicht_erhoben", "wert", "wert_filter", "zaehler", "zaehler_filter", "nenner", "nenner_filter",
    "reihe", "reihe_filter", "faktor", "stand", "stand_datum", "gebiete", "gebiet_gesamt", "schwelle",
    "toleranz", NULL
};

static void lies_katalog(struct lader *l, const struct abschnitt *a)
{
    unbekannte_keys(l, a, keys_katalog);
    l->k->titel = optional(l, a, "titel");
    l->k->quelle = optional(l, a, "quelle");
    const char *v;
    if ((v = wert_von(l, a, "gebiete"))) l->def_gebiete = v;
    if ((v = wert_von(l, a, "toleranz"))) {
        double t;
        if (zahl_lesen(l, a, "toleranz", v, &t) == 0) {
            if (t < 0) fehler(l, a, "toleranz", "muss ≥ 0 sein, nicht %s", v);
            else l->def_toleranz = t;
        }
    }
    if ((v = wert_von(l, a, "schwelle"))) {
        long s;
        if (ganzzahl_lesen(l, a, "schwelle", v, 0, 1000000, &s) == 0) l->def_schwelle = (unsigned)s;
    }
}

static void lies_handlungsfeld(struct lader *l, const struct abschnitt *a, struct katalog_handlungsfeld *h, int nr)
{
    unbekannte_keys(l, a, keys_hf);
    h->titel = pflicht(l, a, "titel");
    if (!h->titel) h->titel = "";
    h->leitsatz = optional(l, a, "leitsatz");
    h->position = nr;
    const char *v = wert_von(l, a, "position");
    long p;
    if (v && ganzzahl_lesen(l, a, "position", v, 1, 100000, &p) == 0) h->position = (int)p;
}

static void lies_ziel(struct lader *l, const struct abschnitt *a, struct katalog_ziel *z)
{
    unbekannte_keys(l, a, keys_ziel);
    z->text = pflicht(l, a, "text");
    if (!z->text) z->text = "";
    z->titel = optional(l, a, "titel");
    const char *v = wert_von(l, a, "handlungsfeld");
    z->handlungsfeld = v ? hf_ref(l, a, "handlungsfeld", v) : -1;
}

static void lies_herausforderung(struct lader *l, const struct abschnitt *a, struct katalog_herausforderung *h)
{
    unbekannte_keys(l, a, keys_hz);
    const char *v = pflicht(l, a, "handlungsfeld");
    h->handlungsfeld = v ? hf_ref(l, a, "handlungsfeld", v) : -1;
    h->text = pflicht(l, a, "text");
    if (!h->text) h->text = "";
}

static int cmp_filter(const void *x, const void *y)
{
    const char *a = *(char *const *)x, *b = *(char *const *)y;
    size_t la = strcspn(a, "="), lb = strcspn(b, "=");
    int c = strncmp(a, b, la < lb ? la : lb);
    if (c) return c;
    return la < lb ? -1 : la > lb;
}

/* Parse the series key (wert, zaehler, nenner, reihe) and its _filter. */
static void lies_reihe(struct lader *l, const struct abschnitt *a, const char *key, struct katalog_reihe *r)
{
    r->datensatz = NULL;
    r->indikator = -1;
    r->filter = xcalloc(1, sizeof(char *));
    r->nfilter = 0;
    r->zeile = 0;
    char fkey[64];
    snprintf(fkey, sizeof fkey, "%s_filter", key);
    const char *v = wert_von(l, a, key);
    const char *fv = wert_von(l, a, fkey);
    if (!v) {
        if (fv) fehler(l, a, fkey, "ohne „%s“ hat ein Filter nichts zu filtern", key);
        return;
    }
    r->zeile = finde_key(a, key)->zeile;
    if (strncasecmp(v, "indikator:", 10) == 0) {
        const char *id = v + 10;
        while (*id == ' ') id++;
        r->indikator = katalog_indikator_index(l->k, id);
        if (r->indikator < 0) {
            fehler(l, a, key, "Indikator „%s“ ist nicht definiert", id);
            r->indikator = -2;   /* given, but unresolved */
        }
        if (fv) fehler(l, a, fkey, "Filter gelten nur für Datensätze, nicht für Indikator „%s“", id);
        return;
    }
    for (const char *p = v; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.')) {
            fehler(l, a, key, "„%s“ ist keine Datensatz-Kennung (z. B. 2-3-1) und kein „indikator:ID“", v);
            r->indikator = -2;
            return;
        }
    r->datensatz = v;
    if (!fv) return;
    int n;
    char **items = teilen(fv, '|', &n);
    int ok = 1;
    for (int i = 0; i < n; i++) {
        char *eq = strchr(items[i], '=');
        if (!eq) {
            fehler(l, a, fkey, "„%s“ ist kein „Merkmal=Wert“", items[i]);
            ok = 0;
            continue;
        }
        *eq = '\0';
        char *m = trim(items[i]), *w = trim(eq + 1);
        if (!*m || !*w) {
            fehler(l, a, fkey, "„%s=%s“: Merkmal und Wert dürfen nicht leer sein", m, w);
            ok = 0;
            continue;
        }
        size_t len = strlen(m) + strlen(w) + 2;
        char *norm = xmalloc(len);
        snprintf(norm, len, "%s=%s", m, w);
        free(items[i]);
        items[i] = norm;
    }
    if (ok) {
        qsort(items, (size_t)n, sizeof *items, cmp_filter);
        for (int i = 1; i < n; i++)
            if (cmp_filter(&items[i - 1], &items[i]) == 0) {
                fehler(l, a, fkey, "Merkmal „%.*s“ doppelt", (int)strcspn(items[i], "="), items[i]);
                ok = 0;
            }
    }
    if (!ok) {
        liste_frei(items);
        return;
    }
    free(r->filter);
    r->filter = items;
    r->nfilter = n;
}

static int einheit_prozent(const char *e) { return strcmp(e, "%") == 0 || strcmp(e, "Prozent") == 0; }
static int einheit_je_1000(const char *e)
{
    return strncmp(e, "je 1.000", 8) == 0 || strncmp(e, "je 1000", 7) == 0;
}

static void lies_indikator(struct lader *l, const struct abschnitt *a, struct katalog_indikator *ind)
{
    unbekannte_keys(l, a, keys_ind);
    const char *v;
    ind->handlungsfeld = -1;
    ind->titel = pflicht(l, a, "titel");
    if (!ind->titel) ind->titel = "";
    if ((v = pflicht(l, a, "handlungsfeld"))) ind->handlungsfeld = hf_ref(l, a, "handlungsfeld", v);
    ind->themenfeld = optional(l, a, "themenfeld");
    ind->quelle = optional(l, a, "quelle");
    ind->hinweis = optional(l, a, "hinweis");
    ind->kapitel = optional(l, a, "kapitel");

    /* Ziele and Herausforderungen */
    int n;
    char **items = teilen(wert_von(l, a, "ziele"), ',', &n);
    ind->ziele = xcalloc((size_t)(n ? n : 1), sizeof(int));
    for (int i = 0; i < n; i++) {
        int z = katalog_ziel_index(l->k, items[i]);
        if (z < 0) {
            fehler(l, a, "ziele", "Ziel „%s“ ist nicht definiert", items[i]);
            continue;
        }
        int hz = l->k->ziele[z].handlungsfeld;
        if (hz >= 0 && ind->handlungsfeld >= 0 && hz != ind->handlungsfeld)
            fehler(l, a, "ziele", "Ziel „%s“ gehört zu Handlungsfeld „%s“, der Indikator zu „%s“", items[i],
                   l->k->handlungsfelder[hz].id, l->k->handlungsfelder[ind->handlungsfeld].id);
        for (int j = 0; j < ind->nziele; j++)
            if (ind->ziele[j] == z) {
                fehler(l, a, "ziele", "Ziel „%s“ doppelt", items[i]);
                z = -1;
                break;
            }
        if (z >= 0) ind->ziele[ind->nziele++] = z;
    }
    liste_frei(items);
    items = teilen(wert_von(l, a, "herausforderung"), ',', &n);
    ind->herausforderungen = xcalloc((size_t)(n ? n : 1), sizeof(int));
    for (int i = 0; i < n; i++) {
        int h = katalog_herausforderung_index(l->k, items[i]);
        if (h < 0) {
            fehler(l, a, "herausforderung", "Herausforderung „%s“ ist nicht definiert", items[i]);
            continue;
        }
        int hh = l->k->herausforderungen[h].handlungsfeld;
        if (hh >= 0 && ind->handlungsfeld >= 0 && hh != ind->handlungsfeld)
            fehler(l, a, "herausforderung", "Herausforderung „%s“ gehört zu Handlungsfeld „%s“, der Indikator zu „%s“",
                   items[i], l->k->handlungsfelder[hh].id, l->k->handlungsfelder[ind->handlungsfeld].id);
        for (int j = 0; j < ind->nherausforderungen; j++)
            if (ind->herausforderungen[j] == h) {
                fehler(l, a, "herausforderung", "Herausforderung „%s“ doppelt", items[i]);
                h = -1;
                break;
            }
        if (h >= 0) ind->herausforderungen[ind->nherausforderungen++] = h;
    }
    liste_frei(items);

    /* art and what goes with it */
    int art_ok = 0;
    ind->art = KATALOG_ANZAHL;
    if ((v = pflicht(l, a, "art"))) {
        int i = auswahl(l, a, "art", v, art_namen, "keine Art");
        if (i >= 0) { ind->art = (enum katalog_art)i; art_ok = 1; }
    }
    const char *art = katalog_art_name(ind->art);
    enum katalog_art k = ind->art;

    ind->nicht_erhoben = 0;
    if ((v = wert_von(l, a, "nicht_erhoben"))) {
        int i = auswahl(l, a, "nicht_erhoben", v, janein, "weder ja noch nein");
        ind->nicht_erhoben = i == 1;
    }

    lies_reihe(l, a, "wert", &ind->wert);
    lies_reihe(l, a, "zaehler", &ind->zaehler);
    lies_reihe(l, a, "nenner", &ind->nenner);
    lies_reihe(l, a, "reihe", &ind->reihe);
    int has_w = ind->wert.zeile > 0, has_z = ind->zaehler.zeile > 0, has_n = ind->nenner.zeile > 0,
        has_r = ind->reihe.zeile > 0;
    const char *stand = wert_von(l, a, "stand"), *stand_datum = wert_von(l, a, "stand_datum");

    /* einheit */
    v = wert_von(l, a, "einheit");
    ind->einheit = v ? v : k == KATALOG_ANTEIL || k == KATALOG_VERAENDERUNG ? "%"
                   : k == KATALOG_JE_1000 ? "je 1.000 Einwohner" : k == KATALOG_ANZAHL ? "Anzahl" : "";
    if (v && art_ok) {
        if ((k == KATALOG_ANTEIL || k == KATALOG_VERAENDERUNG) && !einheit_prozent(v))
            fehler(l, a, "einheit", "art = %s verlangt die Einheit „%%“, nicht „%s“", art, v);
        else if (k == KATALOG_JE_1000 && !einheit_je_1000(v))
            fehler(l, a, "einheit", "art = je_1000 verlangt eine Einheit „je 1.000 …“ (z. B. „je 1.000 Einwohner“), nicht „%s“", v);
        else if ((k == KATALOG_ANZAHL || k == KATALOG_MITTELWERT) && (einheit_prozent(v) || einheit_je_1000(v)))
            fehler(l, a, "einheit", "art = %s passt nicht zur Einheit „%s“ (Anteile: art = anteil, Raten: art = je_1000)", art, v);
        else if (k == KATALOG_MEILENSTEIN)
            fehler(l, a, "einheit", "art = meilenstein hat keine Einheit");
    }

    /* dezimalen */
    ind->dezimalen = k == KATALOG_ANZAHL ? 0 : 1;
    long nn;
    if ((v = wert_von(l, a, "dezimalen")) && ganzzahl_lesen(l, a, "dezimalen", v, 0, 6, &nn) == 0)
        ind->dezimalen = (int)nn;

    /* polaritaet, dimension */
    ind->polaritaet = k == KATALOG_MEILENSTEIN ? KATALOG_HOEHER_BESSER : KATALOG_NEUTRAL;
    if ((v = wert_von(l, a, "polaritaet"))) {
        int i = auswahl(l, a, "polaritaet", v, polaritaet_namen, "keine Polarität");
        if (i >= 0) {
            if (k == KATALOG_MEILENSTEIN && i != KATALOG_HOEHER_BESSER)
                fehler(l, a, "polaritaet", "ein Meilenstein ist immer hoeher_besser (nein < teilweise < ja)");
            else ind->polaritaet = (enum katalog_polaritaet)i;
        }
    }
    ind->dimension = KATALOG_DIMENSION_KEINE;
    if ((v = wert_von(l, a, "dimension"))) {
        int i = auswahl(l, a, "dimension", v, dimension_namen + 1, "keine Dimension");
        if (i >= 0) ind->dimension = (enum katalog_dimension)(i + 1);
    }

    /* target */
    ind->hat_zielwert = 0;
    ind->zielwert = NAN;
    if ((v = wert_von(l, a, "zielwert"))) {
        if (k == KATALOG_MEILENSTEIN)
            fehler(l, a, "zielwert", "ein Meilenstein hat das Ziel „ja“; nur zieljahr angeben");
        else if (zahl_lesen(l, a, "zielwert", v, &ind->zielwert) == 0)
            ind->hat_zielwert = 1;
    }
    if (k == KATALOG_MEILENSTEIN) { ind->hat_zielwert = 1; ind->zielwert = 1.0; }
    jahr_lesen(l, a, "zieljahr", &ind->zieljahr);
    jahr_lesen(l, a, "basisjahr", &ind->basisjahr);
    if (ind->zieljahr && !wert_von(l, a, "zielwert") && k != KATALOG_MEILENSTEIN)
        fehler(l, a, "zieljahr", "zieljahr ohne zielwert");
    if (ind->zieljahr && ind->basisjahr && ind->basisjahr >= ind->zieljahr)
        fehler(l, a, "basisjahr", "basisjahr %d liegt nicht vor dem zieljahr %d", ind->basisjahr, ind->zieljahr);

    /* stand (milestone in the catalogue) */
    ind->stand = KATALOG_STAND_KEINER;
    if (stand) {
        int i = auswahl(l, a, "stand", stand, stand_namen, "kein Stand");
        if (i >= 0) ind->stand = (enum katalog_stand)i;
    }
    if (stand_datum && werte_datum(stand_datum, &ind->stand_jahr, &ind->stand_monat, &ind->stand_tag) != 0)
        fehler(l, a, "stand_datum", "„%s“ ist kein Datum (TT.MM.JJJJ)", stand_datum);

    /* which inputs the kind needs and allows */
    if (ind->nicht_erhoben) {
        static const char *const daten[] = { "wert", "zaehler", "nenner", "reihe", "stand", "stand_datum", NULL };
        for (int i = 0; daten[i]; i++)
            if (wert_von(l, a, daten[i])) fehler(l, a, daten[i], "widerspricht nicht_erhoben = ja");
    } else if (art_ok) {
        const char *z_n = has_z ? "zaehler" : has_n ? "nenner" : NULL;
        switch (k) {
        case KATALOG_ANTEIL:
        case KATALOG_JE_1000:
        case KATALOG_MITTELWERT:
            if (has_r) fehler(l, a, "reihe", "nur für art = veraenderung");
            if (has_w && z_n) fehler(l, a, z_n, "„wert“ (geliefert) und „zaehler“/„nenner“ (berechnet) schließen sich aus");
            else if (has_z && !has_n)
                fehler(l, a, "nenner", "Schlüssel „nenner“ fehlt: art = %s rechnet zaehler ÷ nenner%s", art,
                       k == KATALOG_ANTEIL ? " × 100" : k == KATALOG_JE_1000 ? " × 1000" : "");
            else if (has_n && !has_z)
                fehler(l, a, "zaehler", "Schlüssel „zaehler“ fehlt: art = %s rechnet zaehler ÷ nenner%s", art,
                       k == KATALOG_ANTEIL ? " × 100" : k == KATALOG_JE_1000 ? " × 1000" : "");
            else if (!has_w && !has_z)
                fehler(l, a, NULL, "keine Datenquelle: „zaehler“ und „nenner“ oder „wert“ angeben, oder nicht_erhoben = ja");
            break;
        case KATALOG_ANZAHL:
            if (z_n) fehler(l, a, z_n, "passt nicht zu art = anzahl (die Zählwerte stehen in „wert“)");
            if (has_r) fehler(l, a, "reihe", "nur für art = veraenderung");
            if (!has_w && !z_n) fehler(l, a, NULL, "keine Datenquelle: „wert“ angeben oder nicht_erhoben = ja");
            break;
        case KATALOG_VERAENDERUNG:
            if (has_w || z_n)
                fehler(l, a, has_w ? "wert" : z_n, "passt nicht zu art = veraenderung (die Ausgangsreihe steht in „reihe“)");
            else if (!has_r)
                fehler(l, a, "reihe", "Schlüssel „reihe“ fehlt: art = veraenderung berechnet die Veränderung einer Reihe zum Vorjahr");
            break;
        case KATALOG_MEILENSTEIN:
            if (z_n || has_r) fehler(l, a, z_n ? z_n : "reihe", "passt nicht zu art = meilenstein");
            if (stand && has_w) fehler(l, a, "wert", "„stand“ (im Katalog) und „wert“ (aus Daten) schließen sich aus");
            else if (stand && !stand_datum) fehler(l, a, "stand_datum", "Schlüssel „stand_datum“ fehlt (Datum des Stands, TT.MM.JJJJ)");
            else if (stand_datum && !stand) fehler(l, a, "stand", "Schlüssel „stand“ fehlt (ja, nein oder teilweise)");
            else if (!stand && !has_w && !z_n && !has_r)
                fehler(l, a, NULL, "keine Datenquelle: „stand“ mit „stand_datum“ oder „wert“ angeben, oder nicht_erhoben = ja");
            break;
        }
        if (k != KATALOG_MEILENSTEIN && (stand || stand_datum))
            fehler(l, a, stand ? "stand" : "stand_datum", "nur für art = meilenstein");
    }

    /* faktor */
    ind->faktor = k == KATALOG_ANTEIL ? 100.0 : k == KATALOG_JE_1000 ? 1000.0 : 1.0;
    if ((v = wert_von(l, a, "faktor")) && art_ok) {
        double f;
        if (zahl_lesen(l, a, "faktor", v, &f) == 0) {
            if (k == KATALOG_ANTEIL && f != 100.0)
                fehler(l, a, "faktor", "art = anteil rechnet mit dem Faktor 100, nicht %s", v);
            else if (k == KATALOG_JE_1000 && f != 1000.0)
                fehler(l, a, "faktor", "art = je_1000 rechnet mit dem Faktor 1000, nicht %s", v);
            else if (k == KATALOG_MITTELWERT && !(f > 0))
                fehler(l, a, "faktor", "muss größer als 0 sein, nicht %s", v);
            else if (k != KATALOG_ANTEIL && k != KATALOG_JE_1000 && k != KATALOG_MITTELWERT)
                fehler(l, a, "faktor", "passt nicht zu art = %s (nur anteil, je_1000, mittelwert)", art);
            else ind->faktor = f;
        }
    }

    /* areas */
    const char *g = wert_von(l, a, "gebiete");
    if (!g) g = l->def_gebiete;
    ind->gebiete = NULL;
    ind->ngebiete = 0;
    if (g && strcasecmp(g, "alle") != 0) {
        ind->gebiete = teilen(g, ',', &ind->ngebiete);
        for (int i = 0; i < ind->ngebiete; i++) {
            if (strcasecmp(ind->gebiete[i], "alle") == 0)
                fehler(l, a, wert_von(l, a, "gebiete") ? "gebiete" : NULL, "„alle“ steht allein, nicht in einer Liste");
            for (int j = 0; j < i; j++)
                if (strcmp(ind->gebiete[i], ind->gebiete[j]) == 0)
                    fehler(l, a, wert_von(l, a, "gebiete") ? "gebiete" : NULL, "Gebiet „%s“ doppelt", ind->gebiete[i]);
        }
        if (ind->ngebiete == 0) { liste_frei(ind->gebiete); ind->gebiete = NULL; }
    }
    ind->gebiet_gesamt = wert_von(l, a, "gebiet_gesamt");
    if (ind->gebiet_gesamt) {
        if (!ind->gebiete)
            fehler(l, a, "gebiet_gesamt", "braucht eine Liste „gebiete“ (die Teile dieses Gesamtgebiets), nicht alle");
        else
            for (int i = 0; i < ind->ngebiete; i++)
                if (strcmp(ind->gebiete[i], ind->gebiet_gesamt) == 0)
                    fehler(l, a, "gebiet_gesamt", "„%s“ steht auch in gebiete (dort nur die Teile)", ind->gebiet_gesamt);
    }
    ind->schwelle = l->def_schwelle;
    if ((v = wert_von(l, a, "schwelle")) && ganzzahl_lesen(l, a, "schwelle", v, 0, 1000000, &nn) == 0)
        ind->schwelle = (unsigned)nn;
    ind->toleranz = l->def_toleranz;
    if ((v = wert_von(l, a, "toleranz"))) {
        double t;
        if (zahl_lesen(l, a, "toleranz", v, &t) == 0) {
            if (t < 0) fehler(l, a, "toleranz", "muss ≥ 0 sein, nicht %s", v);
            else ind->toleranz = t;
        }
    }
}

/* References between indicators must not depend on milestones (no numbers) —
 * except a milestone taking another milestone's stand. */
static void pruefe_bezuege(struct lader *l, const struct abschnitt *a, int i)
{
    struct katalog_indikator *ind = &l->k->indikatoren[i];
    struct { const char *key; struct katalog_reihe *r; } rr[] = {
        { "wert", &ind->wert }, { "zaehler", &ind->zaehler }, { "nenner", &ind->nenner }, { "reihe", &ind->reihe }
    };
    for (size_t j = 0; j < sizeof rr / sizeof rr[0]; j++) {
        int t = rr[j].r->indikator;
        if (t < 0) continue;
        const struct katalog_indikator *ziel = &l->k->indikatoren[t];
        if (ziel->art == KATALOG_MEILENSTEIN && !(ind->art == KATALOG_MEILENSTEIN && strcmp(rr[j].key, "wert") == 0))
            fehler(l, a, rr[j].key, "Indikator „%s“ ist ein Meilenstein und liefert keine Zahlen", ziel->id);
    }
}

/* ---- cycles and computation order --------------------------------------------------- */

struct zyklen {
    struct lader *l;
    const struct abschnitt **abschnitt;   /* per indicator */
    int *farbe;     /* 0 white, 1 on the stack, 2 done */
    int *stapel;    /* DFS path */
    int tiefe;
    int *ordnung;
    int nordnung;
};

static const char *bezug_key(const struct katalog_indikator *ind, int ziel)
{
    if (ind->wert.indikator == ziel) return "wert";
    if (ind->zaehler.indikator == ziel) return "zaehler";
    if (ind->nenner.indikator == ziel) return "nenner";
    return "reihe";
}

static void besuche(struct zyklen *z, int i)
{
    struct katalog *k = z->l->k;
    z->farbe[i] = 1;
    z->stapel[z->tiefe++] = i;
    const struct katalog_indikator *ind = &k->indikatoren[i];
    int kanten[4] = { ind->wert.indikator, ind->zaehler.indikator, ind->nenner.indikator, ind->reihe.indikator };
    for (int e = 0; e < 4; e++) {
        int j = kanten[e];
        if (j < 0) continue;
        if (z->farbe[j] == 1) {
            /* a cycle: from j along the stack to i, then back to j */
            int s = z->tiefe - 1;
            while (s > 0 && z->stapel[s] != j) s--;
            char pfad[1024] = "";
            for (int t = s; t < z->tiefe; t++) {
                strncat(pfad, k->indikatoren[z->stapel[t]].id, sizeof pfad - strlen(pfad) - 1);
                strncat(pfad, " → ", sizeof pfad - strlen(pfad) - 1);
            }
            strncat(pfad, k->indikatoren[j].id, sizeof pfad - strlen(pfad) - 1);
            const struct katalog_indikator *erster = &k->indikatoren[j];
            int naechster = s + 1 < z->tiefe ? z->stapel[s + 1] : j;
            fehler(z->l, z->abschnitt[j], bezug_key(erster, naechster), "Kreisbezug: %s", pfad);
        } else if (z->farbe[j] == 0) {
            besuche(z, j);
        }
    }
    z->tiefe--;
    z->farbe[i] = 2;
    z->ordnung[z->nordnung++] = i;
}

static void reihenfolge(struct lader *l, const struct abschnitt **abschnitt)
{
    struct katalog *k = l->k;
    int n = k->nindikatoren;
    struct zyklen z = { l, abschnitt, xcalloc((size_t)n + 1, sizeof(int)), xcalloc((size_t)n + 1, sizeof(int)), 0,
                        xcalloc((size_t)n + 1, sizeof(int)), 0 };
    for (int i = 0; i < n; i++)
        if (z.farbe[i] == 0) besuche(&z, i);
    free(z.farbe);
    free(z.stapel);
    k->reihenfolge = z.ordnung;
}

/* ---- loading ------------------------------------------------------------------------- */

static int cmp_position(const void *x, const void *y)
{
    const struct katalog_handlungsfeld *a = x, *b = y;
    return (a->position > b->position) - (a->position < b->position);
}

enum art_abschnitt { A_KATALOG, A_HF, A_ZIEL, A_HZ, A_IND, A_FALSCH };

static enum art_abschnitt abschnitt_art(struct lader *l, const struct abschnitt *a, const char **id)
{
    static const struct { const char *prefix; enum art_abschnitt art; } arten[] = {
        { "handlungsfeld", A_HF }, { "ziel", A_ZIEL }, { "herausforderung", A_HZ }, { "indikator", A_IND }
    };
    if (strcmp(a->name, "katalog") == 0) return A_KATALOG;
    const char *colon = strchr(a->name, ':');
    size_t plen = colon ? (size_t)(colon - a->name) : strlen(a->name);
    for (size_t i = 0; i < sizeof arten / sizeof arten[0]; i++) {
        if (strlen(arten[i].prefix) == plen && strncmp(a->name, arten[i].prefix, plen) == 0) {
            if (!colon || !colon[1]) {
                fehler(l, a, NULL, "Kennung fehlt: [%s:KENNUNG]", arten[i].prefix);
                return A_FALSCH;
            }
            if (!id_gueltig(colon + 1)) {
                fehler(l, a, NULL, "Kennung „%s“ ungültig (nur a–z, 0–9, _ - .)", colon + 1);
                return A_FALSCH;
            }
            *id = colon + 1;
            return arten[i].art;
        }
    }
    fehler(l, a, NULL, "unbekannte Abschnittsart (katalog, handlungsfeld:…, ziel:…, herausforderung:…, indikator:…)");
    return A_FALSCH;
}

int katalog_laden(const char *pfad, struct katalog *k)
{
    memset(k, 0, sizeof *k);
    struct lader l = { 0 };
    l.k = k;
    l.pfad = pfad;
    l.def_schwelle = 3;
    l.def_toleranz = 0.0;
    l.def_gebiete = NULL;
    if (scan(&l) < 0 || l.fehler) {
        scan_frei(&l);
        return -1;
    }
    k->ini = config_ini_load(pfad, "Katalog");
    if (!k->ini) {
        scan_frei(&l);
        return -1;
    }
    k->pfad = xstrdup(pfad);
    k->titel = k->quelle = "";

    /* sort the sections by kind; ids first so that references resolve in any order */
    int n = l.nab;
    enum art_abschnitt *arten = xcalloc((size_t)n + 1, sizeof *arten);
    const char **ids = xcalloc((size_t)n + 1, sizeof *ids);
    int zahl[A_FALSCH + 1] = { 0 };
    for (int i = 0; i < n; i++) {
        arten[i] = abschnitt_art(&l, &l.ab[i], &ids[i]);
        zahl[arten[i]]++;
    }
    k->handlungsfelder = xcalloc((size_t)zahl[A_HF] + 1, sizeof *k->handlungsfelder);
    k->ziele = xcalloc((size_t)zahl[A_ZIEL] + 1, sizeof *k->ziele);
    k->herausforderungen = xcalloc((size_t)zahl[A_HZ] + 1, sizeof *k->herausforderungen);
    k->indikatoren = xcalloc((size_t)zahl[A_IND] + 1, sizeof *k->indikatoren);
    const struct abschnitt **hf_ab = xcalloc((size_t)zahl[A_HF] + 1, sizeof *hf_ab);
    const struct abschnitt **ind_ab = xcalloc((size_t)zahl[A_IND] + 1, sizeof *ind_ab);

    for (int i = 0; i < n; i++)
        if (arten[i] == A_KATALOG) lies_katalog(&l, &l.ab[i]);
    for (int i = 0; i < n; i++)
        if (arten[i] == A_HF) {
            struct katalog_handlungsfeld *h = &k->handlungsfelder[k->nhandlungsfelder];
            h->id = xstrdup(ids[i]);
            lies_handlungsfeld(&l, &l.ab[i], h, k->nhandlungsfelder + 1);
            hf_ab[k->nhandlungsfelder++] = &l.ab[i];
        }
    /* by position (stable: positions default to the file order) */
    for (int i = 0; i < k->nhandlungsfelder; i++)
        for (int j = i + 1; j < k->nhandlungsfelder; j++)
            if (k->handlungsfelder[i].position == k->handlungsfelder[j].position)
                fehler(&l, hf_ab[j], "position", "Position %d hat schon [handlungsfeld:%s]",
                       k->handlungsfelder[j].position, k->handlungsfelder[i].id);
    qsort(k->handlungsfelder, (size_t)k->nhandlungsfelder, sizeof *k->handlungsfelder, cmp_position);

    for (int i = 0; i < n; i++) {
        if (arten[i] == A_ZIEL) k->ziele[k->nziele++].id = xstrdup(ids[i]);
        if (arten[i] == A_HZ) k->herausforderungen[k->nherausforderungen++].id = xstrdup(ids[i]);
        if (arten[i] == A_IND) {
            ind_ab[k->nindikatoren] = &l.ab[i];
            k->indikatoren[k->nindikatoren++].id = xstrdup(ids[i]);
        }
    }
    int zi = 0, hi = 0, ii = 0;
    for (int i = 0; i < n; i++) {
        if (arten[i] == A_ZIEL) lies_ziel(&l, &l.ab[i], &k->ziele[zi++]);
        if (arten[i] == A_HZ) lies_herausforderung(&l, &l.ab[i], &k->herausforderungen[hi++]);
    }
    for (int i = 0; i < n; i++)
        if (arten[i] == A_IND) lies_indikator(&l, &l.ab[i], &k->indikatoren[ii++]);
    for (int i = 0; i < k->nindikatoren; i++) pruefe_bezuege(&l, ind_ab[i], i);
    reihenfolge(&l, ind_ab);

    free(arten);
    free(ids);
    free(hf_ab);
    free(ind_ab);
    scan_frei(&l);
    if (l.fehler) {
        katalog_freigeben(k);
        return -1;
    }
    return 0;
}

static void reihe_frei(struct katalog_reihe *r)
{
    liste_frei(r->filter);
    r->filter = NULL;
}

void katalog_freigeben(struct katalog *k)
{
    for (int i = 0; i < k->nhandlungsfelder; i++) free(k->handlungsfelder[i].id);
    for (int i = 0; i < k->nziele; i++) free(k->ziele[i].id);
    for (int i = 0; i < k->nherausforderungen; i++) free(k->herausforderungen[i].id);
    for (int i = 0; i < k->nindikatoren; i++) {
        struct katalog_indikator *ind = &k->indikatoren[i];
        free(ind->id);
        free(ind->ziele);
        free(ind->herausforderungen);
        reihe_frei(&ind->wert);
        reihe_frei(&ind->zaehler);
        reihe_frei(&ind->nenner);
        reihe_frei(&ind->reihe);
        liste_frei(ind->gebiete);
    }
    free(k->handlungsfelder);
    free(k->ziele);
    free(k->herausforderungen);
    free(k->indikatoren);
    free(k->reihenfolge);
    if (k->ini) iniparser_freedict(k->ini);
    free(k->pfad);
    memset(k, 0, sizeof *k);
}
