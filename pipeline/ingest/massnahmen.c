/*
 * massnahmen.c — loader for dataset „massnahmen“: measure lists such as
 * Anhang 6 of the Wesermarsch concept, its chapter-3 tables, Wesel's
 * measure tables.
 *
 * The header is mapped onto Handlungsfeld, Teilziel, Maßnahme,
 * Terminierung and Verantwortlich through the profile's column synonyms
 * (`spalte_*`, first match wins); every other column is kept verbatim as an
 * attribute.  The Terminierung is parsed (terminierung.h); one that is not
 * understood keeps the measure under „ohne Terminierung“ with a warning.
 * A row without a measure text is skipped with a warning.
 *
 * Every measure gets its stable kennung (lib/kennung.h) from Handlungsfeld,
 * Teilziel and Maßnahme; repeats of the same text in one list are numbered
 * in file order („M-1a2b3c4d-2“).  Status reports name measures by it.
 */
#include "ingest.h"
#include "lib/diag.h"
#include "lib/kennung.h"
#include "lib/store.h"
#include "lib/strmap.h"
#include "lib/terminierung.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum feld { F_HANDLUNGSFELD, F_TEILZIEL, F_MASSNAHME, F_TERMINIERUNG, F_VERANTWORTLICH, F_HERKUNFT, F_COUNT };

static const struct ingest_feld felder[F_COUNT] = {
    { "handlungsfeld", "handlungsfeld, handlungsfelder, themenfeld, themenfelder" },
    { "teilziel", "teilziel, teilziele, ziel, ziele, handlungsziel" },
    { "massnahme", "maßnahme, maßnahmen" },
    { "terminierung", "terminierung, zeitraum, zeitrahmen, frist, umsetzung bis, bis wann" },
    { "verantwortlich", "verantwortlich, verantwortlichkeit, zuständigkeit, zuständig, federführung" },
    { "herkunft", "herkunft, vorschlag, vorgeschlagen von, ergänzung, markierung" },
};

struct state {
    char **synonyms[F_COUNT];
    int required[F_COUNT];
    int col[F_COUNT];
    char **laufend;
    struct terminierung_optionen topt;
    sqlite3_stmt *ins, *attr;
    struct strmap seen;        /* base kennung → occurrences so far in this file */
};

/* The kennung of the next measure of one list: the base from the texts,
 * numbered when the list had it before. */
static void next_kennung(struct strmap *seen, const char *hf, const char *tz, const char *m,
                         char out[KENNUNG_MAX])
{
    char base[KENNUNG_MAX];
    kennung_berechnen(hf, tz, m, base);
    int64_t n = 0;
    strmap_get(seen, base, strlen(base), &n);
    strmap_put(seen, base, strlen(base), n + 1);
    kennung_wiederholung(base, (long)n + 1, out);
}

static struct state *state_of(struct ingest_file *f)
{
    if (!f->state) {
        struct state *st = xcalloc(1, sizeof *st);
        char **pflicht = quelle_list(f->quelle, "pflichtspalten", "massnahme");
        for (int i = 0; i < F_COUNT; i++) {
            char key[64];
            snprintf(key, sizeof key, "spalte_%s", felder[i].name);
            st->synonyms[i] = quelle_list(f->quelle, key, felder[i].synonyms);
            for (char **p = pflicht; *p; p++) st->required[i] |= strcmp(*p, felder[i].name) == 0;
        }
        config_list_free(pflicht);
        st->laufend = config_list(f->cfg, "terminierung:laufend_woerter", "", NULL);
        st->topt.laufend_woerter = (const char *const *)st->laufend;
        f->state = st;
    }
    return f->state;
}

static int is_header(struct ingest_file *f, const struct tabelle_zeile *z)
{
    return ingest_row_names(z, state_of(f)->synonyms[F_MASSNAHME]);
}

static int header(struct ingest_file *f, const struct tabelle_kopf *h)
{
    struct state *st = state_of(f);
    if (ingest_map_columns(f, h, felder, F_COUNT, st->synonyms, st->required, st->col)) return 1;
    st->ins = store_prepare(f->db,
        "INSERT INTO massnahme(source_file_id, sheet, row_number, handlungsfeld, teilziel, massnahme,"
        " verantwortlich, terminierung_text, terminierung_kind, terminierung_ende, horizont, kennung, herkunft)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    st->attr = store_prepare(f->db,
        "INSERT INTO massnahme_attribut(massnahme_id, position, name, value) VALUES (?,?,?,?)");
    if (!st->ins || !st->attr) return ingest_error(f, 0, NULL, "Datenbestand: Anweisung nicht vorbereitet");
    return 0;
}

static const char *trimmed(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

static const char *kind_name(enum terminierung_kind k)
{
    switch (k) {
    case TERMINIERUNG_LAUFEND: return "laufend";
    case TERMINIERUNG_FRIST: return "frist";
    case TERMINIERUNG_TERMIN: return "termin";
    default: return "ohne";
    }
}


/* The group label of measures without a Terminierung, as the reports print
 * it ([terminierung] label_ohne), for the warnings. */
static const char *label_ohne(const struct ingest_file *f)
{
    return config_string(f->cfg, "terminierung:label_ohne", "ohne Terminierung");
}

static int row(struct ingest_file *f, const struct tabelle_zeile *z)
{
    struct state *st = f->state;
    const struct tabelle_kopf *h = f->kopf;
    const char *val[F_COUNT];
    for (int i = 0; i < F_COUNT; i++) val[i] = st->col[i] >= 0 ? trimmed(z->cells[st->col[i]]) : "";
    if (!*val[F_MASSNAHME]) {
        ingest_warning(f, z->row, h->names[st->col[F_MASSNAHME]], "Maßnahme leer, Zeile nicht übernommen");
        return 0;
    }
    struct terminierung t;
    enum terminierung_status ts = terminierung_parse(val[F_TERMINIERUNG], &st->topt, &t);
    if (st->col[F_TERMINIERUNG] >= 0) {
        const char *col = h->names[st->col[F_TERMINIERUNG]];
        if (ts == TERMINIERUNG_LEER)
            ingest_warning(f, z->row, col, "Terminierung fehlt: Maßnahme unter „%s“", label_ohne(f));
        else if (ts == TERMINIERUNG_UNBEKANNT)
            ingest_warning(f, z->row, col, "Terminierung „%s“ nicht erkannt: Maßnahme unter „%s“",
                           val[F_TERMINIERUNG], label_ohne(f));
    }
    sqlite3_stmt *ins = st->ins;
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, f->source_id);
    if (f->sheet) store_bind_text(ins, 2, f->sheet); else sqlite3_bind_null(ins, 2);
    sqlite3_bind_int64(ins, 3, z->row);
    store_bind_text(ins, 4, val[F_HANDLUNGSFELD]);
    store_bind_text(ins, 5, val[F_TEILZIEL]);
    store_bind_text(ins, 6, val[F_MASSNAHME]);
    store_bind_text(ins, 7, val[F_VERANTWORTLICH]);
    store_bind_text(ins, 8, val[F_TERMINIERUNG]);
    store_bind_text(ins, 9, kind_name(t.kind));
    if (t.kind == TERMINIERUNG_TERMIN) {
        char iso[16];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", t.jahr, t.monat, t.tag);
        store_bind_text(ins, 10, iso);
    } else {
        sqlite3_bind_null(ins, 10);
    }
    sqlite3_bind_int(ins, 11, (int)t.horizont);
    char kennung[KENNUNG_MAX];
    next_kennung(&st->seen, val[F_HANDLUNGSFELD], val[F_TEILZIEL], val[F_MASSNAHME], kennung);
    store_bind_text(ins, 12, kennung);
    store_bind_text(ins, 13, val[F_HERKUNFT]);
    if (sqlite3_step(ins) != SQLITE_DONE)
        return ingest_error(f, z->row, NULL, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
    sqlite3_int64 id = sqlite3_last_insert_rowid(f->db);
    for (int c = 0; c < z->ncells && c < h->ncols; c++) {
        int mapped = 0;
        for (int i = 0; i < F_COUNT; i++) mapped |= st->col[i] == c;
        if (mapped || !z->cells[c][0]) continue;
        sqlite3_reset(st->attr);
        sqlite3_bind_int64(st->attr, 1, id);
        sqlite3_bind_int(st->attr, 2, c + 1);
        store_bind_text(st->attr, 3, h->names[c][0] ? h->names[c] : h->refs[c]);
        store_bind_text(st->attr, 4, z->cells[c]);
        if (sqlite3_step(st->attr) != SQLITE_DONE)
            return ingest_error(f, z->row, h->names[c], "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
    }
    f->rows_accepted++;
    return 0;
}

static int finish(struct ingest_file *f)
{
    struct state *st = f->state;
    if (st && st->col[F_TERMINIERUNG] < 0 && f->rows_accepted)
        ingest_warning(f, 0, NULL, "keine Spalte Terminierung: alle %ld Maßnahmen unter „%s“",
                       f->rows_accepted, label_ohne(f));
    return 0;
}

static void release(struct ingest_file *f)
{
    struct state *st = f->state;
    if (!st) return;
    for (int i = 0; i < F_COUNT; i++) config_list_free(st->synonyms[i]);
    config_list_free(st->laufend);
    sqlite3_finalize(st->ins);
    sqlite3_finalize(st->attr);
    strmap_free(&st->seen);
    free(st);
    f->state = NULL;
}

const struct loader massnahmen_loader = { is_header, header, row, finish, release, NULL };

int massnahmen_kennung_nachtragen(sqlite3 *db)
{
    long missing = store_count(db, "SELECT count(*) FROM massnahme WHERE kennung = ''");
    if (missing <= 0) return missing < 0 ? -1 : 0;
    /* whole files, in row order, so the repeat numbers come out as on ingest */
    sqlite3_stmt *q = store_prepare(db,
        "SELECT id, source_file_id, handlungsfeld, teilziel, massnahme FROM massnahme"
        " WHERE source_file_id IN (SELECT source_file_id FROM massnahme WHERE kennung = '')"
        " ORDER BY source_file_id, row_number, id");
    sqlite3_stmt *u = store_prepare(db, "UPDATE massnahme SET kennung = ?2 WHERE id = ?1");
    int rc = q && u && store_begin(db) == 0 ? 0 : -1;
    struct strmap seen = { 0 };
    sqlite3_int64 file = -1;
    while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
        if (sqlite3_column_int64(q, 1) != file) {
            strmap_free(&seen);
            file = sqlite3_column_int64(q, 1);
        }
        char kennung[KENNUNG_MAX];
        next_kennung(&seen, store_column_text(q, 2), store_column_text(q, 3), store_column_text(q, 4), kennung);
        sqlite3_reset(u);
        sqlite3_bind_int64(u, 1, sqlite3_column_int64(q, 0));
        store_bind_text(u, 2, kennung);
        if (sqlite3_step(u) != SQLITE_DONE) rc = -1;
    }
    strmap_free(&seen);
    sqlite3_finalize(q);
    sqlite3_finalize(u);
    if (rc == 0 && store_commit(db) == 0) {
        diag_info("Datenbestand: %ld Maßnahmen ohne Kennung nachgetragen", missing);
        return 0;
    }
    store_error(db, "Kennungen nachtragen");
    store_rollback(db);
    return -1;
}
