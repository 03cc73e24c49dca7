/*
 * vorlage.c — reading document templates and their prose files (see vorlage.h).
 */
#include "vorlage.h"
#include "config.h"
#include "diag.h"
#include "format.h"
#include "werte.h"

#include <errno.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const art_namen[] = {
    "text", "massnahmen", "indikatoren", "befragung", "eingang", "statusberichte", "legende", "quellen",
};

static const char *const teil_schluessel[VORLAGE_TEILE] = {
    "leitsatz", "beschreibung", "leitgrundsaetze", "ziele", "text",
};

const char *vorlage_art_name(enum vorlage_art art)
{
    return (unsigned)art < sizeof art_namen / sizeof *art_namen ? art_namen[art] : "?";
}

const char *vorlage_teil_schluessel(enum vorlage_teil teil)
{
    return (unsigned)teil < VORLAGE_TEILE ? teil_schluessel[teil] : "?";
}

/* ---------------------------------------------------------------- prose */

struct prosa_parser {
    const char *datei;
    struct vorlage_prosa *p;
    int cap;
    int fehler;
    int offen;                     /* a block can take continuation lines */
    char *buf;                     /* text of the open block */
    size_t len, buf_cap;
};

static void prosa_fehler(struct prosa_parser *pp, long zeile, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void prosa_fehler(struct prosa_parser *pp, long zeile, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct diag_where w = { .file = pp->datei, .row = zeile };
    diag_report(DIAG_ERROR, &w, "%s", msg);
    pp->fehler = 1;
}

static void buf_append(struct prosa_parser *pp, const char *s, size_t n)
{
    if (pp->len + n + 2 > pp->buf_cap) {
        pp->buf_cap = (pp->len + n + 2) * 2;
        pp->buf = xrealloc(pp->buf, pp->buf_cap);
    }
    if (pp->len && n) pp->buf[pp->len++] = ' ';
    memcpy(pp->buf + pp->len, s, n);
    pp->len += n;
    pp->buf[pp->len] = '\0';
}

static struct vorlage_block *block_new(struct prosa_parser *pp, enum vorlage_block_art art, long zeile)
{
    struct vorlage_prosa *p = pp->p;
    if (p->anzahl == pp->cap) {
        pp->cap = pp->cap ? pp->cap * 2 : 16;
        p->bloecke = xrealloc(p->bloecke, sizeof *p->bloecke * (size_t)pp->cap);
    }
    struct vorlage_block *b = &p->bloecke[p->anzahl++];
    b->art = art;
    b->text = NULL;
    b->zeile = zeile;
    return b;
}

/* Close the open block: move the collected text into it, check the "**" pairs. */
static void block_close(struct prosa_parser *pp)
{
    if (!pp->offen) return;
    struct vorlage_block *b = &pp->p->bloecke[pp->p->anzahl - 1];
    b->text = xstrndup(pp->buf ? pp->buf : "", pp->len);
    int paare = 0;
    for (const char *s = b->text; (s = strstr(s, "**")) != NULL; s += 2) paare++;
    if (paare % 2)
        prosa_fehler(pp, b->zeile, "„**“ ohne schließendes „**“ (Fettdruck bis zum Ende des Absatzes)");
    pp->offen = 0;
    pp->len = 0;
}

static void block_start(struct prosa_parser *pp, enum vorlage_block_art art, long zeile,
                        const char *s, size_t n)
{
    block_close(pp);
    block_new(pp, art, zeile);
    pp->offen = 1;
    pp->len = 0;
    buf_append(pp, s, n);
}

/* Trim blanks (and a '\r' of CRLF files) at both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
    while (*n && (*s == ' ' || *s == '\t')) { s++; (*n)--; }
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r')) (*n)--;
    return s;
}

static void prosa_line(struct prosa_parser *pp, long zeile, const char *line, size_t n)
{
    size_t bad;
    if (!utf8_valid(line, n, &bad)) {
        prosa_fehler(pp, zeile, "kein gültiges UTF-8 (Byte 0x%02X an Stelle %zu der Zeile)",
                     (unsigned char)line[bad], bad + 1);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
            prosa_fehler(pp, zeile, "Steuerzeichen 0x%02X an Stelle %zu der Zeile", c, i + 1);
            return;
        }
    }
    const char *s = trim(line, &n);
    if (n == 0) { block_close(pp); return; }
    if (line[0] == '%') return;                       /* comment */
    if (s[0] == '#') {
        size_t level = 0;
        while (level < n && s[level] == '#') level++;
        size_t tn = n - level;
        const char *t = trim(s + level, &tn);
        block_close(pp);
        if (level > 2) {
            prosa_fehler(pp, zeile, "nur „#“ und „##“ sind Überschriften, nicht „%.*s“", (int)level, s);
        } else if (tn == 0) {
            prosa_fehler(pp, zeile, "Überschrift ohne Text");
        } else if (s[level] != ' ' && s[level] != '\t') {
            prosa_fehler(pp, zeile, "nach „%.*s“ fehlt ein Leerzeichen", (int)level, s);
        } else {
            block_start(pp, level == 1 ? VORLAGE_ABSCHNITT : VORLAGE_ZWISCHENTITEL, zeile, t, tn);
            block_close(pp);
        }
        return;
    }
    if (s[0] == '-' && (n == 1 || s[1] == ' ' || s[1] == '\t')) {
        size_t tn = n - 1;
        const char *t = trim(s + 1, &tn);
        if (tn == 0) {
            block_close(pp);
            prosa_fehler(pp, zeile, "Aufzählungspunkt ohne Text");
        } else {
            block_start(pp, VORLAGE_PUNKT, zeile, t, tn);
        }
        return;
    }
    if (s[0] == '>') {
        size_t tn = n - 1;
        const char *t = trim(s + 1, &tn);
        if (pp->offen && pp->p->bloecke[pp->p->anzahl - 1].art == VORLAGE_HERVORHEBUNG)
            buf_append(pp, t, tn);
        else if (tn == 0) {
            block_close(pp);
            prosa_fehler(pp, zeile, "Hervorhebung ohne Text");
        } else
            block_start(pp, VORLAGE_HERVORHEBUNG, zeile, t, tn);
        return;
    }
    if (pp->offen) buf_append(pp, s, n);
    else block_start(pp, VORLAGE_ABSATZ, zeile, s, n);
}

int vorlage_prosa_parse(const char *datei, const char *text, size_t len, struct vorlage_prosa *p)
{
    memset(p, 0, sizeof *p);
    p->datei = xstrdup(datei);
    struct prosa_parser pp = { .datei = datei, .p = p };
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) i = 3;     /* UTF-8 BOM */
    long zeile = 1;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        prosa_line(&pp, zeile, text + i, n);
        i += n + (nl ? 1 : 0);
        zeile++;
    }
    block_close(&pp);
    free(pp.buf);
    if (pp.fehler) {
        vorlage_prosa_free(p);
        return -1;
    }
    return 0;
}

int vorlage_prosa_load(const char *pfad, struct vorlage_prosa *p)
{
    memset(p, 0, sizeof *p);
    FILE *f = fopen(pfad, "rb");
    if (!f) {
        diag_error("%s kann nicht gelesen werden: %s", pfad, diag_errno_text(errno));
        return -1;
    }
    size_t cap = 8192, len = 0, n;
    char *text = xmalloc(cap);
    while ((n = fread(text + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) text = xrealloc(text, cap *= 2);
    }
    int err = ferror(f);
    fclose(f);
    int rc = -1;
    if (err) diag_error("%s kann nicht gelesen werden: Lesefehler", pfad);
    else if (memchr(text, '\0', len)) diag_error("%s ist keine Textdatei (NUL-Byte)", pfad);
    else rc = vorlage_prosa_parse(pfad, text, len, p);
    free(text);
    return rc;
}

void vorlage_prosa_free(struct vorlage_prosa *p)
{
    for (int i = 0; i < p->anzahl; i++) free(p->bloecke[i].text);
    free(p->bloecke);
    free(p->datei);
    memset(p, 0, sizeof *p);
}

/* ---------------------------------------------------------------- INI */

struct leser {
    const char *pfad;
    char *verzeichnis;             /* directory of the INI file, "" for the working directory */
    dictionary *ini;
    int fehler;
};

static void ini_fehler(struct leser *l, const char *sec, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* an error at a line of the INI file (zeile 0: not known), for unknown sections and keys */
static void ini_fehler_zeile(struct leser *l, int zeile, const char *sec, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void ini_fehler_zeile(struct leser *l, int zeile, const char *sec, const char *key, const char *fmt, ...)
{
    char msg[1024], wo[600] = "";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (zeile > 0) snprintf(wo, sizeof wo, ", Zeile %d", zeile);
    if (key) diag_error("Vorlage %s%s, Abschnitt [%s], Schlüssel „%s“: %s", l->pfad, wo, sec, key, msg);
    else diag_error("Vorlage %s%s, Abschnitt [%s]: %s", l->pfad, wo, sec, msg);
    l->fehler = 1;
}

static void ini_fehler(struct leser *l, const char *sec, const char *key, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (key) diag_error("Vorlage %s, Abschnitt [%s], Schlüssel „%s“: %s", l->pfad, sec, key, msg);
    else if (sec) diag_error("Vorlage %s, Abschnitt [%s]: %s", l->pfad, sec, msg);
    else diag_error("Vorlage %s: %s", l->pfad, msg);
    l->fehler = 1;
}

/* Value of sec:key, NULL when absent or empty. */
static const char *wert(const struct leser *l, const char *sec, const char *key)
{
    char full[512];
    snprintf(full, sizeof full, "%s:%s", sec, key);
    const char *v = iniparser_getstring(l->ini, full, NULL);
    return v && *v ? v : NULL;
}

static char *wert_dup(const struct leser *l, const char *sec, const char *key)
{
    const char *v = wert(l, sec, key);
    return v ? xstrdup(v) : NULL;
}

static char *pflicht(struct leser *l, const char *sec, const char *key)
{
    const char *v = wert(l, sec, key);
    if (!v) ini_fehler(l, sec, key, "fehlt oder ist leer");
    return v ? xstrdup(v) : NULL;
}

/* ja/nein value; absent = def. */
static int ja_nein(struct leser *l, const char *sec, const char *key, int def)
{
    const char *v = wert(l, sec, key);
    if (!v) return def;
    if (strcmp(v, "ja") == 0) return 1;
    if (strcmp(v, "nein") == 0) return 0;
    ini_fehler(l, sec, key, "„%s“ ist weder ja noch nein", v);
    return def;
}

/* A path from the template, relative to the INI file's directory. */
static char *pfad_von(const struct leser *l, const char *v)
{
    if (v[0] == '/' || !l->verzeichnis[0]) return xstrdup(v);
    size_t n = strlen(l->verzeichnis) + strlen(v) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", l->verzeichnis, v);
    return p;
}

/* Split v at sep into trimmed, non-empty strings; NULL-terminated array. */
static char **liste(const char *v, char sep, int *count)
{
    int n = 0, cap = 4;
    char **out = xmalloc(sizeof *out * (size_t)cap);
    while (v && *v) {
        const char *e = strchr(v, sep);
        size_t len = e ? (size_t)(e - v) : strlen(v);
        const char *s = trim(v, &len);
        if (len) {
            if (n + 2 > cap) out = xrealloc(out, sizeof *out * (size_t)(cap *= 2));
            out[n++] = xstrndup(s, len);
        }
        v = e ? e + 1 : NULL;
    }
    out[n] = NULL;
    *count = n;
    return out;
}

static void liste_free(char **l)
{
    if (!l) return;
    for (char **p = l; *p; p++) free(*p);
    free(l);
}

/* Report every key of sec that is not in allowed (NULL-terminated). */
static void schluessel_pruefen(struct leser *l, const char *sec, const char *const *allowed)
{
    int n = iniparser_getsecnkeys(l->ini, sec);
    if (n <= 0) return;
    const char **keys = xcalloc((size_t)n, sizeof *keys);
    iniparser_getseckeys(l->ini, sec, keys);
    size_t plen = strlen(sec) + 1;
    for (int i = 0; i < n; i++) {
        const char *k = keys[i] + plen;
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; a++) ok = strcmp(*a, k) == 0;
        if (!ok) {
            char erlaubt[512] = "", gemeint[128] = "";
            for (const char *const *a = allowed; *a; a++)
                snprintf(erlaubt + strlen(erlaubt), sizeof erlaubt - strlen(erlaubt), "%s%s",
                         a == allowed ? "" : ", ", *a);
            const char *g = config_naechster(k, allowed);
            if (g) snprintf(gemeint, sizeof gemeint, " — gemeint: %s?", g);
            ini_fehler_zeile(l, config_ini_zeile(l->pfad, sec, k), sec, k, "unbekannter Schlüssel%s (erlaubt: %s)",
                             gemeint, erlaubt);
        }
    }
    free(keys);
}

static void datei_pruefen(struct leser *l, const char *sec, const char *key, const char *pfad)
{
    FILE *f = fopen(pfad, "rb");
    if (!f) ini_fehler(l, sec, key, "Datei %s kann nicht gelesen werden: %s", pfad, diag_errno_text(errno));
    else fclose(f);
}

static void bericht_lesen(struct leser *l, struct vorlage *v)
{
    static const char *const keys[] = {
        "titel", "untertitel", "kommune", "herausgeber", "stand", "logo", "kurztitel", "autor",
        "thema", "stichwoerter", "pdfa", "icc_profil", NULL,
    };
    const char *sec = "bericht";
    schluessel_pruefen(l, sec, keys);
    v->titel = pflicht(l, sec, "titel");
    v->kommune = pflicht(l, sec, "kommune");
    v->untertitel = wert_dup(l, sec, "untertitel");
    v->herausgeber = wert_dup(l, sec, "herausgeber");
    const char *stand = wert(l, sec, "stand");       /* any werte_datum form, kept as TT.MM.JJJJ */
    int y, m, d;
    char datum[16];
    if (stand && werte_datum(stand, &y, &m, &d) != 0)
        ini_fehler(l, sec, "stand", "„%s“ ist kein Datum (TT.MM.JJJJ)", stand);
    else if (stand) v->stand = xstrdup(format_datum(datum, sizeof datum, y, m, d));
    v->kurztitel = wert_dup(l, sec, "kurztitel");
    v->autor = wert_dup(l, sec, "autor");
    v->thema = wert_dup(l, sec, "thema");
    v->stichwoerter = wert_dup(l, sec, "stichwoerter");
    v->pdfa = ja_nein(l, sec, "pdfa", 0);
    const char *logo = wert(l, sec, "logo");
    if (logo) {
        v->logo = pfad_von(l, logo);
        datei_pruefen(l, sec, "logo", v->logo);
    }
    const char *icc = wert(l, sec, "icc_profil");
    if (icc) {
        v->icc_profil = pfad_von(l, icc);
        datei_pruefen(l, sec, "icc_profil", v->icc_profil);
    }
}

static void kapitel_lesen(struct leser *l, const char *sec, struct vorlage_kapitel *k)
{
    static const char *const keys[] = {
        "titel", "art", "leitsatz", "beschreibung", "leitgrundsaetze", "ziele", "text",
        "handlungsfelder", "indikatoren", "quer", NULL,
    };
    schluessel_pruefen(l, sec, keys);
    k->anhang = strncmp(sec, "anhang:", 7) == 0;
    k->id = xstrdup(strchr(sec, ':') + 1);
    k->titel = pflicht(l, sec, "titel");
    const char *art = wert(l, sec, "art");
    if (!art) {
        ini_fehler(l, sec, "art", "fehlt oder ist leer");
    } else {
        size_t i, n = sizeof art_namen / sizeof *art_namen;
        for (i = 0; i < n && strcmp(art, art_namen[i]) != 0; i++) {}
        if (i < n) {
            k->art = (enum vorlage_art)i;
        } else {
            char erlaubt[256] = "";
            for (size_t j = 0; j < n; j++)
                snprintf(erlaubt + strlen(erlaubt), sizeof erlaubt - strlen(erlaubt), "%s%s",
                         j ? ", " : "", art_namen[j]);
            ini_fehler(l, sec, "art", "unbekannte Art „%s“ (erlaubt: %s)", art, erlaubt);
        }
    }
    k->quer = ja_nein(l, sec, "quer", 0);
    for (int t = 0; t < VORLAGE_TEILE; t++) {
        const char *v = wert(l, sec, teil_schluessel[t]);
        if (!v) continue;
        char *pfad = pfad_von(l, v);
        FILE *f = fopen(pfad, "rb");
        if (!f) {
            ini_fehler(l, sec, teil_schluessel[t], "Datei %s kann nicht gelesen werden: %s", pfad,
                       diag_errno_text(errno));
        } else {
            fclose(f);
            struct vorlage_prosa *p = xcalloc(1, sizeof *p);
            if (vorlage_prosa_load(pfad, p) == 0) {
                k->prosa[t] = p;
            } else {
                free(p);
                l->fehler = 1;
            }
        }
        free(pfad);
    }
    k->handlungsfelder = liste(wert(l, sec, "handlungsfelder"), '|', &k->n_handlungsfelder);
    k->indikatoren = liste(wert(l, sec, "indikatoren"), ',', &k->n_indikatoren);
}

static int kapitel_index(const struct vorlage *v, const char *id)
{
    for (int i = 0; i < v->n_kapitel; i++)
        if (strcmp(v->kapitel[i].id, id) == 0) return i;
    return -1;
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* 1 if hf is named by some chapter (or no chapter names any: nothing to check against). */
static int handlungsfeld_bekannt(const struct vorlage *v, const char *hf)
{
    int irgendeins = 0;
    for (int i = 0; i < v->n_kapitel; i++)
        for (int j = 0; j < v->kapitel[i].n_handlungsfelder; j++) {
            irgendeins = 1;
            if (strcmp(v->kapitel[i].handlungsfelder[j], hf) == 0) return 1;
        }
    return !irgendeins;
}

static void ausgabe_lesen(struct leser *l, const char *sec, const struct vorlage *v,
                          struct vorlage_ausgabe *a)
{
    static const char *const keys[] = { "titel", "untertitel", "gremium", "kapitel", "handlungsfelder", NULL };
    schluessel_pruefen(l, sec, keys);
    a->id = xstrdup(sec + strlen("ausgabe:"));
    a->titel = pflicht(l, sec, "titel");
    a->gremium = pflicht(l, sec, "gremium");
    a->untertitel = wert_dup(l, sec, "untertitel");
    const char *kv = wert(l, sec, "kapitel");
    if (!kv) ini_fehler(l, sec, "kapitel", "fehlt oder ist leer");
    int n;
    char **ids = liste(kv, ',', &n);
    a->kapitel = xcalloc((size_t)(n ? n : 1), sizeof *a->kapitel);
    for (int i = 0; i < n; i++) {
        int k = kapitel_index(v, ids[i]);
        if (k < 0) {
            ini_fehler(l, sec, "kapitel", "unbekanntes Kapitel „%s“ (kein [kapitel:%s] oder [anhang:%s])",
                       ids[i], ids[i], ids[i]);
            continue;
        }
        int doppelt = 0;
        for (int j = 0; j < a->n_kapitel; j++) doppelt |= a->kapitel[j] == k;
        if (doppelt) ini_fehler(l, sec, "kapitel", "Kapitel „%s“ doppelt genannt", ids[i]);
        else a->kapitel[a->n_kapitel++] = k;
    }
    qsort(a->kapitel, (size_t)a->n_kapitel, sizeof *a->kapitel, cmp_int);
    liste_free(ids);
    a->handlungsfelder = liste(wert(l, sec, "handlungsfelder"), '|', &a->n_handlungsfelder);
    for (int i = 0; i < a->n_handlungsfelder; i++)
        if (!handlungsfeld_bekannt(v, a->handlungsfelder[i]))
            ini_fehler(l, sec, "handlungsfelder", "Handlungsfeld „%s“ steht in keinem Kapitel",
                       a->handlungsfelder[i]);
}

/* an unknown section, with the nearest kind of section: [kaptel:x] — gemeint: [kapitel:x]? */
static void abschnitt_unbekannt(struct leser *l, const char *sec)
{
    static const char *const arten[] = { "bericht", "kapitel", "anhang", "ausgabe", NULL };
    const char *colon = strchr(sec, ':');
    char art[128], gemeint[600] = "";
    snprintf(art, sizeof art, "%.*s", (int)(colon ? (size_t)(colon - sec) : strlen(sec)), sec);
    const char *g = config_naechster(art, arten);
    if (g && strcmp(g, "bericht") == 0 && !colon) snprintf(gemeint, sizeof gemeint, " — gemeint: [bericht]?");
    else if (g && strcmp(g, "bericht") != 0 && colon && colon[1])
        snprintf(gemeint, sizeof gemeint, " — gemeint: [%s:%s]?", g, colon + 1);
    ini_fehler_zeile(l, config_ini_zeile(l->pfad, sec, NULL), sec, NULL,
                     "unbekannter Abschnitt%s (erlaubt: [bericht], [kapitel:ID], [anhang:ID], [ausgabe:ID])", gemeint);
}

int vorlage_load(const char *pfad, struct vorlage *v)
{
    memset(v, 0, sizeof *v);
    struct leser l = { .pfad = pfad };
    l.ini = config_ini_load(pfad, "Vorlage");
    if (!l.ini) return -1;
    const char *slash = strrchr(pfad, '/');
    l.verzeichnis = slash ? xstrndup(pfad, (size_t)(slash - pfad)) : xstrdup("");
    v->pfad = xstrdup(pfad);

    /* iniparser_getnsec/getsecname skip section names with ':' ([kapitel:x]): the
       sections are the entries without a value, in file order */
    int nsec = 0;
    const char **secs = xcalloc((size_t)(l.ini->size > 0 ? l.ini->size : 1), sizeof *secs);
    for (ssize_t i = 0; i < l.ini->size; i++)
        if (l.ini->key[i] && !l.ini->val[i]) secs[nsec++] = l.ini->key[i];
    int have_bericht = 0, n_kap = 0, n_aus = 0;
    for (int i = 0; i < nsec; i++) {
        const char *sec = secs[i];
        if (strcmp(sec, "bericht") == 0) have_bericht = 1;
        else if ((strncmp(sec, "kapitel:", 8) == 0 && sec[8]) || (strncmp(sec, "anhang:", 7) == 0 && sec[7])) n_kap++;
        else if (strncmp(sec, "ausgabe:", 8) == 0 && sec[8]) n_aus++;
        else abschnitt_unbekannt(&l, sec);
    }
    if (!have_bericht) ini_fehler(&l, NULL, NULL, "Abschnitt [bericht] fehlt");
    else bericht_lesen(&l, v);
    if (n_kap == 0) ini_fehler(&l, NULL, NULL, "kein Kapitel ([kapitel:ID])");

    /* chapters first, then appendices, each in file order */
    v->kapitel = xcalloc((size_t)(n_kap ? n_kap : 1), sizeof *v->kapitel);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < nsec; i++) {
            const char *sec = secs[i];
            const char *prefix = pass == 0 ? "kapitel:" : "anhang:";
            if (strncmp(sec, prefix, strlen(prefix)) != 0 || !sec[strlen(prefix)]) continue;
            struct vorlage_kapitel *k = &v->kapitel[v->n_kapitel];
            kapitel_lesen(&l, sec, k);
            if (kapitel_index(v, k->id) >= 0)
                ini_fehler(&l, sec, NULL, "die Kennung „%s“ hat schon ein anderes Kapitel", k->id);
            v->n_kapitel++;
        }
    v->ausgaben = xcalloc((size_t)(n_aus ? n_aus : 1), sizeof *v->ausgaben);
    for (int i = 0; i < nsec; i++) {
        const char *sec = secs[i];
        if (strncmp(sec, "ausgabe:", 8) != 0 || !sec[8]) continue;
        ausgabe_lesen(&l, sec, v, &v->ausgaben[v->n_ausgaben++]);
    }
    free(secs);
    iniparser_freedict(l.ini);
    free(l.verzeichnis);
    if (l.fehler) {
        vorlage_free(v);
        return -1;
    }
    if (!v->kurztitel) v->kurztitel = xstrdup(v->titel);
    if (!v->autor) v->autor = xstrdup(v->kommune);
    return 0;
}

void vorlage_free(struct vorlage *v)
{
    for (int i = 0; i < v->n_kapitel; i++) {
        struct vorlage_kapitel *k = &v->kapitel[i];
        free(k->id);
        free(k->titel);
        for (int t = 0; t < VORLAGE_TEILE; t++)
            if (k->prosa[t]) {
                vorlage_prosa_free(k->prosa[t]);
                free(k->prosa[t]);
            }
        liste_free(k->handlungsfelder);
        liste_free(k->indikatoren);
    }
    free(v->kapitel);
    for (int i = 0; i < v->n_ausgaben; i++) {
        struct vorlage_ausgabe *a = &v->ausgaben[i];
        free(a->id);
        free(a->titel);
        free(a->untertitel);
        free(a->gremium);
        free(a->kapitel);
        liste_free(a->handlungsfelder);
    }
    free(v->ausgaben);
    char **strings[] = { &v->pfad, &v->titel, &v->untertitel, &v->kommune, &v->herausgeber,
                         &v->stand, &v->logo, &v->kurztitel, &v->autor, &v->thema,
                         &v->stichwoerter, &v->icc_profil };
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) free(*strings[i]);
    memset(v, 0, sizeof *v);
}

const struct vorlage_ausgabe *vorlage_ausgabe_find(const struct vorlage *v, const char *id)
{
    for (int i = 0; i < v->n_ausgaben; i++)
        if (strcmp(v->ausgaben[i].id, id) == 0) return &v->ausgaben[i];
    return NULL;
}

int vorlage_kapitel_in(const struct vorlage_ausgabe *a, int k)
{
    if (!a) return 1;
    for (int i = 0; i < a->n_kapitel; i++)
        if (a->kapitel[i] == k) return 1;
    return 0;
}

/* 1 if list (n names) is empty or allows hf: equal, or hf = name + "/…". */
static int liste_erlaubt(char *const *list, int n, const char *hf)
{
    if (n == 0) return 1;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(list[i]);
        if (strncmp(hf, list[i], len) == 0 && (hf[len] == '\0' || hf[len] == '/')) return 1;
    }
    return 0;
}

int vorlage_handlungsfelder_pruefen(const struct vorlage *v, enum vorlage_art art, const char *const *daten,
                                    int n, const char *was)
{
    if (n <= 0) return 0;
    int warnungen = 0;
    for (int i = 0; i < v->n_kapitel; i++) {
        const struct vorlage_kapitel *k = &v->kapitel[i];
        if (k->art != art) continue;
        char sec[512];
        snprintf(sec, sizeof sec, "%s:%s", k->anhang ? "anhang" : "kapitel", k->id);
        for (int h = 0; h < k->n_handlungsfelder; h++) {
            int gefunden = 0;
            for (int j = 0; j < n && !gefunden; j++) gefunden = liste_erlaubt(&k->handlungsfelder[h], 1, daten[j]);
            if (gefunden) continue;
            /* candidates: the data's names and their Oberfelder ("Gesundheit" of "Gesundheit/Pflege") */
            const char **kandidaten = xcalloc(2 * (size_t)n + 1, sizeof *kandidaten);
            char **ober = xcalloc((size_t)n + 1, sizeof *ober);
            int nk = 0;
            for (int j = 0; j < n; j++) {
                kandidaten[nk++] = daten[j];
                const char *slash = strchr(daten[j], '/');
                if (slash) kandidaten[nk++] = ober[j] = xstrndup(daten[j], (size_t)(slash - daten[j]));
            }
            const char *g = config_naechster(k->handlungsfelder[h], kandidaten);
            char gemeint[1200] = "", wo[64] = "";
            if (g) snprintf(gemeint, sizeof gemeint, " — gemeint: „%s“?", g);
            int zeile = config_ini_zeile(v->pfad, sec, "handlungsfelder");
            if (zeile > 0) snprintf(wo, sizeof wo, ", Zeile %d", zeile);
            diag_warning("Vorlage %s%s, Abschnitt [%s], Schlüssel „handlungsfelder“: Handlungsfeld „%s“ passt zu "
                         "keinem Handlungsfeld der Daten (%s): das Kapitel zeigt dazu nichts%s",
                         v->pfad, wo, sec, k->handlungsfelder[h], was, gemeint);
            for (int j = 0; j < n; j++) free(ober[j]);
            free(ober);
            free(kandidaten);
            warnungen++;
        }
    }
    return warnungen;
}

int vorlage_handlungsfeld_gilt(const struct vorlage_kapitel *k, const struct vorlage_ausgabe *a,
                               const char *hf)
{
    if (!hf) return 0;
    return liste_erlaubt(k->handlungsfelder, k->n_handlungsfelder, hf) &&
           (!a || liste_erlaubt(a->handlungsfelder, a->n_handlungsfelder, hf));
}
