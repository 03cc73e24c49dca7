/*
 * stage.h — what every ibericht stage program does first: parse the common
 * options and load the configuration.
 *
 *   -c, --config FILE   configuration (default config/ibericht.ini)
 *       --inbox DIR     inbox folder (overrides [pfade] inbox)
 *       --out DIR       output folder (overrides [pfade] out)
 *       --store FILE    store file (overrides [pfade] store)
 *   -q, --quiet         only warnings and errors
 *   -h, --help          usage
 *   -V, --version       "PROGRAM VERSION" on stdout
 *
 * The version is defined once, in the file VERSION at the top of the
 * repository; the Makefile passes it as IB_VERSION.
 */
#ifndef IB_STAGE_H
#define IB_STAGE_H

#include "config.h"
#include "store.h"

#define STAGE_DEFAULT_CONFIG "config/ibericht.ini"

#ifndef IB_VERSION
#define IB_VERSION "unbekannt"       /* built without the Makefile */
#endif

/*
 * Environment variable through which `ibericht report` hands ingest the
 * number of a pipe's write end: ingest writes the inbox path and a newline
 * to it when the inbox held no file, and the driver prints the warning at
 * the end of the run (after all renderer messages).  Unset when a stage
 * runs alone: ingest then prints the warning itself.
 */
#define STAGE_MELDUNG_FD "IBERICHT_MELDUNG_FD"

/* stage_version — print "program IB_VERSION" and a newline on stdout. */
void stage_version(const char *program);

/*
 * stage_start — set the program name for messages, parse argv, load the
 * configuration into *cfg.  `what` is a one-line description for --help.
 * Returns IB_EXIT_OK to go on; -1 when --help or --version was printed (exit 0);
 * otherwise the exit code to end with (usage or configuration error).
 */
int stage_start(const char *program, const char *what, int argc, char **argv,
                struct ib_config *cfg);

/*
 * stage_main — the whole main() of a stage that works on the store:
 * stage_start, store_open(path from the config, mode), fn, cleanup.
 * fn returns an exit code.  Returns the exit code for main().
 */
int stage_main(const char *program, const char *what, int argc, char **argv, enum store_mode mode,
               int (*fn)(const struct ib_config *cfg, sqlite3 *db));

#endif
