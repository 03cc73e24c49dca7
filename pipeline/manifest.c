/*
 * manifest.c — ibericht-manifest: out/manifest.tsv, the record of a run.
 *
 * Lists every input file the store holds (current and superseded
 * deliveries) with its SHA-256, size, source and state, and every output
 * file in the out directory, its Rückmeldebögen folder
 * („rueckmeldeboegen/NAME“) and the HTML edition („html/NAME“) with its SHA-256 and size — so a report handed
 * to a committee can be traced to exactly the deliveries it was made from,
 * and a re-run can be checked byte for byte.  Tab-separated, sorted, no
 * time of day except report_time() (SOURCE_DATE_EPOCH) in the header line.
 * The store itself, its lock and temporary files are not listed.
 *
 * Exit codes: 0, 2 configuration, 4 store, 5 output.
 */
#include "lib/config.h"
#include "lib/diag.h"
#include "lib/format.h"
#include "lib/fsutil.h"
#include "lib/sha256.h"
#include "lib/stage.h"
#include "lib/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int skip_output(const struct ib_config *cfg, const char *name, const char *manifest)
{
    const char *store = path_basename(cfg->store);
    size_t n = strlen(store);
    return strcmp(name, manifest) == 0 || strncmp(name, store, n) == 0 || strstr(name, ".tmp-") != NULL;
}

/* One line per output file of dir, named prefix/NAME when prefix is given. */
static void list_outputs(FILE *f, const struct ib_config *cfg, const char *dir, const char *prefix,
                         const char *manifest)
{
    int n = 0;
    char **files = dir_list(dir, &n);
    for (int i = 0; files && i < n; i++) {
        if (skip_output(cfg, files[i], manifest)) continue;
        char *path = path_join(dir, files[i]);
        char sha[65];
        long long size;
        if (sha256_file(path, sha, &size) == 0)
            fprintf(f, "ausgabe\t%s\t%lld\t%s%s%s\t\t\n", sha, size, prefix ? prefix : "", prefix ? "/" : "",
                    files[i]);
        free(path);
    }
    dir_list_free(files);
}

static int write_manifest(const struct ib_config *cfg, sqlite3 *db)
{
    const char *name = config_string(cfg, "manifest:datei", "manifest.tsv");
    char *target = path_join(cfg->out, name);
    char *tmp = outfile_temp(target);
    FILE *f = tmp ? fopen(tmp, "w") : NULL;
    if (!f) {
        diag_error("%s: nicht schreibbar: %s", target, diag_errno_text(errno));
        free(tmp);
        free(target);
        return IB_EXIT_OUTPUT;
    }
    char when[32];
    fprintf(f, "# ibericht Lauf-Manifest: %s, %s\n", config_string(cfg, "bericht:titel", ""),
            format_iso_utc(when, sizeof when, report_time()));
    fprintf(f, "art\tsha256\tbytes\tdatei\tquelle\tstand\n");
    sqlite3_stmt *q = store_prepare(db,
        "SELECT sha256, size, name, quelle, CASE WHEN superseded_by IS NULL THEN 'aktuell' ELSE 'ersetzt' END"
        "  FROM source_file ORDER BY name, sha256");
    int rc = q ? IB_EXIT_OK : IB_EXIT_STORE;
    while (q && sqlite3_step(q) == SQLITE_ROW)
        fprintf(f, "eingabe\t%s\t%lld\t%s\t%s\t%s\n", store_column_text(q, 0),
                (long long)sqlite3_column_int64(q, 1), store_column_text(q, 2), store_column_text(q, 3),
                store_column_text(q, 4));
    sqlite3_finalize(q);
    list_outputs(f, cfg, cfg->out, NULL, name);
    /* the Rückmeldebögen in their folder */
    const char *sub = config_string(cfg, "rueckmeldebogen:ordner", "rueckmeldeboegen");
    char *subdir = path_join(cfg->out, sub);
    if (dir_exists(subdir)) list_outputs(f, cfg, subdir, sub, name);
    free(subdir);
    /* the HTML edition in its folder (render_html.c) */
    sub = config_string(cfg, "html:ordner", "html");
    subdir = path_join(cfg->out, sub);
    if (dir_exists(subdir)) list_outputs(f, cfg, subdir, sub, name);
    free(subdir);
    if (fclose(f) != 0 || rc != IB_EXIT_OK || outfile_commit(tmp, target) != 0) {
        if (rc == IB_EXIT_OK) rc = IB_EXIT_OUTPUT;
        outfile_abort(tmp);
    } else {
        diag_info("%s geschrieben", target);
    }
    free(tmp);
    free(target);
    return rc;
}

int main(int argc, char **argv)
{
    return stage_main("ibericht-manifest", "Schreibt das Lauf-Manifest (Eingaben und Ausgaben mit SHA-256).",
                      argc, argv, STORE_READ, write_manifest);
}
