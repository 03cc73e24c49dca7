/*
 * ibericht.c — the driver: `ibericht STAGE [OPTIONS]` runs one stage,
 * `ibericht report [OPTIONS]` runs ingest → compute → the renderers
 * (render-xlsx, render-pdf, render-eingang, rueckmeldebogen, render-befragung, render-html) → manifest,
 * as `git` runs its commands: each stage is its own
 * program (ibericht-STAGE, found next to this one), so each can be re-run
 * alone.  Options are passed on unchanged (see stage.h).
 *
 * report stops at the first stage that fails, except that ingest's
 * "some files rejected" (exit 1) lets the report go on — the other files
 * are reported — and is returned at the end.  The renderers only read the
 * store and run as processes side by side (run_renderers); when several
 * fail, report returns the smallest of their codes (first_cause), so a
 * configuration error (2, e.g. a missing font) is not hidden behind the
 * output error (5) it causes in another renderer.  README.md, "Exit-Codes".
 *
 * `ibericht report --help` prints the report's own help, `--version` the
 * version (stage.h).  An inbox without files is said at the very end of the
 * report, after every renderer's messages: ingest tells the driver through
 * a pipe (STAGE_MELDUNG_FD).
 */
#include "lib/diag.h"
#include "lib/stage.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const stages[] = { "ingest", "compute", "render-xlsx", "render-pdf", "render-eingang",
                                      "render-indikatoren", "render-bericht", "render-html", "rueckmeldebogen", "render-befragung",
                                      "manifest", NULL };

static char exe_dir[PATH_MAX];

/* write end of the pipe for ingest's "inbox empty" note, -1 = none (see STAGE_MELDUNG_FD) */
static int meldung_fd = -1;

/* 1 while `ibericht report` runs its stages: the stages after ingest do not
 * repeat the configuration warnings ingest printed (config.h) */
static int im_bericht;

/*
 * Start ibericht-STAGE with the given arguments; returns the pid or -1.
 * The stage dies with the driver (PR_SET_PDEATHSIG, Linux): a driver killed
 * by SIGKILL or stopped by SIGTERM leaves no stage running on, holding the
 * store's lock; the stage's transaction is rolled back as on any abort.
 */
static pid_t start_stage(const char *stage, int argc, char **argv)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/ibericht-%s", exe_dir, stage);
    char **args = xcalloc((size_t)argc + 2, sizeof(char *));
    args[0] = path;
    for (int i = 0; i < argc; i++) args[i + 1] = argv[i];
    fflush(NULL);
    pid_t driver = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        diag_error("Prozess für %s nicht startbar: %s", stage, diag_errno_text(errno));
        free(args);
        return -1;
    }
    if (pid == 0) {
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != driver) _exit(IB_EXIT_INTERNAL);
        if (im_bericht && strcmp(stage, "ingest") != 0) setenv("IBERICHT_KONFIG_GEPRUEFT", "1", 1);
        if (meldung_fd >= 0 && strcmp(stage, "ingest") == 0) {
            char fd[16];
            snprintf(fd, sizeof fd, "%d", meldung_fd);
            if (fcntl(meldung_fd, F_SETFD, 0) == 0) setenv(STAGE_MELDUNG_FD, fd, 1);
        }
        const char *wrap = getenv("IBERICHT_WRAP");      /* e.g. valgrind, for the tests */
        if (wrap && *wrap) {
            char cmd[PATH_MAX * 2];
            snprintf(cmd, sizeof cmd, "exec %s \"$0\" \"$@\"", wrap);
            char **sh = xcalloc((size_t)argc + 5, sizeof(char *));
            sh[0] = "/bin/sh"; sh[1] = "-c"; sh[2] = cmd;
            for (int i = 0; i <= argc; i++) sh[i + 3] = args[i];
            execv("/bin/sh", sh);
        } else {
            execv(path, args);
        }
        diag_error("%s nicht ausführbar: %s", path, diag_errno_text(errno));
        _exit(IB_EXIT_INTERNAL);
    }
    free(args);
    return pid;
}

/* Wait for a started stage; returns its exit code. */
static int wait_stage(const char *stage, pid_t pid)
{
    int status;
    if (pid < 0) return IB_EXIT_INTERNAL;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return IB_EXIT_INTERNAL;
    if (WIFSIGNALED(status)) {
        diag_error("%s durch Signal %d beendet", stage, WTERMSIG(status));
        return IB_EXIT_INTERNAL;
    }
    return WEXITSTATUS(status);
}

static int run_stage(const char *stage, int argc, char **argv)
{
    return wait_stage(stage, start_stage(stage, argc, argv));
}

/*
 * The exit code for stages that ran side by side: 0 when all succeeded,
 * else the smallest non-zero code.  The codes are ordered from cause to
 * consequence (2 call/configuration, 4 store, 5 output, 70 internal): a
 * missing font file is a configuration error (2) in one renderer and may
 * only show as an unwritten output (5) in another.
 */
static int first_cause(const int *codes, int n)
{
    int rc = IB_EXIT_OK;
    for (int i = 0; i < n; i++)
        if (codes[i] != IB_EXIT_OK && (rc == IB_EXIT_OK || codes[i] < rc)) rc = codes[i];
    return rc;
}

/*
 * The renderers only read the store, so they run side by side: at most
 * IBERICHT_PROZESSE (default: the number of processors) at a time, the
 * longest first (the classic longest-processing-time rule: on 2 cores the
 * 1.300-page PDF gets a core of its own while the short ones share the
 * other, instead of all seven slowing each other down).  The order is what
 * `make bench` measures on large inputs.  Returns first_cause of their exit
 * codes.
 */
static int run_renderers(int argc, char **argv)
{
    static const char *const renderers[] = { "render-bericht", "render-pdf", "render-xlsx", "rueckmeldebogen",
                                             "render-befragung", "render-indikatoren", "render-eingang", "render-html" };
    enum { NRENDERERS = sizeof renderers / sizeof renderers[0] };
    const char *env = getenv("IBERICHT_PROZESSE");
    long limit = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
    if (limit < 1) limit = 1;
    pid_t pids[NRENDERERS];
    int results[NRENDERERS], running = 0, next = 0, done = 0;
    while (done < NRENDERERS) {
        while (next < NRENDERERS && running < limit) {
            pids[next] = start_stage(renderers[next], argc, argv);
            if (pids[next] < 0) { results[next] = IB_EXIT_INTERNAL; done++; }
            else running++;
            next++;
        }
        if (!running) continue;
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR) continue;
            diag_error("Warten auf die Ausgaben fehlgeschlagen: %s", diag_errno_text(errno));
            return IB_EXIT_INTERNAL;
        }
        for (int i = 0; i < next; i++) {
            if (pids[i] != pid) continue;
            if (WIFSIGNALED(status)) {
                diag_error("%s durch Signal %d beendet", renderers[i], WTERMSIG(status));
                results[i] = IB_EXIT_INTERNAL;
            } else {
                results[i] = WEXITSTATUS(status);
            }
            pids[i] = -1;
            running--;
            done++;
            break;
        }
    }
    return first_cause(results, NRENDERERS);
}

/*
 * ingest under the report: with a pipe for its "inbox empty" note.  The
 * inbox path it wrote (NUL-terminated, without the newline) goes to leer;
 * leer[0] is '\0' when the inbox had files.  Returns ingest's exit code.
 */
static int run_ingest(int argc, char **argv, char *leer, size_t size)
{
    int p[2];
    leer[0] = '\0';
    if (pipe2(p, O_CLOEXEC) != 0) return run_stage("ingest", argc, argv);   /* no note then */
    meldung_fd = p[1];
    int rc = run_stage("ingest", argc, argv);
    meldung_fd = -1;
    close(p[1]);
    size_t n = 0;
    ssize_t r;
    while (n + 1 < size && ((r = read(p[0], leer + n, size - 1 - n)) > 0 || (r < 0 && errno == EINTR)))
        if (r > 0) n += (size_t)r;
    close(p[0]);
    leer[n] = '\0';
    leer[strcspn(leer, "\n")] = '\0';
    return rc;
}

static void report_usage(FILE *f)
{
    fprintf(f, "Aufruf: ibericht report [-c KONFIG] [--inbox ORDNER] [--out ORDNER] [--store DATEI] [-q]\n"
               "Der ganze Lauf: ingest (Eingangsordner → Datenbestand), compute (abgeleitete Tabellen),\n"
               "die Ausgaben nebeneinander (render-bericht, render-pdf, render-xlsx, rueckmeldebogen,\n"
               "render-befragung, render-indikatoren, render-eingang), zuletzt manifest.\n\n"
               "  -c, --config DATEI  Konfiguration (Standard: %s)\n"
               "      --inbox ORDNER  Eingangsordner (statt [pfade] inbox)\n"
               "      --out ORDNER    Ausgabeordner (statt [pfade] out)\n"
               "      --store DATEI   Datenbestand (statt [pfade] store)\n"
               "  -q, --quiet         nur Warnungen und Fehler ausgeben\n"
               "  -h, --help          diese Hilfe\n"
               "  -V, --version       Version ausgeben\n\n"
               "Ein leerer Eingangsordner ist kein Fehler: Die Ausgaben werden aus dem Datenbestand\n"
               "neu geschrieben, eine Warnung am Ende sagt es.\n\n"
               "Exit-Codes: 0 in Ordnung, 1 Dateien abgewiesen (Bericht trotzdem geschrieben),\n"
               "2 Aufruf/Konfiguration, 3 Eingangsordner, 4 Datenbestand, 5 Ausgabe,\n"
               "6 Datenbestand gesperrt, 70 interner Fehler.  Scheitert ingest oder compute, endet\n"
               "der Lauf dort; scheitern mehrere Ausgaben, gilt der kleinste Code (die Ursache).\n",
               STAGE_DEFAULT_CONFIG);
}

/* 1 if args (n of them) hold the option exactly as written: "-h", "--help" */
static int has_option(int n, char **args, const char *shortopt, const char *longopt)
{
    for (int i = 0; i < n; i++)
        if (strcmp(args[i], shortopt) == 0 || strcmp(args[i], longopt) == 0) return 1;
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f, "Aufruf: ibericht BEFEHL [OPTIONEN]\n\n"
               "Befehle:\n"
               "  report        alle Stufen: ingest, compute, die Ausgaben, manifest\n"
               "  ingest        Eingangsordner → Datenbestand\n"
               "  compute       Datenbestand → abgeleitete Tabellen\n"
               "  render-xlsx   Maßnahmenliste als Excel-Arbeitsmappe\n"
               "  render-pdf    chronologische Maßnahmenliste als PDF\n"
               "  render-eingang Eingangsbericht (Lieferungen, Rücklauf) als XLSX und PDF\n"
               "  render-indikatoren Indikatoren je Handlungsfeld als XLSX und PDF\n"
               "  render-bericht der Integrationsbericht aus der Vorlage, mit Ausschuss-Ausgaben\n"
               "  render-html   der Integrationsbericht als HTML-Ausgabe (out/html/)\n"
               "  rueckmeldebogen Rückmeldebögen je Fachdienst (Stand der Maßnahmen) als XLSX\n"
               "  render-befragung Auswertung der Befragungen als XLSX und PDF\n"
               "  manifest      Lauf-Manifest: Eingaben und Ausgaben mit SHA-256\n\n"
               "Optionen (alle Befehle): -c KONFIG, --inbox ORDNER, --out ORDNER, --store DATEI, -q\n"
               "Hilfe zu einem Befehl: ibericht BEFEHL --help; Version: ibericht --version\n");
}

int main(int argc, char **argv)
{
    diag_set_program("ibericht");
    ssize_t n = readlink("/proc/self/exe", exe_dir, sizeof exe_dir - 1);
    if (n <= 0) {
        diag_error("eigener Pfad nicht bestimmbar");
        return IB_EXIT_INTERNAL;
    }
    exe_dir[n] = '\0';
    char *slash = strrchr(exe_dir, '/');
    if (slash) *slash = '\0';

    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? IB_EXIT_USAGE : IB_EXIT_OK;
    }
    if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
        stage_version("ibericht");
        return IB_EXIT_OK;
    }
    if (strcmp(argv[1], "report") == 0) {
        /* its own help and version, not every stage's in turn */
        if (has_option(argc - 2, argv + 2, "-h", "--help")) { report_usage(stdout); return IB_EXIT_OK; }
        if (has_option(argc - 2, argv + 2, "-V", "--version")) { stage_version("ibericht"); return IB_EXIT_OK; }
        /* ingest, compute in order; the renderers only read the store and
         * run side by side */
        char leer[PATH_MAX + 2];
        im_bericht = 1;
        int result = run_ingest(argc - 2, argv + 2, leer, sizeof leer);
        if (result != IB_EXIT_OK && result != IB_EXIT_REJECTED) return result;
        int rc = run_stage("compute", argc - 2, argv + 2);
        if (rc != IB_EXIT_OK && rc != IB_EXIT_BERECHNUNG) return rc;
        int berechnung = rc;   /* 7: the reports are written and name the failed indicators */
        int first_failure = run_renderers(argc - 2, argv + 2);
        if (first_failure != IB_EXIT_OK) return first_failure;
        rc = run_stage("manifest", argc - 2, argv + 2);
        if (rc == IB_EXIT_OK && leer[0])
            diag_warning("Eingangsordner %s ist leer: keine neuen Lieferungen; Ausgaben aus dem Datenbestand "
                         "neu geschrieben", leer);
        return rc != IB_EXIT_OK ? rc : berechnung != IB_EXIT_OK ? berechnung : result;
    }
    for (int i = 0; stages[i]; i++)
        if (strcmp(argv[1], stages[i]) == 0) return run_stage(stages[i], argc - 2, argv + 2);
    diag_error("unbekannter Befehl „%s“", argv[1]);
    usage(stderr);
    return IB_EXIT_USAGE;
}
