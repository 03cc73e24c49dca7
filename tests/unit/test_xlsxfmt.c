/*
 * test_xlsxfmt.c — the line estimate behind the row heights of wrapped text
 * in the workbooks (cmocka).  Expectations from DejaVu Sans's advance widths
 * (2048 units per em): digit 1303, space 651, hyphen 739, a and ä 1255; a
 * column of width w holds w + 0,3 digit widths of 11-pt text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>

#include "lib/xlsxfmt.h"

static void test_lines_plain(void **state)
{
    (void)state;
    assert_int_equal(xlsxfmt_text_lines("", 10, 11, 0), 1);
    assert_int_equal(xlsxfmt_text_lines(NULL, 10, 11, 0), 1);
    assert_int_equal(xlsxfmt_text_lines("abc", 10, 11, 0), 1);
    assert_int_equal(xlsxfmt_text_lines("a\nb\nc", 10, 11, 0), 3);
    assert_int_equal(xlsxfmt_text_lines("a\n\nc", 10, 11, 0), 3);
    /* ten digits: 10 digit widths fit a column of 9,7, not one of 9 (broken inside the word) */
    assert_int_equal(xlsxfmt_text_lines("0000000000", 9.7, 11, 0), 1);
    assert_int_equal(xlsxfmt_text_lines("0000000000", 9, 11, 0), 2);
    assert_int_equal(xlsxfmt_text_lines("00000000000000000000000000000", 9, 11, 0), 4);   /* 29 digits, 9,3 a line */
}

static void test_lines_words(void **state)
{
    (void)state;
    /* 5 + 0,5 + 5 = 10,5 digit widths: two lines at width 10 (10,3), one at 11 */
    assert_int_equal(xlsxfmt_text_lines("00000 00000", 10, 11, 0), 2);
    assert_int_equal(xlsxfmt_text_lines("00000 00000", 11, 11, 0), 1);
    /* a break after the hyphen: 5,57 + 5 */
    assert_int_equal(xlsxfmt_text_lines("00000-00000", 10, 11, 0), 2);
    assert_int_equal(xlsxfmt_text_lines("00000-00000", 11, 11, 0), 1);
    /* three words of 5 at width 6: one a line */
    assert_int_equal(xlsxfmt_text_lines("00000 00000 00000", 6, 11, 0), 3);
}

static void test_lines_font(void **state)
{
    (void)state;
    /* bold is taken 10 % wider: 10 digits no longer fit 10,3 / 1,1 = 9,36 */
    assert_int_equal(xlsxfmt_text_lines("0000000000", 10, 11, 0), 1);
    assert_int_equal(xlsxfmt_text_lines("0000000000", 10, 11, 1), 2);
    /* 20 pt: 10,3 × 11 / 20 = 5,67 digit widths a line */
    assert_int_equal(xlsxfmt_text_lines("00000", 10, 20, 0), 1);
    assert_int_equal(xlsxfmt_text_lines("000000", 10, 20, 0), 2);
    /* UTF-8: ä is 1255 units, 4 of them (3,85) fit 4,3, 6 (5,78) do not */
    assert_int_equal(xlsxfmt_text_lines("ääää", 4, 11, 0), 1);
    assert_int_equal(xlsxfmt_text_lines("ääääää", 4, 11, 0), 2);
    assert_true(fabs(xlsxfmt_line_height(11) - 15) < 1e-9);
    assert_true(fabs(xlsxfmt_line_height(8) - 15) < 1e-9);
    assert_true(fabs(xlsxfmt_line_height(22) - 30) < 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_plain),
        cmocka_unit_test(test_lines_words),
        cmocka_unit_test(test_lines_font),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
