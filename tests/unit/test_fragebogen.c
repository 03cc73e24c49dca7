/*
 * test_fragebogen.c — the questionnaire loader (lib/fragebogen): both
 * shipped configs (counts, scale orders, filters, personal fields, columns)
 * and the checks, with their exact messages, on small hand-written INIs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "lib/fragebogen.h"

static char tmpdir[64];

/* write text to tmpdir/name; returns a static path */
static const char *schreiben(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static const struct frage *frage(const struct fragebogen *fb, const char *code)
{
    int i = fragebogen_frage(fb, code);
    assert_true(i >= 0);
    return &fb->fragen[i];
}

/* ---- the shipped configs ------------------------------------------------------------ */

static void test_wesel_zahlen(void **state)
{
    (void)state;
    struct fragebogen *fb;
    struct fragebogen_fehler f = { 0 };
    int rc = fragebogen_laden("config/befragung/wesel.ini", &fb, &f);
    for (int i = 0; i < f.n; i++) print_message("%s\n", f.texte[i]);
    assert_int_equal(rc, 0);
    assert_int_equal(f.n, 0);
    assert_int_equal(fb->nabschnitte, 6);
    assert_string_equal(fb->abschnitte[0].code, "I");
    assert_string_equal(fb->abschnitte[5].code, "VI");
    /* 36 questions in the seed, VI.9 split into its 4 statements */
    assert_int_equal(fb->nfragen, 39);
    int nopt = 0, ntyp[6] = { 0 };
    for (int i = 0; i < fb->nfragen; i++) {
        nopt += fb->fragen[i].noptionen;
        ntyp[fb->fragen[i].typ]++;
    }
    /* 129 multi options + 41 Likert steps + 4 janein × 2 */
    assert_int_equal(nopt, 178);
    assert_int_equal(ntyp[FRAGE_TEXT], 10);
    assert_int_equal(ntyp[FRAGE_MULTI], 15);
    assert_int_equal(ntyp[FRAGE_LIKERT], 10);
    assert_int_equal(ntyp[FRAGE_JANEIN], 4);
    assert_int_equal(ntyp[FRAGE_SINGLE], 0);
    assert_int_equal(ntyp[FRAGE_ZAHL], 0);
    /* per section */
    int je[6] = { 0 };
    for (int i = 0; i < fb->nfragen; i++) je[fb->fragen[i].abschnitt]++;
    assert_int_equal(je[0], 7);
    assert_int_equal(je[1], 11);
    assert_int_equal(je[2], 2);
    assert_int_equal(je[3], 3);
    assert_int_equal(je[4], 3);
    assert_int_equal(je[5], 13);
    assert_int_equal(frage(fb, "V.1")->noptionen, 26);
    assert_string_equal(fb->id_spalte, "id");
    assert_int_equal(fb->nweitere_spalten, 1);
    assert_string_equal(fb->weitere_spalten[0], "eingang");
    assert_int_equal(fb->nfehlend, 2);
    assert_string_equal(fb->fehlend[1], "-99");
    assert_false(fb->ruecklauf.konfiguriert);
    fragebogen_free(fb);
}

static void test_wesel_skalen(void **state)
{
    (void)state;
    struct fragebogen *fb;
    assert_int_equal(fragebogen_laden("config/befragung/wesel.ini", &fb, NULL), 0);
    /* VI.9: garbled in the seed, complete and ascending in the shipped config */
    static const char *const vi9[] = { "Stimme gar nicht zu", "Stimme ein wenig zu", "Stimme mehr oder weniger zu",
                                       "Stimme weitgehend zu", "Stimme voll zu" };
    for (int item = 1; item <= 4; item++) {
        char code[24];
        snprintf(code, sizeof code, "VI.9.%d", item);
        const struct frage *q = frage(fb, code);
        assert_int_equal(q->typ, FRAGE_LIKERT);
        assert_int_equal(q->noptionen, 5);
        assert_true(q->intervall);
        assert_non_null(q->stamm);
        assert_string_equal(q->stamm, "Bitte kreuzen Sie an, wie stark Sie jeweils diesen Aussagen zustimmen.");
        for (int i = 0; i < 5; i++) {
            assert_string_equal(q->optionen[i].text, vi9[i]);
            char c[16];
            snprintf(c, sizeof c, "%d", i + 1);
            assert_string_equal(q->optionen[i].code, c);
        }
    }
    assert_string_equal(frage(fb, "VI.9.4")->text, "Menschen leben gerne in Wesel.");
    /* VI.1–VI.5: printed descending, shipped ascending; ordinal */
    const struct frage *q = frage(fb, "VI.3");
    assert_int_equal(q->noptionen, 3);
    assert_string_equal(q->optionen[0].text, "trifft nicht zu");
    assert_string_equal(q->optionen[1].text, "trifft zum Teil zu");
    assert_string_equal(q->optionen[2].text, "trifft zu");
    assert_false(q->intervall);
    q = frage(fb, "III.1");
    assert_int_equal(q->noptionen, 6);
    assert_string_equal(q->optionen[0].text, "sehr schlecht");
    assert_string_equal(q->optionen[5].text, "sehr gut");
    assert_true(q->intervall);
    assert_string_equal(q->spalte, "III.1");
    /* the corrected option text */
    assert_string_equal(frage(fb, "II.4.4")->optionen[13].text, "Begleitung von ehrenamtlich Tätigen");
    fragebogen_free(fb);
}

static void test_wesel_filter_personen_spalten(void **state)
{
    (void)state;
    struct fragebogen *fb;
    assert_int_equal(fragebogen_laden("config/befragung/wesel.ini", &fb, NULL), 0);
    /* filters */
    const struct frage *q = frage(fb, "III.2");
    assert_true(q->hat_filter);
    assert_int_equal(q->filter.frage, fragebogen_frage(fb, "III.1"));
    assert_int_equal(q->filter.noptionen, 2);
    assert_int_equal(q->filter.optionen[0], 4);   /* gut */
    assert_int_equal(q->filter.optionen[1], 5);   /* sehr gut */
    assert_string_equal(q->filter.text, "III.1 in gut, sehr gut");
    q = frage(fb, "IV.2a");
    assert_true(q->hat_filter);
    assert_int_equal(q->filter.frage, fragebogen_frage(fb, "IV.2"));
    assert_int_equal(q->filter.noptionen, 1);
    assert_int_equal(q->filter.optionen[0], 0);   /* Ja */
    assert_true(frage(fb, "VI.7")->hat_filter);
    assert_true(frage(fb, "VI.8")->hat_filter);
    int nfilter = 0;
    for (int i = 0; i < fb->nfragen; i++) nfilter += fb->fragen[i].hat_filter;
    assert_int_equal(nfilter, 4);
    /* janein */
    q = frage(fb, "VI.6");
    assert_int_equal(q->typ, FRAGE_JANEIN);
    assert_string_equal(q->optionen[0].text, "Ja");
    assert_string_equal(q->optionen[1].code, "2");
    /* personal: I.1–I.6, not I.7, nothing else */
    assert_true(fb->abschnitte[0].personenbezogen);
    int npers = 0;
    for (int i = 0; i < fb->nfragen; i++) npers += fb->fragen[i].personenbezogen;
    assert_int_equal(npers, 6);
    for (int i = 1; i <= 6; i++) {
        char code[24];
        snprintf(code, sizeof code, "I.%d", i);
        assert_true(frage(fb, code)->personenbezogen);
        assert_int_equal(frage(fb, code)->schwaerzen, i == 4 ? SCHWAERZEN_WOERTER : SCHWAERZEN_GANZ);
    }
    assert_false(frage(fb, "I.7")->personenbezogen);
    assert_int_equal(frage(fb, "VI.10")->schwaerzen, SCHWAERZEN_NEIN);
    /* columns */
    q = frage(fb, "II.2");
    assert_null(q->spalte);
    assert_string_equal(q->optionen[10].spalte, "II.2.11");
    assert_true(q->optionen[10].freitext);
    assert_string_equal(q->optionen[10].freitext_spalte, "II.2.11_text");
    assert_null(q->optionen[9].freitext_spalte);
    assert_string_equal(frage(fb, "II.4.8")->optionen[0].spalte, "II.4.8.1");
    assert_string_equal(frage(fb, "IV.2a")->spalte, "IV.2a");
    /* lookups */
    assert_int_equal(fragebogen_frage(fb, "iv.2A"), fragebogen_frage(fb, "IV.2a"));
    assert_int_equal(fragebogen_frage(fb, "VII.1"), -1);
    assert_int_equal(frage_option_index(frage(fb, "III.1"), " Sehr Gut "), 5);
    assert_int_equal(frage_option_index(frage(fb, "III.1"), "2"), 1);
    assert_int_equal(frage_option_index(frage(fb, "III.1"), "mittel"), -1);
    fragebogen_free(fb);
}

static void test_wesermarsch(void **state)
{
    (void)state;
    struct fragebogen *fb;
    assert_int_equal(fragebogen_laden("config/befragung/wesermarsch_verwaltung.ini", &fb, NULL), 0);
    assert_int_equal(fb->nabschnitte, 1);
    assert_string_equal(fb->abschnitte[0].code, "A2");
    assert_int_equal(fb->nfragen, 5);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(fb->fragen[i].typ, FRAGE_TEXT);
        assert_int_equal(fb->fragen[i].noptionen, 0);
        assert_false(fb->fragen[i].personenbezogen);
    }
    /* a text with ';' survives iniparser because the converter quoted it */
    assert_string_equal(frage(fb, "A2.4")->text,
                        "Welche Maßnahmen ergreifen Sie darüber hinaus, um Ihren Fachdienst interkulturell zu "
                        "öffnen (Personalmanagement; interkulturelle Fortbildungen, Schulungen, Trainings, "
                        "Abbau von Diskriminierung, etc.)?");
    assert_true(fb->ruecklauf.konfiguriert);
    assert_int_equal(fb->ruecklauf.befragt_anzahl, 17);
    assert_int_equal(fb->ruecklauf.nbefragt, 0);
    assert_string_equal(fb->ruecklauf.spalte, "Fachdienst");
    assert_string_equal(fb->ruecklauf.einheit, "Fachdiensten");
    assert_int_equal(fb->ruecklauf.nfehlanzeige, 2);
    assert_string_equal(fb->ruecklauf.fehlanzeige[1], "entfällt");
    assert_string_equal(fb->id_spalte, "Fachdienst");
    fragebogen_free(fb);
}

/* ---- checks and their messages ------------------------------------------------------ */

/* load text as t.ini; expect failure with exactly the messages given (NULL-terminated) */
static void erwarte_fehler(const char *text, ...)
{
    const char *path = schreiben("t.ini", text);
    struct fragebogen *fb = (struct fragebogen *)1;
    struct fragebogen_fehler f = { 0 };
    int rc = fragebogen_laden(path, &fb, &f);
    va_list ap;
    va_start(ap, text);
    int i = 0;
    const char *m;
    char erwartet[1200];
    while ((m = va_arg(ap, const char *)) != NULL) {
        snprintf(erwartet, sizeof erwartet, "%s%s", path, m);
        if (i >= f.n) fail_msg("Meldung fehlt: %s", erwartet);
        assert_string_equal(f.texte[i], erwartet);
        i++;
    }
    va_end(ap);
    for (int k = i; k < f.n; k++) print_message("überzählige Meldung: %s\n", f.texte[k]);
    assert_int_equal(f.n, i);
    assert_int_equal(rc, -1);
    assert_null(fb);
    fragebogen_fehler_free(&f);
}

#define KOPF "[fragebogen]\nabschnitte = A\n\n[abschnitt A]\nfragen = A.1, A.2\n\n"

static void test_fehler_typ(void **state)
{
    (void)state;
    erwarte_fehler(KOPF
                   "[frage A.1]\ntyp = single\ntext = Eins\noption1 = ja\noption2 = nein\n\n"
                   "[frage A.2]\ntyp = dropdown\ntext = Zwei\noption1 = x\n",
                   ", Zeile 14: [frage A.2] typ: unbekannter Fragetyp „dropdown“ (erlaubt: text, single, multi, "
                   "likert, janein, zahl)",
                   NULL);
}

static void test_fehler_filter(void **state)
{
    (void)state;
    /* unknown question */
    erwarte_fehler(KOPF
                   "[frage A.1]\ntyp = likert\ntext = Eins\noption1 = schlecht\noption2 = gut\n\n"
                   "[frage A.2]\ntyp = text\ntext = Zwei\nfilter = A.9 in gut\n",
                   ", Zeile 16: [frage A.2] filter: Frage „A.9“ gibt es nicht", NULL);
    /* unknown option (texts are compared case-insensitively, codes exactly) */
    erwarte_fehler(KOPF
                   "[frage A.1]\ntyp = likert\ntext = Eins\noption1 = schlecht\noption2 = gut\n\n"
                   "[frage A.2]\ntyp = text\ntext = Zwei\nfilter = A.1 in GUT, mittel, 3\n",
                   ", Zeile 16: [frage A.2] filter: Frage A.1 hat keine Option „mittel“",
                   ", Zeile 16: [frage A.2] filter: Frage A.1 hat keine Option „3“", NULL);
    /* a later question, a text question, no „in“ */
    erwarte_fehler(KOPF
                   "[frage A.1]\ntyp = janein\ntext = Eins\nfilter = A.2 in x\n\n"
                   "[frage A.2]\ntyp = text\ntext = Zwei\nfilter = A.1 ist Ja\n",
                   ", Zeile 10: [frage A.1] filter: Filterfrage A.2 steht nicht vor Frage A.1",
                   ", Zeile 15: [frage A.2] filter: „A.1 ist Ja“: erwartet „FRAGE in OPTION, OPTION, …“", NULL);
    /* a personal filter question would let its answers be counted through the filter base */
    erwarte_fehler("[fragebogen]\nabschnitte = A\n\n[abschnitt A]\npersonenbezogen = ja\nfragen = A.1, A.2\n\n"
                   "[frage A.1]\ntyp = janein\ntext = Eins\n\n"
                   "[frage A.2]\ntyp = text\ntext = Zwei\npersonenbezogen = nein\nfilter = A.1 in Ja\n",
                   ", Zeile 16: [frage A.2] filter: Filterfrage A.1 ist personenbezogen (ihre Antworten ließen sich "
                   "über die Zahl der Gefragten auszählen)", NULL);
    erwarte_fehler(KOPF
                   "[frage A.1]\ntyp = text\ntext = Eins\n\n"
                   "[frage A.2]\ntyp = text\ntext = Zwei\nfilter = A.1 in Ja\n",
                   ", Zeile 14: [frage A.2] filter: Filterfrage A.1 hat den Typ text (erlaubt: single, multi, "
                   "likert, janein)", NULL);
}

static void test_fehler_doppelt(void **state)
{
    (void)state;
    /* the same code twice in the lists (case-insensitive: iniparser lowercases sections) */
    erwarte_fehler("[fragebogen]\nabschnitte = A, B\n\n[abschnitt A]\nfragen = A.1\n\n"
                   "[abschnitt B]\nfragen = a.1\n\n[frage A.1]\ntyp = text\ntext = Eins\n",
                   ", Zeile 8: [abschnitt B] fragen: Frage „a.1“ doppelt (Abschnitt A)", NULL);
    /* a section twice, a key twice */
    erwarte_fehler(KOPF
                   "[frage A.1]\ntyp = text\ntext = Eins\n\n"
                   "[frage A.2]\ntyp = text\ntext = Zwei\ntext = Drei\n\n"
                   "[Frage A.1]\ntyp = text\n",
                   ", Zeile 14: [frage A.2] text: Schlüssel doppelt (zuerst Zeile 13)",
                   ", Zeile 16: [Frage A.1]: Abschnitt doppelt (zuerst Zeile 7)",
                   ", Zeile 17: [Frage A.1] typ: Schlüssel doppelt (zuerst Zeile 8)", NULL);
    /* duplicate option text, duplicate column: question A.1.1 vs option 1 of multi A.1 */
    erwarte_fehler("[fragebogen]\nabschnitte = A\n\n[abschnitt A]\nfragen = A.1, A.1.1\n\n"
                   "[frage A.1]\ntyp = multi\ntext = Eins\noption1 = rot\noption2 = Rot\n\n"
                   "[frage A.1.1]\ntyp = text\ntext = Zwei\n",
                   ", Zeile 11: [frage A.1] option2: Optionstext „Rot“ doppelt (auch option1)",
                   ", Zeile 13: [frage A.1.1]: Spalte „A.1.1“ gibt es schon (Frage A.1, Option 1)", NULL);
    /* duplicate Rücklauf names */
    erwarte_fehler("[fragebogen]\nabschnitte = A\n\n[abschnitt A]\nfragen = A.1\n\n"
                   "[frage A.1]\ntyp = text\ntext = Eins\n\n"
                   "[ruecklauf]\nbefragt1 = FD Jugend, Familie\nbefragt2 = fd jugend, familie\nbefragt_anzahl = 3\n",
                   ", Zeile 13: [ruecklauf] befragt2: „fd jugend, familie“ doppelt",
                   ", Zeile 14: [ruecklauf] befragt_anzahl: 3, aber 2 Namen in befragt1 …", NULL);
}

static void test_fehler_schluessel(void **state)
{
    (void)state;
    erwarte_fehler(KOPF
                   "[frage A.1]\ntyp = multi\ntext = Eins\nopton1 = rot\noption2 = grün\nfreitext = 3\n"
                   "intervall = vielleicht\n\n"
                   "[frage A.2]\ntyp = likert\ntext = Zwei\noption1 = nur eine Stufe\n\n"
                   "[frage A.3]\ntyp = text\ntext = Drei\n\n[extra]\nx = 1\n",
                   ", Zeile 10: [frage A.1] opton1: unbekannter Schlüssel",
                   ", Zeile 12: [frage A.1] freitext: Option „3“ gibt es nicht",
                   ", Zeile 13: [frage A.1] intervall: „vielleicht“ ist weder ja noch nein",
                   ", Zeile 13: [frage A.1] intervall: nur bei likert",
                   ", Zeile 15: [frage A.2]: Fragetyp likert braucht mindestens 2 Skalenstufen (option1, option2, …)",
                   ", Zeile 20: [frage A.3]: steht in keiner Fragenliste (fragen = … eines Abschnitts)",
                   ", Zeile 24: [extra]: unbekannter Abschnitt", NULL);
    /* listed question without section, options on a text question, schwaerzen on a non-personal one */
    erwarte_fehler(KOPF
                   "[frage A.1]\ntyp = text\ntext = Eins\noption1 = x\nschwaerzen = ganz\n",
                   ", Zeile 10: [frage A.1] option1: Fragetyp text hat keine Optionen",
                   ", Zeile 11: [frage A.1] schwaerzen: nur bei personenbezogenen Textfragen",
                   ", Zeile 5: [abschnitt A] fragen: Frage „A.2“ hat keinen Abschnitt [frage A.2]", NULL);
}

static void test_fehler_datei(void **state)
{
    (void)state;
    struct fragebogen *fb;
    struct fragebogen_fehler f = { 0 };
    char path[128];
    snprintf(path, sizeof path, "%s/gibt-es-nicht.ini", tmpdir);
    assert_int_equal(fragebogen_laden(path, &fb, &f), -1);
    assert_null(fb);
    assert_int_equal(f.n, 1);
    char erwartet[300];
    snprintf(erwartet, sizeof erwartet, "%s kann nicht gelesen werden: Datei oder Ordner fehlt", path);
    assert_string_equal(f.texte[0], erwartet);
    fragebogen_fehler_free(&f);
    /* a syntax error as iniparser reports it, in German with file and line */
    const char *p = schreiben("syntax.ini", "[fragebogen]\nabschnitte = A\ndas ist kein Schlüssel\n");
    assert_int_equal(fragebogen_laden(p, &fb, &f), -1);
    assert_int_equal(f.n, 1);
    snprintf(erwartet, sizeof erwartet, "%s, Zeile 3: „das ist kein Schlüssel“ ist weder [Abschnitt] noch Schlüssel = Wert"
             " (Kommentare beginnen mit ;)", p);
    assert_string_equal(f.texte[0], erwartet);
    fragebogen_fehler_free(&f);
}

/* a valid hand-made questionnaire with the types the shipped ones do not use */
static void test_zahl_und_single(void **state)
{
    (void)state;
    const char *p = schreiben("ok.ini", KOPF
                              "[frage A.1]\ntyp = single\ntext = Rechtsform\noption1 = Verein\noption2 = GmbH\n"
                              "option9 = Sonstige\nfreitext = 9\n\n"
                              "[frage A.2]\ntyp = zahl\ntext = Beschäftigte\nmin = 0\nmax = 1.000\nganzzahlig = ja\n"
                              "filter = A.1 in Verein, 2\n\n"
                              "[ruecklauf]\nbefragt1 = Amt 1\nbefragt2 = Amt 2, Abteilung 3\n");
    struct fragebogen *fb;
    assert_int_equal(fragebogen_laden(p, &fb, NULL), 0);
    const struct frage *q = frage(fb, "A.1");
    assert_int_equal(q->noptionen, 3);
    assert_string_equal(q->optionen[2].code, "9");
    assert_string_equal(q->optionen[2].freitext_spalte, "A.1.9_text");
    q = frage(fb, "A.2");
    assert_int_equal(q->typ, FRAGE_ZAHL);
    assert_true(q->hat_min && q->hat_max && q->ganzzahlig);
    assert_true(q->min == 0.0 && q->max == 1000.0);
    assert_int_equal(q->filter.noptionen, 2);
    assert_int_equal(fb->ruecklauf.nbefragt, 2);
    assert_int_equal(fb->ruecklauf.befragt_anzahl, 2);
    assert_string_equal(fb->ruecklauf.befragt[1], "Amt 2, Abteilung 3");
    assert_string_equal(fb->ruecklauf.einheit, "Befragten");
    assert_string_equal(fb->ruecklauf.fehlanzeige[0], "Fehlanzeige");
    assert_null(fb->ruecklauf.spalte);
    fragebogen_free(fb);
}

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/fragebogen-XXXXXX", t && *t && strlen(t) < 40 ? t : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    static const char *const namen[] = { "t.ini", "syntax.ini", "ok.ini" };
    char path[128];
    for (size_t i = 0; i < sizeof namen / sizeof *namen; i++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, namen[i]);
        unlink(path);
    }
    return rmdir(tmpdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wesel_zahlen),
        cmocka_unit_test(test_wesel_skalen),
        cmocka_unit_test(test_wesel_filter_personen_spalten),
        cmocka_unit_test(test_wesermarsch),
        cmocka_unit_test(test_fehler_typ),
        cmocka_unit_test(test_fehler_filter),
        cmocka_unit_test(test_fehler_doppelt),
        cmocka_unit_test(test_fehler_schluessel),
        cmocka_unit_test(test_fehler_datei),
        cmocka_unit_test(test_zahl_und_single),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
