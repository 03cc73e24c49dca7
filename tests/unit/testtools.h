/*
 * testtools.h — helpers of the cmocka tests that write a file and read it
 * back with a real tool (pdftotext, qpdf, pdftoppm, …).  Include after
 * cmocka.h.
 */
#ifndef IB_TESTTOOLS_H
#define IB_TESTTOOLS_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <sys/wait.h>

/* The output file of the test: test_output_path("x.pdf") makes a fresh
 * directory /tmp/ibericht-test.XXXXXX and returns DIR/x.pdf;
 * test_output_remove is a cmocka teardown that removes both, also after a
 * failed check. */
static char test_output_dir[] = "/tmp/ibericht-test.XXXXXX";
static char test_output_file[256];

static const char *test_output_path(const char *name)
{
    strcpy(test_output_dir, "/tmp/ibericht-test.XXXXXX");      /* a fresh one per test */
    assert_non_null(mkdtemp(test_output_dir));
    snprintf(test_output_file, sizeof test_output_file, "%s/%s", test_output_dir, name);
    return test_output_file;
}

static int test_output_remove(void **state)
{
    (void)state;
    if (test_output_file[0]) unlink(test_output_file);
    rmdir(test_output_dir);
    return 0;
}

/* test_output_keep — when the environment variable env names a file, copy
 * the test's output path there (to look at it after the run). */
static inline void test_output_keep(const char *path, const char *env)
{
    const char *keep = getenv(env);
    if (!keep) return;
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", path, keep);
    assert_int_equal(system(cmd), 0);
}

/* run_tool — the whole stdout of cmd (malloc'd, NUL-terminated); its wait
 * status in *status when status is not NULL.  Fails the test when the
 * command cannot be started. */
static char *run_tool(const char *cmd, int *status)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    size_t got;
    while ((got = fread(out + n, 1, cap - n - 1, p)) > 0) {
        n += got;
        if (cap - n < 1024) {
            cap *= 2;
            out = realloc(out, cap);
            assert_non_null(out);
        }
    }
    out[n] = '\0';
    int st = pclose(p);
    if (status) *status = st;
    return out;
}

/* check_pdf — output of tests/e2e/check_pdf.py OPTIONS 'path' (stdout and
 * stderr, malloc'd) and its exit code in *rc.  The script is found from the
 * test binary (BUILD/tests/test_x → ../../tests/e2e). */
static inline char *check_pdf(const char *options, const char *path, int *rc)
{
    char exe[1024], cmd[2600];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    assert_true(n > 0);
    exe[n] = '\0';
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(exe, '/');
        assert_non_null(slash);
        *slash = '\0';
    }
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s/tests/e2e/check_pdf.py' %s '%s' 2>&1", exe, options, path);
    int st;
    char *out = run_tool(cmd, &st);
    *rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}

#endif
