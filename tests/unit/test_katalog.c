/*
 * test_katalog.c — the indicator catalogue (lib/katalog): a valid catalogue
 * with every key, defaults, the error messages (exact text, from small INI
 * files written here) and the two shipped catalogues.
 *
 * Messages name the file; the temporary file's name is replaced by „K.ini“
 * before comparing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/katalog.h"

/* ---- helpers ----------------------------------------------------------------------- */

static char meldungen[16384];

/* Write text to a new temporary .ini file; returns its path (static buffer). */
static const char *schreibe(const char *text)
{
    static char pfad[64];
    snprintf(pfad, sizeof pfad, "/tmp/ib-katalog-XXXXXX.ini");
    int fd = mkstemps(pfad, 4);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return pfad;
}

/* Replace every occurrence of from in s by to (in place; to is not longer). */
static void ersetze(char *s, const char *from, const char *to)
{
    size_t fl = strlen(from), tl = strlen(to);
    char *p;
    while ((p = strstr(s, from))) {
        memmove(p + tl, p + fl, strlen(p + fl) + 1);
        memcpy(p, to, tl);
    }
}

/* Load text as a catalogue; stderr goes to meldungen (file name → K.ini). */
static int lade(const char *text, struct katalog *k)
{
    const char *pfad = schreibe(text);
    char p[64];
    snprintf(p, sizeof p, "%s", pfad);
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    dup2(fileno(tmp), 2);
    int rc = katalog_laden(p, k);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(tmp);
    size_t n = fread(meldungen, 1, sizeof meldungen - 1, tmp);
    meldungen[n] = '\0';
    fclose(tmp);
    unlink(p);
    ersetze(meldungen, p, "K.ini");
    return rc;
}

/* The catalogue must be rejected with exactly these messages. */
static void fehler(const char *text, const char *erwartet)
{
    struct katalog k;
    int rc = lade(text, &k);
    if (strcmp(meldungen, erwartet) != 0)
        print_error("Meldungen:\n%s\nerwartet:\n%s\n", meldungen, erwartet);
    assert_int_equal(rc, -1);
    assert_string_equal(meldungen, erwartet);
    assert_int_equal(k.nindikatoren, 0);   /* emptied */
    katalog_freigeben(&k);
}

/* The smallest valid catalogue, lines 1–12; tests append to it. */
#define BASIS \
    "[handlungsfeld:sprache]\n"         /* 1 */ \
    "titel = Sprache\n"                 /* 2 */ \
    "\n"                                /* 3 */ \
    "[ziel:1]\n"                        /* 4 */ \
    "text = Ziel eins\n"                /* 5 */ \
    "\n"                                /* 6 */ \
    "[indikator:quote]\n"               /* 7 */ \
    "titel = Quote\n"                   /* 8 */ \
    "handlungsfeld = sprache\n"         /* 9 */ \
    "art = anteil\n"                    /* 10 */ \
    "zaehler = 2-3-1\n"                 /* 11 */ \
    "nenner = 1-2-1\n"                  /* 12 */

#define F "ibericht: Fehler: Katalog K.ini, "

/* ---- a valid catalogue ----------------------------------------------------------- */

static const char *voll =
    "; Kommentar\n"
    "[katalog]\n"
    "titel = Testkatalog\n"
    "quelle = Konzept 2021, Kap. 8\n"
    "gebiete = K03103\n"
    "toleranz = 0,25\n"
    "schwelle = 5\n"
    "\n"
    "[handlungsfeld:zivil]\n"
    "titel = Aktive Zivilgesellschaft\n"
    "position = 2\n"
    "\n"
    "[Handlungsfeld:Sprache]\n"
    "Titel = Sprache, Bildung und Arbeit\n"
    "leitsatz = \"Wir wollen; dass # alle\"\n"
    "position = 1\n"
    "\n"
    "[ziel:1]\n"
    "text = Kulturelle Vielfalt\n"
    "[ziel:7]\n"
    "text = Sprachkompetenz\n"
    "titel = Sprache\n"
    "handlungsfeld = sprache\n"
    "\n"
    "[herausforderung:sprache_1]\n"
    "handlungsfeld = sprache\n"
    "text = Den Spracherwerb ermöglichen.\n"
    "\n"
    "[indikator:einbuergerungsquote]\n"
    "titel = Einbürgerungsquote\n"
    "handlungsfeld = zivil\n"
    "ziele = 1\n"
    "art = anteil\n"
    "zaehler = indikator:einbuergerungen\n"
    "nenner = 1-2-1\n"
    "nenner_filter = Geschlecht = Insgesamt | Alter=alle\n"
    "polaritaet = hoeher_besser\n"
    "zielwert = 2,5\n"
    "zieljahr = 2030\n"
    "basisjahr = 2020\n"
    "dimension = strukturell\n"
    "quelle = LSN\n"
    "gebiete = K03103, K03461\n"
    "\n"
    "[indikator:einbuergerungen]\n"
    "titel = Einbürgerungen\n"
    "handlungsfeld = zivil\n"
    "art = anzahl\n"
    "wert = 2-3-1\n"
    "einheit = Personen\n"
    "gebiete = alle\n"
    "\n"
    "[indikator:kurse]\n"
    "titel = Integrationskurse\n"
    "handlungsfeld = sprache\n"
    "ziele = 7, 1\n"
    "herausforderung = sprache_1\n"
    "themenfeld = Sprache\n"
    "art = je_1000\n"
    "nicht_erhoben = ja\n"
    "toleranz = 1\n"
    "schwelle = 0\n"
    "\n"
    "[indikator:leitfaden]\n"
    "titel = Leitfaden vorhanden\n"
    "handlungsfeld = sprache\n"
    "art = meilenstein\n"
    "stand = teilweise\n"
    "stand_datum = 31.12.2024\n"
    "zieljahr = 2026\n"
    "\n"
    "[indikator:wachstum]\n"
    "titel = Veränderung der Einbürgerungen\n"
    "handlungsfeld = zivil\n"
    "art = veraenderung\n"
    "reihe = indikator:einbuergerungen\n"
    "dezimalen = 2\n"
    "\n"
    "[indikator:wartezeit]\n"
    "titel = Wartezeit\n"
    "handlungsfeld = sprache\n"
    "art = mittelwert\n"
    "einheit = Tage\n"
    "zaehler = W\n"
    "nenner = N\n"
    "faktor = 7\n"
    "polaritaet = niedriger_besser\n"
    "gebiete = G1, G2\n"
    "gebiet_gesamt = G\n"
    "zaehler_filter = Einheit=Tage\n";

static void test_gueltig(void **state)
{
    (void)state;
    struct katalog k;
    int rc = lade(voll, &k);
    assert_string_equal(meldungen, "");
    assert_int_equal(rc, 0);
    assert_string_equal(k.titel, "Testkatalog");
    assert_string_equal(k.quelle, "Konzept 2021, Kap. 8");

    /* Handlungsfelder by position; ids lowercased by iniparser */
    assert_int_equal(k.nhandlungsfelder, 2);
    assert_string_equal(k.handlungsfelder[0].id, "sprache");
    assert_string_equal(k.handlungsfelder[0].titel, "Sprache, Bildung und Arbeit");
    assert_string_equal(k.handlungsfelder[0].leitsatz, "Wir wollen; dass # alle");
    assert_string_equal(k.handlungsfelder[1].id, "zivil");
    assert_string_equal(k.handlungsfelder[1].leitsatz, "");

    assert_int_equal(k.nziele, 2);
    assert_int_equal(k.ziele[0].handlungsfeld, -1);
    assert_int_equal(k.ziele[1].handlungsfeld, 0);
    assert_string_equal(k.ziele[1].titel, "Sprache");
    assert_int_equal(k.nherausforderungen, 1);
    assert_int_equal(k.herausforderungen[0].handlungsfeld, 0);

    assert_int_equal(k.nindikatoren, 6);
    int q = katalog_indikator_index(&k, "Einbuergerungsquote");
    int e = katalog_indikator_index(&k, "einbuergerungen");
    assert_int_equal(q, 0);
    assert_int_equal(e, 1);
    assert_int_equal(katalog_indikator_index(&k, "gibtsnicht"), -1);

    const struct katalog_indikator *ind = &k.indikatoren[q];
    assert_int_equal(ind->art, KATALOG_ANTEIL);
    assert_string_equal(ind->einheit, "%");           /* default of anteil */
    assert_int_equal(ind->dezimalen, 1);
    assert_true(ind->faktor == 100.0);
    assert_int_equal(ind->handlungsfeld, 1);
    assert_int_equal(ind->nziele, 1);
    assert_int_equal(ind->ziele[0], 0);
    assert_int_equal(ind->polaritaet, KATALOG_HOEHER_BESSER);
    assert_int_equal(ind->dimension, KATALOG_STRUKTURELL);
    assert_int_equal(ind->hat_zielwert, 1);
    assert_true(ind->zielwert == 2.5);
    assert_int_equal(ind->zieljahr, 2030);
    assert_int_equal(ind->basisjahr, 2020);
    assert_int_equal(ind->zaehler.indikator, e);
    assert_null(ind->zaehler.datensatz);
    assert_string_equal(ind->nenner.datensatz, "1-2-1");
    assert_int_equal(ind->nenner.nfilter, 2);                 /* sorted, blanks removed */
    assert_string_equal(ind->nenner.filter[0], "Alter=alle");
    assert_string_equal(ind->nenner.filter[1], "Geschlecht=Insgesamt");
    assert_null(ind->nenner.filter[2]);
    assert_int_equal(ind->ngebiete, 2);
    assert_string_equal(ind->gebiete[1], "K03461");
    assert_true(ind->toleranz == 0.25);                     /* [katalog] defaults */
    assert_int_equal(ind->schwelle, 5);

    ind = &k.indikatoren[e];
    assert_null(ind->gebiete);                              /* alle */
    assert_string_equal(ind->einheit, "Personen");
    assert_int_equal(ind->dezimalen, 0);
    assert_int_equal(ind->polaritaet, KATALOG_NEUTRAL);
    assert_int_equal(ind->hat_zielwert, 0);

    ind = &k.indikatoren[2];
    assert_int_equal(ind->nicht_erhoben, 1);
    assert_string_equal(ind->einheit, "je 1.000 Einwohner");
    assert_true(ind->faktor == 1000.0);
    assert_int_equal(ind->nziele, 2);
    assert_int_equal(ind->ziele[0], 1);
    assert_int_equal(ind->nherausforderungen, 1);
    assert_string_equal(ind->themenfeld, "Sprache");
    assert_true(ind->toleranz == 1.0);
    assert_int_equal(ind->schwelle, 0);
    assert_string_equal(ind->gebiete[0], "K03103");         /* [katalog] gebiete */

    ind = &k.indikatoren[3];
    assert_int_equal(ind->art, KATALOG_MEILENSTEIN);
    assert_int_equal(ind->stand, KATALOG_STAND_TEILWEISE);
    assert_int_equal(ind->stand_jahr, 2024);
    assert_int_equal(ind->stand_monat, 12);
    assert_int_equal(ind->stand_tag, 31);
    assert_int_equal(ind->polaritaet, KATALOG_HOEHER_BESSER);
    assert_int_equal(ind->hat_zielwert, 1);
    assert_true(ind->zielwert == 1.0);
    assert_string_equal(ind->einheit, "");

    ind = &k.indikatoren[4];
    assert_int_equal(ind->reihe.indikator, e);
    assert_int_equal(ind->dezimalen, 2);

    ind = &k.indikatoren[5];
    assert_true(ind->faktor == 7.0);
    assert_string_equal(ind->gebiet_gesamt, "G");
    assert_string_equal(ind->zaehler.filter[0], "Einheit=Tage");

    /* computation order: einbuergerungen before the two that use it */
    int pos[6];
    for (int i = 0; i < 6; i++) pos[k.reihenfolge[i]] = i;
    assert_true(pos[e] < pos[q]);
    assert_true(pos[e] < pos[4]);

    assert_string_equal(katalog_art_name(KATALOG_JE_1000), "je_1000");
    assert_string_equal(katalog_polaritaet_name(KATALOG_NIEDRIGER_BESSER), "niedriger_besser");
    assert_string_equal(katalog_dimension_name(KATALOG_IDENTIFIKATORISCH), "identifikatorisch");
    assert_string_equal(katalog_dimension_name(KATALOG_DIMENSION_KEINE), "");
    assert_string_equal(katalog_stand_name(KATALOG_STAND_JA), "ja");
    assert_int_equal(katalog_handlungsfeld_index(&k, "ZIVIL"), 1);
    assert_int_equal(katalog_ziel_index(&k, "7"), 1);
    assert_int_equal(katalog_herausforderung_index(&k, "sprache_1"), 0);
    katalog_freigeben(&k);
    katalog_freigeben(&k);   /* twice is harmless */
}

/* ---- errors: the file --------------------------------------------------------------- */

static void test_datei_fehlt(void **state)
{
    (void)state;
    struct katalog k;
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    dup2(fileno(tmp), 2);
    int rc = katalog_laden("/tmp/ib-gibt-es-nicht/katalog.ini", &k);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(tmp);
    size_t n = fread(meldungen, 1, sizeof meldungen - 1, tmp);
    meldungen[n] = '\0';
    fclose(tmp);
    assert_int_equal(rc, -1);
    assert_string_equal(meldungen, "ibericht: Fehler: Katalog /tmp/ib-gibt-es-nicht/katalog.ini kann nicht gelesen "
                                   "werden: Datei oder Ordner fehlt\n");
}

/* Windows line ends: values come without the CR, lines count the same. */
static void test_crlf(void **state)
{
    (void)state;
    char text[1024] = "";
    const char *p = BASIS "zielwert = 7\n";
    size_t n = 0;
    for (; *p; p++) {
        if (*p == '\n') text[n++] = '\r';
        text[n++] = *p;
    }
    text[n] = '\0';
    struct katalog k;
    assert_int_equal(lade(text, &k), 0);
    assert_string_equal(k.indikatoren[0].titel, "Quote");
    assert_string_equal(k.indikatoren[0].nenner.datensatz, "1-2-1");
    assert_true(k.indikatoren[0].zielwert == 7.0);
    katalog_freigeben(&k);
    fehler("[handlungsfeld:a]\r\ntitel = A\r\nfarbe = rot\r\n", F "Zeile 3, [handlungsfeld:a] farbe: unbekannter Schlüssel\n");
}

static void test_syntax(void **state)
{
    (void)state;
    fehler("\xEF\xBB\xBF" BASIS, F "Zeile 1: die Datei beginnt mit einer Byte-Order-Mark (UTF-8-BOM), die iniparser "
                                    "nicht versteht — ohne BOM speichern\n");
    fehler(BASIS "nur Text ohne Gleichheitszeichen\n",
           F "Zeile 13: weder Abschnitt „[…]“ noch „Schlüssel = Wert“: nur Text ohne Gleichheitszeichen\n");
    fehler("titel = vor allem\n" BASIS, F "Zeile 1: Schlüssel „titel“ vor dem ersten Abschnitt\n");
    fehler(BASIS "[ziel:1]\ntext = noch einmal\n", F "Zeile 13: Abschnitt [ziel:1] doppelt (zuerst Zeile 4)\n");
    fehler(BASIS "titel = Quote 2\n", F "Zeile 13: [indikator:quote] titel: Schlüssel doppelt (zuerst Zeile 8)\n");
    fehler(BASIS "hinweis = erst dies; dann das\n",
           F "Zeile 13: [indikator:quote] hinweis: der Wert enthält „;“; iniparser schneidet dort ab (Kommentar) — "
             "den Wert in \"…\" setzen\n");

    /* a line of 1023 bytes (+ newline) is too long for iniparser, 1022 are fine */
    char text[4096];
    char lang[1100];
    memset(lang, 'x', sizeof lang);
    snprintf(text, sizeof text, BASIS "hinweis = %.*s\n", 1023 - 10, lang);
    fehler(text, F "Zeile 13: Zeile länger als 1022 Bytes (iniparser liest höchstens 1024 Bytes je Zeile)\n");
    snprintf(text, sizeof text, BASIS "hinweis = %.*s\n", 1022 - 10, lang);
    struct katalog k;
    assert_int_equal(lade(text, &k), 0);
    assert_int_equal(strlen(k.indikatoren[0].hinweis), 1012);
    katalog_freigeben(&k);
}

static void test_abschnitte(void **state)
{
    (void)state;
    fehler(BASIS "[massnahme:1]\ntext = x\n",
           F "Zeile 13, [massnahme:1]: unbekannte Abschnittsart (katalog, handlungsfeld:…, ziel:…, herausforderung:…, "
             "indikator:…)\n");
    fehler(BASIS "[ziel:ä]\ntext = x\n", F "Zeile 13, [ziel:ä]: Kennung „ä“ ungültig (nur a–z, 0–9, _ - .)\n");
    fehler(BASIS "[ziel]\ntext = x\n", F "Zeile 13, [ziel]: Kennung fehlt: [ziel:KENNUNG]\n");
    fehler(BASIS "[ziel:2]\ntitel = ohne Text\n", F "Zeile 13, [ziel:2]: Schlüssel „text“ fehlt\n");
    fehler(BASIS "[herausforderung:h]\nhandlungsfeld = bildung\ntext = x\n",
           F "Zeile 14, [herausforderung:h] handlungsfeld: Handlungsfeld „bildung“ ist nicht definiert\n");
    fehler(BASIS "[handlungsfeld:b]\ntitel = B\nposition = 1\n",
           F "Zeile 15, [handlungsfeld:b] position: Position 1 hat schon [handlungsfeld:sprache]\n");
    fehler(BASIS "[katalog]\nschwelle = drei\n",
           F "Zeile 14, [katalog] schwelle: „drei“ ist keine ganze Zahl von 0 bis 1000000\n");
}

/* ---- errors: keys, references, kinds ----------------------------------------------------- */

static void test_schluessel_und_bezuege(void **state)
{
    (void)state;
    fehler(BASIS "farbe = blau\n", F "Zeile 13, [indikator:quote] farbe: unbekannter Schlüssel\n");
    fehler(BASIS "ziele = 1, 9\n", F "Zeile 13, [indikator:quote] ziele: Ziel „9“ ist nicht definiert\n");
    fehler(BASIS "herausforderung = h1\n",
           F "Zeile 13, [indikator:quote] herausforderung: Herausforderung „h1“ ist nicht definiert\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = b\nart = anzahl\nwert = 1\n",
           F "Zeile 5, [indikator:x] handlungsfeld: Handlungsfeld „b“ ist nicht definiert\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\nhandlungsfeld = a\nart = anzahl\nwert = 1\n",
           F "Zeile 3, [indikator:x]: Schlüssel „titel“ fehlt\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[handlungsfeld:b]\ntitel = B\n[ziel:z]\ntext = Z\nhandlungsfeld = b\n"
           "[indikator:x]\ntitel = X\nhandlungsfeld = a\nziele = z\nart = anzahl\nwert = 1\n",
           F "Zeile 11, [indikator:x] ziele: Ziel „z“ gehört zu Handlungsfeld „b“, der Indikator zu „a“\n");
    fehler(BASIS "ziele = 1, 1\n", F "Zeile 13, [indikator:quote] ziele: Ziel „1“ doppelt\n");
    fehler(BASIS "gebiete = K03103, K03461, K03103\n",
           F "Zeile 13, [indikator:quote] gebiete: Gebiet „K03103“ doppelt\n");
    fehler(BASIS "zaehler_filter = Geschlecht\n",
           F "Zeile 13, [indikator:quote] zaehler_filter: „Geschlecht“ ist kein „Merkmal=Wert“\n");
    fehler(BASIS "nenner_filter = A=1|A=2\n", F "Zeile 13, [indikator:quote] nenner_filter: Merkmal „A“ doppelt\n");
    fehler(BASIS "wert_filter = A=1\n",
           F "Zeile 13, [indikator:quote] wert_filter: ohne „wert“ hat ein Filter nichts zu filtern\n");
}

static void test_art(void **state)
{
    (void)state;
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = quote\n",
           F "Zeile 6, [indikator:x] art: „quote“ ist keine Art (anteil, anzahl, je_1000, mittelwert, veraenderung, "
             "meilenstein)\n");
    fehler(BASIS "polaritaet = gut\n",
           F "Zeile 13, [indikator:quote] polaritaet: „gut“ ist keine Polarität (neutral, hoeher_besser, niedriger_besser)\n");
    fehler(BASIS "dimension = politisch\n",
           F "Zeile 13, [indikator:quote] dimension: „politisch“ ist keine Dimension (strukturell, kulturell, sozial, "
             "identifikatorisch)\n");
    /* anteil without nenner / zaehler, no source at all */
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = anteil\nzaehler = 2-3-1\n",
           F "Zeile 3, [indikator:x]: Schlüssel „nenner“ fehlt: art = anteil rechnet zaehler ÷ nenner × 100\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = je_1000\nnenner = 1-1-1\n",
           F "Zeile 3, [indikator:x]: Schlüssel „zaehler“ fehlt: art = je_1000 rechnet zaehler ÷ nenner × 1000\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = anteil\n",
           F "Zeile 3, [indikator:x]: keine Datenquelle: „zaehler“ und „nenner“ oder „wert“ angeben, oder "
             "nicht_erhoben = ja\n");
    fehler(BASIS "wert = 1-2-2\n",
           F "Zeile 11, [indikator:quote] zaehler: „wert“ (geliefert) und „zaehler“/„nenner“ (berechnet) schließen sich aus\n");
    /* anzahl with zaehler/nenner; veraenderung without reihe; reihe elsewhere */
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = anzahl\nzaehler = 1\nnenner = 2\n",
           F "Zeile 7, [indikator:x] zaehler: passt nicht zu art = anzahl (die Zählwerte stehen in „wert“)\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = veraenderung\n",
           F "Zeile 3, [indikator:x]: Schlüssel „reihe“ fehlt: art = veraenderung berechnet die Veränderung einer "
             "Reihe zum Vorjahr\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = veraenderung\nwert = 1\n",
           F "Zeile 7, [indikator:x] wert: passt nicht zu art = veraenderung (die Ausgangsreihe steht in „reihe“)\n");
    fehler(BASIS "reihe = 1-1-1\n", F "Zeile 13, [indikator:quote] reihe: nur für art = veraenderung\n");
    /* nicht_erhoben with a source */
    fehler(BASIS "nicht_erhoben = ja\n",
           F "Zeile 11, [indikator:quote] zaehler: widerspricht nicht_erhoben = ja\n"
           F "Zeile 12, [indikator:quote] nenner: widerspricht nicht_erhoben = ja\n");
    fehler(BASIS "nicht_erhoben = vielleicht\n",
           F "Zeile 13, [indikator:quote] nicht_erhoben: „vielleicht“ ist weder ja noch nein (nein, ja)\n");
}

static void test_einheit_faktor_ziel(void **state)
{
    (void)state;
    fehler(BASIS "einheit = Personen\n",
           F "Zeile 13, [indikator:quote] einheit: art = anteil verlangt die Einheit „%“, nicht „Personen“\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = je_1000\n"
           "zaehler = 1\nnenner = 2\neinheit = %\n",
           F "Zeile 9, [indikator:x] einheit: art = je_1000 verlangt eine Einheit „je 1.000 …“ (z. B. „je 1.000 "
             "Einwohner“), nicht „%“\n");
    fehler("[handlungsfeld:a]\ntitel = A\n[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = anzahl\nwert = 1\n"
           "einheit = Prozent\n",
           F "Zeile 8, [indikator:x] einheit: art = anzahl passt nicht zur Einheit „Prozent“ (Anteile: art = anteil, "
             "Raten: art = je_1000)\n");
    fehler(BASIS "faktor = 1000\n",
           F "Zeile 13, [indikator:quote] faktor: art = anteil rechnet mit dem Faktor 100, nicht 1000\n");
    fehler(BASIS "zielwert = 2.5\n",
           F "Zeile 13, [indikator:quote] zielwert: „2.5“ ist keine Zahl (deutsche Schreibweise, z. B. 12,5)\n");
    fehler(BASIS "zieljahr = 2030\n", F "Zeile 13, [indikator:quote] zieljahr: zieljahr ohne zielwert\n");
    fehler(BASIS "zielwert = 3\nzieljahr = 2030\nbasisjahr = 2030\n",
           F "Zeile 15, [indikator:quote] basisjahr: basisjahr 2030 liegt nicht vor dem zieljahr 2030\n");
    fehler(BASIS "toleranz = -1\n", F "Zeile 13, [indikator:quote] toleranz: muss ≥ 0 sein, nicht -1\n");
    fehler(BASIS "dezimalen = 9\n", F "Zeile 13, [indikator:quote] dezimalen: „9“ ist keine ganze Zahl von 0 bis 6\n");
    fehler(BASIS "gebiet_gesamt = K03\n",
           F "Zeile 13, [indikator:quote] gebiet_gesamt: braucht eine Liste „gebiete“ (die Teile dieses Gesamtgebiets), "
             "nicht alle\n");
    fehler(BASIS "gebiete = A, B\ngebiet_gesamt = B\n",
           F "Zeile 14, [indikator:quote] gebiet_gesamt: „B“ steht auch in gebiete (dort nur die Teile)\n");
}

static void test_meilenstein(void **state)
{
    (void)state;
    const char *kopf = "[handlungsfeld:a]\ntitel = A\n[indikator:m]\ntitel = M\nhandlungsfeld = a\nart = meilenstein\n";
    char text[1024];
    snprintf(text, sizeof text, "%sstand = ja\n", kopf);
    fehler(text, F "Zeile 3, [indikator:m]: Schlüssel „stand_datum“ fehlt (Datum des Stands, TT.MM.JJJJ)\n");
    snprintf(text, sizeof text, "%sstand = fast\nstand_datum = 1.1.2024\n", kopf);
    fehler(text, F "Zeile 7, [indikator:m] stand: „fast“ ist kein Stand (nein, teilweise, ja)\n");
    snprintf(text, sizeof text, "%sstand = ja\nstand_datum = 31.02.2024\n", kopf);
    fehler(text, F "Zeile 8, [indikator:m] stand_datum: „31.02.2024“ ist kein Datum (TT.MM.JJJJ)\n");
    snprintf(text, sizeof text, "%sstand = ja\nstand_datum = 1.1.2024\nwert = M-1\n", kopf);
    fehler(text, F "Zeile 9, [indikator:m] wert: „stand“ (im Katalog) und „wert“ (aus Daten) schließen sich aus\n");
    snprintf(text, sizeof text, "%s", kopf);
    fehler(text, F "Zeile 3, [indikator:m]: keine Datenquelle: „stand“ mit „stand_datum“ oder „wert“ angeben, oder "
                   "nicht_erhoben = ja\n");
    snprintf(text, sizeof text, "%sstand = ja\nstand_datum = 1.1.2024\nzielwert = 1\npolaritaet = niedriger_besser\n"
             "einheit = Stück\n", kopf);
    fehler(text, F "Zeile 11, [indikator:m] einheit: art = meilenstein hat keine Einheit\n"
                 F "Zeile 10, [indikator:m] polaritaet: ein Meilenstein ist immer hoeher_besser (nein < teilweise < ja)\n"
                 F "Zeile 9, [indikator:m] zielwert: ein Meilenstein hat das Ziel „ja“; nur zieljahr angeben\n");
    fehler(BASIS "stand = ja\nstand_datum = 1.1.2024\n", F "Zeile 13, [indikator:quote] stand: nur für art = meilenstein\n");
    /* a number series must not take a milestone as input */
    snprintf(text, sizeof text, "%sstand = ja\nstand_datum = 1.1.2024\n[indikator:v]\ntitel = V\nhandlungsfeld = a\n"
             "art = veraenderung\nreihe = indikator:m\n", kopf);
    fehler(text, F "Zeile 13, [indikator:v] reihe: Indikator „m“ ist ein Meilenstein und liefert keine Zahlen\n");
}

static void test_kreisbezug(void **state)
{
    (void)state;
    const char *kopf = "[handlungsfeld:a]\ntitel = A\n";
    char text[2048];
    /* missing definition */
    snprintf(text, sizeof text, "%s[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = anteil\nzaehler = indikator:y\n"
             "nenner = 1\n", kopf);
    fehler(text, F "Zeile 7, [indikator:x] zaehler: Indikator „y“ ist nicht definiert\n");
    /* x → y → z → x */
    snprintf(text, sizeof text,
             "%s[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = anteil\nzaehler = indikator:y\nnenner = 1\n"
             "[indikator:y]\ntitel = Y\nhandlungsfeld = a\nart = veraenderung\nreihe = indikator:z\n"
             "[indikator:z]\ntitel = Z\nhandlungsfeld = a\nart = anzahl\nwert = indikator:x\n", kopf);
    fehler(text, F "Zeile 7, [indikator:x] zaehler: Kreisbezug: x → y → z → x\n");
    /* on itself */
    snprintf(text, sizeof text, "%s[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = veraenderung\nreihe = indikator:x\n",
             kopf);
    fehler(text, F "Zeile 7, [indikator:x] reihe: Kreisbezug: x → x\n");
    snprintf(text, sizeof text, "%s[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = anzahl\nwert = indikator:y\n"
             "wert_filter = A=1\n[indikator:y]\ntitel = Y\nhandlungsfeld = a\nart = anzahl\nwert = 2\n", kopf);
    fehler(text, F "Zeile 8, [indikator:x] wert_filter: Filter gelten nur für Datensätze, nicht für Indikator „y“\n");
    snprintf(text, sizeof text, "%s[indikator:x]\ntitel = X\nhandlungsfeld = a\nart = anzahl\nwert = 2 3 1\n", kopf);
    fehler(text, F "Zeile 7, [indikator:x] wert: „2 3 1“ ist keine Datensatz-Kennung (z. B. 2-3-1) und kein "
                   "„indikator:ID“\n");
}

/* Several problems in one file: all are reported, in file order. */
static void test_alle_fehler(void **state)
{
    (void)state;
    fehler("[handlungsfeld:a]\n"
           "titel = A\n"
           "[indikator:x]\n"
           "titel = X\n"
           "handlungsfeld = a\n"
           "art = anteil\n"
           "zaehler = 2-3-1\n"
           "einheit = Euro\n"
           "[indikator:y]\n"
           "handlungsfeld = c\n"
           "art = anzahl\n"
           "wert = 1\n"
           "farbe = rot\n",
           F "Zeile 8, [indikator:x] einheit: art = anteil verlangt die Einheit „%“, nicht „Euro“\n"
           F "Zeile 3, [indikator:x]: Schlüssel „nenner“ fehlt: art = anteil rechnet zaehler ÷ nenner × 100\n"
           F "Zeile 13, [indikator:y] farbe: unbekannter Schlüssel\n"
           F "Zeile 9, [indikator:y]: Schlüssel „titel“ fehlt\n"
           F "Zeile 10, [indikator:y] handlungsfeld: Handlungsfeld „c“ ist nicht definiert\n");
}

/* ---- the shipped catalogues -------------------------------------------------------- */

static int zaehle(const struct katalog *k, int (*pred)(const struct katalog_indikator *))
{
    int n = 0;
    for (int i = 0; i < k->nindikatoren; i++) n += pred(&k->indikatoren[i]);
    return n;
}

static int ist_nicht_erhoben(const struct katalog_indikator *i) { return i->nicht_erhoben; }
static int ist_meilenstein(const struct katalog_indikator *i) { return i->art == KATALOG_MEILENSTEIN; }
static int ist_berechnet(const struct katalog_indikator *i) { return KATALOG_REIHE_GENUTZT(&i->zaehler); }

static void test_wolfsburg(void **state)
{
    (void)state;
    struct katalog k;
    int rc = katalog_laden("config/katalog_wolfsburg.ini", &k);
    assert_int_equal(rc, 0);
    assert_int_equal(k.nhandlungsfelder, 4);
    assert_int_equal(k.nziele, 14);
    assert_int_equal(k.nherausforderungen, 28);
    assert_int_equal(k.nindikatoren, 185);       /* 183 of the concept + 2 from LSN data */
    assert_int_equal(zaehle(&k, ist_nicht_erhoben), 183);
    assert_int_equal(zaehle(&k, ist_berechnet), 2);
    assert_int_equal(zaehle(&k, ist_meilenstein), 54);
    assert_string_equal(k.handlungsfelder[0].titel, "Diversity Management und Interkulturelle Öffnung");
    assert_string_equal(k.handlungsfelder[3].titel, "Aktive Zivilgesellschaft und Teilhabe");
    assert_string_equal(k.ziele[13].id, "14");

    int q = katalog_indikator_index(&k, "einbuergerungsquote");
    assert_true(q >= 0);
    const struct katalog_indikator *ind = &k.indikatoren[q];
    assert_int_equal(ind->art, KATALOG_ANTEIL);
    assert_string_equal(ind->zaehler.datensatz, "2-3-1");
    assert_string_equal(ind->nenner.datensatz, "1-2-1");
    assert_int_equal(ind->ngebiete, 1);
    assert_string_equal(ind->gebiete[0], "K03103");
    assert_int_equal(ind->polaritaet, KATALOG_HOEHER_BESSER);
    int a = katalog_indikator_index(&k, "auslaenderanteil");
    assert_true(a >= 0);
    assert_string_equal(k.indikatoren[a].zaehler.datensatz, "1-2-1");
    assert_string_equal(k.indikatoren[a].nenner.datensatz, "1-1-1");

    /* every indicator has a Handlungsfeld, a Ziel and a Herausforderung */
    int ohne_ziel = 0, ohne_hz = 0;
    for (int i = 0; i < k.nindikatoren; i++) {
        assert_true(k.indikatoren[i].handlungsfeld >= 0);
        ohne_ziel += k.indikatoren[i].nziele == 0;
        ohne_hz += k.indikatoren[i].nherausforderungen == 0;
    }
    assert_int_equal(ohne_ziel, 0);
    assert_int_equal(ohne_hz, 0);
    katalog_freigeben(&k);
}

static void test_niedersachsen(void **state)
{
    (void)state;
    struct katalog k;
    int rc = katalog_laden("config/katalog_niedersachsen.ini", &k);
    assert_int_equal(rc, 0);
    assert_int_equal(k.nhandlungsfelder, 7);     /* Themenfelder 1–6 and 8 have data */
    assert_int_equal(k.nziele, 0);
    assert_int_equal(k.nindikatoren, 13);        /* 10 datasets + Ausländeranteil, Einbürgerungsquote, Einbürgerungen Kosovo (2-3-4) */
    assert_int_equal(zaehle(&k, ist_nicht_erhoben), 0);
    assert_int_equal(zaehle(&k, ist_berechnet), 2);
    assert_string_equal(k.handlungsfelder[1].titel, "Rechtliche Integration & Asyl");
    int i = katalog_indikator_index(&k, "2-3-1");
    assert_true(i >= 0);
    assert_string_equal(k.indikatoren[i].titel, "Einbürgerungen");
    assert_int_equal(k.indikatoren[i].art, KATALOG_ANZAHL);
    i = katalog_indikator_index(&k, "5-3-2");
    assert_int_equal(k.indikatoren[i].art, KATALOG_ANTEIL);
    assert_int_equal(k.indikatoren[i].polaritaet, KATALOG_NIEDRIGER_BESSER);
    katalog_freigeben(&k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gueltig),
        cmocka_unit_test(test_datei_fehlt),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_syntax),
        cmocka_unit_test(test_abschnitte),
        cmocka_unit_test(test_schluessel_und_bezuege),
        cmocka_unit_test(test_art),
        cmocka_unit_test(test_einheit_faktor_ziel),
        cmocka_unit_test(test_meilenstein),
        cmocka_unit_test(test_kreisbezug),
        cmocka_unit_test(test_alle_fehler),
        cmocka_unit_test(test_wolfsburg),
        cmocka_unit_test(test_niedersachsen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
