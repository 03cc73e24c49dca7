/*
 * test_diag.c — unit tests of lib/diag: every message is one whole line
 * ("PROGRAM: LABEL…\n"), also when it is far longer than the stack buffer
 * or carries newlines of its own; German texts for errno values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/diag.h"

/* Run fn with stderr in a temporary file; returns what it wrote (malloc'd). */
static char *captured(void (*fn)(void))
{
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    int saved = dup(STDERR_FILENO);
    assert_true(saved >= 0);
    assert_true(dup2(fileno(tmp), STDERR_FILENO) >= 0);
    fn();
    assert_true(dup2(saved, STDERR_FILENO) >= 0);
    close(saved);
    off_t n = lseek(fileno(tmp), 0, SEEK_END);
    assert_true(n >= 0);
    char *text = calloc(1, (size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(pread(fileno(tmp), text, (size_t)n, 0), n);
    fclose(tmp);
    return text;
}

static char long_text[20000];

static void print_long(void) { diag_report(DIAG_WARNING, NULL, "%s", long_text); }

static void test_long_message_whole(void **state)
{
    (void)state;
    memset(long_text, 'x', sizeof long_text - 1);
    diag_set_program("ibericht-test");
    char *out = captured(print_long);
    const char *prefix = "ibericht-test: Warnung: ";
    assert_int_equal(strlen(out), strlen(prefix) + sizeof long_text - 1 + 1);
    assert_memory_equal(out, prefix, strlen(prefix));
    assert_memory_equal(out + strlen(prefix), long_text, sizeof long_text - 1);
    assert_int_equal(out[strlen(out) - 1], '\n');
    free(out);
}

static void print_located(void)
{
    struct diag_where w = { "eingang/a.csv", NULL, 3, "massnahme" };
    diag_report(DIAG_ERROR, &w, "Wert „%s“", "zwei\nZeilen\r");
    diag_info("Ende");
}

static void test_located_one_line_each(void **state)
{
    (void)state;
    diag_set_program("ibericht-test");
    char *out = captured(print_located);
    assert_string_equal(out, "ibericht-test: Fehler: eingang/a.csv, Zeile 3, Spalte „massnahme“: Wert „zwei Zeilen “\n"
                             "ibericht-test: Ende\n");
    free(out);
}

static void print_quiet(void)
{
    diag_quiet(1);
    diag_info("nicht zu sehen");
    diag_error("zu sehen");
    diag_quiet(0);
}

static void test_quiet(void **state)
{
    (void)state;
    diag_set_program("ibericht-test");
    char *out = captured(print_quiet);
    assert_string_equal(out, "ibericht-test: Fehler: zu sehen\n");
    free(out);
}

static void test_errno_text_german(void **state)
{
    (void)state;
    assert_string_equal(diag_errno_text(ENOENT), "Datei oder Ordner fehlt");
    assert_string_equal(diag_errno_text(EACCES), "keine Berechtigung");
    assert_string_equal(diag_errno_text(EISDIR), "ist ein Ordner");
    assert_string_equal(diag_errno_text(ENOTDIR), "ein Teil des Pfades ist kein Ordner");
    assert_string_equal(diag_errno_text(ENOSPC), "Datenträger voll");
    assert_string_equal(diag_errno_text(EROFS), "Datenträger nur lesbar");
    assert_string_equal(diag_errno_text(EEXIST), "existiert bereits");
    assert_string_equal(diag_errno_text(ENOMEM), "kein Speicher");
    assert_string_equal(diag_errno_text(EPROTO), strerror(EPROTO));     /* the rare rest */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_message_whole),
        cmocka_unit_test(test_located_one_line_each),
        cmocka_unit_test(test_quiet),
        cmocka_unit_test(test_errno_text_german),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
