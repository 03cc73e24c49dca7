/*
 * fuzz_ini.c — libFuzzer harness for the INI loaders: config_load()
 * (pipeline/lib/config.h, config/ibericht.ini) and quellen_load()
 * (pipeline/lib/quelle.h, the source profiles), both on iniparser.
 *
 * Every input is written to an in-memory file (memfd, reopened through
 * /proc/self/fd; a /tmp file when memfd is missing) and
 *   1. loaded with config_load() (without and with overrides), then read
 *      with config_string(), config_int() and config_list() for the keys
 *      ibericht uses;
 *   2. loaded as the source profiles: a tiny main configuration, written
 *      once at start, has `[pfade] quellen` pointing at the input file;
 *      every profile is checked against quelle.h, matched and read with
 *      quelle_string() / quelle_list().
 * The loaders' messages for bad files go to stdio's stderr, which is pointed
 * to /dev/null at start (FUZZ_VERBOSE=1 keeps them); file descriptor 2 stays
 * open, so sanitizer and libFuzzer reports are still printed.
 *
 *   build-fuzz/fuzz_ini -max_len=4096 build-fuzz/corpus-ini tests/fuzz/corpus/ini
 */
#include "lib/config.h"
#include "lib/diag.h"
#include "lib/quelle.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define CHECK(cond, ...) do { if (!(cond)) { \
        fprintf(stderr_real, "fuzz_ini: %s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
        fprintf(stderr_real, __VA_ARGS__); fputc('\n', stderr_real); abort(); } } while (0)

static FILE *stderr_real;           /* the process's stderr, for our own reports */

struct tmpfile { int fd; char path[64]; };
static struct tmpfile input, main_ini;
static struct ib_config main_cfg;  /* [pfade] quellen = input.path */

static void remove_tmp(void)
{
    if (strncmp(input.path, "/tmp/", 5) == 0) unlink(input.path);
    if (strncmp(main_ini.path, "/tmp/", 5) == 0) unlink(main_ini.path);
}

/* An in-memory file (memfd), or a /tmp file removed at exit.  Names end in
 * ".ini" where that is up to us; the loaders do not care. */
static void open_tmp(struct tmpfile *t, const char *name)
{
    t->fd = memfd_create(name, 0);
    if (t->fd >= 0) {
        snprintf(t->path, sizeof t->path, "/proc/self/fd/%d", t->fd);
        return;
    }
    snprintf(t->path, sizeof t->path, "/tmp/%s-XXXXXX.ini", name);
    t->fd = mkstemps(t->path, 4);
    if (t->fd < 0) { perror("fuzz_ini: mkstemps"); exit(2); }
    static int registered;
    if (!registered++) atexit(remove_tmp);
}

static void write_tmp(struct tmpfile *t, const void *data, size_t size)
{
    if (ftruncate(t->fd, 0) != 0) { perror("fuzz_ini: ftruncate"); exit(2); }
    size_t done = 0;
    while (done < size) {
        ssize_t k = pwrite(t->fd, (const char *)data + done, size - done, (off_t)done);
        if (k <= 0) { perror("fuzz_ini: pwrite"); exit(2); }
        done += (size_t)k;
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    stderr_real = stderr;
    diag_set_program("fuzz_ini");
    diag_quiet(1);
    open_tmp(&input, "fuzz_ini-input");
    open_tmp(&main_ini, "fuzz_ini-main");
    char text[128];
    int n = snprintf(text, sizeof text, "[pfade]\nquellen = %s\n", input.path);
    write_tmp(&main_ini, text, (size_t)n);
    if (config_load(main_ini.path, NULL, &main_cfg) != 0) {
        fprintf(stderr, "fuzz_ini: main configuration %s not loadable\n", main_ini.path);
        exit(2);
    }
    const char *v = getenv("FUZZ_VERBOSE");
    if (!(v && *v == '1')) {
        FILE *null = fopen("/dev/null", "w");
        if (null) stderr = null;    /* stdio only: fd 2 stays for the reports */
    }
    return 0;
}

/* Keys ibericht reads from its configuration (config.h, the stages). */
static const char *const config_keys[] = {
    "bericht:kommune", "bericht:titel", "bericht:berichtsjahr", "bericht:stand",
    "pfade:inbox", "pfade:out", "pfade:store", "pfade:quellen",
    "terminierung:kurzfristig_bis", "terminierung:mittelfristig_bis", "terminierung:langfristig_bis",
    "terminierung:laufend_woerter", "massnahmen:dateien", "massnahmen:spalte_massnahme",
    "massnahmen:pflichtspalten", "massnahmenliste:titel", "gibt:es:nicht", ":", "", NULL
};

/* Every key a profile may have (quelle.c), and one it may not. */
static const char *const quelle_keys[] = {
    "typ", "dateien", "fachdienst", "zeitraum", "kodierung", "trennzeichen", "blatt",
    "kopfzeile", "kopfzeilen", "daten_ab", "zeilenfehler", "erwartet", "max_feld_bytes",
    "spalte_massnahme", "pflichtspalten", "indikator", "symbole", "kopf_dimensionen",
    "unbekannt", NULL
};

static void check_list(char **list, int count)
{
    CHECK(list != NULL, "config_list gave NULL");
    int n = 0;
    for (; list[n]; n++) {
        size_t len = strlen(list[n]);
        CHECK(len > 0, "empty list item");
        CHECK(list[n][0] != ' ' && list[n][0] != '\t' && list[n][len - 1] != ' ' &&
              list[n][len - 1] != '\t', "untrimmed item „%s“", list[n]);
        CHECK(strchr(list[n], ',') == NULL, "item with comma „%s“", list[n]);
    }
    CHECK(count < 0 || n == count, "count %d, items %d", count, n);
}

static void fuzz_config(void)
{
    static const struct config_overrides ov = { "in", "/abs/out", "s.sqlite" };
    for (int pass = 0; pass < 2; pass++) {
        struct ib_config cfg;
        if (config_load(input.path, pass ? &ov : NULL, &cfg) != 0) {
            CHECK(cfg.ini == NULL && cfg.path == NULL, "failed load left state");
            continue;
        }
        CHECK(cfg.path && cfg.inbox && cfg.out && cfg.store, "unresolved paths");
        if (pass) CHECK(strcmp(cfg.store, "s.sqlite") == 0, "override store %s", cfg.store);
        for (int i = 0; config_keys[i]; i++) {
            const char *s = config_string(&cfg, config_keys[i], NULL);
            CHECK(!s || *s, "empty string for %s", config_keys[i]);
            (void)config_int(&cfg, config_keys[i], -1);
            int count = -1;
            char **list = config_list(&cfg, config_keys[i], "a, b,,c ", &count);
            check_list(list, count);
            config_list_free(list);
        }
        config_free(&cfg);
    }
}

static void fuzz_quellen(void)
{
    struct quellen qs;
    if (quellen_load(&main_cfg, &qs) != 0) {
        CHECK(qs.items == NULL && qs.ini == NULL && qs.count == 0, "failed load left state");
        return;
    }
    CHECK(qs.count >= 1 && qs.items && qs.ini && qs.path, "loaded without profiles");
    for (int i = 0; i < qs.count; i++) {
        const struct quelle *q = &qs.items[i];
        CHECK(q->id && q->set == &qs, "profile %d", i);
        CHECK(q->typ == QUELLE_MASSNAHMEN || q->typ == QUELLE_KENNZAHLEN, "typ %d", (int)q->typ);
        CHECK(q->dateien && q->dateien[0], "[%s] without patterns", q->id);
        check_list(q->dateien, -1);
        CHECK(q->fachdienst && q->kodierung, "[%s] defaults missing", q->id);
        CHECK(q->trennzeichen == 0 || q->trennzeichen == ';' || q->trennzeichen == ',' ||
              q->trennzeichen == '\t', "[%s] trennzeichen %d", q->id, q->trennzeichen);
        CHECK(q->nkopfzeilen >= 0 && q->nkopfzeilen <= QUELLE_MAX_KOPFZEILEN, "[%s] nkopfzeilen %d",
              q->id, q->nkopfzeilen);
        for (int k = 0; k < q->nkopfzeilen; k++) {
            CHECK(q->kopfzeilen[k] >= 1, "[%s] kopfzeile %d", q->id, q->kopfzeilen[k]);
            CHECK(k == 0 || q->kopfzeilen[k] > q->kopfzeilen[k - 1], "[%s] kopfzeilen not rising", q->id);
        }
        CHECK(q->daten_ab >= 0, "[%s] daten_ab %d", q->id, q->daten_ab);
        CHECK(q->zeilen_ueberspringen == 0 || q->zeilen_ueberspringen == 1, "[%s] zeilenfehler", q->id);
        (void)quelle_typ_name(q->typ);
        for (int k = 0; quelle_keys[k]; k++) {
            const char *s = quelle_string(q, quelle_keys[k], NULL);
            CHECK(!s || *s, "[%s] empty string for %s", q->id, quelle_keys[k]);
            char **list = quelle_list(q, quelle_keys[k], NULL);
            check_list(list, -1);
            config_list_free(list);
        }
    }
    static const char *const names[] = {
        "massnahmen_wesermarsch_anhang6.csv", "Bevoelkerung 2023.xlsx", "", ".csv", "x", NULL
    };
    for (int i = 0; names[i]; i++) {
        const struct quelle *q = quellen_match(&qs, names[i]);
        CHECK(!q || (q >= qs.items && q < qs.items + qs.count), "match outside the profiles");
    }
    quellen_free(&qs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    write_tmp(&input, data, size);
    fuzz_config();
    fuzz_quellen();
    return 0;
}
