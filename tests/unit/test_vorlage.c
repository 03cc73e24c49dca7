/*
 * test_vorlage.c — unit tests of the document templates (vorlage.h): the
 * shipped templates (chapters, editions, prose blocks), the prose markup,
 * and every template error with its exact German message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "lib/diag.h"
#include "lib/vorlage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---------------------------------------------------------------- helpers */

static int saved_stderr = -1;
static FILE *captured;

/* Send stderr into a temporary file until capture_end. */
static void capture_begin(void)
{
    fflush(stderr);
    captured = tmpfile();
    assert_non_null(captured);
    saved_stderr = dup(2);
    dup2(fileno(captured), 2);
}

/* Restore stderr; returns what was written (free it). */
static char *capture_end(void)
{
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    long n = ftell(captured);
    char *buf = calloc(1, (size_t)n + 1);
    rewind(captured);
    assert_int_equal(fread(buf, 1, (size_t)n, captured), (size_t)n);
    fclose(captured);
    return buf;
}

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/test_vorlage-XXXXXX");
    assert_non_null(mkdtemp(dir));
    diag_set_program("ibericht");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* Load INI text written to dir/bericht.ini; expect failure and exactly `expected` on stderr. */
static void expect_ini_error(const char *ini, const char *expected)
{
    write_file("bericht.ini", ini);
    char path[256];
    snprintf(path, sizeof path, "%s/bericht.ini", dir);
    struct vorlage v;
    capture_begin();
    int rc = vorlage_load(path, &v);
    char *out = capture_end();
    char *want = malloc(strlen(expected) + 3 * strlen(dir) + 1);
    /* "@" in expected stands for the scratch directory */
    char *w = want;
    for (const char *e = expected; *e; e++) {
        if (*e == '@') { strcpy(w, dir); w += strlen(dir); }
        else *w++ = *e;
    }
    *w = '\0';
    assert_int_equal(rc, -1);
    assert_string_equal(out, want);
    assert_null(v.kapitel);
    free(want);
    free(out);
}

static const char *const KOPF = "[bericht]\ntitel = T\nkommune = K\n";

/* ---------------------------------------------------------------- shipped templates */

static void test_wesermarsch(void **state)
{
    (void)state;
    struct vorlage v;
    assert_int_equal(vorlage_load("templates/wesermarsch/bericht.ini", &v), 0);
    assert_string_equal(v.titel, "Integrationsbericht 2024");
    assert_string_equal(v.kommune, "Landkreis Wesermarsch");
    assert_string_equal(v.autor, "Landkreis Wesermarsch");           /* defaults to kommune */
    assert_int_equal(v.n_kapitel, 15);              /* 10 chapters + Umsetzung, Eingang + 3 appendices */
    int anhang = 0, quer = 0, massnahmen = 0;
    for (int i = 0; i < v.n_kapitel; i++) {
        anhang += v.kapitel[i].anhang;
        quer += v.kapitel[i].quer;
        massnahmen += v.kapitel[i].art == VORLAGE_ART_MASSNAHMEN;
        if (i > 0) assert_true(v.kapitel[i].anhang >= v.kapitel[i - 1].anhang);   /* chapters first */
    }
    assert_int_equal(anhang, 3);
    assert_int_equal(quer, 1);
    assert_int_equal(massnahmen, 8);
    assert_string_equal(v.kapitel[0].id, "einleitung");
    assert_string_equal(v.kapitel[3].titel, "Partizipation durch Sprache, Bildung und Beruf");
    assert_string_equal(v.kapitel[3].handlungsfelder[0], "Partizipation durch Sprache, Bildung, Beruf");
    assert_string_equal(v.kapitel[10].id, "umsetzung");
    assert_int_equal(v.kapitel[10].art, VORLAGE_ART_STATUSBERICHTE);
    assert_int_equal(v.kapitel[11].art, VORLAGE_ART_EINGANG);
    assert_string_equal(v.kapitel[12].id, "chronologisch");
    assert_true(v.kapitel[12].quer && v.kapitel[12].anhang);
    assert_int_equal(v.kapitel[9].n_indikatoren, 2);
    assert_string_equal(v.kapitel[9].indikatoren[1], "2-3-1");

    /* prose: the introduction has 11 blocks of all kinds */
    const struct vorlage_prosa *p = v.kapitel[0].prosa[VORLAGE_TEXT];
    assert_non_null(p);
    assert_int_equal(p->anzahl, 11);
    static const enum vorlage_block_art arten[11] = {
        VORLAGE_ABSATZ, VORLAGE_ABSCHNITT, VORLAGE_ABSATZ, VORLAGE_HERVORHEBUNG, VORLAGE_ABSCHNITT,
        VORLAGE_ABSATZ, VORLAGE_PUNKT, VORLAGE_PUNKT, VORLAGE_PUNKT, VORLAGE_ZWISCHENTITEL, VORLAGE_ABSATZ,
    };
    for (int i = 0; i < 11; i++) assert_int_equal(p->bloecke[i].art, arten[i]);
    assert_string_equal(p->bloecke[1].text, "Ausgangslage");
    assert_string_equal(p->bloecke[3].text, "Integration ist eine Querschnittsaufgabe: Sie betrifft alle "
                        "Fachdienste der Kreisverwaltung, die Städte und Gemeinden, die Träger und das Ehrenamt.");
    assert_int_equal(p->bloecke[0].zeile, 4);
    assert_non_null(strstr(p->bloecke[0].text, "**Integrationskonzept 2024**"));

    /* the Teilziele of Gesundheit: two sub-headings, 9 bullets */
    p = v.kapitel[5].prosa[VORLAGE_ZIELE];
    assert_non_null(p);
    int punkte = 0, zwischen = 0;
    for (int i = 0; i < p->anzahl; i++) {
        punkte += p->bloecke[i].art == VORLAGE_PUNKT;
        zwischen += p->bloecke[i].art == VORLAGE_ZWISCHENTITEL;
    }
    assert_int_equal(punkte, 9);
    assert_int_equal(zwischen, 2);

    /* two committee editions */
    assert_int_equal(v.n_ausgaben, 2);
    const struct vorlage_ausgabe *s = vorlage_ausgabe_find(&v, "soziales");
    const struct vorlage_ausgabe *j = vorlage_ausgabe_find(&v, "jugendhilfe");
    assert_non_null(s);
    assert_non_null(j);
    assert_null(vorlage_ausgabe_find(&v, "haushalt"));
    assert_string_equal(s->gremium, "Ausschuss für Soziales, Gesundheit und Integration");
    assert_string_equal(j->gremium, "Jugendhilfeausschuss");
    assert_int_equal(s->n_kapitel, 10);
    assert_int_equal(j->n_kapitel, 6);
    assert_int_equal(s->n_handlungsfelder, 5);
    for (int i = 1; i < s->n_kapitel; i++) assert_true(s->kapitel[i] > s->kapitel[i - 1]);
    assert_true(vorlage_kapitel_in(j, 4));          /* kinder_jugendliche */
    assert_false(vorlage_kapitel_in(j, 2));         /* oeffnung */
    assert_true(vorlage_kapitel_in(NULL, 2));

    /* which Handlungsfelder a chapter shows in an edition */
    const struct vorlage_kapitel *chrono = &v.kapitel[10], *ges = &v.kapitel[5];
    assert_true(vorlage_handlungsfeld_gilt(ges, s, "Gesundheit/Psychosoziale Versorgung"));
    assert_false(vorlage_handlungsfeld_gilt(ges, s, "Gesundheitswesen"));
    assert_false(vorlage_handlungsfeld_gilt(ges, NULL, "Interkulturelle Öffnung"));
    assert_true(vorlage_handlungsfeld_gilt(chrono, NULL, "Zugewanderte Kinder und Jugendliche"));
    assert_false(vorlage_handlungsfeld_gilt(chrono, s, "Zugewanderte Kinder und Jugendliche"));
    assert_true(vorlage_handlungsfeld_gilt(chrono, j, "Partizipation durch Sprache, Bildung, Beruf/Bildung"));
    vorlage_free(&v);
}

static void test_wolfsburg(void **state)
{
    (void)state;
    struct vorlage v;
    assert_int_equal(vorlage_load("templates/wolfsburg/bericht.ini", &v), 0);
    assert_int_equal(v.n_kapitel, 6);
    assert_int_equal(v.n_ausgaben, 0);
    int leitsaetze = 0;
    for (int i = 0; i < v.n_kapitel; i++) leitsaetze += v.kapitel[i].prosa[VORLAGE_LEITSATZ] != NULL;
    assert_int_equal(leitsaetze, 4);
    const struct vorlage_prosa *l = v.kapitel[1].prosa[VORLAGE_LEITSATZ];
    assert_int_equal(l->anzahl, 1);
    assert_true(strncmp(l->bloecke[0].text, "Wir wollen den vielfältigen Herausforderungen", 45) == 0);
    const struct vorlage_prosa *z = v.kapitel[0].prosa[VORLAGE_TEXT];
    assert_int_equal(z->anzahl, 15);                 /* a paragraph and the 14 goals */
    assert_true(strncmp(z->bloecke[14].text, "**Ziel 14:** Die Kommunikation", 30) == 0);
    vorlage_free(&v);
}

/* ---------------------------------------------------------------- prose markup */

static void test_prosa(void **state)
{
    (void)state;
    static const char text[] =
        "\xEF\xBB\xBF% comment\n"
        "Erste Zeile\n"
        "  zweite Zeile  \r\n"
        "\n"
        "# Abschnitt\n"
        "## Zwischentitel\n"
        "- Punkt eins\n"
        "  geht weiter\n"
        "-\tPunkt zwei mit **fett**\n"
        "> Hervor\n"
        ">gehoben\n"
        "Absatz nach Punkt? nein: gehört zur Hervorhebung\n"
        "\n\n"
        "Letzter Absatz";
    struct vorlage_prosa p;
    assert_int_equal(vorlage_prosa_parse("x.txt", text, sizeof text - 1, &p), 0);
    assert_int_equal(p.anzahl, 7);
    assert_int_equal(p.bloecke[0].art, VORLAGE_ABSATZ);
    assert_string_equal(p.bloecke[0].text, "Erste Zeile zweite Zeile");
    assert_int_equal(p.bloecke[0].zeile, 2);
    assert_int_equal(p.bloecke[1].art, VORLAGE_ABSCHNITT);
    assert_string_equal(p.bloecke[1].text, "Abschnitt");
    assert_int_equal(p.bloecke[2].art, VORLAGE_ZWISCHENTITEL);
    assert_int_equal(p.bloecke[3].art, VORLAGE_PUNKT);
    assert_string_equal(p.bloecke[3].text, "Punkt eins geht weiter");
    assert_string_equal(p.bloecke[4].text, "Punkt zwei mit **fett**");
    assert_int_equal(p.bloecke[5].art, VORLAGE_HERVORHEBUNG);
    assert_string_equal(p.bloecke[5].text, "Hervor gehoben Absatz nach Punkt? nein: gehört zur Hervorhebung");
    assert_int_equal(p.bloecke[6].zeile, 15);
    assert_string_equal(p.datei, "x.txt");
    vorlage_prosa_free(&p);

    assert_int_equal(vorlage_prosa_parse("leer.txt", "", 0, &p), 0);
    assert_int_equal(p.anzahl, 0);
    vorlage_prosa_free(&p);
}

static void test_prosa_fehler(void **state)
{
    (void)state;
    static const char text[] =
        "Gut\n"
        "#\n"
        "### Zu tief\n"
        "#Ohne Leerzeichen\n"
        "- \n"
        "Kaputt \xC3\x28 hier\n"
        "Steuer\x01zeichen\n"
        "\n"
        "Ein **offener\n"
        "Absatz\n"
        ">\n";
    struct vorlage_prosa p;
    capture_begin();
    int rc = vorlage_prosa_parse("t/ziele.txt", text, sizeof text - 1, &p);
    char *out = capture_end();
    assert_int_equal(rc, -1);
    assert_string_equal(out,
        "ibericht: Fehler: t/ziele.txt, Zeile 2: Überschrift ohne Text\n"
        "ibericht: Fehler: t/ziele.txt, Zeile 3: nur „#“ und „##“ sind Überschriften, nicht „###“\n"
        "ibericht: Fehler: t/ziele.txt, Zeile 4: nach „#“ fehlt ein Leerzeichen\n"
        "ibericht: Fehler: t/ziele.txt, Zeile 5: Aufzählungspunkt ohne Text\n"
        "ibericht: Fehler: t/ziele.txt, Zeile 6: kein gültiges UTF-8 (Byte 0xC3 an Stelle 8 der Zeile)\n"
        "ibericht: Fehler: t/ziele.txt, Zeile 7: Steuerzeichen 0x01 an Stelle 7 der Zeile\n"
        "ibericht: Fehler: t/ziele.txt, Zeile 9: „**“ ohne schließendes „**“ (Fettdruck bis zum Ende des Absatzes)\n"
        "ibericht: Fehler: t/ziele.txt, Zeile 11: Hervorhebung ohne Text\n");
    assert_null(p.bloecke);
    free(out);
}

static void test_prosa_datei(void **state)
{
    (void)state;
    struct vorlage_prosa p;
    capture_begin();
    int rc = vorlage_prosa_load("/nonexistent/x.txt", &p);
    char *out = capture_end();
    assert_int_equal(rc, -1);
    assert_string_equal(out, "ibericht: Fehler: /nonexistent/x.txt kann nicht gelesen werden: Datei oder Ordner fehlt\n");
    free(out);
}

/* ---------------------------------------------------------------- INI errors */

static void test_ini_fehler(void **state)
{
    (void)state;
    char ini[2048];

    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = A\nart = roman\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [kapitel:a], Schlüssel „art“: "
                          "unbekannte Art „roman“ (erlaubt: text, massnahmen, indikatoren, befragung, "
                          "eingang, statusberichte, legende, quellen)\n");

    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = A\nart = text\nfarbe = blau\n", KOPF);
    /* KOPF has 3 lines: farbe is on line 7 */
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Zeile 7, Abschnitt [kapitel:a], Schlüssel „farbe“: "
                          "unbekannter Schlüssel (erlaubt: titel, art, leitsatz, beschreibung, leitgrundsaetze, "
                          "ziele, text, handlungsfelder, indikatoren, quer)\n");

    /* a typo: the nearest key is suggested; the line as written (blanks, capitals) */
    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = A\nart = text\n\n  Leitsaz  = l.txt\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Zeile 8, Abschnitt [kapitel:a], Schlüssel „leitsaz“: "
                          "unbekannter Schlüssel — gemeint: leitsatz? (erlaubt: titel, art, leitsatz, beschreibung, "
                          "leitgrundsaetze, ziele, text, handlungsfelder, indikatoren, quer)\n");
    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = A\nart = text\n[kaptel:b]\ntitel = B\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Zeile 7, Abschnitt [kaptel:b]: unbekannter Abschnitt "
                          "— gemeint: [kapitel:b]? (erlaubt: [bericht], [kapitel:ID], [anhang:ID], [ausgabe:ID])\n");

    snprintf(ini, sizeof ini, "%s[kapitel:a]\nart = text\nquer = vielleicht\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [kapitel:a], Schlüssel „titel“: fehlt oder ist leer\n"
                          "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [kapitel:a], Schlüssel „quer“: "
                          "„vielleicht“ ist weder ja noch nein\n");

    expect_ini_error("[bericht]\ntitel = T\n[kapitel:a]\ntitel = A\nart = text\n[anlage:b]\ntitel = B\n",
                     "ibericht: Fehler: Vorlage @/bericht.ini, Zeile 6, Abschnitt [anlage:b]: unbekannter Abschnitt "
                     "(erlaubt: [bericht], [kapitel:ID], [anhang:ID], [ausgabe:ID])\n"
                     "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [bericht], Schlüssel „kommune“: fehlt oder ist leer\n");

    expect_ini_error("[kapitel:a]\ntitel = A\nart = text\n",
                     "ibericht: Fehler: Vorlage @/bericht.ini: Abschnitt [bericht] fehlt\n");

    expect_ini_error(KOPF, "ibericht: Fehler: Vorlage @/bericht.ini: kein Kapitel ([kapitel:ID])\n");

    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = A\nart = text\ntext = fehlt.txt\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [kapitel:a], Schlüssel „text“: "
                          "Datei @/fehlt.txt kann nicht gelesen werden: Datei oder Ordner fehlt\n");

    write_file("kaputt.txt", "Gut\n\n## \n");
    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = A\nart = text\nleitsatz = kaputt.txt\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: @/kaputt.txt, Zeile 3: Überschrift ohne Text\n");

    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = A\nart = text\nhandlungsfelder = Gesundheit | Bildung\n"
             "[ausgabe:x]\ntitel = X\ngremium = Rat\nkapitel = a, b, a\nhandlungsfelder = Sport\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [ausgabe:x], Schlüssel „kapitel“: "
                          "unbekanntes Kapitel „b“ (kein [kapitel:b] oder [anhang:b])\n"
                          "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [ausgabe:x], Schlüssel „kapitel“: "
                          "Kapitel „a“ doppelt genannt\n"
                          "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [ausgabe:x], Schlüssel „handlungsfelder“: "
                          "Handlungsfeld „Sport“ steht in keinem Kapitel\n");

    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = A\nart = text\n[ausgabe:x]\ntitel = X\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [ausgabe:x], Schlüssel „gremium“: fehlt oder ist leer\n"
                          "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [ausgabe:x], Schlüssel „kapitel“: fehlt oder ist leer\n");

    snprintf(ini, sizeof ini, "%slogo = wappen.png\n[kapitel:a]\ntitel = A\nart = text\n[anhang:a]\ntitel = B\nart = quellen\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [bericht], Schlüssel „logo“: "
                          "Datei @/wappen.png kann nicht gelesen werden: Datei oder Ordner fehlt\n"
                          "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [anhang:a]: die Kennung „a“ hat schon ein anderes Kapitel\n");

    snprintf(ini, sizeof ini, "%sstand = 31.13.2024\n[kapitel:a]\ntitel = A\nart = text\n", KOPF);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Abschnitt [bericht], Schlüssel „stand“: "
                          "„31.13.2024“ ist kein Datum (TT.MM.JJJJ)\n");

    /* a line longer than iniparser's 1024 bytes */
    char lang[1400];
    memset(lang, 'x', sizeof lang);
    lang[sizeof lang - 1] = '\0';
    snprintf(ini, sizeof ini, "%s[kapitel:a]\ntitel = %s\nart = text\n", KOPF, lang);
    expect_ini_error(ini, "ibericht: Fehler: Vorlage @/bericht.ini, Zeile 5: Zeile zu lang (höchstens 1024 Bytes)\n"
                          "ibericht: Fehler: Vorlage @/bericht.ini ist fehlerhaft (siehe Meldung oben)\n");

    struct vorlage v;
    capture_begin();
    int rc = vorlage_load("/nonexistent/bericht.ini", &v);
    char *out = capture_end();
    assert_int_equal(rc, -1);
    assert_string_equal(out, "ibericht: Fehler: Vorlage /nonexistent/bericht.ini kann nicht gelesen werden: "
                             "Datei oder Ordner fehlt\n");
    free(out);
}

static void test_ini_gut(void **state)
{
    (void)state;
    write_file("t.txt", "Text\n");
    char ini[1024];
    snprintf(ini, sizeof ini, "%spdfa = ja\nstand = 2024-12-31\n[anhang:z]\ntitel = Z\nart = legende\n[kapitel:a]\ntitel = \"A; B\"\n"
             "art = text\ntext = t.txt\nquer = nein\n", KOPF);
    write_file("bericht.ini", ini);
    char path[256];
    snprintf(path, sizeof path, "%s/bericht.ini", dir);
    struct vorlage v;
    assert_int_equal(vorlage_load(path, &v), 0);
    assert_int_equal(v.n_kapitel, 2);
    assert_string_equal(v.kapitel[0].titel, "A; B");            /* quoted: ';' kept */
    assert_string_equal(v.kapitel[1].id, "z");                  /* appendices after chapters */
    assert_int_equal(v.kapitel[1].art, VORLAGE_ART_LEGENDE);
    assert_true(v.pdfa);
    assert_string_equal(v.kurztitel, "T");
    assert_string_equal(v.stand, "31.12.2024");                 /* ISO in the file, printed German */
    assert_int_equal(v.kapitel[0].prosa[VORLAGE_TEXT]->anzahl, 1);
    assert_int_equal(v.kapitel[0].n_handlungsfelder, 0);
    assert_true(vorlage_handlungsfeld_gilt(&v.kapitel[0], NULL, "irgendeins"));
    assert_string_equal(vorlage_art_name(VORLAGE_ART_STATUSBERICHTE), "statusberichte");
    assert_string_equal(vorlage_teil_schluessel(VORLAGE_LEITGRUNDSAETZE), "leitgrundsaetze");
    vorlage_free(&v);
}

/* a chapter's Handlungsfeld that matches no data: a warning with file, line and the nearest name */
static void test_handlungsfelder_ohne_daten(void **state)
{
    (void)state;
    char ini[1024], path[256];
    snprintf(ini, sizeof ini, "%s[kapitel:m]\ntitel = M\nart = massnahmen\n"
             "handlungsfelder = Gesundheit | Sprahce | Wohnen\n[kapitel:i]\ntitel = I\nart = indikatoren\n"
             "handlungsfelder = Wohnen\n", KOPF);
    write_file("bericht.ini", ini);
    snprintf(path, sizeof path, "%s/bericht.ini", dir);
    struct vorlage v;
    assert_int_equal(vorlage_load(path, &v), 0);
    /* Gesundheit matches „Gesundheit/Pflege“ (Oberfeld), Sprahce is a typo of Sprache, Wohnen is nowhere */
    const char *const daten[] = { "Gesundheit/Pflege", "Sprache", "Arbeit", NULL };
    capture_begin();
    int n = vorlage_handlungsfelder_pruefen(&v, VORLAGE_ART_MASSNAHMEN, daten, 3, "keine Maßnahme");
    int leer = vorlage_handlungsfelder_pruefen(&v, VORLAGE_ART_INDIKATOREN, daten, 0, "nicht im Katalog");
    char *out = capture_end();
    char want[2048];
    snprintf(want, sizeof want,
             "ibericht: Warnung: Vorlage %s, Zeile 7, Abschnitt [kapitel:m], Schlüssel „handlungsfelder“: Handlungsfeld "
             "„Sprahce“ passt zu keinem Handlungsfeld der Daten (keine Maßnahme): das Kapitel zeigt dazu nichts"
             " — gemeint: „Sprache“?\n"
             "ibericht: Warnung: Vorlage %s, Zeile 7, Abschnitt [kapitel:m], Schlüssel „handlungsfelder“: Handlungsfeld "
             "„Wohnen“ passt zu keinem Handlungsfeld der Daten (keine Maßnahme): das Kapitel zeigt dazu nichts\n",
             path, path);
    assert_int_equal(n, 2);
    assert_int_equal(leer, 0);           /* no data of that kind: nothing to compare with */
    assert_string_equal(out, want);
    free(out);
    vorlage_free(&v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wesermarsch),
        cmocka_unit_test(test_wolfsburg),
        cmocka_unit_test(test_prosa),
        cmocka_unit_test(test_prosa_fehler),
        cmocka_unit_test(test_prosa_datei),
        cmocka_unit_test(test_ini_fehler),
        cmocka_unit_test(test_ini_gut),
        cmocka_unit_test(test_handlungsfelder_ohne_daten),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
