/*
 * quelle.c — loading and checking the source profiles (see quelle.h).
 */
#include "quelle.h"
#include "diag.h"

#include <fnmatch.h>
#include <iniparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keys every profile may have, then the ones of each type. */
static const char *const keys_common[] = {
    "typ", "dateien", "fachdienst", "zeitraum", "kodierung", "trennzeichen", "blatt",
    "kopfzeile", "kopfzeilen", "daten_ab", "zeilenfehler", "erwartet", "max_feld_bytes", NULL
};
static const char *const keys_massnahmen[] = {
    "spalte_handlungsfeld", "spalte_teilziel", "spalte_massnahme", "spalte_terminierung",
    "spalte_verantwortlich", "spalte_herkunft", "pflichtspalten", NULL
};
static const char *const keys_kennzahlen[] = {
    "indikator", "format", "zahlformat", "spalte_jahr", "spalte_gebiet", "spalte_gebiet_name", "spalte_wert",
    "spalte_einheit", "spalte_kommentar", "merkmale_ignorieren", "einheit", "id_spalte",
    "id_dimension", "kopf_dimensionen", "symbole", "gebiet", "gebiet_name", "gebiet_codes", "gebiet_muster", NULL
};

static const char *const keys_statusbericht[] = {
    "spalte_kennung", "spalte_stand", "spalte_status", "spalte_kommentar", "spalte_verantwortlich",
    "pflichtspalten", "rueckmeldebogen", NULL
};
static const char *const keys_befragung[] = { "fragebogen", NULL };

static int in_list(const char *key, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(key, list[i]) == 0) return 1;
    return 0;
}

const char *quelle_typ_name(enum quelle_typ typ)
{
    switch (typ) {
    case QUELLE_KENNZAHLEN: return "kennzahlen";
    case QUELLE_STATUSBERICHT: return "statusbericht";
    case QUELLE_BEFRAGUNG: return "befragung";
    case QUELLE_MASSNAHMEN: break;
    }
    return "massnahmen";
}

const char *quelle_string(const struct quelle *q, const char *key, const char *def)
{
    char full[256];
    snprintf(full, sizeof full, "%s:%s", q->id, key);
    const char *v = iniparser_getstring(q->set->ini, full, NULL);
    return v && *v ? v : def;
}

char **quelle_list(const struct quelle *q, const char *key, const char *def)
{
    /* reuse config_list's splitting through a one-off config view */
    struct ib_config view = { 0 };
    view.ini = q->set->ini;
    char full[256];
    snprintf(full, sizeof full, "%s:%s", q->id, key);
    return config_list(&view, full, def, NULL);
}

static int parse_int(const struct quellen *qs, const char *sec, const char *key, const char *v,
                     int lo, int hi, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    while (*end == ' ') end++;
    if (*end || n < lo || n > hi) {
        diag_error("Quellprofile %s, [%s] %s: „%s“ ist keine Zahl von %d bis %d", qs->path, sec, key, v, lo, hi);
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int check_section(struct quellen *qs, struct quelle *q)
{
    int bad = 0;
    const char *sec = q->id;
    const char *typ = quelle_string(q, "typ", NULL);
    if (!typ) {
        diag_error("Quellprofile %s, [%s]: Schlüssel „typ“ fehlt (massnahmen, kennzahlen, statusbericht oder befragung)",
                   qs->path, sec);
        return -1;
    }
    if (strcmp(typ, "massnahmen") == 0) q->typ = QUELLE_MASSNAHMEN;
    else if (strcmp(typ, "kennzahlen") == 0) q->typ = QUELLE_KENNZAHLEN;
    else if (strcmp(typ, "statusbericht") == 0) q->typ = QUELLE_STATUSBERICHT;
    else if (strcmp(typ, "befragung") == 0) q->typ = QUELLE_BEFRAGUNG;
    else {
        diag_error("Quellprofile %s, [%s] typ: „%s“ wird nicht unterstützt (massnahmen, kennzahlen, statusbericht, befragung)",
                   qs->path, sec, typ);
        return -1;
    }
    const char *const *keys_typ = q->typ == QUELLE_MASSNAHMEN ? keys_massnahmen
                                : q->typ == QUELLE_KENNZAHLEN ? keys_kennzahlen
                                : q->typ == QUELLE_BEFRAGUNG ? keys_befragung : keys_statusbericht;
    /* unknown keys are typos */
    int nkeys = iniparser_getsecnkeys(qs->ini, sec);
    const char **keys = xcalloc((size_t)(nkeys > 0 ? nkeys : 1), sizeof(char *));
    iniparser_getseckeys(qs->ini, sec, keys);
    for (int i = 0; i < nkeys; i++) {
        const char *k = strchr(keys[i], ':') ? strchr(keys[i], ':') + 1 : keys[i];
        if (!in_list(k, keys_common) && !in_list(k, keys_typ)) {
            diag_error("Quellprofile %s, [%s]: unbekannter Schlüssel „%s“", qs->path, sec, k);
            bad = 1;
        }
    }
    free(keys);

    q->dateien = quelle_list(q, "dateien", NULL);
    if (!q->dateien[0]) {
        diag_error("Quellprofile %s, [%s]: Schlüssel „dateien“ fehlt (Dateinamen-Muster)", qs->path, sec);
        bad = 1;
    }
    q->fachdienst = quelle_string(q, "fachdienst", "");
    q->zeitraum = quelle_string(q, "zeitraum", NULL);
    q->kodierung = quelle_string(q, "kodierung", "auto");
    if (strcmp(q->kodierung, "auto") && strcmp(q->kodierung, "utf-8") && strcmp(q->kodierung, "windows-1252")) {
        diag_error("Quellprofile %s, [%s] kodierung: „%s“ (auto, utf-8, windows-1252)", qs->path, sec, q->kodierung);
        bad = 1;
    }
    const char *t = quelle_string(q, "trennzeichen", "auto");
    if (strcmp(t, "auto") == 0) q->trennzeichen = 0;
    else if (strcmp(t, ";") == 0 || strcmp(t, "semikolon") == 0) q->trennzeichen = ';';
    else if (strcmp(t, ",") == 0 || strcmp(t, "komma") == 0) q->trennzeichen = ',';
    else if (strcmp(t, "tab") == 0) q->trennzeichen = '\t';
    else {
        diag_error("Quellprofile %s, [%s] trennzeichen: „%s“ (auto, semikolon, komma, tab)", qs->path, sec, t);
        bad = 1;
    }
    q->blatt = quelle_string(q, "blatt", NULL);
    const char *k1 = quelle_string(q, "kopfzeile", NULL), *kn = quelle_string(q, "kopfzeilen", NULL);
    if (k1 && kn) {
        diag_error("Quellprofile %s, [%s]: „kopfzeile“ und „kopfzeilen“ schließen sich aus", qs->path, sec);
        bad = 1;
    } else if (k1 && strcmp(k1, "auto") != 0) {
        q->nkopfzeilen = 1;
        bad |= parse_int(qs, sec, "kopfzeile", k1, 1, 1048576, &q->kopfzeilen[0]) != 0;
    } else if (kn) {
        char **rows = quelle_list(q, "kopfzeilen", NULL);
        for (int i = 0; rows[i]; i++) {
            if (i == QUELLE_MAX_KOPFZEILEN) {
                diag_error("Quellprofile %s, [%s] kopfzeilen: höchstens %d Zeilen", qs->path, sec, QUELLE_MAX_KOPFZEILEN);
                bad = 1;
                break;
            }
            bad |= parse_int(qs, sec, "kopfzeilen", rows[i], 1, 1048576, &q->kopfzeilen[i]) != 0;
            if (i > 0 && q->kopfzeilen[i] <= q->kopfzeilen[i - 1]) {
                diag_error("Quellprofile %s, [%s] kopfzeilen: aufsteigend angeben", qs->path, sec);
                bad = 1;
            }
            q->nkopfzeilen = i + 1;
        }
        config_list_free(rows);
    }
    const char *d = quelle_string(q, "daten_ab", NULL);
    if (d) bad |= parse_int(qs, sec, "daten_ab", d, 1, 1048576, &q->daten_ab) != 0;
    if (q->daten_ab && q->nkopfzeilen && q->daten_ab <= q->kopfzeilen[q->nkopfzeilen - 1]) {
        diag_error("Quellprofile %s, [%s] daten_ab: muss nach der Kopfzeile liegen", qs->path, sec);
        bad = 1;
    }
    const char *zf = quelle_string(q, "zeilenfehler", "abweisen");
    if (strcmp(zf, "abweisen") == 0) q->zeilen_ueberspringen = 0;
    else if (strcmp(zf, "ueberspringen") == 0 || strcmp(zf, "überspringen") == 0) q->zeilen_ueberspringen = 1;
    else {
        diag_error("Quellprofile %s, [%s] zeilenfehler: „%s“ (abweisen, ueberspringen)", qs->path, sec, zf);
        bad = 1;
    }
    if (q->typ == QUELLE_BEFRAGUNG && !quelle_string(q, "fragebogen", NULL)) {
        diag_error("Quellprofile %s, [%s]: Schlüssel „fragebogen“ fehlt (z. B. config/befragung/wesel.ini)",
                   qs->path, sec);
        bad = 1;
    }
    const char *e = quelle_string(q, "erwartet", "ja");
    q->erwartet = strcmp(e, "nein") != 0;
    const char *rb = quelle_string(q, "rueckmeldebogen", "nein");
    if (strcmp(rb, "ja") != 0 && strcmp(rb, "nein") != 0) {
        diag_error("Quellprofile %s, [%s] rueckmeldebogen: „%s“ (ja, nein)", qs->path, sec, rb);
        bad = 1;
    }
    return bad ? -1 : 0;
}

int quellen_load(const struct ib_config *cfg, struct quellen *out)
{
    memset(out, 0, sizeof *out);
    const char *path = config_string(cfg, "pfade:quellen", "config/quellen.ini");
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_error("Quellprofile %s fehlen ([pfade] quellen in %s)", path, cfg->path);
        return -1;
    }
    fclose(f);
    out->path = xstrdup(path);
    out->ini = config_ini_load(path, "Quellprofile");
    if (!out->ini) {
        quellen_free(out);
        return -1;
    }
    int n = iniparser_getnsec(out->ini);
    out->items = xcalloc((size_t)(n > 0 ? n : 1), sizeof(struct quelle));
    int bad = 0;
    for (int i = 0; i < n; i++) {
        struct quelle *q = &out->items[out->count++];
        q->id = xstrdup(iniparser_getsecname(out->ini, i));
        q->set = out;
        bad |= check_section(out, q) != 0;
    }
    if (n == 0) {
        diag_error("Quellprofile %s: keine Quelle definiert", path);
        bad = 1;
    }
    if (bad) {
        quellen_free(out);
        return -1;
    }
    return 0;
}

void quellen_free(struct quellen *qs)
{
    for (int i = 0; i < qs->count; i++) {
        free(qs->items[i].id);
        config_list_free(qs->items[i].dateien);
    }
    free(qs->items);
    if (qs->ini) iniparser_freedict(qs->ini);
    free(qs->path);
    memset(qs, 0, sizeof *qs);
}

const struct quelle *quellen_match(const struct quellen *qs, const char *file_name)
{
    for (int i = 0; i < qs->count; i++)
        for (char **p = qs->items[i].dateien; p && *p; p++)
            if (fnmatch(*p, file_name, 0) == 0) return &qs->items[i];
    return NULL;
}
