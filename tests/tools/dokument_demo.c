/*
 * dokument_demo.c — renders a whole Integrationsbericht from a template
 * (vorlage.h + docmodel.h + docpdf.h), to prove the document layer end to end
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
#include "lib/docpdf.h"

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
static void chronologisch(struct docmodel_chapter *doc, struct demo *d, const struct vorlage_kapitel *k,
                          const struct vorlage_ausgabe *a)
{
    static const struct docmodel_column cols[] = {
        { "Handlungsfeld", 0.19, DOCMODEL_LEFT }, { "Teilziel", 0.23, DOCMODEL_LEFT }, { "Maßnahme", 0.46, DOCMODEL_LEFT },
        { "Terminierung", 0.12, DOCMODEL_LEFT },
    };
    const char *gruppe = NULL;
    struct docmodel_table *t = NULL;
    const struct massnahme *prev = NULL;
    for (int i = 0; i < d->n; i++) {
        const struct massnahme *m = &d->m[i];
        if (!vorlage_handlungsfeld_gilt(k, a, m->handlungsfeld)) continue;
        const char *cells[4] = { m->handlungsfeld, m->teilziel, m->text, m->terminierung };
        unsigned repeat = 0;
        if (!gruppe || strcmp(gruppe, m->gruppe) != 0) {
            gruppe = m->gruppe;
            docmodel_heading(doc, 2, gruppe);
            t = docmodel_table(doc, cols, 4);
        } else if (prev && strcmp(m->handlungsfeld, prev->handlungsfeld) == 0) {
            repeat = 1u | (strcmp(m->teilziel, prev->teilziel) == 0 ? 2u : 0u);
        }
        docmodel_row(t, cells, repeat, 0);
        prev = m;
    }
}

/* The measures of one Handlungsfeld chapter: Teilziel | Maßnahme | Terminierung. */
static void je_handlungsfeld(struct docmodel_chapter *doc, struct demo *d, const struct vorlage_kapitel *k,
                             const struct vorlage_ausgabe *a)
{
    static const struct docmodel_column cols[] = {
        { "Teilziel", 0.30, DOCMODEL_LEFT }, { "Maßnahme", 0.54, DOCMODEL_LEFT }, { "Terminierung", 0.16, DOCMODEL_LEFT },
    };
    struct docmodel_table *t = NULL;
    int n = 0;
    const struct massnahme *prev = NULL;
    for (int i = 0; i < d->n; i++) {
        const struct massnahme *m = &d->m[i];
        if (!vorlage_handlungsfeld_gilt(k, a, m->handlungsfeld)) continue;
        const char *cells[3] = { m->teilziel, m->text, m->terminierung };
        unsigned repeat = prev && strcmp(prev->teilziel, m->teilziel) == 0 ? 1u : 0u;
        if (!t) {
            docmodel_heading(doc, 2, "Maßnahmen");
            t = docmodel_table(doc, cols, 3);
        }
        docmodel_row(t, cells, repeat, 0);
        prev = m;
        n++;
    }
    if (t) {
        char buf[160];
        snprintf(buf, sizeof buf, "%d %s; Quelle: Integrationskonzept 2024, Anhang 6.", n,
                 n == 1 ? "Maßnahme" : "Maßnahmen");
        docmodel_note(doc, buf);
    }
}

static int indikatoren(struct docmodel_chapter *doc, const struct vorlage_kapitel *k)
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
    docmodel_heading(doc, 2, "Indikatoren");
    docmodel_paragraph(doc, "Das Diagramm zeigt, wie ein Indikator im Bericht erscheint; die Werte sind "
                         "erfunden. Eine Lücke in der Linie ist ein fehlender Wert.");
    docmodel_chart(doc, &c);
    return 0;
}

static void legende(struct docmodel_chapter *doc)
{
    static const struct docmodel_column cols[] = { { "Zeichen", 0.18, DOCMODEL_LEFT }, { "Bedeutung", 0.82, DOCMODEL_LEFT } };
    static const char *const z[][2] = {
        { "–", "nichts vorhanden" }, { ".", "Zahlenwert unbekannt oder geheim zu halten" },
        { "/", "keine Angabe, da Zahlenwert nicht sicher genug" }, { "x", "Tabellenfach gesperrt" },
        { "…", "Angabe fällt später an" }, { "k. A.", "keine Angabe" },
        { "p", "vorläufige Zahl" }, { "r", "berichtigte Zahl" }, { "s", "geschätzte Zahl" },
    };
    docmodel_paragraph(doc, "Zeichen in Tabellen nach DIN 55301 und dem Gebrauch der amtlichen Statistik:");
    struct docmodel_table *t = docmodel_table(doc, cols, 2);
    for (size_t i = 0; i < sizeof z / sizeof *z; i++) docmodel_row(t, z[i], 0, 0);
}

static int fuellen(struct docmodel_chapter *doc, const struct vorlage *v, const struct vorlage_kapitel *k,
                   const struct vorlage_ausgabe *a, void *ctx)
{
    struct demo *d = ctx;
    if (k == &v->kapitel[0] || (a && k == &v->kapitel[a->kapitel[0]])) {
        for (int i = 1; i <= d->abschnitte; i++) {
            char titel[160];
            snprintf(titel, sizeof titel, "Zusätzlicher Abschnitt %d für ein langes Inhaltsverzeichnis (Größenprüfung)", i);
            docmodel_heading(doc, 2, titel);
            docmodel_paragraph(doc, "Dieser Abschnitt füllt das Inhaltsverzeichnis, damit es mehr als eine Seite "
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
    struct docpdf_result erg;
    if (rc == IB_EXIT_OK) {
        struct docmodel *m = docmodel_new();
        if (docmodel_vorlage(m, &v, a, NULL, fuellen, &d) != 0 || docpdf_write(m, regular, fett, argv[i + 1], &erg) != 0)
            rc = IB_EXIT_OUTPUT;
        else
            printf("seiten=%d durchgaenge=%d inhalt_seiten=%d\n", erg.pages, erg.passes, erg.toc_pages);
        docmodel_free(m);
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
