/*
 * befragung.c — answers in memory and their evaluation (befragung.h).
 *
 * Storage: per respondent one struct zelle per "slot"; a non-multi question
 * has one slot, a multi question one per option, every free-text option one
 * more.  Cells are parsed when a row is added (option index, 0/1, number,
 * text); invalid values keep their raw text for the messages.  Filters and
 * question states are computed on demand from the cells.
 */
#include "befragung.h"
#include "config.h"
#include "diag.h"
#include "format.h"
#include "strmap.h"
#include "werte.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- storage ------------------------------------------------------------------------ */

enum { Z_LEER = 0, Z_OK, Z_UNGUELTIG };

struct zelle {
    unsigned char zustand;   /* Z_* */
    unsigned char art;       /* enum befragung_meldungsart of an invalid value */
    int wert;                /* option index; multi cell 0/1 */
    double zahl;
    char *text;              /* text answer, free text, or the raw invalid value */
};

struct befragter {
    char pseudonym[BEFRAGUNG_PSEUDONYM_GROESSE];
    long zeile;
    char *einheit;           /* Rücklauf unit (trimmed), NULL without a unit column */
    struct zelle *z;
};

struct befragung {
    const struct fragebogen *fb;
    unsigned char *schluessel;
    size_t schluessellaenge;
    int nfragen;             /* of fb, so that freeing does not need fb */
    int nslots;
    int *slot;               /* per question: its first slot */
    int **ftslot;            /* per question and option: slot of the free text, or -1 */
    /* per slot: its question, option (-1 = the question's own cell) and 1 for a
     * free-text slot — computed once in befragung_neu, so that reading a cell
     * does not search the questionnaire (10.000 rows × 160 columns) */
    int *slot_frage, *slot_option;
    unsigned char *slot_frei;
    int hat_kopf;
    int nkopf;
    int *kopf_slot;          /* per header column: slot or -1 */
    int kopf_id, kopf_einheit;
    struct befragter *r;
    size_t n, cap;
    /* duplicate ids: open-addressing hash set of respondent indexes + 1
     * (0 = free), keyed by the pseudonym; replaces a scan of all earlier
     * respondents per row (quadratic in the number of rows) */
    size_t *idhash;
    size_t idhash_cap;
    struct befragung_meldungen lesen;
};

enum { Q_NICHT_GEFRAGT = 0, Q_FEHLEND, Q_UNGUELTIG, Q_BEANTWORTET };

static int ist_multi(const struct frage *q) { return q->typ == FRAGE_MULTI; }
static int ist_wahl(const struct frage *q)
{
    return q->typ == FRAGE_SINGLE || q->typ == FRAGE_LIKERT || q->typ == FRAGE_JANEIN;
}

const char *befragung_fehlertext(int f)
{
    switch (f) {
    case BEFRAGUNG_OK: return "kein Fehler";
    case BEFRAGUNG_E_FRAGE: return "diese Frage oder Option gibt es im Fragebogen nicht";
    case BEFRAGUNG_E_PERSONENBEZOGEN: return "personenbezogene Frage: wird nicht ausgewertet";
    case BEFRAGUNG_E_TYP: return "für diesen Fragetyp nicht möglich";
    case BEFRAGUNG_E_RUECKLAUF: return "der Fragebogen hat keinen Abschnitt [ruecklauf]";
    case BEFRAGUNG_E_KOPF: return "Antwortzeile vor der Kopfzeile";
    default: return "unbekannter Fehler";
    }
}

/* ---- small string helpers ----------------------------------------------------------- */

struct sb { char *s; size_t n, cap; };

static void sb_add_n(struct sb *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2 + 32;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_add(struct sb *b, const char *s) { sb_add_n(b, s, strlen(s)); }

static char *sb_fertig(struct sb *b)
{
    if (!b->s) return xstrdup("");
    return b->s;
}

/* s without leading and trailing blanks (ASCII, NBSP), without copying:
 * start and length */
static const char *trim_span(const char *s, size_t *laenge)
{
    size_t len = strlen(s);
    for (;;) {
        if (len && isspace((unsigned char)*s)) { s++; len--; continue; }
        if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) { s += 2; len -= 2; continue; }
        break;
    }
    for (;;) {
        if (len && isspace((unsigned char)s[len - 1])) { len--; continue; }
        if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && (unsigned char)s[len - 1] == 0xA0) { len -= 2; continue; }
        break;
    }
    *laenge = len;
    return s;
}

/* trimmed copy (ASCII blanks, NBSP) */
static char *trim_dup(const char *s)
{
    if (!s) return xstrdup("");
    size_t len;
    s = trim_span(s, &len);
    return xstrndup(s, len);
}

/* ---- pseudonyms and the key --------------------------------------------------------- */

int befragung_pseudonym_bilden(const void *schluessel, size_t laenge, const char *id,
                               char out[BEFRAGUNG_PSEUDONYM_GROESSE])
{
    out[0] = '\0';
    if (!schluessel || laenge < BEFRAGUNG_SCHLUESSEL_MIN || !id || laenge > 0x7fffffff) return -1;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (!HMAC(EVP_sha256(), schluessel, (int)laenge, (const unsigned char *)id, strlen(id), md, &mdlen) ||
        mdlen < 8)
        return -1;
    static const char hex[] = "0123456789abcdef";
    out[0] = 'P';
    out[1] = '-';
    for (int i = 0; i < 8; i++) {
        out[2 + 2 * i] = hex[md[i] >> 4];
        out[3 + 2 * i] = hex[md[i] & 15];
    }
    out[18] = '\0';
    OPENSSL_cleanse(md, sizeof md);
    return 0;
}

char *befragung_schluessel(const struct ib_config *cfg, size_t *laenge, char *fehler, size_t fg)
{
    char *k = NULL;
    size_t len = 0;
    const char *herkunft = NULL;
    const char *env = getenv(BEFRAGUNG_SCHLUESSEL_ENV);
    if (fehler && fg) fehler[0] = '\0';
    if (env && *env) {
        k = xstrdup(env);
        len = strlen(env);
        herkunft = "Umgebungsvariable " BEFRAGUNG_SCHLUESSEL_ENV;
    } else if (cfg && config_string(cfg, "befragung:pseudonym_schluessel_datei", NULL)) {
        const char *pfad = config_string(cfg, "befragung:pseudonym_schluessel_datei", NULL);
        FILE *f = fopen(pfad, "rb");
        if (!f) {
            if (fehler) snprintf(fehler, fg, "Schlüsseldatei %s kann nicht gelesen werden: %s", pfad, diag_errno_text(errno));
            return NULL;
        }
        k = xmalloc(4097);
        len = fread(k, 1, 4096, f);
        fclose(f);
        k[len] = '\0';
        if (len && k[len - 1] == '\n') k[--len] = '\0';
        if (len && k[len - 1] == '\r') k[--len] = '\0';
        herkunft = "Schlüsseldatei";
    } else if (cfg && config_string(cfg, "befragung:pseudonym_schluessel", NULL)) {
        const char *v = config_string(cfg, "befragung:pseudonym_schluessel", NULL);
        k = xstrdup(v);
        len = strlen(v);
        herkunft = "[befragung] pseudonym_schluessel";
    } else {
        if (fehler)
            snprintf(fehler, fg, "kein Schlüssel für die Pseudonymisierung: Umgebungsvariable %s oder "
                     "[befragung] pseudonym_schluessel_datei setzen", BEFRAGUNG_SCHLUESSEL_ENV);
        return NULL;
    }
    if (len < BEFRAGUNG_SCHLUESSEL_MIN) {
        if (fehler)
            snprintf(fehler, fg, "Schlüssel für die Pseudonymisierung (%s) ist kürzer als %d Bytes", herkunft,
                     BEFRAGUNG_SCHLUESSEL_MIN);
        befragung_schluessel_free(k, len);
        return NULL;
    }
    *laenge = len;
    return k;
}

void befragung_schluessel_free(char *schluessel, size_t laenge)
{
    if (!schluessel) return;
    OPENSSL_cleanse(schluessel, laenge);
    free(schluessel);
}

/* ---- messages ----------------------------------------------------------------------- */

static void meldung(struct befragung_meldungen *out, enum befragung_meldungsart art, enum diag_severity schwere,
                    long zeile, const char *pseudonym, const char *frage, const char *spalte,
                    const char *fmt, ...) __attribute__((format(printf, 8, 9)));
static void meldung(struct befragung_meldungen *out, enum befragung_meldungsart art, enum diag_severity schwere,
                    long zeile, const char *pseudonym, const char *frage, const char *spalte,
                    const char *fmt, ...)
{
    out->m = xrealloc(out->m, sizeof *out->m * (out->n + 1));
    struct befragung_meldung *m = &out->m[out->n++];
    memset(m, 0, sizeof *m);
    m->art = art;
    m->schwere = schwere;
    m->zeile = zeile;
    if (pseudonym) snprintf(m->befragter, sizeof m->befragter, "%s", pseudonym);
    if (frage) snprintf(m->frage, sizeof m->frage, "%s", frage);
    char text[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    size_t n = 0;
    const char *sep = "";
#define APP(...) do { if (n < sizeof m->text) { int k_ = snprintf(m->text + n, sizeof m->text - n, __VA_ARGS__); \
        if (k_ > 0) n += (size_t)k_; } } while (0)
    if (pseudonym && *pseudonym) { APP("%s", pseudonym); sep = ", "; }
    if (frage && *frage) { APP("%sFrage %s", sep, frage); sep = ", "; }
    if (spalte && *spalte) { APP("%sSpalte %s", sep, spalte); sep = ", "; }
    if (*sep) APP(": ");
    APP("%s", text);
#undef APP
}

void befragung_meldungen_free(struct befragung_meldungen *m)
{
    if (!m) return;
    free(m->m);
    m->m = NULL;
    m->n = 0;
}

/* ---- creating, header, rows --------------------------------------------------------- */

struct befragung *befragung_neu(const struct fragebogen *fb, const void *schluessel, size_t laenge)
{
    if (!fb || !schluessel || laenge < BEFRAGUNG_SCHLUESSEL_MIN) return NULL;
    struct befragung *b = xcalloc(1, sizeof *b);
    b->fb = fb;
    b->schluessel = xmalloc(laenge);
    memcpy(b->schluessel, schluessel, laenge);
    b->schluessellaenge = laenge;
    b->slot = xcalloc((size_t)fb->nfragen + 1, sizeof *b->slot);
    b->ftslot = xcalloc((size_t)fb->nfragen + 1, sizeof *b->ftslot);
    int s = 0;
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        b->slot[qi] = s;
        s += ist_multi(q) ? q->noptionen : 1;
        b->ftslot[qi] = xmalloc(sizeof(int) * (size_t)(q->noptionen + 1));
        for (int o = 0; o < q->noptionen; o++)
            b->ftslot[qi][o] = q->optionen[o].freitext ? s++ : -1;
    }
    b->nslots = s;
    b->nfragen = fb->nfragen;
    b->slot_frage = xmalloc(sizeof(int) * (size_t)(s + 1));
    b->slot_option = xmalloc(sizeof(int) * (size_t)(s + 1));
    b->slot_frei = xcalloc((size_t)s + 1, 1);
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        int nq = ist_multi(q) ? q->noptionen : 1;
        for (int k = 0; k < nq; k++) {
            b->slot_frage[b->slot[qi] + k] = qi;
            b->slot_option[b->slot[qi] + k] = ist_multi(q) ? k : -1;
        }
        for (int o = 0; o < q->noptionen; o++) {
            int t = b->ftslot[qi][o];
            if (t < 0) continue;
            b->slot_frage[t] = qi;
            b->slot_option[t] = o;
            b->slot_frei[t] = 1;
        }
    }
    b->kopf_id = b->kopf_einheit = -1;
    return b;
}

static void befragter_free(const struct befragung *b, struct befragter *r)
{
    for (int s = 0; s < b->nslots; s++) free(r->z[s].text);
    free(r->z);
    free(r->einheit);
}

void befragung_free(struct befragung *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n; i++) befragter_free(b, &b->r[i]);
    free(b->r);
    for (int qi = 0; qi < b->nfragen; qi++) free(b->ftslot[qi]);
    free(b->ftslot);
    free(b->slot);
    free(b->slot_frage);
    free(b->slot_option);
    free(b->slot_frei);
    free(b->idhash);
    free(b->kopf_slot);
    befragung_meldungen_free(&b->lesen);
    OPENSSL_cleanse(b->schluessel, b->schluessellaenge);
    free(b->schluessel);
    free(b);
}

size_t befragung_anzahl(const struct befragung *b) { return b ? b->n : 0; }

const char *befragung_pseudonym(const struct befragung *b, size_t i)
{
    return b && i < b->n ? b->r[i].pseudonym : NULL;
}

int befragung_kopf(struct befragung *b, const char *const *felder, int n)
{
    const struct fragebogen *fb = b->fb;
    free(b->kopf_slot);
    b->kopf_slot = xmalloc(sizeof(int) * (size_t)(n + 1));
    b->nkopf = n;
    b->kopf_id = b->kopf_einheit = -1;
    b->hat_kopf = 1;
    char *belegt = xcalloc((size_t)b->nslots + 1, 1);
    int benutzt = 0;
    for (int j = 0; j < n; j++) {
        char *name = trim_dup(felder[j]);
        b->kopf_slot[j] = -1;
        int bekannt = 0, s = -1;
        if (strcasecmp(name, fb->id_spalte) == 0) {
            bekannt = 1;
            if (b->kopf_id < 0) { b->kopf_id = j; benutzt++; }
        }
        if (fb->ruecklauf.spalte && strcasecmp(name, fb->ruecklauf.spalte) == 0) {
            bekannt = 1;
            if (b->kopf_einheit < 0) { b->kopf_einheit = j; if (b->kopf_id != j) benutzt++; }
        }
        for (int i = 0; i < fb->nweitere_spalten && !bekannt; i++)
            bekannt = strcasecmp(name, fb->weitere_spalten[i]) == 0;
        for (int qi = 0; qi < fb->nfragen && !bekannt; qi++) {
            const struct frage *q = &fb->fragen[qi];
            if (q->spalte && strcasecmp(name, q->spalte) == 0) { s = b->slot[qi]; bekannt = 1; }
            for (int o = 0; o < q->noptionen && !bekannt; o++) {
                if (q->optionen[o].spalte && strcasecmp(name, q->optionen[o].spalte) == 0) {
                    s = b->slot[qi] + o;
                    bekannt = 1;
                } else if (q->optionen[o].freitext_spalte && strcasecmp(name, q->optionen[o].freitext_spalte) == 0) {
                    s = b->ftslot[qi][o];
                    bekannt = 1;
                }
            }
        }
        if (!bekannt) {
            meldung(&b->lesen, BM_UNBEKANNTE_SPALTE, DIAG_WARNING, 1, NULL, NULL, NULL,
                    "Spalte „%s“ gehört zu keiner Frage (ignoriert)", name);
        } else if (s >= 0) {
            if (belegt[s]) {
                meldung(&b->lesen, BM_DOPPELTE_SPALTE, DIAG_WARNING, 1, NULL, NULL, NULL,
                        "Spalte „%s“ doppelt (die erste gilt)", name);
            } else {
                belegt[s] = 1;
                b->kopf_slot[j] = s;
                benutzt++;
            }
        }
        free(name);
    }
    if (b->kopf_id < 0)
        meldung(&b->lesen, BM_FEHLENDE_SPALTE, DIAG_WARNING, 1, NULL, NULL, NULL,
                "ID-Spalte „%s“ fehlt (die Befragten werden nach ihren Zeilen benannt)", fb->id_spalte);
    if (fb->ruecklauf.spalte && b->kopf_einheit < 0)
        meldung(&b->lesen, BM_FEHLENDE_SPALTE, DIAG_WARNING, 1, NULL, NULL, NULL,
                "Spalte „%s“ für den Rücklauf fehlt", fb->ruecklauf.spalte);
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        if (!ist_multi(q) && !belegt[b->slot[qi]])
            meldung(&b->lesen, BM_FEHLENDE_SPALTE, DIAG_WARNING, 1, NULL, q->code, NULL,
                    "Spalte „%s“ fehlt (gilt bei allen als nicht beantwortet)", q->spalte);
        for (int o = 0; o < q->noptionen; o++) {
            if (ist_multi(q) && !belegt[b->slot[qi] + o])
                meldung(&b->lesen, BM_FEHLENDE_SPALTE, DIAG_WARNING, 1, NULL, q->code, NULL,
                        "Spalte „%s“ fehlt (gilt bei allen als nicht angekreuzt)", q->optionen[o].spalte);
            if (b->ftslot[qi][o] >= 0 && !belegt[b->ftslot[qi][o]])
                meldung(&b->lesen, BM_FEHLENDE_SPALTE, DIAG_WARNING, 1, NULL, q->code, NULL,
                        "Spalte „%s“ fehlt", q->optionen[o].freitext_spalte);
        }
    }
    free(belegt);
    return benutzt;
}

static int ist_fehlend(const struct fragebogen *fb, const char *s)
{
    if (!*s) return 1;
    for (int i = 0; i < fb->nfehlend; i++)
        if (strcmp(s, fb->fehlend[i]) == 0) return 1;
    return 0;
}

static int ist_ganzzahl_text(const char *s)
{
    if (*s == '-' || *s == '+') s++;
    if (!*s) return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s)) return 0;
    return 1;
}

/* single/janein/likert cell */
static void wahl_lesen(const struct frage *q, const char *s, struct zelle *z)
{
    int k = frage_option_index(q, s);
    if (k >= 0) {
        z->zustand = Z_OK;
        z->wert = k;
        return;
    }
    z->zustand = Z_UNGUELTIG;
    z->text = xstrdup(s);
    /* two or more codes in one cell? */
    char *kopie = xstrdup(s), *save = NULL;
    int ntok = 0, ngueltig = 0;
    for (char *t = strtok_r(kopie, ",;/+ ", &save); t; t = strtok_r(NULL, ",;/+ ", &save)) {
        ntok++;
        ngueltig += frage_option_index(q, t) >= 0;
    }
    free(kopie);
    if (ntok >= 2 && ngueltig == ntok) { z->art = BM_MEHRERE_ANTWORTEN; z->wert = ntok; }
    else if (q->typ == FRAGE_LIKERT && ist_ganzzahl_text(s)) z->art = BM_AUSSERHALB_SKALA;
    else z->art = BM_UNBEKANNTER_CODE;
}

static void zahl_lesen(const struct frage *q, const char *s, struct zelle *z)
{
    double x;
    if (werte_zahl(s, NULL, &x) < 0) {
        z->zustand = Z_UNGUELTIG;
        z->art = BM_KEINE_ZAHL;
        z->text = xstrdup(s);
        return;
    }
    if ((q->hat_min && x < q->min) || (q->hat_max && x > q->max) || (q->ganzzahlig && x != floor(x))) {
        z->zustand = Z_UNGUELTIG;
        z->art = BM_AUSSERHALB_BEREICH;
        z->text = xstrdup(s);
        return;
    }
    z->zustand = Z_OK;
    z->zahl = x;
}

/* which question/option a slot belongs to (tables of befragung_neu) */
static void slot_ort(const struct befragung *b, int s, int *qi, int *o, int *frei)
{
    if (s < 0 || s >= b->nslots) { *qi = -1; return; }
    *qi = b->slot_frage[s];
    *o = b->slot_option[s];
    *frei = b->slot_frei[s];
}

static size_t pseudonym_hash(const char *p)
{
    size_t h = 1469598103934665603u;
    for (; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211u;
    return h;
}

/* the first earlier respondent with this pseudonym, or -1; then records respondent `neu` */
static long id_merken(struct befragung *b, size_t neu)
{
    if (2 * (b->n + 1) > b->idhash_cap) {
        size_t cap = b->idhash_cap ? 2 * b->idhash_cap : 256;
        size_t *h = xcalloc(cap, sizeof *h);
        for (size_t i = 0; i < b->idhash_cap; i++) {
            if (!b->idhash[i]) continue;
            size_t k = pseudonym_hash(b->r[b->idhash[i] - 1].pseudonym) & (cap - 1);
            while (h[k]) k = (k + 1) & (cap - 1);
            h[k] = b->idhash[i];
        }
        free(b->idhash);
        b->idhash = h;
        b->idhash_cap = cap;
    }
    const char *p = b->r[neu].pseudonym;
    size_t k = pseudonym_hash(p) & (b->idhash_cap - 1);
    for (; b->idhash[k]; k = (k + 1) & (b->idhash_cap - 1))
        if (strcmp(b->r[b->idhash[k] - 1].pseudonym, p) == 0) return (long)(b->idhash[k] - 1);
    b->idhash[k] = neu + 1;
    return -1;
}

int befragung_zeile(struct befragung *b, const char *const *felder, int n, long zeile)
{
    if (!b->hat_kopf) return BEFRAGUNG_E_KOPF;
    int leer = 1;
    for (int j = 0; j < n && leer; j++) {
        const char *p = felder[j];
        while (*p && isspace((unsigned char)*p)) p++;
        leer = !*p;
    }
    if (leer) return 0;
    const struct fragebogen *fb = b->fb;
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 64;
        b->r = xrealloc(b->r, sizeof *b->r * b->cap);
    }
    struct befragter *r = &b->r[b->n];
    memset(r, 0, sizeof *r);
    r->zeile = zeile;
    r->z = xcalloc((size_t)b->nslots + 1, sizeof *r->z);

    char *id = b->kopf_id >= 0 && b->kopf_id < n ? trim_dup(felder[b->kopf_id]) : xstrdup("");
    int ohne_id = !*id;
    if (ohne_id) {
        free(id);
        id = xmalloc(32);
        snprintf(id, 32, "Zeile %ld", zeile);
    }
    befragung_pseudonym_bilden(b->schluessel, b->schluessellaenge, id, r->pseudonym);
    OPENSSL_cleanse(id, strlen(id));
    free(id);
    if (ohne_id && b->kopf_id >= 0)
        meldung(&b->lesen, BM_OHNE_ID, DIAG_WARNING, zeile, r->pseudonym, NULL, NULL,
                "ID fehlt, ersetzt durch „Zeile %ld“", zeile);
    long frueher = id_merken(b, b->n);
    if (frueher >= 0)
        meldung(&b->lesen, BM_DOPPELTE_ID, DIAG_WARNING, zeile, r->pseudonym, NULL, NULL,
                "ID doppelt (zuerst Zeile %ld; beide Zeilen werden ausgewertet)", b->r[frueher].zeile);
    if (n != b->nkopf)
        meldung(&b->lesen, BM_FELDANZAHL, DIAG_WARNING, zeile, r->pseudonym, NULL, NULL,
                "%d Felder statt %d (fehlende gelten als leer, überzählige werden ignoriert)", n, b->nkopf);
    if (b->kopf_einheit >= 0) {
        r->einheit = b->kopf_einheit < n ? trim_dup(felder[b->kopf_einheit]) : xstrdup("");
        const struct fragebogen_ruecklauf *rl = &fb->ruecklauf;
        int gefunden = rl->nbefragt == 0;
        for (int i = 0; i < rl->nbefragt && !gefunden; i++) gefunden = strcasecmp(rl->befragt[i], r->einheit) == 0;
        if (!*r->einheit)
            meldung(&b->lesen, BM_UNBEKANNTE_EINHEIT, DIAG_WARNING, zeile, r->pseudonym, NULL, NULL,
                    "Spalte „%s“ leer: Rückmeldung keiner Einheit zuzuordnen", rl->spalte);
        else if (!gefunden)
            meldung(&b->lesen, BM_UNBEKANNTE_EINHEIT, DIAG_WARNING, zeile, r->pseudonym, NULL, NULL,
                    "„%s“ steht nicht in der Liste der Befragten ([ruecklauf] befragt1 …)", r->einheit);
    }
    for (int j = 0; j < n && j < b->nkopf; j++) {
        int s = b->kopf_slot[j];
        if (s < 0) continue;
        int qi, o, frei;
        slot_ort(b, s, &qi, &o, &frei);
        if (qi < 0) continue;
        const struct frage *q = &fb->fragen[qi];
        /* the trimmed value in a buffer on the stack (most cells are a code or 0/1);
         * only texts and invalid values are copied to the heap */
        size_t vl;
        const char *vs = trim_span(felder[j], &vl);
        if (!vl) continue;                          /* empty = no answer */
        char kurz[128];
        char *v = vl < sizeof kurz ? kurz : xmalloc(vl + 1);
        memcpy(v, vs, vl);
        v[vl] = '\0';
        struct zelle *z = &r->z[s];
        if (ist_fehlend(fb, v)) {
            if (v != kurz) free(v);
            continue;
        }
        if (frei || q->typ == FRAGE_TEXT) {
            z->zustand = Z_OK;
            z->text = v != kurz ? v : xstrdup(v);
            continue;
        }
        if (ist_multi(q)) {
            if (strcmp(v, "0") == 0 || strcmp(v, "1") == 0) {
                z->zustand = Z_OK;
                z->wert = v[0] - '0';
            } else {
                z->zustand = Z_UNGUELTIG;
                z->art = BM_KEIN_0_1;
                z->text = xstrdup(v);
            }
        } else if (q->typ == FRAGE_ZAHL) {
            zahl_lesen(q, v, z);
        } else {
            wahl_lesen(q, v, z);
        }
        if (v != kurz) free(v);
    }
    b->n++;
    return 1;
}

struct csv_ctx {
    struct befragung *b;
    int kopf;
};

static int csv_zeile(const struct csvrow *row, void *ctx)
{
    struct csv_ctx *c = ctx;
    if (!c->kopf) {
        befragung_kopf(c->b, (const char *const *)row->fields, row->nfields);
        c->kopf = 1;
        return 0;
    }
    befragung_zeile(c->b, (const char *const *)row->fields, row->nfields, row->row);
    return 0;
}

int befragung_csv_lesen(struct befragung *b, const char *pfad, struct csvreader_error *err)
{
    struct csv_ctx c = { b, 0 };
    struct csvreader_options opt;
    memset(&opt, 0, sizeof opt);
    return csvreader_read(pfad, &opt, csv_zeile, &c, err, NULL, NULL);
}

/* ---- question states ---------------------------------------------------------------- */

static int frage_zustand(const struct befragung *b, const struct befragter *r, int qi);

static int gewaehlt(const struct befragung *b, const struct befragter *r, int qi, int o)
{
    const struct frage *q = &b->fb->fragen[qi];
    if (ist_multi(q)) {
        const struct zelle *z = &r->z[b->slot[qi] + o];
        return z->zustand == Z_OK && z->wert == 1;
    }
    const struct zelle *z = &r->z[b->slot[qi]];
    return z->zustand == Z_OK && z->wert == o;
}

static int gefragt(const struct befragung *b, const struct befragter *r, int qi)
{
    const struct frage *q = &b->fb->fragen[qi];
    if (!q->hat_filter) return 1;
    int fi = q->filter.frage;     /* earlier question: no cycles (fragebogen.c) */
    if (frage_zustand(b, r, fi) != Q_BEANTWORTET) return 0;
    for (int k = 0; k < q->filter.noptionen; k++)
        if (gewaehlt(b, r, fi, q->filter.optionen[k])) return 1;
    return 0;
}

static int frage_zustand(const struct befragung *b, const struct befragter *r, int qi)
{
    const struct frage *q = &b->fb->fragen[qi];
    if (!gefragt(b, r, qi)) return Q_NICHT_GEFRAGT;
    if (!ist_multi(q)) {
        int z = r->z[b->slot[qi]].zustand;
        return z == Z_OK ? Q_BEANTWORTET : z == Z_UNGUELTIG ? Q_UNGUELTIG : Q_FEHLEND;
    }
    int ok = 0;
    for (int o = 0; o < q->noptionen; o++) {
        int z = r->z[b->slot[qi] + o].zustand;
        if (z == Z_UNGUELTIG) return Q_UNGUELTIG;
        ok |= z == Z_OK;
    }
    return ok ? Q_BEANTWORTET : Q_FEHLEND;
}

/* anything entered for the question (for the filter check) */
static int hat_eintrag(const struct befragung *b, const struct befragter *r, int qi)
{
    const struct frage *q = &b->fb->fragen[qi];
    if (!ist_multi(q) && r->z[b->slot[qi]].zustand != Z_LEER) return 1;
    for (int o = 0; o < q->noptionen; o++) {
        if (ist_multi(q)) {
            const struct zelle *z = &r->z[b->slot[qi] + o];
            if (z->zustand == Z_UNGUELTIG || (z->zustand == Z_OK && z->wert == 1)) return 1;
        }
        if (b->ftslot[qi][o] >= 0 && r->z[b->ftslot[qi][o]].zustand == Z_OK) return 1;
    }
    return 0;
}

/* ---- redaction ---------------------------------------------------------------------- */

struct befragung_schwaerzung {
    regex_t email, telefon;
    regex_t *namen;
    size_t nnamen;
};

/* code point of the UTF-8 character starting at s (or 0xFFFD), its length in *len */
static unsigned utf8_cp(const unsigned char *s, size_t *len)
{
    if (s[0] < 0x80) { *len = 1; return s[0]; }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) { *len = 2; return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu); }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *len = 3;
        return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
        *len = 4;
        return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    }
    *len = 1;
    return 0xFFFD;
}

/* letters and digits: ASCII, Latin-1 and beyond, except symbols and punctuation blocks */
static int wortzeichen(unsigned cp)
{
    if (cp < 0x80) return isalnum((int)cp) != 0;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF) return 0;    /* punctuation, symbols, arrows */
    if (cp >= 0x3000 && cp <= 0x303F) return 0;
    return 1;
}

static int wortzeichen_vor(const char *text, size_t pos)
{
    if (pos == 0) return 0;
    size_t i = pos - 1;
    while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80 && pos - i < 4) i--;
    size_t len;
    return wortzeichen(utf8_cp((const unsigned char *)text + i, &len));
}

static int wortzeichen_ab(const char *text, size_t pos)
{
    if (!text[pos]) return 0;
    size_t len;
    return wortzeichen(utf8_cp((const unsigned char *)text + pos, &len));
}

static size_t naechstes_zeichen(const char *text, size_t pos)
{
    pos++;
    while (text[pos] && ((unsigned char)text[pos] & 0xC0) == 0x80) pos++;
    return pos;
}

static int annehmen_name(const char *text, size_t *so, size_t eo)
{
    return !wortzeichen_vor(text, *so) && !wortzeichen_ab(text, eo);
}

static int annehmen_telefon(const char *text, size_t *so_, size_t eo)
{
    size_t so = *so_;
    int ziffern = 0;
    for (size_t i = so; i < eo; i++) ziffern += isdigit((unsigned char)text[i]) != 0;
    if (ziffern < 7 || ziffern > 15) return 0;
    if (so > 0 && (wortzeichen_vor(text, so) || text[so - 1] == '+' || text[so - 1] == '.' || text[so - 1] == ','))
        return so >= 2 && text[so - 1] == '.' && !isdigit((unsigned char)text[so - 2]);   /* „Tel.0281…“ */
    return !isdigit((unsigned char)text[eo]);
}

/* an e-mail address: in the C locale [[:alnum:]] is ASCII only, so the local
 * part is extended to the left over letters like ö (whole UTF-8 characters) */
static int annehmen_email(const char *text, size_t *so, size_t eo)
{
    (void)eo;
    while (*so > 0) {
        size_t i = *so - 1, len;
        while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80 && *so - i < 4) i--;
        unsigned cp = utf8_cp((const unsigned char *)text + i, &len);
        if (!(wortzeichen(cp) || (cp < 0x80 && strchr("._%+-", (int)cp)))) break;
        *so = i;
    }
    return 1;
}

/* every accepted match of re in text replaced by ersatz */
static char *ersetzen(const regex_t *re, const char *text, const char *ersatz,
                      int (*annehmen)(const char *, size_t *, size_t))
{
    struct sb out = { 0 };
    size_t pos = 0, kopiert = 0;
    while (text[pos]) {
        regmatch_t m;
        if (regexec(re, text + pos, 1, &m, pos ? REG_NOTBOL : 0) != 0) break;
        size_t so = pos + (size_t)m.rm_so, eo = pos + (size_t)m.rm_eo;
        size_t start = so;
        if (eo == so || !annehmen(text, &start, eo)) {
            pos = naechstes_zeichen(text, so);
            continue;
        }
        so = start > kopiert ? start : kopiert;
        sb_add_n(&out, text + kopiert, so - kopiert);
        sb_add(&out, ersatz);
        kopiert = pos = eo;
    }
    sb_add(&out, text + kopiert);
    return sb_fertig(&out);
}

/* a name as a literal ERE: specials in brackets, ä/ö/ü in both cases, blanks as [[:space:]]+ */
static void name_muster(struct sb *p, const char *name)
{
    static const char *const umlaute[][3] = {
        { "\xC3\xA4", "\xC3\x84", "(\xC3\xA4|\xC3\x84)" }, { "\xC3\xB6", "\xC3\x96", "(\xC3\xB6|\xC3\x96)" },
        { "\xC3\xBC", "\xC3\x9C", "(\xC3\xBC|\xC3\x9C)" },
    };
    const char *s = name;
    while (*s) {
        if (isspace((unsigned char)*s)) {
            while (isspace((unsigned char)*s)) s++;
            sb_add(p, "[[:space:]]+");
            continue;
        }
        int um = 0;
        for (size_t i = 0; i < 3 && !um; i++)
            if (strncmp(s, umlaute[i][0], 2) == 0 || strncmp(s, umlaute[i][1], 2) == 0) {
                sb_add(p, umlaute[i][2]);
                s += 2;
                um = 1;
            }
        if (um) continue;
        char c = *s++;
        if (c == ']') sb_add(p, "[]]");
        else if (c == '^') sb_add(p, "\\^");
        else if (c == '\\') sb_add(p, "[\\]");
        else if (strchr(".[()*+?{}|$", c)) { char br[4] = { '[', c, ']', 0 }; sb_add(p, br); }
        else sb_add_n(p, &c, 1);
    }
}

static const char EMAIL_RE[] =
    "[[:alnum:]._%+-]+[[:space:]]*(@|\\(at\\)|\\[at\\])[[:space:]]*[[:alnum:]-]+(\\.[[:alnum:]-]+)*\\.[[:alpha:]]{2,}";
static const char TELEFON_RE[] =
    "(\\+|00)[1-9][0-9]{0,2}([ ]?\\(0\\))?([ ./-]?[0-9]+)+"
    "|\\(?0[1-9][0-9]{1,5}\\)?([ ]?[/-][ ]?|[ .])?[0-9]+([ .-]?[0-9]+)*";

struct befragung_schwaerzung *befragung_schwaerzung_neu(const char *const *namen, size_t n)
{
    struct befragung_schwaerzung *s = xcalloc(1, sizeof *s);
    if (regcomp(&s->email, EMAIL_RE, REG_EXTENDED | REG_ICASE) != 0 ||
        regcomp(&s->telefon, TELEFON_RE, REG_EXTENDED) != 0) {
        diag_error("interner Fehler: Suchmuster für E-Mail/Telefon nicht übersetzbar");
        exit(IB_EXIT_INTERNAL);
    }
    /* names in chunks: one regex holds at most 40 names or ~6 KiB */
    struct sb p = { 0 };
    size_t inchunk = 0;
    for (size_t i = 0; i <= n; i++) {
        int gueltig = i < n && namen[i] && strlen(namen[i]) >= 3;
        if (gueltig) {
            sb_add(&p, inchunk ? "|(" : "(");
            name_muster(&p, namen[i]);
            sb_add(&p, ")");
            inchunk++;
        }
        if (inchunk && (i == n || inchunk >= 40 || p.n > 6000)) {
            s->namen = xrealloc(s->namen, sizeof *s->namen * (s->nnamen + 1));
            if (regcomp(&s->namen[s->nnamen], p.s, REG_EXTENDED | REG_ICASE) != 0) {
                diag_error("interner Fehler: Suchmuster für Namen nicht übersetzbar");
                exit(IB_EXIT_INTERNAL);
            }
            s->nnamen++;
            p.n = 0;
            p.s[0] = '\0';
            inchunk = 0;
        }
    }
    free(p.s);
    return s;
}

void befragung_schwaerzung_free(struct befragung_schwaerzung *s)
{
    if (!s) return;
    regfree(&s->email);
    regfree(&s->telefon);
    for (size_t i = 0; i < s->nnamen; i++) regfree(&s->namen[i]);
    free(s->namen);
    free(s);
}

char *befragung_schwaerzen(const struct befragung_schwaerzung *s, const char *text)
{
    if (!text) return xstrdup("");
    char *t = ersetzen(&s->email, text, "[E-Mail]", annehmen_email);
    char *u = ersetzen(&s->telefon, t, "[Telefon]", annehmen_telefon);
    free(t);
    for (size_t i = 0; i < s->nnamen; i++) {
        t = ersetzen(&s->namen[i], u, "[Name]", annehmen_name);
        free(u);
        u = t;
    }
    return u;
}

static int ist_stoppwort(const char *w)
{
    static const char *const stopp[] = { "frau", "herr", "herrn", "dr", "prof", "von", "vom", "van", "der", "den",
                                         "die", "und", "des", "zu", "zur", "zum", "e.v", "ev", "gmbh", "mit", NULL };
    for (const char *const *p = stopp; *p; p++)
        if (strcasecmp(w, *p) == 0) return 1;
    return 0;
}

/* the names in order of appearance; `gesehen` holds them in ASCII lower case
 * (strcasecmp's equality in the C locale) so that a name is found without
 * comparing it with every earlier one (10.000 respondents) */
struct namensliste { char **v; size_t n; struct strmap gesehen; };

/* a whole value as it is; a word without trailing punctuation („Dr.“ → „Dr“) */
static void name_dazu(struct namensliste *l, const char *s, size_t len, int wort)
{
    char *w = xstrndup(s, len);
    char *t = trim_dup(w);
    free(w);
    size_t tl = strlen(t);
    while (wort && tl && (t[tl - 1] == '.' || t[tl - 1] == ',' || t[tl - 1] == ':')) t[--tl] = '\0';
    int dup = tl < 3 || ist_stoppwort(t);
    if (!dup) {
        char *klein = xstrndup(t, tl);
        for (char *p = klein; *p; p++) *p = (char)tolower((unsigned char)*p);
        int64_t x;
        dup = strmap_get(&l->gesehen, klein, tl, &x);
        if (!dup) strmap_put(&l->gesehen, klein, tl, 1);
        OPENSSL_cleanse(klein, tl);
        free(klein);
    }
    if (dup) { free(t); return; }
    l->v = xrealloc(l->v, sizeof *l->v * (l->n + 1));
    l->v[l->n++] = t;
}

struct befragung_schwaerzung *befragung_schwaerzung_aus(const struct befragung *b)
{
    struct namensliste l = { NULL, 0, { 0 } };
    const struct fragebogen *fb = b->fb;
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        if (!q->personenbezogen || q->typ != FRAGE_TEXT || q->schwaerzen == SCHWAERZEN_NEIN) continue;
        for (size_t i = 0; i < b->n; i++) {
            const struct zelle *z = &b->r[i].z[b->slot[qi]];
            if (z->zustand != Z_OK || !z->text) continue;
            name_dazu(&l, z->text, strlen(z->text), 0);
            if (q->schwaerzen != SCHWAERZEN_WOERTER) continue;
            const char *p = z->text;
            while (*p) {
                size_t k = strcspn(p, " \t-,.;:/()\"'");
                if (k) name_dazu(&l, p, k, 1);
                p += k;
                if (*p) p++;
            }
        }
    }
    struct befragung_schwaerzung *s = befragung_schwaerzung_neu((const char *const *)l.v, l.n);
    for (size_t i = 0; i < l.n; i++) {
        OPENSSL_cleanse(l.v[i], strlen(l.v[i]));
        free(l.v[i]);
    }
    free(l.v);
    /* the map's copies are personal data as well: wiped (stored as a 4-byte length + bytes, strmap.c) */
    for (size_t i = 0; i < l.gesehen.cap; i++)
        if (l.gesehen.keys[i]) {
            uint32_t len;
            memcpy(&len, l.gesehen.keys[i], 4);
            OPENSSL_cleanse(l.gesehen.keys[i] + 4, len);
        }
    strmap_free(&l.gesehen);
    return s;
}

/* ---- validation --------------------------------------------------------------------- */

/* a value for a message: redacted, at most 40 bytes (UTF-8 safe); never a personal one */
static void wert_zeigen(const struct frage *q, const char *roh, struct befragung_schwaerzung **sw,
                        const struct befragung *b, char *buf, size_t size)
{
    if (q->personenbezogen) {
        snprintf(buf, size, "[personenbezogen]");
        return;
    }
    if (!*sw) *sw = befragung_schwaerzung_aus(b);
    char *t = befragung_schwaerzen(*sw, roh);
    size_t len = strlen(t);
    if (len > 40) {
        len = 40;
        while (len && ((unsigned char)t[len] & 0xC0) == 0x80) len--;
        snprintf(buf, size, "%.*s…", (int)len, t);
    } else {
        snprintf(buf, size, "%s", t);
    }
    free(t);
}

static void codes_liste(const struct frage *q, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int o = 0; o < q->noptionen && n < size; o++) {
        int k = snprintf(buf + n, size - n, "%s%s", o ? ", " : "", q->optionen[o].code);
        if (k > 0) n += (size_t)k;
    }
}

/* answer of the filter question, for the filter message */
static void filter_antwort(const struct befragung *b, const struct befragter *r, int fi, char *buf, size_t size)
{
    const struct frage *f = &b->fb->fragen[fi];
    int st = frage_zustand(b, r, fi);
    if (f->personenbezogen) { snprintf(buf, size, "[personenbezogen]"); return; }
    if (st == Q_NICHT_GEFRAGT) { snprintf(buf, size, "nicht gefragt"); return; }
    if (st == Q_FEHLEND) { snprintf(buf, size, "keine Antwort"); return; }
    if (st == Q_UNGUELTIG) { snprintf(buf, size, "ungültig"); return; }
    size_t n = 0;
    buf[0] = '\0';
    int erste = 1;
    for (int o = 0; o < f->noptionen && n < size; o++)
        if (gewaehlt(b, r, fi, o)) {
            int k = snprintf(buf + n, size - n, "%s%s", erste ? "" : ", ", f->optionen[o].text);
            if (k > 0) n += (size_t)k;
            erste = 0;
        }
    if (erste) snprintf(buf, size, "nichts angekreuzt");
}

size_t befragung_pruefen(const struct befragung *b, struct befragung_meldungen *out)
{
    memset(out, 0, sizeof *out);
    if (b->lesen.n) {
        out->m = xmalloc(sizeof *out->m * b->lesen.n);
        memcpy(out->m, b->lesen.m, sizeof *out->m * b->lesen.n);
        out->n = b->lesen.n;
    }
    const struct fragebogen *fb = b->fb;
    struct befragung_schwaerzung *sw = NULL;
    char wert[128], info[300];
    for (size_t i = 0; i < b->n; i++) {
        const struct befragter *r = &b->r[i];
        for (int qi = 0; qi < fb->nfragen; qi++) {
            const struct frage *q = &fb->fragen[qi];
            if (!gefragt(b, r, qi)) {
                if (hat_eintrag(b, r, qi)) {
                    filter_antwort(b, r, q->filter.frage, info, sizeof info);
                    meldung(out, BM_TROTZ_FILTER, DIAG_ERROR, r->zeile, r->pseudonym, q->code, NULL,
                            "beantwortet, obwohl der Filter „%s“ sie ausschließt (%s: %s)", q->filter.text,
                            fb->fragen[q->filter.frage].code, info);
                }
                continue;
            }
            int nslot = ist_multi(q) ? q->noptionen : 1;
            for (int k = 0; k < nslot; k++) {
                const struct zelle *z = &r->z[b->slot[qi] + k];
                if (z->zustand != Z_UNGUELTIG) continue;
                wert_zeigen(q, z->text ? z->text : "", &sw, b, wert, sizeof wert);
                switch (z->art) {
                case BM_KEIN_0_1:
                    meldung(out, BM_KEIN_0_1, DIAG_ERROR, r->zeile, r->pseudonym, q->code, q->optionen[k].spalte,
                            "„%s“ ist weder 0 noch 1", wert);
                    break;
                case BM_MEHRERE_ANTWORTEN:
                    meldung(out, BM_MEHRERE_ANTWORTEN, DIAG_ERROR, r->zeile, r->pseudonym, q->code, NULL,
                            "%d Antworten „%s“ bei Einfachauswahl", z->wert, wert);
                    break;
                case BM_AUSSERHALB_SKALA:
                    meldung(out, BM_AUSSERHALB_SKALA, DIAG_ERROR, r->zeile, r->pseudonym, q->code, NULL,
                            "Wert „%s“ außerhalb der Skala %s–%s", wert, q->optionen[0].code,
                            q->optionen[q->noptionen - 1].code);
                    break;
                case BM_KEINE_ZAHL:
                    meldung(out, BM_KEINE_ZAHL, DIAG_ERROR, r->zeile, r->pseudonym, q->code, NULL,
                            "„%s“ ist keine Zahl", wert);
                    break;
                case BM_AUSSERHALB_BEREICH: {
                    char lo[40] = "", hi[40] = "";
                    if (q->hat_min) format_zahl(lo, sizeof lo, q->min, q->min == floor(q->min) ? 0 : 2);
                    if (q->hat_max) format_zahl(hi, sizeof hi, q->max, q->max == floor(q->max) ? 0 : 2);
                    meldung(out, BM_AUSSERHALB_BEREICH, DIAG_ERROR, r->zeile, r->pseudonym, q->code, NULL,
                            "„%s“ außerhalb des Bereichs %s–%s%s", wert, lo, hi, q->ganzzahlig ? " (ganze Zahlen)" : "");
                    break;
                }
                default:
                    codes_liste(q, info, sizeof info);
                    meldung(out, BM_UNBEKANNTER_CODE, DIAG_ERROR, r->zeile, r->pseudonym, q->code, NULL,
                            "unbekannter Code „%s“ (Codes: %s)", wert, info);
                }
            }
            for (int o = 0; o < q->noptionen; o++) {
                int s = b->ftslot[qi][o];
                if (s < 0 || r->z[s].zustand != Z_OK || gewaehlt(b, r, qi, o)) continue;
                meldung(out, BM_FREITEXT_OHNE_OPTION, DIAG_WARNING, r->zeile, r->pseudonym, q->code,
                        q->optionen[o].freitext_spalte, "Freitext, aber Option %s („%s“) nicht gewählt (ignoriert)",
                        q->optionen[o].code, q->optionen[o].text);
            }
        }
    }
    befragung_schwaerzung_free(sw);
    return out->n;
}

int befragung_fehlerhaft(const struct befragung *b, size_t i)
{
    if (!b || i >= b->n) return 0;
    /* the conditions of the DIAG_ERROR messages of befragung_pruefen, without their texts */
    const struct befragter *r = &b->r[i];
    const struct fragebogen *fb = b->fb;
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        if (!gefragt(b, r, qi)) {
            if (hat_eintrag(b, r, qi)) return 1;
            continue;
        }
        int nslot = ist_multi(q) ? q->noptionen : 1;
        for (int k = 0; k < nslot; k++)
            if (r->z[b->slot[qi] + k].zustand == Z_UNGUELTIG) return 1;
    }
    return 0;
}

/* ---- suppression helpers ------------------------------------------------------------ */

static unsigned schwelle_von(const struct befragung_optionen *opt)
{
    return opt && opt->schwelle ? opt->schwelle : GEHEIMHALTUNG_SCHWELLE_STANDARD;
}

static int geheim(const struct befragung_optionen *opt) { return !(opt && opt->ohne_geheimhaltung); }

static void zelle_setzen(struct befragung_zelle *z, double anzahl, double basis)
{
    z->anzahl = anzahl;
    z->status = GEHEIMHALTUNG_WERT;
    if (basis > 0) {
        z->anteil = anzahl / basis * 100.0;
        z->anteil_status = GEHEIMHALTUNG_WERT;
    } else {
        z->anteil = NAN;
        z->anteil_status = GEHEIMHALTUNG_GESPERRT;
    }
}

/* numbers of suppressed cells become NAN */
static void nan_setzen(struct befragung_zelle *z)
{
    if (z->status != GEHEIMHALTUNG_WERT) z->anzahl = NAN;
    if (z->anteil_status != GEHEIMHALTUNG_WERT) z->anteil = NAN;
}

const char *befragung_zelle_text(const struct befragung_zelle *z, char *buf, size_t size)
{
    if (z->status != GEHEIMHALTUNG_WERT) return geheimhaltung_zeichen(z->status);
    if (z->anzahl == 0) return GEHEIMHALTUNG_ZEICHEN_NICHTS;
    return format_zahl(buf, size, z->anzahl, z->anzahl == floor(z->anzahl) ? 0 : 1);
}

const char *befragung_anteil_text(const struct befragung_zelle *z, int decimals, char *buf, size_t size)
{
    if (z->anteil_status != GEHEIMHALTUNG_WERT) return geheimhaltung_zeichen(z->anteil_status);
    if (z->status == GEHEIMHALTUNG_WERT && z->anzahl == 0) return GEHEIMHALTUNG_ZEICHEN_NICHTS;
    return format_zahl(buf, size, z->anteil, decimals);
}

/*
 * Protect counts[0..n) (a line with its total at index n-1 when linie) and
 * the shares of cells[] (share k = counts[zaehler[k]] / nenner_counts[nenner[k]]).
 * Works on arrays of befragung_zelle through temporary geheimhaltung tables.
 * Fails closed: a geheimhaltung error marks everything UNBEKANNT.
 */
struct tab {
    size_t nrows, ncols;
    int total_row, total_col;
    double *v;
    enum geheimhaltung_status *st;
    struct geheimhaltung_tabelle t;
};

static void tab_init(struct tab *x, size_t nrows, size_t ncols, int total_row, int total_col)
{
    x->nrows = nrows;
    x->ncols = ncols;
    x->v = xcalloc(nrows * ncols + 1, sizeof *x->v);
    x->st = xcalloc(nrows * ncols + 1, sizeof *x->st);
    x->t.nrows = nrows;
    x->t.ncols = ncols;
    x->t.values = x->v;
    x->t.status = x->st;
    x->t.total_row = total_row;
    x->t.total_col = total_col;
}

static void tab_free(struct tab *x)
{
    free(x->v);
    free(x->st);
}

static int anwenden(struct tab *x, const struct befragung_optionen *opt)
{
    struct geheimhaltung_optionen go = { opt ? opt->nullen_schuetzen : 0 };
    long rc = geheimhaltung_anwenden(&x->t, schwelle_von(opt), &go);
    if (rc < 0) {
        for (size_t i = 0; i < x->nrows * x->ncols; i++) x->st[i] = GEHEIMHALTUNG_UNBEKANNT;
        return -1;
    }
    return 0;
}

/* shares: anteil cells[k] linked to zaehler tab index z[k] and nenner tab index n[k] */
static void anteile_schuetzen(struct befragung_zelle **zellen, size_t anzahl, const struct tab *zt,
                              const size_t *zi, const struct tab *nt, const size_t *ni,
                              const struct befragung_optionen *opt)
{
    if (!anzahl) return;
    struct tab a;
    tab_init(&a, 1, anzahl, 0, 0);
    struct geheimhaltung_bezug *bz = xcalloc(anzahl, sizeof *bz);
    for (size_t k = 0; k < anzahl; k++) {
        a.v[k] = zellen[k]->anteil;
        a.st[k] = zellen[k]->anteil_status;
        bz[k].anteil = k;
        bz[k].zaehler = zi[k];
        bz[k].nenner = ni[k];
    }
    struct geheimhaltung_optionen go = { opt ? opt->nullen_schuetzen : 0 };
    long rc = geheimhaltung_anteil(&a.t, &zt->t, &nt->t, bz, anzahl, schwelle_von(opt), &go);
    for (size_t k = 0; k < anzahl; k++)
        zellen[k]->anteil_status = rc < 0 ? GEHEIMHALTUNG_UNBEKANNT : a.st[k];
    free(bz);
    tab_free(&a);
}

/* ---- frequencies -------------------------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int befragung_haeufigkeit(const struct befragung *b, const char *code, const struct befragung_optionen *opt,
                          struct befragung_haeufigkeit *out)
{
    memset(out, 0, sizeof *out);
    int qi = code ? fragebogen_frage(b->fb, code) : -1;
    if (qi < 0) return BEFRAGUNG_E_FRAGE;
    const struct frage *q = &b->fb->fragen[qi];
    if (q->personenbezogen) return BEFRAGUNG_E_PERSONENBEZOGEN;
    int k = (ist_wahl(q) || ist_multi(q)) ? q->noptionen : 0;
    double *cnt = xcalloc((size_t)k + 1, sizeof *cnt);
    double *werte = xcalloc(b->n + 1, sizeof *werte);
    size_t nw = 0;
    double nennungen = 0;
    int n = 0;
    out->frage = q;
    out->befragte = (int)b->n;
    for (size_t i = 0; i < b->n; i++) {
        const struct befragter *r = &b->r[i];
        switch (frage_zustand(b, r, qi)) {
        case Q_NICHT_GEFRAGT: out->nicht_gefragt++; continue;
        case Q_FEHLEND: out->fehlend++; continue;
        case Q_UNGUELTIG: out->ungueltig++; continue;
        default: break;
        }
        n++;
        if (ist_multi(q)) {
            for (int o = 0; o < k; o++)
                if (gewaehlt(b, r, qi, o)) { cnt[o]++; nennungen++; }
        } else if (ist_wahl(q)) {
            int o = r->z[b->slot[qi]].wert;
            cnt[o]++;
            werte[nw++] = o + 1;
        } else if (q->typ == FRAGE_ZAHL) {
            werte[nw++] = r->z[b->slot[qi]].zahl;
        }
    }
    out->gefragt = (int)b->n - out->nicht_gefragt;
    zelle_setzen(&out->gesamt, n, n);
    out->noptionen = k;
    out->optionen = xcalloc((size_t)k + 1, sizeof *out->optionen);
    for (int o = 0; o < k; o++) zelle_setzen(&out->optionen[o], cnt[o], n);
    if (ist_multi(q)) {
        zelle_setzen(&out->nennungen, nennungen, nennungen);
        out->anteil_nennungen = xcalloc((size_t)k + 1, sizeof *out->anteil_nennungen);
        for (int o = 0; o < k; o++) zelle_setzen(&out->anteil_nennungen[o], cnt[o], nennungen);
    } else {
        out->nennungen.status = out->nennungen.anteil_status = GEHEIMHALTUNG_GESPERRT;
        out->nennungen.anzahl = out->nennungen.anteil = NAN;
    }
    /* statistics of the steps (likert) or numbers (zahl) */
    out->median = out->mittelwert = out->standardabweichung = NAN;
    out->median_status = out->mittelwert_status = GEHEIMHALTUNG_GESPERRT;
    out->top2.anzahl = out->top2.anteil = NAN;
    out->top2.status = out->top2.anteil_status = GEHEIMHALTUNG_GESPERRT;
    int statistik = q->typ == FRAGE_LIKERT || q->typ == FRAGE_ZAHL;
    if (statistik && nw > 0) {
        qsort(werte, nw, sizeof *werte, cmp_double);
        out->median = nw % 2 ? werte[nw / 2] : (werte[nw / 2 - 1] + werte[nw / 2]) / 2.0;
        out->median_status = GEHEIMHALTUNG_WERT;
        if (q->typ == FRAGE_ZAHL || q->intervall) {
            double sum = 0, qs = 0;
            for (size_t i = 0; i < nw; i++) sum += werte[i];
            double m = sum / (double)nw;
            for (size_t i = 0; i < nw; i++) qs += (werte[i] - m) * (werte[i] - m);
            out->mittelwert = m;
            out->standardabweichung = nw > 1 ? sqrt(qs / (double)(nw - 1)) : NAN;
            out->mittelwert_status = GEHEIMHALTUNG_WERT;
        }
    }
    if (q->typ == FRAGE_LIKERT && k >= 2) zelle_setzen(&out->top2, cnt[k - 1] + cnt[k - 2], n);

    if (geheim(opt)) {
        /* the line: option counts + total (n, or the ticks of a multi question) */
        struct tab c, nt;
        tab_init(&c, 1, (size_t)k + 1, 0, k >= 1);
        for (int o = 0; o < k; o++) c.v[o] = cnt[o];
        c.v[k] = ist_multi(q) ? nennungen : n;
        tab_init(&nt, 1, 1, 0, 0);
        nt.v[0] = n;
        anwenden(&c, opt);
        if (ist_multi(q) || k == 0) anwenden(&nt, opt);
        else nt.st[0] = c.st[k];
        for (int o = 0; o < k; o++) out->optionen[o].status = c.st[o];
        out->gesamt.status = nt.st[0];
        if (out->gesamt.anteil_status == GEHEIMHALTUNG_WERT) out->gesamt.anteil_status = nt.st[0];
        /* shares of n */
        struct befragung_zelle **zz = xcalloc((size_t)k + 1, sizeof *zz);
        size_t *zi = xcalloc((size_t)k + 1, sizeof *zi), *ni = xcalloc((size_t)k + 1, sizeof *ni);
        for (int o = 0; o < k; o++) { zz[o] = &out->optionen[o]; zi[o] = (size_t)o; ni[o] = 0; }
        anteile_schuetzen(zz, (size_t)k, &c, zi, &nt, ni, opt);
        if (ist_multi(q)) {
            out->nennungen.status = c.st[k];
            if (out->nennungen.anteil_status == GEHEIMHALTUNG_WERT) out->nennungen.anteil_status = c.st[k];
            for (int o = 0; o < k; o++) {
                out->anteil_nennungen[o].status = c.st[o];
                zz[o] = &out->anteil_nennungen[o];
                ni[o] = (size_t)k;
            }
            anteile_schuetzen(zz, (size_t)k, &c, zi, &c, ni, opt);
        }
        free(zz);
        free(zi);
        free(ni);
        /* derived figures */
        int versteckt_top = 0, versteckt_sonst = out->gesamt.status != GEHEIMHALTUNG_WERT;
        for (int o = 0; o < k; o++) {
            if (c.st[o] == GEHEIMHALTUNG_WERT) continue;
            if (q->typ == FRAGE_LIKERT && o >= k - 2) versteckt_top++;
            else versteckt_sonst++;
        }
        if (out->gesamt.status != GEHEIMHALTUNG_WERT) {
            if (out->median_status == GEHEIMHALTUNG_WERT) out->median_status = out->gesamt.status;
            if (out->mittelwert_status == GEHEIMHALTUNG_WERT) out->mittelwert_status = out->gesamt.status;
        } else if (out->mittelwert_status == GEHEIMHALTUNG_WERT && q->typ == FRAGE_LIKERT &&
                   versteckt_top + versteckt_sonst > 0) {
            out->mittelwert_status = GEHEIMHALTUNG_SEKUNDAER;
        }
        if (q->typ == FRAGE_LIKERT && k >= 2) {
            double t2 = out->top2.anzahl;
            unsigned sw = schwelle_von(opt);
            if (t2 > 0 && t2 < sw) out->top2.status = GEHEIMHALTUNG_PRIMAER;
            else if (out->gesamt.status != GEHEIMHALTUNG_WERT || (versteckt_top && versteckt_sonst))
                out->top2.status = GEHEIMHALTUNG_SEKUNDAER;
            if (out->top2.status != GEHEIMHALTUNG_WERT) out->top2.anteil_status = out->top2.status;
            else if (out->gesamt.status != GEHEIMHALTUNG_WERT) out->top2.anteil_status = out->gesamt.status;
        }
        tab_free(&c);
        tab_free(&nt);
        if (out->gesamt.status != GEHEIMHALTUNG_WERT)
            out->gefragt = out->nicht_gefragt = out->fehlend = out->ungueltig = -1;
    }
    nan_setzen(&out->gesamt);
    nan_setzen(&out->nennungen);
    nan_setzen(&out->top2);
    for (int o = 0; o < k; o++) {
        nan_setzen(&out->optionen[o]);
        if (out->anteil_nennungen) nan_setzen(&out->anteil_nennungen[o]);
    }
    if (out->median_status != GEHEIMHALTUNG_WERT) out->median = NAN;
    if (out->mittelwert_status != GEHEIMHALTUNG_WERT) out->mittelwert = out->standardabweichung = NAN;
    free(cnt);
    free(werte);
    return BEFRAGUNG_OK;
}

void befragung_haeufigkeit_free(struct befragung_haeufigkeit *h)
{
    if (!h) return;
    free(h->optionen);
    free(h->anteil_nennungen);
    memset(h, 0, sizeof *h);
}

/* ---- cross-tabulation --------------------------------------------------------------- */

int befragung_kreuztabelle(const struct befragung *b, const char *zeilenfrage, const char *spaltenfrage,
                           const struct befragung_optionen *opt, struct befragung_kreuztabelle *out)
{
    memset(out, 0, sizeof *out);
    int qz = zeilenfrage ? fragebogen_frage(b->fb, zeilenfrage) : -1;
    int qs = spaltenfrage ? fragebogen_frage(b->fb, spaltenfrage) : -1;
    if (qz < 0 || qs < 0) return BEFRAGUNG_E_FRAGE;
    const struct frage *z = &b->fb->fragen[qz], *s = &b->fb->fragen[qs];
    if (z->personenbezogen || s->personenbezogen) return BEFRAGUNG_E_PERSONENBEZOGEN;
    if (!(ist_wahl(z) || ist_multi(z)) || !(ist_wahl(s) || ist_multi(s)) || qz == qs) return BEFRAGUNG_E_TYP;
    int kz = z->noptionen, ks = s->noptionen;
    size_t nr = (size_t)kz + 1, nc = (size_t)ks + 1;
    double *v = xcalloc(nr * nc, sizeof *v);
#define IDX(i, j) ((size_t)(i) * nc + (size_t)(j))
    for (size_t i = 0; i < b->n; i++) {
        const struct befragter *r = &b->r[i];
        if (frage_zustand(b, r, qz) != Q_BEANTWORTET || frage_zustand(b, r, qs) != Q_BEANTWORTET) continue;
        v[IDX(kz, ks)]++;
        for (int a = 0; a < kz; a++) {
            if (!gewaehlt(b, r, qz, a)) continue;
            v[IDX(a, ks)]++;
            for (int c = 0; c < ks; c++)
                if (gewaehlt(b, r, qs, c)) v[IDX(a, c)]++;
        }
        for (int c = 0; c < ks; c++)
            if (gewaehlt(b, r, qs, c)) v[IDX(kz, c)]++;
    }
    out->zeilen = z;
    out->spalten = s;
    out->nzeilen = (int)nr;
    out->nspalten = (int)nc;
    out->zeilensummen_additiv = !ist_multi(s);
    out->spaltensummen_additiv = !ist_multi(z);
    out->zellen = xcalloc(nr * nc, sizeof *out->zellen);
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nc; j++) zelle_setzen(&out->zellen[IDX(i, j)], v[IDX(i, j)], v[IDX(kz, j)]);
    if (geheim(opt)) {
        struct tab t;
        tab_init(&t, nr, nc, out->spaltensummen_additiv, out->zeilensummen_additiv);
        memcpy(t.v, v, nr * nc * sizeof *v);
        anwenden(&t, opt);
        struct befragung_zelle **zz = xcalloc(nr * nc, sizeof *zz);
        size_t *zi = xcalloc(nr * nc, sizeof *zi), *ni = xcalloc(nr * nc, sizeof *ni);
        for (size_t i = 0; i < nr; i++)
            for (size_t j = 0; j < nc; j++) {
                size_t x = IDX(i, j);
                out->zellen[x].status = t.st[x];
                zz[x] = &out->zellen[x];
                zi[x] = x;
                ni[x] = IDX(kz, j);
            }
        anteile_schuetzen(zz, nr * nc, &t, zi, &t, ni, opt);
        free(zz);
        free(zi);
        free(ni);
        tab_free(&t);
    }
    for (size_t x = 0; x < nr * nc; x++) nan_setzen(&out->zellen[x]);
#undef IDX
    free(v);
    return BEFRAGUNG_OK;
}

void befragung_kreuztabelle_free(struct befragung_kreuztabelle *k)
{
    if (!k) return;
    free(k->zellen);
    memset(k, 0, sizeof *k);
}

/* ---- Rücklauf ----------------------------------------------------------------------- */

static int ist_fehlanzeige(const struct fragebogen *fb, const char *text)
{
    char *t = trim_dup(text);
    size_t n = strlen(t);
    while (n && (t[n - 1] == '.' || t[n - 1] == '!' || isspace((unsigned char)t[n - 1]))) t[--n] = '\0';
    int ja = 0;
    for (int i = 0; i < fb->ruecklauf.nfehlanzeige && !ja; i++) ja = strcasecmp(t, fb->ruecklauf.fehlanzeige[i]) == 0;
    free(t);
    return ja;
}

/* does the respondent give any answer (not only Fehlanzeige words)? */
static int hat_antwort(const struct befragung *b, const struct befragter *r)
{
    const struct fragebogen *fb = b->fb;
    for (int qi = 0; qi < fb->nfragen; qi++) {
        const struct frage *q = &fb->fragen[qi];
        if (q->personenbezogen || frage_zustand(b, r, qi) != Q_BEANTWORTET) continue;
        if (q->typ == FRAGE_TEXT) {
            if (!ist_fehlanzeige(fb, r->z[b->slot[qi]].text)) return 1;
            continue;
        }
        for (int o = 0; o < q->noptionen; o++) {
            int s = b->ftslot[qi][o];
            if (s >= 0 && r->z[s].zustand == Z_OK && gewaehlt(b, r, qi, o) && !ist_fehlanzeige(fb, r->z[s].text))
                return 1;
        }
        if (!ist_multi(q)) return 1;
        for (int o = 0; o < q->noptionen; o++)
            if (gewaehlt(b, r, qi, o)) return 1;
    }
    return 0;
}

int befragung_ruecklauf(const struct befragung *b, struct befragung_ruecklauf *out)
{
    memset(out, 0, sizeof *out);
    const struct fragebogen_ruecklauf *rl = &b->fb->ruecklauf;
    if (!rl->konfiguriert) return BEFRAGUNG_E_RUECKLAUF;
    out->einheit = rl->einheit;
    out->befragt = rl->befragt_anzahl;
    /* units: the list, or the distinct values seen */
    size_t ne = rl->nbefragt ? (size_t)rl->nbefragt : 0, cap = ne + b->n + 1;
    const char **namen = xcalloc(cap, sizeof *namen);
    enum befragung_rueckmeldung *st = xcalloc(cap, sizeof *st);
    for (size_t i = 0; i < ne; i++) namen[i] = rl->befragt[i];
    const char **fremd = xcalloc(b->n + 1, sizeof *fremd);
    size_t nfremd = 0;
    for (size_t i = 0; i < b->n; i++) {
        const struct befragter *r = &b->r[i];
        const char *name = rl->spalte ? (r->einheit ? r->einheit : "") : r->pseudonym;
        enum befragung_rueckmeldung s = hat_antwort(b, r) ? RUECKMELDUNG_ANTWORT : RUECKMELDUNG_FEHLANZEIGE;
        size_t k;
        for (k = 0; k < ne; k++)
            if (strcasecmp(namen[k], name) == 0) break;
        if (k == ne) {
            if (rl->nbefragt || !*name) {
                size_t f;
                for (f = 0; f < nfremd; f++)
                    if (strcasecmp(fremd[f], name) == 0) break;
                if (f == nfremd) fremd[nfremd++] = name;
                continue;
            }
            namen[ne++] = name;
        }
        if (s > st[k]) st[k] = s;
    }
    for (size_t k = 0; k < ne; k++) {
        if (st[k] == RUECKMELDUNG_ANTWORT) out->geantwortet++;
        else if (st[k] == RUECKMELDUNG_FEHLANZEIGE) out->fehlanzeige++;
    }
    out->unbekannt = (int)nfremd;
    out->ohne_rueckmeldung = out->befragt - out->geantwortet - out->fehlanzeige;
    if (out->ohne_rueckmeldung < 0) out->ohne_rueckmeldung = 0;
    out->quote = out->befragt ? 100.0 * out->geantwortet / out->befragt : NAN;
    out->quote_mit_fehlanzeigen = out->befragt ? 100.0 * (out->geantwortet + out->fehlanzeige) / out->befragt : NAN;
    if (rl->nbefragt) {
        out->neinheiten = rl->nbefragt;
        out->einheiten = xcalloc((size_t)rl->nbefragt, sizeof *out->einheiten);
        for (int k = 0; k < rl->nbefragt; k++) {
            out->einheiten[k].name = rl->befragt[k];
            out->einheiten[k].status = st[k];
        }
    }
    free(namen);
    free(st);
    free(fremd);
    return BEFRAGUNG_OK;
}

void befragung_ruecklauf_free(struct befragung_ruecklauf *r)
{
    if (!r) return;
    free(r->einheiten);
    memset(r, 0, sizeof *r);
}

char *befragung_ruecklauf_satz(const struct befragung_ruecklauf *r, char *buf, size_t size)
{
    const char *einheit = r->einheit ? r->einheit : "Befragten";     /* dative plural; no singular known */
    return format_ruecklauf(buf, size, einheit, einheit, r->geantwortet, r->befragt, r->fehlanzeige,
                            r->ohne_rueckmeldung);
}

/* ---- free texts --------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int befragung_freitexte(const struct befragung *b, const char *frage, const char *option,
                        struct befragung_freitexte *out)
{
    memset(out, 0, sizeof *out);
    int qi = frage ? fragebogen_frage(b->fb, frage) : -1;
    if (qi < 0) return BEFRAGUNG_E_FRAGE;
    const struct frage *q = &b->fb->fragen[qi];
    if (q->personenbezogen) return BEFRAGUNG_E_PERSONENBEZOGEN;
    int oi = -1;
    if (!option) {
        if (q->typ != FRAGE_TEXT) return BEFRAGUNG_E_TYP;
    } else {
        if (q->typ != FRAGE_SINGLE && q->typ != FRAGE_MULTI) return BEFRAGUNG_E_TYP;
        oi = frage_option_index(q, option);
        if (oi < 0 || !q->optionen[oi].freitext) return BEFRAGUNG_E_FRAGE;
    }
    out->frage = q;
    out->option = oi >= 0 ? &q->optionen[oi] : NULL;
    out->texte = xcalloc(b->n + 1, sizeof *out->texte);
    struct befragung_schwaerzung *sw = NULL;
    for (size_t i = 0; i < b->n; i++) {
        const struct befragter *r = &b->r[i];
        if (frage_zustand(b, r, qi) != Q_BEANTWORTET) continue;
        const struct zelle *z;
        if (oi < 0) {
            z = &r->z[b->slot[qi]];
        } else {
            if (!gewaehlt(b, r, qi, oi)) continue;
            z = &r->z[b->ftslot[qi][oi]];
        }
        if (z->zustand != Z_OK || !z->text || !*z->text) continue;
        if (!sw) sw = befragung_schwaerzung_aus(b);
        out->texte[out->n++] = befragung_schwaerzen(sw, z->text);
    }
    befragung_schwaerzung_free(sw);
    qsort(out->texte, out->n, sizeof *out->texte, cmp_str);
    return BEFRAGUNG_OK;
}

void befragung_freitexte_free(struct befragung_freitexte *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->n; i++) free(t->texte[i]);
    free(t->texte);
    memset(t, 0, sizeof *t);
}
