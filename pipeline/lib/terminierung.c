/*
 * terminierung.c — the Terminierung parser (see terminierung.h).
 *
 * The text is lower-cased (ASCII and German umlauts), split into tokens —
 * numbers and words, with '.', '/', '-' and '–' kept as separators — and
 * then matched against a small set of token patterns.  No locale is used.
 */
#include "terminierung.h"

#include <ctype.h>
#include <string.h>

#define MAX_TOKENS 12
#define TOKEN_LEN 32

enum token_type { TOK_NUM, TOK_WORD, TOK_SEP };

struct token {
    enum token_type type;
    char text[TOKEN_LEN];
    int len;                 /* digits of a number (leading zeros count) */
    long num;
};

static const char *const laufend_builtin[] = {
    "laufend", "fortlaufend", "dauerhaft", "kontinuierlich", "ständig",
    "fortwährend", "regelmäßig", "jährlich", "permanent", "andauernd", NULL
};

static const char *const monate[] = {
    "januar", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember"
};

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static int valid_year(long y) { return y >= 1900 && y <= 2199; }

/* Lower-case ASCII and Ä Ö Ü (UTF-8) into dst; collapse blanks. */
static void normalize(const char *src, char *dst, size_t size)
{
    size_t n = 0;
    int blank = 1;
    for (const unsigned char *s = (const unsigned char *)src; *s && n + 3 < size; s++) {
        if (isspace(*s) || (s[0] == 0xC2 && s[1] == 0xA0)) {  /* incl. NBSP */
            if (s[0] == 0xC2) s++;
            if (!blank) dst[n++] = ' ';
            blank = 1;
            continue;
        }
        blank = 0;
        if (s[0] == 0xC3 && (s[1] == 0x84 || s[1] == 0x96 || s[1] == 0x9C)) {
            dst[n++] = (char)0xC3;
            dst[n++] = (char)(s[1] + 0x20);
            s++;
        } else {
            dst[n++] = (char)tolower(*s);
        }
    }
    while (n > 0 && (dst[n - 1] == ' ' || dst[n - 1] == '.' || dst[n - 1] == ':'))
        n--;
    dst[n] = '\0';
}

static int tokenize(const char *s, struct token *tok, int max)
{
    int n = 0;
    while (*s) {
        const unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == ',' || c == '(' || c == ')') { s++; continue; }
        if (n == max) return -1;
        struct token *t = &tok[n++];
        memset(t, 0, sizeof *t);
        if (isdigit(c)) {
            t->type = TOK_NUM;
            while (isdigit((unsigned char)*s)) {
                if (t->len < 9) t->num = t->num * 10 + (*s - '0');
                if (t->len < TOKEN_LEN - 1) t->text[t->len] = *s;
                t->len++;
                s++;
            }
        } else if (c == '.' || c == '/' || c == '-') {
            t->type = TOK_SEP;
            t->text[0] = (char)c;
            s++;
        } else if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
                   ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94)) {
            t->type = TOK_SEP;          /* – or — as a range dash */
            t->text[0] = '-';
            s += 3;
        } else {
            int k = 0;
            t->type = TOK_WORD;
            while (*s && *s != ' ' && *s != '.' && *s != '/' && *s != ',' &&
                   *s != '(' && *s != ')' && !isdigit((unsigned char)*s)) {
                if (k < TOKEN_LEN - 1) t->text[k++] = *s;
                s++;
            }
            t->text[k] = '\0';
            t->len = k;
        }
    }
    return n;
}

static int word_is(const struct token *t, const char *w)
{
    return t->type == TOK_WORD && strcmp(t->text, w) == 0;
}

static int sep_is(const struct token *t, char c)
{
    return t->type == TOK_SEP && t->text[0] == c;
}

static void set_day(struct terminierung *out, int y, int m, int d)
{
    out->kind = TERMINIERUNG_TERMIN;
    out->jahr = y;
    out->monat = m;
    out->tag = d;
    out->sort = (long)y * 10000 + m * 100 + d;
}

static void set_month_end(struct terminierung *out, int y, int m)
{
    set_day(out, y, m, month_days(y, m));
}

static int month_from_word(const struct token *t)
{
    for (int i = 0; i < 12; i++) {
        /* full name or an abbreviation of at least three letters: „Dez“, „Sept“ */
        if (t->type == TOK_WORD && t->len >= 3 && strncmp(monate[i], t->text, (size_t)t->len) == 0)
            return i + 1;
    }
    return 0;
}

/* „2025/2026“, „2025/26“, „2025-2027“, „2025 bis 2027“ → last year, or 0 */
static int year_range(const struct token *t, int n)
{
    if (n != 3 || t[0].type != TOK_NUM || t[2].type != TOK_NUM || t[0].len != 4)
        return 0;
    if (!(sep_is(&t[1], '/') || sep_is(&t[1], '-') || word_is(&t[1], "bis")))
        return 0;
    long a = t[0].num, b = t[2].num;
    if (t[2].len == 2) b = a / 100 * 100 + b;
    else if (t[2].len != 4) return 0;
    return valid_year(a) && valid_year(b) && b >= a ? (int)b : 0;
}

static int match_dated(const struct token *t, int n, struct terminierung *out)
{
    int y;
    /* 2027 */
    if (n == 1 && t[0].type == TOK_NUM && t[0].len == 4 && valid_year(t[0].num)) {
        set_day(out, (int)t[0].num, 12, 31);
        return 1;
    }
    if ((y = year_range(t, n)) != 0) {
        set_day(out, y, 12, 31);
        return 1;
    }
    /* 31.12.2026 */
    if (n == 5 && t[0].type == TOK_NUM && sep_is(&t[1], '.') && t[2].type == TOK_NUM &&
        sep_is(&t[3], '.') && t[4].type == TOK_NUM && t[4].len == 4 && valid_year(t[4].num) &&
        t[2].num >= 1 && t[2].num <= 12 && t[0].num >= 1 &&
        t[0].num <= month_days((int)t[4].num, (int)t[2].num)) {
        set_day(out, (int)t[4].num, (int)t[2].num, (int)t[0].num);
        return 1;
    }
    /* 2026-12-31 */
    if (n == 5 && t[0].type == TOK_NUM && t[0].len == 4 && valid_year(t[0].num) &&
        sep_is(&t[1], '-') && t[2].type == TOK_NUM && sep_is(&t[3], '-') && t[4].type == TOK_NUM &&
        t[2].num >= 1 && t[2].num <= 12 && t[4].num >= 1 &&
        t[4].num <= month_days((int)t[0].num, (int)t[2].num)) {
        set_day(out, (int)t[0].num, (int)t[2].num, (int)t[4].num);
        return 1;
    }
    /* 12/2026, 12.2026 */
    if (n == 3 && t[0].type == TOK_NUM && t[0].len <= 2 && (sep_is(&t[1], '/') || sep_is(&t[1], '.')) &&
        t[2].type == TOK_NUM && t[2].len == 4 && valid_year(t[2].num) &&
        t[0].num >= 1 && t[0].num <= 12) {
        set_month_end(out, (int)t[2].num, (int)t[0].num);
        return 1;
    }
    /* Dezember 2026 */
    if (n == 2 && t[1].type == TOK_NUM && t[1].len == 4 && valid_year(t[1].num)) {
        int m = month_from_word(&t[0]);
        static const struct { const char *word; int month; } parts[] = {
            { "anfang", 3 }, { "beginn", 3 }, { "mitte", 6 }, { "ende", 12 },
            { "frühjahr", 5 }, { "frühling", 5 }, { "sommer", 8 }, { "herbst", 11 },
            { "jahresende", 12 }, { "jahresmitte", 6 }
        };
        for (size_t i = 0; !m && i < sizeof parts / sizeof parts[0]; i++)
            if (word_is(&t[0], parts[i].word)) m = parts[i].month;
        if (m) {
            set_month_end(out, (int)t[1].num, m);
            return 1;
        }
    }
    /* 2. Halbjahr 2026 / 3. Quartal 2026 (also „2 HJ 2026“, „II. Halbjahr“) */
    {
        int i = 0;
        long ord = 0;
        if (i < n && t[i].type == TOK_NUM && t[i].len == 1) ord = t[i++].num;
        else if (i < n && word_is(&t[i], "i")) { ord = 1; i++; }
        else if (i < n && word_is(&t[i], "ii")) { ord = 2; i++; }
        else if (i < n && word_is(&t[i], "iii")) { ord = 3; i++; }
        else if (i < n && word_is(&t[i], "iv")) { ord = 4; i++; }
        if (ord && i < n && sep_is(&t[i], '.')) i++;
        if (ord && i + 2 == n && t[i + 1].type == TOK_NUM && t[i + 1].len == 4 &&
            valid_year(t[i + 1].num)) {
            int year = (int)t[i + 1].num;
            if ((word_is(&t[i], "halbjahr") || word_is(&t[i], "hj") || word_is(&t[i], "hälfte") ||
                 word_is(&t[i], "jahreshälfte")) && ord <= 2) {
                set_month_end(out, year, (int)ord * 6);
                return 1;
            }
            if ((word_is(&t[i], "quartal") || word_is(&t[i], "q")) && ord <= 4) {
                set_month_end(out, year, (int)ord * 3);
                return 1;
            }
        }
    }
    /* Q3 2026, Q3/2026 */
    if ((n == 3 || n == 4) && t[0].type == TOK_WORD && strcmp(t[0].text, "q") == 0 &&
        t[1].type == TOK_NUM && t[1].num >= 1 && t[1].num <= 4) {
        const struct token *yt = &t[n - 1];
        if ((n == 3 || sep_is(&t[2], '/')) && yt->type == TOK_NUM && yt->len == 4 && valid_year(yt->num)) {
            set_month_end(out, (int)yt->num, (int)t[1].num * 3);
            return 1;
        }
    }
    return 0;
}

static int is_laufend_word(const char *w, const struct terminierung_optionen *opt)
{
    for (int i = 0; laufend_builtin[i]; i++)
        if (strcmp(w, laufend_builtin[i]) == 0) return 1;
    if (opt && opt->laufend_woerter) {
        for (int i = 0; opt->laufend_woerter[i]; i++) {
            char norm[TOKEN_LEN * 2];
            normalize(opt->laufend_woerter[i], norm, sizeof norm);
            if (norm[0] && strcmp(w, norm) == 0) return 1;
        }
    }
    return 0;
}

enum terminierung_status terminierung_parse(const char *text,
                                            const struct terminierung_optionen *opt,
                                            struct terminierung *out)
{
    char norm[256];
    struct token tok[MAX_TOKENS];

    memset(out, 0, sizeof *out);
    out->kind = TERMINIERUNG_OHNE;
    out->sort = 99999999L;
    if (!text) return TERMINIERUNG_LEER;
    normalize(text, norm, sizeof norm);
    if (!norm[0]) return TERMINIERUNG_LEER;
    if (strlen(text) >= sizeof norm - 4) return TERMINIERUNG_UNBEKANNT;

    int n = tokenize(norm, tok, MAX_TOKENS);
    if (n <= 0) return TERMINIERUNG_UNBEKANNT;

    /* laufend — possibly followed by a remark: „laufend (seit 2019)“ */
    if (tok[0].type == TOK_WORD && is_laufend_word(tok[0].text, opt)) {
        out->kind = TERMINIERUNG_LAUFEND;
        out->sort = 0;
        return TERMINIERUNG_OK;
    }
    if (n == 1 && tok[0].type == TOK_WORD) {
        static const struct { const char *stem; enum terminierung_horizont h; } fristen[] = {
            { "kurzfristig", HORIZONT_KURZ }, { "mittelfristig", HORIZONT_MITTEL },
            { "langfristig", HORIZONT_LANG }
        };
        for (size_t i = 0; i < 3; i++) {
            if (strncmp(tok[0].text, fristen[i].stem, strlen(fristen[i].stem)) == 0) {
                int y = !opt ? 0 : fristen[i].h == HORIZONT_KURZ ? opt->kurz_jahr
                      : fristen[i].h == HORIZONT_MITTEL ? opt->mittel_jahr : opt->lang_jahr;
                if (valid_year(y))
                    set_day(out, y, 12, 31);
                else
                    out->sort = fristen[i].h;   /* year resolved later by the caller */
                out->kind = TERMINIERUNG_FRIST;
                out->horizont = fristen[i].h;
                return TERMINIERUNG_OK;
            }
        }
    }

    /* leading „bis“, „bis spätestens“, „bis zum“, „im“ …; „Ende“ only when a
     * bare year follows (otherwise it is the „Ende 2026“ form itself). */
    int i = 0;
    static const char *const lead[] = { "bis", "spätestens", "zum", "im", "in", "voraussichtlich", "ca", NULL };
    for (;;) {
        int hit = 0;
        for (int k = 0; lead[k] && i < n; k++)
            if (word_is(&tok[i], lead[k])) { i++; hit = 1; break; }
        if (!hit) break;
    }
    if (i < n && word_is(&tok[i], "ende") && i + 1 < n && !(i + 2 == n && tok[i + 1].type == TOK_NUM))
        i++;               /* „bis Ende Dezember 2026“, „Ende 31.12.2026“ */

    if (i < n && match_dated(tok + i, n - i, out))
        return TERMINIERUNG_OK;

    memset(out, 0, sizeof *out);
    out->kind = TERMINIERUNG_OHNE;
    out->sort = 99999999L;
    return TERMINIERUNG_UNBEKANNT;
}

int terminierung_gruppe_jahr(const struct terminierung *t)
{
    switch (t->kind) {
    case TERMINIERUNG_LAUFEND: return 0;
    case TERMINIERUNG_FRIST:
    case TERMINIERUNG_TERMIN: return t->jahr;
    default: return TERMINIERUNG_GRUPPE_OHNE;
    }
}
