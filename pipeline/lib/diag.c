/*
 * diag.c — located messages, exit codes and checked allocation.
 *
 * Every message leaves in a single write(2) of one whole line (see emit).
 */
#include "diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *program = "ibericht";
static int quiet;

void diag_set_program(const char *name) { program = name; }
void diag_quiet(int on) { quiet = on; }

char *diag_where_text(char *buf, unsigned long size, const struct diag_where *w)
{
    size_t n = 0;
    buf[0] = '\0';
#define APPEND(...) do { if (n < size) { int k = snprintf(buf + n, size - n, __VA_ARGS__); \
        if (k > 0) n += (size_t)k; } } while (0)
    if (w) {
        const char *sep = "";
        if (w->file) { APPEND("%s", w->file); sep = ", "; }
        if (w->sheet) { APPEND("%sBlatt „%s“", sep, w->sheet); sep = ", "; }
        if (w->row > 0) { APPEND("%sZeile %ld", sep, w->row); sep = ", "; }
        if (w->column) { APPEND("%sSpalte „%s“", sep, w->column); sep = ", "; }
        if (*sep) APPEND(": ");
    }
#undef APPEND
    return buf;
}

char *diag_format(char *buf, unsigned long size, const struct diag_where *w,
                  const char *fmt, va_list ap)
{
    diag_where_text(buf, size, w);
    size_t n = strlen(buf);
    if (n < size) vsnprintf(buf + n, size - n, fmt, ap);
    return buf;
}

/*
 * Compose "PROGRAM: LABELWHEREMESSAGE" into buf (snprintf rules: truncated,
 * NUL-terminated when size > 0).  Returns the length of the whole line
 * including the final newline, which is not written here.
 */
static size_t compose(char *buf, size_t size, const char *label, const char *where,
                      const char *fmt, va_list ap)
{
    int k = snprintf(buf, size, "%s: %s%s", program, label, where);
    size_t n = k > 0 ? (size_t)k : 0;
    int m = vsnprintf(n < size ? buf + n : NULL, n < size ? size - n : 0, fmt, ap);
    return n + (m > 0 ? (size_t)m : 0) + 1;
}

/* write(2) all of buf to stderr: one call unless the kernel takes less */
static void write_all(const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t k = write(STDERR_FILENO, buf, len);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return;
        buf += k;
        len -= (size_t)k;
    }
}

/*
 * One message as one line in one write(2): the stages of a report run side
 * by side on the same stderr, and a line written in pieces (prefix, text,
 * newline) would interleave with theirs.  Newlines inside the message
 * become spaces, so every line starts with the program name.  A message
 * longer than the stack buffer is composed in a heap buffer of its size
 * (without memory: cut to the stack buffer, still one whole line).
 */
static void emit(const char *label, const struct diag_where *w, const char *fmt, va_list ap)
{
    int saved_errno = errno;
    char where[4352], small[4096];
    diag_where_text(where, sizeof where, w);
    va_list again;
    va_copy(again, ap);
    char *line = small;
    size_t len = compose(small, sizeof small, label, where, fmt, ap);
    if (len >= sizeof small) {
        char *big = malloc(len + 1);
        if (big) {
            compose(big, len + 1, label, where, fmt, again);
            line = big;
        } else {
            len = sizeof small - 1;
        }
    }
    va_end(again);
    for (size_t i = 0; i + 1 < len; i++)
        if (line[i] == '\n' || line[i] == '\r') line[i] = ' ';
    line[len - 1] = '\n';
    write_all(line, len);
    if (line != small) free(line);
    errno = saved_errno;
}

void diag_report(enum diag_severity sev, const struct diag_where *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(sev == DIAG_ERROR ? "Fehler: " : "Warnung: ", w, fmt, ap);
    va_end(ap);
}

#define DIAG_PLAIN(name, label, cond) \
    void name(const char *fmt, ...) { \
        va_list ap; if (!(cond)) return; \
        va_start(ap, fmt); emit(label, NULL, fmt, ap); va_end(ap); }
DIAG_PLAIN(diag_error, "Fehler: ", 1)
DIAG_PLAIN(diag_warning, "Warnung: ", 1)
DIAG_PLAIN(diag_info, "", !quiet)

const char *diag_errno_text(int err)
{
    switch (err) {
    case ENOENT: return "Datei oder Ordner fehlt";
    case EACCES: return "keine Berechtigung";
    case EPERM: return "nicht erlaubt";
    case EISDIR: return "ist ein Ordner";
    case ENOTDIR: return "ein Teil des Pfades ist kein Ordner";
    case ENOSPC: return "Datenträger voll";
    case EDQUOT: return "Speicherkontingent erschöpft";
    case EROFS: return "Datenträger nur lesbar";
    case EEXIST: return "existiert bereits";
    case ENOTEMPTY: return "Ordner ist nicht leer";
    case ENOMEM: return "kein Speicher";
    case ENAMETOOLONG: return "Name zu lang";
    case ELOOP: return "zu viele symbolische Verknüpfungen";
    case EMFILE: case ENFILE: return "zu viele offene Dateien";
    case EIO: return "Ein-/Ausgabefehler";
    case EBUSY: return "Datei oder Ordner belegt";
    case EXDEV: return "auf einem anderen Dateisystem";
    case ETXTBSY: return "Programmdatei belegt";
    case ENOEXEC: return "kein ausführbares Programm";
    case EINVAL: return "ungültiges Argument";
    default: return strerror(err);
    }
}

static void out_of_memory(unsigned long n)
{
    diag_error("kein Speicher für %lu Bytes", n);
    exit(IB_EXIT_INTERNAL);
}

void *xmalloc(unsigned long n)
{
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory(n);
    return p;
}

void *xcalloc(unsigned long n, unsigned long size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) out_of_memory(n * size);
    return p;
}

void *xrealloc(void *p, unsigned long n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) out_of_memory(n);
    return q;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, unsigned long n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
