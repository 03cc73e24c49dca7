/*
 * kapitel_eingang.c — the deliveries and the Rücklauf as a chapter of the
 * document model, shared by render-eingang (eingangsbericht.pdf) and the
 * Integrationsbericht (see kapitel.h).  Reads the tables eingang_quelle and
 * ruecklauf (compute) and lieferung (ingest).
 */
#include "kapitel.h"
#include "lib/format.h"
#include "lib/store.h"

#include <stdio.h>
#include <string.h>

const char *kapitel_eingang_status(const char *s)
{
    if (strcmp(s, "geliefert") == 0) return "geliefert";
    if (strcmp(s, "abgewiesen") == 0) return "nur abgewiesene Dateien";
    if (strcmp(s, "fehlt") == 0) return "fehlt";
    if (strcmp(s, "angenommen") == 0) return "angenommen";
    if (strcmp(s, "unveraendert") == 0) return "unverändert (schon im Bestand)";
    if (strcmp(s, "wartend") == 0) return "wartet (wird noch geschrieben)";
    if (strcmp(s, "ohne_quelle") == 0) return "ohne Quellprofil";
    if (strcmp(s, "geantwortet") == 0) return "geantwortet";
    if (strcmp(s, "fehlanzeige") == 0) return "Fehlanzeige";
    if (strcmp(s, "ohne_rueckmeldung") == 0) return "ohne Rückmeldung";
    return s;
}

int kapitel_eingang_ruecklauf(sqlite3 *db, char *buf, size_t size)
{
    buf[0] = '\0';
    sqlite3_stmt *q = store_prepare(db,
        "SELECT count(*), sum(status = 'geantwortet'), sum(status = 'fehlanzeige'),"
        "       sum(status = 'ohne_rueckmeldung') FROM ruecklauf");
    if (!q) return -1;
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) > 0) {
        format_ruecklauf(buf, size, "Fachdienst", "Fachdiensten", sqlite3_column_int(q, 1), sqlite3_column_int(q, 0),
                         sqlite3_column_int(q, 2), sqlite3_column_int(q, 3));
    }
    sqlite3_finalize(q);
    return 0;
}

/* The rows of sql as a table: counts grouped („18.348“, right-aligned), texts through kapitel_eingang_status. */
static int tabelle_aus(struct docmodel_chapter *c, sqlite3 *db, const char *sql, const struct docmodel_column *cols,
                       int ncols)
{
    struct docmodel_table *t = docmodel_table(c, cols, ncols);
    t->fit_rows = -1;
    sqlite3_stmt *q = store_prepare(db, sql);
    if (!q) return -1;
    const char *cells[DOCMODEL_MAX_COLUMNS];
    char zahl[DOCMODEL_MAX_COLUMNS][32];
    while (sqlite3_step(q) == SQLITE_ROW) {
        for (int i = 0; i < ncols; i++)
            cells[i] = sqlite3_column_type(q, i) == SQLITE_INTEGER
                           ? format_zahl(zahl[i], sizeof zahl[i], sqlite3_column_double(q, i), 0)
                           : kapitel_eingang_status(store_column_text(q, i));
        docmodel_row(t, cells, 0, 0);
    }
    sqlite3_finalize(q);
    return 0;
}

int kapitel_eingang(struct docmodel_chapter *c, sqlite3 *db, const char *satz)
{
    if (satz && *satz) {
        docmodel_paragraph(c, docmodel_printf(c->model, "Rücklauf: %s.", satz));
    }
    static const struct docmodel_column qcols[] = {
        { "Quelle", 0.19, DOCMODEL_LEFT }, { "Fachdienst", 0.26, DOCMODEL_LEFT }, { "Status", 0.18, DOCMODEL_LEFT },
        { "Dateien", 0.10, DOCMODEL_RIGHT }, { "Zeilen/ Werte", 0.12, DOCMODEL_RIGHT },
        { "abgewiesene Dateien", 0.15, DOCMODEL_RIGHT },
    };
    docmodel_heading(c, 2, "Quellen");
    if (tabelle_aus(c, db, "SELECT quelle, fachdienst, status, dateien, zeilen, abgewiesen FROM eingang_quelle"
                           " ORDER BY position", qcols, 6) != 0) return -1;
    static const struct docmodel_column acols[] = { { "Datei", 0.30, DOCMODEL_LEFT }, { "Grund", 0.70, DOCMODEL_LEFT } };
    docmodel_heading(c, 2, "Abgewiesene Dateien (in der Quarantäne)");
    if (tabelle_aus(c, db, "SELECT file_name, grund FROM lieferung WHERE status = 'abgewiesen' ORDER BY id",
                    acols, 2) != 0) return -1;
    static const struct docmodel_column wcols[] = { { "Datei", 0.40, DOCMODEL_LEFT }, { "Stand", 0.60, DOCMODEL_LEFT } };
    docmodel_heading(c, 2, "Wartende und nicht zugeordnete Dateien (letzter Lauf)");
    return tabelle_aus(c, db, "SELECT file_name, status FROM lieferung WHERE status IN ('wartend', 'ohne_quelle')"
                              " AND run_at = (SELECT max(run_at) FROM lieferung) ORDER BY id", wcols, 2);
}
