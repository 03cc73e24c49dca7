/*
 * fsutil.c — paths, directory listings and atomic output files.
 */
#include "fsutil.h"
#include "diag.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *path_join(const char *dir, const char *name)
{
    if (!dir || !*dir || strcmp(dir, ".") == 0 || name[0] == '/') return xstrdup(name);
    size_t a = strlen(dir), b = strlen(name);
    while (a > 1 && dir[a - 1] == '/') a--;
    char *p = xmalloc(a + b + 2);
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

const char *path_basename(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

int dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode) && access(path, R_OK | X_OK) == 0;
}

int dir_make(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) { free(p); return -1; }
        *s = '/';
    }
    int rc = mkdir(p, 0777);
    free(p);
    return rc == 0 || errno == EEXIST ? 0 : -1;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *path_safe_name(const char *s, char *out, size_t size)
{
    size_t n = 0;
    if (!size) return out;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *rep = NULL;
        char one[2] = { 0, 0 };
        if (p[0] == 0xC3 && p[1]) {
            switch (p[1]) {
            case 0xA4: rep = "ae"; break;
            case 0xB6: rep = "oe"; break;
            case 0xBC: rep = "ue"; break;
            case 0x84: rep = "Ae"; break;
            case 0x96: rep = "Oe"; break;
            case 0x9C: rep = "Ue"; break;
            case 0x9F: rep = "ss"; break;
            }
            if (rep) p++;
        }
        if (!rep) {
            int keep = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                       *p == '-' || (*p == '.' && n > 0);
            if (!keep) {
                /* a multi-byte character becomes one '_' */
                while ((p[1] & 0xC0) == 0x80) p++;
                one[0] = '_';
            } else {
                one[0] = (char)*p;
            }
            rep = one;
        }
        if (n + strlen(rep) >= size) break;
        for (const char *r = rep; *r; r++) {
            if (*r == '_' && (n == 0 || out[n - 1] == '_')) continue;
            out[n++] = *r;
        }
    }
    while (n && out[n - 1] == '_') n--;
    out[n] = '\0';
    return out;
}

/* the entries of dir that are regular files (folders = 0) or folders (1) */
static char **list_entries(const char *dir, int folders, int *count)
{
    DIR *d = opendir(dir);
    if (!d) return NULL;
    int n = 0, cap = 16;
    char **names = xmalloc(sizeof(char *) * (size_t)cap);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char *full = path_join(dir, e->d_name);
        struct stat st;
        int wanted = stat(full, &st) == 0 && (folders ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
        free(full);
        if (!wanted) continue;
        if (n + 2 > cap) { cap *= 2; names = xrealloc(names, sizeof(char *) * (size_t)cap); }
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof(char *), cmp_names);
    names[n] = NULL;
    if (count) *count = n;
    return names;
}

char **dir_list(const char *dir, int *count) { return list_entries(dir, 0, count); }

char **dir_list_folders(const char *dir, int *count) { return list_entries(dir, 1, count); }

void dir_list_free(char **names)
{
    if (!names) return;
    for (char **p = names; *p; p++) free(*p);
    free(names);
}

char *outfile_temp(const char *target)
{
    const char *base = path_basename(target);
    size_t dirlen = (size_t)(base - target);
    char *dir = xstrndup(target, dirlen);
    if (dirlen && dir_make(dir) != 0) {
        diag_error("Ausgabeordner %s kann nicht angelegt werden: %s", dir, diag_errno_text(errno));
        free(dir);
        return NULL;
    }
    size_t n = dirlen + strlen(base) + 32;
    char *tmp = xmalloc(n);
    snprintf(tmp, n, "%s.%s.tmp-%ld", dir, base, (long)getpid());
    free(dir);
    return tmp;
}

int outfile_commit(const char *tmp, const char *target)
{
    int fd = open(tmp, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0) {
        diag_error("%s: kann nicht gesichert werden: %s", target, diag_errno_text(errno));
        if (fd >= 0) close(fd);
        outfile_abort(tmp);
        return -1;
    }
    close(fd);
    if (rename(tmp, target) != 0) {
        diag_error("%s: kann nicht geschrieben werden: %s", target, diag_errno_text(errno));
        outfile_abort(tmp);
        return -1;
    }
    return 0;
}

void outfile_abort(const char *tmp)
{
    if (tmp) unlink(tmp);
}
