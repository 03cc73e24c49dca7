/*
 * werte.c — German numbers, table symbols and dates as departments write
 * them (rules and sources in werte.h).
 */
#include "werte.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DIGITS 40

/* ---- blanks ------------------------------------------------------------- */

/* Length of a blank at s (s < e): ' ', NBSP U+00A0, thin space U+2009,
 * narrow NBSP U+202F — and TAB, CR, LF when `edge` (trimming only). */
static size_t blank_at(const char *s, const char *e, int edge)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = (size_t)(e - s);
    if (u[0] == ' ') return 1;
    if (edge && (u[0] == '\t' || u[0] == '\r' || u[0] == '\n')) return 1;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0) return 2;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xAF)) return 3;
    return 0;
}

/* Length of a blank ending at e (b < e), as blank_at. */
static size_t blank_before(const char *b, const char *e, int edge)
{
    for (size_t k = 1; k <= 3 && k <= (size_t)(e - b); k++)
        if (blank_at(e - k, e, edge) == k) return k;
    return 0;
}

static void trim(const char **b, const char **e)
{
    size_t k;
    while (*b < *e && (k = blank_at(*b, *e, 1)) > 0) *b += k;
    while (*b < *e && (k = blank_before(*b, *e, 1)) > 0) *e -= k;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int equals(const char *b, const char *e, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(e - b) == n && memcmp(b, lit, n) == 0;
}

/* ---- symbols ------------------------------------------------------------ */

static const struct {
    const char *text;
    const char *bedeutung;
} symbols[WERTE_SYMBOL_ANZAHL] = {
    [WERTE_SYMBOL_KEINES] = { "", "" },
    [WERTE_SYMBOL_NICHTS] = { "–", "nichts vorhanden" },
    [WERTE_SYMBOL_WENIGER_ALS_HAELFTE] =
        { "0", "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts" },
    [WERTE_SYMBOL_UNBEKANNT] = { ".", "Zahlenwert unbekannt oder geheim zu halten" },
    [WERTE_SYMBOL_NICHT_SICHER] = { "/", "keine Angaben, da Zahlenwert nicht sicher genug" },
    [WERTE_SYMBOL_GESPERRT] = { "x", "Tabellenfach gesperrt, weil Aussage nicht sinnvoll" },
    [WERTE_SYMBOL_SPAETER] = { "…", "Angabe fällt später an" },
    [WERTE_SYMBOL_EINGESCHRAENKT] =
        { "( )", "Aussagewert eingeschränkt, da der Zahlenwert statistisch relativ unsicher ist" },
    [WERTE_SYMBOL_VORLAEUFIG] = { "p", "vorläufige Zahl" },
    [WERTE_SYMBOL_BERICHTIGT] = { "r", "berichtigte Zahl" },
    [WERTE_SYMBOL_GESCHAETZT] = { "s", "geschätzte Zahl" },
    [WERTE_SYMBOL_KEINE_ANGABE] = { "k. A.", "keine Angabe" },
};

const char *werte_symbol_text(enum werte_symbol s)
{
    return (unsigned)s < WERTE_SYMBOL_ANZAHL ? symbols[s].text : "";
}

const char *werte_symbol_bedeutung(enum werte_symbol s)
{
    return (unsigned)s < WERTE_SYMBOL_ANZAHL ? symbols[s].bedeutung : "";
}

/* The symbol in [b, e) (trimmed), or KEINES. */
static enum werte_symbol symbol_in(const char *b, const char *e)
{
    if (equals(b, e, "-") || equals(b, e, "–") || equals(b, e, "—")) return WERTE_SYMBOL_NICHTS;
    if (equals(b, e, ".")) return WERTE_SYMBOL_UNBEKANNT;
    if (equals(b, e, "/")) return WERTE_SYMBOL_NICHT_SICHER;
    if (equals(b, e, "x") || equals(b, e, "X")) return WERTE_SYMBOL_GESPERRT;
    if (equals(b, e, "…") || equals(b, e, "...")) return WERTE_SYMBOL_SPAETER;
    /* k.A. / n.v.: blanks left out, ASCII case folded, final dot optional */
    char word[8];
    size_t n = 0, k;
    for (const char *s = b; s < e; ) {
        if ((k = blank_at(s, e, 0)) > 0) { s += k; continue; }
        if (n == sizeof word - 1) return WERTE_SYMBOL_KEINES;
        char c = *s++;
        word[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    word[n] = '\0';
    if (!strcmp(word, "k.a.") || !strcmp(word, "k.a") || !strcmp(word, "n.v.") || !strcmp(word, "n.v"))
        return WERTE_SYMBOL_KEINE_ANGABE;
    return WERTE_SYMBOL_KEINES;
}

int werte_symbol_parse(const char *text, enum werte_symbol *out)
{
    enum werte_symbol s = WERTE_SYMBOL_KEINES;
    if (text) {
        const char *b = text, *e = text + strlen(text);
        trim(&b, &e);
        s = symbol_in(b, e);
    }
    if (out) *out = s;
    return s != WERTE_SYMBOL_KEINES;
}

/* ---- numbers ------------------------------------------------------------ */

/* The digit groups of a number body and the separators between them:
 * sep[i] stands before group i ('.', ',' or ' ' for any blank). */
struct groups {
    int n;
    const char *start[MAX_DIGITS];
    int len[MAX_DIGITS];
    char sep[MAX_DIGITS];
    int digits;
};

static int split_groups(const char *b, const char *e, struct groups *g)
{
    memset(g, 0, sizeof *g);
    char pending = 0;                         /* separator after the last group */
    while (b < e) {
        if (is_digit(*b)) {
            if (++g->digits > MAX_DIGITS) return 0;
            if (g->n == 0 || pending) {
                g->start[g->n] = b;
                g->sep[g->n] = pending;
                g->n++;
                pending = 0;
            }
            g->len[g->n - 1]++;
            b++;
            continue;
        }
        size_t k = *b == '.' || *b == ',' ? 1 : blank_at(b, e, 0);
        if (k == 0 || g->n == 0 || pending) return 0;   /* other character; leading or doubled separator */
        pending = *b == '.' || *b == ',' ? *b : ' ';
        b += k;
    }
    return g->n > 0 && !pending;              /* no trailing separator */
}

/*
 * One reading of the groups: `dec` is the decimal separator, `thousands`
 * the other mark allowed between groups of three (blanks always are).
 * Returns 1 and the number of groups before the decimal separator.
 */
static int reading(const struct groups *g, char dec, char thousands, int *int_groups)
{
    int ndec = 0;
    for (int i = 1; i < g->n; i++) ndec += g->sep[i] == dec;
    if (ndec > 1 || (ndec == 1 && g->sep[g->n - 1] != dec)) return 0;
    int ig = ndec ? g->n - 1 : g->n;
    if (ig > 1) {
        char kind = g->sep[1];
        if (kind != thousands && kind != ' ') return 0;
        if (g->len[0] > 3 || g->start[0][0] == '0') return 0;
        for (int i = 1; i < ig; i++)
            if (g->sep[i] != kind || g->len[i] != 3) return 0;
    }
    *int_groups = ig;
    return 1;
}

/* The value of a reading, via strtod in the locale's own decimal point. */
static double value_of(const struct groups *g, int int_groups, int negative)
{
    char buf[MAX_DIGITS + 16];
    size_t n = 0;
    if (negative) buf[n++] = '-';
    for (int i = 0; i < g->n; i++) {
        if (i == int_groups) {
            const char *dp = localeconv()->decimal_point;
            size_t l = strlen(dp);
            if (l > 8) l = 8;
            memcpy(buf + n, dp, l);
            n += l;
        }
        memcpy(buf + n, g->start[i], (size_t)g->len[i]);
        n += (size_t)g->len[i];
    }
    buf[n] = '\0';
    return strtod(buf, NULL);
}

static int fail_zahl(double *out, int status)
{
    if (out) *out = NAN;
    return status;
}

int werte_zahl(const char *text, const struct werte_zahl_optionen *opt, double *out)
{
    if (!text) return fail_zahl(out, WERTE_LEER);
    const char *b = text, *e = text + strlen(text);
    trim(&b, &e);
    if (b == e) return fail_zahl(out, WERTE_LEER);
    if (symbol_in(b, e) != WERTE_SYMBOL_KEINES) return fail_zahl(out, WERTE_NUR_SYMBOL);

    int flags = 0;
    /* trailing marks p, r, s */
    while (e - b >= 2 && (e[-1] == 'p' || e[-1] == 'r' || e[-1] == 's')) {
        int f = e[-1] == 'p' ? WERTE_VORLAEUFIG : e[-1] == 'r' ? WERTE_BERICHTIGT : WERTE_GESCHAETZT;
        if (flags & f) return fail_zahl(out, WERTE_KEINE_ZAHL);
        flags |= f;
        e--;
        trim(&b, &e);
    }
    if (e > b && e[-1] == '%') {
        flags |= WERTE_PROZENT;
        e--;
        trim(&b, &e);
    }
    if (e > b && (*b == '(' || e[-1] == ')')) {
        if (e - b < 2 || *b != '(' || e[-1] != ')') return fail_zahl(out, WERTE_KEINE_ZAHL);
        flags |= WERTE_EINGESCHRAENKT;
        b++, e--;
        trim(&b, &e);
        if (e > b && e[-1] == '%') {
            if (flags & WERTE_PROZENT) return fail_zahl(out, WERTE_KEINE_ZAHL);
            flags |= WERTE_PROZENT;
            e--;
            trim(&b, &e);
        }
    }
    int negative = 0;
    if (e > b && (*b == '+' || *b == '-')) negative = *b++ == '-';
    else if (e - b >= 3 && !memcmp(b, "−", 3)) negative = 1, b += 3;   /* U+2212 MINUS SIGN */
    if (b == e || !is_digit(*b)) return fail_zahl(out, WERTE_KEINE_ZAHL);

    struct groups g;
    if (!split_groups(b, e, &g)) return fail_zahl(out, WERTE_KEINE_ZAHL);
    int ig_de, ig_en;
    int de = reading(&g, ',', '.', &ig_de);
    int en = opt && opt->englisch && reading(&g, '.', ',', &ig_en);
    double v;
    if (de) {
        v = value_of(&g, ig_de, negative);
        if (en && value_of(&g, ig_en, negative) != v) flags |= WERTE_MEHRDEUTIG;
    } else if (en) {
        v = value_of(&g, ig_en, negative);
    } else {
        return fail_zahl(out, WERTE_KEINE_ZAHL);
    }
    int all_zero = 1;
    for (int i = 0; i < g.n && all_zero; i++)
        for (int k = 0; k < g.len[i]; k++)
            if (g.start[i][k] != '0') { all_zero = 0; break; }
    if (all_zero) flags |= WERTE_WENIGER_ALS_HAELFTE;
    if (out) *out = v;
    return flags;
}

/* ---- dates -------------------------------------------------------------- */

/* Read 1..max digits at *s (< e), at least min; returns the number or -1. */
static int digits(const char **s, const char *e, int min, int max)
{
    int v = 0, n = 0;
    while (*s < e && n < max && is_digit(**s)) v = v * 10 + (*(*s)++ - '0'), n++;
    return n >= min ? v : -1;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

int werte_datum(const char *text, int *y, int *m, int *d)
{
    if (!text) return WERTE_LEER;
    const char *b = text, *e = text + strlen(text);
    trim(&b, &e);
    if (b == e) return WERTE_LEER;
    const char *s = b;
    int yy, mm, dd;
    if (e - b == 10 && b[4] == '-') {                     /* 2024-12-31 */
        yy = digits(&s, e, 4, 4);
        if (yy < 0 || *s++ != '-') return WERTE_KEIN_DATUM;
        mm = digits(&s, e, 2, 2);
        if (mm < 0 || *s++ != '-') return WERTE_KEIN_DATUM;
        dd = digits(&s, e, 2, 2);
        if (dd < 0) return WERTE_KEIN_DATUM;
    } else {                                              /* 31.12.2024, 31.12.24, 31/12/2024 */
        dd = digits(&s, e, 1, 2);
        if (dd < 0 || s == e || (*s != '.' && *s != '/')) return WERTE_KEIN_DATUM;
        char sep = *s++;
        mm = digits(&s, e, 1, 2);
        if (mm < 0 || s == e || *s++ != sep) return WERTE_KEIN_DATUM;
        const char *ys = s;
        yy = digits(&s, e, 2, 4);
        if (yy < 0 || s != e) return WERTE_KEIN_DATUM;
        if (s - ys == 2 && sep == '.') yy += yy < 70 ? 2000 : 1900;
        else if (s - ys != 4) return WERTE_KEIN_DATUM;
    }
    if (s != e) return WERTE_KEIN_DATUM;
    if (yy < 1000 || mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm)) return WERTE_DATUM_UNGUELTIG;
    if (y) *y = yy;
    if (m) *m = mm;
    if (d) *d = dd;
    return 0;
}
