/*
 * inbox.c — the inbox folder: files still being written, archive and
 * quarantine (see ingest.h).
 *
 * Moves are renames, so a file is always whole in exactly one place; when
 * the archive lies on another file system the file is copied, synced and
 * only then removed from the inbox.
 */
#include "ingest.h"
#include "lib/diag.h"
#include "lib/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum inbox_state inbox_state_of(const char *dir, const char *name, int settle, const char **why)
{
    size_t n = strlen(name);
    if ((n > 5 && strcmp(name + n - 5, ".part") == 0) || strncmp(name, "~$", 2) == 0 ||
        strncmp(name, ".~lock", 6) == 0 || (n > 4 && strcmp(name + n - 4, ".tmp") == 0) ||
        (n > 8 && strcmp(name + n - 8, ".crdownload") == 0)) {
        *why = "Name einer Datei, die noch geschrieben wird oder gesperrt ist";
        return INBOX_PENDING;
    }
    char *path = path_join(dir, name);
    struct stat st;
    int ok = stat(path, &st) == 0;
    free(path);
    if (ok && settle > 0 && time(NULL) - st.st_mtime < settle) {
        *why = "gerade erst geändert (wird vielleicht noch kopiert)";
        return INBOX_PENDING;
    }
    *why = NULL;
    return INBOX_READY;
}

/* copy src to dst (new file), fsync; 0 or -1 */
static int copy_file(const char *src, const char *dst)
{
    int in = open(src, O_RDONLY), out = -1, rc = -1;
    if (in < 0) return -1;
    out = open(dst, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (out >= 0) {
        char buf[65536];
        ssize_t k;
        rc = 0;
        while ((k = read(in, buf, sizeof buf)) > 0)
            if (write(out, buf, (size_t)k) != k) { rc = -1; break; }
        if (k < 0 || fsync(out) != 0) rc = -1;
        close(out);
        if (rc != 0) unlink(dst);
    }
    close(in);
    return rc;
}

/* move path to a free name in dir; returns the new path or NULL */
static char *move_into(const char *path, const char *dir)
{
    if (dir_make(dir) != 0) {
        diag_warning("%s: Ablageordner %s nicht anlegbar: %s — Datei bleibt im Eingang", path, dir, diag_errno_text(errno));
        return NULL;
    }
    const char *base = path_basename(path);
    char *target = path_join(dir, base);
    for (int i = 1; access(target, F_OK) == 0 && i < 10000; i++) {
        free(target);
        size_t n = strlen(dir) + strlen(base) + 16;
        target = xmalloc(n);
        snprintf(target, n, "%s/%s.%d", dir, base, i);
    }
    if (rename(path, target) == 0) return target;
    if (errno == EXDEV && copy_file(path, target) == 0 && unlink(path) == 0) return target;
    diag_warning("%s: nicht nach %s verschiebbar: %s — Datei bleibt im Eingang", path, target, diag_errno_text(errno));
    free(target);
    return NULL;
}

char *inbox_archive(const char *path, const char *archive_dir, time_t when)
{
    struct tm tm;
    char day[16];
    localtime_r(&when, &tm);
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    char *dir = path_join(archive_dir, day);
    char *target = move_into(path, dir);
    free(dir);
    return target;
}

char *inbox_quarantine(const char *path, const char *dir, const char *reason)
{
    if (dir_make(dir) != 0) {
        diag_warning("%s: Quarantäneordner %s nicht anlegbar: %s", path, dir, diag_errno_text(errno));
        return NULL;
    }
    /* the reason first: a quarantined file never lacks its .grund.txt */
    const char *base = path_basename(path);
    size_t n = strlen(dir) + strlen(base) + 32;
    char *grund = xmalloc(n);
    snprintf(grund, n, "%s/%s.grund.txt", dir, base);
    char *tmp = outfile_temp(grund);
    FILE *f = tmp ? fopen(tmp, "w") : NULL;
    if (!f || fprintf(f, "%s\n", reason) < 0 || fclose(f) != 0 || outfile_commit(tmp, grund) != 0) {
        diag_warning("%s: Begründung %s nicht schreibbar", path, grund);
        if (tmp) outfile_abort(tmp);
    }
    free(tmp);
    free(grund);
    return move_into(path, dir);
}
