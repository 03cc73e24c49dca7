/*
 * stage.c — common options and configuration loading of the stages.
 */
#include "stage.h"
#include "diag.h"

#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *f, const char *program, const char *what)
{
    fprintf(f,
            "Aufruf: %s [-c KONFIG] [--inbox ORDNER] [--out ORDNER] [--store DATEI] [-q]\n"
            "%s\n\n"
            "  -c, --config DATEI  Konfiguration (Standard: %s)\n"
            "      --inbox ORDNER  Eingangsordner (statt [pfade] inbox)\n"
            "      --out ORDNER    Ausgabeordner (statt [pfade] out)\n"
            "      --store DATEI   Datenbestand (statt [pfade] store)\n"
            "  -q, --quiet         nur Warnungen und Fehler ausgeben\n"
            "  -h, --help          diese Hilfe\n"
            "  -V, --version       Version ausgeben\n\n"
            "Exit-Codes: 0 in Ordnung, 1 Dateien abgewiesen, 2 Aufruf/Konfiguration,\n"
            "3 Eingangsordner, 4 Datenbestand, 5 Ausgabe, 6 Datenbestand gesperrt,\n"
            "70 interner Fehler.\n",
            program, what, STAGE_DEFAULT_CONFIG);
}

void stage_version(const char *program)
{
    printf("%s %s\n", program, IB_VERSION);
}

/*
 * The German message for an option getopt_long did not accept (c is ':'
 * for a missing value, '?' otherwise).  The option is named as written:
 * a long one from its argument (up to '='), a short one from optopt.  The
 * argument is argv[optind - 1] once getopt has moved on, argv[optind] while
 * it is still inside a group of short options (-qx).
 */
static void option_error(int c, int argc, char **argv, int before)
{
    const char *arg = optind > before ? argv[optind - 1] : optind < argc ? argv[optind] : "";
    char name[128];
    if (strncmp(arg, "--", 2) == 0)
        snprintf(name, sizeof name, "%.*s", (int)strcspn(arg, "="), arg);
    else
        snprintf(name, sizeof name, "-%c", optopt ? optopt : '?');
    if (c == ':')
        diag_error("Option „%s“ braucht einen Wert", name);
    else if (optopt && strchr(arg, '=') && strncmp(arg, "--", 2) == 0)
        diag_error("Option „%s“ nimmt keinen Wert", name);
    else
        diag_error("unbekannte Option „%s“", name);
}

int stage_start(const char *program, const char *what, int argc, char **argv,
                struct ib_config *cfg)
{
    /* A batch program: keep freed memory for reuse instead of handing it back
     * to the kernel at once.  zlib allocates and frees about 270 KB for every
     * compressed stream (each of the 1.300 pages of the long list), and
     * glibc's default trims the heap top on every free only to fault the
     * pages in again: 30.000 page faults, 0,03 s of system time per PDF.
     * Peak memory stays the same; it is returned at exit. */
    mallopt(M_TRIM_THRESHOLD, 256 << 20);

    static const struct option longopts[] = {
        { "config", required_argument, NULL, 'c' },
        { "inbox", required_argument, NULL, 'I' },
        { "out", required_argument, NULL, 'O' },
        { "store", required_argument, NULL, 'S' },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 }
    };
    const char *config = STAGE_DEFAULT_CONFIG;
    struct config_overrides ov = { 0 };
    int c;
    diag_set_program(program);
    optind = 1;
    opterr = 0;                 /* getopt's own messages are English: ours below */
    for (int before = optind; (c = getopt_long(argc, argv, ":c:qhV", longopts, NULL)) != -1; before = optind) {
        switch (c) {
        case 'c': config = optarg; break;
        case 'I': ov.inbox = optarg; break;
        case 'O': ov.out = optarg; break;
        case 'S': ov.store = optarg; break;
        case 'q': diag_quiet(1); break;
        case 'h': usage(stdout, program, what); return -1;
        case 'V': stage_version(program); return -1;
        default:
            option_error(c, argc, argv, before);
            usage(stderr, program, what);
            return IB_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        diag_error("unerwartetes Argument „%s“", argv[optind]);
        usage(stderr, program, what);
        return IB_EXIT_USAGE;
    }
    if (ov.inbox && !*ov.inbox) ov.inbox = NULL;
    if (ov.out && !*ov.out) ov.out = NULL;
    if (ov.store && !*ov.store) ov.store = NULL;
    if (config_load(config, &ov, cfg) != 0) return IB_EXIT_USAGE;
    return IB_EXIT_OK;
}

int stage_main(const char *program, const char *what, int argc, char **argv, enum store_mode mode,
               int (*fn)(const struct ib_config *cfg, sqlite3 *db))
{
    struct ib_config cfg;
    int rc = stage_start(program, what, argc, argv, &cfg);
    if (rc) return rc < 0 ? IB_EXIT_OK : rc;
    sqlite3 *db = store_open(cfg.store, mode);
    rc = db ? fn(&cfg, db) : IB_EXIT_STORE;
    store_close(db);
    config_free(&cfg);
    return rc;
}
