/*
 * statusbericht.c — loader for dataset „statusbericht“: status reports on
 * measures, as a returned Rückmeldebogen (ibericht-rueckmeldebogen) or a
 * department's own table.
 *
 * Columns (profile synonyms `spalte_*`, first match wins): Kennung of the
 * Maßnahme, Stand (the date the report speaks for), Status (geplant, in
 * Umsetzung, umgesetzt, verzögert, entfallen), Kommentar, Verantwortlich.
 * Other columns (the form repeats the measure's texts) are ignored.
 *
 * A row is one report.  A row without Status, Stand and Kommentar is no
 * report (a form row left empty) and passed over.  Otherwise every value is
 * checked, and a problem rejects the file (or skips the row with
 * `zeilenfehler = ueberspringen`) with a message naming file, sheet, row,
 * column and value:
 *   - Kennung missing, or no current measure has it;
 *   - Status missing or not one of the five;
 *   - Stand missing, no date (werte_datum: 31.12.2024, 2024-12-31, …) or a
 *     day that does not exist;
 *   - the same Kennung and Stand twice in one file.
 *
 * The Rückmeldebogen: its rows above the header carry the marker
 * „ibericht-Rückmeldebogen 1“ (A1), the Fachdienst (A2/B2) and the form's
 * date (A3/B3).  With the marker the delivery is the Fachdienst's (for the
 * Eingangsbericht and the Rücklauf) and its part (teil) is Fachdienst and
 * form date: a corrected form of the same round replaces the earlier one,
 * a form of the next round adds to the history.  With `rueckmeldebogen = ja`
 * a file without the marker is rejected.
 */
#include "ingest.h"
#include "lib/diag.h"
#include "lib/store.h"
#include "lib/strmap.h"
#include "lib/umsetzung.h"
#include "lib/werte.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARKER "ibericht-Rückmeldebogen"
#define MARKER_VERSION 1

enum feld { F_KENNUNG, F_STAND, F_STATUS, F_KOMMENTAR, F_VERANTWORTLICH, F_COUNT };

static const struct ingest_feld felder[F_COUNT] = {
    { "kennung", "kennung, maßnahmen-kennung, maßnahmenkennung, maßnahme-id, id" },
    { "stand", "stand, stand (datum), datum, stichtag" },
    { "status", "status, umsetzungsstand, umsetzungsstatus" },
    { "kommentar", "kommentar, bemerkung, bemerkungen, anmerkung, anmerkungen" },
    { "verantwortlich", "verantwortlich, ansprechperson, bearbeitet von" },
};

struct state {
    char **synonyms[F_COUNT];
    int required[F_COUNT];
    int col[F_COUNT];
    int form_required;         /* profile: rueckmeldebogen = ja */
    int form;                  /* marker seen */
    char form_fachdienst[256];
    char form_stand[16];       /* ISO date of the form, "" if none */
    sqlite3_stmt *ins, *known;
    struct strmap seen;        /* "kennung|stand" → row */
};

static struct state *state_of(struct ingest_file *f)
{
    if (!f->state) {
        struct state *st = xcalloc(1, sizeof *st);
        char **pflicht = quelle_list(f->quelle, "pflichtspalten", "kennung, stand, status");
        for (int i = 0; i < F_COUNT; i++) {
            char key[64];
            snprintf(key, sizeof key, "spalte_%s", felder[i].name);
            st->synonyms[i] = quelle_list(f->quelle, key, felder[i].synonyms);
            for (char **p = pflicht; *p; p++) st->required[i] |= strcmp(*p, felder[i].name) == 0;
        }
        config_list_free(pflicht);
        const char *rb = quelle_string(f->quelle, "rueckmeldebogen", "nein");
        st->form_required = strcmp(rb, "ja") == 0;
        f->state = st;
    }
    return f->state;
}

static const char *trimmed(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

/* A date cell: a spreadsheet date ("2024-12-31", the time of day dropped)
 * or text werte_datum accepts.  ISO date into iso; 0, or a werte_status. */
static int parse_date(const char *text, int typ, char iso[16])
{
    char buf[16];
    if (typ == TABELLE_DATUM && strlen(text) >= 10) {
        snprintf(buf, sizeof buf, "%.10s", text);
        text = buf;
    } else if (typ == TABELLE_ZAHL) {
        return WERTE_KEIN_DATUM;       /* a plain number, e.g. a serial without date format */
    }
    int y, m, d;
    int rc = werte_datum(text, &y, &m, &d);
    if (rc == 0) snprintf(iso, 16, "%04d-%02d-%02d", y, m, d);
    return rc;
}

static int preamble(struct ingest_file *f, const struct tabelle_zeile *z)
{
    struct state *st = state_of(f);
    if (z->ncells < 1) return 0;
    char *a = xstrdup(z->cells[0]);
    const char *first = trimmed(a);
    const char *second = z->ncells > 1 ? z->cells[1] : "";
    int rc = 0;
    if (strncmp(first, MARKER, strlen(MARKER)) == 0) {
        const char *v = first + strlen(MARKER);
        if (strcmp(v, " 1") == 0) st->form = MARKER_VERSION;
        else rc = ingest_error(f, z->row, f->sheet ? "A" : "1", "Rückmeldebogen-Version „%s“ unbekannt (dieses ibericht liest „%s %d“)",
                               first, MARKER, MARKER_VERSION);
    } else if (st->form && strcmp(first, "Fachdienst") == 0) {
        char *b = xstrdup(second);
        snprintf(st->form_fachdienst, sizeof st->form_fachdienst, "%s", trimmed(b));
        free(b);
    } else if (st->form && strcmp(first, "Stand des Bogens") == 0) {
        char *b = xstrdup(second);
        const char *t = trimmed(b);
        if (parse_date(t, z->typ && z->ncells > 1 ? z->typ[1] : TABELLE_TEXT, st->form_stand) != 0)
            rc = ingest_error(f, z->row, f->sheet ? "B" : "2", "Stand des Bogens „%s“ ist kein Datum (TT.MM.JJJJ)", t);
        free(b);
    }
    free(a);
    return rc;
}

static int is_header(struct ingest_file *f, const struct tabelle_zeile *z)
{
    return ingest_row_names(z, state_of(f)->synonyms[F_KENNUNG]);
}

static int header(struct ingest_file *f, const struct tabelle_kopf *h)
{
    struct state *st = state_of(f);
    if (st->form_required && !st->form)
        return ingest_error(f, 0, NULL, "kein ibericht-Rückmeldebogen: Zelle A1 „%s %d“ fehlt"
                            " (Profil %s verlangt rueckmeldebogen = ja)", MARKER, MARKER_VERSION, f->quelle->id);
    if (st->form) {
        if (!st->form_fachdienst[0])
            return ingest_error(f, 0, NULL, "Rückmeldebogen ohne Fachdienst (Zeile „Fachdienst“ über der Tabelle)");
        snprintf(f->fachdienst, sizeof f->fachdienst, "%s", st->form_fachdienst);
        snprintf(f->teil, sizeof f->teil, "%s|%s", st->form_fachdienst, st->form_stand);
    }
    if (ingest_map_columns(f, h, felder, F_COUNT, st->synonyms, st->required, st->col)) return 1;
    st->ins = store_prepare(f->db,
        "INSERT INTO statusbericht(source_file_id, sheet, row_number, kennung, stand, status, kommentar,"
        " verantwortlich, fachdienst) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    st->known = store_prepare(f->db,
        "SELECT 1 FROM massnahme m JOIN source_file s ON s.id = m.source_file_id"
        " WHERE m.kennung = ?1 AND s.superseded_by IS NULL LIMIT 1");
    if (!st->ins || !st->known) return ingest_error(f, 0, NULL, "Datenbestand: Anweisung nicht vorbereitet");
    return 0;
}

static int row(struct ingest_file *f, const struct tabelle_zeile *z)
{
    struct state *st = f->state;
    const struct tabelle_kopf *h = f->kopf;
    const char *val[F_COUNT];
    const char *colname[F_COUNT];
    for (int i = 0; i < F_COUNT; i++) {
        val[i] = st->col[i] >= 0 ? trimmed(z->cells[st->col[i]]) : "";
        colname[i] = st->col[i] >= 0 ? h->names[st->col[i]] : felder[i].name;
    }
    if (!*val[F_STATUS] && !*val[F_STAND] && !*val[F_KOMMENTAR]) return 0;     /* no report */

    if (!*val[F_KENNUNG])
        return ingest_error(f, z->row, colname[F_KENNUNG], "Kennung fehlt: welche Maßnahme ist gemeint?");
    int status = umsetzung_status_parse(val[F_STATUS]);
    if (status < 0)
        return ingest_error(f, z->row, colname[F_STATUS], "Status „%s“ unbekannt (erlaubt: %s)",
                            val[F_STATUS], UMSETZUNG_ERLAUBT);
    if (status == UMSETZUNG_KEIN)
        return ingest_error(f, z->row, colname[F_STATUS], "Status fehlt (erlaubt: %s)", UMSETZUNG_ERLAUBT);
    char stand[16];
    if (!*val[F_STAND])
        return ingest_error(f, z->row, colname[F_STAND], "Stand fehlt: Datum der Angabe eintragen (TT.MM.JJJJ)");
    int drc = parse_date(val[F_STAND], z->typ && st->col[F_STAND] >= 0 ? z->typ[st->col[F_STAND]] : TABELLE_TEXT,
                         stand);
    if (drc == WERTE_DATUM_UNGUELTIG)
        return ingest_error(f, z->row, colname[F_STAND], "Stand „%s“: diesen Tag gibt es nicht", val[F_STAND]);
    if (drc != 0)
        return ingest_error(f, z->row, colname[F_STAND], "Stand „%s“ ist kein Datum (TT.MM.JJJJ)", val[F_STAND]);

    sqlite3_reset(st->known);
    store_bind_text(st->known, 1, val[F_KENNUNG]);
    int rc = sqlite3_step(st->known);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ingest_error(f, z->row, NULL, "Datenbestand: %s", sqlite3_errmsg(f->db));
    if (rc == SQLITE_DONE)
        return ingest_error(f, z->row, colname[F_KENNUNG],
                            "Kennung „%s“ gehört zu keiner Maßnahme der aktuellen Maßnahmenlisten", val[F_KENNUNG]);

    char key[600];
    int klen = snprintf(key, sizeof key, "%s|%s", val[F_KENNUNG], stand);
    if (klen >= (int)sizeof key) klen = (int)sizeof key - 1;
    int64_t earlier;
    if (strmap_get(&st->seen, key, (size_t)klen, &earlier))
        return ingest_error(f, z->row, colname[F_KENNUNG], "Kennung „%s“ mit Stand %s doppelt (schon in Zeile %ld)",
                            val[F_KENNUNG], val[F_STAND], (long)earlier);
    strmap_put(&st->seen, key, (size_t)klen, z->row);

    sqlite3_stmt *ins = st->ins;
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, f->source_id);
    if (f->sheet) store_bind_text(ins, 2, f->sheet); else sqlite3_bind_null(ins, 2);
    sqlite3_bind_int64(ins, 3, z->row);
    store_bind_text(ins, 4, val[F_KENNUNG]);
    store_bind_text(ins, 5, stand);
    store_bind_text(ins, 6, umsetzung_status_code((enum umsetzung_status)status));
    store_bind_text(ins, 7, val[F_KOMMENTAR]);
    store_bind_text(ins, 8, val[F_VERANTWORTLICH]);
    store_bind_text(ins, 9, f->fachdienst[0] ? f->fachdienst : f->quelle->fachdienst);
    if (sqlite3_step(ins) != SQLITE_DONE)
        return ingest_error(f, z->row, NULL, "Speichern fehlgeschlagen: %s", sqlite3_errmsg(f->db));
    f->rows_accepted++;
    return 0;
}

static int finish(struct ingest_file *f)
{
    (void)f;
    return 0;
}

static void release(struct ingest_file *f)
{
    struct state *st = f->state;
    if (!st) return;
    for (int i = 0; i < F_COUNT; i++) config_list_free(st->synonyms[i]);
    sqlite3_finalize(st->ins);
    sqlite3_finalize(st->known);
    strmap_free(&st->seen);
    free(st);
    f->state = NULL;
}

const struct loader statusbericht_loader = { is_header, header, row, finish, release, preamble };
