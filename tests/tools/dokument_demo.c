/*
 * dokument_demo.c — renders a whole Integrationsbericht from a template
 * (vorlage.h + dokument.h), to prove the document layer end to end
 * (tests/e2e/test_dokument.sh).  Not a pipeline stage: the measures come
 * from a CSV file instead of the store, the charts from made-up numbers
 * (labelled as such).
 *
 *   dokument_demo [Optionen] VORLAGE AUSGABE.pdf
 *     --ausgabe ID        the committee edition [ausgabe:ID] (default: the full report)
 *     --massnahmen CSV    measure list with the columns handlungsfeld, teilziel,
 *                         massnahme, terminierung, gruppe (Anhang 6 of Wesermarsch)
 *     --abschnitte N      N extra sections in the first chapter (a long table of contents)
 *     --regular TTF, --fett TTF   fonts (DejaVu Sans)
 *
 * Prints "seiten=N durchgaenge=N inhalt_seiten=N" on success.  Exit codes
 * 0, 2 (usage, template), 5 (writing).
 */
#include "lib/csvreader.h"
#include "lib/diag.h"
#include "lib/dokument.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct massnahme {
    char *handlungsfeld, *teilziel, *text, *terminierung, *gruppe;
};

struct demo {
    struct massnahme *m;
    int n, cap;
    int spalte[5];                 /* column of each field, -1 = absent */
    int abschnitte;
};

static const char *const spalten[5] = { "handlungsfeld", "teilziel", "massnahme", "terminierung", "gruppe" };

static int zeile_lesen(const struct csvrow *row, void *ctx)
{
    struct demo *d = ctx;
    if (row->row == 1) {
        for (int k = 0; k < 5; k++) {
            d->spalte[k] = -1;
            for (int i = 0; i < row->nfields; i++)
                if (strcmp(row->fields[i], spalten[k]) == 0) d->spalte[k] = i;
        }
        return 0;
    }
    if (d->n == d->cap) d->m = xrealloc(d->m, sizeof *d->m * (size_t)(d->cap = d->cap ? d->cap * 2 : 128));
    char *f[5];
    for (int k = 0; k < 5; k++)
        f[k] = xstrdup(d->spalte[k] >= 0 && d->spalte[k] < row->nfields ? row->fields[d->spalte[k]] : "");
    d->m[d->n++] = (struct massnahme){ f[0], f[1], f[2], f[3], f[4] };
    return 0;
}

/* The chronological list: one section per group, table Handlungsfeld | Teilziel | Maßnahme | Terminierung. */
static void chronologisch(struct dokument *doc, struct demo *d, const struct vorlage_kapitel *k,
                          const struct vorlage_ausgabe *a)
{
    static const struct pdftable_column cols[] = {
        { "Handlungsfeld", 0.19 }, { "Teilziel", 0.23 }, { "Maßnahme", 0.46 }, { "Terminierung", 0.12 },
    };
    const char *gruppe = NULL;
    struct pdftable t;
    int offen = 0;
    const struct massnahme *prev = NULL;
    for (int i = 0; i < d->n; i++) {
        const struct massnahme *m = &d->m[i];
        if (!vorlage_handlungsfeld_gilt(k, a, m->handlungsfeld)) continue;
        const char *cells[4] = { m->handlungsfeld, m->teilziel, m->text, m->terminierung };
        int repeat[4] = { 0 };
        if (!gruppe || strcmp(gruppe, m->gruppe) != 0) {
            if (offen) dokument_tabelle_beenden(doc, &t);
            gruppe = m->gruppe;
            dokument_abschnitt(doc, gruppe);
            dokument_tabelle_beginnen(doc, &t, cols, 4, cells);
            offen = 1;
        } else if (prev) {
            repeat[0] = strcmp(m->handlungsfeld, prev->handlungsfeld) == 0;
            repeat[1] = repeat[0] && strcmp(m->teilziel, prev->teilziel) == 0;
        }
        pdftable_row(&t, cells, repeat);
        prev = m;
    }
    if (offen) dokument_tabelle_beenden(doc, &t);
}

/* The measures of one Handlungsfeld chapter: Teilziel | Maßnahme | Terminierung. */
static void je_handlungsfeld(struct dokument *doc, struct demo *d, const struct vorlage_kapitel *k,
                             const struct vorlage_ausgabe *a)
{
    static const struct pdftable_column cols[] = {
        { "Teilziel", 0.30 }, { "Maßnahme", 0.54 }, { "Terminierung", 0.16 },
    };
    struct pdftable t;
    int offen = 0, n = 0;
    const struct massnahme *prev = NULL;
    for (int i = 0; i < d->n; i++) {
        const struct massnahme *m = &d->m[i];
        if (!vorlage_handlungsfeld_gilt(k, a, m->handlungsfeld)) continue;
        const char *cells[3] = { m->teilziel, m->text, m->terminierung };
        int repeat[3] = { prev && strcmp(prev->teilziel, m->teilziel) == 0, 0, 0 };
        if (!offen) {
            dokument_abschnitt(doc, "Maßnahmen");
            dokument_tabelle_beginnen(doc, &t, cols, 3, cells);
            offen = 1;
        }
        pdftable_row(&t, cells, repeat);
        prev = m;
        n++;
    }
    if (offen) {
        dokument_tabelle_beenden(doc, &t);
        char buf[160];
        snprintf(buf, sizeof buf, "%d %s; Quelle: Integrationskonzept 2024, Anhang 6.", n,
                 n == 1 ? "Maßnahme" : "Maßnahmen");
        dokument_anmerkung(doc, buf);
    }
}

static int indikatoren(struct dokument *doc, const struct vorlage_kapitel *k)
{
    static const char *const jahre[] = { "2019", "2020", "2021", "2022", "2023" };
    static const double a[] = { 7.9, 8.4, 9.1, 10.2, 11.0 }, b[] = { 9.8, 10.1, 10.6, 11.5, 12.1 };
    static const unsigned char fehlt[] = { 0, 0, 1, 0, 0 };
    const struct pdfchart_series s[] = { { k->titel, a, fehlt }, { "Vergleichsraum", b, NULL } };
    struct pdfchart c = {
        .kind = PDFCHART_LINE, .title = "Beispieldiagramm: Anteil in % (Demo-Daten)",
        .source = "Demo-Daten, keine amtlichen Werte", .unit = "Anteil in %",
        .categories = jahre, .ncategories = 5, .series = s, .nseries = 2, .decimals = 1,
        .value_labels = 0, .height = 150,
    };
    dokument_abschnitt(doc, "Indikatoren");
    dokument_absatz(doc, "Das Diagramm zeigt, wie ein Indikator im Bericht erscheint; die Werte sind "
                         "erfunden. Eine Lücke in der Linie ist ein fehlender Wert.");
    return dokument_diagramm(doc, &c);
}

static void legende(struct dokument *doc)
{
    static const struct pdftable_column cols[] = { { "Zeichen", 0.18 }, { "Bedeutung", 0.82 } };
    static const char *const z[][2] = {
        { "–", "nichts vorhanden" }, { ".", "Zahlenwert unbekannt oder geheim zu halten" },
        { "/", "keine Angabe, da Zahlenwert nicht sicher genug" }, { "x", "Tabellenfach gesperrt" },
        { "…", "Angabe fällt später an" }, { "k. A.", "keine Angabe" },
        { "p", "vorläufige Zahl" }, { "r", "berichtigte Zahl" }, { "s", "geschätzte Zahl" },
    };
    struct pdftable t;
    dokument_absatz(doc, "Zeichen in Tabellen nach DIN 55301 und dem Gebrauch der amtlichen Statistik:");
    dokument_tabelle_beginnen(doc, &t, cols, 2, z[0]);
    for (size_t i = 0; i < sizeof z / sizeof *z; i++) pdftable_row(&t, z[i], NULL);
    dokument_tabelle_beenden(doc, &t);
}

static int fuellen(struct dokument *doc, const struct vorlage *v, const struct vorlage_kapitel *k,
                   const struct vorlage_ausgabe *a, void *ctx)
{
    struct demo *d = ctx;
    if (k == &v->kapitel[0] || (a && k == &v->kapitel[a->kapitel[0]])) {
        for (int i = 1; i <= d->abschnitte; i++) {
            char titel[160];
            snprintf(titel, sizeof titel, "Zusätzlicher Abschnitt %d für ein langes Inhaltsverzeichnis (Größenprüfung)", i);
            dokument_abschnitt(doc, titel);
            dokument_absatz(doc, "Dieser Abschnitt füllt das Inhaltsverzeichnis, damit es mehr als eine Seite "
                                 "braucht und die Seitenzahlen der Kapitel sich verschieben.");
        }
    }
    switch (k->art) {
    case VORLAGE_ART_MASSNAHMEN:
        if (k->quer) chronologisch(doc, d, k, a);
        else je_handlungsfeld(doc, d, k, a);
        return 0;
    case VORLAGE_ART_INDIKATOREN: return indikatoren(doc, k);
    case VORLAGE_ART_LEGENDE: legende(doc); return 0;
    default: return 0;
    }
}

int main(int argc, char **argv)
{
    diag_set_program("dokument_demo");
    const char *ausgabe_id = NULL, *csv = NULL;
    const char *regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    const char *fett = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    struct demo d = { 0 };
    int i = 1;
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (strcmp(argv[i], "--ausgabe") == 0) ausgabe_id = argv[i + 1];
        else if (strcmp(argv[i], "--massnahmen") == 0) csv = argv[i + 1];
        else if (strcmp(argv[i], "--abschnitte") == 0) d.abschnitte = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--regular") == 0) regular = argv[i + 1];
        else if (strcmp(argv[i], "--fett") == 0) fett = argv[i + 1];
        else break;
    }
    if (argc - i != 2) {
        fprintf(stderr, "Aufruf: dokument_demo [--ausgabe ID] [--massnahmen CSV] [--abschnitte N] "
                        "[--regular TTF] [--fett TTF] VORLAGE AUSGABE.pdf\n");
        return IB_EXIT_USAGE;
    }
    struct vorlage v;
    if (vorlage_load(argv[i], &v) != 0) return IB_EXIT_USAGE;
    const struct vorlage_ausgabe *a = NULL;
    int rc = IB_EXIT_OK;
    if (ausgabe_id && !(a = vorlage_ausgabe_find(&v, ausgabe_id))) {
        diag_error("Vorlage %s: keine Ausgabe [ausgabe:%s]", argv[i], ausgabe_id);
        rc = IB_EXIT_USAGE;
    }
    struct csvreader_error err = { 0 };
    if (rc == IB_EXIT_OK && csv && csvreader_read(csv, NULL, zeile_lesen, &d, &err, NULL, NULL) != CSVREADER_OK) {
        diag_error("%s, Zeile %ld: %s", csv, err.row, err.message);
        rc = IB_EXIT_USAGE;
    }
    struct dokument_ergebnis erg;
    if (rc == IB_EXIT_OK) {
        if (dokument_vorlage(&v, a, regular, fett, NULL, fuellen, &d, argv[i + 1], &erg) != 0)
            rc = IB_EXIT_OUTPUT;
        else
            printf("seiten=%d durchgaenge=%d inhalt_seiten=%d\n", erg.seiten, erg.durchgaenge, erg.inhalt_seiten);
    }
    for (int k = 0; k < d.n; k++) {
        free(d.m[k].handlungsfeld);
        free(d.m[k].teilziel);
        free(d.m[k].text);
        free(d.m[k].terminierung);
        free(d.m[k].gruppe);
    }
    free(d.m);
    vorlage_free(&v);
    return rc;
}
