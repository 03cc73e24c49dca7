/*
 * fragebogen.c — loading and checking a questionnaire config (fragebogen.h).
 *
 * Values are read with iniparser (its quoting and comment rules); a small
 * line scan of our own runs first because iniparser cannot tell: it gives
 * the line numbers for the messages, the keys of each section in file
 * order, and finds duplicate sections and keys, which iniparser merges or
 * overwrites without a word.
 */
#include "fragebogen.h"
#include "config.h"
#include "diag.h"
#include "werte.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- small helpers ------------------------------------------------------------------ */

static char *lower_dup(const char *s)
{
    char *r = xstrdup(s);
    for (char *p = r; *p; p++) *p = (char)tolower((unsigned char)*p);
    return r;
}

static char *trim_dup(const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s)) { s++; len--; }
    while (len && isspace((unsigned char)s[len - 1])) len--;
    return xstrndup(s, len);
}

/* split at commas into trimmed non-empty items (NULL-terminated) */
static char **split_list(const char *v, int *count)
{
    int n = 0, cap = 4;
    char **list = xmalloc(sizeof(char *) * (size_t)cap);
    while (v && *v) {
        const char *comma = strchr(v, ',');
        size_t len = comma ? (size_t)(comma - v) : strlen(v);
        char *item = trim_dup(v, len);
        if (*item) {
            if (n + 2 > cap) { cap *= 2; list = xrealloc(list, sizeof(char *) * (size_t)cap); }
            list[n++] = item;
        } else {
            free(item);
        }
        v = comma ? comma + 1 : NULL;
    }
    list[n] = NULL;
    *count = n;
    return list;
}

static void free_list(char **list, int n)
{
    if (!list) return;
    for (int i = 0; i < n; i++) free(list[i]);
    free(list);
}

const char *frage_typ_name(enum frage_typ t)
{
    static const char *const namen[] = { "text", "single", "multi", "likert", "janein", "zahl" };
    return (unsigned)t < sizeof namen / sizeof *namen ? namen[t] : "?";
}

/* ---- the line scan ------------------------------------------------------------------ */

struct eintrag {
    char *sec;      /* lowercased, as iniparser keys it */
    char *orig;     /* section as written (headers only) */
    char *key;      /* lowercased key, NULL for a section header */
    int zeile;
};

struct lader {
    const char *pfad;
    dictionary *d;
    struct eintrag *e;
    int ne, cap;
    struct fragebogen_fehler *fehler;
    int nfehler;
};

static void melden(struct lader *L, const char *text)
{
    L->nfehler++;
    if (L->fehler) {
        L->fehler->texte = xrealloc(L->fehler->texte, sizeof(char *) * (size_t)(L->fehler->n + 1));
        L->fehler->texte[L->fehler->n++] = xstrdup(text);
    } else {
        diag_error("%s", text);
    }
}

static int zeile_von(const struct lader *L, const char *sec, const char *key)
{
    for (int i = 0; i < L->ne; i++)
        if (strcmp(L->e[i].sec, sec) == 0 &&
            (key ? L->e[i].key && strcmp(L->e[i].key, key) == 0 : !L->e[i].key))
            return L->e[i].zeile;
    return 0;
}

/* "PFAD, Zeile N: [anzeige] key: text" — sec is the display name of the section */
static void fehler_at(struct lader *L, const char *sec, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fehler_at(struct lader *L, const char *sec, const char *key, const char *fmt, ...)
{
    char text[900], buf[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    int z = 0;
    const char *anzeige = sec;
    if (sec) {
        char *low = lower_dup(sec);
        z = key ? zeile_von(L, low, key) : 0;
        if (!z) z = zeile_von(L, low, NULL);
        for (int i = 0; i < L->ne; i++)
            if (!L->e[i].key && strcmp(L->e[i].sec, low) == 0) { anzeige = L->e[i].orig; break; }
        free(low);
    }
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s", L->pfad);
    if (z && n < sizeof buf) n += (size_t)snprintf(buf + n, sizeof buf - n, ", Zeile %d", z);
    if (n < sizeof buf) n += (size_t)snprintf(buf + n, sizeof buf - n, ": ");
    if (sec && n < sizeof buf) {
        n += (size_t)snprintf(buf + n, sizeof buf - n, "[%s]%s", anzeige, key ? " " : ": ");
        if (key && n < sizeof buf) n += (size_t)snprintf(buf + n, sizeof buf - n, "%s: ", key);
    }
    if (n < sizeof buf) snprintf(buf + n, sizeof buf - n, "%s", text);
    melden(L, buf);
}

/* Scan the file as iniparser 4.1 does (section "[…]" up to the first ']',
 * key before '=', both trimmed and lowercased); report duplicates. */
static int scannen(struct lader *L)
{
    FILE *f = fopen(L->pfad, "r");
    if (!f) {
        char buf[600];
        snprintf(buf, sizeof buf, "%s kann nicht gelesen werden: %s", L->pfad, diag_errno_text(errno));
        melden(L, buf);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int zeile = 0;
    char *sec = xstrdup("");
    char *orig = xstrdup("");
    while ((len = getline(&line, &cap, f)) >= 0) {
        zeile++;
        char *s = line;
        while (isspace((unsigned char)*s)) s++;
        size_t l = strlen(s);
        while (l && isspace((unsigned char)s[l - 1])) s[--l] = '\0';
        if (!*s || *s == ';' || *s == '#') continue;
        if (s[l - 1] == '\\') {
            char buf[600];
            snprintf(buf, sizeof buf, "%s, Zeile %d: Fortsetzungszeilen (\\ am Zeilenende) werden nicht unterstützt",
                     L->pfad, zeile);
            melden(L, buf);
            continue;
        }
        char *key = NULL;
        if (*s == '[') {
            char *end = strchr(s + 1, ']');
            if (!end) continue;                       /* iniparser reports the syntax error */
            free(sec);
            free(orig);
            orig = trim_dup(s + 1, (size_t)(end - s - 1));
            sec = lower_dup(orig);
        } else {
            char *eq = strchr(s, '=');
            if (!eq) continue;                        /* iniparser reports it */
            char *k = trim_dup(s, (size_t)(eq - s));
            key = lower_dup(k);
            free(k);
        }
        for (int i = 0; i < L->ne; i++) {
            if (strcmp(L->e[i].sec, sec) != 0) continue;
            if (!key && !L->e[i].key) {
                char buf[900];
                snprintf(buf, sizeof buf, "%s, Zeile %d: [%s]: Abschnitt doppelt (zuerst Zeile %d)",
                         L->pfad, zeile, orig, L->e[i].zeile);
                melden(L, buf);
                break;
            }
            if (key && L->e[i].key && strcmp(L->e[i].key, key) == 0) {
                char buf[900];
                snprintf(buf, sizeof buf, "%s, Zeile %d: [%s] %s: Schlüssel doppelt (zuerst Zeile %d)",
                         L->pfad, zeile, orig, key, L->e[i].zeile);
                melden(L, buf);
                break;
            }
        }
        if (L->ne == L->cap) {
            L->cap = L->cap ? 2 * L->cap : 64;
            L->e = xrealloc(L->e, sizeof *L->e * (size_t)L->cap);
        }
        L->e[L->ne].sec = xstrdup(sec);
        L->e[L->ne].orig = key ? NULL : xstrdup(orig);
        L->e[L->ne].key = key;
        L->e[L->ne].zeile = zeile;
        L->ne++;
    }
    free(line);
    free(sec);
    free(orig);
    fclose(f);
    return 0;
}

static struct lader *ini_lader;

static int ini_fehler(const char *format, ...)
{
    char text[2600];
    va_list ap;
    va_start(ap, format);
    config_ini_error_text(text, sizeof text, ini_lader ? ini_lader->pfad : "?", format, ap);
    va_end(ap);
    if (ini_lader) melden(ini_lader, text);
    return 0;
}

/* ---- reading values ----------------------------------------------------------------- */

/* value of key in section (display name sec), NULL when absent; "" stays "" */
static const char *wert(struct lader *L, const char *sec, const char *key)
{
    char *low = lower_dup(sec);
    size_t n = strlen(low) + strlen(key) + 2;
    char *full = xmalloc(n);
    snprintf(full, n, "%s:%s", low, key);
    const char *v = iniparser_getstring(L->d, full, NULL);
    free(full);
    free(low);
    return v;
}

static int hat_abschnitt(struct lader *L, const char *sec)
{
    char *low = lower_dup(sec);
    int z = zeile_von(L, low, NULL);
    free(low);
    return z > 0;
}

/* ja/nein → 1/0; absent → def; bad → error and def */
static int bool_wert(struct lader *L, const char *sec, const char *key, int def)
{
    const char *v = wert(L, sec, key);
    if (!v || !*v) return def;
    static const char *const ja[] = { "ja", "1", "true", "wahr" };
    static const char *const nein[] = { "nein", "0", "false", "falsch" };
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(v, ja[i]) == 0) return 1;
        if (strcasecmp(v, nein[i]) == 0) return 0;
    }
    fehler_at(L, sec, key, "„%s“ ist weder ja noch nein", v);
    return def;
}

/* "option12" with prefix "option" → 12 into *n; no leading zeros (but "0") */
static int nummer_suffix(const char *key, const char *prefix, long *n)
{
    size_t pl = strlen(prefix);
    if (strncmp(key, prefix, pl) != 0) return 0;
    const char *d = key + pl;
    if (!*d || strlen(d) > 6) return 0;
    for (const char *p = d; *p; p++)
        if (!isdigit((unsigned char)*p)) return 0;
    if (d[0] == '0' && d[1]) return 0;
    *n = strtol(d, NULL, 10);
    return 1;
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* numbers N of the keys prefixN of section sec, ascending; returns count */
static int nummerierte(struct lader *L, const char *sec, const char *prefix, long **out)
{
    char *low = lower_dup(sec);
    int n = 0;
    long *ns = xmalloc(sizeof(long) * (size_t)(L->ne + 1));
    for (int i = 0; i < L->ne; i++) {
        long k;
        if (L->e[i].key && strcmp(L->e[i].sec, low) == 0 && nummer_suffix(L->e[i].key, prefix, &k))
            ns[n++] = k;
    }
    free(low);
    qsort(ns, (size_t)n, sizeof *ns, cmp_long);
    *out = ns;
    return n;
}

/* report keys of section sec that are not in erlaubt (NULL-terminated) or
 * prefixN for a prefix in nummeriert (NULL-terminated, may be NULL) */
static void unbekannte_schluessel(struct lader *L, const char *sec, const char *const *erlaubt,
                                  const char *const *nummeriert)
{
    char *low = lower_dup(sec);
    for (int i = 0; i < L->ne; i++) {
        if (!L->e[i].key || strcmp(L->e[i].sec, low) != 0) continue;
        int ok = 0;
        for (const char *const *p = erlaubt; *p && !ok; p++)
            ok = strcmp(*p, L->e[i].key) == 0;
        long k;
        for (const char *const *p = nummeriert; p && *p && !ok; p++)
            ok = nummer_suffix(L->e[i].key, *p, &k);
        if (!ok) fehler_at(L, sec, L->e[i].key, "unbekannter Schlüssel");
    }
    free(low);
}

static int code_gueltig(const char *c)
{
    if (!*c) return 0;
    for (const char *p = c; *p; p++)
        if (isspace((unsigned char)*p) || *p == ':' || *p == ']' || *p == '[' || *p == ',' ||
            *p == ';' || *p == '#' || *p == '"' || *p == '\'')
            return 0;
    return 1;
}

/* ---- questions ---------------------------------------------------------------------- */

int frage_option_index(const struct frage *q, const char *s)
{
    if (!s) return -1;
    while (isspace((unsigned char)*s)) s++;
    size_t len = strlen(s);
    while (len && isspace((unsigned char)s[len - 1])) len--;
    for (int i = 0; i < q->noptionen; i++)
        if (strlen(q->optionen[i].code) == len && strncmp(q->optionen[i].code, s, len) == 0) return i;
    for (int i = 0; i < q->noptionen; i++)
        if (strlen(q->optionen[i].text) == len && strncasecmp(q->optionen[i].text, s, len) == 0) return i;
    return -1;
}

int fragebogen_frage(const struct fragebogen *fb, const char *code)
{
    for (int i = 0; i < fb->nfragen; i++)
        if (strcasecmp(fb->fragen[i].code, code) == 0) return i;
    return -1;
}

static char *concat(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
    char *r = xmalloc(n);
    snprintf(r, n, "%s%s%s", a, b, c);
    return r;
}

static void frage_laden(struct lader *L, struct frage *q, const struct fragebogen_abschnitt *abs)
{
    char *sec = concat("frage ", q->code, "");
    static const char *const erlaubt[] = { "typ", "text", "stamm", "freitext", "intervall", "min", "max",
                                           "ganzzahlig", "filter", "personenbezogen", "schwaerzen", NULL };
    static const char *const nummeriert[] = { "option", NULL };
    unbekannte_schluessel(L, sec, erlaubt, nummeriert);

    const char *typ = wert(L, sec, "typ");
    int typ_ok = 0;
    q->typ = FRAGE_TEXT;
    if (!typ || !*typ) {
        fehler_at(L, sec, NULL, "Schlüssel typ fehlt");
    } else {
        for (int t = FRAGE_TEXT; t <= FRAGE_ZAHL; t++)
            if (strcasecmp(typ, frage_typ_name((enum frage_typ)t)) == 0) { q->typ = (enum frage_typ)t; typ_ok = 1; }
        if (!typ_ok)
            fehler_at(L, sec, "typ", "unbekannter Fragetyp „%s“ (erlaubt: text, single, multi, likert, janein, zahl)", typ);
    }
    const char *text = wert(L, sec, "text");
    if (!text || !*text) fehler_at(L, sec, NULL, "Schlüssel text fehlt");
    q->text = xstrdup(text ? text : "");
    const char *stamm = wert(L, sec, "stamm");
    q->stamm = stamm && *stamm ? xstrdup(stamm) : NULL;
    q->personenbezogen = bool_wert(L, sec, "personenbezogen", abs->personenbezogen);

    /* options */
    long *ns;
    int n = nummerierte(L, sec, "option", &ns);
    int braucht = q->typ == FRAGE_SINGLE || q->typ == FRAGE_MULTI || q->typ == FRAGE_LIKERT || q->typ == FRAGE_JANEIN;
    if (n && !braucht && typ_ok) {
        char key[32];
        snprintf(key, sizeof key, "option%ld", ns[0]);
        fehler_at(L, sec, key, "Fragetyp %s hat keine Optionen", frage_typ_name(q->typ));
        n = 0;
    }
    if (q->typ == FRAGE_JANEIN && n == 0) {
        q->noptionen = 2;
        q->optionen = xcalloc(2, sizeof *q->optionen);
        q->optionen[0].code = xstrdup("1");
        q->optionen[0].text = xstrdup("Ja");
        q->optionen[1].code = xstrdup("2");
        q->optionen[1].text = xstrdup("Nein");
    } else if (n) {
        q->noptionen = n;
        q->optionen = xcalloc((size_t)n, sizeof *q->optionen);
        for (int i = 0; i < n; i++) {
            char key[32], code[24];
            snprintf(key, sizeof key, "option%ld", ns[i]);
            snprintf(code, sizeof code, "%ld", ns[i]);
            const char *ot = wert(L, sec, key);
            if (!ot || !*ot) fehler_at(L, sec, key, "Optionstext fehlt");
            q->optionen[i].code = xstrdup(code);
            q->optionen[i].text = xstrdup(ot ? ot : "");
            for (int j = 0; j < i; j++)
                if (*q->optionen[i].text && strcasecmp(q->optionen[j].text, q->optionen[i].text) == 0)
                    fehler_at(L, sec, key, "Optionstext „%s“ doppelt (auch option%s)", ot, q->optionen[j].code);
        }
    }
    free(ns);
    if (!typ_ok) { free(sec); return; }     /* no follow-up errors of an unknown type */
    if (q->typ == FRAGE_SINGLE && q->noptionen < 2)
        fehler_at(L, sec, NULL, "Fragetyp single braucht mindestens 2 Optionen (option1, option2, …)");
    if (q->typ == FRAGE_LIKERT && q->noptionen < 2)
        fehler_at(L, sec, NULL, "Fragetyp likert braucht mindestens 2 Skalenstufen (option1, option2, …)");
    if (q->typ == FRAGE_MULTI && q->noptionen < 1)
        fehler_at(L, sec, NULL, "Fragetyp multi braucht Optionen (option1, option2, …)");
    if (q->typ == FRAGE_JANEIN && q->noptionen != 2)
        fehler_at(L, sec, NULL, "Fragetyp janein hat genau 2 Optionen (oder keine: 1 = Ja, 2 = Nein)");

    /* free-text options */
    const char *ft = wert(L, sec, "freitext");
    if (ft && *ft) {
        if (q->typ != FRAGE_SINGLE && q->typ != FRAGE_MULTI) {
            fehler_at(L, sec, "freitext", "nur bei single und multi");
        } else {
            int nc;
            char **codes = split_list(ft, &nc);
            for (int i = 0; i < nc; i++) {
                int k = -1;
                for (int j = 0; j < q->noptionen; j++)
                    if (strcmp(q->optionen[j].code, codes[i]) == 0) k = j;
                if (k < 0) fehler_at(L, sec, "freitext", "Option „%s“ gibt es nicht", codes[i]);
                else q->optionen[k].freitext = 1;
            }
            free_list(codes, nc);
        }
    }
    /* columns */
    if (q->typ != FRAGE_MULTI) q->spalte = xstrdup(q->code);
    for (int i = 0; i < q->noptionen; i++) {
        struct frage_option *o = &q->optionen[i];
        if (q->typ == FRAGE_MULTI) o->spalte = concat(q->code, ".", o->code);
        if (o->freitext) {
            char *base = concat(q->code, ".", o->code);
            o->freitext_spalte = concat(base, "_text", "");
            free(base);
        }
    }

    /* scale and number keys */
    q->intervall = bool_wert(L, sec, "intervall", 0);
    if (wert(L, sec, "intervall") && q->typ != FRAGE_LIKERT) fehler_at(L, sec, "intervall", "nur bei likert");
    const char *const zk[] = { "min", "max" };
    for (int i = 0; i < 2; i++) {
        const char *v = wert(L, sec, zk[i]);
        if (!v) continue;
        double x;
        if (q->typ != FRAGE_ZAHL) { fehler_at(L, sec, zk[i], "nur bei zahl"); continue; }
        if (werte_zahl(v, NULL, &x) < 0) { fehler_at(L, sec, zk[i], "„%s“ ist keine Zahl", v); continue; }
        if (i == 0) { q->hat_min = 1; q->min = x; } else { q->hat_max = 1; q->max = x; }
    }
    if (q->hat_min && q->hat_max && q->min > q->max) fehler_at(L, sec, "max", "kleiner als min");
    q->ganzzahlig = bool_wert(L, sec, "ganzzahlig", 0);
    if (wert(L, sec, "ganzzahlig") && q->typ != FRAGE_ZAHL) fehler_at(L, sec, "ganzzahlig", "nur bei zahl");

    /* redaction of personal texts */
    const char *sw = wert(L, sec, "schwaerzen");
    q->schwaerzen = q->personenbezogen && q->typ == FRAGE_TEXT ? SCHWAERZEN_GANZ : SCHWAERZEN_NEIN;
    if (sw && *sw) {
        if (!q->personenbezogen || q->typ != FRAGE_TEXT)
            fehler_at(L, sec, "schwaerzen", "nur bei personenbezogenen Textfragen");
        else if (strcasecmp(sw, "ganz") == 0) q->schwaerzen = SCHWAERZEN_GANZ;
        else if (strcasecmp(sw, "woerter") == 0 || strcasecmp(sw, "wörter") == 0) q->schwaerzen = SCHWAERZEN_WOERTER;
        else if (strcasecmp(sw, "nein") == 0) q->schwaerzen = SCHWAERZEN_NEIN;
        else fehler_at(L, sec, "schwaerzen", "„%s“: erlaubt sind ganz, woerter, nein", sw);
    }
    free(sec);
}

/* filters are resolved once all questions are known */
static void filter_laden(struct lader *L, struct fragebogen *fb, int qi)
{
    struct frage *q = &fb->fragen[qi];
    char *sec = concat("frage ", q->code, "");
    const char *f = wert(L, sec, "filter");
    if (!f || !*f) { free(sec); return; }
    const char *in = NULL;
    for (const char *p = f; *p; p++)
        if (strncasecmp(p, " in ", 4) == 0) { in = p; break; }
    if (!in) {
        fehler_at(L, sec, "filter", "„%s“: erwartet „FRAGE in OPTION, OPTION, …“", f);
        free(sec);
        return;
    }
    char *ziel = trim_dup(f, (size_t)(in - f));
    int zi = fragebogen_frage(fb, ziel);
    if (zi < 0) {
        fehler_at(L, sec, "filter", "Frage „%s“ gibt es nicht", ziel);
    } else if (zi >= qi) {
        fehler_at(L, sec, "filter", "Filterfrage %s steht nicht vor Frage %s", fb->fragen[zi].code, q->code);
    } else if (fb->fragen[zi].personenbezogen) {
        fehler_at(L, sec, "filter", "Filterfrage %s ist personenbezogen (ihre Antworten ließen sich über die "
                  "Zahl der Gefragten auszählen)", fb->fragen[zi].code);
    } else if (fb->fragen[zi].typ == FRAGE_TEXT || fb->fragen[zi].typ == FRAGE_ZAHL) {
        fehler_at(L, sec, "filter", "Filterfrage %s hat den Typ %s (erlaubt: single, multi, likert, janein)",
                  fb->fragen[zi].code, frage_typ_name(fb->fragen[zi].typ));
    } else {
        const struct frage *z = &fb->fragen[zi];
        int nw;
        char **werte = split_list(in + 4, &nw);
        if (nw == 0) fehler_at(L, sec, "filter", "keine Optionen nach „in“");
        int *opt = xmalloc(sizeof(int) * (size_t)(nw + 1));
        int nopt = 0, ok = nw > 0;
        for (int i = 0; i < nw; i++) {
            int k = frage_option_index(z, werte[i]);
            if (k < 0) {
                fehler_at(L, sec, "filter", "Frage %s hat keine Option „%s“", z->code, werte[i]);
                ok = 0;
                continue;
            }
            int dup = 0;
            for (int j = 0; j < nopt; j++) dup |= opt[j] == k;
            if (!dup) opt[nopt++] = k;
        }
        free_list(werte, nw);
        if (ok) {
            q->hat_filter = 1;
            q->filter.frage = zi;
            q->filter.optionen = opt;
            q->filter.noptionen = nopt;
            q->filter.text = xstrdup(f);
        } else {
            free(opt);
        }
    }
    free(ziel);
    free(sec);
}

/* ---- columns ------------------------------------------------------------------------ */

struct spalte { const char *name; char *wer; };

static void spalte_pruefen(struct lader *L, struct spalte **sp, int *n, const char *name, const char *wer,
                           const char *sec, const char *key)
{
    for (int i = 0; i < *n; i++)
        if (strcasecmp((*sp)[i].name, name) == 0) {
            fehler_at(L, sec, key, "Spalte „%s“ gibt es schon (%s)", name, (*sp)[i].wer);
            return;
        }
    *sp = xrealloc(*sp, sizeof **sp * (size_t)(*n + 1));
    (*sp)[*n].name = name;
    (*sp)[*n].wer = xstrdup(wer);
    (*n)++;
}

static void spalten_pruefen(struct lader *L, struct fragebogen *fb)
{
    struct spalte *sp = NULL;
    int n = 0;
    spalte_pruefen(L, &sp, &n, fb->id_spalte, "ID-Spalte", "antworten", "id_spalte");
    for (int i = 0; i < fb->nweitere_spalten; i++)
        spalte_pruefen(L, &sp, &n, fb->weitere_spalten[i], "weitere Spalte", "antworten", "weitere_spalten");
    for (int qi = 0; qi < fb->nfragen; qi++) {
        struct frage *q = &fb->fragen[qi];
        char *sec = concat("frage ", q->code, "");
        char wer[200];
        snprintf(wer, sizeof wer, "Frage %s", q->code);
        if (q->spalte) spalte_pruefen(L, &sp, &n, q->spalte, wer, sec, NULL);
        for (int i = 0; i < q->noptionen; i++) {
            char key[40];
            snprintf(key, sizeof key, "option%s", q->optionen[i].code);
            snprintf(wer, sizeof wer, "Frage %s, Option %s", q->code, q->optionen[i].code);
            if (q->optionen[i].spalte) spalte_pruefen(L, &sp, &n, q->optionen[i].spalte, wer, sec, key);
            if (q->optionen[i].freitext_spalte)
                spalte_pruefen(L, &sp, &n, q->optionen[i].freitext_spalte, wer, sec, key);
        }
        free(sec);
    }
    const char *rs = fb->ruecklauf.spalte;
    if (rs)
        for (int i = 0; i < n; i++)
            if (strcasecmp(sp[i].name, rs) == 0 && strncmp(sp[i].wer, "Frage", 5) == 0)
                fehler_at(L, "ruecklauf", "spalte", "Spalte „%s“ ist eine Antwortspalte (%s)", rs, sp[i].wer);
    for (int i = 0; i < n; i++) free(sp[i].wer);
    free(sp);
}

/* ---- the whole file ----------------------------------------------------------------- */

static void ruecklauf_laden(struct lader *L, struct fragebogen *fb)
{
    struct fragebogen_ruecklauf *r = &fb->ruecklauf;
    if (!hat_abschnitt(L, "ruecklauf")) return;
    static const char *const erlaubt[] = { "spalte", "einheit", "befragt_anzahl", "fehlanzeige", NULL };
    static const char *const nummeriert[] = { "befragt", NULL };
    unbekannte_schluessel(L, "ruecklauf", erlaubt, nummeriert);
    r->konfiguriert = 1;
    const char *v = wert(L, "ruecklauf", "spalte");
    r->spalte = v && *v ? xstrdup(v) : NULL;
    v = wert(L, "ruecklauf", "einheit");
    r->einheit = xstrdup(v && *v ? v : "Befragten");
    long *ns;
    int n = nummerierte(L, "ruecklauf", "befragt", &ns);
    if (n) {
        r->befragt = xcalloc((size_t)n, sizeof(char *));
        for (int i = 0; i < n; i++) {
            char key[32];
            snprintf(key, sizeof key, "befragt%ld", ns[i]);
            v = wert(L, "ruecklauf", key);
            if (!v || !*v) { fehler_at(L, "ruecklauf", key, "Name fehlt"); v = ""; }
            for (int j = 0; j < r->nbefragt; j++)
                if (*v && strcasecmp(r->befragt[j], v) == 0)
                    fehler_at(L, "ruecklauf", key, "„%s“ doppelt", v);
            r->befragt[r->nbefragt++] = xstrdup(v);
        }
    }
    free(ns);
    r->befragt_anzahl = r->nbefragt;
    v = wert(L, "ruecklauf", "befragt_anzahl");
    if (v && *v) {
        char *end;
        long a = strtol(v, &end, 10);
        if (*end || a < 1 || a > 1000000) fehler_at(L, "ruecklauf", "befragt_anzahl", "„%s“ ist keine Anzahl ≥ 1", v);
        else if (n && a != n)
            fehler_at(L, "ruecklauf", "befragt_anzahl", "%ld, aber %d Namen in befragt1 …", a, n);
        else r->befragt_anzahl = (int)a;
    }
    if (r->befragt_anzahl == 0 && !(v && *v))
        fehler_at(L, "ruecklauf", NULL, "befragt1, befragt2, … oder befragt_anzahl fehlt");
    v = wert(L, "ruecklauf", "fehlanzeige");
    r->fehlanzeige = split_list(v && *v ? v : "Fehlanzeige", &r->nfehlanzeige);
}

static struct fragebogen *laden(struct lader *L)
{
    struct fragebogen *fb = xcalloc(1, sizeof *fb);
    fb->pfad = xstrdup(L->pfad);
    if (!hat_abschnitt(L, "fragebogen")) fehler_at(L, NULL, NULL, "Abschnitt [fragebogen] fehlt");
    static const char *const fb_erlaubt[] = { "titel", "kommune", "quelle", "abschnitte", NULL };
    unbekannte_schluessel(L, "fragebogen", fb_erlaubt, NULL);
    const char *v;
    if ((v = wert(L, "fragebogen", "titel")) && *v) fb->titel = xstrdup(v);
    if ((v = wert(L, "fragebogen", "kommune")) && *v) fb->kommune = xstrdup(v);
    if ((v = wert(L, "fragebogen", "quelle")) && *v) fb->quelle = xstrdup(v);

    static const char *const ant_erlaubt[] = { "id_spalte", "weitere_spalten", "fehlend", NULL };
    unbekannte_schluessel(L, "antworten", ant_erlaubt, NULL);
    v = wert(L, "antworten", "id_spalte");
    fb->id_spalte = xstrdup(v && *v ? v : "id");
    fb->weitere_spalten = split_list(wert(L, "antworten", "weitere_spalten"), &fb->nweitere_spalten);
    fb->fehlend = split_list(wert(L, "antworten", "fehlend"), &fb->nfehlend);

    int nabs;
    char **abs = split_list(wert(L, "fragebogen", "abschnitte"), &nabs);
    if (nabs == 0 && hat_abschnitt(L, "fragebogen"))
        fehler_at(L, "fragebogen", NULL, "Schlüssel abschnitte fehlt oder ist leer");
    fb->abschnitte = xcalloc((size_t)nabs + 1, sizeof *fb->abschnitte);
    int qcap = 16;
    fb->fragen = xcalloc((size_t)qcap, sizeof *fb->fragen);
    for (int a = 0; a < nabs; a++) {
        if (!code_gueltig(abs[a])) {
            fehler_at(L, "fragebogen", "abschnitte", "Abschnittscode „%s“ enthält ein unzulässiges Zeichen", abs[a]);
            continue;
        }
        int dup = 0;
        for (int b = 0; b < fb->nabschnitte; b++) dup |= strcasecmp(fb->abschnitte[b].code, abs[a]) == 0;
        if (dup) {
            fehler_at(L, "fragebogen", "abschnitte", "Abschnitt „%s“ doppelt", abs[a]);
            continue;
        }
        char *sec = concat("abschnitt ", abs[a], "");
        struct fragebogen_abschnitt *ab = &fb->abschnitte[fb->nabschnitte++];
        ab->code = xstrdup(abs[a]);
        if (!hat_abschnitt(L, sec)) {
            fehler_at(L, "fragebogen", "abschnitte", "Abschnitt [%s] fehlt", sec);
            free(sec);
            continue;
        }
        static const char *const ab_erlaubt[] = { "titel", "personenbezogen", "fragen", NULL };
        unbekannte_schluessel(L, sec, ab_erlaubt, NULL);
        if ((v = wert(L, sec, "titel")) && *v) ab->titel = xstrdup(v);
        ab->personenbezogen = bool_wert(L, sec, "personenbezogen", 0);
        int nq;
        char **codes = split_list(wert(L, sec, "fragen"), &nq);
        if (nq == 0) fehler_at(L, sec, NULL, "Schlüssel fragen fehlt oder ist leer");
        for (int i = 0; i < nq; i++) {
            if (!code_gueltig(codes[i])) {
                fehler_at(L, sec, "fragen", "Fragecode „%s“ enthält ein unzulässiges Zeichen", codes[i]);
                continue;
            }
            int k = fragebogen_frage(fb, codes[i]);
            if (k >= 0) {
                fehler_at(L, sec, "fragen", "Frage „%s“ doppelt (Abschnitt %s)", codes[i],
                          fb->abschnitte[fb->fragen[k].abschnitt].code);
                continue;
            }
            char *qsec = concat("frage ", codes[i], "");
            int da = hat_abschnitt(L, qsec);
            free(qsec);
            if (!da) {
                fehler_at(L, sec, "fragen", "Frage „%s“ hat keinen Abschnitt [frage %s]", codes[i], codes[i]);
                continue;
            }
            if (fb->nfragen == qcap) {
                qcap *= 2;
                fb->fragen = xrealloc(fb->fragen, sizeof *fb->fragen * (size_t)qcap);
            }
            struct frage *q = &fb->fragen[fb->nfragen++];
            memset(q, 0, sizeof *q);
            q->code = xstrdup(codes[i]);
            q->abschnitt = fb->nabschnitte - 1;
            frage_laden(L, q, ab);
        }
        free_list(codes, nq);
        free(sec);
    }
    free_list(abs, nabs);
    for (int qi = 0; qi < fb->nfragen; qi++) filter_laden(L, fb, qi);
    ruecklauf_laden(L, fb);
    spalten_pruefen(L, fb);

    /* sections nobody asked for */
    for (int i = 0; i < L->ne; i++) {
        const char *s = L->e[i].sec;
        if (L->e[i].key || !*s) continue;
        if (!strcmp(s, "fragebogen") || !strcmp(s, "antworten") || !strcmp(s, "ruecklauf")) continue;
        int bekannt = 0;
        if (strncmp(s, "abschnitt ", 10) == 0) {
            for (int a = 0; a < fb->nabschnitte && !bekannt; a++) bekannt = strcasecmp(s + 10, fb->abschnitte[a].code) == 0;
            if (!bekannt) fehler_at(L, L->e[i].orig, NULL, "steht nicht in [fragebogen] abschnitte");
        } else if (strncmp(s, "frage ", 6) == 0) {
            bekannt = fragebogen_frage(fb, s + 6) >= 0;
            if (!bekannt) fehler_at(L, L->e[i].orig, NULL, "steht in keiner Fragenliste (fragen = … eines Abschnitts)");
        } else {
            fehler_at(L, L->e[i].orig, NULL, "unbekannter Abschnitt");
        }
    }
    return fb;
}

int fragebogen_laden(const char *pfad, struct fragebogen **out, struct fragebogen_fehler *fehler)
{
    struct lader L;
    memset(&L, 0, sizeof L);
    L.pfad = pfad;
    L.fehler = fehler;
    *out = NULL;
    struct fragebogen *fb = NULL;
    if (scannen(&L) == 0) {
        ini_lader = &L;
        iniparser_set_error_callback(ini_fehler);
        L.d = iniparser_load(pfad);
        iniparser_set_error_callback(NULL);
        ini_lader = NULL;
        if (!L.d) {
            if (!L.nfehler) {
                char buf[600];
                snprintf(buf, sizeof buf, "%s: iniparser kann die Datei nicht lesen", pfad);
                melden(&L, buf);
            }
        } else {
            fb = laden(&L);
            iniparser_freedict(L.d);
        }
    }
    for (int i = 0; i < L.ne; i++) {
        free(L.e[i].sec);
        free(L.e[i].orig);
        free(L.e[i].key);
    }
    free(L.e);
    if (L.nfehler) {
        fragebogen_free(fb);
        return -1;
    }
    *out = fb;
    return 0;
}

void fragebogen_free(struct fragebogen *fb)
{
    if (!fb) return;
    for (int i = 0; i < fb->nfragen; i++) {
        struct frage *q = &fb->fragen[i];
        free(q->code);
        free(q->text);
        free(q->stamm);
        free(q->spalte);
        for (int j = 0; j < q->noptionen; j++) {
            free(q->optionen[j].code);
            free(q->optionen[j].text);
            free(q->optionen[j].spalte);
            free(q->optionen[j].freitext_spalte);
        }
        free(q->optionen);
        free(q->filter.optionen);
        free(q->filter.text);
    }
    free(fb->fragen);
    for (int i = 0; i < fb->nabschnitte; i++) {
        free(fb->abschnitte[i].code);
        free(fb->abschnitte[i].titel);
    }
    free(fb->abschnitte);
    free(fb->pfad);
    free(fb->titel);
    free(fb->kommune);
    free(fb->quelle);
    free(fb->id_spalte);
    free_list(fb->weitere_spalten, fb->nweitere_spalten);
    free_list(fb->fehlend, fb->nfehlend);
    struct fragebogen_ruecklauf *r = &fb->ruecklauf;
    free(r->spalte);
    free(r->einheit);
    free_list(r->befragt, r->nbefragt);
    free_list(r->fehlanzeige, r->nfehlanzeige);
    free(fb);
}

void fragebogen_fehler_free(struct fragebogen_fehler *f)
{
    if (!f) return;
    free_list(f->texte, f->n);
    f->texte = NULL;
    f->n = 0;
}
