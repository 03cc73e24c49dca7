/*
 * diag.c — located messages, exit codes and checked allocation.
 */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void diag_report(enum diag_severity sev, const struct diag_where *w, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    diag_format(buf, sizeof buf, w, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: %s: %s\n", program, sev == DIAG_ERROR ? "Fehler" : "Warnung", buf);
}

#define DIAG_PLAIN(name, label, cond) \
    void name(const char *fmt, ...) { \
        va_list ap; if (!(cond)) return; \
        fprintf(stderr, "%s: %s", program, label); \
        va_start(ap, fmt); vfprintf(stderr, fmt, ap); va_end(ap); \
        fputc('\n', stderr); }
DIAG_PLAIN(diag_error, "Fehler: ", 1)
DIAG_PLAIN(diag_warning, "Warnung: ", 1)
DIAG_PLAIN(diag_info, "", !quiet)

static void out_of_memory(unsigned long n)
{
    fprintf(stderr, "%s: Fehler: kein Speicher für %lu Bytes\n", program, n);
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
