/*
 * kennzahlen.c — loader for dataset „kennzahlen“: indicator observations
 * as the statistics office and departments deliver them.
 *
 * Long tables (`format = lang`, the Open SDG CSV of the Landesamt für
 * Statistik Niedersachsen): one observation per row; the columns Jahr,
 * Wert, Gebiet (AGS/GeoCode), Gebietsname, Einheit and Kommentar are found
 * through synonyms, every other column is a disaggregation (Merkmal:
 * Geschlecht, Herkunftsland, Kategorie …).  Areas delivered by name only
 * get their code from `gebiet_codes` („Niedersachsen=K030“); files without
 * area columns take `gebiet` and `gebiet_name` of the profile.
 *
 * Wide tables (`format = breit`, the office's Excel workbooks): one column
 * identifies the row (`id_spalte`, its meaning `id_dimension`: jahr,
 * gebiet, gebiet_name or a Merkmal name), and every other column with a
 * header is a value column whose header rows carry the dimensions
 * (`kopf_dimensionen`, one per header row: jahr, a Merkmal name, or „-“ to
 * ignore the row).  Each value cell becomes one observation; its cell
 * column is kept as provenance.  Columns whose year header is not a plain
 * year („2020 / 2005“) are passed over with a warning.
 *
 * Area codes: an AGS-like code — up to three letters and then the digits
 * of an Amtlicher Gemeindeschlüssel (2 Land, 3 Regierungsbezirk, 5 Kreis,
 * 8 Gemeinde, 9 Gemeindeverband or 12 Regionalschlüssel digits, starting
 * with a Land number 01–16) — is stored as „K“ and the digits, the form of
 * the LSN GeoCode: RH03461 (2-1-1) = 03461 = K03461.  So every delivery of
 * one area meets under one key; a warning per file names how many values
 * were renamed and the first example.  Other codes (DG) stay as delivered.
 *
 * Values: numbers as German Excel writes them (werte.h), or with
 * `zahlformat = englisch` as plain C numbers („26.3“, Open SDG); XLSX
 * number cells are taken as they are.  Table symbols (x . – / …) keep
 * their meaning: value NULL (– is 0), symbol and reason stored.  Marks on
 * numbers (p r ( ) 0) are stored as the symbol.
 */
#include "ingest.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/store.h"
#include "lib/strmap.h"
#include "lib/terminierung.h"
#include "lib/werte.h"

#include <ctype.h>
#include <fnmatch.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum dim { D_JAHR, D_GEBIET, D_GEBIET_NAME, D_MERKMAL, D_IGNORIEREN };

enum spalte { S_JAHR, S_WERT, S_GEBIET, S_GEBIET_NAME, S_EINHEIT, S_KOMMENTAR, S_COUNT };

static const struct { const char *name, *synonyms; } spalten[S_COUNT] = {
    { "jahr", "year, jahr, berichtsjahr" },
    { "wert", "value, wert, anzahl, insgesamt" },
    { "gebiet", "geocode, ags, gebietsschlüssel, gemeindeschlüssel, kreisschlüssel, regionalschlüssel" },
    { "gebiet_name", "gebietseinheit, gebiet, region, kreis, gemeinde" },
    { "einheit", "units, unit, einheit, maßeinheit" },
    { "kommentar", "comment_obs, kommentar, anmerkung, fußnote" },
};

struct wide_col {
    int col;
    int jahr;                 /* from a header row, 0 = none */
    char *merkmale;           /* from header rows: "A=x|B=y" (unsorted pairs, sorted on use) */
};

struct state {
    int breit;
    int englisch;
    char indikator[64];
    int col[S_COUNT];
    char **ignorieren;
    int *mcols;               /* long: Merkmal columns, sorted by header name */
    char **gebiet_codes;      /* "Name=Code" for areas delivered without a code */
    char **gebiet_muster;     /* shell patterns an area key must match (empty: any) */
    char **symbole;           /* "Marker=Grund": the source's own missing-value markers */
    int nmcols;
    /* wide */
    int id_col;
    enum dim id_dim;
    char *id_merkmal;
    struct wide_col *wcols;
    int nwcols;
    sqlite3_stmt *ins, *ins_reihe, *get_reihe;
    struct strmap reihen;          /* series key → reihe.id, filled as rows come */
    long umbenannt;                /* values whose area code was normalised (ags_normal) */
    const char *gebiet_col_name;   /* header of the area column, for messages */
    char umbenannt_von[32], umbenannt_nach[32];
    long umbenannt_zeile;
    int rebuild_index;             /* bulk load: index dropped, built again in finish() */
};

/* Above this size a delivery is loaded in bulk: the index on the series is
 * dropped and built again afterwards, in the same transaction — sorting
 * once is several times faster than a million random index inserts
 * (1,1 Mio. Werte: 1,4 s → 0,4 s). */
#define BULK_BYTES (8LL << 20)

/* first "N-N-N" in the file name (LSN: indicator_2-3-1.csv, 2020_2-3-4.xlsx) */
static int indikator_from_name(const char *name, char *out, size_t size)
{
    for (const char *p = name; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > name && isdigit((unsigned char)p[-1]))) continue;
        const char *q = p;
        int parts = 0;
        while (isdigit((unsigned char)*q)) {
            while (isdigit((unsigned char)*q)) q++;
            parts++;
            if (*q == '-' && isdigit((unsigned char)q[1]) && parts < 3) q++;
            else break;
        }
        if (parts == 3) {
            snprintf(out, size, "%.*s", (int)(q - p), p);
            return 0;
        }
    }
    return -1;
}

static struct state *state_of(struct ingest_file *f)
{
    if (f->state) return f->state;
    struct state *st = xcalloc(1, sizeof *st);
    st->breit = strcmp(quelle_string(f->quelle, "format", "lang"), "breit") == 0;
    st->englisch = strcmp(quelle_string(f->quelle, "zahlformat", "deutsch"), "englisch") == 0;
    st->ignorieren = quelle_list(f->quelle, "merkmale_ignorieren", "");
    st->gebiet_codes = quelle_list(f->quelle, "gebiet_codes", "");
    st->gebiet_muster = quelle_list(f->quelle, "gebiet_muster", "");
    st->symbole = quelle_list(f->quelle, "symbole", "");
    st->id_col = -1;
    f->state = st;
    return st;
}

static int is_header(struct ingest_file *f, const struct tabelle_zeile *z)
{
    /* a long table's header names the year and the value */
    int found[2] = { 0, 0 };
    for (int k = 0; k < 2; k++) {
        char key[64];
        snprintf(key, sizeof key, "spalte_%s", spalten[k].name);
        char **syn = quelle_list(f->quelle, key, spalten[k].synonyms);
        found[k] = ingest_row_names(z, syn);
        config_list_free(syn);
    }
    return found[0] && found[1];
}

/* "2020", "2020 1)", "2020*" → 2020; anything else 0 */
static int year_of(const char *s)
{
    while (*s == ' ') s++;
    if (!(isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
          isdigit((unsigned char)s[3])) || isdigit((unsigned char)s[4]))
        return 0;
    int y = atoi(s);
    for (const char *p = s + 4; *p; p++)
        if (!(*p == ' ' || *p == '*' || *p == ')' || isdigit((unsigned char)*p) || *p == '.')) return 0;
    /* a footnote mark may follow the year, but not another number: "2020 / 2005" fails above */
    return y >= 1900 && y <= 2199 ? y : 0;
}

static char *trim_dup(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    return xstrndup(s, n);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* "B=y|A=x" → "A=x|B=y"; empty stays empty */
static char *sorted_merkmale(const char *pairs)
{
    if (!*pairs) return xstrdup("");
    char *copy = xstrdup(pairs);
    int n = 1;
    for (char *p = copy; *p; p++) n += *p == '|';
    char **items = xcalloc((size_t)n, sizeof(char *));
    int k = 0;
    for (char *tok = strtok(copy, "|"); tok; tok = strtok(NULL, "|")) items[k++] = tok;
    qsort(items, (size_t)k, sizeof(char *), cmp_str);
    size_t len = strlen(pairs) + 2;
    char *out = xmalloc(len);
    out[0] = '\0';
    for (int i = 0; i < k; i++) {
        if (i) strcat(out, "|");
        strcat(out, items[i]);
    }
    free(items);
    free(copy);
    return out;
}

static void append_pair(char **acc, const char *name, const char *value)
{
    char *v = trim_dup(value);
    size_t n = (*acc ? strlen(*acc) : 0) + strlen(name) + strlen(v) + 3;
    char *out = xmalloc(n);
    snprintf(out, n, "%s%s%s=%s", *acc ? *acc : "", *acc && **acc ? "|" : "", name, v);
    free(*acc);
    free(v);
    *acc = out;
}

static enum dim dim_of(const char *s, char **merkmal)
{
    if (strcmp(s, "jahr") == 0) return D_JAHR;
    if (strcmp(s, "gebiet") == 0) return D_GEBIET;
    if (strcmp(s, "gebiet_name") == 0) return D_GEBIET_NAME;
    if (strcmp(s, "-") == 0 || strcmp(s, "–") == 0) return D_IGNORIEREN;
    *merkmal = (char *)s;
    return D_MERKMAL;
}

static int header_wide(struct ingest_file *f, struct state *st, const struct tabelle_kopf *h)
{
    const char *id = quelle_string(f->quelle, "id_spalte", NULL);
    if (!id) return ingest_error(f, 0, NULL, "Quellprofil %s: format = breit braucht „id_spalte“", f->quelle->id);
    for (int c = 0; c < h->ncols && st->id_col < 0; c++)
        if (strcmp(h->refs[c], id) == 0) st->id_col = c;
    if (st->id_col < 0) {
        char a[256], b[256];
        ingest_fold(id, b, sizeof b);
        for (int c = 0; c < h->ncols && st->id_col < 0; c++) {
            ingest_fold(h->names[c], a, sizeof a);
            if (strcmp(a, b) == 0) st->id_col = c;
        }
    }
    if (st->id_col < 0) return ingest_error(f, h->row, id, "Spalte „%s“ (id_spalte) fehlt", id);
    char *m = NULL;
    st->id_dim = dim_of(quelle_string(f->quelle, "id_dimension", "gebiet_name"), &m);
    st->id_merkmal = m ? xstrdup(m) : NULL;
    char **kd = quelle_list(f->quelle, "kopf_dimensionen", "jahr");
    int nkd = 0;
    while (kd[nkd]) nkd++;
    if (nkd != h->nlevels) {
        config_list_free(kd);
        return ingest_error(f, h->row, NULL, "Quellprofil %s: %d Kopfzeilen, aber %d kopf_dimensionen",
                            f->quelle->id, h->nlevels, nkd);
    }
    st->wcols = xcalloc((size_t)h->ncols, sizeof *st->wcols);
    int has_year_dim = 0;
    for (int l = 0; l < nkd; l++) has_year_dim |= strcmp(kd[l], "jahr") == 0;
    if (!has_year_dim && st->id_dim != D_JAHR) {
        config_list_free(kd);
        return ingest_error(f, h->row, NULL, "Quellprofil %s: weder id_dimension noch kopf_dimensionen nennen „jahr“",
                            f->quelle->id);
    }
    for (int c = 0; c < h->ncols; c++) {
        if (c == st->id_col) continue;
        struct wide_col w = { c, 0, NULL };
        int ok = 1, any = 0;
        for (int l = 0; l < nkd && ok; l++) {
            char *merkmal = NULL;
            enum dim d = dim_of(kd[l], &merkmal);
            char *text = trim_dup(h->levels[l][c]);
            if (*text) any = 1;
            if (d == D_JAHR) {
                w.jahr = year_of(text);
                if (!w.jahr) {
                    if (*text) ingest_warning(f, h->row, h->refs[c], "Kopf „%s“ ist kein Jahr: Spalte übergangen", text);
                    ok = 0;
                }
            } else if (d == D_MERKMAL) {
                if (!*text) ok = 0;
                else append_pair(&w.merkmale, merkmal, text);
            }
            free(text);
        }
        if (ok && any) st->wcols[st->nwcols++] = w;
        else free(w.merkmale);
    }
    config_list_free(kd);
    if (!st->nwcols) return ingest_error(f, h->row, NULL, "keine Wertespalten im Kopf gefunden");
    return 0;
}

static int header(struct ingest_file *f, const struct tabelle_kopf *h)
{
    struct state *st = state_of(f);
    const char *fixed = quelle_string(f->quelle, "indikator", NULL);
    if (fixed) snprintf(st->indikator, sizeof st->indikator, "%s", fixed);
    else if (indikator_from_name(f->name, st->indikator, sizeof st->indikator) != 0)
        return ingest_error(f, 0, NULL, "Indikator weder im Quellprofil %s („indikator“) noch im Dateinamen (z. B. 2-3-1)",
                            f->quelle->id);
    snprintf(f->teil, sizeof f->teil, "%s", st->indikator);
    for (int k = 0; k < S_COUNT; k++) st->col[k] = -1;
    if (st->breit) {
        if (header_wide(f, st, h)) return 1;
    } else {
        for (int k = 0; k < S_COUNT; k++) {
            char key[64];
            snprintf(key, sizeof key, "spalte_%s", spalten[k].name);
            char **syn = quelle_list(f->quelle, key, spalten[k].synonyms);
            int dup;
            st->col[k] = ingest_find_column(h, syn, &dup);
            config_list_free(syn);
            if (dup >= 0)
                return ingest_error(f, h->row, h->names[dup], "Spalte doppelt (Spalten %s und %s): „%s“ nicht eindeutig",
                                    h->refs[st->col[k]], h->refs[dup], spalten[k].name);
        }
        if (st->col[S_JAHR] < 0) return ingest_error(f, h->row, "jahr", "Pflichtspalte fehlt (Jahr/Year)");
        if (st->col[S_WERT] < 0) return ingest_error(f, h->row, "wert", "Pflichtspalte fehlt (Wert/Value)");
        /* every other named column is a Merkmal, unless ignored; sorted once here */
        st->mcols = xcalloc((size_t)(h->ncols ? h->ncols : 1), sizeof(int));
        for (int c = 0; c < h->ncols; c++) {
            int mapped = 0;
            for (int k = 0; k < S_COUNT; k++) mapped |= st->col[k] == c;
            char a[256], b[256];
            ingest_fold(h->names[c], a, sizeof a);
            for (char **i = st->ignorieren; *i && !mapped; i++) {
                ingest_fold(*i, b, sizeof b);
                mapped = strcmp(a, b) == 0;
            }
            if (!mapped && h->names[c][0]) {
                int k = st->nmcols++;
                while (k > 0 && strcmp(h->names[st->mcols[k - 1]], h->names[c]) > 0) {
                    st->mcols[k] = st->mcols[k - 1];
                    k--;
                }
                st->mcols[k] = c;
            }
        }
    }
    if (f->size > BULK_BYTES) {
        if (store_exec(f->db, "DROP INDEX IF EXISTS beobachtung_reihe") != 0)
            return ingest_error(f, 0, NULL, "Datenbestand: Index nicht entfernbar");
        st->rebuild_index = 1;
    }
    st->ins = store_prepare(f->db,
        "INSERT INTO beobachtung(source_file_id, row_number, column_ref, reihe_id, jahr, stichtag, wert,"
        " symbol, grund, kommentar) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    st->ins_reihe = store_prepare(f->db,
        "INSERT INTO reihe(indikator, gebiet, gebiet_name, merkmale, einheit) VALUES (?1,?2,?3,?4,?5)"
        " ON CONFLICT DO NOTHING");
    st->get_reihe = store_prepare(f->db,
        "SELECT id FROM reihe WHERE indikator = ?1 AND gebiet = ?2 AND gebiet_name = ?3 AND merkmale = ?4"
        " AND einheit = ?5");
    return st->ins && st->ins_reihe && st->get_reihe ? 0
         : ingest_error(f, 0, NULL, "Datenbestand: Anweisung nicht vorbereitet");
}

/* The reason of a source's own missing-value marker (profile key symbole =
 * "n.a.=nicht erhoben, -9=keine Angabe"), or NULL. */
static const char *own_symbol(const struct state *st, const char *text)
{
    for (char **p = st->symbole; p && *p; p++) {
        const char *eq = strchr(*p, '=');
        if (eq && (size_t)(eq - *p) == strlen(text) && strncmp(*p, text, (size_t)(eq - *p)) == 0) return eq + 1;
    }
    return NULL;
}

/* A value cell → wert/symbol/grund.  Returns 1 stored-able, 0 empty, -1 invalid. */
static int parse_value(struct state *st, const char *text, int typ, double *wert, int *has_wert,
                       char *symbol, size_t ssize, const char **grund)
{
    *has_wert = 0;
    symbol[0] = '\0';
    *grund = NULL;
    char small[256];
    while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r') text++;
    size_t len = strlen(text);
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\n' || text[len - 1] == '\r')) len--;
    char *t = len < sizeof small ? small : xmalloc(len + 1);
    memcpy(t, text, len);
    t[len] = '\0';
    int rc = 1;
    if (!*t) return 0;
    enum werte_symbol sym;
    const char *eigen = typ == TABELLE_ZAHL ? NULL : own_symbol(st, t);
    if (eigen) {
        /* a marker the source uses for a missing value (profile key symbole) */
        size_t n = strlen(t);                 /* a configured symbol: short; cut at a character */
        if (n >= ssize)
            for (n = ssize - 1; n && ((unsigned char)t[n] & 0xC0) == 0x80; n--) {}
        memcpy(symbol, t, n);
        symbol[n] = '\0';
        *grund = eigen;
    } else if (typ == TABELLE_ZAHL) {
        *wert = strtod(t, NULL);
        *has_wert = 1;
    } else if (werte_symbol_parse(t, &sym) == 1) {
        snprintf(symbol, ssize, "%s", werte_symbol_text(sym));
        *grund = werte_symbol_bedeutung(sym);
        if (sym == WERTE_SYMBOL_NICHTS) { *wert = 0; *has_wert = 1; }
    } else if (st->englisch) {
        char *end;
        errno = 0;
        double v = strtod(t, &end);
        while (*end == ' ') end++;
        if (end == t || *end || errno || !isfinite(v)) rc = -1;
        else { *wert = v; *has_wert = 1; }
    } else {
        double v;
        int flags = werte_zahl(t, NULL, &v);
        if (flags < 0) rc = -1;
        else {
            *wert = v;
            *has_wert = 1;
            size_t n = 0;
            if (flags & WERTE_EINGESCHRAENKT) n += (size_t)snprintf(symbol + n, ssize - n, "( )");
            if ((flags & WERTE_VORLAEUFIG) && n < ssize) n += (size_t)snprintf(symbol + n, ssize - n, "%sp", n ? " " : "");
            if ((flags & WERTE_BERICHTIGT) && n < ssize) n += (size_t)snprintf(symbol + n, ssize - n, "%sr", n ? " " : "");
            if ((flags & WERTE_GESCHAETZT) && n < ssize) n += (size_t)snprintf(symbol + n, ssize - n, "%ss", n ? " " : "");
            if (flags & (WERTE_EINGESCHRAENKT | WERTE_VORLAEUFIG | WERTE_BERICHTIGT | WERTE_GESCHAETZT))
                *grund = "Zahl mit Zeichen (Aussagewert eingeschränkt, vorläufig, berichtigt oder geschätzt)";
        }
    }
    if (t != small) free(t);
    return rc;
}

/* The code of an area delivered by name only (profile key gebiet_codes =
 * "Niedersachsen=K030, …"), or "". */
static const char *code_for_name(struct state *st, const char *name)
{
    for (char **p = st->gebiet_codes; p && *p; p++) {
        const char *eq = strrchr(*p, '=');
        if (eq && (size_t)(eq - *p) == strlen(name) && strncmp(*p, name, (size_t)(eq - *p)) == 0) return eq + 1;
    }
    return "";
}

/* The normal form of an AGS-like area code (see the top of the file) into
 * out: 1 when it differs from g, 0 when g stays as it is. */
static int ags_normal(const char *g, char *out, size_t size)
{
    size_t i = 0, n = strlen(g);
    while (i < n && i < 4 && isalpha((unsigned char)g[i])) i++;
    size_t d = n - i;
    if (i > 3 || !(d == 2 || d == 3 || d == 5 || d == 8 || d == 9 || d == 12)) return 0;
    for (size_t j = i; j < n; j++)
        if (!isdigit((unsigned char)g[j])) return 0;
    int land = (g[i] - '0') * 10 + (g[i + 1] - '0');
    if (land < 1 || land > 16 || d + 2 > size) return 0;
    snprintf(out, size, "K%s", g + i);
    return strcmp(out, g) != 0;
}

/* The id of the series (indikator, gebiet, gebiet_name, merkmale, einheit):
 * from the map, else from the store, else a new row. */
static int64_t reihe_id(struct state *st, const char *gebiet, const char *gebiet_name, const char *merkmale,
                        const char *einheit)
{
    char key[8192];
    const char *v[5] = { st->indikator, gebiet, gebiet_name, merkmale, einheit };
    size_t n = 0;
    for (int i = 0; i < 5; i++) {
        size_t len = strlen(v[i]);
        if (n + len + 1 >= sizeof key) len = sizeof key - n - 2;
        memcpy(key + n, v[i], len);
        n += len;
        key[n++] = '\x1f';
    }
    int64_t id;
    if (strmap_get(&st->reihen, key, n, &id)) return id;
    for (int k = 0; k < 2; k++) {
        sqlite3_stmt *q = k ? st->get_reihe : st->ins_reihe;
        sqlite3_reset(q);
        for (int i = 0; i < 5; i++) store_bind_text(q, i + 1, v[i]);
    }
    if (sqlite3_step(st->ins_reihe) != SQLITE_DONE || sqlite3_step(st->get_reihe) != SQLITE_ROW) return -1;
    id = sqlite3_column_int64(st->get_reihe, 0);
    strmap_put(&st->reihen, key, n, id);
    return id;
}

static int store_obs(struct ingest_file *f, struct state *st, long row, const char *colref, int jahr,
                     const char *stichtag, const char *gebiet, const char *gebiet_name, const char *merkmale, const char *einheit,
                     const char *text, int typ, const char *kommentar, const char *colname, int keep_empty)
{
    double wert = 0;
    int has_wert;
    char symbol[32];
    const char *grund;
    int v = parse_value(st, text, typ, &wert, &has_wert, symbol, sizeof symbol, &grund);
    if (v < 0)
        return ingest_error(f, row, colname, "„%s“ ist keine Zahl und kein Tabellenzeichen", text);
    if (v == 0 && !keep_empty) return 0;
    if (v == 0) grund = "kein Wert geliefert";
    char normal[32];
    if (ags_normal(gebiet, normal, sizeof normal)) {
        if (st->umbenannt++ == 0) {
            snprintf(st->umbenannt_von, sizeof st->umbenannt_von, "%s", gebiet);
            snprintf(st->umbenannt_nach, sizeof st->umbenannt_nach, "%s", normal);
            st->umbenannt_zeile = row;
        }
        gebiet = normal;
    }
    if (st->gebiet_muster[0]) {
        /* a row whose area is no area of this source (e.g. the column numbers under a head) */
        const char *schluessel = *gebiet ? gebiet : gebiet_name;
        int passt = 0;
        for (char **m = st->gebiet_muster; *m && !passt; m++) passt = fnmatch(*m, schluessel, 0) == 0;
        if (!passt) {
            char liste[512] = "";
            for (char **m = st->gebiet_muster; *m; m++) {
                size_t l = strlen(liste);
                snprintf(liste + l, sizeof liste - l, "%s%s", l ? ", " : "", *m);
            }
            return ingest_error(f, row, st->gebiet_col_name ? st->gebiet_col_name : colname,
                                "Gebiet „%s“ passt zu keinem Muster des Quellprofils (gebiet_muster = %s): keine "
                                "Zeile mit Werten eines Gebiets (Kopf, Spaltennummern, Fußnote?) — daten_ab prüfen",
                                schluessel, liste);
        }
    }
    int64_t rid = reihe_id(st, gebiet, gebiet_name, merkmale, einheit);
    if (rid < 0) return ingest_error(f, row, NULL, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
    sqlite3_stmt *ins = st->ins;
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, f->source_id);
    sqlite3_bind_int64(ins, 2, row);
    if (colref) store_bind_static(ins, 3, colref); else sqlite3_bind_null(ins, 3);
    sqlite3_bind_int64(ins, 4, rid);
    sqlite3_bind_int(ins, 5, jahr);
    if (stichtag && *stichtag) store_bind_static(ins, 6, stichtag); else sqlite3_bind_null(ins, 6);
    if (has_wert) sqlite3_bind_double(ins, 7, wert); else sqlite3_bind_null(ins, 7);
    if (symbol[0]) store_bind_static(ins, 8, symbol); else sqlite3_bind_null(ins, 8);
    if (grund) store_bind_static(ins, 9, grund); else sqlite3_bind_null(ins, 9);
    if (kommentar && *kommentar) store_bind_static(ins, 10, kommentar); else sqlite3_bind_null(ins, 10);
    if (sqlite3_step(ins) != SQLITE_DONE)
        return ingest_error(f, row, NULL, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
    f->rows_accepted++;
    return 0;
}

/* The year of a cell: „2020“ (also a number cell „2020“), or a reference
 * day as terminierung_parse understands it („Juni 2007“, „31.12.2020“,
 * „2. Halbjahr 2020“), which is kept in stichtag (ISO, 11 bytes).
 * Returns 0, 1 when the row is skipped, -1 when the file is rejected. */
static int parse_year(struct ingest_file *f, long row, const char *col, const char *text, int *jahr,
                      char stichtag[16])
{
    stichtag[0] = '\0';
    {   /* the common case, without copying: digits only */
        const char *p = text;
        while (*p == ' ') p++;
        char *end;
        long y = strtol(p, &end, 10);
        while (*end == ' ') end++;
        if (end != p && !*end && y >= 1900 && y <= 2199) {
            *jahr = (int)y;
            return 0;
        }
    }
    char *t = trim_dup(text);
    char *end;
    long y = strtol(t, &end, 10);
    if (*end == '.' && end[1] == '0' && !end[2]) end += 2;   /* "2020.0" from a number cell */
    if (end != t && !*end && y >= 1900 && y <= 2199) {
        *jahr = (int)y;
        free(t);
        return 0;
    }
    struct terminierung tm;
    if (terminierung_parse(t, NULL, &tm) == TERMINIERUNG_OK && tm.kind == TERMINIERUNG_TERMIN) {
        *jahr = tm.jahr;
        snprintf(stichtag, 16, "%04d-%02d-%02d", tm.jahr, tm.monat, tm.tag);
        free(t);
        return 0;
    }
    int rc = ingest_error(f, row, col, "Jahr „%s“ ist keine Jahreszahl (1900–2199) und kein Stichtag", t);
    free(t);
    return rc ? -1 : 1;
}

/* trim blanks in place; returns the start */
static char *trim_inplace(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
    return s;
}

/* append "name=value" (with '|' between pairs) to buf; 0, or -1 when full */
static int add_pair(char *buf, size_t size, size_t *n, const char *name, const char *value)
{
    size_t a = strlen(name), b = strlen(value);
    if (*n + a + b + 3 > size) return -1;
    if (*n) buf[(*n)++] = '|';
    memcpy(buf + *n, name, a);
    *n += a;
    buf[(*n)++] = '=';
    memcpy(buf + *n, value, b);
    *n += b;
    buf[*n] = '\0';
    return 0;
}

static int row_long(struct ingest_file *f, struct state *st, const struct tabelle_zeile *z)
{
    const struct tabelle_kopf *h = f->kopf;
    int jahr;
    char stichtag[16];
    int r = parse_year(f, z->row, h->names[st->col[S_JAHR]], z->cells[st->col[S_JAHR]], &jahr, stichtag);
    if (r) return r < 0;
    char merkmale[4096];
    size_t n = 0;
    merkmale[0] = '\0';
    for (int i = 0; i < st->nmcols; i++)
        if (add_pair(merkmale, sizeof merkmale, &n, h->names[st->mcols[i]], trim_inplace(z->cells[st->mcols[i]])) != 0)
            return ingest_error(f, z->row, NULL, "Merkmale zusammen länger als %zu Bytes", sizeof merkmale);
    /* the area: its code column; else the code of its name (gebiet_codes);
     * the profile's constants only for files without any area column */
    int area_columns = st->col[S_GEBIET] >= 0 || st->col[S_GEBIET_NAME] >= 0;
    const char *gebiet = st->col[S_GEBIET] >= 0 ? trim_inplace(z->cells[st->col[S_GEBIET]])
                       : area_columns ? "" : quelle_string(f->quelle, "gebiet", "");
    const char *gname = st->col[S_GEBIET_NAME] >= 0 ? trim_inplace(z->cells[st->col[S_GEBIET_NAME]])
                      : area_columns ? "" : quelle_string(f->quelle, "gebiet_name", "");
    if (!*gebiet && *gname) gebiet = code_for_name(st, gname);
    st->gebiet_col_name = st->col[S_GEBIET] >= 0 ? h->names[st->col[S_GEBIET]]
                        : st->col[S_GEBIET_NAME] >= 0 ? h->names[st->col[S_GEBIET_NAME]] : NULL;
    const char *einheit = st->col[S_EINHEIT] >= 0 ? trim_inplace(z->cells[st->col[S_EINHEIT]])
                                                 : quelle_string(f->quelle, "einheit", "");
    return store_obs(f, st, z->row, NULL, jahr, stichtag, gebiet, gname, merkmale, einheit,
                     z->cells[st->col[S_WERT]], z->typ ? z->typ[st->col[S_WERT]] : TABELLE_TEXT,
                     st->col[S_KOMMENTAR] >= 0 ? z->cells[st->col[S_KOMMENTAR]] : NULL,
                     h->names[st->col[S_WERT]], 1);
}

static int row_wide(struct ingest_file *f, struct state *st, const struct tabelle_zeile *z)
{
    const struct tabelle_kopf *h = f->kopf;
    char *id = trim_dup(z->cells[st->id_col]);
    int rc = 0;
    /* rows without any value (footnotes, sources) are passed over */
    int any = 0;
    for (int i = 0; i < st->nwcols && !any; i++) {
        const char *v = z->cells[st->wcols[i].col];
        while (*v == ' ') v++;
        any = *v != '\0';
    }
    if (!any || !*id) { free(id); return 0; }
    int id_jahr = 0;
    char stichtag[16] = "";
    if (st->id_dim == D_JAHR) {
        int r = parse_year(f, z->row, h->refs[st->id_col], id, &id_jahr, stichtag);
        if (r) { free(id); return r < 0; }
    }
    const char *einheit = quelle_string(f->quelle, "einheit", "");
    st->gebiet_col_name = st->id_dim == D_GEBIET || st->id_dim == D_GEBIET_NAME ? h->refs[st->id_col] : NULL;
    /* an area by name gets its code from gebiet_codes, as in long tables */
    const char *code = st->id_dim == D_GEBIET ? id
                     : st->id_dim == D_GEBIET_NAME && *code_for_name(st, id) ? code_for_name(st, id)
                     : quelle_string(f->quelle, "gebiet", "");
    for (int i = 0; i < st->nwcols && !rc; i++) {
        const struct wide_col *w = &st->wcols[i];
        char *m = w->merkmale ? xstrdup(w->merkmale) : NULL;
        if (st->id_dim == D_MERKMAL) append_pair(&m, st->id_merkmal, id);
        char *sorted = sorted_merkmale(m ? m : "");
        rc = store_obs(f, st, z->row, h->refs[w->col], w->jahr ? w->jahr : id_jahr, stichtag,
                       code,
                       st->id_dim == D_GEBIET_NAME ? id : quelle_string(f->quelle, "gebiet_name", ""),
                       sorted, einheit, z->cells[w->col], z->typ ? z->typ[w->col] : TABELLE_TEXT, NULL,
                       h->refs[w->col], 0);
        free(m);
        free(sorted);
    }
    free(id);
    return rc;
}

static int row(struct ingest_file *f, const struct tabelle_zeile *z)
{
    struct state *st = f->state;
    return st->breit ? row_wide(f, st, z) : row_long(f, st, z);
}

static int finish(struct ingest_file *f)
{
    struct state *st = f->state;
    if (st && st->umbenannt) {
        char n[48];
        ingest_warning(f, st->umbenannt_zeile, NULL,
                       "Gebietsschlüssel in AGS-Form vereinheitlicht: „%s“ als „%s“ gespeichert (Buchstaben vor dem "
                       "Amtlichen Gemeindeschlüssel werden „K“; %s)", st->umbenannt_von, st->umbenannt_nach,
                       format_menge(n, sizeof n, st->umbenannt, "Wert", "Werte"));
    }
    if (st && st->rebuild_index &&
        store_exec(f->db, "CREATE INDEX beobachtung_reihe ON beobachtung(reihe_id, jahr)") != 0)
        return ingest_error(f, 0, NULL, "Datenbestand: Index nicht neu aufgebaut");
    return 0;
}

static void release(struct ingest_file *f)
{
    struct state *st = f->state;
    if (!st) return;
    for (int i = 0; i < st->nwcols; i++) free(st->wcols[i].merkmale);
    free(st->wcols);
    free(st->id_merkmal);
    free(st->mcols);
    config_list_free(st->ignorieren);
    config_list_free(st->gebiet_codes);
    config_list_free(st->gebiet_muster);
    config_list_free(st->symbole);
    sqlite3_finalize(st->ins);
    sqlite3_finalize(st->ins_reihe);
    sqlite3_finalize(st->get_reihe);
    strmap_free(&st->reihen);
    free(st);
    f->state = NULL;
}

const struct loader kennzahlen_loader = { is_header, header, row, finish, release, NULL };
